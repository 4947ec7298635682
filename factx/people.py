"""People: PERSON entities and title-introduced names, grouped into individuals and linked to titles.

Why our own code: spaCy's NER finds name strings, not people. It misses names right after a title
("Undersecretary María Teresa Mercado"), does not know that "Akahori" is "Takeshi Akahori", and takes
capitalised headings ("Key Highlights") for people. This component:
1. collects candidate mentions: PERSON entities (mended where NER cut a name, with titles and honorifics
   trimmed off, and not where the context makes the name a company's, party's or place's: "the grocer X",
   "the X party", "an analyst at X"), plus capitalised names that directly follow a title or an honorific,
   precede ", who", lead a biography ("X (1878 – 1951) was") or name a relative ("His brother, X,");
2. drops mentions in heading labels ("Key Highlights of the Meeting:") and title-case headlines unless the
   name recurs as a person;
3. groups mentions into people (a surname or partial name joins the full name it belongs to) and adds the
   other occurrences of each known name in the document that NER missed (document-level consistency);
4. links each title to the person it describes (before the name, appositive, "X, who is …", "X was named …",
   "the company's chairman, X") and gives a person the country written before their title.
Results: doc.spans["factx_people"] (one span per mention, kb_id = the person's name), doc._.factx_people
(list of Person), and on each title Span._.factx_person (the person's name or None) and Span._.factx_link
(how the text ties them: "before", "apposition", "predicate", or None).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .countries import BODIES_KEY
from .countries import SPANS_KEY as COUNTRIES_KEY
from .countries import office_words, title_modifiers
from .data import load_json
from .doctext import text_of
from .titles import SPANS_KEY as TITLES_KEY

SPANS_KEY = "factx_people"
MAX_NAME_TOKENS = 5
HEADING_LABEL_WORDS = 8  # "Key Highlights of the Meeting:" is a label; a sentence with a colon is not
BLOCKING_ENTS = {"ORG", "GPE", "LOC", "FAC", "PRODUCT", "NORP", "EVENT", "WORK_OF_ART", "LAW"}
# How a title is tied to its person (Span._.factx_link, the output's titles[].link):
LINK_BEFORE = "before"          # the title is written right before the name: "Prime Minister Theresa May"
LINK_APPOSITION = "apposition"  # next to the name, set off by a comma: "May, the prime minister"; "the PM, May"
LINK_PREDICATE = "predicate"    # said of the person by a verb: "May, who is prime minister"; "May became PM"

if not Doc.has_extension("factx_people"):
    Doc.set_extension("factx_people", default=None)
if not Span.has_extension("factx_person"):
    Span.set_extension("factx_person", default=None)
if not Span.has_extension("factx_link"):
    Span.set_extension("factx_link", default=None)


@dataclass
class Person:
    name: str  # as written in the text ("Akufo-Addo", not "Akufo - Addo")
    mentions: list[Span] = field(default_factory=list)
    titles: list[Span] = field(default_factory=list)
    country: str | None = None
    words: list[str] = field(default_factory=list)  # the name's token texts: "Akufo", "-", "Addo"

    @property
    def tokens(self) -> list[str]:
        return self.words or self.name.split()


class PeopleLinker:
    def __init__(self, nlp: Language, name: str = "factx_people"):
        self.nlp = nlp
        self.name = name
        words = load_json("people.json")
        self.honorifics = set(words["honorifics"])
        self.honorific_ids = {nlp.vocab.strings.add(h) for h in self.honorifics}  # compared without making strings
        self.link_verbs = set(words["link_verbs"])
        self.fillers = set(words["appositive_fillers"])
        self.speech_verbs = set(words["speech_verbs"])
        self.not_name_words = set(words["not_name_words"])

    # -- 1. candidates ------------------------------------------------------------------------------
    def _is_name_token(self, doc: Doc, i: int, taken: set[int], first: bool = False) -> bool:
        """A capitalised word that may be part of a name right after a title or honorific. NER's GPE or ORG
        guess is overruled there ("Spokeswoman Sandy Angers": Angers is also a French city)."""
        tok = doc[i]
        return (i not in taken and _name_word(tok) and tok.text[0].isupper() and tok.lower_ not in self.honorifics
                and (tok.lower_ not in self.not_name_words or first and tok.lower_ in _words("surname_first_words")) and (tok.ent_type_ not in BLOCKING_ENTS or tok.pos_ == "PROPN"))

    def _plausible(self, span: Span) -> bool:
        """Not a product, organisation or code that NER took for a person: "App Store", "30GB"."""
        # A surname that is also a thing's word may start a name: "Park Jae-won" (but "Central Park" is a place).
        words = span[1:] if len(span) > 1 and span[0].lower_ in _words("surname_first_words") else span
        if any(t.lower_ in self.not_name_words for t in words):
            return False
        line_upper = _line(span).isupper()
        return all(line_upper or not t.is_alpha or any(c.islower() for c in t.text) for t in span)

    def _evidence(self, person: "Person", honorific_starts: set[int]) -> bool:
        """A one-word name needs evidence that it names a person: a title, an honorific, or a speech verb
        ("said Angers", "Jobs said"). Otherwise it is more often a product or company ("Tiger", "Ryanair").
        A capital city (models/capitals.json) with only a speech verb is the government speaking ("Kyiv said")."""
        if person.titles or any(len(m) > 1 for m in person.mentions):
            return True
        doc = person.mentions[0].doc
        if any(m.start in honorific_starts for m in person.mentions):
            return True
        if person.name in _capitals():
            return False  # "said Accra would decide": the capital speaks for its government
        for m in person.mentions:
            near = [doc[j] for j in (m.start - 1, m.end, m.end + 1) if 0 <= j < len(doc)]
            if any(t.lower_ in self.speech_verbs for t in near):
                return True
        return False

    def _candidates(self, doc: Doc, titles: list[Span], taken: set[int], honorific_starts: set[int]) -> list[Span]:
        title_tokens = {i for t in titles for i in range(t.start, t.end)}
        cands = []
        for ent in self._person_ents(doc, title_tokens | taken):
            start, end = ent.start, ent.end
            while start < end and (start in title_tokens or start in taken or doc[start].lower_ in self.honorifics
                                   or not _name_word(doc[start])):
                start += 1
            while end > start and (not _name_word(doc[end - 1]) or _INITIAL.fullmatch(doc[end - 1].text)
                                   or end - 1 in taken):
                end -= 1  # "Akahori 's", a trailing country word
            while end + 1 < len(doc) and _name_hyphen(doc, end, start):
                end += 2  # NER stopped at the hyphen: "Kang Min[-seok]", "Edmund Harcourt[-Blythe]"
            if start > 0 and doc[start - 1].lower_ in ("the", "a", "an") and start == ent.start:
                continue  # "the Bill", "the Leave campaign", "the Warsaw Ghetto": a thing, not a person
            if start == ent.start and self._after_thing_words(doc, start, end):
                continue  # "the draft Bill", "an Alternative Referendum Bill"
            if self._thing_context(doc, start, end):
                continue  # "the Irish grocer Dunnes Harbour", "an economist at Kotak Horizon", "the Ak Zhol party"
            if start < end and any(doc[i].text[0].isupper() for i in range(start, end)) and self._plausible(
                    doc[start:end]):
                cands.append(doc[start:end])
        covered = {i for c in cands for i in range(c.start, c.end)}
        # a name NER missed or called an organisation, followed by ", who": "replacing Anders Lykke, who is retiring"
        for i in range(2, len(doc) - 1):
            if doc[i].text == "," and doc[i + 1].lower_ == "who" and i - 1 not in covered:
                start = self._name_ending_at(doc, i, 4, taken, covered, title_tokens, hyphens=True)
                while start < i and doc[start].lower_ in _particles():
                    start += 1
                if i - start >= 2 and all(doc[j].pos_ == "PROPN" or not doc[j].is_alpha or doc[j].lower_ in _particles()
                                          for j in range(start, i)) and doc[start].ent_type_ in ("", "PERSON", "ORG"):
                    cands.append(doc[start:i])
                    covered.update(range(start, i))
        # a biography's lead, "Álvaro Mendes Cabral (3 May 1878 – 19 January 1951) was", and a relative
        # named in apposition, "His younger brother, Niels Aagaard Holm,": names NER often calls organisations
        for i in range(len(doc) - 1):
            if doc[i].text == "(" and doc[i + 1].ent_type_ == "DATE" and _lead_verb_after(doc, i):
                start = self._name_ending_at(doc, i, 5, taken, covered)
                if i - start >= 2 and (start == 0 or "\n" in doc[start - 1].whitespace_) and not any(
                        doc[j].ent_type_ in BLOCKING_ENTS - {"ORG"} for j in range(start, i)):
                    cands.append(doc[start:i])
                    covered.update(range(start, i))
            elif doc[i].text == "," and i > 0 and doc[i - 1].lower_ in _words("kin_nouns"):
                end = i + 1
                while end < len(doc) and end - i <= 5 and (self._is_name_token(doc, end, taken)
                                                          or doc[end].lower_ in _particles()):
                    end += 1
                if end - i - 1 >= 2 and end < len(doc) and doc[end].text == "," and i + 1 not in covered:
                    cands.append(doc[i + 1:end])
                    covered.update(range(i + 1, end))
        # names NER missed right after a title or an honorific: "Undersecretary María Teresa Mercado"
        triggers = [t.end for t in titles] + sorted(honorific_starts)
        # and after a singular title and a comma: "The U.S. ambassador to Japan, Rahm Emanuel, said" (two words at least)
        after_comma = {t.end + 1 for t in titles if t.kb_id_ != "plural" and t.end < len(doc) and doc[t.end].text == ","
                       and not (t.start > 0 and doc[t.start - 1].text == "(")}  # "(managing director, Daehan India)"
        for start in sorted(set(triggers) | after_comma):
            if start >= len(doc) or start in covered:
                continue
            end = start
            while (end < len(doc) and end - start < MAX_NAME_TOKENS and end not in covered
                   and end not in title_tokens and (self._is_name_token(doc, end, taken, first=end == start)
                                                    or _name_hyphen(doc, end, start)
                                                    or _after_name_hyphen(doc, end, start))):
                end += 1
            if start in after_comma and start not in triggers and not (
                    end - start >= 2 and all(doc[i].ent_type_ in ("", "PERSON", "ORG") and (
                        doc[i].pos_ == "PROPN" or _name_hyphen(doc, i, start) or _after_name_hyphen(doc, i, start))
                                             for i in range(start, end))
                    and (end == len(doc) or not doc[end].is_alpha or doc[end].pos_ in ("VERB", "AUX"))):
                continue
            if end > start and self._thing_context(doc, start, end):
                continue  # "managing director of the Irish grocer Dunnes Harbour"
            if end > start and doc[start].pos_ == "PROPN":
                joined = next((c for c in cands if c.start == end and end - start <= 2 and (
                    doc[start].ent_type_ in ("", "PERSON"))), None)
                if joined is not None:  # NER took only the surname: "Mayor of London Sadiq [Khan]"
                    cands.remove(joined)
                    end = joined.end
                cands.append(doc[start:end])
                covered.update(range(start, end))
        return sorted(cands, key=lambda s: s.start)

    def _name_ending_at(self, doc: Doc, end: int, limit: int, taken: set[int], *skip: set[int],
                        hyphens: bool = False) -> int:
        """Where a name of fewer than `limit` words that ends at `end` starts: name words and particles (and
        name hyphens), not crossing tokens in the `skip` sets."""
        start = end
        while start > 0 and end - start < limit and all(start - 1 not in s for s in skip) and (
                self._is_name_token(doc, start - 1, taken) or (hyphens and _name_hyphen(doc, start - 1, -1))
                or doc[start - 1].lower_ in _particles()):
            start -= 1
        return start

    def _honorific_starts(self, doc: Doc) -> set[int]:
        """Where a name starts after a capitalised honorific ("Mr.", "Count"; not "the vote count")."""
        return {i + 1 for i, tok in enumerate(doc) if tok.lower in self.honorific_ids and tok.text[:1].isupper()}

    def _thing_context(self, doc: Doc, start: int, end: int) -> bool:
        """The words around a name make it a company's, a party's or a place's (models/people.json
        "thing_nouns"): a thing noun right before it ("the grocer X", "the town of X") or after it ("the X
        party"), "<job> at X" (a workplace: "an economist at X"), or right after "acquire/buy"."""
        prev = doc[start - 1] if start > 0 else None
        if prev is not None and prev.lower_ == "of" and start > 1:
            prev = doc[start - 2]
        if prev is not None and prev.is_lower and prev.lower_ in _words("thing_nouns"):
            return True
        if start > 1 and doc[start - 1].lower_ == "at" and doc[start - 2].lower_ in _words("workplace_nouns"):
            return True  # "an economist at Kotak Horizon"; not "jeered at Boris Johnson"
        if end < len(doc) and doc[end].is_lower and doc[end].lower_ in _words("thing_nouns"):
            return True
        verb = doc[start - 1] if start > 0 else None
        return verb is not None and verb.lower_ in _words("transaction_verbs") and verb.pos_ == "VERB"

    def _after_thing_words(self, doc: Doc, start: int, end: int) -> bool:
        """The words before a name make it a thing's: a capitalised word of organisations and things right
        before it ("Referendum Bill"), or "the"/"a" and lowercase words that are not office modifiers ("the
        draft Bill", for a one-word name; but "the late Smith", "the young Anna Berg")."""
        prev = doc[start - 1] if start > 0 else None
        if prev is None:
            return False
        if prev.is_title and prev.lower_ in self.not_name_words and not prev.is_sent_start:
            return True
        if prev.tag_ == "POS" and end - start == 1:
            return True  # "a Private Member's Bill"
        i = start - 1
        while i >= 0 and start - i <= 2 and doc[i].is_lower and doc[i].pos_ in ("ADJ", "NOUN") and (
                doc[i].lower_ not in title_modifiers()):
            i -= 1
        return end - start == 1 and i < start - 1 and i >= 0 and doc[i].lower_ in ("the", "a", "an")

    def _person_ents(self, doc: Doc, blocked: set[int]) -> list[Span]:
        """NER's PERSON entities, mended where NER cut one name in two: two PERSON entities side by side are
        one name ("Andrés Felipe" + "Rincón Duarte"), and capitalised words NER left out right before or after
        a name of two words or more belong to it ("named economist [Lucía] Fernanda Quintero", "Juan Pablo [Herrera Soto]")."""
        ents = [e for e in doc.ents if e.label_ == "PERSON"]
        merged: list[Span] = []
        for ent in ents:
            start = ent.start
            while (start > 0 and start - 1 not in blocked and not doc[start - 1].is_sent_start
                   and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper() and _name_word(doc[start - 1])
                   and doc[start - 1].tag_ != "NNPS" and doc[start - 1].lower_ not in office_words()
                   and doc[start - 1].ent_type_ in ("", "NORP") and doc[start - 1].lower_ not in self.honorifics
                   and doc[start - 1].lower_ not in self.not_name_words and "\n" not in doc[start - 1].whitespace_
                   and ent.start - start < 3 and (len(ent) >= 2 or _INITIAL.fullmatch(doc[start - 1].text))):
                start -= 1
            end = ent.end
            while (len(ent) >= 2 and end < len(doc) and end - start < MAX_NAME_TOKENS and end not in blocked
                   and doc[end].ent_type_ == ""
                   and doc[end].pos_ == "PROPN" and doc[end].is_title and doc[end].is_alpha
                   and doc[end].lower_ not in self.not_name_words and "\n" not in doc[end - 1].whitespace_):
                end += 1  # NER stopped early: "[Juan Pablo] Herrera Soto"
            if end > ent.end and end < len(doc) and doc[end].pos_ == "NOUN":
                end = ent.end  # the capitalised words modify a noun: "Charles Court Background Main article"
            if merged and merged[-1].end == start and "\n" not in doc[start - 1].whitespace_:
                merged[-1] = doc[merged[-1].start:end]
            else:
                merged.append(doc[start:end])
        return merged

    def _in_heading_label(self, span: Span) -> bool:
        """True inside a short label that ends in a colon at the start of a line ("Key Highlights of X:")."""
        text = text_of(span.doc)
        line_start = text.rfind("\n", 0, span.start_char) + 1
        colon = text.find(":", span.end_char)
        newline = text.find("\n", span.end_char)
        if colon < 0 or (0 <= newline < colon):
            return False
        label = text[line_start:colon]
        if len(label.split()) > HEADING_LABEL_WORDS or re.search(r"[.!?,;]", label):
            return False
        # A label is written in title case: its lowercase words are function words ("of the"). A lowercase
        # verb makes it a sentence that introduces a quote: 'Russian President Vladimir Putin said: "…"'.
        return not any(w.is_lower and w.is_alpha and (not w.is_stop or w.lower_ in self.speech_verbs)
                       for w in self._label_tokens(span.doc, line_start, colon))

    @staticmethod
    def _label_tokens(doc: Doc, start_char: int, end_char: int) -> list:
        span = doc.char_span(start_char, end_char, alignment_mode="expand")
        return list(span) if span is not None else []

    # -- 3. grouping ----------------------------------------------------------------------------------
    @staticmethod
    def _find_person(people: list[Person], words: list[str]) -> Person | None:
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

    def _group(self, mentions: list[Span]) -> list[Person]:
        people: list[Person] = []
        # Full names first so that an early "Akahori" in a headline still joins "Takeshi Akahori".
        for span in sorted(mentions, key=lambda s: (-len(s), s.start)):
            words = [t.text for t in span]
            person = self._find_person(people, words)
            if person is None:
                people.append(Person(name=re.sub(r"\s+", " ", span.text), words=words))
                person = people[-1]
            person.mentions.append(span)
        for p in people:
            p.mentions.sort(key=lambda s: s.start)
        # Report the full name as first introduced: order people by their first mention.
        return sorted(people, key=lambda p: p.mentions[0].start)

    def _recurring(self, doc: Doc, people: list[Person], taken: set[int]) -> None:
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
                if any(j in used or j in taken for j in span_ids) or self._inside_other_name(doc, i, n):
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

    @staticmethod
    def _inside_other_name(doc: Doc, i: int, n: int) -> bool:
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

    # -- 4. linking -----------------------------------------------------------------------------------
    def _link(self, doc: Doc, titles: list[Span], people: list[Person]) -> None:
        by_start = {m.start: p for p in people for m in p.mentions}
        by_end = {m.end: p for p in people for m in p.mentions}
        countries = {s.end: s for key in (BODIES_KEY, COUNTRIES_KEY) for s in doc.spans.get(key, [])}
        found = {title.start: self._person_for(doc, title, by_start, by_end) for title in titles}
        # A title right before another that is linked to a name describes the same person: "the military
        # governor Major-General Friedrich Eberhardt", "Head of the OKW, Field-Marshal Wilhelm Keitel".
        for title in reversed(titles):
            if found[title.start][0] is not None:
                continue
            sep = doc[title.end].lower_ if title.end < len(doc) else ""
            nxt = title.end + 1 if sep in (",", "and", "&") else title.end
            while sep == "," and nxt < len(doc) and doc[nxt].lower_ in ("the", "most", "right", "very"):
                nxt += 1  # "Archbishop of Kenya, the Most Rev. Samuel Chebet"
            person, link = found.get(nxt, (None, None))
            if person is not None and (link == LINK_BEFORE or sep in ("and", "&") and link == LINK_APPOSITION):
                # also "Co-founder and chief executive Jane Roe", "deputy prime minister and foreign minister, X"
                found[title.start] = (person, LINK_APPOSITION if sep == "," else LINK_BEFORE)
        # What the patterns above miss, the parse may still say: "X, who ..., was named chief executive",
        # "X will join the board as vice chairman", "named X, a former lawyer, as its general counsel".
        owner = {i: p for p in people for m in p.mentions for i in range(m.start, m.end)}
        title_at = {i: t.start for t in titles for i in range(t.start, t.end)}
        for title in titles:
            if found[title.start][0] is None:
                found[title.start] = self._by_parse(doc, title, owner, found, title_at)
        for title in titles:
            person, link = found[title.start]
            title._.factx_person = person.name if person else None
            title._.factx_link = link
            if person is None:
                continue
            group = [person] + (self._listed_after(doc, title.end, by_start)
                                if title.kb_id_ == "plural" and link == LINK_BEFORE else [])
            for member in group:  # "Labour MPs Siobhain McDonagh and Chuka Umunna": each is a Labour MP
                member.titles.append(title)
                if member.country is None:
                    member.country = self._country_for(doc, title, countries)
        mentions_only = {s.end: s for s in doc.spans.get(COUNTRIES_KEY, [])}
        for person in people:
            if person.country is None:
                person.country = self._country_by_name(doc, person, mentions_only)

    @staticmethod
    def _country_by_name(doc: Doc, person: Person, countries: dict[int, Span]) -> str | None:
        """A nationality or a country's possessive right before the name ("Kenyan Brian Kiprotich", "Japan's
        Ryota Fujiwara", "the Italian Marco Bellandi"), a nationality in an apposition after it ("Henrik
        Sorensen, a Danish diplomat"), "of <country>" after it ("Referee Pierre-Yves Mbaye of Senegal") or a
        nationality's counterpart before it ("Her Colombian counterpart, Andrés Restrepo")."""
        starts = {s.start: s for s in countries.values()}
        for m in person.mentions:
            code = _country_before(doc, m.start, countries)
            if code is not None:
                return code
            k = m.end
            if k + 2 < len(doc) and doc[k].text == "," and doc[k + 1].lower_ in ("a", "an", "the") and (
                    k + 2 in starts and starts[k + 2].label_ == "NATIONALITY"):
                return starts[k + 2].kb_id_
            if k + 1 < len(doc) and doc[k].lower_ == "of" and k + 1 in starts and starts[k + 1].label_ == "COUNTRY":
                after = starts[k + 1].end
                if after >= len(doc) or not doc[after].is_title:
                    return starts[k + 1].kb_id_  # "Referee Pierre-Yves Mbaye of Senegal"
        return None

    @staticmethod
    def _by_parse(doc: Doc, title: Span, owner: dict, found: dict,
                  title_at: dict[int, int]) -> tuple[Person | None, str | None]:
        """The person a title is said of, read from the dependency parse: the subject of a copula or of
        "named/appointed/become" ("Berg was named chief executive"), the object of "name X as" or the
        subject of "serve/join as", a title conjoined with a linked one ("co-founder and chief executive")."""
        if not doc.has_annotation("DEP"):
            return None, None  # a --model without a parser
        root = title.root
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
            """The person last named before a pronoun, in the same paragraph."""
            para = text_of(doc).rfind("\n\n", 0, tok.idx)
            for i in range(tok.i - 1, -1, -1):
                if doc[i].idx < para:
                    return None
                if i in owner:
                    return owner[i]
            return None

        def subject(verb) -> Token | None:
            for _ in range(3):
                subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is not None or verb.dep_ not in ("xcomp", "ccomp", "conj", "advcl"):
                    return subj
                verb = verb.head
            return None

        if root.dep_ == "conj" and not (title.start <= root.head.i < title.end):
            other = title_at.get(root.head.i)  # the title this one is conjoined with
            if other is not None and found[other][0] is not None:
                return found[other]
        if root.dep_ in ("attr", "oprd"):
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
        return None, None

    @staticmethod
    def _listed_after(doc: Doc, start: int, by_start: dict) -> list[Person]:
        """The people named in a list after the name at `start`: "[Siobhain McDonagh] and Chuka Umunna"."""
        group: list[Person] = []
        person = by_start[start]
        end = next(m.end for m in person.mentions if m.start == start)
        while end + 1 < len(doc) and doc[end].lower_ in (",", "and") and (
                end + 1 in by_start or doc[end + 1].lower_ == "and" and end + 2 in by_start):
            start = end + 1 if end + 1 in by_start else end + 2
            other = by_start[start]
            group.append(other)
            end = next(m.end for m in other.mentions if m.start == start)
        return group

    def _person_for(self, doc: Doc, title: Span, by_start: dict,
                    by_end: dict) -> tuple[Person | None, str | None]:
        """The person a title describes, and how the text ties them: LINK_BEFORE, LINK_APPOSITION or
        LINK_PREDICATE (see the constants)."""
        # before the name: "Vice Minister of Foreign Affairs Takeshi Akahori", "Conservative MP Sir Gerald Howarth"
        if title.end in by_start:
            return by_start[title.end], LINK_BEFORE
        if title.end + 1 in by_start and doc[title.end].lower_ in self.honorifics:
            return by_start[title.end + 1], LINK_BEFORE
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
            return by_end[i], link
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
    def _country_for(doc: Doc, title: Span, countries: dict[int, Span]) -> str | None:
        """The country written before a title ("Japanese Vice Minister", "Britain's Prime Minister") or in it
        ("President of Mexico", "deputy director of the Chinese customs administration"; not "ambassador to
        Japan": that is where the person serves)."""
        start = title.start
        while start > 0 and not doc[start - 1].is_upper and doc[start - 1].lower_ in _words("office_body_words"):
            start -= 1  # "China's foreign ministry spokesman"
        code = _country_before(doc, start, countries)
        if code is not None:
            return code
        inside = [s for key in (COUNTRIES_KEY, BODIES_KEY) for s in doc.spans.get(key, [])
                  if title.start <= s.start and s.end <= title.end and not (s.start > 0 and doc[s.start - 1].lower_ == "to")]
        return inside[0].kb_id_ if inside else None

    def __call__(self, doc: Doc) -> Doc:
        titles = list(doc.spans.get(TITLES_KEY, []))
        taken = {i for s in doc.spans.get(COUNTRIES_KEY, []) for i in range(s.start, s.end)}
        honorific_starts = self._honorific_starts(doc)
        mentions = self._candidates(doc, titles, taken, honorific_starts)
        people = self._group(mentions)
        # A heading label's or a title-case headline's "person" stays only if the same name is a person
        # elsewhere in the text ("Rovers Sack Manager After Cup Exit").
        people = [p for p in people if not all(self._in_heading_label(m) or _in_headline(m) for m in p.mentions)]
        self._recurring(doc, people, taken | {i for t in titles for i in range(t.start, t.end)})
        self._link(doc, titles, people)
        people = [p for p in people if self._evidence(p, honorific_starts)]
        for title in titles:
            if title._.factx_person is not None and not any(p.name == title._.factx_person for p in people):
                title._.factx_person = None
                title._.factx_link = None
        doc._.factx_people = people
        doc.spans[SPANS_KEY] = [Span(doc, m.start, m.end, label="PERSON", kb_id=p.name)
                                for p in people for m in p.mentions]
        return doc


def _country_before(doc: Doc, start: int, countries: dict[int, Span]) -> str | None:
    """The country written right before position `start` (countries: spans by their end): a nationality or a
    name ("Japanese Vice Minister", "Kenyan Brian Kiprotich"), a possessive ("Britain's Prime Minister",
    "Ethiopia's Meseret Tadesse") or a counterpart set off by a comma ("his Dutch counterpart, Finance
    Minister …", "Her Colombian counterpart, Andrés Restrepo")."""
    if start in countries:
        return countries[start].kb_id_
    if start > 0 and doc[start - 1].tag_ == "POS" and start - 1 in countries:
        return countries[start - 1].kb_id_
    if start > 2 and doc[start - 1].text == "," and doc[start - 2].lower_ in _words("counterpart_words") and (
            start - 2 in countries):
        return countries[start - 2].kb_id_
    return None


@lru_cache(maxsize=None)
def _words(key: str) -> frozenset[str]:
    """A word list from models/people.json."""
    return frozenset(load_json("people.json")[key])


def _lead_verb_after(doc: Doc, i: int) -> bool:
    """The parenthesis opened at i closes within a few words and "was"/"is" follows: a biography's lead."""
    for j in range(i + 1, min(i + 16, len(doc) - 1)):
        if doc[j].text == ")":
            return doc[j + 1].lower_ in ("was", "is")
    return False


def _in_headline(span: Span) -> bool:
    """The mention is on a line written in title case (a headline or heading of four words or more)."""
    line = span.doc.char_span(*_line_bounds(span), alignment_mode="expand")
    if line is None:
        return False
    words = [t for t in line if t.is_alpha and not t.is_stop]
    if line[0].lower_ in ("by", "photo", "photos", "pictured") or any(t.text in ",:;" for t in line):
        return False  # a byline or a caption's list of names
    return len(words) >= 4 and not any(t.text in ".!?" for t in line[:-1]) and all(
        t.text[0].isupper() for t in words)


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


def _name_hyphen(doc: Doc, i: int, start: int) -> bool:
    """A hyphen written without spaces inside a name: "Akufo-Addo", "Schwede-Coburg", and a romanised given
    name's lowercase syllable: "Jae-won", "Wei-ting"."""
    return (start < i < len(doc) - 1 and doc[i].text == "-" and not doc[i - 1].whitespace_ and not doc[i].whitespace_
            and doc[i + 1].is_alpha and (doc[i + 1].text[0].isupper() or _syllable(doc[i + 1]))
            and doc[i + 1].lower_ not in _words("hyphen_suffixes"))  # not "Smith-led", "Merkel-era"


_APOSTROPHE_NAME = re.compile(r"[A-Z][a-z]?['’][A-Z][a-zà-ÿ]+")  # O'Driscoll, D'Souza
_INITIAL = re.compile(r"[A-Z]\.")


def _name_word(tok) -> bool:
    """A word of a name: letters, an apostrophe name ("O'Driscoll") or an initial ("R.")."""
    return tok.is_alpha or bool(_APOSTROPHE_NAME.fullmatch(tok.text)) or bool(_INITIAL.fullmatch(tok.text))


def _syllable(tok) -> bool:
    return tok.is_lower and tok.is_alpha and len(tok) <= 5


def _after_name_hyphen(doc: Doc, i: int, start: int) -> bool:
    """The lowercase syllable after a name hyphen: "won" in "Jae-won"."""
    return i - 1 > start and _name_hyphen(doc, i - 1, start) and _syllable(doc[i])


def _line_bounds(span: Span) -> tuple[int, int]:
    """Character offsets of the line the span is on."""
    text = text_of(span.doc)
    end = text.find("\n", span.end_char)
    return text.rfind("\n", 0, span.start_char) + 1, len(text) if end < 0 else end


def _line(span: Span) -> str:
    start, end = _line_bounds(span)
    return text_of(span.doc)[start:end]


def _is_subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(w in it for w in short)


@Language.factory("factx_people", requires=["doc.ents", "doc._.factx_countries", "doc._.factx_titles"],
                  assigns=["doc.spans", "doc._.factx_people", "span._.factx_person", "span._.factx_link"])
def make_people_linker(nlp: Language, name: str) -> PeopleLinker:
    return PeopleLinker(nlp, name)


@lru_cache(maxsize=1)
def _capitals() -> frozenset[str]:
    return frozenset(load_json("capitals.json")["capitals"])


@lru_cache(maxsize=1)
def _particles() -> frozenset[str]:
    return frozenset(load_json("people.json").get("name_particles", []))


def _particles_lower(words: list[str]) -> list[str]:
    return [w.lower() if w.lower() in _particles() else w for w in words]
