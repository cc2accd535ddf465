"""The audit of a region (RULES.md H5, issue: records from a database, every core, the edges).

- `portvakt records import` and `portvakt audit REGION.db LOG` give the findings of the JSON Lines
  path: on the conformance audit cases and on a generated region, with a cache far smaller than
  the region.
- `--jobs 2` writes what `--jobs 1` writes, byte for byte (H5: a line's finding depends on that
  line alone), over many blocks; Ctrl-C leaves no worker behind.
- The edges: text streams, an item that is not a line, a 5 MB line given to the Python API,
  /dev/zero as LOG, missing tzdata, the `other` actor in the table, a bad check digit.

Expected values are written from RULES.md, not read from the code's output."""

import gc
import io
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time

import pytest
from conftest import SOURCE_ROOT

import portvakt as pv
from portvakt import _audit_jobs, _audit_records
from portvakt._cli import main
from portvakt._records_db import APPLICATION_ID, SCHEMA_VERSION, import_records

CASES = SOURCE_ROOT / "tests" / "conformance" / "audit"
EXAMPLE = SOURCE_ROOT / "examples" / "audit"
ENV = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))

# Under AddressSanitizer (the CI check that preloads its runtime) resident memory and the time
# a worker takes to stop measure the sanitizer, not the audit: those two runs are left to the
# unsanitized builds.
not_under_asan = pytest.mark.skipif("asan" in os.environ.get("LD_PRELOAD", ""),
                                    reason="resident size and stop time under AddressSanitizer")


def cli(*argv, stdin=b""):
    out, err = io.StringIO(), io.StringIO()
    status = main([str(a) for a in argv], out=out, err=err,
                  stdin=io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    return status, out.getvalue(), err.getvalue()


# ---- a generated region ------------------------------------------------------------------------


def region(n, seed=7):
    """n records with guardians, blocks, protected identity, locks and seals over 2024-2027."""
    rng = random.Random(seed)
    out = []
    for k in range(n):
        birth = f"{rng.randrange(1990, 2024)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
        guardians = []
        for g in range(rng.randrange(0, 3)):
            one = {"id": f"g{k}-{g}"}
            if rng.random() < 0.3:
                one["blocked"] = [{"from": f"2026-{rng.randrange(1, 13):02d}-01", "until": None}]
            guardians.append(one)
        citizen = {"birth_date": birth, "guardians": guardians}
        if rng.random() < 0.1:
            citizen["protected_identity"] = [{"from": "2025-06-01", "until": "2026-06-30"}]
        if rng.random() < 0.1:
            citizen["login_locked"] = [{"from": "2026-02-01", "until": "2026-04-30"}]
        if rng.random() < 0.2:
            citizen["seals"] = [{"scope": "unit", "unit": "SE2321000016-7PSY"}]
        out.append({"id": f"r{k}", "citizen": citizen})
    return out


def log_lines(recs, n, seed=11):
    rng = random.Random(seed)
    lines = []
    for i in range(n):
        rec = rng.choice(recs)
        guardians = rec["citizen"]["guardians"]
        if guardians and rng.random() < 0.6:
            actor = {"kind": "guardian", "id": rng.choice(guardians)["id"]}
        else:
            actor = {"kind": rng.choice(["self", "self", "other"])}
        service = rng.choice([{"kind": "e_services"}, {"kind": "journal"},
                              {"kind": "journal", "channel": "direct", "unit": "SE2321000016-7PSY"}])
        entry = {"citizen": rec["id"] if rng.random() > 0.01 else "nobody", "actor": actor, "service": service}
        if i % 5 == 0:
            entry["on"] = f"2026-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
        else:
            entry["at"] = f"2026-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}T{rng.randrange(24):02d}:30:00Z"
        lines.append(json.dumps(entry) if rng.random() > 0.005 else "not json")
    return lines


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    where = tmp_path_factory.mktemp("region")
    recs = region(400)
    (where / "records.jsonl").write_text("".join(json.dumps(r) + "\n" for r in recs))
    (where / "log.jsonl").write_text("".join(x + "\n" for x in log_lines(recs, 6000)))
    import_records(where / "records.jsonl", where / "region.db")
    return where


# ---- the records database ----------------------------------------------------------------------


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir() if (p / "case.json").exists()))
def test_h5_database_gives_the_findings_of_json_lines_on_the_conformance_cases(case, tmp_path):
    where = CASES / case
    spec = json.loads((where / "case.json").read_text())
    db = tmp_path / "region.db"
    assert cli("records", "import", where / spec["records"], db)[0] == 0
    by_db = cli("audit", db, where / spec["log"], "--json", "--jobs", "1")
    by_lines = cli("audit", where / spec["records"], where / spec["log"], "--json", "--jobs", "1")
    assert by_db == by_lines
    expected = [json.loads(x) for x in (where / spec["expect"]).read_text().splitlines() if x.strip()]
    got = [json.loads(x) for x in by_db[1].splitlines()]
    assert len(got) == len(expected)  # expected.jsonl gives the members it checks (its README)
    assert [{k: g.get(k) for k in e} for g, e in zip(got, expected)] == expected


