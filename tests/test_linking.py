"""People, titles and their links, on short sentences: one test per linking pattern."""
import pytest


def people(extractor, text):
    return {p["name"]: p for p in extractor.extract(text)["people"]}


@pytest.mark.parametrize("text,name,title,country", [
    ("Japanese Vice Minister of Foreign Affairs Takeshi Akahori arrived in Tokyo.", "Takeshi Akahori",
     "Vice Minister of Foreign Affairs", "JP"),
    ("Mexican Undersecretary María Teresa Mercado led the delegation.", "María Teresa Mercado", "Undersecretary",
     "MX"),
    ("GM chief executive Rick Wagoner resigned on Monday.", "Rick Wagoner", "chief executive", None),
    ("Fritz Henderson, the Chief Executive Officer of General Motors, spoke to reporters.", "Fritz Henderson",
     "Chief Executive Officer of General Motors", None),
    ("John Smith, who is the company's chairman, declined to comment.", "John Smith", "chairman", None),
    ("Britain's Prime Minister Gordon Brown flew to Washington.", "Gordon Brown", "Prime Minister", "GB"),
    ("U.S. Treasury Secretary Timothy Geithner met bankers.", "Timothy Geithner", "Treasury Secretary", "US"),
])
def test_title_links(extractor, text, name, title, country):
    found = people(extractor, text)
    assert name in found, found
    assert title in found[name]["titles"]
    assert found[name]["country"] == country


def test_later_surname_and_honorific_fold_into_one_person(extractor):
    text = ("Japanese Vice Minister Takeshi Akahori met officials on Monday. Akahori said the talks went well. "
            "Mr. Akahori's aides agreed.")
    r = extractor.extract(text)
    assert [p["name"] for p in r["people"]] == ["Takeshi Akahori"]
    assert [m["text"] for m in r["people"][0]["mentions"]] == ["Takeshi Akahori", "Akahori", "Akahori"]


def test_title_without_person_is_reported_unlinked(extractor):
    r = extractor.extract("The minister said the budget would pass.")
    assert [(t["text"], t["person"]) for t in r["titles"]] == [("minister", None)]
    assert r["people"] == []


def test_heading_label_is_not_a_person(extractor):
    r = extractor.extract("Key Highlights of the Meeting:\nThe officials met in Lima.")
    assert r["people"] == []


def test_city_with_country_name_is_not_the_country(extractor):
    r = extractor.extract("Guatemala City and Kuwait City hosted the talks with Peru.")
    assert [c["code"] for c in r["countries"]] == ["PE"]


@pytest.mark.parametrize("text,codes", [
    ("The U.S. and Britain signed.", ["US", "GB"]),
    ("South Korea and the UAE agreed.", ["KR", "AE"]),
    ("Mexican and Japanese officials met.", ["MX", "JP"]),
    ("The U.S.-Japan alliance held.", ["US", "JP"]),
])
def test_country_aliases_and_nationalities(extractor, text, codes):
    assert [c["code"] for c in extractor.extract(text)["countries"]] == codes


def test_country_inside_an_organisation_name_is_not_a_mention(extractor):
    r = extractor.extract("Qatar Airways ordered jets for its fleet, the carrier said in Doha, Qatar.")
    (qatar,) = r["countries"]
    assert [m["start"] for m in qatar["mentions"]] == [r_start("Qatar.", "Qatar Airways ordered jets for its fleet, "
                                                                        "the carrier said in Doha, Qatar.")]


def test_country_before_an_office_inside_an_org_entity_still_counts(extractor):
    r = extractor.extract("U.S. Treasury Secretary Timothy Geithner met bankers.")
    assert [c["code"] for c in r["countries"]] == ["US"]


def test_one_word_name_without_evidence_is_not_a_person(extractor):
    r = extractor.extract("Apple unveiled Tiger, the new version of its operating system.")
    assert r["people"] == []


def test_speech_verb_context_never_yields_a_wrong_person(extractor):
    r = extractor.extract('"We are pleased," said Papermaster.')
    assert [p["name"] for p in r["people"]] in ([], ["Papermaster"])  # NER may miss it; never a non-person


