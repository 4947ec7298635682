"""The dateline at the top of a wire article, taken as the day it was written: a line of its own ("March 01,
2008", "Tuesday, March 22, 2013") or a date after a place name or agency tag ("WASHINGTON, March 22, 2013 -",
"FRANKFURT, Feb 14 (Reuters) -"). A full date is the reference date; a month and day without a year is a
reference date whose year is unknown (timex.normalize_without_year resolves against it). A date inside the
first sentence ("On March 3, 2001, the company ...") is no dateline.
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from spacy.tokens import Doc, Span

from . import timex
from .doctext import text_of

DATELINE_CHARS = 300  # a dateline sits in the headline block at the top of the article
FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# the words around a dateline's date: a place in capitals, a news agency, a weekday, punctuation. A word is
# taken whole ((?!...) after it), so a run of capitals splits into words one way only: without that the
# pattern tried every split of "OFFICIALS" and backtracked exponentially on an all-capitals headline.
DATELINE_PREFIX = re.compile(r"^[\W\d_]*(?:(?:[A-Z][\w.'’&-]*(?![\w.'’&-])|\([A-Za-z ]+\)|(?:de|of|la|le|the|upon)\b)"
                             r"[\s,;:/|.-]*)*$")
DATELINE_SUFFIX = re.compile(r"^\s*(?:$|[-–—:|/(]|\(|\d{1,2}:\d\d|[A-Z]{2,}\b)")


def _at_dateline(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    prefix = text[line_start:start]
    suffix = text[end:len(text) if line_end < 0 else line_end]
    return bool(DATELINE_PREFIX.match(prefix) and DATELINE_SUFFIX.match(suffix))


def dateline_date(doc: Doc, spans: list[Span] | None = None) -> date | None:
    """The dateline's full date among the date entities (or `spans`) at the top of the article, else None."""
    for ent in sorted(doc.ents if spans is None else spans, key=lambda s: s.start):
        if ent.start_char > DATELINE_CHARS:
            break
        if ent.label_ != "DATE" or not _at_dateline(text_of(doc), ent.start_char, ent.end_char):
            continue
        value = timex.normalize(ent.text)
        if value and FULL_DATE.fullmatch(value):
            return date.fromisoformat(value)
    return None


@lru_cache(maxsize=1)
def _month_day_pattern() -> re.Pattern:
    months = sorted(timex.vocab()["months"], key=len, reverse=True)
    names = "|".join(m[:1].upper() + m[1:] for m in months)  # capitalised, as a dateline writes them
    return re.compile(rf"\b(?:{names})\.? \d{{1,2}}(?:st|nd|rd|th)?\b(?!,? ?\d)")


def dateline_month_day(doc: Doc) -> tuple[Span | None, tuple[int, int]] | None:
    """A dateline's month and day without a year ("FRANKFURT, Feb 14 (Reuters) -"), spaCy's entity or not:
    (its span, or None where it does not fall on token boundaries; (month, day)), else None."""
    text = text_of(doc)[:DATELINE_CHARS]
    for m in _month_day_pattern().finditer(text):
        if not _at_dateline(text_of(doc), m.start(), m.end()):
            continue
        month_word, day_word = m[0].rstrip(".").split(" ")[0], re.sub(r"\D", "", m[0].split(" ")[-1])
        month, day = timex.month_of(month_word), int(day_word)
        if month is None or timex.valid_day(2000, month, day) is None:  # 2000: a leap year, so Feb 29 counts
            continue
        return doc.char_span(m.start(), m.end()), (month, day)
    return None
