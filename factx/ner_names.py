"""NER's names, mended: the first step of finding people (factx/person_names.py reads these candidates).

spaCy's small English model cuts names ("Andrés Felipe" + "Rincón Duarte"), stops early ("Helena Matos"
+ "Figueiredo" labelled GPE) and labels names it has not seen as organisations or places, most of all names
from outside the English-speaking world: "Sophie Marchand-Leroux, purchasing director at …" (ORG), "In
Sfax, Hichem Kammoun, who runs …" (GPE), "coached by the Italian Renato Boccardi" (ORG).

- `person_ents`: NER's PERSON entities, joined where NER cut one name in two and grown over the name words
  NER left out before or after them.
- `given_name_spans`: a span NER labelled ORG, GPE, FAC, LOC or NORP is a name when its first word is a
  given name (models/given_names.json) and the rest of it is name words: capitalised words, name hyphens
  and particles, none of them a country, a state, a capital or a thing's word ("Foundation", "University":
  models/people.json "not_name_words"). A name inside a thing's name is not a person's mention: "the Helen
  Suzman Foundation", "Eduardo Mondlane University", "Rod Laver Arena" are left alone. The given-name list
  leaves out names that are also places or words ("Jordan", "Georgia", "Victoria", "Grace"): there NER's
  label stands.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .countries import SPANS_KEY as COUNTRIES_KEY
from .countries import country_names, office_words, subdivision_names
from .name_particles import (MAX_NAME_TOKENS, RELABELLED, _after_name_hyphen, _name_hyphen, across_particles,  # noqa: F401
                             capitals, given_names, particle_bridge, word_list)
from .title_complements import nationality_words

ARTICLES = {"the", "a", "an"}


_APOSTROPHE_NAME = re.compile(r"[^\W\d_]+['’][^\W\d_]+")  # O'Driscoll, D'Souza, Tu'ivai, Sant'Elia
_INITIAL = re.compile(r"[A-Z]\.")
SUFFIXES = {"Jr.", "Jr", "Sr.", "Sr"}  # "Ernesto Reyes Jr."


def _name_word(tok) -> bool:
    """A word of a name: letters, an apostrophe name ("O'Driscoll"), an initial ("R.") or a suffix ("Jr.")."""
    return tok.is_alpha or bool(_APOSTROPHE_NAME.fullmatch(tok.text)) or bool(_INITIAL.fullmatch(tok.text)) or (
        tok.text in SUFFIXES)


def _lone_word(doc: Doc, i: int) -> bool:
    """doc[i] starts a one-word entity (or a double surname: "Lefebvre-Dion") NER called a place or an
    organisation but that names no place factx knows: "Helena Matos [Figueiredo]", "Ratu Viliame [Koroi]"."""
    tok = doc[i]
    j = i + 1
    if i + 2 < len(doc) and _name_hyphen(doc, i + 1, i - 1) and doc[i + 1].ent_iob_ == doc[i + 2].ent_iob_ == "I":
        j = i + 3  # a double surname NER took whole: "Lefebvre-Dion"
    return (tok.ent_type_ in RELABELLED and tok.ent_iob_ == "B" and (j == len(doc) or doc[j].ent_iob_ != "I")
            and not _place_word(tok) and tok.text not in nationality_words())


def person_ents(doc: Doc, blocked: set[int]) -> list[Span]:
    """NER's PERSON entities and the names of given_name_spans, mended where NER cut one name in two: two
    entities side by side are one name ("Andrés Felipe" + "Rincón Duarte"), and capitalised words NER left
    out right before or after a name of two words or more belong to it ("named economist [Lucía] Fernanda
    Quintero", "Juan Pablo [Herrera Soto]"), also a one-word place or organisation NER made of a surname
    ("Helena Matos [Figueiredo]") or of a given name ("[Kobina] Arthur")."""
    ents = [e for e in doc.ents if e.label_ == "PERSON"] + given_name_spans(doc, blocked)
    ents.sort(key=lambda e: e.start)
    merged: list[Span] = []
    for ent in ents:
        start = ent.start
        while (start > 0 and start - 1 not in blocked and not doc[start - 1].is_sent_start
               and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper() and _name_word(doc[start - 1])
               and doc[start - 1].tag_ != "NNPS" and doc[start - 1].lower_ not in office_words()
               and (doc[start - 1].ent_type_ in ("", "NORP") or _lone_word(doc, start - 1) and doc[start - 1].text in given_names())
               and doc[start - 1].lower_ not in word_list("honorifics") and doc[start - 1].text[:-1] not in nationality_words()
               and doc[start - 1].lower_ not in word_list("not_name_words") and "\n" not in doc[start - 1].whitespace_
               and ent.start - start < 3 and (len(ent) >= 2 or _INITIAL.fullmatch(doc[start - 1].text)
                                              or doc[start - 1].text in given_names())):
            start -= 1  # also a given name before a one-word name: "[Kobina] Arthur"
        if start == ent.start and start >= 3 and doc[start - 2].text == "-" and doc[start - 3:start].text in given_names() and (
                not doc[start - 3].whitespace_ and not blocked & {start - 3, start - 2, start - 1}):
            start -= 3  # a hyphenated given name NER left out: "[Min-jun] Kim"
        elif start == ent.start and start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ and (
                not doc[start - 2].whitespace_ and doc[start - 2].is_title and doc[start - 2].is_alpha
                and not blocked & {start - 2, start - 1}):
            start -= 2  # NER started the name after its hyphen: "Kerri-[Ann Forde-Bynoe]", "Marie-[Claire Hoareau]"
        end = ent.end
        while (len(ent) >= 2 and end < len(doc) and end - start < MAX_NAME_TOKENS and end not in blocked
               and doc[end - 1].tag_ != "POS" and (doc[end].ent_type_ == "" or _lone_word(doc, end))
               and doc[end].pos_ == "PROPN" and doc[end].is_title and doc[end].is_alpha
               and doc[end].lower_ not in word_list("not_name_words") and "\n" not in doc[end - 1].whitespace_):
            end += 1  # NER stopped early: "[Juan Pablo] Herrera Soto"
        end = across_particles(doc, start, end, blocked)  # "Ursula von der [Leyen]", "Pieter-Jan van [den Broeck]"
        if end > ent.end and end < len(doc) and doc[end].pos_ == "NOUN":
            end = ent.end  # the capitalised words modify a noun: "Charles Court Background Main article"
        if merged and merged[-1].end > start:
            merged[-1] = doc[merged[-1].start:max(end, merged[-1].end)]  # NER's rest of a name grown over
        elif merged and merged[-1].end == start and "\n" not in doc[start - 1].whitespace_:
            merged[-1] = doc[merged[-1].start:end]
        else:
            merged.append(doc[start:end])
    return merged


def given_name_spans(doc: Doc, blocked: set[int]) -> list[Span]:
    """The names NER labelled ORG, GPE, FAC, LOC or NORP that start with a given name, without a leading
    article or nationality ("the Cuban [Osniel Fajardo Lugo]"), in document order."""
    names = given_names()
    countries = {i for s in doc.spans.get(COUNTRIES_KEY, []) for i in range(s.start, s.end)}
    found: list[Span] = []
    for ent in doc.ents:
        if ent.label_ not in RELABELLED or found and found[-1].end > ent.start:
            continue
        start = ent.start
        while start < ent.end and (doc[start].lower_ in ARTICLES or start in countries or doc[start].text in nationality_words()):
            start += 1
        if start >= ent.end or start in blocked or doc[start].text not in names:
            continue
        if start + 2 < len(doc) and _name_hyphen(doc, start + 1, start) and (
                doc[start:start + 3].text not in names and doc[start + 2].text not in names):
            continue  # a place or a thing named after someone: "Ivano-Frankivsk", "Rudolf-Virchow-Krankenhaus"
        end = _name_end(doc, start, blocked | countries)
        if any(t.is_alpha and t.lower_ != "of" for t in doc[end:ent.end]):
            continue  # the entity goes on past the name: "Helen Suzman Foundation", "Juan Rulfo Room"
        if end < len(doc) and doc[end].is_title and doc[end].lower_ in word_list("not_name_words"):
            continue  # NER stopped before the thing's word: "[Marcello Mastroianni] Award"
        if _word_count(doc[start:end]) >= 2 and not any(_place_word(t) for t in doc[start:end]):
            found.append(doc[start:end])
    return found


def _word_count(span: Span) -> int:
    """Words written apart: "Mathieu Gagnon-Tremblay" is two, "Louis-Philippe" one."""
    return 1 + sum(1 for t in span[:-1] if t.whitespace_)


def _place_word(tok) -> bool:
    """A word of a place's or a group's name: a country, a state, a capital, a plural ("Roman Catholics")."""
    return tok.tag_ == "NNPS" or tok.text in country_names() or tok.text in subdivision_names() or (
        tok.text in capitals())


def _name_end(doc: Doc, start: int, blocked: set[int]) -> int:
    """Where the name that starts with the given name at `start` ends: capitalised name words, name hyphens
    ("Gagnon-Tremblay", "Dirk-Jan") and particles ("van den Broek"), on one line."""
    end = start + 1
    while end < len(doc) and end - start < MAX_NAME_TOKENS + 2 and end not in blocked:
        tok = doc[end]
        if "\n" in doc[end - 1].whitespace_:
            break
        if _name_hyphen(doc, end, start) or _after_name_hyphen(doc, end, start) or particle_bridge(doc, end):
            end += 1
        elif tok.is_title and tok.is_alpha and tok.pos_ == "PROPN" and tok.lower_ not in word_list("not_name_words"):
            end += 1
        else:
            break
    return end
