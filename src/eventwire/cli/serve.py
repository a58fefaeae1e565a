"""The ``report`` and ``serve`` commands: the dossier of a selection, and the HTTP API with its web page."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from eventwire.checks import parse_bbox, parse_day
from eventwire.cli.options import Bbox, Db, Output, Since, Until, check_directory, fail
from eventwire.errors import EventwireError


def register(app: typer.Typer) -> None:
    app.command()(report)
    app.command()(serve)


def report(
    db: Db = None,
    story: Annotated[str | None, typer.Option(help="One story's id.")] = None,
    query: Annotated[str | None, typer.Option(help="Documents matching this text.")] = None,
    since: Since = None,
    until: Until = None,
    bbox: Bbox = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="md, html or json.")] = "md",
    output: Output = None,
) -> None:
    """The dossier of a crisis: factbox, timeline, actors, who-said-what, figures, map and sources."""
    from eventwire.config import database_url
    from eventwire.report import FORMATS, render, source_url_links
    from eventwire.report.collect import dossier_from_store
    from eventwire.store import Store

    if fmt not in FORMATS:
        fail(f"unknown format {fmt!r}: choose md, html or json")
    since, until = _day(since, "--since"), _day(until, "--until")
    box = _bbox(bbox) if bbox else None
    check_directory(output)
    store = Store.open(database_url(db))
    try:
        dossier = dossier_from_store(store, story=story, query=query, since=since, until=until, bbox=box)
    finally:
        store.close()
    text = render(dossier, fmt, source_url_links(dossier))
    if output is None or str(output) == "-":
        typer.echo(text, nl=False)
    else:
        tmp = output.with_name(f".{output.name}.part")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, output)


def serve(
    db: Db = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
    token: Annotated[str | None, typer.Option(envvar="EVENTWIRE_TOKEN", show_envvar=True,
                                              help="Bearer token for POST /api/documents.")] = None,
    cors_origin: Annotated[list[str] | None, typer.Option(help="Allow this origin to read the API (repeatable); "
                                                                "CORS is off by default.")] = None,
    rate_limit: Annotated[float, typer.Option(min=0, help="Requests per second per client (0: no limit).")] = 50.0,
    max_body_mb: Annotated[float, typer.Option(min=0.01, help="Largest request body, in MB.")] = 8.0,
) -> None:
    """The HTTP API (OpenAPI at /openapi.json) and the web page over one store."""
    import uvicorn

    from eventwire.api.app import Settings, guarded, is_loopback
    from eventwire.api.guard import Limits
    from eventwire.config import database_url
    from eventwire.store import Store

    if token is not None and len(token) < 8:
        fail("--token must be at least 8 characters")
    url = database_url(db)
    Store.open(url).close()  # a wrong URL or an unreadable file fails here, in one line, before listening
    limits = Limits(max_body_bytes=int(max_body_mb * 1024 * 1024), rate_per_second=rate_limit,
                    burst=max(1, int(rate_limit * 4)))
    settings = Settings(db_url=url, token=token or None, host=host, cors_origins=cors_origin or [], limits=limits)
    if not token and not is_loopback(host):
        typer.echo("eventwire: note: no token set, so POST /api/documents is refused on a public address", err=True)
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"eventwire: serving {url_for_display(url)} on http://{shown}:{port}/ (API: /openapi.json)", err=True)
    try:
        uvicorn.run(guarded(settings), host=host, port=port, log_level="warning", server_header=False,
                    timeout_keep_alive=5, limit_concurrency=100)
    except OSError as err:
        raise EventwireError(f"cannot listen on {host}:{port}: {err.strerror or err}") from None


def url_for_display(url: str) -> str:
    """The database URL without its password."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # shown only; Store.open already accepted it
        return "the database"


def _day(value: str | None, option: str) -> str | None:
    if not value:
        return None
    try:
        return parse_day(value, option)
    except EventwireError as err:
        fail(str(err))


def _bbox(value: str) -> tuple[float, float, float, float]:
    try:
        return parse_bbox(value, "--bbox")
    except EventwireError as err:
        fail(str(err))
