/*
 * plan_check.c — the measures planner (RULES.md section 5) proven on every citizen record of
 * the state space (space.h).
 *
 * For every record and every goal — nothing reachable (M-ALL), no journal (M-ALL), guardian g1
 * and guardian g2 stopped (M-GUARD, M-PROT), unit U1 hidden (J2, J3; without a date, from a
 * later and from an earlier date) and entries of U1 hidden (J4) — pv_plan_measures() must
 * report that its proof holds. The plan is then checked independently: its unconditional
 * measures are applied here to a copy of the record, and every affected actor is evaluated over
 * the services, channels and queries by this program's own loop, on the date the plan is for
 * and (on every fourth record) on every later date at which a decision can change (the T1
 * candidates of the changed record). Every one must be a deny; a whole-journal or unit view
 * that stays open must be filtered when a unit or entries are to be hidden.
 *
 * Prints "checked N plans"; on the first failure prints the record, the goal and the plan and
 * exits 1.
 */
#include <stdlib.h>
#include <string.h>

#include "space.h"

typedef struct goal_case {
    const char *name;
    pv_goal_kind kind;
    const char *guardian;
    int from;      /* days from 'on' */
    bool has_from;
    int until;     /* days from 'on', HIDE_ENTRIES */
} goal_case;

static const goal_case goal_cases[] = {
    {"nothing (M-ALL)", PV_GOAL_NOTHING, NULL, 0, false, 0},
    {"no journal (M-ALL)", PV_GOAL_NO_JOURNAL, NULL, 0, false, 0},
    {"guardian g1 (M-GUARD)", PV_GOAL_GUARDIAN, "g1", 0, false, 0},
    {"guardian g2 (M-GUARD)", PV_GOAL_GUARDIAN, "g2", 0, false, 0},
    {"hide U1 (J2)", PV_GOAL_HIDE_UNIT, NULL, 0, false, 0},
    {"hide U1 from a later date (J2, J3)", PV_GOAL_HIDE_UNIT, NULL, 10, true, 0},
    {"hide U1 from an earlier date (J2, J3)", PV_GOAL_HIDE_UNIT, NULL, -10, true, 0},
    {"hide entries of U1 (J4)", PV_GOAL_HIDE_ENTRIES, NULL, -300, true, -100},
};
enum { GOALS = (int)(sizeof goal_cases / sizeof goal_cases[0]) };

static unsigned long long plans, decisions, later_dates;

static const world *current_record;
static const goal_case *current_goal;
static const pv_plan *current_plan;

static const pv_error *current_error;

static void print_plan(FILE *f, const pv_plan *p) {
    fprintf(f, "plan: holds %s, checked %zu, proven_on %04d-%02d-%02d, field \"%s\", %zu measures\n",
            p->holds ? "true" : "false", p->checked, p->proven_on.year, p->proven_on.month,
            p->proven_on.day, current_error != NULL ? current_error->field : "", p->measure_count);
    for (size_t i = 0; i < p->measure_count && i < PV_PLAN_MAX_MEASURES; i++) {
        const pv_measure *m = &p->measures[i];
        fprintf(f, "  %s (%s)%s%s", pv_action_name(m->action), m->routine ? m->routine : "?",
                m->guardian ? " guardian " : "", m->guardian ? m->guardian : "");
        if (m->action == PV_ACTION_SEAL) {
            const char *scope = pv_seal_scope_name(m->seal.scope);
            fprintf(f, " seal %s %s", scope ? scope : "?",
                    m->seal.unit ? m->seal.unit : "");
            if (m->seal.has_content) {
                fprintf(f, " content %04d-%02d-%02d..%04d-%02d-%02d", m->seal.content.from.year,
                        m->seal.content.from.month, m->seal.content.from.day,
                        m->seal.content.until.year, m->seal.content.until.month,
                        m->seal.content.until.day);
            }
            if (!cal_none(m->seal.active.from)) {
                fprintf(f, " active from %04d-%02d-%02d", m->seal.active.from.year,
                        m->seal.active.from.month, m->seal.active.from.day);
            }
        }
        fprintf(f, "%s%s\n", m->condition ? " if " : "", m->condition ? m->condition : "");
    }
}

static void fail(const world *checked, const pv_decision *d, const char *what) {
    fprintf(stderr, "VIOLATION: %s\ngoal: %s\n", what, current_goal->name);
    if (current_record != NULL) {
        fputs("record:\n", stderr);
        world_print(stderr, current_record);
    }
    if (current_plan != NULL) print_plan(stderr, current_plan);
    if (checked != NULL) {
        fputs("evaluated (the plan applied):\n", stderr);
        world_print(stderr, checked);
    }
    if (d != NULL) decision_print(stderr, d, NULL);
    exit(1);
}

