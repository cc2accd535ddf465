/* test_restrictions.c — step 6 of RULES.md section 3: the citizen's restrictions. L1, L2 (the
   child's login lock), J1 to J6 (journal seals: whole, unit, active interval, content period,
   never e-services, whoever asked). */
#include "suites.h"
#include "test_eval_util.h"

static void adult(fixture *f) {
    fx_init(f, D(1980, 1, 20), D(2026, 3, 4));
}

static void young_child(fixture *f) {
    fx_init(f, D(2021, 1, 1), D(2026, 3, 4));
}

/* A child of 14 with grants in force for U1 to itself and to g1. */
static void child_14_with_grants(fixture *f) {
    fx_init(f, D(2011, 7, 1), D(2026, 3, 4));
    fx_grant(f, PV_GRANT_HOLDER_SELF, U1, PV_DATE_NONE, PV_DATE_NONE);
    fx_grant(f, "g1", U1, PV_DATE_NONE, PV_DATE_NONE);
}

/* -- L1, L2 -------------------------------------------------------------------------------- */

static void test_l1_guardian_e_services_child_login_locked(void) {
    fixture f;
    young_child(&f);
    f.citizen.login_locked = true;
    fx_guardian(&f, "g1");
    EXPECT_DENY(&f, BIT(CHILD_LOGIN_LOCKED), L1);
    EXPECT_REASON_RULE(&f, CHILD_LOGIN_LOCKED, L1);
    fx_guardian(&f, "g2");
    EXPECT_DENY(&f, BIT(CHILD_LOGIN_LOCKED), L1);
    /* the child itself: its own lock is E2 */
    fx_self(&f);
    EXPECT_DENY(&f, BIT(LOGIN_LOCKED) | BIT(UNDER_13), E2);
}

static void test_l1_checked_on_its_own_from_13(void) {
    /* L1 applies whenever the citizen's login is locked, beside PROXY_ENDED. */
    fixture f;
    fx_init(&f, D(2011, 7, 1), D(2026, 3, 4));
    f.citizen.login_locked = true;
    fx_guardian(&f, "g1");
    EXPECT_DENY(&f, BIT(PROXY_ENDED) | BIT(CHILD_LOGIN_LOCKED), G1);
    EXPECT_REASON_RULE(&f, CHILD_LOGIN_LOCKED, L1);
    fx_init(&f, D(1980, 1, 20), D(2026, 3, 4));
    f.citizen.login_locked = true;
    fx_guardian(&f, "g2");
    EXPECT_DENY(&f, BIT(PROXY_ENDED) | BIT(CHILD_LOGIN_LOCKED), G1);
}

static void test_l1_not_for_representatives(void) {
    fixture f;
    adult(&f);
    f.citizen.login_locked = true;
    fx_rep(&f, "r1");
    EXPECT_DENY(&f, BIT(REPRESENTATIVE_JOURNAL_ONLY), P1);
}

static void test_l2_journal_not_affected_by_child_lock(void) {
    fixture f;
    young_child(&f);
    f.citizen.login_locked = true;
    fx_guardian(&f, "g1");
    fx_journal(&f);
    EXPECT_PERMIT(&f, GUARDIAN_PROXY, G2, false);
    fx_journal_unit(&f, U1);
    EXPECT_PERMIT(&f, GUARDIAN_PROXY, G2, false);
    fx_journal_entry(&f, U1, D(2022, 1, 1));
    fx_channel(&f, PV_CHANNEL_DIRECT);
    EXPECT_PERMIT(&f, GUARDIAN_PROXY, G2, false);
    /* D2 */
    child_14_with_grants(&f);
    f.citizen.login_locked = true;
    fx_guardian(&f, "g1");
    fx_journal_unit(&f, U1);
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D2, false);
    fx_journal(&f);
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D2, true);
    /* representative */
    adult(&f);
    f.citizen.login_locked = true;
    fx_rep(&f, "r1");
    fx_journal(&f);
    EXPECT_PERMIT(&f, REPRESENTATIVE, P2, false);
    fx_journal_entry(&f, U2, D(2010, 10, 10));
    EXPECT_PERMIT(&f, REPRESENTATIVE, P2, false);
}

