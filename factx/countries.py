"""Country mentions: names, aliases and nationality adjectives -> ISO 3166-1 alpha-2 codes.

Names come from pycountry (ISO 3166); what it lacks (aliases such as "U.S." or "Britain", nationality
adjectives, and place names that merely contain a country's name, such as "Mexico City") comes from
models/countries.jsonl. Matching is case-sensitive on token text ("US" is a country, "us" is not);
all-caps variants of names are added for headlines and datelines.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from functools import lru_cache

import pycountry
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .data import UserPatterns, load_json, load_jsonl
from .doctext import line_starts, text_of
from .nationality_names import person_name_after
from .role_words import office_words, person_nouns, person_words, title_heads, title_modifiers  # noqa: F401

SPANS_KEY = "factx_countries"
# Nationalities stacked with another group adjective ("a Flemish Belgian journalist"): not reported as
# mentions (a capitalised neighbour usually makes a name), but they give a person's country.
MODIFIERS_KEY = "factx_country_modifiers"
BODIES_KEY = "factx_country_bodies"  # country words that name a body of the state ("the British government")
# A currency word right after a country word: the country names the currency ("US dollars", "Norwegian
# crowns"), not itself. The words are models/currencies.json's, plus fractions.
CURRENCY_EXTRA = {"cent", "penny", "pence", "$"}


@lru_cache(maxsize=1)
def currency_words() -> frozenset[str]:
    words = {w.lower() for w in load_json("currencies.json")["words"] if " " not in w}
    return frozenset(words | CURRENCY_EXTRA)


LABELS = ("COUNTRY", "NATIONALITY", "NOT_COUNTRY", "STATE_BODY")  # STATE_BODY: a state's body by its own name
USER_LABELS = ("COUNTRY", "NATIONALITY", "NOT_COUNTRY")
# Entities inside which a country word is part of a name, not a mention of the country. The rule: a
# country word inside a person's name ("Michael Jordan") or inside a longer organisation, facility,
# product, event, law or work name ("Qatar Airways", "United States Air Force", "China Eastern Airlines")
# names that thing, not the country. A country word that is the whole entity ("Japan" as ORG) still counts.
BLOCKING_ENTS = {"PERSON", "ORG", "FAC", "PRODUCT", "EVENT", "LAW", "WORK_OF_ART"}
# Word lists of models/country_words.json (each with its comment there): when a country word names a body of its
# state ("the British government", "the Chinese Commerce Ministry"), an organisation ("Bank of England"), a
# region ("eastern Poland") or a language ("the Greek word") rather than the country.
_WORDS = load_json("country_words.json")
NAMED_BODIES = frozenset(_WORDS["named_bodies"])
NAMED_BODY_WORDS = frozenset(_WORDS["named_body_words"])
STATE_BODIES = frozenset(_WORDS["state_bodies"])
ORG_HEADS_BEFORE_OF = frozenset(_WORDS["org_heads_before_of"])
REGION_WORDS = frozenset(_WORDS["region_words"])
OCCUPIED = frozenset(_WORDS["occupied_words"])
LANGUAGE_NOUNS = frozenset(_WORDS["language_nouns"])
# An encyclopedia's cross-reference line lists the titles of other articles ("Main article: The Holocaust in Poland").
CROSS_REFERENCE = re.compile(r"(Main articles?|Further information|See also|For more information)\s*:")


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
def territories() -> frozenset[str]:
    """ISO 3166-1 codes that are places rather than countries (models/territories.json): "Gibraltar", "Hong Kong"."""
    return frozenset(load_json("territories.json")["codes"])


@lru_cache(maxsize=1)
def person_territories() -> frozenset[str]:
    """The territories a person's country may be ("Greenland's minister": GL); never in a record's countries."""
    return frozenset(load_json("territories.json")["person_codes"])


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
        # Matched case-insensitively (one pattern Doc per name, not one per spelling: this matcher is most
        # of factx's start-up), then kept only when the words are the name as written or all in capitals
        # ("MEXICO CITY" in a dateline): "us" is not "US", "chad" is not "Chad".
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.forms: dict[str, set[tuple[str, ...]]] = {}
        self.user_patterns: list[dict] = []
        places = territories() - person_territories()
        self._add(r for r in iso_patterns() if r.get("id") not in places)
        self._add(r for r in load_jsonl("countries.jsonl") if r.get("id") not in places)

    def _add(self, rows: Iterable[dict]) -> None:
        by_key: dict[str, set[str]] = {}
        for row in rows:
            if row["label"] not in LABELS or not isinstance(row["pattern"], str):
                continue
            by_key.setdefault(f"{row['label']}|{row.get('id') or ''}", set()).add(row["pattern"])
        for key, texts in by_key.items():
            texts = sorted(texts)
            docs = list(self.nlp.tokenizer.pipe(texts))
            forms = self.forms.setdefault(key, set())
            for text, doc in zip(texts, docs):
                words = tuple(t.text for t in doc)
                forms.add(words)
                if len(text) > 3:
                    forms.add(tuple(w.upper() for w in words))  # headlines and datelines: "JAPAN"
            self.matcher.add(key, docs)

    def add_patterns(self, rows: list[dict]) -> None:
        """Add user patterns (COUNTRY / NATIONALITY / NOT_COUNTRY rows; other labels are ignored)."""
        rows = [r for r in rows if r.get("label") in USER_LABELS]
        self.user_patterns.extend(rows)
        self._add(rows)

    @staticmethod
    def _inside_name(doc: Doc, span: Span) -> bool:
        if doc[span.start].ent_type_ not in BLOCKING_ENTS:
            return False
        ent = next((e for e in doc.ents if e.start <= span.start < e.end), None)
        if ent is None or any(t.text in ("-", "–", "—") and t.whitespace_ and doc[t.i - 1].whitespace_
                              for t in doc[ent.start:span.start]):
            return False  # NER ran over a dateline's dash: "MASERU, Feb 9 - Lesotho's prime minister"
        if ent.label_ == "PERSON":
            # a country word that is the whole "person" (NER: "Malawi") or a nationality before the name
            # ("Kenyan Brian Kiprotich") is the country; inside a name it is not ("Chad Jordan", "Michael Jordan")
            whole = span.start == ent.start and span.end >= ent.end - (1 if doc[ent.end - 1].tag_ == "POS" else 0)
            return not (whole or span.label_ == "NATIONALITY" and span.start == ent.start)
        if span.label_ == "NATIONALITY" and person_name_after(doc, span.end) is not None and all(
                t.lower_ in ("the", "a", "an") for t in doc[ent.start:span.start]):
            return False  # NER's one ORG "the Cuban Osniel Fajardo Lugo": a nationality before a name
        inner = [t for t in ent if not (span.start <= t.i < span.end) and t.lower_ not in ("the", "'s", "’s")]
        if all(t.lower_ in office_words() for t in inner):
            return False  # "U.S. Treasury", "U.S. Trade Representative": a country's office, not a company
        return bool(inner) and span.end < ent.end  # "Qatar Airways" yes; "Mexico's" (ORG) or "the U.S." no

    @staticmethod
    def _headline(doc: Doc, span: Span) -> bool:
        """A line written in title case or capitals (a headline or heading): capitals say nothing there."""
        line = _line_tokens(doc, span)
        words = [t for t in line if t.is_alpha and not t.is_stop and not (span.start <= t.i < span.end)]
        return len(words) >= 2 and sum(t.text[0].isupper() for t in words) >= 0.9 * len(words)

    def _part_of_name(self, doc: Doc, span: Span, countries: set[int]) -> bool:
        """The country word is part of a longer proper name, or of a currency, not a mention of the country.

        - a capitalised word right before it, mid-sentence: "Air France", "Nazi Germany", "Eretz Israel";
        - an organisation head with "of" before it: "Bank of Japan", "Social Democratic Party of Germany";
        - a capitalised word right after it that is neither an office, an acronym nor a person's name:
          "British Empire", "Indian Ocean", "United States Holocaust Memorial Museum", "British National Party";
        - a body or group of people right after it: "the British government", "UK Parliament", "the British people";
        - a currency word right after it: "US dollars", "Swiss francs".
        The capitalisation tests are not applied in title-case lines (headlines), where every word is capitalised.
        """
        nxt = doc[span.end] if span.end < len(doc) else None
        if nxt is not None and (nxt.lower_ in currency_words() or nxt.lower_.rstrip("s") in currency_words()):
            return True
        headline = self._headline(doc, span)
        prev = doc[span.start - 1] if span.start > 0 else None
        joined = doc[span.start].ent_iob_ == "I" and doc[span.start].ent_type_ != "PERSON"  # one entity with prev
        if (not headline and prev is not None and prev.is_title and prev.is_alpha and not prev.is_stop and (joined or not prev.is_sent_start)
                and "\n" not in doc[span.start - 1].whitespace_ and prev.i not in countries
                and prev.ent_type_ not in ("DATE", "TIME", "PERSON")):
            return True
        i = span.start - 1
        if i >= 0 and doc[i].lower_ == "the":
            i -= 1
        if i >= 1 and doc[i].lower_ == "of" and doc[i - 1].is_title and doc[i - 1].lower_ in ORG_HEADS_BEFORE_OF:
            return True
        if (not headline and i >= 1 and i == span.start - 1 and doc[i].lower_ in name_particles()
                and doc[i].is_lower and doc[i - 1].is_title):
            return True  # a name in another language: "Orchestre National de France", "Tour de France"
        if _town_in_subdivision(doc, span):
            return True  # "Lebanon, Pennsylvania": a town named after the country
        if nxt is None or "\n" in span[-1].whitespace_ or nxt.is_sent_start:
            return False
        if _office_follows(doc, span):
            return False  # an office follows: "German Chancellor", "U.S. Treasury Secretary"
        if nxt.lower_ in STATE_BODIES and not (nxt.i + 1 < len(doc) and doc[nxt.i + 1].lower_ in person_nouns()):
            return True  # "the Spanish military"; but "a Spanish military figure" is a person's nationality
        if (nxt.is_lower and nxt.lower_ in title_modifiers() and nxt.i + 1 < len(doc)
                and doc[nxt.i + 1].lower_ in STATE_BODIES):
            return True  # "the Chinese customs administration", "the British foreign ministry"
        if span.label_ == "NATIONALITY" and person_name_after(doc, span.end) is not None:
            return False  # a nationality as a noun before a name: "the American Tyler Brandt-Okafor"
        return (not headline and nxt.is_alpha and nxt.is_title and nxt.i not in countries and not nxt.is_stop
                and nxt.ent_type_ not in ("PERSON", "DATE", "TIME"))

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for match_id, start, end in self.matcher(doc):
            key = self.nlp.vocab.strings[match_id]
            if tuple(t.text for t in doc[start:end]) not in self.forms.get(key, ()):
                continue
            label, code = key.split("|")
            spans.append(Span(doc, start, end, label=label, kb_id=code))
        keep, bodies, modifiers = [], [], []
        found = filter_spans(spans)  # longest wins: "Mexico City" beats "Mexico"
        countries = {i for s in found if s.label_ != "NOT_COUNTRY" for i in range(s.start, s.end)}
        for span in found:
            if span.label_ == "NOT_COUNTRY":
                continue
            if span.label_ == "STATE_BODY":
                bodies.append(span)  # "the State Department's deputy spokesperson": the office is the US's
                continue
            if self._inside_name(doc, span):
                if span.label_ == "NATIONALITY" and _names_a_body(doc, span):
                    bodies.append(span)  # NER's one name "Chinese Commerce Ministry": a body of the state
                continue
            if self._part_of_name(doc, span, countries):
                if _stacked_nationality(doc, span):
                    modifiers.append(span)  # "a Flemish Belgian journalist": the person's, not a mention
                elif _names_a_body(doc, span) or _body_of(doc, span):
                    bodies.append(span)  # not a mention, but says whose body an office belongs to
                continue
            if in_cross_reference(doc, span) or _region(doc, span, countries) or _language_or_people(doc, span, countries):
                continue
            if keep and _abbreviation_of(doc, span, keep[-1]):
                continue  # "the United Kingdom (UK)": the abbreviation repeats the mention it defines
            keep.append(span)
        doc.spans[SPANS_KEY] = keep
        doc.spans[BODIES_KEY] = bodies
        doc.spans[MODIFIERS_KEY] = modifiers
        return doc


