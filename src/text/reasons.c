/*
 * reasons.c — the stable names of the reasons (RULES.md section 4) and the rule catalogue's ids,
 * sources and summaries, for decisions and explanations.
 */
#include <string.h>

#include "../internal.h"

static const char *const reason_names[PV_REASON_COUNT] = {
    [PV_REASON_SELF] = "SELF",
    [PV_REASON_GUARDIAN_PROXY] = "GUARDIAN_PROXY",
    [PV_REASON_DIRECT_ACCESS] = "DIRECT_ACCESS",
    [PV_REASON_REPRESENTATIVE] = "REPRESENTATIVE",
    [PV_REASON_INVALID_INPUT] = "INVALID_INPUT",
    [PV_REASON_NOT_RELATED] = "NOT_RELATED",
    [PV_REASON_NO_EID] = "NO_EID",
    [PV_REASON_LOGIN_LOCKED] = "LOGIN_LOCKED",
    [PV_REASON_OWN_JOURNAL_SEALED] = "OWN_JOURNAL_SEALED",
    [PV_REASON_UNDER_13] = "UNDER_13",
    [PV_REASON_UNDER_16] = "UNDER_16",
    [PV_REASON_PROXY_ENDED] = "PROXY_ENDED",
    [PV_REASON_REPRESENTATIVE_JOURNAL_ONLY] = "REPRESENTATIVE_JOURNAL_ONLY",
    [PV_REASON_REPRESENTATIVE_INCOMPLETE] = "REPRESENTATIVE_INCOMPLETE",
    [PV_REASON_GUARDIAN_BLOCKED] = "GUARDIAN_BLOCKED",
    [PV_REASON_PROTECTED_IDENTITY] = "PROTECTED_IDENTITY",
    [PV_REASON_CHILD_LOGIN_LOCKED] = "CHILD_LOGIN_LOCKED",
    [PV_REASON_JOURNAL_SEALED] = "JOURNAL_SEALED",
    [PV_REASON_UNIT_SEALED] = "UNIT_SEALED",
    [PV_REASON_ENTRY_SEALED] = "ENTRY_SEALED",
};

const char *pv_reason_name(pv_reason reason) {
    return (unsigned)reason < PV_REASON_COUNT ? reason_names[reason] : NULL;
}

pv_status pv_reason_from_name(const char *name, pv_reason *out, pv_error *error) {
    if (out != NULL) *out = PV_REASON_INVALID_INPUT;
    if (error_unknown(error)) return PV_ERR_INVALID_INPUT;
    if (out == NULL) return error_invalid(error, "out", "is required");
    if (name == NULL) return error_invalid(error, "name", "is required");
    for (int r = 0; r < PV_REASON_COUNT; r++) {
        if (strcmp(reason_names[r], name) == 0) {
            *out = (pv_reason)r;
            error_clear(error);
            return PV_OK;
        }
    }
    return error_invalid(error, "name", "is not a reason of RULES.md section 4");
}

pv_effect pv_reason_effect(pv_reason reason) {
    /* Step 7: only the four permit bases permit; everything else denies (default deny). */
    return (unsigned)reason <= PV_REASON_LAST_PERMIT ? PV_EFFECT_PERMIT : PV_EFFECT_DENY;
}

typedef struct rule_info {
    const char *name;
    const char *source;
    const char *summary;
} rule_info;

