"""Real loopback servers for the watcher: a news site (feeds, pages, robots.txt) and a webhook receiver.

The site's articles are texts written for these tests: invented attacks in real cities (so the gazetteer
places them), short enough to extract quickly.
"""

from __future__ import annotations

import hashlib
import io
import threading
import time
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

import orjson

from eventwire.store import Store, outbox
from eventwire.watch.config import load_config
from eventwire.watch.display import LogLines
from eventwire.watch.watcher import Watcher

SECRET = "test-secret-4d1f"

STORIES = {
    # slug: (city, title, text)
    "mosul-market": ("Mosul", "Car bomb kills seven at Mosul market",
                     "A car bomb exploded at a crowded market in Mosul on Monday, killing seven people and "
                     "wounding 12 others, police said.\nNo group has claimed the attack."),
    "dhaka-floods": ("Dhaka", "Floods reach Dhaka suburbs",
                     "Heavy rain flooded parts of Dhaka on Sunday and thousands of families left their homes, "
                     "officials said."),
    "kano-raid": ("Kano", "Gunmen kill five in raid near Kano",
                  "Gunmen raided a village near Kano on Monday night and killed five farmers, a local official "
                  "said.\nThe attackers fled on motorcycles."),
    "mosul-toll": ("Mosul", "Mosul market toll rises to 11",
                   "The death toll from Monday's car bomb at a market in Mosul rose to 11, hospital officials "
                   "said on Tuesday.\nDozens were wounded in the blast."),
}


def story_page(slug: str, title: str, text: str, dated: bool = False) -> bytes:
    paragraphs = "".join(f"<p>{escape(line)}</p>" for line in text.split("\n"))
    meta = '<meta property="article:published_time" content="2026-11-30T08:00:00Z">' if dated else ""
    return (f"<!doctype html><html lang=\"en\"><head><title>{escape(title)}</title>{meta}</head><body>"
            f"<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article><h1>{escape(title)}</h1>"
            f"{paragraphs}</article><footer>Copyright The Test Courier</footer></body></html>").encode()


def rss(base: str, slugs: list[str], title: str = "The Test Courier") -> bytes:
    items = []
    for n, slug in enumerate(slugs):
        stamp = format_datetime(datetime(2026, 11, 30, 8, n, tzinfo=UTC))
        headline = STORIES[slug][1] if slug in STORIES else slug
        items.append(f"<item><title>{escape(headline)}</title><link>{base}/news/{slug}</link>"
                     f"<guid>{base}/news/{slug}</guid><pubDate>{stamp}</pubDate></item>")
    return (f"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>{escape(title)}</title>"
            f"<link>{base}/</link><description>news</description>{''.join(items)}</channel></rss>").encode()


