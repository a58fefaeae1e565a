"""Shared by the benchmark scripts: where the data is, how to time a command, how results are kept.

Each script saves its rows to benchmarks/results/<name>.json; `render()` turns all of them into
docs/benchmarks.md, so a script can be rerun alone without losing the others' rows.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
SCORER = ROOT.parent / "shared" / "bench" / "score.py"
RESULTS = ROOT / "benchmarks" / "results"
EVENTWIRE = [sys.executable, "-m", "eventwire.cli"]


def count_lines(path: Path) -> int:
    with open(path, "rb") as f:
        return sum(1 for line in f if line.strip())


def timed(cmd: list[str], **kwargs) -> tuple[float, subprocess.CompletedProcess]:
    """Run a command; (wall seconds, result). Peak memory is measured inside the process (memory_bench.py)."""
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, **kwargs)
    return time.perf_counter() - start, done


def score(task: str, set_dir: Path, pred: Path) -> dict[str, float]:
    done = subprocess.run([sys.executable, str(SCORER), task, str(set_dir), str(pred), "--json"],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout.splitlines()[0])


def save(name: str, title: str, columns: list[str], rows: list[list], notes: str = "") -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    payload = {"title": title, "columns": columns, "rows": rows, "notes": notes, "machine": machine(),
               "when": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")}
    (RESULTS / f"{name}.json").write_text(json.dumps(payload, indent=1))
    render()


def machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


ORDER = ["accuracy", "incidents", "actor_codes", "speed", "memory", "ingest", "ingest_workers", "scale", "scale_pg",
         "corpus", "load", "french", "watch", "acled", "export"]


def render() -> None:
    """docs/benchmarks.md from every saved result, in a fixed order."""
    files = sorted(RESULTS.glob("*.json"), key=lambda p: (ORDER.index(p.stem) if p.stem in ORDER else 99, p.stem))
    out = ["# Benchmarks", "",
           "Written by the scripts in `benchmarks/` (`make bench` reruns them all). Accuracy comes from",
           "`../shared/bench/score.py` on the sets in `../shared/data`; times are wall-clock on the machine named",
           "under each table.", ""]
    for path in files:
        result = json.loads(path.read_text())
        out += [f"## {result['title']}", ""]
        out.append("| " + " | ".join(result["columns"]) + " |")
        out.append("|" + "---|" * len(result["columns"]))
        for row in result["rows"]:
            out.append("| " + " | ".join(_cell(c) for c in row) + " |")
        out += ["", f"_{result['machine']}; measured {result['when']}._", ""]
        if result.get("notes"):
            out += [result["notes"], ""]
    (ROOT / "docs" / "benchmarks.md").write_text("\n".join(out))


def _cell(value) -> str:
    if isinstance(value, float):
        return f"{value:.3f}" if abs(value) < 100 else f"{value:.0f}"
    return str(value)
