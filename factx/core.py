"""Records in, fact records out. Nothing here prints or exits: errors are exceptions from errors.py,
and per-input failures become error records so that one bad input never costs the others.
"""
from __future__ import annotations

import gc
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path

from .errors import BadRecord, FactxError, TooLarge, UsageError, first_line
from .pieces import PIECE_CHARS, merge_records, split_text
from .record import build, error_record
from .schema import TYPES

BATCH_SIZE = 32
log = logging.getLogger("factx")
# Put in a record stream by a reader whose next record is not there yet (a slow pipe): run what we have
# now rather than wait for the batch to fill, so `tail -f feed.jsonl | factx extract -i jsonl` keeps up.
FLUSH = object()
# Control characters (NUL, form feed, ESC...) become spaces before tokenising: the same length, so offsets
# hold, but a NUL no longer glues two words into one token. Mention texts are then read from the original.
# Lone surrogates (from JSON "\ud800") cannot be stored by spaCy: they become U+FFFD, also one character.
CONTROLS = {c: " " for c in [*range(0, 9), 11, 12, *range(14, 32), 127]} | {c: "\ufffd" for c in range(0xD800, 0xE000)}
# spaCy's tokenizer is worse than quadratic on a run of symbols with no space ("😀" * 8000 takes 18 s,
# a 100,000-character run about 40 minutes: each character is split off by the prefix/suffix rules one at
# a time over the rest of the run). A run longer than LONGEST_RUN gets a space at every LONGEST_RUN-th
# character (the same length, so offsets hold); no fact is that long, and a URL of 200 characters stays
# whole. \S{201,} cannot backtrack beyond one run's length, so this costs linear time.
LONGEST_RUN = 200
_LONG_RUN = re.compile(r"\S{%d,}" % (LONGEST_RUN + 1))


@dataclass
class Record:
    """One input document. `date` is the reference date for relative expressions (or None)."""

    id: str
    text: str
    date: Date | None = None


@dataclass
class Failure:
    """An input that could not be read; it still yields one (error) output record."""

    id: str
    error: FactxError


def tokenizable(text: str) -> str:
    """The text spaCy is given: controls as spaces, lone surrogates as U+FFFD, over-long runs broken (see
    LONGEST_RUN). Always the same length as `text`, so offsets into it are offsets into the input."""
    text = text.translate(CONTROLS)
    if len(text) > LONGEST_RUN:
        text = _LONG_RUN.sub(_break_run, text)
    return text


def _break_run(match: re.Match) -> str:
    chars = list(match.group())
    chars[LONGEST_RUN - 1::LONGEST_RUN] = " " * len(chars[LONGEST_RUN - 1::LONGEST_RUN])
    return "".join(chars)


def parse_date(value, what: str = "date") -> Date | None:
    """None, a date, or an ISO 'YYYY-MM-DD' string (a longer ISO timestamp is cut to its date)."""
    if value is None or isinstance(value, Date):
        return value
    if isinstance(value, str):
        try:
            return Date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    raise BadRecord(f"invalid {what} {value!r}: expected YYYY-MM-DD")


def parse_types(types: Iterable[str] | str | None) -> tuple[str, ...]:
    if types is None:
        return TYPES
    if isinstance(types, str):
        types = [t for t in types.split(",") if t.strip()]
    wanted = [t.strip().lower() for t in types]
    unknown = [t for t in wanted if t not in TYPES]
    if unknown or not wanted:
        raise UsageError(f"unknown fact type {', '.join(unknown) or '(none)'}: choose from {','.join(TYPES)}")
    return tuple(t for t in TYPES if t in wanted)