/* The record with the plan's unconditional measures applied (a conditional measure is not
   assumed). Only the measures that restrict are expected for these goals. */
static void apply(const pv_plan *plan, world *w) {
    for (size_t i = 0; i < plan->measure_count; i++) {
        const pv_measure *m = &plan->measures[i];
        if (m->condition != NULL) continue;
        switch (m->action) {
        case PV_ACTION_LOCK_LOGIN:
            w->citizen.login_locked = true;
            break;
        case PV_ACTION_SEAL:
            if (w->citizen.seal_count >= sizeof w->seals / sizeof w->seals[0]) {
                fail(NULL, NULL, "more seals than the check holds");
            }
            w->seals[w->citizen.seal_count++] = m->seal;
            break;
        case PV_ACTION_BLOCK_GUARDIAN: {
            bool found = false;
            for (size_t g = 0; g < w->citizen.guardian_count; g++) {
                if (m->guardian != NULL && strcmp(w->guardians[g].id, m->guardian) == 0) {
                    w->guardians[g].blocked = true;
                    found = true;
                }
            }
            if (!found) fail(NULL, NULL, "a block of a guardian not in the record");
            break;
        }
        default:
            fail(NULL, NULL, "a measure that does not restrict");
        }
    }
}

/* What the plan must hold: which actors, and which questions. */
enum { NEED_DENY, NEED_FILTERED_OR_DENY };

typedef struct question {
    pv_service service;
    int need;
} question;

/* A question about a service as PV_SERVICE_INIT makes it, then set. */
static question ask(pv_service_kind kind, pv_channel channel, const char *unit, pv_date entry,
                    int need) {
    question q = {PV_SERVICE_INIT, need};
    q.service.kind = kind;
    q.service.channel = channel;
    q.service.unit = unit;
    q.service.entry_date = entry;
    return q;
}

static size_t questions_for(const goal_case *g, const pv_goal *goal, pv_date on, question *q) {
    size_t n = 0;
    pv_interval content = space_content_period(on);
    const pv_date entries[] = {content.from, content.until, on};
    for (int ch = 0; ch < PV_CHANNEL_COUNT; ch++) {
        pv_channel c = (pv_channel)ch;
        switch (g->kind) {
        case PV_GOAL_NOTHING:
        case PV_GOAL_NO_JOURNAL:
        case PV_GOAL_GUARDIAN:
            q[n++] = ask(PV_SERVICE_JOURNAL, c, NULL, PV_DATE_NONE, NEED_DENY);
            q[n++] = ask(PV_SERVICE_JOURNAL, c, SPACE_UNIT_1, PV_DATE_NONE, NEED_DENY);
            q[n++] = ask(PV_SERVICE_JOURNAL, c, SPACE_UNIT_2, PV_DATE_NONE, NEED_DENY);
            q[n++] = ask(PV_SERVICE_JOURNAL, c, SPACE_UNIT_1, content.from, NEED_DENY);
            break;
        case PV_GOAL_HIDE_UNIT:
            q[n++] = ask(PV_SERVICE_JOURNAL, c, NULL, PV_DATE_NONE, NEED_FILTERED_OR_DENY);
            q[n++] = ask(PV_SERVICE_JOURNAL, c, SPACE_UNIT_1, PV_DATE_NONE, NEED_DENY);
            for (size_t i = 0; i < sizeof entries / sizeof entries[0]; i++) {
                q[n++] = ask(PV_SERVICE_JOURNAL, c, SPACE_UNIT_1, entries[i], NEED_DENY);
            }
            break;
        case PV_GOAL_HIDE_ENTRIES: {
            q[n++] = ask(PV_SERVICE_JOURNAL, c, NULL, PV_DATE_NONE, NEED_FILTERED_OR_DENY);
            q[n++] = ask(PV_SERVICE_JOURNAL, c, SPACE_UNIT_1, PV_DATE_NONE, NEED_FILTERED_OR_DENY);
            pv_date mid = cal_from_days((cal_days(goal->from) + cal_days(goal->until)) / 2);
            q[n++] = ask(PV_SERVICE_JOURNAL, c, SPACE_UNIT_1, goal->from, NEED_DENY);
            q[n++] = ask(PV_SERVICE_JOURNAL, c, SPACE_UNIT_1, mid, NEED_DENY);
            q[n++] = ask(PV_SERVICE_JOURNAL, c, SPACE_UNIT_1, goal->until, NEED_DENY);
            break;
        }
        case PV_GOAL_KIND_COUNT:
            break;
        }
    }
    if (g->kind == PV_GOAL_NOTHING || g->kind == PV_GOAL_GUARDIAN) {
        q[n++] = ask(PV_SERVICE_E_SERVICES, PV_CHANNEL_PORTAL, NULL, PV_DATE_NONE, NEED_DENY);
    }
    return n;
}

