/*
 * portvakt_audit.i — the fast path of the audit's log reader (portvakt/_audit.py, RULES.md H5).
 *
 *   audit_scan(lines)
 *       lines: a list of bytes, one log line each. Returns a list of the same length: for a line
 *       of the common shape, the tuple (citizen, on, at, actor, service, hour): 'citizen' the record id
 *       (str), 'on' and 'at' the date or timestamp text (str, exactly one of them not None),
 *       'actor' and 'service' the bytes of their JSON objects as written, and 'hour' the text of
 *       the hour and offset of 'at' when every timestamp of that hour has the same date in
 *       Sweden (see pv_scan_hour), else None; for any other line, None, and the caller reads it
 *       with the json module.
 *
 * The common shape: one JSON object of printable ASCII (RFC 8259), whose members "citizen",
 * "on" or "at" are strings without escapes, "actor" and "service" objects, each member once;
 * other members are skipped (and checked to be JSON). Anything else (an escape in one of those
 * strings, a byte above 0x7E, a value of another type, a missing or repeated member, JSON the
 * scanner does not accept) is None: the json module then decides, and reports what is wrong.
 * So the fast path never accepts a line the json module would refuse, and it never reports one.
 */

%{
enum { PV_SCAN_MAX_DEPTH = 64 };

typedef struct pv_scan {
    const char *p;
    const char *end;
} pv_scan;

static void pv_scan_ws(pv_scan *s) {
    while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r')) s->p++;
}

static int pv_scan_hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* A string, at its opening quote. Sets *plain to 0 when it holds an escape. 0 on success. */
static int pv_scan_string(pv_scan *s, const char **start, const char **stop, int *plain) {
    s->p++; /* the quote */
    *start = s->p;
    *plain = 1;
    while (s->p < s->end) {
        unsigned char c = (unsigned char)*s->p;
        if (c == '"') {
            *stop = s->p++;
            return 0;
        }
        if (c < 0x20 || c > 0x7E) return -1; /* a control character, or not ASCII */
        if (c == '\\') {
            *plain = 0;
            if (++s->p >= s->end) return -1;
            c = (unsigned char)*s->p;
            if (c == 'u') {
                if (s->end - s->p < 5 || !pv_scan_hex(s->p[1]) || !pv_scan_hex(s->p[2]) ||
                    !pv_scan_hex(s->p[3]) || !pv_scan_hex(s->p[4]))
                    return -1;
                s->p += 4;
            } else if (!strchr("\"\\/bfnrt", c) || c == 0) {
                return -1;
            }
        }
        s->p++;
    }
    return -1;
}

static int pv_scan_digits(pv_scan *s) {
    const char *from = s->p;
    while (s->p < s->end && *s->p >= '0' && *s->p <= '9') s->p++;
    return s->p > from ? 0 : -1;
}

/* A number of RFC 8259. */
static int pv_scan_number(pv_scan *s) {
    if (*s->p == '-') s->p++;
    if (s->p < s->end && *s->p == '0') {
        s->p++;
    } else if (pv_scan_digits(s) != 0) {
        return -1;
    }
    if (s->p < s->end && *s->p == '.') {
        s->p++;
        if (pv_scan_digits(s) != 0) return -1;
    }
    if (s->p < s->end && (*s->p == 'e' || *s->p == 'E')) {
        s->p++;
        if (s->p < s->end && (*s->p == '+' || *s->p == '-')) s->p++;
        if (pv_scan_digits(s) != 0) return -1;
    }
    return 0;
}

static int pv_scan_word(pv_scan *s, const char *word, size_t n) {
    if ((size_t)(s->end - s->p) < n || memcmp(s->p, word, n) != 0) return -1;
    s->p += n;
    return 0;
}

static int pv_scan_value(pv_scan *s, int depth);

/* An object or array, at its opening bracket. */
static int pv_scan_container(pv_scan *s, int depth) {
    char close = *s->p == '{' ? '}' : ']';
    int object = close == '}';
    const char *a, *b;
    int plain;
    if (depth >= PV_SCAN_MAX_DEPTH) return -1;
    s->p++;
    pv_scan_ws(s);
    if (s->p < s->end && *s->p == close) {
        s->p++;
        return 0;
    }
    for (;;) {
        if (object) {
            if (s->p >= s->end || *s->p != '"' || pv_scan_string(s, &a, &b, &plain) != 0) return -1;
            pv_scan_ws(s);
            if (s->p >= s->end || *s->p++ != ':') return -1;
            pv_scan_ws(s);
        }
        if (pv_scan_value(s, depth + 1) != 0) return -1;
        pv_scan_ws(s);
        if (s->p >= s->end) return -1;
        if (*s->p == close) {
            s->p++;
            return 0;
        }
        if (*s->p++ != ',') return -1;
        pv_scan_ws(s);
    }
}

static int pv_scan_value(pv_scan *s, int depth) {
    const char *a, *b;
    int plain;
    if (s->p >= s->end) return -1;
    switch (*s->p) {
    case '"': return pv_scan_string(s, &a, &b, &plain);
    case '{':
    case '[': return pv_scan_container(s, depth);
    case 't': return pv_scan_word(s, "true", 4);
    case 'f': return pv_scan_word(s, "false", 5);
    case 'n': return pv_scan_word(s, "null", 4);
    default:
        if (*s->p == '-' || (*s->p >= '0' && *s->p <= '9')) return pv_scan_number(s);
        return -1;
    }
}

/* The members the audit reads. */
enum { PV_M_CITIZEN, PV_M_ON, PV_M_AT, PV_M_ACTOR, PV_M_SERVICE, PV_M_COUNT };

static int pv_scan_member(const char *key, size_t n) {
    static const char *const names[PV_M_COUNT] = {"citizen", "on", "at", "actor", "service"};
    for (int i = 0; i < PV_M_COUNT; i++) {
        if (strlen(names[i]) == n && memcmp(key, names[i], n) == 0) return i;
    }
    return -1;
}

/* The line's members (start and end of each), or -1 when it is not of the common shape. */
static int pv_scan_line(const char *text, Py_ssize_t size, const char *from[PV_M_COUNT],
                        const char *to[PV_M_COUNT]) {
    pv_scan s = {text, text + size};
    const char *a, *b;
    int plain;
    for (int i = 0; i < PV_M_COUNT; i++) from[i] = to[i] = NULL;
    pv_scan_ws(&s);
    if (s.p >= s.end || *s.p != '{') return -1;
    s.p++;
    pv_scan_ws(&s);
    if (s.p < s.end && *s.p == '}') return -1; /* {}: the json module says what is missing */
    for (;;) {
        int m;
        if (s.p >= s.end || *s.p != '"' || pv_scan_string(&s, &a, &b, &plain) != 0 || !plain)
            return -1;
        m = pv_scan_member(a, (size_t)(b - a));
        pv_scan_ws(&s);
        if (s.p >= s.end || *s.p++ != ':') return -1;
        pv_scan_ws(&s);
        if (m >= 0) {
            if (from[m] != NULL || s.p >= s.end) return -1; /* a repeated member */
            if (m <= PV_M_AT) {
                if (*s.p != '"' || pv_scan_string(&s, &a, &b, &plain) != 0 || !plain) return -1;
                from[m] = a;
                to[m] = b;
            } else {
                if (*s.p != '{') return -1;
                from[m] = s.p;
                if (pv_scan_container(&s, 1) != 0) return -1;
                to[m] = s.p;
            }
        } else if (pv_scan_value(&s, 1) != 0) {
            return -1;
        }
        pv_scan_ws(&s);
        if (s.p >= s.end) return -1;
        if (*s.p == '}') {
            s.p++;
            break;
        }
        if (*s.p++ != ',') return -1;
        pv_scan_ws(&s);
    }
    pv_scan_ws(&s);
    if (s.p != s.end) return -1; /* more after the object */
    if (from[PV_M_CITIZEN] == NULL || from[PV_M_ACTOR] == NULL || from[PV_M_SERVICE] == NULL)
        return -1;
    if ((from[PV_M_ON] == NULL) == (from[PV_M_AT] == NULL)) return -1; /* one of on and at */
    return 0;
}

static PyObject *pv_scan_text(const char *from, const char *to) {
    if (from == NULL) Py_RETURN_NONE;
    return PyUnicode_FromStringAndSize(from, to - from);
}

static int pv_scan_d(const char *p, int n) {
    for (int i = 0; i < n; i++) {
        if (p[i] < '0' || p[i] > '9') return 0;
    }
    return 1;
}

/* For a timestamp "YYYY-MM-DDTHH:MM:SS[.fff]" followed by "Z" or an offset "+HH:00" / "-HH:00",
   with minutes and seconds in range, the text of its hour and offset ("2026-03-14T23Z"): every
   timestamp of that hour has the same date in Sweden, whose offset changes only at whole hours
   of UTC. Else NULL (the caller keys the timestamp by its whole text). */
static PyObject *pv_scan_hour(const char *at, const char *end) {
    char key[24];
    Py_ssize_t n = end - at, tail;
    const char *zone;
    if (n < 20 || !pv_scan_d(at, 4) || at[4] != '-' || !pv_scan_d(at + 5, 2) || at[7] != '-' ||
        !pv_scan_d(at + 8, 2) || at[10] != 'T' || !pv_scan_d(at + 11, 2) || at[13] != ':' ||
        !pv_scan_d(at + 14, 2) || at[14] > '5' || at[16] != ':' || !pv_scan_d(at + 17, 2) ||
        at[17] > '5')
        Py_RETURN_NONE;
    zone = at + 19;
    if (*zone == '.') {
        zone++;
        if (zone >= end || !pv_scan_d(zone, 1)) Py_RETURN_NONE;
        while (zone < end && *zone >= '0' && *zone <= '9') zone++;
    }
    tail = end - zone;
    if (tail == 1 && *zone == 'Z') {
        memcpy(key, at, 13);
        key[13] = 'Z';
        return PyUnicode_FromStringAndSize(key, 14);
    }
    if (tail == 6 && (zone[0] == '+' || zone[0] == '-') && pv_scan_d(zone + 1, 2) &&
        zone[3] == ':' && zone[4] == '0' && zone[5] == '0') {
        memcpy(key, at, 13);
        memcpy(key + 13, zone, 6);
        return PyUnicode_FromStringAndSize(key, 19);
    }
    Py_RETURN_NONE;
}

/* The members of the line 'text' of 'size' bytes as audit_scan gives them (a new reference),
   or None (a new reference) when it is not of the common shape; NULL on error. */
static PyObject *pv_scan_shape(const char *text, Py_ssize_t size) {
    const char *from[PV_M_COUNT], *to[PV_M_COUNT];
    if (pv_scan_line(text, size, from, to) != 0) Py_RETURN_NONE;
    return Py_BuildValue(
        "(NNNy#y#N)", pv_scan_text(from[PV_M_CITIZEN], to[PV_M_CITIZEN]),
        pv_scan_text(from[PV_M_ON], to[PV_M_ON]), pv_scan_text(from[PV_M_AT], to[PV_M_AT]),
        from[PV_M_ACTOR], (Py_ssize_t)(to[PV_M_ACTOR] - from[PV_M_ACTOR]), from[PV_M_SERVICE],
        (Py_ssize_t)(to[PV_M_SERVICE] - from[PV_M_SERVICE]),
        from[PV_M_AT] ? pv_scan_hour(from[PV_M_AT], to[PV_M_AT]) : (Py_INCREF(Py_None), Py_None));
}

static PyObject *pv_scan_one(PyObject *line) {
    char *text;
    Py_ssize_t size;
    if (!PyBytes_Check(line) || PyBytes_AsStringAndSize(line, &text, &size) != 0) {
        PyErr_Clear();
        Py_RETURN_NONE;
    }
    return pv_scan_shape(text, size);
}
%}

