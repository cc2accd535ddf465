/*
 * exhaustive.c — the guarantees of portvakt checked on every state of an abstract state space
 * (space.h), not on hand-picked examples.
 *
 * For every (citizen, actor, service, date) of the space it checks:
 *   I1  default deny: a permit only with a permit basis, and 'reasons' empty exactly then (R0,
 *       step 7);
 *   I2  restrictions are monotone: a lock (the citizen's or the actor's), a seal, a block,
 *       protected identity, or a grant, consent, court order or appointment taken away never
 *       turns a deny into a permit, nor takes a reason away;
 *   I3  grants are monotone: a grant added never turns a permit into a deny (D1, D2);
 *   I4  nobody but the citizen reaches the e-services of a citizen aged 13 or more (S1, G1, P1);
 *   I5  the journal of a citizen aged 16 or more is reached only by the citizen and
 *       representatives (S2, G2, D3, P2);
 *   I6  changes_on is exact (T1): the same decision on every T1 candidate before it (the
 *       candidates computed here from the inputs), another one on it, and when it is none the
 *       same on every candidate; non-candidate days are spot-checked;
 *   I7  a message shown to anyone but the citizen never reveals a seal, a lock on the citizen's
 *       login, a block or protected identity (M1);
 *   I8  the primary reason is the first of 'reasons' in RULES.md order and 'rule' is its rule;
 *   H1  a fact of section 11 given as a flag and as one period open at both ends (with the
 *       state's own periods beside it) gives the same decision and changes_on;
 *   PR  the prepared record (portvakt_prepared.h): pv_evaluate_prepared() gives pv_evaluate()'s
 *       decision in every member, changes_on included, on the state's date, and pv_decide()'s on
 *       every T1 candidate; on invalid input the same status and field (or pv_prepare() refuses
 *       the citizen naming that field); pv_prepared_check() accepts the unchanged citizen;
 * and compares every decision with an oracle written from RULES.md section 3 (below; H2: it
 * reads the facts of section 11 on the date, H3: their periods are T1 candidates), plus
 * statements taken one by one from the rules (J1, J5, G1, G3-G6, E2, L1, L2, P1, D3, R0). On
 * valid input the pv_error says PV_OK with no field, message or rule. On a sample of states it
 * checks V1 (section 8): the invalid inputs it can build from the state, each named in the
 * pv_error and by pv_validate() — among them the enums whose zero is unset (actor kind, e-ID,
 * service kind, seal scope, representative kind) left unset or out of range, and structs left
 * uninitialised (version 0) or of a later version, inputs and outputs alike.
 *
 * The space is enumerated in blocks, each the full product of its dimensions (a point already
 * in an earlier block is not repeated), then sampled at random over all dimensions with a fixed
 * seed. Prints "checked N states" and the number of checks of each property; on the first
 * violation prints the inputs and the decision and exits 1.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "space.h"

/* ---- Counting and failing ------------------------------------------------------------------ */

typedef enum property {
    P_I1,
    P_I2,
    P_I3,
    P_I4,
    P_I5,
    P_I6,
    P_I6_SPOT,
    P_I7,
    P_I8,
    P_ORACLE,
    P_ORACLE_T1,
    P_RULES,
    P_INVALID,
    P_H1,
    P_PREPARED,
    P_COUNT
} property;

static const char *const property_names[P_COUNT] = {
    [P_I1] = "I1 default deny",
    [P_I2] = "I2 monotone restrictions",
    [P_I3] = "I3 monotone grants",
    [P_I4] = "I4 e-services from 13 only for the citizen",
    [P_I5] = "I5 journal from 16 only for the citizen and representatives",
    [P_I6] = "I6 changes_on exact on T1 candidates",
    [P_I6_SPOT] = "I6 changes_on spot checks on other days",
    [P_I7] = "I7 messages reveal no protective measure (M1)",
    [P_I8] = "I8 primary reason and rule",
    [P_ORACLE] = "oracle decision (RULES.md section 3)",
    [P_ORACLE_T1] = "oracle changes_on (T1)",
    [P_RULES] = "single-rule statements",
    [P_INVALID] = "invalid input (V1)",
    [P_H1] = "H1 a flag and one open period decide alike",
    [P_PREPARED] = "PR the prepared record decides as pv_evaluate",
};

static unsigned long long checks[P_COUNT];

/* The state being checked, for the report of a violation. */
static const point *current_point;
static const world *current_world;

#if defined(__GNUC__) || defined(__clang__)
__attribute__((format(printf, 4, 5), noreturn))
#endif
static void fail(property p, const world *other, const pv_decision *d, const char *fmt, ...);

/* The error of the call behind the decision a violation reports, when there is one. */
static const pv_error *current_error;

static void fail(property p, const world *other, const pv_decision *d, const char *fmt, ...) {
    va_list ap;
    fprintf(stderr, "VIOLATION of %s: ", property_names[p]);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    if (current_point != NULL) point_print(stderr, current_point);
    if (current_world != NULL) {
        fputs("state:\n", stderr);
        world_print(stderr, current_world);
    }
    if (other != NULL) {
        fputs("compared state:\n", stderr);
        world_print(stderr, other);
    }
    if (d != NULL) decision_print(stderr, d, current_error);
    exit(1);
}

static bool has(uint32_t reasons, pv_reason r) {
    return (reasons & (1u << r)) != 0;
}

/* Every field but changes_on (the field path and message are in the pv_error now). */
static bool same_decision(const pv_decision *a, const pv_decision *b) {
    return a->version == b->version && a->effect == b->effect && a->reason == b->reason &&
           a->reasons == b->reasons && a->rule == b->rule &&
           memcmp(a->reason_rules, b->reason_rules, sizeof a->reason_rules) == 0 &&
           a->filtered == b->filtered;
}

/* The error channel on valid input: PV_OK, no field, no message, no rule. */
static bool error_clear(const pv_error *err) {
    return err->version == PV_ERROR_VERSION && err->status == PV_OK && err->rule == PV_RULE_NONE &&
           err->field[0] == '\0' && err->message == NULL;
}

static bool same_answer(const pv_decision *a, const pv_decision *b) {
    return a->effect == b->effect && a->reason == b->reason && a->filtered == b->filtered;
}

/* ---- The oracle: RULES.md section 3, written from the text ----------------------------------- */

typedef struct expected {
    pv_effect effect;
    pv_reason reason;
    uint32_t reasons;
    pv_rule rule;
    pv_rule rules[PV_REASON_COUNT];
    bool filtered;
} expected;

static void record(expected *e, pv_reason r, pv_rule rule) {
    e->reasons |= 1u << r;
    e->rules[r] = rule;
}

static bool same_id(const char *a, const char *b) {
    return a != NULL && b != NULL && strcmp(a, b) == 0;
}

/* D1, D2, D3: a grant held by 'holder', in force on 'on', for the asked unit, or any unit for a
   whole-journal query. */
static bool oracle_granted(const world *w, const char *holder, pv_date on) {
    for (size_t i = 0; i < w->citizen.grant_count; i++) {
        const pv_grant *g = &w->citizen.grants[i];
        if (!same_id(g->holder, holder) || !cal_in(g->from, g->until, on)) continue;
        if (w->service.unit == NULL || same_id(g->unit, w->service.unit)) return true;
    }
    return false;
}

/* H1, H2: a fact of section 11 holds on 'on' when its flag is set or 'on' lies in one of its
   periods. */
static bool fact_on(bool flag, const pv_interval *p, size_t n, pv_date on) {
    for (size_t i = 0; i < n; i++) flag = flag || cal_in(p[i].from, p[i].until, on);
    return flag;
}

static bool locked_on(const pv_citizen *c, pv_date on) {
    bool locked = c->login_locked;
    for (size_t i = 0; i < c->login_lock_period_count; i++) {
        const pv_interval *w = &c->login_lock_periods[i].when;
        locked = locked || cal_in(w->from, w->until, on);
    }
    return locked;
}

