"""Dating: what each time expression's words and sentence say about the day of the reported happening, so
that linking can date the happening from the records alone (eventwire.link.dates).

Each time gets a ``context``: its sentence's bounds and flags. From the sentence: ``reports`` (it holds the
trigger of an asserted event of violence, a word of harm such as "shot" or "killed", or says when "the
incident occurred"), ``aside`` (it is about what came after: a court date, a funeral, a vigil), ``follow-up``
(it leads with an arrest, charges, a death in hospital); from the words around the time: ``statement`` (it
says when something was said: "police said Friday", "Friday, police said"), ``stamp`` (it stamps the page, a
dateline or an embedded post: "Posted: March 3"); from the time's own words: ``names-day``, ``explicit-date``
("June 21", "6/21"), ``relative`` ("Friday", "last night"), ``anaphoric`` ("that night"), ``last-weekday``,
``overnight``, ``weekday``. Besides, ``day_cues`` keeps the first weekday and the first "yesterday" of the
headline and of the lead, for a report whose times date nothing.

The words are data (``dating_words.tsv`` and the ``link_*`` lists in eventwire/lexicons).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from eventwire.extract.base import ASSERTED, Found, Parsed, field_of, step
from eventwire.lexicons import lines, rows
from eventwire.records import DayCue, TimeContext

TYPE_FAMILIES = {plover: family for plover, family, *_ in rows("link_type_families.tsv")}
CUE_CHARS = 1500  # how far into the text (less boilerplate) a weekday cue is looked for
SENTENCE_REACH = 400
FLAGS = ("reports", "aside", "follow-up", "statement", "stamp", "names-day", "explicit-date", "relative",
         "anaphoric", "last-weekday", "overnight", "weekday")


def _alt(*entries: str) -> str:
    ordered = sorted(set(entries), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(e).replace("\\ ", r"\s+") for e in ordered) + ")"


def _words(kind: str) -> tuple[str, ...]:
    return tuple(phrase for cls, phrase, *_ in rows("dating_words.tsv") if cls == kind)


def _lexicon(name: str) -> str:
    return _alt(*lines(name))


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    i = re.IGNORECASE
    weekday, month = _alt(*_words("weekday")), _alt(*_words("month"))
    statement = rf"(?:{_lexicon('link_statement_verbs.txt')})"
    speaker = rf"(?:[A-Z][\w.'’-]*|{_lexicon('link_speakers.txt')})"
    return {
        "names-day": re.compile(rf"{_alt(*_words('day_part'))}|(?<!{_alt(*_words('not_before_night'))})"
                                rf"{_alt(*_words('night'))}|{month}|\d{{1,2}}/\d{{1,2}}|\d{{4}}-\d{{2}}", i),
        "explicit-date": re.compile(rf"\b{month}[a-z]*\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\d{{1,2}}/\d{{1,2}}", i),
        "relative": re.compile(rf"{weekday}|{_alt(*_words('relative'))}", i),
        "anaphoric": re.compile(rf"\b{_alt(*_words('anaphoric'))}\s+{_alt(*_words('anaphoric_part'))}\b", i),
        "last-weekday": re.compile(rf"{_alt(*_words('last'))}\s+{weekday}", i),
        "overnight": re.compile(rf"\b{_alt(*_words('overnight'))}\b", i),
        "weekday": re.compile(rf"\b({weekday})\b", i),
        "yesterday": re.compile(rf"\b({_alt(*_words('yesterday'))})\b", i),
        "harm": re.compile(rf"\b(?:{_lexicon('link_harm_words.txt')}|{_alt(*_words('occurred_subject'))} "
                           rf"{_alt(*_words('occurred_verb'))})\b", i),
        "aside": re.compile(rf"\b{_lexicon('link_aside_words.txt')}\b", i),
        "follow-up": re.compile(rf"\b{_lexicon('link_follow_up_words.txt')}\b", i),
        "statement-before": re.compile(rf"\b{statement}\s+(?:on\s+)?$", i),
        "statement-after": re.compile(rf"\s*,?\s*{statement}\b", i),
        "opening": re.compile(r"(?:^|[.\n]\s*)(?:On\s+)?$"),
        "speaker-said": re.compile(rf",\s*(?:{speaker}\s+){{1,6}}{statement}\b"),
        "dateline-after": re.compile(r"\)\s*[—–-]"),  # "RIVERTON, Va. (March 3, 2016) — A boy was shot ..."
        "tweet-stamp": re.compile(r"\(@\w+\)\s*$"),  # "— A. Reporter (@areporter) March 3, 2016"
        "stamp": re.compile(rf"{_alt(*_words('stamp'))}\W{{0,3}}(?:on\W)?$", i),
        "stop": re.compile(r"([\w.]*)[.!?][\"”’')]*(?=\s)|\n"),
        "title-separator": re.compile(r"\s(?:[|–—•»]|-|::)\s"),
    }


def headline(title: str) -> str:
    """The title without the site name that pages append or prepend ("… - WXYZ Action News | City")."""
    parts = [part for part in _patterns()["title-separator"].split(title) if part.strip()]
    return max(parts, key=len) if parts else ""


def word_flags(words: str) -> list[str]:
    """The flags a time expression's own words carry ("Sept. 14": names-day, explicit-date)."""
    p = _patterns()
    flags = [f for f in ("names-day", "explicit-date", "relative", "anaphoric", "overnight", "weekday")
             if p[f].search(words)]
    return flags + (["last-weekday"] if p["last-weekday"].match(words) else [])


