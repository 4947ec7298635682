"""--format html: the article with every fact highlighted by type, then the fact tables, as one page.

The page is self-contained (inline CSS, no script, no font or image to fetch; a Content-Security-Policy
forbids any request) and made for phones as well as desktops. Each highlight is a <mark> carrying its
value three ways: data-* attributes for programs, a `title` for a mouse, and a popover shown while it has
focus (a tap on a phone; it has tabindex=0). A short label (country code, TIMEX3 value, currency) is
drawn after it by CSS, so the text of the page's article block is exactly the article: nothing is added
to it, nothing lost. Facts that overlap nest; a fact that crosses another's edge is cut in two pieces
(data-part="2" on the second), so the markup stays well formed.

Records carry no text, so HtmlWriter.keep_texts() remembers each input's text as it goes to the
extractor and the writer takes it back when that input's record comes out (one record per input, in
input order); only the inputs in flight are held.
"""
from __future__ import annotations

import heapq
import re
from collections import deque
from collections.abc import Iterable, Iterator
from html import escape
from typing import TextIO

from .output import _amount, display_name

# Record key -> the mark's class (its type), in nesting order: of two facts with the same extent, the
# first listed is the outer one.
KINDS = {"people": "person", "titles": "title", "countries": "country", "dates": "date", "money": "money"}
HEADINGS = {key: key.capitalize() for key in KINDS}
# NUL and lone surrogates cannot be written in HTML (a parser turns NUL into U+FFFD anyway): U+FFFD, one
# character for one, so offsets hold. A CR would become LF in the browser: written as a reference.
_UNWRITABLE = re.compile("[\x00\ud800-\udfff]")

CSS = """
:root{--person:#cfe3ff;--title:#ffe2b8;--country:#c9f0d2;--date:#ead7ff;--money:#ffd0d6;color-scheme:light}
body{font:16px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:46rem;
 padding:0 .8rem 3rem;color:#1b1b1b;background:#fff;overflow-wrap:anywhere}
h1{font-size:1.2rem;margin:.8rem 0 .2rem}h2{font-size:1.05rem;margin:1.6rem 0 .3rem;word-break:break-all}
h3{font-size:.95rem;margin:1.2rem 0 .3rem}.meta,.none{color:#555;font-size:.85rem;margin:.2rem 0}
.legend{font-size:.8rem;display:flex;flex-wrap:wrap;gap:.3rem;margin:.3rem 0}
.legend span{padding:0 .4rem;border-radius:.3rem}
.text{white-space:pre-wrap;border-top:1px solid #ddd;padding-top:.5rem}
mark{color:inherit;border-radius:.25rem;padding:0 .1rem;position:relative;cursor:help;
 box-decoration-break:clone;-webkit-box-decoration-break:clone}
mark mark{outline:1px solid rgba(0,0,0,.25)}
.person{background:var(--person)}.title{background:var(--title)}.country{background:var(--country)}
.date{background:var(--date)}.money{background:var(--money)}
mark[data-label]::after{content:attr(data-label);font-size:.62em;vertical-align:super;line-height:0;
 margin-left:.15em;color:#333;font-weight:600}
mark:focus{outline:2px solid #1b1b1b}
mark:focus::before,mark:target::before{content:attr(title);position:absolute;left:0;top:calc(100% + .3rem);
 z-index:2;white-space:pre-wrap;width:max-content;max-width:min(18rem,80vw);background:#1b1b1b;color:#fff;
 font-size:.8rem;line-height:1.35;padding:.35rem .5rem;border-radius:.3rem}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;font-size:.85rem;min-width:100%}
th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #e3e3e3;white-space:nowrap}
th.n,td.n{text-align:right;font-variant-numeric:tabular-nums}
.error{background:#fff0f0;border-left:4px solid #c0392b;padding:.5rem .7rem}
"""


def _text(s: str) -> str:
    return escape(_UNWRITABLE.sub("\ufffd", s)).replace("\r", "&#13;")


def _attrs(values: dict) -> str:
    return "".join(f' {k}="{_text(str(v))}"' for k, v in values.items() if v is not None)


def _amount_range(m: dict) -> str:
    upper = m.get("amount_max")
    return _amount(m.get("amount")) + (f"–{_amount(upper)}" if upper is not None else "")


def _money(m: dict) -> str:
    return " ".join(x for x in (_amount_range(m), m.get("currency") or "") if x) or "unknown amount"


def _country(code: str | None, name: str | None = None) -> str:
    return f"{code} ({display_name(code, name or code)})" if code else "unknown"


