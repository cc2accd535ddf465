"""The JSON Schemas of docs/schema (shipped in the package) against the files of the project and
against the readers: every shipped file validates, and on generated and mutated requests, records
and log lines the schema refuses exactly what the readers refuse for shape, the readers naming a
field inside the path the schema reports (RULES.md section 10 "Strict reading", H5)."""

import copy
import importlib.util
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

import portvakt as pv
from portvakt import _schema, conformance
from portvakt._audit import audit, read_records
from portvakt._json import Request

from conftest import CONFORMANCE_DIR, SOURCE_ROOT, run_cli

SCHEMA_DIR = SOURCE_ROOT / "docs" / "schema"
EXAMPLES = SOURCE_ROOT / "examples"


def validator(name):
    return Draft202012Validator(_schema.load(name))


def schema_paths(name, value):
    """The paths (dotted, as the readers name fields) of the errors of 'value' against 'name'."""
    out = []
    for error in validator(name).iter_errors(value):
        path = ""
        for part in error.absolute_path:
            path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
        out.append(path)
    return out


def inside(field, paths):
    """True if the reader's 'field' lies inside one of the schema's error 'paths'."""
    return any(p == "" or field == p or field.startswith(p + ".") or field.startswith(p + "[") for p in paths)


# ---- the schemas themselves -------------------------------------------------------------------


def test_the_committed_schemas_are_what_make_schemas_writes(tmp_path):
    subprocess.run([sys.executable, str(SCHEMA_DIR / "make_schemas.py"), str(tmp_path)], check=True)
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == sorted(p.name for p in SCHEMA_DIR.glob("*.schema.json"))
    for name in written:
        assert (tmp_path / name).read_text() == (SCHEMA_DIR / name).read_text(), name


def test_the_package_ships_every_schema_of_docs_schema():
    assert _schema.names() == sorted(p.name[: -len(".schema.json")] for p in SCHEMA_DIR.glob("*.schema.json"))
    for name in _schema.names():
        assert _schema.text(name) == (SCHEMA_DIR / f"{name}.schema.json").read_text()


@pytest.mark.parametrize("name", _schema.names())
def test_each_schema_is_2020_12_with_an_id_a_title_and_what_it_cannot_express(name):
    schema = _schema.load(name)
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == f"urn:portvakt:schema:{name}"
    assert schema["title"] and schema["description"]
    if name in ("citizen", "request", "vectors", "records-line", "log-line", "question") or name.startswith("beyond-"):
        assert "twice" in schema["description"]  # a repeated member: no schema can see it


def test_the_strict_objects_allow_no_other_members():
    schema = _schema.load("request")
    assert schema["additionalProperties"] is False
    for part in ("citizen", "actor", "service", "seal", "guardian", "grant", "representative", "interval", "lock_period"):
        assert schema["$defs"][part]["additionalProperties"] is False, part
    # A vector and a log line may carry members of their own (section 10, H5).
    assert _schema.load("vectors")["$defs"]["vector"]["additionalProperties"] is True
    assert "additionalProperties" not in _schema.load("log-line")


# ---- every shipped file validates --------------------------------------------------------------


def vector_schema(path):
    if path.parent.name == "beyond":
        return "beyond-" + path.stem
    return "vectors"


@pytest.mark.parametrize("path", sorted(CONFORMANCE_DIR.glob("*.json")) + sorted((CONFORMANCE_DIR / "beyond").glob("*.json"))
                         + [EXAMPLES / "vectors.json"], ids=lambda p: p.name)
def test_every_vector_file_validates(path):
    assert schema_paths(vector_schema(path), json.loads(path.read_text(encoding="utf-8-sig"))) == []


def test_the_examples_validate():
    assert schema_paths("request", json.loads((EXAMPLES / "request.json").read_text())) == []
    assert schema_paths("question", json.loads((EXAMPLES / "household.json").read_text())) == []


def jsonl(path):
    return [line for line in path.read_text(encoding="utf-8-sig").splitlines() if line.strip()]


