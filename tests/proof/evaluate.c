/*
 * evaluate.c — the proof harness of pv_evaluate(): a citizen, an actor and a service of any
 * content (record.h), any date, the output and the error of any version or NULL, and each
 * pointer argument NULL too. Build with -DPROOF_SHAPED for the part of that space whose pointers
 * are not NULL and whose counts are within the arrays.
 *
 * Not yet in .ci/checks/90-proof.sh: the analysis still raises alarms (docs/PROOF.md, "Not
 * proved yet"); run it by hand with the options of that script and -eva-precision 2.
 */
#include "record.h"

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
       too), each analysed apart: validation tells them apart, a join of them would not. The
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
    const pv_actor *a = any_ptr(&actor);
    const pv_service *s = any_ptr(&service);
    pv_date on = any_date();
    pv_error error_storage;
    pv_decision decision;

    (void)pv_evaluate(c, a, s, on, any_decision_out(&decision), any_error(&error_storage));
    return 0;
}
