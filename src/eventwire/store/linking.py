"""What the store keeps for cross-document linking, and the queries linking needs. No linking decisions here.

- ``link_keys``: the inverted index, one row per (key, document) with the document's day, so a lookup reads
  only postings inside a date window; cell keys (``c:COUNTRY:FAMILY:DAY``, one per day a happening may
  have taken place) find the reports of the same kind of happening in the same country on the same days,
  so the cost of a lookup follows the day's news in that place, not the size of the store.
- ``link_terms``: how many documents carry each name or word key (``""`` counts the documents): rarity.
- ``incidents``, ``incident_reports`` (every incident a document reports; ``main`` marks documents.incident),
  ``stories``. A merge points the absorbed incident's ``merged_into`` at the survivor, so old ids resolve.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import orjson
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from eventwire.store import schema as s

DOCUMENTS_KEY = ""
CELL_PREFIX = "c:"
MAX_CANDIDATES = 40


def key_counts(conn: Connection, keys: list[str]) -> tuple[int, dict[str, int]]:
    """How many documents are indexed, and how many carry each of ``keys``."""
    frequency: dict[str, int] = {}
    wanted = [DOCUMENTS_KEY, *keys]
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        frequency.update(conn.execute(sa.select(s.link_terms.c.key, s.link_terms.c.df)
                                      .where(s.link_terms.c.key.in_(chunk))).all())
    return frequency.pop(DOCUMENTS_KEY, 0), frequency


def candidates(conn: Connection, seq: int, day: int | None, lookup: list[str], weights: dict[str, float],
               cells: list[str], window: int, anywhen: frozenset[str] = frozenset()) -> list[dict]:
    """Stored documents that may report the same happening: the best ``MAX_CANDIDATES`` by the summed
    ``weights`` of the ``lookup`` keys they share within ``window`` days (any day for the keys in
    ``anywhen``: a rare name ties a trial to a happening months before), and those under the same ``cells``;
    each as its features with ``seq``, ``incident``, ``incident_seq``, ``story`` and ``happening_incidents``
    (the incident each of its reported happenings is filed under, by happening index)."""
    hits: Counter = Counter()
    if day is not None and lookup:
        query = (sa.select(s.link_keys.c.doc, s.link_keys.c.key)
                 .where(s.link_keys.c.key.in_(lookup), s.link_keys.c.day.between(day - window, day + window),
                        s.link_keys.c.doc != seq))
        for doc, key in conn.execute(query):
            hits[doc] += weights.get(key, 0.0)
        far = [key for key in lookup if key in anywhen]
        if far:
            query = (sa.select(s.link_keys.c.doc, s.link_keys.c.key)
                     .where(s.link_keys.c.key.in_(far), s.link_keys.c.doc != seq,
                            sa.not_(s.link_keys.c.day.between(day - window, day + window))))
            for doc, key in conn.execute(query):
                hits[doc] += weights.get(key, 0.0)
    # ties go to the older document, whatever order the database returns rows in
    top = [doc for doc, _ in sorted(hits.items(), key=lambda hit: (-round(hit[1], 9), hit[0]))[:MAX_CANDIDATES]]
    if cells:
        query = (sa.select(s.link_keys.c.doc).where(s.link_keys.c.key.in_(cells), s.link_keys.c.doc != seq)
                 .distinct().order_by(s.link_keys.c.doc.desc()).limit(MAX_CANDIDATES))
        top += [doc for doc in conn.execute(query).scalars() if doc not in hits]
    if not top:
        return []
    i = s.incidents
    columns = (s.documents.c.seq, s.documents.c.incident, s.documents.c.story, s.documents.c.features, i.c.seq)
    found = []
    query = (sa.select(*columns).outerjoin(i, i.c.id == s.documents.c.incident)
             .where(s.documents.c.seq.in_(top), s.documents.c.incident.is_not(None)).order_by(s.documents.c.seq))
    r = s.incident_reports
    filed: dict[int, dict[int, str]] = {}
    for doc, happening, incident in conn.execute(sa.select(r.c.doc, r.c.happening, r.c.incident)
                                                 .where(r.c.doc.in_(top))):
        filed.setdefault(doc, {})[happening] = incident
    for row in conn.execute(query):
        other = orjson.loads(row.features)
        other.update(seq=row.seq, incident=row.incident, story=row.story, incident_seq=row[4],
                     happening_incidents=filed.get(row.seq, {}))
        found.append(other)
    return found


def index_document(conn: Connection, seq: int, day: int | None, keys: list[str], cells: list[str]) -> None:
    """Add the document's keys and cells to the inverted index, and its keys to the key counts."""
    rows = [{"key": key, "doc": seq, "day": day} for key in dict.fromkeys([*keys, *cells])]
    if rows:
        conn.execute(sa.insert(s.link_keys), rows)
    statement = _upsert(conn)(s.link_terms).on_conflict_do_update(index_elements=[s.link_terms.c.key],
                                                                  set_={"df": s.link_terms.c.df + 1})
    conn.execute(statement, [{"key": key, "df": 1} for key in dict.fromkeys([DOCUMENTS_KEY, *keys])])


