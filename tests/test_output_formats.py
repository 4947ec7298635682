"""Every format carries the whole record: CSV columns, the JSON array, tables, and the strict schema."""
import csv
import io
import json

import pytest

from conftest import SAMPLES, run_cli
from factx import output
from factx.schema import FACT_ITEMS, json_schema

RANGE = "Officials said the plan would cost between €15 billion and €18 billion, Germany's Chancellor Anna Roth said."


def _csv(records) -> list[dict]:
    buf = io.StringIO()
    writer = output.CsvWriter(buf)
    for r in records:
        writer(r, buf)
    return list(csv.DictReader(io.StringIO(buf.getvalue())))


def _json_types(key: str, field: str) -> set[str]:
    """The JSON types the schema allows for a field of a fact of type `key` (or of its mentions)."""
    props = FACT_ITEMS[key]["properties"]
    mention_props = props["mentions"]["items"]["properties"] if "mentions" in props else {}
    prop = props.get(field) or mention_props.get(field, {})
    return _json_types_of(prop) | {t for alt in prop.get("anyOf", []) for t in _json_types_of(alt)}


def _json_types_of(prop: dict) -> set[str]:
    types = prop.get("type", [])
    return {types} if isinstance(types, str) else set(types)


def _decode(cell: str, types: set[str]):
    """A CSV cell back as JSON would hold it, by the documented encoding: empty = null, numbers as written,
    lists and objects as JSON."""
    if cell == "":
        return None
    if types & {"array", "object"} and cell[0] in "[{":
        return json.loads(cell)
    if types & {"number", "integer"}:
        return float(cell) if any(c in cell for c in ".eE") else int(cell)
    return cell


def _facts_from_csv(rows: list[dict]) -> dict:
    """Rebuild the record's facts from CSV rows, using only the columns and the documented encoding."""
    keys = {v: k for k, v in output.ROW_TYPES.items()}
    record: dict = {}
    for row in rows:
        if row["type"] == "reference_date":
            record["reference_date"] = {"value": _decode(row["value"], {"string"}),
                                        "source": _decode(row["source"], {"string"})}
            continue
        key = keys[row["type"]]
        cells = {c: _decode(row[c], _json_types(key, c)) for c in output.CSV_COLUMNS
                 if c not in ("id", "type", "extra", "source")}
        cells |= json.loads(row["extra"]) if row["extra"] else {}
        record.setdefault(key, []).append(cells)
    return record


def test_csv_carries_every_field_of_the_json_record(extractor):
    """Generic over the record's fields: each value of each fact and mention is in its row's column."""
    texts = [RANGE] + [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))][:3]
    for n, text in enumerate(texts):
        record = extractor.extract(text, id=f"r{n}", date="2013-03-22")
        rows = _csv([record])
        rebuilt = _facts_from_csv(rows)
        assert rebuilt["reference_date"] == record["reference_date"]
        for key in output.ROW_TYPES:
            flat = [fact_fields | m for fact in record[key]
                    for fact_fields in [{k: v for k, v in fact.items() if k != "mentions"}]
                    for m in fact.get("mentions", [{}])]
            got = rebuilt.get(key, [])
            assert len(got) == len(flat), key
            for want, row in zip(flat, got):
                for field, value in want.items():
                    assert row[field] == value, (key, field)


def test_csv_keeps_the_upper_bound_of_a_range_and_unknown_fields(extractor):
    rows = _csv([extractor.extract(RANGE)])
    (money,) = [r for r in rows if r["type"] == "money"]
    assert (money["amount"], money["amount_max"], money["currency"]) == ("15000000000", "18000000000", "EUR")
    (row,) = _csv([{"id": "x", "titles": [{"text": "Mayor", "start": 0, "end": 5, "person": None,
                                          "link": None, "kind": "office", "new_field": [1]}]}])
    assert row["kind"] == "office" and json.loads(row["extra"]) == {"new_field": [1]}


def test_a_record_without_facts_still_has_a_csv_row():
    rows = _csv([{"id": "empty", "people": [], "dates": [], "reference_date": {"value": None, "source": None}}])
    assert [(r["id"], r["type"]) for r in rows] == [("empty", "reference_date")]


def test_json_array_is_one_document(tmp_path):
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text("Japan said it would invest $2 billion.", encoding="utf-8")
    proc = run_cli("extract", tmp_path, "--format", "json", "--array", "--types", "money")
    assert proc.returncode == 0, proc.stderr
    records = json.loads(proc.stdout)
    assert [r["money"][0]["amount"] for r in records] == [2_000_000_000, 2_000_000_000]
    empty = run_cli("extract", "-i", "jsonl", "-f", "json", "--array", stdin=b"")
    assert json.loads(empty.stdout) == []


