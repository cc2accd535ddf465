/* test_permit.c — step 7 of RULES.md section 3: the permit bases SELF, GUARDIAN_PROXY,
   DIRECT_ACCESS and REPRESENTATIVE, 'filtered' in each case of step 7, the order of reasons, the
   'rule' of each decision, and the invariants that tie effect, reason and reasons together. */
#include "suites.h"
#include "test_eval_util.h"

static void adult(fixture *f) {
    fx_init(f, D(1980, 1, 20), D(2026, 3, 4));
}

static void young_child(fixture *f) {
    fx_init(f, D(2021, 1, 1), D(2026, 3, 4));
}

static void child_14_with_grants(fixture *f) {
    fx_init(f, D(2011, 7, 1), D(2026, 3, 4));
    fx_grant(f, PV_GRANT_HOLDER_SELF, U1, PV_DATE_NONE, PV_DATE_NONE);
    fx_grant(f, "g1", U1, PV_DATE_NONE, PV_DATE_NONE);
}

/* -- the permit bases and their rules ------------------------------------------------------ */

static void test_permit_bases_and_rules(void) {
    fixture f;
    adult(&f);
    EXPECT_PERMIT(&f, SELF, S1, false);
    fx_journal(&f);
    EXPECT_PERMIT(&f, SELF, S2, false);
    fx_rep(&f, "r1");
    EXPECT_PERMIT(&f, REPRESENTATIVE, P2, false);
    young_child(&f);
    fx_guardian(&f, "g1");
    EXPECT_PERMIT(&f, GUARDIAN_PROXY, G1, false);
    fx_journal(&f);
    EXPECT_PERMIT(&f, GUARDIAN_PROXY, G2, false);
    child_14_with_grants(&f);
    fx_journal_unit(&f, U1);
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D1, false);
    fx_guardian(&f, "g1");
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D2, false);
}

static void test_permit_has_no_reasons(void) {
    fixture f;
    adult(&f);
    fx_journal(&f);
    fx_eval(&f);
    CU_ASSERT_EQUAL(f.status, PV_OK);
    CU_ASSERT_EQUAL(f.d.reasons, 0u);
    CU_ASSERT_EQUAL(pv_decision_reason_count(&f.d), 0);
    CU_ASSERT_EQUAL(pv_decision_reason_at(&f.d, 0), PV_REASON_COUNT);
    CU_ASSERT_FALSE(pv_decision_has_reason(&f.d, PV_REASON_SELF));
    CU_ASSERT_EQUAL(pv_decision_reason_rule(&f.d, PV_REASON_SELF), PV_RULE_NONE);
    for (int r = 0; r < PV_REASON_COUNT; r++) {
        CU_ASSERT_EQUAL(f.d.reason_rules[r], PV_RULE_NONE);
        CU_ASSERT_FALSE(pv_decision_has_reason(&f.d, (pv_reason)r));
    }
    for (int r = PV_REASON_COUNT; r < PV_REASON_MAX; r++) {
        CU_ASSERT_EQUAL(f.d.reason_rules[r], PV_RULE_NONE);
    }
    CU_ASSERT_EQUAL(f.err.status, PV_OK);
    CU_ASSERT_STRING_EQUAL(f.err.field, "");
    CU_ASSERT_PTR_NULL(f.err.message);
    CU_ASSERT_EQUAL(pv_reason_effect(f.d.reason), PV_EFFECT_PERMIT);
}

/* -- the rule of each deny reason ---------------------------------------------------------- */

