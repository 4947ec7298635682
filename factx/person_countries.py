"""A person's country from the phrase around their name, when no title gave one (part of the linking step).

The rules, each a set of rows in models/person_links.jsonl with the example sentence it was written for
(tests/test_link_rules.py runs every row):
- "copula": spaCy DependencyMatcher patterns (the rows' "pattern"): a nationality that modifies the noun a
  copula says of the person ("Hana Novak is a Czech diplomat", "X (1931–2019) was a Portuguese economist");
  of several nationalities, the one nearest the noun ("a Flemish Belgian journalist": BE).
- "premodifier": a nationality before the lowercase words of an occupation or role written right before the
  name ("Peruvian engineering professor Marta Quiroga", "her Chilean counterpart Ana Soto"); after a plural
  ("the Chilean painters A and B") every name of the list.
- "lead": an encyclopedia lead read from its words where the parse goes astray over a long parenthesis.
- context (`country_source: "context"`): a national office without a country in a text that names one
  country only (see `_context`).
Rows with rule "none" are sentences that must give no country.
A nationality that modifies something else ("a German car maker's chief executive, X") gives nothing: no
country beats a wrong one.
"""
from __future__ import annotations

import re
from functools import lru_cache

import pycountry
from spacy.language import Language
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Span

from .countries import MODIFIERS_KEY, country_names, person_words
from .countries import SPANS_KEY as COUNTRIES_KEY
from .data import load_json, models_dir, read_jsonl
from .doctext import text_of
from .name_particles import word_list
from .person_groups import Person

MAX_DESCRIPTOR_WORDS = 4  # "South African [dance - pop singer] Pieter Botha"
DESCRIPTOR_POS = {"NOUN", "ADJ", "VERB", "PROPN"}  # lowercase words of an occupation: "recording artist", "-born"
COUNTRY_LABELS = {"NATIONALITY", "COUNTRY"}
MAX_LEAD_PARENTHESIS = 40  # tokens of "(born 5 April 1815 in Paris, France – 21 March 1851, Paris)"


