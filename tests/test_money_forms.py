"""Every money form of issues 12 and 14, one row each in tests/money_forms.jsonl: the sentence, the mention
it must give (null: no money at all), its amount, amount_max and ISO 4217 currency. A row with
"status": "todo" is a form factx does not read yet: a strict xfail, so it is noticed when it starts to pass."""
import json
import math
from pathlib import Path

import pytest

from factx.money import find_money

ROWS = [json.loads(line) for line in (Path(__file__).parent / "money_forms.jsonl").open() if line.strip()]
TODO = pytest.mark.xfail(strict=True, reason="a form of issue 14 factx does not read yet")


@pytest.mark.parametrize("row", [pytest.param(r, marks=TODO) if r.get("status") == "todo" else r for r in ROWS],
                         ids=[r["text"] for r in ROWS])
def test_money_form(row):
    text = row["text"]
    found = find_money(text)
    if row["mention"] is None:
        assert found == []
        return
    assert [text[m.start:m.end] for m in found] == [row["mention"]]
    m = found[0]
    assert m.amount == pytest.approx(row["amount"])
    assert m.amount_max == (pytest.approx(row["amount_max"]) if row["amount_max"] is not None else None)
    assert m.currency == row["currency"]


def test_an_amount_too_large_for_a_float_is_null():
    text = "It cost $" + "9" * 309 + "."
    (m,) = find_money(text)
    assert m.amount is None and m.currency == "USD"


@pytest.mark.parametrize("text", ["Fines range from $10 to $5.", "It cost $10,000 to $1 million.", "between 7 and 3 euros",
                                  "They won 6-5, then 17 - 14 won it.", "It cost 1e308 to 1e309 dollars."])
def test_amounts_are_finite_and_amount_max_is_above_amount(text):
    for m in find_money(text):
        assert m.amount is None or math.isfinite(m.amount)
        assert m.amount_max is None or (m.amount is not None and m.amount_max > m.amount)