static void test_rule_of_each_deny_reason(void) {
    fixture f;
    adult(&f);
    fx_other(&f);
    EXPECT_DENY(&f, BIT(NOT_RELATED), R0);
    adult(&f);
    f.actor.eid = PV_EID_PASSWORD;
    EXPECT_DENY(&f, BIT(NO_EID), E1);
    adult(&f);
    f.citizen.login_locked = true;
    EXPECT_DENY(&f, BIT(LOGIN_LOCKED), E2);
    adult(&f);
    fx_rep(&f, "r1");
    f.actor.journal_sealed = true;
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(OWN_JOURNAL_SEALED), E3);
    young_child(&f);
    EXPECT_DENY(&f, BIT(UNDER_13), S1);
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(UNDER_13), S2);
    fx_init(&f, D(2011, 7, 1), D(2026, 3, 4));
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(UNDER_16), D1);
    fx_guardian(&f, "g1");
    EXPECT_DENY(&f, BIT(PROXY_ENDED), D2);
    fx_eservices(&f);
    EXPECT_DENY(&f, BIT(PROXY_ENDED), G1);
    adult(&f);
    fx_guardian(&f, "g1");
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(PROXY_ENDED), G2);
    adult(&f);
    fx_rep(&f, "r1");
    EXPECT_DENY(&f, BIT(REPRESENTATIVE_JOURNAL_ONLY), P1);
    f.reps[0].cares_for_person = false;
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(REPRESENTATIVE_INCOMPLETE), P2);
    young_child(&f);
    f.guardians[0].blocked = true;
    fx_guardian(&f, "g1");
    EXPECT_DENY(&f, BIT(GUARDIAN_BLOCKED), G3);
    young_child(&f);
    f.citizen.protected_identity = true;
    fx_guardian(&f, "g1");
    EXPECT_DENY(&f, BIT(PROTECTED_IDENTITY), G4);
    young_child(&f);
    f.citizen.login_locked = true;
    fx_guardian(&f, "g1");
    EXPECT_DENY(&f, BIT(CHILD_LOGIN_LOCKED), L1);
    adult(&f);
    fx_seal_always(&f, NULL);
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(JOURNAL_SEALED), J1);
    adult(&f);
    fx_seal_always(&f, U1);
    fx_journal_unit(&f, U1);
    EXPECT_DENY(&f, BIT(UNIT_SEALED), J2);
    adult(&f);
    fx_seal_content(&f, U1, D(2020, 1, 1), D(2020, 1, 31));
    fx_journal_entry(&f, U1, D(2020, 1, 31));
    EXPECT_DENY(&f, BIT(ENTRY_SEALED), J4);
}

/* -- reason order -------------------------------------------------------------------------- */

static void expect_order(const fixture *f, const pv_reason *want, int count, const pv_rule *rules) {
    CU_ASSERT_EQUAL(pv_decision_reason_count(&f->d), count);
    for (int i = 0; i < count; i++) {
        CU_ASSERT_EQUAL(pv_decision_reason_at(&f->d, i), want[i]);
        CU_ASSERT_TRUE(pv_decision_has_reason(&f->d, want[i]));
        CU_ASSERT_EQUAL(pv_decision_reason_rule(&f->d, want[i]), rules[i]);
        CU_ASSERT_EQUAL(f->d.reason_rules[want[i]], rules[i]);
    }
    CU_ASSERT_EQUAL(pv_decision_reason_at(&f->d, count), PV_REASON_COUNT);
    CU_ASSERT_EQUAL(pv_decision_reason_at(&f->d, -1), PV_REASON_COUNT);
    CU_ASSERT_EQUAL(f->d.reason, want[0]);
    CU_ASSERT_EQUAL(f->d.rule, rules[0]);
}

/* Every measure against a guardian and a child, and three seals. */
static void everything_against_guardian(fixture *f, pv_date birth) {
    fx_init(f, birth, D(2026, 3, 4));
    f->citizen.protected_identity = true;
    f->citizen.login_locked = true;
    f->guardians[0].blocked = true;
    f->guardians[0].protected_identity = true;
    fx_seal_always(f, NULL);
    fx_seal_always(f, U1);
    fx_seal_content(f, NULL, D(2020, 1, 1), D(2020, 12, 31));
    fx_guardian(f, "g1");
    f->actor.eid = PV_EID_FREJA;
    f->actor.login_locked = true;
    f->actor.journal_sealed = true;
}