static void test_j6_l1_who_asked_for_the_lock(void) {
    fixture f;
    young_child(&f);
    f.citizen.login_locked = true;
    f.citizen.login_lock_requested_by = PV_REQUESTER_CITIZEN;
    f.citizen.login_lock_case_number = "Dnr 2026/42";
    fx_guardian(&f, "g1");
    EXPECT_DENY(&f, BIT(CHILD_LOGIN_LOCKED), L1);
    f.citizen.login_lock_requested_by = PV_REQUESTER_CARE;
    f.citizen.login_lock_case_number = ""; /* an acute lock, number added later (X1) */
    EXPECT_DENY(&f, BIT(CHILD_LOGIN_LOCKED), L1);
    f.citizen.login_lock_case_number = NULL;
    EXPECT_DENY(&f, BIT(CHILD_LOGIN_LOCKED), L1);
    /* a case number without a lock locks nothing */
    f.citizen.login_locked = false;
    f.citizen.login_lock_case_number = "Dnr 2026/42";
    EXPECT_PERMIT(&f, GUARDIAN_PROXY, G1, false);
}

/* -- J1 ------------------------------------------------------------------------------------ */

static void test_j1_whole_seal_closes_journal_to_self(void) {
    fixture f;
    adult(&f);
    fx_seal_always(&f, NULL);
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(JOURNAL_SEALED), J1);
    EXPECT_REASON_RULE(&f, JOURNAL_SEALED, J1);
    fx_channel(&f, PV_CHANNEL_DIRECT);
    EXPECT_DENY(&f, BIT(JOURNAL_SEALED), J1);
    fx_journal_unit(&f, U1);
    EXPECT_DENY(&f, BIT(JOURNAL_SEALED), J1);
    fx_journal_entry(&f, U1, D(2020, 6, 1));
    EXPECT_DENY(&f, BIT(JOURNAL_SEALED), J1);
    fx_channel(&f, PV_CHANNEL_DIRECT);
    EXPECT_DENY(&f, BIT(JOURNAL_SEALED), J1);
}

static void test_j1_whole_seal_closes_journal_to_every_actor(void) {
    fixture f;
    young_child(&f);
    fx_seal_always(&f, NULL);
    fx_guardian(&f, "g1");
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(JOURNAL_SEALED), J1);
    fx_journal_unit(&f, U2);
    fx_channel(&f, PV_CHANNEL_DIRECT);
    EXPECT_DENY(&f, BIT(JOURNAL_SEALED), J1);
    /* self under 13: both */
    fx_self(&f);
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(UNDER_13) | BIT(JOURNAL_SEALED), S2);
    /* D1 and D2 */
    child_14_with_grants(&f);
    fx_seal_always(&f, NULL);
    fx_journal_unit(&f, U1);
    EXPECT_DENY(&f, BIT(JOURNAL_SEALED), J1);
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(JOURNAL_SEALED), J1);
    fx_guardian(&f, "g1");
    EXPECT_DENY(&f, BIT(JOURNAL_SEALED), J1);
    fx_journal_unit(&f, U1);
    EXPECT_DENY(&f, BIT(JOURNAL_SEALED), J1);
    /* guardian without grant: both */
    fx_guardian(&f, "g2");
    EXPECT_DENY(&f, BIT(PROXY_ENDED) | BIT(JOURNAL_SEALED), D2);
    EXPECT_REASON_RULE(&f, JOURNAL_SEALED, J1);
    /* representative */
    adult(&f);
    fx_seal_always(&f, NULL);
    fx_rep(&f, "r1");
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(JOURNAL_SEALED), J1);
    f.reps[0].consent = false;
    EXPECT_DENY(&f, BIT(REPRESENTATIVE_INCOMPLETE) | BIT(JOURNAL_SEALED), P2);
}

/* -- J2 ------------------------------------------------------------------------------------ */

