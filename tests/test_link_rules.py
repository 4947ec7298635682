"""Issue 11: a person's country and titles from the phrase around the name (names invented).

Every row of models/person_links.jsonl is run on its own example; the issue's "What users expect" bullets
follow as short sentences."""
import json

import pytest

from factx.data import models_dir, read_jsonl

ROWS = read_jsonl(models_dir() / "person_links.jsonl")


def assert_person(found, name, title, country):
    """The person has the country, and the title unless it is None."""
    assert found[name]["country"] == country, found
    if title is not None:
        assert title in found[name]["titles"], found


def people(extractor, text):
    record = extractor.extract(text)
    assert "error" not in record, record
    return {p["name"]: p for p in record["people"]}


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['rule']}:{r['example'][:40]}" for r in ROWS])
def test_every_link_row_gives_its_example_country(extractor, row):
    found = people(extractor, row["example"])
    assert row["person"] in found, found
    person = found[row["person"]]
    assert person["country"] == row["country"]
    if row["country"] is None:
        assert person["country_source"] is None and person["country_evidence"] is None
    else:
        ev = person["country_evidence"]
        assert person["country_source"] == "text"
        assert row["example"][ev["start"]:ev["end"]] == ev["text"]


@pytest.mark.parametrize("text,name,country", [
    # nationality before a role word, office or occupation
    ("Peruvian engineering professor Marta Quiroga led the study.", "Marta Quiroga", "PE"),
    ("The prize went to the Austrian chemist Lena Huber on Monday.", "Lena Huber", "AT"),
    ("South African bowling coach Pieter Botha said the team was ready.", "Pieter Botha", "ZA"),
    ("The concert featured the Finnish cellist Aino Laine.", "Aino Laine", "FI"),
    ("The film stars Canadian-born Tom Hale.", "Tom Hale", "CA"),
    # copular predicates, encyclopedia leads with a parenthesis
    ("Hana Novak is a Czech diplomat.", "Hana Novak", "CZ"),
    ("Rui Costa (4 May 1931 – 2 June 2019) was a Portuguese economist who served as finance minister.",
     "Rui Costa", "PT"),
    ("Olga Berg (born 12 March 1970) is a Norwegian novelist.", "Olga Berg", "NO"),
    # a counterpart with or without a comma
    ("She met her Chilean counterpart Ana Soto in Lima.", "Ana Soto", "CL"),
    ("She met her Chilean counterpart, Ana Soto, in Lima.", "Ana Soto", "CL"),
    # "X of <country>"
    ("Referee Pierre Mbaye of Senegal was in charge.", "Pierre Mbaye", "SN"),
    # a country's office
    ("Attorney General of Kenya Jane Wambui spoke.", "Jane Wambui", "KE"),
])
def test_country_stated_in_the_text(extractor, text, name, country):
    found = people(extractor, text)
    assert name in found, found
    assert found[name]["country"] == country
    assert found[name]["country_source"] == "text"


@pytest.mark.parametrize("text,name", [
    ("A German car maker's chief executive, Hans Weber, said the plant would close.", "Hans Weber"),
    ("Ida Marsh was the daughter of Italian actors.", "Ida Marsh"),
    ("Tom Reed visited the Canadian embassy on Friday.", "Tom Reed"),
])
def test_a_nationality_that_modifies_something_else_is_not_the_persons(extractor, text, name):
    found = people(extractor, text)
    assert name in found, found
    assert found[name]["country"] is None
    assert found[name]["country_evidence"] is None


def test_a_list_after_a_plural_occupation_gives_each_the_country(extractor):
    found = people(extractor, "He was taught by the Chilean painters Cosme Varas and Juan Mochi.")
    assert (found["Cosme Varas"]["country"], found["Juan Mochi"]["country"]) == ("CL", "CL")


def test_titles_carry_their_kind(extractor):
    record = extractor.extract("Interior Minister Ana Lopes met reporters.")
    assert [(t["text"], t["kind"]) for t in record["titles"]] == [("Interior Minister", "office")]


