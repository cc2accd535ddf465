"""portvakt.evaluate and decide against RULES.md section 3 (each test names its rules)."""

from datetime import date, timedelta

import pytest
from conftest import CHILD_HEALTH, ON, PSYCHIATRY

import portvakt as pv
from portvakt import Effect, Reason

UNIT = "SE2321000016-1ABC"
E_SERVICES = pv.Service.e_services()
JOURNAL = pv.Service.journal()


def child(birth=date(2013, 3, 4), **fields):
    fields.setdefault("guardians", [pv.Guardian("g1")])
    return pv.Citizen(birth_date=birth, **fields)


G1 = pv.Actor.guardian("g1")
SELF = pv.Actor.self()


def test_g1_guardian_proxy_for_e_services_ends_on_13th_birthday():
    # The example vector of RULES.md section 10 (G1).
    citizen = pv.Citizen(
        birth_date=date(2013, 3, 4),
        seals=[pv.Seal.for_unit(UNIT, active=pv.Interval(date(2026, 1, 1)),
                                content=pv.Interval(date(2020, 1, 1), date(2020, 12, 31)))],
        guardians=[pv.Guardian("g1")],
        grants=[pv.Grant(UNIT, from_=date(2026, 3, 4))],
        representatives=[pv.Representative("r1", "god_man", True, True, True, date(2025, 1, 1))],
    )
    d = pv.evaluate(citizen, G1, E_SERVICES, date(2026, 3, 4))
    assert d.effect is Effect.DENY
    assert d.reason is Reason.PROXY_ENDED
    assert d.reasons == (Reason.PROXY_ENDED,)
    assert d.rule == "G1"
    assert d.filtered is False
    assert d.changes_on is None
    assert d.field is None and d.detail is None
    assert not d.permitted


def test_g1_the_day_before_13_is_guardian_proxy_changing_on_the_birthday():
    d = pv.evaluate(child(), G1, E_SERVICES, date(2026, 3, 3))
    assert (d.effect, d.reason, d.rule) == (Effect.PERMIT, Reason.GUARDIAN_PROXY, "G1")
    assert d.reasons == ()  # no reason stands in the way of a permit
    assert d.changes_on == date(2026, 3, 4)  # T1: the 13th birthday
    assert d.permitted


def test_a1_born_29_february_attains_13_on_28_february():
    citizen = child(date(2012, 2, 29))
    assert pv.evaluate(citizen, G1, E_SERVICES, date(2025, 2, 27)).reason is Reason.GUARDIAN_PROXY
    d = pv.evaluate(citizen, G1, E_SERVICES, date(2025, 2, 28))
    assert d.reason is Reason.PROXY_ENDED


def test_section3_blocked_guardian_of_14_year_old_gets_both_reasons_in_order():
    # RULES.md section 3: PROXY_ENDED primary, both PROXY_ENDED and GUARDIAN_BLOCKED (G1, G3).
    citizen = child(date(2012, 1, 1), guardians=[pv.Guardian("g1", blocked=True)])
    d = pv.evaluate(citizen, G1, E_SERVICES, date(2026, 6, 1))
    assert d.reason is Reason.PROXY_ENDED
    assert d.reasons == (Reason.PROXY_ENDED, Reason.GUARDIAN_BLOCKED)
    assert d.reason_rules == ("G1", "G3")
    assert d.rule == "G1"


def test_s1_self_under_13_and_at_13():
    assert pv.evaluate(child(), SELF, E_SERVICES, date(2026, 3, 3)).reason is Reason.UNDER_13
    d = pv.evaluate(child(), SELF, E_SERVICES, date(2026, 3, 4))
    assert (d.effect, d.reason, d.rule) == (Effect.PERMIT, Reason.SELF, "S1")


def test_s2_d1_self_13_to_15_needs_a_grant_for_the_unit():
    on = date(2027, 1, 1)  # 13
    assert pv.evaluate(child(), SELF, JOURNAL, on).reason is Reason.UNDER_16
    granted = child(grants=[pv.Grant(UNIT)])
    unit = pv.evaluate(granted, SELF, pv.Service.journal(UNIT), on)
    assert (unit.effect, unit.reason, unit.rule) == (Effect.PERMIT, Reason.DIRECT_ACCESS, "D1")
    assert unit.filtered is False
    # D1: a whole-journal query with a grant in force is permitted and filtered.
    whole = pv.evaluate(granted, SELF, JOURNAL, on)
    assert (whole.effect, whole.reason, whole.filtered) == (Effect.PERMIT, Reason.DIRECT_ACCESS, True)
    other_unit = pv.evaluate(granted, SELF, pv.Service.journal("SE-OTHER"), on)
    assert other_unit.reason is Reason.UNDER_16
    # D3 / S2: at 16 the grant no longer matters, the citizen reads everything (SELF).
    d16 = pv.evaluate(granted, SELF, JOURNAL, date(2029, 3, 4))
    assert (d16.reason, d16.filtered) == (Reason.SELF, False)


