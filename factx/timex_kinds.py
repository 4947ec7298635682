"""Which date expressions are dates: not durations ("three years", "the past decade"), ages ("54 years old"),
recurrences ("annually"), rates ("15 a year"), bare numbers ("44", "80486") or the not-dates of
models/dates.json (index values, "under-21", "the 11th straight month"; with the words before the mention,
"each July", "in his 30s"). Also the rows of models/dates.json "finders": dates spaCy may not tag ("7/8/07",
"the Aug. 7 bombings", "the fiscal second-quarter")."""
from __future__ import annotations

import re
from functools import lru_cache

from .data import load_json
from .timex_base import vocab


def _expand(pattern: str) -> str:
    """A row's pattern with its named parts filled in: {month} and {weekday} (lower case, as mentions are
    matched), {Month} (capitalised, as a date spaCy misses is written)."""
    v = vocab()
    months = sorted(v["months"], key=len, reverse=True)
    names = {"month": "|".join(months), "weekday": "|".join(sorted(v["weekdays"], key=len, reverse=True)),
             "Month": "|".join(m[:1].upper() + m[1:] for m in months)}
    return re.sub(r"\{(month|weekday|Month)\}", lambda m: f"(?:{names[m[1]]})", pattern)


@lru_cache(maxsize=1)
def _filters() -> tuple[re.Pattern, re.Pattern, frozenset, re.Pattern]:
    d = load_json("dates.json")
    numbers = load_json("numbers.json")
    count_words = sorted(list(numbers["units"]) + list(numbers["tens"]) + ["many", "a few", "a couple of",
                                                                             "couple of", "some"], key=len,
                         reverse=True)
    count = r"(?:\d[\d,.]*(?: \d/\d)?|(?:" + "|".join(map(re.escape, count_words)) + r")(?:[- ](?:" + "|".join(
        map(re.escape, count_words)) + r"))*)"
    units = "|".join(sorted(d["duration_units"], key=len, reverse=True))
    hedges = (r"(?:about|nearly|almost|over|more than|less than|at least|up to|around|some|another|roughly|just|only"
              r"|barely|no more than|no less than|as long as|as little as|an additional|additional|each of|all of"
              r"|hundreds of|thousands of|dozens of|between|a period of|a further|a full|a|all)")
    count = rf"{count}(?:(?: to | or |-| and ){count})?"
    duration = re.compile(
        rf"^(?:the )?(?:{hedges} )*(?:the )?(?:(?:past|last|next|previous|coming|following|recent|better part of"
        rf"|entire|whole|same|remaining|ensuing|intervening|trading|business|calendar|full) )*"
        rf"(?:(?:(?:first|latest|final|initial|early) )?{count}[- ]?)?"
        rf"(?:full |straight |consecutive |trading |business |calendar )?"
        rf"(?:{units})(?:[- ](?:long|old|plus))?(?: or so| ahead| later)?$")
    age = re.compile(rf"^(?:aged? )?{count}[- ](?:years?|months?)[- ]old$|^(?:aged?|the age of) \d+$")
    not_dates = re.compile("|".join(f"(?:{_expand(row['pattern'])})" for row in d["not_dates"] if "before" not in row))
    return duration, age, frozenset(d["sets"]), not_dates


@lru_cache(maxsize=1)
def _context_rows() -> list[tuple[re.Pattern, re.Pattern]]:
    """(words before, mention) of the not_dates rows that read the words before the mention."""
    return [(re.compile(rf"(?:^|\W)(?:{_expand(row['before'])})[^\w\n]*\Z"), re.compile(_expand(row["pattern"])))
            for row in load_json("dates.json")["not_dates"] if "before" in row]


def not_date_after(before: str, text: str) -> bool:
    """Is `text` no date where `before` (the text before it) ends as a not_dates row says: "each [July]",
    "in his [30s]"?"""
    t = re.sub(r"\s+", " ", text.lower().replace("’", "'")).strip(" .,")
    tail = before[-40:].lower().replace("’", "'")
    return any(b.search(tail) and p.fullmatch(t) for b, p in _context_rows())


@lru_cache(maxsize=1)
def finders() -> list[re.Pattern]:
    """models/dates.json "finders": patterns of dates spaCy may not tag, each searched in the text."""
    return [re.compile(_expand(row["pattern"])) for row in load_json("dates.json")["finders"]]


@lru_cache(maxsize=8192)
def is_date(text: str) -> bool:
    """False for durations ("three years", "the past decade"), ages ("54 years old") and sets ("annual").

    "last year", "next month" and "this week" are dates; with "the" or a count ("the past year",
    "the last two years") they are durations, as in TimeML.
    """
    t = re.sub(r"\s+", " ", text.lower().replace("’", "'")).strip(" .,")
    duration, age, sets, not_dates = _filters()
    if t in sets or age.match(t) or not_dates.fullmatch(re.sub(r"^the ", "", t)):
        return False  # models/dates.json "not_dates": index values, "under-21", "the 11th straight month"
    if re.fullmatch(r"\d+(?:\.\d+)*|'?\d\d", t) and not re.fullmatch(r"1\d{3}|20\d\d", t):
        return False  # "44" (an age), "80486" (a chip), "1.1.1" (a version): a number, not a year
    if re.fullmatch(r"\S+ (?:a|per|each|every) (?:year|month|week|day|quarter)", t):
        return False  # "15 a year": a rate
    if re.fullmatch(r"(?:(?:just|only|even|as recently as|as late as) )?"  # "just last month"
                    r"(?:last|next|this|past|previous|coming|latest|current|the (?:past|latest|current)) "
                    r"(?:day|week|month|year|quarter|decade|century|weekend)", t):
        return True
    if re.fullmatch(r"(?:the )?(?:1\d|20)\d\d (?:fiscal )?(?:quarter|period|half)", t):
        return True  # "in the 1988 quarter": that year's quarter, not 1,988 quarters
    if re.fullmatch(r"(?:the )?(?:previous|following|prior|preceding|subsequent|ensuing) (?:day|week|month|year)"
                    r"|the last (?:week|quarter|decade|century)|the past (?:decade|century)"
                    r"|(?:the )?same day(?: last year| a year (?:ago|earlier))?", t):
        return True  # "the following year": the year after the one named; "the last week": this week
    return not duration.match(t)
