"""No regular expression factx compiles can backtrack catastrophically (issue 12): tests/redos_probe.py
records every pattern compiled from factx's code while a pipeline loads and runs, checks each with
regexploit and by pumping runs of capitals, punctuation and digits through it. A hang is named by the last
pattern the probe started."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = Path(__file__).with_name("redos_probe.py")


@pytest.mark.slow
def test_no_pattern_backtracks_catastrophically():
    try:
        proc = subprocess.run([sys.executable, str(PROBE)], capture_output=True, text=True, timeout=600)
    except subprocess.TimeoutExpired as e:
        started = [line for line in (e.stdout or b"").decode(errors="replace").splitlines() if line.startswith("START")]
        pytest.fail(f"a pattern hangs: {started[-1] if started else '(before any pattern)'}")
    assert proc.returncode == 0, proc.stderr[-2000:]
    result = json.loads(proc.stdout.splitlines()[-1])
    assert result["patterns"] > 50  # the hook saw factx's patterns (dates, timex, money, people, countries)
    assert result["flagged"] == []
