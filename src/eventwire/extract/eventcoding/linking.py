"""Tie a coded event to what the other steps found: entities and codes, places, times, quotes, figures.

The helpers of the other steps (``entity_at``/``actor_code``, ``time_of``, ``attribution_of``) are used when
their modules provide them; otherwise a simpler local rule stands in, so events never depend on their order of
arrival.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from importlib import import_module
from typing import Any

from spacy.tokens import Span, Token

from eventwire import lexicons
from eventwire.extract.base import Found, Parsed
from eventwire.extract.eventcoding.lexicon import rules
from eventwire.extract.places import clause_place
from eventwire.records import ActorRef, Entity

_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$|^\d{3}X$")


@cache
def _helper(module: str, name: str) -> Callable[..., Any] | None:
    """A function another step's module exposes, or None while it does not (yet)."""
    try:
        return getattr(import_module(f"eventwire.extract.{module}"), name, None)
    except ImportError:
        return None


class Linker:
    """Per-document lookups over the records the earlier steps returned."""

    def __init__(self, doc: Parsed, found: Found) -> None:
        self.doc = doc
        self.entities: list[Entity] = found.get("entities") or []
        self.places: list = found.get("places") or []
        self.times: list = found.get("times") or []
        self.quotes: list = found.get("quotes") or []
        self.figures: list = found.get("figures") or []
        self.published = (doc.article.published or "")[:10] or None

    # ---------------------------------------------------------------- actors

    def actor_ref(self, start: int, end: int, phrase: tuple[int, int] | None = None,
                  owner: tuple[int, int] | None = None) -> ActorRef:
        """An actor or recipient over tokens [start, end) with its entity and code.

        A part of a larger phrase ("Turkish" in "the Turkish and Greek sides") takes its sector from the phrase;
        a phrase owned through a pronoun ("its jets") takes its country from the owner the pronoun stands for.
        """
        doc = self.doc.doc
        span = doc[start:end]
        entity, country, sector = self.actor_at(span)
        if sector is None and phrase is not None and phrase != (start, end):
            sector = self.country_sector(doc[phrase[0]:phrase[1]], None)[1]
        if country is None and owner is not None:
            owner_span = doc[owner[0]:owner[1]]
            country = self.country_sector(owner_span, self.entity_at(owner_span.start_char, owner_span.end_char))[0]
        code = f"{country or ''}{sector or ''}" or None
        return ActorRef(span.start_char, span.end_char, span.text, entity.id if entity else None, code)

    def actor_at(self, span: Span) -> tuple[Entity | None, str | None, str | None]:
        """(entity, country, sector) of the actor a phrase names."""
        helper = _helper("entities", "actor_at")
        if helper is not None:
            return helper(self.doc.doc, self.entities, span.start_char, span.end_char)
        entity = self.entity_at(span.start_char, span.end_char)
        return (entity, *self.country_sector(span, entity))

    def entity_at(self, start: int, end: int) -> Entity | None:
        helper = _helper("entities", "entity_at")
        if helper is not None:
            found = helper(self.entities, start, end)
            if isinstance(found, str):
                return next((e for e in self.entities if e.id == found), None)
            return found
        best: tuple[int, Entity] | None = None
        for entity in self.entities:
            for m in entity.mentions:
                overlap = min(end, m.end) - max(start, m.start)
                if overlap > 0 and (best is None or overlap > best[0]):
                    best = (overlap, entity)
        return best[1] if best else None

    def country_sector(self, span: Span, entity: Entity | None) -> tuple[str | None, str | None]:
        """(country ISO3, sector) of a phrase, from the entities step's coder, else from its entity."""
        helper = _helper("entities", "actor_code")
        country = sector = None
        if helper is not None:
            country, sector = helper(span)
        if entity is not None:
            country, sector = country or entity.country, sector or entity.sector
        return country, sector

    def in_time(self, token: Token) -> bool:
        """Whether the word lies inside a time expression the times step found ("on Sunday")."""
        return any(t.start <= token.idx < t.end for t in self.times)

    def named_group_before(self, token: Token) -> Token | None:
        """The head of the latest mention, before ``token``, of a named group that is no state, force or
        institution ("the Amber Legion" for a later "the group")."""
        not_groups = _anaphors()[1]
        best: tuple[int, int] | None = None
        for entity in self.entities:
            if entity.type != "ORG" or (entity.sector or "") in not_groups:
                continue
            for m in entity.mentions:
                if m.end <= token.idx and m.text[:1].isupper() and (best is None or m.start > best[0]):
                    best = (m.start, m.end)
        if best is None:
            return None
        span = self.doc.doc.char_span(best[0], best[1], alignment_mode="expand")
        return span.root if span is not None else None

    # ---------------------------------------------------------------- claims

    def attribution(self, start: int, end: int) -> Any | None:
        helper = _helper("quotes", "attribution_of")
        if helper is not None:
            return helper(self.quotes, start, end)
        for quote in self.quotes:
            if quote.content.start <= start and end <= quote.content.end:
                return quote
        return None

    def speaker_entity(self, heads: list[Token]) -> str | None:
        for head in heads:
            entity = self.entity_at(head.idx, head.idx + len(head.text))
            if entity is None:
                sub = list(head.subtree)
                entity = self.entity_at(sub[0].idx, sub[-1].idx + len(sub[-1].text))
            if entity is not None:
                return entity.id
        return None

    # ---------------------------------------------------------------- where and when

    def place_of(self, sent: Span, clause: Token, taken: list[tuple[int, int]]) -> int | None:
        """The place the event's clause names, else one its sentence names; never an actor's own span."""
        sub = list(clause.subtree)
        lo, hi = sub[0].idx, sub[-1].idx + len(sub[-1].text)
        return clause_place(self.places, self.doc.text, (sent.start_char, sent.end_char), (lo, hi), clause.idx, taken)

    def time_of(self, sent: Span, start: int, end: int) -> tuple[int | None, str | None]:
        """(index into times, calendar date) of the event's clause."""
        helper = _helper("times", "time_of")
        if helper is not None:
            index, iso, _precision = helper(self.doc, self.times, start, end)
            return index, iso
        best: tuple[int, int] | None = None
        for i, t in enumerate(self.times):
            if t.start >= sent.start_char and t.end <= sent.end_char and t.value and _ISO_DATE.match(t.value[:10]):
                rank = abs(t.start - start)
                if best is None or rank < best[0]:
                    best = (rank, i)
        if best is not None:
            return best[1], self.times[best[1]].value[:10]
        return None, self.published

    def casualties(self, sent: Span) -> tuple[int | None, int | None]:
        """Killed and injured counts among the sentence's figures."""
        killed = injured = None
        for figure in self.figures:
            if figure.start < sent.start_char or figure.end > sent.end_char:
                continue
            q = figure.quantity
            value = q.value if q.value is not None else q.low
            if value is None:
                continue
            if figure.category == "killed" and killed is None:
                killed = int(value)
            elif figure.category == "injured" and injured is None:
                injured = int(value)
        return killed, injured


@cache
def _anaphors() -> tuple[frozenset[str], frozenset[str]]:
    """(anaphor head nouns, sectors that are never a named group), from ``actor_anaphors.tsv``."""
    table = lexicons.rows("actor_anaphors.tsv")
    return (frozenset(w for w, kind, *_ in table if kind == "anaphor"),
            frozenset(w for w, kind, *_ in table if kind == "not-group"))


def is_group_anaphor(token: Token) -> bool:
    """"the group", "the militants", "the armed rebels": a definite group noun that names nobody itself."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in _anaphors()[0]:
        return False
    children = list(token.children)
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in children):
        return False
    return not any(c.dep_ in ("compound", "amod", "poss", "nmod") and (c.ent_type_ or c.pos_ == "PROPN")
                   for c in children) and not any(c.dep_ in ("prep", "appos", "acl", "relcl") for c in children)


def is_pronoun(token: Token) -> bool:
    return token.lower_ in rules()["pronouns"] and token.pos_ == "PRON"
