"""--jobs N: batches of records run in N worker processes, results streamed back in input order.

Workers are forked from the process that has already loaded the pipeline, so each has it from the start
(shared copy-on-write, not loaded N times) and starting one costs milliseconds. Each batch (8 documents,
so the work shares out evenly) goes to the worker with the fewest batches queued, over its own pipe, and
results are read back in submission order, so the output order is the input order. At most 2 batches per worker are in flight: memory stays bounded however long the input is.

Workers ignore SIGINT and SIGTERM (a Ctrl-C or `kill` reaches the whole process group): the parent decides,
and kills its workers when it stops for any reason. A worker that dies (killed, out of memory, a crash in
native code) is replaced; its batch is retried one document at a time in fresh workers, so only the
document that kills a worker fails (kind `internal`) and the others still get their records.

A document that runs past its time limit (`timeout` seconds, default 60, plus one second per 1,000
characters: generous, a guard against hangs, not a budget) is killed with its worker and gets an error
record of kind `timeout`; the other documents of its batch are redone in a fresh worker and the stream goes on.
The clock of a batch starts when its worker can have started it (sent, and the worker's previous batch
collected), so a limit is never cut short by waiting in the queue.

A worker never outlives factx: it closes the parent's ends of every pipe it inherited (so when the parent
dies, even by SIGKILL, the worker's recv() sees end-of-file), and on Linux it asks the kernel to kill it
when its parent dies (PR_SET_PDEATHSIG), which also covers a worker busy on a document.

multiprocessing.Pool is not used: when a worker dies it waits forever, and Pool.terminate() can hang on a
lock a killed worker held. spaCy's nlp.pipe(n_process=...) is not used either: it pickles whole Docs back
(slower than the small dicts sent here) and has known hangs (spaCy #5119, #9232).
"""
from __future__ import annotations

import ctypes
import itertools
import multiprocessing
import os
import signal
import time
from collections import deque
from collections.abc import Iterable, Iterator
from datetime import date as Date

from .core import FLUSH
from .errors import first_line
from .record import error_record

IN_FLIGHT_PER_WORKER = 2
PARALLEL_BATCH_SIZE = 8
TIMEOUT = 60.0  # seconds a document may take, plus SECONDS_PER_CHAR for each character of its text
SECONDS_PER_CHAR = 0.001
_extractor = None  # the parent's Extractor, inherited by the forked workers
_parent_ends: list = []  # the parent's ends of all workers' pipes: a forked worker must close its copies
_TIMED_OUT = object()
PR_SET_PDEATHSIG = 1


def time_limit(items: list, timeout: float | None) -> float | None:
    """Seconds the documents in `items` may take together (None: no limit)."""
    if timeout is None:
        return None
    return sum(timeout + SECONDS_PER_CHAR * len(getattr(item, "text", "")) for item in items)


def default_jobs() -> int:
    """The CPUs this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _serve(conn, parent: int) -> None:
    """A worker: batches in, records out, until the parent closes the pipe or dies."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    _die_with_parent(parent)
    for end in _parent_ends:  # inherited copies: while any is open, no worker would ever see end-of-file
        end.close()
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


def _die_with_parent(parent: int) -> None:
    """Ask Linux to SIGKILL this process when its parent dies; exit now if it already has."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # pragma: no cover - not Linux: end-of-file on the pipe still works
        pass
    if os.getppid() != parent:
        os._exit(0)


class _Worker:
    def __init__(self, ctx):
        self.conn, child = ctx.Pipe()
        _parent_ends.append(self.conn)
        self.proc = ctx.Process(target=_serve, args=(child, os.getpid()), daemon=True)
        self.proc.start()
        child.close()

    def stop(self) -> None:
        if self.conn in _parent_ends:
            _parent_ends.remove(self.conn)
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

    def receive(self, slot: int, seconds: float | None = None):
        """The reply for the oldest batch sent to this slot; None if its worker died, _TIMED_OUT if no reply
        came within `seconds` (None: wait as long as it takes)."""
        conn = self.slots[slot].conn
        try:
            if seconds is not None and not conn.poll(max(0.0, seconds)):
                return _TIMED_OUT
            return conn.recv()
        except (EOFError, OSError):
            return None

    def replace(self, slot: int) -> None:
        self.slots[slot].stop()
        self.slots[slot] = _Worker(self.ctx)

    def stop(self) -> None:
        for worker in self.slots:
            worker.stop()


def run_parallel(extractor, batches: Iterable[list], wanted: tuple[str, ...], override: Date | None,
                 jobs: int, timeout: float | None = TIMEOUT) -> Iterator[dict]:
    """The records of all batches, in order. A single batch, or batches that trickle in with the input idle
    between them (FLUSH), run here without starting workers. `timeout`: see the module's docstring."""
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
    pending: deque = deque()  # [batch, slot, time sent], oldest first
    collected = [0.0] * jobs  # when each slot's last reply was read

    def send(batch: list, slot: int) -> None:
        workers.send(slot, batch, wanted, override)
        pending.append([batch, slot, time.monotonic()])

    def collect() -> list[dict]:
        batch, slot, sent = pending.popleft()
        limit = time_limit(batch, timeout)
        waited = None if limit is None else limit - (time.monotonic() - max(sent, collected[slot]))
        reply = workers.receive(slot, waited)
        collected[slot] = time.monotonic()
        if reply is None or reply is _TIMED_OUT:  # find the document that kills the worker or runs over
            workers.replace(slot)
            later = [entry for entry in pending if entry[1] == slot]  # queued to the dead worker, in order
            results = [_alone(workers, slot, item, wanted, override, timeout) for item in batch]
            for entry in later:
                workers.send(slot, entry[0], wanted, override)
                entry[2] = collected[slot] = time.monotonic()
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
            for _, used, _ in pending:
                busy[used] += 1
            send(batch, busy.index(min(busy)))  # the least queued worker: a slow batch does not hold others
            while len(pending) >= IN_FLIGHT_PER_WORKER * jobs:
                yield from collect()
        while pending:
            yield from collect()
    finally:
        workers.stop()
        _extractor = None


def _alone(workers: _Workers, slot: int, item, wanted, override, timeout: float | None) -> dict:
    """One document in a fresh worker; if it kills that worker too or runs over its limit, its error record."""
    workers.send(slot, [item], wanted, override)
    reply = workers.receive(slot, time_limit([item], timeout))
    if reply is not None and reply is not _TIMED_OUT and reply[0] == "ok":
        return reply[1][0]
    workers.replace(slot)
    rid = getattr(item, "id", "?")
    if reply is _TIMED_OUT:
        return error_record(rid, "timeout", f"{rid}: stopped after {time_limit([item], timeout):,.0f} s, "
                                            f"the time limit for this input (--timeout); please report it")
    return error_record(rid, "internal", f"{rid}: the worker process died on this input (killed, out of "
                                         f"memory, or a crash); please report it")
