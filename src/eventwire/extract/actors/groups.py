"""Group actors: nationality + noun ("Georgian forces", "South Ossetian civilians") and bare groups
("separatists", "police", "refugees"). Peoples named by their demonym ("South Ossetians") come from NER."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from eventwire.extract.actors.code import actor_code
from eventwire.extract.actors.lexicon import actor_lexicon
from eventwire.extract.actors.phrases import (
    NOMINAL,
    WordIndex,
    group_noun_ending_at,
    noun_phrase,
    strip_determiner,
    title_ending_at,
    token_key,
)

QUANTITY_DEPS = frozenset({"det", "predet", "nummod", "quantmod", "advmod"})
QUANTIFIERS = frozenset({"several", "many", "some", "most", "few", "all", "both", "hundreds", "thousands",
                         "dozens", "scores", "tens", "millions", "more", "other", "two", "three", "about", "around"})
HEAD_DEPS_TO_SKIP = frozenset({"compound", "amod", "nmod", "poss"})


@dataclass(slots=True)
class Group:
    start: int
    end: int
    type: str  # ORG or NORP
    head: tuple[str, ...]  # the group noun, lower case: ("forces",)
    country: str | None
    sector: str | None


def group_actors(doc: Doc, sentences: list[Span], taken: set[int], people: set[int],
                 words: WordIndex) -> list[Group]:
    """Noun phrases headed by a group noun: the head outside ``taken`` (names, titles), the phrase
    outside ``people`` (people's names and their titles)."""
    found: list[Group] = []
    candidates = words.positions(actor_lexicon().noun_last_words)
    for sentence in sentences:
        for i in range(sentence.start, sentence.end):
            if i in candidates and i not in taken:
                group = _group_at(doc[i], sentence, people)
                if group is not None:
                    found.append(group)
    return found


def _group_at(token: Token, sentence: Span, people: set[int]) -> Group | None:
    """The group a head noun names, unless the noun only modifies another ("police chief")."""
    doc = token.doc
    if token.pos_ not in NOMINAL and token.pos_ != "ADJ" or token.ent_type_ == "PERSON":
        return None
    if token.dep_ in HEAD_DEPS_TO_SKIP and token.head.pos_ in NOMINAL and token.head.i > token.i and (
            token.dep_ != "compound" or token.pos_ not in NOMINAL or _names_an_actor(token.head)
            or token.head.i in people):
        return None  # "police chief", "rebel leaders": the head is the actor; "army bulldozers" stay the army
    noun = group_noun_ending_at(doc, token.i + 1, sentence.start)
    if noun is None:
        return None
    phrase = noun_phrase(token)
    if token.dep_ == "compound" and token.head.i > token.i:
        # "Israeli army bulldozers": the head's own modifiers before the group noun belong to it too
        phrase = doc[min(phrase.start, noun_phrase(token.head, with_places=False).start):token.i + 1]
    phrase = _without_quantity(strip_determiner(phrase), token.i)
    if any(i in people for i in range(phrase.start, phrase.end)):
        phrase = doc[noun[0]:token.i + 1]  # the group noun alone: "police officers"
    country, sector = actor_code(phrase)
    return Group(phrase.start, phrase.end, noun[1].type, token_key(doc[noun[0]:token.i + 1]), country, sector)


def _names_an_actor(token: Token) -> bool:
    doc = token.doc
    return (group_noun_ending_at(doc, token.i + 1) is not None or title_ending_at(doc, token.i + 1) is not None
            or token.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"})


def _without_quantity(phrase: Span, head: int) -> Span:
    """The group without its count or quantifier: "500 peacekeepers" -> "peacekeepers"."""
    doc = phrase.doc
    start = phrase.start
    for i in range(phrase.start, head):
        token = doc[i]
        if token.like_num or token.lower_ in QUANTIFIERS or token.dep_ in QUANTITY_DEPS or token.is_punct:
            start = i + 1
    return doc[start:phrase.end]
