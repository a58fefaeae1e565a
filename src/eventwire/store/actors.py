"""One actor across documents: "Mikheil Saakashvili" in forty articles is one row in ``actors``.

An entity joins the actor with the same type and normalised name; a one-word person name ("Saakashvili")
joins the person whose full name ends with it when exactly one such actor is known. Actor ids are a hash
of the key, so they never change when more documents arrive.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from eventwire.store import schema as s

_TITLES = re.compile(
    r"^(?:(?:mr|mrs|ms|dr|prof|gen|col|maj|capt|lt|sgt|president|prime minister|minister|sen|senator|rep|gov|"
    r"governor|mayor|chief|officer|deputy|sheriff|the)\.?\s+)+",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"['’]s$")


def normalise_name(name: str) -> str:
    """Lower-case, accents off, titles and possessives off, spaces collapsed: the comparable form of a name."""
    name = unicodedata.normalize("NFKD", name)
    name = "".join(c for c in name if not unicodedata.combining(c))
    name = _POSSESSIVE.sub("", _TITLES.sub("", name.strip()))
    name = re.sub(r"[^\w\s\-]", " ", name.lower())
    return " ".join(name.split())


def actor_key(entity_type: str | None, name: str) -> str:
    return f"{(entity_type or 'X').upper()}:{normalise_name(name)}"[:300]


def actor_id(key: str) -> str:
    return "a" + hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def assign_actors(conn: Connection, doc_seq: int, record: dict) -> dict[str, str]:
    """Store the document's entities, each tied to its actor (created when new); returns entity id -> actor id."""
    entities = [e for e in record.get("entities") or [] if isinstance(e, dict) and isinstance(e.get("id"), str)]
    keys: dict[str, tuple[str, str, str]] = {}
    for entity in entities:
        name = str(entity.get("name") or "")
        if normalise_name(name):
            keys[entity["id"]] = (actor_key(entity.get("type"), name), str(entity.get("type") or ""), name)
    resolved = _resolve_keys(conn, {key for key, _, _ in keys.values()})
    mapping: dict[str, str] = {}
    created: list[dict] = []
    for entity_id, (key, entity_type, name) in keys.items():
        if key not in resolved:
            created.append(_new_actor(key, entity_type, name))
            resolved[key] = created[-1]["id"]
        mapping[entity_id] = resolved[key]
    if created:
        conn.execute(sa.insert(s.actors), created)
    _count_documents(conn, set(mapping.values()))
    rows, seen = [], set()
    for entity in entities:
        if entity["id"] in seen:
            continue
        seen.add(entity["id"])
        rows.append({"doc": doc_seq, "entity": entity["id"][:40], "type": str(entity.get("type") or "")[:16],
                     "name": str(entity.get("name") or ""), "actor": mapping.get(entity["id"])})
    if rows:
        conn.execute(sa.insert(s.entities), rows)
    return mapping


def _resolve_keys(conn: Connection, keys: set[str]) -> dict[str, str]:
    """Existing actors for the keys; a one-word PERSON key may resolve to a unique full name ending with it."""
    if not keys:
        return {}
    found = dict(conn.execute(sa.select(s.actors.c.key, s.actors.c.id).where(s.actors.c.key.in_(keys))).all())
    for key in keys - set(found):
        kind, _, name = key.partition(":")
        if kind == "PERSON" and " " not in name and len(name) > 2:
            matches = conn.execute(sa.select(s.actors.c.id).where(
                s.actors.c.surname == name[:200], s.actors.c.type == "PERSON").limit(2)
            ).scalars().all()
            if len(matches) == 1:
                found[key] = matches[0]
    return found


def _new_actor(key: str, entity_type: str, name: str) -> dict:
    surname = key.rpartition(" ")[2][:200] if entity_type == "PERSON" and " " in key else None
    return {"id": actor_id(key), "key": key, "type": entity_type[:16], "name": name, "surname": surname,
            "documents": 0}


def _count_documents(conn: Connection, actor_ids: set[str]) -> None:
    if actor_ids:
        conn.execute(sa.update(s.actors).where(s.actors.c.id.in_(actor_ids))
                     .values(documents=s.actors.c.documents + 1))
