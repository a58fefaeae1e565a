"""Store and link cost as the store grows: synthetic document records through ``eventwire.ingest.add_records``.

    python benchmarks/scale_bench.py RECORDS.jsonl [--marks 2000,5000,10000] [--db URL]

RECORDS.jsonl holds real extracted records (``eventwire extract`` output) used as templates. Each synthetic
record is a template under a new id with every ISO date in it (published, times, events) moved by a whole
number of days: copies of one template are at least ``SPACING`` days apart, beyond the linking window, so a
copy links with what it would have linked with in its own month and the incidents do not grow with the store.
At each mark the next ``PROBE`` records are timed (CPU seconds of this process) and the cost per document
reported: flat means linking does not slow as the store grows. No extraction runs here (see speed.py).
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).parent))

from common import save  # noqa: E402

SPACING = 37  # days between two copies of one template (the linking window is 30)
PROBE = 300
BATCH = 32
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def shifted(value, days: int):
    """The value with every string that starts with an ISO date moved by ``days``."""
    if isinstance(value, str):
        m = _DATE.match(value)
        if not m:
            return value
        try:
            moved = date(int(m[1]), int(m[2]), int(m[3])) + timedelta(days=days)
        except ValueError:
            return value
        return moved.isoformat() + value[10:]
    if isinstance(value, list):
        return [shifted(v, days) for v in value]
    if isinstance(value, dict):
        return {k: shifted(v, days) for k, v in value.items()}
    return value


def synthetic(templates: list[dict], start: int, count: int) -> list[dict]:
    out = []
    for k in range(start, start + count):
        template = templates[k % len(templates)]
        record = shifted({**template, "story": None, "incident": None}, (k // len(templates)) * SPACING)
        record["id"] = f"syn-{k:06d}"
        out.append(record)
    return out


def grow(store, templates: list[dict], stored: int, upto: int) -> None:
    from eventwire.ingest import add_records

    for start in range(stored, upto, BATCH):
        add_records(store, synthetic(templates, start, min(BATCH, upto - start)))


def probe(store, templates: list[dict], stored: int) -> tuple[float, float]:
    """(CPU ms, wall ms) per document of storing and linking the next PROBE records."""
    from eventwire.ingest import add_records

    cpu, wall = time.process_time(), time.perf_counter()
    for start in range(stored, stored + PROBE, BATCH):
        add_records(store, synthetic(templates, start, min(BATCH, stored + PROBE - start)))
    return (time.process_time() - cpu) * 1000 / PROBE, (time.perf_counter() - wall) * 1000 / PROBE


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("records")
    parser.add_argument("--marks", default="2000,5000,10000")
    parser.add_argument("--db", default=None)
    args = parser.parse_args()
    from eventwire.store import Store

    templates = [orjson.loads(line) for line in Path(args.records).read_bytes().splitlines() if line.strip()]
    marks = [int(m) for m in args.marks.split(",")]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(args.db or f"sqlite:///{Path(tmp) / 'scale.db'}")
        stored = 0
        for mark in marks:
            grow(store, templates, stored, mark)
            cpu, wall = probe(store, templates, mark)
            stored = mark + PROBE
            rows.append([f"{mark:,} documents stored", f"{cpu:.1f}", f"{wall:.1f}"])
            print(rows[-1], flush=True)
        kind = store.url.split(":", 1)[0]
        store.close()
    save("scale", f"Store and link cost as the store grows ({kind}, synthetic records from "
         f"{len(templates)} extracted templates)", ["store size", "CPU ms / document", "wall ms / document"], rows,
         f"`python benchmarks/scale_bench.py RECORDS.jsonl --marks {args.marks}`: the next {PROBE} synthetic "
         "records timed at each size, stored and linked in batches of 32 by eventwire.ingest.add_records (what "
         "`ingest` runs after extraction). A smaller stand-in for the 50,000-document PostgreSQL + Ray run, "
         "which was not made: no extraction, one process, SQLite unless --db says otherwise.")


if __name__ == "__main__":
    main()
