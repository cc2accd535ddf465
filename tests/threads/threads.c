/*
 * threads.c — the concurrency promise: every public function is re-entrant and thread-safe (no
 * global state, no allocation). Eight threads decide on the same shared, const inputs at once,
 * through every public function, and each answer must equal the one computed on one thread
 * before they started. One prepared record (pv_prepare, before the threads start) is shared by
 * all of them, const, through pv_evaluate_prepared. Built with ThreadSanitizer by .ci/checks/15-threads.sh, so that a data
 * race anywhere in the library fails the check; as a plain test it checks determinism.
 */
#include <pthread.h>
#include <stdbool.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "portvakt.h"

enum {
    THREADS = 8,
    ROUNDS = 1000,
    ROWS = 64,
    STEPS = 16,
    ITEMS = 8
};

#define U1 "SE2321000016-1ABC"
#define U2 "SE2321000016-2DEF"

/* The shared household: a child of 14 with two guardians (one blocked), a unit seal with a
   content period, grants for the child and one guardian, a representative. */
static pv_seal seals[2] = {PV_SEAL_INIT, PV_SEAL_INIT};
static pv_guardian guardians[2] = {PV_GUARDIAN_INIT, PV_GUARDIAN_INIT};
static pv_grant grants[2] = {PV_GRANT_INIT, PV_GRANT_INIT};
static pv_representative reps[1] = {PV_REPRESENTATIVE_INIT};
static pv_citizen citizen = PV_CITIZEN_INIT;
static pv_actor actors[4] = {PV_ACTOR_INIT, PV_ACTOR_INIT, PV_ACTOR_INIT, PV_ACTOR_INIT};
static pv_service services[4] = {PV_SERVICE_INIT, PV_SERVICE_INIT, PV_SERVICE_INIT,
                                 PV_SERVICE_INIT};
static const pv_date on = {2026, 11, 30};
/* The household prepared once; every thread reads it. */
static max_align_t storage[PV_PREPARED_MAX_SIZE / sizeof(max_align_t)];
static const pv_prepared *prepared;

/* What one thread computes; compared with the reference byte by byte where the answer is a
   value, and field by field where it holds pointers into static data (equal by identity). */
typedef struct answers {
    pv_decision evaluated[4][4];
    pv_decision decided[4][4];
    pv_decision prepared[4][4];
    pv_status validated[4][4];
    pv_outcome outcomes[16];
    pv_access_row rows[ROWS];
    size_t row_count;
    pv_timeline_step steps[STEPS];
    size_t step_count;
    pv_advice items[ITEMS];
    size_t item_count;
    pv_plan plan;
    pv_plan proved; /* the plan without its first measure, proven again */
    pv_permission permission;
    pv_pnr pnr;
    pv_date parsed;
    char formatted[PV_DATE_STRING_SIZE];
    int age;
    pv_error invalid; /* the error of a malformed request */
    const char *message;
} answers;

static void build_household(void) {
    seals[0].scope = PV_SEAL_UNIT;
    seals[0].unit = U1;
    seals[0].has_content = true;
    seals[0].content = (pv_interval){{2024, 1, 1}, {2024, 12, 31}};
    seals[1].scope = PV_SEAL_UNIT;
    seals[1].unit = U2;
    seals[1].active = (pv_interval){{2027, 1, 1}, PV_DATE_NONE};
    guardians[0].id = "anna";
    guardians[1].id = "bertil";
    guardians[1].blocked = true;
    grants[0].holder = PV_GRANT_HOLDER_SELF;
    grants[0].unit = U1;
    grants[1].holder = "anna";
    grants[1].unit = U2;
    reps[0].id = "rut";
    reps[0].kind = PV_REPRESENTATIVE_GOD_MAN;
    reps[0].cares_for_person = reps[0].consent = reps[0].court_order = true;
    citizen.birth_date = (pv_date){2012, 3, 14};
    citizen.seals = seals;
    citizen.seal_count = 2;
    citizen.guardians = guardians;
    citizen.guardian_count = 2;
    citizen.grants = grants;
    citizen.grant_count = 2;
    citizen.representatives = reps;
    citizen.representative_count = 1;
    const pv_actor_kind kinds[4] = {PV_ACTOR_SELF, PV_ACTOR_GUARDIAN, PV_ACTOR_GUARDIAN,
                                    PV_ACTOR_REPRESENTATIVE};
    const char *ids[4] = {NULL, "anna", "bertil", "rut"};
    for (int a = 0; a < 4; a++) {
        actors[a].kind = kinds[a];
        actors[a].id = ids[a];
        actors[a].eid = PV_EID_BANKID;
    }
    services[0].kind = PV_SERVICE_E_SERVICES;
    services[1].kind = PV_SERVICE_JOURNAL;
    services[2].kind = PV_SERVICE_JOURNAL;
    services[2].unit = U1;
    services[2].channel = PV_CHANNEL_DIRECT;
    services[3].kind = PV_SERVICE_JOURNAL;
    services[3].unit = U1;
    services[3].entry_date = (pv_date){2024, 6, 1};
}

