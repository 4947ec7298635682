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
