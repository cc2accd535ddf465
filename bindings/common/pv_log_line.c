/*
 * pv_log_line.c — the fast reader of one access-log line (RULES.md H5; see pv_log_line.h).
 *
 * A recursive-descent JSON scanner bounded in depth and in members per object, so that it stays
 * linear whatever the bytes: past a bound, or at anything it does not read itself, it answers
 * "not the plain shape" and the binding's full reader takes the line.
 */
#include "pv_log_line.h"

#include <string.h>

typedef struct scan {
    const char *p;
    const char *end;
} scan;

/* A member name or a string: its text between the quotes, and whether it holds an escape. */
typedef struct str_span {
    const char *from;
    size_t size;
    bool escaped;
} str_span;

static void skip_ws(scan *s) {
    while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r')) {
        s->p++;
    }
}

static bool at_char(const scan *s, char c) {
    return s->p < s->end && *s->p == c;
}

static bool is_hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

/* A string of printable ASCII (RFC 8259 escapes allowed), at its opening quote. */
static bool read_string(scan *s, str_span *out) {
    s->p++; /* the quote */
    out->from = s->p;
    out->escaped = false;
    while (s->p < s->end) {
        char c = *s->p;
        if (c == '"') {
            out->size = (size_t)(s->p - out->from);
            s->p++;
            return true;
        }
        if ((unsigned char)c < 0x20 || (unsigned char)c > 0x7E) return false;
        if (c == '\\') {
            out->escaped = true;
            if (++s->p >= s->end) return false;
            c = *s->p;
            if (c == 'u') {
                if (s->end - s->p < 5 || !is_hex(s->p[1]) || !is_hex(s->p[2]) || !is_hex(s->p[3]) ||
                    !is_hex(s->p[4])) {
                    return false;
                }
                s->p += 4;
            } else if (c == '\0' || strchr("\"\\/bfnrt", c) == NULL) {
                return false;
            }
        }
        s->p++;
    }
    return false;
}

static bool read_digits(scan *s) {
    const char *from = s->p;
    while (s->p < s->end && is_digit(*s->p)) s->p++;
    return s->p > from;
}

/* A number of RFC 8259. */
static bool read_number(scan *s) {
    if (at_char(s, '-')) s->p++;
    if (at_char(s, '0')) {
        s->p++;
    } else if (!read_digits(s)) {
        return false;
    }
    if (at_char(s, '.')) {
        s->p++;
        if (!read_digits(s)) return false;
    }
    if (at_char(s, 'e') || at_char(s, 'E')) {
        s->p++;
        if (at_char(s, '+') || at_char(s, '-')) s->p++;
        if (!read_digits(s)) return false;
    }
    return true;
}

static bool read_word(scan *s, const char *word) {
    size_t n = strlen(word);
    if ((size_t)(s->end - s->p) < n || memcmp(s->p, word, n) != 0) return false;
    s->p += n;
    return true;
}

/* The object reader calls this for each member, 'name' its name: it reads the value at s->p. */
typedef bool (*member_reader)(scan *s, const str_span *name, void *context);

static bool read_value(scan *s, int depth);

/* A member name that appears twice in one object (names without escapes: compared as bytes). */
static bool repeated(const str_span *names, size_t count, const str_span *name) {
    for (size_t i = 0; i < count; i++) {
        if (names[i].size == name->size && memcmp(names[i].from, name->from, name->size) == 0) {
            return true;
        }
    }
    return false;
}

/* An object at its opening brace: each member's value read by 'member' (or as any JSON value
   when 'member' is NULL). False for a repeated member, a name with an escape, or more than
   PV_LOG_MAX_MEMBERS members: the full reader decides those. */
static bool read_object(scan *s, int depth, member_reader member, void *context) {
    str_span names[PV_LOG_MAX_MEMBERS];
    size_t count = 0;
    if (depth >= PV_LOG_MAX_DEPTH) return false;
    s->p++;
    skip_ws(s);
    if (at_char(s, '}')) {
        s->p++;
        return true;
    }
    for (;;) {
        str_span name;
        if (!at_char(s, '"') || !read_string(s, &name) || name.escaped) return false;
        if (count == PV_LOG_MAX_MEMBERS || repeated(names, count, &name)) return false;
        names[count++] = name;
        skip_ws(s);
        if (!at_char(s, ':')) return false;
        s->p++;
        skip_ws(s);
        if (member != NULL ? !member(s, &name, context) : !read_value(s, depth + 1)) return false;
        skip_ws(s);
        if (at_char(s, '}')) {
            s->p++;
            return true;
        }
        if (!at_char(s, ',')) return false;
        s->p++;
        skip_ws(s);
    }
}

static bool read_array(scan *s, int depth) {
    if (depth >= PV_LOG_MAX_DEPTH) return false;
    s->p++;
    skip_ws(s);
    if (at_char(s, ']')) {
        s->p++;
        return true;
    }
    for (;;) {
        if (!read_value(s, depth + 1)) return false;
        skip_ws(s);
        if (at_char(s, ']')) {
            s->p++;
            return true;
        }
        if (!at_char(s, ',')) return false;
        s->p++;
        skip_ws(s);
    }
}

static bool read_value(scan *s, int depth) {
    str_span ignored;
    if (s->p >= s->end) return false;
    switch (*s->p) {
    case '"': return read_string(s, &ignored);
    case '{': return read_object(s, depth, NULL, NULL);
    case '[': return read_array(s, depth);
    case 't': return read_word(s, "true");
    case 'f': return read_word(s, "false");
    case 'n': return read_word(s, "null");
    default: return (*s->p == '-' || is_digit(*s->p)) && read_number(s);
    }
}

static bool named(const str_span *name, const char *word) {
    return name->size == strlen(word) && memcmp(name->from, word, name->size) == 0;
}

