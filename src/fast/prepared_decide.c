/*
 * prepared_decide.c — pv_evaluate_prepared(): the decision of pv_evaluate() from a prepared
 * record (portvakt_prepared.h).
 *
 * Step 0 is what depends on the call: the record is one (magic) and the citizen is the one
 * prepared (the lifetime rule, O(1)), the date exists, the birth date on the date (A3, N4: the
 * personnummer's century, and a birth after the date), the actor and the service — in the order
 * and with the errors of pv_evaluate(), which checks the rest of the record on every call and
 * finds it valid as pv_prepare() did. The request's view (view.h) is then a handful of ranges of
 * the record's sorted unions, found by the unit (a binary search) and the holder, gathered by
 * facts_gather() (decision/facts.c) as for pv_evaluate(); steps 1 to 7 and T1 run on it.
 */
#include <string.h>

#include "prepared.h"

/* Sorted by strcmp(): a binary search. */
const prep_unit *prepared_unit(const pv_prepared *p, const char *unit) {
    const prep_unit *units = prep_units(p);
    uint32_t lo = 0;
    uint32_t hi = p->unit_count;
    while (lo < hi) {
        const uint32_t mid = (lo + hi) / 2;
        const int cmp = strcmp(units[mid].unit, unit);
        if (cmp == 0) return &units[mid];
        if (cmp < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return NULL;
}

/* Step 0 for the record and the citizen on 'on', in pv_evaluate()'s order: 'on', the citizen,
   then (for the citizen) what depends on the date. */
static bool record_ok(const pv_prepared *p, const pv_citizen *citizen, pv_date on, pv_request *rq,
                      pv_error *err) {
    if (!prepared_usable(p)) {
        error_set(err, PV_ERR_INVALID_INPUT, PV_RULE_V1, "record",
                  "holds no prepared record (see pv_prepare)");
        return false;
    }
    if (!date_exists(on)) {
        error_set(err, PV_ERR_INVALID_INPUT, PV_RULE_V1, "on", "is not a date that exists");
        return false;
    }
    if (citizen == NULL) {
        error_set(err, PV_ERR_INVALID_INPUT, PV_RULE_V1, "citizen", "is required");
        return false;
    }
    if (!prepared_citizen_same(p, citizen)) {
        error_set(err, PV_ERR_INVALID_INPUT, PV_RULE_V1, "record",
                  "the citizen changed since it was prepared (prepare it again)");
        return false;
    }
    rq->citizen = citizen;
    if (p->birth_fixed && date_key(p->birth) <= date_key(on)) {
        rq->birth = p->birth; /* A3: as birth_on() would read it */
        rq->reading_changes_on = PV_DATE_NONE;
        return true;
    }
    return birth_on(citizen, p->has_pnr ? &p->pnr : NULL, on, rq, err);
}

/* Step 1 before step 0: the actor's entry in the record (as resolve_actor() finds it). An id
   found there equals one that pv_prepare() validated, so validation need not read it again. */
static bool actor_known(const pv_actor *a, const pv_citizen *c, pv_request *rq) {
    rq->guardian = NULL;
    rq->representative = NULL;
    if (a == NULL || a->version < 1 || a->version > PV_ACTOR_VERSION || a->id == NULL) return false;
    find_actor_in_record(c, a, rq);
    return rq->guardian != NULL || rq->representative != NULL;
}

/* The asked unit among the record's, before step 0 (likewise: a unit found is valid). */
static const prep_unit *unit_known(const pv_prepared *p, const pv_service *q) {
    if (q == NULL || q->version < 1 || q->version > PV_SERVICE_VERSION || q->unit == NULL) {
        return NULL;
    }
    return prepared_unit(p, q->unit);
}

pv_status pv_evaluate_prepared(const pv_prepared *record, const pv_citizen *citizen,
                               const pv_actor *actor, const pv_service *service, pv_date on,
                               pv_decision *out, pv_error *error) {
    pv_status status = decision_output_check(out, error);
    if (status != PV_OK) return status;
    pv_error err;
    pv_request rq;
    /* Step 0 (V1): fail closed, naming the field, as pv_evaluate() does. */
    if (!record_ok(record, citizen, on, &rq, &err)) {
        decision_set_invalid(out);
        return error_report(error, &err);
    }
    const bool id_known = actor_known(actor, citizen, &rq);
    const prep_unit *unit = unit_known(record, service);
    if (validate_query_known(actor, service, id_known, unit != NULL, &err) != PV_OK) {
        decision_set_invalid(out);
        return error_report(error, &err);
    }
    rq.actor = actor;
    rq.service = service;
    view v;
    view_from_prepared(&v, record, &rq, unit);
    decide_view(&rq, &v, on, out, true);
    error_clear(error);
    return PV_OK;
}
