/* test_reasons.c — the names of RULES.md: reasons (section 4, in the order of section 3), rule
   ids, status codes, the JSON vocabulary of the input enums (section 10), the decision accessors
   and the version. */
#include <stdio.h>
#include <string.h>

#include "suites.h"
#include "test_util.h"

static const char *const reason_names[PV_REASON_COUNT] = {
    "SELF",
    "GUARDIAN_PROXY",
    "DIRECT_ACCESS",
    "REPRESENTATIVE",
    "INVALID_INPUT",
    "NOT_RELATED",
    "NO_EID",
    "LOGIN_LOCKED",
    "OWN_JOURNAL_SEALED",
    "UNDER_13",
    "UNDER_16",
    "PROXY_ENDED",
    "REPRESENTATIVE_JOURNAL_ONLY",
    "REPRESENTATIVE_INCOMPLETE",
    "GUARDIAN_BLOCKED",
    "PROTECTED_IDENTITY",
    "CHILD_LOGIN_LOCKED",
    "JOURNAL_SEALED",
    "UNIT_SEALED",
    "ENTRY_SEALED",
};

static const char *const rule_names[PV_RULE_COUNT] = {
    NULL, "A1", "A2", "A3", "V1", "R0", "E1", "E2", "E3", "S1", "S2", "D1", "D2", "D3", "G1", "G2",
    "G3", "G4", "G5", "G6", "P1", "P2", "L1", "L2", "J1", "J2", "J3", "J4", "J5", "J6", "T1", "M1",
    "N1", "N2", "N3", "N4", "N5", "N6", "N7", "X1", "X2", "X3", "X4", "X5", "X6", "X7",
    /* every id RULES.md defines: the procedures of section 5 and section 11 */
    "M-ALL", "M-GUARD", "M-PROT", "M-13", "H1", "H2", "H3", "H4", "H5",
};

/* -- reasons ------------------------------------------------------------------------------- */

static void test_reason_names_exact(void) {
    for (int r = 0; r < PV_REASON_COUNT; r++) {
        const char *name = pv_reason_name((pv_reason)r);
        CU_ASSERT_PTR_NOT_NULL_FATAL(name);
        CU_ASSERT_STRING_EQUAL(name, reason_names[r]);
    }
    CU_ASSERT_PTR_NULL(pv_reason_name(PV_REASON_COUNT));
    CU_ASSERT_PTR_NULL(pv_reason_name((pv_reason)99));
}

static void test_reason_name_round_trip(void) {
    for (int r = 0; r < PV_REASON_COUNT; r++) {
        pv_reason back = PV_REASON_COUNT;
        CU_ASSERT_EQUAL(pv_reason_from_name(reason_names[r], &back, NULL), PV_OK);
        CU_ASSERT_EQUAL(back, (pv_reason)r);
        const char *name = pv_reason_name((pv_reason)r);
        if (name != NULL) {
            back = PV_REASON_COUNT;
            CU_ASSERT_EQUAL(pv_reason_from_name(name, &back, NULL), PV_OK);
            CU_ASSERT_EQUAL(back, (pv_reason)r);
        }
    }
}

