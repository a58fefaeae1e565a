"""Alerts over HTTP: an Atom feed (``/alerts.atom``), a JSON list, and server-sent events for the web page.

The alerts are those ``eventwire watch`` keeps in the store's outbox; the server only reads them. Article text
reaches Atom as escaped XML text (ElementTree escapes), never as markup.
"""

from __future__ import annotations

import asyncio
from typing import Annotated
from urllib.parse import quote
from xml.etree.ElementTree import Element, SubElement, tostring

import orjson
from fastapi import FastAPI, Query, Request
from fastapi.responses import Response, StreamingResponse

from eventwire.store import outbox

ATOM = "http://www.w3.org/2005/Atom"
STREAM_SECONDS = 20.0  # one event stream lasts this long (under the request timeout); the browser reconnects
POLL_SECONDS = 0.5


def register(app: FastAPI) -> None:
    @app.get("/alerts.atom", tags=["alerts"], response_class=Response)
    def alerts_atom(request: Request, rule: Annotated[str | None, Query(max_length=200)] = None,
                    limit: Annotated[int, Query(ge=1, le=500)] = 100) -> Response:
        """The alerts as an Atom feed, newest first; ``rule`` keeps one rule's."""
        rows = _alerts(request, rule=rule, limit=limit)
        return Response(atom_feed(rows, str(request.base_url).rstrip("/"), rule),
                        media_type="application/atom+xml; charset=utf-8")

    @app.get("/api/alerts", tags=["alerts"])
    def alerts_list(request: Request, rule: Annotated[str | None, Query(max_length=200)] = None,
                    pending: bool = False, limit: Annotated[int, Query(ge=1, le=500)] = 50) -> dict:
        """Alerts with their delivery state, newest first."""
        items = [summary(row) for row in _alerts(request, rule=rule, pending=pending, limit=limit)]
        return {"items": items, "count": len(items)}

    @app.get("/api/alerts/stream", tags=["alerts"])
    async def alerts_stream(request: Request, after: Annotated[int | None, Query(ge=0)] = None) -> StreamingResponse:
        """Server-sent events: one ``alert`` event per new alert (its ``id:`` is the outbox position, so a
        reconnecting browser continues where it stopped)."""
        given = request.headers.get("last-event-id", "")
        start = int(given) if given.isdigit() else after
        return StreamingResponse(_events(request, start), media_type="text/event-stream",
                                 headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})


def watched_feeds(request: Request) -> list[dict]:
    """Each followed source's last poll, last successful poll and last error (None when the last poll worked)."""
    with outbox.reading(request.app.state.store.engine) as conn:
        return outbox.feed_health(conn)


def _alerts(request: Request, **filters) -> list[dict]:
    with outbox.reading(request.app.state.store.engine) as conn:
        return outbox.alerts(conn, **filters)


def summary(row: dict) -> dict:
    """What the page and the JSON list show of an alert."""
    payload = row["payload"]
    incident = payload.get("incident") or {}
    place = incident.get("place") if isinstance(incident.get("place"), dict) else {}
    return {"seq": row["seq"], "id": row["id"], "rule": row["rule"], "created": row["created"],
            "status": row["status"], "attempts": row["attempts"], "incident": row["incident"],
            "change": row["change"], "type": incident.get("type"), "killed": incident.get("killed"),
            "injured": incident.get("injured"), "date": incident.get("date"), "place": place.get("name"),
            "documents": incident.get("documents") or [], "title": title(payload)}


def title(payload: dict) -> str:
    incident = payload.get("incident") or {}
    place = incident.get("place") if isinstance(incident.get("place"), dict) else {}
    what = (incident.get("type") or "incident").lower()
    where = f" in {place['name']}" if place.get("name") else ""
    toll = f", {incident['killed']} killed" if isinstance(incident.get("killed"), int) else ""
    change = (payload.get("change") or {}).get("key") or ""
    return f"{payload.get('rule')}: {what}{where}{toll} ({change})"


def atom_feed(rows: list[dict], base: str, rule: str | None) -> bytes:
    feed = Element("feed", xmlns=ATOM)
    SubElement(feed, "title").text = f"eventwire alerts{f': {rule}' if rule else ''}"
    SubElement(feed, "id").text = f"{base}/alerts.atom" + (f"?rule={quote(rule, safe='')}" if rule else "")
    SubElement(feed, "updated").text = rows[0]["created"] if rows else "1970-01-01T00:00:00Z"
    SubElement(feed, "link", rel="self", href=f"{base}/alerts.atom")
    SubElement(SubElement(feed, "author"), "name").text = "eventwire"
    for row in rows:
        payload = row["payload"]
        entry = SubElement(feed, "entry")
        SubElement(entry, "id").text = f"urn:eventwire:alert:{row['id']}"
        SubElement(entry, "title").text = title(payload)
        SubElement(entry, "updated").text = row["created"]
        SubElement(entry, "category", term=row["rule"])
        documents = (payload.get("incident") or {}).get("documents") or []
        href = f"{base}/documents/{quote(str(documents[0]), safe='')}" if documents else f"{base}/"
        SubElement(entry, "link", rel="alternate", href=href)
        SubElement(entry, "content", type="text").text = _content(payload)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + tostring(feed, encoding="unicode").encode()


def _content(payload: dict) -> str:
    incident = payload.get("incident") or {}
    fields = {key: incident.get(key) for key in ("incident", "type", "date", "killed", "injured", "actors")}
    return orjson.dumps({"rule": payload.get("rule"), "change": payload.get("change"), **fields}).decode()


async def _events(request: Request, after: int | None):
    from anyio import to_thread

    engine = request.app.state.store.engine

    def newer(position: int | None) -> tuple[int, list[dict]]:
        with outbox.reading(engine) as conn:
            if position is None:
                return outbox.last_alert_seq(conn), []
            return position, outbox.alerts(conn, after=position, limit=100, newest_first=False)

    position, _ = await to_thread.run_sync(newer, after)
    yield b"retry: 1000\n\n"
    loop = asyncio.get_running_loop()
    ends = loop.time() + STREAM_SECONDS
    while loop.time() < ends and not await request.is_disconnected():
        _, rows = await to_thread.run_sync(newer, position)
        for row in rows:
            position = row["seq"]
            yield f"id: {row['seq']}\nevent: alert\ndata: ".encode() + orjson.dumps(summary(row)) + b"\n\n"
        await asyncio.sleep(POLL_SECONDS)
