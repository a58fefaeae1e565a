"""POSTed articles are parsed, extracted, stored and linked in a worker process, never in the request thread.

The API process keeps no spaCy model: one spawned worker loads it once and opens its own store; a request
hands its articles over and waits for the answer. One ingest runs at a time (as ``eventwire ingest`` would
serialise them on the database anyway); a request that cannot get its turn within ``wait`` seconds is told to
retry, and a worker that died is replaced on the next request.
"""

from __future__ import annotations

import io
import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

import orjson

from eventwire.errors import EventwireError

_worker_store = None  # the worker process's own Store, opened once by _start


class Busy(EventwireError):
    """Another ingest holds the worker for longer than a request waits."""


class IngestWorker:
    def __init__(self, db_url: str | None, wait: float = 60.0) -> None:
        self.db_url, self.wait = db_url, wait
        self.turn = threading.Lock()
        self.pool: ProcessPoolExecutor | None = None

    def ingest(self, articles: list[Any]) -> tuple[int, list[str], list[str]]:
        """(documents stored, ids of the articles extracted, one error line per article that was not)."""
        if not self.turn.acquire(timeout=self.wait):
            raise Busy("another ingest is running; retry shortly")
        try:
            if self.pool is None:
                self.pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"),
                                                initializer=_start, initargs=(self.db_url,))
            try:
                return self.pool.submit(ingest_articles, articles).result()
            except BrokenProcessPool:
                self.pool = None
                raise Busy("the ingest worker stopped; retry shortly") from None
        finally:
            self.turn.release()

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None


def _start(db_url: str | None) -> None:
    global _worker_store
    from eventwire.engine.batch import warm_up
    from eventwire.store import Store

    warm_up()
    _worker_store = Store.open(db_url)


def ingest_articles(articles: list[Any]) -> tuple[int, list[str], list[str]]:
    """In the worker: read each article as a JSON line would be read, extract, store; errors name the item."""
    from eventwire.engine import Extracted, extract_items
    from eventwire.ingest import add_records
    from eventwire.read.article import Limits as ReadLimits
    from eventwire.read.jsonl import read_jsonl
    from eventwire.read.sources import within_limits

    lines = b"".join(orjson.dumps(a) + b"\n" for a in articles)
    limits = ReadLimits.from_environment()  # the same limits as `eventwire ingest`, text length included
    read = within_limits(read_jsonl(io.BytesIO(lines), "article", limits), limits)
    records, errors = [], []
    for result in extract_items(read):
        if isinstance(result, Extracted):
            records.append(orjson.loads(result.line))
        else:
            errors.append(str(result).replace("article:", "article ", 1))
    stored = add_records(_worker_store, records) if records else 0
    return stored, [r["id"] for r in records], errors
