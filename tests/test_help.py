"""Help that teaches and options that say what is wrong: metavars, panels, examples, completion, choices."""
import os
import sys
import subprocess
from pathlib import Path

import pytest

from conftest import run_cli

GOOD = b"Japanese Vice Minister Takeshi Akahori said on Friday that Japan would invest $5 million.\n"


def _help() -> str:
    proc = subprocess.run([sys.executable, "-m", "factx", "extract", "--help"], capture_output=True,
                          env=dict(os.environ, COLUMNS="120"), timeout=60)
    assert proc.returncode == 0
    return proc.stdout.decode()


def test_help_shows_real_metavars_not_python_types():
    text = _help()
    metavars = ("table|json|jsonl|csv|html", "text|jsonl", "YYYY-MM-DD", "FILE", " N ", "NAME|DIR", "CODE",
                "DIR")
    for metavar in metavars:
        assert metavar in text, metavar
    for python_type in ("<str>", "<list[str]>", "<int range>", "<bool>", "<path>", "[x>=1]"):
        assert python_type not in text, python_type


def test_help_groups_options_in_panels_and_has_examples():
    text = _help()
    for panel in ("Input", "Output", "Extraction", "Performance", "Cluster"):
        assert f"─ {panel} ─" in text, panel
    assert "Examples:" in text and "factx extract news/ -f jsonl > facts.jsonl" in text
    assert "factx extract a.txt -f html > a.html" in text
    assert "Exit codes" in text


def test_shell_completion_is_on():
    root = run_cli("--help").stdout.decode()
    assert "--install-completion" in root and "--show-completion" in root
    env = dict(os.environ, _FACTX_COMPLETE="complete_bash", COMP_WORDS="factx extract -f j", COMP_CWORD="3")
    script = [str(Path(sys.executable).parent / "factx")]  # the installed command, as a shell calls it
    proc = subprocess.run(script, capture_output=True, env=env, timeout=60)
    assert proc.stdout.decode().split() == ["json", "jsonl"]
    proc = subprocess.run(script, capture_output=True, env=env | {"COMP_WORDS": "factx extract -f h"},
                          timeout=60)
    assert proc.stdout.decode().split() == ["html"]
    env |= {"COMP_WORDS": "factx extract -t people,d"}
    proc = subprocess.run(script, capture_output=True, env=env, timeout=60)
    assert proc.stdout.decode().split() == ["people,dates"]


def test_choices_are_case_insensitive():
    proc = run_cli("extract", "-", "--format", "JSONL", "--input-format", "TEXT", "--types", "MONEY",
                   "--dollar", "cad", stdin=GOOD)
    assert proc.returncode == 0, proc.stderr
    assert b'"currency": "CAD"' in proc.stdout and b"\n" == proc.stdout[-1:] and proc.stdout.count(b"\n") == 1


# option values that are refused before the model loads: (arguments, what the one-line error must say)
REFUSED = [
    (["--dollar", "XYZ"], "--dollar 'XYZ': not an ISO 4217 currency code"),
    (["--dollar", "DOLLARS"], "not an ISO 4217 currency code"),
    (["--reference-date", "2013-02-30"], "that date does not exist"),
    (["--reference-date", "22/03/2013"], "expected YYYY-MM-DD"),
    (["--model", "/nonexistent/path"], "--model /nonexistent/path: no such directory"),
    (["--array", "-f", "jsonl"], "--array works with --format json only"),
    (["--jobs", "0"], "--jobs 0: must be at least 1"),
    (["-f"], "(see 'factx extract --help')"),
]


@pytest.mark.parametrize("args,message", REFUSED, ids=[" ".join(a) for a, _ in REFUSED])
def test_bad_option_values_say_what_is_wrong(args, message):
    proc = run_cli("extract", "-", *args, stdin=GOOD)
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert message in err and len(err.strip().splitlines()) == 1
    assert "pip install /nonexistent" not in err and proc.stdout == b""
