"""The audit's C reader of a stored citizen record (bindings/common/pv_citizen_json.c, record_read)
against RULES.md section 10's strict reading: it takes only records of the plain common shape and
builds the record the package's reader builds from the same text; every other text (repeated
members, unknown members, wrong types, dates that do not exist, arrays past the caps of section 8,
bytes outside printable ASCII, escapes) goes to the package's reader, so that a record the C reader
accepts and the package's reader refuses cannot happen, and the findings of an audit from a
records database are the same whichever reader read a record (H5)."""

import json
import sqlite3
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import portvakt as pv
from portvakt import _audit_records
from portvakt import cportvakt as c
from portvakt._errors import InvalidInput
from portvakt._json import actor_from_json, citizen_from_json, service_from_json
from portvakt._records_db import import_records
from portvakt._reading import loads_strict

from test_audit_region import cli

CHILD = {
    "birth_date": "2014-05-17",
    "personnummer": None,
    "protected_identity": False,
    "login_locked": False,
    "login_lock_requested_by": "care",
    "login_lock_case_number": None,
    "seals": [{"scope": "unit", "unit": "SE2321000016-7PSY", "active": {"from": "2026-01-01", "until": None},
               "content": {"from": "2024-01-01", "until": "2024-12-31"}, "requested_by": "citizen"},
              {"scope": "whole", "unit": None, "active": None, "content": None, "requested_by": None}],
    "guardians": [{"id": "19800101-0001", "blocked": False, "protected_identity": True},
                  {"id": "19810202-0002", "blocked": True}],
    "grants": [{"holder": "19800101-0001", "unit": "SE2321000065-0Z9R", "from": "2026-03-01", "until": None},
               {"unit": "SE2321000016-7PSY", "from": None, "until": "2027-12-31"}],
    "representatives": [{"id": "rep-1", "kind": "god_man", "cares_for_person": True, "consent": False,
                         "court_order": True, "from": "2025-01-01", "until": None}],
}

ACTORS = [{"kind": "self"}, {"kind": "other"}, {"kind": "guardian", "id": "19800101-0001"},
          {"kind": "guardian", "id": "19810202-0002"}, {"kind": "representative", "id": "rep-1"},
          {"kind": "guardian", "id": "19800101-0001", "eid": "freja"}]
SERVICES = [{"kind": "e_services"}, {"kind": "journal"}, {"kind": "journal", "channel": "direct"},
            {"kind": "journal", "channel": "direct", "unit": "SE2321000016-7PSY"},
            {"kind": "journal", "channel": "direct", "unit": "SE2321000065-0Z9R"}]
DATES = [date(2013, 1, 1), date(2020, 6, 1), date(2024, 6, 1), date(2026, 2, 1), date(2026, 5, 17),
         date(2027, 5, 17), date(2030, 5, 17), date(2033, 1, 1)]


def proxies(values, read):
    out = []
    for v in values:
        try:
            out.append(read(v)._mirror())
        except InvalidInput:
            pass
    return out


ACTOR_PROXIES = proxies(ACTORS, actor_from_json)
SERVICE_PROXIES = proxies(SERVICES, service_from_json)


def full_reader(text):
    """The package's reader, as the records database reads a row: the prepared record (or None
    when section 8 refuses it on every date), or InvalidInput when section 10 refuses it."""
    value = loads_strict(text)
    if not isinstance(value, dict):
        raise InvalidInput("citizen", "is not an object")
    citizen = citizen_from_json(value, "citizen")
    try:
        return c.prepare(citizen._mirror())
    except InvalidInput:
        return None


def answer(prepared, actor, service, on):
    """The record of the decision, or the field and message of the invalid input (V1)."""
    try:
        return prepared.evaluate(actor, service, on)
    except InvalidInput as error:
        return (error.field, error.detail)


def same_decisions(a, b):
    for on in DATES:
        for actor in ACTOR_PROXIES:
            for service in SERVICE_PROXIES:
                assert answer(a, actor, service, on) == answer(b, actor, service, on), (on, actor, service)