@pytest.mark.parametrize("case", sorted((CONFORMANCE_DIR / "audit").glob("*/case.json")) + [EXAMPLES / "audit" / "case"],
                         ids=lambda p: p.parent.name)
def test_every_audit_file_validates_and_the_log_lines_the_audit_reads_do(case):
    if case.name == "case.json":
        folder = case.parent
        assert schema_paths("audit-case", json.loads(case.read_text())) == []
        for line in jsonl(folder / "expected.jsonl"):
            value = json.loads(line)
            assert schema_paths("audit-summary" if "summary" in value else "audit-finding", value) == []
    else:
        folder = EXAMPLES / "audit"
    for line in jsonl(folder / "records.jsonl"):
        assert schema_paths("records-line", json.loads(line)) == []
    records = read_records(folder / "records.jsonl")
    lines = (folder / "log.jsonl").read_bytes().split(b"\n")
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        found = [f.to_json() for f in audit(records, [line])]
        malformed = [f for f in found if f["kind"] == "malformed"]
        try:
            value = json.loads(line.decode("utf-8-sig"))
        except ValueError:
            assert malformed, number  # not JSON: no schema can hold it
            continue
        paths = schema_paths("log-line", value)
        if not malformed:
            assert paths == [], (number, line)
        elif paths:
            assert inside(malformed[0]["field"], paths), (number, malformed, paths)


def test_the_audit_json_output_validates():
    status, out, _ = run_cli("audit", EXAMPLES / "audit" / "records.jsonl", EXAMPLES / "audit" / "log.jsonl", "--json")
    lines = [json.loads(line) for line in out.splitlines()]
    assert status == 1 and lines
    for value in lines[:-1]:
        assert schema_paths("audit-finding", value) == [], value
    assert schema_paths("audit-summary", lines[-1]) == []


# ---- the command line ------------------------------------------------------------------------


def test_portvakt_schema_lists_and_prints_them():
    status, out, _ = run_cli("schema")
    assert status == 0
    assert [line.split()[0] for line in out.splitlines()] == _schema.names()
    status, out, _ = run_cli("schema", "log-line")
    assert status == 0 and json.loads(out) == _schema.load("log-line")
    status, _, err = run_cli("schema", "no-such")
    assert status == 2 and "no schema named 'no-such'" in err and "Traceback" not in err


def test_check_and_audit_say_which_schema_a_file_fails_and_where(tmp_path):
    bad = tmp_path / "v.json"
    bad.write_text('[{"name": "x", "rules": ["V1"], "expect": {"effect": "deny", "reason": "NOPE"}}]')
    status, _, err = run_cli("check", bad)
    assert status == 2 and "schema urn:portvakt:schema:vectors: at [0].expect.reason" in err
    records = tmp_path / "r.jsonl"
    records.write_text('{"id": "a", "citizen": {"birth_date": "2014-01-01", "guardians": [{"id": "g", "nick": 1}]}}\n')
    status, _, err = run_cli("audit", records, EXAMPLES / "audit" / "log.jsonl")
    assert status == 2
    assert "line 1: citizen.guardians[0].nick" in err
    assert "schema urn:portvakt:schema:records-line: at citizen.guardians[0]" in err


# ---- schema and readers agree on every shape fault (property test) ------------------------------


def _valid_requests():
    out = []
    for path in sorted(CONFORMANCE_DIR.glob("*.json")):
        for v in json.loads(path.read_text(encoding="utf-8-sig")):
            if v["expect"]["reason"] != "INVALID_INPUT":
                out.append({k: v[k] for k in ("on", "citizen", "actor", "service")})
    return out


VALID = _valid_requests()


