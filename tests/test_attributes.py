"""factx_attribute_ruler (factx/attributes.py) gives every token the same POS, morphology, lemma and tag as
spaCy's own AttributeRuler with the same patterns: on real articles, on the word exceptions its patterns name,
and on generated text; and it is the component factx's pipeline runs."""
import json
from pathlib import Path

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from factx.attributes import LookupAttributeRuler
from factx.data import load_json

ROOT = Path(__file__).resolve().parent.parent
EXCEPTIONS = [
    "I ain't gonna do it, y'all.", "We gotta go. Let's see, c'mon. There is nothin' here and there are two.",
    "Y'all ain't seen nuthin'. There was a man. Were there any? It's a dog.", "But, he said, but no.",
    "   Spaces \n\n and\ttabs  ", "Is there a way? There're many. There's one.", "",
]


@pytest.fixture(scope="module")
def rulers():
    base = spacy.load(load_json("pipeline.json")["base_model"], exclude=["lemmatizer", "senter", "ner"])
    spacy_ruler = base.get_pipe("attribute_ruler")
    assert type(spacy_ruler) is AttributeRuler
    lookup = LookupAttributeRuler(base.vocab)
    lookup.add_patterns(spacy_ruler.patterns)
    return base, spacy_ruler, lookup


def annotations(doc: Doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def compare(rulers, text: str) -> None:
    base, spacy_ruler, lookup = rulers
    doc = base.make_doc(text)
    for name in ("tok2vec", "tagger", "parser"):
        doc = base.get_pipe(name)(doc)
    twin = Doc(base.vocab).from_bytes(doc.to_bytes())
    assert annotations(lookup(twin)) == annotations(spacy_ruler(doc))


def texts() -> list[str]:
    out = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]
    for path in sorted((ROOT / "benchmarks").glob("blind*/input.jsonl")):
        out += [json.loads(line)["text"] for line in path.open(encoding="utf-8")][:10]
    return out


@pytest.mark.parametrize("text", EXCEPTIONS + texts())
def test_same_annotations_as_spacy(rulers, text):
    compare(rulers, text)


def test_the_exceptions_are_applied(rulers):
    """The multi-token patterns really run (a lookup that skipped them would pass the comparison on texts
    without them, so check one outright): "gon na" has the lemmas "go" "to", "ai n't" the lemma "be"."""
    base, _, lookup = rulers
    doc = base.make_doc("I ain't gonna go.")
    for name in ("tok2vec", "tagger", "parser"):
        doc = base.get_pipe(name)(doc)
    lookup(doc)
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["gon"] == "go" and lemmas["na"] == "to" and lemmas["ai"] == "be"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(["There", "is", "was", "a", "the", "but", "But", ",", "gon", "na", "ai", "n't",
                                 "y'", "all", "let", "'s", "got", "ta", "nothin'", "Mexico", "said", "  ", "\n",
                                 "that", "to", "be", "running", "dogs", "?", "."]), max_size=30))
def test_same_annotations_on_generated_text(rulers, words):
    compare(rulers, " ".join(words))


def test_factx_pipeline_runs_the_lookup_ruler(extractor):
    ruler = extractor.nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, LookupAttributeRuler)
    assert len(ruler.patterns) > 100  # the model's patterns, carried over
