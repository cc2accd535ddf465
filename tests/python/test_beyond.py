"""The questions beyond a yes/no from Python and the command line: who_can_see, timeline,
advise, plan, may_change, timeline_svg, and `portvakt who|timeline|advise|plan|may`. Expected
values come from RULES.md (rule and routine ids in test names or comments)."""

import dataclasses
import io
import json
import xml.etree.ElementTree as ET
from datetime import date

import pytest
from conftest import run_cli

import portvakt as pv
from portvakt._cli import main

U1 = "SE2321000016-1ABC"
U2 = "SE2321000016-2DEF"
ON = date(2026, 3, 4)
SVG = "{http://www.w3.org/2000/svg}"


def child_5(**fields):
    """A child of 5 on ON with guardians g1 and g2."""
    fields.setdefault("guardians", [pv.Guardian("g1"), pv.Guardian("g2")])
    fields.setdefault("birth_date", date(2021, 1, 1))
    return pv.Citizen(**fields)


def adult(**fields):
    return pv.Citizen(birth_date=date(1980, 1, 20), **fields)


def blocked_guardian_and_grant():
    """Born 2010-05-10 (13 on 2023-05-10, 16 on 2026-05-10); g1 blocked; g2 holds a grant for
    U1 over 2024; the child holds one for U1 from 2024-06-01."""
    return pv.Citizen(
        birth_date=date(2010, 5, 10),
        guardians=[pv.Guardian("g1", blocked=True), pv.Guardian("g2")],
        grants=[pv.Grant(U1, "g2", date(2024, 1, 1), date(2024, 12, 31)),
                pv.Grant(U1, "self", date(2024, 6, 1))],
    )


# ---- who_can_see --------------------------------------------------------------------------------


def test_who_can_see_rows_in_record_order_and_equal_to_evaluate():
    # Rows: (self, g1, g2) x (e-services, journal, U2 from the seal, U1 from the grant).
    c = pv.Citizen(birth_date=date(2011, 7, 1), guardians=[pv.Guardian("g1"), pv.Guardian("g2")],
                   seals=[pv.Seal.for_unit(U2)], grants=[pv.Grant(U1, "g1")])
    rows = pv.beyond.who_can_see(c, ON)
    assert len(rows) == 3 * 4
    assert [(r.actor.kind.value, r.actor.id, r.service.kind.value, r.unit) for r in rows[:4]] == [
        ("self", None, "e_services", None), ("self", None, "journal", None),
        ("self", None, "journal", U2), ("self", None, "journal", U1)]
    assert [r.actor.id for r in rows[4:]] == ["g1"] * 4 + ["g2"] * 4
    for r in rows:
        assert isinstance(r, pv.beyond.AccessRow) and isinstance(r.decision, pv.Decision)
        # The journal is asked through the direct channel, each actor with BankID.
        assert r.decision == pv.evaluate(c, r.actor, r.service, ON)
        # The channel of each row comes from C (pv_access_row.channel): the portal for the
        # e-services, the direct channel for the journal.
        if r.service.kind is pv.ServiceKind.JOURNAL:
            assert r.service.channel is r.channel is pv.Channel.DIRECT
        else:
            assert r.service.channel is r.channel is pv.Channel.PORTAL
    assert [r.label for r in rows[:4]] == ["e-services (portal)", "journal (direct)",
                                           f"journal, unit {U2} (direct)", f"journal, unit {U1} (direct)"]
    # D2: g1 reaches U1; J2: U2 is sealed for everyone.
    by = {(r.actor.id, r.unit): r.decision for r in rows if r.service.kind.value == "journal"}
    assert by[("g1", U1)].reason is pv.Reason.DIRECT_ACCESS
    assert by[(None, U2)].reason is pv.Reason.UNDER_16 and pv.Reason.UNIT_SEALED in by[(None, U2)].reasons


def test_who_can_see_locked_citizen_keeps_the_direct_channel_e2():
    rows = pv.beyond.who_can_see(adult(login_locked=True, login_lock_case_number="RS 1"), ON)
    assert [(r.service.kind.value, r.decision.effect.value, r.decision.reason.value) for r in rows] == [
        ("e_services", "deny", "LOGIN_LOCKED"), ("journal", "permit", "SELF")]
    assert rows[0].to_json() == {"actor": "self", "kind": "self", "service": "e_services", "unit": None,
                                 "effect": "deny", "reason": "LOGIN_LOCKED", "reasons": ["LOGIN_LOCKED"],
                                 "rule": "E2", "filtered": False, "changes_on": None}


