"""--patterns files: README's block works as copied, comments and blank lines are fine, codes are ISO,
and every error names the file and line."""
import re
from pathlib import Path

import pytest

from factx import pipeline
from factx.errors import PatternsError

README = Path(__file__).resolve().parent.parent / "README.md"


def _readme_patterns_block() -> str:
    """The code block that follows the mention of --patterns in README's 'Extending the data' section."""
    section = README.read_text(encoding="utf-8").split("## Extending the data", 1)[1]
    return re.search(r"```\n(.*?)```", section, re.S).group(1)


def test_readme_patterns_block_works_verbatim(tmp_path):
    block = _readme_patterns_block()
    assert "#" in block, "the README block has comments: they must be accepted"
    path = tmp_path / "my.jsonl"
    path.write_text(block, encoding="utf-8")
    rows = pipeline.read_patterns(path)
    assert {r["label"] for r in rows} == {"TITLE", "OCCUPATION", "COUNTRY", "NATIONALITY", "NOT_COUNTRY"}
    from factx.core import Extractor

    record = Extractor(patterns=[path]).extract("Aotearoa's chief happiness officer Dana Cole, a Kiwi, spoke.")
    assert [c["code"] for c in record["countries"]] == ["NZ"]
    assert [t["text"] for t in record["titles"]] == ["chief happiness officer"]


def test_comment_lines_blank_lines_and_lowercase_codes(tmp_path):
    path = tmp_path / "p.jsonl"
    path.write_text('# my countries\n\n   \n{"label": "COUNTRY", "pattern": "Aotearoa", "id": "nz"}  # NZ\n'
                    '{"label": "TITLE", "pattern": "chief # officer"}\n', encoding="utf-8")
    rows = pipeline.read_patterns(path)
    assert [r["id"] for r in rows if r["label"] == "COUNTRY"] == ["NZ"]
    assert rows[1]["pattern"] == "chief # officer", "a # inside a JSON string is not a comment"


BAD = [
    ('{"label": "COUNTRY", "pattern": "Utopia", "id": "XX"}', "'XX' is not an ISO 3166-1 alpha-2"),
    ('{"label": "NATIONALITY", "pattern": "Utopian", "id": "UTO"}', "is not an ISO 3166-1 alpha-2"),
    ('{"label": "COUNTRY", "pattern": "Utopia"}', "needs an 'id'"),
    ('{"label": "PLANET", "pattern": "Mars"}', "label 'PLANET'"),
    ('{"label": "TITLE"}', "non-empty 'pattern'"),
    ('{"label": "TITLE", "pattern": "x"} trailing', "unexpected text after the JSON object"),
    ('{oops', "not valid JSON"),
    ('["a list"]', "expected a JSON object"),
    ('{"label": "TITLE", "pattern": [{"LOWR": "x"}]}', "invalid token pattern"),
]


@pytest.mark.parametrize("line,message", BAD, ids=[m for _, m in BAD])
def test_every_error_names_the_file_and_line(tmp_path, line, message):
    path = tmp_path / "bad.jsonl"
    path.write_text('# a comment\n{"label": "TITLE", "pattern": "ok"}\n\n' + line + "\n", encoding="utf-8")
    with pytest.raises(PatternsError) as e:
        if "LOWR" in line:
            pipeline.load(patterns=[path])
        else:
            pipeline.read_patterns(path)
    assert f"{path}:4:" in str(e.value) and message in str(e.value)
