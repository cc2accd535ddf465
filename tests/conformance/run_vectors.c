/*
 * run_vectors.c — the C conformance runner: every vector of the JSON files in tests/conformance/
 * against pv_evaluate() (RULES.md section 10; format in tests/conformance/README.md).
 *
 * Usage: run_vectors DIRECTORY
 *
 * One CUnit test per vector file. For each vector it decodes the request (vector_decode.h),
 * calls pv_evaluate() and compares effect, reason and, when the vector gives them, reasons (the
 * ordered list of names), filtered, changes_on and field (expect.field, the path pv_error names
 * for INVALID_INPUT). It also checks that the status agrees with the decision and with the
 * pv_error (PV_ERR_INVALID_INPUT exactly when the reason is INVALID_INPUT, with rule V1, a
 * field path and a message), and that pv_decide(), pv_validate() and pv_evaluate_many() (one
 * request, its field prefixed "queries[0].", a bad date named "on") agree with pv_evaluate().
 * A request the structs cannot express (an unknown key, a wrong JSON type) is invalid input by
 * definition: its expectation is compared with deny / INVALID_INPUT, and expect.field with the
 * decoder's path, without calling the library. Facts given as periods (RULES.md section 11) are
 * passed to the library as periods and judged, decided and compared (changes_on too) like any
 * other input. The ids a vector names in 'rules' are never judged: every vector is run. A
 * first test checks the decoder's JSON names against the library's pv_*_name(). Every failure
 * names the file, the vector and the field that differs. Exits non-zero on any failure.
 */
#include <dirent.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <CUnit/Basic.h>
#include <CUnit/CUnit.h>

#include "portvakt.h"
#include "vector_decode.h"

/* At most this many vector files; one CUnit test function each. */
#define MAX_FILES 32
#define PATH_MAX_LEN 4096
#define MESSAGE_SIZE 1024

static const char *vector_dir;
static char file_names[MAX_FILES][256];
static size_t file_count;
static size_t vectors_run;
static size_t vectors_failed;
static size_t vectors_undecodable;
static size_t vectors_with_periods;
static size_t vectors_with_field;

/* Reports one failure through CUnit, naming the file (CUnit shows it as the file of the
   failed assertion). */
static void report(const char *file, const char *format, ...) __attribute__((format(printf, 2, 3)));
static void report(const char *file, const char *format, ...) {
    char message[MESSAGE_SIZE];
    va_list args;
    va_start(args, format);
    vsnprintf(message, sizeof message, format, args);
    va_end(args);
    CU_assertImplementation(CU_FALSE, 0, message, file, "", CU_FALSE);
}

static bool same_date(pv_date a, pv_date b) {
    return a.year == b.year && a.month == b.month && a.day == b.day;
}

/* Writes the reasons of 'd' as ["A", "B"] into 'buf'. */
static void reasons_text(const pv_decision *d, char *buf, size_t size) {
    size_t used = (size_t)snprintf(buf, size, "[");
    int n = pv_decision_reason_count(d);
    for (int i = 0; i < n && used < size; i++) {
        used += (size_t)snprintf(buf + used, size - used, "%s\"%s\"", i ? ", " : "",
                                 vd_reason_name(pv_decision_reason_at(d, i)));
    }
    if (used < size) snprintf(buf + used, size - used, "]");
}

static void expected_reasons_text(const vd_expect *e, char *buf, size_t size) {
    size_t used = (size_t)snprintf(buf, size, "[");
    for (int i = 0; i < e->reason_count && used < size; i++) {
        used += (size_t)snprintf(buf + used, size - used, "%s\"%s\"", i ? ", " : "",
                                 vd_reason_name(e->reasons[i]));
    }
    if (used < size) snprintf(buf + used, size - used, "]");
}

/* The decision that stands for invalid input the structs cannot carry: the fail-closed deny of
   V1, as pv_evaluate() writes it. */
static pv_decision undecodable_decision(void) {
    pv_decision d = PV_DECISION_INIT;
    d.effect = PV_EFFECT_DENY;
    d.reason = PV_REASON_INVALID_INPUT;
    d.rule = PV_RULE_V1;
    d.reasons = 1u << PV_REASON_INVALID_INPUT;
    d.reason_rules[PV_REASON_INVALID_INPUT] = (unsigned char)PV_RULE_V1;
    d.changes_on = PV_DATE_NONE;
    return d;
}