static int compute(answers *out) {
    int failures = 0;
    memset(out, 0, sizeof *out);
    pv_error err = PV_ERROR_INIT;
    pv_query queries[16];
    for (int a = 0; a < 4; a++) {
        for (int s = 0; s < 4; s++) {
            pv_decision d = PV_DECISION_INIT;
            failures += pv_evaluate(&citizen, &actors[a], &services[s], on, &d, &err) != PV_OK;
            out->evaluated[a][s] = d;
            pv_decision e = PV_DECISION_INIT;
            failures += pv_decide(&citizen, &actors[a], &services[s], on, &e, &err) != PV_OK;
            out->decided[a][s] = e;
            out->validated[a][s] = pv_validate(&citizen, &actors[a], &services[s], on, &err);
            pv_decision p = PV_DECISION_INIT;
            failures += pv_evaluate_prepared(prepared, &citizen, &actors[a], &services[s], on, &p,
                                             &err) != PV_OK;
            out->prepared[a][s] = p;
            pv_query q = PV_QUERY_INIT;
            q.citizen = &citizen;
            q.actor = &actors[a];
            q.service = &services[s];
            queries[a * 4 + s] = q;
        }
    }
    out->outcomes[0] = (pv_outcome)PV_OUTCOME_INIT;
    failures += pv_evaluate_many(queries, 16, on, out->outcomes, &err) != PV_OK;
    out->rows[0] = (pv_access_row)PV_ACCESS_ROW_INIT;
    failures += pv_who_can_see(&citizen, on, out->rows, ROWS, &out->row_count, &err) != PV_OK;
    out->steps[0] = (pv_timeline_step)PV_TIMELINE_STEP_INIT;
    failures += pv_timeline(&citizen, &actors[1], &services[1], (pv_date){2012, 3, 14},
                            (pv_date){2030, 1, 1}, out->steps, STEPS, &out->step_count,
                            &err) != PV_OK;
    out->items[0] = (pv_advice)PV_ADVICE_INIT;
    failures += pv_advise(&citizen, on, out->items, ITEMS, &out->item_count, &err) != PV_OK;
    pv_goal goal = PV_GOAL_INIT;
    goal.kind = PV_GOAL_GUARDIAN;
    goal.guardian = "anna";
    out->plan = (pv_plan)PV_PLAN_INIT;
    failures += pv_plan_measures(&citizen, &goal, on, &out->plan, &err) != PV_OK;
    out->proved = out->plan;
    out->proved.measures[0] = out->proved.measures[--out->proved.measure_count];
    failures += pv_prove_plan(&citizen, &goal, on, &out->proved, &err) != PV_OK;
    out->permission = (pv_permission)PV_PERMISSION_INIT;
    failures += pv_may_change(PV_ROLE_CARE, PV_ACTION_UNSEAL, &citizen, 0, on, &out->permission,
                              &err) != PV_OK;
    out->pnr = (pv_pnr)PV_PNR_INIT;
    failures += pv_pnr_parse("20120314-0000", on, 0, &out->pnr, &err) == PV_OK; /* bad check */
    failures += pv_pnr_parse("201203140023", on, 0, &out->pnr, &err) != PV_OK;
    failures += pv_date_parse("2026-11-30", &out->parsed, &err) != PV_OK;
    failures += pv_date_format(on, out->formatted, sizeof out->formatted, &err) != PV_OK;
    failures += pv_age_on(citizen.birth_date, on, &out->age, &err) != PV_OK;
    /* A malformed request: the error names the field on every thread alike. */
    pv_actor stranger = PV_ACTOR_INIT;
    pv_decision d = PV_DECISION_INIT;
    out->invalid = (pv_error)PV_ERROR_INIT;
    failures += pv_evaluate(&citizen, &stranger, &services[0], on, &d, &out->invalid) == PV_OK;
    out->message = pv_message(out->evaluated[2][0].reason, PV_ACTOR_GUARDIAN, PV_LANGUAGE_SV);
    return failures;
}

static bool same_date(pv_date a, pv_date b) {
    return pv_date_compare(a, b) == 0;
}

static bool same_decision(const pv_decision *a, const pv_decision *b) {
    return a->version == b->version && a->effect == b->effect && a->reason == b->reason &&
           a->rule == b->rule && a->reasons == b->reasons && a->filtered == b->filtered &&
           same_date(a->changes_on, b->changes_on) &&
           memcmp(a->reason_rules, b->reason_rules, sizeof a->reason_rules) == 0;
}

