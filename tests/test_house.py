"""The house rules that a reviewer would otherwise check by hand.

- No file under tests/ or src/ shares a run of eight words with the benchmark sets and the seed in shared/data:
  tests and docstrings use sentences we wrote.
- The top-level parts of src/eventwire (a subpackage or a module) import each other one way only, lazy imports
  included, and no private name (``_x``) is imported from another part.
"""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest

from components import shared_data

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "eventwire"
SHINGLE = 8
WORD = re.compile(r"[a-z0-9']+")
# what we write: code, docstrings, word lists, templates, styles, fixtures
OURS = {".py", ".txt", ".tsv", ".json", ".js", ".html", ".css", ".md", ".j2", ".jinja", ".mako"}


def shingles(text: str) -> Iterator[tuple[int, str]]:
    """(hash, words) of every run of eight words, lowercased, punctuation dropped."""
    words = WORD.findall(text.lower())
    for i in range(len(words) - SHINGLE + 1):
        run = " ".join(words[i:i + SHINGLE])
        yield hash(run), run


def strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


@pytest.fixture(scope="module")
def data_shingles() -> set[int]:
    """Hashes of every eight-word run in every string of every JSON-lines file under shared/data, built once."""
    data = shared_data()
    if data is None:
        pytest.skip("shared/data is not beside the repository: nothing to compare with")
    found: set[int] = set()
    for path in sorted(data.rglob("*.jsonl")):
        with path.open("rb") as lines:
            for line in lines:
                for text in strings(orjson.loads(line)):
                    found.update(h for h, _ in shingles(text))
    assert len(found) > 100_000, "shared/data looks empty"
    return found


def names_in_word_lists() -> set[int]:
    """Runs inside one short entry of a word list (an organisation's official name is data, not copied prose)."""
    names: set[int] = set()
    for path in (SRC / "lexicons").glob("*.tsv"):
        for line in path.read_text(encoding="utf-8").splitlines():
            for cell in line.split("\t"):
                if len(WORD.findall(cell.lower())) <= 12:
                    names.update(h for h, _ in shingles(cell))
    return names


def our_files() -> list[Path]:
    return sorted(p for folder in (ROOT / "src", ROOT / "tests") for p in folder.rglob("*")
                  if p.is_file() and p.suffix in OURS and "__pycache__" not in p.parts)


def test_no_file_shares_eight_words_with_the_benchmark_data(data_shingles):
    copied = {}
    names = names_in_word_lists()
    for path in our_files():
        for h, run in shingles(path.read_text(encoding="utf-8", errors="replace")):
            if h in data_shingles and h not in names:
                copied.setdefault(str(path.relative_to(ROOT)), run)
                break
    assert not copied, "text from shared/data:\n" + "\n".join(f"{f}: \"{run}\"" for f, run in copied.items())


def test_the_scan_finds_a_run_it_was_given(data_shingles):
    """The scan itself can fail: a run taken from the data (in memory only, never written) is found."""
    data = shared_data()
    first = next(iter(sorted(data.rglob("articles.jsonl"))))
    with first.open("rb") as lines:
        text = next(t for t in strings(orjson.loads(next(lines))) if len(WORD.findall(t)) > SHINGLE)
    assert any(h in data_shingles for h, _ in shingles(f"x = {text!r}"))
    assert not any(h in data_shingles for h, _ in shingles("the quick brown heron of Varnek sang a long song twice"))


def part(module: str) -> str:
    """eventwire.store.queries -> store; eventwire.cli -> cli."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def module_name(path: Path) -> str:
    return ".".join(path.with_suffix("").relative_to(SRC.parent).parts).removesuffix(".__init__")


def import_graph() -> tuple[dict[str, set[str]], list[str]]:
    """Edges between parts (every import, lazy ones too) and the private names imported across parts."""
    edges: dict[str, set[str]] = defaultdict(set)
    private: list[str] = []
    for path in sorted(SRC.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        here = part(module_name(path))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("eventwire."):
                targets = [node.module]
                if part(node.module) != here:
                    private += [f"{path.relative_to(ROOT)}: {node.module}.{a.name}" for a in node.names
                                if a.name.startswith("_")]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names if a.name.startswith("eventwire.")]
            else:
                continue
            edges[here].update(part(t) for t in targets if part(t) != here)
    return edges, private


def cycles(edges: dict[str, set[str]]) -> list[str]:
    found = set()

    def visit(path: list[str]) -> None:
        for nxt in edges.get(path[-1], ()):
            if nxt in path:
                loop = path[path.index(nxt):]
                k = loop.index(min(loop))
                found.add(" -> ".join([*loop[k:], *loop[:k], min(loop)]))
            else:
                visit([*path, nxt])

    for start in list(edges):
        visit([start])
    return sorted(found)


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == ["a -> b -> c -> a"]
    assert cycles({"a": {"b"}, "b": {"c"}}) == []


def test_no_import_cycle_between_top_level_parts():
    edges, _ = import_graph()
    assert edges, "no imports found: the walk is broken"
    assert cycles(edges) == []


def test_no_private_name_is_imported_across_parts():
    _, private = import_graph()
    assert private == []
