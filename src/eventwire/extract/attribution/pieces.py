"""A continued quotation as one record, or one record per stretch when the words between its pieces outweigh it.

"“It's over,” she said. “We lost.”" is one record spanning both quotations: the cue and speaker between them are
a small part of it. When the stretch between the pieces is long beside what is quoted ("“No,” said Ana Ruiz, an
engineer who has run the plant since 1990 and sits on the board of three firms. “Never.”"), a single span would
mostly hold the writer's words, so each contiguous stretch of quotation becomes its own record, the later ones
taking the speaker of the first.
"""

from __future__ import annotations

from eventwire.extract.attribution.draft import Draft

GLUE_RATIO = 2.0  # characters between the stretches / characters quoted, above which a record splits


def split_long_glue(drafts: list[Draft], text: str) -> list[Draft]:
    """The drafts, each continued one split into its contiguous stretches where the text between them is long."""
    out: list[Draft] = []
    for draft in drafts:
        out.append(draft)
        groups = _stretches(draft.pieces, text)
        if len(groups) < 2:
            continue
        quoted = sum(end - start for start, end in draft.pieces)
        between = sum(later[0] - earlier[1] for earlier, later in zip(groups, groups[1:], strict=False))
        if between <= GLUE_RATIO * quoted:
            continue
        draft.end = groups[0][1]
        draft.pieces = []
        for start, end in groups[1:]:
            out.append(Draft(start, end, None, None, draft.speaker, draft.weight, "continued",
                             sentence_end=end, speaker_from=draft))
    return out


def _stretches(pieces: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Pieces joined where only spaces and punctuation lie between them."""
    groups: list[tuple[int, int]] = []
    for start, end in sorted(pieces):
        if groups and not any(c.isalnum() for c in text[groups[-1][1]:start]):
            groups[-1] = (groups[-1][0], max(end, groups[-1][1]))
        else:
            groups.append((start, end))
    return groups
