/*
 * portvakt_bench.c — how long does one decision take?
 *
 * Generates the seeded request mix of mix.h (10,000 valid requests by default), then times whole
 * passes over it with clock_gettime(CLOCK_MONOTONIC): pv_evaluate (with changes_on), pv_decide
 * (without), and pv_evaluate with the birth date given as a personnummer (A3). Passes of the
 * three kinds alternate so that a noisy neighbour hurts them alike. Reports the median and the
 * spread (min, p10, p90, max) of nanoseconds per decision over the passes, the distribution of
 * outcomes as a sanity check, and a checksum of every decision so that no call can be optimised
 * away.
 *
 * Then the pages (mix.h, mix_page_build): for each request of the mix, every actor of its record
 * asking for every service of it, the requests a portal page or a region audit makes about one
 * citizen. Their passes time the same requests two ways: pv_evaluate once per request, and
 * pv_evaluate_many once per page (the record validated once per page). The line before the last
 * gives both per decision and their ratio:
 *
 *     pages: page_ns_per_decision=<pv_evaluate> batch_ns_per_decision=<pv_evaluate_many> ...
 *
 * The prepared path (portvakt_prepared.h): every citizen of the mix is prepared once before
 * anything is timed (pv_prepare), and its passes time pv_evaluate_prepared on the same requests,
 * checked to give pv_evaluate's decisions. The last line is machine-readable:
 *
 *     ns_per_decision=<pv_evaluate> prepared_ns_per_decision=<pv_evaluate_prepared>
 *     decisions=<requests in the mix>
 *
 * (one line), each the median over the passes.
 *
 * Usage: portvakt-bench [--passes N] [--count N] [--seed N] [--json FILE] [--clock C]
 *                       [--callgrind evaluate|decide|evaluate-pnr|page|many|prepared]
 *
 *   --clock C       monotonic (the default: wall time) or thread (CLOCK_THREAD_CPUTIME_ID: the
 *                   CPU time of this thread, which leaves out the time a busy machine spends
 *                   running someone else)
 *   --json FILE     also write the mix as conformance-style vectors (RULES.md section 10, no
 *                   'expect'), so that other engines can be measured on the same requests
 *   --callgrind M   run the mix --passes times (default 1) through one function, with
 *                   callgrind's instrumentation on only around that loop (bench/callgrind.sh);
 *                   'page' and 'many' run the pages through pv_evaluate and pv_evaluate_many,
 *                   'prepared' the mix through pv_evaluate_prepared (prepared before the loop)
 *
 * The only allocations are three blocks, one for the mix and the pass timings, one for the
 * pages, their requests and their outcomes, and one for the prepared records, all made before
 * timing.
 */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mix.h"

#if defined(PV_HAVE_CALLGRIND_H)
#include <valgrind/callgrind.h>
#define CLIENT_REQUESTS "yes"
#else
#define CALLGRIND_START_INSTRUMENTATION ((void)0)
#define CALLGRIND_STOP_INSTRUMENTATION ((void)0)
#define CLIENT_REQUESTS "no"
#endif

#define DEFAULT_PASSES 31
#define WARMUP_PASSES 2

/* pv_evaluate and pv_decide; the benchmark passes a NULL pv_error (no detail wanted). */
typedef pv_status (*decide_fn)(const pv_citizen *, const pv_actor *, const pv_service *, pv_date,
                               pv_decision *, pv_error *);

typedef struct options {
    size_t passes;
    size_t count;
    uint64_t seed;
    const char *json;
    const char *callgrind; /* NULL, or "evaluate", "decide", "evaluate-pnr", "page", "many",
                              "prepared" */
    clockid_t clock;
} options;

/* Folds everything a caller reads from a decision into a checksum. */
static uint64_t fold(uint64_t sum, const pv_decision *d) {
    uint64_t v = (uint64_t)d->effect | (uint64_t)d->reason << 1 | (uint64_t)d->reasons << 6 |
                 (uint64_t)d->filtered << 27 | (uint64_t)(uint16_t)d->changes_on.year << 28 |
                 (uint64_t)d->changes_on.month << 44 | (uint64_t)d->changes_on.day << 48;
    return (sum ^ v) * UINT64_C(0x100000001B3);
}

typedef struct pass_result {
    uint64_t checksum;
    size_t errors;
    size_t first_error;
} pass_result;

