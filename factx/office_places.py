"""Where the text gives the country of an office or a person, next to a title or a name (used by the title
linker, factx/person_links.py): a US state or Canadian province after a name ("Senator Harlan Pruitt of
Kansas", "(D-Ohio)") or before a title ("Alabama Attorney General"), a country right before a title or name
(a nationality, a possessive, "the country's", a counterpart; "its" with a country as the subject), and "of
<Country>" after a name in a list."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from .countries import SPANS_KEY as COUNTRIES_KEY
from .person_countries import subdivision_at, subdivision_context, subdivisions
from .person_names import word_list


def subdivision_after(doc: Doc, k: int) -> Span | None:
    """A state or province after the name gives its country: "Senator Harlan Pruitt of Kansas", "Jane Hall,
    a Democrat from Ohio", "Gideon Marsh, Republican of Tennessee", "Sen. Ann Cole (D-Ohio)" (people.json
    "party_words")."""
    i = k
    if i + 1 < len(doc) and doc[i].text == "(" and doc[i + 1].text in word_list("party_letters"):
        i += 2
        if i < len(doc) and doc[i].text in ("-", ".", ",", ".,"):
            i += 1
        found = subdivision_at(doc, i) if i < len(doc) else None
        return found if found is not None and found.end < len(doc) and doc[found.end].text == ")" else None
    if i + 1 < len(doc) and doc[i].text == ",":
        i += 1
        if doc[i].lower_ in ("a", "an", "the"):
            i += 1
        if i >= len(doc) or doc[i].lower_ not in word_list("party_words"):
            return None
        i += 1
    if i + 1 < len(doc) and doc[i].lower_ in ("of", "from"):
        return subdivision_at(doc, i + 1)
    return None


def subdivision_before(doc: Doc, start: int, national: bool = False) -> Span | None:
    """A state or province right before a title, or its possessive: "Alabama Attorney General Lynette Crowe",
    "Ohio's governor"; "Georgia Governor" only where the text places Georgia in the US, and never before an
    office only a country has (`national`: "Georgia's ambassador to the United States")."""
    end = start - 1 if start > 0 and doc[start - 1].tag_ == "POS" else start
    for n in (3, 2, 1):
        i = end - n
        if i < 0 or i > 0 and doc[i - 1].is_title and doc[i - 1].is_alpha and not doc[i].is_sent_start:
            continue  # "Kansas City Mayor": the words before belong to another name
        words = tuple(t.text for t in doc[i:end])
        code = subdivisions().get(words) or (subdivision_context(doc, words[0]) if n == 1 and not national else None)
        if code is not None:
            return Span(doc, i, end, label="COUNTRY", kb_id=code)
    return None


def country_only(title: Span) -> bool:
    """The title is an office only a country has (people.json "country_only_offices": "ambassador", "foreign
    minister"), after at most two modifiers ("former deputy foreign minister")."""
    words = title.text.lower().split()
    offices = [office.split() for office in word_list("country_only_offices")]
    return any(words[i:i + len(office)] == office for office in offices for i in range(3))


def after_own_country(doc: Doc, end: int) -> int:
    """Past "of <Country>" after a name in a list: "Ana Ruiz of Spain, Jan Berg of Sweden and ..."."""
    if end + 1 < len(doc) and doc[end].lower_ == "of":
        at = end + 2 if doc[end + 1].lower_ == "the" else end + 1  # "Anneke van der Berg of the Netherlands"
        country = next((s for s in doc.spans.get(COUNTRIES_KEY, []) if s.start in (end + 1, at)), None)
        if country is not None:
            return country.end
    return end


def country_before(doc: Doc, start: int, countries: dict[int, Span]) -> Span | None:
    """The country written right before position `start` (countries: spans by their end): a nationality or a
    name ("Japanese Vice Minister", "Kenyan Brian Kiprotich"), a possessive ("Britain's Prime Minister",
    "Ethiopia's Meseret Tadesse") or a counterpart set off by a comma ("his Dutch counterpart, Finance
    Minister …", "Her Colombian counterpart, Andrés Restrepo")."""
    if start in countries:
        before = countries[start].start - 1
        if before > 0 and doc[before].tag_ == "POS" and doc[before - 1].ent_type_ in ("ORG", "PERSON") and (
                countries[start].label_ == "COUNTRY"):  # (a nationality is the person's: "Lazio's Turkish coach")
            return None  # a market, not a nationality: "Exxon Mobil's Guyana country manager"
        return countries[start]
    if start > 0 and doc[start - 1].tag_ == "POS" and start - 1 in countries:
        return countries[start - 1]
    if start > 3 and doc[start - 1].tag_ == "POS" and doc[start - 2].lower_ in ("country", "nation") and (
            doc[start - 3].lower_ == "the"):
        return country_referred_to(doc, start - 3)  # "Bangladesh's society … the country's Prime Minister"
    if start > 2 and doc[start - 1].text == "," and doc[start - 2].lower_ in word_list("counterpart_words") and (
            start - 2 in countries):
        return countries[start - 2]
    if start > 3 and doc[start - 1].text == ",":  # "her counterpart from Djibouti, X", "… from Yemen's government, X"
        for end in range(start - 1, max(start - 8, 2), -1):
            country = countries.get(end)
            at = country.start - 1 if country is not None and doc[country.start - 1].lower_ == "the" else (
                country.start if country is not None else 0)  # "her counterpart from the Maldives, X"
            if country is not None and at > 1 and doc[at - 1].lower_ == "from" and (
                    doc[at - 2].lower_ in word_list("counterpart_words")) and all(
                    t.tag_ == "POS" or t.is_lower and t.is_alpha for t in doc[end:start - 1]):
                return country
            if not (doc[end - 1].tag_ == "POS" or doc[end - 1].is_lower or end - 1 in countries):
                break
    return None



def country_subject(doc: Doc, its) -> Span | None:
    """The country "its" refers to when that country is the subject of the clause: "Kiribati sent its vice
    president", "New Zealand was represented by its climate change ambassador" (not "the firm and its chairman")."""
    verb = its.head
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None
    return next((s for s in doc.spans.get(COUNTRIES_KEY, []) if s.label_ == "COUNTRY" and s.start <= subj.i < s.end),
                None)


def country_referred_to(doc: Doc, i: int) -> Span | None:
    """The country "the country" at doc[i] refers to: the one country named in its sentence and the one
    before it, before doc[i]; None where two are."""
    sent = doc[i].sent
    first = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    before = [s for s in doc.spans.get(COUNTRIES_KEY, []) if first <= s.start and s.end <= i]
    return before[-1] if before and len({s.kb_id_ for s in before}) == 1 else None
