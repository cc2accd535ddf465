/*
 * cportvakt.i — the Python interface of the low-level module portvakt.cportvakt: the one thin
 * layer between the C library and the package portvakt. It imports nothing of the package and
 * calls nothing in it; the package stands on it. It adds Python's names and typemaps to the
 * language-neutral interface ../portvakt.i (which it includes at the end).
 *
 * The module mirrors include/portvakt_core.h, portvakt_batch.h and portvakt_beyond.h with the
 * pv_ / PV_ prefix dropped (pv_evaluate is cportvakt.evaluate, PV_REASON_UNIT_SEALED is
 * cportvakt.REASON_UNIT_SEALED, struct pv_seal is cportvakt.seal). Every conversion is a typemap
 * of this file, in one place:
 *
 *   - Errors: the extension defines the exceptions InvalidInput(field, detail) (a ValueError) and
 *     InvalidType (an InvalidInput and a TypeError); the package re-exports them. A status other
 *     than PV_OK raises InvalidInput with the field and the message of the call's pv_error (the
 *     last argument of every function that can fail, filled in the wrapper: no Python argument).
 *     A struct argument of another type raises InvalidType naming the argument.
 *   - Strings: a `const char *` borrows the UTF-8 buffer of the Python str it was given (no
 *     copy); the struct proxies keep every str stored in them alive (the Python code at the end).
 *     None is NULL; a str with an embedded NUL is refused.
 *   - Dates: a pv_date is a datetime.date (not a datetime) or None (PV_DATE_NONE) in both
 *     directions; an int (days since 1970-01-01) is accepted too. Members are values.
 *   - Decisions: evaluate and decide, and the rows of who_can_see and timeline, return a
 *     decision as the bytes of one pv_outcome (the record of pv_evaluate_many): one codec, whose
 *     layout the package reads from pv_layout() (cportvakt.layout). validate returns None.
 *   - Arrays: a citizen's arrays are set whole from a sequence of struct proxies
 *     (citizen.seals = [s1, s2]); one generic typemap gives the C function the array and its
 *     length together, so no count can disagree with its array. The citizen owns the copy.
 *   - Every struct proxy made from Python starts as its PV_<NAME>_INIT macro makes it, version
 *     included (the macros themselves are not wrapped).
 *   - What Python needs beyond the headers (many requests in one call, the questions beyond a
 *     yes/no as Python values, a prepared record, the audit's line reader) is C of its own in
 *     ext/ (pv_py_*.c, one header each, wrapped here by %include) and ../common/: no C is
 *     written in this file but the short bodies of its typemaps.
 */
%module(package="portvakt") cportvakt

%{
#include <string.h>
#include "portvakt.h"
#include "pv_py.h"
#include "pv_py_audit.h"
#include "pv_py_batch.h"
#include "pv_py_beyond.h"
#include "pv_py_prepared.h"
#include "pv_py_prepared_type.h"
%}

/* ---- Names --------------------------------------------------------------------------------- */

%rename("%(regex:/^(pv_|PV_)(.*)/\\2/)s") "";
%rename(from_) from;
%rename(prepare) pv_py_prepare;
%rename(record_read) pv_py_record_read;

/* The decision struct and its accessors are replaced by the record of the decision functions;
   the other output structs by the lists and tuples their functions return (pv_py_beyond.h), so
   that no Python object ever holds a pointer into a caller's buffer or record. */
%ignore pv_decision;
%ignore pv_access_row;
%ignore pv_timeline_step;
%ignore pv_advice;
%ignore pv_measure;
%ignore pv_plan;
%ignore pv_permission;
%ignore pv_decision_has_reason;
%ignore pv_decision_reason_count;
%ignore pv_decision_reason_at;
%ignore pv_decision_reason_rule;
%ignore pv_who_can_see;
%ignore pv_timeline;
%ignore pv_advise;
%ignore pv_plan_measures;
%ignore pv_prove_plan;
%ignore pv_may_change;
/* Many requests go through batch_evaluate_many (pv_py_batch.h) and a prepared record through
   prepare (pv_py_prepared.h): their C forms are not wrapped. */
