/*
 * timeline.c — the proof harness of pv_timeline(): a citizen, an actor and a service of any
 * content (record.h) in the part of the input space whose record pointers are not NULL
 * (PROOF_SHAPED), each of the three NULL or not; any span of dates (each end any date); the
 * steps NULL with any capacity, or an array of any capacity up to its size ('steps[0]' of any
 * version); the count and the error NULL or not.
 *
 * Each seal of every scope with a unit or without one (seals.h), each pair analysed apart.
 *
 * Bounds: the arrays of the record hold at most 1 seal, 2 grants, 1 guardian, 1 representative
 * and 1 period of each kind (each count 0 to that): 2 grants so that a union of days of more than
 * one span is sorted and merged. The analysis takes about 2 minutes of CPU; 2 periods took more
 * than 6. docs/PROOF.md says why the code does not depend on the size.
 *
 * Not reached by design (the by_design list of .ci/checks/90-proof.sh): what facts_gather()
 * reads only for a prepared record (the path of pv_evaluate_prepared), which these functions
 * never pass it; the facts of one day (pv_decide's path: every step is decided over every
 * day); and the heap sort of a union of more than 16 spans, which such a record cannot build.
 */
#define PROOF_SHAPED
#define PROOF_SEALS 1
#define PROOF_GRANTS 2
#define PROOF_GUARDIANS 1
#define PROOF_REPRESENTATIVES 1
#define PROOF_PERIODS 1
#include "record.h"
#include "actors.h"
#include "seals.h"

#define PROOF_STEPS 4

static pv_timeline_step proof_steps[PROOF_STEPS];
static int proof_actor_class;

int main(void) {
    proof_strings();
    proof_arrays();
    proof_seal_classes();
    pv_citizen citizen;
    pv_actor actor;
    pv_service service;
    any_citizen(&citizen);
    any_actor(&actor);
    /* The actor of each class of actors.h, each analysed apart: the class is a global on which
       the analysis partitions its states everywhere (-eva-partition-value proof_actor_class in
       .ci/checks/90-proof.sh). */
    proof_actor_class = Frama_C_interval(0, PROOF_ACTOR_CLASSES - 1);
    proof_actor_of_class(&actor, proof_actor_class);
    any_service(&service);
    pv_error error_storage;
    size_t count;
    /* The steps as a caller passes them: element 0's version any (PV_TIMELINE_STEP_INIT's
       among them), the rest uninitialised, with any capacity up to the array's size; or NULL
       with any capacity. The two are analysed apart (a join would pair the array with a
       capacity past its end, which no caller can pass). */
    proof_steps[0].version = any_version();
    int with_steps = Frama_C_nondet(0, 1);
    pv_timeline_step *steps;
    size_t capacity;
    /*@ split with_steps; */
    steps = with_steps ? proof_steps : NULL;
    capacity =
        with_steps ? Frama_C_size_t_interval(0, PROOF_STEPS) : Frama_C_size_t_interval(0, SIZE_MAX);
    (void)pv_timeline(Frama_C_nondet(0, 1) ? &citizen : NULL, Frama_C_nondet(0, 1) ? &actor : NULL,
                      Frama_C_nondet(0, 1) ? &service : NULL, any_date(), any_date(), steps,
                      capacity, Frama_C_nondet(0, 1) ? &count : NULL, any_error(&error_storage));
    return 0;
}