def check(text):
    """record_read never accepts what the full reader refuses, and when it accepts, its record
    decides as the full reader's does. Returns whether it accepted."""
    fast = c.record_read(text)
    if fast is None:
        return False
    full = full_reader(text)  # raises if the full reader refuses: the test fails
    assert full is not None, "record_read prepared a record section 8 refuses"
    same_decisions(fast, full)
    return True


def taken(text):
    """A record of the plain shape: taken by the C reader unless section 8 refuses it on every
    date (then neither reader prepares it)."""
    return check(text) or full_reader(text) is None


def dumps(value, **kw):
    return json.dumps(value, **kw).encode()


# ---- the plain shape is taken, and decides as the package's reader --------------------------


@pytest.mark.parametrize("separators", [None, (",", ":"), (" , ", " : ")])
def test_section10_a_plain_record_is_read_in_c_and_decides_as_the_full_reader(separators):
    assert check(dumps(CHILD, separators=separators))
    assert check(b" \t\r\n" + dumps(CHILD, indent=2) + b"\n")
    # The record holds no Python object of the citizen (memory of the cache: C only).
    assert c.record_read(dumps(CHILD)).citizen is None


@pytest.mark.parametrize("member", sorted(CHILD))
def test_section10_a_member_left_out_or_null_is_its_default_in_both_readers(member):
    left_out = {k: v for k, v in CHILD.items() if k != member}
    assert taken(dumps(left_out))
    assert taken(dumps(dict(CHILD, **{member: None})))


REQUIRED = {"seals": ("scope",), "guardians": ("id",), "grants": ("unit",), "representatives": ("id", "kind")}


def test_section10_the_members_of_the_array_elements_left_out_or_null():
    for array in ("seals", "guardians", "grants", "representatives"):
        for i, element in enumerate(CHILD[array]):
            for key in element:
                for value in ("drop", None):
                    item = {k: v for k, v in element.items() if k != key} if value == "drop" else dict(element, **{key: None})
                    record = dict(CHILD, **{array: CHILD[array][:i] + [item] + CHILD[array][i + 1:]})
                    if key in REQUIRED[array]:  # required: not taken
                        assert not check(dumps(record))
                    else:
                        assert taken(dumps(record))


def test_section10_required_members_left_out_are_not_taken():
    for array, key in (("seals", "scope"), ("guardians", "id"), ("grants", "unit"), ("representatives", "id"),
                       ("representatives", "kind")):
        item = {k: v for k, v in CHILD[array][0].items() if k != key}
        assert c.record_read(dumps(dict(CHILD, **{array: [item]}))) is None, (array, key)
        with pytest.raises(InvalidInput):
            full_reader(dumps(dict(CHILD, **{array: [item]})))


# ---- the hand-off: every other text goes to the full reader ---------------------------------

PLAIN = dumps(CHILD)

