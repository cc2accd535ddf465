/*
 * fuzz_beyond.c — the questions beyond a yes/no on inputs decoded from arbitrary bytes:
 * pv_who_can_see, pv_timeline, pv_advise, pv_plan_measures and pv_may_change (RULES.md sections
 * 3, 5 and 7, T1).
 *
 * The bytes decode as in fuzz_evaluate.c (fuzz_record.h): a date, a citizen (sometimes NULL;
 * sometimes grown past PV_PLAN_MAX_RECORD seals or guardians, sometimes to the caps of RULES.md
 * section 8 or one past them, sometimes with one struct's version spoiled), then the arguments of each
 * function in turn: capacities of 0, a few, one less than needed, exactly and more than needed
 * (every buffer a heap block of exactly that many elements, or NULL when the capacity is 0),
 * an actor and a service, a span of dates, a goal, a role, an action and a measure index, with
 * enums out of range and dates invalid.
 *
 * The invariants, each one the header promises (a violation aborts):
 *   - every status is PV_OK or one of the errors the function documents;
 *   - a malformed citizen (as pv_validate sees it) is PV_ERR_INVALID_INPUT, with '*count' 0 and
 *     the pv_error naming the field pv_validate names (a field, a message, rule V1);
 *   - an output array whose element 0 is left uninitialised (version 0) is PV_ERR_INVALID_INPUT
 *     naming "rows[0].version", "steps[0].version" or "items[0].version";
 *   - on PV_OK '*count' <= capacity; on PV_ERR_BUFFER_TOO_SMALL '*count' > capacity and is the
 *     count a large enough buffer gets; a small buffer gets the first items of the full answer;
 *   - pv_who_can_see: one row per actor named in the record (self, guardians, representatives)
 *     and per e-services, whole journal and distinct unit of the record (first mention first),
 *     each with its channel (the portal for the e-services, direct for the journal) and the
 *     decision of pv_evaluate for that actor with BankID through it;
 *   - pv_timeline: the first step is 'from', each further step the changes_on of the one before
 *     (T1), each decision that of pv_evaluate on its date, the last change none or after 'until';
 *   - pv_advise: each item as its kind documents it (a blocked guardian, protected identity, a
 *     locked login); a locked login without a case number is always reported (X1);
 *   - pv_plan_measures: on PV_OK the measures of the routines (M-ALL, M-GUARD, J2, J4), a proof
 *     on max(on, goal.from) that holds (J1, J2, J4, G3, E2), and the goal checked again here on
 *     the record with the unconditional measures applied; on error the pv_error names the field
 *     (a goal of version 0: "goal.version");
 *   - pv_may_change: PV_ERR_INVALID_INPUT exactly for a role or action out of range, a malformed
 *     citizen, a measure index that names nothing or an unseal without one ("measure"), and then
 *     a denial; else a part, a rule of
 *     X1 to X7 and at most PV_MAY_MAX_CONDITIONS conditions.
 */
#include <limits.h>

#include "fuzz_record.h"

enum {
    /* Steps asked of pv_timeline at most: far more than the change dates of MAX_ITEMS items. */
    FULL_STEPS = 512
};

/* ---- Comparisons, capacities and buffers --------------------------------------------------- */

static bool same_answer(const pv_decision *a, const pv_decision *b) {
    return a->effect == b->effect && a->reason == b->reason && a->filtered == b->filtered;
}

static bool same_decision(const pv_decision *a, const pv_decision *b) {
    return a->version == b->version && same_answer(a, b) && a->reasons == b->reasons &&
           a->rule == b->rule &&
           memcmp(a->reason_rules, b->reason_rules, sizeof a->reason_rules) == 0 &&
           pv_date_compare(a->changes_on, b->changes_on) == 0;
}

/* The error of a call that failed for invalid input: a field, a message, rule V1. */
static void check_invalid_error(const pv_error *err) {
    FUZZ_CHECK(err->version == PV_ERROR_VERSION && err->status == PV_ERR_INVALID_INPUT);
    FUZZ_CHECK(memchr(err->field, '\0', sizeof err->field) != NULL && err->field[0] != '\0');
    FUZZ_CHECK(err->message != NULL && err->rule == PV_RULE_V1);
}

/* A fresh error with garbage in everything but its version, so that the library must write it. */
static pv_error garbage_error(void) {
    pv_error err;
    memset(&err, 0xA5, sizeof err);
    err.version = PV_ERROR_VERSION;
    return err;
}

/* The citizen asking with BankID, and a service, each as its PV_*_INIT makes it. */
static pv_actor bankid_actor(pv_actor_kind kind, const char *id) {
    pv_actor a = PV_ACTOR_INIT;
    a.kind = kind;
    a.id = id;
    a.eid = PV_EID_BANKID;
    return a;
}

static pv_service service_of(pv_service_kind kind, pv_channel channel, const char *unit) {
    pv_service s = PV_SERVICE_INIT;
    s.kind = kind;
    s.channel = channel;
    s.unit = unit;
    return s;
}

static bool field_terminated(const char *field, size_t size) {
    return memchr(field, '\0', size) != NULL;
}

/* Whether the citizen and 'on' are well-formed, as pv_validate sees them: asked for the citizen
   with BankID on the e-services, only the citizen and the date can be wrong. */
