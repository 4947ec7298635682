"""Renderers: the same records as JSON, JSON Lines, CSV, rich tables or HTML. Each writes to the stream given.

json  = each record as an indented JSON object, one after another (a single object for a single input;
        jq reads a stream of objects as it reads one); with array=True one JSON array of all records
        (what json.load and pandas.read_json take). jsonl = one compact object per line. csv = one row per
        fact mention carrying every field of the record (see CsvWriter). table = rich tables for people
        to read. html = one page with each article's facts highlighted in its text, then the fact tables
        (factx.html_view).
"""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import TextIO

from .schema import TYPES, fields

FORMATS = ("table", "json", "jsonl", "csv", "html")
# The type column of a CSV row, by record key; `value` repeats the field a reader sorts or filters by.
ROW_TYPES = {"people": "person", "titles": "title", "countries": "country", "dates": "date", "money": "money"}
VALUE_FIELD = {"people": "name", "titles": "text", "countries": "code", "dates": "value", "money": "amount"}
LEADING = ["id", "type", "text", "start", "end", "value", "currency", "person", "country"]


def _csv_columns() -> list[str]:
    """The leading columns, then every other field of every fact type and its mentions (from the schema),
    then the reference date's, then `extra` (JSON of any field the schema does not know)."""
    columns = list(LEADING)
    for key in TYPES:
        columns += [f for f in fields(key) if f not in columns]
    return columns + ["source", "extra"]


CSV_COLUMNS = _csv_columns()


def write_json(record: dict, out: TextIO) -> None:
    out.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")


def write_jsonl(record: dict, out: TextIO) -> None:
    out.write(json.dumps(record, ensure_ascii=False) + "\n")


class JsonArrayWriter:
    """--format json --array: `[`, the records separated by commas, `]` (an empty input gives `[]`)."""

    def __init__(self, out: TextIO):
        self.out = out
        self.count = 0

    def __call__(self, record: dict, out: TextIO) -> None:
        text = json.dumps(record, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        out.write(("[\n  " if self.count == 0 else ",\n  ") + text)
        self.count += 1

    def close(self) -> None:
        self.out.write("[]\n" if self.count == 0 else "\n]\n")
        self.out.flush()


def _cell(value):
    """A CSV cell: null is empty, numbers and strings as they are, lists and objects as compact JSON."""
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


def csv_rows(record: dict) -> Iterable[dict]:
    """One row per mention (a person's or country's fields repeat on each of its mentions), one row of type
    reference_date per record (so a record without facts still has a row), or one row of type error."""
    rid = record["id"]
    if "error" in record:
        yield {"id": rid, "type": "error", "text": record["error"]["message"], "value": record["error"]["kind"]}
        return
    for key in TYPES:
        for fact in record.get(key, []):
            base = {k: v for k, v in fact.items() if k != "mentions"}
            for m in fact.get("mentions", [None]):
                row = base | (m or {})
                yield _row(rid, key, row)
    if "reference_date" in record:
        ref = record["reference_date"]
        yield {"id": rid, "type": "reference_date", "value": _cell(ref.get("value")), "source": _cell(ref.get("source"))}


def _row(rid: str, key: str, fact: dict) -> dict:
    row = {"id": rid, "type": ROW_TYPES[key], "value": _cell(fact.get(VALUE_FIELD[key]))}
    if key == "people":
        row["person"] = fact.get("name")
    elif key == "countries":
        row["country"] = fact.get("code")
    extra = {}
    for k, v in fact.items():
        if k in CSV_COLUMNS and k not in ("id", "type", "extra"):
            row[k] = _cell(v)
        else:
            extra[k] = v
    if extra:
        row["extra"] = json.dumps(extra, ensure_ascii=False)
    return row


class CsvWriter:
    def __init__(self, out: TextIO):
        self.writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
        self.writer.writeheader()

    def __call__(self, record: dict, out: TextIO) -> None:
        self.writer.writerows(csv_rows(record))


def _amount(x) -> str:
    if x is None:
        return ""
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.2f}"


def display_name(code: str, name: str) -> str:
    """The name a reader knows ("DR Congo"), from models/display_names.json, else the record's name."""
    from .data import load_json

    return load_json("display_names.json")["names"].get(code, name)


def write_table(record: dict, console) -> None:
    """Rich tables for one record on a rich Console (people, titles, countries, dates, money). Every string
    from the input is a rich Text, never markup: an id "[/i]" is shown as it is."""
    from rich.table import Table
    from rich.text import Text

    if "error" in record:
        return  # reported on stderr by the caller

    def table(title: str, *columns: str) -> Table:
        t = Table(title=title, title_justify="left")
        for c in columns:
            numeric = c in ("Mentions", "Offset", "Amount")
            t.add_column(c, justify="right" if numeric else "left")
        return t

    console.rule(Text(record["id"], style="bold"))
    sections = []
    if "people" in record:
        t = table("People", "Person", "Titles", "Country", "Mentions")
        for p in record["people"]:
            t.add_row(Text(p["name"]), Text("; ".join(p["titles"])), Text(p["country"] or ""), str(len(p["mentions"])))
        sections.append((t, record["people"]))
    if "titles" in record:
        t = table("Titles", "Title", "Person", "Offset")
        for x in record["titles"]:
            t.add_row(Text(x["text"]), Text(x["person"] or ""), str(x["start"]))
        sections.append((t, record["titles"]))
    if "countries" in record:
        t = table("Countries", "Code", "Country", "Mentions", "As written")
        for c in record["countries"]:
            written = ", ".join(dict.fromkeys(m["text"] for m in c["mentions"]))
            t.add_row(c["code"], Text(display_name(c["code"], c["name"])), str(len(c["mentions"])), Text(written))
        sections.append((t, record["countries"]))
    if "dates" in record:
        t = table("Dates", "Date", "Value", "Offset")
        for d in record["dates"]:
            t.add_row(Text(d["text"]), d["value"] or "", str(d["start"]))
        sections.append((t, record["dates"]))
    if "money" in record:
        t = table("Money", "Money", "Amount", "Currency")
        for m in record["money"]:
            amount = _amount(m["amount"]) + (f"–{_amount(m['amount_max'])}" if m.get("amount_max") else "")
            t.add_row(Text(m["text"]), amount, m["currency"] or "")
        sections.append((t, record["money"]))
    for t, rows in sections:
        if rows:
            console.print(t)
        else:
            console.print(Text(f"{t.title}: none found", style="dim"))
    if sections:
        console.print(Text("Offset: character position in the text (0 = first character)", style="dim"))


def writer(fmt: str, array: bool, out):
    """The function that writes one record in format `fmt` (write(record, out)), for the command line."""
    if fmt == "table":
        from rich.console import Console

        class _Console(Console):
            """A rich Console whose closed stdout (| head -1) raises BrokenPipeError, handled like every other
            format (exit 0), instead of rich's own SystemExit(1)."""

            def on_broken_pipe(self) -> None:
                self.quiet = True
                raise BrokenPipeError

        console = _Console(file=out)
        return lambda record, _out: write_table(record, console)
    if fmt == "csv":
        return CsvWriter(out)
    if fmt == "html":
        from .html_view import HtmlWriter

        return HtmlWriter(out)
    if fmt == "json":
        return JsonArrayWriter(out) if array else write_json
    return write_jsonl
