"""The command line never shows a traceback: every input, argument and signal gives one line on
standard error naming the field or the problem and exit status 2 (130 on Ctrl-C, quietly; a closed
standard output quietly). The documented limits: an input of at most 64 MiB, nested at most 64
deep. And `portvakt check`: every rule id of RULES.md, expect.field, the vectors of beyond/.

Expected values come from RULES.md (sections 8 and 10), tests/conformance/beyond/README.md and
the documented contract of the command line (portvakt._cli)."""

import copy
import io
import json
import os
import signal
import subprocess
import sys
import time

import pytest
from conftest import CONFORMANCE_DIR, SOURCE_ROOT, run_cli
from test_json import EXAMPLE, request_part

from portvakt._cli import main

HOUSEHOLD = SOURCE_ROOT / "examples" / "household.json"
REQUEST = SOURCE_ROOT / "examples" / "request.json"
MIB = 1024 * 1024


def run(*argv, stdin=""):
    """(status, stdout, stderr) of main(argv) in this process; 'stdin' text or bytes."""
    out, err = io.StringIO(), io.StringIO()
    data = stdin.encode("utf-8", "surrogatepass") if isinstance(stdin, str) else stdin
    status = main([str(a) for a in argv], out=out, err=err,
                  stdin=io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    return status, out.getvalue(), err.getvalue()


def one_line(err):
    """The one line of a status-2 error: 'portvakt: ...' and nothing else."""
    assert err.startswith("portvakt: ") and err.endswith("\n") and err.count("\n") == 1, err
    assert "Traceback" not in err and "internal error" not in err, err
    return err


# ---- a lone surrogate in an id, a unit, a personnummer (API and command line) ------------------


def _with(path, value):
    obj = request_part(EXAMPLE)
    if path == "citizen.guardians[0].id":
        obj["citizen"]["guardians"][0]["id"] = value
        obj["actor"]["id"] = value
    elif path == "service.unit":
        obj["service"] = {"kind": "journal", "unit": value}
    elif path == "citizen.personnummer":
        obj["citizen"]["personnummer"] = value
    return obj


SURROGATE_FIELDS = ["citizen.guardians[0].id", "service.unit", "citizen.personnummer"]


@pytest.mark.parametrize("path", SURROGATE_FIELDS)
def test_a_lone_surrogate_is_invalid_input_naming_the_field_cli(path):
    # The JSON text spells the surrogate as \ud800 (json.dumps escapes it so).
    text = json.dumps(_with(path, "g\ud800"))
    assert "\\ud800" in text
    for command in ("eval", "explain"):
        status, out, err = run(command, "-", stdin=text)
        assert status == 2 and out == ""
        assert f": {path}: " in one_line(err)


@pytest.mark.parametrize("path", SURROGATE_FIELDS)
def test_a_lone_surrogate_is_invalid_input_naming_the_field_api(path):
    from portvakt.conformance import Request
    import portvakt as pv

    with pytest.raises(pv.InvalidInput) as info:
        Request.from_json(json.dumps(_with(path, "g\ud800")))
    assert info.value.field == path


def test_a_lone_surrogate_in_a_conformance_vector_is_the_fail_closed_decision():
    from portvakt.conformance import Vector

    vector = dict(copy.deepcopy(EXAMPLE), **_with("service.unit", "\udcff"))
    vector["expect"] = {"effect": "deny", "reason": "INVALID_INPUT", "field": "service.unit"}
    assert Vector.from_json(vector).differences() == []


def test_a_lone_surrogate_in_the_file_of_a_question():
    obj = json.loads(HOUSEHOLD.read_text("utf-8"))
    obj["citizen"]["guardians"][0]["id"] = "\ud800"
    status, out, err = run("who", "-", stdin=json.dumps(obj))
    assert status == 2 and ": citizen.guardians[0].id: " in one_line(err)
    obj = json.loads(HOUSEHOLD.read_text("utf-8"))
    obj["goal"] = "guardian:\ud800"
    status, out, err = run("plan", "-", stdin=json.dumps(obj))
    assert status == 2 and ": goal: " in one_line(err)


def test_a_byte_that_is_not_utf8_in_the_argument_of_pnr():
    # A subprocess: the byte 0xff in argv reaches Python as the lone surrogate \udcff.
    proc = subprocess.run([sys.executable, "-m", "portvakt", "pnr", b"\xff", "--on", "2026-01-01"],
                          capture_output=True, timeout=120)
    assert proc.returncode == 2 and proc.stdout == b""
    err = one_line(proc.stderr.decode("utf-8"))
    assert "NUMBER" in err and "UTF-8" in err


@pytest.mark.parametrize("option", ["--unit", "--actor"])
def test_a_lone_surrogate_in_an_option(option):
    argv = ["timeline", HOUSEHOLD, "--actor", "anna", "--service", "journal", "--from", "2020-01-01",
            "--to", "2021-01-01", option, "x\udcff"]
    status, out, err = run(*argv)
    assert status == 2 and option in one_line(err)


def test_a_text_input_that_is_not_utf8():
    status, _, err = run("eval", "-", stdin=b'{"on": "\xff"}')
    assert status == 2 and "not UTF-8" in one_line(err)


# ---- numbers, sizes, depth ----------------------------------------------------------------------


def test_may_with_a_measure_too_large_for_any_index():
    status, out, err = run("may", HOUSEHOLD, "--requester", "care", "--action", "unseal",
                           "--measure", "99999999999999999999999999")
    assert status == 2 and out == "" and "--measure" in one_line(err)
    obj = json.loads(HOUSEHOLD.read_text("utf-8"))
    obj.update(requester="care", action="unseal", measure=10**30)
    status, _, err = run("may", "-", stdin=json.dumps(obj))
    assert status == 2 and ": measure: " in one_line(err)
    for bad in (-1, True, 1.5, "0"):
        obj["measure"] = bad
        status, _, err = run("may", "-", stdin=json.dumps(obj))
        assert status == 2 and ": measure: " in one_line(err)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_dev_zero_is_refused_at_the_limit_without_reading_it_whole():
    started = time.monotonic()
    status, out, err = run("eval", "/dev/zero")
    assert status == 2 and out == ""
    assert "larger than 64 MiB" in one_line(err)
    assert time.monotonic() - started < 20


def test_an_endless_standard_input_is_read_only_up_to_the_limit():
    class Endless(io.RawIOBase):
        given = 0

        def readable(self):
            return True

        def readinto(self, buffer):
            buffer[:] = b" " * len(buffer)
            Endless.given += len(buffer)
            return len(buffer)

    out, err = io.StringIO(), io.StringIO()
    stdin = io.TextIOWrapper(io.BufferedReader(Endless()), encoding="utf-8")
    assert main(["eval", "-"], out=out, err=err, stdin=stdin) == 2
    assert "larger than 64 MiB" in one_line(err.getvalue())
    assert Endless.given <= 66 * MIB


def test_an_input_just_under_the_limit_is_read():
    text = json.dumps(request_part(EXAMPLE))
    text += " " * (64 * MIB - len(text))
    status, out, _ = run("eval", "-", stdin=text)
    assert status == 0 and json.loads(out)["reason"] == "PROXY_ENDED"


@pytest.mark.parametrize("depth", [65, 1000, 100_000])
def test_nesting_deeper_than_64_is_refused(depth):
    for text in ("[" * depth + "]" * depth, '{"a":' * depth + "1" + "}" * depth):
        status, out, err = run("eval", "-", stdin=text)
        assert status == 2 and out == ""
        assert "nested deeper than 64" in one_line(err)


def test_nesting_of_64_is_parsed_and_brackets_in_strings_do_not_count():
    status, _, err = run("eval", "-", stdin="[" * 64 + "]" * 64)
    assert status == 2 and "nested" not in one_line(err)  # parsed: then not a request object
    obj = request_part(EXAMPLE)
    obj["citizen"]["guardians"][0]["id"] = "[" * 200  # not an id (section 8), but not deep
    status, _, err = run("eval", "-", stdin=json.dumps(obj))
    assert status == 2 and "citizen.guardians[0].id" in one_line(err)


# ---- signals and streams ------------------------------------------------------------------------


def _env(**extra):
    env = dict(os.environ)
    env.update(extra)
    return env


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_ctrl_c_exits_130_quietly():
    proc = subprocess.Popen([sys.executable, "-m", "portvakt", "eval", "-"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(2.0)  # the command is waiting for standard input
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    proc.stdin.close() if not proc.stdin.closed else None
    assert proc.returncode == 130
    assert out == b"" and err == b""


def test_a_closed_standard_output_exits_quietly():
    proc = subprocess.Popen([sys.executable, "-m", "portvakt", "check", "-v", str(CONFORMANCE_DIR)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.readline()
    proc.stdout.close()  # as `| head -1` does
    err = proc.stderr.read()
    proc.wait(timeout=120)
    proc.stderr.close()
    assert err == b""
    assert proc.returncode == 0


def test_output_survives_an_ascii_terminal():
    env = _env(PYTHONIOENCODING="ascii")
    # explain writes a dash (U+2014) and Swedish text.
    proc = subprocess.run([sys.executable, "-m", "portvakt", "explain", str(REQUEST)],
                          capture_output=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == b"" and proc.stdout.isascii() and b"\\u2014" in proc.stdout
    # JSON output stays JSON: pure ASCII, the same values.
    argv = [sys.executable, "-m", "portvakt", "plan", str(HOUSEHOLD), "--goal", "guardian:bertil", "--json"]
    ascii_run = subprocess.run(argv, capture_output=True, env=env, timeout=120)
    utf8_run = subprocess.run(argv, capture_output=True, env=_env(PYTHONIOENCODING="utf-8"), timeout=120)
    assert ascii_run.returncode == 0 and ascii_run.stdout.isascii()
    assert json.loads(ascii_run.stdout) == json.loads(utf8_run.stdout)
    # An error naming a non-ASCII value stays one line too.
    proc = subprocess.run([sys.executable, "-m", "portvakt", "pnr", "1912121\u00e5-1212"],
                          capture_output=True, env=env, timeout=120)
    assert proc.returncode == 2
    one_line(proc.stderr.decode("ascii"))


def test_usage_errors_are_one_line():
    for argv in ([], ["frobnicate"], ["eval", "a", "b"], ["timeline"], ["may", "x", "--measure", "x"],
                 ["explain", "--language", "de", "-"], ["pnr"]):
        status, out, err = run(*argv)
        assert status == 2, argv
        one_line(err)


# ---- clearer errors -----------------------------------------------------------------------------


def test_timeline_from_before_the_birth_names_from_not_on():
    # V1 (section 8): a birth date after the date asked; timeline has no 'on', its date is 'from'.
    status, out, err = run("timeline", HOUSEHOLD, "--actor", "self", "--service", "journal",
                           "--from", "2000-01-01", "--to", "2030-01-01")
    assert status == 2 and out == ""
    assert ": citizen.birth_date: is after from" in one_line(err)
    assert "after on" not in err


def test_may_unseal_without_a_measure_says_it_is_required():
    status, out, err = run("may", HOUSEHOLD, "--requester", "central_support", "--action", "unseal")
    assert status == 2 and out == ""
    assert ": measure: is required" in one_line(err)
    assert "does not name" not in err


# ---- --help -------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["eval", "explain", "check", "pnr", "who", "timeline", "advise",
                                     "plan", "may"])
def test_help_shows_an_example_and_that_file_may_be_dash(command):
    status, out, err = run(command, "--help")
    assert status == 0 and err == ""
    assert "example:\n  portvakt " + command in out
    assert "FILE may be - (standard input)" in out


# ---- portvakt check -----------------------------------------------------------------------------


def _check(tmp_path, vectors, *options):
    path = tmp_path / "vectors.json"
    path.write_text(json.dumps(vectors), encoding="utf-8")
    return run("check", *options, path)


@pytest.mark.parametrize("rule", ["M-ALL", "M-GUARD", "M-PROT", "M-13", "X4", "H2", "N7", "M1"])
def test_check_accepts_every_rule_id_of_rules_md(tmp_path, rule):
    vector = dict(copy.deepcopy(EXAMPLE), rules=["G1", rule])
    status, out, err = _check(tmp_path, [vector])
    assert (status, err) == (0, "")
    assert out.splitlines()[-1] == "1 passed, 0 failed"


def test_check_refuses_an_id_rules_md_does_not_define(tmp_path):
    vector = dict(copy.deepcopy(EXAMPLE), rules=["G1", "Q9"])
    status, _, err = _check(tmp_path, [vector])
    assert status == 2 and "[0].rules[1]" in one_line(err)


def test_check_compares_expect_field(tmp_path):
    # Section 8: a seal interval whose start is after its end, named by its path.
    vector = copy.deepcopy(EXAMPLE)
    vector["citizen"]["seals"][0]["active"] = {"from": "2026-02-01", "until": "2026-01-01"}
    vector["expect"] = {"effect": "deny", "reason": "INVALID_INPUT", "reasons": ["INVALID_INPUT"],
                        "field": "citizen.seals[0].active.from"}
    status, out, _ = _check(tmp_path, [vector])
    assert status == 0 and out.splitlines()[-1] == "1 passed, 0 failed"
    vector["expect"]["field"] = "citizen.seals[0].active.until"
    status, out, _ = _check(tmp_path, [vector])
    assert status == 1 and out.splitlines()[-1] == "0 passed, 1 failed"
    assert 'field: expected "citizen.seals[0].active.until", got "citizen.seals[0].active.from"' in out


def _count(directory):
    total = 0
    for top, _, names in os.walk(directory):
        for name in names:
            if name.endswith(".json"):
                # utf-8-sig: a byte order mark at the start of a file is ignored (H5).
                with open(os.path.join(top, name), encoding="utf-8-sig") as f:
                    data = json.load(f)
                # An audit case (audit/*/case.json, an object naming its files) is one case.
                total += 1 if isinstance(data, dict) else len(data)
    return total


@pytest.mark.skipif(not CONFORMANCE_DIR.is_dir(), reason="no tests/conformance")
def test_check_runs_every_vector_including_beyond():
    status, out, err = run("check", CONFORMANCE_DIR)
    assert (status, err) == (0, ""), out
    assert out.splitlines()[-1] == f"{_count(CONFORMANCE_DIR)} passed, 0 failed"
    status, out, _ = run("check", "-v", CONFORMANCE_DIR / "beyond")
    assert status == 0
    assert out.splitlines()[-1] == f"{_count(CONFORMANCE_DIR / 'beyond')} passed, 0 failed"
    assert f"beyond{os.sep}may.json [0])" in out


@pytest.mark.skipif(not CONFORMANCE_DIR.is_dir(), reason="no tests/conformance")
def test_check_fails_a_wrong_beyond_expectation(tmp_path):
    with open(CONFORMANCE_DIR / "beyond" / "may.json", encoding="utf-8") as f:
        vectors = json.load(f)
    allowed = next(v for v in vectors if isinstance(v["expect"], dict) and "allowed" in v["expect"])
    wrong = copy.deepcopy(allowed)
    wrong["name"] = "deliberately wrong"
    wrong["expect"]["allowed"] = not wrong["expect"]["allowed"]
    status, out, _ = _check(tmp_path, [allowed, wrong])
    assert status == 1 and out.splitlines()[-1] == "1 passed, 1 failed"
    assert "FAIL deliberately wrong" in out and "expect.allowed: expected" in out
    # An expected error whose field differs.
    with open(CONFORMANCE_DIR / "beyond" / "plan.json", encoding="utf-8") as f:
        plans = json.load(f)
    error = next(v for v in plans if "field" in v["expect"])
    other = dict(copy.deepcopy(error), name="wrong field")
    other["expect"]["field"] = "goal.unit"
    status, out, _ = _check(tmp_path, [error, other])
    assert status == 1 and 'field: expected "goal.unit"' in out


def test_check_reads_standard_input():
    status, out, _ = run("check", "-", stdin=json.dumps([EXAMPLE]))
    assert status == 0 and out.splitlines()[-1] == "1 passed, 0 failed"


def test_conformance_types_live_in_portvakt_conformance():
    from portvakt import conformance

    for name in ("Request", "Vector", "Expect", "Difference", "load_vectors", "BeyondVector", "load"):
        assert hasattr(conformance, name), name
    vectors = conformance.load(CONFORMANCE_DIR / "beyond" / "who.json")
    assert vectors and all(isinstance(v, conformance.BeyondVector) for v in vectors)
    assert all(v.differences() == [] for v in vectors)


def test_the_cli_modules_form_no_import_circle():
    # The command line is one module: the former portvakt._beyond_cli is merged into it.
    # (Checked in the source tree: a build tree may keep a stale copy of a removed module.)
    assert not (SOURCE_ROOT / "bindings" / "python" / "portvakt" / "_beyond_cli.py").exists()
    source = (SOURCE_ROOT / "bindings" / "python" / "portvakt" / "conformance.py").read_text("utf-8")
    assert "_cli" not in source
