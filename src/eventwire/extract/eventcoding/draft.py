"""An event being coded, and the small changes framing words make to it (recast, absorb, tense, negation)."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from eventwire.extract.eventcoding.lexicon import rules
from eventwire.extract.eventcoding.syntax import (
    has_condition,
    is_alleged,
    is_future,
    is_hypothetical,
    is_negated,
    lemma,
)
from eventwire.extract.eventcoding.triggers import Trigger

STATUS_PRIORITY = ("denied", "negated", "hypothetical", "threatened", "planned", "claimed", "asserted")


@dataclass
class Draft:
    """An event being coded, before it is linked to entities, places and times."""

    trigger: Trigger
    type: str
    mode: str | None
    cameo: str | None
    context: list[str]
    shown: Token  # the word reported as the trigger (the framing verb when it set the type)
    anchors: list[Token]  # clause heads whose arguments give actors and recipients, the outermost last
    embedded_type: str | None = None  # the type before a frame recoded it
    depth: int = 0
    absorbed: set[int] = field(default_factory=set)
    flags: set[str] = field(default_factory=set)  # claimed, denied, negated, hypothetical, future, threatened ...
    speaker: list[Token] = field(default_factory=list)
    recipient_heads: list[Token] | None = None
    recast: bool = False  # a frame (threaten, request, agree ...) has set the type
    path: list[Token] = field(default_factory=list)  # the words climbed so far, trigger first
    noun_proxy: int = -1  # a measure noun standing for the event noun ("a series of attacks")
    accused: list[Token] = field(default_factory=list)  # "accused X of ...": X did it, unless the act names its doer
    credited: list[Token] = field(default_factory=list)  # "X claimed responsibility for V-ing": X did it

    @property
    def status(self) -> str:
        for status in STATUS_PRIORITY:
            if status in self.flags:
                return status
        return "asserted"


def absorb(draft: Draft, head: Token, *, shown: bool = False, requestee_first: bool = False) -> None:
    """The framing word ``head`` becomes part of the event: its subject is the actor from now on."""
    draft.absorbed.add(head.i)
    if requestee_first:
        draft.anchors.insert(0, head)
    draft.anchors.append(head)
    if shown:
        draft.shown = head
    mark_clause(draft, head)


def mark_clause(draft: Draft, clause: Token) -> None:
    """Tense, negation and condition of one clause of the event; future and negation recode at once."""
    source = according_to(clause)
    if source:
        draft.flags.add("claimed")
        draft.speaker = draft.speaker or source
    if is_hypothetical(clause):
        draft.flags.add("hypothetical")
    elif is_alleged(clause):
        draft.flags.add("claimed")  # "auraient tué": reported, not confirmed by the writer
    if has_condition(clause):
        draft.flags.add("conditional")
    if is_future(clause) and "future" not in draft.flags:
        draft.flags.add("future")
        recode_future(draft)
    if is_negated(clause) and draft.type != "THREATEN":
        if draft.type in rules()["negated_becomes_reject"]:
            recast(draft, "REJECT", request_mode(draft))
            draft.shown = clause
        else:
            draft.flags.add("negated")


def according_to(clause: Token) -> list[Token]:
    """The source of an "according to X" phrase on the clause."""
    for child in clause.children:
        if child.dep_ == "prep" and child.lower_ in rules()["by_speaker_preps"]:
            for to in child.children:
                sources = [o for o in to.children if o.dep_ == "pobj"] if to.dep_ == "prep" else []
                if sources:
                    return sources
    return []


def recode_future(draft: Draft) -> None:
    r = rules()
    target = r["future"].get(draft.type)
    if draft.type in r["future_keep_with_threat"] and "conditional" in draft.flags:
        target = "THREATEN"
    if target == "THREATEN":
        recast(draft, "THREATEN", threat_mode(draft))
        draft.flags.add("threatened")
    elif target:
        recast(draft, target, None)
        draft.flags.add("planned")
    else:
        draft.flags.add("planned")


def recast(draft: Draft, type_: str, mode: str | None) -> None:
    if draft.embedded_type is None:
        draft.embedded_type = draft.type
    draft.type, draft.mode, draft.recast = type_, mode, True
    draft.cameo = None


def threat_mode(draft: Draft) -> str | None:
    r = rules()
    return r["threat_mode_by_mode"].get(draft.mode or "") or r["threat_mode"].get(draft.type)


def request_mode(draft: Draft) -> str | None:
    r = rules()
    words = r["request_mode_words"]
    for token in draft.path or [draft.trigger.token]:
        if lemma(token) in words:
            return words[lemma(token)]
    return r["request_mode"].get(draft.type)


def hostile(draft: Draft) -> bool:
    return draft.type in rules()["hostile"]
