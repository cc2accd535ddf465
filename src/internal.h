/* internal.h — helpers shared by the files of src/; not part of the public API. */
#ifndef PV_INTERNAL_H
#define PV_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

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

/* H1, H2: 'on' lies in one of the 'n' periods (the count of those that contain it). */
static inline uint32_t periods_on(const pv_interval *p, size_t n, pv_date on) {
    uint32_t in = 0;
    for (size_t i = 0; i < n; i++) in += interval_contains(p[i].from, p[i].until, on);
    return in;
}

/* The day after 'd' (valid 'd'); PV_DATE_NONE after 9999-12-31. Defined in date.c. */
pv_date date_next_day(pv_date d);

/* A2: the two ages of the rules, each attained on its birthday (A1). Every comparison of an
   age and every birthday the decision looks for is made with these two. */
enum {
    AGE_OWN_LOGIN = 13,  /* S1, G1: the citizen logs in, a guardian's e-services proxy ends;
                            S2, G2, D1-D3: direct access to the journal begins */
    AGE_OWN_JOURNAL = 16 /* S2, G2, D3: the citizen's own journal; no guardian, no grant */
};

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

/* pnr.c — a personnummer split at N4: what its text says for good (N1, N2, N3, N7, and
   whether its birth number is 000, N6), and the birth date it gives against a reference year (N4,
   N5, then N6). pv_pnr_parse() is the two in that order; a prepared record (prepared.c) reads the
   text once and the birth date on each date. */
typedef struct pnr_text {
    char ten[10];       /* YYMMDDNNNC as written, without the separator */
    int century;        /* the first two digits of a twelve-digit form, -1 for ten digits */
    char separator;     /* '-', '+' or 0 */
    int yy, month, day; /* day less 60 for a samordningsnummer (N3) */
    bool interim, coordination, birth_number_000;
} pnr_text;
/* NULL when 'text' (not NULL) is of a form N1 accepts, with a right check digit (N2), and an
   interim letter only with PV_PNR_ALLOW_INTERIM (N7); else what is wrong. */
const char *pnr_text_read(const char *text, unsigned flags, pnr_text *out);
/* NULL and the birth date and N4's next reading, or what is wrong (N5, N6). */
const char *pnr_text_birth(const pnr_text *t, int reference_year, pv_date *birth, pv_date *reading);

/* ---- Errors (the one channel, pv_error) ------------------------------------------------- */

/* The caller's error may be written: NULL (not wanted) is not usable, and neither is one of a
   version the library does not know. */
static inline bool error_usable(const pv_error *e) {
    return e != NULL && e->version == PV_ERROR_VERSION;
}

/* The caller passed an error the library cannot write (the call must fail). */
static inline bool error_unknown(const pv_error *e) {
    return e != NULL && e->version != PV_ERROR_VERSION;
}

/* Sets 'e' (internal, always usable) to 'status' at 'field' with 'message'. errors.c. */
void error_set(pv_error *e, pv_status status, pv_rule rule, const char *field, const char *message);
/* Writes the field path "<array>[<index>]<member>" into 'path' (PV_FIELD_PATH_SIZE bytes). */
void field_path_at(char *path, const char *array, size_t index, const char *member);
/* Invalid input (V1) at the field "<array>[<index>]<member>". */
void error_set_at(pv_error *e, const char *array, size_t index, const char *member,
                  const char *message);
/* Invalid input (V1) at the field "<array>[<index>].<field>": an element's own field path
   ('field', e.g. "actor.id") named from its array (cut as every path is at PV_FIELD_PATH_SIZE -
   1 bytes). */
void error_set_in(pv_error *e, const char *array, size_t index, const char *field,
                  const char *message);
/* Marks 'e' (if usable) as a success. */
void error_clear(pv_error *e);
/* Copies 'from' into the caller's 'to' if it is usable; returns from->status. */
pv_status error_report(pv_error *to, const pv_error *from);
/* Reports invalid input (V1) at 'field' to the caller's 'e' if usable; returns
   PV_ERR_INVALID_INPUT. */
