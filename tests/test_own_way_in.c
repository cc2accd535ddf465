/* test_own_way_in.c — step 3 of RULES.md section 3: the actor's own way in. E2: a locked login
   closes the portal (e-services and the journal through the portal) but not the direct channel;
   for self the lock is the citizen's. E3: a guardian's or representative's own sealed journal
   account closes every journal, through either channel, but not e-services. */
#include "suites.h"
#include "test_eval_util.h"

static void adult(fixture *f) {
    fx_init(f, D(1980, 1, 20), D(2026, 3, 4));
}

/* A child of 5, asked for by guardian g1. */
static void guardian_of_young_child(fixture *f) {
    fx_init(f, D(2021, 1, 1), D(2026, 3, 4));
    fx_guardian(f, "g1");
}

static void test_e2_self_login_locked_closes_e_services(void) {
    fixture f;
    adult(&f);
    f.citizen.login_locked = true;
    EXPECT_DENY(&f, BIT(LOGIN_LOCKED), E2);
    EXPECT_REASON_RULE(&f, LOGIN_LOCKED, E2);
    /* A 14-year-old may use e-services (S1), so the lock stands alone. */
    fx_init(&f, D(2011, 7, 1), D(2026, 3, 4));
    f.citizen.login_locked = true;
    EXPECT_DENY(&f, BIT(LOGIN_LOCKED), E2);
    /* A 10-year-old also is under 13. */
    fx_init(&f, D(2015, 7, 1), D(2026, 3, 4));
    f.citizen.login_locked = true;
    EXPECT_DENY(&f, BIT(LOGIN_LOCKED) | BIT(UNDER_13), E2);
    EXPECT_REASON_RULE(&f, UNDER_13, S1);
}

static void test_e2_self_login_locked_closes_journal_via_portal(void) {
    fixture f;
    adult(&f);
    f.citizen.login_locked = true;
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(LOGIN_LOCKED), E2);
    fx_journal_unit(&f, U1);
    EXPECT_DENY(&f, BIT(LOGIN_LOCKED), E2);
    fx_journal_entry(&f, U1, D(2019, 5, 6));
    EXPECT_DENY(&f, BIT(LOGIN_LOCKED), E2);
}

static void test_e2_self_login_locked_leaves_direct_channel(void) {
    /* E2 (001: "påverkar inte ... direktlänk till 1177 journal eller går via 1177 app"). */
    fixture f;
    adult(&f);
    f.citizen.login_locked = true;
    fx_journal(&f);
    fx_channel(&f, PV_CHANNEL_DIRECT);
    EXPECT_PERMIT(&f, SELF, S2, false);
    fx_journal_unit(&f, U1);
    fx_channel(&f, PV_CHANNEL_DIRECT);
    EXPECT_PERMIT(&f, SELF, S2, false);
    fx_journal_entry(&f, U1, D(2019, 5, 6));
    fx_channel(&f, PV_CHANNEL_DIRECT);
    EXPECT_PERMIT(&f, SELF, S2, false);
    /* 000: to make the journal unreachable the journal must be sealed as well. */
    fx_seal_always(&f, NULL);
    EXPECT_DENY(&f, BIT(JOURNAL_SEALED), J1);
    fx_channel(&f, PV_CHANNEL_PORTAL);
    EXPECT_DENY(&f, BIT(LOGIN_LOCKED) | BIT(JOURNAL_SEALED), E2);
    EXPECT_REASON_RULE(&f, JOURNAL_SEALED, J1);
}