/* The field pv_evaluate_many() names for request 0 when pv_evaluate() names 'field': a bad
   date is "on" for the whole batch, anything else carries the request's index. */
static void batch_field(const char *field, char *buf, size_t size) {
    if (strcmp(field, "on") == 0) {
        snprintf(buf, size, "on");
    } else {
        snprintf(buf, size, "queries[0].%s", field);
    }
}

/* The error channel tells the same story as the status (section 3 of portvakt_core.h): on
   success status PV_OK, an empty field and no message; on invalid input V1, the path of the
   field and a sentence. Returns the number of differences (each reported). */
static int check_error(const char *file, const vd_vector *v, const char *function,
                       pv_status status, const pv_error *err) {
    int failures = 0;
    if (err->version != PV_ERROR_VERSION || err->status != status) {
        report(file, "\"%s\": %s: the error says %s (version %u), the call returned %s", v->name,
               function, pv_status_name(err->status), (unsigned)err->version,
               pv_status_name(status));
        failures++;
    }
    if (memchr(err->field, '\0', sizeof err->field) == NULL) {
        report(file, "\"%s\": %s: the field path is not terminated", v->name, function);
        return failures + 1;
    }
    if (status == PV_OK && (err->field[0] != '\0' || err->message != NULL ||
                            err->rule != PV_RULE_NONE)) {
        report(file, "\"%s\": %s: success with a field \"%s\", a message or a rule", v->name,
               function, err->field);
        failures++;
    }
    if (status == PV_ERR_INVALID_INPUT &&
        (err->field[0] == '\0' || err->message == NULL || err->rule != PV_RULE_V1)) {
        report(file, "\"%s\": %s: invalid input without the path of the offending field, a "
               "message or rule V1 (field \"%s\")", v->name, function, err->field);
        failures++;
    }
    return failures;
}

