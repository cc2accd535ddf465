/*
 * portvakt.i — the language-neutral SWIG interface of the C API (include/portvakt.h). It holds
 * no code of any one language: a language's interface (bindings/<language>/*.i) says its
 * %module, its names (%rename), what it replaces with shapes of its own (%ignore), its typemaps,
 * and then %includes this file, which wraps the headers as they are:
 *
 *   - Structs: every struct with a PV_<NAME>_INIT macro gets a constructor that starts it as the
 *     macro does, version included, so that a struct made in any language is never the all-zero
 *     struct the library refuses (the macros are brace initialisers, which SWIG cannot wrap).
 *   - Arrays: the pointer members of pv_citizen and pv_guardian are not wrapped and their counts
 *     are read-only; each array is set whole by set_<member>(items, count), which frees the old
 *     copy and owns the new one (freed with the struct). A language supplies the typemap
 *     (const T *items, size_t count) for T in pv_seal, pv_guardian, pv_grant, pv_representative,
 *     pv_lock_period and pv_interval, giving a copy allocated with malloc().
 *   - Enums and constants: wrapped as the headers define them.
 *   - Errors: every function that can fail returns pv_status and takes a pv_error *error last.
 *     That argument is a local of the wrapper (no argument in the language); after the call, a
 *     status other than PV_OK runs the language's hook
 *
 *         PV_RAISE_ERROR(ERR, FIELD)
 *
 *     a %define the language makes before including this file: it turns the pv_error *ERR
 *     (field and message; FIELD is the field to name when ERR names none) into the language's
 *     error and leaves the wrapper (Python: raise InvalidInput; Java: throw). The pv_status
 *     itself is mapped by the language (a status that is not PV_OK never reaches it).
 *
 * The language's typemaps (dates, strings, out-parameters, arrays) must be defined before this
 * file is included: the headers are parsed at its end.
 */

#ifndef PV_RAISE_ERROR
#error "define PV_RAISE_ERROR(ERR, FIELD) before %include \"portvakt.i\""
#endif

%{
#include <stdlib.h>
#include "portvakt.h"
%}

%include <stdint.i>

/* ---- What SWIG cannot wrap, or must not ------------------------------------------------------ */

/* The PV_<NAME>_INIT macros are brace initialisers: the constructors below stand for them. */
%ignore PV_ERROR_INIT;
%ignore PV_PNR_INIT;
%ignore PV_SEAL_INIT;
%ignore PV_GUARDIAN_INIT;
%ignore PV_LOCK_PERIOD_INIT;
%ignore PV_GRANT_INIT;
%ignore PV_REPRESENTATIVE_INIT;
%ignore PV_CITIZEN_INIT;
%ignore PV_ACTOR_INIT;
%ignore PV_SERVICE_INIT;
%ignore PV_DECISION_INIT;
%ignore PV_QUERY_INIT;
%ignore PV_OUTCOME_INIT;
%ignore PV_ACCESS_ROW_INIT;
%ignore PV_TIMELINE_STEP_INIT;
%ignore PV_ADVICE_INIT;
%ignore PV_GOAL_INIT;
%ignore PV_MEASURE_INIT;
%ignore PV_PLAN_INIT;
%ignore PV_PERMISSION_INIT;

/* pv_error is filled inside the wrappers (the typemaps below): no struct for it. */
%ignore pv_error;

/* The arrays of a citizen and of a guardian (H1) are set whole with their length (set_<member>
   below): the pointers are not wrapped and the counts are read-only, so that no count can
   disagree with its array. */
%ignore pv_citizen::seals;
%ignore pv_citizen::guardians;
%ignore pv_citizen::grants;
%ignore pv_citizen::representatives;
%ignore pv_citizen::login_lock_periods;
%ignore pv_citizen::protected_identity_periods;
%ignore pv_guardian::blocked_periods;
%ignore pv_guardian::protected_identity_periods;
%immutable pv_citizen::seal_count;
%immutable pv_citizen::guardian_count;
%immutable pv_citizen::grant_count;
%immutable pv_citizen::representative_count;
%immutable pv_citizen::login_lock_period_count;
%immutable pv_citizen::protected_identity_period_count;
%immutable pv_guardian::blocked_period_count;
%immutable pv_guardian::protected_identity_period_count;

/* Dates and intervals are values: members of these types are read and written as copies. */
%naturalvar pv_date;
%naturalvar pv_interval;

/* Strings the library returns are static and valid for the life of the program. */
%immutable pv_pnr::normalized;

/* ---- Structs started as their INIT macro starts them ------------------------------------------ */

