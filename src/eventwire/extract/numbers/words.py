"""Number words, the one home for them: "seven", "a dozen", "two hundred and fifty", "1.2 million", "two-thirds".

The words are lexicons (``number_words.tsv``, ``number_scales.tsv``, ``number_fractions.tsv``), loaded once.
Other steps that read a number written in words use :func:`word_value` rather than a list of their own.
"""

from __future__ import annotations

import re
from functools import cache

from eventwire.lexicons import rows


@cache
def word_values() -> tuple[dict[str, tuple[int, str]], dict[str, tuple[int, bool]]]:
    """(words that build numbers: value and kind, atoms that are whole amounts: value and approx)."""
    words: dict[str, tuple[int, str]] = {}
    atoms: dict[str, tuple[int, bool]] = {}
    for word, value, kind, *_ in rows("number_words.tsv"):
        if kind.startswith("atom"):
            atoms[word.lower()] = (int(value), kind.endswith("approx"))
        else:
            words[word.lower()] = (int(value), kind)
    return words, atoms


@cache
def scales() -> dict[str, int]:
    """Scale words written apart from the digits: "million", "lakh", "milliers"."""
    return {word.lower(): int(value) for word, value, written, *_ in rows("number_scales.tsv") if written == "apart"}


@cache
def attached_scales() -> dict[str, int]:
    """Scale letters written onto the digits only: "1.2m", "30k"."""
    return {word.lower(): int(value) for word, value, written, *_ in rows("number_scales.tsv")
            if written == "attached"}


@cache
def fractions() -> dict[str, float]:
    """Fraction phrases and their share: "two-thirds" 2/3, "half" 1/2."""
    return {phrase.lower(): int(top) / int(bottom) for phrase, top, bottom, *_ in rows("number_fractions.tsv")}


def word_value(phrase: str) -> int | None:
    """The value of a number written in words ("seventy", "two hundred and fifty", "a dozen", "three million"),
    or None when the phrase is no number."""
    words, atoms = word_values()
    key = " ".join(phrase.lower().split())
    if key in atoms:
        return atoms[key][0]
    total = current = 0
    seen = False
    for part in re.split(r"[\s-]+", key):
        if part == "and" or not part:
            continue
        if part in scales() and part not in words:
            total += max(current, 1) * scales()[part]
            current, seen = 0, True
            continue
        if part not in words:
            return None
        value, kind = words[part]
        seen = True
        if kind == "scale" and value == 100:
            current = max(current, 1) * 100
        elif kind == "scale":
            total += max(current, 1) * value
            current = 0
        else:
            current += value
    return total + current if seen else None
