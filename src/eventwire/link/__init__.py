"""Cross-document linking: stories, incidents, actors. Incremental, inside the caller's transaction."""

from __future__ import annotations

import orjson
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from eventwire.link import incidents, stories
from eventwire.store import schema as s


def link_documents(conn: Connection, seqs: list[int]) -> None:
    """Place newly stored documents (in the order given) into incidents and stories."""
    touched_incidents: set[str] = set()
    touched_stories: set[str] = set()
    for seq in seqs:
        row = conn.execute(sa.select(s.documents.c.id, s.documents.c.features).where(s.documents.c.seq == seq)).one()
        features = orjson.loads(row.features)
        scored = incidents.scored_candidates(conn, seq, features)
        incident = incidents.choose_incident(conn, row.id, scored)
        story = stories.choose_story(conn, row.id, incident, scored)
        conn.execute(sa.update(s.documents).where(s.documents.c.seq == seq).values(incident=incident, story=story))
        touched_incidents.add(incident)
        touched_stories.add(story)
    incidents.refresh(conn, touched_incidents)
    stories.refresh(conn, touched_stories)
