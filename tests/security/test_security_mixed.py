"""A crawl folder mixing good and bad records, through `eventwire extract` AND `eventwire ingest` as a user runs them.

Both must yield every good record and exactly one error line (FILE:LINE: reason) per bad one, with no traceback.
(Rerunning an ingest is tested in tests/store.)
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys

import pytest

from eventwire.store import Store

CLI = [sys.executable, "-m", "eventwire.cli"]
GOOD = [
    {"id": "mix-1", "text": "Militia fighters attacked a convoy near Varnek on Monday, officials said.",
     "published": "2031-05-06"},
    {"id": "mix-2", "text": "The governor of Osterby province called for calm after the clashes in Varnek."},
    {"id": "mix-3", "text": "Aid workers said hundreds of families had fled the fighting around Osterby."},
    {"id": "mix-4", "text": "A ceasefire between the two militias held overnight, residents of Varnek said."},
]
LINE_LIMIT = 4096  # EVENTWIRE_MAX_RECORD_BYTES for these runs


def crawl_folder(root):
    """The folder, and the error lines expected from it as (file name, line) pairs."""
    crawl = root / "crawl"
    crawl.mkdir()
    lines = [
        json.dumps(GOOD[0]).encode(),
        b"{not json",                                                   # 2: malformed JSON
        b'{"id": "bad-utf8", "text": "caf\xe9"}',                        # 3: Latin-1, not UTF-8
        json.dumps(GOOD[1]).encode(),
        json.dumps({"id": "bad-type", "text": 42}).encode(),            # 5: wrong type
        b"[1, 2, 3]",                                                   # 6: not an object
        json.dumps({"id": "bad-huge", "text": "x" * (2 * LINE_LIMIT)}).encode(),  # 7: over the line limit
        json.dumps({"id": "bad-date", "text": "Rain.", "published": "soon"}).encode(),  # 8: bad date
        json.dumps(GOOD[2]).encode(),
        json.dumps({"id": "bad-empty", "text": "   "}).encode(),         # 10: empty text
    ]
    (crawl / "a.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    (crawl / "b.txt").write_text(GOOD[3]["text"])
    (crawl / "c.txt").write_bytes(b"\x00\xff\xfe not text")           # undecodable
    whole = gzip.compress(b"".join(json.dumps({"id": f"gz-{i}", "text": "Rain on Varnek."}).encode() + b"\n"
                                   for i in range(50)))
    (crawl / "d.jsonl.gz").write_bytes(whole[: len(whole) // 2])     # truncated gzip
    (root / "outside.txt").write_text("Private notes outside the crawl folder.")
    (crawl / "e.txt").symlink_to(root / "outside.txt")                 # a link out of the folder
    (crawl / "notes.bin").write_bytes(b"\x00" * 10)                    # unknown kind: silently skipped
    expected = [("a.jsonl", n) for n in (2, 3, 5, 6, 7, 8, 10)] + [("c.txt", 1), ("d.jsonl.gz", 0), ("e.txt", 0)]
    return crawl, expected


def run(*args: str) -> subprocess.CompletedProcess:
    env = os.environ | {"EVENTWIRE_MAX_RECORD_BYTES": str(LINE_LIMIT)}
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=300, env=env)


def error_origins(stderr: str, crawl) -> list[tuple[str, int]]:
    origins = []
    for line in stderr.splitlines():
        if not line.startswith(str(crawl)):
            continue
        where = line[len(str(crawl)) + 1:].split(": ", 1)[0]
        name, _, number = where.rpartition(":")
        origins.append((name, int(number)))
    return origins


@pytest.mark.slow
def test_extract_and_ingest_keep_every_good_record_and_report_each_bad_one(tmp_path):
    crawl, expected = crawl_folder(tmp_path)

    extracted = run("extract", str(crawl))
    assert extracted.returncode == 1
    assert "Traceback" not in extracted.stderr
    records = [json.loads(line) for line in extracted.stdout.splitlines()]
    # what a truncated gzip held before the cut is read; the cut itself is one error line
    partial = [r["id"] for r in records if r["id"].startswith("gz-")]
    assert partial == [f"gz-{i}" for i in range(len(partial))] and len(partial) < 50
    assert [r["text"] for r in records if not r["id"].startswith("gz-")] == [g["text"] for g in GOOD]
    assert sorted(error_origins(extracted.stderr, crawl)) == sorted(expected), extracted.stderr
    error_lines = [line for line in extracted.stderr.splitlines() if line.startswith(str(crawl))]
    assert len(error_lines) == len(expected)

    db = f"sqlite:///{tmp_path / 'mixed.db'}"
    ingested = run("ingest", str(crawl), "--db", db)
    assert ingested.returncode == 1
    assert "Traceback" not in ingested.stderr
    assert sorted(error_origins(ingested.stderr, crawl)) == sorted(expected), ingested.stderr
    good = len(records)
    assert f"ingested {good} new documents (0 already stored, {len(expected)} rejected)" in ingested.stderr
    with Store.open(db) as store:
        stored = list(store.iter_documents())
    assert [(d["id"], d["text"]) for d in stored] == [(r["id"], r["text"]) for r in records]
