"""Name particles and hyphens: the lowercase words inside a name ("van den", "de la", "dos", "e", "el-")
that a name goes on across to its next capitalised word. Part of step 1 of the people component (factx/person_names.py); the
word lists are people.json "name_particles" and "hyphen_suffixes" (a hyphen inside a name: "Akufo-Addo",
"Jae-won"; not "Smith-led")."""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from .data import load_json

MAX_NAME_TOKENS = 5  # the longest name factx reads, in words (particles apart)
RELABELLED = {"ORG", "GPE", "FAC", "LOC", "NORP"}  # NER's labels a given name overrules (factx/ner_names.py)


@lru_cache(maxsize=None)
def word_list(key: str) -> frozenset[str]:
    """A word list from models/people.json (here, at the bottom of the name modules, so that all can use it)."""
    return frozenset(load_json("people.json")[key])


@lru_cache(maxsize=1)
def capitals() -> frozenset[str]:
    """The capital cities of models/capitals.json: places, never names ("Kyiv said", "Victoria")."""
    return frozenset(load_json("capitals.json")["capitals"])


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Every given name of models/given_names.json, as written (case and accents kept)."""
    data = load_json("given_names.json")
    return frozenset(name for key, names in data.items() if not key.startswith("_") for name in names)


@lru_cache(maxsize=1)
def particles() -> frozenset[str]:
    return frozenset(load_json("people.json").get("name_particles", []))


def particle_bridge(doc: Doc, i: int) -> bool:
    """doc[i] is a lowercase particle that the name goes on across: one to three particles (or one and a
    hyphen), then a capitalised word: "van [den] Broeck", "de Sousa [e] Menezes", "Amna [el]-Tayeb"."""
    j = i
    while j < len(doc) and j - i < 3 and doc[j].is_lower and doc[j].lower_ in particles() and doc[j].whitespace_:
        j += 1
    if j == i and i + 2 < len(doc) and doc[i].is_lower and doc[i].lower_ in particles() and doc[i + 1].text == "-":
        return not doc[i].whitespace_ and not doc[i + 1].whitespace_ and doc[i + 2].is_title
    return j > i and j < len(doc) and doc[j].is_title and doc[j].is_alpha and "\n" not in doc[j - 1].whitespace_


def across_particles(doc: Doc, start: int, end: int, blocked: set[int]) -> int:
    """Where a name NER ended at `end` ends when it goes on across particles to a capitalised word."""
    while end < len(doc) and end - start < MAX_NAME_TOKENS + 2:
        i = end
        while i > start + 1 and doc[i - 1].is_lower and doc[i - 1].lower_ in particles():
            i -= 1  # NER kept the particle: "Pieter-Jan van"
        if i == end and not particle_bridge(doc, end):
            return end
        j = i
        while j < len(doc) and (particle_bridge(doc, j) or doc[j].text == "-" and j > i):
            j += 1
        if j == i or j >= len(doc) or j in blocked or not (doc[j].is_title and doc[j].is_alpha):
            return end
        end = j + 1
    return end


def _name_hyphen(doc: Doc, i: int, start: int) -> bool:
    """A hyphen written without spaces inside a name: "Akufo-Addo", "Schwede-Coburg", and a romanised given
    name's lowercase syllable: "Jae-won", "Wei-ting"."""
    return (start < i < len(doc) - 1 and doc[i].text == "-" and not doc[i - 1].whitespace_ and not doc[i].whitespace_
            and doc[i + 1].is_alpha and (doc[i + 1].text[0].isupper() or _syllable(doc[i + 1]))
            and doc[i + 1].lower_ not in word_list("hyphen_suffixes"))  # not "Smith-led", "Merkel-era"


def _syllable(tok) -> bool:
    return tok.is_lower and tok.is_alpha and len(tok) <= 5


def _after_name_hyphen(doc: Doc, i: int, start: int) -> bool:
    """The lowercase syllable after a name hyphen: "won" in "Jae-won"."""
    return i - 1 > start and _name_hyphen(doc, i - 1, start) and _syllable(doc[i])
