/* test_beyond.c — the questions beyond a yes/no: who can see what (pv_who_can_see), when a
   decision changes (pv_timeline, T1), whether a record follows the routines of RULES.md section 5
   (pv_advise: M-GUARD, M-PROT, M-13, X1), which measures reach a goal and whether they hold
   (pv_plan_measures: M-ALL, M-GUARD, M-PROT, J2, J4), and who may change a measure
   (pv_may_change: X1 to X7). Expected values come from RULES.md and the header; where a function
   is built on pv_evaluate(), its decisions are also compared with pv_evaluate()'s own. */
#include "suites.h"
#include "test_eval_util.h"

#define U3 "SE2321000016-3GHI"

enum {
    ROWS_MAX = 64,
    STEPS_MAX = 32,
    ITEMS_MAX = 16
};

/* -- helpers -------------------------------------------------------------------------------- */

/* An actor named in the record as pv_who_can_see() takes it: BankID, no own lock or seal. */
static pv_actor named_actor(pv_actor_kind kind, const char *id) {
    pv_actor a = PV_ACTOR_INIT;
    a.kind = kind;
    a.id = id;
    a.eid = PV_EID_BANKID;
    return a;
}

/* E-services through the portal, or the journal (whole or one unit) through 'channel'. */
static pv_service service_of(pv_service_kind kind, pv_channel channel, const char *unit) {
    pv_service s = PV_SERVICE_INIT;
    s.kind = kind;
    s.channel = kind == PV_SERVICE_E_SERVICES ? PV_CHANNEL_PORTAL : channel;
    s.unit = unit;
    return s;
}

static bool same_date(pv_date a, pv_date b) {
    return pv_date_is_none(a) == pv_date_is_none(b) && pv_date_compare(a, b) == 0;
}

static bool same_text(const char *a, const char *b) {
    if (a == NULL || b == NULL) return a == b;
    return strcmp(a, b) == 0;
}

/* Case-insensitive substring test for the English condition sentences. */
static bool mentions(const char *text, const char *word) {
    if (text == NULL) return false;
    size_t n = strlen(word);
    for (const char *p = text; *p != '\0'; p++) {
        size_t i = 0;
        while (i < n && p[i] != '\0') {
            char a = p[i], b = word[i];
            if (a >= 'A' && a <= 'Z') a = (char)(a - 'A' + 'a');
            if (b >= 'A' && b <= 'Z') b = (char)(b - 'A' + 'a');
            if (a != b) break;
            i++;
        }
        if (i == n) return true;
    }
    return false;
}

static bool any_condition_mentions(const pv_permission *p, const char *word) {
    for (size_t i = 0; i < p->condition_count && i < PV_MAY_MAX_CONDITIONS; i++) {
        if (mentions(p->conditions[i], word)) return true;
    }
    return false;
}

/* pv_evaluate() for 'actor' and 'service' on 'on', as a fresh decision. */
static pv_status evaluate(const pv_citizen *c, const pv_actor *a, const pv_service *s, pv_date on,
                          pv_decision *d) {
    memset(d, 0x5A, sizeof *d);
    d->version = PV_DECISION_VERSION;
    return pv_evaluate(c, a, s, on, d, NULL);
}

/* A pv_error filled with garbage but for its version, so that every field must be written. */
static void garbage_error(pv_error *err) {
    memset(err, 0x5A, sizeof *err);
    err->version = PV_ERROR_VERSION;
}

/* Checks a pv_error after a call that returned 'status': on PV_OK cleared (PV_OK, "", NULL),
   else the same status, a message, 'field' and, for PV_ERR_INVALID_INPUT, rule V1. 'field' NULL
   checks no field. */
static void check_error(const pv_error *err, pv_status status, const char *field, const char *file,
                        unsigned line) {
    fx_check(err->status == status, file, line, "pv_error.status %s, expected %s",
             pv_status_name(err->status), pv_status_name(status));
    if (status == PV_OK) {
        fx_check(err->field[0] == '\0' && err->message == NULL, file, line,
                 "pv_error not cleared on success: field '%.96s'", err->field);
        return;
    }
    fx_check(err->message != NULL && err->message[0] != '\0', file, line,
             "pv_error without a message");
    if (status == PV_ERR_INVALID_INPUT) {
        fx_check(err->rule == PV_RULE_V1, file, line, "pv_error.rule %s, expected V1",
                 fx_rule_text(err->rule));
    }
    if (field != NULL) {
        fx_check(strcmp(err->field, field) == 0, file, line, "field '%.96s', expected '%s'",
                 err->field, field);
    }
}
#define CHECK_ERROR(err, status, field) check_error((err), (status), (field), __FILE__, __LINE__)

/* -- pv_who_can_see ------------------------------------------------------------------------- */

/* Calls pv_who_can_see() with a capacity of ROWS_MAX, rows filled with garbage first but for
   the version of rows[0] (which gives the layout of the array). */
static pv_status who(const fixture *f, pv_access_row *rows, size_t *count, pv_error *err) {
    memset(rows, 0x5A, sizeof(pv_access_row) * ROWS_MAX);
    rows[0].version = PV_ACCESS_ROW_VERSION;
    *count = 12345;
    garbage_error(err);
    pv_status st = pv_who_can_see(&f->citizen, f->on, rows, ROWS_MAX, count, err);
    fx_check(err->status == st, __FILE__, __LINE__, "pv_error.status %s, the call returned %s",
             pv_status_name(err->status), pv_status_name(st));
    return st;
}

/* Checks the shape of the rows: for the citizen, each guardian and each representative in that
   order, e-services, the whole journal and then 'units' (the distinct units of the record, first
   mention first), each row with the version of rows[0] and the channel it was asked through
   (e-services the portal, the journal the direct channel), and that each decision is
   pv_evaluate()'s for that actor (BankID, no own lock or seal) and service. */
static void check_rows(const fixture *f, const pv_access_row *rows, size_t count,
                       const char *const *units, size_t unit_count, const char *file,
                       unsigned line) {
    size_t actors = 1 + f->citizen.guardian_count + f->citizen.representative_count;
    size_t per_actor = 2 + unit_count;
    fx_check(count == actors * per_actor, file, line, "%zu rows, expected %zu actors x %zu", count,
             actors, per_actor);
    if (count != actors * per_actor) return;
    for (size_t a = 0; a < actors; a++) {
        pv_actor_kind kind = PV_ACTOR_SELF;
        const char *id = NULL;
        if (a >= 1 && a < 1 + f->citizen.guardian_count) {
            kind = PV_ACTOR_GUARDIAN;
            id = f->citizen.guardians[a - 1].id;
        } else if (a >= 1) {
            kind = PV_ACTOR_REPRESENTATIVE;
            id = f->citizen.representatives[a - 1 - f->citizen.guardian_count].id;
        }
        for (size_t k = 0; k < per_actor; k++) {
            const pv_access_row *r = &rows[a * per_actor + k];
            pv_service_kind service = k == 0 ? PV_SERVICE_E_SERVICES : PV_SERVICE_JOURNAL;
            const char *unit = k < 2 ? NULL : units[k - 2];
            fx_check(r->actor_kind == kind && same_text(r->actor_id, id), file, line,
                     "row %zu: actor %d '%s', expected %d '%s'", a * per_actor + k,
                     (int)r->actor_kind, r->actor_id ? r->actor_id : "(null)", (int)kind,
                     id ? id : "(null)");
            fx_check(r->service == service && same_text(r->unit, unit), file, line,
                     "row %zu: service %d unit '%s', expected %d '%s'", a * per_actor + k,
                     (int)r->service, r->unit ? r->unit : "(null)", (int)service,
                     unit ? unit : "(null)");
            fx_check(r->version == PV_ACCESS_ROW_VERSION, file, line, "row %zu: version %u",
                     a * per_actor + k, (unsigned)r->version);
            pv_channel channel =
                service == PV_SERVICE_E_SERVICES ? PV_CHANNEL_PORTAL : PV_CHANNEL_DIRECT;
            fx_check(r->channel == channel, file, line, "row %zu: channel %d, expected %s",
                     a * per_actor + k, (int)r->channel,
                     channel == PV_CHANNEL_PORTAL ? "portal" : "direct");
            pv_actor actor = named_actor(kind, id);
            pv_service s = service_of(service, PV_CHANNEL_DIRECT, unit);
            pv_decision d;
            pv_status st = evaluate(&f->citizen, &actor, &s, f->on, &d);
            fx_check(st == PV_OK && fx_same_decision(&r->decision, &d) &&
                         same_date(r->decision.changes_on, d.changes_on),
                     file, line, "row %zu: decision %s %s differs from pv_evaluate()'s %s %s",
                     a * per_actor + k, pv_effect_name(r->decision.effect),
                     fx_reason_text(r->decision.reason), pv_effect_name(d.effect),
                     fx_reason_text(d.reason));
        }
    }
}
#define CHECK_ROWS(f, rows, count, units, n)                                                       \
    check_rows((f), (rows), (count), (units), (n), __FILE__, __LINE__)

/* The row of actor 'id' (NULL for self), 'service' and 'unit', or NULL. */
static const pv_access_row *row_of(const pv_access_row *rows, size_t count, const char *id,
                                   pv_service_kind service, const char *unit) {
    for (size_t i = 0; i < count; i++) {
        if (same_text(rows[i].actor_id, id) && rows[i].service == service &&
            same_text(rows[i].unit, unit)) {
            return &rows[i];
        }
    }
    return NULL;
}

