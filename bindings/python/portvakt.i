/*
 * portvakt.i — the SWIG interface of the low-level module portvakt.cportvakt.
 *
 * The module mirrors include/portvakt_core.h, portvakt_batch.h and portvakt_beyond.h (the headers
 * include/portvakt.h gathers) with the pv_ / PV_ prefix dropped (pv_evaluate is
 * cportvakt.evaluate, PV_REASON_UNIT_SEALED is cportvakt.REASON_UNIT_SEALED, struct pv_seal is
 * cportvakt.seal). The idiomatic API is the package portvakt; this module is what it stands on.
 *
 * Memory, decided once for the whole module:
 *   - A `const char *` argument or struct member borrows the UTF-8 buffer of the Python str it was
 *     given: nothing is copied, so nothing is allocated and nothing can leak. The struct proxies
 *     keep a reference to every str stored in them (see the Python code at the end), the array
 *     proxies keep the references of every struct stored in them, and a citizen keeps its arrays,
 *     so no pointer can outlive the object it points into. A str with an embedded NUL is refused.
 *   - Dates and intervals are values (%naturalvar): reading citizen.birth_date gives a copy that
 *     owns its memory, never a pointer into the citizen. Assign whole values.
 *   - Every struct proxy made from Python starts as its PV_<NAME>_INIT macro makes it, version
 *     included (the constructors below); a struct whose version is 0 is refused by the library
 *     (InvalidInput naming "citizen.version" ...). The PV_*_INIT macros themselves are not
 *     wrapped. The arrays of structs are zero-filled: store versioned structs in them.
 *   - Every function returning pv_status turns its out-parameter into the return value; its last
 *     argument, pv_error *error, is filled in the wrapper (no Python argument), and a status other
 *     than PV_OK raises portvakt.InvalidInput(error.field, error.message).
 *   - The decision functions (evaluate, decide) return one tuple, built in one call:
 *       (effect, reason, reasons, rule, filtered, changes_on, reason_rules)
 *     effect, reason and rule are the C enum values, reasons the bit set (bit r is 1 << r),
 *     filtered a bool, changes_on the days since 1970-01-01 (pv_date_to_days) or None, and
 *     reason_rules the PV_REASON_MAX (cportvakt.REASON_MAX) bytes of pv_decision.reason_rules.
 *     validate returns None.
 *     evaluate_packed and decide_packed return the same answer packed into one int (the
 *     package's fast path and cache key; layout at their typemap).
 *   - A pv_date argument takes a datetime.date (or anything with year, month and day), None for
 *     PV_DATE_NONE, or an int: days since 1970-01-01, the fastest way in.
 *   - Arrays of structs (seal_array, guardian_array, grant_array, representative_array) are
 *     allocated by their constructor and freed with their proxy; indexing is bounds-checked.
 */
%module(package="portvakt") cportvakt

%{
#include <string.h>
#include "portvakt.h"
%}

%include <stdint.i>
%include <carrays.i>

/* ---- Names ------------------------------------------------------------------------------- */

%rename("%(regex:/^(pv_|PV_)(.*)/\\2/)s") "";
%rename(from_) from;

/* The decision struct and its accessors are replaced by the tuple of the decision functions; the
   other output structs by the lists and tuples their functions return (portvakt_beyond.i), so
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

/* Dates and intervals are values: members of these types are read and written as copies. */
%naturalvar pv_date;
%naturalvar pv_interval;

/* Strings the library returns are static and valid for the life of the program. */
%immutable pv_pnr::normalized;

/* pv_error is filled inside the wrappers (the typemap below): no proxy for it. */
%ignore pv_error;

/* ---- Versions ------------------------------------------------------------------------------- */

/* The PV_<NAME>_INIT macros are brace initialisers, which SWIG cannot wrap. */
%ignore PV_ERROR_INIT;
%ignore PV_PNR_INIT;
%ignore PV_SEAL_INIT;
%ignore PV_GUARDIAN_INIT;
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

