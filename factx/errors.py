"""Errors a user can see, and the exit codes the CLI maps them to.

Every error factx raises on purpose is a FactxError with a one-line message written for the user.
"""
from __future__ import annotations

EXIT_OK = 0
EXIT_INPUT = 1  # an input could not be processed (the others still were)
EXIT_USAGE = 2  # bad options, missing model: nothing was processed
EXIT_SIGINT = 130
EXIT_SIGTERM = 143


def first_line(e: BaseException) -> str:
    """'TypeName: first line of the message', for one-line reports of exceptions from other libraries."""
    text = str(e).strip()
    return f"{type(e).__name__}: {text.splitlines()[0] if text else ''}"


class Terminated(BaseException):
    """SIGTERM arrived: unwind like Ctrl-C (not an Exception, so no handler swallows it), then exit 143."""


class FactxError(Exception):
    """Base class. `kind` names the error in JSON error records."""

    kind = "error"
    exit_code = EXIT_INPUT


class UsageError(FactxError):
    """A bad option value (dates, types, formats)."""

    kind = "usage"
    exit_code = EXIT_USAGE


class ModelNotFound(UsageError):
    """The spaCy pipeline named by --model is not installed."""

    kind = "model"


class PatternsError(UsageError):
    """A --patterns file that cannot be read or parsed."""

    kind = "patterns"


class InputError(FactxError):
    """One input could not be read or decoded; the others are still processed."""

    kind = "input"


class NotFound(InputError):
    kind = "not_found"


class PermissionDenied(InputError):
    kind = "permission"


class TooLarge(InputError):
    """An input longer than the --max-chars limit the user set."""

    kind = "too_large"


class BinaryInput(InputError):
    kind = "binary"


class BadRecord(InputError):
    """A JSONL line that is not an object with a string `text` (or has a bad `date`)."""

    kind = "bad_record"
