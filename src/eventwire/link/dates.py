"""The day a report's happening took place, read from its time expressions and the sentences around them.

A time expression is a record (``times``); whether it dates the happening depends on its sentence: one that
reports harm or holds an asserted event's trigger dates it, one about what came after (a court date, a
funeral) or a statement ("officials said Friday") does not. The words that tell these apart are data files
in eventwire/lexicons (``link_*.txt``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

from eventwire.lexicons import lines, rows

ASSERTED = {"asserted", "claimed", None}
TYPE_FAMILIES = {plover: family for plover, family, *_ in rows("link_type_families.tsv")}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
_YESTERDAY = re.compile(r"\b(yesterday|last night|overnight)\b", re.IGNORECASE)


def _alternation(name: str) -> str:
    """A lexicon's entries as one regex alternation, longest first, spaces matching any white space."""
    entries = sorted(lines(name), key=len, reverse=True)
    return "|".join(re.escape(entry).replace("\\ ", r"\s+") for entry in entries)


def headline(title: str) -> str:
    """The title without the site name that pages append or prepend ("… - WXYZ Action News | City")."""
    parts = [part for part in _TITLE_SEPARATOR.split(title) if part.strip()]
    return max(parts, key=len) if parts else ""


_TITLE_SEPARATOR = re.compile(r"\s(?:[|–—•»]|-|::)\s")


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
    text = record.get("text") or ""
    all_times = [_in_the_past(t, published) for t in record.get("times") or []]
    times = [t for t in all_times if _usable_time(t, text, published) and _NAMES_A_DAY.search(str(t.get("text") or ""))
             and not _ANAPHORIC.search(str(t.get("text") or ""))]
    triggers = _event_triggers(record)
    reporting = [(t["start"], _day_of(t, published)) for t in times if _dates_happening(text, t, triggers)]
    # a follow-up (an arrest, a death in hospital, a trial) names the day of the happening outright
    older = [t for t in all_times if _usable_time(t, text, published, FOLLOW_UP_DAYS)
             and _EXPLICIT_DATE.search(str(t.get("text") or ""))]
    # ... even in a sentence about the trial or the arrest: "pleaded guilty in the Jan. 1 shooting"
    reporting += [(t["start"], parse_day(t["value"])) for t in older
                  if _reports_happening(text, _sentence_bounds(text, t["start"]), triggers)
                  and not _dates_a_statement(text, t)]
    # a bare weekday the tagger put nearly a week back is more likely a day after the publication stamp
    recent = [day for _, day in reporting if published is None or day >= published - STALE_WEEKDAY_DAYS]
    weekdays = {parse_day(t["value"]) for t in times if not _EXPLICIT_DATE.search(str(t.get("text") or ""))
                and not _LAST_WEEKDAY.match(str(t.get("text") or ""))}
    if recent:
        reporting = [(start, day) for start, day in reporting if day in recent or day not in weekdays]
    if reporting:
        return _lead_day(text, sorted(reporting)), "event"
    relative = [t for t in times if _RELATIVE.search(str(t.get("text") or "")) and not _dates_a_statement(text, t)]
    # an event's own date is most often the publication day the tagger fell back on: a day named in the lead
    # ("It happened Monday night") says more
    dated = [day for day in _event_dates(record) if _plausible(day, published)]
    if dated and (min(dated) != published or not relative):
        return min(dated), "event"
    if relative or times:
        return min(parse_day(t["value"]) for t in relative or times), "time"
    if published:
        # "Police name victim of Sunday's shooting": a headline names the day even over a cookie wall
        day = weekday_before(headline(str(record.get("title") or "")) + "\n" + body[:1500], published)
        if day:
            return day, "weekday"
    return published, "published" if published else None


LEAD_CHARS = 3000
FOLLOW_UP_REACH = 1000  # how far past a follow-up's lead the original happening is looked for
FOLLOW_UP_DAYS = 1000
STALE_WEEKDAY_DAYS = 4
_LAST_WEEKDAY = re.compile(r"last\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)", re.IGNORECASE)
# "that night", "the next day": a day only the surrounding story fixes, which a tagger resolves poorly
_ANAPHORIC = re.compile(r"\b(?:that|the next|the following|the previous|same)\s+"
                        r"(?:day|night|morning|afternoon|evening)\b", re.IGNORECASE)
