"""Cross-document linking on incidents/gva-even and incidents/war-dev: `ingest`, `export --what incidents`,
then the scorer. Linking thresholds are set on both sets at once (eventwire.link.incidents), so both count.

    python benchmarks/incidents_bench.py [--records GVA_RECORDS.jsonl]

``--records`` relinks document records written once by `eventwire extract` (`ingest --records`), which
measures linking alone and skips an hour of extraction on a shared machine; docs/s is then linking's rate.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import DATA, EVENTWIRE, count_lines, save, score, timed  # noqa: E402

METRICS = ["bcubed_f1", "bcubed_precision", "bcubed_recall", "killed_accuracy", "injured_accuracy", "date_accuracy"]
SETS = ("gva-even", "war-dev")


def run(name: str, records: Path | None, tmp: Path) -> list[list]:
    set_dir = DATA / "incidents" / name
    db, pred = f"sqlite:///{tmp / f'{name}.db'}", tmp / f"{name}.jsonl"
    source = [str(records), "--records"] if records else [str(set_dir / "articles.jsonl")]
    seconds, done = timed([*EVENTWIRE, "ingest", *source, "--db", db])
    if done.returncode not in (0, 1):
        raise SystemExit(done.stderr[-500:])
    timed([*EVENTWIRE, "export", "--db", db, "--what", "incidents", "-o", str(pred)])
    values = score("incidents", set_dir, pred)
    docs_per_s = count_lines(set_dir / "articles.jsonl") / seconds
    return [[f"incidents/{name}", m, values[m], f"{docs_per_s:.1f}"] for m in METRICS]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=Path, help="gva-even document records from `eventwire extract`")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in SETS:
            rows += run(name, args.records if name == "gva-even" else None, Path(tmp))
    for row in rows:
        print(row, flush=True)
    save("incidents", "Incidents (`ingest` + `export --what incidents` + `score.py`)", ["set", "metric", "value",
         "ingest docs/s"], rows, "Targets: war-dev B-cubed F1 ≥ 0.95 with every incident's date, killed and "
         "injured right; gva-even B-cubed F1 ≥ 0.93.")


if __name__ == "__main__":
    main()
