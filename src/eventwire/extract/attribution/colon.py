"""Lines that open with a speaker's name and a colon: headlines ("Varga: We will not retreat") and transcripts.

Only names count: a person, organisation or group the parser recognises, a name in capitals as transcripts write
them, or the interview markers Q and A. "Capital: Tskhinvali" in a factbox is a key and a value, not speech.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from eventwire.extract.attribution.draft import Draft
from eventwire.extract.attribution.frames import trim

MAX_NAME_TOKENS = 5
SPEAKER_ENTITY_TYPES = frozenset({"PERSON", "ORG", "NORP"})
INTERVIEW_MARKERS = frozenset({"Q", "A"})


LINE_NAME = re.compile(r"^[ \t]*[\"“]?([^\W\d][^:\n]{0,60}?):[ \t]+\S", re.MULTILINE)


def colon_lines(doc: Doc, sentences: Iterable[SpacySpan], text: str) -> list[Draft]:
    """One draft per "Name: what they said" line; the content runs to the end of the line."""
    bounds = [(s.start_char, s.end_char) for s in sentences]
    out: list[Draft] = []
    for match in LINE_NAME.finditer(text):
        if not _in_sentences(bounds, match.start(1)):
            continue
        name = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        if name is None or not 0 < len(name) <= MAX_NAME_TOKENS or not _is_speaker_name(name):
            continue
        colon = match.end(1)
        line_end = text.find("\n", colon)
        start, end = trim(text, colon + 1, len(text) if line_end == -1 else line_end)
        if end - start < 3:
            continue
        out.append(Draft(start, end, (colon, colon + 1), None, name.root, 0.6, "colon",
                         sentence_end=end, speaker_span=(name.start_char, name.end_char)))
    return out


def _in_sentences(bounds: list[tuple[int, int]], offset: int) -> bool:
    """Whether the offset lies in one of the (sorted) sentences: lines in boilerplate are skipped."""
    i = bisect_right(bounds, (offset, float("inf"))) - 1
    return i >= 0 and offset < bounds[i][1]


def _is_speaker_name(name: SpacySpan) -> bool:
    if not all(t.pos_ == "PROPN" or t.text in INTERVIEW_MARKERS or t.is_upper or t.is_punct for t in name):
        return False
    if name.text in INTERVIEW_MARKERS:
        return True
    words = [t for t in name if t.is_alpha]
    if words and all(t.is_upper for t in words) and sum(len(t) for t in words) >= 4:
        return True
    return any(t.ent_type_ in SPEAKER_ENTITY_TYPES for t in name)
