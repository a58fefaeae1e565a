"""Accuracy on every benchmark set: run `eventwire extract`, then the scorer; one row per metric."""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import DATA, EVENTWIRE, RESULTS, count_lines, save, score, timed  # noqa: E402

# (task, set, the metrics the issues set targets for)
SETS = [
    ("geo", "geo/lgl", ["acc_at_161km", "recognition_f1", "recognition_precision", "recognition_recall"]),
    ("time", "time/timebank-aquaint", ["relaxed_f1", "value_f1", "strict_f1", "type_accuracy"]),
    ("quotes", "quotes/polnear-dev", ["content_f1", "speaker_accuracy", "attribution_f1"]),
    ("figures", "figures/idmc-labelled", ["figure_found", "figure_first", "unit_accuracy"]),
    ("events", "events/plover-gsr-even", ["type_first", "type_found", "source_accuracy", "target_accuracy"]),
    # the project's own held-out sentences (frozen; benchmarks/events_own/README.md)
    ("events", "events_own", ["type_first", "type_found", "source_accuracy", "target_accuracy", "mode_accuracy"]),
]
OWN = Path(__file__).parent  # sets kept in the repository, next to this script


def main(only: list[str]) -> None:
    rows = _kept_rows(only)
    with tempfile.TemporaryDirectory() as tmp:
        for task, name, metrics in SETS:
            if only and task not in only:
                continue
            set_dir = OWN / name if (OWN / name).is_dir() else DATA / name
            pred = Path(tmp) / f"{task}.jsonl"
            seconds, done = timed([*EVENTWIRE, "extract", str(set_dir / "articles.jsonl"), "-o", str(pred)])
            if done.returncode not in (0, 1):
                raise SystemExit(f"extract failed on {name}: {done.stderr.strip()[-300:]}")
            docs_per_s = count_lines(set_dir / "articles.jsonl") / seconds
            values = score(task, set_dir, pred)
            for metric in metrics:
                rows.append([name, metric, values.get(metric, float("nan")), f"{docs_per_s:.1f}"])
            print(name, {m: round(values.get(m, 0), 4) for m in metrics}, f"{docs_per_s:.1f} docs/s", flush=True)
    save("accuracy", "Accuracy (`extract` + `score.py`)", ["set", "metric", "value", "docs/s"], rows,
         "docs/s is the whole `eventwire extract` command on that set, model loading included, one process.")


def _kept_rows(only: list[str]) -> list[list]:
    """When rerunning some tasks, keep the other tasks' rows from the last full run."""
    previous = RESULTS / "accuracy.json"
    if not only or not previous.exists():
        return []
    rerun = {name for task, name, _ in SETS if task in only}
    return [row for row in json.loads(previous.read_text())["rows"] if row[0] not in rerun]


if __name__ == "__main__":
    main(sys.argv[1:])
