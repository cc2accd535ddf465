"""The input dataclasses: defaults, coercion, the cached C form, and malformed input (V1,
RULES.md section 8) raising InvalidInput / InvalidType with the field path."""

import copy
import pickle
from datetime import date, datetime

import pytest

import portvakt as pv
from portvakt import Reason

ON = date(2026, 6, 1)
ADULT = date(1980, 1, 1)
SELF = pv.Actor.self()
JOURNAL = pv.Service.journal()


def invalid(citizen=None, actor=SELF, service=JOURNAL, on=ON):
    citizen = citizen if citizen is not None else pv.Citizen(birth_date=ADULT)
    with pytest.raises(pv.InvalidInput) as e:
        pv.evaluate(citizen, actor, service, on)
    return e.value


def test_defaults_follow_section_10():
    c = pv.Citizen()
    assert (c.protected_identity, c.login_locked, c.seals, c.guardians, c.grants, c.representatives) == (
        False, False, (), (), (), ())
    assert c.login_lock_requested_by is pv.Requester.CARE
    assert pv.Actor(pv.ActorKind.GUARDIAN, "g").eid is pv.Eid.BANKID
    assert pv.Service("journal").channel is pv.Channel.PORTAL
    assert pv.Grant("U").holder == "self" == pv.GRANT_HOLDER_SELF
    seal = pv.Seal("whole")
    assert (seal.active, seal.content, seal.requested_by) == (pv.Interval(), None, pv.Requester.CARE)


def test_enum_values_are_the_json_names():
    assert pv.ActorKind.GUARDIAN == "guardian"
    assert pv.Eid.BANKID.value == "bankid" and pv.Eid.FREJA_PLUS.value == "freja_plus"
    assert pv.Reason.UNIT_SEALED.value == "UNIT_SEALED"
    assert pv.Effect.PERMIT.value == "permit"
    assert pv.ServiceKind.E_SERVICES.value == "e_services"
    assert pv.RepresentativeKind.FORVALTARE.value == "forvaltare"
    assert [r.value for r in pv.Reason][:5] == ["SELF", "GUARDIAN_PROXY", "DIRECT_ACCESS", "REPRESENTATIVE", "INVALID_INPUT"]
    assert pv.Reason.GUARDIAN_PROXY.effect is pv.Effect.PERMIT
    assert pv.Reason.UNIT_SEALED.effect is pv.Effect.DENY


def test_strings_become_enum_members_and_lists_tuples():
    seal = pv.Seal("unit", "U", requested_by="citizen")
    assert seal.scope is pv.SealScope.UNIT and seal.requested_by is pv.Requester.CITIZEN
    assert seal == pv.Seal(pv.SealScope.UNIT, "U", requested_by=pv.Requester.CITIZEN)
    assert hash(seal) == hash(pv.Seal(pv.SealScope.UNIT, "U", requested_by=pv.Requester.CITIZEN))
    c = pv.Citizen(guardians=[pv.Guardian("a")], login_lock_requested_by="citizen")
    assert c.guardians == (pv.Guardian("a"),)
    assert c.login_lock_requested_by is pv.Requester.CITIZEN
    assert pv.Actor("representative", "r", "freja_plus").eid is pv.Eid.FREJA_PLUS


def test_frozen_inputs_cannot_change():
    with pytest.raises(Exception):
        pv.Guardian("a").blocked = True  # type: ignore[misc]
    with pytest.raises(Exception):
        SELF.eid = pv.Eid.NONE  # type: ignore[misc]


def test_changing_a_citizen_drops_its_cached_c_form():
    c = pv.Citizen(birth_date=ADULT).compile()
    assert pv.evaluate(c, SELF, pv.Service.e_services(), ON).reason is Reason.SELF
    c.login_locked = True  # E2
    assert pv.evaluate(c, SELF, pv.Service.e_services(), ON).reason is Reason.LOGIN_LOCKED
    c.seals = [pv.Seal.whole()]  # J1
    assert pv.evaluate(c, SELF, JOURNAL, ON).reason is Reason.LOGIN_LOCKED
    assert pv.evaluate(c, SELF, pv.Service.journal(channel="direct"), ON).reason is Reason.JOURNAL_SEALED