static bool citizen_valid(const pv_citizen *c, pv_date on, pv_error *why) {
    pv_actor self = bankid_actor(PV_ACTOR_SELF, NULL);
    pv_service e_services = service_of(PV_SERVICE_E_SERVICES, PV_CHANNEL_PORTAL, NULL);
    *why = (pv_error)PV_ERROR_INIT;
    return pv_validate(c, &self, &e_services, on, why) == PV_OK;
}

/* A capacity for an answer of 'needed' items: 0, a few, one less, exactly or a few more. */
static size_t next_capacity(decoder *dc, size_t needed) {
    uint8_t b = next(dc);
    switch (b % 5) {
    case 0: return 0;
    case 1: return (size_t)(b >> 6);
    case 2: return needed > 0 ? needed - 1 : 0;
    case 3: return needed;
    default: return needed + (size_t)(b >> 6);
    }
}

/* A buffer of exactly 'capacity' items of 'size' bytes filled with garbage but for the version
   of element 0 (every output struct begins with 'uint32_t version'), or NULL when the capacity
   is 0 and the input says so (the functions allow NULL with a capacity of 0). The same byte
   sometimes (bit 7) leaves element 0 uninitialised (version 0): '*spoiled' says so. */
static void *next_buffer(decoder *dc, size_t capacity, size_t size, uint32_t version,
                         bool *spoiled) {
    uint8_t b = next(dc);
    bool null_when_empty = (b & 1u) != 0;
    *spoiled = false;
    if (capacity == 0 && null_when_empty) return NULL;
    void *buf = malloc(capacity * size);
    if (buf == NULL && capacity > 0) abort();
    if (buf != NULL && capacity > 0) {
        memset(buf, 0xA5, capacity * size);
        *spoiled = (b & 0x80u) != 0;
        uint32_t first = *spoiled ? 0u : version;
        memcpy(buf, &first, sizeof first);
    }
    return buf;
}

static bool is_status(pv_status status) {
    return status == PV_OK || status == PV_ERR_INVALID_INPUT || status == PV_ERR_BUFFER_TOO_SMALL;
}

/* The i-th distinct unit named in the record (seals, then grants, first mention first), or NULL
   past the last. */
static const char *record_unit(const pv_citizen *c, size_t wanted) {
    size_t seen = 0;
    for (size_t i = 0; i < c->seal_count + c->grant_count; i++) {
        const char *u = i < c->seal_count ? c->seals[i].unit : c->grants[i - c->seal_count].unit;
        if (u == NULL) continue;
        bool earlier = false;
        for (size_t j = 0; j < i && !earlier; j++) {
            const char *v =
                j < c->seal_count ? c->seals[j].unit : c->grants[j - c->seal_count].unit;
            earlier = v != NULL && strcmp(u, v) == 0;
        }
        if (!earlier && seen++ == wanted) return u;
    }
    return NULL;
}

/* ---- A record larger than the planner holds, or at the caps ---------------------------------- */

/* Sometimes (0xF0 to 0xFF) replaces the seals (with whole seals always in force, which are
   valid) or the guardians (with distinct ids) by PV_PLAN_MAX_RECORD - 2 to
   PV_PLAN_MAX_RECORD + 5 of them, the decoded ones first; sometimes (0xE0 to 0xEF) grows the
   record to the caps of RULES.md section 8 or one past (fuzz_record.h, grow_to_caps); sometimes
   (0xC0 to 0xDF) spoils the version of one of the citizen's structs. */
static void maybe_grow(decoder *dc, pv_citizen *c) {
    uint8_t b = next(dc);
    if ((b & 0xF0u) == 0xE0u) {
        grow_to_caps(dc, c, b);
        return;
    }
    if ((b & 0xE0u) == 0xC0u) {
        spoil_version(c, NULL, NULL, b);
        return;
    }
    if ((b & 0xF0u) != 0xF0u) return;
    size_t n = PV_PLAN_MAX_RECORD - 2 + (size_t)(b & 7u);
    if (b & 8u) {
        pv_seal *seals = arena_keep(&dc->mem, calloc(n, sizeof *seals));
        if (seals == NULL) return;
        for (size_t i = 0; i < n; i++) {
            seals[i] = (pv_seal)PV_SEAL_INIT;
            seals[i].scope = PV_SEAL_WHOLE;
        }
        for (size_t i = 0; i < c->seal_count && c->seals != NULL; i++) seals[i] = c->seals[i];
        c->seals = seals;
        c->seal_count = n;
        return;
    }
    pv_guardian *guardians = arena_keep(&dc->mem, calloc(n, sizeof *guardians));
    char *ids = arena_keep(&dc->mem, malloc(n * 8));
    if (guardians == NULL || ids == NULL) return;
    for (size_t i = 0; i < n; i++) {
        if (i < c->guardian_count && c->guardians != NULL) {
            guardians[i] = c->guardians[i];
        } else {
            (void)snprintf(&ids[i * 8], 8, "x%03zu", i);
            guardians[i] = (pv_guardian)PV_GUARDIAN_INIT;
            guardians[i].id = &ids[i * 8];
        }
    }
    c->guardians = guardians;
    c->guardian_count = n;
}

