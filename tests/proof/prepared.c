/*
 * prepared.c — the proof harness of pv_prepare() and pv_evaluate_prepared(): a citizen of any
 * content in the part of the input space whose record pointers are not NULL (PROOF_SHAPED), with
 * the arrays of evaluate.c (docs/PROOF.md), prepared into storage of any size up to
 * PV_PREPARED_MAX_SIZE (aligned and not NULL only, so far), then asked about by an actor and a
 * service of any content, on any date, with the output and the error of any version or NULL.
 *
 * Not in .ci/checks/90-proof.sh: the analysis raises alarms (docs/PROOF.md, "Not proved yet").
 * Run by hand with the options of that script and -eva-precision 2: a run stopped after 5
 * minutes had raised 11 alarms, all from the units of the record: src/input/record.c's index of
 * the mentions of units, filled up to a count and read up to it (2), and the mentions read
 * through it in src/fast/prepared.c's build_unit, seals_set and grants_set (9). The builder's
 * own spans are kept exact by its 'split' annotations (before them: 31 alarms).
 */
#ifndef PROOF_SHAPED
#define PROOF_SHAPED
#endif
#ifndef PROOF_SEALS
#define PROOF_SEALS 2
#endif
#ifndef PROOF_GRANTS
#define PROOF_GRANTS 2
#endif
#ifndef PROOF_GUARDIANS
#define PROOF_GUARDIANS 1
#endif
#ifndef PROOF_REPRESENTATIVES
#define PROOF_REPRESENTATIVES 1
#endif
#ifndef PROOF_PERIODS
#define PROOF_PERIODS 1
#endif
#include "record.h"
#include "actors.h"

static max_align_t storage[PV_PREPARED_MAX_SIZE / sizeof(max_align_t)];

int main(void) {
    proof_strings();
    proof_arrays();
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
    const pv_citizen *c = any_ptr(&citizen);
    pv_error error_storage;
    pv_prepared *record = NULL;
    const size_t size = Frama_C_size_t_interval(0, sizeof storage);
    if (pv_prepare(c, storage, size, Frama_C_nondet(0, 1) ? &record : NULL,
                   any_error(&error_storage)) != PV_OK) {
        return 0;
    }
    pv_decision decision;
    (void)pv_evaluate_prepared(record, c, any_ptr(&actor), any_ptr(&service), any_date(),
                               any_decision_out(&decision), any_error(&error_storage));
    return 0;
}
