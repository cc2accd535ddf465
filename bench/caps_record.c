/*
 * caps_record.c — a record at the caps of RULES.md section 8 (see caps_record.h). The dates are
 * computed here without the library (H. Hinnant's days-from-civil), and the record is the same
 * on every machine: its variety comes from fixed arithmetic on the index, not from a clock or a
 * random generator.
 */
#include "caps_record.h"

#include <stdint.h>
#include <string.h>

/* ---- Calendar: the library's own day arithmetic (the record is input, not an oracle). ------- */

static int32_t days_of(pv_date d) {
    return pv_date_to_days(d);
}

static pv_date date_of(int32_t days) {
    return pv_date_from_days(days);
}

/* A day of the years 1995 to 2045 picked by 'k' (a spread, not a random draw). */
static int32_t spread_day(unsigned k) {
    static const pv_date first = {1995, 1, 1};
    return days_of(first) + (int32_t)(k % 18600u);
}

/* ---- Ids ------------------------------------------------------------------------------------- */

void caps_id(char out[CAPS_ID_SIZE], const char *prefix, unsigned n) {
    size_t len = strlen(prefix);
    if (len > PV_ID_MAX - 4) len = PV_ID_MAX - 4;
    memset(out, '.', PV_ID_MAX);
    memcpy(out, prefix, len);
    for (int k = 0; k < 4; k++, n /= 10) out[PV_ID_MAX - 1 - k] = (char)('0' + n % 10);
    out[PV_ID_MAX] = '\0';
}

/* ---- The record ------------------------------------------------------------------------------ */

static void build_seal(caps_record *r, unsigned i, int32_t on) {
    pv_seal *s = &r->seals[i];
    *s = (pv_seal)PV_SEAL_INIT;
    s->requested_by = i % 4 == 1 ? PV_REQUESTER_CITIZEN : PV_REQUESTER_CARE;
    if (i % 8 == 0) {
        s->scope = PV_SEAL_WHOLE;
        if ((i / 8) % 2 == 0) {
            /* J4: the whole journal's entries of a period hidden; in force always or since a
               day in the past. */
            s->has_content = true;
            int32_t from = spread_day(i * 97u) - 5000;
            s->content.from = date_of(from);
            s->content.until = date_of(from + (int32_t)(i * 31u % 900u));
            if (i % 3 != 0) s->active.from = date_of(on - 1 - (int32_t)(i * 13u % 6000u));
        } else if ((i / 16) % 2 == 0) {
            /* J1, J3: a whole seal that ended before the date. */
            int32_t until = on - 1 - (int32_t)(i * 13u % 5000u);
            s->active.until = date_of(until);
            s->active.from = date_of(until - (int32_t)(i * 7u % 2000u));
        } else {
            /* J1, J3: a whole seal from a day after the date, some with an end. */
            int32_t from = on + 1 + (int32_t)(i * 11u % 5000u);
            s->active.from = date_of(from);
            if (i % 3 == 0) s->active.until = date_of(from + (int32_t)(i * 5u % 3000u));
        }
        return;
    }
    s->scope = PV_SEAL_UNIT;
    s->unit = r->units[i % CAPS_UNITS];
    int32_t a = spread_day(i * 131u);
    int32_t b = a + (int32_t)(i * 17u % 4000u);
    switch (i % 5) {
    case 0: break; /* always */
    case 1: s->active.from = date_of(on - 1 - (int32_t)(i * 29u % 7000u)); break;
    case 2: s->active.from = date_of(a); s->active.until = date_of(b); break;
    case 3: s->active.until = date_of(b); break;
    default: s->active.from = date_of(on + 1 + (int32_t)(i * 3u % 3000u)); break;
    }
    if (i % 3 == 0) {
        s->has_content = true;
        int32_t from = spread_day(i * 61u) - 4000;
        s->content.from = date_of(from);
        s->content.until = date_of(from + 30 + (int32_t)(i * 43u % 1500u));
        if (i % 33 == 0) s->content.from = PV_DATE_NONE;
    }
}

static void build_grant(caps_record *r, unsigned i, int32_t on) {
    pv_grant *g = &r->grants[i];
    *g = (pv_grant)PV_GRANT_INIT;
    g->holder = i % 2 == 0 ? PV_GRANT_HOLDER_SELF : r->guardian_ids[(i / 2) % PV_MAX_GUARDIANS];
    g->unit = r->units[(i * 7u + 3u) % CAPS_UNITS];
    int32_t a = spread_day(i * 211u);
    /* Every kind of interval for every holder: the citizen holds the even grants, guardian g
       the odd ones with (i / 2) % 16 == g. */
    switch ((i / 32u + i / 2u) % 4u) {
    case 0: g->from = date_of(on - (int32_t)(i * 19u % 900u)); break;
    case 1: g->from = date_of(a); g->until = date_of(a + (int32_t)(i * 23u % 2500u)); break;
    case 2: g->until = date_of(a); break;
    default: g->from = date_of(on + 1 + (int32_t)(i * 5u % 700u)); break;
    }
}

static void build_representative(caps_record *r, unsigned i, int32_t on) {
    pv_representative *p = &r->representatives[i];
    *p = (pv_representative)PV_REPRESENTATIVE_INIT;
    p->id = r->representative_ids[i];
    p->kind = i % 2 ? PV_REPRESENTATIVE_FORVALTARE : PV_REPRESENTATIVE_GOD_MAN;
    p->cares_for_person = true;
    p->consent = i % 5 != 3;
    p->court_order = true;
    p->from = date_of(on - 1 - (int32_t)(i * 97u % 3000u));
    if (i % 4 == 1) p->until = date_of(on - 1 - (int32_t)(i * 7u % 200u));
}

