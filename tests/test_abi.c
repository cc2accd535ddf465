/*
 * test_abi.c — the ABI that can grow and the one error channel (portvakt_core.h, "AN ABI THAT CAN
 * GROW" and "ERRORS"), the caps of RULES.md section 8, and T1 with N4 for a birth date read from
 * a ten-digit personnummer.
 *
 * Every expected value is written from RULES.md and the header comments:
 *   - version 0 is never valid, nor the zero value of an enum that decides who gets in: a struct
 *     that was not initialised, or a member left unset, is PV_ERR_INVALID_INPUT naming it (V1),
 *     with the fail-closed deny — never a permit;
 *   - a version the library does not know is PV_ERR_INVALID_INPUT naming the version field, and
 *     every element of an array carries the version of element 0;
 *   - every function that can fail fills a pv_error on failure and clears it on success, and
 *     takes NULL for it; an error whose version is unknown is not written;
 *   - section 8: more than 16 guardians, 16 representatives, 1,024 seals or 1,024 grants is
 *     malformed;
 *   - T1: changes_on counts 1 January of the year in which reading a ten-digit personnummer
 *     against the date (N4) gives another century.
 */
#include "suites.h"
#include "test_eval_util.h"

#define NONE PV_DATE_NONE
#define ON D(2026, 3, 4)

/* -- helpers ---------------------------------------------------------------------------------- */

/* A pv_error filled with garbage but for its version, so that every field must be written. */
static void garbage_error(pv_error *err) {
    memset(err, 0x5A, sizeof *err);
    err->version = PV_ERROR_VERSION;
}

/* A pv_decision filled with garbage but for its version. */
static void garbage_decision(pv_decision *d) {
    memset(d, 0x5A, sizeof *d);
    d->version = PV_DECISION_VERSION;
}

static pv_actor make_actor(pv_actor_kind kind, const char *id, pv_eid eid) {
    pv_actor a = PV_ACTOR_INIT;
    a.kind = kind;
    a.id = id;
    a.eid = eid;
    return a;
}

static pv_service make_service(pv_service_kind kind) {
    pv_service s = PV_SERVICE_INIT;
    s.kind = kind;
    return s;
}

static pv_citizen adult_citizen(void) {
    pv_citizen c = PV_CITIZEN_INIT;
    c.birth_date = D(1980, 1, 20);
    return c;
}

/* Expects a failed call: 'st' is 'want', and '*err' says so: the same status, rule V1 for
   malformed input (PV_RULE_NONE for a buffer too small), a field ('field', or any non-empty one
   when NULL) and a message. */
static void check_failed(const pv_error *err, pv_status st, pv_status want, const char *field,
                         const char *file, unsigned line) {
    fx_check(st == want, file, line, "status %s, expected %s", pv_status_name(st),
             pv_status_name(want));
    fx_check(err->status == want, file, line, "pv_error.status %s, expected %s",
             pv_status_name(err->status), pv_status_name(want));
    pv_rule rule = want == PV_ERR_INVALID_INPUT ? PV_RULE_V1 : PV_RULE_NONE;
    fx_check(err->rule == rule, file, line, "pv_error.rule %s, expected %s",
             fx_rule_text(err->rule), fx_rule_text(rule));
    fx_check(memchr(err->field, '\0', sizeof err->field) != NULL, file, line,
             "pv_error.field not terminated");
    if (memchr(err->field, '\0', sizeof err->field) == NULL) return;
    if (field != NULL) {
        fx_check(strcmp(err->field, field) == 0, file, line, "field '%.96s', expected '%s'",
                 err->field, field);
    } else {
        fx_check(err->field[0] != '\0', file, line, "no field on a failure");
    }
    fx_check(err->message != NULL && err->message[0] != '\0', file, line,
             "no message on a failure");
}
#define CHECK_FAILED(err, st, want, field)                                                         \
    check_failed((err), (st), (want), (field), __FILE__, __LINE__)

/* Expects a successful call and a cleared pv_error: PV_OK, "", NULL. */
static void check_cleared(const pv_error *err, pv_status st, const char *file, unsigned line) {
    fx_check(st == PV_OK, file, line, "status %s, expected PV_OK (field '%.96s')",
             pv_status_name(st), memchr(err->field, '\0', sizeof err->field) ? err->field : "?");
    fx_check(err->status == PV_OK, file, line, "pv_error.status %s on success",
             pv_status_name(err->status));
    fx_check(err->field[0] == '\0', file, line, "pv_error.field not cleared on success");
    fx_check(err->message == NULL, file, line, "pv_error.message not NULL on success");
}
#define CHECK_CLEARED(err, st) check_cleared((err), (st), __FILE__, __LINE__)

/* Evaluates (c, a, s) on 'on' and expects invalid input naming 'field' with the fail-closed
   deny of V1; pv_decide() and pv_validate() must name the same field. 'field' NULL accepts any
   field (an input with several faults, RULES.md section 8). */
static void expect_invalid_at(const pv_citizen *c, const pv_actor *a, const pv_service *s,
                              pv_date on, const char *field, const char *file, unsigned line) {
    pv_decision d;
    pv_error err;
    garbage_decision(&d);
    garbage_error(&err);
    pv_status st = pv_evaluate(c, a, s, on, &d, &err);
    check_failed(&err, st, PV_ERR_INVALID_INPUT, field, file, line);
    fx_check(d.effect == PV_EFFECT_DENY, file, line, "effect %d on invalid input ('%s')",
             (int)d.effect, field ? field : "?");
    fx_check(d.reason == PV_REASON_INVALID_INPUT, file, line, "reason %s, expected INVALID_INPUT",
             fx_reason_text(d.reason));
    fx_check(d.rule == PV_RULE_V1, file, line, "rule %s, expected V1", fx_rule_text(d.rule));
    fx_check(d.reasons == BIT(INVALID_INPUT), file, line, "reasons other than INVALID_INPUT");
    fx_check(!d.filtered && pv_date_is_none(d.changes_on), file, line,
             "filtered or changes_on on invalid input");
    char first[PV_FIELD_PATH_SIZE];
    memcpy(first, err.field, sizeof first);
    first[sizeof first - 1] = '\0';

    garbage_decision(&d);
    garbage_error(&err);
    st = pv_decide(c, a, s, on, &d, &err);
    check_failed(&err, st, PV_ERR_INVALID_INPUT, first, file, line);
    fx_check(d.effect == PV_EFFECT_DENY && d.reason == PV_REASON_INVALID_INPUT, file, line,
             "pv_decide(): not the fail-closed deny");
    garbage_error(&err);
    st = pv_validate(c, a, s, on, &err);
    check_failed(&err, st, PV_ERR_INVALID_INPUT, first, file, line);
}
#define EXPECT_INVALID_AT(c, a, s, on, field)                                                      \
    expect_invalid_at((c), (a), (s), (on), (field), __FILE__, __LINE__)

/* -- zero fails closed: every public input struct ---------------------------------------- */

static void test_zero_citizen_actor_service(void) {
    fixture f;
    fx_init(&f, D(1980, 1, 20), ON);
    EXPECT_PERMIT(&f, SELF, S1, false);
    f.citizen = (pv_citizen){0};
    EXPECT_INVALID(&f, "citizen.version");
    fx_init(&f, D(1980, 1, 20), ON);
    f.actor = (pv_actor){0};
    EXPECT_INVALID(&f, "actor.version");
    fx_init(&f, D(1980, 1, 20), ON);
    f.service = (pv_service){0};
    EXPECT_INVALID(&f, "service.version");
    /* a record filled in but for its version */
    fx_init(&f, D(1980, 1, 20), ON);
    f.citizen.version = 0;
    EXPECT_INVALID(&f, "citizen.version");
    fx_init(&f, D(1980, 1, 20), ON);
    f.actor.version = 0;
    EXPECT_INVALID(&f, "actor.version");
    fx_init(&f, D(1980, 1, 20), ON);
    f.service.version = 0;
    EXPECT_INVALID(&f, "service.version");
}