def r_start(needle: str, text: str) -> int:
    return text.index(needle)


@pytest.mark.parametrize("text,value", [
    ("Ministers met on Thursday to discuss the plan.", "2013-03-21"),
    ("Ministers will meet on Thursday to discuss the plan.", "2013-03-28"),
    ("Officials said the plan, which will cut costs, was approved on Monday.", "2013-03-18"),
])
def test_weekday_direction_follows_the_governing_verb(extractor, text, value):
    r = extractor.extract(text, date="2013-03-22")
    assert [d["value"] for d in r["dates"]] == [value]



@pytest.mark.parametrize("text,name,title", [
    ("Pierre Dupont, the French ambassador to Canada, spoke on Monday.", "Pierre Dupont", "ambassador to Canada"),
    ("Carwyn Jones, who was at the time the First Minister of Wales, spoke.", "Carwyn Jones",
     "First Minister of Wales"),
])
def test_appositive_titles_with_complements_link(extractor, text, name, title):
    found = people(extractor, text)
    assert title in found[name]["titles"]


@pytest.mark.parametrize("text,title,person,link", [
    ("Prime Minister Theresa May flew to Berlin.", "Prime Minister", "Theresa May", "before"),
    ("Christine Lagarde, the managing director of the IMF, warned of risks.", "managing director of the IMF",
     "Christine Lagarde", "apposition"),
    ("The company's chairman, Bill Smith, declined to comment.", "chairman", "Bill Smith", "apposition"),
    ("Carwyn Jones, who was at the time the First Minister of Wales, objected.", "First Minister of Wales",
     "Carwyn Jones", "predicate"),
    ("In 1933, Adolf Hitler was appointed Chancellor of Germany.", "Chancellor of Germany", "Adolf Hitler",
     "predicate"),
    ("The minister said the budget would pass.", "minister", None, None),
])
def test_each_title_says_how_it_is_linked(extractor, text, title, person, link):
    titles = {t["text"]: t for t in extractor.extract(text)["titles"]}
    assert title in titles, titles
    assert (titles[title]["person"], titles[title]["link"]) == (person, link)


@pytest.mark.parametrize("text,title,person,link", [
    # an honorific between the title and the name
    ("The bill was criticised by the Conservative MP Sir Gerald Howarth.", "MP", "Gerald Howarth", "before"),
    ("He met the Italian foreign minister, Count Ciano, in Rome.", "foreign minister", "Ciano", "apposition"),
    # two titles in a row describe one person
    ("The order came from the military governor Major-General Friedrich Eberhardt.", "military governor",
     "Friedrich Eberhardt", "before"),
    ("Head of the OKW, Field-Marshal Wilhelm Keitel, signed the order.", "Head of the OKW", "Wilhelm Keitel",
     "apposition"),
    # a place ends the office's complement; the name follows it
    ("The First Minister of Wales Carwyn Jones said Wales would vote.", "First Minister of Wales", "Carwyn Jones",
     "before"),
    ("Mayor of London Sadiq Khan welcomed the plan.", "Mayor of London", "Sadiq Khan", "before"),
    # a noun compound before an appositive title
    ("Rudolf Höss, Auschwitz camp commandant, testified.", "commandant", "Rudolf Höss", "apposition"),
])
def test_more_linking_patterns(extractor, text, title, person, link):
    titles = {t["text"]: t for t in extractor.extract(text)["titles"]}
    assert title in titles, titles
    assert (titles[title]["person"], titles[title]["link"]) == (person, link)


def test_a_plural_title_before_a_list_of_names_describes_each(extractor):
    r = extractor.extract("The debate featured Labour MPs Siobhain McDonagh and Chuka Umunna.")
    assert {p["name"]: p["titles"] for p in r["people"]} == {"Siobhain McDonagh": ["Labour MPs"],
                                                             "Chuka Umunna": ["Labour MPs"]}


