"""Every rule of models/money_patterns.json gives its own examples, and the patterns the passes after the
rules use do what their example says."""
import pytest

from factx.data import load_json
from factx.money import find_money
from factx.money_amounts import build, joins

DATA = load_json("money_patterns.json")
EXAMPLES = [(row["name"], ex) for row in DATA["rules"] for ex in row["examples"]]


@pytest.mark.parametrize("name,example", EXAMPLES, ids=[f"{n}: {e['text']}" for n, e in EXAMPLES])
def test_each_rule_gives_its_examples(name, example):
    text = example["text"]
    (m,) = find_money(text)
    assert text[m.start:m.end] == example["mention"]
    assert m.rule == name
    assert m.amount == (pytest.approx(example["amount"]) if example["amount"] is not None else None)
    assert m.amount_max == (pytest.approx(example["amount_max"]) if example.get("amount_max") is not None else None)
    assert m.currency == example["currency"]


def test_every_rule_has_a_name_a_meaning_and_an_example():
    names = [row["name"] for row in DATA["rules"]]
    assert len(names) == len(set(names))
    assert all(row["means"] and row["examples"] for row in DATA["rules"])


@pytest.mark.parametrize("name", [n for n in DATA["joins"] if not n.startswith("_")])
def test_each_join_pattern_finds_something_in_its_example(name):
    assert joins()[name].search(DATA["joins"][name]["example"])


def test_named_parts_are_filled_and_other_braces_kept():
    assert build(r"{num}\d{3}").match("12,345678")
    with pytest.raises(ValueError, match="nosuchpart"):
        build(r"x{nosuchpart}")


def test_long_runs_of_number_words_and_signs_end():
    """A hang guard, not a timing: unbounded, "one-one-…" split into every range and took hours on 8,000
    characters; 20,000 signed amounts compared each new mention with all earlier ones."""
    import subprocess
    import sys
    code = ("from factx.money import find_money\n"
            "for s in ['one-' * 2000, 'one ' * 2000, 'one and a half ' * 500, '$1 ' * 20000, '10 $ ' * 4000]:\n"
            "    find_money(s)\nprint('ok')")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "ok", done.stderr
