"""The ACLED lexicons (``lexicons/acled_*``), loaded once per process and language, and the spaCy Matcher built
from them. The cue phrases and the actor nouns are words of a language (``lexicons/fr/acled_cues.json``,
``lexicons/fr/acled_kinds.tsv``); the rules, the sub-event types and the sectors' kinds are codes, shared by all.

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
from spacy.tokens import Span
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


def has_cues(lang: str) -> bool:
    """Whether a language has its own cue words (English always has); one without matches none of them."""
    return lang == lexicons.DEFAULT_LANG or lexicons.has("acled_cues.json", lang)


@cache
def cues(lang: str = lexicons.DEFAULT_LANG) -> dict[str, Cue]:
    raw = lexicons.data("acled_cues.json", lang)["cues"]
    return {c["cue"]: Cue(c["cue"], c["family"], frozenset(c["tags"])) for c in raw}


@cache
def kinds(lang: str = lexicons.DEFAULT_LANG) -> tuple[dict[str, tuple[int, bool]], dict[str, int]]:
    """(phrase -> (inter code, weak), sector -> inter code): the phrases of ``lang``, the sectors (codes of the
    entities step, the same in every language) from the English file."""
    phrases: dict[str, tuple[int, bool]] = {}
    sectors: dict[str, int] = {}
    for phrase, code, *_ in lexicons.rows("acled_kinds.tsv"):
        if phrase.startswith("sector:"):
            sectors[phrase.removeprefix("sector:")] = int(code)
    for phrase, code, strength, *_ in lexicons.rows("acled_kinds.tsv", lang):
        if not phrase.startswith("sector:"):
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


class CueMatcher:
    """The cue and kind phrases as one small Matcher per key, each tried only on a sentence that has the
    first word of one of its patterns (as a lemma or a lower-case form).

    One Matcher over all phrases starts every pattern at every token, which made this step cost more than
    the parse; a pattern cannot match where its first required word is absent, so leaving those keys out
    changes no match. Matches come back ordered by (end, start, key order), as the single Matcher had them.
    """

    def __init__(self, vocab: Vocab, lang: str = lexicons.DEFAULT_LANG) -> None:
        self.vocab = vocab
        self.keys: list[tuple[str, Matcher]] = []
        self.anchors: dict[str, set[int]] = {}
        phrases = [(CUE_PREFIX + c["cue"], c["phrases"]) for c in lexicons.data("acled_cues.json", lang)["cues"]]
        phrases += [(KIND_PREFIX + phrase, [phrase]) for phrase in kinds(lang)[0]]
        for index, (key, texts) in enumerate(phrases):
            built = Matcher(vocab)
            built.add(key, [p for phrase in texts for p in _patterns(phrase)])
            self.keys.append((key, built))
            for phrase in texts:
                for word in _first_words(phrase):
                    self.anchors.setdefault(word, set()).add(index)

    def __call__(self, sent: Span) -> list[tuple[int, int, int]]:
        """(key hash, start, end) of every match, token offsets relative to the sentence."""
        words = {t.lemma_ for t in sent} | {t.lower_ for t in sent}
        candidates = sorted(set().union(*(self.anchors.get(w, ()) for w in words)))
        found = []
        for index in candidates:
            found += [(end, start, index, key) for key, start, end in self.keys[index][1](sent)]
        return [(key, start, end) for end, start, _, key in sorted(found)]


def _first_words(phrase: str) -> list[str]:
    """The alternatives of the phrase's first required word (every match has one of them)."""
    for word in phrase.split():
        if word != "*" and not word.startswith("!"):
            return word.partition("/")[0].lower().split("|")
    raise ValueError(f"ACLED phrase without a word: {phrase!r}")


_MATCHERS: dict[tuple[int, str], CueMatcher] = {}


def matcher(vocab: Vocab, lang: str = lexicons.DEFAULT_LANG) -> CueMatcher:
    """One CueMatcher per vocabulary and language: cue phrases keyed ``cue:NAME``, actor nouns keyed
    ``kind:PHRASE``."""
    key = (id(vocab), lang)
    if key not in _MATCHERS:
        _MATCHERS[key] = CueMatcher(vocab, lang)
    return _MATCHERS[key]
