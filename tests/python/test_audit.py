"""The audit of access logs (RULES.md section 11, H5): the date of a timestamp in Sweden, findings
in log order, malformed lines reported with their field, the counts, the command line, streaming,
and the fast reader of log lines against the json module.

Expected values are worked out from RULES.md (H5 and the rules named at each case), not read from
the code's output."""

import io
import itertools
import json
import os
import re
import subprocess
import sys
import tracemalloc
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from conftest import SOURCE_ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

import portvakt as pv
from portvakt import cportvakt as c
from portvakt._audit import MAX_LINE_BYTES, read_log
from portvakt._cli import main

EXAMPLE = SOURCE_ROOT / "examples" / "audit"

# A child 13 on 2027-03-15 (A1), guardian g1, and g2 blocked from 2026-06-01 to 2026-10-25 (G3, H1).
RECORD = {"birth_date": "2014-03-15",
          "guardians": [{"id": "g1"}, {"id": "g2", "blocked": [{"from": "2026-06-01", "until": "2026-10-25"}]}]}
RECORDS_TEXT = json.dumps({"id": "r1", "citizen": RECORD}) + "\n"
G1 = {"kind": "guardian", "id": "g1"}
G2 = {"kind": "guardian", "id": "g2"}
E_SERVICES = {"kind": "e_services"}


def records():
    return pv.audit.read_records([RECORDS_TEXT])


def line(**members):
    return json.dumps(members)


def findings(lines, recs=None):
    run = pv.audit.run(recs or records(), lines)
    return [f.to_json() for f in run], run.summary.to_json()["summary"]