HANDED_OFF = {
    # Section 10: a repeated member is malformed, at any depth.
    "repeated member": PLAIN[:-1] + b', "birth_date": "2014-05-17"}',
    "repeated member of a seal": dumps(dict(CHILD, seals=[{"scope": "whole"}])).replace(
        b'"scope": "whole"', b'"scope": "whole", "scope": "whole"'),
    "repeated member of an interval": dumps(dict(CHILD, seals=[{"scope": "whole", "active": {"from": None}}])
                                            ).replace(b'"from": null', b'"from": null, "from": null'),
    # Unknown members.
    "unknown member": PLAIN[:-1] + b', "nickname": "x"}',
    "unknown member of a guardian": dumps(dict(CHILD, guardians=[{"id": "g", "name": "x"}])),
    # Wrong types.
    "number for a date": dumps(dict(CHILD, birth_date=20140517)),
    "string for a flag": dumps(dict(CHILD, login_locked="false")),
    "number for a flag": dumps(dict(CHILD, protected_identity=0)),
    "object for a string": dumps(dict(CHILD, personnummer={})),
    "object for an array": dumps(dict(CHILD, seals={})),
    "null element": dumps(dict(CHILD, guardians=[None])),
    "string for an interval": dumps(dict(CHILD, seals=[{"scope": "whole", "active": "always"}])),
    "unknown enum value": dumps(dict(CHILD, login_lock_requested_by="police")),
    "enum in capitals": dumps(dict(CHILD, seals=[{"scope": "WHOLE"}])),
    "periods (H1)": dumps(dict(CHILD, login_locked=[{"from": "2026-01-01", "until": None}])),
    "blocked periods (H1)": dumps(dict(CHILD, guardians=[{"id": "g", "blocked": [{"from": None}]}])),
    "an array at the root": b"[]",
    "a string at the root": b'"x"',
    # Dates that do not exist, or not of the form YYYY-MM-DD.
    "29 February 2023": dumps(dict(CHILD, birth_date="2023-02-29")),
    "year 0": dumps(dict(CHILD, birth_date="0000-01-01")),
    "month 13": dumps(dict(CHILD, birth_date="2014-13-01")),
    "31 April": dumps(dict(CHILD, birth_date="2014-04-31")),
    "day 0": dumps(dict(CHILD, birth_date="2014-04-00")),
    "short date": dumps(dict(CHILD, birth_date="2014-5-17")),
    "date and time": dumps(dict(CHILD, birth_date="2014-05-17T00:00:00Z")),
    "date with a space": dumps(dict(CHILD, birth_date="2014-05-17 ")),
    # Past the caps of section 8 (the reader stops at the first element past the cap).
    "17 guardians": dumps(dict(CHILD, guardians=[{"id": f"g{i}"} for i in range(17)])),
    "17 representatives": dumps(dict(CHILD, representatives=[{"id": f"r{i}", "kind": "god_man"} for i in range(17)])),
    "1025 seals": dumps(dict(CHILD, seals=[{"scope": "whole"}] * 1025)),
    "1025 grants": dumps(dict(CHILD, grants=[{"unit": "u"}] * 1025)),
    # Odd bytes.
    "byte order mark": b"\xef\xbb\xbf" + PLAIN,
    "non-ASCII text": dumps(dict(CHILD, login_lock_case_number="Dnr RÖ 2024/17"), ensure_ascii=False),
    "escaped non-ASCII": dumps(dict(CHILD, login_lock_case_number="Dnr RÖ 2024/17")),
    "escape": dumps(dict(CHILD, personnummer="a\"b")),
    "escaped member name": PLAIN.replace(b'"birth_date"', b'"birth\\u005fdate"'),
    "control character": dumps(dict(CHILD, personnummer="a")).replace(b'"a"', b'"a\tb"'),
    "NUL byte": dumps(dict(CHILD, personnummer="a")).replace(b'"a"', b'"a\x00b"'),
    "lone surrogate": dumps(dict(CHILD, personnummer="\ud800")),
    "not UTF-8": dumps(dict(CHILD, personnummer="a")).replace(b'"a"', b'"\xff"'),
    "trailing data": PLAIN + b" {}",
    "trailing comma": PLAIN[:-1] + b", }",
    "truncated": PLAIN[:-1],
    "empty": b"",
    "only space": b"  \n",
    "literal glued to a word": dumps(dict(CHILD, login_locked=False)).replace(b"false", b"falsey"),
    "NaN": dumps(dict(CHILD, login_locked=False)).replace(b"false", b"NaN"),
    "single quotes": PLAIN.replace(b'"birth_date"', b"'birth_date'"),
}


@pytest.mark.parametrize("case", sorted(HANDED_OFF))
def test_section10_a_text_not_of_the_plain_shape_goes_to_the_full_reader(case):
    assert c.record_read(HANDED_OFF[case]) is None


def test_section8_a_record_that_cannot_be_prepared_goes_to_the_full_reader():
    # A unit seal without its unit, a guardian named "self" (section 8): refused by pv_prepare on
    # every date; the full reader builds the same record and the audit reports each access.
    for record in (dict(CHILD, seals=[{"scope": "unit"}]), dict(CHILD, guardians=[{"id": "self"}])):
        assert c.record_read(dumps(record)) is None
        assert full_reader(dumps(record)) is None


def test_record_read_takes_bytes_only():
    with pytest.raises(TypeError):
        c.record_read(PLAIN.decode())


