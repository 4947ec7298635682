"""No date or money pattern backtracks without bound: long capitalised, punctuated and mixed runs are fed to
every pattern dates.py, timex*.py, money.py and numbers.py compile. Run in a child process with a generous
limit: a pattern that backtracks exponentially takes hours on these inputs, a linear one milliseconds."""
import subprocess
import sys
import textwrap

HEADLINES = ["BREAKING NEWS: OFFICIALS AGREE TO SWEEPING REFORMS, sources said on Friday.",
             'SENATE MAJORITY LEADER ANN ZORN BACKS HOUSEHOLD "FAIR PAY" BILL ON MONDAY']

RUNS = ["A" * 60, "Ab" * 40, "A. " * 30, "A-" * 40, "ANN ZORN " * 10, "Ann Zorn " * 10, "1," * 40, "1" * 80,
        "1.1" * 25, "1 " * 40, "a-" * 40, "the " * 20, "$1 " * 25, "1-" * 40, "one " * 20, "one-" * 20,
        "nineteen " * 12, "March " * 12, "'s " * 20, ", " * 40, ".-" * 40, "(A " * 25, "US$ " * 20]
TAILS = ["", "!", '"', "é", "1", "x", "A", " a", " 2013"]

SCRIPT = textwrap.dedent("""
    import re, sys, json
    from factx import dates, timex, money, numbers
    from factx import (timex_anaphora, timex_base, timex_dateline, timex_direction, timex_kinds, timex_periods,
                       timex_relative)
    modules = (dates, timex, money, numbers, timex_anaphora, timex_base, timex_dateline, timex_direction,
               timex_kinds, timex_periods, timex_relative)
    timex_kinds._filters(); timex.vocab(); money.patterns()
    found = [v for m in modules for v in vars(m).values() if isinstance(v, re.Pattern)]
    found += [p for p in timex_kinds._filters() if isinstance(p, re.Pattern)] + list(money.patterns())
    found += [timex_dateline._month_day_pattern()]
    inputs = json.loads(sys.argv[1])
    for p in found:
        for s in inputs:
            p.match(s); p.search(s); p.fullmatch(s)
    for s in inputs:
        timex.normalize(s); timex.clean(s); dates.is_date(s); money.find_money(s); numbers.parse_number(s)
    print(len(found))
""")


def test_every_date_and_money_pattern_ends_on_long_runs():
    import json

    inputs = HEADLINES + [run + tail for run in RUNS for tail in TAILS]
    done = subprocess.run([sys.executable, "-c", SCRIPT, json.dumps(inputs)], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) > 10


def test_dateline_prefix_on_a_capitalised_headline():
    code = ("from factx.dates import DATELINE_PREFIX as P; import sys; "
            "print(bool(P.match(sys.argv[1])), bool(P.match('WASHINGTON, ')), bool(P.match('BRUSSELS (Reuters) - ')))")
    done = subprocess.run([sys.executable, "-c", code, HEADLINES[1]], capture_output=True, text=True, timeout=60)
    assert done.stdout.split() == ["False", "True", "True"]
