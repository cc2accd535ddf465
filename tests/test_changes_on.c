/* test_changes_on.c — T1: changes_on is the first date after 'on' on which the same inputs give
   another (effect, reason, filtered), or none. Candidates: the 13th and 16th birthdays, the first
   day inside and the first day after every seal's active interval, grant and appointment; content
   periods are not candidates. Every expected date below is computed by hand from T1. */
#include "suites.h"
#include "test_eval_util.h"

#define NONE PV_DATE_NONE

/* The child of these tests: born 2010-06-15, 13 on 2023-06-15, 16 on 2026-06-15. */
#define BIRTH D(2010, 6, 15)

static void adult(fixture *f) {
    fx_init(f, D(1980, 1, 20), D(2026, 3, 4));
}

/* -- birthdays ----------------------------------------------------------------------------- */

static void test_t1_self_e_services_13th_birthday(void) {
    fixture f;
    fx_init(&f, BIRTH, D(2020, 1, 1));
    EXPECT_DENY(&f, BIT(UNDER_13), S1);
    EXPECT_CHANGES_ON(&f, D(2023, 6, 15));
    f.on = D(2023, 6, 14);
    EXPECT_DENY(&f, BIT(UNDER_13), S1);
    EXPECT_CHANGES_ON(&f, D(2023, 6, 15));
    /* on the birthday it is a permit for good: the 16th birthday changes nothing here */
    f.on = D(2023, 6, 15);
    EXPECT_PERMIT(&f, SELF, S1, false);
    EXPECT_CHANGES_ON(&f, NONE);
    /* born today */
    fx_init(&f, D(2026, 3, 4), D(2026, 3, 4));
    EXPECT_DENY(&f, BIT(UNDER_13), S1);
    EXPECT_CHANGES_ON(&f, D(2039, 3, 4));
}

static void test_t1_self_journal_13th_and_16th_birthdays(void) {
    fixture f;
    fx_init(&f, BIRTH, D(2020, 1, 1));
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(UNDER_13), S2);
    EXPECT_CHANGES_ON(&f, D(2023, 6, 15)); /* UNDER_13 -> UNDER_16 */
    f.on = D(2023, 6, 15);
    EXPECT_DENY(&f, BIT(UNDER_16), D1);
    EXPECT_CHANGES_ON(&f, D(2026, 6, 15)); /* UNDER_16 -> SELF */
    f.on = D(2026, 6, 14);
    EXPECT_CHANGES_ON(&f, D(2026, 6, 15));
    f.on = D(2026, 6, 15);
    EXPECT_PERMIT(&f, SELF, S2, false);
    EXPECT_CHANGES_ON(&f, NONE);
}

static void test_t1_leap_day_birthdays(void) {
    /* A1: a 29 February birth turns 13 on 28 February (2025), 16 on 29 February (2028). */
    fixture f;
    fx_init(&f, D(2012, 2, 29), D(2024, 6, 1));
    EXPECT_DENY(&f, BIT(UNDER_13), S1);
    EXPECT_CHANGES_ON(&f, D(2025, 2, 28));
    fx_journal(&f);
    EXPECT_CHANGES_ON(&f, D(2025, 2, 28));
    f.on = D(2025, 3, 1);
    EXPECT_DENY(&f, BIT(UNDER_16), D1);
    EXPECT_CHANGES_ON(&f, D(2028, 2, 29));
    /* born 2084-02-29: 16 on 2100-02-28, 2100 not being a leap year */
    fx_init(&f, D(2084, 2, 29), D(2099, 1, 1));
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(UNDER_16), D1);
    EXPECT_CHANGES_ON(&f, D(2100, 2, 28));
}

static void test_t1_guardian_birthdays(void) {
    fixture f;
    fx_init(&f, BIRTH, D(2020, 1, 1));
    fx_guardian(&f, "g1");
    EXPECT_PERMIT(&f, GUARDIAN_PROXY, G1, false);
    EXPECT_CHANGES_ON(&f, D(2023, 6, 15));
    fx_journal(&f);
    EXPECT_PERMIT(&f, GUARDIAN_PROXY, G2, false);
    EXPECT_CHANGES_ON(&f, D(2023, 6, 15));
    /* 13 to 15 without a grant: PROXY_ENDED by D2, then by G2 from 16 — the same
       (effect, reason, filtered), so no change */
    f.on = D(2024, 1, 1);
    EXPECT_DENY(&f, BIT(PROXY_ENDED), D2);
    EXPECT_CHANGES_ON(&f, NONE);
    fx_eservices(&f);
    EXPECT_DENY(&f, BIT(PROXY_ENDED), G1);
    EXPECT_CHANGES_ON(&f, NONE);
}

