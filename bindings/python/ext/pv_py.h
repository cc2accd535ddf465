/*
 * pv_py.h — what the C files of the extension portvakt._cportvakt share: its exceptions, the
 * conversions of values between Python and C, and the structs behind SWIG's proxies. Not
 * wrapped (the files that SWIG wraps are pv_py_batch.h, pv_py_beyond.h, pv_py_audit.h and
 * pv_py_prepared.h).
 */
#ifndef PV_PY_H
#define PV_PY_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "portvakt.h"

/* ---- The structs behind SWIG's proxies ------------------------------------------------------- */

/** The struct types of the proxies the extension's own functions take. */
typedef enum pv_py_kind {
    PV_PY_CITIZEN = 0,
    PV_PY_ACTOR,
    PV_PY_SERVICE,
    PV_PY_SEAL,
    PV_PY_GUARDIAN,
    PV_PY_GRANT,
    PV_PY_REPRESENTATIVE,
    PV_PY_LOCK_PERIOD,
    PV_PY_INTERVAL,
    PV_PY_GOAL,
    PV_PY_KIND_COUNT
} pv_py_kind;

/** The struct behind 'obj' if it is a proxy of 'kind', else NULL (no exception set); '*owner'
    the object that owns the struct (SWIG's SwigPyObject: the struct lives as long as it does),
    borrowed. Only the SWIG wrapper knows its type table: it gives this function at import
    (pv_py_init). */
typedef void *(*pv_py_unwrap_fn)(PyObject *obj, pv_py_kind kind, PyObject **owner);

/** As pv_py_unwrap_fn, through a small cache of the proxies seen last (each held, with its owner,
    until its slot is taken by another: the cost of a proxy met again is a comparison). */
void *pv_py_struct(PyObject *obj, pv_py_kind kind);

/** As pv_py_unwrap_fn, without the cache (for a caller that keeps its own). */
void *pv_py_struct_uncached(PyObject *obj, pv_py_kind kind);

/** A struct argument: NULL for None (which the library refuses, V1); the struct behind a proxy of
    'kind'; else NULL with InvalidType naming 'name'. '*ok' is 0 only in that last case. */
void *pv_py_struct_in(PyObject *obj, pv_py_kind kind, const char *name, int *ok);

/** As pv_py_unwrap_fn; NULL with InvalidType naming the field ("requests[3].actor", "actors[1]",
    "citizen": 'list', then "[index]" when index >= 0, then ".member" when member is not NULL). */
void *pv_py_unwrap(PyObject *obj, pv_py_kind kind, const char *list, Py_ssize_t index,
                   const char *member);

/* ---- The module ------------------------------------------------------------------------------ */

/** Makes the exceptions InvalidInput and InvalidType, adds them to 'module' and keeps 'unwrap'.
    0, or -1 with an exception set. */
int pv_py_init(PyObject *module, pv_py_unwrap_fn unwrap);

/** Adds evaluate and decide (pv_py_evaluate.c: METH_FASTCALL, the functions of a request) to
    'module'. 0, or -1 with an exception set. */
int pv_py_evaluate_init(PyObject *module);

/* ---- Errors ---------------------------------------------------------------------------------- */

/** Raises InvalidInput(field, detail) (a ValueError). */
void pv_py_raise_input(const char *field, const char *detail);
/** Raises InvalidType(field, detail) (an InvalidInput and a TypeError). */
void pv_py_raise_type(const char *field, const char *detail);
/** Raises InvalidInput with the field and message of 'err' ('field' when it names none). */
void pv_py_raise(const pv_error *err, const char *field);

/* ---- Values ---------------------------------------------------------------------------------- */

/** A str copied from 'text', or None for NULL (a new reference; NULL on error). */
PyObject *pv_py_str_or_none(const char *text);
/** A datetime.date, or None for PV_DATE_NONE (a new reference; NULL on error). */
PyObject *pv_py_date_or_none(pv_date date);
/** '*out' from a datetime.date (not a datetime), None (PV_DATE_NONE) or an int (days since
    1970-01-01). 0, or -1 with InvalidType (another type) or InvalidInput (an int outside the
    years 1 to 9999) naming 'name'. */
int pv_py_date_in(PyObject *obj, const char *name, pv_date *out);
/** 1 when pv_py_date_in() takes the type of 'obj' (SWIG's typecheck), else 0. */
int pv_py_date_check(PyObject *obj);
/** '*out' borrowed from the UTF-8 of a str, or NULL for None. 0, or -1 with InvalidType (not a
    str) or InvalidInput (a NUL inside) naming 'name'. */
int pv_py_text_in(PyObject *obj, const char *name, const char **out);
/** '*out' as pv_outcome_from_decision() writes it for 'decision', its padding zero (equal
    decisions, equal bytes); the deny (V1) if the library cannot convert it. */
void pv_py_outcome(pv_outcome *out, const pv_decision *decision);
/** The decision as the bytes of one pv_outcome (pv_outcome_from_decision): the one encoding
    of a decision the module has, whose layout the package reads from pv_layout(). */
PyObject *pv_py_decision_record(const pv_decision *decision);
/** A copy (malloc'ed; NULL when empty) of the structs behind the proxies of 'kind' in the
    sequence 'seq' (or None), with its length: the one conversion of an array and its length.
    0, or -1 with InvalidType naming 'name'. */
int pv_py_array_in(PyObject *seq, pv_py_kind kind, size_t size, const char *name, void **items,
                   size_t *count);
/** A tuple of str copied from 'units' (a new reference; NULL on error). */
PyObject *pv_py_str_tuple(const char *const *units, size_t count);

#endif /* PV_PY_H */
