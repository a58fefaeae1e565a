"""RSS and Atom feed files: every entry with content is one article."""

from __future__ import annotations

import time
from collections.abc import Iterator

from eventwire.read.article import Article, ReadError, content_id
from eventwire.read.boilerplate import boilerplate_spans
from eventwire.read.html import page_to_article


def read_feed(data: bytes, name: str) -> Iterator[Article | ReadError]:
    import feedparser

    # feedparser never fetches external entities or DTDs; we hand it bytes so it cannot open URLs either.
    parsed = feedparser.parse(data, resolve_relative_uris=False, sanitize_html=True)
    if parsed.bozo and not parsed.entries:
        yield ReadError(f"{name}:1", f"not a readable RSS/Atom feed ({type(parsed.bozo_exception).__name__})")
        return
    for number, entry in enumerate(parsed.entries, start=1):
        yield _entry_article(entry, f"{name}:{number}")


def _entry_article(entry: dict, origin: str) -> Article | ReadError:
    body = ""
    if entry.get("content"):
        body = entry["content"][0].get("value") or ""
    body = body or entry.get("summary") or ""
    if not body.strip():
        return ReadError(origin, "feed entry has no content")
    url = entry.get("link") or None
    if "<" in body:
        article = page_to_article(f"<html><body><article>{body}</article></body></html>", origin, url=url)
        if isinstance(article, ReadError):
            return article
    else:
        article = Article(id=content_id(body), text=body, url=url, origin=origin,
                          boilerplate=boilerplate_spans(body))
    article.id = entry.get("id") or article.id
    article.title = entry.get("title") or article.title
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if stamp:
        article.published = time.strftime("%Y-%m-%dT%H:%M:%S", stamp)
    return article
