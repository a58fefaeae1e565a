"""The ACLED lexicons (``lexicons/acled_*``), loaded once per process, and the spaCy Matcher built from them.

Phrase syntax (``acled_cues.json``, ``acled_kinds.tsv``): words separated by spaces; a word may list
alternatives ``a|b`` and end in ``/POS``; ``*`` is a gap of up to three words; ``!a|b`` any word but those.
Each phrase becomes two Matcher patterns, one on lemmas and one on lower-case forms, so that a lemmatiser's
slip ("lobbed") still matches.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.matcher import Matcher
from spacy.vocab import Vocab

from eventwire import lexicons

GAP = {"IS_PUNCT": False, "OP": "{0,3}"}
KIND_PREFIX = "kind:"
CUE_PREFIX = "cue:"


@dataclass(frozen=True, slots=True)
class Cue:
    name: str
    family: str | None  # the happening it names, or None for a context word
    tags: frozenset[str]


@dataclass(frozen=True, slots=True)
class SubEvent:
    sub_event_type: str
    event_type: str
    inter1: int | None
    inter2: int | None


def _patterns(phrase: str) -> list[list[dict[str, Any]]]:
    out = []
    for attr in ("LEMMA", "LOWER"):
        pattern: list[dict[str, Any]] = []
        for word in phrase.split():
            if word == "*":
                pattern.append(dict(GAP))
                continue
            if word.startswith("!"):
                pattern.append({"LOWER": {"NOT_IN": word[1:].lower().split("|")}})
                continue
            word, _, pos = word.partition("/")
            token: dict[str, Any] = {attr: {"IN": word.lower().split("|")}}
            if pos:
                token["POS"] = pos
            pattern.append(token)
        out.append(pattern)
    return out


@cache
def cues() -> dict[str, Cue]:
    raw = lexicons.data("acled_cues.json")["cues"]
    return {c["cue"]: Cue(c["cue"], c["family"], frozenset(c["tags"])) for c in raw}


@cache
def kinds() -> tuple[dict[str, tuple[int, bool]], dict[str, int]]:
    """(phrase -> (inter code, weak), sector -> inter code)."""
    phrases: dict[str, tuple[int, bool]] = {}
    sectors: dict[str, int] = {}
    for phrase, code, strength, *_ in lexicons.rows("acled_kinds.tsv"):
        if phrase.startswith("sector:"):
            sectors[phrase.removeprefix("sector:")] = int(code)
        else:
            phrases[phrase] = (int(code), strength == "weak")
    return phrases, sectors


@cache
def rules() -> dict[str, Any]:
    return lexicons.data("acled_rules.json")


@cache
def sub_events() -> dict[str, SubEvent]:
    def code(cell: str) -> int | None:
        return int(cell) if cell.isdigit() else None

    return {sub: SubEvent(sub, event_type, code(i1), code(i2))
            for sub, event_type, i1, i2, *_ in lexicons.rows("acled_types.tsv")}


_MATCHERS: dict[int, Matcher] = {}


def matcher(vocab: Vocab) -> Matcher:
    """One Matcher per vocabulary: cue phrases keyed ``cue:NAME``, actor nouns keyed ``kind:PHRASE``."""
    key = id(vocab)
    if key not in _MATCHERS:
        built = Matcher(vocab)
        for c in lexicons.data("acled_cues.json")["cues"]:
            built.add(CUE_PREFIX + c["cue"], [p for phrase in c["phrases"] for p in _patterns(phrase)])
        for phrase in kinds()[0]:
            built.add(KIND_PREFIX + phrase, _patterns(phrase))
        _MATCHERS[key] = built
    return _MATCHERS[key]
