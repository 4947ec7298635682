"""Long texts are split into pieces and merged into one record with offsets into the whole text."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from factx.pieces import merge_records, split_text

HEAD = "WASHINGTON, March 22, 2013 - Japanese Vice Minister Takeshi Akahori said Japan would invest $2 billion.\n\n"
FILLER = "The talks went on through the afternoon and into the evening. " * 12
TAIL = "\n\nAkahori said Mexico would benefit. Mexican officials agreed on Friday.\n"


@given(text=st.text(alphabet=st.sampled_from("ab .\n\t!"), max_size=400), limit=st.integers(2, 50))
def test_pieces_tile_the_text_within_the_limit(text, limit):
    pieces = split_text(text, limit)
    assert "".join(text[a:b] for a, b in pieces) == text
    assert all(0 < b - a <= limit for a, b in pieces) or text == ""
    assert [a for a, _ in pieces[1:]] == [b for _, b in pieces[:-1]]


def test_cuts_prefer_paragraphs_then_sentences():
    text = "One two. Three four.\n\nFive six. Seven eight. Nine."
    assert text[:split_text(text, 30)[0][1]] == "One two. Three four.\n\n"
    assert text[:split_text(text, 18)[0][1]] == "One two. "


def test_a_long_text_is_one_record_with_true_offsets():
    from factx.core import Extractor

    text = HEAD + FILLER + TAIL
    piecewise = Extractor(piece_chars=300).extract(text)
    assert len(split_text(text, 300)) >= 3
    (person,) = piecewise["people"]
    assert person["name"] == "Takeshi Akahori" and person["country"] == "JP"
    assert [m["text"] for m in person["mentions"]] == ["Takeshi Akahori", "Akahori"]
    assert [c["code"] for c in piecewise["countries"]] == ["JP", "MX"]
    assert piecewise["money"][0]["amount"] == 2_000_000_000
    mentions = piecewise["titles"] + piecewise["dates"] + piecewise["money"] + person["mentions"] + \
        [m for c in piecewise["countries"] for m in c["mentions"]]
    assert mentions and all(text[m["start"]:m["end"]] == m["text"] for m in mentions)
    whole = Extractor().extract(text)
    assert [c["code"] for c in whole["countries"]] == [c["code"] for c in piecewise["countries"]]


def test_merge_folds_a_later_surname_into_the_full_name():
    first = {"id": "a", "people": [{"name": "Ana Ruiz", "titles": ["minister"], "country": None, "mentions": [
        {"text": "Ana Ruiz", "start": 0, "end": 8}]}], "titles": [], "countries": [], "dates": [], "money": []}
    second = {"id": "a", "people": [{"name": "Ruiz", "titles": [], "country": "ES", "mentions": [
        {"text": "Ruiz", "start": 5, "end": 9}]}], "titles": [{"text": "envoy", "start": 0, "end": 5,
                                                                 "person": "Ruiz"}],
        "countries": [], "dates": [], "money": []}
    merged = merge_records([(0, first), (100, second)])
    (person,) = merged["people"]
    assert person["country"] == "ES" and person["mentions"][1] == {"text": "Ruiz", "start": 105, "end": 109}
    assert merged["titles"] == [{"text": "envoy", "start": 100, "end": 105, "person": "Ana Ruiz"}]


def test_piece_limit_must_be_sane():
    with pytest.raises(ValueError):
        split_text("abc", 1)


def test_merge_folds_an_earlier_surname_into_a_later_full_name():
    first = {"id": "a", "people": [{"name": "Ruiz", "titles": [], "country": None, "mentions": [
        {"text": "Ruiz", "start": 0, "end": 4}]}], "titles": [{"text": "envoy", "start": 5, "end": 10,
                                                               "person": "Ruiz"}]}
    second = {"id": "a", "people": [{"name": "Ana Ruiz", "titles": ["minister"], "country": "ES", "mentions": [
        {"text": "Ana Ruiz", "start": 0, "end": 8}]}], "titles": []}
    merged = merge_records([(0, first), (100, second)])
    (person,) = merged["people"]
    assert person["name"] == "Ana Ruiz" and [m["start"] for m in person["mentions"]] == [0, 100]
    assert merged["titles"][0]["person"] == "Ana Ruiz"
