"""Roles of people: titles before a name, appositions, and people named only by their title.

"Russian Foreign Minister Sergei Lavrov" -> Foreign Minister, RUS, GOV;
"Vladimir Pletnyov, a Russian television journalist" -> television journalist, RUS, MED;
"the commander of the Russian peacekeeping force" -> an unnamed actor: commander, RUS, MIL.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from eventwire.extract.actors.code import INTERNATIONAL, actor_code
from eventwire.extract.actors.lexicon import Organisation, Place, actor_lexicon
from eventwire.extract.actors.phrases import (
    NOMINAL,
    POSSESSIVE,
    WordIndex,
    noun_phrase,
    places_in,
    strip_determiner,
    strip_possessive,
    title_ending_at,
)

CONNECTORS = frozenset({"of", "for", "and", "-", "&"})
OWNER_PREPOSITIONS = frozenset({"of", "for", "to", "at"})
# "the ambassador in Moscow", "the commander in Gori": only when a name follows.
NAMED_OWNER_PREPOSITIONS = frozenset({"in", "from"})
MAX_TITLE_RUN = 7
FORMER_SECTOR = "ELI"
NOT_ACTOR_DEPS = frozenset({"compound", "amod", "attr", "npadvmod", "nmod"})


@dataclass(slots=True)
class Role:
    role: str | None
    country: str | None
    sector: str | None
    spans: list[tuple[int, int]]  # token spans of the words that gave the role (title run, apposition)
    owner: tuple[int, int] | None = None  # a person the title belongs to: "Yeltsin" in "Yeltsin spokesman X"


@cache
def _title_words() -> frozenset[str]:
    return frozenset(word for key in actor_lexicon().titles_by_key for word in key)


def role_of_name(doc: Doc, start: int, end: int) -> Role | None:
    """The role a person's name carries: a title just before it, else an apposition; an apposition
    after a title still tells the country ("Gen. X, deputy chief of the Russian General Staff")."""
    before = _title_before(doc, start)
    after = _apposition(doc, start, end)
    if before is None or after is None:
        return before or after
    before.country = before.country or after.country
    before.spans += after.spans
    return before


def _title_before(doc: Doc, name_start: int) -> Role | None:
    run_start = _title_run_start(doc, name_start)
    if run_start is None:
        return None
    sector, weak = None, False
    for end in range(name_start, run_start, -1):
        title = title_ending_at(doc, end, run_start)
        if title is not None:
            sector, weak = title[1].sector, title[1].weak
            break
    country, organisation = _owner_before(doc, run_start)
    if organisation is not None and organisation.sector in INTERNATIONAL:
        country, sector = organisation.country, organisation.sector
    elif organisation is not None and weak and organisation.sector:
        sector = organisation.sector
    role = doc[run_start:name_start].text
    owner_start = _owner_start(doc, run_start)
    owner = _person_before(doc, run_start) if owner_start == run_start else None
    if _former(doc[max(0, run_start - 1):name_start]):
        sector = FORMER_SECTOR
    return Role(role, country, sector, [(owner_start, name_start)], owner)


def _former(words: Span) -> bool:
    """"former President", "ex-president": no longer in office (PLOVER ELI)."""
    return any(t.lower_ in {"former", "ex", "ex-"} for t in words)


def _person_before(doc: Doc, end: int) -> tuple[int, int] | None:
    """The person's name right before a title ("Yeltsin spokesman", "Obama's press secretary")."""
    while end > 0 and doc[end - 1].text in POSSESSIVE:
        end -= 1
    start = end
    while start > 0 and doc[start - 1].ent_type_ == "PERSON":
        start -= 1
    return (start, end) if start < end else None