%ignore pv_query;
%ignore pv_outcome;
%ignore pv_evaluate_many;
%ignore pv_outcome_to_decision;
%ignore pv_outcome_from_decision;
%ignore pv_prepare;
%ignore pv_evaluate_prepared;
%ignore pv_prepared_check;
/* The two functions of a request are METH_FASTCALL functions of ext/pv_py_evaluate.c (no
   argument tuple per call); the module gets them at import. */
%ignore pv_evaluate;
%ignore pv_decide;

/* ---- The module: its exceptions, and the structs behind its proxies for ext/ ---------------- */

%{
/* The struct behind 'obj' if it is a proxy of 'kind', and its owner (only this file knows SWIG's
   types). */
static void *pv_py_swig_unwrap(PyObject *obj, pv_py_kind kind, PyObject **owner) {
    swig_type_info *const types[PV_PY_KIND_COUNT] = {
        SWIGTYPE_p_pv_citizen, SWIGTYPE_p_pv_actor, SWIGTYPE_p_pv_service,
        SWIGTYPE_p_pv_seal, SWIGTYPE_p_pv_guardian, SWIGTYPE_p_pv_grant,
        SWIGTYPE_p_pv_representative, SWIGTYPE_p_pv_lock_period, SWIGTYPE_p_pv_interval,
        SWIGTYPE_p_pv_goal};
    void *pointer = NULL;
    *owner = (PyObject *)SWIG_Python_GetSwigThis(obj);
    if (*owner != NULL && SWIG_IsOK(SWIG_ConvertPtr(*owner, &pointer, types[kind], 0))) return pointer;
    PyErr_Clear();
    return NULL;
}
%}
%init %{
    if (pv_py_init(m, pv_py_swig_unwrap) < 0 || pv_py_prepared_init(m) < 0 ||
        pv_py_evaluate_init(m) < 0) return NULL;
%}

/* ---- The error channel ---------------------------------------------------------------------- */

/* The hook of ../portvakt.i: a status other than PV_OK drops what the out-parameters built and
   raises InvalidInput(field, message). */
%define PV_RAISE_ERROR(ERR, FIELD)
pv_py_raise(ERR, FIELD);
Py_XDECREF($result);
$result = NULL;
SWIG_fail;
%enddef

/* pv_status carries no information once the pv_error typemap has checked it. */
%typemap(out) pv_status "$result = SWIG_Py_Void();"

/* ---- Structs in: InvalidType naming the argument ------------------------------------------- */

/* A struct argument takes the proxy of its type or None (NULL, which the library refuses as V1);
   any other object raises InvalidType naming the argument ("citizen", "actor" ...). */
%define PV_STRUCT_IN(TYPE, KIND)
%typemap(in) const TYPE * (int ok = 1)
    "$1 = ($1_ltype)pv_py_struct_in($input, KIND, \"$1_name\", &ok); if (!ok) { SWIG_fail; }"
%enddef
PV_STRUCT_IN(pv_citizen, PV_PY_CITIZEN)
PV_STRUCT_IN(pv_actor, PV_PY_ACTOR)
PV_STRUCT_IN(pv_service, PV_PY_SERVICE)
PV_STRUCT_IN(pv_goal, PV_PY_GOAL)

/* The struct of a member accessor, a set_<member> or a destructor: None (NULL) raises
   InvalidType, never a read through NULL. */
%typemap(check) SWIGTYPE *self
    "if ($1 == NULL) { pv_py_raise_type(\"self\", \"must be a proxy of its cportvakt struct\"); SWIG_fail; }"

/* ---- Strings ------------------------------------------------------------------------------- */

/* A str (borrowed UTF-8, no copy) or None (NULL); nothing is allocated, so nothing is freed. A
   member keeps the borrowed pointer; the proxy keeps the str alive (see the end). */
%typemap(in) const char * (const char *text = NULL)
    "if (pv_py_text_in($input, \"$1_name\", &text) != 0) { SWIG_fail; } $1 = ($1_ltype)text;"
