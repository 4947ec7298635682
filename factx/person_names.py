"""Finding people's names in a Doc: the first step of the people component (factx/people.py).

Candidates are spaCy PERSON entities, mended where NER cut a name and trimmed of titles and honorifics,
and not where the context makes the name a company's, party's or place's ("the grocer X", "the X party",
"an analyst at X"); plus capitalised names right after a title or an honorific, before ", who", leading a
biography ("X (1878 – 1951) was") or naming a relative ("His brother, X,"). Word lists: models/people.json.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc, Span

from .countries import SPANS_KEY as COUNTRIES_KEY
from .countries import person_words, title_modifiers
from .data import load_json
from .doctext import text_of
from .ner_names import _INITIAL, SUFFIXES, _name_word, person_ents
from .title_complements import nationality_words
from .nationality_names import person_name_after
from .name_particles import (MAX_NAME_TOKENS, _after_name_hyphen, _name_hyphen, capitals, particle_bridge,  # noqa: F401
                             particles, word_list)  # word_list, capitals: also imported from here by other modules

if TYPE_CHECKING:
    from .person_groups import Person

HEADING_LABEL_WORDS = 8  # "Key Highlights of the Meeting:" is a label; a sentence with a colon is not
COPULAS = {"is", "was", "are", "were"}
SAINTS = {"st", "st.", "saint", "ste", "ste."}  # not "San", "Santa": "San Martín" is a person too
BLOCKING_ENTS = {"ORG", "GPE", "LOC", "FAC", "PRODUCT", "NORP", "EVENT", "WORK_OF_ART", "LAW"}


class NameFinder:
    """Candidate name mentions of one Doc (`candidates`), and the tests that keep or drop a person."""

    def __init__(self, nlp: Language):
        words = load_json("people.json")
        self.honorifics = set(words["honorifics"])
        self.honorific_ids = {nlp.vocab.strings.add(h) for h in self.honorifics}  # compared without making strings
        self.speech_verbs = set(words["speech_verbs"])
        self.not_name_words = set(words["not_name_words"])

    def _is_name_token(self, doc: Doc, i: int, taken: set[int], first: bool = False) -> bool:
        """A capitalised word that may be part of a name right after a title or honorific. NER's GPE or ORG
        guess is overruled there ("Spokeswoman Sandy Angers": Angers is also a French city)."""
        tok = doc[i]
        return (i not in taken and _name_word(tok) and tok.text[0].isupper() and tok.lower_ not in self.honorifics
                and tok.text[:-1] not in nationality_words()  # "Ukrainians [Oleh Kravets] and"
                and (tok.lower_ not in self.not_name_words or first and tok.lower_ in word_list("surname_first_words")) and (tok.ent_type_ not in BLOCKING_ENTS or tok.pos_ == "PROPN"))

    def _plausible(self, span: Span, after_title: bool = False) -> bool:
        """Not a product, organisation or code that NER took for a person: "App Store", "30GB". Right after a
        title or honorific a thing's word may end a name NER found: "Representative Jane Hall"."""
        # A surname that is also a thing's word may start a name: "Park Jae-won" (but "Central Park" is a place).
        words = span[1:] if len(span) > 1 and span[0].lower_ in word_list("surname_first_words") else span
        if after_title and len(span) >= 2 and span[0].ent_type_ == "PERSON" and (
                span[-1].lower_ in word_list("thing_surnames")):
            words = span[:-1]  # "Representative Jane Hall"; not "fund manager Yellow Capital"
        if any(t.lower_ in self.not_name_words and not (t.i > span.start + 1 and _name_hyphen(t.doc, t.i - 1, span.start))
               for t in words):
            return False  # (but a double surname may end in one: "Elona Dervishi-Hall")
        if any(t.is_lower and t.is_alpha and t.lower_ not in particles() and not (t.i > 0 and t.nbor(-1).text == "-")
               for t in span) or span[-1].text in ("-", "–"):
            return False  # "ex-Ketama", "telenovela El alma", "Tire kebab", a name cut at its hyphen ("Jean-")
        if any(t.is_digit or t.text in ("-", "–", "—") and t.whitespace_ and _spaced_before(t) for t in span):
            return False  # NER's run over a dateline: "Oct 2 - Three [ministers]"
        if span[0].lower_ in SAINTS and len(span) >= 2:
            return False  # "St John", "Saint Paul": a church's, an order's or a place's name
        if len(span) == 1 and span[0].lower_ in person_words():
            return False  # "Head [Writer]", "the [Coach]": a title's word, not a name (but "succeeding Jobs")
        line_upper = _line(span).isupper()
        return all(line_upper or not t.is_alpha or any(c.islower() for c in t.text) or t.lower_ in particles()
                   or t.i > span.start and _REGNAL.fullmatch(t.text) for t in span)  # "Carol II", "Seán Ó Floinn"

    @staticmethod
    def said_to_be_thing(span: Span) -> bool:
        """A copula says the name is a place, a group or a work (people.json "thing_predicates"): "Lough Derg
        and Lough Ree are lakes", "Fyllingen Fotball was a Norwegian football club"."""
        tok = span.root
        while tok.dep_ == "conj" and tok.head.i != tok.i:
            tok = tok.head
        if tok.dep_ != "nsubj" or tok.head.lower_ not in COPULAS:
            return False
        return any(c.dep_ == "attr" and c.lower_ in word_list("thing_predicates") for c in tok.head.children)

    def evidence(self, person: Person, honorific_starts: set[int]) -> bool:
        """A one-word name needs evidence that it names a person: a title, an honorific, or a speech verb
        ("said Angers", "Jobs said"). Otherwise it is more often a product or company ("Tiger", "Ryanair").
        A capital city (models/capitals.json) with only a speech verb is the government speaking ("Kyiv said")."""
        if all(len(m) == 1 and m[0].lower_ in person_words()
               and any(t.end == m.start for t in person.titles) for m in person.mentions):
            return False  # a title word right after a title: "Head [Writer]", "Head [Coach]"
        if person.titles or any(len(m) > 1 for m in person.mentions):
            return True
        doc = person.mentions[0].doc
        if any(m.start in honorific_starts for m in person.mentions):
            return True
        if person.name in capitals():
            return False  # "said Accra would decide": the capital speaks for its government
        for m in person.mentions:
            if (m.start == 0 or "\n" in doc[m.start - 1].whitespace_) and m.end < len(doc) and doc[m.end].text == "(" and (
                    doc[m.end + 1].lower_ in word_list("lead_birth_words") and _lead_verb_after(doc, m.end)):
                return True  # a biography's lead: "Zevs (born Christophe Aguirre Schwarz …) is a French street artist"
            near = [doc[j] for j in (m.start - 1, m.end, m.end + 1) if 0 <= j < len(doc)]
            if any(t.lower_ in self.speech_verbs for t in near):
                return True
        return False

    def candidates(self, doc: Doc, titles: list[Span], taken: set[int], honorific_starts: set[int]) -> list[Span]:
        title_tokens = {i for t in titles for i in range(t.start, t.end)}
        title_ends = {t.end for t in titles}
        cands = []
        for ent in person_ents(doc, title_tokens | taken):
            start, end = ent.start, ent.end
            while start < end and (start in title_tokens or start in taken or doc[start].lower_ in self.honorifics
                                   or not _name_word(doc[start]) or doc[start].lower_ in ("the", "a", "an")
                                   or end - start >= 3 and doc[start].text in nationality_words()):
                start += 1
            while end > start and (not _name_word(doc[end - 1]) or _INITIAL.fullmatch(doc[end - 1].text)
                                   or doc[end - 1].text in SUFFIXES and end - start < 3  # "Nick Jr." a channel
                                   or end - 1 in taken):
                end -= 1  # "Akahori 's", a trailing country word
            while end + 1 < len(doc) and _name_hyphen(doc, end, start):
                end += 2  # NER stopped at the hyphen: "Kang Min[-seok]", "Edmund Harcourt[-Blythe]"
            end = next((i for i in range(start + 1, end) if doc[i].tag_ == "POS"), end)  # "E. L. Doctorow['s Ragtime]"
            if start > 0 and doc[start - 1].lower_ in ("the", "a", "an") and (
                    start == ent.start or doc[ent.start].lower_ in ("the", "a", "an") and doc[start - 1].i == ent.start):
                continue  # "the Bill", "the Leave campaign", "the Warsaw Ghetto", NER's "the National Socialists"
            if start == ent.start and self._after_thing_words(doc, start, end):
                continue  # "the draft Bill", "an Alternative Referendum Bill"
            if self._thing_context(doc, start, end):
                continue  # "the Irish grocer Dunnes Harbour", "an economist at Kotak Horizon", "the Ak Zhol party"
            if start < end and any(doc[i].text[0].isupper() for i in range(start, end)) and self._plausible(
                    doc[start:end], after_title=start in title_ends or start in honorific_starts):
                cands.append(doc[start:end])
        covered = {i for c in cands for i in range(c.start, c.end)}
        # a name NER missed or called an organisation, followed by ", who": "replacing Anders Lykke, who is retiring"
        for i in range(2, len(doc) - 1):
            if doc[i].text == "," and doc[i + 1].lower_ == "who" and i - 1 not in covered:
                start = self._name_ending_at(doc, i, 4, taken, covered, title_tokens, hyphens=True)
                while start < i and doc[start].lower_ in particles():
                    start += 1
                if i - start >= 2 and all(doc[j].pos_ == "PROPN" or not doc[j].is_alpha or doc[j].lower_ in particles()
                                          for j in range(start, i)) and doc[start].ent_type_ in ("", "PERSON", "ORG"):
                    cands.append(doc[start:i])
                    covered.update(range(start, i))
        # a biography's lead, "Álvaro Mendes Cabral (3 May 1878 – 19 January 1951) was", and a relative
        # named in apposition, "His younger brother, Niels Aagaard Holm,": names NER often calls organisations
        for i in range(len(doc) - 1):
            if doc[i].text == "(" and (doc[i + 1].ent_type_ == "DATE" or doc[i + 1].lower_ in word_list(
                    "lead_birth_words") or doc[i + 1].text == "?" or doc[i + 1].text[:4].isdigit() or (
                    i + 2 < len(doc) and doc[i + 1].is_title and doc[i + 2].text == ":")) and _lead_verb_after(doc, i):
                # the lead's name replaces a part of it NER found: "Annika [Virtanen] (born 1962) is"
                end = i
                if i > 2 and doc[i - 1].text == ")" and doc[i - 2].text == "(":
                    end = i - 2  # an empty parenthesis first: "Zakhary Petrovich Lyapunov () (? -after 1612) was"
                if doc[i - 1].text == "," and i > 1:  # "Fatih Terim, Commendatore OSSI, T.C, (born 1953) is"
                    line = next((j for j in range(i - 1, -1, -1) if j == 0 or "\n" in doc[j - 1].whitespace_), 0)
                    end = next((j for j in range(line, i) if doc[j].text == ","), i)
                start = self._name_ending_at(doc, end, MAX_NAME_TOKENS + 3, taken, hyphens=True)  # hyphens count
                nickname = any(doc[j].text in _QUOTES for j in range(start, end))  # NER: 'Jimmy" Frise' a work
                if end - start >= 2 and (start == 0 or "\n" in doc[start - 1].whitespace_) and (nickname or not any(
                        doc[j].ent_type_ in BLOCKING_ENTS - {"ORG"} and not _unknown_word(doc, j, taken)
                        for j in range(start, end))):
                    cands = [c for c in cands if not (start <= c.start and c.end <= end)]
                    cands.append(doc[start:end])
                    covered.update(range(start, end))
            elif doc[i].text == "," and i > 0 and doc[i - 1].lower_ in word_list("kin_nouns"):
                end = i + 1
                while end < len(doc) and end - i <= 5 and (self._is_name_token(doc, end, taken)
                                                          or doc[end].lower_ in particles()):
                    end += 1
                if end - i - 1 >= 2 and end < len(doc) and doc[end].text == "," and i + 1 not in covered:
                    cands.append(doc[i + 1:end])
                    covered.update(range(i + 1, end))
        # names NER missed right after a title or an honorific: "Undersecretary María Teresa Mercado"
        triggers = [t.end for t in titles] + sorted(honorific_starts)
        # and after a counterpart: "her Chilean counterpart Ana Soto", "her Chilean counterpart, Ana Soto,"
        triggers += [t.i + 2 if doc[t.i + 1].text == "," else t.i + 1 for t in doc[:-1]
                     if t.lower_ in word_list("counterpart_words")]
        # and after a singular title and a comma: "The U.S. ambassador to Japan, Rahm Emanuel, said" (two words at least)
        after_comma = {t.end + 1 for t in titles if t.kb_id_ != "plural" and t.end < len(doc) and doc[t.end].text == ","
                       and not (t.start > 0 and doc[t.start - 1].text == "(")}  # "(managing director, Daehan India)"
        # and after a party member's noun: "fellow Democrat Sidney Yates", "Republican Mitt Romney said"
        party = {t.i + 1 for t in doc[:-1] if t.is_title and t.lower_ in word_list("party_member_words")}
        # and after a nationality used as a noun: "the American Tyler Brandt-Okafor", "Irishman Tadhg Kennelly"
        party |= {s.end for s in doc.spans.get(COUNTRIES_KEY, []) if s.label_ == "NATIONALITY"
                  and person_name_after(doc, s.end) is not None}
        party |= {s.end + 1 for s in doc.spans.get(COUNTRIES_KEY, []) if s.end + 1 < len(doc)  # "Spain's Ana Beltrán"
                  and doc[s.end].tag_ == "POS" and person_name_after(doc, s.end + 1) is not None}
        for start in sorted(set(triggers) | after_comma | party):
            if start >= len(doc) or start in covered:
                continue
            end = start
            while (end < len(doc) and end - start < MAX_NAME_TOKENS and end not in covered
                   and end not in title_tokens and (self._is_name_token(doc, end, taken, first=end == start)
                                                    or _name_hyphen(doc, end, start)
                                                    or _after_name_hyphen(doc, end, start)
                                                    or end > start and particle_bridge(doc, end))):
                end += 1
            joined = next((c for c in cands if c.start == end and end - start <= 3 and doc[start].pos_ == "PROPN" and (
                doc[start].ent_type_ in ("", "PERSON", "ORG"))), None) if end > start else None
            if joined is not None:  # NER took only the surname: "Mayor of London Sadiq [Khan]", "Beatriz dos [Santos Machava]"
                end = joined.end
            if start in after_comma and start not in triggers and not (
                    end - start >= 2 and all(doc[i].ent_type_ in ("", "PERSON", "ORG") and (
                        doc[i].pos_ == "PROPN" or _name_hyphen(doc, i, start) or _after_name_hyphen(doc, i, start)
                        or doc[i].lower_ in particles()) for i in range(start, end))
                    and (end == len(doc) or not doc[end].is_alpha or doc[end].pos_ in ("VERB", "AUX"))):
                continue
            if start in party and start not in triggers and not (end - start >= 2 and all(
                    (doc[i].pos_ == "PROPN" or _name_hyphen(doc, i, start)) and doc[i].ent_type_ in ("", "PERSON", "ORG")
                    for i in range(start, end))):
                continue  # "Republican National Committee" is no name; "Democrat Sidney Yates" is
            if end > start and self._thing_context(doc, start, end):
                continue  # "managing director of the Irish grocer Dunnes Harbour"
            if end > start and end < len(doc) and doc[end].is_title and doc[end].lower_ in self.not_name_words and (
                    doc[end].lower_ not in word_list("surname_first_words")):
                continue  # the capitalised words run on into a thing's name: "fund manager Yellow Capital"
            if end > start and doc[start].pos_ == "PROPN":
                if joined is not None:
                    cands.remove(joined)
                cands.append(doc[start:end])
                covered.update(range(start, end))
        return sorted(cands, key=lambda s: s.start)

    def _name_ending_at(self, doc: Doc, end: int, limit: int, taken: set[int], *skip: set[int],
                        hyphens: bool = False) -> int:
        """Where a name of fewer than `limit` words that ends at `end` starts: name words and particles (and
        name hyphens), not crossing tokens in the `skip` sets."""
        start = end
        while start > 0 and end - start < limit and all(start - 1 not in s for s in skip):
            if self._is_name_token(doc, start - 1, taken) or (hyphens and _name_hyphen(doc, start - 1, -1)) or (
                    doc[start - 1].lower_ in particles()):
                start -= 1
            elif hyphens and start > 3 and end - start >= 1 and _QUOTES.get(doc[start - 1].text) == doc[start - 3].text and (
                    self._is_name_token(doc, start - 2, taken) and self._is_name_token(doc, start - 4, taken)):
                start -= 3  # a nickname in quotes inside the name: 'Michael John "Mike" Padden'
            else:
                break
        return start

    def honorific_starts(self, doc: Doc) -> set[int]:
        """Where a name starts after a capitalised honorific ("Mr.", "Count"; not "the vote count")."""
        return {i + 1 for i, tok in enumerate(doc) if tok.lower in self.honorific_ids and tok.text[:1].isupper()}

    def _thing_context(self, doc: Doc, start: int, end: int) -> bool:
        """The words around a name make it a company's, a party's or a place's (models/people.json
        "thing_nouns"): in quotes, a thing noun right before it ("the grocer X", "the town of X") or after it ("the X
        party"), "<job> at X" (a workplace: "an economist at X"), or right after "acquire/buy"."""
        prev = doc[start - 1] if start > 0 else None
        if prev is not None and prev.text in ('"', "“") and end < len(doc) and doc[end].text in ('"', "”"):
            return True  # a song's or a book's title in quotes: 'the single "Pale Shelter"'
        if prev is not None and prev.is_lower and prev.lower_ in word_list("work_nouns"):
            return True  # "the album My Own Way", "the series Family Guy" (not "of": "the release of X")
        if prev is not None and prev.text == "," and start > 1 and doc[start - 2].is_lower and (
                doc[start - 2].lower_ in word_list("work_nouns")) and doc[start - 2].i > 0 and (
                doc[start - 3].lower_ in ("first", "second", "third", "last", "latest", "debut", "new", "his", "her")):
            return True  # "His first novel, Dimri i gjatë (The Long Winter), appeared"
        if prev is not None and prev.text == "Miss" and (any(t.ent_type_ in ("GPE", "LOC") or t.lower_ in word_list(
                "pageant_words") for t in doc[start:end]) or end < len(doc) and doc[end].like_num):
            return True  # a beauty pageant: "Miss Hong Kong", "Miss Universe 1984", "Femina Miss India World"
        if prev is not None and prev.lower_ == "of" and start > 1:
            prev = doc[start - 2]
        if prev is not None and prev.is_lower and prev.lower_ in word_list("thing_nouns"):
            return True
        if start > 1 and doc[start - 1].lower_ == "at" and doc[start - 2].lower_ in word_list("workplace_nouns"):
            return True  # "an economist at Kotak Horizon"; not "jeered at Boris Johnson"
        if end < len(doc) and doc[end].is_lower and doc[end].lower_ in word_list("thing_nouns"):
            return True
        verb = doc[start - 1] if start > 0 else None
        return verb is not None and verb.lower_ in word_list("transaction_verbs") and verb.pos_ == "VERB"

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

    def in_heading_label(self, span: Span) -> bool:
        """True inside a short label that ends in a colon at the start of a line ("Key Highlights of X:")."""
        text = text_of(span.doc)
        line_start = text.rfind("\n", 0, span.start_char) + 1
        colon = text.find(":", span.end_char)
        newline = text.find("\n", span.end_char)
        if colon < 0 or (0 <= newline < colon):
            return False
        label = text[line_start:colon]
        if len(label.split()) > HEADING_LABEL_WORDS or re.search(r"[.!?,;]", label) or label.count("(") > label.count(")"):
            return False  # the colon inside a parenthesis: "Ketevan Lomidze (Georgian: ქეთევან ლომიძე; born 1988) is"
        # A label is written in title case: its lowercase words are function words ("of the"). A lowercase
        # verb makes it a sentence that introduces a quote: 'Russian President Vladimir Putin said: "…"'.
        return not any(w.is_lower and w.is_alpha and (not w.is_stop or w.lower_ in self.speech_verbs)
                       for w in self._label_tokens(span.doc, line_start, colon))

    @staticmethod
    def _label_tokens(doc: Doc, start_char: int, end_char: int) -> list:
        span = doc.char_span(start_char, end_char, alignment_mode="expand")
        return list(span) if span is not None else []



