/* vector_decode.c — strict JSON decoding of conformance vectors into the pv_* structs
   (see vector_decode.h and tests/conformance/README.md for the format). */
#include "vector_decode.h"

#include "repeated_member.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ## Names of the JSON vocabulary, indexed by the enums of portvakt.h ----------------------- */

/* The zero value of actor kind, e-ID, service kind, seal scope and representative kind is
   "unset" (invalid) and has no name: its slot is NULL and matches no JSON string. */
static const char *const actor_kind_names[] = {
    [PV_ACTOR_KIND_UNSET] = NULL,          [PV_ACTOR_SELF] = "self",
    [PV_ACTOR_GUARDIAN] = "guardian",      [PV_ACTOR_REPRESENTATIVE] = "representative",
    [PV_ACTOR_OTHER] = "other"};
static const char *const eid_names[] = {
    [PV_EID_UNSET] = NULL,        [PV_EID_BANKID] = "bankid", [PV_EID_FREJA_PLUS] = "freja_plus",
    [PV_EID_FREJA] = "freja",     [PV_EID_PASSWORD] = "password", [PV_EID_OTHER] = "other",
    [PV_EID_NONE] = "none"};
static const char *const service_kind_names[] = {[PV_SERVICE_KIND_UNSET] = NULL,
                                                 [PV_SERVICE_E_SERVICES] = "e_services",
                                                 [PV_SERVICE_JOURNAL] = "journal"};
static const char *const channel_names[] = {[PV_CHANNEL_PORTAL] = "portal",
                                            [PV_CHANNEL_DIRECT] = "direct"};
static const char *const scope_names[] = {[PV_SEAL_SCOPE_UNSET] = NULL, [PV_SEAL_WHOLE] = "whole",
                                          [PV_SEAL_UNIT] = "unit"};
static const char *const requester_names[] = {[PV_REQUESTER_CARE] = "care",
                                              [PV_REQUESTER_CITIZEN] = "citizen"};
static const char *const representative_kind_names[] = {
    [PV_REPRESENTATIVE_KIND_UNSET] = NULL, [PV_REPRESENTATIVE_GOD_MAN] = "god_man",
    [PV_REPRESENTATIVE_FORVALTARE] = "forvaltare"};
static const char *const effect_names[] = {[PV_EFFECT_DENY] = "deny",
                                           [PV_EFFECT_PERMIT] = "permit"};
static const char *const reason_names[] = {
    [PV_REASON_SELF] = "SELF",
    [PV_REASON_GUARDIAN_PROXY] = "GUARDIAN_PROXY",
    [PV_REASON_DIRECT_ACCESS] = "DIRECT_ACCESS",
    [PV_REASON_REPRESENTATIVE] = "REPRESENTATIVE",
    [PV_REASON_INVALID_INPUT] = "INVALID_INPUT",
    [PV_REASON_NOT_RELATED] = "NOT_RELATED",
    [PV_REASON_NO_EID] = "NO_EID",
    [PV_REASON_LOGIN_LOCKED] = "LOGIN_LOCKED",
    [PV_REASON_OWN_JOURNAL_SEALED] = "OWN_JOURNAL_SEALED",
    [PV_REASON_UNDER_13] = "UNDER_13",
    [PV_REASON_UNDER_16] = "UNDER_16",
    [PV_REASON_PROXY_ENDED] = "PROXY_ENDED",
    [PV_REASON_REPRESENTATIVE_JOURNAL_ONLY] = "REPRESENTATIVE_JOURNAL_ONLY",
    [PV_REASON_REPRESENTATIVE_INCOMPLETE] = "REPRESENTATIVE_INCOMPLETE",
    [PV_REASON_GUARDIAN_BLOCKED] = "GUARDIAN_BLOCKED",
    [PV_REASON_PROTECTED_IDENTITY] = "PROTECTED_IDENTITY",
    [PV_REASON_CHILD_LOGIN_LOCKED] = "CHILD_LOGIN_LOCKED",
    [PV_REASON_JOURNAL_SEALED] = "JOURNAL_SEALED",
    [PV_REASON_UNIT_SEALED] = "UNIT_SEALED",
    [PV_REASON_ENTRY_SEALED] = "ENTRY_SEALED"};

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
_Static_assert(PV_REASON_COUNT <= VD_MAX_REASONS, "reasons fit the expectation");

