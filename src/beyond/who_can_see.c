/*
 * who_can_see.c — the reverse question: for a citizen and a date, every actor named in the
 * record with their decision for the e-services, the journal as a whole and each unit named in
 * the record. The record is validated once; each row is decided by the procedure of
 * procedure.c with its changes_on, exactly as pv_evaluate() decides it.
 *
 * Cost: the distinct units are found by sorting (record.c, O(n log n)), and each row costs
 * O(n log n) in the record: rows × record in all, never worse.
 */
#include <string.h>

#include "../time/view.h"

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
    decide_with_changes_on(&rq, on, &r.decision);
    /* For the proof only (docs/PROOF.md; a compiler reads it as a comment): the view of this
       row is gone, so the analysis no longer needs to keep its states apart by the view's layout;
       kept apart, they multiply from row to row. */
    /*@ merge view_layout; */
    *row = r;
}

/* The rows of one actor, from rows[0] on: the e-services, the journal and each unit named in the
   record (2 + the number of units in all). */
static void actor_rows(const pv_request *record, const record_units *ms, const pv_actor *actor,
                       pv_date on, pv_access_row *rows) {
    const pv_citizen *citizen = record->citizen;
    size_t k = 0;
    pv_service service = PV_SERVICE_INIT;
    service.kind = PV_SERVICE_E_SERVICES;
    decide_row(record, actor, &service, on, &rows[k++]);
    /* E2: the journal through the direct channel, which the citizen's lock leaves open. */
    service.kind = PV_SERVICE_JOURNAL;
    service.channel = PV_CHANNEL_DIRECT;
    decide_row(record, actor, &service, on, &rows[k++]);
    /* Each unit named in the record, first mention first: the seals', then the grants'
       (mention seal_count + i is grant i). */
    const size_t seals = citizen->seal_count;
    const size_t grants = citizen->grant_count;
    for (size_t i = 0; i < seals; i++) {
        if (!record_unit_is_first(ms, i)) continue;
        service.unit = citizen->seals[i].unit;
        decide_row(record, actor, &service, on, &rows[k++]);
    }
    for (size_t i = 0; i < grants; i++) {
        if (!record_unit_is_first(ms, seals + i)) continue;
        service.unit = citizen->grants[i].unit;
        decide_row(record, actor, &service, on, &rows[k++]);
    }
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

    record_units ms;
    size_t units = record_units_find(&ms, citizen);
    size_t actors = record_actor_count(citizen);
    size_t per_actor = 2 + units;
    size_t needed = actors * per_actor;
    if (rows == NULL || capacity < needed) {
        *count = needed;
        error_set(&err, PV_ERR_BUFFER_TOO_SMALL, PV_RULE_NONE, "capacity",
                  "is less than the number of rows (see count)");
        return error_report(error, &err);
    }

    /* The actors in record_actor()'s order, each taken as it takes them: the citizen, then
       each guardian, then each representative (three loops, so that each reads its own array
       below its own count); actor a's rows from row a * per_actor on. */
    pv_actor actor = record_actor(citizen, 0);
    actor_rows(&record, &ms, &actor, on, rows);
    const size_t guardians = citizen->guardian_count;
    actor.kind = PV_ACTOR_GUARDIAN;
    for (size_t i = 0; i < guardians; i++) {
        actor.id = citizen->guardians[i].id;
        actor_rows(&record, &ms, &actor, on, &rows[(1 + i) * per_actor]);
    }
    actor.kind = PV_ACTOR_REPRESENTATIVE;
    for (size_t i = 0; i < citizen->representative_count; i++) {
        actor.id = citizen->representatives[i].id;
        actor_rows(&record, &ms, &actor, on, &rows[(1 + guardians + i) * per_actor]);
    }
    *count = needed;
    error_clear(error);
    return PV_OK;
}
