"""Run the registered steps in dependency order over one parsed document."""

from __future__ import annotations

import importlib
from dataclasses import fields
from functools import cache

from eventwire.extract.base import REGISTRY, Found, Parsed, Step
from eventwire.language import language_of
from eventwire.records import DocumentRecord, Span

# A step whose name is no list of the record (acled) annotates the records of the steps it requires.
RECORD_LISTS = frozenset(f.name for f in fields(DocumentRecord))
STEP_MODULES = ("entities", "places", "times", "quotes", "figures", "facts", "events", "casualties", "dating",
                "acled")


@cache
def ordered_steps() -> tuple[Step, ...]:
    """Every registered step, each after the steps it requires."""
    for name in STEP_MODULES:
        importlib.import_module(f"eventwire.extract.{name}")
    ordered: list[Step] = []

    def visit(name: str, path: tuple[str, ...]) -> None:
        if name in path:
            raise RuntimeError(f"extraction steps require each other in a cycle: {' -> '.join(path + (name,))}")
        current = REGISTRY[name]
        if current in ordered:
            return
        for required in current.requires:
            visit(required, path + (name,))
        ordered.append(current)

    for name in REGISTRY:
        visit(name, ())
    return tuple(ordered)


def extract_document(parsed: Parsed) -> DocumentRecord:
    """The document record of one parsed article (SPEC §2), without story/incident links."""
    found = Found()
    for current in ordered_steps():
        found[current.provides] = current.run(parsed, found)
    article = parsed.article
    return DocumentRecord(
        id=article.id,
        text=article.text,
        title=article.title,
        url=article.url,
        published=article.published,
        lang=article.lang or language_of(article.text, None, article.title),
        boilerplate=[Span.of(article.text, s, e) for s, e in article.boilerplate],
        **{s.provides: found.get(s.provides, []) for s in ordered_steps() if s.provides in RECORD_LISTS},
    )
