/*
 * pv_citizen_json.c — the fast reader of a stored citizen record (pv_citizen_json.h).
 *
 * The text is copied once; each string of the record points into the copy, its closing quote
 * overwritten by the terminating NUL (a plain string holds no escape, so its bytes are its value).
 * The arrays grow (doubling) as they are read. The grammar nests four deep at most (citizen,
 * array, element, interval), so the reader is a few plain functions, and every byte is looked at
 * a bounded number of times: the cost is linear in the text (and bounded by the caps of
 * section 8, where it stops).
 */
#include "pv_citizen_json.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* The kinds of element, in the order of pv_citizen_json.items and reader.room. */
enum {
    SEALS,
    GUARDIANS,
    GRANTS,
    REPRESENTATIVES
};

struct pv_citizen_json {
    pv_citizen citizen;
    char *text;     /* the copy the strings point into */
    void *items[4]; /* the arrays: seals, guardians, grants, representatives */
    size_t bytes;
};

/* The reading of one text: where it is, and the record being built. */
typedef struct reader {
    char *at;
    char *end;
    bool no_memory;
    size_t room[4]; /* the elements each array has room for: seals, guardians, grants, repr. */
} reader;

/* ---- Tokens --------------------------------------------------------------------------------- */

static void skip_space(reader *r) {
    while (r->at < r->end &&
           (*r->at == ' ' || *r->at == '\t' || *r->at == '\n' || *r->at == '\r')) {
        r->at++;
    }
}

/* True (and the character consumed, with the space after it) if the next one is 'c'. */
static bool take(reader *r, char c) {
    if (r->at < r->end && *r->at == c) {
        r->at++;
        skip_space(r);
        return true;
    }
    return false;
}

/* A string of printable ASCII without escapes: its text, NUL-terminated in place. NULL if the
   next token is not one. */
static const char *string(reader *r) {
    if (r->at >= r->end || *r->at != '"') return NULL;
    char *start = ++r->at;
    while (r->at < r->end && *r->at != '"') {
        unsigned char c = (unsigned char)*r->at;
        if (c < 0x20 || c > 0x7e || c == '\\') return NULL;
        r->at++;
    }
    if (r->at >= r->end) return NULL;
    *r->at++ = '\0';
    skip_space(r);
    return start;
}

/* True if the literal 'word' comes next, followed by the end of a value. */
static bool literal(reader *r, const char *word) {
    size_t n = strlen(word);
    if ((size_t)(r->end - r->at) <= n || memcmp(r->at, word, n) != 0) return false;
    char after = r->at[n];
    if (after != ' ' && after != '\t' && after != '\n' && after != '\r' && after != ',' &&
        after != '}' && after != ']') {
        return false;
    }
    r->at += n;
    skip_space(r);
    return true;
}

/* ---- Values ------------------------------------------------------------------------------- */

/* The member values. Each returns true when it read a value of the plain shape; 'given' (where
   there is one) tells null (false) from a value (true). */

static bool flag(reader *r, bool *value) {
    if (literal(r, "true")) {
        *value = true;
    } else if (literal(r, "false") || literal(r, "null")) {
        *value = false;
    } else {
        return false;
    }
    return true;
}

static bool text_or_null(reader *r, const char **value) {
    if (literal(r, "null")) {
        *value = NULL;
        return true;
    }
    *value = string(r);
    return *value != NULL;
}

static bool digits(const char *s, int n, int *value) {
    *value = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return false;
        *value = *value * 10 + (s[i] - '0');
    }
    return true;
}

/* A date "YYYY-MM-DD" that exists, years 1 to 9999 (as the full reader's date()), or null. */
static bool date_or_null(reader *r, pv_date *value) {
    const char *s;
    if (!text_or_null(r, &s)) return false;
    *value = PV_DATE_NONE;
    if (s == NULL) return true;
    int year;
    int month;
    int day;
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' || !digits(s, 4, &year) ||
        !digits(s + 5, 2, &month) || !digits(s + 8, 2, &day)) {
        return false;
    }
    static const int days_in[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (year < 1 || month < 1 || month > 12 || day < 1 ||
        day > days_in[month - 1] + (month == 2 && leap ? 1 : 0)) {
        return false;
    }
    value->year = (int16_t)year;
    value->month = (uint8_t)month;
    value->day = (uint8_t)day;
    return true;
}