static const rule_info rules[PV_RULE_COUNT] = {
    [PV_RULE_NONE] = {NULL, NULL, NULL},
    [PV_RULE_A1] =
        {"A1", "choice",
         "Age N is attained on the N-th anniversary; a 29 February birth on 28 February in common years."},
    [PV_RULE_A2] = {"A2", "seed 001", "The thresholds are 13 and 16."},
    [PV_RULE_A3] = {"A3", "choice",
                    "The birth date comes as a date or from a personnummer or samordningsnummer."},
    [PV_RULE_V1] = {"V1", "choice", "Malformed input is never guessed at: deny, naming the field."},
    [PV_RULE_R0] =
        {"R0", "choice",
         "Access is denied unless granted: the actor must be the citizen or named in the record."},
    [PV_RULE_E1] = {"E1", "seed 001", "Logging in needs BankID or Freja+."},
    [PV_RULE_E2] =
        {"E2", "seed 001, 002, 003, 000",
         "A locked login closes the portal (e-services, journal from the start page), not the direct link."},
    [PV_RULE_E3] =
        {"E3", "derived",
         "A guardian or representative whose own journal account is sealed opens no journal."},
    [PV_RULE_S1] = {"S1", "seed 001", "From the 13th birthday the citizen uses the e-services."},
    [PV_RULE_S2] = {"S2", "seed 001", "From the 16th birthday the citizen reads the journal."},
    [PV_RULE_D1] = {"D1", "seed 001",
                    "From 13 to 15 the citizen reads the units with a direct-access grant."},
    [PV_RULE_D2] =
        {"D2", "seed 001",
         "From 13 to 15 a guardian reads the units with a direct-access grant held by that guardian."},
    [PV_RULE_D3] =
        {"D3", "seed 001",
         "A direct-access grant has effect only from 13 to 15 and inside its validity interval."},
    [PV_RULE_G1] = {"G1", "seed 001",
                    "A guardian acts for the child in the e-services until the 13th birthday."},
    [PV_RULE_G2] = {"G2", "seed 001",
                    "A guardian reads the child's journal until the 13th birthday."},
    [PV_RULE_G3] = {"G3", "seed 001",
                    "A blocked guardian is denied e-services and journal, direct access included."},
    [PV_RULE_G4] = {"G4", "seed 001",
                    "Protected identity of guardian or child breaks the guardian's proxy."},
    [PV_RULE_G5] = {"G5", "seed 001", "Protected identity never denies a person their own access."},
    [PV_RULE_G6] = {"G6", "choice", "Protected identity does not affect representatives."},
    [PV_RULE_P1] = {"P1", "seed 001",
                    "A representative is an ombud for the journal only, not the e-services."},
    [PV_RULE_P2] =
        {"P2", "seed 001",
         "A representative needs god man or förvaltare caring for the person, consent, a court order and an appointment in force."},
    [PV_RULE_L1] = {"L1", "seed 001",
                    "A locked child login shuts guardians out of the child's e-services."},
    [PV_RULE_L2] = {"L2", "seed 001", "A locked child login does not affect journal access."},
    [PV_RULE_J1] = {"J1", "seed 001",
                    "A seal of the whole journal in force closes the journal to every actor."},
    [PV_RULE_J2] = {"J2", "seed 001",
                    "A unit seal in force closes that unit; the whole journal is shown filtered."},
    [PV_RULE_J3] = {"J3", "seed 001",
                    "A seal is in force inside its active interval, both ends inclusive."},
    [PV_RULE_J4] = {"J4", "seed 001",
                    "A seal with a content period hides only the entries registered inside it."},
    [PV_RULE_J5] = {"J5", "seed 001, 004", "Seals never affect the e-services."},
    [PV_RULE_J6] = {"J6", "choice", "Who asked for a seal or lock does not change its effect."},
    [PV_RULE_T1] = {"T1", "choice", "A decision carries the first later date on which it changes."},
    [PV_RULE_M1] = {"M1", "choice",
                    "A protective measure is never revealed to anyone but the citizen."},
    [PV_RULE_N1] = {"N1", "Skatteverket",
                    "The written forms of a personnummer; only - and + separate."},
    [PV_RULE_N2] = {"N2", "Skatteverket", "The check digit is the Luhn digit over YYMMDDNNN."},
    [PV_RULE_N3] = {"N3", "Skatteverket",
                    "A day of 61 to 91 marks a samordningsnummer; the birth day is day - 60."},
    [PV_RULE_N4] =
        {"N4", "Skatteverket",
         "With + a ten-digit form is 100 years earlier; the century follows the reference date."},
    [PV_RULE_N5] = {"N5", "Skatteverket", "The date must exist."},
    [PV_RULE_N6] = {"N6", "Skatteverket", "Birth number 000 is invalid."},
    [PV_RULE_N7] = {"N7", "choice",
                    "Interim numbers are accepted only on request and reported as their own kind."},
    [PV_RULE_X1] =
        {"X1", "seed 001, 002, 000",
         "A login lock is asked for by the citizen or care, executed by support, with a case number."},
    [PV_RULE_X2] =
        {"X2", "seed 003",
         "Relatives and representatives raise the need; care decides after an assessment."},
    [PV_RULE_X3] =
        {"X3", "seed 003",
         "An unlock is never automatic: a new assessment, a documented decision and execution."},
    [PV_RULE_X4] =
        {"X4", "seed 001, 004",
         "A seal set by the citizen is lifted only by central support after verifying the wish and no threat."},
    [PV_RULE_X5] = {"X5", "seed 001",
                    "Only care blocks a guardian, and only care lifts the block."},
    [PV_RULE_X6] =
        {"X6", "seed 001",
         "Direct access is decided by the treating care staff with the child (and guardian), per unit."},
    [PV_RULE_X7] = {"X7", "seed 001",
                    "A representative needs a court order and the principal's consent."},
    [PV_RULE_M_ALL] = {"M-ALL", "seed 000, 001, 002",
                       "To make nothing reachable, lock the login and seal the whole journal."},
    [PV_RULE_M_GUARD] =
        {"M-GUARD", "seed 001, 002, 000",
         "To stop one guardian, block that guardian (and lock the child's login if the guardian has its e-ID)."},
    [PV_RULE_M_PROT] =
        {"M-PROT", "seed 001",
         "With protected identity, also lock the child's login and seal the journal, so access does not reopen."},
    [PV_RULE_M_13] =
        {"M-13", "seed 000",
         "Lock the login for citizens 13 and older; for a child under 13 who keeps access, block the guardian."},
    [PV_RULE_H1] = {"H1", "choice",
                    "Login lock, protected identity and guardian block may be given as periods."},
    [PV_RULE_H2] = {"H2", "choice", "Every rule reads such a fact on the evaluation date."},
    [PV_RULE_H3] =
        {"H3", "choice",
         "T1's candidates include the first day of each period and the day after its last."},
    [PV_RULE_H4] =
        {"H4", "choice",
         "Periods may lie before the birth or after the date; start after end is malformed."},
    [PV_RULE_H5] =
        {"H5", "choice",
         "The audit of an access log: every access the rules deny on its own date, in log order."},
};