/* ---- pv_who_can_see ------------------------------------------------------------------------ */

/* The rows 0 .. count - 1 of the full answer: actor by actor (the citizen, each guardian, each
   representative, BankID), the e-services through the portal, the whole journal and each unit of
   the record through the direct channel, each with the decision of pv_evaluate. */
static void check_rows(const pv_citizen *c, pv_date on, const pv_access_row *rows, size_t count) {
    size_t units = 0;
    while (record_unit(c, units) != NULL) units++;
    size_t per_actor = 2 + units;
    for (size_t n = 0; n < count; n++) {
        size_t a = n / per_actor;
        size_t q = n % per_actor;
        const pv_access_row *row = &rows[n];
        pv_actor actor = bankid_actor(PV_ACTOR_SELF, NULL);
        if (a > 0 && a <= c->guardian_count) {
            actor.kind = PV_ACTOR_GUARDIAN;
            actor.id = c->guardians[a - 1].id;
        } else if (a > c->guardian_count) {
            actor.kind = PV_ACTOR_REPRESENTATIVE;
            actor.id = c->representatives[a - 1 - c->guardian_count].id;
        }
        FUZZ_CHECK(row->version == PV_ACCESS_ROW_VERSION);
        FUZZ_CHECK(row->actor_kind == actor.kind);
        FUZZ_CHECK(row->actor_id == actor.id);
        pv_service service = service_of(q == 0 ? PV_SERVICE_E_SERVICES : PV_SERVICE_JOURNAL,
                                        q == 0 ? PV_CHANNEL_PORTAL : PV_CHANNEL_DIRECT,
                                        q >= 2 ? record_unit(c, q - 2) : NULL);
        FUZZ_CHECK(row->service == service.kind);
        FUZZ_CHECK(row->channel == service.channel);
        if (service.unit == NULL) {
            FUZZ_CHECK(row->unit == NULL);
        } else {
            FUZZ_CHECK(row->unit != NULL && strcmp(row->unit, service.unit) == 0);
        }
        pv_decision expected = PV_DECISION_INIT;
        FUZZ_CHECK(pv_evaluate(c, &actor, &service, on, &expected, NULL) == PV_OK);
        FUZZ_CHECK(same_decision(&row->decision, &expected));
    }
}

static void check_who_can_see(decoder *dc, const pv_citizen *c, pv_date on) {
    pv_error why;
    bool valid = citizen_valid(c, on, &why);
    /* The size first, as the header suggests. */
    size_t needed = 12345;
    pv_error err = garbage_error();
    pv_status status = pv_who_can_see(c, on, NULL, 0, &needed, &err);
    size_t expected = 0;
    if (valid) {
        size_t units = 0;
        while (record_unit(c, units) != NULL) units++;
        expected = (1 + c->guardian_count + c->representative_count) * (2 + units);
        FUZZ_CHECK(status == PV_ERR_BUFFER_TOO_SMALL && needed == expected);
        FUZZ_CHECK(err.status == status && err.rule == PV_RULE_NONE);
    } else {
        FUZZ_CHECK(status == PV_ERR_INVALID_INPUT && needed == 0);
        check_invalid_error(&err);
        FUZZ_CHECK(strcmp(err.field, why.field) == 0);
    }

    size_t capacity = next_capacity(dc, expected);
    bool spoiled;
    pv_access_row *rows = next_buffer(dc, capacity, sizeof *rows, PV_ACCESS_ROW_VERSION, &spoiled);
    size_t count = 12345;
    err = garbage_error();
    status = pv_who_can_see(c, on, rows, capacity, &count, &err);
    FUZZ_CHECK(is_status(status));
    if (!valid || spoiled) {
        FUZZ_CHECK(status == PV_ERR_INVALID_INPUT && count == 0);
        check_invalid_error(&err);
        if (!valid) {
            if (!spoiled) FUZZ_CHECK(strcmp(err.field, why.field) == 0);
        } else {
            FUZZ_CHECK(strcmp(err.field, "rows[0].version") == 0);
        }
    } else if (capacity < expected) {
        FUZZ_CHECK(status == PV_ERR_BUFFER_TOO_SMALL && count == expected);
        FUZZ_CHECK(err.status == status && err.rule == PV_RULE_NONE);
    } else {
        FUZZ_CHECK(status == PV_OK && count == expected && count <= capacity);
        check_rows(c, on, rows, count);
    }
    free(rows);
}

/* ---- pv_timeline --------------------------------------------------------------------------- */

static bool same_step(const pv_timeline_step *a, const pv_timeline_step *b) {
    return a->version == b->version && pv_date_compare(a->from, b->from) == 0 &&
           same_decision(&a->decision, &b->decision);
}

