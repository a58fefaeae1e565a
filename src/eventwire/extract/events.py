"""Events: PLOVER / CAMEO / ACLED coding with actors, place, time, status and evidence."""

from __future__ import annotations

from eventwire.extract.base import Found, Parsed, step
from eventwire.records import Event


@step(provides="events", requires=("entities", "places", "times", "quotes", "figures"))
def events(doc: Parsed, found: Found) -> list[Event]:
    return []
