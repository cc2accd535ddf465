/*
 * caps_check.c — the test `caps-record`: valid input at exactly the caps of RULES.md section 8
 * is answered, and one past a cap is not.
 *
 * On the record of caps_record.h (16 guardians, 16 representatives, 1,024 seals, 1,024 grants,
 * every id and unit 64 bytes): every request kind — the citizen, a guardian and a
 * representative asking for the e-services and for the journal (whole, one unit, one entry)
 * through each channel the journal has — through pv_evaluate, pv_decide and pv_validate must be
 * PV_OK with a decision that is a permit or a deny for a reason (never INVALID_INPUT);
 * pv_evaluate_many on them all must answer as pv_evaluate; pv_who_can_see must give its rows;
 * pv_advise and pv_may_change (on the last seal and the last guardian) must answer. For each
 * request the date of change (T1) is checked day by day: the same (effect, reason, filtered) on
 * every day before changes_on, another one on it (up to three years ahead when there is none).
 * Then one past each cap, and an id or unit of 65 bytes, must be PV_ERR_INVALID_INPUT naming
 * the field.
 * No timing: the benchmark portvakt-caps-bench measures.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caps_record.h"

static caps_record record;
static int failures;

static void fail(const char *what, const char *label, const pv_error *err) {
    failures++;
    fprintf(stderr, "caps-record: FAIL: %s: %s", what, label);
    if (err != NULL) {
        fprintf(stderr, " (%s at \"%s\": %s)", pv_status_name(err->status), err->field,
                err->message ? err->message : "");
    }
    fputc('\n', stderr);
}

/* A decision for valid input: an effect with its own reason and rule, never INVALID_INPUT. */
static bool answered(const pv_decision *d) {
    return d->reason != PV_REASON_INVALID_INPUT && pv_reason_effect(d->reason) == d->effect &&
           (d->effect == PV_EFFECT_PERMIT) == (d->reasons == 0) && d->rule != PV_RULE_NONE;
}

static void check_request(const pv_actor *actor, const pv_service *service, const char *label) {
    pv_decision e = PV_DECISION_INIT, d = PV_DECISION_INIT;
    pv_error err = PV_ERROR_INIT;
    if (pv_evaluate(&record.citizen, actor, service, record.on, &e, &err) != PV_OK || !answered(&e)) {
        fail("pv_evaluate", label, &err);
        return;
    }
    err = (pv_error)PV_ERROR_INIT;
    if (pv_decide(&record.citizen, actor, service, record.on, &d, &err) != PV_OK ||
        d.effect != e.effect || d.reason != e.reason || d.reasons != e.reasons) {
        fail("pv_decide", label, &err);
    }
    err = (pv_error)PV_ERROR_INIT;
    if (pv_validate(&record.citizen, actor, service, record.on, &err) != PV_OK) {
        fail("pv_validate", label, &err);
    }
    printf("  %-40s %s %s%s\n", label, pv_effect_name(e.effect), pv_reason_name(e.reason),
           e.filtered ? " (filtered)" : "");
}

/* T1 at the caps, by brute force: every day from the day after the date to changes_on (or three
   years ahead when there is none) decided again with pv_decide. */
static void check_changes_on(const caps_query *q) {
    pv_decision now = PV_DECISION_INIT;
    if (pv_evaluate(&record.citizen, &q->actor, &q->service, record.on, &now, NULL) != PV_OK) {
        return; /* reported by check_request */
    }
    int32_t first = pv_date_to_days(record.on) + 1;
    int32_t last = pv_date_is_none(now.changes_on) ? first + 3 * 365
                                                   : pv_date_to_days(now.changes_on);
    for (int32_t day = first; day <= last; day++) {
        pv_date on = pv_date_from_days(day);
        pv_decision then = PV_DECISION_INIT;
        pv_error err = PV_ERROR_INIT;
        if (pv_decide(&record.citizen, &q->actor, &q->service, on, &then, &err) != PV_OK) {
            fail("pv_decide on a later day", q->label, &err);
            return;
        }
        bool same = then.effect == now.effect && then.reason == now.reason &&
                    then.filtered == now.filtered;
        bool changes = !pv_date_is_none(now.changes_on) && day == last;
        if (same == changes) {
            char text[PV_DATE_STRING_SIZE] = "?";
            if (pv_date_format(on, text, sizeof text, NULL) != PV_OK) text[0] = '?';
            fprintf(stderr, "caps-record: on %s: %s %s\n", text, pv_effect_name(then.effect),
                    pv_reason_name(then.reason));
            fail(changes ? "T1: the decision on changes_on is the same"
                         : "T1: the decision changes before changes_on", q->label, NULL);
            return;
        }
    }
}

