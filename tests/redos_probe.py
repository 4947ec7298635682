"""Every regular expression factx compiles, checked for catastrophic backtracking (run by test_redos.py).

Run as a script: it records each pattern compiled from factx's own code (module constants, patterns built
from models/ at load time, and those compiled while texts are processed), then checks each in two ways:
- statically with regexploit (nested or adjacent overlapping quantifiers: "(a+)+$", "(\\w+\\s?)*x");
- by pumping: each pattern is searched in runs of capitals, title-case words, punctuation, digits and
  mixed text, at two lengths; a pattern whose time grows much faster than the length is reported.
  regexploit misses repeats over alternations ("(?:[A-Z]\\w*|\\(x\\))*$"), which pumping catches: an
  exponential pattern does not finish on 64 characters, so the test's time-out names it.
Prints one line per pattern ("START n where" before checking it, so a hang is attributed), then a JSON
line {"patterns": N, "flagged": [...]} last.
"""
from __future__ import annotations

import json
import os
import re
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FACTX = str(ROOT / "factx") + os.sep
seen: dict[tuple, str] = {}
_compile = re._compile  # every re function (compile, search, sub ...) compiles through it


def _recording(pattern, flags):
    key = (pattern, int(flags))
    if isinstance(pattern, str) and key not in seen:
        caller = [f for f in traceback.extract_stack()[:-1] if not f.filename.endswith(("re/__init__.py", __file__))]
        if caller and (caller[-1].filename.startswith(FACTX) or "/site-packages/factx/" in caller[-1].filename):
            seen[key] = f"{Path(caller[-1].filename).name}:{caller[-1].lineno}"
    return _compile(pattern, flags)


# Runs a pattern might backtrack on: capitals (all-caps headlines), title case, punctuation, numbers, mixed.
PUMPS = ["A", "AB ", "Ab ", "A.", "A. ", "Ab, ", "A-", "(A) ", "de ", "a ", "the ", "1", "1,", "12 ", "1.",
         "$1 ", "A1-", "Ab'", ", ", " ", ".", "-", "—", "Mr. A ", "on ", "1 and ", "March 1, "]
ENDINGS = ["", "!", "\x00", "a", "1", " x", "?"]
SHORT, LONG = 32, 64


def pump_time(regex: re.Pattern, length: int) -> float:
    worst = 0.0
    for pump in PUMPS:
        for case in (str.upper, str.lower, lambda s: s):
            run = case(pump * (length // len(pump) + 1))[:length]
            for ending in ENDINGS:
                start = time.perf_counter()
                regex.search(run + ending)
                worst = max(worst, time.perf_counter() - start)
    return worst


def main() -> int:
    re._compile = _recording
    re.purge()
    from factx.core import Extractor

    extractor = Extractor()
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]
    texts += ["BRUSSELS, March 22, 2013 - It cost $5 million on Friday, up from 4 bn euros a year ago.",
              "FRANKFURT, Feb 14 (Reuters) - Shares rose 3 percent last week."]
    for _ in extractor.extract_many([{"id": str(k), "text": t} for k, t in enumerate(texts)]):
        pass
    re._compile = _compile
    from regexploit.ast.sre import SreOpParser
    from regexploit.redos import find

    flagged = []
    for n, ((pattern, flags), where) in enumerate(sorted(seen.items(), key=lambda kv: kv[1])):
        print(f"START {n} {where} {pattern[:80]!r}", flush=True)
        try:
            worst = max((r.starriness for r in find(SreOpParser().parse_sre(pattern, flags))), default=0)
        except Exception:  # noqa: BLE001 - regexploit cannot parse every construct (possessive repeats)
            worst = 0
        if worst > 2:  # regexploit's own reporting threshold: worse than quadratic
            flagged.append({"where": where, "pattern": pattern, "why": f"regexploit starriness {worst}"})
        regex = re.compile(pattern, flags)
        short, long = pump_time(regex, SHORT), pump_time(regex, LONG)
        if long > 0.02 and long > 16 * max(short, 1e-4):  # doubling the length cost 16x: exponential or worse
            flagged.append({"where": where, "pattern": pattern, "why": f"pumped: {short:.4f}s -> {long:.4f}s"})
    print(json.dumps({"patterns": len(seen), "flagged": flagged}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