def test_who_can_see_invalid_input_v1():
    with pytest.raises(pv.InvalidInput) as info:
        pv.beyond.who_can_see(adult(seals=[pv.Seal(pv.SealScope.UNIT)]), ON)  # a unit seal without a unit
    assert info.value.field == "citizen.seals[0].unit"
    with pytest.raises(pv.InvalidInput) as info:
        pv.beyond.who_can_see(adult(), date(1970, 1, 1))  # born after 'on'
    assert info.value.field.startswith("citizen.")
    with pytest.raises(pv.InvalidType):
        pv.beyond.who_can_see({"birth_date": "1980-01-20"}, ON)
    with pytest.raises(pv.InvalidType):
        pv.beyond.who_can_see(adult(), "2026-03-04")


# ---- timeline -----------------------------------------------------------------------------------


def test_timeline_guardian_e_services_until_13_g1():
    steps = pv.beyond.timeline(child_5(birth_date=date(2010, 5, 10)), "g1", "e_services",
                        date(2010, 5, 10), date(2028, 5, 10))
    assert [(s.from_, s.decision.effect.value, s.decision.reason.value) for s in steps] == [
        (date(2010, 5, 10), "permit", "GUARDIAN_PROXY"), (date(2023, 5, 10), "deny", "PROXY_ENDED")]
    assert steps[0].decision.changes_on == steps[1].from_  # T1
    assert steps[1].to_json()["from"] == "2023-05-10"


def test_timeline_by_value_and_by_name_agree_d2():
    c = blocked_guardian_and_grant()
    by_name = pv.beyond.timeline(c, "g2", "journal", date(2020, 1, 1), date(2027, 1, 1), unit=U1)
    by_value = pv.beyond.timeline(c, pv.Actor.guardian("g2"), pv.Service.journal(U1, channel="direct"),
                           date(2020, 1, 1), date(2027, 1, 1))
    assert by_name == by_value
    assert [(s.from_, s.decision.reason.value) for s in by_name] == [
        (date(2020, 1, 1), "GUARDIAN_PROXY"), (date(2023, 5, 10), "PROXY_ENDED"),
        (date(2024, 1, 1), "DIRECT_ACCESS"), (date(2025, 1, 1), "PROXY_ENDED")]


def test_timeline_portal_channel_sees_the_lock_e2():
    c = adult(login_locked=True, login_lock_case_number="RS 1")
    direct = pv.beyond.timeline(c, "self", "journal", ON, date(2026, 12, 31))
    portal = pv.beyond.timeline(c, "self", "journal", ON, date(2026, 12, 31), channel="portal")
    assert [s.decision.reason.value for s in direct] == ["SELF"]
    assert [s.decision.reason.value for s in portal] == ["LOGIN_LOCKED"]


def test_timeline_names_and_errors():
    c = pv.Citizen(birth_date=date(1980, 1, 20), guardians=[],
                   representatives=[pv.Representative("x", "god_man", True, True, True)])
    assert pv.beyond.timeline(c, "x", "journal", ON, ON)[0].decision.reason is pv.Reason.REPRESENTATIVE
    assert pv.beyond.timeline(c, "representative:x", "journal", ON, ON)[0].decision.reason is pv.Reason.REPRESENTATIVE
    with pytest.raises(pv.InvalidInput) as info:
        pv.beyond.timeline(c, "nobody", "journal", ON, ON)
    assert info.value.field == "actor"
    with pytest.raises(pv.InvalidInput) as info:
        pv.beyond.timeline(c, "self", "bookings", ON, ON)
    assert info.value.field == "service"
    with pytest.raises(pv.InvalidInput) as info:
        pv.beyond.timeline(c, "self", "journal", ON, date(2026, 1, 1))  # 'until' before 'from'
    assert info.value.field == "until"
    with pytest.raises(pv.InvalidInput) as info:
        pv.beyond.timeline(c, "self", "e_services", ON, ON, unit=U1)  # section 8
    assert info.value.field == "unit"
    with pytest.raises(pv.InvalidType):
        pv.beyond.timeline(c, "self", "journal", "2026-03-04", ON)


