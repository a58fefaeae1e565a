"""Shared test helpers: parse a text the test wrote, run the real pipeline on it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from components import COMPONENTS, require  # noqa: E402
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


def pytest_collection_modifyitems(items) -> None:
    """Tests that start a PostgreSQL server carry the ``postgres`` marker, so ``-m "not postgres"`` selects."""
    for item in items:
        if "postgres_server" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.postgres)


def pytest_runtest_setup(item) -> None:
    for component in COMPONENTS:
        if item.get_closest_marker(component) is not None:
            require(component)


@pytest.fixture(scope="session")
def postgres_server():
    """One real PostgreSQL server for the whole session (a test using it is marked ``postgres``)."""
    require("postgres")
    bin_dir = postgres_bin()
    server = PostgresServer(bin_dir)
    try:
        server.start()
    except subprocess.CalledProcessError as err:
        server.stop()
        pytest.fail(f"could not start PostgreSQL: {err.stderr.decode(errors='replace')[-500:]}")
    yield server
    server.stop()
