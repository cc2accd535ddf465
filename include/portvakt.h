/*
 * portvakt.h — the access rules of the 1177 patient portal as a C library: the one header a
 * program includes.
 *
 *   portvakt_core.h    the decision (RULES.md section 3): inputs, pv_evaluate(), decisions,
 *                      reasons, rules, messages; the error channel and the versioned structs
 *                      (read its opening comment first)
 *   portvakt_batch.h   many requests in one call (pv_evaluate_many)
 *   portvakt_beyond.h  who can see, timelines, advice, measures plans, who may change what
 *   portvakt_prepared.h  a record validated once and asked many times (pv_prepare,
 *                      pv_evaluate_prepared)
 *
 * The core changes least; the batch and beyond-yes/no APIs live in their own headers so that
 * their growth does not churn it.
 */
#ifndef PORTVAKT_H
#define PORTVAKT_H

#include "portvakt_core.h"
#include "portvakt_batch.h"
#include "portvakt_beyond.h"
#include "portvakt_prepared.h"

#endif /* PORTVAKT_H */
