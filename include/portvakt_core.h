/*
 * portvakt_core.h — the decision of RULES.md section 3: inputs, pv_evaluate(), decisions,
 * reasons, rules and messages. Include <portvakt.h>, which includes this header together with
 * the batch API (portvakt_batch.h) and the questions beyond a yes/no (portvakt_beyond.h).
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
 *   named in this header (S1, G3, J4 ...) are those of the rule catalogue, RULES.md (installed
 *   with the documentation, and in the source tree as docs/RULES.md).
 *
 *   The library does no I/O, holds no global state and allocates no memory: every function is
 *   thread-safe and re-entrant. All inputs are plain structs owned by the caller; all strings it
 *   returns are static and valid for the life of the program. It never reads a clock: the date of
 *   evaluation is always an argument.
 *
 * ERRORS
 *   Every function that can fail returns a pv_status (PV_OK is 0, errors are negative), writes
 *   its result through an out-parameter and takes a last argument 'pv_error *error' (NULL when
 *   the caller does not want the detail). On failure '*error' says what is wrong: the status,
 *   the path of the offending field in the form of the JSON format
 *   ("citizen.seals[2].active.from"), a static English sentence, and the rule (V1 for malformed
 *   input). The out-parameter still holds a well-defined value: for pv_evaluate() a deny with
 *   reason PV_REASON_INVALID_INPUT (fail closed, rule V1).
 *
 * AN ABI THAT CAN GROW
 *   - Every struct that crosses the API, in or out, begins with 'uint32_t version'. Initialise
 *     each with its PV_<NAME>_INIT macro (pv_actor a = PV_ACTOR_INIT;), which sets the version of
 *     the header you compile with. pv_date and pv_interval are plain values, fixed for good.
 *   - Version 0 is never valid, and neither is the zero value of an enum that decides who gets
 *     in (actor kind, e-ID, service kind, seal scope, representative kind): a struct that was not
 *     initialised, or a member left unset, is PV_ERR_INVALID_INPUT naming it — never a permit.
 *   - A later 0.x adds members only at the end of a struct and raises that struct's version.
 *     The library reads and writes a struct only as far as the version it carries, so a program
 *     built against an older header keeps working with a newer library. A version the library
 *     does not know is PV_ERR_INVALID_INPUT naming the version field, never a guess.
 *   - Arrays: the elements of an array are laid out by the version of element 0, and every
 *     element carries the same version. For an output array (rows, steps, advice, outcomes) the
 *     caller sets the version of element 0 (pv_access_row rows[8] = {PV_ACCESS_ROW_INIT};); the
 *     library writes every element in that layout.
 *   - Arrays inside a struct are sized by fixed maxima (PV_REASON_MAX, PV_FIELD_PATH_SIZE), not
 *     by today's counts. The shared library's soname carries major.minor while the version is
 *     0.x (libportvakt.so.0.1); CI compares the ABI with the committed one of the last release.
 *
 * SECTIONS
 *   Status codes and errors · Dates · Personnummer · Inputs · Decisions and reasons ·
 *   Evaluation · Rules · Messages · Names · Version
 */
#ifndef PORTVAKT_CORE_H
#define PORTVAKT_CORE_H

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

/** The rule ids of RULES.md, for decisions and explanations: every id the catalogue defines
    (PV_RULE_M_ALL is "M-ALL"). PV_RULE_NONE is 0. New ids are added at the end. */
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
    PV_RULE_M_ALL, PV_RULE_M_GUARD, PV_RULE_M_PROT, PV_RULE_M_13,
    PV_RULE_H1, PV_RULE_H2, PV_RULE_H3, PV_RULE_H4, PV_RULE_H5,
    PV_RULE_COUNT
    /* clang-format on */
} pv_rule;

/** Room for the longest field path, e.g.
    "queries[18446744073709551615].citizen.representatives[18446744073709551615].until". */
