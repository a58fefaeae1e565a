"""Quotation-mark spans in raw text: curly, straight and doubled-apostrophe quotes, across paragraphs.

A span runs from its opening mark to its closing mark, both included. A quotation that runs over several
paragraphs (each paragraph reopened with a mark and only the last one closed, as newsrooms write them) gives
one span per paragraph, the earlier ones flagged ``continues``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

OPENING = "“„«"
CLOSING = "”»"
MAX_UNCLOSED_CHARS = 600  # an unclosed mark followed by more than this is a stray, not a quotation


@dataclass(frozen=True, slots=True)
class QuoteMarks:
    start: int  # the opening mark
    end: int  # just after the closing mark (or the paragraph end when the quotation runs on)
    continues: bool = False  # the quotation runs on into the next paragraph


@cache
def _mark_pattern() -> re.Pattern[str]:
    return re.compile(r"''|``|[\"“”„«»]")


def _role(text: str, start: int, end: int) -> str:
    """'open', 'close' or 'either' for the mark text[start:end], judged by its neighbours."""
    mark = text[start:end]
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if mark in OPENING or mark == "``":
        # a typist's wrong-way mark: “abhorrent“ closes where it stands
        return "close" if (after.isspace() or after in ".,;:!?)") and not before.isspace() else "open"
    if mark in CLOSING:
        return "open" if before.isspace() and after.isalnum() else "close"
    if (before.isspace() or before in "([{—–-/") and not after.isspace():
        return "open"
    if (after.isspace() or after in ".,;:!?)]}—–-") and not before.isspace():
        return "close"
    return "either"


def quote_spans(text: str) -> list[QuoteMarks]:
    """Every quotation in ``text``, in order; paragraphs are lines."""
    spans: list[QuoteMarks] = []
    offset = 0
    carried = False  # the previous paragraph ended inside a quotation
    for paragraph in text.split("\n"):
        found, open_at = _paragraph_spans(text, offset, offset + len(paragraph))
        if carried and spans and spans[-1].continues and not _starts_with_mark(paragraph):
            spans[-1] = QuoteMarks(spans[-1].start, spans[-1].end, False)
        spans.extend(found)
        carried = False
        if open_at is not None:
            end = offset + len(paragraph.rstrip())
            if end - open_at <= MAX_UNCLOSED_CHARS * 3 and end > open_at + 1:
                spans.append(QuoteMarks(open_at, end, continues=True))
                carried = True
        offset += len(paragraph) + 1
    if spans and spans[-1].continues:
        spans[-1] = QuoteMarks(spans[-1].start, spans[-1].end, False)
    if "‘" in text:
        spans = _with_single_quotes(text, spans)
    return spans


def _with_single_quotes(text: str, spans: list[QuoteMarks]) -> list[QuoteMarks]:
    """Add quotations in single curly marks (‘…’, as British papers write them) that no double-marked one holds.

    ’ is also the apostrophe, so a closing mark must end a phrase: followed by a space, punctuation or the end
    of the line, and either preceded by punctuation or followed by punctuation ("‘We stay,’ she said";
    "called it ‘a farce’."), never "the soldiers’ families"."""
    singles = []
    for match in _single_pattern().finditer(text):
        start, end = match.start(), match.end()
        if not any(s.start <= start and end <= s.end for s in spans):
            singles.append(QuoteMarks(start, end))
    return sorted(spans + singles, key=lambda q: q.start) if singles else spans


@cache
def _single_pattern() -> re.Pattern[str]:
    opening = r"(?:(?<=^)|(?<=[\s(\[—–:-]))‘"
    body = r"[^‘’\n]*(?:’(?=\w)[^‘’\n]*)*"  # apostrophes inside words ("don’t") do not close
    closing = r"(?:(?<=[.,!?])’|’(?=[.,;:!?)]))"
    return re.compile(opening + body + closing, re.MULTILINE)


def _starts_with_mark(paragraph: str) -> bool:
    stripped = paragraph.lstrip()
    return bool(stripped) and (stripped[0] in OPENING or stripped[0] == '"' or stripped.startswith(("''", "``")))


def _paragraph_spans(text: str, start: int, end: int) -> tuple[list[QuoteMarks], int | None]:
    """Closed quotations inside text[start:end], and where an unclosed one opened (or None)."""
    found: list[QuoteMarks] = []
    open_at: int | None = None
    for match in _mark_pattern().finditer(text, start, end):
        role = _role(text, match.start(), match.end())
        if open_at is None:
            if role != "close":
                open_at = match.start()
            continue
        if role == "open" and (text[match.start()] in OPENING or text[match.start()] in CLOSING):
            open_at = match.start()  # a fresh opening: the earlier mark was a stray
            continue
        if role == "open" and match.start() - open_at > MAX_UNCLOSED_CHARS:
            open_at = match.start()
            continue
        found.append(QuoteMarks(open_at, match.end()))
        open_at = None
    return found, open_at


def is_speech(text: str, mark: QuoteMarks, min_words: int) -> bool:
    """Whether a quotation holds words enough to be something said, not a title, a number or markup."""
    words = [w for w in text[mark.start + 1:mark.end - 1].split() if any(c.isalpha() for c in w)]
    return len(words) >= min_words
