/*
 * portvakt.h — the access rules of the 1177 patient portal as a C library.
 *
 * NAME
 *   portvakt — may this person, on this date, reach this citizen's e-services or journal,
 *   and if not, why not?
 *
 * DESCRIPTION
 *   portvakt encodes the access model that regional routines describe for 1177 e-tjänster and
 *   1177 journal (Journalen): login locks, whole and per-unit journal seals with active intervals
 *   and content periods, guardian proxy until the child's 13th birthday, guardian blocks, direct
 *   journal access for ages 13 to 15, protected identity and legal representatives. The rule ids
 *   named in this header (S1, G3, J4 ...) are those of the rule catalogue, RULES.md.
 *
 *   The library does no I/O, holds no global state and allocates no memory: every function is
 *   thread-safe and re-entrant. All inputs are plain structs owned by the caller; all strings it
 *   returns are static and valid for the life of the program. It never reads a clock: the date of
 *   evaluation is always an argument.
 *
 *   Functions that can fail return a pv_status (PV_OK is 0) and write their result through an
 *   out-parameter. On failure the out-parameter still holds a well-defined value: for
 *   pv_evaluate() that is a deny with reason PV_REASON_INVALID_INPUT and the path of the
 *   offending field (fail closed, rule V1).
 *
 * SECTIONS
 *   Status codes · Dates · Personnummer · Inputs · Evaluation · Evaluating many requests at
 *   once · Decisions and reasons · Rules · Messages · Version
 */
#ifndef PORTVAKT_H
#define PORTVAKT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "portvakt_version.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Only names marked PV_EXPORT leave the shared library (it is built with hidden visibility). */
#if defined(SWIG)
#define PV_EXPORT
#define PV_NODISCARD
#elif defined(_WIN32) && defined(PV_BUILDING_DLL)
#define PV_EXPORT __declspec(dllexport)
#define PV_NODISCARD
#elif defined(__GNUC__) || defined(__clang__)
#define PV_EXPORT __attribute__((visibility("default")))
#define PV_NODISCARD __attribute__((warn_unused_result))
#else
#define PV_EXPORT
#define PV_NODISCARD
#endif

/* ## Status codes ----------------------------------------------------------------------- */

/** The result of every function that can fail. PV_OK is 0; every error is negative. */
typedef enum pv_status {
    PV_OK = 0,
    /** The input is malformed (RULES.md section 8); the field path says where. */
    PV_ERR_INVALID_INPUT = -1,
    /** A caller-provided buffer is too small for the result. */
    PV_ERR_BUFFER_TOO_SMALL = -2
} pv_status;

/** Returns the name of 'status' ("PV_OK", "PV_ERR_INVALID_INPUT" ...), or "PV_ERR_UNKNOWN". */
PV_EXPORT const char *pv_status_name(pv_status status);

/* ## Dates -------------------------------------------------------------------------------- */

/**
 * A calendar date in the proleptic Gregorian calendar, years 1 to 9999.
 *
 * The all-zero value {0, 0, 0} is PV_DATE_NONE: "no date", used for an open end of an
 * interval, a missing entry date or a decision that never changes. Any other value must be a
 * date that exists, or the input it appears in is invalid.
 */
typedef struct pv_date {
    int16_t year;  /**< 1 to 9999 */
    uint8_t month; /**< 1 to 12 */
    uint8_t day;   /**< 1 to the length of the month */
} pv_date;

/** The "no date" value (an open interval end, no entry date, no change). */
#define PV_DATE_NONE ((pv_date){0, 0, 0})

/** Bytes needed to format a date as "YYYY-MM-DD", including the terminating NUL. */
#define PV_DATE_STRING_SIZE 11

/** Returns true if 'date' is PV_DATE_NONE. */
PV_EXPORT bool pv_date_is_none(pv_date date);

/** Returns true if 'date' exists in the proleptic Gregorian calendar (years 1 to 9999). */
PV_EXPORT bool pv_date_is_valid(pv_date date);

/** Returns true if 'year' is a Gregorian leap year. */
PV_EXPORT bool pv_date_is_leap_year(int year);

/** Returns the number of days in 'month' of 'year', or 0 if 'month' is not 1 to 12. */
PV_EXPORT int pv_date_days_in_month(int year, int month);

/**
 * Parses an ISO 8601 calendar date "YYYY-MM-DD" (exactly ten characters, nothing around them)
 * into '*out'. Returns PV_OK, or PV_ERR_INVALID_INPUT if 'text' is NULL, not of that form or
 * not a date that exists (2023-02-29, month 13); '*out' is then PV_DATE_NONE.
 */
PV_EXPORT PV_NODISCARD pv_status pv_date_parse(const char *text, pv_date *out);

/**
 * Writes 'date' as "YYYY-MM-DD" and a NUL into 'buf' of 'size' bytes. Returns PV_OK;
 * PV_ERR_INVALID_INPUT if 'date' is not valid or 'buf' is NULL; PV_ERR_BUFFER_TOO_SMALL if 'size'
 * is less than PV_DATE_STRING_SIZE. On error 'buf' holds the empty string when size > 0.
 */
PV_EXPORT PV_NODISCARD pv_status pv_date_format(pv_date date, char *buf, size_t size);

/** Returns a negative number, 0 or a positive number as 'a' is before, equal to or after 'b'. */
PV_EXPORT int pv_date_compare(pv_date a, pv_date b);