/* Every input struct made from Python starts as its INIT macro makes it, its version set, so
   that a proxy is never the all-zero struct the library refuses (version 0). The memory is
   calloc'ed, as SWIG's own constructors do, and freed by SWIG's default destructor. */
%define PV_VERSIONED_CONSTRUCTOR(TYPE, INIT)
%extend TYPE {
    TYPE() {
        TYPE *p = (TYPE *)calloc(1, sizeof *p);
        if (p != NULL) {
            TYPE init = INIT;
            *p = init;
        }
        return p;
    }
}
%enddef
PV_VERSIONED_CONSTRUCTOR(pv_citizen, PV_CITIZEN_INIT)
PV_VERSIONED_CONSTRUCTOR(pv_seal, PV_SEAL_INIT)
PV_VERSIONED_CONSTRUCTOR(pv_guardian, PV_GUARDIAN_INIT)
PV_VERSIONED_CONSTRUCTOR(pv_grant, PV_GRANT_INIT)
PV_VERSIONED_CONSTRUCTOR(pv_representative, PV_REPRESENTATIVE_INIT)
PV_VERSIONED_CONSTRUCTOR(pv_actor, PV_ACTOR_INIT)
PV_VERSIONED_CONSTRUCTOR(pv_service, PV_SERVICE_INIT)
PV_VERSIONED_CONSTRUCTOR(pv_goal, PV_GOAL_INIT)
PV_VERSIONED_CONSTRUCTOR(pv_pnr, PV_PNR_INIT)
/* pv_query has no proxy: portvakt_batch.i builds the queries in C. */

/* ---- Raising portvakt.InvalidInput --------------------------------------------------------- */

%fragment("pv_raise_invalid", "header") {
/* Sets portvakt.InvalidInput(field, detail) as the current exception; ValueError if the
   package cannot be imported. Looked up on each error: the module keeps no global state. */
SWIGINTERN void pv_raise_invalid(const char *field, const char *detail) {
    PyObject *errors = PyImport_ImportModule("portvakt._errors");
    PyObject *cls = errors ? PyObject_GetAttrString(errors, "InvalidInput") : NULL;
    Py_XDECREF(errors);
    if (cls == NULL) {
        PyErr_Clear();
        PyErr_Format(PyExc_ValueError, "%s: %s", field, detail);
        return;
    }
    PyObject *exc = PyObject_CallFunction(cls, "ss", field, detail);
    if (exc != NULL) {
        PyErr_SetObject(cls, exc);
        Py_DECREF(exc);
    }
    Py_DECREF(cls);
}
}

%fragment("pv_tuple", "header") {
/* Returns 'tuple' if every item was made, else releases it and returns NULL. */
SWIGINTERN PyObject *pv_tuple_checked(PyObject *tuple) {
    Py_ssize_t i;
    if (tuple == NULL) return NULL;
    for (i = 0; i < PyTuple_GET_SIZE(tuple); i++) {
        if (PyTuple_GET_ITEM(tuple, i) == NULL) {
            Py_DECREF(tuple);
            return NULL;
        }
    }
    return tuple;
}

/* A date as days since 1970-01-01, or None for PV_DATE_NONE. */
SWIGINTERN PyObject *pv_days_or_none(pv_date date) {
    if (pv_date_is_none(date)) {
        Py_INCREF(Py_None);
        return Py_None;
    }
    return PyLong_FromLong((long)pv_date_to_days(date));
}

/* A str copied from 'text', or None for NULL. */
SWIGINTERN PyObject *pv_str_or_none(const char *text) {
    if (text == NULL) {
        Py_INCREF(Py_None);
        return Py_None;
    }
    return PyUnicode_FromString(text);
}
}