class PersonCountries:
    def __init__(self, nlp: Language):
        self.nations = dict(load_json("people.json").get("nation_countries", {}))
        self.national_offices = set(load_json("people.json").get("national_offices", []))
        rows = [r for r in read_jsonl(models_dir() / "person_links.jsonl") if r.get("pattern")]
        self.matcher = DependencyMatcher(nlp.vocab)
        self.right_ids = []
        for n, row in enumerate(rows):
            key = f"{row['rule']}_{n}"
            self.matcher.add(key, [row["pattern"]])
            self.right_ids.append((nlp.vocab.strings.add(key), [t["RIGHT_ID"] for t in row["pattern"]]))
        # the words the rows' first token (the copula) may be: only sentences with one of them can match;
        # None (read every sentence) if a row's first token is not such a word list
        firsts = [row["pattern"][0].get("RIGHT_ATTRS", {}).get("LOWER") for row in rows]
        self.copulas = ({w for f in firsts for w in f["IN"]} if all(isinstance(f, dict) and "IN" in f for f in firsts)
                        else None)

    def link(self, doc: Doc, people: list[Person]) -> None:
        """Set the country of each person in `people` that has none yet and that a rule finds."""
        if not any(p.country is None for p in people):
            return
        spans = [s for key in (COUNTRIES_KEY, MODIFIERS_KEY) for s in doc.spans.get(key, [])
                 if s.label_ in COUNTRY_LABELS and s.kb_id_ and not worked_in(doc, s)]
        spans += [Span(doc, t.i, t.i + 1, label="NATIONALITY", kb_id=self.nations[t.text]) for t in doc
                  if t.text in self.nations]  # "an English actor": GB
        if not spans and not any(_plural_demonym(doc, m.start) for p in people for m in p.mentions):
            return
        at = {i: s for s in spans for i in range(s.start, s.end)}
        by_end = {s.end: s for s in spans}
        by_start = {m.start: p for p in people for m in p.mentions}
        for person in people:
            if person.country is None:
                person.set_country(self._premodifier(doc, person, by_end, by_start))
            if person.country is None:
                person.set_country(next(filter(None, (_lead(doc, m.end, by_end) for m in person.mentions)), None))
        if any(p.country is None for p in people) and doc.has_annotation("DEP"):
            self._copula(doc, people, at)
        _birth_names(doc, people)
        if any(p.country is None for p in people) and doc.has_annotation("DEP"):
            _birthplaces(doc, people, [s for s in spans if s.label_ == "COUNTRY"])
        self._context(doc, people, spans)

    def _context(self, doc: Doc, people: list[Person], spans: list[Span]) -> None:
        """A national office given without a country ("Interior Minister Ana Lopes", "President X") in a text
        that mentions one country only takes that country, marked "context". Conservative: a second country
        anywhere in the text, a lowercase office after an organisation ("Acme president X"), or an office
        with a complement of its own ("President of the company") gives nothing."""
        mentions = list(doc.spans.get(COUNTRIES_KEY, []))
        codes = {s.kb_id_ for s in mentions}
        counts = {c: sum(s.kb_id_ == c for s in mentions) for c in codes}
        main = max(counts, key=counts.get) if counts and list(counts.values()).count(max(counts.values())) == 1 else None
        for person in people:
            if person.country is not None:
                continue
            for title in person.titles:
                first = None
                if len(codes) == 1:
                    first = min((s for s in spans if s.kb_id_ in codes), key=lambda s: s.start, default=None)
                else:  # the one country named before the title in its sentence, the text's most named one:
                    sent = doc[title.start].sent  # "the 2009 Malagasy political crisis, president Marc Ravalomanana"
                    near = [s for s in mentions + list(doc.spans.get(MODIFIERS_KEY, []))
                            if sent.start <= s.start < sent.end and s.kb_id_]
                    if near and len({s.kb_id_ for s in near}) == 1 and near[0].kb_id_ == main and all(
                            s.end <= title.start for s in near):
                        first = near[0]
                if first is None:
                    continue
                words = title.text.lower().replace("-", " ").split()
                office = " ".join(w for w in words if w not in ("former", "then", "the", "late", "acting", "interim"))
                if office not in self.national_offices and re.sub(r"^(\w+) (of|for) .*$", r"\1", office) != "minister":
                    continue  # "Minister of Transport" is a minister's office too
                prev = doc[title.start - 1] if title.start > 0 else None
                if prev is not None and (prev.ent_type_ in ("ORG", "FAC", "GPE", "NORP") or prev.pos_ == "PROPN"
                                         or prev.tag_ == "POS"):
                    continue  # "Acme president", "Ohio senator", "the firm's president": someone else's office
                if not ("minister" in words or all(w.is_title for w in title)):
                    continue  # a lowercase "president" is as often a company's
                person.set_country(first, source="context")
                break

    def _copula(self, doc: Doc, people: list[Person], at: dict[int, Span]) -> None:
        owner = {m.root.i: p for p in people for m in p.mentions}
        best: dict[int, tuple[int, Span]] = {}  # person id -> (nearness, span)
        ids = dict(self.right_ids)
        # Only sentences with a copula, a person and a country word can match: the matcher costs the most
        # of the people component when it reads whole documents, so it reads those sentences alone.
        matches = []
        for sent in sorted({doc[i].sent for i in owner}, key=lambda x: x.start):
            if (self.copulas is None or any(t.lower_ in self.copulas for t in sent)) and any(
                    sent.start <= i < sent.end for i in at):
                matches += [(key, [t + sent.start for t in tokens]) for key, tokens in self.matcher(sent)]
        for key, tokens in matches:
            names = dict(zip(ids[key], tokens))
            person = owner.get(names["person"])
            span = at.get(names["country"])
            if person is None or person.country is not None or span is None:
                continue
            nearness = -abs(names["country"] - names.get("noun", names["verb"]))  # nearer the noun is larger
            if nearness < 0 and (id(person) not in best or best[id(person)][0] < nearness):
                best[id(person)] = (nearness, span)
        for person in people:
            if id(person) in best:
                person.set_country(best[id(person)][1])

    @staticmethod
    def _premodifier(doc: Doc, person: Person, by_end: dict[int, Span], by_start: dict[int, Person]) -> Span | None:
        for m in person.mentions:
            found = _nationality_before_descriptor(doc, m.start, by_end) or _plural_demonym(doc, m.start)
            if found is not None:
                return found
            span = by_end.get(m.start - 1) if m.start > 2 and doc[m.start - 1].text == "," else None
            if span is not None and span.label_ == "NATIONALITY" and span.start > 0 and (
                    doc[span.start - 1].lower_ in ("the", "a", "an")):
                return span  # a nationality as a noun, then the name: "The Fijian, Semi Tawake, won"
            if m.start > 3 and doc[m.start - 1].text == "," and doc[m.start - 2].lower_ in person_words():
                span = _nationality_before_descriptor(doc, m.start - 1, by_end)
                if span is not None and span.start > 0 and doc[span.start - 1].lower_ in ("the", "a", "an"):
                    return span  # "A German tourist, Jan-Erik Vogt, who …"
        # "the Chilean painters Cosme Varas and Juan Mochi": a list after a plural descriptor
        for m in person.mentions:
            i = m.start
            while i > 1 and doc[i - 1].text in (",", "and") and (i - 1) not in by_start:
                before = next((p for p in by_start.values() for x in p.mentions if x.end == i - 1), None)
                if before is None:
                    break
                first = min((x.start for x in before.mentions if x.end == i - 1))
                found = _nationality_before_descriptor(doc, first, by_end, plural=True) or _plural_demonym(doc, first)
                if found is not None:
                    return found
                i = first
        return None