/* The actors the goal is about: the guardian for GUARDIAN; for the others everyone named in
   the record (the citizen, g1, g2, r1), since a whole seal (J1), a unit seal (J2) and a
   content seal (J4) act on every actor and the login lock closes the e-services to the citizen
   (E2) and to every guardian (L1). Each with an e-ID that lets anyone in (E1). */
/* An actor as PV_ACTOR_INIT makes it, then set. */
static pv_actor actor_of(pv_actor_kind kind, const char *id, pv_eid eid) {
    pv_actor a = PV_ACTOR_INIT;
    a.kind = kind;
    a.id = id;
    a.eid = eid;
    return a;
}

static size_t actors_for(const goal_case *g, pv_eid eid, pv_actor *a) {
    size_t n = 0;
    if (g->kind == PV_GOAL_GUARDIAN) {
        a[n++] = actor_of(PV_ACTOR_GUARDIAN, g->guardian, eid);
        return n;
    }
    a[n++] = actor_of(PV_ACTOR_SELF, NULL, eid);
    a[n++] = actor_of(PV_ACTOR_GUARDIAN, "g1", eid);
    a[n++] = actor_of(PV_ACTOR_GUARDIAN, "g2", eid);
    a[n++] = actor_of(PV_ACTOR_REPRESENTATIVE, "r1", eid);
    return n;
}

static void check_on(world *applied, const goal_case *g, const pv_goal *goal, pv_eid eid,
                     pv_date on, pv_date questions_on) {
    pv_actor actors[4];
    question q[24];
    size_t na = actors_for(g, eid, actors);
    size_t nq = questions_for(g, goal, questions_on, q);
    for (size_t i = 0; i < na; i++) {
        applied->actor = actors[i];
        for (size_t j = 0; j < nq; j++) {
            applied->service = q[j].service;
            pv_decision d = PV_DECISION_INIT;
            pv_error err = PV_ERROR_INIT;
            decisions++;
            if (pv_decide(&applied->citizen, &applied->actor, &applied->service, on, &d, &err) !=
                PV_OK) {
                fprintf(stderr, "error: %s: %s\n", err.field, err.message ? err.message : "");
                fail(applied, &d, "the changed record is rejected as invalid input");
            }
            if (d.effect == PV_EFFECT_DENY) continue;
            if (q[j].need == NEED_DENY || !d.filtered) {
                applied->on = on;
                fail(applied, &d, q[j].need == NEED_DENY ? "a permit where the goal asks for a deny"
                                                         : "an open view that hides nothing");
            }
        }
    }
}

/* T1 candidates of the changed record after 'on': the dates on which a decision can change. */
static size_t later(const world *w, pv_date on, pv_date *list, size_t cap) {
    const pv_citizen *c = &w->citizen;
    pv_date raw[40];
    size_t n = 0;
    raw[n++] = cal_birthday(c->birth_date, 13);
    raw[n++] = cal_birthday(c->birth_date, 16);
    for (size_t i = 0; i < c->seal_count; i++) {
        raw[n++] = c->seals[i].active.from;
        if (!cal_none(c->seals[i].active.until)) raw[n++] = cal_add(c->seals[i].active.until, 1);
    }
    for (size_t i = 0; i < c->grant_count; i++) {
        raw[n++] = c->grants[i].from;
        if (!cal_none(c->grants[i].until)) raw[n++] = cal_add(c->grants[i].until, 1);
    }
    for (size_t i = 0; i < c->representative_count; i++) {
        raw[n++] = c->representatives[i].from;
        if (!cal_none(c->representatives[i].until)) raw[n++] = cal_add(c->representatives[i].until, 1);
    }
    size_t m = 0;
    for (size_t i = 0; i < n && m < cap; i++) {
        if (!cal_none(raw[i]) && cal_cmp(raw[i], on) > 0) list[m++] = raw[i];
    }
    return m;
}

static bool has_measure(const pv_plan *p, pv_action action, const char *guardian, bool whole) {
    for (size_t i = 0; i < p->measure_count; i++) {
        const pv_measure *m = &p->measures[i];
        if (m->action != action || m->condition != NULL) continue;
        if (guardian != NULL && (m->guardian == NULL || strcmp(m->guardian, guardian) != 0)) continue;
        if (whole && (m->seal.scope != PV_SEAL_WHOLE || m->seal.has_content)) continue;
        return true;
    }
    return false;
}