%inline %{
PyObject *pv_audit_scan(PyObject *lines) {
    PyObject *seq, *out;
    Py_ssize_t i, n;
    seq = PySequence_Fast(lines, "lines must be a sequence of bytes");
    if (seq == NULL) return NULL;
    n = PySequence_Fast_GET_SIZE(seq);
    out = PyList_New(n);
    for (i = 0; out != NULL && i < n; i++) {
        PyObject *one = pv_scan_one(PySequence_Fast_GET_ITEM(seq, i));
        if (one == NULL) {
            Py_CLEAR(out);
            break;
        }
        PyList_SET_ITEM(out, i, one);
    }
    Py_DECREF(seq);
    return out;
}
%}

/*
 *   audit_evaluate(requests, on)
 *       As batch_evaluate_many (portvakt_batch.i), for the audit's requests, in which the same
 *       few thousand proxies (the records, and the actors and services read so far) come back
 *       again and again: the struct behind a proxy is looked up once per call and kept in a
 *       small table keyed by the proxy's address (the proxies are held by 'requests' for the
 *       call, so an address cannot be reused while it is in the table).
 */
%{
enum { PV_AUDIT_SEEN = 1024 };

typedef struct pv_audit_seen {
    PyObject *proxy[PV_AUDIT_SEEN];
    void *pointer[PV_AUDIT_SEEN];
} pv_audit_seen;

static void *pv_audit_pointer(pv_audit_seen *seen, PyObject *obj, swig_type_info *type,
                              Py_ssize_t index, const char *member) {
    size_t slot = ((size_t)obj >> 4) % PV_AUDIT_SEEN;
    void *pointer;
    if (seen->proxy[slot] == obj) return seen->pointer[slot];
    pointer = pv_batch_pointer(obj, type, "requests", index, member);
    if (pointer != NULL) {
        seen->proxy[slot] = obj;
        seen->pointer[slot] = pointer;
    }
    return pointer;
}
%}

