"""A count: one number of a sentence with the noun it counts and, once decided, its unit and category."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from eventwire.extract.numbers.cues import Cue, UnitNoun
from eventwire.extract.numbers.expressions import NumberMention


@dataclass
class Count:
    """A number in a sentence, with the noun it counts and, once decided, its category."""

    mention: NumberMention
    tokens: list[Token]
    sentence: SpacySpan
    text: str  # the document's text (``Doc.text`` would rebuild it on every call)
    noun: Token | None = None
    noun_info: UnitNoun | None = None
    unknown_noun: bool = False
    unit: str | None = None
    inherited_unit: str | None = None
    category: str | None = None
    cue: Cue | None = None
    nodes: list[Token] = field(default_factory=list)
    label_line: bool = False  # the number closes a line or a label ("Number of displaced: 452")
    label_start: int | None = None  # where that label begins, when it is one (it may lie in an earlier sentence)
    label_end: int | None = None  # where a label below the number ends ("321\nHouses\ndestroyed")
    stand_in: Token | None = None  # "others", "more" after the number, standing for an earlier count's noun
    quantity_nouns: list[Token] = field(default_factory=list)  # "the total number of" between number and noun
    restates: Count | None = None  # "1,314 families (8,710 people)": the second says the first again
    restated_by: Count | None = None  # and the first is said again by the second

    @property
    def start(self) -> int:
        return self.mention.start

    @property
    def end(self) -> int:
        if self.noun is not None and self.noun.idx >= self.mention.end:
            return self.noun.idx + len(self.noun.text)
        return self.mention.end


def tokens_of(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def span_head(tokens: list[Token]) -> Token:
    """The token of a span nearest its sentence's root (the span's syntactic head)."""
    if len(tokens) == 1:
        return tokens[0]
    return min(tokens, key=lambda t: sum(1 for _ in t.ancestors))