static void test_zero_array_elements(void) {
    fixture f;
    fx_init(&f, D(1980, 1, 20), ON);
    fx_seal_always(&f, U1);
    EXPECT_PERMIT(&f, SELF, S1, false);
    f.seals[0] = (pv_seal){0};
    EXPECT_INVALID(&f, "citizen.seals[0].version");

    fx_init(&f, D(1980, 1, 20), ON);
    f.guardians[0] = (pv_guardian){0};
    EXPECT_INVALID(&f, "citizen.guardians[0].version");

    fx_init(&f, D(1980, 1, 20), ON);
    fx_grant(&f, PV_GRANT_HOLDER_SELF, U1, NONE, NONE);
    EXPECT_PERMIT(&f, SELF, S1, false);
    f.grants[0] = (pv_grant){0};
    EXPECT_INVALID(&f, "citizen.grants[0].version");

    fx_init(&f, D(1980, 1, 20), ON);
    f.reps[0] = (pv_representative){0};
    EXPECT_INVALID(&f, "citizen.representatives[0].version");
}

/* The original finding: an adult citizen with an actor and a service that were never
   initialised must not be a permit. */
static void test_zero_actor_and_service_is_not_a_permit(void) {
    pv_citizen c = adult_citizen();
    pv_actor a = {0};
    pv_service s = {0};
    pv_decision d;
    pv_error err;
    garbage_decision(&d);
    garbage_error(&err);
    pv_status st = pv_evaluate(&c, &a, &s, ON, &d, &err);
    CU_ASSERT_EQUAL(st, PV_ERR_INVALID_INPUT);
    CU_ASSERT_NOT_EQUAL(d.effect, PV_EFFECT_PERMIT);
    CU_ASSERT_EQUAL(d.effect, PV_EFFECT_DENY);
    CU_ASSERT_EQUAL(d.reason, PV_REASON_INVALID_INPUT);
    CU_ASSERT_EQUAL(d.rule, PV_RULE_V1);
    CU_ASSERT_TRUE(strcmp(err.field, "actor.version") == 0 ||
                   strcmp(err.field, "service.version") == 0);
    /* nor with a NULL error, nor through pv_decide() */
    garbage_decision(&d);
    CU_ASSERT_EQUAL(pv_evaluate(&c, &a, &s, ON, &d, NULL), PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(d.effect, PV_EFFECT_DENY);
    garbage_decision(&d);
    CU_ASSERT_EQUAL(pv_decide(&c, &a, &s, ON, &d, NULL), PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(d.effect, PV_EFFECT_DENY);
    /* each on its own */
    pv_actor self = make_actor(PV_ACTOR_SELF, NULL, PV_EID_BANKID);
    pv_service es = make_service(PV_SERVICE_E_SERVICES);
    EXPECT_INVALID_AT(&c, &a, &es, ON, "actor.version");
    EXPECT_INVALID_AT(&c, &self, &s, ON, "service.version");
    /* and the same citizen, actor and service initialised: a permit (S1) */
    garbage_decision(&d);
    CU_ASSERT_EQUAL(pv_evaluate(&c, &self, &es, ON, &d, NULL), PV_OK);
    CU_ASSERT_EQUAL(d.effect, PV_EFFECT_PERMIT);
    /* a citizen never initialised, whatever the actor */
    pv_citizen zero = {0};
    EXPECT_INVALID_AT(&zero, &self, &es, ON, "citizen.version");
}

/* pv_evaluate_many(): a request never initialised. */
static void test_zero_query(void) {
    pv_citizen c = adult_citizen();
    pv_actor self = make_actor(PV_ACTOR_SELF, NULL, PV_EID_BANKID);
    pv_service es = make_service(PV_SERVICE_E_SERVICES);
    pv_query q[2] = {{0}, PV_QUERY_INIT};
    q[0].citizen = &c;
    q[0].actor = &self;
    q[0].service = &es;
    q[1].citizen = &c;
    q[1].actor = &self;
    q[1].service = &es;
    pv_outcome o[2];
    memset(o, 0x5A, sizeof o);
    o[0].version = PV_OUTCOME_VERSION;
    pv_error err;
    garbage_error(&err);
    pv_status st = pv_evaluate_many(q, 2, ON, o, &err);
    CHECK_FAILED(&err, st, PV_ERR_INVALID_INPUT, "queries[0].version");
    /* no outcome is a permit (the header: no outcome is written at all) */
    CU_ASSERT_NOT_EQUAL(o[0].effect, PV_EFFECT_PERMIT);
    CU_ASSERT_NOT_EQUAL(o[1].effect, PV_EFFECT_PERMIT);

    /* every element carries the version of element 0: a later one that differs is named */
    q[0].version = PV_QUERY_VERSION;
    q[1].version = 0;
    memset(o, 0x5A, sizeof o);
    o[0].version = PV_OUTCOME_VERSION;
    garbage_error(&err);
    st = pv_evaluate_many(q, 2, ON, o, &err);
    CHECK_FAILED(&err, st, PV_ERR_INVALID_INPUT, "queries[1].version");
    CU_ASSERT_NOT_EQUAL(o[1].effect, PV_EFFECT_PERMIT);
    q[1].version = PV_QUERY_VERSION + 1;
    garbage_error(&err);
    st = pv_evaluate_many(q, 2, ON, o, &err);
    CHECK_FAILED(&err, st, PV_ERR_INVALID_INPUT, "queries[1].version");
    CU_ASSERT_NOT_EQUAL(o[1].effect, PV_EFFECT_PERMIT);

    /* initialised: both permitted (S1) */
    q[1].version = PV_QUERY_VERSION;
    garbage_error(&err);
    st = pv_evaluate_many(q, 2, ON, o, &err);
    CHECK_CLEARED(&err, st);
    CU_ASSERT_EQUAL(o[0].effect, PV_EFFECT_PERMIT);
    CU_ASSERT_EQUAL(o[1].effect, PV_EFFECT_PERMIT);
}

/* pv_plan_measures(): a goal never initialised. */
static void test_zero_goal(void) {
    pv_citizen c = adult_citizen();
    pv_goal g = {0};
    pv_plan p = PV_PLAN_INIT;
    pv_error err;
    garbage_error(&err);
    pv_status st = pv_plan_measures(&c, &g, ON, &p, &err);
    CHECK_FAILED(&err, st, PV_ERR_INVALID_INPUT, "goal.version");
    CU_ASSERT_FALSE(p.holds);
    /* the same goal initialised (PV_GOAL_NOTHING) plans and holds (M-ALL) */
    g = (pv_goal)PV_GOAL_INIT;
    p = (pv_plan)PV_PLAN_INIT;
    garbage_error(&err);
    st = pv_plan_measures(&c, &g, ON, &p, &err);
    CHECK_CLEARED(&err, st);
    CU_ASSERT_TRUE(p.holds);
}

/* pv_outcome_to_decision(): an outcome never initialised. */
static void test_zero_outcome(void) {
    pv_outcome o = {0};
    pv_decision d;
    pv_error err;
    garbage_decision(&d);
    garbage_error(&err);
    pv_status st = pv_outcome_to_decision(&o, &d, &err);
    CHECK_FAILED(&err, st, PV_ERR_INVALID_INPUT, "outcome.version");
    CU_ASSERT_EQUAL(d.effect, PV_EFFECT_DENY);
    CU_ASSERT_EQUAL(d.reason, PV_REASON_INVALID_INPUT);
    /* a version the library does not know */
    o = (pv_outcome)PV_OUTCOME_INIT;
    o.version = PV_OUTCOME_VERSION + 1;
    garbage_error(&err);
    st = pv_outcome_to_decision(&o, &d, &err);
    CHECK_FAILED(&err, st, PV_ERR_INVALID_INPUT, "outcome.version");
    CU_ASSERT_EQUAL(d.effect, PV_EFFECT_DENY);
}

/* -- members left unset ------------------------------------------------------------------------ */

static void test_unset_enums(void) {
    pv_citizen c = adult_citizen();
    pv_service es = make_service(PV_SERVICE_E_SERVICES);
    pv_actor self = make_actor(PV_ACTOR_SELF, NULL, PV_EID_BANKID);

    /* PV_ACTOR_INIT leaves the kind and the e-ID unset: both must be set */
    pv_actor a = PV_ACTOR_INIT;
    a.eid = PV_EID_BANKID;
    EXPECT_INVALID_AT(&c, &a, &es, ON, "actor.kind");
    a = (pv_actor)PV_ACTOR_INIT;
    a.kind = PV_ACTOR_SELF;
    EXPECT_INVALID_AT(&c, &a, &es, ON, "actor.eid");
    a = (pv_actor)PV_ACTOR_INIT;
    EXPECT_INVALID_AT(&c, &a, &es, ON, NULL);
    /* an unrelated actor without an e-ID is invalid, not NOT_RELATED (V1 before R0) */
    a = (pv_actor)PV_ACTOR_INIT;
    a.kind = PV_ACTOR_OTHER;
    EXPECT_INVALID_AT(&c, &a, &es, ON, "actor.eid");

    /* PV_SERVICE_INIT leaves the kind unset */
    pv_service s = PV_SERVICE_INIT;
    EXPECT_INVALID_AT(&c, &self, &s, ON, "service.kind");
    s.unit = U1;
    s.channel = PV_CHANNEL_DIRECT;
    EXPECT_INVALID_AT(&c, &self, &s, ON, "service.kind");

    /* PV_SEAL_INIT leaves the scope unset */
    pv_seal seal = PV_SEAL_INIT;
    c.seals = &seal;
    c.seal_count = 1;
    EXPECT_INVALID_AT(&c, &self, &es, ON, "citizen.seals[0].scope");
    seal.unit = U1;
    EXPECT_INVALID_AT(&c, &self, &es, ON, "citizen.seals[0].scope");
    seal.scope = PV_SEAL_UNIT;
    pv_decision d = PV_DECISION_INIT;
    CU_ASSERT_EQUAL(pv_evaluate(&c, &self, &es, ON, &d, NULL), PV_OK);

    /* a representative has no default kind (section 8) */
    c = adult_citizen();
    pv_representative r = PV_REPRESENTATIVE_INIT;
    r.id = "r1";
    r.cares_for_person = true;
    r.consent = true;
    r.court_order = true;
    c.representatives = &r;
    c.representative_count = 1;
    pv_actor rep = make_actor(PV_ACTOR_REPRESENTATIVE, "r1", PV_EID_BANKID);
    pv_service jr = make_service(PV_SERVICE_JOURNAL);
    EXPECT_INVALID_AT(&c, &rep, &jr, ON, "citizen.representatives[0].kind");
    EXPECT_INVALID_AT(&c, &self, &es, ON, "citizen.representatives[0].kind");
    r.kind = PV_REPRESENTATIVE_GOD_MAN;
    garbage_decision(&d);
    CU_ASSERT_EQUAL(pv_evaluate(&c, &rep, &jr, ON, &d, NULL), PV_OK);
    CU_ASSERT_EQUAL(d.reason, PV_REASON_REPRESENTATIVE);
}

/* -- versions the library does not know ------------------------------------------------------- */

static void test_unknown_versions(void) {
    static const uint32_t unknown[] = {PV_CITIZEN_VERSION + 1, 0xFFFFFFFFu};
    fixture f;
    for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++) {
        fx_init(&f, D(1980, 1, 20), ON);
        f.citizen.version = unknown[i];
        EXPECT_INVALID(&f, "citizen.version");
        fx_init(&f, D(1980, 1, 20), ON);
        f.actor.version = i == 0 ? PV_ACTOR_VERSION + 1 : unknown[i];
        EXPECT_INVALID(&f, "actor.version");
        fx_init(&f, D(1980, 1, 20), ON);
        f.service.version = i == 0 ? PV_SERVICE_VERSION + 1 : unknown[i];
        EXPECT_INVALID(&f, "service.version");
    }
}

static void test_array_elements_with_different_versions(void) {
    fixture f;
    /* seals: element 1 differs from element 0 */
    fx_init(&f, D(1980, 1, 20), ON);
    fx_seal_always(&f, U1);
    fx_seal_always(&f, U2);
    EXPECT_PERMIT(&f, SELF, S1, false);
    f.seals[1].version = PV_SEAL_VERSION + 1;
    EXPECT_INVALID(&f, "citizen.seals[1].version");
    f.seals[1].version = 0;
    EXPECT_INVALID(&f, "citizen.seals[1].version");
    /* element 0 of a version the library does not know: element 0 is named */
    fx_init(&f, D(1980, 1, 20), ON);
    fx_seal_always(&f, U1);
    fx_seal_always(&f, U2);
    f.seals[0].version = PV_SEAL_VERSION + 1;
    f.seals[1].version = PV_SEAL_VERSION + 1;
    EXPECT_INVALID(&f, "citizen.seals[0].version");
    /* guardians, grants, representatives */
    fx_init(&f, D(1980, 1, 20), ON);
    f.guardians[1].version = PV_GUARDIAN_VERSION + 1;
    EXPECT_INVALID(&f, "citizen.guardians[1].version");
    fx_init(&f, D(1980, 1, 20), ON);
    fx_grant(&f, PV_GRANT_HOLDER_SELF, U1, NONE, NONE);
    fx_grant(&f, "g1", U2, NONE, NONE);
    EXPECT_PERMIT(&f, SELF, S1, false);
    f.grants[1].version = 0;
    EXPECT_INVALID(&f, "citizen.grants[1].version");
    fx_init(&f, D(1980, 1, 20), ON);
    fx_add_rep(&f, "r2");
    EXPECT_PERMIT(&f, SELF, S1, false);
    f.reps[1].version = 0xFFFFFFFFu;
    EXPECT_INVALID(&f, "citizen.representatives[1].version");
}

/* -- outputs not initialised ------------------------------------------------------------------ */

static void test_output_decision_version(void) {
    pv_citizen c = adult_citizen();
    pv_actor self = make_actor(PV_ACTOR_SELF, NULL, PV_EID_BANKID);
    pv_service es = make_service(PV_SERVICE_E_SERVICES);
    static const uint32_t unknown[] = {0, PV_DECISION_VERSION + 1};
    for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++) {
        pv_decision d;
        pv_error err;
        /* valid input that would be a permit: the decision still gets the fail-closed deny of
           version 1 and the call fails naming it */
        memset(&d, 0x5A, sizeof d);
        d.version = unknown[i];
        garbage_error(&err);
        pv_status st = pv_evaluate(&c, &self, &es, ON, &d, &err);
        CHECK_FAILED(&err, st, PV_ERR_INVALID_INPUT, "out.version");
        CU_ASSERT_EQUAL(d.effect, PV_EFFECT_DENY);
        CU_ASSERT_EQUAL(d.reason, PV_REASON_INVALID_INPUT);
        memset(&d, 0x5A, sizeof d);
        d.version = unknown[i];
        garbage_error(&err);
        st = pv_decide(&c, &self, &es, ON, &d, &err);
        CHECK_FAILED(&err, st, PV_ERR_INVALID_INPUT, "out.version");
        CU_ASSERT_EQUAL(d.effect, PV_EFFECT_DENY);
        CU_ASSERT_EQUAL(d.reason, PV_REASON_INVALID_INPUT);
        /* pv_outcome_to_decision() writes a decision too */
        pv_outcome o = PV_OUTCOME_INIT;
        o.effect = PV_EFFECT_PERMIT;
        o.reason = PV_REASON_SELF;
        o.rule = PV_RULE_S1;
        memset(&d, 0x5A, sizeof d);
        d.version = unknown[i];
        garbage_error(&err);
        st = pv_outcome_to_decision(&o, &d, &err);
        CHECK_FAILED(&err, st, PV_ERR_INVALID_INPUT, "out.version");
        CU_ASSERT_EQUAL(d.effect, PV_EFFECT_DENY);
        CU_ASSERT_EQUAL(d.reason, PV_REASON_INVALID_INPUT);
    }
}