pv_status error_invalid(pv_error *e, const char *field, const char *message);

/* ---- The request while it is being decided ------------------------------------------------ */

/* A validated request: the caller's inputs, the birth date resolved (A3), the date from which a
   ten-digit personnummer reads as another century (N4, T1), and the actor's entry in the record
   found in step 1. */
typedef struct pv_request {
    const pv_citizen *citizen;
    const pv_actor *actor;
    const pv_service *service;
    pv_date birth;
    pv_date reading_changes_on;              /* PV_DATE_NONE unless a ten-digit personnummer */
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

/* What a seal in force does to one journal query (J1, J2, J4): it does not depend on the date,
   only whether the seal is in force does (J3). */
typedef enum seal_effect {
    SEAL_NO_EFFECT = 0,
    SEAL_CLOSES_JOURNAL, /* J1: JOURNAL_SEALED */
    SEAL_CLOSES_UNIT,    /* J2: UNIT_SEALED */
    SEAL_HIDES_ENTRY,    /* J4: ENTRY_SEALED */
    SEAL_FILTERS,        /* J2, J4: the view is shown without what the seal hides */
    SEAL_EFFECT_COUNT
} seal_effect;

/* The shape of a journal query as the seals see it: the whole journal, one unit, or one entry
   of a unit (J1, J2, J4). */
typedef enum query_shape {
    QUERY_WHOLE,
    QUERY_UNIT,
    QUERY_ENTRY
} query_shape;

static inline query_shape query_shape_of(const pv_service *q) {
    if (q->unit == NULL) return QUERY_WHOLE;
    return date_is_none(q->entry_date) ? QUERY_UNIT : QUERY_ENTRY;
}

/* J1, J2, J4: what a seal in force does to a query of 'shape' in the seal's scope, by the
   seal's kind: its scope (the whole journal or one unit) and whether it has a content period.
   SEAL_HIDES_ENTRY holds only for an entry registered inside the content period (J4), which
   the caller checks. The one statement of J1, J2 and J4: seal_effect_on() for a seal of the
   record and the prepared record's unions (seals kept by kind) both read it. Inline: the
   prepared path asks it with constant kinds. */
static inline seal_effect seal_kind_effect(bool whole_scope, bool has_content, query_shape shape) {
    if (!has_content) {
        /* J1: a whole-journal seal closes the journal to every actor. */
        if (whole_scope) return SEAL_CLOSES_JOURNAL;
        /* J2: a unit seal closes that unit; a whole-journal query is shown without it. */
        return shape == QUERY_WHOLE ? SEAL_FILTERS : SEAL_CLOSES_UNIT;
    }
    /* J4: a content period hides the entries registered inside it; a view of the whole journal
       or of a unit is shown without them. */
    return shape == QUERY_ENTRY ? SEAL_HIDES_ENTRY : SEAL_FILTERS;
}

/* The facts of a request that depend on the date, as bits: whether each holds on the date —
   everything steps 1 to 7 read from the date besides the age. The decision on a date is a
   function of these bits and the age. */
enum {
    FACT_GRANTS = 1u << 0,      /* D1, D2: one of the actor's grants for the asked view */
    FACT_APPOINTMENT = 1u << 1, /* P2: the acting representative's appointment */
    FACT_SEAL_SHIFT = 2,        /* J1-J4: FACT_SEAL_SHIFT + seal_effect, a seal in force */
    /* H1, H2: the facts of section 11 on the date (the flag is one open period). */
    FACT_CITIZEN_LOCKED = 1u << 8,     /* E2 for self, L1: the citizen's login lock */
    FACT_CITIZEN_PROTECTED = 1u << 9,  /* G4: the citizen's protected identity */
    FACT_GUARDIAN_BLOCKED = 1u << 10,  /* G3: the acting guardian's block */
    FACT_GUARDIAN_PROTECTED = 1u << 11 /* G4: the acting guardian's protected identity */
};

static inline uint32_t fact_seal(seal_effect e) {
    return 1u << (FACT_SEAL_SHIFT + (unsigned)e);
}

typedef struct pv_facts {
    int age;       /* A1, A2 */
    uint32_t bits; /* FACT_* */
} pv_facts;

static inline bool fact_holds(const pv_facts *f, uint32_t fact) {
    return (f->bits & fact) != 0;
}

/* record.c — H1, H2: the facts of section 11 on 'on', as counts: the flag (one period open at
   both ends) plus the periods that contain 'on'. Non-zero: the fact holds on 'on'. */
uint32_t citizen_locked_on(const pv_citizen *c, pv_date on);
uint32_t citizen_protected_on(const pv_citizen *c, pv_date on);
uint32_t guardian_blocked_on(const pv_guardian *g, pv_date on);
uint32_t guardian_protected_on(const pv_guardian *g, pv_date on);

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
    pv_actor actor = PV_ACTOR_INIT;
    actor.kind = PV_ACTOR_SELF;
    actor.eid = PV_EID_BANKID;
    if (a > 0 && a <= c->guardian_count) {
        actor.kind = PV_ACTOR_GUARDIAN;
        actor.id = c->guardians[a - 1].id;
    } else if (a > c->guardian_count) {
        actor.kind = PV_ACTOR_REPRESENTATIVE;
        actor.id = c->representatives[a - 1 - c->guardian_count].id;
    }
    return actor;
}

