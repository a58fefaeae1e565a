"""Speed: eventwire extract against bare spaCy on the same texts, a profile per pipeline component and per
extraction step, start-up, and 1 vs 2 workers.

    python benchmarks/speed.py [N_DOCS] [--no-cli]

Times are CPU seconds of this process (``time.process_time``) next to wall seconds: on a machine shared with
other jobs the wall clock measures the neighbours as much as eventwire, the CPU clock does not.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import DATA, EVENTWIRE, save, timed  # noqa: E402

CORPUS_SETS = ["geo/lgl", "quotes/polnear-dev", "incidents/gva-even", "time/timebank-aquaint"]
BATCH = 32
INTERLEAVE = 64  # documents timed bare, then through eventwire, in turn


class Clock:
    """CPU and wall seconds since the last ``lap``."""

    def __init__(self) -> None:
        self.cpu, self.wall = time.process_time(), time.perf_counter()

    def lap(self) -> tuple[float, float]:
        cpu, wall = time.process_time(), time.perf_counter()
        out = (cpu - self.cpu, wall - self.wall)
        self.cpu, self.wall = cpu, wall
        return out


def corpus(limit: int) -> list[dict]:
    docs: list[dict] = []
    for name in CORPUS_SETS:
        with open(DATA / name / "articles.jsonl", encoding="utf-8") as f:
            docs += [json.loads(line) for line in f if line.strip()]
    return docs[:limit]


def articles_of(docs: list[dict]) -> list:
    from eventwire.read.article import Article
    from eventwire.read.jsonl import article_from_object

    found = [article_from_object(d, f"bench:{i}") for i, d in enumerate(docs)]
    return [a for a in found if isinstance(a, Article)]


def components(nlp, texts: list[str], indexed=None) -> dict[str, tuple[float, float]]:
    """Each pipeline component's (CPU, wall) seconds over the texts: the tokenizer, then each ``pipe`` in turn.

    Running the components one after the other over the whole list is what ``nlp.pipe`` does batch by batch,
    so the sum is the bare pipeline's cost (the listeners of tok2vec are fed the same way).
    """
    out: dict[str, tuple[float, float]] = {}
    clock = Clock()
    docs = [nlp.make_doc(t) for t in texts]
    out["tokenizer"] = clock.lap()
    for name, proc in nlp.pipeline:
        docs = list(proc.pipe(docs, batch_size=BATCH))
        out[name] = clock.lap()
    if indexed is not None:  # eventwire's attribute_ruler (the indexed match) over the same documents
        for doc in docs:
            indexed(doc)
        out["attribute_ruler, indexed (eventwire's)"] = clock.lap()
    return out


def steps_profile(parsed: list) -> dict[str, tuple[float, float]]:
    """Each extraction step's (CPU, wall) seconds over the parsed documents, in pipeline order."""
    from eventwire.extract.base import Found
    from eventwire.extract.pipeline import ordered_steps

    steps = ordered_steps()
    cost = {s.provides: [0.0, 0.0] for s in steps}
    for p in parsed[:20]:  # warm up lexicons, matchers and gazetteer once
        found = Found()
        for s in steps:
            found[s.provides] = s.run(p, found)
    for p in parsed:
        found = Found()
        for s in steps:
            c, w = time.process_time(), time.perf_counter()
            found[s.provides] = s.run(p, found)
            cost[s.provides][0] += time.process_time() - c
            cost[s.provides][1] += time.perf_counter() - w
    return {k: (v[0], v[1]) for k, v in cost.items()}


def sentence_needs(parsed: list) -> dict[str, int]:
    """How many sentences carry something a step reads the parse for: a named entity, a number, a quotation
    mark, an event trigger lemma or a reporting-cue lemma. The rest is what selective parsing could skip."""
    from eventwire import lexicons

    triggers = {r[1].lower() for r in lexicons.rows("event_triggers.tsv") if len(r) > 1}
    cues = {r[0].lower() for r in lexicons.rows("quote_cues.tsv")}
    counts = {"sentences": 0, "with entity": 0, "with number": 0, "with quote mark": 0, "with trigger": 0,
              "with cue": 0, "with any": 0}
    for p in parsed:
        for sent in p.sentences:
            flags = {"with entity": bool(sent.ents), "with number": any(t.like_num for t in sent),
                     "with quote mark": any(t.is_quote for t in sent),
                     "with trigger": any(t.lemma_.lower() in triggers for t in sent),
                     "with cue": any(t.lemma_.lower() in cues for t in sent)}
            counts["sentences"] += 1
            for key, value in flags.items():
                counts[key] += value
            counts["with any"] += any(flags.values())
    return counts


