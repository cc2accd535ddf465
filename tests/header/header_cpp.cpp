// header_cpp.cpp — portvakt.h is usable from C++ (extern "C", no C-only constructs in use), and
// its PV_*_INIT macros initialise the structs in C++ too.
#include "portvakt.h"

int main() {
    pv_error err = PV_ERROR_INIT;
    pv_pnr pnr = PV_PNR_INIT;
    pv_seal seal = PV_SEAL_INIT;
    pv_guardian guardian = PV_GUARDIAN_INIT;
    pv_grant grant = PV_GRANT_INIT;
    pv_representative rep = PV_REPRESENTATIVE_INIT;
    pv_citizen citizen = PV_CITIZEN_INIT;
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
    (void)pnr, (void)seal, (void)guardian, (void)grant, (void)rep, (void)citizen, (void)actor;
    (void)service, (void)query, (void)outcome, (void)row, (void)step, (void)advice, (void)goal;
    (void)measure, (void)plan, (void)permission;
    pv_date none = {0, 0, 0};
    pv_status s = pv_decide(nullptr, nullptr, nullptr, none, &d, &err);
    return s == PV_ERR_INVALID_INPUT && err.status == PV_ERR_INVALID_INPUT &&
                   d.reason == PV_REASON_INVALID_INPUT
               ? 0
               : 1;
}