%inline %{
PyObject *pv_audit_evaluate(PyObject *requests, pv_date on) {
    pv_batch b;
    pv_audit_seen *seen;
    PyObject *seq, *result = NULL;
    Py_ssize_t i, count;
    int ready = 0, begun = 0;
    seq = PySequence_Fast(requests, "requests must be a sequence");
    if (seq == NULL) return NULL;
    seen = PyMem_Calloc(3, sizeof *seen); /* citizens, actors, services */
    count = PySequence_Fast_GET_SIZE(seq);
    if (seen == NULL) {
        PyErr_NoMemory();
    } else {
        begun = 1;
        ready = pv_batch_init(&b, count, on) == 0;
    }
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
        c = (const pv_citizen *)pv_audit_pointer(&seen[0], PyTuple_GET_ITEM(triple, 0),
                                                 SWIGTYPE_p_pv_citizen, i, "citizen");
        a = c ? (const pv_actor *)pv_audit_pointer(&seen[1], PyTuple_GET_ITEM(triple, 1),
                                                   SWIGTYPE_p_pv_actor, i, "actor")
              : NULL;
        s = a ? (const pv_service *)pv_audit_pointer(&seen[2], PyTuple_GET_ITEM(triple, 2),
                                                     SWIGTYPE_p_pv_service, i, "service")
              : NULL;
        if (s == NULL || pv_batch_add(&b, c, a, s) != 0) goto done;
    }
    if (ready) result = pv_batch_result(&b);
done:
    if (begun) pv_batch_clear(&b);
    PyMem_Free(seen);
    Py_DECREF(seq);
    return result;
}
%}