const char *vd_reason_name(pv_reason reason) {
    if ((int)reason < 0 || (size_t)reason >= COUNT_OF(reason_names)) return "?";
    return reason_names[reason];
}

/* Returns the index of 'name' in 'names' (whose NULL slots match nothing), or -1. */
static int name_index(const char *name, const char *const *names, size_t count) {
    for (size_t i = 0; i < count; i++) {
        if (names[i] != NULL && strcmp(name, names[i]) == 0) return (int)i;
    }
    return -1;
}

const char *vd_name_of(vd_vocabulary vocabulary, int value) {
    const char *const *names = NULL;
    size_t count = 0;
    switch (vocabulary) {
    case VD_ACTOR_KIND: names = actor_kind_names; count = COUNT_OF(actor_kind_names); break;
    case VD_EID: names = eid_names; count = COUNT_OF(eid_names); break;
    case VD_SERVICE_KIND: names = service_kind_names; count = COUNT_OF(service_kind_names); break;
    case VD_CHANNEL: names = channel_names; count = COUNT_OF(channel_names); break;
    case VD_SEAL_SCOPE: names = scope_names; count = COUNT_OF(scope_names); break;
    case VD_REQUESTER: names = requester_names; count = COUNT_OF(requester_names); break;
    case VD_REPRESENTATIVE_KIND:
        names = representative_kind_names;
        count = COUNT_OF(representative_kind_names);
        break;
    }
    if (names == NULL || value < 0 || (size_t)value >= count) return NULL;
    return names[value];
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

/* Raises the vector's input state to 'level'; the description and the field follow the most
   serious problem (the first one of that level). */
static void note(vd_vector *v, vd_input level, const char *path, const char *what) {
    if (level <= v->input) return;
    v->input = level;
    int n = snprintf(v->problem, sizeof v->problem, "%s: %s", path, what);
    if (n < 0) v->problem[0] = '\0';
    n = snprintf(v->problem_field, sizeof v->problem_field, "%s", path);
    if (n < 0) v->problem_field[0] = '\0';
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

#define PATH_SIZE PV_FIELD_PATH_SIZE

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

/* The value of member 'key' of 'object', or NULL when it is absent or null: RULES.md section 10,
   "a member given as null means the same as the member left out". */
static const json_t *member(const json_t *object, const char *key) {
    const json_t *value = json_object_get(object, key);
    return value == NULL || json_is_null(value) ? NULL : value;
}

/* A boolean member: absent or null is false; anything but true/false is a wrong type. */
static bool get_bool(vd_vector *v, const json_t *object, const char *path, const char *key) {
    const json_t *value = member(object, key);
    if (value == NULL) return false;
    if (json_is_boolean(value)) return json_is_true(value);
    char where[PATH_SIZE];
    join(where, sizeof where, path, key);
    note(v, VD_INPUT_UNDECODABLE, where, "expected true, false or null");
    return false;
}

/* A string member: absent or null is NULL; anything but a string is a wrong type. */
static const char *get_string(vd_vector *v, const json_t *object, const char *path,
                              const char *key) {
    const json_t *value = member(object, key);
    if (value == NULL) return NULL;
    if (json_is_string(value)) return json_string_value(value);
    char where[PATH_SIZE];
    join(where, sizeof where, path, key);
    note(v, VD_INPUT_UNDECODABLE, where, "expected a string or null");
    return NULL;
}

/* A date value: absent or null is PV_DATE_NONE; a string is split digit for digit; anything
   else is a wrong type. */
static pv_date date_value(vd_vector *v, const json_t *value, const char *where) {
    if (value == NULL || json_is_null(value)) return PV_DATE_NONE;
    if (!json_is_string(value)) {
        note(v, VD_INPUT_UNDECODABLE, where, "expected a date string or null");
        return PV_DATE_NONE;
    }
    pv_date date;
    /* Exactly ten characters (section 10): a string with a NUL in it is not one. */
    if (json_string_length(value) != 10 || !date_split(json_string_value(value), &date)) {
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

/* Whether an enum member has a default (RULES.md section 10) or none. */
typedef enum presence { OPTIONAL, REQUIRED } presence;

/* An enum member. Absent or null is 'missing': the default of an optional member, mapped onto
   the C enum explicitly by the caller (PV_EID_BANKID, PV_CHANNEL_PORTAL, PV_REQUESTER_CARE), or
   the UNSET value (0) of a required one, which the library must reject naming the member. An
   unknown name is out of range ('count'). */
static int get_enum(vd_vector *v, const json_t *object, const char *path, const char *key,
                    const char *const *names, size_t count, presence need, int missing) {
    char where[PATH_SIZE];
    join(where, sizeof where, path, key);
    const json_t *value = member(object, key);
    if (value == NULL) {
        if (need == REQUIRED) note(v, VD_INPUT_REJECTABLE, where, "required and missing");
        return missing;
    }
    if (!json_is_string(value)) {
        note(v, VD_INPUT_UNDECODABLE, where, "expected a name string or null");
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
    const json_t *value = member(object, key);
    if (present != NULL) *present = false;
    if (value == NULL) return interval;
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

/* An array member: absent or null is empty; anything but an array is a wrong type. Returns the
   array or NULL. */
static const json_t *get_array(vd_vector *v, const json_t *object, const char *path,
                               const char *key) {
    const json_t *value = member(object, key);
    if (value == NULL) return NULL;
    if (json_is_array(value)) return value;
    char where[PATH_SIZE];
    join(where, sizeof where, path, key);
    note(v, VD_INPUT_UNDECODABLE, where, "expected an array or null");
    return NULL;
}

/* Returns the element 'i' of 'array' if it is an object, else notes a wrong type and returns
   NULL (the element keeps its initial value). */
static const json_t *element(vd_vector *v, const json_t *array, size_t i, const char *where) {
    const json_t *item = json_array_get(array, i);
    if (json_is_object(item)) return item;
    note(v, VD_INPUT_UNDECODABLE, where, "expected an object");
    return NULL;
}

/* Allocates 'count' elements of 'size' bytes, each a copy of 'init' (the struct's PV_*_INIT),
   or NULL for 0. */
static void *alloc_items(size_t count, size_t size, const void *init) {
    if (count == 0) return NULL;
    unsigned char *items = calloc(count, size);
    if (items == NULL) {
        fprintf(stderr, "vector_decode: out of memory\n");
        abort();
    }
    for (size_t i = 0; i < count; i++) memcpy(items + i * size, init, size);
    return items;
}

/* ## Facts over time (RULES.md section 11) --------------------------------------------------------- */

/* The arrays of periods a vector owns, freed by vd_vector_free. */
static void *own(vd_vector *v, void *items) {
    if (items == NULL) return NULL;
    if (v->owned_count == v->owned_capacity) {
        size_t capacity = v->owned_capacity == 0 ? 8 : 2 * v->owned_capacity;
        void **owned = realloc(v->owned, capacity * sizeof *owned);
        if (owned == NULL) {
            fprintf(stderr, "vector_decode: out of memory\n");
            abort();
        }
        v->owned = owned;
        v->owned_capacity = capacity;
    }
    v->owned[v->owned_count++] = items;
    return items;
}

/* A fact member that may be a flag or a list of periods (H1): absent or null is false. A list
   is passed to the library as it is (dates digit for digit, every period, an unknown
   requested_by out of range), which judges it (H4, section 8). For the login lock ('lock') the
   periods are pv_lock_period with requested_by and case_number; for the others pv_interval. */
static bool get_fact(vd_vector *v, const json_t *object, const char *path, const char *key,
                     bool lock, const void **periods, size_t *count) {
    static const char *const period_keys[] = {"from", "until", "requested_by", "case_number"};
    static const pv_lock_period lock_init = PV_LOCK_PERIOD_INIT;
    static const pv_interval interval_init = {{0, 0, 0}, {0, 0, 0}};
    char where[PATH_SIZE];
    join(where, sizeof where, path, key);
    *periods = NULL;
    *count = 0;
    const json_t *value = member(object, key);
    if (value == NULL) return false;
    if (json_is_boolean(value)) return json_is_true(value);
    if (!json_is_array(value)) {
        note(v, VD_INPUT_UNDECODABLE, where, "expected true, false, a list of periods or null");
        return false;
    }
    v->has_periods = true;
    size_t n = json_array_size(value);
    pv_lock_period *locks =
        lock ? own(v, alloc_items(n, sizeof(pv_lock_period), &lock_init)) : NULL;
    pv_interval *intervals =
        lock ? NULL : own(v, alloc_items(n, sizeof(pv_interval), &interval_init));
    for (size_t i = 0; i < n; i++) {
        char at[PATH_SIZE];
        join_index(at, sizeof at, where, i);
        const json_t *period = element(v, value, i, at);
        if (period == NULL) continue;
        check_keys(v, period, at, period_keys, lock ? 4 : 2);
        pv_interval when = {get_date(v, period, at, "from"), get_date(v, period, at, "until")};
        if (!lock) {
            intervals[i] = when;
            continue;
        }
        locks[i].when = when;
        locks[i].requested_by = (pv_requester)get_enum(v, period, at, "requested_by",
                                                       requester_names, COUNT_OF(requester_names),
                                                       OPTIONAL, PV_REQUESTER_CARE);
        locks[i].case_number = get_string(v, period, at, "case_number");
    }
    *periods = lock ? (const void *)locks : (const void *)intervals;
    *count = n;
    return false;
}

/* ## The parts of a request ---------------------------------------------------------------------- */

static void decode_seals(vd_vector *v, const json_t *citizen) {
    static const char *const keys[] = {"scope", "unit", "active", "content", "requested_by"};
    static const pv_seal init = PV_SEAL_INIT;
    const json_t *array = get_array(v, citizen, "citizen", "seals");
    size_t n = json_array_size(array);
    v->seals = alloc_items(n, sizeof *v->seals, &init);
    for (size_t i = 0; i < n; i++) {
        char where[PATH_SIZE];
        join_index(where, sizeof where, "citizen.seals", i);
        const json_t *item = element(v, array, i, where);
        pv_seal *s = &v->seals[i];
        if (item == NULL) continue;
        check_keys(v, item, where, keys, COUNT_OF(keys));
        s->scope = (pv_seal_scope)get_enum(v, item, where, "scope", scope_names,
                                           COUNT_OF(scope_names), REQUIRED, PV_SEAL_SCOPE_UNSET);
        s->unit = get_string(v, item, where, "unit");
        s->active = get_interval(v, item, where, "active", NULL);
        s->content = get_interval(v, item, where, "content", &s->has_content);
        s->requested_by = (pv_requester)get_enum(v, item, where, "requested_by", requester_names,
                                                 COUNT_OF(requester_names), OPTIONAL,
                                                 PV_REQUESTER_CARE);
    }
    v->citizen.seals = v->seals;
    v->citizen.seal_count = n;
}

static void decode_guardians(vd_vector *v, const json_t *citizen) {
    static const char *const keys[] = {"id", "blocked", "protected_identity"};
    static const pv_guardian init = PV_GUARDIAN_INIT;
    const json_t *array = get_array(v, citizen, "citizen", "guardians");
    size_t n = json_array_size(array);
    v->guardians = alloc_items(n, sizeof *v->guardians, &init);
    for (size_t i = 0; i < n; i++) {
        char where[PATH_SIZE];
        join_index(where, sizeof where, "citizen.guardians", i);
        const json_t *item = element(v, array, i, where);
        pv_guardian *g = &v->guardians[i];
        if (item == NULL) continue;
        check_keys(v, item, where, keys, COUNT_OF(keys));
        g->id = get_string(v, item, where, "id");
        const void *periods;
        g->blocked = get_fact(v, item, where, "blocked", false, &periods, &g->blocked_period_count);
        g->blocked_periods = periods;
        g->protected_identity = get_fact(v, item, where, "protected_identity", false, &periods,
                                         &g->protected_identity_period_count);
        g->protected_identity_periods = periods;
    }
    v->citizen.guardians = v->guardians;
    v->citizen.guardian_count = n;
}

static void decode_grants(vd_vector *v, const json_t *citizen) {
    static const char *const keys[] = {"holder", "unit", "from", "until"};
    static const pv_grant init = PV_GRANT_INIT;
    const json_t *array = get_array(v, citizen, "citizen", "grants");
    size_t n = json_array_size(array);
    v->grants = alloc_items(n, sizeof *v->grants, &init);
    for (size_t i = 0; i < n; i++) {
        char where[PATH_SIZE];
        join_index(where, sizeof where, "citizen.grants", i);
        const json_t *item = element(v, array, i, where);
        pv_grant *g = &v->grants[i];
        if (item == NULL) continue;
        check_keys(v, item, where, keys, COUNT_OF(keys));
        /* The default holder is the citizen (section 10). */
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
    static const pv_representative init = PV_REPRESENTATIVE_INIT;
    const json_t *array = get_array(v, citizen, "citizen", "representatives");
    size_t n = json_array_size(array);
    v->representatives = alloc_items(n, sizeof *v->representatives, &init);
    for (size_t i = 0; i < n; i++) {
        char where[PATH_SIZE];
        join_index(where, sizeof where, "citizen.representatives", i);
        const json_t *item = element(v, array, i, where);
        pv_representative *r = &v->representatives[i];
        if (item == NULL) continue;
        check_keys(v, item, where, keys, COUNT_OF(keys));
        r->id = get_string(v, item, where, "id");
        /* Required, no default (section 8): missing is UNSET, which the library rejects
           naming citizen.representatives[i].kind. */
        r->kind = (pv_representative_kind)get_enum(
            v, item, where, "kind", representative_kind_names,
            COUNT_OF(representative_kind_names), REQUIRED, PV_REPRESENTATIVE_KIND_UNSET);
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
    /* Absent or null: a NULL citizen, which the library must reject. */
    if (value == NULL || json_is_null(value)) return;
    v->has_citizen = true;
    if (!json_is_object(value)) {
        note(v, VD_INPUT_UNDECODABLE, "citizen", "expected an object or null");
        return;
    }
    pv_citizen *c = &v->citizen;
    check_keys(v, value, "citizen", keys, COUNT_OF(keys));
    c->birth_date = get_date(v, value, "citizen", "birth_date");
    c->personnummer = get_string(v, value, "citizen", "personnummer");
    const void *periods;
    c->protected_identity = get_fact(v, value, "citizen", "protected_identity", false, &periods,
                                     &c->protected_identity_period_count);
    c->protected_identity_periods = periods;
    c->login_locked =
        get_fact(v, value, "citizen", "login_locked", true, &periods, &c->login_lock_period_count);
    c->login_lock_periods = periods;
    c->login_lock_requested_by = (pv_requester)get_enum(
        v, value, "citizen", "login_lock_requested_by", requester_names,
        COUNT_OF(requester_names), OPTIONAL, PV_REQUESTER_CARE);
    c->login_lock_case_number = get_string(v, value, "citizen", "login_lock_case_number");
    decode_seals(v, value);
    decode_guardians(v, value);
    decode_grants(v, value);
    decode_representatives(v, value);
}

static void decode_actor(vd_vector *v, const json_t *value) {
    static const char *const keys[] = {"kind", "id", "eid", "login_locked", "journal_sealed"};
    if (value == NULL || json_is_null(value)) return;
    v->has_actor = true;
    if (!json_is_object(value)) {
        note(v, VD_INPUT_UNDECODABLE, "actor", "expected an object or null");
        return;
    }
    pv_actor *a = &v->actor;
    check_keys(v, value, "actor", keys, COUNT_OF(keys));
    a->kind = (pv_actor_kind)get_enum(v, value, "actor", "kind", actor_kind_names,
                                      COUNT_OF(actor_kind_names), REQUIRED, PV_ACTOR_KIND_UNSET);
    a->id = get_string(v, value, "actor", "id");
    /* The JSON default, bankid, is the reader's to apply: the C zero value is unset. */
    a->eid = (pv_eid)get_enum(v, value, "actor", "eid", eid_names, COUNT_OF(eid_names), OPTIONAL,
                              PV_EID_BANKID);
    a->login_locked = get_bool(v, value, "actor", "login_locked");
    a->journal_sealed = get_bool(v, value, "actor", "journal_sealed");
}

static void decode_service(vd_vector *v, const json_t *value) {
    static const char *const keys[] = {"kind", "channel", "unit", "entry_date"};
    if (value == NULL || json_is_null(value)) return;
    v->has_service = true;
    if (!json_is_object(value)) {
        note(v, VD_INPUT_UNDECODABLE, "service", "expected an object or null");
        return;
    }
    pv_service *s = &v->service;
    check_keys(v, value, "service", keys, COUNT_OF(keys));
    s->kind = (pv_service_kind)get_enum(v, value, "service", "kind", service_kind_names,
                                        COUNT_OF(service_kind_names), REQUIRED,
                                        PV_SERVICE_KIND_UNSET);
    s->channel = (pv_channel)get_enum(v, value, "service", "channel", channel_names,
                                      COUNT_OF(channel_names), OPTIONAL, PV_CHANNEL_PORTAL);
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
    static const char *const keys[] = {"effect", "reason", "reasons", "filtered", "changes_on",
                                       "field"};
    if (!json_is_object(value)) return fail(err, size, "expect: expected an object");
    const char *key;
    json_t *member_value;
    json_object_foreach((json_t *)value, key, member_value) {
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
    /* expect.field: optional, only with INVALID_INPUT (section 10). */
    const json_t *field = json_object_get(value, "field");
    if (field != NULL) {
        if (!json_is_string(field) || json_string_length(field) == 0 ||
            json_string_length(field) >= sizeof e->field)
            return fail(err, size, "expect.field: expected a field path of 1 to %d bytes",
                        PV_FIELD_PATH_SIZE - 1);
        if (e->reason != PV_REASON_INVALID_INPUT)
            return fail(err, size, "expect.field: given with reason %s, only INVALID_INPUT has one",
                        reason_names[e->reason]);
        e->has_field = true;
        memcpy(e->field, json_string_value(field), json_string_length(field) + 1);
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
    for (size_t i = 0; i < vector->owned_count; i++) free(vector->owned[i]);
    free(vector->owned);
    vector->owned = NULL;
    vector->owned_count = 0;
    vector->owned_capacity = 0;
}

int vd_vector_decode(const json_t *object, vd_vector *out, char *err, size_t err_size) {
    memset(out, 0, sizeof *out);
    /* Every struct starts as its PV_*_INIT: the version of this header, the enums unset. */
    out->citizen = (pv_citizen)PV_CITIZEN_INIT;
    out->actor = (pv_actor)PV_ACTOR_INIT;
    out->service = (pv_service)PV_SERVICE_INIT;
    if (!json_is_object(object)) return fail(err, err_size, "a vector must be a JSON object");
    /* Section 10: a vector may carry other top-level members ("comment"); runners ignore them. */
    /* The frame: a name and an expectation. 'on', 'citizen', 'actor' and 'service' left out
       are the same as null (section 10): a missing required value, invalid input. */
    const json_t *name = json_object_get(object, "name");
    if (!json_is_string(name) || json_string_length(name) == 0)
        return fail(err, err_size, "name: expected a non-empty string");
    out->name = json_string_value(name);
    /* 'rules' names ids for people and tools; whatever ids it names, the vector is run. */
    const json_t *rules = json_object_get(object, "rules");
    if (rules != NULL && !json_is_array(rules) && !json_is_null(rules))
        return fail(err, err_size, "\"%s\": rules: expected an array", out->name);
    if (json_object_get(object, "expect") == NULL)
        return fail(err, err_size, "\"%s\": missing top-level key \"expect\"", out->name);
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

/* Reads the file at 'path' whole into a new buffer; NULL on error ('err' says why). */
static char *read_file(const char *path, size_t *size, char *err, size_t err_size) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        fail(err, err_size, "%s: cannot be opened", path);
        return NULL;
    }
    size_t capacity = 1 << 16;
    size_t used = 0;
    char *data = malloc(capacity);
    while (data != NULL) {
        used += fread(data + used, 1, capacity - used, f);
        if (used < capacity) break;
        char *more = realloc(data, capacity * 2);
        if (more == NULL) {
            free(data);
            data = NULL;
            break;
        }
        data = more;
        capacity *= 2;
    }
    bool failed = ferror(f) != 0;
    failed = fclose(f) != 0 || failed;
    if (data == NULL || failed) {
        free(data);
        fail(err, err_size, "%s: cannot be read", path);
        return NULL;
    }
    *size = used;
    return data;
}

/* The first member of a path ("citizen" of "citizen.guardians[0].id"), compared with 'name'. */
static bool path_starts_with(const char *path, const char *name) {
    size_t n = strlen(name);
    return strncmp(path, name, n) == 0 && (path[n] == '\0' || path[n] == '.' || path[n] == '[');
}

int vd_file_load(const char *path, vd_file *out, char *err, size_t err_size) {
    memset(out, 0, sizeof *out);
    size_t size = 0;
    char *data = read_file(path, &size, err, err_size);
    if (data == NULL) return -1;
    /* H5: a UTF-8 byte order mark at the very start of a file is ignored. */
    const char *text = data;
    if (size >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        text += 3;
        size -= 3;
    }
    /* Section 10: a repeated member is malformed, naming its path; jansson would keep the last
       copy (or refuse the whole file), so the members are compared on the text first. */
    size_t capacity = rm_count_elements(text, size);
    rm_found *twice = calloc(capacity, sizeof *twice);
    rm_cuts cuts = {NULL, 0, 0};
    if (twice == NULL || rm_scan(text, size, twice, capacity, &cuts) != 0) {
        free(twice);
        free(cuts.items);
        free(data);
        return fail(err, err_size, "%s: nested too deeply", path);
    }
    /* Section 8: an array past its cap keeps one element too many; the rest is left out, so
       that jansson builds no more than the caps allow. The cuts are in text order. */
    size_t kept = 0;
    size_t at = 0;
    for (size_t i = 0; i < cuts.count; i++) {
        memmove(data + (text - data) + kept, text + at, cuts.items[i].from - at);
        kept += cuts.items[i].from - at;
        at = cuts.items[i].to;
    }
    memmove(data + (text - data) + kept, text + at, size - at);
    kept += size - at;
    free(cuts.items);
    json_error_t error;
    out->root = json_loadb(text, kept, 0, &error);
    free(data);
    if (out->root == NULL) {
        free(twice);
        return fail(err, err_size, "%s:%d: %s", path, error.line, error.text);
    }
    if (!json_is_array(out->root)) {
        free(twice);
        vd_file_free(out);
        return fail(err, err_size, "%s: expected a JSON array of vectors", path);
    }
    size_t n = json_array_size(out->root);
    out->vectors = calloc(n > 0 ? n : 1, sizeof *out->vectors);
    if (out->vectors == NULL) {
        fprintf(stderr, "vector_decode: out of memory\n");
        abort();
    }
    for (size_t i = 0; i < n; i++) {
        char why[256];
        const char *repeated = i < capacity ? twice[i].path : "";
        if (path_starts_with(repeated, "name") || path_starts_with(repeated, "rules") ||
            path_starts_with(repeated, "expect")) {
            fail(why, sizeof why, "%s: a repeated member", repeated);
            free(twice);
            vd_file_free(out);
            return fail(err, err_size, "%s: vector %zu: %s", path, i, why);
        }
        if (vd_vector_decode(json_array_get(out->root, i), &out->vectors[i], why, sizeof why) !=
            0) {
            free(twice);
            vd_file_free(out);
            return fail(err, err_size, "%s: vector %zu: %s", path, i, why);
        }
        out->count = i + 1;
        if (path_starts_with(repeated, "on") || path_starts_with(repeated, "citizen") ||
            path_starts_with(repeated, "actor") || path_starts_with(repeated, "service")) {
            note(&out->vectors[i], VD_INPUT_UNDECODABLE, repeated, "a repeated member");
        }
    }
    free(twice);
    return 0;
}
