/* test_batch.c — pv_evaluate_many(): the answer to every request is the answer of pv_evaluate()
   (RULES.md section 3 and T1), over the seeded request mix of bench/mix.h expanded into runs of
   requests per citizen; and malformed input (V1, section 8) denies exactly the requests it
   concerns, the pv_error naming the first one by its index ("queries[3].actor.id"). The number
   of invalid requests is counted from the outcomes (reason INVALID_INPUT). */
#include <stdlib.h>

#include "mix.h"
#include "suites.h"
#include "test_eval_util.h"

/* Citizens of the mix used here, and the requests made of each: every actor in the record plus
   the mix's own actor and an unrelated one, asking for every service of the record. */
enum {
    CITIZENS = 600,
    ACTORS_MAX = 2 + MIX_MAX_GUARDIANS + MIX_MAX_REPRESENTATIVES + 1,
    SERVICES_MAX = 5 + MIX_MAX_SEALS + MIX_MAX_GRANTS,
    PER_CITIZEN = ACTORS_MAX * SERVICES_MAX,
    QUERIES_MAX = CITIZENS * PER_CITIZEN
};

typedef struct workload {
    mix_request mix[CITIZENS];
    pv_actor actors[CITIZENS][ACTORS_MAX];
    pv_service services[CITIZENS][SERVICES_MAX];
    pv_query queries[QUERIES_MAX];
    size_t first[CITIZENS + 1]; /* the requests of citizen c are first[c] .. first[c + 1] */
    pv_outcome outcomes[QUERIES_MAX];
} workload;

/* An actor and a service initialised with their PV_*_INIT. */
static pv_actor make_actor(pv_actor_kind kind, const char *id, pv_eid eid) {
    pv_actor a = PV_ACTOR_INIT;
    a.kind = kind;
    a.id = id;
    a.eid = eid;
    return a;
}

static pv_service make_service(pv_service_kind kind, pv_channel channel, const char *unit,
                               pv_date entry) {
    pv_service s = PV_SERVICE_INIT;
    s.kind = kind;
    s.channel = channel;
    s.unit = unit;
    s.entry_date = entry;
    return s;
}

static pv_query make_query(const pv_citizen *c, const pv_actor *a, const pv_service *s) {
    pv_query q = PV_QUERY_INIT;
    q.citizen = c;
    q.actor = a;
    q.service = s;
    return q;
}

/* The number of outcomes[0 .. n) that are the deny for invalid input. */
static size_t count_invalid(const pv_outcome *outcomes, size_t n) {
    size_t invalid = 0;
    for (size_t i = 0; i < n; i++) invalid += outcomes[i].reason == PV_REASON_INVALID_INPUT;
    return invalid;
}

/* The field pv_evaluate_many() names for request 'index' whose own field is 'field'. */
static const char *query_field(char *buf, size_t size, size_t index, const char *field) {
    snprintf(buf, size, "queries[%zu].%s", index, field);
    return buf;
}

/* A pv_error filled with garbage but for its version, so that every field must be written. */
static void garbage_error(pv_error *err) {
    memset(err, 0x5A, sizeof *err);
    err->version = PV_ERROR_VERSION;
}

static size_t add_actors(const mix_request *m, pv_actor *out) {
    size_t n = 0;
    out[n++] = m->actor;
    out[n++] = make_actor(PV_ACTOR_SELF, NULL, PV_EID_BANKID);
    for (size_t g = 0; g < m->citizen.guardian_count; g++) {
        out[n++] = make_actor(PV_ACTOR_GUARDIAN, m->guardians[g].id, PV_EID_FREJA_PLUS);
    }
    for (size_t r = 0; r < m->citizen.representative_count; r++) {
        out[n++] = make_actor(PV_ACTOR_REPRESENTATIVE, m->representatives[r].id, PV_EID_BANKID);
    }
    out[n++] = make_actor(PV_ACTOR_OTHER, NULL, PV_EID_BANKID);
    return n;
}

