"""The JSON format of RULES.md section 10: requests, vectors, strict reading, round trips."""

import copy
import json
from datetime import date

import pytest
from conftest import CONFORMANCE_DIR

import portvakt as pv
from portvakt import conformance

# The example vector of RULES.md section 10, verbatim.
EXAMPLE = {
    "name": "guardian proxy for e-services ends on the 13th birthday",
    "rules": ["G1"],
    "on": "2026-03-04",
    "citizen": {
        "birth_date": "2013-03-04",
        "protected_identity": False,
        "login_locked": False,
        "seals": [{"scope": "unit", "unit": "SE2321000016-1ABC",
                   "active": {"from": "2026-01-01", "until": None},
                   "content": {"from": "2020-01-01", "until": "2020-12-31"},
                   "requested_by": "care"}],
        "guardians": [{"id": "g1", "blocked": False, "protected_identity": False}],
        "grants": [{"holder": "self", "unit": "SE2321000016-1ABC", "from": "2026-03-04", "until": None}],
        "representatives": [{"id": "r1", "kind": "god_man", "cares_for_person": True, "consent": True,
                             "court_order": True, "from": "2025-01-01", "until": None}],
    },
    "actor": {"kind": "guardian", "id": "g1", "eid": "bankid", "login_locked": False, "journal_sealed": False},
    "service": {"kind": "e_services", "channel": "portal", "unit": None, "entry_date": None},
    "expect": {"effect": "deny", "reason": "PROXY_ENDED", "reasons": ["PROXY_ENDED"], "filtered": False,
               "changes_on": None},
}


def request_part(vector):
    return {k: copy.deepcopy(vector[k]) for k in ("on", "citizen", "actor", "service")}


def test_the_section_10_example_reads_and_passes():
    v = conformance.Vector.from_json(EXAMPLE)
    assert v.name == EXAMPLE["name"] and v.rules == ("G1",)
    assert v.differences() == []
    r = v.request
    assert r is not None
    assert r.on == date(2026, 3, 4)
    assert r.citizen.seals[0].content == pv.Interval(date(2020, 1, 1), date(2020, 12, 31))
    assert r.citizen.seals[0].active == pv.Interval(date(2026, 1, 1), None)
    assert r.citizen.representatives[0].kind is pv.RepresentativeKind.GOD_MAN
    assert r.actor == pv.Actor.guardian("g1")
    assert r.service == pv.Service.e_services()
    d = r.evaluate()
    assert (d.effect, d.reason, d.rule) == (pv.Effect.DENY, pv.Reason.PROXY_ENDED, "G1")


def test_omitted_fields_take_the_section_10_defaults():
    r = conformance.Request.from_json({
        "on": "2026-01-01",
        "citizen": {"birth_date": "2000-01-01", "seals": [{"scope": "whole"}],
                    "grants": [{"unit": "U"}]},
        "actor": {"kind": "self"},
        "service": {"kind": "journal"},
    })
    seal = r.citizen.seals[0]
    assert (seal.active, seal.content, seal.requested_by) == (pv.Interval(), None, pv.Requester.CARE)
    assert r.citizen.grants[0] == pv.Grant("U", "self")
    assert r.actor.eid is pv.Eid.BANKID
    assert r.service.channel is pv.Channel.PORTAL
    assert r.citizen.login_lock_requested_by is pv.Requester.CARE


def test_request_round_trips_through_json():
    r = conformance.Vector.from_json(EXAMPLE).request
    assert r is not None
    again = conformance.Request.from_json(json.dumps(r.to_json()))
    assert again == r
    assert again.to_json() == r.to_json()


def test_citizen_lock_fields_and_personnummer_round_trip():
    obj = {"on": "2026-01-01",
           "citizen": {"personnummer": "201212121212", "login_locked": True,
                       "login_lock_requested_by": "citizen", "login_lock_case_number": "RS 2026/17"},
           "actor": {"kind": "self"}, "service": {"kind": "e_services"}}
    r = conformance.Request.from_json(obj)
    assert r.citizen.login_lock_case_number == "RS 2026/17"
    assert r.citizen.login_lock_requested_by is pv.Requester.CITIZEN
    assert conformance.Request.from_json(r.to_json()) == r
    # A3: born 2012-12-12, so 13 on 2026-01-01 (S1 would let the citizen in); the login is
    # locked (E2).
    assert r.evaluate().reason is pv.Reason.LOGIN_LOCKED


