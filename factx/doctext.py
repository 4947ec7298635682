"""A Doc's text, computed once: spaCy's `Doc.text` joins every token on each access, which made rules that
look at the line around a mention cost O(length of the document) per mention."""
from __future__ import annotations

from spacy.tokens import Doc

_last: tuple[Doc, str] | None = None


def text_of(doc: Doc) -> str:
    """doc.text, cached for the document processed last (one entry: no memory held across documents)."""
    global _last
    if _last is None or _last[0] is not doc:
        _last = (doc, doc.text)
    return _last[1]


def line_starts(doc: Doc) -> list[int]:
    """Indices of the tokens that start a line (after a token whose whitespace or text holds a newline),
    computed once per document and kept in doc.user_data (rules look at the line around each mention)."""
    found = doc.user_data.get("factx_line_starts")
    if found is None:
        found = [0] + [t.i + 1 for t in doc[:-1] if "\n" in t.whitespace_ or "\n" in t.text]
        doc.user_data["factx_line_starts"] = found
    return found