static size_t add_services(const mix_request *m, pv_service *out) {
    size_t n = 0;
    out[n++] = m->service;
    out[n++] = make_service(PV_SERVICE_E_SERVICES, PV_CHANNEL_PORTAL, NULL, PV_DATE_NONE);
    out[n++] = make_service(PV_SERVICE_JOURNAL, PV_CHANNEL_PORTAL, NULL, PV_DATE_NONE);
    out[n++] = make_service(PV_SERVICE_JOURNAL, PV_CHANNEL_DIRECT, NULL, PV_DATE_NONE);
    for (size_t s = 0; s < m->citizen.seal_count; s++) {
        if (m->seals[s].unit == NULL) continue;
        out[n++] =
            make_service(PV_SERVICE_JOURNAL, PV_CHANNEL_PORTAL, m->seals[s].unit, PV_DATE_NONE);
    }
    for (size_t g = 0; g < m->citizen.grant_count; g++) {
        out[n++] =
            make_service(PV_SERVICE_JOURNAL, PV_CHANNEL_DIRECT, m->grants[g].unit, PV_DATE_NONE);
    }
    out[n++] = make_service(PV_SERVICE_JOURNAL, PV_CHANNEL_PORTAL, "SE2321000016-15CQ",
                            D(2025, 3, 1));
    return n;
}

static workload *workload_new(uint64_t seed, bool personnummer) {
    workload *w = calloc(1, sizeof *w);
    if (w == NULL) return NULL;
    mix_generate(w->mix, CITIZENS, seed);
    mix_use_personnummer(w->mix, CITIZENS, personnummer);
    size_t k = 0;
    for (size_t c = 0; c < CITIZENS; c++) {
        w->first[c] = k;
        size_t na = add_actors(&w->mix[c], w->actors[c]);
        size_t ns = add_services(&w->mix[c], w->services[c]);
        for (size_t a = 0; a < na; a++) {
            for (size_t s = 0; s < ns; s++) {
                w->queries[k++] =
                    make_query(&w->mix[c].citizen, &w->actors[c][a], &w->services[c][s]);
            }
        }
    }
    w->first[CITIZENS] = k;
    /* Each batch below starts at another outcome: each of them is an element 0. */
    for (size_t i = 0; i < QUERIES_MAX; i++) w->outcomes[i].version = PV_OUTCOME_VERSION;
    return w;
}

/* The outcome of request 'q' agrees with pv_evaluate() on 'on'. Returns false and says why on
   the first disagreement. */
static bool agrees(const pv_query *q, pv_date on, const pv_outcome *o, size_t index) {
    pv_decision e = PV_DECISION_INIT, d = PV_DECISION_INIT;
    pv_status es = pv_evaluate(q->citizen, q->actor, q->service, on, &e, NULL);
    CU_ASSERT_EQUAL_FATAL(pv_outcome_to_decision(o, &d, NULL), PV_OK);
    bool same = o->version == PV_OUTCOME_VERSION && d.effect == e.effect &&
                d.reason == e.reason && d.reasons == e.reasons && d.rule == e.rule &&
                d.filtered == e.filtered &&
                memcmp(d.reason_rules, e.reason_rules, sizeof d.reason_rules) == 0 &&
                pv_date_compare(d.changes_on, e.changes_on) == 0 &&
                (es == PV_OK) == (o->reason != PV_REASON_INVALID_INPUT);
    if (!same) {
        fprintf(stderr,
                "\n  request %zu: pv_evaluate %s %s changes_on %d-%d-%d, batch %s %s "
                "changes_on %d-%d-%d\n",
                index, pv_effect_name(e.effect), pv_reason_name(e.reason), e.changes_on.year,
                e.changes_on.month, e.changes_on.day, pv_effect_name(d.effect),
                pv_reason_name(d.reason), d.changes_on.year, d.changes_on.month, d.changes_on.day);
    }
    return same;
}

/* Every request of the workload, one batch per citizen on the mix's date for it, then the whole
   workload as one batch on one date (on which some citizens are not born yet: invalid runs). */