static void test_output_arrays_version(void) {
    fixture f;
    fx_init(&f, D(1980, 1, 20), ON);
    pv_error err;
    size_t count = 99;

    /* pv_who_can_see(): rows[0] gives the layout */
    pv_access_row rows[8];
    memset(rows, 0, sizeof rows);
    garbage_error(&err);
    pv_status st = pv_who_can_see(&f.citizen, f.on, rows, 8, &count, &err);
    CHECK_FAILED(&err, st, PV_ERR_INVALID_INPUT, "rows[0].version");
    CU_ASSERT_EQUAL(count, 0u);
    rows[0].version = PV_ACCESS_ROW_VERSION + 1;
    count = 99;
    garbage_error(&err);
    st = pv_who_can_see(&f.citizen, f.on, rows, 8, &count, &err);
    CHECK_FAILED(&err, st, PV_ERR_INVALID_INPUT, "rows[0].version");
    CU_ASSERT_EQUAL(count, 0u);
    rows[0] = (pv_access_row)PV_ACCESS_ROW_INIT;
    garbage_error(&err);
    st = pv_who_can_see(&f.citizen, f.on, rows, 8, &count, &err);
    CHECK_CLEARED(&err, st);
    CU_ASSERT_EQUAL(count, 8u); /* self, g1, g2, r1 x (e-services, journal) */

    /* pv_timeline(): steps[0] */
    pv_actor self = make_actor(PV_ACTOR_SELF, NULL, PV_EID_BANKID);
    pv_service es = make_service(PV_SERVICE_E_SERVICES);
    pv_timeline_step steps[4];
    memset(steps, 0, sizeof steps);
    count = 99;
    garbage_error(&err);
    st = pv_timeline(&f.citizen, &self, &es, D(2026, 1, 1), D(2026, 12, 31), steps, 4, &count,
                     &err);
    CHECK_FAILED(&err, st, PV_ERR_INVALID_INPUT, "steps[0].version");
    CU_ASSERT_EQUAL(count, 0u);
    steps[0] = (pv_timeline_step)PV_TIMELINE_STEP_INIT;
    garbage_error(&err);
    st = pv_timeline(&f.citizen, &self, &es, D(2026, 1, 1), D(2026, 12, 31), steps, 4, &count,
                     &err);
    CHECK_CLEARED(&err, st);
    CU_ASSERT_EQUAL(count, 1u);

    /* pv_advise(): items[0] */
    pv_advice items[4];
    memset(items, 0, sizeof items);
    f.citizen.login_locked = true; /* X1: a lock without a case number is one item */
    count = 99;
    garbage_error(&err);
    st = pv_advise(&f.citizen, f.on, items, 4, &count, &err);
    CHECK_FAILED(&err, st, PV_ERR_INVALID_INPUT, "items[0].version");
    CU_ASSERT_EQUAL(count, 0u);
    items[0] = (pv_advice)PV_ADVICE_INIT;
    garbage_error(&err);
    st = pv_advise(&f.citizen, f.on, items, 4, &count, &err);
    CHECK_CLEARED(&err, st);
    CU_ASSERT_EQUAL(count, 1u);
    f.citizen.login_locked = false;

    /* pv_evaluate_many(): outcomes[0]; no outcome is written */
    pv_query q = PV_QUERY_INIT;
    q.citizen = &f.citizen;
    q.actor = &self;
    q.service = &es;
    pv_outcome o[1];
    memset(o, 0, sizeof o);
    garbage_error(&err);
    st = pv_evaluate_many(&q, 1, ON, o, &err);
    CHECK_FAILED(&err, st, PV_ERR_INVALID_INPUT, "outcomes[0].version");
    CU_ASSERT_EQUAL(o[0].version, 0u);
    CU_ASSERT_NOT_EQUAL(o[0].effect, PV_EFFECT_PERMIT);
    o[0] = (pv_outcome)PV_OUTCOME_INIT;
    garbage_error(&err);
    st = pv_evaluate_many(&q, 1, ON, o, &err);
    CHECK_CLEARED(&err, st);
    CU_ASSERT_EQUAL(o[0].effect, PV_EFFECT_PERMIT);
}

