"""The rules that find money in text, and what each match is worth: "$37 billion" -> 37000000000 USD.

The rules are rows of models/money_patterns.json (a regular expression built from named parts, with its
examples); this module fills in the parts from the vocabulary (models/currencies.json,
models/historic_currencies.json, models/numbers.json, pycountry's ISO 4217 list), applies the rows in order
and reads each match's groups the same way whatever row matched: `num`/`num2` and `scale` give the amount,
`sym`, `cur`, `country` and `iso` the currency. Regular expressions over the text rather than spaCy token
patterns, because spaCy's tokenizer keeps "GB£20.1" and "HK$3bn" as one token.
"""
from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

import pycountry

from .data import load_json, load_jsonl
from .numbers import parse_number, scale_of, words as number_words

DOLLAR = "$"  # placeholder in models/currencies.json for "the default dollar"
LOWER_WORD_BEFORE = r"(?<![a-z]\s)"  # not after a lower-case word and a space


@dataclass(frozen=True)
class Money:
    start: int
    end: int
    amount: float | None
    amount_max: float | None
    currency: str | None
    rule: str | None = field(default=None, compare=False)  # the row of models/money_patterns.json that found it


def _alt(items) -> str:
    return "|".join(re.escape(i) for i in sorted(set(items), key=len, reverse=True))


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    data = load_json("currencies.json")
    words = {k.lower(): v for k, v in data["words"].items()}
    historic = load_json("historic_currencies.json")["currencies"]
    country_words = dict(data["country_words"])
    symbols = dict(data["symbols"])
    for row in historic:  # withdrawn currencies: the only codes outside pycountry factx writes
        words.update({w: row["code"] for w in row["words"]})
        symbols.update({s: row["code"] for s in row.get("symbols", [])})
        country_words.setdefault(row["country"], row["code"])
    country_words.update({k: c for k, c in _country_names(country_words).items() if k not in country_words})
    for cur in pycountry.currencies:
        if cur.alpha_3 in data["not_money_codes"]:
            continue  # "a silver medallist" is not XAG
        name = cur.name.lower()
        words.setdefault(name, cur.alpha_3)
        words.setdefault(name + "s", cur.alpha_3)
    iso = {cur.alpha_3 for cur in pycountry.currencies} | {row["code"] for row in historic}
    words = {w: (code if code in iso or code == DOLLAR else None) for w, code in words.items()}
    return {"symbols": symbols, "signs_after": data["signs_after"], "words": words, "iso": iso,
            "fractions": data["fractions"],
            "fraction_currency": data["fraction_currency"], "country_words": country_words,
            "score_words": frozenset(data["score_words"]), "prefix_words": data["prefix_words"],
            "not_spaced_prefixes": data["not_spaced_prefixes"],
            "mid_sentence_prefixes": frozenset(data["mid_sentence_prefixes"]),
            "weight_words": frozenset(data["weight_words"]),
            "common_words": frozenset(data["common_words"]),
            "country_decides": frozenset(data["country_decides"]), "default_dollar": data["default_dollar"],
            "dollar_codes": {cur.alpha_3 for cur in pycountry.currencies if "Dollar" in cur.name}}


def _country_names(country_words: dict[str, str]) -> dict[str, str]:
    """Country names of models/countries.jsonl -> the currency their nationality word names: "Cyprus" is
    CYP as "Cypriot" is ("40 million Cyprus pounds"), "Jordan" JOD; a country whose nationality word names
    no currency here gives none."""
    rows = [r for r in load_jsonl("countries.jsonl") if isinstance(r["pattern"], str)]
    of_country: dict[str, str] = {}
    for r in rows:
        if r["label"] == "NATIONALITY" and r["pattern"] in country_words:
            of_country.setdefault(r["id"], country_words[r["pattern"]])
    return {r["pattern"]: of_country[r["id"]] for r in rows if r["label"] == "COUNTRY" and r["id"] in of_country}