static void check_workload(bool personnummer) {
    workload *w = workload_new(MIX_DEFAULT_SEED, personnummer);
    CU_ASSERT_PTR_NOT_NULL_FATAL(w);
    size_t disagreements = 0, permits = 0, changes = 0;
    for (size_t c = 0; c < CITIZENS; c++) {
        size_t n = w->first[c + 1] - w->first[c];
        const pv_query *q = &w->queries[w->first[c]];
        pv_error err;
        garbage_error(&err);
        CU_ASSERT_EQUAL(pv_evaluate_many(q, n, w->mix[c].on, &w->outcomes[w->first[c]], &err),
                        PV_OK);
        CU_ASSERT_EQUAL(count_invalid(&w->outcomes[w->first[c]], n), 0);
        CU_ASSERT_EQUAL(err.status, PV_OK);
        CU_ASSERT_STRING_EQUAL(err.field, "");
        CU_ASSERT_PTR_NULL(err.message);
        for (size_t i = 0; i < n; i++) {
            const pv_outcome *o = &w->outcomes[w->first[c] + i];
            if (!agrees(&q[i], w->mix[c].on, o, w->first[c] + i)) disagreements++;
            permits += o->effect == PV_EFFECT_PERMIT;
            changes += !pv_date_is_none(o->changes_on);
        }
    }
    size_t total = w->first[CITIZENS];
    CU_ASSERT_EQUAL(disagreements, 0);
    /* The workload is varied: permits and denies, decisions that change and that do not. */
    CU_ASSERT_TRUE(total > 20 * CITIZENS);
    CU_ASSERT_TRUE(permits > total / 10 && permits < total - total / 10);
    CU_ASSERT_TRUE(changes > total / 20);

    /* One batch, one date: citizens born after it are invalid input (section 8). */
    const pv_date on = D(2026, 1, 15);
    pv_error err;
    garbage_error(&err);
    pv_status status = pv_evaluate_many(w->queries, total, on, w->outcomes, &err);
    size_t invalid = 0, first_invalid = total;
    for (size_t i = 0; i < total; i++) {
        if (!agrees(&w->queries[i], on, &w->outcomes[i], i)) disagreements++;
        if (w->outcomes[i].reason == PV_REASON_INVALID_INPUT && invalid++ == 0) first_invalid = i;
    }
    CU_ASSERT_EQUAL(disagreements, 0);
    CU_ASSERT_TRUE(invalid > 0);
    CU_ASSERT_EQUAL(status, PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(count_invalid(w->outcomes, total), invalid);
    CU_ASSERT_EQUAL(err.status, PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(err.rule, PV_RULE_V1);
    /* the first invalid request, named by its index and pv_evaluate()'s field for it */
    CU_ASSERT_FATAL(first_invalid < total);
    pv_decision e = PV_DECISION_INIT;
    pv_error e_err = PV_ERROR_INIT;
    const pv_query *q = &w->queries[first_invalid];
    CU_ASSERT_EQUAL(pv_evaluate(q->citizen, q->actor, q->service, on, &e, &e_err),
                    PV_ERR_INVALID_INPUT);
    char want[PV_FIELD_PATH_SIZE];
    CU_ASSERT_STRING_EQUAL(err.field, query_field(want, sizeof want, first_invalid, e_err.field));
    CU_ASSERT_TRUE(err.message != NULL && e_err.message != NULL &&
                   strcmp(err.message, e_err.message) == 0);
    free(w);
}

static void test_batch_equals_pv_evaluate(void) {
    check_workload(false);
}

static void test_batch_equals_pv_evaluate_personnummer(void) {
    /* A3: the birth date from the personnummer, parsed once per run. */
    check_workload(true);
}

/* -- malformed input (V1, section 8) -------------------------------------------------------- */

/* Outcome 'o' is the fail-closed deny of V1. */
#define EXPECT_OUTCOME_INVALID(o)                                                                  \
    do {                                                                                           \
        CU_ASSERT_EQUAL((o).version, PV_OUTCOME_VERSION);                                          \
        CU_ASSERT_EQUAL((o).effect, PV_EFFECT_DENY);                                               \
        CU_ASSERT_EQUAL((o).reason, PV_REASON_INVALID_INPUT);                                      \
        CU_ASSERT_EQUAL((o).reasons, BIT(INVALID_INPUT));                                          \
        CU_ASSERT_EQUAL((o).rule, PV_RULE_V1);                                                     \
        CU_ASSERT_EQUAL((o).reason_rules[PV_REASON_INVALID_INPUT], PV_RULE_V1);                    \
        CU_ASSERT_FALSE((o).filtered);                                                             \
        CU_ASSERT_TRUE(pv_date_is_none((o).changes_on));                                           \
    } while (0)

/* A guardian's child of 10 and its 40-year-old parent, each with guardian "g1". */
typedef struct two_records {
    fixture child, adult;
    pv_actor guardian, self;
    pv_service e_services, journal;
    pv_query q[6];
    pv_outcome o[6];
    pv_error err;
} two_records;

static void two_records_init(two_records *t) {
    memset(t, 0, sizeof *t);
    fx_init(&t->child, D(2016, 5, 1), D(2026, 11, 29));
    fx_init(&t->adult, D(1986, 5, 1), D(2026, 11, 29));
    t->guardian = make_actor(PV_ACTOR_GUARDIAN, "g1", PV_EID_BANKID);
    t->self = make_actor(PV_ACTOR_SELF, NULL, PV_EID_BANKID);
    t->e_services = make_service(PV_SERVICE_E_SERVICES, PV_CHANNEL_PORTAL, NULL, PV_DATE_NONE);
    t->journal = make_service(PV_SERVICE_JOURNAL, PV_CHANNEL_PORTAL, NULL, PV_DATE_NONE);
    t->err = (pv_error)PV_ERROR_INIT;
    /* child: guardian e-services, guardian journal, self e-services; adult: the same. */
    const pv_citizen *citizens[2] = {&t->child.citizen, &t->adult.citizen};
    for (int c = 0; c < 2; c++) {
        t->q[3 * c + 0] = make_query(citizens[c], &t->guardian, &t->e_services);
        t->q[3 * c + 1] = make_query(citizens[c], &t->guardian, &t->journal);
        t->q[3 * c + 2] = make_query(citizens[c], &t->self, &t->e_services);
    }
}

/* Outcomes filled with garbage but for the version of o[0]. */
static void garbage_outcomes(two_records *t) {
    memset(t->o, 0x5A, sizeof t->o);
    t->o[0].version = PV_OUTCOME_VERSION;
}

static pv_status run(two_records *t) {
    garbage_outcomes(t);
    garbage_error(&t->err);
    pv_status st = pv_evaluate_many(t->q, 6, D(2026, 11, 29), t->o, &t->err);
    CU_ASSERT_EQUAL(t->err.status, st);
    if (st == PV_ERR_INVALID_INPUT) {
        CU_ASSERT_EQUAL(t->err.rule, PV_RULE_V1);
        CU_ASSERT_PTR_NOT_NULL(t->err.message);
    }
    return st;
}

static void test_batch_valid_requests_expected_answers(void) {
    two_records t;
    two_records_init(&t);
    CU_ASSERT_EQUAL(run(&t), PV_OK);
    /* G1, G2: the guardian of a child under 13 acts in e-services and reads the journal. */
    CU_ASSERT_EQUAL(t.o[0].effect, PV_EFFECT_PERMIT);
    CU_ASSERT_EQUAL(t.o[0].reason, PV_REASON_GUARDIAN_PROXY);
    CU_ASSERT_EQUAL(t.o[0].rule, PV_RULE_G1);
    CU_ASSERT_EQUAL(t.o[0].reasons, 0);
    /* T1: until the 13th birthday. */
    CU_ASSERT_EQUAL(pv_date_compare(t.o[0].changes_on, D(2029, 5, 1)), 0);
    CU_ASSERT_EQUAL(t.o[1].reason, PV_REASON_GUARDIAN_PROXY);
    CU_ASSERT_EQUAL(t.o[1].rule, PV_RULE_G2);
    /* S1: the child itself logs in from 13. */
    CU_ASSERT_EQUAL(t.o[2].effect, PV_EFFECT_DENY);
    CU_ASSERT_EQUAL(t.o[2].reason, PV_REASON_UNDER_13);
    CU_ASSERT_EQUAL(t.o[2].reason_rules[PV_REASON_UNDER_13], PV_RULE_S1);
    /* G1: the adult's guardian has no proxy left; S1: the adult logs in. */
    CU_ASSERT_EQUAL(t.o[3].reason, PV_REASON_PROXY_ENDED);
    CU_ASSERT_EQUAL(t.o[3].rule, PV_RULE_G1);
    CU_ASSERT_TRUE(pv_date_is_none(t.o[3].changes_on));
    CU_ASSERT_EQUAL(t.o[5].effect, PV_EFFECT_PERMIT);
    CU_ASSERT_EQUAL(t.o[5].reason, PV_REASON_SELF);
    CU_ASSERT_EQUAL(count_invalid(t.o, 6), 0);
    CU_ASSERT_STRING_EQUAL(t.err.field, "");
    CU_ASSERT_PTR_NULL(t.err.message);
    for (int i = 0; i < 6; i++) CU_ASSERT_EQUAL(t.o[i].version, PV_OUTCOME_VERSION);
    /* The pv_error is optional. */
    CU_ASSERT_EQUAL(pv_evaluate_many(t.q, 6, D(2026, 11, 29), t.o, NULL), PV_OK);
    CU_ASSERT_EQUAL(t.o[5].reason, PV_REASON_SELF);
}

static void test_batch_invalid_on(void) {
    /* V1, section 8: a date that does not exist; every request names "on". */
    two_records t;
    two_records_init(&t);
    garbage_outcomes(&t);
    garbage_error(&t.err);
    CU_ASSERT_EQUAL(pv_evaluate_many(t.q, 6, D(2026, 2, 29), t.o, &t.err), PV_ERR_INVALID_INPUT);
    for (int i = 0; i < 6; i++) EXPECT_OUTCOME_INVALID(t.o[i]);
    CU_ASSERT_EQUAL(count_invalid(t.o, 6), 6);
    CU_ASSERT_EQUAL(t.err.status, PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(t.err.rule, PV_RULE_V1);
    CU_ASSERT_STRING_EQUAL(t.err.field, "on");
    CU_ASSERT_STRING_EQUAL(t.err.message, "is not a date that exists");
}

static void test_batch_invalid_citizen_denies_its_run(void) {
    /* V1, section 8: two guardians with the same id make the adult's record malformed; the
       child's requests keep their answers. */
    two_records t;
    two_records_init(&t);
    t.adult.guardians[1].id = "g1";
    CU_ASSERT_EQUAL(run(&t), PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(t.o[0].effect, PV_EFFECT_PERMIT);
    CU_ASSERT_EQUAL(t.o[1].effect, PV_EFFECT_PERMIT);
    CU_ASSERT_EQUAL(t.o[2].reason, PV_REASON_UNDER_13);
    for (int i = 3; i < 6; i++) EXPECT_OUTCOME_INVALID(t.o[i]);
    CU_ASSERT_EQUAL(count_invalid(t.o, 6), 3);
    CU_ASSERT_STRING_EQUAL(t.err.field, "queries[3].citizen.guardians[1].id");
    CU_ASSERT_STRING_EQUAL(t.err.message, "is the id of an earlier guardian");

    /* A birth date after 'on' (section 8) in the first run. */
    two_records_init(&t);
    t.child.citizen.birth_date = D(2027, 1, 1);
    CU_ASSERT_EQUAL(run(&t), PV_ERR_INVALID_INPUT);
    for (int i = 0; i < 3; i++) EXPECT_OUTCOME_INVALID(t.o[i]);
    CU_ASSERT_EQUAL(t.o[5].reason, PV_REASON_SELF);
    CU_ASSERT_EQUAL(count_invalid(t.o, 6), 3);
    CU_ASSERT_STRING_EQUAL(t.err.field, "queries[0].citizen.birth_date");
    CU_ASSERT_STRING_EQUAL(t.err.message, "is after on");

    /* A null pointer where a value is required (section 8): the citizen. */
    two_records_init(&t);
    t.q[4].citizen = NULL;
    CU_ASSERT_EQUAL(run(&t), PV_ERR_INVALID_INPUT);
    EXPECT_OUTCOME_INVALID(t.o[4]);
    /* The run of the adult starts again after the missing record: validated again, valid. */
    CU_ASSERT_EQUAL(t.o[3].reason, PV_REASON_PROXY_ENDED);
    CU_ASSERT_EQUAL(t.o[5].reason, PV_REASON_SELF);
    CU_ASSERT_EQUAL(count_invalid(t.o, 6), 1);
    CU_ASSERT_STRING_EQUAL(t.err.field, "queries[4].citizen");
    CU_ASSERT_STRING_EQUAL(t.err.message, "is required");
}

static void test_batch_invalid_actor_or_service_denies_its_request(void) {
    two_records t;
    two_records_init(&t);
    /* Section 8: e-services asked through the direct channel (request 2), and a guardian actor
       without an id (request 3, a copy so that the other requests keep theirs). */
    pv_service direct = t.e_services;
    direct.channel = PV_CHANNEL_DIRECT;
    pv_actor no_id = t.guardian;
    no_id.id = NULL;
    t.q[2].service = &direct;
    t.q[3].actor = &no_id;
    CU_ASSERT_EQUAL(run(&t), PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(t.o[0].effect, PV_EFFECT_PERMIT);
    CU_ASSERT_EQUAL(t.o[1].effect, PV_EFFECT_PERMIT);
    EXPECT_OUTCOME_INVALID(t.o[2]);
    EXPECT_OUTCOME_INVALID(t.o[3]);
    CU_ASSERT_EQUAL(t.o[4].reason, PV_REASON_PROXY_ENDED);
    CU_ASSERT_EQUAL(t.o[5].reason, PV_REASON_SELF);
    CU_ASSERT_EQUAL(count_invalid(t.o, 6), 2);
    CU_ASSERT_STRING_EQUAL(t.err.field, "queries[2].service.channel");
    CU_ASSERT_STRING_EQUAL(t.err.message, "e-services are reached only through the portal");
    /* pv_validate names the field of any other invalid request. */
    pv_error err = PV_ERROR_INIT;
    CU_ASSERT_EQUAL(
        pv_validate(t.q[3].citizen, t.q[3].actor, t.q[3].service, D(2026, 11, 29), &err),
        PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(err.field, "actor.id");

    /* A null actor or service (section 8). */
    two_records_init(&t);
    t.q[1].actor = NULL;
    t.q[5].service = NULL;
    CU_ASSERT_EQUAL(run(&t), PV_ERR_INVALID_INPUT);
    EXPECT_OUTCOME_INVALID(t.o[1]);
    EXPECT_OUTCOME_INVALID(t.o[5]);
    CU_ASSERT_EQUAL(t.o[0].effect, PV_EFFECT_PERMIT);
    CU_ASSERT_EQUAL(count_invalid(t.o, 6), 2);
    CU_ASSERT_STRING_EQUAL(t.err.field, "queries[1].actor");

    /* A null actor or service where the other one was found valid just before: still checked. */
    two_records_init(&t);
    t.q[0].actor = NULL;
    t.q[1].actor = NULL;
    t.q[1].service = &t.e_services;
    t.q[2].actor = &t.guardian;
    t.q[2].service = NULL;
    CU_ASSERT_EQUAL(run(&t), PV_ERR_INVALID_INPUT);
    for (int i = 0; i < 3; i++) EXPECT_OUTCOME_INVALID(t.o[i]);
    CU_ASSERT_EQUAL(count_invalid(t.o, 6), 3);
    CU_ASSERT_STRING_EQUAL(t.err.field, "queries[0].actor");
    t.q[1] = t.q[3];
    t.q[2] = t.q[3];
    t.q[2].service = NULL; /* the actor and the service of request 1, then no service */
    CU_ASSERT_EQUAL(run(&t), PV_ERR_INVALID_INPUT);
    EXPECT_OUTCOME_INVALID(t.o[2]);
    CU_ASSERT_EQUAL(count_invalid(t.o, 6), 2);
    CU_ASSERT_STRING_EQUAL(t.err.field, "queries[0].actor");
    CU_ASSERT_EQUAL(t.o[1].reason, PV_REASON_PROXY_ENDED);
    CU_ASSERT_EQUAL(t.o[3].reason, PV_REASON_PROXY_ENDED);
}

static void test_batch_null_arrays(void) {
    two_records t;
    two_records_init(&t);
    /* No requests: nothing to answer. */
    garbage_error(&t.err);
    CU_ASSERT_EQUAL(pv_evaluate_many(NULL, 0, D(2026, 11, 29), NULL, &t.err), PV_OK);
    CU_ASSERT_EQUAL(t.err.status, PV_OK);
    CU_ASSERT_STRING_EQUAL(t.err.field, "");
    CU_ASSERT_PTR_NULL(t.err.message);
    /* V1: NULL requests with a count: an error, and no outcome written (the header). */
    pv_outcome before[6];
    garbage_outcomes(&t);
    memcpy(before, t.o, sizeof before);
    garbage_error(&t.err);
    CU_ASSERT_EQUAL(pv_evaluate_many(NULL, 6, D(2026, 11, 29), t.o, &t.err),
                    PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(memcmp(before, t.o, sizeof before), 0);
    CU_ASSERT_EQUAL(t.err.status, PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(t.err.rule, PV_RULE_V1);
    CU_ASSERT_STRING_EQUAL(t.err.field, "queries");
    CU_ASSERT_PTR_NOT_NULL(t.err.message);
    /* No room for the outcomes: nothing written, reported. */
    garbage_error(&t.err);
    CU_ASSERT_EQUAL(pv_evaluate_many(t.q, 6, D(2026, 11, 29), NULL, &t.err),
                    PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(t.err.field, "outcomes");
    CU_ASSERT_EQUAL(t.err.rule, PV_RULE_V1);
    CU_ASSERT_EQUAL(pv_evaluate_many(t.q, 6, D(2026, 11, 29), NULL, NULL), PV_ERR_INVALID_INPUT);
}

static void test_batch_outcome_to_decision(void) {
    two_records t;
    two_records_init(&t);
    CU_ASSERT_EQUAL(run(&t), PV_OK);
    pv_decision d, e = PV_DECISION_INIT;
    pv_error err;
    memset(&d, 0x5A, sizeof d);
    d.version = PV_DECISION_VERSION;
    garbage_error(&err);
    CU_ASSERT_EQUAL(pv_outcome_to_decision(&t.o[2], &d, &err), PV_OK);
    CU_ASSERT_EQUAL(err.status, PV_OK);
    CU_ASSERT_STRING_EQUAL(err.field, "");
    CU_ASSERT_PTR_NULL(err.message);
    CU_ASSERT_EQUAL(
        pv_evaluate(t.q[2].citizen, t.q[2].actor, t.q[2].service, D(2026, 11, 29), &e, NULL),
        PV_OK);
    CU_ASSERT_EQUAL(d.version, PV_DECISION_VERSION);
    CU_ASSERT_EQUAL(d.effect, e.effect);
    CU_ASSERT_EQUAL(d.reason, e.reason);
    CU_ASSERT_EQUAL(d.rule, e.rule);
    CU_ASSERT_EQUAL(d.reasons, e.reasons);
    CU_ASSERT_EQUAL(d.filtered, e.filtered);
    CU_ASSERT_EQUAL(memcmp(d.reason_rules, e.reason_rules, sizeof d.reason_rules), 0);
    CU_ASSERT_EQUAL(pv_decision_reason_rule(&d, PV_REASON_UNDER_13), PV_RULE_S1);
    CU_ASSERT_EQUAL(pv_date_compare(d.changes_on, e.changes_on), 0);
    /* NULL and values out of range: the deny for invalid input. */
    CU_ASSERT_EQUAL(pv_outcome_to_decision(&t.o[0], NULL, NULL), PV_ERR_INVALID_INPUT);
    garbage_error(&err);
    CU_ASSERT_EQUAL(pv_outcome_to_decision(NULL, &d, &err), PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(d.reason, PV_REASON_INVALID_INPUT);
    CU_ASSERT_EQUAL(d.effect, PV_EFFECT_DENY);
    CU_ASSERT_EQUAL(err.status, PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(err.rule, PV_RULE_V1);
    CU_ASSERT_STRING_EQUAL(err.field, "outcome");
    const uint8_t bad[3][3] = {{PV_EFFECT_COUNT, 0, 0}, {0, PV_REASON_COUNT, 0}, {0, 0, 255}};
    for (int k = 0; k < 3; k++) {
        pv_outcome o = t.o[0];
        o.effect = bad[k][0];
        o.reason = bad[k][1];
        o.rule = bad[k][2];
        garbage_error(&err);
        CU_ASSERT_EQUAL(pv_outcome_to_decision(&o, &d, &err), PV_ERR_INVALID_INPUT);
        CU_ASSERT_EQUAL(d.rule, PV_RULE_V1);
        CU_ASSERT_EQUAL(d.reason, PV_REASON_INVALID_INPUT);
        CU_ASSERT_EQUAL(err.rule, PV_RULE_V1);
        CU_ASSERT_EQUAL(strncmp(err.field, "outcome", 7), 0);
        /* the wording is the library's; it says the value is out of range */
        CU_ASSERT_TRUE(err.message != NULL && strstr(err.message, "out of range") != NULL);
    }
}

/* pv_outcome_from_decision: the outcome of pv_evaluate()'s decision is the outcome
   pv_evaluate_many() writes for the same request (here S1: the self of a child under 13 is
   denied e-services), and bad arguments give the outcome of the deny for invalid input (V1). */
static void test_batch_outcome_from_decision(void) {
    two_records t;
    two_records_init(&t);
    CU_ASSERT_EQUAL(run(&t), PV_OK);
    pv_decision e = PV_DECISION_INIT;
    CU_ASSERT_EQUAL(
        pv_evaluate(t.q[2].citizen, t.q[2].actor, t.q[2].service, D(2026, 11, 29), &e, NULL),
        PV_OK);
    pv_outcome o = PV_OUTCOME_INIT;
    pv_error err;
    garbage_error(&err);
    CU_ASSERT_EQUAL(pv_outcome_from_decision(&e, &o, &err), PV_OK);
    CU_ASSERT_EQUAL(err.status, PV_OK);
    CU_ASSERT_EQUAL(o.version, PV_OUTCOME_VERSION);
    CU_ASSERT_EQUAL(o.effect, PV_EFFECT_DENY);
    CU_ASSERT_EQUAL(o.reason, PV_REASON_UNDER_13);
    CU_ASSERT_EQUAL(o.reason_rules[PV_REASON_UNDER_13], PV_RULE_S1);
    CU_ASSERT_EQUAL(o.effect, t.o[2].effect);
    CU_ASSERT_EQUAL(o.reason, t.o[2].reason);
    CU_ASSERT_EQUAL(o.rule, t.o[2].rule);
    CU_ASSERT_EQUAL(o.reasons, t.o[2].reasons);
    CU_ASSERT_EQUAL(o.filtered, t.o[2].filtered);
    CU_ASSERT_EQUAL(memcmp(o.reason_rules, t.o[2].reason_rules, sizeof o.reason_rules), 0);
    CU_ASSERT_EQUAL(pv_date_compare(o.changes_on, t.o[2].changes_on), 0);
    /* Back again: the same decision. */
    pv_decision d = PV_DECISION_INIT;
    CU_ASSERT_EQUAL(pv_outcome_to_decision(&o, &d, NULL), PV_OK);
    CU_ASSERT_EQUAL(d.reason, e.reason);
    CU_ASSERT_EQUAL(d.reasons, e.reasons);
    /* NULL, versions not known and values out of range: never a permit. */
    CU_ASSERT_EQUAL(pv_outcome_from_decision(&e, NULL, NULL), PV_ERR_INVALID_INPUT);
    garbage_error(&err);
    pv_decision permit = e;
    permit.effect = PV_EFFECT_PERMIT;
    permit.version = 0;
    CU_ASSERT_EQUAL(pv_outcome_from_decision(&permit, &o, &err), PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(err.field, "decision.version");
    CU_ASSERT_EQUAL(o.effect, PV_EFFECT_DENY);
    CU_ASSERT_EQUAL(o.reason, PV_REASON_INVALID_INPUT);
    garbage_error(&err);
    CU_ASSERT_EQUAL(pv_outcome_from_decision(NULL, &o, &err), PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(err.field, "decision");
    permit.version = PV_DECISION_VERSION;
    permit.reason = (pv_reason)PV_REASON_COUNT;
    CU_ASSERT_EQUAL(pv_outcome_from_decision(&permit, &o, NULL), PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(o.effect, PV_EFFECT_DENY);
    CU_ASSERT_EQUAL(o.rule, PV_RULE_V1);
    pv_outcome unknown = PV_OUTCOME_INIT;
    unknown.version = 0;
    garbage_error(&err);
    CU_ASSERT_EQUAL(pv_outcome_from_decision(&e, &unknown, &err), PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(err.field, "out.version");
    /* An error of a version the library does not know cannot be written: the call fails all the
       same, and the outcome is the deny (V1), never the decision's permit. */
    pv_error unknown_error;
    memset(&unknown_error, 0, sizeof unknown_error);
    permit = e;
    permit.effect = PV_EFFECT_PERMIT;
    pv_outcome refused = PV_OUTCOME_INIT;
    CU_ASSERT_EQUAL(pv_outcome_from_decision(&permit, &refused, &unknown_error),
                    PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(refused.effect, PV_EFFECT_DENY);
    CU_ASSERT_EQUAL(refused.reason, PV_REASON_INVALID_INPUT);
}

int register_batch_suite(void) {
    static const pv_test_case cases[] = {
        {"batch: every answer that of pv_evaluate (mix)", test_batch_equals_pv_evaluate},
        {"batch, A3: every answer that of pv_evaluate (personnummer)",
         test_batch_equals_pv_evaluate_personnummer},
        {"batch: expected answers (G1, G2, S1, T1)", test_batch_valid_requests_expected_answers},
        {"batch, V1: 'on' invalid denies every request", test_batch_invalid_on},
        {"batch, V1: a malformed record denies its run", test_batch_invalid_citizen_denies_its_run},
        {"batch, V1: a malformed actor or service denies its request",
         test_batch_invalid_actor_or_service_denies_its_request},
        {"batch, V1: NULL arrays", test_batch_null_arrays},
        {"batch: pv_outcome_to_decision", test_batch_outcome_to_decision},
        {"batch: pv_outcome_from_decision", test_batch_outcome_from_decision},
        {NULL, NULL},
    };
    return pv_add_suite("many requests at once (pv_evaluate_many)", cases);
}