static bool citizen_protected_on(const pv_citizen *c, pv_date on) {
    return fact_on(c->protected_identity, c->protected_identity_periods,
                   c->protected_identity_period_count, on);
}

static bool blocked_on(const pv_guardian *g, pv_date on) {
    return fact_on(g->blocked, g->blocked_periods, g->blocked_period_count, on);
}

static bool guardian_protected_on(const pv_guardian *g, pv_date on) {
    return fact_on(g->protected_identity, g->protected_identity_periods,
                   g->protected_identity_period_count, on);
}

static void oracle(const world *w, pv_date on, expected *e) {
    memset(e, 0, sizeof *e);
    const pv_citizen *c = &w->citizen;
    const pv_actor *a = &w->actor;
    const pv_service *s = &w->service;
    const bool journal = s->kind == PV_SERVICE_JOURNAL;
    const bool whole_query = s->unit == NULL;
    const bool entry_query = !cal_none(s->entry_date);

    /* R0 */
    const pv_guardian *guardian = NULL;
    const pv_representative *representative = NULL;
    for (size_t i = 0; a->kind == PV_ACTOR_GUARDIAN && i < c->guardian_count; i++) {
        if (same_id(c->guardians[i].id, a->id)) guardian = &c->guardians[i];
    }
    for (size_t i = 0; a->kind == PV_ACTOR_REPRESENTATIVE && i < c->representative_count; i++) {
        if (same_id(c->representatives[i].id, a->id)) representative = &c->representatives[i];
    }
    if (a->kind == PV_ACTOR_OTHER || (a->kind == PV_ACTOR_GUARDIAN && guardian == NULL) ||
        (a->kind == PV_ACTOR_REPRESENTATIVE && representative == NULL)) {
        record(e, PV_REASON_NOT_RELATED, PV_RULE_R0);
        e->effect = PV_EFFECT_DENY;
        e->reason = PV_REASON_NOT_RELATED;
        e->rule = PV_RULE_R0;
        return;
    }
    /* E1 */
    if (a->eid != PV_EID_BANKID && a->eid != PV_EID_FREJA_PLUS) record(e, PV_REASON_NO_EID, PV_RULE_E1);
    /* E2: the actor's own login; for self that is the citizen's. The portal only. */
    const bool own_lock = a->kind == PV_ACTOR_SELF ? locked_on(c, on) : a->login_locked;
    const bool via_portal = !journal || s->channel == PV_CHANNEL_PORTAL;
    if (own_lock && via_portal) record(e, PV_REASON_LOGIN_LOCKED, PV_RULE_E2);
    /* E3: a guardian's or representative's own journal account sealed: no journal. */
    if (a->kind != PV_ACTOR_SELF && a->journal_sealed && journal) {
        record(e, PV_REASON_OWN_JOURNAL_SEALED, PV_RULE_E3);
    }

    /* Step 4, the table. */
    const int age = cal_age(c->birth_date, on);
    pv_reason basis = PV_REASON_SELF;
    pv_rule basis_rule = PV_RULE_NONE;
    bool only_granted_units = false;
    if (a->kind == PV_ACTOR_SELF && !journal) {
        basis_rule = PV_RULE_S1;
        if (age < 13) record(e, PV_REASON_UNDER_13, PV_RULE_S1);
    } else if (a->kind == PV_ACTOR_SELF) {
        basis_rule = PV_RULE_S2;
        if (age < 13) {
            record(e, PV_REASON_UNDER_13, PV_RULE_S2);
        } else if (age < 16) {
            basis = PV_REASON_DIRECT_ACCESS;
            basis_rule = PV_RULE_D1;
            only_granted_units = whole_query;
            if (!oracle_granted(w, PV_GRANT_HOLDER_SELF, on)) record(e, PV_REASON_UNDER_16, PV_RULE_D1);
        }
    } else if (a->kind == PV_ACTOR_GUARDIAN && !journal) {
        basis = PV_REASON_GUARDIAN_PROXY;
        basis_rule = PV_RULE_G1;
        if (age >= 13) record(e, PV_REASON_PROXY_ENDED, PV_RULE_G1);
    } else if (a->kind == PV_ACTOR_GUARDIAN) {
        basis = PV_REASON_GUARDIAN_PROXY;
        basis_rule = PV_RULE_G2;
        if (age >= 16) {
            record(e, PV_REASON_PROXY_ENDED, PV_RULE_G2);
        } else if (age >= 13) {
            basis = PV_REASON_DIRECT_ACCESS;
            basis_rule = PV_RULE_D2;
            only_granted_units = whole_query;
            if (!oracle_granted(w, guardian->id, on)) record(e, PV_REASON_PROXY_ENDED, PV_RULE_D2);
        }
    } else if (!journal) {
        basis = PV_REASON_REPRESENTATIVE;
        basis_rule = PV_RULE_P1;
        record(e, PV_REASON_REPRESENTATIVE_JOURNAL_ONLY, PV_RULE_P1);
    } else {
        basis = PV_REASON_REPRESENTATIVE;
        basis_rule = PV_RULE_P2;
        const pv_representative *r = representative;
        bool complete = (r->kind == PV_REPRESENTATIVE_GOD_MAN || r->kind == PV_REPRESENTATIVE_FORVALTARE) &&
                        r->cares_for_person && r->consent && r->court_order &&
                        cal_in(r->from, r->until, on);
        if (!complete) record(e, PV_REASON_REPRESENTATIVE_INCOMPLETE, PV_RULE_P2);
    }

    /* Step 5: G3, G4 for guardians only (G5, G6). */
    if (guardian != NULL) {
        if (blocked_on(guardian, on)) record(e, PV_REASON_GUARDIAN_BLOCKED, PV_RULE_G3);
        if (guardian_protected_on(guardian, on) || citizen_protected_on(c, on)) {
            record(e, PV_REASON_PROTECTED_IDENTITY, PV_RULE_G4);
        }
    }

    /* Step 6. */
    bool view_hides = false;
    if (!journal) {
        /* L1; J5: no seal touches the e-services. */
        if (guardian != NULL && locked_on(c, on)) record(e, PV_REASON_CHILD_LOGIN_LOCKED, PV_RULE_L1);
    } else {
        /* L2: the child's lock does not touch the journal. */
        for (size_t i = 0; i < c->seal_count; i++) {
            const pv_seal *seal = &c->seals[i];
            if (!cal_in(seal->active.from, seal->active.until, on)) continue; /* J3 */
            const bool in_scope = seal->scope == PV_SEAL_WHOLE || same_id(seal->unit, s->unit);
            if (seal->scope == PV_SEAL_WHOLE && !seal->has_content) {
                record(e, PV_REASON_JOURNAL_SEALED, PV_RULE_J1); /* J1 */
            } else if (!seal->has_content) {
                /* J2: the unit closed; the whole journal shown without it. */
                if (whole_query) view_hides = true;
                else if (in_scope) record(e, PV_REASON_UNIT_SEALED, PV_RULE_J2);
            } else if (entry_query) {
                /* J4: an entry registered inside the content period, in the seal's scope. */
                if (in_scope && cal_in(seal->content.from, seal->content.until, s->entry_date)) {
                    record(e, PV_REASON_ENTRY_SEALED, PV_RULE_J4);
                }
            } else if (whole_query || in_scope) {
                view_hides = true; /* J4: a unit or the whole journal shown without the entries */
            }
        }
    }

    if (e->reasons == 0) {
        /* Step 7. */
        e->effect = PV_EFFECT_PERMIT;
        e->reason = basis;
        e->rule = basis_rule;
        e->filtered = journal && !entry_query && (view_hides || only_granted_units);
        return;
    }
    e->effect = PV_EFFECT_DENY;
    for (int r = PV_REASON_COUNT - 1; r >= 0; r--) {
        if (has(e->reasons, (pv_reason)r)) e->reason = (pv_reason)r;
    }
    e->rule = e->rules[e->reason];
}

