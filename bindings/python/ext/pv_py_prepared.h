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
 *       the proxy it was made from (None for a record from record_read).
 *   record_read(text) -> Prepared or None
 *       'text' (bytes) a citizen's JSON object as a records database stores it, read by the
 *       fast reader (bindings/common/pv_citizen_json.h) and prepared, without any Python object
 *       but the Prepared one (the record lives in the reader's memory). None when the text is
 *       not of the reader's plain shape or the record cannot be prepared: the caller reads it
 *       with its full reader, which gives the same record or reports what is wrong.
 */
#ifndef PV_PY_PREPARED_H
#define PV_PY_PREPARED_H

#include "pv_py.h"

PyObject *pv_py_prepare(PyObject *citizen);
PyObject *pv_py_record_read(PyObject *text);

#endif /* PV_PY_PREPARED_H */
