"""Time expressions (TIMEX3), normalised against the publication date."""

from __future__ import annotations

from eventwire.extract.base import Found, Parsed, step
from eventwire.records import TimeExpr


@step(provides="times")
def times(doc: Parsed, found: Found) -> list[TimeExpr]:
    return []
