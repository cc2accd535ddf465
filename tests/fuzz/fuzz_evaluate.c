/*
 * fuzz_evaluate.c — pv_evaluate, pv_decide, pv_validate and pv_evaluate_many on inputs decoded from arbitrary
 * bytes (RULES.md section 3, section 8, T1, M1).
 *
 * The bytes decode (fuzz_record.h) into a citizen with 0 to 8 seals, guardians, grants and representatives, an
 * actor, a service and a date. Every array is a heap block of exactly its length and every string
 * a heap block of exactly its length plus the NUL, so that AddressSanitizer sees any read past
 * either. Strings are NULL, one of a few ids and numbers (so that ids match), or arbitrary bytes
 * of any length (non-ASCII, longer than PV_ID_MAX, embedded NULs). Enums may be out of range or
 * negative, dates invalid, and pointers NULL where that is allowed and where it is not.
 *
 * The invariants (a violation aborts):
 *   - the status is PV_OK exactly when the reason is not INVALID_INPUT;
 *   - permit exactly when there are no reasons; the effect is pv_reason_effect(reason);
 *   - the primary reason is the first of the reasons, and its rule is recorded;
 *   - changes_on is none or a valid date after 'on' (T1), and the answer differs on it;
 *   - the pv_error is written in full: its status is the call's, its field NUL-terminated and
 *     empty exactly when the input is valid, its message likewise, its rule V1 on invalid input;
 *   - reason_rules beyond PV_REASON_COUNT (room for later reasons) are unused;
 *   - pv_decide agrees with pv_evaluate, pv_validate agrees on validity and the field;
 *   - pv_message is never NULL;
 *   - pv_evaluate_many on the request twice answers twice as pv_evaluate does; the outcomes
 *     that are INVALID_INPUT are counted here (no batch report), and the error names the first
 *     with its index ("queries[0].actor.id", "on" for a bad date); an outcome array of version 0
 *     is refused naming "outcomes[0].version", with no outcome written;
 *   - a decision of version 0 is refused (fail closed, "out.version"), an error of version 0 is
 *     not written.
 *
 *   - the prepared record: pv_prepare() with exactly pv_prepared_size() bytes accepts every
 *     citizen pv_evaluate() accepts; pv_evaluate_prepared() then gives pv_evaluate()'s decision
 *     in every member (changes_on included: a ten-digit personnummer is read on each date,
 *     N4) and its status, field and rule; pv_prepared_check() accepts the unchanged citizen.
 *     A citizen pv_prepare() refuses is refused by pv_evaluate() too.
 *
 * A byte after the request may grow the record to the caps of RULES.md section 8 (16
 * guardians, 16 representatives, 1,024 seals and grants, 64-byte ids differing only at their
 * end) or one past them, and may spoil the version of one input struct (fuzz_record.h).
 */
#include "fuzz_record.h"

/* ---- Invariants ---------------------------------------------------------------------------- */

static bool same_answer(const pv_decision *a, const pv_decision *b) {
    return a->effect == b->effect && a->reason == b->reason && a->filtered == b->filtered;
}

static void check_messages(pv_reason reason) {
    for (int asker = -1; asker <= PV_ACTOR_KIND_COUNT; asker++) {
        for (int language = -1; language <= PV_LANGUAGE_COUNT; language++) {
            FUZZ_CHECK(pv_message(reason, (pv_actor_kind)asker, (pv_language)language) != NULL);
        }
    }
}

/* The error channel: written in full on success and on failure, as the status says. */
static void check_error(pv_status status, const pv_error *err) {
    FUZZ_CHECK(err->version == PV_ERROR_VERSION && err->status == status);
    FUZZ_CHECK(memchr(err->field, '\0', sizeof err->field) != NULL);
    FUZZ_CHECK((err->field[0] != '\0') == (status != PV_OK));
    FUZZ_CHECK((err->message != NULL) == (status != PV_OK));
    FUZZ_CHECK(err->rule == (status == PV_OK ? PV_RULE_NONE : PV_RULE_V1));
}