#define PV_FIELD_PATH_SIZE 128

/** The version of pv_error this header describes. */
#define PV_ERROR_VERSION 1u

/**
 * What went wrong in a call: the one error channel of every function that can fail (the
 * model is jansson's json_error_t). Pass NULL when the detail is not wanted. The library writes
 * it on success too (status PV_OK, empty field, NULL message), so one value can be reused. An
 * error whose version the library does not know is not written, and the call fails with
 * PV_ERR_INVALID_INPUT.
 */
typedef struct pv_error {
    uint32_t version; /**< PV_ERROR_VERSION (set by PV_ERROR_INIT) */
    pv_status status; /**< the status the call returned */
    /** The rule that refused the input: PV_RULE_V1 for malformed input (RULES.md section 8),
        PV_RULE_NONE for a buffer that is too small. */
    pv_rule rule;
    /** The path of the offending field ("citizen.seals[2].active.from", "actor.id", "on",
        "capacity"); the empty string on success. */
    char field[PV_FIELD_PATH_SIZE];
    /** A static English sentence saying what is wrong with the field; NULL on success. */
    const char *message;
} pv_error;

/** Initialises a pv_error. */
#define PV_ERROR_INIT                                                                              \
    { PV_ERROR_VERSION, PV_OK, PV_RULE_NONE, {0}, NULL }

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
PV_EXPORT PV_NODISCARD pv_status pv_date_parse(const char *text, pv_date *out, pv_error *error);

/**
 * Writes 'date' as "YYYY-MM-DD" and a NUL into 'buf' of 'size' bytes. Returns PV_OK;
 * PV_ERR_INVALID_INPUT if 'date' is not valid or 'buf' is NULL; PV_ERR_BUFFER_TOO_SMALL if 'size'
 * is less than PV_DATE_STRING_SIZE. On error 'buf' holds the empty string when size > 0.
 */
PV_EXPORT PV_NODISCARD pv_status pv_date_format(pv_date date, char *buf, size_t size,
                                                pv_error *error);

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
PV_EXPORT PV_NODISCARD pv_status pv_date_birthday(pv_date birth, int years, pv_date *out,
                                                  pv_error *error);

/**
 * Writes to '*out' the age in whole years on 'on' of a person born on 'birth' (rules A1, A2).
 * Returns PV_OK, or PV_ERR_INVALID_INPUT if a date is not valid or 'birth' is after 'on'.
 */
PV_EXPORT PV_NODISCARD pv_status pv_age_on(pv_date birth, pv_date on, int *out, pv_error *error);

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

/** The version of pv_pnr this header describes. */
#define PV_PNR_VERSION 1u

/** A parsed personnummer, samordningsnummer or interim number (an output: initialise it with
    PV_PNR_INIT before pv_pnr_parse()). */
typedef struct pv_pnr {
    uint32_t version;   /**< PV_PNR_VERSION */
    pv_date birth_date; /**< for a samordningsnummer, the day less 60 (N3) */
    pv_pnr_kind kind;
    /** Twelve characters: century, the ten digits as written (day 61-91 kept for a
        samordningsnummer, the letter kept for an interim number), no separator. */
    char normalized[PV_PNR_NORMALIZED_SIZE];
    /** For a ten-digit form, 1 January of the year from which the same text, read against a
        later reference date, gives a birth year a century later (N4; one of T1's candidate
        dates); PV_DATE_NONE for a twelve-digit form. */
    pv_date reading_changes_on;
} pv_pnr;

/** Initialises a pv_pnr. */
#define PV_PNR_INIT                                                                                \
    {                                                                                              \
        PV_PNR_VERSION, {0, 0, 0}, PV_PNR_PERSONNUMMER, {0}, {                                     \
            0, 0, 0                                                                                \
        }                                                                                          \
    }

