/*
 * pv_py_prepared_type.h — the type Prepared of pv_py_prepared.h as the extension's other C files
 * see it. Not wrapped.
 */
#ifndef PV_PY_PREPARED_TYPE_H
#define PV_PY_PREPARED_TYPE_H

#include "pv_py.h"

/** Adds the type Prepared to 'module'. 0, or -1 with an exception set. */
int pv_py_prepared_init(PyObject *module);

/** The prepared record and the citizen of the Prepared object 'obj' (NULL and TypeError set when
    it is not one). */
const pv_prepared *pv_py_prepared_of(PyObject *obj, const pv_citizen **citizen);

#endif /* PV_PY_PREPARED_TYPE_H */
