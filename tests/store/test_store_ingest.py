"""``eventwire ingest`` and ``export`` as a user runs them: real processes, real files, SIGKILL mid-run."""

from __future__ import annotations

import csv
import io
import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest
import sqlalchemy as sa
from store_records import make_record

from eventwire.ingest import add_records
from eventwire.store import Store

CLI = [sys.executable, "-m", "eventwire.cli"]
SYLLABLES = ["bra", "vel", "quin", "dor", "mar", "tho", "lis", "gan", "rob", "fen", "cal", "wyn", "sto", "per", "ul"]


def invented(rng: random.Random, parts: int = 3) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def synthetic_reports(count: int, seed: int = 7) -> list[dict]:
    """Reports of invented shootings: most incidents reported twice, in different words, days apart."""
    rng = random.Random(seed)
    records: list[dict] = []
    while len(records) < count:
        victim = f"{invented(rng)} {invented(rng, 4)}"
        town, street = invented(rng), f"{invented(rng)} Street"
        day = rng.randint(1, 27)
        killed, injured = rng.randint(0, 2), rng.randint(1, 4)
        first = (f"{victim} was among {killed + injured} people shot on {street} in {town} on Friday night, "
                 f"police said. {killed} killed and {injured} wounded, officers reported. The gunman fled.")
        second = (f"Police in {town} named {victim} as a victim of the {street} shooting. Investigators said "
                  f"{injured} wounded people were taken to hospital and {killed} killed at the scene.")
        n = len(records)
        records.append(make_record(f"r{n}", first, f"2016-03-{day:02d}", f"Shooting on {street}",
                                   persons=(victim,), place=(town, "Westland", 40.0 + day / 10, -90.0),
                                   event="shot", killed=killed, injured=injured))
        records.append(make_record(f"r{n + 1}", second, f"2016-03-{day + 1:02d}", f"{town} victim named",
                                   persons=(victim,), place=(town, "Westland", 40.0 + day / 10, -90.0),
                                   event="shooting", killed=killed, injured=injured))
    return records[:count]


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_bytes(b"".join(orjson.dumps(row) + b"\n" for row in rows))
    return path


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], input=stdin, capture_output=True, timeout=300)


def snapshot(url: str) -> dict:
    """Everything that must be identical whether or not the ingest was interrupted."""
    with Store.open(url) as store:
        documents = {d["id"]: (d["incident"], d["story"]) for d in store.iter_documents()}
        incidents = sorted((i["incident"], tuple(i["documents"]), i["killed"], i["injured"], i["date"])
                           for i in store.iter_incidents())
        with store.engine.connect() as conn:
            counts = {table: conn.execute(sa.select(sa.func.count()).select_from(sa.table(table))).scalar_one()
                      for table in ("documents", "events", "figures", "claims", "entities", "link_keys", "actors")}
            stale = conn.execute(sa.text(
                "SELECT COUNT(*) FROM incidents i WHERE i.documents <> "
                "(SELECT COUNT(*) FROM documents d WHERE d.incident = i.id)")).scalar_one()
    return {"documents": documents, "incidents": incidents, "counts": counts, "stale": stale}


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_and_doubles_nothing(tmp_path, db_url, sqlite_url):
    records = synthetic_reports(1500)
    source = write_jsonl(tmp_path / "records.jsonl", records)
    rng = random.Random(3)
    kills = 0
    for _ in range(5):
        process = subprocess.Popen([*CLI, "ingest", "--records", str(source), "--db", db_url, "--batch-size", "4"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.7, 2.0))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            kills += 1
        process.wait()
    assert kills >= 2, "the ingest finished before it could be killed: give it more work"
    finished = run_cli("ingest", "--records", str(source), "--db", db_url, "--batch-size", "4")
    assert finished.returncode == 0, finished.stderr.decode()

    clean_url = sqlite_url
    assert run_cli("ingest", "--records", str(source), "--db", clean_url, "--batch-size", "4").returncode == 0
    interrupted, clean = snapshot(db_url), snapshot(clean_url)
    assert len(interrupted["documents"]) == len(records)
    assert all(incident and story for incident, story in interrupted["documents"].values())
    assert interrupted["stale"] == 0
    assert interrupted == clean