static void check_plan(const world *record, int gi, unsigned long long serial) {
    /* The e-ID alternates (E1 lets both in); later dates on every fourth record. */
    const pv_eid eid = serial % 2 ? PV_EID_FREJA_PLUS : PV_EID_BANKID;
    const bool all_dates = serial % 4 == 0;
    const goal_case *g = &goal_cases[gi];
    pv_goal goal = PV_GOAL_INIT;
    goal.kind = g->kind;
    goal.guardian = g->guardian;
    if (g->kind == PV_GOAL_HIDE_UNIT || g->kind == PV_GOAL_HIDE_ENTRIES) goal.unit = SPACE_UNIT_1;
    if (g->has_from) goal.from = cal_add(record->on, g->from);
    if (g->kind == PV_GOAL_HIDE_ENTRIES) goal.until = cal_add(record->on, g->until);
    static pv_plan plan;
    static pv_error err;
    plan = (pv_plan)PV_PLAN_INIT;
    err = (pv_error)PV_ERROR_INIT;
    current_goal = g;
    current_plan = NULL;
    current_error = &err;
    if (pv_plan_measures(&record->citizen, &goal, record->on, &plan, &err) != PV_OK) {
        fprintf(stderr, "error: %s: %s\n", err.field, err.message ? err.message : "");
        fail(NULL, NULL, "pv_plan_measures rejected a valid record and goal");
    }
    current_plan = &plan;
    plans++;
    if (!plan.holds) fail(NULL, NULL, "the plan's own proof does not hold");
    if (plan.version != PV_PLAN_VERSION || plan.measure_count == 0 ||
        plan.measure_count > PV_PLAN_MAX_MEASURES || plan.checked == 0 ||
        err.status != PV_OK || err.field[0] != '\0' || err.message != NULL) {
        fail(NULL, NULL, "a malformed plan, or an error on success");
    }
    /* The date the proof is for: 'on', or the goal's 'from' when later. */
    pv_date proven_on = record->on;
    if (g->kind == PV_GOAL_HIDE_UNIT && g->has_from && g->from > 0) proven_on = goal.from;
    if (cal_cmp(plan.proven_on, proven_on) != 0) fail(NULL, NULL, "proven_on is not the goal's date");
    /* Section 5: the routines' measures. M-ALL: lock and whole seal; M-GUARD: the block;
       M-PROT: with protected identity in the record, lock and whole seal too. */
    if (g->kind == PV_GOAL_NOTHING &&
        !(has_measure(&plan, PV_ACTION_LOCK_LOGIN, NULL, false) &&
          has_measure(&plan, PV_ACTION_SEAL, NULL, true))) {
        fail(NULL, NULL, "M-ALL: the login lock and the whole seal are not both in the plan");
    }
    if (g->kind == PV_GOAL_GUARDIAN) {
        if (!has_measure(&plan, PV_ACTION_BLOCK_GUARDIAN, g->guardian, false)) {
            fail(NULL, NULL, "M-GUARD: the guardian is not blocked");
        }
        bool protected_identity = record->citizen.protected_identity;
        for (size_t i = 0; i < record->citizen.guardian_count; i++) {
            protected_identity |= record->guardians[i].protected_identity;
        }
        if (protected_identity && !(has_measure(&plan, PV_ACTION_LOCK_LOGIN, NULL, false) &&
                                    has_measure(&plan, PV_ACTION_SEAL, NULL, true))) {
            fail(NULL, NULL, "M-PROT: protected identity without the lock and the whole seal");
        }
    }

    world applied;
    world_copy(&applied, record);
    apply(&plan, &applied);
    world_link(&applied);
    check_on(&applied, g, &goal, eid, proven_on, record->on);
    if (!all_dates) return;
    pv_date list[40];
    size_t n = later(&applied, proven_on, list, sizeof list / sizeof list[0]);
    for (size_t i = 0; i < n; i++) {
        later_dates++;
        check_on(&applied, g, &goal, eid, list[i], record->on);
    }
}

int main(void) {
    /* Every record of the enumeration: each block's record dimensions, a record already met in
       an earlier block skipped. */
    unsigned record_dims = 0;
    for (int i = 0; i < DIM_COUNT; i++) record_dims |= space_record_dim[i] ? 1u << i : 0u;
    unsigned long long records = 0;
    for (size_t b = 0; b < space_block_count; b++) {
        point p;
        memset(&p, 0, sizeof p);
        do {
            if (space_seen_before(b, &p)) continue;
            world w;
            world_build(&p, &w);
            current_record = &w;
            for (int g = 0; g < GOALS; g++) check_plan(&w, g, records);
            records++;
        } while (space_next(&p, space_blocks[b].dims & record_dims));
    }
    printf("records: %llu, goals per record: %d\n", records, GOALS);
    printf("independent decisions: %llu (later dates checked: %llu)\n", decisions, later_dates);
    printf("checked %llu plans\n", plans);
    return 0;
}
