/* fuzz_record.h — decodes a citizen, an actor, a service and dates from a fuzzer's bytes; shared
   by fuzz_evaluate.c and fuzz_beyond.c (both read their inputs the same way).

   The bytes decode into a citizen with 0 to 8 seals, guardians, grants and representatives, an
   actor and a service. Every array is a heap block of exactly its length and every string a heap
   block of exactly its length plus the NUL, so that AddressSanitizer sees any read past either.
   Strings are NULL, one of a few ids and numbers (so that ids match), or arbitrary bytes of any
   length (non-ASCII, longer than PV_ID_MAX, embedded NULs). Enums may be out of range or
   negative, dates invalid, and pointers NULL where that is allowed and where it is not. */
#ifndef PV_FUZZ_RECORD_H
#define PV_FUZZ_RECORD_H

#include "fuzz_input.h"

enum {
    MAX_ITEMS = 8,
    MAX_STRINGS = 128
};

/* Every block allocated for one input, freed at the end. */
typedef struct arena {
    void *blocks[MAX_STRINGS];
    size_t count;
} arena;

static inline void *arena_keep(arena *a, void *block) {
    if (block == NULL || a->count == MAX_STRINGS) {
        free(block);
        return NULL;
    }
    a->blocks[a->count++] = block;
    return block;
}

static inline void arena_free(arena *a) {
    for (size_t i = 0; i < a->count; i++) free(a->blocks[i]);
    a->count = 0;
}

typedef struct decoder {
    fuzz_input in;
    arena mem;
} decoder;

/* Ids that appear in several places so that actors, guardians, grants and seals match, ids at
   and past the length limit, and personnummer: valid ones in every form, a samordningsnummer,
   then birth number 000 (N6), a wrong check digit (N2), an interim number (N7) and a space. */
static const char *const known_strings[] = {
    "g1",
    "g2",
    "r1",
    "r2",
    "self",
    "u1",
    "u2",
    "SE2321000016-1ABC",
    "",
    "a b",
    "\xc3\xa5",
    "0123456789012345678901234567890123456789012345678901234567890123",
    "01234567890123456789012345678901234567890123456789012345678901234",
    "19121212-1212",
    "121212-1212",
    "191212121212",
    "1212121212",
    "20140615-1231",
    "140615+1231",
    "050101-9871",
    "19701063-2391",
    "701063-2391",
    "20080229-0007",
    "19121212-1213",
    "19121212-T212",
    "19121212 1212",
};
enum {
    KNOWN_STRING_COUNT = sizeof known_strings / sizeof known_strings[0]
};

static inline uint8_t next(decoder *dc) {
    return take_u8(&dc->in);
}

static inline bool next_bool(decoder *dc) {
    return take_bool(&dc->in);
}

/* A string: NULL, a known string, or arbitrary bytes of length 0 to 255. */
static inline const char *next_string(decoder *dc) {
    uint8_t mode = next(dc);
    if (mode % 8 == 0) return NULL;
    if (mode % 8 <= 4) {
        /* A copy, so that ASan guards its end too. */
        const char *known = known_strings[next(dc) % KNOWN_STRING_COUNT];
        size_t length = strlen(known);
        char *copy = arena_keep(&dc->mem, malloc(length + 1));
        if (copy != NULL) memcpy(copy, known, length + 1);
        return copy;
    }
    return arena_keep(&dc->mem, take_bytes_as_string(&dc->in, next(dc)));
}

/* An enum value: mostly in range, sometimes just past it, negative or huge. */
static inline int next_enum(decoder *dc, int count) {
    uint8_t b = next(dc);
    switch (b >> 5) {
    case 7: return (int8_t)b;       /* -1 to -32 */
    case 6: return count + (b & 3); /* just out of range */
    case 5: return (b & 1) ? INT32_MAX : INT32_MIN;
    default: return b % count;
    }
}

/* A date: none, a plausible date (1990-2049, sometimes a day the month lacks), a raw value or
   an edge of the calendar. */
static inline pv_date next_date(decoder *dc) {
    static const pv_date edges[] = {
        {1, 1, 1},     {9999, 12, 31}, {9999, 12, 30}, {0, 1, 1},    {-1, 12, 31},
        {2000, 2, 29}, {1900, 2, 29},  {2024, 0, 1},   {2024, 1, 0}, {0, 0, 1},
    };
    uint8_t mode = next(dc);
    switch (mode % 8) {
    case 0:
    case 1: return PV_DATE_NONE;
    case 6: return take_raw_date(&dc->in);
    case 7: return edges[next(dc) % (sizeof edges / sizeof edges[0])];
    default: {
        pv_date d;
        d.year = (int16_t)(1990 + next(dc) % 60);
        d.month = (uint8_t)(1 + next(dc) % 12);
        d.day = (uint8_t)(1 + next(dc) % 31);
        return d;
    }
    }
}

