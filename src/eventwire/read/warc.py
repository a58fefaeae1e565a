"""WARC archives (plain or gzipped): every HTML response record is one article."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from eventwire.read.article import Article, Limits, ReadError
from eventwire.read.html import page_to_article


def _quiet_iterator(stream: IO[bytes]):
    """warcio's iterator, minus its own warnings on standard error (we report problems as one line each)."""
    from warcio.archiveiterator import ArchiveIterator

    class QuietArchiveIterator(ArchiveIterator):
        INC_RECORD = ""

    return QuietArchiveIterator(stream)


def read_warc(stream: IO[bytes], name: str, limits: Limits) -> Iterator[Article | ReadError]:
    number = 0
    records = _quiet_iterator(stream)
    try:
        for record in records:
            if records.err_count:
                yield ReadError(f"{name}:{number + 1}", "WARC record longer or shorter than its Content-Length")
                records.err_count = 0
            if record.rec_type != "response":
                continue
            number += 1
            origin = f"{name}:{number}"
            url = record.rec_headers.get_header("WARC-Target-URI")
            content_type = record.http_headers.get_header("Content-Type", "") if record.http_headers else ""
            if "html" not in content_type.lower():
                continue
            payload = record.content_stream().read(limits.max_record_bytes + 1)
            if len(payload) > limits.max_record_bytes:
                yield ReadError(origin, f"response larger than {limits.max_record_bytes} bytes")
                continue
            if getattr(record.raw_stream, "limit", 0) > 0:
                yield ReadError(origin, "truncated WARC record (shorter than its Content-Length)")
                return
            article = page_to_article(payload, origin, url=url)
            if isinstance(article, Article) and not article.published:
                article.published = _warc_date(record.rec_headers.get_header("WARC-Date"))
            yield article
    except Exception as err:  # warcio and zlib raise many kinds on damaged archives
        detail = " ".join(str(err).split())
        yield ReadError(f"{name}:{number + 1}", f"damaged or truncated WARC ({type(err).__name__}: {detail})"[:300])


def _warc_date(value: str | None) -> str | None:
    return value[:10] if value and len(value) >= 10 else None
