/*
 * pv_py_batch.c — batch_evaluate_many and batch_evaluate_grid (pv_py_batch.h).
 */
#include "pv_py_batch.h"

#include <stdio.h>

#include "pv_py_chunk.h"

/* Adds request i, the (citizen, actor, service) tuple 'triple', to the chunk. 0, or -1 with
   InvalidType naming it (or the exception of the chunk's decision) set. */
static int add_triple(pv_py_chunk *c, PyObject *triple, Py_ssize_t i) {
    if (!PyTuple_Check(triple) || PyTuple_GET_SIZE(triple) != 3) {
        char field[48];
        (void)snprintf(field, sizeof field, "requests[%zd]", i);
        pv_py_raise_type(field, "must be a (citizen, actor, service) tuple");
        return -1;
    }
    const pv_citizen *citizen =
        pv_py_unwrap(PyTuple_GET_ITEM(triple, 0), PV_PY_CITIZEN, "requests", i, "citizen");
    if (citizen == NULL) return -1;
    const pv_actor *actor =
        pv_py_unwrap(PyTuple_GET_ITEM(triple, 1), PV_PY_ACTOR, "requests", i, "actor");
    if (actor == NULL) return -1;
    const pv_service *service =
        pv_py_unwrap(PyTuple_GET_ITEM(triple, 2), PV_PY_SERVICE, "requests", i, "service");
    if (service == NULL) return -1;
    return pv_py_chunk_add(c, citizen, actor, service);
}

PyObject *pv_batch_evaluate_many(PyObject *requests, pv_date on) {
    PyObject *seq = PySequence_Fast(requests, "requests must be a sequence");
    if (seq == NULL) return NULL;
    PyObject *result = NULL;
    Py_ssize_t count = PySequence_Fast_GET_SIZE(seq);
    pv_py_chunk *c = PyMem_Malloc(sizeof *c);
    if (c == NULL) {
        PyErr_NoMemory();
    } else if (pv_py_chunk_init(c, count, on) == 0) {
        Py_ssize_t i = 0;
        while (i < count && add_triple(c, PySequence_Fast_GET_ITEM(seq, i), i) == 0) i++;
        if (i == count) result = pv_py_chunk_result(c);
    }
    if (c != NULL) pv_py_chunk_clear(c);
    PyMem_Free(c);
    Py_DECREF(seq);
    return result;
}

/* The struct behind one proxy of a list of the grid. */
typedef struct grid_item {
    const void *pointer;
} grid_item;

/* The structs behind the proxies of the tuple 'items' (InvalidType naming list[i] otherwise):
   a new array (PyMem_Free it), or NULL with an exception set. */
static grid_item *grid_items(PyObject *items, pv_py_kind kind, const char *list) {
    Py_ssize_t n = PyTuple_GET_SIZE(items);
    grid_item *out = PyMem_Malloc((size_t)(n > 0 ? n : 1) * sizeof(grid_item));
    if (out == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        out[i].pointer = pv_py_unwrap(PyTuple_GET_ITEM(items, i), kind, list, i, NULL);
        if (out[i].pointer == NULL) {
            PyMem_Free(out);
            return NULL;
        }
    }
    return out;
}

/* Every actor asking for every service, actor by actor, into the chunk; then its result. */
static PyObject *grid_result(pv_py_chunk *c, const pv_citizen *citizen, const grid_item *actor,
                             Py_ssize_t na, const grid_item *service, Py_ssize_t ns) {
    for (Py_ssize_t a = 0; a < na; a++) {
        for (Py_ssize_t s = 0; s < ns; s++) {
            if (pv_py_chunk_add(c, citizen, actor[a].pointer, service[s].pointer) != 0) {
                return NULL;
            }
        }
    }
    return pv_py_chunk_result(c);
}

PyObject *pv_batch_evaluate_grid(const pv_citizen *citizen, PyObject *actors, PyObject *services,
                                 pv_date on) {
    PyObject *result = NULL;
    grid_item *actor = NULL;
    grid_item *service = NULL;
    pv_py_chunk *c = NULL;
    PyObject *actor_tuple = PySequence_Tuple(actors);
    PyObject *service_tuple = actor_tuple != NULL ? PySequence_Tuple(services) : NULL;
    if (service_tuple == NULL) goto done;
    Py_ssize_t na = PyTuple_GET_SIZE(actor_tuple);
    Py_ssize_t ns = PyTuple_GET_SIZE(service_tuple);
    if (ns > 0 && na > PY_SSIZE_T_MAX / (Py_ssize_t)sizeof(pv_outcome) / ns) {
        PyErr_NoMemory();
        goto done;
    }
    actor = grid_items(actor_tuple, PV_PY_ACTOR, "actors");
    service = actor != NULL ? grid_items(service_tuple, PV_PY_SERVICE, "services") : NULL;
    if (service == NULL) goto done;
    c = PyMem_Malloc(sizeof *c);
    if (c == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    if (pv_py_chunk_init(c, na * ns, on) == 0) {
        result = grid_result(c, citizen, actor, na, service, ns);
    }
    pv_py_chunk_clear(c);
done:
    PyMem_Free(c);
    PyMem_Free(actor);
    PyMem_Free(service);
    Py_XDECREF(service_tuple);
    Py_XDECREF(actor_tuple);
    return result;
}