def test_h5_database_gives_the_findings_of_json_lines_on_a_generated_region(generated, monkeypatch):
    # A cache of 16 records for a region of 400: records are read again and again, and dropped.
    monkeypatch.setattr(_audit_records, "CAPACITY", 16)
    by_lines = cli("audit", generated / "records.jsonl", generated / "log.jsonl", "--json", "--jobs", "1")
    by_db = cli("audit", generated / "region.db", generated / "log.jsonl", "--json", "--jobs", "1")
    assert by_db == by_lines
    summary = json.loads(by_db[1].splitlines()[-1])["summary"]
    assert summary["lines"] == 6000 and summary["denied"] > 100 and summary["malformed"] > 10


def test_h5_the_cache_of_records_stays_within_its_capacity(generated, monkeypatch):
    monkeypatch.setattr(_audit_records, "CAPACITY", 16)
    run = pv.audit.run(str(generated / "region.db"), open(generated / "log.jsonl", "rb"))
    sizes = []
    for _ in run:
        sizes.append(len(run._records))
    assert run.summary.lines == 6000 and max(sizes) <= 16


def test_records_database_is_told_by_its_content_not_its_name(generated, tmp_path):
    disguised = tmp_path / "records.jsonl"
    disguised.write_bytes((generated / "region.db").read_bytes())
    lines_named_db = tmp_path / "region.db"
    lines_named_db.write_bytes((generated / "records.jsonl").read_bytes())
    first = cli("audit", disguised, generated / "log.jsonl", "--json", "--jobs", "1")
    second = cli("audit", lines_named_db, generated / "log.jsonl", "--json", "--jobs", "1")
    assert first == second and first[0] == 1


def test_records_import_layout_and_reimport_replaces(tmp_path):
    db = tmp_path / "region.db"
    assert import_records(EXAMPLE / "records.jsonl", db) == 4
    (tmp_path / "other.jsonl").write_text(json.dumps({"id": "x1", "citizen": {"birth_date": "2000-01-01"}}) + "\n")
    assert cli("records", "import", tmp_path / "other.jsonl", db)[0] == 0
    with sqlite3.connect(db) as c:
        assert c.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert c.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 1
        assert c.execute("SELECT id FROM records").fetchall() == [("x1",)]  # replaced, not mixed
        assert json.loads(c.execute("SELECT citizen FROM records").fetchone()[0]) == {"birth_date": "2000-01-01"}


def test_records_import_refuses_a_record_and_leaves_the_database_as_it_was(tmp_path):
    db = tmp_path / "region.db"
    import_records(EXAMPLE / "records.jsonl", db)
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"id": "a", "citizen": {"birth_date": "2000-01-01"}}) + "\n"
                   + json.dumps({"id": "a", "citizen": {"birth_date": "2001-01-01"}}) + "\n")
    status, _, err = cli("records", "import", bad, db)
    assert status == 2 and "line 2: id:" in err
    with sqlite3.connect(db) as c:
        assert c.execute("SELECT count(*) FROM records").fetchone()[0] == 4
    assert sorted(os.listdir(tmp_path)) == ["bad.jsonl", "region.db"]  # nothing partial left