static void check_full_timeline(const pv_citizen *c, const pv_actor *a, const pv_service *s,
                                pv_date from, pv_date until, const pv_timeline_step *steps,
                                size_t count) {
    FUZZ_CHECK(count >= 1 && count <= FULL_STEPS);
    FUZZ_CHECK(pv_date_compare(steps[0].from, from) == 0);
    for (size_t i = 0; i < count; i++) {
        const pv_timeline_step *step = &steps[i];
        FUZZ_CHECK(step->version == PV_TIMELINE_STEP_VERSION);
        FUZZ_CHECK(pv_date_is_valid(step->from) && pv_date_compare(step->from, until) <= 0);
        pv_decision expected = PV_DECISION_INIT;
        pv_status status = pv_evaluate(c, a, s, step->from, &expected, NULL);
        /* Input valid on 'from' can be malformed on a later date only through the century of
           a ten-digit personnummer (N4); the timeline then ends with pv_evaluate()'s V1 deny. */
        FUZZ_CHECK(status == PV_OK || (status == PV_ERR_INVALID_INPUT && i > 0 && i == count - 1 &&
                                       c->personnummer != NULL));
        FUZZ_CHECK(same_decision(&step->decision, &expected));
        if (i > 0) {
            /* T1: a step starts on the date the one before changes. */
            FUZZ_CHECK(pv_date_compare(step->from, steps[i - 1].decision.changes_on) == 0);
            FUZZ_CHECK(pv_date_compare(step->from, steps[i - 1].from) > 0);
            /* A ten-digit personnummer is read against the evaluation date (N4): skipped. */
            if (c->personnummer == NULL) {
                FUZZ_CHECK(!same_answer(&step->decision, &steps[i - 1].decision));
            }
        }
    }
    pv_date last_change = steps[count - 1].decision.changes_on;
    FUZZ_CHECK(pv_date_is_none(last_change) || pv_date_compare(last_change, until) > 0);
}

static void check_timeline(decoder *dc, const pv_citizen *c, pv_date on) {
    pv_actor actor_value;
    pv_service service_value;
    decode_actor(dc, &actor_value);
    decode_service(dc, &service_value);
    uint8_t nulls = next(dc);
    bool nullable = (nulls & 0xF0u) == 0xF0u;
    const pv_actor *a = nullable && (nulls & 1u) ? NULL : &actor_value;
    const pv_service *s = nullable && (nulls & 2u) ? NULL : &service_value;

    /* A span: from 'on' or a date of its own, to a date of its own or some days later. */
    uint8_t mode = next(dc);
    pv_date from = (mode & 1u) ? next_date(dc) : on;
    pv_date until;
    if ((mode & 2u) || !pv_date_is_valid(from)) {
        until = next_date(dc);
    } else {
        int32_t days = (int32_t)take_u16(&dc->in) * ((mode & 4u) ? 4 : 1);
        until = pv_date_from_days(pv_date_to_days(from) + days);
    }
    bool dates_ok =
        pv_date_is_valid(from) && pv_date_is_valid(until) && pv_date_compare(until, from) >= 0;
    pv_error first = PV_ERROR_INIT;
    bool first_ok = dates_ok && pv_validate(c, a, s, from, &first) == PV_OK;

    pv_timeline_step *full = malloc(FULL_STEPS * sizeof *full);
    if (full == NULL) abort();
    memset(full, 0xA5, FULL_STEPS * sizeof *full);
    full[0].version = PV_TIMELINE_STEP_VERSION;
    size_t full_count = 12345;
    pv_error err = garbage_error();
    pv_status status = pv_timeline(c, a, s, from, until, full, FULL_STEPS, &full_count, &err);
    FUZZ_CHECK(is_status(status));
    if (!first_ok) {
        FUZZ_CHECK(status == PV_ERR_INVALID_INPUT && full_count == 0);
        check_invalid_error(&err);
        free(full);
        return;
    }
    FUZZ_CHECK(status != PV_ERR_INVALID_INPUT);
    if (status == PV_ERR_BUFFER_TOO_SMALL) {
        FUZZ_CHECK(full_count > FULL_STEPS);
        free(full);
        return;
    }
    check_full_timeline(c, a, s, from, until, full, full_count);

    size_t capacity = next_capacity(dc, full_count);
    bool spoiled;
    pv_timeline_step *steps =
        next_buffer(dc, capacity, sizeof *steps, PV_TIMELINE_STEP_VERSION, &spoiled);
    size_t count = 12345;
    err = garbage_error();
    status = pv_timeline(c, a, s, from, until, steps, capacity, &count, &err);
    if (spoiled) {
        FUZZ_CHECK(status == PV_ERR_INVALID_INPUT && count == 0);
        check_invalid_error(&err);
        FUZZ_CHECK(strcmp(err.field, "steps[0].version") == 0);
    } else {
        FUZZ_CHECK(count == full_count);
        FUZZ_CHECK(status == (capacity < full_count ? PV_ERR_BUFFER_TOO_SMALL : PV_OK));
        for (size_t i = 0; i < capacity && i < count; i++) {
            FUZZ_CHECK(same_step(&steps[i], &full[i]));
        }
    }
    free(steps);
    free(full);
}

/* ---- pv_advise ----------------------------------------------------------------------------- */

static bool routine_known(const char *routine) {
    return routine != NULL && (strcmp(routine, "M-GUARD") == 0 || strcmp(routine, "M-PROT") == 0 ||
                               strcmp(routine, "M-13") == 0 || strcmp(routine, "X1") == 0);
}

/* H1, H2: 'on' lies in one of the periods [from, until] (ends inclusive, open when none). */
static bool on_in(pv_date from, pv_date until, pv_date on) {
    return (pv_date_is_none(from) || pv_date_compare(from, on) <= 0) &&
           (pv_date_is_none(until) || pv_date_compare(on, until) <= 0);
}

