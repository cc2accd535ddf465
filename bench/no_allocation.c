/*
 * no_allocation.c — the test `no-allocation`: portvakt never allocates.
 *
 * Runs the whole request mix of mix.h through pv_evaluate, pv_decide, pv_validate, the prepared
 * path (pv_prepared_size, pv_prepare, pv_evaluate_prepared, pv_prepared_check) and
 * pv_evaluate_many (with the birth date given as a date and as a personnummer), pv_pnr_parse,
 * pv_date_format and pv_date_parse, pv_message, the decision accessors and
 * pv_outcome_to_decision, each with a pv_error to fill; then invalid input (an actor kind left
 * unset, a struct left uninitialised), whose error names the field; then a record at the caps of
 * RULES.md section 8 (caps_record.h) through pv_evaluate, pv_evaluate_many and pv_who_can_see;
 * and fails if any heap allocation or free happens between the start and the end of that
 * section.
 *
 * alloc_counter.c counts the allocations: by replacing malloc and its family (and wrapping the
 * library's references to them at link time), or through the sanitizer's hooks in ASan, LSan,
 * MSan and TSan builds; see there.
 *
 * Before the measured section the test proves that counting works (a direct malloc, and a strdup
 * inside libc except under valgrind, must be seen); if it does not, the test fails rather than
 * passing vacuously. It also checks that the mix is what the benchmark claims: every request
 * valid input, every personnummer and date read back as written.
 *
 * Exit status: 0 pass, 1 fail, 77 skip (only where neither counting method exists).
 */
#define _POSIX_C_SOURCE 200809L /* strdup */

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc_counter.h"
#include "caps_record.h"
#include "mix.h"

#define SKIP 77

static mix_request mix[MIX_DEFAULT_COUNT];
static caps_record caps;
/* Storage for a prepared record (any, up to the caps). */
static max_align_t prepared_storage[PV_PREPARED_MAX_SIZE / sizeof(max_align_t)];
/* Room for every row of pv_who_can_see on the caps record. */
static pv_access_row caps_rows[CAPS_WHO_ROWS];

static int failures;

static void fail(const char *what, size_t i) {
    if (failures++ < 10) fprintf(stderr, "no-allocation: FAIL request %zu: %s\n", i, what);
}

/* The self-check: an allocation made directly and one made inside libc are both counted (the
   second is out of sight under valgrind, which replaces the allocator inside libc). Volatile
   function pointers keep the compiler from removing the malloc/free pairs. */
