/* vector_decode.c — strict JSON decoding of conformance vectors into the pv_* structs
   (see vector_decode.h and tests/conformance/README.md for the format). */
#include "vector_decode.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ## Names of the JSON vocabulary, in the order of the enums of portvakt.h ------------------- */

static const char *const actor_kind_names[] = {"self", "guardian", "representative", "other"};
static const char *const eid_names[] = {"bankid", "freja_plus", "freja", "password", "other",
                                        "none"};
static const char *const service_kind_names[] = {"e_services", "journal"};
static const char *const channel_names[] = {"portal", "direct"};
static const char *const scope_names[] = {"whole", "unit"};
static const char *const requester_names[] = {"care", "citizen"};
static const char *const representative_kind_names[] = {"god_man", "forvaltare"};
static const char *const effect_names[] = {"deny", "permit"};
static const char *const reason_names[] = {
    "SELF", "GUARDIAN_PROXY", "DIRECT_ACCESS", "REPRESENTATIVE", "INVALID_INPUT", "NOT_RELATED",
    "NO_EID", "LOGIN_LOCKED", "OWN_JOURNAL_SEALED", "UNDER_13", "UNDER_16", "PROXY_ENDED",
    "REPRESENTATIVE_JOURNAL_ONLY", "REPRESENTATIVE_INCOMPLETE", "GUARDIAN_BLOCKED",
    "PROTECTED_IDENTITY", "CHILD_LOGIN_LOCKED", "JOURNAL_SEALED", "UNIT_SEALED", "ENTRY_SEALED"};

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

_Static_assert(COUNT_OF(actor_kind_names) == PV_ACTOR_KIND_COUNT, "actor kinds");
_Static_assert(COUNT_OF(eid_names) == PV_EID_COUNT, "e-IDs");
_Static_assert(COUNT_OF(service_kind_names) == PV_SERVICE_KIND_COUNT, "service kinds");
_Static_assert(COUNT_OF(channel_names) == PV_CHANNEL_COUNT, "channels");
_Static_assert(COUNT_OF(scope_names) == PV_SEAL_SCOPE_COUNT, "seal scopes");
_Static_assert(COUNT_OF(requester_names) == PV_REQUESTER_COUNT, "requesters");
_Static_assert(COUNT_OF(representative_kind_names) == PV_REPRESENTATIVE_KIND_COUNT, "kinds");
_Static_assert(COUNT_OF(effect_names) == PV_EFFECT_COUNT, "effects");
_Static_assert(COUNT_OF(reason_names) == PV_REASON_COUNT, "reasons");

const char *vd_reason_name(pv_reason reason) {
    if ((int)reason < 0 || (size_t)reason >= COUNT_OF(reason_names)) return "?";
    return reason_names[reason];
}

/* Returns the index of 'name' in 'names', or -1. */
static int name_index(const char *name, const char *const *names, size_t count) {
    for (size_t i = 0; i < count; i++) {
        if (strcmp(name, names[i]) == 0) return (int)i;
    }
    return -1;
}

/* ## Dates ----------------------------------------------------------------------------------- */

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* Splits "YYYY-MM-DD" into its numbers without judging whether the date exists. Returns false if
   'text' is not of that form (or is 0000-00-00, which would read as PV_DATE_NONE). */
static bool date_split(const char *text, pv_date *out) {
    static const int digits[] = {0, 1, 2, 3, 5, 6, 8, 9};
    if (strlen(text) != 10 || text[4] != '-' || text[7] != '-') return false;
    for (size_t i = 0; i < COUNT_OF(digits); i++) {
        if (!is_digit(text[digits[i]])) return false;
    }
    int year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
    int month = (text[5] - '0') * 10 + (text[6] - '0');
    int day = (text[8] - '0') * 10 + (text[9] - '0');
    if (year == 0 && month == 0 && day == 0) return false;
    out->year = (int16_t)year;
    out->month = (uint8_t)month;
    out->day = (uint8_t)day;
    return true;
}

/* Returns true if 'd' exists in the proleptic Gregorian calendar (years 1 to 9999); the
   expectations are checked with this, independently of the library. */
static bool date_exists(pv_date d) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (d.year < 1 || d.month < 1 || d.month > 12 || d.day < 1) return false;
    int y = d.year;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    int last = days[d.month - 1] + (d.month == 2 && leap ? 1 : 0);
    return d.day <= last;
}