def _places(value, path=()):
    """Every (path, value) inside 'value', objects and arrays included."""
    yield path, value
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _places(v, path + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _places(v, path + (i,))


def _set(root, path, value):
    target = root
    for part in path[:-1]:
        target = target[part]
    if value is _DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value


_DELETE = object()
_DATE_KEYS = {"on", "birth_date", "from", "until", "entry_date"}
_ENUM_KEYS = {"kind", "scope", "eid", "channel", "requested_by", "login_lock_requested_by"}
_REQUIRED = {("actor", "kind"), ("service", "kind"), ("seals", "scope"), ("guardians", "id"), ("grants", "unit"),
             ("representatives", "id"), ("representatives", "kind"), ((), "on"), ((), "citizen"), ((), "actor"),
             ((), "service")}


def _faults(request):
    """Every shape fault one member of 'request' can be given: (path, new value)."""
    out = []
    for path, value in _places(request):
        key = path[-1] if path else None
        if isinstance(value, dict):
            out.append((path + ("nickname",), "pappa"))
        if isinstance(value, bool):
            out += [(path, 0), (path, 1), (path, "false")]
        if key in _DATE_KEYS and isinstance(value, str):
            out += [(path, "2026-3-01"), (path, "20260301"), (path, "0000-01-01"), (path, "2026-13-01"), (path, 20260301)]
        if key in _ENUM_KEYS and isinstance(value, str):
            out += [(path, value.upper()), (path, 3)]
        if isinstance(value, str) and key in ("id", "unit", "holder", "personnummer", "login_lock_case_number", "case_number"):
            out.append((path, 7))
        if isinstance(value, list):
            out.append((path, {}))
        parent = path[-3] if len(path) >= 3 and isinstance(path[-2], int) else (path[:-1][-1] if len(path) >= 2 else ())
        if key is not None and ((parent, key) in _REQUIRED or (path[:-1], key) in _REQUIRED):
            out += [(path, _DELETE), (path, None)]
    return out


def _mutated(request, fault):
    out = copy.deepcopy(request)
    _set(out, *fault)
    return out


def _reader_field(request):
    """The field the readers refuse 'request' for, or None when they accept it."""
    try:
        decision = Request.from_json(json.dumps(request)).evaluate(raise_on_invalid=False)
    except pv.InvalidInput as error:
        return error.field
    return decision.field if decision.reason is pv.Reason.INVALID_INPUT else None


@st.composite
def faulty_requests(draw):
    request = draw(st.sampled_from(VALID))
    faults = _faults(request)
    return _mutated(request, draw(st.sampled_from(faults)))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(faulty_requests())
def test_property_schema_and_reader_agree_on_every_shape_fault_of_a_request(request):
    paths = schema_paths("request", request)
    field = _reader_field(request)
    assert bool(paths) == (field is not None), (paths, field, request)
    if field is not None:
        assert inside(field, paths), (field, paths)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(VALID), st.data())
def test_property_schema_and_record_reader_agree(request, data):
    citizen = request["citizen"]
    assume(not (isinstance(citizen.get("personnummer"), str) and len(citizen["personnummer"]) < 12))
    line = {"id": "r1", "citizen": citizen}
    assume(_record_field(line) is None)  # the record as the vector gives it is read
    faults = [((("citizen",) + path), value) for path, value in _faults(citizen) if path]
    line = _mutated(line, data.draw(st.sampled_from(faults)))
    paths = schema_paths("records-line", line)
    field = _record_field(line)
    assert bool(paths) == (field is not None), (paths, field, line)
    if field is not None:
        assert inside(field, paths), (field, paths, line)


def _record_field(line):
    try:
        read_records([json.dumps(line)])
    except pv.InvalidInput as error:
        return error.field
    return None


_GOOD_AT = st.builds(
    lambda d, h, m, s, frac, zone: f"{d.isoformat()}{'T' if h % 2 else 't'}{h:02d}:{m:02d}:{s:02d}{frac}{zone}",
    st.dates(min_value=__import__("datetime").date(1800, 1, 2), max_value=__import__("datetime").date(9998, 12, 30)),
    st.integers(0, 23), st.integers(0, 59), st.integers(0, 60),
    st.sampled_from(["", ".5", ".123456789"]),
    st.sampled_from(["Z", "z", "+01:00", "-05:30", "+23:59", "-00:00"]),
)
_BAD_AT_LIST = ["2027-03-14 23:30:00Z", "2027-03-14T23:30:00+01:00:00", "2027-03-14T23:30:00+0100",
                           "2027-03-14T23:30:00+01:60", "2027-03-14T23:30Z", "2027-03-14T23:30:00.Z",
                           "20270314T233000Z", "2027-03-14T23:30:00", "2027-03-14T24:00:00Z", "2027-03-14",
                           "2027-03-14T23:30:00+24:00", 20270314, "", "2027-03-14T23:30:00ZZ"]
