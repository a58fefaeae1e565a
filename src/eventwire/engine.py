"""The local engine: read -> parse once -> extract, in batches, in one or several processes.

Results come out in input order as JSON lines (bytes), so every engine writes the same bytes.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

import orjson
from spacy.tokens import Doc

from eventwire.errors import EventwireError
from eventwire.extract.base import Parsed
from eventwire.extract.pipeline import extract_document
from eventwire.parse import load_nlp, parse_articles
from eventwire.read.article import Article, ReadError

Item = Article | ReadError


@dataclass(slots=True)
class Extracted:
    """One document record, serialised."""

    origin: str
    id: str
    line: bytes  # the SPEC §2 record as one JSON object, no newline


def extract_inputs(inputs: list[str], engine: str = "local", workers: int = 1, batch_size: int = 32,
                   ray_address: str | None = None, shards: str | None = None,
                   shard_format: str = "jsonl") -> Iterator[Extracted | ReadError]:
    """Read the command line's INPUTs and extract them with the chosen engine, results in input order."""
    if engine == "ray":
        from eventwire.scale.ray_engine import extract_with_ray

        return extract_with_ray(inputs, workers, batch_size, ray_address, shards, shard_format)
    if engine != "local":
        raise EventwireError(f"unknown engine {engine!r} (expected local or ray)")
    if shards:
        raise EventwireError("--shards needs --engine ray")
    from eventwire.read import read_inputs

    return extract_items(read_inputs(inputs), workers, batch_size)


def extract_items(items: Iterable[Item], workers: int = 1, batch_size: int = 32) -> Iterator[Extracted | ReadError]:
    """Document records (or the read errors in their place), in input order."""
    batches = _batches(items, batch_size)
    if workers <= 1:
        for batch in batches:
            yield from process_batch(batch)
        return
    yield from _in_pool(batches, workers)


def process_batch(batch: list[Item]) -> list[Extracted | ReadError]:
    """Parse the batch's articles in one ``nlp.pipe`` call and extract each; errors pass through in place."""
    articles = [item for item in batch if isinstance(item, Article)]
    done: dict[int, Extracted | ReadError] = {}
    for article, doc in parse_articles(articles):
        done[id(article)] = _extract_one(article, doc)
    return [done[id(item)] if isinstance(item, Article) else item for item in batch]


def _extract_one(article: Article, doc: Doc) -> Extracted | ReadError:
    try:
        record = extract_document(Parsed(article, doc))
    except Exception as err:  # one broken document must not stop the run; it is reported instead
        return ReadError(article.origin, f"extraction failed ({type(err).__name__}: {err})"[:300])
    return Extracted(article.origin, article.id, orjson.dumps(record.to_json()))


def _batches(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _worker_start() -> None:
    load_nlp()
    from eventwire.extract.pipeline import ordered_steps

    ordered_steps()


def _in_pool(batches: Iterator[list[Item]], workers: int) -> Iterator[Extracted | ReadError]:
    """Batches spread over worker processes; at most two per worker in flight, so memory stays flat."""
    context = multiprocessing.get_context("spawn")
    with context.Pool(workers, initializer=_worker_start) as pool:
        in_flight: deque = deque()
        for batch in batches:
            in_flight.append(pool.apply_async(process_batch, (batch,)))
            if len(in_flight) >= 2 * workers:
                yield from in_flight.popleft().get()
        while in_flight:
            yield from in_flight.popleft().get()
