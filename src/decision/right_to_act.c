/*
 * right_to_act.c — step 4 of RULES.md section 3: who may act for whom, by age and role
 * (S1, S2, D1, D2, D3, G1, G2, P1, P2).
 */
#include <string.h>

#include "../internal.h"

const char *grant_holder(const pv_request *rq) {
    switch (rq->actor->kind) {
    case PV_ACTOR_SELF: return PV_GRANT_HOLDER_SELF; /* D1: the citizen's own grants */
    case PV_ACTOR_GUARDIAN: return rq->actor->id;    /* D2: this guardian's grants */
    default: return NULL;
    }
}

bool grant_counts(const pv_request *rq, const char *holder, const pv_grant *g) {
    /* D1, D2: a grant held by the actor; for a unit or entry query, a grant for that unit; for a
       whole-journal query, any grant (the view is then restricted to the granted units). */
    const char *unit = rq->service->unit;
    return strcmp(g->holder, holder) == 0 && (unit == NULL || strcmp(g->unit, unit) == 0);
}

/* P2: a god man or förvaltare (the kind is validated) who cares for the person, with the
   principal's consent recorded, the court order presented and the appointment in force. */
static bool representative_complete(const pv_representative *r, bool in_force) {
    return r->cares_for_person && r->consent && r->court_order && in_force;
}

static pv_basis basis(pv_reason reason, pv_rule rule) {
    pv_basis b = {reason, rule, false};
    return b;
}

static pv_basis self_right(const pv_request *rq, const pv_facts *f, pv_decision *d) {
    const int age = f->age;
    if (!is_journal(rq)) {
        /* S1: from the 13th birthday the citizen logs in to the e-services. */
        if (age < AGE_OWN_LOGIN) deny(d, PV_REASON_UNDER_13, PV_RULE_S1);
        return basis(PV_REASON_SELF, PV_RULE_S1);
    }
    if (age < AGE_OWN_LOGIN) {
        /* S2: no journal of one's own under 13. */
        deny(d, PV_REASON_UNDER_13, PV_RULE_S2);
        return basis(PV_REASON_SELF, PV_RULE_S2);
    }
    /* S2: from 16, one's own journal. */
    if (age >= AGE_OWN_JOURNAL) return basis(PV_REASON_SELF, PV_RULE_S2);
    /* D1: 13 to 15, only the units with a direct-access grant held by the citizen. */
    pv_basis b = basis(PV_REASON_DIRECT_ACCESS, PV_RULE_D1);
    /* D3: a grant counts only inside its validity interval (FACT_GRANTS: one in force). */
    if (!fact_holds(f, FACT_GRANTS)) deny(d, PV_REASON_UNDER_16, PV_RULE_D1);
    b.restricted_to_grants = rq->service->unit == NULL;
    return b;
}

static pv_basis guardian_right(const pv_request *rq, const pv_facts *f, pv_decision *d) {
    const int age = f->age;
    if (!is_journal(rq)) {
        /* G1: a guardian acts for the child in the e-services until the 13th birthday. */
        if (age >= AGE_OWN_LOGIN) deny(d, PV_REASON_PROXY_ENDED, PV_RULE_G1);
        return basis(PV_REASON_GUARDIAN_PROXY, PV_RULE_G1);
    }
    /* G2: the child's journal until 13. */
    if (age < AGE_OWN_LOGIN) return basis(PV_REASON_GUARDIAN_PROXY, PV_RULE_G2);
    if (age >= AGE_OWN_JOURNAL) {
        /* G2: from 16 no guardian reads the journal; grants have no effect (D3). */
        deny(d, PV_REASON_PROXY_ENDED, PV_RULE_G2);
        return basis(PV_REASON_GUARDIAN_PROXY, PV_RULE_G2);
    }
    /* D2: 13 to 15, only the units with a grant held by this guardian. */
    pv_basis b = basis(PV_REASON_DIRECT_ACCESS, PV_RULE_D2);
    /* D3: only grants in force count. */
    if (!fact_holds(f, FACT_GRANTS)) deny(d, PV_REASON_PROXY_ENDED, PV_RULE_D2);
    b.restricted_to_grants = rq->service->unit == NULL;
    return b;
}

static pv_basis representative_right(const pv_request *rq, const pv_facts *f, pv_decision *d) {
    if (!is_journal(rq)) {
        /* P1: a representative is an ombud for the journal only. */
        deny(d, PV_REASON_REPRESENTATIVE_JOURNAL_ONLY, PV_RULE_P1);
        return basis(PV_REASON_REPRESENTATIVE, PV_RULE_P1);
    }
    if (!representative_complete(rq->representative, fact_holds(f, FACT_APPOINTMENT))) {
        deny(d, PV_REASON_REPRESENTATIVE_INCOMPLETE, PV_RULE_P2);
    }
    return basis(PV_REASON_REPRESENTATIVE, PV_RULE_P2);
}

pv_basis step_right_to_act(const pv_request *rq, const pv_facts *f, pv_decision *d) {
    switch (rq->actor->kind) {
    case PV_ACTOR_SELF: return self_right(rq, f, d);
    case PV_ACTOR_GUARDIAN: return guardian_right(rq, f, d);
    case PV_ACTOR_REPRESENTATIVE: return representative_right(rq, f, d);
    /* GCOVR_EXCL_START: step 1 ends the procedure for any other actor; R0 keeps it a deny. */
    case PV_ACTOR_KIND_UNSET:
    case PV_ACTOR_OTHER:
    case PV_ACTOR_KIND_COUNT: break;
    }
    deny(d, PV_REASON_NOT_RELATED, PV_RULE_R0);
    return basis(PV_REASON_NOT_RELATED, PV_RULE_R0);
    /* GCOVR_EXCL_STOP */
}
