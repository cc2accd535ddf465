/*
 * portvakt_beyond.h — questions beyond a yes/no, all answered by the decision procedure of
 * portvakt_core.h: who can see what, how a decision changes over time, the record checked
 * against the routines of RULES.md section 5, a measures plan with its proof, and who may change
 * a measure (section 7). Included by <portvakt.h>.
 */
#ifndef PORTVAKT_BEYOND_H
#define PORTVAKT_BEYOND_H

#include "portvakt_core.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ## What a record names --------------------------------------------------------------------- */

/**
 * The distinct units a record names (its unit seals, then its grants, first mention first), as
 * pointers into the record. Writes at most 'capacity' of them to 'units' and the number found to
 * '*count'. Returns PV_OK; PV_ERR_BUFFER_TOO_SMALL when 'capacity' is less than '*count' (ask
 * with 0); PV_ERR_INVALID_INPUT for a malformed record or date (section 8; '*count' 0). O(n log n).
 */
PV_EXPORT PV_NODISCARD pv_status pv_citizen_units(const pv_citizen *citizen, pv_date on,
                                                  const char **units, size_t capacity,
                                                  size_t *count, pv_error *error);

/**
 * Writes to '*out' the citizen's birth date on 'on' (A3): 'birth_date', or the personnummer read
 * against 'on' (N4). Returns PV_OK, or PV_ERR_INVALID_INPUT for a malformed record or date
 * ('*out' is then PV_DATE_NONE).
 */
PV_EXPORT PV_NODISCARD pv_status pv_citizen_birth_date(const pv_citizen *citizen, pv_date on,
                                                       pv_date *out, pv_error *error);

/* ## Questions beyond a yes/no -------------------------------------------------------------- */

/**
 * One row of pv_who_can_see(): an actor named in the record, a service and, for the journal, a
 * unit (NULL for the whole journal), with the decision for them.
 */
/** The version of pv_access_row this header describes. */
#define PV_ACCESS_ROW_VERSION 1u

typedef struct pv_access_row {
    uint32_t version;         /**< PV_ACCESS_ROW_VERSION */
    pv_actor_kind actor_kind; /**< self, guardian or representative */
    const char *actor_id;     /**< NULL for self; else points into the citizen's record */
    pv_service_kind service;
    const char *unit; /**< NULL for e-services and the whole journal; else into the record */
    /** The channel the row was asked through: the portal for the e-services, the direct
        channel for the journal (see pv_who_can_see()). */
    pv_channel channel;
    pv_decision decision;
} pv_access_row;

/** Initialises a pv_access_row (an output): set element 0 of the array you pass. */
#define PV_ACCESS_ROW_INIT                                                                         \
    {                                                                                              \
        PV_ACCESS_ROW_VERSION, PV_ACTOR_KIND_UNSET, NULL, PV_SERVICE_KIND_UNSET, NULL,             \
            PV_CHANNEL_PORTAL, PV_DECISION_INIT                                                    \
    }

/**
 * Who can see what: for every actor named in the record (the citizen, each guardian, each
 * representative, in that order), the e-services, the journal as a whole and each unit named
 * in the record (seals and grants, first mention first), each with its decision on 'on'. Each
 * actor is taken as logged in with BankID and without own lock or seal (the record holds
 * neither); the journal is asked through the direct channel, which the citizen's login lock
 * does not close (E2) — so a row shows what can still be reached.
 *
 * Writes at most 'capacity' rows to 'rows' (which may be NULL when 'capacity' is 0; else
 * 'rows[0].version' gives the layout) and the number of rows needed to '*count'. Returns PV_OK;
 * PV_ERR_BUFFER_TOO_SMALL when 'capacity' is less than '*count' (call with 0 to ask for the
 * size); PV_ERR_INVALID_INPUT when the citizen is malformed or 'rows' is not initialised (then
 * '*count' is 0 and '*error' names the field). The cost is proportional to the number of rows
 * times the size of the record (O(n log n) each).
 */
PV_EXPORT PV_NODISCARD pv_status pv_who_can_see(const pv_citizen *citizen, pv_date on,
                                                pv_access_row *rows, size_t capacity, size_t *count,
                                                pv_error *error);

