"""Token-level helpers over a parsed Doc: noun phrases, place words, titles inside a phrase."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from eventwire.extract.actors.lexicon import GroupNoun, Organisation, Place, Title, actor_lexicon, split_hyphens

NOMINAL = frozenset({"NOUN", "PROPN"})
LEFT_MODIFIERS = frozenset({"det", "amod", "compound", "poss", "nummod", "nmod", "quantmod", "advmod", "case"})
# Prepositions after a group noun that say where the group is from: "rebels in the Ivory Coast".
PLACE_PREPOSITIONS = frozenset({"in", "from", "throughout", "across", "of"})
POSSESSIVE = frozenset({"'s", "'", "’s", "’"})
MAX_PLACE_TOKENS = 5


def token_key(tokens: Sequence[Token]) -> tuple[str, ...]:
    """Lower-case word forms, with hyphens as separate words, for lexicon lookups."""
    out: list[str] = []
    for token in tokens:
        out.extend(split_hyphens(token.lower_))
    return tuple(out)


def title_ending_at(doc: Doc, end: int, lower_bound: int = 0) -> tuple[int, Title] | None:
    """The longest title whose last token is ``end - 1``: (start token, Title)."""
    lexicon = actor_lexicon()
    for start in range(max(lower_bound, end - lexicon.longest_title - 2), end):
        title = lexicon.titles_by_key.get(token_key(doc[start:end]))
        if title is not None:
            return start, title
    return None


def group_noun_ending_at(doc: Doc, end: int, lower_bound: int = 0) -> tuple[int, GroupNoun] | None:
    """The longest group noun ("security forces", "rebels") whose last token is ``end - 1``."""
    lexicon = actor_lexicon()
    for start in range(max(lower_bound, end - lexicon.longest_noun - 2), end):
        noun = lexicon.nouns_by_key.get(token_key(doc[start:end]))
        if noun is not None:
            return start, noun
    return None


def place_of_tokens(tokens: Span) -> Place | None:
    """The place a run of tokens names, possessive ending and determiner ignored."""
    text = strip_possessive(tokens).text
    return actor_lexicon().place(text) if text else None


def strip_possessive(span: Span) -> Span:
    end = span.end
    while end > span.start and span.doc[end - 1].text in POSSESSIVE:
        end -= 1
    return span.doc[span.start:end]


def strip_determiner(span: Span) -> Span:
    start = span.start
    while start < span.end and span.doc[start].dep_ == "det" and span.doc[start].lower_ in {"the", "a", "an"}:
        start += 1
    return span.doc[start:span.end]


def places_in(span: Span) -> list[tuple[Span, Place]]:
    """Country words in a phrase, left to right, longest first: "South Ossetian civilians" -> [South Ossetian]."""
    doc = span.doc
    found: list[tuple[Span, Place]] = []
    i = span.start
    while i < span.end:
        hit = None
        if doc[i].is_alpha or doc[i].text[:1].isupper() or "." in doc[i].text:
            for j in range(min(span.end, i + MAX_PLACE_TOKENS), i, -1):
                if not doc[j - 1].text[:1].isupper() and doc[j - 1].text not in POSSESSIVE:
                    continue
                place = place_of_tokens(doc[i:j])
                if place is not None:
                    hit = (doc[i:j], place)
                    break
        if hit is not None:
            found.append(hit)
            i = hit[0].end
        else:
            i += 1
    return found


def organisation_in(span: Span) -> tuple[Span, Organisation] | None:
    """The first known organisation named inside a phrase ("the OSCE mission" -> OSCE)."""
    lexicon = actor_lexicon()
    doc = span.doc
    whole = lexicon.organisation(strip_possessive(strip_determiner(span)).text)
    if whole is not None:
        return span, whole
    for i in range(span.start, span.end):
        if not doc[i].is_alpha and not doc[i].text[:1].isalnum():
            continue
        for j in range(min(span.end, i + 8), i, -1):
            organisation = lexicon.organisation(strip_possessive(doc[i:j]).text)
            if organisation is not None:
                return doc[i:j], organisation
    return None


def noun_phrase(head: Token, with_places: bool = True) -> Span:
    """The noun phrase a head noun governs: its left modifiers, and prepositions that name a place."""
    doc = head.doc
    start = head.i
    for child in head.lefts:
        if child.dep_ in LEFT_MODIFIERS or child.pos_ in {"ADJ", "NOUN", "PROPN", "NUM"}:
            start = min(start, child.left_edge.i)
    end = head.i + 1
    if with_places:
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ in PLACE_PREPOSITIONS and child.i == end:
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects and places_in(doc[objects[0].left_edge.i:objects[0].i + 1]):
                    end = objects[0].i + 1
    while start < head.i and doc[start].is_punct:
        start += 1
    return doc[start:end]


def noun_phrase_at(doc: Doc, start: int, end: int) -> Span | None:
    """The noun phrase around a character span, widened to its head noun: "Hungarian" in "Hungarian
    officials" gives "Hungarian officials"; "Rebels" in "Rebels in the Ivory Coast" gives the whole."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    head = span.root
    while head.dep_ in {"amod", "compound", "poss", "nmod"} and head.head.pos_ in NOMINAL and head.head.i > head.i:
        head = head.head
    if head.pos_ not in NOMINAL and head.pos_ not in {"ADJ", "PRON", "NUM"}:
        return span
    phrase = noun_phrase(head)
    lo, hi = min(phrase.start, span.start), max(phrase.end, span.end)
    return doc[lo:hi]
