"""The Ray Data engine gives the local engine's records, byte for byte, on a local 2-CPU Ray instance."""

from __future__ import annotations

import json
import subprocess
import sys

import pyarrow.parquet as pq
import pytest

pytestmark = pytest.mark.ray  # tests/conftest.py fails these when Ray is missing

REPORTS = [
    {"id": f"r{i}", "published": "2031-06-01",
     "text": f"Gunmen attacked a checkpoint in Varnek on day {i}, killing {i + 1} soldiers, police said."}
    for i in range(7)
]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "eventwire.cli", *args], capture_output=True, text=True, timeout=400)


@pytest.fixture
def corpus(tmp_path):
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text("".join(json.dumps(r) + "\n" for r in REPORTS[:4]) + "{broken\n")
    second.write_text("".join(json.dumps(r) + "\n" for r in REPORTS[4:]))
    return tmp_path


def test_ray_records_and_error_lines_equal_the_local_engine(corpus, tmp_path):
    local, distributed = tmp_path / "local.out", tmp_path / "ray.out"
    a = run("extract", str(corpus / "a.jsonl"), str(corpus / "b.jsonl"), "-o", str(local))
    b = run("extract", str(corpus / "a.jsonl"), str(corpus / "b.jsonl"), "-o", str(distributed),
            "--engine", "ray", "--workers", "2", "--batch-size", "2")
    assert a.returncode == b.returncode == 1, b.stderr[-2000:]
    assert local.read_bytes() == distributed.read_bytes()
    assert len(local.read_bytes().splitlines()) == 7
    assert [ln for ln in b.stderr.splitlines() if ln.startswith(str(corpus))] == [f"{corpus / 'a.jsonl'}:5: "
                                                                                  + a.stderr.split(": ", 1)[1].strip()]


def test_ray_writes_parquet_shards(corpus, tmp_path):
    import ray

    from eventwire.engine.ray_data import extract_with_ray

    shards = tmp_path / "shards"
    try:
        errors = list(extract_with_ray([str(corpus / "b.jsonl")], workers=2, batch_size=2, shards=str(shards),
                                       shard_format="parquet"))
    finally:
        ray.shutdown()
    assert errors == []
    ids = sorted(i for part in shards.glob("*.parquet") for i in pq.read_table(part).column("id").to_pylist())
    assert ids == ["r4", "r5", "r6"]


def test_ingest_with_the_ray_engine_stores_what_the_local_engine_stores(corpus, tmp_path):
    local_db, ray_db = f"sqlite:///{tmp_path / 'local.db'}", f"sqlite:///{tmp_path / 'ray.db'}"
    a = run("ingest", str(corpus / "b.jsonl"), "--db", local_db)
    b = run("ingest", str(corpus / "b.jsonl"), "--db", ray_db, "--engine", "ray", "--workers", "2")
    assert a.returncode == b.returncode == 0, b.stderr[-2000:]
    local = run("export", "--db", local_db, "--what", "documents")
    distributed = run("export", "--db", ray_db, "--what", "documents")
    assert local.stdout == distributed.stdout and len(local.stdout.splitlines()) == 3
