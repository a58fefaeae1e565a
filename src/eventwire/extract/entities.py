"""Actors: people, organisations and states, with roles, countries and sectors.

Public helpers for the other steps:

- :func:`entity_at` finds the entity mentioned at a character span;
- :func:`actor_code` gives (country ISO3, sector) for any noun phrase, named or not;
- :func:`noun_phrase_at` widens a character span to the noun phrase around it;
- :func:`actor_at` puts them together: the entity at a span and its (country, sector), filled in from
  the words of the span and of its noun phrase where the entity does not say.
"""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from eventwire.extract.actors.code import actor_code as _actor_code
from eventwire.extract.actors.code import phrase_head
from eventwire.extract.actors.phrases import noun_phrase_at as _noun_phrase_at
from eventwire.extract.actors.resolve import build_entities
from eventwire.extract.base import Found, Parsed, step
from eventwire.records import Entity

__all__ = ["actor_at", "actor_code", "combined_code", "entities", "entity_at", "noun_phrase_at"]


@step(provides="entities")
def entities(doc: Parsed, found: Found) -> list[Entity]:
    """Entities (SPEC §2) with every mention's span, role, country (ISO3), sector and combined code."""
    return build_entities(doc)


def entity_at(entities: list[Entity], start: int, end: int) -> Entity | None:
    """The entity with a mention overlapping the character span ``[start, end)``.

    Among several, the mention that fits the span best wins (largest overlap over union), then the
    shorter mention: for "the commander of the Russian peacekeeping force" the commander, not the force.
    """
    best: tuple[float, int, Entity] | None = None
    for entity in entities:
        for mention in entity.mentions:
            overlap = min(end, mention.end) - max(start, mention.start)
            if overlap <= 0 and not (start == end and mention.start <= start < mention.end):
                continue
            union = max(end, mention.end) - min(start, mention.start)
            fit = max(overlap, 0) / union if union else 1.0
            length = mention.end - mention.start
            if best is None or (fit, -length) > (best[0], -best[1]):
                best = (fit, length, entity)
    return best[2] if best else None


def actor_code(span: SpacySpan) -> tuple[str | None, str | None]:
    """(country ISO 3166 alpha-3, CAMEO/PLOVER sector) of a noun phrase, named or not.

    "Georgian troops" -> ("GEO", "MIL"); "the Russian government" -> ("RUS", "GOV"); "Israeli police"
    -> ("ISR", "COP"); "the White House" -> ("USA", "GOV"); "the OSCE" -> (None, "IGO"). Either part is
    None when the phrase does not say it.
    """
    return _actor_code(span)


def combined_code(country: str | None, sector: str | None) -> str | None:
    """The event actor code: country + sector ("GEOMIL"); an international body's sector alone ("IGO")."""
    code = (country or "") + (sector or "")
    return code or None


def noun_phrase_at(doc: Doc, start: int, end: int) -> SpacySpan | None:
    """The noun phrase around a character span, widened to its head noun ("Hungarian" in "Hungarian
    officials" gives "Hungarian officials")."""
    return _noun_phrase_at(doc, start, end)


def actor_at(doc: Doc, entities: list[Entity], start: int, end: int) -> tuple[Entity | None, str | None, str | None]:
    """(entity, country, sector) for the actor at a character span, e.g. an event's argument.

    The entity is the one mentioned at the phrase's head ("Fabius" in "French National Assembly president
    Laurent Fabius", not the assembly), else the best-fitting mention. Its own country and sector come
    first; what it lacks is read from the span's words, then from the noun phrase around it ("Romanian"
    in "Hungarian and Romanian officials" -> ROU, GOV).
    """
    own = doc.char_span(start, end, alignment_mode="expand")
    entity = _entity_at_head(entities, own) if own is not None and len(own) else None
    entity = entity or entity_at(entities, start, end)
    own_country, own_sector = _actor_code(own) if own is not None and len(own) else (None, None)
    # A country the span itself names beats the enclosing entity's: "Romanian" in "Hungarian and Romanian ...".
    country = own_country or (entity.country if entity else None)
    sector = (entity.sector if entity else None) or own_sector
    if not (country and sector):
        phrase = noun_phrase_at(doc, start, end)
        if phrase is not None and len(phrase):
            more_country, more_sector = _actor_code(phrase)
            country, sector = country or more_country, sector or more_sector
    return entity, country, sector


def _entity_at_head(entities: list[Entity], span: SpacySpan) -> Entity | None:
    head = phrase_head(span)
    return entity_at(entities, head.idx, head.idx + len(head.text))
