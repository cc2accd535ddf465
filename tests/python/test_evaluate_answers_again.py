"""evaluate() read again: the Decisions kept per asker kind never mix askers, and
'raise_on_invalid' given by position fails closed as the keyword does (section 8, V1)."""

from datetime import date

import pytest

import portvakt as pv

ON = date(2026, 11, 29)
ADULT = pv.Citizen(birth_date=date(1990, 5, 17))


@pytest.mark.parametrize("actor", [
    pv.Actor.self(), pv.Actor.guardian("g1"), pv.Actor.representative("r1"), pv.Actor.other(),
])
def test_a_decision_read_again_is_the_one_of_its_asker(actor: pv.Actor) -> None:
    first = pv.evaluate(ADULT, actor, pv.Service.e_services(), ON)
    again = pv.evaluate(ADULT, actor, pv.Service.e_services(), ON)
    assert first == again
    assert first.asker is actor.kind and again.asker is actor.kind  # M1: the message is the asker's


def test_someone_else_is_not_related_every_time() -> None:
    for _ in range(3):  # R0: anyone else is NOT_RELATED, read from C or from what was decoded
        d = pv.evaluate(ADULT, pv.Actor.other(), pv.Service.journal(), ON)
        assert d.effect is pv.Effect.DENY and d.reason is pv.Reason.NOT_RELATED


def test_raise_on_invalid_by_position_fails_closed_naming_the_field() -> None:
    d = pv.evaluate(ADULT, pv.Actor.self(), pv.Service.e_services(), "2026-11-29", False)  # type: ignore[arg-type]
    assert d.effect is pv.Effect.DENY and d.reason is pv.Reason.INVALID_INPUT and d.field == "on"
    with pytest.raises(pv.InvalidType):
        pv.evaluate(ADULT, pv.Actor.self(), pv.Service.e_services(), "2026-11-29", True)  # type: ignore[arg-type]
