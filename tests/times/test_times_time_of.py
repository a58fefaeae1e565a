"""time_of: dating a clause by its governing time expression, the nearest anchor, or the publication date."""

from __future__ import annotations

from eventwire.extract.base import Found
from eventwire.extract.times import time_of, times

PUBLISHED = "2030-05-08"


def _setup(parsed, text: str, published: str | None = PUBLISHED):
    doc = parsed(text, published=published)
    return doc, times(doc, Found())


def _span(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


def test_the_time_attached_to_the_same_verb_governs(parsed):
    text = "Rebels attacked Dorvik on Monday, and the army will respond on Friday."
    doc, found = _setup(parsed, text)
    i, iso, precision = time_of(doc, found, *_span(text, "attacked"))
    assert found[i].text == "Monday" and (iso, precision) == ("2030-05-06", "day")
    i, iso, precision = time_of(doc, found, *_span(text, "respond"))
    assert found[i].text == "Friday" and (iso, precision) == ("2030-05-10", "day")


def test_without_a_time_in_the_clause_the_preceding_anchor_is_used(parsed):
    text = "In March 2029, floods hit the valley. Hundreds of families fled their homes."
    doc, found = _setup(parsed, text)
    i, iso, precision = time_of(doc, found, *_span(text, "fled"))
    assert found[i].text == "March 2029"
    assert (iso, precision) == ("2029-03", "month")


def test_durations_and_references_are_not_anchors(parsed):
    text = "The siege lasted three weeks. Now aid convoys are arriving."
    doc, found = _setup(parsed, text)
    assert time_of(doc, found, *_span(text, "arriving")) == (None, PUBLISHED, "published")


def test_decade_precision(parsed):
    text = "The town was rebuilt in the 1990s."
    doc, found = _setup(parsed, text)
    i, iso, precision = time_of(doc, found, *_span(text, "rebuilt"))
    assert (found[i].text, iso, precision) == ("the 1990s", "199X", "decade")


def test_unknown_without_publication_date(parsed):
    text = "Gunmen stormed the market."
    doc, found = _setup(parsed, text, published=None)
    assert time_of(doc, found, *_span(text, "stormed")) == (None, None, "unknown")


def test_seasons_and_weeks_have_coarse_precision(parsed):
    text = "The dam was built in the winter of 2029. Floods hit the valley last week."
    doc, found = _setup(parsed, text)
    assert time_of(doc, found, *_span(text, "built"))[1:] == ("2029-WI", "year")
    assert time_of(doc, found, *_span(text, "hit"))[1:] == ("2030-W18", "month")
