/* test_plan_horizon.c — the planner's proof over time (pv_plan_measures, pv_prove_plan): the goal
   is checked on the proof's first day and on every later date up to the horizon on which one of
   the decisions it depends on changes (T1), reading the facts of RULES.md section 11 on each
   date (H2). So M-PROT's plan is seen to hold after a protection ends, and a plan without its
   measures to fail on the day after the protection's last day. The default horizon is the 18th
   birthday (A1), or five years for an adult; a goal may set it. Plans and goals of version 1
   (0.1.0) are read and written only as far as version 1. Expected dates are worked out from
   RULES.md. */
#include <stddef.h>

#include "suites.h"
#include "test_eval_util.h"

/* -- helpers -------------------------------------------------------------------------------- */

static bool same_date(pv_date a, pv_date b) {
    return pv_date_is_none(a) == pv_date_is_none(b) && pv_date_compare(a, b) == 0;
}

static void check_date(pv_date got, pv_date expected, const char *what, const char *file,
                       unsigned line) {
    char x[32], y[32];
    fx_check(same_date(got, expected), file, line, "%s %s, expected %s", what, fx_date_text(got, x),
             fx_date_text(expected, y));
}
#define CHECK_DATE(got, expected, what) check_date((got), (expected), (what), __FILE__, __LINE__)

static pv_goal goal_of(pv_goal_kind kind) {
    pv_goal g = PV_GOAL_INIT;
    g.kind = kind;
    return g;
}

static pv_goal guardian_goal(const char *id) {
    pv_goal g = goal_of(PV_GOAL_GUARDIAN);
    g.guardian = id;
    return g;
}

static pv_goal hide_unit_goal(const char *unit) {
    pv_goal g = goal_of(PV_GOAL_HIDE_UNIT);
    g.unit = unit;
    return g;
}

/* pv_plan_measures() into a plan filled with garbage but for its version. */
static pv_status plan(const fixture *f, const pv_goal *g, pv_plan *p, pv_error *err) {
    memset(p, 0x5A, sizeof *p);
    p->version = PV_PLAN_VERSION;
    *err = (pv_error)PV_ERROR_INIT;
    return pv_plan_measures(&f->citizen, g, f->on, p, err);
}

/* pv_prove_plan() of the measures in 'p', its proof filled with garbage first. */
static pv_status prove(const fixture *f, const pv_goal *g, pv_plan *p, pv_error *err) {
    p->holds = true;
    p->checked = 12345;
    memset(&p->proven_on, 0x5A, sizeof p->proven_on);
    memset(&p->horizon, 0x5A, sizeof p->horizon);
    memset(&p->fails_on, 0x5A, sizeof p->fails_on);
    *err = (pv_error)PV_ERROR_INIT;
    return pv_prove_plan(&f->citizen, g, f->on, p, err);
}

/* A plan of the caller's: no measures yet. */
static pv_plan empty_plan(void) {
    pv_plan p = PV_PLAN_INIT;
    return p;
}

static void add(pv_plan *p, pv_action action, const char *guardian) {
    pv_measure m = PV_MEASURE_INIT;
    m.action = action;
    m.routine = "caller";
    m.guardian = guardian;
    if (action == PV_ACTION_SEAL) {
        m.seal = (pv_seal)PV_SEAL_INIT;
        m.seal.scope = PV_SEAL_WHOLE;
    }
    p->measures[p->measure_count++] = m;
}

/* Leaves out the measures a routine calls for (e.g. "M-PROT"). */
static void drop_routine(pv_plan *p, const char *routine) {
    size_t kept = 0;
    for (size_t i = 0; i < p->measure_count; i++) {
        if (strcmp(p->measures[i].routine, routine) != 0) p->measures[kept++] = p->measures[i];
    }
    p->measure_count = kept;
}

/* Checks a proof: PV_OK, the first and last day, and whether (and when) the goal fails. */
static void check_proof(pv_status st, const pv_error *err, const pv_plan *p, pv_date proven_on,
                        pv_date horizon, pv_date fails_on, const char *file, unsigned line) {
    fx_check(st == PV_OK, file, line, "status %s (%.96s: %s)", pv_status_name(st), err->field,
             err->message ? err->message : "");
    fx_check(err->status == PV_OK && err->field[0] == '\0', file, line, "error not cleared");
    check_date(p->proven_on, proven_on, "proven on", file, line);
    check_date(p->horizon, horizon, "horizon", file, line);
    check_date(p->fails_on, fails_on, "fails on", file, line);
    fx_check(p->holds == pv_date_is_none(fails_on), file, line, "holds %d", (int)p->holds);
    fx_check(p->checked > 0, file, line, "the proof checked nothing");
}
#define CHECK_PROOF(st, err, p, proven_on, horizon, fails_on)                                      \
    check_proof((st), (err), (p), (proven_on), (horizon), (fails_on), __FILE__, __LINE__)