def _nationality_before_descriptor(doc: Doc, start: int, by_end: dict[int, Span], plural: bool = False) -> Span | None:
    """The nationality or country written before the lowercase descriptor right before position `start`
    ("Peruvian [engineering professor] Marta"); with `plural`, only when the descriptor ends in a plural noun."""
    if start == 0:
        return None
    last = doc[start - 1]
    if not (last.is_lower and last.is_alpha and (last.pos_ == "NOUN" or last.lower_ == "born")):
        return None
    if plural and last.tag_ != "NNS" and last.lower_ not in word_list("group_nouns"):
        return None  # "the Chilean painters A and B", "The Chinese pair A and B"
    i, words = start - 1, 0
    while i >= 0 and words <= MAX_DESCRIPTOR_WORDS:
        if i + 1 in by_end and i + 1 < start:
            span = by_end[i + 1]
            return None if span.end < len(doc) and doc[span.end].tag_ == "POS" else span
        tok = doc[i]
        if tok.is_lower and tok.is_alpha and tok.pos_ in DESCRIPTOR_POS:
            words += 1
        elif tok.lower_ == "and" and i + 1 < start and doc[i + 1].pos_ == "NOUN" and i > 0 and doc[i - 1].pos_ == "NOUN":
            pass  # "singer and actress"
        elif tok.text == "-" and not tok.whitespace_ and i > 0 and not doc[i - 1].whitespace_:
            if doc[i + 1].lower_ in word_list("hyphen_suffixes") and doc[i + 1].lower_ != "born":
                return None  # "Cuban-trained", "Brazil-based": where the person worked, not their country
            #              (but "Canadian-born", "dance-pop")
        else:
            return None
        i -= 1
    return None


def worked_in(doc: Doc, span: Span) -> bool:
    """A nationality that says where someone worked, not their country: "a Cuban-trained doctor", "a
    Swiss-based trader" (but "Canadian-born")."""
    k = span.end
    return (k + 1 < len(doc) and doc[k].text == "-" and not doc[k - 1].whitespace_ and not doc[k].whitespace_
            and doc[k + 1].lower_ in word_list("hyphen_suffixes") and doc[k + 1].lower_ != "born")


def _plural_demonym(doc: Doc, start: int) -> Span | None:
    """A nationality's plural right before the name (and the list it starts): "Ukrainians Oleh Kravets and
    Dmytro Hnatiuk won"."""
    tok = doc[start - 1] if start > 0 else None
    code = nationality_codes().get(tok.text[:-1]) if tok is not None and tok.is_title and tok.text.endswith("s") else None
    return Span(doc, start - 1, start, label="NATIONALITY", kb_id=code) if code else None