def _unknown_word(doc: Doc, j: int, taken: set[int]) -> bool:
    """NER's NORP/GPE/LOC guess on a word factx knows as no country, nationality or capital: "[Marthese] Zammit
    Lupi (born 1964) is" (a lead's name)."""
    return doc[j].ent_type_ in ("NORP", "GPE", "LOC") and j not in taken and doc[j].text not in capitals()


def _lead_verb_after(doc: Doc, i: int) -> bool:
    """The parenthesis opened at i closes within a few words and "was"/"is" follows: a biography's lead."""
    for j in range(i + 1, min(i + 24, len(doc) - 1)):
        if doc[j].text == ")":
            return doc[j + 1].lower_ in ("was", "is")
    return False


def in_headline(span: Span) -> bool:
    """The mention is on a line written in title case (a headline or heading of four words or more)."""
    line = span.doc.char_span(*_line_bounds(span), alignment_mode="expand")
    if line is None:
        return False
    words = [t for t in line if t.is_alpha and not t.is_stop]
    if line[0].lower_ in ("by", "photo", "photos", "pictured") or any(t.text in ",:;" for t in line):
        return False  # a byline or a caption's list of names
    return len(words) >= 4 and not any(t.text in ".!?" for t in line[:-1]) and all(
        t.text[0].isupper() for t in words)



_REGNAL = re.compile(r"[IVX]{1,5}")  # a regnal number after a name: "Carol II", "Louis XIV"
_QUOTES = {'"': '"', "”": "“", "'": "'", "’": "‘"}  # closing quote -> its opening quote


def _spaced_before(tok) -> bool:
    """The token before `tok` is followed by whitespace (a dash written apart: "Oct 2 - The")."""
    return tok.i > 0 and bool(tok.doc[tok.i - 1].whitespace_)


def _line_bounds(span: Span) -> tuple[int, int]:
    """Character offsets of the line the span is on."""
    text = text_of(span.doc)
    end = text.find("\n", span.end_char)
    return text.rfind("\n", 0, span.start_char) + 1, len(text) if end < 0 else end


def _line(span: Span) -> str:
    start, end = _line_bounds(span)
    return text_of(span.doc)[start:end]