static void test_output_structs_version(void) {
    fixture f;
    fx_init(&f, D(1980, 1, 20), ON);
    pv_error err;

    /* pv_plan */
    pv_goal g = PV_GOAL_INIT;
    pv_plan p;
    memset(&p, 0, sizeof p);
    garbage_error(&err);
    pv_status st = pv_plan_measures(&f.citizen, &g, ON, &p, &err);
    CHECK_FAILED(&err, st, PV_ERR_INVALID_INPUT, "out.version");
    CU_ASSERT_FALSE(p.holds);

    /* pv_permission */
    pv_permission perm;
    memset(&perm, 0, sizeof perm);
    garbage_error(&err);
    st = pv_may_change(PV_ROLE_CARE, PV_ACTION_LOCK_LOGIN, &f.citizen, -1, ON, &perm, &err);
    CHECK_FAILED(&err, st, PV_ERR_INVALID_INPUT, "out.version");
    CU_ASSERT_FALSE(perm.allowed);
    perm = (pv_permission)PV_PERMISSION_INIT;
    garbage_error(&err);
    st = pv_may_change(PV_ROLE_CARE, PV_ACTION_LOCK_LOGIN, &f.citizen, -1, ON, &perm, &err);
    CHECK_CLEARED(&err, st);
    CU_ASSERT_TRUE(perm.allowed);

    /* pv_pnr (the header names "out.version") */
    pv_pnr pnr;
    memset(&pnr, 0, sizeof pnr);
    garbage_error(&err);
    st = pv_pnr_parse("121212-1212", ON, 0, &pnr, &err);
    CHECK_FAILED(&err, st, PV_ERR_INVALID_INPUT, "out.version");
}

