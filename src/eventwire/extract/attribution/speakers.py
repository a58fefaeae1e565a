"""Speakers: the span that names who speaks, and the entity it stands for.

A named speaker links to the entity whose mention overlaps it. A pronoun ("he", "they") links to the most
recent compatible speaker of an earlier attribution, or failing that to the most recent compatible entity
mentioned before it. A description with no entity ("officials") stays as text.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from eventwire.extract.attribution.frames import sentence_of
from eventwire.extract.attribution.lexicon import (
    gender_words,
    given_names,
    pronoun_kinds,
    speaker_nouns,
    subject_pronouns,
)
from eventwire.extract.entities import entity_at as shared_entity_at
from eventwire.records import Entity

RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})
KINDS_BY_TYPE = {"PERSON": "person", "ORG": "group", "NORP": "group", "GPE": "group", "LOC": "thing", "FAC": "thing"}
COMPATIBLE = {"person": {"person"}, "group": {"group"}, "thing": {"group", "thing"}, "any": {"person", "group"}}
MAX_PRONOUN_REACH = 1500  # characters back to look for what a pronoun stands for


def speaker_range(speaker: Token, cue: Token | None, content: tuple[int, int]) -> tuple[int, int]:
    """The characters of the speaker's phrase, kept clear of the cue and the content."""
    head = speaker
    if speaker.lower_ in RELATIVE_PRONOUNS and cue is not None and cue.dep_ == "relcl":
        head = cue.head  # "officials who said": name the officials, keep the pronoun in the span
        return head.left_edge.idx, speaker.idx + len(speaker)
    start, end = head.left_edge.idx, head.right_edge.idx + len(head.right_edge)
    cue_in_content = cue is not None and content[0] <= cue.idx < content[1]  # "“The town,” he said, “is lost.”"
    clashes = (cue is not None and start <= cue.idx < end) or (
        start < content[1] and content[0] < end and not cue_in_content)
    if clashes:
        start, end = head.left_edge.idx, head.idx + len(head)
        if start < content[1] and content[0] < end:
            start = head.idx
        if cue is not None and start <= cue.idx < end and cue.i < head.i:  # "Said Ana Ruiz: …": the name alone
            start = cue.doc[cue.i + 1].idx
    return start, end


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    entity: Entity


