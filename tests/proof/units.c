/*
 * units.c — the proof harness of pv_citizen_units(): a citizen of any content (record.h) in the
 * part of the input space whose record pointers are not NULL (PROOF_SHAPED), or NULL; any date;
 * the units NULL or an array of any capacity up to its size, the count and the error NULL or
 * not.
 *
 * Each seal of every scope with a unit or without one (seals.h), each pair analysed apart.
 *
 * Bounds: at most 2 seals, 2 grants, 1 guardian, 1 representative and 2 periods (each count 0
 * to that); docs/PROOF.md says why the code does not depend on the size.
 */
#define PROOF_SHAPED
#define PROOF_SEALS 2
#define PROOF_GRANTS 2
#define PROOF_GUARDIANS 1
#define PROOF_REPRESENTATIVES 1
#define PROOF_PERIODS 2
#include "record.h"
#include "seals.h"

/* The most units: one per seal and grant. */
#define PROOF_UNITS (PROOF_SEALS + PROOF_GRANTS)

int main(void) {
    proof_strings();
    proof_arrays();
    proof_seal_classes();
    pv_citizen citizen;
    any_citizen(&citizen);
    pv_error error_storage;
    size_t count;
    const char *units_storage[PROOF_UNITS];
    /* The array with any capacity up to its size, or NULL with any capacity: analysed apart (a
       join would pair the array with a capacity past its end). */
    int with_units = Frama_C_nondet(0, 1);
    const char **units;
    size_t capacity;
    /*@ split with_units; */
    units = with_units ? units_storage : NULL;
    capacity =
        with_units ? Frama_C_size_t_interval(0, PROOF_UNITS) : Frama_C_size_t_interval(0, SIZE_MAX);
    (void)pv_citizen_units(Frama_C_nondet(0, 1) ? &citizen : NULL, any_date(), units, capacity,
                           Frama_C_nondet(0, 1) ? &count : NULL, any_error(&error_storage));
    return 0;
}
