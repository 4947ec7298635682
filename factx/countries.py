"""Country mentions: names, aliases and nationality adjectives -> ISO 3166-1 alpha-2 codes.

Names come from pycountry (ISO 3166); what it lacks (aliases such as "U.S." or "Britain", nationality
adjectives, and place names that merely contain a country's name, such as "Mexico City") comes from
models/countries.jsonl. Matching is case-sensitive on token text ("US" is a country, "us" is not);
all-caps variants of names are added for headlines and datelines.
"""
from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import pycountry
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .data import UserPatterns, load_json, load_jsonl

SPANS_KEY = "factx_countries"
LABELS = ("COUNTRY", "NATIONALITY", "NOT_COUNTRY")
# Entities inside which a country word is part of a name, not a mention of the country. The rule: a
# country word inside a person's name ("Michael Jordan") or inside a longer organisation, facility,
# product, event, law or work name ("Qatar Airways", "United States Air Force", "China Eastern Airlines")
# names that thing, not the country. A country word that is the whole entity ("Japan" as ORG) still counts.
BLOCKING_ENTS = {"PERSON", "ORG", "FAC", "PRODUCT", "EVENT", "LAW", "WORK_OF_ART"}


def iso_patterns() -> list[dict]:
    """COUNTRY patterns for every ISO 3166-1 name and common name that reads naturally in text.

    pycountry's inverted forms ("Korea, Republic of") are skipped: models/countries.jsonl spells them.
    """
    rows = []
    for c in pycountry.countries:
        for name in {c.name, getattr(c, "common_name", None)}:
            if name and "," not in name and "(" not in name:
                rows.append({"label": "COUNTRY", "pattern": name, "id": c.alpha_2})
    return rows


@lru_cache(maxsize=1)
def office_words() -> frozenset[str]:
    """Lowercase words of offices and portfolios (models/titles.jsonl and title_words.json)."""
    words = load_json("title_words.json")
    heads = {w for row in load_jsonl("titles.jsonl") if isinstance(row["pattern"], str)
             for w in row["pattern"].lower().split()}
    return frozenset(heads | set(words["domains"]) | set(words["modifiers"]))


def country_name(code: str) -> str:
    """English short name for an alpha-2 code ("Korea, Republic of" -> its common name where one exists)."""
    c = pycountry.countries.get(alpha_2=code)
    if c is None:
        return code
    return getattr(c, "common_name", None) or c.name


class CountryFinder(UserPatterns):
    """Marks country mentions in doc.spans["factx_countries"]: label COUNTRY or NATIONALITY, kb_id = code."""

    def __init__(self, nlp: Language, name: str = "factx_countries"):
        self.nlp = nlp
        self.name = name
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.user_patterns: list[dict] = []
        self._add(iso_patterns())
        self._add(list(load_jsonl("countries.jsonl")))

    def _add(self, rows: Iterable[dict]) -> None:
        by_key: dict[str, list[str]] = {}
        for row in rows:
            if row["label"] not in LABELS or not isinstance(row["pattern"], str):
                continue
            key = f"{row['label']}|{row.get('id') or ''}"
            text = row["pattern"]
            forms = {text}
            if row["label"] != "NOT_COUNTRY" and len(text) > 3 and not text.isupper():
                forms.add(text.upper())  # headlines and datelines: "MEXICO CITY", "JAPAN"
            by_key.setdefault(key, []).extend(forms)
        for key, texts in by_key.items():
            self.matcher.add(key, list(self.nlp.tokenizer.pipe(texts)))

    def add_patterns(self, rows: list[dict]) -> None:
        """Add user patterns (COUNTRY / NATIONALITY / NOT_COUNTRY rows; other labels are ignored)."""
        rows = [r for r in rows if r.get("label") in LABELS]
        self.user_patterns.extend(rows)
        self._add(rows)

    @staticmethod
    def _inside_name(doc: Doc, span: Span) -> bool:
        if doc[span.start].ent_type_ not in BLOCKING_ENTS:
            return False
        ent = next((e for e in doc.ents if e.start <= span.start < e.end), None)
        if ent is None:
            return False
        if ent.label_ == "PERSON":
            return True
        inner = [t for t in ent if not (span.start <= t.i < span.end) and t.lower_ not in ("the", "'s", "’s")]
        if all(t.lower_ in office_words() for t in inner):
            return False  # "U.S. Treasury", "U.S. Trade Representative": a country's office, not a company
        return bool(inner) and span.end < ent.end  # "Qatar Airways" yes; "Mexico's" (ORG) or "the U.S." no

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for match_id, start, end in self.matcher(doc):
            label, code = self.nlp.vocab.strings[match_id].split("|")
            spans.append(Span(doc, start, end, label=label, kb_id=code))
        keep = []
        for span in filter_spans(spans):  # longest wins: "Mexico City" beats "Mexico"
            if span.label_ == "NOT_COUNTRY" or self._inside_name(doc, span):
                continue
            keep.append(span)
        doc.spans[SPANS_KEY] = keep
        return doc


@Language.factory("factx_countries")
def make_country_finder(nlp: Language, name: str) -> CountryFinder:
    return CountryFinder(nlp, name)
