/* test_eval_util.h — the fixture of the pv_evaluate suites: one citizen, actor, service and
   date that a test adjusts, and checks that state the expected decision (RULES.md section 3).

   Every check evaluates the fixture with pv_evaluate() (its pv_error in f->err), and also with
   pv_decide() (without a pv_error) and pv_validate(), which must agree with it (same decision,
   no changes_on; PV_OK or the same field). A failed check names the line of the test and what
   was expected and got.

   Every struct of the fixture carries the version of the header (RULES.md, the header's "ABI
   that can grow"): fx_init() sets them after its memset, and so do the helpers that add a seal,
   a guardian or a representative. */
#ifndef PV_TEST_EVAL_UTIL_H
#define PV_TEST_EVAL_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "test_util.h"

/* Two care units (HSA-ids) used throughout. */
#define U1 "SE2321000016-1ABC"
#define U2 "SE2321000016-2DEF"

/* The bit of a reason in pv_decision.reasons: BIT(UNIT_SEALED). */
#define BIT(name) (1u << PV_REASON_##name)

enum {
    FX_MAX = 6
};

typedef struct fixture {
    pv_citizen citizen;
    pv_actor actor;
    pv_service service;
    pv_date on;
    pv_seal seals[FX_MAX];
    pv_guardian guardians[FX_MAX];
    pv_grant grants[FX_MAX];
    pv_representative reps[FX_MAX];
    pv_status status;
    pv_decision d;
    pv_error err; /* the pv_error of the last pv_evaluate() */
} fixture;

/* A citizen born on 'birth' with two guardians "g1" and "g2" (neither blocked nor protected),
   one complete representative "r1" (god man, sörja för person, consent, court order, open
   appointment), no seals, no grants, no lock; the citizen asking for e-services through the
   portal with BankID on 'on'. */
static inline void fx_init(fixture *f, pv_date birth, pv_date on) {
    memset(f, 0, sizeof *f);
    f->citizen.version = PV_CITIZEN_VERSION;
    f->actor.version = PV_ACTOR_VERSION;
    f->service.version = PV_SERVICE_VERSION;
    for (int i = 0; i < FX_MAX; i++) {
        f->seals[i].version = PV_SEAL_VERSION;
        f->guardians[i].version = PV_GUARDIAN_VERSION;
        f->grants[i].version = PV_GRANT_VERSION;
        f->reps[i].version = PV_REPRESENTATIVE_VERSION;
    }
    f->d = (pv_decision)PV_DECISION_INIT;
    f->err = (pv_error)PV_ERROR_INIT;
    f->on = on;
    f->citizen.birth_date = birth;
    f->guardians[0].id = "g1";
    f->guardians[1].id = "g2";
    f->citizen.guardians = f->guardians;
    f->citizen.guardian_count = 2;
    f->reps[0].id = "r1";
    f->reps[0].kind = PV_REPRESENTATIVE_GOD_MAN;
    f->reps[0].cares_for_person = true;
    f->reps[0].consent = true;
    f->reps[0].court_order = true;
    f->citizen.representatives = f->reps;
    f->citizen.representative_count = 1;
    f->citizen.seals = f->seals;
    f->citizen.grants = f->grants;
    f->actor.kind = PV_ACTOR_SELF;
    f->actor.eid = PV_EID_BANKID;
    f->service.kind = PV_SERVICE_E_SERVICES;
    f->service.channel = PV_CHANNEL_PORTAL;
}

/* The actor. */
static inline void fx_self(fixture *f) {
    f->actor.kind = PV_ACTOR_SELF;
    f->actor.id = NULL;
}
static inline void fx_guardian(fixture *f, const char *id) {
    f->actor.kind = PV_ACTOR_GUARDIAN;
    f->actor.id = id;
}
static inline void fx_rep(fixture *f, const char *id) {
    f->actor.kind = PV_ACTOR_REPRESENTATIVE;
    f->actor.id = id;
}
static inline void fx_other(fixture *f) {
    f->actor.kind = PV_ACTOR_OTHER;
    f->actor.id = NULL;
}

/* The service. */
static inline void fx_eservices(fixture *f) {
    f->service.kind = PV_SERVICE_E_SERVICES;
    f->service.channel = PV_CHANNEL_PORTAL;
    f->service.unit = NULL;
    f->service.entry_date = PV_DATE_NONE;
}
/* The whole journal through the portal. */
static inline void fx_journal(fixture *f) {
    f->service.kind = PV_SERVICE_JOURNAL;
    f->service.channel = PV_CHANNEL_PORTAL;
    f->service.unit = NULL;
    f->service.entry_date = PV_DATE_NONE;
}
/* One unit's records through the portal. */
static inline void fx_journal_unit(fixture *f, const char *unit) {
    fx_journal(f);
    f->service.unit = unit;
}
/* One entry through the portal. */
static inline void fx_journal_entry(fixture *f, const char *unit, pv_date entry) {
    fx_journal(f);
    f->service.unit = unit;
    f->service.entry_date = entry;
}
static inline void fx_channel(fixture *f, pv_channel channel) {
    f->service.channel = channel;
}

