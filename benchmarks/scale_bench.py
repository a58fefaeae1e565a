"""Store and link cost as the store grows: synthetic document records through ``eventwire.ingest.add_records``.

    python benchmarks/scale_bench.py RECORDS.jsonl [--marks 5000,20000,50000] [--db URL]

RECORDS.jsonl holds extracted records (``eventwire extract`` output, or ``export --what documents``) used as
templates, best a stream at a steady rate (``corpus_bench.py --records-out``). The templates, oldest first, are
laid end to end in time, again and again: copy ``c`` of a template is moved by ``c`` times the templates' span
(at least ``SPACING`` days, beyond the linking window), every ISO date in it (published, times, events) with
it, and its people renamed (each word of a PERSON entity's name becomes a made-up word of the same length,
everywhere in the record, so offsets hold). So the news of any month is as dense at the 50,000th document as
at the first, and a copy shares no person with its template: it links with what it would have linked with
in its own month, the incidents do not grow with the store, and a rising cost can only come from the store.
At each mark the next ``PROBE`` records are timed (CPU seconds of this process) and the cost per document
reported: flat means linking does not slow as the store grows. No extraction runs here (see speed.py).
"""

from __future__ import annotations

import argparse
import hashlib
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


_CONSONANTS, _VOWELS = "bdfgklmnprstvz", "aeiou"


def made_up(word: str, copy: int) -> str:
    """A pronounceable made-up word as long as ``word``, the same for one word in one copy."""
    digest = hashlib.sha1(f"{copy}:{word}".encode()).digest()
    letters = [(_VOWELS if i % 2 else _CONSONANTS)[digest[i % 20] % (5 if i % 2 else 14)] for i in range(len(word))]
    made = "".join(letters)
    return made.capitalize() if word[:1].isupper() else made


def renamed(record: dict, copy: int) -> dict:
    """The record with every word of its people's names made up anew for ``copy`` (0: unchanged)."""
    words = {w for e in record.get("entities") or [] if isinstance(e, dict) and e.get("type") == "PERSON"
             for w in re.findall(r"[^\W\d_]{2,}", str(e.get("name") or "")) if w[:1].isupper()}
    if not copy or not words:
        return record
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + r")\b")

    def walk(value):
        if isinstance(value, str):
            return pattern.sub(lambda m: made_up(m[1], copy), value)
        if isinstance(value, list):
            return [walk(v) for v in value]
        if isinstance(value, dict):
            return {k: walk(v) for k, v in value.items()}
        return value

    return walk(record)


def day_of(record: dict) -> int:
    m = _DATE.match(str(record.get("published") or ""))
    return date(int(m[1]), int(m[2]), int(m[3])).toordinal() if m else 0


def cycle_days(templates: list[dict]) -> int:
    """How far one copy of the templates is moved from the one before: their span, at least ``SPACING``."""
    days = [day_of(t) for t in templates if day_of(t)]
    return max(SPACING, max(days) - min(days) + 1) if days else SPACING


def synthetic(templates: list[dict], start: int, count: int, cycle: int = SPACING) -> list[dict]:
    out = []
    for k in range(start, start + count):
        template, copy = templates[k % len(templates)], k // len(templates)
        record = shifted(renamed({**template, "story": None, "incident": None}, copy), copy * cycle)
        record["id"] = f"syn-{k:06d}"
        out.append(record)
    return out


def grow(store, templates: list[dict], stored: int, upto: int, cycle: int = SPACING) -> None:
    from eventwire.ingest import add_records

    for start in range(stored, upto, BATCH):
        add_records(store, synthetic(templates, start, min(BATCH, upto - start), cycle))
        if start // 2000 != (start + BATCH) // 2000:
            print(f"{start + BATCH:,} stored at {time.strftime('%H:%M:%S')}", file=sys.stderr, flush=True)


def probe(store, templates: list[dict], stored: int, cycle: int = SPACING) -> tuple[float, float]:
    """(CPU ms, wall ms) per document of storing and linking the next PROBE records."""
    from eventwire.ingest import add_records

    cpu, wall = time.process_time(), time.perf_counter()
    for start in range(stored, stored + PROBE, BATCH):
        add_records(store, synthetic(templates, start, min(BATCH, stored + PROBE - start), cycle))
    return (time.process_time() - cpu) * 1000 / PROBE, (time.perf_counter() - wall) * 1000 / PROBE


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("records")
    parser.add_argument("--marks", default="5000,20000,50000")
    parser.add_argument("--db", default=None)
    parser.add_argument("--postgres", action="store_true", help="a temporary local PostgreSQL server (as the tests')")
    parser.add_argument("--save", default="scale", help="results file name (benchmarks/results/NAME.json)")
    args = parser.parse_args()
    server = None
    if args.postgres:
        from ingest_bench import postgres_server

        server = postgres_server()
        server.start()
        args.db = server.new_database()
    try:
        run(args)
    finally:
        if server:
            server.stop()


def run(args) -> None:
    from eventwire.store import Store

    templates = [orjson.loads(line) for line in Path(args.records).read_bytes().splitlines() if line.strip()]
    templates.sort(key=day_of)
    cycle = cycle_days(templates)
    marks = [int(m) for m in args.marks.split(",")]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(args.db or f"sqlite:///{Path(tmp) / 'scale.db'}")
        stored = 0
        for mark in marks:
            grow(store, templates, stored, mark, cycle)
            cpu, wall = probe(store, templates, mark, cycle)
            stored = mark + PROBE
            rows.append([f"{mark:,} documents stored", f"{cpu:.1f}", f"{wall:.1f}", str(largest_incident(store))])
            print(rows[-1], flush=True)
        kind = store.url.split(":", 1)[0]
        store.close()
    save(args.save, f"Store and link cost as the store grows ({kind}, synthetic records from "
         f"{len(templates)} extracted templates)",
         ["store size", "CPU ms / document", "wall ms / document", "largest incident (documents)"], rows,
         f"`python benchmarks/scale_bench.py RECORDS.jsonl --marks {args.marks}`: the next {PROBE} synthetic "
         f"records timed at each size, stored and linked in batches of {BATCH} by eventwire.ingest.add_records "
         f"(what `ingest` runs after extraction); templates laid end to end every {cycle} days, people renamed "
         "in each copy. No extraction, one process.")


def largest_incident(store) -> int:
    import sqlalchemy as sa

    from eventwire.store import schema as s

    with store.engine.connect() as conn:
        return conn.execute(sa.select(sa.func.max(s.incidents.c.documents))).scalar() or 0


if __name__ == "__main__":
    main()
