"""Numbers written in digits, words or both: "37", "1,250.5", "thirty", "twenty-five", "5.2m", "500 crore".

Why our own: the libraries that parse number words (word2number, text2num) handle neither news scale
abbreviations ("bn", "mln", "crore", "lakh") nor digits mixed with words ("1.5 million"); this is short.
The words themselves live in models/numbers.json.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .data import load_json

DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$|^\.\d+$")


@lru_cache(maxsize=1)
def words() -> dict:
    return load_json("numbers.json")


def scale_of(word: str) -> float | None:
    return words()["scales"].get(word.lower().rstrip("."))


def parse_number(text: str) -> float | None:
    """Value of a number phrase, or None when it is not one ("several", "a few" -> None).

    "1,250.5" -> 1250.5; "twenty-five" -> 25; "1.5 million" -> 1500000; "a hundred" -> 100;
    "five hundred thousand" -> 500000; "2bn" -> 2000000000; "one and a half" -> 1.5;
    "three quarters of a billion" -> 750000000; "half a million" -> 500000; "a quarter million" -> 250000.
    """
    text = text.strip().lower().replace("-", " ")
    glued = re.fullmatch(r"(\d[\d,]*(?:\.\d+)?)([a-z]+)", text)
    if glued and scale_of(glued.group(2)) is not None:  # "5.2m", "3bn"
        text = f"{glued.group(1)} {glued.group(2)}"
    tokens = text.split()
    w = words()
    total, before_and, current = 0.0, None, None  # "one hundred and fifty": 100 before "and", then 50
    seen = after_fraction = False
    for tok in tokens:
        if after_fraction and tok in ("of", "a", "an"):
            continue  # "three quarters of a billion", "half a million": the fraction is the count
        after_fraction = False
        if tok == "and":
            if before_and is not None:
                return None  # "one and two and three" is a list, not a number
            if current is not None:
                before_and, current = current, None
            continue
        if DIGITS.match(tok):
            value = float(tok.replace(",", ""))
            current = value if current is None else current + value
        elif tok in w["fractions"]:
            current = (1 if current is None else current) * w["fractions"][tok]
            after_fraction = True
        elif tok in w["units"]:
            if w["units"][tok] is None:
                return None
            current = (current or 0) + w["units"][tok]
        elif tok in w["tens"]:
            current = (current or 0) + w["tens"][tok]
        elif tok in w["scales"]:
            scale = w["scales"][tok]
            current = (before_and or 0) + (1 if current is None else current)
            before_and = None
            if scale == 100:
                current *= 100
            else:
                total += current * scale
                current = None
        else:
            return None
        seen = True
    if not seen:
        return None
    return total + (before_and or 0) + (current or 0)


def ordinal(word: str) -> int | None:
    """'third' -> 3, '21st' -> 21, 'twenty-first' -> 21."""
    word = word.lower().strip()
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)?", word)
    if m:
        return int(m.group(1))
    return words()["ordinals"].get(word.replace("-", " ")) or words()["ordinals"].get(word)
