"""The pipeline as a spaCy user sees it: registered factories that survive to_disk / spacy.load."""
import spacy

from factx import pipeline


def test_saved_pipeline_loads_again_with_spacy_load(tmp_path, extractor):
    nlp = pipeline.load()
    nlp.get_pipe("factx_titles").add_patterns([{"label": "TITLE", "pattern": "chief happiness officer"}])
    nlp.to_disk(tmp_path / "pipe")
    again = spacy.load(tmp_path / "pipe")
    assert [n for n in again.pipe_names if n.startswith("factx_")] == [
        "factx_tokens", "factx_countries", "factx_titles", "factx_people", "factx_dates", "factx_money", "factx_spans"]
    doc = again("Acme's chief happiness officer Dana Cole met Mexican officials in 2010 for U.S.-Japan talks.")
    assert [s.text for s in doc.spans["factx_titles"]] == ["chief happiness officer"]
    assert [s.kb_id_ for s in doc.spans["factx_countries"]] == ["MX", "US", "JP"]


def test_components_run_on_blank_pipeline_with_entities():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PERSON", "pattern": "Ana Ruiz"}])
    for name in ("factx_countries", "factx_titles", "factx_people"):
        nlp.add_pipe(name)
    doc = nlp("Mexican Foreign Minister Ana Ruiz spoke.")
    (person,) = doc._.factx_people
    assert (person["name"], person["country"], person["titles"]) == ("Ana Ruiz", "MX", ["Foreign Minister"])
