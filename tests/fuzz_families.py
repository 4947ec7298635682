"""Generated news-like inputs, by family, for the fuzz tests (test_fuzz.py) and benchmarks/sweep.py.

Each family is a function of a random.Random returning (text, reference date or None). The shapes are the
ones that broke factx before (issue 12): titles inserted before names, plural titles, honorifics,
possessives, lists, all-caps and title-case headlines with dates, extreme reference dates, long digit
strings, runs of symbols; and mutations of the sample articles. Names are invented.
"""
from __future__ import annotations

import random
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
FIRST = ["Ann", "Tom", "María José", "Takeshi", "Kofi", "Ines", "Jan", "Ewa", "Li", "Olu", "Zoë", "Jean-Pierre",
         "Aino", "Rui", "Hana", "Pieter", "Fatima", "Dmitri", "Ngozi", "Siobhán", "Kim", "Park", "Ahmed"]
LAST = ["Zorn", "Reed", "Quiroga", "Akahori", "Mensah", "Duarte", "Berg", "Nowak", "Wei", "Adeyemi-Bakare",
        "O'Driscoll", "van der Berg", "Laine", "Costa", "Novak", "Botha", "Al-Sayed", "Ivanov", "Okafor",
        "Mac Lochlainn", "Min-ho", "de la Cruz", "Hall", "Baker"]
TITLES = ["President", "Prime Minister", "Vice Minister of Foreign Affairs", "speaker", "Speaker", "Senator",
          "chief executive", "Chief Executive Officer", "Trade Minister", "head of strategy", "Governor",
          "Attorney General of Kenya", "coach", "Lt. Col.", "Gen.", "Rev.", "Judge", "professor", "MP",
          "House of Representatives speaker", "deputy director", "ambassador to Japan", "chairman", "King"]
PLURALS = ["Ministers", "Senators", "MPs", "Trade Ministers", "Labour MPs", "cabinet ministers", "Presidents",
           "Generals", "judges", "Governors"]
HONORIFICS = ["Mr.", "Ms.", "Mrs.", "Dr.", "Sir", "Dame", "Lord", "Sheikh", "Prof.", "the Most Rev.", "Mr", "Lt."]
COUNTRIES = ["Spain", "Sweden", "Poland", "Japan", "Mexico", "Kenya", "Georgia", "Ghana", "Portugal", "Chile",
             "the United States", "Britain", "Congo", "Jordan", "Chad", "Turkey", "Kosovo", "Niger"]
NATIONALITIES = ["Peruvian", "Austrian", "South African", "Finnish", "Uruguayan", "Czech", "Japanese", "Mexican",
                 "Chilean", "Norwegian", "Georgian", "Canadian-born", "British", "American", "Kenyan"]
VERBS = ["said", "met", "said on Friday", "told reporters", "resigned", "was named", "arrived", "denied it",
         "said:", "'s office said", "won 6-5", "spoke"]
DATES = ["on Monday", "last week", "on Christmas", "on Christmas 0000", "in the fourth quarter", "yesterday",
         "1000000000 days ago", "on December 31, 9999", "in 0999", "next year", "in the 1990s", "a year ago",
         "on Feb 30", "in Q5", "on the 99th", "in week 54", "ON FRIDAY", "in 10000", "on 9999-12-31"]
SYMBOLS = ["😀", "=", "$", "(", "—", "*", "#", "€", "&", "ß", "\u200b", "\u0301", "\ufffd", "‘", "|", "…", "%"]
REFS = [None, "2013-03-22", "0001-01-01", "0999-06-01", "9999-12-31", "1000-01-01", "2000-02-29"]
EXTREME_REFS = ["0001-01-01", "0999-06-01", "9999-12-31", "9999-01-01", "0100-03-01", "1582-10-10"]


def _name(r: random.Random) -> str:
    return f"{r.choice(FIRST)} {r.choice(LAST)}"


def _ref(r: random.Random):
    return r.choice(REFS)


def titles_before_names(r):
    parts = [r.choice(TITLES) for _ in range(r.randint(1, 3))]
    if r.random() < 0.3:
        parts.insert(r.randrange(len(parts) + 1), r.choice(NATIONALITIES))
    if r.random() < 0.3:
        parts.append(r.choice(HONORIFICS))
    return f"{' '.join(parts)} {_name(r)} {r.choice(VERBS)} {r.choice(DATES)}.", _ref(r)


def plural_titles(r):
    names = [(r.choice(HONORIFICS) + " " if r.random() < 0.3 else "") + _name(r) for _ in range(r.randint(1, 4))]
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + r.choice([" and ", ", and ", " & "]) + names[-1]
    lead = r.choice(PLURALS) + (f" and {r.choice(TITLES)}" if r.random() < 0.4 else "")
    if r.random() < 0.3:
        lead = f"{r.choice(PLURALS)} {lead}"
    return f"{lead} {joined} {r.choice(VERBS)}.", _ref(r)