/* One pass over the mix; the decisions are folded into 'r'. */
static void run_mix(decide_fn decide, const mix_request *mix, size_t count, pass_result *r) {
    for (size_t i = 0; i < count; i++) {
        const mix_request *q = &mix[i];
        pv_decision d = PV_DECISION_INIT;
        if (decide(&q->citizen, &q->actor, &q->service, q->on, &d, NULL) != PV_OK) {
            if (r->errors++ == 0) r->first_error = i;
        }
        r->checksum = fold(r->checksum, &d);
    }
}

/* The prepared records of the mix's citizens: records[i] for mix[i].citizen, in one block. */
typedef struct prepared_set {
    pv_prepared **records;
    size_t bytes;
    void *block;
} prepared_set;

static int prepared_build(const mix_request *mix, size_t count, prepared_set *ps) {
    const size_t align = sizeof(max_align_t);
    size_t bytes = 0;
    for (size_t i = 0; i < count; i++) {
        bytes += (pv_prepared_size(&mix[i].citizen) + align - 1) / align * align;
    }
    /* malloc's blocks are aligned for max_align_t; every record's size is rounded to it. */
    unsigned char *block = malloc(bytes + count * sizeof(pv_prepared *));
    if (block == NULL) return -1;
    ps->records = (pv_prepared **)(void *)(block + bytes);
    ps->bytes = bytes;
    ps->block = block;
    size_t at = 0;
    for (size_t i = 0; i < count; i++) {
        size_t size = (pv_prepared_size(&mix[i].citizen) + align - 1) / align * align;
        if (pv_prepare(&mix[i].citizen, block + at, size, &ps->records[i], NULL) != PV_OK) {
            free(block);
            return -1;
        }
        at += size;
    }
    return 0;
}

/* One pass over the mix with pv_evaluate_prepared. */
static void run_prepared(const mix_request *mix, size_t count, const prepared_set *ps,
                         pass_result *r) {
    for (size_t i = 0; i < count; i++) {
        const mix_request *q = &mix[i];
        pv_decision d = PV_DECISION_INIT;
        if (pv_evaluate_prepared(ps->records[i], &q->citizen, &q->actor, &q->service, q->on, &d,
                                 NULL) != PV_OK) {
            if (r->errors++ == 0) r->first_error = i;
        }
        r->checksum = fold(r->checksum, &d);
    }
}

/* The pages of the mix: pages[i] for mix[i]; its requests are queries[first[i] .. first[i + 1])
   and their answers outcomes[first[i] ..]. */
typedef struct page_set {
    mix_page *pages;
    size_t *first;
    pv_query *queries;
    pv_outcome *outcomes;
    size_t total;
    unsigned char *block;
} page_set;

static int pages_build(const mix_request *mix, size_t count, page_set *ps) {
    size_t head = count * sizeof(mix_page) + (count + 1) * sizeof(size_t);
    mix_page *pages = malloc(head);
    if (pages == NULL) return -1;
    size_t *first = (size_t *)(pages + count);
    size_t total = 0;
    for (size_t i = 0; i < count; i++) {
        first[i] = total;
        total += mix_page_build(&mix[i], &pages[i]);
    }
    first[count] = total;
    unsigned char *block = malloc(total * (sizeof(pv_query) + sizeof(pv_outcome)));
    if (block == NULL) {
        free(pages);
        return -1;
    }
    ps->pages = pages;
    ps->first = first;
    ps->outcomes = (pv_outcome *)block;
    ps->queries = (pv_query *)(block + total * sizeof(pv_outcome));
    ps->total = total;
    ps->block = block;
    /* Each page's outcomes start at element 0 of their own array: every one carries the
       version (the library writes them all in that layout). */
    for (size_t k = 0; k < total; k++) ps->outcomes[k] = (pv_outcome)PV_OUTCOME_INIT;
    for (size_t i = 0; i < count; i++) {
        const mix_page *page = &pages[i];
        pv_query *q = &ps->queries[first[i]];
        for (size_t a = 0; a < page->actor_count; a++) {
            for (size_t s = 0; s < page->service_count; s++) {
                *q = (pv_query)PV_QUERY_INIT;
                q->citizen = &mix[i].citizen;
                q->actor = &page->actors[a];
                q->service = &page->services[s];
                q++;
            }
        }
    }
    return 0;
}

static void pages_free(page_set *ps) {
    free(ps->pages);
    free(ps->block);
}