class Extractor:
    """A loaded pipeline and the functions that run it. Loading takes a second; reuse one Extractor."""

    def __init__(self, model: str | None = None, patterns: Iterable[str | Path] = (), dollar: str | None = None,
                 max_chars: int | None = None, piece_chars: int = PIECE_CHARS):
        """max_chars: inputs longer than this fail with kind too_large (None: no limit). Texts longer than
        piece_chars are processed in pieces and merged (see factx.pieces)."""
        from . import pipeline  # spaCy is imported here, not at package import

        self.nlp = pipeline.load(model, patterns, dollar)
        self.max_chars = max_chars
        self.piece_chars = min(piece_chars, self.nlp.max_length)
        # The loaded pipeline lives as long as the process: keep its objects out of the cyclic collector's
        # scans, so the collection after each batch costs microseconds, not 25 ms (and forked workers do
        # not copy the model's pages just to update GC headers).
        gc.freeze()

    def extract(self, text: str, date=None, types=None, id: str = "-") -> dict:
        """Facts of one text as a record dict. Raises BadRecord for a bad date, UsageError for bad types."""
        if not isinstance(text, str):
            raise BadRecord(f"text must be a string, not {type(text).__name__}")
        return next(self.extract_many([Record(id, text, parse_date(date))], types=types))

    def extract_many(self, records: Iterable[Record | Failure | dict], types=None,
                     reference_date=None, batch_size: int = BATCH_SIZE, jobs: int = 1,
                     timeout: float | None = 60.0) -> Iterator[dict]:
        """One output record per input record, in input order, streamed as batches finish.

        records: Record, Failure (passed through as an error record) or dicts with "text", optional "id" and
        "date". reference_date, when given, overrides every record's date. jobs > 1 runs the batches in
        that many worker processes (see factx.parallel); the output is the same as with jobs=1. With jobs > 1,
        a document that runs past `timeout` seconds plus 1 s per 1,000 characters (None: no limit) is
        stopped with its worker and gets an error record of kind `timeout`.
        """
        wanted = parse_types(types)
        override = parse_date(reference_date, "reference date")
        if jobs > 1:
            from .parallel import PARALLEL_BATCH_SIZE, run_parallel

            # smaller batches share the work out evenly between the workers
            batches = _batches(records, min(batch_size, PARALLEL_BATCH_SIZE))
            yield from run_parallel(self, batches, wanted, override, jobs, timeout)
            return
        batches = _batches(records, batch_size)
        for batch in batches:
            if batch is not FLUSH:
                yield from self._run(batch, wanted, override)

    def _run(self, batch: list, wanted: tuple[str, ...], override: Date | None) -> Iterator[dict]:
        good = [r for r in batch if isinstance(r, Record)]
        results: dict[int, dict] = {}
        short = []
        for k, r in enumerate(good):
            if self.max_chars is not None and len(r.text) > self.max_chars:
                error = TooLarge(f"{r.id}: {len(r.text):,} characters, over the --max-chars limit of "
                                 f"{self.max_chars:,}")
                results[k] = error_record(r.id, error.kind, str(error))
            elif len(r.text) > self.piece_chars:
                results[k] = self._long(r, wanted, override)  # each piece in its own memory zone
            else:
                short.append(k)
        # memory_zone frees the strings and Docs of the batch when it ends: memory stays flat in long runs.
        with self.nlp.memory_zone():
            docs = []
            for k in short:
                doc = self._make_doc(good[k], override)
                if isinstance(doc, dict):  # the text cannot be made into a Doc: its error record
                    results[k] = doc
                else:
                    docs.append((k, doc))
            try:
                for (k, _), done in zip(docs, self.nlp.pipe([d for _, d in docs])):
                    results[k] = _original_texts(build(done, good[k].id, wanted), good[k].text)
            except Exception:  # noqa: BLE001 - a bug on one document must not cost the batch: retry one by one
                # from new Docs: the failed pipe may have left the others half-annotated (spaCy E039 later)
                for k, _ in docs:
                    if k not in results:
                        results[k] = self._one(good[k], wanted, override)
            del docs  # nothing may hold a Doc past its memory zone
        # Docs, spans and their extension values form reference cycles that only the cyclic collector frees;
        # left to its own schedule, garbage from many batches piles up and the peak memory of a long run
        # grows with its length. Collecting once per batch costs well under 1% of the time.
        gc.collect()
        processed = iter(results[k] for k in range(len(good)))
        for item in batch:
            if isinstance(item, Failure):
                yield error_record(item.id, item.error.kind, str(item.error))
            else:
                yield next(processed)

    def _make_doc(self, record: Record, override: Date | None):
        """A tokenised Doc of the record's text, or the record's error record."""
        try:
            doc = self.nlp.make_doc(tokenizable(record.text))
        except Exception as e:  # noqa: BLE001 - too long, unencodable text: this input fails alone
            return error_record(record.id, "input", f"{record.id}: cannot process this text ({first_line(e)})")
        doc._.factx_ref_date = override or record.date
        return doc

    def _long(self, record: Record, wanted: tuple[str, ...], override: Date | None) -> dict:
        """A text too long for one Doc: its pieces one after another, each in its own memory zone (so peak
        memory does not grow with the input), all resolved against the reference date of the first piece
        (given, or its dateline), merged into one record. A piece factx fails on costs only that piece:
        the record keeps the other pieces' facts and says what was lost in `warnings`."""
        ref, source = override or record.date, None
        parts, warnings = [], []
        for start, end in split_text(record.text, self.piece_chars):
            with self.nlp.memory_zone():
                try:
                    doc = self.nlp.make_doc(tokenizable(record.text[start:end]))
                    doc._.factx_ref_date, doc._.factx_ref_source = ref, source
                    doc = self.nlp(doc)
                    ref, source = doc._.factx_ref_date, doc._.factx_ref_source
                    parts.append((start, build(doc, record.id, wanted)))
                except Exception as e:  # noqa: BLE001 - this piece's facts are lost, not the others'
                    log.debug("factx failed on %s at %d", record.id, start, exc_info=e)
                    warnings.append({"kind": "internal", "start": start, "end": end,
                                     "message": f"{record.id}: factx failed on the piece at characters "
                                                f"{start:,}-{end:,}, whose facts are missing "
                                                f"({_cause(e)}); please report it"})
                doc = None
            gc.collect()
        try:
            merged = _original_texts(merge_records(parts), record.text) if parts else _empty(record, wanted, ref)
        except Exception as e:  # noqa: BLE001
            log.debug("factx failed merging %s", record.id, exc_info=e)
            return error_record(record.id, "internal", f"{record.id}: factx failed merging the pieces of this "
                                                       f"input ({_cause(e)}); please report it")
        if warnings:
            merged["warnings"] = warnings
        return merged

    def _one(self, record: Record, wanted: tuple[str, ...], override: Date | None) -> dict:
        doc = self._make_doc(record, override)
        if isinstance(doc, dict):
            return doc
        try:
            return _original_texts(build(self.nlp(doc), record.id, wanted), record.text)
        except Exception as e:  # noqa: BLE001 - reported as this input's error record
            log.debug("factx failed on %s", record.id, exc_info=e)
            return error_record(record.id, "internal", f"{record.id}: factx failed on this input "
                                                       f"({_cause(e)}); please report it")


