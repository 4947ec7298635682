"""Checks of the CLI's option values that need more than a type: each returns the value to use or raises
UsageError with a message that says what is wrong (cli.py turns it into one line on stderr, exit 2)."""
from __future__ import annotations

from pathlib import Path

from .errors import UsageError


def check_reference_date(value: str | None):
    """--reference-date as a date; a UsageError that says what is wrong with it."""
    import re
    from datetime import date

    if value is None:
        return None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        raise UsageError(f"invalid --reference-date {value!r}: expected YYYY-MM-DD")
    try:
        return date.fromisoformat(value.strip())
    except ValueError as e:
        raise UsageError(f"invalid --reference-date {value!r}: that date does not exist ({e})") from e


def check_dollar(value: str | None) -> str | None:
    """--dollar as an upper-case ISO 4217 code (pycountry's list), or a UsageError."""
    if value is None:
        return None
    import pycountry

    code = value.strip().upper()
    if len(code) != 3 or pycountry.currencies.get(alpha_3=code) is None:
        raise UsageError(f"--dollar {value!r}: not an ISO 4217 currency code (such as USD, CAD, AUD)")
    return code


def check_output_dir(output_dir: Path) -> None:
    """--output-dir exists (or is made) and takes a file; a UsageError in one line otherwise. Checked by
    writing, not with os.access, which says yes to root on a read-only directory or file system."""
    import tempfile

    try:
        output_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=output_dir):
            pass
    except OSError as e:
        raise UsageError(f"--output-dir {output_dir}: cannot write there ({e.strerror or e})") from e
    if any(output_dir.glob("part-*.jsonl")):
        raise UsageError(f"{output_dir} already holds part-*.jsonl files; remove them or choose "
                         f"another --output-dir")
