"""The indexed attribute_ruler match gives the stock component's annotations, token for token."""

from __future__ import annotations

import pytest
import spacy

from eventwire.attribute_index import IndexedMatch, index_attribute_rulers
from eventwire.parse import SPACY_MODEL

# Written for this test: contractions, 'gonna', objects 'it'/'you', 'there is', auxiliaries, double spaces.
TEXTS = [
    "They ain't gonna stop the march, the organisers said, and we're not leaving either.",
    "Police told you it was over, but the crowd didn't believe it  and stayed until midnight.",
    "There's no water in the camp; let's hope the trucks get through, a volunteer said.",
    "Has the minister resigned? He had promised he would if the inquiry found against him.",
    "Whether or not the bridge reopens, y'all should take the ferry, c'mon, it's faster.\n\nNothing more.",
]


@pytest.fixture(scope="module")
def pipelines():
    stock, indexed = spacy.load(SPACY_MODEL), spacy.load(SPACY_MODEL)
    index_attribute_rulers(indexed)
    return stock, indexed


def annotations(doc) -> list[tuple[str, str, str, str]]:
    return [(t.text, t.pos_, t.lemma_, str(t.morph)) for t in doc]


def test_indexed_ruler_annotates_as_the_stock_one(pipelines):
    stock, indexed = pipelines
    assert isinstance(indexed.get_pipe("attribute_ruler").match, IndexedMatch)
    for a, b in zip(stock.pipe(TEXTS), indexed.pipe(TEXTS), strict=True):
        assert annotations(b) == annotations(a)


def test_indexed_match_finds_the_stock_matches(pipelines):
    stock, indexed = pipelines
    ruler = stock.get_pipe("attribute_ruler")
    with stock.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        docs = list(stock.pipe(TEXTS))
    fast = indexed.get_pipe("attribute_ruler").match
    total = 0
    for doc in docs:
        expected = ruler.match(doc)
        assert fast(doc) == expected
        total += len(expected)
    assert total > 50  # every token gets at least its tag's rule
