"""TIMEX3-style values for date expressions, resolved against a reference date.

normalize("March 22, 2013") -> "2013-03-22"; normalize("last week", date(2013, 3, 22)) -> "2013-W11";
normalize("the 1990s") -> "199"; normalize("the 21st century") -> "20"; normalize("Friday") -> None
(relative, and no reference date). Vague references give "PRESENT_REF", "PAST_REF" or "FUTURE_REF".

Values, by granularity: "2013-03-22TMO" (a part of today: "this morning"; TAF, TEV), "2013-03-22" (day),
"2013-W11" (ISO week), "2013-W11-WE" (weekend), "2013-03" (month), "2013-Q1" / "2013-H1" (quarter, half),
"2013-SU" (season: SP, SU, FA, WI), "2013" (year), "201" (decade), "20" (century: the 21st century is "20").

Without a year, the year is chosen by the tense of the clause (`future`): a month, a day or a quarter goes
to the nearest occurrence in that direction, within a few months of the reference date; a weekday to the
same or previous such day (or the same or next one when the clause points forward).

Anaphora: "a year earlier", "the year-ago quarter", "the latest quarter" take the quarter the text last
spoke of (`anchor`, e.g. "1989-Q3") when there is one: "1988-Q3".

Without the reference date's year (a wire dateline "FRANKFURT, Feb 14 (Reuters) -"), normalize_without_year
gives what needs only the month and day: "yesterday" -> "XXXX-02-13", and None for what needs the year.

The rules live in four modules: timex_base (vocabulary, calendar arithmetic, cleaning), timex_periods
(quarters, halves, seasons), timex_relative (rows of models/dates_relative.json, weekdays, holidays), and
this one (the explicit forms and the order in which the others are tried).

Why our own: dateparser and friends return datetimes (a point), not TIMEX3 granularity (a month, an ISO
week, a decade, a quarter), and resolve relative dates against the clock of the machine that runs them.
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from .numbers import ordinal, parse_number
from .timex_base import FULL_DATE, clean, day_value, iso, iso_week, month_of, plus_days, valid_day, vocab, year_str
from .timex_base import quarter_of, shift_quarter  # noqa: F401  (dates.py reads them here)
from .timex_periods import quarters, season
from .timex_relative import holiday, holiday_names, relative  # noqa: F401

# the shapes of a TIMEX3 value factx writes; anything else (a year outside 0001-9999) is no value
VALUE_SHAPE = re.compile(r"\d{4}(?:-(?:\d\d(?:-\d\d(?:T(?:MO|AF|EV|NI))?)?|W\d\d(?:-WE)?|Q[1-4]|H[12]|SP|SU|FA"
                         r"|WI))?|\d{2,3}|PRESENT_REF|PAST_REF|FUTURE_REF")


@lru_cache(maxsize=8192)  # a pure function of its arguments; a document says "yesterday" more than once
def normalize(text: str, ref: date | None = None, future: bool = False, anchor: str | None = None,
              past: bool = False) -> str | None:
    """TIMEX3 value of a date expression, or None when it cannot be resolved.

    ref: the document's reference date (None: relative expressions resolve to None).
    future: the context points forward ("will", "next"), used for weekdays, bare months and days.
    past: a verb in the past tense governs the date ("sold it in October"): a month or day is not ahead of ref.
    anchor: the quarter the text last spoke of ("1989-Q3"), for "a year earlier", "the quarter".
    A value that would leave the calendar ("tomorrow" said on 9999-12-31, "Christmas 0000",
    "1000000000 days ago") is None.
    """
    try:
        value = _normalize(text, ref, future, anchor, past)
    except (ValueError, OverflowError):  # a date outside years 1-9999
        return None
    if value is None or not VALUE_SHAPE.fullmatch(value) or value[:4] == "0000":
        return None
    if FULL_DATE.fullmatch(value) and re.search(r"\bweek or so\b", text.lower()):
        return iso_week(date.fromisoformat(value))  # "a week or so ago": about then, the week
    return value


# two years with different weekdays, decades and centuries, leap and not (both leap for February 29): a value
# that comes out the same in both, less the year, needs only the month and day
PROXY_YEARS = ((2000, 1899), (2000, 1896))
YEARLESS_SUFFIX = re.compile(r"-\d\d(?:-\d\d(?:T(?:MO|AF|EV|NI))?)?|-Q[1-4]|-H[12]|-(?:SP|SU|FA|WI)")


def normalize_without_year(text: str, month: int, day: int, future: bool = False,
                           anchor: str | None = None, past: bool = False) -> str | None:
    """The value against a reference date whose year is unknown (a dateline "Feb 14"): "yesterday" ->
    "XXXX-02-13", "March 3" -> "XXXX-03-03", "2010" -> "2010"; None for what needs the year ("Friday",
    "last week", "last year")."""
    years = PROXY_YEARS[month == 2 and day == 29]
    try:
        a, b = (normalize(text, date(y, month, day), future, anchor, past) for y in years)
    except ValueError:
        return None
    if a is None or b is None:
        return None
    if a == b:
        return a
    if not (a[:4].isdigit() and b[:4].isdigit() and a[4:] == b[4:] and YEARLESS_SUFFIX.fullmatch(a[4:])):
        return None
    return "XXXX" + a[4:] if int(a[:4]) - years[0] == int(b[:4]) - years[1] else None


def _normalize(text: str, ref: date | None, future: bool, anchor: str | None, past: bool) -> str | None:
    t = clean(text)
    raw = re.sub(r"\s+", " ", text.lower().replace("’", "'")).strip(" .,;:")
    raw = re.sub(r"^(?:for|over|in|during|on|at|since|from|of|by)\s+", "", raw)  # "for the last week"
    v = vocab()
    R = v["re"]
    # strip parts of the day and weekday names in front of a full date: "Tuesday, March 22, 2013"
    if not t.startswith("this "):  # "this morning" is today
        t = re.sub(r"\s+(?:" + "|".join(v["parts_of_day"]) + r")$", "", t)
    t = re.sub(r"^(?:" + "|".join(v["parts_of_day"]) + r"|midnight)\s+(?=" + R["weekday"] + r"|today|yesterday"
               r"|tomorrow)", "", t)
    t = re.sub(rf"^(?:(?:this )?(?:coming )?(?:{R['weekday']})\.?,?\s+)+(?=(?:{R['month']})\b|\d)", "", t)

    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", t)
    if m:
        return valid_day(int(m[1]), int(m[2]), int(m[3]))
    m = re.fullmatch(r"(\d{4})-([qh][1-4])", t)
    if m and (m[2][0] == "q" or m[2] in ("h1", "h2")):
        return f"{m[1]}-{m[2].upper()}"
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})", t)
    if m:
        y = int(m[3]) if len(m[3]) == 4 else 1900 + int(m[3]) + (100 if int(m[3]) < 50 else 0)
        return valid_day(y, int(m[1]), int(m[2]))
    # "march 22, 2013", "march 22nd 2013", "mar. 22", "march 22", "march eighth"
    m = re.fullmatch(rf"({R['month']})\.? (\d{{1,2}}(?:st|nd|rd|th)?|[a-z]+(?:[- ][a-z]+)?)(?:,? (\d{{4}}))?", t)
    if m and ordinal(m[2]) and 1 <= ordinal(m[2]) <= 31:
        return day_value(m[3], month_of(m[1]), ordinal(m[2]), ref, future, past)
    # "22 march 2013", "22nd of march"
    m = re.fullmatch(rf"(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?({R['month']})\.?,?(?: (\d{{4}}))?", t)
    if m:
        return day_value(m[3], month_of(m[2]), int(m[1]), ref, future, past)
    # "may 2010", "may of 2010", "winter of 1994" is below
    m = re.fullmatch(rf"({R['month']})\.?,? (?:of )?(\d{{4}})", t)
    if m:
        return f"{int(m[2]):04d}-{month_of(m[1]):02d}" if int(m[2]) else None
    m = re.fullmatch(r"(?:(?:calendar|fiscal|fy|year|the year|the calendar year|the fiscal year)[- ]?)?(\d{4})"
                     r"(?: (?:or|and) (?:later|earlier|beyond|before|after))?", t)
    if m:
        return m[1]
    # decades: "1990s", "the '90s", "the 90s", "the nineties", "the last half of the '80s"
    m = re.fullmatch(r"(\d{3})0'?s", t)
    if m:
        return m[1]
    m = re.fullmatch(r"'?(\d)0'?s", t)
    if m:
        return f"19{m[1]}"
    if t in v["decade_words"]:
        return f"19{v['decade_words'][t]}"
    # centuries: "21st century" -> "20"
    m = re.fullmatch(r"([a-z0-9-]+(?: [a-z]+)?) century", t)
    if m and ordinal(m[1]) and ordinal(m[1]) > 0:
        return f"{ordinal(m[1]) - 1:02d}"
    # quarters and halves: "third quarter of 2012", "q3 2012", "first half", "second half of last year"
    value = quarters(t, ref, future, anchor)
    if value:
        return value
    # seasons: "summer 2009", "last summer", "this spring", "the winter of 1994"
    m = re.fullmatch(rf"(?:(this past|this coming|this|last|next|past|coming) )?({R['season']})(?:,? (?:of )?(\d{{4}}))?",
                     t)
    if m:
        return season(m[1], m[2], m[3], ref, future)
    # "January this year", "July last year", "April next year", "October of last year"
    m = re.fullmatch(rf"({R['month']})\.?,? (?:of )?(this|last|next) year", t)
    if m and ref is not None:
        return f"{year_str(ref.year + {'this': 0, 'last': -1, 'next': 1}[m[2]])}-{month_of(m[1]):02d}"
    m = re.fullmatch(r"week of (.+)", t)
    if m:  # "the week of March 6": that day's ISO week
        day = normalize(m[1], ref, future)
        return iso_week(date.fromisoformat(day)) if day and FULL_DATE.fullmatch(day) else None
    m = re.fullmatch(r"(.+) week", t)
    day = holiday(m[1], ref, future, past) if m else None
    if day:  # "Easter week": the holiday's ISO week
        return iso_week(date.fromisoformat(day))
    m = re.fullmatch(r"(?:(a|an|one|[a-z]+|\d+) )?days? (before|after) (.+)", t)
    if m and m[3] not in ("yesterday", "tomorrow"):  # "the day before last tuesday", "two days after christmas"
        n = parse_number(m[1]) if m[1] not in (None, "a", "an") else 1
        day = normalize(m[3], ref, future, anchor, past) if n else None
        if day and FULL_DATE.fullmatch(day) and n == int(n):
            return iso(plus_days(date.fromisoformat(day), int(n) * (-1 if m[2] == "before" else 1)))
    value = holiday(t, ref, future, past)
    if value is None:
        value = relative(t, ref, future, raw, past)
    if value is None:
        value = _embedded(t, ref, future, anchor)
    return value


def _embedded(t: str, ref: date | None, future: bool, anchor: str | None) -> str | None:
    """A date inside a longer phrase: "the year ending June 30, 1990", "the last half of the '80s"."""
    R = vocab()["re"]
    m = re.search(rf"\b(?:{R['month']})\.? \d{{1,2}}(?:st|nd|rd|th)?(?:,? \d{{4}})?\b", t)
    if m and m.start() > 0:
        return normalize(m[0], ref, future, anchor)
    m = re.search(r"(?:\b\d{3}0|'\d0)'?s\b", t)
    if m and m.start() > 0:
        return normalize(m[0], ref, future, anchor)
    return None
