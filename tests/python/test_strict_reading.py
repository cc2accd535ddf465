"""The strict reading of RULES.md section 10 ("Strict reading", settled 2026-12-06) and of H5's
timestamps, byte order mark and line ends, in every reader of the package: the request and
vector readers (portvakt._json), the record file and the log lines of the audit. Expected
values are written from RULES.md."""

import io
import json
import os
import subprocess
import sys
import textwrap

import pytest

import portvakt as pv
from portvakt import conformance
from portvakt._audit import audit, read_records, stockholm_date
from portvakt._json import Request, Vector, read_json

from conftest import run_cli

CHILD = {"birth_date": "2014-03-15", "guardians": [{"id": "g1"}]}
GUARDIAN = {"kind": "guardian", "id": "g1"}
E_SERVICES = {"kind": "e_services"}


def request_field(text):
    """The field a request (JSON text) is refused for: deny / INVALID_INPUT naming it (V1)."""
    try:
        decision = Request.from_json(text).evaluate(raise_on_invalid=False)
    except pv.InvalidInput as error:
        return error.field
    assert decision.reason is pv.Reason.INVALID_INPUT
    return decision.field


def request_text(citizen=None, actor=None, service=None, on='"2026-03-01"'):
    return (f'{{"on": {on}, "citizen": {citizen or json.dumps(CHILD)}, '
            f'"actor": {actor or json.dumps(GUARDIAN)}, "service": {service or json.dumps(E_SERVICES)}}}')


# ---- unknown members, flags, repeated members, dates (section 10) -------------------------------


def test_section10_an_unknown_member_anywhere_inside_is_malformed_naming_its_path():
    citizen = '{"birth_date": "2014-03-15", "guardians": [{"id": "g1", "nickname": "pappa"}]}'
    assert request_field(request_text(citizen=citizen)) == "citizen.guardians[0].nickname"
    actor = '{"kind": "guardian", "id": "g1", "role": "parent"}'
    assert request_field(request_text(actor=actor)) == "actor.role"


@pytest.mark.parametrize("flag", ["0", "1", '"false"', '"true"'])
def test_section10_a_flag_is_a_json_boolean(flag):
    citizen = f'{{"birth_date": "2014-03-15", "login_locked": {flag}, "guardians": [{{"id": "g1"}}]}}'
    assert request_field(request_text(citizen=citizen)) == "citizen.login_locked"
    actor = f'{{"kind": "guardian", "id": "g1", "journal_sealed": {flag}}}'
    assert request_field(request_text(actor=actor)) == "actor.journal_sealed"
    citizen = f'{{"birth_date": "2014-03-15", "guardians": [{{"id": "g1", "blocked": {flag}}}]}}'
    assert request_field(request_text(citizen=citizen)) == "citizen.guardians[0].blocked"


def test_section10_null_flag_is_the_default():
    citizen = '{"birth_date": "2014-03-15", "login_locked": null, "guardians": [{"id": "g1", "blocked": null}]}'
    assert Request.from_json(request_text(citizen=citizen)).evaluate().effect is pv.Effect.PERMIT


@pytest.mark.parametrize("citizen, actor, field", [
    ('{"birth_date": "2014-03-15", "guardians": [{"id": "g2", "id": "g1"}]}', None, "citizen.guardians[0].id"),
    ('{"birth_date": "2014-03-15", "birth_date": "2014-03-15", "guardians": [{"id": "g1"}]}', None,
     "citizen.birth_date"),
    (None, '{"kind": "other", "kind": "guardian", "id": "g1"}', "actor.kind"),
    (None, '{"kind": "guardian", "kind": "guardian", "id": "g1"}', "actor.kind"),
])
def test_section10_a_repeated_member_is_malformed_whichever_value_either_copy_holds(citizen, actor, field):
    assert request_field(request_text(citizen=citizen, actor=actor)) == field


def test_section10_a_repeated_top_level_member_of_a_request_is_malformed():
    text = request_text()[:-1] + ', "on": "2026-03-01"}'
    assert request_field(text) == "on"


