"""Read queries: filters shared by every list, and the JSON-ready dicts the API and export hand out.

All values reach the database as bound parameters; the only SQL text written here is the full-text
clause, which differs between SQLite (FTS5) and PostgreSQL (tsvector) and binds its query too.
"""

from __future__ import annotations

import re
from typing import Any

import orjson
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from eventwire.checks import date_filter, parse_bbox
from eventwire.store import schema as s

MAX_LIMIT = 10_000
_WORD = re.compile(r"\w+", re.UNICODE)

d = s.documents


class Filters:
    """The optional filters every list query takes, checked once."""

    def __init__(self, since: str | None = None, until: str | None = None,
                 bbox: tuple[float, float, float, float] | None = None, actor: str | None = None,
                 type: str | None = None, story: str | None = None, query: str | None = None,
                 limit: int | None = 50, offset: int = 0, incident: str | None = None) -> None:
        self.since = date_filter(since, "since")
        self.until = date_filter(until, "until")
        self.bbox = None if bbox is None else parse_bbox(bbox)
        self.actor = _clean(actor, str.lower)
        self.type = _clean(type, str.upper)
        self.story = _clean(story)
        self.incident = _clean(incident)
        self.query = _clean(query)
        self.limit = None if limit is None else max(0, min(int(limit), MAX_LIMIT))
        self.offset = max(0, int(offset or 0))


def _clean(value: Any, case=None) -> str | None:
    """A string filter without NUL (PostgreSQL refuses it) or surrounding space; None when empty."""
    if not isinstance(value, str):
        return None
    value = value.replace("\x00", "").strip()[:500]
    return (case(value) if case else value) or None


# ---------------------------------------------------------------- shared clauses

def _day(column) -> sa.ColumnElement:
    return sa.func.substr(column, 1, 10)


def _between_dates(column, f: Filters) -> list:
    clauses = []
    if f.since:
        clauses.append(_day(column) >= f.since)
    if f.until:
        clauses.append(_day(column) <= f.until)
    return clauses


def _in_bbox(lat, lon, f: Filters) -> list:
    if not f.bbox:
        return []
    min_lon, min_lat, max_lon, max_lat = f.bbox
    return [lat.is_not(None), lon.is_not(None), lat.between(min_lat, max_lat), lon.between(min_lon, max_lon)]


def _like_escaped(value: str) -> str:
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _actor_column_matches(column, f: Filters) -> sa.ColumnElement:
    """``|a1b2|name|``-style columns: the actor id exactly, or a name containing the text."""
    return sa.or_(column.like(_like_escaped(f"|{f.actor}|"), escape="\\"),
                  column.like(_like_escaped(f.actor), escape="\\"))


def _document_has_actor(doc_column, f: Filters) -> sa.ColumnElement:
    e = s.entities
    return sa.exists().where(e.c.doc == doc_column, sa.or_(
        e.c.actor == f.actor, sa.func.lower(e.c.name).like(_like_escaped(f.actor), escape="\\")))


def _document_has_type(doc_column, f: Filters) -> sa.ColumnElement:
    return sa.exists().where(s.events.c.doc == doc_column, s.events.c.type == f.type)


def fulltext_match(conn: Connection, doc_column, query: str) -> sa.ColumnElement:
    """Documents whose title or text matches every word of ``query``."""
    words = _WORD.findall(query)[:32]
    if not words:
        return sa.false()
    if conn.dialect.name == "sqlite":
        phrase = " ".join('"' + w.replace('"', "") + '"' for w in words)
        matching = sa.text("SELECT rowid FROM documents_fts WHERE documents_fts MATCH :fts_query").bindparams(
            fts_query=phrase).columns(sa.column("rowid", sa.Integer))
        return doc_column.in_(sa.select(matching.subquery().c.rowid))
    tsv = sa.literal_column("documents.tsv")
    matched = sa.select(d.c.seq).where(tsv.op("@@")(sa.func.plainto_tsquery("english", " ".join(words))))
    return doc_column.in_(matched)


def _document_clauses(conn: Connection, f: Filters, doc_column=d.c.seq, date_column=d.c.published) -> list:
    clauses = _between_dates(date_column, f) if date_column is not None else []
    if f.story:
        clauses.append(d.c.story == f.story)
    if f.incident:
        clauses.append(d.c.incident == surviving_incident(conn, f.incident))
    if f.query:
        clauses.append(fulltext_match(conn, doc_column, f.query))
    return clauses