/** Returns the number of days from 1970-01-01 to 'date' (negative before it). 'date' must be valid. */
PV_EXPORT int32_t pv_date_to_days(pv_date date);

/** Returns the date 'days' days after 1970-01-01, or PV_DATE_NONE outside years 1 to 9999. */
PV_EXPORT pv_date pv_date_from_days(int32_t days);

/**
 * Writes to '*out' the date on which a person born on 'birth' attains age 'years' (rule A1: the
 * anniversary; a 29 February birth attains a new age on 28 February in common years). Returns
 * PV_OK, or PV_ERR_INVALID_INPUT if 'birth' is not valid, 'years' is negative or the result would
 * fall after 9999; '*out' is then PV_DATE_NONE.
 */
PV_EXPORT PV_NODISCARD pv_status pv_date_birthday(pv_date birth, int years, pv_date *out);

/**
 * Writes to '*out' the age in whole years on 'on' of a person born on 'birth' (rules A1, A2).
 * Returns PV_OK, or PV_ERR_INVALID_INPUT if a date is not valid or 'birth' is after 'on'.
 */
PV_EXPORT PV_NODISCARD pv_status pv_age_on(pv_date birth, pv_date on, int *out);

/* ## Personnummer ------------------------------------------------------------------------- */

/** What kind of identity number was parsed (RULES.md section 9). */
typedef enum pv_pnr_kind {
    PV_PNR_PERSONNUMMER = 0,      /**< an ordinary personnummer */
    PV_PNR_SAMORDNINGSNUMMER = 1, /**< day 61 to 91 (N3) */
    PV_PNR_INTERIM = 2, /**< a letter in place of the first digit of the birth number (N7) */
    PV_PNR_KIND_COUNT = 3
} pv_pnr_kind;

/** Flags for pv_pnr_parse(). */
enum {
    /** Accept interim numbers (N7); without it they are invalid. */
    PV_PNR_ALLOW_INTERIM = 1u << 0
};

/** Bytes of the normalised form "YYYYMMDDNNNC" including the terminating NUL. */
#define PV_PNR_NORMALIZED_SIZE 13

/** A parsed personnummer, samordningsnummer or interim number. */
typedef struct pv_pnr {
    pv_date birth_date; /**< for a samordningsnummer, the day less 60 (N3) */
    pv_pnr_kind kind;
    /** Twelve characters: century, the ten digits as written (day 61-91 kept for a
        samordningsnummer, the letter kept for an interim number), no separator. */
    char normalized[PV_PNR_NORMALIZED_SIZE];
    /** On error, a static sentence saying what is wrong; NULL on success. */
    const char *error;
} pv_pnr;

/**
 * Parses a personnummer, samordningsnummer or (with PV_PNR_ALLOW_INTERIM) interim number in one
 * of the forms of N1, with 'reference' as the date that decides the century of a ten-digit form
 * (N4). Never reads a clock. Returns PV_OK, or PV_ERR_INVALID_INPUT if 'text' is NULL, not one of
 * the forms (no whitespace is accepted), has a wrong check digit (N2), a date that does not exist
 * (N5), birth number 000 (N6), an interim letter without the flag (N7), or 'reference' is not a
 * valid date; '*out' then has PV_DATE_NONE, an empty normalised form and 'error' set.
 */
PV_EXPORT PV_NODISCARD pv_status pv_pnr_parse(const char *text, pv_date reference, unsigned flags,
                                              pv_pnr *out);

/** Returns "personnummer", "samordningsnummer" or "interim", or NULL if 'kind' is out of range. */
PV_EXPORT const char *pv_pnr_kind_name(pv_pnr_kind kind);

/* ## Inputs -------------------------------------------------------------------------------- */

/** Longest unit (HSA-id) or id accepted, in bytes. Units and ids are 1 to this many printable
    ASCII characters without spaces (0x21 to 0x7E), compared exactly. */
#define PV_ID_MAX 64

/** Longest case number (diarienummer) accepted, in bytes; printable ASCII, spaces allowed. */
#define PV_CASE_NUMBER_MAX 64

/**
 * A closed interval of dates; either end may be open (PV_DATE_NONE). Both ends are inclusive
 * (J3). An interval whose start is after its end is invalid input.
 */
typedef struct pv_interval {
    pv_date from;
    pv_date until;
} pv_interval;

/** Who asked for a lock or a seal (J6: it does not change the effect). */
typedef enum pv_requester {
    PV_REQUESTER_CARE = 0,    /**< care or the region (the default) */
    PV_REQUESTER_CITIZEN = 1, /**< the citizen */
    PV_REQUESTER_COUNT = 2
} pv_requester;

/** The scope of a journal seal. */
typedef enum pv_seal_scope {
    PV_SEAL_WHOLE = 0, /**< the whole journal (J1) */
    PV_SEAL_UNIT = 1,  /**< one care unit (J2) */
    PV_SEAL_SCOPE_COUNT = 2
} pv_seal_scope;

/** A journal seal (försegling), rules J1 to J6. */
typedef struct pv_seal {
    pv_seal_scope scope;
    /** The sealed unit; required for PV_SEAL_UNIT, must be NULL for PV_SEAL_WHOLE. */
    const char *unit;
    /** When the seal is in force (J3); {PV_DATE_NONE, PV_DATE_NONE} is always. */
    pv_interval active;
    /** If true, the seal hides only entries registered inside 'content' (J4). */
    bool has_content;
    pv_interval content;
    pv_requester requested_by;
} pv_seal;

