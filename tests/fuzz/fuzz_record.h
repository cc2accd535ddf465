/* fuzz_record.h — decodes a citizen, an actor, a service and dates from a fuzzer's bytes; shared
   by fuzz_evaluate.c and fuzz_beyond.c (both read their inputs the same way).

   The bytes decode into a citizen with 0 to 8 seals, guardians, grants and representatives, an
   actor and a service; some flag bytes also give the facts of RULES.md section 11 as periods
   (the citizen's lock periods with their requester, case number and version, the citizen's and
   each guardian's protected identity periods, each guardian's block periods, H1, H4). Every array is a heap block of exactly its length and every string a heap
   block of exactly its length plus the NUL, so that AddressSanitizer sees any read past either.
   Strings are NULL, one of a few ids and numbers (so that ids match), or arbitrary bytes of any
   length (non-ASCII, longer than PV_ID_MAX, embedded NULs). Enums may be out of range or
   negative, dates invalid, and pointers NULL where that is allowed and where it is not. The
   enums whose zero is "unset" (actor kind, e-ID, service kind, seal scope, representative kind)
   are mostly set (1 to COUNT - 1), sometimes unset (0). Every struct starts as its PV_*_INIT,
   so it carries the version of this header; spoil_version() and grow_to_caps() below give the
   targets structs left uninitialised and records at and just past the caps of RULES.md
   section 8. */
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

/* An enum whose value 0 is "unset" (invalid input naming the member): mostly one of the values
   1 to count - 1 (a byte b below 0x80 gives 1 + b % (count - 1), the value b % (count - 1) had
   before the enums were renumbered, so older corpus entries keep their meaning), sometimes
   unset (0x80 to 0x9F), just past the last, negative or huge. */
static inline int next_kind(decoder *dc, int count) {
    uint8_t b = next(dc);
    switch (b >> 5) {
    case 7: return (int8_t)b;
    case 6: return count + (b & 3);
    case 5: return (b & 1) ? INT32_MAX : INT32_MIN;
    case 4: return 0;
    default: return 1 + b % (count - 1);
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
        *s = (pv_seal)PV_SEAL_INIT;
        s->scope = (pv_seal_scope)next_kind(dc, PV_SEAL_SCOPE_COUNT);
        s->unit = next_string(dc);
        s->active.from = next_date(dc);
        s->active.until = next_date(dc);
        s->has_content = next_bool(dc);
        s->content.from = next_date(dc);
        s->content.until = next_date(dc);
        s->requested_by = (pv_requester)next_enum(dc, PV_REQUESTER_COUNT);
    }
}

/* H1, H4: 0 to MAX_ITEMS periods of a fact of section 11 (dates as next_date gives them: open
   ends, edges, dates that do not exist, starts after ends), or NULL with or without a count. */
static inline const pv_interval *decode_periods(decoder *dc, size_t *count) {
    pv_interval *p = next_array(dc, sizeof *p, count);
    if (p == NULL && (next(dc) & 1u)) *count = 1 + next(dc) % 3; /* NULL with a count */
    for (size_t i = 0; p != NULL && i < *count; i++) {
        p[i].from = next_date(dc);
        p[i].until = next_date(dc);
    }
    return p;
}

/* H1, X1: periods of the citizen's login lock, each with its requester, case number and
   version (now and then not the header's). */
static inline void decode_lock_periods(decoder *dc, pv_citizen *c) {
    pv_lock_period *p = next_array(dc, sizeof *p, &c->login_lock_period_count);
    c->login_lock_periods = p;
    for (size_t i = 0; p != NULL && i < c->login_lock_period_count; i++) {
        p[i] = (pv_lock_period)PV_LOCK_PERIOD_INIT;
        uint8_t b = next(dc);
        if ((b & 0xF0u) == 0xF0u) p[i].version = b & 3u;
        p[i].when.from = next_date(dc);
        p[i].when.until = next_date(dc);
        p[i].requested_by = (pv_requester)next_enum(dc, PV_REQUESTER_COUNT);
        p[i].case_number = next_string(dc);
    }
}