/* One of the 'count' names (value i + first), or null: 'fallback'. */
static bool named(reader *r, const char *const *names, int count, int first, int fallback,
                  int *value) {
    const char *s;
    if (!text_or_null(r, &s)) return false;
    if (s == NULL) {
        *value = fallback;
        return true;
    }
    for (int i = 0; i < count; i++) {
        if (strcmp(s, names[i]) == 0) {
            *value = first + i;
            return true;
        }
    }
    return false;
}

static bool requester(reader *r, pv_requester *value) {
    static const char *const names[] = {"care", "citizen"};
    int v;
    if (!named(r, names, 2, PV_REQUESTER_CARE, PV_REQUESTER_CARE, &v)) return false;
    *value = (pv_requester)v;
    return true;
}

/* ---- Objects ------------------------------------------------------------------------------ */

/* The index of 'key' among the 'count' names, or -1. */
static int member_index(const char *key, const char *const *names, int count) {
    for (int i = 0; i < count; i++) {
        if (strcmp(key, names[i]) == 0) return i;
    }
    return -1;
}

/* Reads an object whose members are among 'names' (each once), calling 'value' for each with its
   index; 'seen' gets the bit of every member that was given (null or not). */
typedef bool (*member_reader)(reader *r, int index, void *into);

static bool object(reader *r, const char *const *names, int count, member_reader value, void *into,
                   unsigned *seen) {
    *seen = 0;
    if (!take(r, '{')) return false;
    if (take(r, '}')) return true;
    for (;;) {
        const char *key = string(r);
        if (key == NULL || !take(r, ':')) return false;
        int i = member_index(key, names, count);
        if (i < 0 || (*seen & (1u << i)) != 0) return false; /* unknown or repeated */
        *seen |= 1u << i;
        if (!value(r, i, into)) return false;
        if (take(r, '}')) return true;
        if (!take(r, ',')) return false;
    }
}

static bool interval_member(reader *r, int index, void *into) {
    pv_interval *v = into;
    return date_or_null(r, index == 0 ? &v->from : &v->until);
}

/* An interval object, or null ('*given' false). */
static bool interval_or_null(reader *r, pv_interval *value, bool *given) {
    static const char *const names[] = {"from", "until"};
    value->from = PV_DATE_NONE;
    value->until = PV_DATE_NONE;
    *given = false;
    if (literal(r, "null")) return true;
    unsigned seen;
    *given = true;
    return object(r, names, 2, interval_member, value, &seen);
}

static bool seal_member(reader *r, int index, void *into) {
    pv_seal *s = into;
    static const char *const scopes[] = {"whole", "unit"};
    int scope;
    bool given;
    switch (index) {
    case 0:
        if (!named(r, scopes, 2, PV_SEAL_WHOLE, PV_SEAL_SCOPE_UNSET, &scope)) return false;
        s->scope = (pv_seal_scope)scope;
        return scope != PV_SEAL_SCOPE_UNSET; /* required */
    case 1: return text_or_null(r, &s->unit);
    case 2: return interval_or_null(r, &s->active, &given);
    case 3:
        if (!interval_or_null(r, &s->content, &given)) return false;
        s->has_content = given;
        return true;
    default: return requester(r, &s->requested_by);
    }
}

static bool guardian_member(reader *r, int index, void *into) {
    pv_guardian *g = into;
    switch (index) {
    case 0: return text_or_null(r, &g->id) && g->id != NULL; /* required */
    case 1: return flag(r, &g->blocked);
    default: return flag(r, &g->protected_identity);
    }
}

