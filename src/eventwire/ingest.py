"""Ingest, the orchestration: read -> extract (or read stored records) -> store and link, a batch at a time.

The command line, the API and the watcher call ``ingest_records`` / ``add_records``; none of them parses, stores
or links by itself. Storing and linking, in one transaction per batch:

    from eventwire.ingest import add_records
    add_records(store, records)     # store the new records, then link each into incidents and stories

For each new document, in order: its features are computed once (eventwire.link.describe) and stored with
it; the store finds its candidates (documents sharing a rarer key within the date window, or filed under the
same country, type family and day); eventwire.link.decide says which incident it joins, which incidents it
merges and which further happenings it reports; the store writes that. The touched incidents' best
estimates are then recomputed from all their reports (eventwire.link.best_estimate).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import orjson

from eventwire.engine import Extracted, engine_for
from eventwire.link import (
    MERGE_SCORE,
    PERSON_KIND,
    WINDOW_DAYS,
    Rarity,
    best_estimate,
    cell_keys,
    decide,
    describe,
    group_of,
    happening_report,
    incident_id,
    story_id,
)
from eventwire.store import Store, record_problem
from eventwire.store import linking as stored
from eventwire.store.writer import insert_documents


@dataclass(slots=True)
class Ingested:
    added: int = 0  # documents stored now
    seen: int = 0  # records offered to the store (new ones and ones it already had)
    rejected: int = 0  # inputs that could not be read or extracted


class RecordError:
    """A line of a --records file that is not a document record."""

    def __init__(self, origin: str, reason: str) -> None:
        self.origin, self.reason = origin, reason

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


def ingest_records(store, items: Iterable[Any], batch_size: int = 32,
                   on_error: Callable[[object], None] = print) -> Ingested:
    """Store (and link) the record dicts among ``items``, a batch per transaction; anything else is an error."""
    done = Ingested()
    batch: list[dict] = []
    for item in items:
        if isinstance(item, dict):
            done.seen += 1
            batch.append(item)
            if len(batch) >= batch_size:
                done.added += add_records(store, batch)
                batch = []
        else:
            on_error(item)
            done.rejected += 1
    if batch:
        done.added += add_records(store, batch)
    return done


def extracted_records(inputs: list[str], stored: Collection[str], workers: int, batch_size: int,
                      engine: str = "local", ray_address: str | None = None) -> Iterator[Any]:
    """Document records (dicts) of the articles not stored yet, or the read errors in their place.

    The local engine skips stored articles before parsing them; the Ray engine's actors do not know the
    store, so its results for stored articles are dropped as they come back.
    """
    for result in engine_for(engine, workers, batch_size, ray_address).extract(inputs, skip=stored):
        yield orjson.loads(result.line) if isinstance(result, Extracted) else result


def read_record_files(inputs: list[str], stored: Collection[str]) -> Iterator[dict | RecordError]:
    """Each line of each file (``-``: standard input) as a record dict, or a RecordError naming FILE:LINE."""
    for name in inputs:
        try:
            stream = sys.stdin.buffer if name == "-" else open(name, "rb")  # noqa: SIM115
        except OSError as err:
            yield RecordError(name, f"cannot read: {err.strerror or err}")
            continue
        with stream:
            for number, line in enumerate(stream, 1):
                if not line.strip():
                    continue
                try:
                    record = orjson.loads(line)
                except orjson.JSONDecodeError as err:
                    yield RecordError(f"{name}:{number}", f"malformed JSON ({err})")
                    continue
                if problem := record_problem(record):
                    yield RecordError(f"{name}:{number}", problem)
                elif record["id"] not in stored:
                    yield record

def add_records(store: Store, records: list[dict]) -> int:
    """Store the records not stored yet and link them, in one transaction; returns how many were new."""
    with store.writing() as conn:
        added = insert_documents(conn, records, describe)
        link_documents(conn, added)
    return len(added)


def link_documents(conn, seqs: list[int]) -> None:
    """Place newly stored documents (in the order given) into incidents and stories."""
    touched_incidents: set[str] = set()
    story_documents: dict[str, list[int]] = {}
    for seq in seqs:
        doc_id, features = stored.document_features(conn, seq)
        incidents, story = _link_one(conn, seq, doc_id, features)
        touched_incidents.update(incidents)
        story_documents.setdefault(story, []).append(seq)
    for identifier in touched_incidents:
        identifier = stored.resolve_incident(conn, identifier)
        members = stored.incident_features(conn, identifier)
        reports = [f for f, happening in members if happening == 0]
        reports = reports or [happening_report(f, happening) for f, happening in members]
        stored.write_incident(conn, identifier, best_estimate(reports), len(members))
    stored.count_story_documents(conn, story_documents)


def _link_one(conn, seq: int, doc_id: str, features: dict) -> tuple[set[str], str]:
    keys = features.get("keys") or []
    total, frequency = stored.key_counts(conn, keys)
    rarity = Rarity(total, frequency)
    lookup = rarity.lookup_keys(keys) if features.get("day") is not None and not features.get("junk") else []
    found = stored.candidates(conn, seq, features.get("day"), lookup, {k: rarity.weight(k) for k in lookup},
                              cell_keys(features, lookup=True), WINDOW_DAYS,
                              frozenset(k for k in lookup if k.startswith(PERSON_KIND)))
    decision = decide(features, found, rarity)
    if not features.get("junk") and keys:
        stored.index_document(conn, seq, features.get("day"), keys, cell_keys(features))
    stored.add_bonds(conn, seq, decision.bonds)
    incident = stored.ensure_incident(conn, decision.incident or _whole(conn, decision.pulls) or incident_id(doc_id))
    if decision.merge:
        stored.merge_incidents(conn, incident, [stored.resolve_incident(conn, i) for i in decision.merge])
    also = [(index, stored.ensure_incident(conn, match or incident_id(doc_id, index)))
            for index, match in decision.also]
    story = stored.ensure_story(conn, decision.story or story_id(doc_id))
    stored.assign(conn, seq, incident, also, story)
    left = _pull(conn, incident, decision.pulls)
    return {incident, *left, *(other for _, other in also)}, story


def _group(conn, other: int) -> tuple[str | None, set[int], bool]:
    """The incident a stored report is filed under, the reports that hang on it there (eventwire.link.groups),
    and whether they reach the incident's first report (then it brings the whole incident)."""
    source = stored.incident_of(conn, other)
    if source is None:
        return None, set(), False
    members, bonds = stored.incident_bonds(conn, source)
    group = group_of(other, members, bonds, MERGE_SCORE)
    return source, group, min(members) in group


def _whole(conn, pulls: list[tuple[int, float]]) -> str | None:
    """The incident of the report the new one is closest to, when that report brings all of it."""
    if not pulls:
        return None
    source, _, whole = _group(conn, max(pulls, key=lambda pull: pull[1])[0])
    return source if whole else None


def _pull(conn, incident: str, pulls: list[tuple[int, float]]) -> set[str]:
    """Bring the stored reports the new one is now closest to into its incident, each with the reports that
    hang on it; a report whose group reaches its incident's first report brings the whole incident, which
    merges with the new one's (the older survives). Returns the incidents left."""
    left: set[str] = set()
    for other, _ in sorted(pulls, key=lambda pull: -pull[1]):
        target = stored.resolve_incident(conn, incident)
        source, group, whole = _group(conn, other)
        if source is None or source == target:
            continue
        if whole:
            survivor = stored.older_incident(conn, source, target)
            stored.merge_incidents(conn, survivor, [source if survivor == target else target])
        else:
            stored.move_reports(conn, group, source, target)
            left.add(source)
    return left
