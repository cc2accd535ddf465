/*
 * portvakt_batch.i — many requests in one call into C (pv_evaluate_many) for portvakt.cportvakt.
 * Included by portvakt.i before portvakt.h.
 *
 *   batch_evaluate_many(requests, on)
 *       requests: a sequence of (citizen, actor, service) triples of portvakt.Citizen, Actor and
 *       Service objects (the package's classes, not the SWIG structs)
 *   batch_evaluate_grid(citizen, actors, services, on)
 *       every actor of the sequence 'actors' asking for every service of 'services', actor by
 *       actor: request a * len(services) + s is (citizen, actors[a], services[s])
 *
 * Both return (outcomes, kinds, invalid_count, first_invalid, field, detail): 'outcomes' a bytes
 * object of one pv_outcome per request (OUTCOME_SIZE bytes each), as the C library wrote it
 * (native byte order: version u32, reasons u32, changes_on year i16, month u8, day u8, effect u8,
 * reason u8, rule u8, filtered u8, then PV_REASON_MAX bytes of reason_rules; the offsets of
 * effect, reason and reason_rules are OUTCOME_EFFECT_OFFSET, OUTCOME_REASON_OFFSET and
 * OUTCOME_REASON_RULES_OFFSET); 'kinds' a bytes object of each request's actor kind;
 * 'invalid_count' the number of outcomes with reason PV_REASON_INVALID_INPUT, 'first_invalid'
 * the index of the first of them (the number of requests when there is none), 'field' and
 * 'detail' the pv_error of the call that met it, with the "queries[i]." of the field dropped
 * (both None when all are valid).
 *
 * The C form of each input is the pointer of its mirror (obj._pv_mirror.ptr), built with
 * obj._compile() when missing, exactly as the package's evaluate() does. Every mirror used is
 * held in a list until the call returns, so every pointer stays valid; an object seen before in
 * the same call is found in a small table by identity (holding a reference to it) instead of
 * through its attributes again. The requests are decided 256 at a time (pv_evaluate_many on a
 * chunk on the stack: no allocation grows with the batch but the answers), with the GIL
 * released while C decides. An object that is not of the expected class raises TypeError (the
 * package names the request and the field).
 */

%fragment("pv_raise_invalid");

%ignore pv_query;
%ignore pv_outcome;
%ignore pv_evaluate_many;
%ignore pv_outcome_to_decision;

/* The layout of pv_outcome, for the package's decoder (portvakt/_batch.py checks its own struct
   format against these when it is imported). */
%{
#define PV_BATCH_OUTCOME_SIZE sizeof(pv_outcome)
#define PV_BATCH_OUTCOME_EFFECT_OFFSET offsetof(pv_outcome, effect)
#define PV_BATCH_OUTCOME_REASON_OFFSET offsetof(pv_outcome, reason)
#define PV_BATCH_OUTCOME_REASON_RULES_OFFSET offsetof(pv_outcome, reason_rules)
%}
%constant size_t OUTCOME_SIZE = PV_BATCH_OUTCOME_SIZE;
%constant size_t OUTCOME_EFFECT_OFFSET = PV_BATCH_OUTCOME_EFFECT_OFFSET;
%constant size_t OUTCOME_REASON_OFFSET = PV_BATCH_OUTCOME_REASON_OFFSET;
%constant size_t OUTCOME_REASON_RULES_OFFSET = PV_BATCH_OUTCOME_REASON_RULES_OFFSET;