/* Adds a seal in force on [from, until] (PV_DATE_NONE for an open end) without a content
   period; 'unit' NULL for the whole journal. Returns it so that a test can adjust it. */
static inline pv_seal *fx_seal(fixture *f, const char *unit, pv_date from, pv_date until) {
    pv_seal *s = &f->seals[f->citizen.seal_count++];
    *s = (pv_seal)PV_SEAL_INIT;
    s->scope = unit == NULL ? PV_SEAL_WHOLE : PV_SEAL_UNIT;
    s->unit = unit;
    s->active.from = from;
    s->active.until = until;
    s->requested_by = PV_REQUESTER_CARE;
    return s;
}
/* Adds a seal always in force. */
static inline pv_seal *fx_seal_always(fixture *f, const char *unit) {
    return fx_seal(f, unit, PV_DATE_NONE, PV_DATE_NONE);
}
/* Adds a seal always in force that hides the entries registered in [cfrom, cuntil] (J4). */
static inline pv_seal *fx_seal_content(fixture *f, const char *unit, pv_date cfrom,
                                       pv_date cuntil) {
    pv_seal *s = fx_seal_always(f, unit);
    s->has_content = true;
    s->content.from = cfrom;
    s->content.until = cuntil;
    return s;
}

/* Adds a direct-access grant. */
static inline pv_grant *fx_grant(fixture *f, const char *holder, const char *unit, pv_date from,
                                 pv_date until) {
    pv_grant *g = &f->grants[f->citizen.grant_count++];
    *g = (pv_grant)PV_GRANT_INIT;
    g->holder = holder;
    g->unit = unit;
    g->from = from;
    g->until = until;
    return g;
}

/* Adds a guardian. */
static inline pv_guardian *fx_add_guardian(fixture *f, const char *id) {
    pv_guardian *g = &f->guardians[f->citizen.guardian_count++];
    *g = (pv_guardian)PV_GUARDIAN_INIT;
    g->id = id;
    return g;
}

/* Adds a representative, complete as r1. */
static inline pv_representative *fx_add_rep(fixture *f, const char *id) {
    pv_representative *r = &f->reps[f->citizen.representative_count++];
    *r = (pv_representative)PV_REPRESENTATIVE_INIT;
    r->id = id;
    r->kind = PV_REPRESENTATIVE_GOD_MAN;
    r->cares_for_person = true;
    r->consent = true;
    r->court_order = true;
    return r;
}

/* -- checks ------------------------------------------------------------------------------- */

