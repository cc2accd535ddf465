/*
 * changes_on.c — T1: the first date after the evaluation date on which the same inputs give
 * another (effect, reason, filtered).
 *
 * The decision depends on the date only through the facts (procedure.c): the age, which changes
 * on the 13th and 16th birthdays, and the counts of intervals in force, which change on the first
 * day of an interval and the day after its last. So the first change is found by one sweep over
 * those events in date order: each event updates a count in O(1), and the procedure is run again
 * only on a date where some count turns zero or non-zero or the age crosses 13 or 16. The events
 * are ordered with a binary heap in a fixed array on the stack (the record is capped, section 8):
 * O(n log n) in the size of the record, no allocation, and the sweep stops at the first change.
 *
 * The one date that no interval gives is N4's: a ten-digit personnummer read against a later
 * date gives a birth date a century later from 1 January of some year (T1 counts that date). The
 * input is then malformed while the new birth date lies after the date (another answer), or the
 * person is read as someone else's age; the sweep goes on with the new reading.
 */
#include "internal.h"

/* What an event changes. */
enum {
    EV_AGE = 0,         /* a 13th or 16th birthday */
    EV_GRANT = 1,       /* the count of the actor's grants in force */
    EV_APPOINTMENT = 2, /* the acting representative's appointment */
    EV_SEAL = 3,        /* EV_SEAL + effect: the count of seals in force with that effect */
    EV_READING = EV_SEAL + SEAL_EFFECT_COUNT, /* N4: the personnummer reads a century later */
    /* H3: the periods of section 11 that can act on the request. */
    EV_CITIZEN_LOCKED,     /* E2 (self), L1 */
    EV_CITIZEN_PROTECTED,  /* G4 */
    EV_GUARDIAN_BLOCKED,   /* G3 */
    EV_GUARDIAN_PROTECTED, /* G4 */
};

/* Most events one request can have: two per seal, grant, appointment and period (four facts of
   section 11), and per reading of the personnummer (at most one at a time) two birthdays and the
   next reading. */
#define MAX_EVENTS (2 * (PV_MAX_SEALS + PV_MAX_GRANTS + 1 + 4 * PV_MAX_PERIODS) + 2 * 3 + 3)

/* An event as one number that orders by date: the date key, what it changes, and whether it is
   an end (the count goes down) or a start. */
static uint32_t event(uint32_t key, unsigned what, bool end) {
    return (key << 8) | ((uint32_t)what << 1) | (end ? 1u : 0u);
}

typedef struct heap {
    uint32_t item[MAX_EVENTS];
    size_t n;
} heap;

static void sift_down(heap *h, size_t i) {
    for (;;) {
        size_t least = i;
        const size_t l = 2 * i + 1;
        const size_t r = l + 1;
        if (l < h->n && h->item[l] < h->item[least]) least = l;
        if (r < h->n && h->item[r] < h->item[least]) least = r;
        if (least == i) return;
        uint32_t t = h->item[i];
        h->item[i] = h->item[least];
        h->item[least] = t;
        i = least;
    }
}

static uint32_t heap_pop(heap *h) {
    uint32_t top = h->item[0];
    h->item[0] = h->item[--h->n];
    sift_down(h, 0);
    return top;
}

/* The events of the interval [from, until] after the date key 'on': its start if it starts
   later, and the day after its end if it ends. An interval that ended before 'on' has none. */
static void push_interval(heap *h, uint32_t on, pv_date from, pv_date until, unsigned what) {
    if (!date_is_none(until) && date_key(until) < on) return;
    if (!date_is_none(from) && date_key(from) > on)
        h->item[h->n++] = event(date_key(from), what, false);
    if (date_is_none(until)) return;
    pv_date after = date_next_day(until);
    if (!date_is_none(after)) h->item[h->n++] = event(date_key(after), what, true);
}

/* H3: the events of the periods of one fact (H1) after the date key 'on'. */
static void push_periods(heap *h, uint32_t on, const pv_interval *p, size_t n, unsigned what) {
    for (size_t i = 0; i < n; i++) push_interval(h, on, p[i].from, p[i].until, what);
}

static uint32_t *counter(pv_facts *f, unsigned what) {
    if (what == EV_GRANT) return &f->grants;
    if (what == EV_APPOINTMENT) return &f->appointment;
    if (what == EV_CITIZEN_LOCKED) return &f->citizen_locked;
    if (what == EV_CITIZEN_PROTECTED) return &f->citizen_protected;
    if (what == EV_GUARDIAN_BLOCKED) return &f->guardian_blocked;
    if (what == EV_GUARDIAN_PROTECTED) return &f->guardian_protected;
    return &f->seals[what - EV_SEAL];
}

/* The facts the procedure can tell apart: which counts are non-zero, and the age band (A2). */
static uint32_t signature(const pv_facts *f) {
    uint32_t s = (f->grants > 0) | (f->appointment > 0) << 1;
    for (unsigned e = 0; e < SEAL_EFFECT_COUNT; e++) s |= (uint32_t)(f->seals[e] > 0) << (2 + e);
    s |= (uint32_t)(f->citizen_locked > 0) << 8 | (uint32_t)(f->citizen_protected > 0) << 9 |
         (uint32_t)(f->guardian_blocked > 0) << 10 | (uint32_t)(f->guardian_protected > 0) << 11;
    uint32_t band = f->age < 13 ? 0u : f->age < 16 ? 1u : 2u;
    return s | band << 12;
}