/** A guardian (vårdnadshavare) of the citizen. */
typedef struct pv_guardian {
    const char *id;          /**< required, unique among the guardians; "self" is reserved */
    bool blocked;            /**< G3 */
    bool protected_identity; /**< G4 */
} pv_guardian;

/** The holder name that means the citizen in a grant. */
#define PV_GRANT_HOLDER_SELF "self"

/** A direct-access grant to one unit's journal for ages 13 to 15 (D1, D2, D3). */
typedef struct pv_grant {
    /** PV_GRANT_HOLDER_SELF for the citizen (D1), or the id of one of the guardians (D2). */
    const char *holder;
    const char *unit; /**< required */
    pv_date from;     /**< first day of validity, or PV_DATE_NONE (open) */
    pv_date until;    /**< last day of validity, or PV_DATE_NONE (open) */
} pv_grant;

/** The kind of a legal representative's appointment. */
typedef enum pv_representative_kind {
    PV_REPRESENTATIVE_GOD_MAN = 0,
    PV_REPRESENTATIVE_FORVALTARE = 1,
    PV_REPRESENTATIVE_KIND_COUNT = 2
} pv_representative_kind;

/** A legal representative for the journal (ombud för journalen), rule P2. */
typedef struct pv_representative {
    const char *id; /**< required, unique among the representatives */
    pv_representative_kind kind;
    bool cares_for_person; /**< the appointment includes sörja för person */
    bool consent;          /**< the principal's consent is recorded */
    bool court_order;      /**< the court order has been presented */
    pv_date from;          /**< first day of the appointment, or PV_DATE_NONE (open) */
    pv_date until;         /**< last day of the appointment, or PV_DATE_NONE (open) */
} pv_representative;

/** The citizen whose account and journal are being reached (the subject). */
typedef struct pv_citizen {
    /** The birth date. If PV_DATE_NONE, 'personnummer' gives it (A3). */
    pv_date birth_date;
    /** A personnummer or samordningsnummer (section 9; the evaluation date is the reference
        date), or NULL. If both this and 'birth_date' are given they must agree. */
    const char *personnummer;
    bool protected_identity; /**< G4, G5 */
    bool login_locked;       /**< E2, L1 */
    pv_requester login_lock_requested_by;
    /** The case number (diarienummer) of the lock, or NULL; may be empty after an acute lock. */
    const char *login_lock_case_number;
    const pv_seal *seals;
    size_t seal_count;
    const pv_guardian *guardians;
    size_t guardian_count;
    const pv_grant *grants;
    size_t grant_count;
    const pv_representative *representatives;
    size_t representative_count;
} pv_citizen;

/** Who is trying to reach the citizen's account or journal. */
typedef enum pv_actor_kind {
    PV_ACTOR_SELF = 0,           /**< the citizen */
    PV_ACTOR_GUARDIAN = 1,       /**< a guardian, named by id */
    PV_ACTOR_REPRESENTATIVE = 2, /**< a legal representative, named by id */
    PV_ACTOR_OTHER = 3,          /**< anyone else */
    PV_ACTOR_KIND_COUNT = 4
} pv_actor_kind;

/** How the actor authenticated (E1: only BankID and Freja+ let anyone in). */
typedef enum pv_eid {
    PV_EID_BANKID = 0,
    PV_EID_FREJA_PLUS = 1,
    PV_EID_FREJA = 2,    /**< Freja eID without the Plus level */
    PV_EID_PASSWORD = 3, /**< password and SMS, withdrawn */
    PV_EID_OTHER = 4,
    PV_EID_NONE = 5,
    PV_EID_COUNT = 6
} pv_eid;

/** The actor. */
typedef struct pv_actor {
    pv_actor_kind kind;
    /** Required for a guardian or a representative: matched exactly against the record. */
    const char *id;
    pv_eid eid;
    /** The actor's own login lock (E2). Must be false for PV_ACTOR_SELF: the citizen's record
        holds the citizen's lock. */
    bool login_locked;
    /** The actor's own journal account is sealed (E3). Must be false for PV_ACTOR_SELF. */
    bool journal_sealed;
} pv_actor;

/** What is being reached. */
typedef enum pv_service_kind {
    PV_SERVICE_E_SERVICES = 0, /**< 1177 e-tjänster */
    PV_SERVICE_JOURNAL = 1,    /**< 1177 journal */
    PV_SERVICE_KIND_COUNT = 2
} pv_service_kind;

/** How the journal is reached (E2). E-services are reached only through the portal. */
typedef enum pv_channel {
    PV_CHANNEL_PORTAL = 0, /**< from the logged-in 1177.se start page */
    PV_CHANNEL_DIRECT = 1, /**< a direct link to the journal, or the 1177 app */
    PV_CHANNEL_COUNT = 2
} pv_channel;

/**
 * The service asked for. For the journal: no unit is the whole journal, a unit is that unit's
 * records, a unit and an entry date is one entry. E-services take neither, and only the portal.
 */
typedef struct pv_service {
    pv_service_kind kind;
    pv_channel channel;
    const char *unit;   /**< NULL for the whole journal */
    pv_date entry_date; /**< PV_DATE_NONE unless one entry is asked for; needs 'unit' */
} pv_service;

/* ## Decisions and reasons ------------------------------------------------------------------ */