/* Compares one vector; returns the number of differing fields (each reported). */
static int check_vector(const char *file, const vd_vector *v) {
    const vd_expect *e = &v->expect;
    int failures = 0;
    pv_decision d = PV_DECISION_INIT;
    pv_error err = PV_ERROR_INIT;
    pv_status status;
    if (v->input == VD_INPUT_UNDECODABLE) {
        vectors_undecodable++;
        d = undecodable_decision();
        status = PV_ERR_INVALID_INPUT;
        if (e->reason != PV_REASON_INVALID_INPUT) {
            report(file, "\"%s\": input: %s, so the decision is INVALID_INPUT, but the vector "
                   "expects %s", v->name, v->problem, vd_reason_name(e->reason));
            return 1;
        }
        /* The decoder judged the request itself: the field it names stands for the library's. */
        snprintf(err.field, sizeof err.field, "%s", v->problem_field);
    } else {
        status = pv_evaluate(vd_citizen(v), vd_actor(v), vd_service(v), v->on, &d, &err);
        failures += check_error(file, v, "pv_evaluate", status, &err);
    }
    if (v->has_periods) vectors_with_periods++;

    if (d.effect != e->effect) {
        report(file, "\"%s\": effect: expected %s, got %s", v->name,
               e->effect == PV_EFFECT_PERMIT ? "permit" : "deny",
               d.effect == PV_EFFECT_PERMIT ? "permit" : "deny");
        failures++;
    }
    if (d.reason != e->reason) {
        report(file, "\"%s\": reason: expected %s, got %s%s%s%s%s", v->name,
               vd_reason_name(e->reason), vd_reason_name(d.reason),
               d.reason == PV_REASON_INVALID_INPUT ? " at " : "",
               d.reason == PV_REASON_INVALID_INPUT ? err.field : "",
               d.reason == PV_REASON_INVALID_INPUT && err.message ? ": " : "",
               d.reason == PV_REASON_INVALID_INPUT && err.message ? err.message : "");
        failures++;
    }
    if (e->has_reasons) {
        bool same = pv_decision_reason_count(&d) == e->reason_count;
        for (int i = 0; same && i < e->reason_count; i++) {
            same = pv_decision_reason_at(&d, i) == e->reasons[i];
        }
        if (!same) {
            char want[512], got[512];
            expected_reasons_text(e, want, sizeof want);
            reasons_text(&d, got, sizeof got);
            report(file, "\"%s\": reasons: expected %s, got %s", v->name, want, got);
            failures++;
        }
    }
    if (e->has_filtered && d.filtered != e->filtered) {
        report(file, "\"%s\": filtered: expected %s, got %s", v->name,
               e->filtered ? "true" : "false", d.filtered ? "true" : "false");
        failures++;
    }
    /* changes_on (T1), with the periods of section 11 among its candidates (H3). */
    if (e->has_changes_on && !same_date(d.changes_on, e->changes_on)) {
        char want[16], got[16];
        report(file, "\"%s\": changes_on: expected %s, got %s", v->name,
               vd_date_text(e->changes_on, want, sizeof want),
               vd_date_text(d.changes_on, got, sizeof got));
        failures++;
    }
    /* expect.field (section 10): checked when present. */
    if (e->has_field) {
        vectors_with_field++;
        if (status != PV_ERR_INVALID_INPUT || strcmp(err.field, e->field) != 0) {
            report(file, "\"%s\": field: expected \"%s\", got \"%s\"%s%s", v->name, e->field,
                   err.field, err.message ? ": " : "", err.message ? err.message : "");
            failures++;
        }
    }

    /* V1: the status and the decision tell the same story; invalid input is the fail-closed
       deny of rule V1 with no date of change. */
    bool invalid = d.reason == PV_REASON_INVALID_INPUT;
    if ((status == PV_ERR_INVALID_INPUT) != invalid || (status != PV_OK && !invalid)) {
        report(file, "\"%s\": status: %s with reason %s", v->name, pv_status_name(status),
               vd_reason_name(d.reason));
        failures++;
    }
    if (invalid && (d.rule != PV_RULE_V1 || d.reasons != 1u << PV_REASON_INVALID_INPUT ||
                    !pv_date_is_none(d.changes_on) || d.filtered)) {
        report(file, "\"%s\": invalid input: not the deny of rule V1 alone (rule %s)", v->name,
               d.rule == PV_RULE_NONE ? "none" : pv_rule_name(d.rule));
        failures++;
    }

    if (v->input != VD_INPUT_UNDECODABLE) {
        /* pv_decide() is pv_evaluate() without changes_on. */
        pv_decision quick = PV_DECISION_INIT;
        pv_error quick_err = PV_ERROR_INIT;
        pv_status quick_status =
            pv_decide(vd_citizen(v), vd_actor(v), vd_service(v), v->on, &quick, &quick_err);
        if (quick_status != status || quick.effect != d.effect || quick.reason != d.reason ||
            quick.reasons != d.reasons || quick.filtered != d.filtered ||
            strcmp(quick_err.field, err.field) != 0) {
            report(file, "\"%s\": pv_decide: differs from pv_evaluate (%s %s, filtered %d, "
                   "field \"%s\")", v->name, pv_status_name(quick_status),
                   vd_reason_name(quick.reason), (int)quick.filtered, quick_err.field);
            failures++;
        }
        failures += check_error(file, v, "pv_decide", quick_status, &quick_err);
        /* pv_validate() accepts exactly what pv_evaluate() does not reject, and names the same
           field. */
        pv_error check_err = PV_ERROR_INIT;
        pv_status check_status =
            pv_validate(vd_citizen(v), vd_actor(v), vd_service(v), v->on, &check_err);
        if (check_status != status || strcmp(check_err.field, err.field) != 0) {
            report(file, "\"%s\": pv_validate: returned %s at \"%s\", pv_evaluate %s at \"%s\"",
                   v->name, pv_status_name(check_status), check_err.field,
                   pv_status_name(status), err.field);
            failures++;
        }
        failures += check_error(file, v, "pv_validate", check_status, &check_err);
        /* pv_evaluate_many() on the one request answers as pv_evaluate(), and names the field
           with the request's index. */
        pv_query query = PV_QUERY_INIT;
        query.citizen = vd_citizen(v);
        query.actor = vd_actor(v);
        query.service = vd_service(v);
        pv_outcome outcome[1] = {PV_OUTCOME_INIT};
        pv_error many_err = PV_ERROR_INIT;
        pv_status many_status = pv_evaluate_many(&query, 1, v->on, outcome, &many_err);
        pv_decision back = PV_DECISION_INIT;
        pv_error back_err = PV_ERROR_INIT;
        pv_status back_status = pv_outcome_to_decision(&outcome[0], &back, &back_err);
        char want_field[PV_FIELD_PATH_SIZE + 16];
        batch_field(err.field, want_field, sizeof want_field);
        if (many_status != status || back_status != PV_OK || back.effect != d.effect ||
            back.reason != d.reason || back.reasons != d.reasons || back.rule != d.rule ||
            back.filtered != d.filtered || !same_date(back.changes_on, d.changes_on) ||
            memcmp(back.reason_rules, d.reason_rules, sizeof d.reason_rules) != 0 ||
            strcmp(many_err.field, status == PV_OK ? "" : want_field) != 0) {
            report(file, "\"%s\": pv_evaluate_many: differs from pv_evaluate (%s %s, field "
                   "\"%s\", expected \"%s\")", v->name, pv_status_name(many_status),
                   vd_reason_name(back.reason), many_err.field,
                   status == PV_OK ? "" : want_field);
            failures++;
        }
        failures += check_error(file, v, "pv_evaluate_many", many_status, &many_err);
    }
    return failures;
}