static void test_e2_self_direct_access_13_to_15_with_lock(void) {
    /* E2 with D1: a 14-year-old with a grant reaches the unit directly, not via the portal. */
    fixture f;
    fx_init(&f, D(2011, 7, 1), D(2026, 3, 4));
    f.citizen.login_locked = true;
    fx_grant(&f, PV_GRANT_HOLDER_SELF, U1, PV_DATE_NONE, PV_DATE_NONE);
    fx_journal_unit(&f, U1);
    EXPECT_DENY(&f, BIT(LOGIN_LOCKED), E2);
    fx_channel(&f, PV_CHANNEL_DIRECT);
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D1, false);
    fx_journal_unit(&f, U2);
    fx_channel(&f, PV_CHANNEL_DIRECT);
    EXPECT_DENY(&f, BIT(UNDER_16), D1);
    fx_channel(&f, PV_CHANNEL_PORTAL);
    EXPECT_DENY(&f, BIT(LOGIN_LOCKED) | BIT(UNDER_16), E2);
    EXPECT_REASON_RULE(&f, UNDER_16, D1);
}

static void test_e2_unlocked_controls(void) {
    /* Without a lock the same requests are permitted (the tests above can fail). */
    fixture f;
    adult(&f);
    EXPECT_PERMIT(&f, SELF, S1, false);
    fx_journal(&f);
    EXPECT_PERMIT(&f, SELF, S2, false);
    guardian_of_young_child(&f);
    EXPECT_PERMIT(&f, GUARDIAN_PROXY, G1, false);
    fx_journal(&f);
    EXPECT_PERMIT(&f, GUARDIAN_PROXY, G2, false);
}

static void test_e2_guardian_own_login_locked(void) {
    fixture f;
    guardian_of_young_child(&f);
    f.actor.login_locked = true;
    EXPECT_DENY(&f, BIT(LOGIN_LOCKED), E2);
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(LOGIN_LOCKED), E2);
    fx_journal_unit(&f, U2);
    EXPECT_DENY(&f, BIT(LOGIN_LOCKED), E2);
    fx_journal_entry(&f, U2, D(2024, 2, 29));
    EXPECT_DENY(&f, BIT(LOGIN_LOCKED), E2);
    /* Direct channel: not affected. */
    fx_channel(&f, PV_CHANNEL_DIRECT);
    EXPECT_PERMIT(&f, GUARDIAN_PROXY, G2, false);
    fx_journal(&f);
    fx_channel(&f, PV_CHANNEL_DIRECT);
    EXPECT_PERMIT(&f, GUARDIAN_PROXY, G2, false);
    /* The other guardian is not affected by g1's lock. */
    fx_guardian(&f, "g2");
    f.actor.login_locked = false;
    fx_eservices(&f);
    EXPECT_PERMIT(&f, GUARDIAN_PROXY, G1, false);
}

static void test_e2_guardian_lock_is_not_the_citizens(void) {
    /* E2: for a guardian the actor's own lock counts; the child's lock is L1 (e-services) and
       does not touch the journal (L2). */
    fixture f;
    guardian_of_young_child(&f);
    f.citizen.login_locked = true;
    fx_journal(&f);
    EXPECT_PERMIT(&f, GUARDIAN_PROXY, G2, false);
    fx_eservices(&f);
    EXPECT_DENY(&f, BIT(CHILD_LOGIN_LOCKED), L1);
    f.actor.login_locked = true;
    EXPECT_DENY(&f, BIT(LOGIN_LOCKED) | BIT(CHILD_LOGIN_LOCKED), E2);
    EXPECT_REASON_RULE(&f, CHILD_LOGIN_LOCKED, L1);
}

static void test_e2_guardian_direct_access_with_own_lock(void) {
    /* E2 with D2: a guardian of a 14-year-old with a grant, own login locked. */
    fixture f;
    fx_init(&f, D(2011, 7, 1), D(2026, 3, 4));
    fx_grant(&f, "g1", U1, PV_DATE_NONE, PV_DATE_NONE);
    fx_guardian(&f, "g1");
    f.actor.login_locked = true;
    fx_journal_unit(&f, U1);
    EXPECT_DENY(&f, BIT(LOGIN_LOCKED), E2);
    fx_channel(&f, PV_CHANNEL_DIRECT);
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D2, false);
}