static inline void decode_guardians(decoder *dc, pv_citizen *c) {
    pv_guardian *guardians = next_array(dc, sizeof *guardians, &c->guardian_count);
    c->guardians = guardians;
    for (size_t i = 0; guardians != NULL && i < c->guardian_count; i++) {
        guardians[i] = (pv_guardian)PV_GUARDIAN_INIT;
        guardians[i].id = next_string(dc);
        uint8_t bits = next(dc);
        guardians[i].blocked = (bits & 1u) != 0;
        guardians[i].protected_identity = (bits & 2u) != 0;
        /* H1: periods besides the flags. */
        if (bits & 4u) {
            guardians[i].blocked_periods = decode_periods(dc, &guardians[i].blocked_period_count);
        }
        if (bits & 8u) {
            guardians[i].protected_identity_periods =
                decode_periods(dc, &guardians[i].protected_identity_period_count);
        }
    }
}

static inline void decode_grants(decoder *dc, pv_citizen *c) {
    pv_grant *grants = next_array(dc, sizeof *grants, &c->grant_count);
    c->grants = grants;
    for (size_t i = 0; grants != NULL && i < c->grant_count; i++) {
        grants[i] = (pv_grant)PV_GRANT_INIT;
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
        *r = (pv_representative)PV_REPRESENTATIVE_INIT;
        r->id = next_string(dc);
        r->kind = (pv_representative_kind)next_kind(dc, PV_REPRESENTATIVE_KIND_COUNT);
        uint8_t bits = next(dc);
        r->cares_for_person = (bits & 1u) != 0;
        r->consent = (bits & 2u) != 0;
        r->court_order = (bits & 4u) != 0;
        r->from = next_date(dc);
        r->until = next_date(dc);
    }
}

static inline void decode_citizen(decoder *dc, pv_citizen *c) {
    *c = (pv_citizen)PV_CITIZEN_INIT;
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
    /* H1: the citizen's lock and protected identity as periods besides the flags. */
    if (bits & 4u) decode_lock_periods(dc, c);
    if (bits & 8u) {
        c->protected_identity_periods = decode_periods(dc, &c->protected_identity_period_count);
    }
}

static inline void decode_actor(decoder *dc, pv_actor *a) {
    *a = (pv_actor)PV_ACTOR_INIT;
    a->kind = (pv_actor_kind)next_kind(dc, PV_ACTOR_KIND_COUNT);
    a->id = next_string(dc);
    a->eid = (pv_eid)next_kind(dc, PV_EID_COUNT);
    uint8_t bits = next(dc);
    a->login_locked = (bits & 1u) != 0;
    a->journal_sealed = (bits & 2u) != 0;
}

static inline void decode_service(decoder *dc, pv_service *s) {
    *s = (pv_service)PV_SERVICE_INIT;
    s->kind = (pv_service_kind)next_kind(dc, PV_SERVICE_KIND_COUNT);
    s->channel = (pv_channel)next_enum(dc, PV_CHANNEL_COUNT);
    s->unit = next_string(dc);
    s->entry_date = next_date(dc);
}

/* ---- Records at the caps (RULES.md section 8) ------------------------------------------------ */

/* The caps record: 16 guardians, 16 representatives, 1,024 seals, 1,024 grants, every id and
   unit exactly PV_ID_MAX (64) bytes, differing only in their last characters so that every
   comparison reads all 64 bytes. */
enum {
    CAPS_UNITS =
        8 /* distinct units of the grown seals and grants: few, so that who-can-see stays quick */
};

/* Writes an id of exactly PV_ID_MAX bytes and a NUL into 'out': 'prefix', '-' up to the end
   and the number 'n' in its last four characters. */
static inline void caps_id(char *out, const char *prefix, size_t n) {
    size_t len = strlen(prefix);
    memset(out, '-', PV_ID_MAX);
    memcpy(out, prefix, len);
    for (size_t k = 0; k < 4; k++, n /= 10) out[PV_ID_MAX - 1 - k] = (char)('0' + n % 10);
    out[PV_ID_MAX] = '\0';
}