static bool in_periods(const pv_interval *p, size_t n, pv_date on) {
    for (size_t i = 0; i < n; i++) {
        if (on_in(p[i].from, p[i].until, on)) return true;
    }
    return false;
}

/* H2: each fact of section 11 on 'on': its flag (one open period) or one of its periods. */
static bool citizen_locked_on(const pv_citizen *c, pv_date on) {
    bool locked = c->login_locked;
    for (size_t i = 0; i < c->login_lock_period_count; i++) {
        locked |=
            on_in(c->login_lock_periods[i].when.from, c->login_lock_periods[i].when.until, on);
    }
    return locked;
}

static bool guardian_blocked_on(const pv_guardian *g, pv_date on) {
    return g->blocked || in_periods(g->blocked_periods, g->blocked_period_count, on);
}

static bool guardian_protected_on(const pv_guardian *g, pv_date on) {
    return g->protected_identity ||
           in_periods(g->protected_identity_periods, g->protected_identity_period_count, on);
}

/* X1, H2: a lock in force on 'on' without a case number. */
static bool lock_without_case_number_on(const pv_citizen *c, pv_date on) {
    const char *flag_case = c->login_lock_case_number;
    bool missing = c->login_locked && (flag_case == NULL || flag_case[0] == '\0');
    for (size_t i = 0; i < c->login_lock_period_count; i++) {
        const pv_lock_period *p = &c->login_lock_periods[i];
        missing |= on_in(p->when.from, p->when.until, on) &&
                   (p->case_number == NULL || p->case_number[0] == '\0');
    }
    return missing;
}

static void check_advice(const pv_citizen *c, pv_date on, const pv_advice *items, size_t count) {
    /* H2: the advice reads every fact of section 11 on 'on'. */
    bool any_protected =
        c->protected_identity ||
        in_periods(c->protected_identity_periods, c->protected_identity_period_count, on);
    bool keeps_guardians = false;
    for (size_t g = 0; g < c->guardian_count; g++) {
        any_protected |= guardian_protected_on(&c->guardians[g], on);
        keeps_guardians |= !guardian_blocked_on(&c->guardians[g], on);
    }
    const bool locked = citizen_locked_on(c, on);
    const bool no_case_number = lock_without_case_number_on(c, on);
    bool x1_reported = false;
    for (size_t i = 0; i < count; i++) {
        const pv_advice *item = &items[i];
        FUZZ_CHECK((unsigned)item->kind < PV_ADVICE_KIND_COUNT);
        FUZZ_CHECK(routine_known(item->routine));
        FUZZ_CHECK(item->source != NULL && item->message != NULL);
        const pv_guardian *guardian = NULL;
        for (size_t g = 0; item->guardian != NULL && g < c->guardian_count; g++) {
            if (c->guardians[g].id == item->guardian) guardian = &c->guardians[g];
        }
        /* Points into the record when set. */
        FUZZ_CHECK(item->guardian == NULL || guardian != NULL);
        switch (item->kind) {
        case PV_ADVICE_BLOCK_WITHOUT_LOCK:
            FUZZ_CHECK(guardian != NULL && guardian_blocked_on(guardian, on) && !locked);
            break;
        case PV_ADVICE_PROTECTED_WITHOUT_MEASURES: FUZZ_CHECK(any_protected); break;
        case PV_ADVICE_CHILD_LOCK_CUTS_ALL_GUARDIANS: FUZZ_CHECK(locked && keeps_guardians); break;
        case PV_ADVICE_LOCK_WITHOUT_CASE_NUMBER:
            FUZZ_CHECK(no_case_number);
            x1_reported = true;
            break;
        case PV_ADVICE_KIND_COUNT:
        default: break; /* refused above */
        }
    }
    FUZZ_CHECK(x1_reported == no_case_number);
}

static bool same_advice(const pv_advice *a, const pv_advice *b) {
    return a->version == b->version && a->kind == b->kind && a->routine == b->routine &&
           a->source == b->source && a->guardian == b->guardian && a->message == b->message;
}

static void check_advise(decoder *dc, const pv_citizen *c, pv_date on) {
    pv_error why;
    bool valid = citizen_valid(c, on, &why);
    size_t needed = 12345;
    pv_error err = garbage_error();
    pv_status status = pv_advise(c, on, NULL, 0, &needed, &err);
    if (!valid) {
        FUZZ_CHECK(status == PV_ERR_INVALID_INPUT && needed == 0);
        check_invalid_error(&err);
        FUZZ_CHECK(strcmp(err.field, why.field) == 0);
    } else {
        FUZZ_CHECK(status == (needed == 0 ? PV_OK : PV_ERR_BUFFER_TOO_SMALL));
        FUZZ_CHECK(err.status == status);
    }
    if (!valid) return;

    bool spoiled;
    pv_advice *full = next_buffer(dc, needed, sizeof *full, PV_ADVICE_VERSION, &spoiled);
    size_t full_count = 12345;
    err = garbage_error();
    status = pv_advise(c, on, full, needed, &full_count, &err);
    if (spoiled) {
        FUZZ_CHECK(status == PV_ERR_INVALID_INPUT && full_count == 0);
        check_invalid_error(&err);
        FUZZ_CHECK(strcmp(err.field, "items[0].version") == 0);
        free(full);
        return;
    }
    FUZZ_CHECK(status == PV_OK && full_count == needed);
    for (size_t i = 0; i < full_count; i++) FUZZ_CHECK(full[i].version == PV_ADVICE_VERSION);
    check_advice(c, on, full, full_count);

    size_t capacity = next_capacity(dc, needed);
    pv_advice *items = next_buffer(dc, capacity, sizeof *items, PV_ADVICE_VERSION, &spoiled);
    size_t count = 12345;
    status = pv_advise(c, on, items, capacity, &count, NULL);
    if (spoiled) {
        FUZZ_CHECK(status == PV_ERR_INVALID_INPUT && count == 0);
    } else {
        FUZZ_CHECK(count == needed);
        FUZZ_CHECK(status == (capacity < needed ? PV_ERR_BUFFER_TOO_SMALL : PV_OK));
        for (size_t i = 0; i < capacity && i < count; i++) {
            FUZZ_CHECK(same_advice(&items[i], &full[i]));
        }
    }
    free(items);
    free(full);
}