def run(*argv, stdin=b""):
    out, err = io.StringIO(), io.StringIO()
    status = main([str(a) for a in argv], out=out, err=err,
                  stdin=io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    return status, out.getvalue(), err.getvalue()


# ---- H5: the date in Sweden ------------------------------------------------------------------


@pytest.mark.parametrize("at, expected", [
    ("2026-03-14T23:30:00Z", date(2026, 3, 15)),         # H5's own example: 00:30 on 15 March
    ("2026-03-14T22:59:59Z", date(2026, 3, 14)),         # 23:59:59 winter time (UTC+1)
    ("2026-03-14T23:00:00+00:00", date(2026, 3, 15)),
    ("2026-03-14T18:30:00-05:00", date(2026, 3, 15)),    # the same instant as 23:30Z
    ("2026-03-15T00:30:00+01:00", date(2026, 3, 15)),
    ("2026-07-01T21:59:59Z", date(2026, 7, 1)),          # summer time (UTC+2): 23:59:59
    ("2026-07-01T22:00:00Z", date(2026, 7, 2)),          # 00:00 on 2 July
    ("2026-03-29T00:59:59Z", date(2026, 3, 29)),         # summer time begins at 01:00 UTC
    ("2026-03-28T22:30:00Z", date(2026, 3, 28)),         # still winter: 23:30 on the 28th
    ("2026-10-24T22:30:00Z", date(2026, 10, 25)),        # still summer: 00:30 on the 25th
    ("2026-10-25T22:30:00Z", date(2026, 10, 25)),        # winter again: 23:30 on the 25th
    ("2026-12-31T23:00:00Z", date(2027, 1, 1)),
    ("2026-12-31T23:00:00.123456Z", date(2027, 1, 1)),
])
def test_h5_timestamp_is_the_date_in_sweden(at, expected):
    assert pv.audit.stockholm_date(at) == expected


def test_h5_an_aware_datetime_is_read_in_sweden():
    assert pv.audit.stockholm_date(datetime(2026, 3, 14, 23, 30, tzinfo=timezone.utc)) == date(2026, 3, 15)
    assert pv.audit.stockholm_date(datetime(2026, 3, 14, 23, 30, tzinfo=timezone(timedelta(hours=5)))) == date(2026, 3, 14)


@pytest.mark.parametrize("at", ["2026-03-14T23:30:00", "2026-03-14", "14/03/2026 23:30", "", "2026-13-01T00:00:00Z"])
def test_h5_a_timestamp_without_offset_or_not_iso_is_malformed(at):
    with pytest.raises(pv.InvalidInput) as error:
        pv.audit.stockholm_date(at)
    assert error.value.field == "at"


def test_h5_a_naive_datetime_is_malformed():
    with pytest.raises(pv.InvalidInput) as error:
        pv.audit.stockholm_date(datetime(2026, 3, 14, 23, 30))
    assert error.value.field == "at"


# ---- H5: findings in log order ------------------------------------------------------------


def test_h5_a_denial_only_the_swedish_date_makes():
    # 23:30 UTC on 14 March 2027 is 15 March in Sweden: the 13th birthday, when G1 ends the proxy.
    found, summary = findings([
        line(citizen="r1", at="2027-03-14T22:30:00Z", actor=G1, service=E_SERVICES),
        line(citizen="r1", at="2027-03-14T23:30:00Z", actor=G1, service=E_SERVICES),
    ])
    assert found == [{"line": 2, "kind": "denied", "citizen": "r1", "on": "2027-03-15",
                      "reason": "PROXY_ENDED", "reasons": ["PROXY_ENDED"], "rules": ["G1"]}]
    assert summary == {"lines": 2, "allowed": 1, "denied": 1, "malformed": 0}


def test_h5_summer_time_decides_a_denial():
    # 22:30 UTC on 31 May is 00:30 on 1 June in summer time (UTC+2): g2 is blocked from 1 June (G3).
    # In winter time it would still be 31 May.
    found, _ = findings([line(citizen="r1", at="2026-05-31T22:30:00Z", actor=G2, service=E_SERVICES)])
    assert [(f["on"], f["reason"], f["rules"]) for f in found] == [("2026-06-01", "GUARDIAN_BLOCKED", ["G3"])]


def test_h5_block_period_read_on_each_access_date():
    # H1, H2: blocked 2026-06-01 .. 2026-10-25, both inclusive.
    dates = ["2026-05-31", "2026-06-01", "2026-10-25", "2026-10-26"]
    found, summary = findings([line(citizen="r1", on=d, actor=G2, service=E_SERVICES) for d in dates])
    assert [(f["line"], f["on"]) for f in found] == [(2, "2026-06-01"), (3, "2026-10-25")]
    assert summary == {"lines": 4, "allowed": 2, "denied": 2, "malformed": 0}


def test_h5_every_reason_and_rule_of_a_denial():
    # A 14-year-old's blocked guardian asking for e-services: PROXY_ENDED (G1) and GUARDIAN_BLOCKED
    # (G3), in step order (RULES.md section 3).
    recs = pv.audit.read_records([json.dumps({"id": "r", "citizen": {
        "birth_date": "2012-01-01", "guardians": [{"id": "g", "blocked": True}]}})])
    found, _ = findings([line(citizen="r", on="2026-06-01", actor={"kind": "guardian", "id": "g"},
                              service=E_SERVICES)], recs)
    assert found[0]["reason"] == "PROXY_ENDED"
    assert found[0]["reasons"] == ["PROXY_ENDED", "GUARDIAN_BLOCKED"]
    assert found[0]["rules"] == ["G1", "G3"]


MALFORMED = [
    (b"not json", "access"),
    (b"[1, 2]", "access"),
    (b"", "access"),
    (b"   ", "access"),
    (b'{"citizen": "nobody", "on": "2026-01-10", "actor": {"kind": "self"}, "service": {"kind": "e_services"}}', "citizen"),
    (b'{"citizen": 7, "on": "2026-01-10", "actor": {"kind": "self"}, "service": {"kind": "e_services"}}', "citizen"),
    (b'{"on": "2026-01-10", "actor": {"kind": "self"}, "service": {"kind": "e_services"}}', "citizen"),
    (b'{"citizen": "r1", "actor": {"kind": "self"}, "service": {"kind": "e_services"}}', "on"),
    (b'{"citizen": "r1", "on": "2026-01-10", "at": "2026-01-10T10:00:00Z", "actor": {"kind": "self"}, "service": {"kind": "e_services"}}', "at"),
    (b'{"citizen": "r1", "at": "2026-01-10T10:00:00", "actor": {"kind": "self"}, "service": {"kind": "e_services"}}', "at"),
    (b'{"citizen": "r1", "at": 1768039200, "actor": {"kind": "self"}, "service": {"kind": "e_services"}}', "at"),
    (b'{"citizen": "r1", "on": "2026-02-29", "actor": {"kind": "self"}, "service": {"kind": "e_services"}}', "on"),
    (b'{"citizen": "r1", "on": "2026-01-10", "service": {"kind": "e_services"}}', "actor"),
    (b'{"citizen": "r1", "on": "2026-01-10", "actor": {"kind": "guardian"}, "service": {"kind": "e_services"}}', "actor.id"),
    (b'{"citizen": "r1", "on": "2026-01-10", "actor": {"kind": "king"}, "service": {"kind": "e_services"}}', "actor.kind"),
    (b'{"citizen": "r1", "on": "2026-01-10", "actor": {"kind": "self", "shoe": 1}, "service": {"kind": "e_services"}}', "actor.shoe"),
    (b'{"citizen": "r1", "on": "2026-01-10", "actor": {"kind": "guardian", "id": "g1", "login_locked": 1}, "service": {"kind": "e_services"}}', "actor.login_locked"),
    (b'{"citizen": "r1", "on": "2026-01-10", "actor": {"kind": "self"}, "service": {"kind": "e_services", "unit": "SE2321000016-1BHV"}}', "service.unit"),
    (b'{"citizen": "r1", "on": "2010-01-10", "actor": {"kind": "self"}, "service": {"kind": "e_services"}}', "citizen.birth_date"),
    (b'{"citizen": "r1", "on": "2026-01-10", "actor": {"kind": "guardian", "id": "g\xff1"}, "service": {"kind": "e_services"}}', "access"),
]


@pytest.mark.parametrize("text, field", MALFORMED)
def test_h5_a_malformed_line_is_reported_with_its_field_and_the_audit_goes_on(text, field):
    ok = line(citizen="r1", on="2026-01-10", actor=G1, service=E_SERVICES).encode()
    denied = line(citizen="r1", on="2027-03-15", actor=G1, service=E_SERVICES).encode()  # G1
    found, summary = findings([ok, text, denied])
    assert [(f["line"], f["kind"]) for f in found] == [(2, "malformed"), (3, "denied")]
    assert found[0]["field"] == field and found[0]["message"]
    assert summary == {"lines": 3, "allowed": 1, "denied": 1, "malformed": 1}


@pytest.mark.parametrize("as_stream", [False, True])
@pytest.mark.parametrize("pad", [MAX_LINE_BYTES + 10, 3 * MAX_LINE_BYTES + 7])
@pytest.mark.parametrize("newline_at_end", [False, True])
def test_h5_a_line_longer_than_the_limit_is_reported_and_skipped(as_stream, pad, newline_at_end):
    ok = line(citizen="r1", on="2026-01-10", actor=G1, service=E_SERVICES).encode()
    long = b'{"citizen": "r1", "pad": "' + b"x" * pad + b'"}'
    data = ok + b"\n" + long + b"\n" + ok + (b"\n" if newline_at_end else b"")
    found, summary = findings(io.BytesIO(data) if as_stream else read_log(io.BytesIO(data)))
    assert [(f["line"], f["kind"], f["field"]) for f in found] == [(2, "malformed", "access")]
    assert summary == {"lines": 3, "allowed": 2, "denied": 0, "malformed": 1}
    # A long line at the very end, with no newline after it, is reported too.
    found, summary = findings(io.BytesIO(ok + b"\n" + long) if as_stream else read_log(io.BytesIO(ok + b"\n" + long)))
    assert [(f["line"], f["field"]) for f in found] == [(2, "access")] and summary["lines"] == 2


def test_h5_other_members_are_ignored_and_any_shape_of_json_is_read_alike():
    # The same access (G1 ends the proxy on the 13th birthday) written in ways JSON allows: the
    # findings are the same as for the plain line.
    plain = line(citizen="r1", on="2027-03-15", actor=G1, service=E_SERVICES)
    variants = [
        plain,
        '{"service":{"kind":"e_services"},"actor":{"id":"g1","kind":"guardian"},"on":"2027-03-15","citizen":"r1"}',
        '  {"citizen" : "r1" , "on" : "2027-03-15" , "actor" : {"kind" : "guardian" , "id" : "g1"} , '
        '"service" : {"kind" : "e_services"} }  ',
        '{"citizen": "r\\u0031", "on": "2027-03-15", "actor": {"kind": "guardian", "id": "g1"}, "service": {"kind": "e_services"}}',
        '{"citizen": "r1", "on": "2027-03-15", "session": {"id": [1, 2.5e3, true, null, "\\n"]}, '
        '"actor": {"kind": "guardian", "id": "g1"}, "service": {"kind": "e_services"}}',
        '{"citizen": "r1", "on": "2027-03-15", "actor": {"kind": "guardian", "id": "g1"}, "service": {"kind": "e_services"}, "user_agent": "Mozilla/5.0 (\\u00e5\\u00e4\\u00f6)"}',
        '{"citizen": "r1", "on": "2027-03-15", "actor": {"kind": "guardian", "id": "g1"}, "service": {"kind": "e_services"}, "city": "G\u00f6teborg"}',
    ]
    found, summary = findings(variants)
    assert [f["line"] for f in found] == list(range(1, len(variants) + 1))
    assert all(f["reason"] == "PROXY_ENDED" and f["on"] == "2027-03-15" for f in found)
    assert summary["denied"] == len(variants)


def test_h5_lines_as_str_bytes_objects_and_values_give_the_same_findings():
    texts = [line(citizen="r1", at="2027-03-14T23:30:00Z", actor=G1, service=E_SERVICES),
             line(citizen="r1", on="2026-06-01", actor=G2, service=E_SERVICES),
             line(citizen="r1", on="2026-05-31", actor=G2, service=E_SERVICES)]
    accesses = [pv.audit.LogAccess("r1", pv.Actor.guardian("g1"), pv.Service.e_services(),
                             at=datetime(2027, 3, 14, 23, 30, tzinfo=timezone.utc)),
                pv.audit.LogAccess("r1", pv.Actor.guardian("g2"), pv.Service.e_services(), on=date(2026, 6, 1)),
                pv.audit.LogAccess("r1", pv.Actor.guardian("g2"), pv.Service.e_services(), on=date(2026, 5, 31))]
    expected = findings(texts)
    assert [f["line"] for f in expected[0]] == [1, 2]
    assert findings([t.encode() for t in texts]) == expected
    assert findings([json.loads(t) for t in texts]) == expected
    assert findings(accesses) == expected
    rec = {"r1": pv.Citizen(birth_date=date(2014, 3, 15), guardians=[
        pv.Guardian("g1"), pv.Guardian("g2", blocked_periods=[pv.Interval(date(2026, 6, 1), date(2026, 10, 25))])])}
    assert findings(texts, rec) == expected


def test_h5_findings_are_values_with_the_decision():
    run = pv.audit.run(records(), [line(citizen="r1", on="2027-03-15", actor=G1, service=E_SERVICES)])
    (finding,) = list(run)
    assert isinstance(finding, pv.audit.Finding)
    assert finding.kind == "denied" and finding.line == 1 and finding.citizen == "r1"
    assert finding.on == date(2027, 3, 15)
    assert finding.decision.reason is pv.Reason.PROXY_ENDED and finding.decision.rule == "G1"
    assert run.summary == pv.audit.Summary(lines=1, allowed=0, denied=1, malformed=0)


# ---- RECORDS -------------------------------------------------------------------------------


@pytest.mark.parametrize("text, line_number, field", [
    ('{"id": "a", "citizen": {"birth_date": "2014-03-15"}}\nnot json\n', 2, "record"),
    ('{"id": "a", "citizen": {"birth_date": "2014-03-15"}}\n{"id": "a", "citizen": {}}\n', 2, "id"),
    ('{"citizen": {"birth_date": "2014-03-15"}}\n', 1, "id"),
    ('{"id": "a", "citizen": {"birth_date": "2014-03-15"}, "x": 1}\n', 1, "x"),
    ('{"id": "a", "citizen": {"birth_date": "2014-02-30"}}\n', 1, "citizen.birth_date"),
    ('{"id": "a", "citizen": {"seals": [{"scope": "whole", "active": {"from": 3}}]}}\n', 1, "citizen.seals[0].active.from"),
    ('\n{"id": "a"}\n', 2, "citizen"),
    (b'{"id": "a\xff", "citizen": {}}\n'.decode("latin-1"), 1, "record"),
])
def test_records_that_cannot_be_used_name_the_line_and_field(text, line_number, field):
    with pytest.raises(pv.audit.RecordsError) as error:
        pv.audit.read_records(io.BytesIO(text.encode("latin-1")))
    assert (error.value.line, error.value.field) == (line_number, field)


# ---- the command line ------------------------------------------------------------------------


def test_cli_example_finds_what_the_rules_deny():
    status, out, err = run("audit", EXAMPLE / "records.jsonl", EXAMPLE / "log.jsonl", "--json")
    assert status == 1 and err == ""
    lines = [json.loads(x) for x in out.splitlines()]
    # Worked out from RULES.md for each line of examples/audit/log.jsonl:
    # 2: 13th birthday in Sweden (G1); 4: block from 1 June in summer time (G3); 5: protected
    # identity in force (G4); 7: login lock period (E2, portal); 9: whole seal in force (J1);
    # 10-12 malformed (not JSON, unknown record, no offset); 14: 13-15 without a grant for the
    # unit (D2) and the unit sealed (J2); 15: not a guardian of the child (R0); 16: no actor id.
    assert [(x["line"], x["kind"], x.get("reason", x.get("field"))) for x in lines[:-1]] == [
        (2, "denied", "PROXY_ENDED"), (4, "denied", "GUARDIAN_BLOCKED"),
        (5, "denied", "PROTECTED_IDENTITY"), (7, "denied", "LOGIN_LOCKED"),
        (9, "denied", "JOURNAL_SEALED"), (10, "malformed", "access"), (11, "malformed", "citizen"),
        (12, "malformed", "at"), (14, "denied", "PROXY_ENDED"), (15, "denied", "NOT_RELATED"),
        (16, "malformed", "actor.id")]
    assert lines[8]["reasons"] == ["PROXY_ENDED", "UNIT_SEALED"] and lines[8]["rules"] == ["D2", "J2"]
    assert lines[-1] == {"summary": {"lines": 17, "allowed": 6, "denied": 7, "malformed": 4}}


def test_cli_table_and_summary_without_json():
    status, out, _ = run("audit", EXAMPLE / "records.jsonl", EXAMPLE / "log.jsonl")
    assert status == 1
    assert "GUARDIAN_BLOCKED (G3)" in out and "PROXY_ENDED (D2), UNIT_SEALED (J2)" in out
    assert out.splitlines()[-1] == "17 lines: 6 allowed, 7 denied, 4 malformed"


def test_cli_exit_0_when_nothing_is_found(tmp_path):
    log = tmp_path / "log.jsonl"
    log.write_text(line(citizen="r1", on="2026-01-10", actor=G1, service=E_SERVICES) + "\n")
    recs = tmp_path / "records.jsonl"
    recs.write_text(RECORDS_TEXT)
    status, out, _ = run("audit", recs, log, "--json")
    assert status == 0
    assert out.splitlines() == ['{"summary": {"lines": 1, "allowed": 1, "denied": 0, "malformed": 0}}']


def test_cli_log_from_standard_input(tmp_path):
    recs = tmp_path / "records.jsonl"
    recs.write_text(RECORDS_TEXT)
    data = (line(citizen="r1", on="2027-03-15", actor=G1, service=E_SERVICES) + "\n").encode()
    status, out, _ = run("audit", recs, "-", "--json", stdin=data)
    assert status == 1 and json.loads(out.splitlines()[0])["rules"] == ["G1"]


@pytest.mark.parametrize("records_text, needle", [
    ("not json\n", "line 1: record"),
    ('{"id": "a", "citizen": {"birth_date": "2014-03-15", "guardians": [{"id": ""}]}}\n',
     "line 1: citizen.guardians[0].id"),
    ('{"id": "a", "citizen": {"birth_date": "2014-03-15", "guardians": [{"id": "g"}, {"id": "g"}]}}\n',
     "line 1: citizen.guardians[1].id"),
])
def test_cli_records_that_cannot_be_used_exit_2_naming_line_and_field(tmp_path, records_text, needle):
    recs = tmp_path / "records.jsonl"
    recs.write_text(records_text)
    status, out, err = run("audit", recs, EXAMPLE / "log.jsonl")
    assert status == 2 and out == ""
    assert err.startswith("portvakt: ") and needle in err and err.count("\n") == 1


def test_cli_files_that_cannot_be_read_exit_2(tmp_path):
    assert run("audit", tmp_path / "none.jsonl", EXAMPLE / "log.jsonl")[0] == 2
    assert run("audit", EXAMPLE / "records.jsonl", tmp_path / "none.jsonl")[0] == 2
    assert run("audit", EXAMPLE / "records.jsonl", tmp_path)[0] == 2
    assert run("audit", "-", "-")[0] == 2
    assert run("audit", EXAMPLE / "records.jsonl")[0] == 2
    assert run("audit", EXAMPLE / "records.jsonl", EXAMPLE / "log.jsonl", "--progress", "--no-progress")[0] == 2


def test_cli_progress_goes_to_standard_error_only():
    status, out, err = run("audit", EXAMPLE / "records.jsonl", EXAMPLE / "log.jsonl", "--json", "--progress")
    assert status == 1
    assert "audit:" in err and "17 lines" in err
    assert all(json.loads(x) for x in out.splitlines())  # stdout is JSON Lines only
    assert run("audit", EXAMPLE / "records.jsonl", EXAMPLE / "log.jsonl", "--no-progress")[2] == ""


def test_cli_interrupt_exits_130_without_traceback(tmp_path):
    # An endless log on a pipe; Ctrl-C (SIGINT) ends the command quietly with 130.
    import signal
    import time

    recs = tmp_path / "records.jsonl"
    recs.write_text(RECORDS_TEXT)
    proc = subprocess.Popen([sys.executable, "-m", "portvakt", "audit", str(recs), "-", "--json"],
                            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    one = (line(citizen="r1", on="2026-01-10", actor=G1, service=E_SERVICES) + "\n").encode()
    try:
        for _ in range(200):
            proc.stdin.write(one * 100)
        proc.stdin.flush()
        time.sleep(0.5)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == 130
    assert b"Traceback" not in err


# ---- streaming -------------------------------------------------------------------------------


def _endless():
    start = datetime(2026, 1, 1, tzinfo=timezone.utc)
    for i in itertools.count():
        at = (start + timedelta(seconds=37 * i)).strftime("%Y-%m-%dT%H:%M:%SZ")
        yield (f'{{"citizen": "r1", "at": "{at}", "session": "{i:x}", '
               f'"actor": {{"kind": "guardian", "id": "g2"}}, "service": {{"kind": "e_services"}}}}').encode()


def test_h5_streams_an_endless_log():
    # g2 is blocked from 2026-06-01: the first finding comes without the log being read to its end.
    first = next(iter(pv.audit.run(records(), _endless())))
    assert first.kind == "denied" and first.on == date(2026, 6, 1)


def test_h5_memory_does_not_grow_with_the_log():
    def peak(n):
        tracemalloc.start()
        run = pv.audit.run(records(), itertools.islice(_endless(), n))
        for _ in run:
            pass
        _, top = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return top

    small, large = peak(20_000), peak(100_000)
    assert large < 1.5 * small, (small, large)


# ---- the fast reader of log lines against the json module ----------------------------------

_json_text = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False),
              st.text(max_size=8)),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner, max_size=3)),
    max_leaves=8)