static bool oracle_agrees(const expected *e, const pv_decision *d) {
    if (d->effect != e->effect || d->reason != e->reason || d->reasons != e->reasons ||
        d->rule != e->rule || d->filtered != e->filtered) {
        return false;
    }
    for (int r = 0; r < PV_REASON_MAX; r++) {
        pv_rule want = r < PV_REASON_COUNT ? e->rules[r] : PV_RULE_NONE;
        if ((pv_rule)d->reason_rules[r] != want) return false;
    }
    return true;
}

static void print_expected(FILE *f, const expected *e) {
    fprintf(f, "oracle: effect %s, reason %s, rule %s, filtered %s, reasons [",
            pv_effect_name(e->effect), pv_reason_name(e->reason),
            e->rule == PV_RULE_NONE ? "none" : pv_rule_name(e->rule), e->filtered ? "true" : "false");
    int n = 0;
    for (int r = 0; r < PV_REASON_COUNT; r++) {
        if (has(e->reasons, (pv_reason)r)) {
            fprintf(f, "%s%s (%s)", n++ ? ", " : "", pv_reason_name((pv_reason)r),
                    pv_rule_name(e->rules[r]));
        }
    }
    fputs("]\n", f);
}

/* ---- I1, I4, I5, I8 and the single-rule statements ------------------------------------------ */

static int age_of(const world *w) {
    return cal_age(w->citizen.birth_date, w->on);
}

static void check_i1(const pv_decision *d, const pv_error *err) {
    checks[P_I1]++;
    bool basis = d->reason <= PV_REASON_LAST_PERMIT;
    if (d->effect == PV_EFFECT_PERMIT && !(basis && d->reasons == 0)) {
        fail(P_I1, NULL, d, "a permit without a permit basis, or with reasons");
    }
    if (d->effect == PV_EFFECT_DENY && (basis || d->reasons == 0)) {
        fail(P_I1, NULL, d, "a deny with a permit basis, or without reasons");
    }
    if (d->effect != PV_EFFECT_PERMIT && d->effect != PV_EFFECT_DENY) fail(P_I1, NULL, d, "no effect");
    if (pv_reason_effect(d->reason) != d->effect) fail(P_I1, NULL, d, "pv_reason_effect disagrees");
    if (!error_clear(err)) fail(P_I1, NULL, d, "a field path, message or rule in the error on valid input");
    if (d->version != PV_DECISION_VERSION) fail(P_I1, NULL, d, "the decision's version changed");
}

static void check_i4_i5(const world *w, const pv_decision *d) {
    const bool self = w->actor.kind == PV_ACTOR_SELF;
    if (w->service.kind == PV_SERVICE_E_SERVICES && age_of(w) >= 13) {
        checks[P_I4]++;
        if (d->effect == PV_EFFECT_PERMIT && !self) {
            fail(P_I4, NULL, d, "e-services of a citizen aged 13 or more reached by another");
        }
    }
    if (w->service.kind == PV_SERVICE_JOURNAL && age_of(w) >= 16) {
        checks[P_I5]++;
        if (d->effect == PV_EFFECT_PERMIT && !self && w->actor.kind != PV_ACTOR_REPRESENTATIVE) {
            fail(P_I5, NULL, d, "the journal of a citizen aged 16 or more reached by a guardian");
        }
    }
}

static void check_i8(const pv_decision *d) {
    checks[P_I8]++;
    /* PV_REASON_MAX leaves room for reasons added later: none beyond today's are set. */
    if ((d->reasons >> PV_REASON_COUNT) != 0) fail(P_I8, NULL, d, "a reason bit beyond PV_REASON_COUNT");
    for (int r = PV_REASON_COUNT; r < PV_REASON_MAX; r++) {
        if (d->reason_rules[r] != PV_RULE_NONE) fail(P_I8, NULL, d, "a rule beyond PV_REASON_COUNT");
    }
    if (d->effect == PV_EFFECT_PERMIT) {
        for (int r = 0; r < PV_REASON_COUNT; r++) {
            if (d->reason_rules[r] != PV_RULE_NONE) fail(P_I8, NULL, d, "a rule for an absent reason");
        }
        if (d->rule == PV_RULE_NONE) fail(P_I8, NULL, d, "a permit without its rule");
        return;
    }
    int lowest = -1;
    for (int r = 0; r < PV_REASON_COUNT && lowest < 0; r++) {
        if (has(d->reasons, (pv_reason)r)) lowest = r;
    }
    if ((int)d->reason != lowest) fail(P_I8, NULL, d, "the primary reason is not the first reason");
    if (d->rule == PV_RULE_NONE || d->rule != (pv_rule)d->reason_rules[d->reason]) {
        fail(P_I8, NULL, d, "'rule' is not the rule stored for the primary reason");
    }
    if (pv_decision_reason_at(d, 0) != d->reason) fail(P_I8, NULL, d, "reason_at(0) is not the reason");
    int n = 0;
    for (int r = 0; r < PV_REASON_COUNT; r++) {
        bool present = has(d->reasons, (pv_reason)r);
        n += present;
        if (present != (d->reason_rules[r] != PV_RULE_NONE)) {
            fail(P_I8, NULL, d, "reason %s: rule present %d, reason present %d",
                 pv_reason_name((pv_reason)r), d->reason_rules[r] != PV_RULE_NONE, present);
        }
        if (present && pv_decision_reason_rule(d, (pv_reason)r) != (pv_rule)d->reason_rules[r]) {
            fail(P_I8, NULL, d, "pv_decision_reason_rule disagrees for %s", pv_reason_name((pv_reason)r));
        }
    }
    if (pv_decision_reason_count(d) != n) fail(P_I8, NULL, d, "pv_decision_reason_count disagrees");
}

static bool seal_in_force(const pv_seal *s, pv_date on) {
    return cal_in(s->active.from, s->active.until, on);
}

