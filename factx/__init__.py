"""factx: people, titles, countries, dates and money from news text.

    >>> import factx
    >>> factx.extract("Japanese Vice Minister Takeshi Akahori arrived on Friday.", date="2013-03-22")

extract() and extract_many() return plain dicts (the same records the CLI prints as JSON); the pipeline
is loaded on first use and kept for the process. For another model or extra patterns, use Extractor;
load() returns the spaCy pipeline itself.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

__version__ = "1.0.0"
__all__ = ["extract", "extract_many", "Extractor", "load", "__version__"]

_default = None


def _extractor():
    global _default
    if _default is None:
        from .core import Extractor

        _default = Extractor()
    return _default


def extract(text: str, date=None, types=None) -> dict:
    """Facts of one text. date: reference date (YYYY-MM-DD or datetime.date); types: e.g. ["people", "money"]."""
    return _extractor().extract(text, date=date, types=types)


def extract_many(records: Iterable[dict], types=None) -> Iterator[dict]:
    """Facts of many records ({"id", "text", "date"?}), streamed in input order; bad records give error records."""
    return _extractor().extract_many(records, types=types)


def load(model: str | None = None, patterns: Iterable = (), dollar: str | None = None):
    """The spaCy Language with factx's components (see README, "Using factx inside spaCy"): `model` another
    installed English pipeline, `patterns` extra patterns files, `dollar` the ISO code a bare "$" means.
    Raises factx.errors.ModelNotFound or PatternsError."""
    from . import pipeline

    return pipeline.load(model, patterns, dollar)


def __dir__() -> list[str]:
    return sorted(__all__)


def __getattr__(name: str):
    if name == "Extractor":
        from .core import Extractor

        return Extractor
    raise AttributeError(name)
