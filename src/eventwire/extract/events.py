"""Events: PLOVER / CAMEO / ACLED coding with actors, place, time, status and evidence.

Per sentence (boilerplate skipped), trigger words from the event lexicons are coded over the dependency parse
(``eventcoding.coder``); each event is then linked to the entities, places, times, quotes and figures the
earlier steps found (``eventcoding.linking``) and the events are listed most salient first: lead sentences
before later ones, main clauses before embedded ones, events with a known actor before those without, and
background (dated well before publication), negated or hypothetical events last.

Status: ``claimed`` inside reported speech, a quote or "according to" (``source`` is the speaker's entity);
``denied`` under "deny"; ``negated``; ``hypothetical`` in an if-clause or under could/might; ``threatened`` for
threats; ``planned`` for intentions, future acts and purposes ("sent troops to repel ..."); else ``asserted``.
Lexicons: ``event_triggers.tsv`` (words per type, mode, CAMEO, context), ``event_frames.tsv`` (framing verbs),
``event_rules.json`` (recoding rules), ``event_modes.tsv``, ``event_contexts.tsv``,
``actor_anaphors.tsv`` ("the group", "the militants" standing for the article's named group).
ACLED codes: the acled step.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from spacy.tokens import Span, Token

from eventwire.extract.base import Found, Parsed, step
from eventwire.extract.eventcoding.arguments import argument_ranges, phrase
from eventwire.extract.eventcoding.coder import Draft, actor_heads, code_sentence, recipient_heads, reciprocal
from eventwire.extract.eventcoding.lexicon import context_cues, frame_roles
from eventwire.extract.eventcoding.linking import Linker, is_group_anaphor, is_pronoun
from eventwire.extract.eventcoding.syntax import lemma
from eventwire.records import ActorRef, Event
from eventwire.records import Span as TextSpan

LOG = logging.getLogger(__name__)
MAX_CONTEXTS = 3
UNSURE = frozenset({"negated", "hypothetical", "denied"})
VIOLENT = frozenset({"ASSAULT", "COERCE", "PROTEST"})
# Salience penalties, in sentences: an event with nobody doing it ranks below later sentences' events, except
# violence in a main clause, news even before anyone is known to have done it ("a 12-year-old was shot"): it
# stays ahead of the next sentence's events (the arrest, the claim, the reaction).
NO_ACTOR_PENALTY = 5.0
NO_ACTOR_VIOLENCE_PENALTY = 0.5
DEMOTED_PENALTY = 1.5
JOINT_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})  # "X and Y agreed": each is the other's recipient
SPECIFIC_MODES = frozenset({"suicide-attack", "drone", "unconventional"})


@dataclass
class _Ranked:
    event: Event
    key: tuple


@step(provides="events", requires=("entities", "places", "times", "quotes", "figures"))
def events(doc: Parsed, found: Found) -> list[Event]:
    """Who did what to whom, where, when and how sure the text is: one Event per coded trigger."""
    linker = Linker(doc, found)
    ranked: list[_Ranked] = []
    previous: Span | None = None
    for index, sent in enumerate(doc.sentences):
        try:
            drafts = [d for d in code_sentence(sent) if not _in_boilerplate(doc, d.trigger.token)]
            merged = _merge_same_events(drafts)
            # the lead sentence's outermost event is the news, however deep it sits ("the toll from
            # Tuesday's strike rose to nine": the strike); elsewhere only a main clause is
            lead = min((d.depth for d in merged), default=0) if index == 0 else 0
            coded = [_event(draft, sent, previous, index, linker, lead) for draft in merged]
        except Exception:  # one odd parse must not cost the document its other events
            LOG.warning("event coding failed on a sentence of %s", doc.article.id, exc_info=True)
            coded = []
        ranked += coded
        _add_casualties(ranked, sent, linker)
        previous = sent
    ranked.sort(key=lambda r: r.key)
    out = [r.event for r in ranked]
    for i, event in enumerate(out, 1):
        event.id = f"v{i}"
    return out


def _in_boilerplate(doc: Parsed, token: Token) -> bool:
    return doc.in_boilerplate(token.idx, token.idx + len(token.text))


def _merge_same_events(drafts: list[Draft]) -> list[Draft]:
    """One event for "killed in a suicide bombing" or "a bombing killed": the word inside the other's clause
    lends it its weapon (mode) and, when the other names no doer, its own; then it is dropped."""
    kept: list[Draft] = []
    for draft in sorted(drafts, key=lambda d: (d.depth, d.trigger.token.i)):
        host = next((k for k in kept if k.type == draft.type and _within(draft.trigger.token, k)), None)
        if host is None:
            kept.append(draft)
            continue
        if draft.mode and (host.mode in (None, "destroy") or draft.mode in SPECIFIC_MODES):
            host.mode = draft.mode
        if not actor_heads(host):
            host.credited = actor_heads(draft)  # "were killed when artillery shelled the town": the shelling's doer
    return kept


def _within(token: Token, host: Draft) -> bool:
    """Whether ``token`` hangs (within two steps) under the host's trigger or one of its clause heads."""
    heads = {host.trigger.token.i} | {a.i for a in host.anchors}
    node = token
    for _ in range(3):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.i in heads:
            return True
    return False