def _cause(error: BaseException) -> str:
    """The first line of the error that really happened: spaCy wraps a component's KeyError in its own
    ValueError E109 ("Did you forget to call initialize()?"), which says nothing about factx's bug."""
    while error.__cause__ is not None and "[E109]" in str(error):
        error = error.__cause__
    return first_line(error)


def _empty(record: Record, wanted: tuple[str, ...], ref: Date | None) -> dict:
    """The record of a text none of whose pieces could be processed: no facts (its warnings say why)."""
    return {"id": record.id} | {key: [] for key in wanted} | {
        "reference_date": {"value": ref.isoformat() if ref else None, "source": "given" if ref else None}}


def chunks(items: Iterable, size: int) -> Iterator[list]:
    """Lists of up to `size` items. A FLUSH item (the input is idle) ends the current list early and is
    passed on after it, so worker pools can hand back what is in flight."""
    chunk: list = []
    for item in items:
        if item is FLUSH:
            if chunk:
                yield chunk
                chunk = []
            yield FLUSH
            continue
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _batches(records: Iterable, size: int) -> Iterator[list[Record | Failure]]:
    return chunks(_as_records(records), size)


def _as_records(records: Iterable) -> Iterator:
    n = 0
    for item in records:
        if item is FLUSH:
            yield item
            continue
        yield _as_record(item, n)
        n += 1


def _original_texts(record: dict, text: str) -> dict:
    """Mention texts as they are in the input (they were read from the Doc, where controls are spaces).
    Slicing every mention is cheaper than translating the whole text again to see whether any changed."""
    mentions = [m for key in ("titles", "dates", "money") for m in record.get(key, [])]
    mentions += [m for key in ("people", "countries") for e in record.get(key, []) for m in e["mentions"]]
    for m in mentions:
        m["text"] = text[m["start"]:m["end"]]
    return record


def _as_record(item, n: int) -> Record | Failure:
    if isinstance(item, (Record, Failure)):
        return item
    if not isinstance(item, dict):
        return Failure(str(n), BadRecord(f"record {n} is not an object"))
    rid = str(item.get("id", n))
    text = item.get("text")
    if not isinstance(text, str):
        return Failure(rid, BadRecord(f"record {rid}: 'text' must be a string"))
    try:
        return Record(rid, text, parse_date(item.get("date")))
    except BadRecord as e:
        return Failure(rid, BadRecord(f"record {rid}: {e}"))
