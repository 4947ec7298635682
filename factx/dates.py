"""Dates: spaCy DATE entities, less durations, ages and recurrences, each with a TIMEX3 value (timex.py).

The reference date for relative expressions is doc._.factx_ref_date when the caller sets it (from
--reference-date or a JSONL record's "date"); otherwise a full date in the article's first lines (a
dateline such as "March 01, 2008" or "WASHINGTON, March 22, 2013 -") is used; otherwise there is none and
relative dates get value None. doc._.factx_ref_source says which ("given", "dateline" or None).
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from . import timex
from .data import load_json

SPANS_KEY = "factx_dates"
DATELINE_CHARS = 300  # a dateline sits in the headline block at the top of the article
FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

for _name in ("factx_ref_date", "factx_ref_source"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
if not Span.has_extension("factx_value"):
    Span.set_extension("factx_value", default=None)


@lru_cache(maxsize=1)
def _filters() -> tuple[re.Pattern, re.Pattern, frozenset]:
    d = load_json("dates.json")
    numbers = load_json("numbers.json")
    count_words = sorted(list(numbers["units"]) + list(numbers["tens"]) + ["many", "a few", "a couple of",
                                                                             "couple of", "some"], key=len,
                         reverse=True)
    count = r"(?:\d[\d,.]*|(?:" + "|".join(map(re.escape, count_words)) + r")(?:[- ](?:" + "|".join(
        map(re.escape, count_words)) + r"))*)"
    units = "|".join(sorted(d["duration_units"], key=len, reverse=True))
    hedges = r"(?:about|nearly|almost|over|more than|less than|at least|up to|around|some|another|roughly|just|only)"
    duration = re.compile(
        rf"^(?:the )?(?:{hedges} )*(?:(?:past|last|next|previous|coming|following|recent|better part of"
        rf"|entire|whole|same) )*(?:{count}[- ]?)?(?:full |straight |consecutive )?(?:{units})(?:[- ](?:long|old))?$")
    age = re.compile(rf"^(?:aged? )?{count}[- ](?:years?|months?)[- ]old$|^(?:aged?) \d+$")
    return duration, age, frozenset(d["sets"])


def is_date(text: str) -> bool:
    """False for durations ("three years", "the past decade"), ages ("54 years old") and sets ("annual").

    "last year", "next month" and "this week" are dates; with "the" or a count ("the past year",
    "the last two years") they are durations, as in TimeML.
    """
    t = re.sub(r"\s+", " ", text.lower().replace("’", "'")).strip(" .,")
    duration, age, sets = _filters()
    if t in sets or age.match(t):
        return False
    if re.fullmatch(r"(?:last|next|this|past|previous|coming) (?:day|week|month|year|quarter|decade|century|weekend)",
                    t):
        return True
    return not duration.match(t)


def dateline_date(doc: Doc) -> date | None:
    """A full date among the first lines of the article, taken as the day it was written."""
    for ent in doc.ents:
        if ent.start_char > DATELINE_CHARS:
            break
        if ent.label_ == "DATE":
            value = timex.normalize(ent.text)
            if value and FULL_DATE.fullmatch(value):
                return date.fromisoformat(value)
    return None


class DateFinder:
    def __init__(self, nlp: Language, name: str = "factx_dates"):
        self.name = name
        self.future_words = frozenset(load_json("dates.json")["future_words"])

    def __call__(self, doc: Doc) -> Doc:
        if doc._.factx_ref_date is None:
            found = dateline_date(doc)
            if found is not None:
                doc._.factx_ref_date, doc._.factx_ref_source = found, "dateline"
        elif doc._.factx_ref_source is None:
            doc._.factx_ref_source = "given"
        ref = doc._.factx_ref_date
        spans = []
        for ent in doc.ents:
            if ent.label_ not in ("DATE", "TIME") or not is_date(ent.text):
                continue
            value = timex.normalize(ent.text, ref, future=self._future(ent))
            if ent.label_ == "TIME" and value is None:
                continue  # "3 p.m.", "this morning" without a day: times, not dates
            span = Span(doc, ent.start, ent.end, label="DATE")
            span._.factx_value = value
            spans.append(span)
        doc.spans[SPANS_KEY] = spans
        return doc

    def _future(self, ent: Span) -> bool:
        """Does the clause point forward ("will meet on Friday", "is scheduled for March", "next Friday")?
        Decides weekdays, bare months and days without a year. The verb that governs the date decides, not any
        "will" elsewhere in the sentence; with no parse, the words right before the date do."""
        if any(t.lower_ in ("next", "coming", "upcoming") for t in ent):
            return True
        verb = ent.root
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        if verb.pos_ in ("VERB", "AUX"):
            words = [verb, *verb.children]
        else:
            words = list(ent.doc[max(0, ent.start - 6):ent.start])
        return any(t.lower_ in self.future_words for t in words if not (ent.start <= t.i < ent.end))


@Language.factory("factx_dates")
def make_date_finder(nlp: Language, name: str) -> DateFinder:
    return DateFinder(nlp, name)
