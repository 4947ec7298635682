"""--jobs N: batches of records run in N worker processes, results streamed back in input order.

Workers are forked from the process that has already loaded the pipeline, so each worker has it from the
start (shared copy-on-write, not loaded N times) and start-up costs milliseconds. At most 2 batches per
worker are in flight: memory stays bounded however long the input is, and records are written as soon
as the batch holding them and all earlier ones are done. Workers ignore SIGINT; the parent stops them
(Pool.terminate) when it is interrupted, terminated, or its stdout closes.

spaCy's own nlp.pipe(n_process=...) is not used: it pickles Docs back to the parent (slower than the small
dicts sent here), and with user extensions and memory zones it has known hangs (spaCy #5119, #9232).
"""
from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from datetime import date as Date

IN_FLIGHT_PER_WORKER = 2
_extractor = None  # the parent's Extractor, inherited by the forked workers


def default_jobs() -> int:
    """The CPUs this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _init_worker() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C goes to the whole process group: the parent decides
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _work(batch: list, wanted: tuple[str, ...], override: Date | None) -> list[dict]:
    return list(_extractor._run(batch, wanted, override))


def run_parallel(extractor, batches: Iterable[list], wanted: tuple[str, ...], override: Date | None,
                 jobs: int) -> Iterator[dict]:
    """The records of all batches, in order. With one batch or less there is nothing to share out: it runs
    here, without starting workers."""
    global _extractor
    batches = iter(batches)
    first = next(batches, None)
    second = next(batches, None)
    if first is None:
        return
    if second is None:
        yield from extractor._run(first, wanted, override)
        return
    _extractor = extractor
    pool = multiprocessing.get_context("fork").Pool(jobs, initializer=_init_worker)
    try:
        pending: deque = deque()
        for batch in _chain(first, second, batches):
            pending.append(pool.apply_async(_work, (batch, wanted, override)))
            while len(pending) >= IN_FLIGHT_PER_WORKER * jobs:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
        pool.close()
        pool.join()
    finally:
        pool.terminate()
        _extractor = None


def _chain(first: list, second: list, rest: Iterator[list]) -> Iterator[list]:
    yield first
    yield second
    yield from rest
