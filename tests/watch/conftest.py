"""Fixtures of the watch tests: a loopback news site, a webhook receiver, a fresh SQLite store."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from watchsite import TOLL_RULE, Receiver, Site, run_once, write_config  # noqa: E402

from served import ServedProcess  # noqa: E402


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


@pytest.fixture(scope="module")
def watched_site():
    """A site for the tests of one module that share a watched store and a server."""
    served = Site()
    yield served
    served.close()


@pytest.fixture(scope="module")
def watched(watched_site, tmp_path_factory):
    """A store the watcher filled (two deadly attacks, feed-only alerts; a toll rule): (config, db_url)."""
    site = watched_site
    for slug in ("mosul-market", "kano-raid", "mosul-toll"):
        site.page(slug)
    site.feed("/rss", ["mosul-market", "kano-raid"])
    folder = tmp_path_factory.mktemp("watched")
    db_url = f"sqlite:///{folder / 'watch.db'}"
    config = write_config(folder / "watch.toml", [site.base + "/rss"], None, TOLL_RULE)
    run_once(config, db_url)
    return config, db_url


@pytest.fixture(scope="module")
def server(watched):
    served = ServedProcess(watched[1])
    yield served
    served.stop()