static void test_j2_unit_seal_closes_the_unit(void) {
    fixture f;
    adult(&f);
    fx_seal_always(&f, U1);
    fx_journal_unit(&f, U1);
    EXPECT_DENY(&f, BIT(UNIT_SEALED), J2);
    EXPECT_REASON_RULE(&f, UNIT_SEALED, J2);
    fx_channel(&f, PV_CHANNEL_DIRECT);
    EXPECT_DENY(&f, BIT(UNIT_SEALED), J2);
    fx_journal_entry(&f, U1, D(2020, 6, 1));
    EXPECT_DENY(&f, BIT(UNIT_SEALED), J2);
    /* other units untouched, unfiltered */
    fx_journal_unit(&f, U2);
    EXPECT_PERMIT(&f, SELF, S2, false);
    fx_journal_entry(&f, U2, D(2020, 6, 1));
    EXPECT_PERMIT(&f, SELF, S2, false);
    /* whole journal permitted and filtered */
    fx_journal(&f);
    EXPECT_PERMIT(&f, SELF, S2, true);
    fx_channel(&f, PV_CHANNEL_DIRECT);
    EXPECT_PERMIT(&f, SELF, S2, true);
}

static void test_j2_unit_ids_compared_exactly(void) {
    fixture f;
    adult(&f);
    fx_seal_always(&f, U1);
    fx_journal_unit(&f, "se2321000016-1abc");
    EXPECT_PERMIT(&f, SELF, S2, false);
    fx_journal_unit(&f, "SE2321000016-1AB");
    EXPECT_PERMIT(&f, SELF, S2, false);
    fx_journal_unit(&f, "SE2321000016-1ABCD");
    EXPECT_PERMIT(&f, SELF, S2, false);
    /* an identical string in another buffer matches */
    char copy[] = U1;
    fx_journal_unit(&f, copy);
    EXPECT_DENY(&f, BIT(UNIT_SEALED), J2);
}

static void test_j2_every_actor(void) {
    fixture f;
    young_child(&f);
    fx_seal_always(&f, U1);
    fx_guardian(&f, "g1");
    fx_journal_unit(&f, U1);
    EXPECT_DENY(&f, BIT(UNIT_SEALED), J2);
    fx_journal(&f);
    EXPECT_PERMIT(&f, GUARDIAN_PROXY, G2, true);
    child_14_with_grants(&f);
    fx_seal_always(&f, U1);
    fx_journal_unit(&f, U1);
    EXPECT_DENY(&f, BIT(UNIT_SEALED), J2);
    fx_journal(&f);
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D1, true);
    fx_guardian(&f, "g1");
    fx_journal_entry(&f, U1, D(2020, 1, 1));
    EXPECT_DENY(&f, BIT(UNIT_SEALED), J2);
    fx_journal(&f);
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D2, true);
    adult(&f);
    fx_seal_always(&f, U2);
    fx_rep(&f, "r1");
    fx_journal_unit(&f, U2);
    EXPECT_DENY(&f, BIT(UNIT_SEALED), J2);
    fx_journal(&f);
    EXPECT_PERMIT(&f, REPRESENTATIVE, P2, true);
}

static void test_j1_j2_together(void) {
    fixture f;
    adult(&f);
    fx_seal_always(&f, U1);
    fx_seal_always(&f, NULL);
    fx_journal_unit(&f, U1);
    EXPECT_DENY(&f, BIT(JOURNAL_SEALED) | BIT(UNIT_SEALED), J1);
    EXPECT_REASON_RULE(&f, UNIT_SEALED, J2);
    fx_journal_unit(&f, U2);
    EXPECT_DENY(&f, BIT(JOURNAL_SEALED), J1);
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(JOURNAL_SEALED), J1);
}

/* -- J3 ------------------------------------------------------------------------------------ */

static void test_j3_active_interval_ends_inclusive(void) {
    fixture f;
    adult(&f);
    fx_seal(&f, NULL, D(2026, 3, 1), D(2026, 3, 31));
    fx_journal(&f);
    f.on = D(2026, 2, 28);
    EXPECT_PERMIT(&f, SELF, S2, false);
    f.on = D(2026, 3, 1);
    EXPECT_DENY(&f, BIT(JOURNAL_SEALED), J1);
    f.on = D(2026, 3, 31);
    EXPECT_DENY(&f, BIT(JOURNAL_SEALED), J1);
    f.on = D(2026, 4, 1);
    EXPECT_PERMIT(&f, SELF, S2, false);
    /* a one-day seal of a unit */
    adult(&f);
    fx_seal(&f, U1, D(2026, 3, 4), D(2026, 3, 4));
    fx_journal_unit(&f, U1);
    EXPECT_DENY(&f, BIT(UNIT_SEALED), J2);
    f.on = D(2026, 3, 3);
    EXPECT_PERMIT(&f, SELF, S2, false);
    f.on = D(2026, 3, 5);
    EXPECT_PERMIT(&f, SELF, S2, false);
}

