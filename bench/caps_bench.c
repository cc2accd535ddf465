/*
 * caps_bench.c — what one call costs on a record at the caps of RULES.md section 8.
 *
 * The caps (16 guardians, 16 representatives, 1,024 seals, 1,024 grants) bound the cost of one
 * call; this measures that bound on the record of caps_record.h (every id and unit 64 bytes,
 * differing only at their end, seals and grants spread over the years and over 256 units):
 *
 *   - pv_evaluate for each of its requests (the citizen, the last guardian, the last
 *     representative x the e-services, the whole journal, one unit, one entry): the median over
 *     the passes of the nanoseconds per call, for each request, and the median of those;
 *   - pv_decide (no changes_on) and pv_evaluate_many (the requests in one call) alike;
 *   - the prepared path: pv_prepare on the record (microseconds per call), and
 *     pv_evaluate_prepared for each request, as pv_evaluate;
 *   - pv_who_can_see on the record: milliseconds per call (median over its passes) and rows.
 *
 * The last line is machine-readable:
 *
 *     caps_evaluate_ns=<median> caps_prepared_ns=<median> caps_prepare_us=<median>
 *     caps_who_ms=<median> caps_who_rows=<rows>
 *
 * (one line).
 *
 * Usage: portvakt-caps-bench [--passes N] [--reps N] [--who-passes N] [--clock monotonic|thread]
 *
 * Built by meson, never run by `meson test` (the test caps-record checks that every request at
 * the caps is answered, without timing). Meant for a release build.
 */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "caps_record.h"

static caps_record record;
/* The record prepared (PV_PREPARED_MAX_SIZE holds any). */
static max_align_t storage[PV_PREPARED_MAX_SIZE / sizeof(max_align_t)];
static const pv_prepared *prepared;

/* pv_evaluate_prepared on the prepared record, in the shape of pv_evaluate. */
static pv_status evaluate_prepared(const pv_citizen *citizen, const pv_actor *actor,
                                   const pv_service *service, pv_date on, pv_decision *out,
                                   pv_error *error) {
    return pv_evaluate_prepared(prepared, citizen, actor, service, on, out, error);
}

typedef pv_status (*decide_fn)(const pv_citizen *, const pv_actor *, const pv_service *, pv_date,
                               pv_decision *, pv_error *);

