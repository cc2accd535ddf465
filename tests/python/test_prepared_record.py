"""A citizen's record prepared once (pv_evaluate_prepared) from Python: the same answers as
portvakt.evaluate, for the citizen as it was when prepared."""

from datetime import date

import pytest

import portvakt as pv
from portvakt._decision import Prepared, prepare

ON = date(2026, 11, 22)


def household():
    # A child born 2014-03-15: 12 on ON, 13 on 2027-03-15.
    return pv.Citizen(birth_date=date(2014, 3, 15), guardians=[pv.Guardian("g1"), pv.Guardian("g2")])


def test_g1_the_prepared_record_answers_as_evaluate():
    child = household()
    prepared = prepare(child)
    asks = [(pv.Actor.guardian("g1"), pv.Service.e_services()), (pv.Actor.guardian("g2"), pv.Service.journal()),
            (pv.Actor.self(), pv.Service.e_services()), (pv.Actor.other(), pv.Service.journal())]
    for actor, service in asks:
        for on in (ON, date(2027, 3, 14), date(2027, 3, 15)):
            assert prepared.evaluate(actor, service, on) == pv.evaluate(child, actor, service, on)
    # G1: the guardian acts for the child until the 13th birthday; S1: the child not before it.
    assert prepared.evaluate(pv.Actor.guardian("g1"), pv.Service.e_services(), date(2027, 3, 14)).permitted
    assert not prepared.evaluate(pv.Actor.guardian("g1"), pv.Service.e_services(), date(2027, 3, 15)).permitted
    assert not prepared.evaluate(pv.Actor.self(), pv.Service.e_services(), ON).permitted


def test_the_prepared_record_answers_for_the_citizen_as_it_was_when_prepared():
    child = household()
    prepared = prepare(child)
    child.guardians = [pv.Guardian("g2")]  # g1 is no longer a guardian (G1 needs the relation)
    g1 = pv.Actor.guardian("g1")
    assert prepared.evaluate(g1, pv.Service.e_services(), ON).permitted
    assert not pv.evaluate(child, g1, pv.Service.e_services(), ON).permitted
    assert not prepare(child).evaluate(g1, pv.Service.e_services(), ON).permitted


def test_v1_invalid_input_to_a_prepared_record():
    with pytest.raises(pv.InvalidType):
        Prepared("not a citizen")  # type: ignore[arg-type]
    two_g1 = pv.Citizen(birth_date=date(2014, 3, 15), guardians=[pv.Guardian("g1"), pv.Guardian("g1")])
    with pytest.raises(pv.InvalidInput) as error:
        prepare(two_g1)  # section 8: two guardians with one id, malformed on every date
    assert error.value.field.startswith("citizen.guardians")
    prepared = prepare(household())
    # A date that is not a date: the fail-closed decision (V1), never a permit.
    decision = prepared.evaluate(pv.Actor.guardian("g1"), pv.Service.e_services(), date(1, 1, 1), raise_on_invalid=False)
    assert not decision.permitted and decision.reason == pv.Reason.INVALID_INPUT