static const rule_info *rule_lookup(pv_rule rule) {
    if ((unsigned)rule >= PV_RULE_COUNT || rule == PV_RULE_NONE) return NULL;
    return &rules[rule];
}

const char *pv_rule_name(pv_rule rule) {
    const rule_info *r = rule_lookup(rule);
    return r ? r->name : NULL;
}

const char *pv_rule_source(pv_rule rule) {
    const rule_info *r = rule_lookup(rule);
    return r ? r->source : NULL;
}

const char *pv_rule_summary(pv_rule rule) {
    const rule_info *r = rule_lookup(rule);
    return r ? r->summary : NULL;
}

pv_status pv_rule_from_name(const char *name, pv_rule *out, pv_error *error) {
    if (out != NULL) *out = PV_RULE_NONE;
    if (error_unknown(error)) return PV_ERR_INVALID_INPUT;
    if (out == NULL) return error_invalid(error, "out", "is required");
    if (name == NULL) return error_invalid(error, "name", "is required");
    for (int r = 1; r < PV_RULE_COUNT; r++) {
        if (strcmp(rules[r].name, name) == 0) {
            *out = (pv_rule)r;
            error_clear(error);
            return PV_OK;
        }
    }
    return error_invalid(error, "name", "is not a rule id of RULES.md");
}