class Site:
    """Routes: path -> (status, headers, body) or a callable(handler) for special behaviour. Feeds answer a
    matching If-None-Match with 304."""

    def __init__(self) -> None:
        self.routes: dict[str, object] = {"/robots.txt": (200, {"Content-Type": "text/plain"},
                                                           b"User-agent: *\nDisallow: /private/\n")}
        self.hits: list[tuple[str, dict]] = []
        self.lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                with site.lock:
                    site.hits.append((self.path, dict(self.headers)))
                route = site.routes.get(self.path)
                if route is None:
                    self._send(404, {"Content-Type": "text/plain"}, b"not found")
                elif callable(route):
                    route(self)
                else:
                    status, headers, body = route
                    etag = headers.get("ETag")
                    if etag and self.headers.get("If-None-Match") == etag:
                        self._send(304, {"ETag": etag}, b"")
                    else:
                        self._send(status, headers, body)

            def _send(self, status: int, headers: dict, body: bytes) -> None:
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)

            def log_message(self, *_args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def page(self, slug: str, dated: bool = False) -> None:
        _city, title, text = STORIES[slug]
        self.routes[f"/news/{slug}"] = (200, {"Content-Type": "text/html; charset=utf-8"},
                                        story_page(slug, title, text, dated))

    def feed(self, path: str, slugs: list[str]) -> None:
        body = rss(self.base, slugs)
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        self.routes[path] = (200, {"Content-Type": "application/rss+xml", "ETag": etag}, body)

    def count(self, prefix: str) -> int:
        with self.lock:
            return sum(1 for path, _ in self.hits if path.startswith(prefix))

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class Receiver:
    """A webhook receiver: answers 500 to its first ``failures`` posts, then 200; keeps every post and the
    alerts it accepted (by Idempotency-Key, a redelivery is acknowledged and dropped)."""

    def __init__(self, failures: int = 0) -> None:
        self.failures = failures
        self.posts: list[dict] = []
        self.accepted: dict[str, dict] = {}
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                with receiver.lock:
                    receiver.posts.append({"headers": dict(self.headers), "body": body, "at": time.time()})
                    failing = receiver.failures > 0
                    if failing:
                        receiver.failures -= 1
                    else:
                        receiver.accepted.setdefault(self.headers.get("Idempotency-Key"), orjson.loads(body))
                status = 500 if failing else 200
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *_args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def write_config(path: Path, feeds: list[str], hook: str | None, extra_rules: str = "",
                 settings: dict | None = None, every: str = "0.2s") -> Path:
    """A watch configuration: the feeds, the rule "deadly attacks" (ASSAULT, 5 killed or more), fast settings."""
    chosen = {"per_host": "0s", "timeout": "2s", "retry_first": "50ms", "web": "http://127.0.0.1:8000"}
    chosen |= settings or {}
    watch = "".join(f"{key} = {value!r}\n" if isinstance(value, str) else f"{key} = {value}\n"
                    for key, value in chosen.items()).replace("'", '"')
    feed_tables = "".join(f'[[feed]]\nurl = "{url}"\nevery = "{every}"\n\n' for url in feeds)
    hook_line = f'webhook = "{hook}"\nsecret = "{SECRET}"\n' if hook else ""
    path.write_text(
        f"[watch]\n{watch}\n{feed_tables}"
        f'[[alert]]\nname = "deadly attacks"\nwhen = {{ type = "ASSAULT", killed_at_least = 5 }}\n{hook_line}\n'
        f"{extra_rules}", encoding="utf-8")
    return path


def wait_for(condition, seconds: float = 20.0, step: float = 0.05):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(step)
    raise AssertionError("condition not met in time")


CITIES = ["Aleppo", "Benghazi", "Kandahar", "Maiduguri", "Goma", "Mogadishu", "Timbuktu", "Sanaa", "Kharkiv",
          "Juba", "Bamako", "Peshawar", "Quetta", "Tripoli", "Homs", "Kirkuk", "Bunia", "Kidal", "Gao", "Aden",
          "Taiz", "Marib", "Herat", "Kunduz", "Jalalabad", "Sirte", "Misrata", "Derna", "Raqqa", "Idlib",
          "Deir ez-Zor", "Hama", "Daraa", "Erbil", "Basra", "Fallujah", "Ramadi", "Tikrit", "Samarra", "Baqubah",
          "Kismayo", "Baidoa", "Beledweyne", "Garowe", "Bosaso", "Hargeisa", "Malakal", "Bor", "Wau", "Yei"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


TARGETS = ["a police checkpoint", "an army convoy", "a crowded bus station", "a village market",
           "a wedding party", "a mosque", "a refugee camp", "a border post"]


def add_generated(n: int, offset: int = 0) -> list[str]:
    """n short reports of invented attacks, each in its own city and week (so each is its own incident)."""
    from datetime import date, timedelta

    slugs = []
    for i in range(offset, offset + n):
        city, target, killed = CITIES[i % len(CITIES)], TARGETS[i % len(TARGETS)], 5 + i % 9
        day = date(2024, 1, 1) + timedelta(days=9 * i)
        slug = f"attack-{i}"
        STORIES[slug] = (city, f"Attack in {city} kills {killed}",
                         f"Gunmen attacked {target} in {city} on {day:%B} {day.day}, {day.year}, killing {killed} "
                         f"people, officials said.\nWitnesses said the attackers fled (report {i}).")
        slugs.append(slug)
    return slugs


TOLL_RULE = '[[alert]]\nname = "toll updates"\nwhen = { type = "ASSAULT", toll_rises = true }\n'


def run_once(config_path, db_url) -> list[dict]:
    """One pass of the watcher, in this process; returns its log lines."""
    stream = io.StringIO()
    with Store.open(db_url) as store:
        watcher = Watcher(load_config(config_path), store, LogLines(stream))
        try:
            watcher.run_once()
        finally:
            watcher.close()
    return [orjson.loads(line) for line in stream.getvalue().splitlines()]


def stored(db_url) -> list[dict]:
    with Store.open(db_url) as store:
        return list(store.iter_documents())


def store_alerts(db_url) -> list[dict]:
    with Store.open(db_url) as store, outbox.reading(store.engine) as conn:
        return outbox.alerts(conn, limit=None)
