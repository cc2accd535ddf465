/*
 * batch.c — many requests at once: the decision procedure of RULES.md section 3 (steps 0 to 7
 * and T1) for a run of requests, with step 0 for the date and for each citizen's record made
 * once per run of requests that share the record, instead of once per request.
 *
 * The answers are those of pv_evaluate(): the same validation (section 8, in the same order: on,
 * the citizen, the actor, the service), the same steps and the same changes_on. A record small
 * enough (most are: a few seals, grants and periods) is prepared once per run (prepared.h) into
 * storage on the stack, so that each request of the run reads its facts from the record's merged
 * unions instead of gathering them from the record again; a larger one is decided from the
 * record itself, as pv_evaluate() decides it.
 */
#include <stddef.h>
#include <string.h>

#include "prepared.h"

_Static_assert(PV_REASON_COUNT <= PV_REASON_MAX && PV_REASON_MAX <= 32 && PV_RULE_COUNT <= 256 &&
                   PV_EFFECT_COUNT <= 256,
               "the fields of pv_outcome hold every reason, rule and effect");

static void outcome_from_decision(pv_outcome *o, const pv_decision *d) {
    o->version = PV_OUTCOME_VERSION;
    o->reasons = d->reasons;
    o->changes_on = d->changes_on;
    o->effect = (uint8_t)d->effect;
    o->reason = (uint8_t)d->reason;
    o->rule = (uint8_t)d->rule;
    o->filtered = d->filtered;
    memcpy(o->reason_rules, d->reason_rules, sizeof o->reason_rules);
}

/* V1: the fail-closed answer for invalid input. */
static void outcome_invalid(pv_outcome *o) {
    pv_decision d = PV_DECISION_INIT;
    decision_set_invalid(&d);
    outcome_from_decision(o, &d);
}

/* Names the first invalid request: its field, prefixed by its index ("queries[7].actor.id");
   a bad date is "on", as for every request. */
static void report_invalid(pv_error *first, bool *reported, size_t i, const pv_error *err) {
    if (*reported) return;
    *reported = true;
    if (strcmp(err->field, "on") == 0) {
        *first = *err;
        return;
    }
    error_set_in(first, "queries", i, err->field, err->message);
}

/* V1: request 'i' is answered with the fail-closed deny, for the problem 'err' names. */
static void request_invalid(pv_outcome *o, pv_error *first, bool *reported, size_t i,
                            const pv_error *err) {
    outcome_invalid(o);
    report_invalid(first, reported, i, err);
}

/* The services found valid so far in this call, the latest few: the inputs are const, so a
   pointer found valid once stays valid (section 8 judges a service by its own fields alone). */
enum {
    SEEN_SERVICES = 8
};

typedef struct seen_services {
    const pv_service *valid[SEEN_SERVICES];
    unsigned next;
} seen_services;

/* True if 'service' (not NULL) was found valid before; empty slots hold NULL. */
static bool service_seen(const seen_services *seen, const pv_service *service) {
    if (service == NULL) return false;
    for (unsigned k = 0; k < SEEN_SERVICES; k++) {
        if (seen->valid[k] == service) return true;
    }
    return false;
}

static void service_remember(seen_services *seen, const pv_service *service) {
    seen->valid[seen->next] = service;
    seen->next = (seen->next + 1) % SEEN_SERVICES;
}

/* Bytes of stack storage for the prepared record of a run: room for a record of a few dozen
   seals, grants and periods. */
enum {
    RUN_STORAGE = 4096
};

/* Prepares the run's record (valid) into 'storage', or returns NULL when it does not fit. */
static const pv_prepared *prepare_run(const pv_citizen *c, max_align_t *storage) {
    prep_layout l;
    prepared_layout(c, &l);
    if (l.total > RUN_STORAGE) return NULL;
    return prepared_build(storage, c, &l, false);
}

/* A run of requests sharing a citizen starts: step 0 for the date and the record, and the record
   prepared when it is valid and fits. */
static pv_status start_run(const pv_citizen *c, pv_date on, pv_request *rq, pv_error *err,
                           max_align_t *storage, const pv_prepared **prepared) {
    const pv_status status = validate_citizen(c, on, rq, err);
    *prepared = status == PV_OK ? prepare_run(c, storage) : NULL;
    return status;
}

