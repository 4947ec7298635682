"""Dates found in running text: entity cutting, vague references, filters, tense, anchors and datelines.
One row per behaviour: (text, reference date, expected [(mention text, value)] in order)."""
import pytest

CASES = [
    # ranges and lists are cut into their dates
    ("Sales rose from 2009 to 2011.", "2013-03-22", [("2009", "2009"), ("2011", "2011")]),
    ("Prices rose between 1985 and 1987.", "2013-03-22", [("1985", "1985"), ("1987", "1987")]),
    ("The show ran Aug. 26 to Oct. 20, 1989.", "2013-03-22", [("Aug. 26", "2012-08-26"), ("Oct. 20, 1989", "1989-10-20")]),
    ("The talks are on April 24 and 25.", "1999-02-10", [("April 24", "1999-04-24"), ("25", "1999-04-25")]),
    # a compact range of years is two dates (issue 14)
    ("The expedition of 1957-58 reached the pole.", "2013-03-22", [("1957", "1957"), ("58", "1958")]),
    ("Sales fell in 1990-91, the report said.", "2013-03-22", [("1990", "1990"), ("91", "1991")]),
    # adjective forms and relative references of issue 14 in running text
    ("Lion will be released in mid-2010.", "2009-10-23", [("mid-2010", "2010")]),
    ("It is a 20th-century idea.", "2009-10-23", [("20th-century", "19")]),
    ("He arrived a week ago.", "2013-03-22", [("a week ago", "2013-03-15")]),
    # "X ended DATE": the quarter and the day; a duration head is dropped
    ("Net rose in the quarter ended Sept. 30.", "1989-11-01", [("the quarter", "1989-Q3"), ("Sept. 30", "1989-09-30")]),
    ("Net rose in the six months ended Aug. 12.", "1989-11-01", [("Aug. 12", "1989-08-12")]),
    ("Jobs grew for the first nine months of 1997.", "1998-02-06", [("1997", "1997")]),
    # a weekday right before a month and day, with or without a comma, is one date
    ("Nearly $9 million flowed out Thursday June 8 alone.", "2006-06-20", [("Thursday June 8", "2006-06-08")]),
    ("He left on Thursday. June 8 was quiet.", "2006-06-20", [("Thursday", "2006-06-15"), ("June 8", "2006-06-08")]),
    # a hedge before "last month" keeps it a date; "the 1988 quarter" is a quarter, not 1,988 quarters
    ("And just last month, a bridge collapsed.", "1998-02-27", [("just last month", "1998-01")]),
    ("Acme earned $2 million in the quarter, up from $1 million in the 1988 quarter.", "1989-10-30",
     [("the quarter", "1989-Q3"), ("the 1988 quarter", "1988-Q3")]),
    # "today" and its kin are dates where spaCy does not tag them too
    ("Some parents planned to apply for passports today at the consulate.", "2000-04-03", [("today", "2000-04-03")]),
    # a full date keeps its commas
    ("He spoke on Tuesday, March 19, 2013, in Rome.", None, [("Tuesday, March 19, 2013", "2013-03-19")]),
    # vague references spaCy does not tag
    ("The company is now profitable and currently hiring.", "2013-03-22",
     [("now", "PRESENT_REF"), ("currently", "PRESENT_REF")]),
    ("He recently said that in the future prices will fall.", "2013-03-22",
     [("recently", "PAST_REF"), ("the future", "FUTURE_REF")]),
    ("In the past, Russia has claimed that.", "2013-03-22", [("the past", "PAST_REF")]),
    ("Now that it is over, the now-cancelled deal is gone.", "2013-03-22", [("Now", "PRESENT_REF")]),
    ("Iraq was ready to withdraw. Now, he says, it looks different.", "2013-03-22", []),
    # ages, numbers and rates are not dates
    ("John Smith, 44, and Mary Jones, 52, left the company.", "2013-03-22", []),
    ("The tankers arrive at a rate of 15 a year.", "2013-03-22", []),
    # index values, age groups and counts of periods are not dates (issue 14)
    ("The index fell to 1,723.35 and the under-21 side lost.", "2013-03-22", []),
    ("Prices rose for the 11th straight month.", "2013-03-22", []),
    # "this year" where spaCy tags only "year"
    ("There were two major disasters this year - the losses of two jets.", "2007-06-01", [("this year", "2007")]),
    # tense: scheduled and planned events point forward; "since" and reports point back
    ("The sale is scheduled to close Monday.", "1989-11-02", [("Monday", "1989-11-06")]),
    ("The company said Monday that sales fell.", "1989-11-02", [("Monday", "1989-10-30")]),
    ("Inspections had been allowed since Jan. 13.", "1998-03-06", [("Jan. 13", "1998-01-13")]),
    # "since" starts in the past: no month, day or holiday ahead of the reference date
    ("Prices have risen since November.", "1989-10-30", [("November", "1988-11")]),
    ("Sales have slowed since Christmas.", "1989-10-30", [("Christmas", "1988-12-25")]),
    # the past perfect looks back even with "until"; a negated "could" reports the past
    ("Until Thursday, they had not called him a suspect.", "1999-05-07", [("Thursday", "1999-05-06")]),
    ("The mayor could not be reached for comment Friday.", "2000-01-10", [("Friday", "2000-01-07")]),
    # "could" says what was possible, not what is planned
    ("Neither he nor his grandparents could be located Wednesday in Cardenas.", "2000-01-06",
     [("Wednesday", "2000-01-05")]),
    # a purpose infinitive under a past verb is not a plan; one under a future verb is
    ("The city held a parade to celebrate the victory on Friday.", "1999-03-13", [("Friday", "1999-03-12")]),
    ("He will fly to Paris to meet the president on Friday.", "1999-03-13", [("Friday", "1999-03-19")]),
    # "next to" is a place; "plan" as a noun is no plan; "plans", "postponed until" look forward
    ("Many were wounded in the blasts next to the embassies on Friday.", "1998-08-08", [("Friday", "1998-08-07")]),
    ("The thrift announced the plan Aug. 21.", "1989-10-27", [("Aug. 21", "1989-08-21")]),
    ("On Tuesday, the league plans to hold a news conference.", "1998-10-26", [("Tuesday", "1998-10-27")]),
    ("Officials postponed until Tuesday morning any action on the case.", "2000-03-30", [("Tuesday", "2000-04-04")]),
    ("They said they did not plan to remove him on Thursday morning.", "2000-03-29", [("Thursday", "2000-03-30")]),
    # holidays spaCy does not tag; not a place named after one
    ("He was found last Thanksgiving and rescued on Thanksgiving Day.", "2000-02-10",
     [("last Thanksgiving", "1999-11-25"), ("Thanksgiving Day", "1999-11-25")]),
    ("They flew to Christmas Island.", "2013-03-22", []),
    # "in the quarter", "over the weekend": the period reported on, not a duration; it anchors "a year ago"
    ("Profit fell 5% in the quarter compared with a year ago.", "1989-11-02",
     [("the quarter", "1989-Q3"), ("a year ago", "1988-Q3")]),
    ("Over the weekend, lawyers for the family filed a suit.", "2000-03-28", [("the weekend", "2000-W12-WE")]),
    ("Sales in the latest period rose.", "1989-11-02", [("the latest period", "1989-Q3")]),
    ("Sales for the full year were $6.6 billion.", "1989-11-02", [("the full year", "1989")]),
    ("Net fell. The latest period had profit from continuing operations.", "1989-11-01",
     [("The latest period", "1989-Q3")]),
    ("The cuts will lower tax payments in future quarters.", "1989-10-30", [("future quarters", "FUTURE_REF")]),
    # "the week of March 6" is that day's week; "the corresponding period last year" a year before the quarter
    ("The case may be heard the week of March 6, he said.", "2000-02-24", [("the week of March 6", "2000-W10")]),
    ("Net compares with $1.8 million for the corresponding period last year.", "1989-11-01",
     [("the corresponding period last year", "1988-Q3")]),
    # a count before "a year ago" is an amount
    ("It has 13 plants, up from seven a year ago.", "1989-11-01", [("a year ago", "1988")]),
    # a year earlier than the quarter reported on
    ("Third-quarter net rose to $5 million from $4 million a year earlier.", "1989-10-26",
     [("Third-quarter", "1989-Q3"), ("a year earlier", "1988-Q3")]),
    ("Munero fled in June 1998 and returned to Cuba later that year.", "2000-01-28",
     [("June 1998", "1998-06"), ("later that year", "1998")]),
    # relative dates without a reference date have no value
    ("The minister arrived yesterday.", None, [("yesterday", None)]),
    # a wire dateline without a year (issue 14): the year from the reference date, else XXXX and what needs
    # only the month and day
    ("FRANKFURT, Feb 14 (Reuters) - Shares rose.", "2013-02-14", [("Feb 14", "2013-02-14")]),
    ("FRANKFURT, Feb 14 (Reuters) - Shares fell yesterday and will rise on Friday.", None,
     [("Feb 14", "XXXX-02-14"), ("yesterday", "XXXX-02-13"), ("Friday", None)]),
    ("LONDON, March 3 (Reuters) - Oil rose this month after it fell in January.", None,
     [("March 3", "XXXX-03-03"), ("this month", "XXXX-03"), ("January", "XXXX-01")]),
    # reporting periods: the latest begun in a clause about the past; a quarter named by its months
    ("Profit rose in the fourth quarter.", "2013-03-20", [("the fourth quarter", "2012-Q4")]),
    ("Fourth-quarter profit rose 5%.", "2013-03-20", [("Fourth-quarter", "2012-Q4")]),
    ("Profit rose in the April-June quarter.", "2013-03-20", [("April-June quarter", "2012-Q2")]),
    ("Sales fell in the first half of 2012.", "2013-03-20", [("the first half of 2012", "2012-H1")]),
    # relative references
    ("He has been in Bethesda for the last week, she said.", "2000-04-14", [("the last week", "2000-W15")]),
    ("Sales fell 5% from the previous year.", "2013-03-20", [("the previous year", "2012")]),
    ("Sales were flat on the same day last year.", "2013-03-20", [("the same day last year", "2012-03-20")]),
    ("Jobs declined in the past decade.", "2011-01-17", [("the past decade", "200")]),
    ("Columbia owes its growth in recent years to junk bonds.", "1989-10-26", [("recent years", "PAST_REF")]),
    # direction from the clause: end points, modals, a verb in the past tense that governs the date
    ("The contract runs through June.", "2013-03-20", [("June", "2013-06")]),
    ("The work should be completed in October.", "2013-03-20", [("October", "2013-10")]),
    ("It sold its stake to Rosneft in October.", "2013-03-20", [("October", "2012-10")]),
    ("The company changed to a calendar year in December.", "1989-10-27", [("December", "1988-12")]),
    ("Banks extended the loans through January.", "1989-10-30", [("January", "1990-01")]),
    ("Sales changed little this year through August.", "1989-10-27", [("this year", "1989"), ("August", "1989-08")]),
    ("The deadline was extended to Nov. 16.", "1989-10-30", [("Nov. 16", "1989-11-16")]),
    ("The accession was planned for early March.", "1999-02-10", [("early March", "1999-03")]),
    ("He and Arafat meet separately Monday with Albright.", "1998-05-01", [("Monday", "1998-05-04")]),
    ("The index, which fell 1.4%, hurt the composite on Friday.", "1989-10-30", [("Friday", "1989-10-27")]),
    ("Stocks fell eight days after Oct. 12, the day before the plunge.", "1989-10-30", [("Oct. 12", "1989-10-12")]),
    ("Costs rose under the new labor pact effective June 1.", "1989-10-26", [("June 1", "1990-06-01")]),
    ("The chip may have been responsible for a drop in trading on Wednesday.", "1989-10-27",
     [("Wednesday", "1989-10-25")]),
    # numeric dates spaCy may miss; a tagged phrase with no value and no date word is not a date
    ("It was written in the American format, 7/8/07.", "2007-07-09", [("7/8/07", "2007-07-08")]),
    ("The land has been theirs for almost a hundred years.", "1998-02-13", []),
    # a hyphen inside a word does not cut a date in two; a quarter and a month-day spaCy misses are found
    ("The company lost money in the fiscal-first quarter ended Sept. 30.", "1989-10-26",
     [("the fiscal-first quarter", "1989-Q1"), ("Sept. 30", "1989-09-30")]),
    ("After a flat second quarter, sales rose.", "1989-11-01", [("second quarter", "1989-Q2")]),
    ("Bookings recovered after the Aug. 7 embassy bombings.", "1998-09-07", [("Aug. 7", "1998-08-07")]),
    # recurrences, ages, durations, amounts and a person's year are not dates
    ("Marchers parade each July and every Thursday.", "1998-03-22", []),
    ("He joined the annual March for Life.", "1999-01-22", []),
    ("Unisys must pay $100 million in interest every quarter.", "1989-10-30", []),
    ("She met him when he was in his early 30s, in the 1980s.", "1999-05-06", [("the 1980s", "198")]),
    ("Unemployment is near its quarter-century low.", "1998-02-06", []),
    ("All week, officials debated the case.", "2000-03-30", []),
    # the day in a time of day spaCy tags as a time: "the early hours of Thursday morning"
    ("He was detained in the early hours of Thursday morning.", "1999-10-08", [("Thursday morning", "1999-10-07")]),
    ("Stocks fell at the end of March.", "1999-10-08", [("the end of March", "1999-03")]),
    # words spaCy took into a date before it are dropped when only the rest has a value
    ("He fled the capital after a coup d'etat last year.", "1998-02-19", [("last year", "1997")]),
    ("During the day Friday, the boy played in the yard.", "2000-01-07", [("Friday", "2000-01-07")]),
    ("Police found him at 10 p.m. Wednesday.", "1998-02-13", []),
    # a day counted from a date: "the day before last Tuesday", "two days after Christmas"
    ("The day before last Tuesday's hearing, he went home.", "2000-02-24", [("The day before last Tuesday", "2000-02-21")]),
    ("They left the day after Christmas.", "2000-02-24", [("the day after Christmas", "1999-12-26")]),
    ("He was last seen Nov. 3, the day before police issued a warrant.", "1999-11-20", [("Nov. 3", "1999-11-03")]),
    # a year after "pre-" or "post-"
    ("Families were split by the post-1959 politics of the island.", "2000-02-24", [("post-1959", "1959")]),
    # "the first nine months of the year": the year spoken of, not the span of months
    ("Revenue fell through the first nine months of the year.", "1989-10-30", [("the year", "1989")]),
    # a period word after a preposition of time is the period spoken of, also before a number
    ("Traders squared positions before the weekend.", "1989-10-27", [("the weekend", "1989-W42-WE")]),
    ("The stock rose to a high for the year of $42.875 in June.", "1989-10-30",
     [("the year", "1989"), ("June", "1989-06")]),
]


