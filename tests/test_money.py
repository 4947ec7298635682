"""Money: amount and ISO 4217 currency for each form news uses."""
import pytest

from factx.money import find_money

CASES = [
    ("$37 billion", 37_000_000_000, "USD"),
    ("US$40 billion", 40_000_000_000, "USD"),
    ("GB£20.1 billion", 20_100_000_000, "GBP"),
    ("£20.1 billion", 20_100_000_000, "GBP"),
    ("€5.2m", 5_200_000, "EUR"),
    ("3 million yen", 3_000_000, "JPY"),
    ("500 crore rupees", 5_000_000_000, "INR"),
    ("Rs 4,500 crore", 45_000_000_000, "INR"),
    ("C$400 million", 400_000_000, "CAD"),
    ("HK$3bn", 3_000_000_000, "HKD"),
    ("A$1.2 bln", 1_200_000_000, "AUD"),
    ("¥350 billion", 350_000_000_000, "JPY"),
    ("USD 5m", 5_000_000, "USD"),
    ("5m EUR", 5_000_000, "EUR"),
    ("thirty billion dollars", 30_000_000_000, "USD"),
    ("400 million Canadian dollars", 400_000_000, "CAD"),
    ("2 million Mexican pesos", 2_000_000, "MXN"),
    ("50 cents", 0.5, "USD"),
    ("20 pence", 0.2, "GBP"),
    ("1.5 trillion won", 1_500_000_000_000, "KRW"),
    ("$1,250.50", 1250.5, "USD"),
]


@pytest.mark.parametrize("text,amount,currency", CASES)
def test_amount_and_currency(text, amount, currency):
    sentence = f"The deal was worth {text} last year."
    found = find_money(sentence)
    assert len(found) == 1, found
    m = found[0]
    assert sentence[m.start:m.end] == text
    assert m.amount == pytest.approx(amount)
    assert m.currency == currency


def test_range_reports_both_bounds():
    (m,) = find_money("a deal worth $5-6 billion")
    assert (m.amount, m.amount_max, m.currency) == (5_000_000_000, 6_000_000_000, "USD")


def test_bare_dollar_follows_the_default():
    (m,) = find_money("It cost $400 million.", dollar="CAD")
    assert m.currency == "CAD"


@pytest.mark.parametrize("text", ["rates rose 12 percent", "1,100 dealerships closed", "all 5 of them",
                                  "it sold 3 million shares"])
def test_not_money(text):
    assert find_money(text) == []


MORE_CASES = [  # text in a sentence -> (mention text, amount, amount_max, currency)
    ("The flight landed at 6:40 p.m. local time.", []),
    ("The program costs $99 (USD) to join.", [("$99 (USD)", 99, None, "USD")]),
    ("Films will retail for $9.99 US dollars each.", [("$9.99 US dollars", 9.99, None, "USD")]),
    ("They raised $5 million Canadian dollars.", [("$5 million Canadian dollars", 5e6, None, "CAD")]),
    ("A USD$23 billion dollar deal.", [("USD$23 billion dollar", 23e9, None, "USD")]),
    ("C$5 dollars a day.", [("C$5 dollars", 5, None, "CAD")]),
    ("They will give between $12 million and $20 million.", [("$12 million and $20 million", 12e6, 20e6, "USD")]),
    ("It is worth US$16 million to $28 million.", [("US$16 million to $28 million", 16e6, 28e6, "USD")]),
    ("It cost $199 and $249 respectively.", [("$199", 199, None, "USD"), ("$249", 249, None, "USD")]),
    ("Shares fell after it sold the unit for £900m. The deal closed.", [("£900m", 9e8, None, "GBP")]),
    ("A stamp costs 12 euro cents now.", [("12 euro cents", 0.12, None, "EUR")]),
    ("The bank lent 5 billion Czech crowns.", [("5 billion Czech crowns", 5e9, None, "CZK")]),
    ("He was fined 300 crowns.", [("300 crowns", 300, None, None)]),
    ("A $1.4 Billion Truck Plant.", [("$1.4 Billion", 1.4e9, None, "USD")]),
    ("Prices in Uganda: 5,000 Ugandan shillings.", [("5,000 Ugandan shillings", 5000, None, "UGX")]),
    ("The contract for $40 billion won approval.", [("$40 billion", 40e9, None, "USD")]),
]


