"""A pipeline step that starts a sentence after every line break, set before the parser runs.

The French parser runs sentences over paragraph breaks (a headline into its first line, a quotation's line
into the next); the English pipeline's own segmentation does not, so only the French pipeline gets this step.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

NAME = "eventwire_line_breaks"


@Language.component(NAME)
def line_breaks(doc: Doc) -> Doc:
    """Mark the first token after a newline as a sentence start (the parser keeps marks set before it)."""
    for token in doc[:-1]:
        if "\n" in token.text_with_ws and not doc[token.i + 1].is_space:
            doc[token.i + 1].is_sent_start = True
    return doc
