"""Who said what: quotations and claims with their speakers."""

from __future__ import annotations

from eventwire.extract.base import Found, Parsed, step
from eventwire.records import Quote


@step(provides="quotes", requires=("entities",))
def quotes(doc: Parsed, found: Found) -> list[Quote]:
    return []
