/*
 * pv_py_prepared.c — the type Prepared: a citizen's record prepared once (pv_py_prepared.h).
 */
#include "pv_py_prepared.h"

#include <string.h>

#include "pv_citizen_json.h"
#include "pv_py_prepared_type.h"

typedef struct prepared {
    PyObject_HEAD pv_prepared *record;
    const pv_citizen *citizen;
    /* What the record points into (its arrays and strings): the citizen proxy, or for a record
       read by record_read the memory of pv_citizen_json (then 'proxy' is NULL). */
    PyObject *proxy;
    pv_citizen_json *read;
    void *storage;
} prepared;

static void prepared_dealloc(PyObject *self) {
    prepared *p = (prepared *)self;
    Py_XDECREF(p->proxy);
    pv_citizen_json_free(p->read);
    PyMem_Free(p->storage);
    Py_TYPE(self)->tp_free(self);
}

/* evaluate(actor, service, on): the record of the decision. */
static PyObject *prepared_evaluate(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    const prepared *p = (const prepared *)self;
    pv_date on;
    if (nargs != 3) {
        PyErr_SetString(PyExc_TypeError, "evaluate(actor, service, on) takes 3 arguments");
        return NULL;
    }
    const pv_actor *actor =
        args[0] == Py_None ? NULL : pv_py_unwrap(args[0], PV_PY_ACTOR, "actor", -1, NULL);
    if (actor == NULL && args[0] != Py_None) return NULL;
    const pv_service *service =
        args[1] == Py_None ? NULL : pv_py_unwrap(args[1], PV_PY_SERVICE, "service", -1, NULL);
    if (service == NULL && args[1] != Py_None) return NULL;
    if (pv_py_date_in(args[2], "on", &on) != 0) return NULL;
    pv_decision decision = PV_DECISION_INIT;
    pv_error err = PV_ERROR_INIT;
    if (pv_evaluate_prepared(p->record, p->citizen, actor, service, on, &decision, &err) != PV_OK) {
        pv_py_raise(&err, "input");
        return NULL;
    }
    return pv_py_decision_record(&decision);
}

/* The report of evaluate_many: the invalid requests and the error of the first. */
typedef struct report {
    Py_ssize_t invalid;
    Py_ssize_t first;
    char field[PV_FIELD_PATH_SIZE];
    const char *detail;
} report;

/* Decides request i, (actors[i], services[i]), into out[i] and kind[i]. 0, or -1 with
   InvalidType naming the proxy that is not one. */
static int decide_one(const prepared *p, PyObject *actor_obj, PyObject *service_obj, Py_ssize_t i,
                      pv_date on, pv_outcome *out, char *kind, report *r) {
    const pv_actor *actor = pv_py_unwrap(actor_obj, PV_PY_ACTOR, "actors", i, NULL);
    if (actor == NULL) return -1;
    const pv_service *service = pv_py_unwrap(service_obj, PV_PY_SERVICE, "services", i, NULL);
    if (service == NULL) return -1;
    pv_decision decision = PV_DECISION_INIT;
    pv_error err = PV_ERROR_INIT;
    if (pv_evaluate_prepared(p->record, p->citizen, actor, service, on, &decision, &err) != PV_OK &&
        r->invalid++ == 0) {
        r->first = i;
        memcpy(r->field, err.field, sizeof r->field);
        r->detail = err.message;
    }
    pv_py_outcome(&out[i], &decision);
    kind[i] = (char)actor->kind;
    return 0;
}

/* Decides the n requests into the bytes 'outcomes' and 'kinds'. 0, or -1 with an exception. */
static int decide_into(const prepared *p, PyObject *actors, PyObject *services, Py_ssize_t n,
                       pv_date on, PyObject *outcomes, PyObject *kinds, report *r) {
    pv_outcome *out = (pv_outcome *)(void *)PyBytes_AS_STRING(outcomes);
    char *kind = PyBytes_AS_STRING(kinds);
    for (Py_ssize_t i = 0; i < n; i++) {
        if (decide_one(p, PySequence_Fast_GET_ITEM(actors, i),
                       PySequence_Fast_GET_ITEM(services, i), i, on, out, kind, r) != 0) {
            return -1;
        }
    }
    return 0;
}

/* The answer of evaluate_many for the sequences (from PySequence_Fast) of n actors and services. */
static PyObject *decide_all(const prepared *p, PyObject *actors, PyObject *services, Py_ssize_t n,
                            pv_date on) {
    if ((size_t)n > (size_t)PY_SSIZE_T_MAX / sizeof(pv_outcome)) return PyErr_NoMemory();
    PyObject *outcomes = PyBytes_FromStringAndSize(NULL, n * (Py_ssize_t)sizeof(pv_outcome));
    PyObject *kinds = outcomes != NULL ? PyBytes_FromStringAndSize(NULL, n) : NULL;
    PyObject *result = NULL;
    report r = {0, n, "", NULL};
    if (kinds != NULL && decide_into(p, actors, services, n, on, outcomes, kinds, &r) == 0) {
        result = Py_BuildValue("(OOnnNN)", outcomes, kinds, r.invalid, r.first,
                               pv_py_str_or_none(r.invalid > 0 ? r.field : NULL),
                               pv_py_str_or_none(r.detail));
    }
    Py_XDECREF(outcomes);
    Py_XDECREF(kinds);
    return result;
}

