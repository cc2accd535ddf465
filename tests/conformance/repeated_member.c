/* repeated_member.c — finds, in a JSON array of vectors, the first member that appears twice in
   one object of each vector (RULES.md section 10, "Strict reading": a repeated member is
   malformed, naming its path). jansson can only refuse the whole document
   (JSON_REJECT_DUPLICATES) or keep the last copy, so the text is scanned here first and the
   vector with a repeated member is decided as malformed, the file still read. */
#include "repeated_member.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The deepest nesting followed; deeper text is left to jansson (which refuses it or not). */
#define RM_MAX_DEPTH 64
/* The members of one object compared with each other: the objects of a vector have at most
   ten; an object with more has an unknown member (malformed anyway) or is ignored content. */
#define RM_MAX_KEYS 64

/* What an open object or array is, for the caps of RULES.md section 8. */
typedef enum rm_role {
    RM_OTHER,
    RM_CITIZEN,
    RM_GUARDIANS,
    RM_GUARDIAN
} rm_role;

/* The bytes of a member name kept (decoded); longer names are compared on these and their
   length (the names of the format are at most 24 bytes). */
#define RM_KEY_SIZE 64

typedef struct rm_frame {
    char keys[RM_MAX_KEYS][RM_KEY_SIZE];
    size_t key_lens[RM_MAX_KEYS];
    char key[RM_KEY_SIZE]; /* an object: the member being read (decoded, cut to RM_KEY_SIZE) */
    size_t key_len;        /* its whole decoded length */
    size_t key_count;
    size_t index; /* an array: the element being read */
    size_t cap;   /* an array: the cap of section 8 on its elements, or 0 */
    rm_role role;
    bool is_object;
    bool want_key; /* an object: the next string is a member name */
} rm_frame;

/* The state of one scan. */
typedef struct rm_state {
    rm_frame frames[RM_MAX_DEPTH];
    size_t depth;
    size_t skip;     /* inside an array being cut: its depth, else 0 */
    size_t cut_from; /* where the cut of that array begins */
    rm_found *found;
    size_t capacity;
    rm_cuts *cuts;
} rm_state;

/* The end of the string that starts at 'p' (on its opening quote): one past the closing quote,
   or 'end'. */
static const char *string_end(const char *p, const char *end) {
    for (p++; p < end; p++) {
        if (*p == '\\') {
            p++;
        } else if (*p == '"') {
            return p + 1;
        }
    }
    return end;
}

/* Writes the path of the member 'frames[depth - 1].key' relative to the vector (frame 1). */
static void write_path(char *out, size_t size, const rm_frame *frames, size_t depth) {
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 1; i < depth && used < size; i++) {
        int n;
        if (frames[i].is_object) {
            size_t len = frames[i].key_len < RM_KEY_SIZE ? frames[i].key_len : RM_KEY_SIZE;
            n = snprintf(out + used, size - used, "%s%.*s", used ? "." : "", (int)len,
                         frames[i].key);
        } else {
            n = snprintf(out + used, size - used, "[%zu]", frames[i].index);
        }
        if (n < 0) return;
        used += (size_t)n;
    }
}

/* True if the member name 'key' of 'len' bytes is 'name'. */
static bool key_is(const char *key, size_t len, const char *name) {
    return strlen(name) == len && memcmp(key, name, len) == 0;
}

/* Appends the UTF-8 of code point 'c' to out[*n] (at most RM_KEY_SIZE bytes are written; *n
   counts them all). */