/** Permit or deny. The zero value is deny. */
typedef enum pv_effect {
    PV_EFFECT_DENY = 0,
    PV_EFFECT_PERMIT = 1,
    PV_EFFECT_COUNT = 2
} pv_effect;

/**
 * Why. The four permit bases come first, then INVALID_INPUT, then the deny reasons in the order
 * of RULES.md section 3, which is the order in which a decision lists them.
 */
typedef enum pv_reason {
    PV_REASON_SELF = 0,
    PV_REASON_GUARDIAN_PROXY = 1,
    PV_REASON_DIRECT_ACCESS = 2,
    PV_REASON_REPRESENTATIVE = 3,
    PV_REASON_INVALID_INPUT = 4,
    PV_REASON_NOT_RELATED = 5,
    PV_REASON_NO_EID = 6,
    PV_REASON_LOGIN_LOCKED = 7,
    PV_REASON_OWN_JOURNAL_SEALED = 8,
    PV_REASON_UNDER_13 = 9,
    PV_REASON_UNDER_16 = 10,
    PV_REASON_PROXY_ENDED = 11,
    PV_REASON_REPRESENTATIVE_JOURNAL_ONLY = 12,
    PV_REASON_REPRESENTATIVE_INCOMPLETE = 13,
    PV_REASON_GUARDIAN_BLOCKED = 14,
    PV_REASON_PROTECTED_IDENTITY = 15,
    PV_REASON_CHILD_LOGIN_LOCKED = 16,
    PV_REASON_JOURNAL_SEALED = 17,
    PV_REASON_UNIT_SEALED = 18,
    PV_REASON_ENTRY_SEALED = 19,
    PV_REASON_COUNT = 20,
    PV_REASON_FIRST_PERMIT = PV_REASON_SELF,
    PV_REASON_LAST_PERMIT = PV_REASON_REPRESENTATIVE,
    PV_REASON_FIRST_DENY = PV_REASON_INVALID_INPUT,
    PV_REASON_LAST_DENY = PV_REASON_ENTRY_SEALED
} pv_reason;

/** The rule ids of RULES.md, for decisions and explanations. PV_RULE_NONE is 0. */
typedef enum pv_rule {
    /* The ids grouped as in RULES.md. */
    /* clang-format off */
    PV_RULE_NONE = 0,
    PV_RULE_A1, PV_RULE_A2, PV_RULE_A3,
    PV_RULE_V1, PV_RULE_R0,
    PV_RULE_E1, PV_RULE_E2, PV_RULE_E3,
    PV_RULE_S1, PV_RULE_S2, PV_RULE_D1, PV_RULE_D2, PV_RULE_D3,
    PV_RULE_G1, PV_RULE_G2, PV_RULE_G3, PV_RULE_G4, PV_RULE_G5, PV_RULE_G6,
    PV_RULE_P1, PV_RULE_P2,
    PV_RULE_L1, PV_RULE_L2,
    PV_RULE_J1, PV_RULE_J2, PV_RULE_J3, PV_RULE_J4, PV_RULE_J5, PV_RULE_J6,
    PV_RULE_T1, PV_RULE_M1,
    PV_RULE_N1, PV_RULE_N2, PV_RULE_N3, PV_RULE_N4, PV_RULE_N5, PV_RULE_N6, PV_RULE_N7,
    PV_RULE_X1, PV_RULE_X2, PV_RULE_X3, PV_RULE_X4, PV_RULE_X5, PV_RULE_X6, PV_RULE_X7,
    PV_RULE_COUNT
    /* clang-format on */
} pv_rule;

/** Room for the longest field path, e.g. "citizen.representatives[18446744073709551615].until". */
#define PV_FIELD_PATH_SIZE 96

/**
 * The answer of pv_evaluate(). The caller provides it; pv_evaluate() fills every field.
 */
typedef struct pv_decision {
    pv_effect effect;
    /** The primary reason: the permit basis, or the first deny reason in RULES.md order. */
    pv_reason reason;
    /** Every reason that stands in the way, one bit per pv_reason (bit 'r' is 1u << r); 0 when
        permitted. Use pv_decision_has_reason() to test one. */
    uint32_t reasons;
    /** The rule that decided the primary reason (a permit basis has its rule too). */
    pv_rule rule;
    /** The rule behind each reason in 'reasons' (PV_RULE_NONE for reasons not present);
        stored as unsigned char to keep the decision small. */
    unsigned char reason_rules[PV_REASON_COUNT];
    /** True when the permitted view hides something (RULES.md step 7). */
    bool filtered;
    /** The first date after the evaluation date on which the same inputs give another
        (effect, reason, filtered), or PV_DATE_NONE if none (T1). */
    pv_date changes_on;
    /** On invalid input, the path of the offending field ("citizen.seals[2].active.from");
        otherwise the empty string. */
    char field[PV_FIELD_PATH_SIZE];
    /** On invalid input, a static sentence saying what is wrong with the field; otherwise NULL. */
    const char *detail;
} pv_decision;

/* ## Evaluation ----------------------------------------------------------------------------- */