def _event(draft: Draft, sent: Span, previous: Span | None, index: int, linker: Linker, main_depth: int = 0
           ) -> _Ranked:
    text = linker.doc.text
    speaker = _resolve_all(draft.speaker, draft, sent, previous)
    actors, recipients = _arguments(draft, speaker, sent, previous, linker)
    trigger = _trigger_span(draft.shown, text)
    status, source = _status(draft, linker, speaker, trigger)
    time_index, date = linker.time_of(sent, trigger.start, trigger.end)
    if time_index is not None and not sent.start_char <= linker.times[time_index].start < sent.end_char:
        time_index, date = None, linker.published  # another sentence's date is not this event's
    event = Event(
        id="",
        type=draft.type,
        trigger=trigger,
        evidence=TextSpan(sent.start_char, _rstrip_end(text, sent.start_char, sent.end_char)),
        mode=draft.mode,
        context=_contexts(draft, sent),
        cameo=draft.cameo,
        actors=actors,
        recipients=recipients,
        place=linker.place_of(sent, draft.anchors[-1], [(a.start, a.end) for a in actors]),
        time=time_index,
        date=date,
        status=status,
        source=source,
    )
    return _Ranked(event, _salience(draft, event, index, linker.published, main_depth))


def _arguments(draft: Draft, speaker: list[Token], sent: Span, previous: Span | None,
               linker: Linker) -> tuple[list[ActorRef], list[ActorRef]]:
    """Actor and recipient references, pronouns resolved; reciprocal and joint events are their own recipients."""
    actor_words = _resolve_all(actor_heads(draft), draft, sent, previous, linker)
    recipient_words = _resolve_all(recipient_heads(draft), draft, sent, previous, linker)
    actors = _refs(actor_words, linker, _pronoun_owners(actor_words, draft, sent, previous))
    recipients = _refs(recipient_words, linker, _pronoun_owners(recipient_words, draft, sent, previous))
    if draft.trigger.kind == "A" and draft.type in ("REJECT", "SUPPORT") and speaker:
        # "X said the plan was unacceptable": X rejects, and the plan's author is rejected
        actors, recipients = _refs(speaker, linker), recipients or actors
    elif _speaker_threatens(draft, speaker):
        # "Medvedev said Russia would not allow it to go unpunished": the speaker makes the threat
        spoken = _refs(speaker, linker)
        actors = spoken + [a for a in actors if all((a.start, a.end) != (s.start, s.end) for s in spoken)]
    taken = {(a.start, a.end) for a in actors}
    recipients = [r for r in recipients if (r.start, r.end) not in taken]
    if reciprocal(draft) or (not recipients and len(actors) > 1 and draft.type in JOINT_TYPES):
        recipients = [ActorRef(a.start, a.end, a.text, a.entity, a.code) for a in actors]
    return actors, recipients


def _speaker_threatens(draft: Draft, speaker: list[Token]) -> bool:
    """A threat read off a reported clause (future or idiom), not an explicit "threaten" verb."""
    return bool(speaker) and draft.type == "THREATEN" and "claimed" in draft.flags and not (
        frame_roles(draft.shown) & {"threat", "commit"})


def _refs(heads: list[Token], linker: Linker, owners: dict[int, tuple[int, int]] | None = None) -> list[ActorRef]:
    heads = [h for h in heads if not (h.like_url or h.like_email or linker.in_time(h))]
    owners = owners or {}
    return [linker.actor_ref(start, end, whole, _owner_in(start, end, owners))
            for start, end, whole in argument_ranges(heads)]


def _owner_in(start: int, end: int, owners: dict[int, tuple[int, int]]) -> tuple[int, int] | None:
    return next((phrase for i, phrase in owners.items() if start <= i < end), None)