/*
 *   audit_prepare(citizen)
 *       The record of the citizen proxy prepared once (pv_prepare), as an opaque capsule that
 *       holds the storage and the proxy (so the arrays and strings the record points into stay
 *       alive and unchanged: the lifetime rule of portvakt_prepared.h). InvalidInput naming the
 *       field when the record is malformed on every date.
 *
 *   audit_decide(requests, on)
 *       As audit_evaluate, for requests (citizen, actor, service, prepared) whose fourth member
 *       is the citizen's capsule: each is decided by pv_evaluate_prepared, which answers as
 *       pv_evaluate does without validating the record again.
 */
%{
typedef struct pv_audit_record {
    pv_prepared *record;
    const pv_citizen *citizen;
    PyObject *proxy;
    void *storage;
} pv_audit_record;

static const char pv_audit_capsule[] = "portvakt.prepared";

static void pv_audit_record_free(PyObject *capsule) {
    pv_audit_record *r = (pv_audit_record *)PyCapsule_GetPointer(capsule, pv_audit_capsule);
    if (r == NULL) return;
    Py_XDECREF(r->proxy);
    PyMem_Free(r->storage);
    PyMem_Free(r);
}

static void pv_outcome_of(pv_outcome *o, const pv_decision *d) {
    o->version = PV_OUTCOME_VERSION;
    o->reasons = d->reasons;
    o->changes_on = d->changes_on;
    o->effect = (uint8_t)d->effect;
    o->reason = (uint8_t)d->reason;
    o->rule = (uint8_t)d->rule;
    o->filtered = d->filtered;
    memcpy(o->reason_rules, d->reason_rules, sizeof o->reason_rules);
}
%}

