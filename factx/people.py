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
(one plain dict per person, as the output record's people[] writes it: JSON values only, so Doc.to_bytes and
nlp.pipe(n_process=...) work), and on each title Span._.factx_person (the person's name or None) and
Span._.factx_link (how the text ties them: "before", "apposition", "predicate", or None).
The steps live in person_names.py and person_lists.py (1, 2), person_groups.py (3) and person_links.py / office_places.py / person_countries.py (4).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from .countries import SPANS_KEY as COUNTRIES_KEY
from .person_groups import Person, group, recurring
from .person_links import TitleLinker
from .person_lists import context_names
from .person_names import NameFinder, in_headline
from .titles import KIND_OCCUPATION
from .titles import SPANS_KEY as TITLES_KEY

SPANS_KEY = "factx_people"

if not Doc.has_extension("factx_people"):
    Doc.set_extension("factx_people", default=None)
if not Span.has_extension("factx_person"):
    Span.set_extension("factx_person", default=None)
if not Span.has_extension("factx_link"):
    Span.set_extension("factx_link", default=None)

__all__ = ["Person", "PeopleLinker", "SPANS_KEY"]


class PeopleLinker:
    """The factx_people component: finds names (person_names), groups them into people (person_groups) and
    links titles and countries to them (person_links)."""

    def __init__(self, nlp: Language, name: str = "factx_people"):
        self.nlp = nlp
        self.name = name
        self.names = NameFinder(nlp)
        self.links = TitleLinker(nlp)

    def __call__(self, doc: Doc) -> Doc:
        titles = list(doc.spans.get(TITLES_KEY, []))
        taken = {i for s in doc.spans.get(COUNTRIES_KEY, []) for i in range(s.start, s.end)}
        honorific_starts = self.names.honorific_starts(doc)
        mentions = self.names.candidates(doc, titles, taken, honorific_starts)
        # names in a list with a person, or after "directed by" / "starring", that NER missed
        mentions = sorted(mentions + context_names(self.names, doc, mentions, taken,
                                                   {i for t in titles for i in range(t.start, t.end)}),
                          key=lambda s: s.start)
        people = group(mentions)
        # A heading label's or a title-case headline's "person" stays only if the same name is a person
        # elsewhere in the text ("Rovers Sack Manager After Cup Exit").
        people = [p for p in people if not all(self.names.in_heading_label(m) or in_headline(m) for m in p.mentions)
                  and not any(self.names.said_to_be_thing(m) for m in p.mentions)
                  and not all(_other_language_form(m) for m in p.mentions)]
        recurring(doc, people, taken | {i for t in titles for i in range(t.start, t.end)})
        self.links.link(doc, titles, people)
        people = [p for p in people if self.names.evidence(p, honorific_starts)]
        for title in titles:
            if title._.factx_person is not None and not any(p.name == title._.factx_person for p in people):
                title._.factx_person = None
                title._.factx_link = None
        # An occupation is a fact only about a named person: "lawyers said" is not reported.
        doc.spans[TITLES_KEY] = [t for t in titles if t._.factx_person is not None or t._.factx_kind != KIND_OCCUPATION]
        doc._.factx_people = [p.as_dict() for p in people]
        doc.spans[SPANS_KEY] = [Span(doc, m.start, m.end, label="PERSON", kb_id=p.name)
                                for p in people for m in p.mentions]
        return doc


def _other_language_form(m: Span) -> bool:
    """The name in another language inside a lead's parenthesis, the lead person's own: "Rustam Khodjayev
    (Uzbek: [Rustam Yusupovich Xoʻjayev]; Russian: [Рустам Юсупович Ходжаев]; born 1950) is"."""
    doc = m.doc
    return m.start >= 3 and doc[m.start - 1].text == ":" and doc[m.start - 2].is_title and (
        doc[m.start - 3].text in ("(", ";")) and m.end < len(doc) and doc[m.end].text in (";", ")", ",")


@Language.factory("factx_people", requires=["doc.ents", "doc._.factx_countries", "doc._.factx_titles"],
                  assigns=["doc.spans", "doc._.factx_people", "span._.factx_person", "span._.factx_link"])
def make_people_linker(nlp: Language, name: str) -> PeopleLinker:
    return PeopleLinker(nlp, name)
