/* suites.h — every CUnit suite's registration function, one per tests/test_<area>.c. */
#ifndef PV_SUITES_H
#define PV_SUITES_H

int register_date_suite(void);
int register_pnr_suite(void);
int register_relation_suite(void);
int register_own_way_in_suite(void);
int register_right_to_act_suite(void);
int register_proxy_breaks_suite(void);
int register_restrictions_suite(void);
int register_permit_suite(void);
int register_changes_on_suite(void);
int register_validation_suite(void);
int register_messages_suite(void);
int register_reasons_suite(void);
int register_beyond_suite(void);
int register_batch_suite(void);
int register_abi_suite(void);
int register_arguments_suite(void);
int register_periods_suite(void);
int register_plan_horizon_suite(void);
int register_prepared_suite(void);

#endif
