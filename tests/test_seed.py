"""Acceptance: what factx must print for the seed article (issue 2)."""
import json

from conftest import SEED, run_cli


def test_seed_people_titles_countries_dates_money(extractor, seed_text):
    r = extractor.extract(seed_text, id="seed")
    people = {p["name"]: p for p in r["people"]}
    assert set(people) == {"María Teresa Mercado", "Takeshi Akahori"}
    assert people["María Teresa Mercado"]["titles"] == ["Undersecretary"]
    assert people["María Teresa Mercado"]["country"] == "MX"
    assert people["Takeshi Akahori"]["titles"] == ["Vice Minister of Foreign Affairs"]
    assert people["Takeshi Akahori"]["country"] == "JP"
    assert {(t["text"], t["person"]) for t in r["titles"]} == {
        ("Undersecretary", "María Teresa Mercado"), ("Vice Minister of Foreign Affairs", "Takeshi Akahori")}
    assert {c["code"] for c in r["countries"]} == {"MX", "JP"}
    mexico = next(c for c in r["countries"] if c["code"] == "MX")
    assert mexico["name"] == "Mexico"
    assert all(seed_text[m["start"]:m["end"]] != "Mexico City" for m in mexico["mentions"])
    assert all(m["start"] > 0 for m in mexico["mentions"]), "'Mexico City' at the start is not Mexico"
    assert [(d["text"], d["value"]) for d in r["dates"]] == [("the 21st Century", "20"), ("2010", "2010")]
    assert [(m["text"], m["amount"], m["currency"]) for m in r["money"]] == [("$37 billion", 37000000000, "USD")]


def test_seed_offsets_hold(extractor, seed_text):
    r = extractor.extract(seed_text)
    for mention in _mentions(r):
        assert seed_text[mention["start"]:mention["end"]] == mention["text"]


def test_seed_cli_json_matches_api(extractor, seed_text):
    proc = run_cli("extract", SEED, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    record = json.loads(proc.stdout)
    assert record["id"] == str(SEED)
    assert record["people"] == extractor.extract(seed_text)["people"]


def test_seed_table_fits_80_columns():
    proc = run_cli("extract", SEED, "--format", "table")
    assert proc.returncode == 0
    lines = proc.stdout.decode().splitlines()
    assert any("Takeshi Akahori" in line and "JP" in line for line in lines)
    assert max(len(line) for line in lines) <= 80


def _mentions(record):
    for p in record["people"]:
        yield from p["mentions"]
    yield from record["titles"]
    for c in record["countries"]:
        yield from c["mentions"]
    yield from record["dates"]
    yield from record["money"]
