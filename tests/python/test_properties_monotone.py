"""Properties over generated records (hypothesis, derandomized): default deny (I1), restrictions
never open anything (I2), grants never close anything (I3), and the package's Decision agrees on
every field with the decision of the C library read through portvakt.cportvakt.

Records are drawn around the evaluation date so that ages fall on both sides of the 13th and
16th birthdays (A1, A2) and intervals on both sides of the date (J3, D3, P2). tests/exhaustive/
checks the same guarantees in C over a whole state space; this checks them through Python."""

import dataclasses
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import portvakt as pv
from portvakt import Effect, Reason
from portvakt import cportvakt as c
from conftest import read_record

SETTINGS = settings(
    max_examples=400,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

ON = date(2026, 3, 4)
U1, U2 = "SE2321000016-U1", "SE2321000016-U2"
PERMIT_BASES = (Reason.SELF, Reason.GUARDIAN_PROXY, Reason.DIRECT_ACCESS, Reason.REPRESENTATIVE)

# Dates near ON: the day before, ON, the day after, and further off.
offsets = st.sampled_from([-400, -30, -1, 0, 1, 30, 400])
near = offsets.map(lambda d: ON + timedelta(days=d))
maybe_near = st.none() | near
# True now and then: restrictions drawn rarely enough that permits are common.
sometimes = st.integers(0, 3).map(lambda n: n == 0)


@st.composite
def intervals(draw):
    """A valid interval (from <= until), either end possibly open."""
    a, b = draw(maybe_near), draw(maybe_near)
    if a is not None and b is not None and a > b:
        a, b = b, a
    return pv.Interval(a, b)


@st.composite
def birth_dates(draw):
    """A2: 12, 13, 15, 16 or adult on ON, on or next to a birthday; or 29 February (A1)."""
    years = draw(st.sampled_from([12, 13, 15, 16, 40]))
    shift = draw(st.sampled_from([-1, 0, 1]))
    if draw(st.booleans()):
        return date(ON.year - years, ON.month, ON.day) + timedelta(days=shift)
    return draw(st.sampled_from([date(2012, 2, 29), date(2008, 2, 29), date(2010, 2, 28)]))


@st.composite
def seals(draw):
    whole = draw(st.booleans())
    content = draw(st.none() | intervals())
    return pv.Seal(pv.SealScope.WHOLE if whole else pv.SealScope.UNIT, None if whole else draw(st.sampled_from([U1, U2])),
                   draw(intervals()), content, draw(st.sampled_from(list(pv.Requester))))


@st.composite
def grants(draw):
    active = draw(intervals())
    return pv.Grant(draw(st.sampled_from([U1, U2])), draw(st.sampled_from(["self", "g1", "g2"])),
                    active.from_, active.until)


@st.composite
def representatives(draw):
    active = draw(intervals())
    return pv.Representative("r1", draw(st.sampled_from(list(pv.RepresentativeKind))), not draw(sometimes),
                             not draw(sometimes), not draw(sometimes), active.from_, active.until)


@st.composite
def citizens(draw):
    return pv.Citizen(
        birth_date=draw(birth_dates()),
        protected_identity=draw(sometimes),
        login_locked=draw(sometimes),
        seals=draw(st.just([]) | st.lists(seals(), min_size=1, max_size=2)),
        guardians=[pv.Guardian("g1", draw(sometimes), draw(sometimes)),
                   pv.Guardian("g2", draw(sometimes), draw(sometimes))],
        grants=draw(st.lists(grants(), max_size=3)),
        representatives=[draw(representatives())],
    )


@st.composite
def actors(draw):
    kind, actor_id = draw(st.sampled_from([
        (pv.ActorKind.SELF, None), (pv.ActorKind.SELF, None), (pv.ActorKind.GUARDIAN, "g1"),
        (pv.ActorKind.GUARDIAN, "g2"), (pv.ActorKind.GUARDIAN, "g9"), (pv.ActorKind.REPRESENTATIVE, "r1"),
        (pv.ActorKind.REPRESENTATIVE, "r1"), (pv.ActorKind.REPRESENTATIVE, "r9"), (pv.ActorKind.OTHER, None)]))
    own = kind is not pv.ActorKind.SELF  # section 8: self has no own lock or seal
    eid = draw(st.sampled_from(list(pv.Eid))) if draw(sometimes) else pv.Eid.BANKID
    return pv.Actor(kind, actor_id, eid, own and draw(sometimes), own and draw(sometimes))


@st.composite
def services(draw):
    if draw(st.integers(0, 3)) == 0:
        return pv.Service.e_services()
    unit = draw(st.sampled_from([None, U1, U2]))
    entry = draw(maybe_near) if unit is not None else None
    return pv.Service.journal(unit, entry, draw(st.sampled_from(list(pv.Channel))))


# ---- The decision, and the C library's own answer -------------------------------------------


def c_decision(citizen, actor, service, on):
    """The decision of pv_evaluate read through the SWIG module, in the package's terms."""
    record = read_record(c.evaluate(
        citizen.compile()._pv_mirror, actor.compile()._pv_mirror, service.compile()._pv_mirror, on))
    effect, reason, bits, rule = record["effect"], record["reason"], record["reasons"], record["rule"]
    filtered, changes, rules = record["filtered"], record["changes_on"], record["reason_rules"]
    reasons = tuple(Reason(c.reason_name(r)) for r in range(c.REASON_COUNT) if bits & (1 << r))
    return {
        "effect": Effect(c.effect_name(effect)),
        "reason": Reason(c.reason_name(reason)),
        "reasons": reasons,
        "rule": c.rule_name(rule),
        "filtered": filtered,
        "changes_on": changes,
        "reason_rules": tuple(c.rule_name(rules[r]) for r in range(c.REASON_COUNT) if bits & (1 << r)),
        # reason_rules has PV_REASON_MAX bytes: none but those of the reasons present is set.
        "stray_rules": [r for r in range(len(rules)) if rules[r] and not bits & (1 << r)],
        "rules_size": len(rules),
    }


def evaluate(citizen, actor, service, on=ON):
    """pv.evaluate, checked field by field against the C decision (the package agrees with C)."""
    d = pv.evaluate(citizen, actor, service, on)
    raw = c_decision(citizen, actor, service, on)
    assert raw.pop("stray_rules") == []
    assert raw.pop("rules_size") == c.REASON_MAX
    assert {k: getattr(d, k) for k in raw} == raw
    assert d.field is None and d.detail is None
    return d


def check_default_deny(d):
    """I1: a permit only with a permit basis, and reasons empty exactly when permitted."""
    if d.effect is Effect.PERMIT:
        assert d.reason in PERMIT_BASES and d.reasons == ()
    else:
        assert d.effect is Effect.DENY and d.reason not in PERMIT_BASES and d.reasons
        assert d.reason is d.reasons[0]  # I8: the first in RULES.md order


# ---- Neighbours ------------------------------------------------------------------------------


def restrictions(citizen, actor):
    """I2: every way to restrict the state (R0 to J4): locks, seals, blocks, protected identity,
    an e-ID taken away, a grant, 'cares for person', consent, court order or appointment removed."""
    rep = citizen.representatives[0]
    out = [("lock the citizen's login", dataclasses.replace(citizen, login_locked=True), actor),
           ("protect the citizen", dataclasses.replace(citizen, protected_identity=True), actor),
           ("seal the whole journal", dataclasses.replace(citizen, seals=[*citizen.seals, pv.Seal.whole()]), actor),
           ("seal U1", dataclasses.replace(citizen, seals=[*citizen.seals, pv.Seal.for_unit(U1)]), actor),
           ("seal U1 entries", dataclasses.replace(citizen, seals=[*citizen.seals, pv.Seal.for_unit(
               U1, content=pv.Interval(ON - timedelta(days=400), ON))]), actor),
           ("end the appointment", dataclasses.replace(citizen, representatives=[dataclasses.replace(
               rep, from_=ON - timedelta(days=30), until=ON - timedelta(days=1))]), actor),
           ("weaker e-ID", citizen, dataclasses.replace(actor, eid=pv.Eid.PASSWORD))]
    for i, g in enumerate(citizen.guardians):
        for flag in ("blocked", "protected_identity"):
            guardians = list(citizen.guardians)
            guardians[i] = dataclasses.replace(g, **{flag: True})
            out.append((f"{flag} {g.id}", dataclasses.replace(citizen, guardians=guardians), actor))
    for i in range(len(citizen.grants)):
        grants_left = [g for j, g in enumerate(citizen.grants) if j != i]
        out.append((f"remove grant {i}", dataclasses.replace(citizen, grants=grants_left), actor))
    for flag in ("cares_for_person", "consent", "court_order"):
        out.append((f"remove {flag}", dataclasses.replace(
            citizen, representatives=[dataclasses.replace(rep, **{flag: False})]), actor))
    if actor.kind is not pv.ActorKind.SELF:
        out.append(("lock the actor's login", citizen, dataclasses.replace(actor, login_locked=True)))
        out.append(("seal the actor's journal", citizen, dataclasses.replace(actor, journal_sealed=True)))
    return out


def added_grants(citizen):
    """I3: a grant in force added, for each holder and unit (D1, D2)."""
    return [(f"grant {holder} {unit}", dataclasses.replace(citizen, grants=[*citizen.grants, pv.Grant(unit, holder)]))
            for holder in ("self", "g1", "g2") for unit in (U1, U2)]


# ---- The properties --------------------------------------------------------------------------


@SETTINGS
@given(citizens(), actors(), services())
def test_default_deny_and_agreement_with_c(citizen, actor, service):
    """I1, I8; the Decision agrees with the C decision on every field, on ON and on changes_on
    (T1)."""
    d = evaluate(citizen, actor, service)
    check_default_deny(d)
    if d.changes_on is not None:
        later = evaluate(citizen, actor, service, d.changes_on)
        assert (later.effect, later.reason, later.filtered) != (d.effect, d.reason, d.filtered)


@SETTINGS
@given(citizens(), actors(), services())
def test_restrictions_never_turn_a_deny_into_a_permit(citizen, actor, service):
    """I2 (E1, E2, E3, G3, G4, L1, J1-J4, D1-D3, P2): a restricted neighbour of a deny denies."""
    d = evaluate(citizen, actor, service)
    if d.effect is Effect.PERMIT:
        return
    for name, restricted, restricted_actor in restrictions(citizen, actor):
        n = evaluate(restricted, restricted_actor, service)
        check_default_deny(n)
        assert n.effect is Effect.DENY, name
        assert set(d.reasons) <= set(n.reasons), name


@SETTINGS
@given(citizens(), actors(), services())
def test_grants_never_turn_a_permit_into_a_deny(citizen, actor, service):
    """I3 (D1, D2, D3): a neighbour of a permit with a grant added permits."""
    d = evaluate(citizen, actor, service)
    if d.effect is Effect.DENY:
        return
    for name, granted in added_grants(citizen):
        n = evaluate(granted, actor, service)
        check_default_deny(n)
        assert n.effect is Effect.PERMIT, name