%{
/* Objects already converted in this call, by identity. The table holds a reference to each
   object in it, so that no other object can take its address during the call. */
enum { PV_BATCH_SLOTS = 64, PV_BATCH_CHUNK = 256 };

typedef struct pv_batch_seen {
    PyObject *object[PV_BATCH_SLOTS];
    void *pointer[PV_BATCH_SLOTS];
} pv_batch_seen;

typedef struct pv_batch {
    PyObject *mirror;  /* "_pv_mirror" */
    PyObject *ptr;     /* "ptr" */
    PyObject *compile; /* "_compile" */
    PyObject *keep;    /* the mirrors used, alive until the call returns */
    pv_batch_seen citizens, actors, services;
    /* The requests not yet decided, and where the answers go. */
    pv_query chunk[PV_BATCH_CHUNK];
    size_t filled;
    size_t done;
    pv_date on;
    PyObject *outcomes;
    PyObject *kinds;
    /* The report over every chunk. */
    size_t invalid_count;
    size_t first_invalid;
    char field[PV_FIELD_PATH_SIZE];
    const char *detail;
} pv_batch;

/* Prepares 'b' for 'count' requests; -1 with an exception on failure (pv_batch_clear it). */
static int pv_batch_init(pv_batch *b, Py_ssize_t count, pv_date on) {
    memset(b, 0, sizeof *b);
    b->on = on;
    b->first_invalid = (size_t)count;
    b->mirror = PyUnicode_InternFromString("_pv_mirror");
    b->ptr = PyUnicode_InternFromString("ptr");
    b->compile = PyUnicode_InternFromString("_compile");
    b->keep = PyList_New(0);
    if (!(b->mirror && b->ptr && b->compile && b->keep)) return -1;
    if ((size_t)count > (size_t)PY_SSIZE_T_MAX / sizeof(pv_outcome)) {
        PyErr_NoMemory();
        return -1;
    }
    b->outcomes = PyBytes_FromStringAndSize(NULL, count * (Py_ssize_t)sizeof(pv_outcome));
    b->kinds = PyBytes_FromStringAndSize(NULL, count);
    return b->outcomes && b->kinds ? 0 : -1;
}

static void pv_batch_seen_clear(pv_batch_seen *seen) {
    int i;
    for (i = 0; i < PV_BATCH_SLOTS; i++) Py_CLEAR(seen->object[i]);
}

static void pv_batch_clear(pv_batch *b) {
    Py_XDECREF(b->mirror);
    Py_XDECREF(b->ptr);
    Py_XDECREF(b->compile);
    Py_XDECREF(b->keep);
    Py_XDECREF(b->outcomes);
    Py_XDECREF(b->kinds);
    pv_batch_seen_clear(&b->citizens);
    pv_batch_seen_clear(&b->actors);
    pv_batch_seen_clear(&b->services);
}

/* The C struct behind the package object 'obj' (of SWIG type 'type'): the pointer of its mirror,
   built with obj._compile() if missing. NULL with an exception if 'obj' is of another class. */
static void *pv_batch_pointer(pv_batch *b, PyObject *obj, swig_type_info *type,
                              pv_batch_seen *seen) {
    size_t slot = ((size_t)(uintptr_t)obj >> 4) % PV_BATCH_SLOTS;
    if (seen->object[slot] == obj) return seen->pointer[slot];
    PyObject *mirror = PyObject_GetAttr(obj, b->mirror);
    if (mirror == Py_None) {
        Py_DECREF(mirror);
        mirror = PyObject_CallMethodObjArgs(obj, b->compile, NULL);
    }
    if (mirror == NULL) return NULL;
    void *pointer = NULL;
    PyObject *ptr = PyObject_GetAttr(mirror, b->ptr);
    int ok = ptr != NULL && SWIG_IsOK(SWIG_ConvertPtr(ptr, &pointer, type, 0)) &&
             pointer != NULL && PyList_Append(b->keep, mirror) == 0;
    Py_XDECREF(ptr);
    Py_DECREF(mirror);
    if (!ok) {
        if (!PyErr_Occurred() || PyErr_ExceptionMatches(PyExc_AttributeError)) {
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError, "expected a portvakt input of another class, not %s",
                         Py_TYPE(obj)->tp_name);
        }
        return NULL;
    }
    Py_INCREF(obj);
    Py_XSETREF(seen->object[slot], obj);
    seen->pointer[slot] = pointer;
    return pointer;
}

/* 'field' without the "queries[i]." that pv_evaluate_many() puts before the field of a request
   ("queries[7].actor.id" is "actor.id"); any other field ("on") as it is. */
