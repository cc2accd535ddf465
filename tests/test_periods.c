/* test_periods.c — facts over time, RULES.md section 11: H1 (the citizen's login lock and
   protected identity and each guardian's block and protected identity as periods; a flag is
   one open period; overlapping and touching periods act as their union), H2 (every rule reads
   them on 'on': E2 for self, G3, G4, G5, G6, L1, L2, the advice and the planner), H3 (the first
   day of each period and the day after its last are T1 candidates) and H4 (periods before the
   birth or after 'on' are valid; a start after the end is malformed, section 8). Expected values
   are written from RULES.md. */
#include <stdlib.h>

#include "suites.h"
#include "test_eval_util.h"

static pv_interval period(pv_date from, pv_date until) {
    pv_interval p = {from, until};
    return p;
}

static pv_lock_period lock_period(pv_date from, pv_date until, const char *case_number) {
    pv_lock_period p = PV_LOCK_PERIOD_INIT;
    p.when = period(from, until);
    p.case_number = case_number;
    return p;
}

/* A child of 5 (born 2021-01-01, 13 on 2034-01-01) on 2026-03-04, g1 asking for e-services. */
static void child_guardian(fixture *f) {
    fx_init(f, D(2021, 1, 1), D(2026, 3, 4));
    fx_guardian(f, "g1");
}

/* An adult (born 1980-05-05) on 2026-03-04, asking for the e-services. */
static void adult_self(fixture *f) {
    fx_init(f, D(1980, 5, 5), D(2026, 3, 4));
}

static void test_h1_h2_h3_g3_blocked_from_a_date(void) {
    fixture f;
    child_guardian(&f);
    pv_interval blocked[] = {period(D(2026, 4, 1), PV_DATE_NONE)};
    f.guardians[0].blocked_periods = blocked;
    f.guardians[0].blocked_period_count = 1;
    f.on = D(2026, 3, 31);
    EXPECT_PERMIT(&f, GUARDIAN_PROXY, G1, false);
    EXPECT_CHANGES_ON(&f, D(2026, 4, 1)); /* H3: the block's first day */
    f.on = D(2026, 4, 1);
    EXPECT_DENY(&f, BIT(GUARDIAN_BLOCKED), G3);
    /* G1: on the 13th birthday the proxy ends, PROXY_ENDED comes first (section 3 order). */
    EXPECT_CHANGES_ON(&f, D(2034, 1, 1));
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(GUARDIAN_BLOCKED), G3);
    /* G3: other guardians are not affected. */
    fx_guardian(&f, "g2");
    EXPECT_PERMIT(&f, GUARDIAN_PROXY, G2, false);
}

static void test_h2_h3_g3_block_period_that_ends(void) {
    fixture f;
    child_guardian(&f);
    pv_interval blocked[] = {period(D(2026, 1, 1), D(2026, 3, 31))};
    f.guardians[0].blocked_periods = blocked;
    f.guardians[0].blocked_period_count = 1;
    f.on = D(2026, 3, 31);
    EXPECT_DENY(&f, BIT(GUARDIAN_BLOCKED), G3);
    EXPECT_CHANGES_ON(&f, D(2026, 4, 1)); /* H3: the day after its last */
    f.on = D(2026, 4, 1);
    EXPECT_PERMIT(&f, GUARDIAN_PROXY, G1, false);
    EXPECT_CHANGES_ON(&f, D(2034, 1, 1));
}

static void test_h2_h3_g4_protected_identity_that_ends(void) {
    fixture f;
    child_guardian(&f);
    pv_interval child[] = {period(PV_DATE_NONE, D(2026, 6, 30))};
    f.citizen.protected_identity_periods = child;
    f.citizen.protected_identity_period_count = 1;
    EXPECT_DENY(&f, BIT(PROTECTED_IDENTITY), G4);
    EXPECT_CHANGES_ON(&f, D(2026, 7, 1));
    f.on = D(2026, 7, 1);
    EXPECT_PERMIT(&f, GUARDIAN_PROXY, G1, false);
    /* The guardian's own protected identity period, through the journal. */
    fx_init(&f, D(2021, 1, 1), D(2026, 3, 4));
    fx_guardian(&f, "g2");
    fx_journal(&f);
    pv_interval own[] = {period(D(2026, 3, 1), D(2026, 3, 10))};
    f.guardians[1].protected_identity_periods = own;
    f.guardians[1].protected_identity_period_count = 1;
    EXPECT_DENY(&f, BIT(PROTECTED_IDENTITY), G4);
    EXPECT_CHANGES_ON(&f, D(2026, 3, 11));
    f.on = D(2026, 3, 11);
    EXPECT_PERMIT(&f, GUARDIAN_PROXY, G2, false);
    EXPECT_CHANGES_ON(&f, D(2034, 1, 1));
}

