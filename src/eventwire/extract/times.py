"""Time expressions (TIMEX3), normalised against the publication date.

The tagger itself lives in ``extract/timex`` (rules in ``lexicons/time_rules.tsv``, vocabulary in
``lexicons/time_words.json``). This module is the pipeline step and :func:`time_of`, the helper other
steps use to date a clause.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Token

from eventwire.extract.base import Found, Parsed, step
from eventwire.extract.timex.tagger import governing_verb, published_date, tag
from eventwire.records import TimeExpr

_CALENDAR = re.compile(
    r"^(?P<y>[0-9]{4})(?:-(?P<m>[0-9]{2})(?:-(?P<d>[0-9]{2}))?|-(?P<other>W[0-9]{2}|Q[1-4]|H[12]|SP|SU|FA|WI))?"
)
_DECADE = re.compile(r"^[0-9]{3}X?$")


@step(provides="times")
def times(doc: Parsed, found: Found) -> list[TimeExpr]:
    """Every time expression outside boilerplate, with its TIMEX3 type and value."""
    dct = published_date(doc.article.published) or date.today()
    return tag(doc.doc, doc.text, dct, skip=doc.in_boilerplate)


def time_of(doc: Parsed, times: list[TimeExpr], start: int, end: int) -> tuple[int | None, str | None, str]:
    """When the clause holding the span ``[start, end)`` happened.

    Returns ``(index, iso, precision)``:

    - the time expression governing the clause — same sentence, attached to the same verb of the
      dependency tree (or to a verb above it) — when it has a calendar value;
    - else the nearest calendar time expression before the span in the document;
    - else the publication date, with precision ``"published"`` (``(None, None, "unknown")`` without one).

    ``index`` points into ``times``; ``iso`` is the calendar part of the value (``2008-08-07``, ``2008-08``,
    ``2008``, ``199X``, ``2008-W32``, ``2008-Q3``); ``precision`` is one of ``"day"``, ``"month"``,
    ``"year"``, ``"decade"``, ``"published"``, ``"unknown"`` (weeks count as ``"month"``, quarters, halves and
    seasons as ``"year"``).
    """
    governing = _governing_time(doc, times, start, end)
    if governing is not None:
        return governing, *_calendar(times[governing].value)
    for i in sorted(range(len(times)), key=lambda i: -times[i].end):
        if times[i].end <= start and _calendar(times[i].value)[0] is not None:
            return i, *_calendar(times[i].value)
    dct = published_date(doc.article.published)
    return (None, dct.isoformat(), "published") if dct else (None, None, "unknown")


def _calendar(value: str | None) -> tuple[str | None, str]:
    """The calendar part of a TIMEX3 value and its precision; (None, 'unknown') for durations, sets, refs."""
    if not value:
        return None, "unknown"
    if _DECADE.match(value):
        return value, "decade"
    m = _CALENDAR.match(value)
    if not m:
        return None, "unknown"
    if m.group("d"):
        return m.group(0), "day"
    if m.group("m"):
        return m.group(0), "month"
    if m.group("other"):
        return m.group(0), "month" if m.group("other")[1].isdigit() and m.group("other")[0] == "W" else "year"
    return m.group(0), "year"


def _governing_time(doc: Parsed, times: list[TimeExpr], start: int, end: int) -> int | None:
    span = doc.doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    sent = span.root.sent
    verb = governing_verb(span.root)
    if verb is None:
        return None
    chain = _verb_chain(verb)
    best: tuple[int, int] | None = None
    for i, t in enumerate(times):
        if t.start < sent.start_char or t.end > sent.end_char or _calendar(t.value)[0] is None:
            continue
        t_span = doc.doc.char_span(t.start, t.end, alignment_mode="expand")
        t_verb = governing_verb(t_span.root) if t_span is not None and len(t_span) else None
        if t_verb is None or t_verb.i not in chain:
            continue
        rank = (chain[t_verb.i], abs(t.start - start))
        if best is None or rank < best:
            best, found = rank, i
    return found if best is not None else None


def _verb_chain(verb: Token) -> dict[int, int]:
    """The verb and the verbs above it, each with its distance (0 for the verb itself)."""
    chain = {verb.i: 0}
    current, depth = verb, 0
    while current.head.i != current.i and depth < 6:
        current = current.head
        depth += 1
        if current.pos_ in ("VERB", "AUX"):
            chain.setdefault(current.i, depth)
    return chain
