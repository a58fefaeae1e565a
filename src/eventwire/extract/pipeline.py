"""Run the registered steps in dependency order over one parsed document."""

from __future__ import annotations

import importlib
from dataclasses import fields
from functools import cache

from eventwire.extract.base import REGISTRY, Found, Parsed, Step
from eventwire.records import DocumentRecord, Span

# A step whose name is no list of the record (acled) annotates the records of the steps it requires.
RECORD_LISTS = frozenset(f.name for f in fields(DocumentRecord))
STEP_MODULES = ("entities", "places", "times", "quotes", "figures", "facts", "events", "acled")


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
        lang=article.lang or _guess_language(parsed),
        boilerplate=[Span.of(article.text, s, e) for s, e in article.boilerplate],
        **{name: found.get(name, []) for name in STEP_MODULES if name in RECORD_LISTS},
    )


def _guess_language(parsed: Parsed) -> str | None:
    """'en' when English function words are common enough; the pipeline is English-only."""
    words = [t.lower_ for t in parsed.doc[:400] if t.is_alpha]
    if not words:
        return None
    stop = sum(1 for w in words if w in _ENGLISH_FUNCTION_WORDS)
    return "en" if stop / len(words) > 0.15 else None


_ENGLISH_FUNCTION_WORDS = frozenset(
    {"the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "was", "with", "he", "it", "as", "at", "by",
     "from", "his", "her", "they", "have", "are", "were", "be", "this", "an", "which", "has", "had", "not", "but",
     "their", "said", "or", "its", "will", "would", "who", "been"}
)
