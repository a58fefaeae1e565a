"""What a followed source lists: the entries of an RSS/Atom feed, the pages of a sitemap, the files of a folder.

Each entry names the address of its article and what the source says about it (title, date); a feed entry
that carries its own text also has that text read as an article, to fall back on when the page cannot be read.
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass
from pathlib import Path

from eventwire.read import Article, ReadError
from eventwire.read.feed import read_feed
from eventwire.read.sources import walk_inputs


class SourceError(Exception):
    """A source whose listing cannot be read, in one line."""


@dataclass
class Entry:
    address: str  # the article's URL, or the dropped file's path
    title: str | None = None
    published: str | None = None
    fallback: Article | None = None  # the feed entry's own text, read as an article
    file: Path | None = None
    file_key: str | None = None  # a dropped file: a hash of its path, size and modification time

    @property
    def key(self) -> str:
        if self.file_key is not None:
            return self.file_key
        return hashlib.sha256(self.address.encode("utf-8", "surrogatepass")).hexdigest()


def feed_entries(data: bytes, origin: str, limit: int) -> list[Entry]:
    """The entries of an RSS/Atom document, oldest first (feeds list the newest first)."""
    import feedparser

    parsed = feedparser.parse(data, resolve_relative_uris=False, sanitize_html=True)
    if parsed.bozo and not parsed.entries:
        raise SourceError(f"{origin}: not a readable RSS/Atom feed ({type(parsed.bozo_exception).__name__})")
    if not parsed.entries and not parsed.get("version"):
        raise SourceError(f"{origin}: not an RSS/Atom feed")
    bodies = [item for item in read_feed(data, origin)]
    entries = []
    for entry, body in zip(parsed.entries[:limit], bodies, strict=False):
        fallback = body if isinstance(body, Article) else None
        link = entry.get("link") or ""
        address = link if link.startswith(("http://", "https://")) else None
        if address is None and fallback is None:
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = time.strftime("%Y-%m-%dT%H:%M:%S", stamp) if stamp else None
        entries.append(Entry(address or f"entry:{entry.get('id') or fallback.id}", entry.get("title") or None,
                             published, fallback))
    return entries[::-1]


def sitemap_entries(data: bytes, origin: str, limit: int) -> tuple[list[Entry], list[str]]:
    """The pages a sitemap lists (with lastmod, or a news sitemap's date and title) and the sitemaps an index
    lists; an index's children are read by the caller."""
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        root = fromstring(data)
    except (ParseError, DefusedXmlException, ValueError) as err:
        raise SourceError(f"{origin}: not a readable sitemap ({type(err).__name__})") from None
    kind = _local(root.tag)
    if kind == "sitemapindex":
        return [], [loc for loc in (_child_text(node, "loc") for node in root) if loc][:limit]
    if kind != "urlset":
        raise SourceError(f"{origin}: not a sitemap (root element <{kind}>)")
    entries = []
    for node in list(root)[:limit]:
        loc = _child_text(node, "loc")
        if not loc or not loc.startswith(("http://", "https://")):
            continue
        news = next((child for child in node if _local(child.tag) == "news"), None)
        published = (_child_text(news, "publication_date") if news is not None else None) or _child_text(node,
                                                                                                         "lastmod")
        title = _child_text(news, "title") if news is not None else None
        entries.append(Entry(loc, title, published))
    return entries, []


def folder_entries(root: str) -> tuple[list[Entry], list[str]]:
    """Files of known kinds under the folder (symbolic links not followed), each keyed by path, size and time,
    so a file rewritten in place is read again; and the error lines of what could not be listed."""
    entries, errors = [], []
    for found in walk_inputs(Path(root)):
        if isinstance(found, ReadError):
            errors.append(str(found))
            continue
        try:
            info = os.stat(found)
        except OSError as err:
            errors.append(f"{found}: cannot read ({err.strerror or err})")
            continue
        stamp = f"{found}\x00{info.st_size}\x00{info.st_mtime_ns}"
        key = hashlib.sha256(stamp.encode("utf-8", "surrogateescape")).hexdigest()
        entries.append(Entry(str(found), file=found, file_key=key))
    return entries, errors


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _child_text(node, name: str) -> str | None:
    for child in node:
        if _local(child.tag) == name and child.text and child.text.strip():
            return child.text.strip()
    return None
