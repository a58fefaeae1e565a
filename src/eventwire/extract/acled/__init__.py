"""ACLED coding: each event's ACLED event type, sub-event type, inter codes and interaction.

A step over the events (after the events and entities steps), following the decision rules of ACLED's
codebook, sentence by sentence:

1. **Cues and actor kinds** (``situation``): a spaCy Matcher finds the sentence's cue words
   (``lexicons/acled_cues.json``: happenings such as "recaptured", "defused", "looted", "raped", "abducted",
   "set up a base"; context such as weapons, protest words, lethal force, disasters, crime) and the nouns that
   name actors with their ACLED inter code (``lexicons/acled_kinds.tsv``: 1 state forces, 2 rebels,
   3 political militias, 4 identity militias, 5 rioters, 6 protesters, 7 civilians, 8 external forces;
   entity sectors fill in where no noun says). The events found by the events step are happenings too, their
   family read off their PLOVER type and mode.
2. **The main happening** is the shallowest in the dependency parse (conjuncts level with their heads), ties
   broken by the rules' family priority; its doers and targets are read off the parse and off the event
   coded on it.
3. **Decision rules** (``lexicons/acled_rules.json``, first match wins): disasters, accidents and ordinary
   crime without political actors are left uncoded; then disrupted weapons use, sexual violence, bases,
   territory (who takes it decides between "Government regains" and "Non-state actor overtakes"; "without a
   fight" makes a non-violent transfer), agreements, mobs, protests (lethal force by the state: excessive
   force; rioting: violent demonstration; dispersal or detention: intervention; else peaceful), abductions,
   the weapon (chemical, suicide, grenade, air/drone, shelling, remote explosive), arrests of political
   actors, changes to groups, looting, and last the actor kinds: civilians as targets make an Attack, armed
   sides a Battle.
4. The sentence's code goes to its events of the carrier types (``carriers``) that are not negated,
   hypothetical, denied or threatened. A sentence whose code no event carries gets a **new event** (type from
   ``family_types``, trigger the main happening's word, evidence the sentence), appended after the others so
   the events step's ranking stands. Every actor and recipient reference gets its ``kind`` and ``inter``.

``acled`` is ``{"event_type", "sub_event_type", "inter1", "inter2", "interaction"}`` or None; ACLED's
sub-event types and event types are in ``lexicons/acled_types.tsv``.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span

from eventwire.extract.acled.decide import KIND_NAMES, coding, sub_event_type
from eventwire.extract.acled.lexicon import rules
from eventwire.extract.acled.situation import STATE, Situation, parties, ref_kind, situation
from eventwire.extract.base import Found, Parsed, step
from eventwire.records import ActorRef, Event
from eventwire.records import Span as TextSpan


@step(provides="acled", requires=("events", "entities"))
def acled(doc: Parsed, found: Found) -> list[Event]:
    """Sets ``acled`` (and actor kinds) on the events in ``found["events"]``; returns the events it coded."""
    events: list[Event] = found.get("events", [])
    sectors = {(m.start, m.end): e.sector or STATE for e in found.get("entities", [])
               if e.sector or e.type in ("GPE", "NORP") for m in e.mentions}
    coded: list[Event] = []
    sentences = [(sent, [e for e in events if sent.start_char <= e.trigger.start < sent.end_char])
                 for sent in doc.sentences]
    seens = [situation(sent, here, sectors) for sent, here in sentences]
    doc_tags = set().union(*(s.tags for s in seens))
    doc_kinds = set().union(*(s.kinds for s in seens))
    for (_, here), seen in zip(sentences, seens, strict=True):
        seen.doc_tags, seen.doc_kinds = doc_tags, doc_kinds
        _set_kinds(here, seen)
        sub = sub_event_type(seen)
        if sub is None:
            for event in here:
                event.acled = None
            continue
        code = coding(sub, seen)
        carriers = _carriers(here)
        for event in here:
            event.acled = dict(code) if event in carriers else None
        if not carriers and seen.main is not None and _needs_event(doc, here, seen):
            new = _new_event(seen, code, doc.text, len(events) + 1)
            events.append(new)
            carriers = [new]
        coded += carriers
    return coded


def _carriers(events: list[Event], any_status: bool = False) -> list[Event]:
    table = rules()
    types, unsure = set(table["carriers"]), set() if any_status else set(table["uncoded_status"])
    return [e for e in events if e.type in types and e.status not in unsure]


def _needs_event(doc: Parsed, here: list[Event], seen: Situation) -> bool:
    """A new event only where no event of the sentence could carry the code, none says it is a threat or
    did not happen, and the word is not page furniture."""
    table = rules()
    if _carriers(here, any_status=True):
        return False
    if seen.main is not None and seen.main.family in table["events_step_families"]:
        return False
    if any(e.type in table["blocking_types"] or e.status in table["uncoded_status"] for e in here):
        return False
    token = seen.main.token if seen.main else None
    return token is not None and not doc.in_boilerplate(token.idx, token.idx + len(token))


def _set_kinds(events: list[Event], seen: Situation) -> None:
    for event in events:
        for ref in event.actors + event.recipients:
            ref.inter = ref_kind(ref.text, ref.code, seen, ref.start)
            ref.kind = KIND_NAMES.get(ref.inter) if ref.inter else None


def _new_event(seen: Situation, code: dict[str, Any], text: str, number: int) -> Event:
    """An event for a happening only the ACLED cues saw ("defused", "set up a base")."""
    main = seen.main
    assert main is not None
    token = main.token
    sent: Span = seen.sentence
    doers, _ = parties(token)
    actors = []
    for head in doers:
        start, end = head.left_edge.idx, head.idx + len(head.text)
        inter = code["inter1"] if code["inter1"] and not actors else None
        actors.append(ActorRef(start, end, text[start:end], kind=KIND_NAMES.get(inter) if inter else None,
                               inter=inter))
    return Event(id=f"v{number}", type=rules()["family_types"][main.family],
                 trigger=TextSpan(token.idx, token.idx + len(token.text), token.text),
                 evidence=TextSpan(sent.start_char, sent.end_char), acled=dict(code), actors=actors)