_BAD_AT = st.sampled_from(_BAD_AT_LIST)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(VALID), st.one_of(_GOOD_AT, _BAD_AT, st.none()), st.data())
def test_property_schema_and_audit_agree_on_log_lines(request, at, data):
    records = {"r1": pv.Citizen(birth_date=__import__("datetime").date(1800, 1, 1))}
    line = {"citizen": "r1", "actor": request["actor"], "service": request["service"]}
    if at is None:
        line["on"] = request["on"]
    else:
        line["at"] = at
    if at is None or at in _BAD_AT_LIST:
        assume(not _line_malformed(records, dict(line, at="2027-03-14T23:30:00Z")))
    else:
        assume(not _line_malformed(records, line))  # the base line is read (section 8 holds)
    faults = [(path, value) for path, value in _faults(line)
              if path and path[0] in ("actor", "service", "on", "citizen")]
    if data.draw(st.booleans()) and faults:
        line = _mutated(line, data.draw(st.sampled_from(faults)))
    paths = schema_paths("log-line", line)
    malformed = _line_malformed(records, line)
    assert bool(paths) == bool(malformed), (paths, malformed, line)
    if malformed:
        assert inside(malformed[0], paths), (malformed, paths, line)


def _line_malformed(records, line):
    line = {k: v for k, v in line.items() if not (k == "on" and "at" in line and v is None)}
    found = [f.to_json() for f in audit(records, [json.dumps(line)])]
    return [f["field"] for f in found if f["kind"] == "malformed"]


# ---- the C reader and the Python reader read alike ------------------------------------------------

RUN_VECTORS = Path(pv.__file__).resolve().parents[3] / "tests" / "conformance" / "run_vectors"


@pytest.mark.skipif(not RUN_VECTORS.is_file(), reason="the C runner is not built beside the package")
def test_the_c_and_the_python_reader_name_the_same_field_for_every_shape_fault(tmp_path):
    # Section 10: two readers must never read one file two ways. 600 mutated requests (a fixed
    # seed) become vectors expecting deny / INVALID_INPUT with the field the Python reader names;
    # the C runner (jansson, vector_decode.c) must agree on every one.
    import random

    rng = random.Random(7)
    vectors = []
    for i in range(600):
        request = rng.choice(VALID)
        faults = [f for f in _faults(request) if f[0] != ("nickname",)]  # a vector's own member is ignored
        mutated = _mutated(request, rng.choice(faults))
        field = _reader_field(mutated)
        assert field is not None
        vectors.append(dict(mutated, name=f"mutation {i}", rules=["V1"],
                            expect={"effect": "deny", "reason": "INVALID_INPUT", "field": field}))
    (tmp_path / "mutations.json").write_text(json.dumps(vectors))
    out = subprocess.run([str(RUN_VECTORS), str(tmp_path)], capture_output=True, text=True, timeout=120).stdout
    assert "600 passed, 0 failed" in out, out[-3000:]


def test_a_vector_file_schema_and_the_vector_reader_agree_on_mutated_vectors():
    # A vector whose request part has a shape fault while it expects a decision (not
    # INVALID_INPUT) fails the vectors schema inside its request part, and the vector reader
    # keeps an error naming a field inside that path.
    import random

    rng = random.Random(11)
    for i in range(300):
        request = rng.choice(VALID)
        faults = [f for f in _faults(request) if f[0] != ("nickname",)]
        mutated = _mutated(request, rng.choice(faults))
        vector = dict(mutated, name=f"mutation {i}", rules=["V1"], expect={"effect": "permit", "reason": "SELF"})
        paths = schema_paths("vectors", [vector])
        read = conformance.Vector.from_json(json.dumps(vector), "[0]")
        assert read.error is not None, vector
        assert paths and inside("[0]." + read.error.field if read.error.field else "[0]", paths), (read.error, paths)