# ---- advise -------------------------------------------------------------------------------------


def test_advise_each_kind_and_none():
    assert pv.beyond.advise(child_5(), ON) == []
    # M-GUARD
    [a] = pv.beyond.advise(child_5(guardians=[pv.Guardian("g1", blocked=True), pv.Guardian("g2")]), ON)
    assert (a.kind, a.routine, a.guardian) == (pv.beyond.AdviceKind.BLOCK_WITHOUT_LOCK, "M-GUARD", "g1")
    assert a.to_json()["id"] == "M-GUARD" and a.message and "seed" in a.source
    # M-PROT (a 14-year-old, so that M-13 does not apply)
    [a] = pv.beyond.advise(pv.Citizen(birth_date=date(2011, 7, 1), protected_identity=True), ON)
    assert a.kind is pv.beyond.AdviceKind.PROTECTED_WITHOUT_MEASURES and a.routine == "M-PROT"
    # M-13 and X1
    items = pv.beyond.advise(child_5(login_locked=True), ON)
    assert sorted(a.routine for a in items) == ["M-13", "X1"]
    assert {a.kind for a in items} == {pv.beyond.AdviceKind.CHILD_LOCK_CUTS_ALL_GUARDIANS,
                                       pv.beyond.AdviceKind.LOCK_WITHOUT_CASE_NUMBER}


# ---- plan ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, goal", [
    ("nothing", pv.beyond.Goal(pv.beyond.GoalKind.NOTHING)),
    ("no-journal", pv.beyond.Goal("no-journal")),
    ("guardian:g1", pv.beyond.Goal("guardian", guardian="g1")),
    (f"hide-unit:{U1}", pv.beyond.Goal("hide-unit", unit=U1)),
    (f"hide-unit:{U1}:2026-04-01", pv.beyond.Goal("hide-unit", unit=U1, from_=date(2026, 4, 1))),
    (f"hide-entries:{U1}:2020-01-01:2020-12-31",
     pv.beyond.Goal("hide-entries", unit=U1, from_=date(2020, 1, 1), until=date(2020, 12, 31))),
])
def test_goal_parse_and_str(text, goal):
    assert pv.beyond.Goal.parse(text) == goal
    assert str(goal) == text


@pytest.mark.parametrize("text, field", [
    ("everything", "goal"), ("guardian", "goal"), ("guardian:a:b", "goal"), ("nothing:x", "goal"),
    ("hide-entries:U:2020-01-01", "goal"), ("hide-unit:U:2023-02-29", "goal.from"),
    ("hide-entries:U:2020-01-01:2020-13-01", "goal.until"),
])
def test_goal_parse_errors(text, field):
    with pytest.raises(pv.InvalidInput) as info:
        pv.beyond.Goal.parse(text)
    assert info.value.field == field


def _apply(citizen, p):
    """The record with the plan's unconditional measures applied, as staff would apply them."""
    changes = {}
    for m in p.measures:
        if m.conditional:
            continue
        if m.action is pv.beyond.Action.LOCK_LOGIN:
            changes.update(login_locked=True, login_lock_case_number="RS 1")
        elif m.action is pv.beyond.Action.SEAL:
            changes["seals"] = tuple(changes.get("seals", citizen.seals)) + (m.seal,)
        elif m.action is pv.beyond.Action.BLOCK_GUARDIAN:
            changes["guardians"] = [dataclasses.replace(g, blocked=g.blocked or g.id == m.guardian)
                                    for g in citizen.guardians]
    return dataclasses.replace(citizen, **changes)


def _reachable(citizen, actor, on):
    services = [pv.Service.e_services()] + [
        pv.Service.journal(unit, channel=ch) for unit in (None, U1) for ch in ("portal", "direct")]
    return [s for s in services if pv.evaluate(citizen, actor, s, on).permitted]


def test_plan_nothing_m_all_and_its_proof():
    c = child_5()
    p = pv.beyond.plan(c, "nothing", ON)
    assert isinstance(p, pv.beyond.Plan) and p.holds and p.checked > 0 and p.proven_on == ON
    assert sorted((m.routine, m.action.value) for m in p.measures) == [
        ("M-ALL", "lock_login"), ("M-ALL", "seal")]
    seal = next(m.seal for m in p.measures if m.action is pv.beyond.Action.SEAL)
    assert isinstance(seal, pv.Seal) and seal.scope is pv.SealScope.WHOLE and seal.content is None
    after = _apply(c, p)
    for actor in (pv.Actor.self(), pv.Actor.guardian("g1"), pv.Actor.guardian("g2")):
        assert _reachable(after, actor, ON) == []


