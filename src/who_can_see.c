/*
 * who_can_see.c — the reverse question: for a citizen and a date, every actor named in the
 * record with their decision for the e-services, the journal as a whole and each unit named in
 * the record. Built on pv_evaluate, so it answers exactly as the decision procedure does.
 */
#include <string.h>

#include "internal.h"

/* The i-th distinct unit named in the record (unit seals, then grants, first mention first),
   or NULL past the last. */
static const char *record_unit(const pv_citizen *c, size_t wanted) {
    size_t seen = 0;
    size_t total = c->seal_count + c->grant_count;
    for (size_t i = 0; i < total; i++) {
        const char *u = i < c->seal_count ? c->seals[i].unit : c->grants[i - c->seal_count].unit;
        if (u == NULL) continue;
        bool earlier = false;
        for (size_t j = 0; j < i && !earlier; j++) {
            const char *v =
                j < c->seal_count ? c->seals[j].unit : c->grants[j - c->seal_count].unit;
            earlier = v != NULL && strcmp(u, v) == 0;
        }
        if (!earlier && seen++ == wanted) return u;
    }
    return NULL;
}

static size_t record_unit_count(const pv_citizen *c) {
    size_t n = 0;
    while (record_unit(c, n) != NULL) n++;
    return n;
}

pv_status pv_who_can_see(const pv_citizen *citizen, pv_date on, pv_access_row *rows,
                         size_t capacity, size_t *count) {
    pv_decision check;
    pv_date birth;
    if (count != NULL) *count = 0;
    if (count == NULL || (rows == NULL && capacity > 0)) return PV_ERR_INVALID_INPUT;
    if (validate_citizen(citizen, on, &birth, &check) != PV_OK) {
        if (capacity > 0) rows[0].decision = check;
        return PV_ERR_INVALID_INPUT;
    }
    size_t units = record_unit_count(citizen);
    size_t actors = record_actor_count(citizen);
    size_t per_actor = 2 + units;
    *count = actors * per_actor;
    if (rows == NULL || capacity < *count) return PV_ERR_BUFFER_TOO_SMALL;

    size_t n = 0;
    for (size_t a = 0; a < actors; a++) {
        pv_actor actor = record_actor(citizen, a);
        for (size_t q = 0; q < per_actor; q++, n++) {
            /* E2: the journal through the direct channel, which the citizen's lock leaves open. */
            pv_service service = {.kind = q == 0 ? PV_SERVICE_E_SERVICES : PV_SERVICE_JOURNAL,
                                  .channel = q == 0 ? PV_CHANNEL_PORTAL : PV_CHANNEL_DIRECT,
                                  .unit = q >= 2 ? record_unit(citizen, q - 2) : NULL};
            pv_access_row *row = &rows[n];
            row->actor_kind = actor.kind;
            row->actor_id = actor.id;
            row->service = service.kind;
            row->unit = service.unit;
            if (pv_evaluate(citizen, &actor, &service, on, &row->decision) != PV_OK) {
                /* Not reached: the record was validated above; fails closed all the same. */
                return PV_ERR_INVALID_INPUT; /* GCOVR_EXCL_LINE */
            }
        }
    }
    return PV_OK;
}
