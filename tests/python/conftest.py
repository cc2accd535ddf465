"""Shared fixtures of the Python suites. Run by `meson test` with PYTHONPATH set to the build's
package directory; expected values come from RULES.md (rule ids in test names or comments)."""

import os
import sys
from datetime import date
from pathlib import Path

import pytest

import portvakt as pv

SOURCE_ROOT = Path(os.environ.get("PORTVAKT_SOURCE_ROOT", Path(__file__).resolve().parents[2]))
CONFORMANCE_DIR = SOURCE_ROOT / "tests" / "conformance"

PSYCHIATRY = "SE2321000016-7PSY"
CHILD_HEALTH = "SE2321000016-1BHV"
ON = date(2026, 11, 22)


@pytest.fixture
def household() -> pv.Citizen:
    """A child of 12 and a half on ON (born 2014-05-22, 13 on 2027-05-22), guardians anna and
    bertil (blocked), the psychiatry unit sealed since 2026-09-01, and a direct-access grant for
    anna at the child health unit from the 13th birthday."""
    return pv.Citizen(
        birth_date=date(2014, 5, 22),
        guardians=[pv.Guardian("anna"), pv.Guardian("bertil", blocked=True)],
        seals=[pv.Seal.for_unit(PSYCHIATRY, active=pv.Interval(date(2026, 9, 1)))],
        grants=[pv.Grant(CHILD_HEALTH, holder="anna", from_=date(2027, 5, 22))],
    )


def run_cli(*args, stdin=None):
    """Runs `python -m portvakt ARGS` in a subprocess; returns (status, stdout, stderr)."""
    import subprocess

    proc = subprocess.run(
        [sys.executable, "-m", "portvakt", *map(str, args)],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return proc.returncode, proc.stdout, proc.stderr


def read_record(record):
    """The members of a decision record (the bytes of one pv_outcome) as the C library lays them
    out (pv_layout), read independently of the package's decoder."""
    from portvakt import cportvakt as c

    at = c.layout

    def number(offset, size, signed=False):
        return int.from_bytes(record[offset:offset + size], sys.byteorder, signed=signed)

    dated = at(c.LAYOUT_OUTCOME_CHANGES_ON)
    year = number(dated + at(c.LAYOUT_DATE_YEAR), 2, True)
    rules_at = at(c.LAYOUT_OUTCOME_REASON_RULES)
    return {
        "reasons": number(at(c.LAYOUT_OUTCOME_REASONS), 4),
        "changes_on": date(year, record[dated + at(c.LAYOUT_DATE_MONTH)],
                           record[dated + at(c.LAYOUT_DATE_DAY)]) if year else None,
        "effect": record[at(c.LAYOUT_OUTCOME_EFFECT)],
        "reason": record[at(c.LAYOUT_OUTCOME_REASON)],
        "rule": record[at(c.LAYOUT_OUTCOME_RULE)],
        "filtered": bool(record[at(c.LAYOUT_OUTCOME_FILTERED)]),
        "reason_rules": record[rules_at:rules_at + at(c.LAYOUT_REASON_MAX)],
    }
