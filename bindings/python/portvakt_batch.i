/*
 * portvakt_batch.i — many requests in one call into C (pv_evaluate_many) for portvakt.cportvakt.
 * Included by cportvakt.i before ../portvakt.i.
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
 * The requests are decided 256 at a time (pv_evaluate_many on a chunk on the stack: no
 * allocation grows with the batch but the answers), with the GIL released while C decides. The
 * proxies are held by the caller's sequences, which are held for the call.
 */

%ignore pv_query;
%ignore pv_outcome;
%ignore pv_evaluate_many;
%ignore pv_outcome_to_decision;

%{
enum { PV_BATCH_CHUNK = 256 };

typedef struct pv_batch {
    pv_query chunk[PV_BATCH_CHUNK]; /* the requests not yet decided */
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
    if ((size_t)count > (size_t)PY_SSIZE_T_MAX / sizeof(pv_outcome)) {
        PyErr_NoMemory();
        return -1;
    }
    b->outcomes = PyBytes_FromStringAndSize(NULL, count * (Py_ssize_t)sizeof(pv_outcome));
    b->kinds = PyBytes_FromStringAndSize(NULL, count);
    return b->outcomes && b->kinds ? 0 : -1;
}

static void pv_batch_clear(pv_batch *b) {
    Py_XDECREF(b->outcomes);
    Py_XDECREF(b->kinds);
}

/* The struct behind the proxy 'obj' of 'type'; NULL with InvalidType naming it otherwise. */
static void *pv_batch_pointer(PyObject *obj, swig_type_info *type, const char *list,
                              Py_ssize_t index, const char *member) {
    void *pointer = NULL;
    if (SWIG_IsOK(SWIG_ConvertPtr(obj, &pointer, type, 0)) && pointer != NULL) return pointer;
    PyErr_Clear();
    {
        char field[64];
        if (index < 0) snprintf(field, sizeof field, "%s", list);
        else if (member == NULL) snprintf(field, sizeof field, "%s[%zd]", list, index);
        else snprintf(field, sizeof field, "%s[%zd].%s", list, index, member);
        pv_raise_class(pv_invalid_type_class, field, "must be a proxy of its cportvakt struct");
    }
    return NULL;
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
        pv_raise(&err, "queries");
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

/* Adds one request; decides the chunk when it is full. */
static int pv_batch_add(pv_batch *b, const pv_citizen *c, const pv_actor *a,
                        const pv_service *s) {
    pv_query *q = &b->chunk[b->filled++];
    q->version = PV_QUERY_VERSION;
    q->citizen = c;
    q->actor = a;
    q->service = s;
    return b->filled == PV_BATCH_CHUNK ? pv_batch_flush(b) : 0;
}

/* The tuple described at the top, after the last chunk. */
static PyObject *pv_batch_result(pv_batch *b) {
    if (pv_batch_flush(b) != 0) return NULL;
    return Py_BuildValue("(OOnnNN)", b->outcomes, b->kinds, (Py_ssize_t)b->invalid_count,
                         (Py_ssize_t)b->first_invalid,
                         pv_str_or_none(b->invalid_count ? b->field : NULL),
                         pv_str_or_none(b->detail));
}
%}

%inline %{
PyObject *pv_batch_evaluate_many(PyObject *requests, pv_date on) {
    pv_batch b;
    PyObject *seq, *result = NULL;
    Py_ssize_t i, count;
    int ready = 0;
    seq = PySequence_Fast(requests, "requests must be a sequence");
    if (seq == NULL) return NULL;
    count = PySequence_Fast_GET_SIZE(seq);
    ready = pv_batch_init(&b, count, on) == 0;
    for (i = 0; ready && i < count; i++) {
        PyObject *triple = PySequence_Fast_GET_ITEM(seq, i);
        const pv_citizen *c;
        const pv_actor *a;
        const pv_service *s;
        if (!PyTuple_Check(triple) || PyTuple_GET_SIZE(triple) != 3) {
            char field[48];
            snprintf(field, sizeof field, "requests[%zd]", i);
            pv_raise_class(pv_invalid_type_class, field, "must be a (citizen, actor, service) tuple");
            goto done;
        }
        c = (const pv_citizen *)pv_batch_pointer(PyTuple_GET_ITEM(triple, 0),
                                                 SWIGTYPE_p_pv_citizen, "requests", i, "citizen");
        a = c ? (const pv_actor *)pv_batch_pointer(PyTuple_GET_ITEM(triple, 1),
                                                   SWIGTYPE_p_pv_actor, "requests", i, "actor")
              : NULL;
        s = a ? (const pv_service *)pv_batch_pointer(PyTuple_GET_ITEM(triple, 2),
                                                     SWIGTYPE_p_pv_service, "requests", i,
                                                     "service")
              : NULL;
        if (s == NULL || pv_batch_add(&b, c, a, s) != 0) goto done;
    }
    if (ready) result = pv_batch_result(&b);
done:
    pv_batch_clear(&b);
    Py_DECREF(seq);
    return result;
}

PyObject *pv_batch_evaluate_grid(const pv_citizen *citizen, PyObject *actor_list,
                                 PyObject *service_list, pv_date on) {
    pv_batch b;
    PyObject *actors = NULL, *services = NULL, *result = NULL;
    const pv_actor **actor = NULL;
    const pv_service **service = NULL;
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
    actor = PyMem_Malloc((size_t)(na > 0 ? na : 1) * sizeof *actor);
    service = PyMem_Malloc((size_t)(ns > 0 ? ns : 1) * sizeof *service);
    if (actor == NULL || service == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (a = 0; a < na; a++) {
        actor[a] = (const pv_actor *)pv_batch_pointer(PyTuple_GET_ITEM(actors, a),
                                                      SWIGTYPE_p_pv_actor, "actors", a, NULL);
        if (actor[a] == NULL) goto done;
    }
    for (s = 0; s < ns; s++) {
        service[s] = (const pv_service *)pv_batch_pointer(PyTuple_GET_ITEM(services, s),
                                                          SWIGTYPE_p_pv_service, "services", s,
                                                          NULL);
        if (service[s] == NULL) goto done;
    }
    for (a = 0; a < na; a++) {
        for (s = 0; s < ns; s++) {
            if (pv_batch_add(&b, citizen, actor[a], service[s]) != 0) goto done;
        }
    }
    result = pv_batch_result(&b);
done:
    PyMem_Free((void *)actor);
    PyMem_Free((void *)service);
    if (ready) pv_batch_clear(&b);
    Py_XDECREF(services);
    Py_XDECREF(actors);
    return result;
}
%}
