"""Code the events of one sentence: type, mode, actors, recipients and how sure the text is.

Each trigger word is coded on its own, climbing the dependency tree from the trigger to the sentence root;
on the way, framing words recode it (``frames``). A framing word that recodes an event is absorbed by it, so
it is not reported again on its own: "the militia vowed to storm the barracks" is one THREATEN, not a
THREATEN and an ASSAULT.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from eventwire.extract.eventcoding.draft import Draft, mark_clause, recode_future
from eventwire.extract.eventcoding.finish import finish
from eventwire.extract.eventcoding.frames import apply_frame
from eventwire.extract.eventcoding.lexicon import TriggerRule, frame_roles, rules
from eventwire.extract.eventcoding.roles import actor_heads, doer_heads, recipient_heads, reciprocal
from eventwire.extract.eventcoding.syntax import governor, is_future, lemma, obligation, subject_heads
from eventwire.extract.eventcoding.triggers import Trigger, find_triggers

__all__ = ["Draft", "actor_heads", "code_sentence", "recipient_heads", "reciprocal"]

MAX_CLIMB = 12
ACTS_ON_OBJECT = frozenset({"SANCTION", "REJECT", "RETREAT", "CONCEDE", "COERCE"})


def code_sentence(sent: Span) -> list[Draft]:
    """Every event of the sentence, frames applied and absorbed framing words dropped."""
    drafts = [_code(trigger) for trigger in find_triggers(sent)]
    drafts += _obligations(sent, drafts)
    absorbed = {i for d in drafts for i in d.absorbed}
    absorbed |= _acted_on(drafts)
    absorbed |= _outframed(drafts)
    absorbed |= _protest_aims(drafts)
    absorbed |= {d.trigger.token.i for d in drafts if d.type == "ASSAULT" and _natural_agent(d)}
    kept: dict[tuple[str, int], Draft] = {}
    for draft in sorted(drafts, key=lambda d: (d.depth, d.trigger.token.i)):
        if draft.trigger.token.i in absorbed:
            continue
        # several event words under one frame ("urged them to stop the shelling and the raids") make one event
        key = (draft.type, draft.shown.i) if draft.recast else (draft.type, -1 - draft.trigger.token.i)
        kept.setdefault(key, draft)
    return sorted(kept.values(), key=lambda d: d.trigger.token.i)


def _outframed(drafts: list[Draft]) -> set[int]:
    """Events recoded by a framing word that another event has taken in ("vowed not to let the raid go
    unanswered": the letting belongs to the threat, so the raid is not recoded as a concession)."""
    shown_by: dict[int, set[int]] = {}
    for d in drafts:
        for i in d.absorbed:
            shown_by.setdefault(i, set()).add(d.shown.i)
    return {d.trigger.token.i for d in drafts
            if d.shown.i != d.trigger.token.i and shown_by.get(d.shown.i, set()) - {d.shown.i}}


def _protest_aims(drafts: list[Draft]) -> set[int]:
    """"Staged a sit-in to demand equal pay": what a protest demands is its topic, not an event of its own."""
    protesting = {a.i for d in drafts if d.type == "PROTEST" for a in d.anchors}
    return {d.trigger.token.i for d in drafts
            if d.type == "REQUEST" and d.shown.dep_ in ("advcl", "xcomp") and d.shown.head.i in protesting}


def _natural_agent(draft: Draft) -> bool:
    """"The storm hit the coast", "the quake killed 40": harm done by nature or accident is not an ASSAULT."""
    r = rules()
    for doer in doer_heads(draft):
        if lemma(doer) in r["natural_agents"]:
            return True
        # "a house fire killed three": a fire named by what burned is an accident, "tank fire" is not
        if lemma(doer) == "fire" and any(lemma(c) in r["accidental_fire_modifiers"] for c in doer.children):
            return True
    return False


def _acted_on(drafts: list[Draft]) -> set[int]:
    """Event nouns that another event acts on ("suspended aid", "ended the talks") are its object, not events."""
    acting = {d.trigger.token.i for d in drafts if d.type in ACTS_ON_OBJECT and d.trigger.kind == "V"}
    return {d.trigger.token.i for d in drafts if d.trigger.kind == "N"
            and d.trigger.token.dep_ in ("dobj", "nsubjpass") and d.trigger.token.head.i in acting}


def _code(trigger: Trigger) -> Draft:
    rule = trigger.rule
    draft = Draft(trigger, rule.type, rule.mode, rule.cameo, list(rule.context), trigger.token, [trigger.token])
    mark_clause(draft, trigger.token)
    token = trigger.token
    draft.path.append(token)
    for _ in range(MAX_CLIMB):
        head, edge = governor(token)
        if head is None:
            break
        if _purpose(token, head, edge) and not told_done(draft.trigger.token):
            draft.flags.add("planned")
        if not apply_frame(draft, token, head, edge):
            draft.depth += 0 if edge in ("acomp", "mod") else 1
            if edge == "subj" and head.pos_ in ("VERB", "AUX"):
                draft.depth += 1
            if _first_verb(draft, head) and edge.startswith("prep:") and is_future(head):
                draft.flags.add("future")  # "will travel to Tokyo for talks": the talks lie ahead too
                recode_future(draft)
        token = head
        draft.path.append(token)
    finish(draft)
    return draft


def _first_verb(draft: Draft, head: Token) -> bool:
    return (draft.trigger.kind == "N" and head.pos_ == "VERB" and "future" not in draft.flags
            and not any(t.pos_ == "VERB" for t in draft.path))


def _purpose(token: Token, head: Token, edge: str) -> bool:
    """'sent troops to repel the attack': an infinitive of purpose is planned, not done."""
    return (edge in ("advcl", "x") and token.pos_ == "VERB" and head.pos_ == "VERB" and not frame_roles(head)
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children))


def told_done(trigger: Token) -> bool:
    """An event noun with a relative clause in the past ("to bury victims of the shelling that tore through the
    market", "marched to denounce the raid that killed four") is told as done: the purpose around it is not
    its own."""
    return trigger.pos_ == "NOUN" and any(
        c.dep_ == "relcl" and (c.morph.get("Tense") == ["Past"] and c.morph.get("VerbForm") == ["Fin"]
                               or any(a.dep_ in ("aux", "auxpass") and a.morph.get("Tense") == ["Past"]
                                      for a in c.children))
        for c in trigger.children)


def _obligations(sent: Span, drafts: list[Draft]) -> list[Draft]:
    """'X said Y must Z' with no event word in Z: still X's REQUEST to Y."""
    covered = {t.i for d in drafts for t in d.anchors} | {d.trigger.token.i for d in drafts}
    out: list[Draft] = []
    for token in sent:
        if token.dep_ != "ccomp" or token.i in covered or not obligation(token):
            continue
        head = token.head
        if "report" not in frame_roles(head):
            continue
        speaker = subject_heads(head)
        if not speaker:
            continue
        rule = TriggerRule("V", lemma(token), frozenset(), frozenset(), "REQUEST", None, "100", ())
        draft = Draft(Trigger(token, rule), "REQUEST", None, "100", [], token, [head])
        draft.recipient_heads = subject_heads(token) or None
        draft.recast = True
        out.append(draft)
    return out
