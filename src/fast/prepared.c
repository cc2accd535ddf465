/*
 * prepared.c — a citizen's record validated once and arranged for deciding
 * (portvakt_prepared.h): its size, its preparation into the caller's storage, and the check
 * that a citizen is still the one prepared (the lifetime rule).
 *
 * Preparing validates everything of section 8 that does not depend on the evaluation date
 * (validate_record), reads the personnummer's text (its century is read on each date, N4), and
 * builds the sorted unions of days of prepared.h: O(n log n) in the record, no allocation.
 */
#include <stdalign.h>
#include <stddef.h>
#include <string.h>

#include "prepared.h"

/* ---- Size ---------------------------------------------------------------------------------- */

static size_t round_up(size_t n) {
    const size_t a = alignof(max_align_t);
    return (n + a - 1) / a * a;
}

static size_t clamp(size_t n, size_t cap) {
    return n < cap ? n : cap;
}

/* The spans a record needs: a flag and the periods of each fact of section 11 (H1), every
   seal twice (its own union, and the whole journal's or every unit seal's) and every grant twice
   (its holder's for any unit, and its holder's for its unit). */
#define SPANS(seals, grants, guardians, periods)                                                   \
    (2 * (seals) + 2 * (grants) + (2 + 2 * (guardians)) * ((periods) + 1))

_Static_assert(sizeof(struct pv_prepared) + (size_t)5 * 16 +
                       (size_t)SPANS(PV_MAX_SEALS, PV_MAX_GRANTS, PV_MAX_GUARDIANS,
                                     PV_MAX_PERIODS) *
                           sizeof(span) +
                       PV_MAX_GUARDIANS * sizeof(prep_guardian) +
                       (PV_MAX_SEALS + PV_MAX_GRANTS) * sizeof(prep_unit) +
                       PV_MAX_SEALS * sizeof(prep_content) + PV_MAX_GRANTS * sizeof(prep_grants) <=
                   PV_PREPARED_MAX_SIZE,
               "PV_PREPARED_MAX_SIZE holds a record at the caps");

void prepared_layout(const pv_citizen *c, prep_layout *l) {
    const size_t seals = clamp(c->seal_count, PV_MAX_SEALS);
    const size_t grants = clamp(c->grant_count, PV_MAX_GRANTS);
    const size_t guardians = c->guardians == NULL ? 0 : clamp(c->guardian_count, PV_MAX_GUARDIANS);
    size_t spans = 2 * seals + 2 * grants + clamp(c->login_lock_period_count, PV_MAX_PERIODS) + 1 +
                   clamp(c->protected_identity_period_count, PV_MAX_PERIODS) + 1;
    for (size_t i = 0; i < guardians; i++) {
        const pv_guardian *g = &c->guardians[i];
        spans += clamp(g->blocked_period_count, PV_MAX_PERIODS) + 1 +
                 clamp(g->protected_identity_period_count, PV_MAX_PERIODS) + 1;
    }
    l->spans_at = round_up(sizeof(struct pv_prepared));
    l->guardians_at = round_up(l->spans_at + spans * sizeof(span));
    l->units_at = round_up(l->guardians_at + guardians * sizeof(prep_guardian));
    l->contents_at = round_up(l->units_at + (seals + grants) * sizeof(prep_unit));
    l->grants_at = round_up(l->contents_at + seals * sizeof(prep_content));
    l->total = round_up(l->grants_at + grants * sizeof(prep_grants));
}

size_t pv_prepared_size(const pv_citizen *citizen) {
    if (citizen == NULL || citizen->version < 1 || citizen->version > PV_CITIZEN_VERSION) return 0;
    prep_layout l;
    prepared_layout(citizen, &l);
    return l.total;
}

/* ---- Building ------------------------------------------------------------------------------ */

typedef struct builder {
    pv_prepared *p;
    const pv_citizen *c;
    span *spans;
    uint32_t spans_used;
    prep_guardian *guardians;
    prep_unit *units;
    prep_content *contents;
    uint32_t contents_used;
    prep_grants *grants;
    uint32_t grants_used;
    unsigned char holder[PV_MAX_GRANTS]; /* each grant's holder: 0 the citizen, 1 + i guardian i */
} builder;

