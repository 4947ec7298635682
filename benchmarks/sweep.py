"""The contract sweep (issue 12): run factx over JSONL inputs or generated variants and check every record
against README's contract (factx.contract): one record per input, in order; no internal errors and no
time-outs; offsets true; person links resolve; ISO codes; finite amounts with amount_max >= amount;
TIMEX3 shapes; schema-valid. Prints counts per check and exits 1 on any violation.

    python benchmarks/sweep.py ../shared/eval/*.jsonl samples/          # files: JSONL records or .txt
    python benchmarks/sweep.py --generate 10000                           # every fuzz family, 10,000 each
    python benchmarks/sweep.py --generate 500 --family headlines --jobs 2
"""
from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from factx.contract import violations  # noqa: E402
from factx.core import Extractor  # noqa: E402


def read_inputs(paths: list[str]):
    for path in map(Path, paths):
        files = sorted(path.rglob("*.txt")) if path.is_dir() else [path]
        for file in files:
            if file.suffix == ".jsonl":
                for n, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
                    if line.strip():
                        row = json.loads(line)
                        yield {"id": f"{file.name}:{row.get('id', n)}", "text": row["text"], "date": row.get("date")}
            else:
                yield {"id": str(file), "text": file.read_text(encoding="utf-8")}


def sweep(name: str, records: list[dict], extractor: Extractor, jobs: int, timeout: float) -> Counter:
    counts: Counter = Counter()
    start = time.monotonic()
    outputs = list(extractor.extract_many(records, jobs=jobs, timeout=timeout))
    seconds = time.monotonic() - start
    counts["inputs"], counts["records"] = len(records), len(outputs)
    if [o.get("id") for o in outputs] != [r["id"] for r in records]:
        counts["violation: records not one per input in order"] += 1
    shown = 0
    for record, out in zip(records, outputs):
        if "error" in out:
            counts[f"error {out['error']['kind']}"] += 1
        problems = violations(out, record["text"])
        for problem in problems:
            counts["violation: " + problem.split(": ", 2)[1].split(" ")[0]] += 1
            if shown < 5:
                print(f"  {problem[:300]}", file=sys.stderr)
                shown += 1
        counts["records with a violation"] += bool(problems)
        for key in ("people", "titles", "countries", "dates", "money"):
            counts[key] += len(out.get(key, []))
    words = sum(len(r["text"].split()) for r in records)
    print(f"{name:24} {counts['inputs']:6} inputs  {counts['records with a violation']:4} with violations  "
          f"{seconds:7.1f} s  {words / max(seconds, 1e-9):8.0f} words/s  "
          + "  ".join(f"{k}={v}" for k, v in sorted(counts.items()) if k.startswith(("error", "violation"))))
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--generate", type=int, default=0, help="this many generated inputs per fuzz family")
    parser.add_argument("--family", action="append", help="only these families (default: all)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=60.0, help="per-document limit (see --timeout)")
    args = parser.parse_args()
    extractor = Extractor()
    total: Counter = Counter()
    for path in args.paths:
        total += sweep(Path(path).name, list(read_inputs([path])), extractor, args.jobs, args.timeout)
    if args.generate:
        from fuzz_families import FAMILIES, generate

        for family in args.family or sorted(FAMILIES):
            total += sweep(family, list(generate(family, args.generate)), extractor, args.jobs, args.timeout)
    bad = {k: v for k, v in total.items() if k.startswith("violation") or k.startswith("records with") and v}
    print(f"TOTAL {total['inputs']} inputs, {total['records']} records, "
          f"{total['records with a violation']} with violations; facts: "
          + ", ".join(f"{k} {total[k]}" for k in ("people", "titles", "countries", "dates", "money")))
    for key, value in sorted(itertools.chain(bad.items())):
        print(f"  {key}: {value}")
    return 1 if total["records with a violation"] or total["inputs"] != total["records"] else 0


if __name__ == "__main__":
    sys.exit(main())
