"""Make docs/screenshot.png, the picture of `--format html` in README: one of samples/ rendered by factx
and photographed by headless chromium at a phone's size.

    python docs/make_screenshot.py                       # samples/trade-talks.txt -> docs/screenshot.png
    python docs/make_screenshot.py samples/central-bank.txt --size 390,844 --out docs/screenshot.png

Needs factx installed (the project's virtual environment) and chromium (Debian: apt-get install -y
chromium). If optipng is installed, the PNG is recompressed losslessly.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sample", nargs="?", type=Path, default=ROOT / "samples" / "trade-talks.txt")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshot.png")
    parser.add_argument("--size", default="390,844", help="WIDTH,HEIGHT in CSS pixels (a phone)")
    args = parser.parse_args()
    browser = next(filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None)
    if browser is None:
        sys.exit("make_screenshot: chromium not found (apt-get install -y chromium)")
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "page.html"
        # the id shown on the page is the path as given: relative to the repository, not this machine's
        sample = str(args.sample.resolve().relative_to(ROOT))
        html = subprocess.run([sys.executable, "-m", "factx", "extract", sample, "--format", "html"],
                              cwd=ROOT, capture_output=True, check=True).stdout
        page.write_bytes(html)
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        "--force-device-scale-factor=1", f"--user-data-dir={Path(tmp) / 'profile'}",
                        f"--window-size={args.size}", f"--screenshot={args.out.resolve()}", page.as_uri()],
                       capture_output=True, check=True, timeout=120)
    if shutil.which("optipng"):
        subprocess.run(["optipng", "-quiet", "-o5", str(args.out)], check=True)
    print(f"{args.out}: {args.out.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