static double now_ns(clockid_t clock) {
    struct timespec ts;
    clock_gettime(clock, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int compare_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The median of 'n' values (sorts them); the mean of the two middle ones for an even count. */
static double median(double *v, size_t n) {
    qsort(v, n, sizeof *v, compare_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

static int parse_count(const char *text, size_t *out) {
    if (text == NULL || *text == '\0' || *text == '-') return -1;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(text, &end, 10);
    if (errno != 0 || *end != '\0' || v == 0 || v > 1000000) return -1;
    *out = (size_t)v;
    return 0;
}

static int usage(void) {
    fprintf(stderr, "usage: portvakt-caps-bench [--passes N] [--reps N] [--who-passes N] "
                    "[--clock monotonic|thread]\n");
    return 2;
}

/* Fails the run for a request the library does not answer (the record is valid input). */
static int refused(const char *what, pv_status status, const pv_error *err) {
    fprintf(stderr, "portvakt-caps-bench: %s: %s at %s: %s\n", what, pv_status_name(status),
            err->field, err->message ? err->message : "");
    return 1;
}

/* Times 'reps' calls of 'decide' on query 'q'; returns nanoseconds per call, or a negative
   number if a call fails. */
static double time_query(clockid_t clock, decide_fn decide, const caps_query *q, size_t reps,
                         unsigned *sink) {
    pv_decision d = PV_DECISION_INIT;
    double start = now_ns(clock);
    for (size_t k = 0; k < reps; k++) {
        if (decide(&record.citizen, &q->actor, &q->service, record.on, &d, NULL) != PV_OK) {
            return -1.0;
        }
        *sink += (unsigned)d.reasons + d.changes_on.day;
    }
    return (now_ns(clock) - start) / (double)reps;
}

int main(int argc, char **argv) {
    size_t passes = 15, reps = 200, who_passes = 5;
    clockid_t clock = CLOCK_MONOTONIC;
    for (int i = 1; i < argc; i++) {
        const char *value = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(argv[i], "--passes") == 0 && parse_count(value, &passes) == 0) {
            i++;
        } else if (strcmp(argv[i], "--reps") == 0 && parse_count(value, &reps) == 0) {
            i++;
        } else if (strcmp(argv[i], "--who-passes") == 0 && parse_count(value, &who_passes) == 0) {
            i++;
        } else if (strcmp(argv[i], "--clock") == 0 && value != NULL &&
                   (strcmp(value, "monotonic") == 0 || strcmp(value, "thread") == 0)) {
            clock = value[0] == 'm' ? CLOCK_MONOTONIC : CLOCK_THREAD_CPUTIME_ID;
            i++;
        } else {
            return usage();
        }
    }

    caps_record_build(&record);
    /* Every allocation before timing: the samples and the rows. */
    double *samples = malloc((3 * CAPS_QUERY_COUNT + 2) * passes * sizeof *samples);
    double *who_ms = malloc(who_passes * sizeof *who_ms);
    pv_access_row *rows = malloc(CAPS_WHO_ROWS * sizeof *rows);
    if (samples == NULL || who_ms == NULL || rows == NULL) {
        fprintf(stderr, "portvakt-caps-bench: out of memory\n");
        return 1;
    }

    printf("portvakt-caps-bench (portvakt %s): a record at the caps: %d guardians, %d "
           "representatives, %d seals, %d grants, %d units, ids of %d bytes; %zu passes x %zu "
           "calls, %s clock\n",
           pv_version(), PV_MAX_GUARDIANS, PV_MAX_REPRESENTATIVES, PV_MAX_SEALS, PV_MAX_GRANTS,
           CAPS_UNITS, PV_ID_MAX, passes, reps,
           clock == CLOCK_MONOTONIC ? "monotonic" : "thread CPU-time");

    pv_prepared *made = NULL;
    pv_error prepare_err = PV_ERROR_INIT;
    pv_status prepare_status =
        pv_prepare(&record.citizen, storage, sizeof storage, &made, &prepare_err);
    if (prepare_status != PV_OK) return refused("pv_prepare", prepare_status, &prepare_err);
    prepared = made;
    printf("prepared record: %zu bytes (PV_PREPARED_MAX_SIZE %zu)\n",
           pv_prepared_size(&record.citizen), (size_t)PV_PREPARED_MAX_SIZE);

    /* Each request once, checked and shown. */
    for (size_t q = 0; q < CAPS_QUERY_COUNT; q++) {
        const caps_query *cq = &record.queries[q];
        pv_decision d = PV_DECISION_INIT;
        pv_error err = PV_ERROR_INIT;
        pv_status status = pv_evaluate(&record.citizen, &cq->actor, &cq->service, record.on, &d,
                                       &err);
        if (status != PV_OK) return refused(cq->label, status, &err);
        pv_decision e = PV_DECISION_INIT;
        if (pv_evaluate_prepared(prepared, &record.citizen, &cq->actor, &cq->service, record.on,
                                 &e, &err) != PV_OK ||
            e.reasons != d.reasons || e.reason != d.reason || e.filtered != d.filtered ||
            pv_date_compare(e.changes_on, d.changes_on) != 0) {
            fprintf(stderr, "portvakt-caps-bench: %s: pv_evaluate_prepared disagrees\n",
                    cq->label);
            return 1;
        }
        char change[PV_DATE_STRING_SIZE] = "none";
        if (!pv_date_is_none(d.changes_on) &&
            pv_date_format(d.changes_on, change, sizeof change, NULL) != PV_OK) {
            snprintf(change, sizeof change, "?");
        }
        printf("  %-30s %s %s%s, changes_on %s\n", cq->label, pv_effect_name(d.effect),
               pv_reason_name(d.reason), d.filtered ? " (filtered)" : "", change);
    }

    unsigned sink = 0;
    double *evaluate_ns = samples, *decide_ns = samples + CAPS_QUERY_COUNT * passes;
    double *many_ns = samples + 2 * CAPS_QUERY_COUNT * passes;
    double *prepared_ns = samples + (2 * CAPS_QUERY_COUNT + 1) * passes;
    double *prepare_us = samples + (3 * CAPS_QUERY_COUNT + 1) * passes;
    pv_query queries[CAPS_QUERY_COUNT];
    pv_outcome outcomes[CAPS_QUERY_COUNT] = {PV_OUTCOME_INIT};
    for (size_t q = 0; q < CAPS_QUERY_COUNT; q++) {
        queries[q] = (pv_query)PV_QUERY_INIT;
        queries[q].citizen = &record.citizen;
        queries[q].actor = &record.queries[q].actor;
        queries[q].service = &record.queries[q].service;
    }
    /* A warm-up pass, then the passes; the requests alternate within each pass. */
    for (size_t p = 0; p <= passes; p++) {
        for (size_t q = 0; q < CAPS_QUERY_COUNT; q++) {
            const caps_query *cq = &record.queries[q];
            double e = time_query(clock, pv_evaluate, cq, reps, &sink);
            double d = time_query(clock, pv_decide, cq, reps, &sink);
            double r = time_query(clock, evaluate_prepared, cq, reps, &sink);
            if (e < 0 || d < 0 || r < 0) {
                fprintf(stderr, "portvakt-caps-bench: %s failed\n", cq->label);
                return 1;
            }
            if (p > 0) {
                evaluate_ns[q * passes + p - 1] = e;
                decide_ns[q * passes + p - 1] = d;
                prepared_ns[q * passes + p - 1] = r;
            }
        }
        double start = now_ns(clock);
        for (size_t k = 0; k < reps; k++) {
            pv_error err = PV_ERROR_INIT;
            pv_status status =
                pv_evaluate_many(queries, CAPS_QUERY_COUNT, record.on, outcomes, &err);
            if (status != PV_OK) return refused("pv_evaluate_many", status, &err);
            sink += outcomes[k % CAPS_QUERY_COUNT].reasons;
        }
        if (p > 0) many_ns[p - 1] = (now_ns(clock) - start) / (double)(reps * CAPS_QUERY_COUNT);
        start = now_ns(clock);
        if (pv_prepare(&record.citizen, storage, sizeof storage, &made, NULL) != PV_OK) {
            return refused("pv_prepare", PV_ERR_INVALID_INPUT, &prepare_err);
        }
        if (p > 0) prepare_us[p - 1] = (now_ns(clock) - start) / 1e3;
    }

    double per_query[CAPS_QUERY_COUNT], per_query_decide[CAPS_QUERY_COUNT];
    double per_query_prepared[CAPS_QUERY_COUNT];
    printf("pv_evaluate / pv_decide / pv_evaluate_prepared, median ns per call over %zu passes:\n",
           passes);
    for (size_t q = 0; q < CAPS_QUERY_COUNT; q++) {
        per_query[q] = median(&evaluate_ns[q * passes], passes);
        per_query_decide[q] = median(&decide_ns[q * passes], passes);
        per_query_prepared[q] = median(&prepared_ns[q * passes], passes);
        printf("  %-30s %10.0f ns  %10.0f ns  %10.0f ns\n", record.queries[q].label, per_query[q],
               per_query_decide[q], per_query_prepared[q]);
    }
    double prepared_median = median(per_query_prepared, CAPS_QUERY_COUNT);
    double prepare_median = median(prepare_us, passes);
    printf("prepared: pv_evaluate_prepared %.0f ns per request (median), pv_prepare %.1f us\n",
           prepared_median, prepare_median);
    double evaluate_median = median(per_query, CAPS_QUERY_COUNT);
    double decide_median = median(per_query_decide, CAPS_QUERY_COUNT);
    double many_median = median(many_ns, passes);
    printf("median over the requests: pv_evaluate %.0f ns, pv_decide %.0f ns, pv_evaluate_many "
           "%.0f ns per request\n",
           evaluate_median, decide_median, many_median);

    /* Who can see what: every actor of the record times every service and unit. */
    size_t count = 0;
    for (size_t p = 0; p <= who_passes; p++) {
        rows[0] = (pv_access_row)PV_ACCESS_ROW_INIT;
        pv_error err = PV_ERROR_INIT;
        double start = now_ns(clock);
        pv_status status = pv_who_can_see(&record.citizen, record.on, rows, CAPS_WHO_ROWS, &count,
                                          &err);
        double ms = (now_ns(clock) - start) / 1e6;
        if (status != PV_OK) return refused("pv_who_can_see", status, &err);
        if (p > 0) who_ms[p - 1] = ms;
        sink += (unsigned)rows[count - 1].decision.reasons;
    }
    size_t permitted = 0;
    for (size_t i = 0; i < count; i++) permitted += rows[i].decision.effect == PV_EFFECT_PERMIT;
    double who_median = median(who_ms, who_passes);
    printf("pv_who_can_see: %zu rows (%zu permitted), median %.1f ms per call over %zu passes "
           "(%.0f ns a row)\n",
           count, permitted, who_median, who_passes, who_median * 1e6 / (double)count);
    printf("checksum=%u\n", sink);
    printf("caps_evaluate_ns=%.0f caps_prepared_ns=%.0f caps_prepare_us=%.1f caps_who_ms=%.1f "
           "caps_who_rows=%zu\n",
           evaluate_median, prepared_median, prepare_median, who_median, count);
    free(rows);
    free(who_ms);
    free(samples);
    return 0;
}