class SpeakerResolver:
    """Links speaker spans to entities, remembering earlier speakers for the pronouns that follow."""

    def __init__(self, entities: list[Entity], doc: Doc | None = None) -> None:
        self.entities = entities
        self.doc = doc
        self._genders: dict[str, str | None] | None = None  # entity id -> "m" | "f" | None, worked out on demand
        self.mentions = sorted(
            (Mention(m.start, m.end, e) for e in entities for m in e.mentions), key=lambda m: (m.start, m.end)
        )
        self._starts = [m.start for m in self.mentions]
        # (offset, entity, kind) of the speakers met so far; an unnamed group ("officials") has no entity
        self.history: list[tuple[int, Entity | None, str]] = []

    def resolve(self, speaker: Token, span: tuple[int, int], content: tuple[int, int] = (0, 0)) -> Entity | None:
        """The entity the speaker stands for; ``content`` is what they said, where no antecedent is sought."""
        kind = pronoun_kinds().get(speaker.lower_)
        if kind is not None and speaker.pos_ == "PRON":
            gender = gender_words().get(speaker.lower_)
            entity = self._in_own_sentence(kind, gender, speaker, content) or self._antecedent(kind, gender, span[0])
        else:
            entity = self._named_by(self._head_of(speaker))
            if entity is None or entity.name.lower() in speaker_nouns():  # "the official": an entity of no name
                entity = self._by_title(speaker, span[0]) or entity
        if entity is not None:
            self.history.append((span[0], entity, KINDS_BY_TYPE.get(entity.type, "thing")))
        elif kind is None and speaker.tag_ in ("NNS", "NNPS"):
            self.history.append((span[0], None, "group"))  # "they" after "officials said" are the officials
        return entity

    def _by_title(self, speaker: Token, offset: int) -> Entity | None:
        """ "The official added …" after "Ana Ruiz, the mayor, said …": a definite title with no name of its own
        is the person last named or heard before it."""
        if speaker_nouns().get(speaker.lemma_.lower()) != "person" or speaker.tag_ != "NN":
            return None
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in speaker.children):
            return None
        if any(c.dep_ in ("appos", "compound", "poss") or c.pos_ == "PROPN" for c in speaker.children):
            return None
        return self._antecedent("person", None, offset)

    @staticmethod
    def _head_of(speaker: Token) -> Token:
        if speaker.lower_ in RELATIVE_PRONOUNS and speaker.head.dep_ == "relcl":
            return speaker.head.head
        return speaker

    def _named_by(self, head: Token) -> Entity | None:
        """The entity the speaker's head word, its name or its apposition names ("a spokesman, Ed Vane,");
        never one named deeper in the phrase ("the authors of [the report]")."""
        entity = self.entity_at(head.idx, head.idx + len(head))
        if entity is None:
            # "the UN envoy, Maria Lind,": the person in apposition speaks, not the body that names her post
            named = [self.entity_at(c.idx, c.idx + len(c)) for c in head.children if c.dep_ == "appos"]
            entity = next((e for e in named if e is not None and e.type == "PERSON"), None)
        if entity is None:
            start = head.left_edge.idx
            entity = self.entity_at(start, head.idx + len(head))
        for child in head.children:
            if entity is None and child.dep_ == "appos":
                entity = self.entity_at(child.idx, child.idx + len(child))
        return entity

    def entity_at(self, start: int, end: int) -> Entity | None:
        """The entity mentioned at [start, end), as the entities step judges the best fit."""
        return shared_entity_at(self.entities, start, end)

    def _agrees(self, entity: Entity | None, gender: str | None) -> bool:
        if entity is None or gender is None or entity.type != "PERSON":
            return True
        known = self._gender_of(entity)
        return known is None or known == gender

    def _gender_of(self, entity: Entity) -> str | None:
        if self._genders is None:
            self._genders = person_genders(self.doc, self.mentions) if self.doc is not None else {}
        return self._genders.get(entity.id)

    def _in_own_sentence(
        self, kind: str, gender: str | None, pronoun: Token, content: tuple[int, int]
    ) -> Entity | None:
        """The latest compatible entity named earlier in the pronoun's sentence, outside the quoted content
        ("Putin lambasted the leadership for what he described as …")."""
        wanted = COMPATIBLE.get(kind, set())
        sentence_start = sentence_of(pronoun).start_char
        i = bisect_right(self._starts, pronoun.idx) - 1
        while i >= 0 and self.mentions[i].start >= sentence_start:
            mention = self.mentions[i]
            outside = mention.end <= content[0] or mention.start >= content[1]
            compatible = KINDS_BY_TYPE.get(mention.entity.type) in wanted and self._agrees(mention.entity, gender)
            if mention.end <= pronoun.idx and outside and compatible:
                return mention.entity
            i -= 1
        return None

    def _antecedent(self, kind: str, gender: str | None, offset: int) -> Entity | None:
        wanted = COMPATIBLE.get(kind, set())
        for at, entity, speaker_kind in reversed(self.history):
            if offset - at > MAX_PRONOUN_REACH:
                break
            if speaker_kind in wanted and at < offset and self._agrees(entity, gender):
                return entity
        i = bisect_right(self._starts, offset) - 1
        while i >= 0 and offset - self.mentions[i].start <= MAX_PRONOUN_REACH:
            mention = self.mentions[i]
            compatible = KINDS_BY_TYPE.get(mention.entity.type) in wanted and self._agrees(mention.entity, gender)
            if mention.end <= offset and compatible:
                return mention.entity
            i -= 1
        return None


def person_genders(doc: Doc, mentions: list[Mention]) -> dict[str, str | None]:
    """What the document itself says of each person's gender: an honorific before a mention ("Mrs. Vale") or,
    for a mention that is a subject, the first subject pronoun after it in its sentence before anyone else is
    named ("Vale said she would stay")."""
    votes: dict[str, list[str]] = {}
    words = gender_words()
    person_starts = sorted(m.start for m in mentions if m.entity.type == "PERSON")
    for mention in mentions:
        if mention.entity.type != "PERSON":
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        found = []
        if span.start > 0 and doc[span.start - 1].lower_.rstrip(".") in words:
            found.append(words[doc[span.start - 1].lower_.rstrip(".")])
        following = bisect_right(person_starts, mention.start)
        next_person = person_starts[following] if following < len(person_starts) else None
        root = span.root.head if span.root.dep_ == "appos" else span.root  # "Her colleague, Kwame Adu, said he …"
        if root.dep_ in ("nsubj", "nsubjpass"):  # "Vale said she would stay": the subject's own pronoun
            for token in doc[span.end:min(len(doc), span.end + 40)]:
                if token.is_sent_start or (next_person is not None and token.idx >= next_person):
                    break
                if token.lower_ in subject_pronouns():
                    found.append(words[token.lower_])
                    break
        votes.setdefault(mention.entity.id, []).extend(found)
    names = given_names()
    people = {m.entity.id: m.entity for m in mentions if m.entity.type == "PERSON"}
    for entity_id, entity in people.items():
        given = entity.name.split()[0].lower() if entity.name else ""
        if given in names:
            votes.setdefault(entity_id, []).extend([names[given]] * 2)  # weighs as much as two pronouns
    return {eid: _majority(v) for eid, v in votes.items()}


def _majority(votes: list[str]) -> str | None:
    males, females = votes.count("m"), votes.count("f")
    return "m" if males > females else "f" if females > males else None
