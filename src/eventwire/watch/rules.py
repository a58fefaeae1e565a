"""Alert rules, as pure functions: what changed in an incident, and which rules that change fires.

A rule's conditions are AND-ed. ``type``, ``killed_at_least``, ``actor``, ``country`` and ``bbox`` test the
incident as it now stands; ``new_incident``, ``toll_rises`` and ``sources_disagree`` test what the batch just
did to it. A rule with none of those three fires once per incident, when the incident first matches.
One alert per (rule, incident, change): the change key names the new state (``killed=8``), so the same
change seen again (after a restart, say) is the same alert.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from eventwire.watch.config import Rule

TOLLS = ("killed", "injured")
CHANGE_CONDITIONS = ("new_incident", "toll_rises", "sources_disagree")


@dataclass
class Change:
    """What one batch did to one incident."""

    new: bool
    rises: dict[str, tuple[int | None, int]] = field(default_factory=dict)  # field: (before, now)
    disagreements: list[str] = field(default_factory=list)  # fields whose reports now conflict, newly

    def __bool__(self) -> bool:
        return self.new or bool(self.rises) or bool(self.disagreements)


def disputed_fields(record: dict) -> list[str]:
    """Fields (killed, injured) on which sources conflict: two claimants in one report give different numbers,
    or a later report gives a lower number than an earlier one. A toll that only rises is not a dispute."""
    order = {doc: n for n, doc in enumerate(record.get("documents") or [])}
    disputed = []
    for name in TOLLS:
        claims = [(order.get(c.get("document"), 0), c.get("claimant"), c["value"]) for c in record.get("claims") or []
                  if c.get("field") == name and isinstance(c.get("value"), int) and not isinstance(c["value"], bool)]
        if any(_conflict(a, b) for i, a in enumerate(claims[:200]) for b in claims[i + 1 : 200]):
            disputed.append(name)
    return disputed


def _conflict(a: tuple, b: tuple) -> bool:
    (doc_a, who_a, value_a), (doc_b, who_b, value_b) = sorted((a, b), key=lambda claim: claim[0])
    if doc_a == doc_b:
        return value_a != value_b and who_a != who_b
    return value_b < value_a


def change_of(record: dict, snapshot: dict | None) -> Change:
    """The difference between an incident's record and the snapshot taken when rules last saw it."""
    disputed = disputed_fields(record)
    if snapshot is None:
        return Change(new=True, disagreements=disputed)
    rises = {}
    for name in TOLLS:
        before, now = snapshot.get(name), record.get(name)
        if isinstance(now, int) and (before is None or now > before):
            rises[name] = (before, now)
    return Change(new=False, rises=rises, disagreements=[f for f in disputed if f not in snapshot["disputed"]])


def snapshot_of(record: dict) -> dict:
    return {"incident": record["incident"], "documents": len(record.get("documents") or []),
            "killed": record.get("killed"), "injured": record.get("injured"), "disputed": disputed_fields(record)}


def matches_state(when: dict[str, Any], record: dict) -> bool:
    """The conditions on the incident as it stands (type, toll, actor, country, area)."""
    if "type" in when and (record.get("type") or "") not in when["type"]:
        return False
    if "killed_at_least" in when and not (isinstance(record.get("killed"), int)
                                          and record["killed"] >= when["killed_at_least"]):
        return False
    if "actor" in when and not any(when["actor"] in str(name).lower() for name in record.get("actors") or []):
        return False
    place = record.get("place") if isinstance(record.get("place"), dict) else {}
    if "country" in when and str(place.get("country") or "").upper() != when["country"]:
        return False
    return not ("bbox" in when and not _inside(place, when["bbox"]))


def _inside(place: dict, bbox: tuple[float, float, float, float]) -> bool:
    lat, lon = place.get("lat"), place.get("lon")
    if not isinstance(lat, int | float) or not isinstance(lon, int | float):
        return False
    west, south, east, north = bbox
    in_lon = west <= lon <= east if west <= east else (lon >= west or lon <= east)  # across the date line
    return south <= lat <= north and in_lon


def fired(rule: Rule, record: dict, change: Change) -> tuple[str, dict] | None:
    """(change key, change as JSON) when the rule fires for this change, else None."""
    when = rule.when
    if not matches_state(when, record):
        return None
    asked = [name for name in CHANGE_CONDITIONS if when.get(name)]
    if not asked:
        return "matched", describe(change, ["matched"])
    if "new_incident" in asked and not change.new:
        return None
    if "toll_rises" in asked and not change.rises:
        return None
    if "sources_disagree" in asked and not change.disagreements:
        return None
    parts = []
    if "new_incident" in asked:
        parts.append("new")
    if "toll_rises" in asked:
        parts += [f"{name}={now}" for name, (_before, now) in sorted(change.rises.items())]
    if "sources_disagree" in asked:
        parts += [f"disputed:{name}" for name in sorted(change.disagreements)]
    return ";".join(parts), describe(change, asked)


def describe(change: Change, kinds: list[str]) -> dict:
    return {"kinds": kinds, "new_incident": change.new,
            "toll_rises": {name: {"from": before, "to": now} for name, (before, now) in change.rises.items()},
            "sources_disagree": list(change.disagreements)}


def alert_id(rule: str, incident: str, change_key: str) -> str:
    """Stable across restarts: the same rule, incident and change always give the same id."""
    return hashlib.sha256(f"{rule}\x1f{incident}\x1f{change_key}".encode()).hexdigest()[:32]