/* evaluate_many(actors, services, on): request i is (actors[i], services[i]). */
static PyObject *prepared_evaluate_many(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    pv_date on;
    if (nargs != 3) {
        PyErr_SetString(PyExc_TypeError, "evaluate_many(actors, services, on) takes 3 arguments");
        return NULL;
    }
    if (pv_py_date_in(args[2], "on", &on) != 0) return NULL;
    PyObject *result = NULL;
    PyObject *actors = PySequence_Fast(args[0], "actors must be a sequence");
    PyObject *services =
        actors != NULL ? PySequence_Fast(args[1], "services must be a sequence") : NULL;
    if (services != NULL &&
        PySequence_Fast_GET_SIZE(services) != PySequence_Fast_GET_SIZE(actors)) {
        pv_py_raise_input("services", "must be as many as the actors");
    } else if (services != NULL) {
        result = decide_all((const prepared *)self, actors, services,
                            PySequence_Fast_GET_SIZE(actors), on);
    }
    Py_XDECREF(actors);
    Py_XDECREF(services);
    return result;
}

static PyObject *prepared_citizen(PyObject *self, void *unused) {
    (void)unused;
    PyObject *proxy = ((prepared *)self)->proxy;
    if (proxy == NULL) Py_RETURN_NONE;
    Py_INCREF(proxy);
    return proxy;
}

static PyMethodDef prepared_methods[] = {
    {"evaluate", (PyCFunction)(void (*)(void))prepared_evaluate, METH_FASTCALL,
     "evaluate(actor, service, on) -> bytes: the record of pv_evaluate_prepared's decision."},
    {"evaluate_many", (PyCFunction)(void (*)(void))prepared_evaluate_many, METH_FASTCALL,
     "evaluate_many(actors, services, on): request i is (actors[i], services[i])."},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef prepared_members[] = {
    {"citizen", prepared_citizen, NULL,
     "The citizen proxy the record was prepared from (None for a record from record_read).", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyTypeObject prepared_type = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "portvakt.cportvakt.Prepared",
    .tp_basicsize = sizeof(prepared),
    .tp_dealloc = prepared_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "A citizen's record prepared once (pv_prepare): see prepare().",
    .tp_methods = prepared_methods,
    .tp_getset = prepared_members,
};

int pv_py_prepared_init(PyObject *module) {
    if (PyType_Ready(&prepared_type) < 0) return -1;
    Py_INCREF(&prepared_type);
    if (PyModule_AddObject(module, "Prepared", (PyObject *)&prepared_type) < 0) {
        Py_DECREF(&prepared_type);
        return -1;
    }
    return 0;
}

const pv_prepared *pv_py_prepared_of(PyObject *obj, const pv_citizen **citizen) {
    if (Py_TYPE(obj) != &prepared_type) {
        PyErr_SetString(PyExc_TypeError, "must be a cportvakt.Prepared");
        return NULL;
    }
    const prepared *p = (const prepared *)obj;
    *citizen = p->citizen;
    return p->record;
}

/* A new Prepared object for 'c' with its storage, not yet prepared (NULL with MemoryError). */
static prepared *prepared_new(const pv_citizen *c, size_t size) {
    prepared *p = PyObject_New(prepared, &prepared_type);
    if (p == NULL) return NULL;
    p->record = NULL;
    p->citizen = c;
    p->proxy = NULL;
    p->read = NULL;
    p->storage = PyMem_Malloc(size);
    if (p->storage == NULL) {
        Py_DECREF(p);
        PyErr_NoMemory();
        return NULL;
    }
    return p;
}

PyObject *pv_py_prepare(PyObject *citizen) {
    const pv_citizen *c = pv_py_unwrap(citizen, PV_PY_CITIZEN, "citizen", -1, NULL);
    if (c == NULL) return NULL;
    size_t size = pv_prepared_size(c);
    if (size == 0) {
        pv_py_raise_input("citizen.version", "is not a version this library knows");
        return NULL;
    }
    prepared *p = prepared_new(c, size);
    if (p == NULL) return NULL;
    pv_error err = PV_ERROR_INIT;
    if (pv_prepare(c, p->storage, size, &p->record, &err) != PV_OK) {
        Py_DECREF(p);
        pv_py_raise(&err, "citizen");
        return NULL;
    }
    Py_INCREF(citizen);
    p->proxy = citizen;
    return (PyObject *)p;
}

PyObject *pv_py_record_read(PyObject *text) {
    if (!PyBytes_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "record_read takes bytes");
        return NULL;
    }
    pv_citizen_json *read = NULL;
    int got = pv_citizen_json_read(PyBytes_AS_STRING(text), (size_t)PyBytes_GET_SIZE(text), &read);
    if (got < 0) return PyErr_NoMemory();
    if (got == 0) Py_RETURN_NONE; /* not of the plain shape: the full reader reads it */
    const pv_citizen *c = pv_citizen_json_citizen(read);
    prepared *p = prepared_new(c, pv_prepared_size(c));
    if (p == NULL) {
        pv_citizen_json_free(read);
        return NULL;
    }
    p->read = read;
    pv_error err = PV_ERROR_INIT;
    if (pv_prepare(c, p->storage, pv_prepared_size(c), &p->record, &err) != PV_OK) {
        /* Section 8 refuses the record on every date: the full reader builds it, and the audit
           reports it, as for any record that cannot be prepared. */
        Py_DECREF(p);
        Py_RETURN_NONE;
    }
    return (PyObject *)p;
}