def test_section10_a_vector_with_a_repeated_member_is_decided_as_malformed(tmp_path):
    vectors = ('[{"name": "a", "rules": ["V1"], "on": "2026-03-01", "citizen": '
               '{"birth_date": "2014-03-15", "guardians": [{"id": "g1", "id": "g1"}]}, "actor": '
               '{"kind": "guardian", "id": "g1"}, "service": {"kind": "e_services"}, "expect": '
               '{"effect": "deny", "reason": "INVALID_INPUT", "field": "citizen.guardians[0].id"}},'
               '{"name": "b", "comment": "a member of the vector itself is ignored", "on": "2026-03-01", '
               '"citizen": {"birth_date": "2014-03-15", "guardians": [{"id": "g1"}]}, "actor": '
               '{"kind": "guardian", "id": "g1"}, "service": {"kind": "e_services"}, "expect": '
               '{"effect": "permit", "reason": "GUARDIAN_PROXY"}}]')
    path = tmp_path / "v.json"
    path.write_text(vectors)
    loaded = conformance.load(path)
    assert [v.differences() for v in loaded] == [[], []]
    status, out, _ = run_cli("check", path)
    assert (status, out.splitlines()[-1]) == (0, "2 passed, 0 failed")


@pytest.mark.parametrize("text", ["2026-3-01", "20260301", "0000-01-01", "2026-03-01T00:00", " 2026-03-01",
                                  "2026-03-01 ", "\uff12026-03-01"])
def test_section10_a_date_is_exactly_yyyy_mm_dd_years_0001_to_9999(text):
    assert request_field(request_text(on=json.dumps(text))) == "on"


def test_section10_years_0001_and_9999_are_dates():
    citizen = '{"birth_date": "0001-01-01", "guardians": [{"id": "g1"}]}'
    decision = Request.from_json(request_text(citizen=citizen, on='"9999-12-31"')).evaluate()
    assert decision.reason is pv.Reason.PROXY_ENDED  # an adult's guardian (G1)


# ---- at (H5) ---------------------------------------------------------------------------------


@pytest.mark.parametrize("at, expected", [
    ("2027-03-14T23:30:00Z", "2027-03-15"),       # CET +01:00: already 15 March
    ("2027-03-14t23:30:00z", "2027-03-15"),       # T and Z may be lower case
    ("2027-03-14T22:59:59.999999999Z", "2027-03-14"),
    ("2027-03-14T23:00:00.5+00:00", "2027-03-15"),
    ("2027-03-15T00:30:00+01:00", "2027-03-15"),
    ("2027-03-14T18:00:00-05:00", "2027-03-15"),
    ("2026-12-31T23:59:60Z", "2027-01-01"),       # a leap second reads as 23:59:59 UTC
    ("2026-12-31T22:59:60Z", "2026-12-31"),       # 22:59:59 UTC is 23:59:59 in Sweden
    ("2027-03-14T23:30:00+23:59", "2027-03-14"),
    # Before 1900 the offset was +01:00:14 (from 1879): 22:59:50 UTC is 00:00:04 the next day.
    ("1885-06-01T22:59:50Z", "1885-06-02"),
    ("1899-06-01T22:59:50Z", "1899-06-02"),
    ("1899-06-01T22:59:40Z", "1899-06-01"),
    # Before 1879 local mean time, +01:12:12.
    ("1878-06-01T22:48:00Z", "1878-06-02"),
])
def test_h5_rfc3339_timestamps_and_their_date_in_sweden(at, expected):
    assert stockholm_date(at).isoformat() == expected


@pytest.mark.parametrize("at", [
    "2027-03-14 23:30:00Z",        # a space for T
    "2027-03-14T23:30:00+01:00:00",  # an offset with seconds
    "2027-03-14T23:30:00+0100",    # an offset without its colon
    "2027-03-14T23:30:00+01:60",   # offset minutes 60
    "2027-03-14T23:30:00+24:00",   # offset hours 24
    "2027-03-14T23:30Z",           # no seconds
    "2027-03-14T23:30:00.Z",       # a '.' without digits
    "20270314T233000Z",            # the basic format
    "2027-03-14T23:30:00",         # no offset
    "2027-03-14T24:00:00Z",
    "2027-03-14T23:60:00Z",
    "2027-03-14T23:30:61Z",
    "2027-02-29T12:00:00Z",
    "2027-03-14T23:30:00z ",
    "2027-03-14T23:30:00\uff3a",
    "2027-03-14",
    "",
    "0000-12-31T23:00:00Z",
    "9999-12-31T23:30:00Z",        # 1 January 10000 in Sweden
    "0001-01-01T00:30:00+01:00",   # 31 December of year 0 in UTC
])
def test_h5_other_timestamp_shapes_are_malformed_naming_at(at):
    with pytest.raises(pv.InvalidInput) as error:
        stockholm_date(at)
    assert error.value.field == "at"


