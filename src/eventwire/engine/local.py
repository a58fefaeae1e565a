"""The local engine: read -> parse once -> extract, in batches, in one or several processes.

Results come out in input order as JSON lines (bytes), so every engine writes the same bytes.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Collection, Iterable, Iterator
from itertools import islice

from eventwire.engine.batch import Extracted, Item, process_batch, warm_up
from eventwire.read.article import Article, ReadError


class LocalEngine:
    """This machine: one process, or a pool of spawned worker processes."""

    def __init__(self, workers: int = 1, batch_size: int = 32) -> None:
        self.workers, self.batch_size = workers, batch_size

    def extract(self, inputs: list[str], skip: Collection[str] = ()) -> Iterator[Extracted | ReadError]:
        """The INPUTs' records in input order; articles whose id is in ``skip`` are not even parsed."""
        from eventwire.read import read_inputs

        items = read_inputs(inputs)
        if skip:
            items = (item for item in items if not (isinstance(item, Article) and item.id in skip))
        return extract_items(items, self.workers, self.batch_size)


def extract_items(items: Iterable[Item], workers: int = 1, batch_size: int = 32) -> Iterator[Extracted | ReadError]:
    """Document records (or the read errors in their place), in input order."""
    batches = _batches(items, batch_size)
    if workers <= 1:
        for batch in batches:
            yield from process_batch(batch)
        return
    yield from _in_pool(batches, workers)


def _batches(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _in_pool(batches: Iterator[list[Item]], workers: int) -> Iterator[Extracted | ReadError]:
    """Batches spread over worker processes; at most two per worker in flight, so memory stays flat."""
    context = multiprocessing.get_context("spawn")
    with context.Pool(workers, initializer=warm_up) as pool:
        in_flight: deque = deque()
        for batch in batches:
            in_flight.append(pool.apply_async(process_batch, (batch,)))
            if len(in_flight) >= 2 * workers:
                yield from in_flight.popleft().get()
        while in_flight:
            yield from in_flight.popleft().get()
