"""How many people a report says were killed and injured in the happening it reports, and every count it
gives with its claimant: read from the record's ``casualties`` (the extraction step eventwire.extract.casualties,
which keeps the words each count comes from), or worked out from the record's figures and events when it was
written without them.

``toll_claims`` keeps every count with its claimant, for best estimates that show disputes.
"""

from __future__ import annotations

from typing import Any

from eventwire.extract.casualties import casualties_of_record
from eventwire.records import Casualty

__all__ = ["casualty_counts", "toll_claims"]


def _casualties(record: dict) -> list[dict[str, Any]]:
    given = record.get("casualties")
    if isinstance(given, list):
        return [c for c in given if isinstance(c, dict) and c.get("kind") in ("killed", "injured")]
    return [_as_dict(c) for c in casualties_of_record(record)]


def _as_dict(casualty: Casualty) -> dict[str, Any]:
    return {"kind": casualty.kind, "value": casualty.value, "figure": casualty.figure, "main": casualty.main}


def casualty_counts(record: dict) -> dict[str, Any]:
    """{"killed": n | None, "injured": n | None} for the report's main happening."""
    counts: dict[str, Any] = {"killed": None, "injured": None}
    for casualty in _casualties(record):
        if casualty.get("main") and counts[casualty["kind"]] is None and isinstance(casualty.get("value"), int):
            counts[casualty["kind"]] = casualty["value"]
    return counts


def toll_claims(record: dict) -> list[dict]:
    """Every count of killed or injured people the record gives, with its claimant's name and whether the
    claimant is a party (an organisation, a government, a group: anything but one person): the record of who
    said what that best estimates and disputes are computed from."""
    figures = record.get("figures") or []
    entities = {e.get("id"): e for e in record.get("entities") or [] if isinstance(e, dict)}
    claims = []
    for casualty in sorted((c for c in _casualties(record) if isinstance(c.get("figure"), int)),
                           key=lambda c: c["figure"]):
        figure = figures[casualty["figure"]] if 0 <= casualty["figure"] < len(figures) else {}
        entity = entities.get(figure.get("claimant") if isinstance(figure, dict) else None) or {}
        claims.append({"field": casualty["kind"], "value": casualty["value"], "claimant": entity.get("name") or None,
                       "party": bool(entity.get("name")) and entity.get("type") != "PERSON"})
    return claims
