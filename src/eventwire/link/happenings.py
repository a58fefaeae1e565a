"""The happenings a report describes, one per asserted event: kind, mode, day, place, parties, counts.

Linking compares reports event by event. Each asserted or claimed event of a known type family becomes a
happening with

- ``family`` (the kind of happening: violence, protest, aid, talks, words; ``link_type_families.tsv``) and
  ``mode`` (PLOVER's: drone, heavy-weapons, firearms …);
- ``span``: the first and last day it may have taken place. An event with its own time expression takes that
  day (a bare weekday the tagger put after publication goes a week back: news reports what happened);
  "overnight" spans the night's day and the next ("Tuesday night" is Tuesday). An event without one takes
  the report's own day (eventwire.link.dates), as does the report's main event;
- ``place``: its own place, else the report's main place (eventwire.link.happenings.main_place: the place of
  the first event that has one, else the first place named, marked ``guessed``), with its precision
  (``city``, ``region``, ``country``) from the gazetteer feature code;
- ``anchored``: the report's main (first) happening, or one placed in a city of its own. Only anchored
  happenings pair reports: an aside without a city ("called the attack a war crime", "the latest strike on
  the country's ports") takes the report's day and place, or a whole country, and would pair anything;
- ``parties``: the normalised names of its actors and recipients.

A report that opens with a reaction (a statement, an appeal, thanks, a meeting: ``link_reaction_families.txt``)
and tells of a happening of another family soon after ("Police asked for help after two men were shot") has that
happening as its main one (``REACTION_REACH``).

An event whose own time names no day near publication ("since the winter", "weekly", "in 2019") is
background, not a happening of the report (``concrete_events``), unless the report tells of nothing else.

Two happenings are more likely one (``compatible``) when their families are the same, their modes do not differ
(modes compare within one event type: a drone strike is not a shelling, but a release and its mediation
are facets of one happening), and their places agree: the same city (within ``CITY_KM``), or one inside
the other (a city in the region or country the other names). A guessed place never rules a pairing out,
as a report's first-named place is often not where anything happened.
"""

from __future__ import annotations

import math
from datetime import date
from functools import cache
from typing import Any

from eventwire.lexicons import lines, words
from eventwire.link.dates import ASSERTED, TYPE_FAMILIES, parse_day

CITY_KM = 30.0  # two city-level places this close are one place (a city and its suburb); see docs/linking
MODE_MISMATCH = 0.5  # a drone attack and a shelling on one day in one city are more often two happenings
# Places and kinds that disagree cut a pairing down rather than rule it out: on gva-even 16 % of the pairs
# of reports of one shooting name places the gazetteer put far apart (a neighbourhood, a second Atlanta)
# and 7 % carry events of another family; on war-dev two towns 100 km apart must stay apart.
PLACE_MISMATCH = 0.25
# How far after a reaction its happening may be told and still come first: a lead's length (the casualty step's
# LEAD_CHARS); on gva-even 250, 500 and 1,500 gave B-cubed 0.9214, 0.9214, 0.9221, war-dev 1.0 with each.
REACTION_REACH = 1500
FAMILY_MISMATCH = 0.5


def happenings(record: dict, day: int | None, published: int | None, main: dict | None) -> list[dict]:
    """The record's happenings, most salient first; the first holds the report's own day and main place."""
    places = [p for p in record.get("places") or [] if isinstance(p, dict)]
    out = []
    for event, span in concrete_events(record, published):
        own_place = _indexed(places, event.get("place"))
        place = _place(own_place, guessed=False) if own_place else (dict(main) if main else None)
        if not out and day is not None:
            span = [day, day] if span is None or not span[0] <= day <= span[1] else span
        out.append({
            "family": TYPE_FAMILIES[str(event.get("type"))], "type": event.get("type"),
            "mode": event.get("mode") or None,
            "span": span or ([day, day] if day is not None else None), "dated": span is not None,
            "place": place, "parties": _parties(event, record),
            "anchored": not out or bool(own_place and _place(own_place, False)["level"] == "city"),
            "killed": _count(event.get("killed")), "injured": _count(event.get("injured")),
        })
    return out