def test_h5_a_leap_second_read_by_the_audit():
    records = read_records([json.dumps({"id": "c1", "citizen": CHILD})])
    line = json.dumps({"citizen": "c1", "at": "2027-03-14T23:59:60z", "actor": GUARDIAN, "service": E_SERVICES})
    found = [f.to_json() for f in audit(records, [line])]
    assert [(f["kind"], f["on"], f["reason"]) for f in found] == [("denied", "2027-03-15", "PROXY_ENDED")]


def test_h5_a_line_never_depends_on_the_lines_before_it_in_one_utc_hour_of_1885():
    # Both timestamps lie in the UTC hour 22 of 1 June 1885, on two Swedish dates (+01:00:14).
    records = read_records([json.dumps({"id": "c1", "citizen": {"birth_date": "1872-06-02", "guardians": [{"id": "g1"}]}})])
    lines = [json.dumps({"citizen": "c1", "at": at, "actor": GUARDIAN, "service": E_SERVICES})
             for at in ("1885-06-01T22:00:00Z", "1885-06-01T22:59:50Z")]
    run = audit(records, io.BytesIO("\n".join(lines).encode()))
    found = [f.to_json() for f in run]
    # 13th birthday 1885-06-02 (G1): the second access is on it, the first the day before.
    assert [(f["line"], f["on"]) for f in found] == [(2, "1885-06-02")]


# ---- the audit's lines: repeated members, BOM, CR LF -------------------------------------------


def audit_lines(lines, records=None):
    records = records or read_records([json.dumps({"id": "c1", "citizen": CHILD})])
    run = audit(records, lines)
    return [f.to_json() for f in run], run.summary.to_json()["summary"]


@pytest.mark.parametrize("text, field", [
    ('{"citizen": "c1", "on": "2027-03-15", "actor": {"kind": "other", "kind": "guardian", "id": "g1"}, '
     '"service": {"kind": "e_services"}}', "actor.kind"),
    ('{"citizen": "c1", "on": "2027-03-15", "on": "2027-03-15", "actor": {"kind": "guardian", "id": "g1"}, '
     '"service": {"kind": "e_services"}}', "on"),
    ('{"citizen": "x", "citizen": "c1", "on": "2027-03-15", "actor": {"kind": "guardian", "id": "g1"}, '
     '"service": {"kind": "e_services"}}', "citizen"),
    ('{"citizen": "c1", "on": "2027-03-15", "actor": {"kind": "guardian", "id": "g1", "nickname": "x"}, '
     '"service": {"kind": "e_services"}}', "actor.nickname"),
    ('{"citizen": "c1", "on": "2027-03-15", "actor": {"kind": "guardian", "id": "g1", "login_locked": 0}, '
     '"service": {"kind": "e_services"}}', "actor.login_locked"),
])
@pytest.mark.parametrize("as_stream", [False, True])
def test_h5_log_lines_are_strict_inside_actor_and_service(text, field, as_stream):
    good = json.dumps({"citizen": "c1", "on": "2027-03-15", "actor": GUARDIAN, "service": E_SERVICES})
    lines = [good, text, good]
    found, summary = audit_lines(io.BytesIO("\n".join(lines).encode()) if as_stream else lines)
    assert [(f["line"], f["kind"], f.get("field")) for f in found] == [
        (1, "denied", None), (2, "malformed", field), (3, "denied", None)]


def test_h5_a_log_lines_own_other_members_are_ignored_even_repeated():
    text = ('{"citizen": "c1", "on": "2027-03-15", "trace": 1, "trace": 2, '
            '"actor": {"kind": "guardian", "id": "g1"}, "service": {"kind": "e_services"}}')
    found, _ = audit_lines([text])
    assert [f["kind"] for f in found] == ["denied"]


@pytest.mark.parametrize("as_stream", [False, True])
def test_h5_a_bom_at_the_start_of_the_log_and_crlf_line_ends(as_stream):
    good = json.dumps({"citizen": "c1", "on": "2027-03-15", "actor": GUARDIAN, "service": E_SERVICES})
    data = b"\xef\xbb\xbf" + good.encode() + b"\r\n" + good.encode() + b"\r\n"
    lines = io.BytesIO(data) if as_stream else data.split(b"\n")[:2]
    found, summary = audit_lines(lines)
    assert [(f["line"], f["kind"]) for f in found] == [(1, "denied"), (2, "denied")]
    # Anywhere else a byte order mark is not white space: the line is malformed.
    found, _ = audit_lines([good.encode(), b"\xef\xbb\xbf" + good.encode()])
    assert [(f["line"], f["kind"]) for f in found] == [(1, "denied"), (2, "malformed")]