static void test_t1_primary_reason_change_is_a_change(void) {
    /* A blocked guardian of a child of 12: GUARDIAN_BLOCKED; from the 13th birthday PROXY_ENDED
       comes first. */
    fixture f;
    fx_init(&f, BIRTH, D(2023, 1, 1));
    f.guardians[0].blocked = true;
    fx_guardian(&f, "g1");
    EXPECT_DENY(&f, BIT(GUARDIAN_BLOCKED), G3);
    EXPECT_CHANGES_ON(&f, D(2023, 6, 15));
    /* from 13 on it stays PROXY_ENDED */
    f.on = D(2023, 6, 15);
    EXPECT_DENY(&f, BIT(PROXY_ENDED) | BIT(GUARDIAN_BLOCKED), G1);
    EXPECT_CHANGES_ON(&f, NONE);
}

/* -- seals --------------------------------------------------------------------------------- */

static void test_t1_seal_active_from(void) {
    fixture f;
    adult(&f);
    fx_seal(&f, NULL, D(2026, 5, 1), NONE);
    fx_journal(&f);
    EXPECT_PERMIT(&f, SELF, S2, false);
    EXPECT_CHANGES_ON(&f, D(2026, 5, 1));
    /* the day after on */
    f.seals[0].active.from = D(2026, 3, 5);
    EXPECT_CHANGES_ON(&f, D(2026, 3, 5));
    /* on itself is not after on: the seal is in force, open-ended, nothing changes */
    f.seals[0].active.from = D(2026, 3, 4);
    EXPECT_DENY(&f, BIT(JOURNAL_SEALED), J1);
    EXPECT_CHANGES_ON(&f, NONE);
    /* e-services are never affected (J5): no change */
    f.seals[0].active.from = D(2026, 5, 1);
    fx_eservices(&f);
    EXPECT_PERMIT(&f, SELF, S1, false);
    EXPECT_CHANGES_ON(&f, NONE);
}

static void test_t1_seal_active_until_plus_one(void) {
    fixture f;
    adult(&f);
    fx_seal(&f, NULL, NONE, D(2026, 4, 30));
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(JOURNAL_SEALED), J1);
    EXPECT_CHANGES_ON(&f, D(2026, 5, 1));
    f.seals[0].active.until = D(2026, 3, 4); /* last day today */
    EXPECT_CHANGES_ON(&f, D(2026, 3, 5));
    f.seals[0].active.until = D(2026, 12, 31);
    EXPECT_CHANGES_ON(&f, D(2027, 1, 1));
    f.seals[0].active.until = D(2027, 2, 28);
    EXPECT_CHANGES_ON(&f, D(2027, 3, 1));
    f.seals[0].active.until = D(2028, 2, 28);
    EXPECT_CHANGES_ON(&f, D(2028, 2, 29));
    f.seals[0].active.until = D(2028, 2, 29);
    EXPECT_CHANGES_ON(&f, D(2028, 3, 1));
    /* a seal already over: nothing ahead */
    f.seals[0].active.until = D(2026, 3, 3);
    EXPECT_PERMIT(&f, SELF, S2, false);
    EXPECT_CHANGES_ON(&f, NONE);
}

static void test_t1_seal_from_and_until(void) {
    fixture f;
    adult(&f);
    fx_seal(&f, U1, D(2026, 4, 1), D(2026, 4, 30));
    fx_journal_unit(&f, U1);
    EXPECT_CHANGES_ON(&f, D(2026, 4, 1));
    f.on = D(2026, 4, 1);
    EXPECT_DENY(&f, BIT(UNIT_SEALED), J2);
    EXPECT_CHANGES_ON(&f, D(2026, 5, 1));
    f.on = D(2026, 4, 30);
    EXPECT_CHANGES_ON(&f, D(2026, 5, 1));
    f.on = D(2026, 5, 1);
    EXPECT_PERMIT(&f, SELF, S2, false);
    EXPECT_CHANGES_ON(&f, NONE);
}