/**
 * Parses a personnummer, samordningsnummer or (with PV_PNR_ALLOW_INTERIM) interim number in one
 * of the forms of N1, with 'reference' as the date that decides the century of a ten-digit form
 * (N4). Never reads a clock. Returns PV_OK, or PV_ERR_INVALID_INPUT if 'text' is NULL, not one of
 * the forms (no whitespace is accepted), has a wrong check digit (N2), a date that does not exist
 * (N5), birth number 000 (N6), an interim letter without the flag (N7), or 'reference' is not a
 * valid date (field "reference"), or '*out' was not initialised (field "out.version"); '*out'
 * then has PV_DATE_NONE and an empty normalised form, and '*error' names the field ("text") and
 * says what is wrong.
 */
PV_EXPORT PV_NODISCARD pv_status pv_pnr_parse(const char *text, pv_date reference, unsigned flags,
                                              pv_pnr *out, pv_error *error);

/** Returns "personnummer", "samordningsnummer" or "interim", or NULL if 'kind' is out of range. */
PV_EXPORT const char *pv_pnr_kind_name(pv_pnr_kind kind);

/* ## Inputs -------------------------------------------------------------------------------- */

/** Longest unit (HSA-id) or id accepted, in bytes. Units and ids are 1 to this many printable
    ASCII characters without spaces (0x21 to 0x7E), compared exactly. */
#define PV_ID_MAX 64

/** Longest case number (diarienummer) accepted, in bytes: any UTF-8 text without a control
    character (section 8; "Dnr RÖ 2024/17" is fine). */
#define PV_CASE_NUMBER_MAX 128

/** The caps of RULES.md section 8: a record with more is malformed. They bound the cost of one
    call; sizes of the record are O(these). */
#define PV_MAX_GUARDIANS 16
#define PV_MAX_REPRESENTATIVES 16
#define PV_MAX_SEALS 1024
#define PV_MAX_GRANTS 1024
/** Most periods of one fact (RULES.md section 11). */
#define PV_MAX_PERIODS 256

/**
 * A closed interval of dates; either end may be open (PV_DATE_NONE). Both ends are inclusive
 * (J3). An interval whose start is after its end is invalid input. A plain value: no version.
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

/** The scope of a journal seal. 0 is no scope: a seal must say which it is. */
typedef enum pv_seal_scope {
    PV_SEAL_SCOPE_UNSET = 0, /**< invalid: the scope was not set */
    PV_SEAL_WHOLE = 1,       /**< the whole journal (J1) */
    PV_SEAL_UNIT = 2,        /**< one care unit (J2) */
    PV_SEAL_SCOPE_COUNT = 3
} pv_seal_scope;

/** The version of pv_seal this header describes. */
#define PV_SEAL_VERSION 1u

