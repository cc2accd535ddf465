"""Text the library cannot carry is invalid input naming the field, from the API as from the
command line (RULES.md section 8: ids, units and personnummer are text; V1: named, never a
crash). A lone surrogate ("\\ud800") is a str that UTF-8 cannot encode."""

from datetime import date

import pytest

import portvakt as pv

ON = date(2026, 3, 4)
SURROGATE = "\ud800"


def test_a_surrogate_in_a_guardian_id_names_the_field():
    child = pv.Citizen(birth_date=date(2015, 1, 1), guardians=[pv.Guardian("g" + SURROGATE)])
    with pytest.raises(pv.InvalidInput) as raised:
        pv.evaluate(child, pv.Actor.self(), pv.Service.e_services(), ON)
    assert raised.value.field == "citizen.guardians[0].id"


def test_a_surrogate_in_a_unit_names_the_field():
    adult = pv.Citizen(birth_date=date(1980, 1, 1))
    with pytest.raises(pv.InvalidInput) as raised:
        pv.evaluate(adult, pv.Actor.self(), pv.Service.journal(unit=SURROGATE), ON)
    assert raised.value.field == "service.unit"


def test_a_surrogate_in_a_personnummer_names_the_field():
    with pytest.raises(pv.InvalidInput) as raised:
        pv.Citizen.from_personnummer("19121212-121" + SURROGATE, on=ON)
    assert raised.value.field == "personnummer"
    with pytest.raises(pv.InvalidInput) as raised:
        pv.pnr.parse_personnummer(SURROGATE, on=ON)
    assert raised.value.field == "personnummer"


def test_a_measure_no_record_can_hold_names_the_field():
    # X5 asks about one guardian; section 8 caps a record at 16 guardians.
    child = pv.Citizen(birth_date=date(2015, 1, 1), guardians=[pv.Guardian("g1")])
    with pytest.raises(pv.InvalidInput) as raised:
        pv.beyond.may_change("care", "block_guardian", child, ON, measure=10**30)
    assert raised.value.field == "measure"
