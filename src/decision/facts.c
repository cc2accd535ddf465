/*
 * facts.c — the facts of one request (RULES.md H1-H3): which of them can act on it and on which
 * days each holds. Every decision gathers its facts here, through gather(): pv_evaluate(),
 * pv_evaluate_prepared(), pv_evaluate_many(), pv_who_can_see() and the timeline into a view of
 * every day (time/view.h) for T1, pv_decide() for one day (facts_on). So which facts act on which
 * request (E2, L1, G3, G4, J1-J5, D1-D3, P2) is said once; the sources differ only in where a
 * fact's days are read: the intervals of the caller's record, gathered on each call, or the unions
 * of a prepared record (fast/prepared.h), merged once when it was prepared.
 *
 * The steps (procedure.c) read each fact only where its rule applies, so a fact that cannot act
 * on the request is not gathered at all.
 *
 * gather() is one function; the compiler makes a copy of it for each of its three uses (a record
 * for every day, a record for one day, a prepared record), so that none pays for the others.
 */
#include "../fast/prepared.h"

/* Inlined whenever the compiler optimises. Without optimisation (debug and coverage builds)
   each helper stays one function, so that coverage counts each of its branches once rather
   than once per copy, in copies where the sink or the source makes one side impossible. */
#if defined(__GNUC__) && defined(__OPTIMIZE__)
#define GATHER_INLINE static inline __attribute__((always_inline))
#else
#define GATHER_INLINE static inline
#endif

/* Where the gathered facts go: the spans of a view of every day ('v'), or, for one day, the
   facts that hold on it ('bits'). A local of each entry point with 'one_day' a constant, so
   that with gather() inlined the compiler keeps only the code of the one. */
typedef struct sink {
    bool one_day;
    view *v;
    pv_date day;
    bool hit; /* for one day: an interval added since the last sink_close() holds on it */
    uint32_t bits;
} sink;

/* J3, D3, P2, H2: the closed interval [from, until], either end open. */
GATHER_INLINE void sink_interval(sink *s, pv_date from, pv_date until) {
    if (s->one_day) {
        s->hit |= interval_contains(from, until, s->day);
    } else {
        view_push(s->v, span_of(from, until));
    }
}

/* H1: a flag, one period open at both ends. */
GATHER_INLINE void sink_always(sink *s) {
    if (s->one_day) {
        s->hit = true;
    } else {
        view_push(s->v, (span){0, SPAN_OPEN});
    }
}

/* The spans of a prepared record's content seal (J4). Only a view of every day reads those. */
GATHER_INLINE void sink_span(sink *s, span x) {
    view_push(s->v, x);
}

GATHER_INLINE uint32_t sink_first(const sink *s) {
    return s->one_day ? 0 : s->v->own_used;
}

/* The spans added since 'first' feed 'fact'. */
GATHER_INLINE void sink_close(sink *s, uint32_t first, uint32_t fact) {
    if (s->one_day) {
        if (s->hit) s->bits |= fact;
        s->hit = false;
    } else {
        view_close(s->v, first, fact);
    }
}

/* A union of a prepared record feeds 'fact'. Only a view of every day reads those. */
GATHER_INLINE void sink_set(sink *s, const pv_prepared *p, span_set set, uint32_t fact) {
    view_add(s->v, prep_spans(p) + set.first, set.count, fact);
}

/* H1: a flag (one period open at both ends) and the periods of one fact, from the record. */
GATHER_INLINE void record_periods(sink *s, bool flag, const pv_interval *p, size_t n,
                                  uint32_t fact) {
    const uint32_t first = sink_first(s);
    if (flag) sink_always(s);
    for (size_t i = 0; i < n; i++) sink_interval(s, p[i].from, p[i].until);
    sink_close(s, first, fact);
}

/* E2: the citizen's lock closes the citizen's own way in through the portal; L1: it shuts every
   guardian out of the child's e-services (L2: not out of the journal). */
static bool citizen_lock_acts(const pv_request *rq) {
    const pv_actor_kind kind = rq->actor->kind;
    return (kind == PV_ACTOR_SELF && through_portal(rq)) ||
           (kind == PV_ACTOR_GUARDIAN && !is_journal(rq));
}

