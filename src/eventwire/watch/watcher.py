"""The watcher: poll each source when due, read what is new, ingest it batch by batch, alert, deliver.

A batch goes through the same path as ``eventwire ingest``: the local engine extracts it and
``eventwire.ingest.add_records`` stores and links it in one transaction. Only then are its addresses noted as seen and
the rules evaluated, each in its own transaction; a crash between the steps is made good on the next start
(the stored articles are skipped by id, the unevaluated changes are still different from their snapshots).
"""

from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from eventwire.ingest import add_records
from eventwire.read import Article, Limits, ReadError
from eventwire.read.html import page_to_article
from eventwire.read.sources import read_file, within_limits
from eventwire.store import Store, outbox
from eventwire.watch.alerting import Deliverer, evaluate, now_iso, take_baseline
from eventwire.watch.config import Source, WatchConfig
from eventwire.watch.display import LogLines
from eventwire.watch.fetch import Fetcher, FetchError
from eventwire.watch.sources import Entry, SourceError, feed_entries, folder_entries, sitemap_entries

ONCE_RETRY_WAIT = 30.0  # --once waits for a webhook retry due within this many seconds
MAX_CHILD_SITEMAPS = 20
GONE = ("HTTP 404", "HTTP 410")


@dataclass
class Batch:
    articles: list[Article] = field(default_factory=list)
    seen: list[dict] = field(default_factory=list)
    retry: int = 0  # entries that failed for a reason that may pass (a timeout, a server error)