def test_d2_guardian_grant_from_13_to_15(household):
    anna = pv.Actor.guardian("anna")
    unit = pv.Service.journal(CHILD_HEALTH)
    thirteen = date(2027, 5, 22)
    # G2 before 13: the guardian reads the journal as proxy.
    before = pv.evaluate(household, anna, unit, ON)
    assert (before.reason, before.rule, before.changes_on) == (Reason.GUARDIAN_PROXY, "G2", thirteen)
    after = pv.evaluate(household, anna, unit, thirteen)
    assert (after.effect, after.reason, after.rule) == (Effect.PERMIT, Reason.DIRECT_ACCESS, "D2")
    assert after.changes_on == date(2030, 5, 22)  # the 16th birthday (D3)
    # Without a grant for that unit: PROXY_ENDED.
    psych = pv.evaluate(household, anna, pv.Service.journal("SE-OTHER"), thirteen)
    assert psych.reason is Reason.PROXY_ENDED


def test_e1_only_bankid_and_freja_plus():
    on = date(2026, 6, 1)
    adult = pv.Citizen(birth_date=date(1980, 1, 1))
    for eid in ("freja", "password", "other", "none"):
        d = pv.evaluate(adult, pv.Actor.self(eid), E_SERVICES, on)
        assert (d.reason, d.rule) == (Reason.NO_EID, "E1"), eid
    for eid in (pv.Eid.BANKID, pv.Eid.FREJA_PLUS):
        assert pv.evaluate(adult, pv.Actor.self(eid), E_SERVICES, on).reason is Reason.SELF


def test_e2_a_locked_login_closes_the_portal_not_the_direct_channel():
    adult = pv.Citizen(birth_date=date(1980, 1, 1), login_locked=True)
    on = date(2026, 6, 1)
    assert pv.evaluate(adult, SELF, E_SERVICES, on).reason is Reason.LOGIN_LOCKED
    assert pv.evaluate(adult, SELF, JOURNAL, on).reason is Reason.LOGIN_LOCKED
    direct = pv.evaluate(adult, SELF, pv.Service.journal(channel="direct"), on)
    assert (direct.effect, direct.reason) == (Effect.PERMIT, Reason.SELF)


def test_e3_guardian_with_own_sealed_journal_opens_no_journal():
    sealed = pv.Actor.guardian("g1", journal_sealed=True)
    d = pv.evaluate(child(), sealed, JOURNAL, date(2020, 1, 1))
    assert (d.reason, d.rule) == (Reason.OWN_JOURNAL_SEALED, "E3")


def test_r0_other_and_unknown_guardian_are_not_related():
    assert pv.evaluate(child(), pv.Actor.other(), E_SERVICES, date(2020, 1, 1)).reason is Reason.NOT_RELATED
    d = pv.evaluate(child(), pv.Actor.guardian("nobody"), E_SERVICES, date(2020, 1, 1))
    assert (d.reason, d.reasons, d.rule) == (Reason.NOT_RELATED, (Reason.NOT_RELATED,), "R0")


def test_p1_p2_representatives():
    on = date(2026, 6, 1)
    complete = pv.Representative("r1", pv.RepresentativeKind.FORVALTARE, True, True, True)
    citizen = pv.Citizen(birth_date=date(1950, 1, 1), representatives=[complete])
    r1 = pv.Actor.representative("r1")
    assert pv.evaluate(citizen, r1, E_SERVICES, on).reason is Reason.REPRESENTATIVE_JOURNAL_ONLY
    d = pv.evaluate(citizen, r1, JOURNAL, on)
    assert (d.effect, d.reason, d.rule) == (Effect.PERMIT, Reason.REPRESENTATIVE, "P2")
    no_consent = pv.Citizen(birth_date=date(1950, 1, 1),
                            representatives=[pv.Representative("r1", "god_man", True, False, True)])
    assert pv.evaluate(no_consent, r1, JOURNAL, on).reason is Reason.REPRESENTATIVE_INCOMPLETE
    ended = pv.Citizen(birth_date=date(1950, 1, 1),
                       representatives=[pv.Representative("r1", "god_man", True, True, True,
                                                          until=date(2026, 5, 31))])
    assert pv.evaluate(ended, r1, JOURNAL, on).reason is Reason.REPRESENTATIVE_INCOMPLETE


