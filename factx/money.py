"""Money: amounts with their ISO 4217 currency ("$37 billion" -> 37000000000 USD, "€5.2m" -> 5200000 EUR).

Found by regular expressions over the text (spaCy's tokenizer keeps "GB£20.1" and "HK$3bn" as one token,
so token patterns would miss them), plus spaCy MONEY entities the expressions do not cover. The currency
vocabulary (symbols, words, "<country> dollar" forms) is models/currencies.json; ISO codes and official
currency names ("Canadian Dollar", "Mexican Peso") come from pycountry.
A range ("$5-6 billion", "between $12 million and $20 million", "US$16 million to $28 million") is one
mention whose `amount` is the lower bound and `amount_max` the upper one. A currency written again after
the amount is part of the mention and can decide it ("$99 (USD)", "$9.99 US dollars", "$5 Canadian
dollars" -> CAD). An amount spaCy calls MONEY without any currency is kept (amount only) unless a noun
follows it ("4 billion songs" is a count).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

import pycountry
from spacy.language import Language
from spacy.tokens import Doc, Span

from .countries import SPANS_KEY as COUNTRIES_KEY
from .data import load_json, load_jsonl
from .doctext import text_of
from .numbers import parse_number, scale_of, words as number_words

SPANS_KEY = "factx_money"
DOLLAR = "$"  # placeholder in models/currencies.json for "the default dollar"

if not Span.has_extension("factx_amount"):
    Span.set_extension("factx_chars", default=None)  # exact (start, end) when tokens overhang: "£900m." -> "£900m"
    Span.set_extension("factx_amount", default=None)
    Span.set_extension("factx_amount_max", default=None)
    Span.set_extension("factx_currency", default=None)


@dataclass(frozen=True)
class Money:
    start: int
    end: int
    amount: float | None
    amount_max: float | None
    currency: str | None


def _alt(items) -> str:
    return "|".join(re.escape(i) for i in sorted(set(items), key=len, reverse=True))


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    data = load_json("currencies.json")
    words = {k.lower(): v for k, v in data["words"].items()}
    historic = load_json("historic_currencies.json")["currencies"]
    country_words = dict(data["country_words"])
    for row in historic:  # withdrawn currencies: the only codes outside pycountry factx writes
        words.update({w: row["code"] for w in row["words"]})
        country_words.setdefault(row["country"], row["code"])
    for cur in pycountry.currencies:
        if cur.alpha_3 in data["not_money_codes"]:
            continue  # "a silver medallist" is not XAG
        name = cur.name.lower()
        words.setdefault(name, cur.alpha_3)
        words.setdefault(name + "s", cur.alpha_3)
    iso = {cur.alpha_3 for cur in pycountry.currencies} | {row["code"] for row in historic}
    words = {w: (code if code in iso or code == DOLLAR else None) for w, code in words.items()}
    return {"symbols": data["symbols"], "words": words, "iso": iso, "fractions": data["fractions"],
            "fraction_currency": data["fraction_currency"], "country_words": country_words,
            "score_words": frozenset(data["score_words"]),
            "default_dollar": data["default_dollar"],
            "dollar_codes": {cur.alpha_3 for cur in pycountry.currencies if "Dollar" in cur.name}}


@lru_cache(maxsize=1)
def patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    v = vocabulary()
    nw = number_words()
    num = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
    word_nums = _alt([w for w, n in {**nw["units"], **nw["tens"]}.items() if n is not None] + ["hundred"])
    num_words = rf"(?:{word_nums})(?:[- ](?:{word_nums}))*"
    scale = _alt(nw["scales"])
    scale = rf"(?:{scale})(?:\s(?:{scale}))?"  # "11.11 lakh crore"
    # "C $ 300", "c $ 16.4" as wire archives print them: spaced on both sides ("A $1.4 Billion" is no A$)
    spaced = [re.escape(k[:-1]) + r"\s\$(?=\s)" for k in v["symbols"] if k.endswith("$") and k[:-1].isalpha()]
    sym = "|".join([rf"(?i:{'|'.join(spaced)})", _alt(list(v["symbols"]) + list(v["iso"]))])
    signs = _alt(k for k in v["symbols"] if not any(ch.isalpha() for ch in k))
    cur_words = _alt(list(v["words"]) + list(v["fractions"]) + list(v["iso"]))
    country = _alt(v["country_words"])
    # "$37 billion", "US$40 billion", "€5.2m", "Rs 500 crore", "USD 5m", "$5-6 billion"
    prefixed = re.compile(
        rf"(?<![\w$£€¥])(?P<sym>{sym})\s?(?P<num>{num})(?:\s?(?:-|–|to)\s?(?:{sym})?\s?(?P<num2>{num}))?"
        rf"(?:[\s-]?(?P<scale>(?i:{scale}))\b)?")
    # "3 million yen", "500 crore rupees", "thirty billion dollars", "50 cents", "400 million Canadian dollars"
    suffixed = re.compile(
        rf"(?<![\w.,$£€¥])(?P<num>{num}|{num_words})(?:\s?(?:-|–|to)\s?(?P<num2>{num}|{num_words}))?"
        rf"(?:\s?(?P<scale>{scale})\b)?\s(?:(?P<country>{country})\s)?(?P<cur>{cur_words})"
        rf"(?:\s(?P<frac>cents?))?(?:\s(?P<scale_after>{scale}))?\b(?!\.\w)", re.IGNORECASE)
    # the currency said again after a prefixed amount: "$249 USD", "$99 (USD)", "$9.99 US dollars"
    tail = re.compile(rf"\s?(?P<open>\()?(?:(?P<iso>{_alt(v['iso'])})\b|(?:(?P<country>{country})\s)?"
                      rf"(?P<cur>(?i:dollars?|{cur_words}))\b)(?(open)\))")
    # the sign after the amount, European style ("10 €", "500 €"), and "30 MUSD", "120 MEUR"
    postfixed = re.compile(rf"(?<![\w.,$£€¥])(?P<num>{num})(?:\s?(?P<scale>{scale})\b)?\s?(?:(?P<sym>{signs})(?![\w$£€¥])"
                           rf"|M(?P<iso>{_alt(v['iso'])})\b)")
    # pence written against the number: "415p"
    pence = re.compile(rf"(?<![\w.,$£€¥])(?P<num>{num})p\b")
    return prefixed, suffixed, tail, postfixed, pence


def _value(num: str | None, scale: str | None) -> float | None:
    if not num:
        return None
    value = parse_number(num)
    if value is None:
        return None
    for word in (scale or "").split():  # "lakh crore": both scales
        value *= scale_of(word) or 1
    return value


def _clean(x: float | None) -> float | int | None:
    if x is None or not math.isfinite(x):
        return None  # "$999…9" with 309 nines is no finite number
    x = float(f"{x:.12g}")  # 4.1 trillion is 4100000000000, not 4099999999999.9995
    return int(x) if x == int(x) else x


def _bounds(num: str | None, num2: str | None, scale: str | None) -> tuple[float | None, float | None]:
    """The two ends of "5-6 billion" (the scale word is shared) or "$10,000 to $1 million" (it belongs to the
    upper bound alone: shared, the lower bound would pass the upper one)."""
    if not num2 or not scale:
        return _value(num, scale), _value(num2, scale)
    low, high = parse_number(num), parse_number(num2)
    shared = low is not None and high is not None and low < high
    return _value(num, scale if shared else None), _value(num2, scale)


def _range(start: int, end: int, amount: float | None, amount2: float | None, code: str | None) -> Money:
    """A mention whose amount_max, when there is one, is above its amount and both finite."""
    amount, amount2 = _clean(amount), _clean(amount2)
    if amount is None or amount2 is None or amount2 <= amount:
        amount2 = None
    return Money(start, end, amount, amount2, code if code in vocabulary()["iso"] else None)


def find_money(text: str, dollar: str | None = None) -> list[Money]:
    """Every money expression in text with amount and currency; `dollar` overrides what a bare "$" means."""
    v = vocabulary()
    dollar = dollar or v["default_dollar"]
    prefixed, suffixed, tail, postfixed, pence = patterns()
    found: list[Money] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for m in prefixed.finditer(text):
        sym = m["sym"]
        if sym.isalpha() and len(sym) == 1 and text[m.end("sym"):m.start("num")]:
            continue  # "R 5" is not rand; "R5" is
        code = v["symbols"].get(sym) or (sym if sym in v["iso"] else None) or _spaced_symbol(sym, v)
        end = m.end()
        again = tail.match(text, end)
        if again:
            said = _tail_code(again, v)
            dollars = (DOLLAR, *v["dollar_codes"])
            if said is not None and (said == code or code == DOLLAR and said in dollars or
                                     said == DOLLAR and code in dollars):
                code, end = (code if said == DOLLAR else said), again.end()
        code = dollar if code == DOLLAR else code
        amount, amount2 = _bounds(m["num"], m["num2"], m["scale"])
        found.append(_range(m.start(), end, amount, amount2, code))
        taken.append((m.start(), end))
    for m in suffixed.finditer(text):
        if not free(m.start(), m.end()):
            continue
        cur = m["cur"]
        scale = m["scale"] or m["scale_after"]  # "75 USD million"
        low = cur.lower()
        if m["frac"] and low not in v["fractions"]:  # "12 euro cents"
            code = v["words"].get(low) or (cur.upper() if cur.upper() in v["iso"] else None)
            amount, amount2 = _value(m["num"], scale), _value(m["num2"], scale)
            amount = amount / 100 if amount is not None else None
            amount2 = amount2 / 100 if amount2 is not None else None
        elif low in v["fractions"]:
            factor = v["fractions"][low]
            code = v["fraction_currency"].get(low)
            if m["country"] and code == DOLLAR:
                code = v["country_words"].get(m["country"], code)  # "61 Australian cents"
            amount = _value(m["num"], scale)
            amount = amount * factor if amount is not None else None
            amount2 = _value(m["num2"], scale)
            amount2 = amount2 * factor if amount2 is not None else None
        else:
            code = cur if cur in v["iso"] else v["words"].get(low)
            if m["country"]:
                code = _country_code(m["country"], v, code) if code in (DOLLAR, None) or low in AMBIGUOUS_WORDS else code
            amount, amount2 = _bounds(m["num"], m["num2"], scale)
        if m["num2"] and (low in v["score_words"] and not scale or amount2 is not None and amount is not None
                          and amount2 <= amount):
            continue  # "17 - 14 won": a score, not a range of money
        if cur.isupper() and cur in v["iso"] and cur != m["cur"].upper():
            continue
        if not (cur in v["iso"] or low in v["words"] or low in v["fractions"]):
            continue  # matched an ISO code case-insensitively ("all", "top"): not money
        code = dollar if code == DOLLAR else code
        found.append(_range(m.start(), m.end(), amount, amount2, code))
        taken.append((m.start(), m.end()))
    for m in postfixed.finditer(text):
        if free(m.start(), m.end()):
            code = m["iso"] or v["symbols"].get(m["sym"])
            code = dollar if code == DOLLAR else code
            amount = _value(m["num"], m["scale"])
            if m["iso"] and amount is not None:
                amount *= 1e6  # "MUSD": millions of dollars
            found.append(_range(m.start(), m.end(), amount, None, code))
            taken.append((m.start(), m.end()))
    for m in pence.finditer(text):
        if free(m.start(), m.end()):
            amount = _value(m["num"], None)
            found.append(_range(m.start(), m.end(), amount / 100 if amount is not None else None, None, "GBP"))
            taken.append((m.start(), m.end()))
    found = _join_cents(text, _between(text, sorted(found, key=lambda x: x.start)))
    return _context_currency(text, _join_ranges(text, found))


def _spaced_symbol(sym: str, v: dict) -> str | None:
    """"C $", "hk $": the symbol written with a space, in any case."""
    glued = re.sub(r"\s", "", sym).upper()
    return next((code for k, code in v["symbols"].items() if k.upper() == glued), None)


def _country_code(word: str, v: dict, default: str | None) -> str | None:
    """The currency a country word names, in any case ("australian dollars")."""
    exact = v["country_words"].get(word)
    if exact:
        return exact
    low = word.lower()
    return next((code for k, code in v["country_words"].items() if k.lower() == low), default)


CENTS = re.compile(r"\s(?:and\s)?$")
BETWEEN_NUMBER = re.compile(r"\bbetween\s+(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s+and\s+$", re.IGNORECASE)


def _join_cents(text: str, found: list[Money]) -> list[Money]:
    """"3 dollars 50 cents", "thirteen dollars and forty-five cents": one amount, 3.5 and 13.45."""
    out: list[Money] = []
    for money in found:
        prev = out[-1] if out else None
        if (prev and money.amount is not None and prev.amount is not None and money.amount < 1
                and prev.amount_max is None and money.amount_max is None and prev.currency == money.currency
                and re.search(r"(?i)\b(?:cents?|pence)$", text[money.start:money.end])
                and not re.search(r"(?i)\b(?:cents?|pence)$", text[prev.start:prev.end])
                and CENTS.fullmatch(text, prev.end, money.start)):
            out[-1] = Money(prev.start, money.end, _clean(prev.amount + money.amount), None, prev.currency)
        else:
            out.append(money)
    return out


def _between(text: str, found: list[Money]) -> list[Money]:
    """"between 500 and 2,000 pesos": the lower bound is a bare number before the mention."""
    out = []
    for money in found:
        m = BETWEEN_NUMBER.search(text, max(0, money.start - 40), money.start)
        if m and m.end() == money.start and money.amount is not None and money.amount_max is None:
            low = parse_number(m[1])
            written = re.match(r"[^\d]*(\d[\d,]*(?:\.\d+)?)", text[money.start:money.end])
            said = parse_number(written[1]) if written else None
            if low is not None and said:
                low *= money.amount / said  # the scale and the fraction of the upper bound: "5 and 6 million"
                if low < money.amount:
                    money = Money(m.start(1), money.end, _clean(low), money.amount, money.currency)
        out.append(money)
    return out


# currency words the country before them decides: "Argentine pesos", "Egyptian pounds", "Czech crowns"
AMBIGUOUS_WORDS = ("peso", "pesos", "pound", "pounds", "rupee", "rupees", "franc", "francs", "dinar", "dinars",
                   "krona", "krone", "kroner", "kronor", "crown", "crowns", "shilling", "shillings", "riyal",
                   "riyals", "rial", "rials")
AMBIGUOUS_STEMS = frozenset(w.rstrip("s") for w in AMBIGUOUS_WORDS)
RANGE_JOINER = re.compile(r"\s*(?:-|–|to|and)\s*")
BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)


def _context_currency(text: str, found: list[Money]) -> list[Money]:
    """A bare ambiguous word ("3.6 billion crowns") takes the currency the text last gave that word
    ("4.3 billion Norwegian crowns" before it); with none, the currency stays unknown."""
    said: dict[str, str] = {}
    out = []
    for money in found:
        words = text[money.start:money.end].lower().split()
        word = words[-1].rstrip("s") if words else ""
        if word in AMBIGUOUS_STEMS:
            if money.currency is None and word in said:
                money = Money(money.start, money.end, money.amount, money.amount_max, said[word])
            elif money.currency is not None:
                said[word] = money.currency
        out.append(money)
    return out


def _tail_code(m: re.Match, v: dict) -> str | None:
    if m["iso"]:
        return m["iso"]
    low = m["cur"].lower()
    code = v["words"].get(low)
    if m["country"] and (code == DOLLAR or low in AMBIGUOUS_WORDS or code is None):
        return v["country_words"].get(m["country"], code)
    return code


def _join_ranges(text: str, found: list[Money]) -> list[Money]:
    """'$12 million to $20 million', 'between $12 million and $20 million': one mention, two bounds."""
    out: list[Money] = []
    for money in found:
        prev = out[-1] if out else None
        joiner = RANGE_JOINER.fullmatch(text, prev.end, money.start) if prev else None
        if (joiner and prev.amount_max is None and money.amount_max is None and prev.currency == money.currency
                and prev.amount is not None and money.amount is not None and prev.amount < money.amount
                and ("and" not in joiner.group(0) or BETWEEN.search(text, 0, prev.start))):
            out[-1] = Money(prev.start, money.end, prev.amount, money.amount, prev.currency)
        else:
            out.append(money)
    return out


class MoneyFinder:
    def __init__(self, nlp: Language, name: str = "factx_money", dollar: str | None = None):
        self.name = name
        self.dollar = dollar

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        covered: list[tuple[int, int]] = []
        for money in find_money(doc.text, self.dollar):
            span = doc.char_span(money.start, money.end, label="MONEY", alignment_mode="expand")
            if span is None:
                continue
            if (span.start_char, span.end_char) != (money.start, money.end):
                span._.factx_chars = (money.start, money.end)
            span._.factx_amount, span._.factx_amount_max = money.amount, money.amount_max
            span._.factx_currency = money.currency
            spans.append(span)
            covered.append((span.start, span.end))
        for ent in doc.ents:  # what spaCy calls money and the expressions did not parse: keep, unvalued
            if ent.label_ == "MONEY" and all(ent.end <= a or ent.start >= b for a, b in covered) and any(
                    t.like_num for t in ent) and not _count_of_things(ent):
                span = Span(doc, ent.start, ent.end, label="MONEY")
                spans.append(span)
        _document_currency(doc, spans)
        doc.spans[SPANS_KEY] = sorted(spans, key=lambda s: s.start)
        return doc




def _document_currency(doc: Doc, spans: list[Span]) -> None:
    """A shared currency word with no country word of its own ("500 million pesos", "several billion pounds")
    takes the currency of the country the document mentions most among those whose currency has that name
    (a Philippine story's pesos are PHP, a Pakistani story's rupees PKR; on a tie, the country named first).
    With no such country the reading of the amount alone stays (pesos MXN, rupees INR, pounds unknown)."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for c in doc.spans.get(COUNTRIES_KEY, []):
        counts[c.kb_id_] = counts.get(c.kb_id_, 0) + 1
        first.setdefault(c.kb_id_, c.start)
    if not counts:
        return
    by_country = country_currencies()
    name_stems = {k: tuple(v) for k, v in load_json("currencies.json")["iso_name_words"].items()}
    said: set[str] = set()  # stems the text already tied to a country's currency ("Norwegian crowns")
    country_words = {w.lower() for w in vocabulary()["country_words"]}
    for span in spans:
        words = [w.lower() for w in text_of(span.doc)[span.start_char:span.end_char].split()]
        if not words:
            continue
        stem = words[-1].rstrip("s") if words[-1] not in name_stems else words[-1]
        if any(w in country_words for w in words) or any(
                " ".join(words[i:i + 2]) in country_words for i in range(len(words))):
            said.add(stem)
            continue
        if stem in said or (stem not in AMBIGUOUS_STEMS and stem not in name_stems):
            continue  # the text said whose crowns these are: _context_currency has it
        names = name_stems.get(stem, (stem,))
        fits = [(n, -first[code], code) for code, n in counts.items() if (cur := by_country.get(code))
                and any(x in (pycountry.currencies.get(alpha_3=cur).name.lower()) for x in names)]
        if fits:  # most mentioned; on a tie, the country named first
            span._.factx_currency = by_country[max(fits)[2]]


