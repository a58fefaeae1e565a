"""ACLED coding on the project's own frozen sentences (benchmarks/acled_own/sentences.jsonl).

150 news-style sentences written for eventwire before the ACLED step was tuned (frozen: never edited to fit
the coder): five for each of 24 ACLED sub-event types and 30 non-political ones (disasters, accidents,
ordinary crime, diplomacy). Each sentence goes through the whole extraction pipeline on its own.

- sub-event accuracy: over the political sentences, the share whose first ACLED-coded event (events are
  listed most salient first) has the labelled sub-event type;
- weighted F1: per-type F1 over all sentences (a code on a non-political sentence is a false positive of
  its type), averaged with the political types' supports as weights;
- left alone: the share of non-political sentences with no ACLED-coded event at all (stricter than "no
  political violence": an Arrests or Agreement code counts against it too).

    .venv/bin/python benchmarks/acled_bench.py [--save] [--show]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, save  # noqa: E402

from eventwire.extract.base import Parsed  # noqa: E402
from eventwire.extract.pipeline import extract_document  # noqa: E402
from eventwire.parse import parse_articles  # noqa: E402
from eventwire.read.article import Article  # noqa: E402

SENTENCES = ROOT / "benchmarks" / "acled_own" / "sentences.jsonl"
NONE = "(none)"


def predictions(items: list[dict]) -> list[str]:
    """The first ACLED-coded event's sub-event type of each sentence, NONE where no event is coded."""
    articles = [Article(id=i["id"], text=i["text"], published=i["published"], origin="acled_own") for i in items]
    out = []
    for article, doc in parse_articles(articles):
        record = extract_document(Parsed(article, doc))
        coded = [e.acled for e in record.events if e.acled]
        out.append(coded[0]["sub_event_type"] if coded else NONE)
    return out


def weighted_f1(gold: list[str], pred: list[str], labels: set[str]) -> float:
    support = Counter(g for g in gold if g in labels)
    total = 0.0
    for label, n in support.items():
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == p == label)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if p == label and g != label)
        fn = n - tp
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        total += n * f1
    return total / sum(support.values())


def scores(items: list[dict], pred: list[str]) -> dict[str, float]:
    gold = [i["label"] if i["political"] else NONE for i in items]
    political = [(g, p) for i, g, p in zip(items, gold, pred, strict=True) if i["political"]]
    others = [p for i, p in zip(items, pred, strict=True) if not i["political"]]
    return {"sentences": len(items),
            "sub_event_accuracy": sum(g == p for g, p in political) / len(political),
            "weighted_f1": weighted_f1(gold, pred, {g for g, _ in political}),
            "non_political_left_alone": sum(p == NONE for p in others) / len(others)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--save", action="store_true", help="write the figures to docs/benchmarks.md")
    parser.add_argument("--show", action="store_true", help="print every sentence the coder gets wrong")
    args = parser.parse_args()
    items = [json.loads(line) for line in SENTENCES.read_text(encoding="utf-8").splitlines() if line.strip()]
    pred = predictions(items)
    result = scores(items, pred)
    print(json.dumps(result, indent=1))
    if args.show:
        for item, p in zip(items, pred, strict=True):
            gold = item["label"] if item["political"] else NONE
            if p != gold:
                print(f"{item['id']}\t{item['label']}\t-> {p}\t{item['text']}")
    if args.save:
        save("acled", "ACLED coding on the frozen own set (benchmarks/acled_own, 150 sentences)",
             ["set", "sentences", "sub-event accuracy", "weighted F1", "non-political left alone"],
             [["acled_own", result["sentences"], result["sub_event_accuracy"], result["weighted_f1"],
               result["non_political_left_alone"]]],
             notes="`benchmarks/acled_bench.py`: first ACLED-coded event of each sentence; weighted F1 over the "
                   "24 sub-event types; left alone = no ACLED-coded event on a disaster, crime or diplomacy "
                   "sentence. The set was written and frozen before the ACLED step was tuned.")


if __name__ == "__main__":
    main()