static bool grant_member(reader *r, int index, void *into) {
    pv_grant *g = into;
    switch (index) {
    case 0:
        if (!text_or_null(r, &g->holder)) return false;
        if (g->holder == NULL) g->holder = "self"; /* the default holder: the citizen (D1) */
        return true;
    case 1: return text_or_null(r, &g->unit) && g->unit != NULL; /* required */
    case 2: return date_or_null(r, &g->from);
    default: return date_or_null(r, &g->until);
    }
}

static bool representative_member(reader *r, int index, void *into) {
    pv_representative *p = into;
    static const char *const kinds[] = {"god_man", "forvaltare"};
    int kind;
    switch (index) {
    case 0: return text_or_null(r, &p->id) && p->id != NULL; /* required */
    case 1:
        if (!named(r, kinds, 2, PV_REPRESENTATIVE_GOD_MAN, PV_REPRESENTATIVE_KIND_UNSET, &kind)) {
            return false;
        }
        p->kind = (pv_representative_kind)kind;
        return kind != PV_REPRESENTATIVE_KIND_UNSET; /* required */
    case 2: return flag(r, &p->cares_for_person);
    case 3: return flag(r, &p->consent);
    case 4: return flag(r, &p->court_order);
    case 5: return date_or_null(r, &p->from);
    default: return date_or_null(r, &p->until);
    }
}

/* ---- Arrays ------------------------------------------------------------------------------- */

/* Room for element 'n' of array 'kind' (of 'size' bytes each) in '*items'; NULL when memory
   ran out (r->no_memory set). */
static void *element(reader *r, int kind, void **items, size_t n, size_t size) {
    if (n >= r->room[kind]) {
        size_t room = r->room[kind] == 0 ? 2 : r->room[kind] * 2;
        void *grown = realloc(*items, room * size);
        if (grown == NULL) {
            r->no_memory = true;
            return NULL;
        }
        *items = grown;
        r->room[kind] = room;
    }
    return (char *)*items + n * size;
}

/* The shape of the elements of an array: their size, their first value, their members (those of
   the bits 'required' must be given) and the reader of a member. */
typedef struct shape {
    size_t size;
    size_t cap;
    const void *init;
    const char *const *names;
    int name_count;
    unsigned required;
    member_reader read;
} shape;

/* An array of objects of shape 's' (or null: empty), at most s->cap of them (section 8);
   '*count' elements. */
static bool array(reader *r, int kind, void **items, size_t *count, const shape *s) {
    *count = 0;
    if (literal(r, "null")) return true;
    if (!take(r, '[')) return false;
    if (take(r, ']')) return true;
    for (;;) {
        if (*count >= s->cap) return false; /* past the cap of section 8: stop here */
        void *item = element(r, kind, items, *count, s->size);
        if (item == NULL) return false;
        memcpy(item, s->init, s->size);
        unsigned seen;
        if (!object(r, s->names, s->name_count, s->read, item, &seen) ||
            (seen & s->required) != s->required) {
            return false;
        }
        (*count)++;
        if (take(r, ']')) return true;
        if (!take(r, ',')) return false;
    }
}

static const pv_seal seal_init = PV_SEAL_INIT;
static const pv_guardian guardian_init = PV_GUARDIAN_INIT;
/* A grant's holder left out is the citizen (D1), as null is. */
static const pv_grant grant_init = {.version = PV_GRANT_VERSION, .holder = "self"};
static const pv_representative representative_init = PV_REPRESENTATIVE_INIT;

static const char *const seal_names[] = {"scope", "unit", "active", "content", "requested_by"};
static const char *const guardian_names[] = {"id", "blocked", "protected_identity"};
static const char *const grant_names[] = {"holder", "unit", "from", "until"};
static const char *const representative_names[] = {
    "id", "kind", "cares_for_person", "consent", "court_order", "from", "until"};

/* The required members: a seal's scope, a guardian's id, a grant's unit, a representative's id
   and kind (bits by the order of the names). */
static const shape seal_shape = {sizeof(pv_seal), PV_MAX_SEALS, &seal_init, seal_names, 5,
                                 1u << 0,         seal_member};