@lru_cache(maxsize=1)
def parts() -> dict[str, str]:
    """The named parts the rows of models/money_patterns.json are written in."""
    v = vocabulary()
    nw = number_words()
    fractions = _alt(nw["fractions"])
    word_nums = _alt([w for w, n in {**nw["units"], **nw["tens"]}.items() if n is not None]
                     + ["hundred"] + list(nw["fractions"]))
    counts = _alt([w for w, n in {**nw["units"], **nw["tens"]}.items() if n is not None and w not in ("a", "an")])
    # "one and a half", "two-and-a-half", "a hundred and fifty", "three quarters of a billion" (not "five and ten")
    after_fraction = "".join(f"(?<={re.escape(f)})" if i == 0 else f"|(?<={re.escape(f)})"
                             for i, f in enumerate(nw["fractions"]))
    joiner = (rf"[- ]|(?:\sand\s|-and-)(?=(?:an?[\s-]|one[\s-])?(?:{fractions})\b)|(?<=hundred)\sand\s"
              rf"|(?:{after_fraction})\sof\s(?=an?\s)")
    scale = _alt(nw["scales"])
    # "C $ 300", "c $ 16.4" as wire archives print them: spaced on both sides ("A $1.4 Billion" is no A$)
    lettered = [k for k in v["symbols"] if k.endswith("$") and k[:-1].isalpha()]
    spaced = [rf"(?<![^\W\d_]){re.escape(k[:-1])}\s\$(?=\s)" for k in lettered]
    # "s$ 240 million", "hk$3bn" in lower case as wire archives print them; not after an apostrophe
    # ("company's$", tokenised "company ' s$")
    lower = rf"(?<!['’])(?<!['’]\s)(?i:{_alt(k.lower() for k in lettered)})"
    # case-sensitive: "a $ 1"; "of A $ 2" is a prefix (a lower-case word before it), "A $ 5 fee" the article
    not_spaced = "".join(rf"(?!{LOWER_WORD_BEFORE if w in v['mid_sentence_prefixes'] else ''}{re.escape(w)}\s\$)"
                         for w in v["not_spaced_prefixes"])
    out = dict(load_json("money_patterns.json")["parts"])
    out.update({
        # atomic (see build) and at most 12 words ("one hundred and twenty-five thousand …"): else "one-one-…"
        # backtracks through every split into a range ("-" is also "to"), cubic in the run's length
        # "a two hundred dollar jacket": the article is no number ("a hundred dollars" and "a half" are)
        "num_words": rf"(?!an?[- ](?:{counts})\b)(?:{word_nums})\b(?:(?:{joiner})(?:{word_nums})\b){{0,11}}",
        "scale": rf"(?:{scale})(?:\s(?:{scale}))?",  # "11.11 lakh crore"
        "sym": "|".join([rf"{not_spaced}(?i:{'|'.join(spaced)})", _alt(list(v["symbols"]) + list(v["iso"])),
                         lower]),
        "signs": _alt(k for k in v["symbols"] if not any(ch.isalpha() for ch in k)),
        "signs_after": _alt(v["signs_after"]),
        "cur_words": _alt(list(v["words"]) + list(v["fractions"]) + list(v["iso"])),
        "country": _alt(v["country_words"]),
        "iso": _alt(v["iso"]),
        "prefix_words": _alt(v["prefix_words"]),
        # "1 500 Ft" groups thousands with a space, not "March 3 500 euros" (a date, then an amount)
        "no_month_before": "".join(rf"(?<!\b{re.escape(w)}\s)(?<!\b{re.escape(w.title())}\s)"
                                   for w in load_json("dates.json")["months"]),
    })
    for name in load_json("money_patterns.json")["parts"]:  # a part written with parts of its own
        out[name] = re.sub(r"\{([a-z_]+)\}", lambda m: out[m[1]], out[name])
    return out


ATOMIC = frozenset({"num_words"})


def build(pattern: str, flags: str = "") -> re.Pattern:
    """A row's pattern with its {named} parts filled in ("\\d{3}" is left alone); an unknown name is a ValueError."""
    p = parts()
    count = iter(range(1_000_000))

    def part(m: re.Match) -> str:
        if m[1] not in p:
            raise ValueError(f"models/money_patterns.json: no part named {{{m[1]}}} in {pattern!r}")
        if m[1] in ATOMIC:  # matched once, longest first, never backtracked into (an atomic group in 3.10)
            name = f"_atomic{next(count)}"
            return f"(?=(?P<{name}>{p[m[1]]}))(?P={name})"
        return f"(?:{p[m[1]]})"
    filled = re.sub(r"\{([A-Za-z_]\w*)\}", part, pattern)
    return re.compile(filled, re.IGNORECASE if "i" in flags else 0)


@lru_cache(maxsize=1)
def rules() -> tuple[tuple[dict, re.Pattern], ...]:
    return tuple((row, build(row["pattern"], row.get("flags", ""))) for row in load_json("money_patterns.json")["rules"])


@lru_cache(maxsize=1)
def joins() -> dict[str, re.Pattern]:
    rows = load_json("money_patterns.json")["joins"]
    return {name: build(row["pattern"], row.get("flags", "")) for name, row in rows.items() if name[0] != "_"}


def patterns() -> tuple[re.Pattern, ...]:
    """Every pattern money compiles (the ReDoS tests run them all)."""
    return tuple(p for _, p in rules()) + tuple(joins().values())


GROUPED = re.compile(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:\.\d+)?|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?")


