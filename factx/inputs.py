"""Turning paths, directories, stdin and JSONL into Records (or Failures): reading and decoding.

Decoding: a UTF-8 BOM is dropped; a UTF-16 BOM selects UTF-16; anything else is UTF-8, and bytes that
are not UTF-8 are replaced with U+FFFD (with a warning) rather than failing the input. Line endings are
kept as they are, so offsets count in the text exactly as decoded. Files that look binary (a known magic
number, or many control bytes) fail as BinaryInput.
"""
from __future__ import annotations

import codecs
import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from .core import Failure, Record, parse_date
from .errors import BadRecord, BinaryInput, FactxError, InputError, NotFound, PermissionDenied

STDIN = "-"
SNIFF_BYTES = 4096
BINARY_MAGIC = (b"\x89PNG", b"\x1f\x8b", b"PK\x03\x04", b"%PDF", b"GIF8", b"\xff\xd8\xff", b"BZh", b"\x7fELF",
                b"\xfd7zXZ", b"7z\xbc\xaf")
Warn = Callable[[str], None]


def decode(data: bytes, name: str, warn: Warn | None = None) -> str:
    """Bytes of one input -> text. Raises BinaryInput for data that is not text."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise BinaryInput(f"{name}: has a UTF-16 byte order mark but is not valid UTF-16") from e
    head = data[:SNIFF_BYTES]
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    if head.startswith(BINARY_MAGIC) or (head and controls / len(head) > 0.1):
        raise BinaryInput(f"{name}: looks like a binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        if warn:
            warn(f"{name}: not valid UTF-8 at byte {e.start}; undecodable bytes replaced with U+FFFD")
        return data.decode("utf-8", errors="replace")


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError as e:
        raise NotFound(f"{path}: no such file or directory") from e
    except PermissionError as e:
        raise PermissionDenied(f"{path}: permission denied") from e
    except IsADirectoryError as e:
        raise InputError(f"{path}: is a directory") from e
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror or e})") from e


def expand(paths: Iterable[str]) -> Iterator[tuple[str, Path | None, FactxError | None]]:
    """Each path as given; a directory becomes its *.txt files, recursively, in sorted order."""
    for raw in paths:
        if raw == STDIN:
            yield raw, None, None
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*.txt") if p.is_file())
            if not files:
                yield raw, None, NotFound(f"{raw}: directory has no .txt files")
            for f in files:
                yield str(f), f, None
        elif not path.exists() and not path.is_symlink():
            yield raw, None, NotFound(f"{raw}: no such file or directory")
        else:
            yield raw, path, None


def read_inputs(paths: list[str], input_format: str, stdin: BinaryIO, warn: Warn | None = None
                ) -> Iterator[Record | Failure]:
    """Records for every input, in order; unreadable inputs become Failures in their place."""
    for name, path, error in expand(paths or [STDIN]):
        if error is not None:
            yield Failure(name, error)
            continue
        try:
            data = stdin.read() if path is None else _read_bytes(path)
            text = decode(data, name, warn)
        except FactxError as e:
            yield Failure(name, e)
            continue
        if input_format == "jsonl":
            yield from jsonl_records(text, name, warn)
        else:
            _warn_if_empty(text, name, warn)
            yield Record(name, text)


def _warn_if_empty(text: str, name: str, warn: Warn | None) -> None:
    """An empty or blank input is not an error (its record has empty lists), but a script should hear of it."""
    if warn and not text.strip():
        warn(f"{name}: {'empty' if not text else 'only whitespace'}, no facts")


def jsonl_records(text: str, source: str, warn: Warn | None = None) -> Iterator[Record | Failure]:
    """One Record per non-empty JSONL line ({"id", "text", "date"?}); a bad line becomes a Failure."""
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield Failure(where, BadRecord(f"{where}: not valid JSON ({e.msg})"))
            continue
        if not isinstance(obj, dict):
            yield Failure(where, BadRecord(f"{where}: expected a JSON object"))
            continue
        rid = str(obj["id"]) if obj.get("id") is not None else where
        if not isinstance(obj.get("text"), str):
            yield Failure(rid, BadRecord(f"{where}: 'text' is missing or not a string"))
            continue
        try:
            record = Record(rid, obj["text"], parse_date(obj.get("date")))
        except BadRecord as e:
            yield Failure(rid, BadRecord(f"{where}: {e}"))
            continue
        _warn_if_empty(record.text, where, warn)
        yield record
