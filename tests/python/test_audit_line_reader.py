"""The audit's C line reader (bindings/common/pv_log_line.c) against RULES.md H5 and section 10's
strict reading: it takes only lines of the plain common shape, hands every other line to the
package's reader, and each line's finding never depends on the lines before it."""

import io
import json
from datetime import date

import pytest

import portvakt as pv
from portvakt import cportvakt as c

ACTOR = {"kind": "guardian", "id": "g1"}
SERVICE = {"kind": "e_services"}


def text(**members):
    return json.dumps(members)


def read(line):
    """The C reader's item for one line: a list of its members, or None (the package reads it)."""
    (item,) = c.audit_read([line.encode() if isinstance(line, str) else line], 1, {}, {}, {}, {})
    return item


# ---- H5: each line on its own, also before 1900 -----------------------------------------------

# Before 1900 Sweden's offset was not a whole hour (H5: +01:12:12 until 1879, then +01:00:14), so
# two instants of one UTC hour can fall on two Swedish dates. Each pair: the child's 13th
# birthday (G1: the guardian's proxy ends on it), an instant of the day before in Sweden and one
# of the birthday, in the same UTC hour.
PAIRS = [
    # 22:30Z + 01:12:12 = 23:42:12 on 1 June; 22:50Z + 01:12:12 = 00:02:12 on 2 June.
    ("1837-06-02", "1850-06-01T22:30:00Z", "1850-06-01T22:50:00Z", "1850-06-02"),
    # 22:59:00Z + 01:00:14 = 23:59:14 on 1 June; 22:59:50Z + 01:00:14 = 00:00:04 on 2 June.
    ("1877-06-02", "1890-06-01T22:59:00Z", "1890-06-01T22:59:50Z", "1890-06-02"),
    # The same instants written with a whole-hour offset.
    ("1837-06-02", "1850-06-01T23:30:00+01:00", "1850-06-01T23:50:00+01:00", "1850-06-02"),
]


def records(birth):
    return {"r": pv.Citizen(birth_date=date.fromisoformat(birth), guardians=[pv.Guardian("g1")])}


@pytest.mark.parametrize("birth, before, birthday, denied_on", PAIRS)
@pytest.mark.parametrize("first_birthday", [False, True])
@pytest.mark.parametrize("as_stream", [False, True])
def test_h5_two_lines_of_one_utc_hour_before_1900_each_get_their_own_swedish_date(
        birth, before, birthday, denied_on, first_birthday, as_stream):
    stamps = [birthday, before] if first_birthday else [before, birthday]
    lines = [text(citizen="r", at=at, actor=ACTOR, service=SERVICE) for at in stamps]
    log = io.BytesIO(("\n".join(lines) + "\n").encode()) if as_stream else lines
    run = pv.audit(records(birth), log)
    found = [f.to_json() for f in run]
    # Only the access on the 13th birthday is denied (G1, the proxy ended), whichever comes first.
    assert found == [{"line": 1 if first_birthday else 2, "kind": "denied", "citizen": "r",
                      "on": denied_on, "reason": "PROXY_ENDED", "reasons": ["PROXY_ENDED"],
                      "rules": ["G1"]}]
    assert run.summary.to_json() == {"summary": {"lines": 2, "allowed": 1, "denied": 1, "malformed": 0}}


# ---- Section 10's strict reading: the C reader never takes a line it calls malformed -------------

PLAIN = {"citizen": "r", "at": "2026-03-14T23:30:00Z", "actor": {"kind": "self"},
         "service": {"kind": "e_services"}}


def test_a_line_of_the_plain_shape_is_taken():
    assert read(json.dumps(PLAIN)) == ["r", None, "2026-03-14T23:30:00Z", b'{"kind": "self"}',
                                       b'{"kind": "e_services"}', "2026-03-14T23Z"]
    on = dict(PLAIN, on="2026-03-14")
    del on["at"]
    assert read(json.dumps(on))[-1] == "2026-03-14"
    # Other top-level members are ignored (H5), read as JSON.
    assert read(json.dumps(dict(PLAIN, request_id=[1, {"a": None}], ok=True))) is not None


