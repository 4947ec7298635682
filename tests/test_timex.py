"""TIMEX3 values, one row per pattern: (text, reference date, future context, expected value)."""
from datetime import date

import pytest

from factx.dates import is_date
from factx.timex import normalize

REF = date(2013, 3, 22)  # a Friday, ISO week 2013-W12

CASES = [
    ("2010", None, False, "2010"),
    ("May 2010", None, False, "2010-05"),
    ("March 22, 2013", None, False, "2013-03-22"),
    ("March 1st, 2008", None, False, "2008-03-01"),
    ("22 March 2013", None, False, "2013-03-22"),
    ("2013-03-22", None, False, "2013-03-22"),
    ("3/22/2013", None, False, "2013-03-22"),
    ("Tuesday, March 19, 2013", None, False, "2013-03-19"),
    ("the 21st Century", None, False, "20"),
    ("the nineteenth century", None, False, "18"),
    ("the 1990s", None, False, "199"),
    ("the '90s", None, False, "199"),
    ("the third quarter of 2012", None, False, "2012-Q3"),
    ("Q3 2012", None, False, "2012-Q3"),
    ("the first half of 2012", None, False, "2012-H1"),
    ("summer 2009", None, False, "2009-SU"),
    ("now", None, False, "PRESENT_REF"),
    ("the past", None, False, "PAST_REF"),
    ("the future", None, False, "FUTURE_REF"),
    # relative: resolved against the reference date, None without one
    ("today", REF, False, "2013-03-22"),
    ("yesterday", REF, False, "2013-03-21"),
    ("tomorrow", REF, False, "2013-03-23"),
    ("Wednesday", REF, False, "2013-03-20"),
    ("Monday", REF, True, "2013-03-25"),
    ("next Monday", REF, False, "2013-03-25"),
    ("last week", REF, False, "2013-W11"),
    ("next month", REF, False, "2013-04"),
    ("this year", REF, False, "2013"),
    ("last year", REF, False, "2012"),
    ("two years ago", REF, False, "2011"),
    ("earlier this month", REF, False, "2013-03"),
    ("the third quarter", REF, False, "2013-Q3"),
    ("June", REF, False, "2012-06"),
    ("June", REF, True, "2013-06"),
    ("January", REF, False, "2013-01"),
    ("March 25", REF, False, "2013-03-25"),
    ("Oct. 23", date(1999, 5, 5), False, "1998-10-23"),  # a day well after the reference: last year's
    ("third-quarter", REF, False, "2013-Q3"),
    ("this year's third quarter", REF, False, "2013-Q3"),
    ("next week's", REF, False, "2013-W13"),
    ("July last year", REF, False, "2012-07"),
    ("nearly four years ago", REF, False, "2009"),
    ("later yesterday", REF, False, "2013-03-21"),
    ("the year ending June 30, 1990", REF, False, "1990-06-30"),
    ("the fiscal first quarter", REF, False, "2013-Q1"),
    ("yesterday", None, False, None),
    ("Friday", None, False, None),
    ("last week", None, False, None),
]


@pytest.mark.parametrize("text,ref,future,expected", CASES)
def test_normalize(text, ref, future, expected):
    assert normalize(text, ref, future=future) == expected


@pytest.mark.parametrize("text,expected", [
    ("three years", False), ("a decade", False), ("the past two weeks", False), ("54 years old", False),
    ("annual", False), ("several months", False), ("the last 20 years", False),
    ("last year", True), ("2010", True), ("two years ago", True), ("the first quarter", True),
    ("Friday", True), ("the 1990s", True),
])
def test_durations_ages_and_sets_are_not_dates(text, expected):
    assert is_date(text) is expected
