"""Bad input, one case per row: each gets a one-line message naming it, the documented exit code, no
traceback, and in a batch the good inputs around it keep their records, in order."""
import codecs
import ctypes
import gzip
import json
import os
import signal
import subprocess
import sys

import pytest

from conftest import run_cli, start_and_signal

GOOD = "Japanese Vice Minister Takeshi Akahori met Mexican officials in Tokyo on March 22, 2013.\n"
GOOD_BYTES = GOOD.encode()
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"


def _drop_root_file_powers():
    """As root, chmod 000 does not stop reading; without CAP_DAC_OVERRIDE/READ_SEARCH it does (prctl
    PR_CAPBSET_DROP before exec removes them from the child's capabilities)."""
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def _unreadable(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_bytes(GOOD_BYTES)
    path.chmod(0)
    return path


# name, how to make the bad input in tmp_path, exit code, stderr fragment, error kind (None: a facts record)
FILE_CASES = [
    ("nonexistent path", lambda d: d / "missing.txt", 1, "no such file", "not_found"),
    ("directory without text files", lambda d: _mkdir(d / "empty_dir", {"a.png": PNG}), 1, "no .txt files",
     "not_found"),
    ("permission denied", _unreadable, 1, "permission denied", "permission"),
    ("empty file", lambda d: _file(d / "empty.txt", b""), 0, "empty, no facts", None),
    ("whitespace only", lambda d: _file(d / "blank.txt", b" \n\t\r\n "), 0, "only whitespace", None),
    ("PNG image", lambda d: _file(d / "image.txt", PNG + bytes(range(256))), 1, "binary", "binary"),
    ("gzip archive", lambda d: _file(d / "archive.txt", gzip.compress(GOOD_BYTES * 50)), 1, "binary", "binary"),
    ("invalid UTF-8", lambda d: _file(d / "latin1.txt", "Señor Akahori visited México.".encode("latin-1")), 0,
     "not valid UTF-8", None),
    ("a 100 MB file over --max-chars", lambda d: _file(d / "huge.txt", b"Spain and Japan. " * 6_200_000), 1,
     "over the --max-chars limit", "too_large"),
]

# inputs that are fine but awkward: the record must be right, with offsets into the text as decoded
ENCODING_CASES = [
    ("UTF-8 BOM", codecs.BOM_UTF8 + GOOD_BYTES, GOOD),
    ("UTF-16 LE BOM", GOOD.encode("utf-16"), GOOD),
    ("UTF-16 BE BOM", codecs.BOM_UTF16_BE + GOOD.encode("utf-16-be"), GOOD),
    ("UTF-32 LE BOM", GOOD.encode("utf-32"), GOOD),
    ("UTF-32 BE BOM", codecs.BOM_UTF32_BE + GOOD.encode("utf-32-be"), GOOD),
    ("CRLF", GOOD_BYTES.replace(b"\n", b"\r\n") * 3, GOOD.replace("\n", "\r\n") * 3),
    ("lone CR", GOOD_BYTES.replace(b"\n", b"\r") * 3, GOOD.replace("\n", "\r") * 3),
    ("NUL bytes", GOOD_BYTES.replace(b" met", b"\x00 met\x00"), GOOD.replace(" met", "\x00 met\x00")),
]

JSONL_CASES = [
    ("not JSON", "{text: unquoted", "not valid JSON"),
    ("not an object", '["a list"]', "expected a JSON object"),
    ("no text", '{"id": "x"}', "'text' is missing or not a string"),
    ("non-string text", '{"id": "x", "text": 42}', "'text' is missing or not a string"),
    ("invalid date", '{"id": "x", "text": "Hello.", "date": "next Tuesday"}', "invalid date"),
    ("id an object", '{"id": {"a": 1}, "text": "Hello."}', "'id' must be a string or a number, not an object"),
    ("id a list", '{"id": [1], "text": "Hello."}', "'id' must be a string or a number, not an array"),
]

USAGE_CASES = [
    (["--types", "people,planets"], "unknown fact type planets"),
    (["--reference-date", "22/03/2013"], "invalid --reference-date"),
    (["--format", "xml"], "unknown --format"),
    (["--input-format", "xml"], "unknown --input-format"),
    (["--model", "no_such_model_xyz"], "not installed"),
    (["--no-such-option"], "No such option"),
    (["--max-chars", "0"], "--max-chars"),
    (["--patterns", "PATTERNS"], "not valid JSON"),
    (["--patterns", "MISSING"], "missing.jsonl"),
]


def _file(path, data: bytes):
    path.write_bytes(data)
    return path


def _mkdir(path, files: dict):
    path.mkdir()
    for name, data in files.items():
        (path / name).write_bytes(data)
    return path


def _records(proc) -> list[dict]:
    return [json.loads(line) for line in proc.stdout.decode().splitlines()]


def _assert_offsets(record: dict, text: str):
    mentions = record["titles"] + record["dates"] + record["money"] + \
        [m for p in record["people"] for m in p["mentions"]] + [m for c in record["countries"] for m in c["mentions"]]
    for m in mentions:
        assert text[m["start"]:m["end"]] == m["text"]
    return mentions


def _assert_good(record: dict, path):
    assert record["id"] == str(path)
    assert [p["name"] for p in record["people"]] == ["Takeshi Akahori"]
    assert {c["code"] for c in record["countries"]} == {"JP", "MX"}
    _assert_offsets(record, GOOD)


@pytest.mark.parametrize("name,make,code,fragment,kind", FILE_CASES, ids=[c[0] for c in FILE_CASES])
def test_bad_file_in_a_batch(tmp_path, name, make, code, fragment, kind):
    first, last = _file(tmp_path / "first.txt", GOOD_BYTES), _file(tmp_path / "last.txt", GOOD_BYTES)
    bad = make(tmp_path)
    extra = ["--max-chars", "50000000"] if kind == "too_large" else []
    cmd = [sys.executable, "-m", "factx", "extract", str(first), str(bad), str(last), "--format", "jsonl", *extra]
    as_root = os.geteuid() == 0 and kind == "permission"
    proc = subprocess.run(cmd, capture_output=True, timeout=300, preexec_fn=_drop_root_file_powers if as_root else None)
    err = proc.stderr.decode()
    assert proc.returncode == code, err
    assert fragment in err and "Traceback" not in err
    assert str(bad) in err  # the message names the input
    assert len([line for line in err.splitlines() if str(bad) in line]) == 1
    first_rec, bad_rec, last_rec = _records(proc)
    _assert_good(first_rec, first)
    _assert_good(last_rec, last)
    if kind is None:
        assert "error" not in bad_rec
    else:
        assert bad_rec["id"] == str(bad) and bad_rec["error"]["kind"] == kind
        assert str(bad) in bad_rec["error"]["message"]


def test_invalid_utf8_is_replaced_and_offsets_hold(tmp_path):
    data = "Señor Akahori visited México and Japan.".encode("latin-1")
    proc = run_cli("extract", _file(tmp_path / "l.txt", data), "--format", "jsonl")
    (record,) = _records(proc)
    text = data.decode("utf-8", errors="replace")
    assert [c["code"] for c in record["countries"]] == ["JP"]
    assert _assert_offsets(record, text)


@pytest.mark.parametrize("name,data,text", ENCODING_CASES, ids=[c[0] for c in ENCODING_CASES])
def test_awkward_encodings_keep_offsets_true(tmp_path, name, data, text):
    proc = run_cli("extract", _file(tmp_path / "a.txt", data), "--format", "jsonl")
    assert proc.returncode == 0 and proc.stderr == b""
    (record,) = _records(proc)
    assert {c["code"] for c in record["countries"]} == {"JP", "MX"}
    assert "Takeshi Akahori" in [p["name"] for p in record["people"]]
    assert len(_assert_offsets(record, text)) >= 5


def test_single_5mb_line_without_spaces_is_processed_in_pieces(tmp_path):
    blob = _file(tmp_path / "blob.txt", b"x" * 5_000_000)
    proc = run_cli("extract", blob, "--format", "jsonl")
    assert proc.returncode == 0, proc.stderr
    (record,) = _records(proc)
    assert record["id"] == str(blob) and record["people"] == [] and record["money"] == []


@pytest.mark.parametrize("name,line,fragment", JSONL_CASES, ids=[c[0] for c in JSONL_CASES])
def test_bad_jsonl_line_in_a_batch(name, line, fragment):
    good = json.dumps({"id": "g1", "text": GOOD})
    stdin = "\n".join([good, line, good.replace("g1", "g2")]).encode()
    proc = run_cli("extract", "--input-format", "jsonl", "--format", "jsonl", stdin=stdin)
    err = proc.stderr.decode()
    assert proc.returncode == 1
    assert fragment in err and "-:2" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    first, bad, last = _records(proc)
    assert (first["id"], last["id"]) == ("g1", "g2")
    assert first["people"] and last["people"]
    assert bad["error"]["kind"] == "bad_record"


@pytest.mark.parametrize("args,fragment", USAGE_CASES, ids=[" ".join(c[0]) for c in USAGE_CASES])
def test_usage_errors_exit_2_with_one_line(tmp_path, args, fragment):
    patterns = _file(tmp_path / "bad.jsonl", b'{"label": "TITLE", "pattern": "ok"}\n{oops\n')
    args = [str(patterns) if a == "PATTERNS" else str(tmp_path / "missing.jsonl") if a == "MISSING" else a
            for a in args]
    proc = run_cli("extract", "-", *args, stdin=GOOD_BYTES)
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert fragment in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert proc.stdout == b""


def test_debug_shows_the_traceback():
    proc = run_cli("extract", "-", "--model", "no_such_model_xyz", "--debug", stdin=GOOD_BYTES)
    assert proc.returncode == 2 and b"Traceback" in proc.stderr


def test_fail_fast_stops_at_the_first_failure(tmp_path):
    good = _file(tmp_path / "good.txt", GOOD_BYTES)
    proc = run_cli("extract", good, tmp_path / "missing.txt", good, "--format", "jsonl", "--fail-fast")
    assert proc.returncode == 1
    records = _records(proc)
    assert len(records) == 2 and records[1]["error"]["kind"] == "not_found"
    without = run_cli("extract", good, tmp_path / "missing.txt", good, "--format", "jsonl")
    assert without.returncode == 1 and len(_records(without)) == 3


def test_stdin_given_twice_is_a_usage_error():
    proc = run_cli("extract", "-", "-", stdin=GOOD_BYTES)
    assert proc.returncode == 2 and b"more than once" in proc.stderr


@pytest.mark.slow
@pytest.mark.parametrize("sig,code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)], ids=["SIGINT", "SIGTERM"])
def test_signal_stops_with_complete_lines(tmp_path, sig, code):
    stdin = "".join(json.dumps({"id": str(n), "text": GOOD * 5}) + "\n" for n in range(3000)).encode()
    source = _file(tmp_path / "in.jsonl", stdin)
    proc = start_and_signal(["extract", "-i", "jsonl", source, "-f", "jsonl"], tmp_path / "out.jsonl", sig)
    assert proc.returncode == code, proc.stderr
    assert b"Traceback" not in proc.stderr
    lines = proc.stdout.decode().splitlines()
    assert 0 < len(lines) < 3000
    assert [json.loads(line)["id"] for line in lines] == [str(n) for n in range(len(lines))]


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "csv"])
def test_a_closed_pipe_exits_0_in_every_format(tmp_path, fmt):
    """factx ... | head -1: rich's own broken-pipe handling exits 1; every format must stop quietly with 0."""
    source = _file(tmp_path / "in.jsonl", "".join(json.dumps({"id": str(n), "text": GOOD}) + "\n"
                                                   for n in range(400)).encode())
    proc = subprocess.Popen([sys.executable, "-m", "factx", "extract", "-i", "jsonl", source, "-f", fmt, "-j", "1"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=300) == 0, err
    assert b"Traceback" not in err and b"error" not in err


def test_closed_stdin_is_no_problem_for_file_inputs(tmp_path):
    good = _file(tmp_path / "good.txt", GOOD_BYTES)
    proc = subprocess.run([sys.executable, "-m", "factx", "extract", good, "-f", "jsonl"], stdin=subprocess.DEVNULL,
                          capture_output=True, timeout=300, preexec_fn=lambda: os.close(0))
    assert proc.returncode == 0, proc.stderr
    _assert_good(json.loads(proc.stdout), good)
    dash = subprocess.run([sys.executable, "-m", "factx", "extract", "-", "-f", "jsonl"], capture_output=True,
                          timeout=300, preexec_fn=lambda: os.close(0))
    assert dash.returncode == 1 and json.loads(dash.stdout)["error"]["kind"] == "input"
    assert b"standard input is closed" in dash.stderr and b"Traceback" not in dash.stderr


def test_a_read_only_output_dir_is_a_one_line_error(tmp_path):
    out = tmp_path / "ro"
    out.mkdir()
    out.chmod(0o555)
    cmd = [sys.executable, "-m", "factx", "extract", "-", "--scheduler", "local", "--output-dir", str(out)]
    as_root = os.geteuid() == 0
    proc = subprocess.run(cmd, input=GOOD_BYTES, capture_output=True, timeout=300,
                          preexec_fn=_drop_root_file_powers if as_root else None)
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert len(err.strip().splitlines()) == 1 and "cannot write there" in err and "internal error" not in err
