"""What every reader produces: one article, or one error line about a bad record."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from eventwire.records import Header


@dataclass(slots=True)
class Article(Header):
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

    max_record_bytes: int = 16 * 1024 * 1024  # one JSON line, one file, one WARC payload
    max_decompressed_bytes: int = 1024 * 1024 * 1024  # what one .gz input may expand to
    max_text_chars: int = 2_000_000  # an article's text; longer is not a news report

    @classmethod
    def from_environment(cls) -> Limits:
        """Defaults, overridden by EVENTWIRE_MAX_RECORD_BYTES / _MAX_DECOMPRESSED_BYTES / _MAX_TEXT_CHARS."""
        import os

        values = {}
        for name in ("max_record_bytes", "max_decompressed_bytes", "max_text_chars"):
            raw = os.environ.get(f"EVENTWIRE_{name.upper()}")
            if raw and raw.isdigit():
                values[name] = int(raw)
        return cls(**values)


def content_id(text: str) -> str:
    """A stable id for an article that came without one: a hash of its text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
