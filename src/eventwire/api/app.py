"""The HTTP API and the web page over one store.

Read endpoints are open; writing (``POST /api/documents``) needs the bearer token, or, with no token
set, a server bound to loopback. Every list is paginated with a capped ``limit``. Filters reach the
store as typed values, never as SQL text.
"""

from __future__ import annotations

import hmac
import ipaddress
import threading
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from typing import Annotated, Any

import orjson
from fastapi import Depends, FastAPI, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles

from eventwire.api.guard import CSP, Guard, Limits
from eventwire.api.pages import document_page, not_found_page
from eventwire.api.worker import Busy, IngestWorker
from eventwire.checks import parse_bbox as checked_bbox
from eventwire.errors import EventwireError

MAX_LIMIT = 500
MAX_OFFSET = 1_000_000
MAX_ARTICLES_PER_POST = 200
REPORTS_AT_ONCE = 2
LOOPBACK_NAMES = ("localhost",)
FORWARDING_HEADERS = ("forwarded", "x-forwarded-for", "x-real-ip")
WEB = resources.files("eventwire.api").joinpath("web")


@dataclass
class Settings:
    db_url: str | None = None
    token: str | None = None
    host: str = "127.0.0.1"
    cors_origins: list[str] = field(default_factory=list)
    limits: Limits = field(default_factory=Limits)


def is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


# --- query parameters ---


@dataclass
class Page:
    limit: int
    offset: int


def page(limit: Annotated[int, Query(ge=1, description=f"Items per page, capped at {MAX_LIMIT}.")] = 50,
         offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0) -> Page:
    return Page(min(limit, MAX_LIMIT), offset)


def filters(
    since: Annotated[date | None, Query(description="First day (ISO date), inclusive.")] = None,
    until: Annotated[date | None, Query(description="Last day (ISO date), inclusive.")] = None,
    bbox: Annotated[str | None, Query(max_length=100, description="west,south,east,north in degrees.")] = None,
    actor: Annotated[str | None, Query(max_length=200)] = None,
    type: Annotated[str | None, Query(max_length=40, description="PLOVER event type, e.g. ASSAULT.")] = None,
    story: Annotated[str | None, Query(max_length=200)] = None,
) -> dict[str, Any]:
    chosen: dict[str, Any] = {"since": since.isoformat() if since else None,
                              "until": until.isoformat() if until else None,
                              "bbox": parse_bbox(bbox) if bbox else None, "actor": actor or None,
                              "type": type.upper() if type else None, "story": story or None}
    return {k: v for k, v in chosen.items() if v is not None}


def parse_bbox(value: str) -> tuple[float, float, float, float]:
    try:
        return checked_bbox(value)
    except EventwireError as err:
        raise HTTPException(422, str(err)) from None


Filters = Annotated[dict, Depends(filters)]
Paging = Annotated[Page, Depends(page)]


def listing(items: list[dict], paging: Page) -> dict[str, Any]:
    return {"items": items, "limit": paging.limit, "offset": paging.offset, "count": len(items),
            "next_offset": paging.offset + paging.limit if len(items) == paging.limit else None}


def document_link(document: str | None, span: list | None) -> str | None:
    if not document:
        return None
    from urllib.parse import quote

    target = f"/documents/{quote(str(document), safe='')}"
    if span and len(span) == 2 and all(isinstance(x, int) for x in span):
        target += f"?span={span[0]}-{span[1]}#focus"
    return target


# --- the app ---


def create_app(settings: Settings) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI):
        from eventwire.store import Store

        app.state.store = Store.open(settings.db_url)
        app.state.ingest_worker = IngestWorker(settings.db_url)
        try:
            yield
        finally:
            app.state.ingest_worker.close()
            app.state.store.close()

    app = FastAPI(title="eventwire", version=_version(), lifespan=lifespan, docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json",
                  description="Structured, source-linked records of crisis news: documents, events, incidents, "
                              "quotes and figures, each pointing at the text it came from.")
    app.state.settings = settings
    app.state.report_gate = threading.BoundedSemaphore(REPORTS_AT_ONCE)
    if settings.cors_origins:  # off unless asked for: the page is served from the same origin
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=["GET"],
                           allow_headers=["Authorization", "Content-Type"])
    _routes(app)
    app.mount("/static", StaticFiles(directory=str(WEB)), name="static")
    return app


def guarded(settings: Settings) -> Guard:
    """The app behind the request limits and security headers: what the server runs."""
    return Guard(create_app(settings), settings.limits)


def _version() -> str:
    from eventwire import __version__

    return __version__


def found(record: dict | None, what: str) -> dict:
    """The record, or a 404 naming what was asked for."""
    if record is None:
        raise HTTPException(404, f"no such {what}")
    return record


def _store(request: Request):
    return request.app.state.store


