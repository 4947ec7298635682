"""The output record: one dict per input document, and its JSON Schema.

Offsets are Python string indices into the text as decoded (end exclusive), so
text[start:end] == mention["text"] for every mention.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from .countries import SPANS_KEY as COUNTRIES_KEY, country_name, person_territories
from .doctext import text_of
from .dates import SPANS_KEY as DATES_KEY
from .money import SPANS_KEY as MONEY_KEY
from .schema import TYPES
from .titles import SPANS_KEY as TITLES_KEY



def mention(span: Span) -> dict:
    return {"text": span.text, "start": span.start_char, "end": span.end_char}


def _money_mention(span: Span) -> dict:
    if span._.factx_chars is None:
        return mention(span)
    start, end = span._.factx_chars
    return {"text": text_of(span.doc)[start:end], "start": start, "end": end}


def build(doc: Doc, id: str, types: tuple[str, ...] = TYPES) -> dict:
    """The record for one processed Doc, keeping only `types`."""
    record: dict = {"id": id}
    if "people" in types:
        record["people"] = [dict(p) for p in doc._.factx_people or []]
    if "titles" in types:
        record["titles"] = [mention(t) | {"person": t._.factx_person, "link": t._.factx_link,
                                           "kind": t._.factx_kind} for t in doc.spans.get(TITLES_KEY, [])]
    if "countries" in types:
        by_code: dict[str, dict] = {}
        for span in doc.spans.get(COUNTRIES_KEY, []):
            code = span.kb_id_
            if code in person_territories():
                continue  # a person's, but a place like a city, not a country (models/territories.json)
            entry = by_code.setdefault(code, {"code": code, "name": country_name(code), "mentions": []})
            entry["mentions"].append(mention(span) | {"kind": span.label_.lower()})
        record["countries"] = list(by_code.values())
    if "dates" in types:
        record["dates"] = [mention(s) | {"value": s._.factx_value} for s in doc.spans.get(DATES_KEY, [])]
    if "money" in types:
        record["money"] = [_money_mention(s) | {"amount": s._.factx_amount, "currency": s._.factx_currency,
                                         "amount_max": s._.factx_amount_max}
                           for s in doc.spans.get(MONEY_KEY, [])]
    ref = doc._.factx_ref_date  # an ISO string (factx_dates writes one), or a date set by the caller
    record["reference_date"] = {"value": str(ref) if ref else None, "source": doc._.factx_ref_source}
    return record


def error_record(id: str, kind: str, message: str) -> dict:
    return {"id": id, "error": {"kind": kind, "message": message}}
