/*
 * portvakt_beyond.i — the questions beyond a yes/no in portvakt.cportvakt: who can see what,
 * timelines, advice, plans and who may change a measure (pv_who_can_see, pv_timeline,
 * pv_advise, pv_plan_measures, pv_may_change). Included by portvakt.i before the headers.
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
 *   beyond_plan(citizen, goal_kind, guardian, unit, from, until, on)
 *       -> ([(action, routine, guardian, seal, condition), ...], holds, checked, proven_on_days)
 *          seal is None or (scope, unit, active_from, active_until, has_content, content_from,
 *                           content_until, requested_by)
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
%ignore pv_may_change;

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
                         const char *unit, pv_date from, pv_date until, pv_date on) {
    pv_goal goal = PV_GOAL_INIT;
    pv_plan plan = PV_PLAN_INIT;
    pv_error err = PV_ERROR_INIT;
    PyObject *measures;
    size_t i;
    goal.kind = (pv_goal_kind)goal_kind;
    goal.guardian = guardian;
    goal.unit = unit;
    goal.from = from;
    goal.until = until;
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
    return Py_BuildValue("(NNnN)", measures, PyBool_FromLong((long)plan.holds),
                         (Py_ssize_t)plan.checked, pv_date_or_none(plan.proven_on));
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
