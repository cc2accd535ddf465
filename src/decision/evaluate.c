/*
 * evaluate.c — the public decision functions: step 0 (V1, validate.c), then the procedure of
 * steps 1 to 7 (procedure.c) and T1 (changes_on.c); the accessors of a decision.
 */
#include <string.h>

#include "../time/view.h"

bool decision_usable(const pv_decision *d) {
    return d != NULL && d->version == PV_DECISION_VERSION;
}

void decision_set_invalid(pv_decision *out) {
    /* V1: malformed input is a deny with reason INVALID_INPUT (fail closed). Only the members of
       version 1 are written: every version of pv_decision begins with them. */
    out->effect = PV_EFFECT_DENY;
    out->reason = PV_REASON_INVALID_INPUT;
    out->reasons = 1u << PV_REASON_INVALID_INPUT;
    out->rule = PV_RULE_V1;
    memset(out->reason_rules, 0, sizeof out->reason_rules);
    out->reason_rules[PV_REASON_INVALID_INPUT] = (unsigned char)PV_RULE_V1;
    out->filtered = false;
    out->changes_on = PV_DATE_NONE;
}

pv_status decision_output_check(pv_decision *out, pv_error *error) {
    if (error_unknown(error)) {
        /* The error cannot be written; the call fails all the same (never a guess). */
        if (out != NULL) decision_set_invalid(out);
        return PV_ERR_INVALID_INPUT;
    }
    if (out == NULL) return error_invalid(error, "out", "is required");
    if (!decision_usable(out)) {
        decision_set_invalid(out);
        return error_invalid(error, "out.version",
                             "is not a version this library knows (initialise it with "
                             "PV_DECISION_INIT)");
    }
    return PV_OK;
}

/* Step 0 for a call that writes a decision: the caller's structs are known and the inputs well
   formed. On failure '*out' (when it can be written) is the fail-closed deny. */
static pv_status evaluate_input(const pv_citizen *citizen, const pv_actor *actor,
                                const pv_service *service, pv_date on, pv_decision *out,
                                pv_error *error, pv_request *rq) {
    pv_status status = decision_output_check(out, error);
    if (status != PV_OK) return status;
    pv_error err = PV_ERROR_INIT;
    /* Step 0 (V1): malformed input is a fail-closed deny naming the field. */
    if (validate_request(citizen, actor, service, on, rq, &err) != PV_OK) {
        decision_set_invalid(out);
        return error_report(error, &err);
    }
    error_clear(error);
    return PV_OK;
}

static pv_status evaluate(const pv_citizen *citizen, const pv_actor *actor,
                          const pv_service *service, pv_date on, pv_decision *out, pv_error *error,
                          bool with_changes_on) {
    pv_request rq;
    pv_status status = evaluate_input(citizen, actor, service, on, out, error, &rq);
    if (status != PV_OK) return status;
    resolve_actor(&rq);
    if (!with_changes_on) {
        decide_on(&rq, on, out);
        return PV_OK;
    }
    /* Steps 1 to 7 and T1 from the request's view: its facts as unions of days (view.h). */
    view v;
    view_from_record(&v, &rq);
    decide_view(&rq, &v, on, out, true);
    return PV_OK;
}

pv_status pv_evaluate(const pv_citizen *citizen, const pv_actor *actor, const pv_service *service,
                      pv_date on, pv_decision *out, pv_error *error) {
    return evaluate(citizen, actor, service, on, out, error, true);
}

pv_status pv_decide(const pv_citizen *citizen, const pv_actor *actor, const pv_service *service,
                    pv_date on, pv_decision *out, pv_error *error) {
    return evaluate(citizen, actor, service, on, out, error, false);
}

pv_status pv_validate(const pv_citizen *citizen, const pv_actor *actor, const pv_service *service,
                      pv_date on, pv_error *error) {
    if (error_unknown(error)) return PV_ERR_INVALID_INPUT;
    pv_request rq;
    pv_error err = PV_ERROR_INIT;
    if (validate_request(citizen, actor, service, on, &rq, &err) != PV_OK) {
        return error_report(error, &err);
    }
    error_clear(error);
    return PV_OK;
}

bool pv_decision_has_reason(const pv_decision *decision, pv_reason reason) {
    if (decision == NULL || (unsigned)reason >= PV_REASON_COUNT) return false;
    return (decision->reasons & (1u << reason)) != 0;
}

int pv_decision_reason_count(const pv_decision *decision) {
    if (decision == NULL) return 0;
    int n = 0;
    /* One round a bit set (at most 32, which the bound says to a prover too: EVA). */
    for (uint32_t bits = decision->reasons; bits != 0 && n < 32; bits &= bits - 1) n++;
    return n;
}

pv_reason pv_decision_reason_at(const pv_decision *decision, int index) {
    if (decision == NULL || index < 0) return PV_REASON_COUNT;
    for (int r = 0; r < PV_REASON_COUNT; r++) {
        if ((decision->reasons & (1u << r)) && index-- == 0) return (pv_reason)r;
    }
    return PV_REASON_COUNT;
}

pv_rule pv_decision_reason_rule(const pv_decision *decision, pv_reason reason) {
    if (!pv_decision_has_reason(decision, reason)) return PV_RULE_NONE;
    unsigned char rule = decision->reason_rules[reason];
    return rule < PV_RULE_COUNT ? (pv_rule)rule : PV_RULE_NONE;
}
