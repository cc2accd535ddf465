/* test_relation.c — steps 1 and 2 of RULES.md section 3: the relation (R0) and the e-ID (E1).
   R0 ends evaluation with NOT_RELATED alone; NO_EID (E1) does not: later reasons are recorded. */
#include "suites.h"
#include "test_eval_util.h"

/* The citizen is an adult (born 1980-01-20) unless a test says otherwise. */
static void adult(fixture *f) {
    fx_init(f, D(1980, 1, 20), D(2026, 3, 4));
}

/* A citizen with every restriction: login locked, protected identity, whole journal sealed,
   every guardian blocked; no representative is complete. */
static void restricted_child(fixture *f) {
    fx_init(f, D(2016, 5, 5), D(2026, 3, 4));
    f->citizen.login_locked = true;
    f->citizen.protected_identity = true;
    f->guardians[0].blocked = true;
    f->guardians[1].protected_identity = true;
    f->reps[0].consent = false;
    fx_seal_always(f, NULL);
    fx_seal_always(f, U1);
}

static void test_r0_other_actor_is_not_related(void) {
    fixture f;
    adult(&f);
    fx_other(&f);
    EXPECT_DENY(&f, BIT(NOT_RELATED), R0);
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(NOT_RELATED), R0);
    fx_journal_unit(&f, U1);
    EXPECT_DENY(&f, BIT(NOT_RELATED), R0);
    fx_journal_entry(&f, U1, D(2020, 1, 1));
    EXPECT_DENY(&f, BIT(NOT_RELATED), R0);
    fx_channel(&f, PV_CHANNEL_DIRECT);
    EXPECT_DENY(&f, BIT(NOT_RELATED), R0);
    EXPECT_REASON_RULE(&f, NOT_RELATED, R0);
}

static void test_r0_other_actor_with_a_guardian_id_is_not_related(void) {
    /* R0: kind other is never related, whatever id it carries. */
    fixture f;
    fx_init(&f, D(2016, 5, 5), D(2026, 3, 4));
    fx_other(&f);
    f.actor.id = "g1";
    EXPECT_DENY(&f, BIT(NOT_RELATED), R0);
    f.actor.id = "r1";
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(NOT_RELATED), R0);
}

static void test_r0_unknown_guardian_id(void) {
    fixture f;
    fx_init(&f, D(2016, 5, 5), D(2026, 3, 4));
    fx_guardian(&f, "g3");
    EXPECT_DENY(&f, BIT(NOT_RELATED), R0);
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(NOT_RELATED), R0);
    /* Ids are compared exactly: case, prefixes and extensions do not match. */
    fx_eservices(&f);
    fx_guardian(&f, "G1");
    EXPECT_DENY(&f, BIT(NOT_RELATED), R0);
    fx_guardian(&f, "g");
    EXPECT_DENY(&f, BIT(NOT_RELATED), R0);
    fx_guardian(&f, "g10");
    EXPECT_DENY(&f, BIT(NOT_RELATED), R0);
    /* The known guardians are related (control). */
    fx_guardian(&f, "g1");
    EXPECT_PERMIT(&f, GUARDIAN_PROXY, G1, false);
    fx_guardian(&f, "g2");
    EXPECT_PERMIT(&f, GUARDIAN_PROXY, G1, false);
}

static void test_r0_guardian_of_citizen_without_guardians(void) {
    fixture f;
    fx_init(&f, D(2016, 5, 5), D(2026, 3, 4));
    f.citizen.guardian_count = 0;
    f.citizen.guardians = NULL;
    fx_guardian(&f, "g1");
    EXPECT_DENY(&f, BIT(NOT_RELATED), R0);
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(NOT_RELATED), R0);
}

static void test_r0_representative_id_is_not_a_guardian_id(void) {
    /* R0: a guardian is looked up among the guardians, a representative among the
       representatives. */
    fixture f;
    fx_init(&f, D(2016, 5, 5), D(2026, 3, 4));
    fx_journal(&f);
    fx_guardian(&f, "r1");
    EXPECT_DENY(&f, BIT(NOT_RELATED), R0);
    fx_rep(&f, "g1");
    EXPECT_DENY(&f, BIT(NOT_RELATED), R0);
}

static void test_r0_unknown_representative_id(void) {
    fixture f;
    adult(&f);
    fx_journal(&f);
    fx_rep(&f, "r2");
    EXPECT_DENY(&f, BIT(NOT_RELATED), R0);
    fx_rep(&f, "R1");
    EXPECT_DENY(&f, BIT(NOT_RELATED), R0);
    fx_eservices(&f);
    EXPECT_DENY(&f, BIT(NOT_RELATED), R0);
    f.citizen.representative_count = 0;
    f.citizen.representatives = NULL;
    fx_rep(&f, "r1");
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(NOT_RELATED), R0);
    /* A second representative is found as well. */
    f.citizen.representatives = f.reps;
    f.citizen.representative_count = 1;
    fx_add_rep(&f, "r2");
    fx_rep(&f, "r2");
    EXPECT_PERMIT(&f, REPRESENTATIVE, P2, false);
}

