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

typedef struct rm_frame {
    bool is_object;
    bool want_key;   /* an object: the next string is a member name */
    size_t index;    /* an array: the element being read */
    const char *key; /* an object: the member being read (raw text, without quotes) */
    size_t key_len;
    size_t key_count;
    const char *keys[RM_MAX_KEYS];
    size_t key_lens[RM_MAX_KEYS];
} rm_frame;

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
            n = snprintf(out + used, size - used, "%s%.*s", used ? "." : "", (int)frames[i].key_len,
                         frames[i].key);
        } else {
            n = snprintf(out + used, size - used, "[%zu]", frames[i].index);
        }
        if (n < 0) return;
        used += (size_t)n;
    }
}

int rm_scan(const char *text, size_t size, rm_found *found, size_t capacity) {
    static rm_frame frames[RM_MAX_DEPTH];
    const char *p = text, *end = text + size;
    size_t depth = 0;
    for (size_t i = 0; i < capacity; i++) found[i].path[0] = '\0';
    while (p < end) {
        char c = *p;
        if (c == '"') {
            const char *close = string_end(p, end);
            rm_frame *top = depth > 0 ? &frames[depth - 1] : NULL;
            if (top != NULL && top->is_object && top->want_key && close - p >= 2) {
                top->want_key = false;
                top->key = p + 1;
                top->key_len = (size_t)(close - p - 2);
                bool twice = false;
                for (size_t k = 0; k < top->key_count; k++) {
                    if (top->key_lens[k] == top->key_len &&
                        memcmp(top->keys[k], top->key, top->key_len) == 0) {
                        twice = true;
                    }
                }
                if (!twice && top->key_count < RM_MAX_KEYS) {
                    top->keys[top->key_count] = top->key;
                    top->key_lens[top->key_count] = top->key_len;
                    top->key_count++;
                }
                /* frames[0] is the array of vectors; frames[0].index the vector. */
                if (twice && depth >= 2 && !frames[0].is_object && frames[0].index < capacity &&
                    found[frames[0].index].path[0] == '\0') {
                    write_path(found[frames[0].index].path, sizeof found->path, frames, depth);
                }
            }
            p = close;
            continue;
        }
        if (c == '{' || c == '[') {
            if (depth == RM_MAX_DEPTH) return -1;
            rm_frame *f = &frames[depth++];
            f->is_object = c == '{';
            f->want_key = f->is_object;
            f->index = 0;
            f->key = NULL;
            f->key_len = 0;
            f->key_count = 0;
        } else if (c == '}' || c == ']') {
            if (depth > 0) depth--;
        } else if (c == ',' && depth > 0) {
            rm_frame *top = &frames[depth - 1];
            if (top->is_object) {
                top->want_key = true;
            } else {
                top->index++;
            }
        }
        p++;
    }
    return 0;
}

size_t rm_count_elements(const char *text, size_t size) {
    /* An upper bound of the elements of the top-level array: one more than its commas. */
    const char *p = text, *end = text + size;
    size_t depth = 0, commas = 0;
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
