"""The command ``portvakt audit RECORDS LOG [--json] [--jobs N] [--progress|--no-progress]`` (H5).

RECORDS is a record file (JSON Lines: ``{"id": …, "citizen": {…}}``) or a records database (a
SQLite file that ``portvakt records import`` wrote, told apart by its header, not its name), LOG an access log (JSON
Lines: ``{"citizen": <record id>, "on": DATE | "at": TIMESTAMP, "actor": {…}, "service": {…}}``),
each a path or ``-`` for standard input. The findings are printed as they are found, in log
order: a table, or with ``--json`` one JSON object a finding and a last line with the summary.
Exit status 0 when nothing was found, 1 when anything was (a denied access or a malformed line),
2 when RECORDS, LOG or the command line cannot be used.

The progress bar goes to standard error, when it is a terminal or with ``--progress``; the
findings on standard output are never mixed with it. ``--jobs N`` decides blocks of LOG in N
worker processes (default: the cores this process may use); the output is the same as with
``--jobs 1``, byte for byte (_audit_jobs).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import time
from typing import Any, Optional, TextIO, cast


#: The longest line of LOG that is read, for the help text: the audit's MAX_LINE_BYTES, written
#: here so that building the parser does not import the audit (test_startup holds them equal).
MAX_LINE_BYTES = 1024 * 1024

from . import _schema

__all__ = ["cmd_audit", "add_parser", "MAX_LINE_BYTES"]

# How often the progress bar is redrawn (seconds), checked at every block read.
_REDRAW = 0.2


class _Progress:
    """A one-line progress bar on a stream: lines read, the share of the file when its size is
    known, and lines per second. It counts the bytes the audit reads (as a stream it reads
    from) and asks the audit for the lines."""

    def __init__(self, stream: Optional[TextIO], source: Any, total_bytes: Optional[int]) -> None:
        self.stream = stream
        self.source = source
        self.total = total_bytes
        self.bytes = 0
        self.run: Any = None
        self.lines = 0
        self.start = time.monotonic()
        self.last = 0.0
        self._read = getattr(source, "read1", None) or source.read

    def read1(self, size: int = -1) -> bytes:
        data: bytes = self._read(size)
        self.bytes += len(data)
        self.draw()
        return data

    read = read1

    def draw(self, final: bool = False) -> None:
        now = time.monotonic()
        if self.stream is None or (not final and now - self.last < _REDRAW):
            return
        lines = self.lines if self.run is None else self.run.summary.lines
        if lines == 0 and not final:
            return
        self.last = now
        rate = lines / max(now - self.start, 1e-9)
        share = ""
        if self.total:
            fraction = min(self.bytes / self.total, 1.0)
            filled = int(fraction * 30)
            share = f"[{'#' * filled}{'.' * (30 - filled)}] {fraction * 100:5.1f}% "
        left = ""
        if self.total and 0 < self.bytes < self.total and now > self.start:
            seconds = (self.total - self.bytes) / (self.bytes / (now - self.start))
            left = f", {int(seconds) // 60}:{int(seconds) % 60:02d} left"
        self.stream.write(f"\raudit: {share}{lines:,} lines, {rate:,.0f} lines/s{left} ")
        self.stream.flush()

    def end(self) -> None:
        if self.stream is not None:
            self.draw(final=True)
            self.stream.write("\n")
            self.stream.flush()


def _size(stream: Any) -> Optional[int]:
    try:
        info = os.fstat(stream.fileno())
    except (OSError, AttributeError, ValueError):
        return None
    import stat

    return info.st_size if stat.S_ISREG(info.st_mode) and info.st_size > 0 else None


def cmd_audit(args: argparse.Namespace, out: TextIO, stdin: TextIO, err: Optional[TextIO] = None,
              usage_error: Any = ValueError) -> int:
    """Runs the audit; UsageError (usage_error) for RECORDS or LOG that cannot be used."""
    from ._audit import RecordsError, TimeZoneMissing, audit, read_records
    from ._audit_jobs import WorkerStopped, default_jobs, format_finding, run_blocks
    from ._errors import InvalidInput
    from ._records_db import RecordsDatabase, is_database

    if args.records == "-" and args.log == "-":
        raise usage_error("audit: RECORDS and LOG cannot both be standard input")
    jobs = default_jobs() if args.jobs is None else args.jobs
    binary_stdin = getattr(stdin, "buffer", None)
    try:
        if args.records == "-":
            records: Any = read_records(binary_stdin if binary_stdin is not None else stdin)
        elif is_database(args.records):  # told by its header (SQLite's), whatever its name
            records = RecordsDatabase(args.records)
        else:
            records = read_records(args.records)
    except RecordsError as error:
        where = _schema.failure("records-line", error.value) if error.value is not None else None
        raise usage_error(f"{_name(args.records)}: {error}" + (f" ({where})" if where else "")) from None
    except InvalidInput as error:  # a records database that cannot be read
        raise usage_error(f"{_name(args.records)}: {error.detail}") from None
    except OSError as error:
        raise usage_error(f"{_name(args.records)}: {error.strerror or error}") from None
    try:
        log: Any = open(args.log, "rb") if args.log != "-" else binary_stdin
    except OSError as error:
        raise usage_error(f"{_name(args.log)}: {error.strerror or error}") from None
    try:
        show = args.progress if args.progress is not None else bool(err is not None and err.isatty())
        as_ascii = _ascii(out)
        header = [args.json]  # the table's header goes before its first row

        def write(text: str, totals: Any = None) -> None:
            if not text:
                return
            if not header[0]:
                out.write(f"{'line':>8}  {'finding':<10} {'citizen':<14} {'on':<10}  who · what: why\n")
                header[0] = True
            out.write(text)
            out.flush()  # findings are seen as they are found (a log that never ends too)

        if log is not None:
            progress: Any = _Progress(err if show else None, log, _size(log))

            def tick(totals: Any) -> None:
                progress.lines = totals.lines
                progress.draw()

            summary: Any = run_blocks(records, progress.read1, jobs, args.json, as_ascii, write, tick)
            found = summary.found
        else:  # a standard input without bytes (a text stream handed in)
            progress = _Progress(err if show else None, io.BytesIO(), None)
            run = audit(records, iter(stdin))
            progress.run = run
            found = 0
            for finding in run:
                found += 1
                write(format_finding(finding, args.json, as_ascii))
            summary = run.summary
        progress.end()
    except BrokenPipeError:  # standard output, not LOG: the quiet end of main
        raise
    except TimeZoneMissing as error:  # one error, not a malformed finding a line
        raise usage_error(str(error)) from None
    except WorkerStopped as error:  # killed from outside: the audit cannot be complete
        raise usage_error(f"audit: {error}") from None
    except OSError as error:
        raise usage_error(f"{_name(args.log)}: {error.strerror or error}") from None
    finally:
        if log is not None and log is not binary_stdin:
            log.close()
    if args.json:
        out.write(json.dumps({"summary": {"lines": summary.lines, "allowed": summary.allowed,
                                          "denied": summary.denied, "malformed": summary.malformed}}) + "\n")
    else:
        out.write(f"{summary.lines:,} lines: {summary.allowed:,} allowed, {summary.denied:,} denied, "
                  f"{summary.malformed:,} malformed\n")
    return 1 if found else 0


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= 1024:
        raise argparse.ArgumentTypeError(f"must be a whole number from 1 to 1024, not {text!r}")
    return value


def _name(source: str) -> str:
    return "standard input" if source == "-" else source


def _ascii(out: TextIO) -> bool:
    encoding = (getattr(out, "encoding", None) or "utf-8").lower().replace("-", "").replace("_", "")
    return encoding not in ("utf8", "utf8sig")


def add_parser(sub: Any, prog: str, command: Any) -> argparse.ArgumentParser:
    """Registers ``audit`` with the subparsers 'sub' ('command' makes a subparser)."""
    p = command(sub, "audit", "audit an access log against the records (RULES.md H5)",
                f"{prog} audit examples/audit/records.jsonl examples/audit/log.jsonl", None)
    p.add_argument("records", metavar="RECORDS",
                   help='the records: JSON Lines, one {"id": ..., "citizen": {...}} a line, or a records '
                        'database (portvakt records import); - for standard input')
    p.add_argument("log", metavar="LOG",
                   help='the access log: JSON Lines, one {"citizen": ID, "on": DATE | "at": TIMESTAMP, '
                        '"actor": {...}, "service": {...}} a line; - for standard input')
    p.add_argument("--json", action="store_true",
                   help="one JSON object a finding, then a line with the summary")
    p.add_argument("--jobs", metavar="N", type=_jobs, default=None,
                   help="decide the log in N worker processes (default: the cores available); "
                        "the output is the same for every N")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--progress", dest="progress", action="store_true", default=None,
                       help="show a progress bar on standard error (default: when it is a terminal)")
    group.add_argument("--no-progress", dest="progress", action="store_false",
                       help="never show the progress bar")
    return cast(argparse.ArgumentParser, p)