/* The 'split' annotations are for the proof (docs/PROOF.md; a compiler reads them as comments):
   the analysis keeps the states of each count apart, as for a view's spans (time/view.h). */
static void push(builder *b, span s) {
    const uint32_t at = b->spans_used;
    b->spans_used = at + 1;
    /*@ split b->spans_used; */
    b->spans[at] = s;
}

/* Merges the spans pushed since 'first' into one sorted union. */
static span_set close_set(builder *b, uint32_t first) {
    const uint32_t n = spans_merge(b->spans + first, b->spans_used - first);
    /*@ split n; */
    /*@ split first; */
    b->spans_used = first + n;
    return (span_set){first, n};
}

/* H1: a flag (one period open at both ends) and the periods of one fact. */
static span_set periods_set(builder *b, bool flag, const pv_interval *p, size_t n) {
    const uint32_t first = b->spans_used;
    if (flag) push(b, (span){0, SPAN_OPEN});
    for (size_t i = 0; i < n; i++) push(b, span_of(p[i].from, p[i].until));
    return close_set(b, first);
}

static span_set lock_set(builder *b) {
    const pv_citizen *c = b->c;
    const uint32_t first = b->spans_used;
    if (c->login_locked) push(b, (span){0, SPAN_OPEN});
    for (size_t i = 0; i < c->login_lock_period_count; i++) {
        push(b, span_of(c->login_lock_periods[i].when.from, c->login_lock_periods[i].when.until));
    }
    return close_set(b, first);
}

/* D1, D2: the holder of a grant (validated: "self" or one of the guardians). */
static unsigned char holder_of(const pv_citizen *c, const char *holder) {
    if (strcmp(holder, PV_GRANT_HOLDER_SELF) == 0) return 0;
    size_t i = 0;
    while (i < c->guardian_count && strcmp(c->guardians[i].id, holder) != 0) i++;
    return (unsigned char)(i + 1);
}

/* D3: the validity of the grants of holder 'slot' among the mentions 'm' (a unit's), or of all
   its grants when 'm' is NULL. */
static span_set grants_set(builder *b, unsigned slot, const uint16_t *m, size_t n) {
    const pv_citizen *c = b->c;
    const uint32_t first = b->spans_used;
    const size_t count = m == NULL ? c->grant_count : n;
    for (size_t k = 0; k < count; k++) {
        /* Grant k itself, or the grant a mention names (the mentions of grants follow the
           seals'). */
        size_t i = k;
        if (m != NULL) {
            if (m[k] < c->seal_count) continue;
            i = m[k] - c->seal_count;
        }
        if (b->holder[i] == slot) push(b, span_of(c->grants[i].from, c->grants[i].until));
    }
    return close_set(b, first);
}

static void build_guardians(builder *b) {
    const pv_citizen *c = b->c;
    for (size_t i = 0; i < c->grant_count; i++) b->holder[i] = holder_of(c, c->grants[i].holder);
    b->p->self_grants = grants_set(b, 0, NULL, 0);
    for (size_t i = 0; i < c->guardian_count; i++) {
        const pv_guardian *g = &c->guardians[i];
        prep_guardian *out = &b->guardians[i];
        out->blocked = periods_set(b, g->blocked, g->blocked_periods, g->blocked_period_count);
        out->protected_identity =
            periods_set(b, g->protected_identity, g->protected_identity_periods,
                        g->protected_identity_period_count);
        out->grants = grants_set(b, (unsigned)(i + 1), NULL, 0);
    }
}

/* Which seals a union gathers. */
enum {
    WHOLE_PLAIN,   /* J1: the whole journal, no content period */
    WHOLE_CONTENT, /* J4: the whole journal, a content period */
    UNIT_ANY,      /* J2, J4: any unit seal */
    UNIT_PLAIN,    /* J2: a unit's seals without content (among the mentions given) */
    UNIT_CONTENT   /* J4: a unit's seals with content */
};

static bool seal_is(const pv_seal *s, int which) {
    switch (which) {
    case WHOLE_PLAIN: return s->scope == PV_SEAL_WHOLE && !s->has_content;
    case WHOLE_CONTENT: return s->scope == PV_SEAL_WHOLE && s->has_content;
    case UNIT_ANY: return s->scope == PV_SEAL_UNIT;
    case UNIT_PLAIN: return !s->has_content;
    default: return s->has_content;
    }
}