static bool is_none(pv_date d) {
    return d.year == 0 && d.month == 0 && d.day == 0;
}

/* J3: 'on' in the seal's active interval, both ends inclusive, an absent end open. */
static bool in_force(const pv_seal *s, int32_t on) {
    return (is_none(s->active.from) || days_of(s->active.from) <= on) &&
           (is_none(s->active.until) || on <= days_of(s->active.until));
}

/* The unit the requests ask for: the last unit of the record that no unit seal closes on the
   date (J2) and that a seal in force hides entries of (J4), so that a unit query and an entry
   query go through the content periods instead of stopping at a closed unit. '*entry' is the
   last day of such a period: the entry the requests ask for is hidden (J4). */
static unsigned query_unit_index(const caps_record *r, int32_t on, pv_date *entry) {
    for (unsigned u = CAPS_UNITS; u-- > 0;) {
        bool closed = false, hides = false;
        for (unsigned i = 0; i < PV_MAX_SEALS; i++) {
            const pv_seal *s = &r->seals[i];
            if (s->scope != PV_SEAL_UNIT || s->unit != r->units[u] || !in_force(s, on)) continue;
            if (s->has_content && !is_none(s->content.until)) {
                hides = true;
                *entry = s->content.until;
            } else if (!s->has_content) {
                closed = true;
            }
        }
        if (!closed && hides) return u;
    }
    *entry = (pv_date){2005, 6, 15};
    return CAPS_UNITS - 1;
}

static const char *const query_labels[CAPS_QUERY_COUNT] = {
    "self, e-services",           "self, whole journal",
    "self, one unit",             "self, one entry",
    "guardian, e-services",       "guardian, whole journal",
    "guardian, one unit",         "guardian, one entry",
    "representative, e-services", "representative, whole journal",
    "representative, one unit",   "representative, one entry"};

void caps_record_build(caps_record *r) {
    memset(r, 0, sizeof *r);
    r->on = (pv_date){2026, 3, 4};
    const int32_t on = days_of(r->on);

    for (unsigned u = 0; u < CAPS_UNITS; u++) caps_id(r->units[u], "SE2321000016-caps-unit", u);
    for (unsigned g = 0; g < PV_MAX_GUARDIANS; g++) {
        caps_id(r->guardian_ids[g], "guardian-19800101-caps", g);
        r->guardians[g] = (pv_guardian)PV_GUARDIAN_INIT;
        r->guardians[g].id = r->guardian_ids[g];
        r->guardians[g].blocked = g == 7;
        r->guardians[g].protected_identity = g == 11;
    }
    for (unsigned p = 0; p < PV_MAX_REPRESENTATIVES; p++) {
        caps_id(r->representative_ids[p], "representative-19700101-caps", p);
        build_representative(r, p, on);
    }
    for (unsigned i = 0; i < PV_MAX_SEALS; i++) build_seal(r, i, on);
    for (unsigned i = 0; i < PV_MAX_GRANTS; i++) build_grant(r, i, on);

    pv_citizen *c = &r->citizen;
    *c = (pv_citizen)PV_CITIZEN_INIT;
    c->birth_date = (pv_date){2012, 1, 15}; /* 14 on the date: D1, D2 */
    c->login_lock_case_number = "Dnr R\xc3\x96 2024/17";
    c->seals = r->seals;
    c->seal_count = PV_MAX_SEALS;
    c->guardians = r->guardians;
    c->guardian_count = PV_MAX_GUARDIANS;
    c->grants = r->grants;
    c->grant_count = PV_MAX_GRANTS;
    c->representatives = r->representatives;
    c->representative_count = PV_MAX_REPRESENTATIVES;

    /* The requests: the last guardian and representative, by copies of their ids. */
    memcpy(r->guardian_actor_id, r->guardian_ids[PV_MAX_GUARDIANS - 1], CAPS_ID_SIZE);
    memcpy(r->representative_actor_id, r->representative_ids[PV_MAX_REPRESENTATIVES - 1],
           CAPS_ID_SIZE);
    pv_date entry;
    memcpy(r->query_unit, r->units[query_unit_index(r, on, &entry)], CAPS_ID_SIZE);
    static const pv_actor_kind kinds[CAPS_ACTORS] = {PV_ACTOR_SELF, PV_ACTOR_GUARDIAN,
                                                      PV_ACTOR_REPRESENTATIVE};
    const char *ids[CAPS_ACTORS] = {NULL, r->guardian_actor_id, r->representative_actor_id};
    for (unsigned a = 0; a < CAPS_ACTORS; a++) {
        for (unsigned s = 0; s < CAPS_SERVICES; s++) {
            caps_query *q = &r->queries[a * CAPS_SERVICES + s];
            q->label = query_labels[a * CAPS_SERVICES + s];
            q->actor = (pv_actor)PV_ACTOR_INIT;
            q->actor.kind = kinds[a];
            q->actor.id = ids[a];
            q->actor.eid = PV_EID_BANKID;
            q->service = (pv_service)PV_SERVICE_INIT;
            if (s == 0) {
                q->service.kind = PV_SERVICE_E_SERVICES;
                continue;
            }
            q->service.kind = PV_SERVICE_JOURNAL;
            if (s == 2) {
                q->service.unit = r->query_unit;
                q->service.channel = PV_CHANNEL_DIRECT;
            }
            if (s == 3) {
                q->service.unit = r->query_unit;
                q->service.entry_date = entry;
            }
        }
    }
}
