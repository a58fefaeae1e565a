"""The ``ingest`` and ``export`` commands (SPEC §1): thin wrappers over eventwire.ingest and eventwire.store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from eventwire.cli.options import Db, Engine, Inputs, RayAddress, Workers, fail, output_to, report_error


def register(app: typer.Typer) -> None:
    app.command()(ingest)
    app.command()(export)


def ingest(
    inputs: Inputs,
    db: Db = None,
    workers: Workers = 1,
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per batch; each batch is one transaction.")] = 32,
    records: Annotated[bool, typer.Option("--records", help="INPUTs are document records (JSON lines written by "
                                          "`eventwire extract`): store and link them without extracting again.")]
    = False,
    engine: Engine = "local",
    ray_address: RayAddress = None,
) -> None:
    """Extract, store and link articles, a batch per transaction. Safe to rerun: stored documents are skipped."""
    if not records and workers == 1 and engine == "local":  # else the workers detect languages
        from eventwire.language import prefetch

        prefetch()  # the language model loads while spaCy is imported and loaded
    from eventwire.ingest import extracted_records, ingest_records, read_record_files
    from eventwire.progress import tracked
    from eventwire.store import Store

    store = Store.open(db)
    try:
        stored = store.stored_ids()
        items = read_record_files(inputs, stored) if records else extracted_records(
            inputs, stored, workers, batch_size, engine, ray_address)
        done = ingest_records(store, tracked(items, "ingesting"), batch_size, on_error=report_error)
    finally:
        store.close()
    typer.echo(f"eventwire: ingested {done.added} new documents ({len(stored) + done.seen - done.added} already "
               f"stored{f', {done.rejected} rejected' if done.rejected else ''}) into {store.url}", err=True)
    raise typer.Exit(1 if done.rejected else 0)


def export(
    what: Annotated[str, typer.Option("--what", help="documents, events, incidents, quotes, figures or claims.")],
    db: Db = None,
    format: Annotated[str, typer.Option("--format", "-f", help="jsonl, csv, geojson (events, incidents, figures) "
                                        "or parquet.")] = "jsonl",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Output file (default: stdout).")] = None,
) -> None:
    """Write what the store holds: document records (SPEC §2), incident records (SPEC §3), or items."""
    from eventwire.store import Store
    from eventwire.store.export import FORMATS, WHAT, export_rows

    if what not in WHAT:
        fail(f"--what must be one of {', '.join(WHAT)}, not {what!r}")
    if format not in FORMATS:
        fail(f"--format must be one of {', '.join(FORMATS)}, not {format!r}")
    if format == "geojson" and what not in ("events", "incidents", "figures"):
        fail("geojson needs coordinates: use it with --what events, incidents or figures")
    if format == "parquet" and (output is None or str(output) == "-"):
        fail("parquet is a binary file: give -o OUT.parquet")
    store = Store.open(db)
    try:
        with output_to(output) as sink:
            export_rows(store, what, format, sink)
    finally:
        store.close()
