"""Plain text files: one article a file, kept exactly as written."""

from __future__ import annotations

from eventwire.read.article import Article, ReadError, content_id
from eventwire.read.boilerplate import boilerplate_spans


def text_to_article(data: bytes, origin: str) -> Article | ReadError:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        return ReadError(origin, f"undecodable bytes (not UTF-8) at byte {err.start}")
    text = text.removeprefix("\ufeff")  # a byte-order mark is an encoding marker, not text
    if not text.strip():
        return ReadError(origin, "empty text")
    return Article(id=content_id(text), text=text, origin=origin, boilerplate=boilerplate_spans(text))