%define PV_VERSIONED_CONSTRUCTOR(TYPE, INIT)
%extend TYPE {
    TYPE() {
        TYPE *p = (TYPE *)calloc(1, sizeof *p);
        const TYPE init = INIT;
        if (p != NULL) *p = init;
        return p;
    }
}
%enddef
PV_VERSIONED_CONSTRUCTOR(pv_pnr, PV_PNR_INIT)
PV_VERSIONED_CONSTRUCTOR(pv_seal, PV_SEAL_INIT)
PV_VERSIONED_CONSTRUCTOR(pv_lock_period, PV_LOCK_PERIOD_INIT)
PV_VERSIONED_CONSTRUCTOR(pv_grant, PV_GRANT_INIT)
PV_VERSIONED_CONSTRUCTOR(pv_representative, PV_REPRESENTATIVE_INIT)
PV_VERSIONED_CONSTRUCTOR(pv_actor, PV_ACTOR_INIT)
PV_VERSIONED_CONSTRUCTOR(pv_service, PV_SERVICE_INIT)
PV_VERSIONED_CONSTRUCTOR(pv_decision, PV_DECISION_INIT)
PV_VERSIONED_CONSTRUCTOR(pv_query, PV_QUERY_INIT)
PV_VERSIONED_CONSTRUCTOR(pv_outcome, PV_OUTCOME_INIT)
PV_VERSIONED_CONSTRUCTOR(pv_access_row, PV_ACCESS_ROW_INIT)
PV_VERSIONED_CONSTRUCTOR(pv_timeline_step, PV_TIMELINE_STEP_INIT)
PV_VERSIONED_CONSTRUCTOR(pv_advice, PV_ADVICE_INIT)
PV_VERSIONED_CONSTRUCTOR(pv_goal, PV_GOAL_INIT)
PV_VERSIONED_CONSTRUCTOR(pv_measure, PV_MEASURE_INIT)
PV_VERSIONED_CONSTRUCTOR(pv_plan, PV_PLAN_INIT)
PV_VERSIONED_CONSTRUCTOR(pv_permission, PV_PERMISSION_INIT)

/* ---- A citizen and a guardian own the copies of their arrays ---------------------------------- */

%extend pv_citizen {
    pv_citizen() {
        pv_citizen *p = (pv_citizen *)calloc(1, sizeof *p);
        const pv_citizen init = PV_CITIZEN_INIT;
        if (p != NULL) *p = init;
        return p;
    }
    ~pv_citizen() {
        free((void *)$self->seals);
        free((void *)$self->guardians);
        free((void *)$self->grants);
        free((void *)$self->representatives);
        free((void *)$self->login_lock_periods);
        free((void *)$self->protected_identity_periods);
        free($self);
    }
}

%extend pv_guardian {
    pv_guardian() {
        pv_guardian *p = (pv_guardian *)calloc(1, sizeof *p);
        const pv_guardian init = PV_GUARDIAN_INIT;
        if (p != NULL) *p = init;
        return p;
    }
    ~pv_guardian() {
        free((void *)$self->blocked_periods);
        free((void *)$self->protected_identity_periods);
        free($self);
    }
}

/* set_<member>(items, count): the array and its count set together, the old copy freed. */
%define PV_SET_ARRAY(OWNER, TYPE, MEMBER, COUNT)
%extend OWNER {
    void set_##MEMBER(const TYPE *items, size_t count) {
        free((void *)$self->MEMBER);
        $self->MEMBER = items;
        $self->COUNT = count;
    }
}
%enddef
PV_SET_ARRAY(pv_citizen, pv_seal, seals, seal_count)
PV_SET_ARRAY(pv_citizen, pv_guardian, guardians, guardian_count)
PV_SET_ARRAY(pv_citizen, pv_grant, grants, grant_count)
PV_SET_ARRAY(pv_citizen, pv_representative, representatives, representative_count)
PV_SET_ARRAY(pv_citizen, pv_lock_period, login_lock_periods, login_lock_period_count)
PV_SET_ARRAY(pv_citizen, pv_interval, protected_identity_periods, protected_identity_period_count)
PV_SET_ARRAY(pv_guardian, pv_interval, blocked_periods, blocked_period_count)
PV_SET_ARRAY(pv_guardian, pv_interval, protected_identity_periods, protected_identity_period_count)

/* ---- The error channel: pv_error into the language's error ------------------------------------ */

/* The last argument of every function that can fail: a local of the wrapper. Its argout runs
   after those of the out-parameters (which a language makes add to the result only on PV_OK). */
%typemap(in, numinputs=0) pv_error *error (pv_error err) {
    {
        const pv_error init = PV_ERROR_INIT;
        err = init;
    }
    $1 = &err;
}
%typemap(argout) pv_error *error {
    if (result != PV_OK) {
        PV_RAISE_ERROR($1, "input")
    }
}

/* ---- The API ----------------------------------------------------------------------------------- */

%include "portvakt_core.h"
%include "portvakt_batch.h"
%include "portvakt_beyond.h"
%include "portvakt_prepared.h"
