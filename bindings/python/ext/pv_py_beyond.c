/*
 * pv_py_beyond.c — the questions beyond a yes/no as Python values (pv_py_beyond.h).
 */
#include "pv_py_beyond.h"

#include <string.h>

static pv_goal pv_goal_of(int goal_kind, const char *guardian, const char *unit, pv_date from,
                          pv_date until, pv_date horizon) {
    pv_goal goal = PV_GOAL_INIT;
    goal.kind = (pv_goal_kind)goal_kind;
    goal.guardian = guardian;
    goal.unit = unit;
    goal.from = from;
    goal.until = until;
    goal.horizon = horizon;
    return goal;
}

/* (holds, checked, proven_on, horizon, fails_on) of a proven plan. */
static PyObject *pv_proof_tuple(const pv_plan *plan) {
    return Py_BuildValue("(NnNNN)", PyBool_FromLong((long)plan->holds), (Py_ssize_t)plan->checked,
                         pv_py_date_or_none(plan->proven_on), pv_py_date_or_none(plan->horizon),
                         pv_py_date_or_none(plan->fails_on));
}

/* The measure 'item', a tuple (action, guardian, seal, condition), into '*m'. The strings and
   the seal are borrowed from the item, which the caller's list keeps alive for the call. */
static int pv_measure_of(PyObject *item, pv_measure *m) {
    int action = 0;
    PyObject *guardian;
    PyObject *seal;
    PyObject *condition;
    pv_measure empty = PV_MEASURE_INIT;
    *m = empty;
    if (!PyTuple_Check(item) ||
        !PyArg_ParseTuple(item, "iOOO", &action, &guardian, &seal, &condition)) {
        PyErr_Clear();
        pv_py_raise_type("plan.measures", "must hold (action, guardian, seal, condition) tuples");
        return -1;
    }
    m->action = (pv_action)action;
    m->routine = "caller";
    if (pv_py_text_in(guardian, "plan.measures.guardian", &m->guardian) != 0) return -1;
    if (pv_py_text_in(condition, "plan.measures.condition", &m->condition) != 0) return -1;
    if (seal != Py_None) {
        const pv_seal *given = pv_py_unwrap(seal, PV_PY_SEAL, "plan.measures.seal", -1, NULL);
        if (given == NULL) return -1;
        m->seal = *given;
    }
    return 0;
}

PyObject *pv_beyond_who_can_see(const pv_citizen *citizen, pv_date on) {
    size_t count = 0;
    size_t i;
    pv_access_row probe = PV_ACCESS_ROW_INIT;
    pv_access_row *rows;
    PyObject *list;
    pv_error err = PV_ERROR_INIT;
    pv_status status = pv_who_can_see(citizen, on, &probe, 1, &count, &err);
    if (status == PV_ERR_INVALID_INPUT) {
        pv_py_raise(&err, "citizen");
        return NULL;
    }
    rows = (pv_access_row *)calloc(count > 0 ? count : 1, sizeof *rows);
    if (rows == NULL) return PyErr_NoMemory();
    rows[0].version = PV_ACCESS_ROW_VERSION;
    status = pv_who_can_see(citizen, on, rows, count, &count, &err);
    if (status != PV_OK) {
        free(rows);
        pv_py_raise(&err, "citizen");
        return NULL;
    }
    list = PyList_New((Py_ssize_t)count);
    for (i = 0; list != NULL && i < count; i++) {
        PyObject *item =
            Py_BuildValue("(iNiNiN)", (int)rows[i].actor_kind, pv_py_str_or_none(rows[i].actor_id),
                          (int)rows[i].service, pv_py_str_or_none(rows[i].unit),
                          (int)rows[i].channel, pv_py_decision_record(&rows[i].decision));
        if (item == NULL) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, item);
    }
    free(rows);
    return list;
}

PyObject *pv_beyond_timeline(const pv_citizen *citizen, const pv_actor *actor,
                             const pv_service *service, pv_date from, pv_date until) {
    size_t count = 0;
    size_t i;
    pv_timeline_step *steps;
    PyObject *list;
    pv_error err = PV_ERROR_INIT;
    pv_status status = pv_timeline(citizen, actor, service, from, until, NULL, 0, &count, &err);
    if (status == PV_ERR_INVALID_INPUT) {
        pv_py_raise(&err, "input");
        return NULL;
    }
    steps = (pv_timeline_step *)calloc(count > 0 ? count : 1, sizeof *steps);
    if (steps == NULL) return PyErr_NoMemory();
    steps[0].version = PV_TIMELINE_STEP_VERSION;
    status = pv_timeline(citizen, actor, service, from, until, steps, count, &count, &err);
    if (status != PV_OK) {
        free(steps);
        pv_py_raise(&err, "input");
        return NULL;
    }
    list = PyList_New((Py_ssize_t)count);
    for (i = 0; list != NULL && i < count; i++) {
        PyObject *item = Py_BuildValue("(NN)", pv_py_date_or_none(steps[i].from),
                                       pv_py_decision_record(&steps[i].decision));
        if (item == NULL) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, item);
    }
    free(steps);
    return list;
}

