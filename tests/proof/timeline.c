/*
 * timeline.c — the proof harness of pv_timeline(): a citizen, an actor and a service of any
 * content (record.h) in the part of the input space whose record pointers are not NULL
 * (PROOF_SHAPED), each of the three NULL or not; any span of dates (each end any date); the
 * steps NULL with any capacity, or an array of any capacity up to its size ('steps[0]' of any
 * version); the count and the error NULL or not.
 *
 * Bounds: the arrays of the record hold at most 2 seals, 2 grants, 1 guardian, 1 representative
 * and 2 periods (each count 0 to that); docs/PROOF.md says why the code does not depend on the
 * size.
 */
#define PROOF_SHAPED
#define PROOF_SEALS 2
#define PROOF_GRANTS 2
#define PROOF_GUARDIANS 1
#define PROOF_REPRESENTATIVES 1
#define PROOF_PERIODS 2
#include "record.h"

#define PROOF_STEPS 4

static pv_timeline_step proof_steps[PROOF_STEPS];

int main(void) {
    proof_strings();
    proof_arrays();
    pv_citizen citizen;
    pv_actor actor;
    pv_service service;
    any_citizen(&citizen);
    any_actor(&actor);
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
