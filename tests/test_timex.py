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
    ("20th-century", None, False, "19"),  # adjective forms (issue 14)
    ("21st-century", None, False, "20"),
    ("a week ago", REF, False, "2013-03-15"),  # the day, not the week (issue 14)
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
    # a quarter or half without a year: the latest one begun in a clause about the past, else the next (issue 14)
    ("the third quarter", REF, False, "2012-Q3"),
    ("the third quarter", REF, True, "2013-Q3"),
    ("the first quarter", REF, False, "2013-Q1"),
    ("the fourth quarter", date(2013, 11, 2), False, "2013-Q4"),
    ("fourth-quarter", REF, False, "2012-Q4"),
    ("the second half", REF, False, "2012-H2"),
    ("the first half", date(2013, 7, 10), False, "2013-H1"),
    ("the first quarter", date(2013, 5, 2), True, "2013-Q1"),  # "will report first-quarter results" in May
    ("the first quarter", date(2013, 10, 2), True, "2014-Q1"),
    ("Q4", REF, False, "2012-Q4"),
    # a quarter named by its months, or by the month it ends in
    ("the April-June quarter", REF, False, "2012-Q2"),
    ("the April-June quarter", date(2013, 8, 1), False, "2013-Q2"),
    ("the July-September quarter of 2011", REF, False, "2011-Q3"),
    ("the January-June period", date(2013, 8, 1), False, "2013-H1"),
    ("the June quarter", date(2013, 8, 1), False, "2013-Q2"),
    ("the February-April quarter", REF, False, None),  # no calendar quarter
    ("the April-June half", REF, False, None),
    ("June", REF, False, "2012-06"),
    ("June", REF, True, "2013-06"),
    ("January", REF, False, "2013-01"),
    ("March 25", REF, False, "2013-03-25"),
    ("Oct. 23", date(1999, 5, 5), False, "1998-10-23"),  # a day well after the reference: last year's
    ("third-quarter", REF, True, "2013-Q3"),
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
    # spelled-out years, decade words, modifiers, literal TIMEX values
    ("nineteen ninety-six", None, False, "1996"),
    ("January nineteen ninety-seven", None, False, "1997-01"),
    ("the year two thousand", None, False, "2000"),
    ("the nineties", None, False, "199"),
    ("the early 1990s", None, False, "199"),
    ("the last half of the '80s", None, False, "198"),
    ("the twentieth century", None, False, "19"),
    ("mid-2011", None, False, "2011"),
    ("fiscal 2012", None, False, "2012"),
    ("2012-Q3", None, False, "2012-Q3"),
    ("H1 2012", None, False, "2012-H1"),
    ("the winter of 1994", None, False, "1994-WI"),
    ("the 1988 second quarter", None, False, "1988-Q2"),
    ("at least the first two quarters of 1990", None, False, "1990-H1"),
    ("the second half", REF, True, "2013-H2"),
    # "X ended DATE": the quarter or half that holds the day
    ("the quarter ended Sept. 30, 2012", None, False, "2012-Q3"),
    ("the fourth quarter ended June 30, 2012", None, False, "2012-Q4"),
    # weekdays: same or previous day; forward when the clause looks forward; next/last never the same day
    ("Friday", REF, False, "2013-03-22"),
    ("Thursday", REF, True, "2013-03-28"),
    ("next Friday", REF, False, "2013-03-29"),
    ("last Friday", REF, False, "2013-03-15"),
    ("the previous Friday", REF, False, "2013-03-08"),
    ("Tuesday, March 19", REF, False, "2013-03-19"),
    ("this coming Sunday, March eighth", date(1998, 3, 5), False, "1998-03-08"),
    # bare months: nearest occurrence in the direction of the tense
    ("in March", REF, False, "2013-03"),
    ("March", date(2013, 10, 10), True, "2014-03"),
    ("March", date(2013, 1, 10), True, "2013-03"),
    ("September", date(2013, 10, 10), False, "2013-09"),
    ("December", date(2013, 10, 10), False, "2013-12"),
    ("last May", REF, False, "2012-05"),
    ("last February", REF, False, "2012-02"),
    ("last January", REF, False, "2013-01"),
    ("next April", REF, False, "2013-04"),
    ("this September", REF, False, "2013-09"),
    ("the middle of October", REF, False, "2012-10"),
    ("last fall", date(1999, 4, 10), False, "1998-FA"),
    ("this past spring", date(1989, 10, 30), False, "1989-SP"),
    # days without a year
    ("Dec. 15", date(1989, 11, 2), False, "1989-12-15"),
    ("Jan. 2", date(1989, 11, 2), True, "1990-01-02"),
    ("March eighth", REF, False, "2013-03-08"),
    # weekends: the last one, or this week's when it is "this weekend"
    ("the weekend", date(2013, 3, 18), False, "2013-W11-WE"),
    ("this weekend", date(2013, 3, 18), False, "2013-W12-WE"),
    ("next weekend", REF, False, "2013-W12-WE"),
    # modifiers dropped
    ("early next year", REF, False, "2014"),
    ("sometime next year", REF, False, "2014"),
    ("late last week", REF, False, "2013-W11"),
    ("a week or so ago", REF, False, "2013-W11"),
    ("three weeks ago", REF, False, "2013-W09"),
    ("this morning", REF, False, "2013-03-22TMO"),
    ("early this morning", REF, False, "2013-03-22TMO"),
    ("later this afternoon", REF, False, "2013-03-22TAF"),
    ("friday morning", REF, False, "2013-03-22"),
    ("the day before yesterday", REF, False, "2013-03-20"),
    ("this century", REF, False, "20"),
    # quarters reported on: the latest is the one before the reference date's
    ("the latest quarter", REF, False, "2012-Q4"),
    ("the current quarter", REF, False, "2013-Q1"),
    ("the year-ago quarter", REF, False, "2011-Q4"),
    ("the 1988 period", REF, False, "1988-Q4"),
    ("the week of March 6", date(2000, 2, 24), False, "2000-W10"),
    # a holiday's week is the ISO week of its day; other weeks are not holidays
    ("Easter week", date(2000, 4, 17), False, "2000-W16"),
    ("Christmas week", REF, False, "2012-W52"),
    ("this week", REF, False, "2013-W12"),
    ("the week of March 6", None, False, None),
    # holidays: the year named, else the nearest occurrence in the direction of the tense
    ("Thanksgiving Day", date(2000, 1, 7), False, "1999-11-25"),
    ("last Thanksgiving", date(2000, 2, 10), False, "1999-11-25"),
    ("Election Day", date(1998, 10, 26), False, "1998-11-03"),
    ("Memorial Day", REF, True, "2013-05-27"),
    ("Labor Day", date(2013, 9, 1), False, "2013-09-02"),
    ("Christmas", REF, False, "2012-12-25"),
    ("next Christmas", date(2013, 12, 26), False, "2014-12-25"),
    ("Christmas Eve 2009", None, False, "2009-12-24"),
    ("Easter 2000", None, False, "2000-04-23"),
    ("Good Friday", REF, True, "2013-03-29"),
    ("Easter", None, False, None),
    # vague references
    ("currently", None, False, "PRESENT_REF"),
    ("recently", None, False, "PAST_REF"),
    ("several years ago", REF, False, "PAST_REF"),
    ("a later date", None, False, "FUTURE_REF"),
]


