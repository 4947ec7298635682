"""The output contract README promises, as checks on one record: used by the fuzz tests and by
benchmarks/sweep.py on whole data sets.

violations(record, text) -> list of one-line strings, empty when the record keeps the contract:
- an error record has a known kind and a message, and never kind `internal` unless allowed;
- every mention's offsets are true: 0 <= start < end <= len(text) and text[start:end] == its text;
- every title's person is one of the record's people; every person has mentions;
- country codes are ISO 3166-1 alpha-2 (pycountry, less the codes factx leaves out), currencies ISO 4217
  or a listed historic currency; amounts are finite (negative only when the text writes a minus:
  '-$4.5 million'), and amount_max >= amount;
- date values have a TIMEX3 shape with a real calendar day, month, week, quarter, half or season;
- the record validates against factx's JSON Schema (when the jsonschema package is installed).
"""
from __future__ import annotations

import math
import re
from datetime import date as Date
from functools import lru_cache

from .schema import ERROR_KINDS

NOT_ISO_COUNTRIES = {"XK"}  # Kosovo: a user-assigned code, not ISO 3166-1
# Year (four digits or XXXX) with an optional month[-day[part of the day: TMO, TAF, TEV, TNI]], week[-WE],
# quarter, half or season; a decade (3 digits), a century (2 digits), or a vague reference.
TIMEX_VALUE = re.compile(r"(?P<y>\d{4}|XXXX)(?:-(?P<m>\d\d)(?:-(?P<d>\d\d)(?:T(?:MO|AF|EV|NI))?)?|-W(?P<w>\d\d)(?:-WE)?|-Q[1-4]|-H[12]"
                         r"|-(?:SP|SU|FA|WI))?|\d{2,3}|PRESENT_REF|PAST_REF|FUTURE_REF")


@lru_cache(maxsize=1)
def _codes() -> tuple[frozenset, frozenset]:
    import pycountry

    from .data import load_json

    countries = frozenset(c.alpha_2 for c in pycountry.countries) - NOT_ISO_COUNTRIES
    currencies = {c.alpha_3 for c in pycountry.currencies}
    currencies |= {row["code"] for row in load_json("historic_currencies.json")["currencies"]}
    return countries, frozenset(currencies)


@lru_cache(maxsize=1)
def _validator():
    try:
        import jsonschema
    except ImportError:
        return None
    from .schema import json_schema

    return jsonschema.Draft202012Validator(json_schema())


def timex_ok(value: str) -> bool:
    m = TIMEX_VALUE.fullmatch(value)
    if m is None:
        return False
    year = m["y"]
    if year is None or year == "XXXX":
        return m["m"] is None or 1 <= int(m["m"]) <= 12 and (m["d"] is None or 1 <= int(m["d"]) <= 31)
    try:
        if m["d"]:
            Date(int(year), int(m["m"]), int(m["d"]))
        elif m["m"]:
            Date(int(year), int(m["m"]), 1)
        elif m["w"]:
            Date.fromisocalendar(int(year), int(m["w"]), 1)
    except ValueError:
        return False
    return True


def _mentions(record: dict):
    for key in ("titles", "dates", "money"):
        for m in record.get(key, []):
            yield key, m
    for key in ("people", "countries"):
        for entity in record.get(key, []):
            for m in entity.get("mentions", []):
                yield key, m
    for person in record.get("people", []):
        if person.get("country_evidence"):
            yield "country_evidence", person["country_evidence"]


def violations(record: dict, text: str | None, allow_internal: bool = False) -> list[str]:
    """What in `record` breaks the contract, given the input `text` (None: offsets are not checked)."""
    rid = record.get("id")
    problems = []
    if "error" in record:
        kind = record["error"].get("kind")
        if kind not in ERROR_KINDS:
            problems.append(f"{rid}: unknown error kind {kind!r}")
        elif kind == "internal" and not allow_internal:
            problems.append(f"{rid}: internal error: {record['error'].get('message')}")
        if not record["error"].get("message"):
            problems.append(f"{rid}: error record without a message")
        return problems
    for warning in record.get("warnings", []):
        problems.append(f"{rid}: warning {warning.get('kind')}: {warning.get('message')}")
    if text is not None:
        for key, m in _mentions(record):
            start, end = m.get("start"), m.get("end")
            if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
                problems.append(f"{rid}: {key} mention {m!r} has offsets outside the text")
            elif text[start:end] != m.get("text"):
                problems.append(f"{rid}: {key} mention {m.get('text')!r} != text[{start}:{end}] "
                                f"{text[start:end]!r}")
    names = {p.get("name") for p in record.get("people", [])}
    for person in record.get("people", []):
        if not person.get("mentions"):
            problems.append(f"{rid}: person {person.get('name')!r} has no mentions")
    for title in record.get("titles", []):
        if title.get("person") is not None and title["person"] not in names:
            problems.append(f"{rid}: title {title.get('text')!r} links to {title['person']!r}, not a person here")
    countries, currencies = _codes()
    for country in record.get("countries", []):
        if country.get("code") not in countries:
            problems.append(f"{rid}: country code {country.get('code')!r} is not ISO 3166-1 alpha-2")
    for person in record.get("people", []):
        if person.get("country") is not None and person["country"] not in countries:
            problems.append(f"{rid}: person country {person['country']!r} is not ISO 3166-1 alpha-2")
    for money in record.get("money", []):
        amount, top = money.get("amount"), money.get("amount_max")
        for value in (amount, top):
            if value is not None and (not isinstance(value, (int, float)) or not math.isfinite(value)):
                problems.append(f"{rid}: money {money.get('text')!r} has amount {value!r}")
        if isinstance(amount, (int, float)) and isinstance(top, (int, float)) and top < amount:
            problems.append(f"{rid}: money {money.get('text')!r} has amount_max {top} < amount {amount}")
        if money.get("currency") is not None and money["currency"] not in currencies:
            problems.append(f"{rid}: money {money.get('text')!r} has currency {money['currency']!r}, not ISO 4217")
    for d in record.get("dates", []):
        if d.get("value") is not None and not (isinstance(d["value"], str) and timex_ok(d["value"])):
            problems.append(f"{rid}: date {d.get('text')!r} has value {d['value']!r}, not a TIMEX3 value")
    validator = _validator()
    if validator is not None:
        problems += [f"{rid}: schema: {e.message}" for e in validator.iter_errors(record)][:3]
    return problems
