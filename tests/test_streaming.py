"""JSONL is read line by line: records come out while the input is still open, in constant memory."""
import json
import subprocess
import sys
import time

import pytest

from conftest import run_cli

LINE = {"id": "a", "text": "Japanese Vice Minister Takeshi Akahori paid $2 billion to Mexico."}


@pytest.mark.slow
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_records_come_out_while_stdin_is_still_open(tmp_path, jobs):
    out_path = tmp_path / "out.jsonl"
    with out_path.open("wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "factx", "extract", "-i", "jsonl", "-f", "jsonl", "--jobs",
                                 jobs], stdin=subprocess.PIPE, stdout=out, stderr=subprocess.PIPE)
        for k in range(3):
            proc.stdin.write((json.dumps(LINE | {"id": str(k)}) + "\n").encode())
        proc.stdin.flush()
        deadline = time.monotonic() + 120
        while out_path.read_bytes().count(b"\n") < 3 and time.monotonic() < deadline:
            time.sleep(0.05)
        seen_before_eof = out_path.read_bytes().count(b"\n")
        proc.stdin.write((json.dumps(LINE | {"id": "3"}) + "\n").encode())
        proc.stdin.close()
        proc.wait(timeout=120)
    assert seen_before_eof == 3  # a batch of 32 was not awaited
    records = [json.loads(line) for line in out_path.read_text().splitlines()]
    assert [r["id"] for r in records] == ["0", "1", "2", "3"]
    assert all(r["money"][0]["amount"] == 2e9 for r in records)


def test_jsonl_with_bom_crlf_and_a_bad_byte(tmp_path):
    good = json.dumps(LINE).encode()
    data = b"\xef\xbb\xbf" + good + b"\r\n" + good.replace(b"Mexico", b"M\xe9xico").replace(b'"a"', b'"b"') + b"\r\n"
    path = tmp_path / "in.jsonl"
    path.write_bytes(data)
    proc = run_cli("extract", "-i", "jsonl", path, "-f", "jsonl")
    assert proc.returncode == 0
    first, second = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert first["id"] == "a" and [c["code"] for c in first["countries"]] == ["JP", "MX"]
    assert second["id"] == "b" and b"in.jsonl:2: not valid UTF-8" in proc.stderr


def test_binary_file_given_as_jsonl_fails_alone(tmp_path):
    png = tmp_path / "x.jsonl"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps(LINE) + "\n")
    proc = run_cli("extract", "-i", "jsonl", png, good, "-f", "jsonl")
    records = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert proc.returncode == 1
    assert records[0]["error"]["kind"] == "binary" and records[1]["id"] == "a"


def test_lone_surrogates_are_written_as_escapes_and_cost_nothing():
    lines = [json.dumps({"id": "b\ud800", "text": "Japan paid $5 to \ud83d Mexico."}), json.dumps(LINE)]
    proc = run_cli("extract", "-i", "jsonl", "-f", "jsonl", stdin="\n".join(lines).encode())
    assert proc.returncode == 0, proc.stderr
    first, second = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert first["id"] == "b\ud800" and [c["code"] for c in first["countries"]] == ["JP", "MX"]
    assert second["id"] == "a"


def test_u2028_inside_a_json_string_is_not_a_line_break():
    line = json.dumps({"id": "c", "text": "Japan\u2028paid $5."}, ensure_ascii=False)
    proc = run_cli("extract", "-i", "jsonl", "-f", "jsonl", stdin=line.encode())
    (record,) = [json.loads(x) for x in proc.stdout.decode().splitlines()]
    assert proc.returncode == 0 and record["id"] == "c" and record["money"][0]["amount"] == 5