static bool same_answer(const pv_decision *a, const pv_decision *b) {
    return a->effect == b->effect && a->reason == b->reason && a->filtered == b->filtered;
}

/* Reasons that do not depend on the date and come before every reason that does: once one of
   them is the primary reason it stays the primary reason on every later date. LOGIN_LOCKED is
   one of them when it is another actor's own lock (a flag of the actor's account, H1) or the
   citizen's lock flag (one period open at both ends); the citizen's lock given by periods alone
   can end or begin (H2, H3). */
static uint32_t timeless_first(const pv_request *rq) {
    uint32_t timeless = (1u << PV_REASON_NOT_RELATED) | (1u << PV_REASON_NO_EID) |
                        (1u << PV_REASON_OWN_JOURNAL_SEALED);
    if (rq->actor->kind != PV_ACTOR_SELF || rq->citizen->login_locked) {
        timeless |= 1u << PV_REASON_LOGIN_LOCKED;
    }
    return timeless;
}

/* A guardian's proxy ended by age — G1 from the 13th birthday for the e-services, G2 from the
   16th for the journal — stays ended, since ages only grow; the reasons before PROXY_ENDED are
   timeless for a guardian (R0, E1, E2 on the guardian's own lock flag, E3) or apply to the
   citizen alone (UNDER_13, UNDER_16, S1, S2), and those after it (G3, G4, L1, read on the date
   by H2) cannot come before it. So the answer stays the same on every later date. (Ended by D2
   instead, for want of a grant at 13 to 15, it can change: a grant or the 16th birthday may
   come.) */
static bool proxy_ended_by_age(const pv_decision *now) {
    return now->reason == PV_REASON_PROXY_ENDED && now->rule != PV_RULE_D2;
}

/* T1, A2: the 13th and 16th birthdays of 'birth' after the date key 'after' (ages matter to
   the citizen and guardians). */
static void push_birthdays(heap *h, const pv_request *rq, pv_date birth, uint32_t after) {
    pv_actor_kind kind = rq->actor->kind;
    if (kind != PV_ACTOR_SELF && kind != PV_ACTOR_GUARDIAN) return;
    for (int years = 13; years <= 16; years += 3) {
        pv_date birthday = date_anniversary(birth, years);
        if (!date_is_none(birthday) && date_key(birthday) > after) {
            h->item[h->n++] = event(date_key(birthday), EV_AGE, false);
        }
    }
}

/* Fills 'h' with the events after 'on' that can change this request's facts. Only what can act
   on the request is taken: the others leave its decision as it is by the rules. */
static void collect_events(const pv_request *rq, pv_date on, heap *h) {
    const pv_citizen *c = rq->citizen;
    const uint32_t k = date_key(on);
    h->n = 0;
    push_birthdays(h, rq, rq->birth, k);
    /* T1, N4: the date from which the personnummer reads a century later. */
    if (!date_is_none(rq->reading_changes_on)) {
        h->item[h->n++] = event(date_key(rq->reading_changes_on), EV_READING, false);
    }
    /* H3: the citizen's lock acts on self through the portal (E2) and on a guardian's
       e-services (L1, L2: not on the journal). */
    const pv_actor_kind kind = rq->actor->kind;
    if ((kind == PV_ACTOR_SELF && through_portal(rq)) ||
        (kind == PV_ACTOR_GUARDIAN && !is_journal(rq))) {
        for (size_t i = 0; i < c->login_lock_period_count; i++) {
            const pv_interval *w = &c->login_lock_periods[i].when;
            push_interval(h, k, w->from, w->until, EV_CITIZEN_LOCKED);
        }
    }
    /* H3: G3 and G4 act on the acting guardian alone (G5: not on self; G6: nor on a
       representative). */
    const pv_guardian *gd = rq->guardian;
    if (gd != NULL) {
        push_periods(h, k, gd->blocked_periods, gd->blocked_period_count, EV_GUARDIAN_BLOCKED);
        push_periods(h, k, gd->protected_identity_periods, gd->protected_identity_period_count,
                     EV_GUARDIAN_PROTECTED);
        push_periods(h, k, c->protected_identity_periods, c->protected_identity_period_count,
                     EV_CITIZEN_PROTECTED);
    }
    if (!is_journal(rq)) return; /* J5: seals, grants and appointments act on the journal only. */
    for (size_t i = 0; i < c->seal_count; i++) {
        /* J2, J4: only the seals that can act on this query; J3: their active intervals. */
        const pv_seal *s = &c->seals[i];
        seal_effect effect = seal_effect_on(s, rq->service);
        if (effect != SEAL_NO_EFFECT) {
            push_interval(h, k, s->active.from, s->active.until, EV_SEAL + (unsigned)effect);
        }
    }
    const char *holder = grant_holder(rq);
    for (size_t i = 0; holder != NULL && i < c->grant_count; i++) {
        /* D1, D2, D3: the actor's grants for the asked view, inside their validity. */
        const pv_grant *g = &c->grants[i];
        if (grant_counts(rq, holder, g)) push_interval(h, k, g->from, g->until, EV_GRANT);
    }
    const pv_representative *r = rq->representative;
    if (r != NULL) push_interval(h, k, r->from, r->until, EV_APPOINTMENT); /* P2 */
}

