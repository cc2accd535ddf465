/*
 * pv_py_chunk.c — many requests decided in chunks by pv_evaluate_many() (pv_py_chunk.h).
 */
#include "pv_py_chunk.h"

#include <stdio.h>
#include <string.h>

int pv_py_chunk_init(pv_py_chunk *c, Py_ssize_t count, pv_date on) {
    memset(c, 0, sizeof *c);
    c->on = on;
    c->first_invalid = (size_t)count;
    if ((size_t)count > (size_t)PY_SSIZE_T_MAX / sizeof(pv_outcome)) {
        PyErr_NoMemory();
        return -1;
    }
    c->outcomes = PyBytes_FromStringAndSize(NULL, count * (Py_ssize_t)sizeof(pv_outcome));
    c->kinds = PyBytes_FromStringAndSize(NULL, count);
    return c->outcomes != NULL && c->kinds != NULL ? 0 : -1;
}

void pv_py_chunk_clear(pv_py_chunk *c) {
    Py_CLEAR(c->outcomes);
    Py_CLEAR(c->kinds);
}

/* 'field' without the "queries[i]." that pv_evaluate_many() puts before the field of a request
   ("queries[7].actor.id" is "actor.id"); any other field ("on") as it is. */
static const char *request_field(const char *field) {
    const char *p = field;
    if (strncmp(p, "queries[", 8) != 0) return field;
    p += 8;
    while (*p >= '0' && *p <= '9') p++;
    return p[0] == ']' && p[1] == '.' ? p + 2 : field;
}

/* Decides the requests of the chunk, without the GIL, and adds them to the report: the invalid
   requests are counted from the outcomes (reason PV_REASON_INVALID_INPUT), the field comes from
   the pv_error. -1 with InvalidInput set if the call wrote no outcome. */
static int flush(pv_py_chunk *c) {
    size_t n = c->filled;
    if (n == 0) return 0;
    pv_outcome *out = (pv_outcome *)(void *)PyBytes_AS_STRING(c->outcomes) + c->done;
    char *kind = PyBytes_AS_STRING(c->kinds) + c->done;
    pv_error err = PV_ERROR_INIT;
    pv_status status;
    size_t invalid = 0;
    size_t first = 0;
    out[0].version = PV_OUTCOME_VERSION; /* the layout of the whole array */
    Py_BEGIN_ALLOW_THREADS status = pv_evaluate_many(c->queries, n, c->on, out, &err);
    for (size_t i = 0; i < n; i++) {
        kind[i] = (char)c->queries[i].actor->kind;
        if (status != PV_OK && out[i].reason == PV_REASON_INVALID_INPUT) {
            if (invalid == 0) first = i;
            invalid++;
        }
    }
    Py_END_ALLOW_THREADS if (status != PV_OK && invalid == 0) {
        /* Refused as a whole (a version the library does not know): no outcome was written. */
        pv_py_raise(&err, "queries");
        return -1;
    }
    if (invalid > 0 && c->invalid_count == 0) {
        const char *field = request_field(err.field);
        c->first_invalid = c->done + first;
        (void)snprintf(c->field, sizeof c->field, "%s", field[0] != '\0' ? field : "input");
        c->detail = err.message;
    }
    c->invalid_count += invalid;
    c->done += n;
    c->filled = 0;
    return 0;
}

int pv_py_chunk_add(pv_py_chunk *c, const pv_citizen *citizen, const pv_actor *actor,
                    const pv_service *service) {
    pv_query *q = &c->queries[c->filled++];
    q->version = PV_QUERY_VERSION;
    q->citizen = citizen;
    q->actor = actor;
    q->service = service;
    return c->filled == PV_PY_CHUNK ? flush(c) : 0;
}

PyObject *pv_py_chunk_result(pv_py_chunk *c) {
    if (flush(c) != 0) return NULL;
    return Py_BuildValue("(OOnnNN)", c->outcomes, c->kinds, (Py_ssize_t)c->invalid_count,
                         (Py_ssize_t)c->first_invalid,
                         pv_py_str_or_none(c->invalid_count > 0 ? c->field : NULL),
                         pv_py_str_or_none(c->detail));
}