def test_kosovo_is_not_reported_as_a_country(extractor):
    record = extractor.extract("Kosovo and Serbia met; a Kosovar official spoke.")
    assert [c["code"] for c in record["countries"]] == ["RS"]


def test_people_extension_holds_only_json_values(extractor):
    from factx import pipeline

    nlp = pipeline.load()
    doc = nlp("Mexican Foreign Minister Ana Ruiz met Peruvian professor Marta Quiroga.")
    people_value = doc._.factx_people
    assert json.loads(json.dumps(people_value)) == people_value
    assert [p["country"] for p in people_value] == ["MX", "PE"]
    titles = [(t._.factx_person, t._.factx_link, t._.factx_kind) for t in doc.spans["factx_titles"]]
    assert json.loads(json.dumps(titles)) == [list(t) for t in titles]
    doc.to_bytes()  # user_data holds only serialisable values


def test_x_of_country_in_a_list_after_a_plural_title(extractor):
    found = people(extractor, "Trade Ministers Ana Ruiz of Spain, Jan Berg of Sweden and Ewa Nowak of Poland met.")
    assert {n: (p["titles"], p["country"]) for n, p in found.items()} == {
        "Ana Ruiz": (["Trade Ministers"], "ES"), "Jan Berg": (["Trade Ministers"], "SE"),
        "Ewa Nowak": (["Trade Ministers"], "PL")}


@pytest.mark.parametrize("text,name,title,country", [
    ("Ghana's anti-doping agency chief, Kofi Mensah, said the tests were clean.", "Kofi Mensah",
     "anti-doping agency chief", "GH"),
    ("Ines Duarte, head of Portugal's tourism board, said bookings rose.", "Ines Duarte",
     "head of Portugal's tourism board", "PT"),
    ("The head of Chile's state copper commission, Ignacio Larraín Boza, resigned.", "Ignacio Larraín Boza",
     "head of Chile's state copper commission", "CL"),
    ("Mozambique's attorney general, Beatriz dos Santos Machava, said the company had never planted.",
     "Beatriz dos Santos Machava", "attorney general", "MZ"),
    ("Alabama Attorney General Lynette Crowe called the bill a stunt.", "Lynette Crowe", "Attorney General", "US"),
    ("Georgia Governor Brent Hollis will sign the bill, Senator Ray Dukes of Alabama said.", "Brent Hollis",
     "Governor", "US"),
])
def test_a_countrys_body_gives_its_officer_the_country(extractor, text, name, title, country):
    found = people(extractor, text)
    assert title in found[name]["titles"]
    assert found[name]["country"] == country
    ev = found[name]["country_evidence"]
    assert text[ev["start"]:ev["end"]] == ev["text"]


def test_full_name_with_particles(extractor):
    assert list(people(extractor, "Ursula von der Leyen said the plan would work.")) == ["Ursula von der Leyen"]


@pytest.mark.parametrize("text", [
    "Lough Derg and Lough Ree are lakes in Ireland.",
    "Fyllingen Fotball was a Norwegian association football club.",
])
def test_a_name_said_to_be_a_place_or_group_is_not_a_person(extractor, text):
    assert people(extractor, text) == {}


@pytest.mark.parametrize("text,country", [
    ("LISBON, Portugal - Interior Minister Ana Lopes said on Monday that the bill would pass.", "PT"),
    ("Prime Minister Ana Lopes told Portugal's parliament the budget would pass.", "PT"),
])
def test_a_national_office_takes_the_one_country_of_the_text_marked_context(extractor, text, country):
    person = people(extractor, text)["Ana Lopes"]
    assert (person["country"], person["country_source"]) == (country, "context")
    ev = person["country_evidence"]
    assert text[ev["start"]:ev["end"]] == ev["text"]


@pytest.mark.parametrize("text", [
    "Interior Minister Ana Lopes said Portugal and Spain would act together.",  # two countries: no guess
    "Acme President John Hale said the firm would expand in Brazil.",  # a company's president
    "Acme president John Hale said the firm would expand in Brazil.",
    "Chief executive John Hale said the firm would expand in Brazil.",  # not a national office
])
def test_no_context_country_where_the_text_does_not_settle_it(extractor, text):
    for person in people(extractor, text).values():
        assert person["country"] is None and person["country_source"] is None