def test_a_row_a_region_wrote_that_does_not_validate_makes_its_accesses_malformed(tmp_path):
    # V1: the database is not trusted. A row the audit cannot use fails closed: every access
    # naming it is malformed (field citizen), and the message names the record's field.
    db = tmp_path / "region.db"
    import_records(EXAMPLE / "records.jsonl", db)
    with sqlite3.connect(db) as c:
        c.execute("INSERT INTO records VALUES ('bad1', '{\"birth_date\": \"2010-02-30\"}')")
        c.execute("INSERT INTO records VALUES ('bad2', 'not json')")
        c.execute("INSERT INTO records VALUES ('bad3', '{}, \"id\": \"r-bo\"')")
    log = [json.dumps({"citizen": r, "on": "2026-01-10", "actor": {"kind": "self"},
                       "service": {"kind": "e_services"}}) for r in ("bad1", "bad2", "bad3", "bad1")]
    found = [f.to_json() for f in pv.audit.run(str(db), log)]
    assert [(f["line"], f["kind"], f["field"]) for f in found] == [
        (1, "malformed", "citizen"), (2, "malformed", "citizen"), (3, "malformed", "citizen"),
        (4, "malformed", "citizen")]
    assert "citizen.birth_date" in found[0]["message"] and found[3] == dict(found[0], line=4)


def test_a_row_with_a_bad_check_digit_fails_closed_on_each_access(tmp_path):
    # A row a region wrote itself, past the import's checks: section 8 (N2) on each access's date.
    db = tmp_path / "region.db"
    import_records(EXAMPLE / "records.jsonl", db)
    with sqlite3.connect(db) as c:
        c.execute("INSERT INTO records VALUES ('bad', '{\"personnummer\": \"19121212-1213\"}')")
    log = [json.dumps({"citizen": "bad", "on": d, "actor": {"kind": "self"}, "service": {"kind": "e_services"}})
           for d in ("2026-01-10", "2027-01-10")]
    found = [f.to_json() for f in pv.audit.run(str(db), log)]
    assert [(f["line"], f["kind"], f["field"]) for f in found] == [
        (1, "malformed", "citizen.personnummer"), (2, "malformed", "citizen.personnummer")]


def test_a_sqlite_file_that_is_not_a_records_database_is_refused(tmp_path):
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as c:
        c.execute("CREATE TABLE t (x)")
    status, _, err = cli("audit", other, EXAMPLE / "log.jsonl")
    assert status == 2 and "not a portvakt records database" in err


# ---- every core ----------------------------------------------------------------------------------


@pytest.mark.parametrize("table", [False, True])
def test_h5_jobs_2_writes_what_jobs_1_writes_byte_for_byte(generated, monkeypatch, table):
    monkeypatch.setattr(_audit_jobs, "BLOCK", 4096)  # some 100 blocks, decided out of order
    fmt = [] if table else ["--json"]
    one = cli("audit", generated / "region.db", generated / "log.jsonl", *fmt, "--jobs", "1")
    two = cli("audit", generated / "region.db", generated / "log.jsonl", *fmt, "--jobs", "2")
    three = cli("audit", generated / "records.jsonl", generated / "log.jsonl", *fmt, "--jobs", "3")
    assert one == two == three
    assert one[1].count("\n") > 300


def test_h5_jobs_keep_line_numbers_across_long_lines_and_blocks(generated, monkeypatch, tmp_path):
    monkeypatch.setattr(_audit_jobs, "BLOCK", 65536)
    lines = (generated / "log.jsonl").read_text().splitlines()
    lines[10] = '{"citizen": "r1", "pad": "' + "x" * (pv.audit.MAX_LINE_BYTES + 10) + '"}'
    lines[3000] = "y" * (3 * pv.audit.MAX_LINE_BYTES)
    log = tmp_path / "log.jsonl"
    log.write_text("\n".join(lines))  # and no newline at the end
    one = cli("audit", generated / "records.jsonl", log, "--json", "--jobs", "1")
    two = cli("audit", generated / "records.jsonl", log, "--json", "--jobs", "2")
    assert one == two
    found = {f["line"]: f for f in map(json.loads, one[1].splitlines()) if "line" in f}
    assert found[11]["field"] == "access" and found[3001]["field"] == "access"
    assert json.loads(one[1].splitlines()[-1])["summary"]["lines"] == 6000


def _children(pid):
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(x) for x in f.read().split()]
    except OSError:
        return []


