"""Store and link document records: the orchestration above eventwire.link (pure decisions) and
eventwire.store (storage and queries), in one transaction per batch.

    from eventwire.ingest import add_records
    add_records(store, records)     # store the new records, then link each into incidents and stories

For each new document, in order: its features are computed once (eventwire.link.describe) and stored with
it; the store finds its candidates (documents sharing a rarer key within the date window, or filed under the
same country, type family and day); eventwire.link.decide says which incident it joins, which incidents it
merges and which further happenings it reports; the store writes that. The touched incidents' best
estimates are then recomputed from all their reports (eventwire.link.best_estimate).
"""

from __future__ import annotations

from eventwire.link import (
    WINDOW_DAYS,
    Rarity,
    best_estimate,
    cell_keys,
    decide,
    describe,
    happening_report,
    incident_id,
    story_id,
)
from eventwire.store import Store
from eventwire.store import linking as stored
from eventwire.store.writer import insert_documents


def add_records(store: Store, records: list[dict]) -> int:
    """Store the records not stored yet and link them, in one transaction; returns how many were new."""
    with store.writing() as conn:
        added = insert_documents(conn, records, describe)
        link_documents(conn, added)
    return len(added)


def link_documents(conn, seqs: list[int]) -> None:
    """Place newly stored documents (in the order given) into incidents and stories."""
    touched_incidents: set[str] = set()
    touched_stories: set[str] = set()
    for seq in seqs:
        doc_id, features = stored.document_features(conn, seq)
        incidents, story = _link_one(conn, seq, doc_id, features)
        touched_incidents.update(incidents)
        touched_stories.add(story)
    for identifier in touched_incidents:
        identifier = stored.resolve_incident(conn, identifier)
        members = stored.incident_features(conn, identifier)
        reports = [f for f, happening in members if happening == 0]
        reports = reports or [happening_report(f, happening) for f, happening in members]
        stored.write_incident(conn, identifier, best_estimate(reports), len(members))
    stored.refresh_stories(conn, touched_stories)


def _link_one(conn, seq: int, doc_id: str, features: dict) -> tuple[set[str], str]:
    keys = features.get("keys") or []
    total, frequency = stored.key_counts(conn, keys)
    rarity = Rarity(total, frequency)
    lookup = rarity.lookup_keys(keys) if features.get("day") is not None and not features.get("junk") else []
    found = stored.candidates(conn, seq, features.get("day"), lookup, {k: rarity.weight(k) for k in lookup},
                              cell_keys(features, lookup=True), WINDOW_DAYS)
    decision = decide(features, found, rarity)
    if not features.get("junk") and keys:
        stored.index_document(conn, seq, features.get("day"), keys, cell_keys(features))
    incident = stored.ensure_incident(conn, decision.incident or incident_id(doc_id))
    if decision.merge:
        stored.merge_incidents(conn, incident, [stored.resolve_incident(conn, i) for i in decision.merge])
    also = [(index, stored.ensure_incident(conn, match or incident_id(doc_id, index)))
            for index, match in decision.also]
    story = stored.ensure_story(conn, decision.story or story_id(doc_id))
    stored.assign(conn, seq, incident, also, story)
    return {incident, *(other for _, other in also)}, story
