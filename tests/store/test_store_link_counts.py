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
