"""Noun-phrase spans for actors and recipients: conjuncts split, clauses and appositions trimmed."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from eventwire import lexicons
from eventwire.extract.eventcoding.syntax import is_reciprocal

PHRASE_DEPS = frozenset({"det", "predet", "amod", "compound", "poss", "nummod", "quantmod", "nmod", "case", "pobj",
                         "prep", "advmod", "npadvmod", "hyph", "nn"})
KEPT_PREPS = frozenset({"in", "of", "from", "for", "at"})
LEADING_DROPS = frozenset({"the", "a", "an"})


def phrase(head: Token) -> tuple[int, int]:
    """Token range [start, end) of the noun phrase headed by ``head``, without clauses, conjuncts or appositions.

    A common noun with a proper-name apposition ("the capital, Tskhinvali") is represented by the name.
    """
    if head.pos_ in ("NOUN",) and not any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in head.children):
        for child in head.children:
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                name = phrase(child)
                own = _own_phrase(head)
                if child.ent_type_ == "PERSON" and own[1] <= name[0] and any(
                        head.doc[i].ent_type_ in ("GPE", "NORP") for i in range(*own)):
                    return own[0], name[1]  # "Qatar's emir, Sheikh Hamad": the country stays in the phrase
                return name
    return _own_phrase(head)


def _universal_dependencies(child: Token, node: Token, head: Token) -> bool | None:
    """Phrase rules for parses in Universal Dependencies (the French pipeline), where a preposition hangs on its
    noun: keep or drop ``child`` of ``node``, or None to let the English rules decide.

    "[par] des rebelles" drops the preposition that attaches the phrase; a modifier phrase stays only behind a
    preposition the language keeps in names ("le porte-parole [de l'armée]", not "des rebelles [près de Beni]",
    "des hommes [à Kaya]"); a bare participle stays ("des hommes armés")."""
    if child.dep_ == "case" and child.pos_ == "ADP":
        return node.i != head.i
    if child.dep_ in ("flat:name", "flat", "fixed"):
        return True  # the rest of a name ("Ansar [Dine]")
    if child.dep_ in ("nmod", "obl") and node.i == head.i:
        marks = [c for c in child.children if c.dep_ == "case"]
        if marks:
            return lemma_of(marks[0]) in kept_prepositions(head.doc.lang_)
    if child.dep_ == "advmod" and child.i > node.i and any(c.dep_ in ("dep", "nmod", "obl") for c in child.children):
        return False  # "près de Beni" after the noun: where it was, not who
    if child.dep_ == "acl" and child.i == node.i + 1 and not any(True for _ in child.children):
        return True
    return None


def lemma_of(token: Token) -> str:
    return token.lemma_.lower()


@cache
def kept_prepositions(lang: str) -> frozenset[str]:
    """Prepositions a named phrase keeps, per language (``lexicons/<lang>/actor_kept_prepositions.txt``)."""
    name = "actor_kept_prepositions.txt"
    return frozenset(lexicons.lines(name, lang)) if lang and lexicons.has(name, lang) else frozenset()


def _own_phrase(head: Token) -> tuple[int, int]:
    """The phrase of the head itself, appositions left out."""
    keep = {head.i}
    stack = [head]
    while stack:
        node = stack.pop()
        for child in node.children:
            hyphen = child.dep_ == "punct" and child.tag_ == "HYPH"
            ud = _universal_dependencies(child, node, head)
            if ud is False:
                continue
            if ud is None and ((child.dep_ not in PHRASE_DEPS and not hyphen) or (
                    child.dep_ == "prep" and child.lower_ not in KEPT_PREPS)):
                continue
            if child.dep_ == "prep" and node.i != head.i:
                continue
            if child.dep_ == "nmod" and not _kept_nmod(child):
                continue
            keep.add(child.i)
            stack.append(child)
    start, end = min(keep), max(keep) + 1
    doc = head.doc
    # the phrase is contiguous from the head's side: cut at a gap left by a trimmed part
    for i in range(head.i - 1, start - 1, -1):
        if i not in keep:
            start = i + 1
            break
    for i in range(head.i + 1, end):
        if i not in keep:
            end = i
            break
    while start < head.i and (doc[start].lower_ in LEADING_DROPS or doc[start].is_punct or _own_case(doc[start], head)):
        start += 1
    while end - 1 > head.i and doc[end - 1].is_punct:
        end -= 1
    if end - 1 > head.i and doc[end - 1].tag_ == "POS":
        end -= 1
    return _whole_name(head, start, end)


FRENCH_KEPT_CASES = frozenset({"de", "d'", "du", "des"})  # "le ministre de la Défense", not "… près de Gao"


def _kept_nmod(noun: Token) -> bool:
    """A French noun modifier stays in the phrase when "de" introduces it (English nmods always stay)."""
    if noun.doc.lang_ != "fr":
        return True
    return noun.left_edge.lower_ in FRENCH_KEPT_CASES or noun.pos_ == "PROPN"  # "le groupe [Ansar Dine]"


def _own_case(token: Token, head: Token) -> bool:
    """The preposition a Universal Dependencies parse puts under its noun ("par [des assaillants]")."""
    return token.dep_ == "case" and token.pos_ == "ADP" and token.head.i == head.i


NAME_TYPES = frozenset({"ORG", "GPE", "PERSON", "NORP", "LOC", "FAC"})


def _whole_name(head: Token, start: int, end: int) -> tuple[int, int]:
    """Widen the range to the whole named entity the head belongs to ("Organization for Security and
    Cooperation in Europe" is one name, not a conjunction)."""
    if head.ent_type_ not in NAME_TYPES or head.ent_iob_ == "O":
        return start, end
    doc = head.doc
    left = head.i
    while left > 0 and doc[left].ent_iob_ == "I":
        left -= 1
    right = head.i + 1
    while right < len(doc) and doc[right].ent_iob_ == "I":
        right += 1
    while left < head.i and doc[left].lower_ in LEADING_DROPS:
        left += 1
    return min(start, left), max(end, right)


def conjunct_heads(head: Token) -> list[Token]:
    """The head and the heads conjoined to it ("France, Germany, and Turkey"), plus names listed in a
    prepositional modifier of a common noun ("officials in France, Germany and Turkey")."""
    heads = [head] + [c for c in head.conjuncts if c.i > head.i]
    extra: list[Token] = []
    for h in heads:
        if h.pos_ != "NOUN":
            continue
        for prep in h.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "from", "of"):
                for obj in prep.children:
                    if obj.dep_ == "pobj" and obj.pos_ == "PROPN":
                        extra += [c for c in obj.conjuncts if c.i > obj.i]
    return heads + extra


