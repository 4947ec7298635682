"""--format html: the article with its facts highlighted, then the tables; checked by parsing the page and,
for the seed article, in a real browser (headless chromium)."""
import shutil
import struct
import subprocess
from html.parser import HTMLParser

import pytest

from conftest import SAMPLES, in_ci, run_cli
from factx import html_view
from factx.core import Failure, Record
from factx.errors import NotFound

VOID = {"meta", "link", "br", "img", "input", "hr", "wbr"}


class Page(HTMLParser):
    """The parts of a factx page a test checks: the text of each article block (div.text), the marks in it
    with their attributes and offsets into that text, all visible text, and whether the tags nest."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.stack, self.texts, self.marks, self.body, self.nested = [], [], [], [], True
        self.feed(html)
        self.close()
        assert not self.stack, f"unclosed tags: {self.stack}"

    def _in_text(self) -> bool:
        return any(tag == "div" and "text" in (a.get("class") or "").split() for tag, a, _ in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in VOID:
            return
        if tag == "div" and attrs.get("class") == "text":
            self.texts.append([])
        mark = None
        if tag == "mark" and self._in_text():
            mark = attrs | {"start": sum(map(len, self.texts[-1])), "doc": len(self.texts) - 1}
            self.marks.append(mark)
        self.stack.append((tag, attrs, mark))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        open_tag, _, mark = self.stack.pop()
        self.nested &= open_tag == tag
        if mark is not None:
            mark["end"] = sum(map(len, self.texts[-1]))

    def handle_data(self, data):
        if any(tag in ("style", "title") for tag, _, _ in self.stack):
            return
        self.body.append(data)
        if self._in_text():
            self.texts[-1].append(data)

    @property
    def article_texts(self) -> list[str]:
        return ["".join(t) for t in self.texts]


def expected_marks(record: dict) -> list[tuple[str, int, int, dict]]:
    """(type, start, end, data-* attributes the mark must carry) for every fact mention of a record."""
    out = []
    for p in record.get("people", []):
        out += [("person", m["start"], m["end"], {"data-name": p["name"], "data-country": p["country"] or ""})
                for m in p["mentions"]]
    out += [("title", t["start"], t["end"], {"data-person": t["person"] or ""})
            for t in record.get("titles", [])]
    for c in record.get("countries", []):
        out += [("country", m["start"], m["end"], {"data-code": c["code"], "data-name": c["name"]})
                for m in c["mentions"]]
    out += [("date", d["start"], d["end"], {"data-value": d["value"] or ""}) for d in record.get("dates", [])]
    for m in record.get("money", []):
        amount = {"data-amount": str(m["amount"])} if m["amount"] is not None else {}
        out.append(("money", m["start"], m["end"], {"data-currency": m["currency"] or ""} | amount))
    return out


def assert_every_fact_marked(page: Page, record: dict, text: str, doc: int = 0) -> None:
    marks = {(m["data-type"], m["start"], m["end"]): m for m in page.marks if m["doc"] == doc}
    expected = expected_marks(record)
    assert expected, "the article has no facts to check"
    for kind, start, end, data in expected:
        mark = marks.get((kind, start, end))
        assert mark is not None, f"no {kind} mark for {text[start:end]!r} at {start}"
        assert {k: mark.get(k) for k in data} == data, (kind, text[start:end])
        for key, value in data.items():  # the value is in the hover/tap text too (amounts as 1,000)
            if key != "data-amount":
                assert value in mark["title"], (kind, value, mark["title"])


def _record(extractor, text: str, rid: str = "doc", date=None) -> dict:
    return next(extractor.extract_many([Record(rid, text, date)]))


@pytest.mark.parametrize("sample", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.name)
def test_text_is_kept_and_every_fact_is_marked_with_its_value(extractor, sample):
    text = sample.read_text(encoding="utf-8")
    record = _record(extractor, text, str(sample))
    page = Page(html_view.page([(record, text)]))
    assert page.nested
    assert page.article_texts == [text]
    assert_every_fact_marked(page, record, text)
    assert len(page.marks) == len(expected_marks(record))


def test_markup_in_the_input_is_escaped_everywhere(extractor):
    text = ('<script>alert(1)</script> "Japanese" Prime Minister Shinzo Abe & <b>Mexico</b> paid $5 million '
            "on 5 March 2013 </div></mark>\r\nBye \x00 and \ud800.")
    record = _record(extractor, text, rid='<i id="x">&amp;</i>')
    html = html_view.page([(record, text)])
    assert "<script>" not in html and "<b>" not in html and "<i id" not in html
    page = Page(html)
    assert page.nested
    # NUL and a lone surrogate cannot be in an HTML page: each is one U+FFFD, so offsets still hold
    assert page.article_texts == [text.replace("\x00", "\ufffd").replace("\ud800", "\ufffd")]
    assert '<i id="x">&amp;</i>' in "".join(page.body)  # the id, shown as written
    assert_every_fact_marked(page, record, text)


def _record_with(text: str, **facts) -> dict:
    return {"id": "x", "people": [], "titles": [], "countries": [], "dates": [], "money": []} | facts


def test_overlapping_and_crossing_facts_nest_without_losing_text():
    text = "The Foreign Minister of Japan Taro Kono spoke."
    title = {"text": "Foreign Minister of Japan Taro", "start": 4, "end": 34, "person": "Taro Kono",
             "link": "before", "kind": "office"}
    person = {"name": "Taro Kono", "titles": [], "country": "JP", "country_source": "text",
              "country_evidence": None, "mentions": [{"text": "Taro Kono", "start": 30, "end": 39}]}
    country = {"code": "JP", "name": "Japan", "mentions": [{"text": "Japan", "start": 24, "end": 29,
                                                           "kind": "country"}]}
    record = _record_with(text, people=[person], titles=[title], countries=[country])
    page = Page(html_view.page([(record, text)]))
    assert page.nested
    assert page.article_texts == [text]
    by_type = {}
    for m in page.marks:
        by_type.setdefault(m["data-type"], []).append((m["start"], m["end"], m.get("data-part")))
    assert by_type["title"] == [(4, 34, None)]
    assert by_type["country"] == [(24, 29, None)]  # nested inside the title
    # the person crosses the title's end: cut there, its second piece marked as such, nothing lost
    assert by_type["person"] == [(30, 34, None), (34, 39, "2")]


def test_identical_spans_nest_and_offsets_past_the_text_are_ignored():
    text = "Mexico."
    country = {"code": "MX", "name": "Mexico", "mentions": [{"text": "Mexico", "start": 0, "end": 6,
                                                            "kind": "country"}]}
    title = {"text": "Mexico", "start": 0, "end": 6, "person": None, "link": None, "kind": "office"}
    bad = {"text": "x", "start": 5, "end": 99, "value": "2013"}
    record = _record_with(text, countries=[country], titles=[title], dates=[bad])
    page = Page(html_view.page([(record, text)]))
    assert page.nested and page.article_texts == [text]
    marks = [(m["data-type"], m["start"], m["end"]) for m in page.marks]
    assert marks == [("title", 0, 6), ("country", 0, 6)]


def test_error_records_show_their_error_and_writer_streams_one_page(extractor):
    import io

    out = io.StringIO()
    writer = html_view.HtmlWriter(out)
    items = [Record("a.txt", "Japan paid $5 million."),
             Failure("gone <1>.txt", NotFound("gone <1>.txt: no such file")), Record("b.txt", "Mexico grew.")]
    for record in extractor.extract_many(writer.keep_texts(items)):
        writer(record, out)
    writer.close()
    html = out.getvalue()
    assert html.count("<!DOCTYPE html>") == 1 and html.rstrip().endswith("</html>")
    assert html.count('<section class="doc"') == 3
    page = Page(html)
    assert page.nested
    assert page.article_texts == ["Japan paid $5 million.", "Mexico grew."]
    assert 'data-kind="not_found"' in html and "gone &lt;1&gt;.txt: no such file" in html
    assert not writer.texts  # nothing kept past its record


def test_page_is_self_contained_and_made_for_phones(extractor):
    text = "Japan paid $5 million."
    html = html_view.page([(_record(extractor, text), text)])
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert "<script" not in html and "<link" not in html and "url(" not in html and "@import" not in html
    assert "default-src 'none'" in html  # the browser refuses any request the page might make
    assert 'class="scroll"' in html  # tables scroll sideways on a narrow screen


def test_no_input_still_gives_a_page():
    import io

    out = io.StringIO()
    writer = html_view.HtmlWriter(out)
    writer.close()
    assert out.getvalue().startswith("<!DOCTYPE html>") and "No input." in out.getvalue()
    assert Page(out.getvalue()).nested


def test_cli_writes_one_page_for_several_inputs(tmp_path):
    a = tmp_path / "a.txt"
    a.write_text("Japanese Prime Minister Shinzo Abe met Mexico's president.", encoding="utf-8")
    proc = run_cli("extract", a, tmp_path / "missing.txt", "--format", "HTML", "--types", "people,countries")
    assert proc.returncode == 1
    html = proc.stdout.decode()
    page = Page(html)
    assert page.article_texts == [a.read_text(encoding="utf-8")]
    assert {m["data-type"] for m in page.marks} == {"person", "country"}
    assert "<h3>Titles</h3>" not in html and "<h3>People</h3>" in html
    assert 'data-kind="not_found"' in html
    proc = run_cli("extract", a, "--format", "html", "--scheduler", "local", "--output-dir", tmp_path / "out")
    assert proc.returncode == 2 and b"--format html writes one page to stdout" in proc.stderr


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    if in_ci():
        pytest.fail("chromium not found: under CI=true the browser test must run (.ci/run installs it)")
    pytest.skip("chromium not installed (apt-get install -y chromium): the real-browser test needs it")


def test_seed_article_in_a_real_browser(extractor, seed_path, tmp_path):
    browser = chromium()
    page_path = tmp_path / "seed.html"
    # a second input with Windows line ends and markup: a browser turns a raw CR into LF, and reads tags
    crlf = tmp_path / "crlf.txt"
    crlf_text = "<b>Japan</b> & Mexico\r\nsigned on 5 March 2013.\r\n"
    crlf.write_bytes(crlf_text.encode("utf-8"))
    proc = run_cli("extract", seed_path, crlf, "--format", "html")
    assert proc.returncode == 0, proc.stderr
    page_path.write_bytes(proc.stdout)
    flags = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
             f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run([*flags, "--dump-dom", page_path.as_uri()], capture_output=True, timeout=120)
    assert dom.returncode == 0, dom.stderr[-2000:]
    shot = tmp_path / "seed.png"
    subprocess.run([*flags, f"--screenshot={shot}", "--window-size=390,844", page_path.as_uri()],
                   capture_output=True, timeout=120, check=True)
    text = seed_path.read_text(encoding="utf-8")
    record = _record(extractor, text, str(seed_path))
    page = Page(dom.stdout.decode())  # the DOM as the browser built it from the page
    assert page.nested
    assert page.article_texts == [text, crlf_text]
    assert_every_fact_marked(page, record, text)
    png = shot.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == (390, 844)
    assert len(png) > 20_000  # a rendered page of highlighted text, not a blank image
