/* test_proxy_breaks.c — step 5 of RULES.md section 3: what breaks a guardian's proxy. G3 (a
   blocked guardian), G4 (the guardian's or the child's protected identity), G5 (protected
   identity never denies the person their own access), G6 (representatives are unaffected), each
   checked on its own beside step 4. */
#include "suites.h"
#include "test_eval_util.h"

/* A child of 5 (born 2021-01-01), on 2026-03-04. */
static void young_child(fixture *f) {
    fx_init(f, D(2021, 1, 1), D(2026, 3, 4));
}

/* A child of 14 (born 2011-07-01) with grants in force to g1 and g2 for U1. */
static void child_14_with_grants(fixture *f) {
    fx_init(f, D(2011, 7, 1), D(2026, 3, 4));
    fx_grant(f, "g1", U1, PV_DATE_NONE, PV_DATE_NONE);
    fx_grant(f, "g2", U1, PV_DATE_NONE, PV_DATE_NONE);
}

static void test_g3_blocked_guardian_denied_e_services_and_journal(void) {
    fixture f;
    young_child(&f);
    f.guardians[0].blocked = true;
    fx_guardian(&f, "g1");
    EXPECT_DENY(&f, BIT(GUARDIAN_BLOCKED), G3);
    EXPECT_REASON_RULE(&f, GUARDIAN_BLOCKED, G3);
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(GUARDIAN_BLOCKED), G3);
    fx_channel(&f, PV_CHANNEL_DIRECT);
    EXPECT_DENY(&f, BIT(GUARDIAN_BLOCKED), G3);
    fx_journal_unit(&f, U1);
    EXPECT_DENY(&f, BIT(GUARDIAN_BLOCKED), G3);
    fx_journal_entry(&f, U1, D(2022, 2, 2));
    EXPECT_DENY(&f, BIT(GUARDIAN_BLOCKED), G3);
    fx_channel(&f, PV_CHANNEL_DIRECT);
    EXPECT_DENY(&f, BIT(GUARDIAN_BLOCKED), G3);
}

static void test_g3_other_guardian_not_affected(void) {
    fixture f;
    young_child(&f);
    f.guardians[0].blocked = true;
    fx_guardian(&f, "g2");
    EXPECT_PERMIT(&f, GUARDIAN_PROXY, G1, false);
    fx_journal(&f);
    EXPECT_PERMIT(&f, GUARDIAN_PROXY, G2, false);
    /* and the child itself */
    fx_self(&f);
    fx_eservices(&f);
    EXPECT_DENY(&f, BIT(UNDER_13), S1); /* only its age */
    /* a third, unblocked guardian */
    fx_add_guardian(&f, "g3");
    fx_guardian(&f, "g3");
    EXPECT_PERMIT(&f, GUARDIAN_PROXY, G1, false);
}

static void test_g3_blocked_guardian_loses_direct_access(void) {
    /* G3 "including direct access under D2". */
    fixture f;
    child_14_with_grants(&f);
    fx_guardian(&f, "g1");
    fx_journal_unit(&f, U1);
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D2, false);
    f.guardians[0].blocked = true;
    EXPECT_DENY(&f, BIT(GUARDIAN_BLOCKED), G3);
    fx_channel(&f, PV_CHANNEL_DIRECT);
    EXPECT_DENY(&f, BIT(GUARDIAN_BLOCKED), G3);
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(GUARDIAN_BLOCKED), G3);
    fx_journal_entry(&f, U1, D(2020, 1, 1));
    EXPECT_DENY(&f, BIT(GUARDIAN_BLOCKED), G3);
    /* g2 keeps its grant */
    fx_guardian(&f, "g2");
    fx_journal_unit(&f, U1);
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D2, false);
    /* without a grant for the unit both step 4 and G3 deny */
    fx_guardian(&f, "g1");
    fx_journal_unit(&f, U2);
    EXPECT_DENY(&f, BIT(PROXY_ENDED) | BIT(GUARDIAN_BLOCKED), D2);
    EXPECT_REASON_RULE(&f, GUARDIAN_BLOCKED, G3);
}

static void test_g3_rules_md_example(void) {
    /* RULES.md section 3: "a 14-year-old's blocked guardian asking for e-services gets
       PROXY_ENDED as the primary reason and both PROXY_ENDED and GUARDIAN_BLOCKED as reasons". */
    fixture f;
    fx_init(&f, D(2011, 7, 1), D(2026, 3, 4));
    f.guardians[0].blocked = true;
    fx_guardian(&f, "g1");
    EXPECT_DENY(&f, BIT(PROXY_ENDED) | BIT(GUARDIAN_BLOCKED), G1);
    CU_ASSERT_EQUAL(f.d.reason, PV_REASON_PROXY_ENDED);
    CU_ASSERT_EQUAL(f.d.reasons,
                    (1u << PV_REASON_PROXY_ENDED) | (1u << PV_REASON_GUARDIAN_BLOCKED));
    CU_ASSERT_EQUAL(pv_decision_reason_count(&f.d), 2);
    CU_ASSERT_EQUAL(pv_decision_reason_at(&f.d, 0), PV_REASON_PROXY_ENDED);
    CU_ASSERT_EQUAL(pv_decision_reason_at(&f.d, 1), PV_REASON_GUARDIAN_BLOCKED);
    CU_ASSERT_EQUAL(pv_decision_reason_at(&f.d, 2), PV_REASON_COUNT);
    EXPECT_REASON_RULE(&f, PROXY_ENDED, G1);
    EXPECT_REASON_RULE(&f, GUARDIAN_BLOCKED, G3);
}