def ungrouped(num: str) -> str:
    """Digits grouped by spaces ("1 500") or in the Indian way ("1,25,000"), as plain digits."""
    return re.sub(r"[ ,\u00a0\u202f]", "", num) if GROUPED.fullmatch(num) else num


def value(num: str | None, scale: str | None) -> float | None:
    if not num:
        return None
    out = parse_number(ungrouped(num))
    if out is None:
        return None
    for word in (scale or "").split():  # "lakh crore": both scales
        out *= scale_of(word) or 1
    return out


def clean(x: float | None) -> float | int | None:
    if x is None or not math.isfinite(x):
        return None  # "$999…9" with 309 nines is no finite number
    x = float(f"{x:.12g}")  # 4.1 trillion is 4100000000000, not 4099999999999.9995
    return int(x) if x == int(x) else x


def _bounds(num: str | None, num2: str | None, scale: str | None) -> tuple[float | None, float | None]:
    """The two ends of "5-6 billion" (the scale word is shared) or "$10,000 to $1 million" (it belongs to the
    upper bound alone: shared, the lower bound would pass the upper one)."""
    if not num2 or not scale:
        return value(num, scale), value(num2, scale)
    low, high = value(num, None), value(num2, None)
    shared = low is not None and high is not None and low < high
    return value(num, scale if shared else None), value(num2, scale)


def mention(start: int, end: int, amount: float | None, amount2: float | None, code: str | None,
            rule: str | None = None) -> Money:
    """A mention whose amount_max, when there is one, is above its amount and both finite."""
    amount, amount2 = clean(amount), clean(amount2)
    if amount is None or amount2 is None or amount2 <= amount:
        amount2 = None
    return Money(start, end, amount, amount2, code if code in vocabulary()["iso"] else None, rule)


def _times(x: float | None, factor: float) -> float | None:
    return None if x is None else x * factor


def _spaced_symbol(sym: str, v: dict) -> str | None:
    """"C $", "hk $": the symbol written with a space, in any case."""
    glued = re.sub(r"\s", "", sym).upper()
    return next((code for k, code in v["symbols"].items() if k.upper() == glued), None)


def country_code(word: str, v: dict, default: str | None) -> str | None:
    """The currency a country word names, in any case ("australian dollars")."""
    exact = v["country_words"].get(word)
    if exact:
        return exact
    low = word.lower()
    return next((code for k, code in v["country_words"].items() if k.lower() == low), default)


def _word_code(cur: str, country: str | None, v: dict) -> tuple[str | None, float]:
    """The currency and the factor a currency word gives: "yen" JPY 1, "Australian cents" AUD 0.01."""
    low = cur.lower()
    if low in v["fractions"]:
        code = v["fraction_currency"].get(low)
        if country and code == DOLLAR:
            code = country_code(country, v, code)  # "61 Australian cents"
        return code, v["fractions"][low]
    code = cur if cur in v["iso"] else v["words"].get(low)
    if country and (code in (DOLLAR, None) or low in v["country_decides"]):
        code = country_code(country, v, code)
    return code, 1


def _tail_code(m: re.Match, v: dict) -> str | None:
    if m["iso"]:
        return m["iso"]
    low = m["cur"].lower()
    code = v["words"].get(low)
    if m["country"] and (code == DOLLAR or low in v["country_decides"] or code is None):
        return v["country_words"].get(m["country"], code)
    return code


def _signless_number_before(text: str, start: int) -> bool:
    """A number without a sign of its own right before `start` ("10 " before "$ 30"; not "$ 20,000.00 ")."""
    before = re.search(r"(\S*)\s(\d[\d,.]*)\s$", " " + text[max(0, start - 60):start])
    return before is not None and not any(not ch.isalnum() and ch not in ".,-" for ch in before[1])


def _change_then_level(text: str, m: re.Match) -> bool:
    """"shares rose $1.25 to $30.50": a change and the level it led to, each with its sign, not a range."""
    between = text[m.end("num"):m.start("num2")]
    return (re.search(r"\bto\b", between) is not None and re.search(r"[^\sto]", between) is not None
            and joins()["change_before"].search(text, max(0, m.start() - 40), m.start()) is not None)


def _weight_change(g: dict, m: re.Match, text: str) -> bool:
    """"lost 20 pounds", "lifted 220 pounds": a body's weight or a lift, when the amount is small and has
    no scale word and no price follows ("the shop lost 12 pounds on each sale" is money)."""
    small = not g.get("scale") and (value(g.get("num"), None) or 0) < 1000
    return (small and joins()["weight_change_before"].search(text, max(0, m.start() - 40), m.start()) is not None
            and not joins()["money_after_change"].match(text, m.end()))