def test_table_aligns_numbers_names_offsets_and_uses_common_country_names():
    from rich.console import Console

    record = {"id": "t", "titles": [{"text": "Minister", "start": 1234, "end": 1242, "person": None, "link": None}],
              "countries": [{"code": "CD", "name": "Congo, The Democratic Republic of the",
                             "mentions": [{"text": "DRC", "start": 0, "end": 3, "kind": "country"}]}],
              "money": [{"text": "$5", "start": 9, "end": 11, "amount": 5, "currency": "USD", "amount_max": None},
                        {"text": "$5 billion", "start": 20, "end": 30, "amount": 5e9, "currency": "USD",
                         "amount_max": None}]}
    console = Console(file=io.StringIO(), width=100, color_system=None)
    output.write_table(record, console)
    text = console.file.getvalue()
    assert "DR Congo" in text and "Congo, The" not in text
    assert "Offset" in text and "character position" in text
    lines = text.splitlines()
    small = next(line for line in lines if "│ $5 " in line)
    big = next(line for line in lines if "$5 billion" in line)
    assert small.index("5 │") == big.index("5,000,000,000 │") + len("5,000,000,00"), "amounts right-aligned"


def test_table_shows_rich_markup_in_user_strings_as_written():
    stdin = b'{"id": "[/i]", "text": "Ann Zorn of [bold]Japan[/bold] said."}\n{"id": "b", "text": "Japan."}\n'
    proc = run_cli("extract", "-i", "jsonl", "-f", "table", stdin=stdin)
    out = proc.stdout.decode()
    assert proc.returncode == 0, proc.stderr
    assert "[/i]" in out and " b " in out and "MarkupError" not in proc.stderr.decode()


# ------------------------------------------------------------------------------------------------ schema
jsonschema = pytest.importorskip("jsonschema")
VALIDATOR = jsonschema.Draft202012Validator(json_schema())


def _assert_valid(record):
    errors = list(VALIDATOR.iter_errors(record))
    assert not errors, (record.get("id"), [e.message for e in errors][:3])


def test_schema_is_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(json_schema())


def test_every_record_factx_writes_validates(extractor, tmp_path):
    texts = [RANGE] + [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    for n, text in enumerate(texts):
        _assert_valid(extractor.extract(text, id=str(n)))
        _assert_valid(extractor.extract(text, id=str(n), date="2013-03-22", types=["money", "dates"]))
    (tmp_path / "bin.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    stdin = b'{"id": "ok", "text": "Japan."}\nnot json\n{"id": [1], "text": "x"}\n{"id": "d", "text": "x", "date": "x"}\n'
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_bytes(stdin)
    proc = run_cli("extract", tmp_path / "missing.txt", tmp_path / "bin.txt", "-f", "jsonl")
    proc2 = run_cli("extract", "-i", "jsonl", jsonl, "-f", "jsonl", "--max-chars", "3")
    records = [json.loads(line) for line in (proc.stdout + proc2.stdout).decode().splitlines()]
    kinds = {r["error"]["kind"] for r in records if "error" in r}
    assert kinds == {"not_found", "binary", "bad_record", "too_large"}
    for record in records:
        _assert_valid(record)


def test_fields_other_branches_add_validate():
    """people[].country_source/country_evidence, titles[].kind and the error kind timeout are in the schema."""
    _assert_valid({"id": "x", "people": [{"name": "A B", "titles": [], "country": "JP", "country_source": "text",
                                          "country_evidence": {"text": "Japanese", "start": 0, "end": 8},
                                          "mentions": []}],
                   "titles": [{"text": "teacher", "start": 0, "end": 7, "person": None, "link": None,
                               "kind": "occupation"}]})
    _assert_valid({"id": "x", "people": [{"name": "A", "titles": [], "country": None, "country_source": None,
                                          "country_evidence": None, "mentions": []}]})
    _assert_valid({"id": "x", "error": {"kind": "timeout", "message": "x: over 60 s"}})


MENTION = {"text": "x", "start": 0, "end": 1}
MALFORMED = [
    ("unknown field", {"id": "x", "foo": 1}),
    ("no id", {"people": []}),
    ("unknown error kind", {"id": "x", "error": {"kind": "oops", "message": "m"}}),
    ("error without message", {"id": "x", "error": {"kind": "internal"}}),
    ("facts and error", {"id": "x", "people": [], "error": {"kind": "internal", "message": "m"}}),
    ("lowercase country code", {"id": "x", "countries": [{"code": "nz", "name": "NZ", "mentions": []}]}),
    ("person country not ISO", {"id": "x", "people": [{"name": "A", "titles": [], "country": "Japan",
                                                      "mentions": []}]}),
    ("currency not ISO", {"id": "x", "money": [MENTION | {"amount": 1, "currency": "usd", "amount_max": None}]}),
    ("money without amount", {"id": "x", "money": [MENTION | {"currency": "USD"}]}),
    ("mention with extra field", {"id": "x", "dates": [MENTION | {"value": None, "x": 1}]}),
    ("negative offset", {"id": "x", "dates": [MENTION | {"start": -1, "value": None}]}),
    ("unknown link", {"id": "x", "titles": [MENTION | {"person": None, "link": "sideways"}]}),
    ("unknown title kind", {"id": "x", "titles": [MENTION | {"person": None, "kind": "hobby"}]}),
    ("bad reference date", {"id": "x", "reference_date": {"value": "22/03/2013", "source": "given"}}),
    ("bad evidence", {"id": "x", "people": [{"name": "A", "titles": [], "country": None, "mentions": [],
                                            "country_evidence": "Japanese"}]}),
]


@pytest.mark.parametrize("record", [r for _, r in MALFORMED], ids=[n for n, _ in MALFORMED])
def test_malformed_records_do_not_validate(record):
    assert list(VALIDATOR.iter_errors(record)), record
