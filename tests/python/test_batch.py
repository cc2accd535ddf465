"""evaluate_many and Citizen.evaluate_all: one call into C for many requests (pv_evaluate_many).
Every answer must equal portvakt.evaluate for the same request; invalid input (RULES.md section
8, V1) denies only the requests it concerns."""

from datetime import date
from typing import List, Tuple

import pytest

import portvakt as pv
from conftest import CHILD_HEALTH, ON, PSYCHIATRY


def region(on: date) -> List[pv.Citizen]:
    """Children, teenagers and adults with guardians, seals, grants and a representative."""
    citizens = []
    for k in range(24):
        born = date(on.year - 2 - 4 * (k % 12), 1 + k % 12, 1 + (7 * k) % 28)
        citizens.append(
            pv.Citizen(
                birth_date=born,
                protected_identity=k % 11 == 5,
                login_locked=k % 7 == 3,
                guardians=[pv.Guardian(f"g{k}a"), pv.Guardian(f"g{k}b", blocked=k % 5 == 1)],
                seals=[pv.Seal.for_unit(PSYCHIATRY, active=pv.Interval(date(on.year, 12, 1)))]
                if k % 3 == 0
                else [pv.Seal.whole(active=pv.Interval(None, date(on.year, 12, 31)))] if k % 8 == 4 else [],
                grants=[pv.Grant(CHILD_HEALTH, holder="self"), pv.Grant(CHILD_HEALTH, holder=f"g{k}a")]
                if k % 2
                else [],
                representatives=[
                    pv.Representative(f"r{k}", pv.RepresentativeKind.GOD_MAN, True, True, k % 4 != 2)
                ],
            )
        )
    return citizens


def actors_of(citizen: pv.Citizen) -> List[pv.Actor]:
    actors = [pv.Actor.self(), pv.Actor.other(), pv.Actor.guardian("nobody")]
    actors += [pv.Actor.guardian(g.id) for g in citizen.guardians]
    actors += [pv.Actor.guardian(citizen.guardians[0].id, eid="freja")]
    actors += [pv.Actor.representative(r.id) for r in citizen.representatives]
    return actors


SERVICES = [
    pv.Service.e_services(),
    pv.Service.journal(),
    pv.Service.journal(channel="direct"),
    pv.Service.journal(PSYCHIATRY),
    pv.Service.journal(CHILD_HEALTH, channel="direct"),
    pv.Service.journal(CHILD_HEALTH, entry_date=date(2020, 3, 1)),
]


def requests(on: date) -> List[Tuple[pv.Citizen, pv.Actor, pv.Service]]:
    return [(c, a, s) for c in region(on) for a in actors_of(c) for s in SERVICES]


@pytest.mark.parametrize("on", [ON, date(2027, 5, 22), date(2031, 2, 28)])
def test_evaluate_many_equals_evaluate(on: date) -> None:
    reqs = requests(on)
    outcomes = pv.evaluate_many(reqs, on)
    assert len(outcomes) == len(reqs)
    assert outcomes.invalid_count == 0 and outcomes.first_invalid is None and outcomes.error is None
    expected = [pv.evaluate(c, a, s, on) for c, a, s in reqs]
    assert list(outcomes) == expected
    # the asker, which does not take part in equality, travels too (M1 messages)
    assert [d.asker for d in outcomes] == [a.kind for _, a, _ in reqs]
    assert [d.message("en") for d in outcomes] == [d.message("en") for d in expected]
    # the cheap accessors read the same answers
    assert [outcomes.effect(i) for i in range(len(reqs))] == [d.effect for d in expected]
    assert [outcomes.reason(i) for i in range(len(reqs))] == [d.reason for d in expected]
    assert [outcomes.permitted(i) for i in range(len(reqs))] == [d.permitted for d in expected]
    assert outcomes.permitted_count() == sum(d.permitted for d in expected)
    assert 0 < outcomes.permitted_count() < len(reqs)
    assert any(d.changes_on for d in expected) and any(d.filtered for d in expected)


