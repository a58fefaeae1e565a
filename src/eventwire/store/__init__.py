"""The store: document records, their items, and the cross-document links, in SQLite or PostgreSQL.

    store = Store.open("sqlite:///eventwire.db")     # or postgresql://user@host/db; None: the default
    eventwire.ingest.add_records(store, records)      # one transaction: store, then link; idempotent
    store.incidents(since="2014-01-01", limit=20)     # plain JSON-ready dicts

The store stores and queries; it makes no linking decisions (eventwire.link does, eventwire.ingest runs it
inside ``Store.writing()``).

Every list query takes the same optional filters: ``since``, ``until`` (ISO dates), ``bbox``
(min_lon, min_lat, max_lon, max_lat), ``actor`` (actor id or part of a name), ``type`` (event type),
``story`` (story id), ``query`` (full text, every word must match), ``limit`` (default 50), ``offset``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy.engine import Connection, Engine

from eventwire.store import incident_queries, queries
from eventwire.store.database import connect_checked, create_engine, database_errors, migrate, normalise_url
from eventwire.store.queries import Filters
from eventwire.store.writer import record_problem

__all__ = ["Store", "record_problem"]


class Store:
    """One database. Thread-safe for reads; writes are serialised by the database."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, url: str | None = None) -> Store:
        """Connect (``None``: $EVENTWIRE_DB or ./eventwire.db), create or migrate the schema."""
        from eventwire.config import database_url

        engine = create_engine(normalise_url(database_url(url)))
        connect_checked(engine)
        migrate(engine)
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: Any) -> None:
        self.close()

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    # ------------------------------------------------------------ writing

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """One write transaction, writers serialised (SQLite BEGIN IMMEDIATE, a row lock on PostgreSQL)."""
        from eventwire.store.schema import meta

        with database_errors(), self.engine.connect() as conn, \
                conn.execution_options(sqlite_begin="IMMEDIATE").begin():
            _lock_writers(conn, meta)
            yield conn

    # ------------------------------------------------------------ reading

    def document(self, doc_id: str) -> dict | None:
        """The SPEC §2 record with ``story`` and ``incident``, or None."""
        return self._one(queries.document, doc_id)

    def _one(self, query: Callable[[Connection, str], dict | None], identifier: str) -> dict | None:
        with database_errors(), self.engine.connect() as conn:
            return query(conn, identifier)

    def documents(self, **filters: Any) -> list[dict]:
        """Document summaries (id, title, url, published, lang, story, incident, junk, snippet), newest first."""
        return self._list(queries.documents, filters)

    def events(self, **filters: Any) -> list[dict]:
        """Events (SPEC §2 fields) with ``document``, ``when`` (date or publication day), ``place_name``,
        ``lat``, ``lon``, ``incident``, ``story``, ``published``; latest first."""
        return self._list(queries.events, filters)

    def incidents(self, **filters: Any) -> list[dict]:
        """Incident records (SPEC §3), latest first."""
        return self._list(incident_queries.incidents, filters)

    def incident(self, identifier: str) -> dict | None:
        """One incident record (SPEC §3) by id, or None."""
        return self._one(incident_queries.incident, identifier)

    def quotes(self, **filters: Any) -> list[dict]:
        """Quotes (SPEC §2 fields) with ``document``, ``speaker_name``, ``text`` (the quoted words), ``published``."""
        return self._list(queries.quotes, filters)

    def figures(self, **filters: Any) -> list[dict]:
        """Figures (SPEC §2 fields) with ``document``, ``when``, ``place_name``, ``lat``, ``lon``, ``published``."""
        return self._list(queries.figures, filters)

    def stories(self, **filters: Any) -> list[dict]:
        """Stories: ``story`` id, ``title``, ``documents`` (count), ``first`` and ``last`` day."""
        return self._list(incident_queries.stories, filters)

    def search(self, q: str, **filters: Any) -> list[dict]:
        """Document summaries whose title or text contains every word of ``q``."""
        with database_errors(), self.engine.connect() as conn:
            return queries.search(conn, q, Filters(**filters))

    def _list(self, query, filters: dict[str, Any]) -> list[dict]:
        with database_errors(), self.engine.connect() as conn:
            return query(conn, Filters(**filters))

    # ------------------------------------------------------------ export

    def iter_documents(self, page: int = 500, **filters: Any) -> Iterator[dict]:
        """Every stored SPEC §2 record (story, incident filled in), in the order they were stored."""
        return self._pages(lambda conn, f, after: queries.document_page(conn, f, after or 0, page), filters)

    def iter_incidents(self, page: int = 500, **filters: Any) -> Iterator[dict]:
        """Every incident record (SPEC §3), oldest first."""
        return self._pages(lambda conn, f, after: incident_queries.incident_page(conn, f, after or 0, page), filters)

    def iter_items(self, what: str, page: int = 1000, **filters: Any) -> Iterator[dict]:
        """Every event, quote or figure (as the list queries give them), in storage order."""
        return self._pages(lambda conn, f, after: queries.item_page(conn, what, f, after, page), filters)

    def iter_claims(self, page: int = 1000, **filters: Any) -> Iterator[dict]:
        """Every claim with its incident, document, outlet and publication, in storage order."""
        return self._pages(lambda conn, f, after: incident_queries.claim_page(conn, f, after, page), filters)

    def _pages(self, read_page, filters: dict[str, Any]) -> Iterator[dict]:
        """Page after page by key (never OFFSET), each on a short connection, so memory and time stay linear."""
        f = Filters(**filters, limit=None)
        after = None
        while True:
            with database_errors(), self.engine.connect() as conn:
                rows, after = read_page(conn, f, after)
            yield from rows
            if after is None:
                return

    def stored_ids(self) -> StoredIds:
        """The ids stored now, asked of the database one at a time (a rerun extracts only what is missing)."""
        return StoredIds(self.engine)

    def count(self) -> int:
        import sqlalchemy as sa

        from eventwire.store.schema import documents

        with self.engine.connect() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(documents)).scalar_one()


def _lock_writers(conn, meta) -> None:
    """Serialise writers on PostgreSQL too (SQLite's BEGIN IMMEDIATE already does): one row lock."""
    import sqlalchemy as sa

    conn.execute(sa.update(meta).where(meta.c.key == "writer").values(value=meta.c.value))


class StoredIds:
    """``id in stored`` and ``len(stored)`` for the documents stored when it was made, without loading the ids."""

    def __init__(self, engine: Engine) -> None:
        import sqlalchemy as sa

        from eventwire.store.schema import documents

        self.engine, self._documents = engine, documents
        with engine.connect() as conn:
            self._count, self._last = conn.execute(
                sa.select(sa.func.count(), sa.func.coalesce(sa.func.max(documents.c.seq), 0))).one()

    def __contains__(self, doc_id: object) -> bool:
        import sqlalchemy as sa

        if not isinstance(doc_id, str) or not self._count:
            return False
        d = self._documents
        with self.engine.connect() as conn:
            return conn.execute(sa.select(d.c.seq).where(d.c.id == doc_id, d.c.seq <= self._last)).first() is not None

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[str]:
        import sqlalchemy as sa

        d = self._documents
        with self.engine.connect() as conn:
            yield from conn.execute(sa.select(d.c.id).where(d.c.seq <= self._last).order_by(d.c.seq)).scalars()
