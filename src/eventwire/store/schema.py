"""The storage schema (SQLAlchemy Core), shared by SQLite and PostgreSQL.

Items (entities, places, events, quotes, figures, claims) hang off a document by ``doc`` (its ``seq``); their
full SPEC §2 JSON is kept in ``record`` and the columns next to it exist for filtering and linking.
The migrations in ``migrations/versions`` create exactly these tables; tests check that they agree.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()


def item_table(name: str, *columns: Column | Index) -> Table:
    """A table of one kind of a document's items, keyed by the document and the item's place in its list."""
    return Table(name, metadata,
                 Column("doc", Integer, ForeignKey("documents.seq"), primary_key=True),
                 Column("position", Integer, primary_key=True),
                 *columns)


def located() -> list[Column]:
    """Where an item or incident happened: the place (JSON {name, admin1, country, lat, lon}) and its point."""
    return [Column("place", Text), Column("lat", Float), Column("lon", Float)]


documents = Table(
    "documents",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", String(200), nullable=False, unique=True),
    Column("content_hash", String(64), nullable=False, index=True),
    Column("title", Text),
    Column("url", Text),
    Column("published", String(40), index=True),
    Column("lang", String(16)),
    Column("text", Text, nullable=False),
    Column("record", Text, nullable=False),  # the SPEC §2 record as JSON, without story/incident
    Column("junk", Boolean, nullable=False, default=False),
    Column("day", Integer, index=True),  # linking date as a proleptic ordinal (date.toordinal)
    Column("features", Text, nullable=False),  # linking features as JSON
    Column("story", String(40), index=True),
    Column("incident", String(40), index=True),
)

entities = Table(
    "entities",
    metadata,
    Column("doc", Integer, ForeignKey("documents.seq"), primary_key=True),
    Column("entity", String(40), primary_key=True),
    Column("type", String(16)),
    Column("name", Text),
    Column("actor", String(40), index=True),
)

actors = Table(
    "actors",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", String(40), nullable=False, unique=True),
    Column("key", String(300), nullable=False, unique=True),  # type + normalised name
    Column("type", String(16)),
    Column("name", Text, nullable=False),
    Column("surname", String(200), index=True),  # a person's last name, for "Saakashvili" alone
    Column("documents", Integer, nullable=False, default=0),
)

places = item_table(
    "places",
    Column("name", Text),
    Column("admin1", Text),
    Column("country", String(8)),
    Column("lat", Float),
    Column("lon", Float),
)

events = item_table(
    "events",
    Column("event", String(40), nullable=False),
    Column("type", String(16), index=True),
    Column("date", String(40), index=True),
    *located(),
    Column("killed", Integer),
    Column("injured", Integer),
    Column("status", String(16)),
    Column("actors", Text),  # "|actor id|name|..." lower-cased, for the actor filter
    Column("record", Text, nullable=False),
)

quotes = item_table(
    "quotes",
    Column("speaker", Text),
    Column("actors", Text),
    Column("content", Text),
    Column("kind", String(16)),
    Column("record", Text, nullable=False),
)

figures = item_table(
    "figures",
    Column("category", String(32), index=True),
    Column("unit", String(32)),
    Column("value", Float),
    Column("low", Float),
    Column("high", Float),
    Column("date", String(40)),
    *located(),
    Column("actors", Text),
    Column("record", Text, nullable=False),
)

incidents = Table(
    "incidents",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", String(40), nullable=False, unique=True),
    Column("merged_into", String(40)),  # set when a later report showed two incidents to be one
    # best estimates, derived from the claims by eventwire.link.incidents.best_estimate; kept for filtering
    Column("type", String(16), index=True),
    Column("date", String(40), index=True),
    *located(),
    Column("killed", Integer),
    Column("injured", Integer),
    Column("documents", Integer, nullable=False, default=0),
    Column("disputed", Boolean),  # parties report conflicting tolls (migration 0003)
)

# Every incident a document reports: its main one (documents.incident) and a roundup's others (migration 0003).
incident_reports = Table(
    "incident_reports",
    metadata,
    Column("incident", String(40), primary_key=True),
    Column("doc", Integer, ForeignKey("documents.seq"), primary_key=True),
    Column("main", Boolean, nullable=False),
    Column("happening", Integer, nullable=False, default=0),  # which of the document's happenings
    Index("ix_incident_reports_doc", "doc"),
)

claims = item_table(
    "claims",
    Column("field", String(16), nullable=False),
    Column("value", Text, nullable=False),  # JSON
    Column("claimant", Text),
    Column("evidence_start", Integer),
    Column("evidence_end", Integer),
)

stories = Table(
    "stories",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", String(40), nullable=False, unique=True),
    Column("title", Text),
    Column("first_day", Integer),
    Column("last_day", Integer),
    Column("documents", Integer, nullable=False, default=0),
)

# The inverted index that finds linking candidates: one row per (key, document), with the document's day so
# that a lookup reads only the postings inside the date window, from the index alone (migration 0004), and a
# name's nearest postings outside it in index order.
link_keys = Table(
    "link_keys",
    metadata,
    Column("key", String(200), primary_key=True),
    Column("doc", Integer, ForeignKey("documents.seq"), primary_key=True),
    Column("day", Integer),
    Index("ix_link_keys_key_day_doc", "key", "day", "doc"),
)

# How many indexed documents carry each key (the row "" counts the documents): the keys' rarity.
# Bonds between reports of one happening (eventwire.link.incidents: a main happening paired with a main
# happening at JOIN_SCORE or more), once in each direction, so a report's closest report is one look-up
# (migration 0005). A report is in the incident of its closest report; a bond at MERGE_SCORE always holds.
link_bonds = Table(
    "link_bonds",
    metadata,
    Column("doc", Integer, ForeignKey("documents.seq"), primary_key=True),
    Column("other", Integer, primary_key=True),
    Column("score", Float, nullable=False),
)

link_terms = Table(
    "link_terms",
    metadata,
    Column("key", String(200), primary_key=True),
    Column("df", Integer, nullable=False),
)

# Small key-value facts about the store; the "writer" row is locked by every write transaction.
meta = Table(
    "meta",
    metadata,
    Column("key", String(40), primary_key=True),
    Column("value", Text),
)

# ---------------------------------------------------------------- watching feeds (eventwire watch)

# One row per followed source (a feed, a sitemap or a folder): what the conditional GET needs and its health.
watch_feeds = Table(
    "watch_feeds",
    metadata,
    Column("source", String(500), primary_key=True),  # "feed https://…", "sitemap https://…", "folder /path"
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_poll", String(40)),
    Column("last_success", String(40)),
    Column("last_error", Text),
    Column("articles", Integer, nullable=False, default=0),  # new articles ingested from it, all time
)

# Every article address (or dropped file) already handled, so a repeat poll fetches nothing again.
watch_seen = Table(
    "watch_seen",
    metadata,
    Column("key", String(64), primary_key=True),  # sha256 of the URL (or of path, size and mtime)
    Column("address", Text, nullable=False),
    Column("document", String(200)),
    Column("source", String(500)),
    Column("seen_at", String(40)),
)

# The state of each incident when alert rules last looked at it: what a batch changed is the difference.
watch_incidents = Table(
    "watch_incidents",
    metadata,
    Column("incident", String(40), primary_key=True),
    Column("documents", Integer, nullable=False, default=0),
    Column("killed", Integer),
    Column("injured", Integer),
    Column("disputed", Text),  # JSON list of the fields whose reports disagree
)

# The outbox: one row per (rule, incident, change), kept until acknowledged and afterwards as history.
alerts = Table(
    "alerts",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", String(64), nullable=False, unique=True),  # stable: a hash of rule, incident and change
    Column("rule", String(200), nullable=False, index=True),
    Column("incident", String(40), nullable=False),
    Column("change", String(300), nullable=False),
    Column("created", String(40), nullable=False),
    Column("payload", Text, nullable=False),  # the JSON body, byte for byte what the webhook receives
    Column("webhook", Text),
    Column("status", String(16), nullable=False),  # pending | delivered | feed-only
    Column("attempts", Integer, nullable=False, default=0),
    Column("next_attempt", Float, nullable=False, default=0.0),  # Unix time of the next delivery try
    Column("delivered_at", String(40)),
    Column("last_error", Text),
    Index("ix_alerts_status_next", "status", "next_attempt"),
)
