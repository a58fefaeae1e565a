"""Incident, story and claim queries: SPEC §3 records with how each happening unfolded.

Split from ``queries`` (documents and items); the filters and shared clauses come from there. Each record
is read in a few queries per page of incidents, whatever their size; ``eventwire.store.unfold`` turns the
reporting documents and claims into ``reports``, ``first_report``, ``figures_over_time`` and ``echoes``.
"""

from __future__ import annotations

import orjson
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from eventwire.lexicons import lines
from eventwire.store import schema as s
from eventwire.store.queries import (
    Filters,
    _between_dates,
    _document_clauses,
    _document_has_actor,
    _documents_query,
    _in_bbox,
    _page,
    surviving_incident,
)
from eventwire.store.unfold import outlet, reports, unfold

d = s.documents
CHUNK = 500
# figure categories that are no toll of the happening (a town's population, troops sent): not followed over time
NOT_FOLLOWED = frozenset(lines("unfold_unfollowed_categories.txt"))


def _incidents_query(conn: Connection, f: Filters):
    i = s.incidents
    clauses = [i.c.merged_into.is_(None), i.c.documents > 0]
    clauses += _between_dates(i.c.date, f) + _in_bbox(i.c.lat, i.c.lon, f)
    if f.type:
        clauses.append(i.c.type == f.type)
    member_clauses = _document_clauses(conn, f, date_column=None)
    if f.actor:
        member_clauses.append(_document_has_actor(d.c.seq, f))
    if f.incident:  # an id merged into another names the survivor
        clauses.append(i.c.id == surviving_incident(conn, f.incident))
    if member_clauses:
        clauses.append(sa.exists().where(d.c.incident == i.c.id, *member_clauses))
    return sa.select(i).where(*clauses)


def incidents(conn: Connection, f: Filters) -> list[dict]:
    i = s.incidents
    query = _incidents_query(conn, f).order_by(i.c.date.desc().nulls_last(), i.c.seq)
    return incident_records(conn, conn.execute(_page(query, f)).all())


def incident(conn: Connection, identifier: str) -> dict | None:
    """One incident record by id (an id merged into another gives the survivor); None when there is none."""
    if not isinstance(identifier, str) or not identifier.strip():
        return None
    found = surviving_incident(conn, identifier.replace("\x00", "").strip()[:200])
    i = s.incidents
    rows = conn.execute(sa.select(i).where(i.c.id == found, i.c.merged_into.is_(None))).all()
    records = incident_records(conn, rows)
    return records[0] if records else None


def incident_page(conn: Connection, f: Filters, after: int, size: int) -> tuple[list[dict], int | None]:
    """Up to ``size`` incident records, oldest first, after seq ``after`` (keyset paging), and the last seq."""
    i = s.incidents
    rows = conn.execute(_incidents_query(conn, f).where(i.c.seq > after).order_by(i.c.seq).limit(size)).all()
    return incident_records(conn, rows), (rows[-1].seq if rows else None)


def _reporting_documents(conn: Connection, ids: list[str]) -> tuple[dict[str, list], dict[str, list]]:
    """Per incident: its member documents (main incident), and every document reporting it (members and
    roundups that name it too), as rows with seq, id, published, url, title, in storage order."""
    columns = (d.c.seq, d.c.id, d.c.published, d.c.url, d.c.title)
    members: dict[str, list] = {identifier: [] for identifier in ids}
    for doc in conn.execute(sa.select(*columns, d.c.incident).where(d.c.incident.in_(ids)).order_by(d.c.seq)):
        members[doc.incident].append(doc)
    r = s.incident_reports
    reporting: dict[str, list] = {identifier: list(docs) for identifier, docs in members.items()}
    for doc in conn.execute(sa.select(*columns, r.c.incident).join(d, d.c.seq == r.c.doc)
                            .where(r.c.incident.in_(ids), r.c.main.is_(False)).order_by(d.c.seq)):
        reporting[doc.incident].append(doc)
    return members, reporting


