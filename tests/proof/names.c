/*
 * names.c — the proof harness of the functions that name things and of the decision accessors:
 * every enum argument of any int value (out of range too), the name readers with any string of
 * up to 65 bytes or NULL, the accessors with a decision of any content or NULL,
 * pv_outcome_to_decision() with an outcome of any content, and pv_outcome_from_decision() with
 * a decision of any content.
 */
#include "nondet.h"

int main(void) {
    pv_error error_storage;
    char name_buf[ANY_ID_SIZE];

    (void)pv_status_name((pv_status)any_int());
    (void)pv_reason_name((pv_reason)any_int());
    (void)pv_reason_effect((pv_reason)any_int());
    (void)pv_effect_name((pv_effect)any_int());
    (void)pv_rule_name((pv_rule)any_int());
    (void)pv_rule_source((pv_rule)any_int());
    (void)pv_rule_summary((pv_rule)any_int());
    (void)pv_message((pv_reason)any_int(), (pv_actor_kind)any_int(), (pv_language)any_int());
    (void)pv_message_generic((pv_language)any_int());
    (void)pv_actor_kind_name((pv_actor_kind)any_int());
    (void)pv_eid_name((pv_eid)any_int());
    (void)pv_service_kind_name((pv_service_kind)any_int());
    (void)pv_channel_name((pv_channel)any_int());
    (void)pv_seal_scope_name((pv_seal_scope)any_int());
    (void)pv_requester_name((pv_requester)any_int());
    (void)pv_representative_kind_name((pv_representative_kind)any_int());
    (void)pv_action_name((pv_action)any_int());
    (void)pv_role_name((pv_role)any_int());
    (void)pv_part_name((pv_part)any_int());
    (void)pv_goal_kind_name((pv_goal_kind)any_int());
    (void)pv_layout((pv_layout_item)any_int());
    (void)pv_version();
    (void)pv_version_number();

    pv_reason reason;
    (void)pv_reason_from_name(any_string_or_null(name_buf, sizeof name_buf),
                              Frama_C_nondet(0, 1) ? &reason : NULL, any_error(&error_storage));
    pv_rule rule;
    (void)pv_rule_from_name(any_string_or_null(name_buf, sizeof name_buf),
                            Frama_C_nondet(0, 1) ? &rule : NULL, any_error(&error_storage));

    /* The accessors of a decision: any bytes in it (a caller's own), or NULL. */
    pv_decision decision;
    Frama_C_make_unknown((char *)&decision, sizeof decision);
    decision.effect = (pv_effect)any_int();
    const pv_decision *d = Frama_C_nondet(0, 1) ? &decision : NULL;
    (void)pv_decision_has_reason(d, (pv_reason)any_int());
    (void)pv_decision_reason_count(d);
    (void)pv_decision_reason_at(d, any_int());
    (void)pv_decision_reason_rule(d, (pv_reason)any_int());

    /* An outcome of any bytes (its version any), or NULL, into a decision of any version (its
       other members uninitialised) or NULL. */
    pv_outcome outcome;
    Frama_C_make_unknown((char *)&outcome, sizeof outcome);
    outcome.filtered = any_bool();
    pv_decision out;
    out.version = any_version();
    (void)pv_outcome_to_decision(Frama_C_nondet(0, 1) ? &outcome : NULL,
                                 Frama_C_nondet(0, 1) ? &out : NULL, any_error(&error_storage));

    /* A decision of any bytes (its version, effect, reason and rule any; its flag a bool), or
       NULL, into an outcome of any version (its other members uninitialised) or NULL. */
    pv_decision given;
    Frama_C_make_unknown((char *)&given, sizeof given);
    given.filtered = any_bool();
    pv_outcome into;
    into.version = any_version();
    (void)pv_outcome_from_decision(Frama_C_nondet(0, 1) ? &given : NULL,
                                   Frama_C_nondet(0, 1) ? &into : NULL, any_error(&error_storage));
    return 0;
}
