"""The pure pieces of normalisation: numbers, durations, years of underspecified dates, weekdays."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.extract.timex.grammar import rules
from eventwire.extract.timex.normalize import FUTURE, PAST, Context, normalise
from eventwire.extract.timex.values import duration_value, infer_year, parse_number, resolve_weekday

WEDNESDAY = date(2030, 5, 8)


@pytest.mark.parametrize(("text", "number"), [("three", 3), ("twenty four", 24), ("twenty-four", 24),
                                               ("5 1/2", 5.5), ("a couple of", 2), ("1,200", 1200),
                                               ("several", None)])
def test_parse_number(text, number):
    assert parse_number(text) == number


@pytest.mark.parametrize(("n", "unit", "value"), [(3, "H", "PT3H"), (3, "M", "P3M"), (None, "Y", "PXY"),
                                                  (1.5, "Y", "P1Y6M"), (1.5, "MIN", "PT1M30S"), (2, "Q", "P6M"),
                                                  (None, "H", "PTXH"), (1, "DE", "P10Y"),
                                                  (None, "DE", "PXDE")])
def test_duration_value(n, unit, value):
    assert duration_value(n, unit) == value


def test_underspecified_dates_do_not_land_in_the_future_of_a_past_report():
    assert infer_year(11, None, Context(date(2030, 2, 10), PAST)) == 2029
    assert infer_year(1, None, Context(date(2030, 11, 10), FUTURE)) == 2031
    assert infer_year(3, None, Context(date(2030, 3, 20), PAST)) == 2030
    # a deadline a few weeks ahead stays in this year even when told in the past tense
    assert infer_year(3, 1, Context(date(2030, 2, 10), PAST)) == 2030


def test_weekdays():
    assert resolve_weekday(1, Context(WEDNESDAY, PAST)) == date(2030, 5, 6)
    assert resolve_weekday(1, Context(WEDNESDAY, FUTURE)) == date(2030, 5, 13)
    assert resolve_weekday(3, Context(WEDNESDAY, PAST)) == WEDNESDAY
    assert resolve_weekday(5, Context(WEDNESDAY, None), "last") == date(2030, 5, 3)
    assert resolve_weekday(5, Context(WEDNESDAY, None), "next") == date(2030, 5, 10)


def test_spoken_years_and_bad_dates():
    ctx = Context(WEDNESDAY, PAST)
    assert normalise("year", {"year": "nineteen ninety-six"}, ctx).value == "1996"
    assert normalise("date", {"month": "Feb.", "day": "30", "year": "2030"}, ctx).value is None


def test_rules_are_compiled_once_per_process():
    assert rules() is rules()
    assert all(rule.regex.pattern for rule in rules())
