/*
 * changes_on.c — T1: the first date after the evaluation date on which the same inputs give
 * another (effect, reason, filtered).
 *
 * The decision depends on the date only through the 13th and 16th birthdays and through which
 * validity intervals contain it, so it is constant between candidate dates: the birthdays, and
 * the first day inside and the first day after every seal's active interval, grant and
 * appointment (content periods are about entries, not about time passing). The first change is
 * therefore the earliest candidate whose decision differs; no sorting is needed.
 */
#include <string.h>

#include "internal.h"

typedef struct search {
    const pv_request *rq;
    const pv_decision *now;
    uint32_t on_key;
    pv_date best; /* the earliest differing candidate so far, or none */
} search;

static bool same_answer(const pv_decision *a, const pv_decision *b) {
    return a->effect == b->effect && a->reason == b->reason && a->filtered == b->filtered;
}

static void consider(search *s, pv_date candidate) {
    if (date_is_none(candidate)) return;
    uint32_t k = date_key(candidate);
    if (k <= s->on_key) return;
    if (!date_is_none(s->best) && k >= date_key(s->best)) return;
    pv_decision then;
    decide_on(s->rq, candidate, &then);
    if (!same_answer(&then, s->now)) s->best = candidate;
}

/* The first day inside [from, until] and the first day after it. */
static void consider_interval(search *s, pv_date from, pv_date until) {
    consider(s, from);
    if (!date_is_none(until)) consider(s, date_next_day(until));
}

/* Reasons that do not depend on the date and come before every reason that does: once one of
   them is the primary reason it stays the primary reason on every later date. */
static const uint32_t timeless_first = (1u << PV_REASON_NOT_RELATED) | (1u << PV_REASON_NO_EID) |
                                       (1u << PV_REASON_LOGIN_LOCKED) |
                                       (1u << PV_REASON_OWN_JOURNAL_SEALED);

/* A guardian's proxy ended by age — G1 from the 13th birthday for the e-services, G2 from the
   16th for the journal — stays ended, since ages only grow; the reasons before PROXY_ENDED are
   timeless (R0, E1 to E3) or apply to the citizen alone (UNDER_13, UNDER_16, S1, S2). So the
   answer stays the same on every later date. (Ended by D2 instead, for want of a grant at 13 to
   15, it can change: a grant or the 16th birthday may come.) */
static bool proxy_ended_by_age(const pv_decision *now) {
    return now->reason == PV_REASON_PROXY_ENDED && now->rule != PV_RULE_D2;
}

pv_date changes_on(const pv_request *rq, pv_date on, const pv_decision *now) {
    search s = {rq, now, date_key(on), PV_DATE_NONE};
    if ((now->reasons & timeless_first) || proxy_ended_by_age(now)) return s.best;
    const pv_citizen *c = rq->citizen;
    const pv_actor *a = rq->actor;
    const bool journal = is_journal(rq);
    /* Only candidates that can change this request's decision are evaluated; the others leave
       it as it is by the rules, so skipping them changes nothing but the cost. */
    /* T1, A2: the 13th and 16th birthdays (ages matter to the citizen and guardians). Both lie
       before 'on' once 'on' is more than 16 calendar years after the birth year: the 16th
       birthday falls in the year birth + 16. */
    const bool birthdays_ahead = on.year - rq->birth.year <= 16;
    if (birthdays_ahead && (a->kind == PV_ACTOR_SELF || a->kind == PV_ACTOR_GUARDIAN)) {
        consider(&s, date_anniversary(rq->birth, 13));
        consider(&s, date_anniversary(rq->birth, 16));
    }
    if (!journal) return s.best; /* J5: seals, grants and appointments act on the journal only. */
    for (size_t i = 0; i < c->seal_count; i++) {
        /* J2, J4: only the seals that can act on this query. */
        const pv_seal *seal = &c->seals[i];
        if (seal_can_affect(seal, rq->service)) {
            consider_interval(&s, seal->active.from, seal->active.until);
        }
    }
    const char *holder = a->kind == PV_ACTOR_SELF       ? PV_GRANT_HOLDER_SELF
                         : a->kind == PV_ACTOR_GUARDIAN ? a->id
                                                        : NULL;
    for (size_t i = 0; holder != NULL && i < c->grant_count; i++) {
        /* D1, D2: only the grants held by the actor, and for a unit or entry query only those
           for its unit. */
        const pv_grant *g = &c->grants[i];
        const char *unit = rq->service->unit;
        if (strcmp(g->holder, holder) == 0 && (unit == NULL || strcmp(g->unit, unit) == 0)) {
            consider_interval(&s, g->from, g->until);
        }
    }
    if (a->kind == PV_ACTOR_REPRESENTATIVE) {
        /* P2: only the acting representative's appointment. */
        consider_interval(&s, rq->representative->from, rq->representative->until);
    }
    return s.best;
}
