/*
 * view.c — the facts of one request over time as sorted unions of spans (view.h): built from
 * the caller's record, probed on a date, and decided on (steps 1 to 7, then T1).
 */
#include "view.h"

/* Insertion sort by start, for the few spans of a usual record. */
static void spans_insertion_sort(span *s, uint32_t n) {
    for (uint32_t i = 1; i < n; i++) {
        const span x = s[i];
        uint32_t j = i;
        for (; j > 0 && s[j - 1].from > x.from; j--) s[j] = s[j - 1];
        s[j] = x;
    }
}

static void spans_sift(span *s, uint32_t i, uint32_t n) {
    for (;;) {
        uint32_t big = i;
        const uint32_t l = 2 * i + 1;
        const uint32_t r = l + 1;
        if (l < n && s[l].from > s[big].from) big = l;
        if (r < n && s[r].from > s[big].from) big = r;
        if (big == i) return;
        const span t = s[i];
        s[i] = s[big];
        s[big] = t;
        i = big;
    }
}

/* Heap sort by start: O(n log n) at the caps, no allocation. */
static void spans_heap_sort(span *s, uint32_t n) {
    for (uint32_t i = n / 2; i-- > 0;) spans_sift(s, i, n);
    for (uint32_t end = n; end > 1; end--) {
        const span t = s[0];
        s[0] = s[end - 1];
        s[end - 1] = t;
        spans_sift(s, 0, end - 1);
    }
}

uint32_t spans_merge(span *s, uint32_t n) {
    if (n == 0) return 0;
    if (n <= 16) {
        spans_insertion_sort(s, n);
    } else {
        spans_heap_sort(s, n);
    }
    uint32_t out = 0;
    for (uint32_t i = 1; i < n; i++) {
        /* Overlapping or touching: the fact holds throughout, and does not turn in between. */
        if (s[i].from <= s[out].end) {
            if (s[i].end > s[out].end) s[out].end = s[i].end;
        } else {
            s[++out] = s[i];
        }
    }
    return out + 1;
}

void view_push_periods(view *v, bool flag, const pv_interval *p, size_t n) {
    if (flag) view_push(v, (span){0, SPAN_OPEN}); /* H1: a flag is one period open at both ends */
    for (size_t i = 0; i < n; i++) view_push(v, span_of(p[i].from, p[i].until));
}

/* H2, H3: the facts of section 11 that can act on the request. The citizen's lock acts on self
   through the portal (E2) and on a guardian's e-services (L1, L2: not on the journal); G3 and
   G4 act on the acting guardian alone (G5: not on self; G6: nor on a representative). */
static void view_periods(view *v, const pv_request *rq) {
    const pv_citizen *c = rq->citizen;
    const pv_actor_kind kind = rq->actor->kind;
    if ((kind == PV_ACTOR_SELF && through_portal(rq)) ||
        (kind == PV_ACTOR_GUARDIAN && !is_journal(rq))) {
        const uint32_t first = v->own_used;
        if (c->login_locked) view_push(v, (span){0, SPAN_OPEN});
        for (size_t i = 0; i < c->login_lock_period_count; i++) {
            const pv_interval *w = &c->login_lock_periods[i].when;
            view_push(v, span_of(w->from, w->until));
        }
        view_close(v, first, FACT_CITIZEN_LOCKED);
    }
    const pv_guardian *g = rq->guardian;
    if (g == NULL) return;
    uint32_t first = v->own_used;
    view_push_periods(v, g->blocked, g->blocked_periods, g->blocked_period_count);
    view_close(v, first, FACT_GUARDIAN_BLOCKED);
    first = v->own_used;
    view_push_periods(v, g->protected_identity, g->protected_identity_periods,
                      g->protected_identity_period_count);
    view_close(v, first, FACT_GUARDIAN_PROTECTED);
    first = v->own_used;
    view_push_periods(v, c->protected_identity, c->protected_identity_periods,
                      c->protected_identity_period_count);
    view_close(v, first, FACT_CITIZEN_PROTECTED);
}

/* J1-J4: the active intervals of the seals that act on the query, one union per effect. */
static void view_seals(view *v, const pv_request *rq) {
    const pv_citizen *c = rq->citizen;
    unsigned char effect[PV_MAX_SEALS];
    unsigned present = 0;
    for (size_t i = 0; i < c->seal_count; i++) {
        effect[i] = (unsigned char)seal_effect_on(&c->seals[i], rq->service);
        present |= 1u << effect[i];
    }
    for (unsigned e = SEAL_NO_EFFECT + 1; e < SEAL_EFFECT_COUNT; e++) {
        if (!(present & (1u << e))) continue;
        const uint32_t first = v->own_used;
        for (size_t i = 0; i < c->seal_count; i++) {
            /* J3: a seal is in force inside its active interval, both ends inclusive. */
            if (effect[i] == e)
                view_push(v, span_of(c->seals[i].active.from, c->seals[i].active.until));
        }
        view_close(v, first, fact_seal((seal_effect)e));
    }
}

void view_from_record(view *v, const pv_request *rq) {
    view_begin(v);
    view_periods(v, rq);
    if (!is_journal(rq)) return; /* J5: seals, grants and appointments act on the journal only. */
    view_seals(v, rq);
    const pv_citizen *c = rq->citizen;
    const char *holder = grant_holder(rq);
    if (holder != NULL) {
        /* D1, D2, D3: the actor's grants for the asked view, inside their validity. */
        const uint32_t first = v->own_used;
        for (size_t i = 0; i < c->grant_count; i++) {
            const pv_grant *g = &c->grants[i];
            if (grant_counts(rq, holder, g)) view_push(v, span_of(g->from, g->until));
        }
        view_close(v, first, FACT_GRANTS);
    }
    const pv_representative *r = rq->representative;
    if (r != NULL) {
        /* P2: the appointment is in force on the date. */
        view_push(v, span_of(r->from, r->until));
        view_close(v, v->own_used - 1, FACT_APPOINTMENT);
    }
}

/* Whether the union 's' holds on 'k'; '*next' the first key after 'k' on which it turns. */
static bool spans_probe(const span *s, uint32_t n, uint32_t k, uint32_t *next) {
    uint32_t lo = 0;
    uint32_t hi = n;
    while (lo < hi) { /* lo: the number of spans that start on or before 'k' */
        const uint32_t mid = (lo + hi) / 2;
        if (s[mid].from <= k) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if (lo > 0 && s[lo - 1].end > k) {
        *next = s[lo - 1].end; /* inside: it turns off the day after the span */
        return true;
    }
    *next = lo < n ? s[lo].from : SPAN_OPEN;
    return false;
}

uint32_t view_probe(const view *v, uint32_t k, uint32_t *next) {
    uint32_t bits = 0;
    uint32_t first = SPAN_OPEN;
    for (unsigned i = 0; i < v->sources; i++) {
        const view_source *src = &v->source[i];
        uint32_t turn;
        if (spans_probe(src->spans, src->count, k, &turn)) bits |= src->fact;
        if (turn < first) first = turn;
    }
    *next = first;
    return bits;
}
