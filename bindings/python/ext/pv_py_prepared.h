/*
 * pv_py_prepared.h — a citizen's record prepared once (pv_prepare) for many questions, wrapped by
 * SWIG as portvakt.cportvakt.prepare:
 *
 *   prepare(citizen) -> Prepared
 *       'citizen' a cportvakt.citizen proxy. The Prepared object holds the storage of the
 *       prepared record and the proxy itself (the record points into its arrays and strings: the
 *       lifetime rule of portvakt_prepared.h). InvalidInput naming the field when the record is
 *       malformed on every date. The record must not change while it is prepared: a proxy that
 *       changed afterwards is refused by evaluate (InvalidInput "citizen", pv_evaluate_prepared's
 *       fingerprint), so prepare it again after a change.
 *   Prepared.evaluate(actor, service, on) -> bytes
 *       pv_evaluate_prepared: the record of the decision, as cportvakt.evaluate returns it.
 *   Prepared.evaluate_many(actors, services, on) -> (outcomes, kinds, invalid_count,
 *       first_invalid, field, detail)
 *       request i is (actors[i], services[i]); the answer as batch_evaluate_many gives it.
 *   Prepared.citizen
 *       the proxy it was made from.
 */
#ifndef PV_PY_PREPARED_H
#define PV_PY_PREPARED_H

#include "pv_py.h"

PyObject *pv_py_prepare(PyObject *citizen);

#endif /* PV_PY_PREPARED_H */
