"""A rule match of another language, put into the vocabulary the shared normalisation reads.

The operations of ``calendar_ops`` and ``relative_ops`` read English words ('March', 'last', 'yesterday',
'days'). A language's ``time_words.json`` maps each of its words onto those (``canonical``) and lists its
number words (``numbers``): 'mars' becomes 'March', 'dernière' 'last', 'trois' '3', '30,4' '30.4'. English
groups pass through unchanged.
"""

from __future__ import annotations

import re

from eventwire import lexicons
from eventwire.extract.timex.grammar import words

KEPT = frozenset({"hour", "minute", "day", "year", "decade", "short"})  # digits already
NUMERIC = frozenset({"num", "num2"})
MULTIPLIERS = (100, 1000)


def canonical_groups(groups: dict[str, str], lang: str) -> dict[str, str]:
    """``groups`` with every value in the English vocabulary of the normalisation."""
    if lang == lexicons.DEFAULT_LANG:
        return groups
    table = words(lang)["canonical"]
    out = {}
    for name, value in groups.items():
        key = " ".join(value.lower().split())
        if name in KEPT:
            out[name] = value
        elif name in NUMERIC:
            number = parse_number(key, lang)
            out[name] = (str(int(number)) if float(number).is_integer() else f"{number:g}") if number is not None \
                else table.get(key, value)
        else:
            out[name] = table.get(key, value)
    return out


def parse_number(text: str, lang: str) -> float | None:
    """'trois' -> 3, 'vingt-trois' -> 23, 'quatre-vingt-dix' -> 90, 'deux cents' -> 200, '30,4' -> 30.4."""
    t = re.sub(r"\s+", " ", text.strip().lower())
    compact = t.replace(" ", "").replace("\u202f", "").replace(",", ".")
    if re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", compact):
        return float(compact)
    table = words(lang)["numbers"]
    if t in table:
        return float(table[t])
    parts = [p for p in re.split(r"[\s-]+", t) if p and p != "et"]
    total = group = 0.0
    i = 0
    while i < len(parts):
        for j in range(len(parts), i, -1):
            piece = "-".join(parts[i:j])
            if piece in table:
                break
        else:
            return None
        value = float(table[piece])
        if value in MULTIPLIERS:
            group = (group or 1) * value
            if value == 1000:
                total, group = total + group, 0.0
        else:
            group += value
        i = j
    return total + group