/* Steps 1 to 7 and T1 for one valid, resolved request, from the run's prepared record when
   there is one. The view is this request's alone (a new one for each request: nothing of one
   request's view is read for the next). */
static void decide_request(const pv_request *rq, const pv_prepared *prepared, pv_date on,
                           pv_decision *d) {
    view v;
    if (prepared != NULL) {
        const char *unit = rq->service->unit;
        view_from_prepared(&v, prepared, rq, unit == NULL ? NULL : prepared_unit(prepared, unit));
    } else {
        view_from_record(&v, rq);
    }
    decide_view(rq, &v, on, d, true);
    /* For the proof only (docs/PROOF.md; a compiler reads it as a comment): the view of this
       request is gone, so the analysis no longer keeps its states apart by the view's layout;
       kept apart, they multiply from request to request. */
    /*@ merge view_layout; */
}

pv_status pv_evaluate_many(const pv_query *queries, size_t count, pv_date on, pv_outcome *outcomes,
                           pv_error *error) {
    if (error_unknown(error)) return PV_ERR_INVALID_INPUT;
    if (count == 0) {
        error_clear(error);
        return PV_OK;
    }
    if (outcomes == NULL) return error_invalid(error, "outcomes", "is NULL with a non-zero count");
    if (outcomes[0].version != PV_OUTCOME_VERSION) {
        return error_invalid(error, "outcomes[0].version",
                             "is not a version this library knows (initialise it with "
                             "PV_OUTCOME_INIT)");
    }
    if (queries == NULL) return error_invalid(error, "queries", "is NULL with a non-zero count");
    if (queries[0].version != PV_QUERY_VERSION) {
        return error_invalid(error, "queries[0].version",
                             "is not a version this library knows (initialise it with "
                             "PV_QUERY_INIT)");
    }
    pv_error first = PV_ERROR_INIT; /* the first invalid request */
    bool reported = false;
    pv_error err = PV_ERROR_INIT;
    pv_error record_error = PV_ERROR_INIT; /* the validation of the current citizen */
    pv_status record = PV_ERR_INVALID_INPUT;
    pv_decision d = PV_DECISION_INIT;
    /* The request being decided. Its citizen, birth date, actor and the actor's entry in the
       record carry over from one request to the next while they stay the same. */
    pv_request rq = {NULL, NULL, NULL, PV_DATE_NONE, PV_DATE_NONE, NULL, NULL};
    const pv_actor *valid_actor = NULL; /* the last actor found valid */
    max_align_t storage[RUN_STORAGE / sizeof(max_align_t)];
    const pv_prepared *prepared = NULL; /* the current citizen's, when it fits */
    seen_services services = {{NULL}, 0};
    /* For the proof only (docs/PROOF.md; a compiler reads it as a comment): each request on a
       round of its own, so that what a request leaves for the next (the run's record, its
       validation) is never joined with what another round left. */
    /*@ loop unroll; */
    for (size_t i = 0; i < count; i++) {
        const pv_query *q = &queries[i];
        if (q->version != queries[0].version) {
            error_set(&err, PV_ERR_INVALID_INPUT, PV_RULE_V1, "version",
                      "differs from the version of queries[0]");
            request_invalid(&outcomes[i], &first, &reported, i, &err);
            continue;
        }
        if (i == 0 || q->citizen != rq.citizen) {
            /* Step 0 (V1) for the date and the record: once for each run of requests that share
               the citizen, in the order pv_evaluate checks them (on first, then the citizen). */
            rq.actor = NULL; /* the actor is looked up in the new record */
            record = start_run(q->citizen, on, &rq, &record_error, storage, &prepared);
        }
        /* For the proof only: a record prepared is never joined with one that is not. */
        /*@ split record; */
        if (record != PV_OK) {
            request_invalid(&outcomes[i], &first, &reported, i, &record_error);
            continue;
        }
        /* Step 0 (V1) for the actor and the service, unless both were found valid before. */
        if (valid_actor == NULL || q->actor != valid_actor ||
            !service_seen(&services, q->service)) {
            if (validate_query(q->actor, q->service, &err) != PV_OK) {
                request_invalid(&outcomes[i], &first, &reported, i, &err);
                continue;
            }
            valid_actor = q->actor;
            service_remember(&services, q->service);
        }
        if (q->actor != rq.actor) {
            /* Step 1: the actor's entry in the record, once per run of the same actor. */
            rq.actor = q->actor;
            rq.service = q->service;
            resolve_actor(&rq);
        }
        rq.service = q->service;
        decide_request(&rq, prepared, on, &d);
        outcome_from_decision(&outcomes[i], &d);
    }
    if (reported) return error_report(error, &first);
    error_clear(error);
    return PV_OK;
}

