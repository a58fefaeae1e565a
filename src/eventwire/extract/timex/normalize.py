"""Normalisation: the named groups of a rule match, turned into a TIMEX3 value in news mode.

News mode anchors every relative expression on the document creation time (the publication date). Where a
date is underspecified (a weekday, a month without its year), the tense of the clause decides: a past report
points back, a plan points forward. Conventions chosen where TimeML leaves room:

- "midnight" on a named day is the end of that day, as TimeML writes it: "midnight on August 8" is
  ``…-08-08T24:00`` (the same instant as ``…-08-09T00:00``); news usage ("the deadline expires at midnight
  Friday") means the night that closes the day.
- decades are ``199X``; centuries are their two leading digits (``19`` for the 20th century).
- "late on August 7" is the night of that day (``…-08-07TNI``); "early on" is its morning.

Absolute forms ("Aug. 7, 1998", "7 August", "2008-08-07") are read by the rules themselves: dateparser was
measured at about 2 ms a call and returns a datetime without granularity ("March 2029" becomes a day), so it
would cost more than the whole step and still need this module to recover the TimeML value.
"""

from __future__ import annotations

from eventwire.extract.timex.calendar_ops import (
    op_century,
    op_clock,
    op_date,
    op_decade,
    op_half,
    op_holiday,
    op_late_on,
    op_month,
    op_quarter,
    op_season,
    op_year,
)
from eventwire.extract.timex.relative_ops import (
    op_ago,
    op_ahead,
    op_anaphoric,
    op_anaphoric_part,
    op_clock_ref,
    op_deictic,
    op_duration,
    op_generic_season,
    op_offset,
    op_part_of_day,
    op_reference,
    op_rel_unit,
    op_set,
    op_the_unit,
    op_week_of,
    op_weekday,
    op_weekday_part,
    op_year_end,
)
from eventwire.extract.timex.values import FUTURE, PAST, PRESENT, Context, Op, Value

__all__ = ["FUTURE", "OPS", "PAST", "PRESENT", "Context", "Value", "normalise"]

OPS: dict[str, Op] = {
    "date": op_date, "late_on": op_late_on, "clock": op_clock, "holiday": op_holiday, "month": op_month,
    "year": op_year, "decade": op_decade, "century": op_century, "season": op_season, "quarter": op_quarter,
    "half": op_half, "weekday": op_weekday, "deictic": op_deictic, "part_of_day": op_part_of_day,
    "rel_unit": op_rel_unit, "the_unit": op_the_unit, "ago": op_ago, "offset": op_offset,
    "reference": op_reference, "set": op_set, "duration": op_duration, "year_end": op_year_end,
    "anaphoric": op_anaphoric, "week_of": op_week_of, "ahead": op_ahead, "weekday_part": op_weekday_part,
    "generic_season": op_generic_season, "anaphoric_part": op_anaphoric_part, "clock_ref": op_clock_ref,
}


def normalise(op: str, groups: dict[str, str], ctx: Context) -> Value:
    """The TIMEX3 value of a match; Value(None) where the groups do not make a valid value."""
    try:
        return OPS[op](groups, ctx)
    except (KeyError, ValueError, IndexError, AttributeError):
        return Value(None)
