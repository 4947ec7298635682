"""Coverage of the word lists in models/: nationality words (countries.jsonl) and occupations (occupations.jsonl).

Each added word is checked through the public extractor in a sentence that ties it to a person, and the risky
ones (words that are also given names, parts of other names or common words) are checked on their other meanings.
"""
import json

import pycountry
import pytest

from factx.data import models_dir

LAWYER = "Maria Lopez, a {} lawyer, said on Monday that the talks had failed."
MINISTER = "The {} minister Ralph Regenvanu said the deal was signed."

# Nationality words added to countries.jsonl in this change, then words of the same kind that were there already
# (spellings and small states that are easy to lose), alternating the two sentence forms.
DEMONYMS = [
    ("Burkinabè", "BF"), ("Bajan", "BB"), ("Surinamer", "SR"), ("Kirghiz", "KG"), ("Turkmenistani", "TM"),
    ("Vanuatuan", "VU"), ("Solomon Islander", "SB"), ("Icelander", "IS"), ("Luxembourger", "LU"),
    ("Liechtensteiner", "LI"), ("New Zealander", "NZ"), ("Swede", "SE"), ("Pole", "PL"), ("Spaniard", "ES"),
    ("Briton", "GB"), ("Brit", "GB"), ("Turk", "TR"), ("Santomean", "ST"), ("Barbudan", "AG"),
    ("Salvadorian", "SV"), ("Trinbagonian", "TT"), ("Tadjik", "TJ"),
    ("Burkinabe", "BF"), ("Emirati", "AE"), ("Salvadorean", "SV"), ("Ecuadorean", "EC"), ("Nigerien", "NE"),
    ("Bissau-Guinean", "GW"), ("Ivorian", "CI"), ("Motswana", "BW"), ("Mosotho", "LS"), ("Swazi", "SZ"),
    ("Kazakhstani", "KZ"), ("Nepalese", "NP"), ("Papua New Guinean", "PG"), ("Ni-Vanuatu", "VU"),
    ("I-Kiribati", "KI"), ("Sammarinese", "SM"), ("North Macedonian", "MK"), ("Azeri", "AZ"),
]


@pytest.mark.parametrize("i,word,code", [(i, w, c) for i, (w, c) in enumerate(DEMONYMS)], ids=[w for w, _ in DEMONYMS])
def test_demonym_gives_person_country(extractor, i, word, code):
    text = (LAWYER if i % 2 == 0 else MINISTER).format(word)
    people = extractor.extract(text)["people"]
    assert [p["country"] for p in people] == [code], text


# Sovereign ISO 3166-1 countries with no nationality word on purpose: the word is shared with another country or
# with a region ("Congolese" is kept for CD; "Dominican" for DO; "Central African" names a region; "Vatican" is
# the country's own name, a COUNTRY row).
NO_NATIONALITY_WORD = {"CF", "CG", "DM", "VA"}


def _rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (models_dir() / name).read_text(encoding="utf-8").splitlines()
            if line.startswith("{")]


def test_every_sovereign_country_has_a_nationality_word():
    territories = set(json.loads((models_dir() / "territories.json").read_text(encoding="utf-8"))["codes"])
    have = {r["id"] for r in _rows("countries.jsonl") if r["label"] == "NATIONALITY"}
    missing = {c.alpha_2 for c in pycountry.countries} - territories - have - NO_NATIONALITY_WORD
    assert missing == set()


OCCUPATIONS = ["crystallographer", "spectroscopist", "town planner", "urban designer", "cosmonaut", "driver",
               "tram driver", "mountain guide", "sports administrator", "chauffeur", "bailiff", "paleontologist",
               "ornithologist", "muralist", "ghostwriter", "newsreader", "snooker player", "stonemason",
               "fishmonger", "flight attendant"]


@pytest.mark.parametrize("word", OCCUPATIONS)
def test_added_occupation_before_a_name(extractor, word):
    titles = extractor.extract(f"the {word} Ana Ruiz said the plan was ready.")["titles"]
    assert [(t["text"], t["kind"], t["person"]) for t in titles] == [(word, "occupation", "Ana Ruiz")]


@pytest.mark.parametrize("word", ["hydrogeologist", "sommelier", "paralegal", "orthodontist"])
def test_added_occupation_in_apposition(extractor, word):
    # before a name the small model tags these words ADJ ("the hydrogeologist Ana Ruiz"), and occupations must
    # be nouns; in apposition they are
    titles = extractor.extract(f"Ana Ruiz, a {word}, said the plan was ready.")["titles"]
    assert [(t["text"], t["kind"], t["person"]) for t in titles] == [(word, "occupation", "Ana Ruiz")]


def test_occupation_rows_are_lowercase_singular_and_not_titles():
    occupations = [r["pattern"] for r in _rows("occupations.jsonl")]
    titles = {r["pattern"] for r in _rows("titles.jsonl") if isinstance(r["pattern"], str)}
    assert [w for w in occupations if w != w.lower()] == []
    assert sorted(set(occupations) & titles) == ["detective"]  # the one older row in both lists
    assert len(occupations) == len(set(occupations))


def codes(extractor, text):
    return [(m["text"], c["code"]) for c in extractor.extract(text)["countries"] for m in c["mentions"]]


@pytest.mark.parametrize("text", [
    # "Pole" (PL) is also a pole: positions, the sport and the geographic poles are not Poland
    "Pole position went to Hamilton on Saturday.",
    "Pole vault is her event.",
    "The expedition reached the North Pole in April.",
    # "Brit" (GB) inside the awards' name
    "Brit Awards organisers said the show sold out.",
    # "Turks" is no nationality row (people nouns in the plural are not mentions): not the islands, not the party
    "Turks and Caicos Islands voted on Monday.",
    "The Young Turks took power in 1908.",
    # given names that are also nationality nouns were left out: "Dane", "Finn", "Lao", "Scot"
    "Dane Cook said he would tour again.",
    "Finn Wolfhard said the film was done.",
    "Lao She wrote the novel in 1936.",
    "Scot Gemmill played for the club.",
    "Huckleberry Finn is a novel.",
    "The Great Dane barked.",
])
def test_risky_nationality_words_on_their_other_meanings(extractor, text):
    assert codes(extractor, text) == []


def test_risky_nationality_nouns_still_name_people(extractor):
    assert codes(extractor, "A Pole, Jan Kowalski, won the race.") == [("Pole", "PL")]
    people = extractor.extract("Andy Murray, a Briton, won the final.")["people"]
    assert [(p["name"], p["country"]) for p in people] == [("Andy Murray", "GB")]


@pytest.mark.parametrize("text", [
    # occupations that are also surnames or names: inside a person's name they are not titles
    "Minnie Driver said the film was ready.",
    "Gerard Butler said the film was ready.",
    "Sigourney Weaver said the film was ready.",
    "David Seaman said the goal was his fault.",
    "Shepherd Smith said the show ended.",
    "Mariner 4 flew past Mars.",
])
def test_occupation_words_inside_names_are_not_titles(extractor, text):
    assert extractor.extract(text)["titles"] == []