/**
 * Decides whether 'actor' may reach 'service' of 'citizen' on the date 'on' (RULES.md section 3,
 * steps 0 to 7, and T1), writing the decision into '*out'.
 *
 * Returns PV_OK with a permit or deny decision; or PV_ERR_INVALID_INPUT when any input is
 * malformed (section 8, V1) or a required pointer is NULL, and then '*out' is a deny with reason
 * PV_REASON_INVALID_INPUT, rule PV_RULE_V1 and 'field' naming the offending field. If 'out' itself
 * is NULL nothing is written and PV_ERR_INVALID_INPUT is returned. Never allocates.
 */
PV_EXPORT PV_NODISCARD pv_status pv_evaluate(const pv_citizen *citizen, const pv_actor *actor,
                                             const pv_service *service, pv_date on,
                                             pv_decision *out);

/**
 * As pv_evaluate(), but does not compute 'changes_on' (left PV_DATE_NONE): for callers that only
 * need the answer for one day and want it at the lowest cost.
 */
PV_EXPORT PV_NODISCARD pv_status pv_decide(const pv_citizen *citizen, const pv_actor *actor,
                                           const pv_service *service, pv_date on, pv_decision *out);

/**
 * Checks the inputs without deciding (RULES.md section 8, V1). Returns PV_OK, or
 * PV_ERR_INVALID_INPUT with '*out' set exactly as pv_evaluate() sets it for invalid input. On
 * PV_OK '*out' holds no decision (a deny without reasons, empty 'field'): call pv_evaluate().
 */
PV_EXPORT PV_NODISCARD pv_status pv_validate(const pv_citizen *citizen, const pv_actor *actor,
                                             const pv_service *service, pv_date on,
                                             pv_decision *out);

/* ## Evaluating many requests at once ----------------------------------------------------- */

/**
 * One request of pv_evaluate_many(): a citizen, an actor and a service, borrowed from the
 * caller. Requests that share a citizen should follow one another, since the record is
 * validated once for each run of consecutive requests with the same 'citizen' pointer.
 */
typedef struct pv_query {
    const pv_citizen *citizen;
    const pv_actor *actor;
    const pv_service *service;
} pv_query;

/**
 * The answer to one request of pv_evaluate_many(): the pv_decision of pv_evaluate() without the
 * field path and the detail of invalid input, in 32 bytes. The enums are stored as bytes.
 * pv_outcome_to_decision() gives it back as a pv_decision.
 */
typedef struct pv_outcome {
    uint32_t reasons;   /**< as pv_decision.reasons */
    pv_date changes_on; /**< as pv_decision.changes_on (T1) */
    uint8_t effect;     /**< the pv_effect */
    uint8_t reason;     /**< the pv_reason: the permit basis or the primary deny reason */
    uint8_t rule;       /**< the pv_rule that decided 'reason' */
    bool filtered;      /**< as pv_decision.filtered */
    /** The rule behind each reason in 'reasons', as pv_decision.reason_rules. */
    unsigned char reason_rules[PV_REASON_COUNT];
} pv_outcome;

/** What pv_evaluate_many() found wrong with its requests, if anything. */
typedef struct pv_batch_report {
    /** The number of requests answered with a deny for invalid input (V1). */
    size_t invalid_count;
    /** The index of the first of them, or the number of requests when there is none. */
    size_t first_invalid;
    /** The path of the offending field of that request, as pv_evaluate() gives it
        ("actor.id", "citizen.seals[2].active.from"), or "queries" or "outcomes" when that
        argument is NULL; the empty string when every request is valid. */
    char field[PV_FIELD_PATH_SIZE];
    /** A static sentence saying what is wrong with the field, or NULL. */
    const char *detail;
} pv_batch_report;

/**
 * Evaluates 'count' requests on the date 'on' and writes the answer to request i into
 * 'outcomes[i]': the same answer as pv_evaluate(queries[i].citizen, queries[i].actor,
 * queries[i].service, on), changes_on included, at a lower cost per request. The date and each
 * run of consecutive requests with the same citizen pointer are validated once (RULES.md
 * section 8); each request's actor and service are validated on their own.
 *
 * Returns PV_OK when every request is valid. Returns PV_ERR_INVALID_INPUT when any is not
 * (V1): each invalid request's outcome is a deny with reason PV_REASON_INVALID_INPUT and rule
 * PV_RULE_V1 — for every request when 'on' is not a date, for every request of a run whose
 * citizen is malformed, or for the one request whose actor or service is — while the valid
 * requests still get their answers. '*report' (if 'report' is not NULL) then counts them and
 * names the first one's index and field; pv_validate() on another one names its field. Also
 * returns PV_ERR_INVALID_INPUT when 'count' is not 0 and 'queries' or 'outcomes' is NULL: every
 * outcome, if any can be written, is then the deny for invalid input. Never allocates.
 */
PV_EXPORT PV_NODISCARD pv_status pv_evaluate_many(const pv_query *queries, size_t count, pv_date on,
                                                  pv_outcome *outcomes, pv_batch_report *report);

/**
 * Writes to '*out' the pv_decision that 'outcome' stands for: every field as pv_evaluate() sets
 * it, except that for invalid input 'field' is empty and 'detail' NULL (pv_validate() on the
 * request names them). Returns PV_OK, or PV_ERR_INVALID_INPUT if 'outcome' or 'out' is NULL or
 * 'outcome' holds a value out of range ('*out' is then the deny for invalid input, if 'out' is
 * not NULL).
 */
PV_EXPORT PV_NODISCARD pv_status pv_outcome_to_decision(const pv_outcome *outcome,
                                                        pv_decision *out);

