/*
 * prepared.h — the layout of a prepared record (portvakt_prepared.h), internal.
 *
 * The storage holds the header (struct pv_prepared) and five arrays after it, found by byte
 * offsets from the header so that the storage can be moved: the spans, and the guardians, units,
 * content seals and grant groups that name ranges of them (span_set). Every union of spans is
 * sorted and merged (view.h), ready for view_probe().
 *
 *   citizen_locked, citizen_protected   H1: the flag and the periods of each fact
 *   guardians[i]                        G3, G4: guardian i's block and protection; D2: the
 *                                       validity of every grant guardian i holds (any unit)
 *   whole_closes                        J1: the seals of the whole journal without content
 *   whole_filters, whole contents       J4: those with a content period (active; content)
 *   unit_any                            J2, J4: every unit seal (a whole-journal query is
 *                                       shown without them)
 *   units[]                             sorted by unit: that unit's seals without content
 *                                       (J2 closes), with content (J4 filters; and their
 *                                       content periods for an entry query), and its grants by
 *                                       holder (0 the citizen, 1 + i guardian i)
 *   self_grants                         D1: the validity of every grant the citizen holds
 */
#ifndef PV_PREPARED_INTERNAL_H
#define PV_PREPARED_INTERNAL_H

#include <stdalign.h>
#include <stddef.h>
#include <string.h>

#include "../time/view.h"

/* A range of the spans: a sorted union. */
typedef struct span_set {
    uint32_t first;
    uint32_t count;
} span_set;

typedef struct prep_guardian {
    span_set blocked;
    span_set protected_identity;
    span_set grants;
} prep_guardian;

typedef struct prep_unit {
    const char *unit;
    span_set closes;
    span_set filters;
    uint32_t content_first, content_count; /* its seals with a content period */
    uint32_t grant_first, grant_count;     /* its grant groups, by holder */
} prep_unit;

/* A seal with a content period: when it is in force (J3) and what it hides (J4). */
typedef struct prep_content {
    span active;
    span content;
} prep_content;

/* The grants of one holder for one unit. */
typedef struct prep_grants {
    uint32_t holder;
    span_set when;
} prep_grants;

struct pv_prepared {
    uint64_t magic;
    uint64_t fingerprint; /* of every element and string (pv_prepared_check) */
    size_t size;          /* the bytes used */
    pv_citizen citizen;   /* the struct prepared from, compared on every call */
    pnr_text pnr;         /* the personnummer's text, read on each date (N4) */
    bool has_pnr;
    /* A3: the birth date when no date reads it otherwise (no personnummer, or a twelve-digit
       one that agrees with 'birth_date'), for the dates not before it. */
    bool birth_fixed;
    pv_date birth;
    span_set citizen_locked, citizen_protected;
    span_set whole_closes, whole_filters, unit_any, self_grants;
    uint32_t whole_content_first, whole_content_count;
    uint32_t unit_count;
    uint32_t spans_at, guardians_at, units_at, contents_at, grants_at;
};

#define PREPARED_MAGIC UINT64_C(0x7076707265703101)

/* The places of the arrays in the storage, and its size, for a record's counts. */
typedef struct prep_layout {
    size_t spans_at, guardians_at, units_at, contents_at, grants_at, total;
} prep_layout;

/* prepared.c — the layout for 'c' (not NULL; counts past the caps measured as the caps). */
void prepared_layout(const pv_citizen *c, prep_layout *l);

/* prepared.c — builds the record of 'c' (valid) into 'storage' (aligned, at least l->total
   bytes); the fingerprint only when asked (a record that leaves the library needs one). */
pv_prepared *prepared_build(void *storage, const pv_citizen *c, const prep_layout *l,
                            bool fingerprint);

/* 'p' is aligned storage holding a prepared record. Inline: step 0 of every call. */
static inline bool prepared_usable(const pv_prepared *p) {
    return p != NULL && (uintptr_t)p % alignof(max_align_t) == 0 && p->magic == PREPARED_MAGIC;
}

