"""Mark page furniture inside plain text ("Your browser doesn't support HTML5", video captions,
share buttons) so extractors skip it. The text itself is never changed."""

from __future__ import annotations

import re
from functools import cache

from eventwire import lexicons


@cache
def _pattern() -> re.Pattern[str]:
    alternatives = "|".join(f"(?:{p})" for p in lexicons.lines("boilerplate.txt"))
    return re.compile(rf"^(?:{alternatives})$", re.IGNORECASE)


def boilerplate_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of whole lines that are page furniture, not article text."""
    pattern = _pattern()
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.strip()
        if body and len(body) < 400 and pattern.match(body):
            lead = len(line) - len(line.lstrip())
            spans.append((pos + lead, pos + lead + len(body)))
        pos += len(line)
    return spans