def _lead(doc: Doc, end: int, by_end: dict[int, Span]) -> Span | None:
    """An encyclopedia lead read from its words where the parse goes astray over the parenthesis: the name,
    a parenthesis (dates, places), "is/was a", lowercase words and a nationality before a noun: "Louis Chollet
    (5 April 1815 in Paris – 21 March 1851, Paris) was a French organist"."""
    i = end
    if i < len(doc) and doc[i].text == ",":  # "Fatih Terim, Commendatore OSSI, T.C, (born 4 September 1953) is"
        j = next((k for k in range(i, min(i + 12, len(doc))) if doc[k].text == "(" or "\n" in doc[k].whitespace_), i)
        if doc[j].text == "(" and doc[j - 1].text == ",":
            i = j
    if i + 1 < len(doc) and doc[i].text == "(" and doc[i + 1].text == ")":
        i += 2  # an empty parenthesis (a removed transliteration): "Lyapunov () (? -after 1612) was"
    if i < len(doc) and doc[i].text == "(":
        depth, j = 0, i
        while j < len(doc) and j - i < MAX_LEAD_PARENTHESIS:
            depth += {"(": 1, ")": -1}.get(doc[j].text, 0)
            if depth == 0:
                break
            j += 1
        if depth != 0:
            return None
        i = j + 1
    if i < len(doc) and doc[i].text == ",":
        i += 1
    if i + 2 >= len(doc) or doc[i].lower_ not in ("is", "was") or doc[i + 1].lower_ not in ("a", "an", "the"):
        return None
    i += 2
    while i < len(doc) and i - end < MAX_LEAD_PARENTHESIS + 8:
        span = next((s for e, s in by_end.items() if s.start == i), None)
        if span is not None:
            nxt = doc[span.end] if span.end < len(doc) else None
            return span if nxt is not None and nxt.tag_ != "POS" and (nxt.pos_ in ("NOUN", "ADJ", "PROPN")) else None
        if doc[i].lower_ == "from" and i > 0 and doc[i - 1].pos_ == "NOUN":
            return _country_at(doc, i + 1, by_end)  # "was a footballer from Argentina", "from Malatya, Turkey"
        if doc[i].is_title and (doc[i].ent_type_ == "NORP" or doc[i].text in nationality_codes()):
            code = nationality_codes().get(doc[i].text)
            if code is not None and i + 1 < len(doc) and doc[i + 1].is_title and doc[i + 1].pos_ in ("NOUN", "PROPN") and (
                    doc[i + 1].ent_type_ in ("", "NORP")):
                return Span(doc, i, i + 1, label="NATIONALITY", kb_id=code)  # "was a Soviet Armenian Grandmaster"
            i += 1  # a nationality factx does not know, stacked before one it does: "a Moldavian Romanian writer"
            continue
        if not (doc[i].is_lower and doc[i].pos_ in ("ADJ", "ADV", "NOUN")) or doc[i].i - end > MAX_LEAD_PARENTHESIS + 6:
            return None  # "was a politician in the Canadian province": the nationality is the province's
        i += 1
    return None


@lru_cache(maxsize=1)
def nationality_codes() -> dict[str, str]:
    """Nationality words of models/countries.jsonl with their codes ("Armenian": "AM")."""
    return {r["pattern"]: r["id"] for r in read_jsonl(models_dir() / "countries.jsonl")
            if r.get("label") == "NATIONALITY" and isinstance(r.get("pattern"), str) and r.get("id")}


def _birth_names(doc: Doc, people: list[Person]) -> None:
    """A birth name in a lead's parenthesis is the same person's: it takes the lead's country ("Ernesto
    D'Alessio (born Ernesto Alonso Vargas Contreras on 3 June 1977) is a Mexican actor")."""
    by_end = {m.end: p for p in people for m in p.mentions}
    for person in people:
        if person.country is not None:
            continue
        for m in person.mentions:
            if m.start > 1 and doc[m.start - 1].lower_ == "born" and doc[m.start - 2].text == "(":
                lead = by_end.get(m.start - 2)
                if lead is not None and lead is not person and lead.country is not None:
                    person.set_country(lead.country_evidence, source=lead.country_source or "text")
                    break


def _birthplaces(doc: Doc, people: list[Person], countries: list[Span]) -> None:
    """Where the text says a person was born, for a person it gives no other country (as "Canadian-born"
    does): "Olof Mörck (born 12 December 1981 in Gothenburg, Sweden) is", "Born in Venjan, Sweden, the
    contralto Kerstin Thorborg was", "X was a playwright born in the Bronx, New York, United States". The
    country is the last place of the list after "born … in"; the person is the one the parse says was born."""
    owner = {i: p for p in people for m in p.mentions for i in range(m.start, m.end)}
    starts = {s.start: s for s in countries}
    for born in (t for t in doc if t.lower_ == "born" and t.pos_ == "VERB" and t.dep_ in ("acl", "advcl")):
        head = born.head  # "X, born in …" / the noun a copula says of X / the clause's verb
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head  # "a lawyer and playwright born in": the parse may hang it on the copula
        verb = head.head if head.dep_ == "attr" else head if born.dep_ == "advcl" or head.pos_ == "AUX" else None
        if verb is not None:
            head = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), head)
            head = next((c for c in head.children if c.dep_ == "appos" and c.i in owner), head)  # "the singer X"
        person = owner.get(head.i)
        country = _birth_country(doc, born.i, starts) if person is not None and person.country is None else None
        if country is not None:
            person.set_country(country)


