"""Speakers: the span that names who speaks, and the entity it stands for.

A named speaker links to the entity whose mention overlaps it. A pronoun ("he", "they") links to the most
recent compatible speaker of an earlier attribution, or failing that to the most recent compatible entity
mentioned before it. A description with no entity ("officials") stays as text.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Token

from eventwire.extract.attribution.frames import sentence_of
from eventwire.extract.attribution.lexicon import pronoun_genders
from eventwire.records import Entity

try:  # the entities step's own lookup, when it offers one
    from eventwire.extract.entities import entity_at as _shared_entity_at
except ImportError:  # pragma: no cover - older entities step
    _shared_entity_at = None

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
    return start, end


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    entity: Entity


class SpeakerResolver:
    """Links speaker spans to entities, remembering earlier speakers for the pronouns that follow."""

    def __init__(self, entities: list[Entity]) -> None:
        self.entities = entities
        self.mentions = sorted(
            (Mention(m.start, m.end, e) for e in entities for m in e.mentions), key=lambda m: (m.start, m.end)
        )
        self._starts = [m.start for m in self.mentions]
        # (offset, entity, kind) of the speakers met so far; an unnamed group ("officials") has no entity
        self.history: list[tuple[int, Entity | None, str]] = []

    def resolve(self, speaker: Token, span: tuple[int, int], content: tuple[int, int] = (0, 0)) -> Entity | None:
        """The entity the speaker stands for; ``content`` is what they said, where no antecedent is sought."""
        kind = pronoun_genders().get(speaker.lower_)
        if kind is not None and speaker.pos_ == "PRON":
            entity = self._in_own_sentence(kind, speaker, content) or self._antecedent(kind, span[0])
        else:
            head = self._head_of(speaker)
            entity = self.entity_at(head.idx, head.idx + len(head)) or self.entity_at(*span)
        if entity is not None:
            self.history.append((span[0], entity, KINDS_BY_TYPE.get(entity.type, "thing")))
        elif kind is None and speaker.tag_ in ("NNS", "NNPS"):
            self.history.append((span[0], None, "group"))  # "they" after "officials said" are the officials
        return entity

    @staticmethod
    def _head_of(speaker: Token) -> Token:
        if speaker.lower_ in RELATIVE_PRONOUNS and speaker.head.dep_ == "relcl":
            return speaker.head.head
        return speaker

    def entity_at(self, start: int, end: int) -> Entity | None:
        """The entity mentioned at [start, end), as the entities step judges the best fit."""
        if _shared_entity_at is not None:
            return _shared_entity_at(self.entities, start, end)
        i = max(0, bisect_right(self._starts, start) - 1)
        while i < len(self.mentions) and self.mentions[i].start < end:
            mention = self.mentions[i]
            if mention.end > start:
                return mention.entity
            i += 1
        return None

    def _in_own_sentence(self, kind: str, pronoun: Token, content: tuple[int, int]) -> Entity | None:
        """The latest compatible entity named earlier in the pronoun's sentence, outside the quoted content
        ("Putin lambasted the leadership for what he described as …")."""
        wanted = COMPATIBLE.get(kind, set())
        sentence_start = sentence_of(pronoun).start_char
        i = bisect_right(self._starts, pronoun.idx) - 1
        while i >= 0 and self.mentions[i].start >= sentence_start:
            mention = self.mentions[i]
            outside = mention.end <= content[0] or mention.start >= content[1]
            if mention.end <= pronoun.idx and outside and KINDS_BY_TYPE.get(mention.entity.type) in wanted:
                return mention.entity
            i -= 1
        return None

    def _antecedent(self, kind: str, offset: int) -> Entity | None:
        wanted = COMPATIBLE.get(kind, set())
        for at, entity, speaker_kind in reversed(self.history):
            if offset - at > MAX_PRONOUN_REACH:
                break
            if speaker_kind in wanted and at < offset:
                return entity
        i = bisect_right(self._starts, offset) - 1
        while i >= 0 and offset - self.mentions[i].start <= MAX_PRONOUN_REACH:
            mention = self.mentions[i]
            if mention.end <= offset and KINDS_BY_TYPE.get(mention.entity.type) in wanted:
                return mention.entity
            i -= 1
        return None
