"""Documents into stories: reports of one developing situation (a war, a shooting and its trial).

A story is looser than an incident: a document joins the story of its incident when it joined an existing
incident; otherwise the story of the best candidate that scores at least ``JOIN_SCORE`` (lower than an
incident needs: a follow-up or a related happening nearby joins), else it starts a story. Story ids hash
the first document's id and never change.
"""

from __future__ import annotations

import hashlib

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from eventwire.store import schema as s

JOIN_SCORE = 0.05


def story_id(first_document: str) -> str:
    return "s" + hashlib.sha1(first_document.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def choose_story(conn: Connection, doc_id: str, incident: str, scored: list[tuple[dict, float]]) -> str:
    """The story of the document's incident, else of its best candidate, else a new one."""
    existing = conn.execute(sa.select(s.documents.c.story).where(s.documents.c.incident == incident,
                                                                 s.documents.c.story.is_not(None)).limit(1)).scalar()
    if existing:
        return existing
    for other, score in scored:
        if score >= JOIN_SCORE and other.get("story"):
            return other["story"]
    identifier = story_id(doc_id)
    if conn.execute(sa.select(s.stories.c.id).where(s.stories.c.id == identifier)).first() is None:
        conn.execute(sa.insert(s.stories).values(id=identifier, documents=0))
    return identifier


def refresh(conn: Connection, identifiers: set[str]) -> None:
    """Recount the stories' documents, first and last day, and title (its earliest document's title)."""
    for identifier in identifiers:
        docs = conn.execute(sa.select(s.documents.c.title, s.documents.c.day).where(s.documents.c.story == identifier)
                            .order_by(s.documents.c.seq)).all()
        days = [row.day for row in docs if row.day is not None]
        title = next((row.title for row in docs if row.title), None)
        conn.execute(sa.update(s.stories).where(s.stories.c.id == identifier).values(
            documents=len(docs), title=title, first_day=min(days) if days else None,
            last_day=max(days) if days else None))