/** Returns true if 'reason' is among the reasons of 'decision'. */
PV_EXPORT bool pv_decision_has_reason(const pv_decision *decision, pv_reason reason);

/** Returns the number of reasons in 'decision' (0 when permitted). */
PV_EXPORT int pv_decision_reason_count(const pv_decision *decision);

/**
 * Returns the 'index'-th reason of 'decision' in RULES.md order (0 is the primary reason), or
 * PV_REASON_COUNT if 'index' is out of range or 'decision' is NULL.
 */
PV_EXPORT pv_reason pv_decision_reason_at(const pv_decision *decision, int index);

/** Returns the rule behind 'reason' in 'decision', or PV_RULE_NONE if the reason is not there. */
PV_EXPORT pv_rule pv_decision_reason_rule(const pv_decision *decision, pv_reason reason);

/** Returns the stable name of 'reason' exactly as in RULES.md section 4 ("UNIT_SEALED"), or NULL
    if 'reason' is out of range. */
PV_EXPORT const char *pv_reason_name(pv_reason reason);

/** Writes to '*out' the reason named 'name' (exact, case-sensitive). Returns PV_OK, or
    PV_ERR_INVALID_INPUT if no reason has that name ('*out' is then PV_REASON_INVALID_INPUT). */
PV_EXPORT PV_NODISCARD pv_status pv_reason_from_name(const char *name, pv_reason *out);

/** Returns the effect a reason stands for: permit for the four permit bases, deny otherwise. */
PV_EXPORT pv_effect pv_reason_effect(pv_reason reason);

/** Returns "permit" or "deny", or NULL if 'effect' is out of range. */
PV_EXPORT const char *pv_effect_name(pv_effect effect);

/* ## Rules ---------------------------------------------------------------------------------- */

/** Returns the id of 'rule' ("G3"), or NULL if 'rule' is PV_RULE_NONE or out of range. */
PV_EXPORT const char *pv_rule_name(pv_rule rule);

/** Returns the source of 'rule' as RULES.md gives it ("seed 001", "choice", "derived"), or NULL. */
PV_EXPORT const char *pv_rule_source(pv_rule rule);

/** Returns a one-line English summary of 'rule', or NULL. */
PV_EXPORT const char *pv_rule_summary(pv_rule rule);

/** Writes to '*out' the rule with id 'name' ("J4"). Returns PV_OK, or PV_ERR_INVALID_INPUT
    ('*out' is then PV_RULE_NONE). */
PV_EXPORT PV_NODISCARD pv_status pv_rule_from_name(const char *name, pv_rule *out);

/* ## Messages ------------------------------------------------------------------------------- */

/** The language of a message. */
typedef enum pv_language {
    PV_LANGUAGE_SV = 0, /**< Swedish: the official wordings, verbatim */
    PV_LANGUAGE_EN = 1,
    PV_LANGUAGE_COUNT = 2
} pv_language;

/**
 * Returns the message that may be shown to a person of kind 'asker' who was denied for 'reason'
 * (RULES.md section 4). Follows M1: a reason that reveals a protective measure about the citizen
 * (a seal, a lock on the citizen's login, a guardian block, protected identity) gives anyone but
 * the citizen only the generic message. Returns "" for the permit bases, and the generic message
 * for any argument out of range. Never NULL; the string is static.
 */
PV_EXPORT const char *pv_message(pv_reason reason, pv_actor_kind asker, pv_language language);

/** Returns the generic message ("Uppgifterna kan inte visas via 1177 ...") in 'language'. */
PV_EXPORT const char *pv_message_generic(pv_language language);

/* ## Questions beyond a yes/no -------------------------------------------------------------- */

/**
 * One row of pv_who_can_see(): an actor named in the record, a service and, for the journal, a
 * unit (NULL for the whole journal), with the decision for them.
 */
typedef struct pv_access_row {
    pv_actor_kind actor_kind; /**< self, guardian or representative */
    const char *actor_id;     /**< NULL for self; else points into the citizen's record */
    pv_service_kind service;
    const char *unit; /**< NULL for e-services and the whole journal; else into the record */
    pv_decision decision;
} pv_access_row;

/**
 * Who can see what: for every actor named in the record (the citizen, each guardian, each
 * representative, in that order), the e-services, the journal as a whole and each unit named
 * in the record (seals and grants, first mention first), each with its decision on 'on'. Each
 * actor is taken as logged in with BankID and without own lock or seal (the record holds
 * neither); the journal is asked through the direct channel, which the citizen's login lock
 * does not close (E2) — so a row shows what can still be reached.
 *
 * Writes at most 'capacity' rows to 'rows' (which may be NULL when 'capacity' is 0) and the
 * number of rows needed to '*count'. Returns PV_OK; PV_ERR_BUFFER_TOO_SMALL when 'capacity' is
 * less than '*count' (call with 0 to ask for the size); PV_ERR_INVALID_INPUT when the citizen is
 * malformed (then '*count' is 0 and 'rows[0].decision', if capacity allows, names the field).
 */
PV_EXPORT PV_NODISCARD pv_status pv_who_can_see(const pv_citizen *citizen, pv_date on,
                                                pv_access_row *rows, size_t capacity,
                                                size_t *count);

/** One step of a timeline: from 'from' on, the decision is 'decision' (until the next step). */
typedef struct pv_timeline_step {
    pv_date from;
    pv_decision decision;
} pv_timeline_step;