def test_h5_a_bom_at_the_start_of_the_records_and_crlf():
    data = (b"\xef\xbb\xbf" + json.dumps({"id": "c1", "citizen": CHILD}).encode() + b"\r\n"
            + json.dumps({"id": "c2", "citizen": CHILD}).encode() + b"\r\n")
    assert sorted(read_records(io.BytesIO(data))) == ["c1", "c2"]


def test_section10_a_record_line_is_strict():
    with pytest.raises(pv.InvalidInput) as error:
        read_records(['{"id": "c1", "id": "c2", "citizen": {"birth_date": "2014-03-15"}}'])
    assert error.value.field == "id"
    with pytest.raises(pv.InvalidInput) as error:
        read_records(['{"id": "c1", "citizen": {"birth_date": "2014-03-15", "seals": [{"scope": "whole", "scope": "whole"}]}}'])
    assert error.value.field == "citizen.seals[0].scope"


def test_h5_a_bom_at_the_start_of_a_vector_file_and_of_eval_input(tmp_path):
    request = request_text()
    path = tmp_path / "request.json"
    path.write_bytes(b"\xef\xbb\xbf" + request.replace("\n", "\r\n").encode())
    assert read_json(str(path))["on"] == "2026-03-01"
    status, out, err = run_cli("eval", path)
    assert status == 0 and json.loads(out)["reason"] == "GUARDIAN_PROXY", err
    vectors = tmp_path / "vectors.json"
    vector = json.loads(request)
    vector.update(name="bom", expect={"effect": "permit", "reason": "GUARDIAN_PROXY"})
    vectors.write_bytes(b"\xef\xbb\xbf[" + json.dumps(vector).encode() + b"]\r\n")
    status, out, _ = run_cli("check", vectors)
    assert (status, out.splitlines()[-1]) == (0, "1 passed, 0 failed")


# ---- caps checked while reading (section 8) ------------------------------------------------------


def test_section8_a_cap_is_refused_while_reading_naming_the_array():
    many = {"birth_date": "2014-03-15", "guardians": [{"id": f"g{i}"} for i in range(17)]}
    assert request_field(request_text(citizen=json.dumps(many))) == "citizen.guardians"
    many = {"birth_date": "2014-03-15", "guardians": [{"id": "g1", "blocked": [{}] * 257}]}
    assert request_field(request_text(citizen=json.dumps(many))) == "citizen.guardians[0].blocked"
    exactly = {"birth_date": "2014-03-15", "guardians": [{"id": f"g{i}"} for i in range(16)]}
    assert Request.from_json(request_text(citizen=json.dumps(exactly))).evaluate().effect is pv.Effect.PERMIT  # G1, under 13


_BOUNDED = textwrap.dedent("""
    import resource, subprocess, sys
    limit = int(sys.argv[1])
    def cap():
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    proc = subprocess.run(sys.argv[2:], preexec_fn=cap, capture_output=True, text=True, timeout=60)
    sys.stdout.write(str(proc.returncode) + "\\n" + proc.stdout + proc.stderr)
""")