%fragment("pv_decision_tuple", "header", fragment="pv_tuple") {
/* (effect, reason, reasons, rule, filtered, changes_on, reason_rules), as documented at the top. */
SWIGINTERN PyObject *pv_decision_tuple(const pv_decision *d) {
    PyObject *tuple = PyTuple_New(7);
    if (tuple == NULL) return NULL;
    PyTuple_SET_ITEM(tuple, 0, PyLong_FromLong((long)d->effect));
    PyTuple_SET_ITEM(tuple, 1, PyLong_FromLong((long)d->reason));
    PyTuple_SET_ITEM(tuple, 2, PyLong_FromUnsignedLong((unsigned long)d->reasons));
    PyTuple_SET_ITEM(tuple, 3, PyLong_FromLong((long)d->rule));
    PyTuple_SET_ITEM(tuple, 4, PyBool_FromLong((long)d->filtered));
    PyTuple_SET_ITEM(tuple, 5, pv_days_or_none(d->changes_on));
    PyTuple_SET_ITEM(tuple, 6, PyBytes_FromStringAndSize((const char *)d->reason_rules,
                                                         (Py_ssize_t)sizeof d->reason_rules));
    return pv_tuple_checked(tuple);
}
}

/* pv_status carries no information once the pv_error typemap below has checked it. */
%typemap(out) pv_status "$result = SWIG_Py_Void();"

/* ---- The error channel ---------------------------------------------------------------------- */

/* The last argument of every function returning pv_status: a local pv_error, no Python argument.
   Its argout runs after those of the out-parameters (which add to the result only on PV_OK):
   a status other than PV_OK drops what was built and raises InvalidInput(field, message). */
%typemap(in, numinputs=0) pv_error *error (pv_error err) {
    {
        pv_error init = PV_ERROR_INIT;
        err = init;
    }
    $1 = &err;
}
%typemap(argout, fragment="pv_raise_invalid") pv_error *error {
    if (result != PV_OK) {
        pv_raise_invalid($1->field[0] != '\0' ? $1->field : "input",
                         $1->message != NULL ? $1->message : "is not valid");
        Py_XDECREF($result);
        $result = NULL;
        SWIG_fail;
    }
}

/* ---- Strings ------------------------------------------------------------------------------- */

/* A str (borrowed UTF-8, no copy) or None (NULL). */
%typemap(in) const char * {
    if ($input == Py_None) {
        $1 = NULL;
    } else if (PyUnicode_Check($input)) {
        Py_ssize_t size = 0;
        $1 = ($1_ltype)PyUnicode_AsUTF8AndSize($input, &size);
        if ($1 == NULL) SWIG_fail;
        if (strlen($1) != (size_t)size) {
            PyErr_SetString(PyExc_ValueError, "in '$symname': '$1_name' contains a NUL character");
            SWIG_fail;
        }
    } else {
        PyErr_Format(PyExc_TypeError, "in '$symname': '$1_name' must be str or None, not %s",
                     Py_TYPE($input)->tp_name);
        SWIG_fail;
    }
}
%typemap(typecheck, precedence=SWIG_TYPECHECK_STRING) const char * {
    $1 = ($input == Py_None || PyUnicode_Check($input)) ? 1 : 0;
}
/* Nothing was allocated, so nothing is freed. */
%typemap(freearg) const char * ""
/* A member keeps the borrowed pointer; the proxy keeps the str alive (see the end). */
%typemap(memberin) const char * "$1 = $input;"

/* ---- Dates --------------------------------------------------------------------------------- */

/* A date value from None (PV_DATE_NONE), an int (days since 1970-01-01, as pv_date_to_days()
   gives; the fast way in), or anything with int year, month and day attributes: a datetime.date
   or a cportvakt.date. Values out of the C ranges raise OverflowError. */