static void test_t1_filtered_change_is_a_change(void) {
    /* The whole journal with a unit seal ending: filtered true -> false. */
    fixture f;
    adult(&f);
    fx_seal(&f, U1, NONE, D(2026, 6, 30));
    fx_journal(&f);
    EXPECT_PERMIT(&f, SELF, S2, true);
    EXPECT_CHANGES_ON(&f, D(2026, 7, 1));
    /* a content seal starting: unit query filtered from then */
    adult(&f);
    pv_seal *s = fx_seal_content(&f, NULL, D(2000, 1, 1), D(2000, 12, 31));
    s->active.from = D(2026, 9, 1);
    fx_journal_unit(&f, U2);
    EXPECT_PERMIT(&f, SELF, S2, false);
    EXPECT_CHANGES_ON(&f, D(2026, 9, 1));
    /* an entry outside the content period never changes */
    fx_journal_entry(&f, U2, D(2001, 1, 1));
    EXPECT_CHANGES_ON(&f, NONE);
    /* an entry inside it does */
    fx_journal_entry(&f, U2, D(2000, 1, 1));
    EXPECT_CHANGES_ON(&f, D(2026, 9, 1));
}

static void test_t1_content_period_ends_are_not_candidates(void) {
    fixture f;
    adult(&f);
    fx_seal_content(&f, U1, D(2026, 5, 1), D(2026, 12, 31));
    fx_journal_entry(&f, U1, D(2020, 6, 1));
    EXPECT_PERMIT(&f, SELF, S2, false);
    EXPECT_CHANGES_ON(&f, NONE);
    fx_journal_entry(&f, U1, D(2026, 3, 4));
    EXPECT_PERMIT(&f, SELF, S2, false);
    EXPECT_CHANGES_ON(&f, NONE);
    fx_journal_unit(&f, U1);
    EXPECT_PERMIT(&f, SELF, S2, true);
    EXPECT_CHANGES_ON(&f, NONE);
    fx_journal(&f);
    EXPECT_PERMIT(&f, SELF, S2, true);
    EXPECT_CHANGES_ON(&f, NONE);
}

static void test_t1_skips_a_candidate_that_changes_nothing(void) {
    /* A seal starting while already denied for a reason that stays: a 10-year-old's own journal
       (UNDER_13); a whole seal from 2026-06-01 adds JOURNAL_SEALED behind UNDER_13 — no change;
       the 13th birthday (2029-01-10) turns the primary reason into UNDER_16. */
    fixture f;
    fx_init(&f, D(2016, 1, 10), D(2026, 3, 4));
    fx_seal(&f, NULL, D(2026, 6, 1), NONE);
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(UNDER_13), S2);
    EXPECT_CHANGES_ON(&f, D(2029, 1, 10));
    /* self e-services: the seal is no candidate at all, the birthday is */
    fx_eservices(&f);
    EXPECT_CHANGES_ON(&f, D(2029, 1, 10));
    /* JOURNAL_SEALED in force; a unit seal from 06-01 to 07-01 adds UNIT_SEALED behind it */
    adult(&f);
    fx_seal_always(&f, NULL);
    fx_seal(&f, U1, D(2026, 6, 1), D(2026, 7, 1));
    fx_journal_unit(&f, U1);
    EXPECT_DENY(&f, BIT(JOURNAL_SEALED), J1);
    EXPECT_CHANGES_ON(&f, NONE);
    /* NO_EID first; a seal that starts changes nothing */
    adult(&f);
    fx_seal(&f, NULL, D(2026, 6, 1), NONE);
    f.actor.eid = PV_EID_NONE;
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(NO_EID), E1);
    EXPECT_CHANGES_ON(&f, NONE);
    /* two whole seals back to back: the end of the first is covered by the second */
    adult(&f);
    fx_seal(&f, NULL, NONE, D(2026, 4, 30));
    fx_seal(&f, NULL, D(2026, 5, 1), D(2026, 5, 31));
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(JOURNAL_SEALED), J1);
    EXPECT_CHANGES_ON(&f, D(2026, 6, 1));
}

