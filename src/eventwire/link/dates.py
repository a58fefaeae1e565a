"""The day a report's happening took place, read from its time expressions and what the extraction step
eventwire.extract.dating says of each: whether its sentence reports the happening (it holds the trigger of an
asserted event, or a word of harm), is about what came after (a court date, a funeral) or dates a statement
("officials said Friday"). Records written without that context (by an older eventwire) get it here from the
same step's functions.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from eventwire.extract.base import ASSERTED
from eventwire.extract.dating import TYPE_FAMILIES, day_cues, headline, time_context, violence_triggers
from eventwire.lexicons import rows

__all__ = ["ASSERTED", "TYPE_FAMILIES", "headline", "incident_day", "parse_day", "weekday_before"]

WEEKDAYS = tuple(phrase for kind, phrase, *_ in rows("dating_words.tsv") if kind == "weekday")  # Monday first


def parse_day(value: Any) -> int | None:
    """A date-like string (``2014-01-28``, ``2014-01-28T10:00``) as an ordinal day, or None."""
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def incident_day(record: dict, body: str, published: int | None) -> tuple[int | None, str | None]:
    """When the reported happening took place, as an ordinal day, and how that was found.

    Dated time expressions up to two weeks before publication in the first ``LEAD_CHARS`` characters count
    when they name a day ("at 3:30 p.m." alone does not, nor "that night"), unless they stamp the page
    ("Posted:", a dateline, an embedded post) or say when something was said ("police said Friday"). Those in
    a sentence that reports the happening (it holds the trigger of an asserted event, a word of harm such as
    "shot" or "killed", or says when "the incident occurred") are candidates, and so are explicit dates ("June
    21") in such sentences up to ``FOLLOW_UP_DAYS`` before publication; sentences about what came after (a
    court date, a funeral, a vigil, a press conference) date nothing but such an explicit date ("pleaded
    guilty in the Jan. 1 shooting"). The first candidate's sentence reports
    the happening itself and its earliest day wins ("in critical condition Tuesday after he was shot Monday");
    a day further down is more often another happening. When that first sentence is about what followed (an
    arrest, charges, a death in hospital), the earliest candidate near it wins: a follow-up names the original
    day soon after its lead.
    A bare weekday resolved more than ``STALE_WEEKDAY_DAYS`` before publication gives way to a more recent
    day ("last Thursday" does not), and "overnight" is the morning's day.
    Else the earliest date an asserted event carries from a time expression, unless that is only the
    publication day and the lead names a relative day ("It happened Sunday evening"); else the earliest
    relative day ("Friday", "last night"), else the earliest date, else a weekday named in the headline or
    text, else the publication date.
    """
    all_times = _with_context(record, published)
    times = [t for t in all_times if _usable_time(t, published) and _has(t, "names-day") and not _has(t, "anaphoric")]
    reporting = [(t["start"], _day_of(t, published)) for t in times if _dates_happening(t)]
    # a follow-up (an arrest, a death in hospital, a trial) names the day of the happening outright
    older = [t for t in all_times if _usable_time(t, published, FOLLOW_UP_DAYS) and _has(t, "explicit-date")]
    # ... even in a sentence about the trial or the arrest: "pleaded guilty in the Jan. 1 shooting"
    reporting += [(t["start"], parse_day(t["value"])) for t in older if _has(t, "reports") and not _has(t, "statement")]
    # a bare weekday the tagger put nearly a week back is more likely a day after the publication stamp
    recent = [day for _, day in reporting if published is None or day >= published - STALE_WEEKDAY_DAYS]
    weekdays = {parse_day(t["value"]) for t in times if not _has(t, "explicit-date") and not _has(t, "last-weekday")}
    if recent:
        reporting = [(start, day) for start, day in reporting if day in recent or day not in weekdays]
    if reporting:
        return _lead_day(all_times, sorted(reporting)), "event"
    relative = [t for t in times if _has(t, "relative") and not _has(t, "statement")]
    # an event's own date is most often the publication day the tagger fell back on: a day named in the lead
    # ("It happened Monday night") says more
    dated = [day for day in _event_dates(record) if _plausible(day, published)]
    if dated and (min(dated) != published or not relative):
        return min(dated), "event"
    if relative or times:
        return min(parse_day(t["value"]) for t in relative or times), "time"
    if published:
        # "Police name victim of Sunday's shooting": a headline names the day even over a cookie wall
        day = _cue_day(record, published, headline_only=not body)
        if day:
            return day, "weekday"
    return published, "published" if published else None


LEAD_CHARS = 3000
FOLLOW_UP_REACH = 1000  # how far past a follow-up's lead the original happening is looked for
FOLLOW_UP_DAYS = 1000
STALE_WEEKDAY_DAYS = 4


def _with_context(record: dict, published: int | None) -> list[Any]:
    """The record's times moved into the past where a bare weekday fell after publication, each with its
    context (computed here for a record written without it)."""
    text = record.get("text") or ""
    triggers: list[int] | None = None
    out = []
    for time in record.get("times") or []:
        if isinstance(time, dict) and isinstance(time.get("start"), int) and not isinstance(time.get("context"), dict):
            if triggers is None:
                triggers = violence_triggers([e for e in record.get("events") or [] if isinstance(e, dict)])
            context = time_context(text, time, triggers)
            time = time | {"context": {"sentence": context.sentence, "flags": context.flags}}
        out.append(_in_the_past(time, published))
    return out


def _has(time: dict, flag: str) -> bool:
    context = time.get("context")
    return isinstance(context, dict) and flag in (context.get("flags") or ())


def _sentence(time: dict) -> tuple[int, int]:
    bounds = time["context"].get("sentence") or [time["start"], time["start"]]
    return bounds[0], bounds[1]


def _lead_day(times: list[Any], reporting: list[tuple[int, int]]) -> int:
    """The happening's day among the days named in sentences that report it, in text order.

    The first such sentence reports the happening itself ("was in critical condition Tuesday after he was
    shot Monday"): the earliest day it names. A day named further down is more often another happening ("on
    May 3 a man was killed nearby") or what came after. A lead about what came after (an arrest, charges, a
    death in hospital) names the happening's day soon after: then the earliest within ``FOLLOW_UP_REACH``
    characters of it (further down, older happenings and the suspect's record)."""
    first = next(t for t in times if isinstance(t, dict) and t.get("start") == reporting[0][0])
    sentence_start, sentence_end = _sentence(first)
    if _has(first, "follow-up"):
        return min(day for start, day in reporting if start < sentence_start + FOLLOW_UP_REACH)
    return min(day for start, day in reporting if sentence_start <= start < sentence_end)


def _day_of(time: dict, published: int | None) -> int:
    day = parse_day(time["value"])
    overnight = _has(time, "overnight") and "TNI" in str(time.get("value"))
    return day + 1 if overnight and (published is None or day < published) else day


def _in_the_past(time: Any, published: int | None) -> Any:
    """A bare weekday the tagger put in the days after publication ("killed on Sunday") moved a week back:
    news reports what happened."""
    if not isinstance(time, dict) or published is None or _has(time, "explicit-date"):
        return time
    day, value = parse_day(time.get("value")), str(time.get("value"))
    if day is None or not published < day <= published + 7 or not _has(time, "weekday"):
        return time
    return time | {"value": date.fromordinal(day - 7).isoformat() + value[10:]}


def _dates_happening(time: dict) -> bool:
    """The time dates the happening: its sentence reports it, is not about what came after (a court date, a
    funeral), and the time does not date a statement about it ("police said Friday")."""
    return _has(time, "reports") and not _has(time, "aside") and not _has(time, "statement")


def _usable_time(time: Any, published: int | None, days_before: int = 14) -> bool:
    if not isinstance(time, dict) or time.get("type") not in ("DATE", "TIME"):
        return False
    day, start = parse_day(time.get("value")), time.get("start")
    if not day or not isinstance(start, int) or start >= LEAD_CHARS or not _plausible(day, published, days_before):
        return False
    return not _has(time, "stamp")


def _event_dates(record: dict) -> list[int]:
    """Dates the record's asserted events of violence carry, less the publication date an event without a
    time expression falls back on."""
    days = []
    for event in record.get("events") or []:
        if isinstance(event, dict) and event.get("status") in ASSERTED and event.get("type") in TYPE_FAMILIES:
            day = parse_day(event.get("date"))
            if day and (event.get("time") is not None or day != parse_day(record.get("published"))):
                days.append(day)
    return days


def _plausible(day: int, published: int | None, days_before: int = 14) -> bool:
    return published is None or published - days_before <= day <= published


def _cue_day(record: dict, published: int, headline_only: bool) -> int | None:
    """The day the first weekday or "yesterday" of the headline (and, unless ``headline_only``, the lead)
    names, resolved against publication."""
    cues = record.get("day_cues")
    if not isinstance(cues, list):
        boilerplate = [(b["start"], b["end"]) for b in record.get("boilerplate") or []
                       if isinstance(b, dict) and isinstance(b.get("start"), int) and isinstance(b.get("end"), int)]
        cues = [{"kind": c.kind, "where": c.where, "text": c.text}
                for c in day_cues(str(record.get("title") or ""), record.get("text") or "", boilerplate)]
    cues = [c for c in cues if isinstance(c, dict) and (c.get("where") == "title" or not headline_only)]
    first = next((c for c in cues if c.get("kind") in ("weekday", "yesterday")), None)
    if first is None:
        return None
    if first["kind"] == "yesterday":
        return published - 1
    return weekday_before(str(first.get("text") or ""), published)


def weekday_before(name: str, published: int) -> int | None:
    """The latest day named ``name`` (a weekday) on or before publication."""
    lowered = name.strip().lower()
    if lowered not in WEEKDAYS:
        return None
    published_weekday = date.fromordinal(published).weekday()
    return published - ((published_weekday - WEEKDAYS.index(lowered)) % 7)