%typemap(in) pv_date {
    if ($input == Py_None) {
        $1.year = 0;
        $1.month = 0;
        $1.day = 0;
    } else if (PyLong_Check($input) && !PyBool_Check($input)) {
        long days = PyLong_AsLong($input);
        if (days == -1 && PyErr_Occurred()) SWIG_fail;
        if (days < INT32_MIN || days > INT32_MAX) {
            $1.year = 0;
        } else {
            $1 = pv_date_from_days((int32_t)days);
        }
        if ($1.year == 0) {
            PyErr_SetString(PyExc_OverflowError,
                            "in '$symname': '$1_name' is outside the years 1 to 9999");
            SWIG_fail;
        }
    } else {
        const char *const parts[3] = {"year", "month", "day"};
        const long limits[3] = {INT16_MAX, UINT8_MAX, UINT8_MAX};
        long value[3];
        int i;
        for (i = 0; i < 3; i++) {
            PyObject *attr = PyObject_GetAttrString($input, parts[i]);
            if (attr == NULL) {
                PyErr_Format(PyExc_TypeError,
                             "in '$symname': '$1_name' must be a date or None, not %s",
                             Py_TYPE($input)->tp_name);
                SWIG_fail;
            }
            value[i] = PyLong_Check(attr) ? PyLong_AsLong(attr) : -1;
            if (value[i] == -1 && !PyErr_Occurred() && !PyLong_Check(attr)) {
                PyErr_Format(PyExc_TypeError, "in '$symname': '$1_name'.%s must be int",
                             parts[i]);
            }
            Py_DECREF(attr);
            if (PyErr_Occurred()) SWIG_fail;
            if (value[i] < 0 || value[i] > limits[i]) {
                PyErr_Format(PyExc_OverflowError, "in '$symname': '$1_name'.%s is out of range",
                             parts[i]);
                SWIG_fail;
            }
        }
        $1.year = (int16_t)value[0];
        $1.month = (uint8_t)value[1];
        $1.day = (uint8_t)value[2];
    }
}
%typemap(typecheck) pv_date {
    $1 = ($input == Py_None || (PyLong_Check($input) && !PyBool_Check($input)) ||
          PyObject_HasAttrString($input, "year")) ? 1 : 0;
}

/* ---- Out-parameters ------------------------------------------------------------------------ */

%typemap(in, numinputs=0) pv_date *out (pv_date temp) {
    temp.year = 0;
    temp.month = 0;
    temp.day = 0;
    $1 = &temp;
}
%typemap(argout) pv_date *out {
    if (result == PV_OK) {
        pv_date *copy = (pv_date *)malloc(sizeof(pv_date));
        if (copy == NULL) {
            PyErr_NoMemory();
            SWIG_fail;
        }
        *copy = *$1;
        $result = SWIG_Python_AppendOutput($result,
            SWIG_NewPointerObj(copy, $descriptor(pv_date *), SWIG_POINTER_OWN));
    }
}

%typemap(in, numinputs=0) int *out (int temp = 0) "$1 = &temp;"
%typemap(argout) int *out {
    if (result == PV_OK) $result = SWIG_Python_AppendOutput($result, PyLong_FromLong(*$1));
}

%typemap(in, numinputs=0) pv_reason *out (pv_reason temp = PV_REASON_INVALID_INPUT) "$1 = &temp;"
%typemap(in, numinputs=0) pv_rule *out (pv_rule temp = PV_RULE_NONE) "$1 = &temp;"
%typemap(argout) pv_reason *out, pv_rule *out {
    if (result == PV_OK) $result = SWIG_Python_AppendOutput($result, PyLong_FromLong((long)*$1));
}

/* pv_date_format: the buffer is local, the result a str. */
%typemap(in, numinputs=0) (char *buf, size_t size) (char temp[PV_DATE_STRING_SIZE]) {
    $1 = temp;
    $2 = sizeof temp;
}
%typemap(argout) (char *buf, size_t size) {
    if (result == PV_OK) $result = SWIG_Python_AppendOutput($result, PyUnicode_FromString($1));
}

/* pv_pnr_parse: a cportvakt.pnr, or InvalidInput("text", the library's sentence). */
%typemap(in, numinputs=0) pv_pnr *out (pv_pnr temp) {
    {
        pv_pnr init = PV_PNR_INIT;
        temp = init;
    }
    $1 = &temp;
}
%typemap(argout) pv_pnr *out {
    if (result == PV_OK) {
        pv_pnr *copy = (pv_pnr *)malloc(sizeof(pv_pnr));
        if (copy == NULL) {
            PyErr_NoMemory();
            SWIG_fail;
        }
        *copy = *$1;
        $result = SWIG_Python_AppendOutput($result,
            SWIG_NewPointerObj(copy, $descriptor(pv_pnr *), SWIG_POINTER_OWN));
    }
}

