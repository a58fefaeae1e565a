"""Pages that are not news: cookie walls, captchas, paywalls, "enable JavaScript", empty bodies.

Their text must never tie two reports together, so linking reads only their title (if any).
"""

from __future__ import annotations

import re

_JUNK_LINE = re.compile(
    r"cookie|captcha|javascript|enable js|browser|subscri|sign (?:up|in)|log ?in|register|newsletter|"
    r"verification|password|premium|deliverable area|zip ?code|digital access|privacy|terms of (?:use|service)|"
    r"are you a robot|not a robot|characters|unusual traffic|access denied|404|page not found|"
    r"owner of this article|notifications?|email|posted|updated|advertis|copyright",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[^.!?\n]{30,}[.!?]")
MIN_NEWS_CHARS = 150  # a two-sentence brief is news; a wall's stray sentence is not


def is_junk(text: str) -> bool:
    """True when the text has too little article prose: under ``MIN_NEWS_CHARS`` characters of sentences
    outside junk lines."""
    prose = 0
    for line in text.splitlines():
        line = line.strip()
        if not line or (_JUNK_LINE.search(line) and len(line) < 300):
            continue
        prose += sum(len(m) for m in _SENTENCE.findall(line))
        if prose >= MIN_NEWS_CHARS:
            return False
    return True


def is_junk_title(title: str) -> bool:
    """A title that belongs to the wall, not to a story ("Accept cookies", "Access denied", "Just a moment")."""
    return not title.strip() or bool(_JUNK_LINE.search(title)) or bool(_WALL_TITLE.search(title))


_WALL_TITLE = re.compile(r"just a moment|attention required|security check|are you human|error \d{3}|forbidden",
                         re.IGNORECASE)