static void test_reason_from_name_rejects(void) {
    static const char *const bad[] = {
        "",     "unit_sealed", "Unit_Sealed", "UNIT_SEALED ", " UNIT_SEALED",
        "UNIT", "UNDER_1",     "UNDER_17",    "PERMIT",       "DENY"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        pv_reason out = PV_REASON_SELF;
        pv_error err = PV_ERROR_INIT;
        CU_ASSERT_EQUAL(pv_reason_from_name(bad[i], &out, &err), PV_ERR_INVALID_INPUT);
        CU_ASSERT_EQUAL(out, PV_REASON_INVALID_INPUT);
        CU_ASSERT_EQUAL(err.status, PV_ERR_INVALID_INPUT);
        CU_ASSERT_STRING_EQUAL(err.field, "name");
        CU_ASSERT_PTR_NOT_NULL(err.message);
    }
    pv_reason out = PV_REASON_SELF;
    CU_ASSERT_EQUAL(pv_reason_from_name(NULL, &out, NULL), PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(out, PV_REASON_INVALID_INPUT);
}

static void test_reason_effect(void) {
    for (int r = 0; r < PV_REASON_COUNT; r++) {
        pv_effect want = r <= PV_REASON_LAST_PERMIT ? PV_EFFECT_PERMIT : PV_EFFECT_DENY;
        CU_ASSERT_EQUAL(pv_reason_effect((pv_reason)r), want);
    }
    CU_ASSERT_EQUAL(pv_reason_effect(PV_REASON_SELF), PV_EFFECT_PERMIT);
    CU_ASSERT_EQUAL(pv_reason_effect(PV_REASON_REPRESENTATIVE), PV_EFFECT_PERMIT);
    CU_ASSERT_EQUAL(pv_reason_effect(PV_REASON_INVALID_INPUT), PV_EFFECT_DENY);
    CU_ASSERT_EQUAL(pv_reason_effect(PV_REASON_ENTRY_SEALED), PV_EFFECT_DENY);
    CU_ASSERT_EQUAL(pv_reason_effect((pv_reason)99), PV_EFFECT_DENY);
    CU_ASSERT_EQUAL(PV_REASON_FIRST_DENY, PV_REASON_LAST_PERMIT + 1);
    CU_ASSERT_EQUAL(PV_REASON_LAST_DENY, PV_REASON_COUNT - 1);
}

static void test_effect_names(void) {
    CU_ASSERT_STRING_EQUAL(pv_effect_name(PV_EFFECT_PERMIT), "permit");
    CU_ASSERT_STRING_EQUAL(pv_effect_name(PV_EFFECT_DENY), "deny");
    CU_ASSERT_PTR_NULL(pv_effect_name(PV_EFFECT_COUNT));
    CU_ASSERT_PTR_NULL(pv_effect_name((pv_effect)99));
}

/* -- rules --------------------------------------------------------------------------------- */

static void test_rule_names_and_round_trip(void) {
    CU_ASSERT_PTR_NULL(pv_rule_name(PV_RULE_NONE));
    CU_ASSERT_PTR_NULL(pv_rule_name(PV_RULE_COUNT));
    CU_ASSERT_PTR_NULL(pv_rule_name((pv_rule)999));
    for (int r = 1; r < PV_RULE_COUNT; r++) {
        const char *name = pv_rule_name((pv_rule)r);
        /* a rule added to the header must be added to the table above */
        CU_ASSERT_PTR_NOT_NULL_FATAL(rule_names[r]);
        CU_ASSERT_PTR_NOT_NULL_FATAL(name);
        CU_ASSERT_STRING_EQUAL(name, rule_names[r]);
        pv_rule back = PV_RULE_NONE;
        CU_ASSERT_EQUAL(pv_rule_from_name(name, &back, NULL), PV_OK);
        CU_ASSERT_EQUAL(back, (pv_rule)r);
    }
}

static void test_rule_from_name_rejects(void) {
    static const char *const bad[] = {"",     "X8",    "J7",   "J",     "J44",  "NONE",
                                      " J4",  "j4",    "H6",   "M-14",  "M_ALL", "m-all",
                                      "M-",   "M-ALL ", "M-PROTECT"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        pv_rule out = PV_RULE_J1;
        pv_error err = PV_ERROR_INIT;
        CU_ASSERT_EQUAL(pv_rule_from_name(bad[i], &out, &err), PV_ERR_INVALID_INPUT);
        CU_ASSERT_EQUAL(out, PV_RULE_NONE);
        CU_ASSERT_EQUAL(err.status, PV_ERR_INVALID_INPUT);
        CU_ASSERT_STRING_EQUAL(err.field, "name");
        CU_ASSERT_PTR_NOT_NULL(err.message);
    }
    pv_rule out = PV_RULE_J1;
    CU_ASSERT_EQUAL(pv_rule_from_name(NULL, &out, NULL), PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(out, PV_RULE_NONE);
}

static bool starts_with(const char *s, const char *prefix) {
    return s != NULL && strncmp(s, prefix, strlen(prefix)) == 0;
}

static void test_rule_sources_and_summaries(void) {
    CU_ASSERT_PTR_NULL(pv_rule_source(PV_RULE_NONE));
    CU_ASSERT_PTR_NULL(pv_rule_summary(PV_RULE_NONE));
    CU_ASSERT_PTR_NULL(pv_rule_source(PV_RULE_COUNT));
    CU_ASSERT_PTR_NULL(pv_rule_summary(PV_RULE_COUNT));
    for (int r = 1; r < PV_RULE_COUNT; r++) {
        const char *summary = pv_rule_summary((pv_rule)r);
        CU_ASSERT_TRUE(summary != NULL && summary[0] != '\0');
        const char *source = pv_rule_source((pv_rule)r);
        CU_ASSERT_PTR_NOT_NULL(source);
        /* section 3: every rule there is seed, derived or choice (N1-N6 carry no kind) */
        if (r >= PV_RULE_N1 && r <= PV_RULE_N6) continue;
        CU_ASSERT_TRUE(starts_with(source, "seed") || starts_with(source, "choice") ||
                       starts_with(source, "derived"));
    }
    /* rules whose kind RULES.md states plainly */
    static const pv_rule choices[] = {PV_RULE_A1, PV_RULE_A3, PV_RULE_V1, PV_RULE_R0,
                                      PV_RULE_G6, PV_RULE_J6, PV_RULE_T1, PV_RULE_M1,
                                      PV_RULE_N7, PV_RULE_H1, PV_RULE_H2, PV_RULE_H3,
                                      PV_RULE_H4, PV_RULE_H5};
    for (size_t i = 0; i < sizeof choices / sizeof choices[0]; i++)
        CU_ASSERT_TRUE(starts_with(pv_rule_source(choices[i]), "choice"));
    static const pv_rule seeds[] = {PV_RULE_A2, PV_RULE_E1, PV_RULE_E2, PV_RULE_S1, PV_RULE_S2,
                                    PV_RULE_D1, PV_RULE_D2, PV_RULE_D3, PV_RULE_G1, PV_RULE_G2,
                                    PV_RULE_G3, PV_RULE_G4, PV_RULE_G5, PV_RULE_P1, PV_RULE_P2,
                                    PV_RULE_L1, PV_RULE_L2, PV_RULE_J1, PV_RULE_J2, PV_RULE_J3,
                                    PV_RULE_J4, PV_RULE_J5, PV_RULE_X1, PV_RULE_X2, PV_RULE_X3,
                                    PV_RULE_X4, PV_RULE_X5, PV_RULE_X6, PV_RULE_X7,
                                    PV_RULE_M_ALL, PV_RULE_M_GUARD, PV_RULE_M_PROT,
                                    PV_RULE_M_13};
    for (size_t i = 0; i < sizeof seeds / sizeof seeds[0]; i++)
        CU_ASSERT_TRUE(starts_with(pv_rule_source(seeds[i]), "seed"));
    CU_ASSERT_TRUE(starts_with(pv_rule_source(PV_RULE_E3), "derived"));
}

/* -- decision accessors -------------------------------------------------------------------- */

static void test_decision_accessors_on_a_built_decision(void) {
    pv_decision d;
    memset(&d, 0, sizeof d);
    d.version = PV_DECISION_VERSION;
    d.effect = PV_EFFECT_DENY;
    d.reason = PV_REASON_UNDER_16;
    d.reasons = (1u << PV_REASON_UNDER_16) | (1u << PV_REASON_JOURNAL_SEALED) |
                (1u << PV_REASON_ENTRY_SEALED);
    d.rule = PV_RULE_D1;
    d.reason_rules[PV_REASON_UNDER_16] = PV_RULE_D1;
    d.reason_rules[PV_REASON_JOURNAL_SEALED] = PV_RULE_J1;
    d.reason_rules[PV_REASON_ENTRY_SEALED] = PV_RULE_J4;
    CU_ASSERT_EQUAL(pv_decision_reason_count(&d), 3);
    CU_ASSERT_EQUAL(pv_decision_reason_at(&d, 0), PV_REASON_UNDER_16);
    CU_ASSERT_EQUAL(pv_decision_reason_at(&d, 1), PV_REASON_JOURNAL_SEALED);
    CU_ASSERT_EQUAL(pv_decision_reason_at(&d, 2), PV_REASON_ENTRY_SEALED);
    CU_ASSERT_EQUAL(pv_decision_reason_at(&d, 3), PV_REASON_COUNT);
    CU_ASSERT_EQUAL(pv_decision_reason_at(&d, -1), PV_REASON_COUNT);
    CU_ASSERT_EQUAL(pv_decision_reason_at(&d, 1000), PV_REASON_COUNT);
    CU_ASSERT_EQUAL(pv_decision_reason_at(NULL, 0), PV_REASON_COUNT);
    CU_ASSERT_TRUE(pv_decision_has_reason(&d, PV_REASON_UNDER_16));
    CU_ASSERT_TRUE(pv_decision_has_reason(&d, PV_REASON_JOURNAL_SEALED));
    CU_ASSERT_TRUE(pv_decision_has_reason(&d, PV_REASON_ENTRY_SEALED));
    CU_ASSERT_FALSE(pv_decision_has_reason(&d, PV_REASON_UNIT_SEALED));
    CU_ASSERT_FALSE(pv_decision_has_reason(&d, PV_REASON_SELF));
    CU_ASSERT_FALSE(pv_decision_has_reason(&d, PV_REASON_COUNT));
    CU_ASSERT_EQUAL(pv_decision_reason_rule(&d, PV_REASON_UNDER_16), PV_RULE_D1);
    CU_ASSERT_EQUAL(pv_decision_reason_rule(&d, PV_REASON_JOURNAL_SEALED), PV_RULE_J1);
    CU_ASSERT_EQUAL(pv_decision_reason_rule(&d, PV_REASON_ENTRY_SEALED), PV_RULE_J4);
    CU_ASSERT_EQUAL(pv_decision_reason_rule(&d, PV_REASON_UNIT_SEALED), PV_RULE_NONE);
    /* every single reason */
    for (int r = 0; r < PV_REASON_COUNT; r++) {
        memset(&d, 0, sizeof d);
        d.version = PV_DECISION_VERSION;
        d.reasons = 1u << r;
        d.reason = (pv_reason)r;
        d.reason_rules[r] = PV_RULE_J2;
        CU_ASSERT_EQUAL(pv_decision_reason_count(&d), 1);
        CU_ASSERT_EQUAL(pv_decision_reason_at(&d, 0), (pv_reason)r);
        CU_ASSERT_EQUAL(pv_decision_reason_at(&d, 1), PV_REASON_COUNT);
        CU_ASSERT_TRUE(pv_decision_has_reason(&d, (pv_reason)r));
        CU_ASSERT_EQUAL(pv_decision_reason_rule(&d, (pv_reason)r), PV_RULE_J2);
    }
    /* none */
    memset(&d, 0, sizeof d);
    d.version = PV_DECISION_VERSION;
    d.effect = PV_EFFECT_PERMIT;
    CU_ASSERT_EQUAL(pv_decision_reason_count(&d), 0);
    CU_ASSERT_EQUAL(pv_decision_reason_at(&d, 0), PV_REASON_COUNT);
}

static void test_decision_accessors_on_an_evaluated_decision(void) {
    /* RULES.md section 3 example: a 14-year-old's blocked guardian asking for e-services. */
    pv_guardian guardian = PV_GUARDIAN_INIT;
    guardian.id = "g1";
    guardian.blocked = true;
    pv_citizen citizen;
    memset(&citizen, 0, sizeof citizen);
    citizen.version = PV_CITIZEN_VERSION;
    citizen.birth_date = D(2011, 7, 1);
    citizen.guardians = &guardian;
    citizen.guardian_count = 1;
    pv_actor actor = PV_ACTOR_INIT;
    actor.kind = PV_ACTOR_GUARDIAN;
    actor.id = "g1";
    actor.eid = PV_EID_BANKID;
    pv_service service = PV_SERVICE_INIT;
    service.kind = PV_SERVICE_E_SERVICES;
    pv_decision d = PV_DECISION_INIT;
    CU_ASSERT_EQUAL_FATAL(pv_evaluate(&citizen, &actor, &service, D(2026, 3, 4), &d, NULL), PV_OK);
    CU_ASSERT_EQUAL(d.effect, PV_EFFECT_DENY);
    CU_ASSERT_EQUAL(pv_decision_reason_count(&d), 2);
    CU_ASSERT_EQUAL(pv_decision_reason_at(&d, 0), PV_REASON_PROXY_ENDED);
    CU_ASSERT_EQUAL(pv_decision_reason_at(&d, 1), PV_REASON_GUARDIAN_BLOCKED);
    CU_ASSERT_EQUAL(pv_decision_reason_rule(&d, PV_REASON_PROXY_ENDED), PV_RULE_G1);
    CU_ASSERT_EQUAL(pv_decision_reason_rule(&d, PV_REASON_GUARDIAN_BLOCKED), PV_RULE_G3);
    CU_ASSERT_STRING_EQUAL(pv_reason_name(d.reason), "PROXY_ENDED");
    CU_ASSERT_STRING_EQUAL(pv_rule_name(d.rule), "G1");
}

/* -- status, enums, version ---------------------------------------------------------------- */

static void test_status_names(void) {
    CU_ASSERT_STRING_EQUAL(pv_status_name(PV_OK), "PV_OK");
    CU_ASSERT_STRING_EQUAL(pv_status_name(PV_ERR_INVALID_INPUT), "PV_ERR_INVALID_INPUT");
    CU_ASSERT_STRING_EQUAL(pv_status_name(PV_ERR_BUFFER_TOO_SMALL), "PV_ERR_BUFFER_TOO_SMALL");
    CU_ASSERT_STRING_EQUAL(pv_status_name((pv_status)-99), "PV_ERR_UNKNOWN");
    CU_ASSERT_STRING_EQUAL(pv_status_name((pv_status)1), "PV_ERR_UNKNOWN");
    CU_ASSERT_EQUAL(PV_OK, 0);
    CU_ASSERT_TRUE(PV_ERR_INVALID_INPUT < 0 && PV_ERR_BUFFER_TOO_SMALL < 0);
}

static void test_enum_names_json_vocabulary(void) {
    /* Indexed by the enum values; 0 is the unset value of the five enums that decide who gets
       in, which has no name (NULL). The channel and the requester have no unset value. */
    static const char *const actors[PV_ACTOR_KIND_COUNT] = {
        [PV_ACTOR_KIND_UNSET] = NULL,           [PV_ACTOR_SELF] = "self",
        [PV_ACTOR_GUARDIAN] = "guardian",       [PV_ACTOR_REPRESENTATIVE] = "representative",
        [PV_ACTOR_OTHER] = "other"};
    static const char *const eids[PV_EID_COUNT] = {
        [PV_EID_UNSET] = NULL,         [PV_EID_BANKID] = "bankid",
        [PV_EID_FREJA_PLUS] = "freja_plus", [PV_EID_FREJA] = "freja",
        [PV_EID_PASSWORD] = "password", [PV_EID_OTHER] = "other",
        [PV_EID_NONE] = "none"};
    static const char *const services[PV_SERVICE_KIND_COUNT] = {
        [PV_SERVICE_KIND_UNSET] = NULL, [PV_SERVICE_E_SERVICES] = "e_services",
        [PV_SERVICE_JOURNAL] = "journal"};
    static const char *const channels[PV_CHANNEL_COUNT] = {[PV_CHANNEL_PORTAL] = "portal",
                                                           [PV_CHANNEL_DIRECT] = "direct"};
    static const char *const scopes[PV_SEAL_SCOPE_COUNT] = {
        [PV_SEAL_SCOPE_UNSET] = NULL, [PV_SEAL_WHOLE] = "whole", [PV_SEAL_UNIT] = "unit"};
    static const char *const requesters[PV_REQUESTER_COUNT] = {[PV_REQUESTER_CARE] = "care",
                                                               [PV_REQUESTER_CITIZEN] = "citizen"};
    static const char *const rep_kinds[PV_REPRESENTATIVE_KIND_COUNT] = {
        [PV_REPRESENTATIVE_KIND_UNSET] = NULL, [PV_REPRESENTATIVE_GOD_MAN] = "god_man",
        [PV_REPRESENTATIVE_FORVALTARE] = "forvaltare"};
    /* the unset values have no name */
    CU_ASSERT_PTR_NULL(pv_actor_kind_name(PV_ACTOR_KIND_UNSET));
    CU_ASSERT_PTR_NULL(pv_eid_name(PV_EID_UNSET));
    CU_ASSERT_PTR_NULL(pv_service_kind_name(PV_SERVICE_KIND_UNSET));
    CU_ASSERT_PTR_NULL(pv_seal_scope_name(PV_SEAL_SCOPE_UNSET));
    CU_ASSERT_PTR_NULL(pv_representative_kind_name(PV_REPRESENTATIVE_KIND_UNSET));
    for (int i = PV_ACTOR_SELF; i < PV_ACTOR_KIND_COUNT; i++)
        CU_ASSERT_STRING_EQUAL(pv_actor_kind_name((pv_actor_kind)i), actors[i]);
    for (int i = PV_EID_BANKID; i < PV_EID_COUNT; i++)
        CU_ASSERT_STRING_EQUAL(pv_eid_name((pv_eid)i), eids[i]);
    for (int i = PV_SERVICE_E_SERVICES; i < PV_SERVICE_KIND_COUNT; i++)
        CU_ASSERT_STRING_EQUAL(pv_service_kind_name((pv_service_kind)i), services[i]);
    for (int i = 0; i < PV_CHANNEL_COUNT; i++)
        CU_ASSERT_STRING_EQUAL(pv_channel_name((pv_channel)i), channels[i]);
    for (int i = PV_SEAL_WHOLE; i < PV_SEAL_SCOPE_COUNT; i++)
        CU_ASSERT_STRING_EQUAL(pv_seal_scope_name((pv_seal_scope)i), scopes[i]);
    for (int i = 0; i < PV_REQUESTER_COUNT; i++)
        CU_ASSERT_STRING_EQUAL(pv_requester_name((pv_requester)i), requesters[i]);
    for (int i = PV_REPRESENTATIVE_GOD_MAN; i < PV_REPRESENTATIVE_KIND_COUNT; i++)
        CU_ASSERT_STRING_EQUAL(pv_representative_kind_name((pv_representative_kind)i),
                               rep_kinds[i]);
    /* the numbering of the API (0 = unset) */
    CU_ASSERT_EQUAL(PV_ACTOR_SELF, 1);
    CU_ASSERT_EQUAL(PV_ACTOR_OTHER, 4);
    CU_ASSERT_EQUAL(PV_EID_BANKID, 1);
    CU_ASSERT_EQUAL(PV_EID_NONE, 6);
    CU_ASSERT_EQUAL(PV_SERVICE_E_SERVICES, 1);
    CU_ASSERT_EQUAL(PV_SERVICE_JOURNAL, 2);
    CU_ASSERT_EQUAL(PV_SEAL_WHOLE, 1);
    CU_ASSERT_EQUAL(PV_REPRESENTATIVE_GOD_MAN, 1);
    CU_ASSERT_PTR_NULL(pv_actor_kind_name(PV_ACTOR_KIND_COUNT));
    CU_ASSERT_PTR_NULL(pv_eid_name(PV_EID_COUNT));
    CU_ASSERT_PTR_NULL(pv_service_kind_name(PV_SERVICE_KIND_COUNT));
    CU_ASSERT_PTR_NULL(pv_channel_name(PV_CHANNEL_COUNT));
    CU_ASSERT_PTR_NULL(pv_seal_scope_name(PV_SEAL_SCOPE_COUNT));
    CU_ASSERT_PTR_NULL(pv_requester_name(PV_REQUESTER_COUNT));
    CU_ASSERT_PTR_NULL(pv_representative_kind_name(PV_REPRESENTATIVE_KIND_COUNT));
    CU_ASSERT_PTR_NULL(pv_actor_kind_name((pv_actor_kind)99));
    CU_ASSERT_PTR_NULL(pv_eid_name((pv_eid)99));
    /* section 10 default: grants[].holder "self" */
    CU_ASSERT_STRING_EQUAL(PV_GRANT_HOLDER_SELF, "self");
}

static void test_version(void) {
    CU_ASSERT_PTR_NOT_NULL_FATAL(pv_version());
    CU_ASSERT_STRING_EQUAL(pv_version(), PV_VERSION_STRING);
    CU_ASSERT_EQUAL(pv_version_number(),
                    PV_VERSION_MAJOR * 10000 + PV_VERSION_MINOR * 100 + PV_VERSION_PATCH);
    char expected[32];
    snprintf(expected, sizeof expected, "%d.%d.%d", PV_VERSION_MAJOR, PV_VERSION_MINOR,
             PV_VERSION_PATCH);
    CU_ASSERT_STRING_EQUAL(PV_VERSION_STRING, expected);
}

int register_reasons_suite(void) {
    static const pv_test_case cases[] = {
        {"section 4: reason names exactly", test_reason_names_exact},
        {"section 4: reason name round trip", test_reason_name_round_trip},
        {"section 4: unknown reason names are rejected", test_reason_from_name_rejects},
        {"section 4: the effect of each reason", test_reason_effect},
        {"effect names", test_effect_names},
        {"rule ids and round trip", test_rule_names_and_round_trip},
        {"unknown rule ids are rejected", test_rule_from_name_rejects},
        {"rule sources and summaries", test_rule_sources_and_summaries},
        {"decision accessors on a built decision", test_decision_accessors_on_a_built_decision},
        {"G1, G3: decision accessors on an evaluated decision",
         test_decision_accessors_on_an_evaluated_decision},
        {"status names", test_status_names},
        {"section 10: enum names", test_enum_names_json_vocabulary},
        {"pv_version matches the headers", test_version},
        {NULL, NULL},
    };
    return pv_add_suite("reasons and names", cases);
}
