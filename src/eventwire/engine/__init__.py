"""Engines turn INPUTs into document records: one interface, a local and a Ray implementation.

``engine_for(name, ...)`` picks one; ``Engine.extract(inputs, skip)`` yields each input's record (an
``Extracted``) or its read error, in input order, whichever engine runs. Both call ``batch.process_batch``.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import Protocol

from eventwire.engine.batch import Extracted, process_batch
from eventwire.engine.local import LocalEngine, extract_items
from eventwire.errors import EventwireError
from eventwire.read.article import ReadError

__all__ = ["ENGINES", "Engine", "Extracted", "LocalEngine", "engine_for", "extract_inputs", "extract_items",
           "process_batch"]

ENGINES = ("local", "ray")


class Engine(Protocol):
    def extract(self, inputs: list[str], skip: Collection[str] = ()) -> Iterator[Extracted | ReadError]:
        """Records (or read errors) of the INPUTs in input order, leaving out the documents whose id is in skip."""
        ...


def engine_for(name: str = "local", workers: int = 1, batch_size: int = 32, ray_address: str | None = None,
               shards: str | None = None, shard_format: str = "jsonl") -> Engine:
    """The engine the command line names; a wrong name or option is an EventwireError (one line)."""
    if name == "ray":
        from eventwire.engine.ray_data import RayEngine

        return RayEngine(workers, batch_size, ray_address, shards, shard_format)
    if name != "local":
        raise EventwireError(f"unknown engine {name!r} (expected local or ray)")
    if shards:
        raise EventwireError("--shards needs --engine ray")
    return LocalEngine(workers, batch_size)


def extract_inputs(inputs: list[str], engine: str = "local", workers: int = 1, batch_size: int = 32,
                   ray_address: str | None = None, shards: str | None = None,
                   shard_format: str = "jsonl") -> Iterator[Extracted | ReadError]:
    """Read the command line's INPUTs and extract them with the chosen engine, results in input order."""
    return engine_for(engine, workers, batch_size, ray_address, shards, shard_format).extract(inputs)
