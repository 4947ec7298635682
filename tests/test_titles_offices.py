"""Titles: which words are offices, how far a title reaches, and where it stops."""
import pytest


def titles(extractor, text):
    return [(t["text"], t["person"]) for t in extractor.extract(text)["titles"]]


@pytest.mark.parametrize("text,expected", [
    # plurals and groups are titles without a person
    ("Labour MPs and cabinet ministers abstained.", [("Labour MPs", None), ("cabinet ministers", None)]),
    # a lowercase head used as a noun with an "of" complement
    ("The report of the chief of the county was read.", [("chief of the county", None)]),
    ("Nigel Farage, head of UKIP, spoke first.", [("head of UKIP", "Nigel Farage")]),
    # a title word inside another name is not a title
    ("Jews were deported to the General Government area.", []),
    ("The plan was included in the Queen's Speech on Monday.", []),
    ("It ended the jurisdiction of the European Court of Justice.", []),
    # a profession is a title of kind "occupation" (tests/test_occupations.py), only with its person
    ("German historian Hans Mommsen wrote about it.", [("historian", "Hans Mommsen")]),
    ("Historians disagree about it.", []),
])
def test_what_is_a_title(extractor, text, expected):
    assert titles(extractor, text) == expected


@pytest.mark.parametrize("text,expected", [
    # the complement stops before a name written right after it
    ("Minister for Trade and Industry Lim Hng Kiang said on Monday.",
     [("Minister for Trade and Industry", "Lim Hng Kiang")]),
    ("In 2015, the Governor of the Bank of England Mark Carney said that the Bank would act.",
     [("Governor of the Bank of England", "Mark Carney")]),
    ("Also in 2015, the United States Ambassador to the United Kingdom Matthew Barzun said so.",
     [("Ambassador to the United Kingdom", "Matthew Barzun")]),
    # but takes a whole complement with joiners and a hyphenated place
    ("Boris Johnson was appointed Secretary of State for Foreign and Commonwealth Affairs.",
     [("Secretary of State for Foreign and Commonwealth Affairs", "Boris Johnson")]),
    ("The Mayor of Saint-Quentin, Xavier Bertrand, stated it.", [("Mayor of Saint-Quentin", "Xavier Bertrand")]),
    ("Kenneth Armstrong, professor of European law at Cambridge University, said so.",
     [("professor of European law", "Kenneth Armstrong")]),
    # a lowercase portfolio of several fields joined by "and" (and commas before it)
    ("Peru's deputy minister for livestock and fisheries, Ana Quispe, signed.",
     [("deputy minister for livestock and fisheries", "Ana Quispe")]),
    ("The minister of mining, energy and water, Rosa Mamani, said so.",
     [("minister of mining, energy and water", "Rosa Mamani")]),
    ("The bank's director for international ocean governance, Lea Roth, said so.",
     [("director for international ocean governance", "Lea Roth")]),
    # a capitalised list of portfolios with commas, before the name or a comma
    ("Cabinet Secretary for Mining, Blue Economy and Maritime Affairs Wanjiru Kamau said so.",
     [("Cabinet Secretary for Mining, Blue Economy and Maritime Affairs", "Wanjiru Kamau")]),
    ("The Minister of Finance, Planning and Economic Development, Rose Akello, spoke.",
     [("Minister of Finance, Planning and Economic Development", "Rose Akello")]),
    ("The Minister of Finance, Rose Akello, and Tom Berg met.", [("Minister of Finance", "Rose Akello")]),
])
def test_title_extent(extractor, text, expected):
    assert titles(extractor, text) == expected


@pytest.mark.parametrize("text,person,title,country", [
    ("Its founder, Chen Wei, will join the board.", "Chen Wei", "founder", None),
    ("Argentina's national team coach, Lionel Scaloni, welcomed the move.", "Lionel Scaloni", "national team coach",
     "AR"),
])
def test_lowercase_title_comma_name_links(extractor, text, person, title, country):
    record = extractor.extract(text)
    assert [(p["name"], p["titles"], p["country"]) for p in record["people"]] == [(person, [title], country)]


@pytest.mark.parametrize("text,expected", [
    # lowercase office nouns after a determiner or a nationality
    ("A Spanish judge on Wednesday ordered the arrest.", [("judge", None)]),
    ("A letter from the king reached the rebels.", [("king", None)]),
    # a verb is not an office
    ("Judge the results yourself.", []),
    # portfolio words from title_words.json
    ("Telecom Minister Kavita Rao spoke.", [("Telecom Minister", "Kavita Rao")]),
    ("Its chief curator, Dr. Ada Obi, would leave.", [("chief curator", "Ada Obi")]),
])
def test_office_nouns_and_portfolios(extractor, text, expected):
    assert titles(extractor, text) == expected


def test_a_nationality_and_a_thing_noun_carry_the_complement_to_the_things_name(extractor):
    r = extractor.extract("He was the coach of Welsh club Bala Athletic until May.")
    assert [t["text"] for t in r["titles"]] == ["coach of Welsh club Bala Athletic"]
    assert r["people"] == []


def test_a_complement_keeps_a_countrys_whole_name(extractor):
    text = "Rashid Al-Falasi was the former ambassador of the United Arab Emirates to Japan."
    assert "former ambassador of the United Arab Emirates to Japan" in [t["text"] for t in extractor.extract(text)["titles"]]
