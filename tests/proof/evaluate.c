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