PyObject *pv_beyond_advise(const pv_citizen *citizen, pv_date on) {
    size_t count = 0;
    size_t i;
    pv_advice *items;
    PyObject *list;
    pv_error err = PV_ERROR_INIT;
    pv_status status = pv_advise(citizen, on, NULL, 0, &count, &err);
    if (status == PV_ERR_INVALID_INPUT) {
        pv_py_raise(&err, "citizen");
        return NULL;
    }
    items = (pv_advice *)calloc(count > 0 ? count : 1, sizeof *items);
    if (items == NULL) return PyErr_NoMemory();
    items[0].version = PV_ADVICE_VERSION;
    status = pv_advise(citizen, on, items, count, &count, &err);
    if (status != PV_OK) {
        free(items);
        pv_py_raise(&err, "citizen");
        return NULL;
    }
    list = PyList_New((Py_ssize_t)count);
    for (i = 0; list != NULL && i < count; i++) {
        PyObject *item =
            Py_BuildValue("(iNNNN)", (int)items[i].kind, pv_py_str_or_none(items[i].routine),
                          pv_py_str_or_none(items[i].source), pv_py_str_or_none(items[i].guardian),
                          pv_py_str_or_none(items[i].message));
        if (item == NULL) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, item);
    }
    free(items);
    return list;
}

PyObject *pv_beyond_plan(const pv_citizen *citizen, int goal_kind, const char *guardian,
                         const char *unit, pv_date from, pv_date until, pv_date horizon,
                         pv_date on) {
    pv_goal goal = pv_goal_of(goal_kind, guardian, unit, from, until, horizon);
    pv_plan plan = PV_PLAN_INIT;
    pv_error err = PV_ERROR_INIT;
    PyObject *measures;
    PyObject *proof;
    size_t i;
    if (pv_plan_measures(citizen, &goal, on, &plan, &err) != PV_OK) {
        pv_py_raise(&err, "goal");
        return NULL;
    }
    measures = PyList_New((Py_ssize_t)plan.measure_count);
    for (i = 0; measures != NULL && i < plan.measure_count && i < PV_PLAN_MAX_MEASURES; i++) {
        const pv_measure *m = &plan.measures[i];
        PyObject *seal;
        PyObject *item;
        if (m->action == PV_ACTION_SEAL || m->action == PV_ACTION_UNSEAL) {
            seal = Py_BuildValue(
                "(iNNNNNNi)", (int)m->seal.scope, pv_py_str_or_none(m->seal.unit),
                pv_py_date_or_none(m->seal.active.from), pv_py_date_or_none(m->seal.active.until),
                PyBool_FromLong((long)m->seal.has_content),
                pv_py_date_or_none(m->seal.content.from), pv_py_date_or_none(m->seal.content.until),
                (int)m->seal.requested_by);
        } else {
            Py_INCREF(Py_None);
            seal = Py_None;
        }
        item = seal == NULL
                   ? NULL
                   : Py_BuildValue("(iNNNN)", (int)m->action, pv_py_str_or_none(m->routine),
                                   pv_py_str_or_none(m->guardian), seal,
                                   pv_py_str_or_none(m->condition));
        if (item == NULL) {
            Py_CLEAR(measures);
            break;
        }
        PyList_SET_ITEM(measures, (Py_ssize_t)i, item);
    }
    if (measures == NULL) return NULL;
    proof = pv_proof_tuple(&plan);
    if (proof == NULL) {
        Py_DECREF(measures);
        return NULL;
    }
    return Py_BuildValue("(NN)", measures, proof);
}

PyObject *pv_beyond_prove(const pv_citizen *citizen, int goal_kind, const char *guardian,
                          const char *unit, pv_date from, pv_date until, pv_date horizon,
                          pv_date on, PyObject *measures) {
    pv_goal goal = pv_goal_of(goal_kind, guardian, unit, from, until, horizon);
    pv_plan plan = PV_PLAN_INIT;
    pv_error err = PV_ERROR_INIT;
    PyObject *fast = PySequence_Fast(measures, "must be a sequence");
    Py_ssize_t i;
    Py_ssize_t n;
    if (fast == NULL) {
        PyErr_Clear();
        pv_py_raise_type("plan.measures", "must be a sequence of measures");
        return NULL;
    }
    n = PySequence_Fast_GET_SIZE(fast);
    if (n > PV_PLAN_MAX_MEASURES) {
        Py_DECREF(fast);
        pv_py_raise_input("plan.measure_count", "is more than PV_PLAN_MAX_MEASURES");
        return NULL;
    }
    for (i = 0; i < n; i++) {
        if (pv_measure_of(PySequence_Fast_GET_ITEM(fast, i), &plan.measures[i]) != 0) {
            Py_DECREF(fast);
            return NULL;
        }
    }
    plan.measure_count = (size_t)n;
    if (pv_prove_plan(citizen, &goal, on, &plan, &err) != PV_OK) {
        Py_DECREF(fast);
        pv_py_raise(&err, "goal");
        return NULL;
    }
    Py_DECREF(fast);
    return pv_proof_tuple(&plan);
}

PyObject *pv_beyond_may_change(int role, int action, const pv_citizen *citizen, long measure,
                               pv_date on) {
    pv_permission permission = PV_PERMISSION_INIT;
    pv_error err = PV_ERROR_INIT;
    PyObject *conditions;
    size_t i;
    if (pv_may_change((pv_role)role, (pv_action)action, citizen, measure, on, &permission, &err) !=
        PV_OK) {
        pv_py_raise(&err, "measure");
        return NULL;
    }
    conditions = PyTuple_New((Py_ssize_t)permission.condition_count);
    for (i = 0; conditions != NULL && i < permission.condition_count && i < PV_MAY_MAX_CONDITIONS;
         i++) {
        PyObject *text = pv_py_str_or_none(permission.conditions[i]);
        if (text == NULL) {
            Py_CLEAR(conditions);
            break;
        }
        PyTuple_SET_ITEM(conditions, (Py_ssize_t)i, text);
    }
    if (conditions == NULL) return NULL;
    return Py_BuildValue("(NiiN)", PyBool_FromLong((long)permission.allowed), (int)permission.part,
                         (int)permission.rule, conditions);
}
