"""Money: amounts with their ISO 4217 currency ("$37 billion" -> 37000000000 USD, "€5.2m" -> 5200000 EUR).

The spaCy component. The rules that find amounts are rows of models/money_patterns.json, applied by
factx/money_amounts.py; factx/money_joins.py joins what is one amount or one range. The currency
vocabulary (symbols, words, "<country> dollar" forms) is models/currencies.json; ISO codes and official
currency names ("Canadian Dollar", "Mexican Peso") come from pycountry. Here: spaCy MONEY entities the
rules do not cover, and the document's country deciding a shared currency word or sign ("pesos", "kr", "¥").
A range ("$5-6 billion", "between $12 million and $20 million", "US$16 million to $28 million") is one
mention whose `amount` is the lower bound and `amount_max` the upper one. An amount spaCy calls MONEY
without any currency is kept (amount only) unless a noun follows it ("4 billion songs" is a count) or it is an
exchange rate ("83.10 per dollar").
"""
from __future__ import annotations

import re
from functools import lru_cache

import pycountry
from spacy.language import Language
from spacy.tokens import Doc, Span

from .countries import SPANS_KEY as COUNTRIES_KEY
from .people import SPANS_KEY as PEOPLE_KEY
from .data import load_json, load_jsonl
from .doctext import text_of
from .money_amounts import Money, find_amounts, joins, patterns, vocabulary
from .money_joins import join_all, shared_stem

SPANS_KEY = "factx_money"
__all__ = ["Money", "find_money", "patterns", "vocabulary", "SPANS_KEY", "MoneyFinder"]

if not Span.has_extension("factx_amount"):
    Span.set_extension("factx_chars", default=None)  # exact (start, end) when tokens overhang: "£900m." -> "£900m"
    Span.set_extension("factx_amount", default=None)
    Span.set_extension("factx_amount_max", default=None)
    Span.set_extension("factx_currency", default=None)


def find_money(text: str, dollar: str | None = None) -> list[Money]:
    """Every money expression in text with amount and currency; `dollar` overrides what a bare "$" means."""
    return join_all(text, find_amounts(text, dollar or vocabulary()["default_dollar"]))


class MoneyFinder:
    def __init__(self, nlp: Language, name: str = "factx_money", dollar: str | None = None):
        self.name = name
        self.dollar = dollar

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        covered: list[tuple[int, int]] = []
        for money in find_money(doc.text, self.dollar):
            span = doc.char_span(money.start, money.end, label="MONEY", alignment_mode="expand")
            if span is None:
                continue
            if (span.start_char, span.end_char) != (money.start, money.end):
                span._.factx_chars = (money.start, money.end)
            span._.factx_amount, span._.factx_amount_max = money.amount, money.amount_max
            span._.factx_currency = money.currency
            spans.append(span)
            covered.append((span.start, span.end))
        rate, weights = joins()["per_currency"], vocabulary()["weight_words"]
        for ent in doc.ents:  # what spaCy calls money and the expressions did not parse: keep, unvalued
            # (not "147 pounds" the rules refused as a weight: they read every other number of pounds)
            if ent.label_ == "MONEY" and all(ent.end <= a or ent.start >= b for a, b in covered) and any(
                    t.like_num for t in ent) and not _count_of_things(ent) and not rate.search(ent.text) and not any(
                    t.lower_ in weights for t in ent):
                span = Span(doc, ent.start, ent.end, label="MONEY")
                spans.append(span)
        _document_currency(doc, spans)
        doc.spans[SPANS_KEY] = sorted(spans, key=lambda s: s.start)
        return doc


