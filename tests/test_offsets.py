"""Property: whatever the text, extraction never raises and text[start:end] == mention text."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

NEWSY = st.sampled_from([
    "Japanese Vice Minister Takeshi Akahori", "$37 billion", "€5.2m", "March 22, 2013", "Mexico City", "U.S.",
    "Mr. Akahori's", "last week", "the 1990s", "\r\n", "\n\n", " ", "500 crore rupees", "GB£20.1 billion",
    "Britain's Prime Minister", "said.", "🙂", "\u0301", "مرحبا", "שלום", "\x00", "\u200b", "\t",
])
TEXT = st.lists(st.one_of(NEWSY, st.text(max_size=12)), max_size=25).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT)
def test_offsets_hold_for_any_text(extractor, text):
    record = extractor.extract(text)
    mentions = [m for p in record["people"] for m in p["mentions"]] + record["titles"] + record["dates"] + \
        record["money"] + [m for c in record["countries"] for m in c["mentions"]]
    for m in mentions:
        assert text[m["start"]:m["end"]] == m["text"]
        assert 0 <= m["start"] < m["end"] <= len(text)
