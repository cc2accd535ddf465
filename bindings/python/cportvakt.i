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
 */
%module(package="portvakt") cportvakt

%{
#include <string.h>
#include <datetime.h>
#include "portvakt.h"
%}

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
/* A prepared record is made and held by the extension's own type (prepare). */
%ignore pv_prepare;
%ignore pv_evaluate_prepared;
%ignore pv_prepared_check;

/* ---- Helpers of the typemaps ---------------------------------------------------------------- */

%fragment("pv_common", "header") {
/* The exception classes of the module (made once, at import: see %init). */
static PyObject *pv_invalid_input_class = NULL;
static PyObject *pv_invalid_type_class = NULL;

/* Raises 'cls'(field, detail). */
SWIGINTERN void pv_raise_class(PyObject *cls, const char *field, const char *detail) {
    PyObject *exc = PyObject_CallFunction(cls, "ss", field, detail);
    if (exc != NULL) {
        PyErr_SetObject(cls, exc);
        Py_DECREF(exc);
    }
}

/* Raises InvalidInput with the field and message of 'err' ('field' if it names none). */
SWIGINTERN void pv_raise(const pv_error *err, const char *field) {
    pv_raise_class(pv_invalid_input_class, err->field[0] != '\0' ? err->field : field,
                   err->message != NULL ? err->message : "is not valid");
}

/* A str copied from 'text', or None for NULL. */
SWIGINTERN PyObject *pv_str_or_none(const char *text) {
    if (text == NULL) Py_RETURN_NONE;
    return PyUnicode_FromString(text);
}

/* A datetime.date, or None for PV_DATE_NONE. */
SWIGINTERN PyObject *pv_date_or_none(pv_date date) {
    if (pv_date_is_none(date)) Py_RETURN_NONE;
    return PyDate_FromDate(date.year, date.month, date.day);
}

/* The decision as the bytes of one pv_outcome: the one encoding of a decision the module has
   (the package decodes it with the layout of pv_layout()). */
SWIGINTERN PyObject *pv_decision_record(const pv_decision *d) {
    pv_outcome o;
    memset(&o, 0, sizeof o);
    o.version = PV_OUTCOME_VERSION;
    o.reasons = d->reasons;
    o.changes_on = d->changes_on;
    o.effect = (uint8_t)d->effect;
    o.reason = (uint8_t)d->reason;
    o.rule = (uint8_t)d->rule;
    o.filtered = d->filtered;
    memcpy(o.reason_rules, d->reason_rules, sizeof o.reason_rules);
    return PyBytes_FromStringAndSize((const char *)&o, (Py_ssize_t)sizeof o);
}

/* Copies the structs of the sequence 'seq' of proxies of 'type' into a new array (malloc'ed;
   NULL when empty) and gives its length: the one conversion of an array and its length. */
SWIGINTERN int pv_array_from_sequence(PyObject *seq, swig_type_info *type, size_t size,
                                      const char *name, void **items, size_t *count) {
    PyObject *fast;
    Py_ssize_t i, n;
    char *out = NULL;
    *items = NULL;
    *count = 0;
    if (seq == Py_None) return 0;
    fast = PySequence_Fast(seq, "must be a sequence");
    if (fast == NULL) {
        PyErr_Clear();
        pv_raise_class(pv_invalid_type_class, name, "must be a sequence of structs");
        return -1;
    }
    n = PySequence_Fast_GET_SIZE(fast);
    if (n > 0) out = (char *)calloc((size_t)n, size);
    if (n > 0 && out == NULL) {
        Py_DECREF(fast);
        PyErr_NoMemory();
        return -1;
    }
    for (i = 0; i < n; i++) {
        void *item = NULL;
        if (!SWIG_IsOK(SWIG_ConvertPtr(PySequence_Fast_GET_ITEM(fast, i), &item, type, 0)) ||
            item == NULL) {
            free(out);
            Py_DECREF(fast);
            PyErr_Clear();
            pv_raise_class(pv_invalid_type_class, name, "holds an item of another type");
            return -1;
        }
        memcpy(out + (size_t)i * size, item, size);
    }
    Py_DECREF(fast);
    *items = out;
    *count = (size_t)n;
    return 0;
}

/* InvalidInput.__init__(self, field, detail) and __str__(self): the exception keeps its field
   and detail as attributes (decision and index start as None; the package fills them). */
static PyObject *pv_invalid_init(PyObject *unused, PyObject *args) {
    PyObject *self, *field, *detail, *none = Py_None;
    (void)unused;
    if (!PyArg_ParseTuple(args, "OUU:InvalidInput", &self, &field, &detail)) return NULL;
    if (PyObject_SetAttrString(self, "field", field) < 0 ||
        PyObject_SetAttrString(self, "detail", detail) < 0 ||
        PyObject_SetAttrString(self, "decision", none) < 0 ||
        PyObject_SetAttrString(self, "index", none) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *pv_invalid_str(PyObject *unused, PyObject *self) {
    PyObject *field, *detail, *text = NULL;
    (void)unused;
    field = PyObject_GetAttrString(self, "field");
    detail = field ? PyObject_GetAttrString(self, "detail") : NULL;
    if (detail != NULL) text = PyUnicode_FromFormat("%S: %S", field, detail);
    Py_XDECREF(field);
    Py_XDECREF(detail);
    return text;
}

static PyMethodDef pv_invalid_methods[] = {
    {"__init__", (PyCFunction)pv_invalid_init, METH_VARARGS, NULL},
    {"__str__", (PyCFunction)pv_invalid_str, METH_O, NULL},
};

/* Makes the two exception classes and adds them to 'module'; -1 with an exception on failure. */
static int pv_exceptions_init(PyObject *module) {
    PyObject *dict = PyDict_New(), *bases = NULL;
    size_t i;
    if (dict == NULL) return -1;
    for (i = 0; i < sizeof pv_invalid_methods / sizeof pv_invalid_methods[0]; i++) {
        PyObject *f = PyCFunction_New(&pv_invalid_methods[i], NULL);
        PyObject *m = f ? PyInstanceMethod_New(f) : NULL;
        Py_XDECREF(f);
        if (m == NULL || PyDict_SetItemString(dict, pv_invalid_methods[i].ml_name, m) < 0) {
            Py_XDECREF(m);
            Py_DECREF(dict);
            return -1;
        }
        Py_DECREF(m);
    }
    pv_invalid_input_class = PyErr_NewExceptionWithDoc(
        "portvakt.InvalidInput",
        "Malformed input (RULES.md section 8, rule V1): nothing is guessed.\n\n"
        "'field' is the path of the offending field in the form of the JSON format\n"
        "(citizen.seals[2].active.from), 'detail' says what is wrong with it. When the error\n"
        "comes from an evaluation, 'decision' is the fail-closed decision (deny, INVALID_INPUT,\n"
        "rule V1), else None; for one request of a batch, 'index' is its index, else None.",
        PyExc_ValueError, dict);
    Py_DECREF(dict);
    if (pv_invalid_input_class == NULL) return -1;
    bases = Py_BuildValue("(OO)", pv_invalid_input_class, PyExc_TypeError);
    if (bases == NULL) return -1;
    pv_invalid_type_class = PyErr_NewExceptionWithDoc(
        "portvakt.InvalidType",
        "A value of the wrong Python type: an InvalidInput naming the field, and a TypeError.",
        bases, NULL);
    Py_DECREF(bases);
    if (pv_invalid_type_class == NULL) return -1;
    Py_INCREF(pv_invalid_input_class);
    Py_INCREF(pv_invalid_type_class);
    if (PyModule_AddObject(module, "InvalidInput", pv_invalid_input_class) < 0 ||
        PyModule_AddObject(module, "InvalidType", pv_invalid_type_class) < 0)
        return -1;
    return 0;
}
}

%fragment("pv_common");

%init %{
    PyDateTime_IMPORT;
    if (PyDateTimeAPI == NULL || pv_exceptions_init(m) < 0) return NULL;
%}

/* pv_status carries no information once the pv_error typemap below has checked it. */
%typemap(out) pv_status "$result = SWIG_Py_Void();"

/* ---- The error channel ---------------------------------------------------------------------- */

/* The hook of ../portvakt.i: a status other than PV_OK drops what the out-parameters built and
   raises InvalidInput(field, message). */
%define PV_RAISE_ERROR(ERR, FIELD)
pv_raise(ERR, FIELD);
Py_XDECREF($result);
$result = NULL;
SWIG_fail;
%enddef

/* ---- Structs in: InvalidType naming the argument ------------------------------------------- */

/* A struct argument takes the proxy of its type or None (NULL, which the library refuses as V1);
   any other object raises InvalidType naming the argument ("citizen", "actor" ...). */
%typemap(in) const pv_citizen *, const pv_actor *, const pv_service *, const pv_goal * {
    void *ptr = NULL;
    if ($input != Py_None && !SWIG_IsOK(SWIG_ConvertPtr($input, &ptr, $1_descriptor, 0))) {
        PyErr_Clear();
        pv_raise_class(pv_invalid_type_class, "$1_name", "must be a proxy of its cportvakt struct or None");
        SWIG_fail;
    }
    $1 = ($1_ltype)ptr;
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
            pv_raise_class(pv_invalid_input_class, "$1_name", "must not contain a NUL character");
            SWIG_fail;
        }
    } else {
        pv_raise_class(pv_invalid_type_class, "$1_name", "must be a str or None");
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

/* A date value from a datetime.date (not a datetime), None (PV_DATE_NONE) or an int (days since
   1970-01-01, as pv_date_to_days() gives). Anything else raises InvalidType naming the argument;
   an int outside the years 1 to 9999 raises InvalidInput. */
%typemap(in) pv_date {
    if ($input == Py_None) {
        $1.year = 0;
        $1.month = 0;
        $1.day = 0;
    } else if (PyDate_Check($input) && !PyDateTime_Check($input)) {
        $1.year = (int16_t)PyDateTime_GET_YEAR($input);
        $1.month = (uint8_t)PyDateTime_GET_MONTH($input);
        $1.day = (uint8_t)PyDateTime_GET_DAY($input);
    } else if (PyLong_Check($input) && !PyBool_Check($input)) {
        long days = PyLong_AsLong($input);
        if (days == -1 && PyErr_Occurred()) PyErr_Clear();
        $1 = days < INT32_MIN || days > INT32_MAX ? pv_date_from_days(INT32_MIN)
                                                  : pv_date_from_days((int32_t)days);
        if ($1.year == 0) {
            pv_raise_class(pv_invalid_input_class, "$1_name", "is outside the years 1 to 9999");
            SWIG_fail;
        }
    } else {
        pv_raise_class(pv_invalid_type_class, "$1_name", "must be a datetime.date or None");
        SWIG_fail;
    }
}
%typemap(typecheck) pv_date {
    $1 = ($input == Py_None || (PyLong_Check($input) && !PyBool_Check($input)) ||
          (PyDate_Check($input) && !PyDateTime_Check($input))) ? 1 : 0;
}
/* Out, as a member or a result: a datetime.date, or None for PV_DATE_NONE. */
%typemap(out) pv_date {
    $result = pv_date_or_none($1);
    if ($result == NULL) SWIG_fail;
}

/* ---- Out-parameters ------------------------------------------------------------------------ */

%typemap(in, numinputs=0) pv_date *out (pv_date temp) {
    temp.year = 0;
    temp.month = 0;
    temp.day = 0;
    $1 = &temp;
}
%typemap(argout) pv_date *out {
    if (result == PV_OK) $result = SWIG_Python_AppendOutput($result, pv_date_or_none(*$1));
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

/* pv_citizen_units: a tuple of str (copies), the buffer local and as large as any record. */
%typemap(in, numinputs=0) (const char **units, size_t capacity, size_t *count)
    (const char *temp[PV_MAX_SEALS + PV_MAX_GRANTS], size_t n = 0) {
    $1 = temp;
    $2 = sizeof temp / sizeof temp[0];
    $3 = &n;
}
%typemap(argout) (const char **units, size_t capacity, size_t *count) {
    if (result == PV_OK) {
        PyObject *units = PyTuple_New((Py_ssize_t)*$3);
        size_t i;
        for (i = 0; units != NULL && i < *$3; i++) {
            PyObject *text = PyUnicode_FromString($1[i]);
            if (text == NULL) Py_CLEAR(units);
            else PyTuple_SET_ITEM(units, (Py_ssize_t)i, text);
        }
        if (units == NULL) SWIG_fail;
        $result = SWIG_Python_AppendOutput($result, units);
    }
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

/* The decision functions: the record of the decision (bytes, see the top). */
%typemap(in, numinputs=0) pv_decision *out (pv_decision decision) {
    {
        pv_decision init = PV_DECISION_INIT;
        decision = init;
    }
    $1 = &decision;
}
%typemap(argout) pv_decision *out {
    if (result == PV_OK) {
        Py_XDECREF($result);
        $result = pv_decision_record($1);
        if ($result == NULL) SWIG_fail;
    }
}

/* ---- Arrays with their length ---------------------------------------------------------------- */

/* The one typemap for an array and its length: a sequence of proxies of TYPE (or None), copied
   into a new C array; the function it is given to owns the copy. */
%define PV_ARRAY_TYPEMAP(TYPE)
%typemap(in) (const TYPE *items, size_t count) {
    void *items = NULL;
    if (pv_array_from_sequence($input, $descriptor(TYPE *), sizeof(TYPE), "items", &items, &$2) < 0)
        SWIG_fail;
    $1 = (const TYPE *)items;
}
%enddef
PV_ARRAY_TYPEMAP(pv_seal)
PV_ARRAY_TYPEMAP(pv_guardian)
PV_ARRAY_TYPEMAP(pv_grant)
PV_ARRAY_TYPEMAP(pv_representative)
PV_ARRAY_TYPEMAP(pv_lock_period)
PV_ARRAY_TYPEMAP(pv_interval)

/* who_can_see, timeline, advise, plan_measures and may_change as Python values. */
%include "portvakt_beyond.i"

/* evaluate_many and evaluate_grid: many requests in one call (pv_evaluate_many). */
%include "portvakt_batch.i"
%include "portvakt_audit.i"

/* The language-neutral interface: the structs, enums and functions of include/. */
%include "portvakt.i"

/* ---- Python: keeping borrowed strings alive ------------------------------------------------- */

%pythoncode %{
# The exceptions the extension defines (see pv_exceptions_init).
InvalidInput = _cportvakt.InvalidInput
InvalidType = _cportvakt.InvalidType


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