# ---- no text the C reader accepts is refused by the full reader -----------------------------


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_section10_a_changed_text_is_never_taken_unless_the_full_reader_takes_it(data):
    text = bytearray(dumps(CHILD, separators=(",", ":")))
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(text) - 1))
        how = data.draw(st.sampled_from(["flip", "insert", "delete", "dup"]))
        if how == "flip":
            text[at] = data.draw(st.sampled_from(b'"{}[],:-0123456789 tnfulersa\\\x00\x80'))
        elif how == "insert":
            text[at:at] = data.draw(st.sampled_from([b" ", b",", b'"x"', b"null", b"{}", b"[]", b"1",
                                                     b'"id":"g",', b'"scope":"whole",']))
        elif how == "delete":
            del text[at:at + data.draw(st.integers(1, 8))]
        else:
            end = min(len(text), at + data.draw(st.integers(1, 40)))
            text[at:at] = text[at:end]
    check(bytes(text))


# ---- the audit: the same findings whichever reader read a record ----------------------------


def test_h5_findings_are_the_same_with_and_without_the_c_reader(tmp_path, monkeypatch):
    # A region of plain records and of records only the full reader takes (periods, non-ASCII),
    # audited from the database with a small cache: with the C reader, without it, and from
    # JSON Lines. Then rows a region's own tool wrote that section 8 refuses on every date (a
    # unit seal without its unit): each access naming them malformed, with or without C.
    records = []
    for k in range(120):
        citizen = json.loads(json.dumps(CHILD))
        citizen["birth_date"] = f"{2000 + k % 20}-0{1 + k % 9}-1{k % 10}"
        if k % 5 == 1:
            citizen["login_locked"] = [{"from": "2026-03-01", "until": "2026-04-30"}]
        if k % 7 == 2:
            citizen["login_lock_case_number"] = "Dnr RÖ 2024/17"
        records.append({"id": f"r{k}", "citizen": citizen})
    (tmp_path / "records.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    import_records(tmp_path / "records.jsonl", tmp_path / "region.db")
    lines = []
    for i in range(3000):
        entry = {"citizen": f"r{(i * 37) % 125}", "actor": ACTORS[i % len(ACTORS)],
                 "service": SERVICES[(i // 7) % len(SERVICES)],
                 "on": DATES[(i // 3) % len(DATES)].isoformat()}
        lines.append(json.dumps(entry) + "\n")
    (tmp_path / "log.jsonl").write_text("".join(lines))
    monkeypatch.setattr(_audit_records, "CAPACITY", 16)

    def both(table):
        with_c = cli("audit", tmp_path / "region.db", tmp_path / "log.jsonl", "--jobs", "1", *table)
        with monkeypatch.context() as m:
            m.setattr(c, "record_read", lambda text: None)
            without_c = cli("audit", tmp_path / "region.db", tmp_path / "log.jsonl", "--jobs", "1", *table)
        assert with_c == without_c
        return with_c

    for table in ([], ["--json"]):
        by_lines = cli("audit", tmp_path / "records.jsonl", tmp_path / "log.jsonl", "--jobs", "1", *table)
        assert both(table) == by_lines
    summary = json.loads(by_lines[1].splitlines()[-1])["summary"]
    assert summary["denied"] > 100 and summary["malformed"] > 100  # r120..r124 have no row
    with sqlite3.connect(tmp_path / "region.db") as db:
        for k in range(120, 125):
            db.execute("INSERT INTO records VALUES (?, ?)",
                       (f"r{k}", json.dumps(dict(CHILD, seals=[{"scope": "unit"}]))))
    for table in ([], ["--json"]):
        found = both(table)
    # Section 8 on each access's date (V1: fail closed): malformed, naming the unit, or the birth
    # date on a date before the birth.
    bad_rows = {i + 1 for i in range(3000) if (i * 37) % 125 >= 120}
    by_line = {f["line"]: f for f in map(json.loads, found[1].splitlines()[:-1])}
    assert {by_line[n]["field"] for n in bad_rows} == {"citizen.seals[0].unit", "citizen.birth_date"}
    assert all(by_line[n]["kind"] == "malformed" for n in bad_rows)
