/*
 * many.c — the proof harness of pv_evaluate_many(): a run of 0, 1 or 2 requests (each count
 * analysed apart), the requests NULL or an array of that many, the outcomes NULL or an array of
 * that many (each of any version, the rest uninitialised), any date, the error of any version
 * or NULL.
 *
 * Each request of any version, with its citizen, actor and service, or one of them NULL; each
 * choice of the two requests apart, so that a run of requests sharing the citizen, a new run
 * after a NULL one, and an actor and a service found valid before are among the inputs. The
 * citizen of any content (record.h) in the part of the input space whose record pointers are
 * not NULL (PROOF_SHAPED); each seal of every scope with a unit or without (seals.h); the actor
 * of each class of actors.h; each analysed apart.
 *
 * Bounds: at most 2 requests, and records of at most 1 seal, 1 grant, 1 guardian, 1
 * representative and 1 period of each fact. Such a record always fits the storage a run
 * prepares it into, so the requests are decided from the prepared record.
 *
 * NOT in .ci/checks/90-proof.sh yet: the decision from a prepared record is not proved
 * (docs/PROOF.md, "Not proved yet", and prepared_decide.c).
 */
#include "record_of_ones.h"
#include "actors.h"
#include "seals.h"

/* The most requests in a call. */
#define PROOF_QUERIES 2

int main(void) {
    proof_strings();
    proof_arrays();
    proof_seal_classes();
    pv_citizen citizen;
    pv_actor actor;
    pv_service service;
    any_citizen(&citizen);
    any_actor(&actor);
    /* The actor of each class of actors.h, each class analysed apart. */
    const int shape = Frama_C_interval(0, PROOF_ACTOR_CLASSES - 1);
    /*@ split shape; */
    proof_actor_of_class(&actor, shape);
    any_service(&service);

    /* Each request of any version, with its citizen, actor and service, or one of them NULL
       (each refused at its own check); each choice of the two requests apart, so that a
       pointer found not NULL stays so. */
    pv_query queries[PROOF_QUERIES];
    pv_outcome outcomes[PROOF_QUERIES];
    const int nulls = Frama_C_interval(0, 15);
    /*@ split nulls; */
    /*@ loop unroll PROOF_QUERIES; */
    for (int i = 0; i < PROOF_QUERIES; i++) {
        const int which = i == 0 ? nulls % 4 : nulls / 4;
        queries[i].version = any_version();
        queries[i].citizen = which == 1 ? NULL : &citizen;
        queries[i].actor = which == 2 ? NULL : &actor;
        queries[i].service = which == 3 ? NULL : &service;
        outcomes[i].version = any_version();
    }
    /* Each count apart, the requests and the outcomes NULL or not. */
    const pv_query *q = Frama_C_nondet(0, 1) ? queries : NULL;
    pv_outcome *out = Frama_C_nondet(0, 1) ? outcomes : NULL;
    pv_error error_storage;
    const size_t count = Frama_C_size_t_interval(0, PROOF_QUERIES);
    /*@ split count; */
    (void)pv_evaluate_many(q, count, any_date(), out, any_error(&error_storage));
    return 0;
}