class Watcher:
    def __init__(self, config: WatchConfig, store: Store, log: LogLines | None = None) -> None:
        self.config, self.store = config, store
        self.log = log or LogLines()
        self.limits = Limits.from_environment()
        self.fetcher = Fetcher(config.settings, self.limits)
        self.deliverer = Deliverer(store.engine, config)
        self.stop = threading.Event()
        self.next_poll = {source.key: 0.0 for source in config.sources}
        self.ingested = 0

    def close(self) -> None:
        self.fetcher.close()
        self.deliverer.close()

    # ------------------------------------------------------------ the loop

    def start(self) -> None:
        """Baseline on a first watch; then what an earlier run left undone (unevaluated changes)."""
        noted = take_baseline(self.store.engine)
        if noted:
            self.log.event("baseline", incidents=noted)
        self._alert()

    def run_once(self) -> int:
        """One poll of every source, then delivery until nothing is due soon. Returns new articles."""
        self.start()
        for source in self.config.sources:
            if self.stop.is_set():
                break
            self.poll(source)
        self.deliver(wait=not self.stop.is_set())
        return self.ingested

    def run_forever(self, tick: float = 0.5) -> None:
        self.start()
        while not self.stop.is_set():
            for source in self.config.sources:
                if self.stop.is_set():
                    break
                if time.monotonic() >= self.next_poll[source.key]:
                    self.next_poll[source.key] = time.monotonic() + source.every
                    self.poll(source)
                    self.deliver()
            self.deliver()
            self.stop.wait(min(tick, max(0.0, min(self.next_poll.values()) - time.monotonic())))
        self.log.event("stopped", articles=self.ingested)

    def deliver(self, wait: bool = False) -> None:
        deadline = time.time() + ONCE_RETRY_WAIT * 4
        while True:
            self.deliverer.deliver_due(self.log)
            self._show_pending()
            due = self.deliverer.next_due()
            if not wait or due is None or self.stop.is_set() or due - time.time() > ONCE_RETRY_WAIT \
                    or time.time() > deadline:
                return
            self.stop.wait(max(0.0, due - time.time()))

    def _show_pending(self) -> None:
        with outbox.reading(self.store.engine) as conn:
            self.log.set_pending(outbox.pending_count(conn))

    # ------------------------------------------------------------ one source

    def poll(self, source: Source) -> int:
        """Poll one source; a failure is one log line and the source's recorded error, never an exception."""
        with outbox.reading(self.store.engine) as conn:
            state = outbox.feed_state(conn, source.key) or {}
        try:
            entries, validators = self._entries(source, state)
        except (FetchError, SourceError) as err:
            self._record(source, error=str(err))
            self.log.event("poll_failed", source=source.key, error=str(err))
            return 0
        if entries is None:
            self._record(source, validators=(state.get("etag"), state.get("last_modified")))
            self.log.event("not_modified", source=source.key)
            return 0
        added, complete = self._ingest(source, entries)
        self._record(source, validators=validators if complete else (None, None), articles=added)
        self.log.event("polled", source=source.key, entries=len(entries), new=added)
        return added

    def _record(self, source: Source, error: str | None = None, validators: tuple = (None, None),
                articles: int = 0) -> None:
        with outbox.writing(self.store.engine) as conn:
            outbox.record_poll(conn, source.key, now_iso(), error, validators[0], validators[1], articles)

    def _entries(self, source: Source, state: dict) -> tuple[list[Entry] | None, tuple]:
        """The source's entries (None: not modified since the last complete poll) and its new validators."""
        limit = self.config.settings.max_entries
        if source.kind == "folder":
            entries, errors = folder_entries(source.location)
            for error in errors:
                self.log.event("entry_failed", source=source.key, error=error)
            return entries, (None, None)
        fetched = self.fetcher.get(source.location, state.get("etag"), state.get("last_modified"))
        if fetched.status == 304:
            return None, (state.get("etag"), state.get("last_modified"))
        validators = (fetched.etag, fetched.last_modified)
        if source.kind == "feed":
            return feed_entries(fetched.body, source.location, limit), validators
        entries, children = sitemap_entries(fetched.body, source.location, limit)
        for child in children[:MAX_CHILD_SITEMAPS]:
            try:
                entries += sitemap_entries(self.fetcher.get(child).body, child, limit)[0]
            except (FetchError, SourceError) as err:
                self.log.event("poll_failed", source=source.key, error=str(err))
        return entries[:limit], validators

    def _ingest(self, source: Source, entries: list[Entry]) -> tuple[int, bool]:
        """New entries in batches: read, extract, store and link, note as seen, alert. (added, complete)."""
        with outbox.reading(self.store.engine) as conn:
            seen = outbox.seen_keys(conn, [entry.key for entry in entries])
        fresh = list({entry.key: entry for entry in entries if entry.key not in seen}.values())
        added, complete, size = 0, True, self.config.settings.batch
        for start in range(0, len(fresh), size):
            if self.stop.is_set():
                return added, False
            batch = self._read(source, fresh[start : start + size])
            added += self._store(source, batch)
            complete = complete and not batch.retry
        return added, complete

    def _store(self, source: Source, batch: Batch) -> int:
        from eventwire.engine import Extracted, extract_items

        articles = self._unstored(batch.articles)
        records = []
        for result in extract_items(articles, 1, max(1, len(articles))):
            if isinstance(result, Extracted):
                records.append(orjson.loads(result.line))
            else:
                self.log.event("entry_failed", source=source.key, error=str(result))
        added = add_records(self.store, records) if records else 0
        with outbox.writing(self.store.engine) as conn:
            outbox.mark_seen(conn, batch.seen)
        self.ingested += added
        if added:
            self.log.event("batch", source=source.key, articles=added)
        self._alert()
        self.deliverer.deliver_due(self.log)  # a batch's alerts leave now, not after the whole pass
        return added

    def _alert(self) -> None:
        for alert in evaluate(self.store.engine, self.config):
            self.log.event("alert", alert=alert["id"], rule=alert["rule"], incident=alert["incident"],
                           change=alert["change"])

    def _unstored(self, articles: list[Article]) -> list[Article]:
        """Articles whose id and text are not in the store yet (the same article at two addresses is one)."""
        hashes = {a.id: hashlib.sha256(a.text.encode("utf-8", "surrogatepass")).hexdigest() for a in articles}
        with outbox.reading(self.store.engine) as conn:
            stored = outbox.stored_content(conn, list(hashes), list(hashes.values()))
        unique = {a.id: a for a in articles if a.id not in stored and hashes[a.id] not in stored}
        return list(unique.values())

    # ------------------------------------------------------------ one entry

    def _read(self, source: Source, entries: list[Entry]) -> Batch:
        batch = Batch()
        for entry in entries:
            try:
                articles = self._articles(entry)
            except FetchError as err:
                gone = str(err).endswith(GONE)
                self.log.event("entry_failed", source=source.key, error=str(err))
                if not gone:
                    batch.retry += 1
                    continue
                articles = []
            batch.articles += articles
            document = articles[0].id if articles else None
            batch.seen.append({"key": entry.key, "address": entry.address[:4000], "document": document,
                               "source": source.key, "seen_at": now_iso()})
        return batch

    def _articles(self, entry: Entry) -> list[Article]:
        if entry.file is not None:
            items = list(within_limits(read_file(Path(entry.file), self.limits), self.limits))
        elif entry.address.startswith(("http://", "https://")):
            items = [self._page(entry)]
        else:
            items = [entry.fallback] if entry.fallback else []
        articles = []
        for item in items:
            if isinstance(item, ReadError):
                self.log.event("entry_failed", source=entry.address, error=str(item))
                continue
            item.published = item.published or _iso(entry.published)
            item.title = item.title or entry.title
            articles.append(item)
        return articles

    def _page(self, entry: Entry) -> Article | ReadError:
        try:
            fetched = self.fetcher.get(entry.address)
        except FetchError:
            if entry.fallback is not None:
                return entry.fallback
            raise
        article = page_to_article(fetched.body, entry.address, url=entry.address)
        if isinstance(article, ReadError) and entry.fallback is not None:
            return entry.fallback
        if isinstance(article, Article) and len(article.text) > self.limits.max_text_chars:
            return ReadError(entry.address, f"text longer than {self.limits.max_text_chars} characters")
        return article


def _iso(value: str | None) -> str | None:
    """A feed's or sitemap's date as the ISO form SPEC §1 expects (W3C dates already are)."""
    if not value:
        return None
    value = value.strip()
    return value if value[:4].isdigit() and value[4:5] == "-" else None
