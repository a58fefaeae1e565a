"""Casualties: how many people the report says were killed and injured in the happening it reports, each
count with the words that say so.

Read first from the headline ("1 dead, 3 wounded in …", "4 shot outside …"), which states the count of the
happening itself, then from the figures (category killed / injured, unit people) and events (``killed`` /
``injured``) of the lead (the first ``LEAD_CHARS`` of the text), keeping the first, most salient one of each:
further down a count is more often another happening's (a city's weekend, a trial's earlier case), and a count
whose time names a whole year ("in 2015", "this year") is a year's toll. Figures that are really ages ("Jon Vale,
25, was killed"), ranges of ages or street numbers ("the 6700 block") are no counts. Reports of a single victim
often give no number ("a man was shot and killed", "a teenager was wounded"): then a word of death in the headline
or lead counts one killed, and a word of wounding one injured when nobody died (with a death reported, words of
wounding most often describe the one who died, unless "another" was hurt); a word of death that is negated,
attempted or hypothetical ("non-fatal", "attempted murder", "could have been killed") is none, and neither is one
in the text of a report whose headline counts the wounded and names no death. A report with words of harm but no
count of deaths says none died (0); one that says nothing of the wounded leaves them unknown (no record), and a
report with no words of harm says nothing. A report that says none outright ("No one was hurt", "there were no
casualties", but not "no one else was hurt") counts 0 of that kind whatever a figure says; beside two or more
dead, "a cook was wounded" is one survivor. Besides these ``main`` counts, every count of killed or injured people
(or troops) among the figures is kept as a claim (``main`` false unless it is the main count).

The words are data (``casualty_words.tsv``, ``casualty_none.tsv``); the patterns are in
eventwire.extract.casualty_patterns.
"""

from __future__ import annotations

import re
from typing import Any

from eventwire.extract import casualty_patterns as cp
from eventwire.extract.base import ASSERTED, Found, Parsed, field_of, step
from eventwire.extract.dating import sentence_bounds
from eventwire.records import Casualty

LEAD_CHARS = 1500
PERSON_UNITS = frozenset({"people", "troops"})  # units of figures that count people: soldiers die too
KINDS = ("killed", "injured")


class _Lead:
    """The headline and the first ``LEAD_CHARS`` of the text as one string, with the way back to spans."""

    def __init__(self, title: str, text: str, lang: str = "en") -> None:
        self.title, self.text = title, text
        self.patterns = cp.patterns(lang)
        self.value = title + "\n" + text[:LEAD_CHARS]

    def of_several(self, match: re.Match[str]) -> bool:
        """Whether the headline or the lead's sentence of a match tells of several happenings (``_of_several``)."""
        if match.start() < len(self.title):
            return bool(self.patterns.aggregate.search(self.title))
        return _of_several(self.text, match.start() - len(self.title) - 1, self.patterns)

    def casualty(self, kind: str, value: int, basis: str, match: re.Match[str]) -> Casualty:
        start, end = match.span()
        if start < len(self.title):
            return Casualty(start, end, self.title[start:end], kind, value, basis, where="title")
        offset = len(self.title) + 1
        return Casualty(start - offset, end - offset, self.text[start - offset : end - offset], kind, value, basis)


def report_casualties(title: str, text: str, figures: list[Any], events: list[Any],
                      lang: str = "en", times: list[Any] | None = None) -> list[Casualty]:
    """The report's counts of its happening (``main``) and every claim of killed / injured among its figures;
    ``times`` are the report's time expressions, which its figures' ``time`` indexes point into."""
    lead = _Lead(title, text, lang)
    main = {kind: lead.casualty(kind, cp.count_value(match.group(1)), "headline", match)
            for kind, match in cp.title_counts(title, lang).items()}
    for kind, casualty in _from_figures(figures, text, times or [], lead.patterns).items():
        main.setdefault(kind, casualty)
    for kind, casualty in _from_events(events, text, times or [], lead.patterns).items():
        main.setdefault(kind, casualty)
    for match, kinds in cp.none_reported(lead.value, lang):
        for kind in kinds:
            if kind not in main or main[kind].value != 0 or main[kind].basis != "none reported":
                main[kind] = lead.casualty(kind, 0, "none reported", match)
    _harm_counts(lead, main, lang)
    claims = [c for c in _claims(figures, text) if not any(m.figure == c.figure for m in main.values())]
    return [main[kind] for kind in KINDS if kind in main] + claims


