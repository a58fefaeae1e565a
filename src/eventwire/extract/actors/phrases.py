"""Token-level helpers over a parsed Doc: noun phrases, place words, titles inside a phrase."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from functools import cache

from spacy.attrs import LOWER
from spacy.strings import get_string_id
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


class WordIndex:
    """Where given lower-case words occur in a Doc, found over spaCy's hash array without making Tokens."""

    def __init__(self, doc: Doc) -> None:
        self.lower = doc.to_array(LOWER).tolist() if len(doc) else []
        self.found: dict[frozenset[str], set[int]] = {}

    def positions(self, words: frozenset[str]) -> set[int]:
        if words not in self.found:
            hashes = _hashes(words)
            self.found[words] = {i for i, h in enumerate(self.lower) if h in hashes}
        return self.found[words]


@cache
def _hashes(words: frozenset[str]) -> frozenset[int]:
    return frozenset(get_string_id(w) for w in words)


class Sentences:
    """Every sentence of a Doc, found by token index without spaCy's per-call scan of the Doc."""

    def __init__(self, doc: Doc) -> None:
        self.spans = list(doc.sents)
        self.starts = [s.start for s in self.spans]

    def of(self, i: int) -> Span:
        return self.spans[bisect_right(self.starts, i) - 1]

    def index(self, i: int) -> int:
        return bisect_right(self.starts, i) - 1


def title_ending_at(doc: Doc, end: int, lower_bound: int = 0) -> tuple[int, Title] | None:
    """The longest title whose last token is ``end - 1``: (start token, Title)."""
    lexicon = actor_lexicon()
    return _longest_ending_at(doc, end, lower_bound, lexicon.titles_by_key, lexicon.title_last_words,
                              lexicon.longest_title)


def group_noun_ending_at(doc: Doc, end: int, lower_bound: int = 0) -> tuple[int, GroupNoun] | None:
    """The longest group noun ("security forces", "rebels") whose last token is ``end - 1``."""
    lexicon = actor_lexicon()
    return _longest_ending_at(doc, end, lower_bound, lexicon.nouns_by_key, lexicon.noun_last_words,
                              lexicon.longest_noun)


def _longest_ending_at(doc: Doc, end: int, lower_bound: int, table: dict, last_words: frozenset[str],
                       longest: int) -> tuple[int, object] | None:
    if end <= lower_bound or end > len(doc):
        return None
    last = split_hyphens(doc[end - 1].lower_)
    if last[-1] not in last_words:
        return None
    key = tuple(last)
    best = None
    start = end - 1
    while True:
        found = table.get(key)
        if found is not None:
            best = (start, found)
        start -= 1
        if start < lower_bound or len(key) >= longest:
            return best
        key = tuple(split_hyphens(doc[start].lower_)) + key


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
    lexicon = actor_lexicon()
    return [(span.doc[span.start + i:span.start + j], place)
            for i, j, place in _find_in(span, lexicon.place_first_words, lexicon.place, MAX_PLACE_TOKENS, True)]


def organisation_in(span: Span) -> tuple[Span, Organisation] | None:
    """The first known organisation named inside a phrase ("the OSCE mission" -> OSCE)."""
    lexicon = actor_lexicon()
    doc = span.doc
    whole = lexicon.organisation(strip_possessive(strip_determiner(span)).text)
    if whole is not None:
        return span, whole
    for i, j, organisation in _find_in(span, lexicon.organisation_first_words, lexicon.organisation, 8, False):
        return doc[span.start + i:span.start + j], organisation
    return None


def _find_in(span: Span, first_words: frozenset[str], lookup: Callable[[str], object | None], longest: int,
             every: bool) -> list[tuple[int, int, object]]:
    """Lexicon names inside a phrase, as (start, end, entry) relative to it; longest match at each start."""
    texts = [t.text for t in span]
    if not any(t in first_words for t in texts):
        return []
    spaces = [t.whitespace_ for t in span]
    blank = [not t.strip() for t in texts]
    found: list[tuple[int, int, object]] = []
    i = 0
    while i < len(texts):
        hit = None
        if texts[i] in first_words:
            for j in range(min(len(texts), i + longest), i, -1):
                if texts[j - 1] in POSSESSIVE or blank[j - 1]:
                    continue
                name = "".join(texts[k] + spaces[k] for k in range(i, j - 1)) + texts[j - 1]
                entry = lookup(name)
                if entry is not None:
                    hit = (i, j, entry)
                    break
        if hit is None:
            i += 1
            continue
        found.append(hit)
        if not every:
            return found
        i = hit[1]
    return found


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


SETTLEMENTS = frozenset({"capital", "city", "town", "village", "region", "province", "district", "port", "suburb",
                         "republic", "enclave", "area", "county"})


def described_as_town(doc: Doc, start: int, end: int) -> Token | None:
    """The settlement noun a name is given as: "capital" in "the Chechen capital, Grozny", "town" in
    "the Syrian town of Qusayr"."""
    root = doc[start:end].root
    if root.dep_ == "appos" and root.head.lower_ in SETTLEMENTS:
        return root.head
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in SETTLEMENTS:
        return root.head.head
    return None


def town_country(doc: Doc, start: int, end: int) -> str | None:
    """The country a town's mention places it in: "Gori, Georgia", "the South Ossetian capital,
    Tskhinvali", "the Georgian town of Gori"."""
    lexicon = actor_lexicon()
    if end + 1 < len(doc) and doc[end].text == ",":
        for stop in range(min(len(doc), end + 4), end + 1, -1):
            place = lexicon.place(doc[end + 1:stop].text)
            if place is not None and place.kind in {"country", "region"}:
                return place.iso3
    described = described_as_town(doc, start, end)
    if described is None:
        return None
    phrase = noun_phrase(described, with_places=False)
    stop = max([phrase.end] + [c.right_edge.i + 1 for c in described.rights if c.dep_ == "prep" and c.lower_ == "of"])
    places = [p for span, p in places_in(doc[phrase.start:stop]) if p.kind != "capital" and span.start != start]
    return places[0].iso3 if places else None
