"""Key-value fact lines, as in a factbox ("Capital: ...", "Population: ...")."""

from __future__ import annotations

from eventwire.extract.base import Found, Parsed, step
from eventwire.records import Fact


@step(provides="facts")
def facts(doc: Parsed, found: Found) -> list[Fact]:
    return []
