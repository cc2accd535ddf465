/*
 * planner.c — the measures planner: for a goal, the measures the routines of RULES.md section 5
 * call for (M-ALL, M-GUARD, M-PROT, and the seals of J1, J2, J4), and a proof that the plan
 * works: the measures applied to a copy of the record (on the stack), and every affected actor,
 * service, channel and query evaluated.
 */
#include <string.h>

#include "internal.h"

static void plan_fail(pv_error *err, const char *field, const char *message) {
    error_set(err, PV_ERR_INVALID_INPUT, PV_RULE_V1, field, message);
}

static void add_measure(pv_plan *p, pv_action action, const char *routine, const char *guardian,
                        const pv_seal *seal, const char *condition) {
    pv_measure *m = &p->measures[p->measure_count++];
    const pv_measure empty = PV_MEASURE_INIT;
    *m = empty;
    m->action = action;
    m->routine = routine;
    m->guardian = guardian;
    if (seal != NULL) m->seal = *seal;
    m->condition = condition;
}

/* The record with the plan's unconditional measures applied. */
typedef struct applied {
    pv_citizen citizen;
    pv_seal seals[PV_PLAN_MAX_RECORD + PV_PLAN_MAX_MEASURES];
    pv_guardian guardians[PV_PLAN_MAX_RECORD];
} applied;

static void apply_plan(const pv_citizen *c, const pv_plan *p, applied *a) {
    a->citizen = *c;
    /* Element by element: the arrays may be NULL when their count is 0. */
    for (size_t i = 0; i < c->seal_count; i++) a->seals[i] = c->seals[i];
    for (size_t i = 0; i < c->guardian_count; i++) a->guardians[i] = c->guardians[i];
    size_t seals = c->seal_count;
    for (size_t i = 0; i < p->measure_count; i++) {
        const pv_measure *m = &p->measures[i];
        if (m->condition != NULL) continue; /* conditional measures are not assumed */
        if (m->action == PV_ACTION_LOCK_LOGIN) a->citizen.login_locked = true;
        if (m->action == PV_ACTION_SEAL) a->seals[seals++] = m->seal;
        if (m->action == PV_ACTION_BLOCK_GUARDIAN) {
            for (size_t g = 0; g < c->guardian_count; g++) {
                if (strcmp(a->guardians[g].id, m->guardian) == 0) a->guardians[g].blocked = true;
            }
        }
    }
    a->citizen.seals = a->seals;
    a->citizen.seal_count = seals;
    a->citizen.guardians = a->guardians;
}

/* The proof: every evaluated decision must be a deny. */
typedef struct prover {
    const pv_citizen *citizen;
    pv_date on;
    size_t checked;
    bool holds;
} prover;

static void expect_deny(prover *pr, const pv_actor *actor, pv_service_kind kind, pv_channel channel,
                        const char *unit, pv_date entry) {
    pv_service s = {PV_SERVICE_VERSION, kind, channel, unit, entry};
    pv_decision d = PV_DECISION_INIT;
    pr->checked++;
    /* The proof fails closed: an error counts as a goal that does not hold. */
    pv_status st = pv_decide(pr->citizen, actor, &s, pr->on, &d, NULL);
    pr->holds = pr->holds && st == PV_OK && d.effect == PV_EFFECT_DENY;
}

/* The journal through both channels (E2), as a whole and for every unit of the record. */
static void expect_no_journal(prover *pr, const pv_actor *actor) {
    const pv_citizen *c = pr->citizen;
    for (int ch = 0; ch < PV_CHANNEL_COUNT; ch++) {
        pv_channel channel = (pv_channel)ch;
        expect_deny(pr, actor, PV_SERVICE_JOURNAL, channel, NULL, PV_DATE_NONE);
        for (size_t i = 0; i < c->seal_count + c->grant_count; i++) {
            const char *u =
                i < c->seal_count ? c->seals[i].unit : c->grants[i - c->seal_count].unit;
            if (u != NULL) expect_deny(pr, actor, PV_SERVICE_JOURNAL, channel, u, PV_DATE_NONE);
        }
    }
}

