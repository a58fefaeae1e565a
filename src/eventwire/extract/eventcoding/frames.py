"""Framing words that recode the event embedded under them (PLOVER's rules).

"threaten to X" is a THREATEN whose mode is X's, "urge Y to X" a REQUEST to Y, "agree/offer/promise to X" an
AGREE, "will X" an intention, "refuse to X" a REJECT, "said that X" leaves X an event claimed by the speaker,
"accused Y of X" leaves X claimed with Y as actor. Each role is one small handler; the first that applies wins.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from eventwire.extract.eventcoding.draft import (
    Draft,
    absorb,
    hostile,
    recast,
    recode_future,
    request_mode,
    threat_mode,
)
from eventwire.extract.eventcoding.lexicon import frame_roles, rules
from eventwire.extract.eventcoding.syntax import lemma, object_heads, obligation, passive_subjects, subject_heads

NOUN_FRAMES = frozenset({"request", "threat", "commit"})

Handler = Callable[[Draft, Token, Token, str, frozenset, bool], "bool | None"]


def apply_frame(draft: Draft, token: Token, head: Token, edge: str) -> bool:
    """Apply the frame of ``head`` to the event embedded under it; False when ``head`` frames nothing here."""
    roles = frame_roles(head)
    measure = edge in ("prep:of", "mod") and lemma(head) in rules()["measure_nouns"]
    if not roles and not measure:
        return edge in ("acomp",)
    is_noun_trigger = draft.trigger.kind == "N" and token.i in (draft.trigger.token.i, draft.noun_proxy)
    if is_noun_trigger and measure:
        # "a series of attacks", "ten days of war games", "a mediation effort" stand for the event noun
        draft.noun_proxy = head.i
        return True
    for handler in HANDLERS:
        done = handler(draft, token, head, edge, roles, is_noun_trigger)
        if done is not None:
            return done
    return False


def _report_frame(draft: Draft, token: Token, head: Token, edge: str, roles: frozenset, noun: bool) -> bool | None:
    if "report" not in roles or not (edge == "c" or (edge == "x" and lemma(head) == "claim")):
        return None
    framing = _framing_object(head)
    if framing is not None and framing.i != draft.trigger.token.i:
        # "reiterated its demand that X ease ...": the clause is the content of the demand
        return apply_frame(draft, token, framing, "acl")
    return _report(draft, token, head)


def _aspect(draft: Draft, token: Token, head: Token, edge: str, roles: frozenset, noun: bool) -> bool | None:
    if ("aspect" in roles and edge == "x") or ("light" in roles and edge == "obj" and noun):
        absorb(draft, head)  # "began shelling", "carried out an attack", "launched a raid"
        return True
    return None


def _commit(draft: Draft, token: Token, head: Token, edge: str, roles: frozenset, noun: bool) -> bool | None:
    if "commit" not in roles or edge not in ("x", "acl", "prep:to"):
        return None
    is_hostile = hostile(draft)
    recast(draft, "THREATEN" if is_hostile else "AGREE", threat_mode(draft) if is_hostile else None)
    draft.flags.add("threatened" if is_hostile else "planned")
    absorb(draft, head, shown=True)
    return True


def _intent(draft: Draft, token: Token, head: Token, edge: str, roles: frozenset, noun: bool) -> bool | None:
    if "intent" not in roles or edge != "x":
        return None
    absorb(draft, head)
    if "future" not in draft.flags:
        draft.flags.add("future")
        recode_future(draft)
    return True


def _prepare(draft: Draft, token: Token, head: Token, edge: str, roles: frozenset, noun: bool) -> bool | None:
    if "prepare" not in roles or edge not in ("x", "prep:for"):
        return None
    if hostile(draft):
        recast(draft, "MOBILIZE", "weapons" if draft.mode in ("heavy-weapons", "aerial") else "troops")
    else:
        recast(draft, "AGREE", None)
    draft.flags.add("planned")
    absorb(draft, head, shown=True)
    return True


def _threat(draft: Draft, token: Token, head: Token, edge: str, roles: frozenset, noun: bool) -> bool | None:
    if "threat" not in roles or edge not in ("x", "c", "obj", "prep:with", "prep:of") or (
            edge == "prep:of" and lemma(head) == "warn"):
        return None
    if draft.type != "THREATEN":
        recast(draft, "THREATEN", threat_mode(draft))
    draft.flags.add("threatened")
    absorb(draft, head, shown=True)
    return True


def _order(draft: Draft, token: Token, head: Token, edge: str, roles: frozenset, noun: bool) -> bool | None:
    if "order" in roles and edge in ("x", "obj") and draft.type in ("ASSAULT", "COERCE", "MOBILIZE", "SANCTION"):
        absorb(draft, head)
        return True
    if ("request" in roles or "order" in roles) and _requests(head, edge):
        if draft.type != "REQUEST":
            recast(draft, "REQUEST", request_mode(draft))
        if edge == "c":
            draft.recipient_heads = subject_heads(token) or None
        absorb(draft, head, shown=True, requestee_first=True)
        return True
    return None


def _refuse(draft: Draft, token: Token, head: Token, edge: str, roles: frozenset, noun: bool) -> bool | None:
    if "refuse" in roles and edge in ("x", "obj", "c"):
        recast(draft, "REJECT", request_mode(draft))
        absorb(draft, head, shown=True)
        return True
    if "fail" in roles and edge == "x":
        if draft.type in rules()["cooperative"]:
            recast(draft, "REJECT", request_mode(draft))
            absorb(draft, head, shown=True)
        else:
            draft.flags.add("negated")
            absorb(draft, head)
        return True
    return None


def _allow(draft: Draft, token: Token, head: Token, edge: str, roles: frozenset, noun: bool) -> bool | None:
    if "allow" not in roles or edge not in ("x", "c", "obj"):
        return None
    if draft.type == "THREATEN":
        absorb(draft, head)  # "would not let the shelling go unanswered": the threat is the allowing clause's
        return True
    allowed = subject_heads(token)
    draft.recipient_heads = allowed or None
    if any(lemma(t) in rules()["access_parties"] for t in allowed + [token]):
        recast(draft, "RETREAT", "access")  # letting inspectors, observers or aid in is material
    else:
        recast(draft, "CONCEDE", None)
    absorb(draft, head, shown=True, requestee_first=True)
    return True


def _accuse(draft: Draft, token: Token, head: Token, edge: str, roles: frozenset, noun: bool) -> bool | None:
    if "accuse" not in roles or head.pos_ != "VERB" or edge not in ("prep:of", "prep:for", "prep:over", "c",
                                                                     "prep:with"):
        return None
    draft.flags.add("claimed")
    if edge != "c" and not draft.accused:
        # "accused X of V-ing": X did it; "X was suspected of V-ing": the passive subject did it
        draft.accused = object_heads(head) or passive_subjects(head)
    draft.speaker = draft.speaker or subject_heads(head)
    draft.depth += 1
    return True


def _deny(draft: Draft, token: Token, head: Token, edge: str, roles: frozenset, noun: bool) -> bool | None:
    if "deny" in roles and edge in ("c", "obj"):
        draft.flags.add("denied")
        draft.speaker = draft.speaker or subject_heads(head)
        return True
    return None


def _credit(draft: Draft, token: Token, head: Token, edge: str, roles: frozenset, noun: bool) -> bool | None:
    """"X claimed responsibility (credit) for V-ing Y", "X took responsibility for the attack": X did it."""
    if "credit" not in roles or edge not in ("prep:for", "prep:of"):
        return None
    verb = head.head if head.dep_ in ("dobj", "nsubjpass", "attr", "acomp", "oprd") else None
    if verb is not None and not draft.credited:
        # "held X responsible for the raid": the object of the holding is credited, not its subject
        draft.credited = object_heads(verb) if head.dep_ == "oprd" else subject_heads(verb)
    draft.flags.add("claimed")
    draft.speaker = draft.speaker or draft.credited
    draft.depth += 1
    return True


HANDLERS: tuple[Handler, ...] = (_report_frame, _aspect, _commit, _intent, _prepare, _threat, _order, _refuse,
                                 _allow, _accuse, _deny, _credit)


def _framing_object(verb: Token) -> Token | None:
    """A request, threat or promise noun that a reporting verb takes as its object."""
    for child in verb.children:
        if child.dep_ == "dobj" and child.pos_ == "NOUN" and frame_roles(child) & NOUN_FRAMES:
            return child
    return None


def _requests(head: Token, edge: str) -> bool:
    """Whether ``head`` asks for the embedded act here ("call on X to", "call for X", "urge X to", "demand X")."""
    if edge in ("x", "c", "acl"):
        return lemma(head) != "call" or any(c.dep_ == "prep" and c.lower_ in ("on", "upon") for c in head.children)
    if edge == "obj":
        return lemma(head) not in ("call", "order")
    return edge in ("prep:for", "prep:to")


def _report(draft: Draft, token: Token, head: Token) -> bool:
    """A reported clause: the event is claimed by the speaker; "X said Y must Z" is X's REQUEST to Y."""
    speaker = subject_heads(head)
    if obligation(token) and draft.type not in ("REQUEST", "THREATEN") and speaker:
        recipients = subject_heads(token)
        recast(draft, "REQUEST", request_mode(draft))
        draft.recipient_heads = recipients or None
        absorb(draft, head)
        draft.anchors = [head]
        return True
    if speaker and not draft.speaker:
        draft.speaker = speaker
    draft.flags.add("claimed")
    return True
