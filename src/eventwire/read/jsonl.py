"""JSON lines: one article an object, ``text`` or ``html``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

import orjson

from eventwire.checks import iso_date
from eventwire.read.article import Article, Limits, ReadError, content_id
from eventwire.read.boilerplate import boilerplate_spans
from eventwire.read.html import page_to_article

OPTIONAL_STRINGS = ("title", "url", "source", "lang")


def read_jsonl(stream: IO[bytes], name: str, limits: Limits) -> Iterator[Article | ReadError]:
    for number, raw in enumerate(_lines(stream, limits), start=1):
        origin = f"{name}:{number}"
        if raw is None:
            yield ReadError(origin, f"line longer than {limits.max_record_bytes} bytes")
            continue
        if not raw.strip():
            continue
        yield _article(raw, origin)


def _lines(stream: IO[bytes], limits: Limits) -> Iterator[bytes | None]:
    """Lines of a byte stream; None for a line over the size limit (its bytes are skipped, not kept)."""
    while True:
        line = stream.readline(limits.max_record_bytes + 1)
        if not line:
            return
        if len(line) > limits.max_record_bytes and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = stream.readline(1024 * 1024)
            yield None
            continue
        yield line


def _article(raw: bytes, origin: str) -> Article | ReadError:
    raw = raw.removeprefix(b"\xef\xbb\xbf")  # a byte-order mark (first line of some exports) is not JSON
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as err:
        return ReadError(origin, f"undecodable bytes (not UTF-8) at byte {err.start}")
    try:
        obj = orjson.loads(raw)
    except orjson.JSONDecodeError as err:
        return ReadError(origin, f"malformed JSON ({str(err).splitlines()[0]})")
    if not isinstance(obj, dict):
        return ReadError(origin, f"expected a JSON object, got {type(obj).__name__}")
    return article_from_object(obj, origin)


def article_from_object(obj: dict, origin: str) -> Article | ReadError:
    """An article from one input object (a JSON line, a Parquet row) with SPEC §1 fields."""
    problem = _check_fields(obj)
    if problem:
        return ReadError(origin, problem)
    meta = {k: obj.get(k) or None for k in OPTIONAL_STRINGS}
    published = iso_date(obj.get("published"))
    html = obj.get("html")
    if isinstance(obj.get("text"), str) and (obj["text"].strip() or not (html and html.strip())):
        # a feed item may carry a headline and no body: it still reports something
        text = obj["text"]
        return Article(
            id=_given_id(obj) or content_id(text if text.strip() else meta["title"]),
            text=text,
            published=published,
            origin=origin,
            boilerplate=boilerplate_spans(text),
            **meta,
        )
    if not (html and html.strip()):
        return Article(id=_given_id(obj) or content_id(meta["title"]), text="",
                       published=published, origin=origin, boilerplate=[], **meta)
    page = page_to_article(html, origin, url=meta["url"])
    if isinstance(page, ReadError):
        return page
    page.id = _given_id(obj) or page.id
    page.title = meta["title"] or page.title
    page.published = published or page.published
    page.lang = meta["lang"] or page.lang
    page.source = meta["source"]
    return page


def _given_id(obj: dict) -> str | None:
    return str(obj["id"]) if obj.get("id") not in (None, "") else None


def _check_fields(obj: dict) -> str | None:
    text, html = obj.get("text"), obj.get("html")
    if text is None and html is None:
        return "no 'text' or 'html' field"
    for key, value in (("text", text), ("html", html)):
        if value is not None and not isinstance(value, str):
            return f"'{key}' must be a string, got {type(value).__name__}"
    title = obj.get("title")
    if not ((text and text.strip()) or (html and html.strip()) or (isinstance(title, str) and title.strip())):
        return "empty 'text' and no 'title'"
    if obj.get("id") is not None and not isinstance(obj["id"], str | int):
        return f"'id' must be a string or number, got {type(obj['id']).__name__}"
    for key in (*OPTIONAL_STRINGS, "published"):
        if obj.get(key) is not None and not isinstance(obj[key], str):
            return f"'{key}' must be a string, got {type(obj[key]).__name__}"
    if obj.get("published") and iso_date(obj["published"]) is None:
        return f"'published' is not an ISO date: {obj['published'][:40]!r}"
    return None
