"""Parquet shards: one article a row, the same columns as a JSON line (``id``, ``text`` or ``html`` ...)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

from eventwire.read.article import Article, ReadError
from eventwire.read.jsonl import OPTIONAL_STRINGS, article_from_object

COLUMNS = ("id", "text", "html", "published", *OPTIONAL_STRINGS)


def read_parquet(source, name: str) -> Iterator[Article | ReadError]:
    """Rows in order, a record batch at a time so memory stays bounded."""
    import pyarrow.parquet as pq

    try:
        table = pq.ParquetFile(source)
    except Exception as err:  # pyarrow raises several kinds for a file that is not Parquet
        yield ReadError(f"{name}:0", f"not a readable Parquet file ({type(err).__name__})")
        return
    columns = [c for c in COLUMNS if c in table.schema_arrow.names]
    number = 0
    for batch in table.iter_batches(batch_size=256, columns=columns):
        for row in batch.to_pylist():
            number += 1
            yield article_from_object({k: _plain(v) for k, v in row.items()}, f"{name}:{number}")


def _plain(value: object) -> object:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value