static void test_g3_with_proxy_ended_at_16_and_on_13th_birthday(void) {
    fixture f;
    fx_init(&f, D(2010, 1, 1), D(2026, 3, 4)); /* 16 */
    f.guardians[1].blocked = true;
    fx_guardian(&f, "g2");
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(PROXY_ENDED) | BIT(GUARDIAN_BLOCKED), G2);
    /* the day before the 13th birthday: only the block; on it: both */
    fx_init(&f, D(2013, 3, 5), D(2026, 3, 4));
    f.guardians[0].blocked = true;
    fx_guardian(&f, "g1");
    EXPECT_DENY(&f, BIT(GUARDIAN_BLOCKED), G3);
    f.on = D(2026, 3, 5);
    EXPECT_DENY(&f, BIT(PROXY_ENDED) | BIT(GUARDIAN_BLOCKED), G1);
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(PROXY_ENDED) | BIT(GUARDIAN_BLOCKED), D2);
}

static void test_g4_guardians_protected_identity(void) {
    fixture f;
    young_child(&f);
    f.guardians[0].protected_identity = true;
    fx_guardian(&f, "g1");
    EXPECT_DENY(&f, BIT(PROTECTED_IDENTITY), G4);
    EXPECT_REASON_RULE(&f, PROTECTED_IDENTITY, G4);
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(PROTECTED_IDENTITY), G4);
    fx_journal_entry(&f, U2, D(2025, 5, 5));
    fx_channel(&f, PV_CHANNEL_DIRECT);
    EXPECT_DENY(&f, BIT(PROTECTED_IDENTITY), G4);
    /* the other guardian is not affected */
    fx_guardian(&f, "g2");
    EXPECT_PERMIT(&f, GUARDIAN_PROXY, G2, false);
    fx_eservices(&f);
    EXPECT_PERMIT(&f, GUARDIAN_PROXY, G1, false);
}

static void test_g4_childs_protected_identity(void) {
    /* The child's protected identity denies every guardian. */
    fixture f;
    young_child(&f);
    f.citizen.protected_identity = true;
    fx_guardian(&f, "g1");
    EXPECT_DENY(&f, BIT(PROTECTED_IDENTITY), G4);
    fx_guardian(&f, "g2");
    EXPECT_DENY(&f, BIT(PROTECTED_IDENTITY), G4);
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(PROTECTED_IDENTITY), G4);
    fx_journal_unit(&f, U1);
    EXPECT_DENY(&f, BIT(PROTECTED_IDENTITY), G4);
    fx_channel(&f, PV_CHANNEL_DIRECT);
    EXPECT_DENY(&f, BIT(PROTECTED_IDENTITY), G4);
}

static void test_g4_direct_access_d2(void) {
    fixture f;
    child_14_with_grants(&f);
    f.citizen.protected_identity = true;
    fx_guardian(&f, "g1");
    fx_journal_unit(&f, U1);
    EXPECT_DENY(&f, BIT(PROTECTED_IDENTITY), G4);
    fx_journal(&f);
    fx_channel(&f, PV_CHANNEL_DIRECT);
    EXPECT_DENY(&f, BIT(PROTECTED_IDENTITY), G4);
    child_14_with_grants(&f);
    f.guardians[1].protected_identity = true;
    fx_guardian(&f, "g2");
    fx_journal_entry(&f, U1, D(2019, 1, 1));
    EXPECT_DENY(&f, BIT(PROTECTED_IDENTITY), G4);
    fx_guardian(&f, "g1");
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D2, false);
    /* the child itself holds no grant: UNDER_16 only, G5 */
    fx_self(&f);
    EXPECT_DENY(&f, BIT(UNDER_16), D1);
}

static void test_g4_with_proxy_ended(void) {
    fixture f;
    fx_init(&f, D(2011, 7, 1), D(2026, 3, 4)); /* 14 */
    f.citizen.protected_identity = true;
    fx_guardian(&f, "g1");
    EXPECT_DENY(&f, BIT(PROXY_ENDED) | BIT(PROTECTED_IDENTITY), G1);
    EXPECT_REASON_RULE(&f, PROTECTED_IDENTITY, G4);
}