/* An error whose version the library does not know is not written, and the call fails. */
static void test_error_of_unknown_version_is_not_written(void) {
    static const uint32_t unknown[] = {0, PV_ERROR_VERSION + 1};
    pv_citizen c = adult_citizen();
    pv_actor self = make_actor(PV_ACTOR_SELF, NULL, PV_EID_BANKID);
    pv_service es = make_service(PV_SERVICE_E_SERVICES);
    for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++) {
        pv_error err, before;
        memset(&err, 0x5A, sizeof err);
        err.version = unknown[i];
        before = err;
        pv_decision d;
        garbage_decision(&d);
        /* valid input that would be a permit */
        CU_ASSERT_EQUAL(pv_evaluate(&c, &self, &es, ON, &d, &err), PV_ERR_INVALID_INPUT);
        CU_ASSERT_EQUAL(memcmp(&err, &before, sizeof err), 0);
        CU_ASSERT_EQUAL(d.effect, PV_EFFECT_DENY);
        CU_ASSERT_EQUAL(d.reason, PV_REASON_INVALID_INPUT);
        CU_ASSERT_EQUAL(d.rule, PV_RULE_V1);
        /* pv_decide() and pv_validate() alike */
        garbage_decision(&d);
        CU_ASSERT_EQUAL(pv_decide(&c, &self, &es, ON, &d, &err), PV_ERR_INVALID_INPUT);
        CU_ASSERT_EQUAL(memcmp(&err, &before, sizeof err), 0);
        CU_ASSERT_EQUAL(d.effect, PV_EFFECT_DENY);
        CU_ASSERT_EQUAL(pv_validate(&c, &self, &es, ON, &err), PV_ERR_INVALID_INPUT);
        CU_ASSERT_EQUAL(memcmp(&err, &before, sizeof err), 0);
        /* and a function without a decision */
        pv_date date = D(2000, 1, 1);
        CU_ASSERT_EQUAL(pv_date_parse("2026-03-04", &date, &err), PV_ERR_INVALID_INPUT);
        CU_ASSERT_EQUAL(memcmp(&err, &before, sizeof err), 0);
    }
}

/* -- the caps of section 8 --------------------------------------------------------------------- */

enum {
    ID_SIZE = 16
};

static void test_cap_guardians(void) {
    static pv_guardian guardians[PV_MAX_GUARDIANS + 1];
    static char ids[PV_MAX_GUARDIANS + 1][ID_SIZE];
    CU_ASSERT_EQUAL(PV_MAX_GUARDIANS, 16);
    for (size_t i = 0; i < PV_MAX_GUARDIANS + 1; i++) {
        snprintf(ids[i], ID_SIZE, "g%zu", i);
        guardians[i] = (pv_guardian)PV_GUARDIAN_INIT;
        guardians[i].id = ids[i];
    }
    fixture f;
    fx_init(&f, D(1980, 1, 20), ON);
    f.citizen.guardians = guardians;
    f.citizen.guardian_count = PV_MAX_GUARDIANS;
    EXPECT_PERMIT(&f, SELF, S1, false);
    f.citizen.guardian_count = PV_MAX_GUARDIANS + 1;
    EXPECT_INVALID(&f, "citizen.guardians");
}

static void test_cap_representatives(void) {
    static pv_representative reps[PV_MAX_REPRESENTATIVES + 1];
    static char ids[PV_MAX_REPRESENTATIVES + 1][ID_SIZE];
    CU_ASSERT_EQUAL(PV_MAX_REPRESENTATIVES, 16);
    for (size_t i = 0; i < PV_MAX_REPRESENTATIVES + 1; i++) {
        snprintf(ids[i], ID_SIZE, "r%zu", i);
        reps[i] = (pv_representative)PV_REPRESENTATIVE_INIT;
        reps[i].id = ids[i];
        reps[i].kind = PV_REPRESENTATIVE_FORVALTARE;
        reps[i].cares_for_person = true;
        reps[i].consent = true;
        reps[i].court_order = true;
    }
    fixture f;
    fx_init(&f, D(1980, 1, 20), ON);
    f.citizen.representatives = reps;
    f.citizen.representative_count = PV_MAX_REPRESENTATIVES;
    EXPECT_PERMIT(&f, SELF, S1, false);
    fx_rep(&f, "r15");
    fx_journal(&f);
    EXPECT_PERMIT(&f, REPRESENTATIVE, P2, false);
    f.citizen.representative_count = PV_MAX_REPRESENTATIVES + 1;
    EXPECT_INVALID(&f, "citizen.representatives");
}

static void test_cap_seals(void) {
    static pv_seal seals[PV_MAX_SEALS + 1];
    CU_ASSERT_EQUAL(PV_MAX_SEALS, 1024);
    for (size_t i = 0; i < PV_MAX_SEALS + 1; i++) {
        seals[i] = (pv_seal)PV_SEAL_INIT;
        seals[i].scope = PV_SEAL_UNIT;
        seals[i].unit = i % 2 == 0 ? U1 : U2;
    }
    fixture f;
    fx_init(&f, D(1980, 1, 20), ON);
    f.citizen.seals = seals;
    f.citizen.seal_count = PV_MAX_SEALS;
    EXPECT_PERMIT(&f, SELF, S1, false); /* J5: seals never affect e-services */
    fx_journal_unit(&f, U1);
    EXPECT_DENY(&f, BIT(UNIT_SEALED), J2);
    f.citizen.seal_count = PV_MAX_SEALS + 1;
    EXPECT_INVALID(&f, "citizen.seals");
    fx_eservices(&f);
    EXPECT_INVALID(&f, "citizen.seals");
}

static void test_cap_grants(void) {
    static pv_grant grants[PV_MAX_GRANTS + 1];
    CU_ASSERT_EQUAL(PV_MAX_GRANTS, 1024);
    for (size_t i = 0; i < PV_MAX_GRANTS + 1; i++) {
        grants[i] = (pv_grant)PV_GRANT_INIT;
        grants[i].holder = i % 2 == 0 ? PV_GRANT_HOLDER_SELF : "g1";
        grants[i].unit = U1;
    }
    fixture f;
    fx_init(&f, D(2011, 7, 1), ON); /* 14: D1 */
    f.citizen.grants = grants;
    f.citizen.grant_count = PV_MAX_GRANTS;
    fx_journal_unit(&f, U1);
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D1, false);
    f.citizen.grant_count = PV_MAX_GRANTS + 1;
    EXPECT_INVALID(&f, "citizen.grants");
}

/* -- the error channel of every function that can fail --------------------------------------- */

