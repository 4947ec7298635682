"""factx_tokens: join a title abbreviation the tokenizer split from its period ("Lt" "." -> "Lt."; the
abbreviations are those of models/titles.jsonl), and split tokens that join two names with a hyphen or
slash after an abbreviation's period ("U.S.-Japan" -> "U.S.", "-", "Japan"), before the statistical
components see them, so both countries are found. The split points are the regular expressions in models/pipeline.json ("token_splits").

spaCy's default infixes already split "Mexico-Japan" but not "U.S.-Japan". Adding the expressions to the
tokenizer's infixes would do the same, but setting them makes spaCy re-validate its 4,000 tokenizer
special cases on every load (about 0.08 s of start-up, most of a short run's overhead); this component
looks only at the few tokens that contain a period and a hyphen or slash.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from .data import load_json, load_jsonl


class TokenSplitter:
    def __init__(self, nlp: Language, name: str = "factx_tokens"):
        self.name = name
        cfg = load_json("pipeline.json")
        self.split_at = re.compile("|".join(cfg["token_splits"]))
        self.abbreviations = title_abbreviations()

    def __call__(self, doc: Doc) -> Doc:
        # "Lt" "." -> "Lt.": the tokenizer knows "Gen." but not "Lt." or "Col."
        joins = [doc[i:i + 2] for i in range(len(doc) - 1)
                 if doc[i + 1].text == "." and not doc[i].whitespace_ and doc[i].text[:1].isupper()
                 and doc[i].lower_ + "." in self.abbreviations]
        if joins:
            with doc.retokenize() as retokenizer:
                for span in joins:
                    retokenizer.merge(span)
        todo = []
        for token in doc:
            text = token.text
            if len(text) > 3 and "." in text and ("-" in text or "/" in text):
                cuts = [(m.start(), m.end()) for m in self.split_at.finditer(text) if 0 < m.start() < len(text)]
                if cuts:
                    todo.append((token, _pieces(text, cuts)))
        if todo:
            with doc.retokenize() as retokenizer:
                for token, pieces in todo:
                    retokenizer.split(token, pieces, heads=[(token, i) for i in range(len(pieces))])
        return doc


def title_abbreviations() -> frozenset[str]:
    """The abbreviations with a period in models/titles.jsonl's token patterns ("lt.", "col.", "gen.")."""
    out = set()
    for row in load_jsonl("titles.jsonl"):
        if isinstance(row["pattern"], list):
            for tok in row["pattern"]:
                value = tok.get("LOWER")
                values = value.get("IN", []) if isinstance(value, dict) else [value]
                out.update(v for v in values if isinstance(v, str) and v.endswith("."))
    return frozenset(out)


def _pieces(text: str, cuts: list[tuple[int, int]]) -> list[str]:
    pieces, last = [], 0
    for start, end in cuts:
        pieces += [text[last:start], text[start:end]]
        last = end
    return [p for p in [*pieces, text[last:]] if p]


@Language.factory("factx_tokens", assigns=["token.text"])
def make_token_splitter(nlp: Language, name: str) -> TokenSplitter:
    return TokenSplitter(nlp, name)
