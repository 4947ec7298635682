"""factx's components as a spaCy user meets them: factx.load(), analyze_pipes, one span group for
displaCy, the reference date as a string, and Docs that survive n_process, to_bytes and DocBin."""
import datetime

import pytest
import spacy
from spacy.tokens import Doc, DocBin

import factx

TEXT = "Japanese Vice Minister Takeshi Akahori arrived in Mexico on Friday with $37 billion."


@pytest.fixture(scope="module")
def nlp(extractor):
    """The session's pipeline (loaded once), as factx.load() builds it."""
    return extractor.nlp


def test_public_names():
    assert set(factx.__all__) == {"extract", "extract_many", "Extractor", "load", "__version__"}
    assert "Extractor" in dir(factx) and "load" in dir(factx)
    assert not {"Iterable", "Iterator", "annotations"} & set(dir(factx))
    assert factx.Extractor.__name__ == "Extractor"


def test_load_returns_the_configured_language():
    nlp = factx.load()
    assert isinstance(nlp, spacy.language.Language)
    assert [n for n in nlp.pipe_names if n.startswith("factx")] == [
        "factx_tokens", "factx_countries", "factx_titles", "factx_people", "factx_dates", "factx_money",
        "factx_spans"]


def test_one_span_group_for_displacy(nlp):
    from spacy import displacy

    doc = nlp(TEXT)
    facts = {(s.text, s.label_) for s in doc.spans["factx"]}
    assert {("Takeshi Akahori", "PERSON"), ("Vice Minister", "TITLE"), ("Japanese", "NATIONALITY"),
            ("Mexico", "COUNTRY"), ("Friday", "DATE"), ("$37 billion", "MONEY")} <= facts
    html = displacy.render(doc, style="span", options={"spans_key": "factx"})
    assert "Takeshi" in html and "MONEY" in html


@pytest.mark.parametrize("value", ["2013-03-22", datetime.date(2013, 3, 22)], ids=["string", "date"])
def test_reference_date_as_a_string_or_a_date(nlp, value):
    doc = nlp.make_doc(TEXT)
    doc._.factx_ref_date = value
    doc = nlp(doc)
    assert [s._.factx_value for s in doc.spans["factx_dates"]] == ["2013-03-22"]
    assert doc._.factx_ref_date == "2013-03-22" and doc._.factx_ref_source == "given"


def test_a_dateline_reference_date_is_an_iso_string(nlp):
    doc = nlp("WASHINGTON, March 22, 2013 - Officials met on Friday.")
    assert doc._.factx_ref_date == "2013-03-22" and doc._.factx_ref_source == "dateline"


def test_analyze_pipes_reports_a_component_without_what_it_needs():
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler")
    nlp.add_pipe("factx_people")
    problems = nlp.analyze_pipes()["problems"]["factx_people"]
    assert "doc._.factx_titles" in problems and "doc._.factx_countries" in problems
    full = factx.load()
    assert not any(full.analyze_pipes()["problems"].values())



def _roundtrip(nlp, doc):
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert [(s.text, s.label_) for s in again.spans["factx"]] == [(s.text, s.label_) for s in doc.spans["factx"]]
    assert again._.factx_ref_date == doc._.factx_ref_date == "2013-03-22"
    bin_ = DocBin(store_user_data=True, docs=[doc])
    (back,) = DocBin().from_bytes(bin_.to_bytes()).get_docs(nlp.vocab)
    assert [s._.factx_value for s in back.spans["factx_dates"]] == [s._.factx_value for s in doc.spans["factx_dates"]]
    assert "2013-03-22" in [s._.factx_value for s in back.spans["factx_dates"]]
    assert [s._.factx_amount for s in back.spans["factx_money"]] == [37_000_000_000]
    return again


def test_doc_to_bytes_and_docbin_keep_the_date_and_money_facts(nlp):
    """Dates and money hold plain values (people: the next test)."""
    doc = nlp("WASHINGTON, March 22, 2013 - Mexico will spend $37 billion on Friday.")
    assert not doc._.factx_people
    _roundtrip(nlp, doc)


def test_doc_to_bytes_and_docbin_keep_the_people(nlp):
    doc = nlp("WASHINGTON, March 22, 2013 - " + TEXT)
    again = _roundtrip(nlp, doc)
    assert again._.factx_people == doc._.factx_people


@pytest.mark.slow
def test_nlp_pipe_with_two_processes(nlp):
    texts = ["WASHINGTON, March 22, 2013 - Mexico will spend $37 billion on Friday.", "Japan said it in 2010."] * 2
    docs = list(nlp.pipe(texts, n_process=2, batch_size=1))
    assert [[(s.text, s.label_) for s in d.spans["factx"]] for d in docs] == [
        [(s.text, s.label_) for s in nlp(t).spans["factx"]] for t in texts]
    assert docs[0]._.factx_ref_date == "2013-03-22"
    (doc,) = nlp.pipe([TEXT], n_process=2)
    assert [p["name"] for p in doc._.factx_people] == ["Takeshi Akahori"]