%typemap(typecheck, precedence=SWIG_TYPECHECK_STRING) const char *
    "$1 = ($input == Py_None || PyUnicode_Check($input)) ? 1 : 0;"
%typemap(freearg) const char * ""
%typemap(memberin) const char * "$1 = $input;"

/* ---- Dates --------------------------------------------------------------------------------- */

/* A datetime.date (not a datetime), None (PV_DATE_NONE) or an int (days since 1970-01-01). */
%typemap(in) pv_date "if (pv_py_date_in($input, \"$1_name\", &$1) != 0) SWIG_fail;"
%typemap(typecheck) pv_date "$1 = pv_py_date_check($input);"
%typemap(out) pv_date "if (($result = pv_py_date_or_none($1)) == NULL) SWIG_fail;"

/* ---- Out-parameters: added to the result on PV_OK ------------------------------------------ */

%typemap(in, numinputs=0) pv_date *out (pv_date temp = {0, 0, 0}) "$1 = &temp;"
%typemap(argout) pv_date *out
    "if (result == PV_OK) $result = SWIG_Python_AppendOutput($result, pv_py_date_or_none(*$1));"

%typemap(in, numinputs=0) int *out (int temp = 0) "$1 = &temp;"
%typemap(in, numinputs=0) pv_reason *out (pv_reason temp = PV_REASON_INVALID_INPUT) "$1 = &temp;"
%typemap(in, numinputs=0) pv_rule *out (pv_rule temp = PV_RULE_NONE) "$1 = &temp;"
%typemap(argout) int *out, pv_reason *out, pv_rule *out
    "if (result == PV_OK) $result = SWIG_Python_AppendOutput($result, PyLong_FromLong((long)*$1));"

/* pv_date_format: the buffer is local, the result a str. */
%typemap(in, numinputs=0) (char *buf, size_t size) (char temp[PV_DATE_STRING_SIZE])
    "$1 = temp; $2 = sizeof temp;"
%typemap(argout) (char *buf, size_t size)
    "if (result == PV_OK) $result = SWIG_Python_AppendOutput($result, PyUnicode_FromString($1));"

/* pv_citizen_units: a tuple of str (copies), the buffer local and as large as any record. */
%typemap(in, numinputs=0) (const char **units, size_t capacity, size_t *count)
    (const char *temp[PV_MAX_SEALS + PV_MAX_GRANTS], size_t n = 0)
    "$1 = ($1_ltype)temp; $2 = sizeof temp / sizeof temp[0]; $3 = &n;"
%typemap(argout) (const char **units, size_t capacity, size_t *count)
    "if (result == PV_OK) $result = SWIG_Python_AppendOutput($result, pv_py_str_tuple((const char *const *)$1, *$3));"

/* pv_pnr_parse: a cportvakt.pnr of its own (a copy), or InvalidInput("text", the sentence). */
%typemap(in, numinputs=0) pv_pnr *out (pv_pnr temp)
    "{ const pv_pnr init = PV_PNR_INIT; temp = init; } $1 = &temp;"
%typemap(argout) pv_pnr *out {
    if (result == PV_OK) {
        pv_pnr *copy = (pv_pnr *)malloc(sizeof *copy);
        if (copy == NULL) SWIG_fail;
        *copy = *$1;
        $result = SWIG_Python_AppendOutput($result,
            SWIG_NewPointerObj(copy, $descriptor(pv_pnr *), SWIG_POINTER_OWN));
    }
}

/* The decision functions: the record of the decision (bytes, see the top). */
%typemap(in, numinputs=0) pv_decision *out (pv_decision decision)
    "{ const pv_decision init = PV_DECISION_INIT; decision = init; } $1 = &decision;"
%typemap(argout) pv_decision *out {
    if (result == PV_OK) {
        Py_XDECREF($result);
        if (($result = pv_py_decision_record($1)) == NULL) SWIG_fail;
    }
}

/* ---- Arrays with their length ---------------------------------------------------------------- */