static void test_who_rows_per_actor_and_unit_in_record_order(void) {
    /* Rows: actors x (2 + distinct units), self then guardians then representatives; units
       first mention first, seals before grants, each once (U1 appears in a seal and two
       grants). A child of 14 so that D1/D2 grants matter. */
    fixture f;
    fx_init(&f, D(2011, 7, 1), D(2026, 3, 4));
    fx_seal_always(&f, U2);
    fx_seal_content(&f, U1, D(2020, 1, 1), D(2020, 12, 31));
    fx_grant(&f, "g1", U1, PV_DATE_NONE, PV_DATE_NONE);
    fx_grant(&f, PV_GRANT_HOLDER_SELF, U3, PV_DATE_NONE, PV_DATE_NONE);
    fx_grant(&f, PV_GRANT_HOLDER_SELF, U1, D(2026, 1, 1), PV_DATE_NONE);
    pv_access_row rows[ROWS_MAX];
    pv_error err;
    size_t count = 0;
    CU_ASSERT_EQUAL(who(&f, rows, &count, &err), PV_OK);
    CHECK_ERROR(&err, PV_OK, NULL);
    CU_ASSERT_EQUAL(count, 4u * (2u + 3u)); /* self, g1, g2, r1 x (e-services, journal, U2 U1 U3) */
    static const char *const units[] = {U2, U1, U3};
    CHECK_ROWS(&f, rows, count, units, 3);
    /* A few decisions written from the rules. D1: the citizen's U3 grant; J2: U2 sealed. */
    const pv_access_row *r = row_of(rows, count, NULL, PV_SERVICE_JOURNAL, U3);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_EQUAL(r->decision.effect, PV_EFFECT_PERMIT);
    CU_ASSERT_EQUAL(r->decision.reason, PV_REASON_DIRECT_ACCESS);
    r = row_of(rows, count, NULL, PV_SERVICE_JOURNAL, U2);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_EQUAL(r->decision.effect, PV_EFFECT_DENY);
    CU_ASSERT_TRUE(pv_decision_has_reason(&r->decision, PV_REASON_UNIT_SEALED)); /* J2 */
    /* D2: g1 reaches U1 (filtered: J4 content period), g2 does not (PROXY_ENDED). */
    r = row_of(rows, count, "g1", PV_SERVICE_JOURNAL, U1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_EQUAL(r->decision.reason, PV_REASON_DIRECT_ACCESS);
    CU_ASSERT_TRUE(r->decision.filtered);
    r = row_of(rows, count, "g2", PV_SERVICE_JOURNAL, U1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_EQUAL(r->decision.reason, PV_REASON_PROXY_ENDED);
    /* G1: a 14-year-old's guardian has no e-services; P1: a representative neither. */
    r = row_of(rows, count, "g1", PV_SERVICE_E_SERVICES, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_EQUAL(r->decision.reason, PV_REASON_PROXY_ENDED);
    r = row_of(rows, count, "r1", PV_SERVICE_E_SERVICES, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_EQUAL(r->decision.reason, PV_REASON_REPRESENTATIVE_JOURNAL_ONLY);
    /* Ids and units point into the record. */
    r = row_of(rows, count, "g2", PV_SERVICE_E_SERVICES, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_PTR_EQUAL(r->actor_id, f.guardians[1].id);
}

static void test_who_alone_adult_has_two_rows(void) {
    /* No guardian, no representative, no unit: 1 x (2 + 0) rows, both permitted (S1, S2). */
    fixture f;
    fx_init(&f, D(1980, 1, 20), D(2026, 3, 4));
    f.citizen.guardian_count = 0;
    f.citizen.representative_count = 0;
    pv_access_row rows[ROWS_MAX];
    pv_error err;
    size_t count = 0;
    CU_ASSERT_EQUAL(who(&f, rows, &count, &err), PV_OK);
    CHECK_ERROR(&err, PV_OK, NULL);
    CU_ASSERT_EQUAL_FATAL(count, 2u);
    CHECK_ROWS(&f, rows, count, NULL, 0);
    CU_ASSERT_EQUAL(rows[0].service, PV_SERVICE_E_SERVICES);
    CU_ASSERT_EQUAL(rows[0].decision.reason, PV_REASON_SELF);
    CU_ASSERT_EQUAL(rows[1].service, PV_SERVICE_JOURNAL);
    CU_ASSERT_EQUAL(rows[1].decision.reason, PV_REASON_SELF);
}

static void test_who_size_query_and_buffer_too_small(void) {
    fixture f;
    fx_init(&f, D(2021, 1, 1), D(2026, 3, 4));
    fx_seal_always(&f, U1);
    /* self, g1, g2, r1 x (e-services, journal, U1) = 12 */
    size_t count = 0;
    pv_error err;
    garbage_error(&err);
    CU_ASSERT_EQUAL(pv_who_can_see(&f.citizen, f.on, NULL, 0, &count, &err),
                    PV_ERR_BUFFER_TOO_SMALL);
    CU_ASSERT_EQUAL(count, 12u);
    CHECK_ERROR(&err, PV_ERR_BUFFER_TOO_SMALL, NULL);
    CU_ASSERT_EQUAL(err.rule, PV_RULE_NONE);
    pv_access_row rows[ROWS_MAX] = {PV_ACCESS_ROW_INIT};
    count = 0;
    garbage_error(&err);
    CU_ASSERT_EQUAL(pv_who_can_see(&f.citizen, f.on, rows, 11, &count, &err),
                    PV_ERR_BUFFER_TOO_SMALL);
    CU_ASSERT_EQUAL(count, 12u);
    CHECK_ERROR(&err, PV_ERR_BUFFER_TOO_SMALL, NULL);
    count = 0;
    garbage_error(&err);
    CU_ASSERT_EQUAL(pv_who_can_see(&f.citizen, f.on, rows, 12, &count, &err), PV_OK);
    CU_ASSERT_EQUAL(count, 12u);
    CHECK_ERROR(&err, PV_OK, NULL);
    count = 0;
    CU_ASSERT_EQUAL(pv_who_can_see(&f.citizen, f.on, rows, ROWS_MAX, &count, NULL), PV_OK);
    CU_ASSERT_EQUAL(count, 12u);
    static const char *const units[] = {U1};
    CHECK_ROWS(&f, rows, count, units, 1);
}

static void test_who_locked_citizen_still_reaches_journal_directly_e2(void) {
    /* E2: the citizen's login lock closes the portal (e-services) but not the direct channel;
       who_can_see asks the journal through the direct channel, so the journal row permits —
       the reason M-ALL asks for a seal as well (000 "räcker det inte att låsa inloggningen"). */
    fixture f;
    fx_init(&f, D(1980, 1, 20), D(2026, 3, 4));
    f.citizen.guardian_count = 0;
    f.citizen.login_locked = true;
    f.citizen.login_lock_case_number = "RS 2026-0042";
    pv_access_row rows[ROWS_MAX];
    pv_error err;
    size_t count = 0;
    CU_ASSERT_EQUAL(who(&f, rows, &count, &err), PV_OK);
    CHECK_ERROR(&err, PV_OK, NULL);
    CU_ASSERT_EQUAL_FATAL(count, 4u); /* self, r1 x 2 */
    CHECK_ROWS(&f, rows, count, NULL, 0);
    CU_ASSERT_EQUAL(rows[0].decision.effect, PV_EFFECT_DENY);
    CU_ASSERT_EQUAL(rows[0].decision.reason, PV_REASON_LOGIN_LOCKED);
    CU_ASSERT_EQUAL(rows[0].decision.rule, PV_RULE_E2);
    CU_ASSERT_EQUAL(rows[1].decision.effect, PV_EFFECT_PERMIT);
    CU_ASSERT_EQUAL(rows[1].decision.reason, PV_REASON_SELF);
    /* P2: the representative's journal is not touched by the citizen's lock either. */
    CU_ASSERT_EQUAL(rows[3].decision.effect, PV_EFFECT_PERMIT);
    CU_ASSERT_EQUAL(rows[3].decision.reason, PV_REASON_REPRESENTATIVE);
}

static void test_who_blocked_guardian_rows_denied_g3(void) {
    /* G3: every row of the blocked guardian is denied with GUARDIAN_BLOCKED; the other
       guardian keeps the proxy (G1, G2). */
    fixture f;
    fx_init(&f, D(2021, 1, 1), D(2026, 3, 4));
    f.guardians[0].blocked = true;
    fx_seal_content(&f, U1, D(2022, 1, 1), D(2022, 12, 31));
    pv_access_row rows[ROWS_MAX];
    pv_error err;
    size_t count = 0;
    CU_ASSERT_EQUAL(who(&f, rows, &count, &err), PV_OK);
    CHECK_ERROR(&err, PV_OK, NULL);
    static const char *const units[] = {U1};
    CHECK_ROWS(&f, rows, count, units, 1);
    size_t blocked_rows = 0;
    for (size_t i = 0; i < count; i++) {
        if (rows[i].actor_kind != PV_ACTOR_GUARDIAN) continue;
        if (same_text(rows[i].actor_id, "g1")) {
            blocked_rows++;
            CU_ASSERT_EQUAL(rows[i].decision.effect, PV_EFFECT_DENY);
            CU_ASSERT_EQUAL(rows[i].decision.reason, PV_REASON_GUARDIAN_BLOCKED);
        } else {
            CU_ASSERT_EQUAL(rows[i].decision.effect, PV_EFFECT_PERMIT);
            CU_ASSERT_EQUAL(rows[i].decision.reason, PV_REASON_GUARDIAN_PROXY);
        }
    }
    CU_ASSERT_EQUAL(blocked_rows, 3u);
    /* The child of 5 itself: UNDER_13 for both services (S1, S2). */
    CU_ASSERT_EQUAL(rows[0].decision.reason, PV_REASON_UNDER_13);
    CU_ASSERT_EQUAL(rows[1].decision.reason, PV_REASON_UNDER_13);
}

static void test_who_invalid_record_names_field_v1(void) {
    /* V1, section 8: a unit seal without a unit. */
    fixture f;
    fx_init(&f, D(1980, 1, 20), D(2026, 3, 4));
    pv_seal *s = fx_seal_always(&f, U1);
    s->unit = NULL;
    pv_access_row rows[ROWS_MAX];
    pv_error err;
    size_t count = 99;
    CU_ASSERT_EQUAL(who(&f, rows, &count, &err), PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(count, 0u);
    CHECK_ERROR(&err, PV_ERR_INVALID_INPUT, "citizen.seals[0].unit");
    /* a NULL count or citizen is invalid, never a crash */
    CU_ASSERT_EQUAL(pv_who_can_see(NULL, f.on, rows, ROWS_MAX, &count, NULL), PV_ERR_INVALID_INPUT);
    fx_init(&f, D(1980, 1, 20), D(2026, 3, 4));
    CU_ASSERT_EQUAL(pv_who_can_see(&f.citizen, f.on, rows, ROWS_MAX, NULL, NULL),
                    PV_ERR_INVALID_INPUT);
}

/* -- pv_timeline ---------------------------------------------------------------------------- */

typedef struct timeline {
    pv_status status;
    size_t count;
    pv_error err;
    pv_timeline_step steps[STEPS_MAX];
} timeline;

/* Runs pv_timeline() and, on PV_OK, checks the structure: the first step is 'from'; each
   further step is the previous decision's changes_on (T1) and lies in (previous, until]; each
   step's decision is pv_evaluate()'s on that date; the last decision changes after 'until' or
   never. */
static void run_timeline(timeline *t, const pv_citizen *c, const pv_actor *a, const pv_service *s,
                         pv_date from, pv_date until, const char *file, unsigned line) {
    char x[32], y[32];
    memset(t, 0x5A, sizeof *t);
    t->steps[0].version = PV_TIMELINE_STEP_VERSION;
    t->err.version = PV_ERROR_VERSION;
    t->count = 0;
    t->status = pv_timeline(c, a, s, from, until, t->steps, STEPS_MAX, &t->count, &t->err);
    check_error(&t->err, t->status, NULL, file, line);
    if (t->status != PV_OK) return;
    fx_check(t->count >= 1 && t->count <= STEPS_MAX, file, line, "%zu steps", t->count);
    if (t->count < 1 || t->count > STEPS_MAX) return;
    fx_check(same_date(t->steps[0].from, from), file, line, "first step on %s, expected %s",
             fx_date_text(t->steps[0].from, x), fx_date_text(from, y));
    for (size_t i = 0; i < t->count; i++) {
        const pv_timeline_step *st = &t->steps[i];
        fx_check(st->version == PV_TIMELINE_STEP_VERSION, file, line, "step %zu: version %u", i,
                 (unsigned)st->version);
        if (i > 0) {
            fx_check(same_date(st->from, t->steps[i - 1].decision.changes_on), file, line,
                     "step %zu on %s, but the previous decision changes on %s", i,
                     fx_date_text(st->from, x),
                     fx_date_text(t->steps[i - 1].decision.changes_on, y));
            fx_check(pv_date_compare(st->from, t->steps[i - 1].from) > 0 &&
                         pv_date_compare(st->from, until) <= 0,
                     file, line, "step %zu on %s out of order", i, fx_date_text(st->from, x));
        }
        pv_decision d;
        pv_status status = evaluate(c, a, s, st->from, &d);
        fx_check(status == PV_OK && fx_same_decision(&st->decision, &d) &&
                     same_date(st->decision.changes_on, d.changes_on),
                 file, line, "step %zu on %s differs from pv_evaluate() on that date", i,
                 fx_date_text(st->from, x));
    }
    pv_date last = t->steps[t->count - 1].decision.changes_on;
    fx_check(pv_date_is_none(last) || pv_date_compare(last, until) > 0, file, line,
             "the last step changes on %s, inside the timeline", fx_date_text(last, x));
}
#define RUN_TIMELINE(t, c, a, s, from, until)                                                      \
    run_timeline((t), (c), (a), (s), (from), (until), __FILE__, __LINE__)

/* Expects step 'i' on 'date' with 'effect' and primary 'reason'. */
static void expect_step(const timeline *t, size_t i, pv_date date, pv_effect effect,
                        pv_reason reason, const char *file, unsigned line) {
    char x[32], y[32];
    fx_check(i < t->count, file, line, "no step %zu (%zu steps)", i, t->count);
    if (i >= t->count) return;
    const pv_timeline_step *s = &t->steps[i];
    fx_check(same_date(s->from, date) && s->decision.effect == effect &&
                 s->decision.reason == reason,
             file, line, "step %zu: %s %s %s, expected %s %s %s", i, fx_date_text(s->from, x),
             pv_effect_name(s->decision.effect), fx_reason_text(s->decision.reason),
             fx_date_text(date, y), pv_effect_name(effect), fx_reason_text(reason));
}
#define EXPECT_STEP(t, i, date, effect, reason)                                                    \
    expect_step((t), (i), (date), PV_EFFECT_##effect, PV_REASON_##reason, __FILE__, __LINE__)

static void test_timeline_guardian_e_services_birth_to_18_g1(void) {
    /* G1: the guardian acts for the child until the 13th birthday, then PROXY_ENDED; the 16th
       birthday changes nothing for e-services. Born 2010-05-10. */
    fixture f;
    fx_init(&f, D(2010, 5, 10), D(2010, 5, 10));
    pv_actor g1 = named_actor(PV_ACTOR_GUARDIAN, "g1");
    pv_service es = service_of(PV_SERVICE_E_SERVICES, PV_CHANNEL_PORTAL, NULL);
    timeline t;
    RUN_TIMELINE(&t, &f.citizen, &g1, &es, D(2010, 5, 10), D(2028, 5, 10));
    CU_ASSERT_EQUAL(t.status, PV_OK);
    CU_ASSERT_EQUAL(t.count, 2u);
    EXPECT_STEP(&t, 0, D(2010, 5, 10), PERMIT, GUARDIAN_PROXY);
    EXPECT_STEP(&t, 1, D(2023, 5, 10), DENY, PROXY_ENDED);
    CU_ASSERT_EQUAL(t.steps[1].decision.rule, PV_RULE_G1);
}

static void test_timeline_child_self_birth_to_18_s1_s2(void) {
    /* S1, S2: the child's own e-services open on the 13th birthday; the journal stays closed
       (UNDER_13, then UNDER_16 without a grant, D1) until the 16th birthday. */
    fixture f;
    fx_init(&f, D(2010, 5, 10), D(2010, 5, 10));
    pv_actor self = named_actor(PV_ACTOR_SELF, NULL);
    pv_service es = service_of(PV_SERVICE_E_SERVICES, PV_CHANNEL_PORTAL, NULL);
    pv_service jr = service_of(PV_SERVICE_JOURNAL, PV_CHANNEL_DIRECT, NULL);
    timeline t;
    RUN_TIMELINE(&t, &f.citizen, &self, &es, D(2010, 5, 10), D(2028, 5, 10));
    CU_ASSERT_EQUAL(t.status, PV_OK);
    CU_ASSERT_EQUAL(t.count, 2u);
    EXPECT_STEP(&t, 0, D(2010, 5, 10), DENY, UNDER_13);
    EXPECT_STEP(&t, 1, D(2023, 5, 10), PERMIT, SELF);
    RUN_TIMELINE(&t, &f.citizen, &self, &jr, D(2010, 5, 10), D(2028, 5, 10));
    CU_ASSERT_EQUAL(t.status, PV_OK);
    CU_ASSERT_EQUAL(t.count, 3u);
    EXPECT_STEP(&t, 0, D(2010, 5, 10), DENY, UNDER_13);
    EXPECT_STEP(&t, 1, D(2023, 5, 10), DENY, UNDER_16);
    EXPECT_STEP(&t, 2, D(2026, 5, 10), PERMIT, SELF);
}

static void test_timeline_guardian_journal_with_d2_grant(void) {
    /* G2 until 13, then PROXY_ENDED; D2 opens the unit inside the grant (D3: both ends
       inclusive, only while 13 to 15); PROXY_ENDED again after it; the 16th birthday changes
       nothing. Born 2010-05-10, grant to g1 for U1 over 2024. */
    fixture f;
    fx_init(&f, D(2010, 5, 10), D(2010, 5, 10));
    fx_grant(&f, "g1", U1, D(2024, 1, 1), D(2024, 12, 31));
    pv_actor g1 = named_actor(PV_ACTOR_GUARDIAN, "g1");
    pv_service unit = service_of(PV_SERVICE_JOURNAL, PV_CHANNEL_DIRECT, U1);
    timeline t;
    RUN_TIMELINE(&t, &f.citizen, &g1, &unit, D(2010, 5, 10), D(2028, 5, 10));
    CU_ASSERT_EQUAL(t.status, PV_OK);
    CU_ASSERT_EQUAL(t.count, 4u);
    EXPECT_STEP(&t, 0, D(2010, 5, 10), PERMIT, GUARDIAN_PROXY);
    EXPECT_STEP(&t, 1, D(2023, 5, 10), DENY, PROXY_ENDED);
    EXPECT_STEP(&t, 2, D(2024, 1, 1), PERMIT, DIRECT_ACCESS);
    EXPECT_STEP(&t, 3, D(2025, 1, 1), DENY, PROXY_ENDED);
    /* The whole journal: the same steps, the D2 view filtered (step 7). */
    pv_service whole = service_of(PV_SERVICE_JOURNAL, PV_CHANNEL_DIRECT, NULL);
    RUN_TIMELINE(&t, &f.citizen, &g1, &whole, D(2010, 5, 10), D(2028, 5, 10));
    CU_ASSERT_EQUAL(t.count, 4u);
    EXPECT_STEP(&t, 2, D(2024, 1, 1), PERMIT, DIRECT_ACCESS);
    CU_ASSERT_TRUE(t.count > 2 && t.steps[2].decision.filtered);
    /* The other guardian has no grant: one step change only. */
    pv_actor g2 = named_actor(PV_ACTOR_GUARDIAN, "g2");
    RUN_TIMELINE(&t, &f.citizen, &g2, &unit, D(2010, 5, 10), D(2028, 5, 10));
    CU_ASSERT_EQUAL(t.count, 2u);
    EXPECT_STEP(&t, 1, D(2023, 5, 10), DENY, PROXY_ENDED);
}

static void test_timeline_grant_beyond_16_has_no_effect_d3(void) {
    /* D3: a grant open at both ends has effect only from the 13th to the day before the 16th
       birthday; from 16 the guardian's journal proxy has ended (G2). */
    fixture f;
    fx_init(&f, D(2010, 5, 10), D(2010, 5, 10));
    fx_grant(&f, "g1", U1, PV_DATE_NONE, PV_DATE_NONE);
    pv_actor g1 = named_actor(PV_ACTOR_GUARDIAN, "g1");
    pv_service unit = service_of(PV_SERVICE_JOURNAL, PV_CHANNEL_DIRECT, U1);
    timeline t;
    RUN_TIMELINE(&t, &f.citizen, &g1, &unit, D(2020, 1, 1), D(2030, 1, 1));
    CU_ASSERT_EQUAL(t.status, PV_OK);
    CU_ASSERT_EQUAL(t.count, 3u);
    EXPECT_STEP(&t, 0, D(2020, 1, 1), PERMIT, GUARDIAN_PROXY);
    EXPECT_STEP(&t, 1, D(2023, 5, 10), PERMIT, DIRECT_ACCESS);
    EXPECT_STEP(&t, 2, D(2026, 5, 10), DENY, PROXY_ENDED);
}

static void test_timeline_seal_active_interval_j3(void) {
    /* J3: a whole seal in force over February 2026, both ends inclusive: the journal closes on
       1 February and opens again on 1 March. J5: e-services never change. */
    fixture f;
    fx_init(&f, D(1980, 1, 20), D(2026, 1, 1));
    fx_seal(&f, NULL, D(2026, 2, 1), D(2026, 2, 28));
    pv_actor self = named_actor(PV_ACTOR_SELF, NULL);
    pv_service jr = service_of(PV_SERVICE_JOURNAL, PV_CHANNEL_PORTAL, NULL);
    pv_service es = service_of(PV_SERVICE_E_SERVICES, PV_CHANNEL_PORTAL, NULL);
    timeline t;
    RUN_TIMELINE(&t, &f.citizen, &self, &jr, D(2026, 1, 1), D(2026, 12, 31));
    CU_ASSERT_EQUAL(t.status, PV_OK);
    CU_ASSERT_EQUAL(t.count, 3u);
    EXPECT_STEP(&t, 0, D(2026, 1, 1), PERMIT, SELF);
    EXPECT_STEP(&t, 1, D(2026, 2, 1), DENY, JOURNAL_SEALED);
    EXPECT_STEP(&t, 2, D(2026, 3, 1), PERMIT, SELF);
    CU_ASSERT_TRUE(t.count > 1 && t.steps[1].decision.rule == PV_RULE_J1);
    RUN_TIMELINE(&t, &f.citizen, &self, &es, D(2026, 1, 1), D(2026, 12, 31));
    CU_ASSERT_EQUAL(t.count, 1u);
    EXPECT_STEP(&t, 0, D(2026, 1, 1), PERMIT, SELF);
    /* Starting inside the seal, ending on its last day: one step. */
    RUN_TIMELINE(&t, &f.citizen, &self, &jr, D(2026, 2, 10), D(2026, 2, 28));
    CU_ASSERT_EQUAL(t.count, 1u);
    EXPECT_STEP(&t, 0, D(2026, 2, 10), DENY, JOURNAL_SEALED);
    /* Ending on the day it lifts: two steps. */
    RUN_TIMELINE(&t, &f.citizen, &self, &jr, D(2026, 2, 10), D(2026, 3, 1));
    CU_ASSERT_EQUAL(t.count, 2u);
    EXPECT_STEP(&t, 1, D(2026, 3, 1), PERMIT, SELF);
    /* A single day. */
    RUN_TIMELINE(&t, &f.citizen, &self, &jr, D(2026, 1, 31), D(2026, 1, 31));
    CU_ASSERT_EQUAL(t.count, 1u);
    EXPECT_STEP(&t, 0, D(2026, 1, 31), PERMIT, SELF);
}

static void test_timeline_unit_seal_filters_whole_journal_j2(void) {
    /* J2, step 7: a unit seal in force changes the whole-journal view from unfiltered to
       filtered (still permitted) — a change of (effect, reason, filtered) is a step (T1). */
    fixture f;
    fx_init(&f, D(1980, 1, 20), D(2026, 1, 1));
    fx_seal(&f, U1, D(2026, 6, 1), PV_DATE_NONE);
    pv_actor self = named_actor(PV_ACTOR_SELF, NULL);
    pv_service jr = service_of(PV_SERVICE_JOURNAL, PV_CHANNEL_PORTAL, NULL);
    timeline t;
    RUN_TIMELINE(&t, &f.citizen, &self, &jr, D(2026, 1, 1), D(2027, 1, 1));
    CU_ASSERT_EQUAL(t.status, PV_OK);
    CU_ASSERT_EQUAL_FATAL(t.count, 2u);
    EXPECT_STEP(&t, 0, D(2026, 1, 1), PERMIT, SELF);
    EXPECT_STEP(&t, 1, D(2026, 6, 1), PERMIT, SELF);
    CU_ASSERT_FALSE(t.steps[0].decision.filtered);
    CU_ASSERT_TRUE(t.steps[1].decision.filtered);
}

static void test_timeline_ends_where_the_personnummer_reads_as_a_later_birth_n4(void) {
    /* N4, A3, V1: 701063-2391 (a samordningsnummer, day 63 - 60 = 3) with '-' is born in the
       year ending in 70 within [reference year - 99, reference year]: 2070-10-03 in 2169, but
       2170-10-03 from 2170-01-01, a birth after the date (section 8). The timeline from
       2169-06-01 is SELF (S1, 99 years old) until then, and ends with the V1 deny on
       2170-01-01, as pv_evaluate() answers that day. */
    pv_citizen c = PV_CITIZEN_INIT;
    c.personnummer = "701063-2391";
    pv_actor self = named_actor(PV_ACTOR_SELF, NULL);
    pv_service es = service_of(PV_SERVICE_E_SERVICES, PV_CHANNEL_PORTAL, NULL);
    pv_timeline_step steps[4] = {PV_TIMELINE_STEP_INIT};
    size_t count = 0;
    pv_error err = PV_ERROR_INIT;
    CU_ASSERT_EQUAL(
        pv_timeline(&c, &self, &es, D(2169, 6, 1), D(2170, 12, 31), steps, 4, &count, &err), PV_OK);
    CU_ASSERT_EQUAL(count, 2u);
    CU_ASSERT(same_date(steps[0].from, D(2169, 6, 1)));
    CU_ASSERT_EQUAL(steps[0].decision.effect, PV_EFFECT_PERMIT);
    CU_ASSERT_EQUAL(steps[0].decision.reason, PV_REASON_SELF);
    CU_ASSERT(same_date(steps[0].decision.changes_on, D(2170, 1, 1)));
    CU_ASSERT(same_date(steps[1].from, D(2170, 1, 1)));
    CU_ASSERT_EQUAL(steps[1].decision.effect, PV_EFFECT_DENY);
    CU_ASSERT_EQUAL(steps[1].decision.reason, PV_REASON_INVALID_INPUT);
    CU_ASSERT_EQUAL(steps[1].decision.rule, PV_RULE_V1);
    CU_ASSERT(pv_date_is_none(steps[1].decision.changes_on));
    pv_decision d = PV_DECISION_INIT;
    CU_ASSERT_EQUAL(pv_evaluate(&c, &self, &es, D(2170, 1, 1), &d, NULL), PV_ERR_INVALID_INPUT);
}

static void test_timeline_buffer_too_small_and_invalid(void) {
    fixture f;
    fx_init(&f, D(1980, 1, 20), D(2026, 1, 1));
    fx_seal(&f, NULL, D(2026, 2, 1), D(2026, 2, 28));
    pv_actor self = named_actor(PV_ACTOR_SELF, NULL);
    pv_service jr = service_of(PV_SERVICE_JOURNAL, PV_CHANNEL_PORTAL, NULL);
    pv_timeline_step steps[STEPS_MAX] = {PV_TIMELINE_STEP_INIT};
    pv_error err;
    size_t count = 0;
    /* three steps needed (see the J3 test) */
    garbage_error(&err);
    CU_ASSERT_EQUAL(
        pv_timeline(&f.citizen, &self, &jr, D(2026, 1, 1), D(2026, 12, 31), NULL, 0, &count, &err),
        PV_ERR_BUFFER_TOO_SMALL);
    CU_ASSERT_EQUAL(count, 3u);
    CHECK_ERROR(&err, PV_ERR_BUFFER_TOO_SMALL, NULL);
    count = 0;
    CU_ASSERT_EQUAL(
        pv_timeline(&f.citizen, &self, &jr, D(2026, 1, 1), D(2026, 12, 31), steps, 2, &count, NULL),
        PV_ERR_BUFFER_TOO_SMALL);
    CU_ASSERT_EQUAL(count, 3u);
    count = 0;
    garbage_error(&err);
    CU_ASSERT_EQUAL(
        pv_timeline(&f.citizen, &self, &jr, D(2026, 1, 1), D(2026, 12, 31), steps, 3, &count, &err),
        PV_OK);
    CU_ASSERT_EQUAL(count, 3u);
    CHECK_ERROR(&err, PV_OK, NULL);
    /* 'until' before 'from' */
    count = 7;
    garbage_error(&err);
    CU_ASSERT_EQUAL(pv_timeline(&f.citizen, &self, &jr, D(2026, 12, 31), D(2026, 1, 1), steps,
                                STEPS_MAX, &count, &err),
                    PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(count, 0u);
    CHECK_ERROR(&err, PV_ERR_INVALID_INPUT, "until");
    /* a date that does not exist (N5 / section 8) */
    count = 7;
    garbage_error(&err);
    CU_ASSERT_EQUAL(pv_timeline(&f.citizen, &self, &jr, D(2023, 2, 29), D(2026, 1, 1), steps,
                                STEPS_MAX, &count, &err),
                    PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(count, 0u);
    CHECK_ERROR(&err, PV_ERR_INVALID_INPUT, "from");
    count = 7;
    garbage_error(&err);
    CU_ASSERT_EQUAL(pv_timeline(&f.citizen, &self, &jr, D(2026, 1, 1), D(2026, 4, 31), steps,
                                STEPS_MAX, &count, &err),
                    PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(count, 0u);
    CHECK_ERROR(&err, PV_ERR_INVALID_INPUT, "until");
    /* section 8: the birth date after 'from' is malformed input on 'from', named as
       pv_evaluate() names it (the header: "with "from" in place of "on"" — the fault is the
       citizen's birth date, as for pv_evaluate()) */
    count = 7;
    garbage_error(&err);
    CU_ASSERT_EQUAL(pv_timeline(&f.citizen, &self, &jr, D(1979, 1, 1), D(2026, 1, 1), steps,
                                STEPS_MAX, &count, &err),
                    PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(count, 0u);
    CHECK_ERROR(&err, PV_ERR_INVALID_INPUT, "citizen.birth_date");
    /* section 8: e-services asked with a unit */
    pv_service bad = service_of(PV_SERVICE_E_SERVICES, PV_CHANNEL_PORTAL, U1);
    count = 7;
    garbage_error(&err);
    CU_ASSERT_EQUAL(pv_timeline(&f.citizen, &self, &bad, D(2026, 1, 1), D(2026, 12, 31), steps,
                                STEPS_MAX, &count, &err),
                    PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(count, 0u);
    CHECK_ERROR(&err, PV_ERR_INVALID_INPUT, "service.unit");
}

/* -- pv_advise ------------------------------------------------------------------------------ */

typedef struct advice_list {
    pv_status status;
    size_t count;
    pv_error err;
    pv_advice items[ITEMS_MAX];
} advice_list;

static void advise(advice_list *a, const fixture *f) {
    memset(a, 0x5A, sizeof *a);
    a->items[0].version = PV_ADVICE_VERSION;
    a->err.version = PV_ERROR_VERSION;
    a->count = 999;
    a->status = pv_advise(&f->citizen, f->on, a->items, ITEMS_MAX, &a->count, &a->err);
    fx_check(a->err.status == a->status, __FILE__, __LINE__,
             "pv_error.status %s, the call returned %s", pv_status_name(a->err.status),
             pv_status_name(a->status));
    for (size_t i = 0; a->status == PV_OK && i < a->count && i < ITEMS_MAX; i++) {
        fx_check(a->items[i].version == PV_ADVICE_VERSION, __FILE__, __LINE__,
                 "advice %zu: version %u", i, (unsigned)a->items[i].version);
    }
}

/* The item of 'kind', or NULL; checks that its routine is 'routine' and its texts are set. */
static const pv_advice *advice_of(const advice_list *a, pv_advice_kind kind, const char *routine,
                                  const char *file, unsigned line) {
    for (size_t i = 0; i < a->count && i < ITEMS_MAX; i++) {
        const pv_advice *item = &a->items[i];
        if (item->kind != kind) continue;
        fx_check(same_text(item->routine, routine), file, line,
                 "advice %d routine '%s', expected '%s'", (int)kind,
                 item->routine ? item->routine : "(null)", routine);
        fx_check(item->message != NULL && item->message[0] != '\0' && item->source != NULL &&
                     mentions(item->source, "seed"),
                 file, line, "advice %d without message or source", (int)kind);
        return item;
    }
    return NULL;
}
#define ADVICE_OF(a, kind, routine) advice_of((a), (kind), (routine), __FILE__, __LINE__)

/* A child of 5 with guardians g1 and g2 and nothing else. */
static void child_5(fixture *f) {
    fx_init(f, D(2021, 1, 1), D(2026, 3, 4));
    f->citizen.representative_count = 0;
}

static void test_advise_consistent_records_have_no_advice(void) {
    advice_list a;
    fixture f;
    /* an adult without measures */
    fx_init(&f, D(1980, 1, 20), D(2026, 3, 4));
    advise(&a, &f);
    CU_ASSERT_EQUAL(a.status, PV_OK);
    CU_ASSERT_EQUAL(a.count, 0u);
    /* an adult with a lock that has a case number (X1) and seals */
    f.citizen.login_locked = true;
    f.citizen.login_lock_case_number = "RS 2026-0042";
    fx_seal_always(&f, NULL);
    advise(&a, &f);
    CU_ASSERT_EQUAL(a.status, PV_OK);
    CU_ASSERT_EQUAL(a.count, 0u);
    /* a child of 5 with two unblocked guardians */
    child_5(&f);
    advise(&a, &f);
    CU_ASSERT_EQUAL(a.count, 0u);
    /* M-GUARD followed for both guardians: both blocked and the child's login locked with a
       case number; no unblocked guardian is cut off (M-13). */
    f.guardians[0].blocked = true;
    f.guardians[1].blocked = true;
    f.citizen.login_locked = true;
    f.citizen.login_lock_case_number = "RS 2026-0042";
    advise(&a, &f);
    CU_ASSERT_EQUAL(a.status, PV_OK);
    CU_ASSERT_EQUAL(a.count, 0u);
    /* M-PROT followed: a 14-year-old with protected identity, locked (with a case number) and
       the whole journal sealed. */
    fx_init(&f, D(2011, 7, 1), D(2026, 3, 4));
    f.citizen.protected_identity = true;
    f.citizen.login_locked = true;
    f.citizen.login_lock_case_number = "RS 2026-0042";
    fx_seal_always(&f, NULL);
    advise(&a, &f);
    CU_ASSERT_EQUAL(a.status, PV_OK);
    CU_ASSERT_EQUAL(a.count, 0u);
}

static void test_advise_blocked_guardian_without_child_lock_m_guard(void) {
    /* M-GUARD (001, 000): a blocked guardian while the child's login is not locked. */
    fixture f;
    child_5(&f);
    f.guardians[1].blocked = true;
    advice_list a;
    advise(&a, &f);
    CU_ASSERT_EQUAL(a.status, PV_OK);
    CU_ASSERT_EQUAL_FATAL(a.count, 1u);
    const pv_advice *item = ADVICE_OF(&a, PV_ADVICE_BLOCK_WITHOUT_LOCK, "M-GUARD");
    CU_ASSERT_PTR_NOT_NULL_FATAL(item);
    CU_ASSERT_STRING_EQUAL(item->guardian, "g2");
    CU_ASSERT_PTR_EQUAL(item->guardian, f.guardians[1].id); /* into the record */
    /* both blocked: one item per guardian */
    f.guardians[0].blocked = true;
    advise(&a, &f);
    CU_ASSERT_EQUAL(a.count, 2u);
    CU_ASSERT_EQUAL(a.items[0].kind, PV_ADVICE_BLOCK_WITHOUT_LOCK);
    CU_ASSERT_EQUAL(a.items[1].kind, PV_ADVICE_BLOCK_WITHOUT_LOCK);
    /* the same for a 14-year-old (the guardian could use the child's own e-ID) */
    fx_init(&f, D(2011, 7, 1), D(2026, 3, 4));
    f.guardians[0].blocked = true;
    advise(&a, &f);
    CU_ASSERT_EQUAL(a.count, 1u);
    item = ADVICE_OF(&a, PV_ADVICE_BLOCK_WITHOUT_LOCK, "M-GUARD");
    CU_ASSERT_PTR_NOT_NULL_FATAL(item);
    CU_ASSERT_STRING_EQUAL(item->guardian, "g1");
    /* locking the child's login (with a case number) answers it */
    f.citizen.login_locked = true;
    f.citizen.login_lock_case_number = "RS 2026-0042";
    advise(&a, &f);
    CU_ASSERT_EQUAL(a.count, 0u);
}

static void test_advise_protected_identity_without_measures_m_prot(void) {
    /* M-PROT (001): protected identity of the child or of a guardian asks for the child's login
       locked and the whole journal sealed; either missing is advice. A 14-year-old, so that
       M-13 does not apply to the lock. */
    fixture f;
    advice_list a;
    fx_init(&f, D(2011, 7, 1), D(2026, 3, 4));
    f.citizen.protected_identity = true;
    advise(&a, &f);
    CU_ASSERT_EQUAL(a.status, PV_OK);
    CU_ASSERT_EQUAL(a.count, 1u);
    CU_ASSERT_PTR_NOT_NULL(ADVICE_OF(&a, PV_ADVICE_PROTECTED_WITHOUT_MEASURES, "M-PROT"));
    /* locked only */
    f.citizen.login_locked = true;
    f.citizen.login_lock_case_number = "RS 2026-0042";
    advise(&a, &f);
    CU_ASSERT_EQUAL(a.count, 1u);
    CU_ASSERT_PTR_NOT_NULL(ADVICE_OF(&a, PV_ADVICE_PROTECTED_WITHOUT_MEASURES, "M-PROT"));
    /* sealed only, and a unit seal is not the whole journal */
    f.citizen.login_locked = false;
    f.citizen.login_lock_case_number = NULL;
    fx_seal_always(&f, U1);
    fx_seal_always(&f, NULL);
    advise(&a, &f);
    CU_ASSERT_EQUAL(a.count, 1u);
    CU_ASSERT_PTR_NOT_NULL(ADVICE_OF(&a, PV_ADVICE_PROTECTED_WITHOUT_MEASURES, "M-PROT"));
    f.citizen.seal_count = 1; /* the unit seal only, with the lock */
    f.citizen.login_locked = true;
    f.citizen.login_lock_case_number = "RS 2026-0042";
    advise(&a, &f);
    CU_ASSERT_EQUAL(a.count, 1u);
    CU_ASSERT_PTR_NOT_NULL(ADVICE_OF(&a, PV_ADVICE_PROTECTED_WITHOUT_MEASURES, "M-PROT"));
    /* a guardian's protected identity, nothing done */
    fx_init(&f, D(2011, 7, 1), D(2026, 3, 4));
    f.guardians[1].protected_identity = true;
    advise(&a, &f);
    CU_ASSERT_EQUAL(a.count, 1u);
    CU_ASSERT_PTR_NOT_NULL(ADVICE_OF(&a, PV_ADVICE_PROTECTED_WITHOUT_MEASURES, "M-PROT"));
}

static void test_advise_locked_child_under_13_cuts_guardians_m_13(void) {
    /* M-13 (000), M-GUARD (002): a child under 13 with a locked login and a guardian who is
       not blocked — the lock cuts every guardian off (L1). */
    fixture f;
    advice_list a;
    child_5(&f);
    f.citizen.login_locked = true;
    f.citizen.login_lock_case_number = "RS 2026-0042";
    advise(&a, &f);
    CU_ASSERT_EQUAL(a.status, PV_OK);
    CU_ASSERT_EQUAL(a.count, 1u);
    CU_ASSERT_PTR_NOT_NULL(ADVICE_OF(&a, PV_ADVICE_CHILD_LOCK_CUTS_ALL_GUARDIANS, "M-13"));
    /* one blocked, one not: still cut off */
    f.guardians[0].blocked = true;
    advise(&a, &f);
    CU_ASSERT_EQUAL(a.count, 1u);
    CU_ASSERT_PTR_NOT_NULL(ADVICE_OF(&a, PV_ADVICE_CHILD_LOCK_CUTS_ALL_GUARDIANS, "M-13"));
    /* no guardian at all: nobody is cut off */
    f.citizen.guardian_count = 0;
    advise(&a, &f);
    CU_ASSERT_EQUAL(a.count, 0u);
    /* from the 13th birthday the lock is the tool (M-13): born 2013-03-04, on 2026-03-04 */
    fx_init(&f, D(2013, 3, 4), D(2026, 3, 4));
    f.citizen.login_locked = true;
    f.citizen.login_lock_case_number = "RS 2026-0042";
    advise(&a, &f);
    CU_ASSERT_EQUAL(a.count, 0u);
    /* and the day before it, still under 13 (A2) */
    f.on = D(2026, 3, 3);
    advise(&a, &f);
    CU_ASSERT_EQUAL(a.count, 1u);
    CU_ASSERT_PTR_NOT_NULL(ADVICE_OF(&a, PV_ADVICE_CHILD_LOCK_CUTS_ALL_GUARDIANS, "M-13"));
}

static void test_advise_lock_without_case_number_x1(void) {
    /* X1 (000): a case number is recorded; after an acute lock it is added afterwards — a lock
       without one (NULL or empty) is advice. */
    fixture f;
    advice_list a;
    fx_init(&f, D(1980, 1, 20), D(2026, 3, 4));
    f.citizen.login_locked = true;
    f.citizen.login_lock_case_number = NULL;
    advise(&a, &f);
    CU_ASSERT_EQUAL(a.status, PV_OK);
    CU_ASSERT_EQUAL(a.count, 1u);
    const pv_advice *item = ADVICE_OF(&a, PV_ADVICE_LOCK_WITHOUT_CASE_NUMBER, "X1");
    CU_ASSERT_PTR_NOT_NULL(item);
    CU_ASSERT_TRUE(item == NULL || item->guardian == NULL);
    f.citizen.login_lock_case_number = "";
    advise(&a, &f);
    CU_ASSERT_EQUAL(a.count, 1u);
    CU_ASSERT_PTR_NOT_NULL(ADVICE_OF(&a, PV_ADVICE_LOCK_WITHOUT_CASE_NUMBER, "X1"));
    /* without a lock a missing case number is no matter */
    f.citizen.login_locked = false;
    advise(&a, &f);
    CU_ASSERT_EQUAL(a.count, 0u);
}

static void test_advise_several_buffer_and_invalid(void) {
    /* A child of 5, one guardian blocked, protected identity, nothing else: M-GUARD and M-PROT.
       Then locked without a case number: M-PROT (no seal), M-13 (g2 unblocked) and X1. */
    fixture f;
    advice_list a;
    child_5(&f);
    f.guardians[0].blocked = true;
    f.citizen.protected_identity = true;
    advise(&a, &f);
    CU_ASSERT_EQUAL(a.status, PV_OK);
    CU_ASSERT_EQUAL(a.count, 2u);
    CU_ASSERT_PTR_NOT_NULL(ADVICE_OF(&a, PV_ADVICE_BLOCK_WITHOUT_LOCK, "M-GUARD"));
    CU_ASSERT_PTR_NOT_NULL(ADVICE_OF(&a, PV_ADVICE_PROTECTED_WITHOUT_MEASURES, "M-PROT"));
    f.citizen.login_locked = true;
    advise(&a, &f);
    CU_ASSERT_EQUAL(a.count, 3u);
    CU_ASSERT_PTR_NOT_NULL(ADVICE_OF(&a, PV_ADVICE_PROTECTED_WITHOUT_MEASURES, "M-PROT"));
    CU_ASSERT_PTR_NOT_NULL(ADVICE_OF(&a, PV_ADVICE_CHILD_LOCK_CUTS_ALL_GUARDIANS, "M-13"));
    CU_ASSERT_PTR_NOT_NULL(ADVICE_OF(&a, PV_ADVICE_LOCK_WITHOUT_CASE_NUMBER, "X1"));
    size_t count = 0;
    pv_advice items[ITEMS_MAX] = {PV_ADVICE_INIT};
    pv_error err;
    garbage_error(&err);
    CU_ASSERT_EQUAL(pv_advise(&f.citizen, f.on, NULL, 0, &count, &err), PV_ERR_BUFFER_TOO_SMALL);
    CU_ASSERT_EQUAL(count, 3u);
    CHECK_ERROR(&err, PV_ERR_BUFFER_TOO_SMALL, NULL);
    CU_ASSERT_EQUAL(pv_advise(&f.citizen, f.on, items, 2, &count, NULL), PV_ERR_BUFFER_TOO_SMALL);
    CU_ASSERT_EQUAL(count, 3u);
    garbage_error(&err);
    CU_ASSERT_EQUAL(pv_advise(&f.citizen, f.on, items, 3, &count, &err), PV_OK);
    CU_ASSERT_EQUAL(count, 3u);
    CHECK_ERROR(&err, PV_OK, NULL);
    /* V1: a malformed record (two guardians with the same id) */
    f.guardians[1].id = "g1";
    advise(&a, &f);
    CU_ASSERT_EQUAL(a.status, PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(a.count, 0u);
    CHECK_ERROR(&a.err, PV_ERR_INVALID_INPUT, "citizen.guardians[1].id");
    /* V1: 'on' before the birth date */
    child_5(&f);
    f.on = D(2020, 1, 1);
    advise(&a, &f);
    CU_ASSERT_EQUAL(a.status, PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(a.count, 0u);
    CHECK_ERROR(&a.err, PV_ERR_INVALID_INPUT, "citizen.birth_date");
}

/* -- pv_plan_measures ----------------------------------------------------------------------- */

static pv_goal goal_of(pv_goal_kind kind) {
    pv_goal g = PV_GOAL_INIT;
    g.kind = kind;
    return g;
}

/* The pv_error of the last plan(). */
static pv_error plan_error;

static pv_status plan(const fixture *f, const pv_goal *goal, pv_plan *p) {
    memset(p, 0x5A, sizeof *p);
    p->version = PV_PLAN_VERSION;
    garbage_error(&plan_error);
    pv_status st = pv_plan_measures(&f->citizen, goal, f->on, p, &plan_error);
    fx_check(plan_error.status == st, __FILE__, __LINE__,
             "pv_error.status %s, the call returned %s", pv_status_name(plan_error.status),
             pv_status_name(st));
    return st;
}

/* The first measure with 'action', or NULL. */
static const pv_measure *measure_of(const pv_plan *p, pv_action action) {
    for (size_t i = 0; i < p->measure_count && i < PV_PLAN_MAX_MEASURES; i++) {
        if (p->measures[i].action == action) return &p->measures[i];
    }
    return NULL;
}

/* Checks the parts of every plan made with PV_OK: the proof holds and checked something. */
static void check_plan_ok(const pv_plan *p, pv_date proven_on, const char *file, unsigned line) {
    char x[32], y[32];
    fx_check(p->measure_count >= 1 && p->measure_count <= PV_PLAN_MAX_MEASURES, file, line,
             "%zu measures", p->measure_count);
    fx_check(p->holds, file, line, "the plan does not hold");
    fx_check(p->checked > 0, file, line, "the proof checked nothing");
    fx_check(same_date(p->proven_on, proven_on), file, line, "proven on %s, expected %s",
             fx_date_text(p->proven_on, x), fx_date_text(proven_on, y));
    fx_check(p->version == PV_PLAN_VERSION, file, line, "plan version %u", (unsigned)p->version);
    check_error(&plan_error, PV_OK, NULL, file, line);
    for (size_t i = 0; i < p->measure_count && i < PV_PLAN_MAX_MEASURES; i++) {
        fx_check(p->measures[i].routine != NULL && p->measures[i].routine[0] != '\0', file, line,
                 "measure %zu without a routine", i);
    }
}
#define CHECK_PLAN_OK(p, proven_on) check_plan_ok((p), (proven_on), __FILE__, __LINE__)

/* Applies the plan's unconditional measures to the fixture's record (lock, seals, blocks). */
static void apply_plan(fixture *f, const pv_plan *p) {
    for (size_t i = 0; i < p->measure_count; i++) {
        const pv_measure *m = &p->measures[i];
        if (m->condition != NULL) continue;
        if (m->action == PV_ACTION_LOCK_LOGIN) {
            f->citizen.login_locked = true;
            f->citizen.login_lock_case_number = "RS 2026-0042";
        } else if (m->action == PV_ACTION_SEAL && f->citizen.seal_count < FX_MAX) {
            f->seals[f->citizen.seal_count++] = m->seal;
        } else if (m->action == PV_ACTION_BLOCK_GUARDIAN) {
            for (size_t g = 0; g < f->citizen.guardian_count; g++) {
                if (same_text(f->guardians[g].id, m->guardian)) f->guardians[g].blocked = true;
            }
        }
    }
}

/* Every way 'actor' has into the record: e-services, and the journal whole, U1 and an entry of
   U1 through the portal and directly. Returns how many of them are permitted on 'on'. */
static int permitted_ways(const fixture *f, pv_actor_kind kind, const char *id, pv_date on) {
    pv_actor a = named_actor(kind, id);
    int permitted = 0;
    pv_service services[7];
    services[0] = service_of(PV_SERVICE_E_SERVICES, PV_CHANNEL_PORTAL, NULL);
    services[1] = service_of(PV_SERVICE_JOURNAL, PV_CHANNEL_PORTAL, NULL);
    services[2] = service_of(PV_SERVICE_JOURNAL, PV_CHANNEL_DIRECT, NULL);
    services[3] = service_of(PV_SERVICE_JOURNAL, PV_CHANNEL_PORTAL, U1);
    services[4] = service_of(PV_SERVICE_JOURNAL, PV_CHANNEL_DIRECT, U1);
    services[5] = service_of(PV_SERVICE_JOURNAL, PV_CHANNEL_PORTAL, U1);
    services[5].entry_date = D(2020, 6, 1);
    services[6] = services[5];
    services[6].channel = PV_CHANNEL_DIRECT;
    for (size_t i = 0; i < 7; i++) {
        pv_decision d;
        if (evaluate(&f->citizen, &a, &services[i], on, &d) == PV_OK &&
            d.effect == PV_EFFECT_PERMIT) {
            permitted++;
        }
    }
    return permitted;
}

static void test_plan_nothing_locks_and_seals_m_all(void) {
    /* M-ALL (000, 001, 002): lock the login and seal the whole journal. */
    fixture f;
    fx_init(&f, D(1980, 1, 20), D(2026, 3, 4));
    pv_goal g = goal_of(PV_GOAL_NOTHING);
    pv_plan p;
    CU_ASSERT_EQUAL_FATAL(plan(&f, &g, &p), PV_OK);
    CHECK_PLAN_OK(&p, f.on);
    CU_ASSERT_EQUAL(p.measure_count, 2u);
    const pv_measure *lock = measure_of(&p, PV_ACTION_LOCK_LOGIN);
    const pv_measure *seal = measure_of(&p, PV_ACTION_SEAL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(lock);
    CU_ASSERT_PTR_NOT_NULL_FATAL(seal);
    CU_ASSERT_STRING_EQUAL(lock->routine, "M-ALL");
    CU_ASSERT_STRING_EQUAL(seal->routine, "M-ALL");
    CU_ASSERT_PTR_NULL(lock->condition);
    CU_ASSERT_PTR_NULL(seal->condition);
    CU_ASSERT_EQUAL(seal->seal.scope, PV_SEAL_WHOLE);
    CU_ASSERT_PTR_NULL(seal->seal.unit);
    CU_ASSERT_FALSE(seal->seal.has_content);
    /* J3: the seal is in force on 'on' */
    CU_ASSERT_TRUE(pv_date_is_none(seal->seal.active.from) ||
                   pv_date_compare(seal->seal.active.from, f.on) <= 0);
    CU_ASSERT_TRUE(pv_date_is_none(seal->seal.active.until));
    /* The proof, made again here: before, the citizen and the representative reach things;
       after, nothing at all. */
    CU_ASSERT_TRUE(permitted_ways(&f, PV_ACTOR_SELF, NULL, f.on) > 0);
    apply_plan(&f, &p);
    CU_ASSERT_EQUAL(permitted_ways(&f, PV_ACTOR_SELF, NULL, f.on), 0);
    CU_ASSERT_EQUAL(permitted_ways(&f, PV_ACTOR_REPRESENTATIVE, "r1", f.on), 0);
    /* A child of 5: the guardians reach nothing either (L1 for e-services, J1 for the journal). */
    fx_init(&f, D(2021, 1, 1), D(2026, 3, 4));
    CU_ASSERT_EQUAL_FATAL(plan(&f, &g, &p), PV_OK);
    CHECK_PLAN_OK(&p, f.on);
    CU_ASSERT_EQUAL(p.measure_count, 2u);
    apply_plan(&f, &p);
    CU_ASSERT_EQUAL(permitted_ways(&f, PV_ACTOR_GUARDIAN, "g1", f.on), 0);
    CU_ASSERT_EQUAL(permitted_ways(&f, PV_ACTOR_GUARDIAN, "g2", f.on), 0);
}

static void test_plan_no_journal_needs_a_whole_seal_e2(void) {
    /* E2 / 000: a lock alone is not enough — the direct channel stays open; the plan is a
       whole seal (J1). */
    fixture f;
    fx_init(&f, D(1980, 1, 20), D(2026, 3, 4));
    f.citizen.login_locked = true;
    f.citizen.login_lock_case_number = "RS 2026-0042";
    pv_actor self = named_actor(PV_ACTOR_SELF, NULL);
    pv_service direct = service_of(PV_SERVICE_JOURNAL, PV_CHANNEL_DIRECT, NULL);
    pv_decision d;
    CU_ASSERT_EQUAL(evaluate(&f.citizen, &self, &direct, f.on, &d), PV_OK);
    CU_ASSERT_EQUAL(d.effect, PV_EFFECT_PERMIT); /* why the lock is not the measure */
    f.citizen.login_locked = false;
    f.citizen.login_lock_case_number = NULL;

    pv_goal g = goal_of(PV_GOAL_NO_JOURNAL);
    pv_plan p;
    CU_ASSERT_EQUAL_FATAL(plan(&f, &g, &p), PV_OK);
    CHECK_PLAN_OK(&p, f.on);
    CU_ASSERT_EQUAL(p.measure_count, 1u);
    const pv_measure *seal = measure_of(&p, PV_ACTION_SEAL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(seal);
    CU_ASSERT_PTR_NULL(seal->condition);
    CU_ASSERT_EQUAL(seal->seal.scope, PV_SEAL_WHOLE);
    CU_ASSERT_FALSE(seal->seal.has_content);
    CU_ASSERT_PTR_NULL(measure_of(&p, PV_ACTION_LOCK_LOGIN));
    apply_plan(&f, &p);
    /* only e-services remain (J5) */
    CU_ASSERT_EQUAL(permitted_ways(&f, PV_ACTOR_SELF, NULL, f.on), 1);
    CU_ASSERT_EQUAL(permitted_ways(&f, PV_ACTOR_REPRESENTATIVE, "r1", f.on), 0);
}

static void test_plan_guardian_block_and_conditional_lock_m_guard(void) {
    /* M-GUARD: block the guardian; the routine's lock of the child's login is conditional
       (000: when the guardian has access to the child's e-ID) and not applied in the proof.
       G3 alone makes the guardian reach nothing; the other guardian keeps the proxy. */
    fixture f;
    fx_init(&f, D(2021, 1, 1), D(2026, 3, 4));
    pv_goal g = goal_of(PV_GOAL_GUARDIAN);
    g.guardian = "g1";
    pv_plan p;
    CU_ASSERT_EQUAL_FATAL(plan(&f, &g, &p), PV_OK);
    CHECK_PLAN_OK(&p, f.on);
    CU_ASSERT_EQUAL(p.measure_count, 2u);
    const pv_measure *block = measure_of(&p, PV_ACTION_BLOCK_GUARDIAN);
    const pv_measure *lock = measure_of(&p, PV_ACTION_LOCK_LOGIN);
    CU_ASSERT_PTR_NOT_NULL_FATAL(block);
    CU_ASSERT_PTR_NOT_NULL_FATAL(lock);
    CU_ASSERT_STRING_EQUAL(block->guardian, "g1");
    CU_ASSERT_STRING_EQUAL(block->routine, "M-GUARD");
    CU_ASSERT_PTR_NULL(block->condition);
    CU_ASSERT_STRING_EQUAL(lock->routine, "M-GUARD");
    CU_ASSERT_PTR_NOT_NULL(lock->condition);
    CU_ASSERT_PTR_NULL(measure_of(&p, PV_ACTION_SEAL));
    CU_ASSERT_TRUE(permitted_ways(&f, PV_ACTOR_GUARDIAN, "g1", f.on) > 0);
    apply_plan(&f, &p);
    CU_ASSERT_FALSE(f.citizen.login_locked);
    CU_ASSERT_EQUAL(permitted_ways(&f, PV_ACTOR_GUARDIAN, "g1", f.on), 0);
    CU_ASSERT_TRUE(permitted_ways(&f, PV_ACTOR_GUARDIAN, "g2", f.on) > 0);
}

static void test_plan_guardian_of_14_year_old_with_grant_g3(void) {
    /* G3 "including direct access under D2": a 14-year-old, g1 holding a grant for U1. */
    fixture f;
    fx_init(&f, D(2011, 7, 1), D(2026, 3, 4));
    fx_grant(&f, "g1", U1, PV_DATE_NONE, PV_DATE_NONE);
    pv_goal g = goal_of(PV_GOAL_GUARDIAN);
    g.guardian = "g1";
    pv_plan p;
    CU_ASSERT_EQUAL_FATAL(plan(&f, &g, &p), PV_OK);
    CHECK_PLAN_OK(&p, f.on);
    const pv_measure *block = measure_of(&p, PV_ACTION_BLOCK_GUARDIAN);
    CU_ASSERT_PTR_NOT_NULL_FATAL(block);
    CU_ASSERT_STRING_EQUAL(block->guardian, "g1");
    CU_ASSERT_TRUE(permitted_ways(&f, PV_ACTOR_GUARDIAN, "g1", f.on) > 0);
    apply_plan(&f, &p);
    CU_ASSERT_EQUAL(permitted_ways(&f, PV_ACTOR_GUARDIAN, "g1", f.on), 0);
}

static void test_plan_guardian_with_protected_identity_m_prot(void) {
    /* M-GUARD and M-PROT: with protected identity (the child's, or a guardian's) the child's
       lock is no longer conditional, and the whole journal is sealed too. */
    fixture f;
    for (int who_protected = 0; who_protected < 2; who_protected++) {
        fx_init(&f, D(2021, 1, 1), D(2026, 3, 4));
        if (who_protected == 0) {
            f.citizen.protected_identity = true;
        } else {
            f.guardians[1].protected_identity = true;
        }
        pv_goal g = goal_of(PV_GOAL_GUARDIAN);
        g.guardian = "g1";
        pv_plan p;
        CU_ASSERT_EQUAL_FATAL(plan(&f, &g, &p), PV_OK);
        CHECK_PLAN_OK(&p, f.on);
        CU_ASSERT_EQUAL(p.measure_count, 3u);
        const pv_measure *block = measure_of(&p, PV_ACTION_BLOCK_GUARDIAN);
        const pv_measure *lock = measure_of(&p, PV_ACTION_LOCK_LOGIN);
        const pv_measure *seal = measure_of(&p, PV_ACTION_SEAL);
        CU_ASSERT_PTR_NOT_NULL_FATAL(block);
        CU_ASSERT_PTR_NOT_NULL_FATAL(lock);
        CU_ASSERT_PTR_NOT_NULL_FATAL(seal);
        CU_ASSERT_STRING_EQUAL(block->routine, "M-GUARD");
        CU_ASSERT_STRING_EQUAL(block->guardian, "g1");
        CU_ASSERT_STRING_EQUAL(lock->routine, "M-PROT");
        CU_ASSERT_PTR_NULL(lock->condition);
        CU_ASSERT_STRING_EQUAL(seal->routine, "M-PROT");
        CU_ASSERT_PTR_NULL(seal->condition);
        CU_ASSERT_EQUAL(seal->seal.scope, PV_SEAL_WHOLE);
        CU_ASSERT_FALSE(seal->seal.has_content);
        apply_plan(&f, &p);
        CU_ASSERT_TRUE(f.citizen.login_locked);
        CU_ASSERT_EQUAL(permitted_ways(&f, PV_ACTOR_GUARDIAN, "g1", f.on), 0);
    }
}

static void test_plan_hide_unit_from_a_date_j2(void) {
    /* J2, J3: a unit seal in force from the goal's date, open-ended; the proof is made for that
       date when it is later than 'on'. */
    fixture f;
    fx_init(&f, D(1980, 1, 20), D(2026, 3, 4));
    pv_goal g = goal_of(PV_GOAL_HIDE_UNIT);
    g.unit = U1;
    g.from = D(2026, 4, 1);
    pv_plan p;
    CU_ASSERT_EQUAL_FATAL(plan(&f, &g, &p), PV_OK);
    CHECK_PLAN_OK(&p, D(2026, 4, 1));
    CU_ASSERT_EQUAL(p.measure_count, 1u);
    const pv_measure *seal = measure_of(&p, PV_ACTION_SEAL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(seal);
    CU_ASSERT_STRING_EQUAL(seal->routine, "J2");
    CU_ASSERT_PTR_NULL(seal->condition);
    CU_ASSERT_EQUAL(seal->seal.scope, PV_SEAL_UNIT);
    CU_ASSERT_STRING_EQUAL(seal->seal.unit, U1);
    CU_ASSERT_FALSE(seal->seal.has_content);
    CU_ASSERT_TRUE(same_date(seal->seal.active.from, D(2026, 4, 1)));
    CU_ASSERT_TRUE(pv_date_is_none(seal->seal.active.until));
    apply_plan(&f, &p);
    pv_actor self = named_actor(PV_ACTOR_SELF, NULL);
    pv_service unit = service_of(PV_SERVICE_JOURNAL, PV_CHANNEL_DIRECT, U1);
    pv_decision d;
    CU_ASSERT_EQUAL(evaluate(&f.citizen, &self, &unit, D(2026, 3, 31), &d), PV_OK);
    CU_ASSERT_EQUAL(d.effect, PV_EFFECT_PERMIT); /* not yet */
    CU_ASSERT_EQUAL(evaluate(&f.citizen, &self, &unit, D(2026, 4, 1), &d), PV_OK);
    CU_ASSERT_EQUAL(d.reason, PV_REASON_UNIT_SEALED);

    /* without a date: from 'on' */
    pv_goal now = goal_of(PV_GOAL_HIDE_UNIT);
    now.unit = U2;
    fx_init(&f, D(1980, 1, 20), D(2026, 3, 4));
    CU_ASSERT_EQUAL_FATAL(plan(&f, &now, &p), PV_OK);
    CHECK_PLAN_OK(&p, f.on);
    seal = measure_of(&p, PV_ACTION_SEAL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(seal);
    CU_ASSERT_STRING_EQUAL(seal->seal.unit, U2);
    CU_ASSERT_TRUE(same_date(seal->seal.active.from, f.on));
    /* a date before 'on': the proof is for 'on' */
    now.from = D(2026, 1, 1);
    CU_ASSERT_EQUAL_FATAL(plan(&f, &now, &p), PV_OK);
    CHECK_PLAN_OK(&p, f.on);
}

static void test_plan_hide_entries_content_period_j4(void) {
    /* J4: a unit seal with a content period; entries inside it are hidden, others are not. */
    fixture f;
    fx_init(&f, D(1980, 1, 20), D(2026, 3, 4));
    pv_goal g = goal_of(PV_GOAL_HIDE_ENTRIES);
    g.unit = U1;
    g.from = D(2020, 1, 1);
    g.until = D(2020, 12, 31);
    pv_plan p;
    CU_ASSERT_EQUAL_FATAL(plan(&f, &g, &p), PV_OK);
    CHECK_PLAN_OK(&p, f.on);
    CU_ASSERT_EQUAL(p.measure_count, 1u);
    const pv_measure *seal = measure_of(&p, PV_ACTION_SEAL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(seal);
    CU_ASSERT_STRING_EQUAL(seal->routine, "J4");
    CU_ASSERT_EQUAL(seal->seal.scope, PV_SEAL_UNIT);
    CU_ASSERT_STRING_EQUAL(seal->seal.unit, U1);
    CU_ASSERT_TRUE(seal->seal.has_content);
    CU_ASSERT_TRUE(same_date(seal->seal.content.from, D(2020, 1, 1)));
    CU_ASSERT_TRUE(same_date(seal->seal.content.until, D(2020, 12, 31)));
    apply_plan(&f, &p);
    pv_actor self = named_actor(PV_ACTOR_SELF, NULL);
    pv_service entry = service_of(PV_SERVICE_JOURNAL, PV_CHANNEL_DIRECT, U1);
    pv_decision d;
    entry.entry_date = D(2020, 12, 31);
    CU_ASSERT_EQUAL(evaluate(&f.citizen, &self, &entry, f.on, &d), PV_OK);
    CU_ASSERT_EQUAL(d.reason, PV_REASON_ENTRY_SEALED);
    entry.entry_date = D(2021, 1, 1);
    CU_ASSERT_EQUAL(evaluate(&f.citizen, &self, &entry, f.on, &d), PV_OK);
    CU_ASSERT_EQUAL(d.effect, PV_EFFECT_PERMIT);
    /* the unit as a whole stays reachable, filtered (step 7) */
    entry.entry_date = PV_DATE_NONE;
    CU_ASSERT_EQUAL(evaluate(&f.citizen, &self, &entry, f.on, &d), PV_OK);
    CU_ASSERT_EQUAL(d.effect, PV_EFFECT_PERMIT);
    CU_ASSERT_TRUE(d.filtered);
}

static void expect_plan_invalid(const fixture *f, const pv_goal *g, const char *field,
                                const char *file, unsigned line) {
    pv_plan p;
    pv_status st = plan(f, g, &p);
    fx_check(st == PV_ERR_INVALID_INPUT, file, line, "status %s, expected invalid for '%s'",
             pv_status_name(st), field);
    check_error(&plan_error, PV_ERR_INVALID_INPUT, field, file, line);
    fx_check(!p.holds, file, line, "an invalid plan holds");
}
#define EXPECT_PLAN_INVALID(f, g, field) expect_plan_invalid((f), (g), (field), __FILE__, __LINE__)

static void test_plan_invalid_goals_v1(void) {
    fixture f;
    fx_init(&f, D(2021, 1, 1), D(2026, 3, 4));
    pv_goal g = goal_of(PV_GOAL_GUARDIAN);
    g.guardian = "g9"; /* not among the guardians */
    EXPECT_PLAN_INVALID(&f, &g, "goal.guardian");
    g.guardian = NULL;
    EXPECT_PLAN_INVALID(&f, &g, "goal.guardian");
    g = goal_of(PV_GOAL_HIDE_UNIT);
    EXPECT_PLAN_INVALID(&f, &g, "goal.unit");
    g.unit = "";
    EXPECT_PLAN_INVALID(&f, &g, "goal.unit");
    g = goal_of(PV_GOAL_HIDE_ENTRIES);
    g.from = D(2020, 1, 1);
    g.until = D(2020, 12, 31);
    EXPECT_PLAN_INVALID(&f, &g, "goal.unit");
    g.unit = U1;
    g.from = D(2021, 1, 1); /* after 'until' */
    EXPECT_PLAN_INVALID(&f, &g, "goal.from");
    g.from = D(2023, 2, 29); /* does not exist */
    EXPECT_PLAN_INVALID(&f, &g, "goal.from");
    g = goal_of(PV_GOAL_KIND_COUNT);
    EXPECT_PLAN_INVALID(&f, &g, "goal.kind");
    /* a malformed record names the record's field */
    g = goal_of(PV_GOAL_NOTHING);
    pv_seal *s = fx_seal_always(&f, U1);
    s->unit = NULL;
    EXPECT_PLAN_INVALID(&f, &g, "citizen.seals[0].unit");
}

static void test_plan_invalid_goals_more_v1(void) {
    fixture f;
    fx_init(&f, D(2021, 1, 1), D(2026, 3, 4));
    pv_plan p;
    /* no goal at all */
    CU_ASSERT_EQUAL(plan(&f, NULL, &p), PV_ERR_INVALID_INPUT);
    CHECK_ERROR(&plan_error, PV_ERR_INVALID_INPUT, "goal");
    CU_ASSERT_FALSE(p.holds);
    /* a unit must be 1 to 64 printable ASCII characters, as every identifier (V1) */
    pv_goal g = goal_of(PV_GOAL_HIDE_UNIT);
    g.unit = "unit\twith a tab";
    EXPECT_PLAN_INVALID(&f, &g, "goal.unit");
    g.unit = "u-0123456789012345678901234567890123456789012345678901234567890123";
    EXPECT_PLAN_INVALID(&f, &g, "goal.unit");
    /* hide-entries needs an 'until' that exists */
    g = goal_of(PV_GOAL_HIDE_ENTRIES);
    g.unit = U1;
    g.from = D(2020, 1, 1);
    g.until = D(2020, 4, 31);
    EXPECT_PLAN_INVALID(&f, &g, "goal.until");
    /* a date to decide on that does not exist names 'on' (V1) */
    g = goal_of(PV_GOAL_NOTHING);
    pv_error err;
    garbage_error(&err);
    p = (pv_plan)PV_PLAN_INIT;
    CU_ASSERT_EQUAL(pv_plan_measures(&f.citizen, &g, D(2026, 2, 29), &p, &err),
                    PV_ERR_INVALID_INPUT);
    CHECK_ERROR(&err, PV_ERR_INVALID_INPUT, "on");
    /* more seals than the planner holds: refused, not truncated. The header says only that the
       error names the field: the record ("citizen") or its seals ("citizen.seals"). */
    static pv_seal many[PV_PLAN_MAX_RECORD + 1];
    for (size_t i = 0; i < PV_PLAN_MAX_RECORD + 1; i++) {
        many[i] = (pv_seal)PV_SEAL_INIT;
        many[i].scope = PV_SEAL_UNIT;
        many[i].unit = U1;
    }
    f.citizen.seals = many;
    f.citizen.seal_count = PV_PLAN_MAX_RECORD + 1;
    CU_ASSERT_EQUAL(plan(&f, &g, &p), PV_ERR_INVALID_INPUT);
    CHECK_ERROR(&plan_error, PV_ERR_INVALID_INPUT, NULL);
    CU_ASSERT_TRUE(strcmp(plan_error.field, "citizen") == 0 ||
                   strcmp(plan_error.field, "citizen.seals") == 0);
    CU_ASSERT_FALSE(p.holds);
}

/* -- pv_may_change -------------------------------------------------------------------------- */

/* The pv_error of the last may(). */
static pv_error may_error;

static pv_status may(pv_role role, pv_action action, const fixture *f, long measure,
                     pv_permission *out) {
    memset(out, 0x5A, sizeof *out);
    out->version = PV_PERMISSION_VERSION;
    garbage_error(&may_error);
    pv_status st = pv_may_change(role, action, &f->citizen, measure, f->on, out, &may_error);
    fx_check(may_error.status == st, __FILE__, __LINE__, "pv_error.status %s, the call returned %s",
             pv_status_name(may_error.status), pv_status_name(st));
    return st;
}

static void expect_may(const fixture *f, pv_role role, pv_action action, long measure, bool allowed,
                       pv_rule rule, const char *file, unsigned line) {
    pv_permission p;
    pv_status st = may(role, action, f, measure, &p);
    fx_check(st == PV_OK, file, line, "%s %s: status %s", pv_role_name(role),
             pv_action_name(action), pv_status_name(st));
    fx_check(p.allowed == allowed, file, line, "%s %s: allowed %d, expected %d", pv_role_name(role),
             pv_action_name(action), p.allowed, allowed);
    fx_check(p.rule == rule, file, line, "%s %s: rule %s, expected %s", pv_role_name(role),
             pv_action_name(action), fx_rule_text(p.rule), fx_rule_text(rule));
    fx_check(allowed ? p.part != PV_PART_NONE : p.part == PV_PART_NONE, file, line,
             "%s %s: part %s with allowed %d", pv_role_name(role), pv_action_name(action),
             pv_part_name(p.part) ? pv_part_name(p.part) : "?", p.allowed);
    fx_check(p.condition_count <= PV_MAY_MAX_CONDITIONS, file, line, "%zu conditions",
             p.condition_count);
}
#define EXPECT_MAY(f, role, action, measure, allowed, rule)                                        \
    expect_may((f), PV_ROLE_##role, PV_ACTION_##action, (measure), (allowed), PV_RULE_##rule,      \
               __FILE__, __LINE__)

static pv_part part_of(const fixture *f, pv_role role, pv_action action, long measure) {
    pv_permission p;
    if (may(role, action, f, measure, &p) != PV_OK) return PV_PART_COUNT;
    return p.part;
}

/* An adult with seals: [0] set by the citizen (Försegla mitt konto), [1] set by care for U1. */
static void adult_with_seals(fixture *f) {
    fx_init(f, D(1980, 1, 20), D(2026, 3, 4));
    f->citizen.guardian_count = 0;
    fx_seal_always(f, NULL)->requested_by = PV_REQUESTER_CITIZEN;
    fx_seal_always(f, U1)->requested_by = PV_REQUESTER_CARE;
}

static void test_may_lock_asked_by_citizen_or_care_executed_by_support_x1(void) {
    fixture f;
    fx_init(&f, D(1980, 1, 20), D(2026, 3, 4));
    EXPECT_MAY(&f, CITIZEN, LOCK_LOGIN, -1, true, X1);
    CU_ASSERT_EQUAL(part_of(&f, PV_ROLE_CITIZEN, PV_ACTION_LOCK_LOGIN, -1), PV_PART_ASK);
    EXPECT_MAY(&f, SUPPORT, LOCK_LOGIN, -1, true, X1);
    CU_ASSERT_EQUAL(part_of(&f, PV_ROLE_SUPPORT, PV_ACTION_LOCK_LOGIN, -1), PV_PART_EXECUTE);
    /* Care asks (X1) and decides after an assessment (X2): the strongest part is DECIDE. */
    pv_permission p;
    CU_ASSERT_EQUAL(may(PV_ROLE_CARE, PV_ACTION_LOCK_LOGIN, &f, -1, &p), PV_OK);
    CU_ASSERT_TRUE(p.allowed);
    CU_ASSERT_EQUAL(p.part, PV_PART_DECIDE);
    CU_ASSERT_TRUE(p.rule == PV_RULE_X1 || p.rule == PV_RULE_X2);
    /* X1: the case number is recorded */
    CU_ASSERT_EQUAL(may(PV_ROLE_SUPPORT, PV_ACTION_LOCK_LOGIN, &f, -1, &p), PV_OK);
    CU_ASSERT_TRUE(any_condition_mentions(&p, "case number"));
}

static void test_may_relatives_and_representatives_do_not_decide_x2(void) {
    /* X2 (003): they may raise the need, not decide on a lock or an unlock. */
    fixture f;
    fx_init(&f, D(1980, 1, 20), D(2026, 3, 4));
    f.citizen.login_locked = true;
    f.citizen.login_lock_case_number = "RS 2026-0042";
    EXPECT_MAY(&f, RELATIVE, LOCK_LOGIN, -1, false, X2);
    EXPECT_MAY(&f, REPRESENTATIVE, LOCK_LOGIN, -1, false, X2);
    EXPECT_MAY(&f, RELATIVE, UNLOCK_LOGIN, -1, false, X2);
    EXPECT_MAY(&f, REPRESENTATIVE, UNLOCK_LOGIN, -1, false, X2);
}

static void test_may_unlock_needs_a_new_assessment_x3(void) {
    /* X3 (003): an unlock is never automatic — a new assessment, a decision, an execution. */
    fixture f;
    fx_init(&f, D(1980, 1, 20), D(2026, 3, 4));
    f.citizen.login_locked = true;
    f.citizen.login_lock_case_number = "RS 2026-0042";
    EXPECT_MAY(&f, CARE, UNLOCK_LOGIN, -1, true, X3);
    CU_ASSERT_EQUAL(part_of(&f, PV_ROLE_CARE, PV_ACTION_UNLOCK_LOGIN, -1), PV_PART_DECIDE);
    pv_permission p;
    CU_ASSERT_EQUAL(may(PV_ROLE_CARE, PV_ACTION_UNLOCK_LOGIN, &f, -1, &p), PV_OK);
    CU_ASSERT_TRUE(any_condition_mentions(&p, "assessment"));
    EXPECT_MAY(&f, SUPPORT, UNLOCK_LOGIN, -1, true, X3);
    CU_ASSERT_EQUAL(part_of(&f, PV_ROLE_SUPPORT, PV_ACTION_UNLOCK_LOGIN, -1), PV_PART_EXECUTE);
    /* "as for a lock" (X3): the citizen, who may ask for a lock (X1), may ask for the unlock */
    EXPECT_MAY(&f, CITIZEN, UNLOCK_LOGIN, -1, true, X3);
    CU_ASSERT_EQUAL(part_of(&f, PV_ROLE_CITIZEN, PV_ACTION_UNLOCK_LOGIN, -1), PV_PART_ASK);
}

static void test_may_seal_set_by_citizen_or_care_x4(void) {
    fixture f;
    adult_with_seals(&f);
    EXPECT_MAY(&f, CITIZEN, SEAL, -1, true, X4);
    EXPECT_MAY(&f, CARE, SEAL, -1, true, X4);
    /* care decides with its form; support carries it out (001 "för verkställande") */
    CU_ASSERT_EQUAL(part_of(&f, PV_ROLE_CARE, PV_ACTION_SEAL, -1), PV_PART_DECIDE);
    EXPECT_MAY(&f, SUPPORT, SEAL, -1, true, X4);
    CU_ASSERT_EQUAL(part_of(&f, PV_ROLE_SUPPORT, PV_ACTION_SEAL, -1), PV_PART_EXECUTE);
    /* Relatives raise the need and contribute facts (X2); the seal is not theirs (X4). */
    pv_permission p;
    CU_ASSERT_EQUAL(may(PV_ROLE_RELATIVE, PV_ACTION_SEAL, &f, -1, &p), PV_OK);
    CU_ASSERT_FALSE(p.allowed);
    CU_ASSERT_EQUAL(p.part, PV_PART_NONE);
    CU_ASSERT_TRUE(p.rule == PV_RULE_X2 || p.rule == PV_RULE_X4);
}

static void test_may_citizen_seal_lifted_only_by_central_support_x4(void) {
    /* X4 (001, 004): a seal set by the citizen is lifted only by central support, after making
       sure it is the citizen's own wish and no threat or violence is involved. */
    fixture f;
    adult_with_seals(&f);
    EXPECT_MAY(&f, CENTRAL_SUPPORT, UNSEAL, 0, true, X4);
    pv_permission p;
    CU_ASSERT_EQUAL(may(PV_ROLE_CENTRAL_SUPPORT, PV_ACTION_UNSEAL, &f, 0, &p), PV_OK);
    CU_ASSERT_TRUE(p.condition_count >= 1);
    CU_ASSERT_TRUE(any_condition_mentions(&p, "wish"));
    CU_ASSERT_TRUE(any_condition_mentions(&p, "threat"));
    EXPECT_MAY(&f, CARE, UNSEAL, 0, false, X4);
    EXPECT_MAY(&f, SUPPORT, UNSEAL, 0, false, X4);
    EXPECT_MAY(&f, RELATIVE, UNSEAL, 0, false, X4);
    EXPECT_MAY(&f, GUARDIAN, UNSEAL, 0, false, X4);
    /* the seal set by care: care lifts it (decides), support carries it out, and the citizen
       may ask for it; each after making sure it is the citizen's own wish (001) */
    EXPECT_MAY(&f, CARE, UNSEAL, 1, true, X4);
    CU_ASSERT_EQUAL(part_of(&f, PV_ROLE_CARE, PV_ACTION_UNSEAL, 1), PV_PART_DECIDE);
    EXPECT_MAY(&f, SUPPORT, UNSEAL, 1, true, X4);
    CU_ASSERT_EQUAL(part_of(&f, PV_ROLE_SUPPORT, PV_ACTION_UNSEAL, 1), PV_PART_EXECUTE);
    EXPECT_MAY(&f, CITIZEN, UNSEAL, 1, true, X4);
    CU_ASSERT_EQUAL(part_of(&f, PV_ROLE_CITIZEN, PV_ACTION_UNSEAL, 1), PV_PART_ASK);
    CU_ASSERT_EQUAL(may(PV_ROLE_CARE, PV_ACTION_UNSEAL, &f, 1, &p), PV_OK);
    CU_ASSERT_TRUE(any_condition_mentions(&p, "wish"));
    CU_ASSERT_EQUAL(may(PV_ROLE_RELATIVE, PV_ACTION_UNSEAL, &f, 1, &p), PV_OK);
    CU_ASSERT_FALSE(p.allowed);
    CU_ASSERT_TRUE(p.rule == PV_RULE_X2 || p.rule == PV_RULE_X4);
    /* the citizen cannot lift the own seal, only ask central support for it */
    CU_ASSERT_EQUAL(may(PV_ROLE_CITIZEN, PV_ACTION_UNSEAL, &f, 0, &p), PV_OK);
    CU_ASSERT_TRUE(p.part == PV_PART_NONE || p.part == PV_PART_ASK);
}

static void test_may_only_care_blocks_and_unblocks_x5(void) {
    /* X5: only care blocks a guardian and lifts the block. Seed 001 sends care's signed form
       "Blockera vårdnadshavare" to VIS-Supporten "för verkställande": support may carry out
       care's decision (EXECUTE) but decides nothing; no other role takes part. */
    fixture f;
    fx_init(&f, D(2021, 1, 1), D(2026, 3, 4));
    f.guardians[1].blocked = true;
    EXPECT_MAY(&f, CARE, BLOCK_GUARDIAN, 0, true, X5);
    EXPECT_MAY(&f, CARE, UNBLOCK_GUARDIAN, 1, true, X5);
    CU_ASSERT_EQUAL(part_of(&f, PV_ROLE_CARE, PV_ACTION_BLOCK_GUARDIAN, 0), PV_PART_DECIDE);
    CU_ASSERT_EQUAL(part_of(&f, PV_ROLE_CARE, PV_ACTION_UNBLOCK_GUARDIAN, 1), PV_PART_DECIDE);
    CU_ASSERT_EQUAL(part_of(&f, PV_ROLE_SUPPORT, PV_ACTION_BLOCK_GUARDIAN, 0), PV_PART_EXECUTE);
    CU_ASSERT_EQUAL(part_of(&f, PV_ROLE_SUPPORT, PV_ACTION_UNBLOCK_GUARDIAN, 1), PV_PART_EXECUTE);
    static const pv_role others[] = {PV_ROLE_CITIZEN, PV_ROLE_GUARDIAN, PV_ROLE_RELATIVE,
                                     PV_ROLE_REPRESENTATIVE, PV_ROLE_CENTRAL_SUPPORT};
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
        expect_may(&f, others[i], PV_ACTION_BLOCK_GUARDIAN, 0, false, PV_RULE_X5, __FILE__,
                   __LINE__);
        expect_may(&f, others[i], PV_ACTION_UNBLOCK_GUARDIAN, 1, false, PV_RULE_X5, __FILE__,
                   __LINE__);
    }
}

static void test_may_direct_access_decided_by_care_x6(void) {
    /* X6: the treating care staff decide direct access, per unit, and may remove it. */
    fixture f;
    fx_init(&f, D(2011, 7, 1), D(2026, 3, 4));
    fx_grant(&f, "g1", U1, PV_DATE_NONE, PV_DATE_NONE);
    EXPECT_MAY(&f, CARE, GRANT_DIRECT_ACCESS, -1, true, X6);
    CU_ASSERT_EQUAL(part_of(&f, PV_ROLE_CARE, PV_ACTION_GRANT_DIRECT_ACCESS, -1), PV_PART_DECIDE);
    CU_ASSERT_EQUAL(part_of(&f, PV_ROLE_CARE, PV_ACTION_REMOVE_DIRECT_ACCESS, -1), PV_PART_DECIDE);
    EXPECT_MAY(&f, CARE, REMOVE_DIRECT_ACCESS, -1, true, X6);
    EXPECT_MAY(&f, RELATIVE, GRANT_DIRECT_ACCESS, -1, false, X6);
    EXPECT_MAY(&f, CENTRAL_SUPPORT, GRANT_DIRECT_ACCESS, -1, false, X6);
    /* 001: the signed form goes to VIS-Supporten "för verkställande": support only executes */
    CU_ASSERT_TRUE(part_of(&f, PV_ROLE_SUPPORT, PV_ACTION_GRANT_DIRECT_ACCESS, -1) ==
                       PV_PART_EXECUTE ||
                   part_of(&f, PV_ROLE_SUPPORT, PV_ACTION_GRANT_DIRECT_ACCESS, -1) == PV_PART_NONE);
    /* the child (D1) and the guardians (D2) take part but never decide */
    CU_ASSERT_NOT_EQUAL(part_of(&f, PV_ROLE_CITIZEN, PV_ACTION_GRANT_DIRECT_ACCESS, -1),
                        PV_PART_DECIDE);
    CU_ASSERT_NOT_EQUAL(part_of(&f, PV_ROLE_GUARDIAN, PV_ACTION_GRANT_DIRECT_ACCESS, -1),
                        PV_PART_DECIDE);
}

static void test_may_representative_needs_court_order_and_consent_x7(void) {
    /* X7, P2: a representative needs a court order and the principal's consent. */
    fixture f;
    fx_init(&f, D(1980, 1, 20), D(2026, 3, 4));
    pv_permission p;
    CU_ASSERT_EQUAL(may(PV_ROLE_REPRESENTATIVE, PV_ACTION_REGISTER_REPRESENTATIVE, &f, -1, &p),
                    PV_OK);
    CU_ASSERT_EQUAL(p.rule, PV_RULE_X7);
    CU_ASSERT_TRUE(p.allowed);
    CU_ASSERT_TRUE(any_condition_mentions(&p, "court order"));
    /* the consent is the principal's: the citizen's part, and care records it */
    CU_ASSERT_EQUAL(may(PV_ROLE_CITIZEN, PV_ACTION_REGISTER_REPRESENTATIVE, &f, -1, &p), PV_OK);
    CU_ASSERT_EQUAL(p.rule, PV_RULE_X7);
    CU_ASSERT_TRUE(p.allowed);
    CU_ASSERT_TRUE(any_condition_mentions(&p, "consent"));
    CU_ASSERT_EQUAL(may(PV_ROLE_CARE, PV_ACTION_REGISTER_REPRESENTATIVE, &f, -1, &p), PV_OK);
    CU_ASSERT_EQUAL(p.rule, PV_RULE_X7);
    CU_ASSERT_TRUE(any_condition_mentions(&p, "consent"));
    EXPECT_MAY(&f, RELATIVE, REGISTER_REPRESENTATIVE, -1, false, X7);
    /* support registers on care's signed form (001), deciding nothing */
    EXPECT_MAY(&f, SUPPORT, REGISTER_REPRESENTATIVE, -1, true, X7);
    CU_ASSERT_EQUAL(part_of(&f, PV_ROLE_SUPPORT, PV_ACTION_REGISTER_REPRESENTATIVE, -1),
                    PV_PART_EXECUTE);
}

static void test_may_invalid_v1(void) {
    fixture f;
    adult_with_seals(&f);
    pv_permission p;
    /* unseal without a measure index (it is required, X4), or one that names nothing */
    CU_ASSERT_EQUAL(may(PV_ROLE_CENTRAL_SUPPORT, PV_ACTION_UNSEAL, &f, -1, &p),
                    PV_ERR_INVALID_INPUT);
    CU_ASSERT_FALSE(p.allowed);
    CHECK_ERROR(&may_error, PV_ERR_INVALID_INPUT, "measure");
    CU_ASSERT_TRUE(mentions(may_error.message, "required"));
    CU_ASSERT_EQUAL(may(PV_ROLE_CENTRAL_SUPPORT, PV_ACTION_UNSEAL, &f, 2, &p),
                    PV_ERR_INVALID_INPUT);
    CU_ASSERT_FALSE(p.allowed);
    CHECK_ERROR(&may_error, PV_ERR_INVALID_INPUT, "measure");
    /* unblock a guardian that is not there */
    fx_init(&f, D(2021, 1, 1), D(2026, 3, 4));
    CU_ASSERT_EQUAL(may(PV_ROLE_CARE, PV_ACTION_UNBLOCK_GUARDIAN, &f, 5, &p), PV_ERR_INVALID_INPUT);
    CU_ASSERT_FALSE(p.allowed);
    CHECK_ERROR(&may_error, PV_ERR_INVALID_INPUT, "measure");
    /* out-of-range role and action */
    CU_ASSERT_EQUAL(may(PV_ROLE_COUNT, PV_ACTION_SEAL, &f, -1, &p), PV_ERR_INVALID_INPUT);
    CU_ASSERT_FALSE(p.allowed);
    CHECK_ERROR(&may_error, PV_ERR_INVALID_INPUT, "role");
    CU_ASSERT_EQUAL(may(PV_ROLE_CARE, PV_ACTION_COUNT, &f, -1, &p), PV_ERR_INVALID_INPUT);
    CU_ASSERT_FALSE(p.allowed);
    CHECK_ERROR(&may_error, PV_ERR_INVALID_INPUT, "action");
    /* a malformed record */
    f.guardians[1].id = "g1";
    CU_ASSERT_EQUAL(may(PV_ROLE_CARE, PV_ACTION_BLOCK_GUARDIAN, &f, 0, &p), PV_ERR_INVALID_INPUT);
    CU_ASSERT_FALSE(p.allowed);
    CHECK_ERROR(&may_error, PV_ERR_INVALID_INPUT, "citizen.guardians[1].id");
    /* and the error is cleared by the next call that succeeds */
    fx_init(&f, D(2021, 1, 1), D(2026, 3, 4));
    CU_ASSERT_EQUAL(may(PV_ROLE_CARE, PV_ACTION_BLOCK_GUARDIAN, &f, 0, &p), PV_OK);
    CHECK_ERROR(&may_error, PV_OK, NULL);
}

static void test_names_of_beyond_enums(void) {
    /* The header documents "block_guardian" (the name of PV_ACTION_BLOCK_GUARDIAN without its
       prefix, as every other enum name is formed: "e_services", "freja_plus"). */
    const char *block = pv_action_name(PV_ACTION_BLOCK_GUARDIAN);
    fx_check(block != NULL && strcmp(block, "block_guardian") == 0, __FILE__, __LINE__,
             "pv_action_name(PV_ACTION_BLOCK_GUARDIAN) is \"%s\"; portvakt.h documents "
             "\"block_guardian\" (see the names of pv_action in src/text/names.c)",
             block != NULL ? block : "(null)");
    CU_ASSERT_STRING_EQUAL(pv_role_name(PV_ROLE_CENTRAL_SUPPORT), "central_support");
    CU_ASSERT_STRING_EQUAL(pv_part_name(PV_PART_ASK), "ask");
    CU_ASSERT_PTR_NULL(pv_action_name(PV_ACTION_COUNT));
    CU_ASSERT_PTR_NULL(pv_role_name(PV_ROLE_COUNT));
    CU_ASSERT_PTR_NULL(pv_part_name(PV_PART_COUNT));
    CU_ASSERT_PTR_NULL(pv_goal_kind_name(PV_GOAL_KIND_COUNT));
    for (int i = 0; i < PV_ACTION_COUNT; i++) CU_ASSERT_PTR_NOT_NULL(pv_action_name((pv_action)i));
    for (int i = 0; i < PV_ROLE_COUNT; i++) CU_ASSERT_PTR_NOT_NULL(pv_role_name((pv_role)i));
    for (int i = 0; i < PV_PART_COUNT; i++) CU_ASSERT_PTR_NOT_NULL(pv_part_name((pv_part)i));
    for (int i = 0; i < PV_GOAL_KIND_COUNT; i++) {
        CU_ASSERT_PTR_NOT_NULL(pv_goal_kind_name((pv_goal_kind)i));
    }
}

int register_beyond_suite(void) {
    static const pv_test_case cases[] = {
        {"who: rows per actor and unit, in record order",
         test_who_rows_per_actor_and_unit_in_record_order},
        {"who: an adult alone has two rows (S1, S2)", test_who_alone_adult_has_two_rows},
        {"who: size query, buffer too small", test_who_size_query_and_buffer_too_small},
        {"who: locked citizen reaches the journal directly (E2)",
         test_who_locked_citizen_still_reaches_journal_directly_e2},
        {"who: blocked guardian rows denied (G3)", test_who_blocked_guardian_rows_denied_g3},
        {"who: invalid record names the field (V1)", test_who_invalid_record_names_field_v1},
        {"timeline: guardian e-services birth to 18 (G1)",
         test_timeline_guardian_e_services_birth_to_18_g1},
        {"timeline: the child itself birth to 18 (S1, S2)",
         test_timeline_child_self_birth_to_18_s1_s2},
        {"timeline: guardian journal with a D2 grant (G2, D2, D3)",
         test_timeline_guardian_journal_with_d2_grant},
        {"timeline: a grant has no effect from 16 (D3)",
         test_timeline_grant_beyond_16_has_no_effect_d3},
        {"timeline: seal active interval (J3, J5)", test_timeline_seal_active_interval_j3},
        {"timeline: ends where a personnummer reads as a later birth (N4, V1)",
         test_timeline_ends_where_the_personnummer_reads_as_a_later_birth_n4},
        {"timeline: a unit seal filters the whole journal (J2, T1)",
         test_timeline_unit_seal_filters_whole_journal_j2},
        {"timeline: buffer too small and invalid input",
         test_timeline_buffer_too_small_and_invalid},
        {"advise: consistent records", test_advise_consistent_records_have_no_advice},
        {"advise: blocked guardian without child lock (M-GUARD)",
         test_advise_blocked_guardian_without_child_lock_m_guard},
        {"advise: protected identity without measures (M-PROT)",
         test_advise_protected_identity_without_measures_m_prot},
        {"advise: locked child under 13 cuts guardians (M-13)",
         test_advise_locked_child_under_13_cuts_guardians_m_13},
        {"advise: lock without case number (X1)", test_advise_lock_without_case_number_x1},
        {"advise: several, buffer, invalid", test_advise_several_buffer_and_invalid},
        {"plan: nothing (M-ALL)", test_plan_nothing_locks_and_seals_m_all},
        {"plan: no journal needs a whole seal (E2, J1)",
         test_plan_no_journal_needs_a_whole_seal_e2},
        {"plan: guardian (M-GUARD)", test_plan_guardian_block_and_conditional_lock_m_guard},
        {"plan: guardian of a 14-year-old with a grant (G3, D2)",
         test_plan_guardian_of_14_year_old_with_grant_g3},
        {"plan: guardian with protected identity (M-PROT)",
         test_plan_guardian_with_protected_identity_m_prot},
        {"plan: hide a unit from a date (J2)", test_plan_hide_unit_from_a_date_j2},
        {"plan: hide entries (J4)", test_plan_hide_entries_content_period_j4},
        {"plan: invalid goals (V1)", test_plan_invalid_goals_v1},
        {"plan: no goal, bad unit, bad until, bad on, too many seals (V1)",
         test_plan_invalid_goals_more_v1},
        {"may: lock (X1)", test_may_lock_asked_by_citizen_or_care_executed_by_support_x1},
        {"may: relatives and representatives (X2)",
         test_may_relatives_and_representatives_do_not_decide_x2},
        {"may: unlock (X3)", test_may_unlock_needs_a_new_assessment_x3},
        {"may: seal (X4)", test_may_seal_set_by_citizen_or_care_x4},
        {"may: a citizen's seal is lifted by central support (X4)",
         test_may_citizen_seal_lifted_only_by_central_support_x4},
        {"may: only care blocks and unblocks (X5)", test_may_only_care_blocks_and_unblocks_x5},
        {"may: direct access (X6)", test_may_direct_access_decided_by_care_x6},
        {"may: representative (X7)", test_may_representative_needs_court_order_and_consent_x7},
        {"may: invalid (V1)", test_may_invalid_v1},
        {"names of the action, role, part and goal enums", test_names_of_beyond_enums},
        {NULL, NULL},
    };
    return pv_add_suite("beyond a yes/no (who, timeline, advise, plan, may)", cases);
}