def _birth_country(doc: Doc, born: int, starts: dict[int, Span]) -> Span | None:
    """The country that ends the places after "born … in" (a date may come first): "in Gothenburg, Sweden"."""
    i = next((j for j in range(born + 1, min(born + 8, len(doc))) if doc[j].lower_ == "in"), None)
    if i is None or any(doc[j].text in (".", ";", ")", "–", "-") for j in range(born + 1, i)):
        return None
    found, j = None, i + 1
    while j < len(doc) and j - i < 12 and (doc[j].is_title or doc[j].text == "," or doc[j].lower_ == "the"):
        if j in starts:
            found, j = starts[j], starts[j].end
            continue
        found = None if doc[j].is_title else found  # a place after the country: "Sweden, Gothenburg"
        j += 1
    return found


def _country_at(doc: Doc, i: int, by_end: dict[int, Span]) -> Span | None:
    """A country named at i, or after a town and a comma there: "Argentina", "Malatya, Turkey"."""
    starts = {s.start: s for s in by_end.values() if s.label_ == "COUNTRY"}
    if i in starts:
        return starts[i]
    j = i
    while j < len(doc) and j - i < 3 and doc[j].is_title and doc[j].is_alpha and j not in starts:
        j += 1
    if j > i and j + 1 < len(doc) and doc[j].text == "," and j + 1 in starts:
        after = starts[j + 1].end
        if after >= len(doc) or not doc[after].is_title:
            return starts[j + 1]
    return None


@lru_cache(maxsize=1)
def shared_subdivisions() -> dict[str, str]:
    """Country names that are also a US, Canadian or Australian subdivision's ("Georgia"), with that country's code."""
    return {s.name: code for code in ("US", "CA", "AU") for s in pycountry.subdivisions.get(country_code=code)
            if s.name in country_names()}


def subdivision_context(doc: Doc, name: str) -> str | None:
    """The country whose subdivision `name` is, if the text says it is there: another of its subdivisions,
    that country itself, or its capital named in the text ("Senator X of Georgia voted … in Washington": US)."""
    code = shared_subdivisions().get(name)
    if code is None:
        return None
    others = {s.name for s in pycountry.subdivisions.get(country_code=code)} - {name}
    signals = others | {CONTEXT_CAPITALS.get(code, "")} | {s.text for s in doc.spans.get(COUNTRIES_KEY, []) if s.kb_id_ == code}
    text = text_of(doc)
    return code if any(w and re.search(rf"\b{re.escape(w)}\b", text) for w in signals) else None


CONTEXT_CAPITALS = {"US": "Washington", "CA": "Ottawa", "AU": "Canberra"}
SUBDIVISION_TYPES = {"State", "Province", "Territory", "District"}  # not "Outlying area": Puerto Rico is PR


@lru_cache(maxsize=1)
def subdivisions() -> dict[tuple[str, ...], str]:
    """US states, Canadian provinces and Australian states (pycountry) by their words, with the country's
    code; those that share a name with a country ("Georgia") only through subdivision_context."""
    return {tuple(s.name.split()): code for code in ("US", "CA", "AU")
            for s in pycountry.subdivisions.get(country_code=code)
            if s.type in SUBDIVISION_TYPES and s.name not in country_names()}


def subdivision_at(doc: Doc, i: int) -> Span | None:
    """A subdivision named at doc[i] ("Ohio", "New Mexico", "British Columbia", and "Georgia" where the
    text places it in the US), as a COUNTRY span with its country's code; None if the name runs on into
    another capitalised word ("New York Times")."""
    for n in (3, 2, 1):
        words = tuple(t.text for t in doc[i:i + n])
        code = subdivisions().get(words) if len(words) == n else None
        if code is None and n == 1 and i < len(doc):
            code = subdivision_context(doc, doc[i].text)
        if code is not None and not (i + n < len(doc) and doc[i + n].is_title and doc[i + n].is_alpha):
            return Span(doc, i, i + n, label="COUNTRY", kb_id=code)
    return None