/* Statements read off one rule each, without the oracle's procedure. */
static void check_rules(const world *w, const pv_decision *d) {
    const pv_citizen *c = &w->citizen;
    const pv_actor *a = &w->actor;
    const bool journal = w->service.kind == PV_SERVICE_JOURNAL;
    const bool permit = d->effect == PV_EFFECT_PERMIT;
    const bool related = !has(d->reasons, PV_REASON_NOT_RELATED);
    const int age = age_of(w);
    checks[P_RULES]++;

    /* J1: a whole seal in force without content denies any journal request, with the reason. */
    for (size_t i = 0; journal && related && i < c->seal_count; i++) {
        const pv_seal *s = &c->seals[i];
        if (s->scope == PV_SEAL_WHOLE && !s->has_content && seal_in_force(s, w->on) &&
            (permit || !has(d->reasons, PV_REASON_JOURNAL_SEALED))) {
            fail(P_RULES, NULL, d, "J1: a whole seal in force without JOURNAL_SEALED");
        }
    }
    /* G1, G3, G4, L1: a guardian's e-services only for a child under 13, neither guardian
       blocked nor protected, no protected child, the child's login not locked. */
    if (a->kind == PV_ACTOR_GUARDIAN && !journal && permit) {
        const pv_guardian *g = NULL;
        for (size_t i = 0; i < c->guardian_count; i++) {
            if (strcmp(c->guardians[i].id, a->id) == 0) g = &c->guardians[i];
        }
        if (g == NULL || age >= 13 || blocked_on(g, w->on) || guardian_protected_on(g, w->on) ||
            citizen_protected_on(c, w->on) || locked_on(c, w->on)) {
            fail(P_RULES, NULL, d, "G1/G3/G4/L1: a guardian's e-services permitted");
        }
    }
    /* E2: the direct channel is never closed by a login lock. */
    if (journal && w->service.channel == PV_CHANNEL_DIRECT && has(d->reasons, PV_REASON_LOGIN_LOCKED)) {
        fail(P_RULES, NULL, d, "E2: LOGIN_LOCKED on the direct channel");
    }
    /* E2: the portal is closed to an actor whose own login is locked. */
    bool own_lock = a->kind == PV_ACTOR_SELF ? locked_on(c, w->on) : a->login_locked;
    if (related && own_lock && (!journal || w->service.channel == PV_CHANNEL_PORTAL) &&
        !has(d->reasons, PV_REASON_LOGIN_LOCKED)) {
        fail(P_RULES, NULL, d, "E2: the portal open to a locked login");
    }
    /* J5: seals never touch the e-services. */
    const uint32_t seal_reasons = (1u << PV_REASON_JOURNAL_SEALED) | (1u << PV_REASON_UNIT_SEALED) |
                                  (1u << PV_REASON_ENTRY_SEALED) | (1u << PV_REASON_OWN_JOURNAL_SEALED);
    if (!journal && (d->reasons & seal_reasons) != 0) fail(P_RULES, NULL, d, "J5: a seal on e-services");
    /* G5, G6: protected identity and blocks never deny the citizen or a representative. */
    const uint32_t guardian_only = (1u << PV_REASON_GUARDIAN_BLOCKED) |
                                   (1u << PV_REASON_PROTECTED_IDENTITY) |
                                   (1u << PV_REASON_CHILD_LOGIN_LOCKED);
    if (a->kind != PV_ACTOR_GUARDIAN && (d->reasons & guardian_only) != 0) {
        fail(P_RULES, NULL, d, "G5/G6/L1: a guardian's reason for another actor");
    }
    /* L2: the child's login lock never touches the journal. */
    if (journal && has(d->reasons, PV_REASON_CHILD_LOGIN_LOCKED)) fail(P_RULES, NULL, d, "L2");
    /* P1: no representative reaches the e-services. */
    if (a->kind == PV_ACTOR_REPRESENTATIVE && related && !journal &&
        (permit || !has(d->reasons, PV_REASON_REPRESENTATIVE_JOURNAL_ONLY))) {
        fail(P_RULES, NULL, d, "P1: a representative and the e-services");
    }
    /* D3: direct access only from 13 to 15. */
    if (permit && d->reason == PV_REASON_DIRECT_ACCESS && (age < 13 || age >= 16)) {
        fail(P_RULES, NULL, d, "D3: direct access outside 13 to 15");
    }
    /* R0: an unrelated actor gets NOT_RELATED alone (evaluation ends at step 1). */
    if (!related && d->reasons != (1u << PV_REASON_NOT_RELATED)) fail(P_RULES, NULL, d, "R0");
    bool named = a->kind == PV_ACTOR_SELF;
    for (size_t i = 0; a->kind == PV_ACTOR_GUARDIAN && i < c->guardian_count; i++) {
        named |= strcmp(c->guardians[i].id, a->id) == 0;
    }
    for (size_t i = 0; a->kind == PV_ACTOR_REPRESENTATIVE && i < c->representative_count; i++) {
        named |= strcmp(c->representatives[i].id, a->id) == 0;
    }
    if (named == !related) fail(P_RULES, NULL, d, "R0: relation");
    /* Step 7: 'filtered' only on a permitted journal view that is not one entry. */
    if (d->filtered && (!permit || !journal || !cal_none(w->service.entry_date))) {
        fail(P_RULES, NULL, d, "step 7: filtered outside a permitted journal view");
    }
    /* Step 7: the permit basis fits the actor. */
    if (permit) {
        bool fits = (a->kind == PV_ACTOR_SELF &&
                     (d->reason == PV_REASON_SELF || d->reason == PV_REASON_DIRECT_ACCESS)) ||
                    (a->kind == PV_ACTOR_GUARDIAN &&
                     (d->reason == PV_REASON_GUARDIAN_PROXY || d->reason == PV_REASON_DIRECT_ACCESS)) ||
                    (a->kind == PV_ACTOR_REPRESENTATIVE && d->reason == PV_REASON_REPRESENTATIVE);
        if (!fits) fail(P_RULES, NULL, d, "step 7: a permit basis of another actor");
    }
}

/* ---- I7: messages (M1) ---------------------------------------------------------------------- */

/* A reason that reveals a protective measure about the citizen (M1). */
static bool reveals_measure(pv_reason r) {
    return r == PV_REASON_GUARDIAN_BLOCKED || r == PV_REASON_PROTECTED_IDENTITY ||
           r == PV_REASON_CHILD_LOGIN_LOCKED || r == PV_REASON_JOURNAL_SEALED ||
           r == PV_REASON_UNIT_SEALED || r == PV_REASON_ENTRY_SEALED;
}

/* Words that would tell of a seal, a lock, a block or protected identity (lowercase stems). */
static const char *const telling_words[] = {
    "försegl", "seal", "lås", "lock", "block", "spärr", "skydd", "protect", "hidden identity",
};

static const char *telling_word_in(const char *text) {
    char lower[512];
    size_t n = 0;
    for (; text[n] != '\0' && n + 1 < sizeof lower; n++) {
        char ch = text[n];
        lower[n] = (ch >= 'A' && ch <= 'Z') ? (char)(ch - 'A' + 'a') : ch;
    }
    lower[n] = '\0';
    for (size_t i = 0; i < sizeof telling_words / sizeof telling_words[0]; i++) {
        if (strstr(lower, telling_words[i]) != NULL) return telling_words[i];
    }
    return NULL;
}

/* Texts already checked for (reason, asker, language): the strings are static, so the same
   pointer is the same text. */
static const char *verified_message[PV_REASON_COUNT][PV_ACTOR_KIND_COUNT][PV_LANGUAGE_COUNT];

static void check_message(pv_reason r, pv_actor_kind asker, const pv_decision *d) {
    for (int l = 0; l < PV_LANGUAGE_COUNT; l++) {
        pv_language lang = (pv_language)l;
        const char *m = pv_message(r, asker, lang);
        checks[P_I7]++;
        if (m == NULL) fail(P_I7, NULL, d, "pv_message(%s) is NULL", pv_reason_name(r));
        if (m == verified_message[r][asker][l]) continue;
        if (asker != PV_ACTOR_SELF && reveals_measure(r) && strcmp(m, pv_message_generic(lang)) != 0) {
            fail(P_I7, NULL, d, "the message for %s shown to a %s is not the generic one: \"%s\"",
                 pv_reason_name(r), pv_actor_kind_name(asker), m);
        }
        /* LOGIN_LOCKED and OWN_JOURNAL_SEALED are the asker's own lock and seal. */
        const char *word = telling_word_in(m);
        if (asker != PV_ACTOR_SELF && r != PV_REASON_LOGIN_LOCKED &&
            r != PV_REASON_OWN_JOURNAL_SEALED && word != NULL) {
            fail(P_I7, NULL, d, "the message for %s shown to a %s says \"%s\": \"%s\"",
                 pv_reason_name(r), pv_actor_kind_name(asker), word, m);
        }
        verified_message[r][asker][l] = m;
    }
}

static void check_i7(const world *w, const pv_decision *d) {
    const pv_actor_kind asker = w->actor.kind;
    check_message(d->reason, asker, d);
    for (int r = 0; r < PV_REASON_COUNT; r++) {
        if (has(d->reasons, (pv_reason)r)) check_message((pv_reason)r, asker, d);
    }
}

/* ---- I2, I3: neighbours -------------------------------------------------------------------- */

typedef bool (*change)(world *w);

static bool add_seal(world *w, pv_seal_scope scope, const char *unit, bool content, pv_interval active) {
    if (w->citizen.seal_count >= sizeof w->seals / sizeof w->seals[0]) return false;
    pv_seal s = PV_SEAL_INIT;
    s.scope = scope;
    s.unit = unit;
    s.active = active;
    s.has_content = content;
    if (content) s.content = space_content_period(w->on);
    w->seals[w->citizen.seal_count++] = s;
    return true;
}