def _page(query, f: Filters):
    if f.limit is not None:
        query = query.limit(f.limit)
    return query.offset(f.offset) if f.offset else query


# ---------------------------------------------------------------- documents

def document_record(row, conn: Connection | None = None) -> dict:
    """The SPEC §2 record with story, incident and (given ``conn``) every incident it reports filled in."""
    record = orjson.loads(row.record)
    record["story"], record["incident"] = row.story, row.incident
    if conn is not None:
        r = s.incident_reports
        others = conn.execute(sa.select(r.c.incident).where(r.c.doc == row.seq, r.c.main.is_(False))
                              .order_by(r.c.happening)).scalars().all()
        record["incidents"] = [row.incident, *others] if row.incident else list(others)
    return record


def document(conn: Connection, doc_id: str) -> dict | None:
    if not isinstance(doc_id, str):
        return None
    doc_id = doc_id.replace("\x00", "\ufffd")
    row = conn.execute(sa.select(d.c.seq, d.c.record, d.c.story, d.c.incident).where(d.c.id == doc_id)).first()
    return document_record(row, conn) if row else None


def _documents_query(conn: Connection, f: Filters):
    clauses = _document_clauses(conn, f)
    if f.bbox:
        p = s.places
        clauses.append(sa.exists().where(p.c.doc == d.c.seq, *_in_bbox(p.c.lat, p.c.lon, f)))
    if f.actor:
        clauses.append(_document_has_actor(d.c.seq, f))
    if f.type:
        clauses.append(_document_has_type(d.c.seq, f))
    return clauses


def documents(conn: Connection, f: Filters) -> list[dict]:
    """Document summaries: id, title, url, published, lang, story, incident, junk, snippet, item counts."""
    query = (sa.select(d.c.seq, d.c.id, d.c.title, d.c.url, d.c.published, d.c.lang, d.c.story, d.c.incident,
                       d.c.junk, sa.func.substr(d.c.text, 1, 300).label("snippet"))
             .where(*_documents_query(conn, f)).order_by(d.c.published.desc().nulls_last(), d.c.seq))
    return [_document_summary(row) for row in conn.execute(_page(query, f))]


def _document_summary(row) -> dict:
    return {"id": row.id, "title": row.title, "url": row.url, "published": row.published, "lang": row.lang,
            "story": row.story, "incident": row.incident, "junk": bool(row.junk), "snippet": row.snippet}


def document_page(conn: Connection, f: Filters, after: int, size: int) -> tuple[list[dict], int | None]:
    """Up to ``size`` full SPEC §2 records in storage order after seq ``after`` (keyset paging), and the last seq."""
    query = (sa.select(d.c.seq, d.c.record, d.c.story, d.c.incident).where(*_documents_query(conn, f), d.c.seq > after)
             .order_by(d.c.seq).limit(size))
    rows = conn.execute(query).all()
    others = _other_incidents(conn, [row.seq for row in rows])
    records = []
    for row in rows:
        record = document_record(row)
        record["incidents"] = [row.incident, *others.get(row.seq, [])] if row.incident else others.get(row.seq, [])
        records.append(record)
    return records, (rows[-1].seq if rows else None)


def _other_incidents(conn: Connection, seqs: list[int]) -> dict[int, list[str]]:
    """The further incidents (beyond the main one) each of these documents reports."""
    r = s.incident_reports
    found: dict[int, list[str]] = {}
    query = sa.select(r.c.doc, r.c.incident).where(r.c.doc.in_(seqs), r.c.main.is_(False)).order_by(r.c.happening)
    for doc, incident in conn.execute(query):
        found.setdefault(doc, []).append(incident)
    return found


def search(conn: Connection, q: str, f: Filters) -> list[dict]:
    """Documents matching ``q`` (every word), newest first, with the other filters applied."""
    f.query = _clean(q)
    return documents(conn, f) if f.query else []


# ---------------------------------------------------------------- events, quotes, figures

def _item_select(table: sa.Table):
    return (sa.select(table, d.c.id.label("document"), d.c.published, d.c.story.label("doc_story"),
                      d.c.incident.label("doc_incident"), d.c.title.label("doc_title"))
            .join(d, d.c.seq == table.c.doc))


