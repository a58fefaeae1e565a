"""The ``watch`` and ``alerts`` commands (SPEC §1)."""

from __future__ import annotations

import signal
from pathlib import Path
from typing import Annotated

import typer

from eventwire.cli.options import Db


def register(app: typer.Typer) -> None:
    app.command()(watch)
    app.command()(alerts)


def watch(
    config: Annotated[Path, typer.Argument(help="The TOML file of feeds, sitemaps, folders and alert rules.")],
    db: Db = None,
    once: Annotated[bool, typer.Option("--once", help="Poll every source once, deliver, then exit.")] = False,
) -> None:
    """Follow feeds, sitemaps and folders; ingest what is new; raise and deliver the alerts the rules ask for."""
    from eventwire.store import Store
    from eventwire.watch.config import load_config
    from eventwire.watch.display import LogLines, reporter
    from eventwire.watch.watcher import Watcher

    settings = load_config(config)  # a ConfigError is one line and exit status 2 (eventwire.cli.main)
    store = Store.open(db)
    log = LogLines() if once else reporter()
    watcher = Watcher(settings, store, log)

    def finish(_signum, _frame) -> None:  # finish the batch under way, then leave
        watcher.stop.set()

    previous = signal.signal(signal.SIGTERM, finish)
    try:
        with log:
            log.event("watching", sources=len(settings.sources), rules=len(settings.rules), db=store.url)
            if once:
                watcher.run_once()
            else:
                watcher.run_forever()
    except KeyboardInterrupt:
        log.event("stopped", articles=watcher.ingested, reason="interrupted")
    finally:
        signal.signal(signal.SIGTERM, previous)
        watcher.close()
        store.close()


def alerts(
    db: Db = None,
    pending: Annotated[bool, typer.Option("--pending", help="Only alerts not yet acknowledged by their webhook.")]
    = False,
    rule: Annotated[str | None, typer.Option(help="Only this rule's alerts.")] = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many, newest first.")] = 100,
    as_json: Annotated[bool, typer.Option("--json", help="JSON lines instead of a table.")] = False,
) -> None:
    """The alerts raised and their delivery state (pending, delivered, feed-only), newest first."""
    import orjson

    from eventwire.store import Store, outbox

    with Store.open(db) as store, outbox.reading(store.engine) as conn:
        rows = outbox.alerts(conn, rule=rule, pending=pending, limit=limit)
    if as_json:
        for row in rows:
            typer.echo(orjson.dumps(row).decode())
        return
    _table(rows)


def _table(rows: list[dict]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(title=f"eventwire alerts ({len(rows)})")
    for column in ("created", "rule", "incident", "change", "state", "attempts", "last error", "id"):
        table.add_column(column, overflow="fold")
    for row in rows:
        incident = row["payload"].get("incident") or {}
        what = f"{row['incident']} {incident.get('type') or ''} killed={incident.get('killed')}"
        table.add_row(row["created"], Text(row["rule"]), Text(what), Text(row["change"]), row["status"],
                      str(row["attempts"]), Text(row["last_error"] or ""), row["id"])
    Console(width=200 if not Console().is_terminal else None).print(table)