static void test_j3_open_ends(void) {
    fixture f;
    adult(&f);
    fx_seal(&f, NULL, PV_DATE_NONE, D(2026, 3, 4));
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(JOURNAL_SEALED), J1);
    f.on = D(2000, 1, 1);
    EXPECT_DENY(&f, BIT(JOURNAL_SEALED), J1);
    f.on = D(2026, 3, 5);
    EXPECT_PERMIT(&f, SELF, S2, false);
    adult(&f);
    fx_seal(&f, NULL, D(2026, 3, 4), PV_DATE_NONE);
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(JOURNAL_SEALED), J1);
    f.on = D(2999, 12, 31);
    EXPECT_DENY(&f, BIT(JOURNAL_SEALED), J1);
    f.on = D(2026, 3, 3);
    EXPECT_PERMIT(&f, SELF, S2, false);
}

static void test_j3_seal_not_in_force_has_no_effect(void) {
    fixture f;
    adult(&f);
    fx_seal(&f, U1, D(2026, 4, 1), PV_DATE_NONE);
    fx_seal(&f, NULL, PV_DATE_NONE, D(2026, 3, 3));
    pv_seal *s = fx_seal(&f, NULL, D(2027, 1, 1), D(2027, 12, 31));
    s->has_content = true;
    s->content.from = PV_DATE_NONE;
    s->content.until = PV_DATE_NONE;
    /* no effect and no filtering */
    fx_journal(&f);
    EXPECT_PERMIT(&f, SELF, S2, false);
    fx_journal_unit(&f, U1);
    EXPECT_PERMIT(&f, SELF, S2, false);
    fx_journal_entry(&f, U1, D(2020, 1, 1));
    EXPECT_PERMIT(&f, SELF, S2, false);
}

/* -- J4 ------------------------------------------------------------------------------------ */

static void test_j4_unit_seal_with_content_period_entry_ends(void) {
    fixture f;
    adult(&f);
    fx_seal_content(&f, U1, D(2020, 1, 1), D(2020, 12, 31));
    fx_journal_entry(&f, U1, D(2019, 12, 31));
    EXPECT_PERMIT(&f, SELF, S2, false);
    fx_journal_entry(&f, U1, D(2020, 1, 1));
    EXPECT_DENY(&f, BIT(ENTRY_SEALED), J4);
    EXPECT_REASON_RULE(&f, ENTRY_SEALED, J4);
    fx_journal_entry(&f, U1, D(2020, 7, 15));
    EXPECT_DENY(&f, BIT(ENTRY_SEALED), J4);
    fx_journal_entry(&f, U1, D(2020, 12, 31));
    EXPECT_DENY(&f, BIT(ENTRY_SEALED), J4);
    fx_channel(&f, PV_CHANNEL_DIRECT);
    EXPECT_DENY(&f, BIT(ENTRY_SEALED), J4);
    fx_journal_entry(&f, U1, D(2021, 1, 1));
    EXPECT_PERMIT(&f, SELF, S2, false);
    /* another unit's entry in the period is not hidden */
    fx_journal_entry(&f, U2, D(2020, 7, 15));
    EXPECT_PERMIT(&f, SELF, S2, false);
}

static void test_j4_unit_and_whole_queries_filtered(void) {
    fixture f;
    adult(&f);
    fx_seal_content(&f, U1, D(2020, 1, 1), D(2020, 12, 31));
    fx_journal_unit(&f, U1);
    EXPECT_PERMIT(&f, SELF, S2, true);
    fx_journal_unit(&f, U2);
    EXPECT_PERMIT(&f, SELF, S2, false);
    fx_journal(&f);
    EXPECT_PERMIT(&f, SELF, S2, true);
    fx_channel(&f, PV_CHANNEL_DIRECT);
    EXPECT_PERMIT(&f, SELF, S2, true);
}

