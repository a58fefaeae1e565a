"""Fixtures for the hostile-input, crash and server tests: a real `eventwire serve`, real stores, PostgreSQL.

The PostgreSQL server is the one tests/store/conftest.py knows how to start (Debian's initdb and pg_ctl on a
temporary Unix socket); its class is loaded from there so both suites start it the same way.
"""

from __future__ import annotations

import socket
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(TESTS / "store"))

from store_records import make_record  # noqa: E402

from served import ServedProcess  # noqa: E402


def small_store(url: str) -> list[str]:
    """Three invented reports, stored directly; their ids."""
    from eventwire.ingest import add_records
    from eventwire.store import Store

    texts = [
        ("sec-1", "Gunmen shot four people at the Quellmoor market on Friday, police said. Two were killed.",
         "2031-02-07", "Market shooting in Quellmoor", ("Quellmoor",), "shot"),
        ("sec-2", "Police in Quellmoor said two people were killed and two wounded in Friday's market shooting.",
         "2031-02-08", "Quellmoor victims named", ("Quellmoor",), "shooting"),
        ("sec-3", "Floods closed the bridge at Ostravane on Monday and hundreds of families left their homes.",
         "2031-03-02", "Ostravane floods", (), None),
    ]
    records = [make_record(doc_id, text, published, title, persons=persons,
                           place=("Quellmoor", "Westland", 41.2, -88.1) if persons else None, event=event,
                           killed=2 if event else None)
               for doc_id, text, published, title, persons, event in texts]
    with Store.open(url) as store:
        add_records(store, records)
    return [r["id"] for r in records]


class Served(ServedProcess):
    """The real server; ``output()`` is checked for tracebacks, ``raw()`` sends bytes no client would."""

    def raw(self, request: bytes) -> tuple[int, dict[str, str], bytes]:
        """Send bytes as they are (no client-side checks); (status, headers, body) of the answer."""
        data = b""
        with socket.create_connection(("127.0.0.1", self.port), timeout=30) as sock:
            try:
                sock.sendall(request)
                while chunk := sock.recv(65536):
                    data += chunk
            except ConnectionResetError:  # the server may answer and close before reading everything
                pass
        head, _, body = data.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
        return int(lines[0].split()[1]), headers, body


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A server over a small store, with a low text limit for POSTed articles and no rate limit."""
    url = f"sqlite:///{tmp_path_factory.mktemp('security') / 'served.db'}"
    small_store(url)
    server = Served(url, "--rate-limit", "0", env={"EVENTWIRE_MAX_TEXT_CHARS": "3000"})
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    """Each test using this runs twice: on an SQLite file and on a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'eventwire.db'}"
    return request.getfixturevalue("postgres_server").new_database()
