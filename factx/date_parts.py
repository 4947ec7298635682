"""How a date entity is cut into the dates it holds: at line breaks, at range and list joiners when every
piece is a date ("Aug. 26 to Oct. 20", "1994, 1995 and 1996", "1957-58"), at "ended" ("the quarter ended
Sept. 30": the quarter and the day), with determiners and possessives trimmed off the ends. A mixin of
factx/dates.py's DateFinder, which holds the word sets it reads (calendar_words, months_period, _period_of)."""
from __future__ import annotations

import re

from spacy.tokens import Span

from . import timex
from .timex_kinds import is_date

# tokens that join two dates in one entity: "Aug. 26 to Oct. 20", "1994, 1995 and 1996", "ended Sept. 30"
JOINERS = {"to", "through", "thru", "and", "or", "-", "–", "—", "until", "till", "&", ",", "/", "versus", "vs.",
           "ended", "ending", "from", "between"}
ENDED = {"ended", "ending"}
UNIT_WORDS = frozenset({"year", "month", "week", "quarter", "weekend", "decade", "century", "half", "year's",
                        "month's", "week's", "quarter's"})
LEAD_DROP = {"between", "from", "both", "a", "an", "each", "either"}
DATE_WORD = re.compile(r"^(?:\d{4}s?|'\d0s|\d{1,2}(?:st|nd|rd|th)?|today|tonight|yesterday|tomorrow|now)$", re.I)


