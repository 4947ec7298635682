"""The Dask backend on a LocalCluster of 2 workers gives the same records as the local run."""
import json

import pytest

from conftest import SAMPLES, run_cli

TEXTS = [p.read_text() for p in sorted(SAMPLES.glob("*.txt"))]


@pytest.mark.slow
def test_dask_local_cluster_equals_local_run(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for k in range(40):  # two partitions of 32 records or fewer
        (docs / f"{k:03d}.txt").write_text(TEXTS[k % len(TEXTS)])
    args = ["extract", docs, tmp_path / "missing.txt", "--format", "jsonl", "--reference-date", "2013-03-22"]
    local = run_cli(*args, "--jobs", "1")
    dask = run_cli(*args, "--scheduler", "local", "--jobs", "2")
    assert local.returncode == dask.returncode == 1  # the missing file
    assert dask.stdout == local.stdout
    assert b"missing.txt" in dask.stderr and b"Traceback" not in dask.stderr

    parts = tmp_path / "parts"
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text("".join(json.dumps({"id": str(k), "text": TEXTS[k % 4], "date": "2013-03-22"}) + "\n"
                             for k in range(40)))
    written = run_cli("extract", "-i", "jsonl", jsonl, "--scheduler", "local", "--jobs", "2", "--output-dir", parts)
    assert written.returncode == 0 and written.stdout == b"", written.stderr
    files = sorted(parts.glob("part-*.jsonl"))
    assert [f.name for f in files] == ["part-00000.jsonl", "part-00001.jsonl"]
    together = b"".join(f.read_bytes() for f in files)
    assert together == run_cli("extract", "-i", "jsonl", jsonl, "-f", "jsonl", "--jobs", "1").stdout


def test_unreachable_scheduler_is_a_usage_error():
    proc = run_cli("extract", "-", "--scheduler", "tcp://127.0.0.1:9", stdin=b"Japan.")
    assert proc.returncode == 2 and b"cannot reach the Dask scheduler" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_output_dir_needs_a_scheduler(tmp_path):
    proc = run_cli("extract", "-", "--output-dir", tmp_path, stdin=b"Japan.")
    assert proc.returncode == 2 and b"--output-dir works with --scheduler only" in proc.stderr