@pytest.mark.parametrize("text,ref,expected", CASES)
def test_dates_in_text(extractor, text, ref, expected):
    record = extractor.extract(text, date=ref)
    assert [(d["text"], d["value"]) for d in record["dates"]] == expected


@pytest.mark.parametrize("text,expected_ref", [
    ("WASHINGTON, March 22, 2013 - The president spoke today.", "2013-03-22"),
    ("Apple unveils iPhone 4\nJune 8, 2010\nYesterday, Apple showed a phone.", "2010-06-08"),
    ("On March 3, 2001, the company was founded. It grew yesterday.", None),  # not a dateline
])
def test_dateline_is_the_reference_date_only_at_the_top(extractor, text, expected_ref):
    record = extractor.extract(text)
    assert record["reference_date"]["value"] == expected_ref
    assert record["reference_date"]["source"] == ("dateline" if expected_ref else None)


def test_dateline_resolves_relative_dates(extractor):
    record = extractor.extract("Apple unveils iPhone 4\nJune 8, 2010\nYesterday, Apple showed a phone.")
    assert ("Yesterday", "2010-06-07") in [(d["text"], d["value"]) for d in record["dates"]]


def _anaphora_rows():
    from factx.data import load_json
    return [row["example"] for row in load_json("dates.json")["anaphora"]]