def test_plan_guardian_m_guard_block_and_conditional_lock():
    c = child_5()
    p = pv.beyond.plan(c, pv.beyond.Goal.parse("guardian:g1"), ON)
    assert p.holds
    block = [m for m in p.measures if m.action is pv.beyond.Action.BLOCK_GUARDIAN]
    lock = [m for m in p.measures if m.action is pv.beyond.Action.LOCK_LOGIN]
    assert [(m.guardian, m.routine, m.conditional) for m in block] == [("g1", "M-GUARD", False)]
    assert [(m.routine, m.conditional) for m in lock] == [("M-GUARD", True)]
    after = _apply(c, p)
    assert _reachable(after, pv.Actor.guardian("g1"), ON) == []  # G3
    assert _reachable(after, pv.Actor.guardian("g2"), ON) != []  # the other guardian keeps it
    js = p.to_json()
    assert js["goal"] == "guardian:g1" and js["proof"]["holds"] is True
    assert {m["action"] for m in js["measures"]} == {"block_guardian", "lock_login"}


def test_plan_guardian_with_protected_identity_m_prot():
    p = pv.beyond.plan(child_5(protected_identity=True), "guardian:g1", ON)
    assert sorted((m.routine, m.action.value, m.conditional) for m in p.measures) == [
        ("M-GUARD", "block_guardian", False), ("M-PROT", "lock_login", False), ("M-PROT", "seal", False)]


def test_plan_hide_unit_and_entries_j2_j4():
    c = adult()
    p = pv.beyond.plan(c, f"hide-unit:{U1}:2026-04-01", ON)
    [m] = p.measures
    assert (m.routine, m.seal.scope, m.seal.unit, m.seal.active.from_) == ("J2", pv.SealScope.UNIT, U1, date(2026, 4, 1))
    assert p.proven_on == date(2026, 4, 1)
    p = pv.beyond.plan(c, f"hide-entries:{U1}:2020-01-01:2020-12-31", ON)
    [m] = p.measures
    assert m.routine == "J4" and m.seal.content == pv.Interval(date(2020, 1, 1), date(2020, 12, 31))
    after = _apply(c, p)
    entry = pv.Service.journal(U1, entry_date=date(2020, 6, 1))
    assert pv.evaluate(after, pv.Actor.self(), entry, ON).reason is pv.Reason.ENTRY_SEALED


@pytest.mark.parametrize("goal, field", [
    ("guardian:g9", "goal.guardian"),
    (pv.beyond.Goal("hide-unit"), "goal.unit"),
    (f"hide-entries:{U1}:2021-01-01:2020-12-31", "goal.from"),
])
def test_plan_invalid_goal_v1(goal, field):
    with pytest.raises(pv.InvalidInput) as info:
        pv.beyond.plan(child_5(), goal, ON)
    assert info.value.field == field


# The M-PROT household: born 2016-05-10 (13 on 2029-05-10, 18 on 2034-05-10); the child's
# protected identity runs from 2025-01-01 to 2027-06-30.
def protected_until_mid_2027():
    return pv.Citizen(birth_date=date(2016, 5, 10), guardians=[pv.Guardian("g1"), pv.Guardian("g2")],
                      protected_identity_periods=[pv.Interval(date(2025, 1, 1), date(2027, 6, 30))])


