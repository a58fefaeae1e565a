"""The ``export`` command (SPEC §1): a thin wrapper over eventwire.store.Store (``ingest`` is in
eventwire.ingest_commands, above linking)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated

import orjson
import typer

Db = Annotated[str | None, typer.Option("--db", help="Database URL (default: $EVENTWIRE_DB or sqlite:///eventwire.db; "
                                         "postgresql://… selects PostgreSQL).")]
WHAT = ("documents", "events", "incidents", "quotes", "figures")
FORMATS = ("jsonl", "csv", "geojson", "parquet")


def register(app: typer.Typer) -> None:
    app.command()(export)


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
