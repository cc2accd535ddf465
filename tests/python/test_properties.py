"""Properties over generated records (hypothesis): evaluate never crashes and its decisions hold
the invariants of RULES.md section 3 and T1; JSON round-trips; the packed and the plain C
answers agree."""

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import portvakt as pv
from portvakt import Effect, Reason
from portvakt import cportvakt as c
from portvakt.conformance import Request
from conftest import read_record

SETTINGS = settings(max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])

dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31))
maybe_dates = st.none() | dates
units = st.sampled_from(["U1", "U2", "SE2321000016-1ABC"])
ids = st.sampled_from(["g1", "g2", "r1", "r2"])
bad_ids = st.sampled_from(["", "self", "a b", "x" * 65])
intervals = st.builds(pv.Interval, maybe_dates, maybe_dates)

seals = st.one_of(
    st.builds(pv.Seal, st.just(pv.SealScope.WHOLE), st.none(), intervals, st.none() | intervals,
              st.sampled_from(list(pv.Requester))),
    st.builds(pv.Seal, st.just(pv.SealScope.UNIT), units, intervals, st.none() | intervals,
              st.sampled_from(list(pv.Requester))),
)
guardians = st.builds(pv.Guardian, ids | bad_ids, st.booleans(), st.booleans())
grants = st.builds(pv.Grant, units, st.sampled_from(["self", "g1", "g2"]), maybe_dates, maybe_dates)
representatives = st.builds(pv.Representative, ids, st.sampled_from(list(pv.RepresentativeKind)),
                            st.booleans(), st.booleans(), st.booleans(), maybe_dates, maybe_dates)
citizens = st.builds(
    pv.Citizen,
    birth_date=dates,
    protected_identity=st.booleans(),
    login_locked=st.booleans(),
    seals=st.lists(seals, max_size=3),
    guardians=st.lists(guardians, max_size=3),
    grants=st.lists(grants, max_size=3),
    representatives=st.lists(representatives, max_size=2),
)
actors = st.builds(pv.Actor, st.sampled_from(list(pv.ActorKind)), st.none() | ids,
                   st.sampled_from(list(pv.Eid)), st.booleans(), st.booleans())
services = st.builds(pv.Service, st.sampled_from(list(pv.ServiceKind)), st.sampled_from(list(pv.Channel)),
                     st.none() | units, st.none() | dates)

STEP_ORDER = list(Reason)  # the C order is RULES.md order


def same_outcome(a: pv.Decision, b: pv.Decision) -> bool:
    return (a.effect, a.reason, a.filtered) == (b.effect, b.reason, b.filtered)


@SETTINGS
@given(citizens, actors, services, dates)
def test_decisions_hold_the_invariants(citizen, actor, service, on):
    try:
        d = pv.evaluate(citizen, actor, service, on)
    except pv.InvalidInput as e:
        # V1: fail closed, naming a field.
        assert e.field and e.detail
        assert (e.decision.effect, e.decision.reason, e.decision.rule) == (Effect.DENY, Reason.INVALID_INPUT, "V1")
        return
    assert d.field is None and d.detail is None
    assert d.reason.effect is d.effect
    assert len(d.reason_rules) == len(d.reasons)
    assert list(d.reasons) == sorted(d.reasons, key=STEP_ORDER.index)
    if d.effect is Effect.PERMIT:
        assert d.reasons == ()
        assert d.reason in (Reason.SELF, Reason.GUARDIAN_PROXY, Reason.DIRECT_ACCESS, Reason.REPRESENTATIVE)
    else:
        assert d.reasons[0] is d.reason and d.rule == d.reason_rules[0]
        assert not d.filtered
        if d.reason is Reason.NOT_RELATED:
            assert d.reasons == (Reason.NOT_RELATED,)  # step 1 ends evaluation at once
    # Step 7: entry queries and e-services are never filtered.
    if service.kind is pv.ServiceKind.E_SERVICES or service.entry_date is not None:
        assert not d.filtered
    # J5: seals never affect e-services.
    if service.kind is pv.ServiceKind.E_SERVICES:
        assert not {Reason.JOURNAL_SEALED, Reason.UNIT_SEALED, Reason.ENTRY_SEALED} & set(d.reasons)
    # T1: the outcome holds until changes_on and differs on it.
    if d.changes_on is not None:
        assert d.changes_on > on
        later = pv.evaluate(citizen, actor, service, d.changes_on)
        assert not same_outcome(later, d)
        eve = d.changes_on - timedelta(days=1)
        assert same_outcome(pv.evaluate(citizen, actor, service, eve), d)
    # decide is evaluate without changes_on.
    quick = pv.decide(citizen, actor, service, on)
    assert quick.changes_on is None
    assert (quick.effect, quick.reason, quick.reasons, quick.rule, quick.filtered) == (
        d.effect, d.reason, d.reasons, d.rule, d.filtered)
    # The C record, read independently of the package's decoder, agrees with the decision.
    record = read_record(c.evaluate(citizen._pv_mirror, actor._pv_mirror, service._pv_mirror, on))
    effect, reason, bits, rule = record["effect"], record["reason"], record["reasons"], record["rule"]
    filtered, changes, rules = record["filtered"], record["changes_on"], record["reason_rules"]
    assert (pv._enums.EFFECTS_FROM_C[effect], pv._enums.REASONS_FROM_C[reason], filtered) == (
        d.effect, d.reason, d.filtered)
    assert c.rule_name(rule) == d.rule
    assert bits == sum(1 << pv._enums.REASON_TO_C[r] for r in d.reasons)
    assert tuple(c.rule_name(rules[pv._enums.REASON_TO_C[r]]) for r in d.reasons) == d.reason_rules
    assert (changes is None) == (d.changes_on is None)
    assert changes == d.changes_on


@SETTINGS
@given(citizens, actors, services, dates)
def test_requests_round_trip_through_json(citizen, actor, service, on):
    r = Request(citizen, actor, service, on)
    again = Request.from_json(r.to_json())
    assert again == r
    a = r.evaluate(raise_on_invalid=False)
    b = again.evaluate(raise_on_invalid=False)
    assert a == b


@SETTINGS
@given(citizens, st.sampled_from(["anna", "g1", "g2"]), dates)
def test_what_can_see_matches_evaluate(citizen, guardian, on):
    actor = pv.Actor.guardian(guardian)
    try:
        rows = pv.beyond.what_can_see(citizen, actor, on)
    except pv.InvalidInput:
        return
    assert len(rows) == 2 + len(citizen.units())
    for row in rows:
        assert row.decision == pv.evaluate(citizen, actor, row.service, on)
