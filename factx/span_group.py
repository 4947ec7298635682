"""factx_spans, the last component: every fact in one span group, doc.spans["factx"], labelled by its type,
so that displaCy shows them all at once:

    displacy.render(doc, style="span", options={"spans_key": "factx"})

Also the getters doc._.factx_countries and doc._.factx_titles (the components' span groups), which the
factories name in requires/assigns so that nlp.analyze_pipes() reports a component added without the
ones it reads.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

SPANS_KEY = "factx"
# span group -> label in doc.spans["factx"] (None: keep the span's own label, COUNTRY or NATIONALITY)
GROUPS = {"factx_people": "PERSON", "factx_titles": "TITLE", "factx_countries": None, "factx_dates": "DATE",
          "factx_money": "MONEY"}

for _key in ("factx_countries", "factx_titles"):
    if not Doc.has_extension(_key):
        Doc.set_extension(_key, getter=lambda doc, key=_key: list(doc.spans.get(key, [])))


class FactSpans:
    def __init__(self, name: str = "factx_spans"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        spans = [Span(doc, s.start, s.end, label=label or s.label_, kb_id=s.kb_id_)
                 for key, label in GROUPS.items() for s in doc.spans.get(key, [])]
        doc.spans[SPANS_KEY] = sorted(spans, key=lambda s: (s.start, s.end))
        return doc


@Language.factory("factx_spans", requires=["doc.spans"], assigns=["doc.spans"])
def make_fact_spans(nlp: Language, name: str) -> FactSpans:
    return FactSpans(name)
