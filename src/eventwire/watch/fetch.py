"""Polite HTTP: one client, robots.txt obeyed, a pause between requests to one host, bounded everything.

Every request names eventwire in its User-Agent, has a timeout, follows at most a few redirects (each hop
checked against robots.txt and paced like any request) and reads at most the readers' size limit.
"""

from __future__ import annotations

import threading
import time
import urllib.robotparser
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from eventwire.read import Limits
from eventwire.watch.config import Settings

ROBOTS_TTL = 24 * 3600.0
REDIRECTS = (301, 302, 303, 307, 308)


class FetchError(Exception):
    """Why an address could not be read, in one line."""


@dataclass
class Fetched:
    url: str  # after redirects
    status: int  # 200, or 304 when the conditional GET found nothing new
    body: bytes
    etag: str | None = None
    last_modified: str | None = None
    content_type: str = ""
    location: str | None = None  # where a redirect points


class Fetcher:
    def __init__(self, settings: Settings, limits: Limits | None = None) -> None:
        self.settings = settings
        self.max_bytes = (limits or Limits.from_environment()).max_record_bytes
        timeout = httpx.Timeout(settings.timeout, connect=min(settings.timeout, 10.0))
        self.client = httpx.Client(headers={"User-Agent": settings.user_agent}, timeout=timeout,
                                   follow_redirects=False, trust_env=False)
        self.last_request: dict[str, float] = {}
        self.robots: dict[str, tuple[float, urllib.robotparser.RobotFileParser | None]] = {}
        self.lock = threading.Lock()
        self.requests = 0

    def close(self) -> None:
        self.client.close()

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """GET with redirects followed by hand; 304 when ``etag``/``last_modified`` still hold. Raises FetchError."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        for _hop in range(self.settings.max_redirects + 1):
            if self.settings.obey_robots and not self.allowed(url):
                raise FetchError(f"{url}: disallowed by robots.txt")
            fetched = self._request(url, headers)
            if fetched.location is not None:
                url = urljoin(url, fetched.location)
                if urlsplit(url).scheme not in ("http", "https"):
                    raise FetchError(f"{url}: redirected to something that is not http(s)")
                continue
            if fetched.status in (200, 304):
                return fetched
            raise FetchError(f"{url}: HTTP {fetched.status}")
        raise FetchError(f"{url}: more than {self.settings.max_redirects} redirects (a redirect loop?)")

    def _request(self, url: str, headers: dict[str, str]) -> Fetched:
        self._pace(url)
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                status, headers_in = response.status_code, response.headers
                location = headers_in.get("location") if status in REDIRECTS else None
                body = self._read(response, url) if status == 200 else b""
                return Fetched(url, status, body, headers_in.get("etag"), headers_in.get("last-modified"),
                               headers_in.get("content-type", ""), location)
        except httpx.TimeoutException:
            raise FetchError(f"{url}: no answer within {self.settings.timeout:g} s") from None
        except httpx.HTTPError as err:
            raise FetchError(f"{url}: {type(err).__name__} ({str(err).splitlines()[0] if str(err) else 'failed'})") \
                from None

    def _read(self, response: httpx.Response, url: str) -> bytes:
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchError(f"{url}: larger than {self.max_bytes} bytes ({declared} announced)")
        chunks, size = [], 0
        deadline = time.monotonic() + 3 * self.settings.timeout  # a body trickled in must end some time
        for chunk in response.iter_bytes():
            size += len(chunk)
            if time.monotonic() > deadline:
                raise FetchError(f"{url}: body still arriving after {3 * self.settings.timeout:g} s")
            if size > self.max_bytes:
                raise FetchError(f"{url}: larger than {self.max_bytes} bytes")
            chunks.append(chunk)
        return b"".join(chunks)

    def _pace(self, url: str) -> None:
        """Wait until this host has had ``per_host`` seconds (or its robots.txt Crawl-delay) of quiet."""
        host = urlsplit(url).netloc.lower()
        robots = self.robots.get(host, (0.0, None))[1]
        delay = self.settings.per_host
        if robots is not None and self.settings.obey_robots:
            crawl_delay = robots.crawl_delay(self.settings.user_agent)
            if crawl_delay:
                delay = max(delay, min(float(crawl_delay), 60.0))
        with self.lock:
            wait = self.last_request.get(host, -1e9) + delay - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            self.last_request[host] = time.monotonic()
            self.requests += 1

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        host = parts.netloc.lower()
        stamp, parser = self.robots.get(host, (0.0, None))
        if host not in self.robots or time.monotonic() - stamp > ROBOTS_TTL:
            parser = self._robots(f"{parts.scheme}://{parts.netloc}/robots.txt")
            self.robots[host] = (time.monotonic(), parser)
        return parser is None or parser.can_fetch(self.settings.user_agent, url)

    def _robots(self, url: str) -> urllib.robotparser.RobotFileParser | None:
        """The host's rules; None (everything allowed) when it has no robots.txt. A server error or no answer
        disallows everything for now (RFC 9309: unreachable means complete disallow)."""
        parser = urllib.robotparser.RobotFileParser(url)
        try:
            self._pace(url)
            response = self.client.get(url)
        except httpx.HTTPError:
            parser.parse(["User-agent: *", "Disallow: /"])
            return parser
        if 400 <= response.status_code < 500 or response.status_code in REDIRECTS:
            return None
        if response.status_code >= 500:
            parser.parse(["User-agent: *", "Disallow: /"])
            return parser
        parser.parse(response.content[: 512 * 1024].decode("utf-8", "replace").splitlines())
        return parser