_member = st.sampled_from(["citizen", "on", "at", "actor", "service", "x"])


@st.composite
def _log_lines(draw):
    members = draw(st.lists(st.tuples(_member, st.one_of(_json_text, st.sampled_from(
        ["r1", "2026-01-10", "2026-01-10T10:00:00Z", {"kind": "self"}, {"kind": "e_services"}]))), max_size=7))
    text = "{" + ", ".join(json.dumps(k) + ": " + json.dumps(v, ensure_ascii=draw(st.booleans()))
                           for k, v in members) + "}"
    if draw(st.booleans()):  # now and then a byte changed, inserted or removed
        data = bytearray(text.encode())
        i = draw(st.integers(0, len(data)))
        op = draw(st.sampled_from(["set", "insert", "delete"]))
        b = draw(st.integers(0, 255))
        if op == "set" and i < len(data):
            data[i] = b
        elif op == "insert":
            data.insert(i, b)
        elif i < len(data):
            del data[i]
        return bytes(data)
    return text.encode()


def _pairs_once(pairs):
    """object_pairs_hook: a dict, or ValueError for a member given twice (section 10)."""
    names = [k for k, _ in pairs]
    if len(set(names)) != len(names):
        raise ValueError("a member twice")
    return dict(pairs)


_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")
_ACTOR = {"kind": False, "id": False, "eid": False, "login_locked": True, "journal_sealed": True}
_SERVICE = {"kind": False, "channel": False, "unit": False, "entry_date": False}