/* Folds everything a caller reads from an outcome into a checksum, as fold() does. */
static uint64_t fold_outcome(uint64_t sum, const pv_outcome *o) {
    uint64_t v = (uint64_t)o->effect | (uint64_t)o->reason << 1 | (uint64_t)o->reasons << 6 |
                 (uint64_t)o->filtered << 27 | (uint64_t)(uint16_t)o->changes_on.year << 28 |
                 (uint64_t)o->changes_on.month << 44 | (uint64_t)o->changes_on.day << 48;
    return (sum ^ v) * UINT64_C(0x100000001B3);
}

/* One pass over the pages with pv_evaluate, one call per request. */
static void run_pages(const mix_request *mix, size_t count, const page_set *ps, pass_result *r) {
    for (size_t i = 0; i < count; i++) {
        for (size_t k = ps->first[i]; k < ps->first[i + 1]; k++) {
            const pv_query *q = &ps->queries[k];
            pv_decision d = PV_DECISION_INIT;
            if (pv_evaluate(q->citizen, q->actor, q->service, mix[i].on, &d, NULL) != PV_OK) {
                if (r->errors++ == 0) r->first_error = k;
            }
            r->checksum = fold(r->checksum, &d);
        }
    }
}

/* One pass over the pages with pv_evaluate_many, one call per page. */
static void run_many(const mix_request *mix, size_t count, const page_set *ps, pass_result *r) {
    for (size_t i = 0; i < count; i++) {
        size_t k = ps->first[i], n = ps->first[i + 1] - k;
        if (pv_evaluate_many(&ps->queries[k], n, mix[i].on, &ps->outcomes[k], NULL) != PV_OK) {
            if (r->errors++ == 0) r->first_error = k;
        }
        for (size_t j = k; j < k + n; j++) r->checksum = fold_outcome(r->checksum, &ps->outcomes[j]);
    }
}