/* record.c — the distinct units a record names (unit seals, then grants): mention m is seal m,
   or grant m - seal_count. record_units_find() sorts the mentions (O(n log n), on the stack) and
   marks the first mention of each unit; it returns the number of distinct units. */
#define RECORD_MAX_MENTIONS (PV_MAX_SEALS + PV_MAX_GRANTS)
typedef struct record_units {
    const pv_citizen *citizen;
    uint16_t index[RECORD_MAX_MENTIONS];        /* mentions sorted by (unit, position) */
    uint8_t first[RECORD_MAX_MENTIONS / 8 + 1]; /* bit m: mention m is its unit's first */
    size_t count;
} record_units;
const char *record_mention_unit(const pv_citizen *c, size_t m);
size_t record_units_find(record_units *ru, const pv_citizen *c);
bool record_unit_is_first(const record_units *ru, size_t m);

/* validate.c — step 0 (V1, section 8). On error fills 'err' (internal) and returns
   PV_ERR_INVALID_INPUT; on success resolves rq->birth and returns PV_OK. */
pv_status validate_request(const pv_citizen *citizen, const pv_actor *actor,
                           const pv_service *service, pv_date on, pv_request *rq, pv_error *err);

/* validate.c — the date and the citizen's record alone (section 8), for the questions that take
   no actor or service. Fills rq->citizen, rq->birth and rq->reading_changes_on. */
pv_status validate_citizen(const pv_citizen *citizen, pv_date on, pv_request *rq, pv_error *err);

/* validate.c — the citizen's record without a date (section 8): everything but what depends
   on the date, which birth_on() checks (a prepared record). '*t' receives the personnummer's
   text when there is one. */
pv_status validate_record(const pv_citizen *citizen, pnr_text *t, pv_error *err);

/* validate.c — A3 on 'on' for a record that validate_record() accepted: the birth date from
   'birth_date' or the personnummer's text 't' (NULL when none) read against 'on' (N4, N5, N6),
   that the two agree and the birth is not after 'on'. Fills rq->birth and
   rq->reading_changes_on; on error fills 'err' as validate_citizen() would and returns false. */
bool birth_on(const pv_citizen *c, const pnr_text *t, pv_date on, pv_request *rq, pv_error *err);

/* validate.c — the actor and the service of a request whose date and citizen are valid (section
   8, in that order). */
pv_status validate_query(const pv_actor *actor, const pv_service *service, pv_error *err);

/* validate.c — validate_query() for an actor whose id, or a service whose unit, is known to be
   equal to an id or unit that section 8 accepted (one of a prepared record's): its check is
   skipped, the rest made in the same order. */
pv_status validate_query_known(const pv_actor *actor, const pv_service *service, bool id_known,
                               bool unit_known, pv_error *err);