@pytest.mark.parametrize("text,people", [
    # an organisation's name is the office's complement, not a person after it
    ("Mordechaj Anielewicz, leader of the Jewish Combat Organization, died.", ["Mordechaj Anielewicz"]),
    # a sentence that introduces a quote with a colon is not a heading label
    ('Russian President Vladimir Putin said: "I want to say it."', ["Vladimir Putin"]),
])
def test_who_is_a_person(extractor, text, people):
    assert [p["name"] for p in extractor.extract(text)["people"]] == people


def test_a_title_word_that_starts_another_name_is_not_a_title(extractor):
    r = extractor.extract("The vote was moved to avoid a clash with the 2015 General Election, officials said.")
    assert r["titles"] == []


@pytest.mark.parametrize("text,title,person", [
    ("Maria Olsen, who was previously head of strategy at Equinor, joined the board.", "head of strategy",
     "Maria Olsen"),
    ("Li Wei, the party's secretary for international affairs, met the delegation.",
     "secretary for international affairs", "Li Wei"),
    ("The vice president of sales, Tom Hart, resigned.", "vice president of sales", "Tom Hart"),
])
def test_lowercase_portfolio_complements(extractor, text, title, person):
    assert (title, person) in [(t["text"], t["person"]) for t in extractor.extract(text)["titles"]]


@pytest.mark.parametrize("text", [
    "The group agreed to acquire Sunhaven Solar, the company said.",
    "The draft Bill stated that the vote must be held. It was a Private Member's Bill.",
    "Labour backed an Alternative Referendum Bill in the Commons.",
])
def test_things_named_like_people_are_not_people(extractor, text):
    assert extractor.extract(text)["people"] == []


@pytest.mark.parametrize("text,title,person,link", [
    # the parse says what the patterns miss
    ("Hanna Vik, who ran the Oslo office for a decade, was named chief executive on Monday.", "chief executive",
     "Hanna Vik", "predicate"),
    ("Omar Haddad will join the merged board as vice chairman.", "vice chairman", "Omar Haddad", "predicate"),
    # coordinated titles before one name
    ("Co-founder and chief executive Lena Hartmann said sales rose.", "Co-founder", "Lena Hartmann", "before"),
])
def test_links_read_from_the_parse_and_coordination(extractor, text, title, person, link):
    titles = {t["text"]: t for t in extractor.extract(text)["titles"]}
    assert (titles[title]["person"], titles[title]["link"]) == (person, link)


@pytest.mark.parametrize("text,name,title", [
    # romanised given names with a lowercase syllable, hyphenated surnames, after "title, comma"
    ("South Korea's trade minister, Park Ji-hoon, said exports would recover.", "Park Ji-hoon", "trade minister"),
    ("Defense Minister Choi Dong-wook met the delegation.", "Choi Dong-wook", "Defense Minister"),
    ("The chief executive of the Ghana Cocoa Board, Kwame Asante-Mensah, said output rose.", "Kwame Asante-Mensah",
     "chief executive of the Ghana Cocoa Board"),
])
def test_hyphenated_names(extractor, text, name, title):
    found = people(extractor, text)
    assert name in found, found
    assert found[name]["titles"] == [title]


def test_a_complement_before_a_possessive_is_not_taken(extractor):
    r = extractor.extract("A spokesman for Ghana's president declined to comment.")
    assert [t["text"] for t in r["titles"]] == ["spokesman", "president"]


@pytest.mark.parametrize("text,titles", [
    # title abbreviations, also where the tokenizer splits off the period ("Lt" ".")
    ("His spokeswoman, Lt. Cmdr. Dana Hale, said the ship would sail.",
     [("spokeswoman", "Dana Hale"), ("Lt. Cmdr.", "Dana Hale")]),
    ("Gen. Ramon Cruz met Sen. John Doe and Col. Ana Ruiz.",
     [("Gen.", "Ramon Cruz"), ("Sen.", "John Doe"), ("Col.", "Ana Ruiz")]),
    # a lowercase office before a capitalised rank: two titles of one person
    ("Philippine military chief General Pedro Santos appealed for calm.",
     [("military chief", "Pedro Santos"), ("General", "Pedro Santos")]),
    # a complement with a hyphenated name is not cut into a person
    ("Admiral Tom Reyes, commander of U.S. Indo-Pacific Command, spoke by video.",
     [("Admiral", "Tom Reyes"), ("commander of U.S. Indo-Pacific Command", "Tom Reyes")]),
    # "title, the Most Rev. Name"
    ("The Archbishop of Kenya, the Most Rev. Peter Mwangi, called for calm.",
     [("Archbishop of Kenya", "Peter Mwangi"), ("Rev.", "Peter Mwangi")]),
])
def test_ranks_abbreviations_and_title_chains(extractor, text, titles):
    assert [(t["text"], t["person"]) for t in extractor.extract(text)["titles"]] == titles