/* ---- pv_plan_measures ---------------------------------------------------------------------- */

/* The goal checked again, independently of the planner's own proof: the record with the plan's
   unconditional measures applied, then the question the goal is about. */
static void check_goal_reached(const pv_citizen *c, const pv_goal *g, const pv_plan *p) {
    size_t seal_count = c->seal_count;
    pv_seal *seals = malloc((seal_count + PV_PLAN_MAX_MEASURES) * sizeof *seals);
    pv_guardian *guardians = malloc((c->guardian_count + 1) * sizeof *guardians);
    if (seals == NULL || guardians == NULL) abort();
    for (size_t i = 0; i < c->seal_count; i++) seals[i] = c->seals[i];
    for (size_t i = 0; i < c->guardian_count; i++) guardians[i] = c->guardians[i];
    pv_citizen applied = *c;
    for (size_t i = 0; i < p->measure_count; i++) {
        const pv_measure *m = &p->measures[i];
        if (m->condition != NULL) continue;
        if (m->action == PV_ACTION_LOCK_LOGIN) applied.login_locked = true;
        if (m->action == PV_ACTION_SEAL) seals[seal_count++] = m->seal;
        for (size_t k = 0; m->action == PV_ACTION_BLOCK_GUARDIAN && k < c->guardian_count; k++) {
            if (strcmp(guardians[k].id, m->guardian) == 0) guardians[k].blocked = true;
        }
    }
    applied.seals = seals;
    applied.seal_count = seal_count;
    applied.guardians = guardians;

    pv_actor actor = bankid_actor(PV_ACTOR_SELF, NULL);
    if (g->kind == PV_GOAL_GUARDIAN) {
        actor.kind = PV_ACTOR_GUARDIAN;
        actor.id = g->guardian;
    }
    pv_date on = p->proven_on;
    pv_decision d = PV_DECISION_INIT;
    for (int ch = 0; ch < PV_CHANNEL_COUNT; ch++) {
        pv_service s = service_of(PV_SERVICE_JOURNAL, (pv_channel)ch, NULL);
        switch (g->kind) {
        case PV_GOAL_NOTHING:
        case PV_GOAL_NO_JOURNAL:
        case PV_GOAL_GUARDIAN:
            FUZZ_CHECK(pv_decide(&applied, &actor, &s, on, &d, NULL) == PV_OK);
            FUZZ_CHECK(d.effect == PV_EFFECT_DENY);
            break;
        case PV_GOAL_HIDE_UNIT:
            s.unit = g->unit;
            FUZZ_CHECK(pv_decide(&applied, &actor, &s, on, &d, NULL) == PV_OK);
            FUZZ_CHECK(d.effect == PV_EFFECT_DENY);
            break;
        case PV_GOAL_HIDE_ENTRIES:
            s.unit = g->unit;
            s.entry_date = g->until;
            FUZZ_CHECK(pv_decide(&applied, &actor, &s, on, &d, NULL) == PV_OK);
            FUZZ_CHECK(d.effect == PV_EFFECT_DENY);
            break;
        case PV_GOAL_KIND_COUNT:
        default: FUZZ_CHECK((unsigned)g->kind < PV_GOAL_KIND_COUNT); break;
        }
    }
    if (g->kind == PV_GOAL_NOTHING || g->kind == PV_GOAL_GUARDIAN) {
        pv_service e = service_of(PV_SERVICE_E_SERVICES, PV_CHANNEL_PORTAL, NULL);
        FUZZ_CHECK(pv_decide(&applied, &actor, &e, on, &d, NULL) == PV_OK);
        FUZZ_CHECK(d.effect == PV_EFFECT_DENY);
    }
    free(guardians);
    free(seals);
}

/* The measures the routines call for (RULES.md section 5): at least these, unconditional. */
static bool has_measure(const pv_plan *p, pv_action action, pv_seal_scope scope, const char *unit) {
    for (size_t i = 0; i < p->measure_count; i++) {
        const pv_measure *m = &p->measures[i];
        if (m->action != action || m->condition != NULL) continue;
        if (action != PV_ACTION_SEAL) return true;
        if (m->seal.scope != scope) continue;
        if (unit == NULL ? m->seal.unit == NULL
                         : m->seal.unit != NULL && strcmp(m->seal.unit, unit) == 0) {
            return true;
        }
    }
    return false;
}

