"""Speed, memory and start-up of factx against the loop a spaCy user would write, side by side in one run.

Runs, on the same generated corpus (benchmarks/corpus.py, or --corpus FILE.jsonl):
  (a) plain `spacy.load(<factx's base model>)` + `nlp.pipe` over all texts, full pipeline, one process;
  (b) `factx extract --jobs 1`;  (c) `factx extract --jobs <all CPUs>`;
each as its own process, timed wall-clock from start (model load included, as a user would see it), and
run once more for peak memory = the largest sum of PSS over the process and its workers (sampled every
0.1 s; reading smaps costs CPU, which would slow the timed run where all cores are busy). Then
factx --jobs 1 on a corpus 10x larger, for the memory ratio; then start-up: `factx --help` and
`factx extract` on one short article next to `python -c "import spacy; spacy.load(model)"` (best of 3).

usage: python benchmarks/speed.py [--docs 200] [--jobs N] [--corpus FILE.jsonl] [--no-large]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from factx.parallel import default_jobs  # noqa: E402
from factx.data import load_json  # noqa: E402

BASELINE = """
import json, sys, spacy
nlp = spacy.load(sys.argv[2])
texts = (json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8"))
for doc in nlp.pipe(texts):
    pass
"""


def _children(pid: int) -> list[int]:
    found = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                if int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(proc.name))
            except (OSError, ValueError, IndexError):
                continue
    return found


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def measure(cmd: list[str], memory: bool = True, timed: bool = True) -> tuple[float, float]:
    """(wall seconds of a run without sampling, peak MB of PSS summed over the process and its children in
    a second run that samples it; 0 when memory is False). timed=False: one sampled run gives both."""
    seconds = 0.0
    if timed:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        proc.wait()
        seconds = time.perf_counter() - start
        _check(cmd, proc)
    if not memory:
        return seconds, 0.0
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, sum(_pss_kb(p) for p in [proc.pid, *_children(proc.pid)]))
        time.sleep(0.1)
    _check(cmd, proc)
    return seconds or time.perf_counter() - start, peak / 1024


def _check(cmd: list[str], proc: subprocess.Popen) -> None:
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.read().decode()[-500:]}")


def best_of(cmd: list[str], n: int = 3) -> float:
    return min(measure(cmd, memory=False)[0] for _ in range(n))


def words(corpus: Path) -> int:
    return sum(len(json.loads(line)["text"].split()) for line in corpus.open(encoding="utf-8"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--jobs", type=int, default=default_jobs())
    ap.add_argument("--corpus", help="a JSONL corpus (id, text) instead of a generated one")
    ap.add_argument("--no-large", action="store_true", help="skip the 10x corpus (memory ratio)")
    args = ap.parse_args()
    py, model = sys.executable, load_json("pipeline.json")["base_model"]
    factx = [py, "-m", "factx"]
    with tempfile.TemporaryDirectory() as tmp:
        small = Path(args.corpus) if args.corpus else Path(tmp) / "small.jsonl"
        large = Path(tmp) / "large.jsonl"
        if not args.corpus:
            subprocess.run([py, str(HERE / "corpus.py"), str(small), "--docs", str(args.docs)], check=True)
        n_docs = sum(1 for _ in small.open())
        n_words = words(small)
        print(f"corpus: {n_docs} documents, {n_words:,} words; {default_jobs()} CPUs; model {model}")
        runs = {
            "a  spaCy load + nlp.pipe (full pipeline)": [py, "-c", BASELINE, str(small), model],
            "b  factx extract --jobs 1": [*factx, "extract", "-i", "jsonl", str(small), "-f", "jsonl", "--jobs", "1"],
            f"c  factx extract --jobs {args.jobs}": [*factx, "extract", "-i", "jsonl", str(small), "-f", "jsonl",
                                                      "--jobs", str(args.jobs)],
        }
        rate, peak = {}, {}
        print(f"{'run':44} {'seconds':>8} {'words/s':>9} {'peak MB':>8}")
        for name, cmd in runs.items():
            seconds, peak[name[0]] = measure(cmd)
            rate[name[0]] = n_words / seconds
            print(f"{name:44} {seconds:8.1f} {rate[name[0]]:9,.0f} {peak[name[0]]:8.0f}")
        print(f"b/a words/s ratio: {rate['b'] / rate['a']:.2f}   (target >= 1.0)")
        print(f"c/b words/s ratio: {rate['c'] / rate['b']:.2f}   (target >= 1.6 with 2 CPUs, >= 200 documents)")
        if not args.no_large:
            lines = small.read_text(encoding="utf-8").splitlines()
            with large.open("w", encoding="utf-8") as f:
                for k in range(10):
                    for line in lines:
                        record = json.loads(line)
                        f.write(json.dumps(record | {"id": f"{record['id']}-{k}", "text": record["text"] +
                                                     f"\n\nUpdated {k + 1} times."}) + "\n")
            seconds, big_peak = measure([*factx, "extract", "-i", "jsonl", str(large), "-f", "jsonl", "--jobs", "1"],
                                        timed=False)
            print(f"{'b  factx --jobs 1 on the 10x corpus (sampled)':44} {seconds:8.1f} {10 * n_words / seconds:9,.0f} "
                  f"{big_peak:8.0f}")
            print(f"peak memory 10x corpus / 1x corpus: {big_peak / peak['b']:.2f}   (target <= 1.15)")
        article = Path(tmp) / "short.txt"
        article.write_text("Japanese Vice Minister Takeshi Akahori said on Friday that Japan would invest "
                           "$2 billion in Mexico.\n")
        help_s = best_of([*factx, "--help"])
        one_s = best_of([*factx, "extract", str(article), "-f", "json"])
        load_s = best_of([py, "-c", f"import spacy; spacy.load({model!r})"])
        print(f"factx --help: {help_s:.2f} s   (target <= 0.3 s)")
        print(f"factx extract one short article: {one_s:.2f} s; import spacy + spacy.load: {load_s:.2f} s; "
              f"ratio {one_s / load_s:.2f}   (target <= 1.2)")


if __name__ == "__main__":
    main()
