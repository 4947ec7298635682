"""Names spaCy's NER labels as an organisation or a place (factx/ner_names.py): the label is forced here
after NER runs, so that each test holds whatever the statistical model does with the invented sentence."""
import pytest
from spacy.tokens import Span


def people_with_labels(extractor, text: str, labels: dict[str, str]) -> dict[str, dict]:
    """Run the pipeline on `text`, relabelling each phrase of `labels` (and nothing else) right after NER."""
    nlp = extractor.nlp
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        doc = proc(doc)
        if name == "ner":
            forced = []
            for phrase, label in labels.items():
                start = text.index(phrase)
                forced.append(doc.char_span(start, start + len(phrase), label=label))
            assert all(s is not None for s in forced)
            keep = [e for e in doc.ents if not any(e.start < f.end and f.start < e.end for f in forced)]
            doc.ents = sorted(keep + forced, key=lambda s: s.start)
    return {p["name"]: p for p in doc._.factx_people}


@pytest.mark.parametrize("text,labels,name,titles,country", [
    ("Sophie Marchand-Leroux, purchasing director at a flavour group in Grasse, said prices fell.",
     {"Sophie Marchand-Leroux": "ORG"}, "Sophie Marchand-Leroux", ["purchasing director"], None),
    ("In Sfax, Hichem Kammoun, who runs a family mill, said the tanks were full.",
     {"Hichem Kammoun": "GPE"}, "Hichem Kammoun", [], None),
    ("She was succeeded by Celso Nhantumbo.", {"Celso Nhantumbo": "ORG"}, "Celso Nhantumbo", [], None),
    ("He trains with a group coached by the Italian Renato Boccardi.",
     {"the Italian Renato Boccardi": "ORG"}, "Renato Boccardi", [], "IT"),
    ("Silver went to Canada's Mathieu Gagnon-Tremblay.", {"Mathieu Gagnon-Tremblay": "ORG"},
     "Mathieu Gagnon-Tremblay", [], "CA"),
    ("The new members are Dirk-Jan van den Broek, a Dutch plant breeder, and two others.",
     {"Dirk": "ORG", "Broek": "GPE"}, "Dirk-Jan van den Broek", ["plant breeder"], "NL"),
])
def test_a_name_ner_calls_an_organisation_or_a_place(extractor, text, labels, name, titles, country):
    found = people_with_labels(extractor, text, labels)
    assert name in found
    assert found[name]["titles"] == titles
    assert found[name]["country"] == country


@pytest.mark.parametrize("text,labels", [
    ("Students met at the Helen Suzman Foundation.", {"the Helen Suzman Foundation": "ORG"}),
    ("Classes resumed at Eduardo Mondlane University.", {"Eduardo Mondlane University": "ORG"}),
    ("The final is at Rod Laver Arena tonight.", {"Rod Laver Arena": "FAC"}),
    ("The Marcello Mastroianni Award went to a newcomer.", {"Marcello Mastroianni": "ORG"}),
    ("Trains to Ivano-Frankivsk were delayed.", {"Ivano-Frankivsk": "GPE"}),
    ("Sales at Sergio Florida rose.", {"Sergio Florida": "ORG"}),  # a state's name: a shop, not a person
    ("The Roman Catholics marched.", {"Roman Catholics": "NORP"}),
])
def test_no_person_from_a_thing_named_after_someone(extractor, text, labels):
    found = people_with_labels(extractor, text, labels)
    assert found == {}


@pytest.mark.parametrize("text,labels,name", [
    ("The prize went to a film by Ghanaian filmmaker Kobina Arthur.", {"Kobina": "GPE", "Arthur": "PERSON"},
     "Kobina Arthur"),
    ("Min-jun Kim, a political scientist, said the talks would fail.", {"Kim": "PERSON"}, "Min-jun Kim"),
])
def test_a_given_name_ner_left_out_before_a_one_word_name(extractor, text, labels, name):
    assert name in people_with_labels(extractor, text, labels)


@pytest.mark.parametrize("text,labels,name", [
    ("The federation's president, Marc-André Lefebvre-Dion, presented the trophy.",
     {"Marc-André": "PERSON", "Lefebvre-Dion": "ORG"}, "Marc-André Lefebvre-Dion"),
    ("Their daughter, Elona Dervishi-Hall, is a photographer.", {"Elona Dervishi-Hall": "PERSON"},
     "Elona Dervishi-Hall"),
    ("Helena Marchetti-Roux, head of research at a consultancy, said it.", {"Helena Marchetti-Roux": "ORG"},
     "Helena Marchetti-Roux"),
])
def test_double_surnames_however_ner_labels_them(extractor, text, labels, name):
    assert name in people_with_labels(extractor, text, labels)
