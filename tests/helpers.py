"""Helpers for tests: the real spaCy pipeline and the real extraction steps, on texts tests write."""

from __future__ import annotations

from eventwire.extract.base import Parsed
from eventwire.extract.pipeline import extract_document
from eventwire.parse import parse_articles
from eventwire.read.article import Article, content_id
from eventwire.read.boilerplate import boilerplate_spans
from eventwire.records import DocumentRecord


def make_article(text: str, published: str | None = None, **fields) -> Article:
    return Article(id=fields.pop("id", content_id(text)), text=text, published=published, origin="test:1",
                   boilerplate=boilerplate_spans(text), **fields)


def parse_text(text: str, published: str | None = None, **fields) -> Parsed:
    article = make_article(text, published, **fields)
    [(article, doc)] = list(parse_articles([article]))
    return Parsed(article, doc)


def extract_text(text: str, published: str | None = None, **fields) -> DocumentRecord:
    return extract_document(parse_text(text, published, **fields))