static void test_reason_order_guardian_journal(void) {
    static const pv_reason want[] = {
        PV_REASON_NO_EID,         PV_REASON_LOGIN_LOCKED,     PV_REASON_OWN_JOURNAL_SEALED,
        PV_REASON_PROXY_ENDED,    PV_REASON_GUARDIAN_BLOCKED, PV_REASON_PROTECTED_IDENTITY,
        PV_REASON_JOURNAL_SEALED, PV_REASON_UNIT_SEALED,      PV_REASON_ENTRY_SEALED};
    static const pv_rule rules[] = {PV_RULE_E1, PV_RULE_E2, PV_RULE_E3, PV_RULE_G2, PV_RULE_G3,
                                    PV_RULE_G4, PV_RULE_J1, PV_RULE_J2, PV_RULE_J4};
    fixture f;
    everything_against_guardian(&f, D(2010, 1, 1)); /* 16 */
    fx_journal_entry(&f, U1, D(2020, 6, 1));
    EXPECT_DENY(&f,
                BIT(NO_EID) | BIT(LOGIN_LOCKED) | BIT(OWN_JOURNAL_SEALED) | BIT(PROXY_ENDED) |
                    BIT(GUARDIAN_BLOCKED) | BIT(PROTECTED_IDENTITY) | BIT(JOURNAL_SEALED) |
                    BIT(UNIT_SEALED) | BIT(ENTRY_SEALED),
                E1);
    expect_order(&f, want, 9, rules);
}

static void test_reason_order_guardian_e_services(void) {
    static const pv_reason want[] = {
        PV_REASON_NO_EID,           PV_REASON_LOGIN_LOCKED,       PV_REASON_PROXY_ENDED,
        PV_REASON_GUARDIAN_BLOCKED, PV_REASON_PROTECTED_IDENTITY, PV_REASON_CHILD_LOGIN_LOCKED};
    static const pv_rule rules[] = {PV_RULE_E1, PV_RULE_E2, PV_RULE_G1,
                                    PV_RULE_G3, PV_RULE_G4, PV_RULE_L1};
    fixture f;
    everything_against_guardian(&f, D(2011, 7, 1)); /* 14 */
    EXPECT_DENY(&f,
                BIT(NO_EID) | BIT(LOGIN_LOCKED) | BIT(PROXY_ENDED) | BIT(GUARDIAN_BLOCKED) |
                    BIT(PROTECTED_IDENTITY) | BIT(CHILD_LOGIN_LOCKED),
                E1);
    expect_order(&f, want, 6, rules);
    /* with a valid e-ID the primary reason moves to the next one */
    f.actor.eid = PV_EID_BANKID;
    EXPECT_DENY(&f,
                BIT(LOGIN_LOCKED) | BIT(PROXY_ENDED) | BIT(GUARDIAN_BLOCKED) |
                    BIT(PROTECTED_IDENTITY) | BIT(CHILD_LOGIN_LOCKED),
                E2);
    expect_order(&f, want + 1, 5, rules + 1);
    f.actor.login_locked = false;
    EXPECT_DENY(&f,
                BIT(PROXY_ENDED) | BIT(GUARDIAN_BLOCKED) | BIT(PROTECTED_IDENTITY) |
                    BIT(CHILD_LOGIN_LOCKED),
                G1);
    expect_order(&f, want + 2, 4, rules + 2);
}

