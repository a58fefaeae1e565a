"""Key-value fact lines, as in a factbox ("Capital: Tskhinvali", "Population: about 70,000 (1989 census)")."""

from __future__ import annotations

import re
from functools import cache

from eventwire.extract.base import Found, Parsed, step
from eventwire.lexicons import lines
from eventwire.records import Fact

MAX_KEY_WORDS = 5
LINE = re.compile(r"^[ \t]*(?P<key>[A-Z][^\n:]{0,60}?)[ \t]*:[ \t]+(?P<value>\S[^\n]*?)[ \t]*$", re.MULTILINE)
SOURCE = re.compile(
    r"\(\s*(?:(?:according\s+to|source:?|sources:?|per|as\s+of|from)\s+(?P<named>[^,;()]+?)"
    r"|(?P<bare>[A-Z][\w.&'’ -]{1,40}?))\s*(?:[,;][^()]*)?\)",
    re.IGNORECASE,
)
HEADLINE_CASE = re.compile(r"\S\s+(?:Of|A|An|The|In|And|For|To|On|At)\s+[A-Z]")
NAMED_ENTITY_KEYS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


@cache
def _skipped_keys() -> frozenset[str]:
    return frozenset(k.lower() for k in lines("figure_fact_skip.txt"))


@step(provides="facts")
def facts(doc: Parsed, found: Found) -> list[Fact]:
    """Every "Key: value" line outside boilerplate whose key names a property, not a speaker or a heading."""
    out: list[Fact] = []
    for match in LINE.finditer(doc.text):
        start, end = match.span("key")[0], match.end()
        if doc.in_boilerplate(start, end) or not _is_property_key(doc, match):
            continue
        value, source = _value_and_source(match.group("value"))
        if value:
            out.append(Fact(start, end, match.group("key").strip(), value, source))
    return out


def _is_property_key(doc: Parsed, match: re.Match[str]) -> bool:
    key = match.group("key").strip()
    words = key.split()
    if len(words) > MAX_KEY_WORDS or key.lower() in _skipped_keys() or (key.isupper() and len(key) > 3):
        return False
    if len(words) > 1 and all(w[:1].isupper() for w in words):  # a name, as in "Northland Times: ..."
        return False
    if HEADLINE_CASE.search(match.group("value")):  # "Northland: Timeline Of A Crisis"
        return False
    if key.endswith((",", ";", ".")) or any(w.lower() in ("said", "says", "told", "asked") for w in words):
        return False
    span = doc.doc.char_span(*match.span("key"), alignment_mode="expand")
    return span is None or not any(t.ent_type_ in NAMED_ENTITY_KEYS for t in span)


def _value_and_source(raw: str) -> tuple[str, str | None]:
    """Split "Approximately 70,000 (according to the 1989 census, ...)" into value and source."""
    found = SOURCE.search(raw)
    if not found:
        return raw.strip(), None
    source = (found.group("named") or found.group("bare") or "").strip() or None
    value = (raw[:found.start()] + raw[found.end():]).strip(" \t,;")
    return (value or raw.strip()), source
