#!/usr/bin/env python3
"""bench_python.py — how long does a decision take from Python?

Measures, with the package portvakt as imported (the installed package, or the built tree with
PYTHONPATH=<builddir>/bindings/python):

  1. portvakt.evaluate per call, with prebuilt (compiled) inputs: timeit over a varied list of
     requests, microseconds per call;
  2. the batch API on a region audit — every child of a region, each of its guardians asking for
     the e-services, the whole journal and each unit of the record — as one
     portvakt.evaluate_many call over the whole region (decisions per second), and as one
     Citizen.evaluate_all call per child.

Each figure is the median of --runs runs (default 7); the spread (min, max) is printed too. The
last line is machine-readable:

    us_per_call=<median> batch_decisions_per_s=<median of evaluate_many>

With a prepared record (portvakt._decision.prepare: pv_evaluate_prepared) the per-call list is
timed again, each child prepared once before the loop.

Usage: bench_python.py [--children N] [--runs N] [--quick] [--callgrind MODE --passes N]
  --children N  children in the region (default 5000)
  --runs N      runs of each measurement (default 7)
  --quick       a smoke run: 50 children, 3 runs, short timings (under a second)
  --callgrind MODE, --passes N
                for bench/callgrind_python.sh: build the workloads, warm up once, then run the
                loop of MODE (evaluate, prepared or many) N times, and print how many decisions
                one pass makes; nothing is timed
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
import timeit
from datetime import date
from typing import Callable, List, Sequence, Tuple

import portvakt as pv

ON = date(2026, 11, 29)
UNITS = (
    "SE2321000016-15CQ",
    "SE2321000016-7P3F",
    "SE2321000016-1HDN",
    "SE2321000032-2B8T",
    "SE2321000032-4LMX",
    "SE2321000065-0Z9R",
)

Request = Tuple[pv.Citizen, pv.Actor, pv.Service]


def luhn(nine: str) -> str:
    total = 0
    for i, ch in enumerate(nine):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return str((10 - total % 10) % 10)


def pnr(born: date, serial: int) -> str:
    digits = f"{born:%y%m%d}{serial % 1000:03d}"
    return f"{born:%Y%m%d}-{serial % 1000:03d}{luhn(digits)}"


def child(k: int) -> pv.Citizen:
    """Child k of the region: 0 to 17 years old, 1 or 2 guardians (some blocked), now and then a
    seal, a direct-access grant, a locked login or protected identity."""
    born = date(ON.year - 1 - k % 17, 1 + (k * 7) % 12, 1 + (k * 13) % 28)
    guardians = [pv.Guardian(pnr(date(1975 + k % 15, 1 + k % 12, 1 + k % 28), 2 * k + 1), blocked=k % 13 == 4)]
    if k % 4:
        guardians.append(pv.Guardian(pnr(date(1976 + k % 14, 1 + (k + 5) % 12, 1 + (k + 3) % 28), 2 * k + 2)))
    seals: List[pv.Seal] = []
    if k % 5 == 0:
        seals.append(pv.Seal.for_unit(UNITS[k % len(UNITS)], active=pv.Interval(date(2026, 1, 1))))
    if k % 29 == 3:
        seals.append(pv.Seal.whole(active=pv.Interval(None, date(2027, 6, 30))))
    if k % 7 == 2:
        seals.append(pv.Seal.for_unit(UNITS[(k + 1) % len(UNITS)], content=pv.Interval(date(2024, 1, 1), date(2024, 12, 31))))
    grants = []
    if k % 3 == 1:
        grants.append(pv.Grant(UNITS[(k + 2) % len(UNITS)], holder=guardians[0].id, from_=date(2025, 1, 1)))
    if k % 6 == 1:
        grants.append(pv.Grant(UNITS[(k + 3) % len(UNITS)], holder="self"))
    return pv.Citizen(
        birth_date=born,
        protected_identity=k % 37 == 7,
        login_locked=k % 23 == 11,
        seals=seals,
        guardians=guardians,
        grants=grants,
    ).compile()


def audit(children: Sequence[pv.Citizen]) -> Tuple[List[Request], List[Tuple[pv.Citizen, List[pv.Actor], List[pv.Service]]]]:
    """The region audit: each child's guardians × (e-services, journal, each unit of the record),
    as a flat list of requests and as one (citizen, actors, services) page per child."""
    e_services = pv.Service.e_services().compile()
    journal = pv.Service.journal().compile()
    unit_services = {u: pv.Service.journal(u).compile() for u in UNITS}
    requests: List[Request] = []
    pages = []
    for citizen in children:
        actors = [pv.Actor.guardian(g.id).compile() for g in citizen.guardians]
        services = [e_services, journal] + [unit_services[u] for u in citizen.units()]
        pages.append((citizen, actors, services))
        requests += [(citizen, a, s) for a in actors for s in services]
    return requests, pages


def per_call_requests(children: Sequence[pv.Citizen], count: int) -> List[Request]:
    """A varied list of single requests: the child, a guardian, an unrelated person and a guardian
    without BankID, for the e-services, the journal and a unit."""
    out: List[Request] = []
    kinds = [
        lambda c: pv.Actor.self(),
        lambda c: pv.Actor.guardian(c.guardians[0].id),
        lambda c: pv.Actor.guardian(c.guardians[-1].id, eid="freja"),
        lambda c: pv.Actor.other(),
    ]
    services = [pv.Service.e_services(), pv.Service.journal(), pv.Service.journal(UNITS[0], channel="direct")]
    for i in range(count):
        c = children[i % len(children)]
        a = kinds[i % len(kinds)](c).compile()
        s = services[(i // len(kinds)) % len(services)].compile()
        out.append((c, a, s))
    return out


def prepared_requests(singles: Sequence[Request]) -> List[Tuple[object, pv.Actor, pv.Service]]:
    """The per-call list with each child's record prepared once (pv_evaluate_prepared); empty
    with a package that has no prepared record (an older tree, measured beside this one)."""
    try:
        from portvakt._decision import prepare
    except ImportError:
        return []

    records = {}
    out = []
    for c, a, s in singles:
        if id(c) not in records:
            records[id(c)] = prepare(c)
        out.append((records[id(c)], a, s))
    return out


def callgrind(mode: str, passes: int, children_count: int) -> int:
    """The loops of the benchmark, for counting instructions under callgrind: one warm-up pass,
    then 'passes' more; bench/callgrind_python.sh subtracts two runs."""
    children = [child(k) for k in range(children_count)]
    requests, _ = audit(children)
    singles = per_call_requests(children, 1000)
    prepared = prepared_requests(singles) if mode == "prepared" else []
    evaluate = pv.evaluate

    def one_pass() -> int:
        if mode == "evaluate":
            for c, a, s in singles:
                evaluate(c, a, s, ON)
            return len(singles)
        if mode == "prepared":
            for p, a, s in prepared:
                p.evaluate(a, s, ON)  # type: ignore[attr-defined]
            return len(prepared)
        pv.evaluate_many(requests, ON)
        return len(requests)

    decisions = one_pass()
    for _ in range(passes):
        one_pass()
    print(f"mode={mode} decisions_per_pass={decisions}")
    return 0


def median_runs(label: str, runs: List[float], unit: str) -> float:
    m = statistics.median(runs)
    print(f"{label:44s} median {m:12,.3f} {unit}  (min {min(runs):,.3f}, max {max(runs):,.3f}; {len(runs)} runs)")
    return m


def best_time(fn: Callable[[], object], min_seconds: float) -> Tuple[float, int]:
    """Seconds per call of fn, timed over enough calls to take min_seconds."""
    timer = timeit.Timer(fn)
    number = 1
    elapsed = timer.timeit(number)
    while elapsed < min_seconds:
        number *= 2
        elapsed = timer.timeit(number)
    return elapsed / number, number


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--children", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--callgrind", choices=("evaluate", "prepared", "many"))
    parser.add_argument("--passes", type=int, default=1)
    args = parser.parse_args(argv)
    if args.callgrind:
        return callgrind(args.callgrind, args.passes, args.children)
    if args.quick:
        args.children, args.runs = 50, 3
    min_seconds = 0.005 if args.quick else 0.3

    print(f"bench_python (portvakt {pv.__version__}, {platform.python_implementation()} {platform.python_version()}, "
          f"package at {pv.__file__})")
    children = [child(k) for k in range(args.children)]
    requests, pages = audit(children)
    singles = per_call_requests(children, 1000 if not args.quick else 100)
    print(f"region audit: {len(children)} children, {len(requests)} requests "
          f"({len(requests) / len(children):.1f} per child); per-call list: {len(singles)} requests")

    # The batch gives exactly the answers of evaluate.
    outcomes = pv.evaluate_many(requests, ON)
    sample = range(0, len(requests), max(1, len(requests) // 2000))
    if any(outcomes[i] != pv.evaluate(*requests[i], ON) for i in sample):
        print("bench_python: evaluate_many disagrees with evaluate", file=sys.stderr)
        return 1
    permits = outcomes.permitted_count()
    print(f"outcomes: permit {100 * permits / len(requests):.1f} %, invalid {outcomes.invalid_count}")

    evaluate = pv.evaluate

    def per_call() -> None:
        for c, a, s in singles:
            evaluate(c, a, s, ON)

    def many() -> None:
        pv.evaluate_many(requests, ON)

    def per_child() -> None:
        for citizen, actors, services in pages:
            citizen.evaluate_all(actors, services, ON)

    def many_and_read() -> None:
        o = pv.evaluate_many(requests, ON)
        o.permitted_count()

    prepared = prepared_requests(singles)

    def per_call_prepared() -> None:
        for p, a, s in prepared:
            p.evaluate(a, s, ON)  # type: ignore[attr-defined]

    call_us, prepared_us, many_rate, child_rate, read_rate = [], [], [], [], []
    for _ in range(args.runs):
        seconds, _ = best_time(per_call, min_seconds)
        call_us.append(seconds / len(singles) * 1e6)
        if prepared:
            seconds, _ = best_time(per_call_prepared, min_seconds)
            prepared_us.append(seconds / len(prepared) * 1e6)
        seconds, _ = best_time(many, min_seconds)
        many_rate.append(len(requests) / seconds)
        seconds, _ = best_time(per_child, min_seconds)
        child_rate.append(len(requests) / seconds)
        seconds, _ = best_time(many_and_read, min_seconds)
        read_rate.append(len(requests) / seconds)
    us = median_runs("evaluate, per call (prebuilt inputs)", call_us, "us/call")
    if prepared_us:
        prepared_median = median_runs("Prepared.evaluate, per call", prepared_us, "us/call")
        print(f"ratio: Prepared.evaluate / evaluate per call {prepared_median / us:.2f}")
    rate = median_runs("evaluate_many, whole region in one call", many_rate, "decisions/s")
    median_runs("Citizen.evaluate_all, one call per child", child_rate, "decisions/s")
    median_runs("evaluate_many + permitted_count", read_rate, "decisions/s")
    # Decoding: a Decision per answer, from the buffer (equal answers share one Decision).
    start = time.perf_counter()
    decoded = sum(1 for d in outcomes if d.permitted)
    elapsed = time.perf_counter() - start
    print(f"decoding every Decision of the batch: {elapsed / len(requests) * 1e6:.3f} us each ({decoded} permits)")
    print(f"ratio: evaluate per call / evaluate_many per decision {us / (1e6 / rate):.1f}")
    print(f"us_per_call={us:.3f} batch_decisions_per_s={rate:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
