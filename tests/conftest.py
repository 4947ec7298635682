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


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED.exists():
        pytest.fail(f"seed article missing: {SEED} (the repository expects ../shared beside it)")
    return SEED.read_text(encoding="utf-8")


def run_cli(*args, stdin: bytes | None = None, cwd=None) -> subprocess.CompletedProcess:
    """factx as a user runs it: a real process, stdout and stderr apart."""
    return subprocess.run([sys.executable, "-m", "factx", *map(str, args)], input=stdin, capture_output=True,
                          cwd=cwd, timeout=300)
