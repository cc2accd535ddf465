/*
 * who_can_see.c — the reverse question: for a citizen and a date, every actor named in the
 * record with their decision for the e-services, the journal as a whole and each unit named in
 * the record. The record is validated once; each row is decided by the procedure of
 * procedure.c with its changes_on, exactly as pv_evaluate() decides it.
 *
 * Cost: the distinct units are found by sorting the unit mentions (O(n log n), indices on the
 * stack), and each row costs O(n log n) in the record: rows × record in all, never worse.
 */
#include <string.h>

#include "internal.h"

/* Every unit mention of a record: unit seals, then grants, in order. */
#define MAX_MENTIONS (PV_MAX_SEALS + PV_MAX_GRANTS)

typedef struct mentions {
    const pv_citizen *citizen;
    uint16_t index[MAX_MENTIONS];        /* mention numbers, sorted by (unit, number) */
    uint8_t first[MAX_MENTIONS / 8 + 1]; /* bit m: mention m is its unit's first */
    size_t count;
} mentions;

/* The unit of mention m: seal m, or grant m - seal_count; NULL for a whole-journal seal. */
static const char *mention_unit(const pv_citizen *c, size_t m) {
    return m < c->seal_count ? c->seals[m].unit : c->grants[m - c->seal_count].unit;
}

/* Orders mentions by unit, then by position: the first of a unit sorts first. */
static bool mention_before(const mentions *ms, uint16_t a, uint16_t b) {
    int cmp = strcmp(mention_unit(ms->citizen, a), mention_unit(ms->citizen, b));
    return cmp < 0 || (cmp == 0 && a < b);
}

static void sift(mentions *ms, size_t i, size_t n) {
    for (;;) {
        size_t big = i;
        const size_t l = 2 * i + 1;
        const size_t r = l + 1;
        if (l < n && mention_before(ms, ms->index[big], ms->index[l])) big = l;
        if (r < n && mention_before(ms, ms->index[big], ms->index[r])) big = r;
        if (big == i) return;
        uint16_t t = ms->index[i];
        ms->index[i] = ms->index[big];
        ms->index[big] = t;
        i = big;
    }
}

/* Marks the first mention of every distinct unit (heap sort, then one pass); returns the
   number of distinct units. */
static size_t find_units(mentions *ms, const pv_citizen *c) {
    ms->citizen = c;
    ms->count = 0;
    memset(ms->first, 0, sizeof ms->first);
    size_t total = c->seal_count + c->grant_count;
    for (size_t m = 0; m < total; m++) {
        if (mention_unit(c, m) != NULL) ms->index[ms->count++] = (uint16_t)m;
    }
    size_t n = ms->count;
    for (size_t i = n / 2; i-- > 0;) sift(ms, i, n);
    for (size_t end = n; end > 1; end--) {
        uint16_t t = ms->index[0];
        ms->index[0] = ms->index[end - 1];
        ms->index[end - 1] = t;
        sift(ms, 0, end - 1);
    }
    size_t units = 0;
    for (size_t i = 0; i < n; i++) {
        uint16_t m = ms->index[i];
        bool same_as_before =
            i > 0 && strcmp(mention_unit(c, ms->index[i - 1]), mention_unit(c, m)) == 0;
        if (!same_as_before) {
            ms->first[m / 8] |= (uint8_t)(1u << (m % 8));
            units++;
        }
    }
    return units;
}

static bool is_first(const mentions *ms, size_t m) {
    return (ms->first[m / 8] >> (m % 8)) & 1u;
}

/* Decides one row: the request of 'actor' for 'service' on 'on', from a validated record. */
static void decide_row(const pv_request *record, const pv_actor *actor, const pv_service *service,
                       pv_date on, pv_access_row *row) {
    pv_request rq = *record;
    rq.actor = actor;
    rq.service = service;
    resolve_actor(&rq);
    pv_access_row r = PV_ACCESS_ROW_INIT;
    r.actor_kind = actor->kind;
    r.actor_id = actor->id;
    r.service = service->kind;
    r.channel = service->channel;
    r.unit = service->unit;
    decide_on(&rq, on, &r.decision);
    r.decision.changes_on = changes_on(&rq, on, &r.decision);
    *row = r;
}

pv_status pv_who_can_see(const pv_citizen *citizen, pv_date on, pv_access_row *rows,
                         size_t capacity, size_t *count, pv_error *error) {
    if (count != NULL) *count = 0;
    if (error_unknown(error)) return PV_ERR_INVALID_INPUT;
    if (count == NULL) return error_invalid(error, "count", "is required");
    if (rows == NULL && capacity > 0)
        return error_invalid(error, "rows", "is NULL with a capacity");
    if (capacity > 0 && rows[0].version != PV_ACCESS_ROW_VERSION) {
        return error_invalid(error, "rows[0].version",
                             "is not a version this library knows (initialise it with "
                             "PV_ACCESS_ROW_INIT)");
    }
    pv_request record;
    pv_error err = PV_ERROR_INIT;
    if (validate_citizen(citizen, on, &record, &err) != PV_OK) return error_report(error, &err);

    mentions ms;
    size_t units = find_units(&ms, citizen);
    size_t actors = record_actor_count(citizen);
    size_t per_actor = 2 + units;
    size_t needed = actors * per_actor;
    if (rows == NULL || capacity < needed) {
        *count = needed;
        error_set(&err, PV_ERR_BUFFER_TOO_SMALL, PV_RULE_NONE, "capacity",
                  "is less than the number of rows (see count)");
        return error_report(error, &err);
    }

    size_t n = 0;
    const size_t total = citizen->seal_count + citizen->grant_count;
    for (size_t a = 0; a < actors; a++) {
        pv_actor actor = record_actor(citizen, a);
        pv_service service = PV_SERVICE_INIT;
        service.kind = PV_SERVICE_E_SERVICES;
        decide_row(&record, &actor, &service, on, &rows[n++]);
        /* E2: the journal through the direct channel, which the citizen's lock leaves open. */
        service.kind = PV_SERVICE_JOURNAL;
        service.channel = PV_CHANNEL_DIRECT;
        decide_row(&record, &actor, &service, on, &rows[n++]);
        /* Each unit named in the record, first mention first. */
        for (size_t m = 0; m < total; m++) {
            if (!is_first(&ms, m)) continue;
            service.unit = mention_unit(citizen, m);
            decide_row(&record, &actor, &service, on, &rows[n++]);
        }
    }
    *count = n;
    error_clear(error);
    return PV_OK;
}