static void test_t1_earliest_of_several(void) {
    fixture f;
    adult(&f);
    fx_seal(&f, U1, D(2026, 5, 1), D(2026, 5, 31));
    fx_seal(&f, NULL, D(2026, 4, 1), D(2026, 4, 10));
    fx_journal_unit(&f, U1);
    EXPECT_PERMIT(&f, SELF, S2, false);
    EXPECT_CHANGES_ON(&f, D(2026, 4, 1));
    f.on = D(2026, 4, 1);
    EXPECT_DENY(&f, BIT(JOURNAL_SEALED), J1);
    EXPECT_CHANGES_ON(&f, D(2026, 4, 11));
    f.on = D(2026, 4, 11);
    EXPECT_PERMIT(&f, SELF, S2, false);
    EXPECT_CHANGES_ON(&f, D(2026, 5, 1));
    f.on = D(2026, 5, 31);
    EXPECT_DENY(&f, BIT(UNIT_SEALED), J2);
    EXPECT_CHANGES_ON(&f, D(2026, 6, 1));
}

/* -- grants -------------------------------------------------------------------------------- */

static void test_t1_grant_from_and_until(void) {
    fixture f;
    fx_init(&f, BIRTH, D(2024, 9, 1)); /* 14 */
    fx_grant(&f, PV_GRANT_HOLDER_SELF, U1, D(2024, 10, 1), D(2024, 12, 31));
    fx_journal_unit(&f, U1);
    EXPECT_DENY(&f, BIT(UNDER_16), D1);
    EXPECT_CHANGES_ON(&f, D(2024, 10, 1));
    f.on = D(2024, 10, 1);
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D1, false);
    EXPECT_CHANGES_ON(&f, D(2025, 1, 1));
    f.on = D(2025, 1, 1);
    EXPECT_DENY(&f, BIT(UNDER_16), D1);
    EXPECT_CHANGES_ON(&f, D(2026, 6, 15)); /* then SELF at 16 */
    /* whole journal: filtered permit from the grant's start */
    f.on = D(2024, 9, 1);
    fx_journal(&f);
    EXPECT_CHANGES_ON(&f, D(2024, 10, 1));
    /* another unit: the grant is not its candidate in effect; 16th birthday */
    fx_journal_unit(&f, U2);
    EXPECT_CHANGES_ON(&f, D(2026, 6, 15));
}

static void test_t1_open_grant_until_16th_birthday(void) {
    fixture f;
    fx_init(&f, BIRTH, D(2024, 9, 1));
    fx_grant(&f, PV_GRANT_HOLDER_SELF, U1, NONE, NONE);
    fx_journal_unit(&f, U1);
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D1, false);
    EXPECT_CHANGES_ON(&f, D(2026, 6, 15)); /* DIRECT_ACCESS -> SELF */
    fx_journal(&f);
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D1, true);
    EXPECT_CHANGES_ON(&f, D(2026, 6, 15));
    /* a grant running past the 16th birthday: its end changes nothing */
    fx_init(&f, BIRTH, D(2024, 9, 1));
    fx_grant(&f, PV_GRANT_HOLDER_SELF, U1, D(2024, 1, 1), D(2027, 1, 1));
    fx_journal_unit(&f, U1);
    EXPECT_CHANGES_ON(&f, D(2026, 6, 15));
}

static void test_t1_grant_before_13th_birthday(void) {
    /* A grant starting while the child is 12 has no effect until the 13th birthday (D3). */
    fixture f;
    fx_init(&f, BIRTH, D(2022, 6, 1));
    fx_grant(&f, PV_GRANT_HOLDER_SELF, U1, D(2023, 1, 1), NONE);
    fx_journal_unit(&f, U1);
    EXPECT_DENY(&f, BIT(UNDER_13), S2);
    EXPECT_CHANGES_ON(&f, D(2023, 6, 15));
    f.on = D(2023, 6, 15);
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D1, false);
    EXPECT_CHANGES_ON(&f, D(2026, 6, 15));
    /* guardian: proxy until 13, then D2 */
    fx_init(&f, BIRTH, D(2023, 1, 1));
    fx_grant(&f, "g1", U1, D(2022, 1, 1), NONE);
    fx_guardian(&f, "g1");
    fx_journal_unit(&f, U1);
    EXPECT_PERMIT(&f, GUARDIAN_PROXY, G2, false);
    EXPECT_CHANGES_ON(&f, D(2023, 6, 15)); /* GUARDIAN_PROXY -> DIRECT_ACCESS */
    f.on = D(2023, 6, 15);
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D2, false);
    EXPECT_CHANGES_ON(&f, D(2026, 6, 15)); /* -> PROXY_ENDED */
    /* a grant ending before the 13th birthday never has effect */
    fx_init(&f, BIRTH, D(2022, 6, 1));
    fx_grant(&f, "g1", U1, NONE, D(2023, 1, 1));
    fx_guardian(&f, "g1");
    fx_journal(&f);
    EXPECT_PERMIT(&f, GUARDIAN_PROXY, G2, false);
    EXPECT_CHANGES_ON(&f, D(2023, 6, 15)); /* -> PROXY_ENDED */
}

