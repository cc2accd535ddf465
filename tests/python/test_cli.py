"""The command line `python3 -m portvakt`, run as a subprocess."""

import copy
import json

import pytest
from conftest import CONFORMANCE_DIR, run_cli
from test_json import EXAMPLE, request_part


@pytest.fixture
def request_file(tmp_path):
    path = tmp_path / "request.json"
    path.write_text(json.dumps(request_part(EXAMPLE)), encoding="utf-8")
    return path


def test_eval_prints_the_decision_as_json(request_file):
    status, out, err = run_cli("eval", request_file)
    assert status == 0, err
    # G1: the example of RULES.md section 10.
    assert json.loads(out) == {"effect": "deny", "reason": "PROXY_ENDED", "reasons": ["PROXY_ENDED"],
                               "rule": "G1", "filtered": False, "changes_on": None}


def test_eval_reads_stdin():
    obj = request_part(EXAMPLE)
    obj["on"] = "2026-03-03"  # G1: the day before the 13th birthday
    status, out, _ = run_cli("eval", "-", stdin=json.dumps(obj))
    assert status == 0
    d = json.loads(out)
    assert (d["effect"], d["reason"], d["changes_on"]) == ("permit", "GUARDIAN_PROXY", "2026-03-04")
    status, out, _ = run_cli("eval", stdin=json.dumps(obj))
    assert status == 0 and json.loads(out)["reason"] == "GUARDIAN_PROXY"


@pytest.mark.parametrize("text, field", [
    ("{not json", "not valid JSON"),
    (json.dumps(dict(request_part(EXAMPLE), extra=1)), "extra: is not a known field"),
    (json.dumps(dict(request_part(EXAMPLE), on="2023-02-29")), "on: is not a date that exists"),
    (json.dumps(dict(request_part(EXAMPLE), on="2000-01-01")), "citizen.birth_date: "),  # V1: born after on
])
def test_eval_bad_input_is_one_line_and_exit_2(text, field):
    status, out, err = run_cli("eval", "-", stdin=text)
    assert status == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("portvakt: ")
    assert field in err


def test_eval_wrong_type_names_the_field():
    obj = request_part(EXAMPLE)
    obj["citizen"]["guardians"][0]["blocked"] = "no"
    status, _, err = run_cli("eval", "-", stdin=json.dumps(obj))
    assert status == 2 and "citizen.guardians[0].blocked" in err


def test_eval_missing_file():
    status, _, err = run_cli("eval", "/nonexistent/request.json")
    assert status == 2 and err.count("\n") == 1


def test_check_passes_and_fails(tmp_path):
    good = tmp_path / "good.json"
    good.write_text(json.dumps([EXAMPLE]), encoding="utf-8")
    status, out, _ = run_cli("check", good)
    assert status == 0
    assert out.splitlines()[-1] == "1 passed, 0 failed"

    wrong = copy.deepcopy(EXAMPLE)
    wrong["name"] = "deliberately wrong"
    wrong["expect"]["reason"] = "GUARDIAN_PROXY"
    wrong["expect"]["effect"] = "permit"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps([EXAMPLE, wrong]), encoding="utf-8")
    status, out, _ = run_cli("check", good, bad)
    assert status == 1
    lines = out.splitlines()
    assert lines[-1] == "2 passed, 1 failed"
    fail = lines.index(next(line for line in lines if line.startswith("FAIL")))
    assert "deliberately wrong" in lines[fail] and "bad.json" in lines[fail]
    assert 'effect: expected "permit", got "deny"' in out
    assert 'reason: expected "GUARDIAN_PROXY", got "PROXY_ENDED"' in out


def test_check_a_directory_and_broken_files(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps([EXAMPLE]), encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps([EXAMPLE, EXAMPLE]), encoding="utf-8")
    status, out, _ = run_cli("check", tmp_path)
    assert status == 0 and out.splitlines()[-1] == "3 passed, 0 failed"
    broken = copy.deepcopy(EXAMPLE)
    broken["expect"]["colour"] = "red"
    (tmp_path / "c.json").write_text(json.dumps([broken]), encoding="utf-8")
    status, out, err = run_cli("check", tmp_path / "c.json")
    assert status == 2 and "[0].expect.colour" in err and err.count("\n") == 1


