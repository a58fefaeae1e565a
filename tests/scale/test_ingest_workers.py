"""`ingest --workers N`: extraction in N processes feeding one writer; the store ends up the same as with one."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

# Invented reports: pairs tell the same attack twice (so linking can join them), the rest stand alone.
REPORTS = [
    ("2031-03-02", "Gunmen killed four villagers in Kaduna on Sunday night, a police spokesman said. "
     "The attackers arrived on motorcycles and fled into the nearby forest before troops reached the village."),
    ("2031-03-03", "Four villagers were shot dead by gunmen in Kaduna late on Sunday, police confirmed on Monday. "
     "Residents said the gunmen came on motorcycles and escaped into the forest after the shooting."),
    ("2031-03-05", "A fire destroyed twelve market stalls in Mopti on Tuesday; nobody was hurt."),
    ("2031-03-06", "Protesters marched through central Leeds on Wednesday to demand higher wages."),
    ("2031-03-07", "Soldiers clashed with rebels near Goma on Thursday, leaving nine fighters dead, the army said. "
     "The fighting lasted several hours and forced hundreds of families to flee towards the lake."),
    ("2031-03-08", "Nine fighters died in clashes between the army and rebels near Goma on Thursday, officials said. "
     "Hundreds of families fled towards the lake as the fighting went on for several hours."),
    ("2031-03-09", "The health minister of Peru resigned on Friday after a hospital scandal."),
    ("2031-03-10", "A bomb exploded at a bus station in Quetta on Saturday, wounding seven people."),
    ("2031-03-11", "Flooding forced two hundred families from their homes in Sylhet on Sunday."),
]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "eventwire.cli", *args], capture_output=True, text=True, timeout=600)


@pytest.fixture
def reports(tmp_path):
    path = tmp_path / "reports.jsonl"
    path.write_text("".join(json.dumps({"id": f"w{i}", "published": day, "text": text}) + "\n"
                            for i, (day, text) in enumerate(REPORTS)) + "{not json\n")
    return path


def stored(db: str, what: str, tmp_path) -> list[dict]:
    out = tmp_path / f"{what}-{abs(hash(db))}.jsonl"
    done = run("export", "--what", what, "--db", db, "-o", str(out))
    assert done.returncode == 0, done.stderr[-2000:]
    return [json.loads(line) for line in out.read_text().splitlines()]


def test_two_workers_store_and_link_what_one_worker_does(reports, tmp_path):
    one, two = f"sqlite:///{tmp_path / 'one.db'}", f"sqlite:///{tmp_path / 'two.db'}"
    a = run("ingest", str(reports), "--db", one, "--batch-size", "2")
    b = run("ingest", str(reports), "--db", two, "--batch-size", "2", "--workers", "2")
    assert a.returncode == b.returncode == 1, b.stderr[-2000:]  # the broken line is reported, the rest stored
    assert "ingested 9 new documents" in b.stderr and "1 rejected" in b.stderr
    documents = stored(one, "documents", tmp_path)
    assert [d["id"] for d in documents] == [f"w{i}" for i in range(9)]
    assert stored(two, "documents", tmp_path) == documents
    incidents = stored(one, "incidents", tmp_path)
    assert stored(two, "incidents", tmp_path) == incidents
    by_doc = {d["id"]: d["incident"] for d in documents}
    assert by_doc["w0"] == by_doc["w1"] != by_doc["w2"]  # the same attack, told twice
    assert by_doc["w4"] == by_doc["w5"] != by_doc["w0"]


def test_rerun_with_workers_stores_nothing_twice(reports, tmp_path):
    db = f"sqlite:///{tmp_path / 'again.db'}"
    first = run("ingest", str(reports), "--db", db, "--workers", "2", "--batch-size", "3")
    again = run("ingest", str(reports), "--db", db, "--workers", "2", "--batch-size", "3")
    assert first.returncode == again.returncode == 1, again.stderr[-2000:]
    assert "ingested 0 new documents (9 already stored, 1 rejected)" in again.stderr
    assert len(stored(db, "documents", tmp_path)) == 9