/* Runs every vector of file number 'index'. */
static void run_file(size_t index) {
    if (index >= file_count) return;
    char path[PATH_MAX_LEN];
    snprintf(path, sizeof path, "%s/%s", vector_dir, file_names[index]);
    vd_file file;
    char err[512];
    if (vd_file_load(path, &file, err, sizeof err) != 0) {
        report(file_names[index], "cannot load the vectors: %s", err);
        return;
    }
    CU_ASSERT_TRUE(file.count > 0);
    for (size_t i = 0; i < file.count; i++) {
        vectors_run++;
        if (check_vector(file_names[index], &file.vectors[i]) != 0) vectors_failed++;
    }
    vd_file_free(&file);
}

/* The decoder's mapping of the JSON names onto the C enums (vector_decode.c) is the library's:
   pv_*_name() gives the same name for every value, and NULL for the unset value 0 of the enums
   that have one and out of range. */
static void test_names(void) {
    static const struct {
        vd_vocabulary vocabulary;
        const char *label;
        int count;
    } vocabularies[] = {
        {VD_ACTOR_KIND, "actor kind", PV_ACTOR_KIND_COUNT},
        {VD_EID, "e-ID", PV_EID_COUNT},
        {VD_SERVICE_KIND, "service kind", PV_SERVICE_KIND_COUNT},
        {VD_CHANNEL, "channel", PV_CHANNEL_COUNT},
        {VD_SEAL_SCOPE, "seal scope", PV_SEAL_SCOPE_COUNT},
        {VD_REQUESTER, "requester", PV_REQUESTER_COUNT},
        {VD_REPRESENTATIVE_KIND, "representative kind", PV_REPRESENTATIVE_KIND_COUNT},
    };
    for (size_t i = 0; i < sizeof vocabularies / sizeof vocabularies[0]; i++) {
        for (int value = -1; value <= vocabularies[i].count; value++) {
            const char *library = NULL;
            switch (vocabularies[i].vocabulary) {
            case VD_ACTOR_KIND: library = pv_actor_kind_name((pv_actor_kind)value); break;
            case VD_EID: library = pv_eid_name((pv_eid)value); break;
            case VD_SERVICE_KIND: library = pv_service_kind_name((pv_service_kind)value); break;
            case VD_CHANNEL: library = pv_channel_name((pv_channel)value); break;
            case VD_SEAL_SCOPE: library = pv_seal_scope_name((pv_seal_scope)value); break;
            case VD_REQUESTER: library = pv_requester_name((pv_requester)value); break;
            case VD_REPRESENTATIVE_KIND:
                library = pv_representative_kind_name((pv_representative_kind)value);
                break;
            }
            const char *decoder = vd_name_of(vocabularies[i].vocabulary, value);
            bool same = decoder == NULL ? library == NULL
                                        : library != NULL && strcmp(decoder, library) == 0;
            if (!same) {
                report("names", "%s %d: the decoder maps \"%s\" onto it, the library names it "
                       "\"%s\"", vocabularies[i].label, value, decoder ? decoder : "(none)",
                       library ? library : "(none)");
            }
        }
    }
    /* The unset values have no name: they are "not set", not a JSON value. */
    CU_ASSERT_PTR_NULL(vd_name_of(VD_ACTOR_KIND, PV_ACTOR_KIND_UNSET));
    CU_ASSERT_PTR_NULL(vd_name_of(VD_EID, PV_EID_UNSET));
    CU_ASSERT_PTR_NULL(vd_name_of(VD_SERVICE_KIND, PV_SERVICE_KIND_UNSET));
    CU_ASSERT_PTR_NULL(vd_name_of(VD_SEAL_SCOPE, PV_SEAL_SCOPE_UNSET));
    CU_ASSERT_PTR_NULL(vd_name_of(VD_REPRESENTATIVE_KIND, PV_REPRESENTATIVE_KIND_UNSET));
}