def test_evaluate_all_equals_evaluate() -> None:
    for citizen in region(ON):
        actors = actors_of(citizen)
        outcomes = citizen.evaluate_all(actors, SERVICES, ON)
        assert len(outcomes) == len(actors) * len(SERVICES)
        for a, actor in enumerate(actors):
            for s, service in enumerate(SERVICES):
                assert outcomes[a * len(SERVICES) + s] == pv.evaluate(citizen, actor, service, ON)


def test_sequence_protocol(household: pv.Citizen) -> None:
    actors = [pv.Actor.guardian("anna"), pv.Actor.guardian("bertil")]
    outcomes = household.evaluate_all(actors, SERVICES[:2], ON)
    assert len(outcomes) == 4
    assert outcomes[-1] == outcomes[3]
    assert outcomes[1:3] == [outcomes[1], outcomes[2]]
    with pytest.raises(IndexError):
        outcomes[4]
    with pytest.raises(IndexError):
        outcomes.effect(-5)
    # G3: bertil is blocked; G1: anna acts for the child of 12 in the e-services
    assert outcomes.reason(0) is pv.Reason.GUARDIAN_PROXY and outcomes[0].rule == "G1"
    assert outcomes.reason(2) is pv.Reason.GUARDIAN_BLOCKED and outcomes[2].rule == "G3"
    assert len(outcomes.records) == 4 * pv.Outcomes.RECORD_SIZE
    assert "4 requests" in repr(outcomes)
    # empty batches
    assert len(pv.evaluate_many([], ON)) == 0
    assert len(household.evaluate_all([], SERVICES, ON)) == 0
    # any iterable of requests
    gen = ((household, a, SERVICES[0]) for a in actors)
    assert list(pv.evaluate_many(gen, ON)) == [outcomes[0], outcomes[2]]


def test_invalid_citizen_denies_its_requests(household: pv.Citizen) -> None:
    # V1, section 8: two guardians with the same id; the other record keeps its answers
    bad = pv.Citizen(birth_date=date(2010, 1, 1), guardians=[pv.Guardian("x"), pv.Guardian("x")])
    reqs = [(household, pv.Actor.guardian("anna"), SERVICES[0]), (bad, pv.Actor.self(), SERVICES[0]),
            (bad, pv.Actor.guardian("x"), SERVICES[1]), (household, pv.Actor.self(), SERVICES[1])]
    outcomes = pv.evaluate_many(reqs, ON)
    assert outcomes.invalid_count == 2 and outcomes.first_invalid == 1
    assert outcomes.error is not None
    assert outcomes.error.field == "citizen.guardians[1].id"
    assert outcomes.error.detail == "is the id of an earlier guardian"
    assert outcomes.error.index == 1
    assert outcomes[0].permitted
    for i in (1, 2):
        d = outcomes[i]
        assert d.effect is pv.Effect.DENY and d.reason is pv.Reason.INVALID_INPUT and d.rule == "V1"
        assert d.field == "citizen.guardians[1].id"
        assert d == pv.evaluate(*reqs[i], ON, raise_on_invalid=False)
        assert outcomes.reason(i) is pv.Reason.INVALID_INPUT
    assert outcomes[3].reason is pv.Reason.UNDER_13
    assert outcomes.error.decision == outcomes[1]
    with pytest.raises(pv.InvalidInput) as raised:
        pv.evaluate_many(reqs, ON, raise_on_invalid=True)
    assert raised.value.field == "citizen.guardians[1].id" and raised.value.index == 1