def facts(record: dict) -> list[tuple[int, int, int, dict]]:
    """Every highlight of a record: (start, end, rank of its type, attributes of its <mark>)."""
    names = {c["code"]: c["name"] for c in record.get("countries", [])}
    out = []

    def add(key: str, start: int, end: int, tip: str, label: str | None, data: dict) -> None:
        attrs = {"class": KINDS[key], "data-type": KINDS[key]} | data | {"title": tip, "data-label": label}
        out.append((start, end, list(KINDS).index(key), attrs))

    for p in record.get("people", []):
        tip = f"person: {p['name']}\ncountry: {_country(p.get('country'), names.get(p.get('country')))}"
        tip += "".join(f"\ntitle: {t}" for t in p.get("titles", []))
        for m in p["mentions"]:
            add("people", m["start"], m["end"], tip, p.get("country"),
                {"data-name": p["name"], "data-country": p.get("country") or ""})
    for t in record.get("titles", []):
        add("titles", t["start"], t["end"], f"title: {t['text']}\nperson: {t.get('person') or 'none linked'}",
            None, {"data-person": t.get("person") or "", "data-link": t.get("link"),
                   "data-kind": t.get("kind")})
    for c in record.get("countries", []):
        for m in c["mentions"]:
            tip = f"country: {_country(c['code'], c['name'])}\n{m.get('kind', '')}"
            add("countries", m["start"], m["end"], tip, c["code"],
                {"data-code": c["code"], "data-name": c["name"], "data-kind": m.get("kind")})
    for d in record.get("dates", []):
        add("dates", d["start"], d["end"], f"date: {d['value'] or 'unresolved (no reference date)'}",
            d["value"] or "?", {"data-value": d["value"] or ""})
    for m in record.get("money", []):
        add("money", m["start"], m["end"], f"money: {_money(m)}", m.get("currency") or "?",
            {"data-amount": m.get("amount"), "data-amount-max": m.get("amount_max"),
             "data-currency": m.get("currency") or ""})
    return out


def annotate(text: str, spans: Iterable[tuple[int, int, int, dict]], anchor: str = "f") -> str:
    """The text as HTML with each span (start, end, rank, attributes) as a <mark>, properly nested.

    Spans open in order of start, longer first, then rank. One that would cross the edge of an open span
    is cut at that edge and its rest queued as a new span, so the tags always nest and every character
    is written exactly once. The first piece of each span gets the id `{anchor}{start}-{type}`."""
    heap = [(s, -e, rank, n, 1, attrs) for n, (s, e, rank, attrs) in enumerate(spans)
            if 0 <= s < e <= len(text)]
    heapq.heapify(heap)
    html, stack, pos = [], [], 0  # stack: ends of the open marks, innermost last (so never increasing)

    def close_until(limit: int) -> None:
        nonlocal pos
        while stack and stack[-1] <= limit:
            end = stack.pop()
            html.append(_text(text[pos:end]) + "</mark>")
            pos = end

    while heap:
        start, neg_end, rank, n, part, attrs = heapq.heappop(heap)
        end = -neg_end
        close_until(start)
        if stack and end > stack[-1]:  # crosses the innermost open mark: its rest starts where that ends
            heapq.heappush(heap, (stack[-1], -end, rank, n, part + 1, attrs))
            end = stack[-1]
        html.append(_text(text[pos:start]))
        pos = start
        where = {"id": f"{anchor}{start}-{attrs['class']}"} if part == 1 else {"data-part": part}
        html.append(f"<mark{_attrs(where | {'tabindex': 0} | attrs)}>")
        stack.append(end)
    close_until(len(text))
    return "".join(html) + _text(text[pos:])


def _table(headings: list[str], rows: list[list], numeric: tuple[str, ...] = ()) -> str:
    head = "".join(f'<th class="n">{h}</th>' if h in numeric else f"<th>{h}</th>" for h in headings)
    body = "".join("<tr>" + "".join(f'<td class="n">{cell}</td>' if h in numeric else f"<td>{cell}</td>"
                                    for h, cell in zip(headings, row)) + "</tr>" for row in rows)
    return f'<div class="scroll"><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'