static void check_decision(pv_status status, const pv_decision *d, const pv_error *err,
                           pv_date on) {
    FUZZ_CHECK(status == PV_OK || status == PV_ERR_INVALID_INPUT);
    FUZZ_CHECK(d->version == PV_DECISION_VERSION);
    FUZZ_CHECK((unsigned)d->effect < PV_EFFECT_COUNT);
    FUZZ_CHECK((unsigned)d->reason < PV_REASON_COUNT);
    FUZZ_CHECK((status == PV_OK) == (d->reason != PV_REASON_INVALID_INPUT));
    FUZZ_CHECK((d->effect == PV_EFFECT_PERMIT) == (d->reasons == 0));
    FUZZ_CHECK(d->effect == pv_reason_effect(d->reason));
    FUZZ_CHECK((d->reasons >> PV_REASON_COUNT) == 0);
    FUZZ_CHECK((unsigned)d->rule < PV_RULE_COUNT && d->rule != PV_RULE_NONE);
    for (int r = PV_REASON_COUNT; r < PV_REASON_MAX; r++) {
        FUZZ_CHECK(d->reason_rules[r] == PV_RULE_NONE); /* room for later reasons, unused */
    }
    check_error(status, err);
    if (d->reasons != 0) {
        /* Deny: only deny reasons, the primary one first, each with its rule. */
        FUZZ_CHECK((d->reasons & ((1u << PV_REASON_FIRST_DENY) - 1)) == 0);
        FUZZ_CHECK(pv_decision_reason_at(d, 0) == d->reason);
        FUZZ_CHECK(pv_decision_reason_rule(d, d->reason) == d->rule);
        FUZZ_CHECK(!d->filtered);
        int count = pv_decision_reason_count(d);
        FUZZ_CHECK(count >= 1 && pv_decision_reason_at(d, count) == PV_REASON_COUNT);
        for (int i = 0; i < count; i++) {
            pv_reason r = pv_decision_reason_at(d, i);
            FUZZ_CHECK(pv_decision_reason_rule(d, r) != PV_RULE_NONE);
        }
    }
    if (status != PV_OK) {
        FUZZ_CHECK(d->reasons == 1u << PV_REASON_INVALID_INPUT && d->rule == PV_RULE_V1);
        FUZZ_CHECK(pv_date_is_none(d->changes_on));
    } else if (!pv_date_is_none(d->changes_on)) {
        FUZZ_CHECK(pv_date_is_valid(d->changes_on) && pv_date_compare(d->changes_on, on) > 0);
    }
    check_messages(d->reason);
}

/* T1: the answer on changes_on differs from the answer on 'on', and the day before it does
   not. Only for a citizen without a personnummer: a ten-digit personnummer is read with the
   evaluation date as its reference (N4), so its century may move with the date. */
static void check_changes_on(const pv_citizen *c, const pv_actor *a, const pv_service *s,
                             pv_date on, const pv_decision *now) {
    if (c == NULL || c->personnummer != NULL || pv_date_is_none(now->changes_on)) return;
    pv_decision then = PV_DECISION_INIT;
    FUZZ_CHECK(pv_decide(c, a, s, now->changes_on, &then, NULL) == PV_OK);
    FUZZ_CHECK(!same_answer(&then, now));
    pv_date before = pv_date_from_days(pv_date_to_days(now->changes_on) - 1);
    if (pv_date_compare(before, on) > 0) {
        FUZZ_CHECK(pv_decide(c, a, s, before, &then, NULL) == PV_OK);
        FUZZ_CHECK(same_answer(&then, now));
    }
}

/* pv_evaluate_many on the request twice: two answers as pv_evaluate's, every outcome of an
   invalid request INVALID_INPUT (counted from the outcomes: there is no batch report), and the
   error naming the first invalid request with its index ("queries[0]." and pv_evaluate's
   field; a bad date is "on" for all). Then the arrays' versions: an outcome array left
   uninitialised is refused as a whole, writing no outcome. */