static void test_h2_g5_g6_protection_periods_never_deny_self_or_representatives(void) {
    fixture f;
    adult_self(&f);
    pv_interval prot[] = {period(D(2026, 1, 1), D(2026, 12, 31))};
    f.citizen.protected_identity_periods = prot;
    f.citizen.protected_identity_period_count = 1;
    EXPECT_PERMIT(&f, SELF, S1, false);
    EXPECT_CHANGES_ON(&f, PV_DATE_NONE); /* G5: the periods cannot act on self */
    fx_rep(&f, "r1");
    fx_journal(&f);
    EXPECT_PERMIT(&f, REPRESENTATIVE, P2, false);
    EXPECT_CHANGES_ON(&f, PV_DATE_NONE); /* G6 */
}

static void test_h2_h3_e2_citizen_lock_period_closes_the_portal(void) {
    fixture f;
    adult_self(&f);
    pv_lock_period locks[] = {lock_period(D(2026, 4, 1), D(2026, 4, 30), "Dnr 2026/1")};
    f.citizen.login_lock_periods = locks;
    f.citizen.login_lock_period_count = 1;
    f.on = D(2026, 3, 31);
    EXPECT_PERMIT(&f, SELF, S1, false);
    EXPECT_CHANGES_ON(&f, D(2026, 4, 1));
    f.on = D(2026, 4, 1);
    EXPECT_DENY(&f, BIT(LOGIN_LOCKED), E2);
    EXPECT_CHANGES_ON(&f, D(2026, 5, 1)); /* not timeless: the lock ends */
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(LOGIN_LOCKED), E2);
    EXPECT_CHANGES_ON(&f, D(2026, 5, 1));
    /* E2: the direct channel is not affected, and the lock gives it no change. */
    fx_channel(&f, PV_CHANNEL_DIRECT);
    EXPECT_PERMIT(&f, SELF, S2, false);
    EXPECT_CHANGES_ON(&f, PV_DATE_NONE);
    f.on = D(2026, 5, 1);
    fx_eservices(&f);
    EXPECT_PERMIT(&f, SELF, S1, false);
    EXPECT_CHANGES_ON(&f, PV_DATE_NONE);
}

static void test_h2_h3_l1_l2_child_lock_period(void) {
    fixture f;
    child_guardian(&f);
    pv_lock_period locks[] = {lock_period(D(2026, 4, 1), D(2026, 4, 30), NULL)};
    f.citizen.login_lock_periods = locks;
    f.citizen.login_lock_period_count = 1;
    f.on = D(2026, 3, 31);
    EXPECT_PERMIT(&f, GUARDIAN_PROXY, G1, false);
    EXPECT_CHANGES_ON(&f, D(2026, 4, 1));
    f.on = D(2026, 4, 30);
    EXPECT_DENY(&f, BIT(CHILD_LOGIN_LOCKED), L1);
    EXPECT_CHANGES_ON(&f, D(2026, 5, 1));
    /* L2: the journal is not touched, and the lock gives it no change. */
    fx_journal(&f);
    EXPECT_PERMIT(&f, GUARDIAN_PROXY, G2, false);
    EXPECT_CHANGES_ON(&f, D(2034, 1, 1));
    /* A guardian's own lock flag stays timeless (E2 on the actor's account). */
    fx_eservices(&f);
    f.actor.login_locked = true;
    EXPECT_DENY(&f, BIT(LOGIN_LOCKED) | BIT(CHILD_LOGIN_LOCKED), E2);
    EXPECT_CHANGES_ON(&f, PV_DATE_NONE);
}