static int counter_works(void) {
    void *(*volatile allocate)(size_t) = malloc;
    void (*volatile release)(void *) = free;
    char *(*volatile duplicate)(const char *) = strdup;
    bool inside_libc = alloc_counter_sees_libc();
    alloc_counter_reset();
    alloc_counter_start();
    void *p = allocate(32);
    char *s = duplicate("portvakt");
    release(s);
    release(p);
    alloc_counter_stop();
    unsigned long expected = inside_libc ? 2 : 1;
    unsigned long seen = alloc_counter_allocations(), freed = alloc_counter_frees();
    bool ok = seen == expected && freed == 2 && p != NULL && s != NULL;
    if (!ok) {
        fprintf(stderr, "no-allocation: FAIL: the counter saw %lu allocations and %lu frees of "
                        "%lu and 2 (%s)\n", seen, freed, expected, alloc_counter_method());
    }
    if (!inside_libc) {
        printf("no-allocation: under valgrind: allocations made inside libc are not counted\n");
    }
    alloc_counter_reset();
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
            pv_decision e = PV_DECISION_INIT, d = PV_DECISION_INIT;
            pv_error err = PV_ERROR_INIT;
            /* Section 8: the mix holds only valid input. */
            if (pv_validate(&q->citizen, &q->actor, &q->service, q->on, &err) != PV_OK) {
                fail("pv_validate rejected a request of the mix", i);
            }
            if (pv_evaluate(&q->citizen, &q->actor, &q->service, q->on, &e, &err) != PV_OK) {
                fail("pv_evaluate rejected a request of the mix", i);
            }
            if (pv_decide(&q->citizen, &q->actor, &q->service, q->on, &d, &err) != PV_OK) {
                fail("pv_decide rejected a request of the mix", i);
            }
            /* pv_evaluate_many answers as pv_evaluate: the request alone, and in a batch of
               four with the citizen asking for e-services and the journal as well. */
            pv_actor self = PV_ACTOR_INIT;
            self.kind = PV_ACTOR_SELF;
            self.eid = PV_EID_BANKID;
            pv_service e_services = PV_SERVICE_INIT;
            e_services.kind = PV_SERVICE_E_SERVICES;
            const pv_query batch[4] = {{PV_QUERY_VERSION, &q->citizen, &q->actor, &q->service},
                                       {PV_QUERY_VERSION, &q->citizen, &self, &e_services},
                                       {PV_QUERY_VERSION, &q->citizen, &q->actor, &e_services},
                                       {PV_QUERY_VERSION, &q->citizen, &self, &q->service}};
            pv_outcome one[1] = {PV_OUTCOME_INIT}, four[4] = {PV_OUTCOME_INIT};
            if (pv_evaluate_many(batch, 1, q->on, one, &err) != PV_OK ||
                pv_evaluate_many(batch, 4, q->on, four, NULL) != PV_OK) {
                fail("pv_evaluate_many rejected a request of the mix", i);
            }
            if (one[0].effect != e.effect || one[0].reason != e.reason ||
                one[0].reasons != e.reasons || one[0].filtered != e.filtered ||
                !same_date(one[0].changes_on, e.changes_on) ||
                memcmp(&one[0], &four[0], sizeof one[0]) != 0) {
                fail("pv_evaluate_many and pv_evaluate disagree", i);
            }
            /* The prepared path answers as pv_evaluate. */
            pv_prepared *record = NULL;
            pv_decision p = PV_DECISION_INIT;
            if (pv_prepare(&q->citizen, prepared_storage, pv_prepared_size(&q->citizen), &record,
                           &err) != PV_OK ||
                pv_evaluate_prepared(record, &q->citizen, &q->actor, &q->service, q->on, &p,
                                     &err) != PV_OK ||
                pv_prepared_check(record, &q->citizen, &err) != PV_OK) {
                fail("the prepared path rejected a request of the mix", i);
            } else if (p.effect != e.effect || p.reason != e.reason || p.reasons != e.reasons ||
                       p.filtered != e.filtered || !same_date(p.changes_on, e.changes_on)) {
                fail("pv_evaluate_prepared and pv_evaluate disagree", i);
            }
            pv_decision back = PV_DECISION_INIT;
            if (pv_outcome_to_decision(&four[3], &back, &err) != PV_OK) {
                fail("pv_outcome_to_decision rejected an outcome", i);
            }
            /* Invalid input: the error names the field, from static text, without allocating. */
            pv_actor unset = q->actor;
            unset.kind = PV_ACTOR_KIND_UNSET;
            pv_service uninitialised = q->service;
            uninitialised.version = 0;
            pv_decision refused = PV_DECISION_INIT;
            if (pv_evaluate(&q->citizen, &unset, &q->service, q->on, &refused, &err) !=
                    PV_ERR_INVALID_INPUT ||
                strcmp(err.field, "actor.kind") != 0 || err.message == NULL) {
                fail("an actor kind left unset is not INVALID_INPUT at actor.kind", i);
            }
            if (pv_validate(&q->citizen, &q->actor, &uninitialised, q->on, &err) !=
                    PV_ERR_INVALID_INPUT ||
                strcmp(err.field, "service.version") != 0) {
                fail("a service left uninitialised is not INVALID_INPUT at service.version", i);
            }
            sum += strlen(err.message != NULL ? err.message : "");
            sum += (uint64_t)four[1].reason + (uint64_t)four[2].reasons + (uint64_t)back.rule;
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
            sum += (uint64_t)e.reasons + (uint64_t)d.reasons + (uint64_t)refused.reason;
        }
    }
    mix_use_personnummer(mix, count, false);

    for (size_t i = 0; i < count; i++) {
        const mix_request *q = &mix[i];
        /* N1-N6: the generated personnummer reads back as the birth date. */
        pv_pnr pnr = PV_PNR_INIT;
        pv_error err = PV_ERROR_INIT;
        if (pv_pnr_parse(q->personnummer, q->on, 0, &pnr, &err) != PV_OK ||
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
            if (pv_date_format(dates[k], text, sizeof text, &err) != PV_OK ||
                pv_date_parse(text, &back, &err) != PV_OK || !same_date(back, dates[k])) {
                fail("a date did not round-trip through pv_date_format and pv_date_parse", i);
            }
            sum += (uint64_t)text[9];
        }
    }

    /* A record at the caps (section 8): every query of caps_record.h, one batch of them all,
       and who can see what. */
    pv_query queries[CAPS_QUERY_COUNT];
    pv_outcome outcomes[CAPS_QUERY_COUNT] = {PV_OUTCOME_INIT};
    for (size_t k = 0; k < CAPS_QUERY_COUNT; k++) {
        pv_decision e = PV_DECISION_INIT;
        pv_error err = PV_ERROR_INIT;
        if (pv_evaluate(&caps.citizen, &caps.queries[k].actor, &caps.queries[k].service, caps.on,
                        &e, &err) != PV_OK) {
            fail("pv_evaluate rejected a request on the caps record", k);
        }
        sum += (uint64_t)e.reasons + (uint64_t)e.changes_on.day;
        pv_prepared *record = NULL;
        pv_decision p = PV_DECISION_INIT;
        if (pv_prepare(&caps.citizen, prepared_storage, sizeof prepared_storage, &record, &err) !=
                PV_OK ||
            pv_evaluate_prepared(record, &caps.citizen, &caps.queries[k].actor,
                                 &caps.queries[k].service, caps.on, &p, &err) != PV_OK ||
            p.reasons != e.reasons || !same_date(p.changes_on, e.changes_on)) {
            fail("the prepared path differs from pv_evaluate on the caps record", k);
        }
        queries[k] = (pv_query)PV_QUERY_INIT;
        queries[k].citizen = &caps.citizen;
        queries[k].actor = &caps.queries[k].actor;
        queries[k].service = &caps.queries[k].service;
    }
    if (pv_evaluate_many(queries, CAPS_QUERY_COUNT, caps.on, outcomes, NULL) != PV_OK) {
        fail("pv_evaluate_many rejected the caps record", 0);
    }
    caps_rows[0].version = PV_ACCESS_ROW_VERSION;
    size_t rows = 0;
    pv_error err = PV_ERROR_INIT;
    if (pv_who_can_see(&caps.citizen, caps.on, caps_rows, CAPS_WHO_ROWS, &rows, &err) != PV_OK ||
        rows != CAPS_WHO_ROWS) {
        fail("pv_who_can_see failed on the caps record", rows);
    }
    sum += (uint64_t)outcomes[CAPS_QUERY_COUNT - 1].reasons + (uint64_t)rows;
    *checksum = sum;
}