/* H2, H3: the facts of section 11 that can act on the request, read on the date. */
GATHER_INLINE void gather_periods(sink *s, const pv_request *rq, const pv_prepared *p) {
    const pv_citizen *c = rq->citizen;
    if (citizen_lock_acts(rq)) {
        if (p != NULL) {
            sink_set(s, p, p->citizen_locked, FACT_CITIZEN_LOCKED);
        } else {
            const uint32_t first = sink_first(s);
            if (c->login_locked) sink_always(s);
            for (size_t i = 0; i < c->login_lock_period_count; i++) {
                const pv_interval *w = &c->login_lock_periods[i].when;
                sink_interval(s, w->from, w->until);
            }
            sink_close(s, first, FACT_CITIZEN_LOCKED);
        }
    }
    /* G3, G4: the acting guardian's block and protection and the citizen's protection break
       that guardian's proxy alone (G5: not the citizen's own access; G6: nor a
       representative's). */
    const pv_guardian *g = rq->guardian;
    if (g == NULL) return;
    if (p != NULL) {
        const prep_guardian *pg = &prep_guardians(p)[g - c->guardians];
        sink_set(s, p, pg->blocked, FACT_GUARDIAN_BLOCKED);
        sink_set(s, p, pg->protected_identity, FACT_GUARDIAN_PROTECTED);
        sink_set(s, p, p->citizen_protected, FACT_CITIZEN_PROTECTED);
        return;
    }
    record_periods(s, g->blocked, g->blocked_periods, g->blocked_period_count,
                   FACT_GUARDIAN_BLOCKED);
    record_periods(s, g->protected_identity, g->protected_identity_periods,
                   g->protected_identity_period_count, FACT_GUARDIAN_PROTECTED);
    record_periods(s, c->protected_identity, c->protected_identity_periods,
                   c->protected_identity_period_count, FACT_CITIZEN_PROTECTED);
}

/* J1-J4 from the record: the active intervals of the seals that act on the query (J3: in force
   inside the interval, both ends inclusive), one union per effect (seal_effect_on). */
GATHER_INLINE void record_seals(sink *s, const pv_request *rq) {
    const pv_citizen *c = rq->citizen;
    if (s->one_day) {
        /* One day: what each seal in force does (no unions to keep apart). */
        for (size_t i = 0; i < c->seal_count; i++) {
            const pv_seal *seal = &c->seals[i];
            if (interval_contains(seal->active.from, seal->active.until, s->day)) {
                s->bits |= fact_seal(seal_effect_on(seal, rq->service));
            }
        }
        return;
    }
    unsigned char effect[PV_MAX_SEALS];
    unsigned present = 0;
    /* For the proof (docs/PROOF.md; a comment to a compiler): the analysis keeps each count of
       seals apart, the count up to which effect[] is written and then read. */
    /*@ split c->seal_count; */
    for (size_t i = 0; i < c->seal_count; i++) {
        effect[i] = (unsigned char)seal_effect_on(&c->seals[i], rq->service);
        present |= 1u << effect[i];
    }
    for (unsigned e = SEAL_NO_EFFECT + 1; e < SEAL_EFFECT_COUNT; e++) {
        if (!(present & (1u << e))) continue;
        const uint32_t first = sink_first(s);
        for (size_t i = 0; i < c->seal_count; i++) {
            const pv_seal *seal = &c->seals[i];
            if (effect[i] == e) sink_interval(s, seal->active.from, seal->active.until);
        }
        sink_close(s, first, fact_seal((seal_effect)e));
    }
}

/* J4: the seals with a content period that hide the asked entry, by their active intervals. */
GATHER_INLINE void entry_seals(sink *s, const prep_content *c, uint32_t n, uint32_t entry) {
    for (uint32_t i = 0; i < n; i++) {
        if (c[i].content.from <= entry && entry < c[i].content.end) sink_span(s, c[i].active);
    }
}

/* J1-J4 from the prepared record, whose unions keep the seals by kind (scope, content period):
   each union acts as seal_kind_effect() says for the query's shape. */
