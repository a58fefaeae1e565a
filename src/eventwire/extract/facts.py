"""Key-value fact lines, as in a factbox ("Capital: Velmar", "Population: about 40,000 (2002 count)").

A "Key: value" line is a fact when its key names a property, not a speaker ("Lavrov: we ..."), a heading
("Northland: Timeline Of A Crisis") or page furniture ("Share this: Facebook"), and when it either uses a
known factbox key or stands in a block of at least ``MIN_BLOCK`` such lines.
"""

from __future__ import annotations

import re
from functools import partial

from eventwire.extract.base import Found, Parsed, step
from eventwire.lexicons import words
from eventwire.records import Fact

MAX_KEY_WORDS = 5
MIN_BLOCK = 3
LINE = re.compile(r"^[ \t]*(?P<key>[A-Z][^\n:]{0,60}?)[ \t]*:[ \t]+(?P<value>\S[^\n]*?)[ \t]*$", re.MULTILINE)
SOURCE = re.compile(
    r"\(\s*(?:(?:according\s+to|source:?|sources:?|per|as\s+of|from)\s+(?P<named>[^,;()]+?)"
    r"|(?P<bare>[A-Z][\w.&'’ -]{1,40}?))\s*(?:[,;][^()]*)?\)",
    re.IGNORECASE,
)
HEADLINE_CASE = re.compile(r"\S\s+(?:Of|A|An|The|In|And|For|To|On|At)\s+[A-Z]")
SPEAKER_ENTITIES = frozenset({"PERSON"})  # "Lavrov: we will ..." is a speaker, not a property


_known_keys = partial(words, "figure_fact_keys.txt")
_skipped_keys = partial(words, "figure_fact_skip.txt")


@step(provides="facts")
def facts(doc: Parsed, found: Found) -> list[Fact]:
    """Every fact line outside boilerplate, with its value and the source the line names."""
    matches = [m for m in LINE.finditer(doc.text)
               if _is_property_key(m) and not doc.in_boilerplate(m.start("key"), m.end())]
    out: list[Fact] = []
    for match, block in zip(matches, _block_sizes(doc.text, matches), strict=True):
        key = match.group("key").strip()
        if block < MIN_BLOCK and (not _known_key(key) or _names_a_person(doc, match)):
            continue
        value, source = _value_and_source(match.group("value"))
        if value:
            out.append(Fact(match.start("key"), match.end(), key, value, source))
    return out


def _block_sizes(text: str, matches: list[re.Match[str]]) -> list[int]:
    """For each key-value line, how many key-value lines stand in its block of consecutive lines."""
    sizes: list[int] = []
    run = 0
    for i, match in enumerate(matches):
        if run and text[matches[i - 1].end():match.start()].strip():
            sizes.extend([run] * run)
            run = 0
        run += 1
    sizes.extend([run] * run)
    return sizes


def _known_key(key: str) -> bool:
    low = key.lower()
    return low in _known_keys() or low.startswith(("number of ", "total "))


def _is_property_key(match: re.Match[str]) -> bool:
    key, value = match.group("key").strip(), match.group("value")
    words = key.split()
    if len(words) > MAX_KEY_WORDS or key.lower() in _skipped_keys() or (key.isupper() and len(key) > 3):
        return False
    if len(words) > 1 and all(w[:1].isupper() for w in words):  # a name, as in "Northland Times: ..."
        return False
    if HEADLINE_CASE.search(value) or value.lower().startswith(("http", "www.")):
        return False
    if any(ch.isdigit() for ch in key) or key.endswith((",", ";", ".")):
        return False
    return not any(w.lower() in ("said", "says", "told", "asked") for w in words)


def _names_a_person(doc: Parsed, match: re.Match[str]) -> bool:
    span = doc.doc.char_span(*match.span("key"), alignment_mode="expand")
    return span is not None and any(t.ent_type_ in SPEAKER_ENTITIES for t in span)


def _value_and_source(raw: str) -> tuple[str, str | None]:
    """Split "Roughly 40,000 (per the 2002 count, ...)" into value and source."""
    found = SOURCE.search(raw)
    if not found:
        return raw.strip(), None
    source = (found.group("named") or found.group("bare") or "").strip() or None
    value = (raw[:found.start()] + raw[found.end():]).strip(" \t,;")
    return (value or raw.strip()), source
