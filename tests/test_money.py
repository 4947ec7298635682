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