@pytest.mark.parametrize("text,ref,mention,value", _anaphora_rows())
def test_every_anaphora_row_resolves_its_example(extractor, text, ref, mention, value):
    record = extractor.extract(text, date=ref)
    assert (mention, value) in [(d["text"], d["value"]) for d in record["dates"]]


def _finder_rows():
    from factx.data import load_json
    return [row["example"] for row in load_json("dates.json")["finders"]]


@pytest.mark.parametrize("text,ref,mention,value", _finder_rows())
def test_every_finder_row_finds_its_example(extractor, text, ref, mention, value):
    record = extractor.extract(text, date=ref)
    assert (mention, value) in [(d["text"], d["value"]) for d in record["dates"]]


@pytest.mark.parametrize("text", ["Aug. 7.5", "Aug. 7%", "Aug. 7 million", "March 2 percent", "aug. 7", "Augustine 7"])
def test_the_month_day_finder_skips_amounts_and_lower_case(text):
    from factx.timex_kinds import finders
    assert not any(p.search(text) for p in finders())


@pytest.mark.parametrize("text", ["the Today show", "NBC Today", "today's youth", "Tomorrow's World"])
def test_the_today_finder_skips_names_and_possessives(text):
    from factx.timex_kinds import finders
    assert not any(p.search(text) for p in finders())