static pv_interval period(pv_date from, pv_date until) {
    pv_interval p = {from, until};
    return p;
}

/* The M-PROT household: a child born 2016-05-10 (13 on 2029-05-10, 18 on 2034-05-10), guardians
   g1 and g2, on 2026-03-04; the child's protected identity runs from 2025-01-01 to 2027-06-30. */
#define PROTECTION_ENDS D(2027, 6, 30)
#define DAY_AFTER_PROTECTION D(2027, 7, 1)
#define CHILD_18 D(2034, 5, 10)

static void protected_child(fixture *f, pv_interval *prot) {
    fx_init(f, D(2016, 5, 10), D(2026, 3, 4));
    *prot = period(D(2025, 1, 1), PROTECTION_ENDS);
    f->citizen.protected_identity_periods = prot;
    f->citizen.protected_identity_period_count = 1;
}

/* -- (a) M-PROT's plan holds after the protection ends ---------------------------------------- */

static void test_m_prot_plan_holds_through_the_horizon(void) {
    /* M-GUARD, M-PROT: g1 blocked (G3), the child's login locked (L1) and the journal sealed
       (J1): g1 is denied on every date to the 18th birthday, after the protection too. */
    fixture f;
    pv_interval prot;
    protected_child(&f, &prot);
    pv_goal g = guardian_goal("g1");
    pv_plan p;
    pv_error err;
    pv_status st = plan(&f, &g, &p, &err);
    CHECK_PROOF(st, &err, &p, f.on, CHILD_18, PV_DATE_NONE);
    CU_ASSERT_EQUAL(p.version, PV_PLAN_VERSION);
    CU_ASSERT_EQUAL(p.measure_count, 3u);
    size_t m_prot = 0;
    for (size_t i = 0; i < p.measure_count; i++) {
        m_prot += strcmp(p.measures[i].routine, "M-PROT") == 0 && p.measures[i].condition == NULL;
    }
    CU_ASSERT_EQUAL(m_prot, 2u);
    /* One day: g1's e-services and the whole journal through both channels (the record names
       no unit) = 3 decisions. Over time the decisions change only on the 13th birthday (G1,
       G2: PROXY_ENDED comes before GUARDIAN_BLOCKED; the protection's end leaves the primary
       reason GUARDIAN_BLOCKED), so the proof visits two dates: 6 decisions. */
    CU_ASSERT_EQUAL(p.checked, 6u);
    g.horizon = f.on;
    st = plan(&f, &g, &p, &err);
    CHECK_PROOF(st, &err, &p, f.on, f.on, PV_DATE_NONE);
    CU_ASSERT_EQUAL(p.checked, 3u);
}

/* -- (b) a plan without M-PROT's measures fails the day after the protection ------------------ */