/** A journal seal (försegling), rules J1 to J6. */
typedef struct pv_seal {
    uint32_t version; /**< PV_SEAL_VERSION (set by PV_SEAL_INIT) */
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

/** Initialises a pv_seal: no scope yet (set it), in force always, no content period. */
#define PV_SEAL_INIT                                                                               \
    {                                                                                              \
        PV_SEAL_VERSION, PV_SEAL_SCOPE_UNSET, NULL, {{0, 0, 0}, {0, 0, 0}}, false,                 \
            {{0, 0, 0}, {0, 0, 0}}, PV_REQUESTER_CARE                                              \
    }

/* ## Facts over time (RULES.md section 11) ------------------------------------------------- */
/*
 * H1: the citizen's login lock and protected identity, and each guardian's block and protected
 * identity, may be given as periods instead of (or besides) a flag. A flag that is true is one
 * period open at both ends; the fact holds on 'on' when the flag is set or 'on' lies in one of
 * its periods (H2), whose first days and days after their last are T1 candidates (H3). Periods
 * may overlap, touch, lie before the birth or after 'on'; a start after the end is malformed
 * (H4). At most PV_MAX_PERIODS periods of one fact. Field paths name them as the JSON format
 * does: "citizen.login_locked[2].from", "citizen.guardians[1].blocked[0].until".
 */

/** The version of pv_lock_period this header describes. */
#define PV_LOCK_PERIOD_VERSION 1u

/** A period of the citizen's login lock, with who asked for it and its case number (X1). */
typedef struct pv_lock_period {
    uint32_t version; /**< PV_LOCK_PERIOD_VERSION */
    pv_interval when; /**< both ends inclusive, either open */
    pv_requester requested_by;
    /** The case number (diarienummer), or NULL; UTF-8 without control characters, at most
        PV_CASE_NUMBER_MAX bytes. */
    const char *case_number;
} pv_lock_period;

/** Initialises a pv_lock_period: always in force, asked for by care, no case number. */
#define PV_LOCK_PERIOD_INIT                                                                        \
    { PV_LOCK_PERIOD_VERSION, {{0, 0, 0}, {0, 0, 0}}, PV_REQUESTER_CARE, NULL }

/** The version of pv_guardian this header describes. */
#define PV_GUARDIAN_VERSION 1u

/** A guardian (vårdnadshavare) of the citizen. */
typedef struct pv_guardian {
    uint32_t version;        /**< PV_GUARDIAN_VERSION */
    const char *id;          /**< required, unique among the guardians; "self" is reserved */
    bool blocked;            /**< G3: blocked at every date (one open period, H1) */
    bool protected_identity; /**< G4: protected at every date (H1) */
    /** G3, H1: the periods in which the guardian is blocked (besides 'blocked'). */
    const pv_interval *blocked_periods;
    size_t blocked_period_count;
    /** G4, H1: the periods in which the guardian has protected identity. */
    const pv_interval *protected_identity_periods;
    size_t protected_identity_period_count;
} pv_guardian;

/** Initialises a pv_guardian (set its id). */
#define PV_GUARDIAN_INIT                                                                           \
    { PV_GUARDIAN_VERSION, NULL, false, false, NULL, 0, NULL, 0 }

/** The holder name that means the citizen in a grant. */
#define PV_GRANT_HOLDER_SELF "self"

/** The version of pv_grant this header describes. */
#define PV_GRANT_VERSION 1u

/** A direct-access grant to one unit's journal for ages 13 to 15 (D1, D2, D3). */
typedef struct pv_grant {
    uint32_t version; /**< PV_GRANT_VERSION */
    /** PV_GRANT_HOLDER_SELF for the citizen (D1), or the id of one of the guardians (D2). */
    const char *holder;
    const char *unit; /**< required */
    pv_date from;     /**< first day of validity, or PV_DATE_NONE (open) */
    pv_date until;    /**< last day of validity, or PV_DATE_NONE (open) */
} pv_grant;

/** Initialises a pv_grant (set its holder and unit). */
#define PV_GRANT_INIT                                                                              \
    {                                                                                              \
        PV_GRANT_VERSION, NULL, NULL, {0, 0, 0}, {                                                 \
            0, 0, 0                                                                                \
        }                                                                                          \
    }

/** The kind of a legal representative's appointment. 0 is no kind: it has no default. */
typedef enum pv_representative_kind {
    PV_REPRESENTATIVE_KIND_UNSET = 0, /**< invalid: the kind was not set */
    PV_REPRESENTATIVE_GOD_MAN = 1,
    PV_REPRESENTATIVE_FORVALTARE = 2,
    PV_REPRESENTATIVE_KIND_COUNT = 3
} pv_representative_kind;

/** The version of pv_representative this header describes. */
#define PV_REPRESENTATIVE_VERSION 1u

/** A legal representative for the journal (ombud för journalen), rule P2. */
typedef struct pv_representative {
    uint32_t version;            /**< PV_REPRESENTATIVE_VERSION */
    const char *id;              /**< required, unique among the representatives */
    pv_representative_kind kind; /**< required */
    bool cares_for_person;       /**< the appointment includes sörja för person */
    bool consent;                /**< the principal's consent is recorded */
    bool court_order;            /**< the court order has been presented */
    pv_date from;                /**< first day of the appointment, or PV_DATE_NONE (open) */
    pv_date until;               /**< last day of the appointment, or PV_DATE_NONE (open) */
} pv_representative;

/** Initialises a pv_representative (set its id and kind). */
#define PV_REPRESENTATIVE_INIT                                                                     \
    {                                                                                              \
        PV_REPRESENTATIVE_VERSION, NULL, PV_REPRESENTATIVE_KIND_UNSET, false, false, false,        \
            {0, 0, 0}, {                                                                           \
            0, 0, 0                                                                                \
        }                                                                                          \
    }

/** The version of pv_citizen this header describes. */
#define PV_CITIZEN_VERSION 1u

/** The citizen whose account and journal are being reached (the subject). */
typedef struct pv_citizen {
    uint32_t version; /**< PV_CITIZEN_VERSION (set by PV_CITIZEN_INIT) */
    /** The birth date. If PV_DATE_NONE, 'personnummer' gives it (A3). */
    pv_date birth_date;
    /** A personnummer or samordningsnummer (section 9; the evaluation date is the reference
        date), or NULL. If both this and 'birth_date' are given they must agree. */
    const char *personnummer;
    bool protected_identity; /**< G4, G5: at every date (one open period, H1) */
    bool login_locked;       /**< E2, L1: at every date (one open period, H1) */
    pv_requester login_lock_requested_by;
    /** The case number (diarienummer) of the lock, or NULL; may be empty after an acute lock. */
    const char *login_lock_case_number;
    const pv_seal *seals; /**< at most PV_MAX_SEALS */
    size_t seal_count;
    const pv_guardian *guardians; /**< at most PV_MAX_GUARDIANS */
    size_t guardian_count;
    const pv_grant *grants; /**< at most PV_MAX_GRANTS */
    size_t grant_count;
    const pv_representative *representatives; /**< at most PV_MAX_REPRESENTATIVES */
    size_t representative_count;
    /** E2, L1, H1: the periods of the citizen's login lock (besides 'login_locked', which is one
        open period with 'login_lock_requested_by' and 'login_lock_case_number'). */
    const pv_lock_period *login_lock_periods;
    size_t login_lock_period_count;
    /** G4, G5, H1: the periods of the citizen's protected identity (besides the flag). */
    const pv_interval *protected_identity_periods;
    size_t protected_identity_period_count;
} pv_citizen;

/** Initialises a pv_citizen: no birth date yet (set it or the personnummer), nothing else. */
#define PV_CITIZEN_INIT                                                                            \
    {                                                                                              \
        PV_CITIZEN_VERSION, {0, 0, 0}, NULL, false, false, PV_REQUESTER_CARE, NULL, NULL, 0, NULL, \
            0, NULL, 0, NULL, 0, NULL, 0, NULL, 0                                                  \
    }

/** Who is trying to reach the citizen's account or journal. 0 is nobody: it must be set. */
typedef enum pv_actor_kind {
    PV_ACTOR_KIND_UNSET = 0,     /**< invalid: the kind was not set */
    PV_ACTOR_SELF = 1,           /**< the citizen */
    PV_ACTOR_GUARDIAN = 2,       /**< a guardian, named by id */
    PV_ACTOR_REPRESENTATIVE = 3, /**< a legal representative, named by id */
    PV_ACTOR_OTHER = 4,          /**< anyone else */
    PV_ACTOR_KIND_COUNT = 5
} pv_actor_kind;

/** How the actor authenticated (E1: only BankID and Freja+ let anyone in). 0 is not known: it
    must be set (the JSON format's default, bankid, is the JSON reader's to apply). */
typedef enum pv_eid {
    PV_EID_UNSET = 0, /**< invalid: the e-ID was not set */
    PV_EID_BANKID = 1,
    PV_EID_FREJA_PLUS = 2,
    PV_EID_FREJA = 3,    /**< Freja eID without the Plus level */
    PV_EID_PASSWORD = 4, /**< password and SMS, withdrawn */
    PV_EID_OTHER = 5,
    PV_EID_NONE = 6, /**< no e-ID: a valid input that E1 denies */
    PV_EID_COUNT = 7
} pv_eid;

/** The version of pv_actor this header describes. */
#define PV_ACTOR_VERSION 1u

/** The actor. */
typedef struct pv_actor {
    uint32_t version;   /**< PV_ACTOR_VERSION (set by PV_ACTOR_INIT) */
    pv_actor_kind kind; /**< required */
    /** Required for a guardian or a representative: matched exactly against the record. */
    const char *id;
    pv_eid eid; /**< required */
    /** The actor's own login lock (E2). Must be false for PV_ACTOR_SELF: the citizen's record
        holds the citizen's lock. */
    bool login_locked;
    /** The actor's own journal account is sealed (E3). Must be false for PV_ACTOR_SELF. */
    bool journal_sealed;
} pv_actor;

/** Initialises a pv_actor: kind and e-ID unset (set both). */
#define PV_ACTOR_INIT                                                                              \
    { PV_ACTOR_VERSION, PV_ACTOR_KIND_UNSET, NULL, PV_EID_UNSET, false, false }

/** What is being reached. 0 is nothing: it must be set. */
typedef enum pv_service_kind {
    PV_SERVICE_KIND_UNSET = 0, /**< invalid: the service was not set */
    PV_SERVICE_E_SERVICES = 1, /**< 1177 e-tjänster */
    PV_SERVICE_JOURNAL = 2,    /**< 1177 journal */
    PV_SERVICE_KIND_COUNT = 3
} pv_service_kind;

/** How the journal is reached (E2). E-services are reached only through the portal. The
    zero value, the portal, is the default and the stricter channel. */
typedef enum pv_channel {
    PV_CHANNEL_PORTAL = 0, /**< from the logged-in 1177.se start page */
    PV_CHANNEL_DIRECT = 1, /**< a direct link to the journal, or the 1177 app */
    PV_CHANNEL_COUNT = 2
} pv_channel;

/** The version of pv_service this header describes. */
#define PV_SERVICE_VERSION 1u

/**
 * The service asked for. For the journal: no unit is the whole journal, a unit is that unit's
 * records, a unit and an entry date is one entry. E-services take neither, and only the portal.
 */
typedef struct pv_service {
    uint32_t version;     /**< PV_SERVICE_VERSION (set by PV_SERVICE_INIT) */
    pv_service_kind kind; /**< required */
    pv_channel channel;
    const char *unit;   /**< NULL for the whole journal */
    pv_date entry_date; /**< PV_DATE_NONE unless one entry is asked for; needs 'unit' */
} pv_service;

/** Initialises a pv_service: kind unset (set it), the portal, no unit, no entry. */
#define PV_SERVICE_INIT                                                                            \
    {                                                                                              \
        PV_SERVICE_VERSION, PV_SERVICE_KIND_UNSET, PV_CHANNEL_PORTAL, NULL, {                      \
            0, 0, 0                                                                                \
        }                                                                                          \
    }

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

/** Room for one flag a reason, now and in every later 0.x: pv_decision.reasons has this many
    bits and reason_rules this many entries, so that a reason added later moves nothing. */
#define PV_REASON_MAX 32

/** The version of pv_decision this header describes. */
#define PV_DECISION_VERSION 1u

/**
 * The answer of pv_evaluate(). The caller provides it, initialised with PV_DECISION_INIT;
 * pv_evaluate() fills every field. A decision whose version the library does not know gets only
 * the fail-closed deny of version 1 (effect deny, reason PV_REASON_INVALID_INPUT), and the call
 * fails naming "out.version".
 */
typedef struct pv_decision {
    uint32_t version; /**< PV_DECISION_VERSION */
    pv_effect effect;
    /** The primary reason: the permit basis, or the first deny reason in RULES.md order. */
    pv_reason reason;
    /** The rule that decided the primary reason (a permit basis has its rule too). */
    pv_rule rule;
    /** Every reason that stands in the way, one bit per pv_reason (bit 'r' is 1u << r); 0 when
        permitted. Use pv_decision_has_reason() to test one. */
    uint32_t reasons;
    /** The first date after the evaluation date on which the same inputs give another
        (effect, reason, filtered), or PV_DATE_NONE if none (T1). */
    pv_date changes_on;
    /** True when the permitted view hides something (RULES.md step 7). */
    bool filtered;
    /** The rule behind each reason in 'reasons' (PV_RULE_NONE for reasons not present), as
        bytes to keep the decision small. */
    unsigned char reason_rules[PV_REASON_MAX];
} pv_decision;

/** Initialises a pv_decision (an output). Its zero value is a deny. */
#define PV_DECISION_INIT                                                                           \
    {                                                                                              \
        PV_DECISION_VERSION, PV_EFFECT_DENY, PV_REASON_INVALID_INPUT, PV_RULE_NONE, 0, {0, 0, 0},  \
            false, {                                                                               \
            0                                                                                      \
        }                                                                                          \
    }

/* ## Evaluation ----------------------------------------------------------------------------- */

/**
 * Decides whether 'actor' may reach 'service' of 'citizen' on the date 'on' (RULES.md section 3,
 * steps 0 to 7, and T1), writing the decision into '*out'.
 *
 * Returns PV_OK with a permit or deny decision; or PV_ERR_INVALID_INPUT when any input is
 * malformed (section 8, V1), a required pointer is NULL, or a struct's version is not known
 * (0 included: a struct that was not initialised). Then '*out' is a deny with reason
 * PV_REASON_INVALID_INPUT and rule PV_RULE_V1, and '*error' names the offending field. If 'out'
 * itself is NULL nothing is written to it. Never allocates; the cost is O(n log n) in the size
 * of the record, which section 8 caps.
 */
PV_EXPORT PV_NODISCARD pv_status pv_evaluate(const pv_citizen *citizen, const pv_actor *actor,
                                             const pv_service *service, pv_date on,
                                             pv_decision *out, pv_error *error);

/**
 * As pv_evaluate(), but does not compute 'changes_on' (left PV_DATE_NONE): for callers that only
 * need the answer for one day and want it at the lowest cost.
 */
PV_EXPORT PV_NODISCARD pv_status pv_decide(const pv_citizen *citizen, const pv_actor *actor,
                                           const pv_service *service, pv_date on, pv_decision *out,
                                           pv_error *error);

/**
 * Checks the inputs without deciding (RULES.md section 8, V1). Returns PV_OK, or
 * PV_ERR_INVALID_INPUT with '*error' set exactly as pv_evaluate() sets it for invalid input.
 */
PV_EXPORT PV_NODISCARD pv_status pv_validate(const pv_citizen *citizen, const pv_actor *actor,
                                             const pv_service *service, pv_date on,
                                             pv_error *error);

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
PV_EXPORT PV_NODISCARD pv_status pv_reason_from_name(const char *name, pv_reason *out,
                                                     pv_error *error);

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
PV_EXPORT PV_NODISCARD pv_status pv_rule_from_name(const char *name, pv_rule *out, pv_error *error);

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

/* ## Names of the input enums --------------------------------------------------------------- */

/** Each returns the name used in the JSON format of RULES.md section 10 ("guardian",
    "freja_plus", "e_services", "direct", "unit", "care", "god_man"), or NULL for an unset value
    (0 where 0 is not a value) and out of range. */
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

#endif /* PORTVAKT_CORE_H */