def test_plan_proof_over_time_m_prot_h2_t1():
    c = protected_until_mid_2027()
    p = pv.beyond.plan(c, "guardian:g1", ON)
    # M-GUARD's block, M-PROT's lock and seal: g1 is kept out to the 18th birthday.
    assert (p.holds, p.proven_on, p.horizon, p.fails_on) == (True, ON, date(2034, 5, 10), None)
    assert p.to_json()["proof"] == {"holds": True, "checked": p.checked, "proven_on": "2026-03-04",
                                    "horizon": "2034-05-10", "fails_on": None}
    # M-PROT is for every guardian: the lock (L1) and the seal (J1) keep g2 out too; without
    # them g2 is kept out by G4 only, until the protection's last day (H2, H3).
    assert pv.beyond.prove(c, "guardian:g2", ON, p.measures).holds
    without = pv.beyond.prove(c, "guardian:g2", ON, p.without("M-PROT"))
    assert [m.routine for m in without.measures] == ["M-GUARD"]
    assert (without.holds, without.fails_on, without.horizon) == (False, date(2027, 7, 1), date(2034, 5, 10))
    assert without.to_json()["proof"]["fails_on"] == "2027-07-01"
    # No measure at all looks fine on ON (G4 denies every guardian) and up to 2027-06-30.
    assert pv.beyond.prove(c, "guardian:g1", ON, [], horizon=ON).holds
    assert pv.beyond.prove(c, "guardian:g1", ON, (), horizon=date(2027, 6, 30)).holds
    assert pv.beyond.prove(c, "guardian:g1", ON, []).fails_on == date(2027, 7, 1)


def test_plan_horizon_default_and_given_a1_v1():
    # A1: 18 on 28 February in a common year; an adult: five years.
    assert pv.beyond.plan(child_5(birth_date=date(2012, 2, 29)), "nothing", ON).horizon == date(2030, 2, 28)
    assert pv.beyond.plan(adult(), "nothing", ON).horizon == date(2031, 3, 4)
    assert pv.beyond.plan(adult(), "nothing", ON, horizon=date(2040, 1, 1)).horizon == date(2040, 1, 1)
    with pytest.raises(pv.InvalidInput) as info:
        pv.beyond.plan(adult(), "nothing", ON, date(2026, 3, 3))  # before on
    assert info.value.field == "goal.horizon"
    with pytest.raises(pv.InvalidType) as info:
        pv.beyond.plan(adult(), "nothing", ON, horizon="2030-01-01")
    assert info.value.field == "goal.horizon"


def test_prove_hide_unit_fails_on_the_16th_birthday_s2_d1():
    # 14 on ON without a grant: no one reaches U1 today, without any measure (D1, D2); on the
    # 16th birthday the child does (S2); a grant from 2026-09-01 opens it on that day (D1).
    c = pv.Citizen(birth_date=date(2011, 7, 1), guardians=[pv.Guardian("g1")])
    assert pv.beyond.plan(c, f"hide-unit:{U1}", ON).holds
    assert pv.beyond.prove(c, f"hide-unit:{U1}", ON, []).fails_on == date(2027, 7, 1)
    c = dataclasses.replace(c, grants=[pv.Grant(U1, "self", date(2026, 9, 1))])
    assert pv.beyond.prove(c, f"hide-unit:{U1}", ON, []).fails_on == date(2026, 9, 1)
    # J3: a unit seal until 2026-12-31 holds until then.
    seal = pv.Seal.for_unit(U1, active=pv.Interval(None, date(2026, 12, 31)))
    p = pv.beyond.prove(c, f"hide-unit:{U1}", ON, [pv.beyond.Measure(pv.beyond.Action.SEAL, "J2", seal=seal)])
    assert (p.holds, p.fails_on) == (False, date(2027, 1, 1))


@pytest.mark.parametrize("measures, field", [
    ([pv.beyond.Measure(pv.beyond.Action.BLOCK_GUARDIAN, "M-GUARD", "g9")], "plan.measures[0].guardian"),
    ([pv.beyond.Measure(pv.beyond.Action.UNLOCK_LOGIN, "X3")], "plan.measures[0].action"),
    ([pv.beyond.Measure(pv.beyond.Action.SEAL, "J2", seal=pv.Seal.for_unit(U1)),
      pv.beyond.Measure(pv.beyond.Action.SEAL, "J2", seal=pv.Seal(pv.SealScope.UNIT))], "plan.measures[1].seal.unit"),
    ([pv.beyond.Measure(pv.beyond.Action.LOCK_LOGIN, "M-ALL")] * 5, "plan.measure_count"),
])
def test_prove_invalid_measures_v1(measures, field):
    with pytest.raises(pv.InvalidInput) as info:
        pv.beyond.prove(child_5(), "guardian:g1", ON, measures)
    assert info.value.field == field


