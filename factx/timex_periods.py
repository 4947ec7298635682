"""Reporting periods: quarters and halves ("the third quarter of 2012", "Q3 2012", "fourth-quarter", "the
April-June quarter", "the June quarter"), the quarter a text speaks of ("the quarter", "the latest period",
"the year-ago quarter"), and seasons ("last summer"). A period without a year is the latest one begun by the
reference date in a clause about the past ("profit rose in the fourth quarter", said in March: last year's),
the next one not long over in a clause that looks forward."""
from __future__ import annotations

import re
from datetime import date

from .numbers import ordinal
from .timex_base import FULL_DATE, clean, month_of, month_year, quarter_of, shift_quarter, vocab, year_str

ORDINALS = r"(first|second|third|fourth|1st|2nd|3rd|4th|final|last)"
LOOKBACK_DAYS = 45  # a period over this long ago is still the one meant by "will report fourth-quarter results"

QUARTER_WORDS = r"(?:quarter|period|three months)"


def _normalize(text: str, ref: date | None) -> str | None:
    from .timex import normalize  # the day in "the quarter ended Sept. 30"; timex imports this module

    return normalize(text, ref)


def period_year(n: int, kind: str, ref: date | None, future: bool) -> int | None:
    """The year of quarter or half n said without one: in a clause about the past the latest such period begun
    by ref ("rose in the fourth quarter", said in March: last year's), looking forward the next one that is
    not over more than LOOKBACK_DAYS before ref ("will report first-quarter results", said in May: this year's)."""
    if ref is None:
        return None
    months = 3 if kind == "quarter" else 6
    first = months * (n - 1) + 1
    if not future:
        return ref.year if date(ref.year, first, 1) <= ref else ref.year - 1
    after = date(ref.year + 1, 1, 1) if first + months > 12 else date(ref.year, first + months, 1)
    return ref.year if (ref - after).days < LOOKBACK_DAYS else ref.year + 1


def _by_months(t: str, ref: date | None, future: bool) -> str | None:
    """A period named by its months: "the April-June quarter" (Q2), "the January-June period" (H1), "the
    June quarter" (the quarter that ends in June); a span that is no calendar quarter or half gives None."""
    R = vocab()["re"]
    rest = r"(?:,? (?:of )?(.+))?"
    m = re.fullmatch(rf"({R['month']})\.?(?: ?- ?| to | through )({R['month']})\.? (quarter|period|three months|half"
                     rf"|six months){rest}", t)
    if m:
        first, last = month_of(m[1]), month_of(m[2])
        kind = "quarter" if last - first == 2 and first % 3 == 1 else "half" if last - first == 5 and first % 6 == 1 \
            else None
        if kind is None or kind == "quarter" and m[3] in ("half", "six months") \
                or kind == "half" and m[3] in ("quarter", "three months"):
            return None
        rest_text = m[4]
    else:
        m = re.fullmatch(rf"({R['month']})\.? quarter{rest}", t)
        if not m or month_of(m[1]) % 3:
            return None
        first, kind, rest_text = month_of(m[1]) - 2, "quarter", m[2]
    n = (first - 1) // (3 if kind == "quarter" else 6) + 1
    year = _year_of(rest_text, ref) if rest_text else period_year(n, kind, ref, future)
    return _part(str(n), kind, year)