def _harm_counts(lead: _Lead, main: dict[str, Casualty], lang: str) -> None:
    """Counts read from the words of harm when no figure gave them (one dead, one hurt, none dead)."""
    p = cp.patterns(lang)
    death = cp.real_harm(p.death, lead.value, lang)
    wound = p.wound.search(lead.value) or p.title_wound.search(lead.title)  # "Teen shot in leg"
    if not death and "injured" not in main:
        death = cp.real_harm(p.weak_death, lead.value, lang)
    if death and death.start() > len(lead.title) and _wounded_only(lead.title, p, lang):
        death = None  # "Six injured in shooting": a headline leads with the dead when there are any
    title_shot = p.title_shot.search(lead.title)
    if not (death or wound or main or title_shot):
        return
    if "killed" not in main:
        multiple = cp.multiple_killed(lead.value, lang)
        # "a double homicide", "a murder-suicide" (the one who killed is among the dead)
        if multiple:
            main["killed"] = lead.casualty("killed", multiple[1], "multiple", multiple[0])
        else:
            evidence = death or wound or title_shot or next(iter(main.values()))
            main["killed"] = _counted(lead, evidence, 1 if death else 0, "harm word" if death else "no death named")
    shot = cp.shot_match(lead.title, lead.value, lang)
    if shot is not None and not lead.of_several(shot[0]):
        match, _, others = shot
        value = cp.shot_value(match, lang)
        if others and "injured" not in main:
            main["injured"] = lead.casualty("injured", value, "shot count", match)  # "four others were shot"
        elif not others and (main.get("injured") is None or main["injured"].value == value):
            # "five people were shot, one fatally": being shot is not being wounded; the dead are among the shot
            main["injured"] = lead.casualty("injured", max(value - main["killed"].value, 0), "shot count", match)
    if "injured" not in main:
        survivor = _survivor(lead, main["killed"].value, wound, p, lang)
        if survivor:
            main["injured"] = lead.casualty("injured", 1, "survivor", survivor)


def _wounded_only(title: str, p: cp.Patterns, lang: str) -> bool:
    """Whether the headline counts or names the wounded and names no death ("Six injured in shooting",
    "Toddler injured by stray bullet"; not "Man shot on Elm Street", which may lead to his death)."""
    return bool(p.count_wound.search(title)) and not (cp.real_harm(p.death, title, lang)
                                                       or cp.real_harm(p.weak_death, title, lang))


def _survivor(lead: _Lead, killed: int, wound: re.Match[str] | None, p: cp.Patterns,
              lang: str) -> re.Match[str] | None:
    """The words that tell of one survivor when no count of the injured was given: a word of wounding when
    nobody died (with a death reported, words of wounding most often describe the one who died), "another
    was hurt", "a cook was hurt" beside two or more dead, or a headline that names a death and a wound apart
    ("Man killed, boy wounded in …")."""
    if wound:
        found = (None if killed else wound) or p.another_hurt.search(lead.value) or (
            p.one_hurt.search(lead.value) if killed >= 2 else None)
        if found:
            return found
    return cp.title_survivor(lead.title, lang) if killed else None


def _counted(lead: _Lead, evidence: re.Match[str] | Casualty, value: int, basis: str) -> Casualty:
    if isinstance(evidence, Casualty):
        return Casualty(evidence.start, evidence.end, evidence.text, "killed", value, basis, evidence.where)
    return lead.casualty("killed", value, basis, evidence)


def _from_events(events: list[Any], text: str, times: list[Any], p: cp.Patterns) -> dict[str, Casualty]:
    found: dict[str, Casualty] = {}
    for event in events:
        if field_of(event, "status") not in ASSERTED or _dated_by_a_year(event, times, text, p):
            continue
        evidence = field_of(event, "evidence")
        start, end = field_of(evidence, "start"), field_of(evidence, "end")
        if not isinstance(start, int) or not isinstance(end, int):
            start = end = 0
        if start >= LEAD_CHARS or _of_several(text, start, p):
            continue  # as with figures: below the lead, more often another happening's count
        for kind in KINDS:
            value = field_of(event, kind)
            if isinstance(value, int) and not isinstance(value, bool) and value >= 0 and kind not in found:
                found[kind] = Casualty(start, end, text[start:end], kind, value, "event")
    return found


