/*
 * pv_py_base.c — the exceptions of portvakt._cportvakt and the conversions of values between
 * Python and C that its typemaps and functions share (pv_py.h).
 */
#include "pv_py.h"

#include <datetime.h>
#include <stdio.h>
#include <stdint.h>
#include <string.h>

/* The exception classes of the module (made once, at import) and the wrapper's proxy reader. */
static PyObject *invalid_input_class = NULL;
static PyObject *invalid_type_class = NULL;
static pv_py_unwrap_fn unwrap_proxy = NULL;

/* ---- Errors ------------------------------------------------------------------------------------ */

static void raise_class(PyObject *cls, const char *field, const char *detail) {
    PyObject *exc = PyObject_CallFunction(cls, "ss", field, detail);
    if (exc != NULL) {
        PyErr_SetObject(cls, exc);
        Py_DECREF(exc);
    }
}

void pv_py_raise_input(const char *field, const char *detail) {
    raise_class(invalid_input_class, field, detail);
}

void pv_py_raise_type(const char *field, const char *detail) {
    raise_class(invalid_type_class, field, detail);
}

void pv_py_raise(const pv_error *err, const char *field) {
    pv_py_raise_input(err->field[0] != '\0' ? err->field : field,
                      err->message != NULL ? err->message : "is not valid");
}

/* InvalidInput.__init__(self, field, detail) and __str__(self): the exception keeps its field and
   detail as attributes (decision and index start as None; the package fills them). */