@pytest.mark.parametrize("mutate, field, is_type_error", [
    (lambda o: o["citizen"]["seals"][0].__setitem__("colour", "red"), "citizen.seals[0].colour", False),
    (lambda o: o.__setitem__("extra", 1), "extra", False),
    (lambda o: o["citizen"].__setitem__("login_locked", "yes"), "citizen.login_locked", True),
    (lambda o: o["citizen"].__setitem__("seals", {}), "citizen.seals", True),
    (lambda o: o["citizen"]["seals"][0].__setitem__("scope", "partial"), "citizen.seals[0].scope", False),
    (lambda o: o["actor"].__setitem__("eid", "mitid"), "actor.eid", False),
    (lambda o: o["actor"].__setitem__("eid", 1), "actor.eid", True),
    (lambda o: o["service"].__setitem__("kind", "portal"), "service.kind", False),
    (lambda o: o["citizen"]["seals"][0]["active"].__setitem__("from", "2023-02-29"),
     "citizen.seals[0].active.from", False),
    (lambda o: o["citizen"]["seals"][0]["active"].__setitem__("from", "2023-13-01"),
     "citizen.seals[0].active.from", False),
    (lambda o: o["citizen"]["seals"][0]["active"].__setitem__("from", "2023-1-01"),
     "citizen.seals[0].active.from", False),
    (lambda o: o["citizen"]["seals"][0]["active"].__setitem__("from", "20230101"),
     "citizen.seals[0].active.from", False),
    (lambda o: o["citizen"]["seals"][0]["active"].__setitem__("from", 20230101),
     "citizen.seals[0].active.from", True),
    (lambda o: o["citizen"]["grants"][0].__setitem__("holder", 5), "citizen.grants[0].holder", True),
    (lambda o: o["citizen"]["guardians"][0].pop("id"), "citizen.guardians[0].id", False),
    (lambda o: o["citizen"]["guardians"][0].__setitem__("id", None), "citizen.guardians[0].id", False),
    (lambda o: o["citizen"]["representatives"][0].pop("kind"), "citizen.representatives[0].kind", False),
    (lambda o: o["citizen"]["representatives"][0].__setitem__("kind", None),
     "citizen.representatives[0].kind", False),
    (lambda o: o["citizen"]["seals"][0].__setitem__("scope", None), "citizen.seals[0].scope", False),
    (lambda o: o["actor"].__setitem__("kind", None), "actor.kind", False),
    (lambda o: o["service"].__setitem__("kind", None), "service.kind", False),
    (lambda o: o.pop("actor"), "actor", False),
    (lambda o: o.__setitem__("actor", None), "actor", False),
    (lambda o: o.__setitem__("on", None), "on", False),
    (lambda o: o.__setitem__("on", "٢٠٢٦-٠٣-٠٤"), "on", False),
    (lambda o: o.__setitem__("citizen", []), "citizen", True),
])
def test_strict_reading_names_the_field(mutate, field, is_type_error):
    obj = request_part(EXAMPLE)
    mutate(obj)
    with pytest.raises(pv.InvalidInput) as e:
        conformance.Request.from_json(obj)
    assert e.value.field == field
    assert isinstance(e.value, TypeError) == is_type_error


def test_a_request_has_no_expect():
    with pytest.raises(pv.InvalidInput) as e:
        conformance.Request.from_json(EXAMPLE)
    assert e.value.field in ("name", "rules", "expect")


def test_duplicate_fields_are_refused():
    with pytest.raises(ValueError):
        conformance.Request.from_json('{"on": "2026-01-01", "on": "2026-01-02"}')


def test_vectors_with_malformed_requests_still_load_and_run():
    # V1: a vector about malformed input reads; running it gives the fail-closed decision.
    bad = copy.deepcopy(EXAMPLE)
    bad["citizen"]["seals"][0]["active"]["from"] = "2023-02-29"
    bad["expect"] = {"effect": "deny", "reason": "INVALID_INPUT", "reasons": ["INVALID_INPUT"],
                     "field": "citizen.seals[0].active.from"}
    v = conformance.Vector.from_json(bad)
    assert v.request is None and v.error is not None
    assert v.error.field == "citizen.seals[0].active.from"
    assert v.differences() == []
    assert v.to_json() == bad  # the request part is given back as read
    # Expectation mismatch on the field is reported.
    bad["expect"]["field"] = "citizen.seals[0].active.until"
    diff = conformance.Vector.from_json(bad).differences()
    assert [d.field for d in diff] == ["field"]