/* J3: the active intervals of the seals of kind 'which' among the mentions 'm' (NULL: all
   seals); with 'contents', each is also listed with its content period (J4). */
static span_set seals_set(builder *b, int which, const uint16_t *m, size_t n, bool contents) {
    const pv_citizen *c = b->c;
    const uint32_t first = b->spans_used;
    const size_t count = m == NULL ? c->seal_count : n;
    for (size_t k = 0; k < count; k++) {
        const size_t i = m == NULL ? k : m[k];
        if (i >= c->seal_count || !seal_is(&c->seals[i], which)) continue;
        const pv_seal *s = &c->seals[i];
        const span active = span_of(s->active.from, s->active.until);
        push(b, active);
        if (contents) {
            const uint32_t at = b->contents_used;
            b->contents_used = at + 1;
            /*@ split b->contents_used; */
            b->contents[at] = (prep_content){active, span_of(s->content.from, s->content.until)};
        }
    }
    return close_set(b, first);
}

/* For the proof (docs/PROOF.md; a compiler reads it as a comment): whether each unit built so
   far has content seals and grant groups, one unit after the other, on which the analysis keeps
   its states apart (as view_layout does for a view, time/view.h), so that each unit's ranges
   stay tied to the groups written for it until the decision reads them. */
/*@ ghost uint64_t prepared_units_shape; */

/* One unit: its seals and its grants by holder, from its mentions 'm' (seals, then grants). */
static void build_unit(builder *b, const uint16_t *m, size_t n, prep_unit *u) {
    u->unit = record_mention_unit(b->c, m[0]);
    u->closes = seals_set(b, UNIT_PLAIN, m, n, false);
    u->content_first = b->contents_used;
    u->filters = seals_set(b, UNIT_CONTENT, m, n, true);
    u->content_count = b->contents_used - u->content_first;
    u->grant_first = b->grants_used;
    for (unsigned slot = 0; slot <= b->c->guardian_count; slot++) {
        const span_set when = grants_set(b, slot, m, n);
        if (when.count > 0) {
            const uint32_t at = b->grants_used;
            b->grants_used = at + 1;
            /*@ split b->grants_used; */
            b->grants[at] = (prep_grants){slot, when};
        }
    }
    u->grant_count = b->grants_used - u->grant_first;
    /*@ ghost prepared_units_shape = prepared_units_shape * 4u + (u->content_count != 0) * 2u +
                                     (u->grant_count != 0); */
    /*@ split prepared_units_shape; */
}

/* The units, sorted as strcmp() orders them (record.c sorts the mentions). */
static void build_units(builder *b) {
    /* For the proof: a mention m >= seal_count is grant m - seal_count (record.c), an index the
       analysis bounds in states where seal_count is one value. */
    /*@ split b->c->seal_count; */
    record_units ru;
    record_units_find(&ru, b->c);
    /*@ ghost prepared_units_shape = 0; */
    uint32_t units = 0;
    size_t i = 0;
    while (i < ru.count) {
        /* For the proof: the mentions i to j - 1 are the unit's, read up to ru.count, each
           state with one i and one j (record_units_find() splits on ru.count). */
        /*@ split i; */
        size_t j = i + 1;
        while (j < ru.count && !record_unit_is_first(&ru, ru.index[j])) j++;
        /*@ split j; */
        build_unit(b, &ru.index[i], j - i, &b->units[units++]);
        i = j;
    }
    b->p->unit_count = units;
}

/* ---- The fingerprint ----------------------------------------------------------------------- */

static uint64_t mix(uint64_t h, uint64_t v) {
    h = (h ^ v) * UINT64_C(0x9E3779B97F4A7C15);
    return h ^ (h >> 29);
}

static uint64_t mix_date(uint64_t h, pv_date d) {
    return mix(h, (uint64_t)(uint16_t)d.year << 16 | (uint64_t)d.month << 8 | d.day);
}

static uint64_t mix_interval(uint64_t h, pv_interval w) {
    return mix_date(mix_date(h, w.from), w.until);
}

