"""What TimeML annotates as a date in news, and what it does not: times, names, generic uses.
One row per behaviour: (text, reference date, expected [(mention text, value)] in order)."""
import pytest

CASES = [
    # a day right after a clock time is the day of a time (TIMEX3 type TIME), which factx leaves alone
    ("The relatives have until 9 a.m. Tuesday to sign the paper.", "2000-04-03", []),
    ("The offer runs until 5 p.m. EST, Nov. 9.", "1989-11-01", []),
    ("Talks broke off at noon Thursday.", "1998-02-13", []),
    ("The offer was to expire at midnight Friday.", "1989-11-01", []),
    # a day apart from the time, by a preposition or a parenthesis, is a date
    ("He left the house at 6 a.m. on Friday.", "1989-11-01", [("Friday", "1989-10-27")]),
    ("The blast occurred at about 10:35 a.m. (0735 GMT) Friday, toppling a building.", "1998-08-08",
     [("Friday", "1998-08-07")]),
]


@pytest.mark.parametrize("text,ref,expected", CASES)
def test_dates_in_text(extractor, text, ref, expected):
    record = extractor.extract(text, date=ref)
    assert [(d["text"], d["value"]) for d in record["dates"]] == expected
