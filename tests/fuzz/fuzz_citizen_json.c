/*
 * fuzz_citizen_json.c — the audit's fast reader of a stored citizen record
 * (bindings/common/pv_citizen_json.c, RULES.md section 10) on arbitrary bytes. It parses untrusted
 * bytes (the rows of a records database a region may have filled itself), without Python.
 *
 * The input is one text, copied into a buffer of exactly its size so that AddressSanitizer sees a
 * read past it. When the reader takes the text, the record it builds keeps the promises of
 * pv_citizen_json.h: versions set, counts within the caps of section 8 with an array exactly when
 * the count is not zero, every string printable ASCII, every date one that exists or none, the
 * required members given; the record is then prepared (pv_prepare) and decided, so that the
 * library sees what the reader builds. The same text with white space around it is read the same
 * way. Any broken invariant aborts; a leak fails the run.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "portvakt.h"
#include "fuzz_input.h"
#include "pv_citizen_json.h"

/* NULL, or a string of printable ASCII without quote or backslash. */
static int plain(const char *s) {
    if (s == NULL) return 1;
    for (; *s != '\0'; s++) {
        unsigned char c = (unsigned char)*s;
        if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') return 0;
    }
    return 1;
}

static int date_ok(pv_date d) {
    if (pv_date_is_none(d)) return 1;
    static const int days_in[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
    return d.year >= 1 && d.year <= 9999 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
           d.day <= days_in[d.month - 1] + (d.month == 2 && leap);
}

static void check_taken(const pv_citizen *c) {
    FUZZ_CHECK(c->version == PV_CITIZEN_VERSION && date_ok(c->birth_date));
    FUZZ_CHECK(plain(c->personnummer) && plain(c->login_lock_case_number));
    FUZZ_CHECK(c->login_lock_requested_by < PV_REQUESTER_COUNT);
    FUZZ_CHECK(c->login_lock_period_count == 0 && c->protected_identity_period_count == 0);
    FUZZ_CHECK(c->seal_count <= PV_MAX_SEALS && (c->seals != NULL) == (c->seal_count > 0));
    FUZZ_CHECK(c->guardian_count <= PV_MAX_GUARDIANS &&
               (c->guardians != NULL) == (c->guardian_count > 0));
    FUZZ_CHECK(c->grant_count <= PV_MAX_GRANTS && (c->grants != NULL) == (c->grant_count > 0));
    FUZZ_CHECK(c->representative_count <= PV_MAX_REPRESENTATIVES &&
               (c->representatives != NULL) == (c->representative_count > 0));
    for (size_t i = 0; i < c->seal_count; i++) {
        const pv_seal *s = &c->seals[i];
        FUZZ_CHECK(s->version == PV_SEAL_VERSION && s->scope != PV_SEAL_SCOPE_UNSET &&
                   s->scope < PV_SEAL_SCOPE_COUNT && plain(s->unit));
        FUZZ_CHECK(date_ok(s->active.from) && date_ok(s->active.until) &&
                   date_ok(s->content.from) && date_ok(s->content.until));
        FUZZ_CHECK(s->has_content ||
                   (pv_date_is_none(s->content.from) && pv_date_is_none(s->content.until)));
    }
    for (size_t i = 0; i < c->guardian_count; i++) {
        const pv_guardian *g = &c->guardians[i];
        FUZZ_CHECK(g->version == PV_GUARDIAN_VERSION && g->id != NULL && plain(g->id));
        FUZZ_CHECK(g->blocked_period_count == 0 && g->protected_identity_period_count == 0);
    }
    for (size_t i = 0; i < c->grant_count; i++) {
        const pv_grant *g = &c->grants[i];
        FUZZ_CHECK(g->version == PV_GRANT_VERSION && g->holder != NULL && plain(g->holder));
        FUZZ_CHECK(g->unit != NULL && plain(g->unit) && date_ok(g->from) && date_ok(g->until));
    }
    for (size_t i = 0; i < c->representative_count; i++) {
        const pv_representative *r = &c->representatives[i];
        FUZZ_CHECK(r->version == PV_REPRESENTATIVE_VERSION && r->id != NULL && plain(r->id));
        FUZZ_CHECK(r->kind != PV_REPRESENTATIVE_KIND_UNSET &&
                   r->kind < PV_REPRESENTATIVE_KIND_COUNT);
        FUZZ_CHECK(date_ok(r->from) && date_ok(r->until));
    }
}

/* Prepares the record and asks one question of it on a few dates: the library must answer (a
   decision, or invalid input naming a field) and never crash. */
static void decide(const pv_citizen *c) {
    size_t size = pv_prepared_size(c);
    FUZZ_CHECK(size > 0 && size <= PV_PREPARED_MAX_SIZE);
    void *storage = malloc(size);
    if (storage == NULL) return;
    pv_prepared *record = NULL;
    pv_error err = PV_ERROR_INIT;
    if (pv_prepare(c, storage, size, &record, &err) == PV_OK) {
        pv_actor self = PV_ACTOR_INIT;
        self.kind = PV_ACTOR_SELF;
        self.eid = PV_EID_BANKID;
        pv_service service = PV_SERVICE_INIT;
        service.kind = PV_SERVICE_JOURNAL;
        const pv_date dates[] = {{1, 1, 1}, {2026, 6, 1}, {9999, 12, 31}};
        for (size_t i = 0; i < sizeof dates / sizeof dates[0]; i++) {
            pv_decision decision = PV_DECISION_INIT;
            pv_error e = PV_ERROR_INIT;
            pv_status status =
                pv_evaluate_prepared(record, c, &self, &service, dates[i], &decision, &e);
            FUZZ_CHECK(status == PV_OK || status == PV_ERR_INVALID_INPUT);
        }
    }
    free(storage);
}

/* The text read again with 'before' and 'after' around it: taken the same way. */
static void check_same(const uint8_t *data, size_t size, const char *before, const char *after,
                       int taken) {
    size_t nb = strlen(before);
    size_t na = strlen(after);
    char *copy = malloc(nb + size + na + 1);
    if (copy == NULL) return;
    memcpy(copy, before, nb);
    if (size > 0) memcpy(copy + nb, data, size);
    memcpy(copy + nb + size, after, na);
    pv_citizen_json *again = NULL;
    FUZZ_CHECK(pv_citizen_json_read(copy, nb + size + na, &again) == taken);
    pv_citizen_json_free(again);
    free(copy);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    char *text = malloc(size > 0 ? size : 1);
    if (text == NULL) return 0;
    if (size > 0) memcpy(text, data, size);
    pv_citizen_json *record = NULL;
    int taken = pv_citizen_json_read(text, size, &record);
    FUZZ_CHECK(taken == 0 || taken == 1);
    FUZZ_CHECK((record != NULL) == (taken == 1));
    free(text); /* the record keeps its own copy */
    if (taken == 1) {
        const pv_citizen *c = pv_citizen_json_citizen(record);
        check_taken(c);
        FUZZ_CHECK(pv_citizen_json_bytes(record) > size);
        decide(c);
    }
    pv_citizen_json_free(record);
    check_same(data, size, " \r\n", "\t ", taken);
    return 0;
}
