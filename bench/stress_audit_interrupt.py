"""Ctrl-C at random moments of `portvakt audit RECORDS - --jobs 2 --json`, many times: how many
runs did not end within a time limit (hung), ended with another status than 130, showed a
traceback, or left a worker running. Prints the counts; never run by `meson test` (the test suite
holds nine fixed moments: tests/python/test_audit_region.py).

    PYTHONPATH=BUILD/bindings/python python3 bench/stress_audit_interrupt.py [RUNS] [SEED]

The moment of each Ctrl-C is drawn from 0.2 - 1.5 s after the command starts (before it, Python
itself is still starting); standard input is closed at the same moment, as when Ctrl-C stops the
whole pipeline. A run that hangs gets SIGABRT, with PYTHONFAULTHANDLER set, so that Python's
stacks of it are printed here; then it is killed, with its workers."""

import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time


def children(pid):
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(x) for x in f.read().split()]
    except OSError:
        return []


def living(pids):
    alive = []
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as f:
                if f.read().rsplit(")", 1)[1].split()[0] != "Z":
                    alive.append(pid)
        except OSError:
            pass
    return alive


def one_run(records, delay, limit=20.0):
    """'hung', 'status N', 'traceback', 'worker left' or 'ok'."""
    line = (json.dumps({"citizen": "r1", "on": "2026-01-10", "actor": {"kind": "guardian", "id": "g"},
                        "service": {"kind": "e_services"}}) + "\n").encode()
    proc = subprocess.Popen([sys.executable, "-m", "portvakt", "audit", records, "-", "--jobs", "2", "--json"],
                            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env=dict(os.environ, PYTHONFAULTHANDLER="1"))
    feeding = [True]

    def feed():
        # Standard input is this thread's alone: it closes it once told to stop (a close from
        # another thread would wait for a write blocked on a full pipe, and so for the command).
        try:
            while feeding[0]:
                proc.stdin.write(line * 20000)
                proc.stdin.flush()
        except (OSError, ValueError):
            pass
        try:
            proc.stdin.close()
        except OSError:
            pass

    threading.Thread(target=feed, daemon=True).start()
    workers = set()
    start = time.monotonic()
    while time.monotonic() - start < delay:
        workers.update(children(proc.pid))
        time.sleep(0.005)
    workers.update(children(proc.pid))
    # Ctrl-C in a terminal reaches the whole pipeline (`cat LOG | portvakt audit - ...`): the
    # writer stops too, and the audit sees the end of its input as it is interrupted.
    proc.send_signal(signal.SIGINT)
    feeding[0] = False
    try:
        status = proc.wait(timeout=limit)
    except subprocess.TimeoutExpired:
        status = None
    workers.update(children(proc.pid))
    if status is None:
        proc.send_signal(signal.SIGABRT)  # faulthandler prints the stacks of every thread
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
        print(f"hung (Ctrl-C {delay:.3f} s after the start); its stacks:", flush=True)
        os.set_blocking(proc.stderr.fileno(), False)
        print((proc.stderr.read() or b"").decode(errors="replace")[-6000:], flush=True)
        for pid in [proc.pid, *workers]:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        proc.wait()
        return "hung"
    err = b""
    if not living(workers):  # a worker left holds standard error open: do not wait for it
        err = proc.stderr.read()
    time.sleep(0.5)
    left = living(workers)
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    if status != 130:
        return f"status {status}"
    if b"Traceback" in err:
        return "traceback"
    return "worker left" if left else "ok"


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    with tempfile.TemporaryDirectory() as where:
        records = os.path.join(where, "records.jsonl")
        with open(records, "w") as f:
            f.write(json.dumps({"id": "r1", "citizen": {"birth_date": "2014-03-15", "guardians": [{"id": "g"}]}}) + "\n")
        counts = {}
        for _ in range(runs):
            outcome = one_run(records, rng.uniform(0.2, 1.5))
            counts[outcome] = counts.get(outcome, 0) + 1
    print(f"{runs} runs: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))


if __name__ == "__main__":
    main()