# "at 3:30 p.m." alone names no day (a tagger resolves it to the publication day): it does not date anything
_NAMES_A_DAY = re.compile(r"day|(?<!mid)night|morning|evening|afternoon|tonight|yesterday|jan|feb|mar|apr|may|jun|"
                          r"jul|aug|sep|oct|nov|dec|\d{1,2}/\d{1,2}|\d{4}-\d{2}", re.IGNORECASE)
# "shot overnight" is most often a shooting after midnight, on the morning's day (a tagger gives the night's)
_OVERNIGHT = re.compile(r"\bovernight\b", re.IGNORECASE)
_EXPLICIT_DATE = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+"
                            r"\d{1,2}(?:st|nd|rd|th)?\b|\d{1,2}/\d{1,2}", re.IGNORECASE)
_RELATIVE = re.compile(r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|last night|overnight|"
                       r"tonight|today|this morning|earlier", re.IGNORECASE)
_HARM = re.compile(rf"\b(?:{_alternation('link_harm_words.txt')}|"
                   r"(?:incident|it|this|shooting) (?:happened|occurred))\b", re.IGNORECASE)
# a sentence about what came after the happening: a court date, a funeral, a vigil, a press conference
_ASIDE = re.compile(rf"\b(?:{_alternation('link_aside_words.txt')})\b", re.IGNORECASE)
# a lead about what came after the happening: the happening's own day is named further down
_FOLLOW_UP = re.compile(rf"\b(?:{_alternation('link_follow_up_words.txt')})\b", re.IGNORECASE)
_STATEMENT = rf"(?:{_alternation('link_statement_verbs.txt')})"
_STATEMENT_BEFORE = re.compile(rf"\b{_STATEMENT}\s+(?:on\s+)?$", re.IGNORECASE)
# "police said Friday", "Friday, police said", "On Friday, Sheriff Ana Vey said"
_SPEAKER = rf"(?:[A-Z][\w.'’-]*|{_alternation('link_speakers.txt')})"
_STATEMENT_AFTER = re.compile(rf"\s*,?\s*{_STATEMENT}\b", re.IGNORECASE)
_SENTENCE_OPENING = re.compile(r"(?:^|[.\n]\s*)(?:On\s+)?$")
_SPEAKER_SAID = re.compile(rf",\s*(?:{_SPEAKER}\s+){{1,6}}{_STATEMENT}\b")
_DATELINE_AFTER = re.compile(r"\)\s*[—–-]")  # "RIVERTON, Va. (March 3, 2016) — A boy was shot ..."
_TWEET_STAMP = re.compile(r"\(@\w+\)\s*$")  # "— A. Reporter (@areporter) March 3, 2016"
_STAMP = re.compile(r"(?:posted|updated|published|modified|copyright)\W{0,3}(?:on\W)?$", re.IGNORECASE)


def _lead_day(text: str, reporting: list[tuple[int, int]]) -> int:
    """The happening's day among the days named in sentences that report it, in text order.

    The first such sentence reports the happening itself ("was in critical condition Tuesday after he was
    shot Monday"): the earliest day it names. A day named further down is more often another happening ("on
    May 3 a man was killed nearby") or what came after. A lead about what came after (an arrest, charges, a
    death in hospital) names the happening's day soon after: then the earliest within ``FOLLOW_UP_REACH``
    characters of it (further down, older happenings and the suspect's record)."""
    sentence_start, sentence_end = _sentence_bounds(text, reporting[0][0])
    if _FOLLOW_UP.search(text, sentence_start, sentence_end):
        return min(day for start, day in reporting if start < sentence_start + FOLLOW_UP_REACH)
    return min(day for start, day in reporting if sentence_start <= start < sentence_end)


def _day_of(time: dict, published: int | None) -> int:
    day = parse_day(time["value"])
    overnight = _OVERNIGHT.search(str(time.get("text") or "")) and "TNI" in str(time.get("value"))
    return day + 1 if overnight and (published is None or day < published) else day


def _in_the_past(time: Any, published: int | None) -> Any:
    """A bare weekday the tagger put in the days after publication ("killed on Sunday") moved a week back:
    news reports what happened."""
    if not isinstance(time, dict) or published is None or _EXPLICIT_DATE.search(str(time.get("text") or "")):
        return time
    day, value = parse_day(time.get("value")), str(time.get("value"))
    if day is None or not published < day <= published + 7 or not _WEEKDAY.search(str(time.get("text") or "")):
        return time
    return time | {"value": date.fromordinal(day - 7).isoformat() + value[10:]}