class DateParts:
    def _parts(self, ent: Span) -> list[tuple[Span, str]]:
        """The dates in one entity, each with the text to normalise: cut at line breaks, at range and list
        joiners when every piece is a date, and at "ended"; determiners and possessives trimmed off the ends."""
        doc = ent.doc
        pieces: list[list[int]] = [[]]
        for tok in ent:
            if tok.is_space:
                if "\n" in tok.text:
                    pieces.append([])
                continue
            pieces[-1].append(tok.i)
            if "\n" in tok.whitespace_:
                pieces.append([])
        parts: list[tuple[Span, str]] = []
        for piece in (p for p in pieces if p):
            parts.extend(self._split(doc[piece[0]:piece[-1] + 1]))
        out = []
        for span, text in parts:
            trimmed = self._trim(span)
            if trimmed is not None:
                out.append((trimmed, text if text != span.text else trimmed.text))
        return out

    def _split(self, span: Span) -> list[tuple[Span, str]]:
        """Cut at commas that end a date ("June 17, two days before": the date alone), then at range and list
        joiners, where every piece must be a date ("a year or two" stays whole)."""
        doc = span.doc
        if self.months_period.search(span.text):
            return [(span, span.text)]  # "the April-June quarter": one period, not April and a quarter
        cuts = [t.i for t in span if t.text == "," and not self._inner_comma(t)
                or t.text in ("-", "–", "—", "--") and t.i > span.start and doc[t.i - 1].whitespace_ and t.whitespace_]
        if cuts:
            bounds = [span.start, *cuts, span.end]
            pieces = [doc[a + (a != span.start):b] for a, b in zip(bounds, bounds[1:])]
            pieces = [p for p in pieces if len(p)]
            dated = [p for p in pieces if self._datelike(p)]
            if dated and len(pieces) > 1:
                return [part for p in dated for part in self._split(p)]
        chunks: list[tuple[str | None, list]] = [(None, [])]
        for tok in span:
            if tok.lower_ in JOINERS and tok.text != "," and not self._word_hyphen(tok):
                chunks.append((tok.lower_, []))
            else:
                chunks[-1][1].append(tok)
        chunks = [(j, toks) for j, toks in chunks if toks]
        if len(chunks) < 2:
            of = [t.i for t in span if t.lower_ == "of" and t.i > span.start]
            if of and doc[span.start:of[-1]].text.lower() not in ("the week", "week"):  # "the week of March 6"  # "the first nine months of 1997": the duration is not a date, 1997 is
                head, tail = doc[span.start:of[-1]], doc[of[-1] + 1:span.end]
                of_day = {"hours", "hour", *timex.vocab()["parts_of_day"]}  # "the early hours of Thursday morning"
                vague_head = not is_date(head.text) or any(t.lower_ in of_day for t in head)
                if len(tail) and vague_head and (is_date(tail.text) or self._period_of(tail)) \
                        and not timex.normalize(span.text) and (
                        self._datelike(tail) or any(t.lower_ in UNIT_WORDS for t in tail)):
                    return [(tail, tail.text)]
            return [(span, span.text)]
        pieces = [(j, doc[toks[0].i:toks[-1].i + 1]) for j, toks in chunks]
        if any(j in ENDED for j, _ in pieces):
            # "the quarter ended Sept. 30": the day, and the period too when it is a quarter or a half
            head = pieces[0][1]
            rest = [p for j, p in pieces[1:] if self._datelike(p)]
            if not rest:
                return [(span, span.text)]
            out = [(p, p.text) for p in rest]
            head_text = timex.clean(head.text)
            if re.search(r"\b(?:quarter|half)\b", head_text) and not re.search(r"\d|\b(?:two|three|four|several)\b",
                                                                                 head_text):
                out.insert(0, (head, doc[head.start:rest[0].end].text))
            return out
        if not all(self._datelike(p) or re.fullmatch(r"\d{1,2}", p.text) for _, p in pieces):
            return [(span, span.text)]  # "a year or two", "the first nine months of 1997": one expression
        out = []
        for _, piece in pieces:
            text = piece.text
            year = re.fullmatch(r"(\d\d)(\d\d)", out[-1][1]) if out and re.fullmatch(r"\d\d", text) else None
            if year and int(text) > int(year[2]):
                out.append((piece, year[1] + text))  # "the expedition of 1957-58": 1957 and 1958
                continue
            if re.fullmatch(r"\d{1,2}", text):
                # "April 24 and 25": a bare day takes the month of the date before it
                m = re.match(r"([A-Za-z]+\.?)\s+\d", out[-1][0].text) if out else None
                if not m:
                    return [(span, span.text)]
                text = f"{m[1]} {text}"
            out.append((piece, text))
        return out

    def _word_hyphen(self, tok) -> bool:
        """A hyphen inside a word ("the fiscal-first quarter"), not between two dates ("1957-58")."""
        doc = tok.doc
        if tok.text not in ("-", "–") or tok.i == 0 or tok.i + 1 >= len(doc) or tok.whitespace_ \
                or doc[tok.i - 1].whitespace_:
            return False
        sides = (doc[tok.i - 1], doc[tok.i + 1])
        return not any(t.text[:1].isdigit() or t.lower_ in self.calendar_words for t in sides)

    def _inner_comma(self, comma) -> bool:
        """A comma inside one date: "March 1, 2008", "Tuesday, March 22"."""
        doc = comma.doc
        if comma.i == 0 or comma.i + 1 >= len(doc):
            return False
        before, after = doc[comma.i - 1], doc[comma.i + 1]
        if re.fullmatch(r"\d{4}", after.text) and (before.like_num or before.lower_ in self.calendar_words):
            return not re.fullmatch(r"\d{4}", before.text)
        return before.lower_ in timex.vocab()["weekdays"]

    def _datelike(self, span: Span) -> bool:
        words = [t.lower_ for t in span]
        return any(w in self.calendar_words or DATE_WORD.match(w) for w in words) and is_date(span.text)

    def _trim(self, span: Span) -> Span | None:
        doc = span.doc
        start, end = span.start, span.end
        while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in ("'s", "’s", "'", "and", "or",
                                                                                "to")):
            end -= 1
        while start < end and (doc[start].is_punct or doc[start].lower_ in LEAD_DROP and end - start > 1 and (
                doc[start].lower_ in ("between", "from") or doc[start + 1].like_num
                or doc[start + 1].lower_ in self.calendar_words
                or doc[start + 1].lower_ in ("the", "first", "second", "third", "fourth"))):
            start += 1
        if end - start > 3 and doc[start].like_num and doc[start + 1].lower_ in ("a", "an") \
                and doc[end - 1].lower_ in ("ago", "earlier", "before"):
            start += 1  # "up from seven a year ago": the count is an amount, not part of the date
        if start < end and doc[start].lower_ == "the" and end - start > 2 and (
                doc[start + 1].lower_.rstrip(".") in timex.vocab()["months"] and doc[start + 2].like_num):
            start += 1  # "the Dec. 21, 1988" -> "Dec. 21, 1988"
        return doc[start:end] if end > start else None
