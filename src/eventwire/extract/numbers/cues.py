"""The words around a count: what it counts (unit nouns) and what happened to it (category cues), and hedges.

All lists are lexicons (``figure_units.tsv``, ``figure_cues.tsv``, ``figure_nonunits.txt``, ``figure_hedges.txt``,
``figure_hypothetical.txt``), compiled once per process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, partial

from eventwire.lexicons import lines, rows, words

WORD_START = r"(?<!\w)(?=\w|\s(?<=\s\s))"  # a word, or the space a lost ligature left ("to  ee" for "to flee")
LIGATURE = re.compile(r"ff[il]|f[fil]")  # letter pairs PDF text often loses to a space ("con ict", "to  ee")
BROKEN_LINE = re.compile(r"(?<=[a-z])-(?:[ \t]*\n[ \t]*|[ \t]+)(?=[a-z])")  # "home-\nless", "dis- placed": a word
# broken over two lines, or its two halves set apart on one line where the PDF lost the break
COMPOUND_SPLIT = re.compile(r"[\s-]+")


@dataclass(frozen=True, slots=True)
class UnitNoun:
    unit: str  # people | households | houses | troops | aircraft | vehicles
    category: str | None = None  # what the noun alone says happened ("IDPs": displaced)
    strong: bool = False  # a strong noun wins over words nearby; a weak one only speaks when nothing else does
    event: bool = False  # the noun names what happened ("deaths", "evacuations"): "the 2011 evacuations" is a date


@dataclass(frozen=True, slots=True)
class Cue:
    start: int
    end: int
    category: str
    applies: str  # people | house | any
    weak: bool = False  # speaks only when no nearer cue does


def _word_regex(word: str) -> str:
    options = []
    for option in word.split("|"):
        wild = option.endswith("*")
        options.append(r"\s+".join(_letters(w) for w in option.rstrip("*").split()) + (r"\w*" if wild else ""))
    return "(?:" + "|".join(options) + ")"


def _letters(word: str) -> str:
    """A word as a regex that also matches it with a ligature lost to a space: "flee" matches " ee"."""
    parts, last = [], 0
    for match in LIGATURE.finditer(word):
        parts.append(re.escape(word[last:match.start()]))
        parts.append(f"(?:{match.group(0)}|\\s)")
        last = match.end()
    parts.append(re.escape(word[last:]))
    return "".join(parts)


def _phrase_regex(pattern: str) -> str:
    """A lexicon phrase as a regex: words joined by whitespace, ``*`` any ending, ``a|b`` alternatives within a
    word or within ``( )`` (where an alternative may hold several words)."""
    parts = [_word_regex(token.strip("()")) for token in re.findall(r"\([^)]*\)|\S+", pattern)]
    return r"\s+".join(parts) + r"(?!\w)"


@cache
def unit_nouns() -> dict[str, UnitNoun]:
    """Unit nouns of one word, by lower-cased word."""
    out: dict[str, UnitNoun] = {}
    for pattern, unit, category, strength, *rest in rows("figure_units.tsv"):
        noun = UnitNoun(unit, category or None, strength == "strong", rest[:1] == ["event"])
        for word in pattern.split("|"):
            if len(COMPOUND_SPLIT.split(word)) == 1:
                out.setdefault(word.lower(), noun)
    return out


@cache
def compound_units() -> dict[str, tuple[tuple[tuple[str, ...], UnitNoun], ...]]:
    """Unit nouns of several words ("asylum seekers", "asylum-seekers"), by their last word: the words before
    it, and the noun."""
    out: dict[str, list[tuple[tuple[str, ...], UnitNoun]]] = {}
    for pattern, unit, category, strength, *rest in rows("figure_units.tsv"):
        noun = UnitNoun(unit, category or None, strength == "strong", rest[:1] == ["event"])
        for option in pattern.split("|"):
            parts = [w.lower() for w in COMPOUND_SPLIT.split(option) if w]
            if len(parts) > 1:
                out.setdefault(parts[-1], []).append((tuple(parts[:-1]), noun))
    return {last: tuple(entries) for last, entries in out.items()}


nonunit_nouns = partial(words, "figure_nonunits.txt")
english_words = partial(words, "figure_english_words.txt")
anaphors = partial(words, "figure_anaphors.txt")
reporting_verbs = partial(words, "figure_reporting.txt")


@cache
def house_words() -> frozenset[str]:
    return frozenset(w for w, n in unit_nouns().items() if n.unit == "houses")


@cache
def _cue_table() -> tuple[re.Pattern[str], tuple[tuple[str, str, bool], ...]]:
    entries = sorted(rows("figure_cues.tsv"), key=lambda r: (-len(r[0].split()), -len(r[0])))
    groups = WORD_START + "(?:" + "|".join(f"(?P<c{i}>{_phrase_regex(p)})" for i, (p, *_) in enumerate(entries)) + ")"
    table = tuple((cat, applies, weight == "weak") for _, cat, applies, weight, *_ in entries)
    return re.compile(groups, re.IGNORECASE), table


def find_cues(text: str, start: int, end: int) -> list[Cue]:
    """Category cues in ``text[start:end]``, with document offsets; a word broken over two lines ("home-\nless")
    is read whole, the text itself unchanged."""
    regex, table = _cue_table()
    piece, offsets = _joined_lines(text[start:end])
    found = []
    for match in regex.finditer(piece):
        category, applies, weak = table[int(match.lastgroup[1:])]
        found.append(Cue(start + offsets[match.start()], start + offsets[match.end() - 1] + 1, category, applies, weak))
    return found


def _joined_lines(piece: str) -> tuple[str, list[int]]:
    """The piece with line-end hyphens removed, and for each of its characters the offset it had."""
    if "-" not in piece:
        return piece, range(len(piece))  # type: ignore[return-value]
    kept, offsets, last = [], [], 0
    for match in BROKEN_LINE.finditer(piece):
        kept.append(piece[last:match.start()])
        offsets.extend(range(last, match.start()))
        last = match.end()
    kept.append(piece[last:])
    offsets.extend(range(last, len(piece)))
    return "".join(kept), offsets


@cache
def _word_list_regex(name: str) -> re.Pattern[str]:
    phrases = "|".join(_phrase_regex(p) for p in sorted(lines(name), key=len, reverse=True))
    return re.compile(f"{WORD_START}(?:{phrases})", re.IGNORECASE)


def find_hedges(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in _word_list_regex("figure_hedges.txt").finditer(text, start, end)]


def find_hypotheticals(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in _word_list_regex("figure_hypothetical.txt").finditer(text, start, end)]
