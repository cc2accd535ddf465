/*
 * fuzz_evaluate.c — pv_evaluate, pv_decide and pv_validate on inputs decoded from arbitrary
 * bytes (RULES.md section 3, section 8, T1, M1).
 *
 * The bytes decode into a citizen with 0 to 8 seals, guardians, grants and representatives, an
 * actor, a service and a date. Every array is a heap block of exactly its length and every string
 * a heap block of exactly its length plus the NUL, so that AddressSanitizer sees any read past
 * either. Strings are NULL, one of a few ids and numbers (so that ids match), or arbitrary bytes
 * of any length (non-ASCII, longer than PV_ID_MAX, embedded NULs). Enums may be out of range or
 * negative, dates invalid, and pointers NULL where that is allowed and where it is not.
 *
 * The invariants (a violation aborts):
 *   - the status is PV_OK exactly when the reason is not INVALID_INPUT;
 *   - permit exactly when there are no reasons; the effect is pv_reason_effect(reason);
 *   - the primary reason is the first of the reasons, and its rule is recorded;
 *   - changes_on is none or a valid date after 'on' (T1), and the answer differs on it;
 *   - field[] is NUL-terminated, empty exactly when the input is valid; detail likewise;
 *   - pv_decide agrees with pv_evaluate, pv_validate agrees on validity and the field;
 *   - pv_message is never NULL.
 */
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

static void *arena_keep(arena *a, void *block) {
    if (block == NULL || a->count == MAX_STRINGS) {
        free(block);
        return NULL;
    }
    a->blocks[a->count++] = block;
    return block;
}