static void test_without_m_prot_access_reopens_the_day_after_protection(void) {
    fixture f;
    pv_interval prot;
    protected_child(&f, &prot);
    pv_goal g1 = guardian_goal("g1");
    pv_goal g2 = guardian_goal("g2");
    pv_plan full, p;
    pv_error err;
    CU_ASSERT_EQUAL_FATAL(plan(&f, &g1, &full, &err), PV_OK);

    /* M-PROT is for every guardian: with the lock (L1) and the seal (J1) g2 stays out after
       the protection ends, though only g1 is blocked. */
    p = full;
    pv_status st = prove(&f, &g2, &p, &err);
    CHECK_PROOF(st, &err, &p, f.on, CHILD_18, PV_DATE_NONE);
    CU_ASSERT_EQUAL(p.measure_count, 3u); /* the measures are left as they are */

    /* Without M-PROT's measures g2 is kept out only by G4, until the protection's last day;
       on the day after, g2 is the proxy of a child of 11 again (G1, G2, H2, H3). */
    p = full;
    drop_routine(&p, "M-PROT");
    CU_ASSERT_EQUAL_FATAL(p.measure_count, 1u);
    st = prove(&f, &g2, &p, &err);
    CHECK_PROOF(st, &err, &p, f.on, CHILD_18, DAY_AFTER_PROTECTION);

    /* A plan proven on 'on' alone looks fine: during the protection G4 already denies every
       guardian, so even no measure at all holds for g1 on that day ... */
    p = empty_plan();
    g1.horizon = f.on;
    st = prove(&f, &g1, &p, &err);
    CHECK_PROOF(st, &err, &p, f.on, f.on, PV_DATE_NONE);
    /* ... and up to the protection's last day; the day after, it fails. */
    g1.horizon = PROTECTION_ENDS;
    st = prove(&f, &g1, &p, &err);
    CHECK_PROOF(st, &err, &p, f.on, PROTECTION_ENDS, PV_DATE_NONE);
    g1.horizon = DAY_AFTER_PROTECTION;
    st = prove(&f, &g1, &p, &err);
    CHECK_PROOF(st, &err, &p, f.on, DAY_AFTER_PROTECTION, DAY_AFTER_PROTECTION);
    g1.horizon = PV_DATE_NONE;
    st = prove(&f, &g1, &p, &err);
    CHECK_PROOF(st, &err, &p, f.on, CHILD_18, DAY_AFTER_PROTECTION);

    /* For the blocked guardian itself the block is enough (G3 in force on every date), and so
       are M-PROT's lock and seal without the block (L1 for e-services, J1 for the journal). */
    p = empty_plan();
    add(&p, PV_ACTION_BLOCK_GUARDIAN, "g1");
    st = prove(&f, &g1, &p, &err);
    CHECK_PROOF(st, &err, &p, f.on, CHILD_18, PV_DATE_NONE);
    p = empty_plan();
    add(&p, PV_ACTION_LOCK_LOGIN, NULL);
    add(&p, PV_ACTION_SEAL, NULL);
    st = prove(&f, &g1, &p, &err);
    CHECK_PROOF(st, &err, &p, f.on, CHILD_18, PV_DATE_NONE);
    /* The lock alone leaves the journal open after the protection (L2), and a conditional
       measure is not applied. */
    p = empty_plan();
    add(&p, PV_ACTION_LOCK_LOGIN, NULL);
    add(&p, PV_ACTION_SEAL, NULL);
    p.measures[1].condition = "if asked";
    st = prove(&f, &g1, &p, &err);
    CHECK_PROOF(st, &err, &p, f.on, CHILD_18, DAY_AFTER_PROTECTION);
}

static void test_guardian_protection_ends_m_prot(void) {
    /* G4: a guardian's own protected identity denies that guardian. g2 protected until
       2027-06-30: the planner's plan for g2 (block, M-PROT's lock and seal) holds; no measure at
       all fails on 2027-07-01. */
    fixture f;
    fx_init(&f, D(2016, 5, 10), D(2026, 3, 4));
    pv_interval prot = period(D(2025, 1, 1), PROTECTION_ENDS);
    f.guardians[1].protected_identity_periods = &prot;
    f.guardians[1].protected_identity_period_count = 1;
    pv_goal g2 = guardian_goal("g2");
    pv_plan p;
    pv_error err;
    pv_status st = plan(&f, &g2, &p, &err);
    CHECK_PROOF(st, &err, &p, f.on, CHILD_18, PV_DATE_NONE);
    CU_ASSERT_EQUAL(p.measure_count, 3u);
    p = empty_plan();
    st = prove(&f, &g2, &p, &err);
    CHECK_PROOF(st, &err, &p, f.on, CHILD_18, DAY_AFTER_PROTECTION);
}

/* -- (c) the default horizon ------------------------------------------------------------------ */

static void expect_default_horizon(pv_date birth, pv_date on, pv_date horizon, const char *file,
                                   unsigned line) {
    fixture f;
    fx_init(&f, birth, on);
    pv_goal g = goal_of(PV_GOAL_NO_JOURNAL);
    pv_plan p;
    pv_error err;
    pv_status st = plan(&f, &g, &p, &err);
    check_proof(st, &err, &p, on, horizon, PV_DATE_NONE, file, line);
}
#define EXPECT_DEFAULT_HORIZON(birth, on, horizon)                                                 \
    expect_default_horizon((birth), (on), (horizon), __FILE__, __LINE__)

