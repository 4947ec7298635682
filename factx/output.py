"""Renderers: the same records as JSON, JSON Lines, CSV or rich tables. Each writes to the stream given.

json  = each record as an indented JSON object, one after another (a single object for a single input;
        jq reads a stream of objects as it reads one), jsonl = one compact object per line, csv = one row
        per fact mention, table = rich tables for people to read.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import TextIO

FORMATS = ("table", "json", "jsonl", "csv")
CSV_COLUMNS = ["id", "type", "text", "start", "end", "value", "currency", "person", "country"]


def write_json(record: dict, out: TextIO) -> None:
    out.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")


def write_jsonl(record: dict, out: TextIO) -> None:
    out.write(json.dumps(record, ensure_ascii=False) + "\n")


def csv_rows(record: dict) -> Iterable[dict]:
    """One row per mention: people (value = name), titles, countries (value = code), dates, money (value =
    amount). An error record gives one row of type "error"."""
    rid = record["id"]
    if "error" in record:
        yield {"id": rid, "type": "error", "text": record["error"]["message"], "value": record["error"]["kind"]}
        return
    for p in record.get("people", []):
        for m in p["mentions"]:
            yield {"id": rid, "type": "person", **_pos(m), "value": p["name"], "person": p["name"],
                   "country": p["country"]}
    for t in record.get("titles", []):
        yield {"id": rid, "type": "title", **_pos(t), "value": t["text"], "person": t["person"]}
    for c in record.get("countries", []):
        for m in c["mentions"]:
            yield {"id": rid, "type": "country", **_pos(m), "value": c["code"], "country": c["code"]}
    for d in record.get("dates", []):
        yield {"id": rid, "type": "date", **_pos(d), "value": d["value"]}
    for m in record.get("money", []):
        yield {"id": rid, "type": "money", **_pos(m), "value": m["amount"], "currency": m["currency"]}


def _pos(m: dict) -> dict:
    return {"text": m["text"], "start": m["start"], "end": m["end"]}


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


def write_table(record: dict, console) -> None:
    """Rich tables for one record on a rich Console (people, titles, countries, dates, money)."""
    from rich.table import Table

    if "error" in record:
        return  # reported on stderr by the caller
    console.rule(f"[bold]{record['id']}")
    sections = []
    if "people" in record:
        t = Table("Person", "Titles", "Country", "Mentions", title="People", title_justify="left", expand=False)
        for p in record["people"]:
            t.add_row(p["name"], "; ".join(p["titles"]), p["country"] or "", str(len(p["mentions"])))
        sections.append((t, record["people"]))
    if "titles" in record:
        t = Table("Title", "Person", "At", title="Titles", title_justify="left")
        for x in record["titles"]:
            t.add_row(x["text"], x["person"] or "", str(x["start"]))
        sections.append((t, record["titles"]))
    if "countries" in record:
        t = Table("Code", "Country", "Mentions", "As written", title="Countries", title_justify="left")
        for c in record["countries"]:
            written = ", ".join(dict.fromkeys(m["text"] for m in c["mentions"]))
            t.add_row(c["code"], c["name"], str(len(c["mentions"])), written)
        sections.append((t, record["countries"]))
    if "dates" in record:
        t = Table("Date", "Value", "At", title="Dates", title_justify="left")
        for d in record["dates"]:
            t.add_row(d["text"], d["value"] or "", str(d["start"]))
        sections.append((t, record["dates"]))
    if "money" in record:
        t = Table("Money", "Amount", "Currency", title="Money", title_justify="left")
        for m in record["money"]:
            amount = _amount(m["amount"]) + (f"–{_amount(m['amount_max'])}" if m.get("amount_max") else "")
            t.add_row(m["text"], amount, m["currency"] or "")
        sections.append((t, record["money"]))
    for table, rows in sections:
        if rows:
            console.print(table)
        else:
            console.print(f"[dim]{table.title}: none found[/dim]")