@pytest.mark.parametrize("text,country", [
    ("Senator Ruth Baker of Georgia voted against the bill in Washington.", "US"),  # the US state
    ("President Nino Beridze of Georgia met Turkish officials in Tbilisi.", "GE"),  # the country
])
def test_a_subdivision_sharing_a_countrys_name_is_the_subdivision_where_the_text_says_so(extractor, text, country):
    (person,) = people(extractor, text).values()
    assert person["country"] == country


@pytest.mark.parametrize("text,name,title,country", [
    ("Norway's health minister opened the clinic on Monday. Patients were waiting. "
     "The minister, Kari Dahl, said it was a start.", "Kari Dahl", "health minister", "NO"),
    ("Finland's education minister said the plan would cost more. The minister Aino Lehtovaara said so.",
     "Aino Lehtovaara", "education minister", "FI"),
])
def test_title_named_earlier_then_with_the_name(extractor, text, name, title, country):
    record = extractor.extract(text)
    person = {p["name"]: p for p in record["people"]}[name]
    assert title in person["titles"] and person["country"] == country
    assert {(t["text"], t["person"], t["link"]) for t in record["titles"]} >= {(title, name, "antecedent")}


def test_title_named_earlier_is_not_linked_when_two_could_be_meant(extractor):
    record = extractor.extract("The health minister and the finance minister met. The minister, Kari Dahl, said.")
    person = {p["name"]: p for p in record["people"]}["Kari Dahl"]
    assert person["titles"] == ["minister"] and person["country"] is None


def test_a_title_after_an_appositive_title_is_the_same_persons(extractor):
    record = extractor.extract("The monument honours Józef Piłsudski, a military leader, Marshal of Poland and "
                               "one of the main figures of the time.")
    person = {p["name"]: p for p in record["people"]}["Józef Piłsudski"]
    assert person["titles"] == ["military leader", "Marshal of Poland"] and person["country"] == "PL"


def test_an_earlier_title_with_another_head_word_is_not_linked(extractor):
    record = extractor.extract("Norway's health secretary opened the clinic. The minister, Kari Dahl, said so.")
    assert all(t["person"] is None for t in record["titles"] if t["text"] == "health secretary")


@pytest.mark.parametrize("text,name,title,country", [
    ("Nishimoto will next face the American Tyler Brandt-Okafor.", "Tyler Brandt-Okafor", None, "US"),
    ("Irishman Tadhg Kennelly was a key player.", "Tadhg Kennelly", None, "IE"),
    ("Bolivian Hydrocarbons Minister Marcelo Quiroga Antezana said on Monday.", "Marcelo Quiroga Antezana",
     "Hydrocarbons Minister", "BO"),
    ("Turkish Treasury and Finance Minister Emre Çelikkol said.", "Emre Çelikkol", "Treasury and Finance Minister", "TR"),
    ("It followed a design by the Brazilian architect and sculptor Antônio Francisco Lisboa.",
     "Antônio Francisco Lisboa", "sculptor", "BR"),
    ("The rally was led by the future first prime minister of independent Ghana, Kwame Nkrumah, a friend.",
     "Kwame Nkrumah", "first prime minister of independent Ghana", "GH"),
    ("It drew support across Bangladesh's society, including from the country's Prime Minister Sheikh Hasina.",
     "Hasina", "Prime Minister", "BD"),
    ("Beliën is married to Alexandra Colen, a former member of the Belgian Federal Parliament.", "Alexandra Colen",
     "former member of the Belgian Federal Parliament", "BE"),
])
def test_more_ways_the_text_gives_a_country(extractor, text, name, title, country):
    assert_person(people(extractor, text), name, title, country)


@pytest.mark.parametrize("text,name", [
    ("Kenya and Uganda met. The country's President William Ruto said.", "William Ruto"),
    ("He visited the British Museum with the Mexican Grand Prix winner.", None),
])
def test_no_country_where_the_reference_is_unclear(extractor, text, name):
    found = people(extractor, text)
    if name is None:
        assert not found, found
    else:
        assert found[name]["country"] is None, found