pv_status pv_outcome_to_decision(const pv_outcome *outcome, pv_decision *out, pv_error *error) {
    pv_status status = decision_output_check(out, error);
    if (status != PV_OK) return status;
    const char *field = "outcome";
    const char *problem = NULL;
    if (outcome == NULL) {
        problem = "is required";
    } else if (outcome->version != PV_OUTCOME_VERSION) {
        field = "outcome.version";
        problem = "is not a version this library knows (initialise it with PV_OUTCOME_INIT)";
    } else if (outcome->effect >= PV_EFFECT_COUNT || outcome->reason >= PV_REASON_COUNT ||
               outcome->rule >= PV_RULE_COUNT) {
        problem = "holds a value out of range";
    }
    if (problem != NULL) {
        decision_set_invalid(out);
        return error_invalid(error, field, problem);
    }
    out->effect = (pv_effect)outcome->effect;
    out->reason = (pv_reason)outcome->reason;
    out->reasons = outcome->reasons;
    out->rule = (pv_rule)outcome->rule;
    memcpy(out->reason_rules, outcome->reason_rules, sizeof out->reason_rules);
    out->filtered = outcome->filtered;
    out->changes_on = outcome->changes_on;
    error_clear(error);
    return PV_OK;
}

pv_status pv_outcome_from_decision(const pv_decision *decision, pv_outcome *out, pv_error *error) {
    if (error_unknown(error)) {
        /* The error cannot be written; the call fails all the same (never a guess). */
        if (out != NULL && out->version == PV_OUTCOME_VERSION) outcome_invalid(out);
        return PV_ERR_INVALID_INPUT;
    }
    if (out == NULL) return error_invalid(error, "out", "is required");
    if (out->version != PV_OUTCOME_VERSION) {
        return error_invalid(error, "out.version",
                             "is not a version this library knows (initialise it with "
                             "PV_OUTCOME_INIT)");
    }
    const char *field = "decision";
    const char *problem = NULL;
    if (decision == NULL) {
        problem = "is required";
    } else if (decision->version != PV_DECISION_VERSION) {
        field = "decision.version";
        problem = "is not a version this library knows (initialise it with PV_DECISION_INIT)";
    } else if ((unsigned)decision->effect >= PV_EFFECT_COUNT ||
               (unsigned)decision->reason >= PV_REASON_COUNT ||
               (unsigned)decision->rule >= PV_RULE_COUNT) {
        problem = "holds a value out of range";
    }
    if (problem != NULL) {
        outcome_invalid(out);
        return error_invalid(error, field, problem);
    }
    outcome_from_decision(out, decision);
    error_clear(error);
    return PV_OK;
}

size_t pv_layout(pv_layout_item item) {
    switch (item) {
    case PV_LAYOUT_OUTCOME_SIZE: return sizeof(pv_outcome);
    case PV_LAYOUT_OUTCOME_REASONS: return offsetof(pv_outcome, reasons);
    case PV_LAYOUT_OUTCOME_CHANGES_ON: return offsetof(pv_outcome, changes_on);
    case PV_LAYOUT_OUTCOME_EFFECT: return offsetof(pv_outcome, effect);
    case PV_LAYOUT_OUTCOME_REASON: return offsetof(pv_outcome, reason);
    case PV_LAYOUT_OUTCOME_RULE: return offsetof(pv_outcome, rule);
    case PV_LAYOUT_OUTCOME_FILTERED: return offsetof(pv_outcome, filtered);
    case PV_LAYOUT_OUTCOME_REASON_RULES: return offsetof(pv_outcome, reason_rules);
    case PV_LAYOUT_DATE_YEAR: return offsetof(pv_date, year);
    case PV_LAYOUT_DATE_MONTH: return offsetof(pv_date, month);
    case PV_LAYOUT_DATE_DAY: return offsetof(pv_date, day);
    case PV_LAYOUT_REASON_MAX: return PV_REASON_MAX;
    case PV_LAYOUT_ITEM_COUNT: break;
    }
    return 0;
}
