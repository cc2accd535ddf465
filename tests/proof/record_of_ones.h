/*
 * record_of_ones.h — the record of the harnesses of a prepared record (prepared.c,
 * prepared_decide.c, many.c): record.h's citizen with no NULL pointer in it (PROOF_SHAPED) and
 * at most 1 seal, 1 grant, 1 guardian, 1 representative and 1 period of each fact. A harness may
 * still lower or raise a bound by defining it before including this. docs/PROOF.md ("Smaller
 * records") says why these bounds and why the code does not depend on the size.
 */
#ifndef PV_PROOF_RECORD_OF_ONES_H
#define PV_PROOF_RECORD_OF_ONES_H

#ifndef PROOF_SHAPED
#define PROOF_SHAPED
#endif
#ifndef PROOF_SEALS
#define PROOF_SEALS 1
#endif
#ifndef PROOF_GRANTS
#define PROOF_GRANTS 1
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

/* Every count of the citizen 'c' (of any_citizen()) and of its guardian set to 'n' (0 or 1): the
   record of one layout that prepared_decide.c and many.c analyse (docs/PROOF.md, "A prepared
   record asked"). */
static inline void proof_counts_all(pv_citizen *c, size_t n) {
    c->seal_count = n;
    c->grant_count = n;
    c->guardian_count = n;
    c->representative_count = n;
    c->login_lock_period_count = n;
    c->protected_identity_period_count = n;
    proof_guardians[0].blocked_period_count = n;
    proof_guardians[0].protected_identity_period_count = n;
}

#endif
