"""Which country words are mentions of the country (and which are parts of other names)."""
import pytest


def codes(extractor, text):
    return [(m["text"], c["code"]) for c in extractor.extract(text)["countries"] for m in c["mentions"]]


@pytest.mark.parametrize("text,expected", [
    # a country word inside another proper name is not the country
    ("Air Canada ordered jets and flew to India.", [("India", "IN")]),
    ("The Bank of Japan held rates while Japan's exports rose.", [("Japan", "JP")]),
    ("He sailed the Indian Ocean before reaching Kenya.", [("Kenya", "KE")]),
    ("The British National Party lost votes in Britain.", [("Britain", "GB")]),
    ("Historians of Nazi Germany met in Austria.", [("Austria", "AT")]),
    # currencies are not mentions
    ("The deal was worth 3 billion US dollars, officials in Mexico said.", [("Mexico", "MX")]),
    # people nouns and UK constituent countries are not ISO countries
    ("Germans and Italians voted; Scotland and Wales did too, unlike Spain.", [("Spain", "ES")]),
    ("Austria-Hungary declared war on Serbia.", [("Serbia", "RS")]),
    # a body of the state is named by the country word: the body, not the country, is the mention
    ("The British government met the Irish ambassador.", [("Irish", "IE")]),
])
def test_country_word_in_other_names(extractor, text, expected):
    assert codes(extractor, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("German Chancellor Angela Merkel visited Poland.", [("German", "DE"), ("Poland", "PL")]),
    ("U.S. Treasury Secretary Timothy Geithner met bankers.", [("U.S.", "US")]),
    ("Airbus parent EADS wins UK RAF airtanker contract", [("UK", "GB")]),
    ("German troops crossed into Belgium.", [("German", "DE"), ("Belgium", "BE")]),
    ("In Germany, prices rose.", [("Germany", "DE")]),
])
def test_country_words_that_count(extractor, text, expected):
    assert codes(extractor, text) == expected


def test_title_case_headline_keeps_countries(extractor):
    assert codes(extractor, "Record Sales For Japan Carmakers") == [("Japan", "JP")]
    assert codes(extractor, "Record sales for Japan Carmakers Group") == []
