"""What TimeML annotates as a date in news, and what it does not: times, names, generic uses.
One row per behaviour: (text, reference date, expected [(mention text, value)] in order)."""
import pytest

CASES = [
    # a day right after a clock time is the day of a time (TIMEX3 type TIME), which factx leaves alone
    ("The relatives have until 9 a.m. Tuesday to sign the paper.", "2000-04-03", []),
    ("The offer runs until 5 p.m. EST, Nov. 9.", "1989-11-01", []),
    ("Talks broke off at noon Thursday.", "1998-02-13", []),
    ("The offer was to expire at midnight Friday.", "1989-11-01", []),
    # a day apart from the time, by a preposition, a parenthesis or a line break, is a date
    ("Posted at 5:30 p.m.\nNov. 9, 1989 - The offer was extended.", None, [("Nov. 9, 1989", "1989-11-09")]),
    ("He left the house at 6 a.m. on Friday.", "1989-11-01", [("Friday", "1989-10-27")]),
    ("The blast occurred at about 10:35 a.m. (0735 GMT) Friday, toppling a building.", "1998-08-08",
     [("Friday", "1998-08-07")]),
    # a capitalised relative date inside a name or a programme's title is no date; a sentence's first word is
    ("This is VOA Today.", "1998-03-31", []),
    ("Baker, speaking on ABC News' \"This Week,\" said the request was valid.", "1990-08-13", []),
    ("He said on \"This Week With David Brinkley\" that it works.", "1990-08-13", []),
    ("``Today, we know who did it,'' the prosecutor said.", "1999-05-07", [("Today", "1999-05-07")]),
    ("Apple Unveils New Phones Today\nApple showed two phones.", "2008-06-09", [("Today", "2008-06-09")]),
    ("President Clinton Thursday condemned the attacks.", "1998-08-14", [("Thursday", "1998-08-13")]),
    ("WASHINGTON Today the president signed the bill.", "1998-08-14", [("Today", "1998-08-14")]),
    # "today" and "tomorrow" in a generic sense (models/dates.json generic_nouns) are no date; a day's own
    # things are
    ("The case of Elian is for today's youth what the blockade was for their parents.", "2000-01-07", []),
    ("Intel's chips are in many of today's personal computers.", "1989-10-27", []),
    ("If I were choosing the people of tomorrow, I would choose these.", "1989-11-02", []),
    ("The offer, advertised in today's editions of the Journal, is open.", "1989-11-02", [("today", "1989-11-02")]),
    ("Tomorrow's vote has international implications.", "1998-03-03", [("Tomorrow", "1998-03-04")]),
    # "the next morning" is the day after the day the text last named, as TimeBank dates it
    ("He arrived on Friday. The next morning he left for Nairobi.", "1998-08-10",
     [("Friday", "1998-08-07"), ("The next morning", "1998-08-08")]),
    # a part of today has the TIMEX3 part-of-day value; a weekday's part of the day is that day, as TimeBank has it
    ("Apple announced this morning that shares rose.", "2008-01-09", [("this morning", "2008-01-09TMO")]),
    ("FRANKFURT, Feb 14 (Reuters) - Apple said this evening that shares rose.", None,
     [("Feb 14", "XXXX-02-14"), ("this evening", "XXXX-02-14TEV")]),
    ("Police said the boy was found Wednesday night near the school.", "2000-04-06", [("Wednesday", "2000-04-05")]),
    # a holiday that modifies a common noun names a season, not its day
    ("iPods sold well in the Christmas and New Year sales period. Successful Christmas sales lifted profit.",
     "2007-01-18", []),
    ("Stores stayed open on Christmas Eve and reopened the day after Christmas.", "2007-01-18",
     [("Christmas Eve", "2006-12-24"), ("the day after Christmas", "2006-12-26")]),
    ("He was found on Thanksgiving Day, and Christmas passed quietly.", "2000-01-07",
     [("Thanksgiving Day", "1999-11-25"), ("Christmas", "1999-12-25")]),
    # the period word after "the year-ago" is part of the date
    ("Net rose in the quarter, from $10.1 million in the year-ago period.", "1989-10-26",
     [("the quarter", "1989-Q3"), ("the year-ago period", "1988-Q3")]),
    # "for the foreseeable future" says how long (a duration in TimeML); "in the foreseeable future" is a date
    ("Ukraine would remain neutral for the foreseeable future, he said.", "1998-02-27", []),
    ("Prices will not fall in the foreseeable future.", "1998-02-27", [("the foreseeable future", "FUTURE_REF")]),
]


@pytest.mark.parametrize("text,ref,expected", CASES)
def test_dates_in_text(extractor, text, ref, expected):
    record = extractor.extract(text, date=ref)
    assert [(d["text"], d["value"]) for d in record["dates"]] == expected