/* A string, eight bytes at a time, and its length; NULL apart from every string. */
static uint64_t mix_string(uint64_t h, const char *s) {
    if (s == NULL) return mix(h, UINT64_MAX);
    /* The length first: a loop bounded by it reads within the string (plain to a prover too,
       docs/PROOF.md). */
    const size_t len = strlen(s);
    uint64_t word = 0;
    for (size_t n = 0; n < len; n++) {
        word = word << 8 | (unsigned char)s[n];
        if (n % 8 == 7) {
            h = mix(h, word);
            word = 0;
        }
    }
    return mix(mix(h, word), len);
}

static uint64_t mix_periods(uint64_t h, const pv_interval *p, size_t n) {
    for (size_t i = 0; i < n; i++) h = mix_interval(h, p[i]);
    return mix(h, n);
}

static uint64_t mix_seals(uint64_t h, const pv_citizen *c) {
    for (size_t i = 0; i < c->seal_count; i++) {
        const pv_seal *s = &c->seals[i];
        h = mix(h, (uint64_t)s->version << 32 | (uint64_t)(uint32_t)s->scope);
        h = mix_string(h, s->unit);
        h = mix_interval(mix_interval(h, s->active), s->content);
        h = mix(h, (uint64_t)s->has_content << 32 | (uint64_t)(uint32_t)s->requested_by);
    }
    return h;
}

static uint64_t mix_guardians(uint64_t h, const pv_citizen *c) {
    for (size_t i = 0; i < c->guardian_count; i++) {
        const pv_guardian *g = &c->guardians[i];
        h = mix(h, (uint64_t)g->version << 2 | (uint64_t)g->blocked << 1 | g->protected_identity);
        h = mix_string(h, g->id);
        h = mix_periods(h, g->blocked_periods, g->blocked_period_count);
        h = mix_periods(h, g->protected_identity_periods, g->protected_identity_period_count);
    }
    return h;
}

static uint64_t mix_grants_and_representatives(uint64_t h, const pv_citizen *c) {
    for (size_t i = 0; i < c->grant_count; i++) {
        const pv_grant *g = &c->grants[i];
        h = mix_string(mix_string(mix(h, g->version), g->holder), g->unit);
        h = mix_date(mix_date(h, g->from), g->until);
    }
    for (size_t i = 0; i < c->representative_count; i++) {
        const pv_representative *r = &c->representatives[i];
        h = mix_string(mix(h, r->version), r->id);
        h = mix(h, (uint64_t)(uint32_t)r->kind << 3 | (uint64_t)r->cares_for_person << 2 |
                       (uint64_t)r->consent << 1 | r->court_order);
        h = mix_date(mix_date(h, r->from), r->until);
    }
    return h;
}

/* Every element of the record's arrays and every string they and the citizen point to. */
static uint64_t fingerprint(const pv_citizen *c) {
    uint64_t h = mix_string(mix_string(UINT64_C(0x706f727476616b74), c->personnummer),
                            c->login_lock_case_number);
    h = mix_grants_and_representatives(mix_guardians(mix_seals(h, c), c), c);
    for (size_t i = 0; i < c->login_lock_period_count; i++) {
        const pv_lock_period *p = &c->login_lock_periods[i];
        h = mix_interval(mix(h, (uint64_t)p->version << 32 | (uint32_t)p->requested_by), p->when);
        h = mix_string(h, p->case_number);
    }
    return mix_periods(h, c->protected_identity_periods, c->protected_identity_period_count);
}

/* A3: a birth date that does not depend on the date of the question. */
static void fix_birth(pv_prepared *p, const pv_citizen *c) {
    p->birth = c->birth_date;
    p->birth_fixed = !p->has_pnr;
    if (!p->has_pnr || p->pnr.century < 0) return;
    pv_date reading;
    if (pnr_text_birth(&p->pnr, 1, &p->birth, &reading) != NULL) return; /* GCOVR_EXCL_LINE */
    p->birth_fixed = date_is_none(c->birth_date) || date_key(c->birth_date) == date_key(p->birth);
}

