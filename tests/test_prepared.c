/* test_prepared.c — the prepared record (portvakt_prepared.h): its storage (size, alignment,
   NULL), the lifetime rule (a citizen changed after pv_prepare() is refused, fail closed, V1),
   pv_prepared_check(), and decisions and changes_on (T1, H3) worked out by hand from RULES.md.
   Every check of the other pv_evaluate suites also compares pv_evaluate_prepared() with
   pv_evaluate() (test_eval_util.h, fx_check_prepared). */
#include <stdalign.h>
#include <stddef.h>
#include <stdlib.h>

#include "suites.h"
#include "test_eval_util.h"

static max_align_t storage[PV_PREPARED_MAX_SIZE / sizeof(max_align_t)];
static max_align_t moved[PV_PREPARED_MAX_SIZE / sizeof(max_align_t)];

static pv_interval period(pv_date from, pv_date until) {
    pv_interval p = {from, until};
    return p;
}

/* Prepares the fixture's citizen into 'storage'; fails the test if it cannot. */
static pv_prepared *prepare(fixture *f) {
    pv_prepared *record = NULL;
    pv_error err = PV_ERROR_INIT;
    pv_status st = pv_prepare(&f->citizen, storage, sizeof storage, &record, &err);
    CU_ASSERT_EQUAL(st, PV_OK);
    CU_ASSERT_PTR_EQUAL(record, (void *)storage);
    CU_ASSERT_STRING_EQUAL(err.field, "");
    return record;
}

/* Decides the fixture from 'record' into f->d and f->err. */
static pv_status decide(fixture *f, const pv_prepared *record) {
    f->d = (pv_decision)PV_DECISION_INIT;
    f->err = (pv_error)PV_ERROR_INIT;
    f->status =
        pv_evaluate_prepared(record, &f->citizen, &f->actor, &f->service, f->on, &f->d, &f->err);
    return f->status;
}

