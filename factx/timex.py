"""TIMEX3-style values for date expressions, resolved against a reference date.

normalize("March 22, 2013") -> "2013-03-22"; normalize("last week", date(2013, 3, 22)) -> "2013-W11";
normalize("the 1990s") -> "199"; normalize("the 21st century") -> "20"; normalize("Friday") -> None
(relative, and no reference date). Vague references give "PRESENT_REF", "PAST_REF" or "FUTURE_REF".

Values, by granularity: "2013-03-22" (day), "2013-W11" (ISO week), "2013-W11-WE" (weekend), "2013-03"
(month), "2013-Q1" / "2013-H1" (quarter, half), "2013-SU" (season: SP, SU, FA, WI), "2013" (year),
"201" (decade), "20" (century: the 21st century is "20").

Without a year, the year is chosen by the tense of the clause (`future`): a month, a day or a quarter goes
to the nearest occurrence in that direction, within a few months of the reference date; a weekday to the
same or previous such day (or the same or next one when the clause points forward).

Anaphora: "a year earlier", "the year-ago quarter", "the latest quarter" take the quarter the text last
spoke of (`anchor`, e.g. "1989-Q3") when there is one: "1988-Q3".

Why our own: dateparser and friends return datetimes (a point), not TIMEX3 granularity (a month, an ISO
week, a decade, a quarter), and resolve relative dates against the clock of the machine that runs them.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from .data import load_json
from .numbers import ordinal, parse_number


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


def _month(word: str) -> int | None:
    return vocab()["months"].get(word.lower().rstrip("."))


def _yr(y: int) -> str | None:
    """A year as TIMEX3 writes it, four digits ("0999"); None outside the calendar (year 0, 10000)."""
    return f"{y:04d}" if 1 <= y <= 9999 else None


def _plus(d: date, days: int) -> date | None:
    """d shifted by days, or None when that leaves the calendar (9999-12-31 plus one day)."""
    try:
        return d + timedelta(days)
    except (OverflowError, ValueError):
        return None


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d is not None else None


def _week(d: date | None) -> str | None:
    if d is None:
        return None
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def quarter_of(d: date) -> str:
    """"2013-Q1" for date(2013, 3, 22)."""
    return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"


_quarter = quarter_of


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    n = year * 12 + (month - 1) + delta
    return n // 12, n % 12 + 1


def shift_quarter(value: str | None, delta: int) -> str | None:
    """"1988-Q3" for ("1989-Q3", -4); None when the result leaves the calendar."""
    if value is None:
        return None
    y, q = value.split("-Q")
    n = int(y) * 4 + int(q) - 1 + delta
    year = _yr(n // 4)
    return f"{year}-Q{n % 4 + 1}" if year else None


_shift_quarter = shift_quarter


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


# the shapes of a TIMEX3 value factx writes; anything else (a year outside 0001-9999) is no value
VALUE_SHAPE = re.compile(r"\d{4}(?:-(?:\d\d(?:-\d\d)?|W\d\d(?:-WE)?|Q[1-4]|H[12]|SP|SU|FA|WI))?|\d{2,3}"
                         r"|PRESENT_REF|PAST_REF|FUTURE_REF")


def normalize(text: str, ref: date | None = None, future: bool = False, anchor: str | None = None) -> str | None:
    """TIMEX3 value of a date expression, or None when it cannot be resolved.

    ref: the document's reference date (None: relative expressions resolve to None).
    future: the context points forward ("will", "next"), used for weekdays, bare months and days.
    anchor: the quarter the text last spoke of ("1989-Q3"), for "a year earlier", "the quarter".
    A value that would leave the calendar ("tomorrow" said on 9999-12-31, "Christmas 0000",
    "1000000000 days ago") is None.
    """
    try:
        value = _normalize(text, ref, future, anchor)
    except (ValueError, OverflowError):  # a date outside years 1-9999
        return None
    if value is None or not VALUE_SHAPE.fullmatch(value) or value[:4] == "0000":
        return None
    if FULL_DATE.fullmatch(value) and re.search(r"\bweek or so\b", text.lower()):
        return _week(date.fromisoformat(value))  # "a week or so ago": about then, the week
    return value


def _normalize(text: str, ref: date | None, future: bool, anchor: str | None) -> str | None:
    t = clean(text)
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
        return _valid(int(m[1]), int(m[2]), int(m[3]))
    m = re.fullmatch(r"(\d{4})-([qh][1-4])", t)
    if m and (m[2][0] == "q" or m[2] in ("h1", "h2")):
        return f"{m[1]}-{m[2].upper()}"
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})", t)
    if m:
        y = int(m[3]) if len(m[3]) == 4 else 1900 + int(m[3]) + (100 if int(m[3]) < 50 else 0)
        return _valid(y, int(m[1]), int(m[2]))
    # "march 22, 2013", "march 22nd 2013", "mar. 22", "march 22", "march eighth"
    m = re.fullmatch(rf"({R['month']})\.? (\d{{1,2}}(?:st|nd|rd|th)?|[a-z]+(?:[- ][a-z]+)?)(?:,? (\d{{4}}))?", t)
    if m and ordinal(m[2]) and 1 <= ordinal(m[2]) <= 31:
        return _day(m[3], _month(m[1]), ordinal(m[2]), ref, future)
    # "22 march 2013", "22nd of march"
    m = re.fullmatch(rf"(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?({R['month']})\.?,?(?: (\d{{4}}))?", t)
    if m:
        return _day(m[3], _month(m[2]), int(m[1]), ref, future)
    # "may 2010", "may of 2010", "winter of 1994" is below
    m = re.fullmatch(rf"({R['month']})\.?,? (?:of )?(\d{{4}})", t)
    if m:
        return f"{int(m[2]):04d}-{_month(m[1]):02d}" if int(m[2]) else None
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
    value = _quarters(t, ref, future, anchor)
    if value:
        return value
    # seasons: "summer 2009", "last summer", "this spring", "the winter of 1994"
    m = re.fullmatch(rf"(?:(this past|this coming|this|last|next|past|coming) )?({R['season']})(?:,? (?:of )?(\d{{4}}))?",
                     t)
    if m:
        return _season(m[1], m[2], m[3], ref, future)
    # "January this year", "July last year", "April next year", "October of last year"
    m = re.fullmatch(rf"({R['month']})\.?,? (?:of )?(this|last|next) year", t)
    if m and ref is not None:
        return f"{_yr(ref.year + {'this': 0, 'last': -1, 'next': 1}[m[2]])}-{_month(m[1]):02d}"
    m = re.fullmatch(r"week of (.+)", t)
    if m:  # "the week of March 6": that day's ISO week
        day = normalize(m[1], ref, future)
        return _week(date.fromisoformat(day)) if day and FULL_DATE.fullmatch(day) else None
    value = _holiday(t, ref, future)
    if value is None:
        value = _relative(t, ref, future, anchor)
    if value is None:
        value = _embedded(t, ref, future, anchor)
    return value


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
        last = _shift_month(year, mth, 1)
        end = date(*last, 1) - timedelta(1)
        day = end - timedelta((end.weekday() - wd) % 7)
    return day + timedelta(after)


def _holiday(t: str, ref: date | None, future: bool) -> str | None:
    """"Thanksgiving Day", "last Christmas", "Easter 2010", "Election Day": the day, in the year named, else the
    occurrence nearest the reference date in the direction of the tense (like a day without a year)."""
    names = "|".join(map(re.escape, holiday_names()))
    m = re.fullmatch(rf"(?:(last|next|this|this past|this coming|past|coming) )?({names})(?:,? (?:of )?(\d{{4}}))?", t)
    if not m:
        return None
    if m[3]:
        return _iso(_holiday_in(m[2], int(m[3])))
    if ref is None:
        return None
    which = {"this past": "last", "past": "last", "this coming": "next", "coming": "next"}.get(m[1], m[1])
    this = _holiday_in(m[2], ref.year)
    if which == "this":
        return _iso(this)
    if which == "last":
        return _iso(this if this < ref else _holiday_in(m[2], ref.year - 1))
    if which == "next":
        return _iso(this if this > ref else _holiday_in(m[2], ref.year + 1))
    ahead = (this - ref).days
    if not future and ahead > 150:
        return _iso(_holiday_in(m[2], ref.year - 1))
    if future and ahead < -30:
        return _iso(_holiday_in(m[2], ref.year + 1))
    return _iso(this)


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


def _valid(y: int, mth: int | None, d: int) -> str | None:
    try:
        return date(y, mth or 0, d).isoformat()
    except (ValueError, TypeError):
        return None


def _day(year: str | None, month: int | None, day: int, ref: date | None, future: bool = False) -> str | None:
    if month is None:
        return None
    if year:
        return _valid(int(year), month, day)
    if ref is None:
        return None
    try:
        candidate = date(ref.year, month, day)
    except ValueError:
        return None
    # A day without a year is this year's, unless that is far ahead of the reference date in a sentence about
    # the past (then last year's), or well behind it in a forward-looking one (then next year's).
    ahead = (candidate - ref).days
    if not future and ahead > 150:
        return _valid(ref.year - 1, month, day)
    if future and ahead < -30:
        return _valid(ref.year + 1, month, day)
    return candidate.isoformat()


def _month_year(which: str | None, mth: int, ref: date, future: bool) -> int:
    """The year of a bare month ("in March", "last May", "next April") said on `ref`."""
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
    return ref.year if diff <= 2 else ref.year - 1


QUARTER_WORDS = r"(?:quarter|period|three months)"


def _quarters(t: str, ref: date | None, future: bool, anchor: str | None) -> str | None:
    """Quarters and halves: explicit ("q3 2012", "the third quarter of 1989", "the 1988 second quarter"),
    ordinal with the year from the reference date ("the fourth quarter"), and anaphoric ones that take
    the anchor: "the quarter", "the latest quarter", "the year-ago quarter", "a year earlier"."""
    latest = _shift_quarter(_quarter(ref), -1) if ref else None  # the quarter last reported on
    spoken = anchor or latest  # the quarter the text speaks of
    # "the 1988 second quarter", "1989 first half"
    m = re.fullmatch(r"(\d{4}) (first|second|third|fourth|1st|2nd|3rd|4th|final|last) (?:fiscal )?(quarter|half)", t)
    if m:
        return _part(m[2], m[3], int(m[1]))
    m = re.fullmatch(r"(?:(this|last|next) year (?=\w+ (?:fiscal )?(?:quarter|half)))?"
                     r"((?:(?:year-ago|year-earlier|year ago|year earlier|comparable|same|fiscal) )*)"
                     r"(first|second|third|fourth|1st|2nd|3rd|4th|final|last) (?:fiscal )?(quarter|half)"
                     r"(?:,? (?:of )?(.+))?", t)
    if m:
        year_ago = "year" in m[2]
        rest = m[5] or (f"{m[1]} year" if m[1] else None)
        if rest and year_ago:
            return None
        ended = re.fullmatch(r"(?:ended|ending|that ended|which ended) (.+)", rest or "")
        if ended:  # "the fourth quarter ended sept. 30": the year of that day
            day = normalize(ended[1], ref)
            year = int(day[:4]) if day and re.match(r"\d{4}", day) else None
        else:
            year = _year_of(rest, ref) if rest else (ref.year if ref else None)
        if year is not None and year_ago:
            year -= 1
        return _part(m[3], m[4], year)
    # "the quarter ended sept. 30": the quarter that holds that day
    m = re.fullmatch(r"(?:(?:latest|fiscal|most recent|same) )*(quarter|three months|half|six months) "
                     r"(?:that |which )?(?:ended|ending) (.+)", t)
    if m:
        day = normalize(m[2], ref)
        if not (day and FULL_DATE.fullmatch(day)):
            return None
        d = date.fromisoformat(day)
        return _quarter(d) if m[1] in ("quarter", "three months") else f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
    m = re.fullmatch(r"(q[1-4]|h[12])(?:,? (.+))?", t)
    if m:
        year = _year_of(m[2], ref) if m[2] else (ref.year if ref else None)
        return f"{_yr(year)}-{m[1].upper()}" if year is not None else None
    m = re.fullmatch(r"first (two|three) quarters(?: of (\d{4}))?", t)
    if m and m[1] == "two":
        year = int(m[2]) if m[2] else (ref.year if ref else None)
        return f"{_yr(year)}-H1" if year else None
    # "the 1989 period", "the 1988 quarter": that year's quarter of the anchor
    m = re.fullmatch(rf"(\d{{4}}) {QUARTER_WORDS}", t)
    if m:
        return f"{m[1]}-Q{spoken[-1]}" if spoken else m[1]
    if ref is None and anchor is None:
        return None
    if re.fullmatch(rf"(?:current|this|present) (?:fiscal )?quarter", t) and ref:
        return _quarter(ref)
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
        return _shift_quarter(spoken, -4) if spoken else None
    if anchor and re.fullmatch(r"(?:a|one) year (?:ago|earlier|before)|(?:year-ago|year-earlier) (?:results|levels?)",
                               t):
        return _shift_quarter(anchor, -4)
    return None


def _part(word: str, kind: str, year: int | None) -> str | None:
    n = {"final": 4, "last": 4}.get(word) or ordinal(word)
    if kind == "half":
        n = 2 if word in ("final", "last") else n
        if n not in (1, 2):
            return None
        return f"{_yr(year)}-H{n}" if year is not None else None
    return f"{_yr(year)}-Q{n}" if year is not None and 1 <= n <= 4 else None


def _year_of(text: str, ref: date | None) -> int | None:
    text = clean(text)
    if re.fullmatch(r"\d{4}", text):
        return int(text)
    if ref is None:
        return None
    return {"this year": ref.year, "last year": ref.year - 1, "next year": ref.year + 1,
            "year": ref.year, "current year": ref.year, "fiscal year": ref.year,
            "the year": ref.year, "the current year": ref.year}.get(text)


def _season(which: str | None, season: str, year: str | None, ref: date | None, future: bool) -> str | None:
    code = vocab()["seasons"][season]
    if year:
        return f"{int(year):04d}-{code}"
    if ref is None:
        return None
    month = vocab()["season_months"][code]
    return f"{_yr(_month_year(which, month, ref, future))}-{code}"


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
    return _week(day) + "-WE"


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
    return _iso(ref + timedelta(delta))


UNIT_OFFSETS = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "E", "century": "C"}


def _relative(t: str, ref: date | None, future: bool, anchor: str | None = None) -> str | None:
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
    this_month = f"{ref.year:04d}-{ref.month:02d}"
    simple = {"today": _iso(ref), "tonight": _iso(ref), "this morning": _iso(ref), "this afternoon": _iso(ref),
              "this evening": _iso(ref), "yesterday": _iso(_plus(ref, -1)),
              "tomorrow": _iso(_plus(ref, 1)), "day before yesterday": _iso(_plus(ref, -2)),
              "day after tomorrow": _iso(_plus(ref, 2)),
              "this week": _week(ref), "last week": _week(_plus(ref, -7)), "next week": _week(_plus(ref, 7)),
              "past week": _week(_plus(ref, -7)), "week": _week(ref),
              "this month": this_month, "month": this_month, "this year": _yr(ref.year),
              "last year": _yr(ref.year - 1), "next year": _yr(ref.year + 1), "year": _yr(ref.year),
              "this decade": f"{ref.year:04d}"[:3], "this century": f"{ref.year // 100:02d}",
              "this month so far": this_month, "in the year": _yr(ref.year),
              "end of this week": _week(ref), "end of the week": _week(ref),
              "end of this month": this_month, "end of the month": this_month,
              "end of this year": _yr(ref.year), "end of the year": _yr(ref.year),
              "year-end": _yr(ref.year), "year end": _yr(ref.year), "year-to-date": _yr(ref.year),
              "full year": _yr(ref.year), "current year": _yr(ref.year), "fiscal year": _yr(ref.year),
              "current fiscal year": _yr(ref.year), "this fiscal year": _yr(ref.year),
              "latest fiscal year": _yr(ref.year - 1), "last fiscal year": _yr(ref.year - 1),
              "next fiscal year": _yr(ref.year + 1), "previous fiscal year": _yr(ref.year - 1),
              "same day": _iso(ref), "that day": _iso(ref), "previous day": _iso(_plus(ref, -1)),
              "day before": _iso(_plus(ref, -1)), "day earlier": _iso(_plus(ref, -1)),
              "a day earlier": _iso(_plus(ref, -1)), "the day before": _iso(_plus(ref, -1)),
              "a year ago": _yr(ref.year - 1), "a year earlier": _yr(ref.year - 1), "one year ago": _yr(ref.year - 1),
              "previous year": _yr(ref.year - 1), "the previous year": _yr(ref.year - 1),
              "year before": _yr(ref.year - 1), "the year before": _yr(ref.year - 1), "prior year": _yr(ref.year - 1),
              "past year": _yr(ref.year - 1), "coming year": _yr(ref.year + 1), "following year": _yr(ref.year + 1),
              "previous month": f"{_yr(_shift_month(ref.year, ref.month, -1)[0])}-{_shift_month(ref.year, ref.month, -1)[1]:02d}",
              "this quarter": _quarter(ref)}
    if t in simple:
        return simple[t]
    for word, delta in (("last", -1), ("next", 1), ("previous", -1), ("past", -1), ("coming", 1)):
        if t == f"{word} month":
            y, mth = _shift_month(ref.year, ref.month, delta)
            return f"{_yr(y)}-{mth:02d}"
        if t == f"{word} quarter":
            return _shift_quarter(_quarter(ref), delta)
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
        return _iso(date.fromisoformat(_weekday("last", v["weekdays"][m[1]], ref, False)) - timedelta(7))
    m = re.fullmatch(rf"(?:(this past|this coming|last|next|this|on|past|coming) )?({R['weekday']})\.?(?: (\w+))?", t)
    if m and (m[3] is None or m[3] in v["parts_of_day"]):
        return _weekday(m[1], v["weekdays"][m[2]], ref, future)
    # bare months: "march", "last march", "this march", "mid-march"
    m = re.fullmatch(rf"(?:(this past|this coming|last|next|this|past|coming) )?({R['month']})\.?", t)
    if m:
        mth = _month(m[2])
        return f"{_yr(_month_year(m[1], mth, ref, future))}-{mth:02d}"
    return None


def _offset(ref: date, unit: str, n: int) -> str:
    if unit == "day":
        return _iso(ref + timedelta(n))
    if unit == "week":  # "a week ago" is the day seven days back; "three weeks ago" a week
        return _iso(ref + timedelta(7 * n)) if n == -1 else _week(ref + timedelta(7 * n))
    if unit == "month":
        y, mth = _shift_month(ref.year, ref.month, n)
        return f"{_yr(y)}-{mth:02d}"
    if unit == "decade":
        return (_yr(ref.year + 10 * n) or "")[:3]
    return _yr(ref.year + n)
