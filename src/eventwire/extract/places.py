"""Places: toponyms resolved to GeoNames."""

from __future__ import annotations

from eventwire.extract.base import Found, Parsed, step
from eventwire.records import Place


@step(provides="places", requires=("entities",))
def places(doc: Parsed, found: Found) -> list[Place]:
    return []