@pytest.mark.parametrize("text,name,title,country", [
    ("Japan's Haruka Nishimoto beat Croatian Ivana Petrović-Kralj 6-4 3-6 6-2 on Saturday.", "Ivana Petrović-Kralj",
     None, "HR"),
    ("\" Spain's Ana Beltrán Ocaña, the only minister to speak against the draft, said no.", "Ana Beltrán Ocaña",
     "minister", "ES"),
    ("Water ministers Ayman Rawashdeh of Jordan, Bassam Qudsi of Syria and Nour Karam of Lebanon agreed.",
     "Nour Karam", "Water ministers", "LB"),
    ("Her coach, the former Australian player Simon Reardon, said she was stronger.", "Simon Reardon", "coach", "AU"),
    ("Tavita Leaupepe-Fonoti (born 7 July 1990) is a New Zealand rugby union player.", "Tavita Leaupepe-Fonoti",
     "rugby union player", "NZ"),
    ("Deportivo Riachuelo named Martín Sosa Barreiro as coach on Wednesday.", "Martín Sosa Barreiro", "coach", None),
])
def test_names_titles_and_countries_from_news_forms(extractor, text, name, title, country):
    assert_person(people(extractor, text), name, title, country)


@pytest.mark.parametrize("text,name,country,source", [
    ("Fatih Terim, Commendatore OSSI, T.C, (born 4 September 1953) is a Turkish football manager.", "Fatih Terim",
     "TR", "text"),
    ("Zakhary Petrovich Lyapunov () (? -after 1612) was a Russian political figure.", "Zakhary Petrovich Lyapunov",
     "RU", "text"),
    ("Alecu Russo (born in March 17, 1819, near Chişinău, died on February 5, 1859, in Iaşi), was a Moldavian "
     "Romanian writer.", "Alecu Russo", "RO", "text"),
    ("Ernesto D'Alessio (born Ernesto Alonso Vargas Contreras on June 3, 1977 in Mexico City) is a Mexican actor.",
     "Ernesto Alonso Vargas Contreras", "MX", "text"),
    ("Zevs (born Christophe Aguirre Schwarz on 17 November 1977 in Saverne) is a French street artist.", "Zevs",
     "FR", "text"),
    ("Rufus Carter (March 31, 1866–1932) was a farmer and political figure in Nova Scotia, Canada.", "Rufus Carter",
     "CA", "text"),
    ("Spain and Italy met. As a result of the 2009 Malagasy political crisis, President Marc Ravalomanana was "
     "removed. Madagascar's army took over, and Madagascar stayed poor.", "Marc Ravalomanana", "MG", "context"),
])
def test_leads_and_context_give_a_country(extractor, text, name, country, source):
    found = people(extractor, text)
    assert found[name]["country"] == country, found
    assert found[name]["country_source"] == source, found


def test_no_context_country_from_a_country_named_after_the_office(extractor):
    found = people(extractor, "Spain and Italy met. President Emmanuel Macron told the French newspaper Le Monde "
                              "that France and France agreed.")
    assert found["Emmanuel Macron"]["country"] is None, found


@pytest.mark.parametrize("text,name,title,country", [
    ("The chairwoman of Latvia's Constitutional Court, Ilze Kalniņa-Bērziņa, read the ruling.",
     "Ilze Kalniņa-Bērziņa", "chairwoman of Latvia's Constitutional Court", "LV"),
    ("Chinese Commerce Ministry spokeswoman Wei Lanfang said on Thursday.", "Wei Lanfang", "spokeswoman", "CN"),
    ("Anna Cole, a spokeswoman for the British High Commission, said.", "Anna Cole",
     "spokeswoman for the British High Commission", "GB"),
    ("Mulenga Banda, deputy governor of the Bank of Zambia, said.", "Mulenga Banda",
     "deputy governor of the Bank of Zambia", "ZM"),
    ("The Ecuadorian Wilmer Chiluisa was third.", "Wilmer Chiluisa", None, "EC"),
    ("The Fijian, Semi Tawake, won.", "Semi Tawake", None, "FJ"),
    ("The IMF's mission chief for Zambia, Lucía Arrieta, said. Arrieta, a Spanish economist, added.",
     "Lucía Arrieta", "mission chief for Zambia", "ES"),
    ("Pieter van der Hoek, who is Dutch, will stay on the board.", "Pieter van der Hoek", None, "NL"),
])
def test_bodies_nationality_nouns_and_predicates(extractor, text, name, title, country):
    assert_person(people(extractor, text), name, title, country)


