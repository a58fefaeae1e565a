"""Corpus-scale ingest: synthetic articles (synthetic_news.py) through `eventwire ingest --engine ray` into
PostgreSQL, with the peak memory of every process of the run.

    python benchmarks/corpus_bench.py N [N ...] [--workers 2] [--records-out FILE]

For each N: a fresh database on a temporary local PostgreSQL server (tests/pgserver.py, fsync off as in the
tests), N articles generated, one `eventwire ingest FILE --db URL --engine ray --workers W` timed whole (Ray
and model start-up included). The process tree of the command is read from /proc every half second: peak RSS
of the driver (which stores and links) and of each Ray worker that extracted. ``--records-out`` exports the
last run's stored records (templates for scale_bench.py).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import EVENTWIRE, save  # noqa: E402
from ingest_bench import postgres_server  # noqa: E402
from synthetic_news import generate  # noqa: E402


def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                ppid = int(Path(f"/proc/{entry.name}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += children.get(pid, [])
    return found


def _rss_and_name(pid: int) -> tuple[int, str] | None:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        name = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")[:80]
    except OSError:
        return None
    rss = next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)
    return rss * 1024, name


class Peaks(threading.Thread):
    """Peak RSS per process of a command's tree, sampled every ``every`` seconds."""

    def __init__(self, root: int, every: float = 0.5) -> None:
        super().__init__(daemon=True)
        self.root, self.every, self.peaks, self.stopped = root, every, {}, threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            for pid in _tree(self.root):
                got = _rss_and_name(pid)
                if got and got[0] > self.peaks.get(pid, (0, ""))[0]:
                    self.peaks[pid] = got
            self.stopped.wait(self.every)


def ingest_once(count: int, workers: int, server, tmp: Path) -> dict:
    source = tmp / f"synthetic{count}.jsonl"
    with open(source, "w", encoding="utf-8") as f:
        for article in generate(count):
            f.write(json.dumps(article) + "\n")
    url = server.new_database()
    cmd = ["nice", *EVENTWIRE, "ingest", str(source), "--db", url, "--engine", "ray", "--workers", str(workers)]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peaks = Peaks(proc.pid)
    peaks.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - start
    peaks.stopped.set()
    peaks.join()
    if proc.returncode != 0:
        raise SystemExit(err[-2000:])
    values = list(peaks.peaks.values())
    driver = peaks.peaks.get(proc.pid, (0, ""))[0]
    actors = sorted((rss for rss, name in values if "MapWorker" in name or "Extractor" in name), reverse=True)
    print(sorted(((rss >> 20, name[:60]) for rss, name in values if "ray::" in name), reverse=True)[:8], flush=True)
    return {"count": count, "seconds": seconds, "url": url, "driver": driver, "actors": actors[:workers],
            "load": os.getloadavg()[0], "tail": (out + err).strip().splitlines()[-1:]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("counts", type=int, nargs="+")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--records-out")
    args = parser.parse_args()
    server = postgres_server()
    server.start()
    rows = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for count in args.counts:
                run = ingest_once(count, args.workers, server, Path(tmp))
                mb = 2**20
                rows.append([f"{count:,}", f"{run['seconds']:.0f}", f"{count / run['seconds']:.1f}",
                             f"{run['driver'] / mb:.0f}", " / ".join(f"{a / mb:.0f}" for a in run["actors"]),
                             f"{run['load']:.1f}"])
                print(rows[-1], run["tail"], flush=True)
            if args.records_out:
                subprocess.run([*EVENTWIRE, "export", "--what", "documents", "--db", run["url"], "-o",
                                args.records_out], check=True)
    finally:
        server.stop()
    save("corpus", f"Corpus-scale ingest: synthetic articles through `ingest --engine ray --workers {args.workers}` "
         "into PostgreSQL", ["articles", "wall s", "docs/s", "driver peak RSS MB (stores, links)",
                             "Ray worker peak RSS MB (extract)", "load average (1 min) at the end"], rows,
         "`python benchmarks/corpus_bench.py N …`: synthetic_news.py articles (80 a day, 1–3 reports per "
         "happening), one `eventwire ingest` command per row timed whole, Ray and model start-up included, on a "
         "temporary local PostgreSQL server; RSS sampled from /proc every 0.5 s over the command's process tree.")


if __name__ == "__main__":
    main()
