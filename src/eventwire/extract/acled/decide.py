"""ACLED's decision rules (``acled_rules.json``) applied to a sentence's situation, and the inter codes."""

from __future__ import annotations

from typing import Any

from eventwire.extract.acled.lexicon import rules, sub_events
from eventwire.extract.acled.situation import Situation

KIND_NAMES = {1: "state forces", 2: "rebel group", 3: "political militia", 4: "identity militia", 5: "rioters",
              6: "protesters", 7: "civilians", 8: "external/other forces"}


def holds(rule: dict[str, Any], found: Situation) -> bool:
    """Whether every condition of a rule holds for the situation (absent conditions hold)."""
    sets = {"tags": found.tags, "kinds": found.kinds, "actor": found.actor, "recipient": found.recipient,
            "others": found.others, "families": {h.family for h in found.happenings},
            "doc_tags": found.doc_tags, "doc_kinds": found.doc_kinds}
    if "family" in rule and found.family not in rule["family"]:
        return False
    if "tags_all" in rule and not set(rule["tags_all"]) <= found.tags:
        return False
    for name, values in sets.items():
        if f"{name}_any" in rule and not values & set(rule[f"{name}_any"]):
            return False
        if f"{name}_none" in rule and values & set(rule[f"{name}_none"]):
            return False
    return True


def first_rule(found: Situation) -> dict[str, Any] | None:
    return next((rule for rule in rules()["rules"] if holds(rule, found)), None)


def sub_event_type(found: Situation) -> str | None:
    """The ACLED sub-event type of the sentence's main happening, None where ACLED codes nothing."""
    if not found.happenings and not found.tags & {"chemical", "suicide", "grenade"}:
        return None
    rule = first_rule(found)
    return rule["sub"] if rule else None


def coding(sub: str, found: Situation) -> dict[str, Any]:
    """The ``acled`` field of an event: event type, sub-event type, inter1, inter2 and interaction."""
    info = sub_events()[sub]
    inter1 = min(found.actor) if found.actor else info.inter1
    recipients = found.recipient - {inter1} if found.recipient - {inter1} else found.recipient
    inter2 = min(recipients) if recipients else info.inter2
    if inter1 is None and inter2 is not None and info.inter1 is None and sub != "Attack":
        inter1, inter2 = inter2, None
    return {"event_type": info.event_type, "sub_event_type": sub, "inter1": inter1, "inter2": inter2,
            "interaction": interaction(inter1, inter2)}


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction code: the two inter codes, lower first (17, 26); one actor alone is inter1 * 10."""
    if inter1 is None:
        return None
    if inter2 is None:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high
