"""Ingest throughput: `eventwire ingest` into SQLite and PostgreSQL against `eventwire extract` on the same files.

    python benchmarks/ingest_bench.py [N_DOCS]

PostgreSQL is a temporary local server started the way the tests start it (tests/pgserver.py).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import DATA, EVENTWIRE, ROOT, save, timed  # noqa: E402


def postgres_server():
    sys.path.insert(0, str(ROOT / "tests"))
    from pgserver import PostgresServer, postgres_bin

    bin_dir = postgres_bin()
    return PostgresServer(bin_dir) if bin_dir else None


def main(limit: int) -> None:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "news.jsonl"
        with open(DATA / "incidents" / "gva-even" / "articles.jsonl", encoding="utf-8") as f:
            source.write_text("".join(line for _, line in zip(range(limit), f, strict=False)))
        seconds, _ = timed([*EVENTWIRE, "extract", str(source), "-o", str(Path(tmp) / "out.jsonl")])
        base = limit / seconds
        rows.append(["extract (no store)", f"{base:.1f}", "1.00"])
        targets = [("ingest into SQLite", f"sqlite:///{Path(tmp) / 'bench.db'}")]
        server = postgres_server()
        if server:
            server.start()
            targets.append(("ingest into PostgreSQL", server.new_database()))
        try:
            for label, url in targets:
                seconds, done = timed([*EVENTWIRE, "ingest", str(source), "--db", url])
                if done.returncode not in (0, 1):
                    raise SystemExit(done.stderr[-500:])
                rows.append([label, f"{limit / seconds:.1f}", f"{limit / seconds / base:.2f}"])
                print(rows[-1], flush=True)
        finally:
            if server:
                server.stop()
    save("ingest", f"Ingest throughput ({limit} news articles of incidents/gva-even, one process)",
         ["run", "docs/s", "vs extract"], rows,
         "Each run is the whole command, model load included; ingest extracts, stores and links each batch in one "
         "transaction. The PostgreSQL server is a local temporary one (fsync off, as in the tests).")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 400)