static void test_j4_whole_scope_with_content_period(void) {
    fixture f;
    adult(&f);
    fx_seal_content(&f, NULL, D(2020, 1, 1), D(2020, 12, 31));
    fx_journal(&f);
    EXPECT_PERMIT(&f, SELF, S2, true);
    fx_journal_unit(&f, U1);
    EXPECT_PERMIT(&f, SELF, S2, true);
    fx_journal_unit(&f, U2);
    EXPECT_PERMIT(&f, SELF, S2, true);
    fx_journal_entry(&f, U1, D(2020, 1, 1));
    EXPECT_DENY(&f, BIT(ENTRY_SEALED), J4);
    fx_journal_entry(&f, U2, D(2020, 12, 31));
    EXPECT_DENY(&f, BIT(ENTRY_SEALED), J4);
    fx_journal_entry(&f, U2, D(2021, 1, 1));
    EXPECT_PERMIT(&f, SELF, S2, false);
    fx_journal_entry(&f, U1, D(2019, 12, 31));
    EXPECT_PERMIT(&f, SELF, S2, false);
}

static void test_j4_open_content_ends(void) {
    fixture f;
    adult(&f);
    fx_seal_content(&f, U1, PV_DATE_NONE, D(2020, 12, 31));
    fx_journal_entry(&f, U1, D(1980, 1, 20)); /* the day of birth */
    EXPECT_DENY(&f, BIT(ENTRY_SEALED), J4);
    fx_journal_entry(&f, U1, D(2020, 12, 31));
    EXPECT_DENY(&f, BIT(ENTRY_SEALED), J4);
    fx_journal_entry(&f, U1, D(2021, 1, 1));
    EXPECT_PERMIT(&f, SELF, S2, false);
    adult(&f);
    fx_seal_content(&f, U1, D(2020, 1, 1), PV_DATE_NONE);
    fx_journal_entry(&f, U1, D(2019, 12, 31));
    EXPECT_PERMIT(&f, SELF, S2, false);
    fx_journal_entry(&f, U1, D(2020, 1, 1));
    EXPECT_DENY(&f, BIT(ENTRY_SEALED), J4);
    fx_journal_entry(&f, U1, D(2026, 3, 4)); /* registered today */
    EXPECT_DENY(&f, BIT(ENTRY_SEALED), J4);
}

static void test_j4_content_period_both_ends_open(void) {
    /* has_content with both ends open hides every entry in the scope; unit and whole queries
       stay permitted and filtered (it is not J1 or J2). */
    fixture f;
    adult(&f);
    fx_seal_content(&f, U1, PV_DATE_NONE, PV_DATE_NONE);
    fx_journal_entry(&f, U1, D(1980, 1, 20));
    EXPECT_DENY(&f, BIT(ENTRY_SEALED), J4);
    fx_journal_entry(&f, U1, D(2026, 3, 4));
    EXPECT_DENY(&f, BIT(ENTRY_SEALED), J4);
    fx_journal_entry(&f, U2, D(2020, 1, 1));
    EXPECT_PERMIT(&f, SELF, S2, false);
    fx_journal_unit(&f, U1);
    EXPECT_PERMIT(&f, SELF, S2, true);
    fx_journal(&f);
    EXPECT_PERMIT(&f, SELF, S2, true);
    adult(&f);
    fx_seal_content(&f, NULL, PV_DATE_NONE, PV_DATE_NONE);
    fx_journal(&f);
    EXPECT_PERMIT(&f, SELF, S2, true);
    fx_journal_unit(&f, U2);
    EXPECT_PERMIT(&f, SELF, S2, true);
    fx_journal_entry(&f, U2, D(2026, 3, 4));
    EXPECT_DENY(&f, BIT(ENTRY_SEALED), J4);
}