/* Every request kind, the journal through both channels. */
static size_t check_requests(void) {
    size_t n = 0;
    for (size_t q = 0; q < CAPS_QUERY_COUNT; q++) {
        const caps_query *cq = &record.queries[q];
        char label[96];
        if (cq->service.kind == PV_SERVICE_E_SERVICES) {
            check_request(&cq->actor, &cq->service, cq->label);
            n++;
            continue;
        }
        for (int ch = 0; ch < PV_CHANNEL_COUNT; ch++) {
            pv_service s = cq->service;
            s.channel = (pv_channel)ch;
            snprintf(label, sizeof label, "%s, %s", cq->label, pv_channel_name(s.channel));
            check_request(&cq->actor, &s, label);
            n++;
        }
    }
    return n;
}

static void check_batch(void) {
    pv_query queries[CAPS_QUERY_COUNT];
    pv_outcome outcomes[CAPS_QUERY_COUNT] = {PV_OUTCOME_INIT};
    for (size_t q = 0; q < CAPS_QUERY_COUNT; q++) {
        queries[q] = (pv_query)PV_QUERY_INIT;
        queries[q].citizen = &record.citizen;
        queries[q].actor = &record.queries[q].actor;
        queries[q].service = &record.queries[q].service;
    }
    pv_error err = PV_ERROR_INIT;
    if (pv_evaluate_many(queries, CAPS_QUERY_COUNT, record.on, outcomes, &err) != PV_OK) {
        fail("pv_evaluate_many", "the requests in one call", &err);
        return;
    }
    for (size_t q = 0; q < CAPS_QUERY_COUNT; q++) {
        pv_decision e = PV_DECISION_INIT;
        if (pv_evaluate(&record.citizen, queries[q].actor, queries[q].service, record.on, &e,
                        NULL) != PV_OK ||
            outcomes[q].reason != e.reason || outcomes[q].reasons != e.reasons ||
            outcomes[q].filtered != e.filtered ||
            pv_date_compare(outcomes[q].changes_on, e.changes_on) != 0) {
            fail("pv_evaluate_many differs from pv_evaluate", record.queries[q].label, NULL);
        }
    }
}

static void check_beyond(void) {
    static pv_access_row rows[CAPS_WHO_ROWS];
    size_t count = 0;
    pv_error err = PV_ERROR_INIT;
    if (pv_who_can_see(&record.citizen, record.on, NULL, 0, &count, &err) !=
            PV_ERR_BUFFER_TOO_SMALL ||
        count != CAPS_WHO_ROWS) {
        fail("pv_who_can_see (the size)", "the record", &err);
    }
    rows[0] = (pv_access_row)PV_ACCESS_ROW_INIT;
    err = (pv_error)PV_ERROR_INIT;
    if (pv_who_can_see(&record.citizen, record.on, rows, CAPS_WHO_ROWS, &count, &err) != PV_OK ||
        count != CAPS_WHO_ROWS) {
        fail("pv_who_can_see", "the record", &err);
    } else {
        size_t permitted = 0;
        for (size_t i = 0; i < count; i++) {
            if (!answered(&rows[i].decision)) fail("pv_who_can_see: a row", "not answered", NULL);
            permitted += rows[i].decision.effect == PV_EFFECT_PERMIT;
        }
        printf("  pv_who_can_see: %zu rows, %zu permitted\n", count, permitted);
    }
    pv_advice items[64] = {PV_ADVICE_INIT};
    err = (pv_error)PV_ERROR_INIT;
    pv_status status = pv_advise(&record.citizen, record.on, items, 64, &count, &err);
    if (status != PV_OK) fail("pv_advise", "the record", &err);
    pv_permission permission = PV_PERMISSION_INIT;
    err = (pv_error)PV_ERROR_INIT;
    if (pv_may_change(PV_ROLE_CENTRAL_SUPPORT, PV_ACTION_UNSEAL, &record.citizen,
                      PV_MAX_SEALS - 1, record.on, &permission, &err) != PV_OK) {
        fail("pv_may_change", "unseal the last seal", &err);
    }
    err = (pv_error)PV_ERROR_INIT;
    if (pv_may_change(PV_ROLE_CARE, PV_ACTION_BLOCK_GUARDIAN, &record.citizen,
                      PV_MAX_GUARDIANS - 1, record.on, &permission, &err) != PV_OK) {
        fail("pv_may_change", "block the last guardian", &err);
    }
}

