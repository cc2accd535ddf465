"""Edges of the command line (issue 19): a malformed member of FILE is an error even when an
option stands in for it; a closed or full standard output is one line and exit status 2 naming
standard output, for every command, never a traceback."""

import json
import subprocess
import sys

import pytest

from conftest import SOURCE_ROOT, run_cli

HOUSEHOLD = SOURCE_ROOT / "examples" / "household.json"
REQUEST = SOURCE_ROOT / "examples" / "request.json"
RECORDS = SOURCE_ROOT / "examples" / "audit" / "records.jsonl"
LOG = SOURCE_ROOT / "examples" / "audit" / "log.jsonl"

COMMANDS = {
    "eval": ["eval", REQUEST],
    "explain": ["explain", REQUEST],
    "check": ["check", SOURCE_ROOT / "examples" / "vectors.json"],
    "pnr": ["pnr", "19121212-1212", "--on", "2026-11-22"],
    "who": ["who", HOUSEHOLD],
    "timeline": ["timeline", HOUSEHOLD, "--actor", "anna", "--service", "journal",
                 "--from", "2012-03-14", "--to", "2030-03-14"],
    "advise": ["advise", HOUSEHOLD],
    "plan": ["plan", HOUSEHOLD, "--goal", "guardian:bertil"],
    "may": ["may", HOUSEHOLD, "--requester", "central_support", "--action", "unseal", "--measure", "0"],
    "audit": ["audit", RECORDS, LOG],
    "help": ["--help"],
    "version": ["--version"],
}


def with_member(tmp_path, **members):
    data = json.loads(HOUSEHOLD.read_text(encoding="utf-8"))
    data.update(members)
    path = tmp_path / "file.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize("on", ["2026-13-01", "2027-02-29", 20261122, "yesterday"])
def test_timeline_refuses_a_malformed_on_in_file_though_it_does_not_need_it(tmp_path, on):
    path = with_member(tmp_path, on=on)
    status, out, err = run_cli("timeline", path, "--actor", "anna", "--service", "journal",
                               "--from", "2012-03-14", "--to", "2030-03-14")
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and ": on: " in err, err


def test_who_refuses_a_malformed_on_in_file_though_on_is_given(tmp_path):
    path = with_member(tmp_path, on="2026-02-30")
    status, out, err = run_cli("who", path, "--on", "2028-03-14")
    assert status == 2 and out == "" and ": on: " in err and err.count("\n") == 1


def test_an_option_refuses_a_malformed_argument_member_it_stands_in_for(tmp_path):
    path = with_member(tmp_path, to="2030-02-31", actor=7)
    status, _, err = run_cli("timeline", path, "--actor", "anna", "--service", "journal",
                             "--from", "2012-03-14", "--to", "2030-03-14")
    assert status == 2 and (": to: " in err or ": actor: " in err), err


def test_a_well_formed_on_in_file_still_gives_way_to_the_option(tmp_path):
    path = with_member(tmp_path, on="2026-11-30")
    status, out, err = run_cli("who", path, "--on", "2028-03-14")
    assert status == 0, err
    assert "2028-03-14" in out


def run_to(stdout_setup, argv):
    """Runs the command with its standard output closed ('closed') or on /dev/full ('full')."""
    command = [sys.executable, "-m", "portvakt", *map(str, argv)]
    if stdout_setup == "closed":
        command = ["sh", "-c", 'exec "$@" >&-', "sh", *command]
        return subprocess.run(command, capture_output=False, stderr=subprocess.PIPE, text=True,
                              cwd=SOURCE_ROOT, timeout=120)
    with open("/dev/full", "w") as full:
        return subprocess.run(command, stdout=full, stderr=subprocess.PIPE, text=True,
                              cwd=SOURCE_ROOT, timeout=120)


@pytest.mark.parametrize("how", ["closed", "full"])
@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_a_closed_or_full_standard_output_is_one_line_and_status_2(how, name):
    proc = run_to(how, COMMANDS[name])
    assert proc.returncode == 2, (proc.returncode, proc.stderr)
    assert proc.stderr.count("\n") == 1, proc.stderr
    assert proc.stderr.startswith("portvakt: standard output"), proc.stderr
    assert "Traceback" not in proc.stderr and "Exception" not in proc.stderr


def test_a_pipe_closed_by_its_reader_is_still_a_quiet_end():
    # `portvakt audit ... | head -1`: the reader stops early; not an error of LOG.
    command = f'"{sys.executable}" -m portvakt audit "{RECORDS}" "{LOG}" | head -c 1 >/dev/null; ' \
              'exit ${PIPESTATUS[0]}'
    proc = subprocess.run(["bash", "-c", command], stderr=subprocess.PIPE, text=True, timeout=120)
    assert proc.returncode in (0, 1), proc.stderr  # 1: the example log has findings
    assert proc.stderr == ""