static void test_default_horizon_18th_birthday_or_five_years_a1(void) {
    /* A child: the 18th birthday. */
    EXPECT_DEFAULT_HORIZON(D(2016, 5, 10), D(2026, 3, 4), D(2034, 5, 10));
    /* A1: born on 29 February, 18 on 28 February in a common year. */
    EXPECT_DEFAULT_HORIZON(D(2012, 2, 29), D(2026, 3, 4), D(2030, 2, 28));
    /* 17 on 'on', 18 the next day. */
    EXPECT_DEFAULT_HORIZON(D(2008, 3, 5), D(2026, 3, 4), D(2026, 3, 5));
    /* 18 on 'on' (an adult): five years. */
    EXPECT_DEFAULT_HORIZON(D(2008, 3, 4), D(2026, 3, 4), D(2031, 3, 4));
    EXPECT_DEFAULT_HORIZON(D(1980, 1, 20), D(2026, 3, 4), D(2031, 3, 4));
    /* A1: five years from 29 February end on 28 February of a common year. */
    EXPECT_DEFAULT_HORIZON(D(1980, 1, 20), D(2028, 2, 29), D(2033, 2, 28));
    /* The calendar ends on 9999-12-31. */
    EXPECT_DEFAULT_HORIZON(D(9980, 1, 20), D(9996, 6, 1), D(9998, 1, 20));
    EXPECT_DEFAULT_HORIZON(D(9970, 1, 20), D(9996, 6, 1), D(9999, 12, 31));

    /* The proof's first day counts: a unit hidden from a later date (J3) is proven from it,
       and the five years run from it; after the 18th birthday the child is an adult. */
    fixture f;
    fx_init(&f, D(1980, 1, 20), D(2026, 3, 4));
    pv_goal g = hide_unit_goal(U1);
    g.from = D(2026, 4, 1);
    pv_plan p;
    pv_error err;
    pv_status st = plan(&f, &g, &p, &err);
    CHECK_PROOF(st, &err, &p, D(2026, 4, 1), D(2031, 4, 1), PV_DATE_NONE);
    fx_init(&f, D(2016, 5, 10), D(2026, 3, 4));
    g.from = D(2035, 1, 1);
    st = plan(&f, &g, &p, &err);
    CHECK_PROOF(st, &err, &p, D(2035, 1, 1), D(2040, 1, 1), PV_DATE_NONE);
}

/* -- (d), (e) an explicit horizon, and one before the proof's first day ----------------------- */

static void expect_horizon_invalid(const fixture *f, const pv_goal *g, const char *file,
                                   unsigned line) {
    pv_plan p;
    pv_error err;
    pv_status st = plan(f, g, &p, &err);
    fx_check(st == PV_ERR_INVALID_INPUT, file, line, "status %s", pv_status_name(st));
    fx_check(strcmp(err.field, "goal.horizon") == 0, file, line, "field '%.96s'", err.field);
    fx_check(err.rule == PV_RULE_V1 && err.message != NULL, file, line, "not V1");
    fx_check(!p.holds && p.measure_count == 0, file, line, "an invalid plan holds");
    /* pv_prove_plan() names it alike */
    p = empty_plan();
    st = prove(f, g, &p, &err);
    fx_check(st == PV_ERR_INVALID_INPUT && strcmp(err.field, "goal.horizon") == 0, file, line,
             "pv_prove_plan: status %s, field '%.96s'", pv_status_name(st), err.field);
    fx_check(!p.holds && p.checked == 0 && pv_date_is_none(p.fails_on), file, line,
             "pv_prove_plan: an invalid proof holds");
}
#define EXPECT_HORIZON_INVALID(f, g) expect_horizon_invalid((f), (g), __FILE__, __LINE__)

static void test_explicit_horizon_and_one_before_on_v1(void) {
    fixture f;
    fx_init(&f, D(1980, 1, 20), D(2026, 3, 4));
    pv_goal g = goal_of(PV_GOAL_NOTHING);
    pv_plan p;
    pv_error err;
    /* a horizon after the default one, and the first day itself */
    g.horizon = D(2060, 12, 31);
    pv_status st = plan(&f, &g, &p, &err);
    CHECK_PROOF(st, &err, &p, f.on, D(2060, 12, 31), PV_DATE_NONE);
    g.horizon = f.on;
    st = plan(&f, &g, &p, &err);
    CHECK_PROOF(st, &err, &p, f.on, f.on, PV_DATE_NONE);
    /* V1: before 'on' */
    g.horizon = D(2026, 3, 3);
    EXPECT_HORIZON_INVALID(&f, &g);
    /* V1: after 'on' but before the first day of the proof (a unit hidden from later) */
    g = hide_unit_goal(U1);
    g.from = D(2026, 4, 1);
    g.horizon = D(2026, 3, 31);
    EXPECT_HORIZON_INVALID(&f, &g);
    g.horizon = D(2026, 4, 1);
    st = plan(&f, &g, &p, &err);
    CHECK_PROOF(st, &err, &p, D(2026, 4, 1), D(2026, 4, 1), PV_DATE_NONE);
    /* V1: a date that does not exist */
    g.horizon = D(2027, 2, 29);
    EXPECT_HORIZON_INVALID(&f, &g);
}

