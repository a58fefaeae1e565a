"""Ingest, the orchestration: read -> extract (or read stored records) -> store and link, a batch at a time.

The command line and the API both call ``ingest_records``; neither parses, stores or links by itself.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import orjson

from eventwire.engine import Extracted, engine_for
from eventwire.store import record_problem


@dataclass(slots=True)
class Ingested:
    added: int = 0  # documents stored now
    seen: int = 0  # records offered to the store (new ones and ones it already had)
    rejected: int = 0  # inputs that could not be read or extracted


class RecordError:
    """A line of a --records file that is not a document record."""

    def __init__(self, origin: str, reason: str) -> None:
        self.origin, self.reason = origin, reason

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


def ingest_records(store, items: Iterable[Any], batch_size: int = 32,
                   on_error: Callable[[object], None] = print) -> Ingested:
    """Store (and link) the record dicts among ``items``, a batch per transaction; anything else is an error."""
    done = Ingested()
    batch: list[dict] = []
    for item in items:
        if isinstance(item, dict):
            done.seen += 1
            batch.append(item)
            if len(batch) >= batch_size:
                done.added += store.add_records(batch)
                batch = []
        else:
            on_error(item)
            done.rejected += 1
    if batch:
        done.added += store.add_records(batch)
    return done


def extracted_records(inputs: list[str], stored: Collection[str], workers: int, batch_size: int,
                      engine: str = "local", ray_address: str | None = None) -> Iterator[Any]:
    """Document records (dicts) of the articles not stored yet, or the read errors in their place.

    The local engine skips stored articles before parsing them; the Ray engine's actors do not know the
    store, so its results for stored articles are dropped as they come back.
    """
    for result in engine_for(engine, workers, batch_size, ray_address).extract(inputs, skip=stored):
        yield orjson.loads(result.line) if isinstance(result, Extracted) else result


def read_record_files(inputs: list[str], stored: Collection[str]) -> Iterator[dict | RecordError]:
    """Each line of each file (``-``: standard input) as a record dict, or a RecordError naming FILE:LINE."""
    for name in inputs:
        try:
            stream = sys.stdin.buffer if name == "-" else open(name, "rb")  # noqa: SIM115
        except OSError as err:
            yield RecordError(name, f"cannot read: {err.strerror or err}")
            continue
        with stream:
            for number, line in enumerate(stream, 1):
                if not line.strip():
                    continue
                try:
                    record = orjson.loads(line)
                except orjson.JSONDecodeError as err:
                    yield RecordError(f"{name}:{number}", f"malformed JSON ({err})")
                    continue
                if problem := record_problem(record):
                    yield RecordError(f"{name}:{number}", problem)
                elif record["id"] not in stored:
                    yield record
