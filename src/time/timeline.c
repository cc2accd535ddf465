/*
 * timeline.c — the decisions of one actor for one service over a span of dates, as the steps at
 * which they change (T1): the decision on the first day, then each changes_on and its decision.
 */
#include <string.h>

#include "view.h"

/* The arguments besides the inputs and 'count': the steps and the span. */
static pv_status timeline_arguments(const pv_timeline_step *steps, size_t capacity, pv_date from,
                                    pv_date until, pv_error *error) {
    if (steps == NULL && capacity > 0)
        return error_invalid(error, "steps", "is NULL with a capacity");
    if (capacity > 0 && steps[0].version != PV_TIMELINE_STEP_VERSION) {
        return error_invalid(error, "steps[0].version",
                             "is not a version this library knows (initialise it with "
                             "PV_TIMELINE_STEP_INIT)");
    }
    if (!pv_date_is_valid(from)) return error_invalid(error, "from", "is not a date that exists");
    if (!pv_date_is_valid(until)) return error_invalid(error, "until", "is not a date that exists");
    if (date_key(until) < date_key(from)) return error_invalid(error, "until", "is before from");
    return PV_OK;
}

/* Writes the step (from 'on', decision 'd') if there is room, counts it, and returns the date of
   the next step. */
static pv_date timeline_step(pv_timeline_step *steps, size_t capacity, size_t *n, pv_date on,
                             const pv_decision *d) {
    if (*n < capacity) {
        pv_timeline_step step = {PV_TIMELINE_STEP_VERSION, on, *d};
        steps[*n] = step;
    }
    (*n)++;
    return d->changes_on;
}

pv_status pv_timeline(const pv_citizen *citizen, const pv_actor *actor, const pv_service *service,
                      pv_date from, pv_date until, pv_timeline_step *steps, size_t capacity,
                      size_t *count, pv_error *error) {
    if (count != NULL) *count = 0;
    if (error_unknown(error)) return PV_ERR_INVALID_INPUT;
    if (count == NULL) return error_invalid(error, "count", "is required");
    pv_status status = timeline_arguments(steps, capacity, from, until, error);
    if (status != PV_OK) return status;

    pv_request rq;
    pv_error err = PV_ERROR_INIT;
    if (validate_request(citizen, actor, service, from, &rq, &err) != PV_OK) {
        /* The span starts on 'from' (checked above to be a date): what pv_evaluate() calls
           "on" is "from" here. */
        if (strcmp(err.message, "is after on") == 0) err.message = "is after from";
        return error_report(error, &err);
    }
    resolve_actor(&rq);
    pv_date on = from;
    size_t n = 0;
    /* T1: the decision is constant until changes_on, so the steps are exact. Validation is
       done once, and again only from the date on which a ten-digit personnummer reads as
       another century (N4), where the birth date is read anew. */
    while (!date_is_none(on) && date_key(on) <= date_key(until)) {
        pv_decision d = PV_DECISION_INIT;
        if (!date_is_none(rq.reading_changes_on) &&
            date_key(on) >= date_key(rq.reading_changes_on)) {
            if (validate_request(citizen, actor, service, on, &rq, &err) != PV_OK) {
                /* N4: from this date the personnummer reads as a birth after it (or one that
                   no longer agrees with the birth date). The step is what pv_evaluate() answers
                   on the date: the fail-closed deny of V1, which carries no changes_on, so the
                   timeline ends with it. */
                decision_set_invalid(&d);
                (void)timeline_step(steps, capacity, &n, on, &d);
                break;
            }
            resolve_actor(&rq);
        }
        decide_with_changes_on(&rq, on, &d);
        /* For the proof only (docs/PROOF.md; a compiler reads it as a comment): the view of
           this step is gone, so the analysis no longer needs to keep its states apart by the
           view's layout; kept apart, they multiply from step to step. */
        /*@ merge view_layout; */
        on = timeline_step(steps, capacity, &n, on, &d);
    }
    *count = n;
    if (n > capacity) {
        error_set(&err, PV_ERR_BUFFER_TOO_SMALL, PV_RULE_NONE, "capacity",
                  "is less than the number of steps (see count)");
        return error_report(error, &err);
    }
    error_clear(error);
    return PV_OK;
}
