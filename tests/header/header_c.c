/* header_c.c — portvakt.h compiles on its own under -std=c11 -pedantic -Werror, and every
   PV_*_INIT macro is a complete initialiser of its struct (no missing field under -Wextra). */
#include "portvakt.h"

int main(void) {
    pv_error err = PV_ERROR_INIT;
    pv_pnr pnr = PV_PNR_INIT;
    pv_seal seal = PV_SEAL_INIT;
    pv_guardian guardian = PV_GUARDIAN_INIT;
    pv_grant grant = PV_GRANT_INIT;
    pv_representative rep = PV_REPRESENTATIVE_INIT;
    pv_citizen c = PV_CITIZEN_INIT;
    pv_actor actor = PV_ACTOR_INIT;
    pv_service service = PV_SERVICE_INIT;
    pv_decision d = PV_DECISION_INIT;
    pv_query query = PV_QUERY_INIT;
    pv_outcome outcome = PV_OUTCOME_INIT;
    pv_access_row row = PV_ACCESS_ROW_INIT;
    pv_timeline_step step = PV_TIMELINE_STEP_INIT;
    pv_advice advice = PV_ADVICE_INIT;
    pv_goal goal = PV_GOAL_INIT;
    pv_measure measure = PV_MEASURE_INIT;
    pv_plan plan = PV_PLAN_INIT;
    pv_permission permission = PV_PERMISSION_INIT;
    (void)pnr, (void)seal, (void)guardian, (void)grant, (void)rep, (void)c, (void)actor;
    (void)service, (void)query, (void)outcome, (void)row, (void)step, (void)advice, (void)goal;
    (void)measure, (void)plan, (void)permission;
    /* every versioned struct starts with its version, set by its PV_*_INIT */
    if (err.version != PV_ERROR_VERSION || c.version != PV_CITIZEN_VERSION ||
        d.version != PV_DECISION_VERSION || row.version != PV_ACCESS_ROW_VERSION) {
        return 1;
    }
    pv_status status = pv_decide(NULL, NULL, NULL, PV_DATE_NONE, &d, &err);
    return status == PV_ERR_INVALID_INPUT && err.status == PV_ERR_INVALID_INPUT &&
                   d.reason == PV_REASON_INVALID_INPUT
               ? 0
               : 1;
}