static void test_j4_entry_in_a_sealed_unit_carries_both(void) {
    /* J4 is checked on its own: an entry in a sealed unit within a content period of another
       seal carries UNIT_SEALED and ENTRY_SEALED. */
    fixture f;
    adult(&f);
    fx_seal_always(&f, U1);
    fx_seal_content(&f, NULL, D(2020, 1, 1), D(2020, 12, 31));
    fx_journal_entry(&f, U1, D(2020, 6, 1));
    EXPECT_DENY(&f, BIT(UNIT_SEALED) | BIT(ENTRY_SEALED), J2);
    EXPECT_REASON_RULE(&f, UNIT_SEALED, J2);
    EXPECT_REASON_RULE(&f, ENTRY_SEALED, J4);
    fx_journal_entry(&f, U1, D(2021, 6, 1));
    EXPECT_DENY(&f, BIT(UNIT_SEALED), J2);
    fx_journal_entry(&f, U2, D(2020, 6, 1));
    EXPECT_DENY(&f, BIT(ENTRY_SEALED), J4);
    /* the content seal on the same unit */
    adult(&f);
    fx_seal_content(&f, U1, D(2020, 1, 1), D(2020, 12, 31));
    fx_seal_always(&f, U1);
    fx_journal_entry(&f, U1, D(2020, 12, 31));
    EXPECT_DENY(&f, BIT(UNIT_SEALED) | BIT(ENTRY_SEALED), J2);
    fx_journal_unit(&f, U1);
    EXPECT_DENY(&f, BIT(UNIT_SEALED), J2);
    /* and under a whole seal: all three */
    fx_seal_always(&f, NULL);
    fx_journal_entry(&f, U1, D(2020, 1, 1));
    EXPECT_DENY(&f, BIT(JOURNAL_SEALED) | BIT(UNIT_SEALED) | BIT(ENTRY_SEALED), J1);
    fx_journal_entry(&f, U2, D(2020, 1, 1));
    EXPECT_DENY(&f, BIT(JOURNAL_SEALED), J1);
}

static void test_j4_has_content_false_ignores_content(void) {
    /* Without has_content the seal is J1/J2 whatever 'content' holds. */
    fixture f;
    adult(&f);
    pv_seal *s = fx_seal_always(&f, U1);
    s->content.from = D(2020, 1, 1);
    s->content.until = D(2020, 12, 31);
    fx_journal_entry(&f, U1, D(2022, 1, 1));
    EXPECT_DENY(&f, BIT(UNIT_SEALED), J2);
    fx_journal_unit(&f, U1);
    EXPECT_DENY(&f, BIT(UNIT_SEALED), J2);
}

static void test_j4_content_seal_not_in_force(void) {
    fixture f;
    adult(&f);
    pv_seal *s = fx_seal_content(&f, U1, D(2020, 1, 1), D(2020, 12, 31));
    s->active.from = D(2026, 3, 5);
    fx_journal_entry(&f, U1, D(2020, 6, 1));
    EXPECT_PERMIT(&f, SELF, S2, false);
    fx_journal_unit(&f, U1);
    EXPECT_PERMIT(&f, SELF, S2, false);
    fx_journal(&f);
    EXPECT_PERMIT(&f, SELF, S2, false);
    f.on = D(2026, 3, 5);
    EXPECT_PERMIT(&f, SELF, S2, true);
    fx_journal_entry(&f, U1, D(2020, 6, 1));
    EXPECT_DENY(&f, BIT(ENTRY_SEALED), J4);
}

static void test_j4_with_direct_access_and_proxy(void) {
    fixture f;
    child_14_with_grants(&f);
    fx_seal_content(&f, U1, D(2020, 1, 1), D(2020, 12, 31));
    fx_journal_entry(&f, U1, D(2020, 6, 1));
    EXPECT_DENY(&f, BIT(ENTRY_SEALED), J4);
    fx_journal_entry(&f, U1, D(2022, 6, 1));
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D1, false);
    fx_journal_unit(&f, U1);
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D1, true);
    fx_guardian(&f, "g1");
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D2, true);
    fx_journal_entry(&f, U1, D(2020, 6, 1));
    EXPECT_DENY(&f, BIT(ENTRY_SEALED), J4);
    young_child(&f);
    fx_seal_content(&f, NULL, D(2024, 1, 1), D(2024, 12, 31));
    fx_guardian(&f, "g2");
    fx_journal_entry(&f, U2, D(2024, 5, 5));
    EXPECT_DENY(&f, BIT(ENTRY_SEALED), J4);
    fx_journal_unit(&f, U2);
    EXPECT_PERMIT(&f, GUARDIAN_PROXY, G2, true);
}

/* -- J5, J6 -------------------------------------------------------------------------------- */

