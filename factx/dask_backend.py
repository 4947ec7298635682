"""--scheduler: extraction on a Dask cluster (pip install 'factx[dask]').

The input records are cut into partitions of BATCH_SIZE records and submitted to the cluster; each worker
process loads the pipeline once (cached per process, keyed by the settings) and returns the records of a
partition, which come back here in input order, at most 2 partitions per worker in flight so that memory
stays bounded. With --output-dir the workers write the records as JSONL part files themselves
(part-00000.jsonl, ...) and send back only the error records. Text files given as paths are read by the
workers (every worker must see the same paths); JSONL and stdin are read here and the texts shipped.

One pipeline per worker process is not thread-safe, so each process runs one partition at a time (a lock);
start workers with one thread each (`dask worker ADDRESS --nthreads 1 --nworkers N`). `--scheduler local`
starts a distributed.LocalCluster with --jobs worker processes, one thread each.
"""
from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from datetime import date as Date
from pathlib import Path

from .core import BATCH_SIZE, FLUSH, Failure, Record, chunks
from .errors import UsageError, first_line

IN_FLIGHT_PER_WORKER = 2
_EXTRACTORS: dict = {}
_LOCK = threading.Lock()


def _extractor(settings: tuple):
    if settings not in _EXTRACTORS:
        from .core import Extractor

        model, patterns, dollar, max_chars = settings
        _EXTRACTORS[settings] = Extractor(model, list(patterns), dollar, max_chars=max_chars)
    return _EXTRACTORS[settings]


def _process(items: list, settings: tuple, wanted: tuple[str, ...], override: Date | None,
             part: int, output_dir: str | None) -> list[dict]:
    """Runs on a worker: the records of one partition (or, with output_dir, write them and return the errors)."""
    from .inputs import read_inputs

    records: list[Record | Failure] = []
    for item in items:
        if isinstance(item, tuple):  # (id as the user gave it, absolute path): read here, on the worker
            name, path = item
            for record in read_inputs([path], "text", None):
                record.id = name
                records.append(record)
        else:
            records.append(item)
    with _LOCK:
        results = list(_extractor(settings).extract_many(records, types=wanted, reference_date=override,
                                                         batch_size=len(records) or 1))
    if output_dir is None:
        return results
    from .output import write_jsonl

    with (Path(output_dir) / f"part-{part:05d}.jsonl").open("w", encoding="utf-8") as f:
        for record in results:
            write_jsonl(record, f)
    return [r for r in results if "error" in r]


def connect(scheduler: str, jobs: int):
    """(client, cluster or None). Raises UsageError when Dask is missing or the scheduler is unreachable."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as e:
        raise UsageError("--scheduler needs Dask: pip install 'factx[dask]'") from e
    try:
        if scheduler == "local":
            cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None,
                                   silence_logs=logging.ERROR)
            return Client(cluster), cluster
        return Client(scheduler, timeout="10s"), None
    except (OSError, TimeoutError, ValueError) as e:  # ValueError: an address such as foo://x
        raise UsageError(f"cannot reach the Dask scheduler {scheduler!r} ({first_line(e)})") from e


def run_dask(client, items: Iterable, settings: tuple, wanted: tuple[str, ...], override: Date | None,
             output_dir: str | None = None, partition_size: int = BATCH_SIZE) -> Iterator[dict]:
    """The records of all items (Records, Failures, or text file paths to read on the workers), in input
    order; with output_dir, only the error records (the rest are in the part files)."""
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    pending: deque = deque()
    part = 0
    try:
        for chunk in chunks(items, partition_size):
            if chunk is FLUSH:
                while pending:
                    yield from pending.popleft().result()
                continue
            pending.append(client.submit(_process, chunk, settings, wanted, override, part, output_dir, pure=False))
            part += 1
            while len(pending) >= IN_FLIGHT_PER_WORKER * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        if pending:
            try:
                client.cancel(list(pending))
            except Exception:  # noqa: BLE001, S110 - the client may already be closing
                pass


def text_items(paths: list[str]):
    """Text files as (id as given, absolute path) for the Dask workers to read; unreadable paths as
    Failures; in order."""
    from .inputs import expand

    for name, path, error in expand(paths):
        yield Failure(name, error) if error is not None else (name, str(path.resolve()))