def test_prove_wrong_types():
    with pytest.raises(pv.InvalidType) as info:
        pv.beyond.prove(child_5(), "guardian:g1", ON, "block_guardian")
    assert info.value.field == "measures"
    with pytest.raises(pv.InvalidType) as info:
        pv.beyond.prove(child_5(), "guardian:g1", ON, [("block_guardian", "g1")])
    assert info.value.field == "measures[0]"


# ---- may_change ---------------------------------------------------------------------------------


def test_cli_plan_horizon_and_without(tmp_path):
    path = tmp_path / "protected.json"
    path.write_text(json.dumps({
        "on": "2026-03-04", "horizon": "2030-01-01",
        "citizen": {"birth_date": "2016-05-10", "guardians": [{"id": "g1"}, {"id": "g2"}],
                    "protected_identity": [{"from": "2025-01-01", "until": "2027-06-30"}]}}))
    status, out, err = cli("plan", path, "--goal", "guardian:g1")
    assert status == 0, err
    assert "holds from 2026-03-04 to the horizon 2030-01-01" in out and "fails on" not in out
    # Without any measure G4 keeps g1 out only until the protection's last day.
    status, out, err = cli("plan", path, "--goal", "guardian:g1", "--without", "M-GUARD",
                           "--without", "M-PROT")
    assert status == 0, err
    assert "without M-GUARD, M-PROT" in out and "(no measures)" in out
    assert ("DOES NOT HOLD from 2026-03-04 to the horizon 2030-01-01 with the unconditional "
            "measures applied: it fails on 2027-07-01") in out
    status, out, err = cli("plan", path, "--goal", "guardian:g1", "--without", "M-PROT",
                           "--without", "M-GUARD", "--horizon", "2034-05-10", "--json")
    proof = json.loads(out)["proof"]
    assert status == 0 and (proof["horizon"], proof["fails_on"]) == ("2034-05-10", "2027-07-01")
    status, out, err = cli("plan", path, "--goal", "guardian:g1", "--horizon", "2026-03-03")
    assert status == 2 and out == "" and "goal.horizon" in err
    status, out, err = cli("plan", path, "--goal", "guardian:g1", "--horizon", "2026-13-01")
    assert status == 2 and out == "" and "--horizon" in err


def test_may_change_x1_to_x7():
    c = adult(seals=[pv.Seal.whole(requested_by="citizen")], guardians=[])
    # X4: a seal set by the citizen is lifted only by central support.
    p = pv.beyond.may_change("central_support", "unseal", c, ON, measure=0)
    assert p.allowed and p.rule == "X4" and p.conditions
    assert not pv.beyond.may_change(pv.beyond.Role.CARE, pv.beyond.Action.UNSEAL, c, ON, measure=0).allowed
    # X2: relatives do not decide a lock.
    p = pv.beyond.may_change("relative", "lock_login", c, ON)
    assert (p.allowed, p.part, p.rule) == (False, pv.beyond.Part.NONE, "X2")
    # X5: care decides a block; an unknown action name is an error naming the field.
    child = child_5()
    with pytest.raises(pv.InvalidInput) as e:
        pv.beyond.may_change("care", "block", child, ON, measure=0)
    assert e.value.field == "action"
    assert pv.beyond.may_change("care", "block_guardian", child, ON, measure=0).part is pv.beyond.Part.DECIDE
    assert pv.beyond.may_change("guardian", "unblock_guardian", child, ON, measure=1).to_json()["allowed"] is False


def test_may_change_errors():
    c = adult(seals=[pv.Seal.whole(requested_by="citizen")])
    for kwargs, field in (({}, "measure"), ({"measure": 5}, "measure")):
        with pytest.raises(pv.InvalidInput) as info:
            pv.beyond.may_change("central_support", "unseal", c, ON, **kwargs)
        assert info.value.field == field
    with pytest.raises(pv.InvalidInput) as info:
        pv.beyond.may_change("central_support", "unseal", c, ON, measure=-1)
    assert info.value.field == "measure"
    with pytest.raises(pv.InvalidType):
        pv.beyond.may_change("central_support", "unseal", c, ON, measure=True)
    with pytest.raises(pv.InvalidInput) as info:
        pv.beyond.may_change("neighbour", "seal", c, ON)
    assert info.value.field == "requester"
    with pytest.raises(pv.InvalidInput) as info:
        pv.beyond.may_change("care", "paint", c, ON)
    assert info.value.field == "action"