static const pv_interval always = {{0, 0, 0}, {0, 0, 0}};

static bool seal_whole(world *w) { return add_seal(w, PV_SEAL_WHOLE, NULL, false, always); }
static bool seal_whole_content(world *w) { return add_seal(w, PV_SEAL_WHOLE, NULL, true, always); }
static bool seal_u1(world *w) { return add_seal(w, PV_SEAL_UNIT, SPACE_UNIT_1, false, always); }
static bool seal_u1_content(world *w) { return add_seal(w, PV_SEAL_UNIT, SPACE_UNIT_1, true, always); }
static bool seal_u2(world *w) { return add_seal(w, PV_SEAL_UNIT, SPACE_UNIT_2, false, always); }
static bool seal_u2_content(world *w) { return add_seal(w, PV_SEAL_UNIT, SPACE_UNIT_2, true, always); }
static bool seal_whole_later(world *w) {
    pv_interval later = {cal_add(w->on, 1), PV_DATE_NONE};
    return add_seal(w, PV_SEAL_WHOLE, NULL, false, later);
}

static bool lock_citizen(world *w) {
    if (w->citizen.login_locked) return false;
    w->citizen.login_locked = true;
    return true;
}

static bool lock_actor(world *w) {
    if (w->actor.kind == PV_ACTOR_SELF || w->actor.login_locked) return false;
    w->actor.login_locked = true;
    return true;
}

static bool seal_actor(world *w) {
    if (w->actor.kind == PV_ACTOR_SELF || w->actor.journal_sealed) return false;
    w->actor.journal_sealed = true;
    return true;
}

static bool block_guardian(world *w, size_t i) {
    if (w->guardians[i].blocked) return false;
    w->guardians[i].blocked = true;
    return true;
}

static bool block_g1(world *w) { return block_guardian(w, 0); }
static bool block_g2(world *w) { return block_guardian(w, 1); }

static bool protect_guardian(world *w, size_t i) {
    if (w->guardians[i].protected_identity) return false;
    w->guardians[i].protected_identity = true;
    return true;
}

static bool protect_g1(world *w) { return protect_guardian(w, 0); }
static bool protect_g2(world *w) { return protect_guardian(w, 1); }

static bool protect_citizen(world *w) {
    if (w->citizen.protected_identity) return false;
    w->citizen.protected_identity = true;
    return true;
}

static bool remove_grant(world *w, size_t i) {
    if (i >= w->citizen.grant_count) return false;
    for (size_t j = i + 1; j < w->citizen.grant_count; j++) w->grants[j - 1] = w->grants[j];
    w->citizen.grant_count--;
    return true;
}

static bool remove_grant_0(world *w) { return remove_grant(w, 0); }
static bool remove_grant_1(world *w) { return remove_grant(w, 1); }

static bool drop_cares(world *w) {
    if (!w->representatives[0].cares_for_person) return false;
    w->representatives[0].cares_for_person = false;
    return true;
}

static bool drop_consent(world *w) {
    if (!w->representatives[0].consent) return false;
    w->representatives[0].consent = false;
    return true;
}

static bool drop_court_order(world *w) {
    if (!w->representatives[0].court_order) return false;
    w->representatives[0].court_order = false;
    return true;
}

/* The appointment ended the day before 'on'. */
static bool end_appointment(world *w) {
    pv_representative *r = &w->representatives[0];
    if (!cal_in(r->from, r->until, w->on)) return false;
    r->until = cal_add(w->on, -1);
    if (!cal_none(r->from) && cal_cmp(r->from, r->until) > 0) r->from = cal_add(w->on, -30);
    return true;
}

/* Authentication taken away (E1). */
static bool weaker_eid(world *w) {
    if (w->actor.eid != PV_EID_BANKID && w->actor.eid != PV_EID_FREJA_PLUS) return false;
    w->actor.eid = PV_EID_FREJA;
    return true;
}

static const struct {
    const char *name;
    change apply;
} restrictions[] = {
    {"lock the citizen's login", lock_citizen},
    {"lock the actor's login", lock_actor},
    {"seal the actor's journal account", seal_actor},
    {"add a whole seal", seal_whole},
    {"add a whole seal with a content period", seal_whole_content},
    {"add a seal of U1", seal_u1},
    {"add a seal of U1 with a content period", seal_u1_content},
    {"add a seal of U2", seal_u2},
    {"add a seal of U2 with a content period", seal_u2_content},
    {"add a whole seal from tomorrow", seal_whole_later},
    {"block g1", block_g1},
    {"block g2", block_g2},
    {"protect the citizen's identity", protect_citizen},
    {"protect g1's identity", protect_g1},
    {"protect g2's identity", protect_g2},
    {"remove the first grant", remove_grant_0},
    {"remove the second grant", remove_grant_1},
    {"remove 'cares for person'", drop_cares},
    {"remove the consent", drop_consent},
    {"remove the court order", drop_court_order},
    {"end the appointment", end_appointment},
    {"weaker e-ID", weaker_eid},
};

static bool add_grant(world *w, const char *holder, const char *unit, pv_date from, pv_date until) {
    if (w->citizen.grant_count >= sizeof w->grants / sizeof w->grants[0]) return false;
    pv_grant g = PV_GRANT_INIT;
    g.holder = holder;
    g.unit = unit;
    g.from = from;
    g.until = until;
    w->grants[w->citizen.grant_count++] = g;
    return true;
}

static bool grant_self_u1(world *w) { return add_grant(w, "self", SPACE_UNIT_1, PV_DATE_NONE, PV_DATE_NONE); }
static bool grant_self_u2(world *w) { return add_grant(w, "self", SPACE_UNIT_2, PV_DATE_NONE, PV_DATE_NONE); }
static bool grant_g1_u1(world *w) { return add_grant(w, "g1", SPACE_UNIT_1, PV_DATE_NONE, PV_DATE_NONE); }
static bool grant_g1_u2(world *w) { return add_grant(w, "g1", SPACE_UNIT_2, PV_DATE_NONE, PV_DATE_NONE); }
static bool grant_g2_u1(world *w) { return add_grant(w, "g2", SPACE_UNIT_1, PV_DATE_NONE, PV_DATE_NONE); }
static bool grant_self_u1_later(world *w) {
    return add_grant(w, "self", SPACE_UNIT_1, cal_add(w->on, 1), PV_DATE_NONE);
}

static const struct {
    const char *name;
    change apply;
} grants[] = {
    {"grant the citizen U1", grant_self_u1},
    {"grant the citizen U2", grant_self_u2},
    {"grant g1 U1", grant_g1_u1},
    {"grant g1 U2", grant_g1_u2},
    {"grant g2 U1", grant_g2_u1},
    {"grant the citizen U1 from tomorrow", grant_self_u1_later},
};

/* ---- PR: the prepared record ------------------------------------------------------------- */

static max_align_t prepared_storage[PV_PREPARED_MAX_SIZE / sizeof(max_align_t)];

/* Prepares the world's citizen; NULL (and the error in '*err') when pv_prepare() refuses it. */
static const pv_prepared *prepare_world(const world *w, pv_error *err) {
    pv_prepared *record = NULL;
    *err = (pv_error)PV_ERROR_INIT;
    if (pv_prepare(&w->citizen, prepared_storage, sizeof prepared_storage, &record, err) != PV_OK) {
        return NULL;
    }
    checks[P_PREPARED]++;
    if (pv_prepared_check(record, &w->citizen, NULL) != PV_OK) {
        fail(P_PREPARED, NULL, NULL, "pv_prepared_check refuses the citizen just prepared");
    }
    return record;
}

/* The prepared record's decision on 'on' equals 'want' (pv_evaluate's, or pv_decide's without
   changes_on), and its status and error the given ones. */
