/* header_c.c — portvakt.h compiles on its own under -std=c11 -pedantic -Werror. */
#include "portvakt.h"

int main(void) {
    pv_decision d;
    pv_citizen c = {.birth_date = PV_DATE_NONE};
    (void)c;
    return pv_decide(NULL, NULL, NULL, PV_DATE_NONE, &d) == PV_ERR_INVALID_INPUT ? 0 : 1;
}
