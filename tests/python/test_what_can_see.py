"""portvakt.beyond.what_can_see: one actor, e-services, the whole journal and each unit of the record."""

from datetime import date

import pytest
from conftest import CHILD_HEALTH, ON, PSYCHIATRY

import portvakt as pv
from portvakt import Effect, Reason


def table(citizen, actor, on=ON, **kw):
    return [(a.label, a.decision.effect, a.decision.reason, a.decision.filtered)
            for a in pv.beyond.what_can_see(citizen, actor, on, **kw)]


def test_guardian_of_a_twelve_year_old(household):
    # G1, G2 before 13; J2 the sealed psychiatry unit (whole journal filtered); the D2 grant for
    # the child health unit is not in force yet, and G2 needs none.
    assert table(household, pv.Actor.guardian("anna")) == [
        ("e-services (portal)", Effect.PERMIT, Reason.GUARDIAN_PROXY, False),
        ("journal (direct)", Effect.PERMIT, Reason.GUARDIAN_PROXY, True),
        (f"journal, unit {PSYCHIATRY} (direct)", Effect.DENY, Reason.UNIT_SEALED, False),
        (f"journal, unit {CHILD_HEALTH} (direct)", Effect.PERMIT, Reason.GUARDIAN_PROXY, False),
    ]
    views = pv.beyond.what_can_see(household, pv.Actor.guardian("anna"), ON)
    assert all(v.decision.changes_on == date(2027, 5, 22) for v in views)  # T1: the 13th birthday
    assert views[0].service == pv.Service.e_services()
    assert views[3].service == pv.Service.journal(CHILD_HEALTH, channel=pv.Channel.DIRECT)
    # The journal through the direct channel by default, as who_can_see asks it.
    assert [v.channel for v in views] == [pv.Channel.PORTAL] + [pv.Channel.DIRECT] * 3


def test_blocked_guardian_sees_nothing(household):
    # G3 everywhere.
    rows = table(household, pv.Actor.guardian("bertil"))
    assert [r[2] for r in rows] == [Reason.GUARDIAN_BLOCKED] * 4
    assert {r[1] for r in rows} == {Effect.DENY}


def test_guardian_after_13_reads_only_the_granted_unit(household):
    # D2 from the 13th birthday: the granted unit and the filtered whole journal; G1 ends the
    # e-services; the sealed unit stays sealed (J2) as well as out of reach (PROXY_ENDED first).
    rows = table(household, pv.Actor.guardian("anna"), date(2027, 5, 22))
    assert rows == [
        ("e-services (portal)", Effect.DENY, Reason.PROXY_ENDED, False),
        ("journal (direct)", Effect.PERMIT, Reason.DIRECT_ACCESS, True),
        (f"journal, unit {PSYCHIATRY} (direct)", Effect.DENY, Reason.PROXY_ENDED, False),
        (f"journal, unit {CHILD_HEALTH} (direct)", Effect.PERMIT, Reason.DIRECT_ACCESS, False),
    ]
    sealed = pv.beyond.what_can_see(household, pv.Actor.guardian("anna"), date(2027, 5, 22))[2].decision
    assert sealed.reasons == (Reason.PROXY_ENDED, Reason.UNIT_SEALED)


def test_channel_and_invalid_input(household):
    rows = table(household, pv.Actor.self(), channel="direct")
    views = pv.beyond.what_can_see(household, pv.Actor.self(), ON, channel="direct")
    assert [v.channel for v in views] == [pv.Channel.PORTAL] + [pv.Channel.DIRECT] * 3
    assert rows[0][2] is Reason.UNDER_13  # S1; e-services always through the portal
    assert rows[1][2] is Reason.UNDER_13  # S2 under 13
    with pytest.raises(pv.InvalidInput) as e:
        pv.beyond.what_can_see(household, pv.Actor.guardian(""), ON)
    assert e.value.field == "actor.id"
    with pytest.raises(pv.InvalidType):
        pv.beyond.what_can_see(household, pv.Actor.guardian("anna"), "today")  # type: ignore[arg-type]


def test_one_answer_with_who_can_see():
    # A locked login (E2) closes the portal but not the direct channel: the citizen's journal.
    # what_can_see and who_can_see ask the same question the same way and give one answer, the
    # channel explicit in the rows and in the labels.
    adult = pv.Citizen(birth_date=date(1990, 1, 1), login_locked=True,
                       seals=[pv.Seal.for_unit(PSYCHIATRY)])
    mine = pv.beyond.what_can_see(adult, pv.Actor.self(), ON)
    theirs = [r for r in pv.beyond.who_can_see(adult, ON) if r.actor.kind is pv.ActorKind.SELF]
    assert mine == theirs
    assert [(r.label, r.decision.reason) for r in mine] == [
        ("e-services (portal)", Reason.LOGIN_LOCKED),  # E2: the portal is locked
        ("journal (direct)", Reason.SELF),  # S2 through the direct channel (E2 does not close it)
        (f"journal, unit {PSYCHIATRY} (direct)", Reason.UNIT_SEALED),  # J2
    ]
    portal = pv.beyond.what_can_see(adult, pv.Actor.self(), ON, channel="portal")
    assert [(r.label, r.decision.reason) for r in portal][1] == ("journal (portal)", Reason.LOGIN_LOCKED)


def test_every_actor_of_who_can_see_is_what_can_see(household):
    rows = pv.beyond.who_can_see(household, ON)
    actors = []
    for r in rows:
        if r.actor not in actors:
            actors.append(r.actor)
    assert [a.id for a in actors] == [None, "anna", "bertil"]
    assert [row for a in actors for row in pv.beyond.what_can_see(household, a, ON)] == rows