def concrete_events(record: dict, published: int | None) -> list[tuple[dict, list[int] | None]]:
    """The record's asserted events of a known family with their own day span (None: undated), less the
    background: an event whose own time names no day near publication ("the port has come under fire every
    week since the winter", "in 2019", "every weekend") is the situation a report sets its happening in, not a happening
    of the report. Only when every event is background does the first stand for the report."""
    times = [t for t in record.get("times") or [] if isinstance(t, dict)]
    found, background = [], []
    for event in record.get("events") or []:
        if not isinstance(event, dict) or event.get("status") not in ASSERTED \
                or str(event.get("type")) not in TYPE_FAMILIES:
            continue
        own_time = _indexed(times, event.get("time"))
        span = _own_span(own_time, published)
        (background if own_time is not None and span is None else found).append((event, span))
    return _happening_first(found) or background[:1]


def _happening_first(found: list[tuple[dict, list[int] | None]]) -> list[tuple[dict, list[int] | None]]:
    """The events with a happening first: when the first is a reaction (a statement, an appeal, a meeting:
    ``link_reaction_families.txt``) and an event of another family follows within ``REACTION_REACH``
    characters ("Police asked for help after a man was shot"), that event comes first. A vague noun ("the war",
    "the violence": ``report_vague_events.txt``) names no act of its own and never comes first so."""
    if not found or TYPE_FAMILIES[str(found[0][0].get("type"))] not in _reactions():
        return found
    start = _trigger_start(found[0][0])
    for i, (event, _) in enumerate(found[1:], 1):
        if TYPE_FAMILIES[str(event.get("type"))] not in _reactions() and not _vague(event):
            if start is None or (_trigger_start(event) or 0) - start > REACTION_REACH:
                return found
            return [found[i], *found[:i], *found[i + 1:]]
    return found


def _trigger_start(event: dict) -> int | None:
    trigger = event.get("trigger")
    start = trigger.get("start") if isinstance(trigger, dict) else None
    return start if isinstance(start, int) else None


@cache
def _reactions() -> frozenset[str]:
    return frozenset(lines("link_reaction_families.txt"))


def _vague(event: dict) -> bool:
    trigger = event.get("trigger")
    text = trigger.get("text") if isinstance(trigger, dict) else None
    return str(text or "").lower() in words("report_vague_events.txt")


def main_place(record: dict) -> dict | None:
    """The place of the first event that has one, else the first place with coordinates, else the first."""
    places = [p for p in record.get("places") or [] if isinstance(p, dict)]
    if not places:
        return None
    for event, _ in concrete_events(record, parse_day(record.get("published"))):
        chosen = _indexed(places, event.get("place"))
        if chosen:
            return _place(chosen, guessed=False)
    return _place(next((p for p in places if p.get("lat") is not None), places[0]), guessed=True)


MAX_NAMED_PLACES = 20


def named_places(record: dict) -> list[dict]:
    """The cities the record names with coordinates (name, admin1, lat, lon), each once: the places a report
    tells apart."""
    out: dict[tuple, dict] = {}
    for place in record.get("places") or []:
        if isinstance(place, dict) and place.get("lat") is not None and place.get("lon") is not None:
            found = _place(place, guessed=False)
            if found["level"] == "city":
                out.setdefault((found["lat"], found["lon"]), {k: found[k] for k in ("name", "admin1", "lat", "lon")})
    return list(out.values())[:MAX_NAMED_PLACES]


def compatible(mine: dict, theirs: dict) -> float:
    """How far two happenings may be one, from 0 to 1: cut by ``FAMILY_MISMATCH``, ``PLACE_MISMATCH``,
    ``MODE_MISMATCH`` when kinds, places or modes disagree."""
    factor = 1.0
    if mine["family"] != theirs["family"]:
        factor *= FAMILY_MISMATCH
    if not places_agree(mine.get("place"), theirs.get("place")):
        factor *= PLACE_MISMATCH
    if mine.get("type") == theirs.get("type") and mine.get("mode") and theirs.get("mode") \
            and mine["mode"] != theirs["mode"]:
        factor *= MODE_MISMATCH
    return factor


