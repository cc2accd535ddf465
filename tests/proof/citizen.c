/*
 * citizen.c — the proof harness of the functions that read a citizen alone:
 * pv_citizen_birth_date() (validation of the whole record, section 8, then A3),
 * pv_prepared_size(), pv_validate() (with an actor and a service of any content) and
 * pv_may_change() (any role, action and measure), with a citizen of any content (record.h) in the part of the input space
 * whose pointers are not NULL (PROOF_SHAPED): every version, enum, bool, date, byte of an id, a
 * unit, a personnummer or a case number, every count from 0 to one past its cap; the citizen
 * itself, the output and the error NULL or not. docs/PROOF.md says why the rest is not yet in.
 */
#define PROOF_SHAPED
#include "record.h"

int main(void) {
    proof_strings();
    proof_arrays();
    pv_citizen citizen;
    any_citizen(&citizen);
    const pv_citizen *c = any_ptr(&citizen);
    pv_error error_storage;
    pv_date birth;
    (void)pv_citizen_birth_date(c, any_date(), Frama_C_nondet(0, 1) ? &birth : NULL,
                                any_error(&error_storage));
    (void)pv_prepared_size(c);

    /* Step 0 of a decision: the record, an actor and a service of any content. */
    pv_actor actor;
    pv_service service;
    any_actor(&actor);
    any_service(&service);
    (void)pv_validate(c, Frama_C_nondet(0, 1) ? &actor : NULL,
                      Frama_C_nondet(0, 1) ? &service : NULL, any_date(),
                      any_error(&error_storage));

    /* Section 7: any role, action and measure index. */
    pv_permission permission;
    permission.version = any_version();
    (void)pv_may_change((pv_role)any_int(), (pv_action)any_int(), c,
                        Frama_C_long_interval(LONG_MIN, LONG_MAX), any_date(),
                        Frama_C_nondet(0, 1) ? &permission : NULL, any_error(&error_storage));
    return 0;
}