const char *vd_date_text(pv_date date, char *buf, size_t size) {
    if (size == 0) return buf;
    if (date.year == 0 && date.month == 0 && date.day == 0) {
        snprintf(buf, size, "null");
    } else {
        snprintf(buf, size, "%04d-%02d-%02d", (int)date.year, (int)date.month, (int)date.day);
    }
    return buf;
}

/* ## Recording input problems ----------------------------------------------------------------- */

/* Raises the vector's input state to 'level'; the description follows the most serious problem
   (the first one of that level). */
static void note(vd_vector *v, vd_input level, const char *path, const char *what) {
    if (level <= v->input) return;
    v->input = level;
    int n = snprintf(v->problem, sizeof v->problem, "%s: %s", path, what);
    if (n < 0) v->problem[0] = '\0';
}

/* Writes "path.key" into 'buf' (cut short if it does not fit: it only labels a message). */
static void join(char *buf, size_t size, const char *path, const char *key) {
    int n = snprintf(buf, size, "%s.%s", path, key);
    if (n < 0 && size > 0) buf[0] = '\0';
}

/* Writes "path[index]" into 'buf' (cut short if it does not fit). */
static void join_index(char *buf, size_t size, const char *path, size_t index) {
    int n = snprintf(buf, size, "%s[%zu]", path, index);
    if (n < 0 && size > 0) buf[0] = '\0';
}

#define PATH_SIZE 128

/* Notes an unknown key of 'object' (the first one). */
static void check_keys(vd_vector *v, const json_t *object, const char *path,
                       const char *const *allowed, size_t count) {
    const char *key;
    json_t *value;
    json_object_foreach((json_t *)object, key, value) {
        (void)value;
        if (name_index(key, allowed, count) < 0) {
            char where[PATH_SIZE];
            join(where, sizeof where, path, key);
            note(v, VD_INPUT_UNDECODABLE, where, "unknown key");
            return;
        }
    }
}

/* ## Members ------------------------------------------------------------------------------------ */

/* A boolean member: absent is false; anything but true/false is a wrong type. */
static bool get_bool(vd_vector *v, const json_t *object, const char *path, const char *key) {
    const json_t *value = json_object_get(object, key);
    if (value == NULL) return false;
    if (json_is_boolean(value)) return json_is_true(value);
    char where[PATH_SIZE];
    join(where, sizeof where, path, key);
    note(v, VD_INPUT_UNDECODABLE, where, "expected true or false");
    return false;
}

/* A string member: absent or null is NULL; anything but a string is a wrong type. */
static const char *get_string(vd_vector *v, const json_t *object, const char *path,
                              const char *key) {
    const json_t *value = json_object_get(object, key);
    if (value == NULL || json_is_null(value)) return NULL;
    if (json_is_string(value)) return json_string_value(value);
    char where[PATH_SIZE];
    join(where, sizeof where, path, key);
    note(v, VD_INPUT_UNDECODABLE, where, "expected a string or null");
    return NULL;
}

/* A date value: null is PV_DATE_NONE; a string is split digit for digit; anything else is a
   wrong type. */
static pv_date date_value(vd_vector *v, const json_t *value, const char *where) {
    if (value == NULL || json_is_null(value)) return PV_DATE_NONE;
    if (!json_is_string(value)) {
        note(v, VD_INPUT_UNDECODABLE, where, "expected a date string or null");
        return PV_DATE_NONE;
    }
    pv_date date;
    if (!date_split(json_string_value(value), &date)) {
        note(v, VD_INPUT_REJECTABLE, where, "not a YYYY-MM-DD date string");
        return VD_DATE_MALFORMED;
    }
    return date;
}

static pv_date get_date(vd_vector *v, const json_t *object, const char *path, const char *key) {
    char where[PATH_SIZE];
    join(where, sizeof where, path, key);
    return date_value(v, json_object_get(object, key), where);
}

/* An enum member: absent is 'fallback' (or, when 'fallback' is negative, out of range: a
   required member that is missing); an unknown name is out of range ('count'). */
