/*
 * who_can_see.c — the proof harness of pv_who_can_see(): a citizen of any content (record.h) in
 * the part of the input space whose record pointers are not NULL (PROOF_SHAPED), or NULL; any
 * date; the rows NULL with any capacity, or an array of any capacity up to the most rows such a
 * record needs ('rows[0]' of any version); the count and the error NULL or not.
 *
 * Each seal of every scope with a unit or without one (seals.h), each pair analysed apart.
 *
 * Bounds: the arrays of the record hold at most 2 seals, 1 grant, 1 guardian, 1 representative
 * and 1 period of each kind (each count 0 to that): 2 seals so that two of them (and the grant)
 * may name the same unit, and a union of days of more than one span is sorted and merged. The
 * analysis takes about 3 minutes of CPU; 2 grants and 2 periods took more than 10. docs/PROOF.md
 * says why the code does not depend on the size.
 *
 * Not reached by design (the by_design list of .ci/checks/90-proof.sh): what facts_gather()
 * reads only for a prepared record (the path of pv_evaluate_prepared), which these functions
 * never pass it; the facts of one day (pv_decide's path: every row is decided over every
 * day); the heap sort of a union of more than 16 spans, which such a record cannot build; and the test of a seal's content against an entry date (restrictions.c's copy of
 * interval_contains() and date_key()): the rows ask for no entry.
 */
#define PROOF_SHAPED
#define PROOF_SEALS 2
#define PROOF_GRANTS 1
#define PROOF_GUARDIANS 1
#define PROOF_REPRESENTATIVES 1
#define PROOF_PERIODS 1
#include "record.h"
#include "seals.h"

/* The most rows: every actor (the citizen, each guardian, each representative) times the
   e-services, the journal and each distinct unit (at most one per seal and grant). */
#define PROOF_ROWS                                                                                 \
    ((1 + PROOF_GUARDIANS + PROOF_REPRESENTATIVES) * (2 + PROOF_SEALS + PROOF_GRANTS))

static pv_access_row proof_rows[PROOF_ROWS];

int main(void) {
    proof_strings();
    proof_arrays();
    proof_seal_classes();
    pv_citizen citizen;
    any_citizen(&citizen);
    const pv_citizen *c = Frama_C_nondet(0, 1) ? &citizen : NULL;
    pv_error error_storage;
    size_t count;
    /* The rows as a caller passes them: element 0's version any (PV_ACCESS_ROW_INIT's among
       them), the rest uninitialised, with any capacity up to the array's size; or NULL with any
       capacity. The two are analysed apart (a join would pair the array with a capacity past
       its end, which no caller can pass). */
    proof_rows[0].version = any_version();
    int with_rows = Frama_C_nondet(0, 1);
    pv_access_row *rows;
    size_t capacity;
    /*@ split with_rows; */
    rows = with_rows ? proof_rows : NULL;
    capacity =
        with_rows ? Frama_C_size_t_interval(0, PROOF_ROWS) : Frama_C_size_t_interval(0, SIZE_MAX);
    (void)pv_who_can_see(c, any_date(), rows, capacity, Frama_C_nondet(0, 1) ? &count : NULL,
                         any_error(&error_storage));
    return 0;
}