def test_invalid_actor_or_service_denies_its_request(household: pv.Citizen) -> None:
    # section 8: e-services through the direct channel; an empty guardian id
    actors = [pv.Actor.guardian("anna"), pv.Actor.guardian("")]
    services = [pv.Service.journal(), pv.Service(pv.ServiceKind.E_SERVICES, "direct")]
    outcomes = household.evaluate_all(actors, services, ON)
    assert [outcomes.reason(i) for i in range(4)] == [pv.Reason.GUARDIAN_PROXY] + [pv.Reason.INVALID_INPUT] * 3
    assert outcomes.invalid_count == 3 and outcomes.first_invalid == 1
    assert outcomes.error is not None and outcomes.error.field == "service.channel"
    assert outcomes[2].field == "actor.id" and outcomes[2].detail == "must not be empty"
    for i in range(4):
        expected = pv.evaluate(household, actors[i // 2], services[i % 2], ON, raise_on_invalid=False)
        assert outcomes[i] == expected
    with pytest.raises(pv.InvalidInput) as raised:
        household.evaluate_all(actors, services, ON, raise_on_invalid=True)
    assert raised.value.field == "service.channel" and raised.value.index == 1


def test_birth_after_on_is_invalid() -> None:
    # section 8: a birth date after 'on'
    unborn = pv.Citizen(birth_date=date(2030, 1, 1))
    outcomes = unborn.evaluate_all([pv.Actor.self()], SERVICES, ON)
    assert outcomes.invalid_count == len(SERVICES)
    assert outcomes.error is not None and outcomes.error.field == "citizen.birth_date"
    assert all(d.reason is pv.Reason.INVALID_INPUT for d in outcomes)


def test_wrong_python_types(household: pv.Citizen) -> None:
    actor, service = pv.Actor.self(), SERVICES[0]
    with pytest.raises(pv.InvalidType) as raised:
        pv.evaluate_many([(household, actor, service), (household, service, actor)], ON)
    assert raised.value.field == "requests[1].actor"
    with pytest.raises(pv.InvalidType) as raised:
        pv.evaluate_many([(household, actor)], ON)
    assert raised.value.field == "requests[0]"
    with pytest.raises(pv.InvalidType) as raised:
        pv.evaluate_many([(household, actor, service), "abc"], ON)
    assert raised.value.field == "requests[1]"
    with pytest.raises(pv.InvalidType) as raised:
        pv.evaluate_many([(pv.Citizen(birth_date="2010-01-01"), actor, service)], ON)
    assert raised.value.field == "requests[0].citizen.birth_date"
    with pytest.raises(pv.InvalidType) as raised:
        pv.evaluate_many(42, ON)  # type: ignore[arg-type]
    assert raised.value.field == "requests"
    with pytest.raises(pv.InvalidType):
        pv.evaluate_many([(household, actor, service)], "2026-11-22")  # type: ignore[arg-type]
    with pytest.raises(pv.InvalidType) as raised:
        household.evaluate_all([actor, "guardian"], [service], ON)  # type: ignore[list-item]
    assert raised.value.field == "actors[1]"
    with pytest.raises(pv.InvalidType) as raised:
        household.evaluate_all([actor], [service, pv.Service.journal(unit=7)], ON)  # type: ignore[arg-type]
    assert raised.value.field == "services[1].unit"
    with pytest.raises(pv.InvalidType) as raised:
        pv.Citizen(birth_date=date(2010, 1, 1), guardians="anna").evaluate_all([actor], [service], ON)
    assert raised.value.field == "citizen.guardians"


def test_invalid_requests_across_chunks(household: pv.Citizen) -> None:
    # Batches are decided 256 requests at a time: the report and the answers run over all.
    bad = pv.Citizen(birth_date=date(2030, 1, 1))  # section 8: born after 'on'
    good = (household, pv.Actor.guardian("anna"), SERVICES[1])
    reqs = [good] * 300 + [(bad, pv.Actor.self(), SERVICES[0])] + [good] * 300 + [(bad, pv.Actor.self(), SERVICES[1])]
    outcomes = pv.evaluate_many(reqs, ON)
    assert len(outcomes) == 602
    assert outcomes.invalid_count == 2 and outcomes.first_invalid == 300
    # The field of the request, without the "queries[i]." of pv_evaluate_many's pv_error.
    assert outcomes.error is not None and outcomes.error.field == "citizen.birth_date"
    assert outcomes.error.index == 300
    assert [i for i in range(602) if outcomes.reason(i) is pv.Reason.INVALID_INPUT] == [300, 601]
    assert outcomes.permitted_count() == 600
    assert outcomes[599] == pv.evaluate(*good, ON)