static void check_prepared_on(const world *w, const pv_prepared *record, pv_date on,
                              const pv_decision *want, bool with_changes_on, pv_status status,
                              const pv_error *err) {
    pv_decision d = PV_DECISION_INIT;
    pv_error e = PV_ERROR_INIT;
    pv_status st = pv_evaluate_prepared(record, &w->citizen, &w->actor, &w->service, on, &d, &e);
    checks[P_PREPARED]++;
    if (st != status || !same_decision(&d, want) ||
        (with_changes_on && cal_cmp(d.changes_on, want->changes_on) != 0) ||
        e.status != err->status || e.rule != err->rule || strcmp(e.field, err->field) != 0) {
        current_error = &e;
        fail(P_PREPARED, NULL, &d, "pv_evaluate_prepared on %04d-%02d-%02d differs (field '%s')",
             on.year, on.month, on.day, err->field);
    }
}

static void decide(const world *w, pv_date on, pv_decision *d, const world *for_report) {
    static pv_error err;
    err = (pv_error)PV_ERROR_INIT;
    *d = (pv_decision)PV_DECISION_INIT;
    if (pv_decide(&w->citizen, &w->actor, &w->service, on, d, &err) != PV_OK) {
        current_error = &err;
        fail(P_INVALID, for_report, d, "a state of the space is rejected as invalid input");
    }
    if (!error_clear(&err)) {
        current_error = &err;
        fail(P_I1, for_report, d, "pv_decide: a field path, message or rule on valid input");
    }
}

/* I2 on a deny: every restricted neighbour denies, with every reason kept. I3 on a permit:
   every neighbour with a grant added permits, with no reason added. */
static void check_neighbours(const world *w, const pv_decision *d) {
    world n;
    pv_decision nd;
    if (d->effect == PV_EFFECT_DENY) {
        for (size_t i = 0; i < sizeof restrictions / sizeof restrictions[0]; i++) {
            world_copy(&n, w);
            if (!restrictions[i].apply(&n)) continue;
            decide(&n, n.on, &nd, &n);
            checks[P_I2]++;
            if (nd.effect != PV_EFFECT_DENY || (nd.reasons & d->reasons) != d->reasons) {
                fail(P_I2, &n, &nd, "\"%s\" turned a deny (%s) into a permit or took a reason away",
                     restrictions[i].name, pv_reason_name(d->reason));
            }
        }
    } else {
        for (size_t i = 0; i < sizeof grants / sizeof grants[0]; i++) {
            world_copy(&n, w);
            if (!grants[i].apply(&n)) continue;
            decide(&n, n.on, &nd, &n);
            checks[P_I3]++;
            if (nd.effect != PV_EFFECT_PERMIT) {
                fail(P_I3, &n, &nd, "\"%s\" turned a permit (%s) into a deny", grants[i].name,
                     pv_reason_name(d->reason));
            }
        }
    }
}

/* ---- I6: changes_on ------------------------------------------------------------------------ */

enum { MAX_CANDIDATES = 32 };

static void add_candidate(pv_date *list, size_t *n, pv_date on, pv_date c) {
    if (cal_none(c) || cal_cmp(c, on) <= 0 || *n >= MAX_CANDIDATES) return;
    list[(*n)++] = c;
}

static void add_interval(pv_date *list, size_t *n, pv_date on, pv_date from, pv_date until) {
    add_candidate(list, n, on, from);
    if (!cal_none(until)) add_candidate(list, n, on, cal_add(until, 1));
}

static int compare_dates(const void *a, const void *b) {
    return cal_cmp(*(const pv_date *)a, *(const pv_date *)b);
}

/* T1: the 13th and 16th birthdays, and the first day inside and after every validity interval
   of the input: seals' active intervals, grants, appointments, the periods of section 11 (H3;
   not content periods). Sorted,
   without repeats, after 'on'. */
static size_t t1_candidates(const world *w, pv_date *list) {
    const pv_citizen *c = &w->citizen;
    size_t n = 0;
    add_candidate(list, &n, w->on, cal_birthday(c->birth_date, 13));
    add_candidate(list, &n, w->on, cal_birthday(c->birth_date, 16));
    for (size_t i = 0; i < c->seal_count; i++) {
        add_interval(list, &n, w->on, c->seals[i].active.from, c->seals[i].active.until);
    }
    for (size_t i = 0; i < c->grant_count; i++) {
        add_interval(list, &n, w->on, c->grants[i].from, c->grants[i].until);
    }
    for (size_t i = 0; i < c->representative_count; i++) {
        add_interval(list, &n, w->on, c->representatives[i].from, c->representatives[i].until);
    }
    /* H3: the periods of section 11. */
    for (size_t i = 0; i < c->login_lock_period_count; i++) {
        add_interval(list, &n, w->on, c->login_lock_periods[i].when.from,
                     c->login_lock_periods[i].when.until);
    }
    for (size_t i = 0; i < c->protected_identity_period_count; i++) {
        add_interval(list, &n, w->on, c->protected_identity_periods[i].from,
                     c->protected_identity_periods[i].until);
    }
    for (size_t g = 0; g < c->guardian_count; g++) {
        const pv_guardian *gd = &c->guardians[g];
        for (size_t i = 0; i < gd->blocked_period_count; i++) {
            add_interval(list, &n, w->on, gd->blocked_periods[i].from, gd->blocked_periods[i].until);
        }
        for (size_t i = 0; i < gd->protected_identity_period_count; i++) {
            add_interval(list, &n, w->on, gd->protected_identity_periods[i].from,
                         gd->protected_identity_periods[i].until);
        }
    }
    qsort(list, n, sizeof *list, compare_dates);
    size_t u = 0;
    for (size_t i = 0; i < n; i++) {
        if (u == 0 || cal_cmp(list[u - 1], list[i]) != 0) list[u++] = list[i];
    }
    return u;
}

static bool same_expected(const expected *a, const expected *b) {
    return a->effect == b->effect && a->reason == b->reason && a->filtered == b->filtered;
}

static void check_i6(const world *w, const pv_decision *d, rng *r, bool spot) {
    pv_date list[MAX_CANDIDATES];
    size_t n = t1_candidates(w, list);
    const pv_date ch = d->changes_on;
    if (!cal_none(ch) && cal_cmp(ch, w->on) <= 0) fail(P_I6, NULL, d, "changes_on is not after on");

    /* The oracle's changes_on: the first candidate whose decision differs. */
    expected now, then;
    oracle(w, w->on, &now);
    pv_date want = PV_DATE_NONE;
    bool found = false;
    pv_error prep_err;
    const pv_prepared *record = prepare_world(w, &prep_err);
    const pv_error none = PV_ERROR_INIT;
    for (size_t i = 0; i < n; i++) {
        pv_decision x;
        decide(w, list[i], &x, NULL);
        if (record != NULL) check_prepared_on(w, record, list[i], &x, false, PV_OK, &none);
        oracle(w, list[i], &then);
        checks[P_ORACLE]++;
        if (!oracle_agrees(&then, &x)) {
            fprintf(stderr, "on %04d-%02d-%02d\n", list[i].year, list[i].month, list[i].day);
            print_expected(stderr, &then);
            fail(P_ORACLE, NULL, &x, "the decision on a later T1 candidate differs from the oracle");
        }
        if (cal_none(want) && !same_expected(&then, &now)) want = list[i];
        if (found) continue;
        checks[P_I6]++;
        int cmp = cal_none(ch) ? -1 : cal_cmp(list[i], ch);
        if (cmp < 0 && !same_answer(&x, d)) {
            fail(P_I6, NULL, &x, "the decision on %04d-%02d-%02d, a candidate before changes_on, differs",
                 list[i].year, list[i].month, list[i].day);
        }
        if (cmp == 0) {
            if (same_answer(&x, d)) fail(P_I6, NULL, &x, "the decision on changes_on is the same");
            found = true;
        }
        if (cmp > 0) fail(P_I6, NULL, d, "changes_on is not a T1 candidate");
    }
    if (!cal_none(ch) && !found) fail(P_I6, NULL, d, "changes_on is not a T1 candidate");
    checks[P_ORACLE_T1]++;
    if (cal_cmp(want, ch) != 0 && !(cal_none(want) && cal_none(ch))) {
        fprintf(stderr, "oracle changes_on %04d-%02d-%02d\n", want.year, want.month, want.day);
        fail(P_ORACLE_T1, NULL, d, "changes_on differs from the oracle's");
    }

    /* Days that are no candidate: the day before changes_on, and on a sample random days
       before it (or after the last candidate when the decision never changes). */
    pv_decision x;
    if (!cal_none(ch)) {
        pv_date before = cal_add(ch, -1);
        if (cal_cmp(before, w->on) > 0) {
            decide(w, before, &x, NULL);
            checks[P_I6_SPOT]++;
            if (!same_answer(&x, d)) fail(P_I6_SPOT, NULL, &x, "the day before changes_on differs");
        }
    }
    if (!spot) return;
    int32_t first = cal_days(w->on) + 1;
    int32_t last = cal_none(ch) ? (n > 0 ? cal_days(list[n - 1]) : first) + 3650 : cal_days(ch) - 1;
    for (int k = 0; k < 3 && last >= first; k++) {
        pv_date day = cal_from_days(first + (int32_t)rng_below(r, (int)(last - first + 1)));
        decide(w, day, &x, NULL);
        checks[P_I6_SPOT]++;
        if (!same_answer(&x, d)) {
            fail(P_I6_SPOT, NULL, &x, "the decision on %04d-%02d-%02d, before changes_on, differs",
                 day.year, day.month, day.day);
        }
    }
}