@lru_cache(maxsize=1)
def name_particles() -> frozenset[str]:
    """The name particles of models/people.json ("de", "von", "van" ...)."""
    return frozenset(load_json("people.json")["name_particles"])


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Every ISO 3166-1 name and common name (pycountry), territories included."""
    return frozenset(n for c in pycountry.countries for n in (c.name, getattr(c, "common_name", None)) if n)


@lru_cache(maxsize=1)
def subdivision_names() -> frozenset[str]:
    """Names of the states and provinces of the US, Canada and Australia (pycountry, ISO 3166-2)."""
    return frozenset(s.name for code in ("US", "CA", "AU") for s in pycountry.subdivisions.get(country_code=code)
                     if s.name not in country_names())  # not "Georgia": "Turkey, Georgia and Azerbaijan"


def _town_in_subdivision(doc: Doc, span: Span) -> bool:
    """The country word is followed by ", <state or province>": a town of that name ("Lebanon, Pennsylvania")."""
    k = span.end
    if k + 1 >= len(doc) or doc[k].text != ",":
        return False
    return any(doc[k + 1:k + 1 + n].text in subdivision_names() for n in (1, 2, 3) if k + 1 + n <= len(doc))


def _names_a_body(doc: Doc, span: Span) -> bool:
    """The country word names a body of its state: "the Chinese customs administration", "UK Parliament"."""
    k = span.end
    if k < len(doc) and doc[k].is_lower and doc[k].lower_ in title_modifiers():
        k += 1
    while k < len(doc) and k - span.end < 3 and doc[k].is_title and doc[k].lower_ in NAMED_BODY_WORDS:
        k += 1  # "the Belgian Federal Parliament", "the French National Assembly"
    if k < len(doc) and (doc[k].lower_ in STATE_BODIES or k > span.end and doc[k].lower_ == "assembly"):
        return True
    k = span.end  # a body's capitalised name: "the Chinese Commerce Ministry", "the British High Commission"
    while k < len(doc) and k - span.end < 3 and doc[k].is_title and doc[k].is_alpha and doc[k].lower_ not in NAMED_BODIES:
        k += 1
    return k < len(doc) and doc[k].is_title and doc[k].lower_ in NAMED_BODIES


def _body_of(doc: Doc, span: Span) -> bool:
    """The country names a state body with "of" before it: "the Bank of Zambia", "the Supreme Court of Ghana"
    (not "America": "Bank of America" is a company)."""
    i = span.start - 1
    return (i >= 1 and doc[i].lower_ == "of" and doc[i - 1].is_title and doc[i - 1].lower_ in NAMED_BODIES
            and span.text != "America")


def _office_follows(doc: Doc, span: Span) -> bool:
    """An office follows the country word, over modifiers: "German Chancellor", "U.S. Treasury Secretary"."""
    k = span.end
    # over modifiers and the other words of office names ("Prime" in "Hungarian Prime Minister")
    while k < len(doc) and (doc[k].lower_ in title_modifiers() or doc[k].lower_ in office_words()
                            or doc[k].text in ("-", "–")):
        if doc[k].lower_ in title_heads():
            return True
        k += 1
    if k < len(doc) and doc[k].lower_ in title_heads():
        return True
    k = span.end  # a portfolio's capitalised words, then a minister: "Bolivian Hydrocarbons Minister"
    while k < len(doc) and k - span.end < 6 and (doc[k].is_title and doc[k].is_alpha or doc[k].lower_ in ("and", "&")):
        if doc[k].lower_ in portfolio_heads() and k > span.end:
            return True
        k += 1
    return False


@lru_cache(maxsize=1)
def portfolio_heads() -> frozenset[str]:
    return frozenset(load_json("title_words.json").get("portfolio_heads", []))


def _abbreviation_of(doc: Doc, span: Span, before: Span) -> bool:
    """span is written in parentheses right after a mention of the same country: "the United Kingdom (UK)"."""
    return (span.kb_id_ == before.kb_id_ and span.start == before.end + 1 and doc[before.end].text == "("
            and span.end < len(doc) and doc[span.end].text == ")")


def in_cross_reference(doc: Doc, span: Span) -> bool:
    """Inside an encyclopedia cross-reference ("Main article: X", "See also: X"): the names there are article titles."""
    text = text_of(doc)
    line_start = text.rfind("\n", 0, span.start_char) + 1
    return CROSS_REFERENCE.match(text, line_start) is not None


def _region(doc: Doc, span: Span, countries: set[int]) -> bool:
    """The country word names a region or an occupied territory: "eastern Poland", "occupied France", both words of
    "German-occupied Poland". Not "Germany occupied Norway" (a verb) nor "German-occupied territories"."""
    prev = doc[span.start - 1] if span.start > 0 else None
    if prev is not None and prev.lower_ in REGION_WORDS and prev.is_lower:
        if prev.lower_ not in OCCUPIED | {"unoccupied"}:
            return True
        before = doc[prev.i - 1] if prev.i > 0 else None  # "in occupied Poland", "Nazi-occupied"; not "Germany occupied"
        if before is None or before.pos_ in ("ADP", "DET", "PUNCT", "ADJ", "CCONJ", "SCONJ") or before.text in ("-", "–"):
            return True
    k = span.end
    return (k + 2 < len(doc) and doc[k].text in ("-", "–") and not doc[k - 1].whitespace_
            and doc[k + 1].lower_ in OCCUPIED and k + 2 in countries)


def _language_or_people(doc: Doc, span: Span, countries: set[int]) -> bool:
    """A nationality word used as the name of a language ("(German: Loslau)", "the Greek word", "German-speaking",
    "Judaeo-Spanish") or of a people ("the British forced ...", "the Japanese invaded"): not the country.
    "the Russian and Serbian fronts" (adjectives sharing a noun) is not a people."""
    if span.label_ != "NATIONALITY":
        return False
    nxt = doc[span.end] if span.end < len(doc) else None
    prev = doc[span.start - 1] if span.start > 0 else None
    if nxt is not None and (nxt.text == ":" or nxt.lower_ in LANGUAGE_NOUNS):
        return True
    if nxt is not None and nxt.text in ("-", "–") and span.end + 1 < len(doc) and (
            doc[span.end + 1].lower_ in LANGUAGE_NOUNS):
        return True
    if prev is not None and prev.text in ("-", "–") and not prev.whitespace_ and span.start > 1 and (
            doc[span.start - 2].lower_ in ("judaeo", "judeo")):
        return True
    if prev is None or prev.lower_ != "the":
        return False
    if nxt is not None and (nxt.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") or nxt.tag_ in ("VBN", "VBG")
                            or nxt.text in ("-", "–")):
        return False  # "the German economy", "the German detached cruiser"
    if nxt is not None and nxt.text == "," and span.end + 1 < len(doc) and doc[span.end + 1].ent_type_ == "PERSON":
        return False  # one person of that nationality, named next: "The Fijian, Semi Tawake, won"
    k = span.end
    while k < len(doc) and doc[k].lower_ in (",", "and", "or"):
        k += 1
    return not (k > span.end and k < len(doc) and (k in countries or doc[k].pos_ == "ADJ"))


def _line_tokens(doc: Doc, span: Span) -> list:
    """The tokens of the line the span starts on (the line starts are computed once per document)."""
    starts = line_starts(doc)
    k = bisect.bisect_right(starts, span.start) - 1
    start = starts[k]
    end = starts[k + 1] if k + 1 < len(starts) else len(doc)
    return list(doc[start:max(end, span.end)])


@Language.factory("factx_countries", requires=["doc.ents"], assigns=["doc.spans", "doc._.factx_countries"])
def make_country_finder(nlp: Language, name: str) -> CountryFinder:
    return CountryFinder(nlp, name)


def _stacked_nationality(doc: Doc, span: Span) -> bool:
    """A nationality adjective next to another group adjective (NER's NORP), the two before a lowercase
    noun: "a Flemish Belgian journalist", "a Swedish Christian democratic politician". Neither is a name."""
    if span.label_ != "NATIONALITY":
        return False
    around = [doc[i] for i in (span.start - 1, span.end) if 0 <= i < len(doc)]
    if not any(t.ent_type_ == "NORP" and t.pos_ in ("ADJ", "PROPN") and not (span.start <= t.i < span.end)
               for t in around):
        return False
    j = span.end
    while j < len(doc) and (doc[j].ent_type_ == "NORP" or doc[j].is_lower and doc[j].pos_ == "ADJ") and j - span.end < 3:
        j += 1
    if span.start > 0 and doc[span.start - 1].lower_ in REGION_WORDS:
        return False  # "a West German prison": a state of its own, named by two words
    return j < len(doc) and doc[j].is_lower and doc[j].pos_ == "NOUN" and doc[j].lower_ not in STATE_BODIES
