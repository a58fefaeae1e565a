"""Store fixtures: a real SQLite file, and a database on the session's real PostgreSQL server (tests/conftest.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from store_records import make_record  # noqa: E402


@pytest.fixture
def postgres_url(postgres_server) -> str:
    """A fresh, empty database on the session's server."""
    return postgres_server.new_database()


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'eventwire.db'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    """Each test using this runs twice: on an SQLite file and on a PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'eventwire.db'}"
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def record():
    """record(doc_id, text, published, title, persons=(), place=(name, admin1, lat, lon), event=WORD, ...)."""
    return make_record
