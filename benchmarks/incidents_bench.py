"""Cross-document linking on incidents/gva-even and incidents/war-dev: `ingest`, `export --what incidents`,
then the scorer. Linking thresholds are set on both sets at once (eventwire.link.incidents), so both count.

    python benchmarks/incidents_bench.py [--records GVA_RECORDS.jsonl] [--reversed]

``--records`` relinks document records written once by `eventwire extract` (`ingest --records`), which
measures linking alone and skips an hour of extraction on a shared machine; docs/s is then linking's rate.
``--reversed`` ingests each set a second time in reverse order, scores that too, and compares the two
clusterings (B-cubed F1 of one against the other, and the share of reports whose cluster is the same).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import DATA, EVENTWIRE, count_lines, save, score, timed  # noqa: E402

METRICS = ["bcubed_f1", "bcubed_precision", "bcubed_recall", "killed_accuracy", "injured_accuracy", "date_accuracy"]
SETS = ("gva-even", "war-dev")


def run(name: str, records: Path | None, tmp: Path, reverse: bool = False) -> tuple[list[list], Path]:
    set_dir = DATA / "incidents" / name
    label = f"{name}-reversed" if reverse else name
    db, pred = f"sqlite:///{tmp / f'{label}.db'}", tmp / f"{label}.jsonl"
    path = records or set_dir / "articles.jsonl"
    if reverse:
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        path = tmp / f"{label}-input.jsonl"
        path.write_text("".join(reversed(lines)), encoding="utf-8")
    source = [str(path), "--records"] if records else [str(path)]
    seconds, done = timed([*EVENTWIRE, "ingest", *source, "--db", db])
    if done.returncode not in (0, 1):
        raise SystemExit(done.stderr[-500:])
    timed([*EVENTWIRE, "export", "--db", db, "--what", "incidents", "-o", str(pred)])
    values = score("incidents", set_dir, pred)
    docs_per_s = count_lines(set_dir / "articles.jsonl") / seconds
    return [[f"incidents/{label}", m, values[m], f"{docs_per_s:.1f}"] for m in METRICS], pred


def clusters(pred: Path) -> dict[str, frozenset[str]]:
    """Each report's cluster (its main incident's reports) in an incidents export."""
    found: dict[str, frozenset[str]] = {}
    for line in pred.read_text(encoding="utf-8").splitlines():
        documents = frozenset(json.loads(line)["documents"])
        for doc in documents:
            found.setdefault(doc, documents)
    return found


def agreement(name: str, forward: Path, backward: Path) -> list[list]:
    """How far the clusters of two arrival orders agree: B-cubed F1 of one against the other, and the share of
    reports whose cluster is the same in both."""
    a, b = clusters(forward), clusters(backward)
    docs = sorted(set(a) & set(b))
    precision = sum(len(a[d] & b[d]) / len(b[d]) for d in docs) / len(docs)
    recall = sum(len(a[d] & b[d]) / len(a[d]) for d in docs) / len(docs)
    same = sum(a[d] == b[d] for d in docs) / len(docs)
    f1 = 2 * precision * recall / (precision + recall)
    return [[f"incidents/{name}", "forward vs reversed B-cubed F1", round(f1, 4), ""],
            [f"incidents/{name}", "reports whose cluster is the same in both orders", round(same, 4), ""]]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=Path, help="gva-even document records from `eventwire extract`")
    parser.add_argument("--reversed", action="store_true", help="also ingest each set in reverse order")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in SETS:
            records = args.records if name == "gva-even" else None
            forward, pred = run(name, records, Path(tmp))
            rows += forward
            if args.reversed:
                backward, reversed_pred = run(name, records, Path(tmp), reverse=True)
                rows += backward + agreement(name, pred, reversed_pred)
    for row in rows:
        print(row, flush=True)
    save("incidents", "Incidents (`ingest` + `export --what incidents` + `score.py`)", ["set", "metric", "value",
         "ingest docs/s"], rows, "Targets: war-dev B-cubed F1 ≥ 0.95 with every incident's date, killed and "
         "injured right; gva-even B-cubed F1 ≥ 0.93; the same clusters whatever the order reports arrive in.")


if __name__ == "__main__":
    main()