static void test_error_channel_dates(void) {
    pv_error err;
    pv_date d = NONE;
    int years = 0;
    char buf[PV_DATE_STRING_SIZE];

    garbage_error(&err);
    CHECK_FAILED(&err, pv_date_parse("2023-02-29", &d, &err), PV_ERR_INVALID_INPUT, "text");
    CHECK_CLEARED(&err, pv_date_parse("2026-03-04", &d, &err));
    CU_ASSERT_EQUAL(pv_date_parse("2023-02-29", &d, NULL), PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(pv_date_parse("2026-03-04", &d, NULL), PV_OK);

    garbage_error(&err);
    CHECK_FAILED(&err, pv_age_on(D(2026, 3, 5), D(2026, 3, 4), &years, &err),
                 PV_ERR_INVALID_INPUT, NULL);
    CHECK_CLEARED(&err, pv_age_on(D(2013, 3, 4), D(2026, 3, 4), &years, &err));
    CU_ASSERT_EQUAL(years, 13);
    CU_ASSERT_EQUAL(pv_age_on(D(2026, 3, 5), D(2026, 3, 4), &years, NULL), PV_ERR_INVALID_INPUT);

    garbage_error(&err);
    CHECK_FAILED(&err, pv_date_birthday(D(2013, 3, 4), -1, &d, &err), PV_ERR_INVALID_INPUT, NULL);
    CHECK_CLEARED(&err, pv_date_birthday(D(2013, 3, 4), 13, &d, &err));
    CU_ASSERT_EQUAL(pv_date_compare(d, D(2026, 3, 4)), 0);
    CU_ASSERT_EQUAL(pv_date_birthday(D(2023, 2, 29), 13, &d, NULL), PV_ERR_INVALID_INPUT);

    garbage_error(&err);
    CHECK_FAILED(&err, pv_date_format(D(2023, 2, 29), buf, sizeof buf, &err),
                 PV_ERR_INVALID_INPUT, NULL);
    CHECK_CLEARED(&err, pv_date_format(D(2026, 3, 4), buf, sizeof buf, &err));
    /* a buffer too small is not malformed input: rule NONE (the header) */
    CHECK_FAILED(&err, pv_date_format(D(2026, 3, 4), buf, sizeof buf - 1, &err),
                 PV_ERR_BUFFER_TOO_SMALL, NULL);
    CU_ASSERT_EQUAL(pv_date_format(D(2026, 3, 4), buf, sizeof buf - 1, NULL),
                    PV_ERR_BUFFER_TOO_SMALL);
}

static void test_error_channel_pnr_and_names(void) {
    pv_error err;
    pv_pnr p = PV_PNR_INIT;
    garbage_error(&err);
    CHECK_FAILED(&err, pv_pnr_parse("121212-1213", ON, 0, &p, &err), PV_ERR_INVALID_INPUT,
                 "text");
    CHECK_CLEARED(&err, pv_pnr_parse("121212-1212", ON, 0, &p, &err));
    CHECK_FAILED(&err, pv_pnr_parse("121212-1212", D(2026, 2, 30), 0, &p, &err),
                 PV_ERR_INVALID_INPUT, "reference");
    CU_ASSERT_EQUAL(pv_pnr_parse("121212-1213", ON, 0, &p, NULL), PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(pv_pnr_parse("121212-1212", ON, 0, &p, NULL), PV_OK);

    pv_reason reason = PV_REASON_SELF;
    garbage_error(&err);
    CHECK_FAILED(&err, pv_reason_from_name("NOPE", &reason, &err), PV_ERR_INVALID_INPUT, "name");
    CHECK_CLEARED(&err, pv_reason_from_name("UNIT_SEALED", &reason, &err));
    CU_ASSERT_EQUAL(reason, PV_REASON_UNIT_SEALED);
    CU_ASSERT_EQUAL(pv_reason_from_name("NOPE", &reason, NULL), PV_ERR_INVALID_INPUT);

    pv_rule rule = PV_RULE_NONE;
    garbage_error(&err);
    CHECK_FAILED(&err, pv_rule_from_name("J9", &rule, &err), PV_ERR_INVALID_INPUT, "name");
    CHECK_CLEARED(&err, pv_rule_from_name("J4", &rule, &err));
    CU_ASSERT_EQUAL(rule, PV_RULE_J4);
    CU_ASSERT_EQUAL(pv_rule_from_name("J9", &rule, NULL), PV_ERR_INVALID_INPUT);
}

static void test_error_channel_evaluation(void) {
    fixture f;
    fx_init(&f, D(1980, 1, 20), ON);
    pv_decision d = PV_DECISION_INIT;
    pv_error err;

    garbage_error(&err);
    CHECK_FAILED(&err, pv_evaluate(&f.citizen, &f.actor, &f.service, D(2026, 2, 29), &d, &err),
                 PV_ERR_INVALID_INPUT, "on");
    CHECK_CLEARED(&err, pv_evaluate(&f.citizen, &f.actor, &f.service, ON, &d, &err));
    CU_ASSERT_EQUAL(d.effect, PV_EFFECT_PERMIT);
    CU_ASSERT_EQUAL(pv_evaluate(&f.citizen, &f.actor, &f.service, D(2026, 2, 29), &d, NULL),
                    PV_ERR_INVALID_INPUT);

    garbage_error(&err);
    CHECK_FAILED(&err, pv_decide(&f.citizen, &f.actor, &f.service, D(2026, 2, 29), &d, &err),
                 PV_ERR_INVALID_INPUT, "on");
    CHECK_CLEARED(&err, pv_decide(&f.citizen, &f.actor, &f.service, ON, &d, &err));
    CU_ASSERT_EQUAL(pv_decide(&f.citizen, &f.actor, &f.service, D(2026, 2, 29), &d, NULL),
                    PV_ERR_INVALID_INPUT);

    garbage_error(&err);
    CHECK_FAILED(&err, pv_validate(&f.citizen, &f.actor, &f.service, D(2026, 2, 29), &err),
                 PV_ERR_INVALID_INPUT, "on");
    CHECK_CLEARED(&err, pv_validate(&f.citizen, &f.actor, &f.service, ON, &err));
    CU_ASSERT_EQUAL(pv_validate(&f.citizen, &f.actor, &f.service, D(2026, 2, 29), NULL),
                    PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(pv_validate(&f.citizen, &f.actor, &f.service, ON, NULL), PV_OK);
}

static void test_error_channel_batch(void) {
    fixture f;
    fx_init(&f, D(1980, 1, 20), ON);
    pv_query q[2] = {PV_QUERY_INIT, PV_QUERY_INIT};
    for (int i = 0; i < 2; i++) {
        q[i].citizen = &f.citizen;
        q[i].actor = &f.actor;
        q[i].service = &f.service;
    }
    pv_actor no_id = make_actor(PV_ACTOR_GUARDIAN, NULL, PV_EID_BANKID);
    pv_outcome o[2] = {PV_OUTCOME_INIT};
    pv_error err;

    /* the first invalid request, with its index */
    q[1].actor = &no_id;
    garbage_error(&err);
    CHECK_FAILED(&err, pv_evaluate_many(q, 2, ON, o, &err), PV_ERR_INVALID_INPUT,
                 "queries[1].actor.id");
    CU_ASSERT_EQUAL(o[0].effect, PV_EFFECT_PERMIT);
    CU_ASSERT_EQUAL(o[1].reason, PV_REASON_INVALID_INPUT);
    /* a bad date is named "on" */
    q[1].actor = &f.actor;
    garbage_error(&err);
    CHECK_FAILED(&err, pv_evaluate_many(q, 2, D(2026, 2, 29), o, &err), PV_ERR_INVALID_INPUT,
                 "on");
    CHECK_CLEARED(&err, pv_evaluate_many(q, 2, ON, o, &err));
    CU_ASSERT_EQUAL(pv_evaluate_many(q, 2, D(2026, 2, 29), o, NULL), PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(pv_evaluate_many(q, 2, ON, o, NULL), PV_OK);

    pv_decision d = PV_DECISION_INIT;
    pv_outcome bad = o[0];
    bad.reason = PV_REASON_COUNT;
    garbage_error(&err);
    CHECK_FAILED(&err, pv_outcome_to_decision(&bad, &d, &err), PV_ERR_INVALID_INPUT, NULL);
    CHECK_CLEARED(&err, pv_outcome_to_decision(&o[0], &d, &err));
    CU_ASSERT_EQUAL(d.effect, PV_EFFECT_PERMIT);
    CU_ASSERT_EQUAL(pv_outcome_to_decision(&bad, &d, NULL), PV_ERR_INVALID_INPUT);
}

static void test_error_channel_beyond(void) {
    fixture f;
    fx_init(&f, D(1980, 1, 20), ON);
    pv_error err;
    size_t count = 0;

    /* pv_who_can_see: a capacity too small is PV_ERR_BUFFER_TOO_SMALL in the error too */
    pv_access_row rows[8] = {PV_ACCESS_ROW_INIT};
    garbage_error(&err);
    CHECK_FAILED(&err, pv_who_can_see(&f.citizen, f.on, rows, 2, &count, &err),
                 PV_ERR_BUFFER_TOO_SMALL, NULL);
    CU_ASSERT_EQUAL(count, 8u); /* self, g1, g2, r1 x (e-services, journal) */
    CHECK_CLEARED(&err, pv_who_can_see(&f.citizen, f.on, rows, 8, &count, &err));
    CHECK_FAILED(&err, pv_who_can_see(&f.citizen, D(2026, 2, 29), rows, 8, &count, &err),
                 PV_ERR_INVALID_INPUT, "on");
    CU_ASSERT_EQUAL(pv_who_can_see(&f.citizen, f.on, rows, 2, &count, NULL),
                    PV_ERR_BUFFER_TOO_SMALL);
    CU_ASSERT_EQUAL(pv_who_can_see(&f.citizen, f.on, rows, 8, &count, NULL), PV_OK);

    /* pv_timeline: 'until' before 'from' names "until" */
    pv_timeline_step steps[4] = {PV_TIMELINE_STEP_INIT};
    garbage_error(&err);
    CHECK_FAILED(&err,
                 pv_timeline(&f.citizen, &f.actor, &f.service, D(2026, 12, 31), D(2026, 1, 1),
                             steps, 4, &count, &err),
                 PV_ERR_INVALID_INPUT, "until");
    CHECK_CLEARED(&err, pv_timeline(&f.citizen, &f.actor, &f.service, D(2026, 1, 1),
                                    D(2026, 12, 31), steps, 4, &count, &err));
    /* a malformed 'from' is named "from" in place of "on" */
    CHECK_FAILED(&err,
                 pv_timeline(&f.citizen, &f.actor, &f.service, D(2026, 2, 30), D(2026, 12, 31),
                             steps, 4, &count, &err),
                 PV_ERR_INVALID_INPUT, "from");
    /* a citizen born after 'from': named as pv_evaluate() names it on that date */
    CHECK_FAILED(&err,
                 pv_timeline(&f.citizen, &f.actor, &f.service, D(1979, 1, 1), D(2026, 12, 31),
                             steps, 4, &count, &err),
                 PV_ERR_INVALID_INPUT, "citizen.birth_date");
    CU_ASSERT_EQUAL(pv_timeline(&f.citizen, &f.actor, &f.service, D(2026, 12, 31), D(2026, 1, 1),
                                steps, 4, &count, NULL),
                    PV_ERR_INVALID_INPUT);

    /* pv_advise */
    pv_advice items[4] = {PV_ADVICE_INIT};
    garbage_error(&err);
    CHECK_FAILED(&err, pv_advise(&f.citizen, D(2026, 2, 29), items, 4, &count, &err),
                 PV_ERR_INVALID_INPUT, "on");
    CHECK_CLEARED(&err, pv_advise(&f.citizen, f.on, items, 4, &count, &err));
    CU_ASSERT_EQUAL(pv_advise(&f.citizen, D(2026, 2, 29), items, 4, &count, NULL),
                    PV_ERR_INVALID_INPUT);

    /* pv_plan_measures */
    pv_goal g = PV_GOAL_INIT;
    g.kind = PV_GOAL_KIND_COUNT;
    pv_plan p = PV_PLAN_INIT;
    garbage_error(&err);
    CHECK_FAILED(&err, pv_plan_measures(&f.citizen, &g, f.on, &p, &err), PV_ERR_INVALID_INPUT,
                 "goal.kind");
    g.kind = PV_GOAL_NOTHING;
    CHECK_CLEARED(&err, pv_plan_measures(&f.citizen, &g, f.on, &p, &err));
    g.kind = PV_GOAL_KIND_COUNT;
    CU_ASSERT_EQUAL(pv_plan_measures(&f.citizen, &g, f.on, &p, NULL), PV_ERR_INVALID_INPUT);

    /* pv_may_change: an unseal without a measure index; the index is required (X4) */
    fx_seal_always(&f, NULL)->requested_by = PV_REQUESTER_CITIZEN;
    pv_permission perm = PV_PERMISSION_INIT;
    garbage_error(&err);
    CHECK_FAILED(&err,
                 pv_may_change(PV_ROLE_CENTRAL_SUPPORT, PV_ACTION_UNSEAL, &f.citizen, -1, f.on,
                               &perm, &err),
                 PV_ERR_INVALID_INPUT, "measure");
    CU_ASSERT_PTR_NOT_NULL_FATAL(err.message);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "required"));
    CU_ASSERT_FALSE(perm.allowed);
    CHECK_CLEARED(&err, pv_may_change(PV_ROLE_CENTRAL_SUPPORT, PV_ACTION_UNSEAL, &f.citizen, 0,
                                      f.on, &perm, &err));
    CU_ASSERT_TRUE(perm.allowed);
    CU_ASSERT_EQUAL(pv_may_change(PV_ROLE_CENTRAL_SUPPORT, PV_ACTION_UNSEAL, &f.citizen, -1, f.on,
                                  &perm, NULL),
                    PV_ERR_INVALID_INPUT);
}

/* -- T1 and N4: a birth date read from a ten-digit personnummer ------------------------------ */

static void test_t1_n4_ten_digit_reading_changes(void) {
    /* "121212-1212" (check digit: 1 2 1 2 1 2 1 2 1 weighted 2 1 2 1 ... gives 2 nine times,
       sum 18, so C = 2). Against 2111-12-31, N4 reads the year ending in 12 within
       [2012, 2111]: 2012, a citizen of 99. Against any date of 2112 the window is
       [2013, 2112]: 2112, a birth after the evaluation date — malformed (section 8). The
       decision changes on 1 January 2112 (T1). */
    static const char *const ten_digit[] = {"121212-1212", "1212121212"};
    fixture f;
    for (size_t i = 0; i < sizeof ten_digit / sizeof ten_digit[0]; i++) {
        fx_init(&f, NONE, D(2111, 12, 31));
        f.citizen.personnummer = ten_digit[i];
        EXPECT_PERMIT(&f, SELF, S1, false);
        EXPECT_CHANGES_ON(&f, D(2112, 1, 1));
        f.on = D(2112, 1, 1);
        EXPECT_INVALID(&f, "citizen.personnummer");
        /* and the day before, the same as on 2111-12-31 */
        f.on = D(2111, 12, 30);
        EXPECT_CHANGES_ON(&f, D(2112, 1, 1));
    }
    /* the twelve-digit form carries its century: no such date */
    fx_init(&f, NONE, D(2111, 12, 31));
    f.citizen.personnummer = "201212121212";
    EXPECT_PERMIT(&f, SELF, S1, false);
    EXPECT_CHANGES_ON(&f, NONE);
    f.on = D(2112, 1, 1);
    EXPECT_PERMIT(&f, SELF, S1, false);
    /* the same birth date given as a date: no such date either */
    fx_init(&f, D(2012, 12, 12), D(2111, 12, 31));
    EXPECT_CHANGES_ON(&f, NONE);
}

static void test_t1_n4_plus_form(void) {
    /* "121212+1212": with '+' N4 reads the year ending in 12 within [ref - 199, ref - 100].
       Against 2111-12-31 that is [1912, 2011]: 1912. Against 2112 it is [1913, 2012]: 2012.
       The reading moves on 2112-01-01 too; the citizen is 199, then 99: both adults, the same
       decision for every actor and service — by T1's definition (not its candidate list) the
       decision does not change then. */
    pv_pnr p = PV_PNR_INIT;
    CU_ASSERT_EQUAL_FATAL(pv_pnr_parse("121212+1212", D(2111, 12, 31), 0, &p, NULL), PV_OK);
    CU_ASSERT_EQUAL(pv_date_compare(p.birth_date, D(1912, 12, 12)), 0);
    CU_ASSERT_EQUAL(pv_date_compare(p.reading_changes_on, D(2112, 1, 1)), 0);
    CU_ASSERT_FALSE(pv_date_is_none(p.reading_changes_on));
    p = (pv_pnr)PV_PNR_INIT;
    CU_ASSERT_EQUAL_FATAL(pv_pnr_parse("121212+1212", D(2112, 1, 1), 0, &p, NULL), PV_OK);
    CU_ASSERT_EQUAL(pv_date_compare(p.birth_date, D(2012, 12, 12)), 0);
    CU_ASSERT_EQUAL(pv_date_compare(p.reading_changes_on, D(2212, 1, 1)), 0);

    fixture f;
    fx_init(&f, NONE, D(2111, 12, 31));
    f.citizen.personnummer = "121212+1212";
    EXPECT_PERMIT(&f, SELF, S1, false);
    EXPECT_CHANGES_ON(&f, NONE);
    fx_journal(&f);
    EXPECT_PERMIT(&f, SELF, S2, false);
    EXPECT_CHANGES_ON(&f, NONE);
    f.on = D(2112, 1, 1);
    EXPECT_PERMIT(&f, SELF, S2, false);
}

static void test_t1_n4_reading_change_to_a_valid_decision(void) {
    /* "010101-1237" (0 1 0 1 0 1 1 2 3: products 0 1 0 1 0 1 2 2 6, sum 13, C = 7). Against
       2100-12-31: [2001, 2100], born 2001-01-01, 99, S1 permit. Against 2101-01-01: [2002, 2101],
       born 2101-01-01, on the day of evaluation: valid, 0 years old, UNDER_13 (S1). So the
       decision changes on 2101-01-01, and from then on at the 13th birthday, 2114-01-01. */
    fixture f;
    fx_init(&f, NONE, D(2100, 12, 31));
    f.citizen.personnummer = "010101-1237";
    EXPECT_PERMIT(&f, SELF, S1, false);
    EXPECT_CHANGES_ON(&f, D(2101, 1, 1));
    f.on = D(2101, 1, 1);
    EXPECT_DENY(&f, BIT(UNDER_13), S1);
    EXPECT_CHANGES_ON(&f, D(2114, 1, 1));
    /* The same reading change for an actor whose decision does not depend on the age: the
       representative's journal (P2) is permitted on both dates, an unrelated actor denied
       (R0) on both — by T1's definition nothing changes on 2101-01-01. */
    fx_init(&f, NONE, D(2100, 12, 31));
    f.citizen.personnummer = "010101-1237";
    fx_rep(&f, "r1");
    fx_journal(&f);
    EXPECT_PERMIT(&f, REPRESENTATIVE, P2, false);
    EXPECT_CHANGES_ON(&f, NONE);
    f.on = D(2101, 1, 1);
    EXPECT_PERMIT(&f, REPRESENTATIVE, P2, false);
    f.on = D(2100, 12, 31);
    fx_other(&f);
    EXPECT_DENY(&f, BIT(NOT_RELATED), R0);
    EXPECT_CHANGES_ON(&f, NONE);
    f.on = D(2101, 1, 1);
    EXPECT_DENY(&f, BIT(NOT_RELATED), R0);

    pv_pnr p = PV_PNR_INIT;
    CU_ASSERT_EQUAL_FATAL(pv_pnr_parse("010101-1237", D(2100, 12, 31), 0, &p, NULL), PV_OK);
    CU_ASSERT_EQUAL(pv_date_compare(p.birth_date, D(2001, 1, 1)), 0);
    CU_ASSERT_EQUAL(pv_date_compare(p.reading_changes_on, D(2101, 1, 1)), 0);
    p = (pv_pnr)PV_PNR_INIT;
    CU_ASSERT_EQUAL_FATAL(pv_pnr_parse("20010101-1237", D(2100, 12, 31), 0, &p, NULL), PV_OK);
    CU_ASSERT_TRUE(pv_date_is_none(p.reading_changes_on));
}

static void test_personnummer_and_birth_date_disagree(void) {
    /* Section 8: a citizen with both a birth date and a personnummer that do not agree is
       malformed, named citizen.personnummer. */
    fixture f;
    fx_init(&f, D(2012, 12, 13), ON);
    f.citizen.personnummer = "20121212-1212";
    EXPECT_INVALID(&f, "citizen.personnummer");
    f.citizen.personnummer = "121212-1212"; /* 2012 against 2026 */
    EXPECT_INVALID(&f, "citizen.personnummer");
    f.citizen.birth_date = D(2012, 12, 12); /* agreeing: 13 on 2025-12-12 */
    EXPECT_PERMIT(&f, SELF, S1, false);
    f.citizen.personnummer = "121212+1212"; /* 1912 */
    EXPECT_INVALID(&f, "citizen.personnummer");
    f.citizen.birth_date = D(1912, 12, 12);
    EXPECT_PERMIT(&f, SELF, S1, false);
}

int register_abi_suite(void) {
    static const pv_test_case cases[] = {
        {"ABI: a zero citizen, actor or service fails closed (V1)",
         test_zero_citizen_actor_service},
        {"ABI: zero seals, guardians, grants, representatives fail closed",
         test_zero_array_elements},
        {"ABI: an adult with a zero actor and service is not a permit",
         test_zero_actor_and_service_is_not_a_permit},
        {"ABI: a zero query (pv_evaluate_many)", test_zero_query},
        {"ABI: a zero goal (pv_plan_measures)", test_zero_goal},
        {"ABI: a zero outcome (pv_outcome_to_decision)", test_zero_outcome},
        {"ABI: enums left unset (actor kind, e-ID, service kind, seal scope, representative kind)",
         test_unset_enums},
        {"ABI: versions the library does not know", test_unknown_versions},
        {"ABI: array elements with different versions",
         test_array_elements_with_different_versions},
        {"ABI: a decision of unknown version gets the fail-closed deny",
         test_output_decision_version},
        {"ABI: output arrays not initialised (rows, steps, items, outcomes)",
         test_output_arrays_version},
        {"ABI: output structs not initialised (plan, permission, pnr)",
         test_output_structs_version},
        {"ABI: an error of unknown version is not written",
         test_error_of_unknown_version_is_not_written},
        {"section 8: at most 16 guardians", test_cap_guardians},
        {"section 8: at most 16 representatives", test_cap_representatives},
        {"section 8: at most 1,024 seals", test_cap_seals},
        {"section 8: at most 1,024 grants", test_cap_grants},
        {"errors: dates", test_error_channel_dates},
        {"errors: personnummer and names", test_error_channel_pnr_and_names},
        {"errors: pv_evaluate, pv_decide, pv_validate", test_error_channel_evaluation},
        {"errors: pv_evaluate_many, pv_outcome_to_decision", test_error_channel_batch},
        {"errors: who, timeline, advise, plan, may", test_error_channel_beyond},
        {"T1, N4: a ten-digit personnummer read in another century",
         test_t1_n4_ten_digit_reading_changes},
        {"T1, N4: the '+' form", test_t1_n4_plus_form},
        {"T1, N4: a reading change to a valid decision",
         test_t1_n4_reading_change_to_a_valid_decision},
        {"section 8: birth date and personnummer disagree",
         test_personnummer_and_birth_date_disagree},
        {NULL, NULL},
    };
    return pv_add_suite("ABI, errors and caps", cases);
}
