"""Writing document records: the document row, its items, its claims, in the caller's transaction."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

import orjson
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from eventwire.errors import EventwireError
from eventwire.store import actors as actor_linking
from eventwire.store import schema as s

# what the layer above computes from a record before it is stored: its linking features and its claims
Describe = Callable[[dict], tuple[dict, list[dict]]]

LIST_FIELDS = ("entities", "places", "times", "quotes", "figures", "events")


def record_problem(record: Any) -> str | None:
    """Why a value is not a storable document record, or None when it is."""
    if not isinstance(record, dict):
        return "a document record must be a JSON object"
    if not isinstance(record.get("id"), str) or not record["id"].strip():
        return "document record without a string id"
    if len(record["id"]) > 200:
        return "document id longer than 200 characters"
    if not isinstance(record.get("text"), str):
        return f"document {record['id']!r} has no text"
    for key in LIST_FIELDS:
        if not isinstance(record.get(key, []), list):
            return f"document {record['id']!r}: {key} is not a list"
    return None


def content_hash(record: dict) -> str:
    return hashlib.sha256(record["text"].encode("utf-8", "surrogatepass")).hexdigest()


def _undescribed(record: dict) -> tuple[dict, list[dict]]:
    return {}, []


def insert_documents(conn: Connection, records: list[dict], describe: Describe = _undescribed) -> list[int]:
    """Insert the records whose id is not stored yet, each with the features and claims ``describe`` gives;
    returns the new documents' seq, in input order."""
    for record in records:
        if problem := record_problem(record):
            raise EventwireError(problem)
    unique: dict[str, dict] = {}
    for record in map(_normalised, records):
        unique.setdefault(record["id"], record)
    existing = _existing_ids(conn, list(unique))
    added = []
    for doc_id, record in unique.items():
        if doc_id not in existing:
            added.append(_insert_document(conn, record, *describe(record)))
    return added


def _without_nul(value: Any) -> Any:
    """PostgreSQL text cannot hold NUL; U+FFFD takes its place, one character for one, so offsets stay true."""
    if isinstance(value, str):
        return value.replace("\x00", "\ufffd") if "\x00" in value else value
    if isinstance(value, list):
        return [_without_nul(item) for item in value]
    if isinstance(value, dict):
        return {key: _without_nul(item) for key, item in value.items()}
    return value


