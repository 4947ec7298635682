"""Spans of dates that spaCy's entities leave apart: the other end of a range it tagged only the start of
("from 2009 to 2011"), and a weekday it tagged apart from the date right after it ("Friday Oct. 13")."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from . import timex


def weekday_joined(candidates: list[tuple[Span, str, str]]) -> list[tuple[Span, str, str]]:
    """A weekday found apart from the date right after it, with no comma between ("seeped out Friday
    Oct. 13"): one date, as "Friday, Oct. 13" is. `candidates` in text order."""
    v = timex.vocab()
    out: list[tuple[Span, str, str]] = []
    for cand in candidates:
        span = cand[0]
        last = out[-1][0] if out else None
        if last is not None and out[-1][1] == cand[1] == "DATE" and last.end == span.start \
                and last[-1].lower_ in v["weekdays"] and last[-1].whitespace_ \
                and span[0].lower_.rstrip(".") in v["months"] and span[0].is_title:
            joined = Span(span.doc, last.start, span.end, label="DATE")
            out[-1] = (joined, "DATE", joined.text)
            continue
        out.append(cand)
    return out


def range_ends(doc: Doc, ents: list[Span], all_ents: tuple[Span, ...]) -> list[Span]:
    """The other end of a range spaCy tagged only the start of: "from 2009 to 2011" ("2011"). `all_ents`:
    doc.ents, every label."""
    taken = {i for e in all_ents for i in range(e.start, e.end)}
    found = []
    for ent in ents:
        i = ent.end
        if i + 1 >= len(doc) or doc[i].lower_ not in ("to", "through", "until", "till", "and", "-", "–", "—") \
                or i + 1 in taken:
            continue
        nxt = doc[i + 1]
        if re.fullmatch(r"1\d{3}|20\d\d", nxt.text) and re.search(r"\b\d{4}$", ent.text):
            found.append(Span(doc, i + 1, i + 2, label=ent.label_))
        elif nxt.lower_.rstrip(".") in timex.vocab()["months"] and nxt.is_title:
            end = i + 2
            while end < len(doc) and end - i <= 4 and (doc[end].like_num or doc[end].text == ","):
                end += 1
            while doc[end - 1].text == ",":
                end -= 1
            found.append(Span(doc, i + 1, end, label=ent.label_))
    return found