def test_inputs_copy_and_pickle_without_their_c_form():
    c = pv.Citizen(birth_date=ADULT, guardians=[pv.Guardian("a")]).compile()
    a = pv.Actor.guardian("a").compile()
    for clone in (pickle.loads(pickle.dumps(c)), copy.deepcopy(c)):
        assert clone == c
        assert pv.evaluate(clone, SELF, JOURNAL, ON).reason is Reason.SELF
    assert pickle.loads(pickle.dumps(a)) == a
    d = pv.evaluate(c, SELF, JOURNAL, ON)
    assert pickle.loads(pickle.dumps(d)) == d


def test_v1_interval_start_after_end_names_the_field():
    c = pv.Citizen(birth_date=ADULT, seals=[
        pv.Seal.whole(),
        pv.Seal.whole(),
        pv.Seal.for_unit("U", active=pv.Interval(date(2026, 2, 1), date(2026, 1, 1))),
    ])
    e = invalid(c)
    assert e.field == "citizen.seals[2].active.from"
    assert e.detail
    assert str(e).startswith("citizen.seals[2].active.from: ")
    # V1: the fail-closed decision travels with the error.
    d = e.decision
    assert (d.effect, d.reason, d.reasons, d.rule, d.field) == (
        pv.Effect.DENY, Reason.INVALID_INPUT, (Reason.INVALID_INPUT,), "V1", "citizen.seals[2].active.from")
    # ... or is returned on request.
    assert pv.evaluate(c, SELF, JOURNAL, ON, raise_on_invalid=False) == d
    assert isinstance(e, ValueError)


@pytest.mark.parametrize("citizen, actor, service, field", [
    (pv.Citizen(birth_date=date(2027, 1, 1)), SELF, JOURNAL, "citizen.birth_date"),
    (pv.Citizen(), SELF, JOURNAL, "citizen.birth_date"),
    (pv.Citizen(personnummer="19121212-1213"), SELF, JOURNAL, "citizen.personnummer"),
    (pv.Citizen(birth_date=ADULT, seals=[pv.Seal.for_unit("")]), SELF, JOURNAL, "citizen.seals[0].unit"),
    (pv.Citizen(birth_date=ADULT, seals=[pv.Seal("unit")]), SELF, JOURNAL, "citizen.seals[0].unit"),
    (pv.Citizen(birth_date=ADULT, seals=[pv.Seal("whole", "U")]), SELF, JOURNAL, "citizen.seals[0].unit"),
    (pv.Citizen(birth_date=ADULT, guardians=[pv.Guardian("a b")]), SELF, JOURNAL, "citizen.guardians[0].id"),
    (pv.Citizen(birth_date=ADULT, guardians=[pv.Guardian("x" * 65)]), SELF, JOURNAL, "citizen.guardians[0].id"),
    (pv.Citizen(birth_date=ADULT, guardians=[pv.Guardian("self")]), SELF, JOURNAL, "citizen.guardians[0].id"),
    (pv.Citizen(birth_date=ADULT, guardians=[pv.Guardian("a"), pv.Guardian("a")]), SELF, JOURNAL,
     "citizen.guardians[1].id"),
    (pv.Citizen(birth_date=ADULT, grants=[pv.Grant("U", holder="nobody")]), SELF, JOURNAL,
     "citizen.grants[0].holder"),
    (pv.Citizen(birth_date=ADULT, guardians=[pv.Guardian("å")]), SELF, JOURNAL, "citizen.guardians[0].id"),
    (pv.Citizen(birth_date=ADULT), pv.Actor.guardian(None), JOURNAL, "actor.id"),  # type: ignore[arg-type]
    (pv.Citizen(birth_date=ADULT), pv.Actor(pv.ActorKind.SELF, login_locked=True), JOURNAL, "actor.login_locked"),
    (pv.Citizen(birth_date=ADULT), SELF, pv.Service("e_services", unit="U"), "service.unit"),
    (pv.Citizen(birth_date=ADULT), SELF, pv.Service("e_services", "direct"), "service.channel"),
    (pv.Citizen(birth_date=ADULT), SELF, pv.Service.journal(entry_date=ON), "service.entry_date"),
])
def test_v1_section_8_cases_name_their_field(citizen, actor, service, field):
    assert invalid(citizen, actor, service).field == field