/**
 * The decisions of 'actor' for 'service' from 'from' to 'until' (inclusive): the first step is
 * the decision on 'from', each further step the date on which it changes (T1) and the new
 * decision. Writes at most 'capacity' steps and the number needed to '*count'. Returns PV_OK,
 * PV_ERR_BUFFER_TOO_SMALL, or PV_ERR_INVALID_INPUT (bad dates, 'until' before 'from', or
 * malformed input on 'from': then '*count' is 0).
 */
PV_EXPORT PV_NODISCARD pv_status pv_timeline(const pv_citizen *citizen, const pv_actor *actor,
                                             const pv_service *service, pv_date from, pv_date until,
                                             pv_timeline_step *steps, size_t capacity,
                                             size_t *count);

/** The consistency advice on a record (RULES.md section 5). */
typedef enum pv_advice_kind {
    /** M-GUARD: a guardian is blocked while the child's login is not locked (001, 000). */
    PV_ADVICE_BLOCK_WITHOUT_LOCK = 0,
    /** M-PROT: a child or a guardian has protected identity, but the child's login is not
        locked or the whole journal not sealed (001). */
    PV_ADVICE_PROTECTED_WITHOUT_MEASURES = 1,
    /** M-GUARD, M-13: a child under 13 has a locked login while keeping guardians who are not
        blocked: the lock cuts every guardian off (002, 000). */
    PV_ADVICE_CHILD_LOCK_CUTS_ALL_GUARDIANS = 2,
    /** X1: a locked login without a case number (000: to be added after an acute lock). */
    PV_ADVICE_LOCK_WITHOUT_CASE_NUMBER = 3,
    PV_ADVICE_KIND_COUNT = 4
} pv_advice_kind;

/** One advice item. */
typedef struct pv_advice {
    pv_advice_kind kind;
    const char *routine;  /**< "M-GUARD", "M-PROT", "M-13" or "X1" (static) */
    const char *source;   /**< the seeds the routine comes from, e.g. "seed 001, 000" (static) */
    const char *guardian; /**< the guardian concerned, or NULL (points into the record) */
    const char *message;  /**< an English sentence for staff (static) */
} pv_advice;

/**
 * Checks the record against the routines of RULES.md section 5 on 'on' (ages matter). Writes at
 * most 'capacity' items and the number found to '*count'. Returns PV_OK,
 * PV_ERR_BUFFER_TOO_SMALL, or PV_ERR_INVALID_INPUT for a malformed record ('*count' 0).
 */
PV_EXPORT PV_NODISCARD pv_status pv_advise(const pv_citizen *citizen, pv_date on, pv_advice *items,
                                           size_t capacity, size_t *count);

/** What a measures plan should achieve. */
typedef enum pv_goal_kind {
    PV_GOAL_NOTHING = 0,      /**< the citizen reaches nothing (M-ALL) */
    PV_GOAL_NO_JOURNAL = 1,   /**< the citizen reaches no journal */
    PV_GOAL_GUARDIAN = 2,     /**< guardian 'guardian' reaches nothing of the child (M-GUARD) */
    PV_GOAL_HIDE_UNIT = 3,    /**< unit 'unit' is hidden from 'from' (or from 'on') */
    PV_GOAL_HIDE_ENTRIES = 4, /**< entries of 'unit' registered in [from, until] are hidden */
    PV_GOAL_KIND_COUNT = 5
} pv_goal_kind;

/** A goal for pv_plan(). */
typedef struct pv_goal {
    pv_goal_kind kind;
    const char *guardian; /**< PV_GOAL_GUARDIAN: an id among the citizen's guardians */
    const char *unit;     /**< PV_GOAL_HIDE_UNIT, PV_GOAL_HIDE_ENTRIES */
    pv_date from;         /**< PV_GOAL_HIDE_UNIT (optional), PV_GOAL_HIDE_ENTRIES */
    pv_date until;        /**< PV_GOAL_HIDE_ENTRIES */
} pv_goal;

/** A measure a plan calls for. */
typedef enum pv_action {
    PV_ACTION_LOCK_LOGIN = 0, /**< lock the citizen's login */
    PV_ACTION_UNLOCK_LOGIN = 1,
    PV_ACTION_SEAL = 2, /**< seal the journal (whole, a unit, or a content period) */
    PV_ACTION_UNSEAL = 3,
    PV_ACTION_BLOCK_GUARDIAN = 4,
    PV_ACTION_UNBLOCK_GUARDIAN = 5,
    PV_ACTION_GRANT_DIRECT_ACCESS = 6,
    PV_ACTION_REMOVE_DIRECT_ACCESS = 7,
    PV_ACTION_REGISTER_REPRESENTATIVE = 8,
    PV_ACTION_COUNT = 9
} pv_action;

/** Most measures a plan holds. */
#define PV_PLAN_MAX_MEASURES 4

/** One measure of a plan: the action, what it applies to, and the routine that calls for it. */
typedef struct pv_measure {
    pv_action action;
    const char *routine;  /**< "M-ALL", "M-GUARD", "M-PROT", "J2", "J4" ... (static) */
    const char *guardian; /**< PV_ACTION_BLOCK_GUARDIAN: the guardian (into the goal) */
    pv_seal seal;         /**< PV_ACTION_SEAL: the seal to set (unit points into the goal) */
    /** When the measure is conditional, the condition (static), else NULL; a conditional
        measure is not applied in the proof. */
    const char *condition;
} pv_measure;