static void test_t1_guardian_grant_until(void) {
    fixture f;
    fx_init(&f, BIRTH, D(2025, 1, 1));
    fx_grant(&f, "g1", U1, NONE, D(2025, 8, 31));
    fx_guardian(&f, "g1");
    fx_journal(&f);
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D2, true);
    EXPECT_CHANGES_ON(&f, D(2025, 9, 1));
    /* the other guardian gets nothing from it */
    fx_guardian(&f, "g2");
    EXPECT_DENY(&f, BIT(PROXY_ENDED), D2);
    EXPECT_CHANGES_ON(&f, NONE);
}

/* -- appointments -------------------------------------------------------------------------- */

static void test_t1_appointment_from_and_until(void) {
    fixture f;
    adult(&f);
    f.reps[0].from = D(2026, 4, 1);
    fx_rep(&f, "r1");
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(REPRESENTATIVE_INCOMPLETE), P2);
    EXPECT_CHANGES_ON(&f, D(2026, 4, 1));
    f.reps[0].from = NONE;
    f.reps[0].until = D(2026, 3, 31);
    EXPECT_PERMIT(&f, REPRESENTATIVE, P2, false);
    EXPECT_CHANGES_ON(&f, D(2026, 4, 1));
    f.reps[0].from = D(2026, 1, 1);
    f.reps[0].until = D(2026, 3, 4);
    EXPECT_CHANGES_ON(&f, D(2026, 3, 5));
    /* incomplete anyway: the appointment's start changes nothing */
    f.reps[0].court_order = false;
    f.reps[0].from = D(2026, 4, 1);
    f.reps[0].until = NONE;
    EXPECT_DENY(&f, BIT(REPRESENTATIVE_INCOMPLETE), P2);
    EXPECT_CHANGES_ON(&f, NONE);
    /* e-services: P1 whatever the appointment */
    f.reps[0].court_order = true;
    fx_eservices(&f);
    EXPECT_DENY(&f, BIT(REPRESENTATIVE_JOURNAL_ONLY), P1);
    EXPECT_CHANGES_ON(&f, NONE);
}

/* -- nothing changes ----------------------------------------------------------------------- */

static void test_t1_none_when_nothing_changes(void) {
    fixture f;
    adult(&f);
    EXPECT_PERMIT(&f, SELF, S1, false);
    EXPECT_CHANGES_ON(&f, NONE);
    fx_journal(&f);
    EXPECT_CHANGES_ON(&f, NONE);
    fx_rep(&f, "r1");
    EXPECT_CHANGES_ON(&f, NONE);
    /* an old seal, an old grant, an old appointment */
    adult(&f);
    fx_seal(&f, NULL, D(2020, 1, 1), D(2020, 12, 31));
    fx_grant(&f, PV_GRANT_HOLDER_SELF, U1, D(1993, 1, 1), D(1995, 1, 1));
    f.reps[0].until = D(2025, 1, 1);
    fx_journal(&f);
    EXPECT_PERMIT(&f, SELF, S2, false);
    EXPECT_CHANGES_ON(&f, NONE);
    fx_rep(&f, "r1");
    EXPECT_DENY(&f, BIT(REPRESENTATIVE_INCOMPLETE), P2);
    EXPECT_CHANGES_ON(&f, NONE);
    /* locks and blocks are not in time */
    adult(&f);
    f.citizen.login_locked = true;
    EXPECT_DENY(&f, BIT(LOGIN_LOCKED), E2);
    EXPECT_CHANGES_ON(&f, NONE);
}

static void test_t1_pv_decide_computes_no_changes_on(void) {
    fixture f;
    pv_decision d = PV_DECISION_INIT;
    fx_init(&f, BIRTH, D(2020, 1, 1));
    CU_ASSERT_EQUAL(pv_decide(&f.citizen, &f.actor, &f.service, f.on, &d, NULL), PV_OK);
    CU_ASSERT_TRUE(pv_date_is_none(d.changes_on));
    CU_ASSERT_EQUAL(d.reason, PV_REASON_UNDER_13);
    CU_ASSERT_EQUAL(pv_evaluate(&f.citizen, &f.actor, &f.service, f.on, &d, NULL), PV_OK);
    CU_ASSERT_EQUAL(pv_date_compare(d.changes_on, D(2023, 6, 15)), 0);
}