/* ---- Invalid input -------------------------------------------------------------------------- */

/* A service as PV_SERVICE_INIT makes it, then set. */
static pv_service service_of(pv_service_kind kind, pv_channel channel, const char *unit,
                             pv_date entry_date) {
    pv_service s = PV_SERVICE_INIT;
    s.kind = kind;
    s.channel = channel;
    s.unit = unit;
    s.entry_date = entry_date;
    return s;
}

/* V1: the status, the fail-closed deny and the pv_error naming 'field'; pv_validate() names the
   same field. */
static void expect_invalid(const world *w, const char *field, const char *what) {
    pv_decision d = PV_DECISION_INIT;
    pv_error err = PV_ERROR_INIT;
    checks[P_INVALID]++;
    pv_status st = pv_evaluate(&w->citizen, &w->actor, &w->service, w->on, &d, &err);
    current_error = &err;
    if (st != PV_ERR_INVALID_INPUT || d.effect != PV_EFFECT_DENY ||
        d.reason != PV_REASON_INVALID_INPUT || d.rule != PV_RULE_V1 ||
        d.reasons != 1u << PV_REASON_INVALID_INPUT || !cal_none(d.changes_on) ||
        err.status != st || err.rule != PV_RULE_V1 || err.message == NULL ||
        strcmp(err.field, field) != 0) {
        fail(P_INVALID, w, &d, "%s: expected INVALID_INPUT at %s (status %s)", what, field,
             pv_status_name(st));
    }
    pv_error check = PV_ERROR_INIT;
    if (pv_validate(&w->citizen, &w->actor, &w->service, w->on, &check) != PV_ERR_INVALID_INPUT ||
        strcmp(check.field, field) != 0) {
        current_error = &check;
        fail(P_INVALID, w, &d, "%s: pv_validate does not name %s", what, field);
    }
    if (pv_message(d.reason, w->actor.kind, PV_LANGUAGE_SV) == NULL) fail(P_INVALID, w, &d, "no message");
    /* PR: the prepared path refuses it alike, at pv_prepare() for the citizen's fields. */
    pv_error prep_err;
    const pv_prepared *record = prepare_world(w, &prep_err);
    if (record != NULL) {
        check_prepared_on(w, record, w->on, &d, true, st, &err);
    } else if (strcmp(prep_err.field, field) != 0) {
        current_error = &prep_err;
        fail(P_PREPARED, w, &d, "%s: pv_prepare names '%s', pv_evaluate %s", what,
             prep_err.field, field);
    }
    current_error = NULL;
}

/* The outputs are versioned too: a decision left uninitialised is named "out.version" and gets
   the fail-closed deny; an error left uninitialised is not written, and the call fails. */
static void check_invalid_outputs(const world *w) {
    pv_decision d = PV_DECISION_INIT;
    d.version = 0;
    pv_error err = PV_ERROR_INIT;
    checks[P_INVALID]++;
    pv_status st = pv_evaluate(&w->citizen, &w->actor, &w->service, w->on, &d, &err);
    current_error = &err;
    if (st != PV_ERR_INVALID_INPUT || strcmp(err.field, "out.version") != 0 ||
        d.effect != PV_EFFECT_DENY || d.reason != PV_REASON_INVALID_INPUT) {
        fail(P_INVALID, w, &d, "a decision of version 0: expected INVALID_INPUT at out.version");
    }
    pv_error zero;
    memset(&zero, 0, sizeof zero);
    pv_decision e = PV_DECISION_INIT;
    checks[P_INVALID]++;
    st = pv_evaluate(&w->citizen, &w->actor, &w->service, w->on, &e, &zero);
    current_error = NULL;
    if (st != PV_ERR_INVALID_INPUT || e.effect != PV_EFFECT_DENY ||
        e.reason != PV_REASON_INVALID_INPUT || zero.version != 0 || zero.field[0] != '\0') {
        fail(P_INVALID, w, &e, "an error of version 0: expected INVALID_INPUT, the error unwritten");
    }
}

/* Section 8: the actor 'self' with its own lock or seal; e-services asked with a channel, a
   unit or an entry; an entry without a unit; a guardian without an id. And the versioned ABI:
   a kind, e-ID, service kind, seal scope or representative kind left unset (0) or out of range,
   a struct or an array element left uninitialised (version 0) or of a version the library does
   not know, each named. */
