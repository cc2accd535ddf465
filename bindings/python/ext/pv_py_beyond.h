/*
 * pv_py_beyond.h — the questions beyond a yes/no in portvakt.cportvakt: who can see what,
 * timelines, advice, plans and who may change a measure (pv_who_can_see, pv_timeline,
 * pv_advise, pv_plan_measures, pv_may_change).
 *
 * The C functions write into caller-sized buffers; each wrapper here asks the library for the
 * size, fills a buffer of that size, and returns plain Python values built in one call, so that
 * no pointer into the citizen, the goal or a buffer outlives the call:
 *
 *   beyond_who_can_see(citizen, on)
 *       -> [(actor_kind, actor_id, service, unit, channel, decision), ...]
 *   beyond_timeline(citizen, actor, service, from, until)
 *       -> [(from, decision), ...]
 *   beyond_advise(citizen, on)
 *       -> [(kind, routine, source, guardian, message), ...]
 *   beyond_plan(citizen, goal_kind, guardian, unit, from, until, horizon, on)
 *       -> ([(action, routine, guardian, seal, condition), ...], holds, checked, proven_on,
 *           horizon, fails_on)
 *          seal is None or (scope, unit, active_from, active_until, has_content, content_from,
 *                           content_until, requested_by)
 *   beyond_prove(citizen, goal_kind, guardian, unit, from, until, horizon, on,
 *                [(action, guardian, seal, condition), ...])
 *       -> (holds, checked, proven_on, horizon, fails_on)
 *          seal is None or a cportvakt.seal (pv_prove_plan: the caller's measures proven)
 *   beyond_may_change(role, action, citizen, measure, on)
 *       -> (allowed, part, rule, (condition, ...))
 *
 * 'decision' is the record of cportvakt.evaluate (the bytes of one pv_outcome); dates are
 * datetime.date or None, in and out (the pv_date typemaps). Invalid input raises
 * InvalidInput(field, detail) with the field and the message of the call's pv_error. Every
 * output buffer is versioned (its element 0 set to the INIT macro).
 */
#ifndef PV_PY_BEYOND_H
#define PV_PY_BEYOND_H

#include "pv_py.h"

PyObject *pv_beyond_who_can_see(const pv_citizen *citizen, pv_date on);
PyObject *pv_beyond_timeline(const pv_citizen *citizen, const pv_actor *actor,
                             const pv_service *service, pv_date from, pv_date until);
PyObject *pv_beyond_advise(const pv_citizen *citizen, pv_date on);
PyObject *pv_beyond_plan(const pv_citizen *citizen, int goal_kind, const char *guardian,
                         const char *unit, pv_date from, pv_date until, pv_date horizon,
                         pv_date on);
PyObject *pv_beyond_prove(const pv_citizen *citizen, int goal_kind, const char *guardian,
                          const char *unit, pv_date from, pv_date until, pv_date horizon,
                          pv_date on, PyObject *measures);
PyObject *pv_beyond_may_change(int role, int action, const pv_citizen *citizen, long measure,
                               pv_date on);

#endif /* PV_PY_BEYOND_H */