static void test_h1_h3_g3_overlapping_and_touching_periods_act_as_their_union(void) {
    fixture f;
    child_guardian(&f);
    pv_interval blocked[] = {period(D(2026, 1, 1), D(2026, 1, 31)),
                             period(D(2026, 2, 1), D(2026, 2, 20)),
                             period(D(2026, 2, 10), D(2026, 3, 5))};
    f.guardians[0].blocked_periods = blocked;
    f.guardians[0].blocked_period_count = 3;
    f.on = D(2025, 12, 31);
    EXPECT_PERMIT(&f, GUARDIAN_PROXY, G1, false);
    EXPECT_CHANGES_ON(&f, D(2026, 1, 1));
    const pv_date inside[] = {D(2026, 1, 1), D(2026, 1, 31), D(2026, 2, 1), D(2026, 2, 15),
                              D(2026, 3, 5)};
    for (size_t i = 0; i < sizeof inside / sizeof inside[0]; i++) {
        f.on = inside[i];
        EXPECT_DENY(&f, BIT(GUARDIAN_BLOCKED), G3);
        EXPECT_CHANGES_ON(&f, D(2026, 3, 6));
    }
    f.on = D(2026, 3, 6);
    EXPECT_PERMIT(&f, GUARDIAN_PROXY, G1, false);
}

static void test_h4_periods_before_the_birth_or_after_on_are_valid(void) {
    fixture f;
    child_guardian(&f);
    pv_interval before[] = {period(D(2000, 1, 1), D(2010, 12, 31))};
    pv_interval after[] = {period(D(2050, 1, 1), PV_DATE_NONE)};
    f.guardians[0].blocked_periods = before;
    f.guardians[0].blocked_period_count = 1;
    f.guardians[0].protected_identity_periods = after;
    f.guardians[0].protected_identity_period_count = 1;
    EXPECT_PERMIT(&f, GUARDIAN_PROXY, G1, false);
    EXPECT_CHANGES_ON(&f, D(2034, 1, 1)); /* G1: the 13th birthday comes first */
    /* A lock period ending on 9999-12-31 has no day after it. */
    pv_lock_period locks[] = {lock_period(D(2030, 1, 1), D(9999, 12, 31), NULL)};
    f.citizen.login_lock_periods = locks;
    f.citizen.login_lock_period_count = 1;
    EXPECT_CHANGES_ON(&f, D(2030, 1, 1));
    f.on = D(2031, 1, 1);
    EXPECT_DENY(&f, BIT(CHILD_LOGIN_LOCKED), L1);
    EXPECT_CHANGES_ON(&f, D(2034, 1, 1));
}

static void test_h4_v1_malformed_periods_name_their_field(void) {
    fixture f;
    adult_self(&f);
    pv_lock_period locks[3] = {lock_period(D(2026, 1, 1), D(2026, 1, 31), NULL),
                               lock_period(D(2026, 2, 1), D(2026, 2, 28), NULL),
                               lock_period(D(2026, 3, 1), D(2026, 2, 1), NULL)};
    f.citizen.login_lock_periods = locks;
    f.citizen.login_lock_period_count = 3;
    EXPECT_INVALID(&f, "citizen.login_locked[2].from"); /* start after end */
    locks[2].when = period(D(2026, 2, 30), PV_DATE_NONE);
    EXPECT_INVALID(&f, "citizen.login_locked[2].from");
    locks[2].when = period(D(2026, 3, 1), D(2026, 13, 1));
    EXPECT_INVALID(&f, "citizen.login_locked[2].until");
    locks[2].when = period(D(2026, 4, 1), PV_DATE_NONE); /* after on */
    locks[2].case_number = "Dnr\t2026";
    EXPECT_INVALID(&f, "citizen.login_locked[2].case_number");
    locks[2].case_number = "Dnr RÖ 2024/17";
    EXPECT_PERMIT(&f, SELF, S1, false);
    locks[2].requested_by = PV_REQUESTER_COUNT;
    EXPECT_INVALID(&f, "citizen.login_locked[2].requested_by");
    locks[2].requested_by = PV_REQUESTER_CITIZEN;
    locks[0].version = 0;
    EXPECT_INVALID(&f, "citizen.login_locked[0].version");
    locks[0].version = PV_LOCK_PERIOD_VERSION + 1;
    EXPECT_INVALID(&f, "citizen.login_locked[0].version");
    locks[0].version = PV_LOCK_PERIOD_VERSION;
    locks[1].version = PV_LOCK_PERIOD_VERSION + 1;
    EXPECT_INVALID(&f, "citizen.login_locked[1].version");
    locks[1].version = PV_LOCK_PERIOD_VERSION;
    f.citizen.login_lock_periods = NULL;
    EXPECT_INVALID(&f, "citizen.login_locked");
    f.citizen.login_lock_periods = locks;
    f.citizen.login_lock_period_count = PV_MAX_PERIODS + 1;
    EXPECT_INVALID(&f, "citizen.login_locked");
    f.citizen.login_lock_period_count = 3;
    EXPECT_PERMIT(&f, SELF, S1, false);

    pv_interval many[PV_MAX_PERIODS + 1];
    for (size_t i = 0; i < PV_MAX_PERIODS + 1; i++) many[i] = period(D(2000, 1, 1), D(2000, 1, 2));
    f.citizen.protected_identity_periods = many;
    f.citizen.protected_identity_period_count = PV_MAX_PERIODS + 1;
    EXPECT_INVALID(&f, "citizen.protected_identity");
    f.citizen.protected_identity_period_count = PV_MAX_PERIODS; /* the cap itself is valid */
    EXPECT_PERMIT(&f, SELF, S1, false);
    many[7] = period(D(2001, 1, 2), D(2001, 1, 1));
    EXPECT_INVALID(&f, "citizen.protected_identity[7].from");
    f.citizen.protected_identity_periods = NULL;
    EXPECT_INVALID(&f, "citizen.protected_identity");
    f.citizen.protected_identity_period_count = 0;

    pv_interval bad[] = {period(D(2026, 5, 1), D(2026, 4, 30))};
    f.guardians[1].blocked_periods = bad;
    f.guardians[1].blocked_period_count = 1;
    EXPECT_INVALID(&f, "citizen.guardians[1].blocked[0].from");
    f.guardians[1].blocked_period_count = PV_MAX_PERIODS + 1;
    EXPECT_INVALID(&f, "citizen.guardians[1].blocked");
    f.guardians[1].blocked_periods = NULL;
    f.guardians[1].blocked_period_count = 0;
    f.guardians[1].protected_identity_periods = bad;
    f.guardians[1].protected_identity_period_count = 1;
    EXPECT_INVALID(&f, "citizen.guardians[1].protected_identity[0].from");
    f.guardians[1].protected_identity_periods = NULL;
    EXPECT_INVALID(&f, "citizen.guardians[1].protected_identity");
}