/* An array of 0 to MAX_ITEMS elements of 'item_size' bytes, zeroed: a heap block of exactly that
   size; or NULL (with a count of 0, allowed; otherwise invalid input). */
static inline void *next_array(decoder *dc, size_t item_size, size_t *count) {
    uint8_t b = next(dc);
    *count = (size_t)(b % (MAX_ITEMS + 1));
    if ((b >> 4) == 0xF) return NULL;
    if (*count == 0) return NULL;
    return arena_keep(&dc->mem, calloc(*count, item_size));
}

static inline void decode_seals(decoder *dc, pv_citizen *c) {
    pv_seal *seals = next_array(dc, sizeof *seals, &c->seal_count);
    c->seals = seals;
    for (size_t i = 0; seals != NULL && i < c->seal_count; i++) {
        pv_seal *s = &seals[i];
        s->scope = (pv_seal_scope)next_enum(dc, PV_SEAL_SCOPE_COUNT);
        s->unit = next_string(dc);
        s->active.from = next_date(dc);
        s->active.until = next_date(dc);
        s->has_content = next_bool(dc);
        s->content.from = next_date(dc);
        s->content.until = next_date(dc);
        s->requested_by = (pv_requester)next_enum(dc, PV_REQUESTER_COUNT);
    }
}

static inline void decode_guardians(decoder *dc, pv_citizen *c) {
    pv_guardian *guardians = next_array(dc, sizeof *guardians, &c->guardian_count);
    c->guardians = guardians;
    for (size_t i = 0; guardians != NULL && i < c->guardian_count; i++) {
        guardians[i].id = next_string(dc);
        uint8_t bits = next(dc);
        guardians[i].blocked = (bits & 1u) != 0;
        guardians[i].protected_identity = (bits & 2u) != 0;
    }
}

static inline void decode_grants(decoder *dc, pv_citizen *c) {
    pv_grant *grants = next_array(dc, sizeof *grants, &c->grant_count);
    c->grants = grants;
    for (size_t i = 0; grants != NULL && i < c->grant_count; i++) {
        grants[i].holder = next_string(dc);
        grants[i].unit = next_string(dc);
        grants[i].from = next_date(dc);
        grants[i].until = next_date(dc);
    }
}

static inline void decode_representatives(decoder *dc, pv_citizen *c) {
    pv_representative *reps = next_array(dc, sizeof *reps, &c->representative_count);
    c->representatives = reps;
    for (size_t i = 0; reps != NULL && i < c->representative_count; i++) {
        pv_representative *r = &reps[i];
        r->id = next_string(dc);
        r->kind = (pv_representative_kind)next_enum(dc, PV_REPRESENTATIVE_KIND_COUNT);
        uint8_t bits = next(dc);
        r->cares_for_person = (bits & 1u) != 0;
        r->consent = (bits & 2u) != 0;
        r->court_order = (bits & 4u) != 0;
        r->from = next_date(dc);
        r->until = next_date(dc);
    }
}

static inline void decode_citizen(decoder *dc, pv_citizen *c) {
    memset(c, 0, sizeof *c);
    c->birth_date = next_date(dc);
    c->personnummer = next_string(dc);
    uint8_t bits = next(dc);
    c->protected_identity = (bits & 1u) != 0;
    c->login_locked = (bits & 2u) != 0;
    c->login_lock_requested_by = (pv_requester)next_enum(dc, PV_REQUESTER_COUNT);
    c->login_lock_case_number = next_string(dc);
    decode_seals(dc, c);
    decode_guardians(dc, c);
    decode_grants(dc, c);
    decode_representatives(dc, c);
}

static inline void decode_actor(decoder *dc, pv_actor *a) {
    memset(a, 0, sizeof *a);
    a->kind = (pv_actor_kind)next_enum(dc, PV_ACTOR_KIND_COUNT);
    a->id = next_string(dc);
    a->eid = (pv_eid)next_enum(dc, PV_EID_COUNT);
    uint8_t bits = next(dc);
    a->login_locked = (bits & 1u) != 0;
    a->journal_sealed = (bits & 2u) != 0;
}

static inline void decode_service(decoder *dc, pv_service *s) {
    memset(s, 0, sizeof *s);
    s->kind = (pv_service_kind)next_enum(dc, PV_SERVICE_KIND_COUNT);
    s->channel = (pv_channel)next_enum(dc, PV_CHANNEL_COUNT);
    s->unit = next_string(dc);
    s->entry_date = next_date(dc);
}

#endif