static const shape guardian_shape = {
    sizeof(pv_guardian), PV_MAX_GUARDIANS, &guardian_init, guardian_names, 3, 1u << 0,
    guardian_member};
static const shape grant_shape = {sizeof(pv_grant), PV_MAX_GRANTS, &grant_init, grant_names, 4,
                                  1u << 1,          grant_member};
static const shape representative_shape = {sizeof(pv_representative),
                                           PV_MAX_REPRESENTATIVES,
                                           &representative_init,
                                           representative_names,
                                           7,
                                           (1u << 0) | (1u << 1),
                                           representative_member};

/* ---- The citizen -------------------------------------------------------------------------- */

static bool citizen_member(reader *r, int index, void *into) {
    pv_citizen_json *o = into;
    pv_citizen *c = &o->citizen;
    size_t n = 0;
    bool ok;
    switch (index) {
    case 0: return date_or_null(r, &c->birth_date);
    case 1: return text_or_null(r, &c->personnummer);
    case 2: return flag(r, &c->protected_identity);
    case 3: return flag(r, &c->login_locked);
    case 4: return requester(r, &c->login_lock_requested_by);
    case 5: return text_or_null(r, &c->login_lock_case_number);
    case 6:
        ok = array(r, SEALS, &o->items[SEALS], &n, &seal_shape);
        c->seal_count = n;
        return ok;
    case 7:
        ok = array(r, GUARDIANS, &o->items[GUARDIANS], &n, &guardian_shape);
        c->guardian_count = n;
        return ok;
    case 8:
        ok = array(r, GRANTS, &o->items[GRANTS], &n, &grant_shape);
        c->grant_count = n;
        return ok;
    default:
        ok = array(r, REPRESENTATIVES, &o->items[REPRESENTATIVES], &n, &representative_shape);
        c->representative_count = n;
        return ok;
    }
}

static const char *const citizen_names[] = {"birth_date",
                                            "personnummer",
                                            "protected_identity",
                                            "login_locked",
                                            "login_lock_requested_by",
                                            "login_lock_case_number",
                                            "seals",
                                            "guardians",
                                            "grants",
                                            "representatives"};

int pv_citizen_json_read(const char *text, size_t size, pv_citizen_json **out) {
    *out = NULL;
    pv_citizen_json *o = calloc(1, sizeof *o);
    char *copy = o != NULL ? malloc(size + 1) : NULL;
    if (copy == NULL) {
        free(o);
        return -1;
    }
    if (size > 0) memcpy(copy, text, size);
    copy[size] = '\0';
    const pv_citizen init = PV_CITIZEN_INIT;
    o->citizen = init;
    o->text = copy;
    reader r = {copy, copy + size, false, {0, 0, 0, 0}};
    skip_space(&r);
    unsigned seen;
    bool ok = object(&r, citizen_names, 10, citizen_member, o, &seen) && r.at == r.end;
    if (!ok) {
        bool no_memory = r.no_memory;
        pv_citizen_json_free(o);
        return no_memory ? -1 : 0;
    }
    pv_citizen *c = &o->citizen;
    o->bytes = sizeof *o + size + 1;
    /* An array holds an element exactly when it was allocated (an empty one never is). */
    static const size_t sizes[4] = {sizeof(pv_seal), sizeof(pv_guardian), sizeof(pv_grant),
                                    sizeof(pv_representative)};
    for (int k = 0; k < 4; k++) o->bytes += r.room[k] * sizes[k];
    c->seals = o->items[SEALS];
    c->guardians = o->items[GUARDIANS];
    c->grants = o->items[GRANTS];
    c->representatives = o->items[REPRESENTATIVES];
    *out = o;
    return 1;
}

const pv_citizen *pv_citizen_json_citizen(const pv_citizen_json *record) {
    return &record->citizen;
}

size_t pv_citizen_json_bytes(const pv_citizen_json *record) {
    return record->bytes;
}

void pv_citizen_json_free(pv_citizen_json *record) {
    if (record == NULL) return;
    free(record->text);
    for (int i = 0; i < 4; i++) free(record->items[i]);
    free(record);
}