static void check_many(const pv_citizen *c, const pv_actor *a, const pv_service *s, pv_date on,
                       pv_status status, const pv_decision *evaluated, const pv_error *why) {
    pv_query queries[2] = {PV_QUERY_INIT, PV_QUERY_INIT};
    for (size_t i = 0; i < 2; i++) {
        queries[i].citizen = c;
        queries[i].actor = a;
        queries[i].service = s;
    }
    pv_outcome outcomes[2];
    pv_error err;
    memset(outcomes, 0xA5, sizeof outcomes);
    outcomes[0].version = PV_OUTCOME_VERSION; /* element 0 gives the layout */
    memset(&err, 0x5A, sizeof err);
    err.version = PV_ERROR_VERSION;
    FUZZ_CHECK(pv_evaluate_many(queries, 2, on, outcomes, &err) == status);
    check_error(status, &err);
    size_t invalid = 0;
    for (size_t i = 0; i < 2; i++) invalid += outcomes[i].reason == PV_REASON_INVALID_INPUT;
    FUZZ_CHECK(invalid == (status == PV_OK ? 0u : 2u));
    if (status != PV_OK) {
        char want[PV_FIELD_PATH_SIZE + 16];
        if (!pv_date_is_valid(on)) {
            snprintf(want, sizeof want, "on");
        } else {
            snprintf(want, sizeof want, "queries[0].%s", why->field);
        }
        FUZZ_CHECK(strcmp(err.field, want) == 0);
    }
    for (size_t i = 0; i < 2; i++) {
        pv_decision back = PV_DECISION_INIT;
        FUZZ_CHECK(pv_outcome_to_decision(&outcomes[i], &back, NULL) == PV_OK);
        FUZZ_CHECK(same_answer(&back, evaluated) && back.reasons == evaluated->reasons);
        FUZZ_CHECK(back.rule == evaluated->rule);
        FUZZ_CHECK(memcmp(&back.changes_on, &evaluated->changes_on, sizeof back.changes_on) == 0);
        FUZZ_CHECK(memcmp(back.reason_rules, evaluated->reason_rules, sizeof back.reason_rules) ==
                   0);
    }

    pv_outcome untouched[2];
    memset(outcomes, 0xC3, sizeof outcomes);
    outcomes[0].version = 0;
    memcpy(untouched, outcomes, sizeof outcomes);
    pv_error refused = PV_ERROR_INIT;
    FUZZ_CHECK(pv_evaluate_many(queries, 2, on, outcomes, &refused) == PV_ERR_INVALID_INPUT);
    FUZZ_CHECK(strcmp(refused.field, "outcomes[0].version") == 0);
    FUZZ_CHECK(memcmp(untouched, outcomes, sizeof outcomes) == 0);
}

/* The outputs are versioned: a decision of version 0 gets the fail-closed deny and the call
   fails (naming "out.version" when nothing else is wrong); an error of version 0 is not written
   and the call fails. */
static void check_output_versions(const pv_citizen *c, const pv_actor *a, const pv_service *s,
                                  pv_date on, pv_status status) {
    pv_decision d;
    memset(&d, 0xA5, sizeof d);
    d.version = 0;
    pv_error err = PV_ERROR_INIT;
    FUZZ_CHECK(pv_evaluate(c, a, s, on, &d, &err) == PV_ERR_INVALID_INPUT);
    FUZZ_CHECK(d.effect == PV_EFFECT_DENY && d.reason == PV_REASON_INVALID_INPUT);
    if (status == PV_OK) FUZZ_CHECK(strcmp(err.field, "out.version") == 0);

    pv_error zero, before;
    memset(&zero, 0, sizeof zero);
    before = zero;
    pv_decision e = PV_DECISION_INIT;
    FUZZ_CHECK(pv_evaluate(c, a, s, on, &e, &zero) == PV_ERR_INVALID_INPUT);
    FUZZ_CHECK(e.effect == PV_EFFECT_DENY && e.reason == PV_REASON_INVALID_INPUT);
    FUZZ_CHECK(memcmp(&zero, &before, sizeof zero) == 0);
}

/* The prepared path (portvakt_prepared.h) against pv_evaluate(). */
static void check_prepared(const pv_citizen *c, const pv_actor *a, const pv_service *s, pv_date on,
                           pv_status status, const pv_decision *evaluated,
                           const pv_error *evaluate_err) {
    static max_align_t storage[PV_PREPARED_MAX_SIZE / sizeof(max_align_t)];
    const size_t size = pv_prepared_size(c);
    FUZZ_CHECK(size <= PV_PREPARED_MAX_SIZE);
    pv_prepared *record = NULL;
    pv_error err = PV_ERROR_INIT;
    pv_status prepared = pv_prepare(c, storage, size, &record, &err);
    if (prepared != PV_OK) {
        FUZZ_CHECK(record == NULL && status == PV_ERR_INVALID_INPUT);
        return;
    }
    FUZZ_CHECK(size > 0 && record == (pv_prepared *)(void *)storage);
    FUZZ_CHECK(pv_prepared_check(record, c, NULL) == PV_OK);
    pv_decision d;
    memset(&d, 0x3C, sizeof d);
    d.version = PV_DECISION_VERSION;
    memset(&err, 0x3C, sizeof err);
    err.version = PV_ERROR_VERSION;
    FUZZ_CHECK(pv_evaluate_prepared(record, c, a, s, on, &d, &err) == status);
    check_decision(status, &d, &err, on);
    FUZZ_CHECK(same_answer(&d, evaluated) && d.reasons == evaluated->reasons);
    FUZZ_CHECK(d.rule == evaluated->rule);
    FUZZ_CHECK(memcmp(&d.changes_on, &evaluated->changes_on, sizeof d.changes_on) == 0);
    FUZZ_CHECK(memcmp(d.reason_rules, evaluated->reason_rules, sizeof d.reason_rules) == 0);
    FUZZ_CHECK(strcmp(err.field, evaluate_err->field) == 0 && err.rule == evaluate_err->rule);
}

