"""What every reader produces: one article, or one error line about a bad record."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


@dataclass(slots=True)
class Article:
    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    lang: str | None = None
    source: str | None = None
    origin: str = ""  # FILE:LINE (or FILE#N) the article came from, for messages
    boilerplate: list[tuple[int, int]] = field(default_factory=list)


@dataclass(slots=True)
class ReadError:
    origin: str  # FILE:LINE
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


@dataclass(slots=True)
class Limits:
    """Size limits that protect against hostile input; all in bytes or characters."""

    max_record_bytes: int = 64 * 1024 * 1024  # one JSON line, one file, one WARC payload
    max_decompressed_bytes: int = 1024 * 1024 * 1024  # a .gz / WARC stream as a whole
    max_html_depth: int = 2000  # deeper markup is flattened before parsing


def content_id(text: str) -> str:
    """A stable id for an article that came without one: a hash of its text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