static void test_j5_seals_never_affect_e_services(void) {
    fixture f;
    adult(&f);
    fx_seal_always(&f, NULL);
    fx_seal_always(&f, U1);
    fx_seal_content(&f, NULL, PV_DATE_NONE, PV_DATE_NONE);
    EXPECT_PERMIT(&f, SELF, S1, false);
    young_child(&f);
    fx_seal_always(&f, NULL);
    fx_seal_always(&f, U2);
    fx_seal_content(&f, U1, D(2022, 1, 1), D(2022, 1, 31));
    fx_guardian(&f, "g1");
    EXPECT_PERMIT(&f, GUARDIAN_PROXY, G1, false);
    /* a denied e-services request gets no seal reason either */
    fx_self(&f);
    EXPECT_DENY(&f, BIT(UNDER_13), S1);
    adult(&f);
    fx_seal_always(&f, NULL);
    fx_rep(&f, "r1");
    EXPECT_DENY(&f, BIT(REPRESENTATIVE_JOURNAL_ONLY), P1);
}

static void test_j6_requested_by_does_not_matter(void) {
    for (int who = 0; who < PV_REQUESTER_COUNT; who++) {
        fixture f;
        adult(&f);
        fx_seal_always(&f, NULL)->requested_by = (pv_requester)who;
        fx_journal(&f);
        EXPECT_DENY(&f, BIT(JOURNAL_SEALED), J1);
        adult(&f);
        fx_seal_always(&f, U1)->requested_by = (pv_requester)who;
        fx_journal_unit(&f, U1);
        EXPECT_DENY(&f, BIT(UNIT_SEALED), J2);
        fx_journal(&f);
        EXPECT_PERMIT(&f, SELF, S2, true);
        adult(&f);
        fx_seal_content(&f, U1, D(2020, 1, 1), D(2020, 1, 1))->requested_by = (pv_requester)who;
        fx_journal_entry(&f, U1, D(2020, 1, 1));
        EXPECT_DENY(&f, BIT(ENTRY_SEALED), J4);
        adult(&f);
        f.citizen.login_locked = true;
        f.citizen.login_lock_requested_by = (pv_requester)who;
        EXPECT_DENY(&f, BIT(LOGIN_LOCKED), E2);
    }
}

int register_restrictions_suite(void) {
    static const pv_test_case cases[] = {
        {"L1: guardian e-services with the child's login locked",
         test_l1_guardian_e_services_child_login_locked},
        {"L1: checked on its own from 13", test_l1_checked_on_its_own_from_13},
        {"L1: not for representatives", test_l1_not_for_representatives},
        {"L2: the journal is not affected by the child's lock",
         test_l2_journal_not_affected_by_child_lock},
        {"L1, J6: who asked for the lock", test_j6_l1_who_asked_for_the_lock},
        {"J1: a whole seal closes the journal to self", test_j1_whole_seal_closes_journal_to_self},
        {"J1: a whole seal closes the journal to every actor",
         test_j1_whole_seal_closes_journal_to_every_actor},
        {"J2: a unit seal closes the unit", test_j2_unit_seal_closes_the_unit},
        {"J2: units compared exactly", test_j2_unit_ids_compared_exactly},
        {"J2: every actor", test_j2_every_actor},
        {"J1, J2: together", test_j1_j2_together},
        {"J3: active interval ends inclusive", test_j3_active_interval_ends_inclusive},
        {"J3: open ends", test_j3_open_ends},
        {"J3: a seal not in force has no effect", test_j3_seal_not_in_force_has_no_effect},
        {"J4: content period ends for entries", test_j4_unit_seal_with_content_period_entry_ends},
        {"J4: unit and whole queries filtered", test_j4_unit_and_whole_queries_filtered},
        {"J4: whole scope with a content period", test_j4_whole_scope_with_content_period},
        {"J4: open content ends", test_j4_open_content_ends},
        {"J4: content period with both ends open", test_j4_content_period_both_ends_open},
        {"J2, J4: an entry in a sealed unit carries both",
         test_j4_entry_in_a_sealed_unit_carries_both},
        {"J4: has_content false ignores content", test_j4_has_content_false_ignores_content},
        {"J3, J4: a content seal not in force", test_j4_content_seal_not_in_force},
        {"J4, D1, D2, G2: content seals and other bases", test_j4_with_direct_access_and_proxy},
        {"J5: seals never affect e-services", test_j5_seals_never_affect_e_services},
        {"J6: requested_by does not matter", test_j6_requested_by_does_not_matter},
        {NULL, NULL},
    };
    return pv_add_suite("restrictions (L1, L2, J1-J6)", cases);
}
