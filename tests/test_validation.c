/* test_validation.c — V1 and every case of RULES.md section 8: malformed input is never guessed
   at. The status is PV_ERR_INVALID_INPUT, the decision a deny with reason INVALID_INPUT alone,
   rule V1, and 'field' names the offending field. Inputs are validated in the order on, citizen
   (fields in struct order, arrays in index order), actor, service; the first error is reported. */
#include <stdint.h>

#include "../src/internal.h"
#include "suites.h"
#include "test_eval_util.h"

#define NONE PV_DATE_NONE

/* An adult citizen with three seals, three guardians, three grants and two representatives, all
   valid; the citizen asking for the whole journal. Tests break one thing at a time. */
static void full(fixture *f) {
    fx_init(f, D(1980, 1, 20), D(2026, 3, 4));
    fx_seal_always(f, NULL);
    fx_seal(f, U1, D(2026, 1, 1), D(2026, 12, 31));
    fx_seal_content(f, U2, D(2020, 1, 1), D(2020, 12, 31));
    fx_add_guardian(f, "g3");
    fx_grant(f, PV_GRANT_HOLDER_SELF, U1, NONE, NONE);
    fx_grant(f, "g1", U1, D(1993, 1, 1), D(1995, 1, 1));
    fx_grant(f, "g3", U2, NONE, D(1995, 1, 1));
    fx_add_rep(f, "r2");
    fx_journal(f);
}

/* A string of 'n' copies of 'c' in 'buf'. */
static const char *repeat(char *buf, char c, size_t n) {
    memset(buf, c, n);
    buf[n] = '\0';
    return buf;
}

static void test_v1_valid_full_fixture(void) {
    /* The base of every test here is valid (so each test below fails only for its field). */
    fixture f;
    full(&f);
    EXPECT_DENY(&f, BIT(JOURNAL_SEALED), J1);
    fx_eservices(&f);
    EXPECT_PERMIT(&f, SELF, S1, false);
}

/* -- null pointers ------------------------------------------------------------------------- */

/* Evaluates with fresh garbage in the decision and the error (their versions set). */
static pv_status eval_garbage(const pv_citizen *c, const pv_actor *a, const pv_service *s,
                              pv_date on, pv_decision *d, pv_error *err) {
    memset(d, 0x5A, sizeof *d);
    d->version = PV_DECISION_VERSION;
    memset(err, 0x5A, sizeof *err);
    err->version = PV_ERROR_VERSION;
    return pv_evaluate(c, a, s, on, d, err);
}

