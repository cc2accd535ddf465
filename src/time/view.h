/*
 * view.h — the facts of one request over time, as sorted sets of days (internal).
 *
 * The decision on a date depends on the date only through the facts of procedure.c: the age,
 * and which facts of pv_facts hold (H2, J3, D3, P2). A fact that reads intervals (a
 * seal's active interval, a grant's validity, a period of section 11) holds on exactly the union
 * of those intervals. A view keeps, for each fact that can act on the request, that union as a
 * sorted array of disjoint spans of date keys, so that both "does the fact hold on this date"
 * and "when does it next turn on or off" are one binary search (view_probe). T1 then needs the
 * procedure only on the dates where some fact turns, or the age band changes (changes_on.c).
 *
 * A view is built by facts_gather() (decision/facts.c), the one place that says which facts act
 * on a request, either from the caller's record (view_from_record: the intervals gathered, sorted
 * and merged on each call) or from a prepared record whose unions were merged once (prepared.c).
 * Either way the same probe and the same sweep decide.
 */
#ifndef PV_VIEW_H
#define PV_VIEW_H

#include "../internal.h"

/* An open end of a span: no later day. */
#define SPAN_OPEN UINT32_MAX

/* The days [from, end) as date keys: 'from' the first day (0 when open), 'end' the day after
   the last (SPAN_OPEN when open, or when the last day is 9999-12-31). */
typedef struct span {
    uint32_t from;
    uint32_t end;
} span;

/* J3, H1: the span of the closed interval [from, until], either end open. */
static inline span span_of(pv_date from, pv_date until) {
    span s = {date_key(from), SPAN_OPEN};
    if (!date_is_none(until)) {
        pv_date after = date_next_day(until);
        if (!date_is_none(after)) s.end = date_key(after);
    }
    return s;
}

/* The day of a date key. */
static inline pv_date date_of_key(uint32_t key) {
    pv_date d = {(int16_t)(key >> 9), (uint8_t)((key >> 5) & 0xFu), (uint8_t)(key & 0x1Fu)};
    return d;
}

/* Sorts 's' by start and merges spans that overlap or touch (a fact that holds on both sides
   of a day boundary does not turn there); returns the number of spans left. O(n log n). */
uint32_t spans_merge(span *s, uint32_t n);

/* The facts are the bits of pv_facts (internal.h); the age band is bits 12 and 13 of a
   signature (changes_on.c). */

/* One union of spans and the fact it feeds. A fact may be fed by two (a prepared record keeps
   the seals of the whole journal apart from each unit's): it holds when either holds. */
typedef struct view_source {
    const span *spans;
    uint32_t count;
    uint32_t fact;
} view_source;

/* The most sources a request has: the citizen's lock and protection, the guardian's block and
   protection, the seals by effect (filters from two sets), the grants, the appointment. */
#define VIEW_MAX_SOURCES 12
/* The most spans a view builds itself: every period of the four facts of section 11 and its
   flag, every seal, every grant, the appointment. */
#define VIEW_MAX_OWN (4 * (PV_MAX_PERIODS + 1) + PV_MAX_SEALS + PV_MAX_GRANTS + 1)

typedef struct view {
    view_source source[VIEW_MAX_SOURCES];
    unsigned sources;
    uint32_t own_used;
    span own[VIEW_MAX_OWN]; /* the spans built for this request */
} view;

/* For the proof only (docs/PROOF.md; ACSL ghost code, which a compiler reads as a comment): the
   counts of the sources added so far, one after the other. The analysis keeps apart the views
   whose sources differ in length (a 'split' on it), so that each source's count stays tied to
   the spans written for it; the spans of 'own' up to 'own_used' are written, the rest never
   read. The counts are the digits of a number in base 33: apart for counts of at most 32 (each
   of the twelve sources), which the proof's records do not exceed (docs/PROOF.md). */
/*@ ghost extern uint64_t view_layout; */

static inline void view_begin(view *v) {
    v->sources = 0;
    v->own_used = 0;
    /*@ ghost view_layout = 0; */
}

/* Adds a source of spans already sorted and merged (none: the fact never holds). */
static inline void view_add(view *v, const span *spans, uint32_t count, uint32_t fact) {
    if (count == 0) return;
    const unsigned at = v->sources;
    v->sources = at + 1;
    /*@ ghost view_layout = view_layout * 33u + count; */
    /*@ split view_layout; */
    v->source[at] = (view_source){spans, count, fact};
}

static inline void view_push(view *v, span s) {
    const uint32_t at = v->own_used;
    v->own_used = at + 1;
    /*@ split v->own_used; */
    v->own[at] = s;
}

/* Merges the spans pushed since 'first' and adds them as a source of 'fact'. */
static inline void view_close(view *v, uint32_t first, uint32_t fact) {
    const uint32_t n = spans_merge(v->own + first, v->own_used - first);
    /*@ split n; */
    v->own_used = first + n;
    view_add(v, v->own + first, n, fact);
}

/* decision/facts.c — the facts that can act on a validated, resolved request (E2, L1, G3, G4,
   J1-J5, D1-D3, P2), added to the begun view 'v': from the prepared record 'p' when not NULL
   ('u' the asked unit among its units, NULL when none is asked or the record has none), else
   from the request's own record. Every decision gathers its facts here (or, for one day,
   through facts_on(), the same gathering). */
struct prep_unit;
void facts_gather(view *v, const pv_request *rq, const pv_prepared *p, const struct prep_unit *u);

/* The view of a validated, resolved request, from the caller's record. */
static inline void view_from_record(view *v, const pv_request *rq) {
    view_begin(v);
    facts_gather(v, rq, NULL, NULL);
}

/* view.c — the facts on the date key 'k' (bits), and in '*next' the first key after 'k' on
   which one of them may turn (SPAN_OPEN if none). */
uint32_t view_probe(const view *v, uint32_t k, uint32_t *next);

/* changes_on.c — T1 over a view: the first date after 'on' on which the decision differs
   from 'now' in (effect, reason, filtered), or PV_DATE_NONE. 'facts' and 'next' are the facts
   on 'on' (view_probe()'s bits and the age) and the first key on which one may turn. */
pv_date view_changes_on(const pv_request *rq, const view *v, pv_date on, pv_facts facts,
                        uint32_t next, const pv_decision *now);

/* The facts of the request on 'on' from its view: the age (A1, A2) and which facts hold; in
   '*next' the first key after 'on' on which one of them may turn. */
static inline pv_facts view_facts_on(const pv_request *rq, const view *v, pv_date on,
                                     uint32_t *next) {
    const pv_facts f = {date_age(rq->birth, on), view_probe(v, date_key(on), next)};
    return f;
}

/* Steps 1 to 7 on 'on' from a view and, when asked (a view of every day), T1: what
   pv_evaluate() writes. Inline: the decision paths call it once each. */
static inline void decide_view(const pv_request *rq, const view *v, pv_date on, pv_decision *d,
                               bool with_changes_on) {
    uint32_t next;
    const pv_facts f = view_facts_on(rq, v, on, &next);
    decide_facts(rq, &f, d);
    if (with_changes_on) d->changes_on = view_changes_on(rq, v, on, f, next, d);
}

/* Steps 1 to 7 and T1 for the date 'on' from the request's own record: what pv_evaluate()
   writes. T1 is O(n log n) in the record, no allocation. */
static inline void decide_with_changes_on(const pv_request *rq, pv_date on, pv_decision *d) {
    view v;
    view_from_record(&v, rq);
    decide_view(rq, &v, on, d, true);
}

#endif
