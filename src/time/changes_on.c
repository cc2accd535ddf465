/*
 * changes_on.c — T1: the first date after the evaluation date on which the same inputs give
 * another (effect, reason, filtered).
 *
 * The decision depends on the date only through the facts (facts.c): the age band, which
 * changes on the 13th and 16th birthdays, and whether each fact holds, which a view (view.h)
 * keeps as a sorted union of spans. So the first change is found by stepping from one date on
 * which something can turn to the next: the earliest of the next turn of every fact (one binary
 * search each, view_probe), the next birthday that matters and N4's next reading. On each such
 * date the facts are read again; the procedure runs only when what it can tell apart (which facts
 * hold, the age band) differs from the last date it ran on, and the sweep stops at the first
 * date whose answer differs. The procedure is not run for a candidate that leaves every fact as
 * it was (a grant that starts while another is in force, the end of one of two overlapping
 * seals: their unions do not turn there). O(t log n) for t turns in a record of n intervals,
 * no allocation.
 *
 * The one date that no interval gives is N4's: a ten-digit personnummer read against a later
 * date gives a birth date a century later from 1 January of some year (T1 counts that date). The
 * input is then malformed while the new birth date lies after the date (another answer), or the
 * person is read as someone else's age; the sweep goes on with the new reading.
 */
#include "view.h"

/* The facts the procedure can tell apart: which hold, and the age band (A2). */
static uint32_t signature(uint32_t bits, int age) {
    const uint32_t band = age < AGE_OWN_LOGIN ? 0u : age < AGE_OWN_JOURNAL ? 1u : 2u;
    return bits | band << 12;
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

/* The state of the sweep: the date reached, the personnummer's reading on it, and the dates
   (keys) on which the age band or the reading changes next. */
typedef struct sweep {
    uint32_t key;
    pv_date birth;     /* as the personnummer reads on the date reached (N4) */
    pv_date reading;   /* its next reading, or PV_DATE_NONE */
    bool ages;         /* the age can act on the request (the citizen and guardians) */
    uint32_t thirteen; /* A2: the 13th birthday of 'birth' as a key, or SPAN_OPEN */
    uint32_t sixteen;  /* the 16th, or SPAN_OPEN */
    uint32_t birthday; /* the next 13th or 16th birthday after 'key', or SPAN_OPEN */
} sweep;

/* A1: the key of the day someone born on 'birth' attains 'years' (date_anniversary), or
   SPAN_OPEN past 9999. */
static inline uint32_t anniversary_key(pv_date birth, int years) {
    const pv_date day = date_anniversary(birth, years);
    return date_is_none(day) ? SPAN_OPEN : date_key(day);
}

/* T1, A2: the 13th and 16th birthdays of the sweep's birth date, once per birth date (ages
   matter to the citizen and guardians); none ahead when 'past' (16 or older on the key). */
static void birthdays(sweep *s, bool past) {
    s->thirteen = SPAN_OPEN;
    s->sixteen = SPAN_OPEN;
    if (!s->ages || past) return;
    s->thirteen = anniversary_key(s->birth, AGE_OWN_LOGIN);
    s->sixteen = anniversary_key(s->birth, AGE_OWN_JOURNAL);
}

/* T1, A2: the first of the 13th and 16th birthdays after the key (the age is attained on the
   birthday itself, A1, so a birthday not after the key is past). */
static void next_birthday(sweep *s) {
    s->birthday = s->key < s->thirteen ? s->thirteen : s->key < s->sixteen ? s->sixteen : SPAN_OPEN;
}

/* The first key after the sweep's on which something can change, given the facts' next turn. */
static uint32_t next_candidate(const sweep *s, uint32_t turn) {
    uint32_t k = turn < s->birthday ? turn : s->birthday;
    if (!date_is_none(s->reading) && date_key(s->reading) < k) k = date_key(s->reading);
    return k;
}

/* N4: from the date reached the personnummer gives a birth date a century later. Returns false
   when that date lies after it (the input is malformed: another answer, V1); else takes the
   new reading, with its birthdays and its next reading. */
static bool read_anew(sweep *s) {
    const pv_date later = read_century_later(s->birth);
    if (date_is_none(later) || date_key(later) > s->key) return false;
    s->reading = next_reading(s->reading, s->birth, later);
    s->birth = later;
    birthdays(s, false);
    next_birthday(s);
    return true;
}

/* Whether the answer can change at all after 'on': the reasons that come first and do not
   depend on the date settle it, unless the personnummer turns malformed on its first new
   reading (the birth date may lie after the date: another answer, T1); a reading that is valid
   leaves the timeless reason first, and so do all later ones (the same day of the year). */
static bool settled(const pv_request *rq, const pv_decision *now, pv_date *answer) {
    const pv_date reading = rq->reading_changes_on;
    *answer = PV_DATE_NONE;
    if (now->reasons & timeless_first(rq)) {
        if (date_is_none(reading)) return true;
        pv_date later = read_century_later(rq->birth);
        bool malformed = date_is_none(later) || date_key(later) > date_key(reading);
        if (malformed) *answer = reading;
        return true;
    }
    /* A new reading of the personnummer makes a child again, whose proxy can come back. */
    return date_is_none(reading) && proxy_ended_by_age(now);
}

pv_date view_changes_on(const pv_request *rq, const view *v, pv_date on, pv_facts facts,
                        uint32_t next, const pv_decision *now) {
    pv_date answer;
    if (settled(rq, now, &answer)) return answer;
    const pv_actor_kind kind = rq->actor->kind;
    sweep s = {date_key(on),
               rq->birth,
               rq->reading_changes_on,
               kind == PV_ACTOR_SELF || kind == PV_ACTOR_GUARDIAN,
               SPAN_OPEN,
               SPAN_OPEN,
               SPAN_OPEN};
    birthdays(&s, facts.age >= AGE_OWN_JOURNAL);
    next_birthday(&s);
    uint32_t seen = signature(facts.bits, facts.age);
    for (;;) {
        const uint32_t k = next_candidate(&s, next);
        if (k == SPAN_OPEN) return PV_DATE_NONE;
        s.key = k;
        const pv_date date = date_of_key(k);
        bool reread = !date_is_none(s.reading) && date_key(s.reading) == k;
        if (reread && !read_anew(&s)) return date;
        if (k >= s.birthday) next_birthday(&s);
        const uint32_t bits = view_probe(v, k, &next);
        const int age = date_age(s.birth, date);
        const uint32_t sig = signature(bits, age);
        if (sig == seen && !reread) continue; /* nothing the procedure can tell apart changed */
        seen = sig;
        const pv_facts f = {age, bits};
        pv_decision then;
        decide_facts(rq, &f, &then);
        if (!same_answer(&then, now)) return date;
    }
}
