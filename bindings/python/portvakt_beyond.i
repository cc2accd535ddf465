/*
 * portvakt_beyond.i — the questions beyond a yes/no in portvakt.cportvakt: who can see what,
 * timelines, advice, plans and who may change a measure (pv_who_can_see, pv_timeline,
 * pv_advise, pv_plan_measures, pv_may_change). Included by cportvakt.i before ../portvakt.i.
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

%ignore pv_who_can_see;
%ignore pv_timeline;
%ignore pv_advise;
%ignore pv_plan_measures;
%ignore pv_prove_plan;
%ignore pv_may_change;

/* Helpers of the wrappers below (not wrapped themselves). */
%{
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
                         pv_date_or_none(plan->proven_on), pv_date_or_none(plan->horizon),
                         pv_date_or_none(plan->fails_on));
}

/* A str or None, as UTF-8 borrowed from the object (NULL for None); -1 with InvalidType or
   InvalidInput naming 'field' otherwise. */
static int pv_text_of(PyObject *obj, const char *field, const char **out) {
    Py_ssize_t size = 0;
    *out = NULL;
    if (obj == Py_None) return 0;
    if (!PyUnicode_Check(obj)) {
        pv_raise_class(pv_invalid_type_class, field, "must be a str or None");
        return -1;
    }
    *out = PyUnicode_AsUTF8AndSize(obj, &size);
    if (*out == NULL) return -1;
    if (strlen(*out) != (size_t)size) {
        pv_raise_class(pv_invalid_input_class, field, "must not contain a NUL character");
        return -1;
    }
    return 0;
}

/* The measure 'item', a tuple (action, guardian, seal, condition), into '*m'. The strings and
   the seal are borrowed from the item, which the caller's list keeps alive for the call. */
static int pv_measure_of(PyObject *item, pv_measure *m) {
    int action = 0;
    PyObject *guardian, *seal, *condition;
    void *ptr = NULL;
    pv_measure empty = PV_MEASURE_INIT;
    *m = empty;
    if (!PyTuple_Check(item) || !PyArg_ParseTuple(item, "iOOO", &action, &guardian, &seal,
                                                  &condition)) {
        PyErr_Clear();
        pv_raise_class(pv_invalid_type_class, "plan.measures",
                       "must hold (action, guardian, seal, condition) tuples");
        return -1;
    }
    m->action = (pv_action)action;
    m->routine = "caller";
    if (pv_text_of(guardian, "plan.measures.guardian", &m->guardian) != 0) return -1;
    if (pv_text_of(condition, "plan.measures.condition", &m->condition) != 0) return -1;
    if (seal != Py_None) {
        if (!SWIG_IsOK(SWIG_ConvertPtr(seal, &ptr, SWIGTYPE_p_pv_seal, 0)) || ptr == NULL) {
            PyErr_Clear();
            pv_raise_class(pv_invalid_type_class, "plan.measures.seal",
                           "must be a cportvakt.seal or None");
            return -1;
        }
        m->seal = *(const pv_seal *)ptr;
    }
    return 0;
}
%}

