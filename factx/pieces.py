"""Long documents: split a text into pieces spaCy can take, and merge the pieces' records into one.

spaCy refuses texts over `nlp.max_length` (1,000,000 characters) because its parser and NER need about
1 GB of working memory per 100,000 characters. factx cuts such texts at the last paragraph break, line
break, sentence end or space before the limit (a hard cut only inside a run with no space at all), runs
each piece as its own Doc, and merges the records: offsets shifted back into the whole text, one entry
per country, and one person per name across pieces, with a later surname-only person ("Akahori") folded
into the earlier full name ("Takeshi Akahori"), as the people component does within one Doc.
"""
from __future__ import annotations

import re

PIECE_CHARS = 100_000
# Where to cut, best first; a cut is used only if it keeps at least a quarter of the window.
BOUNDARIES = (re.compile(r"\n[ \t]*\n"), re.compile(r"\n"), re.compile(r"[.!?][\"')\]]?\s"), re.compile(r"\s"))


def split_text(text: str, limit: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """(start, end) pieces that tile the text exactly, each at most `limit` characters long."""
    if limit < 2:
        raise ValueError("piece limit must be at least 2 characters")
    pieces, start = [], 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = limit
        for boundary in BOUNDARIES:
            ends = [m.end() for m in boundary.finditer(window) if m.end() > limit // 4]
            if ends:
                cut = ends[-1]
                break
        pieces.append((start, start + cut))
        start += cut
    pieces.append((start, len(text)))
    return pieces


def _shift(items: list[dict], offset: int) -> list[dict]:
    return [m | {"start": m["start"] + offset, "end": m["end"] + offset} for m in items]


def merge_records(parts: list[tuple[int, dict]]) -> dict:
    """One record from (piece offset, piece record) pairs, in text order. The pieces' ids are equal."""
    first = parts[0][1]
    merged: dict = {key: [] for key in ("titles", "dates", "money") if key in first}
    people: dict[str, dict] = {}
    countries: dict[str, dict] = {}
    for offset, record in parts:
        for person in record.get("people", []):
            person = person | {"mentions": _shift(person["mentions"], offset)}
            if person.get("country_evidence"):
                person["country_evidence"] = _shift([person["country_evidence"]], offset)[0]
            if person["name"] in people:
                _absorb(people[person["name"]], person)
            else:
                people[person["name"]] = person | {"titles": list(person["titles"])}
        for country in record.get("countries", []):
            entry = countries.setdefault(country["code"], country | {"mentions": []})
            entry["mentions"] += _shift(country["mentions"], offset)
        for key in merged:
            merged[key] += _shift(record.get(key, []), offset)
    renamed = _fold_surnames(people)
    if "titles" in merged:
        merged["titles"] = [t | {"person": renamed.get(t["person"], t["person"])} for t in merged["titles"]]
    if "people" in first:
        merged["people"] = sorted(people.values(), key=lambda p: p["mentions"][0]["start"])
    if "countries" in first:
        merged["countries"] = list(countries.values())
    ordered = {"id": first["id"]} | {key: merged[key] for key in first if key in merged}
    ordered["reference_date"] = first.get("reference_date")
    return ordered


def _absorb(target: dict, other: dict) -> None:
    target["mentions"] = sorted(target["mentions"] + other["mentions"], key=lambda m: m["start"])
    target["titles"] = list(dict.fromkeys(target["titles"] + other["titles"]))
    if target["country"] is None and other["country"] is not None:  # the country with the words that gave it
        target.update({k: other[k] for k in ("country", "country_source", "country_evidence") if k in other})


def _fold_surnames(people: dict[str, dict]) -> dict[str, str]:
    """A one-word person ("Akahori") joins the one longer name ending with that word ("Takeshi Akahori"),
    whichever piece came first; the full name is kept. Returns {old name: new name}."""
    renamed = {}
    for name in [n for n in people if " " not in n]:
        full = [p for p in people.values() if " " in p["name"] and p["name"].rsplit(" ", 1)[1] == name]
        if len(full) == 1:
            _absorb(full[0], people.pop(name))
            renamed[name] = full[0]["name"]
    return renamed