static void test_e2_representative_own_login_locked(void) {
    fixture f;
    adult(&f);
    fx_rep(&f, "r1");
    f.actor.login_locked = true;
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(LOGIN_LOCKED), E2);
    fx_journal_unit(&f, U1);
    EXPECT_DENY(&f, BIT(LOGIN_LOCKED), E2);
    fx_channel(&f, PV_CHANNEL_DIRECT);
    EXPECT_PERMIT(&f, REPRESENTATIVE, P2, false);
    fx_journal(&f);
    fx_channel(&f, PV_CHANNEL_DIRECT);
    EXPECT_PERMIT(&f, REPRESENTATIVE, P2, false);
    /* E-services: the lock and P1 both stand in the way. */
    fx_eservices(&f);
    EXPECT_DENY(&f, BIT(LOGIN_LOCKED) | BIT(REPRESENTATIVE_JOURNAL_ONLY), E2);
    EXPECT_REASON_RULE(&f, REPRESENTATIVE_JOURNAL_ONLY, P1);
}

static void test_e2_citizen_lock_does_not_lock_representative(void) {
    /* E2 is the actor's own lock; L2: a locked citizen login does not affect the
       representative's journal. */
    fixture f;
    adult(&f);
    f.citizen.login_locked = true;
    fx_rep(&f, "r1");
    fx_journal(&f);
    EXPECT_PERMIT(&f, REPRESENTATIVE, P2, false);
}

static void test_e3_guardian_own_journal_sealed(void) {
    fixture f;
    guardian_of_young_child(&f);
    f.actor.journal_sealed = true;
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(OWN_JOURNAL_SEALED), E3);
    EXPECT_REASON_RULE(&f, OWN_JOURNAL_SEALED, E3);
    fx_channel(&f, PV_CHANNEL_DIRECT);
    EXPECT_DENY(&f, BIT(OWN_JOURNAL_SEALED), E3);
    fx_journal_unit(&f, U1);
    EXPECT_DENY(&f, BIT(OWN_JOURNAL_SEALED), E3);
    fx_channel(&f, PV_CHANNEL_DIRECT);
    EXPECT_DENY(&f, BIT(OWN_JOURNAL_SEALED), E3);
    fx_journal_entry(&f, U1, D(2022, 12, 31));
    EXPECT_DENY(&f, BIT(OWN_JOURNAL_SEALED), E3);
    fx_channel(&f, PV_CHANNEL_DIRECT);
    EXPECT_DENY(&f, BIT(OWN_JOURNAL_SEALED), E3);
    /* Not e-services. */
    fx_eservices(&f);
    EXPECT_PERMIT(&f, GUARDIAN_PROXY, G1, false);
}

static void test_e3_guardian_direct_access_with_own_seal(void) {
    fixture f;
    fx_init(&f, D(2011, 7, 1), D(2026, 3, 4));
    fx_grant(&f, "g1", U1, PV_DATE_NONE, PV_DATE_NONE);
    fx_guardian(&f, "g1");
    fx_journal_unit(&f, U1);
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D2, false);
    f.actor.journal_sealed = true;
    EXPECT_DENY(&f, BIT(OWN_JOURNAL_SEALED), E3);
    fx_channel(&f, PV_CHANNEL_DIRECT);
    EXPECT_DENY(&f, BIT(OWN_JOURNAL_SEALED), E3);
    /* For a 16-year-old the proxy has also ended. */
    fx_init(&f, D(2010, 1, 1), D(2026, 3, 4));
    fx_guardian(&f, "g1");
    f.actor.journal_sealed = true;
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(OWN_JOURNAL_SEALED) | BIT(PROXY_ENDED), E3);
    EXPECT_REASON_RULE(&f, PROXY_ENDED, G2);
}

