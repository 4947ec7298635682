"""Job titles and offices as spans of their own ("Vice Minister of Foreign Affairs", "chief executive").

models/titles.jsonl lists title heads (lowercase phrases, matched case-insensitively, or spaCy token
patterns). A matched head grows leftwards over office modifiers and portfolio words from
models/title_words.json ("deputy", "former", "foreign") and rightwards over "of"/"for" complements written
in capitals ("of Foreign Affairs", "for Wales", "of General Motors"). It never takes in a nationality or
country ("Japanese", "U.S."), a determiner, or a person's name: those are linked, not part of the office.
"""
from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from .countries import SPANS_KEY as COUNTRIES_KEY
from .data import UserPatterns, load_json, load_jsonl

SPANS_KEY = "factx_titles"
LABEL = "TITLE"
COMPLEMENT_PREPS = {"of", "for"}
COMPLEMENT_JOINERS = {"and", "&", "the"}


class TitleFinder(UserPatterns):
    """Marks titles in doc.spans["factx_titles"] (label TITLE)."""

    def __init__(self, nlp: Language, name: str = "factx_titles"):
        self.nlp = nlp
        self.name = name
        words = load_json("title_words.json")
        self.modifiers = set(words["modifiers"])
        self.domains = set(words["domains"])
        self.stop = set(words["stop_before_name"])
        self.capitalised_only = set(words.get("capitalised_only", []))
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.tokens = Matcher(nlp.vocab)
        self.user_patterns: list[dict] = []
        self._add(load_jsonl("titles.jsonl"))

    def _add(self, rows: Iterable[dict]) -> None:
        rows = [r for r in rows if r.get("label") == LABEL]
        texts = [r["pattern"] for r in rows if isinstance(r["pattern"], str)]
        if texts:
            self.phrases.add(LABEL, list(self.nlp.tokenizer.pipe(t.lower() for t in texts)))
        token_patterns = [r["pattern"] for r in rows if isinstance(r["pattern"], list)]
        if token_patterns:
            self.tokens.add(LABEL, token_patterns)

    def add_patterns(self, rows: list[dict]) -> None:
        """Add user TITLE rows (other labels are ignored)."""
        rows = [r for r in rows if r.get("label") == LABEL]
        self.user_patterns.extend(rows)
        self._add(rows)

    def __call__(self, doc: Doc) -> Doc:
        no_go = {i for s in doc.spans.get(COUNTRIES_KEY, []) for i in range(s.start, s.end)}
        person_starts = {e.start for e in doc.ents if e.label_ == "PERSON"}
        inside_person = {i for e in doc.ents if e.label_ == "PERSON" for i in range(e.start + 1, e.end)}
        heads = [(s, e) for _, s, e in self.phrases(doc)]
        if len(self.tokens):
            heads += [(s, e) for _, s, e in self.tokens(doc)]
        spans = []
        for start, end in heads:
            if any(i in no_go or i in inside_person for i in range(start, end)):
                continue  # "King" in "Martin Luther King", "Chad" the country
            head = doc[start:end]
            if head.text.lower() in self.capitalised_only and not _capitalised(head) and (
                    end not in person_starts):
                continue  # "general" the adjective, "speaker" the device
            start = self._extend_left(doc, start, no_go)
            end = self._extend_right(doc, end, person_starts)
            spans.append(Span(doc, start, end, label=LABEL))
        doc.spans[SPANS_KEY] = filter_spans(spans)
        return doc

    def _extend_left(self, doc: Doc, start: int, no_go: set[int]) -> int:
        while start > 0:
            prev = doc[start - 1]
            low = prev.lower_
            if prev.i in no_go or prev.ent_type_ == "PERSON" or low in self.stop:
                break
            if low in self.modifiers or low in self.domains:
                start -= 1
            elif low == "-" and start > 1 and doc[start - 2].lower_ in self.modifiers:
                start -= 2  # "vice-president", "co-founder"
            else:
                break
        return start

    def _extend_right(self, doc: Doc, end: int, person_starts: set[int]) -> int:
        """Take "of Foreign Affairs", "for Wales", "of the Treasury": a preposition and a capitalised run."""
        while end + 1 < len(doc) and doc[end].lower_ in COMPLEMENT_PREPS:
            i = end + 1
            if i < len(doc) and doc[i].lower_ == "the":
                i += 1
            j = i
            while j < len(doc) and j not in person_starts and (
                    _capitalised_token(doc[j]) or (doc[j].lower_ in COMPLEMENT_JOINERS and j > i
                                                   and j + 1 < len(doc) and _capitalised_token(doc[j + 1]))):
                j += 1
            if j == i:
                break
            end = j
        return end


def _capitalised_token(tok: Token) -> bool:
    return tok.is_alpha and (tok.is_title or tok.is_upper) or tok.text in {"U.S.", "U.K."}


def _capitalised(span: Span) -> bool:
    return all(t.is_title or t.is_upper or not t.is_alpha for t in span)


@Language.factory("factx_titles")
def make_title_finder(nlp: Language, name: str) -> TitleFinder:
    return TitleFinder(nlp, name)