/** A plan and its proof. */
typedef struct pv_plan {
    pv_measure measures[PV_PLAN_MAX_MEASURES];
    size_t measure_count;
    /** The proof: the goal holds on the record with the unconditional measures applied, for
        every affected actor, service, channel and query, on the date the goal is for. */
    bool holds;
    /** The number of (actor, service, channel, query) decisions the proof evaluated. */
    size_t checked;
    /** The date the proof was made for: 'on', or the goal's 'from' when later. */
    pv_date proven_on;
    /** On invalid input, the field and what is wrong (as in pv_decision); else "" and NULL. */
    char field[PV_FIELD_PATH_SIZE];
    const char *detail;
} pv_plan;

/** Records larger than this (seals or guardians) cannot be planned for without allocation. */
#define PV_PLAN_MAX_RECORD 64

/**
 * Plans the measures the routines of RULES.md section 5 call for to reach 'goal', then proves the
 * plan: applies it to a copy of the record (on the stack, no allocation), evaluates every
 * affected actor, service, channel and query, and reports whether the goal holds. Returns PV_OK,
 * or PV_ERR_INVALID_INPUT for a malformed record or goal (an unknown guardian, a missing unit,
 * bad dates, more than PV_PLAN_MAX_RECORD seals or guardians), with 'field' set.
 */
PV_EXPORT PV_NODISCARD pv_status pv_plan_measures(const pv_citizen *citizen, const pv_goal *goal,
                                                  pv_date on, pv_plan *out);

/** Who asks to change a measure (RULES.md section 7). */
typedef enum pv_role {
    PV_ROLE_CITIZEN = 0,
    PV_ROLE_GUARDIAN = 1,
    PV_ROLE_RELATIVE = 2,
    PV_ROLE_REPRESENTATIVE = 3,
    PV_ROLE_CARE = 4,
    PV_ROLE_SUPPORT = 5,
    PV_ROLE_CENTRAL_SUPPORT = 6,
    PV_ROLE_COUNT = 7
} pv_role;

/** What part of a change a role plays. */
typedef enum pv_part {
    PV_PART_NONE = 0,    /**< no part, or only raising the need (X2) */
    PV_PART_ASK = 1,     /**< may ask for the change */
    PV_PART_DECIDE = 2,  /**< decides on the change */
    PV_PART_EXECUTE = 3, /**< carries the change out */
    PV_PART_COUNT = 4
} pv_part;

/** Most conditions an answer of pv_may_change() carries. */
#define PV_MAY_MAX_CONDITIONS 4

/** The answer of pv_may_change(). */
typedef struct pv_permission {
    bool allowed; /**< the role plays a part in the change */
    pv_part part; /**< which part (the strongest it plays) */
    pv_rule rule; /**< the rule of section 7 that answers (X1 ... X7) */
    const char *conditions[PV_MAY_MAX_CONDITIONS]; /**< static English sentences */
    size_t condition_count;
} pv_permission;

/**
 * May 'role' take part in 'action' on 'citizen' (RULES.md section 7, X1 to X7)? 'measure' is the
 * index of the seal (for PV_ACTION_UNSEAL, where it is required: who set the seal decides who
 * may lift it, X4) or of the guardian (block, unblock) concerned, or -1 for none. Returns PV_OK,
 * or PV_ERR_INVALID_INPUT for an out-of-range role or action, a malformed record, an unseal
 * without a seal index, or a 'measure' that names nothing ('*out' then denies).
 */
PV_EXPORT PV_NODISCARD pv_status pv_may_change(pv_role role, pv_action action,
                                               const pv_citizen *citizen, long measure, pv_date on,
                                               pv_permission *out);

/** Names of the enums above ("block_guardian", "central_support", "ask", "M-GUARD" ...), or NULL
    out of range. */
PV_EXPORT const char *pv_action_name(pv_action action);
PV_EXPORT const char *pv_role_name(pv_role role);
PV_EXPORT const char *pv_part_name(pv_part part);
PV_EXPORT const char *pv_goal_kind_name(pv_goal_kind kind);

/* ## Names of the input enums --------------------------------------------------------------- */

/** Each returns the name used in the JSON format of RULES.md section 10 ("guardian",
    "freja_plus", "e_services", "direct", "unit", "care", "god_man"), or NULL out of range. */
PV_EXPORT const char *pv_actor_kind_name(pv_actor_kind kind);
PV_EXPORT const char *pv_eid_name(pv_eid eid);
PV_EXPORT const char *pv_service_kind_name(pv_service_kind kind);
PV_EXPORT const char *pv_channel_name(pv_channel channel);
PV_EXPORT const char *pv_seal_scope_name(pv_seal_scope scope);
PV_EXPORT const char *pv_requester_name(pv_requester requester);
PV_EXPORT const char *pv_representative_kind_name(pv_representative_kind kind);

/* ## Version -------------------------------------------------------------------------------- */

/** Returns the version of the library at run time, "MAJOR.MINOR.PATCH"; compare it with
    PV_VERSION_STRING to detect a header/library mismatch. */
PV_EXPORT const char *pv_version(void);

/** Returns the version as one number, MAJOR * 10000 + MINOR * 100 + PATCH. */
PV_EXPORT int pv_version_number(void);

#ifdef __cplusplus
}
#endif

#endif /* PORTVAKT_H */
