import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "samples" / "mexico-japan.txt"
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session")
def extractor():
    from factx.core import Extractor

    return Extractor()


def in_ci() -> bool:
    """CI sets CI=true: there nothing the acceptance tests need may be skipped silently."""
    return os.environ.get("CI", "").lower() in ("true", "1", "yes")


def seed_missing_reason() -> str:
    return f"seed article not found: put mexico-japan.txt at {SEED} (../shared/samples/ beside the repository)"


def need_seed() -> None:
    """Skip (outside CI) or fail (CI=true) a test that reads the seed article when it is missing."""
    if not SEED.exists():
        if in_ci():
            pytest.fail(seed_missing_reason() + "; under CI=true this is a failure")
        pytest.skip(seed_missing_reason())


@pytest.fixture(scope="session")
def seed_text() -> str:
    need_seed()
    return SEED.read_text(encoding="utf-8")


@pytest.fixture
def seed_path() -> Path:
    need_seed()
    return SEED


def run_cli(*args, stdin: bytes | None = None, cwd=None) -> subprocess.CompletedProcess:
    """factx as a user runs it: a real process, stdout and stderr apart."""
    return subprocess.run([sys.executable, "-m", "factx", *map(str, args)], input=stdin, capture_output=True,
                          cwd=cwd, timeout=300)


def start_and_signal(cmd: list, out_path: Path, sig: int, timeout: float = 120,
                     before_signal=None) -> subprocess.CompletedProcess:
    """Start factx writing to out_path, send `sig` once the first line is out (after calling
    before_signal(), if given), wait for the exit. stdout goes to a file: reading one line from a pipe and
    then calling communicate() can lose data."""
    import time

    with out_path.open("wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "factx", *map(str, cmd)], stdout=out, stderr=subprocess.PIPE)
        deadline = time.monotonic() + timeout
        while b"\n" not in out_path.read_bytes() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        if before_signal is not None:
            before_signal()
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=timeout)
    return subprocess.CompletedProcess(cmd, proc.returncode, out_path.read_bytes(), err)


def pytest_runtest_setup(item):
    """The acceptance tests (test_seed.py) and every test using the seed fixtures need the seed article."""
    if item.module.__name__ == "test_seed" or {"seed_text", "seed_path"} & set(item.fixturenames):
        need_seed()


# A test that starts factx as a process or loads a pipeline of its own pays the model's start-up (3-5 s):
# marked slow, so that `-m "not slow"` runs on the session's one pipeline in under a minute. CI runs all.
LOADS_A_MODEL = ("run_cli(", "start_and_signal(", "subprocess.", "Extractor(", "pipeline.load(", "factx.load(",
                 "spacy.load(")


def pytest_collection_modifyitems(config, items):
    import inspect

    for item in items:
        function = getattr(item, "function", None)
        try:
            source = inspect.getsource(function) if function is not None else ""
        except (OSError, TypeError):
            continue
        if any(call in source for call in LOADS_A_MODEL):
            item.add_marker(pytest.mark.slow)
