"""Every money form of issues 12 and 14 and the forms news and wire archives write, one row each in
tests/money_forms.jsonl: the sentence, the mention it must give (null: no money at all), its amount,
amount_max and ISO 4217 currency; or "mentions", a list of such objects, for a sentence with several. A row
with "pipeline": true runs through the whole pipeline (the document's countries decide a shared sign or
word: "kr 500" in a Danish story). A row with "status": "todo" is a form factx does not read yet: a strict
xfail, so it is noticed when it starts to pass."""
import json
import math
from pathlib import Path

import pytest

from factx.money import find_money

ROWS = [json.loads(line) for line in (Path(__file__).parent / "money_forms.jsonl").open() if line.strip()]
TODO = pytest.mark.xfail(strict=True, reason="a form of issue 14 factx does not read yet")


def expected(row: dict) -> list[dict]:
    if "mentions" in row:
        return row["mentions"]
    return [] if row["mention"] is None else [{k: row.get(k) for k in ("mention", "amount", "amount_max", "currency")}]


def found(row: dict, extractor) -> list[dict]:
    text = row["text"]
    if row.get("pipeline"):
        money = extractor.extract(text, types=["money"])["money"]
        assert all(text[m["start"]:m["end"]] == m["text"] for m in money)
        return [{"mention": m["text"], "amount": m["amount"], "amount_max": m["amount_max"],
                 "currency": m["currency"]} for m in money]
    return [{"mention": text[m.start:m.end], "amount": m.amount, "amount_max": m.amount_max, "currency": m.currency}
            for m in find_money(text)]


@pytest.mark.parametrize("row", [pytest.param(r, marks=TODO) if r.get("status") == "todo" else r for r in ROWS],
                         ids=[r["text"] for r in ROWS])
def test_money_form(row, request):
    extractor = request.getfixturevalue("extractor") if row.get("pipeline") else None
    got, want = found(row, extractor), expected(row)
    assert [g["mention"] for g in got] == [w["mention"] for w in want]
    for g, w in zip(got, want):
        assert g["amount"] == (pytest.approx(w["amount"]) if w["amount"] is not None else None), g
        assert g["amount_max"] == (pytest.approx(w["amount_max"]) if w.get("amount_max") is not None else None), g
        assert g["currency"] == w["currency"], g


def test_the_table_has_no_duplicate_sentences():
    texts = [r["text"] for r in ROWS]
    assert len(texts) == len(set(texts))


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
