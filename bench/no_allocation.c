/*
 * no_allocation.c — the test `no-allocation`: portvakt never allocates.
 *
 * Runs the whole request mix of mix.h through pv_evaluate, pv_decide, pv_validate (with the birth
 * date given as a date and as a personnummer), pv_pnr_parse, pv_date_format and pv_date_parse,
 * pv_message and the decision accessors, and fails if any heap allocation or free happens
 * between the start and the end of that section.
 *
 * How allocations are seen:
 *  - Ordinary builds (and UBSan-only builds, and runs under valgrind): this executable defines
 *    malloc, calloc, realloc, reallocarray, free, aligned_alloc, posix_memalign, memalign, valloc
 *    and pvalloc, counts the calls and forwards them to glibc's __libc_* entry points. glibc
 *    supports replacing malloc this way, and its own internal allocations (stdio, strdup) go
 *    through the replacement as well, so an allocation made by libc on the library's behalf is
 *    counted too.
 *  - Builds with a sanitizer that owns the allocator (address, leak, memory, thread): the
 *    sanitizer's malloc/free hooks (__sanitizer_install_malloc_and_free_hooks) count instead.
 *
 * Before the measured section the test proves that counting works (a direct malloc and a strdup
 * inside libc must both be seen); if it does not, the test fails rather than passing vacuously.
 * It also checks that the mix is what the benchmark claims: every request valid input, every
 * personnummer and date read back as written.
 *
 * Exit status: 0 pass, 1 fail, 77 skip (only where neither counting method exists).
 */
#define _GNU_SOURCE /* the full malloc family in <stdlib.h> and <malloc.h> */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mix.h"

#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer) || \
    __has_feature(thread_sanitizer) || __has_feature(leak_sanitizer)
#define PV_SANITIZER_ALLOCATOR 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#undef PV_SANITIZER_ALLOCATOR
#define PV_SANITIZER_ALLOCATOR 1
#endif

#define SKIP 77

/* Counting is on only inside the measured section (and the self-check), so that the C runtime's
   own allocations at start-up and exit are not counted. */
static volatile int counting;
static volatile unsigned long allocations;
static volatile unsigned long frees;

static void count_allocation(void) {
    if (counting) allocations = allocations + 1;
}

static void count_free(void) {
    if (counting) frees = frees + 1;
}

#if defined(PV_SANITIZER_ALLOCATOR)

/* The sanitizer runtimes (ASan, LSan, MSan, TSan) call these on every allocation and free. */
int __sanitizer_install_malloc_and_free_hooks(void (*malloc_hook)(const volatile void *, size_t),
                                              void (*free_hook)(const volatile void *));

static void on_malloc(const volatile void *ptr, size_t size) {
    (void)ptr;
    (void)size;
    count_allocation();
}

static void on_free(const volatile void *ptr) {
    (void)ptr;
    count_free();
}

static int install_counter(void) {
    return __sanitizer_install_malloc_and_free_hooks(on_malloc, on_free) != 0 ? 0 : -1;
}

static const char *counter_method(void) {
    return "sanitizer malloc/free hooks";
}

#elif defined(__GLIBC__)

#include <malloc.h>

void *__libc_malloc(size_t size);
void *__libc_calloc(size_t n, size_t size);
void *__libc_realloc(void *ptr, size_t size);
void __libc_free(void *ptr);
void *__libc_memalign(size_t alignment, size_t size);
void *__libc_valloc(size_t size);
void *__libc_pvalloc(size_t size);

void *malloc(size_t size) {
    count_allocation();
    return __libc_malloc(size);
}

void *calloc(size_t n, size_t size) {
    count_allocation();
    return __libc_calloc(n, size);
}

void *realloc(void *ptr, size_t size) {
    count_allocation();
    return __libc_realloc(ptr, size);
}

void *reallocarray(void *ptr, size_t n, size_t size) {
    count_allocation();
    if (size != 0 && n > (size_t)-1 / size) return NULL;
    return __libc_realloc(ptr, n * size);
}

void free(void *ptr) {
    if (ptr != NULL) count_free();
    __libc_free(ptr);
}

void *aligned_alloc(size_t alignment, size_t size) {
    count_allocation();
    return __libc_memalign(alignment, size);
}

void *memalign(size_t alignment, size_t size) {
    count_allocation();
    return __libc_memalign(alignment, size);
}

int posix_memalign(void **out, size_t alignment, size_t size) {
    count_allocation();
    if (alignment < sizeof(void *) || (alignment & (alignment - 1)) != 0) return 22; /* EINVAL */
    void *p = __libc_memalign(alignment, size);
    if (p == NULL) return 12; /* ENOMEM */
    *out = p;
    return 0;
}

void *valloc(size_t size) {
    count_allocation();
    return __libc_valloc(size);
}

void *pvalloc(size_t size) {
    count_allocation();
    return __libc_pvalloc(size);
}

static int install_counter(void) {
    return 0;
}

static const char *counter_method(void) {
    return "malloc family replaced in the executable, forwarded to glibc";
}

#else

static int install_counter(void) {
    (void)count_allocation;
    (void)count_free;
    return -1;
}

static const char *counter_method(void) {
    return "none on this C library";
}

#endif

static mix_request mix[MIX_DEFAULT_COUNT];

static int failures;

static void fail(const char *what, size_t i) {
    if (failures++ < 10) fprintf(stderr, "no-allocation: FAIL request %zu: %s\n", i, what);
}