def incident_records(conn: Connection, rows: list) -> list[dict]:
    """SPEC §3 records for incident rows: documents, events, actors, every claim and how the figures moved."""
    if not rows:
        return []
    members, reporting = _reporting_documents(conn, [row.id for row in rows])
    seqs = sorted({doc.seq for docs in members.values() for doc in docs})
    events_by_doc, claims_by_doc, actors_by_doc = _incident_parts(conn, seqs)
    figures_by_doc = _followed_figures(conn, seqs)
    records = []
    for row in rows:
        docs = members[row.id]
        claims = [claim | {"document": doc.id} for doc in docs for claim in claims_by_doc.get(doc.seq, [])]
        record = {
            "incident": row.id,
            "documents": [doc.id for doc in docs],
            "type": row.type,
            "date": row.date,
            "place": orjson.loads(row.place) if row.place else None,
            "killed": row.killed,
            "injured": row.injured,
            "disputed": bool(row.disputed),
            "actors": _unique(name for doc in docs for name in actors_by_doc.get(doc.seq, [])),
            "events": [f"{doc.id}#{event}" for doc in docs for event in events_by_doc.get(doc.seq, [])],
            "claims": claims,
            "also_reported_in": [doc.id for doc in reporting[row.id][len(docs):]],
        }
        followed = [f | {"document": doc.id} for doc in docs for f in figures_by_doc.get(doc.seq, [])]
        record |= unfold([_document_ref(doc) for doc in reporting[row.id]], followed + _beyond(claims, followed))
        records.append(record)
    return records


def _document_ref(doc) -> dict:
    return {"document": doc.id, "published": doc.published, "url": doc.url, "title": doc.title}


def _beyond(claims: list[dict], followed: list[dict]) -> list[dict]:
    """The claims no figure gives already (an event's own toll): same document, field and number."""
    given = {(f["document"], f["field"], orjson.dumps(f["value"])) for f in followed}
    return [c for c in claims if (c["document"], c["field"], orjson.dumps(c["value"])) not in given]


def _followed_figures(conn: Connection, seqs: list[int]) -> dict[int, list[dict]]:
    """Each document's figures as claims ``{field, value, claimant, hedged, evidence}``, in their order."""
    found: dict[int, list[dict]] = {}
    f, e = s.figures, s.entities
    for start in range(0, len(seqs), CHUNK):
        chunk = seqs[start : start + CHUNK]
        names = {(row.doc, row.entity): row.name
                 for row in conn.execute(sa.select(e.c.doc, e.c.entity, e.c.name).where(e.c.doc.in_(chunk)))}
        for row in conn.execute(sa.select(f.c.doc, f.c.category, f.c.record).where(f.c.doc.in_(chunk))
                                .order_by(f.c.doc, f.c.position)):
            if not row.category or row.category in NOT_FOLLOWED:
                continue
            figure = orjson.loads(row.record)
            quantity = figure.get("quantity") if isinstance(figure.get("quantity"), dict) else {}
            value = quantity.get("value")
            if value is None:
                value = {"low": quantity.get("low"), "high": quantity.get("high")}
            start_at, end_at = figure.get("start"), figure.get("end")
            evidence = {"start": start_at, "end": end_at} if isinstance(start_at, int) and isinstance(end_at, int) \
                else None
            found.setdefault(row.doc, []).append(
                {"field": row.category, "value": value, "claimant": names.get((row.doc, figure.get("claimant"))),
                 "hedged": bool(figure.get("hedged")), "evidence": evidence})
    return found