static void check_plan_ok(const pv_citizen *c, const pv_goal *g, pv_date on, const pv_plan *p,
                          const pv_error *err) {
    FUZZ_CHECK(err->status == PV_OK && err->field[0] == '\0' && err->message == NULL);
    FUZZ_CHECK(p->version == PV_PLAN_VERSION);
    FUZZ_CHECK(p->measure_count >= 1 && p->measure_count <= PV_PLAN_MAX_MEASURES);
    for (size_t i = 0; i < p->measure_count; i++) {
        const pv_measure *m = &p->measures[i];
        FUZZ_CHECK((unsigned)m->action < PV_ACTION_COUNT && m->routine != NULL);
        if (m->action == PV_ACTION_BLOCK_GUARDIAN) {
            FUZZ_CHECK(m->guardian != NULL && g->guardian != NULL &&
                       strcmp(m->guardian, g->guardian) == 0);
        }
        if (m->action == PV_ACTION_SEAL) {
            FUZZ_CHECK(m->seal.version == PV_SEAL_VERSION);
            FUZZ_CHECK(m->seal.scope == PV_SEAL_WHOLE || m->seal.scope == PV_SEAL_UNIT);
        }
    }
    /* The date of the proof: 'on', or the goal's 'from' when later (only a unit goal has one). */
    pv_date expected_on = on;
    if (g->kind == PV_GOAL_HIDE_UNIT && !pv_date_is_none(g->from) &&
        pv_date_compare(g->from, on) > 0) {
        expected_on = g->from;
    }
    FUZZ_CHECK(pv_date_compare(p->proven_on, expected_on) == 0);
    FUZZ_CHECK(p->checked >= 1);
    switch (g->kind) {
    case PV_GOAL_NOTHING: /* M-ALL */
        FUZZ_CHECK(has_measure(p, PV_ACTION_LOCK_LOGIN, PV_SEAL_WHOLE, NULL));
        FUZZ_CHECK(has_measure(p, PV_ACTION_SEAL, PV_SEAL_WHOLE, NULL));
        break;
    case PV_GOAL_NO_JOURNAL: /* M-ALL (000): the seal, J1 */
        FUZZ_CHECK(has_measure(p, PV_ACTION_SEAL, PV_SEAL_WHOLE, NULL));
        break;
    case PV_GOAL_GUARDIAN: /* M-GUARD: the block, G3 */
        FUZZ_CHECK(has_measure(p, PV_ACTION_BLOCK_GUARDIAN, PV_SEAL_WHOLE, NULL));
        break;
    case PV_GOAL_HIDE_UNIT:    /* J2 */
    case PV_GOAL_HIDE_ENTRIES: /* J4 */
        FUZZ_CHECK(has_measure(p, PV_ACTION_SEAL, PV_SEAL_UNIT, g->unit));
        break;
    case PV_GOAL_KIND_COUNT:
    default: FUZZ_CHECK((unsigned)g->kind < PV_GOAL_KIND_COUNT); break;
    }
    /* The proof's last day is not before its first; 'fails_on' lies between them. */
    FUZZ_CHECK(!pv_date_is_none(p->horizon) && pv_date_compare(p->proven_on, p->horizon) <= 0);
    FUZZ_CHECK(p->holds == pv_date_is_none(p->fails_on));
    /* Each goal is reached by its routine's measures (M-ALL: E2 and J1; M-GUARD: G3; J2; J4),
       which are in force on every date from the first day on, so the proof must hold over time
       too (T1, H2) — unless the record itself cannot be read on a later date (a ten-digit
       personnummer read as another century, N4): then the proof fails closed on that date. */
    if (!p->holds) {
        pv_error why;
        FUZZ_CHECK(pv_date_compare(p->proven_on, p->fails_on) < 0 &&
                   pv_date_compare(p->fails_on, p->horizon) <= 0);
        FUZZ_CHECK(!citizen_valid(c, p->fails_on, &why));
    }
    check_goal_reached(c, g, p);
}