@pytest.mark.parametrize("line", [
    # A member twice, in any object (section 10), whichever the values.
    '{"citizen": "r", "citizen": "r", "at": "2026-03-14T23:30:00Z", "actor": {"kind": "self"}, "service": {"kind": "e_services"}}',
    '{"citizen": "r", "at": "2026-03-14T23:30:00Z", "actor": {"kind": "self", "kind": "self"}, "service": {"kind": "e_services"}}',
    '{"citizen": "r", "at": "2026-03-14T23:30:00Z", "actor": {"kind": "self"}, "service": {"kind": "e_services", "unit": "u", "unit": "u"}}',
    '{"x": {"a": 1, "a": 2}, "citizen": "r", "at": "2026-03-14T23:30:00Z", "actor": {"kind": "self"}, "service": {"kind": "e_services"}}',
    '{"x": [{"a": 1, "a": 1}], "citizen": "r", "at": "2026-03-14T23:30:00Z", "actor": {"kind": "self"}, "service": {"kind": "e_services"}}',
    # A member name written with an escape is the same name (the C reader does not compare them).
    '{"\\u0063itizen": "r", "citizen": "r", "at": "2026-03-14T23:30:00Z", "actor": {"kind": "self"}, "service": {"kind": "e_services"}}',
    # A member section 10 does not define inside actor or service.
    '{"citizen": "r", "at": "2026-03-14T23:30:00Z", "actor": {"kind": "self", "nickname": "x"}, "service": {"kind": "e_services"}}',
    '{"citizen": "r", "at": "2026-03-14T23:30:00Z", "actor": {"kind": "self"}, "service": {"kind": "e_services", "x": null}}',
    # A flag that is not true, false or null.
    '{"citizen": "r", "at": "2026-03-14T23:30:00Z", "actor": {"kind": "self", "login_locked": 0}, "service": {"kind": "e_services"}}',
    '{"citizen": "r", "at": "2026-03-14T23:30:00Z", "actor": {"kind": "self", "journal_sealed": 1}, "service": {"kind": "e_services"}}',
    '{"citizen": "r", "at": "2026-03-14T23:30:00Z", "actor": {"kind": "self", "login_locked": "false"}, "service": {"kind": "e_services"}}',
])
def test_a_line_the_strict_reading_calls_malformed_is_left_to_the_package(line):
    assert read(line) is None


@pytest.mark.parametrize("at", [
    "2026-03-14 23:30:00Z",        # a space for T: malformed (H5)
    "2026-03-14T23:30:00",         # no offset: malformed (H5)
    "2026-03-14T23:30:00+01:00:00",  # an offset with seconds: malformed (H5)
    "2026-03-14T23:30Z",           # no seconds
    "2026-03-14T23:30:00+0100",    # an offset without its colon
    "20260314T233000Z",            # the basic format of ISO 8601
    "2026-03-14T24:00:00Z",        # hour 24
    "2026-03-14T23:60:00Z",        # minute 60
    "2026-03-14T23:30:00+24:00",   # an offset of 24 hours
    "2026-03-14T23:30:00.Z",       # a point without digits
    "2026-13-14T23:30:00Z",        # month 13
    "0000-03-14T23:30:00Z",        # year 0
    # Shapes H5 accepts but the C reader leaves to the package: lower case t and z, and second 60
    # (a leap second, read as second 59).
    "2026-03-14t23:30:00Z",
    "2026-03-14T23:30:00z",
    "2016-12-31T23:59:60Z",
])
def test_a_timestamp_not_of_the_plain_shape_is_left_to_the_package(at):
    assert read(json.dumps(dict(PLAIN, at=at))) is None


@pytest.mark.parametrize("on", ["2026-3-14", "20260314", "2026-03-14T00:00:00Z", "2026-00-14", "0000-01-01"])
def test_a_date_not_of_the_plain_shape_is_left_to_the_package(on):
    line = dict(PLAIN, on=on)
    del line["at"]
    assert read(json.dumps(line)) is None


@pytest.mark.parametrize("at, key", [
    ("2026-03-14T23:30:00Z", "2026-03-14T23Z"),
    ("2026-03-14T23:30:00.123456789+01:00", "2026-03-14T23+01:00"),
    # An offset that is not whole hours: keyed by the whole timestamp.
    ("2026-03-14T23:30:00+05:30", "2026-03-14T23:30:00+05:30"),
    # Before 1901 (H5: Sweden's offset was not a whole hour until 1900): the whole timestamp.
    ("1850-06-01T22:30:00Z", "1850-06-01T22:30:00Z"),
    ("1900-12-31T23:30:00+01:00", "1900-12-31T23:30:00+01:00"),
    ("1901-01-01T00:30:00+01:00", "1901-01-01T00+01:00"),
])
def test_the_day_key_of_a_timestamp_is_its_hour_only_when_the_hour_has_one_swedish_date(at, key):
    assert read(json.dumps(dict(PLAIN, at=at)))[-1] == key
