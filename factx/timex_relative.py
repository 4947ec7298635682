"""Relative dates, resolved against the reference date: the rows of models/dates_relative.json ("yesterday",
"last week", "the same day last year"), counts back and forward ("two years ago", "in three days"), weekdays
("Friday", "last Friday"), weekends and holidays ("Thanksgiving", "Easter 2010")."""
from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from .data import load_json
from .numbers import parse_number
from .timex_base import iso, iso_week, month_year, month_of, plus_days, quarter_of, shift_month, shift_quarter, vocab, year_str

UNITS = ("day", "week", "month", "quarter", "year", "decade", "century")


@lru_cache(maxsize=1)
def relative_rows() -> dict[str, dict]:
    """phrase -> its row of models/dates_relative.json."""
    return {phrase: row for row in load_json("dates_relative.json")["rows"] for phrase in row["phrases"]}


def shifted(ref: date, unit: str, n: int, years: int = 0) -> str | None:
    """The TIMEX3 value of the `unit` n units from ref: ("day", -1) is yesterday, ("week", 0) this ISO week."""
    if unit == "day":
        day = plus_days(ref, n)
        if day is not None and years:
            try:
                day = day.replace(year=day.year + years)
            except ValueError:  # February 29 a year away
                return None
        return iso(day)
    if unit == "week":
        return iso_week(plus_days(ref, 7 * n))
    if unit == "month":
        y, mth = shift_month(ref.year, ref.month, n)
        return f"{year_str(y)}-{mth:02d}" if year_str(y) else None
    if unit == "quarter":
        return shift_quarter(quarter_of(ref), n)
    if unit == "decade":
        return (year_str(ref.year + 10 * n) or "")[:3] or None
    if unit == "century":
        return f"{ref.year // 100 + n:02d}" if 0 <= ref.year // 100 + n <= 99 else None
    return year_str(ref.year + n)


def from_rows(raw: str, t: str, ref: date) -> str | None:
    """A row's value for the phrase as written with "the" ("the last week") or cleaned ("last week")."""
    rows = relative_rows()
    row = rows.get(raw) or rows.get(t)
    value = shifted(ref, row["unit"], row["shift"], row.get("years", 0)) if row else None
    return value + row["part"] if value and row.get("part") else value  # "this morning": 2013-03-22TMO


def relative(t: str, ref: date | None, future: bool, raw: str = "", past: bool = False) -> str | None:
    v = vocab()
    R = v["re"]
    if t in v["present_ref"]:
        return "PRESENT_REF"
    if t in v["past_ref"]:
        return "PAST_REF"
    if t in v["future_ref"]:
        return "FUTURE_REF"
    if ref is None:
        return None
    value = from_rows(raw, t, ref)
    if value is not None:
        return value
    # "the weekend", "this weekend", "last weekend"
    m = re.fullmatch(r"(?:(this|last|next|past|coming) )?weekend", t)
    if m:
        which = {"past": "last", "coming": "next"}.get(m[1], m[1])
        return _weekend(ref, which, future)
    if re.fullmatch(r"(?:several|a few|few|many|some) (?:days|weeks|months|years|decades) (?:ago|earlier|before)", t):
        return "PAST_REF"
    # "two years ago", "3 days ago", "a month ago"
    m = re.fullmatch(r"(.+?) (day|week|month|year|decade)s? (?:ago|earlier|before)", t)
    if m:
        n = parse_number(m[1])
        if n is None or n != int(n):
            return None
        return _offset(ref, m[2], -int(n))
    m = re.fullmatch(r"(?:in )?(.+?) (day|week|month|year)s? (?:from now|later|hence)", t)
    if m:
        n = parse_number(m[1])
        return _offset(ref, m[2], int(n)) if n is not None and n == int(n) else None
    # weekdays: "friday", "last friday", "next monday", "friday morning"
    m = re.fullmatch(rf"(?:previous|preceding) ({R['weekday']})", t)
    if m:  # "down 4.5% from the previous friday": the one before last
        return iso(date.fromisoformat(_weekday("last", v["weekdays"][m[1]], ref, False)) - timedelta(7))
    m = re.fullmatch(rf"(?:(this past|this coming|last|next|this|on|past|coming) )?({R['weekday']})\.?(?: (\w+))?", t)
    if m and (m[3] is None or m[3] in v["parts_of_day"]):
        return _weekday(m[1], v["weekdays"][m[2]], ref, future)
    # bare months: "march", "last march", "this march", "mid-march"
    m = re.fullmatch(rf"(?:(this past|this coming|last|next|this|past|coming) )?({R['month']})\.?", t)
    if m:
        mth = month_of(m[2])
        return f"{year_str(month_year(m[1], mth, ref, future, past))}-{mth:02d}"
    return None


