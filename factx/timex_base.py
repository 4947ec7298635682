"""The vocabulary and calendar arithmetic every TIMEX3 module shares: models/dates.json as regular
expressions, a year as TIMEX3 writes it, ISO weeks, quarters, month shifts, the cleaning of an expression
("nearly four years ago's" -> "four years ago") and the year of a day or month said without one."""
from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from .data import load_json
from .numbers import parse_number


@lru_cache(maxsize=1)
def vocab() -> dict:
    d = dict(load_json("dates.json"))
    months = "|".join(sorted(d["months"], key=len, reverse=True))
    weekdays = "|".join(sorted(d["weekdays"], key=len, reverse=True))
    seasons = "|".join(d["seasons"])
    units = "one|two|three|four|five|six|seven|eight|nine"
    teens = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    under100 = rf"(?:(?:{tens})(?:[- ](?:{units}))?|{teens}|(?:oh|o) (?:{units}))"
    d["re"] = {
        "month": months, "weekday": weekdays, "season": seasons,
        "modifier": "|".join(sorted(map(re.escape, d["modifiers"]), key=len, reverse=True)),
        # "nineteen ninety-six", "nineteen hundred", "two thousand and one", "twenty ten"
        "spelled_year": rf"\b(?:(seventeen|eighteen|nineteen|twenty)(?: (hundred)(?: and)?)?(?: ({under100}))?"
                        rf"|two thousand(?: and)?(?: ({units}|{teens}))?)\b",
    }
    return d


def month_of(word: str) -> int | None:
    return vocab()["months"].get(word.lower().rstrip("."))


def year_str(y: int) -> str | None:
    """A year as TIMEX3 writes it, four digits ("0999"); None outside the calendar (year 0, 10000)."""
    return f"{y:04d}" if 1 <= y <= 9999 else None


def plus_days(d: date, days: int) -> date | None:
    """d shifted by days, or None when that leaves the calendar (9999-12-31 plus one day)."""
    try:
        return d + timedelta(days)
    except (OverflowError, ValueError):
        return None


def iso(d: date | None) -> str | None:
    return d.isoformat() if d is not None else None


def iso_week(d: date | None) -> str | None:
    if d is None:
        return None
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def quarter_of(d: date) -> str:
    """"2013-Q1" for date(2013, 3, 22)."""
    return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    n = year * 12 + (month - 1) + delta
    return n // 12, n % 12 + 1


def shift_quarter(value: str | None, delta: int) -> str | None:
    """"1988-Q3" for ("1989-Q3", -4); None when the result leaves the calendar."""
    if value is None:
        return None
    y, q = value.split("-Q")
    n = int(y) * 4 + int(q) - 1 + delta
    year = year_str(n // 4)
    return f"{year}-Q{n % 4 + 1}" if year else None


FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
HEDGES = r"(?:some time|nearly|almost|about|around|some|roughly|approximately|more than|less than|over|just|only|fiscal|at least)"


def _spelled_years(t: str) -> str:
    """"nineteen ninety-six" -> "1996", "the year two thousand" -> "the year 2000"."""
    def repl(m: re.Match) -> str:
        if m[1]:
            if not m[2] and not m[3]:
                return m[0]  # "nineteen" alone is a number
            rest = parse_number(re.sub(r"^oh? ", "", m[3])) if m[3] else 0
            century = parse_number(m[1])
            return str(int(century * 100 + rest)) if century is not None and rest is not None else m[0]
        rest = parse_number(m[4]) if m[4] else 0
        return str(2000 + int(rest or 0))
    return re.sub(vocab()["re"]["spelled_year"], repl, t)


@lru_cache(maxsize=8192)
def clean(text: str) -> str:
    """Lower case, one space, no possessive, no leading preposition/article/hedge/modifier: "nearly four years
    ago's" -> "four years ago"; "third-quarter" -> "third quarter"; "early next year" -> "next year"."""
    v = vocab()
    t = text.lower().replace("’", "'").replace("‘", "'").replace("\u00a0", " ")
    t = re.sub(r"\s+", " ", t).strip(" .,;:")
    t = re.sub(r"(?<=[a-z])'s?(?= |$)", "", t)
    t = re.sub(r"(?<=[a-z])-(?=(?:quarter|half|year|month|week|century)\b)", " ", t)  # "20th-century"
    t = re.sub(r"\bfiscal-(?=[a-z])", "fiscal ", t)
    t = _spelled_years(t)
    t = re.sub(r" or so\b", "", t)
    previous = None
    while t != previous:
        previous = t
        t = re.sub(rf"^(?:the )?(?:{HEDGES}\s+)+", "", t)
        t = re.sub(r"^(?:the|its|their|his|her|our|on|in|at|by|since|until|till|through|during|from|of|for|over|to"
                   r"|as of)\s+", "", t)
        t = re.sub(rf"^(?:a|an|both|each|every)\s+(?=\d|(?:{v['re']['month']})\b|(?:first|second|third|fourth)\b"
                   rf"|\w+(?:st|nd|rd|th) century)", "", t)
        t = re.sub(rf"^(?:{v['re']['modifier']})(?:[- ]|(?=')|(?=\d))(?=\S)", "", t)
    return t


def valid_day(y: int, mth: int | None, d: int) -> str | None:
    try:
        return date(y, mth or 0, d).isoformat()
    except (ValueError, TypeError):
        return None


def day_value(year: str | None, month: int | None, day: int, ref: date | None, future: bool = False,
              past: bool = False) -> str | None:
    if month is None:
        return None
    if year:
        return valid_day(int(year), month, day)
    if ref is None:
        return None
    try:
        candidate = date(ref.year, month, day)
    except ValueError:
        return None
    # A day without a year is this year's, unless that is far ahead of the reference date in a sentence about
    # the past (then last year's), or well behind it in a forward-looking one (then next year's). A verb in the
    # past tense that governs the date (`past`: "was terminated on Dec. 15") allows no day ahead at all.
    ahead = (candidate - ref).days
    if not future and ahead > (1 if past else 150):
        return valid_day(ref.year - 1, month, day)
    if future and ahead < -30:
        return valid_day(ref.year + 1, month, day)
    return candidate.isoformat()


def month_year(which: str | None, mth: int, ref: date, future: bool, past: bool = False) -> int:
    """The year of a bare month ("in March", "last May", "next April") said on `ref`; `past`: a verb in the
    past tense governs it ("changed to a calendar year in December", said in October: last December)."""
    diff = mth - ref.month
    if which in ("last", "past", "this past"):
        return ref.year if diff < -1 else ref.year - 1
    if which in ("next", "coming", "this coming"):
        return ref.year if diff > 0 else ref.year + 1
    if which == "this":
        return ref.year
    if future:
        return ref.year if diff >= 0 else ref.year + 1
    # news reports the past, but a month just ahead is this year's ("the talks in May", said in March)
    return ref.year if diff <= (0 if past else 2) else ref.year - 1