def test_expect_checks_only_what_is_present():
    v = copy.deepcopy(EXAMPLE)
    v["expect"] = {"effect": "deny", "reason": "PROXY_ENDED"}
    assert conformance.Vector.from_json(v).differences() == []
    v["expect"]["changes_on"] = "2029-03-04"
    diff = conformance.Vector.from_json(v).differences()
    assert [(d.field, d.expected, d.actual) for d in diff] == [("changes_on", "2029-03-04", None)]
    assert str(diff[0]) == 'changes_on: expected "2029-03-04", got null'


def test_vector_envelope_errors_raise():
    for key, value, field in [("expect", {"effect": "maybe", "reason": "SELF"}, "expect.effect"),
                              ("rules", ["Z9"], "rules[0]"),
                              ("name", 3, "name")]:
        v = copy.deepcopy(EXAMPLE)
        v[key] = value
        with pytest.raises(pv.InvalidInput) as e:
            conformance.Vector.from_json(v)
        assert e.value.field == field


def test_load_vectors_and_round_trip(tmp_path):
    path = tmp_path / "v.json"
    path.write_text(json.dumps([EXAMPLE, EXAMPLE]), encoding="utf-8")
    vectors = conformance.load_vectors(path)
    assert len(vectors) == 2 and all(v.differences() == [] for v in vectors)
    path.write_text(json.dumps([v.to_json() for v in vectors]), encoding="utf-8")
    assert conformance.load_vectors(path) == vectors
    broken = copy.deepcopy(EXAMPLE)
    broken["expect"]["reason"] = "NOPE"
    path.write_text(json.dumps([EXAMPLE, broken]), encoding="utf-8")
    with pytest.raises(pv.InvalidInput) as e:
        conformance.load_vectors(path)
    assert e.value.field == "[1].expect.reason"


def test_decision_to_json():
    d = conformance.Vector.from_json(EXAMPLE).run()
    assert d.to_json() == {"effect": "deny", "reason": "PROXY_ENDED", "reasons": ["PROXY_ENDED"],
                           "rule": "G1", "filtered": False, "changes_on": None}


conformance_files = sorted(CONFORMANCE_DIR.glob("*.json")) if CONFORMANCE_DIR.is_dir() else []


@pytest.mark.skipif(not conformance_files, reason="no conformance vectors in tests/conformance")
@pytest.mark.parametrize("path", conformance_files, ids=lambda p: p.name)
def test_conformance_vectors_pass_and_round_trip(path):
    raw = json.loads(path.read_text(encoding="utf-8-sig"))  # H5: a byte order mark is ignored
    vectors = conformance.load_vectors(path)
    assert len(vectors) == len(raw)
    for vector, obj in zip(vectors, raw):
        assert vector.differences() == [], vector.name
        if vector.error is not None and "given twice" in vector.error.detail:
            continue  # a repeated member (section 10) cannot be written back as a JSON object
        again = conformance.Vector.from_json(vector.to_json())
        assert again == vector, vector.name
        assert again.run() == vector.run(), vector.name


# ---- null, representatives, e-ID values and case numbers (RULES.md sections 8 and 10) ----------


def _evaluate_json(obj):
    return conformance.Request.from_json(obj).evaluate(raise_on_invalid=False)


def test_null_means_the_same_as_omitted():
    # Section 10: "A member given as null means the same as the member left out."
    with_null = request_part(EXAMPLE)
    without = request_part(EXAMPLE)
    assert with_null["citizen"]["grants"][0]["until"] is None
    del without["citizen"]["grants"][0]["until"]
    assert conformance.Request.from_json(with_null) == conformance.Request.from_json(without)
    assert _evaluate_json(with_null) == _evaluate_json(without)
    # A vector with "until": null evaluates like one without it (D1 grant open-ended).
    for obj in (with_null, without):
        obj["on"] = "2026-03-05"
        obj["actor"] = {"kind": "self"}
        obj["service"] = {"kind": "journal", "unit": "SE2321000016-1ABC", "channel": "direct"}
    assert _evaluate_json(with_null) == _evaluate_json(without)