def _tables(record: dict, anchor: str) -> str:
    """The fact tables, as the table format has them; an offset links to its highlight."""
    def at(x: dict, key: str) -> str:
        return f'<a href="#{anchor}{x["start"]}-{KINDS[key]}">{x["start"]}</a>'

    rows = {
        "people": (["Person", "Titles", "Country", "Mentions"], [
            [_text(p["name"]), _text("; ".join(p["titles"])), _text(p.get("country") or ""),
             len(p["mentions"])] for p in record.get("people", [])]),
        "titles": (["Title", "Person", "Link", "Kind", "Offset"], [
            [_text(t["text"]), _text(t.get("person") or ""), _text(t.get("link") or ""),
             _text(t.get("kind") or ""), at(t, "titles")] for t in record.get("titles", [])]),
        "countries": (["Code", "Country", "Mentions", "As written"], [
            [_text(c["code"]), _text(display_name(c["code"], c["name"])), len(c["mentions"]),
             _text(", ".join(dict.fromkeys(m["text"] for m in c["mentions"])))]
            for c in record.get("countries", [])]),
        "dates": (["Date", "Value", "Offset"], [
            [_text(d["text"]), _text(d["value"] or ""), at(d, "dates")] for d in record.get("dates", [])]),
        "money": (["Money", "Amount", "Currency", "Offset"], [
            [_text(m["text"]), _text(_amount_range(m)),
             _text(m.get("currency") or ""), at(m, "money")] for m in record.get("money", [])]),
    }
    parts = []
    for key, (headings, body) in rows.items():
        if key not in record:
            continue  # not asked for (--types)
        parts.append(f"<h3>{HEADINGS[key]}</h3>")
        parts.append(_table(headings, body, ("Mentions", "Offset", "Amount")) if body
                     else f'<p class="none">{HEADINGS[key]}: none found</p>')
    return "".join(parts)


def section(record: dict, text: str | None, n: int = 1) -> str:
    """One document: its id, reference date, annotated text and fact tables; or its error."""
    anchor = f"d{n}-"
    head = f'<section class="doc" id="doc-{n}"><h2>{_text(record["id"])}</h2>'
    if "error" in record:
        error = record["error"]
        kind = _text(error["kind"])
        return (head + f'<p class="error" data-kind="{kind}"><strong>error ({kind})</strong>: '
                f"{_text(error['message'])}</p></section>")
    ref = record.get("reference_date") or {}
    meta = (f"Reference date: {_text(ref['value'])} ({_text(ref.get('source') or '')})" if ref.get("value")
            else "Reference date: none (relative dates are unresolved)")
    warnings = "".join(f'<p class="error">{_text(w["message"])}</p>' for w in record.get("warnings", []))
    body = (f'<div class="text">{annotate(text, facts(record), anchor)}</div>' if text is not None
            else '<p class="none">(text not available)</p>')
    return head + f'<p class="meta">{meta}</p>' + warnings + body + _tables(record, anchor) + "</section>"


def head(title: str) -> str:
    legend = "".join(f'<span class="{kind}">{kind}</span>' for kind in KINDS.values())
    return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            '<meta http-equiv="Content-Security-Policy" '
            "content=\"default-src 'none'; style-src 'unsafe-inline'\">"
            f"<title>factx: {_text(title)}</title><style>{CSS}</style></head><body>\n"
            f'<header><h1>factx</h1><p class="legend">{legend}</p><p class="meta">Tap or hover a highlight '
            "for its value; the tables follow each text.</p></header>\n")


FOOT = "</body></html>\n"


def page(documents: Iterable[tuple[dict, str | None]]) -> str:
    """A whole page for (record, its text) pairs: a section per document."""
    documents = list(documents)
    sections = "".join(section(r, t, n) + "\n" for n, (r, t) in enumerate(documents, 1))
    return head(documents[0][0]["id"] if documents else "no input") + (sections or _NO_INPUT) + FOOT


_NO_INPUT = '<p class="none">No input.</p>'


class HtmlWriter:
    """--format html: the page head with the first record, then a section per record as it comes, and the
    end of the page on close() (an input-less run still gets a page)."""

    def __init__(self, out: TextIO):
        self.out = out
        self.count = 0
        self.texts: deque = deque()

    def keep_texts(self, items: Iterable) -> Iterator:
        """The input items unchanged, remembering each one's (id, text) for its record."""
        from .core import FLUSH, Record

        for item in items:
            if isinstance(item, Record):
                self.texts.append((item.id, item.text))
            elif isinstance(item, tuple):  # (id, path) for Dask workers to read: read here too
                from .inputs import read_inputs

                read = next(iter(read_inputs([item[1]], "text", None)), None)
                self.texts.append((item[0], getattr(read, "text", None)))
            elif item is not FLUSH:  # a Failure: its record is an error
                self.texts.append((getattr(item, "id", None), None))
            yield item

    def _text_of(self, rid: str) -> str | None:
        if not self.texts:
            return None
        kept_id, text = self.texts.popleft()
        return text if kept_id == rid else None

    def __call__(self, record: dict, out: TextIO) -> None:
        if self.count == 0:
            out.write(head(record["id"]))
        self.count += 1
        out.write(section(record, self._text_of(record["id"]), self.count) + "\n")

    def close(self) -> None:
        self.out.write((head("no input") + _NO_INPUT if self.count == 0 else "") + FOOT)
        self.out.flush()
