"""Speed: eventwire extract against bare spaCy on the same texts, per-step cost, 1 vs 2 workers, memory.

    python benchmarks/speed.py [N_DOCS]
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import DATA, EVENTWIRE, save, timed  # noqa: E402

CORPUS_SETS = ["geo/lgl", "quotes/polnear-dev", "incidents/gva-even", "time/timebank-aquaint"]


def corpus(limit: int) -> list[dict]:
    docs: list[dict] = []
    for name in CORPUS_SETS:
        with open(DATA / name / "articles.jsonl", encoding="utf-8") as f:
            docs += [json.loads(line) for line in f if line.strip()]
    return docs[:limit]


def in_process(docs: list[dict]) -> dict[str, float]:
    """Seconds for bare nlp.pipe, then for eventwire's parse + every step, on the same texts."""
    from eventwire.extract.base import Found, Parsed
    from eventwire.extract.pipeline import ordered_steps
    from eventwire.parse import load_nlp, parse_articles
    from eventwire.read.jsonl import article_from_object

    nlp = load_nlp()
    from eventwire.read.article import Article

    articles = [article_from_object(d, f"bench:{i}") for i, d in enumerate(docs)]
    articles = [a for a in articles if isinstance(a, Article)]
    texts = [a.text for a in articles]
    list(nlp.pipe(texts[:20]))  # warm up
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    bare = time.perf_counter() - start

    start = time.perf_counter()
    parsed = [Parsed(a, d) for a, d in parse_articles(articles, batch_size=32)]
    parse = time.perf_counter() - start
    steps = ordered_steps()
    cost = {s.provides: 0.0 for s in steps}
    for p in parsed[:20]:  # warm up lexicons and gazetteer once
        found = Found()
        for s in steps:
            found[s.provides] = s.run(p, found)
    for p in parsed:
        found = Found()
        for s in steps:
            t = time.perf_counter()
            found[s.provides] = s.run(p, found)
            cost[s.provides] += time.perf_counter() - t
    return {"bare": bare, "parse": parse, **cost}


def main(limit: int) -> None:
    docs = corpus(limit)
    times = in_process(docs)
    steps_total = sum(v for k, v in times.items() if k not in ("bare", "parse"))
    total = times["parse"] + steps_total
    rows = [["documents", len(docs), ""],
            ["bare spaCy nlp.pipe (s)", round(times["bare"], 2), f"{len(docs) / times['bare']:.1f} docs/s"],
            ["eventwire parse + extract (s)", round(total, 2), f"{len(docs) / total:.1f} docs/s"],
            ["speed ratio (bare / eventwire)", round(times["bare"] / total, 3), "target >= 0.70"],
            ["extractors on top of parsing", f"{steps_total / times['parse']:.1%}", "target <= 30 %"]]
    for name, seconds in times.items():
        if name not in ("bare", "parse"):
            rows.append([f"  step {name}", f"{seconds / total:.1%} of total", f"{seconds:.2f} s"])
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "corpus.jsonl"
        source.write_text("".join(json.dumps(d) + "\n" for d in docs))
        for workers in (1, 2):
            seconds, done = timed([*EVENTWIRE, "extract", str(source), "-o", str(Path(tmp) / "out.jsonl"),
                                         "--workers", str(workers)])
            if done.returncode not in (0, 1):
                raise SystemExit(done.stderr[-500:])
            label = f"`extract --workers {workers}` (CLI, model load included)"
            rows.append([label, f"{len(docs) / seconds:.1f} docs/s", "peak memory: see the memory table"])
    for row in rows:
        print(" | ".join(str(c) for c in row), flush=True)
    save("speed", "Speed (extract vs bare spaCy, same model, same texts)", ["measure", "value", "note"], rows,
         "Same spaCy model (`eventwire info --json` names it) and batch size for both; single process unless noted.")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1500)
