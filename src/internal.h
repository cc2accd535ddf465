/* internal.h — helpers shared by the files of src/; not part of the public API. */
#ifndef PV_INTERNAL_H
#define PV_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "portvakt.h"

/* A date as one number that orders as the calendar does, for cheap comparisons on the decision
   path: year in the high bits, then month, then day. PV_DATE_NONE has key 0. */
static inline uint32_t date_key(pv_date d) {
    return ((uint32_t)(uint16_t)d.year << 9) | ((uint32_t)d.month << 5) | (uint32_t)d.day;
}

static inline bool date_is_none(pv_date d) {
    return d.year == 0 && d.month == 0 && d.day == 0;
}

/* The date exists in the proleptic Gregorian calendar, years 1 to 9999 (pv_date_is_valid). Every
   month has at least 28 days, so only the days 29 to 31 need the length of the month: most dates
   are answered without it. Inline, because validation checks every date of a request. */
static inline bool date_exists(pv_date d) {
    if (d.year < 1 || d.year > 9999 || d.month < 1 || d.month > 12 || d.day < 1) return false;
    return d.day <= 28 || d.day <= pv_date_days_in_month(d.year, d.month);
}

/* J3: 'on' lies inside [from, until], both ends inclusive, an open (none) end unbounded. */
static inline bool interval_contains(pv_date from, pv_date until, pv_date on) {
    uint32_t k = date_key(on);
    return (date_is_none(from) || date_key(from) <= k) &&
           (date_is_none(until) || k <= date_key(until));
}

/* The day after 'd' (valid 'd'); PV_DATE_NONE after 9999-12-31. Defined in date.c. */
pv_date date_next_day(pv_date d);

/* A1: a birth on 29 February has its anniversary on 28 February in a common year. */
static inline int anniversary_day(pv_date birth, int year) {
    if (birth.month == 2 && birth.day == 29 && !pv_date_is_leap_year(year)) return 28;
    return birth.day;
}

/* A1: the date on which someone born on 'birth' (valid) attains age 'years' (>= 0), or
   PV_DATE_NONE past year 9999. Inline: on the decision path of changes_on. */
static inline pv_date date_anniversary(pv_date birth, int years) {
    if (birth.year < 1 || years < 0 || years > 9999 - birth.year) return PV_DATE_NONE;
    const int year = birth.year + years;
    /* A1: age N is attained on the N-th anniversary of the birth date. */
    pv_date out = {(int16_t)year, birth.month, (uint8_t)anniversary_day(birth, year)};
    return out;
}

/* A1, A2: whole years of age on 'on' of someone born on 'birth' (both valid, birth <= on).
   Inline: every decision needs the age. */
static inline int date_age(pv_date birth, pv_date on) {
    int age = on.year - birth.year;
    /* A1, A2: the new age starts on this year's anniversary (28 February for a 29 February
       birth in a common year); before it, the person is a year younger. */
    const int day = anniversary_day(birth, on.year);
    if (on.month < birth.month || (on.month == birth.month && on.day < day)) age--;
    return age;
}

/* ---- The request while it is being decided ------------------------------------------------ */

/* A validated request: the caller's inputs, the birth date resolved (A3), and the actor's entry
   in the record found in step 1. */
typedef struct pv_request {
    const pv_citizen *citizen;
    const pv_actor *actor;
    const pv_service *service;
    pv_date birth;
    const pv_guardian *guardian;             /* the acting guardian, or NULL */
    const pv_representative *representative; /* the acting representative, or NULL */
} pv_request;

/* What step 4 found besides its reasons: the permit basis if nothing else denies, and whether
   the view is restricted to granted units (D1, D2). */
typedef struct pv_basis {
    pv_reason reason;
    pv_rule rule;
    bool restricted_to_grants;
} pv_basis;

/* Records 'reason', decided by 'rule', in 'd'. */
static inline void deny(pv_decision *d, pv_reason reason, pv_rule rule) {
    d->reasons |= 1u << reason;
    d->reason_rules[reason] = (unsigned char)rule;
}

static inline bool is_journal(const pv_request *rq) {
    return rq->service->kind == PV_SERVICE_JOURNAL;
}

/* The actors named in a record, for the questions about all of them (who can see, the
   planner's proofs): the citizen, each guardian, each representative, in that order. */
static inline size_t record_actor_count(const pv_citizen *c) {
    return 1 + c->guardian_count + c->representative_count;
}

/* The a-th of them (a < record_actor_count), logged in with BankID, without own lock or seal
   (the record holds neither). */
static inline pv_actor record_actor(const pv_citizen *c, size_t a) {
    pv_actor actor = {.kind = PV_ACTOR_SELF, .eid = PV_EID_BANKID};
    if (a > 0 && a <= c->guardian_count) {
        actor.kind = PV_ACTOR_GUARDIAN;
        actor.id = c->guardians[a - 1].id;
    } else if (a > c->guardian_count) {
        actor.kind = PV_ACTOR_REPRESENTATIVE;
        actor.id = c->representatives[a - 1 - c->guardian_count].id;
    }
    return actor;
}

/* validate.c — step 0 (V1, section 8). On error fills 'out' as a fail-closed deny and returns
   PV_ERR_INVALID_INPUT; on success resolves rq->birth and returns PV_OK. */
pv_status validate_request(const pv_citizen *citizen, const pv_actor *actor,
                           const pv_service *service, pv_date on, pv_request *rq, pv_decision *out);

/* validate.c — the citizen's record alone (section 8), for the questions that take no actor or
   service. Same contract as validate_request. */
pv_status validate_citizen(const pv_citizen *citizen, pv_date on, pv_date *birth, pv_decision *out);

/* validate.c — the actor and the service of a request whose date and citizen are valid (section
   8, in that order). Same contract as validate_request. */
pv_status validate_query(const pv_actor *actor, const pv_service *service, pv_decision *out);

/* Fills 'out' as the fail-closed decision for invalid input at 'field' (V1). */
void decision_set_invalid(pv_decision *out, const char *field, const char *detail);

/* access.c — steps 1 to 3. resolve_actor finds the acting guardian or representative in the
   record (once per request); step_relation returns false when the actor is not related (R0) and
   records the reason. */
void resolve_actor(pv_request *rq);
bool step_relation(const pv_request *rq, pv_decision *d);
void step_authentication(const pv_request *rq, pv_decision *d);
void step_own_way_in(const pv_request *rq, pv_decision *d);

/* right_to_act.c — step 4. 'age' is the citizen's age on 'on'. */
pv_basis step_right_to_act(const pv_request *rq, pv_date on, int age, pv_decision *d);

/* proxy_breaks.c — step 5. */
void step_proxy_breaks(const pv_request *rq, pv_decision *d);

/* restrictions.c — step 6. Returns true when a seal in force hides part of the asked view
   (for step 7's 'filtered'). */
bool step_restrictions(const pv_request *rq, pv_date on, pv_decision *d);

/* restrictions.c — false when the seal 's' has no effect on the journal query 'q' on any date
   (another unit's seal, a content period without the asked entry), for changes_on. */
bool seal_can_affect(const pv_seal *s, const pv_service *q);

/* evaluate.c — steps 1 to 7 on a validated and resolved request for the date 'on'; changes_on
   untouched. */
void decide_on(const pv_request *rq, pv_date on, pv_decision *d);

/* changes_on.c — T1: the first date after 'on' on which decide_on gives another (effect,
   reason, filtered) than 'now', or PV_DATE_NONE. */
pv_date changes_on(const pv_request *rq, pv_date on, const pv_decision *now);

#endif
