"""The audit of a log on every core (RULES.md H5: the finding for a line never depends on the
lines before it, so blocks of the log can be decided apart).

The log is cut into blocks of whole lines (BLOCK bytes or so); each block is decided by a worker
process, which writes its findings as text; the texts are written in log order. With one job the
very same function decides every block in this process, so the output of ``--jobs N`` is the
output of ``--jobs 1``, byte for byte. At most 2 x N blocks are in flight: memory does not grow
with the log. A line longer than MAX_LINE_BYTES is reported as soon as it passes the limit (its
block is a line of MAX_LINE_BYTES + 1 bytes, which the worker reports as the audit always does)
and the rest of it is skipped unread: /dev/zero gets its finding and is read in bounded memory.

Ctrl-C: the workers ignore SIGINT; the parent kills them and reaps them, then KeyboardInterrupt
goes on to the command line (exit status 130). A worker that dies (killed, out of memory) ends the
audit with WorkerStopped, and workers whose parent is gone end within a second or so.

No thread of the audit outlives run_blocks, whichever way it ends, and every worker is forked
before the audit starts a thread: a process that forks while other threads run may fork a lock
one of them holds (the allocator's, under AddressSanitizer), and that child waits for ever.
"""

from __future__ import annotations

import collections
import json
import multiprocessing
import multiprocessing.connection
import os
import pickle
import queue
import signal
import threading
import time
from dataclasses import dataclass
from json.encoder import encode_basestring, encode_basestring_ascii  # type: ignore[attr-defined]
from typing import Any, Callable, Deque, Dict, Iterator, List, Optional, Tuple

from . import _audit_records
from . import cportvakt as _c
from ._audit import MAX_LINE_BYTES, Audit, Finding
from ._reading import BOM
from ._codec import EFFECT_AT, REASON_AT, Outcomes, decode
from ._enums import ACTOR_KINDS_FROM_C

_RECORD_SIZE = Outcomes.RECORD_SIZE
_PERMIT = _c.EFFECT_PERMIT
_INVALID = _c.REASON_INVALID_INPUT

__all__ = ["BLOCK", "Totals", "WorkerStopped", "blocks", "default_jobs", "format_finding", "run_blocks"]

#: The size of a block of the log decided at once (a worker's unit of work).
BLOCK = 4 * 1024 * 1024
_READ = 1024 * 1024


