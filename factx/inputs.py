"""Turning paths, directories, stdin and JSONL into Records (or Failures): reading and decoding.

Decoding: a UTF-8 BOM is dropped; a UTF-32 or UTF-16 BOM selects that encoding; anything else is UTF-8, and bytes that
are not UTF-8 are replaced with U+FFFD (with a warning) rather than failing the input. Line endings are
kept as they are, so offsets count in the text exactly as decoded. Files that look binary (a known magic
number, or many control bytes) fail as BinaryInput.
"""
from __future__ import annotations

import codecs
import json
import os
import select
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from .core import FLUSH, Failure, Record, parse_date
from .errors import BadRecord, BinaryInput, FactxError, InputError, NotFound, PermissionDenied

STDIN = "-"
SNIFF_BYTES = 4096
BINARY_MAGIC = (b"\x89PNG", b"\x1f\x8b", b"PK\x03\x04", b"%PDF", b"GIF8", b"\xff\xd8\xff", b"BZh", b"\x7fELF",
                b"\xfd7zXZ", b"7z\xbc\xaf")
BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"))
Warn = Callable[[str], None]


def decode(data: bytes, name: str, warn: Warn | None = None) -> str:
    """Bytes of one input -> text. Raises BinaryInput for data that is not text."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    else:
        for bom, codec in BOMS:  # UTF-32 first: its little-endian BOM starts with UTF-16's
            if data.startswith(bom):
                try:
                    return data.decode(codec)
                except UnicodeDecodeError as e:
                    raise BinaryInput(f"{name}: has a {codec.upper()} byte order mark but is not valid "
                                      f"{codec.upper()}") from e
    if _looks_binary(data[:SNIFF_BYTES]):
        raise BinaryInput(f"{name}: looks like a binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        if warn:
            warn(f"{name}: not valid UTF-8 at byte {e.start}; undecodable bytes replaced with U+FFFD")
        return data.decode("utf-8", errors="replace")


def _looks_binary(head: bytes) -> bool:
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return head.startswith(BINARY_MAGIC) or bool(head and controls / len(head) > 0.1)


def _open(path: Path) -> BinaryIO:
    try:
        return path.open("rb")
    except FileNotFoundError as e:
        raise NotFound(f"{path}: no such file or directory") from e
    except PermissionError as e:
        raise PermissionDenied(f"{path}: permission denied") from e
    except IsADirectoryError as e:
        raise InputError(f"{path}: is a directory") from e
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror or e})") from e


def _read_bytes(path: Path) -> bytes:
    with _open(path) as f:
        try:
            return f.read()
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
        if input_format == "jsonl":
            yield from _jsonl_input(name, path, stdin, warn)
            continue
        if path is None and stdin is None:
            yield Failure(name, InputError(f"{name}: standard input is closed"))
            continue
        try:
            data = stdin.read() if path is None else _read_bytes(path)
            text = decode(data, name, warn)
        except FactxError as e:
            yield Failure(name, e)
            continue
        _warn_if_empty(text, name, warn)
        yield Record(name, text)


def _jsonl_input(name: str, path: Path | None, stdin: BinaryIO, warn: Warn | None) -> Iterator[Record | Failure]:
    """A JSONL file or stdin read line by line: a stream of any length runs in constant memory, and each
    record starts as soon as its line has arrived."""
    try:
        if path is None and stdin is None:
            raise InputError(f"{name}: standard input is closed")
        stream = stdin if path is None else _open(path)
    except FactxError as e:
        yield Failure(name, e)
        return
    try:
        head = stream.peek(SNIFF_BYTES)[:SNIFF_BYTES] if hasattr(stream, "peek") else b""
        if head.startswith(tuple(bom for bom, _ in BOMS)):  # rare: decode it whole
            yield from jsonl_records(decode(stream.read(), name, warn), name, warn)
            return
        if _looks_binary(head.removeprefix(codecs.BOM_UTF8)):
            yield Failure(name, BinaryInput(f"{name}: looks like a binary file, not JSONL"))
            return
        lines = _lines_flushing(stream) if path is None and _is_pipe(stream) else stream
        for n, raw in enumerate(lines, 1):
            if raw is FLUSH:
                yield FLUSH
                continue
            if n == 1:
                raw = raw.removeprefix(codecs.BOM_UTF8)
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as e:
                if warn:
                    warn(f"{name}:{n}: not valid UTF-8 at byte {e.start}; undecodable bytes replaced with U+FFFD")
                line = raw.decode("utf-8", errors="replace")
            item = _jsonl_line(line.rstrip("\r\n"), f"{name}:{n}", warn)
            if item is not None:
                yield item
    except OSError as e:
        yield Failure(name, InputError(f"{name}: read failed ({e.strerror or e})"))
    finally:
        if path is not None:
            stream.close()


def _warn_if_empty(text: str, name: str, warn: Warn | None) -> None:
    """An empty or blank input is not an error (its record has empty lists), but a script should hear of it."""
    if warn and not text.strip():
        warn(f"{name}: {'empty' if not text else 'only whitespace'}, no facts")


def _is_pipe(stream) -> bool:
    try:
        return stat.S_ISFIFO(os.fstat(stream.fileno()).st_mode) or os.isatty(stream.fileno())
    except (OSError, ValueError, AttributeError):
        return False


def _lines_flushing(stream: BinaryIO) -> Iterator:
    """Lines of a pipe, with FLUSH put in whenever the next line has not arrived yet. Reads the file
    descriptor directly, after taking what the buffered reader already holds."""
    fd = stream.fileno()
    held = stream.peek() if hasattr(stream, "peek") else b""
    parts = [stream.read1(len(held))] if held else []
    while True:
        chunk = parts[-1] if parts else b""
        if b"\n" in chunk:
            data = b"".join(parts)
            *lines, rest = data.split(b"\n")
            for line in lines:
                yield line + b"\n"
            parts = [rest] if rest else []
        if not select.select([fd], [], [], 0)[0]:
            yield FLUSH
        chunk = os.read(fd, 1 << 16)
        if not chunk:
            if parts:
                yield b"".join(parts)
            return
        parts.append(chunk)


def jsonl_records(text: str, source: str, warn: Warn | None = None) -> Iterator[Record | Failure]:
    """One Record per non-empty JSONL line ({"id", "text", "date"?}); a bad line becomes a Failure."""
    for n, line in enumerate(text.split("\n"), 1):  # not splitlines(): U+2028 may stand inside a JSON string
        item = _jsonl_line(line.rstrip("\r"), f"{source}:{n}", warn)
        if item is not None:
            yield item


def _jsonl_line(line: str, where: str, warn: Warn | None) -> Record | Failure | None:
    if not line.strip():
        return None
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        return Failure(where, BadRecord(f"{where}: not valid JSON ({e.msg})"))
    if not isinstance(obj, dict):
        return Failure(where, BadRecord(f"{where}: expected a JSON object"))
    rid = obj.get("id")
    if rid is None:
        rid = where
    elif isinstance(rid, (str, int, float)) and not isinstance(rid, bool):
        rid = str(rid)
    else:
        return Failure(where, BadRecord(f"{where}: 'id' must be a string or a number, not {_json_type(rid)}"))
    if not isinstance(obj.get("text"), str):
        return Failure(rid, BadRecord(f"{where}: 'text' is missing or not a string"))
    try:
        record = Record(rid, obj["text"], parse_date(obj.get("date")))
    except BadRecord as e:
        return Failure(rid, BadRecord(f"{where}: {e}"))
    _warn_if_empty(record.text, where, warn)
    return record


def _json_type(value) -> str:
    return {bool: "a boolean", dict: "an object", list: "an array"}.get(type(value), type(value).__name__)


def count_inputs(paths: list[str]) -> int | None:
    """How many texts the paths hold (for a progress bar); None when one of them is stdin."""
    return None if "-" in paths else sum(1 for _ in expand(paths))
