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

/* The objects of a compiled batch seen in this call, direct-mapped by address: the struct behind
   the proxy each holds. The requests hold the objects and 'keep' their proxies for the call. */
enum {
    SEEN_SLOTS = 1024
};

typedef struct seen_slot {
    PyObject *holder;
    const void *pointer;
} seen_slot;

typedef struct compiled_batch {
    seen_slot seen[3][SEEN_SLOTS]; /* citizens, actors, services */
    PyObject *attribute;
    PyObject *keep; /* a list of the proxies read */
} compiled_batch;

/* The struct behind the proxy that 'holder' holds in the attribute; NULL (no exception) when it
   holds none of 'kind', or on error (an exception set). */
static const void *compiled_struct(compiled_batch *b, int which, PyObject *holder,
                                   pv_py_kind kind) {
    seen_slot *slot = &b->seen[which][((size_t)holder >> 4) % SEEN_SLOTS];
    if (slot->holder == holder) return slot->pointer;
    PyObject *proxy = PyObject_GetAttr(holder, b->attribute);
    if (proxy == NULL) {
        PyErr_Clear();
        return NULL;
    }
    const void *pointer = proxy != Py_None ? pv_py_struct_uncached(proxy, kind) : NULL;
    if (pointer != NULL && PyList_Append(b->keep, proxy) != 0) pointer = NULL;
    Py_DECREF(proxy);
    if (pointer != NULL) *slot = (seen_slot){holder, pointer};
    return pointer;
}

/* Adds the compiled request 'q' to the chunk: 1, or 0 when it is not one (no exception), or -1
   with an exception set. */
static int add_compiled(pv_py_chunk *c, compiled_batch *b, PyObject *q) {
    if (!PyTuple_CheckExact(q) || PyTuple_GET_SIZE(q) != 3) return 0;
    const pv_citizen *citizen = compiled_struct(b, 0, PyTuple_GET_ITEM(q, 0), PV_PY_CITIZEN);
    const pv_actor *actor =
        citizen != NULL ? compiled_struct(b, 1, PyTuple_GET_ITEM(q, 1), PV_PY_ACTOR) : NULL;
    const pv_service *service =
        actor != NULL ? compiled_struct(b, 2, PyTuple_GET_ITEM(q, 2), PV_PY_SERVICE) : NULL;
    if (service == NULL) return PyErr_Occurred() ? -1 : 0;
    return pv_py_chunk_add(c, citizen, actor, service) == 0 ? 1 : -1;
}

/* The answer of the compiled batch 'seq' (a tuple), or None. */
static PyObject *compiled_result(pv_py_chunk *c, compiled_batch *b, PyObject *seq) {
    Py_ssize_t count = PySequence_Fast_GET_SIZE(seq);
    for (Py_ssize_t i = 0; i < count; i++) {
        int added = add_compiled(c, b, PySequence_Fast_GET_ITEM(seq, i));
        if (added < 0) return NULL;
        if (added == 0) Py_RETURN_NONE;
    }
    return pv_py_chunk_result(c);
}

PyObject *pv_batch_evaluate_compiled(PyObject *requests, pv_date on, PyObject *attribute) {
    if (!PyUnicode_Check(attribute)) {
        pv_py_raise_type("attribute", "must be a str");
        return NULL;
    }
    if (!PyList_CheckExact(requests) && !PyTuple_CheckExact(requests)) Py_RETURN_NONE;
    /* A tuple of its own: the objects stay as they are while the GIL is released to decide. */
    PyObject *seq = PySequence_Tuple(requests);
    if (seq == NULL) return NULL;
    PyObject *result = NULL;
    compiled_batch *b = PyMem_Calloc(1, sizeof *b);
    pv_py_chunk *c = b != NULL ? PyMem_Malloc(sizeof *c) : NULL;
    if (c == NULL) {
        PyErr_NoMemory();
    } else if ((b->keep = PyList_New(0)) != NULL &&
               pv_py_chunk_init(c, PySequence_Fast_GET_SIZE(seq), on) == 0) {
        b->attribute = attribute;
        result = compiled_result(c, b, seq);
    }
    if (c != NULL) pv_py_chunk_clear(c);
    if (b != NULL) Py_XDECREF(b->keep);
    PyMem_Free(c);
    PyMem_Free(b);
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