/* 'citizen' must be refused naming 'field'. */
static void expect_refused(const pv_citizen *citizen, const pv_service *service, const char *field,
                           const char *label) {
    pv_decision d = PV_DECISION_INIT;
    pv_error err = PV_ERROR_INIT;
    const caps_query *q = &record.queries[CAPS_SERVICES + 1]; /* the guardian, whole journal */
    pv_status status = pv_evaluate(citizen, &q->actor, service != NULL ? service : &q->service,
                                   record.on, &d, &err);
    if (status != PV_ERR_INVALID_INPUT || d.reason != PV_REASON_INVALID_INPUT ||
        strcmp(err.field, field) != 0) {
        fail("one past the caps is not refused", label, &err);
    } else {
        printf("  %-40s INVALID_INPUT at %s\n", label, err.field);
    }
}

/* One past each cap, and ids of 65 bytes (section 8). */
static void check_past_caps(void) {
    pv_seal *seals = malloc((PV_MAX_SEALS + 1) * sizeof *seals);
    pv_grant *grants = malloc((PV_MAX_GRANTS + 1) * sizeof *grants);
    pv_guardian guardians[PV_MAX_GUARDIANS + 1];
    pv_representative representatives[PV_MAX_REPRESENTATIVES + 1];
    char extra_guardian[CAPS_ID_SIZE], extra_representative[CAPS_ID_SIZE];
    char long_id[PV_ID_MAX + 2];
    if (seals == NULL || grants == NULL) {
        fail("out of memory", "", NULL);
        free(seals);
        free(grants);
        return;
    }
    memcpy(seals, record.seals, sizeof record.seals);
    seals[PV_MAX_SEALS] = record.seals[1];
    memcpy(grants, record.grants, sizeof record.grants);
    grants[PV_MAX_GRANTS] = record.grants[0];
    memcpy(guardians, record.guardians, sizeof record.guardians);
    caps_id(extra_guardian, "guardian-19800101-caps", 9999);
    guardians[PV_MAX_GUARDIANS] = (pv_guardian)PV_GUARDIAN_INIT;
    guardians[PV_MAX_GUARDIANS].id = extra_guardian;
    memcpy(representatives, record.representatives, sizeof record.representatives);
    caps_id(extra_representative, "representative-19700101-caps", 9999);
    representatives[PV_MAX_REPRESENTATIVES] = record.representatives[0];
    representatives[PV_MAX_REPRESENTATIVES].id = extra_representative;

    pv_citizen c = record.citizen;
    c.seals = seals;
    c.seal_count = PV_MAX_SEALS + 1;
    expect_refused(&c, NULL, "citizen.seals", "1,025 seals");
    c = record.citizen;
    c.grants = grants;
    c.grant_count = PV_MAX_GRANTS + 1;
    expect_refused(&c, NULL, "citizen.grants", "1,025 grants");
    c = record.citizen;
    c.guardians = guardians;
    c.guardian_count = PV_MAX_GUARDIANS + 1;
    expect_refused(&c, NULL, "citizen.guardians", "17 guardians");
    c = record.citizen;
    c.representatives = representatives;
    c.representative_count = PV_MAX_REPRESENTATIVES + 1;
    expect_refused(&c, NULL, "citizen.representatives", "17 representatives");

    /* An id and a unit one byte too long. */
    memset(long_id, 'x', PV_ID_MAX + 1);
    long_id[PV_ID_MAX + 1] = '\0';
    memcpy(guardians, record.guardians, sizeof record.guardians);
    guardians[3].id = long_id;
    c = record.citizen;
    c.guardians = guardians;
    expect_refused(&c, NULL, "citizen.guardians[3].id", "a guardian id of 65 bytes");
    pv_service s = record.queries[CAPS_SERVICES + 2].service; /* one unit */
    s.unit = long_id;
    expect_refused(&record.citizen, &s, "service.unit", "a unit of 65 bytes");
    free(grants);
    free(seals);
}

int main(void) {
    caps_record_build(&record);
    printf("caps-record: %zu seals, %zu grants, %zu guardians, %zu representatives, %d units, "
           "ids of %d bytes\n",
           record.citizen.seal_count, record.citizen.grant_count, record.citizen.guardian_count,
           record.citizen.representative_count, CAPS_UNITS, PV_ID_MAX);
    size_t requests = check_requests();
    for (size_t q = 0; q < CAPS_QUERY_COUNT; q++) check_changes_on(&record.queries[q]);
    check_batch();
    check_beyond();
    check_past_caps();
    if (failures > 0) {
        fprintf(stderr, "caps-record: FAIL: %d checks failed\n", failures);
        return 1;
    }
    printf("caps-record: %zu requests at the caps answered (PV_OK), the caps + 1 refused\n",
           requests);
    return 0;
}
