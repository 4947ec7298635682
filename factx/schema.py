"""The JSON Schema of one output record. No spaCy import here: `factx schema` stays fast."""
from __future__ import annotations

SCHEMA_VERSION = "1"
TYPES = ("people", "titles", "countries", "dates", "money")

_MENTION = {
    "type": "object",
    "required": ["text", "start", "end"],
    "properties": {"text": {"type": "string"}, "start": {"type": "integer", "minimum": 0},
                   "end": {"type": "integer", "minimum": 0}},
}


def _with(extra: dict, required: list[str]) -> dict:
    return {"type": "object", "required": _MENTION["required"] + required,
            "properties": _MENTION["properties"] | extra}


def json_schema() -> dict:
    """JSON Schema (draft 2020-12) of one output record (a fact record or an error record)."""
    nullable_str = {"type": ["string", "null"]}
    facts = {
        "type": "object",
        "required": ["id"],
        "properties": {
            "id": {"type": "string", "description": "input path, JSONL id, or '-' for stdin"},
            "people": {"type": "array", "items": {
                "type": "object", "required": ["name", "titles", "country", "mentions"],
                "properties": {"name": {"type": "string"}, "titles": {"type": "array", "items": {"type": "string"}},
                               "country": {**nullable_str, "description": "ISO 3166-1 alpha-2"},
                               "country_source": {"enum": ["text", "context", None]},
                               "country_evidence": {"anyOf": [_MENTION, {"type": "null"}]},
                               "mentions": {"type": "array", "items": _MENTION}}}},
            "titles": {"type": "array", "items": _with(
                {"person": nullable_str,
                 "link": {"enum": ["before", "apposition", "predicate", None],
                          "description": "how the text ties the title to its person"},
                 "kind": {"enum": ["office", "occupation", None]}}, ["person"])},
            "countries": {"type": "array", "items": {
                "type": "object", "required": ["code", "name", "mentions"],
                "properties": {"code": {"type": "string", "pattern": "^[A-Z]{2}$"}, "name": {"type": "string"},
                               "mentions": {"type": "array", "items": _with(
                                   {"kind": {"enum": ["country", "nationality"]}}, [])}}}},
            "dates": {"type": "array", "items": _with(
                {"value": {**nullable_str, "description": "TIMEX3 value"}}, ["value"])},
            "money": {"type": "array", "items": _with(
                {"amount": {"type": ["number", "null"]}, "amount_max": {"type": ["number", "null"]},
                 "currency": {**nullable_str, "description": "ISO 4217"}}, ["amount", "currency"])},
            "reference_date": {"type": "object", "properties": {
                "value": nullable_str, "source": {"enum": ["given", "dateline", None]}}},
        },
    }
    error = {"type": "object", "required": ["id", "error"], "properties": {
        "id": {"type": "string"},
        "error": {"type": "object", "required": ["kind", "message"],
                  "properties": {"kind": {"type": "string"}, "message": {"type": "string"}}}}}
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "factx-record",
            "title": f"factx output record (schema version {SCHEMA_VERSION})", "anyOf": [facts, error]}
