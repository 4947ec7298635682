"""Job titles and offices as spans of their own ("Vice Minister of Foreign Affairs", "chief executive").

models/titles.jsonl lists title heads (lowercase phrases, matched case-insensitively, or spaCy token
patterns). A matched head grows leftwards over office modifiers and portfolio words from
models/title_words.json ("deputy", "former", "foreign") and rightwards over "of"/"for" complements written
in capitals ("of Foreign Affairs", "for Wales", "of General Motors"; factx/title_complements.py). It never takes in a nationality or
country ("Japanese", "U.S."), a determiner, or a person's name: those are linked, not part of the office.
"""
from __future__ import annotations

import re
from collections.abc import Iterable


from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .countries import SPANS_KEY as COUNTRIES_KEY
from .countries import person_words
from .data import UserPatterns, load_json, load_jsonl
from .title_complements import TitleComplements, _nationality

SPANS_KEY = "factx_titles"
KIND_OFFICE = "office"  # Span._.factx_kind, the output's titles[].kind: an office or rank ("minister", "CEO")
KIND_OCCUPATION = "occupation"  # an occupation or role ("novelist", "surgeon"): kept only when linked to a person
if not Span.has_extension("factx_kind"):
    Span.set_extension("factx_kind", default=None)
LABEL = "TITLE"
PLURAL = "TITLE_PLURAL"
OCCUPATION = "OCCUPATION"  # rows of models/occupations.jsonl (and users' OCCUPATION rows)
OCCUPATION_PLURAL = "OCCUPATION_PLURAL"
# Capitalised words that continue a proper name after a title word: "General Motors", "King's College",
# "Queen's Speech", "General Government". NER labels of the names that may contain a title word.
NAME_ENTS = {"ORG", "FAC", "EVENT", "LAW", "WORK_OF_ART", "GPE", "LOC", "PRODUCT", "NORP"}
_REGNAL = re.compile(r"[IVX]{1,5}\.?")