static void arena_free(arena *a) {
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

static uint8_t next(decoder *dc) {
    return take_u8(&dc->in);
}

static bool next_bool(decoder *dc) {
    return take_bool(&dc->in);
}

/* A string: NULL, a known string, or arbitrary bytes of length 0 to 255. */
static const char *next_string(decoder *dc) {
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
static int next_enum(decoder *dc, int count) {
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
static pv_date next_date(decoder *dc) {
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
static void *next_array(decoder *dc, size_t item_size, size_t *count) {
    uint8_t b = next(dc);
    *count = (size_t)(b % (MAX_ITEMS + 1));
    if ((b >> 4) == 0xF) return NULL;
    if (*count == 0) return NULL;
    return arena_keep(&dc->mem, calloc(*count, item_size));
}

static void decode_seals(decoder *dc, pv_citizen *c) {
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

static void decode_guardians(decoder *dc, pv_citizen *c) {
    pv_guardian *guardians = next_array(dc, sizeof *guardians, &c->guardian_count);
    c->guardians = guardians;
    for (size_t i = 0; guardians != NULL && i < c->guardian_count; i++) {
        guardians[i].id = next_string(dc);
        uint8_t bits = next(dc);
        guardians[i].blocked = (bits & 1u) != 0;
        guardians[i].protected_identity = (bits & 2u) != 0;
    }
}

static void decode_grants(decoder *dc, pv_citizen *c) {
    pv_grant *grants = next_array(dc, sizeof *grants, &c->grant_count);
    c->grants = grants;
    for (size_t i = 0; grants != NULL && i < c->grant_count; i++) {
        grants[i].holder = next_string(dc);
        grants[i].unit = next_string(dc);
        grants[i].from = next_date(dc);
        grants[i].until = next_date(dc);
    }
}

static void decode_representatives(decoder *dc, pv_citizen *c) {
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

static void decode_citizen(decoder *dc, pv_citizen *c) {
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

static void decode_actor(decoder *dc, pv_actor *a) {
    memset(a, 0, sizeof *a);
    a->kind = (pv_actor_kind)next_enum(dc, PV_ACTOR_KIND_COUNT);
    a->id = next_string(dc);
    a->eid = (pv_eid)next_enum(dc, PV_EID_COUNT);
    uint8_t bits = next(dc);
    a->login_locked = (bits & 1u) != 0;
    a->journal_sealed = (bits & 2u) != 0;
}

static void decode_service(decoder *dc, pv_service *s) {
    memset(s, 0, sizeof *s);
    s->kind = (pv_service_kind)next_enum(dc, PV_SERVICE_KIND_COUNT);
    s->channel = (pv_channel)next_enum(dc, PV_CHANNEL_COUNT);
    s->unit = next_string(dc);
    s->entry_date = next_date(dc);
}

/* ---- Invariants ---------------------------------------------------------------------------- */

static bool same_answer(const pv_decision *a, const pv_decision *b) {
    return a->effect == b->effect && a->reason == b->reason && a->filtered == b->filtered;
}

static void check_messages(pv_reason reason) {
    for (int asker = -1; asker <= PV_ACTOR_KIND_COUNT; asker++) {
        for (int language = -1; language <= PV_LANGUAGE_COUNT; language++) {
            FUZZ_CHECK(pv_message(reason, (pv_actor_kind)asker, (pv_language)language) != NULL);
        }
    }
}

static void check_decision(pv_status status, const pv_decision *d, pv_date on) {
    FUZZ_CHECK(status == PV_OK || status == PV_ERR_INVALID_INPUT);
    FUZZ_CHECK((unsigned)d->effect < PV_EFFECT_COUNT);
    FUZZ_CHECK((unsigned)d->reason < PV_REASON_COUNT);
    FUZZ_CHECK((status == PV_OK) == (d->reason != PV_REASON_INVALID_INPUT));
    FUZZ_CHECK((d->effect == PV_EFFECT_PERMIT) == (d->reasons == 0));
    FUZZ_CHECK(d->effect == pv_reason_effect(d->reason));
    FUZZ_CHECK((d->reasons >> PV_REASON_COUNT) == 0);
    FUZZ_CHECK((unsigned)d->rule < PV_RULE_COUNT && d->rule != PV_RULE_NONE);
    FUZZ_CHECK(memchr(d->field, '\0', sizeof d->field) != NULL);
    FUZZ_CHECK((d->field[0] != '\0') == (status != PV_OK));
    FUZZ_CHECK((d->detail != NULL) == (status != PV_OK));
    if (d->reasons != 0) {
        /* Deny: only deny reasons, the primary one first, each with its rule. */
        FUZZ_CHECK((d->reasons & ((1u << PV_REASON_FIRST_DENY) - 1)) == 0);
        FUZZ_CHECK(pv_decision_reason_at(d, 0) == d->reason);
        FUZZ_CHECK(pv_decision_reason_rule(d, d->reason) == d->rule);
        FUZZ_CHECK(!d->filtered);
        int count = pv_decision_reason_count(d);
        FUZZ_CHECK(count >= 1 && pv_decision_reason_at(d, count) == PV_REASON_COUNT);
        for (int i = 0; i < count; i++) {
            pv_reason r = pv_decision_reason_at(d, i);
            FUZZ_CHECK(pv_decision_reason_rule(d, r) != PV_RULE_NONE);
        }
    }
    if (status != PV_OK) {
        FUZZ_CHECK(d->reasons == 1u << PV_REASON_INVALID_INPUT && d->rule == PV_RULE_V1);
        FUZZ_CHECK(pv_date_is_none(d->changes_on));
    } else if (!pv_date_is_none(d->changes_on)) {
        FUZZ_CHECK(pv_date_is_valid(d->changes_on) && pv_date_compare(d->changes_on, on) > 0);
    }
    check_messages(d->reason);
}

/* T1: the answer on changes_on differs from the answer on 'on', and the day before it does
   not. Only for a citizen without a personnummer: a ten-digit personnummer is read with the
   evaluation date as its reference (N4), so its century may move with the date. */
static void check_changes_on(const pv_citizen *c, const pv_actor *a, const pv_service *s,
                             pv_date on, const pv_decision *now) {
    if (c == NULL || c->personnummer != NULL || pv_date_is_none(now->changes_on)) return;
    pv_decision then;
    FUZZ_CHECK(pv_decide(c, a, s, now->changes_on, &then) == PV_OK);
    FUZZ_CHECK(!same_answer(&then, now));
    pv_date before = pv_date_from_days(pv_date_to_days(now->changes_on) - 1);
    if (pv_date_compare(before, on) > 0) {
        FUZZ_CHECK(pv_decide(c, a, s, before, &then) == PV_OK);
        FUZZ_CHECK(same_answer(&then, now));
    }
}

static void check_all(const pv_citizen *c, const pv_actor *a, const pv_service *s, pv_date on) {
    pv_decision evaluated;
    pv_decision decided;
    pv_decision validated;
    /* Garbage first: pv_evaluate must fill every field. */
    memset(&evaluated, 0xA5, sizeof evaluated);
    memset(&decided, 0x5A, sizeof decided);
    memset(&validated, 0xC3, sizeof validated);
    pv_status status = pv_evaluate(c, a, s, on, &evaluated);
    check_decision(status, &evaluated, on);

    pv_status decide_status = pv_decide(c, a, s, on, &decided);
    FUZZ_CHECK(decide_status == status);
    check_decision(decide_status, &decided, on);
    FUZZ_CHECK(same_answer(&decided, &evaluated) && decided.reasons == evaluated.reasons);
    FUZZ_CHECK(decided.rule == evaluated.rule && pv_date_is_none(decided.changes_on));

    pv_status validate_status = pv_validate(c, a, s, on, &validated);
    FUZZ_CHECK(validate_status == status);
    FUZZ_CHECK(memchr(validated.field, '\0', sizeof validated.field) != NULL);
    if (status == PV_OK) {
        FUZZ_CHECK(validated.effect == PV_EFFECT_DENY && validated.reasons == 0);
        FUZZ_CHECK(validated.field[0] == '\0');
    } else {
        FUZZ_CHECK(strcmp(validated.field, evaluated.field) == 0);
        FUZZ_CHECK(validated.reason == PV_REASON_INVALID_INPUT);
    }
    if (status == PV_OK) check_changes_on(c, a, s, on, &evaluated);

    FUZZ_CHECK(pv_evaluate(c, a, s, on, NULL) == PV_ERR_INVALID_INPUT);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    decoder dc = {{data, size}, {{NULL}, 0}};
    pv_date on = next_date(&dc);
    uint8_t nulls = next(&dc); /* which of citizen, actor, service are NULL (rarely) */
    pv_citizen citizen;
    pv_actor actor;
    pv_service service;
    decode_citizen(&dc, &citizen);
    decode_actor(&dc, &actor);
    decode_service(&dc, &service);
    bool nullable = (nulls & 0xF0u) == 0xF0u;
    check_all(nullable && (nulls & 1u) ? NULL : &citizen, nullable && (nulls & 2u) ? NULL : &actor,
              nullable && (nulls & 4u) ? NULL : &service, on);
    arena_free(&dc.mem);
    return 0;
}