static PyObject *invalid_init(PyObject *unused, PyObject *args) {
    PyObject *self;
    PyObject *field;
    PyObject *detail;
    (void)unused;
    if (!PyArg_ParseTuple(args, "OUU:InvalidInput", &self, &field, &detail)) return NULL;
    if (PyObject_SetAttrString(self, "field", field) < 0 ||
        PyObject_SetAttrString(self, "detail", detail) < 0 ||
        PyObject_SetAttrString(self, "decision", Py_None) < 0 ||
        PyObject_SetAttrString(self, "index", Py_None) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *invalid_str(PyObject *unused, PyObject *self) {
    PyObject *text = NULL;
    (void)unused;
    PyObject *field = PyObject_GetAttrString(self, "field");
    PyObject *detail = field != NULL ? PyObject_GetAttrString(self, "detail") : NULL;
    if (detail != NULL) text = PyUnicode_FromFormat("%S: %S", field, detail);
    Py_XDECREF(field);
    Py_XDECREF(detail);
    return text;
}

static PyMethodDef invalid_methods[] = {
    {"__init__", invalid_init, METH_VARARGS, NULL},
    {"__str__", invalid_str, METH_O, NULL},
};

static PyObject *exception_methods(void) {
    PyObject *dict = PyDict_New();
    for (size_t i = 0; dict != NULL && i < sizeof invalid_methods / sizeof invalid_methods[0];
         i++) {
        PyObject *f = PyCFunction_New(&invalid_methods[i], NULL);
        PyObject *m = f != NULL ? PyInstanceMethod_New(f) : NULL;
        Py_XDECREF(f);
        if (m == NULL || PyDict_SetItemString(dict, invalid_methods[i].ml_name, m) < 0) {
            Py_CLEAR(dict);
        }
        Py_XDECREF(m);
    }
    return dict;
}

int pv_py_init(PyObject *module, pv_py_unwrap_fn unwrap) {
    unwrap_proxy = unwrap;
    PyDateTime_IMPORT;
    if (PyDateTimeAPI == NULL) return -1;
    PyObject *dict = exception_methods();
    if (dict == NULL) return -1;
    invalid_input_class = PyErr_NewExceptionWithDoc(
        "portvakt.InvalidInput",
        "Malformed input (RULES.md section 8, rule V1): nothing is guessed.\n\n"
        "'field' is the path of the offending field in the form of the JSON format\n"
        "(citizen.seals[2].active.from), 'detail' says what is wrong with it. When the error\n"
        "comes from an evaluation, 'decision' is the fail-closed decision (deny, INVALID_INPUT,\n"
        "rule V1), else None; for one request of a batch, 'index' is its index, else None.",
        PyExc_ValueError, dict);
    Py_DECREF(dict);
    if (invalid_input_class == NULL) return -1;
    PyObject *bases = Py_BuildValue("(OO)", invalid_input_class, PyExc_TypeError);
    if (bases == NULL) return -1;
    invalid_type_class = PyErr_NewExceptionWithDoc(
        "portvakt.InvalidType",
        "A value of the wrong Python type: an InvalidInput naming the field, and a TypeError.",
        bases, NULL);
    Py_DECREF(bases);
    if (invalid_type_class == NULL) return -1;
    /* The module holds a reference of its own; the static pointers keep theirs. */
    Py_INCREF(invalid_input_class);
    Py_INCREF(invalid_type_class);
    if (PyModule_AddObject(module, "InvalidInput", invalid_input_class) < 0 ||
        PyModule_AddObject(module, "InvalidType", invalid_type_class) < 0) {
        return -1;
    }
    return 0;
}

/* ---- Proxies ----------------------------------------------------------------------------------- */

/* The proxies seen last, direct-mapped by address, each with a weak reference to it: an entry
   stands while its proxy lives (a dead proxy's address taken by another object misses), and
   holds nothing alive. The struct is the one the proxy had when it was seen: a SWIG proxy never
   changes its struct (only tampering with its 'this' could). */
enum {
    CACHE_SLOTS = 4096
};

typedef struct cached {
    PyObject *proxy;
    PyObject *ref; /* a weak reference to 'proxy' */
    void *pointer;
    pv_py_kind kind;
} cached;

static cached cache[CACHE_SLOTS];

/* The slot of an address: Fibonacci hashing, so that objects laid out at regular strides do not
   fall on the same slots. */
static size_t address_slot(const void *address, size_t slots) {
    return (size_t)(((uint64_t)(uintptr_t)address * UINT64_C(0x9E3779B97F4A7C15)) >> 32) % slots;
}

void *pv_py_struct(PyObject *obj, pv_py_kind kind) {
    cached *slot = &cache[address_slot(obj, CACHE_SLOTS)];
    if (slot->proxy == obj && slot->kind == kind && PyWeakref_GET_OBJECT(slot->ref) == obj) {
        return slot->pointer;
    }
    PyObject *owner = NULL;
    void *pointer = unwrap_proxy != NULL ? unwrap_proxy(obj, kind, &owner) : NULL;
    if (pointer == NULL) return NULL;
    PyObject *ref = PyWeakref_NewRef(obj, NULL);
    if (ref == NULL) {
        PyErr_Clear(); /* a proxy without weak references: not kept */
        return pointer;
    }
    PyObject *old = slot->ref;
    *slot = (cached){obj, ref, pointer, kind};
    Py_XDECREF(old); /* last: a deallocation may run code that comes back here */
    return pointer;
}

void *pv_py_struct_uncached(PyObject *obj, pv_py_kind kind) {
    PyObject *owner = NULL;
    return unwrap_proxy != NULL ? unwrap_proxy(obj, kind, &owner) : NULL;
}

void *pv_py_struct_in(PyObject *obj, pv_py_kind kind, const char *name, int *ok) {
    *ok = 1;
    if (obj == Py_None) return NULL;
    void *pointer = pv_py_struct(obj, kind);
    if (pointer != NULL) return pointer;
    *ok = 0;
    pv_py_raise_type(name, "must be a proxy of its cportvakt struct or None");
    return NULL;
}

void *pv_py_unwrap(PyObject *obj, pv_py_kind kind, const char *list, Py_ssize_t index,
                   const char *member) {
    void *pointer = pv_py_struct(obj, kind);
    if (pointer != NULL) return pointer;
    char field[96];
    if (index < 0) {
        (void)snprintf(field, sizeof field, "%s", list);
    } else if (member == NULL) {
        (void)snprintf(field, sizeof field, "%s[%zd]", list, index);
    } else {
        (void)snprintf(field, sizeof field, "%s[%zd].%s", list, index, member);
    }
    pv_py_raise_type(field, "must be a proxy of its cportvakt struct");
    return NULL;
}

int pv_py_array_in(PyObject *seq, pv_py_kind kind, size_t size, const char *name, void **items,
                   size_t *count) {
    *items = NULL;
    *count = 0;
    if (seq == Py_None) return 0;
    PyObject *fast = PySequence_Fast(seq, "must be a sequence");
    if (fast == NULL) {
        PyErr_Clear();
        pv_py_raise_type(name, "must be a sequence of structs");
        return -1;
    }
    Py_ssize_t n = PySequence_Fast_GET_SIZE(fast);
    char *out = n > 0 ? (char *)calloc((size_t)n, size) : NULL;
    if (n > 0 && out == NULL) {
        Py_DECREF(fast);
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        const void *item = pv_py_struct(PySequence_Fast_GET_ITEM(fast, i), kind);
        if (item == NULL) {
            free(out);
            Py_DECREF(fast);
            pv_py_raise_type(name, "holds an item of another type");
            return -1;
        }
        memcpy(out + (size_t)i * size, item, size);
    }
    Py_DECREF(fast);
    *items = out;
    *count = (size_t)n;
    return 0;
}

/* ---- Values ------------------------------------------------------------------------------------ */

PyObject *pv_py_str_or_none(const char *text) {
    if (text == NULL) Py_RETURN_NONE;
    return PyUnicode_FromString(text);
}

PyObject *pv_py_date_or_none(pv_date date) {
    if (pv_date_is_none(date)) Py_RETURN_NONE;
    return PyDate_FromDate(date.year, date.month, date.day);
}

int pv_py_date_check(PyObject *obj) {
    return obj == Py_None || (PyLong_Check(obj) && !PyBool_Check(obj)) ||
           (PyDate_Check(obj) && !PyDateTime_Check(obj));
}

int pv_py_date_in(PyObject *obj, const char *name, pv_date *out) {
    if (obj == Py_None) {
        *out = (pv_date){0, 0, 0};
        return 0;
    }
    if (PyDate_Check(obj) && !PyDateTime_Check(obj)) {
        out->year = (int16_t)PyDateTime_GET_YEAR(obj);
        out->month = (uint8_t)PyDateTime_GET_MONTH(obj);
        out->day = (uint8_t)PyDateTime_GET_DAY(obj);
        return 0;
    }
    if (PyLong_Check(obj) && !PyBool_Check(obj)) {
        long days = PyLong_AsLong(obj);
        if (days == -1 && PyErr_Occurred()) PyErr_Clear();
        *out = days < INT32_MIN || days > INT32_MAX ? pv_date_from_days(INT32_MIN)
                                                    : pv_date_from_days((int32_t)days);
        if (out->year != 0) return 0;
        pv_py_raise_input(name, "is outside the years 1 to 9999");
        return -1;
    }
    pv_py_raise_type(name, "must be a datetime.date or None");
    return -1;
}

int pv_py_text_in(PyObject *obj, const char *name, const char **out) {
    Py_ssize_t size = 0;
    *out = NULL;
    if (obj == Py_None) return 0;
    if (!PyUnicode_Check(obj)) {
        pv_py_raise_type(name, "must be a str or None");
        return -1;
    }
    *out = PyUnicode_AsUTF8AndSize(obj, &size);
    if (*out == NULL) return -1;
    if (strlen(*out) != (size_t)size) {
        pv_py_raise_input(name, "must not contain a NUL character");
        return -1;
    }
    return 0;
}

void pv_py_outcome(pv_outcome *out, const pv_decision *decision) {
    memset(out, 0, sizeof *out);
    out->version = PV_OUTCOME_VERSION;
    /* A decision the library wrote converts; if one did not, '*out' is the deny (V1) already. */
    pv_status status = pv_outcome_from_decision(decision, out, NULL);
    (void)status;
}

/* The records made last, direct-mapped by a hash of their bytes: a decision met again is the same
   bytes object (immutable), whose hash Python then has already (the package keys its decoded
   Decisions by record). */
enum {
    RECORD_SLOTS = 1024
};
static PyObject *records[RECORD_SLOTS];

static size_t record_slot(const pv_outcome *outcome) {
    uint32_t words[sizeof *outcome / sizeof(uint32_t)];
    memcpy(words, outcome, sizeof words);
    uint32_t h = 2166136261u; /* FNV-1a, a word at a time */
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) h = (h ^ words[i]) * 16777619u;
    return (h ^ (h >> 15)) % RECORD_SLOTS;
}

PyObject *pv_py_decision_record(const pv_decision *decision) {
    pv_outcome outcome;
    pv_py_outcome(&outcome, decision);
    PyObject **slot = &records[record_slot(&outcome)];
    if (*slot != NULL && memcmp(PyBytes_AS_STRING(*slot), &outcome, sizeof outcome) == 0) {
        Py_INCREF(*slot);
        return *slot;
    }
    PyObject *record =
        PyBytes_FromStringAndSize((const char *)&outcome, (Py_ssize_t)sizeof outcome);
    if (record == NULL) return NULL;
    PyObject *old = *slot;
    Py_INCREF(record);
    *slot = record;
    Py_XDECREF(old);
    return record;
}

PyObject *pv_py_str_tuple(const char *const *units, size_t count) {
    PyObject *tuple = PyTuple_New((Py_ssize_t)count);
    for (size_t i = 0; tuple != NULL && i < count; i++) {
        PyObject *text = PyUnicode_FromString(units[i]);
        if (text == NULL) {
            Py_CLEAR(tuple);
        } else {
            PyTuple_SET_ITEM(tuple, (Py_ssize_t)i, text);
        }
    }
    return tuple;
}
