"""factx_attribute_ruler: spaCy's AttributeRuler (the base model's tag -> POS / morphology table and its word
exceptions), giving the same annotations, about ten times faster.

Why not spaCy's own: its Matcher tries each of the model's 179 patterns at every token, 22 µs a token, about 7%
of a whole factx run and more than all of factx's own components but one. Almost all of those patterns look at
one token only (its TAG, and maybe its LOWER form, DEP label or IS_SPACE), so what they do to a token depends
on a small key: (tag, lower form if a pattern names it, dep label if a pattern names it, is_space). This class
works out, once per key, which patterns match and what they set together, and then does one dict lookup per
token. The few other patterns (two tokens, or a REGEX) still run in a Matcher, and where they hit a token,
every matching pattern is applied in the original order. spaCy's rule holds throughout: patterns apply in the
order they were added, a later one overriding an earlier one. tests/test_attributes.py checks token by token
that the result equals spaCy's AttributeRuler on many texts.

It is a subclass: adding patterns, scoring, to_disk / from_disk are spaCy's. pipeline.load puts it in the place
of the model's attribute_ruler, with that ruler's patterns and under its name.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

KEY_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")
OTHER = None  # in a key: a lower form or dep label no pattern names


def _simple(pattern: list[dict]) -> bool:
    """One token, tested only on KEY_ATTRS, with equality, IN or NOT_IN."""
    if len(pattern) != 1:
        return False
    for attr, value in pattern[0].items():
        if attr not in KEY_ATTRS:
            return False
        if isinstance(value, dict) and not set(value) <= {"IN", "NOT_IN"}:
            return False
    return True


def _test(value, wanted) -> bool:
    if isinstance(wanted, dict):
        if "IN" in wanted and value not in wanted["IN"]:
            return False
        if "NOT_IN" in wanted and value in wanted["NOT_IN"]:
            return False
        return True
    return value == wanted


def _requirement(wanted, strings):
    """What a Doc must hold for one attribute test to pass somewhere in it: None (nothing), a set of string
    hashes (a word or dep label equal to or IN the test) or a compiled REGEX; a NOT_IN test asks nothing."""
    if isinstance(wanted, str):
        return frozenset([strings.add(wanted)])
    if isinstance(wanted, dict) and "IN" in wanted:
        return frozenset(strings.add(v) for v in wanted["IN"])
    if isinstance(wanted, dict) and "REGEX" in wanted:
        return re.compile(wanted["REGEX"])
    return None


def _present(need, hashes: set[int], strings) -> bool:
    """Whether some value in `hashes` (a Doc's lower forms or dep labels) meets a _requirement."""
    if need is None:
        return True
    if isinstance(need, frozenset):
        return not need.isdisjoint(hashes)
    return any(need.search(strings[h]) for h in hashes)


def _named(specs: list[dict], attr: str) -> set[str]:
    """The values one-token specs test `attr` against (equal, IN or NOT_IN)."""
    out = set()
    for spec in specs:
        value = spec.get(attr)
        if isinstance(value, str):
            out.add(value)
        elif isinstance(value, dict):
            for op in ("IN", "NOT_IN"):
                out.update(value.get(op, ()))
    return out


class LookupAttributeRuler(AttributeRuler):
    def __init__(self, vocab, name: str = "attribute_ruler", **kwargs):
        super().__init__(vocab, name, **kwargs)
        self._raw: list[tuple[list[list[dict]], int]] = []  # per attr_id: its token patterns and index
        self._table = None

    def add(self, patterns, attrs, index: int = 0) -> None:
        super().add(patterns, attrs, index)
        self._raw.append((patterns, index))
        self._table = None

    def clear(self) -> None:
        super().clear()
        self._raw, self._table = [], None

    def _build(self) -> None:
        # attr_id -> its one-token patterns (key tests) / the rest, each in a Matcher of its own with what a
        # Doc must hold for it to match at all ("gon" "na": both words), tested before the Matcher runs
        strings = self.vocab.strings
        self._simple: list[tuple[int, dict]] = []
        self._complex: list[tuple[int, list[list[tuple]], Matcher]] = []
        for attr_id, (patterns, index) in enumerate(self._raw):
            self._simple += [(attr_id, p[0]) for p in patterns if _simple(p)]
            rest = [p for p in patterns if not _simple(p)]
            if rest:
                matcher = Matcher(self.vocab, validate=False)
                matcher.add(str(attr_id), rest)
                needs = [[(_requirement(spec.get("LOWER"), strings), _requirement(spec.get("DEP"), strings))
                          for spec in p] for p in rest]
                self._complex.append((attr_id, needs, matcher))
        specs = [p for _, p in self._simple]
        # keys are made of the strings' hashes, which tokens give without a string lookup
        self._lowers = {strings.add(s): s for s in _named(specs, "LOWER")}
        self._deps = {strings.add(s): s for s in _named(specs, "DEP")}
        self._table = {}

    @staticmethod
    def _may_match(doc: Doc, needs: list[list[tuple]], lowers: set[int], deps: set[int]) -> bool:
        """False when every pattern needs a word or dep label (equal, IN or REGEX) that the Doc lacks."""
        strings = doc.vocab.strings
        return any(all(_present(lower, lowers, strings) and _present(dep, deps, strings) for lower, dep in pattern)
                   for pattern in needs)

    def _entry(self, key: tuple, strings) -> tuple[list[int], dict]:
        """(ids of the one-token patterns that match a token with this key, in order; what they set together)."""
        tag, lower, dep, is_space = key
        values = {"TAG": strings[tag], "LOWER": self._lowers.get(lower), "DEP": self._deps.get(dep),
                  "IS_SPACE": is_space}
        ids = sorted({attr_id for attr_id, p in self._simple
                      if all(_test(values[attr], wanted) for attr, wanted in p.items())})
        combined: dict = {}
        for attr_id in ids:
            combined.update(self.attrs[attr_id])
        out = self._table[key] = (ids, combined)
        return out

    def __call__(self, doc: Doc) -> Doc:
        error_handler = self.get_error_handler()
        try:
            if self._table is None:
                self._build()
            table, lowers, deps = self._table, self._lowers, self._deps
            keys = [(t.tag, t.lower if t.lower in lowers else OTHER, t.dep if t.dep in deps else OTHER, t.is_space)
                    for t in doc]
            extra: dict[int, list[int]] = {}  # token -> ids of the other patterns that set it
            if self._complex:
                doc_lowers, doc_deps = set(doc.to_array("LOWER").tolist()), set(doc.to_array("DEP").tolist())
                for attr_id, needs, matcher in self._complex:
                    if self._may_match(doc, needs, doc_lowers, doc_deps):
                        for _, start, end in matcher(doc, allow_missing=True):
                            extra.setdefault(doc[start:end][self.indices[attr_id]].i, []).append(attr_id)
            for token, key in zip(doc, keys):
                ids, combined = table.get(key) or self._entry(key, doc.vocab.strings)
                if token.i in extra:
                    for attr_id in sorted(ids + extra[token.i]):
                        set_token_attrs(token, self.attrs[attr_id])
                elif combined:
                    set_token_attrs(token, combined)
            return doc
        except Exception as e:  # noqa: BLE001 - spaCy's error handling, as in AttributeRuler.__call__
            return error_handler(self.name, self, [doc], e)


@Language.factory("factx_attribute_ruler", default_config={"validate": False,
                                                           "scorer": {"@scorers": "spacy.attribute_ruler_scorer.v1"}})
def make_attribute_ruler(nlp: Language, name: str, validate: bool, scorer):
    return LookupAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)


def replace(nlp: Language, name: str = "attribute_ruler") -> None:
    """Put a LookupAttributeRuler with the same patterns in the place of nlp's AttributeRuler `name`."""
    old = nlp.get_pipe(name)
    if type(old) is not AttributeRuler:
        return
    patterns = old.patterns
    new = nlp.replace_pipe(name, "factx_attribute_ruler")
    new.add_patterns(patterns)
