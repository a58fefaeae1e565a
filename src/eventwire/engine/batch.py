"""One batch of articles: parsed in one ``nlp.pipe`` call, extracted, serialised; every engine calls this."""

from __future__ import annotations

from dataclasses import dataclass

import orjson
from spacy.tokens import Doc

from eventwire.extract.base import Parsed
from eventwire.extract.pipeline import extract_document
from eventwire.parse import load_nlp, parse_articles
from eventwire.read.article import Article, ReadError

Item = Article | ReadError


@dataclass(slots=True)
class Extracted:
    """One document record, serialised."""

    origin: str
    id: str
    line: bytes  # the SPEC §2 record as one JSON object, no newline


def process_batch(batch: list[Item]) -> list[Extracted | ReadError]:
    """Parse the batch's articles in one ``nlp.pipe`` call and extract each; errors pass through in place."""
    articles = [item for item in batch if isinstance(item, Article)]
    done: dict[int, Extracted | ReadError] = {}
    for article, doc in parse_articles(articles):
        done[id(article)] = _extract_one(article, doc)
    return [done[id(item)] if isinstance(item, Article) else item for item in batch]


def _extract_one(article: Article, doc: Doc) -> Extracted | ReadError:
    try:
        record = extract_document(Parsed(article, doc))
    except Exception as err:  # one broken document must not stop the run; it is reported instead
        return ReadError(article.origin, f"extraction failed ({type(err).__name__}: {err})"[:300])
    return Extracted(article.origin, article.id, orjson.dumps(record.to_json()))


def warm_up() -> None:
    """Load the model, the language identifier and the extraction steps once per process (a worker, an actor)."""
    from eventwire.language import prefetch

    prefetch()
    load_nlp()
    from eventwire.extract.pipeline import ordered_steps

    ordered_steps()
