/*
 * pvj_record.c — the records of the Java binding: decoding the bytes of org.portvakt.Codec into
 * a pv_citizen that owns its memory, and the calls that decide against it (pvj_record.h).
 */
#include "pvj_record.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The packed decision keeps 24 reason bits and 7 rule bits: a library with more must widen it. */
_Static_assert(PV_REASON_COUNT <= 24, "pvj_pack_decision keeps 24 reason bits");
_Static_assert(PV_RULE_COUNT <= 128, "pvj_pack_decision keeps 7 rule bits");

/* Records made and not yet freed (pvj_record_live): the one counter of the binding, atomic. */
static atomic_llong live_records;

struct pvj_record {
    pv_citizen citizen;
    void *storage;         /* the prepared storage, or NULL */
    pv_prepared *prepared; /* into 'storage', or NULL */
    /* The arrays and strings of 'citizen' follow in the same allocation. */
};

/* ---- Reading the encoding ------------------------------------------------------------------ */

/* A cursor over the bytes; 'fill' is false in the first pass, which only measures. */
typedef struct reader {
    const int8_t *bytes;
    int32_t length;
    int32_t at;
    bool bad;
    char *strings; /* where the next string is copied (second pass) */
    size_t string_bytes;
} reader;

static int32_t read_int(reader *r) {
    if (r->bad || r->length - r->at < 4) {
        r->bad = true;
        return 0;
    }
    const uint8_t *p = (const uint8_t *)r->bytes + r->at;
    r->at += 4;
    return (int32_t)((uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
                     (uint32_t)p[3] << 24);
}

/* A count of elements: not negative, and not more than the bytes left could hold. */
static size_t read_count(reader *r) {
    int32_t n = read_int(r);
    if (n < 0 || n > r->length - r->at) {
        r->bad = true;
        return 0;
    }
    return (size_t)n;
}

/* A string: its length (-1 for NULL), its bytes and a NUL. Returns a pointer into 'strings' in
   the second pass (a copy), into the bytes in the first, or NULL. */
static const char *read_string(reader *r) {
    int32_t n = read_int(r);
    if (n == -1 || r->bad) return NULL;
    if (n < 0 || n >= r->length - r->at || r->bytes[r->at + n] != 0) {
        r->bad = true;
        return NULL;
    }
    const char *text = (const char *)r->bytes + r->at;
    r->at += n + 1;
    r->string_bytes += (size_t)n + 1;
    if (r->strings == NULL) return text;
    char *copy = r->strings;
    memcpy(copy, text, (size_t)n + 1);
    r->strings += n + 1;
    return copy;
}

static pv_date read_date(reader *r) {
    return pvj_unpack_date(read_int(r));
}

static bool read_flag(reader *r) {
    return read_int(r) != 0;
}

static pv_interval read_interval(reader *r) {
    pv_interval i;
    i.from = read_date(r);
    i.until = read_date(r);
    return i;
}

/* The arrays of one record, laid out after the struct. In the first pass only the counts. */
typedef struct layout {
    size_t locks, protections, seals, guardians, grants, representatives, periods;
    pv_lock_period *lock;
    pv_interval *protection;
    pv_seal *seal;
    pv_guardian *guardian;
    pv_grant *grant;
    pv_representative *representative;
    pv_interval *period; /* every guardian's periods, one after another */
} layout;

/* Each reader of an array: the count, then the elements; in the first pass ('fill' false) it
   only moves the cursor. */

static void read_locks(reader *r, layout *a, bool fill) {
    a->locks = read_count(r);
    for (size_t i = 0; i < a->locks && !r->bad; i++) {
        pv_lock_period p = PV_LOCK_PERIOD_INIT;
        p.when = read_interval(r);
        p.requested_by = (pv_requester)read_int(r);
        p.case_number = read_string(r);
        if (fill) a->lock[i] = p;
    }
}

static void read_protections(reader *r, layout *a, bool fill) {
    a->protections = read_count(r);
    for (size_t i = 0; i < a->protections && !r->bad; i++) {
        pv_interval p = read_interval(r);
        if (fill) a->protection[i] = p;
    }
}

static void read_seals(reader *r, layout *a, bool fill) {
    a->seals = read_count(r);
    for (size_t i = 0; i < a->seals && !r->bad; i++) {
        pv_seal s = PV_SEAL_INIT;
        s.scope = (pv_seal_scope)read_int(r);
        s.unit = read_string(r);
        s.active = read_interval(r);
        s.has_content = read_flag(r);
        s.content = read_interval(r);
        s.requested_by = (pv_requester)read_int(r);
        if (fill) a->seal[i] = s;
    }
}

/* The periods of one fact of a guardian, appended to a->period; returns where they start. */
static const pv_interval *read_periods(reader *r, layout *a, bool fill, size_t *count) {
    const pv_interval *first = fill ? a->period + a->periods : NULL;
    *count = read_count(r);
    for (size_t j = 0; j < *count && !r->bad; j++) {
        pv_interval p = read_interval(r);
        if (fill) a->period[a->periods] = p;
        a->periods++;
    }
    return *count > 0 ? first : NULL;
}

static void read_guardians(reader *r, layout *a, bool fill) {
    a->guardians = read_count(r);
    a->periods = 0;
    for (size_t i = 0; i < a->guardians && !r->bad; i++) {
        pv_guardian g = PV_GUARDIAN_INIT;
        g.id = read_string(r);
        g.blocked = read_flag(r);
        g.protected_identity = read_flag(r);
        g.blocked_periods = read_periods(r, a, fill, &g.blocked_period_count);
        g.protected_identity_periods = read_periods(r, a, fill, &g.protected_identity_period_count);
        if (fill) a->guardian[i] = g;
    }
}

static void read_grants(reader *r, layout *a, bool fill) {
    a->grants = read_count(r);
    for (size_t i = 0; i < a->grants && !r->bad; i++) {
        pv_grant g = PV_GRANT_INIT;
        g.holder = read_string(r);
        g.unit = read_string(r);
        g.from = read_date(r);
        g.until = read_date(r);
        if (fill) a->grant[i] = g;
    }
}

static void read_representatives(reader *r, layout *a, bool fill) {
    a->representatives = read_count(r);
    for (size_t i = 0; i < a->representatives && !r->bad; i++) {
        pv_representative p = PV_REPRESENTATIVE_INIT;
        p.id = read_string(r);
        p.kind = (pv_representative_kind)read_int(r);
        p.cares_for_person = read_flag(r);
        p.consent = read_flag(r);
        p.court_order = read_flag(r);
        p.from = read_date(r);
        p.until = read_date(r);
        if (fill) a->representative[i] = p;
    }
}

/* Reads the citizen into 'c', in the order org.portvakt.Codec writes it. In the first pass
   ('fill' false) it only counts and measures. */
static void read_citizen(reader *r, layout *a, pv_citizen *c, bool fill) {
    c->birth_date = read_date(r);
    c->personnummer = read_string(r);
    c->protected_identity = read_flag(r);
    c->login_locked = read_flag(r);
    c->login_lock_requested_by = (pv_requester)read_int(r);
    c->login_lock_case_number = read_string(r);
    read_locks(r, a, fill);
    read_protections(r, a, fill);
    read_seals(r, a, fill);
    read_guardians(r, a, fill);
    read_grants(r, a, fill);
    read_representatives(r, a, fill);
    if (r->at != r->length) r->bad = true;
    if (!fill) return;
    c->login_lock_periods = a->lock;
    c->login_lock_period_count = a->locks;
    c->protected_identity_periods = a->protection;
    c->protected_identity_period_count = a->protections;
    c->seals = a->seal;
    c->seal_count = a->seals;
    c->guardians = a->guardian;
    c->guardian_count = a->guardians;
    c->grants = a->grant;
    c->grant_count = a->grants;
    c->representatives = a->representative;
    c->representative_count = a->representatives;
}

static void fail(pv_error *error, pv_status status, pv_rule rule, const char *field,
                 const char *message) {
    if (error == NULL) return;
    error->status = status;
    error->rule = rule;
    (void)snprintf(error->field, sizeof error->field, "%s", field);
    error->message = message;
}

/* Rounds 'size' up to a multiple of the alignment of every type laid out in the record. */
static size_t aligned(size_t size) {
    size_t a = _Alignof(max_align_t);
    return (size + a - 1) / a * a;
}

pvj_record *pvj_record_new(const int8_t *bytes, int32_t length, int32_t prepare,
                           pv_error *problem) {
    reader r = {bytes, length, 0, bytes == NULL || length < 0, NULL, 0};
    layout a = {0};
    pv_citizen probe = PV_CITIZEN_INIT;
    read_citizen(&r, &a, &probe, false);
    if (r.bad) {
        fail(problem, PV_ERR_INVALID_INPUT, PV_RULE_V1, "record", "is not an encoded citizen");
        return NULL;
    }
    size_t size = aligned(sizeof(pvj_record));
    size_t at_lock = size;
    size += aligned(a.locks * sizeof(pv_lock_period));
    size_t at_protection = size;
    size += aligned(a.protections * sizeof(pv_interval));
    size_t at_seal = size;
    size += aligned(a.seals * sizeof(pv_seal));
    size_t at_guardian = size;
    size += aligned(a.guardians * sizeof(pv_guardian));
    size_t at_period = size;
    size += aligned(a.periods * sizeof(pv_interval));
    size_t at_grant = size;
    size += aligned(a.grants * sizeof(pv_grant));
    size_t at_representative = size;
    size += aligned(a.representatives * sizeof(pv_representative));
    size_t at_strings = size;
    size += r.string_bytes + 1;
    char *block = calloc(1, size);
    if (block == NULL) {
        fail(problem, PV_ERR_INVALID_INPUT, PV_RULE_NONE, "memory", "could not be allocated");
        return NULL;
    }
    pvj_record *record = (pvj_record *)(void *)block;
    atomic_fetch_add(&live_records, 1);
    pv_citizen init = PV_CITIZEN_INIT;
    record->citizen = init;
    a.lock = (pv_lock_period *)(void *)(block + at_lock);
    a.protection = (pv_interval *)(void *)(block + at_protection);
    a.seal = (pv_seal *)(void *)(block + at_seal);
    a.guardian = (pv_guardian *)(void *)(block + at_guardian);
    a.period = (pv_interval *)(void *)(block + at_period);
    a.grant = (pv_grant *)(void *)(block + at_grant);
    a.representative = (pv_representative *)(void *)(block + at_representative);
    reader fill = {bytes, length, 0, false, block + at_strings, 0};
    read_citizen(&fill, &a, &record->citizen, true);
    if (prepare) {
        size_t need = pv_prepared_size(&record->citizen);
        record->storage = malloc(need > 0 ? need : 1);
        if (record->storage == NULL) {
            pvj_record_free(record);
            fail(problem, PV_ERR_INVALID_INPUT, PV_RULE_NONE, "memory", "could not be allocated");
            return NULL;
        }
        if (pv_prepare(&record->citizen, record->storage, need, &record->prepared, problem) !=
            PV_OK) {
            pvj_record_free(record);
            return NULL;
        }
    }
    return record;
}

void pvj_record_free(pvj_record *record) {
    if (record == NULL) return;
    atomic_fetch_sub(&live_records, 1);
    free(record->storage);
    free(record);
}

int64_t pvj_record_live(void) {
    return (int64_t)atomic_load(&live_records);
}

int32_t pvj_record_prepared(const pvj_record *record) {
    return record != NULL && record->prepared != NULL;
}

/* ---- Deciding ------------------------------------------------------------------------------ */

int32_t pvj_pack_date(pv_date date) {
    return (int32_t)((uint32_t)(uint16_t)date.year << 9 | (uint32_t)(date.month & 15u) << 5 |
                     (uint32_t)(date.day & 31u));
}

pv_date pvj_unpack_date(int32_t packed) {
    pv_date d;
    uint32_t p = (uint32_t)packed;
    d.year = (int16_t)(uint16_t)(p >> 9);
    d.month = (uint8_t)(p >> 5 & 15u);
    d.day = (uint8_t)(p & 31u);
    return d;
}

int64_t pvj_pack_decision(const pv_decision *d) {
    uint64_t word = (uint64_t)(d->reasons & 0xFFFFFFu);
    word |= (uint64_t)((unsigned)d->reason & 31u) << 24;
    word |= (uint64_t)((unsigned)d->rule & 127u) << 29;
    word |= (uint64_t)(d->effect == PV_EFFECT_PERMIT) << 36;
    word |= (uint64_t)d->filtered << 37;
    word |= (uint64_t)((uint32_t)pvj_pack_date(d->changes_on) & 0x7FFFFFu) << 38;
    return (int64_t)word;
}

/* Reads one query (an actor and a service) at the cursor. Strings point into the bytes. */
static void read_query(reader *r, pv_actor *actor, pv_service *service) {
    actor->kind = (pv_actor_kind)read_int(r);
    actor->id = read_string(r);
    actor->eid = (pv_eid)read_int(r);
    actor->login_locked = read_flag(r);
    actor->journal_sealed = read_flag(r);
    service->kind = (pv_service_kind)read_int(r);
    service->channel = (pv_channel)read_int(r);
    service->unit = read_string(r);
    service->entry_date = read_date(r);
}

static pv_status decide(const pvj_record *record, const pv_actor *actor, const pv_service *service,
                        pv_date on, pv_decision *out, pv_error *error) {
    if (record->prepared != NULL)
        return pv_evaluate_prepared(record->prepared, &record->citizen, actor, service, on, out,
                                    error);
    return pv_evaluate(&record->citizen, actor, service, on, out, error);
}

int64_t pvj_evaluate(const pvj_record *record, const int8_t *query, int32_t length, pv_date on,
                     pv_error *problem) {
    pv_decision d = PV_DECISION_INIT;
    pv_actor actor = PV_ACTOR_INIT;
    pv_service service = PV_SERVICE_INIT;
    reader r = {query, length, 0, query == NULL || length < 0, NULL, 0};
    read_query(&r, &actor, &service);
    if (record == NULL || r.bad || r.at != length) {
        fail(problem, PV_ERR_INVALID_INPUT, PV_RULE_V1, "record", "is not an encoded query");
        return pvj_pack_decision(&d);
    }
    (void)decide(record, &actor, &service, on, &d, problem);
    return pvj_pack_decision(&d);
}

/* Writes "queries[i]." before the field of 'error' (cut at the end if it must be). */
static void prefix_field(pv_error *error, int32_t i) {
    char path[PV_FIELD_PATH_SIZE];
    int n = snprintf(path, sizeof path, "queries[%d].", (int)i);
    size_t used = n > 0 ? (size_t)n : 0;
    size_t rest = strlen(error->field);
    if (used + rest >= sizeof path) rest = sizeof path - 1 - used;
    memcpy(path + used, error->field, rest);
    path[used + rest] = '\0';
    memcpy(error->field, path, sizeof path);
}

int32_t pvj_evaluate_many(const pvj_record *record, const int8_t *queries, int32_t length,
                          int32_t count, pv_date on, int64_t *outcomes, int32_t capacity,
                          pv_error *problem) {
    reader r = {queries, length, 0, queries == NULL || length < 0, NULL, 0};
    bool failed = false;
    int32_t i = 0;
    if (record == NULL || count > capacity || outcomes == NULL) {
        fail(problem, PV_ERR_INVALID_INPUT, PV_RULE_V1, "record", "is not an encoded batch");
        return 0;
    }
    for (; i < count; i++) {
        pv_decision d = PV_DECISION_INIT;
        pv_actor actor = PV_ACTOR_INIT;
        pv_service service = PV_SERVICE_INIT;
        read_query(&r, &actor, &service);
        if (r.bad) {
            fail(problem, PV_ERR_INVALID_INPUT, PV_RULE_V1, "record", "is not an encoded batch");
            return i;
        }
        pv_error own = PV_ERROR_INIT;
        if (decide(record, &actor, &service, on, &d, &own) != PV_OK && !failed) {
            failed = true;
            if (problem != NULL) {
                *problem = own;
                prefix_field(problem, i);
            }
        }
        outcomes[i] = pvj_pack_decision(&d);
    }
    if (!failed && problem != NULL) {
        pv_error ok = PV_ERROR_INIT;
        *problem = ok;
    }
    return i;
}

/* The index of 'id' among the guardians (kind guardian) or representatives, or -1. */
static int32_t actor_index(const pv_citizen *c, pv_actor_kind kind, const char *id) {
    if (kind == PV_ACTOR_GUARDIAN) {
        for (size_t i = 0; i < c->guardian_count; i++)
            if (c->guardians[i].id == id) return (int32_t)i;
    } else if (kind == PV_ACTOR_REPRESENTATIVE) {
        for (size_t i = 0; i < c->representative_count; i++)
            if (c->representatives[i].id == id) return (int32_t)i;
    }
    return -1;
}

/* The unit of a row as 0 (none), 1 + a seal's index or (1 << 20) + a grant's index. */
static int64_t unit_ref(const pv_citizen *c, const char *unit) {
    if (unit == NULL) return 0;
    for (size_t i = 0; i < c->seal_count; i++)
        if (c->seals[i].unit == unit) return 1 + (int64_t)i;
    for (size_t i = 0; i < c->grant_count; i++)
        if (c->grants[i].unit == unit) return ((int64_t)1 << 20) + (int64_t)i;
    return 0;
}

int32_t pvj_who_can_see(const pvj_record *record, pv_date on, int64_t *rows, int32_t capacity,
                        pv_error *problem) {
    size_t count = 0;
    if (record == NULL) {
        fail(problem, PV_ERR_INVALID_INPUT, PV_RULE_V1, "record", "is missing");
        return 0;
    }
    pv_status s = pv_who_can_see(&record->citizen, on, NULL, 0, &count, problem);
    if (s == PV_ERR_INVALID_INPUT) return 0;
    if (count == 0 || (size_t)capacity < 2 * count || rows == NULL) {
        pv_error ok = PV_ERROR_INIT;
        if (problem != NULL) *problem = ok;
        return (int32_t)count;
    }
    pv_access_row *found = malloc(count * sizeof *found);
    if (found == NULL) {
        fail(problem, PV_ERR_INVALID_INPUT, PV_RULE_NONE, "memory", "could not be allocated");
        return 0;
    }
    pv_access_row init = PV_ACCESS_ROW_INIT;
    found[0] = init;
    if (pv_who_can_see(&record->citizen, on, found, count, &count, problem) != PV_OK) {
        free(found);
        return 0;
    }
    for (size_t i = 0; i < count; i++) {
        const pv_access_row *row = &found[i];
        int64_t meta = (int64_t)((unsigned)row->actor_kind & 15u) |
                       (int64_t)((unsigned)row->service & 15u) << 4 |
                       (int64_t)((unsigned)row->channel & 15u) << 8 |
                       (int64_t)(actor_index(&record->citizen, row->actor_kind, row->actor_id) + 1)
                           << 12 |
                       unit_ref(&record->citizen, row->unit) << 32;
        rows[2 * i] = pvj_pack_decision(&row->decision);
        rows[2 * i + 1] = meta;
    }
    free(found);
    return (int32_t)count;
}

int32_t pvj_timeline(const pvj_record *record, const int8_t *query, int32_t length, pv_date from,
                     pv_date until, int64_t *steps, int32_t capacity, pv_error *problem) {
    pv_actor actor = PV_ACTOR_INIT;
    pv_service service = PV_SERVICE_INIT;
    reader r = {query, length, 0, query == NULL || length < 0, NULL, 0};
    read_query(&r, &actor, &service);
    if (record == NULL || r.bad || r.at != length) {
        fail(problem, PV_ERR_INVALID_INPUT, PV_RULE_V1, "record", "is not an encoded query");
        return 0;
    }
    size_t count = 0;
    pv_status s =
        pv_timeline(&record->citizen, &actor, &service, from, until, NULL, 0, &count, problem);
    if (s == PV_ERR_INVALID_INPUT) return 0;
    if (count == 0 || (size_t)capacity < 2 * count || steps == NULL) {
        pv_error ok = PV_ERROR_INIT;
        if (problem != NULL) *problem = ok;
        return (int32_t)count;
    }
    pv_timeline_step *found = malloc(count * sizeof *found);
    if (found == NULL) {
        fail(problem, PV_ERR_INVALID_INPUT, PV_RULE_NONE, "memory", "could not be allocated");
        return 0;
    }
    pv_timeline_step init = PV_TIMELINE_STEP_INIT;
    found[0] = init;
    if (pv_timeline(&record->citizen, &actor, &service, from, until, found, count, &count,
                    problem) != PV_OK) {
        free(found);
        return 0;
    }
    for (size_t i = 0; i < count; i++) {
        steps[2 * i] = pvj_pack_date(found[i].from);
        steps[2 * i + 1] = pvj_pack_decision(&found[i].decision);
    }
    free(found);
    return (int32_t)count;
}