static void test_g3_g4_together(void) {
    fixture f;
    young_child(&f);
    f.guardians[0].blocked = true;
    f.guardians[0].protected_identity = true;
    fx_guardian(&f, "g1");
    EXPECT_DENY(&f, BIT(GUARDIAN_BLOCKED) | BIT(PROTECTED_IDENTITY), G3);
    EXPECT_REASON_RULE(&f, PROTECTED_IDENTITY, G4);
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(GUARDIAN_BLOCKED) | BIT(PROTECTED_IDENTITY), G3);
    /* with the child's lock (L1) as well, for e-services */
    f.citizen.login_locked = true;
    fx_eservices(&f);
    EXPECT_DENY(&f, BIT(GUARDIAN_BLOCKED) | BIT(PROTECTED_IDENTITY) | BIT(CHILD_LOGIN_LOCKED), G3);
    EXPECT_REASON_RULE(&f, CHILD_LOGIN_LOCKED, L1);
}

static void test_g5_self_with_protected_identity(void) {
    fixture f;
    fx_init(&f, D(1980, 1, 20), D(2026, 3, 4));
    f.citizen.protected_identity = true;
    EXPECT_PERMIT(&f, SELF, S1, false);
    fx_journal(&f);
    EXPECT_PERMIT(&f, SELF, S2, false);
    fx_journal_entry(&f, U1, D(2020, 1, 1));
    fx_channel(&f, PV_CHANNEL_DIRECT);
    EXPECT_PERMIT(&f, SELF, S2, false);
    /* a 14-year-old with protected identity and a grant of its own (D1) */
    fx_init(&f, D(2011, 7, 1), D(2026, 3, 4));
    f.citizen.protected_identity = true;
    fx_grant(&f, PV_GRANT_HOLDER_SELF, U1, PV_DATE_NONE, PV_DATE_NONE);
    EXPECT_PERMIT(&f, SELF, S1, false);
    fx_journal_unit(&f, U1);
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D1, false);
    fx_journal(&f);
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D1, true);
    /* a guardian's protected identity does not touch the child's own access */
    f.citizen.protected_identity = false;
    f.guardians[0].protected_identity = true;
    f.guardians[1].blocked = true;
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D1, true);
    fx_eservices(&f);
    EXPECT_PERMIT(&f, SELF, S1, false);
}

static void test_g6_representative_unaffected(void) {
    fixture f;
    fx_init(&f, D(1980, 1, 20), D(2026, 3, 4));
    f.citizen.protected_identity = true;
    f.guardians[0].blocked = true;
    f.guardians[1].protected_identity = true;
    fx_rep(&f, "r1");
    fx_journal(&f);
    EXPECT_PERMIT(&f, REPRESENTATIVE, P2, false);
    fx_journal_unit(&f, U2);
    fx_channel(&f, PV_CHANNEL_DIRECT);
    EXPECT_PERMIT(&f, REPRESENTATIVE, P2, false);
    fx_eservices(&f);
    EXPECT_DENY(&f, BIT(REPRESENTATIVE_JOURNAL_ONLY), P1);
    f.reps[0].consent = false;
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(REPRESENTATIVE_INCOMPLETE), P2);
}

static void test_g3_g4_controls(void) {
    /* Without block or protection the guardian is permitted (so the tests above can fail). */
    fixture f;
    young_child(&f);
    fx_guardian(&f, "g1");
    EXPECT_PERMIT(&f, GUARDIAN_PROXY, G1, false);
    fx_journal(&f);
    EXPECT_PERMIT(&f, GUARDIAN_PROXY, G2, false);
    child_14_with_grants(&f);
    fx_guardian(&f, "g1");
    fx_journal(&f);
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D2, true);
}

int register_proxy_breaks_suite(void) {
    static const pv_test_case cases[] = {
        {"G3: a blocked guardian is denied e-services and journal",
         test_g3_blocked_guardian_denied_e_services_and_journal},
        {"G3: another guardian is not affected", test_g3_other_guardian_not_affected},
        {"G3, D2: a blocked guardian loses direct access",
         test_g3_blocked_guardian_loses_direct_access},
        {"G1, G3: the example of RULES.md section 3", test_g3_rules_md_example},
        {"G1, G2, G3: block with the proxy ended",
         test_g3_with_proxy_ended_at_16_and_on_13th_birthday},
        {"G4: the guardian's protected identity", test_g4_guardians_protected_identity},
        {"G4: the child's protected identity", test_g4_childs_protected_identity},
        {"G4, D2: protected identity and direct access", test_g4_direct_access_d2},
        {"G1, G4: protected identity with the proxy ended", test_g4_with_proxy_ended},
        {"G3, G4, L1: together", test_g3_g4_together},
        {"G5: self with protected identity is permitted", test_g5_self_with_protected_identity},
        {"G6: representatives are unaffected", test_g6_representative_unaffected},
        {"G3, G4: controls", test_g3_g4_controls},
        {NULL, NULL},
    };
    return pv_add_suite("proxy breaks (G3-G6)", cases);
}
