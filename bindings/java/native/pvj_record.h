/*
 * pvj_record.h — the native side of the Java binding that owns memory: a citizen's record
 * decoded from the bytes the Java layer encodes (org.portvakt.Codec), optionally prepared
 * (pv_prepare), and the calls that decide against it. Every call crosses JNI once: the inputs
 * come as one byte array, a decision goes back as one 64-bit word (pvj_pack_decision).
 *
 * Why bytes: a record of the caps (RULES.md section 8) has thousands of elements; setting them
 * one JNI call at a time would cost more than deciding. The encoding is private to this
 * binding: both ends are built together (org.portvakt.Codec is its only writer).
 *
 * Memory: pvj_record_new() makes one allocation for the record (the pv_citizen struct, its
 * arrays and strings) and, when prepared, one for the prepared storage; pvj_record_free() frees
 * both. Nothing else allocates. A record is only read after it is made, so one record may be
 * used by many threads at once (pv_evaluate_prepared only reads it).
 */
#ifndef PVJ_RECORD_H
#define PVJ_RECORD_H

#include <stdint.h>

#include "portvakt.h"

/** A citizen's record owned by the native side (opaque to Java). */
typedef struct pvj_record pvj_record;

/**
 * Decodes the citizen encoded in 'bytes' ('length' bytes) into a new record and, when
 * 'prepare' is not 0, prepares it (validating it: RULES.md section 8). Returns the record, or
 * NULL with '*problem' set: the library's error for a malformed citizen, field "record" for bytes
 * that are not an encoding, field "memory" when memory runs out.
 */
pvj_record *pvj_record_new(const int8_t *bytes, int32_t length, int32_t prepare, pv_error *problem);

/** Frees a record (NULL is ignored). */
void pvj_record_free(pvj_record *record);

/** The number of records made and not yet freed, in this process: for tests and monitoring of
    the Java binding (that the Cleaner frees what nobody closed). */
int64_t pvj_record_live(void);

/** Returns 1 if 'record' was prepared. */
int32_t pvj_record_prepared(const pvj_record *record);

/**
 * The decision for one query (an actor and a service, encoded) against 'record' on 'on',
 * packed by pvj_pack_decision(). On invalid input the packed fail-closed deny (V1) and '*problem'
 * names the field.
 */
int64_t pvj_evaluate(const pvj_record *record, const int8_t *query, int32_t length, pv_date on,
                     pv_error *problem);

/**
 * The decisions of 'count' queries (encoded one after another in 'queries') against 'record'
 * on 'on', written packed to 'outcomes' (capacity 'capacity'). An invalid query gets the
 * fail-closed deny and the others their answers; '*problem' names the first invalid one
 * ("queries[3].actor.id"). Returns the number of decisions written.
 */
int32_t pvj_evaluate_many(const pvj_record *record, const int8_t *queries, int32_t length,
                          int32_t count, pv_date on, int64_t *outcomes, int32_t capacity,
                          pv_error *problem);

/**
 * Who can see what (pv_who_can_see) on 'on': two words a row in 'rows' (capacity 'capacity'
 * words): the packed decision, then pvj_pack_row() of the row. Returns the number of rows (also
 * when 'capacity' is too small: nothing is written then, ask again).
 */
int32_t pvj_who_can_see(const pvj_record *record, pv_date on, int64_t *rows, int32_t capacity,
                        pv_error *problem);

/**
 * The timeline (pv_timeline) of one query from 'from' to 'until': two words a step, the packed
 * first day of the step (pvj_pack_date) and the packed decision. Returns the number of steps
 * (nothing written when 'capacity' is too small).
 */
int32_t pvj_timeline(const pvj_record *record, const int8_t *query, int32_t length, pv_date from,
                     pv_date until, int64_t *steps, int32_t capacity, pv_error *problem);

/** A date as one int: year << 9 | month << 5 | day; PV_DATE_NONE is 0. */
int32_t pvj_pack_date(pv_date date);

/** The inverse of pvj_pack_date(). */
pv_date pvj_unpack_date(int32_t packed);

/**
 * A decision as one word: bits 0-23 the reasons, 24-28 the primary reason, 29-35 its rule, 36
 * the effect, 37 filtered, 38-60 changes_on (pvj_pack_date).
 */
int64_t pvj_pack_decision(const pv_decision *decision);

#endif /* PVJ_RECORD_H */