/* H1: one decision with the fact as a flag and as one period open at both ends. */
static void same_as_flag(fixture *f, bool *flag, const pv_interval **periods, size_t *count) {
    static const pv_interval always = {{0, 0, 0}, {0, 0, 0}};
    fx_eval_at(f, __FILE__, __LINE__);
    const pv_decision none = f->d;
    *flag = true;
    fx_eval_at(f, __FILE__, __LINE__);
    const pv_decision by_flag = f->d;
    *flag = false;
    *periods = &always;
    *count = 1;
    fx_eval_at(f, __FILE__, __LINE__);
    fx_check(fx_same_decision(&by_flag, &f->d) &&
                 pv_date_compare(by_flag.changes_on, f->d.changes_on) == 0,
             __FILE__, __LINE__, "a flag and one open period decide differently");
    /* Flag and period together: their union, the same again. */
    *flag = true;
    fx_eval_at(f, __FILE__, __LINE__);
    fx_check(fx_same_decision(&by_flag, &f->d), __FILE__, __LINE__, "flag with period differs");
    *flag = false;
    *count = 0; /* H1: an empty list is none */
    fx_eval_at(f, __FILE__, __LINE__);
    fx_check(fx_same_decision(&none, &f->d), __FILE__, __LINE__, "an empty list is not none");
}

static void test_h1_e2_g3_g4_l1_a_flag_and_one_open_period_decide_alike(void) {
    static const pv_lock_period always = PV_LOCK_PERIOD_INIT;
    fixture f;
    for (int service = 0; service < 3; service++) {
        for (int actor = 0; actor < 3; actor++) {
            child_guardian(&f);
            if (actor == 0) fx_self(&f);
            if (actor == 2) fx_rep(&f, "r1");
            if (service > 0) fx_journal(&f);
            if (service == 2) fx_channel(&f, PV_CHANNEL_DIRECT);
            same_as_flag(&f, &f.guardians[0].blocked, &f.guardians[0].blocked_periods,
                         &f.guardians[0].blocked_period_count);
            same_as_flag(&f, &f.guardians[0].protected_identity,
                         &f.guardians[0].protected_identity_periods,
                         &f.guardians[0].protected_identity_period_count);
            same_as_flag(&f, &f.citizen.protected_identity,
                         &f.citizen.protected_identity_periods,
                         &f.citizen.protected_identity_period_count);
            /* The lock: the flag, and one open lock period. */
            fx_eval_at(&f, __FILE__, __LINE__);
            f.citizen.login_locked = true;
            fx_eval_at(&f, __FILE__, __LINE__);
            const pv_decision by_flag = f.d;
            f.citizen.login_locked = false;
            f.citizen.login_lock_periods = &always;
            f.citizen.login_lock_period_count = 1;
            fx_eval_at(&f, __FILE__, __LINE__);
            fx_check(fx_same_decision(&by_flag, &f.d) &&
                         pv_date_compare(by_flag.changes_on, f.d.changes_on) == 0,
                     __FILE__, __LINE__, "the lock flag and one open lock period differ");
        }
    }
}