static const char *pv_batch_request_field(const char *field) {
    const char *p = field;
    if (strncmp(p, "queries[", 8) != 0) return field;
    p += 8;
    while (*p >= '0' && *p <= '9') p++;
    return p[0] == ']' && p[1] == '.' ? p + 2 : field;
}

/* Decides the requests of the chunk, without the GIL, and adds them to the report: the invalid
   requests are counted from the outcomes (reason PV_REASON_INVALID_INPUT), the field comes from
   the pv_error. Returns -1 with InvalidInput set if the call wrote no outcome. */
static int pv_batch_flush(pv_batch *b) {
    pv_outcome *out = (pv_outcome *)PyBytes_AS_STRING(b->outcomes) + b->done;
    char *kind = PyBytes_AS_STRING(b->kinds) + b->done;
    pv_error err = PV_ERROR_INIT;
    pv_status status;
    size_t i, n = b->filled, invalid = 0, first = 0;
    if (n == 0) return 0;
    out[0].version = PV_OUTCOME_VERSION; /* the layout of the whole array */
    Py_BEGIN_ALLOW_THREADS
    status = pv_evaluate_many(b->chunk, n, b->on, out, &err);
    for (i = 0; i < n; i++) {
        kind[i] = (char)b->chunk[i].actor->kind;
        if (status != PV_OK && out[i].reason == PV_REASON_INVALID_INPUT) {
            if (invalid == 0) first = i;
            invalid++;
        }
    }
    Py_END_ALLOW_THREADS
    if (status != PV_OK && invalid == 0) {
        /* Refused as a whole (a version the library does not know): no outcome was written. */
        pv_raise_invalid(err.field[0] != '\0' ? err.field : "queries",
                         err.message != NULL ? err.message : "is not valid");
        return -1;
    }
    if (invalid > 0 && b->invalid_count == 0) {
        const char *field = pv_batch_request_field(err.field);
        b->first_invalid = b->done + first;
        snprintf(b->field, sizeof b->field, "%s", field[0] != '\0' ? field : "input");
        b->detail = err.message;
    }
    b->invalid_count += invalid;
    b->done += n;
    b->filled = 0;
    return 0;
}

/* Adds one request; decides the chunk when it is full. Returns -1 with an exception set if the
   chunk could not be decided. */
static int pv_batch_add(pv_batch *b, const pv_citizen *c, const pv_actor *a,
                        const pv_service *s) {
    pv_query *q = &b->chunk[b->filled++];
    q->version = PV_QUERY_VERSION;
    q->citizen = c;
    q->actor = a;
    q->service = s;
    return b->filled == PV_BATCH_CHUNK ? pv_batch_flush(b) : 0;
}

/* A new reference to None, or a str copied from 'text'. */
static PyObject *pv_batch_str(const char *text) {
    if (text == NULL) Py_RETURN_NONE;
    return PyUnicode_FromString(text);
}

/* The tuple described at the top, after the last chunk. */
static PyObject *pv_batch_result(pv_batch *b) {
    if (pv_batch_flush(b) != 0) return NULL;
    return Py_BuildValue("(OOnnNN)", b->outcomes, b->kinds, (Py_ssize_t)b->invalid_count,
                         (Py_ssize_t)b->first_invalid,
                         pv_batch_str(b->invalid_count ? b->field : NULL),
                         pv_batch_str(b->detail));
}
%}

