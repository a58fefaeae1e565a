"""What ``eventwire watch`` keeps in the store: followed sources, addresses read, incident snapshots, the outbox.

Plain queries on a connection the caller holds; the watcher decides what to write and when. A write that must
be atomic runs inside ``writing(engine)``, one transaction that takes the write lock first (as ingest does).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import orjson
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from eventwire.store import schema as s
from eventwire.store.database import database_errors
from eventwire.store.incident_queries import incident_records

BASELINE_KEY = "watch_baseline"


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """One write transaction (SQLite: BEGIN IMMEDIATE; PostgreSQL: the writer row lock)."""
    with database_errors(), engine.connect() as conn, conn.execution_options(sqlite_begin="IMMEDIATE").begin():
        conn.execute(sa.update(s.meta).where(s.meta.c.key == "writer").values(value=s.meta.c.value))
        yield conn


@contextmanager
def reading(engine: Engine) -> Iterator[Connection]:
    with database_errors(), engine.connect() as conn:
        yield conn


def _plain(row) -> dict:
    """A row as a dict with plain str keys (SQLAlchemy's are a str subclass some JSON writers refuse)."""
    return {str(key): value for key, value in row._mapping.items()}


# ---------------------------------------------------------------- sources


def feed_state(conn: Connection, source: str) -> dict | None:
    row = conn.execute(sa.select(s.watch_feeds).where(s.watch_feeds.c.source == source)).first()
    return _plain(row) if row else None


def record_poll(conn: Connection, source: str, when: str, error: str | None = None, etag: str | None = None,
                last_modified: str | None = None, articles: int = 0) -> None:
    """A poll's outcome: on success the validators and the time; on failure the error, validators kept."""
    t = s.watch_feeds
    state = feed_state(conn, source)
    values: dict[str, Any] = {"last_poll": when, "last_error": error}
    if error is None:
        values |= {"last_success": when, "etag": etag, "last_modified": last_modified}
    if state is None:
        conn.execute(sa.insert(t).values(source=source, articles=articles, **values))
    else:
        conn.execute(sa.update(t).where(t.c.source == source).values(articles=t.c.articles + articles, **values))


def feed_health(conn: Connection) -> list[dict]:
    """Every followed source: last poll, last successful poll, last error (None when the last poll worked)."""
    t = s.watch_feeds
    rows = conn.execute(sa.select(t.c.source, t.c.last_poll, t.c.last_success, t.c.last_error, t.c.articles)
                        .order_by(t.c.source))
    return [_plain(row) for row in rows]


# ---------------------------------------------------------------- addresses and documents already held


def seen_keys(conn: Connection, keys: Iterable[str]) -> set[str]:
    found: set[str] = set()
    keys = list(keys)
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        found.update(conn.execute(sa.select(s.watch_seen.c.key).where(s.watch_seen.c.key.in_(chunk))).scalars())
    return found


def mark_seen(conn: Connection, rows: list[dict]) -> None:
    """Rows of key, address, document, source, seen_at; keys already present are left as they are."""
    fresh = seen_keys(conn, [row["key"] for row in rows])
    new = [row for row in {row["key"]: row for row in rows}.values() if row["key"] not in fresh]
    if new:
        conn.execute(sa.insert(s.watch_seen), new)


def stored_content(conn: Connection, ids: list[str], hashes: list[str]) -> set[str]:
    """Which of these document ids and content hashes (sha256 of the text) the store already holds."""
    d = s.documents
    found: set[str] = set()
    for column, values in ((d.c.id, ids), (d.c.content_hash, hashes)):
        for start in range(0, len(values), 500):
            chunk = values[start : start + 500]
            found.update(conn.execute(sa.select(column).where(column.in_(chunk))).scalars())
    return found


# ---------------------------------------------------------------- incidents as the rules last saw them


def baseline_taken(conn: Connection) -> bool:
    return conn.execute(sa.select(s.meta.c.key).where(s.meta.c.key == BASELINE_KEY)).first() is not None


def mark_baseline(conn: Connection, when: str) -> None:
    conn.execute(sa.insert(s.meta).values(key=BASELINE_KEY, value=when))


def changed_incidents(conn: Connection, limit: int = 2000) -> list[tuple[dict, dict | None]]:
    """Living incidents whose documents or tolls differ from their snapshot (or that have none): each SPEC §3
    record with the snapshot it had (None: never seen)."""
    i, w = s.incidents, s.watch_incidents
    differs = sa.or_(w.c.incident.is_(None), w.c.documents != i.c.documents,
                     sa.func.coalesce(w.c.killed, -1) != sa.func.coalesce(i.c.killed, -1),
                     sa.func.coalesce(w.c.injured, -1) != sa.func.coalesce(i.c.injured, -1))
    query = (sa.select(i, w.c.incident.label("w_incident"), w.c.documents.label("w_documents"),
                       w.c.killed.label("w_killed"), w.c.injured.label("w_injured"), w.c.disputed.label("w_disputed"))
             .outerjoin(w, w.c.incident == i.c.id)
             .where(i.c.merged_into.is_(None), i.c.documents > 0, differs).order_by(i.c.seq).limit(limit))
    rows = conn.execute(query).all()
    records = incident_records(conn, rows)
    return [(record, _snapshot(row)) for record, row in zip(records, rows, strict=True)]


def _snapshot(row) -> dict | None:
    if row.w_incident is None:
        return None
    return {"documents": row.w_documents, "killed": row.w_killed, "injured": row.w_injured,
            "disputed": orjson.loads(row.w_disputed) if row.w_disputed else []}


def save_snapshots(conn: Connection, snapshots: list[dict]) -> None:
    """Rows of incident, documents, killed, injured, disputed (a list), replacing earlier ones."""
    w = s.watch_incidents
    for snap in snapshots:
        values = {"documents": snap["documents"], "killed": snap["killed"], "injured": snap["injured"],
                  "disputed": orjson.dumps(sorted(snap["disputed"])).decode()}
        if conn.execute(sa.update(w).where(w.c.incident == snap["incident"]).values(**values)).rowcount == 0:
            conn.execute(sa.insert(w).values(incident=snap["incident"], **values))


# ---------------------------------------------------------------- the outbox


def add_alerts(conn: Connection, rows: list[dict]) -> list[str]:
    """Insert alerts whose id is new; returns the ids inserted (an alert raised again is not doubled)."""
    a = s.alerts
    ids = [row["id"] for row in rows]
    existing = set(conn.execute(sa.select(a.c.id).where(a.c.id.in_(ids))).scalars()) if ids else set()
    new = [row for row in {row["id"]: row for row in rows}.values() if row["id"] not in existing]
    if new:
        conn.execute(sa.insert(a), new)
    return [row["id"] for row in new]


def due_alerts(conn: Connection, now: float, limit: int = 100) -> list[dict]:
    a = s.alerts
    query = (sa.select(a).where(a.c.status == "pending", a.c.next_attempt <= now)
             .order_by(a.c.next_attempt, a.c.seq).limit(limit))
    return [_plain(row) for row in conn.execute(query)]


def next_due(conn: Connection) -> float | None:
    """When the earliest pending alert may be tried again (Unix time), or None when none is pending."""
    a = s.alerts
    return conn.execute(sa.select(sa.func.min(a.c.next_attempt)).where(a.c.status == "pending")).scalar()


def pending_count(conn: Connection) -> int:
    a = s.alerts
    return conn.execute(sa.select(sa.func.count()).select_from(a).where(a.c.status == "pending")).scalar_one()


def mark_delivered(conn: Connection, alert_id: str, when: str) -> None:
    a = s.alerts
    conn.execute(sa.update(a).where(a.c.id == alert_id, a.c.status == "pending")
                 .values(status="delivered", delivered_at=when, attempts=a.c.attempts + 1, last_error=None))


def mark_attempt_failed(conn: Connection, alert_id: str, error: str, next_attempt: float) -> None:
    a = s.alerts
    conn.execute(sa.update(a).where(a.c.id == alert_id, a.c.status == "pending")
                 .values(attempts=a.c.attempts + 1, last_error=error[:500], next_attempt=next_attempt))


def alerts(conn: Connection, rule: str | None = None, pending: bool = False, after: int | None = None,
           limit: int | None = 100, newest_first: bool = True) -> list[dict]:
    """Alerts with their delivery state and payload (decoded); ``after``: only those with a larger ``seq``."""
    a = s.alerts
    query = sa.select(a)
    if rule:
        query = query.where(a.c.rule == rule)
    if pending:
        query = query.where(a.c.status == "pending")
    if after is not None:
        query = query.where(a.c.seq > after)
    query = query.order_by(a.c.seq.desc() if newest_first else a.c.seq)
    if limit is not None:
        query = query.limit(limit)
    return [_plain(row) | {"payload": orjson.loads(row.payload)} for row in conn.execute(query)]


def last_alert_seq(conn: Connection) -> int:
    return conn.execute(sa.select(sa.func.coalesce(sa.func.max(s.alerts.c.seq), 0))).scalar_one()
