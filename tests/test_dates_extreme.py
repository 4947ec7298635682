"""Extreme but valid dates never crash: a value that would leave the calendar is null, a year below 1000 is
written with four digits, and no value has any other shape (issue 12)."""
import re
from datetime import date

import pytest

from factx.timex import normalize

SHAPE = re.compile(r"\d{4}(?:-(?:\d\d(?:-\d\d)?|W\d\d(?:-WE)?|Q[1-4]|H[12]|SP|SU|FA|WI))?|\d{2,3}"
                   r"|PRESENT_REF|PAST_REF|FUTURE_REF")

ROWS = [  # (text, reference date, value)
    ("the fourth quarter", date(999, 6, 1), "0998-Q4"),
    ("the fourth quarter", date(1, 6, 1), None),
    ("last year", date(999, 6, 1), "0998"),
    ("a year ago", date(1000, 1, 1), "0999"),
    ("last week", date(999, 6, 1), "0999-W21"),
    ("tomorrow", date(9999, 12, 31), None),
    ("today", date(9999, 12, 31), "9999-12-31"),
    ("next week", date(9999, 12, 31), None),
    ("next year", date(9999, 12, 31), None),
    ("next month", date(9999, 12, 31), None),
    ("Christmas 0000", None, None),
    ("May 0000", None, None),
    ("1000000000 days ago", date(2013, 3, 22), None),
    ("three years ago", date(2, 1, 1), None),
    ("last month", date(1, 1, 5), None),
]


@pytest.mark.parametrize("text,ref,value", ROWS)
def test_value_or_null_at_the_ends_of_the_calendar(text, ref, value):
    assert normalize(text, ref) == value


@pytest.mark.parametrize("text,ref", [
    ("Ann Zorn left on Christmas 0000. Profit rose in the fourth quarter from a year earlier.", "0999-06-01"),
    ("It happened 1000000000 days ago. It rained yesterday and will tomorrow, next week and next year.", "9999-12-31"),
    ("WASHINGTON, December 31, 9999 - It rains tomorrow. Profit rose in the quarter and next month.", None),
    ("Profit rose in the quarter compared with a year ago and last year.", "0001-02-01"),
])
def test_extreme_documents_give_valid_values(extractor, text, ref):
    record = extractor.extract(text, date=ref)
    assert record["dates"]
    for d in record["dates"]:
        assert d["value"] is None or SHAPE.fullmatch(d["value"]), d
        assert text[d["start"]:d["end"]] == d["text"]