def _title_run_start(doc: Doc, name_start: int) -> int | None:
    """Where the title words right before a name begin, if there are any."""
    words = _title_words()
    i = name_start - 1
    start = None
    while i >= 0 and name_start - i <= MAX_TITLE_RUN:
        token = doc[i]
        if token.lower_ in words and not _is_owner_word(token):
            start = i
        elif token.lower_ in CONNECTORS and start is not None:
            pass
        elif _capitalised_title_part(token) and start is not None and _owner_start(doc, i + 1) > i:
            start = i
        else:
            break
        if token.is_sent_start:
            break
        i -= 1
    if start is None or title_ending_at(doc, name_start, start) is None and not _has_title(doc, start, name_start):
        return None
    while start < name_start and doc[start].lower_ in CONNECTORS:
        start += 1
    return start if start < name_start else None


def _has_title(doc: Doc, start: int, end: int) -> bool:
    return any(title_ending_at(doc, e, start) is not None for e in range(end, start, -1))


def _is_owner_word(token: Token) -> bool:
    return token.ent_type_ in {"GPE", "NORP", "ORG"} and actor_lexicon().place(token.text) is not None


def _capitalised_title_part(token: Token) -> bool:
    """A capitalised word inside a title such as "Planning and Investment Minister"."""
    if not token.text[:1].isupper() or token.pos_ not in {"NOUN", "PROPN", "ADJ"}:
        return False
    if token.ent_type_ not in {"", "ORG", "FAC", "LAW", "WORK_OF_ART"}:
        return False
    return actor_lexicon().place(token.text) is None and actor_lexicon().organisation(token.text) is None


def _owner_before(doc: Doc, end: int) -> tuple[str | None, Organisation | None]:
    """The country or organisation named right before a title: "Russian", "South Ossetia's", "U.N."."""
    start = _owner_start(doc, end)
    if start == end:
        return None, None
    span = strip_possessive(doc[start:end])
    place = actor_lexicon().place(span.text)
    if place is not None:
        return place.iso3, None
    organisation = actor_lexicon().organisation(span.text)
    return (organisation.country, organisation) if organisation else (None, None)


def _owner_start(doc: Doc, end: int) -> int:
    """Where the longest country or organisation name ending right before ``end`` begins (else ``end``)."""
    lexicon = actor_lexicon()
    for start in range(max(0, end - 6), end):
        text = strip_possessive(doc[start:end]).text
        if text and (lexicon.place(text) is not None or lexicon.organisation(text) is not None):
            return start
    return end


def _apposition(doc: Doc, start: int, end: int) -> Role | None:
    name = doc[start:end]
    root = name.root
    heads = [child for child in root.children if child.dep_ == "appos" and child.i >= end]
    if root.dep_ == "appos" and root.head.i < start:
        heads.append(_title_above(doc, root.head))
    for head in heads:
        if head.pos_ not in NOMINAL or head.ent_type_ == "PERSON":
            continue
        title = title_ending_at(doc, head.i + 1)
        if title is None:
            continue
        phrase = _title_phrase(head)
        country, sector = actor_code(phrase)
        if _former(doc[min(phrase.start, max(0, head.i - 2)):head.i + 1]):
            sector = FORMER_SECTOR
        return Role(_role_text(head), country, sector or title[1].sector, [(phrase.start, phrase.end)])
    return None


def _title_above(doc: Doc, node: Token) -> Token:
    """The title noun a name stands beside even when the parser hangs the name on the title's last
    object: "the head of the OSCE mission in Armenia, Lena Holm" -> head."""
    start = node
    for _ in range(4):
        if node.pos_ in NOMINAL and title_ending_at(doc, node.i + 1) is not None:
            return node
        if node.dep_ == "pobj":
            node = node.head.head
        elif node.dep_ in {"compound", "amod", "nmod"}:
            node = node.head
        else:
            break
    return start


def _title_phrase(head: Token) -> Span:
    """A title noun with its modifiers and the body it belongs to: "the commander of the ... force"."""
    phrase = noun_phrase(head, with_places=False)
    end = phrase.end
    for child in head.rights:
        if child.dep_ == "prep" and child.i == end:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            named = objects and (objects[0].pos_ == "PROPN" or objects[0].ent_type_ in {"GPE", "ORG", "NORP"})
            if objects and (child.lower_ in OWNER_PREPOSITIONS or child.lower_ in NAMED_OWNER_PREPOSITIONS and named):
                end = _phrase_end(objects[0])
        break
    return head.doc[phrase.start:end]


