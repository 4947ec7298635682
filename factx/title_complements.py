"""How far a title reaches to the right: its complement ("of Foreign Affairs", "for livestock and fisheries",
"to Japan" after "ambassador", "of Chile's state copper commission"), stopping before a person's name written
right after it. A mixin of factx/titles.py's TitleFinder, which holds the word lists it reads (title_words.json:
domains, modifiers, possessed_bodies; people.json: not_name_words, thing_nouns)."""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from .countries import country_names
from .data import load_json, load_jsonl
from .name_particles import given_names

COMPLEMENT_PREPS = {"of", "for"}
COMPLEMENT_JOINERS = {"and", "&", "the"}


class TitleComplements:
    def _extend_right(self, doc: Doc, end: int, person_starts: set[int], no_go: set[int],
                      to_ok: bool = False) -> int:
        """Take "of Foreign Affairs", "for Wales", "of the Treasury" (and "to Japan" after "ambassador"): a
        preposition and a capitalised run. The run stops before a person's name written right after it
        ("Minister for Trade and Industry Lim Hng Kiang", "Governor of the Bank of England Mark Carney"), takes
        a hyphenated place ("Mayor of Saint-Quentin") and the noun of a nationality adjective ("professor of
        European law")."""
        preps = COMPLEMENT_PREPS | ({"to"} if to_ok else set())
        while end + 1 < len(doc) and doc[end].lower_ in preps:
            i = end + 1
            if i < len(doc) and doc[i].lower_ == "the":
                i += 1
            if i + 1 < len(doc) and doc[i].is_lower and doc[i].pos_ == "ADJ" and i + 1 in no_go:
                i += 1  # "prime minister of independent Ghana"
            j = i
            while j < len(doc) and j not in person_starts and (
                    _capitalised_token(doc[j]) or (doc[j].lower_ in COMPLEMENT_JOINERS and j > i
                                                   and j + 1 < len(doc) and _capitalised_token(doc[j + 1]))
                    or (doc[j].text in ("-", "–") and j > i and not doc[j - 1].whitespace_
                        and j + 1 < len(doc) and _capitalised_token(doc[j + 1]))
                    or (doc[j].text == "," and j > i and self._listed_portfolio(doc, j + 1))):
                j += 1  # also a list of portfolios: "Minister of Sea, Inland Waters and Fisheries"
            if j in person_starts and j - 2 > i and doc[j - 1].text == "-" and not doc[j - 2].whitespace_ and (
                    not doc[j - 1].whitespace_):
                j -= 2  # the name starts before its hyphen, where NER did not: "… Beautification Kerri-[Ann Forde]"
            if j == i and doc[i - 1].lower_ != "the":
                j = self._domain_run(doc, i)  # "head of strategy", "secretary for international affairs"
            if j == i and doc[i - 1].lower_ == "the":
                while j < len(doc) and j - i < 3 and doc[j].is_lower and doc[j].pos_ in ("ADJ", "NOUN"):
                    j += 1  # "chief of the county", "president of the company"
                while j > i and doc[j - 1].pos_ != "NOUN":
                    j -= 1
            if j == i:
                break
            if j < len(doc) and doc[j].tag_ == "POS":
                k = j + 1
                while k < len(doc) and k - j <= 4 and (doc[k].is_lower or doc[k].is_title) and doc[k].is_alpha and (
                        doc[k].pos_ in ("ADJ", "NOUN", "PROPN")):
                    k += 1  # "Chile's state copper commission", "Latvia's Constitutional Court"
                if k > j + 1 and doc[k - 1].lower_ in self.bodies and (
                        k == len(doc) or not doc[k].is_alpha or doc[k].pos_ in ("VERB", "AUX")):
                    end = k  # "head of Chile's state copper commission,": a body, before a comma or a verb
                    continue
                break  # "a spokesman for Ghana's president": the office is the possessor's, not a complement
            j = self._before_name(doc, i, j, no_go)
            if j - i == 1 and (_nationality(doc[i]) or doc[i].pos_ == "ADJ" or i in no_go) and (
                    j < len(doc) and doc[j].pos_ == "NOUN" and doc[j].is_lower):
                while j < len(doc) and doc[j].pos_ == "NOUN" and doc[j].is_lower:
                    j += 1  # "professor of European law"
                k = j
                thing = doc[j - 1].lower_ in self.thing_nouns  # "club X" names the club, whatever NER says
                while k < len(doc) and k - j < 3 and _capitalised_token(doc[k]) and (thing or k not in person_starts):
                    k += 1
                if k > j and (k == len(doc) or not _capitalised_token(doc[k])):
                    j = k  # the noun's name: "coach of Welsh club Bala Athletic"
            end = j
        return end

    def _listed_portfolio(self, doc: Doc, i: int) -> bool:
        """Capitalised words from doc[i], one a portfolio word (title_words.json "domains"), then "and" and a
        capitalised word: the rest of a list of portfolios after a comma ("Cabinet Secretary for Mining, [Blue
        Economy and Maritime Affairs]"), or of places ("governors of Canada, [Brazil and Indonesia]"), not names
        after it ("foreign ministers of Peru, Ana Ruiz and Tom Berg")."""
        j = i
        while j < len(doc) and j - i < 4 and _capitalised_token(doc[j]) and doc[j].ent_type_ != "PERSON":
            j += 1
        return j > i and j + 1 < len(doc) and doc[j].lower_ == "and" and _capitalised_token(doc[j + 1]) and (
            any(t.lower_ in self.domains for t in doc[i:j]) or all(t.ent_type_ == "GPE" for t in doc[i:j + 2]
                                                                   if t.i != j))  # "of Canada, Brazil and Indonesia"

    def _before_name(self, doc: Doc, i: int, j: int, no_go: set[int]) -> int:
        """Where a complement run doc[i:j] ends if it finishes with a person's name (2-4 name-like words).

        A name never holds an organisation word ("the Jewish Combat Organization" is the complement whole)."""
        if j < len(doc) and _capitalised_token(doc[j]):
            for k in (j - 1, j - 2):  # NER took only the surname: "Mayor of London Sadiq [Khan]"
                if k > i and self._place(doc, i, k) and all(self._name_like(t) for t in doc[k:j]):
                    return k
            return j
        for k in range(max(i + 1, j - 4), j - 1):
            name = doc[k:j]
            if k in no_go or doc[k - 1].lower_ in COMPLEMENT_JOINERS or doc[k - 1].lower_ in COMPLEMENT_PREPS:
                continue
            if doc[k - 1].text in ("-", "–") and not doc[k - 2].whitespace_:
                continue  # inside a hyphenated word: "U.S. Indo-Pacific Command"
            if _nationality(doc[k - 1]):
                continue  # an adjective does not end a complement: "governor of the Danish West Indies"
            if not all(self._name_like(t) for t in name):
                continue
            first = doc[k]
            if first.ent_type_ == "PERSON" and (first.ent_iob_ == "B" or k - 1 in no_go):
                return k  # "Ambassador to the United Kingdom Matthew Barzun" (NER: "Kingdom Matthew Barzun")
            if first.ent_type_ in ("", "PERSON") and doc[k - 1].lower_ in self.domains:
                return k  # "Minister for Trade and Industry Lim Hng Kiang"
            if self._place(doc, i, k) and j - k <= 3 and not (
                    first.ent_iob_ == "I" and first.ent_type_ in ("ORG", "FAC")):
                return k  # "First Minister of Wales Carwyn Jones", "Chief Minister of Gibraltar Fabian Picardo"
            if name.text in self._person_names(doc):
                return k  # the name is a person elsewhere in the text
        k = j - 2
        if k > i and k not in no_go and doc[k - 1].lower_ not in COMPLEMENT_JOINERS and not _nationality(doc[k - 1]) and all(
                self._name_like(t) and t.ent_iob_ == "I" and t.ent_type_ in ("ORG", "GPE", "FAC") for t in doc[k:j]) and (
                doc[k].text in given_names() or self._place(doc, i, i + 1)
                or not (doc[i].ent_iob_ == "B" and doc[i].ent_type_ in ("ORG", "FAC"))):
            # NER ran the office's body and a two-word name together: "the Bank of England Mark Carney", "president of
            # Warsaw Stanisław Wyganowski"; but a body NER labelled whole is whole: "… of Radio Free Europe"
            if k - 2 > i and doc[k - 1].text == "-" and not doc[k - 1].whitespace_ and not doc[k - 2].whitespace_:
                return k - 2  # a hyphenated given name: "… for Foreign Affairs [Marie-Claire Hoareau]"
            return k
        return j

    def _domain_run(self, doc: Doc, i: int) -> int:
        """End of a lowercase portfolio after "of"/"for": up to three words, adjectives or portfolio words,
        ending in a portfolio word from title_words.json ("strategy", "international affairs", "human
        resources"), or several joined by "and" (and commas before it): "livestock and fisheries", "energy and
        mineral resources", "mining, energy and water". Returns i when there is none."""
        best, j = i, i
        while True:
            end = self._one_domain(doc, j)
            if end == j:
                return best
            if doc[j - 1].lower_ == "and" or doc[j - 1].text != ",":
                best = end  # a comma's conjunct counts once the "and" one after it is found
            if end + 1 < len(doc) and (doc[end].lower_ == "and" or doc[end].text == ","):
                j = end + 1
            else:
                return best

    def _one_domain(self, doc: Doc, i: int) -> int:
        best = i
        for j in range(i + 1, min(i + 3, len(doc)) + 1):
            words = doc[i:j]
            if not all(t.is_lower and t.is_alpha for t in words):
                break
            last = words[-1].lower_
            two = doc[j - 2:j].text.lower() if j - i >= 2 else ""
            if (last in self.domains or two in self.domains) and all(
                    t.lower_ in self.domains or t.pos_ == "ADJ" or f"{t.lower_} {doc[t.i + 1].lower_}" in self.domains
                    for t in words[:-1]):
                best = j
        return best

    def _name_like(self, tok: Token) -> bool:
        return (tok.is_alpha and tok.is_title and tok.pos_ == "PROPN" and tok.lower_ not in self.domains
                and tok.lower_ not in self.modifiers and tok.lower_ not in self.not_name_words)

    @staticmethod
    def _place(doc: Doc, i: int, k: int) -> bool:
        """doc[i:k] is one place: a GPE or LOC entity, or a country or territory name ("Wales", "Gibraltar")."""
        words = doc[i:k]
        if len(words) == 0 or len(words) > 3:
            return False
        if all(t.ent_type_ in ("GPE", "LOC") for t in words) and (words[0].ent_iob_ == "B" or i > 0 and (
                doc[i - 1].ent_type_ not in ("GPE", "LOC"))):
            return True
        return words.text in place_names()

    @staticmethod
    def _person_names(doc: Doc) -> set[str]:
        return {e.text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1}


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Names of countries, territories and the UK's nations (pycountry and models/countries.jsonl) as places:
    what may stand between an office and a person's name ("Chief Minister of Gibraltar Fabian Picardo")."""
    return country_names() | {r["pattern"] for r in load_jsonl("countries.jsonl") if isinstance(r["pattern"], str)
                              and r["label"] in ("COUNTRY", "NOT_COUNTRY") and " " not in r["pattern"]}


@lru_cache(maxsize=1)
def nationality_words() -> frozenset[str]:
    """Nationality adjectives: models/countries.jsonl's NATIONALITY rows and title_words.json's
    "nation_adjectives" of nations that are not countries ("Welsh", "Scottish")."""
    return frozenset([r["pattern"] for r in load_jsonl("countries.jsonl") if isinstance(r["pattern"], str)
                      and r["label"] == "NATIONALITY" and " " not in r["pattern"]]
                     + load_json("title_words.json").get("nation_adjectives", []))


def _nationality(tok: Token) -> bool:
    """A nationality adjective: NER's NORP or a word of nationality_words() ("Danish", "Welsh")."""
    return tok.ent_type_ == "NORP" or tok.text in nationality_words()


def _capitalised_token(tok: Token) -> bool:
    return tok.is_alpha and (tok.is_title or tok.is_upper) or tok.text in {"U.S.", "U.K."}
