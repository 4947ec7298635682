"""Grouping name mentions into people: the second step of the people component (factx/people.py).

A surname or partial name joins the full name it belongs to ("Takeshi Akahori", later "Akahori"), and the
other occurrences of each known name that NER missed are added (document-level consistency).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from .person_names import particles


@dataclass
class Person:
    name: str  # as written in the text ("Akufo-Addo", not "Akufo - Addo")
    mentions: list[Span] = field(default_factory=list)
    titles: list[Span] = field(default_factory=list)
    country: str | None = None
    words: list[str] = field(default_factory=list)  # the name's token texts: "Akufo", "-", "Addo"
    country_evidence: Span | None = None  # the words that gave the country
    country_source: str | None = None  # "text" (stated) or "context" (inferred from the document)

    def as_dict(self) -> dict:
        """The person as the output record writes it (plain JSON values, so a Doc holding it serialises)."""
        ev = self.country_evidence
        return {"name": self.name, "titles": self.title_texts(), "country": self.country,
                "country_source": self.country_source if self.country else None,
                "country_evidence": {"text": ev.text, "start": ev.start_char, "end": ev.end_char} if ev is not None
                and self.country else None,
                "mentions": [{"text": m.text, "start": m.start_char, "end": m.end_char} for m in self.mentions]}

    def title_texts(self) -> list[str]:
        """The person's titles, each once: a later bare head word of a longer title is the same office
        ("education minister" … "the minister, Aino Lehtovaara") and is not listed again."""
        texts = list(dict.fromkeys(t.text for t in self.titles))
        lower = [t.lower() for t in texts]
        return [t for t, low in zip(texts, lower) if not any(o != low and o.endswith(" " + low) for o in lower)]

    def set_country(self, evidence: Span | None, source: str = "text") -> None:
        """Give the person the country of `evidence` (a country, nationality or body span), if any."""
        if evidence is not None and evidence.kb_id_:
            self.country, self.country_evidence, self.country_source = evidence.kb_id_, evidence, source

    @property
    def tokens(self) -> list[str]:
        return self.words or self.name.split()


def find_person(people: list[Person], words: list[str]) -> Person | None:
    """The person whose name contains these words; the latest introduced wins a tie (news reuses surnames).
    Name particles match in either case: "Van Weeghel" at the start of a sentence is "Steven van Weeghel"."""
    best = None
    words = _particles_lower(words)
    for p in people:
        toks = _particles_lower(p.tokens)
        if words == toks or (len(words) < len(toks) and _is_subsequence(words, toks)):
            best = p
    if best is None and len(words) == 1:
        for p in people:  # all-caps headline: "AKAHORI"
            if words[0].lower() in (t.lower() for t in p.tokens):
                best = p
    return best


def group(mentions: list[Span]) -> list[Person]:
    people: list[Person] = []
    # Full names first so that an early "Akahori" in a headline still joins "Takeshi Akahori".
    for span in sorted(mentions, key=lambda s: (-len(s), s.start)):
        words = [t.text for t in span]
        person = find_person(people, words)
        if person is None:
            people.append(Person(name=re.sub(r"\s+", " ", span.text), words=words))
            person = people[-1]
        person.mentions.append(span)
    for p in people:
        p.mentions.sort(key=lambda s: s.start)
    # Report the full name as first introduced: order people by their first mention.
    return sorted(people, key=lambda p: p.mentions[0].start)


def recurring(doc: Doc, people: list[Person], taken: set[int]) -> None:
    """Add occurrences of a known name (full, or surname of a multi-word name) that NER missed."""
    used = {i for p in people for m in p.mentions for i in range(m.start, m.end)}
    keys: dict[tuple[str, ...], Person] = {}
    for p in people:
        toks = tuple(p.tokens)
        keys[toks] = p
        if len(toks) > 1 and len(toks[-1]) > 2:
            keys.setdefault((toks[-1],), p)
        if len(toks) > 3 and toks[-2] == "-":
            keys.setdefault(toks[-3:], p)  # "Oakes-Whitby" of "Daniel Oakes-Whitby"
        if len(toks) in (3, 4) and "-" not in toks and all(t[:1].isupper() and t.isalpha() for t in toks[-2:]):
            keys.setdefault(toks[-2:], p)  # a double surname: "Salcedo Ibarra", and "Salcedo" alone
            keys.setdefault((toks[-2],), p)
    longest = max((len(k) for k in keys), default=0)
    texts = [t.text for t in doc]
    firsts = {k[0] for k in keys}
    i = 0
    while i < len(doc):
        if texts[i] not in firsts and not (texts[i].isupper() and texts[i].title() in firsts):
            i += 1  # no known name starts here
            continue
        for n in range(longest, 0, -1):
            words = tuple(texts[i:i + n])
            if len(words) < n:
                continue
            p = keys.get(words)
            if p is None and all(w.isupper() and len(w) > 1 for w in words):
                p = keys.get(tuple(w.title() for w in words))  # "AKAHORI" in an all-caps headline
            if p is None:
                continue
            span_ids = range(i, i + n)
            if any(j in used or j in taken for j in span_ids) or inside_other_name(doc, i, n):
                continue
            if len(p.tokens) == 1 and doc[i].ent_type_ not in ("", "PERSON"):
                continue  # a one-word "person" NER also calls ORG ("Ryanair") needs NER's PERSON to recur
            if i > 0 and doc[i - 1].lower_ in ("the", "a", "an"):
                continue  # "the Bill", "the Leave campaign"
            if n == 1 and doc[i].pos_ != "PROPN" and not doc[i].is_upper:
                continue  # "Soviet" (ADJ) in "Soviet POWs", "Leave" (VERB) in "Leave the EU": not a surname here
            p.mentions.append(doc[i:i + n])
            used.update(span_ids)
            i += n - 1
            break
        i += 1
    for p in people:
        p.mentions.sort(key=lambda s: s.start)


def inside_other_name(doc: Doc, i: int, n: int) -> bool:
    """Token i is part of a longer non-person entity ("Ford" in "Ford Motor Co.") or is a nationality word.
    An entity that is just the name ("Cameron" tagged ORG in "Cameron said") is the person; so is a name that
    NER ran together with the line before it ("the Kovno Ghetto\n\nHimmler ordered")."""
    if doc[i].ent_type_ in ("", "PERSON"):
        return False
    if doc[i].ent_type_ == "NORP":
        return True
    ent = next(e for e in doc.ents if e.start <= i < e.end)
    start, end = ent.start, ent.end
    for j in range(ent.start, i):
        if "\n" in doc[j].whitespace_ or "\n" in doc[j].text:
            start = j + 1
    for j in range(i + n - 1, ent.end - 1):
        if "\n" in doc[j].whitespace_:
            end = j + 1
            break
    while end > i + n and doc[end - 1].tag_ == "POS":
        end -= 1  # "Cameron's"
    return end - start > n


def _is_subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(w in it for w in short)


def _particles_lower(words: list[str]) -> list[str]:
    return [w.lower() if w.lower() in particles() else w for w in words]
