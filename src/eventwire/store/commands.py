"""The ``ingest`` and ``export`` commands (SPEC §1): thin wrappers over eventwire.store.Store."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated, Any

import orjson
import typer

Db = Annotated[str | None, typer.Option("--db", help="Database URL (default: $EVENTWIRE_DB or sqlite:///eventwire.db; "
                                         "postgresql://… selects PostgreSQL).")]
WHAT = ("documents", "events", "incidents", "quotes", "figures")
FORMATS = ("jsonl", "csv", "geojson", "parquet")


def register(app: typer.Typer) -> None:
    app.command()(ingest)
    app.command()(export)


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
                    added += store.add_records(batch)
                    batch = []
            else:
                report_error(item)
                rejected += 1
        if batch:
            added += store.add_records(batch)
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


def export(
    what: Annotated[str, typer.Option("--what", help="documents, events, incidents, quotes or figures.")],
    db: Db = None,
    format: Annotated[str, typer.Option("--format", "-f", help="jsonl, csv, geojson (events, incidents, figures) "
                                        "or parquet.")] = "jsonl",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Output file (default: stdout).")] = None,
) -> None:
    """Write what the store holds: document records (SPEC §2), incident records (SPEC §3), or items."""
    from eventwire.cli import _output, fail
    from eventwire.store import Store

    if what not in WHAT:
        fail(f"--what must be one of {', '.join(WHAT)}, not {what!r}")
    if format not in FORMATS:
        fail(f"--format must be one of {', '.join(FORMATS)}, not {format!r}")
    if format == "geojson" and what not in ("events", "incidents", "figures"):
        fail("geojson needs coordinates: use it with --what events, incidents or figures")
    if format == "parquet" and (output is None or str(output) == "-"):
        fail("parquet is a binary file: give -o OUT.parquet")
    store = Store.open(db)
    try:
        rows = _rows(store, what)
        with _output(output) as sink:
            WRITERS[format](rows, sink)
    finally:
        store.close()


def _rows(store, what: str) -> Iterator[dict]:
    if what == "documents":
        return store.iter_documents()
    if what == "incidents":
        return store.iter_incidents()
    return store.iter_items(what)


def write_jsonl(rows: Iterable[dict], sink) -> None:
    for row in rows:
        sink.write(orjson.dumps(row) + b"\n")


def _flat(row: dict) -> dict:
    """Scalars as they are; lists and objects as JSON text (CSV and Parquet cells)."""
    return {key: orjson.dumps(value).decode() if isinstance(value, list | dict) else value
            for key, value in row.items()}


def write_csv(rows: Iterable[dict], sink) -> None:
    import csv
    import io

    text = io.TextIOWrapper(sink, encoding="utf-8", newline="", write_through=True)
    writer = None
    for row in rows:
        flat = _flat(row)
        if writer is None:
            writer = csv.DictWriter(text, fieldnames=list(flat), extrasaction="ignore")
            writer.writeheader()
        writer.writerow(flat)
    text.flush()
    text.detach()


def write_geojson(rows: Iterable[dict], sink) -> None:
    """A FeatureCollection of the rows that have coordinates (a Point each), written as it streams."""
    sink.write(b'{"type":"FeatureCollection","features":[')
    first = True
    for row in rows:
        lat, lon = _coordinates(row)
        if lat is None or lon is None:
            continue
        properties = {key: value for key, value in row.items() if key not in ("text",)}
        feature = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
                   "properties": properties}
        sink.write((b"" if first else b",") + b"\n" + orjson.dumps(feature))
        first = False
    sink.write(b"\n]}\n")


def _coordinates(row: dict) -> tuple[float | None, float | None]:
    place = row.get("place")
    if isinstance(place, dict):
        return place.get("lat"), place.get("lon")
    return row.get("lat"), row.get("lon")


def write_parquet(rows: Iterable[dict], sink) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist([_flat(row) for row in rows])
    pq.write_table(table, sink)


WRITERS = {"jsonl": write_jsonl, "csv": write_csv, "geojson": write_geojson, "parquet": write_parquet}