static void test_reason_order_guardian_d2_journal(void) {
    /* 14-year-old, no grant for U2: PROXY_ENDED by D2. */
    static const pv_reason want[] = {PV_REASON_OWN_JOURNAL_SEALED, PV_REASON_PROXY_ENDED,
                                     PV_REASON_GUARDIAN_BLOCKED, PV_REASON_PROTECTED_IDENTITY,
                                     PV_REASON_JOURNAL_SEALED};
    static const pv_rule rules[] = {PV_RULE_E3, PV_RULE_D2, PV_RULE_G3, PV_RULE_G4, PV_RULE_J1};
    fixture f;
    everything_against_guardian(&f, D(2011, 7, 1));
    f.actor.eid = PV_EID_FREJA_PLUS;
    fx_journal_unit(&f, U2);
    fx_channel(&f, PV_CHANNEL_DIRECT);
    EXPECT_DENY(&f,
                BIT(OWN_JOURNAL_SEALED) | BIT(PROXY_ENDED) | BIT(GUARDIAN_BLOCKED) |
                    BIT(PROTECTED_IDENTITY) | BIT(JOURNAL_SEALED),
                E3);
    expect_order(&f, want, 5, rules);
}

static void test_reason_order_self(void) {
    static const pv_reason want[] = {PV_REASON_NO_EID,      PV_REASON_LOGIN_LOCKED,
                                     PV_REASON_UNDER_13,    PV_REASON_JOURNAL_SEALED,
                                     PV_REASON_UNIT_SEALED, PV_REASON_ENTRY_SEALED};
    static const pv_rule rules[] = {PV_RULE_E1, PV_RULE_E2, PV_RULE_S2,
                                    PV_RULE_J1, PV_RULE_J2, PV_RULE_J4};
    fixture f;
    fx_init(&f, D(2016, 1, 10), D(2026, 3, 4)); /* 10 */
    f.citizen.login_locked = true;
    f.citizen.protected_identity = true; /* G5: no reason for self */
    fx_seal_always(&f, NULL);
    fx_seal_always(&f, U1);
    fx_seal_content(&f, U1, D(2020, 1, 1), D(2020, 12, 31));
    f.actor.eid = PV_EID_NONE;
    fx_journal_entry(&f, U1, D(2020, 6, 1));
    EXPECT_DENY(&f,
                BIT(NO_EID) | BIT(LOGIN_LOCKED) | BIT(UNDER_13) | BIT(JOURNAL_SEALED) |
                    BIT(UNIT_SEALED) | BIT(ENTRY_SEALED),
                E1);
    expect_order(&f, want, 6, rules);
    /* 14 years old: UNDER_16 by D1 in third place */
    fx_init(&f, D(2011, 7, 1), D(2026, 3, 4));
    f.citizen.login_locked = true;
    fx_seal_always(&f, NULL);
    fx_journal_unit(&f, U2);
    EXPECT_DENY(&f, BIT(LOGIN_LOCKED) | BIT(UNDER_16) | BIT(JOURNAL_SEALED), E2);
    EXPECT_REASON_RULE(&f, UNDER_16, D1);
    EXPECT_REASON_RULE(&f, JOURNAL_SEALED, J1);
}

static void test_reason_order_representative(void) {
    static const pv_reason want[] = {PV_REASON_LOGIN_LOCKED, PV_REASON_OWN_JOURNAL_SEALED,
                                     PV_REASON_REPRESENTATIVE_INCOMPLETE, PV_REASON_JOURNAL_SEALED};
    static const pv_rule rules[] = {PV_RULE_E2, PV_RULE_E3, PV_RULE_P2, PV_RULE_J1};
    fixture f;
    adult(&f);
    fx_seal_always(&f, NULL);
    f.reps[0].court_order = false;
    fx_rep(&f, "r1");
    f.actor.login_locked = true;
    f.actor.journal_sealed = true;
    fx_journal(&f);
    EXPECT_DENY(&f,
                BIT(LOGIN_LOCKED) | BIT(OWN_JOURNAL_SEALED) | BIT(REPRESENTATIVE_INCOMPLETE) |
                    BIT(JOURNAL_SEALED),
                E2);
    expect_order(&f, want, 4, rules);
    fx_eservices(&f);
    f.actor.eid = PV_EID_OTHER;
    EXPECT_DENY(&f, BIT(NO_EID) | BIT(LOGIN_LOCKED) | BIT(REPRESENTATIVE_JOURNAL_ONLY), E1);
    EXPECT_REASON_RULE(&f, REPRESENTATIVE_JOURNAL_ONLY, P1);
}

