/* test_util.c — small helpers shared by the CUnit suites. */
#include "test_util.h"

pv_date D(int year, int month, int day) {
    pv_date d = {(int16_t)year, (uint8_t)month, (uint8_t)day};
    return d;
}

int pv_add_suite(const char *name, const pv_test_case *cases) {
    CU_pSuite suite = CU_add_suite(name, NULL, NULL);
    if (suite == NULL) return -1;
    for (const pv_test_case *c = cases; c->name != NULL; c++) {
        if (CU_add_test(suite, c->name, c->fn) == NULL) return -1;
    }
    return 0;
}
