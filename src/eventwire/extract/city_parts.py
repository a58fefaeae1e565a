"""Parts of a city named by where they lie in it: "the South Side", "the Lower East Side", "Downtown", "the north side".

Such a name means a part of the city the report is about. The gazetteer knows many places of such names
elsewhere (a "South Side" in New York, a "Side" in Turkey, a "Downtown" in Hawaii), and resolving them on
their own sends one shooting to two countries. So a city part casts no vote in resolution. Afterwards it
takes a place of that name within ``CITY_PART_KM`` of the city it is a part of, else that city's point. That
city lies in the region (admin1) the document's cities are most in, by their mentions' resolution
confidence summed: the nearest such city named before the part and resolved with some confidence, else the
one of them named most. A city part with no city named in the document is left out, as is one recognition was
unsure of ("Downtown" opening "Downtown Greer"). The words are in ``places_city_parts.tsv``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from eventwire import lexicons
from eventwire.extract.place_spans import direction_words
from eventwire.gazetteer.index import NAME_ALIAS
from eventwire.gazetteer.index import Candidate as GazetteerPlace
from eventwire.gazetteer.resolve import Mention, km

CITY_PART_KM = 30.0  # as far as a city's part lies from its centre point (the linker's CITY_KM)
SURE = 0.8  # the least strength of a place a city part may hang on
CONFIDENT = 0.5  # the least resolution confidence of the city named before a part for the part to hang on it


@cache
def _words() -> dict[str, frozenset[str]]:
    kinds: dict[str, set[str]] = {}
    for kind, word in lexicons.rows("places_city_parts.tsv"):
        kinds.setdefault(kind, set()).add(word.lower())
    return {kind: frozenset(words) for kind, words in kinds.items()}


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The direction words just before a name ("Far North" before "Side"), and a name's continuation into a
    list ending in "side(s)" (", Northwest and West sides")."""
    words = _words()
    openers = sorted({w.lower() for w in direction_words()} | words.get("opener", frozenset()), key=len, reverse=True)
    direction = "|".join(map(re.escape, openers))
    after = "|".join(map(re.escape, sorted(words.get("after", ()), key=len, reverse=True)))
    return (re.compile(rf"(?:\b(?:{direction})\s+)+$", re.IGNORECASE),
            re.compile(rf"^(?:\s*(?:,|,?\s+and|,?\s+or)\s+(?:(?:{direction})\s+)*(?:{direction}))*\s+(?:{after})\b",
                       re.IGNORECASE))


def is_city_part(text: str, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` names a part of a city: "Downtown", "Far South Side", "West End" (with
    the direction words before it, which the name's span may leave out), or direction words followed by "side"
    ("the north side", "the West and South sides")."""
    words = _words()
    before, listed = _patterns()
    opening = before.search(text[max(0, start - 40):start])
    names = ((opening.group(0) if opening else "") + text[start:end]).lower().split()
    if not names:
        return False
    if len(names) == 1 and names[0] in words.get("whole", ()):
        return True
    openers = {w.lower() for w in direction_words()} | words.get("opener", frozenset())
    if len(names) >= 2 and names[-1] in words.get("noun", ()) and all(w in openers for w in names[:-1]):
        return True
    return all(w in openers for w in names) and bool(listed.match(text[end:end + 80]))


def set_aside(mentions: list[Mention], text: str) -> dict[int, tuple[GazetteerPlace, ...]]:
    """Take the candidates off the city parts among ``mentions`` (so they cast no vote) and return them by
    mention position."""
    kept: dict[int, tuple[GazetteerPlace, ...]] = {}
    for i, m in enumerate(mentions):
        if is_city_part(text, m.start, m.end):
            kept[i], m.candidates = m.candidates, ()
    return kept


def place_city_parts(mentions: list[Mention], kept: dict[int, tuple[GazetteerPlace, ...]]) -> None:
    """Resolve each city part set aside to its city: a candidate of its own name near that city, else the city."""
    for i, own in kept.items():
        city = _city_of(mentions, i, kept)
        if city is None or mentions[i].strength < SURE:
            mentions[i].strength = 0.0  # a part of no city the report names, or not surely a name: not kept
            continue
        near = [c for c in own if km(c.lat, c.lon, city.lat, city.lon) <= CITY_PART_KM]
        best = near[0] if near else replace(city, geonameid=0, feature="PPLX", kind=NAME_ALIAS, population=0)
        mentions[i].candidates = (best,)
        mentions[i].best, mentions[i].confidence = best, 1.0


def _city_of(mentions: list[Mention], i: int, kept: dict) -> GazetteerPlace | None:
    cities: dict[tuple[float, float], list] = {}
    regions: dict[tuple[str, str], float] = {}
    for j, m in enumerate(mentions):
        if j not in kept and _is_city(m) and m.best is not None:
            city = cities.setdefault((m.best.lat, m.best.lon), [m.best, 0.0])
            city[1] += m.confidence
            regions[(m.best.country, m.best.admin1)] = regions.get((m.best.country, m.best.admin1), 0.0) + m.confidence
    if not regions:
        return None
    region = max(regions, key=lambda r: regions[r])
    before = [m.best for m in reversed(mentions[:i]) if _is_city(m) and m.confidence >= CONFIDENT
              and m.best is not None and (m.best.country, m.best.admin1) == region]
    if before:
        return before[0]
    return max((c for c in cities.values() if (c[0].country, c[0].admin1) == region), key=lambda c: c[1])[0]


def _is_city(m: Mention) -> bool:
    return m.best is not None and m.strength >= SURE and m.best.feature.startswith("PPL")

