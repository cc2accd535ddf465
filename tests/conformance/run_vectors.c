/*
 * run_vectors.c — the C conformance runner: every vector of the JSON files in tests/conformance/
 * against pv_evaluate() (RULES.md section 10; format in tests/conformance/README.md).
 *
 * Usage: run_vectors DIRECTORY
 *
 * One CUnit test per vector file. For each vector it decodes the request (vector_decode.h),
 * calls pv_evaluate() and compares effect, reason and, when the vector gives them, reasons (the
 * ordered list of names), filtered and changes_on. It also checks that the status agrees with
 * the decision (PV_ERR_INVALID_INPUT exactly when the reason is INVALID_INPUT, with a field
 * path), and that pv_decide() and pv_validate() agree with pv_evaluate(). A request the structs
 * cannot express (an unknown key, a wrong JSON type) is invalid input by definition: its
 * expectation is compared with deny / INVALID_INPUT without calling the library. Every failure
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

/* The decision that stands for invalid input the structs cannot carry. */
static pv_decision undecodable_decision(void) {
    pv_decision d;
    memset(&d, 0, sizeof d);
    d.effect = PV_EFFECT_DENY;
    d.reason = PV_REASON_INVALID_INPUT;
    d.reasons = 1u << PV_REASON_INVALID_INPUT;
    d.changes_on = PV_DATE_NONE;
    return d;
}

/* Compares one vector; returns the number of differing fields (each reported). */
static int check_vector(const char *file, const vd_vector *v) {
    const vd_expect *e = &v->expect;
    int failures = 0;
    pv_decision d;
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
    } else {
        status = pv_evaluate(vd_citizen(v), vd_actor(v), vd_service(v), v->on, &d);
    }

    if (d.effect != e->effect) {
        report(file, "\"%s\": effect: expected %s, got %s", v->name,
               e->effect == PV_EFFECT_PERMIT ? "permit" : "deny",
               d.effect == PV_EFFECT_PERMIT ? "permit" : "deny");
        failures++;
    }
    if (d.reason != e->reason) {
        report(file, "\"%s\": reason: expected %s, got %s%s%s", v->name,
               vd_reason_name(e->reason), vd_reason_name(d.reason),
               d.reason == PV_REASON_INVALID_INPUT ? " at " : "",
               d.reason == PV_REASON_INVALID_INPUT ? d.field : "");
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
    if (e->has_changes_on && !same_date(d.changes_on, e->changes_on)) {
        char want[16], got[16];
        report(file, "\"%s\": changes_on: expected %s, got %s", v->name,
               vd_date_text(e->changes_on, want, sizeof want),
               vd_date_text(d.changes_on, got, sizeof got));
        failures++;
    }

    /* V1: the status and the decision tell the same story; invalid input names its field. */
    bool invalid = d.reason == PV_REASON_INVALID_INPUT;
    if ((status == PV_ERR_INVALID_INPUT) != invalid || (status != PV_OK && !invalid)) {
        report(file, "\"%s\": status: %s with reason %s", v->name, pv_status_name(status),
               vd_reason_name(d.reason));
        failures++;
    }
    if (v->input != VD_INPUT_UNDECODABLE && invalid && d.field[0] == '\0') {
        report(file, "\"%s\": field: invalid input without the path of the offending field",
               v->name);
        failures++;
    }

    if (v->input != VD_INPUT_UNDECODABLE) {
        /* pv_decide() is pv_evaluate() without changes_on. */
        pv_decision quick;
        pv_status quick_status = pv_decide(vd_citizen(v), vd_actor(v), vd_service(v), v->on, &quick);
        if (quick_status != status || quick.effect != d.effect || quick.reason != d.reason ||
            quick.reasons != d.reasons || quick.filtered != d.filtered) {
            report(file, "\"%s\": pv_decide: differs from pv_evaluate (%s %s, filtered %d)",
                   v->name, pv_status_name(quick_status), vd_reason_name(quick.reason),
                   (int)quick.filtered);
            failures++;
        }
        /* pv_validate() accepts exactly what pv_evaluate() does not reject. */
        pv_decision check;
        pv_status check_status = pv_validate(vd_citizen(v), vd_actor(v), vd_service(v), v->on, &check);
        if (check_status != status) {
            report(file, "\"%s\": pv_validate: returned %s, pv_evaluate %s", v->name,
                   pv_status_name(check_status), pv_status_name(status));
            failures++;
        }
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
    bool registered = suite != NULL;
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
           "invalid by the decoder), %zu passed, %zu failed\n", vectors_run, file_count,
           vectors_undecodable, vectors_run - vectors_failed, vectors_failed);
    if (error != CUE_SUCCESS || failed_tests || failed_suites || failed_asserts) return 1;
    return 0;
}