static void test_r0_ends_evaluation_other_reasons_not_recorded(void) {
    /* R0 ends evaluation at once: no e-ID, own lock, own seal and every restriction of the
       citizen leave NOT_RELATED alone. */
    fixture f;
    restricted_child(&f);
    for (int kind = 0; kind < 3; kind++) {
        if (kind == 0) fx_other(&f);
        if (kind == 1) fx_guardian(&f, "nobody");
        if (kind == 2) fx_rep(&f, "nobody");
        f.actor.eid = PV_EID_NONE;
        f.actor.login_locked = true;
        f.actor.journal_sealed = true;
        fx_eservices(&f);
        EXPECT_DENY(&f, BIT(NOT_RELATED), R0);
        fx_journal(&f);
        EXPECT_DENY(&f, BIT(NOT_RELATED), R0);
        fx_journal_entry(&f, U1, D(2020, 2, 2));
        EXPECT_DENY(&f, BIT(NOT_RELATED), R0);
        fx_channel(&f, PV_CHANNEL_DIRECT);
        EXPECT_DENY(&f, BIT(NOT_RELATED), R0);
        f.actor.eid = PV_EID_PASSWORD;
        EXPECT_DENY(&f, BIT(NOT_RELATED), R0);
    }
}

static void test_r0_not_related_never_changes(void) {
    /* T1 with R0: nothing in time makes an unrelated actor related. */
    fixture f;
    fx_init(&f, D(2016, 5, 5), D(2026, 3, 4));
    fx_seal(&f, NULL, D(2026, 6, 1), D(2026, 6, 30));
    fx_grant(&f, "g1", U1, D(2026, 4, 1), PV_DATE_NONE);
    fx_other(&f);
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(NOT_RELATED), R0);
    EXPECT_CHANGES_ON(&f, PV_DATE_NONE);
    fx_guardian(&f, "g9");
    fx_eservices(&f);
    EXPECT_DENY(&f, BIT(NOT_RELATED), R0);
    EXPECT_CHANGES_ON(&f, PV_DATE_NONE);
}

static void test_e1_bankid_and_freja_plus_let_in(void) {
    fixture f;
    adult(&f);
    f.actor.eid = PV_EID_BANKID;
    EXPECT_PERMIT(&f, SELF, S1, false);
    f.actor.eid = PV_EID_FREJA_PLUS;
    EXPECT_PERMIT(&f, SELF, S1, false);
    fx_journal(&f);
    EXPECT_PERMIT(&f, SELF, S2, false);
    fx_rep(&f, "r1");
    EXPECT_PERMIT(&f, REPRESENTATIVE, P2, false);
}

static void test_e1_every_other_eid_is_no_eid(void) {
    /* E1: freja (without Plus), password, other and none are refused, for every related actor
       kind and both services. */
    static const pv_eid refused[] = {PV_EID_FREJA, PV_EID_PASSWORD, PV_EID_OTHER, PV_EID_NONE};
    fixture f;
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        /* self, adult */
        adult(&f);
        f.actor.eid = refused[i];
        EXPECT_DENY(&f, BIT(NO_EID), E1);
        EXPECT_REASON_RULE(&f, NO_EID, E1);
        fx_journal(&f);
        EXPECT_DENY(&f, BIT(NO_EID), E1);
        fx_channel(&f, PV_CHANNEL_DIRECT);
        EXPECT_DENY(&f, BIT(NO_EID), E1);
        /* guardian of a child of 5 */
        fx_init(&f, D(2021, 1, 1), D(2026, 3, 4));
        fx_guardian(&f, "g1");
        f.actor.eid = refused[i];
        EXPECT_DENY(&f, BIT(NO_EID), E1);
        fx_journal_unit(&f, U1);
        EXPECT_DENY(&f, BIT(NO_EID), E1);
        /* representative asking for the journal */
        adult(&f);
        fx_rep(&f, "r1");
        f.actor.eid = refused[i];
        fx_journal(&f);
        EXPECT_DENY(&f, BIT(NO_EID), E1);
    }
}

