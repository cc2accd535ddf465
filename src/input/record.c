/*
 * record.c — what a citizen's record names: its units (seals and grants, first mention first)
 * and its birth date (A3), for the questions about a whole record (who can see, timelines) and
 * for bindings, which ask the library instead of deriving either again.
 */
#include <string.h>

#include "../internal.h"

const char *record_mention_unit(const pv_citizen *c, size_t m) {
    return m < c->seal_count ? c->seals[m].unit : c->grants[m - c->seal_count].unit;
}

/* Orders mentions by unit, then by position: the first of a unit sorts first. */
static bool mention_before(const record_units *ru, uint16_t a, uint16_t b) {
    int cmp = strcmp(record_mention_unit(ru->citizen, a), record_mention_unit(ru->citizen, b));
    return cmp < 0 || (cmp == 0 && a < b);
}

static void sift(record_units *ru, size_t i, size_t n) {
    for (;;) {
        size_t big = i;
        const size_t l = 2 * i + 1;
        const size_t r = l + 1;
        if (l < n && mention_before(ru, ru->index[big], ru->index[l])) big = l;
        if (r < n && mention_before(ru, ru->index[big], ru->index[r])) big = r;
        if (big == i) return;
        uint16_t t = ru->index[i];
        ru->index[i] = ru->index[big];
        ru->index[big] = t;
        i = big;
    }
}

size_t record_units_find(record_units *ru, const pv_citizen *c) {
    /* For the proof (docs/PROOF.md): a mention m >= seal_count is grant m - seal_count, an index
       the analysis bounds only when it knows seal_count exactly, so its states are kept apart
       by seal_count within this function (a compiler reads these as comments). */
    /*@ split c->seal_count; */
    ru->citizen = c;
    ru->count = 0;
    memset(ru->first, 0, sizeof ru->first);
    const size_t total = c->seal_count + c->grant_count;
    for (size_t m = 0; m < total; m++) {
        if (record_mention_unit(c, m) != NULL) ru->index[ru->count++] = (uint16_t)m;
    }
    /* For the proof: the index is written up to ru->count and read up to it (here and by the
       callers), which the analysis proves in states where the count is one value. */
    /*@ split ru->count; */
    /* Heap sort of the mentions by (unit, position): O(n log n), no allocation. */
    const size_t n = ru->count;
    for (size_t i = n / 2; i-- > 0;) sift(ru, i, n);
    for (size_t end = n; end > 1; end--) {
        uint16_t t = ru->index[0];
        ru->index[0] = ru->index[end - 1];
        ru->index[end - 1] = t;
        sift(ru, 0, end - 1);
    }
    size_t units = 0;
    for (size_t i = 0; i < n; i++) {
        const uint16_t m = ru->index[i];
        bool same_as_before = i > 0 && strcmp(record_mention_unit(c, ru->index[i - 1]),
                                              record_mention_unit(c, m)) == 0;
        if (!same_as_before) {
            ru->first[m / 8] |= (uint8_t)(1u << (m % 8));
            units++;
        }
    }
    /*@ merge c->seal_count; */
    return units;
}

bool record_unit_is_first(const record_units *ru, size_t m) {
    return (ru->first[m / 8] >> (m % 8)) & 1u;
}

pv_status pv_citizen_units(const pv_citizen *citizen, pv_date on, const char **units,
                           size_t capacity, size_t *count, pv_error *error) {
    if (count != NULL) *count = 0;
    if (error_unknown(error)) return PV_ERR_INVALID_INPUT;
    if (count == NULL) return error_invalid(error, "count", "is required");
    if (units == NULL && capacity > 0)
        return error_invalid(error, "units", "is NULL with a capacity");
    pv_request rq;
    pv_error err = PV_ERROR_INIT;
    if (validate_citizen(citizen, on, &rq, &err) != PV_OK) return error_report(error, &err);
    record_units ru;
    const size_t found = record_units_find(&ru, citizen);
    *count = found;
    if (units == NULL || capacity < found) {
        error_set(&err, PV_ERR_BUFFER_TOO_SMALL, PV_RULE_NONE, "capacity",
                  "is less than the number of units (see count)");
        return error_report(error, &err);
    }
    /* The first mentions: the seals', then the grants' (mention seal_count + i is grant i). */
    size_t n = 0;
    const size_t seals = citizen->seal_count;
    const size_t grants = citizen->grant_count;
    for (size_t i = 0; i < seals; i++) {
        if (record_unit_is_first(&ru, i)) units[n++] = citizen->seals[i].unit;
    }
    for (size_t i = 0; i < grants; i++) {
        if (record_unit_is_first(&ru, seals + i)) units[n++] = citizen->grants[i].unit;
    }
    error_clear(error);
    return PV_OK;
}

pv_status pv_citizen_birth_date(const pv_citizen *citizen, pv_date on, pv_date *out,
                                pv_error *error) {
    if (out != NULL) *out = PV_DATE_NONE;
    if (error_unknown(error)) return PV_ERR_INVALID_INPUT;
    if (out == NULL) return error_invalid(error, "out", "is required");
    pv_request rq;
    pv_error err = PV_ERROR_INIT;
    /* A3: the birth date, given or read from the personnummer against 'on' (N4). */
    if (validate_citizen(citizen, on, &rq, &err) != PV_OK) return error_report(error, &err);
    *out = rq.birth;
    error_clear(error);
    return PV_OK;
}

/* H1, H2: a flag that is true is one period open at both ends; the fact holds on 'on' when the
   flag is set or 'on' lies in one of its periods (their union: overlaps count twice, which
   only the zero test reads). */
uint32_t citizen_locked_on(const pv_citizen *c, pv_date on) {
    uint32_t in = c->login_locked ? 1u : 0u;
    for (size_t i = 0; i < c->login_lock_period_count; i++) {
        const pv_interval *w = &c->login_lock_periods[i].when;
        in += interval_contains(w->from, w->until, on);
    }
    return in;
}

uint32_t citizen_protected_on(const pv_citizen *c, pv_date on) {
    return (c->protected_identity ? 1u : 0u) +
           periods_on(c->protected_identity_periods, c->protected_identity_period_count, on);
}

uint32_t guardian_blocked_on(const pv_guardian *g, pv_date on) {
    return (g->blocked ? 1u : 0u) + periods_on(g->blocked_periods, g->blocked_period_count, on);
}

uint32_t guardian_protected_on(const pv_guardian *g, pv_date on) {
    return (g->protected_identity ? 1u : 0u) +
           periods_on(g->protected_identity_periods, g->protected_identity_period_count, on);
}