%inline %{
PyObject *pv_audit_prepare(PyObject *proxy) {
    pv_audit_record *r;
    pv_error err = PV_ERROR_INIT;
    size_t size;
    PyObject *capsule;
    const pv_citizen *c = (const pv_citizen *)pv_batch_pointer(proxy, SWIGTYPE_p_pv_citizen,
                                                                "citizen", -1, NULL);
    if (c == NULL) return NULL;
    size = pv_prepared_size(c);
    r = PyMem_Calloc(1, sizeof *r);
    if (r == NULL || size == 0 || (r->storage = PyMem_Malloc(size)) == NULL) {
        PyMem_Free(r);
        if (size == 0) {
            pv_raise_class(pv_invalid_input_class, "citizen.version",
                           "is not a version this library knows");
            return NULL;
        }
        return PyErr_NoMemory();
    }
    if (pv_prepare(c, r->storage, size, &r->record, &err) != PV_OK) {
        PyMem_Free(r->storage);
        PyMem_Free(r);
        pv_raise(&err, "citizen");
        return NULL;
    }
    r->citizen = c;
    Py_INCREF(proxy);
    r->proxy = proxy;
    capsule = PyCapsule_New(r, pv_audit_capsule, pv_audit_record_free);
    if (capsule == NULL) {
        Py_DECREF(proxy);
        PyMem_Free(r->storage);
        PyMem_Free(r);
    }
    return capsule;
}

PyObject *pv_audit_decide(PyObject *requests, pv_date on) {
    pv_audit_seen *seen;
    PyObject *seq, *outcomes = NULL, *kinds = NULL, *result = NULL;
    Py_ssize_t i, count, invalid = 0, first = -1;
    seq = PySequence_Fast(requests, "requests must be a sequence");
    if (seq == NULL) return NULL;
    count = PySequence_Fast_GET_SIZE(seq);
    seen = PyMem_Calloc(3, sizeof *seen);
    if (seen == NULL || (size_t)count > (size_t)PY_SSIZE_T_MAX / sizeof(pv_outcome)) {
        PyErr_NoMemory();
        goto done;
    }
    outcomes = PyBytes_FromStringAndSize(NULL, count * (Py_ssize_t)sizeof(pv_outcome));
    kinds = PyBytes_FromStringAndSize(NULL, count);
    if (outcomes == NULL || kinds == NULL) goto done;
    for (i = 0; i < count; i++) {
        PyObject *q = PySequence_Fast_GET_ITEM(seq, i);
        pv_audit_record *r;
        const pv_actor *a;
        const pv_service *s;
        pv_decision d = PV_DECISION_INIT;
        if (!PyTuple_Check(q) || PyTuple_GET_SIZE(q) != 4) {
            char field[48];
            snprintf(field, sizeof field, "requests[%zd]", i);
            pv_raise_class(pv_invalid_type_class, field,
                           "must be a (citizen, actor, service, prepared) tuple");
            goto done;
        }
        r = (pv_audit_record *)PyCapsule_GetPointer(PyTuple_GET_ITEM(q, 3), pv_audit_capsule);
        if (r == NULL) goto done;
        a = (const pv_actor *)pv_audit_pointer(&seen[1], PyTuple_GET_ITEM(q, 1),
                                               SWIGTYPE_p_pv_actor, i, "actor");
        s = a ? (const pv_service *)pv_audit_pointer(&seen[2], PyTuple_GET_ITEM(q, 2),
                                                     SWIGTYPE_p_pv_service, i, "service")
              : NULL;
        if (s == NULL) goto done;
        if (pv_evaluate_prepared(r->record, r->citizen, a, s, on, &d, NULL) != PV_OK) {
            if (invalid++ == 0) first = i;
        }
        pv_outcome_of((pv_outcome *)PyBytes_AS_STRING(outcomes) + i, &d);
        PyBytes_AS_STRING(kinds)[i] = (char)a->kind;
    }
    result = Py_BuildValue("(OOnnOO)", outcomes, kinds, invalid, invalid ? first : count,
                           Py_None, Py_None);
done:
    Py_XDECREF(outcomes);
    Py_XDECREF(kinds);
    PyMem_Free(seen);
    Py_DECREF(seq);
    return result;
}
%}

