"""--jobs: worker processes give the same output, in the same order, as one process; Ctrl-C stops them."""
import json
import signal
import time
from pathlib import Path

from conftest import SAMPLES, run_cli, start_and_signal

TEXTS = [p.read_text() for p in sorted(SAMPLES.glob("*.txt"))]


def _corpus(tmp_path, n: int) -> Path:
    lines = [json.dumps({"id": f"doc{k}", "text": TEXTS[k % len(TEXTS)], "date": "2013-03-22"}) for k in range(n)]
    lines[n // 2] = "{not json"  # a bad line in the middle keeps its place
    path = tmp_path / f"corpus-{n}.jsonl"
    path.write_text("\n".join(lines) + "\n")
    return path


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