def test_a_company_named_of_america_is_no_body(extractor):
    found = people(extractor, "Jim Ray, a vice president of the Bank of America, said.")
    assert found["Jim Ray"]["country"] is None, found


def test_a_possessive_pronoun_before_a_plural_body_part_is_no_title(extractor):
    record = extractor.extract("Piles of hair shaven from their heads, are stored in the museum, Anna Berg said.")
    assert not [t for t in record["titles"] if t["text"] == "heads"], record["titles"]


@pytest.mark.parametrize("text,name,titles", [
    ("John Smith, marketing director, said the launch had slipped.", "John Smith", ["marketing director"]),
    ("Marta Quiroga, director at a Lisbon bank, said rates would fall.", "Marta Quiroga", ["director"]),
    ("The appointment was announced by Carla Weiss, the bloc's foreign policy chief, who praised it.",
     "Carla Weiss", ["foreign policy chief"]),
    ("The mayor's deputy, Tomas Berg, would lead the inquiry.", "Tomas Berg", ["deputy"]),
])
def test_a_lowercase_head_in_apposition_to_a_name_is_its_title(extractor, text, name, titles):
    assert people(extractor, text)[name]["titles"] == titles


def test_only_a_country_has_an_ambassador(extractor):
    found = people(extractor, "Tamar Beridze, Georgia's ambassador to the United States, met Senator Ray Dukes "
                              "of Georgia in Washington.")
    assert (found["Tamar Beridze"]["country"], found["Ray Dukes"]["country"]) == ("GE", "US")


@pytest.mark.parametrize("text,title", [
    ("The new board members are Maria Silva, a Brazilian agronomist; Hamid Karimi, an Omani investor; and "
     "Sofia Lind, a Swedish lawyer.", "board members"),
    ("The new directors are Ahmad Rahman, a Malaysian banker; Henri Dupont, a French engineer; and Charles Ashby, "
     "an American lawyer.", "new directors"),
])
def test_a_plural_title_said_of_a_semicolon_list_goes_to_each_person(extractor, text, title):
    found = people(extractor, text)
    assert len(found) == 3 and all(title in p["titles"] for p in found.values())
    assert all(len(p["titles"]) == 2 for p in found.values())  # and each keeps their own


@pytest.mark.parametrize("text,name,titles", [
    ("His daughter, the historian Clara Quintero, edited the letters.", "Clara Quintero", ["historian"]),
    ("The survey is led by hydrologist Tserendorj Naran of the national university.", "Tserendorj Naran",
     ["hydrologist"]),
    ("The book came out at Dar al-Nakhla, whose founder, Hisham Tawfik, ordered a second printing.",
     "Hisham Tawfik", ["founder"]),
])
def test_occupations_the_tagger_calls_adjectives_and_whose_titles(extractor, text, name, titles):
    assert people(extractor, text)[name]["titles"] == titles


def test_a_plural_title_over_a_list_of_names_of_the_countries(extractor):
    found = people(extractor, "Foreign ministers Anneke van der Berg of the Netherlands, Rafael de la Fuente of "
                              "Spain and Ewa Nowak of Poland called for talks.")
    assert {n: (p["titles"], p["country"]) for n, p in found.items()} == {
        "Anneke van der Berg": (["Foreign ministers"], "NL"), "Rafael de la Fuente": (["Foreign ministers"], "ES"),
        "Ewa Nowak": (["Foreign ministers"], "PL")}