/* -- filtered ------------------------------------------------------------------------------ */

static void test_filtered_whole_journal_with_unit_seal(void) {
    /* Step 7: a whole-journal query with a unit-scope seal in force, for every basis. */
    fixture f;
    adult(&f);
    fx_seal_always(&f, U2);
    fx_journal(&f);
    EXPECT_PERMIT(&f, SELF, S2, true);
    fx_rep(&f, "r1");
    EXPECT_PERMIT(&f, REPRESENTATIVE, P2, true);
    young_child(&f);
    fx_seal_always(&f, U2);
    fx_guardian(&f, "g1");
    fx_journal(&f);
    EXPECT_PERMIT(&f, GUARDIAN_PROXY, G2, true);
    /* the unit query of another unit is not filtered by it */
    fx_journal_unit(&f, U1);
    EXPECT_PERMIT(&f, GUARDIAN_PROXY, G2, false);
}

static void test_filtered_whole_journal_with_content_seal(void) {
    fixture f;
    adult(&f);
    fx_seal_content(&f, NULL, D(2010, 1, 1), D(2010, 12, 31));
    fx_journal(&f);
    EXPECT_PERMIT(&f, SELF, S2, true);
    adult(&f);
    fx_seal_content(&f, U2, D(2010, 1, 1), D(2010, 12, 31));
    fx_journal(&f);
    EXPECT_PERMIT(&f, SELF, S2, true);
    young_child(&f);
    fx_seal_content(&f, U1, D(2022, 1, 1), PV_DATE_NONE);
    fx_guardian(&f, "g2");
    fx_journal(&f);
    EXPECT_PERMIT(&f, GUARDIAN_PROXY, G2, true);
}

static void test_filtered_whole_journal_restricted_to_granted_units(void) {
    fixture f;
    child_14_with_grants(&f);
    fx_journal(&f);
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D1, true);
    fx_guardian(&f, "g1");
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D2, true);
    /* even with grants for both units */
    fx_grant(&f, "g1", U2, PV_DATE_NONE, PV_DATE_NONE);
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D2, true);
}

static void test_filtered_unit_query_with_content_seal_covering_it(void) {
    fixture f;
    adult(&f);
    fx_seal_content(&f, U1, D(2010, 1, 1), D(2010, 12, 31));
    fx_journal_unit(&f, U1);
    EXPECT_PERMIT(&f, SELF, S2, true);
    fx_journal_unit(&f, U2);
    EXPECT_PERMIT(&f, SELF, S2, false);
    adult(&f);
    fx_seal_content(&f, NULL, D(2010, 1, 1), D(2010, 12, 31));
    fx_journal_unit(&f, U2);
    EXPECT_PERMIT(&f, SELF, S2, true);
    fx_rep(&f, "r1");
    EXPECT_PERMIT(&f, REPRESENTATIVE, P2, true);
    child_14_with_grants(&f);
    fx_seal_content(&f, NULL, D(2020, 1, 1), D(2020, 12, 31));
    fx_journal_unit(&f, U1);
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D1, true);
    fx_guardian(&f, "g1");
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D2, true);
}