/* A block of 'count' ids of PV_ID_MAX bytes (each followed by its NUL), or NULL. */
static inline char *caps_ids(decoder *dc, const char *prefix, size_t count) {
    char *ids = arena_keep(&dc->mem, malloc(count * (PV_ID_MAX + 1)));
    for (size_t i = 0; ids != NULL && i < count; i++) caps_id(&ids[i * (PV_ID_MAX + 1)], prefix, i);
    return ids;
}

/* Replaces one array of the citizen (b & 3: seals, guardians, grants, representatives), or all
   four (b & 8), by one of exactly the cap, or the cap + 1 (b & 4, only the array b & 3 names:
   malformed, named "citizen.seals" ...), the decoded elements first. The grown elements are
   valid: whole seals with a content period and unit seals with and without one, in force
   always or from 2000-01-01; guardians (every fifth blocked); grants held by the citizen or a
   guardian; complete representatives (god man). */
static inline void grow_to_caps(decoder *dc, pv_citizen *c, uint8_t b) {
    const bool all = (b & 8u) != 0;
    const unsigned which = b & 3u;
    const char *units = caps_ids(dc, "SE2321000016-caps-unit", CAPS_UNITS);
    if (units == NULL) return;
#define CAPS_COUNT(k, cap) ((size_t)(cap) + ((which == (k) && (b & 4u)) ? 1u : 0u))
    if (all || which == 1) {
        size_t n = CAPS_COUNT(1, PV_MAX_GUARDIANS);
        pv_guardian *g = arena_keep(&dc->mem, calloc(n, sizeof *g));
        const char *ids = caps_ids(dc, "guardian-caps", n);
        if (g == NULL || ids == NULL) return;
        for (size_t i = 0; i < n; i++) {
            if (i < c->guardian_count && c->guardians != NULL) {
                g[i] = c->guardians[i];
                continue;
            }
            g[i] = (pv_guardian)PV_GUARDIAN_INIT;
            g[i].id = &ids[i * (PV_ID_MAX + 1)];
            g[i].blocked = i % 5 == 4;
        }
        c->guardians = g;
        c->guardian_count = n;
    }
    if (all || which == 0) {
        size_t n = CAPS_COUNT(0, PV_MAX_SEALS);
        pv_seal *s = arena_keep(&dc->mem, calloc(n, sizeof *s));
        if (s == NULL) return;
        for (size_t i = 0; i < n; i++) {
            if (i < c->seal_count && c->seals != NULL) {
                s[i] = c->seals[i];
                continue;
            }
            s[i] = (pv_seal)PV_SEAL_INIT;
            s[i].scope = i % 4 == 0 ? PV_SEAL_WHOLE : PV_SEAL_UNIT;
            s[i].unit = i % 4 == 0 ? NULL : &units[(i % CAPS_UNITS) * (PV_ID_MAX + 1)];
            s[i].has_content = i % 4 == 0 || i % 3 == 0;
            s[i].content.from = (pv_date){2001, 1, 1};
            s[i].content.until = (pv_date){2009, 12, 31};
            if (i % 2 == 1) s[i].active.from = (pv_date){2000, 1, 1};
            s[i].requested_by = i % 5 == 0 ? PV_REQUESTER_CITIZEN : PV_REQUESTER_CARE;
        }
        c->seals = s;
        c->seal_count = n;
    }
    if (all || which == 2) {
        size_t n = CAPS_COUNT(2, PV_MAX_GRANTS);
        pv_grant *g = arena_keep(&dc->mem, calloc(n, sizeof *g));
        if (g == NULL) return;
        for (size_t i = 0; i < n; i++) {
            if (i < c->grant_count && c->grants != NULL) {
                g[i] = c->grants[i];
                continue;
            }
            g[i] = (pv_grant)PV_GRANT_INIT;
            g[i].holder = PV_GRANT_HOLDER_SELF;
            if (i % 2 == 1 && c->guardian_count > 0 && c->guardians != NULL) {
                g[i].holder = c->guardians[i % c->guardian_count].id;
            }
            g[i].unit = &units[(i % CAPS_UNITS) * (PV_ID_MAX + 1)];
            if (i % 2 == 0) g[i].from = (pv_date){2000, 1, 1};
        }
        c->grants = g;
        c->grant_count = n;
    }
    if (all || which == 3) {
        size_t n = CAPS_COUNT(3, PV_MAX_REPRESENTATIVES);
        pv_representative *r = arena_keep(&dc->mem, calloc(n, sizeof *r));
        const char *ids = caps_ids(dc, "representative-caps", n);
        if (r == NULL || ids == NULL) return;
        for (size_t i = 0; i < n; i++) {
            if (i < c->representative_count && c->representatives != NULL) {
                r[i] = c->representatives[i];
                continue;
            }
            r[i] = (pv_representative)PV_REPRESENTATIVE_INIT;
            r[i].id = &ids[i * (PV_ID_MAX + 1)];
            r[i].kind = i % 2 ? PV_REPRESENTATIVE_FORVALTARE : PV_REPRESENTATIVE_GOD_MAN;
            r[i].cares_for_person = true;
            r[i].consent = true;
            r[i].court_order = true;
        }
        c->representatives = r;
        c->representative_count = n;
    }
#undef CAPS_COUNT
}