%inline %{
PyObject *pv_beyond_who_can_see(const pv_citizen *citizen, pv_date on) {
    size_t count = 0, i;
    pv_access_row probe = PV_ACCESS_ROW_INIT;
    pv_access_row *rows;
    PyObject *list;
    pv_error err = PV_ERROR_INIT;
    pv_status status = pv_who_can_see(citizen, on, &probe, 1, &count, &err);
    if (status == PV_ERR_INVALID_INPUT) {
        pv_raise(&err, "citizen");
        return NULL;
    }
    rows = (pv_access_row *)calloc(count > 0 ? count : 1, sizeof *rows);
    if (rows == NULL) return PyErr_NoMemory();
    rows[0].version = PV_ACCESS_ROW_VERSION;
    status = pv_who_can_see(citizen, on, rows, count, &count, &err);
    if (status != PV_OK) {
        free(rows);
        pv_raise(&err, "citizen");
        return NULL;
    }
    list = PyList_New((Py_ssize_t)count);
    for (i = 0; list != NULL && i < count; i++) {
        PyObject *item = Py_BuildValue("(iNiNiN)", (int)rows[i].actor_kind,
                                       pv_str_or_none(rows[i].actor_id), (int)rows[i].service,
                                       pv_str_or_none(rows[i].unit), (int)rows[i].channel,
                                       pv_decision_record(&rows[i].decision));
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
    size_t count = 0, i;
    pv_timeline_step *steps;
    PyObject *list;
    pv_error err = PV_ERROR_INIT;
    pv_status status =
        pv_timeline(citizen, actor, service, from, until, NULL, 0, &count, &err);
    if (status == PV_ERR_INVALID_INPUT) {
        pv_raise(&err, "input");
        return NULL;
    }
    steps = (pv_timeline_step *)calloc(count > 0 ? count : 1, sizeof *steps);
    if (steps == NULL) return PyErr_NoMemory();
    steps[0].version = PV_TIMELINE_STEP_VERSION;
    status = pv_timeline(citizen, actor, service, from, until, steps, count, &count, &err);
    if (status != PV_OK) {
        free(steps);
        pv_raise(&err, "input");
        return NULL;
    }
    list = PyList_New((Py_ssize_t)count);
    for (i = 0; list != NULL && i < count; i++) {
        PyObject *item = Py_BuildValue("(NN)", pv_date_or_none(steps[i].from),
                                       pv_decision_record(&steps[i].decision));
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
    size_t count = 0, i;
    pv_advice *items;
    PyObject *list;
    pv_error err = PV_ERROR_INIT;
    pv_status status = pv_advise(citizen, on, NULL, 0, &count, &err);
    if (status == PV_ERR_INVALID_INPUT) {
        pv_raise(&err, "citizen");
        return NULL;
    }
    items = (pv_advice *)calloc(count > 0 ? count : 1, sizeof *items);
    if (items == NULL) return PyErr_NoMemory();
    items[0].version = PV_ADVICE_VERSION;
    status = pv_advise(citizen, on, items, count, &count, &err);
    if (status != PV_OK) {
        free(items);
        pv_raise(&err, "citizen");
        return NULL;
    }
    list = PyList_New((Py_ssize_t)count);
    for (i = 0; list != NULL && i < count; i++) {
        PyObject *item = Py_BuildValue("(iNNNN)", (int)items[i].kind,
                                       pv_str_or_none(items[i].routine),
                                       pv_str_or_none(items[i].source),
                                       pv_str_or_none(items[i].guardian),
                                       pv_str_or_none(items[i].message));
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
        pv_raise(&err, "goal");
        return NULL;
    }
    measures = PyList_New((Py_ssize_t)plan.measure_count);
    for (i = 0; measures != NULL && i < plan.measure_count && i < PV_PLAN_MAX_MEASURES; i++) {
        const pv_measure *m = &plan.measures[i];
        PyObject *seal;
        PyObject *item;
        if (m->action == PV_ACTION_SEAL || m->action == PV_ACTION_UNSEAL) {
            seal = Py_BuildValue("(iNNNNNNi)", (int)m->seal.scope, pv_str_or_none(m->seal.unit),
                                 pv_date_or_none(m->seal.active.from),
                                 pv_date_or_none(m->seal.active.until),
                                 PyBool_FromLong((long)m->seal.has_content),
                                 pv_date_or_none(m->seal.content.from),
                                 pv_date_or_none(m->seal.content.until),
                                 (int)m->seal.requested_by);
        } else {
            Py_INCREF(Py_None);
            seal = Py_None;
        }
        item = seal == NULL ? NULL
                            : Py_BuildValue("(iNNNN)", (int)m->action, pv_str_or_none(m->routine),
                                            pv_str_or_none(m->guardian), seal,
                                            pv_str_or_none(m->condition));
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
    Py_ssize_t i, n;
    if (fast == NULL) {
        PyErr_Clear();
        pv_raise_class(pv_invalid_type_class, "plan.measures", "must be a sequence of measures");
        return NULL;
    }
    n = PySequence_Fast_GET_SIZE(fast);
    if (n > PV_PLAN_MAX_MEASURES) {
        Py_DECREF(fast);
        pv_raise_class(pv_invalid_input_class, "plan.measure_count",
                       "is more than PV_PLAN_MAX_MEASURES");
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
        pv_raise(&err, "goal");
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
    if (pv_may_change((pv_role)role, (pv_action)action, citizen, measure, on, &permission,
                      &err) != PV_OK) {
        pv_raise(&err, "measure");
        return NULL;
    }
    conditions = PyTuple_New((Py_ssize_t)permission.condition_count);
    for (i = 0; conditions != NULL && i < permission.condition_count && i < PV_MAY_MAX_CONDITIONS;
         i++) {
        PyObject *text = pv_str_or_none(permission.conditions[i]);
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
%}