/* The members section 10 defines for an actor and a service: which are flags. */
typedef struct member_kind {
    const char *name;
    bool flag;
} member_kind;

static const member_kind actor_members[] = {{"kind", false},          {"id", false},
                                            {"eid", false},           {"login_locked", true},
                                            {"journal_sealed", true}, {NULL, false}};
static const member_kind service_members[] = {
    {"kind", false}, {"channel", false}, {"unit", false}, {"entry_date", false}, {NULL, false}};

/* A member of an actor or a service: known, and a flag true/false/null or a string/null. */
static bool read_strict_member(scan *s, const str_span *name, void *context) {
    const member_kind *kinds = (const member_kind *)context;
    for (; kinds->name != NULL; kinds++) {
        if (!named(name, kinds->name)) continue;
        if (read_word(s, "null")) return true;
        if (kinds->flag) return read_word(s, "true") || read_word(s, "false");
        str_span value;
        return at_char(s, '"') && read_string(s, &value) && !value.escaped;
    }
    return false; /* a member section 10 does not define */
}

static bool digits(const char *p, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (!is_digit(p[i])) return false;
    }
    return true;
}

static int number(const char *p, size_t n) {
    int v = 0;
    for (size_t i = 0; i < n; i++) v = v * 10 + (p[i] - '0');
    return v;
}

/* "YYYY-MM-DD", year 0001 to 9999, month 01 to 12, day 01 to 31 (the full reader checks the
   day against the month). */
static bool date_shape(const char *p, size_t size) {
    if (size < 10 || !digits(p, 4) || p[4] != '-' || !digits(p + 5, 2) || p[7] != '-' ||
        !digits(p + 8, 2)) {
        return false;
    }
    int month = number(p + 5, 2);
    int day = number(p + 8, 2);
    return number(p, 4) >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/* "HH:MM" with HH 00 to 23 and MM 00 to 59. */
static bool clock_shape(const char *p) {
    return digits(p, 2) && p[2] == ':' && digits(p + 3, 2) && number(p, 2) <= 23 &&
           number(p + 3, 2) <= 59;
}

/* The timestamp shape of pv_log_line.h; fills the hour key when the hour has one Swedish date. */
static bool timestamp_shape(const char *p, size_t size, pv_log_line *out) {
    if (size < 20 || !date_shape(p, 10) || p[10] != 'T' || !clock_shape(p + 11) || p[16] != ':' ||
        !digits(p + 17, 2) || number(p + 17, 2) > 59) {
        return false;
    }
    size_t zone = 19;
    if (p[zone] == '.') {
        zone++;
        size_t first = zone;
        while (zone < size && is_digit(p[zone])) zone++;
        if (zone == first) return false;
    }
    size_t tail = size - zone;
    bool utc = tail == 1 && p[zone] == 'Z';
    bool offset = tail == 6 && (p[zone] == '+' || p[zone] == '-') && clock_shape(p + zone + 1);
    if (!utc && !offset) return false;
    /* H5: Sweden's offset has been a whole hour, changed at whole hours of UTC, since
       1900-01-01 (before, +01:12:12 and then +01:00:14). From the year 1901 in the text, an
       offset of whole hours puts the instant after that change, so every instant of its hour
       has one date in Sweden; any other timestamp is keyed by its whole text. */
    out->hour_size = 0;
    if (number(p, 4) >= 1901 && (utc || (p[zone + 4] == '0' && p[zone + 5] == '0'))) {
        memcpy(out->hour, p, 13);
        memcpy(out->hour + 13, p + zone, tail);
        out->hour_size = 13 + tail;
    }
    return true;
}

/* The members of the top-level object. */
static bool read_top_member(scan *s, const str_span *name, void *context) {
    pv_log_line *out = (pv_log_line *)context;
    static const char *const names[PV_LOG_MEMBER_COUNT] = {"citizen", "on", "at", "actor",
                                                           "service"};
    for (int m = 0; m < PV_LOG_MEMBER_COUNT; m++) {
        if (!named(name, names[m])) continue;
        pv_log_span *span = &out->member[m];
        if (m <= PV_LOG_AT) {
            str_span value;
            if (!at_char(s, '"') || !read_string(s, &value) || value.escaped) return false;
            span->text = value.from;
            span->size = value.size;
            return true;
        }
        if (!at_char(s, '{')) return false;
        span->text = s->p;
        if (!read_object(s, 1, read_strict_member,
                         (void *)(m == PV_LOG_ACTOR ? actor_members : service_members))) {
            return false;
        }
        span->size = (size_t)(s->p - span->text);
        return true;
    }
    return read_value(s, 1); /* another member: ignored (H5), read as JSON */
}

bool pv_log_line_read(const char *text, size_t size, pv_log_line *out) {
    memset(out, 0, sizeof *out);
    if (text == NULL) return false;
    scan s = {text, text + size};
    skip_ws(&s);
    if (!at_char(&s, '{') || !read_object(&s, 0, read_top_member, out)) return false;
    skip_ws(&s);
    if (s.p != s.end) return false; /* more after the object */
    const pv_log_span *m = out->member;
    if (m[PV_LOG_CITIZEN].text == NULL || m[PV_LOG_ACTOR].text == NULL ||
        m[PV_LOG_SERVICE].text == NULL) {
        return false;
    }
    if ((m[PV_LOG_ON].text == NULL) == (m[PV_LOG_AT].text == NULL)) return false;
    if (m[PV_LOG_ON].text != NULL) {
        return m[PV_LOG_ON].size == 10 && date_shape(m[PV_LOG_ON].text, 10);
    }
    return timestamp_shape(m[PV_LOG_AT].text, m[PV_LOG_AT].size, out);
}