/* The one typemap for an array and its length (../portvakt.i's set_<member>): a sequence of
   proxies of TYPE (or None), copied into a new C array that the struct then owns. */
%define PV_ARRAY_TYPEMAP(TYPE, KIND)
%typemap(in) (const TYPE *items, size_t count) (void *items = NULL)
    "if (pv_py_array_in($input, KIND, sizeof(TYPE), \"items\", &items, &$2) < 0) { SWIG_fail; }
     $1 = ($1_ltype)items;"
%enddef
PV_ARRAY_TYPEMAP(pv_seal, PV_PY_SEAL)
PV_ARRAY_TYPEMAP(pv_guardian, PV_PY_GUARDIAN)
PV_ARRAY_TYPEMAP(pv_grant, PV_PY_GRANT)
PV_ARRAY_TYPEMAP(pv_representative, PV_PY_REPRESENTATIVE)
PV_ARRAY_TYPEMAP(pv_lock_period, PV_PY_LOCK_PERIOD)
PV_ARRAY_TYPEMAP(pv_interval, PV_PY_INTERVAL)

/* ---- The API: the language-neutral interface, then what Python adds ------------------------- */

%include "portvakt.i"

%include "pv_py_batch.h"
%include "pv_py_beyond.h"
%include "pv_py_prepared.h"
%include "pv_py_audit.h"

/* ---- Python: keeping borrowed strings alive ------------------------------------------------- */

%pythoncode %{
# The exceptions the extension defines (see pv_py_init in ext/pv_py_base.c).
InvalidInput = _cportvakt.InvalidInput
InvalidType = _cportvakt.InvalidType
Prepared = _cportvakt.Prepared

# The functions called once a request: the extension's own, without SWIG's forwarding def.
evaluate = _cportvakt.evaluate
decide = _cportvakt.decide
prepare = _cportvakt.prepare
batch_evaluate_many = _cportvakt.batch_evaluate_many
batch_evaluate_compiled = _cportvakt.batch_evaluate_compiled


def _pv_keep(obj, key, value):
    """Holds 'value' for as long as the proxy 'obj' lives."""
    refs = obj.__dict__.get("_pv_refs")
    if refs is None:
        refs = obj.__dict__["_pv_refs"] = {}
    refs[key] = value


def _pv_keeping(cls, name):
    """Makes the member property 'name' of 'cls' hold what it is given."""
    prop = getattr(cls, name)

    def setter(self, value, _fset=prop.fset, _name=name):
        _fset(self, value)
        _pv_keep(self, _name, value)

    setattr(cls, name, property(prop.fget, setter, doc=prop.__doc__))


def _pv_array(name, cls=None):
    """The citizen's array 'name': set whole from a sequence of structs (copied, with its length,
    into the citizen), read back as the tuple it was set from. The citizen holds the strs the
    copies point into, as they were when the array was set."""

    def getter(self):
        return self.__dict__.get("_pv_items", {}).get(name, ())

    cls = citizen if cls is None else cls

    def setter(self, value, _set=getattr(cls, "set_" + name)):
        _set(self, value)  # InvalidType for anything but a sequence of the struct
        items = () if value is None else tuple(value)
        _pv_keep(self, name, [dict(item.__dict__.get("_pv_refs") or {}) for item in items])
        self.__dict__.setdefault("_pv_items", {})[name] = items

    setattr(cls, name, property(getter, setter))


for _cls, _names in (
    (seal, ("unit",)),
    (guardian, ("id",)),
    (grant, ("holder", "unit")),
    (representative, ("id",)),
    (citizen, ("personnummer", "login_lock_case_number")),
    (lock_period, ("case_number",)),
    (actor, ("id",)),
    (service, ("unit",)),
    (goal, ("guardian", "unit")),
):
    for _name in _names:
        _pv_keeping(_cls, _name)

for _name in ("seals", "guardians", "grants", "representatives", "login_lock_periods",
              "protected_identity_periods"):
    _pv_array(_name)
for _name in ("blocked_periods", "protected_identity_periods"):
    _pv_array(_name, guardian)
del _cls, _names, _name
%}
