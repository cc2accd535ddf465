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
 *       -> [(from_days, decision), ...]
 *   beyond_advise(citizen, on)
 *       -> [(kind, routine, source, guardian, message), ...]
 *   beyond_plan(citizen, goal_kind, guardian, unit, from, until, on)
 *       -> ([(action, routine, guardian, seal, condition), ...], holds, checked, proven_on_days)
 *          seal is None or (scope, unit, active_from, active_until, has_content, content_from,
 *                           content_until, requested_by), dates as days or None
 *   beyond_may_change(role, action, citizen, measure, on)
 *       -> (allowed, part, rule, (condition, ...))
 *
 * 'decision' is the 7-tuple of cportvakt.evaluate (effect, reason, reasons, rule, filtered,
 * changes_on days or None, reason_rules bytes); dates in are what the pv_date typemap takes.
 * Invalid input raises portvakt.InvalidInput(field, detail) with the field and the message of the
 * call's pv_error. Every output buffer is versioned (its element 0 set to the INIT macro).
 */

%ignore pv_who_can_see;
%ignore pv_timeline;
%ignore pv_advise;
%ignore pv_plan_measures;
%ignore pv_may_change;

%fragment("pv_raise_invalid");

%{
/* A date as days since 1970-01-01, or None. */
static PyObject *pv_beyond_days(pv_date date) {
    if (pv_date_is_none(date)) Py_RETURN_NONE;
    return PyLong_FromLong((long)pv_date_to_days(date));
}

/* A static or borrowed C string as str, or None. */
static PyObject *pv_beyond_str(const char *text) {
    if (text == NULL) Py_RETURN_NONE;
    return PyUnicode_FromString(text);
}

/* The 7-tuple of cportvakt.evaluate. */
static PyObject *pv_beyond_decision(const pv_decision *d) {
    return Py_BuildValue("(iiIiNNN)", (int)d->effect, (int)d->reason, (unsigned int)d->reasons,
                         (int)d->rule, PyBool_FromLong((long)d->filtered),
                         pv_beyond_days(d->changes_on),
                         PyBytes_FromStringAndSize((const char *)d->reason_rules,
                                                   (Py_ssize_t)sizeof d->reason_rules));
}

/* Raises InvalidInput for the pv_error of a failed call; 'field' only if it names none. */
static void pv_beyond_raise(const pv_error *err, const char *field) {
    pv_raise_invalid(err->field[0] != '\0' ? err->field : field,
                     err->message != NULL ? err->message : "is not valid");
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
        pv_beyond_raise(&err, "citizen");
        return NULL;
    }
    rows = (pv_access_row *)calloc(count > 0 ? count : 1, sizeof *rows);
    if (rows == NULL) return PyErr_NoMemory();
    rows[0].version = PV_ACCESS_ROW_VERSION;
    status = pv_who_can_see(citizen, on, rows, count, &count, &err);
    if (status != PV_OK) {
        free(rows);
        pv_beyond_raise(&err, "citizen");
        return NULL;
    }
    list = PyList_New((Py_ssize_t)count);
    for (i = 0; list != NULL && i < count; i++) {
        PyObject *item = Py_BuildValue("(iNiNiN)", (int)rows[i].actor_kind,
                                       pv_beyond_str(rows[i].actor_id), (int)rows[i].service,
                                       pv_beyond_str(rows[i].unit), (int)rows[i].channel,
                                       pv_beyond_decision(&rows[i].decision));
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
        pv_beyond_raise(&err, "input");
        return NULL;
    }
    steps = (pv_timeline_step *)calloc(count > 0 ? count : 1, sizeof *steps);
    if (steps == NULL) return PyErr_NoMemory();
    steps[0].version = PV_TIMELINE_STEP_VERSION;
    status = pv_timeline(citizen, actor, service, from, until, steps, count, &count, &err);
    if (status != PV_OK) {
        free(steps);
        pv_beyond_raise(&err, "input");
        return NULL;
    }
    list = PyList_New((Py_ssize_t)count);
    for (i = 0; list != NULL && i < count; i++) {
        PyObject *item = Py_BuildValue("(NN)", pv_beyond_days(steps[i].from),
                                       pv_beyond_decision(&steps[i].decision));
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
        pv_beyond_raise(&err, "citizen");
        return NULL;
    }
    items = (pv_advice *)calloc(count > 0 ? count : 1, sizeof *items);
    if (items == NULL) return PyErr_NoMemory();
    items[0].version = PV_ADVICE_VERSION;
    status = pv_advise(citizen, on, items, count, &count, &err);
    if (status != PV_OK) {
        free(items);
        pv_beyond_raise(&err, "citizen");
        return NULL;
    }
    list = PyList_New((Py_ssize_t)count);
    for (i = 0; list != NULL && i < count; i++) {
        PyObject *item = Py_BuildValue("(iNNNN)", (int)items[i].kind,
                                       pv_beyond_str(items[i].routine),
                                       pv_beyond_str(items[i].source),
                                       pv_beyond_str(items[i].guardian),
                                       pv_beyond_str(items[i].message));
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
        pv_beyond_raise(&err, "goal");
        return NULL;
    }
    measures = PyList_New((Py_ssize_t)plan.measure_count);
    for (i = 0; measures != NULL && i < plan.measure_count && i < PV_PLAN_MAX_MEASURES; i++) {
        const pv_measure *m = &plan.measures[i];
        PyObject *seal;
        PyObject *item;
        if (m->action == PV_ACTION_SEAL || m->action == PV_ACTION_UNSEAL) {
            seal = Py_BuildValue("(iNNNNNNi)", (int)m->seal.scope, pv_beyond_str(m->seal.unit),
                                 pv_beyond_days(m->seal.active.from),
                                 pv_beyond_days(m->seal.active.until),
                                 PyBool_FromLong((long)m->seal.has_content),
                                 pv_beyond_days(m->seal.content.from),
                                 pv_beyond_days(m->seal.content.until),
                                 (int)m->seal.requested_by);
        } else {
            Py_INCREF(Py_None);
            seal = Py_None;
        }
        item = seal == NULL ? NULL
                            : Py_BuildValue("(iNNNN)", (int)m->action, pv_beyond_str(m->routine),
                                            pv_beyond_str(m->guardian), seal,
                                            pv_beyond_str(m->condition));
        if (item == NULL) {
            Py_CLEAR(measures);
            break;
        }
        PyList_SET_ITEM(measures, (Py_ssize_t)i, item);
    }
    if (measures == NULL) return NULL;
    return Py_BuildValue("(NNnN)", measures, PyBool_FromLong((long)plan.holds),
                         (Py_ssize_t)plan.checked, pv_beyond_days(plan.proven_on));
}

PyObject *pv_beyond_may_change(int role, int action, const pv_citizen *citizen, long measure,
                               pv_date on) {
    pv_permission permission = PV_PERMISSION_INIT;
    pv_error err = PV_ERROR_INIT;
    PyObject *conditions;
    size_t i;
    if (pv_may_change((pv_role)role, (pv_action)action, citizen, measure, on, &permission,
                      &err) != PV_OK) {
        pv_beyond_raise(&err, "measure");
        return NULL;
    }
    conditions = PyTuple_New((Py_ssize_t)permission.condition_count);
    for (i = 0; conditions != NULL && i < permission.condition_count && i < PV_MAY_MAX_CONDITIONS;
         i++) {
        PyObject *text = pv_beyond_str(permission.conditions[i]);
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
