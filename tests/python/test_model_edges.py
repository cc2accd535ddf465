"""Edges of the Python model (issue 19): only its own attributes, and caps read up to the first
element past them (RULES.md section 8, V1)."""

import pickle
import resource
import time
from datetime import date

import pytest

import portvakt as pv

ON = date(2026, 11, 22)
CHILD = date(2014, 5, 22)
SELF = pv.Actor.self()


def test_a_misspelt_fact_is_an_attribute_error_not_a_silent_permit():
    # E2: a login lock denies the citizen the e-services; "login_lock" is not a field.
    citizen = pv.Citizen(birth_date=date(1980, 1, 1))
    with pytest.raises(AttributeError):
        citizen.login_lock = True
    assert not hasattr(citizen, "login_lock")
    citizen.login_locked = True
    assert pv.evaluate(citizen, SELF, pv.Service.e_services(), ON).reason is pv.Reason.LOGIN_LOCKED


@pytest.mark.parametrize("value", [
    pv.Guardian("anna"), pv.Seal.whole(), pv.Grant("U"), pv.Interval(), pv.LockPeriod(),
    pv.Representative("r", "god_man"), pv.Actor.guardian("anna"), pv.Service.journal(),
])
def test_every_input_class_takes_only_its_own_attributes(value):
    assert not hasattr(value, "__dict__")
    with pytest.raises(AttributeError):
        value.blocked_period = ()  # a misspelling of a field of none of them
    with pytest.raises(AttributeError):
        object.__setattr__(value, "nickname", "x")


def test_inputs_still_copy_and_pickle_after_a_decision():
    citizen = pv.Citizen(birth_date=CHILD, guardians=[pv.Guardian("anna")])
    actor = pv.Actor.guardian("anna")
    first = pv.evaluate(citizen, actor, pv.Service.e_services(), ON)  # builds the C forms
    clone, actor2 = pickle.loads(pickle.dumps((citizen, actor)))
    assert (clone, actor2) == (citizen, actor)
    assert pv.evaluate(clone, actor2, pv.Service.e_services(), ON) == first


CAPS = [  # (field, JSON path, cap of section 8, one valid element)
    ("guardians", "citizen.guardians", 16, None),
    ("representatives", "citizen.representatives", 16, None),
    ("seals", "citizen.seals", 1024, pv.Seal.whole()),
    ("grants", "citizen.grants", 1024, pv.Grant("U")),
    ("login_lock_periods", "citizen.login_locked", 256, pv.LockPeriod()),
    ("protected_identity_periods", "citizen.protected_identity", 256, pv.Interval()),
]


def _items(name, element, count):
    if name == "guardians":
        return [pv.Guardian(f"g{i}") for i in range(min(count, 17))] + [pv.Guardian("g")] * max(0, count - 17)
    if name == "representatives":
        return [pv.Representative(f"r{i}", "god_man") for i in range(min(count, 17))] + \
            [pv.Representative("r", "god_man")] * max(0, count - 17)
    return [element] * count


@pytest.mark.parametrize("name,path,cap,element", CAPS)
def test_one_past_a_cap_is_malformed_naming_the_list(name, path, cap, element):
    at_cap = pv.Citizen(birth_date=CHILD, **{name: _items(name, element, cap)})
    pv.validate(at_cap, SELF, pv.Service.e_services(), ON)  # the cap itself is allowed
    over = pv.Citizen(birth_date=CHILD, **{name: _items(name, element, cap + 1)})
    with pytest.raises(pv.InvalidInput) as raised:
        pv.evaluate(over, SELF, pv.Service.e_services(), ON)
    assert raised.value.field == path and str(cap) in raised.value.detail
    assert raised.value.decision.effect is pv.Effect.DENY  # V1: fails closed


def test_ten_million_guardians_fail_at_once_in_bounded_time_and_memory():
    many = [pv.Guardian("g")] * 10_000_000  # the list itself: 80 MB of references
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.process_time()
    citizen = pv.Citizen(birth_date=CHILD, guardians=many)
    with pytest.raises(pv.InvalidInput) as raised:
        pv.evaluate(citizen, SELF, pv.Service.e_services(), ON)
    assert raised.value.field == "citizen.guardians"
    assert "16 guardians" in raised.value.detail
    decision = pv.evaluate(citizen, SELF, pv.Service.e_services(), ON, raise_on_invalid=False)
    assert decision.effect is pv.Effect.DENY and decision.field == "citizen.guardians"
    outcomes = pv.evaluate_many([(citizen, SELF, pv.Service.e_services())], ON)
    assert outcomes.invalid_count == 1
    with pytest.raises(pv.InvalidInput):
        pv.beyond.timeline(citizen, "g", "journal", ON, date(2027, 1, 1))
    # Not a timing assertion of speed: a bound that a reader going through all ten million
    # elements (tens of seconds, gigabytes) cannot meet, with a wide margin for a loaded machine.
    assert time.process_time() - started < 5
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 200 * 1024  # KiB


def test_a_guardians_periods_are_capped_too():
    guardian = pv.Guardian("anna", blocked_periods=[pv.Interval()] * 1_000_000)
    citizen = pv.Citizen(birth_date=CHILD, guardians=[guardian])
    with pytest.raises(pv.InvalidInput) as raised:
        pv.evaluate(citizen, SELF, pv.Service.e_services(), ON)
    assert raised.value.field == "citizen.guardians[0].blocked"
    assert "256 periods" in raised.value.detail
