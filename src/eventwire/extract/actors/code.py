"""The actor code of a noun phrase: (country ISO3, CAMEO/PLOVER sector), named or not."""

from __future__ import annotations

from spacy.tokens import Span, Token

from eventwire.extract.actors.lexicon import Organisation, actor_lexicon
from eventwire.extract.actors.phrases import (
    NOMINAL,
    POSSESSIVE,
    group_noun_ending_at,
    organisation_in,
    places_in,
    strip_determiner,
    title_ending_at,
)

# Sectors of organisations that stand outside any one country; their members take the sector too,
# so that the combined code starts with it ("NATO peacekeepers" -> IGO), as CAMEO codes them.
INTERNATIONAL = frozenset({"IGO", "NGO", "IMG", "MNC", "UNO", "EUR", "ISM"})
PEOPLE_SECTOR = "CVL"
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod", "advmod"})
STATE_SECTOR = "GOV"


def actor_code(span: Span) -> tuple[str | None, str | None]:
    """(country ISO3, sector) of a noun phrase, from the actor lexicons."""
    span = strip_determiner(span)
    if not len(span):
        return None, None
    head = phrase_head(span)
    found = organisation_in(span)
    # An organisation named after the head codes the phrase only when the head is its member
    # ("a spokesman for NATO"), not otherwise ("militants loyal to al-Qaeda").
    organisation = found[1] if found and (found[0].start <= head.i or _member_of(span, head, found[0])) else None
    if organisation is not None and organisation.sector in INTERNATIONAL:
        return organisation.country, organisation.sector
    places = places_in(span)
    country = places[0][1].iso3 if places else (organisation.country if organisation else None)
    sector = _sector(span, organisation.sector if organisation else None)
    if country is None and head.pos_ == "PROPN":
        person = _known_person(span, head)
        if person is not None:
            country, sector = person.country, sector or person.sector
    if sector is None and places and places[0][0].start == span.start:
        sector = _sector_of_places_alone(span, places)
    return country, sector


def _member_of(span: Span, head: Token, body: Span) -> bool:
    """Whether a weak head ("spokesman", "officials") belongs to the body named in its of/for phrase."""
    sector, weak = _head_sector(span, head)
    if sector is not None and not weak:
        return False
    node = body.root
    while node.dep_ in {"compound", "amod", "nmod", "poss"} and node.head != node:
        node = node.head  # "the OSCE mission": the mission is the object
    prep = node.head
    return node.dep_ == "pobj" and prep.lower_ in {"of", "for", "from", "at"} and prep.head == head


def _known_person(span: Span, head: Token) -> Organisation | None:
    """A well-known figure named at the end of the phrase: "President Bush" -> Bush."""
    lexicon = actor_lexicon()
    for start in range(span.start, head.i + 1):
        person = lexicon.person(span.doc[start:head.i + 1].text)
        if person is not None:
            return person
    return None


def phrase_head(span: Span) -> Token:
    """The head noun of a phrase; when the parser hangs its words on a noun outside it ("Israeli army"
    in "Israeli army bulldozers"), the rightmost noun among them."""
    loose = [t for t in span if t.head == t or not span.start <= t.head.i < span.end]
    nouns = [t for t in loose if t.pos_ in NOMINAL]
    if len(loose) > 1 and nouns:
        return max(nouns, key=lambda t: (sum(1 for d in t.subtree if span.start <= d.i < span.end), -t.i))
    return span.root


def _sector(span: Span, organisation_sector: str | None) -> str | None:
    head = phrase_head(span)
    head_sector, weak = _head_sector(span, head)
    if head_sector is not None and not weak:
        return head_sector
    if organisation_sector is not None:
        return organisation_sector
    better = _object_sector(span, head) or _name_word_sector(span, head) or _modifier_sector(span, head)
    return better or head_sector


def _name_word_sector(span: Span, head: Token) -> str | None:
    """The sector the words of an organisation's name give, the most specific one: "Mansfield Police
    Department" -> COP, "Serbian Workers' Union" -> LAB, "Supreme Court" -> JUD."""
    if head.pos_ != "PROPN" and not head.text[:1].isupper():
        return None
    modifiers = actor_lexicon().modifiers
    sectors = [modifiers[t.lower_] for t in span.doc[span.start:head.i + 1]
               if t.text[:1].isupper() and t.lower_ in modifiers]
    specific = [s for s in sectors if s != STATE_SECTOR]
    return (specific or sectors or [None])[-1]


def _head_sector(span: Span, head: Token) -> tuple[str | None, bool]:
    doc = span.doc
    noun = group_noun_ending_at(doc, head.i + 1, span.start)
    if noun is not None:
        return noun[1].sector, noun[1].weak
    title = title_ending_at(doc, head.i + 1, span.start)
    if title is not None:
        return title[1].sector, title[1].weak
    if head.ent_type_ == "PERSON" or (head.pos_ == "PROPN" and head.i > span.start):
        # A name: the last title before it, inside the phrase.
        name_start = head.i
        while name_start > span.start and doc[name_start - 1].pos_ == "PROPN" and doc[name_start - 1].ent_type_:
            name_start -= 1
        for end in range(name_start, span.start, -1):
            title = title_ending_at(doc, end, span.start)
            if title is not None:
                return title[1].sector, title[1].weak
    return None, False


def _object_sector(span: Span, head: Token) -> str | None:
    """The sector of what a weak head belongs to: "spokesman for the rebels" -> REB."""
    for prep in head.rights:
        if prep.dep_ != "prep" or prep.i >= span.end:
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj" and obj.i < span.end and obj.pos_ in NOMINAL:
                lo = obj.left_edge.i
                sector = _sector(span.doc[max(lo, span.start):obj.i + 1], None)
                if sector is not None:
                    return sector
    return None


def _modifier_sector(span: Span, head: Token) -> str | None:
    """The sector a word modifying the head gives ("rebel leaders" -> REB); owners ("the state's")
    do not count."""
    modifiers = actor_lexicon().modifiers
    for token in reversed(span.doc[span.start:head.i]):
        if token.dep_ not in MODIFIER_DEPS or not _modifies(token, head):
            continue
        sector = modifiers.get(token.lower_)
        if sector is not None:
            return sector
    return None


def _modifies(token: Token, head: Token) -> bool:
    while token.dep_ in MODIFIER_DEPS and token.head != token:
        if token.head == head:
            return True
        token = token.head
    return False


def _sector_of_places_alone(span: Span, places: list) -> str | None:
    """A phrase made of place words only: a state acts as its government ("Nigeria" -> GOV), a people
    as civilians ("Bosnian Serbs" -> CVL)."""
    doc = span.doc
    covered = {i for place_span, _ in places for i in range(place_span.start, place_span.end)}
    if any(i not in covered and doc[i].text not in POSSESSIVE for i in range(span.start, span.end)):
        return None
    kind = places[-1][1].kind
    if kind in {"country", "capital"} and len(places) == 1:
        return STATE_SECTOR
    if kind == "people":
        return PEOPLE_SECTOR
    return None
