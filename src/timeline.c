/*
 * timeline.c — the decisions of one actor for one service over a span of dates, as the steps at
 * which they change (T1): the decision on the first day, then each changes_on and its decision.
 */
#include "internal.h"

pv_status pv_timeline(const pv_citizen *citizen, const pv_actor *actor, const pv_service *service,
                      pv_date from, pv_date until, pv_timeline_step *steps, size_t capacity,
                      size_t *count) {
    if (count != NULL) *count = 0;
    if (count == NULL || (steps == NULL && capacity > 0)) return PV_ERR_INVALID_INPUT;
    if (!pv_date_is_valid(from) || !pv_date_is_valid(until) || date_key(until) < date_key(from)) {
        return PV_ERR_INVALID_INPUT;
    }
    pv_date on = from;
    size_t n = 0;
    /* T1: the decision is constant until changes_on, so the steps are exact. */
    while (!date_is_none(on) && date_key(on) <= date_key(until)) {
        pv_decision d;
        if (pv_evaluate(citizen, actor, service, on, &d) != PV_OK) {
            if (capacity > 0) {
                steps[0].from = on;
                steps[0].decision = d;
            }
            *count = 0;
            return PV_ERR_INVALID_INPUT;
        }
        if (n < capacity) {
            steps[n].from = on;
            steps[n].decision = d;
        }
        n++;
        on = d.changes_on;
    }
    *count = n;
    return n > capacity ? PV_ERR_BUFFER_TOO_SMALL : PV_OK;
}
