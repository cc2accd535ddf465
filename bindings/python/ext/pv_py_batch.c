/*
 * pv_py_batch.c — batch_evaluate_many and batch_evaluate_grid (pv_py_batch.h).
 */
#include "pv_py_batch.h"

#include <stdio.h>

#include "pv_py_chunk.h"

PyObject *pv_batch_evaluate_many(PyObject *requests, pv_date on) {
    pv_py_chunk *c = NULL;
    PyObject *result = NULL;
    PyObject *seq = PySequence_Fast(requests, "requests must be a sequence");
    if (seq == NULL) return NULL;
    Py_ssize_t count = PySequence_Fast_GET_SIZE(seq);
    c = PyMem_Malloc(sizeof *c);
    if (c == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    if (pv_py_chunk_init(c, count, on) != 0) goto done;
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *triple = PySequence_Fast_GET_ITEM(seq, i);
        if (!PyTuple_Check(triple) || PyTuple_GET_SIZE(triple) != 3) {
            char field[48];
            (void)snprintf(field, sizeof field, "requests[%zd]", i);
            pv_py_raise_type(field, "must be a (citizen, actor, service) tuple");
            goto done;
        }
        const pv_citizen *citizen =
            pv_py_unwrap(PyTuple_GET_ITEM(triple, 0), PV_PY_CITIZEN, "requests", i, "citizen");
        const pv_actor *actor = citizen != NULL ? pv_py_unwrap(PyTuple_GET_ITEM(triple, 1),
                                                               PV_PY_ACTOR, "requests", i, "actor")
                                                : NULL;
        const pv_service *service =
            actor != NULL
                ? pv_py_unwrap(PyTuple_GET_ITEM(triple, 2), PV_PY_SERVICE, "requests", i, "service")
                : NULL;
        if (service == NULL || pv_py_chunk_add(c, citizen, actor, service) != 0) goto done;
    }
    result = pv_py_chunk_result(c);
done:
    if (c != NULL) pv_py_chunk_clear(c);
    PyMem_Free(c);
    Py_DECREF(seq);
    return result;
}

PyObject *pv_batch_evaluate_grid(const pv_citizen *citizen, PyObject *actors, PyObject *services,
                                 pv_date on) {
    pv_py_chunk *c = NULL;
    PyObject *result = NULL, *actor_tuple = NULL, *service_tuple = NULL;
    const pv_actor **actor = NULL;
    const pv_service **service = NULL;
    actor_tuple = PySequence_Tuple(actors);
    service_tuple = actor_tuple != NULL ? PySequence_Tuple(services) : NULL;
    if (service_tuple == NULL) goto done;
    Py_ssize_t na = PyTuple_GET_SIZE(actor_tuple), ns = PyTuple_GET_SIZE(service_tuple);
    if (ns > 0 && na > PY_SSIZE_T_MAX / (Py_ssize_t)sizeof(pv_outcome) / ns) {
        PyErr_NoMemory();
        goto done;
    }
    c = PyMem_Malloc(sizeof *c);
    actor = PyMem_Malloc((size_t)(na > 0 ? na : 1) * sizeof *actor);
    service = PyMem_Malloc((size_t)(ns > 0 ? ns : 1) * sizeof *service);
    if (c == NULL || actor == NULL || service == NULL) {
        PyMem_Free(c);
        c = NULL;
        PyErr_NoMemory();
        goto done;
    }
    if (pv_py_chunk_init(c, na * ns, on) != 0) goto done;
    for (Py_ssize_t a = 0; a < na; a++) {
        actor[a] = pv_py_unwrap(PyTuple_GET_ITEM(actor_tuple, a), PV_PY_ACTOR, "actors", a, NULL);
        if (actor[a] == NULL) goto done;
    }
    for (Py_ssize_t s = 0; s < ns; s++) {
        service[s] =
            pv_py_unwrap(PyTuple_GET_ITEM(service_tuple, s), PV_PY_SERVICE, "services", s, NULL);
        if (service[s] == NULL) goto done;
    }
    for (Py_ssize_t a = 0; a < na; a++) {
        for (Py_ssize_t s = 0; s < ns; s++) {
            if (pv_py_chunk_add(c, citizen, actor[a], service[s]) != 0) goto done;
        }
    }
    result = pv_py_chunk_result(c);
done:
    if (c != NULL) pv_py_chunk_clear(c);
    PyMem_Free(c);
    PyMem_Free((void *)actor);
    PyMem_Free((void *)service);
    Py_XDECREF(service_tuple);
    Py_XDECREF(actor_tuple);
    return result;
}
