/* runner.c — the one CUnit runner: registers every suite, runs them, and exits non-zero on any
   failed test, failed suite or CUnit error, so that a suite can never be skipped silently. */
#include <stdio.h>

#include <CUnit/Basic.h>
#include <CUnit/CUnit.h>

#include "suites.h"

static int (*const registrations[])(void) = {
    register_date_suite,
    register_pnr_suite,
    register_relation_suite,
    register_own_way_in_suite,
    register_right_to_act_suite,
    register_proxy_breaks_suite,
    register_restrictions_suite,
    register_permit_suite,
    register_changes_on_suite,
    register_validation_suite,
    register_messages_suite,
    register_reasons_suite,
    register_beyond_suite,
    register_batch_suite,
    register_abi_suite,
    register_arguments_suite,
    register_periods_suite,
    register_plan_horizon_suite,
    register_prepared_suite,
};

int main(void) {
    if (CU_initialize_registry() != CUE_SUCCESS) {
        fprintf(stderr, "CUnit: %s\n", CU_get_error_msg());
        return 1;
    }
    for (size_t i = 0; i < sizeof registrations / sizeof registrations[0]; i++) {
        if (registrations[i]() != 0) {
            fprintf(stderr, "CUnit: cannot register suite %zu: %s\n", i, CU_get_error_msg());
            CU_cleanup_registry();
            return 1;
        }
    }
    CU_basic_set_mode(CU_BRM_NORMAL);
    CU_basic_run_tests();
    unsigned failed_tests = CU_get_number_of_tests_failed();
    unsigned failed_suites = CU_get_number_of_suites_failed();
    unsigned failed_asserts = CU_get_number_of_failures();
    CU_ErrorCode error = CU_get_error();
    CU_cleanup_registry();
    if (error != CUE_SUCCESS || failed_tests || failed_suites || failed_asserts) return 1;
    return 0;
}