def startup() -> dict[str, float]:
    """CPU seconds of each start-up phase in a fresh process (imports, model, language model, first document)."""
    code = (
        "import time,json;c=time.process_time;t=c();r={}\n"
        "import eventwire.cli;r['cli import']=c()-t;t=c()\n"
        "import spacy;r['spacy import']=c()-t;t=c()\n"
        "from eventwire.parse import load_nlp;nlp=load_nlp();r['model load']=c()-t;t=c()\n"
        "from eventwire.language import detect;detect('A short English sentence to detect.');"
        "r['language model']=c()-t;t=c()\n"
        "from eventwire.engine.batch import process_batch;from eventwire.read.jsonl import article_from_object\n"
        "a=article_from_object({'id':'s','text':'Police said two people were hurt in a fire in Leeds.'},'x:1')\n"
        "process_batch([a]);r['first document (steps warm-up)']=c()-t\n"
        "print(json.dumps(r))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.splitlines()[-1])


def in_process(docs: list[dict]) -> dict:
    """Bare nlp.pipe, the per-component profile, eventwire's parse and each step, on the same texts."""
    import spacy

    from eventwire.extract.base import Parsed
    from eventwire.parse import SPACY_MODEL, load_nlp, parse_articles

    nlp = spacy.load(SPACY_MODEL)  # the stock pipeline: bare spaCy
    nlp.max_length = load_nlp().max_length
    articles = articles_of(docs)
    texts = [a.text for a in articles]
    list(nlp.pipe(texts[:20]))  # warm up
    list(parse_articles(articles[:20], batch_size=BATCH))
    bare, parse, parsed = [0.0, 0.0], [0.0, 0.0], []
    for start in range(0, len(articles), INTERLEAVE):  # alternate, so a change of load hits both alike
        clock = Clock()
        for _ in nlp.pipe(texts[start:start + INTERLEAVE], batch_size=BATCH):
            pass
        bare = [a + b for a, b in zip(bare, clock.lap(), strict=True)]
        parsed += [Parsed(a, d) for a, d in parse_articles(articles[start:start + INTERLEAVE], batch_size=BATCH)]
        parse = [a + b for a, b in zip(parse, clock.lap(), strict=True)]
    parts = components(nlp, texts, load_nlp().get_pipe("attribute_ruler"))
    return {"bare": bare, "components": parts, "parse": parse, "steps": steps_profile(parsed),
            "needs": sentence_needs(parsed), "n": len(articles)}


def cli_runs(docs: list[dict], workers: tuple[int, ...] = (1, 2)) -> list[list]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "corpus.jsonl"
        source.write_text("".join(json.dumps(d) + "\n" for d in docs))
        for n in workers:
            seconds, done = timed([*EVENTWIRE, "extract", str(source), "-o", str(Path(tmp) / "out.jsonl"),
                                   "--workers", str(n)])
            if done.returncode not in (0, 1):
                raise SystemExit(done.stderr[-500:])
            rows.append([f"`extract --workers {n}` (CLI, start-up included, wall)", f"{len(docs) / seconds:.1f} docs/s",
                         f"{seconds:.1f} s"])
    return rows


def table(t: dict, start: dict[str, float]) -> list[list]:
    n = t["n"]
    steps_cpu = sum(c for c, _ in t["steps"].values())
    total_cpu = t["parse"][0] + steps_cpu
    rows = [["documents", n, ""],
            ["bare spaCy nlp.pipe, CPU s", round(t["bare"][0], 2),
             f"{n / t['bare'][0]:.1f} docs/CPU-s (wall {t['bare'][1]:.1f} s)"],
            ["eventwire parse + steps, CPU s", round(total_cpu, 2), f"{n / total_cpu:.1f} docs/CPU-s"],
            ["speed ratio (bare / eventwire), CPU", round(t["bare"][0] / total_cpu, 3), "start-up excluded"],
            ["steps on top of parsing", f"{steps_cpu / t['parse'][0]:.1%}", ""]]
    comp_total = sum(c for name, (c, _) in t["components"].items() if "indexed" not in name)
    for name, (cpu, wall) in t["components"].items():
        rows.append([f"  component {name}", f"{cpu / comp_total:.1%} of parse", f"{cpu:.2f} CPU s ({wall:.2f} wall)"])
    for name, (cpu, wall) in t["steps"].items():
        rows.append([f"  step {name}", f"{cpu / total_cpu:.1%} of total", f"{cpu:.2f} CPU s ({wall:.2f} wall)"])
    needs = t["needs"]
    for key, value in needs.items():
        if key != "sentences":
            rows.append([f"  sentences {key}", f"{value / needs['sentences']:.1%}", f"{value} of {needs['sentences']}"])
    parser = t["components"]["parser"][0]
    skippable = 1 - needs["with any"] / needs["sentences"]
    rows.append(["  selective parse: parser CPU a skip could save", f"{parser * skippable:.2f} CPU s",
                 f"parser {parser:.2f} s x {skippable:.1%} sentences needing nothing"])
    rows.append(["  ratio ceiling with no dependency parse at all", round(t["bare"][0] / (total_cpu - parser), 3),
                 "bare / (eventwire - parser), CPU"])
    for name, cpu in start.items():
        rows.append([f"  start-up: {name}", f"{cpu:.2f} CPU s", "fresh process"])
    rows.append(["  start-up total", f"{sum(start.values()):.2f} CPU s", "one short article, end to end"])
    return rows


def main(limit: int, with_cli: bool = True) -> None:
    docs = corpus(limit)
    rows = table(in_process(docs), startup())
    if with_cli:
        rows += cli_runs(docs)
    for row in rows:
        print(" | ".join(str(c) for c in row), flush=True)
    save("speed", "Speed (extract vs bare spaCy, same model, same texts; profile per component and step)",
         ["measure", "value", "note"], rows,
         "Same spaCy model (`eventwire info --json` names it) and batch size for both: bare is the stock pipeline "
         "(`spacy.load`), eventwire its own (the same, with the indexed attribute_ruler); single process unless noted. "
         "CPU seconds of the benchmark process (the machine is shared; wall seconds in brackets). Components are "
         "run one after the other over all texts (what `nlp.pipe` does per batch). 'sentences with …': what the "
         "steps read the dependency parse for; a sentence with none of them is what a selective parse could skip. "
         "Rerun: `python benchmarks/speed.py 1500`.")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(int(args[0]) if args else 1500, "--no-cli" not in sys.argv)