/* One CUnit test function per file slot. */
#define FILE_TEST(n) \
    static void test_file_##n(void) { run_file(n); }
FILE_TEST(0) FILE_TEST(1) FILE_TEST(2) FILE_TEST(3) FILE_TEST(4) FILE_TEST(5) FILE_TEST(6)
FILE_TEST(7) FILE_TEST(8) FILE_TEST(9) FILE_TEST(10) FILE_TEST(11) FILE_TEST(12) FILE_TEST(13)
FILE_TEST(14) FILE_TEST(15) FILE_TEST(16) FILE_TEST(17) FILE_TEST(18) FILE_TEST(19) FILE_TEST(20)
FILE_TEST(21) FILE_TEST(22) FILE_TEST(23) FILE_TEST(24) FILE_TEST(25) FILE_TEST(26) FILE_TEST(27)
FILE_TEST(28) FILE_TEST(29) FILE_TEST(30) FILE_TEST(31)

static void (*const file_tests[MAX_FILES])(void) = {
    test_file_0,  test_file_1,  test_file_2,  test_file_3,  test_file_4,  test_file_5,
    test_file_6,  test_file_7,  test_file_8,  test_file_9,  test_file_10, test_file_11,
    test_file_12, test_file_13, test_file_14, test_file_15, test_file_16, test_file_17,
    test_file_18, test_file_19, test_file_20, test_file_21, test_file_22, test_file_23,
    test_file_24, test_file_25, test_file_26, test_file_27, test_file_28, test_file_29,
    test_file_30, test_file_31};

static int compare_names(const void *a, const void *b) {
    return strcmp((const char *)a, (const char *)b);
}

/* Lists the *.json files of 'dir' in name order. Returns 0, or -1 with a message. */
static int list_files(const char *dir) {
    DIR *d = opendir(dir);
    if (d == NULL) {
        fprintf(stderr, "run_vectors: cannot open %s\n", dir);
        return -1;
    }
    struct dirent *entry;
    while ((entry = readdir(d)) != NULL) {
        size_t len = strlen(entry->d_name);
        if (len < 6 || strcmp(entry->d_name + len - 5, ".json") != 0) continue;
        if (file_count == MAX_FILES || len >= sizeof file_names[0]) {
            fprintf(stderr, "run_vectors: too many vector files or name too long: %s\n",
                    entry->d_name);
            closedir(d);
            return -1;
        }
        memcpy(file_names[file_count++], entry->d_name, len + 1);
    }
    closedir(d);
    if (file_count == 0) {
        fprintf(stderr, "run_vectors: no *.json vector files in %s\n", dir);
        return -1;
    }
    qsort(file_names, file_count, sizeof file_names[0], compare_names);
    return 0;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s DIRECTORY\n", argc > 0 ? argv[0] : "run_vectors");
        return 2;
    }
    vector_dir = argv[1];
    if (list_files(vector_dir) != 0) return 1;
    if (CU_initialize_registry() != CUE_SUCCESS) {
        fprintf(stderr, "CUnit: %s\n", CU_get_error_msg());
        return 1;
    }
    CU_pSuite suite = CU_add_suite("conformance", NULL, NULL);
    bool registered = suite != NULL && CU_add_test(suite, "JSON names", test_names) != NULL;
    for (size_t i = 0; registered && i < file_count; i++) {
        registered = CU_add_test(suite, file_names[i], file_tests[i]) != NULL;
    }
    if (!registered) {
        fprintf(stderr, "CUnit: cannot register the conformance tests: %s\n", CU_get_error_msg());
        CU_cleanup_registry();
        return 1;
    }
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    unsigned failed_tests = CU_get_number_of_tests_failed();
    unsigned failed_suites = CU_get_number_of_suites_failed();
    unsigned failed_asserts = CU_get_number_of_failures();
    CU_ErrorCode error = CU_get_error();
    CU_cleanup_registry();
    printf("\nconformance: %zu vectors in %zu files (%zu not expressible in the structs, judged "
           "invalid by the decoder; %zu with facts given as periods; %zu with expect.field), %zu passed, %zu failed\n", vectors_run,
           file_count, vectors_undecodable, vectors_with_periods, vectors_with_field,
           vectors_run - vectors_failed, vectors_failed);
    if (error != CUE_SUCCESS || failed_tests || failed_suites || failed_asserts) return 1;
    return 0;
}
