"""Export streams what the store holds: keyset pages, CSV columns from the schema, Parquet in row groups."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import orjson
import pyarrow.parquet as pq
from store_records import make_record

from eventwire.ingest import add_records
from eventwire.store import Store
from eventwire.store import export as export_module
from eventwire.store.export import columns, export_rows

CLI = [sys.executable, "-m", "eventwire.cli"]


def reports(count: int) -> list[dict]:
    return [make_record(f"d{n}", f"Gunmen shot two guards at the Varnek depot on day {n}; one was killed and one "
                        "wounded.",
                        f"2031-04-{n % 27 + 1:02d}", f"Depot attack {n}", place=("Varnek", "Osterby", 45.0, 21.0),
                        event="shot", killed=1, injured=1) for n in range(count)]


def test_csv_has_every_column_even_when_the_first_row_lacks_some(tmp_path):
    """The old export took its header from the first row and silently dropped what later rows had."""
    url = f"sqlite:///{tmp_path / 'e.db'}"
    sparse, full = reports(2)
    del sparse["facts"], sparse["boilerplate"]
    for key in ("acled", "cameo", "source"):
        del sparse["events"][0][key]
    full["events"][0] |= {"acled": {"event_type": "Violence against civilians"}, "cameo": "180", "source": "police"}
    with Store.open(url) as store:
        add_records(store, [sparse, full])
    events = subprocess.run([*CLI, "export", "--db", url, "--what", "events", "--format", "csv"],
                            capture_output=True, text=True, timeout=120)
    assert events.returncode == 0, events.stderr
    rows = list(csv.DictReader(io.StringIO(events.stdout)))
    assert [r["document"] for r in rows] == ["d0", "d1"]
    assert {"acled", "cameo", "source", "lat", "lon", "when"} <= set(rows[0])
    assert json.loads(rows[1]["acled"]) == {"event_type": "Violence against civilians"}
    assert (rows[1]["cameo"], rows[1]["source"]) == ("180", "police")
    assert rows[0]["acled"] == rows[0]["cameo"] == ""
    sink = io.BytesIO()
    with Store.open(url) as store:
        export_rows(store, "documents", "csv", sink)
    documents = list(csv.DictReader(io.StringIO(sink.getvalue().decode())))
    assert list(documents[0]) == columns("documents") and "boilerplate" in documents[0]
    assert [d["id"] for d in documents] == ["d0", "d1"]


def test_keyset_pages_give_every_row_once_in_storage_order(tmp_path):
    url = f"sqlite:///{tmp_path / 'e.db'}"
    records = reports(7)
    with Store.open(url) as store:
        add_records(store, records)
        assert [d["id"] for d in store.iter_documents(page=2)] == [r["id"] for r in records]
        small = [(e["document"], e["id"]) for e in store.iter_items("events", page=2)]
        assert small == [(e["document"], e["id"]) for e in store.iter_items("events")]
        assert small == [(r["id"], "v1") for r in records]
        figures = [(f["document"], f["category"]) for f in store.iter_items("figures", page=3)]
        assert figures == [(r["id"], c) for r in records for c in ("killed", "injured")]
        assert sorted(d for i in store.iter_incidents(page=1) for d in i["documents"]) == sorted(
            r["id"] for r in records)


def test_parquet_is_written_in_row_groups_with_the_schema_columns(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'e.db'}"
    records = reports(5)
    with Store.open(url) as store:
        add_records(store, records)
        monkeypatch.setattr(export_module, "ROW_GROUP", 2)
        path = tmp_path / "figures.parquet"
        with path.open("wb") as sink:
            export_rows(store, "figures", "parquet", sink)
    parquet = pq.ParquetFile(path)
    assert parquet.metadata.num_row_groups == 5  # 10 figures, 2 a group
    table = parquet.read()
    assert table.column_names == columns("figures")
    assert table.column("document").to_pylist() == [r["id"] for r in records for _ in range(2)]
    assert table.column("lat").to_pylist() == [45.0] * 10
    assert orjson.loads(table.column("quantity")[0].as_py())["value"] == 1


def test_stored_ids_answer_membership_without_a_set_of_every_id(tmp_path):
    url = f"sqlite:///{tmp_path / 'e.db'}"
    with Store.open(url) as store:
        assert len(store.stored_ids()) == 0 and "d0" not in store.stored_ids()
        add_records(store, reports(3))
        stored = store.stored_ids()
        add_records(store, [make_record("later", "Rain fell on Varnek.", "2031-05-01")])
        assert not isinstance(stored, set)
        assert len(stored) == 3 and "d1" in stored and "nowhere" not in stored
        assert "later" not in stored  # what it answers is the store as it was when asked
        assert list(stored) == ["d0", "d1", "d2"]
