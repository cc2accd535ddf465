/*
 * fuzz_log_line.c — the audit's fast reader of an access-log line (bindings/common/pv_log_line.c,
 * RULES.md H5) on arbitrary bytes. It parses untrusted bytes (access logs), without Python.
 *
 * The input is one line, copied into a buffer of exactly its size so that AddressSanitizer sees a
 * read past it. When the reader takes the line, every member it gives lies inside the line and
 * has the shape pv_log_line.h promises (strings without escapes, objects in braces, "on" a date,
 * "at" a timestamp whose hour key is its own hour, only from 1901), and the same line with a
 * CR at its end (H5: a line may end in CR LF) or white space before it is read the same way.
 * Any broken invariant aborts.
 */
#include <stdint.h>
#include <string.h>

#include "fuzz_input.h"
#include "pv_log_line.h"

static int inside(const pv_log_span *span, const char *line, size_t size) {
    return span->text >= line && span->size <= size && span->text + span->size <= line + size;
}

/* A string the reader gives: printable ASCII, no quote, no backslash. */
static int plain_text(const pv_log_span *span) {
    for (size_t i = 0; i < span->size; i++) {
        unsigned char c = (unsigned char)span->text[i];
        if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') return 0;
    }
    return 1;
}

static int digits(const char *p, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (p[i] < '0' || p[i] > '9') return 0;
    }
    return 1;
}

static void check_taken(const pv_log_line *out, const char *line, size_t size) {
    for (int m = 0; m < PV_LOG_MEMBER_COUNT; m++) {
        const pv_log_span *span = &out->member[m];
        if (span->text == NULL) {
            FUZZ_CHECK(m == PV_LOG_ON || m == PV_LOG_AT);
            continue;
        }
        FUZZ_CHECK(inside(span, line, size));
        if (m == PV_LOG_ACTOR || m == PV_LOG_SERVICE) {
            FUZZ_CHECK(span->size >= 2 && span->text[0] == '{' &&
                       span->text[span->size - 1] == '}');
        } else {
            FUZZ_CHECK(plain_text(span));
        }
    }
    const pv_log_span *on = &out->member[PV_LOG_ON];
    const pv_log_span *at = &out->member[PV_LOG_AT];
    FUZZ_CHECK((on->text == NULL) != (at->text == NULL));
    if (on->text != NULL) {
        FUZZ_CHECK(on->size == 10 && digits(on->text, 4) && on->text[4] == '-' &&
                   on->text[7] == '-' && out->hour_size == 0);
        return;
    }
    FUZZ_CHECK(at->size >= 20 && digits(at->text, 4) && at->text[10] == 'T');
    FUZZ_CHECK(at->text[at->size - 1] == 'Z' || at->text[at->size - 3] == ':');
    if (out->hour_size > 0) {
        FUZZ_CHECK(out->hour_size == 14 || out->hour_size == 19);
        FUZZ_CHECK(memcmp(out->hour, at->text, 13) == 0 && memcmp(at->text, "1901", 4) >= 0);
    }
}

/* The line read again at another place, with 'before' and 'after' around it. */
static void check_same(const uint8_t *data, size_t size, const char *before, const char *after,
                       int taken) {
    size_t nb = strlen(before);
    size_t na = strlen(after);
    char *copy = malloc(nb + size + na + 1);
    if (copy == NULL) return;
    memcpy(copy, before, nb);
    if (size > 0) memcpy(copy + nb, data, size);
    memcpy(copy + nb + size, after, na);
    pv_log_line again;
    FUZZ_CHECK(pv_log_line_read(copy, nb + size + na, &again) == taken);
    free(copy);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    char *line = malloc(size > 0 ? size : 1);
    if (line == NULL) return 0;
    if (size > 0) memcpy(line, data, size);
    pv_log_line out;
    int taken = pv_log_line_read(line, size, &out);
    if (taken) check_taken(&out, line, size);
    check_same(data, size, "", "\r", taken);
    check_same(data, size, " \t", "", taken);
    free(line);
    return 0;
}