@pytest.mark.parametrize("text,anchor,expected", [
    ("a year earlier", "2012-Q4", "2011-Q4"),
    ("a year ago", "2012-Q3", "2011-Q3"),
    ("the quarter", "2012-Q3", "2012-Q3"),
    ("the year-ago quarter", "2012-Q3", "2011-Q3"),
    ("the latest quarter", "2012-Q3", "2012-Q4"),  # "latest" is the reference date's, not the anchor's
    ("a year earlier", None, "2012"),
    ("last year", "2012-Q3", "2012"),
])
def test_anaphora_take_the_quarter_spoken_of(text, anchor, expected):
    assert normalize(text, REF, anchor=anchor) == expected


@pytest.mark.parametrize("text,ref,future,expected", CASES)
def test_normalize(text, ref, future, expected):
    assert normalize(text, ref, future=future) == expected


@pytest.mark.parametrize("text,expected", [
    ("three years", False), ("a decade", False), ("the past two weeks", False), ("54 years old", False),
    ("annual", False), ("several months", False), ("the last 20 years", False),
    ("last year", True), ("2010", True), ("two years ago", True), ("the first quarter", True),
    ("Friday", True), ("the 1990s", True),
    ("44", False), ("80486", False), ("1.1.1", False), ("15 a year", False), ("the first nine months", False),
    ("three days later", False), ("1990", True), ("the first quarter", True), ("the first half", True),
])
def test_durations_ages_and_sets_are_not_dates(text, expected):
    assert is_date(text) is expected


def _relative_rows():
    from factx.data import load_json
    return [row["example"] for row in load_json("dates_relative.json")["rows"]]


@pytest.mark.parametrize("text,expected", _relative_rows())
def test_every_relative_row_resolves_its_example(text, expected):
    assert normalize(text, REF) == expected


@pytest.mark.parametrize("text,ref,expected", [
    ("the last week", date(2000, 4, 14), "2000-W15"),  # the current ISO week (issue 14)
    ("for the last week", date(2000, 4, 14), "2000-W15"),
    ("last week", date(2000, 4, 14), "2000-W14"),
    ("the previous year", REF, "2012"),
    ("the same day last year", REF, "2012-03-22"),
    ("the same day last year", date(2012, 2, 29), None),  # no February 29 a year before
])
def test_relative_references(text, ref, expected):
    assert normalize(text, ref) == expected


@pytest.mark.parametrize("text,month,day,expected", [
    ("yesterday", 2, 14, "XXXX-02-13"),  # a dateline "Feb 14" without a year
    ("tomorrow", 2, 28, None),  # March 1 or February 29: the year decides
    ("yesterday", 2, 29, "XXXX-02-28"),
    ("March 3", 2, 14, "XXXX-03-03"),
    ("last month", 2, 14, "XXXX-01"),
    ("the fourth quarter", 2, 14, "XXXX-Q4"),
    ("2010", 2, 14, "2010"),
    ("now", 2, 14, "PRESENT_REF"),
    ("Friday", 2, 14, None),
    ("last week", 2, 14, None),
    ("last year", 2, 14, None),
    ("this decade", 2, 14, None),
])
def test_normalize_without_year(text, month, day, expected):
    from factx.timex import normalize_without_year
    assert normalize_without_year(text, month, day) == expected


@pytest.mark.parametrize("text,ref,past,expected", [
    ("December", date(1989, 10, 27), True, "1988-12"),  # "changed to a calendar year in December"
    ("December", date(1989, 10, 27), False, "1989-12"),  # "the talks in December": just ahead, this year's
    ("Dec. 15", date(1989, 11, 2), True, "1988-12-15"),
    ("Dec. 15", date(1989, 11, 2), False, "1989-12-15"),
])
def test_a_past_tense_verb_allows_no_month_or_day_ahead(text, ref, past, expected):
    assert normalize(text, ref, past=past) == expected
