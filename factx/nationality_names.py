"""A nationality used as a noun before a person's name: "the American Tyler Brandt-Okafor", "Irishman Tadhg
Kennelly", "Spain's Ana Beltrán Ocaña". The country finder (factx/countries.py) keeps such a nationality as a
mention, and the name finder (factx/person_names.py) takes the name after it; word lists: people.json
"not_name_words" and "region_words"."""
from __future__ import annotations


from spacy.tokens import Doc

from .name_particles import RELABELLED, given_names, particle_bridge, word_list


def person_name_after(doc: Doc, i: int) -> int | None:
    """Where a name of two to four capitalised words that starts at doc[i], right after a nationality used as a
    noun, ends ("the American [Tyler Brandt-Okafor] beat", "Irishman [Tadhg Kennelly] was"); None where the words
    name a thing ("the American Civil War", "the British Museum"): NER's other labels, a thing's word, an office.
    Also after a country's possessive ("Spain's [Ana Beltrán Ocaña]"). Not inside another name."""
    from .countries import office_words  # here, not at the top: countries.py imports this module
    given = i < len(doc) and doc[i].text in given_names()  # NER's one ORG: "the Italian Renato Boccardi"
    k = i - 1
    if k < 0 or doc[k].tag_ == "POS" and not (k > 0 and doc[k - 1].ent_type_ in ("GPE", "NORP", "")):
        return None
    if doc[k].tag_ != "POS" and not doc[k].is_sent_start and not (
            doc[k - 1].is_lower and doc[k - 1].is_alpha or doc[k - 1].text in (",", "(", '"', "“", ";", ":")
            or doc[k - 1].lower_ in ("the", "a", "an")):
        return None  # the nationality is inside another name: "New Mexican Grill", "Hindu-German Conspiracy"
    j = i
    while j < len(doc) and j - i < 6 and (doc[j].is_title and doc[j].is_alpha or doc[j].text == "-" and j > i
                                         and not doc[j].whitespace_ and not doc[j - 1].whitespace_
                                         or j > i and particle_bridge(doc, j)):  # "the Dutch Femke de Haan-Visser"
        tok = doc[j]
        if tok.is_alpha and tok.is_title and (tok.ent_type_ not in ("", "PERSON") and not (given and tok.ent_type_ in RELABELLED) or tok.lower_ in word_list("not_name_words")
                             or tok.lower_ in office_words() or tok.is_stop or tok.lower_ in word_list("region_words")):
            return None
        j += 1
    words = sum(1 for t in doc[i:j] if t.is_alpha and not t.is_lower)  # particles apart
    return j if 2 <= words <= 4 and doc[j - 1].is_alpha and (j == len(doc) or not doc[j].is_title) else None
