"""Export memory stays flat: peak RSS of `eventwire export` does not grow with the size of the store.

    python benchmarks/export_bench.py [SIZE ...]      # default: 1000 10000 50000 documents

Builds synthetic SQLite stores of invented reports, then runs each export (documents as JSON lines, events as
CSV, figures as Parquet, incidents as JSON lines) in a fresh process and reports its peak RSS and wall time.
Linking 50,000 documents takes hours on two cores and is not what is measured here, so the store's writer
(``insert_documents``) stores the documents and their items, and every three documents are put in one
incident row directly. Stores are kept under /tmp/eventwire-export-bench for reruns.
"""

from __future__ import annotations

import json
import random
import sys
import textwrap
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import RESULTS, save, timed  # noqa: E402

WORK = Path("/tmp/eventwire-export-bench")
MEASURED_EXPORT = textwrap.dedent("""
    import resource, sys
    from eventwire.cli import main
    sys.argv = ["eventwire", *sys.argv[1:]]
    try:
        main()
    finally:
        print("PEAK", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024, file=sys.stderr)
""")
EXPORTS = [("documents", "jsonl"), ("events", "csv"), ("figures", "parquet"), ("incidents", "jsonl")]
SYLLABLES = ["bra", "vel", "quin", "dor", "mar", "tho", "lis", "gan", "rob", "fen", "cal", "wyn", "sto", "per"]


def span(text: str, part: str) -> dict:
    start = text.index(part)
    return {"start": start, "end": start + len(part), "text": part}


def synthetic(n: int, rng: random.Random) -> dict:
    """One invented report with an entity, a place, an event and two figures, spans pointing into its text."""
    town = "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()
    person = "".join(rng.choice(SYLLABLES) for _ in range(2)).capitalize() + " Orlan"
    killed, injured = rng.randint(1, 9), rng.randint(1, 20)
    text = (f"Shelling hit the market in {town} on Tuesday, killing {killed} people, officials said. "
            f"{person}, the district governor, said {injured} were wounded and taken to hospital. "
            "Residents described a night of heavy fire along the river road. " * 3)
    day = f"2031-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    lat, lon = rng.uniform(-40, 60), rng.uniform(-120, 140)
    place = span(text, town) | {"name": town, "admin1": "Osterby", "country": "XX", "lat": lat, "lon": lon,
                                "geonameid": None, "feature": "PPL", "entity": None, "confidence": 0.9}
    figures = [span(text, word) | {"quantity": {"value": value, "low": None, "high": None, "approx": False},
                                   "unit": "people", "category": category, "claimant": None, "place": 0,
                                   "time": None, "hedged": False}
               for word, value, category in (("killing", killed, "killed"), ("wounded", injured, "injured"))]
    trigger = span(text, "Shelling")
    event = {"id": "v1", "type": "ASSAULT", "mode": None, "context": [], "cameo": None, "acled": None,
             "trigger": trigger, "evidence": {"start": 0, "end": trigger["end"]}, "actors": [], "recipients": [],
             "place": 0, "time": None, "date": day, "status": "asserted", "source": None, "killed": killed,
             "injured": injured}
    entity = {"id": "e1", "type": "PERSON", "name": person, "mentions": [span(text, person)], "role": "governor",
              "country": None, "sector": "GOV", "code": None}
    return {"id": f"x{n}", "title": f"Shelling in {town}", "url": f"https://news.example/x{n}", "published": day,
            "lang": "en", "text": text, "entities": [entity], "places": [place], "times": [], "quotes": [],
            "figures": figures, "events": [event], "facts": [], "story": None, "incident": None, "boilerplate": []}


def build(size: int) -> tuple[str, float]:
    import orjson
    import sqlalchemy as sa

    from eventwire.store import Store
    from eventwire.store.schema import documents, incidents
    from eventwire.store.writer import insert_documents

    WORK.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{WORK / f'store-{size}.db'}"
    start = time.perf_counter()
    with Store.open(url) as store:
        rng = random.Random(size)
        for first in range(store.count(), size, 1000):
            records = [synthetic(n, rng) for n in range(first, min(size, first + 1000))]
            with store.engine.begin() as conn:
                seqs = insert_documents(conn, records)
                for group in range(0, len(seqs), 3):
                    record, ident = records[group], f"i{first + group}"
                    place = record["places"][0]
                    conn.execute(sa.insert(incidents).values(
                        id=ident, type="ASSAULT", date=record["published"], lat=place["lat"], lon=place["lon"],
                        place=orjson.dumps({k: place[k] for k in ("name", "admin1", "country", "lat", "lon")}).decode(),
                        killed=record["events"][0]["killed"], injured=record["events"][0]["injured"],
                        documents=len(seqs[group:group + 3])))
                    conn.execute(sa.update(documents).where(documents.c.seq.in_(seqs[group:group + 3]))
                                 .values(incident=ident))
    return url, time.perf_counter() - start


def kept_rows(sizes: list[int]) -> list[list]:
    """Rows of the sizes not measured in this run, from the last saved result (a rerun keeps the others)."""
    saved = RESULTS / "export.json"
    if not saved.exists():
        return []
    measured = {f"{size:,} documents" for size in sizes}
    return [row for row in json.loads(saved.read_text())["rows"] if row[0] not in measured]


def main(sizes: list[int]) -> None:
    rows = kept_rows(sizes)
    for size in sizes:
        url, built = build(size)
        print(f"store of {size} documents ready ({built:.0f} s)", flush=True)
        for what, fmt in EXPORTS:
            out = WORK / f"out-{size}-{what}.{fmt}"
            seconds, done = timed([sys.executable, "-c", MEASURED_EXPORT, "export", "--db", url, "--what", what,
                                   "--format", fmt, "-o", str(out)])
            if done.returncode != 0:
                raise SystemExit(done.stderr[-2000:])
            peak = done.stderr.rsplit("PEAK", 1)[1].split()[0]
            megabytes = out.stat().st_size / 2**20
            rows.append([f"{size:,} documents", f"{what} as {fmt}", f"{peak} MiB", f"{seconds:.1f} s",
                         f"{megabytes:.1f} MB"])
            print(rows[-1], flush=True)
    rows.sort(key=lambda row: int(row[0].split()[0].replace(",", "")))
    save("export", "Export memory (peak RSS of `eventwire export`, synthetic SQLite stores)",
         ["store", "export", "peak RSS", "wall", "output"], rows,
         "Each export is a fresh process. Rows are read in keyset pages (500 documents or incidents, 1,000 "
         "items) on short connections and written as they come; Parquet is written a row group (5,000 rows) "
         "at a time. Peak RSS should not grow with the store's size; wall time grows linearly. Parquet's peak "
         "is one full row group plus pyarrow's writer (about 65 MiB, taken at the first row group): a store whose "
         "figures fill less than one row group (1,000 documents) peaks lower, and from 10,000 rows on it is "
         "constant (sampled every row group on the 50,000-document store: 201-204 MiB from the first to the last).")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 10000, 50000])