def test_ingest_extracts_articles_and_is_idempotent(tmp_path, sqlite_url):
    articles = [
        {"id": "one", "published": "2019-04-02", "title": "Fire at Quellmoor mill",
         "text": "A fire destroyed the old Quellmoor mill on Monday. Firefighters from Ostravane fought it all night."},
        {"id": "two", "published": "2019-04-03",
         "text": "Residents of Quellmoor gathered on Tuesday to mourn the loss of their mill, the town's landmark."},
    ]
    source = tmp_path / "articles.jsonl"
    source.write_bytes(orjson.dumps(articles[0]) + b"\n{not json\n" + orjson.dumps(articles[1]) + b"\n")
    first = run_cli("ingest", str(source), "--db", sqlite_url)
    assert first.returncode == 1
    errors = [line for line in first.stderr.decode().splitlines() if not line.startswith("eventwire: ingested")]
    assert len(errors) == 1 and "articles.jsonl:2" in errors[0]
    again = run_cli("ingest", str(source), "--db", sqlite_url)
    assert "ingested 0 new documents (2 already stored" in again.stderr.decode()
    with Store.open(sqlite_url) as store:
        assert store.count() == 2
        assert store.document("one")["text"] == articles[0]["text"]
        assert store.document("one")["incident"]


def test_records_mode_reports_bad_lines_and_keeps_good_ones(tmp_path, sqlite_url):
    good = synthetic_reports(3)
    source = tmp_path / "records.jsonl"
    source.write_bytes(orjson.dumps(good[0]) + b"\n[1, 2]\n" + orjson.dumps({"id": "x"}) + b"\n"
                       + orjson.dumps(good[1]) + b"\n" + orjson.dumps(good[2]) + b"\n")
    result = run_cli("ingest", "--records", str(source), "--db", sqlite_url)
    assert result.returncode == 1
    lines = result.stderr.decode().splitlines()
    assert [line.split(": ")[0] for line in lines[:2]] == [f"{source}:2", f"{source}:3"]
    assert "ingested 3 new documents" in lines[-1]


def test_export_formats(tmp_path, sqlite_url):
    records = synthetic_reports(6)
    with Store.open(sqlite_url) as store:
        add_records(store, records)
    out = tmp_path / "out"
    assert run_cli("export", "--db", sqlite_url, "--what", "documents", "-o", f"{out}.jsonl").returncode == 0
    documents = [json.loads(line) for line in Path(f"{out}.jsonl").read_text().splitlines()]
    assert [d["id"] for d in documents] == [r["id"] for r in records]
    assert all(d["incident"] and d["story"] for d in documents)

    incidents = run_cli("export", "--db", sqlite_url, "--what", "incidents").stdout.decode().splitlines()
    exported = [json.loads(line) for line in incidents]
    assert sorted(d for i in exported for d in i["documents"]) == sorted(r["id"] for r in records)
    assert {d["incident"] for d in documents} == {i["incident"] for i in exported}

    table = run_cli("export", "--db", sqlite_url, "--what", "figures", "--format", "csv").stdout.decode()
    rows = list(csv.DictReader(io.StringIO(table)))
    assert len(rows) == sum(len(r["figures"]) for r in records) and rows[0]["document"] == "r0"

    geojson = json.loads(run_cli("export", "--db", sqlite_url, "--what", "incidents", "--format", "geojson").stdout)
    assert geojson["type"] == "FeatureCollection" and len(geojson["features"]) == len(exported)
    assert geojson["features"][0]["geometry"]["coordinates"][1] > 40

    assert run_cli("export", "--db", sqlite_url, "--what", "events", "--format", "parquet", "-o",
                   f"{out}.parquet").returncode == 0
    import pyarrow.parquet as pq

    assert pq.read_table(f"{out}.parquet").num_rows == sum(len(r["events"]) for r in records)


@pytest.mark.parametrize("args", [
    ["export", "--db", "postgresql://nobody@/x?host=/nonexistent", "--what", "documents"],
    ["ingest", "--records", "-", "--db", "oracle://x/y"],
    ["export", "--what", "everything"],
    ["export", "--what", "documents", "--format", "geojson"],
])
def test_bad_arguments_are_one_line_and_exit_2(args, tmp_path):
    result = subprocess.run([*CLI, *args], capture_output=True, timeout=60, input=b"", cwd=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("eventwire: error:"), lines
