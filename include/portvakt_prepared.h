/*
 * portvakt_prepared.h — a citizen's record validated once and arranged for deciding, then asked
 * about many times: pv_prepare() and pv_evaluate_prepared(). Include <portvakt.h>.
 *
 * WHY
 *   pv_evaluate() validates the whole record on every call (RULES.md section 8, V1), and a portal
 *   asks about one citizen many times per page, an audit about the same records millions of
 *   times. A prepared record is the record validated once, with what every decision needs
 *   derived from it: the personnummer read (A3; its century, N4, is read on each date), the
 *   periods of each fact of section 11 (H1) and the active intervals of the seals and the
 *   validity of the grants as sorted unions of days, the seals and grants grouped by unit and by
 *   holder. Deciding against it re-validates nothing that does not depend on the date, reads the
 *   record's arrays not at all, and allocates nothing; changes_on (T1) steps from one turn of
 *   the facts to the next instead of deciding every candidate date again.
 *
 * STORAGE
 *   The caller provides the storage: pv_prepared_size(citizen) bytes (PV_PREPARED_MAX_SIZE is
 *   enough for any valid record, for static storage), aligned for max_align_t (what malloc()
 *   returns; on the stack, an array of max_align_t). The library writes into it a header with a
 *   magic number, a copy of the pv_citizen struct and a 64-bit fingerprint of every element of
 *   its arrays and every string it points to; the rest are offsets into the storage itself, so
 *   the storage may be copied (memcpy) to another suitably aligned place. There is nothing to
 *   free: the record lives as long as its storage. pv_prepared is opaque and its layout may
 *   change in any release: keep no prepared record across a change of the library.
 *
 * LIFETIME RULE
 *   A prepared record answers for the citizen as it was when prepared, and keeps pointers into
 *   it (its ids, units and arrays). The citizen — the pv_citizen struct, its arrays and every
 *   string they point to — must stay alive and unchanged while the record is used; after any
 *   change, prepare it again. What can be checked cheaply is checked on every call:
 *   pv_evaluate_prepared() takes the citizen as well, and refuses (PV_ERR_INVALID_INPUT naming
 *   "record", the fail-closed deny of V1) storage that holds no prepared record (zeroed, or a
 *   failed pv_prepare()) and a citizen whose pv_citizen struct differs in any member from the
 *   one prepared (another citizen, a count, a pointer, a flag, the birth date). A change inside
 *   the arrays or strings in place (a seal's date edited) is not seen by that O(1) check:
 *   pv_prepared_check() compares the whole record with the fingerprint (O(n)); call it when
 *   the caller cannot otherwise be sure, e.g. after a record was edited in place.
 *
 * THREADS
 *   pv_evaluate_prepared() only reads the prepared record: one record may be used by many
 *   threads at once (as long as nobody prepares into the same storage meanwhile).
 *
 * ABI
 *   Only functions and an opaque type: pv_prepared has no version because the caller never
 *   reads it; the inputs and the decision are the versioned structs of portvakt_core.h.
 */
#ifndef PORTVAKT_PREPARED_H
#define PORTVAKT_PREPARED_H

#include "portvakt_core.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A prepared record (opaque), in storage the caller provides. */
typedef struct pv_prepared pv_prepared;

/** Bytes of storage that pv_prepare() needs for any valid record (one at the caps of RULES.md
    section 8: 1,024 seals and grants, 16 guardians with 256 periods of each fact ...). */
#define PV_PREPARED_MAX_SIZE ((size_t)256 * 1024)

/**
 * Returns the bytes of storage pv_prepare() needs for 'citizen' (at most PV_PREPARED_MAX_SIZE),
 * or 0 if the citizen cannot be measured: NULL, or a version the library does not know. Counts
 * past the caps are measured as the caps (pv_prepare() refuses them anyway). The size depends
 * only on the counts of the record and of each guardian's periods.
 */
PV_EXPORT size_t pv_prepared_size(const pv_citizen *citizen);

/**
 * Validates 'citizen' (RULES.md section 8, everything that does not depend on the evaluation
 * date) and prepares it in 'storage' of 'size' bytes, writing the record's address (that of
 * 'storage') to '*out'. Returns PV_OK; PV_ERR_INVALID_INPUT when 'out' or 'storage' is NULL or
 * 'storage' is not aligned for max_align_t (field "storage"), or when the citizen is malformed
 * ('*error' names the field exactly as pv_evaluate() does: "citizen.seals[2].active.from");
 * PV_ERR_BUFFER_TOO_SMALL when 'size' is less than pv_prepared_size(citizen) (field "size").
 * On failure '*out' is NULL and storage that was aligned and large enough to hold the header
 * no longer holds a prepared record (a record prepared there before is refused from then on).
 * What depends on the date — the century of a ten-digit personnummer (N4), a birth date after
 * the date — is checked by pv_evaluate_prepared() on each date, with pv_evaluate()'s errors.
 */
PV_EXPORT PV_NODISCARD pv_status pv_prepare(const pv_citizen *citizen, void *storage, size_t size,
                                            pv_prepared **out, pv_error *error);

/**
 * Decides as pv_evaluate(citizen, actor, service, on, out, error) does — the same decision in
 * every member (effect, reason, reasons, rule, reason_rules, filtered, changes_on) and the same
 * errors (status, field, rule) — for the citizen 'record' was prepared from, which must be
 * passed as 'citizen' (the lifetime rule above). The actor, the service and the date are
 * validated on every call, and so is what in the citizen depends on the date. Returns
 * PV_ERR_INVALID_INPUT naming "record" (a fail-closed deny) when 'record' is NULL or holds no
 * prepared record, or when 'citizen' is not the pv_citizen struct it was prepared from. Never
 * allocates; O(log n) in the record per turn of a fact up to changes_on.
 */
PV_EXPORT PV_NODISCARD pv_status pv_evaluate_prepared(const pv_prepared *record,
                                                      const pv_citizen *citizen,
                                                      const pv_actor *actor,
                                                      const pv_service *service, pv_date on,
                                                      pv_decision *out, pv_error *error);

/**
 * Checks that 'citizen' is, in full, the citizen 'record' was prepared from: its pv_citizen
 * struct, and every element of its arrays and every string by the fingerprint (O(n)). Returns
 * PV_OK, or PV_ERR_INVALID_INPUT naming "record" when it is not (prepare it again), when
 * 'record' holds no prepared record, or when 'citizen' is NULL (field "citizen").
 */
PV_EXPORT PV_NODISCARD pv_status pv_prepared_check(const pv_prepared *record,
                                                   const pv_citizen *citizen, pv_error *error);

#ifdef __cplusplus
}
#endif

#endif /* PORTVAKT_PREPARED_H */