static int get_enum(vd_vector *v, const json_t *object, const char *path, const char *key,
                    const char *const *names, size_t count, int fallback) {
    char where[PATH_SIZE];
    join(where, sizeof where, path, key);
    const json_t *value = json_object_get(object, key);
    if (value == NULL) {
        if (fallback >= 0) return fallback;
        note(v, VD_INPUT_REJECTABLE, where, "required and missing");
        return (int)count;
    }
    if (!json_is_string(value)) {
        note(v, VD_INPUT_UNDECODABLE, where, "expected a name string");
        return (int)count;
    }
    int index = name_index(json_string_value(value), names, count);
    if (index < 0) {
        note(v, VD_INPUT_REJECTABLE, where, "unknown name");
        return (int)count;
    }
    return index;
}

/* An interval object {"from": date|null, "until": date|null}: absent or null is always. */
static pv_interval get_interval(vd_vector *v, const json_t *object, const char *path,
                                const char *key, bool *present) {
    static const char *const keys[] = {"from", "until"};
    pv_interval interval = {PV_DATE_NONE, PV_DATE_NONE};
    char where[PATH_SIZE];
    join(where, sizeof where, path, key);
    const json_t *value = json_object_get(object, key);
    if (present != NULL) *present = false;
    if (value == NULL || json_is_null(value)) return interval;
    if (!json_is_object(value)) {
        note(v, VD_INPUT_UNDECODABLE, where, "expected an object or null");
        return interval;
    }
    if (present != NULL) *present = true;
    check_keys(v, value, where, keys, COUNT_OF(keys));
    interval.from = get_date(v, value, where, "from");
    interval.until = get_date(v, value, where, "until");
    return interval;
}

/* An array member: absent is empty; anything but an array is a wrong type. Returns the array or
   NULL. */
static const json_t *get_array(vd_vector *v, const json_t *object, const char *path,
                               const char *key) {
    const json_t *value = json_object_get(object, key);
    if (value == NULL) return NULL;
    if (json_is_array(value)) return value;
    char where[PATH_SIZE];
    join(where, sizeof where, path, key);
    note(v, VD_INPUT_UNDECODABLE, where, "expected an array");
    return NULL;
}

/* Returns the element 'i' of 'array' if it is an object, else notes a wrong type and returns an
   empty object to decode (so that the defaults apply). */
static const json_t *element(vd_vector *v, const json_t *array, size_t i, const char *where) {
    const json_t *item = json_array_get(array, i);
    if (json_is_object(item)) return item;
    note(v, VD_INPUT_UNDECODABLE, where, "expected an object");
    return NULL;
}

/* Allocates 'count' zeroed elements of 'size' bytes (NULL for 0). */
static void *alloc_items(size_t count, size_t size) {
    if (count == 0) return NULL;
    void *items = calloc(count, size);
    if (items == NULL) {
        fprintf(stderr, "vector_decode: out of memory\n");
        abort();
    }
    return items;
}

/* ## The parts of a request ---------------------------------------------------------------------- */

static void decode_seals(vd_vector *v, const json_t *citizen) {
    static const char *const keys[] = {"scope", "unit", "active", "content", "requested_by"};
    const json_t *array = get_array(v, citizen, "citizen", "seals");
    size_t n = json_array_size(array);
    v->seals = alloc_items(n, sizeof *v->seals);
    for (size_t i = 0; i < n; i++) {
        char where[PATH_SIZE];
        join_index(where, sizeof where, "citizen.seals", i);
        const json_t *item = element(v, array, i, where);
        pv_seal *s = &v->seals[i];
        if (item == NULL) continue;
        check_keys(v, item, where, keys, COUNT_OF(keys));
        s->scope = (pv_seal_scope)get_enum(v, item, where, "scope", scope_names,
                                           COUNT_OF(scope_names), -1);
        s->unit = get_string(v, item, where, "unit");
        s->active = get_interval(v, item, where, "active", NULL);
        s->content = get_interval(v, item, where, "content", &s->has_content);
        s->requested_by = (pv_requester)get_enum(v, item, where, "requested_by", requester_names,
                                                 COUNT_OF(requester_names), PV_REQUESTER_CARE);
    }
    v->citizen.seals = v->seals;
    v->citizen.seal_count = n;
}

