"""Cross-document linking on incidents/gva-even: `ingest`, `export --what incidents`, then the scorer.

    python benchmarks/incidents_bench.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import DATA, EVENTWIRE, count_lines, save, score, timed  # noqa: E402

METRICS = ["bcubed_f1", "bcubed_precision", "bcubed_recall", "killed_accuracy", "injured_accuracy", "date_accuracy"]


def main() -> None:
    set_dir = DATA / "incidents" / "gva-even"
    with tempfile.TemporaryDirectory() as tmp:
        db, pred = f"sqlite:///{Path(tmp) / 'gva.db'}", Path(tmp) / "incidents.jsonl"
        seconds, done = timed([*EVENTWIRE, "ingest", str(set_dir / "articles.jsonl"), "--db", db])
        if done.returncode not in (0, 1):
            raise SystemExit(done.stderr[-500:])
        timed([*EVENTWIRE, "export", "--db", db, "--what", "incidents", "-o", str(pred)])
        values = score("incidents", set_dir, pred)
    docs_per_s = count_lines(set_dir / "articles.jsonl") / seconds
    rows = [["incidents/gva-even", m, values[m], f"{docs_per_s:.1f}"] for m in METRICS]
    for row in rows:
        print(row, flush=True)
    save("incidents", "Incidents (`ingest` + `export --what incidents` + `score.py`)", ["set", "metric", "value",
         "ingest docs/s"], rows, "Targets: B-cubed F1 ≥ 0.90, killed ≥ 0.80, injured ≥ 0.70, date ≥ 0.80.")


if __name__ == "__main__":
    main()
