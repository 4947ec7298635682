"""Names NER misses or calls organisations where the context says person (factx/person_lists.py)."""
import pytest


def names(extractor, text):
    return {p["name"] for p in extractor.extract(text)["people"]}


@pytest.mark.parametrize("text,expected", [
    ("It stars Jane Fonda, Michael Sarrazin, Bruce Dern, Bonnie Bedelia and Gig Young.",
     {"Jane Fonda", "Michael Sarrazin", "Bruce Dern", "Bonnie Bedelia", "Gig Young"}),
    ("The city was freed by the army of Kuzma Minin and Dmitry Pozharsky.", {"Kuzma Minin", "Dmitry Pozharsky"}),
    ("Ocean Waves is a 1993 film directed by Tomomi Mochizuki and written by Kaori Nakamura.",
     {"Tomomi Mochizuki", "Kaori Nakamura"}),
    ("Its mascot, created by Walt Disney in 1943, is still used.", {"Walt Disney"}),
])
def test_names_from_lists_and_agents(extractor, text, expected):
    assert expected <= names(extractor, text)


@pytest.mark.parametrize("text,not_people", [
    ("The film was produced by Galaxy Films and Warner Bros.", {"Galaxy Films", "Warner Bros"}),
    ("Main articles: Pogrom, Dorohoi Pogrom and Jedwabne Massacre", {"Dorohoi Pogrom", "Jedwabne Massacre"}),
    ("In his book on the Third Reich, Ian Kershaw examined it.", {"Third Reich"}),
])
def test_no_people_from_things_in_lists(extractor, text, not_people):
    assert not (not_people & names(extractor, text))


@pytest.mark.parametrize("text,name,titles", [
    ("Coach Rafael Dantas said the team was tired.", "Rafael Dantas", ["Coach"]),
    ("Rafael Dantas, 48, said the team was tired.", "Rafael Dantas", []),
    ("Representative Jane Hall, a Democrat from Ohio, voted no.", "Jane Hall", ["Representative"]),
])
def test_names_ner_misses_where_the_context_says_person(extractor, text, name, titles):
    people = {p["name"]: p["titles"] for p in extractor.extract(text)["people"]}
    assert people.get(name) == titles, people


@pytest.mark.parametrize("text", [
    "British fund manager Yellow Capital said it would sell.",
    "The commander of the Baltic Naval Forces said it would.",
    "General Electric Company said it would.",
    "In 2019, 48, of them left.",
])
def test_no_person_where_the_name_is_a_things(extractor, text):
    assert extractor.extract(text)["people"] == []


@pytest.mark.parametrize("text,name,title,country", [
    ("She illustrates books by Ursula Jones, a retired British actress.", "Ursula Jones", "actress", "GB"),
    ("She illustrates books by Ursula Jones—a retired British actress.", "Ursula Jones", "actress", "GB"),
])
def test_a_description_in_apposition_says_person(extractor, text, name, title, country):
    people = {p["name"]: p for p in extractor.extract(text)["people"]}
    assert title in people[name]["titles"] and people[name]["country"] == country


def test_no_person_from_a_things_description(extractor):
    assert extractor.extract("Shares of Goldman Sachs, an investment bank, rose.")["people"] == []


@pytest.mark.parametrize("text,expected", [
    ("It stars Jane Fonda, Michael Sarrazin, Susannah York, Red Buttons and Bruce Dern.", {"Susannah York"}),
    ("The district was merged with that of fellow Democrat Sidney Yates.", {"Sidney Yates"}),
    ("Republican Mitt Romney of Utah voted no.", {"Mitt Romney"}),
    ("He carried orders from King Louis XIV to push the Imperialists out of Italy.", {"Louis XIV"}),
    ('Michael John "Mike" Padden (born November 13, 1946) is a lawyer and politician.',
     {'Michael John "Mike" Padden'}),
    ('James Llewellyn "Jimmy" Frise (16 October 1891 – 13 June 1948) was a Canadian cartoonist.',
     {'James Llewellyn "Jimmy" Frise'}),
])
def test_more_names_the_context_makes_people(extractor, text, expected):
    assert expected <= names(extractor, text)


@pytest.mark.parametrize("text,not_people", [
    ("Guests came from John Smith's farm, New York and Los Angeles.", {"New York", "Los Angeles"}),
    ("The Republican National Committee met on Monday.", {"Republican National Committee"}),
    ('The album contains the hits "Mad World", "Change" and "Pale Shelter".', {"Mad World", "Pale Shelter"}),
    ("Maybe is the second single from his second album My Own Way.", {"My Own Way"}),
    ("He was loaned to Second Division side Albion Rovers in 2012.", {"Albion Rovers"}),
    ("The pass is midway between Aspen and Twin Lakes, near Sunol Valley and Docklands Drive.",
     {"Twin Lakes", "Sunol Valley", "Docklands Drive"}),
])
def test_no_people_from_places_works_and_parties(extractor, text, not_people):
    assert not (not_people & names(extractor, text))
