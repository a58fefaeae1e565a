"""How an incident combines its reports' counts of the killed and injured."""

from __future__ import annotations

from eventwire.link.incidents import best_estimate


def test_tied_reports_take_the_larger_death_count_and_the_smaller_injured_count():
    early = {"killed": 0, "injured": 2, "day": 736000}
    later = {"killed": 1, "injured": 1, "day": 736001}
    estimate = best_estimate([early, later])
    assert (estimate["killed"], estimate["injured"]) == (1, 1)


def test_the_count_most_reports_give_wins():
    reports = [{"killed": 2, "injured": 0}, {"killed": 1, "injured": 3}, {"killed": 1, "injured": 3}]
    estimate = best_estimate(reports)
    assert (estimate["killed"], estimate["injured"]) == (1, 3)


def test_a_headline_over_an_empty_page_still_counts_the_victim():
    from store_records import make_record

    from eventwire.link.casualties import casualty_counts

    wall = make_record("h", "Please confirm your email address to keep reading.", "2016-05-10",
                       title="Girl, 6, wounded in accidental shooting at Marlow home")
    assert casualty_counts(wall) == {"killed": 0, "injured": 1}
    himself = make_record("g", "Deputies were called to a farm near Tolliver.", "2016-05-10",
                          title="Boy, 4, shoots himself with his father's pistol")
    assert casualty_counts(himself) == {"killed": 0, "injured": 1}
