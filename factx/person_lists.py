"""Names NER missed or called organisations where the context says they are people (part of step 1 of the
people component, factx/person_names.py).

Contexts (word lists in models/people.json):
- after a verb of authorship or casting: "directed by Tomomi Mochizuki", "a mascot created by Walt Disney"
  ("agent_verbs", each needing "by"), "It stars Jane Fonda, Michael Sarrazin and Gig Young" ("cast_verbs");
- before "of <country>" after a lowercase word or a comma: "silver for Dayana Riquelme of Chile";
- the possessive before a work: "Martina McBride's 2002 single" ("work_nouns");
- in a list with a person: "the army of [Kuzma Minin] and Dmitry Pozharsky", "Rip Torn, ... and
  [Dominique Delpierre]": each item of two to five name words, set off by "," or "and", next to a name
  already found by NER (a PERSON of two words or more) or after such a verb. Going backwards the item must
  be joined by "and" or be one of three or more ("A, B and [C]"). Not on an encyclopedia's cross-reference
  line ("Main articles: Pogrom, Dorohoi Pogrom").
A run counts only as a name: two or more capitalised words (particles and name hyphens inside), none of
them a thing's word ("Galaxy Films", "Warner Bros") or an office word, not a date, number or place entity
of NER's, and not inside a title.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from .countries import SPANS_KEY as COUNTRIES_KEY
from .countries import country_names, in_cross_reference, office_words, person_words, subdivision_names
from .title_complements import nationality_words
from .name_particles import _after_name_hyphen, _name_hyphen
from .office_places import after_own_country
from .person_names import MAX_NAME_TOKENS, capitals, particles, word_list

if TYPE_CHECKING:
    from .person_names import NameFinder

LIST_JOINERS = {",", "and", "&"}
NAME_ENTS = {"", "PERSON", "ORG"}  # NER's guesses a list's or an agent's name may carry
LIST_ENDS = {",", "and", "&", ".", ";", ":", ")", "(", "!", "?"}


def context_names(finder: "NameFinder", doc: Doc, cands: list[Span], taken: set[int],
                  blocked: set[int]) -> list[Span]:
    """New candidate mentions (not overlapping `cands` or the `blocked` tokens)."""
    covered = {i for c in cands for i in range(c.start, c.end)} | blocked
    found: list[Span] = []

    def run_at(start: int, need_end: bool) -> Span | None:
        end = start
        while end < len(doc) and end - start < MAX_NAME_TOKENS + 2 and end not in covered and (
                finder._is_name_token(doc, end, taken, first=end == start) or _name_hyphen(doc, end, start)
                or _after_name_hyphen(doc, end, start) or (end > start and doc[end].lower_ in particles()
                                                           and doc[end].is_lower)):
            end += 1
        while end > start and not _capital_word(doc[end - 1]):
            end -= 1  # not a trailing particle or hyphen
        words = [t for t in doc[start:end] if t.is_alpha and _capital_word(t)]
        if len(words) < 2 or doc[start].pos_ != "PROPN" or any(
                t.ent_type_ not in NAME_ENTS and not _unknown_place(doc, t, start, end) for t in doc[start:end]):
            return None
        if need_end and end < len(doc) and doc[end].text not in LIST_ENDS and doc[end].pos_ not in ("VERB", "AUX", "ADP"):
            return None
        return None if in_cross_reference(doc, doc[start:end]) else doc[start:end]

    def run_ending_at(end: int) -> Span | None:
        """The name that ends right before `end`: name words and name hyphens read backwards."""
        start = end
        while start > 0 and end - start < MAX_NAME_TOKENS and start - 1 not in covered and (
                finder._is_name_token(doc, start - 1, taken) or _name_hyphen(doc, start - 1, -1)):
            start -= 1
        span = run_at(start, need_end=False) if start < end else None
        return span if span is not None and span.end == end else None

    def add(span: Span) -> None:
        found.append(span)
        covered.update(range(span.start, span.end))

    agents, cast = word_list("agent_verbs"), word_list("cast_verbs")
    for tok in doc[:-1]:
        if tok.lower_ in agents and doc[tok.i + 1].lower_ == "by" or tok.lower_ in cast:
            start = tok.i + 2 if tok.lower_ in agents else tok.i + 1
            span = run_at(start, need_end=True) if start < len(doc) else None
            if span is not None:
                add(span)
    # an age in apposition: "Rafael Dantas, 48, said"
    for tok in doc[2:-1]:
        if tok.text == "," and doc[tok.i + 1].like_num and doc[tok.i + 1].text.isdigit() and (
                0 < int(doc[tok.i + 1].text) < 120) and tok.i + 2 < len(doc) and doc[tok.i + 2].text == ",":
            span = run_ending_at(tok.i)
            if span is not None:
                add(span)
    # a description in apposition: "Ursula Jones, a retired British actress", "Ursula Jones—a retired actress"
    for tok in doc[2:-2]:
        if tok.text in (",", "—", "–") and _describes_person(doc, tok.i + 1):
            span = run_ending_at(tok.i)
            if span is not None and (span.start == 0 or not doc[span.start - 1].is_title):
                add(span)
    # the subject of a sentence that says what the person is: "Ana Ruiz is a Spanish novelist and poet"
    # (a company's nouns excluded: "Gazprom Neft is a Russian oil producer"; NER's ORG run too)
    for tok in doc[2:-2]:
        if tok.lower_ in ("is", "was") and _describes_person(doc, tok.i, company=False):
            span = run_ending_at(tok.i)
            if span is not None and _sentence_start(doc, span.start) and all(
                    t.ent_type_ in ("", "PERSON") for t in span):
                add(span)
    # a name before "of <country>" that NER took with the country or for a thing, after a lowercase word or a
    # comma: "gold for [Yuliana Mosquera Palacios] of Colombia, silver for [Dayana Riquelme] of Chile"
    for country in doc.spans.get(COUNTRIES_KEY, []):
        k = country.start - (2 if country.start > 1 and doc[country.start - 1].lower_ == "the" else 1)
        if country.label_ != "COUNTRY" or k < 3 or doc[k].lower_ != "of" or k - 1 in covered:
            continue
        start = k
        while start > 0 and k - start < 4 and start - 1 not in covered and start - 1 not in taken and (
                _capital_word(doc[start - 1]) and doc[start - 1].pos_ == "PROPN" or _name_hyphen(doc, start - 1, -1)):
            start -= 1
        words, before = doc[start:k], doc[start - 1] if start > 0 else None
        if before is not None and len([t for t in words if t.is_alpha]) >= 2 and (
                before.is_lower and before.pos_ != "DET" and before.lower_ != "of" or before.text == ",") and not any(
                t.lower_ in finder.not_name_words or t.lower_ in office_words() or t.text in country_names()
                or t.text in capitals() or t.ent_type_ in ("GPE", "LOC", "FAC", "DATE", "NORP") for t in words):
            add(words)
    # the author of a work, in the possessive: "Martina McBride's 2002 single", "Bruce Springsteen's \"The Ghost\""
    works = word_list("work_nouns")
    for tok in doc[2:-1]:
        if tok.tag_ != "POS" or tok.i - 1 in covered:
            continue
        after = doc[tok.i + 1:tok.i + 5]
        if after[0].text in ('"', "“") or any(t.is_lower and t.lower_ in works for t in after):
            span = run_ending_at(tok.i)
            if span is not None:
                add(span)
    # each list, grown from the names in it, forwards and backwards
    queue = sorted([c for c in cands if len(c) >= 2 and c[0].ent_type_ == "PERSON"] + found, key=lambda s: s.start)
    while queue:
        name = queue.pop(0)
        i = after_own_country(doc, name.end)  # "Water ministers A of Jordan, B of Syria and [C] of Lebanon"
        if i + 1 < len(doc) and doc[i].text in LIST_JOINERS:
            j = i + 2 if doc[i].text == "," and doc[i + 1].lower_ in ("and", "&") else i + 1
            span = run_at(j, need_end=True) if j < len(doc) else None
            if span is not None:
                add(span)
                queue.append(span)
        if name.start > 2 and doc[name.start - 1].text in LIST_JOINERS:
            k = name.start - 1
            span = run_ending_at(k - 1 if doc[k].lower_ in ("and", "&") and doc[k - 1].text == "," else k)
            if span is None:
                continue
            start = span.start
            joined = doc[k].lower_ in ("and", "&") or (start > 0 and doc[start - 1].text == ",")
            if joined and (start == 0 or doc[start - 1].text in LIST_JOINERS or not doc[start - 1].is_alpha
                           or doc[start - 1].is_lower or doc[start - 1].text[:-1] in nationality_words()):
                add(span)
                queue.append(span)
    return found


def _describes_person(doc: Doc, i: int, company: bool = True) -> bool:
    """doc[i] (or, after a copula at i, the words after it) is "a"/"an", up to four lowercase or nationality
    words, and a person noun (an occupation, a title's head): "a retired British actress". company=False: not
    a noun a company may be ("producer", "publisher", people.json "company_agent_nouns")."""
    if doc[i].lower_ in ("is", "was"):
        i += 1
    if i >= len(doc) or doc[i].lower_ not in ("a", "an"):
        return False
    nouns = person_words()  # occupations, person nouns and title heads
    j = i + 1
    while j < len(doc) and j - i <= 4 and doc[j].lower_ not in nouns and (
            doc[j].is_lower or doc[j].ent_type_ == "NORP") and doc[j].is_alpha:
        j += 1
    return j < len(doc) and doc[j].lower_ in nouns and doc[j].pos_ == "NOUN" and (
        company or doc[j].lower_ not in word_list("company_agent_nouns"))


def _sentence_start(doc: Doc, i: int) -> bool:
    return i == 0 or doc[i].is_sent_start or "\n" in doc[i - 1].whitespace_ or doc[i - 1].text in ('"', "“")


def _capital_word(tok) -> bool:
    """A capitalised word of a name, also with a capital inside: "Anna", "McBride", "DeWine", "MacIsaac"."""
    return tok.is_alpha and tok.text[0].isupper() and any(c.islower() for c in tok.text)


def _unknown_place(doc: Doc, tok, start: int, end: int) -> bool:
    """NER's GPE that is no place factx knows, all inside the run: "It stars Jane Fonda, [Susannah York]"
    (not "New York", a country or a capital)."""
    if tok.ent_type_ != "GPE":
        return False
    ent = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
    return ent is not None and start <= ent.start and ent.end <= end and ent.text not in country_names() and (
        ent.text not in subdivision_names() and ent.text not in capitals())