/* -- (f) hiding a unit: the proof fails when an age threshold or a grant changes -------------- */

static void test_hide_unit_fails_on_16th_birthday_or_grant_d1_s2_j3(void) {
    /* A child of 14 (born 2011-07-01: 16 on 2027-07-01, 18 on 2029-07-01) on 2026-03-04, no
       representative, no grant. Today no one reaches U1 without a measure: the child is 13 to
       15 without a grant (D1, UNDER_16), the guardians' proxy needs a grant (D2, PROXY_ENDED). */
    fixture f;
    fx_init(&f, D(2011, 7, 1), D(2026, 3, 4));
    f.citizen.representative_count = 0;
    pv_goal g = hide_unit_goal(U1);
    pv_plan p;
    pv_error err;
    /* The planner's unit seal (J2) holds to the 18th birthday. */
    pv_status st = plan(&f, &g, &p, &err);
    CHECK_PROOF(st, &err, &p, f.on, D(2029, 7, 1), PV_DATE_NONE);
    /* No measure: S2, the child reaches the unit on the 16th birthday. */
    p = empty_plan();
    st = prove(&f, &g, &p, &err);
    CHECK_PROOF(st, &err, &p, f.on, D(2029, 7, 1), D(2027, 7, 1));
    /* D1: a grant for U1 from 2026-09-01 lets the child in on that day. */
    fx_grant(&f, "self", U1, D(2026, 9, 1), PV_DATE_NONE);
    st = prove(&f, &g, &p, &err);
    CHECK_PROOF(st, &err, &p, f.on, D(2029, 7, 1), D(2026, 9, 1));
    /* J3: a unit seal in force until 2026-12-31 holds until then; the grant opens U1 the day
       after. */
    p = empty_plan();
    add(&p, PV_ACTION_SEAL, NULL);
    p.measures[0].seal.scope = PV_SEAL_UNIT;
    p.measures[0].seal.unit = U1;
    p.measures[0].seal.active.until = D(2026, 12, 31);
    st = prove(&f, &g, &p, &err);
    CHECK_PROOF(st, &err, &p, f.on, D(2029, 7, 1), D(2027, 1, 1));
    /* D2: a guardian's grant for U1 from 2026-06-01, with the child's grant gone. */
    f.citizen.grant_count = 0;
    fx_grant(&f, "g1", U1, D(2026, 6, 1), PV_DATE_NONE);
    p = empty_plan();
    st = prove(&f, &g, &p, &err);
    CHECK_PROOF(st, &err, &p, f.on, D(2029, 7, 1), D(2026, 6, 1));
    /* P2: a complete representative reaches U1 already on the first day. */
    f.citizen.grant_count = 0;
    f.citizen.representative_count = 1;
    st = prove(&f, &g, &p, &err);
    CHECK_PROOF(st, &err, &p, f.on, D(2029, 7, 1), f.on);
}

/* -- the cost: a decision is evaluated again only on the dates it changes (T1) ------------------ */

static void test_decisions_evaluated_again_only_when_they_change_t1_d1(void) {
    /* A child of 14 (16 on 2027-07-01), grants for U1 from 2026-06-01 and U2 from 2026-09-01, no
       guardian or representative; goal: no journal (a whole seal, J1). The checks of one day:
       the whole journal, U1 and U2, each through both channels = 6. Their primary reasons:
       UNDER_16 (D1: no grant in force) until a grant is in force, JOURNAL_SEALED from then on:
       the whole journal and U1 change on 2026-06-01 (4 decisions), U2 on 2026-09-01 (2); on the
       16th birthday JOURNAL_SEALED stays the primary reason. So 6 + 4 + 2 = 12 evaluations,
       not 3 dates x 6. */
    fixture f;
    fx_init(&f, D(2011, 7, 1), D(2026, 3, 4));
    f.citizen.guardian_count = 0;
    f.citizen.representative_count = 0;
    fx_grant(&f, "self", U1, D(2026, 6, 1), PV_DATE_NONE);
    fx_grant(&f, "self", U2, D(2026, 9, 1), PV_DATE_NONE);
    pv_goal g = goal_of(PV_GOAL_NO_JOURNAL);
    pv_plan p;
    pv_error err;
    pv_status st = plan(&f, &g, &p, &err);
    CHECK_PROOF(st, &err, &p, f.on, D(2029, 7, 1), PV_DATE_NONE);
    CU_ASSERT_EQUAL(p.checked, 12u);
    g.horizon = f.on;
    st = plan(&f, &g, &p, &err);
    CHECK_PROOF(st, &err, &p, f.on, f.on, PV_DATE_NONE);
    CU_ASSERT_EQUAL(p.checked, 6u);
}

