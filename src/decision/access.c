/*
 * access.c — steps 1 to 3 of RULES.md section 3: the relation between actor and citizen (R0),
 * authentication (E1), and the actor's own way into the portal (E2, E3).
 */
#include <string.h>

#include "../internal.h"

void resolve_actor(pv_request *rq) {
    find_actor_in_record(rq->citizen, rq->actor, rq);
}

bool step_relation(const pv_request *rq, pv_decision *d) {
    /* R0: access is denied unless granted: 'other', or an id not in the record. */
    bool related =
        rq->actor->kind == PV_ACTOR_SELF || rq->guardian != NULL || rq->representative != NULL;
    if (!related) deny(d, PV_REASON_NOT_RELATED, PV_RULE_R0);
    return related;
}

void step_authentication(const pv_request *rq, pv_decision *d) {
    pv_eid eid = rq->actor->eid;
    /* E1: only BankID and Freja+ let anyone log in. */
    if (eid != PV_EID_BANKID && eid != PV_EID_FREJA_PLUS) deny(d, PV_REASON_NO_EID, PV_RULE_E1);
}

bool through_portal(const pv_request *rq) {
    /* E2: a locked login closes the portal — e-services and the journal reached from the
       logged-in start page — but not the direct link or the app. */
    return !is_journal(rq) || rq->service->channel == PV_CHANNEL_PORTAL;
}

void step_own_way_in(const pv_request *rq, const pv_facts *f, pv_decision *d) {
    const pv_actor *a = rq->actor;
    /* E2: for self the actor's login is the citizen's login, read on the date (H2); another
       actor's own login is a flag of the actor's account on the date (H1). */
    bool own_login_locked =
        a->kind == PV_ACTOR_SELF ? fact_holds(f, FACT_CITIZEN_LOCKED) : a->login_locked;
    if (own_login_locked && through_portal(rq)) deny(d, PV_REASON_LOGIN_LOCKED, PV_RULE_E2);
    /* E3: a guardian or representative whose own journal account is sealed opens no journal,
       since every other journal is reached from one's own journal view. */
    if (a->kind != PV_ACTOR_SELF && a->journal_sealed && is_journal(rq)) {
        deny(d, PV_REASON_OWN_JOURNAL_SEALED, PV_RULE_E3);
    }
}
