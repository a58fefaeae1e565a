"""The temporal tagger on sentences written for it, published on fixed dates."""

from __future__ import annotations

import pytest

from eventwire.extract.base import Found
from eventwire.extract.times import times

WEDNESDAY = "2030-05-08"  # ISO week 2030-W19


@pytest.fixture
def tag(parsed):
    def run(text: str, published: str = WEDNESDAY) -> dict[str, tuple[str, str]]:
        return {t.text: (t.type, t.value) for t in times(parsed(text, published=published), Found())}

    return run


def test_seed_like_expressions_resolve_against_publication(tag):
    found = tag("Artillery began pounding Karvossa late on March 3, a witness said. The carrier will halt all "
                "flights from midnight on March 4. Militia fighters overnight seized the depot.", "2030-03-04")
    assert found["late on March 3"] == ("TIME", "2030-03-03TNI")
    assert found["midnight on March 4"] == ("TIME", "2030-03-04T24:00")
    assert found["overnight"] == ("TIME", "2030-03-03TNI")


def test_decades_years_and_ranges(tag):
    found = tag("The province broke away in the early 1980s after a 1991-92 war; a 1994 truce still holds.")
    assert found["the early 1980s"] == ("DATE", "198X")
    assert found["1994"] == ("DATE", "1994")
    assert found["1991-92"][1] == "1991"


def test_durations_keep_their_units(tag):
    found = tag("Both sides agreed to a four-hour truce. Talks lasted for the past three months and about "
                "two and a half years before that.")
    assert found["four-hour"] == ("DURATION", "PT4H")
    assert found["the past three months"] == ("DURATION", "P3M")
    assert found["about two and a half years"] == ("DURATION", "P2Y6M")


def test_weekdays_point_back_in_past_reports_and_forward_in_plans(tag):
    found = tag("Rebels attacked the convoy on Monday. The envoy will travel to Dorvik on Friday.")
    assert found["Monday"] == ("DATE", "2030-05-06")
    assert found["Friday"] == ("DATE", "2030-05-10")


def test_relative_expressions(tag):
    found = tag("The dam burst two weeks ago. Prices rose last month and fell this week. Output was higher "
                "a year earlier. Now the region is calm; it was recently flooded in past years.")
    assert found["two weeks ago"] == ("DATE", "2030-W17")
    assert found["last month"] == ("DATE", "2030-04")
    assert found["this week"] == ("DATE", "2030-W19")
    assert found["a year earlier"] == ("DATE", "2029")
    assert found["Now"] == ("DATE", "PRESENT_REF")
    assert found["recently"] == ("DATE", "PAST_REF")
    assert found["past years"] == ("DATE", "PAST_REF")


def test_sets(tag):
    found = tag("Patrols pass each day and the market opens every Tuesday; the bulletin is published weekly.")
    assert found["each day"] == ("SET", "P1D")
    assert found["every Tuesday"] == ("SET", "XXXX-WXX-2")
    assert found["weekly"] == ("SET", "P1W")


def test_parts_of_day_and_clock_times(tag):
    found = tag("Troops crossed the river in the pre-dawn hours. The blast came at 10:35 a.m. Tuesday.")
    assert found["the pre-dawn hours"][0] == "TIME"
    assert found["the pre-dawn hours"][1].startswith("2030-05-0")
    assert found["10:35 a.m. Tuesday"] == ("TIME", "2030-05-07T10:35")


def test_underspecified_months_follow_the_tense(tag):
    past = tag("The levee failed in November, officials said.", "2030-02-10")
    assert past["November"] == ("DATE", "2029-11")
    future = tag("Elections will be held in January.", "2030-11-10")
    assert future["January"] == ("DATE", "2031-01")
    dated = tag("The bridge reopened on Sept. 9, 2028.")
    assert dated["Sept. 9, 2028"] == ("DATE", "2028-09-09")


def test_quarters_and_fiscal_years(tag):
    found = tag("Profit fell in the third quarter and rose in fiscal 2029.", "2030-11-02")
    assert found["the third quarter"] == ("DATE", "2030-Q3")
    assert found["fiscal 2029"] == ("DATE", "2029")


def test_words_that_only_look_like_times_are_left_alone(tag):
    found = tag("Officials may visit the camp. The March for Peace drew 2000 people, and 1500 troops "
                "patrolled the market. A 7-year-old girl read the quarterly report.")
    assert found == {}


def test_no_publication_date_still_tags(parsed):
    out = times(parsed("The ceasefire began on Monday."), Found())
    assert [t.text for t in out] == ["Monday"]
    assert out[0].value is not None


def test_until_points_ahead_only_for_deadlines(tag):
    found = tag("The fighting went on until Sunday. The court extended the deadline until Friday.")
    assert found["Sunday"] == ("DATE", "2030-05-05")
    assert found["Friday"] == ("DATE", "2030-05-10")


def test_anaphoric_expressions_take_the_previous_date(tag):
    found = tag("Rebels entered Karvossa on March 2, 2029. Later that evening, the mayor fled. The town fell "
                "in the early hours of Sunday.")
    assert found["Later that evening"][1] == "2029-03-02TEV"
    assert found["Sunday"] == ("DATE", "2030-05-05")  # TimeML tags the day, not "the early hours of"
    assert "the early hours" not in found


def test_the_following_year_counts_from_the_date_just_named(tag):
    found = tag("She joined the army in 2021 and the following year she was promoted. Talks began on March 3, "
                "2029 and collapsed the next day.")
    assert found["the following year"] == ("DATE", "2022")
    assert found["the next day"] == ("DATE", "2029-03-04")
