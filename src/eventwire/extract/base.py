"""The shape of an extraction step, like a spaCy pipeline component.

A step is a plain function ``(doc: Parsed, found: Found) -> list[...]`` registered with
``@step(provides=..., requires=...)``. It never parses again, never reads files, never calls another
step: it reads the parsed document and what earlier steps returned in ``found``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from eventwire.read.article import Article


@dataclass
class Parsed:
    """An article with its spaCy Doc, parsed once."""

    article: Article
    doc: Doc

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def lang(self) -> str:
        """The language of the pipeline that parsed the document ('en', 'fr'): the one its lexicons are in."""
        return self.doc.lang_

    @cached_property
    def _boilerplate_starts(self) -> list[int]:
        return [s for s, _ in self.article.boilerplate]

    def in_boilerplate(self, start: int, end: int) -> bool:
        """Whether the span lies inside text marked as page furniture."""
        i = bisect_right(self._boilerplate_starts, start) - 1
        return i >= 0 and self.article.boilerplate[i][1] >= end

    @cached_property
    def sentences(self) -> list[SpacySpan]:
        """Sentences outside boilerplate, in order."""
        return [s for s in self.doc.sents if not self.in_boilerplate(s.start_char, s.end_char)]


class Found(dict):
    """What earlier steps returned, by the name they provide."""


ASSERTED = frozenset({"asserted", "claimed", None})  # the statuses of an event told as happened


def field_of(item: Any, name: str) -> Any:
    """A field of a record item, whether a step's dataclass or a stored record's dict."""
    return item.get(name) if isinstance(item, dict) else getattr(item, name, None)


StepFn = Callable[[Parsed, Found], list[Any]]


@dataclass(frozen=True)
class Step:
    provides: str
    requires: tuple[str, ...]
    run: StepFn = field(compare=False)


REGISTRY: dict[str, Step] = {}


def step(provides: str, requires: tuple[str, ...] = ()) -> Callable[[StepFn], StepFn]:
    """Register an extraction step that adds ``provides`` to the document record."""

    def register(fn: StepFn) -> StepFn:
        REGISTRY[provides] = Step(provides, tuple(requires), fn)
        return fn

    return register
