"""Defaults shared by the commands."""

from __future__ import annotations

import os

DEFAULT_DB = "sqlite:///eventwire.db"


def database_url(given: str | None) -> str:
    """The database URL: --db, else $EVENTWIRE_DB, else an SQLite file in the working directory."""
    return given or os.environ.get("EVENTWIRE_DB") or DEFAULT_DB
