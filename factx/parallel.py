"""--jobs N: batches of records run in N worker processes, results streamed back in input order.

Workers are forked from the process that has already loaded the pipeline, so each has it from the start
(shared copy-on-write, not loaded N times) and starting one costs milliseconds. Each batch (8 documents,
so the work shares out evenly) goes to the worker with the fewest batches queued, over its own pipe, and
results are read back in submission order, so the output order is the input order. At most 2 batches per worker are in flight: memory stays bounded however long the input is.

Workers ignore SIGINT and SIGTERM (a Ctrl-C or `kill` reaches the whole process group): the parent decides,
and kills its workers when it stops for any reason. A worker that dies (killed, out of memory, a crash in
native code) is replaced; its batch is retried one document at a time in fresh workers, so only the
document that kills a worker fails (kind `internal`) and the others still get their records.

multiprocessing.Pool is not used: when a worker dies it waits forever, and Pool.terminate() can hang on a
lock a killed worker held. spaCy's nlp.pipe(n_process=...) is not used either: it pickles whole Docs back
(slower than the small dicts sent here) and has known hangs (spaCy #5119, #9232).
"""
from __future__ import annotations

import itertools
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from datetime import date as Date

from .core import FLUSH
from .errors import first_line
from .record import error_record

IN_FLIGHT_PER_WORKER = 2
PARALLEL_BATCH_SIZE = 8
_extractor = None  # the parent's Extractor, inherited by the forked workers


def default_jobs() -> int:
    """The CPUs this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _serve(conn) -> None:
    """A worker: batches in, records out, until the parent closes the pipe."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    while True:
        try:
            batch, wanted, override = conn.recv()
        except (EOFError, OSError):
            break
        try:
            reply = ("ok", list(_extractor._run(batch, wanted, override)))
        except Exception as e:  # noqa: BLE001 - _run turns per-document failures into records; this is a bug
            reply = ("error", first_line(e))
        try:
            conn.send(reply)
        except (BrokenPipeError, OSError):
            break
    os._exit(0)  # not sys.exit: nothing inherited from the parent (stdout buffers) may be flushed here


class _Worker:
    def __init__(self, ctx):
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_serve, args=(child,), daemon=True)
        self.proc.start()
        child.close()

    def stop(self) -> None:
        self.conn.close()
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(timeout=5)


class _Workers:
    def __init__(self, n: int):
        self.ctx = multiprocessing.get_context("fork")
        self.slots = [_Worker(self.ctx) for _ in range(n)]

    def send(self, slot: int, batch: list, wanted, override) -> None:
        try:
            self.slots[slot].conn.send((batch, wanted, override))
        except (BrokenPipeError, OSError):
            pass  # the worker is dead: receive() will find out and redo its batches

    def receive(self, slot: int):
        """The reply for the oldest batch sent to this slot, or None if its worker died."""
        try:
            return self.slots[slot].conn.recv()
        except (EOFError, OSError):
            return None

    def replace(self, slot: int) -> None:
        self.slots[slot].stop()
        self.slots[slot] = _Worker(self.ctx)

    def stop(self) -> None:
        for worker in self.slots:
            worker.stop()


def run_parallel(extractor, batches: Iterable[list], wanted: tuple[str, ...], override: Date | None,
                 jobs: int) -> Iterator[dict]:
    """The records of all batches, in order. A single batch, or batches that trickle in with the input idle
    between them (FLUSH), run here without starting workers."""
    global _extractor
    batches = iter(batches)
    while True:  # in this process until two batches come back to back: workers would not pay for a trickle
        first = next(batches, None)
        if first is None:
            return
        if first is FLUSH:
            continue
        second = next(batches, None)
        if second is None or second is FLUSH:
            yield from extractor._run(first, wanted, override)
            if second is None:
                return
            continue
        break
    _extractor = extractor
    workers = _Workers(jobs)
    pending: deque = deque()  # (batch, slot), oldest first

    def collect() -> list[dict]:
        batch, slot = pending.popleft()
        reply = workers.receive(slot)
        if reply is None:  # the worker died with this batch: find the document that kills it
            workers.replace(slot)
            results = [_alone(workers, slot, item, wanted, override) for item in batch]
            for later, later_slot in pending:  # what was queued to the dead worker, in order
                if later_slot == slot:
                    workers.send(slot, later, wanted, override)
            return results
        status, data = reply
        if status == "error":
            raise RuntimeError(f"worker failed: {data}")
        return data

    try:
        for batch in itertools.chain([first, second], batches):
            if batch is FLUSH:  # the input is idle: hand back everything in flight now
                while pending:
                    yield from collect()
                continue
            busy = [0] * jobs
            for _, used in pending:
                busy[used] += 1
            slot = busy.index(min(busy))  # the worker with the least queued: a slow batch does not hold others
            workers.send(slot, batch, wanted, override)
            pending.append((batch, slot))
            while len(pending) >= IN_FLIGHT_PER_WORKER * jobs:
                yield from collect()
        while pending:
            yield from collect()
    finally:
        workers.stop()
        _extractor = None


def _alone(workers: _Workers, slot: int, item, wanted, override) -> dict:
    """One document in a fresh worker; if it kills that worker too, its error record."""
    workers.send(slot, [item], wanted, override)
    reply = workers.receive(slot)
    if reply is not None and reply[0] == "ok":
        return reply[1][0]
    workers.replace(slot)
    rid = getattr(item, "id", "?")
    return error_record(rid, "internal", f"{rid}: the worker process died on this input (killed, out of "
                                         f"memory, or a crash); please report it")
