"""Dates: spaCy DATE entities, less durations, ages and recurrences, plus the vague references spaCy does
not tag ("now", "currently", "recently", "the future"), each with a TIMEX3 value (timex.py).

The reference date for relative expressions is doc._.factx_ref_date when the caller sets it (an ISO string
or a date; from --reference-date or a JSONL record's "date"); otherwise a dateline date at the top of the
article (a line "March 01, 2008" or "WASHINGTON, March 22, 2013 -") is used; otherwise there is none and
relative dates get value None, except against a dateline without a year ("FRANKFURT, Feb 14 (Reuters) -"):
then what needs only the month and day has a value with an unknown year ("yesterday" -> "XXXX-02-13").
doc._.factx_ref_source says which ("given", "dateline" or None).

Entities are cut where the text has more than one date: a range "Aug. 26 to Oct. 20", a list "1994, 1995
and 1996", "the quarter ended Sept. 30" (two dates, "the quarter" and "Sept. 30"), a line break.
"""
from __future__ import annotations

import re
from datetime import date

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from . import timex, timex_anaphora
from .data import load_json
from .date_generic import no_date
from .date_parts import UNIT_WORDS, DateParts
from .date_spans import range_ends, weekday_joined
from .doctext import text_of
from .timex_dateline import DATELINE_PREFIX, dateline_date, dateline_month_day  # noqa: F401
from .timex_direction import end_point, governed_by_past, points_forward
from .timex_kinds import finders, is_date, not_date_after

SPANS_KEY = "factx_dates"
ANCHOR_SENTENCES = 3
VAGUE = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
VAGUE_WORDS = re.compile(r"(?:the )?(?:recent|coming|future)\b", re.I)  # "in recent years": vague, no duration
FIXED = re.compile(r"\b(?:1\d|20)\d\d\b")
YEAR_BACK = re.compile(r"\byear[- ](?:ago|earlier|before)|\blast year|\bprevious year|\bprior[- ]year")


def ref_date(doc: Doc) -> date | None:
    """doc._.factx_ref_date as a date: it holds an ISO string ("2013-03-22"); a date is taken too."""
    value = doc._.factx_ref_date
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError as e:
        raise ValueError(f"doc._.factx_ref_date {value!r}: expected an ISO date YYYY-MM-DD") from e


