/*
 * may_change.c — administrative actions (RULES.md section 7, X1 to X7): who may ask for, decide
 * on or carry out a change to a lock, a seal, a block, direct access or a representative.
 */
#include <string.h>

#include "../internal.h"

typedef struct entry {
    pv_part part;
    pv_rule rule;
    const char *conditions[PV_MAY_MAX_CONDITIONS];
} entry;

static const char *const raise_only =
    "may raise the need and contribute facts; care assesses and decides (X2)";
static const char *const assessment =
    "after an assessment, with motive and decision documented in the journal (X2)";
static const char *const case_number =
    "a case number (diarienummer) is recorded; after an acute lock it may be added afterwards";
static const char *const never_automatic =
    "never automatic: a new assessment, a documented decision and execution, as for a lock (X3)";
static const char *const own_wish =
    "make sure that it is the person's own wish and that no threat is present (001)";
static const char *const no_violence =
    "verify the citizen's own wish and that no threat or violence is involved (004)";

/* X1, X2: the login lock. */
static entry lock_entry(pv_role role) {
    switch (role) {
    case PV_ROLE_CITIZEN:
        return (entry){PV_PART_ASK, PV_RULE_X1, {"for the citizen's own login", case_number}};
    case PV_ROLE_CARE: return (entry){PV_PART_DECIDE, PV_RULE_X1, {assessment, case_number}};
    case PV_ROLE_SUPPORT:
        return (entry){PV_PART_EXECUTE,
                       PV_RULE_X1,
                       {"on a signed request from care or the citizen", case_number}};
    default: return (entry){PV_PART_NONE, PV_RULE_X2, {raise_only}};
    }
}

/* X3: unlocking is a new case. */
static entry unlock_entry(pv_role role) {
    switch (role) {
    case PV_ROLE_CITIZEN: return (entry){PV_PART_ASK, PV_RULE_X3, {never_automatic}};
    case PV_ROLE_CARE: return (entry){PV_PART_DECIDE, PV_RULE_X3, {never_automatic, assessment}};
    case PV_ROLE_SUPPORT:
        return (entry){PV_PART_EXECUTE, PV_RULE_X3, {"on a documented decision", never_automatic}};
    default: return (entry){PV_PART_NONE, PV_RULE_X2, {raise_only}};
    }
}

/* X4: setting a seal. */
static entry seal_entry(pv_role role) {
    switch (role) {
    case PV_ROLE_CITIZEN:
        return (entry){PV_PART_EXECUTE, PV_RULE_X4, {"in Journalen: \"Försegla mitt konto\""}};
    case PV_ROLE_CARE:
        return (entry){PV_PART_DECIDE,
                       PV_RULE_X4,
                       {"with the form \"Försegling av journalen\", executed by support"}};
    case PV_ROLE_SUPPORT:
    case PV_ROLE_CENTRAL_SUPPORT:
        return (entry){PV_PART_EXECUTE, PV_RULE_X4, {"on the signed form from care"}};
    default: return (entry){PV_PART_NONE, PV_RULE_X2, {raise_only}};
    }
}

/* X4: lifting a seal depends on who set it. */
static entry unseal_entry(pv_role role, pv_requester set_by) {
    if (set_by == PV_REQUESTER_CITIZEN) {
        switch (role) {
        case PV_ROLE_CITIZEN:
            return (entry){
                PV_PART_ASK, PV_RULE_X4, {"by contacting central support for Journalen"}};
        case PV_ROLE_CENTRAL_SUPPORT: return (entry){PV_PART_EXECUTE, PV_RULE_X4, {no_violence}};
        default:
            return (entry){
                PV_PART_NONE,
                PV_RULE_X4,
                {"a seal set by the citizen is lifted only by central support, at the citizen's request"}};
        }
    }
    switch (role) {
    case PV_ROLE_CITIZEN: return (entry){PV_PART_ASK, PV_RULE_X4, {own_wish}};
    case PV_ROLE_CARE:
        return (entry){PV_PART_DECIDE,
                       PV_RULE_X4,
                       {"with the form \"Bryta försegling av journalen\"", own_wish}};
    case PV_ROLE_SUPPORT:
    case PV_ROLE_CENTRAL_SUPPORT:
        return (entry){PV_PART_EXECUTE, PV_RULE_X4, {"on the signed form from care", own_wish}};
    default: return (entry){PV_PART_NONE, PV_RULE_X2, {raise_only}};
    }
}

/* X5: blocks are care's alone. */
static entry block_entry(pv_role role) {
    switch (role) {
    case PV_ROLE_CARE:
        return (entry){PV_PART_DECIDE, PV_RULE_X5, {"care alone decides a block and its lifting"}};
    case PV_ROLE_SUPPORT:
        return (entry){PV_PART_EXECUTE, PV_RULE_X5, {"on the signed form from care"}};
    default:
        return (entry){PV_PART_NONE,
                       PV_RULE_X5,
                       {"only care blocks a guardian, and only care lifts the block"}};
    }
}