def test_relative_clause_and_pronoun_subjects_in_a_biography(extractor):
    text = ("Otto Falk (1881-1950) was an Austrian politician who served as Chancellor of Austria from 1929. "
            "In 1922 he was appointed ambassador to Hungary.")
    titles = {t["text"]: (t["person"], t["link"]) for t in extractor.extract(text)["titles"]}
    assert titles == {"politician": ("Otto Falk", "predicate"), "Chancellor of Austria": ("Otto Falk", "predicate"),
                      "ambassador to Hungary": ("Otto Falk", "predicate")}


@pytest.mark.parametrize("text,name,title", [
    ("Álvaro Mendes Cabral (3 May 1878 – 19 January 1951) was a Portuguese army officer.", "Álvaro Mendes Cabral",
     "army officer"),
    ("His younger brother, Niels Aagaard Holm, was a general in the Danish army.", "Niels Aagaard Holm", "general"),
    ("Vietnam's deputy prime minister and foreign minister, Tran Van Hoang, said yes.", "Tran Van Hoang",
     "deputy prime minister"),
])
def test_biography_leads_relatives_and_coordinated_titles(extractor, text, name, title):
    found = people(extractor, text)
    assert name in found, found
    assert title in found[name]["titles"]


def test_titles_conjoined_with_as(extractor):
    r = extractor.extract("Ole Holm served as governor of the colony and as President of the Landsting.")
    assert {t["text"]: t["person"] for t in r["titles"]} == {"governor of the colony": "Ole Holm",
                                                            "President of the Landsting": "Ole Holm"}


@pytest.mark.parametrize("text,name,country", [
    # across an office body, or a counterpart set off before the title
    ("China's foreign ministry spokesman, Zhao Ming, said talks went well.", "Zhao Ming", "CN"),
    ("He met his Dutch counterpart, Finance Minister Joost de Wit, on Monday.", "Joost de Wit", "NL"),
    # a body of the state in the title's complement gives the country, though it is not a country mention;
    # where a diplomat serves does not
    ("Wang Fei, deputy director of the Chinese customs administration, said trade rose.", "Wang Fei", "CN"),
    ("Anna Orlova, the official Russian foreign ministry spokesperson, said no.", "Anna Orlova", "RU"),
    ("Fatima al-Ketbi was appointed ambassador to Japan last year.", "Fatima al-Ketbi", None),
    # written before or beside the name
    ("Kenyan Brian Kiprotich won the race.", "Brian Kiprotich", "KE"),
    ("Ethiopia's Meseret Tadesse finished second.", "Meseret Tadesse", "ET"),
    ("Henrik Sorensen, a Danish diplomat, said no.", "Henrik Sorensen", "DK"),
    ("Belarus's Foreign Ministry spokesman, Anatoly Glebov, said no.", "Anatoly Glebov", "BY"),
    ("South Africa's mineral resources minister, Thabo Nkosi, said no.", "Thabo Nkosi", "ZA"),
    # after the name, or a counterpart before it
    ("Referee Pierre-Yves Mbaye of Senegal sent him off.", "Pierre-Yves Mbaye", "SN"),
    ("Her Colombian counterpart, Andrés Camilo Restrepo, agreed.", "Andrés Camilo Restrepo", "CO"),
    ("The title went to Maria Lopez of Mexico.", "Maria Lopez", "MX"),
])
def test_a_persons_country(extractor, text, name, country):
    assert people(extractor, text)[name]["country"] == country


