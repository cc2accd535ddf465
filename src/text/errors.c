/*
 * errors.c — the one error channel (pv_error): what every function that can fail reports, and
 * how (V1: the field path in the form of the JSON format, and what is wrong with it).
 */
#include <string.h>

#include "../internal.h"

/* Appends 'text' to the field path 'path' at 'at' (< PV_FIELD_PATH_SIZE), NUL-terminated, and
   returns where it ends. strlen() and memcpy() rather than snprintf(), so that what is written
   is plain to a prover too (docs/PROOF.md). */
static size_t path_put(char *path, size_t at, const char *text) {
    size_t len = strlen(text);
    /* PV_FIELD_PATH_SIZE holds the longest path the library names; a longer one is cut. */
    if (len > PV_FIELD_PATH_SIZE - 1 - at) len = PV_FIELD_PATH_SIZE - 1 - at;
    memcpy(path + at, text, len);
    path[at + len] = '\0';
    return at + len;
}

/* Appends the decimal digits of 'index' (a size_t has at most 20) as path_put() does. */
static size_t path_put_index(char *path, size_t at, size_t index) {
    size_t len = 1;
    for (size_t v = index / 10; v != 0 && len < 20; v /= 10) len++;
    /* For EVA (docs/PROOF.md): one state for each length, so that the analysis knows where the
       digits end (a compiler reads this as a comment). */
    /*@ split len; */
    if (len > PV_FIELD_PATH_SIZE - 1 - at) return at; /* cut, as path_put() cuts */
    for (size_t k = len; k > 0; k--) {
        path[at + k - 1] = (char)('0' + index % 10);
        index /= 10;
    }
    path[at + len] = '\0';
    return at + len;
}

/* Writes "<array>[<index>]" and returns where it ends. */
static size_t path_element(char *path, const char *array, size_t index) {
    size_t at = path_put(path, 0, array);
    at = path_put(path, at, "[");
    at = path_put_index(path, at, index);
    return path_put(path, at, "]");
}

void field_path_at(char *path, const char *array, size_t index, const char *member) {
    (void)path_put(path, path_element(path, array, index), member);
}

void error_set(pv_error *e, pv_status status, pv_rule rule, const char *field,
               const char *message) {
    e->version = PV_ERROR_VERSION;
    e->status = status;
    e->rule = rule;
    (void)path_put(e->field, 0, field);
    e->message = message;
}

void error_set_at(pv_error *e, const char *array, size_t index, const char *member,
                  const char *message) {
    char path[PV_FIELD_PATH_SIZE];
    field_path_at(path, array, index, member);
    error_set(e, PV_ERR_INVALID_INPUT, PV_RULE_V1, path, message);
}

void error_set_in(pv_error *e, const char *array, size_t index, const char *field,
                  const char *message) {
    /* Zeroed, so that every byte of the path is written whatever the length of 'field': a
       prover then finds its end over fields of any length at once (docs/PROOF.md). */
    char path[PV_FIELD_PATH_SIZE] = {0};
    const size_t at = path_put(path, path_element(path, array, index), ".");
    (void)path_put(path, at, field);
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