def _existing_ids(conn: Connection, ids: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        found.update(conn.execute(sa.select(s.documents.c.id).where(s.documents.c.id.in_(chunk))).scalars())
    return found


def _normalised(record: dict) -> dict:
    """The record as stored: every list present, story/incident left to the linker, no NUL characters."""
    record = {key: _without_nul(value) for key, value in record.items() if key not in ("story", "incident")}
    for key in LIST_FIELDS:
        record.setdefault(key, [])
    return record


def _insert_document(conn: Connection, record: dict, features: dict, claims: list[dict]) -> int:
    seq = conn.execute(
        sa.insert(s.documents).values(
            id=record["id"],
            content_hash=content_hash(record),
            title=_text(record.get("title")),
            url=_text(record.get("url")),
            published=_text(record.get("published"), 40),
            lang=_text(record.get("lang"), 16),
            text=record["text"],
            record=orjson.dumps(record).decode(),
            junk=bool(features.get("junk")),
            day=features.get("day"),
            features=orjson.dumps(features).decode(),
        )
    ).inserted_primary_key[0]
    entity_actors = actor_linking.assign_actors(conn, seq, record)
    _insert_items(conn, seq, record, entity_actors, claims)
    return seq


def _insert_items(conn: Connection, seq: int, record: dict, entity_actors: dict[str, str], claims: list[dict]) -> None:
    places = [p for p in record["places"] if isinstance(p, dict)]
    times = [t for t in record["times"] if isinstance(t, dict)]
    names = {e.get("id"): e.get("name") for e in record["entities"] if isinstance(e, dict)}
    _insert_many(conn, s.places, [_place_row(seq, i, p) for i, p in enumerate(places)])
    _insert_many(conn, s.events, [_event_row(seq, i, e, record, places, times, names, entity_actors)
                                  for i, e in enumerate(record["events"]) if isinstance(e, dict)])
    _insert_many(conn, s.quotes, [_quote_row(seq, i, q, record["text"], names, entity_actors)
                                  for i, q in enumerate(record["quotes"]) if isinstance(q, dict)])
    _insert_many(conn, s.figures, [_figure_row(seq, i, f, places, times, names, entity_actors)
                                   for i, f in enumerate(record["figures"]) if isinstance(f, dict)])
    _insert_many(conn, s.claims, [{"doc": seq, "position": i, **claim}
                                  for i, claim in enumerate(claims)])


def _insert_many(conn: Connection, table: sa.Table, rows: list[dict]) -> None:
    if rows:
        conn.execute(sa.insert(table), rows)


def _place_row(seq: int, position: int, place: dict) -> dict:
    return {"doc": seq, "position": position, "name": _text(place.get("name") or place.get("text")),
            "admin1": _text(place.get("admin1")), "country": _text(place.get("country"), 8),
            "lat": _number(place.get("lat")), "lon": _number(place.get("lon"))}


def _event_row(seq: int, position: int, ev: dict, record: dict, places: list[dict], times: list[dict],
               names: dict, entity_actors: dict[str, str]) -> dict:
    place = _indexed(places, ev.get("place"))
    return {
        "doc": seq, "position": position, "event": _text(ev.get("id") or f"v{position + 1}", 40),
        "type": _text(ev.get("type"), 16),
        "date": _text(ev.get("date") or _time_date(_indexed(times, ev.get("time"))), 40),
        "place": _text(place.get("name") or place.get("text")) if place else None,
        "lat": _number(place.get("lat")) if place else None, "lon": _number(place.get("lon")) if place else None,
        "killed": _integer(ev.get("killed")), "injured": _integer(ev.get("injured")),
        "status": _text(ev.get("status"), 16),
        "actors": _actor_keys([*_refs(ev.get("actors")), *_refs(ev.get("recipients"))], names, entity_actors),
        "record": orjson.dumps(ev).decode(),
    }


def _quote_row(seq: int, position: int, quote: dict, text: str, names: dict, entity_actors: dict[str, str]) -> dict:
    content = quote.get("content") if isinstance(quote.get("content"), dict) else {}
    speaker = quote.get("speaker") if isinstance(quote.get("speaker"), dict) else {}
    entity = quote.get("speaker_entity")
    speaker_name = names.get(entity) or speaker.get("text")
    return {
        "doc": seq, "position": position, "speaker": _text(speaker_name),
        "actors": _actor_keys([{"entity": entity, "text": speaker.get("text")}], names, entity_actors),
        "content": _span_text(text, content), "kind": _text(quote.get("kind"), 16),
        "record": orjson.dumps(quote).decode(),
    }


def _figure_row(seq: int, position: int, fig: dict, places: list[dict], times: list[dict], names: dict,
                entity_actors: dict[str, str]) -> dict:
    quantity = fig.get("quantity") if isinstance(fig.get("quantity"), dict) else {}
    place = _indexed(places, fig.get("place"))
    return {
        "doc": seq, "position": position, "category": _text(fig.get("category"), 32),
        "unit": _text(fig.get("unit"), 32),
        "value": _number(quantity.get("value")), "low": _number(quantity.get("low")),
        "high": _number(quantity.get("high")), "date": _text(_time_date(_indexed(times, fig.get("time"))), 40),
        "place": _text(place.get("name") or place.get("text")) if place else None,
        "lat": _number(place.get("lat")) if place else None, "lon": _number(place.get("lon")) if place else None,
        "actors": _actor_keys([{"entity": fig.get("claimant")}], names, entity_actors),
        "record": orjson.dumps(fig).decode(),
    }


def _refs(value: Any) -> list[dict]:
    return [ref for ref in value if isinstance(ref, dict)] if isinstance(value, list) else []


def _actor_keys(refs: list[dict], names: dict, entity_actors: dict[str, str]) -> str | None:
    """``|a12|mikheil saakashvili|georgian forces|``: what the actor filter matches with LIKE."""
    keys: list[str] = []
    for ref in refs:
        entity = ref.get("entity")
        for key in (entity_actors.get(entity), names.get(entity), ref.get("text")):
            if isinstance(key, str) and key and key.lower() not in keys:
                keys.append(key.lower())
    return f"|{'|'.join(keys)}|" if keys else None


def _indexed(items: list[dict], index: Any) -> dict | None:
    if isinstance(index, int) and not isinstance(index, bool) and 0 <= index < len(items):
        return items[index]
    return None


def _time_date(time: dict | None) -> str | None:
    """The calendar date (or month, year) a TIMEX3 value names, or None for durations and vague values."""
    value = time.get("value") if time else None
    if not isinstance(value, str) or not value[:4].isdigit():
        return None
    date = value.split("T")[0]
    return date if len(date) in (4, 7, 10) and "X" not in date else None


def _span_text(text: str, span: dict) -> str | None:
    start, end = span.get("start"), span.get("end")
    if isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text):
        return text[start:end]
    return None


def _text(value: Any, limit: int | None = None) -> str | None:
    if value is None:
        return None
    value = str(value)
    return value[:limit] if limit else value


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if value == value and abs(value) < 1e300 else None


def _integer(value: Any) -> int | None:
    number = _number(value)
    return int(number) if number is not None and abs(number) < 2**31 else None