def _living(pids):
    """The processes of 'pids' that still run (a zombie has ended)."""
    alive = []
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as f:
                if f.read().rsplit(")", 1)[1].split()[0] != "Z":
                    alive.append(pid)
        except OSError:
            pass
    return alive


class _Audit:
    """`portvakt audit RECORDS - --jobs 2 --json`, fed blocks of a guardian's requests on standard
    input by a thread, until stop()."""

    def __init__(self, tmp_path):
        recs = tmp_path / "records.jsonl"
        recs.write_text(json.dumps({"id": "r1", "citizen": {"birth_date": "2014-03-15",
                                                             "guardians": [{"id": "g"}]}}) + "\n")
        self.line = (json.dumps({"citizen": "r1", "on": "2026-01-10", "actor": {"kind": "guardian", "id": "g"},
                                 "service": {"kind": "e_services"}}) + "\n").encode()
        self.proc = subprocess.Popen([sys.executable, "-m", "portvakt", "audit", str(recs), "-", "--jobs", "2",
                                      "--json"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE, env=ENV)
        self.feeding = True
        self.feeder = threading.Thread(target=self._feed, daemon=True)
        self.feeder.start()

    def _feed(self):
        block = self.line * 20000  # some 2.6 MB a write: blocks for the workers
        try:
            while self.feeding:
                self.proc.stdin.write(block)
                self.proc.stdin.flush()
        except (BrokenPipeError, ValueError, OSError):
            pass

    def workers(self, n=2, within=60):
        deadline = time.monotonic() + within
        found = _children(self.proc.pid)
        while time.monotonic() < deadline and len(found) < n:
            time.sleep(0.01)
            found = _children(self.proc.pid)
        return found

    def end(self, within=120):
        """The exit status and standard error, once it has ended (a loaded machine: generous)."""
        try:
            status = self.proc.wait(timeout=within)
        finally:
            self.feeding = False
            self.proc.kill()
        err = self.proc.stderr.read()
        self.proc.stdin = None  # the feeder's pipe: closed with the process
        return status, err


@not_under_asan
def test_cli_interrupt_with_jobs_exits_130_and_leaves_no_worker(tmp_path):
    run = _Audit(tmp_path)
    workers = run.workers()
    assert len(workers) >= 2
    run.proc.send_signal(signal.SIGINT)
    status, err = run.end()
    assert status == 130
    assert b"Traceback" not in err
    time.sleep(0.5)
    assert _living(workers) == []


@not_under_asan
@pytest.mark.parametrize("delay", [0.0, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.8, 1.2])
def test_cli_interrupt_at_any_moment_of_the_jobs_exits_130(tmp_path, delay):
    # Ctrl-C while the workers start, while a 4 MiB block is on its way to them, while the parent
    # waits for a finding: multiprocessing.Pool's terminate() could hang for ever at one of them
    # (about 1 run in 40 before portvakt ran its own workers). Each moment must end the audit.
    run = _Audit(tmp_path)
    run.workers(1)  # the first worker is forked: the second may not be yet
    time.sleep(delay)
    workers = _children(run.proc.pid)
    run.proc.send_signal(signal.SIGINT)
    status, err = run.end()
    assert status == 130, err
    assert b"Traceback" not in err
    time.sleep(0.5)
    assert _living(workers) == []


@not_under_asan
def test_cli_a_worker_that_dies_ends_the_audit_with_an_error_not_a_wait(tmp_path):
    run = _Audit(tmp_path)
    workers = run.workers()
    assert len(workers) >= 2
    os.kill(workers[0], signal.SIGKILL)  # the out-of-memory killer, say
    status, err = run.end()
    assert status == 2
    assert b"a worker process of --jobs stopped (killed by signal 9)" in err
    assert b"Traceback" not in err
    time.sleep(0.5)
    assert _living(workers) == []


def test_an_error_in_a_worker_is_raised_in_the_parent_and_stops_every_worker(monkeypatch):
    # The error of a block reaches the caller of run_blocks as it is, once; no worker is left.
    monkeypatch.setattr(_audit_jobs, "BLOCK", 4096)
    real = _audit_jobs.decide

    def decide(first, data, as_json, ascii_only):
        if first > 300:
            raise ValueError(f"block at line {first}")
        return real(first, data, as_json, ascii_only)

    monkeypatch.setattr(_audit_jobs, "decide", decide)  # the workers are forked: they have it too
    log = (EXAMPLE / "log.jsonl").read_bytes() * 200
    records = pv.audit.read_records(EXAMPLE / "records.jsonl")
    before = set(_children(os.getpid()))
    with pytest.raises(ValueError, match="block at line"):
        _audit_jobs.run_blocks(records, io.BytesIO(log).read1, 2, True, True, lambda text, totals: None,
                               lambda totals: None)
    assert _living(set(_children(os.getpid())) - before) == []


_FORKS_AND_THREADS = r"""
import io, os, sys, threading
import portvakt as pv
from portvakt import _audit_jobs
records = pv.audit.read_records(sys.argv[1])
log = open(sys.argv[2], "rb").read() * 200
_audit_jobs.BLOCK = 4096
at_fork = []
os.register_at_fork(before=lambda: at_fork.append(threading.active_count()))

def audit(write):
    end = "end"
    try:
        _audit_jobs.run_blocks(records, io.BytesIO(log).read1, 2, True, True, write, lambda totals: None)
    except (KeyboardInterrupt, ValueError) as error:
        end = type(error).__name__
    print(end, threading.active_count())

def interrupted(text, totals):
    if totals.lines > 300:
        raise KeyboardInterrupt

def failing(text, totals):
    if totals.lines > 300:
        raise ValueError("stop")

for write in (lambda text, totals: None, interrupted, failing, lambda text, totals: None):
    audit(write)
print("forks", at_fork)
"""


def test_no_thread_of_an_audit_outlives_it_and_no_worker_is_forked_beside_one():
    # Four audits with --jobs 2 in one process: one to its end, one stopped by Ctrl-C (raised by
    # its writer), one by an error, one more to its end. A fork beside a running thread may copy a
    # lock that thread holds (the allocator's, under AddressSanitizer), and the worker then waits
    # for ever: each of the 8 workers is forked with the main thread alone, and each audit leaves
    # no thread behind.
    proc = subprocess.run([sys.executable, "-c", _FORKS_AND_THREADS, str(EXAMPLE / "records.jsonl"),
                           str(EXAMPLE / "log.jsonl")], capture_output=True, text=True, env=ENV, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == ["end 1", "KeyboardInterrupt 1", "ValueError 1", "end 1",
                                       "forks " + str([1] * 8)]


@not_under_asan
def test_workers_end_when_their_parent_is_killed(tmp_path):
    run = _Audit(tmp_path)
    workers = run.workers()
    assert len(workers) >= 2
    run.proc.kill()  # SIGKILL: the parent cannot tell its workers
    run.end()
    deadline = time.monotonic() + 30  # they look for their parent every second
    while _living(workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _living(workers) == []


# ---- the edges -----------------------------------------------------------------------------------


def test_cli_head_1_is_quiet(tmp_path):
    big = tmp_path / "log.jsonl"
    big.write_bytes((EXAMPLE / "log.jsonl").read_bytes() * 8000)  # some blocks: workers run
    proc = subprocess.run(f"{sys.executable} -m portvakt audit {EXAMPLE / 'records.jsonl'} {big} --json | head -1",
                          shell=True, capture_output=True, env=ENV, timeout=300)
    assert proc.stdout.count(b"\n") == 1
    assert proc.stderr == b""


def test_read_records_and_audit_take_text_streams(tmp_path):
    recs = pv.audit.read_records(open(EXAMPLE / "records.jsonl", encoding="utf-8"))
    assert sorted(recs) == ["r-astrid", "r-bo", "r-cecilia", "r-dag"]
    run = pv.audit.run(recs, open(EXAMPLE / "log.jsonl", encoding="utf-8"))  # never bound to a name
    gc.collect()
    found = list(run)
    assert run.summary.lines == 17 and len(found) == 11


def test_an_item_that_is_not_a_line_is_malformed_naming_its_line():
    run = pv.audit.run(pv.audit.read_records(EXAMPLE / "records.jsonl"), [b"{}", 1, None, 2.5])
    found = [f.to_json() for f in run]
    assert [(f["line"], f["field"]) for f in found] == [(1, "citizen"), (2, "access"), (3, "access"), (4, "access")]
    assert "not int" in found[1]["message"] and "not NoneType" in found[2]["message"]


@pytest.mark.parametrize("kind", [str, bytes])
def test_a_5_mb_line_given_to_the_python_api_is_malformed(kind):
    # The 1 MiB limit of a log line holds whichever way the line comes (H5, section 8 caps).
    text = json.dumps({"citizen": "r-astrid", "on": "2026-01-10", "actor": {"kind": "self"},
                       "service": {"kind": "e_services"}, "pad": "x" * 5_000_000})
    item = text if kind is str else text.encode()
    found = [f.to_json() for f in pv.audit.run(pv.audit.read_records(EXAMPLE / "records.jsonl"), [item])]
    assert found == [{"line": 1, "kind": "malformed", "field": "access",
                      "message": f"is longer than {pv.audit.MAX_LINE_BYTES} bytes"}]


@not_under_asan
def test_dev_zero_as_log_is_reported_in_bounded_memory():
    proc = subprocess.Popen([sys.executable, "-m", "portvakt", "audit", str(EXAMPLE / "records.jsonl"),
                             "/dev/zero", "--json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV)
    try:
        import select

        assert select.select([proc.stdout], [], [], 60)[0], "no finding within 60 s"
        first = json.loads(proc.stdout.readline())
        time.sleep(2)  # /dev/zero is still being read (skipped): the memory must not grow
        with open(f"/proc/{proc.pid}/status") as f:
            rss_kib = next(int(x.split()[1]) for x in f if x.startswith("VmRSS:"))
    finally:
        proc.kill()
        proc.communicate()
    assert first == {"line": 1, "kind": "malformed", "field": "access",
                     "message": f"is longer than {pv.audit.MAX_LINE_BYTES} bytes"}
    assert rss_kib < 200 * 1024


NO_TZDATA = """
import sys, zoneinfo
sys.modules["tzdata"] = None          # no Python tzdata either
zoneinfo.reset_tzpath(to=[])          # and no system tzdata
from portvakt._cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_missing_tzdata_is_one_clear_error_exit_2():
    proc = subprocess.run([sys.executable, "-c", NO_TZDATA, "audit", str(EXAMPLE / "records.jsonl"),
                           str(EXAMPLE / "log.jsonl"), "--json"], capture_output=True, env=ENV, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr.count(b"\n") == 1 and b"Traceback" not in proc.stderr
    assert b"Europe/Stockholm" in proc.stderr and b"tzdata" in proc.stderr


def test_the_table_names_an_other_actor_by_its_kind(tmp_path):
    log = tmp_path / "log.jsonl"
    log.write_text(json.dumps({"citizen": "r-cecilia", "on": "2026-01-10", "actor": {"kind": "other"},
                              "service": {"kind": "journal"}}) + "\n")
    status, out, _ = cli("audit", EXAMPLE / "records.jsonl", log)
    assert status == 1
    row = out.splitlines()[1]
    assert " other · journal: " in row and "self" not in row


@pytest.mark.parametrize("number", ["19121212-1213", "121212-1213", "19120431-1219"])
def test_a_record_malformed_on_every_date_is_refused_once_when_read(tmp_path, number):
    # A bad check digit (N2) or a day that no century has (31 April) is wrong on every date:
    # the record is refused when RECORDS is read or imported, naming line and field, once.
    recs = tmp_path / "records.jsonl"
    recs.write_text(json.dumps({"id": "ok", "citizen": {"birth_date": "2000-01-01"}}) + "\n"
                    + json.dumps({"id": "bad", "citizen": {"personnummer": number}}) + "\n")
    with pytest.raises(pv.audit.RecordsError) as error:
        pv.audit.read_records(recs)
    assert error.value.line == 2 and error.value.field.startswith("citizen.personnummer")
    status, out, err = cli("audit", recs, EXAMPLE / "log.jsonl")
    assert status == 2 and out == "" and err.count("\n") == 1 and "line 2: citizen.personnummer" in err
    status, _, err = cli("records", "import", recs, tmp_path / "region.db")
    assert status == 2 and "line 2: citizen.personnummer" in err


@pytest.mark.parametrize("number", ["121212-1212", "000229-1235"])
def test_a_ten_digit_number_valid_in_some_century_is_kept(number):
    # N4: the century of a ten-digit number comes from the date; 29 February 2000 exists (and
    # 1900's does not): such a record is not malformed on every date and is read.
    recs = pv.audit.read_records([json.dumps({"id": "x", "citizen": {"personnummer": number}})])
    assert list(recs) == ["x"]


@pytest.mark.parametrize("ascii_only", [True, False])
def test_the_text_of_a_denial_is_the_json_of_its_finding(generated, tmp_path, ascii_only):
    # The --json output is written without a Finding a denial (_audit_jobs.TextAudit): it must be
    # json.dumps(finding.to_json()) byte for byte, for every finding (ids outside ASCII too).
    recs = region(400)
    recs[5]["id"] = "r5-ö\u2028\"q"
    lines = log_lines(recs, 3000)
    recs_map = pv.audit.read_records([json.dumps(r) for r in recs])
    expected = "".join(json.dumps(f.to_json(), ensure_ascii=ascii_only) + "\n"
                       for f in pv.audit.run(recs_map, lines))
    data = "".join(x + "\n" for x in lines).encode()
    got = []
    totals = _audit_jobs.run_blocks(recs_map, io.BytesIO(data).read1, 1, True, ascii_only,
                                    lambda text, _: got.append(text), lambda _: None)
    assert "".join(got) == expected
    assert '"r5-' in expected and totals.denied > 100


def test_cli_progress_shows_lines_per_second_and_the_time_left(generated, monkeypatch):
    from portvakt import _cli_audit

    monkeypatch.setattr(_audit_jobs, "BLOCK", 16384)
    monkeypatch.setattr(_cli_audit, "_REDRAW", 0.0)
    status, out, err = cli("audit", generated / "records.jsonl", generated / "log.jsonl", "--json",
                           "--jobs", "1", "--progress")
    assert status == 1 and all(json.loads(x) for x in out.splitlines())  # stdout: JSON Lines only
    drawn = err.split("\r")
    assert any(" lines/s, " in d and " left" in d and "%" in d for d in drawn)
    assert "6,000 lines" in drawn[-1]


def test_records_import_reads_a_byte_order_mark_as_read_records_does(tmp_path):
    # H5 / section 10: a BOM at the very start of a file is ignored; one on a later line is not.
    line = json.dumps({"id": "a", "citizen": {"birth_date": "2000-01-01"}}).encode()
    good, bad = tmp_path / "good.jsonl", tmp_path / "bad.jsonl"
    good.write_bytes(b"\xef\xbb\xbf" + line + b"\r\n")
    bad.write_bytes(line + b"\n\xef\xbb\xbf" + line.replace(b'"a"', b'"b"') + b"\n")
    assert import_records(good, tmp_path / "good.db") == 1
    with pytest.raises(pv.audit.RecordsError) as refused:
        pv.audit.read_records(bad)
    with pytest.raises(pv.audit.RecordsError) as also:
        import_records(bad, tmp_path / "bad.db")
    assert (also.value.line, also.value.field) == (refused.value.line, refused.value.field) == (2, refused.value.field)


def test_h5_jobs_drop_a_byte_order_mark_at_the_start_only(generated, monkeypatch, tmp_path):
    monkeypatch.setattr(_audit_jobs, "BLOCK", 4096)
    lines = (generated / "log.jsonl").read_bytes().split(b"\n")
    lines[0] = b"\xef\xbb\xbf" + lines[0]
    lines[500] = b"\xef\xbb\xbf" + lines[500]  # inside a later block: the line's own, malformed
    log = tmp_path / "log.jsonl"
    log.write_bytes(b"\n".join(lines))
    one = cli("audit", generated / "records.jsonl", log, "--json", "--jobs", "1")
    two = cli("audit", generated / "records.jsonl", log, "--json", "--jobs", "2")
    whole = [f.to_json() for f in pv.audit.run(str(generated / "records.jsonl"), open(log, "rb"))]
    assert one == two
    assert [json.loads(x) for x in one[1].splitlines()][:-1] == whole
    found = {f["line"]: f for f in whole}
    assert 1 not in found or found[1]["kind"] == "denied"  # line 1 read as if the BOM were not there
    assert found[501]["kind"] == "malformed"