for _name in ("factx_ref_date", "factx_ref_source"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
if not Span.has_extension("factx_value"):
    Span.set_extension("factx_value", default=None)


class DateFinder(DateParts):
    def __init__(self, nlp: Language, name: str = "factx_dates"):
        self.name = name
        data = load_json("dates.json")
        months = "|".join(sorted(timex.vocab()["months"], key=len, reverse=True))
        self.months_period = re.compile(rf"\b(?:{months})\.?\s*(?:-|–|to|through)\s*(?:{months})\.? (?:quarter|period|half"
                                        r"|three months|six months)\b", re.I)
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for value, phrases in data["ref_words"].items():
            self.matcher.add(value, [nlp.make_doc(p) for p in phrases])
        self.holidays = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.holidays.add("HOLIDAY", [nlp.make_doc(name) for name in timex.holiday_names()])
        self.periods = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.periods.add("PERIOD", [nlp.make_doc(p) for p in data["period_words"]])
        self.periods.add("ANAPHOR", [nlp.make_doc(p) for row in data["anaphora"] for p in row.get("phrases", [])])
        self.period_prepositions = tuple(data["period_prepositions"])
        self.period_words = frozenset(data["period_words"])
        self.durations_after_for = frozenset(data["durations_after_for"])
        v = timex.vocab()
        self.calendar_words = frozenset(list(v["months"]) + [m + "." for m in v["months"]] + list(v["weekdays"])
                                        + list(v["seasons"]) + list(v["decade_words"])
                                        + [h for h in timex.holiday_names() if " " not in h])

    def __call__(self, doc: Doc) -> Doc:
        candidates = []
        all_ents = doc.ents  # spaCy builds the tuple anew on each access
        ents = [self._extend(e) for e in all_ents if e.label_ in ("DATE", "TIME")]
        ents += range_ends(doc, ents, all_ents)
        for ent in ents:
            for part, text in self._parts(ent):
                candidates.append((Span(doc, part.start, part.end, label=ent.label_), ent.label_, text))
        ref = ref_date(doc)
        yearless = None  # (month, day) of a dateline without a year, when there is no other reference date
        if ref is None:
            ref = dateline_date(doc, [span for span, _, _ in candidates])
            if ref is not None:
                doc._.factx_ref_source = "dateline"
        elif doc._.factx_ref_source is None:
            doc._.factx_ref_source = "given"
        doc._.factx_ref_date = ref.isoformat() if ref is not None else None  # a string: Docs serialise
        taken = {i for span, _, _ in candidates for i in range(span.start, span.end)}
        taken |= {i for ent in ents for i in range(ent.start, ent.end)}
        dateline = dateline_month_day(doc) if doc._.factx_ref_source != "dateline" else None
        if dateline:  # "FRANKFURT, Feb 14 (Reuters) -", which spaCy may not tag
            span, yearless = dateline
            if span is not None and not any(i in taken for i in range(span.start, span.end)):
                candidates.append((Span(doc, span.start, span.end, label="DATE"), "DATE", span.text))
                taken |= set(range(span.start, span.end))
            yearless = yearless if ref is None else None
        for span in self._ref_words(doc):
            if not any(i in taken for i in range(span.start, span.end)):
                candidates.append((span, "REF", span.text))
        for pattern in finders():  # "7/8/07", "the Aug. 7 bombings": dates spaCy may miss
            for m in pattern.finditer(text_of(doc)):
                span = doc.char_span(m.start(), m.end())
                if span is not None and not any(i in taken for i in range(span.start, span.end)):
                    candidates.append((Span(doc, span.start, span.end, label="DATE"), "DATE", span.text))
                    taken |= set(range(span.start, span.end))
        periods = self._periods(doc)
        period_keys = {(p.start, p.end) for p in periods}
        for span in self._holidays(doc) + periods:
            if span.label_ == "ANAPHOR":  # "the day before" over spaCy's "the day"
                inside = [c for c in candidates if span.start <= c[0].start and c[0].end <= span.end]
                candidates = [c for c in candidates if c not in inside]
                taken -= {i for c in inside for i in range(c[0].start, c[0].end)}
            if not any(i in taken for i in range(span.start, span.end)):
                candidates.append((span, span.label_, span.text))
        candidates = weekday_joined(sorted(candidates, key=lambda c: c[0].start))
        spans = []
        anchor: tuple[str, int] | None = None  # the last quarter spoken of, and the sentence it was in
        named: dict[str, str] = {}  # the last year, month and day named ("in June 1998"), for "that year"
        sentences = {s.start: n for n, s in enumerate(doc.sents)} if candidates and doc.has_annotation("SENT_START") \
            else {}
        for span, label, text in candidates:
            if no_date(span):
                continue  # "This is VOA Today.", "today's youth"
            if label == "REF":
                value = span.label_
            else:
                if label != "TIME":  # "10 p.m. Wednesday" is a time, as README says factx leaves times alone
                    span, text = self._lead_trimmed(span, text, ref)
                if (span.start, span.end) not in period_keys and not is_date(text) and not self._period_of(span) \
                        and not (VAGUE_WORDS.match(text) and timex.normalize(text) in VAGUE):
                    continue  # "the quarter" after "in" is the one reported on; "in recent years" is vague, not a duration
                if not_date_after(text_of(doc)[max(0, span.start_char - 40):span.start_char], text):
                    continue  # "each [July]", "in his [30s]": a recurrence, an age
                sent = sentences.get(span.sent.start, 0) if sentences else 0
                recent = anchor[0] if anchor and sent - anchor[1] <= ANCHOR_SENTENCES else None
                if FIXED.search(text) or timex.normalize(text) in VAGUE:
                    future = past = False  # "in June 1998", "now": a year written out leaves nothing to the clause
                else:
                    future = points_forward(span)
                    past = governed_by_past(span, future)
                if yearless:
                    value = timex.normalize_without_year(text, *yearless, future=future, anchor=recent, past=past)
                elif ref is not None and not future and end_point(span):
                    value = timex_anaphora.nearest(text, ref, recent)  # "this year through August", "through January"
                else:
                    value = timex.normalize(text, ref, future=future, anchor=recent, past=past)
                row = timex_anaphora.anaphor(text)
                if row is not None:
                    value = timex_anaphora.resolve(row, named, value)
                if label == "TIME" and value is None:
                    continue  # "3 p.m.", "this morning" without a day: times, not dates
                if value is None and (ref or yearless) and not self._datelike(span) \
                        and not any(t.lower_ in UNIT_WORDS for t in span):
                    continue  # "almost a hundred years", "Olympic": no value even with a reference date, no date word
                if value and row is None:
                    timex_anaphora.remember(named, value, text)
                if value and re.fullmatch(r"\d{4}-Q\d", value) and not YEAR_BACK.search(text.lower()) and (
                        ref is None or (timex.shift_quarter(timex.quarter_of(ref), -4) or "") < value <= timex.quarter_of(ref)):
                    anchor = (value, sent)  # the quarter reported on: not a forecast, not "a year earlier"
            out = Span(doc, span.start, span.end, label="DATE")
            out._.factx_value = value
            spans.append(out)
        doc.spans[SPANS_KEY] = spans
        return doc

    def _extend(self, ent: Span) -> Span:
        """Take in a determiner spaCy left out: "this year" where spaCy tagged "year"."""
        doc = ent.doc
        if ent.start > 0 and doc[ent.start - 1].lower_ in ("this", "last", "next", "past", "coming") \
                and ent[0].lower_ in UNIT_WORDS | self.calendar_words:
            return Span(doc, ent.start - 1, ent.end, label=ent.label_)
        before = [t.lower_ for t in doc[max(0, ent.start - 3):ent.start]]
        if before in (["the", "day", "before"], ["the", "day", "after"]):  # not "eight days after Oct. 12", a count
            return Span(doc, ent.start - 3, ent.end, label=ent.label_)  # "the day before last Tuesday"
        if before[-3:] == ["the", "week", "of"] and ent[0].lower_.rstrip(".") in timex.vocab()["months"]:
            return Span(doc, ent.start - 3, ent.end, label=ent.label_)  # "the week of March 6"
        if len(before) == 3 and before[0] == "the" and before[1] in ("same", "corresponding", "comparable") \
                and before[2] in ("period", "quarter") and ent.text.lower() in ("last year", "a year ago", "a year earlier"):
            return Span(doc, ent.start - 3, ent.end, label=ent.label_)  # "the corresponding period last year"
        if ent.text.lower().endswith(("year-ago", "year-earlier")) and ent.end < len(doc) \
                and doc[ent.end].lower_ in ("period", "quarter"):
            return Span(doc, ent.start, ent.end + 1, label=ent.label_)  # "the year-ago period"
        if len(ent) == 1 and re.fullmatch(r"1\d{3}|20\d\d", ent.text) and ent.start > 0 and ent.end < len(doc) \
                and doc[ent.start - 1].lower_ == "the" and doc[ent.end].lower_ in ("period", "quarter"):
            return Span(doc, ent.start - 1, ent.end + 1, label=ent.label_)  # "the 1989 period"
        return ent

    def _holidays(self, doc: Doc) -> list[Span]:
        """Holidays spaCy does not tag as dates ("on Thanksgiving Day", "last Christmas"): capitalised, not part of
        a longer name ("Christmas Island"), with a "last", "next" or "this" before them."""
        spans = []
        for _, start, end in sorted(self.holidays(doc), key=lambda m: (m[1], -m[2])):
            if spans and start < spans[-1].end or not doc[start].text[:1].isupper() \
                    or end < len(doc) and doc[end].is_title and not doc[end].is_sent_start:
                continue
            if start > 0 and doc[start - 1].lower_ in ("last", "next", "this", "past", "coming"):
                start -= 1
            spans.append(Span(doc, start, end, label="DATE"))
        return spans

    def _periods(self, doc: Doc) -> list[Span]:
        """"in the quarter", "during the latest period", "over the weekend": the period reported on, which spaCy
        does not tag; only after a preposition of time (not "the quarter of the city", "a quarter of sales").
        Also the anaphora spaCy misses ("the next day", "the year before")."""
        found = []
        for match_id, start, end in self.periods(doc):
            after = doc[end + 1] if end + 1 < len(doc) else None
            if end < len(doc) and (doc[end].lower_ in ("'s", "’s") or doc[end].lower_ == "of" and not (
                    after is not None and (after.like_num or after.is_currency))):
                continue  # "the quarter of the city", not "a high for the year of $42.875"
            anaphor = doc.vocab.strings[match_id] == "ANAPHOR"
            if anaphor and doc[end - 1].lower_ in ("before", "after") and end < len(doc) and not doc[end].is_punct:
                continue  # "the day before the plunge": a preposition, not "the day before,"
            latest = doc[start + 1].lower_ == "latest" and doc[start].is_sent_start  # "The latest period had"
            before = doc[max(0, start - 2):start].text.lower()
            if anaphor or latest or start > 0 and (doc[start - 1].lower_ in self.period_prepositions
                                                   or before in self.period_prepositions):  # "the next day" needs none
                found.append(Span(doc, start, end, label=doc.vocab.strings[match_id]))
        return found

    def _ref_words(self, doc: Doc) -> list[Span]:
        """"now", "currently", "recently", "the future", ...: vague references spaCy does not tag as dates."""
        spans = []
        for match_id, start, end in self.matcher(doc):
            span = Span(doc, start, end, label=doc.vocab.strings[match_id])
            following = doc[end] if end < len(doc) else None
            if span.text.lower() == "the past" and following is not None and (
                    following.pos_ in ("NOUN", "NUM", "ADJ", "PROPN") or following.lower_ in ("few", "several")):
                continue  # "the past three months": a duration
            if span.text.lower() in self.durations_after_for and start > 0 and doc[start - 1].lower_ == "for":
                continue  # "neutral for the foreseeable future": how long, a duration
            if span.text.lower() == "current" and span.root.pos_ != "ADJ":
                continue
            if span.text.lower() == "now" and following is not None and following.text in ("-", "–") \
                    and not span[-1].whitespace_:
                continue  # "the now-cancelled deal" ("now that it is over" is the present, as TimeML has it)
            if span.text.lower() == "now" and span[0].is_sent_start and following is not None and following.text == ",":
                continue  # "Now, he says, ...": a discourse marker, not the present
            spans.append(span)
        spans.sort(key=lambda s: (s.start, -len(s)))
        kept, last_end = [], -1
        for s in spans:  # longest first at each start, no overlaps: "more recently" over "recently"
            if s.start >= last_end:
                kept.append(s)
                last_end = s.end
        return kept

    def _lead_trimmed(self, span: Span, text: str, ref: date | None) -> tuple[Span, str]:
        """Words before a date that spaCy took into it ("coup d'etat last year", "during the day Friday"), dropped
        when the whole has no value and what follows them has one."""
        if text != span.text or len(span) < 2 or ref is None or not is_date(text) or timex_anaphora.anaphor(text) \
                or timex.normalize(text, ref) is not None:
            return span, text
        for k in (1, 2):
            sub = span[k:]
            if len(sub) and sub[0].is_alpha and sub[0].lower_ != "of" and is_date(sub.text) \
                    and timex.normalize(sub.text, ref) is not None:
                return sub, sub.text
        return span, text

    def _period_of(self, span: Span) -> bool:
        """A period word after a span of time: "the first nine months of [the year]" is this year's."""
        doc = span.doc
        return span.text.lower() in self.period_words and span.start > 1 and doc[span.start - 1].lower_ == "of" \
            and doc[span.start - 2].lower_ in ("months", "weeks", "days", "quarters", "half")

@Language.factory("factx_dates", requires=["doc.ents"],
                  assigns=["doc.spans", "doc._.factx_ref_date", "doc._.factx_ref_source", "span._.factx_value"])
def make_date_finder(nlp: Language, name: str) -> DateFinder:
    return DateFinder(nlp, name)