/* pv_citizen's padding is where its flags meet: after login_locked, before
   login_lock_requested_by. The members before the flags (version, birth date, personnummer) and
   those after login_lock_requested_by (7 pointers and 6 sizes) have no padding between them:
   their sizes add up to the bytes they span (checked here), so whoever sets them writes every
   byte there, and those bytes may be compared word by word. */
#define PREPARED_HEAD offsetof(pv_citizen, protected_identity)
#define PREPARED_TAIL offsetof(pv_citizen, login_lock_case_number)
_Static_assert(sizeof(size_t) == sizeof(uintptr_t) && sizeof(const void *) == sizeof(uintptr_t),
               "pointers and sizes are words");
_Static_assert(PREPARED_HEAD == sizeof(uint32_t) + 4 + sizeof(const char *) &&
                   sizeof(pv_date) == 4 && PREPARED_HEAD % sizeof(uintptr_t) == 0,
               "version, birth date and personnummer are whole words without padding");
_Static_assert(sizeof(pv_citizen) - PREPARED_TAIL == 13 * sizeof(uintptr_t),
               "the tail of pv_citizen is 13 words without padding");

/* Word by word, the bytes [from, to) of two pv_citizen structs: 0 when they are the same. */
static inline uintptr_t prepared_words_differ(const pv_citizen *a, const pv_citizen *c, size_t from,
                                              size_t to) {
    const unsigned char *x = (const unsigned char *)a;
    const unsigned char *y = (const unsigned char *)c;
    uintptr_t differ = 0;
    for (size_t i = from; i < to; i += sizeof(uintptr_t)) {
        uintptr_t u;
        uintptr_t v;
        memcpy(&u, x + i, sizeof u);
        memcpy(&v, y + i, sizeof v);
        differ |= u ^ v;
    }
    return differ;
}

/* The lifetime rule, O(1): every member of the pv_citizen struct 'c' is the one 'p' was
   prepared from. Never the bytes of the padding: it may never have been written in a caller's
   struct (members set one by one in allocated memory), and reading it is an uninitialised read
   (valgrind, MemorySanitizer; an alarm of the proof). The flags one by one, the rest word by
   word (a few vector instructions), without a branch until the end. Inline: step 0 of every
   call. */
static inline bool prepared_citizen_same(const pv_prepared *p, const pv_citizen *c) {
    const pv_citizen *a = &p->citizen;
    uintptr_t differ =
        prepared_words_differ(a, c, 0, PREPARED_HEAD) |
        prepared_words_differ(a, c, PREPARED_TAIL, sizeof *c) |
        (uintptr_t)(a->protected_identity ^ c->protected_identity) |
        (uintptr_t)(a->login_locked ^ c->login_locked) |
        ((uintptr_t)a->login_lock_requested_by ^ (uintptr_t)c->login_lock_requested_by);
    return differ == 0;
}

/* The view of a validated, resolved request from its prepared record; 'u' is the asked unit
   among the record's (NULL: none asked, or not in the record). */
static inline void view_from_prepared(view *v, const pv_prepared *p, const pv_request *rq,
                                      const prep_unit *u) {
    view_begin(v);
    facts_gather(v, rq, p, u);
}

/* prepared_decide.c — the asked unit among the record's units, or NULL. */
const prep_unit *prepared_unit(const pv_prepared *p, const char *unit);

static inline const span *prep_spans(const pv_prepared *p) {
    return (const span *)(const void *)((const unsigned char *)p + p->spans_at);
}

static inline const prep_guardian *prep_guardians(const pv_prepared *p) {
    return (const prep_guardian *)(const void *)((const unsigned char *)p + p->guardians_at);
}

static inline const prep_unit *prep_units(const pv_prepared *p) {
    return (const prep_unit *)(const void *)((const unsigned char *)p + p->units_at);
}

static inline const prep_content *prep_contents(const pv_prepared *p) {
    return (const prep_content *)(const void *)((const unsigned char *)p + p->contents_at);
}

static inline const prep_grants *prep_grant_groups(const pv_prepared *p) {
    return (const prep_grants *)(const void *)((const unsigned char *)p + p->grants_at);
}

#endif
