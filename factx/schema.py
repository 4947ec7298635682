"""The JSON Schema of one output record, strict: every object lists its fields (additionalProperties
false), required fields are required, error kinds and links are enums, ISO codes are patterns. No spaCy
import here: `factx schema` stays fast. The CSV writer derives its columns from the same field lists.
"""
from __future__ import annotations

SCHEMA_VERSION = "2"
TYPES = ("people", "titles", "countries", "dates", "money")
# Every kind an error record may carry (errors.py names them; `timeout`: a document past the time guard).
ERROR_KINDS = ("not_found", "permission", "binary", "too_large", "input", "bad_record", "internal", "timeout")
ISO_COUNTRY = "^[A-Z]{2}$"   # ISO 3166-1 alpha-2
ISO_CURRENCY = "^[A-Z]{3}$"  # ISO 4217
ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"

_NULLABLE_STR = {"type": ["string", "null"]}
_OFFSETS = {"text": {"type": "string"}, "start": {"type": "integer", "minimum": 0},
            "end": {"type": "integer", "minimum": 0}}


def _object(properties: dict, required: list[str] | None = None) -> dict:
    """A closed object: the fields listed, these required (default: all but those marked optional)."""
    return {"type": "object", "additionalProperties": False,
            "required": list(properties) if required is None else required, "properties": properties}


def _mention(extra: dict | None = None, optional: tuple[str, ...] = ()) -> dict:
    props = _OFFSETS | (extra or {})
    return _object(props, [k for k in props if k not in optional])


EVIDENCE = {"anyOf": [_mention(), {"type": "null"}],
            "description": "the words that gave the person's country (text, start, end), or null"}

# Fields beyond the first contract (link, kind, amount_max, country_source ...) are optional, so a record
# of an older factx or one written by a branch that does not fill them yet still validates.
FACT_ITEMS = {
    "people": _object({
        "name": {"type": "string"},
        "titles": {"type": "array", "items": {"type": "string"}},
        "country": {"anyOf": [{"type": "string", "pattern": ISO_COUNTRY}, {"type": "null"}],
                    "description": "ISO 3166-1 alpha-2"},
        "country_source": {"enum": ["text", "context", None],
                           "description": "text: the text states the country; context: inferred from the document"},
        "country_evidence": EVIDENCE,
        "mentions": {"type": "array", "items": _mention()},
    }, ["name", "titles", "country", "mentions"]),
    "titles": _mention({
        "person": _NULLABLE_STR,
        "link": {"enum": ["before", "apposition", "predicate", "antecedent", None],
                 "description": "how the text ties the title to its person"},
        "kind": {"enum": ["office", "occupation", None]},
    }, optional=("link", "kind")),
    "countries": _object({
        "code": {"type": "string", "pattern": ISO_COUNTRY},
        "name": {"type": "string"},
        "mentions": {"type": "array", "items": _mention({"kind": {"enum": ["country", "nationality"]}},
                                                        optional=("kind",))},
    }),
    "dates": _mention({"value": {**_NULLABLE_STR, "description": "TIMEX3 value"}}),
    "money": _mention({
        "amount": {"type": ["number", "null"]},
        "currency": {"anyOf": [{"type": "string", "pattern": ISO_CURRENCY}, {"type": "null"}],
                     "description": "ISO 4217"},
        "amount_max": {"type": ["number", "null"], "description": "upper bound of a range"},
    }, optional=("amount_max",)),
}
REFERENCE_DATE = _object({
    "value": {"anyOf": [{"type": "string", "pattern": ISO_DATE}, {"type": "null"}]},
    "source": {"enum": ["given", "dateline", None]},
})


def json_schema() -> dict:
    """JSON Schema (draft 2020-12) of one output record: a fact record or an error record."""
    facts = _object({
        "id": {"type": "string", "description": "input path, JSONL id, or '-' for stdin"},
        **{key: {"type": "array", "items": item} for key, item in FACT_ITEMS.items()},
        "reference_date": REFERENCE_DATE,
        "warnings": {"type": "array", "description": "what was lost from this record: a piece of a long text "
                     "factx failed on (its characters start-end have no facts)", "items": _object({
                         "kind": {"enum": list(ERROR_KINDS)}, "message": {"type": "string"},
                         "start": {"type": "integer", "minimum": 0}, "end": {"type": "integer", "minimum": 0}})},
    }, ["id"])
    error = _object({
        "id": {"type": "string"},
        "error": _object({"kind": {"enum": list(ERROR_KINDS)}, "message": {"type": "string"}}),
    })
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "factx-record",
            "title": f"factx output record (schema version {SCHEMA_VERSION})", "anyOf": [facts, error]}


def fields(key: str) -> list[str]:
    """The fields of one fact of type `key` and of its mentions, in schema order ("mentions" left out)."""
    props = FACT_ITEMS[key]["properties"]
    names = [k for k in props if k != "mentions"]
    if "mentions" in props:
        names += [k for k in props["mentions"]["items"]["properties"] if k not in names]
    return names
