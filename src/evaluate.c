/*
 * evaluate.c — the decision procedure of RULES.md section 3: steps 0 to 7 in order, the primary
 * reason, and step 7 (the permit basis and 'filtered').
 */
#include <string.h>

#include "internal.h"

/* The first deny reason in RULES.md order: the enum lists them in that order. */
static pv_reason first_reason(uint32_t reasons) {
    for (int r = PV_REASON_FIRST_DENY; r <= PV_REASON_LAST_DENY; r++) {
        if (reasons & (1u << r)) return (pv_reason)r;
    }
    /* Not reached: called only with a reason present; fails closed all the same. */
    return PV_REASON_INVALID_INPUT; /* GCOVR_EXCL_LINE */
}

static void decision_reset(pv_decision *d) {
    d->effect = PV_EFFECT_DENY;
    d->reason = PV_REASON_INVALID_INPUT;
    d->reasons = 0;
    d->rule = PV_RULE_NONE;
    memset(d->reason_rules, 0, sizeof d->reason_rules);
    d->filtered = false;
    d->changes_on = PV_DATE_NONE;
    d->field[0] = '\0';
    d->detail = NULL;
}

void decide_on(const pv_request *rq, pv_date on, pv_decision *d) {
    decision_reset(d);
    /* Step 1 ends the evaluation at once (R0). */
    if (step_relation(rq, d)) {
        /* Steps 2 to 6: each check is made on its own and every deny is recorded. */
        step_authentication(rq, d);
        step_own_way_in(rq, d);
        pv_basis basis = step_right_to_act(rq, on, date_age(rq->birth, on), d);
        step_proxy_breaks(rq, d);
        bool seal_hides = step_restrictions(rq, on, d);
        if (d->reasons == 0) {
            /* Step 7: permit with the basis; filtered when the view hides something. */
            d->effect = PV_EFFECT_PERMIT;
            d->reason = basis.reason;
            d->rule = basis.rule;
            d->filtered = seal_hides || basis.restricted_to_grants;
            return;
        }
    }
    d->reason = first_reason(d->reasons);
    d->rule = (pv_rule)d->reason_rules[d->reason];
}

static pv_status evaluate(const pv_citizen *citizen, const pv_actor *actor,
                          const pv_service *service, pv_date on, pv_decision *out,
                          bool with_changes_on) {
    if (out == NULL) return PV_ERR_INVALID_INPUT;
    pv_request rq;
    /* Step 0 (V1): malformed input is a fail-closed deny naming the field. */
    if (validate_request(citizen, actor, service, on, &rq, out) != PV_OK) {
        return PV_ERR_INVALID_INPUT;
    }
    resolve_actor(&rq);
    decide_on(&rq, on, out);
    if (with_changes_on) out->changes_on = changes_on(&rq, on, out);
    return PV_OK;
}

pv_status pv_evaluate(const pv_citizen *citizen, const pv_actor *actor, const pv_service *service,
                      pv_date on, pv_decision *out) {
    return evaluate(citizen, actor, service, on, out, true);
}

pv_status pv_decide(const pv_citizen *citizen, const pv_actor *actor, const pv_service *service,
                    pv_date on, pv_decision *out) {
    return evaluate(citizen, actor, service, on, out, false);
}

pv_status pv_validate(const pv_citizen *citizen, const pv_actor *actor, const pv_service *service,
                      pv_date on, pv_decision *out) {
    if (out == NULL) return PV_ERR_INVALID_INPUT;
    pv_request rq;
    if (validate_request(citizen, actor, service, on, &rq, out) != PV_OK) {
        return PV_ERR_INVALID_INPUT;
    }
    decision_reset(out);
    return PV_OK;
}

bool pv_decision_has_reason(const pv_decision *decision, pv_reason reason) {
    if (decision == NULL || (unsigned)reason >= PV_REASON_COUNT) return false;
    return (decision->reasons & (1u << reason)) != 0;
}

int pv_decision_reason_count(const pv_decision *decision) {
    if (decision == NULL) return 0;
    int n = 0;
    for (uint32_t bits = decision->reasons; bits != 0; bits &= bits - 1) n++;
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