/* Field by field: padding bytes of structs copied by value are not part of any answer. */
static bool same_answers(const answers *a, const answers *b) {
    bool same = true;
    for (int i = 0; i < 4; i++) {
        for (int j = 0; j < 4; j++) {
            same &= same_decision(&a->evaluated[i][j], &b->evaluated[i][j]);
            same &= same_decision(&a->decided[i][j], &b->decided[i][j]);
            same &= same_decision(&a->prepared[i][j], &b->prepared[i][j]);
            same &= a->validated[i][j] == b->validated[i][j];
        }
    }
    for (int i = 0; i < 16; i++) {
        const pv_outcome *x = &a->outcomes[i], *y = &b->outcomes[i];
        same &= x->reasons == y->reasons && same_date(x->changes_on, y->changes_on) &&
                x->effect == y->effect && x->reason == y->reason && x->rule == y->rule &&
                x->filtered == y->filtered &&
                memcmp(x->reason_rules, y->reason_rules, sizeof x->reason_rules) == 0;
    }
    same &= a->row_count == b->row_count;
    for (size_t i = 0; i < a->row_count && i < ROWS; i++) {
        const pv_access_row *x = &a->rows[i], *y = &b->rows[i];
        same &= x->actor_kind == y->actor_kind && x->actor_id == y->actor_id &&
                x->service == y->service && x->unit == y->unit && x->channel == y->channel &&
                same_decision(&x->decision, &y->decision);
    }
    same &= a->step_count == b->step_count;
    for (size_t i = 0; i < a->step_count && i < STEPS; i++) {
        same &= same_date(a->steps[i].from, b->steps[i].from) &&
                same_decision(&a->steps[i].decision, &b->steps[i].decision);
    }
    same &= a->item_count == b->item_count;
    for (size_t i = 0; i < a->item_count && i < ITEMS; i++) {
        same &= a->items[i].kind == b->items[i].kind && a->items[i].guardian == b->items[i].guardian &&
                a->items[i].message == b->items[i].message;
    }
    same &= a->plan.measure_count == b->plan.measure_count && a->plan.holds == b->plan.holds &&
            a->plan.checked == b->plan.checked && same_date(a->plan.proven_on, b->plan.proven_on) &&
            same_date(a->plan.horizon, b->plan.horizon) &&
            same_date(a->plan.fails_on, b->plan.fails_on);
    same &= a->proved.holds == b->proved.holds && a->proved.checked == b->proved.checked &&
            same_date(a->proved.fails_on, b->proved.fails_on);
    for (size_t i = 0; i < a->plan.measure_count && i < PV_PLAN_MAX_MEASURES; i++) {
        same &= a->plan.measures[i].action == b->plan.measures[i].action &&
                a->plan.measures[i].routine == b->plan.measures[i].routine &&
                a->plan.measures[i].condition == b->plan.measures[i].condition;
    }
    same &= a->permission.allowed == b->permission.allowed &&
            a->permission.part == b->permission.part && a->permission.rule == b->permission.rule &&
            a->permission.condition_count == b->permission.condition_count;
    same &= same_date(a->pnr.birth_date, b->pnr.birth_date) && a->pnr.kind == b->pnr.kind &&
            strcmp(a->pnr.normalized, b->pnr.normalized) == 0 &&
            same_date(a->pnr.reading_changes_on, b->pnr.reading_changes_on);
    same &= same_date(a->parsed, b->parsed) && strcmp(a->formatted, b->formatted) == 0 &&
            a->age == b->age;
    same &= a->invalid.status == b->invalid.status && a->invalid.rule == b->invalid.rule &&
            strcmp(a->invalid.field, b->invalid.field) == 0 &&
            a->invalid.message == b->invalid.message && a->message == b->message;
    return same;
}

static answers reference;
static atomic_int mismatches;

static void *worker(void *arg) {
    (void)arg;
    static _Thread_local answers mine;
    for (int round = 0; round < ROUNDS; round++) {
        int failures = compute(&mine);
        if (failures != 0 || !same_answers(&mine, &reference)) {
            atomic_fetch_add(&mismatches, 1);
        }
    }
    return NULL;
}

int main(void) {
    build_household();
    pv_prepared *record = NULL;
    if (pv_prepare(&citizen, storage, sizeof storage, &record, NULL) != PV_OK) {
        fprintf(stderr, "threads: pv_prepare failed\n");
        return 1;
    }
    prepared = record;
    if (compute(&reference) != 0) {
        fprintf(stderr, "threads: the reference run failed\n");
        return 1;
    }
    for (int a = 0; a < 4; a++) {
        for (int s = 0; s < 4; s++) {
            if (!same_decision(&reference.prepared[a][s], &reference.evaluated[a][s])) {
                fprintf(stderr, "threads: pv_evaluate_prepared differs from pv_evaluate\n");
                return 1;
            }
        }
    }
    pthread_t threads[THREADS];
    for (int t = 0; t < THREADS; t++) {
        if (pthread_create(&threads[t], NULL, worker, NULL) != 0) {
            fprintf(stderr, "threads: pthread_create failed\n");
            return 1;
        }
    }
    for (int t = 0; t < THREADS; t++) pthread_join(threads[t], NULL);
    int bad = atomic_load(&mismatches);
    printf("threads: %d threads x %d rounds through every public function: %d mismatches\n",
           THREADS, ROUNDS, bad);
    return bad == 0 ? 0 : 1;
}