def read(row: dict, m: re.Match, text: str, v: dict) -> Money | None:
    """What one match of a row is worth (the default dollar still as DOLLAR), or None when it is no money."""
    g = {k: x for k, x in m.groupdict().items() if x is not None}
    code, factor, end = row.get("currency"), row.get("factor", 1), m.end()
    if row.get("decimal_comma") and re.fullmatch(parts()["num_comma"], g["num"]):
        g["num"] = re.sub(r"[. \u00a0\u202f]", "", g["num"]).replace(",", ".")  # "18,50 €", "1.234,50 €"
    sym, cur = g.get("sym"), g.get("cur")
    if sym:
        spaced = text[m.end("sym"):m.start("num")]
        if sym.isalpha() and len(sym) == 1 and spaced:
            return None  # "R 5" is not rand; "R5" is
        if spaced and not any(ch.isalpha() for ch in sym) and _signless_number_before(text, m.start()):
            return None  # "10 $ 30 cents": the sign is the sign of the 10 before it (rule sign_after)
        code = (v["symbols"].get(sym) or v["signs_after"].get(sym) or (sym if sym in v["iso"] else None)
                or _spaced_symbol(sym, v))
    if g.get("iso"):
        code = g["iso"]
    if cur:
        low = cur.lower()
        if not (cur in v["iso"] or low in v["words"] or low in v["fractions"]):
            return None  # matched an ISO code case-insensitively ("all", "top"): not money
        if low in v["weight_words"] and not g.get("country") and (
                text[m.start("cur") - 1] == "-" or joins()["weight_after"].match(text, m.end())
                or joins()["weight_before"].search(text, max(0, m.start() - 40), m.start())
                or _weight_change(g, m, text)):
            return None  # "a 500-pound bomb", "40 pounds of cocaine", "weighs 150 pounds", "lost 20 pounds"
        if low in v["common_words"] and not re.search(r"\d", g.get("num", "0")) and not g.get("scale"):
            return None  # "a real battle", "one won": an English word, not an amount in words
        if g.get("frac") and low not in v["fractions"]:  # "12 euro cents"
            code, factor = v["words"].get(low) or (cur.upper() if cur.upper() in v["iso"] else None), 0.01
        else:
            code, times = _word_code(cur, g.get("country"), v)
            factor *= times
    scale = g.get("scale") or g.get("scale_after")  # "75 USD million"
    amount, amount2 = _bounds(g.get("num"), g.get("num2"), scale) if "amount" not in row else (None, None)
    if g.get("scale_frac") and amount is not None and amount2 is None:  # "a million and a half": 1.5 million
        amount = (value(g["num"], None) + value(g["scale_frac"], None)) * value("1", scale)
    amount, amount2 = _times(amount, factor), _times(amount2, factor)
    if g.get("num2") and row.get("reversed_range_is_not_money") and (
            cur and cur.lower() in v["score_words"] and not scale
            or amount2 is not None and amount is not None and amount2 <= amount):
        return None  # "17 - 14 won": a score, not a range of money
    if row.get("tail"):
        again = joins()["tail"].match(text, end)
        if again:
            said = _tail_code(again, v)
            dollars = (DOLLAR, *v["dollar_codes"])
            if said is not None and (said == code or code == DOLLAR and said in dollars or
                                     said == DOLLAR and code in dollars):
                code, end = (code if said == DOLLAR else said), again.end()
    return Money(m.start(), end, amount, amount2, code, row["name"])


def find_amounts(text: str, dollar: str) -> list[Money]:
    """Every match of the rows, earlier rows first where two overlap, in text order."""
    v = vocabulary()
    found: list[Money] = []  # in text order, never overlapping
    starts: list[int] = []

    def free(start: int, end: int) -> bool:
        i = bisect.bisect_left(starts, start)
        return (i == 0 or found[i - 1].end <= start) and (i == len(found) or end <= found[i].start)

    for row, pattern in rules():
        pos = 0
        while (m := pattern.search(text, pos)) is not None:
            pos = max(m.end(), m.start() + 1)
            if not free(m.start(), m.end()):
                continue
            money = read(row, m, text, v)
            if money is not None and money.amount_max is not None and _change_then_level(text, m):
                # "rose $1.25 to $30.50": the change is one mention; the level is found from there on
                first = value(m["num"], None)
                money = Money(m.start(), m.end("num"), _times(first, row.get("factor", 1)), None, money.currency)
                pos = m.end("num")
            if money is not None and free(money.start, money.end):
                code = dollar if money.currency == DOLLAR else money.currency
                i = bisect.bisect_left(starts, money.start)
                starts.insert(i, money.start)
                found.insert(i, mention(money.start, money.end, money.amount, money.amount_max, code, row["name"]))
    return found
