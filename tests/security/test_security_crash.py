"""`eventwire ingest` (reading, extracting, storing, linking) killed with SIGKILL at random points, then rerun.

tests/store kills `ingest --records` (store and link only) and compares snapshots with a clean run. Here the
whole command is killed, while it extracts or while it writes, and the store is then checked for what a
half-written batch would leave behind: a document stored twice or not at all, a document pointing at a
missing or merged-away incident or story, an incident or story whose count disagrees with its documents,
items or index rows of a document that is not there, linking counters bumped twice. Then it must equal a
store built without interruption from the same records. On SQLite and on PostgreSQL.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter

import pytest
import sqlalchemy as sa

from eventwire.ingest import add_records
from eventwire.store import Store
from eventwire.store.database import create_engine, normalise_url

CLI = [sys.executable, "-m", "eventwire.cli"]
BATCH = 2
KILLS = 3
ITEM_TABLES = ("entities", "places", "events", "quotes", "figures", "claims", "link_keys")
TOWNS = [f"{first}{second}" for first in ("Quell", "Ostra", "Var", "Dun", "Tel") for second in
         ("moor", "vane", "nek", "marrow", "vik", "dale", "by", "gard")]  # 40 invented towns


def reports() -> list[dict]:
    """Invented incidents, each reported by two sources a day apart, in different words."""
    out = []
    for n, town in enumerate(TOWNS):
        month, day = 6 + n // 27, 1 + n % 27
        killed, injured = n % 4 + 1, n % 5 + 2
        out.append({"id": f"crash-{2 * n}", "published": f"2031-{month:02d}-{day:02d}", "title": f"Attack in {town}",
                    "text": f"Gunmen attacked a police post in {town} on Sunday night, killing {killed} officers "
                            f"and wounding {injured}, the regional governor said. \"We will find them,\" he said."})
        out.append({"id": f"crash-{2 * n + 1}", "published": f"2031-{month:02d}-{day + 1:02d}",
                    "title": f"{town} mourns officers",
                    "text": f"Residents of {town} gathered on Monday for the {killed} officers killed when gunmen "
                            f"stormed their post. Doctors said {injured} wounded officers were in hospital."})
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The articles file, and the records `eventwire extract` makes of them (for the uninterrupted store)."""
    root = tmp_path_factory.mktemp("crash")
    source = root / "articles.jsonl"
    source.write_text("".join(json.dumps(a) + "\n" for a in reports()))
    done = subprocess.run([*CLI, "extract", str(source)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return source, [json.loads(line) for line in done.stdout.splitlines()]


def stored_count(engine) -> int:
    try:
        with engine.connect() as conn:
            return conn.execute(sa.text("SELECT COUNT(*) FROM documents")).scalar_one()
    except sa.exc.SQLAlchemyError:  # no schema yet
        return 0


def kill_at_random_points(source, url: str, rng: random.Random) -> list[int]:
    """Start the ingest, let it store at least one more batch, kill it a random moment later; KILLS times.

    Returns how many documents were stored at each kill.
    """
    engine = create_engine(normalise_url(url))
    at_kill: list[int] = []
    try:
        for _ in range(KILLS):
            before = stored_count(engine)
            process = subprocess.Popen([*CLI, "ingest", str(source), "--db", url, "--batch-size", str(BATCH)],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            deadline = time.monotonic() + 120
            while process.poll() is None and stored_count(engine) <= before and time.monotonic() < deadline:
                time.sleep(0.02)
            time.sleep(rng.uniform(0.0, 0.25))  # into the next batch's extraction, or its transaction
            if process.poll() is not None:
                break
            process.send_signal(signal.SIGKILL)
            process.wait()
            at_kill.append(stored_count(engine))
    finally:
        engine.dispose()
    return at_kill


def state(url: str) -> dict:
    """Everything an interrupted run could have left wrong, read straight from the tables."""
    with Store.open(url) as store:
        incidents = {i["incident"]: sorted(i["documents"]) for i in store.iter_incidents()}
        documents = {d["id"]: (d["incident"], d["story"]) for d in store.iter_documents()}
        with store.engine.connect() as conn:
            def scalar(sql: str) -> int:
                return conn.execute(sa.text(sql)).scalar_one()

            def rows(sql: str) -> list:
                return sorted(tuple(r) for r in conn.execute(sa.text(sql)))

            checks = {
                "duplicate ids": rows("SELECT id, COUNT(*) FROM documents GROUP BY id HAVING COUNT(*) > 1"),
                "unlinked documents": scalar("SELECT COUNT(*) FROM documents WHERE incident IS NULL OR story IS NULL"),
                "documents in a missing or merged incident": scalar(
                    "SELECT COUNT(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM incidents i "
                    "WHERE i.id = d.incident AND i.merged_into IS NULL)"),
                "documents in a missing story": scalar(
                    "SELECT COUNT(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM stories s WHERE s.id = d.story)"),
                "incident counts off": scalar(
                    "SELECT COUNT(*) FROM incidents i WHERE i.merged_into IS NULL AND i.documents <> "
                    "(SELECT COUNT(*) FROM documents d WHERE d.incident = i.id)"),
                "story counts off": scalar(
                    "SELECT COUNT(*) FROM stories s WHERE s.documents <> "
                    "(SELECT COUNT(*) FROM documents d WHERE d.story = s.id)"),
                "orphan items": {table: scalar(f"SELECT COUNT(*) FROM {table} t WHERE NOT EXISTS "  # noqa: S608
                                               "(SELECT 1 FROM documents d WHERE d.seq = t.doc)")
                                 for table in ITEM_TABLES},
            }
            counters = {"link_terms": rows("SELECT key, df FROM link_terms"),
                        "actors": rows("SELECT id, documents FROM actors"),
                        "stories": rows("SELECT id, documents FROM stories"),
                        "items": {table: scalar(f"SELECT COUNT(*) FROM {table}") for table in ITEM_TABLES}}  # noqa: S608
    return {"documents": documents, "incidents": incidents, "checks": checks, "counters": counters}


CLEAN_CHECKS = {"duplicate ids": [], "unlinked documents": 0, "documents in a missing or merged incident": 0,
                "documents in a missing story": 0, "incident counts off": 0, "story counts off": 0,
                "orphan items": dict.fromkeys(ITEM_TABLES, 0)}


@pytest.mark.slow
def test_sigkilled_ingest_rerun_leaves_each_document_once_and_incidents_consistent(corpus, db_url, tmp_path):
    source, records = corpus
    seed = int(os.environ.get("EVENTWIRE_CRASH_SEED", "20311"))  # loop over seeds for a longer campaign
    at_kill = kill_at_random_points(source, db_url, random.Random(seed))
    assert len(at_kill) >= 2, f"seed {seed}: the ingest finished before it could be killed twice"
    assert at_kill == sorted(at_kill) and at_kill[-1] < len(records)  # progress, yet unfinished
    finished = subprocess.run([*CLI, "ingest", str(source), "--db", db_url, "--batch-size", str(BATCH)],
                              capture_output=True, text=True, timeout=300)
    assert finished.returncode == 0, finished.stderr

    interrupted = state(db_url)
    assert interrupted["checks"] == CLEAN_CHECKS
    assert sorted(interrupted["documents"]) == sorted(r["id"] for r in records)
    members = Counter(doc for docs in interrupted["incidents"].values() for doc in docs)
    assert set(members) == set(interrupted["documents"]) and set(members.values()) == {1}  # each in one incident
    assert all(interrupted["documents"][doc][0] == incident
               for incident, docs in interrupted["incidents"].items() for doc in docs)

    clean_url = f"sqlite:///{tmp_path / 'clean.db'}"
    with Store.open(clean_url) as store:  # the same records, in the same batches, never interrupted
        for start in range(0, len(records), BATCH):
            add_records(store, records[start:start + BATCH])
    assert interrupted == state(clean_url)
