/*
 * planner.c — the measures planner: for a goal, the measures the routines of RULES.md section 5
 * call for (M-ALL, M-GUARD, M-PROT, and the seals of J1, J2, J4), and a proof that the plan
 * works: the measures applied to a copy of the record (on the stack), and every affected actor,
 * service, channel and query evaluated on the proof's first day and on every date up to its
 * horizon on which one of those decisions changes (T1, H2). pv_prove_plan() proves a caller's
 * plan the same way.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "../internal.h"

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

/* The most decisions the proof checks on one date: the e-services, and the journal through each
   channel as a whole and for every unit mention of the applied record (at most
   PV_PLAN_MAX_RECORD + PV_PLAN_MAX_MEASURES seals, PV_MAX_GRANTS grants). The goals that ask
   every actor of the record check fewer: (1 + 16 + 16) actors x 2 channels x 2 queries. */
#define PROOF_MAX_CHECKS                                                                           \
    (1 + PV_CHANNEL_COUNT * (1 + PV_PLAN_MAX_RECORD + PV_PLAN_MAX_MEASURES + PV_MAX_GRANTS))

/* The proof over time: every decision checked must be a deny on every date it visits. The
   decisions are checked in the same order on each date, so the k-th check is the same decision
   each time; 'due[k]' is the date on which it next changes (T1), PV_DATE_NONE for never. */
typedef struct prover {
    const pv_citizen *citizen;
    pv_date on;    /* the date the decisions are checked on */
    pv_date first; /* the proof's first day (an entry date of HIDE_UNIT's queries) */
    pv_date next;  /* T1: the earliest date after 'on' on which one of them changes */
    size_t checked;
    bool holds;
    size_t index; /* the check being made on 'on' */
    size_t known; /* the checks evaluated once: due[0 .. known) */
    pv_date due[PROOF_MAX_CHECKS];
} prover;

static void note_change(prover *pr, pv_date when) {
    if (!date_is_none(when) && (date_is_none(pr->next) || date_key(when) < date_key(pr->next))) {
        pr->next = when;
    }
}