/* X6: direct access, per unit, decided by the treating staff with the child (and guardian). */
static entry direct_access_entry(pv_role role) {
    switch (role) {
    case PV_ROLE_CITIZEN:
        return (entry){PV_PART_ASK,
                       PV_RULE_X6,
                       {"the child aged 13 to 15 takes part in the decision (D1)", "per unit"}};
    case PV_ROLE_GUARDIAN:
        return (entry){
            PV_PART_ASK, PV_RULE_X6, {"together with the child aged 13 to 15 (D2)", "per unit"}};
    case PV_ROLE_CARE:
        return (entry){
            PV_PART_DECIDE,
            PV_RULE_X6,
            {"the treating care staff decide, with the child (D1) or with guardian and child (D2)",
             "per unit"}};
    case PV_ROLE_SUPPORT:
        return (entry){PV_PART_EXECUTE, PV_RULE_X6, {"on the signed form from care"}};
    default: return (entry){PV_PART_NONE, PV_RULE_X6, {"decided by the treating care staff"}};
    }
}

/* X7, P2: a representative for the journal. */
static entry representative_entry(pv_role role) {
    switch (role) {
    case PV_ROLE_REPRESENTATIVE:
        return (entry){PV_PART_ASK,
                       PV_RULE_X7,
                       {"presents the court order (tingsrättsförordnande)",
                        "god man or förvaltare with the duty to care for the person"}};
    case PV_ROLE_CITIZEN:
        return (entry){
            PV_PART_ASK,
            PV_RULE_X7,
            {"the principal consents that confidentiality does not apply to the representative"}};
    case PV_ROLE_CARE:
        return (entry){PV_PART_DECIDE,
                       PV_RULE_X7,
                       {"the signed form and the court order are scanned into the journal",
                        "the principal's consent is recorded"}};
    case PV_ROLE_SUPPORT:
        return (entry){PV_PART_EXECUTE, PV_RULE_X7, {"on the signed form from care"}};
    default:
        return (entry){
            PV_PART_NONE, PV_RULE_X7, {"needs a court order and the principal's consent"}};
    }
}

pv_status pv_may_change(pv_role role, pv_action action, const pv_citizen *citizen, long measure,
                        pv_date on, pv_permission *out, pv_error *error) {
    if (error_unknown(error)) return PV_ERR_INVALID_INPUT;
    if (out == NULL) return error_invalid(error, "out", "is required");
    if (out->version != PV_PERMISSION_VERSION) {
        return error_invalid(error, "out.version",
                             "is not a version this library knows (initialise it with "
                             "PV_PERMISSION_INIT)");
    }
    /* Fail closed: no part until the question is answered. */
    out->allowed = false;
    out->part = PV_PART_NONE;
    out->rule = PV_RULE_NONE;
    memset(out->conditions, 0, sizeof out->conditions);
    out->condition_count = 0;
    if ((unsigned)role >= PV_ROLE_COUNT) return error_invalid(error, "role", "is not a role");
    if ((unsigned)action >= PV_ACTION_COUNT) {
        return error_invalid(error, "action", "is not an action");
    }
    pv_request rq;
    pv_error err = PV_ERROR_INIT;
    if (validate_citizen(citizen, on, &rq, &err) != PV_OK) return error_report(error, &err);
    bool about_seal = action == PV_ACTION_UNSEAL;
    bool about_guardian =
        action == PV_ACTION_BLOCK_GUARDIAN || action == PV_ACTION_UNBLOCK_GUARDIAN;
    size_t limit = about_seal ? citizen->seal_count : about_guardian ? citizen->guardian_count : 0;
    /* Unsealing needs the seal: who set it decides who may lift it (X4). */
    if (about_seal && measure < 0) {
        return error_invalid(error, "measure", "is required: the index of the seal to lift (X4)");
    }
    if ((measure >= 0 && (size_t)measure >= limit) || measure < -1) {
        return error_invalid(error, "measure",
                             about_seal       ? "is not the index of one of the citizen's seals"
                             : about_guardian ? "is not the index of one of the citizen's guardians"
                                              : "must be -1: this action concerns no one measure");
    }
    entry e;
    switch (action) {
    case PV_ACTION_LOCK_LOGIN: e = lock_entry(role); break;
    case PV_ACTION_UNLOCK_LOGIN: e = unlock_entry(role); break;
    case PV_ACTION_SEAL: e = seal_entry(role); break;
    case PV_ACTION_UNSEAL: e = unseal_entry(role, citizen->seals[measure].requested_by); break;
    case PV_ACTION_BLOCK_GUARDIAN:
    case PV_ACTION_UNBLOCK_GUARDIAN: e = block_entry(role); break;
    case PV_ACTION_GRANT_DIRECT_ACCESS:
    case PV_ACTION_REMOVE_DIRECT_ACCESS: e = direct_access_entry(role); break;
    case PV_ACTION_REGISTER_REPRESENTATIVE: e = representative_entry(role); break;
    /* GCOVR_EXCL_START: an action out of range is refused above; fails closed all the same. */
    case PV_ACTION_COUNT:
    default:
        return error_invalid(error, "action", "is not an action");
        /* GCOVR_EXCL_STOP */
    }
    out->allowed = e.part != PV_PART_NONE;
    out->part = e.part;
    out->rule = e.rule;
    for (size_t i = 0; i < PV_MAY_MAX_CONDITIONS && e.conditions[i] != NULL; i++) {
        out->conditions[out->condition_count++] = e.conditions[i];
    }
    error_clear(error);
    return PV_OK;
}