def _from_figures(figures: list[Any], text: str, times: list[Any], p: cp.Patterns) -> dict[str, Casualty]:
    found: dict[str, Casualty] = {}
    for index, figure in enumerate(figures):
        kind = field_of(figure, "category")
        if kind not in KINDS or kind in found or (field_of(figure, "unit") or "people") != "people":
            continue
        if _dated_by_a_year(figure, times, text, p):
            continue  # "74 people were shot in 2015", "this year two children died": a year's toll
        casualty = _figure_casualty(index, figure, text)
        if casualty is None or casualty.start >= LEAD_CHARS or _of_several(text, casualty.start, p):
            continue  # further down, a count is more often of other happenings (a city's weekend, a year's)
        if not p.partitive.match(casualty.text):
            found[kind] = casualty  # "six of the wounded died": a part of a count, not the count
    return found


def _of_several(text: str, position: int, p: cp.Patterns) -> bool:
    """Whether the sentence of a count tells of several happenings ("three were wounded in two shootings",
    "killed in separate attacks", "shot across the city since Friday"): a roundup's total, no one happening's."""
    start, end = sentence_bounds(text, position)
    return bool(p.aggregate.search(text, start, end))


def _dated_by_a_year(counted: Any, times: list[Any], text: str, p: cp.Patterns) -> bool:
    """Whether the time expression of a figure or an event names a whole year ("in 2015", "this year", "last
    year"): its count is a year's toll, not the happening's. Not when the year is a superlative's scope ("the
    deadliest attack this year") or the count's sentence names a day as well ("… killed 12 on Sunday")."""
    index = field_of(counted, "time")
    if not isinstance(index, int) or not 0 <= index < len(times):
        return False
    time = times[index]
    start = field_of(time, "start")
    if not re.fullmatch(r"\d{4}", str(field_of(time, "value") or "")) or not isinstance(start, int):
        return False
    if p.superlative_before.search(text, max(0, start - 60), start):
        return False
    low, high = sentence_bounds(text, start)
    return not any(isinstance(field_of(t, "start"), int) and low <= field_of(t, "start") < high
                   and re.match(r"\d{4}-\d\d-\d\d", str(field_of(t, "value") or "")) for t in times)


def _claims(figures: list[Any], text: str) -> list[Casualty]:
    claims = []
    for index, figure in enumerate(figures):
        if field_of(figure, "category") in KINDS and (field_of(figure, "unit") or "people") in PERSON_UNITS:
            casualty = _figure_casualty(index, figure, text)
            if casualty is not None:
                casualty.main = False
                claims.append(casualty)
    return claims


def _figure_casualty(index: int, figure: Any, text: str) -> Casualty | None:
    """The figure as a count of people, or None when it is hedged or no count (an age, a street number)."""
    if field_of(figure, "hedged"):
        return None
    value = field_of(field_of(figure, "quantity"), "value")
    if not isinstance(value, int | float) or isinstance(value, bool) or not 0 <= value < 100000:
        return None
    surface = str(field_of(figure, "text") or "")
    start, end = field_of(figure, "start"), field_of(figure, "end")
    start, end = (start, end) if isinstance(start, int) and isinstance(end, int) else (0, 0)
    if cp.patterns().not_count.search(surface) or re.fullmatch(r"\d+\s*-\s*\d+", surface.strip()):
        return None
    if surface.strip().isdigit() and (cp.patterns().age_after.match(text[end : end + 8])
                                      or text[max(0, start - 2) : start] == ", "):
        return None
    if surface.strip().replace(",", "").isdigit() and not cp.bare_count(text, start, end):
        return None
    return Casualty(start, end, text[start:end], field_of(figure, "category"), int(value), "figure", figure=index)


def casualties_of_record(record: dict) -> list[Casualty]:
    """The casualties of a SPEC §2 record written without them (by an older eventwire)."""
    return report_casualties(str(record.get("title") or ""), record.get("text") or "",
                             [f for f in record.get("figures") or [] if isinstance(f, dict)],
                             [e for e in record.get("events") or [] if isinstance(e, dict)],
                             str(record.get("lang") or "en"),
                             [t for t in record.get("times") or [] if isinstance(t, dict)])


@step(provides="casualties", requires=("figures", "events", "times"))
def casualties(doc: Parsed, found: Found) -> list[Casualty]:
    """The casualties step (see the module's docstring)."""
    return report_casualties(doc.article.title or "", doc.text, found.get("figures", []), found.get("events", []),
                             doc.lang, found.get("times", []))