def _pronoun_owners(heads: list[Token], draft: Draft, sent: Span, previous: Span | None) -> dict[int, tuple[int, int]]:
    """For "its jets", "their troops": the phrase each possessive pronoun stands for, by the pronoun's index."""
    owners: dict[int, tuple[int, int]] = {}
    for head in heads:
        for child in head.children:
            if child.dep_ == "poss" and is_pronoun(child):
                antecedent = _antecedent(child, draft, sent, previous)
                if antecedent is not None:
                    owners[child.i] = phrase(antecedent)
    return owners


def _resolve_all(heads: list[Token], draft: Draft, sent: Span, previous: Span | None,
                 linker: Linker | None = None) -> list[Token]:
    """Pronouns to what they stand for; "the group", "the militants" to the named group of the article."""
    out: list[Token] = []
    for head in heads:
        if is_pronoun(head):
            resolved = _antecedent(head, draft, sent, previous)
        elif linker is not None and is_group_anaphor(head):
            resolved = linker.named_group_before(head) or head
        else:
            resolved = head
        if resolved is not None and resolved not in out:
            out.append(resolved)
    return out


def _antecedent(pronoun: Token, draft: Draft, sent: Span, previous: Span | None) -> Token | None:
    """What a pronoun stands for: the speaker of the reported clause it sits in, else the nearest subject
    before it in the sentence, else the subject of the previous sentence."""
    speakers = [s for s in draft.speaker if not is_pronoun(s)]
    if speakers and pronoun.i > speakers[0].i and pronoun.lower_ not in ("i", "we", "us", "our"):
        return speakers[0]
    if speakers and pronoun.lower_ in ("i", "we", "us", "our"):
        return speakers[0]
    for token in reversed(sent[: pronoun.i - sent.start]):
        if token.dep_ in ("nsubj", "nsubjpass") and not is_pronoun(token) and token.pos_ in ("PROPN", "NOUN"):
            return token
    if previous is not None:
        for token in previous:
            if token.dep_ == "nsubj" and token.head.dep_ == "ROOT" and not is_pronoun(token):
                return token
    return None


def _trigger_span(token: Token, text: str) -> TextSpan:
    start, end = token.idx, token.idx + len(token.text)
    for child in token.children:
        if child.dep_ == "prt" and child.i == token.i + 1:
            end = child.idx + len(child.text)
    return TextSpan(start, end, text[start:end])


def _rstrip_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _status(draft: Draft, linker: Linker, speaker: list[Token], trigger: TextSpan) -> tuple[str, str | None]:
    status = draft.status
    source = linker.speaker_entity(speaker) if speaker else None
    quote = linker.attribution(trigger.start, trigger.end)
    if quote is not None:
        if status == "asserted":
            status = "claimed"
        if not speaker:  # the parse found no speaker of its own: take the quote's
            source = getattr(quote, "speaker_entity", None)
    return status, source


def _contexts(draft: Draft, sent: Span) -> list[str]:
    contexts = list(draft.context)
    cues = context_cues()
    for token in sent:
        context = cues.get(lemma(token))
        if context and context not in contexts:
            contexts.append(context)
    return contexts[:MAX_CONTEXTS]


def _salience(draft: Draft, event: Event, index: int, published: str | None, main_depth: int = 0) -> tuple:
    demoted = draft.status in UNSURE or _background(event.date, published)
    penalty = DEMOTED_PENALTY if demoted else 0
    if not event.actors:
        # deep in the lead, only a concrete attack (a target or a weapon named) is the news, not "violence spiraled"
        concrete = draft.depth == 0 or bool(event.recipients or event.mode)
        main_violence = event.type in VIOLENT and draft.depth <= main_depth and concrete
        penalty += NO_ACTOR_VIOLENCE_PENALTY if main_violence else NO_ACTOR_PENALTY
    return (index + penalty, draft.depth, draft.trigger.token.i)


def _background(date: str | None, published: str | None) -> bool:
    """Dated at least a year before publication: background, not the news."""
    year = (date or "")[:4].replace("X", "9")
    if not year.isdigit() or not published or not published[:4].isdigit():
        return False
    return int(published[:4]) - int(year) >= 1 and (date or "")[:7] < published[:7]


def _add_casualties(ranked: list[_Ranked], sent: Span, linker: Linker) -> None:
    """Killed and injured figures of a sentence go to its most salient violent event."""
    in_sentence = [r for r in ranked if sent.start_char <= r.event.trigger.start < sent.end_char]
    violent = sorted((r for r in in_sentence if r.event.type in VIOLENT), key=lambda r: r.key)
    if not violent:
        return
    killed, injured = linker.casualties(sent)
    violent[0].event.killed, violent[0].event.injured = killed, injured
