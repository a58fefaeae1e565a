"""The Ray Data engine: the same readers and the same extraction as the local engine, spread over a cluster.

Input files (local paths or any fsspec URL: s3://, gs://, hdfs:// …) become a dataset of file names; each
file is read by eventwire's own readers (so records and error lines are the same as the local engine's),
then parsed and extracted by a pool of actors that each load the spaCy model once. Results come back in
input order; ``shards=DIR`` instead writes them as JSON-lines or Parquet shards from the actors.
"""

from __future__ import annotations

import os
import pickle
import uuid
from collections.abc import Collection, Iterator
from pathlib import Path

from eventwire.engine.batch import Extracted, process_batch, warm_up
from eventwire.read.article import Article, Limits, ReadError
from eventwire.read.sources import kind_of, read_file, read_stream, walk_inputs, within_limits


def expand_inputs(inputs: list[str]) -> list[str | ReadError]:
    """Every input file, directories and fsspec folders listed recursively in name order."""
    files: list[str | ReadError] = []
    for item in inputs:
        if "://" in item:
            files += _remote_files(item)
        elif Path(item).is_dir():
            files += [f if isinstance(f, ReadError) else str(f) for f in walk_inputs(Path(item))]
        else:
            files.append(item)
    return files


def _remote_files(url: str) -> list[str]:
    import fsspec

    fs, path = fsspec.core.url_to_fs(url)
    if not fs.isdir(path):
        return [url]
    protocol = url.split("://", 1)[0]
    return [f"{protocol}://{p}" for p in sorted(fs.find(path)) if kind_of(Path(p)) is not None]


def _read_one(row: dict) -> Iterator[dict]:
    """flat_map: one input file -> its articles and error lines, pickled whole to keep them exact."""
    if row["error"]:
        yield {"item": row["error"]}
        return
    limits = Limits.from_environment()
    for item in within_limits(_read_source(row["path"], limits), limits):
        yield {"item": pickle.dumps(item)}


def _read_source(name: str, limits: Limits) -> Iterator[Article | ReadError]:
    if "://" not in name:
        yield from read_file(Path(name), limits, explicit=True)
        return
    import fsspec

    kind = kind_of(Path(name))
    if kind is None:
        yield ReadError(f"{name}:0", "unknown input kind")
        return
    try:
        with fsspec.open(name, "rb") as stream:
            yield from read_stream(kind, stream, name, limits)
    except OSError as err:
        yield ReadError(f"{name}:0", f"cannot read ({err})")


class _Extractor:
    """One per actor: loads the model and the lexicons once, then extracts batch after batch."""

    def __init__(self, shards: str | None = None, shard_format: str = "jsonl") -> None:
        warm_up()
        self.shards, self.shard_format = shards, shard_format

    def __call__(self, batch: dict) -> dict:
        items = [pickle.loads(b) for b in batch["item"]]
        results = process_batch(items)
        if self.shards:
            _write_shard(self.shards, self.shard_format, [r for r in results if isinstance(r, Extracted)])
            results = [r for r in results if isinstance(r, ReadError)]
        return {"result": [pickle.dumps(r) for r in results]}


def _write_shard(folder: str, shard_format: str, records: list[Extracted]) -> None:
    if not records:
        return
    import fsspec

    name = f"{folder.rstrip('/')}/part-{uuid.uuid4().hex[:12]}.{shard_format}"
    if shard_format == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.table({"id": [r.id for r in records], "record": [r.line.decode() for r in records]})
        with fsspec.open(name, "wb") as out:
            pq.write_table(table, out)
    else:
        with fsspec.open(name, "wb") as out:
            out.write(b"".join(r.line + b"\n" for r in records))


def _quiet_ray() -> None:
    """Ray's own progress logs would drown eventwire's one-line-per-problem output on standard error."""
    import logging
    import warnings

    for name in ("ray", "ray.data"):
        logging.getLogger(name).setLevel(logging.ERROR)
    warnings.filterwarnings("ignore", module=r"ray(\..*)?")


class RayEngine:
    """A Ray cluster (or a local Ray instance): the same records as the local engine, in the same order."""

    def __init__(self, workers: int = 2, batch_size: int = 32, address: str | None = None, shards: str | None = None,
                 shard_format: str = "jsonl") -> None:
        self.workers, self.batch_size, self.address = workers, batch_size, address
        self.shards, self.shard_format = shards, shard_format

    def extract(self, inputs: list[str], skip: Collection[str] = ()) -> Iterator[Extracted | ReadError]:
        """The actors do not know the store: results for ids in ``skip`` are dropped as they come back."""
        for result in extract_with_ray(inputs, self.workers, self.batch_size, self.address, self.shards,
                                       self.shard_format):
            if not (skip and isinstance(result, Extracted) and result.id in skip):
                yield result


def extract_with_ray(inputs: list[str], workers: int = 2, batch_size: int = 32, address: str | None = None,
                     shards: str | None = None, shard_format: str = "jsonl") -> Iterator[Extracted | ReadError]:
    """Document records (or error lines) in input order; with ``shards`` only the error lines come back."""
    import ray

    _quiet_ray()
    files = expand_inputs(inputs)
    if not files:
        return
    if not ray.is_initialized():
        address = address or os.environ.get("RAY_ADDRESS")
        # A local instance gets one CPU per extraction actor plus one for the reading tasks.
        ray.init(address=address, num_cpus=None if address else workers + 1, include_dashboard=False,
                 log_to_driver=False, configure_logging=False, logging_level="ERROR")
    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True
    context.enable_progress_bars = False
    context.print_on_execution_start = False
    if shards and "://" not in shards:
        Path(shards).mkdir(parents=True, exist_ok=True)
    dataset = (
        ray.data.from_items([{"path": f, "error": b""} if isinstance(f, str) else {"path": "", "error": pickle.dumps(f)}
                             for f in files])
        .flat_map(_read_one, num_cpus=0.5)
        .map_batches(_Extractor, batch_size=batch_size, compute=ray.data.ActorPoolStrategy(size=workers),
                     batch_format="numpy", num_cpus=1,
                     fn_constructor_kwargs={"shards": shards, "shard_format": shard_format})
    )
    for row in dataset.iter_rows():
        yield pickle.loads(row["result"])