def _routes(app: FastAPI) -> None:
    @app.get("/api/health", tags=["meta"])
    def health(request: Request) -> dict[str, Any]:
        """``ok``; with ``feeds`` when `eventwire watch` follows sources: each one's last poll, last success, error."""
        from eventwire.api.alerts import watched_feeds

        feeds = watched_feeds(request)
        return {"status": "ok", "feeds": feeds} if feeds else {"status": "ok"}

    from eventwire.api import alerts

    alerts.register(app)

    @app.get("/api/documents", tags=["documents"])
    def documents(request: Request, f: Filters, paging: Paging) -> dict:
        """Document records (SPEC §2) with story and incident ids, newest first."""
        return listing(_store(request).documents(**f, limit=paging.limit, offset=paging.offset), paging)

    @app.get("/api/documents/{doc_id:path}", tags=["documents"])
    def one_document(request: Request, doc_id: Annotated[str, Path(max_length=300)]) -> dict:
        return found(_store(request).document(doc_id), "document")

    @app.post("/api/documents", tags=["documents"], status_code=201)
    def ingest(request: Request, body: Annotated[bytes, Depends(_raw_body)]) -> JSONResponse:
        """Extract, store and link articles: one SPEC §1 article object or a list of them."""
        _check_write_access(request)
        articles = _articles(body)
        try:
            stored, ids, errors = request.app.state.ingest_worker.ingest(articles)
        except Busy as err:
            raise HTTPException(503, str(err)) from None
        status = 201 if stored or not errors else 422
        return JSONResponse({"stored": stored, "documents": ids, "errors": errors}, status_code=status)

    for name, summary in (("events", "Events with their document id, most recent first."),
                          ("incidents", "Incident records (SPEC §3)."),
                          ("quotes", "Quotes with speaker and document id."),
                          ("figures", "Figures with category, claimant and document id."),
                          ("stories", "Stories: documents linked across sources.")):
        _list_route(app, name, summary)

    @app.get("/api/incidents/{incident_id}", tags=["incidents"])
    def one_incident(request: Request, incident_id: Annotated[str, Path(max_length=200)]) -> dict:
        """One incident record (SPEC §3) with its reports, first report, figures over time and echoes."""
        return found(_store(request).incident(incident_id), "incident")

    @app.get("/api/search", tags=["documents"])
    def search(request: Request, q: Annotated[str, Query(min_length=1, max_length=500)], f: Filters,
               paging: Paging) -> dict:
        """Full-text search over titles and texts."""
        return listing(_store(request).search(q, **f, limit=paging.limit, offset=paging.offset), paging)

    @app.get("/api/report", tags=["report"], response_model=None)
    def report(request: Request, f: Filters,
               query: Annotated[str | None, Query(max_length=500, description="Text search first.")] = None,
               format: Annotated[str, Query(pattern="^(json|md|html)$")] = "json") -> Response:
        """The dossier of what the filters select: factbox, timeline, actors, quotes, figures, map, sources."""
        from eventwire.report import render
        from eventwire.report.collect import dossier_from_store
        from eventwire.report.render import report_style_hash

        gate = request.app.state.report_gate  # a dossier reads hundreds of documents: a few at a time
        if not gate.acquire(timeout=20):
            raise HTTPException(503, "busy assembling other dossiers; retry shortly")
        try:
            dossier = dossier_from_store(_store(request), query=query or None, **f)
        finally:
            gate.release()
        if format == "json":
            return Response(orjson.dumps(dossier), media_type="application/json")
        text = render(dossier, format, document_link)
        if format == "md":
            return PlainTextResponse(text, media_type="text/markdown; charset=utf-8")
        csp = CSP.replace("style-src 'self'", f"style-src {report_style_hash()}")
        return HTMLResponse(text, headers={"content-security-policy": csp})

    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    def index() -> HTMLResponse:
        return HTMLResponse(WEB.joinpath("index.html").read_text(encoding="utf-8"))

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    @app.get("/documents/{doc_id:path}", include_in_schema=False)
    def document_view(request: Request, doc_id: str, span: Annotated[str | None, Query(max_length=40)] = None):
        record = _store(request).document(doc_id[:300])
        if record is None:
            return HTMLResponse(not_found_page(doc_id[:300]), status_code=404)
        return HTMLResponse(document_page(record, span))

    _incident_routes(app)


def _incident_routes(app: FastAPI) -> None:
    from eventwire.api.incident_page import MAX_MAPPED_DOCUMENTS, incident_not_found_page, incident_page

    @app.get("/incidents/{incident_id}", include_in_schema=False)
    def incident_view(request: Request, incident_id: str) -> HTMLResponse:
        store = _store(request)
        record = store.incident(incident_id[:200])
        if record is None:
            return HTMLResponse(incident_not_found_page(incident_id[:200]), status_code=404)
        reporting = [report["document"] for report in record["reports"][:MAX_MAPPED_DOCUMENTS]]
        documents = [doc for doc in (store.document(doc_id) for doc_id in reporting) if doc is not None]
        return HTMLResponse(incident_page(record, documents, document_link))


def _list_route(app: FastAPI, name: str, summary: str) -> None:
    def endpoint(request: Request, f: Filters, paging: Paging) -> dict:
        method = getattr(_store(request), name)
        return listing(method(**f, limit=paging.limit, offset=paging.offset), paging)

    endpoint.__name__ = f"list_{name}"
    app.get(f"/api/{name}", tags=[name], summary=f"List {name}", description=summary)(endpoint)


# --- writing ---


async def _raw_body(request: Request) -> bytes:
    return await request.body()


def _check_write_access(request: Request) -> None:
    settings: Settings = request.app.state.settings
    if not settings.token:
        if not is_loopback(settings.host):
            raise HTTPException(403, "writing is off: start the server with --token (or EVENTWIRE_TOKEN)")
        if any(name in request.headers for name in FORWARDING_HEADERS):
            # a reverse proxy on this machine makes remote clients look local
            raise HTTPException(403, "writing through a proxy needs a token: start the server with --token")
        return
    given = request.headers.get("authorization", "")
    scheme, _, credential = given.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(credential.strip().encode(), settings.token.encode()):
        raise HTTPException(401, "a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"})


def _articles(body: bytes) -> list[Any]:
    try:
        data = orjson.loads(body)
    except orjson.JSONDecodeError as err:
        raise HTTPException(400, f"malformed JSON ({str(err).splitlines()[0]})") from None
    articles = data if isinstance(data, list) else [data]
    if not articles:
        raise HTTPException(422, "no articles in the request")
    if len(articles) > MAX_ARTICLES_PER_POST:
        raise HTTPException(413, f"at most {MAX_ARTICLES_PER_POST} articles per request")
    return articles