def honorifics(r):
    chain = " ".join(r.choice(HONORIFICS) for _ in range(r.randint(1, 3)))
    surname = r.choice(LAST)
    return (f"{chain} {r.choice(FIRST)} {surname} {r.choice(VERBS)}. Later {r.choice(HONORIFICS)} {surname}'s "
            f"aide {r.choice(VERBS)} {r.choice(DATES)}.", _ref(r))


def possessives(r):
    who = _name(r)
    return (f"{r.choice(COUNTRIES)}'s {r.choice(TITLES)} {who}'s {r.choice(['office', 'wife', 'plan'])} "
            f"{r.choice(VERBS)}; {who.split()[-1]}'s {r.choice(COUNTRIES)}'s {r.choice(TITLES)} "
            f"{r.choice(VERBS)}.", _ref(r))


def lists(r):
    items = [f"{_name(r)} of {r.choice(COUNTRIES)}" for _ in range(r.randint(2, 5))]
    return f"{r.choice(PLURALS)} {', '.join(items[:-1])} and {items[-1]} met {r.choice(DATES)}.", _ref(r)


def headlines(r):
    words = [r.choice(TITLES), _name(r), r.choice(["BACKS", "AGREE TO", "Wins", "SWEEPING REFORMS", '"FAIR PAY"',
                                                    "BILL", "sources said", "BREAKING NEWS:", "O'NEILL", "U.S.",
                                                    "(Reuters)", "-", "—", "OF THE", "AND"]) * r.randint(1, 4)]
    for _ in range(r.randint(3, 20)):
        words.append(r.choice(["OFFICIALS", "AGREE", "REFORMS,", "SENATE", "MAJORITY", "LEADER", "HOUSEHOLD", "BILL",
                               "ON", "MONDAY", "TRADE", "TALKS", "Collapse", "As", "Markets", "Fall", "&", "2013"]))
    r.shuffle(words)
    headline = " ".join(words)
    headline = r.choice([headline.upper(), headline.title(), headline])
    return f"{headline} {r.choice(DATES)}\n\n{_name(r)} {r.choice(VERBS)}.", _ref(r)


def extreme_dates(r):
    place = r.choice(["BRUSSELS", "WASHINGTON", "LISBON, Portugal", "FRANKFURT"])
    dateline = r.choice(["December 31, 9999", "Jan 1, 0001", "Feb 29, 2100", "March 22, 0000", "Feb 14 (Reuters)",
                         "99999", "9999-12-31", "June 4, 2024"])
    body = " ".join(f"{_name(r)} {r.choice(VERBS)} {r.choice(DATES)}." for _ in range(r.randint(1, 4)))
    return f"{place}, {dateline} - {body}", r.choice(EXTREME_REFS + [None])


def digits(r):
    n = r.choice([1, 3, 20, 309, 400, 2000])
    number = r.choice(["9" * n, ",".join(["999"] * max(1, n // 3)), "1" + "0" * n, "0." + "0" * n + "1",
                       "1e" + "9" * min(n, 20), "-" + "9" * n])
    money = r.choice(["$", "€", "US$ ", "Rs ", "", "£"]) + number + r.choice(["", " billion", "m", " crore",
                                                                              " dollars", " to $1 million", "-6"])
    return f"It cost {money}, {_name(r)} said; the score was {r.randint(0, 99)}-{r.randint(0, 99)}.", _ref(r)


def symbol_runs(r):
    run = "".join(r.choice(SYMBOLS) for _ in range(r.randint(1, 3))) * r.randint(50, 3000)
    if r.random() < 0.3:
        run = " ".join(run[i:i + 7] for i in range(0, len(run), 7))
    return f"{run} {_name(r)} said it cost $5 million {r.choice(DATES)}. {run}", _ref(r)


def mutated_samples(r):
    texts = sorted(SAMPLES.glob("*.txt"))
    text = r.choice(texts).read_text(encoding="utf-8")
    words = text.split(" ")
    for _ in range(r.randint(1, 12)):
        k = r.randrange(len(words))
        words[k] = r.choice([words[k].upper(), f"{r.choice(TITLES)} {words[k]}", f"{r.choice(PLURALS)} {words[k]}",
                             f"{r.choice(HONORIFICS)} {words[k]}", words[k] + "'s", words[k] + r.choice(SYMBOLS) * 300,
                             f"{words[k]} {r.choice(DATES)}", ""])
    text = " ".join(words)
    return r.choice([text, text.upper(), text.title()]) if r.random() < 0.2 else text, _ref(r)


FAMILIES = {f.__name__: f for f in (titles_before_names, plural_titles, honorifics, possessives, lists, headlines,
                                     extreme_dates, digits, symbol_runs, mutated_samples)}


def generate(family: str, n: int, seed: int = 0):
    """n records {"id", "text", "date"} of one family, reproducible from the seed."""
    r = random.Random(f"{family}-{seed}")
    for k in range(n):
        text, ref = FAMILIES[family](r)
        yield {"id": f"{family}-{k}", "text": text} | ({"date": ref} if ref else {})
