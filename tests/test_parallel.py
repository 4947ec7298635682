"""--jobs: worker processes give the same output, in the same order, as one process; Ctrl-C stops them."""
import json
import os
import signal
import time
from pathlib import Path

import pytest

from conftest import SAMPLES, run_cli, start_and_signal

TEXTS = [p.read_text() for p in sorted(SAMPLES.glob("*.txt"))]


def _corpus(tmp_path, n: int) -> Path:
    lines = [json.dumps({"id": f"doc{k}", "text": TEXTS[k % len(TEXTS)], "date": "2013-03-22"}) for k in range(n)]
    lines[n // 2] = "{not json"  # a bad line in the middle keeps its place
    path = tmp_path / f"corpus-{n}.jsonl"
    path.write_text("\n".join(lines) + "\n")
    return path


@pytest.mark.slow
def test_jobs_2_equals_jobs_1(tmp_path):
    corpus = _corpus(tmp_path, 90)  # three batches of 32: the pool is used
    one = run_cli("extract", "-i", "jsonl", corpus, "-f", "jsonl", "--jobs", "1")
    two = run_cli("extract", "-i", "jsonl", corpus, "-f", "jsonl", "--jobs", "2")
    assert one.returncode == two.returncode == 1  # the bad line
    assert one.stdout == two.stdout
    records = [json.loads(line) for line in two.stdout.decode().splitlines()]
    assert len(records) == 90 and records[45]["error"]["kind"] == "bad_record"
    assert [r["id"] for r in records[:3]] == ["doc0", "doc1", "doc2"]
    assert sum(len(r.get("people", [])) for r in records) > 90


@pytest.mark.slow
def test_api_jobs_equals_sequential(extractor):
    docs = [{"id": str(k), "text": TEXTS[k % len(TEXTS)]} for k in range(40)]
    assert list(extractor.extract_many(docs, jobs=2, batch_size=8)) == list(extractor.extract_many(docs))


def _alive_with(marker: str) -> list[int]:
    pids = []
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and marker in (proc / "cmdline").read_bytes().decode(errors="replace"):
                pids.append(int(proc.name))
        except OSError:
            continue
    return pids


@pytest.mark.slow
def test_sigint_stops_the_workers(tmp_path):
    corpus = _corpus(tmp_path, 2000)
    alive_before = []
    proc = start_and_signal(["extract", "-i", "jsonl", corpus, "-f", "jsonl", "--jobs", "2"], tmp_path / "out.jsonl",
                            signal.SIGINT, before_signal=lambda: alive_before.extend(_alive_with(str(corpus))))
    assert len(alive_before) == 3  # the parent and two workers
    assert proc.returncode == 130, proc.stderr
    assert b"Traceback" not in proc.stderr
    lines = proc.stdout.decode().splitlines()
    assert lines and [json.loads(line)["id"] for line in lines] == [f"doc{k}" for k in range(len(lines))]
    for _ in range(50):
        if not _alive_with(str(corpus)):
            break
        time.sleep(0.1)
    assert _alive_with(str(corpus)) == []


@pytest.mark.slow
def test_output_does_not_depend_on_the_hash_seed():
    """Dask workers are separate interpreters with their own PYTHONHASHSEED: set order must never leak."""
    import os
    import subprocess
    import sys

    outputs = []
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        outputs.append(subprocess.run([sys.executable, "-m", "factx", "extract", str(SAMPLES), "-f", "jsonl",
                                       "--jobs", "1"], capture_output=True, env=env, timeout=300).stdout)
    assert outputs[0] and outputs[0] == outputs[1]


def _children(pid: int) -> list[int]:
    found = []
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(proc.name))
        except (OSError, ValueError, IndexError):
            continue
    return found


def _start(corpus, out_path, **popen):
    import subprocess
    import sys

    out = out_path.open("wb")
    proc = subprocess.Popen([sys.executable, "-m", "factx", "extract", "-i", "jsonl", str(corpus), "-f", "jsonl",
                             "--jobs", "2"], stdout=out, stderr=subprocess.PIPE, **popen)
    deadline = time.monotonic() + 120
    while b"\n" not in out_path.read_bytes() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    return proc, out


@pytest.mark.slow
def test_a_killed_worker_costs_no_record(tmp_path):
    corpus = _corpus(tmp_path, 300)
    proc, out = _start(corpus, tmp_path / "out.jsonl")
    workers = _children(proc.pid)
    assert len(workers) == 2
    os.kill(workers[0], signal.SIGKILL)  # as the out-of-memory killer would
    _, err = proc.communicate(timeout=300)
    out.close()
    records = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert proc.returncode == 1, err  # 1: the corpus has one bad JSONL line
    assert [r["id"] for r in records if "error" not in r] == [f"doc{k}" for k in range(300) if k != 150]
    assert [r["error"]["kind"] for r in records if "error" in r] == ["bad_record"]


@pytest.mark.slow
def test_sigterm_to_the_process_group_stops_everything(tmp_path):
    corpus = _corpus(tmp_path, 2000)
    proc, out = _start(corpus, tmp_path / "out.jsonl", start_new_session=True)
    assert len(_children(proc.pid)) == 2
    os.killpg(proc.pid, signal.SIGTERM)  # as systemd or `kill -- -PGID` would
    _, err = proc.communicate(timeout=60)
    out.close()
    assert proc.returncode == 143, err
    assert b"Traceback" not in err
    lines = (tmp_path / "out.jsonl").read_text().splitlines()
    assert [json.loads(line)["id"] for line in lines] == [f"doc{k}" for k in range(len(lines))]
    for _ in range(50):
        if not _alive_with(str(corpus)):
            break
        time.sleep(0.1)
    assert _alive_with(str(corpus)) == []