def default_jobs() -> int:
    """The cores this process may run on (os.sched_getaffinity), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


@dataclass
class Totals:
    """The counts of the blocks decided so far, and the bytes of the log they held."""

    lines: int = 0
    allowed: int = 0
    denied: int = 0
    malformed: int = 0
    found: int = 0
    bytes: int = 0


# ---- cutting the log ------------------------------------------------------------------------

_LONG = b"\x00" * (MAX_LINE_BYTES + 1) + b"\n"  # stands for a line past the limit: one finding


def blocks(read: Callable[[int], bytes]) -> Iterator[Optional[Tuple[int, bytes, int]]]:
    """(number of the first line, bytes of whole lines, bytes of the log they stand for), in log
    order; None now and then while a long line is skipped (the caller may collect results)."""
    line = 1
    carry = b""
    skipping = False
    start = True
    while True:
        data = read(_READ if skipping else BLOCK)
        if start:
            # H5: a byte order mark at the very start of the log is ignored (here, since the
            # workers' blocks never start the file).
            while data and len(data) < len(BOM):
                more = read(BLOCK)
                if not more:
                    break
                data += more
            if data.startswith(BOM):
                data = data[len(BOM):]
            start = False
        if not data:
            break
        if skipping:
            end = data.find(b"\n")
            if end < 0:
                yield None
                continue
            data, skipping = data[end + 1:], False
        data = carry + data if carry else data
        end = data.rfind(b"\n")
        if end < 0:
            carry = data
        else:
            whole, carry = data[:end + 1], data[end + 1:]
            yield line, whole, len(whole)
            line += whole.count(b"\n")
        if len(carry) > MAX_LINE_BYTES:
            yield line, _LONG, len(carry)
            line += 1
            carry, skipping = b"", True
    if carry:
        yield line, carry, len(carry)


# ---- deciding a block -----------------------------------------------------------------------

_template: Any = None  # the worker's audit: its records and caches, kept from block to block


def format_finding(f: Finding, as_json: bool, ascii_only: bool) -> str:
    """The line of output of a finding: JSON (--json) or a row of the table."""
    if as_json:
        return json.dumps(f.to_json(), ensure_ascii=ascii_only) + "\n"
    return _table_row(f) + "\n"


def _table_row(f: Finding) -> str:
    if f.kind == "denied" and f.decision is not None:
        who = "-"
        if f.actor is not None:
            # An actor without an id (self, other) is named by its kind.
            who = f.actor.kind.value if f.actor.id is None else f"{f.actor.kind.value} {f.actor.id}"
        what = "-"
        if f.service is not None:
            what = f.service.kind.value + (f" {f.service.unit}" if f.service.unit else "")
        why = ", ".join(f"{r.value} ({rule})" for r, rule in zip(f.decision.reasons, f.decision.reason_rules))
        return (f"{f.line:>8}  denied     {f.citizen or '-':<14} {f.on.isoformat() if f.on else '-':<10}  "
                f"{who} · {what}: {why}")
    return f"{f.line:>8}  malformed  {f.field}: {f.message}"


class TextAudit(Audit):
    """The audit whose denials, with --json, come out as their line of output at once: no
    Decision, Finding or dict is built for them (a log of denials then runs at the rate of a log
    of allowed accesses). The text is the one format_finding gives, byte for byte (the test
    test_the_text_of_a_denial_is_the_json_of_its_finding holds them equal); a line the decision
    finds malformed (section 8 on its date) still goes through Finding."""

    as_json = False
    ascii_only = True

    def _decide(self, pending: List[Any]) -> List[Any]:
        if not self.as_json:
            return super()._decide(pending)
        by_date: Dict[Any, List[int]] = {}
        for i, item in enumerate(pending):
            if type(item) is tuple:
                by_date.setdefault(item[5], []).append(i)
        size = _RECORD_SIZE
        quote = encode_basestring_ascii if self.ascii_only else encode_basestring
        denied = 0
        for on, indices in by_date.items():
            # A request: (line, record id, record (citizen, proxy, prepared), (actor, proxy),
            # (service, proxy), day), as Audit._decide reads it.
            items = [pending[i] for i in indices]
            if all(item[2][2] is not None for item in items):
                # every record prepared: the fast path
                answer = _c.audit_decide([(item[2][2], item[3][1], item[4][1]) for item in items], on)
            else:
                answer = _c.audit_evaluate([(self._proxy(item), item[3][1], item[4][1]) for item in items], on)
            records = answer[0]
            effects = records[EFFECT_AT::size]
            permitted = effects.count(_PERMIT)
            self._allowed += permitted
            if permitted == len(indices):
                for i in indices:
                    pending[i] = None
                continue
            day = on.isoformat()
            outcomes: Any = None
            for k, i in enumerate(indices):
                if effects[k] == _PERMIT:
                    pending[i] = None
                    continue
                if records[k * size + REASON_AT] == _INVALID:
                    if outcomes is None:
                        outcomes = Outcomes(answer, lambda j: (self._proxy(items[j]), items[j][3][1], items[j][4][1]), on)
                    pending[i] = self._finding(pending[i], outcomes[k])
                    continue
                raw = records[k * size:(k + 1) * size]
                why = _WHY.get(raw)
                if why is None:
                    why = _why(raw, answer[1][k])
                request = pending[i]
                pending[i] = (f'{{"line": {request[0]}, "kind": "denied", "citizen": {quote(request[1])}, '
                              f'"on": "{day}", {why}\n')
                denied += 1
        found = [item for item in pending if item is not None]
        self._denied += denied
        for f in found:
            if type(f) is not str:
                if f.kind == "denied":
                    self._denied += 1
                else:
                    self._malformed += 1
        return found


# The reasons of a denial as JSON text ('"reason": ..., "reasons": [...], "rules": [...]}'), by
# the bytes of its outcome record: a region's denials have few distinct ones.
_WHY: Dict[bytes, str] = {}


def _why(raw: bytes, kind: int) -> str:
    d = decode(raw, ACTOR_KINDS_FROM_C[kind])  # type: ignore[arg-type]
    text = json.dumps({"reason": d.reason.value, "reasons": [r.value for r in d.reasons],
                       "rules": list(d.reason_rules)})[1:]
    if len(_WHY) >= 4096:
        _WHY.clear()
    _WHY[raw] = text
    return text


def decide(first: int, data: bytes, as_json: bool, ascii_only: bool) -> Tuple[str, int, int, int, int, int]:
    """The findings of a block as text, and (lines, allowed, denied, malformed, findings)."""
    run = _template
    run._restart(data, first - 1)
    run.as_json, run.ascii_only = as_json, ascii_only
    text = "".join([f if type(f) is str else format_finding(f, as_json, ascii_only) for f in run])
    s = run.summary
    return text, s.lines, s.allowed, s.denied, s.malformed, s.denied + s.malformed


class WorkerStopped(RuntimeError):
    """A worker process of --jobs ended before its blocks were decided (killed, out of memory)."""


def _worker(tasks: Any, results: Any, others: List[Any], parent: int) -> None:
    """A worker: decides the blocks it takes from 'tasks' and sends their findings on 'results',
    until it takes None (or the parent's end of 'tasks' is closed)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    # A parent killed outright cannot tell its workers, and a worker may then wait for ever in
    # the middle of a block the parent was sending: a thread looks for the parent every second.
    threading.Thread(target=_orphaned, args=(parent,), daemon=True).start()
    for end in others:
        end.close()  # the pipes of the other workers are the parent's alone
    while True:
        try:
            task = tasks.recv()
        except EOFError:
            return
        if task is None:
            return
        index, first, data, as_json, ascii_only = task
        answer: Tuple[int, Any, Optional[Exception]]
        try:
            answer = (index, decide(first, data, as_json, ascii_only), None)
        except Exception as error:  # an error of a block is the parent's to raise
            answer = (index, None, _sendable(error))
        results.send(answer)


def _orphaned(parent: int) -> None:
    """Ends the worker as soon as its parent is gone."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def _sendable(error: Exception) -> Exception:
    """'error' if it can be pickled, else a RuntimeError with its text."""
    try:
        pickle.dumps(error)
        return error
    except Exception:
        return RuntimeError(f"{type(error).__name__}: {error}")


_END = object()  # a feeder's last item


class _Feeder:
    """Writes the blocks of one worker into its pipe from a thread of its own, so that the parent
    never waits to send (a 4 MiB block fills a pipe; the worker reads it when it has sent what it
    decided before). finish() ends the thread: after the blocks in hand, or as soon as the write
    fails because the worker is gone (its end of the pipe closed: BrokenPipeError)."""

    def __init__(self, pipe: Any) -> None:
        self.pipe = pipe
        self.items: "queue.SimpleQueue[Any]" = queue.SimpleQueue()
        self.thread = threading.Thread(target=self._run, name="portvakt-audit-feeder", daemon=True)
        self.thread.start()

    def put(self, item: Any) -> None:
        self.items.put(item)

    def _run(self) -> None:
        while True:
            item = self.items.get()
            if item is _END:
                return
            try:
                self.pipe.send(item)
            except OSError:  # the worker is gone: the parent learns it from its findings' pipe
                return

    def finish(self) -> None:
        self.items.put(_END)
        self.thread.join()
        self.pipe.close()


class _Workers:
    """Worker processes that decide blocks; their findings come back by block number, in any order.

    Not multiprocessing.Pool: Pool.terminate() could hang for ever after Ctrl-C (its task thread
    writing a 4 MiB block into a pipe no worker read any more), and a worker killed while it held
    a lock of Pool's shared pipes stopped the others. Not multiprocessing.Queue either: its
    thread outlives the queue, and the next audit of the process would fork beside it. Here each
    worker has its own pipes: blocks go to it through a _Feeder, findings come back on a pipe it
    alone writes, so a worker that dies is an end of file, at once. The parent never waits for a
    worker it has stopped: stop() kills the processes and reaps them, and then the feeders'
    writes fail and their threads end."""

    def __init__(self) -> None:
        self.context = multiprocessing.get_context("fork")  # the workers start with the records prepared
        self.processes: List[Any] = []
        self.feeders: List[_Feeder] = []
        self.readers: List[Any] = []
        self.load: List[int] = []  # the blocks sent to each worker and not yet back
        self.owner: Dict[int, int] = {}  # block number -> worker
        self.done: Dict[int, Any] = {}  # findings back before those of an earlier block

    def start(self, jobs: int) -> None:
        """Starts the workers, then the feeders' threads: no worker is forked beside a thread of
        the audit. Ctrl-C waits until each is started and known (none is forked and left unknown
        to stop()); it comes as soon as they are."""
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        writers: List[Any] = []
        try:
            for _ in range(jobs):
                task_reader, task_writer = self.context.Pipe(duplex=False)
                reader, writer = self.context.Pipe(duplex=False)
                process = self.context.Process(target=_worker, daemon=True,
                                               args=(task_reader, writer, self.readers + writers + [reader, task_writer],
                                                     os.getpid()))
                try:
                    process.start()
                finally:
                    writer.close()  # the worker's alone: its end is an end of file here
                    task_reader.close()  # the same: a write to a worker that is gone fails at once
                self.processes.append(process)
                writers.append(task_writer)
                self.readers.append(reader)
                self.load.append(0)
        except BaseException:
            for task_writer in writers:
                task_writer.close()
            raise
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        self.feeders = [_Feeder(task_writer) for task_writer in writers]

    def send(self, index: int, first: int, data: bytes, as_json: bool, ascii_only: bool) -> None:
        """Block 'index' to the worker with the fewest blocks in hand."""
        k = self.load.index(min(self.load))
        self.feeders[k].put((index, first, data, as_json, ascii_only))  # the feeder's thread writes it
        self.load[k] += 1
        self.owner[index] = k

    def _take(self, wait: bool) -> bool:
        """Takes the findings that have come back into 'done', waiting for some or not; whether
        any came. WorkerStopped if a worker is gone."""
        ready: List[Any] = multiprocessing.connection.wait(self.readers, timeout=None if wait else 0)
        for reader in ready:
            k = self.readers.index(reader)
            try:
                index, result, error = reader.recv()
            except (EOFError, OSError):
                raise WorkerStopped(f"a worker process of --jobs stopped ({self._how(k)})") from None
            if error is not None:
                raise error
            self.load[self.owner.pop(index)] -= 1
            self.done[index] = result
        return bool(ready)

    def _how(self, k: int) -> str:
        self.processes[k].join(5)
        code = self.processes[k].exitcode
        if code is None:
            return "its pipe was closed"
        return f"killed by signal {-code}" if code < 0 else f"exit status {code}"

    def result(self, index: int, wait: bool) -> Any:
        """The findings of block 'index' (None if 'wait' is false and they are not back yet)."""
        while index not in self.done:
            if not self._take(wait):
                return None
        return self.done.pop(index)

    def close(self) -> None:
        """The end of the log: every worker takes a sentinel and ends."""
        for feeder in self.feeders:
            feeder.put(None)
        for feeder in self.feeders:
            feeder.finish()
        for process in self.processes:
            process.join()
        for reader in self.readers:
            reader.close()

    def stop(self) -> None:
        """Ctrl-C, a closed pipe, an error: every worker is killed at once and reaped; then the
        feeders' writes fail (no reader is left) and their threads end."""
        for process in self.processes:
            if process.exitcode is None:
                process.kill()
        for process in self.processes:
            process.join()
        for feeder in self.feeders:
            feeder.finish()
        for reader in self.readers:
            reader.close()


def run_blocks(records: Any, read: Callable[[int], bytes], jobs: int, as_json: bool, ascii_only: bool,
               write: Callable[[str, Totals], None], tick: Callable[[Totals], None]) -> Totals:
    """Audits the log 'read' gives against 'records' (a Mapping of Citizens or a records
    database) with 'jobs' processes; 'write' gets the text of each block's findings in log
    order (with the totals so far), 'tick' is called as the reading goes on (progress)."""
    global _template
    _template = TextAudit(records, iter(()))  # the records prepared once, before the workers fork
    totals = Totals()

    def done(result: Tuple[str, int, int, int, int, int], size: int) -> None:
        text, lines, allowed, denied, malformed, found = result
        totals.lines += lines
        totals.allowed += allowed
        totals.denied += denied
        totals.malformed += malformed
        totals.found += found
        totals.bytes += size
        write(text, totals)
        tick(totals)

    source = blocks(read)
    workers: Optional[_Workers] = None
    window: Deque[Tuple[int, int]] = collections.deque()  # (block number, its bytes), in log order
    sent = 0
    try:
        for item in source:
            if item is None:
                while window and workers is not None:
                    result = workers.result(window[0][0], wait=False)
                    if result is None:
                        break
                    done(result, window.popleft()[1])
                tick(totals)
                continue
            first, data, size = item
            if jobs <= 1:
                done(decide(first, data, as_json, ascii_only), size)
                continue
            if workers is None:
                workers = _Workers()
                # fork: the workers start with the records prepared here (a records database
                # opens its own connection in each), and share the cache's capacity.
                _audit_records.SHARES = jobs
                try:
                    workers.start(jobs)
                finally:
                    _audit_records.SHARES = 1
            workers.send(sent, first, data, as_json, ascii_only)
            window.append((sent, size))
            sent += 1
            while window:
                result = workers.result(window[0][0], wait=len(window) > 2 * jobs)
                if result is None:
                    break
                done(result, window.popleft()[1])
        while window:
            assert workers is not None
            done(workers.result(window[0][0], wait=True), window.popleft()[1])
        if workers is not None:
            workers.close()
            workers = None
    except BaseException:
        if workers is not None:
            workers.stop()  # no worker is left behind (Ctrl-C, a closed pipe, an error)
        raise
    return totals


def summary_of(totals: Totals) -> List[int]:
    return [totals.lines, totals.allowed, totals.denied, totals.malformed]