/* ---- Structs left uninitialised or of an unknown version ------------------------------------ */

/* Spoils the version of one input struct: (b & 7) picks the citizen, the actor, the service, or
   the last seal, guardian, grant or representative, or the first seal; (b >> 3) & 3 the value:
   0, the version + 1 (a later header) or 0xFFFFFFFF. Nothing when the struct is absent. Any
   such input is PV_ERR_INVALID_INPUT naming "<struct>.version". The arrays are this decoder's
   own heap blocks. */
static inline void spoil_version(pv_citizen *c, pv_actor *a, pv_service *s, uint8_t b) {
    uint32_t *version = NULL;
    uint32_t current = 0;
    switch (b & 7u) {
    case 0:
        version = &c->version;
        current = PV_CITIZEN_VERSION;
        break;
    case 1:
        if (a != NULL) {
            version = &a->version;
            current = PV_ACTOR_VERSION;
        }
        break;
    case 2:
        if (s != NULL) {
            version = &s->version;
            current = PV_SERVICE_VERSION;
        }
        break;
    case 3:
        if (c->seals != NULL && c->seal_count > 0) {
            version = &((pv_seal *)(uintptr_t)c->seals)[c->seal_count - 1].version;
            current = PV_SEAL_VERSION;
        }
        break;
    case 4:
        if (c->guardians != NULL && c->guardian_count > 0) {
            version = &((pv_guardian *)(uintptr_t)c->guardians)[c->guardian_count - 1].version;
            current = PV_GUARDIAN_VERSION;
        }
        break;
    case 5:
        if (c->grants != NULL && c->grant_count > 0) {
            version = &((pv_grant *)(uintptr_t)c->grants)[c->grant_count - 1].version;
            current = PV_GRANT_VERSION;
        }
        break;
    case 6:
        if (c->representatives != NULL && c->representative_count > 0) {
            version =
                &((pv_representative *)(uintptr_t)c->representatives)[c->representative_count - 1]
                     .version;
            current = PV_REPRESENTATIVE_VERSION;
        }
        break;
    default:
        if (c->seals != NULL && c->seal_count > 0) {
            version = &((pv_seal *)(uintptr_t)c->seals)[0].version;
            current = PV_SEAL_VERSION;
        }
        break;
    }
    if (version == NULL) return;
    switch ((b >> 3) & 3u) {
    case 1: *version = current + 1; break;
    case 2: *version = UINT32_MAX; break;
    default: *version = 0; break;
    }
}

#endif