static void test_not_filtered(void) {
    fixture f;
    /* nothing hidden */
    adult(&f);
    fx_journal(&f);
    EXPECT_PERMIT(&f, SELF, S2, false);
    fx_journal_unit(&f, U1);
    EXPECT_PERMIT(&f, SELF, S2, false);
    /* a unit query with a unit seal (no content) on another unit */
    fx_seal_always(&f, U2);
    EXPECT_PERMIT(&f, SELF, S2, false);
    /* seals not in force */
    adult(&f);
    fx_seal(&f, U1, D(2026, 3, 5), PV_DATE_NONE);
    pv_seal *s = fx_seal(&f, NULL, PV_DATE_NONE, D(2026, 3, 3));
    s->has_content = true;
    fx_journal(&f);
    EXPECT_PERMIT(&f, SELF, S2, false);
    fx_journal_unit(&f, U1);
    EXPECT_PERMIT(&f, SELF, S2, false);
    /* entry queries: never */
    adult(&f);
    fx_seal_always(&f, U2);
    fx_seal_content(&f, NULL, D(2010, 1, 1), D(2010, 12, 31));
    fx_journal_entry(&f, U1, D(2011, 1, 1));
    EXPECT_PERMIT(&f, SELF, S2, false);
    fx_rep(&f, "r1");
    EXPECT_PERMIT(&f, REPRESENTATIVE, P2, false);
    child_14_with_grants(&f);
    fx_seal_content(&f, U1, D(2010, 1, 1), D(2010, 12, 31));
    fx_journal_entry(&f, U1, D(2021, 1, 1));
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D1, false);
    fx_guardian(&f, "g1");
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D2, false);
    /* e-services: never */
    young_child(&f);
    fx_seal_always(&f, U2);
    fx_seal_content(&f, NULL, PV_DATE_NONE, PV_DATE_NONE);
    fx_guardian(&f, "g1");
    EXPECT_PERMIT(&f, GUARDIAN_PROXY, G1, false);
    adult(&f);
    fx_seal_always(&f, U2);
    EXPECT_PERMIT(&f, SELF, S1, false);
}

/* -- invariants over many inputs ----------------------------------------------------------- */

static int popcount(uint32_t x) {
    int n = 0;
    for (; x != 0; x &= x - 1) n++;
    return n;
}

/* For many combinations of inputs: permit exactly when no reasons; the primary reason is the
   first set bit; reason_at lists the bits in order; a permit basis is a permit reason; filtered
   only on permits of journal unit or whole queries; rule set. */
