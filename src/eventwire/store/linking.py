"""What the store keeps for cross-document linking, and the queries linking needs. No linking decisions here.

- ``link_keys``: the inverted index, one row per (key, document) with the document's day, so a lookup reads
  only postings inside a date window; cell keys (``c:COUNTRY:FAMILY:DAY``, one per day a happening may
  have taken place) find the reports of the same kind of happening in the same country on the same days,
  so the cost of a lookup follows the day's news in that place, not the size of the store.
- ``link_terms``: how many documents carry each name or word key (``""`` counts the documents): rarity.
- ``link_bonds``: the bonds between reports of one happening (eventwire.link.groups), once in each direction.
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
# a name looked up across any gap (``anywhen``) reads this many of its postings on each side of the window
FAR_POSTINGS = 100


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
    ``weights`` of the ``lookup`` keys they share within ``window`` days (further off for the keys in
    ``anywhen``: a rare name ties a trial to a happening months before; the ``FAR_POSTINGS`` nearest in time
    on each side), and those under the same ``cells``; each as its features with ``seq``, ``incident``,
    ``incident_seq``, ``story`` and ``happening_incidents`` (the incident each of its reported happenings is
    filed under, by happening index). Every lookup is an index range, so its cost follows the news of the
    window (and a name's nearest reports), not the size of the store."""
    hits: Counter = Counter()
    if day is not None and lookup:
        query = (sa.select(s.link_keys.c.doc, s.link_keys.c.key)
                 .where(s.link_keys.c.key.in_(lookup), s.link_keys.c.day.between(day - window, day + window),
                        s.link_keys.c.doc != seq))
        for doc, key in conn.execute(query):
            hits[doc] += weights.get(key, 0.0)
        for key in (key for key in lookup if key in anywhen):
            for doc in far_postings(conn, key, day, window, seq):
                hits[doc] += weights.get(key, 0.0)
    # ties go to the older document, whatever order the database returns rows in
    top = [doc for doc, _ in sorted(hits.items(), key=lambda hit: (-round(hit[1], 9), hit[0]))[:MAX_CANDIDATES]]
    if cells:
        query = (sa.select(s.link_keys.c.doc).where(s.link_keys.c.key.in_(cells), s.link_keys.c.doc != seq)
                 .distinct().order_by(s.link_keys.c.doc.desc()).limit(MAX_CANDIDATES))
        top += [doc for doc in conn.execute(query).scalars() if doc not in hits]
    return _candidate_features(conn, top) if top else []


def far_postings(conn: Connection, key: str, day: int, window: int, seq: int) -> list[int]:
    """The documents carrying ``key`` outside ``window`` days of ``day``: the ``FAR_POSTINGS`` nearest in time
    before it and as many after it (nearest first, the later document first on one day), by the (key, day)
    index, however many the store holds."""
    k = s.link_keys.c
    before = (sa.select(k.doc).where(k.key == key, k.day < day - window, k.doc != seq)
              .order_by(k.day.desc(), k.doc.desc()).limit(FAR_POSTINGS))
    after = (sa.select(k.doc).where(k.key == key, k.day > day + window, k.doc != seq)
             .order_by(k.day, k.doc.desc()).limit(FAR_POSTINGS))
    return [*conn.execute(before).scalars(), *conn.execute(after).scalars()]


def _candidate_features(conn: Connection, top: list[int]) -> list[dict]:
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
    b = s.link_bonds
    strongest = sa.select(b.c.doc, sa.func.max(b.c.score)).where(b.c.doc.in_(top)).group_by(b.c.doc)
    bond = dict(conn.execute(strongest).all())
    for row in conn.execute(query):
        other = orjson.loads(row.features)
        other.update(seq=row.seq, incident=row.incident, story=row.story, incident_seq=row[4],
                     happening_incidents=filed.get(row.seq, {}), bond=bond.get(row.seq))
        found.append(other)
    return found


def add_bonds(conn: Connection, seq: int, bonds: list[tuple[int, float]]) -> None:
    """Record the document's bonds to stored reports, once in each direction."""
    rows = [row for other, score in dict(bonds).items()
            for row in ({"doc": seq, "other": other, "score": score}, {"doc": other, "other": seq, "score": score})]
    if rows:
        conn.execute(sa.insert(s.link_bonds), rows)


def incident_bonds(conn: Connection, identifier: str) -> tuple[set[int], dict[int, dict[int, float]]]:
    """The documents whose main incident is ``identifier``, and every bond of each (inside it or not)."""
    members = set(conn.execute(sa.select(s.documents.c.seq).where(s.documents.c.incident == identifier)).scalars())
    bonds: dict[int, dict[int, float]] = {}
    b = s.link_bonds
    for doc, other, score in conn.execute(sa.select(b.c.doc, b.c.other, b.c.score).where(b.c.doc.in_(members))):
        bonds.setdefault(doc, {})[other] = score
    return members, bonds


def incident_of(conn: Connection, seq: int) -> str | None:
    return conn.execute(sa.select(s.documents.c.incident).where(s.documents.c.seq == seq)).scalar()


def older_incident(conn: Connection, a: str, b: str) -> str:
    """Of two incidents, the one made first (it survives a merge)."""
    i = s.incidents
    ages = dict(conn.execute(sa.select(i.c.id, i.c.seq).where(i.c.id.in_([a, b]))).all())
    return a if ages.get(a, 0) <= ages.get(b, 0) else b


def move_reports(conn: Connection, seqs: set[int], source: str, target: str) -> None:
    """Move documents whose main incident is ``source`` to ``target`` (their other filings stay)."""
    r = s.incident_reports
    conn.execute(sa.update(s.documents).where(s.documents.c.seq.in_(seqs)).values(incident=target))
    conn.execute(sa.delete(r).where(r.c.incident == target, r.c.doc.in_(seqs)))
    conn.execute(sa.update(r).where(r.c.incident == source, r.c.main.is_(True), r.c.doc.in_(seqs))
                 .values(incident=target))


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


def count_story_documents(conn: Connection, added: dict[str, list[int]]) -> None:
    """Add newly filed documents (story -> their seqs) to their stories' counts: documents, first and last
    day, and the title (the earliest document's title: a story keeps the one it has, as a new document is
    always later). Only the new documents are read, so a long story costs no more than a short one."""
    d, st = s.documents, s.stories
    for identifier, seqs in added.items():
        story = conn.execute(sa.select(st.c.documents, st.c.title, st.c.first_day, st.c.last_day)
                             .where(st.c.id == identifier)).one()
        rows = conn.execute(sa.select(d.c.day, d.c.title).where(d.c.seq.in_(seqs)).order_by(d.c.seq)).all()
        days = [row.day for row in rows if row.day is not None] + [
            day for day in (story.first_day, story.last_day) if day is not None]
        title = story.title or next((row.title for row in rows if row.title), None)
        conn.execute(sa.update(st).where(st.c.id == identifier).values(
            documents=story.documents + len(rows), title=title, first_day=min(days, default=None),
            last_day=max(days, default=None)))


def document_features(conn: Connection, seq: int) -> tuple[str, dict]:
    row = conn.execute(sa.select(s.documents.c.id, s.documents.c.features).where(s.documents.c.seq == seq)).one()
    return row.id, orjson.loads(row.features)
