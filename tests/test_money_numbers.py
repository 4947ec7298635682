"""Number phrases as money reads them (factx/numbers.py): fractions, "and", scale words."""
import pytest

from factx.numbers import parse_number


@pytest.mark.parametrize("text,value", [
    ("one and a half", 1.5), ("two and a half", 2.5), ("a half", 0.5), ("half", 0.5),
    ("a quarter", 0.25), ("a quarter million", 250_000), ("three quarters of a billion", 750_000_000),
    ("half a million", 500_000), ("a third of a million", 1_000_000 / 3), ("two thirds", 2 / 3),
    ("one hundred and fifty", 150), ("one hundred and fifty thousand", 150_000),
    ("two million and five hundred thousand", 2_500_000), ("five hundred thousand", 500_000),
    ("1.5 million", 1_500_000), ("2bn", 2_000_000_000), ("twenty-five", 25), ("1,250.5", 1250.5),
    ("a hundred", 100), ("forty-five", 45),
])
def test_number_phrases(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["several", "a few", "and", "one and two and three", "dollars", ""])
def test_not_a_number(text):
    assert parse_number(text) is None