def _not_date_rows():
    from factx.data import load_json
    return [row["example"] for row in load_json("dates.json")["not_dates"]]


@pytest.mark.parametrize("text", _not_date_rows())
def test_every_not_date_row_drops_its_example(extractor, text):
    assert extractor.extract(text, date="2013-03-22")["dates"] == []


def test_a_dateline_without_a_year_gives_no_reference_date(extractor):
    record = extractor.extract("FRANKFURT, Feb 14 (Reuters) - Shares rose.")
    assert record["reference_date"] == {"value": None, "source": None}


def test_offsets_hold_after_cutting(extractor):
    text = "Between 1994 and 1997, and from Aug. 26 to Oct. 20, the quarter ended Sept. 30 was weak."
    for d in extractor.extract(text, date="1989-11-01")["dates"]:
        assert text[d["start"]:d["end"]] == d["text"]


@pytest.mark.parametrize("text,expected", [
    ("the day before last Tuesday", "2000-02-21"),
    ("two days after Christmas", "1999-12-27"),
    ("10 days before Oct. 23, 1998", "1998-10-13"),
    ("the day before yesterday", "2000-02-22"),
    ("the day after next month", None),  # a day counts only from a day
])
def test_a_day_counted_from_a_date(text, expected):
    from datetime import date

    from factx.timex import normalize
    assert normalize(text, date(2000, 2, 24)) == expected
