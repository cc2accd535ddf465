"""bench_region_copies.py — a long region log made from a shorter one, cheaply (RULES.md H5).

Generating and deciding candidates (bench_region.py) takes about 200 µs a line: 20,000,000 lines
would take hours. This makes a log COPIES times as long from a log bench_region.py wrote: copy k
is the whole log with every date moved k × STEP days later (``on``, and the date of ``at``: the
time of day and the offset are kept), and the copies are merged so the result is time-sorted
again (a line with ``on`` keeps its place after the line before it in its copy). Each copy names
the same records, 36 days apart in the merged log, far beyond the reach of the audit's cache, so a
session reads its record from the database as in the original log.

Moving the dates changes some decisions (ages, the periods of seals and grants): the denial rate
of the result is not the original's; the audit's own count of findings says what it is.

    python3 bench_region_copies.py LOG OUT [--copies 10] [--step 36]
"""

from __future__ import annotations

import argparse
import heapq
from datetime import date, timedelta
from typing import Dict, Iterator, Tuple


def _copy(path: str, days: int) -> Iterator[Tuple[bytes, bytes]]:
    """(sort key, line) of the log at 'path' with every date moved 'days' later."""
    moved: Dict[bytes, bytes] = {}
    key = b""
    with open(path, "rb") as log:
        for line in log:
            at = line.find(b'"at": "')
            where = at if at >= 0 else line.find(b'"on": "')
            if where < 0:
                yield key, line  # no date: kept after the line before it
                continue
            start = where + 7
            day = line[start:start + 10]
            new = moved.get(day)
            if new is None:
                try:
                    new = (date.fromisoformat(day.decode()) + timedelta(days=days)).isoformat().encode()
                except ValueError:
                    new = day
                moved[day] = new
            line = line[:start] + new + line[start + 10:]
            if at >= 0:
                end = line.find(b'"', start)
                key = line[start:end]
            elif not key:
                key = new  # the first line of the copy: its date sorts before its times
            yield key, line


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("log")
    parser.add_argument("out")
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--step", type=int, default=36, help="days between copies (36)")
    args = parser.parse_args()
    lines = 0
    with open(args.out, "wb", buffering=1 << 20) as out:
        write = out.write
        for _, line in heapq.merge(*(_copy(args.log, k * args.step) for k in range(args.copies)),
                                   key=lambda item: item[0]):
            write(line)
            lines += 1
    print(f"{args.out}: {lines:,} lines ({args.copies} copies, {args.step} days apart)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