def _dated_items_query(conn: Connection, f: Filters, table: sa.Table):
    """Events or figures: each has its own date, place and actors; ``type`` is the event's, or its document's."""
    when = sa.func.coalesce(table.c.date, d.c.published)
    clauses = (_document_clauses(conn, f, date_column=None) + _between_dates(when, f)
               + _in_bbox(table.c.lat, table.c.lon, f))
    if f.actor:
        clauses.append(_actor_column_matches(sa.func.coalesce(table.c.actors, ""), f))
    if f.type:
        clauses.append(table.c.type == f.type if table is s.events else _document_has_type(table.c.doc, f))
    return _item_select(table).where(*clauses), when, table


def _events_query(conn: Connection, f: Filters):
    return _dated_items_query(conn, f, s.events)


def _item_order(when, table: sa.Table) -> tuple:
    return when.desc().nulls_last(), table.c.doc, table.c.position


# the keys every event, quote and figure row adds to its SPEC §2 item (export headers are built from these)
ITEM_KEYS = ("document", "published", "story", "incident", "document_title")
EVENT_KEYS = ("id", "when", "place_name", "lat", "lon")
ACLED_KEYS = ("event_type", "sub_event_type", "inter1", "inter2", "interaction")  # flattened from `acled`
QUOTE_KEYS = ("speaker_name", "text")
FIGURE_KEYS = ("when", "place_name", "lat", "lon")


def _item_base(row) -> dict:
    return {"document": row.document, "published": row.published, "story": row.doc_story,
            "incident": row.doc_incident, "document_title": row.doc_title}


def _event_dict(row) -> dict:
    record = orjson.loads(row.record)
    day = row.date or (row.published[:10] if row.published else None)
    acled = record.get("acled") or {}
    return record | _item_base(row) | {"id": row.event, "when": day, "place_name": row.place,
                                       "lat": row.lat, "lon": row.lon} | {
        key: acled.get(key) for key in ACLED_KEYS}


def _quotes_query(conn: Connection, f: Filters):
    q = s.quotes
    clauses = _document_clauses(conn, f)
    if f.actor:
        clauses.append(_actor_column_matches(sa.func.coalesce(q.c.actors, ""), f))
    if f.type:
        clauses.append(_document_has_type(q.c.doc, f))
    if f.bbox:
        p = s.places
        clauses.append(sa.exists().where(p.c.doc == q.c.doc, *_in_bbox(p.c.lat, p.c.lon, f)))
    return _item_select(q).where(*clauses), d.c.published, q


def _quote_dict(row) -> dict:
    return orjson.loads(row.record) | _item_base(row) | {"speaker_name": row.speaker, "text": row.content}


def _figures_query(conn: Connection, f: Filters):
    return _dated_items_query(conn, f, s.figures)


def _figure_dict(row) -> dict:
    return orjson.loads(row.record) | _item_base(row) | {
        "when": row.date or (row.published[:10] if row.published else None), "place_name": row.place,
        "lat": row.lat, "lon": row.lon}


ITEMS = {"events": (_events_query, _event_dict), "quotes": (_quotes_query, _quote_dict),
         "figures": (_figures_query, _figure_dict)}


def _items(conn: Connection, what: str, f: Filters) -> list[dict]:
    build, as_dict = ITEMS[what]
    query, when, table = build(conn, f)
    return [as_dict(row) for row in conn.execute(_page(query.order_by(*_item_order(when, table)), f))]


def events(conn: Connection, f: Filters) -> list[dict]:
    return _items(conn, "events", f)


def quotes(conn: Connection, f: Filters) -> list[dict]:
    return _items(conn, "quotes", f)


def figures(conn: Connection, f: Filters) -> list[dict]:
    return _items(conn, "figures", f)


def item_page(conn: Connection, what: str, f: Filters, after: tuple[int, int] | None,
              size: int) -> tuple[list[dict], tuple[int, int] | None]:
    """Up to ``size`` items in storage order after the key ``after`` (keyset paging: no OFFSET), and the last key."""
    build, as_dict = ITEMS[what]
    query, _, table = build(conn, f)
    if after is not None:
        doc, position = after
        query = query.where(sa.or_(table.c.doc > doc, sa.and_(table.c.doc == doc, table.c.position > position)))
    rows = conn.execute(query.order_by(table.c.doc, table.c.position).limit(size)).all()
    return [as_dict(row) for row in rows], ((rows[-1].doc, rows[-1].position) if rows else None)


# ---------------------------------------------------------------- incidents (the queries are in incident_queries)

def surviving_incident(conn: Connection, identifier: str) -> str:
    for _ in range(100):
        target = conn.execute(sa.select(s.incidents.c.merged_into).where(s.incidents.c.id == identifier)).scalar()
        if not target:
            break
        identifier = target
    return identifier