@pytest.mark.parametrize("sentence,expected", MORE_CASES, ids=[c[0][:40] for c in MORE_CASES])
def test_ranges_tails_fractions_and_non_money(sentence, expected):
    found = [(sentence[m.start:m.end], m.amount, m.amount_max, m.currency) for m in find_money(sentence)]
    assert [f[0] for f in found] == [e[0] for e in expected]
    for (_, amount, amount_max, currency), (_, e_amount, e_max, e_currency) in zip(found, expected):
        assert amount == pytest.approx(e_amount) and currency == e_currency
        assert (amount_max is None and e_max is None) or amount_max == pytest.approx(e_max)


def test_count_of_things_is_not_money_but_a_bare_amount_is(extractor):
    record = extractor.extract("The firm said more than 4 billion songs had been sold, for $1 billion.")
    assert [m["text"] for m in record["money"]] == ["$1 billion"]


def test_trailing_abbreviation_period_is_not_part_of_the_mention(extractor):
    text = "It sold the unit for £900m. The deal closed."
    (money,) = extractor.extract(text, types=["money"])["money"]
    assert money["text"] == "£900m" and text[money["start"]:money["end"]] == "£900m"


def test_a_bare_ambiguous_word_takes_the_currency_the_text_gave_it():
    text = "Profit was 4.3 billion Norwegian crowns, up from 3.6 billion crowns. Fines: 300 rials."
    found = [(text[m.start:m.end], m.currency) for m in find_money(text)]
    assert found == [("4.3 billion Norwegian crowns", "NOK"), ("3.6 billion crowns", "NOK"), ("300 rials", None)]


@pytest.mark.parametrize("text,currency", [
    ("MANILA - The Philippines said the plan costs 500 million pesos.", "PHP"),
    ("Colombia approved a 20 trillion peso plan, officials in Bogota said.", "COP"),
    ("Britain will commit several billion pounds to the fund.", "GBP"),
    ("Pakistan fined the bowler 500,000 rupees.", "PKR"),
    ("Sweden said it would spend 4 billion crowns.", "SEK"),
    # no country with that currency in the text: the word's own reading
    ("The deal was worth 3 million pesos.", "MXN"),
    # a country word of its own decides, whatever the document is about
    ("Mexico said the Chilean unit paid 9 billion Chilean pesos.", "CLP"),
])
def test_a_shared_currency_word_takes_the_documents_country(extractor, text, currency):
    assert [m["currency"] for m in extractor.extract(text)["money"]] == [currency]


@pytest.mark.parametrize("text,currency", [
    ("Pakistan rose. India will borrow 14.8 trillion rupees.", "PKR"),
    ("India will borrow 14.8 trillion rupees. Pakistan rose.", "INR"),
])
def test_on_a_tie_the_country_named_first_decides(extractor, text, currency):
    assert [m["currency"] for m in extractor.extract(text)["money"]] == [currency]


def test_a_currency_the_text_gave_a_word_is_kept(extractor):
    r = extractor.extract("Norway spent 4.3 billion Norwegian crowns. Sweden, Sweden and Sweden watched. "
                          "A further 3.6 billion crowns will follow.")
    assert [m["currency"] for m in r["money"]] == ["NOK", "NOK"]


@pytest.mark.parametrize("text,amount,currency", [
    ("The plan costs ₹12,000-crore.", 120_000_000_000, "INR"),
    ("It paid 61 Australian cents a share.", 0.61, "AUD"),
    ("Sales were 4.1 trillion yen.", 4_100_000_000_000, "JPY"),
])
def test_hyphenated_scales_country_cents_and_exact_amounts(extractor, text, amount, currency):
    assert [(m["amount"], m["currency"]) for m in extractor.extract(text)["money"]] == [(amount, currency)]


def test_precious_metals_are_not_money(extractor):
    assert extractor.extract("She was a silver medallist and won gold.")["money"] == []


def test_every_capital_maps_to_an_iso_3166_country():
    import pycountry

    from factx.data import load_json
    countries = load_json("capitals.json")["countries"]
    assert countries and all(pycountry.countries.get(alpha_2=code) is not None for code in countries.values())


def test_every_city_maps_to_an_iso_3166_country_and_is_no_capital():
    import pycountry

    from factx.data import load_json
    cities = load_json("cities.json")["cities"]
    capitals = load_json("capitals.json")["countries"]
    assert cities and all(pycountry.countries.get(alpha_2=code) is not None for code in cities.values())
    assert not set(cities) & set(capitals)


def test_the_contract_allows_a_negative_amount_and_still_refuses_an_infinite_one():
    from factx.contract import violations
    text = "Net income was -$4.5 million."
    mention = {"text": "-$4.5 million", "start": 15, "end": 28, "currency": "USD", "amount_max": None}
    assert violations({"id": "x", "money": [mention | {"amount": -4_500_000}]}, text) == []
    assert violations({"id": "x", "money": [mention | {"amount": float("-inf")}]}, text)