/* The decision functions: the tuple described at the top, or InvalidInput(field, detail). */
%typemap(in, numinputs=0) pv_decision *out (pv_decision decision) {
    {
        pv_decision init = PV_DECISION_INIT;
        decision = init;
    }
    $1 = &decision;
}
%typemap(argout, fragment="pv_decision_tuple") pv_decision *out {
    if (result == PV_OK) {
        PyObject *tuple = pv_decision_tuple($1);
        if (tuple == NULL) SWIG_fail;
        Py_XDECREF($result);
        $result = tuple;
    }
}

/* The packed decision of evaluate_packed and decide_packed: one int, so that the package can use
   it as a dictionary key (decisions are values; equal answers share one Decision object).
   Little-endian bytes: 0-7 effect | reason << 1 | rule << 6 | filtered << 14 | reasons << 15;
   8-11 changes_on as a proleptic Gregorian ordinal (date.toordinal(); 0 for none); 12 on, the
   PV_REASON_MAX bytes of reason_rules (one per reason). */
%typemap(in, numinputs=0) pv_decision *packed_out (pv_decision decision) {
    {
        pv_decision init = PV_DECISION_INIT;
        decision = init;
    }
    $1 = &decision;
}
%typemap(argout) pv_decision *packed_out {
    if (result == PV_OK) {
        /* Days from 0001-01-01 (ordinal 1) to 1970-01-01. */
        enum { ORDINAL_1970 = 719163, RULES = (int)sizeof $1->reason_rules };
        unsigned char bytes[12 + RULES];
        uint64_t head = (uint64_t)$1->effect | ((uint64_t)$1->reason << 1) |
                        ((uint64_t)$1->rule << 6) | ((uint64_t)$1->filtered << 14) |
                        ((uint64_t)$1->reasons << 15);
        uint32_t ordinal = pv_date_is_none($1->changes_on)
                               ? 0u
                               : (uint32_t)(pv_date_to_days($1->changes_on) + ORDINAL_1970);
        int i;
        for (i = 0; i < 8; i++) bytes[i] = (unsigned char)(head >> (8 * i));
        for (i = 0; i < 4; i++) bytes[8 + i] = (unsigned char)(ordinal >> (8 * i));
        memcpy(bytes + 12, $1->reason_rules, RULES);
        Py_XDECREF($result);
        $result = _PyLong_FromByteArray(bytes, sizeof bytes, 1, 0);
        if ($result == NULL) SWIG_fail;
    }
}

/* ---- Arrays of structs ---------------------------------------------------------------------- */

/* cast() is used only by the citizen's array setters below, which keep the array alive;
   frompointer() would make an array that owns nothing and keeps nothing alive. */
%rename(_pv_cast) seal_array::cast;
%rename(_pv_cast) guardian_array::cast;
%rename(_pv_cast) grant_array::cast;
%rename(_pv_cast) representative_array::cast;
%ignore seal_array::frompointer;
%ignore guardian_array::frompointer;
%ignore grant_array::frompointer;
%ignore representative_array::frompointer;

/* who_can_see, timeline, advise, plan_measures and may_change as Python values. */
%include "portvakt_beyond.i"

/* evaluate_many and Citizen.evaluate_all: many requests in one call (pv_evaluate_many). */
%include "portvakt_batch.i"

%include "portvakt_core.h"
%include "portvakt_batch.h"
%include "portvakt_beyond.h"

/* evaluate and decide once more, returning the packed decision (see the typemap above). */
%{
#define pv_evaluate_packed pv_evaluate
#define pv_decide_packed pv_decide
%}
pv_status pv_evaluate_packed(const pv_citizen *citizen, const pv_actor *actor,
                             const pv_service *service, pv_date on, pv_decision *packed_out,
                             pv_error *error);