def _strict_members(value, members):
    """Section 10's strict reading of an actor or a service: known members, flags true, false
    or null, the other members strings or null."""
    return isinstance(value, dict) and all(
        name in members and (v is None or (isinstance(v, bool) if members[name] else isinstance(v, str)))
        for name, v in value.items())


@settings(max_examples=1000, deadline=None)
@given(_log_lines())
def test_the_fast_reader_reads_a_line_as_the_strict_reading_does(data):
    # The C reader takes a line only when the strict reading of section 10 and H5 takes it too
    # (no member twice in any object, actor and service strict, `at` in the shape H5 gives),
    # and then gives its members as the json module reads them; any other line it leaves to the
    # package's reader (None).
    (shape,) = c.audit_read([data], 1, {}, {}, {}, {})
    if shape is None:
        return
    value = json.loads(data, object_pairs_hook=_pairs_once)
    assert isinstance(value, dict)
    citizen, on, at, actor, service, key = shape
    assert value["citizen"] == citizen
    assert value.get("on") == on and value.get("at") == at and (on is None) != (at is None)
    assert json.loads(actor) == value["actor"] and json.loads(service) == value["service"]
    assert _strict_members(value["actor"], _ACTOR) and _strict_members(value["service"], _SERVICE)
    if on is not None:
        assert key == on and re.fullmatch(r"\d{4}-\d{2}-\d{2}", on)
    else:
        assert _STAMP.fullmatch(at) and (key == at or at.startswith(key[:13]))