/** One step of a timeline: from 'from' on, the decision is 'decision' (until the next step). */
/** The version of pv_timeline_step this header describes. */
#define PV_TIMELINE_STEP_VERSION 1u

typedef struct pv_timeline_step {
    uint32_t version; /**< PV_TIMELINE_STEP_VERSION */
    pv_date from;
    pv_decision decision;
} pv_timeline_step;

/** Initialises a pv_timeline_step (an output): set element 0 of the array you pass. */
#define PV_TIMELINE_STEP_INIT                                                                      \
    { PV_TIMELINE_STEP_VERSION, {0, 0, 0}, PV_DECISION_INIT }

/**
 * The decisions of 'actor' for 'service' from 'from' to 'until' (inclusive): the first step is
 * the decision on 'from', each further step the date on which it changes (T1) and the new
 * decision. Writes at most 'capacity' steps ('steps[0].version' gives the layout) and the
 * number needed to '*count'. Returns PV_OK, PV_ERR_BUFFER_TOO_SMALL, or PV_ERR_INVALID_INPUT:
 * a bad date ("from", "until"), 'until' before 'from', or input that is malformed on 'from'
 * (named as pv_evaluate() names it, with "from" in place of "on"); then '*count' is 0. Input
 * valid on 'from' that a later date of the span makes malformed (a ten-digit personnummer read
 * as another century, N4) gives the step of that date the decision pv_evaluate() gives then,
 * the fail-closed deny of V1 (INVALID_INPUT, no changes_on), and the timeline ends with it.
 */
PV_EXPORT PV_NODISCARD pv_status pv_timeline(const pv_citizen *citizen, const pv_actor *actor,
                                             const pv_service *service, pv_date from, pv_date until,
                                             pv_timeline_step *steps, size_t capacity,
                                             size_t *count, pv_error *error);

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

/** The version of pv_advice this header describes. */
#define PV_ADVICE_VERSION 1u

/** One advice item. */
typedef struct pv_advice {
    uint32_t version; /**< PV_ADVICE_VERSION */
    pv_advice_kind kind;
    const char *routine;  /**< "M-GUARD", "M-PROT", "M-13" or "X1" (static) */
    const char *source;   /**< the seeds the routine comes from, e.g. "seed 001, 000" (static) */
    const char *guardian; /**< the guardian concerned, or NULL (points into the record) */
    const char *message;  /**< an English sentence for staff (static) */
} pv_advice;

/** Initialises a pv_advice (an output): set element 0 of the array you pass. */
#define PV_ADVICE_INIT                                                                             \
    { PV_ADVICE_VERSION, PV_ADVICE_BLOCK_WITHOUT_LOCK, NULL, NULL, NULL, NULL }

/**
 * Checks the record against the routines of RULES.md section 5 on 'on' (ages matter). Writes at
 * most 'capacity' items ('items[0].version' gives the layout) and the number found to
 * '*count'. Returns PV_OK, PV_ERR_BUFFER_TOO_SMALL, or PV_ERR_INVALID_INPUT for a malformed
 * record or date ('*count' 0, '*error' names the field).
 */
PV_EXPORT PV_NODISCARD pv_status pv_advise(const pv_citizen *citizen, pv_date on, pv_advice *items,
                                           size_t capacity, size_t *count, pv_error *error);

/** What a measures plan should achieve. */
typedef enum pv_goal_kind {
    PV_GOAL_NOTHING = 0,      /**< the citizen reaches nothing (M-ALL) */
    PV_GOAL_NO_JOURNAL = 1,   /**< the citizen reaches no journal */
    PV_GOAL_GUARDIAN = 2,     /**< guardian 'guardian' reaches nothing of the child (M-GUARD) */
    PV_GOAL_HIDE_UNIT = 3,    /**< unit 'unit' is hidden from 'from' (or from 'on') */
    PV_GOAL_HIDE_ENTRIES = 4, /**< entries of 'unit' registered in [from, until] are hidden */
    PV_GOAL_KIND_COUNT = 5
} pv_goal_kind;

/** The version of pv_goal this header describes: 2 added 'horizon', after 0.1.0. */
#define PV_GOAL_VERSION 2u
/** Version 1 of pv_goal (0.1.0): every member up to 'until'; the proof's horizon is the
    default one. */