def time_context(text: str, time: Any, triggers: list[int]) -> TimeContext:
    """The context of one time expression of ``text`` (see the module's docstring)."""
    p = _patterns()
    start = field_of(time, "start")
    end = field_of(time, "end") if isinstance(field_of(time, "end"), int) else start
    sentence_start, sentence_end = sentence_bounds(text, start)
    flags = word_flags(str(field_of(time, "text") or ""))
    if any(sentence_start <= t < sentence_end for t in triggers) or p["harm"].search(text, sentence_start,
                                                                                      sentence_end):
        flags.append("reports")
    flags += [f for f in ("aside", "follow-up") if p[f].search(text, sentence_start, sentence_end)]
    if _dates_a_statement(text, start, end):
        flags.append("statement")
    if _stamped(text, start, end):
        flags.append("stamp")
    return TimeContext([sentence_start, sentence_end], sorted(flags, key=FLAGS.index))


def _dates_a_statement(text: str, start: int, end: int) -> bool:
    """The time says when something was said or announced: "police said Friday", "on Monday identified"."""
    p = _patterns()
    before, after = text[max(0, start - 30) : start], text[end : end + 25]
    opening = bool(p["opening"].search(text[max(0, start - 6) : start]))
    said_after = p["statement-after"].match(after)
    if said_after and "," in said_after.group(0) and _inverted_speaker(text, end + said_after.end()):
        said_after = None  # "… at 1 a.m. Sunday, said Officer Dana Pike": the time is in what was said
    return bool(p["statement-before"].search(before) or said_after
                or opening and p["speaker-said"].match(text, end, end + 80))


INVERTED_SPEAKER_WORDS = 8


def _inverted_speaker(text: str, start: int) -> bool:
    """The words after a verb of saying, up to the next comma or full stop, name who spoke ("said Lt. Ray Ames
    of the sheriff's office", "said police"): capitalised words, speakers' nouns and the small words that join
    them (``speaker_word`` in dating_words.tsv), and no more than a title and a name would take. What was
    said ("said officers found two men") has words of another kind."""
    clause = re.split(r"[,;:.!?\n\"“”(]", text[start : start + 120], maxsplit=1)[0]
    found = clause.split()
    speakers = _speaker_words()
    return 0 < len(found) <= INVERTED_SPEAKER_WORDS and all(w[:1].isupper() or w.lower() in speakers for w in found)


@cache
def _speaker_words() -> frozenset[str]:
    return frozenset(w.lower() for w in (*lines("link_speakers.txt"), *_words("speaker_word")))


def _stamped(text: str, start: int, end: int) -> bool:
    p = _patterns()
    dateline = text[start - 1 : start] == "(" and bool(p["dateline-after"].match(text, end))
    return (dateline or bool(p["stamp"].search(text[max(0, start - 25) : start]))
            or bool(p["tweet-stamp"].search(text[max(0, start - 40) : start])))


def _sentence_ends(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    abbreviations = frozenset(lines("link_abbreviations.txt"))
    for match in _patterns()["stop"].finditer(text, start, end):
        word = (match.group(1) or "").lower()
        if match.group(0) == "\n" or not (word in abbreviations or len(word) == 1 or "." in word):
            yield match


def sentence_bounds(text: str, position: int) -> tuple[int, int]:
    """The sentence around ``position`` (searched no further than ``SENTENCE_REACH`` characters either way); a
    full stop after an abbreviation ("6 p.m. Monday", "Sept. 27", ``link_abbreviations.txt``) ends none."""
    start = max(0, position - SENTENCE_REACH)
    for match in _sentence_ends(text, start, position):
        start = match.end()
    following = next(_sentence_ends(text, position, position + SENTENCE_REACH), None)
    return start, following.end() if following else min(len(text), position + SENTENCE_REACH)


def violence_triggers(events: list[Any]) -> list[int]:
    """Where the triggers of the asserted events of violence start."""
    out = []
    for event in events:
        trigger = field_of(event, "trigger")
        if (field_of(event, "status") in ASSERTED and TYPE_FAMILIES.get(field_of(event, "type")) == "violence"
                and isinstance(field_of(trigger, "start"), int)):
            out.append(field_of(trigger, "start"))
    return out


def day_cues(title: str, text: str, boilerplate: list[tuple[int, int]]) -> list[DayCue]:
    """The first weekday and the first "yesterday" of the headline, then of the text's first ``CUE_CHARS``
    characters outside boilerplate."""
    cues, line = [], headline(title)
    offset = title.find(line) if line else 0
    for kind in ("weekday", "yesterday"):
        match = _patterns()[kind].search(line)
        if match:
            start, end = offset + match.start(), offset + match.end()
            cues.append(DayCue(start, end, title[start:end], kind, "title"))
    kept = 0
    found: dict[str, DayCue] = {}
    for piece_start, piece_end in [*_kept_pieces(text, boilerplate)]:
        piece = text[piece_start : min(piece_end, piece_start + CUE_CHARS - kept)]
        for kind in ("weekday", "yesterday"):
            match = _patterns()[kind].search(piece)
            if match and kind not in found:
                found[kind] = DayCue(piece_start + match.start(), piece_start + match.end(), match.group(0), kind)
        kept += len(piece) + 1
        if kept >= CUE_CHARS:
            break
    return sorted(cues, key=lambda c: c.start) + sorted(found.values(), key=lambda c: c.start)


def _kept_pieces(text: str, boilerplate: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    cursor = 0
    for start, end in sorted(boilerplate):
        if cursor <= start <= end:
            yield cursor, start
            cursor = end
    yield cursor, len(text)


@step(provides="day_cues", requires=("times", "events"))
def dating(doc: Parsed, found: Found) -> list[DayCue]:
    """Annotates each time with its context and returns the day cues (see the module's docstring)."""
    text, triggers = doc.text, violence_triggers(found.get("events", []))
    for time in found.get("times", []):
        time.context = time_context(text, time, triggers)
    return day_cues(doc.article.title or "", text, list(doc.article.boilerplate))