static void test_invariants_over_many_inputs(void) {
    static const pv_date births[] = {{2021, 1, 1}, {2011, 7, 1}, {2010, 3, 4}, {1980, 1, 20}};
    fixture f;
    int evaluated = 0;
    for (int actor = 0; actor < 3; actor++)
        for (int service = 0; service < 7; service++)
            for (int b = 0; b < 4; b++)
                for (int seals = 0; seals < 4; seals++)
                    for (int flags = 0; flags < 16; flags++) {
                        fx_init(&f, births[b], D(2026, 3, 4));
                        if (flags & 1) f.citizen.login_locked = true;
                        if (flags & 2) f.guardians[0].blocked = true;
                        if (flags & 4) f.actor.eid = PV_EID_NONE;
                        if (flags & 8) {
                            fx_grant(&f, PV_GRANT_HOLDER_SELF, U1, PV_DATE_NONE, PV_DATE_NONE);
                            fx_grant(&f, "g1", U1, PV_DATE_NONE, PV_DATE_NONE);
                        }
                        if (seals == 1) fx_seal_always(&f, NULL);
                        if (seals == 2) fx_seal_always(&f, U1);
                        if (seals == 3) fx_seal_content(&f, NULL, D(2025, 1, 1), D(2025, 12, 31));
                        if (actor == 1) fx_guardian(&f, "g1");
                        if (actor == 2) fx_rep(&f, "r1");
                        switch (service) {
                        case 0: fx_eservices(&f); break;
                        case 1: fx_journal(&f); break;
                        case 2: fx_journal_unit(&f, U1); break;
                        case 3: fx_journal_unit(&f, U2); break;
                        case 4: fx_journal_entry(&f, U1, D(2025, 6, 1)); break;
                        case 5: fx_journal_entry(&f, U2, D(2024, 6, 1)); break;
                        default:
                            fx_journal_unit(&f, U1);
                            fx_channel(&f, PV_CHANNEL_DIRECT);
                            break;
                        }
                        const pv_decision *d = fx_eval(&f);
                        evaluated++;
                        fx_check_ok(&f, __FILE__, __LINE__);
                        bool permit = d->effect == PV_EFFECT_PERMIT;
                        fx_check(permit == (d->reasons == 0), __FILE__, __LINE__,
                                 "case %d/%d/%d/%d/%d: effect and reasons disagree", actor, service,
                                 b, seals, flags);
                        fx_check(pv_reason_effect(d->reason) == d->effect, __FILE__, __LINE__,
                                 "case %d/%d/%d/%d/%d: reason %s with effect %d", actor, service, b,
                                 seals, flags, fx_reason_text(d->reason), d->effect);
                        fx_check(d->rule != PV_RULE_NONE, __FILE__, __LINE__,
                                 "case %d/%d/%d/%d/%d: no rule", actor, service, b, seals, flags);
                        fx_check(!d->filtered ||
                                     (permit && service != 0 && service != 4 && service != 5),
                                 __FILE__, __LINE__, "case %d/%d/%d/%d/%d: filtered", actor,
                                 service, b, seals, flags);
                        if (!permit) {
                            int count = popcount(d->reasons);
                            fx_check(pv_decision_reason_count(d) == count, __FILE__, __LINE__,
                                     "case %d/%d/%d/%d/%d: reason count", actor, service, b, seals,
                                     flags);
                            fx_check(d->reason < PV_REASON_COUNT &&
                                         pv_decision_reason_at(d, 0) == d->reason &&
                                         (d->reasons & ((1u << d->reason) - 1u)) == 0,
                                     __FILE__, __LINE__,
                                     "case %d/%d/%d/%d/%d: primary is not the first reason", actor,
                                     service, b, seals, flags);
                            int prev = -1;
                            for (int i = 0; i < count; i++) {
                                pv_reason r = pv_decision_reason_at(d, i);
                                fx_check((int)r > prev && r < PV_REASON_COUNT &&
                                             pv_decision_has_reason(d, r),
                                         __FILE__, __LINE__,
                                         "case %d/%d/%d/%d/%d: reason %d out of order", actor,
                                         service, b, seals, flags, i);
                                prev = (int)r;
                            }
                            fx_check((d->reasons &
                                      (BIT(SELF) | BIT(GUARDIAN_PROXY) | BIT(DIRECT_ACCESS) |
                                       BIT(REPRESENTATIVE) | BIT(INVALID_INPUT))) == 0,
                                     __FILE__, __LINE__,
                                     "case %d/%d/%d/%d/%d: a permit basis among the reasons", actor,
                                     service, b, seals, flags);
                        }
                    }
    CU_ASSERT_EQUAL(evaluated, 3 * 7 * 4 * 4 * 16);
}

int register_permit_suite(void) {
    static const pv_test_case cases[] = {
        {"step 7: permit bases and their rules", test_permit_bases_and_rules},
        {"step 7: a permit has no reasons", test_permit_has_no_reasons},
        {"the rule of each deny reason", test_rule_of_each_deny_reason},
        {"reason order: guardian, journal", test_reason_order_guardian_journal},
        {"reason order: guardian, e-services", test_reason_order_guardian_e_services},
        {"reason order: guardian, D2 journal", test_reason_order_guardian_d2_journal},
        {"reason order: self", test_reason_order_self},
        {"reason order: representative", test_reason_order_representative},
        {"step 7, J2: whole journal with a unit seal is filtered",
         test_filtered_whole_journal_with_unit_seal},
        {"step 7, J4: whole journal with a content seal is filtered",
         test_filtered_whole_journal_with_content_seal},
        {"step 7, D1, D2: whole journal restricted to granted units is filtered",
         test_filtered_whole_journal_restricted_to_granted_units},
        {"step 7, J4: unit query with a content seal covering it is filtered",
         test_filtered_unit_query_with_content_seal_covering_it},
        {"step 7: not filtered", test_not_filtered},
        {"step 7: invariants over many inputs", test_invariants_over_many_inputs},
        {NULL, NULL},
    };
    return pv_add_suite("permit (step 7)", cases);
}
