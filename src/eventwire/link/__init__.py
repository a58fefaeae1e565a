"""Cross-document linking as pure functions of records and candidate features: no database here.

    features, claims = describe(record)          # computed once, stored with the document
    cells = cell_keys(features)                   # index keys by (country, type family, day)
    decision = decide(features, candidates, rarity)   # eventwire.link.incidents
    estimate = best_estimate(member_features)     # eventwire.link.estimate

eventwire.ingest runs them against the store (eventwire.store.linking finds candidates and writes results).
"""

from __future__ import annotations

from eventwire.link.estimate import best_estimate, happening_report
from eventwire.link.features import document_claims, document_features
from eventwire.link.groups import group_of
from eventwire.link.happenings import cell
from eventwire.link.incidents import MERGE_SCORE, PERSON_KIND, WINDOW_DAYS, Decision, Rarity, decide, incident_id
from eventwire.link.stories import story_id

__all__ = ["MERGE_SCORE", "PERSON_KIND", "WINDOW_DAYS", "Decision", "Rarity", "best_estimate", "cell_keys",
           "decide", "describe", "group_of", "happening_report", "incident_id", "story_id"]

CELL_REACH = 1  # a happening's cell lookup reaches this many days beyond its span
MAX_CELLS = 12


def describe(record: dict) -> tuple[dict, list[dict]]:
    """A record's linking features and its claims (what the store keeps for linking)."""
    return document_features(record), document_claims(record)


def cell_keys(features: dict, lookup: bool = False) -> list[str]:
    """``c:COUNTRY:FAMILY:DAY`` for each day the document's happenings may have taken place (``lookup``: and
    ``CELL_REACH`` days either side), so that reports of one kind of happening in one country on one day
    find each other without sharing a rare word. Junk pages have none."""
    if features.get("junk"):
        return []
    reach = CELL_REACH if lookup else 0
    keys: list[str] = []
    for happening in features.get("happenings") or []:
        span = happening.get("span")
        if span and span[1] - span[0] <= 3:
            for day in range(span[0] - reach, span[1] + reach + 1):
                keys.append(f"c:{cell(happening.get('place'))}:{happening['family']}:{day}")
    return list(dict.fromkeys(keys))[:MAX_CELLS]
