"""Passes over the mentions the rules found: two mentions that are one amount ("3 dollars 50 cents"), one
range ("$12 million to $20 million", "between 500 and 2,000 pesos"), a minus before an amount
("-$4.5 million"), and a bare shared currency word that takes the currency the text gave it before
("4.3 billion Norwegian crowns … 3.6 billion crowns").
Their patterns are the `joins` of models/money_patterns.json.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .money_amounts import Money, clean, joins, value, vocabulary
from .numbers import parse_number, scale_of

WORD_END = re.compile(r"[^\W\d_]$")  # the mention ends in a word ("15 dollars"), not a sign or a number


@lru_cache(maxsize=1)
def _cents_word() -> re.Pattern:
    """A mention ending in a hundredth's word of models/currencies.json ("cents", "pence", "centavos";
    not the "p" of "415p")."""
    words = sorted((w for w in vocabulary()["fractions"] if len(w) > 1), key=len, reverse=True)
    return re.compile(rf"(?i)\b(?:{'|'.join(map(re.escape, words))})$")


def join_all(text: str, found: list[Money]) -> list[Money]:
    found = _bare_cents(text, _join_cents(text, _between(text, found)))
    return _context_currency(text, _negative(text, _join_ranges(text, found)))


def _joinable(prev: Money | None, money: Money) -> bool:
    return (prev is not None and prev.amount is not None and money.amount is not None
            and prev.amount_max is None and money.amount_max is None and prev.currency == money.currency)


def _join_cents(text: str, found: list[Money]) -> list[Money]:
    """"3 dollars 50 cents", "thirteen dollars and forty-five cents", "10 $ 30 cents", "4 euros 20 cents": one
    amount (bare "cents" are the cents of the currency before them)."""
    gap, any_currency = joins()["cents_gap"], joins()["cents_any_currency"]
    out: list[Money] = []
    for money in found:
        prev = out[-1] if out else None
        cents = money
        if prev is not None and money.currency != prev.currency and any_currency.fullmatch(text, money.start, money.end):
            cents = Money(money.start, money.end, money.amount, money.amount_max, prev.currency, money.rule)
        if (_joinable(prev, cents) and money.amount < 1 and _cents_word().search(text, money.start, money.end)
                and not _cents_word().search(text, prev.start, prev.end) and gap.fullmatch(text, prev.end, money.start)):
            out[-1] = Money(prev.start, money.end, clean(prev.amount + money.amount), None, prev.currency, prev.rule)
        else:
            out.append(money)
    return out


def _bare_cents(text: str, found: list[Money]) -> list[Money]:
    """"15 dollars and 50": a bare number of cents after whole units written as a word."""
    bare = joins()["bare_cents"]
    out = []
    for i, money in enumerate(found):
        nxt = found[i + 1].start if i + 1 < len(found) else len(text)
        m = bare.match(text, money.end, nxt)
        words = text[money.start:money.end]
        if (m and money.amount is not None and money.amount_max is None and WORD_END.search(words)
                and not _cents_word().search(words) and money.amount == int(money.amount)
                and not any(scale_of(w) for w in re.findall(r"[^\W\d_]+", words))):  # not "15 million dollars and 50"
            cents = parse_number(m["num"])
            if cents is not None and 0 < cents < 100 and cents == int(cents):
                money = Money(money.start, m.end(), clean(money.amount + cents / 100), None, money.currency, money.rule)
        out.append(money)
    return out


def _between(text: str, found: list[Money]) -> list[Money]:
    """"between 500 and 2,000 pesos", "from 2 million to 3 million euros": the lower bound is a bare number
    before the mention; without a scale word of its own it takes the upper bound's ("between 5 and 6 million")."""
    pattern, upper = joins()["between_number"], joins()["upper_bound"]
    out = []
    for money in found:
        m = pattern.search(text, max(0, money.start - 40), money.start)
        if (m and m.end() == money.start and money.amount is not None and money.amount_max is None
                and (m["word"].lower(), m["joiner"].lower()) in (("between", "and"), ("from", "to"))):
            written = upper.match(text, money.start, money.end)
            said = value(written["num"], written["scale"]) if written else None
            low = value(m["num"], m["scale"])
            if low is not None and said:
                unit = money.amount / said  # the upper bound's fraction ("cents"): 1 for most
                scale = value("1", written["scale"]) or 1
                # with no scale word of its own the lower bound takes the upper's ("between 5 and 6 million")
                # unless that would pass the upper bound ("between 500,000 and 1 million euros")
                low = low * unit * (scale if not m["scale"] and low * unit * scale < money.amount else 1)
                if low < money.amount:
                    money = Money(m.start("num"), money.end, clean(low), money.amount, money.currency, money.rule)
        out.append(money)
    return out


def _join_ranges(text: str, found: list[Money]) -> list[Money]:
    """'$12 million to $20 million', 'between $12 million and $20 million': one mention, two bounds; not
    'rose 6 pence to 388 pence', a change and the level it led to."""
    joiner_pattern, between, change = joins()["range_joiner"], joins()["between"], joins()["change_before"]
    out: list[Money] = []
    for money in found:
        prev = out[-1] if out else None
        joiner = joiner_pattern.fullmatch(text, prev.end, money.start) if prev else None
        if (joiner and _joinable(prev, money) and prev.amount < money.amount
                and ("and" not in joiner.group(0) or between.search(text, max(0, prev.start - 40), prev.start))
                and not ("to" in joiner.group(0) and change.search(text, max(0, prev.start - 40), prev.start))):
            out[-1] = Money(prev.start, money.end, prev.amount, money.amount, prev.currency, prev.rule)
        else:
            out.append(money)
    return out


def _negative(text: str, found: list[Money]) -> list[Money]:
    """"-$4.5 million", "fell to minus 120 million euros": a minus sign or word right before an amount joins
    the mention and makes it negative; not "$100 minus $5" (a sum: "minus" right after another amount), nor a
    range."""
    minus = joins()["minus_before"]
    out: list[Money] = []
    for money in found:
        m = minus.search(text, max(0, money.start - 12), money.start)
        prev_end = out[-1].end if out else -1
        if (m and money.amount is not None and money.amount_max is None and money.amount > 0
                and not (prev_end >= 0 and not text[prev_end:m.start()].strip())):
            money = Money(m.start(), money.end, -money.amount, None, money.currency, money.rule)
        out.append(money)
    return out


def shared_stem(words: list[str]) -> str:
    """The currency word a mention ends in, without its plural "s" ("crowns" -> "crown"); the whole units'
    word where hundredths follow ("15 pesos and 50 centavos" -> "peso")."""
    fractions = vocabulary()["fractions"]
    cents = len(words) > 2 and words[-1] in fractions and words[0] not in fractions
    for w in reversed(words[:-1] if cents else words):
        if not (cents and (w == "and" or parse_number(w) is not None)):
            return w.rstrip("s")
    return ""


def _context_currency(text: str, found: list[Money]) -> list[Money]:
    """A bare ambiguous word ("3.6 billion crowns") takes the currency the text last gave that word
    ("4.3 billion Norwegian crowns" before it); with none, the currency stays unknown."""
    stems = frozenset(w.rstrip("s") for w in vocabulary()["country_decides"])
    said: dict[str, str] = {}
    out = []
    for money in found:
        word = shared_stem(text[money.start:money.end].lower().split())
        if word in stems:
            if money.currency is None and word in said:
                money = Money(money.start, money.end, money.amount, money.amount_max, said[word], money.rule)
            elif money.currency is not None:
                said[word] = money.currency
        out.append(money)
    return out

