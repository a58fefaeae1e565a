"""Actors: people, organisations and states, with roles, countries and sectors."""

from __future__ import annotations

from eventwire.extract.base import Found, Parsed, step
from eventwire.records import Entity


@step(provides="entities")
def entities(doc: Parsed, found: Found) -> list[Entity]:
    return []