/* -- H2: the advice and the planner read the facts on 'on' ---------------------------------- */

static size_t advice_count(const fixture *f, pv_advice_kind kind) {
    pv_advice items[8] = {PV_ADVICE_INIT};
    size_t count = 0;
    pv_status st = pv_advise(&f->citizen, f->on, items, 8, &count, NULL);
    CU_ASSERT_EQUAL_FATAL(st, PV_OK);
    size_t n = 0;
    for (size_t i = 0; i < count; i++) n += items[i].kind == kind;
    return n;
}

static void test_h2_m_guard_m_prot_m_13_x1_advice_reads_the_facts_on_on(void) {
    fixture f;
    fx_init(&f, D(2021, 1, 1), D(2026, 3, 4));
    f.citizen.representative_count = 0;
    pv_interval blocked[] = {period(D(2026, 3, 1), D(2026, 3, 31))};
    f.guardians[0].blocked_periods = blocked;
    f.guardians[0].blocked_period_count = 1;
    /* M-GUARD: blocked on 'on' without a lock on 'on'. */
    CU_ASSERT_EQUAL(advice_count(&f, PV_ADVICE_BLOCK_WITHOUT_LOCK), 1);
    f.on = D(2026, 4, 1);
    CU_ASSERT_EQUAL(advice_count(&f, PV_ADVICE_BLOCK_WITHOUT_LOCK), 0);
    /* X1 and M-13: a lock period in force on 'on' without a case number. */
    pv_lock_period locks[] = {lock_period(D(2026, 4, 1), D(2026, 4, 30), NULL),
                              lock_period(D(2026, 6, 1), PV_DATE_NONE, "Dnr 7")};
    f.citizen.login_lock_periods = locks;
    f.citizen.login_lock_period_count = 2;
    CU_ASSERT_EQUAL(advice_count(&f, PV_ADVICE_LOCK_WITHOUT_CASE_NUMBER), 1);
    CU_ASSERT_EQUAL(advice_count(&f, PV_ADVICE_CHILD_LOCK_CUTS_ALL_GUARDIANS), 1);
    locks[0].case_number = "";
    CU_ASSERT_EQUAL(advice_count(&f, PV_ADVICE_LOCK_WITHOUT_CASE_NUMBER), 1);
    f.on = D(2026, 5, 1); /* no lock on 'on' */
    CU_ASSERT_EQUAL(advice_count(&f, PV_ADVICE_LOCK_WITHOUT_CASE_NUMBER), 0);
    CU_ASSERT_EQUAL(advice_count(&f, PV_ADVICE_CHILD_LOCK_CUTS_ALL_GUARDIANS), 0);
    f.on = D(2026, 6, 1); /* the lock with its case number */
    CU_ASSERT_EQUAL(advice_count(&f, PV_ADVICE_LOCK_WITHOUT_CASE_NUMBER), 0);
    CU_ASSERT_EQUAL(advice_count(&f, PV_ADVICE_CHILD_LOCK_CUTS_ALL_GUARDIANS), 1);
    /* M-PROT: protected identity on 'on' (the child's, then a guardian's). */
    f.citizen.login_lock_period_count = 0;
    f.on = D(2026, 3, 4);
    pv_interval prot[] = {period(D(2026, 3, 1), D(2026, 3, 10))};
    f.citizen.protected_identity_periods = prot;
    f.citizen.protected_identity_period_count = 1;
    CU_ASSERT_EQUAL(advice_count(&f, PV_ADVICE_PROTECTED_WITHOUT_MEASURES), 1);
    f.on = D(2026, 3, 11);
    CU_ASSERT_EQUAL(advice_count(&f, PV_ADVICE_PROTECTED_WITHOUT_MEASURES), 0);
    f.citizen.protected_identity_period_count = 0;
    f.guardians[1].protected_identity_periods = prot;
    f.guardians[1].protected_identity_period_count = 1;
    f.on = D(2026, 3, 10);
    CU_ASSERT_EQUAL(advice_count(&f, PV_ADVICE_PROTECTED_WITHOUT_MEASURES), 1);
    /* M-PROT: a lock on 'on' and a whole seal are the measures. */
    pv_lock_period open_lock[] = {lock_period(D(2026, 3, 1), PV_DATE_NONE, "Dnr 8")};
    f.citizen.login_lock_periods = open_lock;
    f.citizen.login_lock_period_count = 1;
    fx_seal_always(&f, NULL);
    CU_ASSERT_EQUAL(advice_count(&f, PV_ADVICE_PROTECTED_WITHOUT_MEASURES), 0);
}