/* validate.c — section 8's rule for a unit or an id: NULL when 'text' is well-formed, else what
   is wrong with it. */
const char *id_problem(const char *text);

/* Fills 'out' (at least version 1 of it) as the fail-closed decision for invalid input (V1). */
void decision_set_invalid(pv_decision *out);

/* Step 1 (R0): the entry of the acting guardian or representative 'a' in the record 'c', set in
   rq->guardian or rq->representative (NULL when not found). Inline: both the validating path
   (resolve_actor) and the prepared path (before step 0) look the actor up. */
static inline void find_actor_in_record(const pv_citizen *c, const pv_actor *a, pv_request *rq) {
    rq->guardian = NULL;
    rq->representative = NULL;
    if (a->kind == PV_ACTOR_GUARDIAN) {
        for (size_t i = 0; i < c->guardian_count && rq->guardian == NULL; i++) {
            if (strcmp(c->guardians[i].id, a->id) == 0) rq->guardian = &c->guardians[i];
        }
    } else if (a->kind == PV_ACTOR_REPRESENTATIVE) {
        for (size_t i = 0; i < c->representative_count && rq->representative == NULL; i++) {
            if (strcmp(c->representatives[i].id, a->id) == 0) {
                rq->representative = &c->representatives[i];
            }
        }
    }
}

/* access.c — steps 1 to 3. resolve_actor finds the acting guardian or representative in the
   record (once per request); step_relation returns false when the actor is not related (R0) and
   records the reason. */
void resolve_actor(pv_request *rq);
bool step_relation(const pv_request *rq, pv_decision *d);
void step_authentication(const pv_request *rq, pv_decision *d);
void step_own_way_in(const pv_request *rq, const pv_facts *f, pv_decision *d);

/* access.c — E2: the request goes through the portal (e-services, or the journal through the
   portal channel), which a locked login closes. */
bool through_portal(const pv_request *rq);

/* right_to_act.c — step 4, from the facts on the date. */
pv_basis step_right_to_act(const pv_request *rq, const pv_facts *f, pv_decision *d);

/* right_to_act.c — the grant holder whose grants count for this request's actor (D1: "self",
   D2: the guardian's id), or NULL. */
const char *grant_holder(const pv_request *rq);

/* right_to_act.c — D1, D2: the grant counts for the request (held by its actor, for the asked
   unit or, for a whole-journal query, any unit). */
bool grant_counts(const pv_request *rq, const char *holder, const pv_grant *g);

/* proxy_breaks.c — step 5. */
void step_proxy_breaks(const pv_request *rq, const pv_facts *f, pv_decision *d);

/* restrictions.c — step 6, from the facts on the date. Returns true when a seal in force hides
   part of the asked view (for step 7's 'filtered'). */
bool step_restrictions(const pv_request *rq, const pv_facts *f, pv_decision *d);

/* restrictions.c — what the seal 's' does to the journal query 'q' when in force. */
seal_effect seal_effect_on(const pv_seal *s, const pv_service *q);

/* procedure.c — steps 1 to 7 on a validated and resolved request, from its facts on a date;
   changes_on untouched (PV_DATE_NONE). */
void decide_facts(const pv_request *rq, const pv_facts *f, pv_decision *d);

/* facts.c — the facts of a validated, resolved request on 'on' (the age and the FACT_* bits),
   gathered from its record as facts_gather() (time/view.h) gathers them for every day. */
pv_facts facts_on(const pv_request *rq, pv_date on);

/* procedure.c — steps 1 to 7 for the date 'on' (no T1: changes_on PV_DATE_NONE). */
void decide_on(const pv_request *rq, pv_date on, pv_decision *d);

/* evaluate.c — a decision the caller passed may be written (not NULL, a known version). */
bool decision_usable(const pv_decision *d);

/* evaluate.c — the output decision and the error of a call that writes a decision: PV_OK, or
   the failure, with the fail-closed deny written into '*out' when it can be. */
pv_status decision_output_check(pv_decision *out, pv_error *error);

#endif
