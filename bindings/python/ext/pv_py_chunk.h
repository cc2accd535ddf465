/*
 * pv_py_chunk.h — many requests decided in chunks by pv_evaluate_many() for the extension's batch
 * and audit functions: the outcomes written straight into one bytes object, the report of the
 * invalid requests kept over every chunk. Not wrapped.
 */
#ifndef PV_PY_CHUNK_H
#define PV_PY_CHUNK_H

#include "pv_py.h"

/** Requests decided by one call of pv_evaluate_many(), on the stack. */
enum {
    PV_PY_CHUNK = 256
};

typedef struct pv_py_chunk {
    pv_query queries[PV_PY_CHUNK]; /* the requests not yet decided */
    size_t filled;
    size_t done;
    pv_date on;
    PyObject *outcomes; /* bytes: one pv_outcome a request */
    PyObject *kinds;    /* bytes: the actor kind of each request */
    size_t invalid_count;
    size_t first_invalid;
    char field[PV_FIELD_PATH_SIZE];
    const char *detail;
} pv_py_chunk;

/** Prepares 'c' for 'count' requests on 'on'. 0, or -1 with an exception set; pv_py_chunk_clear()
    it either way. */
int pv_py_chunk_init(pv_py_chunk *c, Py_ssize_t count, pv_date on);
/** Adds one request; decides the chunk when it is full. 0, or -1 with an exception set. */
int pv_py_chunk_add(pv_py_chunk *c, const pv_citizen *citizen, const pv_actor *actor,
                    const pv_service *service);
/** Decides what is left and returns (outcomes, kinds, invalid_count, first_invalid, field,
    detail) (see pv_py_batch.h); NULL with an exception set on failure. */
PyObject *pv_py_chunk_result(pv_py_chunk *c);
/** Drops the references 'c' holds. */
void pv_py_chunk_clear(pv_py_chunk *c);

#endif /* PV_PY_CHUNK_H */