def test_g4_g5_protected_identity_breaks_the_proxy_not_own_access():
    protected = child(protected_identity=True)
    d = pv.evaluate(protected, G1, E_SERVICES, date(2020, 1, 1))
    assert (d.reason, d.rule) == (Reason.PROTECTED_IDENTITY, "G4")
    adult = pv.Citizen(birth_date=date(1980, 1, 1), protected_identity=True)
    assert pv.evaluate(adult, SELF, E_SERVICES, date(2020, 1, 1)).reason is Reason.SELF


def test_l1_l2_a_locked_child_login_stops_guardian_e_services_only():
    locked = child(login_locked=True)
    on = date(2020, 1, 1)
    d = pv.evaluate(locked, G1, E_SERVICES, on)
    assert (d.reason, d.rule) == (Reason.CHILD_LOGIN_LOCKED, "L1")
    assert pv.evaluate(locked, G1, JOURNAL, on).reason is Reason.GUARDIAN_PROXY


def test_j1_j5_whole_seal_closes_the_journal_not_the_e_services():
    sealed = pv.Citizen(birth_date=date(1980, 1, 1), seals=[pv.Seal.whole()])
    on = date(2026, 6, 1)
    d = pv.evaluate(sealed, SELF, JOURNAL, on)
    assert (d.reason, d.rule) == (Reason.JOURNAL_SEALED, "J1")
    assert pv.evaluate(sealed, SELF, E_SERVICES, on).reason is Reason.SELF


def test_j2_unit_seal_closes_the_unit_and_filters_the_whole_journal():
    sealed = pv.Citizen(birth_date=date(1980, 1, 1), seals=[pv.Seal.for_unit(UNIT)])
    on = date(2026, 6, 1)
    assert pv.evaluate(sealed, SELF, pv.Service.journal(UNIT), on).reason is Reason.UNIT_SEALED
    whole = pv.evaluate(sealed, SELF, JOURNAL, on)
    assert (whole.effect, whole.filtered) == (Effect.PERMIT, True)
    assert pv.evaluate(sealed, SELF, pv.Service.journal("SE-OTHER"), on).filtered is False


def test_j3_a_seal_not_yet_in_force_has_no_effect_and_sets_changes_on():
    starts = date(2026, 7, 1)
    sealed = pv.Citizen(birth_date=date(1980, 1, 1), seals=[pv.Seal.whole(active=pv.Interval(starts))])
    d = pv.evaluate(sealed, SELF, JOURNAL, date(2026, 6, 30))
    assert (d.reason, d.changes_on) == (Reason.SELF, starts)
    assert pv.evaluate(sealed, SELF, JOURNAL, starts).reason is Reason.JOURNAL_SEALED


def test_j4_content_period_hides_entries_registered_inside_it():
    period = pv.Interval(date(2020, 1, 1), date(2020, 12, 31))
    sealed = pv.Citizen(birth_date=date(1980, 1, 1), seals=[pv.Seal.for_unit(UNIT, content=period)])
    on = date(2026, 6, 1)
    inside = pv.evaluate(sealed, SELF, pv.Service.journal(UNIT, date(2020, 12, 31)), on)
    assert (inside.reason, inside.rule) == (Reason.ENTRY_SEALED, "J4")
    outside = pv.evaluate(sealed, SELF, pv.Service.journal(UNIT, date(2021, 1, 1)), on)
    assert (outside.effect, outside.filtered) == (Effect.PERMIT, False)
    unit = pv.evaluate(sealed, SELF, pv.Service.journal(UNIT), on)
    assert (unit.effect, unit.filtered) == (Effect.PERMIT, True)


