"""The direction of a date's clause: does it point forward ("will meet on Friday", "is scheduled to close
Monday", "plans to buy it in March", "should be completed in October", "the contract runs through June") or
back ("sold its stake in October", "said Monday")? It decides the year of a month or day said without one
and which Friday "Friday" is. The verbs that govern the date decide, from the dependency parse; with no
parse, the words right before the date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span

from .data import load_json


@dataclass(frozen=True)
class Words:
    future: frozenset  # words that make a clause look forward ("will", "scheduled", "due")
    plan: frozenset  # verbs of planning ("plans to hold it Tuesday")
    modals: frozenset  # auxiliaries that look forward ("should be completed in October")
    until: frozenset  # prepositions of an end point ("runs through June") in a clause not about the past
    planned: frozenset  # participles of a plan ("was planned for early March"): no report of the past
    speech: frozenset  # verbs of saying, whose present tense reports ("says Friday")
    parts_of_day: frozenset


@lru_cache(maxsize=1)
def words() -> Words:
    d = load_json("dates.json")
    return Words(frozenset(d["future_words"]), frozenset(d["plan_words"]), frozenset(d["modal_words"]),
                 frozenset(d["until_words"]), frozenset(d["plan_participles"]),
                 frozenset(d["speech_verbs"]), frozenset(d["parts_of_day"]))


def points_forward(ent: Span) -> bool:
    """Does the clause of the date `ent` point forward? See the module's docstring."""
    w = words()
    doc = ent.doc
    if any(t.lower_ in ("next", "coming", "upcoming") for t in ent):
        return False if any(t.lower_ in ("last", "past") for t in ent) else True
    before = " ".join(t.lower_ for t in doc[max(0, ent.start - 3):ent.start])
    if re.search(r"\bas (?:soon|early|late) as$", before):
        return True
    if ent[-1].lower_ in ("'s", "’s") or ent.end < len(doc) and doc[ent.end].lower_ in ("'s", "’s"):
        return False  # "Wednesday's ruling": a fact, not a plan
    if ent.start > 0 and doc[ent.start - 1].lower_ in ("since", "ago") or ent.root.dep_ in ("compound", "amod") \
            and ent.root.head.lower_ not in w.parts_of_day:
        return False  # "since March"; "a June agreement" (but "on Thursday morning" is a time, not a modifier)
    if not doc.has_annotation("DEP"):
        return any(t.lower_ in w.future for t in doc[max(0, ent.start - 6):ent.start])
    verb = ent.root
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return any(t.lower_ in w.future for t in doc[max(0, ent.start - 6):ent.start])
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(t.lower_ == "had" for t in aux):
        return False  # "until Thursday, they had not called him a suspect": the past perfect looks back
    if any(t.lower_ in ("could", "can") for t in aux) and any(c.dep_ == "neg" for c in verb.children):
        return False  # "could not be reached Friday": a report of the past
    if any(t.lower_ in ("have", "'ve") for t in aux):
        return False  # "may have been responsible on Wednesday": a modal perfect looks back
    if any(t.lower_ in w.modals for t in aux):
        return True  # "should be completed in October", "must be repaid by June"
    if verb.tag_ in ("VBZ", "VBP") and not aux and _adjunct_of(ent, verb) and verb.lower_ not in w.speech:
        return True  # "Arafat meet separately Monday with Albright": the news present of a scheduled event
    infinitive = any(t.tag_ == "TO" for t in aux) and verb.tag_ == "VB"
    if infinitive and verb.dep_ in ("xcomp", "ROOT", "acl", "relcl"):
        return True  # "to close Monday", "agreed to acquire it in January", "a plan to pay it by February"
    if end_point(ent) and not _past_tense(verb):
        return True  # "the contract runs through June", "is valid until March": an end point ahead
    if any(_forward_word(t, w) for t in _path(ent, verb)):
        return True  # "a new labor pact effective June 1"
    near = [verb, *verb.children]
    heads = [verb]
    if (verb.dep_ in ("xcomp", "ccomp", "conj") or infinitive and verb.dep_ == "advcl") and verb.head.i != verb.i:
        # "will travel to Paris to meet him Friday" (not "staged rallies to mark Friday")
        near += [verb.head, *(c for c in verb.head.children if c.dep_ in ("aux", "auxpass"))]
        heads.append(verb.head)
    if any(t.lower_ in w.plan and t.pos_ == "VERB" for t in heads):
        return True  # "plans to hold a news conference on Tuesday"
    return any(_forward_word(t, w) for t in near if not (ent.start <= t.i < ent.end))


def _forward_word(t, w: Words) -> bool:
    """"will", "scheduled", "next" ... but not the "next" of "next to the embassy"."""
    doc = t.doc
    return t.lower_ in w.future and not (t.lower_ == "next" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to")


def _adjunct_of(ent: Span, verb) -> bool:
    """Does the date hang on `verb` itself ("meet Monday", "meets on Monday")?"""
    head = ent.root.head
    if ent.root.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    elif ent.root.dep_ not in ("npadvmod", "obl", "nmod:tmod"):
        return False
    return head.i == verb.i


def end_point(ent: Span) -> bool:
    """Is the date the end of a span of time ("through June", "until March", "extended to Nov. 16")? Such a
    date without a year is the occurrence nearest the reference date, ahead or behind."""
    preposition = _preposition(ent)
    if preposition == "to":  # "from 2009 to 2011" is a range, "rose to 5%" no date: "to" counts after a verb
        head = ent.root.head
        return ent.root.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "VERB"
    return preposition in words().until


def _preposition(ent: Span) -> str | None:
    """The preposition the date is the object of ("through" in "runs through June"), or the word before it."""
    head = ent.root.head
    if ent.root.dep_ == "pobj" and head.dep_ == "prep":
        return head.lower_
    return ent.doc[ent.start - 1].lower_ if ent.start > 0 else None


def _past_tense(verb) -> bool:
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.tag_ == "VBD" and not aux or any(t.tag_ == "VBD" for t in aux) and verb.tag_ in ("VBN", "VBG", "VB")


def _path(ent: Span, verb) -> list:
    """The words from the date up to its verb: "effective" in "a new labor pact effective June 1"."""
    path, tok = [], ent.root.head
    while tok.i != verb.i and tok.head.i != tok.i and len(path) < 6:
        path.append(tok)
        tok = tok.head
    return path


def governed_by_past(ent: Span, forward: bool | None = None) -> bool:
    """Is the date's own verb in the past tense, the date its adjunct ("changed to a calendar year in December",
    "was terminated on Dec. 15"), or the date after "since"? Then a month or day without a year is not ahead of the reference date. A date
    that hangs on a noun ("the talks in May") or a clause that looks forward says nothing of the kind.
    `forward`: points_forward(ent) when the caller has it."""
    doc = ent.doc
    if ent.start > 0 and doc[ent.start - 1].lower_ == "since":
        return True  # "since March", "since Christmas": a start in the past
    if not doc.has_annotation("DEP") or (points_forward(ent) if forward is None else forward) or end_point(ent):
        return False
    head = ent.root.head
    if ent.root.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    elif ent.root.dep_ not in ("npadvmod", "obl", "nmod:tmod"):
        return False
    if head.lower_ in words().planned or head.lower_ in words().future:
        return False  # "was planned for early March", "was scheduled for June": a plan, whatever the tense
    return head.pos_ in ("VERB", "AUX") and _past_tense(head) and head.i != ent.root.i
