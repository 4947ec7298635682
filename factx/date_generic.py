"""Date words that name no date: inside a name or a programme's title ("This is VOA Today.", ABC's "This
Week,"), in a generic sense ("today's youth", "the people of tomorrow") and a holiday that names a season
("successful Christmas sales", "the Christmas and New Year sales period"), where TimeML marks no date. The
word lists are models/dates.json "title_words" and "generic_nouns"."""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span

from . import timex
from .data import load_json

QUOTES = {'"', "“", "”", "``", "''", "'", "‘", "’"}


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset, frozenset]:
    d = load_json("dates.json")
    return frozenset(d["title_words"]), frozenset(d["generic_nouns"])


def no_date(span: Span) -> bool:
    """Is the date word `span` part of a title or name, or generic? See the module's docstring."""
    return in_title(span) or generic(span) or season_holiday(span)


def in_title(span: Span) -> bool:
    """"VOA Today", "USA Today", ABC's "This Week," or "This Week With David Brinkley": a capitalised relative
    date word after a capitalised word, or opening a quotation that holds only capitalised words; not a
    sentence's first word ("Today, I'm here", "Yesterday he left")."""
    title_words, _ = _words()
    doc = span.doc
    capitalised = all(t.is_title for t in span if t.is_alpha)
    if span.start == 0 or span[0].lower_ not in title_words or not capitalised:
        return False
    before = doc[span.start - 1]
    if before.is_title or before.is_upper and before.is_alpha and len(before) <= 4:  # "VOA", not "WASHINGTON"
        return not span[0].is_sent_start and before.text != "I" and not _title_case_line(span)
    if before.text not in QUOTES:
        return False
    after = [t for t in doc[span.end:span.end + 6] if t.text != ","]
    return bool(after) and (after[0].text in QUOTES or after[0].is_title and after[0].text != "I")


def generic(span: Span) -> bool:
    """"today's youth", "today's personal computers", "the people of tomorrow": "today" or "tomorrow"
    owning, or after "of" on, a noun of models/dates.json "generic_nouns"."""
    _, nouns = _words()
    doc = span.doc
    word = [t for t in span if t.lower_ in ("today", "tomorrow")]
    if len(word) != 1 or len(span) > 2:
        return False
    tok = word[0]
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ in ("'s", "’s", "'"):  # the noun it owns, from the parse
        head = tok.head if doc.has_annotation("DEP") else (doc[tok.i + 2] if tok.i + 2 < len(doc) else tok)
        return head.i > tok.i and head.lower_ in nouns
    if tok.i >= 2 and doc[tok.i - 1].lower_ == "of" and span.start == tok.i:
        return doc[tok.i - 2].lower_ in nouns
    return False


def _title_case_line(span: Span) -> bool:
    """Is the line of `span` a headline in title case ("Apple Unveils New Phones Today"), where every word is
    capitalised and a capitalised date word says nothing of a name?"""
    doc, text = span.doc, span.doc.text
    start = text.rfind("\n", 0, span.start_char) + 1
    end = text.find("\n", span.end_char)
    line = doc.char_span(start, len(text) if end < 0 else end, alignment_mode="expand")
    words = [t for t in line if t.is_alpha and len(t) > 3] if line is not None else []
    return len(words) >= 3 and sum(t.is_title for t in words) >= 0.8 * len(words)


def season_holiday(span: Span) -> bool:
    """"Christmas sales", "the Christmas and New Year sales period": a holiday without a year or "last" that
    modifies a common noun names the season around it, not its day ("Christmas Eve", "Easter week",
    "Thanksgiving Day" are names of days)."""
    doc = span.doc
    if span.text.lower().removeprefix("the ") not in _holidays():
        return False
    i = span.end
    if i + 1 < len(doc) and doc[i].lower_ in ("and", "or", "&"):  # "the Christmas and New Year sales"
        j = i + 1
        while j < len(doc) and j - i <= 3 and doc[j].is_title:
            j += 1
        i = j if j > i + 1 else i
    nxt = doc[i] if i < len(doc) else None
    return nxt is not None and nxt.is_lower and nxt.pos_ == "NOUN" and nxt.lower_ not in TIME_NOUNS


TIME_NOUNS = frozenset({"day", "days", "eve", "week", "weekend", "morning", "afternoon", "evening", "night"})


@lru_cache(maxsize=1)
def _holidays() -> frozenset:
    return frozenset(timex.holiday_names())
