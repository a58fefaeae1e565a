"""Lines that open with a speaker's name and a colon: headlines ("Varga: We will not retreat") and transcripts;
and clauses that say how someone put it, then a colon ("The minister was blunt: …").

Only names count: a person, organisation or group the parser recognises, a name in capitals as transcripts write
them, or the interview markers Q and A. "Capital: Tskhinvali" in a factbox is a key and a value, not speech.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from eventwire.extract.attribution.draft import Draft
from eventwire.extract.attribution.frames import trim
from eventwire.extract.attribution.lexicon import speaker_nouns, speech_nouns

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
        if name is None or not 0 < len(name) <= MAX_NAME_TOKENS:
            continue
        colon = match.end(1)
        line_end = text.find("\n", colon)
        start, end = trim(text, colon + 1, len(text) if line_end == -1 else line_end)
        headline = _is_headline(text, match.start(1)) and _is_capitalised(name) and _reads_as_headline(text[start:end])
        if not (_is_speaker_name(name) or headline):
            continue
        if end - start < 3:
            continue
        out.append(Draft(start, end, (colon, colon + 1), None, name.root, 0.6, "colon",
                         sentence_end=end, speaker_span=(name.start_char, name.end_char)))
    return out


def _in_sentences(bounds: list[tuple[int, int]], offset: int) -> bool:
    """Whether the offset lies in one of the (sorted) sentences: lines in boilerplate are skipped."""
    i = bisect_right(bounds, (offset, float("inf"))) - 1
    return i >= 0 and offset < bounds[i][1]


MAX_HEADLINE_NAME_TOKENS = 3


def _is_headline(text: str, offset: int) -> bool:
    """Whether the offset lies on the document's first line, its headline ("Poll: Voters Desert the Party")."""
    return "\n" not in text[:offset] and not text[:offset].strip()


MIN_HEADLINE_WORDS = 4


QUOTE_OPENERS = "'‘\"“"


def _reads_as_headline(content: str) -> bool:
    """A headline's words after its source's colon, quoted or not ("Vane: 'We will win'"), not a factbox value
    ("Population: about 12,000")."""
    words = content.lstrip(QUOTE_OPENERS)
    return words[:1].isupper() and len(words.split()) >= MIN_HEADLINE_WORDS


def _is_capitalised(name: SpacySpan) -> bool:
    """A headline's source, however the parser tags it: a few capitalised words ("Poll", "Ana Ruiz"), the last
    one maybe a lower-case word for a body or a channel ("Vane camp", "Daily Post editorial")."""
    words = [t for t in name if not t.is_punct]
    if not 0 < len(words) <= MAX_HEADLINE_NAME_TOKENS or any(t.pos_ in ("DET", "ADP") for t in words):
        return False  # "The Latest: …", "Stealth Over Health: …" head a story, no source
    if len(words) > 1 and _is_body_or_channel(words[-1]):
        words = words[:-1]
    if any(t.pos_ == "ADJ" and t.ent_type_ not in SPEAKER_ENTITY_TYPES for t in words):
        return False
    return all(t.text[:1].isupper() and t.is_alpha for t in words)


def _is_body_or_channel(word: Token) -> bool:
    lemma = word.lemma_.lower()
    return word.is_lower and (speaker_nouns().get(lemma) == "group" or lemma in speech_nouns())


def _is_speaker_name(name: SpacySpan) -> bool:
    if not all(t.pos_ == "PROPN" or t.text in INTERVIEW_MARKERS or t.is_upper or t.is_punct for t in name):
        return False
    if name.text in INTERVIEW_MARKERS:
        return True
    words = [t for t in name if t.is_alpha]
    if words and all(t.is_upper for t in words) and sum(len(t) for t in words) >= 4:
        return True
    return any(t.ent_type_ in SPEAKER_ENTITY_TYPES for t in name)


SPEAKING_ADJECTIVES_DEP = "acomp"  # "was blunt", "was clear": how it was put


def colon_clauses(doc: Doc, sentences: Iterable[SpacySpan], text: str) -> list[Draft]:
    """ "The minister was blunt: the border stays closed", "The message from X was clear: …": a clause that
    says how someone or their message put it, then a colon; what follows the colon, to the sentence end, is
    what they said. The speaker is the clause's subject, or the owner of a speech noun subject."""
    out: list[Draft] = []
    for sentence in sentences:
        colon = next((t for t in sentence if t.text == ":" and t.i > sentence.start + 1), None)
        if colon is None:
            continue
        root = next((t for t in sentence[:colon.i - sentence.start]  # the parser may hang it under the clause after
                     if t.lemma_ == "be" and t.dep_ in ("ROOT", "ccomp", "parataxis")), None)
        if root is None:
            continue
        if not any(c.dep_ == SPEAKING_ADJECTIVES_DEP and c.i < colon.i for c in root.children):
            continue
        subject = next((c for c in root.children if c.dep_ == "nsubj" and c.i < colon.i), None)
        speaker = _speaker_of_subject(subject) if subject is not None else None
        if speaker is None:
            continue
        start, end = trim(text, colon.idx + 1, sentence.end_char)
        if end - start < 3 or "\n" in text[colon.idx:start]:
            continue
        out.append(Draft(start, end, (colon.idx, colon.idx + 1), None, speaker, 0.5, "colon_clause",
                         sentence_end=end))
    return out


def _speaker_of_subject(subject: Token) -> Token | None:
    if subject.lemma_.lower() in speech_nouns():
        owners = [g for c in subject.children if c.dep_ == "poss" or c.lower_ in ("from", "by", "of")
                  for g in ([c] if c.dep_ == "poss" else [g for g in c.children if g.dep_ == "pobj"])]
        return owners[0] if owners else None
    if subject.ent_type_ in SPEAKER_ENTITY_TYPES or subject.pos_ == "PROPN" or subject.lower_ in ("he", "she", "they"):
        return subject
    return subject if subject.pos_ == "NOUN" and _is_person_word(subject) else None


def _is_person_word(noun: Token) -> bool:
    """A noun for who speaks: a title or a body ("the minister", "the ministry", "the spokesman")."""
    return noun.lemma_.lower() in speaker_nouns()
