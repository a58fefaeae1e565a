"""``regex.finditer`` for big alternations, trying the regex only where a match can begin.

Python's ``re`` tries every alternative of a pattern at every position of the text; the number, date and
cue patterns are alternations of hundreds of words that can only begin at a word boundary (or, for the cues,
at :data:`cues.WORD_START`). :func:`scan` finds those positions with a zero-width pattern first and matches
there alone: the same matches as ``finditer`` (leftmost, non-overlapping, lookbehinds seeing the text before
the position), at a fraction of the positions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

WORD_BOUNDARY = re.compile(r"\b")


def scan(regex: re.Pattern[str], text: str, starts: re.Pattern[str] = WORD_BOUNDARY, pos: int = 0,
         endpos: int | None = None) -> Iterator[re.Match[str]]:
    """The matches of ``regex.finditer(text, pos, endpos)``, for a regex that never matches empty and whose
    every match begins where the zero-width pattern ``starts`` matches."""
    end = len(text) if endpos is None else endpos
    last = pos
    for start in starts.finditer(text, pos, end):
        at = start.start()
        if at < last:
            continue
        found = regex.match(text, at, end)
        if found is not None:
            yield found
            last = max(found.end(), at + 1)


def starts_with(first_chars: Iterable[str], at: str = r"\b", also: str = "") -> re.Pattern[str]:
    """Where a match may begin: the zero-width ``at`` followed by one of ``first_chars`` in either case (as an
    IGNORECASE regex folds them) or one of the class items ``also`` (``\\d``, ``\\s``)."""
    chars = "".join(sorted({re.escape(c) for c in first_chars}))
    return re.compile(rf"{at}(?=[{chars}{also}])", re.IGNORECASE)