def test_section8_a_60_mb_request_with_millions_of_guardians_is_refused_within_the_caps(tmp_path):
    # A 60 MB file: 3.5 million guardians. The reader must stop at the 17th, in memory bounded by
    # the caps: the command runs under an address-space limit far below what building the input
    # takes (2 GB before). Not a timing assertion: the limit bounds memory, the timeout only
    # keeps a broken reader from hanging the suite.
    path = tmp_path / "big.json"
    head = b'{"on": "2026-03-01", "actor": {"kind": "guardian", "id": "g1"}, "service": {"kind": "e_services"}, "citizen": {"birth_date": "2014-03-15", "guardians": ['
    one = b'{"id": "g1234567"},'
    with open(path, "wb") as f:
        f.write(head)
        f.write(one * (60 * 1024 * 1024 // len(one)))
        f.write(b'{"id": "g1"}]}}')
    assert os.path.getsize(path) > 60 * 1024 * 1024
    # The interpreter and the package with its extension take some 300 MB of address space
    # before reading anything; 200 MB more is the bound.
    limit = _address_space_of_import() + 200 * 1024 * 1024
    out = subprocess.run([sys.executable, "-c", _BOUNDED, str(limit), sys.executable, "-m", "portvakt", "eval", str(path)],
                         capture_output=True, text=True, timeout=120).stdout
    status, _, rest = out.partition("\n")
    assert status == "2", out
    assert "citizen.guardians: holds more than 16 guardians" in rest


def _address_space_of_import():
    """The address space (VmPeak) of an interpreter that has imported portvakt."""
    out = subprocess.run([sys.executable, "-c", "import portvakt, portvakt._cli\n"
                          "print([l for l in open('/proc/self/status') if l.startswith('VmPeak')][0].split()[1])"],
                         capture_output=True, text=True, check=True).stdout
    return int(out) * 1024


def test_section8_a_vector_file_keeps_its_other_vectors_when_one_is_past_a_cap(tmp_path):
    vector = json.loads(request_text())
    vector["citizen"]["guardians"] = [{"id": f"g{i}"} for i in range(5000)]
    vector.update(name="past the cap", expect={"effect": "deny", "reason": "INVALID_INPUT", "field": "citizen.guardians"})
    other = json.loads(request_text())
    other.update(name="fine", expect={"effect": "permit", "reason": "GUARDIAN_PROXY"})
    path = tmp_path / "v.json"
    path.write_text(json.dumps([vector, other]))
    loaded = conformance.load(path)
    assert [v.differences() for v in loaded] == [[], []]


def test_section8_the_scan_gives_the_same_text_whatever_the_blocks():
    # The scan reads a file in blocks: strings with escapes and brackets, arrays past their caps
    # (cut to one element past the cap) and objects across block boundaries give the same text.
    import random
    from portvakt._reading import Scan

    rng = random.Random(3)

    def text():
        return "".join(rng.choice(['a', '\\', '"', '[', ']', '{', '}', ',', '\n', '\u00e9']) for _ in range(rng.randint(0, 6)))

    citizen = {"birth_date": "2014-03-15",
               "guardians": [{"id": text(), "blocked": [{"from": text(), "x": [[{}], []]}] * (300 if i == 1 else 1)}
                             for i in range(40)],
               "seals": [{"scope": "unit", "unit": text()}] * 1100}
    data = json.dumps([{"name": "x", "citizen": citizen, "expect": {}}, {"name": "y\\\"[", "citizen": {"guardians": []}}],
                      ensure_ascii=False).encode()
    whole = Scan()
    whole.feed(data)
    reference = whole.text()
    read = json.loads(reference)
    assert len(read[0]["citizen"]["guardians"]) == 17  # 16 and one past the cap
    assert len(read[0]["citizen"]["guardians"][1]["blocked"]) == 257
    assert len(read[0]["citizen"]["seals"]) == 1025
    assert read[1] == {"name": "y\\\"[", "citizen": {"guardians": []}}
    for size in list(range(1, 60)) + [97, 1000, 4096]:
        scan = Scan()
        for i in range(0, len(data), size):
            scan.feed(data[i:i + size])
        assert scan.text() == reference, size


def test_section8_a_60_mb_vector_file_past_a_cap_is_read_in_bounded_memory(tmp_path):
    path = tmp_path / "big.json"
    head = (b'[{"name": "millions", "rules": ["V1"], "on": "2026-03-01", "actor": {"kind": "guardian", "id": "g1"}, '
            b'"service": {"kind": "e_services"}, "expect": {"effect": "deny", "reason": "INVALID_INPUT", '
            b'"field": "citizen.guardians"}, "citizen": {"birth_date": "2014-03-15", "guardians": [')
    one = b'{"id": "g1234567"},'
    with open(path, "wb") as f:
        f.write(head)
        f.write(one * (60 * 1024 * 1024 // len(one)))
        f.write(b'{"id": "g1"}]}}]')
    # The file itself is held (60 MB); what is built from it is bounded by the caps.
    limit = _address_space_of_import() + 200 * 1024 * 1024
    out = subprocess.run([sys.executable, "-c", _BOUNDED, str(limit), sys.executable, "-m", "portvakt", "check", str(path)],
                         capture_output=True, text=True, timeout=300).stdout
    assert out.splitlines()[:2] == ["0", "1 passed, 0 failed"], out
