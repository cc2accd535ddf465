"""bench_region.py — the audit of a region (RULES.md H5): records in a records database, a log
as the region's portal writes it, every core. Run through ``bench_audit.py --region``.

1. --records records (the children of bench_python.py, under shuffled ids "p00000000"), written
   as JSON Lines and imported with ``portvakt records import`` (time, size of the database).
2. Candidate log lines, time-sorted over 2026, in sessions (one user, one record, 1 to 8
   requests a few seconds apart: a portal's log), the record of each session drawn at random;
   a guardian (mostly for a child under 13) or the child, asking for the e-services or the
   journal. Each candidate is decided by ``portvakt audit`` itself; then two logs of --lines
   lines are kept from them, in their order, with 0.5 % and 50 % denials (a denial-free log is
   not a region's: some lines are always denied).
3. Each log audited once to warm the page cache, then --runs times with each --jobs count,
   alternating, under ``/usr/bin/time -v``: lines/s, CPU time a line (all processes),
   the peak RSS of the largest process (time's figure) and of all processes together (sampled
   from /proc every 0.1 s). Medians, min and max.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from typing import Any, Dict, List, Tuple

import bench_python
from portvakt._json import citizen_to_json

SEED = 20261206
LAST_CPU = 0.0


def _ids(n: int) -> List[str]:
    rng = random.Random(SEED)
    return [f"p{x:08d}" for x in rng.sample(range(10 ** 8), n)]


def write_records(path: str, n: int) -> None:
    ids = _ids(n)
    order = list(range(n))
    random.Random(SEED + 1).shuffle(order)  # the file is in no order of its ids or its people
    with open(path, "w", encoding="utf-8") as out:
        for k in order:
            out.write(json.dumps({"id": ids[k], "citizen": citizen_to_json(bench_python.child(k))}) + "\n")


def write_candidates(path: str, n_records: int, n_lines: int) -> None:
    ids = _ids(n_records)
    rng = random.Random(SEED + 2)
    start = datetime(2026, 1, 1, tzinfo=timezone.utc)
    step = timedelta(days=365) / n_lines
    written = 0
    with open(path, "w", encoding="utf-8") as out:
        while written < n_lines:
            k = rng.randrange(n_records)
            c = bench_python.child(k)
            moment = start + step * written
            age = (moment.date() - c.birth_date).days // 365
            units = [s.unit for s in c.seals if s.unit] + [g.unit for g in c.grants]
            if age < 13 or rng.random() < 0.15:
                actor = {"kind": "guardian", "id": rng.choice(c.guardians).id}
            else:
                actor = {"kind": "self"}
            session = f"{rng.getrandbits(64):016x}"
            for _ in range(min(1 + int(rng.expovariate(1 / 2.5)), 8, n_lines - written)):
                roll = rng.random()
                if roll < 0.45:
                    service: Dict[str, Any] = {"kind": "e_services"}
                elif roll < 0.85 or not units:
                    service = {"kind": "journal", "channel": rng.choice(("portal", "direct"))}
                else:
                    service = {"kind": "journal", "channel": "direct", "unit": rng.choice(units)}
                entry: Dict[str, Any] = {"citizen": ids[k], "session": session, "request": written}
                if written % 8 == 0:
                    entry["on"] = (start + step * written).date().isoformat()
                else:
                    entry["at"] = (start + step * written).strftime("%Y-%m-%dT%H:%M:%SZ")
                entry["actor"] = actor
                entry["service"] = service
                out.write(json.dumps(entry) + "\n")
                written += 1


def denied_lines(db: str, log: str) -> set:
    out = subprocess.run([sys.executable, "-m", "portvakt", "audit", db, log, "--json", "--no-progress"],
                         capture_output=True, text=True).stdout
    return {f["line"] for f in map(json.loads, out.splitlines()) if f.get("kind") == "denied"}


def keep(candidates: str, denied: set, share: float, n_lines: int, path: str) -> Tuple[int, int]:
    total = sum(1 for _ in open(candidates, "rb"))
    d_all = len(denied)
    p_denied = min(1.0, share * n_lines / max(d_all, 1))
    p_allowed = min(1.0, (1 - share) * n_lines / max(total - d_all, 1))
    rng = random.Random(SEED + 3)
    kept = kept_denied = 0
    with open(candidates, "rb") as source, open(path, "wb") as out:
        for number, line in enumerate(source, 1):
            is_denied = number in denied
            if rng.random() < (p_denied if is_denied else p_allowed):
                out.write(line)
                kept += 1
                kept_denied += is_denied
    return kept, kept_denied


def _tree_rss_kib(pid: int) -> int:
    total = 0
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as f:
                total += next((int(x.split()[1]) for x in f if x.startswith("VmRSS:")), 0)
            with open(f"/proc/{p}/task/{p}/children") as f:
                todo.extend(int(x) for x in f.read().split())
        except OSError:
            pass
    return total


def timed_audit(db: str, log: str, jobs: int) -> Tuple[float, int, int]:
    """(seconds, peak RSS of the largest process in KiB (time -v), peak RSS of the tree); the CPU
    seconds of all the processes (user + system, time -v) in LAST_CPU."""
    global LAST_CPU
    command = ["/usr/bin/time", "-v", sys.executable, "-m", "portvakt", "audit", db, log, "--json",
               "--no-progress", "--jobs", str(jobs)]
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak_tree = 0
    while proc.poll() is None:
        peak_tree = max(peak_tree, _tree_rss_kib(proc.pid))
        time.sleep(0.1)
    seconds = time.perf_counter() - started
    err = proc.stderr.read() if proc.stderr else ""
    largest = next(int(x.split(":")[1]) for x in err.splitlines() if "Maximum resident set size" in x)
    LAST_CPU = sum(float(x.split(":")[1]) for x in err.splitlines()
                   if "User time (seconds)" in x or "System time (seconds)" in x)
    return seconds, largest, peak_tree


def _spread(values: List[float]) -> str:
    return f"median {statistics.median(values):,.0f} (min {min(values):,.0f}, max {max(values):,.0f})"


def main(args: Any) -> int:
    import tempfile

    jobs = [int(j) for j in args.jobs.split(",")]
    with tempfile.TemporaryDirectory() as scratch:
        where = args.dir or scratch
        os.makedirs(where, exist_ok=True)
        records, db = os.path.join(where, "records.jsonl"), os.path.join(where, "region.db")
        candidates = os.path.join(where, "candidates.jsonl")
        t = time.perf_counter()
        if not os.path.exists(db):
            write_records(records, args.records)
        print(f"records: {args.records:,} generated in {time.perf_counter() - t:.0f} s", flush=True)
        if not os.path.exists(db):
            t = time.perf_counter()
            subprocess.run(["/usr/bin/time", "-v", sys.executable, "-m", "portvakt", "records", "import",
                            records, db], check=True, capture_output=True)
            print(f"import: {time.perf_counter() - t:.1f} s, records.jsonl "
                  f"{os.path.getsize(records) / 2**20:.0f} MiB, region.db {os.path.getsize(db) / 2**20:.0f} MiB",
                  flush=True)
        n_candidates = int(args.lines * 2.5)  # enough denials for a log of 50 %
        t = time.perf_counter()
        write_candidates(candidates, args.records, n_candidates)
        denied = denied_lines(db, candidates)
        print(f"candidates: {n_candidates:,} lines, {len(denied) / n_candidates:.1%} denied, generated and "
              f"decided in {time.perf_counter() - t:.0f} s", flush=True)
        for share in (0.005, 0.5):
            log = os.path.join(where, f"log-{share}.jsonl")
            kept, kept_denied = keep(candidates, denied, share, args.lines, log)
            print(f"log {share:.1%} denials: {kept:,} lines ({kept_denied / kept:.2%} denied), "
                  f"{os.path.getsize(log) / 2**20:.0f} MiB", flush=True)
            timed_audit(db, log, jobs[-1])  # one run first: region.db into the page cache
            runs: Dict[int, List[Tuple[float, float, float, float]]] = {j: [] for j in jobs}
            for _ in range(args.runs):
                for j in jobs:  # alternating: the load of the machine falls on every count alike
                    seconds, big, whole = timed_audit(db, log, j)
                    runs[j].append((kept / seconds, LAST_CPU / kept * 1e6, big / 1024, whole / 1024))
            for j in jobs:
                rates = [r[0] for r in runs[j]]
                cpu = [r[1] for r in runs[j]]
                largest = [r[2] for r in runs[j]]
                tree = [r[3] for r in runs[j]]
                print(f"  --jobs {j}: lines/s {_spread(rates)}; CPU µs/line {_spread(cpu)}; "
                      f"peak RSS largest process MiB {_spread(largest)}, all processes MiB {_spread(tree)}",
                      flush=True)
                print(f"region share={share} jobs={j} lines={kept} lines_per_s={statistics.median(rates):.0f} "
                      f"peak_rss_mib={max(largest):.0f} peak_rss_tree_mib={max(tree):.0f}", flush=True)
    return 0
