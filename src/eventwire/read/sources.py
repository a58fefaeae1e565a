"""Turn the command line's INPUT arguments into a stream of articles (and error lines)."""

from __future__ import annotations

import gzip
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from eventwire.read.article import Article, Limits, ReadError
from eventwire.read.feed import read_feed
from eventwire.read.html import html_file_to_article
from eventwire.read.jsonl import read_jsonl
from eventwire.read.parquet import read_parquet
from eventwire.read.text import text_to_article
from eventwire.read.warc import read_warc

KINDS = {
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonl.gz": "jsonl.gz", ".ndjson.gz": "jsonl.gz",
    ".txt": "text", ".html": "html", ".htm": "html",
    ".warc": "warc", ".warc.gz": "warc",
    ".rss": "feed", ".atom": "feed", ".xml": "feed", ".rdf": "feed",
    ".parquet": "parquet",
}


def read_inputs(inputs: Iterable[str], limits: Limits | None = None) -> Iterator[Article | ReadError]:
    """Articles from every input, in order: files, directories (recursively, sorted), ``-`` for stdin."""
    limits = limits or Limits.from_environment()
    return within_limits(_read_all(inputs, limits), limits)


def within_limits(items: Iterable[Article | ReadError], limits: Limits) -> Iterator[Article | ReadError]:
    """Articles whose text is too long to be a news report become error lines."""
    for item in items:
        if isinstance(item, Article) and len(item.text) > limits.max_text_chars:
            yield ReadError(item.origin, f"text longer than {limits.max_text_chars} characters")
        else:
            yield item


def _read_all(inputs: Iterable[str], limits: Limits) -> Iterator[Article | ReadError]:
    for item in inputs:
        if item == "-":
            yield from read_jsonl(sys.stdin.buffer, "<stdin>", limits)
            continue
        path = Path(item)
        if path.is_dir():
            yield from _read_directory(path, limits)
        else:
            yield from read_file(path, limits, explicit=True)


def kind_of(path: Path) -> str | None:
    name = path.name.lower()
    for suffix in sorted(KINDS, key=len, reverse=True):
        if name.endswith(suffix):
            return KINDS[suffix]
    return None


def read_file(path: Path, limits: Limits, explicit: bool = False) -> Iterator[Article | ReadError]:
    name = str(path)
    if path.is_symlink() and not path.exists():
        yield ReadError(f"{name}:0", "broken symbolic link")
        return
    if not path.exists():
        yield ReadError(f"{name}:0", "no such file or directory")
        return
    if not path.is_file():
        yield ReadError(f"{name}:0", "not a regular file")
        return
    kind = kind_of(path) or (_sniff(path) if explicit else None)
    if kind is None:
        if explicit:
            yield ReadError(f"{name}:0", "unknown input kind (not .jsonl .txt .html .warc .parquet or a feed)")
        return
    try:
        with open(path, "rb") as stream:
            yield from read_stream(kind, stream, name, limits)
    except OSError as err:
        yield ReadError(f"{name}:0", f"cannot read ({err.strerror or err})")


def read_stream(kind: str, stream: IO[bytes], name: str, limits: Limits) -> Iterator[Article | ReadError]:
    """Articles from an open binary stream of a known kind (a local file or an fsspec file)."""
    if kind == "jsonl":
        yield from read_jsonl(stream, name, limits)
    elif kind == "jsonl.gz":
        yield from _read_gzipped_jsonl(stream, name, limits)
    elif kind == "warc":
        yield from read_warc(_Capped(stream, limits.max_decompressed_bytes), name, limits)
    elif kind == "parquet":
        yield from read_parquet(stream, name)
    else:
        data = stream.read(limits.max_record_bytes + 1)
        if len(data) > limits.max_record_bytes:
            yield ReadError(f"{name}:1", f"file larger than {limits.max_record_bytes} bytes")
        elif kind == "text":
            yield text_to_article(data, f"{name}:1")
        elif kind == "html":
            yield html_file_to_article(data, f"{name}:1")
        else:
            yield from read_feed(data, name)


def _read_gzipped_jsonl(stream: IO[bytes], name: str, limits: Limits) -> Iterator[Article | ReadError]:
    capped = _Capped(gzip.GzipFile(fileobj=stream), limits.max_decompressed_bytes)
    try:
        yield from read_jsonl(capped, name, limits)
    except (OSError, EOFError, zlib.error) as err:
        yield ReadError(f"{name}:0", f"damaged or truncated gzip ({err})")


class _Capped:
    """A read-only stream that fails once more than ``limit`` bytes were read (a decompression bomb guard)."""

    def __init__(self, raw: IO[bytes], limit: int) -> None:
        self.raw, self.limit, self.seen = raw, limit, 0

    def _count(self, data: bytes) -> bytes:
        self.seen += len(data)
        if self.seen > self.limit:
            raise OSError(f"more than {self.limit} bytes after decompression")
        return data

    def read(self, size: int = -1) -> bytes:
        return self._count(self.raw.read(size))

    def readline(self, size: int = -1) -> bytes:
        return self._count(self.raw.readline(size))

    def tell(self) -> int:
        return self.raw.tell()


def _sniff(path: Path) -> str | None:
    try:
        with open(path, "rb") as f:
            head = f.read(512).lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    except OSError:
        return None
    if head.startswith(b"warc/") or head.startswith(b"\x1f\x8b"):
        return "warc"
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith(b"<?xml") or head.startswith(b"<rss") or head.startswith(b"<feed"):
        return "feed" if (b"<rss" in head or b"<feed" in head or b"<rdf" in head) else "html"
    if head.startswith(b"<!doctype html") or head.startswith(b"<html"):
        return "html"
    return None


def walk_inputs(root: Path) -> Iterator[Path | ReadError]:
    """Files of known kinds under root, depth first in name order (as `find | sort` lists them).

    Symbolic links are not followed (a crawl folder must not reach outside itself); each is one error line,
    as is a folder that cannot be listed.
    """
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError as err:
        yield ReadError(f"{root}:0", f"cannot read directory ({err.strerror or err})")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if entry.is_symlink():
            yield ReadError(f"{path}:0", "symbolic link not followed")
        elif entry.is_dir(follow_symlinks=False):
            yield from walk_inputs(path)
        elif kind_of(path) is not None:
            yield path


def _read_directory(root: Path, limits: Limits) -> Iterator[Article | ReadError]:
    for found in walk_inputs(root):
        if isinstance(found, ReadError):
            yield found
        else:
            yield from read_file(found, limits)
