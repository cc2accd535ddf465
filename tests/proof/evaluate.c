/*
 * evaluate.c — the proof harness of pv_evaluate() and pv_decide(): a citizen, an actor and a
 * service of any content (record.h) in the part of the input space whose record pointers are not
 * NULL (PROOF_SHAPED; the actor's id and the service's unit NULL or not), any date, the output
 * of any version, the error of any version or NULL. The citizen, actor, service and output
 * pointers NULL or not, each choice of the four apart.
 *
 * The arrays of the record are shorter than the caps of section 8: up to 2 seals and 2 grants, 1
 * guardian and 1 representative, 1 period of each fact, every count from 0 to that. Validation at
 * the caps is proved by citizen.c; past it the decision's loops run over the counts only, and the
 * analysis keeps each count's states apart (docs/PROOF.md says why that proves the same for
 * longer arrays and what it does not). A harness of larger arrays can define these before.
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
#include "seals.h"

int main(void) {
    proof_strings();
    proof_arrays();
    /* Each seal of every scope with a unit or without (seals.h): PROOF_SHAPED alone gives every
       seal a unit, and validation would refuse each seal of the whole journal (J1 unreached). */
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
    pv_decision decision;
    pv_decision one_day;
    decision.version = any_version();
    one_day.version = any_version();
    /* The citizen, the actor, the service and the output each NULL or not: every choice of the
       four, each analysed apart (a NULL one is refused at step 0 or at the output's check). */
    const pv_citizen *c = &citizen;
    const pv_actor *a = &actor;
    const pv_service *s = &service;
    pv_decision *out = &decision;
    pv_decision *out_one_day = &one_day;
    const int nulls = Frama_C_interval(0, 15);
    /*@ split nulls; */
    if (nulls & 1) c = NULL;
    if (nulls & 2) a = NULL;
    if (nulls & 4) s = NULL;
    if (nulls & 8) {
        out = NULL;
        out_one_day = NULL;
    }
    pv_date on = any_date();
    pv_error error_storage;

    (void)pv_evaluate(c, a, s, on, out, any_error(&error_storage));
    /* The same request for the one day (no T1): the facts read on the date alone (facts_on). */
    (void)pv_decide(c, a, s, on, out_one_day, any_error(&error_storage));
    return 0;
}