#define PV_GOAL_VERSION_1 1u

/** A goal for pv_plan_measures() and pv_prove_plan(). */
typedef struct pv_goal {
    uint32_t version; /**< PV_GOAL_VERSION */
    pv_goal_kind kind;
    const char *guardian; /**< PV_GOAL_GUARDIAN: an id among the citizen's guardians */
    const char *unit;     /**< PV_GOAL_HIDE_UNIT, PV_GOAL_HIDE_ENTRIES */
    pv_date from;         /**< PV_GOAL_HIDE_UNIT (optional), PV_GOAL_HIDE_ENTRIES */
    pv_date until;        /**< PV_GOAL_HIDE_ENTRIES */
    /** Version 2: the last day the proof covers (see pv_plan_measures()); PV_DATE_NONE for the
        default: the citizen's 18th birthday, or five years after the proof's first day for a
        citizen who is 18 or older on it. */
    pv_date horizon;
} pv_goal;

/** Initialises a pv_goal (the goal "nothing" until its kind is set, the default horizon). */
#define PV_GOAL_INIT                                                                               \
    {                                                                                              \
        PV_GOAL_VERSION, PV_GOAL_NOTHING, NULL, NULL, {0, 0, 0}, {0, 0, 0}, {                      \
            0, 0, 0                                                                                \
        }                                                                                          \
    }

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

/** A measure with nothing in it (for PV_PLAN_INIT). */
#define PV_MEASURE_INIT                                                                            \
    { PV_ACTION_LOCK_LOGIN, NULL, NULL, PV_SEAL_INIT, NULL }

/** The version of pv_plan this header describes: 2 added 'horizon' and 'fails_on', after 0.1.0. */
#define PV_PLAN_VERSION 2u
/** Version 1 of pv_plan (0.1.0): every member up to 'proven_on'. The proof still spans the
    horizon; only 'holds' can report it. */
#define PV_PLAN_VERSION_1 1u

/** A plan and its proof (an output of pv_plan_measures(); the input and output of
    pv_prove_plan()). Initialise it with PV_PLAN_INIT. */
typedef struct pv_plan {
    uint32_t version; /**< PV_PLAN_VERSION */
    pv_measure measures[PV_PLAN_MAX_MEASURES];
    size_t measure_count;
    /** The proof: the goal holds on the record with the unconditional measures applied, for
        every affected actor, service, channel and query, on 'proven_on' and on every later
        date up to 'horizon' on which one of those decisions changes (T1, H2). */
    bool holds;
    /** The number of (actor, service, channel, query) decisions the proof evaluated, over all
        the dates it visited. */
    size_t checked;
    /** The first day of the proof: 'on', or the goal's 'from' when later. */
    pv_date proven_on;
    /** Version 2: the last day of the proof: the goal's horizon, or the default one. */
    pv_date horizon;
    /** Version 2: the first date in [proven_on, horizon] on which the goal does not hold, or
        PV_DATE_NONE when it holds throughout ('holds'). */
    pv_date fails_on;
} pv_plan;

/** Initialises a pv_plan. */
#define PV_PLAN_INIT                                                                               \
    {                                                                                              \
        PV_PLAN_VERSION, {PV_MEASURE_INIT, PV_MEASURE_INIT, PV_MEASURE_INIT, PV_MEASURE_INIT}, 0,  \
            false, 0, {0, 0, 0}, {0, 0, 0}, {                                                      \
            0, 0, 0                                                                                \
        }                                                                                          \
    }

/** Records larger than this (seals or guardians) cannot be planned for without allocation. */
#define PV_PLAN_MAX_RECORD 64

