"""The command line: thin wrappers that parse options, call the library and print."""

from __future__ import annotations

import os
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Annotated

import orjson
import typer

from eventwire import __version__
from eventwire.errors import EventwireError

app = typer.Typer(
    name="eventwire",
    help="Structured, source-linked knowledge from crisis news: events, actors, places, times, quotes, figures.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)

Inputs = Annotated[list[str], typer.Argument(help="Files, directories, or - for JSON lines on standard input.")]
Workers = Annotated[int, typer.Option("--workers", "-w", min=1, help="Processes (or Ray actors) that extract.")]
Engine = Annotated[str, typer.Option("--engine", help="local (one machine) or ray (Ray Data; see README).")]
RayAddress = Annotated[str | None, typer.Option("--ray-address", help="An existing Ray cluster (default: $RAY_ADDRESS "
                                                "or a local instance).")]


def fail(message: str, code: int = 2) -> None:
    """One clear line on standard error, then exit."""
    typer.echo(f"eventwire: error: {message}", err=True)
    raise typer.Exit(code)


def report_error(error: object) -> None:
    typer.echo(f"{error}", err=True)


@app.command()
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
    from eventwire.engine import Extracted, extract_inputs
    from eventwire.progress import tracked

    if shard_format not in ("jsonl", "parquet"):
        fail(f"unknown shard format {shard_format!r} (expected jsonl or parquet)")
    rejected = 0
    counts: Counter = Counter()
    results = extract_inputs(inputs, engine, workers, batch_size, ray_address, shards, shard_format)
    with _output(output) as sink:
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


class _output:
    """Standard output, or a file written under a temporary name and renamed when complete."""

    def __init__(self, path: Path | None) -> None:
        self.path = path

    def __enter__(self):
        if self.path is None or str(self.path) == "-":
            self.stream = sys.stdout.buffer
            return self.stream
        directory = self.path.parent if str(self.path.parent) else Path(".")
        if not directory.is_dir():
            fail(f"output directory does not exist: {directory}")
        fd, self.tmp = tempfile.mkstemp(dir=directory, prefix=f".{self.path.name}.", suffix=".part")
        self.stream = os.fdopen(fd, "wb")
        return self.stream

    def __exit__(self, kind, value, tb) -> None:
        if self.path is None or str(self.path) == "-":
            self.stream.flush()
            return
        self.stream.close()
        if kind is None or issubclass(kind, typer.Exit):
            os.replace(self.tmp, self.path)
        else:
            os.unlink(self.tmp)


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


@app.command()
def info(as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False) -> None:
    """Version, spaCy model, gazetteer and default database."""
    from eventwire.config import database_url
    from eventwire.parse import SPACY_MODEL

    facts = {
        "version": __version__,
        "spacy_model": SPACY_MODEL,
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


# Command groups live next to the code they drive; each module has ``register(app)``.
COMMAND_MODULES = ("eventwire.ingest_commands", "eventwire.store.commands", "eventwire.api.commands",
                   "eventwire.gazetteer.commands")


def _register_commands() -> None:
    import importlib

    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as err:
            if err.name != name:
                raise
            continue
        module.register(app)


_register_commands()


def main() -> None:
    """Entry point: never a traceback, always one line and a non-zero status on failure."""
    try:
        app()
    except EventwireError as err:
        typer.echo(f"eventwire: error: {err}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        typer.echo("eventwire: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(1)
    except Exception as err:  # the promise is one line, whatever went wrong
        typer.echo(f"eventwire: error: {type(err).__name__}: {err}", err=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
