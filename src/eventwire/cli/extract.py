"""The ``extract`` and ``info`` commands: document records as JSON lines, and what this installation uses."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Annotated

import orjson
import typer

from eventwire import __version__
from eventwire.cli.options import Engine, Inputs, RayAddress, Workers, fail, output_to, report_error


def register(app: typer.Typer) -> None:
    app.command()(extract)
    app.command()(info)


def extract(
    inputs: Inputs,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="JSON lines file (default: stdout).")] = None,
    workers: Workers = 1,
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per nlp.pipe batch.")] = 32,
    summary: Annotated[bool, typer.Option("--summary", help="Print a readable summary to standard error.")] = False,
    engine: Engine = "local",
    ray_address: RayAddress = None,
    shards: Annotated[str | None, typer.Option(help="With --engine ray: write record shards to this folder or URL "
                                               "instead of -o.")] = None,
    shard_format: Annotated[str, typer.Option(help="jsonl or parquet, for --shards.")] = "jsonl",
) -> None:
    """Read articles and write one document record (SPEC §2) per article, in input order."""
    if workers == 1 and engine == "local":  # else the workers detect languages, each prefetching its own
        from eventwire.language import prefetch

        prefetch()  # the language model loads while spaCy is imported and loaded
    from eventwire.engine import Extracted, extract_inputs
    from eventwire.progress import tracked

    if shard_format not in ("jsonl", "parquet"):
        fail(f"unknown shard format {shard_format!r} (expected jsonl or parquet)")
    rejected = 0
    counts: Counter = Counter()
    results = extract_inputs(inputs, engine, workers, batch_size, ray_address, shards, shard_format)
    with output_to(output) as sink:
        for result in tracked(results, "extracting"):
            if isinstance(result, Extracted):
                sink.write(result.line + b"\n")
                if summary:
                    _count(counts, result.line)
            else:
                report_error(result)
                rejected += 1
    if summary:
        _print_summary(counts, rejected)
    raise typer.Exit(1 if rejected else 0)


def _count(counts: Counter, line: bytes) -> None:
    record = orjson.loads(line)
    counts["documents"] += 1
    for key in ("entities", "places", "times", "quotes", "figures", "events"):
        counts[key] += len(record[key])
    for event in record["events"]:
        counts[f"event:{event['type']}"] += 1


def _print_summary(counts: Counter, rejected: int) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="eventwire extract", show_header=True)
    table.add_column("what")
    table.add_column("count", justify="right")
    for key in ("documents", "entities", "places", "times", "quotes", "figures", "events"):
        table.add_row(key, str(counts[key]))
    for key, value in sorted((k, v) for k, v in counts.items() if k.startswith("event:")):
        table.add_row(f"  {key[6:]}", str(value))
    table.add_row("rejected records", str(rejected))
    Console(stderr=True).print(table)


def info(as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False) -> None:
    """Version, spaCy model, gazetteer and default database."""
    from eventwire.config import database_url
    from eventwire.parse import MODELS, SPACY_MODEL

    facts = {
        "version": __version__,
        "spacy_model": SPACY_MODEL,
        "spacy_models": MODELS,
        "gazetteer": _gazetteer_name(),
        "database": database_url(None),
        "python": sys.version.split()[0],
    }
    if as_json:
        typer.echo(orjson.dumps(facts).decode())
    else:
        for key, value in facts.items():
            typer.echo(f"{key}: {value}")


def _gazetteer_name() -> str:
    try:
        from eventwire.gazetteer import describe
    except ImportError:
        return "none"
    return describe()