static void decode_guardians(vd_vector *v, const json_t *citizen) {
    static const char *const keys[] = {"id", "blocked", "protected_identity"};
    const json_t *array = get_array(v, citizen, "citizen", "guardians");
    size_t n = json_array_size(array);
    v->guardians = alloc_items(n, sizeof *v->guardians);
    for (size_t i = 0; i < n; i++) {
        char where[PATH_SIZE];
        join_index(where, sizeof where, "citizen.guardians", i);
        const json_t *item = element(v, array, i, where);
        pv_guardian *g = &v->guardians[i];
        if (item == NULL) continue;
        check_keys(v, item, where, keys, COUNT_OF(keys));
        g->id = get_string(v, item, where, "id");
        g->blocked = get_bool(v, item, where, "blocked");
        g->protected_identity = get_bool(v, item, where, "protected_identity");
    }
    v->citizen.guardians = v->guardians;
    v->citizen.guardian_count = n;
}

static void decode_grants(vd_vector *v, const json_t *citizen) {
    static const char *const keys[] = {"holder", "unit", "from", "until"};
    const json_t *array = get_array(v, citizen, "citizen", "grants");
    size_t n = json_array_size(array);
    v->grants = alloc_items(n, sizeof *v->grants);
    for (size_t i = 0; i < n; i++) {
        char where[PATH_SIZE];
        join_index(where, sizeof where, "citizen.grants", i);
        const json_t *item = element(v, array, i, where);
        pv_grant *g = &v->grants[i];
        if (item == NULL) continue;
        check_keys(v, item, where, keys, COUNT_OF(keys));
        g->holder = get_string(v, item, where, "holder");
        if (g->holder == NULL) g->holder = PV_GRANT_HOLDER_SELF;
        g->unit = get_string(v, item, where, "unit");
        g->from = get_date(v, item, where, "from");
        g->until = get_date(v, item, where, "until");
    }
    v->citizen.grants = v->grants;
    v->citizen.grant_count = n;
}

static void decode_representatives(vd_vector *v, const json_t *citizen) {
    static const char *const keys[] = {"id", "kind", "cares_for_person", "consent", "court_order",
                                       "from", "until"};
    const json_t *array = get_array(v, citizen, "citizen", "representatives");
    size_t n = json_array_size(array);
    v->representatives = alloc_items(n, sizeof *v->representatives);
    for (size_t i = 0; i < n; i++) {
        char where[PATH_SIZE];
        join_index(where, sizeof where, "citizen.representatives", i);
        const json_t *item = element(v, array, i, where);
        pv_representative *r = &v->representatives[i];
        if (item == NULL) continue;
        check_keys(v, item, where, keys, COUNT_OF(keys));
        r->id = get_string(v, item, where, "id");
        r->kind = (pv_representative_kind)get_enum(v, item, where, "kind",
                                                   representative_kind_names,
                                                   COUNT_OF(representative_kind_names), -1);
        r->cares_for_person = get_bool(v, item, where, "cares_for_person");
        r->consent = get_bool(v, item, where, "consent");
        r->court_order = get_bool(v, item, where, "court_order");
        r->from = get_date(v, item, where, "from");
        r->until = get_date(v, item, where, "until");
    }
    v->citizen.representatives = v->representatives;
    v->citizen.representative_count = n;
}

static void decode_citizen(vd_vector *v, const json_t *value) {
    static const char *const keys[] = {"birth_date", "personnummer", "protected_identity",
                                       "login_locked", "login_lock_requested_by",
                                       "login_lock_case_number", "seals", "guardians", "grants",
                                       "representatives"};
    if (json_is_null(value)) return; /* a NULL citizen: the library must reject it */
    v->has_citizen = true;
    if (!json_is_object(value)) {
        note(v, VD_INPUT_UNDECODABLE, "citizen", "expected an object or null");
        return;
    }
    pv_citizen *c = &v->citizen;
    check_keys(v, value, "citizen", keys, COUNT_OF(keys));
    c->birth_date = get_date(v, value, "citizen", "birth_date");
    c->personnummer = get_string(v, value, "citizen", "personnummer");
    c->protected_identity = get_bool(v, value, "citizen", "protected_identity");
    c->login_locked = get_bool(v, value, "citizen", "login_locked");
    c->login_lock_requested_by = (pv_requester)get_enum(
        v, value, "citizen", "login_lock_requested_by", requester_names,
        COUNT_OF(requester_names), PV_REQUESTER_CARE);
    c->login_lock_case_number = get_string(v, value, "citizen", "login_lock_case_number");
    decode_seals(v, value);
    decode_guardians(v, value);
    decode_grants(v, value);
    decode_representatives(v, value);
}

