/*
 * portvakt_batch.h — many requests in one call: the answers of pv_evaluate() for a run of
 * requests, each citizen's record validated once per run. Included by <portvakt.h>.
 */
#ifndef PORTVAKT_BATCH_H
#define PORTVAKT_BATCH_H

#include "portvakt_core.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ## Evaluating many requests at once ----------------------------------------------------- */

/** The version of pv_query this header describes. */
#define PV_QUERY_VERSION 1u

/**
 * One request of pv_evaluate_many(): a citizen, an actor and a service, borrowed from the
 * caller. Requests that share a citizen should follow one another, since the record is
 * validated once for each run of consecutive requests with the same 'citizen' pointer.
 */
typedef struct pv_query {
    uint32_t version; /**< PV_QUERY_VERSION */
    const pv_citizen *citizen;
    const pv_actor *actor;
    const pv_service *service;
} pv_query;

/** Initialises a pv_query. */
#define PV_QUERY_INIT                                                                              \
    { PV_QUERY_VERSION, NULL, NULL, NULL }

/** The version of pv_outcome this header describes. */
#define PV_OUTCOME_VERSION 1u

/**
 * The answer to one request of pv_evaluate_many(): the pv_decision of pv_evaluate() in a
 * compact form (the enums as bytes). pv_outcome_to_decision() gives it back as a pv_decision.
 */
typedef struct pv_outcome {
    uint32_t version;   /**< PV_OUTCOME_VERSION */
    uint32_t reasons;   /**< as pv_decision.reasons */
    pv_date changes_on; /**< as pv_decision.changes_on (T1) */
    uint8_t effect;     /**< the pv_effect */
    uint8_t reason;     /**< the pv_reason: the permit basis or the primary deny reason */
    uint8_t rule;       /**< the pv_rule that decided 'reason' */
    bool filtered;      /**< as pv_decision.filtered */
    /** The rule behind each reason in 'reasons', as pv_decision.reason_rules. */
    unsigned char reason_rules[PV_REASON_MAX];
} pv_outcome;

/** Initialises a pv_outcome (an output): set element 0 of the array you pass. */
#define PV_OUTCOME_INIT                                                                            \
    {                                                                                              \
        PV_OUTCOME_VERSION, 0, {0, 0, 0}, 0, 0, 0, false, {                                        \
            0                                                                                      \
        }                                                                                          \
    }

/**
 * Evaluates 'count' requests on the date 'on' and writes the answer to request i into
 * 'outcomes[i]': the same answer as pv_evaluate(queries[i].citizen, queries[i].actor,
 * queries[i].service, on), changes_on included, at a lower cost per request. The date and each
 * run of consecutive requests with the same citizen pointer are validated once (RULES.md
 * section 8); each request's actor and service are validated on their own. 'queries[0]' and
 * 'outcomes[0]' give the versions (and so the layouts) of their arrays.
 *
 * Returns PV_OK when every request is valid. Returns PV_ERR_INVALID_INPUT when any is not
 * (V1): each invalid request's outcome is a deny with reason PV_REASON_INVALID_INPUT and rule
 * PV_RULE_V1 — for every request when 'on' is not a date, for every request of a run whose
 * citizen is malformed, or for the one request whose actor or service is — while the valid
 * requests still get their answers; '*error' names the first of them with its index
 * ("queries[7].actor.id"), and pv_validate() on another one names its field. Also returns
 * PV_ERR_INVALID_INPUT, writing no outcome, when 'count' is not 0 and 'queries' or 'outcomes' is
 * NULL or of a version the library does not know ("outcomes[0].version"). Never allocates.
 */
PV_EXPORT PV_NODISCARD pv_status pv_evaluate_many(const pv_query *queries, size_t count, pv_date on,
                                                  pv_outcome *outcomes, pv_error *error);

/**
 * Writes to '*out' the pv_decision that 'outcome' stands for, every field as pv_evaluate() sets
 * it. Returns PV_OK, or PV_ERR_INVALID_INPUT if 'outcome' or 'out' is NULL, of a version the
 * library does not know, or 'outcome' holds a value out of range ('*out' is then the deny for
 * invalid input, if it can be written).
 */
PV_EXPORT PV_NODISCARD pv_status pv_outcome_to_decision(const pv_outcome *outcome, pv_decision *out,
                                                        pv_error *error);

/**
 * Writes to '*out' the pv_outcome that 'decision' stands for (the compact record of
 * pv_evaluate_many(): what pv_outcome_to_decision() reads back). '*out' must be initialised with
 * PV_OUTCOME_INIT (its version says the layout). Returns PV_OK, or PV_ERR_INVALID_INPUT if
 * 'decision' or 'out' is NULL, of a version the library does not know, or 'decision' holds a value
 * out of range ('*out' is then the outcome of the deny for invalid input, if it can be written).
 */
PV_EXPORT PV_NODISCARD pv_status pv_outcome_from_decision(const pv_decision *decision,
                                                          pv_outcome *out, pv_error *error);

/** What pv_layout() measures (for bindings that read outcomes as bytes). */
typedef enum pv_layout_item {
    PV_LAYOUT_OUTCOME_SIZE = 0,       /**< sizeof(pv_outcome): the stride of an outcome array */
    PV_LAYOUT_OUTCOME_REASONS = 1,    /**< offsetof(pv_outcome, reasons): uint32_t */
    PV_LAYOUT_OUTCOME_CHANGES_ON = 2, /**< offsetof(pv_outcome, changes_on): pv_date */
    PV_LAYOUT_OUTCOME_EFFECT = 3,     /**< offsetof(pv_outcome, effect): uint8_t */
    PV_LAYOUT_OUTCOME_REASON = 4,     /**< offsetof(pv_outcome, reason): uint8_t */
    PV_LAYOUT_OUTCOME_RULE = 5,       /**< offsetof(pv_outcome, rule): uint8_t */
    PV_LAYOUT_OUTCOME_FILTERED = 6,   /**< offsetof(pv_outcome, filtered): bool, one byte */
    PV_LAYOUT_OUTCOME_REASON_RULES =
        7,                     /**< offsetof(pv_outcome, reason_rules): PV_REASON_MAX bytes */
    PV_LAYOUT_DATE_YEAR = 8,   /**< offsetof(pv_date, year): int16_t */
    PV_LAYOUT_DATE_MONTH = 9,  /**< offsetof(pv_date, month): uint8_t */
    PV_LAYOUT_DATE_DAY = 10,   /**< offsetof(pv_date, day): uint8_t */
    PV_LAYOUT_REASON_MAX = 11, /**< PV_REASON_MAX */
    PV_LAYOUT_ITEM_COUNT = 12
} pv_layout_item;

/**
 * Returns the size or offset 'item' names, as this library lays out the current version of its
 * structs (libsodium's crypto_box_noncebytes(): bindings read the layout, they do not repeat it),
 * or 0 if 'item' is out of range.
 */
PV_EXPORT size_t pv_layout(pv_layout_item item);

#ifdef __cplusplus
}
#endif

#endif /* PORTVAKT_BATCH_H */