static void test_v1_null_pointers(void) {
    fixture f;
    pv_decision d;
    pv_error err;
    full(&f);
    CU_ASSERT_EQUAL(eval_garbage(NULL, &f.actor, &f.service, f.on, &d, &err),
                    PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(err.field, "citizen");
    CU_ASSERT_EQUAL(err.status, PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(err.rule, PV_RULE_V1);
    CU_ASSERT_PTR_NOT_NULL(err.message);
    CU_ASSERT_EQUAL(d.effect, PV_EFFECT_DENY);
    CU_ASSERT_EQUAL(d.reason, PV_REASON_INVALID_INPUT);
    CU_ASSERT_EQUAL(d.reasons, BIT(INVALID_INPUT));
    CU_ASSERT_EQUAL(d.rule, PV_RULE_V1);
    CU_ASSERT_FALSE(d.filtered);
    CU_ASSERT_TRUE(pv_date_is_none(d.changes_on));
    CU_ASSERT_EQUAL(eval_garbage(&f.citizen, NULL, &f.service, f.on, &d, &err),
                    PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(err.field, "actor");
    CU_ASSERT_EQUAL(d.reason, PV_REASON_INVALID_INPUT);
    CU_ASSERT_EQUAL(d.rule, PV_RULE_V1);
    CU_ASSERT_EQUAL(eval_garbage(&f.citizen, &f.actor, NULL, f.on, &d, &err),
                    PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(err.field, "service");
    CU_ASSERT_EQUAL(d.reason, PV_REASON_INVALID_INPUT);
    CU_ASSERT_EQUAL(d.effect, PV_EFFECT_DENY);
    /* all three NULL: the first in order */
    CU_ASSERT_EQUAL(eval_garbage(NULL, NULL, NULL, f.on, &d, &err), PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(err.field, "citizen");
    /* out NULL: nothing written, no crash; a NULL error is allowed everywhere */
    CU_ASSERT_EQUAL(pv_evaluate(&f.citizen, &f.actor, &f.service, f.on, NULL, NULL),
                    PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(pv_decide(&f.citizen, &f.actor, &f.service, f.on, NULL, NULL),
                    PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(pv_evaluate(NULL, NULL, NULL, NONE, NULL, NULL), PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(pv_validate(NULL, NULL, NULL, NONE, NULL), PV_ERR_INVALID_INPUT);
    /* pv_validate no longer takes a decision: valid input is PV_OK */
    CU_ASSERT_EQUAL(pv_validate(&f.citizen, &f.actor, &f.service, f.on, NULL), PV_OK);
    /* pv_decide and pv_validate name the same fields */
    memset(&d, 0x5A, sizeof d);
    d.version = PV_DECISION_VERSION;
    err = (pv_error)PV_ERROR_INIT;
    CU_ASSERT_EQUAL(pv_decide(&f.citizen, NULL, &f.service, f.on, &d, &err),
                    PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(err.field, "actor");
    CU_ASSERT_EQUAL(d.reason, PV_REASON_INVALID_INPUT);
    err = (pv_error)PV_ERROR_INIT;
    CU_ASSERT_EQUAL(pv_validate(&f.citizen, &f.actor, NULL, f.on, &err), PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(err.field, "service");
    CU_ASSERT_EQUAL(err.rule, PV_RULE_V1);
}

static void test_v1_null_arrays_with_count(void) {
    fixture f;
    full(&f);
    f.citizen.seals = NULL;
    EXPECT_INVALID(&f, "citizen.seals");
    full(&f);
    f.citizen.guardians = NULL;
    EXPECT_INVALID(&f, "citizen.guardians");
    full(&f);
    f.citizen.grants = NULL;
    EXPECT_INVALID(&f, "citizen.grants");
    full(&f);
    f.citizen.representatives = NULL;
    EXPECT_INVALID(&f, "citizen.representatives");
    /* NULL with count 0 is an empty list */
    fx_init(&f, D(1980, 1, 20), D(2026, 3, 4));
    f.citizen.seals = NULL;
    f.citizen.guardians = NULL;
    f.citizen.guardian_count = 0;
    f.citizen.grants = NULL;
    f.citizen.representatives = NULL;
    f.citizen.representative_count = 0;
    EXPECT_PERMIT(&f, SELF, S1, false);
}

static void test_v1_null_strings_where_required(void) {
    fixture f;
    full(&f);
    f.guardians[1].id = NULL;
    EXPECT_INVALID(&f, "citizen.guardians[1].id");
    full(&f);
    f.grants[2].holder = NULL;
    EXPECT_INVALID(&f, "citizen.grants[2].holder");
    full(&f);
    f.grants[0].unit = NULL;
    EXPECT_INVALID(&f, "citizen.grants[0].unit");
    full(&f);
    f.reps[1].id = NULL;
    EXPECT_INVALID(&f, "citizen.representatives[1].id");
    full(&f);
    f.seals[1].unit = NULL;
    EXPECT_INVALID(&f, "citizen.seals[1].unit");
    /* a guardian or representative actor without an id */
    full(&f);
    fx_guardian(&f, NULL);
    EXPECT_INVALID(&f, "actor.id");
    full(&f);
    fx_rep(&f, NULL);
    EXPECT_INVALID(&f, "actor.id");
}

/* -- dates --------------------------------------------------------------------------------- */

static void test_v1_on(void) {
    fixture f;
    full(&f);
    f.on = D(2023, 2, 29);
    EXPECT_INVALID(&f, "on");
    f.on = D(2026, 13, 1);
    EXPECT_INVALID(&f, "on");
    f.on = D(2026, 0, 1);
    EXPECT_INVALID(&f, "on");
    f.on = D(2026, 4, 31);
    EXPECT_INVALID(&f, "on");
    f.on = D(2026, 1, 0);
    EXPECT_INVALID(&f, "on");
    f.on = D(0, 1, 1);
    EXPECT_INVALID(&f, "on");
    f.on = D(10000, 1, 1);
    EXPECT_INVALID(&f, "on");
    f.on = D(-5, 1, 1);
    EXPECT_INVALID(&f, "on");
    f.on = NONE; /* the evaluation date is always given */
    EXPECT_INVALID(&f, "on");
    /* valid extremes */
    f.on = D(2024, 2, 29);
    EXPECT_DENY(&f, BIT(JOURNAL_SEALED), J1);
}

static void test_v1_birth_date(void) {
    fixture f;
    full(&f);
    f.citizen.birth_date = D(2023, 2, 29);
    EXPECT_INVALID(&f, "citizen.birth_date");
    full(&f);
    f.citizen.birth_date = D(1980, 13, 1);
    EXPECT_INVALID(&f, "citizen.birth_date");
    full(&f);
    f.citizen.birth_date = D(1980, 0, 20);
    EXPECT_INVALID(&f, "citizen.birth_date");
    /* after on */
    fx_init(&f, D(2026, 3, 5), D(2026, 3, 4));
    EXPECT_INVALID(&f, "citizen.birth_date");
    fx_init(&f, D(2030, 1, 1), D(2026, 3, 4));
    EXPECT_INVALID(&f, "citizen.birth_date");
    /* on the day of evaluation: valid */
    fx_init(&f, D(2026, 3, 4), D(2026, 3, 4));
    EXPECT_DENY(&f, BIT(UNDER_13), S1);
}

static void test_v1_personnummer(void) {
    fixture f;
    /* valid, alone and agreeing with the birth date */
    fx_init(&f, NONE, D(2026, 3, 4));
    f.citizen.personnummer = "20100315-1238";
    EXPECT_PERMIT(&f, SELF, S1, false);
    fx_init(&f, D(2010, 3, 15), D(2026, 3, 4));
    f.citizen.personnummer = "20100315-1238";
    EXPECT_PERMIT(&f, SELF, S1, false);
    f.citizen.personnummer = "20100375-1235"; /* samordningsnummer: day 75 - 60 */
    EXPECT_PERMIT(&f, SELF, S1, false);
    /* invalid */
    fx_init(&f, NONE, D(2026, 3, 4));
    f.citizen.personnummer = "20100315-1239"; /* check digit */
    EXPECT_INVALID(&f, "citizen.personnummer");
    f.citizen.personnummer = " 20100315-1238";
    EXPECT_INVALID(&f, "citizen.personnummer");
    f.citizen.personnummer = "20100315 1238";
    EXPECT_INVALID(&f, "citizen.personnummer");
    f.citizen.personnummer = "";
    EXPECT_INVALID(&f, "citizen.personnummer");
    f.citizen.personnummer = "20230229-1234";
    EXPECT_INVALID(&f, "citizen.personnummer");
    /* disagreeing with the birth date */
    fx_init(&f, D(2010, 3, 16), D(2026, 3, 4));
    f.citizen.personnummer = "20100315-1238";
    EXPECT_INVALID(&f, "citizen.personnummer");
    fx_init(&f, D(1910, 3, 15), D(2026, 3, 4));
    f.citizen.personnummer = "100315-1238"; /* 2010 by N4 */
    EXPECT_INVALID(&f, "citizen.personnummer");
    f.citizen.personnummer = "100315+1238"; /* 1910 */
    EXPECT_PERMIT(&f, SELF, S1, false);
    /* a personnummer alone giving a birth date after on: the personnummer is the field */
    fx_init(&f, NONE, D(2026, 3, 4));
    f.citizen.personnummer = "20260304-1233"; /* born on the day: valid */
    EXPECT_DENY(&f, BIT(UNDER_13), S1);
    f.citizen.personnummer = "20260305-1232";
    EXPECT_INVALID(&f, "citizen.personnummer");
    f.on = D(2026, 3, 5);
    EXPECT_DENY(&f, BIT(UNDER_13), S1);
}

static void test_v1_no_birth_date_at_all(void) {
    /* Neither a birth date nor a personnummer: the age is unknown. RULES.md does not name the
       field; it is one of the two. */
    fixture f;
    fx_init(&f, NONE, D(2026, 3, 4));
    fx_eval(&f);
    CU_ASSERT_EQUAL(f.status, PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(f.d.reason, PV_REASON_INVALID_INPUT);
    CU_ASSERT_EQUAL(f.d.effect, PV_EFFECT_DENY);
    CU_ASSERT_TRUE(strcmp(f.err.field, "citizen.birth_date") == 0 ||
                   strcmp(f.err.field, "citizen.personnummer") == 0);
}

/* -- case number and enums ------------------------------------------------------------------ */

/* Section 8 and X1: a case number is informative: any UTF-8 text without a control character,
   at most PV_CASE_NUMBER_MAX (128) bytes. Anything else names citizen.login_lock_case_number. */
static void test_v1_case_number(void) {
    static const char *const valid[] = {
        "",               /* an acute lock, the number added later (X1) */
        "Dnr 2026/1234",  /* spaces */
        "Dnr R\xc3\x96 2024/17", /* "Dnr RÖ 2024/17": any real case number (section 8) */
        "RS 2026/\xc3\xa5\xc3\xa4\xc3\xb6",  /* å ä ö */
        "\xe2\x82\xac 12",  /* a three-byte character (U+20AC) */
        "\xf0\x9f\x93\x81", /* a four-byte character (U+1F4C1) */
        " ~",             /* the printable ends 0x20 and 0x7E */
    };
    static const char *const invalid[] = {
        "Dnr 2026/\xc3\x28",   /* a lead byte followed by no continuation byte */
        "\xc0\xaf",            /* an overlong encoding of '/' */
        "\xe0\x80\xaf",        /* an overlong three-byte encoding */
        "Dnr \x80 2026",        /* a lone continuation byte */
        "Dnr 2026/\xc3",        /* a sequence cut off at the end */
        "\xed\xa0\x80",        /* a UTF-16 surrogate (U+D800) is not UTF-8 */
        "\xf4\x90\x80\x80",    /* beyond U+10FFFF */
        "Dnr \xff",             /* a byte that never occurs in UTF-8 */
        "\x01",                 /* control characters: C0 ... */
        "Dnr\x01 2026",
        "Dnr\t2026",            /* a tab */
        "Dnr\n",
        "Dnr\r",
        "Dnr\x1f",
        "Dnr\x7f",              /* DEL */
        "Dnr \xc2\x85",         /* ... and C1 (U+0085, NEL), a control character too */
    };
    char buf[PV_CASE_NUMBER_MAX + 8];
    fixture f;
    full(&f);
    f.citizen.login_locked = true;
    for (size_t i = 0; i < sizeof valid / sizeof valid[0]; i++) {
        f.citizen.login_lock_case_number = valid[i];
        EXPECT_DENY(&f, BIT(LOGIN_LOCKED) | BIT(JOURNAL_SEALED), E2);
    }
    for (size_t i = 0; i < sizeof invalid / sizeof invalid[0]; i++) {
        f.citizen.login_lock_case_number = invalid[i];
        EXPECT_INVALID(&f, "citizen.login_lock_case_number");
    }
    /* exactly 128 bytes is valid, 129 is not */
    CU_ASSERT_EQUAL(PV_CASE_NUMBER_MAX, 128);
    f.citizen.login_lock_case_number = repeat(buf, '7', PV_CASE_NUMBER_MAX);
    EXPECT_DENY(&f, BIT(LOGIN_LOCKED) | BIT(JOURNAL_SEALED), E2);
    f.citizen.login_lock_case_number = repeat(buf, '7', PV_CASE_NUMBER_MAX + 1);
    EXPECT_INVALID(&f, "citizen.login_lock_case_number");
    /* the cap counts bytes, not characters: 64 x "Ö" (two bytes each) is 128 bytes, valid;
       one more character is 130 bytes */
    for (size_t i = 0; i < 64; i++) memcpy(buf + 2 * i, "\xc3\x96", 2);
    buf[128] = '\0';
    f.citizen.login_lock_case_number = buf;
    EXPECT_DENY(&f, BIT(LOGIN_LOCKED) | BIT(JOURNAL_SEALED), E2);
    memcpy(buf + 128, "\xc3\x96", 2);
    buf[130] = '\0';
    EXPECT_INVALID(&f, "citizen.login_lock_case_number");
    /* a case number is checked whether or not the login is locked (it is input all the same) */
    f.citizen.login_locked = false;
    f.citizen.login_lock_case_number = "Dnr R\xc3\x96 2024/17";
    EXPECT_DENY(&f, BIT(JOURNAL_SEALED), J1);
    f.citizen.login_lock_case_number = "\xc3\x28";
    EXPECT_INVALID(&f, "citizen.login_lock_case_number");
    /* "Dnr RÖ 2024/17" is not INVALID_INPUT for a decision of any kind: an adult asking for
       e-services is a permit */
    fx_init(&f, D(1980, 1, 20), D(2026, 3, 4));
    f.citizen.login_lock_case_number = "Dnr R\xc3\x96 2024/17";
    EXPECT_PERMIT(&f, SELF, S1, false);
}

static void test_v1_enums_out_of_range(void) {
    fixture f;
    full(&f);
    f.citizen.login_lock_requested_by = PV_REQUESTER_COUNT;
    EXPECT_INVALID(&f, "citizen.login_lock_requested_by");
    f.citizen.login_lock_requested_by = (pv_requester)99;
    EXPECT_INVALID(&f, "citizen.login_lock_requested_by");
    /* the seal scope: unset (0), the count and beyond */
    full(&f);
    f.seals[2].scope = PV_SEAL_SCOPE_UNSET;
    EXPECT_INVALID(&f, "citizen.seals[2].scope");
    f.seals[2].scope = PV_SEAL_SCOPE_COUNT;
    EXPECT_INVALID(&f, "citizen.seals[2].scope");
    f.seals[2].scope = (pv_seal_scope)99;
    EXPECT_INVALID(&f, "citizen.seals[2].scope");
    full(&f);
    f.seals[2].requested_by = (pv_requester)99;
    EXPECT_INVALID(&f, "citizen.seals[2].requested_by");
    /* the representative kind: no default (section 8) */
    full(&f);
    f.reps[0].kind = PV_REPRESENTATIVE_KIND_UNSET;
    EXPECT_INVALID(&f, "citizen.representatives[0].kind");
    f.reps[0].kind = PV_REPRESENTATIVE_KIND_COUNT;
    EXPECT_INVALID(&f, "citizen.representatives[0].kind");
    full(&f);
    f.reps[1].kind = (pv_representative_kind)99;
    EXPECT_INVALID(&f, "citizen.representatives[1].kind");
    /* the actor kind */
    full(&f);
    f.actor.kind = PV_ACTOR_KIND_UNSET;
    EXPECT_INVALID(&f, "actor.kind");
    f.actor.kind = PV_ACTOR_KIND_COUNT;
    EXPECT_INVALID(&f, "actor.kind");
    f.actor.kind = (pv_actor_kind)99;
    EXPECT_INVALID(&f, "actor.kind");
    /* the e-ID */
    full(&f);
    f.actor.eid = PV_EID_UNSET;
    EXPECT_INVALID(&f, "actor.eid");
    f.actor.eid = PV_EID_COUNT;
    EXPECT_INVALID(&f, "actor.eid");
    f.actor.eid = (pv_eid)99;
    EXPECT_INVALID(&f, "actor.eid");
    /* V1 comes before R0: an actor of kind other with a bad e-ID is invalid */
    fx_other(&f);
    EXPECT_INVALID(&f, "actor.eid");
    f.actor.eid = PV_EID_UNSET;
    EXPECT_INVALID(&f, "actor.eid");
    /* the service kind */
    full(&f);
    f.service.kind = PV_SERVICE_KIND_UNSET;
    EXPECT_INVALID(&f, "service.kind");
    f.service.kind = PV_SERVICE_KIND_COUNT;
    EXPECT_INVALID(&f, "service.kind");
    f.service.kind = (pv_service_kind)99;
    EXPECT_INVALID(&f, "service.kind");
    /* the channel (0 is the portal, a value) */
    full(&f);
    f.service.channel = PV_CHANNEL_COUNT;
    EXPECT_INVALID(&f, "service.channel");
    f.service.channel = (pv_channel)99;
    EXPECT_INVALID(&f, "service.channel");
    /* every value in range but the unset one is valid (section 8: the e-IDs but bankid and
       freja_plus are valid inputs that E1 denies) */
    for (int e = PV_EID_BANKID; e < PV_EID_COUNT; e++) {
        full(&f);
        fx_eservices(&f);
        f.actor.eid = (pv_eid)e;
        fx_eval(&f);
        CU_ASSERT_EQUAL(f.status, PV_OK);
    }
    for (int k = PV_ACTOR_SELF; k < PV_ACTOR_KIND_COUNT; k++) {
        full(&f);
        fx_eservices(&f);
        f.actor.kind = (pv_actor_kind)k;
        f.actor.id = k == PV_ACTOR_GUARDIAN ? "g1" : k == PV_ACTOR_REPRESENTATIVE ? "r1" : NULL;
        fx_eval(&f);
        CU_ASSERT_EQUAL(f.status, PV_OK);
    }
}

/* -- seals --------------------------------------------------------------------------------- */

static void test_v1_seal_scope_and_unit(void) {
    char buf[80];
    fixture f;
    full(&f);
    f.seals[2].unit = NULL; /* scope unit without a unit */
    EXPECT_INVALID(&f, "citizen.seals[2].unit");
    full(&f);
    f.seals[0].unit = U1; /* scope whole with a unit */
    EXPECT_INVALID(&f, "citizen.seals[0].unit");
    full(&f);
    f.seals[2].unit = "";
    EXPECT_INVALID(&f, "citizen.seals[2].unit");
    full(&f);
    f.seals[2].unit = repeat(buf, 'A', PV_ID_MAX);
    EXPECT_DENY(&f, BIT(JOURNAL_SEALED), J1);
    f.seals[2].unit = repeat(buf, 'A', PV_ID_MAX + 1);
    EXPECT_INVALID(&f, "citizen.seals[2].unit");
    full(&f);
    f.seals[2].unit = "SE2321000016 1ABC";
    EXPECT_INVALID(&f, "citizen.seals[2].unit");
    full(&f);
    f.seals[2].unit = "SE2321000016-\xc3\x85";
    EXPECT_INVALID(&f, "citizen.seals[2].unit");
    full(&f);
    f.seals[2].unit = "SE\x7f";
    EXPECT_INVALID(&f, "citizen.seals[2].unit");
    full(&f);
    f.seals[2].unit = "SE\t1";
    EXPECT_INVALID(&f, "citizen.seals[2].unit");
    /* the printable ends 0x21 and 0x7E are valid */
    full(&f);
    f.seals[2].unit = "!~";
    EXPECT_DENY(&f, BIT(JOURNAL_SEALED), J1);
}

static void test_v1_seal_intervals(void) {
    fixture f;
    full(&f);
    f.seals[2].active.from = D(2026, 2, 1);
    f.seals[2].active.until = D(2026, 1, 31);
    EXPECT_INVALID(&f, "citizen.seals[2].active.from");
    full(&f);
    f.seals[0].active.from = D(2026, 3, 5);
    f.seals[0].active.until = D(2026, 3, 4);
    EXPECT_INVALID(&f, "citizen.seals[0].active.from");
    full(&f);
    f.seals[2].active.from = D(2025, 2, 29);
    EXPECT_INVALID(&f, "citizen.seals[2].active.from");
    full(&f);
    f.seals[2].active.until = D(2025, 6, 31);
    EXPECT_INVALID(&f, "citizen.seals[2].active.until");
    full(&f);
    f.seals[2].content.from = D(2021, 1, 1);
    EXPECT_INVALID(&f, "citizen.seals[2].content.from");
    full(&f);
    f.seals[2].content.from = D(2021, 2, 30);
    EXPECT_INVALID(&f, "citizen.seals[2].content.from");
    full(&f);
    f.seals[2].content.until = D(2021, 0, 1);
    EXPECT_INVALID(&f, "citizen.seals[2].content.until");
    /* equal ends are valid */
    full(&f);
    f.seals[1].active.from = D(2026, 3, 4);
    f.seals[1].active.until = D(2026, 3, 4);
    f.seals[2].content.from = D(2020, 5, 5);
    f.seals[2].content.until = D(2020, 5, 5);
    EXPECT_DENY(&f, BIT(JOURNAL_SEALED), J1);
    /* the first bad seal in index order */
    full(&f);
    f.seals[1].active.until = D(2025, 1, 1); /* before its from */
    f.seals[2].unit = NULL;
    EXPECT_INVALID(&f, "citizen.seals[1].active.from");
    /* within one seal, fields in struct order: scope, unit, active, content, requested_by */
    full(&f);
    f.seals[2].unit = "";
    f.seals[2].active.until = D(2025, 2, 30);
    EXPECT_INVALID(&f, "citizen.seals[2].unit");
    full(&f);
    f.seals[2].active.from = D(2025, 2, 30);
    f.seals[2].content.from = D(2025, 2, 30);
    f.seals[2].requested_by = (pv_requester)7;
    EXPECT_INVALID(&f, "citizen.seals[2].active.from");
    full(&f);
    f.seals[2].content.until = D(2025, 2, 30);
    f.seals[2].requested_by = (pv_requester)7;
    EXPECT_INVALID(&f, "citizen.seals[2].content.until");
}

/* -- guardians, grants, representatives ----------------------------------------------------- */

static void test_v1_guardian_ids(void) {
    char buf[80];
    fixture f;
    full(&f);
    f.guardians[2].id = "";
    EXPECT_INVALID(&f, "citizen.guardians[2].id");
    full(&f);
    f.guardians[2].id = repeat(buf, 'g', PV_ID_MAX + 1);
    EXPECT_INVALID(&f, "citizen.guardians[2].id");
    full(&f);
    f.guardians[1].id = "g 2";
    EXPECT_INVALID(&f, "citizen.guardians[1].id");
    full(&f);
    f.guardians[1].id = "g\xc3\xa4";
    EXPECT_INVALID(&f, "citizen.guardians[1].id");
    full(&f);
    f.guardians[0].id = PV_GRANT_HOLDER_SELF;
    EXPECT_INVALID(&f, "citizen.guardians[0].id");
    /* duplicates: the second one */
    full(&f);
    f.guardians[1].id = "g1";
    EXPECT_INVALID(&f, "citizen.guardians[1].id");
    full(&f);
    f.guardians[2].id = "g1";
    EXPECT_INVALID(&f, "citizen.guardians[2].id");
    /* 64 bytes is valid and matched in full */
    full(&f);
    f.guardians[2].id = repeat(buf, 'g', PV_ID_MAX);
    f.grants[2].holder = buf;
    fx_guardian(&f, buf);
    EXPECT_DENY(&f, BIT(PROXY_ENDED) | BIT(JOURNAL_SEALED), G2);
}

static void test_v1_grants(void) {
    char buf[80];
    fixture f;
    full(&f);
    f.grants[1].holder = "g9"; /* not among the guardians */
    EXPECT_INVALID(&f, "citizen.grants[1].holder");
    full(&f);
    f.grants[0].holder = "G1";
    EXPECT_INVALID(&f, "citizen.grants[0].holder");
    full(&f);
    f.grants[0].holder = "";
    EXPECT_INVALID(&f, "citizen.grants[0].holder");
    full(&f);
    f.grants[0].holder = "r1"; /* a representative cannot hold a grant */
    EXPECT_INVALID(&f, "citizen.grants[0].holder");
    full(&f);
    f.grants[2].unit = "";
    EXPECT_INVALID(&f, "citizen.grants[2].unit");
    full(&f);
    f.grants[2].unit = repeat(buf, 'U', PV_ID_MAX + 1);
    EXPECT_INVALID(&f, "citizen.grants[2].unit");
    full(&f);
    f.grants[2].unit = "U 2";
    EXPECT_INVALID(&f, "citizen.grants[2].unit");
    full(&f);
    f.grants[0].from = D(2026, 3, 5);
    f.grants[0].until = D(2026, 3, 4);
    EXPECT_INVALID(&f, "citizen.grants[0].from");
    full(&f);
    f.grants[1].from = D(1993, 2, 29);
    EXPECT_INVALID(&f, "citizen.grants[1].from");
    full(&f);
    f.grants[1].until = D(1995, 13, 1);
    EXPECT_INVALID(&f, "citizen.grants[1].until");
    /* equal ends and 64-byte units are valid */
    full(&f);
    f.grants[0].from = D(2026, 3, 4);
    f.grants[0].until = D(2026, 3, 4);
    f.grants[2].unit = repeat(buf, 'U', PV_ID_MAX);
    EXPECT_DENY(&f, BIT(JOURNAL_SEALED), J1);
}

static void test_v1_representatives(void) {
    char buf[80];
    fixture f;
    full(&f);
    f.reps[1].id = "r1";
    EXPECT_INVALID(&f, "citizen.representatives[1].id");
    full(&f);
    f.reps[0].id = "";
    EXPECT_INVALID(&f, "citizen.representatives[0].id");
    full(&f);
    f.reps[0].id = repeat(buf, 'r', PV_ID_MAX + 1);
    EXPECT_INVALID(&f, "citizen.representatives[0].id");
    full(&f);
    f.reps[0].id = "r 1";
    EXPECT_INVALID(&f, "citizen.representatives[0].id");
    full(&f);
    f.reps[1].from = D(2026, 3, 5);
    f.reps[1].until = D(2026, 3, 4);
    EXPECT_INVALID(&f, "citizen.representatives[1].from");
    full(&f);
    f.reps[1].until = D(2026, 2, 29);
    EXPECT_INVALID(&f, "citizen.representatives[1].until");
    full(&f);
    f.reps[0].from = D(2026, 9, 31);
    EXPECT_INVALID(&f, "citizen.representatives[0].from");
    /* 64 bytes valid */
    full(&f);
    f.reps[1].id = repeat(buf, 'r', PV_ID_MAX);
    fx_rep(&f, buf);
    EXPECT_DENY(&f, BIT(JOURNAL_SEALED), J1);
}

/* -- actor and service ---------------------------------------------------------------------- */

static void test_v1_actor(void) {
    char buf[80];
    fixture f;
    full(&f);
    fx_guardian(&f, "");
    EXPECT_INVALID(&f, "actor.id");
    fx_guardian(&f, repeat(buf, 'g', PV_ID_MAX + 1));
    EXPECT_INVALID(&f, "actor.id");
    fx_rep(&f, "r 1");
    EXPECT_INVALID(&f, "actor.id");
    fx_rep(&f, "r\xe2\x82\xac");
    EXPECT_INVALID(&f, "actor.id");
    /* a self actor with its own lock or seal */
    full(&f);
    f.actor.login_locked = true;
    EXPECT_INVALID(&f, "actor.login_locked");
    full(&f);
    f.actor.journal_sealed = true;
    EXPECT_INVALID(&f, "actor.journal_sealed");
    /* guardians and representatives may have them */
    full(&f);
    fx_rep(&f, "r1");
    f.actor.login_locked = true;
    f.actor.journal_sealed = true;
    fx_channel(&f, PV_CHANNEL_DIRECT);
    EXPECT_DENY(&f, BIT(OWN_JOURNAL_SEALED) | BIT(JOURNAL_SEALED), E3);
    /* a valid unknown id is NOT_RELATED, not invalid */
    fx_guardian(&f, "g9");
    EXPECT_DENY(&f, BIT(NOT_RELATED), R0);
}

static void test_v1_service(void) {
    char buf[80];
    fixture f;
    full(&f);
    fx_eservices(&f);
    f.service.unit = U1;
    EXPECT_INVALID(&f, "service.unit");
    fx_eservices(&f);
    f.service.entry_date = D(2020, 1, 1);
    EXPECT_INVALID(&f, "service.entry_date");
    fx_eservices(&f);
    f.service.channel = PV_CHANNEL_DIRECT;
    EXPECT_INVALID(&f, "service.channel");
    /* e-services with unit and entry date: the unit comes first */
    fx_eservices(&f);
    f.service.unit = U1;
    f.service.entry_date = D(2020, 1, 1);
    EXPECT_INVALID(&f, "service.unit");
    /* with the direct channel as well: the channel comes first */
    f.service.channel = PV_CHANNEL_DIRECT;
    EXPECT_INVALID(&f, "service.channel");
    /* journal: an entry date without a unit */
    fx_journal(&f);
    f.service.entry_date = D(2020, 1, 1);
    EXPECT_INVALID(&f, "service.entry_date");
    fx_channel(&f, PV_CHANNEL_DIRECT);
    EXPECT_INVALID(&f, "service.entry_date");
    /* an invalid entry date */
    fx_journal_entry(&f, U1, D(2021, 2, 29));
    EXPECT_INVALID(&f, "service.entry_date");
    fx_journal_entry(&f, U1, D(2021, 1, 32));
    EXPECT_INVALID(&f, "service.entry_date");
    /* bad units */
    fx_journal_unit(&f, "");
    EXPECT_INVALID(&f, "service.unit");
    fx_journal_unit(&f, repeat(buf, 'U', PV_ID_MAX + 1));
    EXPECT_INVALID(&f, "service.unit");
    fx_journal_unit(&f, "SE2321000016 1ABC");
    EXPECT_INVALID(&f, "service.unit");
    fx_journal_entry(&f, "SE\x80", D(2020, 1, 1));
    EXPECT_INVALID(&f, "service.unit");
    /* a 64-byte unit is valid */
    fx_journal_unit(&f, repeat(buf, 'U', PV_ID_MAX));
    EXPECT_DENY(&f, BIT(JOURNAL_SEALED), J1);
}

/* -- order ---------------------------------------------------------------------------------- */

static void test_v1_first_error_in_order(void) {
    fixture f;
    /* on before citizen */
    full(&f);
    f.on = D(2026, 2, 30);
    f.citizen.birth_date = D(1980, 2, 30);
    EXPECT_INVALID(&f, "on");
    /* citizen fields in struct order */
    full(&f);
    f.citizen.birth_date = D(1980, 2, 30);
    f.citizen.seals = NULL;
    EXPECT_INVALID(&f, "citizen.birth_date");
    full(&f);
    f.citizen.login_lock_requested_by = (pv_requester)5;
    f.citizen.login_lock_case_number = "\x01";
    EXPECT_INVALID(&f, "citizen.login_lock_requested_by");
    full(&f);
    f.citizen.login_lock_case_number = "\x01";
    f.seals[0].unit = U1;
    EXPECT_INVALID(&f, "citizen.login_lock_case_number");
    full(&f);
    f.seals[2].unit = NULL;
    f.guardians[0].id = "";
    EXPECT_INVALID(&f, "citizen.seals[2].unit");
    full(&f);
    f.guardians[2].id = "g2";
    f.grants[0].unit = "";
    EXPECT_INVALID(&f, "citizen.guardians[2].id");
    full(&f);
    f.grants[2].unit = "";
    f.reps[0].id = "";
    EXPECT_INVALID(&f, "citizen.grants[2].unit");
    /* citizen before actor, actor before service */
    full(&f);
    f.reps[1].id = "r1";
    f.actor.eid = (pv_eid)42;
    EXPECT_INVALID(&f, "citizen.representatives[1].id");
    full(&f);
    f.actor.eid = (pv_eid)42;
    f.service.kind = (pv_service_kind)42;
    EXPECT_INVALID(&f, "actor.eid");
    full(&f);
    f.actor.login_locked = true;
    f.service.entry_date = D(2020, 1, 1);
    EXPECT_INVALID(&f, "actor.login_locked");
    /* array elements in index order */
    full(&f);
    f.grants[2].holder = "nobody";
    f.grants[1].holder = "nobody";
    EXPECT_INVALID(&f, "citizen.grants[1].holder");
    full(&f);
    f.reps[1].kind = PV_REPRESENTATIVE_KIND_COUNT;
    f.reps[0].kind = PV_REPRESENTATIVE_KIND_COUNT;
    EXPECT_INVALID(&f, "citizen.representatives[0].kind");
}

static void test_v1_decision_fields_on_invalid_input(void) {
    /* The invalid decision carries no permit-side data and no reason other than INVALID_INPUT,
       whatever else the input would have given. */
    fixture f;
    fx_init(&f, D(2021, 1, 1), D(2026, 3, 4));
    f.guardians[0].blocked = true;
    fx_guardian(&f, "g1");
    fx_seal_always(&f, NULL)->scope = PV_SEAL_SCOPE_COUNT;
    EXPECT_INVALID(&f, "citizen.seals[0].scope");
    CU_ASSERT_EQUAL(pv_decision_reason_count(&f.d), 1);
    CU_ASSERT_EQUAL(pv_decision_reason_at(&f.d, 0), PV_REASON_INVALID_INPUT);
    CU_ASSERT_EQUAL(pv_decision_reason_rule(&f.d, PV_REASON_INVALID_INPUT), PV_RULE_V1);
    CU_ASSERT_FALSE(pv_decision_has_reason(&f.d, PV_REASON_GUARDIAN_BLOCKED));
    CU_ASSERT_TRUE(strlen(f.err.field) < PV_FIELD_PATH_SIZE);
}

/* V1: a field path names the element by its index in decimal, every length of it (section 8's
   form "citizen.seals[2].active.from"), up to the longest, which PV_FIELD_PATH_SIZE holds
   (portvakt_core.h); a longer one is cut, never written past the buffer. */
static void test_v1_field_paths(void) {
    char path[PV_FIELD_PATH_SIZE];
    field_path_at(path, "citizen.seals", 0, ".scope");
    CU_ASSERT_STRING_EQUAL(path, "citizen.seals[0].scope");
    field_path_at(path, "citizen.seals", 9, ".unit");
    CU_ASSERT_STRING_EQUAL(path, "citizen.seals[9].unit");
    field_path_at(path, "citizen.grants", 10, ".holder");
    CU_ASSERT_STRING_EQUAL(path, "citizen.grants[10].holder");
    field_path_at(path, "citizen.seals", 1023, ".active.from");
    CU_ASSERT_STRING_EQUAL(path, "citizen.seals[1023].active.from");
    field_path_at(path, "queries", SIZE_MAX, ".citizen.representatives");
    CU_ASSERT_STRING_EQUAL(path, "queries[18446744073709551615].citizen.representatives");
    /* A guardian's periods: the name of the array is itself a path with an index. */
    char name[PV_FIELD_PATH_SIZE];
    field_path_at(name, "citizen.guardians", 15, ".protected_identity");
    field_path_at(path, name, 255, ".until");
    CU_ASSERT_STRING_EQUAL(path, "citizen.guardians[15].protected_identity[255].until");
    /* Longer than the buffer: cut at PV_FIELD_PATH_SIZE - 1 bytes. */
    char long_name[2 * PV_FIELD_PATH_SIZE];
    memset(long_name, 'a', sizeof long_name - 1);
    long_name[sizeof long_name - 1] = '\0';
    field_path_at(path, long_name, 7, ".from");
    CU_ASSERT_EQUAL(strlen(path), PV_FIELD_PATH_SIZE - 1);
    field_path_at(path, "x", 7, long_name);
    CU_ASSERT_EQUAL(strlen(path), PV_FIELD_PATH_SIZE - 1);
    CU_ASSERT_EQUAL(strncmp(path, "x[7]aaa", 7), 0);
    /* The field of a request of pv_evaluate_many, named from its array: "queries[i]." and the
       request's own path, cut the same way. */
    pv_error e = PV_ERROR_INIT;
    error_set_in(&e, "queries", 3, "actor.id", "is required");
    CU_ASSERT_STRING_EQUAL(e.field, "queries[3].actor.id");
    CU_ASSERT_EQUAL(e.status, PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(e.rule, PV_RULE_V1);
    CU_ASSERT_STRING_EQUAL(e.message, "is required");
    error_set_in(&e, "queries", SIZE_MAX, "citizen.guardians[16].blocked_periods[256].until",
                 "x");
    CU_ASSERT_STRING_EQUAL(
        e.field, "queries[18446744073709551615].citizen.guardians[16].blocked_periods[256].until");
    error_set_in(&e, "queries", 12, long_name, "x");
    CU_ASSERT_EQUAL(strlen(e.field), PV_FIELD_PATH_SIZE - 1);
    CU_ASSERT_EQUAL(strncmp(e.field, "queries[12].aaa", 15), 0);
}

int register_validation_suite(void) {
    static const pv_test_case cases[] = {
        {"V1: the base fixture is valid", test_v1_valid_full_fixture},
        {"V1: NULL citizen, actor, service, out", test_v1_null_pointers},
        {"V1: NULL array with a count", test_v1_null_arrays_with_count},
        {"V1: NULL where a string is required", test_v1_null_strings_where_required},
        {"V1: the evaluation date", test_v1_on},
        {"V1: the birth date", test_v1_birth_date},
        {"V1, A3, N1-N5: the personnummer", test_v1_personnummer},
        {"V1, A3: no birth date at all", test_v1_no_birth_date_at_all},
        {"V1, X1: the case number", test_v1_case_number},
        {"V1: enum values out of range", test_v1_enums_out_of_range},
        {"V1: seal scope and unit", test_v1_seal_scope_and_unit},
        {"V1: seal intervals", test_v1_seal_intervals},
        {"V1: guardian ids", test_v1_guardian_ids},
        {"V1: grants", test_v1_grants},
        {"V1: representatives", test_v1_representatives},
        {"V1: the actor", test_v1_actor},
        {"V1: the service", test_v1_service},
        {"V1: the first error in order", test_v1_first_error_in_order},
        {"V1: the decision on invalid input", test_v1_decision_fields_on_invalid_input},
        {"V1: field paths with indices of every length", test_v1_field_paths},
        {NULL, NULL},
    };
    return pv_add_suite("validation (V1, section 8)", cases);
}