static void test_e1_no_eid_does_not_end_evaluation(void) {
    /* E1 is step 2: later steps still record their reasons. */
    fixture f;
    /* + S1: a child of 10 asking for e-services. */
    fx_init(&f, D(2016, 1, 10), D(2026, 3, 4));
    f.actor.eid = PV_EID_NONE;
    EXPECT_DENY(&f, BIT(NO_EID) | BIT(UNDER_13), E1);
    EXPECT_REASON_RULE(&f, UNDER_13, S1);
    /* + S2 for the journal. */
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(NO_EID) | BIT(UNDER_13), E1);
    EXPECT_REASON_RULE(&f, UNDER_13, S2);
    /* + E2: an adult whose login is locked. */
    adult(&f);
    f.citizen.login_locked = true;
    f.actor.eid = PV_EID_PASSWORD;
    EXPECT_DENY(&f, BIT(NO_EID) | BIT(LOGIN_LOCKED), E1);
    EXPECT_REASON_RULE(&f, LOGIN_LOCKED, E2);
    /* + J1. */
    adult(&f);
    fx_seal_always(&f, NULL);
    f.actor.eid = PV_EID_FREJA;
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(NO_EID) | BIT(JOURNAL_SEALED), E1);
    EXPECT_REASON_RULE(&f, JOURNAL_SEALED, J1);
    /* + G3 for a blocked guardian. */
    fx_init(&f, D(2021, 1, 1), D(2026, 3, 4));
    f.guardians[0].blocked = true;
    fx_guardian(&f, "g1");
    f.actor.eid = PV_EID_OTHER;
    EXPECT_DENY(&f, BIT(NO_EID) | BIT(GUARDIAN_BLOCKED), E1);
    EXPECT_REASON_RULE(&f, GUARDIAN_BLOCKED, G3);
    /* + P1 for a representative asking for e-services. */
    adult(&f);
    fx_rep(&f, "r1");
    f.actor.eid = PV_EID_NONE;
    EXPECT_DENY(&f, BIT(NO_EID) | BIT(REPRESENTATIVE_JOURNAL_ONLY), E1);
    EXPECT_REASON_RULE(&f, REPRESENTATIVE_JOURNAL_ONLY, P1);
    /* + P2 for an incomplete representative. */
    f.reps[0].court_order = false;
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(NO_EID) | BIT(REPRESENTATIVE_INCOMPLETE), E1);
    EXPECT_REASON_RULE(&f, REPRESENTATIVE_INCOMPLETE, P2);
}

static void test_e1_applies_to_every_related_kind_with_other_steps_passing(void) {
    /* E1 with everything else in order gives NO_EID alone, never a permit. */
    fixture f;
    fx_init(&f, D(2012, 6, 1), D(2026, 3, 4)); /* 13 */
    fx_grant(&f, PV_GRANT_HOLDER_SELF, U1, PV_DATE_NONE, PV_DATE_NONE);
    fx_grant(&f, "g1", U1, PV_DATE_NONE, PV_DATE_NONE);
    fx_journal_unit(&f, U1);
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D1, false);
    f.actor.eid = PV_EID_FREJA;
    EXPECT_DENY(&f, BIT(NO_EID), E1);
    fx_guardian(&f, "g1");
    f.actor.eid = PV_EID_BANKID;
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D2, false);
    f.actor.eid = PV_EID_NONE;
    EXPECT_DENY(&f, BIT(NO_EID), E1);
}

int register_relation_suite(void) {
    static const pv_test_case cases[] = {
        {"R0: an actor of kind other is not related", test_r0_other_actor_is_not_related},
        {"R0: kind other with a guardian's id is not related",
         test_r0_other_actor_with_a_guardian_id_is_not_related},
        {"R0: a guardian id not among the guardians", test_r0_unknown_guardian_id},
        {"R0: a guardian of a citizen without guardians",
         test_r0_guardian_of_citizen_without_guardians},
        {"R0: guardian and representative ids are separate",
         test_r0_representative_id_is_not_a_guardian_id},
        {"R0: a representative id not among the representatives",
         test_r0_unknown_representative_id},
        {"R0: NOT_RELATED alone ends evaluation",
         test_r0_ends_evaluation_other_reasons_not_recorded},
        {"R0, T1: NOT_RELATED never changes", test_r0_not_related_never_changes},
        {"E1: BankID and Freja+ let in", test_e1_bankid_and_freja_plus_let_in},
        {"E1: every other e-ID is NO_EID", test_e1_every_other_eid_is_no_eid},
        {"E1: NO_EID does not end evaluation", test_e1_no_eid_does_not_end_evaluation},
        {"E1: NO_EID alone when all else permits",
         test_e1_applies_to_every_related_kind_with_other_steps_passing},
        {NULL, NULL},
    };
    return pv_add_suite("relation (R0, E1)", cases);
}