def _upsert(conn: Connection):
    """SQLite's and PostgreSQL's INSERT … ON CONFLICT share one API in SQLAlchemy; pick the dialect's."""
    if conn.dialect.name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    else:
        from sqlalchemy.dialects.postgresql import insert
    return insert


def ensure_incident(conn: Connection, identifier: str) -> str:
    if conn.execute(sa.select(s.incidents.c.id).where(s.incidents.c.id == identifier)).first() is None:
        conn.execute(sa.insert(s.incidents).values(id=identifier, documents=0))
    return resolve_incident(conn, identifier)


def ensure_story(conn: Connection, identifier: str) -> str:
    if conn.execute(sa.select(s.stories.c.id).where(s.stories.c.id == identifier)).first() is None:
        conn.execute(sa.insert(s.stories).values(id=identifier, documents=0))
    return identifier


def resolve_incident(conn: Connection, identifier: str) -> str:
    """The incident an id now names: itself, or the incident it was merged into (followed to the end)."""
    for _ in range(100):
        target = conn.execute(sa.select(s.incidents.c.merged_into).where(s.incidents.c.id == identifier)).scalar()
        if not target:
            return identifier
        identifier = target
    return identifier


def assign(conn: Connection, seq: int, incident: str | None, also: list[tuple[int, str]], story: str | None) -> None:
    """File the document under its main incident, its story, and every further incident it reports
    (``also``: the happening's index in the document's features, and its incident)."""
    conn.execute(sa.update(s.documents).where(s.documents.c.seq == seq).values(incident=incident, story=story))
    rows = [{"incident": incident, "doc": seq, "main": True, "happening": 0}] if incident else []
    taken = {incident}
    for index, other in also:
        if other not in taken:
            taken.add(other)
            rows.append({"incident": other, "doc": seq, "main": False, "happening": index})
    if rows:
        conn.execute(sa.insert(s.incident_reports), rows)


def merge_incidents(conn: Connection, survivor: str, absorbed: list[str]) -> None:
    """Fold ``absorbed`` into ``survivor``: their documents move, their ids point at it from now on."""
    r = s.incident_reports
    for identifier in absorbed:
        if identifier == survivor:
            continue
        conn.execute(sa.update(s.documents).where(s.documents.c.incident == identifier).values(incident=survivor))
        moved = conn.execute(sa.select(r.c.doc, r.c.main, r.c.happening).where(r.c.incident == identifier)).all()
        held = set(conn.execute(sa.select(r.c.doc).where(r.c.incident == survivor)).scalars())
        conn.execute(sa.delete(r).where(r.c.incident == identifier))
        rows = [{"incident": survivor, "doc": doc, "main": main, "happening": happening}
                for doc, main, happening in moved if doc not in held]
        if rows:
            conn.execute(sa.insert(r), rows)
        conn.execute(sa.update(r).where(r.c.incident == survivor, r.c.doc.in_([m.doc for m in moved if m.main]))
                     .values(main=True, happening=0))
        conn.execute(sa.update(s.incidents).where(s.incidents.c.id == identifier)
                     .values(merged_into=survivor, documents=0))


def incident_features(conn: Connection, identifier: str) -> list[tuple[dict, int]]:
    """The features (with ``seq``) of every document that reports the incident, each with the index of the
    happening it reports there (0: the document's main one)."""
    r = s.incident_reports
    rows = conn.execute(sa.select(s.documents.c.seq, s.documents.c.features, r.c.happening)
                        .join(r, r.c.doc == s.documents.c.seq).where(r.c.incident == identifier)
                        .order_by(s.documents.c.seq)).all()
    return [(orjson.loads(row.features) | {"seq": row.seq}, row.happening) for row in rows]


def write_incident(conn: Connection, identifier: str, estimate: dict[str, Any], documents: int) -> None:
    values = dict(estimate)
    place = values.pop("place", None)
    values["place"] = orjson.dumps(place).decode() if place else None
    conn.execute(sa.update(s.incidents).where(s.incidents.c.id == identifier).values(**values, documents=documents))


def refresh_stories(conn: Connection, identifiers: set[str]) -> None:
    """Recount the stories' documents, first and last day, and title (its earliest document's title)."""
    d = s.documents
    for identifier in identifiers:  # counted by the database: a long story costs an index range, not its rows
        count, first, last = conn.execute(sa.select(sa.func.count(), sa.func.min(d.c.day), sa.func.max(d.c.day))
                                          .where(d.c.story == identifier)).one()
        title = conn.execute(sa.select(d.c.title).where(d.c.story == identifier, d.c.title.is_not(None),
                                                        d.c.title != "").order_by(d.c.seq).limit(1)).scalar()
        conn.execute(sa.update(s.stories).where(s.stories.c.id == identifier).values(
            documents=count, title=title, first_day=first, last_day=last))


def document_features(conn: Connection, seq: int) -> tuple[str, dict]:
    row = conn.execute(sa.select(s.documents.c.id, s.documents.c.features).where(s.documents.c.seq == seq)).one()
    return row.id, orjson.loads(row.features)
