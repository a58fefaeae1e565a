"""Shared test helpers: parse a text the test wrote, run the real pipeline on it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from helpers import extract_text, parse_text  # noqa: E402
from pgserver import PostgresServer, postgres_bin  # noqa: E402

__all__ = ["extract_text", "parse_text"]


@pytest.fixture
def extract():
    """extract(text, published=None, **article_fields) -> DocumentRecord, through the real pipeline."""
    return extract_text


@pytest.fixture
def parsed():
    """parsed(text, published=None) -> Parsed (an Article with its spaCy Doc)."""
    return parse_text


@pytest.fixture(scope="session")
def postgres_server():
    """One real PostgreSQL server for the whole session; skipped without the binaries, except in CI (fails)."""
    bin_dir = postgres_bin()
    if bin_dir is None:
        message = "PostgreSQL server binaries (initdb, pg_ctl) not found: apt-get install postgresql"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    server = PostgresServer(bin_dir)
    try:
        server.start()
    except subprocess.CalledProcessError as err:
        server.stop()
        pytest.fail(f"could not start PostgreSQL: {err.stderr.decode(errors='replace')[-500:]}")
    yield server
    server.stop()