@pytest.mark.parametrize("make, field", [
    (lambda: pv.Citizen(birth_date="1980-01-01"), "citizen.birth_date"),
    (lambda: pv.Citizen(birth_date=datetime(1980, 1, 1)), "citizen.birth_date"),
    (lambda: pv.Citizen(birth_date=ADULT, login_locked=1), "citizen.login_locked"),
    (lambda: pv.Citizen(birth_date=ADULT, guardians=[pv.Guardian(5)]), "citizen.guardians[0].id"),
    (lambda: pv.Citizen(birth_date=ADULT, guardians=["anna"]), "citizen.guardians[0]"),
    (lambda: pv.Citizen(birth_date=ADULT, seals=pv.Seal.whole()), "citizen.seals"),
    (lambda: pv.Citizen(birth_date=ADULT, seals=[pv.Seal.whole(active=(None, None))]), "citizen.seals[0].active"),
    (lambda: pv.Citizen(birth_date=ADULT, grants=[pv.Grant("U", from_="2020-01-01")]), "citizen.grants[0].from"),
    (lambda: pv.Citizen(birth_date=ADULT, representatives=[pv.Representative("r", 0)]),
     "citizen.representatives[0].kind"),
])
def test_wrong_python_types_raise_invalid_type_naming_the_field(make, field):
    with pytest.raises(pv.InvalidType) as e:
        pv.evaluate(make(), SELF, JOURNAL, ON)
    assert e.value.field == field
    assert isinstance(e.value, TypeError) and isinstance(e.value, pv.InvalidInput)


def test_unknown_enum_strings_raise_invalid_input():
    with pytest.raises(pv.InvalidInput) as e:
        pv.evaluate(pv.Citizen(birth_date=ADULT), pv.Actor("self", eid="mitid"), JOURNAL, ON)
    assert e.value.field == "actor.eid" and not isinstance(e.value, TypeError)
    with pytest.raises(pv.InvalidInput) as e:
        pv.Citizen(birth_date=ADULT, seals=[pv.Seal("partial")]).compile()
    assert e.value.field == "citizen.seals[0].scope"


def test_embedded_nul_is_refused():
    with pytest.raises(pv.InvalidInput) as e:
        pv.Citizen(birth_date=ADULT, guardians=[pv.Guardian("a\0b")]).compile()
    assert e.value.field == "citizen.guardians[0].id"


def test_wrong_classes_and_dates_for_evaluate():
    c = pv.Citizen(birth_date=ADULT)
    with pytest.raises(pv.InvalidType) as e:
        pv.evaluate({"birth_date": ADULT}, SELF, JOURNAL, ON)  # type: ignore[arg-type]
    assert e.value.field == "citizen"
    with pytest.raises(pv.InvalidType) as e:
        pv.evaluate(c, "self", JOURNAL, ON)  # type: ignore[arg-type]
    assert e.value.field == "actor"
    with pytest.raises(pv.InvalidType) as e:
        pv.evaluate(c, SELF, None, ON)  # type: ignore[arg-type]
    assert e.value.field == "service"
    for on in ("2026-06-01", datetime(2026, 6, 1), None, 20000):
        with pytest.raises(pv.InvalidType) as e:
            pv.evaluate(c, SELF, JOURNAL, on)  # type: ignore[arg-type]
        assert e.value.field == "on"


def test_validate():
    assert pv.validate(pv.Citizen(birth_date=ADULT), SELF, JOURNAL, ON) is None
    with pytest.raises(pv.InvalidInput) as e:
        pv.validate(pv.Citizen(birth_date=ON), SELF, JOURNAL, date(2026, 5, 31))
    assert e.value.field == "citizen.birth_date"


def test_from_personnummer_keeps_the_normalised_number():
    # N1, N4: a ten-digit number with '-' is the latest century not after 'on'.
    c = pv.Citizen.from_personnummer("121212-1212", on=ON, login_locked=True)
    assert c.birth_date == date(2012, 12, 12)
    assert c.personnummer == "201212121212"
    assert c.login_locked
    # The record agrees with itself (A3: both given, they must agree).
    assert pv.evaluate(c, SELF, pv.Service.e_services(), ON).reason is Reason.LOGIN_LOCKED
    # N4: '+' is a hundred years earlier.
    assert pv.Citizen.from_personnummer("121212+1212", on=ON).birth_date == date(1912, 12, 12)
    with pytest.raises(pv.InvalidInput) as e:
        pv.Citizen.from_personnummer("121212-1213", on=ON)
    assert e.value.field == "personnummer"


def test_citizen_units_in_first_mention_order():
    # The units of a record (seals, then grants, first mention first) as the C library finds
    # them (pv_citizen_units): a malformed record has none to give.
    c = pv.Citizen(birth_date=date(2010, 1, 1),
                   seals=[pv.Seal.whole(), pv.Seal.for_unit("B"), pv.Seal.for_unit("A")],
                   grants=[pv.Grant("A"), pv.Grant("C")])
    assert c.units() == ("B", "A", "C") == c.units(ON)
    with pytest.raises(pv.InvalidInput) as e:
        pv.Citizen(seals=[pv.Seal.for_unit("B")]).units(ON)  # A3: no birth date
    assert e.value.field == "citizen.birth_date"


