"""Gather a dossier's records from a store through its query interface (never SQL), then assemble it."""

from __future__ import annotations

from typing import Any, Protocol

from eventwire.report.dossier import assemble

MAX_DOCUMENTS = 400  # a dossier is read by a person; beyond this, narrow the filters


class Readable(Protocol):
    def documents(self, **filters: Any) -> list[dict]: ...
    def document(self, doc_id: str) -> dict | None: ...
    def incidents(self, **filters: Any) -> list[dict]: ...
    def search(self, q: str, **filters: Any) -> list[dict]: ...
    def stories(self, **filters: Any) -> list[dict]: ...


def dossier_from_store(store: Readable, *, story: str | None = None, query: str | None = None,
                       since: str | None = None, until: str | None = None,
                       bbox: tuple[float, float, float, float] | None = None, actor: str | None = None,
                       type: str | None = None, limit: int = MAX_DOCUMENTS) -> dict[str, Any]:
    """The dossier of the documents the filters select."""
    filters = {k: v for k, v in {"story": story, "since": since, "until": until, "bbox": bbox, "actor": actor,
                                 "type": type}.items() if v not in (None, "")}
    limit = max(1, min(limit, MAX_DOCUMENTS))
    found = store.search(query, limit=limit, **filters) if query else store.documents(limit=limit, **filters)
    documents = [_full(store, d) for d in found]
    documents = [d for d in documents if d]
    ids = {d["id"] for d in documents}
    incidents = [i for i in _incidents(store, filters) if ids.intersection(i.get("documents") or [])]
    scope = {**filters, "query": query}
    if bbox:
        scope["bbox"] = ",".join(f"{x:g}" for x in bbox)
    return assemble(documents, incidents, title=_title(store, story), scope=scope,
                    window=(since, until), types={type} if type else None)


def _full(store: Readable, found: dict) -> dict | None:
    """The whole document record: list queries may return a lighter row."""
    if "text" in found and "events" in found:
        return found
    doc_id = found.get("id") or found.get("document")
    return store.document(doc_id) if doc_id else None


def _incidents(store: Readable, filters: dict) -> list[dict]:
    try:
        return store.incidents(limit=MAX_DOCUMENTS, **filters)
    except TypeError:  # a store whose incidents take fewer filters
        return store.incidents(limit=MAX_DOCUMENTS)


def _title(store: Readable, story: str | None) -> str | None:
    if not story:
        return None
    for entry in store.stories(limit=500):
        if str(entry.get("id") or entry.get("story")) == story:
            name = entry.get("title") or entry.get("name") or entry.get("label")
            return f"Dossier: {name}" if name else None
    return None
