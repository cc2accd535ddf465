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
 *   - field[] is NUL-terminated, empty exactly when the input is valid; detail likewise;
 *   - pv_decide agrees with pv_evaluate, pv_validate agrees on validity and the field;
 *   - pv_message is never NULL;
 *   - pv_evaluate_many on the request twice answers twice as pv_evaluate does, and its report
 *     counts and names the invalid requests as pv_evaluate names the field.
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

static void check_decision(pv_status status, const pv_decision *d, pv_date on) {
    FUZZ_CHECK(status == PV_OK || status == PV_ERR_INVALID_INPUT);
    FUZZ_CHECK((unsigned)d->effect < PV_EFFECT_COUNT);
    FUZZ_CHECK((unsigned)d->reason < PV_REASON_COUNT);
    FUZZ_CHECK((status == PV_OK) == (d->reason != PV_REASON_INVALID_INPUT));
    FUZZ_CHECK((d->effect == PV_EFFECT_PERMIT) == (d->reasons == 0));
    FUZZ_CHECK(d->effect == pv_reason_effect(d->reason));
    FUZZ_CHECK((d->reasons >> PV_REASON_COUNT) == 0);
    FUZZ_CHECK((unsigned)d->rule < PV_RULE_COUNT && d->rule != PV_RULE_NONE);
    FUZZ_CHECK(memchr(d->field, '\0', sizeof d->field) != NULL);
    FUZZ_CHECK((d->field[0] != '\0') == (status != PV_OK));
    FUZZ_CHECK((d->detail != NULL) == (status != PV_OK));
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
    pv_decision then;
    FUZZ_CHECK(pv_decide(c, a, s, now->changes_on, &then) == PV_OK);
    FUZZ_CHECK(!same_answer(&then, now));
    pv_date before = pv_date_from_days(pv_date_to_days(now->changes_on) - 1);
    if (pv_date_compare(before, on) > 0) {
        FUZZ_CHECK(pv_decide(c, a, s, before, &then) == PV_OK);
        FUZZ_CHECK(same_answer(&then, now));
    }
}

static void check_many(const pv_citizen *c, const pv_actor *a, const pv_service *s, pv_date on,
                       pv_status status, const pv_decision *evaluated) {
    const pv_query queries[2] = {{c, a, s}, {c, a, s}};
    pv_outcome outcomes[2];
    pv_batch_report report;
    memset(outcomes, 0xA5, sizeof outcomes);
    memset(&report, 0x5A, sizeof report);
    FUZZ_CHECK(pv_evaluate_many(queries, 2, on, outcomes, &report) == status);
    FUZZ_CHECK(report.invalid_count == (status == PV_OK ? 0u : 2u));
    FUZZ_CHECK(report.first_invalid == (status == PV_OK ? 2u : 0u));
    FUZZ_CHECK(memchr(report.field, '\0', sizeof report.field) != NULL);
    FUZZ_CHECK(strcmp(report.field, status == PV_OK ? "" : evaluated->field) == 0);
    for (size_t i = 0; i < 2; i++) {
        pv_decision back;
        FUZZ_CHECK(pv_outcome_to_decision(&outcomes[i], &back) == PV_OK);
        FUZZ_CHECK(same_answer(&back, evaluated) && back.reasons == evaluated->reasons);
        FUZZ_CHECK(back.rule == evaluated->rule);
        FUZZ_CHECK(memcmp(&back.changes_on, &evaluated->changes_on, sizeof back.changes_on) == 0);
        for (int r = 0; r < PV_REASON_COUNT; r++) {
            FUZZ_CHECK(back.reason_rules[r] == evaluated->reason_rules[r]);
        }
    }
}

static void check_all(const pv_citizen *c, const pv_actor *a, const pv_service *s, pv_date on) {
    pv_decision evaluated;
    pv_decision decided;
    pv_decision validated;
    /* Garbage first: pv_evaluate must fill every field. */
    memset(&evaluated, 0xA5, sizeof evaluated);
    memset(&decided, 0x5A, sizeof decided);
    memset(&validated, 0xC3, sizeof validated);
    pv_status status = pv_evaluate(c, a, s, on, &evaluated);
    check_decision(status, &evaluated, on);

    pv_status decide_status = pv_decide(c, a, s, on, &decided);
    FUZZ_CHECK(decide_status == status);
    check_decision(decide_status, &decided, on);
    FUZZ_CHECK(same_answer(&decided, &evaluated) && decided.reasons == evaluated.reasons);
    FUZZ_CHECK(decided.rule == evaluated.rule && pv_date_is_none(decided.changes_on));

    pv_status validate_status = pv_validate(c, a, s, on, &validated);
    FUZZ_CHECK(validate_status == status);
    FUZZ_CHECK(memchr(validated.field, '\0', sizeof validated.field) != NULL);
    if (status == PV_OK) {
        FUZZ_CHECK(validated.effect == PV_EFFECT_DENY && validated.reasons == 0);
        FUZZ_CHECK(validated.field[0] == '\0');
    } else {
        FUZZ_CHECK(strcmp(validated.field, evaluated.field) == 0);
        FUZZ_CHECK(validated.reason == PV_REASON_INVALID_INPUT);
    }
    if (status == PV_OK) check_changes_on(c, a, s, on, &evaluated);
    check_many(c, a, s, on, status, &evaluated);

    FUZZ_CHECK(pv_evaluate(c, a, s, on, NULL) == PV_ERR_INVALID_INPUT);
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
    bool nullable = (nulls & 0xF0u) == 0xF0u;
    check_all(nullable && (nulls & 1u) ? NULL : &citizen, nullable && (nulls & 2u) ? NULL : &actor,
              nullable && (nulls & 4u) ? NULL : &service, on);
    arena_free(&dc.mem);
    return 0;
}