def test_decide_is_evaluate_without_changes_on():
    e = pv.evaluate(child(), G1, E_SERVICES, date(2026, 3, 3))
    d = pv.decide(child(), G1, E_SERVICES, date(2026, 3, 3))
    assert e.changes_on == date(2026, 3, 4)
    assert d.changes_on is None
    assert (d.effect, d.reason, d.reasons, d.rule) == (e.effect, e.reason, e.reasons, e.rule)


def test_m1_messages_follow_the_asker():
    on = date(2026, 6, 1)
    blocked = child(date(2020, 1, 1), guardians=[pv.Guardian("g1", blocked=True)])
    d = pv.evaluate(blocked, G1, E_SERVICES, on)
    assert d.reason is Reason.GUARDIAN_BLOCKED
    # M1: a guardian block is shown to the guardian only as the generic message.
    assert d.message() == pv.rules.generic_message()
    assert d.message("en") == pv.rules.generic_message("en")
    assert d.message("sv").startswith("Uppgifterna kan inte visas via 1177.")
    # Section 4: the official wordings, verbatim.
    teen = pv.evaluate(child(), SELF, JOURNAL, date(2027, 1, 1))
    assert teen.message() == (
        "Du som är under 16 har inte tillgång till Journalen. Om du är mellan 13 och 15 år och "
        "har särskilda skäl att vilja läsa din journal kan du kontakta de som ansvarar för din vård."
    )
    locked = pv.evaluate(pv.Citizen(birth_date=date(1980, 1, 1), login_locked=True), SELF, E_SERVICES, on)
    assert locked.message() == "Inloggningen är låst"
    assert pv.rules.message("NO_EID", "guardian") == "Logga in med BankID eller Freja+"
    assert pv.evaluate(child(), G1, E_SERVICES, date(2020, 1, 1)).message() == ""  # a permit
    with pytest.raises(pv.InvalidInput) as e:
        d.message("fi")
    assert e.value.field == "language"


def test_m1_the_same_answer_to_different_askers_keeps_its_own_message():
    # A sealed unit asked by the citizen (own text) and by a representative (generic): the same
    # C answer (UNIT_SEALED, J2, no change), cached per kind of asker so that each keeps the
    # right message (J2, M1).
    sealed = pv.Citizen(
        birth_date=date(1950, 1, 1),
        seals=[pv.Seal.for_unit(UNIT)],
        representatives=[pv.Representative("r1", "god_man", True, True, True)],
    )
    unit = pv.Service.journal(UNIT)
    own = pv.evaluate(sealed, SELF, unit, date(2026, 6, 1))
    theirs = pv.evaluate(sealed, pv.Actor.representative("r1"), unit, date(2026, 6, 1))
    assert own == theirs  # equal as outcomes: the asker takes no part in comparisons
    assert own.reason is Reason.UNIT_SEALED and own.changes_on is None
    assert own.message() != pv.rules.generic_message()
    assert theirs.message() == pv.rules.generic_message()


def test_t1_changes_on_is_the_first_date_with_another_outcome(household):
    for actor in (pv.Actor.guardian("anna"), pv.Actor.guardian("bertil"), SELF):
        for service in (E_SERVICES, JOURNAL, pv.Service.journal(PSYCHIATRY)):
            d = pv.evaluate(household, actor, service, ON)
            if d.changes_on is None:
                continue
            later = pv.evaluate(household, actor, service, d.changes_on)
            assert (later.effect, later.reason, later.filtered) != (d.effect, d.reason, d.filtered)
            eve = pv.evaluate(household, actor, service, d.changes_on - timedelta(days=1))
            assert (eve.effect, eve.reason, eve.filtered) == (d.effect, d.reason, d.filtered)


def test_equal_answers_are_equal_values():
    # Decisions are values; no shared cache hands out one object for both.
    a = pv.evaluate(child(), G1, E_SERVICES, date(2020, 1, 1))
    b = pv.evaluate(child(), G1, E_SERVICES, date(2020, 1, 2))
    assert a == b  # G1: permit, same changes_on (the 13th birthday)
    assert hash(a) == hash(b)


def test_rule_sources_and_summaries():
    assert pv.rules.rule_source("G1") == "seed 001"
    assert pv.rules.rule_source("R0") == "choice"
    assert pv.rules.rule_source("E3") == "derived"
    assert pv.rules.rule_summary("J3")
    assert "G3" in pv.rules.RULES and "N7" in pv.rules.RULES
    with pytest.raises(pv.InvalidInput):
        pv.rules.rule_source("Z9")
