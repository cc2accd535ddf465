/*
 * names.c — the names of statuses, effects and input enums (the JSON vocabulary of RULES.md
 * section 10), and the version.
 */
#include "../internal.h"

/* Looks up 'value' in a table of 'count' names; NULL out of range. Two comparisons, which
   compilers fold into one unsigned one, so that the bound is plain to a prover too (EVA). */
static const char *name_of(int value, const char *const *names, int count) {
    return value >= 0 && value < count ? names[value] : NULL;
}

const char *pv_status_name(pv_status status) {
    switch (status) {
    case PV_OK: return "PV_OK";
    case PV_ERR_INVALID_INPUT: return "PV_ERR_INVALID_INPUT";
    case PV_ERR_BUFFER_TOO_SMALL: return "PV_ERR_BUFFER_TOO_SMALL";
    }
    return "PV_ERR_UNKNOWN";
}

const char *pv_effect_name(pv_effect effect) {
    static const char *const names[PV_EFFECT_COUNT] = {"deny", "permit"};
    return name_of((int)effect, names, PV_EFFECT_COUNT);
}

const char *pv_actor_kind_name(pv_actor_kind kind) {
    static const char *const names[PV_ACTOR_KIND_COUNT] = {NULL, "self", "guardian",
                                                           "representative", "other"};
    return name_of((int)kind, names, PV_ACTOR_KIND_COUNT);
}

const char *pv_eid_name(pv_eid eid) {
    static const char *const names[PV_EID_COUNT] = {NULL,       "bankid", "freja_plus", "freja",
                                                    "password", "other",  "none"};
    return name_of((int)eid, names, PV_EID_COUNT);
}

const char *pv_service_kind_name(pv_service_kind kind) {
    static const char *const names[PV_SERVICE_KIND_COUNT] = {NULL, "e_services", "journal"};
    return name_of((int)kind, names, PV_SERVICE_KIND_COUNT);
}

const char *pv_channel_name(pv_channel channel) {
    static const char *const names[PV_CHANNEL_COUNT] = {"portal", "direct"};
    return name_of((int)channel, names, PV_CHANNEL_COUNT);
}

const char *pv_seal_scope_name(pv_seal_scope scope) {
    static const char *const names[PV_SEAL_SCOPE_COUNT] = {NULL, "whole", "unit"};
    return name_of((int)scope, names, PV_SEAL_SCOPE_COUNT);
}

const char *pv_requester_name(pv_requester requester) {
    static const char *const names[PV_REQUESTER_COUNT] = {"care", "citizen"};
    return name_of((int)requester, names, PV_REQUESTER_COUNT);
}

const char *pv_representative_kind_name(pv_representative_kind kind) {
    static const char *const names[PV_REPRESENTATIVE_KIND_COUNT] = {NULL, "god_man", "forvaltare"};
    return name_of((int)kind, names, PV_REPRESENTATIVE_KIND_COUNT);
}

const char *pv_version(void) {
    return PV_VERSION_STRING;
}

int pv_version_number(void) {
    return PV_VERSION_MAJOR * 10000 + PV_VERSION_MINOR * 100 + PV_VERSION_PATCH;
}

const char *pv_action_name(pv_action action) {
    static const char *const names[PV_ACTION_COUNT] = {"lock_login",
                                                       "unlock_login",
                                                       "seal",
                                                       "unseal",
                                                       "block_guardian",
                                                       "unblock_guardian",
                                                       "grant_direct_access",
                                                       "remove_direct_access",
                                                       "register_representative"};
    return name_of((int)action, names, PV_ACTION_COUNT);
}

const char *pv_role_name(pv_role role) {
    static const char *const names[PV_ROLE_COUNT] = {
        "citizen", "guardian", "relative", "representative", "care", "support", "central_support"};
    return name_of((int)role, names, PV_ROLE_COUNT);
}

const char *pv_part_name(pv_part part) {
    static const char *const names[PV_PART_COUNT] = {"none", "ask", "decide", "execute"};
    return name_of((int)part, names, PV_PART_COUNT);
}

const char *pv_goal_kind_name(pv_goal_kind kind) {
    static const char *const names[PV_GOAL_KIND_COUNT] = {"nothing", "no-journal", "guardian",
                                                          "hide-unit", "hide-entries"};
    return name_of((int)kind, names, PV_GOAL_KIND_COUNT);
}