def _incident_parts(conn: Connection, seqs: list[int]) -> tuple[dict, dict, dict]:
    events_by_doc: dict[int, list[str]] = {}
    claims_by_doc: dict[int, list[dict]] = {}
    actors_by_doc: dict[int, list[str]] = {}
    for start in range(0, len(seqs), CHUNK):
        chunk = seqs[start : start + CHUNK]
        for row in conn.execute(sa.select(s.events.c.doc, s.events.c.event).where(s.events.c.doc.in_(chunk))
                                .order_by(s.events.c.doc, s.events.c.position)):
            events_by_doc.setdefault(row.doc, []).append(row.event)
        for row in conn.execute(sa.select(s.claims).where(s.claims.c.doc.in_(chunk))
                                .order_by(s.claims.c.doc, s.claims.c.position)):
            evidence = ({"start": row.evidence_start, "end": row.evidence_end}
                        if row.evidence_start is not None else None)
            claims_by_doc.setdefault(row.doc, []).append(
                {"field": row.field, "value": orjson.loads(row.value), "claimant": row.claimant, "evidence": evidence})
        actor_query = (sa.select(s.entities.c.doc, s.actors.c.name)
                       .join(s.actors, s.actors.c.id == s.entities.c.actor)
                       .where(s.entities.c.doc.in_(chunk), s.entities.c.type.in_(("PERSON", "ORG", "NORP")))
                       .order_by(s.entities.c.doc))
        for row in conn.execute(actor_query):
            actors_by_doc.setdefault(row.doc, []).append(row.name)
    return events_by_doc, claims_by_doc, actors_by_doc


def _unique(values) -> list:
    seen: dict = {}
    for value in values:
        seen.setdefault(value, None)
    return list(seen)


def stories(conn: Connection, f: Filters) -> list[dict]:
    """Stories with their ``reports`` (every document, in publication order) and ``first_report``."""
    t = s.stories
    clauses = [t.c.documents > 0]
    if f.story:
        clauses.append(t.c.id == f.story)
    member_clauses = _documents_query(conn, Filters(since=f.since, until=f.until, bbox=f.bbox, actor=f.actor,
                                                    type=f.type, query=f.query, limit=None))
    if member_clauses:
        clauses.append(sa.exists().where(d.c.story == t.c.id, *member_clauses))
    query = sa.select(t).where(*clauses).order_by(t.c.last_day.desc().nulls_last(), t.c.seq)
    rows = conn.execute(_page(query, f)).all()
    documents: dict[str, list[dict]] = {row.id: [] for row in rows}
    for start in range(0, len(rows), CHUNK):
        chunk = [row.id for row in rows[start : start + CHUNK]]
        for doc in conn.execute(sa.select(d.c.id, d.c.published, d.c.url, d.c.title, d.c.story)
                                .where(d.c.story.in_(chunk)).order_by(d.c.seq)):
            documents[doc.story].append(_document_ref(doc))
    stories = []
    for row in rows:
        ordered = reports(documents[row.id])
        stories.append({"story": row.id, "title": row.title, "documents": row.documents,
                        "first": _iso(row.first_day), "last": _iso(row.last_day),
                        "reports": ordered, "first_report": ordered[0] if ordered else None})
    return stories


def _iso(day: int | None) -> str | None:
    from datetime import date

    return date.fromordinal(day).isoformat() if day else None


# ---------------------------------------------------------------- claims (export --what claims)

def claim_page(conn: Connection, f: Filters, after: tuple[int, int] | None,
               size: int) -> tuple[list[dict], tuple[int, int] | None]:
    """Up to ``size`` claims in storage order after the key ``after`` (keyset paging), each with its
    document's main incident, id, outlet, publication and title; and the last key."""
    c = s.claims
    query = (sa.select(c, d.c.id.label("document"), d.c.incident, d.c.url, d.c.published, d.c.title)
             .join(d, d.c.seq == c.c.doc).where(*_document_clauses(conn, f)))
    if after is not None:
        doc, position = after
        query = query.where(sa.or_(c.c.doc > doc, sa.and_(c.c.doc == doc, c.c.position > position)))
    rows = conn.execute(query.order_by(c.c.doc, c.c.position).limit(size)).all()
    return [_claim_row(row) for row in rows], ((rows[-1].doc, rows[-1].position) if rows else None)


def _claim_row(row) -> dict:
    evidence = {"start": row.evidence_start, "end": row.evidence_end} if row.evidence_start is not None else None
    return {"incident": row.incident, "document": row.document, "outlet": outlet(row.url),
            "published": row.published, "title": row.title, "field": row.field, "value": orjson.loads(row.value),
            "claimant": row.claimant, "evidence": evidence}
