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
    parts_of_day: frozenset


@lru_cache(maxsize=1)
def words() -> Words:
    d = load_json("dates.json")
    return Words(frozenset(d["future_words"]), frozenset(d["plan_words"]), frozenset(d["modal_words"]),
                 frozenset(d["until_words"]), frozenset(d["parts_of_day"]))


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
    infinitive = any(t.tag_ == "TO" for t in aux) and verb.tag_ == "VB"
    if infinitive and verb.dep_ in ("xcomp", "ROOT", "acl", "relcl"):
        return True  # "to close Monday", "agreed to acquire it in January", "a plan to pay it by February"
    past = verb.tag_ in ("VBD", "VBN") or any(t.tag_ == "VBD" for t in aux)
    if not past and _preposition(ent) in w.until:
        return True  # "the contract runs through June", "is valid until March": an end point ahead
    near = [verb, *verb.children]
    heads = [verb]
    if (verb.dep_ in ("xcomp", "ccomp", "conj") or infinitive and verb.dep_ == "advcl") and verb.head.i != verb.i:
        # "will travel to Paris to meet him Friday" (not "staged rallies to mark Friday")
        near += [verb.head, *(c for c in verb.head.children if c.dep_ in ("aux", "auxpass"))]
        heads.append(verb.head)
    if any(t.lower_ in w.plan and t.pos_ == "VERB" for t in heads):
        return True  # "plans to hold a news conference on Tuesday"
    return any(t.lower_ in w.future and not (t.lower_ == "next" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to")
               for t in near if not (ent.start <= t.i < ent.end))


def _preposition(ent: Span) -> str | None:
    """The preposition the date is the object of ("through" in "runs through June"), or the word before it."""
    head = ent.root.head
    if ent.root.dep_ == "pobj" and head.dep_ == "prep":
        return head.lower_
    return ent.doc[ent.start - 1].lower_ if ent.start > 0 else None
