"""What linking knows about one document, computed once when it is stored.

Everything here is read from the SPEC §2 record: events (type, date, place, killed, injured), figures,
times, places, entities; the title and text give the names that tie reports of one happening together
("Edwards Street", "Rocky Mount", a victim's name) when the extraction found no entities.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from eventwire.link.casualties import casualty_counts
from eventwire.link.junk import is_junk, is_junk_title

# PLOVER types grouped by what kind of happening they report; an incident never mixes families.
TYPE_FAMILIES = {
    "ASSAULT": "violence", "COERCE": "violence", "THREATEN": "violence",
    "PROTEST": "protest", "MOBILIZE": "protest",
    "AID": "aid", "SUPPORT": "aid", "COOPERATE": "aid",
    "AGREE": "talks", "CONSULT": "talks", "CONCEDE": "talks", "RETREAT": "talks", "REQUEST": "talks",
    "ACCUSE": "words", "REJECT": "words", "SANCTION": "words",
}
ASSERTED = {"asserted", "claimed", None}

_NAME = re.compile(r"\b[A-Z][\w'’\-]*\.?(?:[ \t]+(?:(?:of|de|la|del|van|von|der|da|al)[ \t]+)?[A-Z][\w'’\-]*\.?)*")
_NUMBERED_STREET = re.compile(r"\b(\d{2,5})\s+(?:block\s+of\s+)?((?:[A-Z][\w'’]*\s?){1,3})")
# capitalised words that say nothing about which happening it is
_COMMON_WORDS = """
    the a an and but or if in on at by for from to of with after before as this that these those it its he she
    they we i you his her their our police officers officer authorities sheriff deputies deputy department
    county city state news police's said says according monday tuesday wednesday thursday friday saturday
    sunday january february march april may june july august september october november december jan feb mar
    apr jun jul aug sep sept oct nov dec mr mrs ms dr st ave rd street road avenue update updated posted
    copyright rights reserved associated press ap reuters video photo click read more share email facebook
    twitter comments advertisement home local crime man woman boy girl teen one two three four five six seven
    eight nine ten when where while there here what who why how no not all some many several first second last
    next new old tonight today yesterday morning night evening afternoon weekend week year
    """
_COMMON = frozenset(_COMMON_WORDS.split())
_STOP = """
    about above after again against also although among another because been before being below between both
    could does doing down during each every from further have having here hers herself himself into itself just
    more most myself once only other ought ours ourselves over same should some such than that their theirs them
    themselves then there these they this those through under until very were what when where which while whom
    will with would your yours yourself said says told according also still just like since
    """
_STOP_WORDS = frozenset(_STOP.split())
MAX_KEYS = 500
MAX_KEY_CHARS = 200  # the width of link_keys.key
PROSE_CHARS = 3000
PROSE_MIN_WORDS = 12
_TITLE_SEPARATOR = re.compile(r"\s(?:[|–—•»]|-|::)\s")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
_YESTERDAY = re.compile(r"\b(yesterday|last night|overnight)\b", re.IGNORECASE)


def document_features(record: dict) -> dict[str, Any]:
    """The linking features of a record: junk flag, date (ordinal day), type family, names, counts, place."""
    text = record.get("text") or ""
    body = _without_boilerplate(text, record.get("boilerplate"))
    junk = is_junk(body)
    published = parse_day(record.get("published"))
    day, day_source = incident_day(record, body if not junk else "", published)
    places = place_names(record)
    title = headline(record.get("title") or "")
    keys = name_keys(title, places)
    if junk:  # the headline over a cookie wall or an empty body is all there is to link by
        keys = [] if is_junk_title(title) else keys + word_keys(title) + age_keys(title)
    else:
        lead = prose(body, PROSE_CHARS)
        keys += name_keys(lead, places)
        keys += word_keys(title + "\n" + lead)
        keys += age_keys(lead)
    events = [e for e in record.get("events") or [] if isinstance(e, dict) and e.get("status") in ASSERTED]
    families = sorted({TYPE_FAMILIES[e["type"]] for e in events if e.get("type") in TYPE_FAMILIES})
    main_type = next((e["type"] for e in events if e.get("type") in TYPE_FAMILIES), None)
    counts = casualty_counts(record)
    return {
        "junk": junk and not keys,  # a junk page with a telling title still links by its title
        "headline_only": junk,
        "site": site_of(record.get("url")),
        "day": day,
        "day_source": day_source,
        "published": published,
        "families": families,
        "type": main_type,
        "keys": list(dict.fromkeys(key[:MAX_KEY_CHARS] for key in keys))[:MAX_KEYS],
        "killed": counts.get("killed"),
        "injured": counts.get("injured"),
        "place": main_place(record),
    }


def site_of(url: Any) -> str | None:
    """The outlet a page comes from: its host name without "www.", looking through web.archive.org copies."""
    if not isinstance(url, str) or not url:
        return None
    parts = urlsplit(url if "://" in url else "http://" + url)
    if parts.netloc.lower().endswith("archive.org") and parts.path.startswith("/web/") and parts.path.count("/") >= 3:
        inner = parts.path.split("/", 3)[3]
        parts = urlsplit(inner if "://" in inner else "http://" + inner)
    host = parts.netloc.lower().rsplit("@", 1)[-1].split(":")[0]
    return host.removeprefix("www.") or None


def _without_boilerplate(text: str, spans: Any) -> str:
    if not isinstance(spans, list) or not spans:
        return text
    keep, cursor = [], 0
    for span in sorted((s for s in spans if isinstance(s, dict)), key=lambda s: s.get("start", 0)):
        start, end = span.get("start"), span.get("end")
        if isinstance(start, int) and isinstance(end, int) and cursor <= start <= end:
            keep.append(text[cursor:start])
            cursor = end
    keep.append(text[cursor:])
    return "\n".join(keep)


def headline(title: str) -> str:
    """The title without the site name that pages append or prepend ("… - WXYZ Action News | City")."""
    parts = [part for part in _TITLE_SEPARATOR.split(title) if part.strip()]
    return max(parts, key=len) if parts else ""


# lines that name the outlet, its reporters and photographers: shared by its reports of unrelated happenings
CREDIT_LINE_CHARS = 160
_CREDIT_LINE = re.compile(r"\b(?:contact|follow (?:him|her|us)|photo|caption|getty|images|staff writer|reporter|"
                          r"refresh|watch|download|app|newsletter|e-?mail|twitter)\b|@|©", re.IGNORECASE)
# "RIVERTON, Va. (WXYZ) —": a station's call sign in a dateline; "said Officer Jo Vane, a police spokeswoman"
_OUTLET_NAMES = re.compile(r"\([A-Z0-9][\w .&-]{1,20}\)(?=\s*[—–-])|"
                           r"\b[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,3}(?=,\s(?:an?|the)\s[\w\s]{0,30}spokes(?:wo)?(?:man|person))")


def prose(text: str, limit: int) -> str:
    """The first ``limit`` characters of lines that read as sentences, skipping menus, bylines, link lists."""
    kept, size = [], 0
    for line in text.splitlines():
        words = line.split()
        if _CREDIT_LINE.search(line) and len(line) < CREDIT_LINE_CHARS:
            continue
        if len(words) >= PROSE_MIN_WORDS or (len(words) >= 6 and line.rstrip().endswith((".", '"', "”"))):
            kept.append(_OUTLET_NAMES.sub(" ", line))
            size += len(line)
            if size >= limit:
                break
    return "\n".join(kept)[:limit]


def name_keys(text: str, places: frozenset[str] = frozenset()) -> list[str]:
    """Proper names in ``text`` as keys, in order: ``p:`` a place the record resolved (one key, as a town says
    little), ``n:`` other whole names of two or more words, ``w:`` their distinctive words, ``a:`` numbered
    street addresses."""
    keys: list[str] = []
    for match in _NAME.finditer(text):
        words = [w.strip(".'’").lower() for w in match.group(0).split()]
        words = [w for w in words if w and w not in _COMMON and not w.isdigit()]
        if not words:
            continue
        if " ".join(words) in places:
            keys.append("p:" + " ".join(words))
        elif len(words) >= 2:
            keys.append("n:" + " ".join(words))
        keys.extend("w:" + w for w in words if len(w) > 2)
    for number, street in _NUMBERED_STREET.findall(text):
        street_words = [w.lower() for w in street.split() if w.lower() not in _COMMON]
        if street_words:
            keys.append(f"a:{number} {' '.join(street_words)}")
    return keys


def place_names(record: dict) -> frozenset[str]:
    """The record's places as name keys compare them: lower case, common words out."""
    names = set()
    for place in record.get("places") or []:
        if isinstance(place, dict):
            for name in (place.get("name"), place.get("text")):
                words = [w.strip(".'’").lower() for w in str(name or "").split()]
                words = [w for w in words if w and w not in _COMMON]
                if words:
                    names.add(" ".join(words))
    return frozenset(names)


