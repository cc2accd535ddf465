/*
 * prepared.c — the proof harness of pv_prepare() and pv_evaluate_prepared(): a citizen of any
 * content in the part of the input space whose record pointers are not NULL (PROOF_SHAPED), with
 * the arrays of evaluate.c (docs/PROOF.md), prepared into storage of any size up to
 * PV_PREPARED_MAX_SIZE (aligned and not NULL only, so far), then asked about by an actor and a
 * service of any content, on any date, with the output and the error of any version or NULL.
 *
 * Not in .ci/checks/90-proof.sh: the analysis raises alarms (docs/PROOF.md, "Not proved yet").
 * Run by hand with the options of that script and -eva-precision 2: a run stopped after 5
 * minutes had raised 14 alarms, all in src/time/view.c, the heap sort and the merge reached from
 * the builder of src/fast/prepared.c with a count of spans the analysis does not keep exact (a
 * run before the builder's 'split' annotations: 31, 13 of them in prepared.c and 2 in
 * src/input/record.c, the units of the record).
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

static max_align_t storage[PV_PREPARED_MAX_SIZE / sizeof(max_align_t)];

int main(void) {
    proof_strings();
    proof_arrays();
    pv_citizen citizen;
    pv_actor actor;
    pv_service service;
    any_citizen(&citizen);
    any_actor(&actor);
    /* The kinds that name an id (section 8: required for a guardian or a representative) with
       the id NULL or not, and the other values of the kind (below, between and above, negative
       too), each analysed apart (as in evaluate.c). The
       enum is unsigned for the compilers (its values are not negative), so a negative int is a
       large one. Every other field of the actor stays any. */
    const int shape = Frama_C_interval(0, 6);
    /*@ split shape; */
    switch (shape) {
    case 0:
        actor.kind = PV_ACTOR_GUARDIAN;
        actor.id = any_id();
        break;
    case 1:
        actor.kind = PV_ACTOR_GUARDIAN;
        actor.id = NULL;
        break;
    case 2:
        actor.kind = PV_ACTOR_REPRESENTATIVE;
        actor.id = any_id();
        break;
    case 3:
        actor.kind = PV_ACTOR_REPRESENTATIVE;
        actor.id = NULL;
        break;
    case 4: actor.kind = (pv_actor_kind)Frama_C_interval(0, PV_ACTOR_GUARDIAN - 1); break;
    case 5:
        actor.kind = (pv_actor_kind)Frama_C_interval(PV_ACTOR_REPRESENTATIVE + 1, INT_MAX);
        break;
    default: actor.kind = (pv_actor_kind)Frama_C_interval(INT_MIN, -1);
    }
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
