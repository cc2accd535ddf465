/*
 * procedure.c — the decision procedure of RULES.md section 3: steps 1 to 7 in order, the
 * primary reason, and step 7 (the permit basis and 'filtered'), decided from the facts of the
 * request on a date. Both pv_evaluate() (evaluate.c) and changes_on (changes_on.c) call it.
 *
 * The date enters a decision only through the facts: the age (A1, A2) and which validity
 * intervals contain it (J3 seals, D1-D3 grants, P2 appointments, and the periods of section 11:
 * the citizen's lock and protection, the acting guardian's block and protection, H1, H2).
 * facts_gather() (facts.c) gathers them; decide_facts() runs the steps on them.
 */
#include <string.h>

#include "../internal.h"

/* The deny reasons: the bits of a decision's 'reasons' that step 7 reads. */
#define DENY_REASONS                                                                               \
    ((UINT32_MAX >> (31 - PV_REASON_LAST_DENY)) & ~((UINT32_C(1) << PV_REASON_FIRST_DENY) - 1))

_Static_assert(PV_REASON_LAST_DENY < 32, "the deny reasons are bits of a uint32_t");

/* The first deny reason in RULES.md order: the enum lists them in that order, so it is the
   lowest bit set (one instruction with GCC and clang). */
static pv_reason first_reason(uint32_t reasons) {
    const uint32_t deny_bits = reasons & DENY_REASONS;
    /* Not reached: called only with a reason present; fails closed all the same. */
    if (deny_bits == 0) return PV_REASON_INVALID_INPUT; /* GCOVR_EXCL_LINE */
#if defined(__GNUC__)
    return (pv_reason)__builtin_ctz(deny_bits);
#else
    int r = 0;
    while (!(deny_bits & (UINT32_C(1) << r))) r++;
    return (pv_reason)r;
#endif
}

void decide_facts(const pv_request *rq, const pv_facts *f, pv_decision *d) {
    d->effect = PV_EFFECT_DENY;
    d->reasons = 0;
    memset(d->reason_rules, 0, sizeof d->reason_rules);
    d->filtered = false;
    d->changes_on = PV_DATE_NONE;
    /* Step 1 ends the evaluation at once (R0). */
    if (step_relation(rq, d)) {
        /* Steps 2 to 6: each check is made on its own and every deny is recorded. */
        step_authentication(rq, d);
        step_own_way_in(rq, f, d);
        pv_basis basis = step_right_to_act(rq, f, d);
        step_proxy_breaks(rq, f, d);
        bool seal_hides = step_restrictions(rq, f, d);
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

void decide_on(const pv_request *rq, pv_date on, pv_decision *d) {
    const pv_facts f = facts_on(rq, on);
    decide_facts(rq, &f, d);
}