static void expect_deny(prover *pr, const pv_actor *actor, pv_service_kind kind, pv_channel channel,
                        const char *unit, pv_date entry) {
    size_t k = pr->index++;
    /* T1: a decision found a deny stays that deny until its changes_on; it is not evaluated
       again before then (the cost is the number of changes, not dates x checks). */
    if (k < pr->known && (date_is_none(pr->due[k]) || date_key(pr->due[k]) > date_key(pr->on))) {
        note_change(pr, pr->due[k]);
        return;
    }
    pv_service s = {PV_SERVICE_VERSION, kind, channel, unit, entry};
    pv_decision d = PV_DECISION_INIT;
    pr->checked++;
    /* The proof fails closed: an error counts as a goal that does not hold. */
    pv_status st = pv_evaluate(pr->citizen, actor, &s, pr->on, &d, NULL);
    pr->holds = pr->holds && st == PV_OK && d.effect == PV_EFFECT_DENY;
    if (k < PROOF_MAX_CHECKS) {
        pr->due[k] = d.changes_on;
        pr->known = k + 1 > pr->known ? k + 1 : pr->known;
    }
    note_change(pr, d.changes_on);
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

/* The goal's horizon: PV_DATE_NONE (the default) for a goal of version 1, which has none. */
static pv_date goal_horizon(const pv_goal *g) {
    return g->version == PV_GOAL_VERSION_1 ? PV_DATE_NONE : g->horizon;
}

static bool goal_kind_ok(const pv_citizen *c, const pv_goal *g, pv_error *out) {
    if ((unsigned)g->kind >= PV_GOAL_KIND_COUNT) {
        plan_fail(out, "goal.kind", "is not a goal");
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
    return true;
}

static bool goal_dates_ok(const pv_goal *g, pv_error *out) {
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
    pv_date horizon = goal_horizon(g);
    if (!date_is_none(horizon) && !pv_date_is_valid(horizon)) {
        plan_fail(out, "goal.horizon", "is not a date that exists");
        return false;
    }
    return true;
}

static bool goal_ok(const pv_citizen *c, const pv_goal *g, pv_error *out) {
    if (g == NULL) {
        plan_fail(out, "goal", "is required");
        return false;
    }
    if (g->version != PV_GOAL_VERSION && g->version != PV_GOAL_VERSION_1) {
        plan_fail(out, "goal.version",
                  "is not a version this library knows (initialise it with PV_GOAL_INIT)");
        return false;
    }
    if (c->seal_count > PV_PLAN_MAX_RECORD || c->guardian_count > PV_PLAN_MAX_RECORD) {
        plan_fail(out, "citizen", "has more seals or guardians than the planner holds");
        return false;
    }
    return goal_kind_ok(c, g, out) && goal_dates_ok(g, out);
}

/* H2: protected identity of the citizen or a guardian on 'on'. */
static bool protected_identity_in_record(const pv_citizen *c, pv_date on) {
    bool any = citizen_protected_on(c, on) > 0;
    for (size_t i = 0; i < c->guardian_count; i++)
        any |= guardian_protected_on(&c->guardians[i], on) > 0;
    return any;
}

/* The first day of the proof: 'on', or the goal's 'from' when a unit is hidden from later. */
static pv_date proof_start(const pv_goal *g, pv_date on) {
    if (g->kind == PV_GOAL_HIDE_UNIT && date_key(g->from) > date_key(on)) return g->from;
    return on;
}

/* The routines of section 5 for the goal. */
static void plan_for(const pv_citizen *citizen, const pv_goal *goal, pv_date on, pv_plan *out) {
    pv_seal whole = PV_SEAL_INIT;
    whole.scope = PV_SEAL_WHOLE;
    pv_seal s = PV_SEAL_INIT;
    s.scope = PV_SEAL_UNIT;
    s.unit = goal->unit;
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
    case PV_GOAL_HIDE_UNIT:
        /* J2, J3: a unit seal in force from the goal's date (or from 'on'). */
        s.active.from = date_is_none(goal->from) ? on : goal->from;
        add_measure(out, PV_ACTION_SEAL, "J2", NULL, &s, NULL);
        break;
    case PV_GOAL_HIDE_ENTRIES:
        /* J4: a unit seal whose content period is the entries' registration dates. */
        s.has_content = true;
        s.content.from = goal->from;
        s.content.until = goal->until;
        add_measure(out, PV_ACTION_SEAL, "J4", NULL, &s, NULL);
        break;
    case PV_GOAL_KIND_COUNT: break; /* GCOVR_EXCL_LINE: refused by goal_ok() */
    }
}

/* Every decision the goal depends on, on the prover's date. */
static void check_goal_on(prover *pr, const pv_goal *goal) {
    const pv_citizen *c = pr->citizen;
    pv_actor actor = record_actor(c, 0);
    switch (goal->kind) {
    case PV_GOAL_NOTHING: expect_nothing(pr, &actor); break;
    case PV_GOAL_NO_JOURNAL: expect_no_journal(pr, &actor); break;
    case PV_GOAL_GUARDIAN:
        actor.kind = PV_ACTOR_GUARDIAN;
        actor.id = goal->guardian;
        expect_nothing(pr, &actor);
        break;
    case PV_GOAL_HIDE_UNIT:
    case PV_GOAL_HIDE_ENTRIES:
        /* Every actor named in the record. */
        for (size_t i = 0; i < record_actor_count(c); i++) {
            actor = record_actor(c, i);
            bool unit = goal->kind == PV_GOAL_HIDE_UNIT;
            for (int ch = 0; ch < PV_CHANNEL_COUNT; ch++) {
                pv_channel channel = (pv_channel)ch;
                expect_deny(pr, &actor, PV_SERVICE_JOURNAL, channel, goal->unit,
                            unit ? PV_DATE_NONE : goal->from);
                expect_deny(pr, &actor, PV_SERVICE_JOURNAL, channel, goal->unit,
                            unit ? pr->first : goal->until);
            }
        }
        break;
    case PV_GOAL_KIND_COUNT: break; /* GCOVR_EXCL_LINE: refused by goal_ok() */
    }
}

/* The last day the proof covers by default: the 18th birthday (A1), or five years after the
   first day for a citizen who is 18 or older on it (the last day of the calendar at most). */
static pv_date default_horizon(pv_date birth, pv_date first) {
    pv_date adult = date_anniversary(birth, 18);
    if (date_key(adult) > date_key(first)) return adult;
    pv_date later = date_anniversary(first, 5);
    if (date_is_none(later)) return (pv_date){9999, 12, 31};
    return later;
}

/* The proof over time (T1, H2): the goal on the first day, then on the first date on which one
   of its decisions changes, and so on until the horizon; between two such dates no decision
   changes, so every change date up to the horizon is visited. On each, only the decisions that
   change on it are evaluated again: O(checks + changes) evaluations. */
static void prove_over_time(const pv_citizen *record, const pv_goal *goal, pv_plan *p) {
    prover pr = {record, p->proven_on, p->proven_on, PV_DATE_NONE, 0, true, 0, 0, {{0, 0, 0}}};
    p->fails_on = PV_DATE_NONE;
    for (;;) {
        pr.next = PV_DATE_NONE;
        pr.index = 0;
        check_goal_on(&pr, goal);
        if (!pr.holds) {
            p->fails_on = pr.on;
            break;
        }
        if (date_is_none(pr.next) || date_key(pr.next) > date_key(p->horizon)) break;
        pr.on = pr.next;
    }
    p->holds = pr.holds;
    p->checked = pr.checked;
}

/* Sets the proof's first and last day and proves the measures of 'p' for the goal. */
static bool prove(const pv_citizen *citizen, pv_date birth, const pv_goal *goal, pv_date on,
                  pv_plan *p, pv_error *err) {
    p->proven_on = proof_start(goal, on);
    p->horizon = goal_horizon(goal);
    if (date_is_none(p->horizon)) {
        p->horizon = default_horizon(birth, p->proven_on);
    } else if (date_key(p->horizon) < date_key(p->proven_on)) {
        plan_fail(err, "goal.horizon", "is before the first day of the proof (on, or goal.from)");
        return false;
    }
    applied a;
    apply_plan(citizen, p, &a);
    prove_over_time(&a.citizen, goal, p);
    return true;
}

/* The size of the members of a plan of 'version' (1 or 2): the library writes no further. */
static size_t plan_size(uint32_t version) {
    if (version == PV_PLAN_VERSION_1) return offsetof(pv_plan, proven_on) + sizeof(pv_date);
    return sizeof(pv_plan);
}

/* The caller's plan may be written: not NULL ('name'), of a version the library knows
   ('version_name'). */
static pv_status plan_output_check(const pv_plan *out, const char *name, const char *version_name,
                                   pv_error *error) {
    if (error_unknown(error)) return PV_ERR_INVALID_INPUT;
    if (out == NULL) return error_invalid(error, name, "is required");
    if (out->version != PV_PLAN_VERSION && out->version != PV_PLAN_VERSION_1) {
        return error_invalid(error, version_name,
                             "is not a version this library knows (initialise it with "
                             "PV_PLAN_INIT)");
    }
    return PV_OK;
}

pv_status pv_plan_measures(const pv_citizen *citizen, const pv_goal *goal, pv_date on, pv_plan *out,
                           pv_error *error) {
    pv_status status = plan_output_check(out, "out", "out.version", error);
    if (status != PV_OK) return status;
    /* Until proven: no measures and a goal that does not hold (as far as the plan's version). */
    pv_plan p = PV_PLAN_INIT;
    p.version = out->version;
    memcpy(out, &p, plan_size(p.version));
    pv_request rq;
    pv_error err = PV_ERROR_INIT;
    if (validate_citizen(citizen, on, &rq, &err) != PV_OK || !goal_ok(citizen, goal, &err)) {
        return error_report(error, &err);
    }
    plan_for(citizen, goal, on, &p);
    if (!prove(citizen, rq.birth, goal, on, &p, &err)) return error_report(error, &err);
    memcpy(out, &p, plan_size(p.version));
    error_clear(error);
    return PV_OK;
}

/* A caller's measure: the proof applies a lock, a seal or a block; a conditional measure is not
   applied, and needs only to be an action. */
static bool measure_ok(const pv_citizen *c, pv_date birth, const pv_measure *m, size_t i,
                       pv_error *err) {
    const char *a = "plan.measures";
    bool in_proof = m->condition == NULL;
    if ((unsigned)m->action >= PV_ACTION_COUNT ||
        (in_proof && m->action != PV_ACTION_LOCK_LOGIN && m->action != PV_ACTION_SEAL &&
         m->action != PV_ACTION_BLOCK_GUARDIAN)) {
        error_set_at(err, a, i, ".action", "is not a lock, a seal or a block the proof applies");
        return false;
    }
    if (in_proof && m->action == PV_ACTION_BLOCK_GUARDIAN) {
        bool found = false;
        for (size_t g = 0; m->guardian != NULL && g < c->guardian_count; g++) {
            found |= strcmp(c->guardians[g].id, m->guardian) == 0;
        }
        if (!found) {
            error_set_at(err, a, i, ".guardian", "is not one of the citizen's guardians");
            return false;
        }
    }
    if (in_proof && m->action == PV_ACTION_SEAL) {
        /* Section 8's rules for a seal: those of a record holding it alone. */
        pv_citizen alone = PV_CITIZEN_INIT;
        alone.birth_date = birth;
        alone.seals = &m->seal;
        alone.seal_count = 1;
        pv_request rq;
        pv_error why = PV_ERROR_INIT;
        if (validate_citizen(&alone, birth, &rq, &why) != PV_OK) {
            const char *prefix = "citizen.seals[0]";
            const size_t n = strlen(prefix);
            char member[PV_FIELD_PATH_SIZE + 8];
            const char *rest = strncmp(why.field, prefix, n) == 0 ? why.field + n : "";
            (void)snprintf(member, sizeof member, ".seal%s", rest);
            error_set_at(err, a, i, member, why.message);
            return false;
        }
    }
    return true;
}

static bool measures_ok(const pv_citizen *c, pv_date birth, const pv_plan *p, pv_error *err) {
    if (p->measure_count > PV_PLAN_MAX_MEASURES) {
        plan_fail(err, "plan.measure_count", "is more than PV_PLAN_MAX_MEASURES");
        return false;
    }
    for (size_t i = 0; i < p->measure_count; i++) {
        if (!measure_ok(c, birth, &p->measures[i], i, err)) return false;
    }
    return true;
}

pv_status pv_prove_plan(const pv_citizen *citizen, const pv_goal *goal, pv_date on, pv_plan *plan,
                        pv_error *error) {
    pv_status status = plan_output_check(plan, "plan", "plan.version", error);
    if (status != PV_OK) return status;
    /* The caller's measures, read as far as the plan's version; the proof not made yet. */
    pv_plan p = PV_PLAN_INIT;
    memcpy(&p, plan, plan_size(plan->version));
    p.holds = false;
    p.checked = 0;
    p.proven_on = p.horizon = p.fails_on = PV_DATE_NONE;
    memcpy(plan, &p, plan_size(p.version));
    pv_request rq;
    pv_error err = PV_ERROR_INIT;
    if (validate_citizen(citizen, on, &rq, &err) != PV_OK || !goal_ok(citizen, goal, &err) ||
        !measures_ok(citizen, rq.birth, &p, &err) ||
        !prove(citizen, rq.birth, goal, on, &p, &err)) {
        return error_report(error, &err);
    }
    memcpy(plan, &p, plan_size(p.version));
    error_clear(error);
    return PV_OK;
}
