"""The command line as users run it: formats, inputs, exit codes, stderr vs stdout."""
import csv
import io
import json

import pytest

from conftest import SAMPLES, run_cli

ARTICLE = b"Japanese Vice Minister Takeshi Akahori said on Friday that Japan would invest $2 billion.\n"


def test_version_and_help():
    assert run_cli("--version").stdout.decode().startswith("factx ")
    help_text = run_cli("extract", "--help").stdout.decode()
    assert "Exit codes" in help_text and "--reference-date" in help_text


def test_schema_is_json_schema():
    schema = json.loads(run_cli("schema").stdout)
    assert schema["$schema"].startswith("https://json-schema.org/")
    facts = schema["anyOf"][0]
    assert set(facts["properties"]) >= {"id", "people", "titles", "countries", "dates", "money"}


def test_stdin_json_with_reference_date():
    proc = run_cli("extract", "--reference-date", "2013-03-22", stdin=ARTICLE)
    assert proc.returncode == 0, proc.stderr
    record = json.loads(proc.stdout)
    assert record["id"] == "-"
    assert [d["value"] for d in record["dates"]] == ["2013-03-22"]
    assert record["money"][0]["amount"] == 2_000_000_000
    assert record["reference_date"] == {"value": "2013-03-22", "source": "given"}


def test_relative_date_without_reference_is_null():
    record = json.loads(run_cli("extract", "-", stdin=ARTICLE).stdout)
    assert [d["value"] for d in record["dates"]] == [None]


def test_jsonl_in_jsonl_out_uses_record_date_and_id():
    lines = [{"id": "a", "text": ARTICLE.decode(), "date": "2013-03-22"}, {"id": "b", "text": "Nothing here."}]
    stdin = "".join(json.dumps(x) + "\n" for x in lines).encode()
    proc = run_cli("extract", "--input-format", "jsonl", "--format", "jsonl", "--types", "dates,money", stdin=stdin)
    assert proc.returncode == 0, proc.stderr
    out = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [r["id"] for r in out] == ["a", "b"]
    assert out[0]["dates"][0]["value"] == "2013-03-22"
    assert "people" not in out[0] and out[1]["money"] == []


def test_directory_is_read_recursively_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_bytes(ARTICLE)
    (tmp_path / "a.txt").write_bytes(ARTICLE)
    (tmp_path / "skip.md").write_bytes(ARTICLE)
    proc = run_cli("extract", tmp_path, "--format", "jsonl")
    ids = [json.loads(line)["id"] for line in proc.stdout.decode().splitlines()]
    assert ids == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "two.txt")]


def test_csv_has_one_row_per_mention():
    proc = run_cli("extract", "--format", "csv", stdin=ARTICLE)
    rows = list(csv.DictReader(io.StringIO(proc.stdout.decode())))
    kinds = {r["type"] for r in rows}
    assert {"person", "title", "country", "date", "money"} <= kinds
    money = next(r for r in rows if r["type"] == "money")
    assert (money["value"], money["currency"]) == ("2000000000", "USD")


def test_missing_file_fails_alone(tmp_path):
    good = tmp_path / "good.txt"
    good.write_bytes(ARTICLE)
    proc = run_cli("extract", tmp_path / "missing.txt", good, "--format", "jsonl")
    assert proc.returncode == 1
    records = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert records[0]["error"]["kind"] == "not_found"
    assert records[1]["id"] == str(good) and records[1]["people"]
    assert "missing.txt" in proc.stderr.decode() and "Traceback" not in proc.stderr.decode()


def test_user_patterns_add_titles_and_bad_patterns_fail(tmp_path):
    patterns = tmp_path / "mine.jsonl"
    patterns.write_text('{"label": "TITLE", "pattern": "chief happiness officer"}\n')
    text = b"Acme's chief happiness officer Dana Cole joined in May."
    record = json.loads(run_cli("extract", "--patterns", patterns, stdin=text).stdout)
    assert record["titles"][0]["text"] == "chief happiness officer"
    assert record["titles"][0]["person"] == "Dana Cole"
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n")
    proc = run_cli("extract", "--patterns", bad, stdin=text)
    assert proc.returncode == 2 and "bad.jsonl:1" in proc.stderr.decode()


def test_sample_articles_all_extract():
    proc = run_cli("extract", SAMPLES, "--format", "jsonl")
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert len(records) == len(list(SAMPLES.glob("*.txt"))) >= 3
    for r in records:
        assert r["people"] and r["countries"] and r["dates"] and r["money"]
        assert r["reference_date"]["source"] == "dateline"


def test_a_crashing_document_costs_only_itself(extractor, monkeypatch):
    """A bug on one document becomes that document's error record; the rest of its batch is still processed."""
    from factx import record as record_module

    real_build = record_module.build

    def build(doc, id, types):
        if "BOOM" in doc.text:
            raise RuntimeError("simulated bug")
        return real_build(doc, id, types)

    monkeypatch.setattr("factx.core.build", build)
    out = list(extractor.extract_many([{"id": "a", "text": "Japan grew."}, {"id": "b", "text": "BOOM"},
                                       {"id": "c", "text": "Mexico grew."}]))
    assert [r["id"] for r in out] == ["a", "b", "c"]
    assert out[1]["error"]["kind"] == "internal"
    assert [c["code"] for c in out[2]["countries"]] == ["MX"]


def test_invalid_token_pattern_is_a_one_line_usage_error(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"label": "TITLE", "pattern": [{"LOWERX": "head"}]}\n')
    proc = run_cli("extract", "--patterns", bad, stdin=ARTICLE)
    err = proc.stderr.decode()
    assert proc.returncode == 2 and "bad.jsonl" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_closed_pipe_ends_quietly_with_success(tmp_path):
    import subprocess
    import sys

    for n in range(40):
        (tmp_path / f"{n:02d}.txt").write_bytes(ARTICLE)
    cmd = f"{sys.executable} -m factx extract {tmp_path} --format jsonl | head -1; exit ${{PIPESTATUS[0]}}"
    proc = subprocess.run(["bash", "-c", cmd], capture_output=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert len(proc.stdout.decode().splitlines()) == 1
    assert b"Broken pipe" not in proc.stderr and b"Traceback" not in proc.stderr


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["schema"], ["extract", "--help"]])
def test_help_version_and_schema_do_not_import_spacy(args):
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "factx", *args], capture_output=True, timeout=60)
    assert proc.returncode == 0 and proc.stdout
    imported = {line.rsplit("|", 1)[-1].strip() for line in proc.stderr.decode().splitlines()}
    assert "typer" in imported  # the check sees imports at all
    assert not {m for m in imported if m.split(".")[0] in ("spacy", "thinc", "pycountry")}


def test_progress_bar_only_on_a_terminal_and_not_with_quiet(tmp_path):
    import os
    import pty
    import subprocess
    import sys

    for n in range(3):
        (tmp_path / f"{n}.txt").write_bytes(ARTICLE)

    def stderr_of(*extra):
        leader, follower = pty.openpty()
        proc = subprocess.run([sys.executable, "-m", "factx", "extract", str(tmp_path), "-f", "jsonl", *extra],
                              stdout=subprocess.PIPE, stderr=follower, timeout=300)
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 1 << 16)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        os.close(leader)
        assert proc.returncode == 0 and len(proc.stdout.splitlines()) == 3
        return b"".join(chunks).decode(errors="replace")

    shown = stderr_of()
    assert "3/3" in shown and "docs" in shown
    assert stderr_of("--quiet") == ""
    piped = run_cli("extract", tmp_path, "-f", "jsonl")
    assert piped.stderr == b""
