"""TIMEX3-style values for date expressions, resolved against a reference date.

normalize("March 22, 2013") -> "2013-03-22"; normalize("last week", date(2013, 3, 22)) -> "2013-W11";
normalize("the 1990s") -> "199"; normalize("the 21st century") -> "20"; normalize("Friday") -> None
(relative, and no reference date). Vague references give "PRESENT_REF", "PAST_REF" or "FUTURE_REF".

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
    d = load_json("dates.json")
    months = "|".join(sorted(d["months"], key=len, reverse=True))
    weekdays = "|".join(sorted(d["weekdays"], key=len, reverse=True))
    seasons = "|".join(d["seasons"])
    d["re"] = {
        "month": months, "weekday": weekdays, "season": seasons,
    }
    return d


def _month(word: str) -> int | None:
    return vocab()["months"].get(word.lower().rstrip("."))


def _year(text: str) -> int | None:
    text = text.strip("'’")
    if re.fullmatch(r"\d{4}", text):
        return int(text)
    return None


def _iso(d: date) -> str:
    return d.isoformat()


def _week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    n = year * 12 + (month - 1) + delta
    return n // 12, n % 12 + 1


HEDGES = r"(?:nearly|almost|about|around|some|roughly|approximately|more than|less than|over|just|only|fiscal)"


def clean(text: str) -> str:
    """Lower case, one space, no possessive, no leading preposition/article/hedge: "nearly four years ago's"
    -> "four years ago"; "third-quarter" -> "third quarter"."""
    t = text.lower().replace("’", "'").replace("\u00a0", " ")
    t = re.sub(r"\s+", " ", t).strip(" .,;:")
    t = re.sub(r"'s?(?= |$)", "", t)
    t = re.sub(r"(?<=[a-z])-(?=(?:quarter|half|year|month|week)\b)", " ", t)
    t = re.sub(r"^(?:the|on|in|at|by|since|until|during|from|of|for)\s+", "", t)
    t = re.sub(rf"^(?:the )?(?:{HEDGES}\s+)+", "", t)
    t = re.sub(r"^(?:the)\s+", "", t)
    return t


def normalize(text: str, ref: date | None = None, future: bool = False) -> str | None:
    """TIMEX3 value of a date expression, or None when it cannot be resolved.

    ref: the document's reference date (None: relative expressions resolve to None).
    future: the context points forward ("will", "next"), used for weekdays and bare months.
    """
    t = clean(text)
    v = vocab()
    R = v["re"]
    # strip parts of the day and weekday names in front of a full date: "Tuesday, March 22, 2013"
    t = re.sub(r"\s+(?:" + "|".join(v["parts_of_day"]) + r")$", "", t)
    t = re.sub(rf"^(?:{R['weekday']})\.?,?\s+(?=(?:{R['month']}|\d))", "", t)

    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", t)
    if m:
        return _valid(int(m[1]), int(m[2]), int(m[3]))
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})", t)
    if m:
        y = int(m[3]) if len(m[3]) == 4 else 1900 + int(m[3]) + (100 if int(m[3]) < 50 else 0)
        return _valid(y, int(m[1]), int(m[2]))
    # "march 22, 2013", "march 22nd 2013", "mar. 22", "march 22"
    m = re.fullmatch(rf"({R['month']})\.? (\d{{1,2}})(?:st|nd|rd|th)?(?:,? (\d{{4}}))?", t)
    if m:
        return _day(m[3], _month(m[1]), int(m[2]), ref, future)
    # "22 march 2013", "22nd of march"
    m = re.fullmatch(rf"(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?({R['month']})\.?,?(?: (\d{{4}}))?", t)
    if m:
        return _day(m[3], _month(m[2]), int(m[1]), ref, future)
    # "may 2010", "may of 2010", "mid-may 2010", "early 2010"
    m = re.fullmatch(rf"(?:(?:early|late|mid|end of|beginning of|the end of)[- ])?({R['month']})\.?,? (?:of )?(\d{{4}})", t)
    if m:
        return f"{int(m[2]):04d}-{_month(m[1]):02d}"
    m = re.fullmatch(r"(?:(?:early|late|mid|end of|beginning of|calendar|fiscal|fy|year)[- ]?)?(\d{4})", t)
    if m:
        return m[1]
    # decades: "1990s", "the '90s", "the 90s", "mid-1990s"
    m = re.fullmatch(r"(?:(?:early|late|mid)[- ])?(\d{3})0'?s", t)
    if m:
        return m[1]
    m = re.fullmatch(r"(?:(?:early|late|mid)[- ])?'?(\d)0'?s", t)
    if m:
        return f"19{m[1]}"
    # centuries: "21st century" -> "20"
    m = re.fullmatch(r"(?:(?:early|late|mid)[- ])?([a-z0-9-]+(?: [a-z]+)?) century", t)
    if m and ordinal(m[1]):
        return f"{ordinal(m[1]) - 1:02d}"
    # quarters and halves: "third quarter of 2012", "q3 2012", "first half", "second half of last year"
    m = re.fullmatch(r"(?:(?:this|last|next) year (?=\w+ (?:quarter|half)))?"
                     r"(first|second|third|fourth|1st|2nd|3rd|4th|final|last) (?:fiscal )?(quarter|half)"
                     r"(?:,? (?:of )?(.+))?", t) \
        or re.fullmatch(r"(q[1-4]|h[12])(?:,? (.+))?", t)
    if m:
        return _part_of_year(m, ref)
    # seasons: "summer 2009", "last summer", "this spring"
    m = re.fullmatch(rf"(?:(this|last|next|past|coming) )?({R['season']})(?:,? (?:of )?(\d{{4}}))?", t)
    if m:
        return _season(m[1], m[2], m[3], ref, future)
    # "January this year", "July last year"
    m = re.fullmatch(rf"({R['month']})\.? (this|last|next) year", t)
    if m and ref is not None:
        return f"{ref.year + {'this': 0, 'last': -1, 'next': 1}[m[2]]}-{_month(m[1]):02d}"
    # "earlier yesterday", "later today"
    m = re.fullmatch(r"(?:early|earlier|late|later) (today|yesterday|tomorrow|this week|this month|this year)", t)
    if m:
        return _relative(m[1], ref, future)
    value = _relative(t, ref, future)
    if value is None:
        # a date inside a longer phrase: "the year ending June 30, 1990", "the quarter ended Sept. 29"
        m = re.search(rf"\b(?:{R['month']})\.? \d{{1,2}}(?:st|nd|rd|th)?(?:,? \d{{4}})?\b", t)
        if m and m.start() > 0:
            return normalize(m[0], ref, future)
    return value


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
    # News reports the past: a day more than a month after the reference date is last year's (and a day
    # more than a month before it, in a forward-looking sentence, is next year's).
    if not future and (candidate - ref).days > 30:
        return _valid(ref.year - 1, month, day)
    if future and (ref - candidate).days > 30:
        return _valid(ref.year + 1, month, day)
    return candidate.isoformat()


def _part_of_year(m: re.Match, ref: date | None) -> str | None:
    groups = m.groups()
    if groups[0].startswith(("q", "h")) and len(groups[0]) == 2:
        part, rest = groups[0].upper(), groups[1]
    else:
        n = {"final": 4, "last": 4}.get(groups[0]) or ordinal(groups[0])
        kind = "Q" if groups[1] == "quarter" else "H"
        if kind == "H" and groups[0] in ("final", "last"):
            n = 2
        part, rest = f"{kind}{n}", groups[2]
    year = _year_of(rest, ref) if rest else (ref.year if ref else None)
    return f"{year}-{part}" if year is not None else None


def _year_of(text: str, ref: date | None) -> int | None:
    text = clean(text)
    if re.fullmatch(r"\d{4}", text):
        return int(text)
    if ref is None:
        return None
    return {"this year": ref.year, "last year": ref.year - 1, "next year": ref.year + 1,
            "the year": ref.year, "the current year": ref.year}.get(text)


def _season(which: str | None, season: str, year: str | None, ref: date | None, future: bool) -> str | None:
    code = vocab()["seasons"][season]
    if year:
        return f"{year}-{code}"
    if ref is None:
        return None
    month = vocab()["season_months"][code]
    y = ref.year
    if which in ("last", "past") or (which is None and not future and month > ref.month):
        y = ref.year - 1 if month >= ref.month or which in ("last", "past") and month > ref.month else ref.year
    elif which in ("next", "coming") or (which is None and future and month < ref.month):
        y = ref.year + 1 if month <= ref.month else ref.year
    return f"{y}-{code}"


UNIT_OFFSETS = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "E", "century": "C"}


def _relative(t: str, ref: date | None, future: bool) -> str | None:
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
    simple = {"today": _iso(ref), "tonight": _iso(ref), "this morning": _iso(ref), "this afternoon": _iso(ref),
              "this evening": _iso(ref), "yesterday": _iso(ref - timedelta(1)),
              "tomorrow": _iso(ref + timedelta(1)), "the day before yesterday": _iso(ref - timedelta(2)),
              "the day after tomorrow": _iso(ref + timedelta(2)),
              "this week": _week(ref), "last week": _week(ref - timedelta(7)), "next week": _week(ref + timedelta(7)),
              "the past week": _week(ref - timedelta(7)), "this weekend": _week(ref) + "-WE",
              "last weekend": _week(ref - timedelta(7)) + "-WE", "next weekend": _week(ref + timedelta(7)) + "-WE",
              "the weekend": _week(ref) + "-WE",
              "this month": f"{ref.year}-{ref.month:02d}", "this year": str(ref.year),
              "last year": str(ref.year - 1), "next year": str(ref.year + 1), "the year": str(ref.year),
              "this decade": str(ref.year)[:3], "this century": f"{ref.year // 100:02d}",
              "earlier this month": f"{ref.year}-{ref.month:02d}", "later this month": f"{ref.year}-{ref.month:02d}",
              "earlier this year": str(ref.year), "later this year": str(ref.year),
              "earlier this week": _week(ref), "later this week": _week(ref),
              "earlier in the year": str(ref.year), "later in the year": str(ref.year),
              "end of this week": _week(ref), "end of the week": _week(ref),
              "end of this month": f"{ref.year}-{ref.month:02d}", "end of the month": f"{ref.year}-{ref.month:02d}",
              "end of this year": str(ref.year), "end of the year": str(ref.year),
              "the same day": _iso(ref), "that day": _iso(ref), "the previous day": _iso(ref - timedelta(1)),
              "a year ago": str(ref.year - 1), "a year earlier": str(ref.year - 1), "the previous year": str(ref.year - 1),
              "the past year": str(ref.year - 1), "the coming year": str(ref.year + 1),
              "the current year": str(ref.year), "this quarter": f"{ref.year}-Q{(ref.month - 1) // 3 + 1}"}
    if t in simple:
        return simple[t]
    for word, delta in (("last", -1), ("next", 1), ("previous", -1), ("past", -1), ("coming", 1)):
        if t == f"{word} month":
            y, mth = _shift_month(ref.year, ref.month, delta)
            return f"{y}-{mth:02d}"
        if t == f"{word} quarter":
            q = (ref.year * 4 + (ref.month - 1) // 3) + delta
            return f"{q // 4}-Q{q % 4 + 1}"
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
    m = re.fullmatch(rf"(?:(last|next|this|on|past|coming) )?({R['weekday']})\.?(?: (\w+))?", t)
    if m and (m[3] is None or m[3] in v["parts_of_day"]):
        wd = v["weekdays"][m[2]]
        forward = m[1] in ("next", "coming") or (m[1] is None and future)
        delta = (wd - ref.weekday()) % 7 if forward else -((ref.weekday() - wd) % 7)
        if m[1] == "last" and delta == 0:
            delta = -7
        return _iso(ref + timedelta(delta))
    # bare months: "march", "in march", "last march", "this march"
    m = re.fullmatch(rf"(?:(last|next|this|early|late|mid|end of) ?-?)?({R['month']})", t)
    if m:
        mth = _month(m[2])
        y = ref.year
        if m[1] == "last" or (m[1] not in ("next", "this") and not future and mth > ref.month):
            y = ref.year - 1 if mth >= ref.month or m[1] != "last" else ref.year
            if m[1] == "last" and mth < ref.month:
                y = ref.year
        elif m[1] == "next" or (m[1] != "this" and future and mth < ref.month):
            y = ref.year + 1
        return f"{y}-{mth:02d}"
    return None


def _offset(ref: date, unit: str, n: int) -> str:
    if unit == "day":
        return _iso(ref + timedelta(n))
    if unit == "week":
        return _week(ref + timedelta(7 * n))
    if unit == "month":
        y, mth = _shift_month(ref.year, ref.month, n)
        return f"{y}-{mth:02d}"
    if unit == "decade":
        return str(ref.year + 10 * n)[:3]
    return str(ref.year + n)
