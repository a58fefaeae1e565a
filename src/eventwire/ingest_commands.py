"""The ``ingest`` command (SPEC §1): read or extract articles, then store and link them (eventwire.ingest)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Annotated, Any

import orjson
import typer

from eventwire.ingest import add_records
from eventwire.store.commands import Db


def register(app: typer.Typer) -> None:
    app.command()(ingest)


def ingest(
    inputs: Annotated[list[str], typer.Argument(help="Files, directories, or - for JSON lines on standard input.")],
    db: Db = None,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Processes that parse and extract.")] = 1,
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per batch; each batch is one transaction.")] = 32,
    records: Annotated[bool, typer.Option("--records", help="INPUTs are document records (JSON lines written by "
                                          "`eventwire extract`): store and link them without extracting again.")]
    = False,
    engine: Annotated[str, typer.Option("--engine", help="local (one machine) or ray (Ray Data; see README).")]
    = "local",
    ray_address: Annotated[str | None, typer.Option("--ray-address", help="An existing Ray cluster (default: "
                                                    "$RAY_ADDRESS or a local instance).")] = None,
) -> None:
    """Extract, store and link articles, a batch per transaction. Safe to rerun: stored documents are skipped."""
    from eventwire.cli import report_error
    from eventwire.progress import tracked
    from eventwire.store import Store

    store = Store.open(db)
    try:
        stored = store.stored_ids()
        items = read_record_files(inputs, stored) if records else extracted_records(
            inputs, stored, workers, batch_size, engine, ray_address)
        added = seen = rejected = 0
        batch: list[dict] = []
        for item in tracked(items, "ingesting"):
            if isinstance(item, dict):
                seen += 1
                batch.append(item)
                if len(batch) >= batch_size:
                    added += add_records(store, batch)
                    batch = []
            else:
                report_error(item)
                rejected += 1
        if batch:
            added += add_records(store, batch)
    finally:
        store.close()
    typer.echo(f"eventwire: ingested {added} new documents ({len(stored) + seen - added} already stored"
               f"{f', {rejected} rejected' if rejected else ''}) into {store.url}", err=True)
    raise typer.Exit(1 if rejected else 0)


def extracted_records(inputs: list[str], stored: set[str], workers: int, batch_size: int, engine: str = "local",
                      ray_address: str | None = None) -> Iterator[Any]:
    """Document records (dicts) of the articles not stored yet, or the read errors in their place.

    The local engine skips stored articles before parsing them; the Ray engine's actors do not know the
    store, so its results for stored articles are dropped here (the store would skip them anyway).
    """
    from eventwire.engine import Extracted, extract_inputs, extract_items
    from eventwire.read import Article, read_inputs

    if engine == "local":
        fresh = (item for item in read_inputs(inputs) if not (isinstance(item, Article) and item.id in stored))
        results = extract_items(fresh, workers, batch_size)
    else:
        results = extract_inputs(inputs, engine, workers, batch_size, ray_address)
    for result in results:
        if not isinstance(result, Extracted):
            yield result
        elif result.id not in stored:
            yield orjson.loads(result.line)


class RecordError:
    """A line of a --records file that is not a document record."""

    def __init__(self, origin: str, reason: str) -> None:
        self.origin, self.reason = origin, reason

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


def read_record_files(inputs: list[str], stored: set[str]) -> Iterator[dict | RecordError]:
    """Each line of each file (``-``: standard input) as a record dict, or a RecordError naming FILE:LINE."""
    from eventwire.store import record_problem

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