int main(void) {
    int installed = alloc_counter_install();
    if (installed == ALLOC_COUNTER_REFUSED) {
        /* Only a sanitizer build can get here: its runtime has no room for another hook. */
        fprintf(stderr, "no-allocation: SKIP: the sanitizer runtime refused the malloc hooks\n");
        return SKIP;
    }
    if (installed != 0) {
        fprintf(stderr, "no-allocation: FAIL: no way to count allocations (%s)\n",
                alloc_counter_method());
        return 1;
    }
    if (counter_works() != 0) return 1;

    size_t count = MIX_DEFAULT_COUNT;
    mix_generate(mix, count, MIX_DEFAULT_SEED);
    caps_record_build(&caps);

    uint64_t checksum = 0;
    alloc_counter_start();
    exercise(count, &checksum);
    alloc_counter_stop();
    unsigned long allocations = alloc_counter_allocations(), frees = alloc_counter_frees();

    printf("no-allocation: %zu requests, counting by %s: %lu allocations, %lu frees "
           "(checksum %llu)\n",
           count, alloc_counter_method(), allocations, frees, (unsigned long long)checksum);
    if (allocations != 0 || frees != 0) {
        fprintf(stderr, "no-allocation: FAIL: the library allocated or freed memory\n");
        return 1;
    }
    if (failures > 0) {
        fprintf(stderr, "no-allocation: FAIL: %d checks failed\n", failures);
        return 1;
    }
    return 0;
}
