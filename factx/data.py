"""Reading the pipeline's own data from models/ (installed as the package `factx.models`).

Data lives in files so that users can read and extend it; this module only finds and parses them.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from .errors import PatternsError

_HERE = Path(__file__).resolve().parent


def models_dir() -> Path:
    """The folder holding factx's data: `factx/models` when installed, `models/` in a source checkout."""
    for candidate in (_HERE / "models", _HERE.parent / "models"):
        if (candidate / "dates.json").is_file():
            return candidate
    raise FileNotFoundError("factx data folder 'models' not found beside the package")


def read_jsonl(path: Path) -> list[dict]:
    """Parse a JSONL file of objects. Blank lines and lines starting with `#` are skipped, and a `# comment`
    may follow an object on its line. Each row remembers its line (see line_of). Raises PatternsError
    naming the file and line on bad input."""
    rows = []
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as e:
        raise PatternsError(f"cannot read patterns file {path}: {e.strerror or e}") from e
    except UnicodeDecodeError as e:
        raise PatternsError(f"patterns file {path} is not UTF-8 text") from e
    decoder = json.JSONDecoder()
    for n, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        try:
            row, end = decoder.raw_decode(stripped)
        except json.JSONDecodeError as e:
            raise PatternsError(f"{path}:{n}: not valid JSON ({e.msg})") from e
        rest = stripped[end:].strip()
        if rest and not rest.startswith("#"):
            raise PatternsError(f"{path}:{n}: unexpected text after the JSON object ({rest[:20]!r}); "
                                f"a comment starts with #")
        if not isinstance(row, dict):
            raise PatternsError(f"{path}:{n}: expected a JSON object")
        rows.append(_Row(row, n))
    return rows


class _Row(dict):
    """A patterns row that remembers its line number in its file (for error messages)."""

    def __init__(self, row: dict, line: int):
        super().__init__(row)
        self.line = line


def where(source: Path | str, row: dict, n: int) -> str:
    """'file:line' of a row (its line in the file when known, else its position)."""
    return f"{source}:{getattr(row, 'line', n)}"


def validate_patterns(rows: list[dict], source: Path | str) -> list[dict]:
    """Check SpanRuler-style rows: a string `label` and a `pattern` that is a string or list of dicts; a
    COUNTRY or NATIONALITY row's `id` is a string, normalised to upper case here."""
    for n, row in enumerate(rows, 1):
        label, pattern = row.get("label"), row.get("pattern")
        ok_pattern = isinstance(pattern, str) and pattern.strip() or (
            isinstance(pattern, list) and pattern and all(isinstance(t, dict) for t in pattern))
        if not isinstance(label, str) or not ok_pattern:
            raise PatternsError(f"{where(source, row, n)}: needs a string 'label' and a non-empty 'pattern'")
        if label in ("COUNTRY", "NATIONALITY"):
            code = row.get("id")
            if not isinstance(code, str):
                raise PatternsError(f"{where(source, row, n)}: a {label} row needs an 'id' with the ISO 3166-1 "
                                    f"alpha-2 code")
            row["id"] = code.strip().upper()
    return rows


def check_country_codes(rows: list[dict], source: Path | str) -> list[dict]:
    """A user's COUNTRY / NATIONALITY rows name ISO 3166-1 alpha-2 codes (pycountry); PatternsError otherwise."""
    import pycountry

    for n, row in enumerate(rows, 1):
        code = row.get("id")
        if row.get("label") in ("COUNTRY", "NATIONALITY") and pycountry.countries.get(alpha_2=code) is None:
            raise PatternsError(f"{where(source, row, n)}: 'id' {code!r} is not an ISO 3166-1 alpha-2 country code")
    return rows


@lru_cache(maxsize=None)
def load_jsonl(name: str) -> tuple[dict, ...]:
    path = models_dir() / name
    return tuple(validate_patterns(read_jsonl(path), path))


@lru_cache(maxsize=None)
def load_json(name: str) -> dict:
    return json.loads((models_dir() / name).read_text(encoding="utf-8"))


class UserPatterns:
    """Mixin for components that take user patterns: saved with nlp.to_disk, loaded again by spacy.load."""

    user_patterns: list[dict]

    def add_patterns(self, rows: list[dict]) -> None:  # pragma: no cover - each component defines it
        raise NotImplementedError

    def to_disk(self, path, exclude=()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        lines = (json.dumps(row, ensure_ascii=False) for row in self.user_patterns)
        (path / "patterns.jsonl").write_text("".join(line + "\n" for line in lines), encoding="utf-8")

    def from_disk(self, path, exclude=()):
        file = Path(path) / "patterns.jsonl"
        if file.exists():
            self.add_patterns(validate_patterns(read_jsonl(file), file))
        return self