def argument_ranges(heads: list[Token]) -> list[tuple[int, int, tuple[int, int]]]:
    """(start, end, phrase) token ranges of every party named by the heads, in text order, without repeats.

    Conjuncts are parties of their own; so are conjoined national adjectives ("the Turkish and Greek sides"
    names two parties): each is then its own range, with the whole phrase kept alongside for its sector.
    """
    seen: set[tuple[int, int]] = set()
    out: list[tuple[int, int, tuple[int, int]]] = []
    for head in heads:
        if is_reciprocal(head):
            continue
        for h in conjunct_heads(head):
            whole = phrase(h)
            for start, end in _national_adjectives(h) or [whole]:
                if (start, end) not in seen:
                    seen.add((start, end))
                    out.append((start, end, whole))
    return sorted(out, key=lambda r: r[0])


def _national_adjectives(head: Token) -> list[tuple[int, int]]:
    """'Turkish and Greek' in "the Turkish and Greek sides": two or more conjoined nationality adjectives."""
    for child in head.children:
        if child.dep_ == "amod" and child.ent_type_ in ("NORP", "GPE") and child.conjuncts:
            group = [child] + [c for c in child.conjuncts if c.ent_type_ in ("NORP", "GPE")]
            if len(group) > 1:
                return [(t.i, t.i + 1) for t in sorted(group, key=lambda t: t.i)]
    return []
