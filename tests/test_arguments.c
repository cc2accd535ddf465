/*
 * test_arguments.c — the arguments of every public function that can fail, beyond the inputs
 * of RULES.md section 8: a missing out-parameter or count, an error struct of a version the
 * library does not know (the call fails and the error is not written), a short buffer; and the
 * N4 reading of a ten-digit personnummer across a century in timelines and changes_on (T1).
 * Expected values come from the header comments (portvakt_core.h "ERRORS" and each function)
 * and from RULES.md N4, T1, A1.
 */
#include <stddef.h>

#include "suites.h"
#include "test_eval_util.h"

/* An error whose version the library does not know: never written, and the call fails. */
static pv_error unknown_error(void) {
    pv_error e;
    memset(&e, 0x33, sizeof e);
    e.version = PV_ERROR_VERSION + 7;
    return e;
}

static bool untouched(const pv_error *e) {
    pv_error ref = unknown_error();
    return memcmp(e, &ref, sizeof ref) == 0;
}

static pv_citizen adult(void) {
    pv_citizen c = PV_CITIZEN_INIT;
    c.birth_date = D(1980, 1, 20);
    return c;
}

static pv_actor self_actor(void) {
    pv_actor a = PV_ACTOR_INIT;
    a.kind = PV_ACTOR_SELF;
    a.eid = PV_EID_BANKID;
    return a;
}

static pv_service e_services(void) {
    pv_service s = PV_SERVICE_INIT;
    s.kind = PV_SERVICE_E_SERVICES;
    return s;
}

/* N2: the Luhn digit of the nine digits YYMMDDNNN, for building test numbers. */
static char luhn(const char *nine) {
    int sum = 0;
    for (int i = 0; i < 9; i++) {
        int v = (nine[i] - '0') * (i % 2 == 0 ? 2 : 1);
        sum += v / 10 + v % 10;
    }
    return (char)('0' + (10 - sum % 10) % 10);
}

/* "YYMMDD-NNNC" from "YYMMDDNNN" and a separator. */
static void ten_digit(const char *nine, char sep, char out[12]) {
    memcpy(out, nine, 6);
    out[6] = sep;
    memcpy(out + 7, nine + 6, 3);
    out[10] = luhn(nine);
    out[11] = '\0';
}

