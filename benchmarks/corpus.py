"""Build a news-like JSONL corpus of a given size for the speed benchmarks.

The texts come from samples/ (articles written for this project, free to ship) or from a directory of
.txt files you give. Each document is a sample with its body paragraphs shuffled, its countries, amounts
and years swapped for others and a byline with a new name, so that no two documents are identical
(spaCy's caches and the StringStore see new strings, as they would on a real archive).

usage: python benchmarks/corpus.py OUT.jsonl --docs 400 [--from DIR] [--seed 0]
"""
from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIRST = ["Maria", "Kenji", "Amal", "Olga", "Tomas", "Priya", "Lucas", "Fatima", "Henrik", "Wei", "Ana", "Samuel"]
LAST = ["Okafor", "Lindqvist", "Moreau", "Tanaka", "Haddad", "Novak", "Ferreira", "Castillo", "Brandt", "Ivanova"]
COUNTRIES = ["Mexico", "Japan", "Brazil", "Germany", "India", "Kenya", "Canada", "Spain", "Vietnam", "Poland"]
YEAR = re.compile(r"\b(19|20)\d\d\b")
AMOUNT = re.compile(r"\b\d+(\.\d+)?\b(?= (million|billion))")


def vary(text: str, rng: random.Random) -> str:
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    head, body = paragraphs[0], paragraphs[1:]
    rng.shuffle(body)
    byline = f"Reporting by {rng.choice(FIRST)} {rng.choice(LAST)}; editing by {rng.choice(FIRST)} {rng.choice(LAST)}"
    text = "\n\n".join([head, *body, byline])
    text = YEAR.sub(lambda m: str(rng.randint(1995, 2025)), text)
    text = AMOUNT.sub(lambda m: f"{rng.randint(2, 900) / 10:g}", text)
    for country in COUNTRIES:
        if country in text and rng.random() < 0.5:
            text = text.replace(country, rng.choice(COUNTRIES))
    return text


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--docs", type=int, default=400)
    ap.add_argument("--from", dest="source", default=str(HERE.parent / "samples"))
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(args.source).rglob("*.txt"))]
    if not texts:
        raise SystemExit(f"corpus.py: no .txt files under {args.source}")
    rng = random.Random(args.seed)
    with open(args.out, "w", encoding="utf-8") as f:
        for k in range(args.docs):
            date = f"20{rng.randint(10, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            f.write(json.dumps({"id": f"doc{k:06d}", "text": vary(texts[k % len(texts)], rng), "date": date}) + "\n")


if __name__ == "__main__":
    main()