_WORDS = re.compile(r"(?<![\w'’\-])[a-z][a-z'’\-]{3,}")


def word_keys(text: str) -> list[str]:
    """Lower-case content words (``t:``): what happened and where ("basketball", "vigil", "carjacking")."""
    return ["t:" + w for w in _WORDS.findall(text) if w not in _STOP_WORDS]


_NUMBER_WORDS = """
    zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen
    eighteen nineteen
    """
_AGE_WORDS = {word: str(n) for n, word in enumerate(_NUMBER_WORDS.split()) if n}
_AGE = re.compile(r"(?i:\b(\d{1,3}|" + "|".join(_AGE_WORDS) + r")[- ]years?[- ]old\b)|\b[A-Z][\w'’\-]+,\s(\d{1,3}),")


def age_keys(text: str) -> list[str]:
    """Ages of the people in the report (``g:16``): "a 16-year-old", "a four-year-old", "Jon Vale, 16,"."""
    return [f"g:{_AGE_WORDS.get(a.lower(), a) or b}" for a, b in _AGE.findall(text)]


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
_HARM = re.compile(r"\b(?:shot|shoot|shooting|shootings|killed|wounded|gunfire|gunman|slain|fired|gunshot|injured|"
                   r"murder(?:ed)?|homicide|dead|death|stabbed|attack(?:ed)?|bomb(?:ing)?|explosion|clashe?s?|died|struck|striking|"
                   r"(?:hand)?gun|firearm|rifle|pistol|shotgun|discharged|went off|bullets?|wounds?|"
                   r"(?:incident|it|this|shooting) (?:happened|occurred))\b",
                   re.IGNORECASE)
