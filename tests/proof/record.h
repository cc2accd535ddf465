/*
 * record.h — a citizen, an actor and a service of any content, for the proof harnesses: every
 * version, every enum value (out of range too), any date, any bool, ids and units of any bytes
 * and length up to 65 or NULL, and every count from 0 to one past its cap (RULES.md section 8)
 * with the array NULL or of that many elements — or a count of any size_t with an array of one
 * past the cap, which the library must refuse before reading past it.
 *
 * A harness may lower a bound (#define PROOF_SEALS 3 before including this) when the full cap
 * makes its analysis too slow; docs/PROOF.md says which and why that proves the same.
 */
#ifndef PV_PROOF_RECORD_H
#define PV_PROOF_RECORD_H

#include "nondet.h"

/* The caps of section 8, one past each, unless the harness lowers them. */
#ifndef PROOF_SEALS
#define PROOF_SEALS (PV_MAX_SEALS + 1)
#endif
#ifndef PROOF_GRANTS
#define PROOF_GRANTS (PV_MAX_GRANTS + 1)
#endif
#ifndef PROOF_GUARDIANS
#define PROOF_GUARDIANS (PV_MAX_GUARDIANS + 1)
#endif
#ifndef PROOF_REPRESENTATIVES
#define PROOF_REPRESENTATIVES (PV_MAX_REPRESENTATIVES + 1)
#endif
#ifndef PROOF_PERIODS
#define PROOF_PERIODS (PV_MAX_PERIODS + 1)
#endif

/* The strings of a record: a few buffers of any bytes, each pointer of the record one of them
   or NULL. Which string a field holds is unknown, so two ids may be the same one or not. */
#define PROOF_STRINGS 3
static char proof_ids[PROOF_STRINGS][ANY_ID_SIZE];
static char proof_case_number[PV_CASE_NUMBER_MAX + 2 + 3];

static pv_seal proof_seals[PROOF_SEALS];
static pv_grant proof_grants[PROOF_GRANTS];
static pv_guardian proof_guardians[PROOF_GUARDIANS];
static pv_representative proof_representatives[PROOF_REPRESENTATIVES];
static pv_lock_period proof_lock_periods[PROOF_PERIODS];
/* The periods of every fact of section 11 (each guardian's too: the library only reads them). */
static pv_interval proof_periods[PROOF_PERIODS];

/* Any bytes, the last one NUL: every string up to the size less one, each in a buffer of the
   full size (not the tight buffers of any_string(): see docs/PROOF.md). */
static void proof_fill(char *buf, size_t size) {
    Frama_C_make_unknown(buf, size - 1);
    buf[size - 1] = '\0';
}

static void proof_strings(void) {
    for (int i = 0; i < PROOF_STRINGS; i++) proof_fill(proof_ids[i], ANY_ID_SIZE);
    proof_fill(proof_case_number, sizeof proof_case_number);
}

/* PROOF_SHAPED: pointers never NULL and counts within the arrays (every other field of any
   content), the part of the input space past the checks of NULL pointers and caps. */
#ifdef PROOF_SHAPED
#define PROOF_NULL_CHOICE 0
#else
#define PROOF_NULL_CHOICE 1
#endif

/* Any pointer to 'p' or NULL (not NULL under PROOF_SHAPED). */
#define any_ptr(p) (Frama_C_nondet(0, PROOF_NULL_CHOICE) ? NULL : (p))

/* One of the strings, or NULL. */
static const char *any_id(void) {
    switch (Frama_C_interval(0, PROOF_STRINGS - 1 + PROOF_NULL_CHOICE)) {
    case 0: return proof_ids[0];
    case 1: return proof_ids[1];
    case 2: return proof_ids[2];
    default: return NULL;
    }
}

static pv_interval any_interval(void) {
    pv_interval v;
    v.from = any_date();
    v.until = any_date();
    return v;
}

/* A count of an array of 'size' elements (one past its cap): 0 to size, or anything beyond. */
static size_t any_count(size_t size) {
    if (!PROOF_NULL_CHOICE) return Frama_C_size_t_interval(0, size);
    return Frama_C_nondet(0, 1) ? Frama_C_size_t_interval(0, size)
                                : Frama_C_size_t_interval(size, SIZE_MAX);
}

/* Fills the arrays, each element of any content. The loops are unrolled so that each element is
   written on its own: a loop analysed as one abstract round would mix the members of
   neighbouring elements (a pointer and the bytes of a date) into values no caller can pass. */
