"""A found attribution before it becomes a Quote record: offsets plus the tokens it came from."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token


@dataclass(slots=True)
class Draft:
    start: int  # content
    end: int
    cue: tuple[int, int] | None
    cue_token: Token | None
    speaker: Token | None
    weight: float
    frame: str
    sentence_end: int = 0  # where the cue's sentence ends: a quotation right after it may continue this one
    speaker_span: tuple[int, int] | None = None  # set when the speaker's extent is known better than its subtree
    speaker_from: Draft | None = field(default=None, repr=False)  # an earlier attribution whose speaker this one takes
    pieces: list[tuple[int, int]] = field(default_factory=list)  # the content and the quotations that continue it

    def extend_to(self, start: int, end: int) -> None:
        """Take in a quotation [start, end) that continues this attribution, remembering where each piece lies."""
        if not self.pieces:
            self.pieces.append((self.start, self.end))
        self.pieces.append((start, end))
        self.end = end

    @property
    def outer_end(self) -> int:
        ends = [self.end]
        if self.cue:
            ends.append(self.cue[1])
        if self.speaker is not None:
            ends.append(self.speaker.right_edge.idx + len(self.speaker.right_edge))
        return max(ends)
