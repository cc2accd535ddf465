/*
 * batch.c — many requests at once: the decision procedure of RULES.md section 3 (steps 0 to 7
 * and T1) for a run of requests, with step 0 for the date and for each citizen's record made
 * once per run of requests that share the record, instead of once per request.
 *
 * The answers are those of pv_evaluate(): the same validation (section 8, in the same order: on,
 * the citizen, the actor, the service), the same steps (decide_on) and the same changes_on.
 */
#include <string.h>

#include "internal.h"

_Static_assert(sizeof(pv_outcome) == 32, "pv_outcome is documented as 32 bytes");
_Static_assert(PV_REASON_COUNT <= 32 && PV_RULE_COUNT <= 256 && PV_EFFECT_COUNT <= 256,
               "the fields of pv_outcome hold every reason, rule and effect");

static void outcome_from_decision(pv_outcome *o, const pv_decision *d) {
    o->reasons = d->reasons;
    o->changes_on = d->changes_on;
    o->effect = (uint8_t)d->effect;
    o->reason = (uint8_t)d->reason;
    o->rule = (uint8_t)d->rule;
    o->filtered = d->filtered;
    memcpy(o->reason_rules, d->reason_rules, sizeof o->reason_rules);
}

/* V1: the fail-closed answer for invalid input, without the field path. */
static void outcome_invalid(pv_outcome *o) {
    memset(o, 0, sizeof *o);
    o->reasons = 1u << PV_REASON_INVALID_INPUT;
    o->effect = PV_EFFECT_DENY;
    o->reason = PV_REASON_INVALID_INPUT;
    o->rule = PV_RULE_V1;
    o->reason_rules[PV_REASON_INVALID_INPUT] = (unsigned char)PV_RULE_V1;
}

/* Counts request 'i' as invalid, naming the field the first time. */
static void report_invalid(pv_batch_report *r, size_t i, const char *field, const char *detail) {
    if (r->invalid_count++ > 0) return;
    r->first_invalid = i;
    size_t n = strlen(field);
    /* Cannot truncate: every field path fits PV_FIELD_PATH_SIZE (pv_decision.field). */
    if (n >= sizeof r->field) n = sizeof r->field - 1; /* GCOVR_EXCL_LINE */
    memcpy(r->field, field, n);
    r->field[n] = '\0';
    r->detail = detail;
}

/* Every outcome the deny for invalid input, the report naming 'field'. */
static pv_status all_invalid(pv_outcome *outcomes, size_t count, pv_batch_report *r,
                             const char *field, const char *detail) {
    for (size_t i = 0; outcomes != NULL && i < count; i++) outcome_invalid(&outcomes[i]);
    report_invalid(r, 0, field, detail);
    r->invalid_count = count;
    return PV_ERR_INVALID_INPUT;
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

pv_status pv_evaluate_many(const pv_query *queries, size_t count, pv_date on, pv_outcome *outcomes,
                           pv_batch_report *report) {
    pv_batch_report ignored = {0};
    pv_batch_report *r = report != NULL ? report : &ignored;
    r->invalid_count = 0;
    r->first_invalid = count;
    r->field[0] = '\0';
    r->detail = NULL;
    if (count == 0) return PV_OK;
    if (outcomes == NULL) {
        return all_invalid(NULL, count, r, "outcomes", "is NULL with a non-zero count");
    }
    if (queries == NULL) {
        return all_invalid(outcomes, count, r, "queries", "is NULL with a non-zero count");
    }
    pv_decision d;
    pv_decision record_error; /* the validation of the current citizen, when it failed */
    pv_status record = PV_ERR_INVALID_INPUT;
    /* The request being decided. Its citizen, birth date, actor and the actor's entry in the
       record carry over from one request to the next while they stay the same. */
    pv_request rq = {NULL, NULL, NULL, PV_DATE_NONE, NULL, NULL};
    const pv_actor *valid_actor = NULL; /* the last actor found valid */
    seen_services services = {{NULL}, 0};
    for (size_t i = 0; i < count; i++) {
        const pv_query *q = &queries[i];
        if (i == 0 || q->citizen != rq.citizen) {
            /* Step 0 (V1) for the date and the record: once for each run of requests that share
               the citizen, in the order pv_evaluate checks them (on first, then the citizen). */
            rq.citizen = q->citizen;
            rq.actor = NULL; /* the actor is looked up in the new record */
            record = validate_citizen(rq.citizen, on, &rq.birth, &record_error);
        }
        const pv_decision *invalid = &record_error;
        if (record != PV_OK) goto invalid_request;
        /* Step 0 (V1) for the actor and the service, unless both were found valid before. */
        if (valid_actor == NULL || q->actor != valid_actor ||
            !service_seen(&services, q->service)) {
            invalid = &d;
            if (validate_query(q->actor, q->service, &d) != PV_OK) goto invalid_request;
            valid_actor = q->actor;
            service_remember(&services, q->service);
        }
        if (q->actor != rq.actor) {
            /* Step 1: the actor's entry in the record, once per run of the same actor. */
            rq.actor = q->actor;
            resolve_actor(&rq);
        }
        rq.service = q->service;
        decide_on(&rq, on, &d);
        d.changes_on = changes_on(&rq, on, &d);
        outcome_from_decision(&outcomes[i], &d);
        continue;
    invalid_request:
        /* V1: the request is answered with the fail-closed deny. */
        outcome_invalid(&outcomes[i]);
        report_invalid(r, i, invalid->field, invalid->detail);
    }
    return r->invalid_count == 0 ? PV_OK : PV_ERR_INVALID_INPUT;
}

pv_status pv_outcome_to_decision(const pv_outcome *outcome, pv_decision *out) {
    if (out == NULL) return PV_ERR_INVALID_INPUT;
    bool in_range = outcome != NULL && outcome->effect < PV_EFFECT_COUNT &&
                    outcome->reason < PV_REASON_COUNT && outcome->rule < PV_RULE_COUNT;
    if (!in_range) {
        decision_set_invalid(out, "outcome", outcome == NULL ? "is required" : "is out of range");
        return PV_ERR_INVALID_INPUT;
    }
    out->effect = (pv_effect)outcome->effect;
    out->reason = (pv_reason)outcome->reason;
    out->reasons = outcome->reasons;
    out->rule = (pv_rule)outcome->rule;
    memcpy(out->reason_rules, outcome->reason_rules, sizeof out->reason_rules);
    out->filtered = outcome->filtered;
    out->changes_on = outcome->changes_on;
    out->field[0] = '\0';
    out->detail = NULL;
    return PV_OK;
}