@pytest.mark.parametrize("text,name,country", [
    ("Olof Berglund (born 12 December 1981 in Gothenburg, Sweden) is a guitarist.", "Olof Berglund", "SE"),
    ("Born in Venjan, Sweden, the singer Kerstin Alm was famous.", "Kerstin Alm", "SE"),
    ("Eli Lipsky (1911 – 1993) was a lawyer and playwright born in the Bronx, New York, United States.",
     "Eli Lipsky", "US"),
    ("Ana Ruiz, a Chilean economist born in Lima, Peru, spoke.", "Ana Ruiz", "CL"),  # the stated one wins
    ("He met Tom Berg, whose son was born in Oslo, Norway.", "Tom Berg", None),  # someone else's birth
])
def test_where_a_person_was_born_gives_a_country_only_when_nothing_else_does(extractor, text, name, country):
    assert people(extractor, text)[name]["country"] == country


@pytest.mark.parametrize("text,name,code", [
    ("Greenland's minister for education and research, Malik Heilmann, said he was pleased.", "Malik Heilmann", "GL"),
    ("The Faroese fisheries minister Jógvan Poulsen met the Norwegians.", "Jógvan Poulsen", "FO"),
])
def test_a_territory_with_its_own_government_is_a_persons_country_not_a_listed_country(extractor, text, name, code):
    record = extractor.extract(text)
    assert {p["name"]: p["country"] for p in record["people"]}[name] == code
    assert code not in [c["code"] for c in record["countries"]]


@pytest.mark.parametrize("text,name,title,code", [
    ("MASERU, Feb 9 - Lesotho's prime minister, Thabo Lerotholi, reshuffled his cabinet.", "Thabo Lerotholi",
     "prime minister", "LS"),
    ("South Africa's high commissioner to Kenya, Nomvula Dlamini, attended the ceremony.", "Nomvula Dlamini",
     "high commissioner to Kenya", "ZA"),
    ("Greece's minister for tourism said 14 hotels were burning. The minister, Nikos Kaltsas, said more "
     "crews were coming.", "Nikos Kaltsas", "minister for tourism", "GR"),
])
def test_datelines_to_complements_and_antecedents_with_complements(extractor, text, name, title, code):
    person = people(extractor, text)[name]
    assert title in person["titles"] and person["country"] == code


@pytest.mark.parametrize("text,countries", [
    ("Ukrainians Oleh Kravets and Dmytro Hnatiuk won the C2 500 metres.",
     {"Oleh Kravets": "UA", "Dmytro Hnatiuk": "UA"}),
    ("The Chinese pair Liu Yanbo and Zhou Wenjie were second.", {"Liu Yanbo": "CN", "Zhou Wenjie": "CN"}),
    ("The Germans Hans Berg and Uwe Kahn met.", {"Hans Berg": "DE", "Uwe Kahn": "DE"}),
    ("Germany's Angela Merkel and Emmanuel Macron met.", {"Angela Merkel": "DE", "Emmanuel Macron": None}),
])
def test_a_plural_or_a_group_noun_gives_each_name_of_its_list_the_country(extractor, text, countries):
    assert {n: p["country"] for n, p in people(extractor, text).items()} == countries


@pytest.mark.parametrize("text,countries", [
    ("Her counterpart from Djibouti, Ismaël Daher Waiss, agreed to the exercises.", {"Ismaël Daher Waiss": "DJ"}),
    ("Their counterpart from Yemen's recognised government, Ali Saleh Bawazir, spoke.", {"Ali Saleh Bawazir": "YE"}),
    ("The clinic hired the Cuban-trained doctor Ana Ruiz and the Dutch-born artist Eva Smit.",
     {"Ana Ruiz": None, "Eva Smit": "NL"}),
    ("Georgia Governor Lamar Pettigrew of Atlanta met Georgia's economy minister, Levan Tsertsvadze, in "
     "Washington.", {"Lamar Pettigrew": "US", "Levan Tsertsvadze": "GE"}),
])
def test_counterparts_from_a_country_trained_abroad_and_ministers_of_georgia(extractor, text, countries):
    assert {n: p["country"] for n, p in people(extractor, text).items()} == countries