pv_status pv_decide_packed(const pv_citizen *citizen, const pv_actor *actor,
                           const pv_service *service, pv_date on, pv_decision *packed_out,
                           pv_error *error);

%array_class(pv_seal, seal_array);
%array_class(pv_guardian, guardian_array);
%array_class(pv_grant, grant_array);
%array_class(pv_representative, representative_array);

/* ---- Python: keeping borrowed strings and arrays alive, bounds-checked arrays --------------- */

%pythoncode %{
def _pv_keep(obj, key, value):
    """Holds 'value' for as long as the proxy 'obj' lives."""
    refs = obj.__dict__.get("_pv_refs")
    if refs is None:
        refs = obj.__dict__["_pv_refs"] = {}
    refs[key] = value


def _pv_keeping(cls, name):
    """Makes the member property 'name' of 'cls' hold what it is given."""
    prop = getattr(cls, name)
    fset = prop.fset

    def setter(self, value, _fset=fset, _name=name):
        _fset(self, value)
        _pv_keep(self, _name, value)

    setattr(cls, name, property(prop.fget, setter, doc=prop.__doc__))


def _pv_keeping_array(cls, name, array):
    """Makes the pointer member 'name' of 'cls' take an instance of the array class 'array' (or
    None) and hold it for as long as the proxy lives."""
    prop = getattr(cls, name)
    fset = prop.fset

    def setter(self, value, _fset=fset, _name=name, _array=array):
        if value is not None and not isinstance(value, _array):
            raise TypeError("%s must be a %s or None, not %s"
                            % (_name, _array.__name__, type(value).__name__))
        _fset(self, None if value is None else value._pv_cast())
        _pv_keep(self, _name, value)

    setattr(cls, name, property(prop.fget, setter, doc=prop.__doc__))


for _cls, _names in (
    (globals().get("seal"), ("unit",)),
    (guardian, ("id",)),
    (grant, ("holder", "unit")),
    (representative, ("id",)),
    (citizen, ("personnummer", "login_lock_case_number")),
    (actor, ("id",)),
    (service, ("unit",)),
    (globals().get("goal"), ("guardian", "unit")),
):
    for _name in _names if _cls is not None else ():
        _pv_keeping(_cls, _name)

_pv_keeping_array(citizen, "seals", seal_array)
_pv_keeping_array(citizen, "guardians", guardian_array)
_pv_keeping_array(citizen, "grants", grant_array)
_pv_keeping_array(citizen, "representatives", representative_array)


def _pv_array(cls, item):
    """Gives the array class 'cls' of 'item' structs a length, bounds checks and references."""
    init = cls.__init__
    getitem = cls.__getitem__
    setitem = cls.__setitem__

    def __init__(self, nelements):
        if not isinstance(nelements, int) or isinstance(nelements, bool) or nelements < 1:
            raise ValueError("an array holds at least one element")
        init(self, nelements)
        self.__dict__["_pv_len"] = nelements

    def index(self, i):
        if not isinstance(i, int) or isinstance(i, bool):
            raise TypeError("array indices must be int")
        n = self.__dict__["_pv_len"]
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("array index out of range")
        return i

    def __getitem__(self, i):
        value = getitem(self, index(self, i))
        _pv_keep(value, "_pv_owner", self)
        return value

    def __setitem__(self, i, value):
        if not isinstance(value, item):
            raise TypeError("expected %s, not %s" % (item.__name__, type(value).__name__))
        i = index(self, i)
        setitem(self, i, value)
        _pv_keep(self, i, value.__dict__.get("_pv_refs"))

    def __len__(self):
        return self.__dict__["_pv_len"]

    def __iter__(self):
        for i in range(len(self)):
            yield self[i]

    cls.__init__ = __init__
    cls.__getitem__ = __getitem__
    cls.__setitem__ = __setitem__
    cls.__len__ = __len__
    cls.__iter__ = __iter__


_pv_array(seal_array, seal)
_pv_array(guardian_array, guardian)
_pv_array(grant_array, grant)
_pv_array(representative_array, representative)
del _cls, _names, _name
%}