static void check_all(const pv_citizen *c, const pv_actor *a, const pv_service *s, pv_date on) {
    pv_decision evaluated;
    pv_decision decided;
    pv_error evaluate_err, decide_err, validate_err;
    /* Garbage first: pv_evaluate must fill every field of the decision and of the error. */
    memset(&evaluated, 0xA5, sizeof evaluated);
    memset(&decided, 0x5A, sizeof decided);
    evaluated.version = PV_DECISION_VERSION;
    decided.version = PV_DECISION_VERSION;
    memset(&evaluate_err, 0xA5, sizeof evaluate_err);
    memset(&decide_err, 0x5A, sizeof decide_err);
    memset(&validate_err, 0xC3, sizeof validate_err);
    evaluate_err.version = decide_err.version = validate_err.version = PV_ERROR_VERSION;
    pv_status status = pv_evaluate(c, a, s, on, &evaluated, &evaluate_err);
    check_decision(status, &evaluated, &evaluate_err, on);

    pv_status decide_status = pv_decide(c, a, s, on, &decided, &decide_err);
    FUZZ_CHECK(decide_status == status);
    check_decision(decide_status, &decided, &decide_err, on);
    FUZZ_CHECK(same_answer(&decided, &evaluated) && decided.reasons == evaluated.reasons);
    FUZZ_CHECK(decided.rule == evaluated.rule && pv_date_is_none(decided.changes_on));
    FUZZ_CHECK(strcmp(decide_err.field, evaluate_err.field) == 0);

    /* pv_validate: no decision, the same verdict and field. */
    pv_status validate_status = pv_validate(c, a, s, on, &validate_err);
    FUZZ_CHECK(validate_status == status);
    check_error(validate_status, &validate_err);
    FUZZ_CHECK(strcmp(validate_err.field, evaluate_err.field) == 0);
    FUZZ_CHECK(validate_err.message == NULL || evaluate_err.message != NULL);
    if (status == PV_OK) check_changes_on(c, a, s, on, &evaluated);
    check_many(c, a, s, on, status, &evaluated, &evaluate_err);
    check_prepared(c, a, s, on, status, &evaluated, &evaluate_err);

    /* Without an error the answer is the same; without a decision the call fails. */
    pv_decision quiet = PV_DECISION_INIT;
    FUZZ_CHECK(pv_evaluate(c, a, s, on, &quiet, NULL) == status);
    FUZZ_CHECK(same_answer(&quiet, &evaluated) && quiet.reasons == evaluated.reasons);
    FUZZ_CHECK(pv_evaluate(c, a, s, on, NULL, NULL) == PV_ERR_INVALID_INPUT);
    check_output_versions(c, a, s, on, status);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    decoder dc = {{data, size}, {{NULL}, 0}};
    pv_date on = next_date(&dc);
    uint8_t nulls = next(&dc); /* which of citizen, actor, service are NULL (rarely) */
    pv_citizen citizen;
    pv_actor actor;
    pv_service service;
    decode_citizen(&dc, &citizen);
    decode_actor(&dc, &actor);
    decode_service(&dc, &service);
    /* One byte after the request (0 once the input has ended, so older corpus entries decode as
       before): 0xE0 to 0xEF grows the record to the caps of section 8 (or one past), 0xC0 to
       0xDF spoils the version of one input struct, 0xF0 to 0xFF does both. */
    uint8_t extra = next(&dc);
    if ((extra & 0xE0u) == 0xE0u) grow_to_caps(&dc, &citizen, extra);
    if ((extra & 0xE0u) == 0xC0u || (extra & 0xF0u) == 0xF0u) {
        spoil_version(&citizen, &actor, &service, next(&dc));
    }
    bool nullable = (nulls & 0xF0u) == 0xF0u;
    check_all(nullable && (nulls & 1u) ? NULL : &citizen, nullable && (nulls & 2u) ? NULL : &actor,
              nullable && (nulls & 4u) ? NULL : &service, on);
    arena_free(&dc.mem);
    return 0;
}
