"""Lexicons are data files in this folder, loaded once per process.

Formats: ``.txt`` one entry a line; ``.tsv`` tab-separated rows; ``.json`` any JSON.
Blank lines and lines starting with ``#`` are ignored in ``.txt`` and ``.tsv``.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any


def _text(name: str) -> str:
    return files(__package__).joinpath(name).read_text(encoding="utf-8")


def _data_lines(name: str) -> list[str]:
    return [ln for ln in _text(name).splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


@cache
def lines(name: str) -> tuple[str, ...]:
    """Entries of a one-per-line list, stripped."""
    return tuple(ln.strip() for ln in _data_lines(name))


@cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a TSV file, each cell stripped; short rows are padded with empty cells."""
    out = [tuple(c.strip() for c in ln.split("\t")) for ln in _data_lines(name)]
    width = max((len(r) for r in out), default=0)
    return tuple(r + ("",) * (width - len(r)) for r in out)


@cache
def data(name: str) -> Any:
    """A JSON lexicon."""
    return json.loads(_text(name))