/* N4: the birth date read a century later, or PV_DATE_NONE when that date does not exist (a
   29 February birth read in a common year: the number is then malformed, N5). */
static pv_date read_century_later(pv_date birth) {
    /* A reading is due only while the year stays within 9999 (pnr.c), so this fits. */
    pv_date later = {(int16_t)(birth.year + 100), birth.month, birth.day};
    return pv_date_is_valid(later) ? later : PV_DATE_NONE;
}

/* The first reading after 'reading' (N4): as many years after the new birth year as the first
   was after the old one (100 with '-', 200 with '+'). */
static pv_date next_reading(pv_date reading, pv_date old_birth, pv_date new_birth) {
    int step = reading.year - old_birth.year;
    if (new_birth.year > 9999 - step) return PV_DATE_NONE;
    return (pv_date){(int16_t)(new_birth.year + step), 1, 1};
}

/* The state of the sweep: the facts on the date reached, and the personnummer's reading. */
typedef struct sweep {
    const pv_request *rq;
    heap h;
    pv_facts f;
    pv_date birth; /* as the personnummer reads on the date reached (N4) */
    pv_date next;  /* its next reading, or PV_DATE_NONE */
} sweep;

/* Applies every event of the date key 'key' to the counts; returns true when the personnummer
   reads anew on it. */
static bool apply_events(sweep *s, uint32_t key) {
    bool reread = false;
    while (s->h.n > 0 && s->h.item[0] >> 8 == key) {
        const uint32_t e = heap_pop(&s->h);
        const unsigned what = (e >> 1) & 0x7Fu;
        if (what == EV_READING) reread = true;
        if (what == EV_AGE || what == EV_READING) continue;
        uint32_t *count = counter(&s->f, what);
        *count = (e & 1u) ? *count - 1 : *count + 1;
    }
    return reread;
}

/* N4: from 'date' the personnummer gives a birth date a century later. Returns false when that
   date lies after 'date' (the input is malformed: another answer, V1); else takes the new
   reading, with its birthdays and its next reading, into the sweep. */
static bool read_anew(sweep *s, pv_date date) {
    const uint32_t key = date_key(date);
    pv_date later = read_century_later(s->birth);
    if (date_is_none(later) || date_key(later) > key) return false;
    s->next = next_reading(s->next, s->birth, later);
    s->birth = later;
    push_birthdays(&s->h, s->rq, s->birth, key);
    if (!date_is_none(s->next)) s->h.item[s->h.n++] = event(date_key(s->next), EV_READING, false);
    for (size_t i = s->h.n / 2; i-- > 0;) sift_down(&s->h, i);
    return true;
}

static pv_date date_of_key(uint32_t key) {
    pv_date d = {(int16_t)(key >> 9), (uint8_t)((key >> 5) & 0xFu), (uint8_t)(key & 0x1Fu)};
    return d;
}

pv_date changes_on(const pv_request *rq, pv_date on, const pv_decision *now) {
    const pv_date reading = rq->reading_changes_on;
    if (now->reasons & timeless_first(rq)) {
        /* Timeless, unless the personnummer turns malformed: on its first new reading the birth
           date may lie after the date (another answer, T1); a reading that is valid leaves the
           timeless reason first, and so do all later ones (the same day of the year). */
        if (date_is_none(reading)) return PV_DATE_NONE;
        pv_date later = read_century_later(rq->birth);
        bool malformed = date_is_none(later) || date_key(later) > date_key(reading);
        return malformed ? reading : PV_DATE_NONE;
    }
    /* A new reading of the personnummer makes a child again, whose proxy can come back. */
    if (date_is_none(reading) && proxy_ended_by_age(now)) return PV_DATE_NONE;

    sweep s;
    s.rq = rq;
    s.birth = rq->birth;
    s.next = reading;
    collect_events(rq, on, &s.h);
    for (size_t i = s.h.n / 2; i-- > 0;) sift_down(&s.h, i);
    facts_on(rq, on, &s.f);
    uint32_t seen = signature(&s.f);
    while (s.h.n > 0) {
        const uint32_t key = s.h.item[0] >> 8;
        const pv_date date = date_of_key(key);
        if (apply_events(&s, key)) {
            if (!read_anew(&s, date)) return date;
            seen = UINT32_MAX; /* the person is read anew: decide */
        }
        s.f.age = date_age(s.birth, date);
        const uint32_t now_seen = signature(&s.f);
        if (now_seen == seen) continue; /* nothing the procedure can tell apart has changed */
        seen = now_seen;
        pv_decision then;
        decide_facts(rq, &s.f, &then);
        if (!same_answer(&then, now)) return date;
    }
    return PV_DATE_NONE;
}