/* V1: the fail-closed answer naming 'field'. */
static void expect_refused(const fixture *f, const char *field) {
    CU_ASSERT_EQUAL(f->status, PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(f->d.effect, PV_EFFECT_DENY);
    CU_ASSERT_EQUAL(f->d.reason, PV_REASON_INVALID_INPUT);
    CU_ASSERT_EQUAL(f->d.rule, PV_RULE_V1);
    CU_ASSERT_EQUAL(f->err.rule, PV_RULE_V1);
    CU_ASSERT_STRING_EQUAL(f->err.field, field);
}

static bool same_date(pv_date a, pv_date b) {
    return pv_date_compare(a, b) == 0 && pv_date_is_none(a) == pv_date_is_none(b);
}

static void test_storage_null_misaligned_too_small(void) {
    fixture f;
    fx_init(&f, D(1980, 5, 5), D(2026, 3, 4));
    pv_prepared *record = (pv_prepared *)(void *)storage;
    pv_error err = PV_ERROR_INIT;
    CU_ASSERT_EQUAL(pv_prepare(&f.citizen, NULL, sizeof storage, &record, &err),
                    PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(err.field, "storage");
    CU_ASSERT_PTR_NULL(record); /* the out-parameter is cleared on failure */
    unsigned char *bytes = (unsigned char *)storage;
    CU_ASSERT_EQUAL(pv_prepare(&f.citizen, bytes + 1, sizeof storage - 1, &record, &err),
                    PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(err.field, "storage");
    const size_t need = pv_prepared_size(&f.citizen);
    CU_ASSERT(need > 0 && need <= PV_PREPARED_MAX_SIZE);
    CU_ASSERT_EQUAL(pv_prepare(&f.citizen, storage, need - 1, &record, &err),
                    PV_ERR_BUFFER_TOO_SMALL);
    CU_ASSERT_STRING_EQUAL(err.field, "size");
    CU_ASSERT_EQUAL(err.rule, PV_RULE_NONE);
    CU_ASSERT_EQUAL(pv_prepare(&f.citizen, storage, need, NULL, &err), PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(err.field, "out");
    CU_ASSERT_EQUAL(pv_prepare(&f.citizen, storage, need, &record, &err), PV_OK);
    CU_ASSERT_PTR_EQUAL(record, (void *)storage);
    /* An error of an unknown version is not written, and the call fails. */
    pv_error unknown = PV_ERROR_INIT;
    unknown.version = 0;
    CU_ASSERT_EQUAL(pv_prepare(&f.citizen, storage, need, &record, &unknown), PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(unknown.status, PV_OK);
}

static void test_size_of_what_cannot_be_measured(void) {
    fixture f;
    fx_init(&f, D(1980, 5, 5), D(2026, 3, 4));
    CU_ASSERT_EQUAL(pv_prepared_size(NULL), 0);
    f.citizen.version = 0;
    CU_ASSERT_EQUAL(pv_prepared_size(&f.citizen), 0);
    f.citizen.version = PV_CITIZEN_VERSION + 1;
    CU_ASSERT_EQUAL(pv_prepared_size(&f.citizen), 0);
    /* Counts past the caps are measured as the caps: never past the maximum. */
    f.citizen.version = PV_CITIZEN_VERSION;
    f.citizen.seal_count = (size_t)-1;
    f.citizen.grant_count = (size_t)-1;
    f.citizen.guardians = NULL;
    f.citizen.guardian_count = (size_t)-1;
    f.citizen.login_lock_period_count = (size_t)-1;
    f.citizen.protected_identity_period_count = (size_t)-1;
    CU_ASSERT(pv_prepared_size(&f.citizen) <= PV_PREPARED_MAX_SIZE);
    /* ... and refused by pv_prepare() as pv_evaluate() refuses them (section 8). */
    pv_prepared *record = NULL;
    pv_error err = PV_ERROR_INIT;
    CU_ASSERT_EQUAL(pv_prepare(&f.citizen, storage, sizeof storage, &record, &err),
                    PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(err.field, "citizen.seals");
    CU_ASSERT_EQUAL(pv_prepare(NULL, storage, sizeof storage, &record, &err), PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(err.field, "citizen");
}

/* V1: storage that holds no prepared record is refused, never a permit. */
static void test_v1_never_prepared_storage_is_refused(void) {
    fixture f;
    fx_init(&f, D(1980, 5, 5), D(2026, 3, 4));
    memset(storage, 0, sizeof storage);
    decide(&f, (const pv_prepared *)(const void *)storage);
    expect_refused(&f, "record");
    decide(&f, NULL);
    expect_refused(&f, "record");
    CU_ASSERT_EQUAL(pv_prepared_check((const pv_prepared *)(const void *)storage, &f.citizen, NULL),
                    PV_ERR_INVALID_INPUT);
    /* A failed pv_prepare() leaves no record behind in its storage. */
    pv_prepared *record = prepare(&f);
    CU_ASSERT_EQUAL(decide(&f, record), PV_OK);
    f.citizen.birth_date = D(2026, 2, 30);
    CU_ASSERT_EQUAL(pv_prepare(&f.citizen, storage, sizeof storage, &record, NULL),
                    PV_ERR_INVALID_INPUT);
    f.citizen.birth_date = D(1980, 5, 5);
    decide(&f, (const pv_prepared *)(const void *)storage);
    expect_refused(&f, "record");
}

/* The lifetime rule: a change to the pv_citizen struct after pv_prepare() — a count, a pointer,
   a flag — is refused (V1, field "record"), fail closed. */
static void test_v1_citizen_changed_after_prepare_is_refused(void) {
    fixture f;
    fx_init(&f, D(2021, 1, 1), D(2026, 3, 4));
    fx_guardian(&f, "g1");
    pv_prepared *record = prepare(&f);
    CU_ASSERT_EQUAL(decide(&f, record), PV_OK);
    CU_ASSERT_EQUAL(f.d.effect, PV_EFFECT_PERMIT); /* G1: a child of 5 */

    f.citizen.guardian_count = 1; /* a count */
    decide(&f, record);
    expect_refused(&f, "record");
    f.citizen.guardian_count = 2;

    f.citizen.guardians = f.guardians + 1; /* a pointer */
    decide(&f, record);
    expect_refused(&f, "record");
    f.citizen.guardians = f.guardians;

    f.citizen.protected_identity = true; /* a flag: G4 would deny */
    decide(&f, record);
    expect_refused(&f, "record");
    CU_ASSERT_EQUAL(pv_prepared_check(record, &f.citizen, NULL), PV_ERR_INVALID_INPUT);
    f.citizen.protected_identity = false;

    /* Another citizen struct with the same members is the same citizen (member by member). */
    fixture g = f;
    g.citizen.guardians = f.guardians;
    g.citizen.representatives = f.reps;
    g.citizen.seals = f.seals;
    g.citizen.grants = f.grants;
    f.citizen = g.citizen;
    CU_ASSERT_EQUAL(decide(&f, record), PV_OK);
    CU_ASSERT_EQUAL(decide(&f, NULL), PV_ERR_INVALID_INPUT);
    f.status = pv_evaluate_prepared(record, NULL, &f.actor, &f.service, f.on, &f.d, &f.err);
    expect_refused(&f, "citizen");
}

/* The lifetime rule reads the members of the caller's struct, never its bytes: a pv_citizen in
   allocated memory whose members are set one by one has padding that was never written, and
   pv_evaluate_prepared() and pv_prepared_check() must decide it without reading that padding.
   (They compared the struct word by word first: an uninitialised read, which the valgrind check
   fails on and which the proof reported.) G1: a child of 5, a guardian asks: permit. */
static void test_v1_a_citizen_with_unwritten_padding_is_read_member_by_member(void) {
    fixture f;
    fx_init(&f, D(2021, 1, 1), D(2026, 3, 4));
    fx_guardian(&f, "g1");
    pv_citizen *c = malloc(sizeof *c);
    CU_ASSERT_FATAL(c != NULL);
    c->version = f.citizen.version;
    c->birth_date = f.citizen.birth_date;
    c->personnummer = f.citizen.personnummer;
    c->protected_identity = f.citizen.protected_identity;
    c->login_locked = f.citizen.login_locked;
    c->login_lock_requested_by = f.citizen.login_lock_requested_by;
    c->login_lock_case_number = f.citizen.login_lock_case_number;
    c->seals = f.citizen.seals;
    c->seal_count = f.citizen.seal_count;
    c->guardians = f.citizen.guardians;
    c->guardian_count = f.citizen.guardian_count;
    c->grants = f.citizen.grants;
    c->grant_count = f.citizen.grant_count;
    c->representatives = f.citizen.representatives;
    c->representative_count = f.citizen.representative_count;
    c->login_lock_periods = f.citizen.login_lock_periods;
    c->login_lock_period_count = f.citizen.login_lock_period_count;
    c->protected_identity_periods = f.citizen.protected_identity_periods;
    c->protected_identity_period_count = f.citizen.protected_identity_period_count;
    pv_prepared *record = NULL;
    CU_ASSERT_EQUAL(pv_prepare(c, storage, sizeof storage, &record, NULL), PV_OK);
    pv_decision d = PV_DECISION_INIT;
    CU_ASSERT_EQUAL(pv_evaluate_prepared(record, c, &f.actor, &f.service, f.on, &d, NULL), PV_OK);
    CU_ASSERT_EQUAL(d.effect, PV_EFFECT_PERMIT);
    CU_ASSERT_EQUAL(pv_prepared_check(record, c, NULL), PV_OK);
    c->grant_count = 1; /* a member changed is still seen: V1 */
    CU_ASSERT_EQUAL(pv_evaluate_prepared(record, c, &f.actor, &f.service, f.on, &d, NULL),
                    PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(d.effect, PV_EFFECT_DENY);
    free(c);
}

/* pv_prepared_check: an element changed in place (a seal's date) is seen by the fingerprint,
   which pv_evaluate_prepared() does not read (the lifetime rule puts that on the caller). */
static void test_check_sees_an_element_changed_in_place(void) {
    fixture f;
    fx_init(&f, D(1980, 5, 5), D(2026, 3, 4));
    fx_journal(&f);
    pv_seal *s = fx_seal(&f, NULL, D(2026, 1, 1), D(2026, 6, 30));
    pv_prepared *record = prepare(&f);
    pv_error err = PV_ERROR_INIT;
    CU_ASSERT_EQUAL(pv_prepared_check(record, &f.citizen, &err), PV_OK);
    CU_ASSERT_EQUAL(err.status, PV_OK);
    s->active.until = D(2026, 12, 31);
    CU_ASSERT_EQUAL(pv_prepared_check(record, &f.citizen, &err), PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(err.field, "record");
    CU_ASSERT_EQUAL(err.rule, PV_RULE_V1);
    s->active.until = D(2026, 6, 30);
    CU_ASSERT_EQUAL(pv_prepared_check(record, &f.citizen, NULL), PV_OK);
    /* A string changed in place: a guardian's id. */
    char id[] = "g1";
    f.guardians[0].id = id;
    record = prepare(&f);
    id[1] = '9';
    CU_ASSERT_EQUAL(pv_prepared_check(record, &f.citizen, NULL), PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(pv_prepared_check(record, NULL, &err), PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(err.field, "citizen");
    CU_ASSERT_EQUAL(pv_prepared_check(NULL, &f.citizen, &err), PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(err.field, "record");
    pv_error unknown = PV_ERROR_INIT;
    unknown.version = 7;
    CU_ASSERT_EQUAL(pv_prepared_check(record, &f.citizen, &unknown), PV_ERR_INVALID_INPUT);
}

/* The storage holds offsets, not pointers into itself: a copy decides as the original. */
static void test_a_copied_record_decides_alike(void) {
    fixture f;
    fx_init(&f, D(2012, 6, 15), D(2026, 3, 4)); /* 13: D1 */
    fx_journal(&f);
    fx_grant(&f, "self", U1, D(2025, 1, 1), D(2026, 12, 31));
    pv_prepared *record = prepare(&f);
    memcpy(moved, storage, pv_prepared_size(&f.citizen));
    memset(storage, 0, sizeof storage);
    CU_ASSERT_EQUAL(decide(&f, (const pv_prepared *)(const void *)moved), PV_OK);
    CU_ASSERT_EQUAL(f.d.reason, PV_REASON_DIRECT_ACCESS);
    CU_ASSERT(f.d.filtered); /* D1: the whole journal shows only the granted unit */
    /* D3: the grant ends with 2026: UNDER_16 from 2027-01-01. */
    CU_ASSERT(same_date(f.d.changes_on, D(2027, 1, 1)));
    (void)record;
}

/* The record's bytes are the citizen's alone: storage that held other bytes before gives the
   same record, byte for byte (no leftovers of the caller in the slots a union or array does not
   use: the record holds room for a lock flag the citizen does not set, for instance). */
static void test_the_record_does_not_keep_what_the_storage_held(void) {
    fixture f;
    fx_init(&f, D(2012, 6, 15), D(2026, 3, 4));
    fx_journal(&f);
    fx_grant(&f, "self", U1, D(2025, 1, 1), D(2026, 12, 31));
    const size_t size = pv_prepared_size(&f.citizen);
    CU_ASSERT_FATAL(size > 0 && size <= sizeof storage);
    memset(storage, 0xA5, sizeof storage);
    memset(moved, 0x00, sizeof moved);
    pv_prepared *a = NULL;
    pv_prepared *b = NULL;
    pv_error err = PV_ERROR_INIT;
    CU_ASSERT_EQUAL(pv_prepare(&f.citizen, storage, sizeof storage, &a, &err), PV_OK);
    CU_ASSERT_EQUAL(pv_prepare(&f.citizen, moved, sizeof moved, &b, &err), PV_OK);
    CU_ASSERT_FATAL(a != NULL && b != NULL);
    CU_ASSERT_EQUAL(memcmp(storage, moved, size), 0);
}

/* The errors of step 0 come in pv_evaluate()'s order and name the same fields. */
static void test_v1_errors_of_the_call_as_pv_evaluate(void) {
    fixture f;
    fx_init(&f, D(1980, 5, 5), D(2026, 3, 4));
    pv_prepared *record = prepare(&f);
    f.on = D(2026, 2, 29);
    decide(&f, record);
    expect_refused(&f, "on");
    f.on = D(1970, 1, 1); /* A: a birth date after the date */
    decide(&f, record);
    expect_refused(&f, "citizen.birth_date");
    f.on = D(2026, 3, 4);
    fx_guardian(&f, "no such guardian x");
    decide(&f, record);
    expect_refused(&f, "actor.id");
    fx_guardian(&f, "g1");
    fx_journal_unit(&f, "bad unit");
    decide(&f, record);
    expect_refused(&f, "service.unit");
    f.actor.version = 0;
    decide(&f, record);
    expect_refused(&f, "actor.version");
    f.actor.version = PV_ACTOR_VERSION;
    f.service.version = 0;
    decide(&f, record);
    expect_refused(&f, "service.version");
    /* An unknown decision version: fail closed, naming it. */
    f.service.version = PV_SERVICE_VERSION;
    pv_decision d = PV_DECISION_INIT;
    d.version = 0;
    pv_error err = PV_ERROR_INIT;
    CU_ASSERT_EQUAL(pv_evaluate_prepared(record, &f.citizen, &f.actor, &f.service, f.on, &d, &err),
                    PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(err.field, "out.version");
}

/* Writes the Luhn digit (N2) of the nine digits before it into a ten-digit form "YYMMDD-NNN?". */
static void luhn(char *text) {
    int sum = 0;
    int k = 0;
    for (const char *p = text; k < 9; p++) {
        if (*p == '-' || *p == '+') continue;
        int v = (*p - '0') * (k % 2 == 0 ? 2 : 1);
        sum += v / 10 + v % 10;
        k++;
    }
    text[10] = (char)('0' + (10 - sum % 10) % 10);
}

/* N4 on the prepared path: a ten-digit personnummer is read against each date, as pv_evaluate()
   reads it; 29 February 2000 read against a date from 2100 on is 2100-02-29, which does not
   exist (N5): malformed from 2100-01-01, the date T1 gives. */
static void test_n4_ten_digits_read_on_each_date(void) {
    fixture f;
    fx_init(&f, PV_DATE_NONE, D(2099, 12, 31));
    char pnr[] = "000229-123?";
    luhn(pnr);
    f.citizen.personnummer = pnr;
    pv_prepared *record = prepare(&f);
    CU_ASSERT_EQUAL(decide(&f, record), PV_OK);
    CU_ASSERT_EQUAL(f.d.reason, PV_REASON_SELF); /* 99 years old */
    CU_ASSERT(same_date(f.d.changes_on, D(2100, 1, 1)));
    f.on = D(2100, 1, 1);
    decide(&f, record);
    expect_refused(&f, "citizen.personnummer");
    CU_ASSERT_STRING_EQUAL(f.err.message, "date does not exist");
    /* Birth number 000 is refused by pv_prepare(), whatever the century (N6). */
    char zero[] = "000229-000?";
    luhn(zero);
    f.citizen.personnummer = zero;
    pv_error err = PV_ERROR_INIT;
    CU_ASSERT_EQUAL(pv_prepare(&f.citizen, storage, sizeof storage, &record, &err),
                    PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(err.field, "citizen.personnummer");
    /* A twelve-digit form that disagrees with the birth date is refused on every date. */
    char twelve[] = "19800505-123?";
    luhn(twelve + 2);
    f.citizen.personnummer = twelve;
    f.citizen.birth_date = D(1980, 5, 6);
    f.on = D(2026, 3, 4);
    record = prepare(&f);
    decide(&f, record);
    expect_refused(&f, "citizen.personnummer");
}

/* H3, G3, T1: a guardian blocked from 2020-03-01, asked on 2020-01-01: the answer changes on
   the block's first day. */
static void test_h3_g3_t1_block_from_a_date(void) {
    fixture f;
    fx_init(&f, D(2015, 5, 5), D(2020, 1, 1));
    fx_guardian(&f, "g1");
    pv_interval blocked[] = {period(D(2020, 3, 1), PV_DATE_NONE)};
    f.guardians[0].blocked_periods = blocked;
    f.guardians[0].blocked_period_count = 1;
    pv_prepared *record = prepare(&f);
    CU_ASSERT_EQUAL(decide(&f, record), PV_OK);
    CU_ASSERT_EQUAL(f.d.reason, PV_REASON_GUARDIAN_PROXY);
    CU_ASSERT(same_date(f.d.changes_on, D(2020, 3, 1)));
    f.on = D(2020, 3, 1);
    decide(&f, record);
    CU_ASSERT_EQUAL(f.d.reason, PV_REASON_GUARDIAN_BLOCKED);
    /* G1: from the 13th birthday the proxy ends, and PROXY_ENDED comes first. */
    CU_ASSERT(same_date(f.d.changes_on, D(2028, 5, 5)));
}

/* J3, T1: a seal whose active interval ends 2021-06-30: the journal opens on 2021-07-01. */
static void test_j3_t1_seal_that_ends(void) {
    fixture f;
    fx_init(&f, D(1980, 5, 5), D(2021, 3, 1));
    fx_journal(&f);
    fx_seal(&f, NULL, PV_DATE_NONE, D(2021, 6, 30));
    pv_prepared *record = prepare(&f);
    CU_ASSERT_EQUAL(decide(&f, record), PV_OK);
    CU_ASSERT_EQUAL(f.d.reason, PV_REASON_JOURNAL_SEALED);
    CU_ASSERT(same_date(f.d.changes_on, D(2021, 7, 1)));
    /* J2: a unit seal ending the same day: the unit opens, the whole journal is unfiltered. */
    fx_init(&f, D(1980, 5, 5), D(2021, 3, 1));
    fx_journal_unit(&f, U1);
    fx_seal(&f, U1, D(2021, 1, 1), D(2021, 6, 30));
    record = prepare(&f);
    decide(&f, record);
    CU_ASSERT_EQUAL(f.d.reason, PV_REASON_UNIT_SEALED);
    CU_ASSERT(same_date(f.d.changes_on, D(2021, 7, 1)));
    fx_journal(&f);
    decide(&f, record);
    CU_ASSERT(f.d.effect == PV_EFFECT_PERMIT && f.d.filtered);
    CU_ASSERT(same_date(f.d.changes_on, D(2021, 7, 1)));
    fx_journal_unit(&f, U2); /* another unit: the seal never acts on it */
    decide(&f, record);
    CU_ASSERT(f.d.effect == PV_EFFECT_PERMIT && !f.d.filtered);
    CU_ASSERT(pv_date_is_none(f.d.changes_on));
}

/* D1, D3, T1: a grant that starts while another grant for the unit is in force changes nothing
   on its first day; the answer changes when the last grant in force ends. */
static void test_d1_d3_t1_overlapping_grants(void) {
    fixture f;
    fx_init(&f, D(2010, 9, 1), D(2024, 1, 1)); /* 13 from 2023-09-01, 16 on 2026-09-01 */
    fx_journal_unit(&f, U1);
    fx_channel(&f, PV_CHANNEL_DIRECT);
    fx_grant(&f, "self", U1, D(2023, 10, 1), D(2024, 6, 30));
    fx_grant(&f, "self", U1, D(2024, 3, 1), D(2024, 12, 31)); /* starts inside the first */
    fx_grant(&f, "self", U2, D(2024, 1, 1), D(2025, 12, 31)); /* another unit */
    pv_prepared *record = prepare(&f);
    CU_ASSERT_EQUAL(decide(&f, record), PV_OK);
    CU_ASSERT_EQUAL(f.d.reason, PV_REASON_DIRECT_ACCESS);
    CU_ASSERT(same_date(f.d.changes_on, D(2025, 1, 1)));
    /* The whole journal: any grant counts (D1), the last ends 2025-12-31. */
    fx_journal(&f);
    decide(&f, record);
    CU_ASSERT(f.d.effect == PV_EFFECT_PERMIT && f.d.filtered);
    CU_ASSERT(same_date(f.d.changes_on, D(2026, 1, 1)));
    /* A guardian's grants are the guardian's own (D2): none here. */
    fx_guardian(&f, "g1");
    decide(&f, record);
    CU_ASSERT_EQUAL(f.d.reason, PV_REASON_PROXY_ENDED);
    CU_ASSERT_EQUAL(f.d.rule, PV_RULE_D2);
    /* G2: from the 16th birthday the proxy ends for good, with the same reason: T1 compares
       (effect, reason, filtered), so the answer never changes. */
    CU_ASSERT(pv_date_is_none(f.d.changes_on));
}

/* J4: an entry query reads the content periods; P2: the appointment; E2: the citizen's lock. */
static void test_j4_p2_e2_entries_appointments_and_locks(void) {
    fixture f;
    fx_init(&f, D(1980, 5, 5), D(2026, 3, 4));
    fx_seal_content(&f, U1, D(2020, 1, 1), D(2020, 12, 31))->active.until = D(2026, 5, 31);
    fx_seal_content(&f, NULL, D(2019, 1, 1), D(2019, 1, 31));
    fx_journal_entry(&f, U1, D(2020, 6, 1));
    pv_prepared *record = prepare(&f);
    decide(&f, record);
    CU_ASSERT_EQUAL(f.d.reason, PV_REASON_ENTRY_SEALED);
    CU_ASSERT(same_date(f.d.changes_on, D(2026, 6, 1)));
    fx_journal_entry(&f, U2, D(2019, 1, 15)); /* J4: the whole-journal seal's content period */
    decide(&f, record);
    CU_ASSERT_EQUAL(f.d.reason, PV_REASON_ENTRY_SEALED);
    CU_ASSERT(pv_date_is_none(f.d.changes_on));
    fx_journal_entry(&f, U2, D(2021, 1, 1));
    decide(&f, record);
    CU_ASSERT(f.d.effect == PV_EFFECT_PERMIT && !f.d.filtered);
    /* P2: the representative's appointment ends 2026-12-31. */
    f.reps[0].until = D(2026, 12, 31);
    fx_rep(&f, "r1");
    fx_journal(&f);
    record = prepare(&f);
    decide(&f, record);
    CU_ASSERT(f.d.effect == PV_EFFECT_PERMIT && f.d.filtered);
    CU_ASSERT(same_date(f.d.changes_on, D(2027, 1, 1)));
    /* E2, H2: the citizen's lock period closes the portal from its first day. */
    pv_lock_period lock = PV_LOCK_PERIOD_INIT;
    lock.when = period(D(2026, 4, 1), D(2026, 4, 30));
    f.citizen.login_lock_periods = &lock;
    f.citizen.login_lock_period_count = 1;
    fx_self(&f);
    fx_eservices(&f);
    record = prepare(&f);
    decide(&f, record);
    CU_ASSERT_EQUAL(f.d.reason, PV_REASON_SELF);
    CU_ASSERT(same_date(f.d.changes_on, D(2026, 4, 1)));
}

int register_prepared_suite(void) {
    static const pv_test_case cases[] = {
        {"storage: NULL, misaligned and too small are named",
         test_storage_null_misaligned_too_small},
        {"size: what cannot be measured is 0, counts past the caps are capped",
         test_size_of_what_cannot_be_measured},
        {"V1: storage never prepared is refused, never a permit",
         test_v1_never_prepared_storage_is_refused},
        {"V1: a citizen changed after pv_prepare is refused (count, pointer, flag)",
         test_v1_citizen_changed_after_prepare_is_refused},
        {"V1: a citizen whose padding was never written is read member by member",
         test_v1_a_citizen_with_unwritten_padding_is_read_member_by_member},
        {"pv_prepared_check sees an element or string changed in place",
         test_check_sees_an_element_changed_in_place},
        {"a copied record decides as the original (D1, D3, T1)",
         test_a_copied_record_decides_alike},
        {"the record does not keep what the storage held before",
         test_the_record_does_not_keep_what_the_storage_held},
        {"V1: the errors of the call are pv_evaluate's", test_v1_errors_of_the_call_as_pv_evaluate},
        {"N4, N5, N6, A3: a ten-digit personnummer is read on each date",
         test_n4_ten_digits_read_on_each_date},
        {"H3, G3, G1, T1: a guardian blocked from a date", test_h3_g3_t1_block_from_a_date},
        {"J3, J2, T1: a seal that ends opens the journal the day after", test_j3_t1_seal_that_ends},
        {"D1, D2, D3, G2, T1: a grant starting inside another changes nothing",
         test_d1_d3_t1_overlapping_grants},
        {"J4, P2, E2, H2, T1: entries, appointments and lock periods",
         test_j4_p2_e2_entries_appointments_and_locks},
        {NULL, NULL},
    };
    return pv_add_suite("prepared record", cases);
}
