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


def run_row(label: str, cmd: list[str], limit: int, base: float | None) -> tuple[list, float]:
    seconds, done = timed(cmd)
    if done.returncode not in (0, 1):
        raise SystemExit(done.stderr[-500:])
    speed = limit / seconds
    row = [label, f"{speed:.1f}", f"{speed / base:.2f}" if base else "1.00"]
    print(row, flush=True)
    return row, speed


def main(limit: int, workers: tuple[int, ...] = (1,)) -> None:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "news.jsonl"
        with open(DATA / "incidents" / "gva-even" / "articles.jsonl", encoding="utf-8") as f:
            source.write_text("".join(line for _, line in zip(range(limit), f, strict=False)))
        server = postgres_server() if workers == (1,) else None
        if server:
            server.start()
        try:
            for n in workers:
                flag = ["--workers", str(n)]
                row, base = run_row(f"extract --workers {n} (no store)", [
                    *EVENTWIRE, "extract", str(source), "-o", str(Path(tmp) / "out.jsonl"), *flag], limit, None)
                rows.append(row)
                targets = [("SQLite", f"sqlite:///{Path(tmp) / f'bench{n}.db'}")]
                if server:
                    targets.append(("PostgreSQL", server.new_database()))
                for label, url in targets:
                    rows.append(run_row(f"ingest --workers {n} into {label}",
                                        [*EVENTWIRE, "ingest", str(source), "--db", url, *flag], limit, base)[0])
        finally:
            if server:
                server.stop()
    procs = "one process" if workers == (1,) else f"--workers {', '.join(map(str, workers))}"
    name = "ingest" if workers == (1,) else "ingest_workers"
    save(name, f"Ingest throughput ({limit} news articles of incidents/gva-even, {procs})",
         ["run", "docs/s", "vs extract (same workers)"], rows,
         "Each run is the whole command, model load included; ingest extracts (in N worker processes with "
         "--workers N) and one writer stores and links each batch in one transaction, in input order. The "
         "PostgreSQL server is a local temporary one (fsync off, as in the tests). Rerun: "
         "`python benchmarks/ingest_bench.py N [WORKERS...]`.")


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:]]
    main(args[0] if args else 400, tuple(args[1:]) or (1,))