#if defined(__GNUC__) || defined(__clang__)
__attribute__((format(printf, 4, 5)))
#endif
static inline void
fx_check(bool ok, const char *file, unsigned line, const char *fmt, ...) {
    char text[512];
    if (ok) {
        CU_assertImplementation(CU_TRUE, line, "", file, "", CU_FALSE);
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    CU_assertImplementation(CU_FALSE, line, text, file, "", CU_FALSE);
}

static inline const char *fx_reason_text(pv_reason r) {
    const char *name = pv_reason_name(r);
    return name != NULL ? name : "?";
}

static inline const char *fx_rule_text(int rule) {
    const char *name = pv_rule_name((pv_rule)rule);
    return name != NULL ? name : "-";
}

/* Writes the names of the reasons in 'mask' as "{A,B}". */
static inline const char *fx_mask_text(uint32_t mask, char *buf, size_t size) {
    size_t n = 0;
    buf[0] = '\0';
    n += (size_t)snprintf(buf + n, size - n, "{");
    for (int r = 0; r < 32 && n < size; r++) {
        if ((mask >> r) & 1u) {
            n += (size_t)snprintf(buf + n, size - n, "%s%s", n > 1 ? "," : "",
                                  r < PV_REASON_COUNT ? fx_reason_text((pv_reason)r) : "bit?");
        }
    }
    if (n < size) snprintf(buf + n, size - n, "}");
    return buf;
}

static inline const char *fx_date_text(pv_date date, char *buf) {
    if (pv_date_is_none(date)) return "none";
    snprintf(buf, PV_DATE_STRING_SIZE + 8, "%04d-%02d-%02d", date.year, date.month, date.day);
    return buf;
}

static inline bool fx_same_decision(const pv_decision *a, const pv_decision *b) {
    return a->version == b->version && a->effect == b->effect && a->reason == b->reason &&
           a->reasons == b->reasons && a->rule == b->rule && a->filtered == b->filtered &&
           memcmp(a->reason_rules, b->reason_rules, sizeof a->reason_rules) == 0;
}

/* The prepared path (portvakt_prepared.h) on the fixture, after pv_evaluate(): a citizen that
   pv_prepare() accepts is decided by pv_evaluate_prepared() exactly as by pv_evaluate() (every
   member of the decision, changes_on included, and the status, field and rule of the error), and
   pv_prepared_check() accepts it; one it refuses is refused by pv_evaluate() too. */
static inline void fx_check_prepared(const fixture *f, const char *file, unsigned line) {
    static max_align_t storage[PV_PREPARED_MAX_SIZE / sizeof(max_align_t)];
    pv_prepared *record = NULL;
    pv_error err = PV_ERROR_INIT;
    if (pv_prepare(&f->citizen, storage, sizeof storage, &record, &err) != PV_OK) {
        fx_check(f->status == PV_ERR_INVALID_INPUT && record == NULL, file, line,
                 "pv_prepare() refused the citizen ('%.96s') that pv_evaluate() accepted",
                 err.field);
        return;
    }
    pv_decision d;
    memset(&d, 0x3C, sizeof d);
    d.version = PV_DECISION_VERSION;
    pv_status st = pv_evaluate_prepared(record, &f->citizen, &f->actor, &f->service, f->on, &d,
                                        &err);
    fx_check(st == f->status && fx_same_decision(&f->d, &d) &&
                 pv_date_compare(d.changes_on, f->d.changes_on) == 0 &&
                 pv_date_is_none(d.changes_on) == pv_date_is_none(f->d.changes_on),
             file, line, "pv_evaluate_prepared() disagrees with pv_evaluate()");
    fx_check(err.status == f->err.status && err.rule == f->err.rule &&
                 strcmp(err.field, f->err.field) == 0,
             file, line, "pv_evaluate_prepared() error '%.96s', pv_evaluate() '%.96s'", err.field,
             f->err.field);
    fx_check(pv_prepared_check(record, &f->citizen, NULL) == PV_OK, file, line,
             "pv_prepared_check() refused the citizen just prepared");
}

/* Evaluates the fixture into f->d and f->err (both are filled with garbage first and given only
   their version, so that every field must be written), and checks that pv_decide() (given no
   pv_error) and pv_validate() agree. */
static inline const pv_decision *fx_eval_at(fixture *f, const char *file, unsigned line) {
    pv_decision other;
    pv_error other_err;
    memset(&f->d, 0x5A, sizeof f->d);
    f->d.version = PV_DECISION_VERSION;
    memset(&f->err, 0x5A, sizeof f->err);
    f->err.version = PV_ERROR_VERSION;
    f->status = pv_evaluate(&f->citizen, &f->actor, &f->service, f->on, &f->d, &f->err);
    fx_check(f->err.status == f->status, file, line, "pv_error.status %s, the call returned %s",
             pv_status_name(f->err.status), pv_status_name(f->status));

    memset(&other, 0xA5, sizeof other);
    other.version = PV_DECISION_VERSION;
    pv_status st = pv_decide(&f->citizen, &f->actor, &f->service, f->on, &other, NULL);
    fx_check(st == f->status && fx_same_decision(&f->d, &other), file, line,
             "pv_decide() disagrees with pv_evaluate()");
    fx_check(pv_date_is_none(other.changes_on), file, line, "pv_decide() computed changes_on");

    fx_check_prepared(f, file, line);

    memset(&other_err, 0xA5, sizeof other_err);
    other_err.version = PV_ERROR_VERSION;
    st = pv_validate(&f->citizen, &f->actor, &f->service, f->on, &other_err);
    if (f->status == PV_OK) {
        fx_check(st == PV_OK && other_err.status == PV_OK && other_err.field[0] == '\0' &&
                     other_err.message == NULL,
                 file, line, "pv_validate() on valid input: status %s field '%.96s'",
                 pv_status_name(st), other_err.field);
    } else {
        fx_check(st == f->status && other_err.status == f->status &&
                     other_err.rule == f->err.rule &&
                     strcmp(other_err.field, f->err.field) == 0,
                 file, line, "pv_validate() disagrees with pv_evaluate(): field '%.96s'",
                 other_err.field);
    }
    return &f->d;
}
#define fx_eval(f) fx_eval_at((f), __FILE__, __LINE__)

/* Checks the parts shared by every decision made with status PV_OK. */
static inline void fx_check_ok(const fixture *f, const char *file, unsigned line) {
    fx_check(f->status == PV_OK, file, line, "status %s (field '%.96s'), expected PV_OK",
             pv_status_name(f->status), f->err.field);
    fx_check(f->d.version == PV_DECISION_VERSION, file, line, "decision version %u changed",
             (unsigned)f->d.version);
    fx_check(f->err.status == PV_OK, file, line, "pv_error.status %s on a valid input",
             pv_status_name(f->err.status));
    fx_check(f->err.field[0] == '\0', file, line, "field '%.96s' on a valid input", f->err.field);
    fx_check(f->err.message == NULL, file, line, "message set on a valid input");
    for (int r = PV_REASON_COUNT; r < PV_REASON_MAX; r++) {
        fx_check(f->d.reason_rules[r] == PV_RULE_NONE, file, line,
                 "reason_rules[%d] = %s beyond the last reason", r,
                 fx_rule_text(f->d.reason_rules[r]));
    }
    for (int r = 0; r < PV_REASON_COUNT; r++) {
        bool present = (f->d.reasons >> r) & 1u;
        fx_check(present == (f->d.reason_rules[r] != PV_RULE_NONE), file, line,
                 "reason_rules[%s] = %s but the reason is %s", fx_reason_text((pv_reason)r),
                 fx_rule_text(f->d.reason_rules[r]), present ? "present" : "absent");
    }
    fx_check((f->d.reasons >> PV_REASON_COUNT) == 0, file, line, "reason bits above the count");
}

/* Evaluates and expects a permit with 'basis', decided by 'rule', with 'filtered'. */
static inline void fx_expect_permit(fixture *f, pv_reason basis, pv_rule rule, bool filtered,
                                    const char *file, unsigned line) {
    char got[400];
    fx_eval_at(f, file, line);
    fx_check_ok(f, file, line);
    const pv_decision *d = &f->d;
    fx_check(d->effect == PV_EFFECT_PERMIT && d->reason == basis, file, line,
             "expected permit %s, got %s %s reasons %s", fx_reason_text(basis),
             d->effect == PV_EFFECT_PERMIT ? "permit" : "deny", fx_reason_text(d->reason),
             fx_mask_text(d->reasons, got, sizeof got));
    fx_check(d->reasons == 0, file, line, "permit with reasons %s",
             fx_mask_text(d->reasons, got, sizeof got));
    fx_check(d->rule == rule, file, line, "rule %s, expected %s", fx_rule_text(d->rule),
             fx_rule_text(rule));
    fx_check(d->filtered == filtered, file, line, "filtered %d, expected %d", d->filtered,
             filtered);
    fx_check(pv_decision_reason_count(d) == 0, file, line, "reason count %d on a permit",
             pv_decision_reason_count(d));
}

/* Evaluates and expects a deny with exactly the reasons of 'mask'; the primary reason is the
   first of them in RULES.md order (the order of pv_reason) and 'rule' decided it. */
static inline void fx_expect_deny(fixture *f, uint32_t mask, pv_rule rule, const char *file,
                                  unsigned line) {
    char got[400], want[400];
    pv_reason primary = PV_REASON_COUNT;
    for (int r = 0; r < PV_REASON_COUNT; r++) {
        if ((mask >> r) & 1u) {
            primary = (pv_reason)r;
            break;
        }
    }
    fx_eval_at(f, file, line);
    fx_check_ok(f, file, line);
    const pv_decision *d = &f->d;
    fx_check(d->effect == PV_EFFECT_DENY, file, line, "expected deny %s, got permit %s",
             fx_mask_text(mask, want, sizeof want), fx_reason_text(d->reason));
    fx_check(d->reason == primary, file, line, "primary reason %s, expected %s",
             fx_reason_text(d->reason), fx_reason_text(primary));
    fx_check(d->reasons == mask, file, line, "reasons %s, expected %s",
             fx_mask_text(d->reasons, got, sizeof got), fx_mask_text(mask, want, sizeof want));
    fx_check(d->rule == rule, file, line, "rule %s, expected %s (reason %s)", fx_rule_text(d->rule),
             fx_rule_text(rule), fx_reason_text(d->reason));
    fx_check(!d->filtered, file, line, "a deny marked filtered");
    fx_check(d->reason < PV_REASON_COUNT && d->reason_rules[d->reason] == d->rule, file, line,
             "reason_rules of the primary reason %s differs from rule %s",
             fx_rule_text(d->reason_rules[d->reason < PV_REASON_COUNT ? d->reason : 0]),
             fx_rule_text(d->rule));
}

/* After an evaluation: expects 'rule' behind 'reason'. */
static inline void fx_expect_reason_rule(const fixture *f, pv_reason reason, pv_rule rule,
                                         const char *file, unsigned line) {
    fx_check(f->d.reason_rules[reason] == rule && pv_decision_reason_rule(&f->d, reason) == rule,
             file, line, "rule behind %s is %s, expected %s", fx_reason_text(reason),
             fx_rule_text(f->d.reason_rules[reason]), fx_rule_text(rule));
}

/* Evaluates and expects changes_on (T1). */
static inline void fx_expect_changes_on(fixture *f, pv_date expected, const char *file,
                                        unsigned line) {
    char a[32], b[32];
    fx_eval_at(f, file, line);
    fx_check(f->status == PV_OK, file, line, "status %s (field '%.96s'), expected PV_OK",
             pv_status_name(f->status), f->err.field);
    fx_check(pv_date_compare(f->d.changes_on, expected) == 0 &&
                 pv_date_is_none(f->d.changes_on) == pv_date_is_none(expected),
             file, line, "changes_on %s, expected %s", fx_date_text(f->d.changes_on, a),
             fx_date_text(expected, b));
}

/* Evaluates and expects invalid input naming 'field' (V1). */
static inline void fx_expect_invalid(fixture *f, const char *field, const char *file,
                                     unsigned line) {
    char got[400];
    fx_eval_at(f, file, line);
    const pv_decision *d = &f->d;
    fx_check(f->status == PV_ERR_INVALID_INPUT, file, line,
             "status %s, expected PV_ERR_INVALID_INPUT for '%s' (decision %s %s)",
             pv_status_name(f->status), field, d->effect == PV_EFFECT_PERMIT ? "permit" : "deny",
             fx_reason_text(d->reason));
    fx_check(d->effect == PV_EFFECT_DENY, file, line, "invalid input not denied");
    fx_check(d->reason == PV_REASON_INVALID_INPUT, file, line, "reason %s, expected INVALID_INPUT",
             fx_reason_text(d->reason));
    fx_check(d->reasons == BIT(INVALID_INPUT), file, line, "reasons %s, expected {INVALID_INPUT}",
             fx_mask_text(d->reasons, got, sizeof got));
    fx_check(d->rule == PV_RULE_V1, file, line, "rule %s, expected V1", fx_rule_text(d->rule));
    fx_check(f->err.status == PV_ERR_INVALID_INPUT, file, line,
             "pv_error.status %s, expected PV_ERR_INVALID_INPUT", pv_status_name(f->err.status));
    fx_check(f->err.rule == PV_RULE_V1, file, line, "pv_error.rule %s, expected V1",
             fx_rule_text(f->err.rule));
    fx_check(strcmp(f->err.field, field) == 0, file, line, "field '%.96s', expected '%s'",
             f->err.field, field);
    fx_check(f->err.message != NULL && f->err.message[0] != '\0', file, line,
             "no message for '%s'", field);
    fx_check(d->version == PV_DECISION_VERSION, file, line, "decision version %u changed",
             (unsigned)d->version);
    fx_check(!d->filtered, file, line, "invalid input marked filtered");
    fx_check(pv_date_is_none(d->changes_on), file, line, "invalid input has changes_on");
    for (int r = 0; r < PV_REASON_MAX; r++) {
        pv_rule want = r == PV_REASON_INVALID_INPUT ? PV_RULE_V1 : PV_RULE_NONE;
        fx_check(d->reason_rules[r] == want, file, line, "reason_rules[%s] = %s, expected %s",
                 fx_reason_text((pv_reason)r), fx_rule_text(d->reason_rules[r]),
                 fx_rule_text(want));
    }
}

#define EXPECT_PERMIT(f, basis, rule, filtered)                                                    \
    fx_expect_permit((f), PV_REASON_##basis, PV_RULE_##rule, (filtered), __FILE__, __LINE__)
#define EXPECT_DENY(f, mask, rule) fx_expect_deny((f), (mask), PV_RULE_##rule, __FILE__, __LINE__)
#define EXPECT_REASON_RULE(f, reason, rule)                                                        \
    fx_expect_reason_rule((f), PV_REASON_##reason, PV_RULE_##rule, __FILE__, __LINE__)
#define EXPECT_CHANGES_ON(f, date) fx_expect_changes_on((f), (date), __FILE__, __LINE__)
#define EXPECT_INVALID(f, field) fx_expect_invalid((f), (field), __FILE__, __LINE__)

#endif