static void test_unknown_error_version_every_function(void) {
    const pv_citizen c = adult();
    const pv_actor a = self_actor();
    const pv_service s = e_services();
    const pv_date on = D(2026, 3, 4);
    pv_error e = unknown_error();
    pv_decision d = PV_DECISION_INIT;
    pv_date date;
    int age;
    char buf[PV_DATE_STRING_SIZE];
    pv_pnr pnr = PV_PNR_INIT;
    pv_reason reason;
    pv_rule rule;
    size_t count = 99;
    pv_access_row rows[8] = {PV_ACCESS_ROW_INIT};
    pv_timeline_step steps[4] = {PV_TIMELINE_STEP_INIT};
    pv_advice items[4] = {PV_ADVICE_INIT};
    pv_plan plan = PV_PLAN_INIT;
    pv_goal goal = PV_GOAL_INIT;
    pv_permission perm = PV_PERMISSION_INIT;
    pv_query q = PV_QUERY_INIT;
    q.citizen = &c;
    q.actor = &a;
    q.service = &s;
    pv_outcome outcome = PV_OUTCOME_INIT;

    /* ERRORS: a valid call with an error the library cannot write fails, and writes nothing. */
    CU_ASSERT_EQUAL(pv_date_parse("2026-03-04", &date, &e), PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(pv_date_format(on, buf, sizeof buf, &e), PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(pv_date_birthday(on, 13, &date, &e), PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(pv_age_on(c.birth_date, on, &age, &e), PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(pv_pnr_parse("19121212-1212", on, 0, &pnr, &e), PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(pv_reason_from_name("SELF", &reason, &e), PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(pv_rule_from_name("G3", &rule, &e), PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(pv_evaluate(&c, &a, &s, on, &d, &e), PV_ERR_INVALID_INPUT);
    /* V1: fail closed, the decision is the deny for invalid input. */
    CU_ASSERT_EQUAL(d.effect, PV_EFFECT_DENY);
    CU_ASSERT_EQUAL(d.reason, PV_REASON_INVALID_INPUT);
    CU_ASSERT_EQUAL(pv_evaluate(&c, &a, &s, on, NULL, &e), PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(pv_validate(&c, &a, &s, on, &e), PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(pv_evaluate_many(&q, 1, on, &outcome, &e), PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(pv_outcome_to_decision(&outcome, &d, &e), PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(d.reason, PV_REASON_INVALID_INPUT);
    CU_ASSERT_EQUAL(pv_outcome_to_decision(&outcome, NULL, &e), PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(pv_who_can_see(&c, on, rows, 8, &count, &e), PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(count, 0u);
    CU_ASSERT_EQUAL(pv_timeline(&c, &a, &s, on, on, steps, 4, &count, &e), PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(pv_advise(&c, on, items, 4, &count, &e), PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(pv_plan_measures(&c, &goal, on, &plan, &e), PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(pv_may_change(PV_ROLE_CARE, PV_ACTION_LOCK_LOGIN, &c, -1, on, &perm, &e),
                    PV_ERR_INVALID_INPUT);
    CU_ASSERT_TRUE(untouched(&e));
}

static void test_missing_out_parameters(void) {
    const pv_citizen c = adult();
    const pv_date on = D(2026, 3, 4);
    pv_error e = PV_ERROR_INIT;
    pv_date date;
    /* Each names the missing argument. */
    CU_ASSERT_EQUAL(pv_date_parse("2026-03-04", NULL, &e), PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(e.field, "out");
    CU_ASSERT_EQUAL(pv_date_parse(NULL, &date, &e), PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(e.field, "text");
    CU_ASSERT_EQUAL(pv_date_format(on, NULL, 11, &e), PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(e.field, "buf");
    CU_ASSERT_EQUAL(pv_date_birthday(on, 13, NULL, &e), PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(e.field, "out");
    CU_ASSERT_EQUAL(pv_date_birthday(D(2026, 2, 30), 13, &date, &e), PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(e.field, "birth");
    CU_ASSERT_EQUAL(pv_date_birthday(on, -1, &date, &e), PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(e.field, "years");
    CU_ASSERT_EQUAL(pv_date_birthday(D(9990, 1, 1), 13, &date, &e), PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(e.field, "years");
    CU_ASSERT_EQUAL(pv_age_on(on, on, NULL, &e), PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(e.field, "out");
    int age = -1;
    CU_ASSERT_EQUAL(pv_age_on(on, D(2026, 13, 1), &age, &e), PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(e.field, "on");
    CU_ASSERT_EQUAL(pv_age_on(D(2027, 1, 1), on, &age, &e), PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(e.field, "birth");
    CU_ASSERT_EQUAL(pv_pnr_parse("19121212-1212", on, 0, NULL, &e), PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(e.field, "out");
    CU_ASSERT_EQUAL(pv_reason_from_name("SELF", NULL, &e), PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(e.field, "out");
    pv_reason reason;
    CU_ASSERT_EQUAL(pv_reason_from_name(NULL, &reason, &e), PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(e.field, "name");
    CU_ASSERT_EQUAL(pv_rule_from_name("G3", NULL, &e), PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(e.field, "out");
    pv_rule rule;
    CU_ASSERT_EQUAL(pv_rule_from_name(NULL, &rule, &e), PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(e.field, "name");
    CU_ASSERT_EQUAL(pv_rule_from_name("M-ALL", &rule, &e), PV_OK);
    CU_ASSERT_EQUAL(rule, PV_RULE_M_ALL);
    CU_ASSERT_EQUAL(pv_rule_from_name("H5", &rule, &e), PV_OK);
    CU_ASSERT_EQUAL(rule, PV_RULE_H5);

    pv_access_row rows[2] = {PV_ACCESS_ROW_INIT};
    size_t count = 0;
    CU_ASSERT_EQUAL(pv_who_can_see(&c, on, rows, 2, NULL, &e), PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(e.field, "count");
    CU_ASSERT_EQUAL(pv_who_can_see(&c, on, NULL, 2, &count, &e), PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(e.field, "rows");

    const pv_actor a = self_actor();
    const pv_service s = e_services();
    pv_timeline_step steps[2] = {PV_TIMELINE_STEP_INIT};
    CU_ASSERT_EQUAL(pv_timeline(&c, &a, &s, on, on, steps, 2, NULL, &e), PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(e.field, "count");
    CU_ASSERT_EQUAL(pv_timeline(&c, &a, &s, on, on, NULL, 2, &count, &e), PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(e.field, "steps");
    CU_ASSERT_EQUAL(pv_timeline(&c, &a, &s, D(2026, 2, 29), on, steps, 2, &count, &e),
                    PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(e.field, "from");
    CU_ASSERT_EQUAL(pv_timeline(&c, &a, &s, on, D(2026, 2, 29), steps, 2, &count, &e),
                    PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(e.field, "until");
    /* A timeline of one day needs one step; none fits in capacity 0. */
    CU_ASSERT_EQUAL(pv_timeline(&c, &a, &s, on, on, NULL, 0, &count, &e), PV_ERR_BUFFER_TOO_SMALL);
    CU_ASSERT_EQUAL(count, 1u);
    CU_ASSERT_STRING_EQUAL(e.field, "capacity");

    pv_advice items[1] = {PV_ADVICE_INIT};
    CU_ASSERT_EQUAL(pv_advise(&c, on, items, 1, NULL, &e), PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(e.field, "count");
    CU_ASSERT_EQUAL(pv_advise(&c, on, NULL, 1, &count, &e), PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(e.field, "items");
    /* X1 and M-GUARD: a locked login without a case number and a blocked guardian while the
       child's login is not locked... only the first fits in one item. */
    pv_citizen child = PV_CITIZEN_INIT;
    child.birth_date = D(2016, 5, 5);
    child.login_locked = true;
    pv_guardian g[2] = {PV_GUARDIAN_INIT, PV_GUARDIAN_INIT};
    g[0].id = "g1";
    g[1].id = "g2";
    child.guardians = g;
    child.guardian_count = 2;
    /* M-13 (locked under 13 with guardians who keep their proxy) and X1 (no case number). */
    CU_ASSERT_EQUAL(pv_advise(&child, on, items, 1, &count, &e), PV_ERR_BUFFER_TOO_SMALL);
    CU_ASSERT_EQUAL(count, 2u);
    CU_ASSERT_EQUAL(items[0].kind, PV_ADVICE_CHILD_LOCK_CUTS_ALL_GUARDIANS);

    pv_goal goal = PV_GOAL_INIT;
    CU_ASSERT_EQUAL(pv_plan_measures(&c, &goal, on, NULL, &e), PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(e.field, "out");
    pv_plan plan = PV_PLAN_INIT;
    CU_ASSERT_EQUAL(pv_plan_measures(&c, NULL, on, &plan, &e), PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(e.field, "goal");
    goal.kind = PV_GOAL_KIND_COUNT;
    CU_ASSERT_EQUAL(pv_plan_measures(&c, &goal, on, &plan, &e), PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(e.field, "goal.kind");

    pv_permission perm = PV_PERMISSION_INIT;
    CU_ASSERT_EQUAL(pv_may_change(PV_ROLE_CARE, PV_ACTION_SEAL, &c, -1, on, NULL, &e),
                    PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(e.field, "out");
    CU_ASSERT_EQUAL(pv_may_change(PV_ROLE_COUNT, PV_ACTION_SEAL, &c, -1, on, &perm, &e),
                    PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(e.field, "role");
    CU_ASSERT_EQUAL(pv_may_change(PV_ROLE_CARE, PV_ACTION_COUNT, &c, -1, on, &perm, &e),
                    PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(e.field, "action");
    /* X5: a block concerns one guardian: an index past the guardians names nothing. */
    CU_ASSERT_EQUAL(pv_may_change(PV_ROLE_CARE, PV_ACTION_BLOCK_GUARDIAN, &child, 2, on, &perm, &e),
                    PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(e.field, "measure");
    /* X1: a lock concerns no one measure: only -1. */
    CU_ASSERT_EQUAL(pv_may_change(PV_ROLE_CARE, PV_ACTION_LOCK_LOGIN, &c, 0, on, &perm, &e),
                    PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(e.field, "measure");
    CU_ASSERT_EQUAL(pv_may_change(PV_ROLE_CARE, PV_ACTION_LOCK_LOGIN, &c, -2, on, &perm, &e),
                    PV_ERR_INVALID_INPUT);
    CU_ASSERT_FALSE(perm.allowed);

    pv_outcome outcome = PV_OUTCOME_INIT;
    pv_decision d = PV_DECISION_INIT;
    CU_ASSERT_EQUAL(pv_outcome_to_decision(NULL, &d, &e), PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(e.field, "outcome");
    CU_ASSERT_EQUAL(pv_outcome_to_decision(&outcome, NULL, &e), PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(e.field, "out");
}

static void test_decision_accessors_refuse_nothing(void) {
    /* The accessors of a decision answer NULL and out-of-range arguments without a crash. */
    CU_ASSERT_FALSE(pv_decision_has_reason(NULL, PV_REASON_SELF));
    CU_ASSERT_EQUAL(pv_decision_reason_count(NULL), 0);
    CU_ASSERT_EQUAL(pv_decision_reason_at(NULL, 0), PV_REASON_COUNT);
    pv_decision d = PV_DECISION_INIT;
    d.reasons = BIT(UNIT_SEALED);
    d.reason_rules[PV_REASON_UNIT_SEALED] = 250; /* not a rule */
    CU_ASSERT_EQUAL(pv_decision_reason_rule(&d, PV_REASON_UNIT_SEALED), PV_RULE_NONE);
    CU_ASSERT_FALSE(pv_decision_has_reason(&d, PV_REASON_COUNT));
    CU_ASSERT_EQUAL(pv_decision_reason_at(&d, -1), PV_REASON_COUNT);
}

/* T1, N4, A1: "YYMMDD-NNNC" evaluated for 'actor' on 'on'. */
static pv_status eval_pnr(const char *pnr, pv_actor_kind actor, pv_date on, pv_decision *d,
                          pv_error *e) {
    pv_citizen c = PV_CITIZEN_INIT;
    c.personnummer = pnr;
    pv_actor a = self_actor();
    a.kind = actor;
    pv_service s = e_services();
    *d = (pv_decision)PV_DECISION_INIT;
    return pv_evaluate(&c, &a, &s, on, d, e);
}

static void test_t1_n4_leap_day_read_a_century_later(void) {
    /* Born 2000-02-29, written "000229-NNNC": on 2099-12-31 it reads as 2000 (N4); from
       2100-01-01 as 2100-02-29, a date that does not exist (N5): malformed, another answer. */
    char pnr[12];
    ten_digit("000229123", '-', pnr);
    pv_decision d;
    pv_error e = PV_ERROR_INIT;
    CU_ASSERT_EQUAL_FATAL(eval_pnr(pnr, PV_ACTOR_SELF, D(2099, 12, 31), &d, &e), PV_OK);
    CU_ASSERT_EQUAL(d.reason, PV_REASON_SELF);
    CU_ASSERT_EQUAL(pv_date_compare(d.changes_on, D(2100, 1, 1)), 0);
    /* R0 is timeless, but the malformed reading is another answer all the same (T1, V1). */
    CU_ASSERT_EQUAL_FATAL(eval_pnr(pnr, PV_ACTOR_OTHER, D(2099, 12, 31), &d, &e), PV_OK);
    CU_ASSERT_EQUAL(d.reason, PV_REASON_NOT_RELATED);
    CU_ASSERT_EQUAL(pv_date_compare(d.changes_on, D(2100, 1, 1)), 0);
    CU_ASSERT_EQUAL(eval_pnr(pnr, PV_ACTOR_SELF, D(2100, 1, 1), &d, &e), PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(e.field, "citizen.personnummer");
}

static void test_t1_n4_first_of_january_births(void) {
    /* Born 2001-01-01 ("010101-NNNC"): from 2101-01-01 the number reads as born that day, which
       is valid (N4). R0 stays the answer for an unrelated actor: no change (T1). */
    char pnr[12];
    ten_digit("010101123", '-', pnr);
    pv_decision d;
    pv_error e = PV_ERROR_INIT;
    CU_ASSERT_EQUAL_FATAL(eval_pnr(pnr, PV_ACTOR_OTHER, D(2100, 6, 1), &d, &e), PV_OK);
    CU_ASSERT_EQUAL(d.reason, PV_REASON_NOT_RELATED);
    CU_ASSERT_TRUE(pv_date_is_none(d.changes_on));
    /* The citizen: permit SELF (S1) at 99; from 2101-01-01 a newborn: UNDER_13; then the 13th
       birthday of that reading, 2114-01-01, gives SELF again. */
    pv_citizen c = PV_CITIZEN_INIT;
    c.personnummer = pnr;
    pv_actor a = self_actor();
    pv_service s = e_services();
    pv_timeline_step steps[4] = {PV_TIMELINE_STEP_INIT};
    size_t count = 0;
    CU_ASSERT_EQUAL_FATAL(pv_timeline(&c, &a, &s, D(2100, 6, 1), D(2115, 1, 1), steps, 4, &count,
                                      &e),
                          PV_OK);
    CU_ASSERT_EQUAL_FATAL(count, 3u);
    CU_ASSERT_EQUAL(steps[0].decision.reason, PV_REASON_SELF);
    CU_ASSERT_EQUAL(pv_date_compare(steps[1].from, D(2101, 1, 1)), 0);
    CU_ASSERT_EQUAL(steps[1].decision.reason, PV_REASON_UNDER_13);
    CU_ASSERT_EQUAL(pv_date_compare(steps[2].from, D(2114, 1, 1)), 0);
    CU_ASSERT_EQUAL(steps[2].decision.reason, PV_REASON_SELF);
    /* A timeline that reaches a malformed reading (from 2112-01-01, 121212-1212 reads as born
       2112-12-12, after the date) ends there with the V1 deny pv_evaluate() gives that day, and
       pv_evaluate() names the personnummer. */
    c.personnummer = "121212-1212";
    CU_ASSERT_EQUAL(pv_timeline(&c, &a, &s, D(2111, 6, 1), D(2112, 6, 1), steps, 4, &count, &e),
                    PV_OK);
    CU_ASSERT_EQUAL_FATAL(count, 2u);
    CU_ASSERT_EQUAL(steps[0].decision.reason, PV_REASON_SELF);
    CU_ASSERT_EQUAL(pv_date_compare(steps[1].from, D(2112, 1, 1)), 0);
    CU_ASSERT_EQUAL(steps[1].decision.reason, PV_REASON_INVALID_INPUT);
    CU_ASSERT_EQUAL(pv_evaluate(&c, &a, &s, D(2112, 1, 1), &d, &e), PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(e.field, "citizen.personnummer");
}

static void test_pnr_reading_beyond_9999(void) {
    /* N4: read against 9999-12-31, "991231+NNNC" is born in 9899; a century later is past 9999,
       so the reading never moves. */
    char pnr[12];
    ten_digit("991231123", '+', pnr);
    pv_pnr p = PV_PNR_INIT;
    pv_error e = PV_ERROR_INIT;
    CU_ASSERT_EQUAL_FATAL(pv_pnr_parse(pnr, D(9999, 12, 31), 0, &p, &e), PV_OK);
    CU_ASSERT_EQUAL(p.birth_date.year, 9899);
    CU_ASSERT_TRUE(pv_date_is_none(p.reading_changes_on));
    /* T1: a seal in force until the last date there is has no day after it. */
    fixture f;
    fx_init(&f, D(9970, 1, 1), D(9999, 1, 1));
    fx_journal(&f);
    fx_seal(&f, U1, PV_DATE_NONE, D(9999, 12, 31));
    fx_eval(&f);
    CU_ASSERT_EQUAL(f.d.effect, PV_EFFECT_PERMIT);
    CU_ASSERT_TRUE(f.d.filtered);
    CU_ASSERT_TRUE(pv_date_is_none(f.d.changes_on));
}

static void test_case_number_utf8_edges(void) {
    /* Section 8: UTF-8, no control character. Shortest forms only, no surrogates, at most
       U+10FFFF. */
    const char *valid[] = {"Dnr \xE0\xA4\x85", "\xED\x9F\xBF", "\xF0\x90\x80\x80", "\xF4\x8F\xBF\xBF"};
    const char *invalid[] = {"\xE0\x80\x80", "\xED\xA0\x80", "\xF0\x80\x80\x80", "\xF4\x90\x80\x80",
                             "\xF5\x80\x80\x80", "\xC1\xBF", "\xE2\x82"};
    for (size_t i = 0; i < sizeof valid / sizeof valid[0]; i++) {
        fixture f;
        fx_init(&f, D(1980, 1, 1), D(2026, 3, 4));
        f.citizen.login_locked = true;
        f.citizen.login_lock_case_number = valid[i];
        fx_eval(&f);
        CU_ASSERT_EQUAL(f.status, PV_OK);
    }
    for (size_t i = 0; i < sizeof invalid / sizeof invalid[0]; i++) {
        fixture f;
        fx_init(&f, D(1980, 1, 1), D(2026, 3, 4));
        f.citizen.login_lock_case_number = invalid[i];
        fx_eval(&f);
        CU_ASSERT_EQUAL(f.status, PV_ERR_INVALID_INPUT);
        CU_ASSERT_STRING_EQUAL(f.err.field, "citizen.login_lock_case_number");
    }
}

static void test_record_units_and_birth_date(void) {
    /* The distinct units of a record: unit seals, then grants, first mention first. */
    pv_seal seals[3] = {PV_SEAL_INIT, PV_SEAL_INIT, PV_SEAL_INIT};
    seals[0].scope = PV_SEAL_WHOLE;
    seals[1].scope = PV_SEAL_UNIT;
    seals[1].unit = U2;
    seals[2].scope = PV_SEAL_UNIT;
    seals[2].unit = U1;
    pv_grant grants[3] = {PV_GRANT_INIT, PV_GRANT_INIT, PV_GRANT_INIT};
    const char *u3 = "SE2321000016-3GHI";
    grants[0].holder = PV_GRANT_HOLDER_SELF;
    grants[0].unit = U1;
    grants[1].holder = PV_GRANT_HOLDER_SELF;
    grants[1].unit = u3;
    grants[2].holder = PV_GRANT_HOLDER_SELF;
    grants[2].unit = U2;
    pv_citizen c = PV_CITIZEN_INIT;
    c.personnummer = "121212-1212";
    c.seals = seals;
    c.seal_count = 3;
    c.grants = grants;
    c.grant_count = 3;
    const pv_date on = D(2026, 3, 4);
    pv_error e = PV_ERROR_INIT;
    const char *units[4] = {NULL};
    size_t count = 0;
    CU_ASSERT_EQUAL(pv_citizen_units(&c, on, NULL, 0, &count, &e), PV_ERR_BUFFER_TOO_SMALL);
    CU_ASSERT_EQUAL(count, 3u);
    CU_ASSERT_EQUAL_FATAL(pv_citizen_units(&c, on, units, 4, &count, &e), PV_OK);
    CU_ASSERT_EQUAL_FATAL(count, 3u);
    CU_ASSERT_STRING_EQUAL(units[0], U2);
    CU_ASSERT_STRING_EQUAL(units[1], U1);
    CU_ASSERT_STRING_EQUAL(units[2], u3);
    CU_ASSERT_PTR_EQUAL(units[0], seals[1].unit); /* pointers into the record */
    CU_ASSERT_EQUAL(pv_citizen_units(&c, on, units, 4, NULL, &e), PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(e.field, "count");
    CU_ASSERT_EQUAL(pv_citizen_units(&c, on, NULL, 4, &count, &e), PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(e.field, "units");
    pv_error unknown = unknown_error();
    CU_ASSERT_EQUAL(pv_citizen_units(&c, on, units, 4, &count, &unknown), PV_ERR_INVALID_INPUT);
    seals[1].unit = NULL; /* a unit seal without a unit: malformed (section 8) */
    CU_ASSERT_EQUAL(pv_citizen_units(&c, on, units, 4, &count, &e), PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(e.field, "citizen.seals[1].unit");
    CU_ASSERT_EQUAL(count, 0u);
    seals[1].unit = U2;

    /* A3, N4: the birth date read from "121212-1212" against 2026-03-04 is 2012-12-12. */
    pv_date birth;
    CU_ASSERT_EQUAL_FATAL(pv_citizen_birth_date(&c, on, &birth, &e), PV_OK);
    CU_ASSERT_EQUAL(pv_date_compare(birth, D(2012, 12, 12)), 0);
    CU_ASSERT_EQUAL(pv_citizen_birth_date(&c, on, NULL, &e), PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(e.field, "out");
    CU_ASSERT_EQUAL(pv_citizen_birth_date(&c, on, &birth, &unknown), PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(pv_citizen_birth_date(&c, D(2012, 12, 11), &birth, &e), PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(e.field, "citizen.personnummer");
    CU_ASSERT_TRUE(pv_date_is_none(birth));
    CU_ASSERT_TRUE(untouched(&unknown));
}

static void test_layout_is_the_headers(void) {
    /* pv_layout(): what a binding reads instead of repeating the layout. */
    CU_ASSERT_EQUAL(pv_layout(PV_LAYOUT_OUTCOME_SIZE), sizeof(pv_outcome));
    CU_ASSERT_EQUAL(pv_layout(PV_LAYOUT_OUTCOME_REASONS), offsetof(pv_outcome, reasons));
    CU_ASSERT_EQUAL(pv_layout(PV_LAYOUT_OUTCOME_CHANGES_ON), offsetof(pv_outcome, changes_on));
    CU_ASSERT_EQUAL(pv_layout(PV_LAYOUT_OUTCOME_EFFECT), offsetof(pv_outcome, effect));
    CU_ASSERT_EQUAL(pv_layout(PV_LAYOUT_OUTCOME_REASON), offsetof(pv_outcome, reason));
    CU_ASSERT_EQUAL(pv_layout(PV_LAYOUT_OUTCOME_RULE), offsetof(pv_outcome, rule));
    CU_ASSERT_EQUAL(pv_layout(PV_LAYOUT_OUTCOME_FILTERED), offsetof(pv_outcome, filtered));
    CU_ASSERT_EQUAL(pv_layout(PV_LAYOUT_OUTCOME_REASON_RULES), offsetof(pv_outcome, reason_rules));
    CU_ASSERT_EQUAL(pv_layout(PV_LAYOUT_DATE_YEAR), offsetof(pv_date, year));
    CU_ASSERT_EQUAL(pv_layout(PV_LAYOUT_DATE_MONTH), offsetof(pv_date, month));
    CU_ASSERT_EQUAL(pv_layout(PV_LAYOUT_DATE_DAY), offsetof(pv_date, day));
    CU_ASSERT_EQUAL(pv_layout(PV_LAYOUT_REASON_MAX), (size_t)PV_REASON_MAX);
    CU_ASSERT_EQUAL(pv_layout(PV_LAYOUT_ITEM_COUNT), 0u);
    CU_ASSERT_EQUAL(pv_layout((pv_layout_item)-1), 0u);
}

int register_arguments_suite(void) {
    static const pv_test_case cases[] = {
        {"errors: an error of unknown version, every function", test_unknown_error_version_every_function},
        {"errors: missing out-parameters and arguments name themselves", test_missing_out_parameters},
        {"decision accessors: NULL and out-of-range arguments", test_decision_accessors_refuse_nothing},
        {"T1, N4, A1: a 29 February birth read a century later is malformed",
         test_t1_n4_leap_day_read_a_century_later},
        {"T1, N4: a 1 January birth read a century later, in a timeline",
         test_t1_n4_first_of_january_births},
        {"N4, T1: readings and intervals at the end of the calendar", test_pnr_reading_beyond_9999},
        {"section 8: case numbers, UTF-8 edges", test_case_number_utf8_edges},
        {"A3: the units and the birth date of a record", test_record_units_and_birth_date},
        {"pv_layout: sizes and offsets for bindings", test_layout_is_the_headers},
        {NULL, NULL},
    };
    return pv_add_suite("arguments of every function, N4 across centuries", cases);
}
