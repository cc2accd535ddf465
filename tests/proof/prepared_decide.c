/*
 * prepared_decide.c — the proof harness of pv_evaluate_prepared() (a record prepared as in
 * prepared.c, then asked about by an actor of each class of actors.h and a service of any
 * content, on any date, with the record, the citizen, the actor, the service or the output NULL
 * in calls of their own), and of pv_prepared_check() on that record.
 *
 * Counts fixed per analysis: every count of the record (seals, grants, guardians,
 * representatives, and the periods of each fact, the guardian's too) is PROOF_COUNT, 1 unless
 * defined otherwise; .ci/checks/90-proof.sh analyses it with 1 (prepared_decide) and with 0
 * (prepared_decide_empty). The decision reads the record's arrays at offsets that depend on its
 * counts (prep_units() ...): with the counts fixed, every state of an analysis has one layout,
 * and the unions' ranges are kept apart by the splits of the builder and of view.h. With the
 * counts of prepared.c (each 0 or 1 in one analysis), states of records of different layouts
 * are joined before the decision (30 alarms), and keeping them apart in one analysis did not end
 * in 4 minutes of CPU (docs/PROOF.md).
 *
 * The struct pv_citizen is left uninitialised but for its members: prepared_citizen_same()
 * (src/fast/prepared.h) reads its members, never its padding (it read the padding once, the
 * defect this harness found: docs/PROOF.md, "A defect found").
 */
#ifndef PROOF_COUNT
#define PROOF_COUNT 1
#endif
#include "record_of_ones.h"
#include "actors.h"
#include "seals.h"

#include <string.h>

int main(void) {
    proof_strings();
    proof_arrays();
    /* Each seal of every scope with a unit or without (seals.h), as in evaluate.c. */
    proof_seal_classes();
    /* Every member of any value, the padding never written (docs/PROOF.md, "A defect found"). */
    pv_citizen citizen;
    any_citizen(&citizen);
    /* Every count PROOF_COUNT (above), the arrays not NULL (PROOF_SHAPED). */
    proof_counts_all(&citizen, PROOF_COUNT);
    pv_error error_storage;
    pv_prepared *record = NULL;
    /* The storage on the stack, never written before pv_prepare (a caller's may be fresh from
       malloc): reading a byte the builder did not write is an alarm. */
    max_align_t storage[PV_PREPARED_MAX_SIZE / sizeof(max_align_t)];
    /* The storage NULL or of any size up to PV_PREPARED_MAX_SIZE; the citizen and the output
       NULL or not. */
    const size_t size = Frama_C_size_t_interval(0, sizeof storage);
    const pv_citizen *c = Frama_C_nondet(0, 1) ? &citizen : NULL;
    if (pv_prepare(c, Frama_C_nondet(0, 1) ? storage : NULL, size,
                   Frama_C_nondet(0, 1) ? &record : NULL, any_error(&error_storage)) != PV_OK) {
        return 0;
    }
    /* The actor of each class of actors.h, each class analysed apart (from here: preparing
       does not read it). */
    pv_actor actor;
    pv_service service;
    any_actor(&actor);
    const int shape = Frama_C_interval(0, PROOF_ACTOR_CLASSES - 1);
    /*@ split shape; */
    proof_actor_of_class(&actor, shape);
    any_service(&service);
    pv_decision decision;
    decision.version = any_version();
    const pv_date on = any_date();
    /* The record, the citizen, the actor, the service or the output NULL, each refused at its
       own check (one call each: states apart without multiplying the one below). */
    (void)pv_evaluate_prepared(NULL, c, &actor, &service, on, &decision, &error_storage);
    (void)pv_evaluate_prepared(record, NULL, &actor, &service, on, &decision, &error_storage);
    (void)pv_evaluate_prepared(record, c, NULL, &service, on, &decision, &error_storage);
    (void)pv_evaluate_prepared(record, c, &actor, NULL, on, &decision, &error_storage);
    (void)pv_evaluate_prepared(record, c, &actor, &service, on, NULL, &error_storage);
    /* None NULL: the decision. */
    (void)pv_evaluate_prepared(record, c, &actor, &service, on, &decision,
                               any_error(&error_storage));
    /* The lifetime check of the record prepared, or of none, against the citizen or NULL. */
    (void)pv_prepared_check(Frama_C_nondet(0, 1) ? record : NULL, Frama_C_nondet(0, 1) ? c : NULL,
                            any_error(&error_storage));
    return 0;
}