%inline %{
PyObject *pv_batch_evaluate_many(PyObject *requests, pv_date on) {
    pv_batch b;
    PyObject *seq, *result = NULL;
    Py_ssize_t i, count;
    seq = PySequence_Fast(requests, "requests must be a sequence");
    if (seq == NULL) return NULL;
    count = PySequence_Fast_GET_SIZE(seq);
    if (pv_batch_init(&b, count, on) != 0) goto done;
    for (i = 0; i < count; i++) {
        const pv_citizen *c;
        const pv_actor *a;
        const pv_service *s;
        PyObject *request, *triple;
        if (i >= PySequence_Fast_GET_SIZE(seq)) {
            PyErr_SetString(PyExc_RuntimeError, "requests changed size during the call");
            goto done;
        }
        request = PySequence_Fast_GET_ITEM(seq, i);
        Py_INCREF(request);
        triple = PyTuple_Check(request) ? (Py_INCREF(request), request) : PySequence_Tuple(request);
        Py_DECREF(request);
        if (triple == NULL) goto done;
        if (PyTuple_GET_SIZE(triple) != 3) {
            PyErr_SetString(PyExc_TypeError, "a request is a (citizen, actor, service) triple");
            Py_DECREF(triple);
            goto done;
        }
        c = (const pv_citizen *)pv_batch_pointer(&b, PyTuple_GET_ITEM(triple, 0),
                                                 SWIGTYPE_p_pv_citizen, &b.citizens);
        a = c ? (const pv_actor *)pv_batch_pointer(&b, PyTuple_GET_ITEM(triple, 1),
                                                   SWIGTYPE_p_pv_actor, &b.actors)
              : NULL;
        s = a ? (const pv_service *)pv_batch_pointer(&b, PyTuple_GET_ITEM(triple, 2),
                                                     SWIGTYPE_p_pv_service, &b.services)
              : NULL;
        Py_DECREF(triple);
        if (s == NULL || pv_batch_add(&b, c, a, s) != 0) goto done;
    }
    result = pv_batch_result(&b);
done:
    pv_batch_clear(&b);
    Py_DECREF(seq);
    return result;
}

PyObject *pv_batch_evaluate_grid(PyObject *citizen, PyObject *actor_list, PyObject *service_list,
                                 pv_date on) {
    pv_batch b;
    PyObject *actors = NULL, *services = NULL, *result = NULL;
    const pv_actor *actor_stack[16], **actor = actor_stack;
    const pv_service *service_stack[16], **service = service_stack;
    const pv_citizen *record;
    Py_ssize_t na, ns, a, s;
    int ready = 0;
    actors = PySequence_Tuple(actor_list);
    services = actors ? PySequence_Tuple(service_list) : NULL;
    if (services == NULL) goto done;
    na = PyTuple_GET_SIZE(actors);
    ns = PyTuple_GET_SIZE(services);
    if (ns > 0 && na > PY_SSIZE_T_MAX / (Py_ssize_t)sizeof(pv_outcome) / ns) {
        PyErr_NoMemory();
        goto done;
    }
    ready = 1;
    if (pv_batch_init(&b, na * ns, on) != 0) goto done;
    if (na > 16) actor = PyMem_Malloc((size_t)na * sizeof *actor);
    if (ns > 16) service = PyMem_Malloc((size_t)ns * sizeof *service);
    if (actor == NULL || service == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    record = (const pv_citizen *)pv_batch_pointer(&b, citizen, SWIGTYPE_p_pv_citizen,
                                                  &b.citizens);
    if (record == NULL) goto done;
    for (a = 0; a < na; a++) {
        actor[a] = (const pv_actor *)pv_batch_pointer(&b, PyTuple_GET_ITEM(actors, a),
                                                      SWIGTYPE_p_pv_actor, &b.actors);
        if (actor[a] == NULL) goto done;
    }
    for (s = 0; s < ns; s++) {
        service[s] = (const pv_service *)pv_batch_pointer(&b, PyTuple_GET_ITEM(services, s),
                                                          SWIGTYPE_p_pv_service, &b.services);
        if (service[s] == NULL) goto done;
    }
    for (a = 0; a < na; a++) {
        for (s = 0; s < ns; s++) {
            if (pv_batch_add(&b, record, actor[a], service[s]) != 0) goto done;
        }
    }
    result = pv_batch_result(&b);
done:
    if (actor != actor_stack) PyMem_Free((void *)actor);
    if (service != service_stack) PyMem_Free((void *)service);
    if (ready) pv_batch_clear(&b);
    Py_XDECREF(services);
    Py_XDECREF(actors);
    return result;
}
%}
