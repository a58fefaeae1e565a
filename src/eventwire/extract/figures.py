"""Figures: casualties, displacement and other reported counts."""

from __future__ import annotations

from eventwire.extract.base import Found, Parsed, step
from eventwire.records import Figure


@step(provides="figures", requires=("entities", "quotes", "times", "places"))
def figures(doc: Parsed, found: Found) -> list[Figure]:
    return []