def quarters(t: str, ref: date | None, future: bool, anchor: str | None) -> str | None:
    """Quarters and halves: explicit ("q3 2012", "the third quarter of 1989", "the 1988 second quarter"),
    ordinal with the year from the reference date ("the fourth quarter"), and anaphoric ones that take
    the anchor: "the quarter", "the latest quarter", "the year-ago quarter", "a year earlier"."""
    latest = shift_quarter(quarter_of(ref), -1) if ref else None  # the quarter last reported on
    spoken = anchor or latest  # the quarter the text speaks of
    # "the 1988 second quarter", "1989 first half"
    m = re.fullmatch(rf"(\d{{4}}) {ORDINALS} (?:fiscal )?(quarter|half)", t)
    if m:
        return _part(m[2], m[3], int(m[1]))
    m = re.fullmatch(r"(?:(this|last|next) year (?=\w+ (?:fiscal )?(?:quarter|half)))?"
                     r"((?:(?:year-ago|year-earlier|year ago|year earlier|comparable|same|fiscal) )*)"
                     rf"{ORDINALS} (?:fiscal )?(quarter|half)"
                     r"(?:,? (?:of )?(.+))?", t)
    if m:
        year_ago = "year" in m[2]
        rest = m[5] or (f"{m[1]} year" if m[1] else None)
        if rest and year_ago:
            return None
        ended = re.fullmatch(r"(?:ended|ending|that ended|which ended) (.+)", rest or "")
        if ended:  # "the fourth quarter ended sept. 30": the year of that day
            day = _normalize(ended[1], ref)
            year = int(day[:4]) if day and re.match(r"\d{4}", day) else None
        else:
            year = _year_of(rest, ref) if rest else period_year(_number(m[3], m[4]), m[4], ref, future)
        if year is not None and year_ago:
            year -= 1
        return _part(m[3], m[4], year)
    # "the quarter ended sept. 30": the quarter that holds that day
    m = re.fullmatch(r"(?:(?:latest|fiscal|most recent|same) )*(quarter|three months|half|six months) "
                     r"(?:that |which )?(?:ended|ending) (.+)", t)
    if m:
        day = _normalize(m[2], ref)
        if not (day and FULL_DATE.fullmatch(day)):
            return None
        d = date.fromisoformat(day)
        return quarter_of(d) if m[1] in ("quarter", "three months") else f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
    m = re.fullmatch(r"(q[1-4]|h[12])(?:,? (.+))?", t)
    if m:
        kind = "quarter" if m[1][0] == "q" else "half"
        year = _year_of(m[2], ref) if m[2] else period_year(int(m[1][1]), kind, ref, future)
        return f"{year_str(year)}-{m[1].upper()}" if year is not None else None
    value = _by_months(t, ref, future)
    if value:
        return value
    m = re.fullmatch(r"first (two|three) quarters(?: of (\d{4}))?", t)
    if m and m[1] == "two":
        year = int(m[2]) if m[2] else (ref.year if ref else None)
        return f"{year_str(year)}-H1" if year else None
    # "the 1989 period", "the 1988 quarter": that year's quarter of the anchor
    m = re.fullmatch(rf"(\d{{4}}) {QUARTER_WORDS}", t)
    if m:
        return f"{m[1]}-Q{spoken[-1]}" if spoken else m[1]
    if ref is None and anchor is None:
        return None
    if re.fullmatch(r"(?:current|this|present) (?:fiscal )?quarter", t) and ref:
        return quarter_of(ref)
    if re.fullmatch(r"(?:latest|most recent|just-ended|just ended|recent) (?:fiscal )?(?:quarter|period|three months)",
                    t):
        return latest
    if re.fullmatch(r"(?:(?:same|that|fiscal) )?(?:fiscal )?quarter", t) or anchor and t in ("period", "three months"):
        return spoken
    if re.fullmatch(rf"(?:(?:comparable|same|corresponding|year-ago|year-earlier|year ago|year earlier|prior-year"
                    rf"|prior year|previous year) )+(?:fiscal )?{QUARTER_WORDS}|year-ago|year-earlier"
                    rf"|{QUARTER_WORDS} (?:a year (?:ago|earlier)|of last year|last year)|last year {QUARTER_WORDS}"
                    rf"|(?:same|corresponding|comparable) {QUARTER_WORDS} (?:a year (?:ago|earlier)|of last year"
                    rf"|last year|of the previous year|the previous year|of the prior year)", t):
        return shift_quarter(spoken, -4) if spoken else None
    if anchor and re.fullmatch(r"(?:a|one) year (?:ago|earlier|before)|(?:year-ago|year-earlier) (?:results|levels?)",
                               t):
        return shift_quarter(anchor, -4)
    return None


def _number(word: str, kind: str) -> int:
    """4 for ("fourth", "quarter"), 2 for ("last", "half")."""
    if word in ("final", "last"):
        return 4 if kind == "quarter" else 2
    return ordinal(word) or 0


def _part(word: str, kind: str, year: int | None) -> str | None:
    n = _number(word, kind)
    if year is None or year_str(year) is None:
        return None
    if kind == "half":
        if n not in (1, 2):
            return None
        return f"{year_str(year)}-H{n}" if year is not None else None
    return f"{year_str(year)}-Q{n}" if year is not None and 1 <= n <= 4 else None


def _year_of(text: str, ref: date | None) -> int | None:
    text = clean(text)
    if re.fullmatch(r"\d{4}", text):
        return int(text)
    if ref is None:
        return None
    return {"this year": ref.year, "last year": ref.year - 1, "next year": ref.year + 1,
            "year": ref.year, "current year": ref.year, "fiscal year": ref.year,
            "the year": ref.year, "the current year": ref.year}.get(text)


def season(which: str | None, season: str, year: str | None, ref: date | None, future: bool) -> str | None:
    code = vocab()["seasons"][season]
    if year:
        return f"{int(year):04d}-{code}"
    if ref is None:
        return None
    month = vocab()["season_months"][code]
    return f"{year_str(month_year(which, month, ref, future))}-{code}"