static void check_plan(decoder *dc, const pv_citizen *c, pv_date on) {
    pv_goal goal = PV_GOAL_INIT;
    goal.kind = (pv_goal_kind)next_enum(dc, PV_GOAL_KIND_COUNT);
    uint8_t mode = next(dc);
    /* The guardian: one of the record's (a copy, so not the same pointer), or any string. */
    if ((mode & 3u) != 0 && c != NULL && c->guardian_count > 0 && c->guardians != NULL) {
        const char *id = c->guardians[next(dc) % c->guardian_count].id;
        if (id != NULL) {
            size_t length = strlen(id);
            char *copy = arena_keep(&dc->mem, malloc(length + 1));
            if (copy != NULL) memcpy(copy, id, length + 1);
            goal.guardian = copy;
        }
    } else {
        goal.guardian = next_string(dc);
    }
    goal.unit = next_string(dc);
    goal.from = next_date(dc);
    goal.until = next_date(dc);
    const pv_goal *g = (mode & 0xF0u) == 0xF0u ? NULL : &goal;
    /* Sometimes a goal left uninitialised (version 0). */
    bool spoiled = (mode & 0x0Cu) == 0x0Cu;
    if (spoiled) goal.version = 0;

    pv_error why;
    bool valid = citizen_valid(c, on, &why);
    pv_plan plan;
    memset(&plan, 0xA5, sizeof plan);
    plan.version = PV_PLAN_VERSION;
    pv_error err = garbage_error();
    pv_status status = pv_plan_measures(c, g, on, &plan, &err);
    FUZZ_CHECK(status == PV_OK || status == PV_ERR_INVALID_INPUT);
    FUZZ_CHECK(field_terminated(err.field, sizeof err.field));
    if (!valid || g == NULL || spoiled || (unsigned)g->kind >= PV_GOAL_KIND_COUNT ||
        c->seal_count > PV_PLAN_MAX_RECORD || c->guardian_count > PV_PLAN_MAX_RECORD) {
        FUZZ_CHECK(status == PV_ERR_INVALID_INPUT);
    }
    if (status != PV_OK) {
        check_invalid_error(&err);
        FUZZ_CHECK(!plan.holds);
        if (!valid && !spoiled) FUZZ_CHECK(strcmp(err.field, why.field) == 0);
        if (valid && spoiled && g != NULL) FUZZ_CHECK(strcmp(err.field, "goal.version") == 0);
        return;
    }
    check_plan_ok(c, g, on, &plan, &err);
}

/* ---- pv_may_change ------------------------------------------------------------------------- */

static long next_measure(decoder *dc) {
    uint8_t b = next(dc);
    switch (b % 8) {
    case 0:
    case 1: return -1;
    case 2: return -2 - (long)(b >> 3);
    case 3: return (b & 8u) ? LONG_MAX : LONG_MIN;
    default: return (long)(b >> 3) % (MAX_ITEMS + 2);
    }
}

static void check_may_change(decoder *dc, const pv_citizen *c, pv_date on) {
    int role = next_enum(dc, PV_ROLE_COUNT);
    int action = next_enum(dc, PV_ACTION_COUNT);
    long measure = next_measure(dc);
    pv_error why;
    bool valid = citizen_valid(c, on, &why);
    pv_permission out;
    memset(&out, 0xA5, sizeof out);
    out.version = PV_PERMISSION_VERSION;
    pv_error err = garbage_error();
    pv_status status = pv_may_change((pv_role)role, (pv_action)action, c, measure, on, &out, &err);
    FUZZ_CHECK(status == PV_OK || status == PV_ERR_INVALID_INPUT);
    if (status != PV_OK) check_invalid_error(&err);

    bool in_range = role >= 0 && role < PV_ROLE_COUNT && action >= 0 && action < PV_ACTION_COUNT;
    if (!in_range || !valid || measure < -1) {
        FUZZ_CHECK(status == PV_ERR_INVALID_INPUT);
    } else {
        /* The index names a seal (unseal) or a guardian (block, unblock), or is -1. */
        size_t limit = 0;
        if (action == PV_ACTION_UNSEAL) limit = c->seal_count;
        if (action == PV_ACTION_BLOCK_GUARDIAN || action == PV_ACTION_UNBLOCK_GUARDIAN) {
            limit = c->guardian_count;
        }
        if (measure >= 0 && (unsigned long)measure >= limit) {
            FUZZ_CHECK(status == PV_ERR_INVALID_INPUT);
        } else if (measure < 0 && action == PV_ACTION_UNSEAL) {
            /* Who set the seal decides who may lift it (X4): the seal index is required. */
            FUZZ_CHECK(status == PV_ERR_INVALID_INPUT && strcmp(err.field, "measure") == 0);
        } else {
            FUZZ_CHECK(status == PV_OK);
        }
    }
    if (status != PV_OK) {
        FUZZ_CHECK(!out.allowed);
        return;
    }
    FUZZ_CHECK(out.allowed == (out.part != PV_PART_NONE));
    FUZZ_CHECK((unsigned)out.part < PV_PART_COUNT);
    FUZZ_CHECK(out.rule >= PV_RULE_X1 && out.rule <= PV_RULE_X7);
    FUZZ_CHECK(out.condition_count <= PV_MAY_MAX_CONDITIONS);
    for (size_t i = 0; i < out.condition_count; i++) FUZZ_CHECK(out.conditions[i] != NULL);
    FUZZ_CHECK(pv_part_name(out.part) != NULL && pv_rule_name(out.rule) != NULL);
}

/* ---- Entry point --------------------------------------------------------------------------- */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    decoder dc = {{data, size}, {{NULL}, 0}};
    pv_date on = next_date(&dc);
    uint8_t nulls = next(&dc); /* the citizen is NULL (rarely) */
    pv_citizen citizen;
    decode_citizen(&dc, &citizen);
    maybe_grow(&dc, &citizen);
    const pv_citizen *c = (nulls & 0xF1u) == 0xF1u ? NULL : &citizen;
    check_who_can_see(&dc, c, on);
    check_timeline(&dc, c, on);
    check_advise(&dc, c, on);
    check_plan(&dc, c, on);
    check_may_change(&dc, c, on);
    arena_free(&dc.mem);
    return 0;
}
