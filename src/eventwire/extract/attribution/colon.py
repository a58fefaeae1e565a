"""Lines that open with a speaker's name and a colon: headlines ("Varga: We will not retreat") and transcripts.

Only names count: a person, organisation or group the parser recognises, a name in capitals as transcripts write
them, or the interview markers Q and A. "Capital: Tskhinvali" in a factbox is a key and a value, not speech.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from eventwire.extract.attribution.draft import Draft
from eventwire.extract.attribution.frames import trim

MAX_NAME_TOKENS = 5
SPEAKER_ENTITY_TYPES = frozenset({"PERSON", "ORG", "NORP"})
INTERVIEW_MARKERS = frozenset({"Q", "A"})


def colon_lines(doc: Doc, sentences: Iterable[SpacySpan], text: str) -> list[Draft]:
    """One draft per "Name: what they said" line; the content runs to the end of the line."""
    out: list[Draft] = []
    for sentence in sentences:
        if sentence.start_char > 0 and text[sentence.start_char - 1] != "\n":
            continue
        colon = _colon_after_name(sentence)
        if colon is None:
            continue
        line_end = text.find("\n", colon.idx)
        start, end = trim(text, colon.idx + 1, len(text) if line_end == -1 else line_end)
        if end - start < 3:
            continue
        name = doc[sentence.start:colon.i]
        out.append(Draft(start, end, (colon.idx, colon.idx + 1), None, name.root, 0.6, "colon",
                         sentence_end=end, speaker_span=(name.start_char, name.end_char)))
    return out


def _colon_after_name(sentence: SpacySpan):
    """The colon token when the sentence opens with a speaker's name followed by one."""
    for token in sentence[: MAX_NAME_TOKENS + 1]:
        if token.text == ":":
            name = sentence.doc[sentence.start:token.i]
            return token if len(name) and _is_speaker_name(name) else None
        if not (token.pos_ == "PROPN" or token.text in INTERVIEW_MARKERS or token.text.isupper()):
            return None
    return None


def _is_speaker_name(name: SpacySpan) -> bool:
    if name.text in INTERVIEW_MARKERS:
        return True
    words = [t for t in name if t.is_alpha]
    if words and all(t.is_upper for t in words) and sum(len(t) for t in words) >= 4:
        return True
    return any(t.ent_type_ in SPEAKER_ENTITY_TYPES for t in name)