def _dates_happening(text: str, time: dict, triggers: list[int]) -> bool:
    """The time dates the happening: its sentence reports it, is not about what came after (a court date, a
    funeral), and the time does not date a statement about it ("police said Friday")."""
    sentence = _sentence_bounds(text, time["start"])
    if not _reports_happening(text, sentence, triggers) or _ASIDE.search(text, *sentence):
        return False
    return not _dates_a_statement(text, time)


def _dates_a_statement(text: str, time: dict) -> bool:
    """The time says when something was said or announced: "police said Friday", "on Monday identified"."""
    start, end = time["start"], time.get("end", time["start"])
    before, after = text[max(0, start - 30) : start], text[end : end + 25]
    opening = bool(_SENTENCE_OPENING.search(text[max(0, start - 6) : start]))
    return bool(_STATEMENT_BEFORE.search(before) or _STATEMENT_AFTER.match(after)
                or opening and _SPEAKER_SAID.match(text, end, end + 80))


def _usable_time(time: Any, text: str, published: int | None, days_before: int = 14) -> bool:
    if not isinstance(time, dict) or time.get("type") not in ("DATE", "TIME"):
        return False
    day, start = parse_day(time.get("value")), time.get("start")
    if not day or not isinstance(start, int) or start >= LEAD_CHARS or not _plausible(day, published, days_before):
        return False
    return not _stamped(text, time)


def _stamped(text: str, time: dict) -> bool:
    """The time stamps the page, a dateline or an embedded post rather than telling when anything happened."""
    start = time["start"]
    end = time.get("end") if isinstance(time.get("end"), int) else start
    dateline = text[start - 1 : start] == "(" and bool(_DATELINE_AFTER.match(text, end))
    return (dateline or bool(_STAMP.search(text[max(0, start - 25) : start]))
            or bool(_TWEET_STAMP.search(text[max(0, start - 40) : start])))


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


def _event_triggers(record: dict) -> list[int]:
    return [e["trigger"]["start"] for e in record.get("events") or []
            if isinstance(e, dict) and e.get("status") in ASSERTED and TYPE_FAMILIES.get(e.get("type")) == "violence"
            and isinstance(e.get("trigger"), dict) and isinstance(e["trigger"].get("start"), int)]


def _reports_happening(text: str, sentence: tuple[int, int], triggers: list[int]) -> bool:
    start, end = sentence
    return any(start <= t < end for t in triggers) or bool(_HARM.search(text, start, end))


SENTENCE_REACH = 400
_STOP_MARK = re.compile(r"([\w.]*)[.!?][\"”’')]*(?=\s)|\n")
# a full stop after these closes an abbreviation, not a sentence: "6 p.m. Monday", "Sept. 27", "St. Louis"
_ABBREVIATIONS = frozenset(lines("link_abbreviations.txt"))


def _sentence_ends(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    for match in _STOP_MARK.finditer(text, start, end):
        word = (match.group(1) or "").lower()
        if match.group(0) == "\n" or not (word in _ABBREVIATIONS or len(word) == 1 or "." in word):
            yield match


def _sentence_bounds(text: str, position: int) -> tuple[int, int]:
    """The sentence around ``position`` (searched no further than ``SENTENCE_REACH`` characters either way)."""
    start = max(0, position - SENTENCE_REACH)
    for match in _sentence_ends(text, start, position):
        start = match.end()
    following = next(_sentence_ends(text, position, position + SENTENCE_REACH), None)
    return start, following.end() if following else min(len(text), position + SENTENCE_REACH)


def _plausible(day: int, published: int | None, days_before: int = 14) -> bool:
    return published is None or published - days_before <= day <= published


def weekday_before(text: str, published: int) -> int | None:
    """The first weekday or "yesterday" in ``text`` resolved to the latest such day on or before publication."""
    weekday = _WEEKDAY.search(text)
    yesterday = _YESTERDAY.search(text)
    if yesterday and (not weekday or yesterday.start() < weekday.start()):
        return published - 1
    if not weekday:
        return None
    target = WEEKDAYS.index(weekday.group(1).lower())
    published_weekday = date.fromordinal(published).weekday()
    return published - ((published_weekday - target) % 7)


