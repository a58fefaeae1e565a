"""``eventwire export``: what the store holds, streamed page by page into JSON lines, CSV, GeoJSON or Parquet.

Nothing is held whole: rows come from ``Store.iter_*`` (keyset pages), CSV and Parquet columns come from the
record classes (``eventwire.records``) and the keys the item queries add, not from the first row, so a column
that only later rows have is still there; Parquet is written a row group at a time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import fields
from typing import Any, BinaryIO

import orjson

from eventwire.errors import EventwireError
from eventwire.records import ClaimRow, DocumentRecord, Event, Figure, Incident, Quote
from eventwire.store.queries import ACLED_KEYS, EVENT_KEYS, FIGURE_KEYS, ITEM_KEYS, QUOTE_KEYS

WHAT = ("documents", "events", "incidents", "quotes", "figures", "claims")
FORMATS = ("jsonl", "csv", "geojson", "parquet")
ROW_GROUP = 5000  # Parquet rows per row group: the most rows held at once


def _unique(names: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(names))


def _declared(record_class: type) -> dict[str, str]:
    """Column name -> the annotation of its field, as written in records.py (``"int | None"``)."""
    return {f.name: str(f.type) for f in fields(record_class)}


# what each row holds: (column, annotation); extra keys the queries add are text, lat/lon numbers
_COORDINATES = {"lat": "float | None", "lon": "float | None"}
_DOCUMENT = _declared(DocumentRecord)
SCHEMAS: dict[str, dict[str, str]] = {
    "documents": {name: _DOCUMENT[name] for name in DocumentRecord(id="", text="").to_json()},
    "incidents": _declared(Incident),
    "events": _declared(Event) | {k: _COORDINATES.get(k, "str | None") for k in (*ITEM_KEYS, *EVENT_KEYS, *ACLED_KEYS)},
    "quotes": _declared(Quote) | {k: "str | None" for k in (*ITEM_KEYS, *QUOTE_KEYS)},
    "figures": _declared(Figure) | {k: _COORDINATES.get(k, "str | None") for k in (*ITEM_KEYS, *FIGURE_KEYS)},
    "claims": _declared(ClaimRow),
}


def columns(what: str) -> list[str]:
    """The CSV header and Parquet columns of an export, in order."""
    return list(SCHEMAS[what])


def rows_of(store, what: str) -> Iterator[dict]:
    if what == "documents":
        return store.iter_documents()
    if what == "incidents":
        return store.iter_incidents()
    if what == "claims":
        return store.iter_claims()
    return store.iter_items(what)


def export_rows(store, what: str, format: str, sink: BinaryIO) -> None:
    """Write every row of ``what`` to ``sink`` in ``format``, as it streams from the store."""
    if what not in WHAT or format not in FORMATS:
        raise EventwireError(f"cannot export {what!r} as {format!r}")
    rows = rows_of(store, what)
    if format in ("csv", "parquet"):
        WRITERS[format](rows, sink, what)
    else:
        WRITERS[format](rows, sink)


def write_jsonl(rows: Iterable[dict], sink: BinaryIO) -> None:
    for row in rows:
        sink.write(orjson.dumps(row) + b"\n")


def _flat(row: dict) -> dict:
    """Scalars as they are; lists and objects as JSON text (CSV and Parquet cells)."""
    return {key: orjson.dumps(value).decode() if isinstance(value, list | dict) else value
            for key, value in row.items()}


def write_csv(rows: Iterable[dict], sink: BinaryIO, what: str) -> None:
    import csv
    import io

    text = io.TextIOWrapper(sink, encoding="utf-8", newline="", write_through=True)
    writer = csv.DictWriter(text, fieldnames=columns(what), extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow(_flat(row))
    text.flush()
    text.detach()


def write_geojson(rows: Iterable[dict], sink: BinaryIO) -> None:
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


def _arrow_type(annotation: str):
    """Parquet type of a column: numbers and flags as such; text, lists and objects (as JSON text) as strings."""
    import pyarrow as pa

    simple = annotation.replace(" | None", "").strip()
    return {"int": pa.int64(), "float": pa.float64(), "float | int": pa.float64(), "bool": pa.bool_()}.get(
        simple, pa.string())


def _cell(value: Any, kind) -> Any:
    import pyarrow as pa

    if value is None:
        return None
    if kind == pa.string():
        return value if isinstance(value, str) else orjson.dumps(value).decode()
    return value


def write_parquet(rows: Iterable[dict], sink: BinaryIO, what: str) -> None:
    """One Parquet file written a row group at a time with ParquetWriter: memory stays flat in the store's size."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(name, _arrow_type(annotation)) for name, annotation in SCHEMAS[what].items()])
    with pq.ParquetWriter(sink, schema) as writer:
        batch: list[dict] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= ROW_GROUP:
                writer.write_table(_table(batch, schema), row_group_size=ROW_GROUP)
                batch = []
        if batch:
            writer.write_table(_table(batch, schema), row_group_size=ROW_GROUP)


def _table(batch: list[dict], schema):
    import pyarrow as pa

    arrays = []
    for column in schema:
        values = [_cell(row.get(column.name), column.type) for row in batch]
        try:
            arrays.append(pa.array(values, type=column.type))
        except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, OverflowError) as err:
            raise EventwireError(f"cannot write column {column.name!r} to Parquet: {err}") from None
    return pa.Table.from_arrays(arrays, schema=schema)


WRITERS = {"jsonl": write_jsonl, "csv": write_csv, "geojson": write_geojson, "parquet": write_parquet}
