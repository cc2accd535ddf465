/*
 * nondet.h — the inputs of the proof harnesses: every value a caller can pass, built with the
 * nondeterministic builtins of Frama-C's EVA (each call stands for all the values of its range at
 * once). Only for tests/proof/*.c under frama-c; never compiled into the library or its tests.
 */
#ifndef PV_PROOF_NONDET_H
#define PV_PROOF_NONDET_H

#include <limits.h>
#include <stdint.h>

#include "__fc_builtin.h"
#include "portvakt.h"

/* Any bool. */
static inline bool any_bool(void) {
    return Frama_C_nondet(0, 1) != 0;
}

/* Any date: every year an int16_t holds, every month and day a byte holds (PV_DATE_NONE,
   dates that exist and the rest). */
static inline pv_date any_date(void) {
    pv_date d;
    d.year = (int16_t)Frama_C_interval(INT16_MIN, INT16_MAX);
    d.month = (uint8_t)Frama_C_interval(0, UINT8_MAX);
    d.day = (uint8_t)Frama_C_interval(0, UINT8_MAX);
    return d;
}

/* Any int (an enum's value out of range included: enums are int-sized on x86_64). */
static inline int any_int(void) {
    return Frama_C_interval(INT_MIN, INT_MAX);
}

/* Any uint32_t (a struct's version: the right one, 0 and every wrong one). */
static inline uint32_t any_version(void) {
    return Frama_C_unsigned_int_interval(0, UINT32_MAX);
}

/* Any string of up to 'size' - 1 bytes, as the tail of 'buf': the bytes are made unknown, the
   last one NUL, and the string starts at any offset, each offset analysed apart
   (Frama_C_interval_split). So every length has a state in which the string's NUL is the last
   byte of its buffer, where a read past the NUL is out of bounds; a NUL earlier (the bytes are
   any) gives the shorter strings in longer buffers. A macro, so that the states stay apart in
   the caller (a function would join them when it returns). */
#define any_string(buf, size)                                                                      \
    (Frama_C_make_unknown((buf), (size)-1), (buf)[(size)-1] = '\0',                                \
     (const char *)(buf) + Frama_C_interval_split(0, (int)(size)-1))

/* Room for an id or a unit of any bytes and any length up to 65: one past PV_ID_MAX. */
#define ANY_ID_SIZE (PV_ID_MAX + 2)

/* NULL or any string of up to size - 1 bytes in 'buf' (any_string). */
#define any_string_or_null(buf, size) (Frama_C_nondet(0, 1) ? any_string(buf, size) : NULL)

/* The error argument: NULL, or an error of any content and any version (the right one among
   them), as a caller may pass it. */
static inline pv_error *any_error(pv_error *storage) {
    Frama_C_make_unknown((char *)storage, sizeof *storage);
    return Frama_C_nondet(0, 1) ? storage : NULL;
}

#endif
