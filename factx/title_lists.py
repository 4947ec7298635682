"""Titles said of several people or of an earlier mention (used by the title linker, factx/person_links.py): a
plural title over a list of names ("Labour MPs A and B"), a list of "title, name" pairs, a chain of
appositions ("X, 61, a petroleum engineer, a former president of …"), and a title named earlier without a
name that a later "The minister, X" names."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from .office_places import after_own_country
from .person_groups import Person
from .person_names import word_list

# How a title is tied to its person (Span._.factx_link, the output's titles[].link):
LINK_BEFORE = "before"          # the title is written right before the name: "Prime Minister Theresa May"
LINK_APPOSITION = "apposition"  # next to the name, set off by a comma: "May, the prime minister"; "the PM, May"
LINK_PREDICATE = "predicate"    # said of the person by a verb: "May, who is prime minister"; "May became PM"
LINK_ANTECEDENT = "antecedent"  # named earlier without the name, then by its head word with it: "Norway's health
#                                 minister opened … The minister, Kari Dahl, said"


def continue_appositions(doc: Doc, titles: list[Span], found: dict, by_start: dict) -> None:
    """A title after a comma that follows a title in apposition to a name continues the apposition:
    "Józef Piłsudski, a military leader, Marshal of Poland and ...", "Keisha Ramdial, the company's general
    counsel, a former attorney general of Trinidad and Tobago"."""
    by_title_end = {t.end: t for t in titles}
    for title in titles:
        i = title.start - 1
        while i > 1 and doc[i].lower_ in ("a", "an", "the", "and"):
            i -= 1  # "X, 61, a petroleum engineer, a former president of the Energy Chamber"
        if found[title.start][0] is not None or i < 1 or doc[i].text != ",":
            continue
        before = by_title_end.get(i)
        k = title.end + 1
        if k + 1 < len(doc) and doc[k].lower_ in ("dame", "sir", "dr", "dr.", "mr", "mr.", "ms", "ms."):
            k += 1
        if title.end < len(doc) and doc[title.end].text == "," and k in by_start:
            continue  # a list of "title, name" pairs: "the British high commissioner, Dame X, the Argentine ambassador, Y"
        if before is not None and found[before.start][1] == LINK_APPOSITION and title.kb_id_ != "plural":
            found[title.start] = (found[before.start][0], LINK_APPOSITION)


def antecedents(doc: Doc, titles: list[Span], found: dict) -> None:
    """A title written earlier without a name ("Norway's health minister opened the clinic") is the
    person's whom a later "the <head word>, NAME" or "the <head word> NAME" names: "The minister, Kari
    Dahl, said". Only when that earlier title is the one unlinked singular title with that head word
    before it, and the later one is the head word alone after "the"."""
    for later in titles:
        person, link = found[later.start]
        if person is None or len(later) != 1 or later.kb_id_ == "plural" or later.start == 0 or (
                doc[later.start - 1].lower_ != "the") or link not in (LINK_BEFORE, LINK_APPOSITION):
            continue
        head = later[0].lower_  # no lemmatizer in the pipeline: both are singular titles
        earlier = [t for t in titles if t.end <= later.start and head in (t[-1].lower_, t.root.lower_)
                   and len(t) > 1 and t.kb_id_ != "plural"]  # "Greece's minister for climate crisis"
        if head in word_list("generic_office_nouns"):  # "The head of Cyprus' forestry department told … The
            #                                            official, Andreas Kyprianides, said": the sentence before
            before = doc[later.sent.start - 1].sent if later.sent.start > 0 else later.sent
            earlier = [t for t in titles if before.start <= t.start and t.end <= later.start and t is not later
                       and t.kb_id_ != "plural" and t._.factx_kind != "occupation"]
        unlinked = [t for t in earlier if found[t.start][0] is None]
        if len(earlier) == 1 and len(unlinked) == 1:
            found[unlinked[0].start] = (person, LINK_ANTECEDENT)


def listed_after(doc: Doc, start: int, by_start: dict) -> list[Person]:
    """The people named in a list after the name at `start`: "[Siobhain McDonagh] and Chuka Umunna"."""
    group: list[Person] = []
    person = by_start.get(start)
    if person is None:
        return group
    sent_end = doc[start].sent.end
    end = after_own_country(doc, next(m.end for m in person.mentions if m.start == start))
    while end + 1 < len(doc):
        if end < sent_end and doc[end].text == ",":  # "A, a Dutch plant breeder; B, a Saudi investor; and C"
            end = next((i for i in range(end, sent_end) if doc[i].text in (";", "(", ")")), end)
        if not (doc[end].lower_ in (",", "and", ";") and (
                end + 1 in by_start or doc[end + 1].lower_ == "and" and end + 2 in by_start)):
            return group
        start = end + 1 if end + 1 in by_start else end + 2
        other = by_start[start]
        group.append(other)
        end = after_own_country(doc, next(m.end for m in other.mentions if m.start == start))
    return group


def listed_pair(doc: Doc, title: Span, by_start: dict, honorifics: set[str]) -> Person | None:
    """In a list of "title, name" pairs the title is the next name's, not the one before it: "industrialist
    X, the British high commissioner, Dame Y, the Argentine ambassador, Z, and …" (Y is the high
    commissioner): the name after the title and its comma goes on with ", the/a/an" or ", and"."""
    k = title.end + 1
    if title.end >= len(doc) or doc[title.end].text != ",":
        return None
    if k < len(doc) and doc[k].lower_ in honorifics:
        k += 1
    person = by_start.get(k)
    end = next((m.end for m in person.mentions if m.start == k), None) if person is not None else None
    if end is None or end + 1 >= len(doc) or doc[end].text != ",":
        return None
    return person if doc[end + 1].lower_ in ("the", "a", "an", "and") else None