static void put_utf8(char *out, size_t *n, unsigned long c) {
    unsigned char bytes[4];
    size_t count;
    if (c < 0x80) {
        bytes[0] = (unsigned char)c;
        count = 1;
    } else if (c < 0x800) {
        bytes[0] = (unsigned char)(0xC0 | (c >> 6));
        bytes[1] = (unsigned char)(0x80 | (c & 0x3F));
        count = 2;
    } else if (c < 0x10000) {
        bytes[0] = (unsigned char)(0xE0 | (c >> 12));
        bytes[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
        bytes[2] = (unsigned char)(0x80 | (c & 0x3F));
        count = 3;
    } else {
        bytes[0] = (unsigned char)(0xF0 | (c >> 18));
        bytes[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
        bytes[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
        bytes[3] = (unsigned char)(0x80 | (c & 0x3F));
        count = 4;
    }
    for (size_t i = 0; i < count; i++, (*n)++) {
        if (*n < RM_KEY_SIZE) out[*n] = (char)bytes[i];
    }
}

/* The four hex digits at 'p' as a number, or -1. */
static long hex4(const char *p, const char *end) {
    long value = 0;
    if (end - p < 4) return -1;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        int digit = c >= '0' && c <= '9'   ? c - '0'
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                           : -1;
        if (digit < 0) return -1;
        value = value * 16 + digit;
    }
    return value;
}

/* Decodes the member name 'raw' (the text between its quotes) into 'out' as JSON reads it, so
   that "id" and "\u0069d" are one name, as they are to every JSON parser. Returns its whole
   decoded length (at most RM_KEY_SIZE bytes are written). */
static size_t decode_key(const char *raw, size_t len, char *out) {
    const char *p = raw;
    const char *end = raw + len;
    size_t n = 0;
    while (p < end) {
        if (*p != '\\' || p + 1 >= end) {
            if (n < RM_KEY_SIZE) out[n] = *p;
            n++;
            p++;
            continue;
        }
        char e = p[1];
        p += 2;
        if (e != 'u') {
            static const char from[] = "bfnrt";
            static const char to[] = "\b\f\n\r\t";
            const char *at = strchr(from, e);
            put_utf8(out, &n,
                     (unsigned long)(unsigned char)(e != '\0' && at != NULL ? to[at - from] : e));
            continue;
        }
        long c = hex4(p, end);
        if (c < 0) continue; /* not JSON: jansson refuses the text */
        p += 4;
        long low = c >= 0xD800 && c <= 0xDBFF && end - p >= 6 && p[0] == '\\' && p[1] == 'u'
                       ? hex4(p + 2, end)
                       : -1;
        if (low >= 0xDC00 && low <= 0xDFFF) {
            c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
            p += 6;
        }
        put_utf8(out, &n, (unsigned long)c);
    }
    return n;
}

/* The cap of section 8 on an array that is member 'key' of an object of role 'parent'. */
static size_t cap_of(rm_role parent, const char *key, size_t len) {
    if (parent == RM_CITIZEN) {
        if (key_is(key, len, "guardians") || key_is(key, len, "representatives")) return 16;
        if (key_is(key, len, "seals") || key_is(key, len, "grants")) return 1024;
        if (key_is(key, len, "login_locked") || key_is(key, len, "protected_identity")) return 256;
    } else if (parent == RM_GUARDIAN) {
        if (key_is(key, len, "blocked") || key_is(key, len, "protected_identity")) return 256;
    }
    return 0;
}

/* Adds the cut [from, to) to 'cuts'; false when there is no memory for it. */
static bool add_cut(rm_cuts *cuts, size_t from, size_t to) {
    if (cuts->count == cuts->capacity) {
        size_t capacity = cuts->capacity ? cuts->capacity * 2 : 8;
        rm_cut *more = realloc(cuts->items, capacity * sizeof *more);
        if (more == NULL) return false;
        cuts->items = more;
        cuts->capacity = capacity;
    }
    cuts->items[cuts->count].from = from;
    cuts->items[cuts->count].to = to;
    cuts->count++;
    return true;
}

/* A member name of 'len' bytes at 'key' in the object on top: compared with the names before
   it, and the path of the first repeated one kept for its vector. */
static void on_key(rm_state *st, const char *raw, size_t raw_len) {
    rm_frame *top = &st->frames[st->depth - 1];
    top->want_key = false;
    size_t len = decode_key(raw, raw_len, top->key);
    size_t kept = len < RM_KEY_SIZE ? len : RM_KEY_SIZE;
    top->key_len = len;
    bool twice = false;
    for (size_t k = 0; k < top->key_count && !twice; k++) {
        twice = top->key_lens[k] == len && memcmp(top->keys[k], top->key, kept) == 0;
    }
    if (!twice && top->key_count < RM_MAX_KEYS) {
        memcpy(top->keys[top->key_count], top->key, kept);
        top->key_lens[top->key_count] = len;
        top->key_count++;
    }
    /* frames[0] is the array of vectors; frames[0].index the vector. */
    const rm_frame *root = &st->frames[0];
    if (twice && st->depth >= 2 && !root->is_object && root->index < st->capacity &&
        st->found[root->index].path[0] == '\0') {
        write_path(st->found[root->index].path, sizeof st->found->path, st->frames, st->depth);
    }
}

/* The role and cap of an array or object opened ('c') inside the frame on top. */
static void role_of(const rm_state *st, char c, rm_role *role, size_t *cap) {
    *role = RM_OTHER;
    *cap = 0;
    if (st->depth == 0) return;
    const rm_frame *parent = &st->frames[st->depth - 1];
    if (parent->is_object && c == '[') {
        *cap = cap_of(parent->role, parent->key, parent->key_len);
        if (parent->role == RM_CITIZEN && key_is(parent->key, parent->key_len, "guardians")) {
            *role = RM_GUARDIANS;
        }
    } else if (parent->is_object && st->depth == 2 && !st->frames[0].is_object &&
               key_is(parent->key, parent->key_len, "citizen")) {
        *role = RM_CITIZEN; /* the citizen of a vector */
    } else if (!parent->is_object && parent->role == RM_GUARDIANS && c == '{') {
        *role = RM_GUARDIAN;
    }
}

/* An array or object opened; false when the text nests deeper than the scan follows. */
static bool on_open(rm_state *st, char c) {
    if (st->depth == RM_MAX_DEPTH) return false;
    rm_role role;
    size_t cap;
    role_of(st, c, &role, &cap);
    rm_frame *f = &st->frames[st->depth++];
    f->role = role;
    f->cap = cap;
    f->is_object = c == '{';
    f->want_key = f->is_object;
    f->index = 0;
    f->key_len = (size_t)-1; /* no member read yet: matches no name */
    f->key_count = 0;
    return true;
}

/* A comma at 'offset': the next member of an object, or the next element of an array. */
static void on_comma(rm_state *st, size_t offset) {
    if (st->depth == 0) return;
    rm_frame *top = &st->frames[st->depth - 1];
    if (top->is_object) {
        top->want_key = true;
        return;
    }
    top->index++;
    /* Section 8: one element past the cap is kept, so that the reader names the cap; the rest
       is cut before jansson builds it. */
    if (top->cap > 0 && top->index == top->cap + 1) {
        st->skip = st->depth;
        st->cut_from = offset;
    }
}

/* One character 'c' at 'offset' inside an array being cut: only its end is sought. Returns
   false when the text nests too deeply or memory runs out. */
static bool skip_step(rm_state *st, char c, size_t offset) {
    if (c == '{' || c == '[') {
        if (st->depth == RM_MAX_DEPTH) return false;
        st->depth++;
    } else if (c == '}' || c == ']') {
        if (st->depth == st->skip) {
            if (!add_cut(st->cuts, st->cut_from, offset)) return false;
            st->skip = 0;
        }
        if (st->depth > 0) st->depth--;
    }
    return true;
}

int rm_scan(const char *text, size_t size, rm_found *found, size_t capacity, rm_cuts *cuts) {
    rm_state *st = calloc(1, sizeof *st);
    if (st == NULL) return -1;
    st->found = found;
    st->capacity = capacity;
    st->cuts = cuts;
    for (size_t i = 0; i < capacity; i++) found[i].path[0] = '\0';
    const char *p = text;
    const char *end = text + size;
    bool ok = true;
    while (ok && p < end) {
        char c = *p;
        if (c == '"') {
            const char *close = string_end(p, end);
            const rm_frame *top = st->depth > 0 ? &st->frames[st->depth - 1] : NULL;
            if (st->skip == 0 && top != NULL && top->is_object && top->want_key && close - p >= 2 &&
                close[-1] == '"') {
                on_key(st, p + 1, (size_t)(close - p - 2));
            }
            p = close;
            continue;
        }
        if (st->skip > 0) {
            ok = skip_step(st, c, (size_t)(p - text));
        } else if (c == '{' || c == '[') {
            ok = on_open(st, c);
        } else if (c == '}' || c == ']') {
            if (st->depth > 0) st->depth--;
        } else if (c == ',') {
            on_comma(st, (size_t)(p - text));
        }
        p++;
    }
    free(st);
    return ok ? 0 : -1;
}

size_t rm_count_elements(const char *text, size_t size) {
    /* An upper bound of the elements of the top-level array: one more than its commas. */
    const char *p = text;
    const char *end = text + size;
    size_t depth = 0;
    size_t commas = 0;
    while (p < end) {
        if (*p == '"') {
            p = string_end(p, end);
            continue;
        }
        if (*p == '{' || *p == '[') depth++;
        if ((*p == '}' || *p == ']') && depth > 0) depth--;
        if (*p == ',' && depth == 1) commas++;
        p++;
    }
    return commas + 1;
}
