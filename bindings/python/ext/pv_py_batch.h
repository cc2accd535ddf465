/*
 * pv_py_batch.h — many requests in one call into C (pv_evaluate_many), wrapped by SWIG as
 * portvakt.cportvakt.batch_evaluate_many and batch_evaluate_grid.
 *
 *   batch_evaluate_many(requests, on)
 *       requests: a sequence of (citizen, actor, service) triples of struct proxies
 *   batch_evaluate_grid(citizen, actors, services, on)
 *       every actor proxy of 'actors' asking for every service proxy of 'services', actor by
 *       actor: request a * len(services) + s is (citizen, actors[a], services[s])
 *
 * Both return (outcomes, kinds, invalid_count, first_invalid, field, detail): 'outcomes' a bytes
 * object of one pv_outcome per request, as the C library wrote it (the records evaluate returns
 * one at a time; the layout is pv_layout()'s); 'kinds' a bytes object of each request's actor
 * kind; 'invalid_count' the number of outcomes with reason PV_REASON_INVALID_INPUT,
 * 'first_invalid' the index of the first of them (the number of requests when there is none),
 * 'field' and 'detail' the pv_error of the call that met it, with the "queries[i]." of the field
 * dropped (both None when all are valid). A proxy of another type raises InvalidType naming it
 * ("requests[3].actor", "actors[1]").
 *
 *   batch_evaluate_compiled(requests, on, attribute)
 *       As batch_evaluate_many for a list or tuple of (citizen, actor, service) tuples of objects
 *       that each hold their struct proxy in the attribute named 'attribute' (the package's
 *       compiled inputs): the proxies are read here, each object once per call, with no Python
 *       code run per request. None when an input holds no proxy of its kind there (the caller
 *       then takes the way of batch_evaluate_many, which names what is wrong).
 *
 * The requests are decided 256 at a time (pv_evaluate_many on a chunk on the stack: no
 * allocation grows with the batch but the answers), with the GIL released while C decides. The
 * proxies are held by the caller's sequences, which are held for the call.
 */
#ifndef PV_PY_BATCH_H
#define PV_PY_BATCH_H

#include "pv_py.h"

PyObject *pv_batch_evaluate_many(PyObject *requests, pv_date on);
PyObject *pv_batch_evaluate_compiled(PyObject *requests, pv_date on, PyObject *attribute);
PyObject *pv_batch_evaluate_grid(const pv_citizen *citizen, PyObject *actors, PyObject *services,
                                 pv_date on);

#endif /* PV_PY_BATCH_H */
