/*
 * restrictions.c — step 6 of RULES.md section 3: the citizen's own restrictions, the child's
 * login lock (L1, L2) and the journal seals (J1 to J6).
 */
#include <string.h>

#include "../internal.h"

static bool same_unit(const char *a, const char *b) {
    return a != NULL && b != NULL && strcmp(a, b) == 0;
}

seal_effect seal_effect_on(const pv_seal *s, const pv_service *q) {
    const query_shape shape = query_shape_of(q);
    const bool whole_scope = s->scope == PV_SEAL_WHOLE;
    /* A seal acts on a unit or an entry query only when its scope covers the asked unit: a
       whole-journal seal covers every unit. */
    if (shape != QUERY_WHOLE && !whole_scope && !same_unit(s->unit, q->unit)) {
        return SEAL_NO_EFFECT;
    }
    const seal_effect effect = seal_kind_effect(whole_scope, s->has_content, shape);
    /* J4: a content period hides only entries registered inside it (inclusive). */
    if (effect == SEAL_HIDES_ENTRY &&
        !interval_contains(s->content.from, s->content.until, q->entry_date)) {
        return SEAL_NO_EFFECT;
    }
    return effect;
}

bool step_restrictions(const pv_request *rq, const pv_facts *f, pv_decision *d) {
    if (!is_journal(rq)) {
        /* L1: a locked child login shuts every guardian out of the child's e-services.
           L2: it does not touch any journal access (guardian, D2 or representative): the
           child's journal is reached from the guardian's own journal view. */
        if (rq->actor->kind == PV_ACTOR_GUARDIAN &&
            fact_holds(f, FACT_CITIZEN_LOCKED)) { /* H2: on the date */
            deny(d, PV_REASON_CHILD_LOGIN_LOCKED, PV_RULE_L1);
        }
        /* J5: seals never affect the e-services. */
        return false;
    }
    /* J3: only the seals in force count (one fact bit per effect); one not in force has
       no effect. J6: who asked for a seal does not matter here. */
    if (fact_holds(f, fact_seal(SEAL_CLOSES_JOURNAL))) {
        deny(d, PV_REASON_JOURNAL_SEALED, PV_RULE_J1);
    }
    if (fact_holds(f, fact_seal(SEAL_CLOSES_UNIT))) deny(d, PV_REASON_UNIT_SEALED, PV_RULE_J2);
    /* J4: an entry in a sealed unit can carry both UNIT_SEALED and ENTRY_SEALED. */
    if (fact_holds(f, fact_seal(SEAL_HIDES_ENTRY))) deny(d, PV_REASON_ENTRY_SEALED, PV_RULE_J4);
    return fact_holds(f, fact_seal(SEAL_FILTERS));
}
