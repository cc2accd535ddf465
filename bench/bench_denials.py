#!/usr/bin/env python3
"""bench_denials.py — does a finding cost more than an allowed line? (issue: a log where every
line is denied must run at no less than half the rate of a log where none is.)

Reads the files ``bench_audit.py --region --dir DIR`` left (records.jsonl, region.db,
candidates.jsonl), splits the candidates into the lines the rules allow and those they deny, and
audits a log of each (the same number of lines, about --lines) with the records in memory, as
``portvakt audit RECORDS LOG --json --jobs 1`` does (_audit_jobs.run_blocks), --runs times,
alternating. Prints lines/s (median, min, max) and the ratio denied/allowed.

Usage: PYTHONPATH=build/bindings/python /usr/bin/python3 bench/bench_denials.py --dir DIR [--lines N] [--runs N]
"""

import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import time

import portvakt as pv
from portvakt import _audit_jobs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dir", required=True)
    parser.add_argument("--lines", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    records = os.path.join(args.dir, "records.jsonl")
    candidates = os.path.join(args.dir, "candidates.jsonl")
    found = subprocess.run([sys.executable, "-m", "portvakt", "audit", os.path.join(args.dir, "region.db"),
                            candidates, "--json", "--no-progress"], capture_output=True, text=True).stdout
    denied = {f["line"] for f in map(json.loads, found.splitlines()) if f.get("kind") == "denied"}
    lines = open(candidates, "rb").read().splitlines(keepends=True)
    deny = [x for i, x in enumerate(lines, 1) if i in denied]
    allow = [x for i, x in enumerate(lines, 1) if i not in denied]
    logs = {"allowed": b"".join((allow * (1 + args.lines // len(allow)))[:args.lines]),
            "denied": b"".join((deny * (1 + args.lines // len(deny)))[:args.lines])}
    # Only the records the logs name, in memory: the cost of the lines, not of the records.
    named = {json.loads(x)["citizen"] for x in allow[:args.lines] + deny[:args.lines]}
    with open(records, "rb") as source:
        keep = [x for x in source if json.loads(x)["id"] in named]
    recs = pv.audit.read_records(keep)
    rates = {"allowed": [], "denied": []}
    for _ in range(args.runs):
        for name, data in logs.items():
            started = time.perf_counter()
            totals = _audit_jobs.run_blocks(recs, io.BytesIO(data).read1, 1, True, True,
                                            lambda text, _: None, lambda _: None)
            rates[name].append(totals.lines / (time.perf_counter() - started))
            print(f"  {name}: {totals.lines:,} lines, {totals.denied:,} denied, {rates[name][-1]:,.0f} lines/s", flush=True)
    for name, r in rates.items():
        print(f"{name}: median {statistics.median(r):,.0f} lines/s (min {min(r):,.0f}, max {max(r):,.0f})")
    ratio = statistics.median(rates["denied"]) / statistics.median(rates["allowed"])
    print(f"denied_over_allowed={ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