@pytest.mark.skipif(not CONFORMANCE_DIR.is_dir(), reason="no tests/conformance")
def test_check_the_conformance_vectors():
    status, out, _ = run_cli("check", CONFORMANCE_DIR)
    assert status == 0, out
    assert out.splitlines()[-1].endswith(" passed, 0 failed")


def test_explain(request_file):
    status, out, err = run_cli("explain", request_file)
    assert status == 0, err
    assert out.startswith("DENY: the guardian 'g1' may not reach the e-services")
    assert "PROXY_ENDED — rule G1 (seed 001)" in out
    assert "Changes on: never" in out
    assert "Message shown to the guardian (sv): " in out


def test_explain_permit_with_changes_on_and_english():
    obj = request_part(EXAMPLE)
    obj["on"] = "2026-03-03"
    status, out, _ = run_cli("explain", "--language", "en", "-", stdin=json.dumps(obj))
    assert status == 0
    assert out.startswith("PERMIT: ")
    assert "GUARDIAN_PROXY — rule G1 (seed 001)" in out
    assert "Changes on: 2026-03-04" in out


def test_explain_hides_protective_measures_from_the_guardian():
    # M1: a blocked guardian is shown the generic message, never the block.
    obj = request_part(EXAMPLE)
    obj["on"] = "2020-01-01"
    obj["citizen"]["guardians"][0]["blocked"] = True
    status, out, _ = run_cli("explain", "-", stdin=json.dumps(obj))
    assert status == 0
    assert "GUARDIAN_BLOCKED — rule G3" in out
    shown = [line for line in out.splitlines() if line.startswith("Message shown")][0]
    assert "Uppgifterna kan inte visas via 1177." in shown
    assert "block" not in shown.lower()


def test_pnr():
    # N1, N2, A1: 19121212-1212 is a valid personnummer; 113 on 2026-11-22.
    status, out, _ = run_cli("pnr", " 19121212-1212 ", "--on", "2026-11-22")
    assert status == 0
    assert "kind:       personnummer" in out
    assert "birth date: 1912-12-12" in out
    assert "normalised: 191212121212" in out
    assert "age on 2026-11-22: 113" in out


def test_pnr_samordningsnummer_and_century():
    # N3: day 61-91 is a samordningsnummer, birth day less 60; N4: '+' is 100 years earlier.
    status, out, _ = run_cli("pnr", "701063-2391", "--on", "2026-01-01", "--json")
    assert status == 0
    data = json.loads(out)
    assert (data["kind"], data["birth_date"], data["normalized"]) == ("samordningsnummer", "1970-10-03",
                                                                     "197010632391")
    status, out, _ = run_cli("pnr", "121212+1212", "--on", "2026-01-01", "--json")
    assert json.loads(out)["birth_date"] == "1912-12-12"


def test_pnr_errors_and_interim():
    status, _, err = run_cli("pnr", "19121212-1213", "--on", "2026-01-01")
    assert status == 2 and err.count("\n") == 1
    status, _, err = run_cli("pnr", "19121212-1212", "--on", "2026-02-30")
    assert status == 2 and "--on" in err
    # N7: an interim number only with --interim, and reported as its own kind.
    # 20000101-T220 is a valid interim number of the shared peer data (interim.json).
    status, _, _ = run_cli("pnr", "20000101-T220", "--on", "2026-01-01")
    assert status == 2
    status, out, _ = run_cli("pnr", "20000101-T220", "--on", "2026-01-01", "--interim")
    assert status == 0
    assert "kind:       interim" in out and "birth date: 2000-01-01" in out


def test_pnr_without_on_uses_today():
    status, out, _ = run_cli("pnr", "19121212-1212")
    assert status == 0 and "age on " in out


def test_usage_errors_exit_2():
    assert run_cli()[0] == 2
    assert run_cli("frobnicate")[0] == 2
    assert run_cli("--version")[0] == 0
