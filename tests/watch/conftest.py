"""Fixtures of the watch tests: a loopback news site, a webhook receiver, a fresh SQLite store."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from watchsite import Receiver, Site  # noqa: E402


@pytest.fixture
def site():
    served = Site()
    yield served
    served.close()


@pytest.fixture
def receiver():
    served = Receiver()
    yield served
    served.close()


@pytest.fixture
def db_url(tmp_path):
    return f"sqlite:///{tmp_path / 'watch.db'}"