/* -- T1 by its definition, over many inputs ------------------------------------------------ */

static bool same_triple(const pv_decision *a, const pv_decision *b) {
    return a->effect == b->effect && a->reason == b->reason && a->filtered == b->filtered;
}

static pv_date day_after(pv_date d) {
    return pv_date_from_days(pv_date_to_days(d) + 1);
}

static void add_candidate(pv_date *list, int *n, pv_date d) {
    if (!pv_date_is_none(d)) list[(*n)++] = d;
}

/* The candidates of T1 for the fixture. */
static int candidates(const fixture *f, pv_date *list) {
    int n = 0;
    pv_date b;
    if (pv_date_birthday(f->citizen.birth_date, 13, &b, NULL) == PV_OK) {
        add_candidate(list, &n, b);
    }
    if (pv_date_birthday(f->citizen.birth_date, 16, &b, NULL) == PV_OK) {
        add_candidate(list, &n, b);
    }
    for (size_t i = 0; i < f->citizen.seal_count; i++) {
        add_candidate(list, &n, f->seals[i].active.from);
        if (!pv_date_is_none(f->seals[i].active.until))
            add_candidate(list, &n, day_after(f->seals[i].active.until));
    }
    for (size_t i = 0; i < f->citizen.grant_count; i++) {
        add_candidate(list, &n, f->grants[i].from);
        if (!pv_date_is_none(f->grants[i].until))
            add_candidate(list, &n, day_after(f->grants[i].until));
    }
    for (size_t i = 0; i < f->citizen.representative_count; i++) {
        add_candidate(list, &n, f->reps[i].from);
        if (!pv_date_is_none(f->reps[i].until))
            add_candidate(list, &n, day_after(f->reps[i].until));
    }
    return n;
}

/* Evaluates the fixture on every candidate after 'on' and returns the first on which the
   (effect, reason, filtered) differs, or PV_DATE_NONE. */
static pv_date expected_changes_on(fixture *f) {
    pv_date list[64];
    int n = candidates(f, list);
    pv_decision now = PV_DECISION_INIT, then = PV_DECISION_INIT;
    pv_date best = PV_DATE_NONE;
    if (pv_decide(&f->citizen, &f->actor, &f->service, f->on, &now, NULL) != PV_OK) return best;
    for (int i = 0; i < n; i++) {
        if (pv_date_compare(list[i], f->on) <= 0) continue;
        if (!pv_date_is_none(best) && pv_date_compare(list[i], best) >= 0) continue;
        if (pv_decide(&f->citizen, &f->actor, &f->service, list[i], &then, NULL) != PV_OK) {
            continue;
        }
        if (!same_triple(&now, &then)) best = list[i];
    }
    return best;
}

