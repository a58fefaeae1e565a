"""Lexicons are data files in this folder, loaded once per process.

Formats: ``.txt`` one entry a line; ``.tsv`` tab-separated rows; ``.json`` any JSON.
Blank lines and lines starting with ``#`` are ignored in ``.txt`` and ``.tsv``.

Languages: the files at the top of this folder are English (the default, ``lang="en"``); another language
keeps its own files in a sub-folder named by its ISO 639-1 code (``fr/time_rules.tsv``). Every loader takes
``lang``; :func:`has` tells whether a language has its own version of a file, and :func:`for_language`
the name a step should load (the language's own file, else the English one, so that a step with nothing
language-specific yet keeps working on every language).
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any

DEFAULT_LANG = "en"


def _path(name: str, lang: str):
    root = files(__package__)
    return root.joinpath(name) if lang == DEFAULT_LANG else root.joinpath(lang, name)


def _text(name: str, lang: str = DEFAULT_LANG) -> str:
    return _path(name, lang).read_text(encoding="utf-8")


def _data_lines(name: str, lang: str = DEFAULT_LANG) -> list[str]:
    return [ln for ln in _text(name, lang).splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


@cache
def has(name: str, lang: str = DEFAULT_LANG) -> bool:
    """Whether ``lang`` has its own version of lexicon ``name`` (English always has the top-level ones)."""
    return _path(name, lang).is_file()


@cache
def languages() -> tuple[str, ...]:
    """English and every language with a sub-folder of lexicons."""
    subs = sorted(p.name for p in files(__package__).iterdir() if p.is_dir() and len(p.name) == 2)
    return (DEFAULT_LANG, *subs)


def for_language(lang: str | None) -> str:
    """The lexicon language to use for a document of language ``lang``: itself when it has lexicons, else English."""
    return lang if lang in languages() else DEFAULT_LANG


@cache
def lines(name: str, lang: str = DEFAULT_LANG) -> tuple[str, ...]:
    """Entries of a one-per-line list, stripped."""
    return tuple(ln.strip() for ln in _data_lines(name, lang))


@cache
def rows(name: str, lang: str = DEFAULT_LANG) -> tuple[tuple[str, ...], ...]:
    """Rows of a TSV file, each cell stripped; short rows are padded with empty cells."""
    out = [tuple(c.strip() for c in ln.split("\t")) for ln in _data_lines(name, lang)]
    width = max((len(r) for r in out), default=0)
    return tuple(r + ("",) * (width - len(r)) for r in out)


@cache
def words(name: str, lang: str = DEFAULT_LANG) -> frozenset[str]:
    """Entries of a one-per-line list, lower-cased, as a set (for membership of a token's lower form or lemma)."""
    return frozenset(w.lower() for w in lines(name, lang))


@cache
def word_map(name: str, lang: str = DEFAULT_LANG) -> dict[str, str]:
    """A TSV as a lookup: each row's first cell, lower-cased -> its second cell (a later row wins)."""
    return {row[0].lower(): row[1] for row in rows(name, lang)}


@cache
def data(name: str, lang: str = DEFAULT_LANG) -> Any:
    """A JSON lexicon."""
    return json.loads(_text(name, lang))
