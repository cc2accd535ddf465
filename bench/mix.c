/*
 * mix.c — the seeded request mix shared by the benchmark and the allocation test (see mix.h).
 *
 * The proportions below are chosen so that every step of RULES.md section 3 is exercised on a
 * realistic share of the requests: most actors are the citizen or a guardian, most records have no
 * seal, and the rare measures (locks, blocks, protected identity, seals, grants) are common enough
 * that their code paths carry weight in the figures.
 */
#include "mix.h"

#include <string.h>

/* ---- Randomness: splitmix64 (Steele, Lea, Flood 2014), fixed and portable. ----------------- */

typedef struct rng {
    uint64_t state;
} rng;

static uint64_t next_u64(rng *r) {
    uint64_t z = (r->state += UINT64_C(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

/* A number in [0, n), n > 0 (the modulo bias is irrelevant at these sizes). */
static int below(rng *r, int n) {
    return (int)(next_u64(r) % (uint64_t)n);
}

/* A number in [lo, hi]. */
static int between(rng *r, int lo, int hi) {
    return lo + below(r, hi - lo + 1);
}

/* True with probability 'percent' / 100. */
static bool chance(rng *r, int percent) {
    return below(r, 100) < percent;
}

/* ---- Calendar: days since 1970-01-01 (H. Hinnant's algorithms), independent of portvakt. ---- */

static int32_t days_of(pv_date d) {
    int y = d.year - (d.month <= 2);
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int mp = (d.month + 9) % 12;
    int doy = (153 * mp + 2) / 5 + d.day - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (int32_t)(era * 146097 + doe - 719468);
}

static pv_date date_of(int32_t days) {
    int z = days + 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    int day = doy - (153 * mp + 2) / 5 + 1;
    int month = mp < 10 ? mp + 3 : mp - 9;
    int year = yoe + era * 400 + (month <= 2);
    pv_date d = {(int16_t)year, (uint8_t)month, (uint8_t)day};
    return d;
}

static bool is_none(pv_date d) {
    return d.year == 0 && d.month == 0 && d.day == 0;
}

/* ---- The pools ------------------------------------------------------------------------------ */

/* HSA-ids of care units, in the forms the regions use. Small, so that seals, grants and queries
   name the same units often. */
static const char *const unit_pool[] = {
    "SE2321000016-15CQ", "SE2321000016-7P3F", "SE2321000016-1HDN", "SE2321000032-2B8T",
    "SE2321000032-4LMX", "SE2321000065-0Z9R", "SE2321000131-E000000011", "SE2321000131-P00000571",
};
#define UNIT_POOL_SIZE (sizeof unit_pool / sizeof unit_pool[0])

size_t mix_unit_pool_size(void) {
    return UNIT_POOL_SIZE;
}

static const char *random_unit(rng *r) {
    return unit_pool[below(r, (int)UNIT_POOL_SIZE)];
}

/* N2: the Luhn digit over the ten digits YYMMDDNNN (weights 2, 1, 2 ... from the left). */
static int luhn_digit(const char nine[9]) {
    int sum = 0;
    for (int i = 0; i < 9; i++) {
        int v = (nine[i] - '0') * (i % 2 == 0 ? 2 : 1);
        sum += v / 10 + v % 10;
    }
    return (10 - sum % 10) % 10;
}

/* Writes 'value' as 'width' decimal digits at 'out'. */
static void put_digits(char *out, int value, int width) {
    for (int i = width - 1; i >= 0; i--, value /= 10) out[i] = (char)('0' + value % 10);
}

/* A personnummer "YYYYMMDD-NNNC" for 'birth'; with 'coordination' a samordningsnummer (N3: day
   plus 60). The birth number is 001 to 999 (N6); C is the Luhn digit (N2). */
static void write_pnr(char out[MIX_ID_SIZE], pv_date birth, bool coordination, int birth_number) {
    put_digits(out, birth.year, 4);
    put_digits(out + 4, birth.month, 2);
    put_digits(out + 6, birth.day + (coordination ? 60 : 0), 2);
    out[8] = '-';
    put_digits(out + 9, birth_number, 3);
    char nine[9] = {out[2], out[3], out[4], out[5], out[6], out[7], out[9], out[10], out[11]};
    put_digits(out + 12, luhn_digit(nine), 1);
    out[13] = '\0';
}

/* An id for a representative or a stranger: the person's own personnummer, as a portal would
   hold it, for someone born 1945 to 2006. */
static void random_person_id(rng *r, char out[MIX_ID_SIZE]) {
    pv_date birth = date_of(between(r, days_of((pv_date){1945, 1, 1}), days_of((pv_date){2006, 12, 31})));
    write_pnr(out, birth, false, between(r, 1, 999));
}

/* A guardian's id: the personnummer of someone 18 to 50 years older than the citizen. */
static void guardian_id(rng *r, char out[MIX_ID_SIZE], int32_t citizen_birth) {
    pv_date birth = date_of(citizen_birth - between(r, 18 * 365, 50 * 365));
    write_pnr(out, birth, false, between(r, 1, 999));
}

/* ---- Intervals ------------------------------------------------------------------------------ */

typedef enum span {
    SPAN_ALWAYS,   /* both ends open */
    SPAN_SINCE,    /* began in the past, open end */
    SPAN_UNTIL,    /* open start, ends today or later */
    SPAN_CURRENT,  /* both ends set, contains 'on' */
    SPAN_ENDED,    /* ended before 'on' */
    SPAN_FUTURE    /* begins after 'on' */
} span;

static pv_interval make_span(rng *r, span kind, int32_t on) {
    pv_interval iv = {PV_DATE_NONE, PV_DATE_NONE};
    switch (kind) {
    case SPAN_ALWAYS:
        break;
    case SPAN_SINCE:
        iv.from = date_of(on - between(r, 0, 2000));
        break;
    case SPAN_UNTIL:
        iv.until = date_of(on + between(r, 0, 600));
        break;
    case SPAN_CURRENT:
        iv.from = date_of(on - between(r, 0, 400));
        iv.until = date_of(on + between(r, 0, 400));
        break;
    case SPAN_ENDED: {
        int32_t until = on - between(r, 1, 1000);
        iv.until = date_of(until);
        if (chance(r, 70)) iv.from = date_of(until - between(r, 0, 700));
        break;
    }
    case SPAN_FUTURE: {
        int32_t from = on + between(r, 1, 400);
        iv.from = date_of(from);
        if (chance(r, 50)) iv.until = date_of(from + between(r, 0, 700));
        break;
    }
    }
    return iv;
}

/* Picks a span kind from cumulative percentages for ALWAYS, SINCE, UNTIL, CURRENT, ENDED (the
   rest is FUTURE). */
static span pick_span(rng *r, const int cumulative[5]) {
    int x = below(r, 100);
    for (int k = 0; k < 5; k++) {
        if (x < cumulative[k]) return (span)k;
    }
    return SPAN_FUTURE;
}

static const int seal_spans[5] = {40, 60, 70, 80, 92};
static const int grant_spans[5] = {25, 60, 65, 85, 95};
static const int appointment_spans[5] = {40, 80, 85, 100, 100};

/* ---- One request ---------------------------------------------------------------------------- */

static void make_seal(rng *r, pv_seal *s, int32_t on) {
    *s = (pv_seal)PV_SEAL_INIT;
    s->scope = chance(r, 35) ? PV_SEAL_WHOLE : PV_SEAL_UNIT;
    s->unit = s->scope == PV_SEAL_UNIT ? random_unit(r) : NULL;
    s->active = make_span(r, pick_span(r, seal_spans), on);
    s->has_content = chance(r, 30);
    if (s->has_content) {
        int32_t from = on - between(r, 365, 3650);
        s->content.from = chance(r, 10) ? PV_DATE_NONE : date_of(from);
        s->content.until = chance(r, 10) ? PV_DATE_NONE : date_of(from + between(r, 0, 730));
    }
    s->requested_by = chance(r, 40) ? PV_REQUESTER_CITIZEN : PV_REQUESTER_CARE;
}

static void make_representative(rng *r, mix_request *q, int32_t on) {
    pv_representative *rep = &q->representatives[0];
    *rep = (pv_representative)PV_REPRESENTATIVE_INIT;
    random_person_id(r, q->representative_ids[0]);
    rep->id = q->representative_ids[0];
    rep->kind = chance(r, 70) ? PV_REPRESENTATIVE_GOD_MAN : PV_REPRESENTATIVE_FORVALTARE;
    rep->cares_for_person = true;
    rep->consent = true;
    rep->court_order = true;
    pv_interval iv = make_span(r, pick_span(r, appointment_spans), on);
    if (!chance(r, 75)) {
        /* P2: one thing missing. */
        switch (below(r, 4)) {
        case 0: rep->cares_for_person = false; break;
        case 1: rep->consent = false; break;
        case 2: rep->court_order = false; break;
        default: iv = make_span(r, chance(r, 60) ? SPAN_ENDED : SPAN_FUTURE, on); break;
        }
    }
    rep->from = iv.from;
    rep->until = iv.until;
    q->citizen.representative_count = 1;
}

/* An id that is not among the ids in 'taken' (n of them): a guardian's for a citizen born on
   '*citizen_birth', or a stranger's if that is NULL. */
static void unrelated_id(rng *r, char out[MIX_ID_SIZE], const char (*taken)[MIX_ID_SIZE], size_t n,
                         const int32_t *citizen_birth) {
    for (;;) {
        if (citizen_birth != NULL) guardian_id(r, out, *citizen_birth);
        else random_person_id(r, out);
        bool clash = false;
        for (size_t i = 0; i < n; i++) clash |= strcmp(out, taken[i]) == 0;
        if (!clash) return;
    }
}

static pv_eid random_eid(rng *r) {
    int x = below(r, 100);
    if (x < 72) return PV_EID_BANKID;
    if (x < 92) return PV_EID_FREJA_PLUS;
    if (x < 95) return PV_EID_FREJA;
    if (x < 97) return PV_EID_PASSWORD;
    if (x < 99) return PV_EID_OTHER;
    return PV_EID_NONE;
}

/* Who asks: mostly the citizen and guardians. */
static pv_actor_kind random_actor_kind(rng *r) {
    int x = below(r, 100);
    if (x < 45) return PV_ACTOR_SELF;
    if (x < 80) return PV_ACTOR_GUARDIAN;
    if (x < 90) return PV_ACTOR_REPRESENTATIVE;
    return PV_ACTOR_OTHER;
}

/* The citizen's age in days on 'on', 0 to 90 years, by who asks: people mostly look themselves
   up as adults (a child logs in from 13), guardians mostly look up children, representatives
   adults. Each range stays a day inside the next birthday whatever the leap days. */
static int32_t random_age_days(rng *r, pv_actor_kind asker) {
    int child, teen; /* percent aged 0 to 12 and 13 to 17; the rest is 18 to 90 */
    switch (asker) {
    case PV_ACTOR_SELF: child = 4; teen = 12; break;
    case PV_ACTOR_GUARDIAN: child = 55; teen = 30; break;
    case PV_ACTOR_REPRESENTATIVE: child = 2; teen = 3; break;
    default: child = 30; teen = 15; break;
    }
    int x = below(r, 100);
    if (x < child) return between(r, 0, 13 * 365 + 2);
    if (x < child + teen) return between(r, 13 * 365 + 4, 18 * 365 + 3);
    return between(r, 18 * 365 + 5, 91 * 365 + 21);
}

static void make_actor(rng *r, mix_request *q, pv_actor_kind kind, int32_t on) {
    pv_actor *a = &q->actor;
    pv_citizen *c = &q->citizen;
    *a = (pv_actor)PV_ACTOR_INIT;
    a->kind = kind;
    if (kind == PV_ACTOR_SELF) {
        /* No id, and no lock or seal of the actor's own (section 8). */
    } else if (kind == PV_ACTOR_GUARDIAN) {
        if (chance(r, 93)) {
            memcpy(q->actor_id, q->guardian_ids[below(r, (int)c->guardian_count)], MIX_ID_SIZE);
        } else {
            unrelated_id(r, q->actor_id, (const char (*)[MIX_ID_SIZE])q->guardian_ids,
                         c->guardian_count, NULL);
        }
        a->id = q->actor_id;
    } else if (kind == PV_ACTOR_REPRESENTATIVE) {
        if (c->representative_count == 0 && chance(r, 85)) make_representative(r, q, on);
        if (c->representative_count > 0 && chance(r, 93)) {
            memcpy(q->actor_id, q->representative_ids[0], MIX_ID_SIZE);
        } else {
            unrelated_id(r, q->actor_id, (const char (*)[MIX_ID_SIZE])q->representative_ids,
                         c->representative_count, NULL);
        }
        a->id = q->actor_id;
    } else {
        if (chance(r, 50)) {
            random_person_id(r, q->actor_id);
            a->id = q->actor_id;
        }
    }
    a->eid = random_eid(r);
    if (a->kind != PV_ACTOR_SELF) {
        /* The actor's own lock and seal; section 8 forbids them for self. */
        a->login_locked = chance(r, 3);
        a->journal_sealed = chance(r, 2);
    }
}

/* A unit for a query: often one that the record names, so that seals and grants hit. */
static const char *query_unit(rng *r, const mix_request *q) {
    const char *named[MIX_MAX_SEALS + MIX_MAX_GRANTS];
    size_t n = 0;
    for (size_t i = 0; i < q->citizen.seal_count; i++) {
        if (q->seals[i].unit != NULL) named[n++] = q->seals[i].unit;
    }
    for (size_t i = 0; i < q->citizen.grant_count; i++) named[n++] = q->grants[i].unit;
    if (n > 0 && chance(r, 60)) return named[below(r, (int)n)];
    return random_unit(r);
}

/* An entry date: often inside a content period, otherwise between the birth and 'on'. */
static pv_date entry_date(rng *r, const mix_request *q, int32_t birth, int32_t on) {
    for (size_t i = 0; i < q->citizen.seal_count; i++) {
        const pv_seal *s = &q->seals[i];
        if (!s->has_content || !chance(r, 50)) continue;
        if (is_none(s->content.from) && is_none(s->content.until)) break;
        int32_t from = is_none(s->content.from) ? days_of(s->content.until) - 1000
                                                        : days_of(s->content.from);
        int32_t until = is_none(s->content.until) ? from + 1000 : days_of(s->content.until);
        return date_of(between(r, from, until));
    }
    return date_of(between(r, birth, on));
}

static void make_service(rng *r, mix_request *q, int32_t birth, int32_t on) {
    pv_service *s = &q->service;
    *s = (pv_service)PV_SERVICE_INIT;
    s->entry_date = PV_DATE_NONE;
    if (chance(r, 40)) {
        /* E-services: only through the portal, no unit, no entry (section 8). */
        s->kind = PV_SERVICE_E_SERVICES;
        s->channel = PV_CHANNEL_PORTAL;
        return;
    }
    s->kind = PV_SERVICE_JOURNAL;
    s->channel = chance(r, 35) ? PV_CHANNEL_DIRECT : PV_CHANNEL_PORTAL;
    int x = below(r, 100);
    if (x < 40) return; /* the whole journal */
    s->unit = query_unit(r, q);
    if (x >= 75) s->entry_date = entry_date(r, q, birth, on);
}

static void make_request(rng *r, mix_request *q) {
    memset(q, 0, sizeof *q);
    pv_citizen *c = &q->citizen;
    /* Every struct as its PV_*_INIT makes it: the version of this header, the enums unset. */
    *c = (pv_citizen)PV_CITIZEN_INIT;
    for (size_t i = 0; i < MIX_MAX_SEALS; i++) q->seals[i] = (pv_seal)PV_SEAL_INIT;
    for (size_t i = 0; i < MIX_MAX_GUARDIANS; i++) q->guardians[i] = (pv_guardian)PV_GUARDIAN_INIT;
    for (size_t i = 0; i < MIX_MAX_GRANTS; i++) q->grants[i] = (pv_grant)PV_GRANT_INIT;
    for (size_t i = 0; i < MIX_MAX_REPRESENTATIVES; i++) {
        q->representatives[i] = (pv_representative)PV_REPRESENTATIVE_INIT;
    }
    q->actor = (pv_actor)PV_ACTOR_INIT;
    q->service = (pv_service)PV_SERVICE_INIT;

    int32_t on = between(r, days_of((pv_date){2025, 1, 1}), days_of((pv_date){2027, 12, 31}));
    q->on = date_of(on);

    pv_actor_kind asker = random_actor_kind(r);
    int32_t age_days = random_age_days(r, asker);
    int32_t birth = on - age_days;
    q->birth_date = date_of(birth);
    c->birth_date = q->birth_date;
    c->personnummer = NULL;
    bool coordination = chance(r, 5);
    write_pnr(q->personnummer, q->birth_date, coordination, between(r, 1, 999));
    bool teen = age_days >= 12 * 365 && age_days <= 17 * 365;

    c->protected_identity = chance(r, 4);
    c->login_locked = chance(r, 6);
    c->login_lock_requested_by = PV_REQUESTER_CARE;
    c->login_lock_case_number = NULL;

    /* 0 to 4 seals: most records have none. */
    int x = below(r, 100);
    c->seal_count = x < 60 ? 0 : x < 80 ? 1 : x < 90 ? 2 : x < 96 ? 3 : 4;
    for (size_t i = 0; i < c->seal_count; i++) make_seal(r, &q->seals[i], on);
    c->seals = q->seals;

    /* 1 or 2 guardians with distinct ids; a few blocked or with protected identity. */
    c->guardian_count = chance(r, 60) ? 2 : 1;
    for (size_t i = 0; i < c->guardian_count; i++) {
        unrelated_id(r, q->guardian_ids[i], (const char (*)[MIX_ID_SIZE])q->guardian_ids, i, &birth);
        q->guardians[i].id = q->guardian_ids[i];
        q->guardians[i].blocked = chance(r, 8);
        q->guardians[i].protected_identity = chance(r, 4);
    }
    c->guardians = q->guardians;

    /* 0 to 3 direct-access grants, mostly for teenagers; held by the citizen or a guardian. */
    x = below(r, 100);
    if (teen) c->grant_count = x < 30 ? 0 : x < 65 ? 1 : x < 85 ? 2 : 3;
    else c->grant_count = x < 85 ? 0 : x < 93 ? 1 : x < 98 ? 2 : 3;
    for (size_t i = 0; i < c->grant_count; i++) {
        pv_grant *g = &q->grants[i];
        g->holder = chance(r, 50) ? PV_GRANT_HOLDER_SELF
                                  : q->guardian_ids[below(r, (int)c->guardian_count)];
        g->unit = random_unit(r);
        pv_interval iv = make_span(r, pick_span(r, grant_spans), on);
        g->from = iv.from;
        g->until = iv.until;
    }
    c->grants = q->grants;

    /* 0 or 1 representative, mostly for adults. */
    c->representative_count = 0;
    if (chance(r, age_days >= 18 * 365 ? 12 : 2)) make_representative(r, q, on);
    c->representatives = q->representatives;

    make_actor(r, q, asker, on);
    make_service(r, q, birth, on);
}

void mix_generate(mix_request *requests, size_t count, uint64_t seed) {
    rng r = {seed};
    for (size_t i = 0; i < count; i++) make_request(&r, &requests[i]);
}

void mix_use_personnummer(mix_request *requests, size_t count, bool on) {
    for (size_t i = 0; i < count; i++) {
        mix_request *q = &requests[i];
        q->citizen.birth_date = on ? PV_DATE_NONE : q->birth_date;
        q->citizen.personnummer = on ? q->personnummer : NULL;
    }
}

/* ---- JSON (RULES.md section 10, without 'expect') ------------------------------------------- */

static void put_date(FILE *out, pv_date d) {
    if (is_none(d)) fputs("null", out);
    else fprintf(out, "\"%04d-%02d-%02d\"", d.year, d.month, d.day);
}

/* Ids and units in the mix are printable ASCII without spaces; quotes and backslashes are
   escaped all the same. */
static void put_string(FILE *out, const char *s) {
    if (s == NULL) {
        fputs("null", out);
        return;
    }
    fputc('"', out);
    for (; *s != '\0'; s++) {
        if (*s == '"' || *s == '\\') fputc('\\', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

static const char *boolean(bool b) {
    return b ? "true" : "false";
}

static void put_interval(FILE *out, pv_date from, pv_date until) {
    fputs("{\"from\": ", out);
    put_date(out, from);
    fputs(", \"until\": ", out);
    put_date(out, until);
    fputc('}', out);
}

static void put_citizen(FILE *out, const pv_citizen *c) {
    fputs("{", out);
    if (c->personnummer != NULL) {
        fputs("\"personnummer\": ", out);
        put_string(out, c->personnummer);
    } else {
        fputs("\"birth_date\": ", out);
        put_date(out, c->birth_date);
    }
    fprintf(out, ", \"protected_identity\": %s, \"login_locked\": %s, \"seals\": [",
            boolean(c->protected_identity), boolean(c->login_locked));
    for (size_t i = 0; i < c->seal_count; i++) {
        const pv_seal *s = &c->seals[i];
        fprintf(out, "%s{\"scope\": \"%s\", \"unit\": ", i ? ", " : "", pv_seal_scope_name(s->scope));
        put_string(out, s->unit);
        fputs(", \"active\": ", out);
        put_interval(out, s->active.from, s->active.until);
        if (s->has_content) {
            fputs(", \"content\": ", out);
            put_interval(out, s->content.from, s->content.until);
        }
        fprintf(out, ", \"requested_by\": \"%s\"}", pv_requester_name(s->requested_by));
    }
    fputs("], \"guardians\": [", out);
    for (size_t i = 0; i < c->guardian_count; i++) {
        const pv_guardian *g = &c->guardians[i];
        fprintf(out, "%s{\"id\": ", i ? ", " : "");
        put_string(out, g->id);
        fprintf(out, ", \"blocked\": %s, \"protected_identity\": %s}", boolean(g->blocked),
                boolean(g->protected_identity));
    }
    fputs("], \"grants\": [", out);
    for (size_t i = 0; i < c->grant_count; i++) {
        const pv_grant *g = &c->grants[i];
        fprintf(out, "%s{\"holder\": ", i ? ", " : "");
        put_string(out, g->holder);
        fputs(", \"unit\": ", out);
        put_string(out, g->unit);
        fputs(", \"from\": ", out);
        put_date(out, g->from);
        fputs(", \"until\": ", out);
        put_date(out, g->until);
        fputc('}', out);
    }
    fputs("], \"representatives\": [", out);
    for (size_t i = 0; i < c->representative_count; i++) {
        const pv_representative *p = &c->representatives[i];
        fprintf(out, "%s{\"id\": ", i ? ", " : "");
        put_string(out, p->id);
        fprintf(out, ", \"kind\": \"%s\", \"cares_for_person\": %s, \"consent\": %s, "
                     "\"court_order\": %s, \"from\": ",
                pv_representative_kind_name(p->kind), boolean(p->cares_for_person),
                boolean(p->consent), boolean(p->court_order));
        put_date(out, p->from);
        fputs(", \"until\": ", out);
        put_date(out, p->until);
        fputc('}', out);
    }
    fputs("]}", out);
}

static void put_actor(FILE *out, const pv_actor *a) {
    fprintf(out, "{\"kind\": \"%s\"", pv_actor_kind_name(a->kind));
    if (a->id != NULL) {
        fputs(", \"id\": ", out);
        put_string(out, a->id);
    }
    fprintf(out, ", \"eid\": \"%s\", \"login_locked\": %s, \"journal_sealed\": %s}",
            pv_eid_name(a->eid), boolean(a->login_locked), boolean(a->journal_sealed));
}

static void put_service(FILE *out, const pv_service *s) {
    fprintf(out, "{\"kind\": \"%s\", \"channel\": \"%s\", \"unit\": ", pv_service_kind_name(s->kind),
            pv_channel_name(s->channel));
    put_string(out, s->unit);
    fputs(", \"entry_date\": ", out);
    put_date(out, s->entry_date);
    fputc('}', out);
}

int mix_write_json(FILE *out, const mix_request *requests, size_t count) {
    fputs("[\n", out);
    for (size_t i = 0; i < count; i++) {
        const mix_request *q = &requests[i];
        fprintf(out, "{\"name\": \"mix %05zu\", \"on\": ", i);
        put_date(out, q->on);
        fputs(", \"citizen\": ", out);
        put_citizen(out, &q->citizen);
        fputs(", \"actor\": ", out);
        put_actor(out, &q->actor);
        fputs(", \"service\": ", out);
        put_service(out, &q->service);
        fputs(i + 1 < count ? "},\n" : "}\n", out);
    }
    fputs("]\n", out);
    return ferror(out) ? -1 : 0;
}

/* ---- Pages ---------------------------------------------------------------------------------- */

/* An actor with BankID and a service, each as its PV_*_INIT makes it. */
static pv_actor bankid_actor(pv_actor_kind kind, const char *id) {
    pv_actor a = PV_ACTOR_INIT;
    a.kind = kind;
    a.id = id;
    a.eid = PV_EID_BANKID;
    return a;
}

static pv_service portal_service(pv_service_kind kind, const char *unit) {
    pv_service s = PV_SERVICE_INIT;
    s.kind = kind;
    s.channel = PV_CHANNEL_PORTAL;
    s.unit = unit;
    return s;
}

/* Adds the journal of 'unit' through the portal unless the page asks for it already. */
static void page_add_unit(mix_page *page, const char *unit) {
    for (size_t i = 0; i < page->service_count; i++) {
        const pv_service *s = &page->services[i];
        if (s->unit != NULL && strcmp(s->unit, unit) == 0 && s->channel == PV_CHANNEL_PORTAL &&
            is_none(s->entry_date)) {
            return;
        }
    }
    page->services[page->service_count++] = portal_service(PV_SERVICE_JOURNAL, unit);
}

size_t mix_page_build(const mix_request *q, mix_page *page) {
    const pv_citizen *c = &q->citizen;
    size_t na = 0, ns = 0;
    page->actors[na++] = q->actor;
    if (q->actor.kind != PV_ACTOR_SELF) page->actors[na++] = bankid_actor(PV_ACTOR_SELF, NULL);
    for (size_t i = 0; i < c->guardian_count; i++) {
        page->actors[na++] = bankid_actor(PV_ACTOR_GUARDIAN, c->guardians[i].id);
    }
    for (size_t i = 0; i < c->representative_count; i++) {
        page->actors[na++] = bankid_actor(PV_ACTOR_REPRESENTATIVE, c->representatives[i].id);
    }
    page->services[ns++] = q->service;
    pv_service e_services = portal_service(PV_SERVICE_E_SERVICES, NULL);
    pv_service journal = portal_service(PV_SERVICE_JOURNAL, NULL);
    if (q->service.kind != PV_SERVICE_E_SERVICES) page->services[ns++] = e_services;
    if (q->service.kind != PV_SERVICE_JOURNAL || q->service.unit != NULL ||
        q->service.channel != PV_CHANNEL_PORTAL) {
        page->services[ns++] = journal;
    }
    page->actor_count = na;
    page->service_count = ns;
    for (size_t i = 0; i < c->seal_count; i++) {
        if (c->seals[i].unit != NULL) page_add_unit(page, c->seals[i].unit);
    }
    for (size_t i = 0; i < c->grant_count; i++) page_add_unit(page, c->grants[i].unit);
    return page->actor_count * page->service_count;
}