def _offset(ref: date, unit: str, n: int) -> str | None:
    if unit == "week" and n == -1:
        return iso(plus_days(ref, -7))  # "a week ago" is the day seven days back; "three weeks ago" a week
    return shifted(ref, unit, n)


def _weekend(ref: date, which: str | None, future: bool) -> str:
    """ISO week of the weekend meant: the last one before (or, looking forward, the next one after) ref."""
    weekend_now = ref.weekday() >= 5
    last_saturday = ref - timedelta((ref.weekday() - 5) % 7)
    next_saturday = ref + timedelta((5 - ref.weekday()) % 7)
    if which == "last":
        day = last_saturday - timedelta(7) if weekend_now else last_saturday
    elif which == "next":
        day = next_saturday + timedelta(7) if weekend_now else next_saturday
    elif which == "this" or weekend_now:
        day = ref  # "this weekend": the weekend of this week
    else:
        day = next_saturday if future else last_saturday
    return iso_week(day) + "-WE"


def _weekday(which: str | None, wd: int, ref: date, future: bool) -> str:
    """The weekday meant: the same or previous such day; the same or next one when the clause looks forward
    ("will meet Friday"); "next Friday" said on a Friday is a week later, "last Friday" a week earlier."""
    back = -((ref.weekday() - wd) % 7)
    forward = (wd - ref.weekday()) % 7
    if which in ("next", "coming", "this coming"):
        delta = forward or 7
    elif which in ("last", "past", "this past"):
        delta = back or -7
    else:
        delta = forward if future else back
    return iso(ref + timedelta(delta))


def holiday_names() -> list[str]:
    h = vocab()["holidays"]
    return sorted((n for kind in ("fixed", "nth_weekday", "easter") for n in h[kind]), key=len, reverse=True)


def _easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _holiday_in(name: str, year: int) -> date:
    h = vocab()["holidays"]
    if name in h["fixed"]:
        mth, day = map(int, h["fixed"][name].split("-"))
        return date(year, mth, day)
    if name in h["easter"]:
        return _easter(year) + timedelta(h["easter"][name])
    mth, wd, n, after = h["nth_weekday"][name]
    if n > 0:
        first = date(year, mth, 1)
        day = first + timedelta((wd - first.weekday()) % 7 + 7 * (n - 1))
    else:
        last = shift_month(year, mth, 1)
        end = date(*last, 1) - timedelta(1)
        day = end - timedelta((end.weekday() - wd) % 7)
    return day + timedelta(after)


@lru_cache(maxsize=1)
def _holiday_pattern() -> re.Pattern:
    names = "|".join(map(re.escape, holiday_names()))
    return re.compile(rf"(?:(last|next|this|this past|this coming|past|coming) )?({names})(?:,? (?:of )?(\d{{4}}))?")


def holiday(t: str, ref: date | None, future: bool, past: bool = False) -> str | None:
    """"Thanksgiving Day", "last Christmas", "Easter 2010", "Election Day": the day, in the year named, else the
    occurrence nearest the reference date in the direction of the tense (like a day without a year); `past`
    ("since Christmas", "was closed on Christmas"): none ahead of the reference date."""
    m = _holiday_pattern().fullmatch(t)
    if not m:
        return None
    if m[3]:
        return iso(_holiday_in(m[2], int(m[3])))
    if ref is None:
        return None
    which = {"this past": "last", "past": "last", "this coming": "next", "coming": "next"}.get(m[1], m[1])
    this = _holiday_in(m[2], ref.year)
    if which == "this":
        return iso(this)
    if which == "last":
        return iso(this if this < ref else _holiday_in(m[2], ref.year - 1))
    if which == "next":
        return iso(this if this > ref else _holiday_in(m[2], ref.year + 1))
    ahead = (this - ref).days
    if not future and ahead > (0 if past else 150):
        return iso(_holiday_in(m[2], ref.year - 1))
    if future and ahead < -30:
        return iso(_holiday_in(m[2], ref.year + 1))
    return iso(this)
