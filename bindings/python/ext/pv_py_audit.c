/*
 * pv_py_audit.c — the fast path of the audit's log reader (pv_py_audit.h): the Python side of
 * pv_log_line_read().
 */
#include "pv_py_audit.h"

#include <stdio.h>
#include <string.h>

#include "pv_log_line.h"
#include "pv_py_chunk.h"
#include "pv_py_prepared_type.h"

/* The dicts the lookups read: records, days, actors, services. */
typedef struct lookups {
    PyObject *records;
    PyObject *days;
    PyObject *actors;
    PyObject *services;
} lookups;

static int lookups_ok(const lookups *l) {
    if (PyDict_Check(l->records) && PyDict_Check(l->days) && PyDict_Check(l->actors) &&
        PyDict_Check(l->services)) {
        return 1;
    }
    PyErr_SetString(PyExc_TypeError, "records, days, actors and services must be dicts");
    return 0;
}

/* The value of 'key' in 'dict' (borrowed), or NULL when absent; -1 on error. */
static int lookup(PyObject *dict, PyObject *key, PyObject **value) {
    *value = key != Py_None ? PyDict_GetItemWithError(dict, key) : NULL;
    return *value == NULL && PyErr_Occurred() ? -1 : 0;
}

static PyObject *span_str(const pv_log_span *span) {
    if (span->text == NULL) Py_RETURN_NONE;
    return PyUnicode_DecodeASCII(span->text, (Py_ssize_t)span->size, NULL);
}

static PyObject *span_bytes(const pv_log_span *span) {
    return PyBytes_FromStringAndSize(span->text, (Py_ssize_t)span->size);
}

/* The key of the line's day (pv_py_audit.h): 'on', the hour of 'at', or 'at'. */
static PyObject *day_key(const pv_log_line *in, PyObject *on, PyObject *at) {
    if (in->member[PV_LOG_ON].text != NULL) {
        Py_INCREF(on);
        return on;
    }
    if (in->hour_size > 0) return PyUnicode_DecodeASCII(in->hour, (Py_ssize_t)in->hour_size, NULL);
    Py_INCREF(at);
    return at;
}

/* The request of the line when the dicts hold all it names: a new reference; NULL without an
   exception when they do not. */
static PyObject *ready_item(PyObject *const member[6], const lookups *l, Py_ssize_t line) {
    PyObject *record = NULL;
    PyObject *day = NULL;
    PyObject *actor = NULL;
    PyObject *service = NULL;
    if (lookup(l->records, member[0], &record) != 0 || record == NULL ||
        lookup(l->days, member[5], &day) != 0 || day == NULL ||
        lookup(l->actors, member[3], &actor) != 0 || actor == NULL ||
        lookup(l->services, member[4], &service) != 0 || service == NULL) {
        return NULL;
    }
    return Py_BuildValue("(nOOOOO)", line, member[0], record, actor, service, day);
}

/* The item of a line of the plain shape (pv_py_audit.h): a new reference, NULL on error. */
static PyObject *plain_item(const pv_log_line *in, const lookups *l, Py_ssize_t line) {
    PyObject *member[6];
    member[0] = span_str(&in->member[PV_LOG_CITIZEN]);
    member[1] = span_str(&in->member[PV_LOG_ON]);
    member[2] = span_str(&in->member[PV_LOG_AT]);
    member[3] = span_bytes(&in->member[PV_LOG_ACTOR]);
    member[4] = span_bytes(&in->member[PV_LOG_SERVICE]);
    member[5] = member[1] != NULL && member[2] != NULL ? day_key(in, member[1], member[2]) : NULL;
    PyObject *item = NULL;
    if (member[0] != NULL && member[3] != NULL && member[4] != NULL && member[5] != NULL) {
        item = ready_item(member, l, line);
        if (item == NULL && !PyErr_Occurred()) item = PyList_New(6);
        for (int i = 0; item != NULL && PyList_Check(item) && i < 6; i++) {
            PyList_SET_ITEM(item, i, member[i]);
            member[i] = NULL;
        }
    }
    for (int i = 0; i < 6; i++) Py_XDECREF(member[i]);
    return item;
}

/* The item of the log line 'text' of audit_read: a new reference, NULL on error. */
static PyObject *read_item(PyObject *text, const lookups *l, Py_ssize_t line) {
    pv_log_line in;
    if (PyBytes_Check(text) &&
        pv_log_line_read(PyBytes_AS_STRING(text), (size_t)PyBytes_GET_SIZE(text), &in)) {
        return plain_item(&in, l, line);
    }
    Py_RETURN_NONE;
}

