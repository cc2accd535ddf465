/*
 * pv_py_audit.h — the fast path of the audit's log reader (portvakt/_audit.py, RULES.md H5),
 * wrapped by SWIG as portvakt.cportvakt.audit_*. Each line is read by pv_log_line_read()
 * (bindings/common/pv_log_line.h), which takes only lines of the plain common shape and hands
 * every other line to the package's full reader. The functions take and return plain values:
 * they call nothing of the package, and the values of the dicts they are given are returned as
 * they are, never looked into.
 *
 *   audit_read(lines, first, records, days, actors, services)
 *       'lines' a list of log lines (bytes; anything else is read by the package). Returns a
 *       list, one item a line, as below, the line number of lines[i] being first + i.
 *   audit_lines(block, first, limit, records, days, actors, services)
 *       The complete lines of the bytes 'block' (up to its last newline), split here. Returns
 *       (items, used): 'items' one a line, as below, but a line the reader does not take is its
 *       bytes and a line longer than 'limit' bytes is Ellipsis; 'used' the bytes of 'block' up to
 *       and including its last newline (the rest begins a line the next block completes).
 *
 *   The item of a line of the plain shape is, when 'records' (a dict: record id -> value) holds
 *   its citizen, 'days' (a dict: day key -> value) its day key, and 'actors' and 'services'
 *   (dicts: the bytes of the JSON object as written -> value) its actor and service, the tuple
 *       (line, citizen, records[citizen], actors[actor], services[service], days[key])
 *   else the list [citizen, on, at, actor, service, key] ('citizen', 'on', 'at' and 'key' str or
 *   None, 'actor' and 'service' bytes), which the package reads and whose values it may add to
 *   the dicts. The day key is 'on' for a date; for a timestamp, the text of its hour and offset
 *   ("2026-03-14T23Z") when every instant of that hour has one date in Sweden, else 'at' itself.
 *   The item of any other line is None (audit_read).
 *
 *   audit_evaluate(requests, on)
 *       As batch_evaluate_many, for (citizen, actor, service) proxies that come back again and
 *       again: the struct behind a proxy is looked up once per call.
 *   audit_decide(requests, on)
 *       As audit_evaluate, for requests (prepared, actor, service) whose first member is a
 *       cportvakt.Prepared: each decided by pv_evaluate_prepared.
 */
#ifndef PV_PY_AUDIT_H
#define PV_PY_AUDIT_H

#include "pv_py.h"

PyObject *pv_audit_read(PyObject *lines, long first, PyObject *records, PyObject *days,
                        PyObject *actors, PyObject *services);
PyObject *pv_audit_lines(PyObject *block, long first, long limit, PyObject *records, PyObject *days,
                         PyObject *actors, PyObject *services);
PyObject *pv_audit_evaluate(PyObject *requests, pv_date on);
PyObject *pv_audit_decide(PyObject *requests, pv_date on);

#endif /* PV_PY_AUDIT_H */