def _phrase_end(obj: Token) -> int:
    """End of a prepositional object's noun phrase, with its own "of ..." but no clauses."""
    end = obj.i + 1
    for child in obj.rights:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i == end:
            inner = [c for c in child.children if c.dep_ == "pobj"]
            if inner:
                end = _phrase_end(inner[0])
        break
    return end


def _role_text(head: Token) -> str:
    """The words of a title without determiners and country words: "television journalist"."""
    doc = head.doc
    phrase = strip_determiner(noun_phrase(head, with_places=False))
    start = phrase.start
    for i in range(phrase.start, head.i):
        token = doc[i]
        if _is_place_word(token) or token.dep_ in {"det", "poss", "case"} or token.text in {"'s", "’s"}:
            start = i + 1
    return doc[start:head.i + 1].text


def _is_place_word(token: Token) -> bool:
    return actor_lexicon().place(token.text) is not None or token.ent_type_ in {"GPE", "NORP", "ORG"}


@dataclass(slots=True)
class TitleActor:
    """A person named only by a title: "the Georgian President", "the commander of the Russian ... force"."""

    start: int
    end: int
    role: str
    country: str | None
    sector: str | None
    definite: bool


def title_actors(doc: Doc, sentences: list[Span], taken: set[int], words: WordIndex) -> list[TitleActor]:
    """People named by title alone, outside tokens already used by names and their titles."""
    found: list[TitleActor] = []
    candidates = words.positions(actor_lexicon().title_last_words)
    for sentence in sentences:
        for i in range(sentence.start, sentence.end):
            if i not in candidates or i in taken:
                continue
            token = doc[i]
            title = title_ending_at(doc, i + 1, sentence.start) if _may_head_a_title(token) else None
            if title is None:
                continue
            actor = _title_actor(token, title[0])
            if actor is not None and not any(j in taken for j in range(actor.start, i + 1)):
                found.append(actor)
    return found


def _may_head_a_title(token: Token) -> bool:
    """A singular noun standing for a person, not a modifier ("officer-involved"), not a title before
    a name ("President Bush"), not a predicate ("he is president")."""
    doc = token.doc
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return (token.pos_ in NOMINAL and token.dep_ not in NOT_ACTOR_DEPS and token.tag_ not in {"NNS", "NNPS"}
            and (nxt is None or nxt.text != "-" and nxt.ent_type_ != "PERSON"))


def _title_actor(head: Token, title_start: int) -> TitleActor | None:
    phrase = _title_phrase(head)
    modifiers = [c for c in head.children if c.i < head.i]
    definite = any(c.lower_ in {"the", "this", "that"} or c.dep_ == "poss" for c in modifiers)
    specific = definite or phrase.end > head.i + 1 or any(_is_place_word(c) for c in modifiers)
    if not specific:
        return None
    country, sector = actor_code(phrase)
    doc = head.doc
    if _former(doc[max(phrase.start, title_start - 1):head.i + 1]):
        sector = FORMER_SECTOR
    role = doc[title_start:head.i + 1].text
    start = strip_determiner(phrase).start
    return TitleActor(start, phrase.end, role, country, sector, definite)


def place_near(doc: Doc, sentence: Span, at: int, skip: set[int]) -> Place | None:
    """The country word nearest a token in its sentence, outside ``skip`` (other actors' titles)."""
    best: tuple[int, Place] | None = None
    for span, place in places_in(sentence):
        if place.kind == "region" or any(i in skip for i in range(span.start, span.end)):
            continue
        distance = abs(span.start - at)
        if best is None or distance < best[0]:
            best = (distance, place)
    return best[1] if best else None