static void test_e3_representative_own_journal_sealed(void) {
    fixture f;
    adult(&f);
    fx_rep(&f, "r1");
    f.actor.journal_sealed = true;
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(OWN_JOURNAL_SEALED), E3);
    fx_channel(&f, PV_CHANNEL_DIRECT);
    EXPECT_DENY(&f, BIT(OWN_JOURNAL_SEALED), E3);
    fx_journal_entry(&f, U2, D(2000, 1, 1));
    EXPECT_DENY(&f, BIT(OWN_JOURNAL_SEALED), E3);
    /* E-services: only P1, the own seal does not matter there. */
    fx_eservices(&f);
    EXPECT_DENY(&f, BIT(REPRESENTATIVE_JOURNAL_ONLY), P1);
}

static void test_e2_e3_together(void) {
    /* Both the own lock and the own seal: the portal journal carries both, direct only E3,
       e-services only E2. */
    fixture f;
    guardian_of_young_child(&f);
    f.actor.login_locked = true;
    f.actor.journal_sealed = true;
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(LOGIN_LOCKED) | BIT(OWN_JOURNAL_SEALED), E2);
    EXPECT_REASON_RULE(&f, OWN_JOURNAL_SEALED, E3);
    fx_channel(&f, PV_CHANNEL_DIRECT);
    EXPECT_DENY(&f, BIT(OWN_JOURNAL_SEALED), E3);
    fx_eservices(&f);
    EXPECT_DENY(&f, BIT(LOGIN_LOCKED), E2);
    adult(&f);
    fx_rep(&f, "r1");
    f.actor.login_locked = true;
    f.actor.journal_sealed = true;
    fx_journal_unit(&f, U1);
    EXPECT_DENY(&f, BIT(LOGIN_LOCKED) | BIT(OWN_JOURNAL_SEALED), E2);
    fx_eservices(&f);
    EXPECT_DENY(&f, BIT(LOGIN_LOCKED) | BIT(REPRESENTATIVE_JOURNAL_ONLY), E2);
}

static void test_e3_self_seal_is_j1_not_e3(void) {
    /* E3 is not for self: the citizen's own seal is J1. */
    fixture f;
    adult(&f);
    fx_seal_always(&f, NULL);
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(JOURNAL_SEALED), J1);
    fx_eservices(&f);
    EXPECT_PERMIT(&f, SELF, S1, false);
}

int register_own_way_in_suite(void) {
    static const pv_test_case cases[] = {
        {"E2: self, login locked: e-services denied", test_e2_self_login_locked_closes_e_services},
        {"E2: self, login locked: journal via portal denied",
         test_e2_self_login_locked_closes_journal_via_portal},
        {"E2: self, login locked: journal direct permitted",
         test_e2_self_login_locked_leaves_direct_channel},
        {"E2, D1: direct access of a 14-year-old with a lock",
         test_e2_self_direct_access_13_to_15_with_lock},
        {"E2: controls without a lock", test_e2_unlocked_controls},
        {"E2: guardian's own login locked", test_e2_guardian_own_login_locked},
        {"E2, L1, L2: the child's lock is not the guardian's",
         test_e2_guardian_lock_is_not_the_citizens},
        {"E2, D2: guardian's direct access with own lock",
         test_e2_guardian_direct_access_with_own_lock},
        {"E2: representative's own login locked", test_e2_representative_own_login_locked},
        {"E2, L2: the citizen's lock does not lock a representative",
         test_e2_citizen_lock_does_not_lock_representative},
        {"E3: guardian's own journal sealed", test_e3_guardian_own_journal_sealed},
        {"E3, D2: guardian's direct access with own seal",
         test_e3_guardian_direct_access_with_own_seal},
        {"E3: representative's own journal sealed", test_e3_representative_own_journal_sealed},
        {"E2, E3: own lock and own seal together", test_e2_e3_together},
        {"E3, J1: the citizen's own seal is J1", test_e3_self_seal_is_j1_not_e3},
        {NULL, NULL},
    };
    return pv_add_suite("own way in (E2, E3)", cases);
}
