"""Issue 12: a plural title whose "before" link does not start at a name (an honorific between, a title
chain, a second title) crashed the people component with a KeyError. Each sentence gets its facts."""
import pytest


@pytest.mark.parametrize("text,name,title,not_titles", [
    # "Representatives" is part of the body's name, not a title of Tom Reed's
    ("House of Representatives speaker Tom Reed said.", "Tom Reed", "speaker", {"Representatives"}),
    # an honorific between the plural title and the name
    ("MPs Sir Tom Reed said.", "Tom Reed", None, set()),
    # a plural title before a second title names other people, not Ann Zorn
    ("Ministers and Speaker Ann Zorn met.", "Ann Zorn", "Speaker", {"Ministers"}),
    ("Senators Speaker Ann Zorn said.", "Ann Zorn", "Speaker", {"Senators"}),
])
def test_plural_title_before_a_non_name_start_does_not_crash(extractor, text, name, title, not_titles):
    record = extractor.extract(text)
    assert "error" not in record, record
    found = {p["name"]: p for p in record["people"]}
    assert name in found, found
    if title is not None:
        assert title in found[name]["titles"]
    assert not not_titles & set(found[name]["titles"])
    for t in record["titles"]:
        assert text[t["start"]:t["end"]] == t["text"]
        assert t["person"] in (None, *found)


def test_plural_title_with_an_honorific_still_links_the_list(extractor):
    found = {p["name"]: p for p in extractor.extract("Labour MPs Sir Tom Reed and Ann Zorn said.")["people"]}
    assert found["Tom Reed"]["titles"] == ["Labour MPs"]
    assert found["Ann Zorn"]["titles"] == ["Labour MPs"]