pv_prepared *prepared_build(void *storage, const pv_citizen *c, const prep_layout *l,
                            bool with_fingerprint) {
    unsigned char *base = storage;
    pv_prepared *p = storage;
    memset(p, 0, sizeof *p);
    /* The arrays zeroed before they are filled: no byte of the record is what the caller's
       storage held before (the record's bytes depend on the citizen alone), and a slot past
       what a union or array uses reads as zero, never as the caller's leftovers (the proof
       reads each range of the record as written: docs/PROOF.md). */
    memset(base + sizeof *p, 0, l->total - sizeof *p);
    p->size = l->total;
    p->citizen = *c;
    p->has_pnr = c->personnummer != NULL;
    /* A3: validated, so the text reads (its century is read on each date, N4). */
    if (p->has_pnr) (void)pnr_text_read(c->personnummer, 0, &p->pnr);
    fix_birth(p, c);
    p->spans_at = (uint32_t)l->spans_at;
    p->guardians_at = (uint32_t)l->guardians_at;
    p->units_at = (uint32_t)l->units_at;
    p->contents_at = (uint32_t)l->contents_at;
    p->grants_at = (uint32_t)l->grants_at;
    builder b = {p,
                 c,
                 (span *)(void *)(base + l->spans_at),
                 0,
                 (prep_guardian *)(void *)(base + l->guardians_at),
                 (prep_unit *)(void *)(base + l->units_at),
                 (prep_content *)(void *)(base + l->contents_at),
                 0,
                 (prep_grants *)(void *)(base + l->grants_at),
                 0,
                 {0}};
    p->citizen_locked = lock_set(&b);
    p->citizen_protected = periods_set(&b, c->protected_identity, c->protected_identity_periods,
                                       c->protected_identity_period_count);
    build_guardians(&b);
    p->whole_closes = seals_set(&b, WHOLE_PLAIN, NULL, 0, false);
    p->whole_content_first = b.contents_used;
    p->whole_filters = seals_set(&b, WHOLE_CONTENT, NULL, 0, true);
    p->whole_content_count = b.contents_used - p->whole_content_first;
    p->unit_any = seals_set(&b, UNIT_ANY, NULL, 0, false);
    build_units(&b);
    if (with_fingerprint) p->fingerprint = fingerprint(c);
    p->magic = PREPARED_MAGIC;
    return p;
}

/* ---- The public functions ------------------------------------------------------------------ */

static bool aligned(const void *p) {
    return (uintptr_t)p % alignof(max_align_t) == 0;
}

pv_status pv_prepare(const pv_citizen *citizen, void *storage, size_t size, pv_prepared **out,
                     pv_error *error) {
    if (out != NULL) *out = NULL;
    /* Fail closed: whatever happens below, the storage holds no record prepared before. */
    if (storage != NULL && aligned(storage) && size >= sizeof(pv_prepared)) {
        ((pv_prepared *)storage)->magic = 0;
    }
    if (error_unknown(error)) return PV_ERR_INVALID_INPUT;
    if (out == NULL) return error_invalid(error, "out", "is required");
    if (storage == NULL) return error_invalid(error, "storage", "is required");
    if (!aligned(storage)) {
        return error_invalid(error, "storage", "is not aligned for max_align_t");
    }
    pv_error err;
    pnr_text t;
    if (validate_record(citizen, &t, &err) != PV_OK) return error_report(error, &err);
    prep_layout l;
    prepared_layout(citizen, &l);
    if (size < l.total) {
        error_set(&err, PV_ERR_BUFFER_TOO_SMALL, PV_RULE_NONE, "size",
                  "is less than pv_prepared_size(citizen)");
        return error_report(error, &err);
    }
    *out = prepared_build(storage, citizen, &l, true);
    error_clear(error);
    return PV_OK;
}

pv_status pv_prepared_check(const pv_prepared *record, const pv_citizen *citizen, pv_error *error) {
    if (error_unknown(error)) return PV_ERR_INVALID_INPUT;
    if (!prepared_usable(record)) {
        return error_invalid(error, "record", "holds no prepared record (see pv_prepare)");
    }
    if (citizen == NULL) return error_invalid(error, "citizen", "is required");
    if (!prepared_citizen_same(record, citizen) || fingerprint(citizen) != record->fingerprint) {
        return error_invalid(error, "record",
                             "the citizen changed since it was prepared (prepare it again)");
    }
    error_clear(error);
    return PV_OK;
}