/*
 *   audit_read(lines, first, caches)
 *       audit_scan and the audit's lookups in one pass. 'caches' is the tuple (records, dates,
 *       hours, actors, services) of the dicts the audit keeps: records by id -> (citizen, proxy,
 *       prepared); dates by "YYYY-MM-DD" and hours by the hour key of audit_scan -> date;
 *       actors and services by the bytes of their JSON object -> (value, proxy). For each line:
 *       when everything it names is in the caches, the audit's request, the tuple (line, record
 *       id, (proxy, actor proxy, service proxy, prepared), actor, service, date), 'line' counted
 *       from 'first'; else, for a line of the common shape, the members audit_scan gives as a
 *       list [citizen, on, at, actor, service, hour] (the caller reads them and fills the
 *       caches); else None.
 */
%{
/* 'caches' is five dicts and a callable; else TypeError. */
static int pv_audit_caches_ok(PyObject *caches) {
    int ok = PyTuple_Check(caches) && PyTuple_GET_SIZE(caches) == 6 &&
             PyCallable_Check(PyTuple_GET_ITEM(caches, 5));
    for (int i = 0; ok && i < 5; i++) ok = PyDict_Check(PyTuple_GET_ITEM(caches, i));
    if (!ok) PyErr_SetString(PyExc_TypeError, "caches must be five dicts and a callable");
    return ok;
}

/* The value of 'key' in 'dict' (borrowed), or NULL when absent; -1 on error. */
static int pv_audit_get(PyObject *dict, PyObject *key, PyObject **value) {
    *value = key != NULL && key != Py_None ? PyDict_GetItemWithError(dict, key) : NULL;
    return *value == NULL && PyErr_Occurred() ? -1 : 0;
}

static int pv_audit_pair(PyObject *value) {
    return value != NULL && PyTuple_CheckExact(value) && PyTuple_GET_SIZE(value) == 2;
}

/* The request of a scanned line when the caches hold everything it names; NULL (no error) when
   they do not. 'shape' is the tuple audit_scan gives. */
static PyObject *pv_audit_ready(PyObject *shape, PyObject *caches, Py_ssize_t line) {
    PyObject *known, *day, *actor, *service, *at = PyTuple_GET_ITEM(shape, 2);
    if (pv_audit_get(PyTuple_GET_ITEM(caches, 0), PyTuple_GET_ITEM(shape, 0), &known) != 0)
        return NULL;
    if (at == Py_None) {
        if (pv_audit_get(PyTuple_GET_ITEM(caches, 1), PyTuple_GET_ITEM(shape, 1), &day) != 0)
            return NULL;
    } else if (pv_audit_get(PyTuple_GET_ITEM(caches, 2), PyTuple_GET_ITEM(shape, 5), &day) != 0) {
        return NULL;
    }
    if (day == NULL) {
        /* A date or an hour not seen yet (a log in time order has a new hour every so often):
           the audit's resolver reads it and keeps it, so that the lines after it in this
           block find it; None when the line's date is malformed. */
        PyObject *resolved = PyObject_CallFunctionObjArgs(
            PyTuple_GET_ITEM(caches, 5), PyTuple_GET_ITEM(shape, 1), at, PyTuple_GET_ITEM(shape, 5),
            NULL);
        if (resolved == NULL) return NULL;
        Py_DECREF(resolved); /* the caches hold it now; read it from there, borrowed */
        if (pv_audit_get(PyTuple_GET_ITEM(caches, at == Py_None ? 1 : 2),
                         PyTuple_GET_ITEM(shape, at == Py_None ? 1 : 5), &day) != 0)
            return NULL;
    }
    if (pv_audit_get(PyTuple_GET_ITEM(caches, 3), PyTuple_GET_ITEM(shape, 3), &actor) != 0 ||
        pv_audit_get(PyTuple_GET_ITEM(caches, 4), PyTuple_GET_ITEM(shape, 4), &service) != 0)
        return NULL;
    if (known == NULL || !PyTuple_CheckExact(known) || PyTuple_GET_SIZE(known) != 3 ||
        day == NULL || !pv_audit_pair(actor) || !pv_audit_pair(service))
        return NULL;
    return Py_BuildValue("(nO(OOOO)OOO)", line, PyTuple_GET_ITEM(shape, 0),
                         PyTuple_GET_ITEM(known, 1), PyTuple_GET_ITEM(actor, 1),
                         PyTuple_GET_ITEM(service, 1), PyTuple_GET_ITEM(known, 2),
                         PyTuple_GET_ITEM(actor, 0), PyTuple_GET_ITEM(service, 0), day);
}
%}