static void decode_actor(vd_vector *v, const json_t *value) {
    static const char *const keys[] = {"kind", "id", "eid", "login_locked", "journal_sealed"};
    if (json_is_null(value)) return;
    v->has_actor = true;
    if (!json_is_object(value)) {
        note(v, VD_INPUT_UNDECODABLE, "actor", "expected an object or null");
        return;
    }
    pv_actor *a = &v->actor;
    check_keys(v, value, "actor", keys, COUNT_OF(keys));
    a->kind = (pv_actor_kind)get_enum(v, value, "actor", "kind", actor_kind_names,
                                      COUNT_OF(actor_kind_names), -1);
    a->id = get_string(v, value, "actor", "id");
    a->eid = (pv_eid)get_enum(v, value, "actor", "eid", eid_names, COUNT_OF(eid_names),
                              PV_EID_BANKID);
    a->login_locked = get_bool(v, value, "actor", "login_locked");
    a->journal_sealed = get_bool(v, value, "actor", "journal_sealed");
}

static void decode_service(vd_vector *v, const json_t *value) {
    static const char *const keys[] = {"kind", "channel", "unit", "entry_date"};
    if (json_is_null(value)) return;
    v->has_service = true;
    if (!json_is_object(value)) {
        note(v, VD_INPUT_UNDECODABLE, "service", "expected an object or null");
        return;
    }
    pv_service *s = &v->service;
    check_keys(v, value, "service", keys, COUNT_OF(keys));
    s->kind = (pv_service_kind)get_enum(v, value, "service", "kind", service_kind_names,
                                        COUNT_OF(service_kind_names), -1);
    s->channel = (pv_channel)get_enum(v, value, "service", "channel", channel_names,
                                      COUNT_OF(channel_names), PV_CHANNEL_PORTAL);
    s->unit = get_string(v, value, "service", "unit");
    s->entry_date = get_date(v, value, "service", "entry_date");
}

/* ## The expectation (a broken expectation is a broken vector, not invalid input) ------------- */

static int fail(char *err, size_t size, const char *format, ...)
    __attribute__((format(printf, 3, 4)));
static int fail(char *err, size_t size, const char *format, ...) {
    if (size > 0) {
        va_list args;
        va_start(args, format);
        vsnprintf(err, size, format, args);
        va_end(args);
    }
    return -1;
}

static int decode_expect(const json_t *value, vd_expect *e, char *err, size_t size) {
    static const char *const keys[] = {"effect", "reason", "reasons", "filtered", "changes_on"};
    if (!json_is_object(value)) return fail(err, size, "expect: expected an object");
    const char *key;
    json_t *member;
    json_object_foreach((json_t *)value, key, member) {
        if (name_index(key, keys, COUNT_OF(keys)) < 0)
            return fail(err, size, "expect.%s: unknown key", key);
    }
    const json_t *effect = json_object_get(value, "effect");
    int index = json_is_string(effect)
                    ? name_index(json_string_value(effect), effect_names, COUNT_OF(effect_names))
                    : -1;
    if (index < 0) return fail(err, size, "expect.effect: expected \"permit\" or \"deny\"");
    e->effect = (pv_effect)index;
    const json_t *reason = json_object_get(value, "reason");
    index = json_is_string(reason)
                ? name_index(json_string_value(reason), reason_names, COUNT_OF(reason_names))
                : -1;
    if (index < 0) return fail(err, size, "expect.reason: expected a reason name");
    e->reason = (pv_reason)index;
    const json_t *reasons = json_object_get(value, "reasons");
    if (reasons != NULL) {
        if (!json_is_array(reasons) || json_array_size(reasons) > PV_REASON_COUNT)
            return fail(err, size, "expect.reasons: expected an array of reason names");
        e->has_reasons = true;
        for (size_t i = 0; i < json_array_size(reasons); i++) {
            const json_t *name = json_array_get(reasons, i);
            index = json_is_string(name) ? name_index(json_string_value(name), reason_names,
                                                      COUNT_OF(reason_names))
                                         : -1;
            if (index < 0) return fail(err, size, "expect.reasons[%zu]: not a reason name", i);
            e->reasons[e->reason_count++] = (pv_reason)index;
        }
    }
    const json_t *filtered = json_object_get(value, "filtered");
    if (filtered != NULL) {
        if (!json_is_boolean(filtered)) return fail(err, size, "expect.filtered: expected a boolean");
        e->has_filtered = true;
        e->filtered = json_is_true(filtered);
    }
    const json_t *changes_on = json_object_get(value, "changes_on");
    if (changes_on != NULL) {
        e->has_changes_on = true;
        e->changes_on = PV_DATE_NONE;
        if (!json_is_null(changes_on)) {
            if (!json_is_string(changes_on) ||
                !date_split(json_string_value(changes_on), &e->changes_on) ||
                !date_exists(e->changes_on))
                return fail(err, size, "expect.changes_on: expected null or a date that exists");
        }
    }
    return 0;
}

