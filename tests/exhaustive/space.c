/*
 * space.c — the abstract state space of the exhaustive checks: the values of each dimension,
 * the inputs built from a point, dates computed without the library, and printing.
 */
#include "space.h"

#include <string.h>

/* ---- Dates --------------------------------------------------------------------------------- */

pv_date cal_make(int year, int month, int day) {
    pv_date d = {(int16_t)year, (uint8_t)month, (uint8_t)day};
    return d;
}

bool cal_none(pv_date d) {
    return d.year == 0 && d.month == 0 && d.day == 0;
}

bool cal_leap(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

/* Days from 1970-01-01 of a proleptic Gregorian date (the era arithmetic of H. Hinnant's
   days_from_civil). */
int32_t cal_days(pv_date d) {
    int y = d.year - (d.month <= 2 ? 1 : 0);
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int m = d.month;
    int doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d.day - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (int32_t)(era * 146097 + doe - 719468);
}

pv_date cal_from_days(int32_t days) {
    int z = days + 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int y = yoe + era * 400;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    int d = doy - (153 * mp + 2) / 5 + 1;
    int m = mp < 10 ? mp + 3 : mp - 9;
    return cal_make(m <= 2 ? y + 1 : y, m, d);
}

pv_date cal_add(pv_date d, int32_t days) {
    return cal_from_days(cal_days(d) + days);
}

int cal_cmp(pv_date a, pv_date b) {
    int x = (a.year * 16 + a.month) * 32 + a.day, y = (b.year * 16 + b.month) * 32 + b.day;
    return (x > y) - (x < y);
}

pv_date cal_birthday(pv_date birth, int years) {
    int year = birth.year + years;
    /* A1: with no 29 February in the year, the last day of February is the day. */
    if (birth.month == 2 && birth.day == 29 && !cal_leap(year)) return cal_make(year, 2, 28);
    return cal_make(year, birth.month, birth.day);
}

int cal_age(pv_date birth, pv_date on) {
    int age = on.year - birth.year;
    if (cal_cmp(on, cal_birthday(birth, age)) < 0) age--;
    return age;
}

bool cal_in(pv_date from, pv_date until, pv_date on) {
    return (cal_none(from) || cal_cmp(from, on) <= 0) &&
           (cal_none(until) || cal_cmp(on, until) <= 0);
}

/* ---- The generator ------------------------------------------------------------------------- */

uint64_t rng_next(rng *r) {
    uint64_t z = (r->state += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

int rng_below(rng *r, int n) {
    return (int)(rng_next(r) % (uint64_t)n);
}

/* ---- The dimensions ----------------------------------------------------------------------- */

/* A2: each age case sits on one side of a threshold; the evaluation date goes with it. */
typedef struct age_case {
    int on[3];
    int birth[3];
} age_case;

static const age_case age_cases[] = {
    {{2026, 3, 4}, {2013, 3, 5}},  /* 12, the day before the 13th birthday */
    {{2026, 3, 4}, {2013, 3, 4}},  /* the 13th birthday */
    {{2026, 3, 4}, {2010, 3, 5}},  /* 15, the day before the 16th birthday */
    {{2026, 3, 4}, {2010, 3, 4}},  /* the 16th birthday */
    {{2026, 3, 4}, {1980, 6, 15}}, /* adult */
    {{2025, 2, 27}, {2012, 2, 29}}, /* A1: 12, the day before the 13th birthday on 28 February */
    {{2025, 2, 28}, {2012, 2, 29}}, /* A1: the 13th birthday of a 29 February birth */
    {{2024, 2, 28}, {2008, 2, 29}}, /* 15, the day before the 16th birthday on 29 February */
    {{2024, 2, 29}, {2008, 2, 29}}, /* the 16th birthday on 29 February */
};
enum { AGE_CASES = (int)(sizeof age_cases / sizeof age_cases[0]) };

/* Seal kinds, each with four activities: 1 + 4 * 4 values. */
enum { SEAL_KINDS = 4, SEAL_ACTIVITIES = 4 };
/* Grant options: none, U1 in force (two ways), U1 ended, U1 not yet begun, U2 in force. */
enum { GRANT_OPTIONS = 6 };
/* r1: complete (god man, förvaltare), each P2 condition missing, ended, not yet begun. */
enum { REPRESENTATIVE_OPTIONS = 7 };
enum { ACTORS = 7 };
/* The e-IDs of RULES.md section 8, PV_EID_BANKID (1) to PV_EID_NONE: the dimension's value v is
   the e-ID v + 1, since 0 is PV_EID_UNSET (invalid input, checked in exhaustive.c). */
enum { EIDS = PV_EID_COUNT - 1 };
/* H1-H4: none; the citizen's lock in force / later; the citizen's protected identity in force /
   later; g1 blocked in force (two touching periods) / later; g1 protected in force / later. */
enum { PERIOD_OPTIONS = 9 };

const int space_radix[DIM_COUNT] = {
    [DIM_SERVICE] = 1 + PV_CHANNEL_COUNT * SPACE_QUERIES,
    [DIM_ACTOR] = ACTORS,
    [DIM_AGE] = AGE_CASES,
    [DIM_SEAL] = 1 + SEAL_KINDS * SEAL_ACTIVITIES,
    [DIM_CITIZEN_LOCK] = 2,
    [DIM_CITIZEN_PROTECTED] = 2,
    [DIM_GUARDIAN] = 4,
    [DIM_GRANT_SELF] = GRANT_OPTIONS,
    [DIM_GRANT_G1] = GRANT_OPTIONS,
    [DIM_REPRESENTATIVE] = REPRESENTATIVE_OPTIONS,
    [DIM_EID] = EIDS,
    [DIM_ACTOR_LOCK] = 2,
    [DIM_ACTOR_SEAL] = 2,
    [DIM_PERIODS] = PERIOD_OPTIONS,
};

const bool space_record_dim[DIM_COUNT] = {
    [DIM_AGE] = true,          [DIM_SEAL] = true,        [DIM_CITIZEN_LOCK] = true,
    [DIM_CITIZEN_PROTECTED] = true, [DIM_GUARDIAN] = true, [DIM_GRANT_SELF] = true,
    [DIM_GRANT_G1] = true,     [DIM_REPRESENTATIVE] = true, [DIM_PERIODS] = true,
};

#define DIM(x) (1u << (x))

/* Record, actor and service: the dimensions every block varies unless it says otherwise. */
static const unsigned core = DIM(DIM_SERVICE) | DIM(DIM_ACTOR) | DIM(DIM_AGE) | DIM(DIM_SEAL) |
                             DIM(DIM_CITIZEN_LOCK) | DIM(DIM_CITIZEN_PROTECTED) | DIM(DIM_GUARDIAN);

const space_block space_blocks[] = {
    {"record x actor x service, with the citizen's grants", core | DIM(DIM_GRANT_SELF)},
    {"g1's grants", (core & ~DIM(DIM_CITIZEN_PROTECTED)) | DIM(DIM_GRANT_G1)},
    {"both holders' grants", DIM(DIM_SERVICE) | DIM(DIM_ACTOR) | DIM(DIM_AGE) | DIM(DIM_SEAL) |
                                 DIM(DIM_GRANT_SELF) | DIM(DIM_GRANT_G1)},
    {"the representative's appointment", DIM(DIM_SERVICE) | DIM(DIM_ACTOR) | DIM(DIM_AGE) |
                                             DIM(DIM_SEAL) | DIM(DIM_CITIZEN_LOCK) |
                                             DIM(DIM_REPRESENTATIVE)},
    {"the actor's own way in", DIM(DIM_SERVICE) | DIM(DIM_ACTOR) | DIM(DIM_AGE) | DIM(DIM_SEAL) |
                                   DIM(DIM_CITIZEN_LOCK) | DIM(DIM_EID) | DIM(DIM_ACTOR_LOCK) |
                                   DIM(DIM_ACTOR_SEAL)},
    {"facts over time (H1-H4)", DIM(DIM_SERVICE) | DIM(DIM_ACTOR) | DIM(DIM_AGE) | DIM(DIM_PERIODS) |
                                    DIM(DIM_CITIZEN_LOCK) | DIM(DIM_CITIZEN_PROTECTED) |
                                    DIM(DIM_GUARDIAN)},
};
const size_t space_block_count = sizeof space_blocks / sizeof space_blocks[0];

bool space_in_dims(const point *p, unsigned dims) {
    for (int i = 0; i < DIM_COUNT; i++) {
        if (!(dims & DIM(i)) && p->v[i] != 0) return false;
    }
    return true;
}

bool space_seen_before(size_t index, const point *p) {
    for (size_t j = 0; j < index; j++) {
        if (space_in_dims(p, space_blocks[j].dims)) return true;
    }
    return false;
}

bool space_next(point *p, unsigned dims) {
    for (int i = 0; i < DIM_COUNT; i++) {
        if (!(dims & DIM(i))) continue;
        if (++p->v[i] < space_radix[i]) return true;
        p->v[i] = 0;
    }
    return false;
}

pv_interval space_content_period(pv_date on) {
    pv_interval i = {cal_add(on, -400), cal_add(on, -200)};
    return i;
}

/* J3: when a seal is active, relative to 'on': in force with the end on 'on', in force from
   'on', ended the day before, beginning the day after. */
static pv_interval seal_activity(pv_date on, int activity) {
    pv_interval i = {PV_DATE_NONE, PV_DATE_NONE};
    switch (activity) {
    case 0: i.until = on; break;
    case 1: i.from = on; break;
    case 2: i.from = cal_add(on, -30); i.until = cal_add(on, -1); break;
    default: i.from = cal_add(on, 1); i.until = cal_add(on, 60); break;
    }
    return i;
}

static void build_seal(pv_date on, int value, pv_seal *s) {
    int kind = (value - 1) / SEAL_ACTIVITIES;
    int activity = (value - 1) % SEAL_ACTIVITIES;
    *s = (pv_seal)PV_SEAL_INIT;
    /* kinds: whole, whole with a content period, unit U1, unit U1 with a content period */
    s->scope = kind < 2 ? PV_SEAL_WHOLE : PV_SEAL_UNIT;
    s->unit = kind < 2 ? NULL : SPACE_UNIT_1;
    s->has_content = kind % 2 == 1;
    if (s->has_content) s->content = space_content_period(on);
    s->active = seal_activity(on, activity);
    /* J6: who asked for it does not matter; both appear. */
    s->requested_by = activity % 2 == 0 ? PV_REQUESTER_CARE : PV_REQUESTER_CITIZEN;
}

/* D3: a grant's validity relative to 'on'. Returns false for "no grant". */
static bool build_grant(pv_date on, int value, const char *holder, pv_grant *g) {
    *g = (pv_grant)PV_GRANT_INIT;
    g->holder = holder;
    g->unit = SPACE_UNIT_1;
    switch (value) {
    case 0: return false;
    case 1: g->from = cal_add(on, -100); g->until = on; break; /* in force, last day */
    case 2: g->from = on; break;                                /* in force, first day */
    case 3: g->until = cal_add(on, -1); break;                 /* ended the day before */
    case 4: g->from = cal_add(on, 1); g->until = cal_add(on, 100); break; /* not yet */
    default: g->unit = SPACE_UNIT_2; g->from = cal_add(on, -100); g->until = cal_add(on, 100); break;
    }
    return true;
}

/* P2: r1's appointment. */
static void build_representative(pv_date on, int value, pv_representative *r) {
    *r = (pv_representative)PV_REPRESENTATIVE_INIT;
    r->id = "r1";
    r->kind = PV_REPRESENTATIVE_GOD_MAN;
    r->cares_for_person = true;
    r->consent = true;
    r->court_order = true;
    r->from = cal_add(on, -100);
    r->until = on;
    switch (value) {
    case 0: break;
    case 1: r->kind = PV_REPRESENTATIVE_FORVALTARE; r->from = on; r->until = PV_DATE_NONE; break;
    case 2: r->cares_for_person = false; break;
    case 3: r->consent = false; break;
    case 4: r->court_order = false; break;
    case 5: r->until = cal_add(on, -1); break;
    default: r->from = cal_add(on, 1); r->until = PV_DATE_NONE; break;
    }
}

static void build_actor(const point *p, pv_actor *a) {
    static const struct {
        pv_actor_kind kind;
        const char *id;
    } actors[ACTORS] = {
        {PV_ACTOR_SELF, NULL},
        {PV_ACTOR_GUARDIAN, "g1"},
        {PV_ACTOR_GUARDIAN, "g2"},
        {PV_ACTOR_GUARDIAN, "g9"},       /* not among the guardians */
        {PV_ACTOR_REPRESENTATIVE, "r1"},
        {PV_ACTOR_REPRESENTATIVE, "r9"}, /* not among the representatives */
        {PV_ACTOR_OTHER, NULL},
    };
    *a = (pv_actor)PV_ACTOR_INIT;
    a->kind = actors[p->v[DIM_ACTOR]].kind;
    a->id = actors[p->v[DIM_ACTOR]].id;
    a->eid = (pv_eid)(PV_EID_BANKID + p->v[DIM_EID]);
    a->login_locked = p->v[DIM_ACTOR_LOCK] != 0;
    a->journal_sealed = p->v[DIM_ACTOR_SEAL] != 0;
}

/* Journal queries: whole, unit U1, unit U2, an entry of U1 inside the content period, one of
   U1 just outside it, one of U2 inside it. The portal asks for the entries at the start of the
   period, the direct channel at its end, so both ends of the period are exercised. */
static void build_service(const point *p, pv_date on, pv_service *s) {
    *s = (pv_service)PV_SERVICE_INIT;
    int v = p->v[DIM_SERVICE];
    if (v == 0) {
        s->kind = PV_SERVICE_E_SERVICES;
        s->channel = PV_CHANNEL_PORTAL;
        return;
    }
    s->kind = PV_SERVICE_JOURNAL;
    s->channel = (pv_channel)((v - 1) / SPACE_QUERIES);
    pv_interval content = space_content_period(on);
    bool portal = s->channel == PV_CHANNEL_PORTAL;
    pv_date inside = portal ? content.from : content.until;
    pv_date outside = portal ? cal_add(content.from, -1) : cal_add(content.until, 1);
    switch ((v - 1) % SPACE_QUERIES) {
    case 0: break;
    case 1: s->unit = SPACE_UNIT_1; break;
    case 2: s->unit = SPACE_UNIT_2; break;
    case 3: s->unit = SPACE_UNIT_1; s->entry_date = inside; break;
    case 4: s->unit = SPACE_UNIT_1; s->entry_date = outside; break;
    default: s->unit = SPACE_UNIT_2; s->entry_date = portal ? content.until : content.from; break;
    }
}

void world_link(world *w) {
    w->citizen.seals = w->seals;
    w->citizen.guardians = w->guardians;
    w->citizen.grants = w->grants;
    w->citizen.representatives = w->representatives;
    w->citizen.login_lock_periods = w->lock_periods;
    w->citizen.protected_identity_periods = w->protected_periods;
    for (size_t i = 0; i < 2; i++) {
        w->guardians[i].blocked_periods = w->blocked_periods[i];
        w->guardians[i].protected_identity_periods = w->guardian_protected_periods[i];
    }
}

/* H1-H4: the periods of the point, relative to 'on'. A period in force ends a little after
   'on' (H3: the day after its last day is a candidate); a later one begins after 'on'. */
static void build_periods(const point *p, world *w) {
    const pv_date on = w->on;
    const pv_interval in_force = {cal_add(on, -5), cal_add(on, 12)};
    const pv_interval later = {cal_add(on, 9), PV_DATE_NONE};
    pv_citizen *c = &w->citizen;
    pv_guardian *g1 = &w->guardians[0];
    switch (p->v[DIM_PERIODS]) {
    case 0: break;
    case 1:
    case 2: {
        pv_lock_period *l = &w->lock_periods[c->login_lock_period_count++];
        *l = (pv_lock_period)PV_LOCK_PERIOD_INIT;
        l->when = p->v[DIM_PERIODS] == 1 ? in_force : later;
        l->requested_by = PV_REQUESTER_CITIZEN; /* J6, X1: no effect */
        l->case_number = "RS 2026-0043";
        break;
    }
    case 3: w->protected_periods[c->protected_identity_period_count++] = in_force; break;
    case 4: w->protected_periods[c->protected_identity_period_count++] = later; break;
    case 5: {
        /* H1: two touching periods act as one, from before the birth of some ages (H4). */
        const pv_interval first = {cal_add(on, -8000), cal_add(on, -1)};
        const pv_interval second = {on, cal_add(on, 3)};
        w->blocked_periods[0][g1->blocked_period_count++] = first;
        w->blocked_periods[0][g1->blocked_period_count++] = second;
        break;
    }
    case 6: w->blocked_periods[0][g1->blocked_period_count++] = later; break;
    case 7: w->guardian_protected_periods[0][g1->protected_identity_period_count++] = in_force; break;
    default:
        w->guardian_protected_periods[0][g1->protected_identity_period_count++] = later;
        break;
    }
}

void world_copy(world *dst, const world *src) {
    *dst = *src;
    world_link(dst);
}

void world_build(const point *p, world *w) {
    memset(w, 0, sizeof *w);
    const age_case *ac = &age_cases[p->v[DIM_AGE]];
    w->on = cal_make(ac->on[0], ac->on[1], ac->on[2]);
    pv_citizen *c = &w->citizen;
    *c = (pv_citizen)PV_CITIZEN_INIT;
    for (size_t i = 0; i < sizeof w->guardians / sizeof w->guardians[0]; i++) {
        w->guardians[i] = (pv_guardian)PV_GUARDIAN_INIT;
    }
    c->birth_date = cal_make(ac->birth[0], ac->birth[1], ac->birth[2]);
    c->protected_identity = p->v[DIM_CITIZEN_PROTECTED] != 0;
    c->login_locked = p->v[DIM_CITIZEN_LOCK] != 0;
    if (c->login_locked) {
        /* J6, X1: who asked and the case number do not change the effect. */
        c->login_lock_requested_by = p->v[DIM_AGE] % 2 ? PV_REQUESTER_CITIZEN : PV_REQUESTER_CARE;
        c->login_lock_case_number = p->v[DIM_SEAL] % 2 ? "RS 2026-0042" : NULL;
    }
    if (p->v[DIM_SEAL] > 0) build_seal(w->on, p->v[DIM_SEAL], &w->seals[c->seal_count++]);
    w->guardians[0].id = "g1";
    w->guardians[0].blocked = (p->v[DIM_GUARDIAN] & 1) != 0;
    w->guardians[0].protected_identity = (p->v[DIM_GUARDIAN] & 2) != 0;
    w->guardians[1].id = "g2";
    c->guardian_count = 2;
    if (build_grant(w->on, p->v[DIM_GRANT_SELF], PV_GRANT_HOLDER_SELF, &w->grants[c->grant_count])) {
        c->grant_count++;
    }
    if (build_grant(w->on, p->v[DIM_GRANT_G1], "g1", &w->grants[c->grant_count])) c->grant_count++;
    build_representative(w->on, p->v[DIM_REPRESENTATIVE], &w->representatives[0]);
    build_periods(p, w);
    c->representative_count = 1;
    build_actor(p, &w->actor);
    build_service(p, w->on, &w->service);
    world_link(w);
}

/* ---- Printing ------------------------------------------------------------------------------ */

static void print_date(FILE *f, pv_date d) {
    if (cal_none(d)) {
        fputs("null", f);
    } else {
        fprintf(f, "\"%04d-%02d-%02d\"", d.year, d.month, d.day);
    }
}

static void print_string(FILE *f, const char *s) {
    if (s == NULL) {
        fputs("null", f);
    } else {
        fprintf(f, "\"%s\"", s);
    }
}

static const char *bool_text(bool b) {
    return b ? "true" : "false";
}

/* A fact of section 11: the flag, or the list of its periods with the flag as an open one. */
static void print_fact(FILE *f, bool flag, const pv_interval *p, const pv_lock_period *l,
                       size_t n) {
    if (n == 0) {
        fputs(bool_text(flag), f);
        return;
    }
    fputs("[", f);
    if (flag) fputs("{\"from\": null, \"until\": null}", f);
    for (size_t i = 0; i < n; i++) {
        const pv_interval *w = l != NULL ? &l[i].when : &p[i];
        fprintf(f, "%s{\"from\": ", i > 0 || flag ? ", " : "");
        print_date(f, w->from);
        fputs(", \"until\": ", f);
        print_date(f, w->until);
        fputs("}", f);
    }
    fputs("]", f);
}

/* A name, or "?" for a value the library has no name for (out of range). */
static const char *name_or_mark(const char *name) {
    return name != NULL ? name : "?";
}

void world_print(FILE *f, const world *w) {
    const pv_citizen *c = &w->citizen;
    fputs("{\n  \"on\": ", f);
    print_date(f, w->on);
    fputs(",\n  \"citizen\": {\n    \"birth_date\": ", f);
    print_date(f, c->birth_date);
    fputs(", \"protected_identity\": ", f);
    print_fact(f, c->protected_identity, c->protected_identity_periods, NULL,
               c->protected_identity_period_count);
    fputs(", \"login_locked\": ", f);
    print_fact(f, c->login_locked, NULL, c->login_lock_periods, c->login_lock_period_count);
    fputs(",\n    \"seals\": [", f);
    for (size_t i = 0; i < c->seal_count; i++) {
        const pv_seal *s = &c->seals[i];
        fprintf(f, "%s\n      {\"scope\": \"%s\", \"unit\": ", i ? "," : "",
                name_or_mark(pv_seal_scope_name(s->scope)));
        print_string(f, s->unit);
        fputs(", \"active\": {\"from\": ", f);
        print_date(f, s->active.from);
        fputs(", \"until\": ", f);
        print_date(f, s->active.until);
        fputs("}", f);
        if (s->has_content) {
            fputs(", \"content\": {\"from\": ", f);
            print_date(f, s->content.from);
            fputs(", \"until\": ", f);
            print_date(f, s->content.until);
            fputs("}", f);
        }
        fprintf(f, ", \"requested_by\": \"%s\"}", name_or_mark(pv_requester_name(s->requested_by)));
    }
    fputs("],\n    \"guardians\": [", f);
    for (size_t i = 0; i < c->guardian_count; i++) {
        const pv_guardian *g = &c->guardians[i];
        fprintf(f, "%s{\"id\": \"%s\", \"blocked\": ", i ? ", " : "", g->id);
        print_fact(f, g->blocked, g->blocked_periods, NULL, g->blocked_period_count);
        fputs(", \"protected_identity\": ", f);
        print_fact(f, g->protected_identity, g->protected_identity_periods, NULL,
                   g->protected_identity_period_count);
        fputs("}", f);
    }
    fputs("],\n    \"grants\": [", f);
    for (size_t i = 0; i < c->grant_count; i++) {
        const pv_grant *g = &c->grants[i];
        fprintf(f, "%s{\"holder\": \"%s\", \"unit\": \"%s\", \"from\": ", i ? ", " : "", g->holder,
                g->unit);
        print_date(f, g->from);
        fputs(", \"until\": ", f);
        print_date(f, g->until);
        fputs("}", f);
    }
    fputs("],\n    \"representatives\": [", f);
    for (size_t i = 0; i < c->representative_count; i++) {
        const pv_representative *r = &c->representatives[i];
        fprintf(f,
                "%s{\"id\": \"%s\", \"kind\": \"%s\", \"cares_for_person\": %s, \"consent\": %s, "
                "\"court_order\": %s, \"from\": ",
                i ? ", " : "", r->id, name_or_mark(pv_representative_kind_name(r->kind)),
                bool_text(r->cares_for_person), bool_text(r->consent), bool_text(r->court_order));
        print_date(f, r->from);
        fputs(", \"until\": ", f);
        print_date(f, r->until);
        fputs("}", f);
    }
    fputs("]\n  },\n  \"actor\": {\"kind\": ", f);
    print_string(f, pv_actor_kind_name(w->actor.kind));
    fputs(", \"id\": ", f);
    print_string(f, w->actor.id);
    fprintf(f, ", \"eid\": \"%s\", \"login_locked\": %s, \"journal_sealed\": %s},\n",
            name_or_mark(pv_eid_name(w->actor.eid)), bool_text(w->actor.login_locked),
            bool_text(w->actor.journal_sealed));
    fprintf(f, "  \"service\": {\"kind\": \"%s\", \"channel\": \"%s\", \"unit\": ",
            name_or_mark(pv_service_kind_name(w->service.kind)), name_or_mark(pv_channel_name(w->service.channel)));
    print_string(f, w->service.unit);
    fputs(", \"entry_date\": ", f);
    print_date(f, w->service.entry_date);
    fputs("}\n}\n", f);
}

void decision_print(FILE *f, const pv_decision *d, const pv_error *err) {
    fprintf(f, "decision: effect %s, reason %s, rule %s, filtered %s, changes_on ",
            name_or_mark(pv_effect_name(d->effect)), name_or_mark(pv_reason_name(d->reason)),
            d->rule == PV_RULE_NONE ? "none" : name_or_mark(pv_rule_name(d->rule)),
            bool_text(d->filtered));
    print_date(f, d->changes_on);
    fputs(", reasons [", f);
    int n = 0;
    for (int r = 0; r < PV_REASON_MAX; r++) {
        if (d->reasons & (1u << r)) {
            unsigned char rule = d->reason_rules[r];
            fprintf(f, "%s%s (%s)", n++ ? ", " : "", name_or_mark(pv_reason_name((pv_reason)r)),
                    rule == PV_RULE_NONE ? "no rule" : name_or_mark(pv_rule_name((pv_rule)rule)));
        }
    }
    fputs("]", f);
    if (err != NULL) {
        fprintf(f, ", status %s, field \"%s\"%s%s", pv_status_name(err->status), err->field,
                err->message ? ", message: " : "", err->message ? err->message : "");
    }
    fputc('\n', f);
}

void point_print(FILE *f, const point *p) {
    fputs("point:", f);
    for (int i = 0; i < DIM_COUNT; i++) fprintf(f, " %d", p->v[i]);
    fputc('\n', f);
}
