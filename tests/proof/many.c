/*
 * many.c — the proof harness of pv_evaluate_many(): calls of 0 to 3 requests about a citizen of
 * any content (record.h, no NULL pointer in it: PROOF_SHAPED), an actor of each class of
 * actors.h (each analysed apart) and a service of any content, on any date; each request and the
 * first outcome of any version (the other outcomes never written before), the error of any
 * version or NULL.
 *
 * The calls: no request; the requests NULL; the outcomes NULL; a run of 1, 2 or 3 requests (two
 * that share the citizen, the actor and the service: the record prepared once, the second
 * request's actor and service found valid before; then one whose actor is NULL: a request
 * refused after one decided); and a request whose citizen is NULL, then one whose service is
 * NULL (a new run after an invalid one, its record prepared, then the service refused).
 *
 * Counts fixed per analysis, as in prepared_decide.c: every count of the record is PROOF_COUNT,
 * 1 unless defined otherwise; .ci/checks/90-proof.sh analyses it with 1 (many) and 0
 * (many_empty). Such a record always fits the storage a run prepares it into, so its requests
 * are decided from the prepared record (docs/PROOF.md, "A prepared record asked").
 */
#ifndef PROOF_COUNT
#define PROOF_COUNT 1
#endif
#include "record_of_ones.h"
#include "actors.h"
#include "seals.h"

/* The most requests in a call. */
#define PROOF_QUERIES 3

int main(void) {
    proof_strings();
    proof_arrays();
    /* Each seal of every scope with a unit or without (seals.h), as in evaluate.c. */
    proof_seal_classes();
    pv_citizen citizen;
    any_citizen(&citizen);
    /* Every count PROOF_COUNT (above), the arrays not NULL (PROOF_SHAPED). */
    proof_counts_all(&citizen, PROOF_COUNT);
    /* The actor of each class of actors.h, each class analysed apart. */
    pv_actor actor;
    any_actor(&actor);
    const int shape = Frama_C_interval(0, PROOF_ACTOR_CLASSES - 1);
    /*@ split shape; */
    proof_actor_of_class(&actor, shape);
    pv_service service;
    any_service(&service);
    const pv_date on = any_date();
    pv_error error_storage;
    /* The error of any version or NULL, in every call. */
    pv_error *const error = any_error(&error_storage);

    /* The requests, each of any version: two about the citizen, the actor and the service, and
       a third whose actor is NULL; the first outcome of any version. */
    pv_query queries[PROOF_QUERIES];
    pv_outcome outcomes[PROOF_QUERIES];
    /*@ loop unroll PROOF_QUERIES; */
    for (int i = 0; i < PROOF_QUERIES; i++) {
        queries[i].version = any_version();
        queries[i].citizen = &citizen;
        queries[i].actor = i == 2 ? NULL : &actor;
        queries[i].service = &service;
    }
    outcomes[0].version = any_version();

    /* No request; the requests NULL; the outcomes NULL: each in a call of its own. */
    (void)pv_evaluate_many(queries, 0, on, outcomes, error);
    (void)pv_evaluate_many(NULL, 1, on, outcomes, error);
    (void)pv_evaluate_many(queries, 1, on, NULL, error);

    /* A run of 1, 2 or 3 requests, the counts in one state (the first request's decision is
       analysed once for the three). */
    (void)pv_evaluate_many(queries, Frama_C_size_t_interval(1, PROOF_QUERIES), on, outcomes, error);

    /* A request whose citizen is NULL, then one whose service is NULL. */
    pv_query after_invalid[2] = {queries[0], queries[1]};
    after_invalid[0].citizen = NULL;
    after_invalid[1].service = NULL;
    (void)pv_evaluate_many(after_invalid, 2, on, outcomes, error);
    return 0;
}
