/*
 * proxy_breaks.c — step 5 of RULES.md section 3: what breaks a guardian's proxy (G3 to G6).
 */
#include "../internal.h"

void step_proxy_breaks(const pv_request *rq, const pv_facts *f, pv_decision *d) {
    /* G5: protected identity never denies the citizen their own access.
       G6: nor does it affect representatives. Only a guardian's proxy breaks here. */
    if (rq->guardian == NULL) return;
    /* G3: a blocked guardian is denied e-services and journal, direct access (D2) included;
       other guardians are not affected (each guardian carries its own block). */
    /* H2: the block and the protections are read on the date (f). */
    if (fact_holds(f, FACT_GUARDIAN_BLOCKED)) deny(d, PV_REASON_GUARDIAN_BLOCKED, PV_RULE_G3);
    /* G4: protected identity of the guardian or of the child breaks the proxy, D2 included. */
    if (fact_holds(f, FACT_GUARDIAN_PROTECTED | FACT_CITIZEN_PROTECTED)) {
        deny(d, PV_REASON_PROTECTED_IDENTITY, PV_RULE_G4);
    }
}