static void expect_nothing(prover *pr, const pv_actor *actor) {
    expect_deny(pr, actor, PV_SERVICE_E_SERVICES, PV_CHANNEL_PORTAL, NULL, PV_DATE_NONE);
    expect_no_journal(pr, actor);
}

static bool goal_ok(const pv_citizen *c, const pv_goal *g, pv_error *out) {
    if (g == NULL) {
        plan_fail(out, "goal", "is required");
        return false;
    }
    if (g->version != PV_GOAL_VERSION) {
        plan_fail(out, "goal.version",
                  "is not a version this library knows (initialise it with PV_GOAL_INIT)");
        return false;
    }
    if ((unsigned)g->kind >= PV_GOAL_KIND_COUNT) {
        plan_fail(out, "goal.kind", "is not a goal");
        return false;
    }
    if (c->seal_count > PV_PLAN_MAX_RECORD || c->guardian_count > PV_PLAN_MAX_RECORD) {
        plan_fail(out, "citizen", "has more seals or guardians than the planner holds");
        return false;
    }
    if (g->kind == PV_GOAL_GUARDIAN) {
        bool found = false;
        for (size_t i = 0; g->guardian != NULL && i < c->guardian_count; i++) {
            found |= strcmp(c->guardians[i].id, g->guardian) == 0;
        }
        if (!found) {
            plan_fail(out, "goal.guardian", "is not one of the citizen's guardians");
            return false;
        }
    }
    if (g->kind == PV_GOAL_HIDE_UNIT || g->kind == PV_GOAL_HIDE_ENTRIES) {
        /* Section 8: the same rule for a unit as everywhere else. */
        const char *problem = id_problem(g->unit);
        if (problem != NULL) {
            plan_fail(out, "goal.unit", problem);
            return false;
        }
        bool need_dates = g->kind == PV_GOAL_HIDE_ENTRIES;
        if ((need_dates || !date_is_none(g->from)) && !pv_date_is_valid(g->from)) {
            plan_fail(out, "goal.from", "is not a date that exists");
            return false;
        }
        if (need_dates && !pv_date_is_valid(g->until)) {
            plan_fail(out, "goal.until", "is not a date that exists");
            return false;
        }
        if (need_dates && date_key(g->from) > date_key(g->until)) {
            plan_fail(out, "goal.from", "is after goal.until");
            return false;
        }
    }
    return true;
}

/* H2: protected identity of the citizen or a guardian on 'on'. */
static bool protected_identity_in_record(const pv_citizen *c, pv_date on) {
    bool any = citizen_protected_on(c, on) > 0;
    for (size_t i = 0; i < c->guardian_count; i++)
        any |= guardian_protected_on(&c->guardians[i], on) > 0;
    return any;
}