GATHER_INLINE void prepared_seals(sink *s, const pv_prepared *p, const pv_service *q,
                                  const prep_unit *u) {
    const query_shape shape = query_shape_of(q);
    sink_set(s, p, p->whole_closes, fact_seal(seal_kind_effect(true, false, shape)));
    if (shape != QUERY_ENTRY) {
        sink_set(s, p, p->whole_filters, fact_seal(seal_kind_effect(true, true, shape)));
    }
    if (shape == QUERY_WHOLE) {
        /* Every unit seal, with a content period or without, acts alike on the whole journal
           (J2, J4: it is shown without what the seal hides), so the record keeps one union. */
        sink_set(s, p, p->unit_any, fact_seal(seal_kind_effect(false, false, shape)));
        return;
    }
    /* The asked unit's own seals ('u' NULL: no seal or grant of the record names it). */
    if (u != NULL) sink_set(s, p, u->closes, fact_seal(seal_kind_effect(false, false, shape)));
    if (shape == QUERY_UNIT) {
        if (u != NULL) sink_set(s, p, u->filters, fact_seal(seal_kind_effect(false, true, shape)));
        return;
    }
    /* An entry: the seals with a content period in scope whose period holds the entry. */
    const uint32_t first = sink_first(s);
    const uint32_t entry = date_key(q->entry_date);
    const prep_content *contents = prep_contents(p);
    entry_seals(s, contents + p->whole_content_first, p->whole_content_count, entry);
    if (u != NULL) entry_seals(s, contents + u->content_first, u->content_count, entry);
    sink_close(s, first, fact_seal(seal_kind_effect(false, true, shape)));
}

/* D1, D2, D3: the validity intervals of the actor's grants for the asked view (any unit for the
   whole journal): the citizen's own (D1) or the acting guardian's (D2); none for anyone else. */
GATHER_INLINE void gather_grants(sink *s, const pv_request *rq, const pv_prepared *p,
                                 const prep_unit *u) {
    const pv_actor_kind kind = rq->actor->kind;
    if (p == NULL) {
        const pv_citizen *c = rq->citizen;
        const char *holder = grant_holder(rq); /* D1, D2: NULL for anyone else */
        if (holder == NULL) return;
        const uint32_t first = sink_first(s);
        for (size_t i = 0; i < c->grant_count; i++) {
            const pv_grant *g = &c->grants[i];
            if (grant_counts(rq, holder, g)) sink_interval(s, g->from, g->until);
        }
        sink_close(s, first, FACT_GRANTS);
        return;
    }
    /* The holder among the prepared record's: 0 the citizen, 1 + i guardian i (an actor named
       as a guardian but not in the record is not related, R0: no grants). */
    if (kind != PV_ACTOR_SELF && rq->guardian == NULL) return;
    const uint32_t holder =
        kind == PV_ACTOR_SELF ? 0u : (uint32_t)(rq->guardian - rq->citizen->guardians) + 1;
    if (rq->service->unit == NULL) {
        const span_set any = holder == 0 ? p->self_grants : prep_guardians(p)[holder - 1].grants;
        sink_set(s, p, any, FACT_GRANTS);
        return;
    }
    if (u == NULL) return;
    const prep_grants *groups = prep_grant_groups(p) + u->grant_first;
    for (uint32_t i = 0; i < u->grant_count; i++) {
        if (groups[i].holder == holder) sink_set(s, p, groups[i].when, FACT_GRANTS);
    }
}

/* The facts that can act on the request, from the prepared record 'p' (with 'u', the asked
   unit among its units) or, when 'p' is NULL, from the request's own record. */
GATHER_INLINE void gather(sink *s, const pv_request *rq, const pv_prepared *p, const prep_unit *u) {
    gather_periods(s, rq, p);
    if (!is_journal(rq)) return; /* J5: seals, grants and appointments act on the journal only. */
    if (p != NULL) {
        prepared_seals(s, p, rq->service, u);
    } else {
        record_seals(s, rq);
    }
    gather_grants(s, rq, p, u);
    const pv_representative *r = rq->representative;
    if (r != NULL) {
        /* P2: the appointment is in force on the date. */
        const uint32_t first = sink_first(s);
        sink_interval(s, r->from, r->until);
        sink_close(s, first, FACT_APPOINTMENT);
    }
}

void facts_gather(view *v, const pv_request *rq, const pv_prepared *p, const prep_unit *u) {
    sink s = {false, v, PV_DATE_NONE, false, 0};
    if (p == NULL) {
        gather(&s, rq, NULL, NULL);
    } else {
        gather(&s, rq, p, u);
    }
}

pv_facts facts_on(const pv_request *rq, pv_date on) {
    sink s = {true, NULL, on, false, 0};
    gather(&s, rq, NULL, NULL);
    const pv_facts f = {date_age(rq->birth, on), s.bits};
    return f;
}
