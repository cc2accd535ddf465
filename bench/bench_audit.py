#!/usr/bin/env python3
"""bench_audit.py — how fast is the audit of an access log (RULES.md H5), and how much memory?

Generates a region (--children records, as bench_python.py builds them) and an access log of
--lines lines, in time order over one year, as a region's portal would write it: each line a
guardian or the child asking for the e-services or the journal (whole or a unit), with a
timestamp ``at`` (UTC, "Z") or, one line in eight, a date ``on``, and the members real logs carry
besides (a session and a request id). Then audits the log with portvakt.audit, reading it from
the file as ``portvakt audit`` does (in blocks), in a child process of its own so that its peak
memory is the audit's alone; --runs times (default 3), reporting the median.

The last line is machine-readable:

    audit_lines_per_s=<median> peak_rss_mib=<largest> lines=<n> findings=<n>

With --shuffled the same lines are written a second time in a shuffled order (seeded) and each
run audits both logs, one after the other: the time order helps the audit's caches of dates and
hours, the shuffled log shows the cost without it. Both must give the same counts.

Usage: bench_audit.py [--children N] [--lines N] [--runs N] [--dir DIR] [--quick] [--shuffled]
       bench_audit.py --region [--records N] [--lines N] [--runs N] [--jobs 1,2] [--dir DIR]
  --dir DIR   where the generated files go (default: a temporary directory, removed after)
  --quick     a smoke run: 200 children, 20,000 lines, 1 run
  --region    the audit of a region (bench_region.py): --records records imported into a records
              database (`portvakt records import`: time, size), two logs of --lines lines with
              0.5 % and 50 % denials, each audited with every --jobs count under /usr/bin/time -v
              (lines/s, peak RSS of the largest process and of all of them together)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import portvakt as pv  # noqa: E402
from portvakt._json import citizen_to_json  # noqa: E402

import bench_python  # noqa: E402  (the region of the Python benchmark)


#: The share of log lines drawn without regard to the rules: what the audit exists to find.
BLIND = 0.03
STOCKHOLM = ZoneInfo("Europe/Stockholm")


def draw(rng: random.Random, region: list, on) -> tuple:
    """A request a portal user would make: a guardian (mostly for a child under 13) or the child
    (mostly from 13) asking for the e-services or the journal (whole or a unit)."""
    k = rng.randrange(len(region))
    c = region[k]
    age = (on - c.birth_date).days // 365
    units = [s.unit for s in c.seals if s.unit] + [g.unit for g in c.grants]
    if age < 13 or rng.random() < 0.15:
        actor = {"kind": "guardian", "id": rng.choice(c.guardians).id}
    else:
        actor = {"kind": "self"}
    roll = rng.random()
    if roll < 0.45:
        service = {"kind": "e_services"}
    elif roll < 0.85 or not units:
        service = {"kind": "journal", "channel": rng.choice(("portal", "direct"))}
    else:
        service = {"kind": "journal", "channel": "direct", "unit": rng.choice(units)}
    return k, actor, service


def actor_of(actor: dict) -> pv.Actor:
    return pv.Actor.self() if actor["kind"] == "self" else pv.Actor.guardian(actor["id"])


def service_of(service: dict) -> pv.Service:
    if service["kind"] == "e_services":
        return pv.Service.e_services()
    return pv.Service.journal(unit=service.get("unit"), channel=service["channel"])


def generate(directory: str, children: int, lines: int, seed: int = 20261130) -> tuple:
    """Writes records.jsonl and log.jsonl into 'directory'; returns their paths."""
    rng = random.Random(seed)
    records = os.path.join(directory, "records.jsonl")
    log = os.path.join(directory, "log.jsonl")
    region = [bench_python.child(k) for k in range(children)]
    with open(records, "w", encoding="utf-8") as out:
        for k, c in enumerate(region):
            out.write(json.dumps({"id": f"r{k}", "citizen": citizen_to_json(c)}) + "\n")
    start = datetime(2026, 1, 1, tzinfo=timezone.utc)
    step = timedelta(days=365) / lines
    with open(log, "w", encoding="utf-8") as out:
        for i in range(lines):
            moment = start + step * i
            blind = rng.random() < BLIND
            for _ in range(8):  # the portal worked: draw until the rules permit (but blind lines)
                k, actor, service = draw(rng, region, moment.date())
                if blind or pv.evaluate(region[k], actor_of(actor), service_of(service),
                                        moment.astimezone(STOCKHOLM).date()).permitted:
                    break
            entry = {"citizen": f"r{k}", "session": f"{rng.getrandbits(64):016x}", "request": i}
            if i % 8 == 0:
                entry["on"] = moment.date().isoformat()
            else:
                entry["at"] = moment.strftime("%Y-%m-%dT%H:%M:%SZ")
            entry["actor"] = actor
            entry["service"] = service
            out.write(json.dumps(entry) + "\n")
    return records, log


def run_once(records: str, log: str) -> None:
    """The child process: audits the log, prints 'seconds lines findings peak_rss_kib'."""
    started = time.perf_counter()
    with open(log, "rb") as stream:
        run = pv.audit.run(records, stream)  # as `portvakt audit` reads it: in blocks
        findings = sum(1 for _ in run)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"{seconds} {run.summary.lines} {findings} {peak}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--children", type=int, default=5000)
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dir")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--shuffled", action="store_true")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--region", action="store_true")
    parser.add_argument("--records", type=int, default=2_500_000)
    parser.add_argument("--jobs", default="1,2")
    args = parser.parse_args()
    if args.region:
        import bench_region

        return bench_region.main(args)
    if args.child:
        run_once(*args.child)
        return 0
    if args.quick:
        args.children, args.lines, args.runs = 200, 20_000, 1
    with tempfile.TemporaryDirectory() as scratch:
        directory = args.dir or scratch
        os.makedirs(directory, exist_ok=True)
        t0 = time.perf_counter()
        records, log = generate(directory, args.children, args.lines)
        size = os.path.getsize(log)
        print(f"generated {args.children} records and {args.lines:,} log lines "
              f"({size / 2**20:.0f} MiB) in {time.perf_counter() - t0:.1f} s")
        logs = {"sorted": log}
        if args.shuffled:
            with open(log, "rb") as stream:
                all_lines = stream.readlines()
            random.Random(20261206).shuffle(all_lines)
            logs["shuffled"] = os.path.join(directory, "log-shuffled.jsonl")
            with open(logs["shuffled"], "wb") as out:
                out.writelines(all_lines)
            del all_lines
        rates = {name: [] for name in logs}
        counts = {}
        peaks = []
        lines = findings = 0
        for _ in range(args.runs):
            for name, path in logs.items():
                out = subprocess.run([sys.executable, __file__, "--child", records, path],
                                     check=True, capture_output=True, text=True).stdout.split()
                seconds, lines, findings, peak = float(out[0]), int(out[1]), int(out[2]), int(out[3])
                rates[name].append(lines / seconds)
                peaks.append(peak / 1024)
                counts.setdefault(name, (lines, findings))
                print(f"  {name:8s} {lines:,} lines in {seconds:.2f} s: {lines / seconds:,.0f} lines/s, "
                      f"{findings:,} findings, peak RSS {peak / 1024:.1f} MiB")
    if len(set(counts.values())) > 1:
        print(f"bench_audit: the logs gave different counts: {counts}", file=sys.stderr)
        return 1
    for name, values in rates.items():
        print(f"python {sys.version.split()[0]} on {os.uname().machine}; {name}, median of {args.runs}: "
              f"{statistics.median(values):,.0f} lines/s (min {min(values):,.0f}, max {max(values):,.0f})")
    if "shuffled" in rates:
        ratios = [s / t for s, t in zip(rates["shuffled"], rates["sorted"])]
        print(f"shuffled / sorted, run by run: {', '.join(f'{r:.2f}' for r in ratios)}")
    print(f"audit_lines_per_s={statistics.median(rates['sorted']):.0f} peak_rss_mib={max(peaks):.1f} "
          f"lines={lines} findings={findings}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