%inline %{
PyObject *pv_audit_read(PyObject *lines, long first, PyObject *caches) {
    PyObject *seq, *out;
    Py_ssize_t i, n;
    if (!pv_audit_caches_ok(caches)) return NULL;
    seq = PySequence_Fast(lines, "lines must be a sequence of bytes");
    if (seq == NULL) return NULL;
    n = PySequence_Fast_GET_SIZE(seq);
    out = PyList_New(n);
    for (i = 0; out != NULL && i < n; i++) {
        PyObject *shape = pv_scan_one(PySequence_Fast_GET_ITEM(seq, i));
        PyObject *one = NULL;
        if (shape == NULL) {
            Py_CLEAR(out);
            break;
        }
        if (shape == Py_None) {
            one = shape;
        } else {
            one = pv_audit_ready(shape, caches, (Py_ssize_t)first + i);
            if (one == NULL && !PyErr_Occurred()) one = PySequence_List(shape);
            Py_DECREF(shape);
        }
        if (one == NULL) {
            Py_CLEAR(out);
            break;
        }
        PyList_SET_ITEM(out, i, one);
    }
    Py_DECREF(seq);
    return out;
}
%}

/*
 *   audit_lines(block, first, caches, limit)
 *       audit_read for a block of a log file as it was read: the complete lines of 'block' (up
 *       to its last newline) split here, without a bytes object made for each. Returns
 *       (results, used): 'results' one item a line, as audit_read gives them but for a line
 *       audit_scan does not read, which is its bytes, and a line longer than 'limit' bytes,
 *       which is Ellipsis; 'used' the bytes of 'block' up to and including its last newline
 *       (the rest is the beginning of a line the next block completes).
 */
%inline %{
PyObject *pv_audit_lines(PyObject *block, long first, PyObject *caches, long limit) {
    char *text;
    Py_ssize_t size, at = 0, line = first;
    PyObject *out, *result = NULL;
    if (!PyBytes_Check(block) || PyBytes_AsStringAndSize(block, &text, &size) != 0) {
        PyErr_SetString(PyExc_TypeError, "block must be bytes");
        return NULL;
    }
    if (!pv_audit_caches_ok(caches)) return NULL;
    out = PyList_New(0);
    while (out != NULL) {
        const char *end = memchr(text + at, '\n', (size_t)(size - at));
        Py_ssize_t n;
        PyObject *one;
        if (end == NULL) break;
        n = end - (text + at);
        if (n > limit) {
            one = Py_Ellipsis;
            Py_INCREF(one);
        } else {
            PyObject *shape = pv_scan_shape(text + at, n);
            one = NULL;
            if (shape == Py_None) {
                /* not of the common shape: the caller parses its bytes */
                one = PyBytes_FromStringAndSize(text + at, n);
            } else if (shape != NULL) {
                one = pv_audit_ready(shape, caches, line);
                if (one == NULL && !PyErr_Occurred()) one = PySequence_List(shape);
            }
            Py_XDECREF(shape);
        }
        if (one == NULL || PyList_Append(out, one) != 0) {
            Py_XDECREF(one);
            Py_CLEAR(out);
            break;
        }
        Py_DECREF(one);
        at += n + 1;
        line++;
    }
    if (out != NULL) result = Py_BuildValue("(Nn)", out, at);
    return result;
}
%}