static double now_ns(clockid_t clock) {
    struct timespec ts;
    clock_gettime(clock, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

/* Times one pass on 'clock'; returns nanoseconds per decision. */
static double timed_pass(clockid_t clock, decide_fn decide, const mix_request *mix, size_t count,
                         pass_result *r) {
    double start = now_ns(clock);
    run_mix(decide, mix, count, r);
    return (now_ns(clock) - start) / (double)count;
}

static int compare_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The value at rank 'q' (0 to 1) of sorted 'v', nearest rank. */
static double rank(const double *v, size_t n, double q) {
    return v[(size_t)((double)(n - 1) * q + 0.5)];
}

/* Sorts the pass timings and prints them; returns the median. */
static double report_timings(const char *label, double *ns, size_t passes) {
    qsort(ns, passes, sizeof *ns, compare_double);
    double median = rank(ns, passes, 0.5);
    printf("%-30s median %7.1f ns/decision  (min %.1f, p10 %.1f, p90 %.1f, max %.1f; %zu passes)\n",
           label, median, ns[0], rank(ns, passes, 0.1), rank(ns, passes, 0.9), ns[passes - 1],
           passes);
    return median;
}

/* The outcomes of the mix under pv_evaluate: a sanity check that the mix exercises the rules. */
static void report_outcomes(const mix_request *mix, size_t count) {
    size_t by_reason[PV_REASON_COUNT] = {0};
    size_t by_kind[PV_ACTOR_KIND_COUNT] = {0}, permits_by_kind[PV_ACTOR_KIND_COUNT] = {0};
    size_t permits = 0, filtered = 0, changes = 0, multiple = 0;
    for (size_t i = 0; i < count; i++) {
        const mix_request *q = &mix[i];
        pv_decision d = PV_DECISION_INIT;
        if (pv_evaluate(&q->citizen, &q->actor, &q->service, q->on, &d, NULL) != PV_OK) continue;
        by_reason[d.reason]++;
        by_kind[q->actor.kind]++;
        if (d.effect == PV_EFFECT_PERMIT) {
            permits++;
            permits_by_kind[q->actor.kind]++;
            filtered += d.filtered;
        }
        changes += !pv_date_is_none(d.changes_on);
        multiple += pv_decision_reason_count(&d) > 1;
    }
    double n = (double)count;
    printf("outcomes: permit %.1f %% (filtered %.1f %% of permits), several reasons %.1f %%, "
           "changes_on set %.1f %%\n",
           100.0 * (double)permits / n, permits ? 100.0 * (double)filtered / (double)permits : 0.0,
           100.0 * (double)multiple / n, 100.0 * (double)changes / n);
    printf("  by actor:");
    for (int k = PV_ACTOR_SELF; k < PV_ACTOR_KIND_COUNT; k++) { /* 0 is unset */
        printf(" %s %.1f %% (permit %.1f %%)%s", pv_actor_kind_name((pv_actor_kind)k),
               100.0 * (double)by_kind[k] / n,
               by_kind[k] ? 100.0 * (double)permits_by_kind[k] / (double)by_kind[k] : 0.0,
               k + 1 < PV_ACTOR_KIND_COUNT ? "," : "\n");
    }
    /* The primary reasons, most frequent first. */
    int order[PV_REASON_COUNT];
    for (int r = 0; r < PV_REASON_COUNT; r++) order[r] = r;
    for (int i = 1; i < PV_REASON_COUNT; i++) {
        for (int j = i; j > 0 && by_reason[order[j]] > by_reason[order[j - 1]]; j--) {
            int t = order[j];
            order[j] = order[j - 1];
            order[j - 1] = t;
        }
    }
    printf("  primary reasons:");
    for (int i = 0; i < PV_REASON_COUNT && by_reason[order[i]] > 0; i++) {
        printf("%s %s %.1f %%", i ? "," : "", pv_reason_name((pv_reason)order[i]),
               100.0 * (double)by_reason[order[i]] / n);
    }
    printf("\n");
}

static int usage(const char *why) {
    fprintf(stderr, "portvakt-bench: %s\n"
                    "usage: portvakt-bench [--passes N] [--count N] [--seed N] [--json FILE]\n"
                    "                      [--clock monotonic|thread]\n"
                    "                      [--callgrind evaluate|decide|evaluate-pnr|page|many|prepared]\n",
            why);
    return 2;
}

static int parse_number(const char *text, uint64_t *out) {
    if (text == NULL || *text == '\0' || *text == '-') return -1;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(text, &end, 0);
    if (errno != 0 || *end != '\0') return -1;
    *out = (uint64_t)v;
    return 0;
}

static int parse_options(int argc, char **argv, options *o) {
    o->passes = DEFAULT_PASSES;
    o->count = MIX_DEFAULT_COUNT;
    o->seed = MIX_DEFAULT_SEED;
    o->json = NULL;
    o->callgrind = NULL;
    o->clock = CLOCK_MONOTONIC;
    bool passes_given = false;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        const char *value = i + 1 < argc ? argv[i + 1] : NULL;
        uint64_t v;
        if (strcmp(arg, "--passes") == 0 || strcmp(arg, "--count") == 0 ||
            strcmp(arg, "--seed") == 0) {
            if (parse_number(value, &v) != 0) return usage("expected a non-negative number");
            if (arg[2] == 'p') {
                o->passes = (size_t)v;
                passes_given = true;
            } else if (arg[2] == 'c') {
                o->count = (size_t)v;
            } else {
                o->seed = v;
            }
            i++;
        } else if (strcmp(arg, "--json") == 0 && value != NULL) {
            o->json = value;
            i++;
        } else if (strcmp(arg, "--clock") == 0 && value != NULL &&
                   (strcmp(value, "monotonic") == 0 || strcmp(value, "thread") == 0)) {
            o->clock = value[0] == 'm' ? CLOCK_MONOTONIC : CLOCK_THREAD_CPUTIME_ID;
            i++;
        } else if (strcmp(arg, "--callgrind") == 0 && value != NULL &&
                   (strcmp(value, "evaluate") == 0 || strcmp(value, "decide") == 0 ||
                    strcmp(value, "evaluate-pnr") == 0 || strcmp(value, "page") == 0 ||
                    strcmp(value, "many") == 0 || strcmp(value, "prepared") == 0)) {
            o->callgrind = value;
            i++;
        } else if (strcmp(arg, "--help") == 0) {
            usage("measures pv_evaluate and pv_decide on a seeded mix of requests");
            return 1;
        } else {
            return usage("unknown or incomplete option");
        }
    }
    if (o->callgrind != NULL && !passes_given) o->passes = 1;
    if (o->count == 0 || o->count > 10000000) return usage("--count must be 1 to 10000000");
    if (o->callgrind == NULL && o->passes == 0) return usage("--passes must be at least 1");
    return 0;
}

static int write_json(const char *path, const mix_request *mix, size_t count) {
    FILE *f = fopen(path, "w");
    if (f == NULL) {
        fprintf(stderr, "portvakt-bench: cannot write %s: %s\n", path, strerror(errno));
        return -1;
    }
    int rc = mix_write_json(f, mix, count);
    if (fclose(f) != 0) rc = -1;
    if (rc != 0) fprintf(stderr, "portvakt-bench: error writing %s\n", path);
    return rc;
}

/* Callgrind mode: the mix through one function, instrumented only inside the loop. */
static int run_callgrind(const options *o, mix_request *mix) {
    decide_fn decide = strcmp(o->callgrind, "decide") == 0 ? pv_decide : pv_evaluate;
    if (strcmp(o->callgrind, "evaluate-pnr") == 0) mix_use_personnummer(mix, o->count, true);
    bool page = strcmp(o->callgrind, "page") == 0, many = strcmp(o->callgrind, "many") == 0;
    bool prepared = strcmp(o->callgrind, "prepared") == 0;
    page_set ps = {NULL, NULL, NULL, NULL, 0, NULL};
    if ((page || many) && pages_build(mix, o->count, &ps) != 0) {
        fprintf(stderr, "portvakt-bench: cannot allocate the pages\n");
        return 1;
    }
    prepared_set pre = {NULL, 0, NULL};
    if (prepared && prepared_build(mix, o->count, &pre) != 0) {
        fprintf(stderr, "portvakt-bench: cannot prepare the records\n");
        return 1;
    }
    pass_result r = {0, 0, 0};
    CALLGRIND_START_INSTRUMENTATION;
    for (size_t p = 0; p < o->passes; p++) {
        if (page) {
            run_pages(mix, o->count, &ps, &r);
        } else if (many) {
            run_many(mix, o->count, &ps, &r);
        } else if (prepared) {
            run_prepared(mix, o->count, &pre, &r);
        } else {
            run_mix(decide, mix, o->count, &r);
        }
    }
    CALLGRIND_STOP_INSTRUMENTATION;
    size_t decisions = (page || many ? ps.total : o->count) * o->passes;
    printf("callgrind_client_requests=%s\n", CLIENT_REQUESTS);
    printf("mode=%s decisions=%zu errors=%zu checksum=%016" PRIx64 "\n", o->callgrind, decisions,
           r.errors, r.checksum);
    pages_free(&ps);
    free(pre.block);
    return r.errors == 0 ? 0 : 1;
}

int main(int argc, char **argv) {
    options o;
    int rc = parse_options(argc, argv, &o);
    if (rc == 1) return 0; /* --help */
    if (rc != 0) return rc;

    /* The one allocation: the mix and the timings, before anything is timed. */
    size_t timing_count = 6 * (o.passes > 0 ? o.passes : 1);
    size_t bytes = o.count * sizeof(mix_request) + timing_count * sizeof(double);
    unsigned char *block = malloc(bytes);
    if (block == NULL) {
        fprintf(stderr, "portvakt-bench: cannot allocate %zu bytes\n", bytes);
        return 1;
    }
    double *timings = (double *)block; /* doubles first: the stricter alignment */
    mix_request *mix = (mix_request *)(block + timing_count * sizeof(double));
    mix_generate(mix, o.count, o.seed);

    if (o.json != NULL && write_json(o.json, mix, o.count) != 0) {
        free(block);
        return 1;
    }
    if (o.callgrind != NULL) {
        rc = run_callgrind(&o, mix);
        free(block);
        return rc;
    }

    printf("portvakt-bench (portvakt %s): %zu requests, seed %" PRIu64 ", %zu passes, %s clock\n",
           pv_version(), o.count, o.seed, o.passes,
           o.clock == CLOCK_MONOTONIC ? "monotonic" : "thread CPU-time");
    report_outcomes(mix, o.count);

    page_set ps;
    if (pages_build(mix, o.count, &ps) != 0) {
        fprintf(stderr, "portvakt-bench: cannot allocate the pages\n");
        free(block);
        return 1;
    }
    printf("pages: %zu requests on %zu pages (%.1f a page)\n", ps.total, o.count,
           (double)ps.total / (double)o.count);
    prepared_set pre;
    if (prepared_build(mix, o.count, &pre) != 0) {
        fprintf(stderr, "portvakt-bench: cannot prepare the records\n");
        pages_free(&ps);
        free(block);
        return 1;
    }
    printf("prepared: %zu records in %zu bytes (%.0f a record)\n", o.count, pre.bytes,
           (double)pre.bytes / (double)o.count);

    double *evaluate_ns = timings, *decide_ns = timings + o.passes, *pnr_ns = timings + 2 * o.passes;
    double *page_ns = timings + 3 * o.passes, *many_ns = timings + 4 * o.passes;
    double *prepared_ns = timings + 5 * o.passes;
    pass_result evaluate = {0, 0, 0}, decide = {0, 0, 0}, pnr = {0, 0, 0};
    pass_result page = {0, 0, 0}, many = {0, 0, 0}, prepared = {0, 0, 0};
    for (size_t p = 0; p < WARMUP_PASSES; p++) {
        run_mix(pv_evaluate, mix, o.count, &evaluate);
        run_prepared(mix, o.count, &pre, &prepared);
        run_mix(pv_decide, mix, o.count, &decide);
        run_pages(mix, o.count, &ps, &page);
        run_many(mix, o.count, &ps, &many);
    }
    for (size_t p = 0; p < o.passes; p++) {
        evaluate_ns[p] = timed_pass(o.clock, pv_evaluate, mix, o.count, &evaluate);
        double before = now_ns(o.clock);
        run_prepared(mix, o.count, &pre, &prepared);
        prepared_ns[p] = (now_ns(o.clock) - before) / (double)o.count;
        decide_ns[p] = timed_pass(o.clock, pv_decide, mix, o.count, &decide);
        mix_use_personnummer(mix, o.count, true);
        pnr_ns[p] = timed_pass(o.clock, pv_evaluate, mix, o.count, &pnr);
        mix_use_personnummer(mix, o.count, false);
        double start = now_ns(o.clock);
        run_pages(mix, o.count, &ps, &page);
        double middle = now_ns(o.clock);
        run_many(mix, o.count, &ps, &many);
        page_ns[p] = (middle - start) / (double)ps.total;
        many_ns[p] = (now_ns(o.clock) - middle) / (double)ps.total;
    }
    /* The same requests, one call each and one call per page: the same answers. */
    if (page.errors + many.errors > 0 || page.checksum != many.checksum) {
        fprintf(stderr, "portvakt-bench: the pages failed (%zu, %zu errors) or pv_evaluate_many "
                        "disagrees with pv_evaluate\n", page.errors, many.errors);
        pages_free(&ps);
        free(block);
        return 1;
    }
    /* The same requests through pv_evaluate and pv_evaluate_prepared: the same answers. */
    if (prepared.errors > 0 || prepared.checksum != evaluate.checksum) {
        fprintf(stderr, "portvakt-bench: pv_evaluate_prepared failed (%zu errors) or disagrees "
                        "with pv_evaluate\n", prepared.errors);
        pages_free(&ps);
        free(pre.block);
        free(block);
        return 1;
    }
    if (evaluate.errors + decide.errors + pnr.errors > 0) {
        size_t i = evaluate.errors ? evaluate.first_error
                 : decide.errors   ? decide.first_error
                                   : pnr.first_error;
        pv_error err = PV_ERROR_INIT;
        if (pnr.errors && !evaluate.errors && !decide.errors) mix_use_personnummer(mix, o.count, true);
        if (pv_validate(&mix[i].citizen, &mix[i].actor, &mix[i].service, mix[i].on, &err) != PV_OK) {
            fprintf(stderr, "portvakt-bench: request %zu is invalid at %s: %s\n", i, err.field,
                    err.message ? err.message : "");
        } else {
            fprintf(stderr, "portvakt-bench: request %zu failed\n", i);
        }
        pages_free(&ps);
        free(pre.block);
        free(block);
        return 1;
    }

    double median = report_timings("pv_evaluate (with changes_on)", evaluate_ns, o.passes);
    double decide_median = report_timings("pv_decide (no changes_on)", decide_ns, o.passes);
    double pnr_median = report_timings("pv_evaluate, personnummer", pnr_ns, o.passes);
    double prepared_median = report_timings("pv_evaluate_prepared", prepared_ns, o.passes);
    printf("ratios: pv_evaluate / pv_decide %.2f, personnummer / birth date %.2f\n",
           median / decide_median, pnr_median / median);
    double page_median = report_timings("pages, pv_evaluate per request", page_ns, o.passes);
    double many_median = report_timings("pages, pv_evaluate_many", many_ns, o.passes);
    printf("checksum=%016" PRIx64 "\n", evaluate.checksum ^ decide.checksum ^ pnr.checksum);
    printf("pages: page_ns_per_decision=%.1f batch_ns_per_decision=%.1f ratio=%.2f "
           "decisions=%zu\n",
           page_median, many_median, page_median / many_median, ps.total);
    printf("ns_per_decision=%.1f prepared_ns_per_decision=%.1f decisions=%zu\n", median,
           prepared_median, o.count);
    pages_free(&ps);
    free(pre.block);
    free(block);
    return 0;
}
