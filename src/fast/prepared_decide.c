/*
 * prepared_decide.c — pv_evaluate_prepared(): the decision of pv_evaluate() from a prepared
 * record (portvakt_prepared.h).
 *
 * Step 0 is what depends on the call: the record is one (magic) and the citizen is the one
 * prepared (the lifetime rule, O(1)), the date exists, the birth date on the date (A3, N4: the
 * personnummer's century, and a birth after the date), the actor and the service — in the order
 * and with the errors of pv_evaluate(), which checks the rest of the record on every call and
 * finds it valid as pv_prepare() did. The request's view (view.h) is then a handful of ranges of
 * the record's sorted unions, found by the unit (a binary search) and the holder; steps 1 to 7
 * and T1 run on it as for pv_evaluate().
 */
#include <string.h>

#include "prepared.h"

static void add_set(view *v, const pv_prepared *p, span_set s, uint32_t fact) {
    view_add(v, prep_spans(p) + s.first, s.count, fact);
}

/* Sorted by strcmp(): a binary search. */
const prep_unit *prepared_unit(const pv_prepared *p, const char *unit) {
    const prep_unit *units = prep_units(p);
    uint32_t lo = 0;
    uint32_t hi = p->unit_count;
    while (lo < hi) {
        const uint32_t mid = (lo + hi) / 2;
        const int cmp = strcmp(units[mid].unit, unit);
        if (cmp == 0) return &units[mid];
        if (cmp < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return NULL;
}

/* H2, H3: the facts of section 11 that can act on the request (as view.c's view_periods). */
static void periods_from_prepared(view *v, const pv_prepared *p, const pv_request *rq) {
    const pv_actor_kind kind = rq->actor->kind;
    if ((kind == PV_ACTOR_SELF && through_portal(rq)) ||
        (kind == PV_ACTOR_GUARDIAN && !is_journal(rq))) {
        add_set(v, p, p->citizen_locked, FACT_CITIZEN_LOCKED); /* E2 for self, L1 */
    }
    if (rq->guardian == NULL) return;
    /* G3, G4: the acting guardian's block and protection, and the citizen's protection. */
    const prep_guardian *g = &prep_guardians(p)[rq->guardian - rq->citizen->guardians];
    add_set(v, p, g->blocked, FACT_GUARDIAN_BLOCKED);
    add_set(v, p, g->protected_identity, FACT_GUARDIAN_PROTECTED);
    add_set(v, p, p->citizen_protected, FACT_CITIZEN_PROTECTED);
}

/* J4: the seals with a content period that hide the asked entry, by their active intervals. */
static void push_entry_seals(view *v, const prep_content *c, uint32_t n, uint32_t entry) {
    for (uint32_t i = 0; i < n; i++) {
        if (c[i].content.from <= entry && entry < c[i].content.end) view_push(v, c[i].active);
    }
}

/* J1-J4: the seals that act on the query, by effect (as seal_effect_on() sorts them). */
static void seals_from_prepared(view *v, const pv_prepared *p, const pv_service *q,
                                const prep_unit *u) {
    add_set(v, p, p->whole_closes, fact_seal(SEAL_CLOSES_JOURNAL)); /* J1 */
    if (q->unit == NULL) {
        /* J2, J4: the whole journal is shown without what any other seal hides. */
        add_set(v, p, p->whole_filters, fact_seal(SEAL_FILTERS));
        add_set(v, p, p->unit_any, fact_seal(SEAL_FILTERS));
        return;
    }
    if (u != NULL) add_set(v, p, u->closes, fact_seal(SEAL_CLOSES_UNIT)); /* J2 */
    if (date_is_none(q->entry_date)) {
        /* J4: the unit is shown without the entries a content period hides. */
        add_set(v, p, p->whole_filters, fact_seal(SEAL_FILTERS));
        if (u != NULL) add_set(v, p, u->filters, fact_seal(SEAL_FILTERS));
        return;
    }
    /* J4: an entry registered inside a content period in the seal's scope is hidden. */
    const uint32_t first = v->own_used;
    const uint32_t entry = date_key(q->entry_date);
    const prep_content *contents = prep_contents(p);
    push_entry_seals(v, contents + p->whole_content_first, p->whole_content_count, entry);
    if (u != NULL) push_entry_seals(v, contents + u->content_first, u->content_count, entry);
    view_close(v, first, fact_seal(SEAL_HIDES_ENTRY));
}

/* D1, D2, D3: the actor's grants for the asked view (any unit for the whole journal). */
static void grants_from_prepared(view *v, const pv_prepared *p, const pv_request *rq,
                                 const prep_unit *u) {
    const pv_actor_kind kind = rq->actor->kind;
    if (kind != PV_ACTOR_SELF && rq->guardian == NULL) return;
    const uint32_t holder =
        kind == PV_ACTOR_SELF ? 0u : (uint32_t)(rq->guardian - rq->citizen->guardians) + 1;
    if (rq->service->unit == NULL) {
        const span_set any = holder == 0 ? p->self_grants : prep_guardians(p)[holder - 1].grants;
        add_set(v, p, any, FACT_GRANTS);
        return;
    }
    if (u == NULL) return;
    const prep_grants *groups = prep_grant_groups(p) + u->grant_first;
    for (uint32_t i = 0; i < u->grant_count; i++) {
        if (groups[i].holder == holder) add_set(v, p, groups[i].when, FACT_GRANTS);
    }
}

void view_from_prepared(view *v, const pv_prepared *p, const pv_request *rq, const prep_unit *u) {
    view_begin(v);
    periods_from_prepared(v, p, rq);
    if (!is_journal(rq)) return; /* J5: seals, grants and appointments act on the journal only. */
    const pv_service *q = rq->service;
    seals_from_prepared(v, p, q, u);
    grants_from_prepared(v, p, rq, u);
    const pv_representative *r = rq->representative;
    if (r != NULL) {
        /* P2: the appointment is in force on the date. */
        view_push(v, span_of(r->from, r->until));
        view_close(v, v->own_used - 1, FACT_APPOINTMENT);
    }
}

/* Step 0 for the record and the citizen on 'on', in pv_evaluate()'s order: 'on', the citizen,
   then (for the citizen) what depends on the date. */
static bool record_ok(const pv_prepared *p, const pv_citizen *citizen, pv_date on, pv_request *rq,
                      pv_error *err) {
    if (!prepared_usable(p)) {
        error_set(err, PV_ERR_INVALID_INPUT, PV_RULE_V1, "record",
                  "holds no prepared record (see pv_prepare)");
        return false;
    }
    if (!date_exists(on)) {
        error_set(err, PV_ERR_INVALID_INPUT, PV_RULE_V1, "on", "is not a date that exists");
        return false;
    }
    if (citizen == NULL) {
        error_set(err, PV_ERR_INVALID_INPUT, PV_RULE_V1, "citizen", "is required");
        return false;
    }
    if (!prepared_citizen_same(p, citizen)) {
        error_set(err, PV_ERR_INVALID_INPUT, PV_RULE_V1, "record",
                  "the citizen changed since it was prepared (prepare it again)");
        return false;
    }
    rq->citizen = citizen;
    if (p->birth_fixed && date_key(p->birth) <= date_key(on)) {
        rq->birth = p->birth; /* A3: as birth_on() would read it */
        rq->reading_changes_on = PV_DATE_NONE;
        return true;
    }
    return birth_on(citizen, p->has_pnr ? &p->pnr : NULL, on, rq, err);
}

/* Step 1 before step 0: the actor's entry in the record (as resolve_actor() finds it). An id
   found there equals one that pv_prepare() validated, so validation need not read it again. */
static bool actor_known(const pv_actor *a, const pv_citizen *c, pv_request *rq) {
    rq->guardian = NULL;
    rq->representative = NULL;
    if (a == NULL || a->version < 1 || a->version > PV_ACTOR_VERSION || a->id == NULL) return false;
    find_actor_in_record(c, a, rq);
    return rq->guardian != NULL || rq->representative != NULL;
}

/* The asked unit among the record's, before step 0 (likewise: a unit found is valid). */
static const prep_unit *unit_known(const pv_prepared *p, const pv_service *q) {
    if (q == NULL || q->version < 1 || q->version > PV_SERVICE_VERSION || q->unit == NULL) {
        return NULL;
    }
    return prepared_unit(p, q->unit);
}

pv_status pv_evaluate_prepared(const pv_prepared *record, const pv_citizen *citizen,
                               const pv_actor *actor, const pv_service *service, pv_date on,
                               pv_decision *out, pv_error *error) {
    pv_status status = decision_output_check(out, error);
    if (status != PV_OK) return status;
    pv_error err;
    pv_request rq;
    /* Step 0 (V1): fail closed, naming the field, as pv_evaluate() does. */
    if (!record_ok(record, citizen, on, &rq, &err)) {
        decision_set_invalid(out);
        return error_report(error, &err);
    }
    const bool id_known = actor_known(actor, citizen, &rq);
    const prep_unit *unit = unit_known(record, service);
    if (validate_query_known(actor, service, id_known, unit != NULL, &err) != PV_OK) {
        decision_set_invalid(out);
        return error_report(error, &err);
    }
    rq.actor = actor;
    rq.service = service;
    view v;
    view_from_prepared(&v, record, &rq, unit);
    decide_view(&rq, &v, on, out, true);
    error_clear(error);
    return PV_OK;
}