static void test_t1_by_definition_over_many_inputs(void) {
    /* Each case: a child born 2011-07-01 (13 on 2024-07-01, 16 on 2027-07-01) with seals,
       grants and an appointment starting and ending at different dates, evaluated on a range
       of dates for every actor and query kind. changes_on must be the first candidate on which
       the decision differs, and the day before it (if after 'on') must not differ. */
    static const pv_date ons[] = {{2023, 1, 1},  {2024, 6, 30}, {2024, 7, 1},  {2024, 12, 31},
                                  {2025, 3, 1},  {2025, 6, 1},  {2025, 9, 30}, {2026, 1, 1},
                                  {2027, 6, 30}, {2027, 7, 1},  {2028, 1, 1}};
    fixture f;
    int checked = 0;
    for (int variant = 0; variant < 4; variant++)
        for (int actor = 0; actor < 4; actor++)
            for (int service = 0; service < 5; service++)
                for (size_t o = 0; o < sizeof ons / sizeof ons[0]; o++) {
                    fx_init(&f, D(2011, 7, 1), ons[o]);
                    f.reps[0].from = D(2025, 2, 1);
                    f.reps[0].until = D(2027, 12, 31);
                    fx_grant(&f, PV_GRANT_HOLDER_SELF, U1, D(2024, 3, 1), D(2025, 5, 31));
                    fx_grant(&f, "g1", U1, D(2025, 3, 1), NONE);
                    if (variant & 1) fx_seal(&f, U1, D(2025, 1, 1), D(2025, 3, 1));
                    if (variant & 2) {
                        pv_seal *s = fx_seal(&f, NULL, D(2025, 6, 1), D(2026, 1, 1));
                        if (variant == 3) {
                            s->has_content = true;
                            s->content.from = D(2022, 1, 1);
                            s->content.until = D(2022, 12, 31);
                        }
                    }
                    if (actor == 1) fx_guardian(&f, "g1");
                    if (actor == 2) fx_guardian(&f, "g2");
                    if (actor == 3) fx_rep(&f, "r1");
                    if (service == 0) fx_eservices(&f);
                    if (service == 1) fx_journal(&f);
                    if (service == 2) fx_journal_unit(&f, U1);
                    if (service == 3) fx_journal_unit(&f, U2);
                    if (service == 4) fx_journal_entry(&f, U1, D(2022, 5, 1));
                    pv_date want = expected_changes_on(&f);
                    fx_eval(&f);
                    fx_check_ok(&f, __FILE__, __LINE__);
                    char a[32], b[32];
                    fx_check(pv_date_compare(f.d.changes_on, want) == 0 &&
                                 pv_date_is_none(f.d.changes_on) == pv_date_is_none(want),
                             __FILE__, __LINE__,
                             "variant %d actor %d service %d on %s: changes_on %s, expected %s",
                             variant, actor, service, fx_date_text(ons[o], b),
                             fx_date_text(f.d.changes_on, a), fx_date_text(want, b));
                    if (!pv_date_is_none(f.d.changes_on)) {
                        /* the day before changes_on gives the decision of 'on' */
                        pv_date before = pv_date_from_days(pv_date_to_days(f.d.changes_on) - 1);
                        pv_decision d = PV_DECISION_INIT;
                        CU_ASSERT_EQUAL_FATAL(
                            pv_decide(&f.citizen, &f.actor, &f.service, before, &d, NULL), PV_OK);
                        fx_check(same_triple(&d, &f.d), __FILE__, __LINE__,
                                 "variant %d actor %d service %d: decision changed before "
                                 "changes_on %s",
                                 variant, actor, service, fx_date_text(f.d.changes_on, a));
                    }
                    checked++;
                }
    CU_ASSERT_EQUAL(checked, 4 * 4 * 5 * 11);
}

int register_changes_on_suite(void) {
    static const pv_test_case cases[] = {
        {"T1, S1: self e-services, 13th birthday", test_t1_self_e_services_13th_birthday},
        {"T1, S2, D1: self journal, 13th and 16th birthdays",
         test_t1_self_journal_13th_and_16th_birthdays},
        {"T1, A1: 29 February births", test_t1_leap_day_birthdays},
        {"T1, G1, G2, D2: guardian birthdays", test_t1_guardian_birthdays},
        {"T1, G3: a change of primary reason", test_t1_primary_reason_change_is_a_change},
        {"T1, J3: seal active from", test_t1_seal_active_from},
        {"T1, J3: seal active until + 1", test_t1_seal_active_until_plus_one},
        {"T1, J2: seal from and until", test_t1_seal_from_and_until},
        {"T1, step 7: a change of filtered", test_t1_filtered_change_is_a_change},
        {"T1, J4: content period ends are not candidates",
         test_t1_content_period_ends_are_not_candidates},
        {"T1: a candidate that changes nothing is skipped",
         test_t1_skips_a_candidate_that_changes_nothing},
        {"T1: the earliest of several", test_t1_earliest_of_several},
        {"T1, D1: grant from and until + 1", test_t1_grant_from_and_until},
        {"T1, D1, D3: open grant until the 16th birthday", test_t1_open_grant_until_16th_birthday},
        {"T1, D3: grant before the 13th birthday", test_t1_grant_before_13th_birthday},
        {"T1, D2: guardian grant until + 1", test_t1_guardian_grant_until},
        {"T1, P2: appointment from and until + 1", test_t1_appointment_from_and_until},
        {"T1: none when nothing changes", test_t1_none_when_nothing_changes},
        {"T1: pv_decide computes no changes_on", test_t1_pv_decide_computes_no_changes_on},
        {"T1: by its definition over many inputs", test_t1_by_definition_over_many_inputs},
        {NULL, NULL},
    };
    return pv_add_suite("changes_on (T1)", cases);
}