class TitleFinder(TitleComplements, UserPatterns):
    """Marks titles in doc.spans["factx_titles"] (label TITLE)."""

    def __init__(self, nlp: Language, name: str = "factx_titles"):
        self.nlp = nlp
        self.name = name
        words = load_json("title_words.json")
        self.modifiers = set(words["modifiers"])
        self.domains = set(words["domains"])
        self.stop = set(words["stop_before_name"])
        self.capitalised_only = set(words.get("capitalised_only", []))
        self.office_nouns = set(words.get("office_nouns", []))
        self.to_complement = set(words.get("to_complement", []))
        self.bodies = set(words.get("possessed_bodies", []))
        self.portfolio_heads = set(words.get("portfolio_heads", []))
        people_words = load_json("people.json")
        self.not_name_words = set(people_words["not_name_words"])
        self.surname_first_words = set(people_words["surname_first_words"])  # "Chief Executive Park Min-ho"
        self.thing_nouns = set(people_words["thing_nouns"])
        self.plurals: dict[str, str] = {}  # "ministers" -> "minister"
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.tokens = Matcher(nlp.vocab)
        self.user_patterns: list[dict] = []
        self._add(load_jsonl("titles.jsonl"))
        self._add(load_jsonl("occupations.jsonl"), OCCUPATION)

    def _add(self, rows: Iterable[dict], label: str = LABEL) -> None:
        rows = [r for r in rows if r.get("label") == label]
        texts = [r["pattern"].lower() for r in rows if isinstance(r["pattern"], str)]
        # a two-word title may be written with a hyphen: "field marshal" -> "Field-Marshal"
        texts += [t.replace(" ", "-") for t in texts if t.count(" ") == 1 and t.replace(" ", "-") not in texts]
        plural_label = PLURAL if label == LABEL else OCCUPATION_PLURAL
        if texts:
            self.phrases.add(label, list(self.nlp.tokenizer.pipe(texts)))
            plurals = {_plural(t): t for t in texts}
            plurals = {p: t for p, t in plurals.items() if p not in texts}
            self.plurals.update(plurals)
            self.phrases.add(plural_label, list(self.nlp.tokenizer.pipe(plurals)))
        token_patterns = [r["pattern"] for r in rows if isinstance(r["pattern"], list)]
        if token_patterns:
            self.tokens.add(label, token_patterns)

    def add_patterns(self, rows: list[dict]) -> None:
        """Add user TITLE and OCCUPATION rows (other labels are ignored)."""
        rows = [r for r in rows if r.get("label") in (LABEL, OCCUPATION)]
        self.user_patterns.extend(rows)
        self._add(rows)
        self._add(rows, OCCUPATION)

    def __call__(self, doc: Doc) -> Doc:
        no_go = {i for s in doc.spans.get(COUNTRIES_KEY, []) for i in range(s.start, s.end)}
        person_starts = {e.start for e in doc.ents if e.label_ == "PERSON"}
        inside_person = {i for e in doc.ents if e.label_ == "PERSON" for i in range(e.start + 1, e.end)}
        heads = [(self.nlp.vocab.strings[m], s, e) for m, s, e in self.phrases(doc)]
        if len(self.tokens):
            heads += [(self.nlp.vocab.strings[m], s, e) for m, s, e in self.tokens(doc)]
        occupations = [(label, s, e) for label, s, e in heads if label in (OCCUPATION, OCCUPATION_PLURAL)]
        heads = [h for h in heads if h[0] not in (OCCUPATION, OCCUPATION_PLURAL)]
        capital_heads = {s for _, s, e in heads if _capitalised(doc[s:e])}
        spans = []
        for label, start, end in heads:
            if any(i in no_go or i in inside_person for i in range(start, end)):
                continue  # "King" in "Martin Luther King", "Chad" the country
            head = doc[start:end]
            low = head.text.lower()
            singular = self.plurals.get(low, low) if label == PLURAL else low
            apposed = singular in self.capitalised_only and self._apposed(doc, start, end, no_go)
            if singular in self.capitalised_only and not apposed and not self._office_noun(doc, start, end, singular, no_go) and not (
                    _capitalised(head) and not doc[start].is_sent_start) and end not in person_starts and not (
                    _capitalised(head) and self._name_then_verb(doc, end)) and (
                    end not in capital_heads or _capitalised(head)) and not (
                    end + 1 < len(doc) and doc[end].text == "," and end + 1 in person_starts) and not (
                    end + 1 < len(doc) and doc[end].lower_ in ("of", "for") and (
                        doc[end + 1].lower_ == "the" or doc[end + 1].ent_type_ in ("ORG", "GPE", "FAC")
                        or self._domain_run(doc, end + 1) > end + 1)):
                continue  # "general" the adjective, "speaker" the device; but "head of UKIP", "chief of staff",
                #           "head of strategy", "its founder, Chen Wei"
            if self._in_other_name(doc, start, end, person_starts):
                continue
            start = self._extend_left(doc, start, no_go, capitalised=_capitalised(head))
            if apposed:
                start = self._over_modifiers(doc, start, end)  # "purchasing director"
            if _capitalised(head) and singular.split()[-1] in self.portfolio_heads:
                start = _portfolio_before(doc, start, no_go)
            end = self._extend_right(doc, end, person_starts, no_go,
                                     to_ok=singular.split()[-1] in self.to_complement)
            span = Span(doc, start, end, label=PLURAL if label == PLURAL else LABEL)
            spans.append(span)
        spans += self._occupations(doc, occupations, no_go, inside_person, person_starts)
        kept = filter_spans(spans)
        doc.spans[SPANS_KEY] = [Span(doc, s.start, s.end, label=LABEL,
                                     kb_id="plural" if s.label_ in (PLURAL, OCCUPATION_PLURAL) else "")
                                for s in kept]
        for span, found in zip(doc.spans[SPANS_KEY], kept):
            span._.factx_kind = KIND_OCCUPATION if found.label_ in (OCCUPATION, OCCUPATION_PLURAL) else KIND_OFFICE
        return doc

    def _occupations(self, doc: Doc, heads: list[tuple[str, int, int]], no_go: set[int], inside_person: set[int],
                     person_starts: set[int]) -> list[Span]:
        """Occupation spans ("cardiac surgeon", "professor of medicine"): the head must be a noun; it grows
        leftwards over office modifiers and over the lowercase words the parse hangs on it ("banking analyst",
        "travel-sector analyst") and rightwards like a title. The linker keeps only those tied to a person."""
        spans = []
        for label, start, end in heads:
            tagged_verb = end in person_starts and start > 0 and doc[end - 1].pos_ == "VERB" and (
                doc[start - 1].lower_ == "and" or _nationality(doc[start - 1]))
            capital_before_name = doc[start].is_sent_start and doc[start].is_title and end in person_starts
            noun_conj = doc[end - 1].dep_ == "conj" and doc[end - 1].head.pos_ == "NOUN" and doc[end - 1].head.i < start
            modifier_before_name = end in person_starts and doc[end - 1].pos_ == "ADJ" and doc[end - 1].is_lower and (
                _full_name_at(doc, end))
            if any(i in no_go or i in inside_person for i in range(start, end)) or (
                    doc[end - 1].pos_ != "NOUN" and not (tagged_verb or capital_before_name or noun_conj
                                                         or modifier_before_name)):
                continue  # "looking forward", "to model"; but "the architect and sculptor [VERB] Antônio Lisboa",
                #           "Analyst [PROPN] Dexter Kalloo said", "a Polish novelist and screenwriter [VERB]",
                #           "the historian [ADJ] Clara Quintero"
            start = self._over_modifiers(doc, self._extend_left(doc, start, no_go), end)
            end = self._extend_right(doc, end, person_starts, no_go)
            spans.append(Span(doc, start, end, label=OCCUPATION_PLURAL if label == OCCUPATION_PLURAL else OCCUPATION))
        return spans

    def _over_modifiers(self, doc: Doc, start: int, end: int) -> int:
        """Where a title starts when it takes in the lowercase words the parse hangs on its head ("banking
        analyst", "travel-sector analyst", "purchasing director"), not a nationality or a stop word."""
        while start > 0:
            prev = doc[start - 1]
            if prev.text == "-" and start > 1 and not prev.whitespace_ and not doc[start - 2].whitespace_:
                prev = doc[start - 2]  # "anti-doping agency chief": the word before the hyphen too
            if not (prev.is_lower and prev.is_alpha and prev.dep_ in ("amod", "compound") and prev.pos_ in ("ADJ", "NOUN")
                    and start <= prev.head.i < end and not (_nationality(prev) or prev.lower_ in self.stop)):
                return start
            start = prev.i
        return start

    @staticmethod
    def _apposed(doc: Doc, start: int, end: int, no_go: set[int]) -> bool:
        """The parse sets a lowercase head in apposition to a name, on either side ("Sophie Marchand-Leroux,
        purchasing director at …", "X, the bloc's foreign policy chief, said", "Larraín's deputy, Felipe
        Undurraga, would"; whatever NER called the name), or makes it a copula's subject with a name as the
        predicate: "The new directors are Ahmad Rahman, …"."""
        head = doc[end - 1]
        if head.dep_ == "appos" and head.head.pos_ == "PROPN" and head.head.i < start and head.head.i not in no_go:
            return start > 0 and doc[head.head.i + 1].text == ","
        if head.dep_ == "nsubj" and head.head.lower_ in ("is", "was", "are", "were") and any(
                c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            return any(c.dep_ == "attr" and c.pos_ == "PROPN" for c in head.head.children)  # "The new directors are X"
        return end < len(doc) and doc[end].text == "," and any(
            c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > end and c.i not in no_go for c in head.children)

    def _office_noun(self, doc: Doc, start: int, end: int, singular: str, no_go: set[int]) -> bool:
        """A lowercase head that names an office on its own after "the"/"a"/"as" or a nationality, also over
        office modifiers, as a noun: "A Spanish judge ordered", "the king", "a former army general", "as
        interim chair" (title_words.json "office_nouns")."""
        if singular not in self.office_nouns or end - start != 1 or doc[start].pos_ != "NOUN" or start == 0:
            return False
        if doc[start].dep_ == "conj" and doc[start - 1].lower_ == "and" and doc[start].head.i < start and (
                doc[start].head.lower_ in person_words()):
            return True  # coordinated with a person noun: "a Maltese lawyer and judge", "a chess player and coach"
        i = start - 1
        while i > 0 and start - i <= 3 and doc[i].is_lower and (doc[i].lower_ in self.modifiers
                                                               or doc[i].lower_ in self.domains):
            i -= 1  # "a former army general", "as interim chair", "an independent director"
        prev = doc[i]
        if prev.lower_ in ("his", "her", "its", "their") and end + 1 < len(doc) and doc[end].text == "," and (
                doc[end + 1].is_title or doc[end + 1].lower_ in ("the", "a", "an")):
            return True  # "Her coach, Simon Reardon, said", "Her coach, the former player X" (not "their heads, are")
        return prev.lower_ in ("the", "a", "an", "as") or prev.i in no_go

    def _name_then_verb(self, doc: Doc, i: int) -> bool:
        """Two or three name words at i, then a verb or a comma: a capitalised title word at a sentence's start
        introduces a name NER missed ("Coach Rafael Dantas said")."""
        j = i
        while j < len(doc) and j - i < 3 and self._name_like(doc[j]):
            j += 1
        return j - i >= 2 and j < len(doc) and (doc[j].pos_ in ("VERB", "AUX") or doc[j].text == ",")

    def _in_other_name(self, doc: Doc, start: int, end: int, person_starts: set[int]) -> bool:
        """A capitalised title word inside another name: "General Motors", "the General Government", "the 1992
        General Election", "King's College", "the Queen's Speech", "European Court of Justice"."""
        head = doc[start:end]
        if not _capitalised(head) or end in person_starts:
            return False
        nxt = doc[end] if end < len(doc) else None
        if head.text.lower() in self.capitalised_only and nxt is not None and nxt.ent_iob_ == "I" and (
                doc[end - 1].ent_type_ in NAME_ENTS) and (
                nxt.lower_ not in _TITLE_CONTINUERS) and not (doc[start].is_sent_start and self._name_then_verb(doc, end)
                                                              or _regnal_name(doc, end)):
            return True  # NER: the title word and the next one are one name (not "Coach Rafael Dantas said")
        if (nxt is not None and nxt.is_title and nxt.lower_ in self.not_name_words and not doc[end - 1].is_sent_end
                and nxt.lower_ not in self.surname_first_words):
            return True  # "the 2015 General Election", "President Hotel": the next word names a thing
        if nxt is not None and nxt.tag_ == "POS" and end + 1 < len(doc) and doc[end + 1].is_title:
            return True  # "the Queen's Speech", "King's College"
        if (head.text.lower() in self.capitalised_only or head.text.lower() in self.plurals) and start > 1 and (
                doc[start - 1].lower_ == "of" and doc[start - 2].is_title):
            return True  # "Court of Justice", "Palace of Justice", "House of Representatives", "Council of Ministers"
        return False

    def _extend_left(self, doc: Doc, start: int, no_go: set[int], capitalised: bool = False) -> int:
        while start > 0:
            prev = doc[start - 1]
            low = prev.lower_
            if prev.i in no_go or prev.ent_type_ == "PERSON" or low in self.stop:
                break
            if capitalised and prev.is_lower and low in self.capitalised_only:
                break  # "military chief General Ramon Villaflor": two titles, "military chief" and "General"
            if low in self.modifiers or low in self.domains:
                start -= 1
            elif low == "-" and start > 1 and doc[start - 2].lower_ in self.modifiers:
                start -= 2  # "vice-president", "co-founder"
            else:
                break
        return start


_TITLE_CONTINUERS = {"of", "for", "and", "secretary", "manager", "counsel"}


def _plural(phrase: str) -> str:
    """English plural of a title phrase's head word ("minister of state" -> "ministers of state")."""
    words = phrase.split(" ")
    k = words.index("of") - 1 if "of" in words[1:] else len(words) - 1
    w = words[k]
    if w.endswith("man"):
        w = w[:-3] + "men"
    elif w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        w = w[:-1] + "ies"
    elif w.endswith(("s", "sh", "ch", "x")):
        w = w + "es"
    else:
        w = w + "s"
    return " ".join(words[:k] + [w] + words[k + 1:])


def _portfolio_before(doc: Doc, start: int, no_go: set[int]) -> int:
    """A portfolio's capitalised words between a country and a minister's title are the title's: "Bolivian
    [Hydrocarbons] Minister", "Turkish [Treasury and Finance] Minister", "India's [Petroleum and Natural Gas]
    Minister" (title_words.json "portfolio_heads")."""
    j = start
    while j > 0 and start - j < 6 and j - 1 not in no_go and doc[j - 1].ent_type_ != "PERSON" and (
            doc[j - 1].is_title and doc[j - 1].is_alpha or doc[j - 1].lower_ in ("and", "&") and j > 1 and doc[j - 2].is_title):
        j -= 1
    country_before = j > 0 and (j - 1 in no_go or j > 1 and doc[j - 1].tag_ == "POS" and j - 2 in no_go)
    return j if j < start and country_before and doc[j].lower_ not in ("and", "&") else start


def _regnal_name(doc: Doc, i: int) -> bool:
    """The entity from i on is a name and a regnal number: "King [Louis XIV]", "Pope [Benedict XVI]"."""
    j = i
    while j < len(doc) and doc[j].ent_iob_ == "I" and j - i < 4:
        j += 1
    return j - i >= 2 and _REGNAL.fullmatch(doc[j - 1].text) is not None and all(
        t.is_title and t.is_alpha for t in doc[i:j - 1])


def _full_name_at(doc: Doc, i: int) -> bool:
    """NER's PERSON at doc[i] has two words or more and no noun after it: "the historian [Clara Quintero],"
    (not "the official [Leave] campaign")."""
    j = i + 1
    while j < len(doc) and doc[j].ent_iob_ == "I":
        j += 1
    return j - i >= 2 and (j == len(doc) or doc[j].pos_ != "NOUN")


def _capitalised(span: Span) -> bool:
    return all(t.is_title or t.is_upper or not t.is_alpha for t in span)


@Language.factory("factx_titles", requires=["doc.ents", "doc._.factx_countries"],
                  assigns=["doc.spans", "doc._.factx_titles"])
def make_title_finder(nlp: Language, name: str) -> TitleFinder:
    return TitleFinder(nlp, name)
