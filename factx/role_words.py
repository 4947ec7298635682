"""Words that name a person by role, read from models/ (titles.jsonl, occupations.jsonl, title_words.json,
people.json): office and portfolio words, person nouns, title heads. Shared by the country, title and name
finders (imported from factx.countries too, where they lived first)."""
from __future__ import annotations

from functools import lru_cache

from .data import load_json, load_jsonl


@lru_cache(maxsize=1)
def office_words() -> frozenset[str]:
    """Lowercase words of offices and portfolios (models/titles.jsonl and title_words.json)."""
    words = load_json("title_words.json")
    heads = {w for row in load_jsonl("titles.jsonl") if isinstance(row["pattern"], str)
             for w in row["pattern"].lower().split()}
    return frozenset(heads | set(words["domains"]) | set(words["modifiers"]))


@lru_cache(maxsize=1)
def person_nouns() -> frozenset[str]:
    """Nouns that name a person: the last words of models/occupations.jsonl and people.json "person_nouns"."""
    heads = {row["pattern"].lower().split()[-1] for row in load_jsonl("occupations.jsonl")
             if isinstance(row["pattern"], str)}
    return frozenset(heads | set(load_json("people.json").get("person_nouns", [])))


@lru_cache(maxsize=1)
def title_heads() -> frozenset[str]:
    """Last words of the titles in models/titles.jsonl ("minister", "secretary", "ceo"), singular and plural."""
    last = {row["pattern"].lower().replace("-", " ").split(" of ")[0].split()[-1] for row in load_jsonl("titles.jsonl")
            if isinstance(row["pattern"], str)}
    return frozenset(last | {w + "s" for w in last} | {w[:-3] + "men" for w in last if w.endswith("man")})


@lru_cache(maxsize=1)
def person_words() -> frozenset[str]:
    """Words that name a person by role: occupations, person nouns and title heads ("a retired actress",
    "Head [Writer]")."""
    return person_nouns() | title_heads()


@lru_cache(maxsize=1)
def title_modifiers() -> frozenset[str]:
    words = load_json("title_words.json")
    return frozenset(w for w in set(words["domains"]) | set(words["modifiers"]) if " " not in w)
