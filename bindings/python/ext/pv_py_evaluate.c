/*
 * pv_py_evaluate.c — evaluate and decide of portvakt._cportvakt: the two functions a request
 * calls, as METH_FASTCALL (the arguments read in place: no tuple built and unpacked per call, the
 * cost SWIG's METH_VARARGS wrapper adds). They take and answer as that wrapper did: the three
 * proxies (None is NULL, which the library refuses, V1), the date, and the record of the decision
 * (pv_py_decision_record), or InvalidType/InvalidInput naming the field.
 */
#include "pv_py.h"

typedef pv_status (*decide_fn)(const pv_citizen *, const pv_actor *, const pv_service *, pv_date,
                               pv_decision *, pv_error *);

static PyObject *answer(decide_fn decide, const char *name, PyObject *const *args,
                        Py_ssize_t nargs) {
    if (nargs != 4) {
        PyErr_Format(PyExc_TypeError, "%s(citizen, actor, service, on) takes 4 arguments", name);
        return NULL;
    }
    int ok = 1;
    const pv_citizen *citizen = pv_py_struct_in(args[0], PV_PY_CITIZEN, "citizen", &ok);
    const pv_actor *actor = ok ? pv_py_struct_in(args[1], PV_PY_ACTOR, "actor", &ok) : NULL;
    const pv_service *service = ok ? pv_py_struct_in(args[2], PV_PY_SERVICE, "service", &ok) : NULL;
    pv_date on;
    if (!ok || pv_py_date_in(args[3], "on", &on) != 0) return NULL;
    pv_decision decision = PV_DECISION_INIT;
    pv_error err = PV_ERROR_INIT;
    if (decide(citizen, actor, service, on, &decision, &err) != PV_OK) {
        pv_py_raise(&err, "input");
        return NULL;
    }
    return pv_py_decision_record(&decision);
}

static PyObject *evaluate(PyObject *unused, PyObject *const *args, Py_ssize_t nargs) {
    (void)unused;
    return answer(pv_evaluate, "evaluate", args, nargs);
}

static PyObject *decide(PyObject *unused, PyObject *const *args, Py_ssize_t nargs) {
    (void)unused;
    return answer(pv_decide, "decide", args, nargs);
}

static PyMethodDef methods[] = {
    {"evaluate", (PyCFunction)(void (*)(void))evaluate, METH_FASTCALL,
     "evaluate(citizen, actor, service, on) -> bytes: the record of pv_evaluate's decision."},
    {"decide", (PyCFunction)(void (*)(void))decide, METH_FASTCALL,
     "decide(citizen, actor, service, on) -> bytes: the record of pv_decide's decision."},
    {NULL, NULL, 0, NULL},
};

int pv_py_evaluate_init(PyObject *module) {
    return PyModule_AddFunctions(module, methods);
}
