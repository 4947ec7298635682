"""Dates that refer to other dates: anaphora ("later that year", "the following month", "the next day": the
year, month or day the text last named, from the rows of models/dates.json "anaphora") and end points
("through January": the occurrence nearest the reference date, ahead or behind)."""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from . import timex
from .data import load_json
from .timex_relative import shifted


def nearest(text: str, ref: date, anchor: str | None) -> str | None:
    """Of the values looking back and looking forward, the one nearer ref: an end point ("through January",
    said in October, is next January; "through August" last August)."""
    back = timex.normalize(text, ref, anchor=anchor, past=True)
    ahead = timex.normalize(text, ref, future=True, anchor=anchor)
    if back == ahead or not (back and ahead and re.fullmatch(r"\d{4}-\d\d(?:-\d\d)?", back)):
        return back
    start = lambda v: date.fromisoformat((v + "-01")[:10])  # noqa: E731
    return back if (ref - start(back)).days <= (start(ahead) - ref).days else ahead

@lru_cache(maxsize=1)
def rows() -> list[dict]:
    """models/dates.json "anaphora", each with its compiled pattern."""
    return [{**row, "re": re.compile(row["pattern"])} for row in load_json("dates.json")["anaphora"]]


def anaphor(text: str) -> dict | None:
    """The row of models/dates.json "anaphora" that `text` is ("later that year", "the following day")."""
    cleaned = timex.clean(text)
    return next((row for row in rows() if row["re"].fullmatch(cleaned)), None)

def resolve(row: dict, named: dict[str, str], value: str | None) -> str | None:
    """The row's unit shifted from the last one the text named; without one, `value` (what the reference
    date gives), except for "that year", which means a year named."""
    base = named.get(row["unit"])
    if base is None:
        return None if row["shift"] == 0 and row["unit"] == "year" else value
    y, m, d = (int(x) for x in (base + "-01-01")[:10].split("-"))
    return shifted(date(y, m, d), row["unit"], row["shift"])

def remember(named: dict[str, str], value: str, text: str) -> None:
    """Note the year, month and day a date names, for "that year", "the following month", "the next day"."""
    if re.match(r"\d{4}(?:$|-)", value) and re.search(r"\b\d{4}\b", text):
        named["year"] = value[:4]  # a year written out ("in June 1998"), not "last year"
    if re.fullmatch(r"\d{4}-\d\d(?:-\d\d)?", value):
        named["month"] = value[:7]
    if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        named["day"] = value
