"""The given-name list (models/given_names.json): its shape, and the words it must leave out.

The list tells factx that a capitalised span starting with one of these names is a person; a name that is also a
common capitalised non-person word (a place, a title, a brand, a month) would turn that word into a person, so the
exclusions below are part of the data's contract.
"""
import json
import unicodedata
from pathlib import Path

import pytest

PATH = Path(__file__).resolve().parent.parent / "models" / "given_names.json"

REGIONS = [
    "english", "french", "german_dutch_scandinavian", "italian", "spanish_portuguese", "slavic",
    "baltic_hungarian_romanian_greek_albanian", "turkish_caucasus_central_asian", "arabic_persian", "south_asian",
    "east_asian", "southeast_asian", "west_african", "east_southern_african", "pacific", "hebrew_yiddish",
    "caribbean_creole",
]

# Common given names that are also places, titles, words, brands or months in English news.
EXCLUDED = [
    "Georgia", "Jordan", "Victoria", "Paris", "King", "General", "May", "June", "Santa", "San", "Ford", "Lincoln",
    "Grace", "Hope", "Mercedes", "Jesus",
]


@pytest.fixture(scope="module")
def data():
    return json.loads(PATH.read_text(encoding="utf-8"))


def _sort_key(name):
    base = "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c))
    return (base.casefold(), name)


def test_parses_with_comment_and_regions(data):
    assert isinstance(data, dict)
    assert isinstance(data.get("_comment"), str) and "Jordan" in data["_comment"]
    assert [k for k in data if k != "_comment"] == REGIONS


@pytest.mark.parametrize("region", REGIONS)
def test_entries_are_capitalised_names_without_duplicates(data, region):
    names = data[region]
    assert isinstance(names, list) and names
    for name in names:
        assert isinstance(name, str) and name, (region, name)
        assert name[0].isupper(), (region, name)
        assert name == name.strip() and " " not in name, (region, name)
        assert len(name) > 2, (region, name)
        assert unicodedata.normalize("NFC", name) == name, (region, name)
    assert len(names) == len(set(names)), [n for n in set(names) if names.count(n) > 1]
    assert names == sorted(names, key=_sort_key), region


def test_excluded_words_are_absent(data):
    found = {word: region for region in REGIONS for word in EXCLUDED if word in data[region]}
    assert not found


def test_total(data):
    assert sum(len(data[region]) for region in REGIONS) >= 5000


@pytest.mark.parametrize("name", ["Sophie", "Celso", "Kwaku", "Hichem", "Lisiate", "Osniel", "Min-jun", "Xiaoming"])
def test_names_from_the_brief_are_present(data, name):
    assert any(name in data[region] for region in REGIONS)