static void proof_arrays(void) {
    /*@ loop unroll PROOF_PERIODS; */
    for (size_t i = 0; i < PROOF_PERIODS; i++) {
        proof_periods[i] = any_interval();
        pv_lock_period *p = &proof_lock_periods[i];
        p->version = any_version();
        p->when = any_interval();
        p->requested_by = (pv_requester)any_int();
        p->case_number = any_ptr(proof_case_number);
    }
    /*@ loop unroll PROOF_SEALS; */
    for (size_t i = 0; i < PROOF_SEALS; i++) {
        pv_seal *s = &proof_seals[i];
        s->version = any_version();
        s->scope = (pv_seal_scope)any_int();
        s->unit = any_id();
        s->active = any_interval();
        s->has_content = any_bool();
        s->content = any_interval();
        s->requested_by = (pv_requester)any_int();
    }
    /*@ loop unroll PROOF_GRANTS; */
    for (size_t i = 0; i < PROOF_GRANTS; i++) {
        pv_grant *g = &proof_grants[i];
        g->version = any_version();
        g->holder = any_id();
        g->unit = any_id();
        g->from = any_date();
        g->until = any_date();
    }
    /*@ loop unroll PROOF_GUARDIANS; */
    for (size_t i = 0; i < PROOF_GUARDIANS; i++) {
        pv_guardian *g = &proof_guardians[i];
        g->version = any_version();
        g->id = any_id();
        g->blocked = any_bool();
        g->protected_identity = any_bool();
        g->blocked_periods = any_ptr(proof_periods);
        g->blocked_period_count = any_count(PROOF_PERIODS);
        g->protected_identity_periods = any_ptr(proof_periods);
        g->protected_identity_period_count = any_count(PROOF_PERIODS);
    }
    /*@ loop unroll PROOF_REPRESENTATIVES; */
    for (size_t i = 0; i < PROOF_REPRESENTATIVES; i++) {
        pv_representative *r = &proof_representatives[i];
        r->version = any_version();
        r->id = any_id();
        r->kind = (pv_representative_kind)any_int();
        r->cares_for_person = any_bool();
        r->consent = any_bool();
        r->court_order = any_bool();
        r->from = any_date();
        r->until = any_date();
    }
}

/* A citizen of any content (proof_strings() and proof_arrays() called first). */
static void any_citizen(pv_citizen *c) {
    c->version = any_version();
    c->birth_date = any_date();
    c->personnummer = Frama_C_nondet(0, 1) ? proof_ids[0] : NULL;
    c->protected_identity = any_bool();
    c->login_locked = any_bool();
    c->login_lock_requested_by = (pv_requester)any_int();
    c->login_lock_case_number = any_ptr(proof_case_number);
    c->seals = any_ptr(proof_seals);
    c->seal_count = any_count(PROOF_SEALS);
    c->guardians = any_ptr(proof_guardians);
    c->guardian_count = any_count(PROOF_GUARDIANS);
    c->grants = any_ptr(proof_grants);
    c->grant_count = any_count(PROOF_GRANTS);
    c->representatives = any_ptr(proof_representatives);
    c->representative_count = any_count(PROOF_REPRESENTATIVES);
    c->login_lock_periods = any_ptr(proof_lock_periods);
    c->login_lock_period_count = any_count(PROOF_PERIODS);
    c->protected_identity_periods = any_ptr(proof_periods);
    c->protected_identity_period_count = any_count(PROOF_PERIODS);
}

/* The actor and the service: their id and unit NULL or not even under PROOF_SHAPED (a whole
   journal has no unit; a struct of the call, not of the record, whose NULL the analysis keeps
   apart). */
static void any_actor(pv_actor *a) {
    a->version = any_version();
    a->kind = (pv_actor_kind)any_int();
    a->id = Frama_C_nondet(0, 1) ? any_id() : NULL;
    a->eid = (pv_eid)any_int();
    a->login_locked = any_bool();
    a->journal_sealed = any_bool();
}

static void any_service(pv_service *s) {
    s->version = any_version();
    s->kind = (pv_service_kind)any_int();
    s->channel = (pv_channel)any_int();
    s->unit = Frama_C_nondet(0, 1) ? any_id() : NULL;
    s->entry_date = any_date();
}

/* The output decision as a caller passes it: its version any (PV_DECISION_INIT's among them),
   the rest uninitialised, so that reading a member before writing it is an alarm. */
static pv_decision *any_decision_out(pv_decision *d) {
    d->version = any_version();
    return any_ptr(d);
}

#endif