@lru_cache(maxsize=1)
def country_currencies() -> dict[str, str]:
    """ISO 3166 code -> ISO 4217 code, from the nationality words of models/currencies.json ("Colombian": COP)
    and models/countries.jsonl ("Colombian": CO)."""
    code_of = {r["pattern"]: r["id"] for r in load_jsonl("countries.jsonl")
               if r["label"] in ("COUNTRY", "NATIONALITY") and isinstance(r["pattern"], str)}
    code_of.update({c.name: c.alpha_2 for c in pycountry.countries})
    out: dict[str, str] = {}
    for word, cur in vocabulary()["country_words"].items():
        code = code_of.get(word)
        if code and pycountry.currencies.get(alpha_3=cur) is not None:
            out.setdefault(code, cur)
    return out


def _count_of_things(ent: Span) -> bool:
    """'more than 4 billion songs': spaCy's MONEY with no currency word, followed by a noun."""
    words = vocabulary()["words"]
    if any(t.lower_ in words or t.is_currency for t in ent):
        return False
    nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and nxt.lower_ not in words


@Language.factory("factx_money", default_config={"dollar": None}, requires=["doc.ents"],
                  assigns=["doc.spans", "span._.factx_amount", "span._.factx_amount_max", "span._.factx_currency"])
def make_money_finder(nlp: Language, name: str, dollar: str | None) -> MoneyFinder:
    return MoneyFinder(nlp, name, dollar)