# ---- timeline_svg -------------------------------------------------------------------------------


def test_timeline_svg_lanes_colours_and_thresholds(tmp_path):
    c = blocked_guardian_and_grant()
    path = tmp_path / "t.svg"
    svg = pv.picture.timeline_svg(c, date(2010, 5, 10), date(2028, 5, 10), title="a child", path=str(path))
    assert path.read_text(encoding="utf-8") == svg
    root = ET.fromstring(svg.split("\n", 1)[1])
    assert root.tag == f"{SVG}svg"
    # One lane per actor (self, g1, g2) and service (e-services, journal, U1), and one above
    # them for g1's block (H1: the flag is a period open at both ends).
    labels = [t.text for t in root.iter(f"{SVG}text") if t.text and " · " in t.text and "years" not in t.text]
    assert len([label for label in labels if not label[0].isdigit()]) == 3 * 3 + 1
    assert "guardian g1 · blocked" in labels
    tips = [r.find(f"{SVG}title").text for r in root.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
    # G3: the blocked guardian's lanes are deny throughout; D2: g2's grant is a permit step.
    assert any(t.startswith("guardian g1 · journal SE2321000016-1ABC: 2010-05-10") and "deny GUARDIAN_BLOCKED" in t
               for t in tips)
    assert any("guardian g2 · journal SE2321000016-1ABC: 2024-01-01 to 2024-12-31: permit DIRECT_ACCESS" in t
               for t in tips)
    fills = {r.get("fill") for r in root.iter(f"{SVG}rect")}
    assert {"#2e7d32", "#8bc34a", "#c62828"} <= fills
    # A2: the 13th and 16th birthdays are marked.
    assert "13 years · 2023-05-10" in svg and "16 years · 2026-05-10" in svg


def test_timeline_svg_chosen_lanes():
    svg = pv.picture.timeline_svg(child_5(), ON, date(2027, 3, 4), [("self", "e_services"), ("g2", "journal")])
    assert svg.count("<title>self · e-services:") == 1
    assert svg.count("<title>guardian g2 · journal:") == 1
    assert "guardian g1" not in svg


# ---- the command line ---------------------------------------------------------------------------


@pytest.fixture
def child_file(tmp_path):
    path = tmp_path / "child.json"
    path.write_text(json.dumps({
        "on": "2024-07-01",
        "citizen": {"birth_date": "2010-05-10",
                    "guardians": [{"id": "g1", "blocked": True}, {"id": "g2"}],
                    "seals": [{"scope": "whole", "requested_by": "citizen",
                               "active": {"from": "2030-01-01"}}],
                    "grants": [{"holder": "g2", "unit": U1, "from": "2024-01-01", "until": "2024-12-31"}]},
    }), encoding="utf-8")
    return path


def cli(*args):
    out, err = io.StringIO(), io.StringIO()
    status = main([str(a) for a in args], out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def test_cli_who(child_file):
    status, out, err = cli("who", child_file, "--json")
    assert status == 0, err
    rows = json.loads(out)
    assert len(rows) == 3 * 3
    assert rows[0] == {"actor": "self", "kind": "self", "service": "e_services", "unit": None,
                       "effect": "permit", "reason": "SELF", "reasons": [], "rule": "S1",
                       "filtered": False, "changes_on": None}
    g2 = [r for r in rows if r["actor"] == "g2" and r["unit"] == U1]
    assert [(r["effect"], r["reason"]) for r in g2] == [("permit", "DIRECT_ACCESS")]  # D2
    status, out, _ = cli("who", child_file, "--on", "2022-01-01")  # G3, G1 for a child of 11
    assert status == 0 and "GUARDIAN_BLOCKED" in out and "permit GUARDIAN_PROXY" in out
    # The table names the channel of each row.
    assert "e_services (portal)" in out and "journal (direct)" in out and "journal (portal)" not in out


def test_cli_timeline_json_table_and_svg(child_file, tmp_path):
    status, out, err = cli("timeline", child_file, "--actor", "g2", "--service", "journal",
                           "--unit", U1, "--from", "2010-05-10", "--to", "2028-05-10", "--json")
    assert status == 0, err
    assert [(s["from"], s["effect"], s["reason"]) for s in json.loads(out)] == [
        ("2010-05-10", "permit", "GUARDIAN_PROXY"), ("2023-05-10", "deny", "PROXY_ENDED"),
        ("2024-01-01", "permit", "DIRECT_ACCESS"), ("2025-01-01", "deny", "PROXY_ENDED")]
    svg = tmp_path / "out.svg"
    status, out, err = cli("timeline", child_file, "--actor", "self", "--service", "journal",
                           "--from", "2020-01-01", "--to", "2031-01-01", "--svg", svg)
    assert status == 0, err
    # S2 at 16, J1 from the seal's first day; the table gives each step's last day.
    assert "2026-05-10  2029-12-31  permit SELF" in out
    assert "2030-01-01  2031-01-01  deny JOURNAL_SEALED" in out
    assert svg.read_text(encoding="utf-8").startswith("<?xml")


def test_cli_advise_plan_may(child_file):
    status, out, _ = cli("advise", child_file, "--json")
    assert status == 0 and [(a["id"], a["guardian"]) for a in json.loads(out)] == [("M-GUARD", "g1")]
    status, out, _ = cli("advise", child_file)
    assert status == 0 and "M-GUARD (guardian g1)" in out
    status, out, _ = cli("plan", child_file, "--goal", "guardian:g2", "--json")
    plan = json.loads(out)
    assert status == 0 and plan["proof"]["holds"] is True and plan["proof"]["checked"] > 0
    assert [m["action"] for m in plan["measures"] if m["condition"] is None] == ["block_guardian"]
    status, out, _ = cli("plan", child_file, "--goal", "guardian:g2")
    assert status == 0 and "Proof: the goal holds" in out and "[M-GUARD]" in out
    # The horizon (A1: the 18th birthday by default) and, when the goal fails, its date.
    assert "to the horizon 2028-05-10" in out and "fails on" not in out
    status, out, _ = cli("plan", child_file, "--goal", "guardian:g2", "--horizon", "2025-01-01")
    assert status == 0 and "to the horizon 2025-01-01" in out
    status, out, _ = cli("may", child_file, "--requester", "central_support", "--action", "unseal",
                         "--measure", "0", "--json")
    answer = json.loads(out)
    assert status == 0 and (answer["allowed"], answer["rule"]) == (True, "X4") and answer["conditions"]
    status, out, _ = cli("may", child_file, "--requester", "relative", "--action", "lock_login")
    assert status == 0 and "no — part: none" in out and "Rule X2" in out


@pytest.mark.parametrize("args, message", [
    (["plan", "{f}"], "--goal or 'goal'"),
    (["plan", "{f}", "--goal", "guardian:g9"], "goal.guardian:"),
    (["timeline", "{f}", "--actor", "self", "--service", "journal", "--from", "2024-01-01"], "--to DATE"),
    (["timeline", "{f}", "--actor", "g7", "--service", "journal", "--from", "2024-01-01", "--to", "2025-01-01"], "actor:"),
    (["who", "{f}", "--on", "2023-02-29"], "--on: is not a date that exists"),
    (["may", "{f}", "--requester", "care", "--action", "unseal"], "measure:"),
    (["may", "{f}", "--requester", "care", "--action", "fly"], "action:"),
])
def test_cli_usage_errors_exit_2(child_file, args, message):
    status, out, err = cli(*[a.replace("{f}", str(child_file)) for a in args])
    assert status == 2 and out == ""
    assert message in err


def test_cli_rejects_unknown_fields_and_reads_stdin(tmp_path):
    path = tmp_path / "x.json"
    path.write_text(json.dumps({"citizen": {"birth_date": "1980-01-20"}, "on": "2026-03-04", "actor": "self"}))
    status, _, err = cli("who", path)
    assert status == 2 and "actor: is not a field of 'who'" in err
    path.write_text(json.dumps({"on": "2026-03-04"}))
    status, _, err = cli("advise", path)
    assert status == 2 and "citizen: is required" in err
    status, out, err = run_cli("advise", "-", "--json",
                               stdin=json.dumps({"citizen": {"birth_date": "1980-01-20", "login_locked": True},
                                                 "on": "2026-03-04"}))
    assert status == 0, err
    assert [a["id"] for a in json.loads(out)] == ["X1"]


def test_cli_help_lists_the_new_commands():
    status, out, _ = run_cli("--help")
    assert status == 0
    for command in ("who", "timeline", "advise", "plan", "may"):
        assert command in out