def test_birth_date_on_from_c():
    # A3: the birth date, or the personnummer read against the date (N4: '-' within a century).
    assert pv.Citizen(personnummer="121212-1212").birth_date_on(date(2026, 1, 1)) == date(2012, 12, 12)
    assert pv.Citizen(birth_date=date(2001, 2, 3)).birth_date_on(date(2026, 1, 1)) == date(2001, 2, 3)


# ---- Case numbers, e-ID values and caps (RULES.md section 8) ------------------------------------


@pytest.mark.parametrize("case_number", [
    "Dnr RÖ 2024/17",  # section 8: any real case number, in UTF-8
    "",  # may be empty after an acute lock
    "x" * 128,
    "Å" * 64,  # 128 bytes of UTF-8
])
def test_case_numbers_are_utf8_up_to_128_bytes(case_number):
    c = pv.Citizen(birth_date=ADULT, login_locked=True, login_lock_case_number=case_number)
    d = pv.evaluate(c, SELF, pv.Service.e_services(), ON)
    assert d.reason is Reason.LOGIN_LOCKED  # E2: a valid record, locked
    assert pv.evaluate(c, SELF, pv.Service.journal(channel="direct"), ON).reason is Reason.SELF


@pytest.mark.parametrize("case_number", ["x" * 129, "Å" * 65, "RS\n2024/17", "RS\t1"])
def test_case_numbers_longer_than_128_bytes_or_with_control_characters_are_invalid(case_number):
    c = pv.Citizen(birth_date=ADULT, login_locked=True, login_lock_case_number=case_number)
    assert invalid(c).field == "citizen.login_lock_case_number"


@pytest.mark.parametrize("eid", list(pv.Eid))
def test_every_eid_value_is_valid_and_only_bankid_and_freja_plus_pass_e1(eid):
    # Section 8: bankid, freja_plus, freja, password, other, none are all valid inputs; E1 lets
    # only the first two in.
    assert [e.value for e in pv.Eid] == ["bankid", "freja_plus", "freja", "password", "other", "none"]
    d = pv.evaluate(pv.Citizen(birth_date=ADULT), pv.Actor.self(eid), pv.Service.e_services(), ON)
    if eid in (pv.Eid.BANKID, pv.Eid.FREJA_PLUS):
        assert (d.effect, d.reason) == (pv.Effect.PERMIT, Reason.SELF)
    else:
        assert (d.effect, d.reason, d.rule) == (pv.Effect.DENY, Reason.NO_EID, "E1")


def test_enums_have_no_unset_member_and_match_c():
    # The unset 0 of the C enums (no name) has no member; every member maps to its C value.
    from portvakt import _enums
    from portvakt import cportvakt as c

    assert _enums.ACTOR_KINDS_FROM_C[0] is None and _enums.ACTOR_KIND_TO_C[pv.ActorKind.SELF] == c.ACTOR_SELF
    assert _enums.EIDS_FROM_C[0] is None and _enums.EID_TO_C[pv.Eid.BANKID] == c.EID_BANKID
    assert _enums.EID_TO_C[pv.Eid.NONE] == c.EID_NONE
    assert _enums.SERVICE_KIND_TO_C[pv.ServiceKind.JOURNAL] == c.SERVICE_JOURNAL
    assert _enums.SEAL_SCOPE_TO_C[pv.SealScope.WHOLE] == c.SEAL_WHOLE
    assert _enums.REPRESENTATIVE_KIND_TO_C[pv.RepresentativeKind.FORVALTARE] == c.REPRESENTATIVE_FORVALTARE
    assert len(pv.ActorKind) == c.ACTOR_KIND_COUNT - 1 and len(pv.Eid) == c.EID_COUNT - 1


def test_more_guardians_than_the_cap_is_invalid():
    # Section 8: at most 16 guardians.
    sixteen = [pv.Guardian(f"g{i}") for i in range(16)]
    d = pv.evaluate(pv.Citizen(birth_date=ADULT, guardians=sixteen), SELF, JOURNAL, ON)
    assert d.reason is Reason.SELF
    e = invalid(pv.Citizen(birth_date=ADULT, guardians=sixteen + [pv.Guardian("g16")]))
    assert e.field == "citizen.guardians"
