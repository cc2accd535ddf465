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

/* prepared.c — the lifetime rule, O(1): every member of the pv_citizen struct 'c' is the one
   'p' was prepared from (member by member: padding may differ). */
bool prepared_citizen_members(const pv_prepared *p, const pv_citizen *c);

_Static_assert(sizeof(pv_citizen) % sizeof(uint64_t) == 0, "pv_citizen is whole words");

/* The lifetime rule, O(1): the bytes of the struct first — the usual case, the very struct
   prepared, as one pass of eight bytes at a time that the compiler turns into a few vector
   instructions (the same answer as memcmp() == 0, without the call) — and member by member
   when they differ, since padding may. Inline: step 0 of every call. */
static inline bool prepared_citizen_same(const pv_prepared *p, const pv_citizen *c) {
    const unsigned char *a = (const unsigned char *)&p->citizen;
    const unsigned char *b = (const unsigned char *)c;
    uint64_t differ = 0;
    for (size_t i = 0; i < sizeof *c; i += sizeof(uint64_t)) {
        uint64_t x;
        uint64_t y;
        memcpy(&x, a + i, sizeof x);
        memcpy(&y, b + i, sizeof y);
        differ |= x ^ y;
    }
    return differ == 0 || prepared_citizen_members(p, c);
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