@pytest.mark.parametrize("where, key", [
    (("citizen",), "login_locked"),
    (("citizen",), "protected_identity"),
    (("citizen",), "login_lock_requested_by"),
    (("citizen",), "login_lock_case_number"),
    (("citizen",), "personnummer"),
    (("citizen",), "seals"),
    (("citizen",), "guardians"),
    (("citizen", "seals", 0), "active"),
    (("citizen", "seals", 0), "content"),
    (("citizen", "seals", 0), "requested_by"),
    (("citizen", "seals", 0, "active"), "from"),
    (("citizen", "guardians", 0), "blocked"),
    (("citizen", "grants", 0), "holder"),
    (("citizen", "grants", 0), "from"),
    (("citizen", "representatives", 0), "consent"),
    (("citizen", "representatives", 0), "from"),
    (("actor",), "id"),
    (("actor",), "eid"),
    (("actor",), "login_locked"),
    (("service",), "channel"),
    (("service",), "unit"),
    (("service",), "entry_date"),
])
def test_each_member_given_as_null_is_the_member_left_out(where, key):
    with_null = request_part(EXAMPLE)
    without = request_part(EXAMPLE)
    for obj, value in ((with_null, None), (without, "drop")):
        for step in where:
            obj = obj[step]
        if value == "drop":
            obj.pop(key, None)
        else:
            obj[key] = None
    assert conformance.Request.from_json(with_null) == conformance.Request.from_json(without)
    assert _evaluate_json(with_null) == _evaluate_json(without)


def test_null_defaults_are_those_of_section_10():
    r = conformance.Request.from_json({
        "on": "2026-01-01",
        "citizen": {"birth_date": "2000-01-01", "login_locked": None, "seals": [
            {"scope": "whole", "requested_by": None, "active": None, "content": None}],
            "grants": [{"unit": "U", "holder": None}], "representatives": None},
        "actor": {"kind": "self", "eid": None, "id": None},
        "service": {"kind": "journal", "channel": None},
    })
    assert r.citizen.login_locked is False and r.citizen.representatives == ()
    assert r.citizen.seals[0] == pv.Seal.whole()
    assert r.citizen.grants[0] == pv.Grant("U", "self")
    assert r.actor == pv.Actor.self() and r.actor.eid is pv.Eid.BANKID
    assert r.service.channel is pv.Channel.PORTAL


def test_a_representative_without_kind_is_invalid():
    # Section 8: a representative's kind has no default.
    obj = request_part(EXAMPLE)
    del obj["citizen"]["representatives"][0]["kind"]
    with pytest.raises(pv.InvalidInput) as e:
        conformance.Request.from_json(obj)
    assert e.value.field == "citizen.representatives[0].kind"
    assert not isinstance(e.value, TypeError)
    vector = copy.deepcopy(EXAMPLE)
    del vector["citizen"]["representatives"][0]["kind"]
    vector["expect"] = {"effect": "deny", "reason": "INVALID_INPUT",
                        "field": "citizen.representatives[0].kind"}
    v = conformance.Vector.from_json(vector)
    assert v.request is None and v.differences() == []


@pytest.mark.parametrize("eid", ["bankid", "freja_plus", "freja", "password", "other", "none"])
def test_every_eid_name_is_read_and_only_bankid_and_freja_plus_pass_e1(eid):
    obj = request_part(EXAMPLE)
    obj["on"] = "2026-03-03"  # G1: the guardian still acts for the child of 12
    obj["actor"]["eid"] = eid
    r = conformance.Request.from_json(obj)
    assert r.actor.eid is pv.Eid(eid) and r.to_json()["actor"]["eid"] == eid
    d = r.evaluate()
    if eid in ("bankid", "freja_plus"):
        assert (d.effect, d.reason) == (pv.Effect.PERMIT, pv.Reason.GUARDIAN_PROXY)
    else:
        assert (d.effect, d.reason, d.rule) == (pv.Effect.DENY, pv.Reason.NO_EID, "E1")


def test_eid_defaults_to_bankid():
    obj = request_part(EXAMPLE)
    del obj["actor"]["eid"]
    assert conformance.Request.from_json(obj).actor.eid is pv.Eid.BANKID
    for bad in ("BankID", "freja+", "mitid", ""):
        obj["actor"]["eid"] = bad
        with pytest.raises(pv.InvalidInput) as e:
            conformance.Request.from_json(obj)
        assert e.value.field == "actor.eid"


def test_a_utf8_case_number_is_valid():
    # Section 8: a case number is informative; "Dnr RÖ 2024/17" is a real one.
    obj = {"on": "2026-01-01",
           "citizen": {"birth_date": "1980-01-01", "login_locked": True,
                       "login_lock_case_number": "Dnr RÖ 2024/17"},
           "actor": {"kind": "self"}, "service": {"kind": "e_services"}}
    r = conformance.Request.from_json(json.dumps(obj, ensure_ascii=False))
    assert r.citizen.login_lock_case_number == "Dnr RÖ 2024/17"
    d = r.evaluate()
    assert (d.reason, d.rule) == (pv.Reason.LOGIN_LOCKED, "E2")
    assert conformance.Request.from_json(r.to_json()) == r
