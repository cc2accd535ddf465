/*
 * restrictions.c — step 6 of RULES.md section 3: the citizen's own restrictions, the child's
 * login lock (L1, L2) and the journal seals (J1 to J6).
 */
#include <string.h>

#include "internal.h"

static bool same_unit(const char *a, const char *b) {
    return a != NULL && b != NULL && strcmp(a, b) == 0;
}

/* The effect of one seal in force on a journal query. Returns true when it hides part of the
   asked view without closing it (for step 7's 'filtered'). */
static bool apply_seal(const pv_seal *s, const pv_service *q, pv_decision *d) {
    const bool whole_query = q->unit == NULL;
    const bool entry_query = !date_is_none(q->entry_date);
    /* The seal's scope covers the asked unit: a whole-journal seal covers every unit. */
    const bool covers_unit = s->scope == PV_SEAL_WHOLE || same_unit(s->unit, q->unit);
    if (!s->has_content) {
        if (s->scope == PV_SEAL_WHOLE) {
            /* J1: a whole-journal seal closes the journal to every actor. */
            deny(d, PV_REASON_JOURNAL_SEALED, PV_RULE_J1);
            return false;
        }
        /* J2: a unit seal closes that unit; a whole-journal query is shown without it. */
        if (whole_query) return true;
        if (covers_unit) deny(d, PV_REASON_UNIT_SEALED, PV_RULE_J2);
        return false;
    }
    /* J4: a content period hides only entries registered inside it (inclusive), in its scope. */
    if (whole_query) return true;
    if (!covers_unit) return false;
    if (!entry_query) return true;
    if (interval_contains(s->content.from, s->content.until, q->entry_date)) {
        deny(d, PV_REASON_ENTRY_SEALED, PV_RULE_J4);
    }
    return false;
}

bool seal_can_affect(const pv_seal *s, const pv_service *q) {
    /* J2, J4: a unit seal acts only on its own unit; a query for another unit never meets it. */
    if (s->scope == PV_SEAL_UNIT && q->unit != NULL && !same_unit(s->unit, q->unit)) return false;
    /* J4: an entry registered outside the content period is never hidden by the seal. */
    if (s->has_content && !date_is_none(q->entry_date) &&
        !interval_contains(s->content.from, s->content.until, q->entry_date)) {
        return false;
    }
    return true;
}

bool step_restrictions(const pv_request *rq, pv_date on, pv_decision *d) {
    const pv_citizen *c = rq->citizen;
    if (!is_journal(rq)) {
        /* L1: a locked child login shuts every guardian out of the child's e-services.
           L2: it does not touch any journal access (guardian, D2 or representative): the
           child's journal is reached from the guardian's own journal view. */
        if (rq->actor->kind == PV_ACTOR_GUARDIAN && c->login_locked) {
            deny(d, PV_REASON_CHILD_LOGIN_LOCKED, PV_RULE_L1);
        }
        /* J5: seals never affect the e-services. */
        return false;
    }
    bool hides = false;
    for (size_t i = 0; i < c->seal_count; i++) {
        const pv_seal *s = &c->seals[i];
        /* J3: a seal is in force inside its active interval, both ends inclusive; one not in
           force has no effect. J6: who asked for it does not matter here. */
        if (!interval_contains(s->active.from, s->active.until, on)) continue;
        hides |= apply_seal(s, rq->service, d);
    }
    return hides;
}