/* The self-check: an allocation made directly and one made inside libc are both counted. A
   volatile function pointer keeps the compiler from removing the malloc/free pair. */
static int counter_works(void) {
    void *(*volatile allocate)(size_t) = malloc;
    char *(*volatile duplicate)(const char *) = strdup;
    counting = 1;
    void *p = allocate(32);
    char *s = duplicate("portvakt");
    free(s);
    free(p);
    counting = 0;
    bool ok = allocations == 2 && frees == 2 && p != NULL && s != NULL;
    if (!ok) {
        fprintf(stderr, "no-allocation: the counter saw %lu allocations and %lu frees of 2 and 2\n",
                allocations, frees);
    }
    allocations = 0;
    frees = 0;
    return ok ? 0 : -1;
}

static bool same_date(pv_date a, pv_date b) {
    return a.year == b.year && a.month == b.month && a.day == b.day;
}

/* Everything in the measured section; the results are checked as they come, without I/O. */
static void exercise(size_t count, uint64_t *checksum) {
    uint64_t sum = 0;
    for (int form = 0; form < 2; form++) {
        /* A3: the birth date as a date, then through the personnummer. */
        mix_use_personnummer(mix, count, form == 1);
        for (size_t i = 0; i < count; i++) {
            const mix_request *q = &mix[i];
            pv_decision e, d, v;
            /* Section 8: the mix holds only valid input. */
            if (pv_validate(&q->citizen, &q->actor, &q->service, q->on, &v) != PV_OK) {
                fail("pv_validate rejected a request of the mix", i);
            }
            if (pv_evaluate(&q->citizen, &q->actor, &q->service, q->on, &e) != PV_OK) {
                fail("pv_evaluate rejected a request of the mix", i);
            }
            if (pv_decide(&q->citizen, &q->actor, &q->service, q->on, &d) != PV_OK) {
                fail("pv_decide rejected a request of the mix", i);
            }
            /* pv_decide is pv_evaluate without changes_on. */
            if (d.effect != e.effect || d.reason != e.reason || d.reasons != e.reasons ||
                d.filtered != e.filtered || !pv_date_is_none(d.changes_on)) {
                fail("pv_decide and pv_evaluate disagree", i);
            }
            for (int k = 0; k < pv_decision_reason_count(&e); k++) {
                pv_reason r = pv_decision_reason_at(&e, k);
                sum += (uint64_t)pv_decision_reason_rule(&e, r);
                sum += strlen(pv_reason_name(r));
            }
            for (int lang = 0; lang < PV_LANGUAGE_COUNT; lang++) {
                sum += strlen(pv_message(e.reason, q->actor.kind, (pv_language)lang));
            }
            sum += strlen(pv_rule_name(e.rule) ? pv_rule_name(e.rule) : "");
            sum += (uint64_t)e.reasons + (uint64_t)d.reasons + (uint64_t)v.effect;
        }
    }
    mix_use_personnummer(mix, count, false);

    for (size_t i = 0; i < count; i++) {
        const mix_request *q = &mix[i];
        /* N1-N6: the generated personnummer reads back as the birth date. */
        pv_pnr pnr;
        if (pv_pnr_parse(q->personnummer, q->on, 0, &pnr) != PV_OK ||
            !same_date(pnr.birth_date, q->birth_date)) {
            fail("pv_pnr_parse did not give the birth date", i);
        }
        sum += (uint64_t)pnr.kind;
        /* Dates round-trip through their text form. */
        const pv_date dates[3] = {q->on, q->birth_date, q->service.entry_date};
        for (int k = 0; k < 3; k++) {
            if (pv_date_is_none(dates[k])) continue;
            char text[PV_DATE_STRING_SIZE];
            pv_date back;
            if (pv_date_format(dates[k], text, sizeof text) != PV_OK ||
                pv_date_parse(text, &back) != PV_OK || !same_date(back, dates[k])) {
                fail("a date did not round-trip through pv_date_format and pv_date_parse", i);
            }
            sum += (uint64_t)text[9];
        }
    }
    *checksum = sum;
}

int main(void) {
    if (install_counter() != 0) {
#if defined(PV_SANITIZER_ALLOCATOR)
        fprintf(stderr, "no-allocation: SKIP: the sanitizer runtime refused the malloc hooks\n");
        return SKIP;
#else
        fprintf(stderr, "no-allocation: FAIL: no way to count allocations (%s)\n", counter_method());
        return 1;
#endif
    }
    if (counter_works() != 0) return 1;

    size_t count = MIX_DEFAULT_COUNT;
    mix_generate(mix, count, MIX_DEFAULT_SEED);

    uint64_t checksum = 0;
    counting = 1;
    exercise(count, &checksum);
    counting = 0;
    unsigned long seen_allocations = allocations, seen_frees = frees;

    printf("no-allocation: %zu requests, counting by %s: %lu allocations, %lu frees "
           "(checksum %llu)\n",
           count, counter_method(), seen_allocations, seen_frees, (unsigned long long)checksum);
    if (seen_allocations != 0 || seen_frees != 0) {
        fprintf(stderr, "no-allocation: FAIL: the library allocated or freed memory\n");
        return 1;
    }
    if (failures > 0) {
        fprintf(stderr, "no-allocation: FAIL: %d checks failed\n", failures);
        return 1;
    }
    return 0;
}
