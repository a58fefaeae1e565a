"""Shared test helpers: parse a text the test wrote, run the real pipeline on it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from helpers import extract_text, parse_text  # noqa: E402

__all__ = ["extract_text", "parse_text"]


@pytest.fixture
def extract():
    """extract(text, published=None, **article_fields) -> DocumentRecord, through the real pipeline."""
    return extract_text


@pytest.fixture
def parsed():
    """parsed(text, published=None) -> Parsed (an Article with its spaCy Doc)."""
    return parse_text