# a sentence about what came after the happening: a court date, a funeral, a vigil, a press conference
_ASIDE = re.compile(r"\b(?:court|arraign(?:ed|ment)?|hearing|funeral|vigil|memorial|sentenced|indicted|trial|"
                    r"bond|bail|pleaded|plea|jury|scheduled|planning|plans to|news conference|press conference|"
                    r"prayer service|gathered to)\b", re.IGNORECASE)
# a lead about what came after the happening: the happening's own day is named further down
_FOLLOW_UP = re.compile(r"\b(?:arrest(?:ed|s)?|charge[sd]?|identif(?:ied|ies)|indicted|indictment|booked|custody|"
                        r"announced|released|named|died|dies|pronounced dead|succumbed|suspects?|guilty|convicted|"
                        r"sentenc(?:ed|ing)|trial|hearings?|court|pleaded|pleads?|arraign(?:ed|ment)|accused|faces|"
                        r"facing|jury)\b", re.IGNORECASE)
_STATEMENT = r"(?:said|says|announced|reported|told|confirmed|identified|stated|released|revealed)"
_STATEMENT_BEFORE = re.compile(rf"\b{_STATEMENT}\s+(?:on\s+)?$", re.IGNORECASE)
# "police said Friday", "Friday, police said", "On Friday, Sheriff Ana Vey said"
_SPEAKER = r"(?:[A-Z][\w.'’-]*|police|officials|authorities|investigators|detectives|deputies|prosecutors)"
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
_ABBREVIATION_WORDS = """
    mr mrs ms dr st jr sr lt sgt det gov sen rep inc co no ave blvd rd mt ft capt cpl col gen
    jan feb mar apr jun jul aug sep sept oct nov dec
    """
_ABBREVIATIONS = frozenset(_ABBREVIATION_WORDS.split())


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


def main_place(record: dict) -> dict | None:
    """The place of the main event, else the first place with coordinates, else the first place."""
    places = [p for p in record.get("places") or [] if isinstance(p, dict)]
    if not places:
        return None
    chosen = None
    for event in record.get("events") or []:
        index = event.get("place") if isinstance(event, dict) else None
        if isinstance(index, int) and not isinstance(index, bool) and 0 <= index < len(places):
            chosen = places[index]
            break
    chosen = chosen or next((p for p in places if p.get("lat") is not None), places[0])
    return {key: chosen.get(key) for key in ("name", "admin1", "country", "lat", "lon")} | {
        "name": chosen.get("name") or chosen.get("text")}


def document_claims(record: dict) -> list[dict]:
    """Every killed / injured / date figure the document reports, with claimant and evidence span."""
    claims = []
    names = {e.get("id"): e.get("name") for e in record.get("entities") or [] if isinstance(e, dict)}
    for figure in record.get("figures") or []:
        if not isinstance(figure, dict) or figure.get("category") not in ("killed", "injured"):
            continue
        quantity = figure.get("quantity") if isinstance(figure.get("quantity"), dict) else {}
        value = quantity.get("value")
        if value is None:
            value = {"low": quantity.get("low"), "high": quantity.get("high")}
        claims.append(_claim(figure["category"], value, names.get(figure.get("claimant")),
                             figure.get("start"), figure.get("end")))
    for event in record.get("events") or []:
        if not isinstance(event, dict) or event.get("status") not in ASSERTED:
            continue
        evidence = event.get("evidence") if isinstance(event.get("evidence"), dict) else {}
        for field in ("killed", "injured"):
            if isinstance(event.get(field), int) and not isinstance(event.get(field), bool):
                claims.append(_claim(field, event[field], names.get(event.get("source")),
                                     evidence.get("start"), evidence.get("end")))
    return claims


def _claim(field: str, value: Any, claimant: Any, start: Any, end: Any) -> dict:
    import orjson

    return {"field": field, "value": orjson.dumps(value).decode(),
            "claimant": str(claimant) if claimant else None,
            "evidence_start": start if isinstance(start, int) else None,
            "evidence_end": end if isinstance(end, int) else None}


def day_string(day: int | None) -> str | None:
    return date.fromordinal(day).isoformat() if day else None
