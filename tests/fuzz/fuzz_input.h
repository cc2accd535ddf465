/* fuzz_input.h — reads typed values from a fuzzer's bytes; shared by the targets of tests/fuzz.

   Every value is taken from the front of the input; once the input is used up every reader
   returns zero, so any input decodes to something. Strings are copied into buffers of exactly
   their own size plus the NUL, so that AddressSanitizer sees a read past the terminator. */
#ifndef PV_FUZZ_INPUT_H
#define PV_FUZZ_INPUT_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "portvakt.h"

/* libFuzzer's entry point. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct fuzz_input {
    const uint8_t *data;
    size_t size;
} fuzz_input;

/* Ends the run with a message: libFuzzer records the input as a crash. */
#define FUZZ_CHECK(cond)                                                                           \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "%s:%d: invariant violated: %s\n", __FILE__, __LINE__, #cond);         \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

static inline uint8_t take_u8(fuzz_input *in) {
    if (in->size == 0) return 0;
    uint8_t b = in->data[0];
    in->data++;
    in->size--;
    return b;
}

static inline uint16_t take_u16(fuzz_input *in) {
    uint16_t lo = take_u8(in);
    uint16_t hi = take_u8(in);
    return (uint16_t)(lo | (uint16_t)(hi << 8));
}

static inline uint32_t take_u32(fuzz_input *in) {
    uint32_t lo = take_u16(in);
    uint32_t hi = take_u16(in);
    return lo | (hi << 16);
}

static inline bool take_bool(fuzz_input *in) {
    return (take_u8(in) & 1u) != 0;
}

/* Any 16-bit year, month and day: mostly not dates at all. */
static inline pv_date take_raw_date(fuzz_input *in) {
    pv_date d;
    d.year = (int16_t)take_u16(in);
    d.month = take_u8(in);
    d.day = take_u8(in);
    return d;
}

/* A copy of the next 'length' bytes (fewer if the input ends) with a NUL after them, in a
   buffer of exactly that size; the caller frees it. Returns NULL only if malloc fails. */
static inline char *take_bytes_as_string(fuzz_input *in, size_t length) {
    if (length > in->size) length = in->size;
    char *s = malloc(length + 1);
    if (s == NULL) return NULL;
    if (length > 0) memcpy(s, in->data, length);
    s[length] = '\0';
    in->data += length;
    in->size -= length;
    return s;
}

#endif