@settings(max_examples=1000, deadline=None)
@given(st.datetimes(min_value=datetime(1980, 1, 1), max_value=datetime(2100, 1, 1)),
       st.sampled_from(["Z", "+00:00", "+01:00", "-05:00", "+05:30", "+14:00"]),
       st.sampled_from(["", ".5", ".123456"]))
def test_h5_every_timestamp_gets_its_date_in_sweden(moment, offset, fraction):
    # Each access is denied (the citizen's login is locked: E2), so each finding shows the date
    # the audit gave it; the first line of each pair is the start of the probe's hour.
    zone = ZoneInfo("Europe/Stockholm")
    recs = pv.audit.read_records([json.dumps({"id": "r", "citizen": {"birth_date": "1970-01-01", "login_locked": True}})])
    at = moment.strftime("%Y-%m-%dT%H:%M:%S") + fraction + offset
    hour = moment.replace(minute=0, second=0).strftime("%Y-%m-%dT%H:%M:%S") + offset
    lines = [line(citizen="r", at=t, actor={"kind": "self"}, service=E_SERVICES) for t in (hour, at)]
    found = list(pv.audit.run(recs, lines))
    assert [f.on for f in found] == [datetime.fromisoformat(t).astimezone(zone).date() for t in (hour, at)]


@pytest.mark.parametrize("records_arg, accesses, field", [
    (5, [], "records"),
    ({"r1": "not a citizen"}, [], "records['r1']"),
    ({1: pv.Citizen(birth_date=date(2014, 3, 15))}, [], "records[1]"),
    ({}, 5, "accesses"),
])
def test_wrong_types_are_named(records_arg, accesses, field):
    with pytest.raises(pv.InvalidType) as error:
        pv.audit.run(records_arg, accesses)
    assert error.value.field == field


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(_log_lines(), st.binary(max_size=60)), max_size=12))
def test_any_bytes_every_line_is_counted_once(raw_lines):
    # H5: no line is dropped unreported: each is allowed, denied or malformed, in log order.
    data = b"".join(x.replace(b"\n", b" ") + b"\n" for x in raw_lines)
    run = pv.audit.run(records(), read_log(io.BytesIO(data)))
    found = list(run)
    # The same log as a stream (read in blocks by the C reader) gives the same findings.
    streamed = pv.audit.run(records(), io.BytesIO(data))
    assert [f.to_json() for f in streamed] == [f.to_json() for f in found]
    assert streamed.summary == run.summary
    summary = run.summary
    assert summary.lines == len(raw_lines)
    assert summary.allowed + summary.denied + summary.malformed == summary.lines
    assert [f.line for f in found] == sorted({f.line for f in found})
    status, out, err = run_cli_bytes(data)
    assert status in (0, 1) and "Traceback" not in err
    assert json.loads(out.splitlines()[-1]) == {"summary": {"lines": summary.lines, "allowed": summary.allowed,
                                                            "denied": summary.denied, "malformed": summary.malformed}}


def run_cli_bytes(log_data):
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        recs = os.path.join(scratch, "records.jsonl")
        with open(recs, "w", encoding="utf-8") as f:
            f.write(RECORDS_TEXT)
        return run("audit", recs, "-", "--json", stdin=log_data)
