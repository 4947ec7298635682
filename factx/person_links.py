"""Linking titles and countries to people: the third step of the people component (factx/people.py).

Each title is tied to the person it describes (before the name, in apposition, "X, who is …", "X was named
…", "the company's chairman, X"; Span._.factx_person and Span._.factx_link) and a person gets the country
written before their title or name.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .countries import BODIES_KEY
from .countries import SPANS_KEY as COUNTRIES_KEY
from .data import load_json
from .doctext import text_of
from .person_groups import Person
from .office_places import country_before, country_only, country_subject, subdivision_after, subdivision_before
from .person_countries import PersonCountries, subdivision_context, worked_in
from .person_names import word_list
from .title_lists import (LINK_APPOSITION, LINK_BEFORE, LINK_PREDICATE, antecedents, continue_appositions, listed_after,
                          listed_pair)

MAX_PRONOUN_SENTENCES = 8  # how far back a subject "he"/"she" is followed through sentences whose subject it is


class TitleLinker:
    """Ties titles to people and gives people their country (`link`)."""

    def __init__(self, nlp: Language):
        people_words = load_json("people.json")
        self.honorifics = set(people_words["honorifics"])
        self.link_verbs = set(people_words["link_verbs"])
        self.fillers = set(people_words["appositive_fillers"])
        self.countries = PersonCountries(nlp)

    def link(self, doc: Doc, titles: list[Span], people: list[Person]) -> None:
        by_start = {m.start: p for p in people for m in p.mentions}
        by_end = {m.end: p for p in people for m in p.mentions}
        countries = {s.end: s for key in (BODIES_KEY, COUNTRIES_KEY) for s in doc.spans.get(key, [])
                     if not worked_in(doc, s)}  # not "a Cuban-trained doctor"
        found = {title.start: self._person_for(doc, title, by_start, by_end) for title in titles}
        country_tokens = {i for s in doc.spans.get(COUNTRIES_KEY, []) for i in range(s.start, s.end)}
        # A title right before another that is linked to a name describes the same person: "the military
        # governor Major-General Friedrich Eberhardt", "Head of the OKW, Field-Marshal Wilhelm Keitel".
        for title in reversed(titles):
            if found[title.start][0] is not None or title.kb_id_ == "plural":
                continue  # a plural before another title names others: "Ministers and Speaker Ann Zorn met"
            sep = doc[title.end].lower_ if title.end < len(doc) else ""
            nxt = title.end + 1 if sep in (",", "and", "&") else title.end
            while sep == "," and nxt < len(doc) and (doc[nxt].lower_ in ("the", "a", "an", "most", "right", "very",
                                                                         "former") or nxt in country_tokens):
                nxt += 1  # "Archbishop of Kenya, the Most Rev. Samuel Chebet", "Her coach, the Australian player X"
            person, link = found.get(nxt, (None, None))
            if person is not None and (link == LINK_BEFORE or sep in ("and", "&") and link == LINK_APPOSITION):
                # also "Co-founder and chief executive Jane Roe", "deputy prime minister and foreign minister, X"
                found[title.start] = (person, LINK_APPOSITION if sep == "," else LINK_BEFORE)
        continue_appositions(doc, titles, found, by_start)
        # What the patterns above miss, the parse may still say: "X, who ..., was named chief executive",
        # "X will join the board as vice chairman", "named X, a former lawyer, as its general counsel".
        owner = {i: p for p in people for m in p.mentions for i in range(m.start, m.end)}
        title_at = {i: t.start for t in titles for i in range(t.start, t.end)}
        for title in titles:
            if found[title.start][0] is None:
                found[title.start] = self._by_parse(doc, title, owner, found, title_at)
        continue_appositions(doc, titles, found, by_start)  # again: the parse may have linked the first one
        antecedents(doc, titles, found)
        for title in titles:
            person, link = found[title.start]
            title._.factx_person = person.name if person else None
            title._.factx_link = link
            if person is None:
                continue
            named_at = min((m.start for m in person.mentions if m.start >= title.end), default=None)
            group = [person] + (listed_after(doc, named_at, by_start)
                                if title.kb_id_ == "plural" and named_at is not None and (link == LINK_BEFORE or (
                                    link in (LINK_APPOSITION, LINK_PREDICATE) and named_at == title.end + 1)) else [])
            # the countries of a plural's complement, one per person in order: "The central bank governors of
            # Canada, Brazil and Indonesia, A, B and C" (several that do not pair up: none of them)
            listed = [c for c in doc.spans.get(COUNTRIES_KEY, []) if title.start <= c.start and c.end <= (named_at or 0)
                      and c.label_ == "COUNTRY"] if len(group) > 1 else []
            for k, member in enumerate(group):  # "Labour MPs Siobhain McDonagh and Chuka Umunna": each is a Labour
                #                                 MP (also "Two judges, Paulina Ruelas of Mexico and Sérgio Nunes of Brazil,")
                member.titles.append(title)
                if member.country is None and len(listed) > 1:
                    member.set_country(listed[k] if len(listed) == len(group) else None)
                elif member.country is None:
                    member.set_country(self._country_for(doc, title, countries))
        mentions_only = {s.end: s for s in doc.spans.get(COUNTRIES_KEY, []) if not worked_in(doc, s)}
        for person in people:
            if person.country is None:
                person.set_country(self._country_by_name(doc, person, mentions_only, titles))
        self.countries.link(doc, people)
        _compatriots(doc, people)

    @staticmethod
    def _country_by_name(doc: Doc, person: Person, countries: dict[int, Span], titles: list[Span]) -> Span | None:
        """A nationality or a country's possessive right before the name ("Kenyan Brian Kiprotich", "Japan's
        Ryota Fujiwara", "the Italian Marco Bellandi"), a nationality in an apposition after it ("Henrik
        Sorensen, a Danish diplomat"), "of <country>" after it ("Referee Pierre-Yves Mbaye of Senegal") or a
        nationality's counterpart before it ("Her Colombian counterpart, Andrés Restrepo")."""
        starts = {s.start: s for s in countries.values()}
        for m in person.mentions:
            found = country_before(doc, m.start, countries)
            if found is not None:
                return found
            k = m.end
            if k + 2 < len(doc) and doc[k].text == "," and doc[k + 1].lower_ in ("a", "an", "the") and (
                    k + 2 in starts and starts[k + 2].label_ == "NATIONALITY") and not any(
                    t._.factx_person not in (None, person.name) for t in titles if k + 2 < t.start <= k + 6):
                return starts[k + 2]  # (not "X, the British high commissioner, Dame Y,": the title is Y's)
            if k + 1 < len(doc) and doc[k].lower_ == "of":
                j = k + 2 if doc[k + 1].lower_ == "the" else k + 1  # "Anneke van der Berg of the Netherlands"
                if j in starts and starts[j].label_ == "COUNTRY":
                    after = starts[j].end
                    if after >= len(doc) or not doc[after].is_title:
                        code = subdivision_context(doc, starts[j].text)
                        if code is not None:  # "Senator Ruth Baker of Georgia voted … in Washington": the US state
                            return Span(doc, j, after, label="COUNTRY", kb_id=code)
                        return starts[j]  # "Referee Pierre-Yves Mbaye of Senegal"
            found = subdivision_after(doc, k)
            if found is not None:
                return found
        return None

    @staticmethod
    def _by_parse(doc: Doc, title: Span, owner: dict, found: dict,
                  title_at: dict[int, int]) -> tuple[Person | None, str | None]:
        """The person a title is said of, read from the dependency parse: the subject of a copula or of
        "named/appointed/become" ("Berg was named chief executive"), the object of "name X as" or the
        subject of "serve/join as", a title conjoined with a linked one ("co-founder and chief executive")."""
        if not doc.has_annotation("DEP"):
            return None, None  # a --model without a parser
        # the office's own word: the parse may hang a later complement on the verb ("served as ambassador of
        # Albania [to Greece]"), which makes spaCy's span root that complement's preposition
        root = title.root
        if root.pos_ not in ("NOUN", "PROPN"):
            root = next((t for t in title if not title.start <= t.head.i < title.end and t.pos_ in ("NOUN", "PROPN")),
                        root)
        sent = title.sent
        def person_of(tok) -> Person | None:
            if tok is None:
                return None
            if tok.tag_ in ("WP", "WDT") and tok.head.dep_ == "relcl":
                tok = tok.head.head  # "Smith, who ... , was": the relative clause's antecedent
                if tok.i not in owner and tok.dep_ in ("attr", "appos") and tok.head.i != tok.i:
                    # "X was an Austrian politician who served as Chancellor": the antecedent is said of X
                    return person_of(subject(tok.head) if tok.dep_ == "attr" else tok.head)
            if tok.lower_ in ("he", "she") and tok.dep_ in ("nsubj", "nsubjpass"):
                return _previous_person(tok)  # "In 1922 he was appointed ambassador to Hungary"
            p = owner.get(tok.i)
            return p if p is not None and sent.start <= tok.i < sent.end else None

        def _previous_person(tok) -> Person | None:
            """The person a subject "he"/"she" refers to: the subject of the nearest sentence before it whose
            subject is a person (over sentences whose subject is "he"/"she" too: "In 1939 he
            was appointed ambassador to Mexico, where he met the painter A. As foreign minister he …"), else
            the person last named before it in the paragraph."""
            para = text_of(doc).rfind("\n\n", 0, tok.idx)
            sent = tok.sent
            for _ in range(MAX_PRONOUN_SENTENCES):  # across paragraphs while the subjects are "he"/"she"
                if sent.start == 0:
                    break
                sent = doc[sent.start - 1].sent
                subjects = [c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")]
                person = next((owner[c.i] for c in subjects if c.i in owner), None)
                if person is not None:
                    return person
                if subjects and not any(c.lower_ in ("he", "she") or any(
                        g.dep_ == "poss" and g.lower_ in ("his", "her") for g in c.children) for c in subjects):
                    break  # another subject (not "his first novel"): the nearest name is the best guess
            for i in range(tok.i - 1, -1, -1):
                if doc[i].idx < para:
                    return None
                if i in owner:
                    return owner[i]
            return None

        def subject(verb) -> Token | None:
            for _ in range(3):
                subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                lead = owner.get(verb.sent.start)
                if subj is None and lead is not None and verb.lower_ in ("is", "was") and doc[verb.i - 1].text == ")" and any(
                        m.start == verb.sent.start and doc[m.end].text == "(" for m in lead.mentions):
                    return doc[verb.sent.start]  # a lead the parse lost over its parenthesis: "X (Thai: …; born …) is"
                if subj is not None or verb.dep_ not in ("xcomp", "ccomp", "conj", "advcl"):
                    return subj
                verb = verb.head
            return None

        if root.dep_ == "conj" and not (title.start <= root.head.i < title.end):
            other = title_at.get(root.head.i)  # the title this one is conjoined with
            if other is not None and found[other][0] is not None:
                return found[other]
        passive_object = root.dep_ == "dobj" and any(c.dep_ == "auxpass" for c in root.head.children)
        if root.dep_ in ("attr", "oprd") or passive_object:  # also the parser's "was appointed [dobj] ambassador"
            p = person_of(subject(root.head))
            return (p, LINK_PREDICATE) if p else (None, None)
        prep = root.head
        while prep.dep_ == "conj" and prep.head.lower_ == "as" and prep.head.i != prep.i:
            prep = prep.head  # "served as governor … and as President of the Landsting"
        if root.dep_ == "pobj" and root.head.lower_ == "as" and prep.head.pos_ in ("VERB", "AUX"):
            verb = prep.head
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            p = person_of(obj) or person_of(subject(verb))
            return (p, LINK_PREDICATE) if p else (None, None)
        if root.dep_ == "appos":
            p = person_of(root.head)
            return (p, LINK_APPOSITION) if p else (None, None)
        copulas = ("are", "were") if title.kb_id_ == "plural" else ("is", "was")
        if root.dep_ == "nsubj" and root.head.lower_ in copulas and any(
                c.dep_ == "det" and c.lower_ == "the" for c in root.children):
            # the copula the other way round: "The new chairman is Anil Rampersad-Mohammed, 61", "The new
            # board members are A, a Dutch plant breeder; B, …" (each of them, factx/person_links.py link)
            p = person_of(next((c for c in root.head.children if c.dep_ == "attr"), None))
            return (p, LINK_PREDICATE) if p else (None, None)
        return None, None

    def _person_for(self, doc: Doc, title: Span, by_start: dict,
                    by_end: dict) -> tuple[Person | None, str | None]:
        """The person a title describes, and how the text ties them: LINK_BEFORE, LINK_APPOSITION or
        LINK_PREDICATE (see the constants)."""
        # before the name: "Vice Minister of Foreign Affairs Takeshi Akahori", "Conservative MP Sir Gerald Howarth"
        if title.end in by_start:
            return by_start[title.end], LINK_BEFORE
        if title.end + 1 in by_start and doc[title.end].lower_ in self.honorifics:
            return by_start[title.end + 1], LINK_BEFORE
        copulas = ("are", "were") if title.kb_id_ == "plural" else ("is", "was")
        if title.end + 1 in by_start and doc[title.end].lower_ in copulas:
            i = title.start - 1
            while i > 0 and doc[i].is_lower and doc[i].pos_ == "ADJ":
                i -= 1
            if i >= 0 and doc[i].lower_ == "the":  # "The new board members are A, …; B, …" (however parsed)
                return by_start[title.end + 1], LINK_PREDICATE
        # appositive / predicate: "Henderson, the chief executive of GM", "Smith, who is the company's chairman",
        # "Smith was named chairman"
        i = title.start - 1
        verb = False
        while i >= 0 and (doc[i].lower_ in self.fillers or doc[i].lower_ in self.link_verbs
                          or doc[i].ent_type_ in ("ORG", "GPE", "NORP") or doc[i].tag_ == "POS"
                          or _modifies(doc[i], title)):
            if doc[i].tag_ == "POS":  # a possessor: "the company's", "General Motors'"
                while i > 0 and doc[i - 1].pos_ in ("NOUN", "PROPN") and not (i - 1) in by_end:
                    i -= 1
            verb = verb or (doc[i].lower_ in self.link_verbs and doc[i].lower_ not in self.fillers)
            i -= 1
        link = LINK_PREDICATE if verb else LINK_APPOSITION
        if i >= 0 and doc[i].text == "," and i in by_end:
            listed = listed_pair(doc, title, by_start, self.honorifics)
            return (listed, LINK_APPOSITION) if listed is not None and not verb else (by_end[i], link)
        if i >= 0 and (i + 1) in by_end and i + 1 < title.start:
            return by_end[i + 1], link
        # name (title): "Rajesh Menon (managing director, Daehan India)"
        if title.start > 1 and doc[title.start - 1].text == "(" and title.start - 1 in by_end:
            return by_end[title.start - 1], LINK_APPOSITION
        # title, comma, name: "the company's chairman, Bill Smith"
        if title.end < len(doc) and doc[title.end].text == ",":
            k = title.end + 1
            if k < len(doc) and doc[k].lower_ in self.honorifics:
                k += 1  # "the Italian foreign minister, Count Ciano"
            if k in by_start:
                return by_start[k], LINK_APPOSITION
        return None, None

    @staticmethod
    def _country_for(doc: Doc, title: Span, countries: dict[int, Span]) -> Span | None:
        """The country written before a title ("Japanese Vice Minister", "Britain's Prime Minister") or in it
        ("President of Mexico", "deputy director of the Chinese customs administration"; not "ambassador to
        Japan": that is where the person serves)."""
        start = title.start
        while start > 0 and not doc[start - 1].is_upper and doc[start - 1].lower_ in word_list("office_body_words"):
            start -= 1  # "China's foreign ministry spokesman"
        state = subdivision_before(doc, start, country_only(title))  # "Alabama Attorney General", "Georgia Governor" (in the US)
        if state is not None:
            return state
        found = country_before(doc, start, countries)
        if found is not None:
            return found
        i = start  # a country's body, possessive: "Ghana's anti-doping agency chief"
        while i > 0 and start - i < 4 and (doc[i - 1].is_lower and doc[i - 1].is_alpha and doc[i - 1].lower_ != "its"
                                           or doc[i - 1].text == "-"):
            i -= 1
        if i < start and i > 0 and doc[i - 1].tag_ == "POS" and i - 1 in countries:
            return countries[i - 1]
        subject = country_subject(doc, doc[i - 1]) if i > 0 and doc[i - 1].lower_ == "its" else None
        if subject is not None:
            return subject  # "Kiribati sent its vice president", "represented by its climate change ambassador"
        k = title.end  # "head of Portugal's tourism board"
        if k + 2 < len(doc) and doc[k].lower_ == "of" and doc[k + 2].tag_ == "POS" and k + 2 in countries and (
                countries[k + 2].start == k + 1):
            return countries[k + 2]
        inside = [s for key in (COUNTRIES_KEY, BODIES_KEY) for s in doc.spans.get(key, [])
                  if title.start <= s.start and s.end <= title.end and not (
                      s.start > 0 and doc[s.start - 1].lower_ in ("to", "for", "in")  # where they serve: "chief for Zambia"
                      and not (s.end < len(doc) and doc[s.end].tag_ == "POS"))]  # but "for Uganda's foreign ministry"
        return inside[0] if inside else None


def _compatriots(doc: Doc, people: list[Person]) -> None:
    """"his compatriot X": X has the country of the nearest person before, in the paragraph, whose country the
    text gives, or of a nationality used as a subject there ("The Kenyan … pulled away from his compatriot X");
    the evidence is that person's (or that nationality's) words."""
    words = word_list("compatriot_words")
    for person in people:
        if person.country is not None:
            continue
        m = next((m for m in person.mentions if m.start > 1 and doc[m.start - 1].lower_ in words
                  and doc[m.start - 2].lower_ in ("his", "her", "their")), None)
        if m is None:
            continue
        para = text_of(doc).rfind("\n\n", 0, m.start_char)
        before = [(e.start, e) for e in doc.spans.get(COUNTRIES_KEY, []) if e.label_ == "NATIONALITY"
                  and e.root.dep_ == "nsubj" and para < e.start_char and e.end <= m.start]
        before += [(k.start, p.country_evidence) for p in people if p is not person and p.country is not None
                   and p.country_source == "text" for k in p.mentions if para < k.start_char and k.end <= m.start]
        if before:
            person.set_country(max(before, key=lambda x: x[0])[1])


def _modifies(tok, title: Span) -> bool:
    """A noun compound inside the title's phrase, written before it: "Auschwitz camp commandant"."""
    if tok.dep_ != "compound" or tok.i in (e.start for e in tok.doc.ents if e.label_ == "PERSON" and len(e) > 1):
        return False
    head = tok.head
    for _ in range(3):
        if title.start <= head.i < title.end:
            return True
        if head.dep_ != "compound":
            return False
        head = head.head
    return False
