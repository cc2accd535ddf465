/*
 * prepared.c — the proof harness of pv_prepare() and pv_prepared_check(): a citizen of any
 * content (record.h) in the part of the input space whose record pointers are not NULL
 * (PROOF_SHAPED), or NULL, prepared into storage of any size up to PV_PREPARED_MAX_SIZE or
 * NULL, the output and the error of any version or NULL; then the lifetime check of the record
 * prepared or of none (NULL) against the citizen or NULL.
 *
 * Each seal of every scope with a unit or without (seals.h), analysed apart.
 *
 * Bounds: at most 1 seal, 1 grant, 1 guardian, 1 representative and 1 period of each fact (each
 * count 0 to that); docs/PROOF.md says why the code does not depend on the size and why these
 * are smaller than evaluate.c's.
 */
#include "record_of_ones.h"
#include "seals.h"

static max_align_t storage[PV_PREPARED_MAX_SIZE / sizeof(max_align_t)];

int main(void) {
    proof_strings();
    proof_arrays();
    /* Each seal of every scope with a unit or without (seals.h), as in evaluate.c. */
    proof_seal_classes();
    pv_citizen citizen;
    any_citizen(&citizen);
    pv_error error_storage;
    pv_prepared *record = NULL;
    /* The storage NULL or of any size up to PV_PREPARED_MAX_SIZE; the citizen and the output
       NULL or not. */
    const size_t size = Frama_C_size_t_interval(0, sizeof storage);
    const pv_citizen *c = Frama_C_nondet(0, 1) ? &citizen : NULL;
    if (pv_prepare(c, Frama_C_nondet(0, 1) ? storage : NULL, size,
                   Frama_C_nondet(0, 1) ? &record : NULL, any_error(&error_storage)) != PV_OK) {
        return 0;
    }
    /* The lifetime check of the record prepared, or of none, against the citizen or NULL. */
    (void)pv_prepared_check(Frama_C_nondet(0, 1) ? record : NULL, Frama_C_nondet(0, 1) ? c : NULL,
                            any_error(&error_storage));
    return 0;
}
