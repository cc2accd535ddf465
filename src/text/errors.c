/*
 * errors.c — the one error channel (pv_error): what every function that can fail reports, and
 * how (V1: the field path in the form of the JSON format, and what is wrong with it).
 */
#include <stdio.h>
#include <string.h>

#include "../internal.h"

void error_set(pv_error *e, pv_status status, pv_rule rule, const char *field,
               const char *message) {
    e->version = PV_ERROR_VERSION;
    e->status = status;
    e->rule = rule;
    /* Cannot truncate: PV_FIELD_PATH_SIZE holds the longest field path. */
    (void)snprintf(e->field, sizeof e->field, "%s", field);
    e->message = message;
}

void error_set_at(pv_error *e, const char *array, size_t index, const char *member,
                  const char *message) {
    char path[PV_FIELD_PATH_SIZE];
    (void)snprintf(path, sizeof path, "%s[%zu]%s", array, index, member); /* cannot truncate */
    error_set(e, PV_ERR_INVALID_INPUT, PV_RULE_V1, path, message);
}

void error_clear(pv_error *e) {
    if (!error_usable(e)) return;
    e->status = PV_OK;
    e->rule = PV_RULE_NONE;
    e->field[0] = '\0';
    e->message = NULL;
}

pv_status error_report(pv_error *to, const pv_error *from) {
    if (error_usable(to)) *to = *from;
    return from->status;
}

pv_status error_invalid(pv_error *e, const char *field, const char *message) {
    /* V1: malformed input is named, never guessed at. */
    if (error_usable(e)) error_set(e, PV_ERR_INVALID_INPUT, PV_RULE_V1, field, message);
    return PV_ERR_INVALID_INPUT;
}
