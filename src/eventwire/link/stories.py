"""Stories: reports of one developing situation (a war, a shooting and its trial).

A story is looser than an incident: a document joins the story of the incident it joins; otherwise the
story of its best candidate at ``eventwire.link.incidents.STORY_SCORE`` (lower than an incident needs: a
follow-up or a related happening nearby joins), else it starts a story (eventwire.link.incidents.decide).
Story ids hash the first document's id and never change.
"""

from __future__ import annotations

import hashlib


def story_id(first_document: str) -> str:
    return "s" + hashlib.sha1(first_document.encode("utf-8", "surrogatepass")).hexdigest()[:12]
