"""Opening a database: URL checks, the engine with the right settings, and the Alembic migrations."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import URL, Engine, make_url

from eventwire.errors import EventwireError

MIGRATIONS = Path(__file__).parent / "migrations"


def normalise_url(given: str) -> URL:
    """``postgresql://`` and ``postgres://`` select psycopg 3; ``sqlite:///FILE`` an SQLite file. Others are refused."""
    try:
        url = make_url(given)
    except Exception as err:
        raise EventwireError(f"not a database URL: {given!r} ({err})") from None
    backend = url.get_backend_name()
    if backend in ("postgresql", "postgres"):
        return url.set(drivername="postgresql+psycopg")
    if backend == "sqlite":
        if url.get_driver_name() not in ("pysqlite", None, ""):
            raise EventwireError(f"unsupported SQLite driver in {given!r}; use sqlite:///FILE")
        if url.database and url.database != ":memory:":
            parent = Path(url.database).expanduser().resolve().parent
            if not parent.is_dir():
                raise EventwireError(f"database directory does not exist: {parent}")
        return url.set(drivername="sqlite+pysqlite")
    raise EventwireError(f"unsupported database URL {_safe(url)}: use sqlite:///FILE or postgresql://…")


def create_engine(url: URL) -> Engine:
    if url.get_backend_name() == "sqlite":
        engine = sa.create_engine(url, connect_args={"timeout": 60})
        _sqlite_settings(engine)
        return engine
    return sa.create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 10})


def _sqlite_settings(engine: Engine) -> None:
    """WAL, foreign keys, and transactions SQLAlchemy controls (pysqlite's own BEGIN handling is off)."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        if engine.url.database and engine.url.database != ":memory:":
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")  # with WAL: durable against a killed process
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=60000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection) -> None:
        # IMMEDIATE takes the write lock up front, so two writers queue instead of failing half-way
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (creates it on an empty database)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def connect_checked(engine: Engine) -> None:
    """Fail with one clear line when the server cannot be reached or the file cannot be opened."""
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("SELECT 1")
    except sa.exc.SQLAlchemyError as err:
        reason = str(getattr(err, "orig", err)).strip().splitlines()
        raise EventwireError(f"cannot open database {_safe(engine.url)}: {reason[0] if reason else err}") from None


@contextmanager
def database_errors() -> Iterator[None]:
    """A database failure as one clear line (EventwireError) instead of SQLAlchemy's page of SQL."""
    try:
        yield
    except sa.exc.SQLAlchemyError as err:
        reason = str(getattr(err, "orig", None) or err).strip().splitlines()
        raise EventwireError(f"database error: {type(getattr(err, 'orig', err)).__name__}: "
                             f"{reason[0] if reason else 'unknown'}") from None


def _safe(url: URL) -> str:
    return url.render_as_string(hide_password=True)