static size_t plan_unconditional_locks(const fixture *f) {
    pv_goal goal = PV_GOAL_INIT;
    goal.kind = PV_GOAL_GUARDIAN;
    goal.guardian = "g1";
    pv_plan *plan = malloc(sizeof *plan);
    CU_ASSERT_PTR_NOT_NULL_FATAL(plan);
    *plan = (pv_plan)PV_PLAN_INIT;
    pv_status st = pv_plan_measures(&f->citizen, &goal, f->on, plan, NULL);
    CU_ASSERT_EQUAL(st, PV_OK);
    size_t n = 0;
    for (size_t i = 0; st == PV_OK && i < plan->measure_count; i++) {
        const pv_measure *m = &plan->measures[i];
        n += m->action == PV_ACTION_LOCK_LOGIN && m->condition == NULL;
    }
    CU_ASSERT_TRUE(st != PV_OK || plan->holds);
    free(plan);
    return n;
}

static void test_h2_m_prot_m_guard_the_planner_reads_protection_on_on(void) {
    fixture f;
    fx_init(&f, D(2021, 1, 1), D(2026, 3, 4));
    f.citizen.representative_count = 0;
    pv_interval prot[] = {period(D(2026, 3, 1), D(2026, 3, 10))};
    f.guardians[1].protected_identity_periods = prot;
    f.guardians[1].protected_identity_period_count = 1;
    /* M-PROT: protected identity on 'on': lock and seal unconditionally. */
    CU_ASSERT_EQUAL(plan_unconditional_locks(&f), 1);
    /* After the protection: M-GUARD's lock is conditional. */
    f.on = D(2026, 3, 11);
    CU_ASSERT_EQUAL(plan_unconditional_locks(&f), 0);
    f.guardians[1].protected_identity_period_count = 0;
    f.citizen.protected_identity_periods = prot;
    f.citizen.protected_identity_period_count = 1;
    f.on = D(2026, 3, 1);
    CU_ASSERT_EQUAL(plan_unconditional_locks(&f), 1);
}

int register_periods_suite(void) {
    static const pv_test_case cases[] = {
        {"H1, H2, H3, G3, G1, T1: a guardian blocked from a date", test_h1_h2_h3_g3_blocked_from_a_date},
        {"H2, H3, G3, T1: a block period that ends reopens the proxy the day after",
         test_h2_h3_g3_block_period_that_ends},
        {"H2, H3, G4, T1: a protected identity that ends reopens the proxy the next day",
         test_h2_h3_g4_protected_identity_that_ends},
        {"H2, G5, G6, T1: protection periods never deny self or representatives",
         test_h2_g5_g6_protection_periods_never_deny_self_or_representatives},
        {"H2, H3, E2, T1: the citizen's lock period closes the portal only inside it",
         test_h2_h3_e2_citizen_lock_period_closes_the_portal},
        {"H2, H3, L1, L2, E2, T1: the child's lock period closes the guardians' e-services",
         test_h2_h3_l1_l2_child_lock_period},
        {"H1, H3, G3, T1: overlapping and touching periods act as their union",
         test_h1_h3_g3_overlapping_and_touching_periods_act_as_their_union},
        {"H4, H3, G1, L1: periods before the birth or after on are valid",
         test_h4_periods_before_the_birth_or_after_on_are_valid},
        {"H4, H1, V1, X1: malformed periods name their field",
         test_h4_v1_malformed_periods_name_their_field},
        {"H1, E2, G3, G4, L1: a flag and one open period decide alike",
         test_h1_e2_g3_g4_l1_a_flag_and_one_open_period_decide_alike},
        {"H2, M-GUARD, M-PROT, M-13, X1: the advice reads the facts on on",
         test_h2_m_guard_m_prot_m_13_x1_advice_reads_the_facts_on_on},
        {"H2, M-PROT, M-GUARD: the planner reads protected identity on on",
         test_h2_m_prot_m_guard_the_planner_reads_protection_on_on},
        {NULL, NULL},
    };
    return pv_add_suite("facts over time (H1-H4)", cases);
}
