"""The progress bar of batch runs: documents done, words/s and ETA, on stderr, only on a terminal."""
from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from .core import FLUSH, Record


class Progress:
    """Counts the words of each input as it is read and advances when its record is written (records
    come out in input order, so a FIFO pairs them)."""

    def __init__(self, total: int | None):
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress as Bar, TextColumn, TimeElapsedColumn, \
            TimeRemainingColumn

        self.words: deque[int] = deque()
        self.done_words = 0
        self.bar = Bar(TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TextColumn("docs"),
                       TextColumn("{task.fields[rate]} words/s"), TimeElapsedColumn(), TimeRemainingColumn(),
                       console=Console(stderr=True), transient=True)
        self.task = self.bar.add_task("extract", total=total, rate="-")

    def count(self, records: Iterable) -> Iterator:
        for record in records:
            if record is not FLUSH:
                self.words.append(len(record.text.split()) if isinstance(record, Record) else 0)
            yield record

    def advance(self) -> None:
        self.done_words += self.words.popleft() if self.words else 0
        elapsed = self.bar.tasks[0].elapsed or 0
        rate = f"{self.done_words / elapsed:,.0f}" if elapsed > 0 else "-"
        self.bar.update(self.task, advance=1, rate=rate)


@contextmanager
def progress(enabled: bool, total: int | None):
    """A Progress while the block runs (None when disabled)."""
    if not enabled:
        yield None
        return
    p = Progress(total)
    with p.bar:
        yield p