PyObject *pv_audit_read(PyObject *lines, long first, PyObject *records, PyObject *days,
                        PyObject *actors, PyObject *services) {
    const lookups l = {records, days, actors, services};
    if (!lookups_ok(&l)) return NULL;
    PyObject *seq = PySequence_Fast(lines, "lines must be a sequence");
    if (seq == NULL) return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    PyObject *out = PyList_New(n);
    for (Py_ssize_t i = 0; out != NULL && i < n; i++) {
        PyObject *item = read_item(PySequence_Fast_GET_ITEM(seq, i), &l, (Py_ssize_t)first + i);
        if (item == NULL) {
            Py_CLEAR(out);
        } else {
            PyList_SET_ITEM(out, i, item);
        }
    }
    Py_DECREF(seq);
    return out;
}

/* The item of the line of 'n' bytes at 'text' of audit_lines: a new reference, NULL on error. */
static PyObject *block_item(const char *text, size_t n, long limit, const lookups *l,
                            Py_ssize_t line) {
    pv_log_line in;
    if (limit >= 0 && n > (size_t)limit) {
        Py_INCREF(Py_Ellipsis);
        return Py_Ellipsis;
    }
    if (pv_log_line_read(text, n, &in)) return plain_item(&in, l, line);
    return PyBytes_FromStringAndSize(text, (Py_ssize_t)n); /* the package reads it */
}

PyObject *pv_audit_lines(PyObject *block, long first, long limit, PyObject *records, PyObject *days,
                         PyObject *actors, PyObject *services) {
    const lookups l = {records, days, actors, services};
    if (!PyBytes_Check(block)) {
        PyErr_SetString(PyExc_TypeError, "block must be bytes");
        return NULL;
    }
    if (!lookups_ok(&l)) return NULL;
    const char *text = PyBytes_AS_STRING(block);
    size_t size = (size_t)PyBytes_GET_SIZE(block);
    size_t at = 0;
    Py_ssize_t line = first;
    PyObject *out = PyList_New(0);
    while (out != NULL) {
        const char *end = memchr(text + at, '\n', size - at);
        if (end == NULL) break;
        size_t n = (size_t)(end - (text + at));
        PyObject *item = block_item(text + at, n, limit, &l, line);
        if (item == NULL || PyList_Append(out, item) != 0) Py_CLEAR(out);
        Py_XDECREF(item);
        at += n + 1;
        line++;
    }
    if (out == NULL) return NULL;
    return Py_BuildValue("(Nn)", out, (Py_ssize_t)at);
}

/* The structs behind the proxies seen in this call, keyed by the proxy's address (the proxies
   are held by 'requests' for the call, so an address cannot be reused while it is here). */
enum {
    SEEN = 1024
};

typedef struct seen {
    PyObject *proxy[SEEN];
    void *pointer[SEEN];
} seen;

static void *seen_pointer(seen *s, PyObject *obj, pv_py_kind kind, Py_ssize_t index,
                          const char *member) {
    size_t slot = ((size_t)obj >> 4) % SEEN;
    if (s->proxy[slot] == obj) return s->pointer[slot];
    void *pointer = pv_py_unwrap(obj, kind, "requests", index, member);
    if (pointer != NULL) {
        s->proxy[slot] = obj;
        s->pointer[slot] = pointer;
    }
    return pointer;
}

static int request_ok(PyObject *request, Py_ssize_t i, const char *shape) {
    if (PyTuple_Check(request) && PyTuple_GET_SIZE(request) == 3) return 1;
    char field[48];
    (void)snprintf(field, sizeof field, "requests[%zd]", i);
    pv_py_raise_type(field, shape);
    return 0;
}

/* Adds request i, (citizen, actor, service), to the chunk. 0, or -1 with an exception set. */
static int add_request(pv_py_chunk *c, seen *s, PyObject *q, Py_ssize_t i) {
    if (!request_ok(q, i, "must be a (citizen, actor, service) tuple")) return -1;
    const pv_citizen *citizen =
        seen_pointer(&s[0], PyTuple_GET_ITEM(q, 0), PV_PY_CITIZEN, i, "citizen");
    if (citizen == NULL) return -1;
    const pv_actor *actor = seen_pointer(&s[1], PyTuple_GET_ITEM(q, 1), PV_PY_ACTOR, i, "actor");
    if (actor == NULL) return -1;
    const pv_service *service =
        seen_pointer(&s[2], PyTuple_GET_ITEM(q, 2), PV_PY_SERVICE, i, "service");
    if (service == NULL) return -1;
    return pv_py_chunk_add(c, citizen, actor, service);
}