def test_a_subject_pronoun_follows_the_subjects_before_it(extractor):
    text = ("Manuel Urquiza (12 February 1901 – 8 October 1977) was a Peruvian diplomat. He served as Minister of "
            "Foreign Affairs and was later appointed ambassador to the United States.\n\nThe son of senator Eduardo "
            "Pardo, he studied law under the historian Teodoro Villarán. He joined the foreign service in 1926. In "
            "1939 he was appointed ambassador to Mexico, where he met the Mexican painter Aurelio Montaño.")
    people = {p["name"]: p["titles"] for p in extractor.extract(text)["people"]}
    assert {"ambassador to the United States", "ambassador to Mexico"} <= set(people["Manuel Urquiza"]), people
    assert "ambassador to Mexico" not in people["Teodoro Villarán"], people


def test_a_pronoun_after_another_subject_takes_the_nearest_name(extractor):
    text = "Ana Ruiz met Jan Berg on Monday. The talks ended early. In 2001 he was appointed ambassador to Chile."
    people = {p["name"]: p["titles"] for p in extractor.extract(text)["people"]}
    assert "ambassador to Chile" in people["Jan Berg"], people


@pytest.mark.parametrize("text,name,titles,country", [
    # a chain of appositions, each after a comma and an article
    ("The new chairman is Ravi Persad-Khan, 61, a petroleum engineer, a former president of the Energy Chamber.",
     "Ravi Persad-Khan", ["chairman", "petroleum engineer", "former president of the Energy Chamber"], None),
    ("The board includes Lisa Ramdeen, the company's general counsel, a former attorney general of Guyana.",
     "Lisa Ramdeen", ["general counsel", "former attorney general of Guyana"], "GY"),
    ("Professor Asha Roopnarine, a geologist, the dean of engineering at the university, spoke.",
     "Asha Roopnarine", ["Professor", "geologist", "dean of engineering"], None),
])
def test_chained_appositions_and_the_copula_the_other_way_round(extractor, text, name, titles, country):
    found = {p["name"]: p for p in extractor.extract(text)["people"]}
    assert found[name]["titles"] == titles and found[name]["country"] == country, found


@pytest.mark.parametrize("text,expected", [
    # a plural title in apposition to a list gives each person the title
    ("Two judges, Marta Ruelas of Mexico and Paulo Nunes of Brazil, were replaced.",
     {"Marta Ruelas": ("judges", "MX"), "Paulo Nunes": ("judges", "BR")}),
    # the countries of a plural's complement pair up with the names in order
    ("The central bank governors of Canada, Brazil and Indonesia, Claire Dufort, Otavio Lins and Agus Setiawan, met.",
     {"Claire Dufort": (None, "CA"), "Otavio Lins": (None, "BR"), "Agus Setiawan": (None, "ID")}),
    # and give no country where they do not pair up
    ("Foreign ministers of Peru and Chile, Ana Ruiz, Tom Berg and Jan Olsen, met.",
     {"Tom Berg": (None, None), "Jan Olsen": (None, None)}),
    # names after a comma are no list of portfolios
    ("The foreign ministers of Peru, Ana Ruiz and Tom Berg, met.",
     {"Ana Ruiz": ("foreign ministers of Peru", "PE"), "Tom Berg": ("foreign ministers of Peru", "PE")}),
    # an occupation the tagger calls a verb, coordinated with an occupation noun
    ("Agnieszka Zielinska (born 30 March 1979) is a Polish novelist and screenwriter. In 2016 she was writer "
     "in residence at the University of Iowa.", {"Agnieszka Zielinska": ("screenwriter", "PL")}),
])
def test_plural_titles_lists_and_coordinated_occupations(extractor, text, expected):
    found = {p["name"]: p for p in extractor.extract(text)["people"]}
    for name, (title, country) in expected.items():
        assert found[name]["country"] == country, found
        if title is not None:
            assert title in found[name]["titles"], found