/* -- ABI: version 1 of pv_plan and pv_goal ------------------------------------------------------ */

/* pv_plan as release 0.1.0 declared it. */
typedef struct plan_v1 {
    uint32_t version;
    pv_measure measures[PV_PLAN_MAX_MEASURES];
    size_t measure_count;
    bool holds;
    size_t checked;
    pv_date proven_on;
} plan_v1;

/* pv_goal as release 0.1.0 declared it. */
typedef struct goal_v1 {
    uint32_t version;
    pv_goal_kind kind;
    const char *guardian;
    const char *unit;
    pv_date from;
    pv_date until;
} goal_v1;

static bool canary_intact(const unsigned char *bytes, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (bytes[i] != 0xA5) return false;
    }
    return true;
}

static void test_v1_plan_written_only_as_far_as_v1(void) {
    /* The members of version 1 lie where 0.1.0 put them. */
    CU_ASSERT_EQUAL(offsetof(pv_plan, proven_on), offsetof(plan_v1, proven_on));
    CU_ASSERT_EQUAL(offsetof(pv_plan, checked), offsetof(plan_v1, checked));
    CU_ASSERT_EQUAL(offsetof(pv_goal, until), offsetof(goal_v1, until));
    fixture f;
    pv_interval prot;
    protected_child(&f, &prot);
    struct {
        plan_v1 plan;
        unsigned char canary[64];
    } box;
    /* Everything after proven_on (the struct's tail padding too) must stay as it was. */
    const size_t end = offsetof(plan_v1, proven_on) + sizeof(pv_date);
    memset(&box, 0xA5, sizeof box);
    box.plan.version = PV_PLAN_VERSION_1;
    pv_goal g = guardian_goal("g1");
    pv_error err = PV_ERROR_INIT;
    pv_status st = pv_plan_measures(&f.citizen, &g, f.on, (pv_plan *)(void *)&box.plan, &err);
    CU_ASSERT_EQUAL(st, PV_OK);
    CU_ASSERT_EQUAL(box.plan.version, PV_PLAN_VERSION_1);
    CU_ASSERT_EQUAL(box.plan.measure_count, 3u);
    CU_ASSERT_TRUE(box.plan.holds);
    CU_ASSERT_EQUAL(box.plan.checked, 6u); /* the proof spans the horizon all the same */
    CU_ASSERT_TRUE(same_date(box.plan.proven_on, f.on));
    CU_ASSERT_TRUE(canary_intact((const unsigned char *)&box + end, sizeof box - end));

    /* pv_prove_plan(): a v1 plan without M-PROT's measures, for g2: only 'holds' tells. */
    drop_routine((pv_plan *)(void *)&box.plan, "M-PROT");
    pv_goal g2 = guardian_goal("g2");
    st = pv_prove_plan(&f.citizen, &g2, f.on, (pv_plan *)(void *)&box.plan, &err);
    CU_ASSERT_EQUAL(st, PV_OK);
    CU_ASSERT_FALSE(box.plan.holds);
    CU_ASSERT_EQUAL(box.plan.measure_count, 1u);
    CU_ASSERT_TRUE(canary_intact((const unsigned char *)&box + end, sizeof box - end));
    /* an error writes no further either */
    g2.horizon = D(2000, 1, 1);
    st = pv_prove_plan(&f.citizen, &g2, f.on, (pv_plan *)(void *)&box.plan, &err);
    CU_ASSERT_EQUAL(st, PV_ERR_INVALID_INPUT);
    CU_ASSERT_FALSE(box.plan.holds);
    CU_ASSERT_TRUE(canary_intact((const unsigned char *)&box + end, sizeof box - end));
    g.horizon = D(2000, 1, 1);
    st = pv_plan_measures(&f.citizen, &g, f.on, (pv_plan *)(void *)&box.plan, &err);
    CU_ASSERT_EQUAL(st, PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(box.plan.measure_count, 0u);
    CU_ASSERT_TRUE(canary_intact((const unsigned char *)&box + end, sizeof box - end));
}

static void test_v1_goal_means_the_default_horizon(void) {
    /* A goal of version 1 ends at 'until': what follows it is not a horizon. Here it would be
       one before 'on' (invalid) if the library read it. */
    CU_ASSERT_EQUAL_FATAL(sizeof(goal_v1), offsetof(pv_goal, horizon));
    fixture f;
    pv_interval prot;
    protected_child(&f, &prot);
    struct {
        goal_v1 goal;
        pv_date trap;
    } box;
    memset(&box, 0, sizeof box);
    box.goal.version = PV_GOAL_VERSION_1;
    box.goal.kind = PV_GOAL_GUARDIAN;
    box.goal.guardian = "g2";
    box.trap = D(2000, 1, 1);
    pv_plan p = empty_plan();
    pv_error err;
    pv_status st = prove(&f, (const pv_goal *)(const void *)&box.goal, &p, &err);
    CHECK_PROOF(st, &err, &p, f.on, CHILD_18, DAY_AFTER_PROTECTION);
    /* the same bytes as a goal of version 2: the horizon is read, and refused */
    box.goal.version = PV_GOAL_VERSION;
    st = prove(&f, (const pv_goal *)(const void *)&box.goal, &p, &err);
    CU_ASSERT_EQUAL(st, PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(err.field, "goal.horizon");
    /* a version after 2 is not known */
    box.goal.version = PV_GOAL_VERSION + 1;
    st = prove(&f, (const pv_goal *)(const void *)&box.goal, &p, &err);
    CU_ASSERT_EQUAL(st, PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(err.field, "goal.version");
}

/* -- pv_prove_plan: the caller's measures --------------------------------------------------- */

static void expect_prove_invalid(const fixture *f, const pv_goal *g, pv_plan *p, const char *field,
                                 const char *file, unsigned line) {
    pv_error err;
    pv_status st = prove(f, g, p, &err);
    fx_check(st == PV_ERR_INVALID_INPUT, file, line, "status %s, expected invalid for '%s'",
             pv_status_name(st), field);
    fx_check(strcmp(err.field, field) == 0, file, line, "field '%.96s', expected '%s'", err.field,
             field);
    fx_check(err.rule == PV_RULE_V1 && err.message != NULL, file, line, "not V1");
    fx_check(!p->holds && p->checked == 0 && pv_date_is_none(p->proven_on), file, line,
             "an invalid proof holds");
}
#define EXPECT_PROVE_INVALID(f, g, p, field)                                                       \
    expect_prove_invalid((f), (g), (p), (field), __FILE__, __LINE__)

static void test_prove_plan_invalid_measures_v1(void) {
    fixture f;
    fx_init(&f, D(2016, 5, 10), D(2026, 3, 4));
    pv_goal g = guardian_goal("g1");
    pv_plan p = empty_plan();
    /* more measures than a plan holds */
    p.measure_count = PV_PLAN_MAX_MEASURES + 1;
    EXPECT_PROVE_INVALID(&f, &g, &p, "plan.measure_count");
    /* an action the proof does not apply, or none at all */
    p = empty_plan();
    add(&p, PV_ACTION_BLOCK_GUARDIAN, "g1");
    add(&p, PV_ACTION_UNLOCK_LOGIN, NULL);
    EXPECT_PROVE_INVALID(&f, &g, &p, "plan.measures[1].action");
    p.measures[1].action = PV_ACTION_COUNT;
    p.measures[1].condition = "if asked";
    EXPECT_PROVE_INVALID(&f, &g, &p, "plan.measures[1].action");
    /* a conditional measure is not applied, so any action will do */
    p.measures[1].action = PV_ACTION_UNLOCK_LOGIN;
    pv_error err;
    pv_status st = prove(&f, &g, &p, &err);
    CHECK_PROOF(st, &err, &p, f.on, CHILD_18, PV_DATE_NONE);
    /* a block of someone who is not a guardian of the record */
    p = empty_plan();
    add(&p, PV_ACTION_BLOCK_GUARDIAN, "g9");
    EXPECT_PROVE_INVALID(&f, &g, &p, "plan.measures[0].guardian");
    p.measures[0].guardian = NULL;
    EXPECT_PROVE_INVALID(&f, &g, &p, "plan.measures[0].guardian");
    /* malformed seals (section 8), named inside the measure */
    p = empty_plan();
    add(&p, PV_ACTION_LOCK_LOGIN, NULL);
    add(&p, PV_ACTION_SEAL, NULL);
    p.measures[1].seal.scope = PV_SEAL_UNIT;
    EXPECT_PROVE_INVALID(&f, &g, &p, "plan.measures[1].seal.unit");
    p.measures[1].seal.unit = U1;
    p.measures[1].seal.active.from = D(2027, 1, 1);
    p.measures[1].seal.active.until = D(2026, 1, 1);
    EXPECT_PROVE_INVALID(&f, &g, &p, "plan.measures[1].seal.active.from");
    p.measures[1].seal.active.until = PV_DATE_NONE;
    p.measures[1].seal.version = 0;
    EXPECT_PROVE_INVALID(&f, &g, &p, "plan.measures[1].seal.version");
    /* the goal and the record as pv_plan_measures() checks them */
    p = empty_plan();
    pv_goal bad = guardian_goal("g9");
    EXPECT_PROVE_INVALID(&f, &bad, &p, "goal.guardian");
    EXPECT_PROVE_INVALID(&f, NULL, &p, "goal");
    f.citizen.birth_date = D(2023, 2, 29);
    EXPECT_PROVE_INVALID(&f, &g, &p, "citizen.birth_date");
}

static void test_plan_output_checks_v1(void) {
    fixture f;
    fx_init(&f, D(2016, 5, 10), D(2026, 3, 4));
    pv_goal g = guardian_goal("g1");
    pv_plan p = empty_plan();
    pv_error err = PV_ERROR_INIT;
    /* no plan */
    CU_ASSERT_EQUAL(pv_prove_plan(&f.citizen, &g, f.on, NULL, &err), PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(err.field, "plan");
    CU_ASSERT_EQUAL(pv_plan_measures(&f.citizen, &g, f.on, NULL, &err), PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(err.field, "out");
    /* a version this library does not know (0: never initialised; 3: from a later library) */
    p.version = 0;
    CU_ASSERT_EQUAL(pv_prove_plan(&f.citizen, &g, f.on, &p, &err), PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(err.field, "plan.version");
    p.version = PV_PLAN_VERSION + 1;
    CU_ASSERT_EQUAL(pv_plan_measures(&f.citizen, &g, f.on, &p, &err), PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(err.field, "out.version");
    /* an error the library cannot write: the call fails all the same */
    p = empty_plan();
    pv_error unknown = PV_ERROR_INIT;
    unknown.version = PV_ERROR_VERSION + 1;
    CU_ASSERT_EQUAL(pv_prove_plan(&f.citizen, &g, f.on, &p, &unknown), PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(pv_plan_measures(&f.citizen, &g, f.on, &p, &unknown), PV_ERR_INVALID_INPUT);
    CU_ASSERT_FALSE(p.holds);
    /* without an error to write, a proof is made as with one */
    CU_ASSERT_EQUAL(pv_prove_plan(&f.citizen, &g, f.on, &p, NULL), PV_OK);
    CU_ASSERT_FALSE(p.holds); /* no measure: g1 is the proxy of a child of 9 (G1) */
    CU_ASSERT_TRUE(same_date(p.fails_on, f.on));
}

int register_plan_horizon_suite(void) {
    static const pv_test_case cases[] = {
        {"M-PROT, M-GUARD, H2, T1: M-PROT's plan holds through the horizon",
         test_m_prot_plan_holds_through_the_horizon},
        {"M-PROT, G4, G1, H2, H3: without M-PROT's measures access reopens the day after",
         test_without_m_prot_access_reopens_the_day_after_protection},
        {"M-PROT, G4: a guardian's protection that ends", test_guardian_protection_ends_m_prot},
        {"A1, J3: the default horizon is the 18th birthday, or five years",
         test_default_horizon_18th_birthday_or_five_years_a1},
        {"V1: an explicit horizon, and one before the proof's first day",
         test_explicit_horizon_and_one_before_on_v1},
        {"S2, D1, D2, J3, P2: hiding a unit fails when an age or a grant changes",
         test_hide_unit_fails_on_16th_birthday_or_grant_d1_s2_j3},
        {"T1, D1, J1: a decision is evaluated again only on the dates it changes",
         test_decisions_evaluated_again_only_when_they_change_t1_d1},
        {"ABI: a plan of version 1 is written only as far as version 1",
         test_v1_plan_written_only_as_far_as_v1},
        {"ABI: a goal of version 1 has the default horizon",
         test_v1_goal_means_the_default_horizon},
        {"V1: pv_prove_plan names the measure it cannot apply",
         test_prove_plan_invalid_measures_v1},
        {"V1: the plan's own checks", test_plan_output_checks_v1},
        {NULL, NULL},
    };
    return pv_add_suite("the planner's proof over time (T1, H2, M-PROT)", cases);
}
