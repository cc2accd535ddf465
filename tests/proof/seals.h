/*
 * seals.h — for the harnesses over smaller records (evaluate.c, units.c, who_can_see.c,
 * timeline.c): each seal of record.h (one or two of them) with its scope and its unit chosen
 * together, so that a seal of the whole journal has no unit, as section 8 requires. Without it, PROOF_SHAPED gives every
 * seal a unit, and validation refuses every seal of the whole journal.
 *
 * Each seal is of one of seven classes, every pair of scope and unit: the whole journal
 * without a unit (0) or with one (1, malformed), a unit's with a unit (2) or without (3,
 * malformed), the unset scope 0 (4), a scope past the last (5) or negative (6), these three
 * with a unit or none (malformed). The class of each seal is a global on which the analysis
 * partitions its states (-eva-partition-value proof_seal0,proof_seal1): a join of two classes
 * would pair a seal of a unit with no unit, which validation has refused. (An enum is an
 * unsigned int to the analysis, where a negative scope lies past every other: hence 5 and 6.)
 */
#ifndef PV_PROOF_SEALS_H
#define PV_PROOF_SEALS_H

#include "record.h"

#if PROOF_SEALS < 1 || PROOF_SEALS > 2
#error "seals.h chooses the class of one or two seals"
#endif

static int proof_seal0;
static int proof_seal1;

static void proof_seal_of_class(pv_seal *s, int class) {
    switch (class) {
    case 0:
        s->scope = PV_SEAL_WHOLE;
        s->unit = NULL;
        break;
    case 1:
        s->scope = PV_SEAL_WHOLE;
        s->unit = any_id();
        break;
    case 2:
        s->scope = PV_SEAL_UNIT;
        s->unit = any_id();
        break;
    case 3:
        s->scope = PV_SEAL_UNIT;
        s->unit = NULL;
        break;
    case 4: s->scope = PV_SEAL_SCOPE_UNSET; break;
    case 5: s->scope = (pv_seal_scope)Frama_C_interval(PV_SEAL_SCOPE_COUNT, INT_MAX); break;
    default: s->scope = (pv_seal_scope)Frama_C_interval(INT_MIN, -1);
    }
    if (class >= 4) s->unit = Frama_C_nondet(0, 1) ? any_id() : NULL;
}

/* After proof_arrays(): the scope and the unit of each seal, by class. */
static void proof_seal_classes(void) {
    proof_seal0 = Frama_C_interval(0, 6);
    proof_seal_of_class(&proof_seals[0], proof_seal0);
#if PROOF_SEALS == 2
    proof_seal1 = Frama_C_interval(0, 6);
    proof_seal_of_class(&proof_seals[1], proof_seal1);
#else
    proof_seal1 = 0; /* one class: the partition on it is one state */
#endif
}

#endif
