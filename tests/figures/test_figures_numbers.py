"""Numbers as news writes them, and the numbers that are not counts."""

import pytest

from eventwire.extract.numbers.expressions import find_numbers
from eventwire.extract.numbers.noncounts import NonCounts


def only(text):
    [mention] = find_numbers(text)
    return mention


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12,500 people", 12500),
        ("9 300 households", 9300),
        ("1.2 million residents", 1_200_000),
        ("2.14 lakh people", 214_000),
        ("seventy villagers", 70),
        ("two hundred and fifty families", 250),
        ("seventy-five homes", 75),
        ("2.000 mineros", 2000),
        ("3 mil viviendas", 3000),
        ("61, 000 people", 61000),
        ("a dozen soldiers", 12),
        ("1.2m people", 1_200_000),
    ],
)
def test_values_of_written_numbers(text, value):
    assert only(text).value == value


def test_vague_amounts_have_bounds_and_no_value():
    mention = only("hundreds of civilians")
    assert (mention.value, mention.low, mention.high, mention.approx) == (None, 200, 999, True)
    assert only("tens of thousands of people").low == 20000


def test_ranges_bound_one_amount():
    for text in ("between 50 and 60 people", "50-60 people", "50 to 60 people"):
        mention = only(text)
        assert (mention.kind, mention.value, mention.low, mention.high) == ("range", None, 50, 60), text
    assert (only("between 2 and 3 million").low, only("between 2 and 3 million").high) == (2_000_000, 3_000_000)


@pytest.mark.parametrize(
    ("text", "low", "high", "approx"),
    [
        ("at least 60 homes", 60, None, False),
        ("more than 1,000 people", 1000, None, False),
        ("up to 7,800 IDPs", None, 7800, False),
        ("nearly 70,000 people", None, 70000, True),
        ("about 250 families", None, None, True),
        ("some 800 people", None, None, True),
    ],
)
def test_bounds_and_approximations_keep_the_value(text, low, high, approx):
    mention = only(text)
    assert mention.value is not None
    assert (mention.low, mention.high, mention.approx) == (low, high, approx)
    assert text.startswith(text[mention.start:mention.end])


@pytest.mark.parametrize(
    "text",
    ["a 19-year-old student", "a rise of 5% in prices", "a $5 million grant", "on 3 February the rain",
     "on March 28 and 29 the river", "at 09:00 local time", "aged 45", "Route 66", "no one was hurt"],
)
def test_non_counts_are_recognised(text):
    noncounts = NonCounts(text)
    assert all(noncounts.is_noncount(m) for m in find_numbers(text)), text


def test_counts_are_not_mistaken_for_non_counts():
    text = "In 2013, 1,200 people fled on 4 May."
    noncounts = NonCounts(text)
    kept = [text[m.core_start:m.core_end] for m in find_numbers(text) if not noncounts.is_noncount(m)]
    assert "1,200" in kept and "4" not in kept


def test_other_languages_write_bounds_and_round_amounts_too():
    mention = only("más de 2.000 mineros")
    assert (mention.value, mention.low) == (2000, 2000)
    assert only("un centenar de casas").value == 100 and only("un centenar de casas").approx
    assert (only("plus de 2 500 personnes").value, only("plus de 2 500 personnes").low) == (2500, 2500)


def test_percentages_of_a_count_become_fractions():
    mention = find_numbers("70 per cent of the residents")[0]
    assert (mention.kind, mention.value) == ("fraction", 0.7)
    assert find_numbers("a rise of 5% in May")[0].kind == "exact"


def test_number_words_have_one_home_other_steps_can_read():
    from eventwire.extract.numbers.words import fractions, word_value

    assert word_value("seventy-two") == 72
    assert word_value("two hundred and fifty") == 250
    assert word_value("a dozen") == 12
    assert word_value("three million") == 3_000_000
    assert word_value("several") is None
    assert fractions()["two-thirds"] == 2 / 3