/* ## Vectors and files ------------------------------------------------------------------------- */

const pv_citizen *vd_citizen(const vd_vector *vector) {
    return vector->has_citizen ? &vector->citizen : NULL;
}

const pv_actor *vd_actor(const vd_vector *vector) {
    return vector->has_actor ? &vector->actor : NULL;
}

const pv_service *vd_service(const vd_vector *vector) {
    return vector->has_service ? &vector->service : NULL;
}

void vd_vector_free(vd_vector *vector) {
    free(vector->seals);
    free(vector->guardians);
    free(vector->grants);
    free(vector->representatives);
    vector->seals = NULL;
    vector->guardians = NULL;
    vector->grants = NULL;
    vector->representatives = NULL;
}

int vd_vector_decode(const json_t *object, vd_vector *out, char *err, size_t err_size) {
    static const char *const keys[] = {"name", "rules", "on", "citizen", "actor", "service",
                                       "expect"};
    memset(out, 0, sizeof *out);
    if (!json_is_object(object)) return fail(err, err_size, "a vector must be a JSON object");
    const char *key;
    json_t *member;
    json_object_foreach((json_t *)object, key, member) {
        if (name_index(key, keys, COUNT_OF(keys)) < 0)
            return fail(err, err_size, "unknown top-level key \"%s\"", key);
    }
    for (size_t i = 0; i < COUNT_OF(keys); i++) {
        if (json_object_get(object, keys[i]) == NULL)
            return fail(err, err_size, "missing top-level key \"%s\"", keys[i]);
    }
    const json_t *name = json_object_get(object, "name");
    if (!json_is_string(name) || json_string_length(name) == 0)
        return fail(err, err_size, "name: expected a non-empty string");
    out->name = json_string_value(name);
    if (!json_is_array(json_object_get(object, "rules")))
        return fail(err, err_size, "\"%s\": rules: expected an array", out->name);
    char why[160];
    if (decode_expect(json_object_get(object, "expect"), &out->expect, why, sizeof why) != 0)
        return fail(err, err_size, "\"%s\": %s", out->name, why);

    out->on = date_value(out, json_object_get(object, "on"), "on");
    decode_citizen(out, json_object_get(object, "citizen"));
    decode_actor(out, json_object_get(object, "actor"));
    decode_service(out, json_object_get(object, "service"));
    return 0;
}

void vd_file_free(vd_file *file) {
    for (size_t i = 0; i < file->count; i++) vd_vector_free(&file->vectors[i]);
    free(file->vectors);
    json_decref(file->root);
    memset(file, 0, sizeof *file);
}

int vd_file_load(const char *path, vd_file *out, char *err, size_t err_size) {
    memset(out, 0, sizeof *out);
    json_error_t error;
    out->root = json_load_file(path, JSON_REJECT_DUPLICATES, &error);
    if (out->root == NULL)
        return fail(err, err_size, "%s:%d: %s", path, error.line, error.text);
    if (!json_is_array(out->root)) {
        vd_file_free(out);
        return fail(err, err_size, "%s: expected a JSON array of vectors", path);
    }
    size_t n = json_array_size(out->root);
    out->vectors = alloc_items(n, sizeof *out->vectors);
    for (size_t i = 0; i < n; i++) {
        char why[256];
        if (vd_vector_decode(json_array_get(out->root, i), &out->vectors[i], why, sizeof why) != 0) {
            vd_file_free(out);
            return fail(err, err_size, "%s: vector %zu: %s", path, i, why);
        }
        out->count = i + 1;
    }
    return 0;
}