def _document_currency(doc: Doc, spans: list[Span]) -> None:
    """A shared currency word with no country word of its own ("500 million pesos", "several billion pounds")
    takes the currency of the country the document mentions most among those whose currency has that name
    (a Philippine story's pesos are PHP, a Pakistani story's rupees PKR; on a tie, the country named first).
    With no such country the reading of the amount alone stays (pesos MXN, rupees INR, pounds unknown).
    A shared sign before or after the amount ("kr 500", "¥3 trillion", "Rs 5 lakh", "39 kr") is decided the
    same way. Only when no country the text names has a currency of that name do the capitals and cities it
    names decide, the same way: "1,100 pesos" in a Buenos Aires story are ARS, "150 dirhams" in a Marrakesh
    one MAD (see _places_named)."""
    if not spans:
        return
    tiers = [t for t in (_named(doc, [(c.kb_id_, c.start_char) for c in doc.spans.get(COUNTRIES_KEY, [])]),
                         _named(doc, _places_named(doc))) if t[0]]
    if not tiers:
        return
    by_country = country_currencies()
    data = load_json("currencies.json")
    name_stems = {k: tuple(v) for k, v in data["iso_name_words"].items()}
    signs = {k.lower(): tuple(v) for k, v in data["shared_signs"].items()}
    ambiguous = frozenset(w.rstrip("s") for w in vocabulary()["country_decides"])
    said: set[str] = set()  # stems the text already tied to a country's currency ("Norwegian crowns")
    country_words = {w.lower() for w in vocabulary()["country_words"]}
    for span in spans:
        words = [w.lower() for w in text_of(span.doc)[span.start_char:span.end_char].split()]
        if not words:
            continue
        stem = shared_stem(words) if words[-1] not in name_stems else words[-1]
        if any(w in country_words for w in words) or any(
                " ".join(words[i:i + 2]) in country_words for i in range(len(words))):
            said.add(stem)
            continue
        sign = next((s[0].rstrip(".") for w in (words[0], words[-1]) if (s := re.match(r"[^\d\s]+", w))
                     and s[0].rstrip(".") in signs), None)
        if sign and span._.factx_currency is not None:
            names = signs[sign]  # "kr 500", "39 kr": krona or krone, as the document's country says
        elif stem in said or (stem not in ambiguous and stem not in name_stems):
            continue  # the text said whose crowns these are: money_joins._context_currency has it
        else:
            names = name_stems.get(stem, (stem,))
        for counts, first in tiers:  # the countries named; else the capitals and cities named
            fits = [(n, -first[code], code) for code, n in counts.items() if (cur := by_country.get(code))
                    and any(x in (pycountry.currencies.get(alpha_3=cur).name.lower()) for x in names)]
            if fits:  # most mentioned; on a tie, the country named first
                span._.factx_currency = by_country[max(fits)[2]]
                break


def _named(doc: Doc, places: list[tuple[str, int]]) -> tuple[dict[str, int], dict[str, int]]:
    """How often each country is named, and where first, from (ISO 3166 code, character offset) pairs."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for code, start in places:
        counts[code] = counts.get(code, 0) + 1
        first.setdefault(code, start)
    return counts, first


@lru_cache(maxsize=1)
def _place_pattern() -> tuple[re.Pattern, dict[str, str]]:
    countries = {**load_json("cities.json")["cities"], **load_json("capitals.json")["countries"]}
    names = "|".join(re.escape(c) for c in sorted(countries, key=len, reverse=True))
    # a place as written ("Santiago's metro"; not "Santiago de Compostela": a name before "de" is part of a
    # longer one, which counts only when listed, "Santiago de Cuba"), or in capitals opening a dateline
    pattern = re.compile(rf"(?<![\w-])(?P<name>{names})(?![\w-])(?!\s+de\b)"
                         rf"|^\s*(?P<dateline>{names.upper()})(?=\s*[,(-]|\s+\u2014)")
    return pattern, {**countries, **{k.upper(): v for k, v in countries.items()}}


def _places_named(doc: Doc) -> list[tuple[str, int]]:
    """The country of each capital or city the text names as a place (models/capitals.json,
    models/cities.json): not within a person's name ("Santiago Solari"); a dateline in capitals
    ("BUENOS AIRES, March 3 -") counts."""
    pattern, country = _place_pattern()
    people = [(s.start_char, s.end_char) for s in doc.spans.get(PEOPLE_KEY, [])]
    # spaCy's longer PERSON names too ("Santiago Bernal"); its one-word PERSON "Havana" is a place
    people += [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON" and len(e) > 1]
    out = []
    for m in pattern.finditer(text_of(doc)):
        start, end = m.span(m.lastgroup)
        if not any(a < end and start < b for a, b in people):
            out.append((country[m[m.lastgroup]], start))
    return out


@lru_cache(maxsize=1)
def country_currencies() -> dict[str, str]:
    """ISO 3166 code -> ISO 4217 code, from the nationality words of models/currencies.json ("Colombian": COP)
    and models/countries.jsonl ("Colombian": CO)."""
    code_of = {r["pattern"]: r["id"] for r in load_jsonl("countries.jsonl")
               if r["label"] in ("COUNTRY", "NATIONALITY") and isinstance(r["pattern"], str)}
    code_of.update({c.name: c.alpha_2 for c in pycountry.countries})
    out: dict[str, str] = {}
    for word, cur in vocabulary()["country_words"].items():
        code = code_of.get(word)
        if code and pycountry.currencies.get(alpha_3=cur) is not None:
            out.setdefault(code, cur)
    return out


def _count_of_things(ent: Span) -> bool:
    """'more than 4 billion songs': spaCy's MONEY with no currency word, followed by a noun."""
    words = vocabulary()["words"]
    if any(t.lower_ in words or t.is_currency for t in ent):
        return False
    nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and nxt.lower_ not in words


@Language.factory("factx_money", default_config={"dollar": None}, requires=["doc.ents"],
                  assigns=["doc.spans", "span._.factx_amount", "span._.factx_amount_max", "span._.factx_currency"])
def make_money_finder(nlp: Language, name: str, dollar: str | None) -> MoneyFinder:
    return MoneyFinder(nlp, name, dollar)