static void check_invalid(const world *w) {
    world n;
    if (w->actor.kind == PV_ACTOR_SELF) {
        const char *field = w->actor.login_locked ? "actor.login_locked" : "actor.journal_sealed";
        expect_invalid(w, field, "self with an own lock or seal");
        return;
    }
    world_copy(&n, w);
    n.service = service_of(PV_SERVICE_E_SERVICES, PV_CHANNEL_DIRECT, NULL, PV_DATE_NONE);
    expect_invalid(&n, "service.channel", "e-services through the direct channel");
    n.service = service_of(PV_SERVICE_E_SERVICES, PV_CHANNEL_PORTAL, SPACE_UNIT_1, PV_DATE_NONE);
    expect_invalid(&n, "service.unit", "e-services with a unit");
    n.service = service_of(PV_SERVICE_JOURNAL, PV_CHANNEL_PORTAL, NULL, w->on);
    expect_invalid(&n, "service.entry_date", "an entry without a unit");
    world_copy(&n, w);
    n.actor.kind = PV_ACTOR_GUARDIAN;
    n.actor.id = NULL;
    expect_invalid(&n, "actor.id", "a guardian without an id");

    /* Enums whose zero is unset, and values past the last. */
    world_copy(&n, w);
    n.actor.kind = PV_ACTOR_KIND_UNSET;
    expect_invalid(&n, "actor.kind", "an actor kind left unset");
    n.actor.kind = PV_ACTOR_KIND_COUNT;
    expect_invalid(&n, "actor.kind", "an actor kind out of range");
    world_copy(&n, w);
    n.actor.eid = PV_EID_UNSET;
    expect_invalid(&n, "actor.eid", "an e-ID left unset");
    n.actor.eid = PV_EID_COUNT;
    expect_invalid(&n, "actor.eid", "an e-ID out of range");
    world_copy(&n, w);
    n.service.kind = PV_SERVICE_KIND_UNSET;
    expect_invalid(&n, "service.kind", "a service kind left unset");
    n.service.kind = PV_SERVICE_KIND_COUNT;
    expect_invalid(&n, "service.kind", "a service kind out of range");
    if (w->citizen.seal_count > 0) {
        world_copy(&n, w);
        n.seals[0].scope = PV_SEAL_SCOPE_UNSET;
        expect_invalid(&n, "citizen.seals[0].scope", "a seal scope left unset");
        n.seals[0].scope = PV_SEAL_SCOPE_COUNT;
        expect_invalid(&n, "citizen.seals[0].scope", "a seal scope out of range");
        world_copy(&n, w);
        n.seals[0].version = 0;
        expect_invalid(&n, "citizen.seals[0].version", "a seal left uninitialised");
    }
    if (w->citizen.representative_count > 0) {
        world_copy(&n, w);
        n.representatives[0].kind = PV_REPRESENTATIVE_KIND_UNSET;
        expect_invalid(&n, "citizen.representatives[0].kind", "a representative kind left unset");
        n.representatives[0].kind = PV_REPRESENTATIVE_KIND_COUNT;
        expect_invalid(&n, "citizen.representatives[0].kind", "a representative kind out of range");
    }

    /* Structs left uninitialised (version 0), and a version the library does not know. */
    world_copy(&n, w);
    n.citizen.version = 0;
    expect_invalid(&n, "citizen.version", "a citizen left uninitialised");
    world_copy(&n, w);
    n.actor.version = 0;
    expect_invalid(&n, "actor.version", "an actor left uninitialised");
    n.actor.version = PV_ACTOR_VERSION + 1;
    expect_invalid(&n, "actor.version", "an actor of a later version");
    world_copy(&n, w);
    n.service.version = 0;
    expect_invalid(&n, "service.version", "a service left uninitialised");
    if (w->citizen.guardian_count > 1) {
        world_copy(&n, w);
        n.guardians[1].version = 0;
        expect_invalid(&n, "citizen.guardians[1].version", "a guardian left uninitialised");
    }
    check_invalid_outputs(w);
}

/* ---- H1: a flag and one period open at both ends ------------------------------------------- */

/* Turns every fact of section 11 that is set as a flag into one open period beside the state's
   own periods (a lock period carries the flag's requester and case number, X1), and expects the
   same decision and changes_on. */
static void check_h1(const world *w, const pv_decision *d) {
    static const pv_interval open = {{0, 0, 0}, {0, 0, 0}};
    world x;
    world_copy(&x, w);
    pv_citizen *c = &x.citizen;
    bool changed = false;
    if (c->login_locked) {
        pv_lock_period *l = &x.lock_periods[c->login_lock_period_count++];
        *l = (pv_lock_period)PV_LOCK_PERIOD_INIT;
        l->requested_by = c->login_lock_requested_by;
        l->case_number = c->login_lock_case_number;
        c->login_locked = false;
        changed = true;
    }
    if (c->protected_identity) {
        x.protected_periods[c->protected_identity_period_count++] = open;
        c->protected_identity = false;
        changed = true;
    }
    for (size_t i = 0; i < c->guardian_count; i++) {
        pv_guardian *g = &x.guardians[i];
        if (g->blocked) {
            x.blocked_periods[i][g->blocked_period_count++] = open;
            g->blocked = false;
            changed = true;
        }
        if (g->protected_identity) {
            x.guardian_protected_periods[i][g->protected_identity_period_count++] = open;
            g->protected_identity = false;
            changed = true;
        }
    }
    if (!changed) return;
    checks[P_H1]++;
    pv_decision y = PV_DECISION_INIT;
    if (pv_evaluate(&x.citizen, &x.actor, &x.service, x.on, &y, NULL) != PV_OK ||
        !same_decision(&y, d) || cal_cmp(y.changes_on, d->changes_on) != 0) {
        fail(P_H1, &x, &y, "the flags given as open periods decide otherwise");
    }
}

/* ---- One state ------------------------------------------------------------------------------ */

static unsigned long long states;

static void check_state(const point *p, rng *r, bool spot) {
    world w;
    world_build(p, &w);
    current_point = p;
    current_world = &w;
    if (w.actor.kind == PV_ACTOR_SELF && (w.actor.login_locked || w.actor.journal_sealed)) {
        check_invalid(&w); /* section 8: not a state, an invalid input */
        return;
    }
    if (p->v[DIM_SERVICE] == 0 && p->v[DIM_ACTOR] == 4 && p->v[DIM_EID] == 0) check_invalid(&w);
    states++;
    pv_decision d = PV_DECISION_INIT, plain;
    pv_error err = PV_ERROR_INIT;
    current_error = &err;
    if (pv_evaluate(&w.citizen, &w.actor, &w.service, w.on, &d, &err) != PV_OK) {
        fail(P_INVALID, NULL, &d, "a state of the space is rejected as invalid input");
    }
    check_i1(&d, &err);
    current_error = NULL;
    pv_error prep_err;
    const pv_prepared *record = prepare_world(&w, &prep_err);
    if (record == NULL) fail(P_PREPARED, NULL, &d, "pv_prepare refuses a state of the space");
    check_prepared_on(&w, record, w.on, &d, true, PV_OK, &err);
    decide(&w, w.on, &plain, NULL);
    if (!same_decision(&plain, &d) || !cal_none(plain.changes_on)) {
        fail(P_I1, NULL, &plain, "pv_decide differs from pv_evaluate");
    }
    check_i8(&d);
    check_i4_i5(&w, &d);
    check_i7(&w, &d);
    expected e;
    oracle(&w, w.on, &e);
    checks[P_ORACLE]++;
    if (!oracle_agrees(&e, &d)) {
        print_expected(stderr, &e);
        fail(P_ORACLE, NULL, &d, "the decision differs from the oracle");
    }
    check_rules(&w, &d);
    check_neighbours(&w, &d);
    check_i6(&w, &d, r, spot);
    check_h1(&w, &d);
    current_point = NULL;
    current_world = NULL;
}

/* ---- The blocks ----------------------------------------------------------------------------- */

static unsigned long long run_block(size_t index, rng *r) {
    point p;
    memset(&p, 0, sizeof p);
    unsigned long long n = 0;
    do {
        if (space_seen_before(index, &p)) continue;
        check_state(&p, r, (n & 15) == 0);
        n++;
    } while (space_next(&p, space_blocks[index].dims));
    return n;
}

int main(int argc, char **argv) {
    /* The random part: how many points, beyond the blocks (argument 1 overrides). */
    long samples = argc > 1 ? strtol(argv[1], NULL, 10) : 500000;
    rng r = {0x706F727476616B74u}; /* "portvakt" */
    unsigned long long space = 1;
    for (int i = 0; i < DIM_COUNT; i++) space *= (unsigned long long)space_radix[i];
    printf("state space: %llu points\n", space);
    for (size_t b = 0; b < space_block_count; b++) {
        unsigned long long before = states;
        unsigned long long n = run_block(b, &r);
        printf("block %zu (%s): %llu points, %llu states\n", b + 1, space_blocks[b].name, n,
               states - before);
    }
    unsigned long long before = states;
    for (long k = 0; k < samples; k++) {
        point p;
        for (int i = 0; i < DIM_COUNT; i++) p.v[i] = rng_below(&r, space_radix[i]);
        check_state(&p, &r, (k & 15) == 0);
    }
    printf("random sample (seed 0x706F727476616B74): %ld points, %llu states\n", samples,
           states - before);
    printf("checked %llu states\n", states);
    for (int i = 0; i < P_COUNT; i++) printf("%s: %llu checks\n", property_names[i], checks[i]);
    return 0;
}
