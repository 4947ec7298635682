"""Occupations and roles (models/occupations.jsonl) are titles of kind "occupation", reported only when the
text ties them to a named person; offices keep kind "office"."""
import pytest


def facts(extractor, text):
    record = extractor.extract(text)
    return ({(t["text"], t["person"], t["kind"]) for t in record["titles"]},
            {p["name"]: p["country"] for p in record["people"]})


@pytest.mark.parametrize("text,title,person,country", [
    # before the name, with a nationality and lowercase modifiers
    ("Peruvian engineering professor Marta Quiroga led the study.", None, "Marta Quiroga", "PE"),
    ("It is named after the Austrian chemist Lena Huber.", "chemist", "Lena Huber", "AT"),
    ("The operation was led by cardiac surgeon Meena Rao.", "cardiac surgeon", "Meena Rao", None),
    # in apposition, after a comma
    ("Tomas Lind, a glaciologist, measured the ice.", "glaciologist", "Tomas Lind", None),
    ("\"Rates will fall,\" said Ana Ferreira, a banking analyst at Banco Sol.", "banking analyst", "Ana Ferreira",
     None),
    # a copula in an encyclopedia lead
    ("Hana Novak (born 1970) is a Czech novelist.", "novelist", "Hana Novak", "CZ"),
    # "as"
    ("She later worked as a lawyer in Lima, Carla Ruiz said.", None, "Carla Ruiz", None),
])
def test_occupation_linked_to_person(extractor, text, title, person, country):
    titles, people = facts(extractor, text)
    assert person in people and people[person] == country
    if title is not None:
        assert (title, person, "occupation") in titles


@pytest.mark.parametrize("text", [
    "Lawyers said the ruling would be appealed.",
    "Scientists at the institute measured the ice.",
    "A surgeon operated on him on Monday.",
    "The company hopes to move forward with the plan, the report said.",
])
def test_bare_occupation_is_not_reported(extractor, text):
    titles, _ = facts(extractor, text)
    assert not any(kind == "occupation" for _, _, kind in titles)


def test_office_keeps_kind_office(extractor):
    titles, _ = facts(extractor, "Prime Minister Ana Lopes met the economist Rui Sousa.")
    assert ("Prime Minister", "Ana Lopes", "office") in titles
    assert ("economist", "Rui Sousa", "occupation") in titles


def test_office_wins_over_occupation_in_one_phrase(extractor):
    titles, _ = facts(extractor, "Chief economist Sara Lund said growth would slow.")
    assert {(t, k) for t, p, k in titles if p == "Sara Lund"} == {("Chief economist", "office")}


def test_user_occupation_pattern(tmp_path):
    from factx.core import Extractor
    patterns = tmp_path / "p.jsonl"
    patterns.write_text('{"label": "OCCUPATION", "pattern": "beekeeper"}\n', encoding="utf-8")
    extractor = Extractor(patterns=[patterns])
    titles = {(t["text"], t["person"], t["kind"]) for t in extractor.extract("The beekeeper Ola Berg said.")["titles"]}
    assert ("beekeeper", "Ola Berg", "occupation") in titles