def places_agree(mine: dict | None, theirs: dict | None) -> bool:
    """The same city, or one place inside the other; unknown and guessed places agree with anything."""
    if not mine or not theirs or mine.get("guessed") or theirs.get("guessed"):
        return True
    if mine.get("country") and theirs.get("country") and mine["country"] != theirs["country"]:
        return False
    levels = (mine.get("level"), theirs.get("level"))
    if levels == ("city", "city"):
        km = distance_km(mine, theirs)
        if km is None or _same_name(mine, theirs):
            return True  # without coordinates a name says too little; one name twice is a gazetteer's doubt
        return km <= CITY_KM
    if "country" in levels:
        return True  # same country (checked above) or a country without a code
    if "region" in levels and "city" in levels or levels == ("region", "region"):
        return not (mine.get("admin1") and theirs.get("admin1")) or mine["admin1"] == theirs["admin1"]
    return True


def main_span(features: dict) -> list[int] | None:
    """The day span of a report's main happening, else its own day as a span of one."""
    found = features.get("happenings") or []
    if found and found[0].get("span"):
        return found[0]["span"]
    day = features.get("day")
    return [day, day] if day is not None else None


def days_apart(mine: list[int] | None, theirs: list[int] | None) -> int | None:
    """Days between two spans (0 when they overlap), or None when either is unknown."""
    if not mine or not theirs:
        return None
    return max(0, mine[0] - theirs[1], theirs[0] - mine[1])


def distance_km(a: dict, b: dict) -> float | None:
    if None in (a.get("lat"), a.get("lon"), b.get("lat"), b.get("lon")):
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def cell(place: dict | None) -> str:
    """The coarse place cell a happening is indexed under for candidate lookup: its country (or "?")."""
    return str((place or {}).get("country") or "?")


def _same_name(a: dict, b: dict) -> bool:
    return str(a.get("name") or "").lower() == str(b.get("name") or "").lower()


def _place(place: dict, guessed: bool) -> dict:
    feature = str(place.get("feature") or "")
    level = "country" if feature.startswith("PCL") else "region" if feature.startswith("ADM") else "city"
    if not feature and place.get("lat") is None:
        level = "city"
    return {"name": place.get("name") or place.get("text"), "admin1": place.get("admin1"),
            "country": place.get("country"), "lat": place.get("lat"), "lon": place.get("lon"),
            "level": level, "guessed": guessed}


def _own_span(time: dict | None, published: int | None) -> list[int] | None:
    value = str((time or {}).get("value") or "")
    day = parse_day(value)
    if day is None or (published is not None and not published - 14 <= day <= published + 7):
        return None
    text = str((time or {}).get("text") or "").lower()
    if published is not None and day > published:
        day -= 7  # "on Sunday" resolved forward: news reports what happened
    # "overnight" crosses midnight: the evening's day or the morning's ("Tuesday night" is Tuesday's)
    return [day, day + 1] if "overnight" in text and (published is None or day < published) else [day, day]


def _parties(event: dict, record: dict) -> list[str]:
    names = {e.get("id"): e.get("name") for e in record.get("entities") or [] if isinstance(e, dict)}
    out = []
    for role in ("actors", "recipients"):
        for ref in event.get(role) or []:
            if isinstance(ref, dict):
                name = names.get(ref.get("entity")) or ref.get("text")
                if isinstance(name, str) and name.strip():
                    out.append(" ".join(name.lower().split()))
    return out


def _indexed(items: list[dict], index: Any) -> dict | None:
    if isinstance(index, int) and not isinstance(index, bool) and 0 <= index < len(items):
        return items[index]
    return None


def _count(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def day_string(day: int | None) -> str | None:
    return date.fromordinal(day).isoformat() if day else None