@pytest.mark.parametrize("text,name,country", [
    ("A German tourist, Jan-Erik Vogt, who was staying nearby, said the sky turned orange.", "Jan-Erik Vogt", "DE"),
    ("The Swiss banker, Hans Meier, declined to comment.", "Hans Meier", "CH"),
    ("A Dutch company's chairman, Tom Berg, spoke.", "Tom Berg", None),
])
def test_a_nationality_and_a_person_noun_before_a_comma_and_the_name(extractor, text, name, country):
    assert people(extractor, text)[name]["country"] == country


def test_a_list_of_title_name_pairs_gives_each_title_to_the_name_after_it(extractor):
    found = people(extractor, "Earlier, the chief guest, industrialist Vikram Rathore, the British high commissioner, "
                              "Dame Philippa Worsley, the Argentine ambassador, Martín Echagüe, and the poet S. Kalai "
                              "lit the lamp.")
    assert {n: (p["titles"], p["country"]) for n, p in found.items()} == {
        "Vikram Rathore": (["industrialist"], None), "Philippa Worsley": (["high commissioner"], "GB"),
        "Martín Echagüe": (["ambassador"], "AR"), "S. Kalai": (["poet"], None)}


@pytest.mark.parametrize("text,name,country", [
    ("Joana Ximenes, a Cuban-trained doctor who leads the programme, said it.", "Joana Ximenes", None),
    ("Exxon Mobil's Guyana country manager, Rebecca Hollis, said output would rise.", "Rebecca Hollis", None),
])
def test_where_someone_trained_or_a_companys_market_is_not_their_country(extractor, text, name, country):
    assert people(extractor, text)[name]["country"] == country


@pytest.mark.parametrize("text,name,title", [
    ("Eka Beridze, a reporter for the Georgian service of Radio Free Europe, said it.", "Eka Beridze",
     "reporter for the Georgian service of Radio Free Europe"),
    ("Not everyone was won over. Shrimper Tran Van Minh, whose family fishes out of Buras, said it.",
     "Tran Van Minh", "Shrimper"),
])
def test_a_body_named_whole_and_new_occupations(extractor, text, name, title):
    assert title in people(extractor, text)[name]["titles"]


def test_a_lead_whose_parenthesis_the_parse_loses_keeps_its_predicates(extractor):
    found = people(extractor, "Suphannee Wattanakul (Thai: สุพรรณี วัฒนกุล; born 8 January 1959) is a Thai diplomat "
                              "who served as Permanent Secretary for Foreign Affairs from 2017 to 2019.")
    assert found["Suphannee Wattanakul"]["titles"] == ["diplomat", "Permanent Secretary for Foreign Affairs"]


def test_he_goes_back_over_his_works_to_the_leads_subject(extractor):
    found = people(extractor, "Ilir Dervishi (1934 – 2011) was an Albanian novelist. Born in Gjirokastër, the son of a "
                              "teacher, Hysen Dervishi, he studied literature. His first novel, Dimri i gjatë, appeared "
                              "in 1961. Later he served as ambassador of Albania to Greece from 1992 to 1997.")
    assert "ambassador of Albania to Greece" in found["Ilir Dervishi"]["titles"]
    assert "Dimri i gjatë" not in found and found["Hysen Dervishi"]["titles"] == ["teacher"]


def test_a_generic_office_noun_refers_back_to_the_office_in_the_sentence_before(extractor):
    found = people(extractor, "The head of Cyprus' forestry department told state radio that the fire was contained. "
                              "The official, Andreas Kyprianides, said a spark had started it.")
    person = found["Andreas Kyprianides"]
    assert "head of Cyprus' forestry department" in person["titles"] and person["country"] == "CY"


@pytest.mark.parametrize("text,name,code", [
    ("Their counterpart from the Maldives, Aminath Shareef, attended as an observer.", "Aminath Shareef", "MV"),
    ("Okabe beat the Dutch Femke de Haan-Visser, the world number two, in the final.", "Femke de Haan-Visser", "NL"),
])
def test_counterpart_from_the_country_and_a_nationality_noun_before_a_name_with_particles(extractor, text, name, code):
    assert people(extractor, text)[name]["country"] == code