pv_status pv_plan_measures(const pv_citizen *citizen, const pv_goal *goal, pv_date on, pv_plan *out,
                           pv_error *error) {
    if (error_unknown(error)) return PV_ERR_INVALID_INPUT;
    if (out == NULL) return error_invalid(error, "out", "is required");
    if (out->version != PV_PLAN_VERSION) {
        return error_invalid(error, "out.version",
                             "is not a version this library knows (initialise it with "
                             "PV_PLAN_INIT)");
    }
    const pv_plan empty = PV_PLAN_INIT;
    *out = empty; /* no measures and a goal that does not hold, until proven */
    pv_request rq;
    pv_error err = PV_ERROR_INIT;
    if (validate_citizen(citizen, on, &rq, &err) != PV_OK || !goal_ok(citizen, goal, &err)) {
        return error_report(error, &err);
    }

    pv_seal whole = PV_SEAL_INIT;
    whole.scope = PV_SEAL_WHOLE;
    out->proven_on = on;
    switch (goal->kind) {
    case PV_GOAL_NOTHING:
        /* M-ALL: the lock closes the portal, the seal the journal (the direct link too, E2). */
        add_measure(out, PV_ACTION_LOCK_LOGIN, "M-ALL", NULL, NULL, NULL);
        add_measure(out, PV_ACTION_SEAL, "M-ALL", NULL, &whole, NULL);
        break;
    case PV_GOAL_NO_JOURNAL:
        /* M-ALL (000): a lock does not make the journal unreachable; the seal does (J1). */
        add_measure(out, PV_ACTION_SEAL, "M-ALL", NULL, &whole, NULL);
        break;
    case PV_GOAL_GUARDIAN:
        /* M-GUARD: block the guardian (G3). */
        add_measure(out, PV_ACTION_BLOCK_GUARDIAN, "M-GUARD", goal->guardian, NULL, NULL);
        if (protected_identity_in_record(citizen, on)) {
            /* M-PROT: lock and seal, so that access does not reopen when protection ends. */
            add_measure(out, PV_ACTION_LOCK_LOGIN, "M-PROT", NULL, NULL, NULL);
            add_measure(out, PV_ACTION_SEAL, "M-PROT", NULL, &whole, NULL);
        } else {
            /* M-GUARD: the child's login too when the guardian can use the child's e-ID. */
            add_measure(out, PV_ACTION_LOCK_LOGIN, "M-GUARD", NULL, NULL,
                        "if the guardian has access to the child's e-ID (000); the routine of "
                        "001 locks it with every block, though it cuts every guardian off the "
                        "e-services (002)");
        }
        break;
    case PV_GOAL_HIDE_UNIT: {
        /* J2, J3: a unit seal in force from the goal's date (or from 'on'). */
        pv_seal s = PV_SEAL_INIT;
        s.scope = PV_SEAL_UNIT;
        s.unit = goal->unit;
        s.active.from = date_is_none(goal->from) ? on : goal->from;
        if (date_key(s.active.from) > date_key(on)) out->proven_on = s.active.from;
        add_measure(out, PV_ACTION_SEAL, "J2", NULL, &s, NULL);
        break;
    }
    case PV_GOAL_HIDE_ENTRIES: {
        /* J4: a unit seal whose content period is the entries' registration dates. */
        pv_seal s = PV_SEAL_INIT;
        s.scope = PV_SEAL_UNIT;
        s.unit = goal->unit;
        s.has_content = true;
        s.content.from = goal->from;
        s.content.until = goal->until;
        add_measure(out, PV_ACTION_SEAL, "J4", NULL, &s, NULL);
        break;
    }
    case PV_GOAL_KIND_COUNT: break; /* GCOVR_EXCL_LINE: refused by goal_ok() */
    }

    applied a;
    apply_plan(citizen, out, &a);
    prover pr = {&a.citizen, out->proven_on, 0, true};
    pv_actor actor;
    switch (goal->kind) {
    case PV_GOAL_NOTHING:
        actor = record_actor(&a.citizen, 0);
        expect_nothing(&pr, &actor);
        break;
    case PV_GOAL_NO_JOURNAL:
        actor = record_actor(&a.citizen, 0);
        expect_no_journal(&pr, &actor);
        break;
    case PV_GOAL_GUARDIAN:
        actor = record_actor(&a.citizen, 0);
        actor.kind = PV_ACTOR_GUARDIAN;
        actor.id = goal->guardian;
        expect_nothing(&pr, &actor);
        break;
    case PV_GOAL_HIDE_UNIT:
    case PV_GOAL_HIDE_ENTRIES:
        /* Every actor named in the record. */
        for (size_t i = 0; i < record_actor_count(&a.citizen); i++) {
            actor = record_actor(&a.citizen, i);
            for (int ch = 0; ch < PV_CHANNEL_COUNT; ch++) {
                pv_channel channel = (pv_channel)ch;
                if (goal->kind == PV_GOAL_HIDE_UNIT) {
                    expect_deny(&pr, &actor, PV_SERVICE_JOURNAL, channel, goal->unit, PV_DATE_NONE);
                    expect_deny(&pr, &actor, PV_SERVICE_JOURNAL, channel, goal->unit, pr.on);
                } else {
                    expect_deny(&pr, &actor, PV_SERVICE_JOURNAL, channel, goal->unit, goal->from);
                    expect_deny(&pr, &actor, PV_SERVICE_JOURNAL, channel, goal->unit, goal->until);
                }
            }
        }
        break;
    case PV_GOAL_KIND_COUNT: break; /* GCOVR_EXCL_LINE: refused by goal_ok() */
    }
    out->holds = pr.holds;
    out->checked = pr.checked;
    error_clear(error);
    return PV_OK;
}
