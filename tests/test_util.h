/* test_util.h — small helpers shared by the CUnit suites. */
#ifndef PV_TEST_UTIL_H
#define PV_TEST_UTIL_H

#include <CUnit/CUnit.h>

#include "portvakt.h"

/* A date written in a test, e.g. D(2026, 3, 4). */
pv_date D(int year, int month, int day);

/* Adds a suite named 'name' with the given tests (NULL-terminated pairs) and reports failure of
   CU_add_suite / CU_add_test through the return value: 0 on success, -1 on failure. */
typedef struct pv_test_case {
    const char *name;
    void (*fn)(void);
} pv_test_case;
int pv_add_suite(const char *name, const pv_test_case *cases);

#endif
