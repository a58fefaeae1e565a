"""Initial schema: documents and their items, actors, incidents, stories, the linking index, full text.

Revision ID: 0001
Revises:
Create Date: 2026-11-25 12:22:23.716076
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from eventwire.store.migrations.tables import create, drop, index

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    create("actors", "seq serial, id str40!, key str300!, type str16, name text!, surname str200, documents int!",
           unique=("id", "key"), indexes=("surname",))
    create("documents", "seq serial, id str200!, content_hash str64!, title text, url text, published str40, "
           "lang str16, text text!, record text!, junk bool!, day int, features text!, story str40, incident str40",
           unique=("id",), indexes=("content_hash", "day", "incident", "published", "story"))
    create("incidents", "seq serial, id str40!, merged_into str40, type str16, date str40, place text, lat float, "
           "lon float, killed int, injured int, documents int!", unique=("id",), indexes=("date", "type"))
    create("link_terms", "key str200!, df int!", key=("key",))
    create("meta", "key str40!, value text", key=("key",))
    create("stories", "seq serial, id str40!, title text, first_day int, last_day int, documents int!",
           unique=("id",))
    create("claims", "doc int!, position int!, field str16!, value text!, claimant text, evidence_start int, "
           "evidence_end int", key=("doc", "position"), of_document=True)
    create("entities", "doc int!, entity str40!, type str16, name text, actor str40", key=("doc", "entity"),
           of_document=True, indexes=("actor",))
    create("events", "doc int!, position int!, event str40!, type str16, date str40, place text, lat float, "
           "lon float, killed int, injured int, status str16, actors text, record text!", key=("doc", "position"),
           of_document=True, indexes=("date", "type"))
    create("figures", "doc int!, position int!, category str32, unit str32, value float, low float, high float, "
           "date str40, place text, lat float, lon float, actors text, record text!", key=("doc", "position"),
           of_document=True, indexes=("category",))
    create("link_keys", "key str200!, doc int!, day int", key=("key", "doc"), of_document=True)
    index("link_keys", "ix_link_keys_key_day", ("key", "day"))
    create("places", "doc int!, position int!, name text, admin1 text, country str8, lat float, lon float",
           key=("doc", "position"), of_document=True)
    create("quotes", "doc int!, position int!, speaker text, actors text, content text, kind str16, record text!",
           key=("doc", "position"), of_document=True)
    op.bulk_insert(sa.table("meta", sa.column("key", sa.String), sa.column("value", sa.Text)),
                   [{"key": "writer", "value": ""}])
    create_fulltext()


def create_fulltext() -> None:
    """SQLite: an FTS5 index kept in step by triggers. PostgreSQL: a generated tsvector with a GIN index."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', "
                   "content_rowid='seq', tokenize='porter unicode61')")
        op.execute("CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN "
                   "INSERT INTO documents_fts(rowid, title, text) VALUES (new.seq, new.title, new.text); END")
        op.execute("CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN "
                   "INSERT INTO documents_fts(documents_fts, rowid, title, text) "
                   "VALUES ('delete', old.seq, old.title, old.text); END")
    else:
        op.execute("ALTER TABLE documents ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
                   "(to_tsvector('english', left(coalesce(title, '') || ' ' || text, 500000))) STORED")
        op.execute("CREATE INDEX ix_documents_tsv ON documents USING gin (tsv)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS documents_fts_insert")
        op.execute("DROP TRIGGER IF EXISTS documents_fts_delete")
        op.execute("DROP TABLE IF EXISTS documents_fts")
    drop("quotes", "places", "link_keys", "figures", "events", "entities", "claims", "stories", "meta", "link_terms",
         "incidents", "documents", "actors")