PyObject *pv_audit_evaluate(PyObject *requests, pv_date on) {
    PyObject *seq = PySequence_Fast(requests, "requests must be a sequence");
    if (seq == NULL) return NULL;
    PyObject *result = NULL;
    Py_ssize_t count = PySequence_Fast_GET_SIZE(seq);
    seen *s = PyMem_Calloc(3, sizeof *s); /* citizens, actors, services */
    pv_py_chunk *c = s != NULL ? PyMem_Malloc(sizeof *c) : NULL;
    if (c == NULL) {
        PyErr_NoMemory();
    } else if (pv_py_chunk_init(c, count, on) == 0) {
        Py_ssize_t i = 0;
        while (i < count && add_request(c, s, PySequence_Fast_GET_ITEM(seq, i), i) == 0) i++;
        if (i == count) result = pv_py_chunk_result(c);
    }
    if (c != NULL) pv_py_chunk_clear(c);
    PyMem_Free(c);
    PyMem_Free(s);
    Py_DECREF(seq);
    return result;
}

/* Decides request i, (prepared, actor, service), into out[i] and kind[i]. 1 when it is valid, 0
   when the library refused it (out[i] is then the deny, V1), -1 with an exception set. */
static int decide_request(seen *s, PyObject *q, Py_ssize_t i, pv_date on, pv_outcome *out,
                          char *kind) {
    const pv_citizen *citizen = NULL;
    if (!request_ok(q, i, "must be a (prepared, actor, service) tuple")) return -1;
    const pv_prepared *record = pv_py_prepared_of(PyTuple_GET_ITEM(q, 0), &citizen);
    if (record == NULL) return -1;
    const pv_actor *actor = seen_pointer(&s[0], PyTuple_GET_ITEM(q, 1), PV_PY_ACTOR, i, "actor");
    if (actor == NULL) return -1;
    const pv_service *service =
        seen_pointer(&s[1], PyTuple_GET_ITEM(q, 2), PV_PY_SERVICE, i, "service");
    if (service == NULL) return -1;
    pv_decision d = PV_DECISION_INIT;
    pv_status status = pv_evaluate_prepared(record, citizen, actor, service, on, &d, NULL);
    pv_py_outcome(&out[i], &d);
    kind[i] = (char)actor->kind;
    return status == PV_OK ? 1 : 0;
}

PyObject *pv_audit_decide(PyObject *requests, pv_date on) {
    PyObject *seq = PySequence_Fast(requests, "requests must be a sequence");
    if (seq == NULL) return NULL;
    Py_ssize_t count = PySequence_Fast_GET_SIZE(seq);
    PyObject *result = NULL;
    PyObject *outcomes = NULL;
    PyObject *kinds = NULL;
    seen *s = PyMem_Calloc(2, sizeof *s); /* actors, services */
    if (s == NULL || (size_t)count > (size_t)PY_SSIZE_T_MAX / sizeof(pv_outcome)) {
        PyErr_NoMemory();
        goto done;
    }
    outcomes = PyBytes_FromStringAndSize(NULL, count * (Py_ssize_t)sizeof(pv_outcome));
    kinds = PyBytes_FromStringAndSize(NULL, count);
    if (outcomes == NULL || kinds == NULL) goto done;
    pv_outcome *out = (pv_outcome *)(void *)PyBytes_AS_STRING(outcomes);
    Py_ssize_t invalid = 0;
    Py_ssize_t first = count;
    for (Py_ssize_t i = 0; i < count; i++) {
        int valid = decide_request(s, PySequence_Fast_GET_ITEM(seq, i), i, on, out,
                                   PyBytes_AS_STRING(kinds));
        if (valid < 0) goto done;
        if (valid == 0 && invalid++ == 0) first = i;
    }
    result = Py_BuildValue("(OOnnOO)", outcomes, kinds, invalid, first, Py_None, Py_None);
done:
    Py_XDECREF(outcomes);
    Py_XDECREF(kinds);
    PyMem_Free(s);
    Py_DECREF(seq);
    return result;
}