/**
 * Plans the measures the routines of RULES.md section 5 call for to reach 'goal', then proves the
 * plan over time: applies its unconditional measures to a copy of the record (on the stack, no
 * allocation; each holds from the proof's first day on), evaluates every affected actor,
 * service, channel and query on 'proven_on', then again on the first date on which one of those
 * decisions changes (T1), and so on up to the horizon (H2: the facts of section 11 are read on
 * each date, so a protection that ends is seen). 'holds' is true when the goal holds on every
 * one of those dates; 'fails_on' names the first on which it does not. The horizon is the
 * goal's (version 2), or by default the citizen's 18th birthday (A1), or five years after
 * 'proven_on' for a citizen who is 18 or older on it. Each decision is evaluated on 'proven_on'
 * and again only on the dates it changes: O(checks + changes) evaluations.
 *
 * Returns PV_OK, or PV_ERR_INVALID_INPUT for a malformed record or goal (an unknown guardian, a
 * missing unit, bad dates, a horizon before the proof's first day ("goal.horizon"), more than
 * PV_PLAN_MAX_RECORD seals or guardians), with '*error' naming the field. A plan of version 1
 * is written only as far as version 1.
 */
PV_EXPORT PV_NODISCARD pv_status pv_plan_measures(const pv_citizen *citizen, const pv_goal *goal,
                                                  pv_date on, pv_plan *out, pv_error *error);

/**
 * Proves a caller's plan for 'goal' as pv_plan_measures() proves its own: the measures in
 * 'plan' (for instance a plan of pv_plan_measures() with a measure left out) are applied and the
 * proof over time is written into 'plan' ('holds', 'checked', 'proven_on' and, from version 2,
 * 'horizon' and 'fails_on'); the measures are left as they are. A measure is a lock of the
 * citizen's login, a seal or a guardian's block; one with a 'condition' is not applied.
 *
 * Returns PV_OK, or PV_ERR_INVALID_INPUT as pv_plan_measures(), and for a plan whose measures
 * cannot be applied: more than PV_PLAN_MAX_MEASURES ("plan.measure_count"), another action
 * ("plan.measures[1].action"), a guardian not in the record ("plan.measures[0].guardian"), a
 * malformed seal ("plan.measures[2].seal"); then 'holds' is false.
 */
PV_EXPORT PV_NODISCARD pv_status pv_prove_plan(const pv_citizen *citizen, const pv_goal *goal,
                                               pv_date on, pv_plan *plan, pv_error *error);

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

/** The version of pv_permission this header describes. */
#define PV_PERMISSION_VERSION 1u

/** The answer of pv_may_change() (an output: initialise it with PV_PERMISSION_INIT). */
typedef struct pv_permission {
    uint32_t version; /**< PV_PERMISSION_VERSION */
    bool allowed;     /**< the role plays a part in the change */
    pv_part part;     /**< which part (the strongest it plays) */
    pv_rule rule;     /**< the rule of section 7 that answers (X1 ... X7) */
    const char *conditions[PV_MAY_MAX_CONDITIONS]; /**< static English sentences */
    size_t condition_count;
} pv_permission;

/** Initialises a pv_permission. */
#define PV_PERMISSION_INIT                                                                         \
    { PV_PERMISSION_VERSION, false, PV_PART_NONE, PV_RULE_NONE, {NULL}, 0 }

/**
 * May 'role' take part in 'action' on 'citizen' (RULES.md section 7, X1 to X7)? 'measure' is the
 * index of the seal (for PV_ACTION_UNSEAL, where it is required: who set the seal decides who
 * may lift it, X4) or of the guardian (block, unblock) concerned, or -1 for none. Returns PV_OK,
 * or PV_ERR_INVALID_INPUT for an out-of-range role ("role") or action ("action"), a malformed
 * record, an unseal without a seal index ("measure": is required), or a 'measure' that names
 * nothing ("measure"); '*out' then denies and '*error' names the field.
 */
PV_EXPORT PV_NODISCARD pv_status pv_may_change(pv_role role, pv_action action,
                                               const pv_citizen *citizen, long measure, pv_date on,
                                               pv_permission *out, pv_error *error);

/** Names of the enums above ("block_guardian", "central_support", "ask", "M-GUARD" ...), or NULL
    out of range. */
PV_EXPORT const char *pv_action_name(pv_action action);
PV_EXPORT const char *pv_role_name(pv_role role);
PV_EXPORT const char *pv_part_name(pv_part part);
PV_EXPORT const char *pv_goal_kind_name(pv_goal_kind kind);

#ifdef __cplusplus
}
#endif

#endif /* PORTVAKT_BEYOND_H */
