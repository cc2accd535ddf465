/*
 * validate.c — step 0 of RULES.md section 3: malformed input (V1, section 8).
 *
 * Nothing is guessed: the first malformed field ends the evaluation with a fail-closed deny that
 * names the field in the form of the JSON format ("citizen.seals[2].active.from"). Fields are
 * checked in the order on, citizen (in struct order, arrays in index order), actor, service.
 */
#include <string.h>

#include "../internal.h"

/* The message for a struct whose version the library does not know. */
static const char *const unknown_version =
    "is not a version this library knows (0: the struct was not initialised with its _INIT)";

/* A struct version the library knows: 0.1.0 knows version 1 of every struct. */
static bool version_known(uint32_t version, uint32_t current) {
    return version >= 1 && version <= current;
}

/* Fails at 'array'[i].version unless element i carries the version of element 0, which must
   be one the library knows (the elements of an array are laid out by element 0's version). */
static bool element_version_ok(pv_error *err, const char *array, size_t i, uint32_t version,
                               uint32_t first, uint32_t current) {
    if (i == 0 && !version_known(version, current)) {
        error_set_at(err, array, i, ".version", unknown_version);
        return false;
    }
    if (version != first) {
        error_set_at(err, array, i, ".version",
                     "differs from the version of element 0 of the array");
        return false;
    }
    return true;
}

static void fail(pv_error *err, const char *field, const char *message) {
    error_set(err, PV_ERR_INVALID_INPUT, PV_RULE_V1, field, message);
}

static void fail_at(pv_error *err, const char *array, size_t index, const char *member,
                    const char *message) {
    error_set_at(err, array, index, member, message);
}

/* Section 8: a byte of a unit or id is printable ASCII other than the space, 0x21 to 0x7E. */
static bool id_byte(char c) {
    return (unsigned char)(c - 0x21) <= 0x7E - 0x21;
}

/* What is wrong with an id whose first 'n' bytes (n < PV_ID_MAX) are id bytes and whose next
   byte is not, or NULL. */
static const char *id_stop(const char *text, size_t n) {
    if (text[n] == '\0') return n == 0 ? "must not be empty" : NULL;
    return "must be printable ASCII without spaces";
}

_Static_assert(PV_ID_MAX % 4 == 0, "id_problem reads four bytes a round");

/* Section 8: a unit or id is 1 to PV_ID_MAX printable ASCII characters without spaces. Returns
   NULL when 'text' is well-formed, else what is wrong with it. */
const char *id_problem(const char *text) {
    if (text == NULL) return "is required";
    /* Four bytes a round, one test each: this is the costliest loop of validation. A byte is
       read only after the one before it was an id byte, so never past the NUL. */
    for (size_t n = 0; n < PV_ID_MAX; n += 4) {
        if (!id_byte(text[n])) return id_stop(text, n);
        if (!id_byte(text[n + 1])) return id_stop(text, n + 1);
        if (!id_byte(text[n + 2])) return id_stop(text, n + 2);
        if (!id_byte(text[n + 3])) return id_stop(text, n + 3);
    }
    return text[PV_ID_MAX] == '\0' ? NULL : "is longer than 64 bytes";
}

/* The length of the UTF-8 sequence at 'p' (lead byte 0x80 or above): 2 to 4, or 0 when it is
   not UTF-8 — the shortest form only, no surrogates, nothing past U+10FFFF. A NUL stops it: it
   is no continuation byte. */
static size_t utf8_sequence(const unsigned char *p) {
    const unsigned c = p[0];
    size_t len = 0;
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    if (c >= 0xE0 && c <= 0xEF) len = 3;
    if (c >= 0xF0 && c <= 0xF4) len = 4;
    /* The range of the second byte, narrower after four lead bytes. */
    unsigned lo = 0x80;
    unsigned hi = 0xBF;
    if (c == 0xE0) lo = 0xA0; /* no overlong three-byte form */
    if (c == 0xED) hi = 0x9F; /* no surrogate */
    if (c == 0xF0) lo = 0x90; /* no overlong four-byte form */
    if (c == 0xF4) hi = 0x8F; /* nothing past U+10FFFF */
    for (size_t k = 1; k < len; k++) {
        const unsigned byte = p[k];
        if (byte < (k == 1 ? lo : 0x80u) || byte > (k == 1 ? hi : 0xBFu)) return 0;
    }
    return len;
}

/* Section 8: a case number is informative text for people: UTF-8 without a control character
   (C0, DEL or C1), at most PV_CASE_NUMBER_MAX bytes, possibly empty. Any real one ("Dnr RÖ
   2024/17") is accepted. Reads at most PV_CASE_NUMBER_MAX + 4 bytes. */
static const char *case_number_problem(const char *text) {
    const unsigned char *p = (const unsigned char *)text;
    size_t n = 0;
    while (p[n] != '\0') {
        if (n >= PV_CASE_NUMBER_MAX) return "is longer than 128 bytes";
        const unsigned c = p[n];
        if (c < 0x20 || c == 0x7F) return "must not hold a control character";
        if (c < 0x80) {
            n++;
            continue;
        }
        size_t len = utf8_sequence(p + n);
        if (len == 0) return "is not UTF-8";
        /* C1 controls, U+0080 to U+009F, are 0xC2 0x80 to 0xC2 0x9F. */
        if (c == 0xC2 && p[n + 1] <= 0x9F) return "must not hold a control character";
        n += len;
    }
    return n > PV_CASE_NUMBER_MAX ? "is longer than 128 bytes" : NULL;
}

/* A date field may be absent (PV_DATE_NONE) where allowed; otherwise it must exist. */
static bool date_ok_or_none(pv_date d) {
    return date_is_none(d) || date_exists(d);
}

/* An enum value read from the caller's memory is in range. Compared as unsigned so that a
   negative value cast into the enum is caught as well. */
static bool enum_ok(int value, int count) {
    return (unsigned)value < (unsigned)count;
}

/* Section 8: both ends are dates or open, and the start is not after the end. Names the bad
   end, or 'from' when the start is after the end. */
static bool interval_ok(pv_error *err, const char *array, size_t i, const char *from_name,
                        const char *until_name, pv_date from, pv_date until) {
    if (!date_ok_or_none(from)) {
        fail_at(err, array, i, from_name, "is not a date that exists");
        return false;
    }
    if (!date_ok_or_none(until)) {
        fail_at(err, array, i, until_name, "is not a date that exists");
        return false;
    }
    if (!date_is_none(from) && !date_is_none(until) && date_key(from) > date_key(until)) {
        fail_at(err, array, i, from_name, "is after the end of the interval");
        return false;
    }
    return true;
}

bool birth_on(const pv_citizen *c, const pnr_text *t, pv_date on, pv_request *rq, pv_error *err) {
    const bool has_date = !date_is_none(c->birth_date);
    rq->birth = c->birth_date;
    rq->reading_changes_on = PV_DATE_NONE;
    if (t != NULL) {
        /* A3: the birth date may come from a personnummer, with 'on' as the reference date. */
        pv_date birth;
        pv_date reading;
        const char *problem = pnr_text_birth(t, on.year, &birth, &reading);
        if (problem != NULL) {
            fail(err, "citizen.personnummer", problem);
            return false;
        }
        if (has_date && date_key(birth) != date_key(c->birth_date)) {
            fail(err, "citizen.personnummer", "disagrees with citizen.birth_date");
            return false;
        }
        if (!has_date && date_key(birth) > date_key(on)) {
            fail(err, "citizen.personnummer", "gives a birth date after on");
            return false;
        }
        rq->birth = birth;
        /* N4, T1: the date from which the same text reads as another century. */
        rq->reading_changes_on = reading;
    }
    if (date_key(rq->birth) > date_key(on)) {
        fail(err, "citizen.birth_date", "is after on");
        return false;
    }
    return true;
}

/* A: the birth date, given or from the personnummer (A3), exists; on 'on' (when not NULL) it
   is not after 'on' (birth_on). Without 'on' (a prepared record) only what does not depend on
   the date is checked: the text of the personnummer, its century for a twelve-digit form and its
   birth number (N5 before N6 then holds on every date). '*t' receives the text read. */
static bool birth_ok(const pv_citizen *c, const pv_date *on, pv_request *rq, pnr_text *t,
                     pv_error *err) {
    bool has_date = !date_is_none(c->birth_date);
    if (has_date && !date_exists(c->birth_date)) {
        fail(err, "citizen.birth_date", "is not a date that exists");
        return false;
    }
    if (c->personnummer == NULL && !has_date) {
        fail(err, "citizen.birth_date", "is required (or citizen.personnummer)");
        return false;
    }
    if (c->personnummer != NULL) {
        const char *problem = pnr_text_read(c->personnummer, 0, t);
        if (problem == NULL && on == NULL && t->century >= 0) {
            pv_date birth;
            pv_date reading;
            problem = pnr_text_birth(t, 1, &birth, &reading); /* N5, N6: the same on every date */
        } else if (problem == NULL && on == NULL && t->birth_number_000) {
            problem = "birth number 000 is not used"; /* N6, whichever century N4 reads */
        }
        if (problem != NULL) {
            fail(err, "citizen.personnummer", problem);
            return false;
        }
    }
    return on == NULL || birth_on(c, c->personnummer != NULL ? t : NULL, *on, rq, err);
}

/* Section 8: an array of at most 'cap' elements, not NULL when it has any. */
static bool array_ok(pv_error *err, const char *name, const void *items, size_t count, size_t cap,
                     const char *too_many) {
    if (count > cap) {
        fail(err, name, too_many);
        return false;
    }
    if (count > 0 && items == NULL) {
        fail(err, name, "is NULL with a non-zero count");
        return false;
    }
    return true;
}

static bool seals_ok(const pv_citizen *c, pv_error *err) {
    const char *a = "citizen.seals";
    if (!array_ok(err, a, c->seals, c->seal_count, PV_MAX_SEALS, "holds more than 1024 seals")) {
        return false;
    }
    for (size_t i = 0; i < c->seal_count; i++) {
        const pv_seal *s = &c->seals[i];
        if (!element_version_ok(err, a, i, s->version, c->seals[0].version, PV_SEAL_VERSION)) {
            return false;
        }
        if (!enum_ok((int)s->scope, PV_SEAL_SCOPE_COUNT) || s->scope == PV_SEAL_SCOPE_UNSET) {
            fail_at(err, a, i, ".scope", "is not a seal scope (whole or unit)");
            return false;
        }
        if (s->scope == PV_SEAL_UNIT) {
            const char *problem = id_problem(s->unit);
            if (problem != NULL) {
                fail_at(err, a, i, ".unit", problem);
                return false;
            }
        } else if (s->unit != NULL) {
            fail_at(err, a, i, ".unit", "must be absent for a seal of the whole journal");
            return false;
        }
        if (!interval_ok(err, a, i, ".active.from", ".active.until", s->active.from,
                         s->active.until)) {
            return false;
        }
        if (s->has_content && !interval_ok(err, a, i, ".content.from", ".content.until",
                                           s->content.from, s->content.until)) {
            return false;
        }
        if (!enum_ok((int)s->requested_by, PV_REQUESTER_COUNT)) {
            fail_at(err, a, i, ".requested_by", "is not a requester");
            return false;
        }
    }
    return true;
}

/* H1, H4, section 8: the periods of one fact, named 'name' as in the JSON format (where the fact
   is a list of periods): at most PV_MAX_PERIODS, each an interval whose start is not after its
   end. Periods may lie before the birth or after 'on' (H4). */
static bool periods_ok(pv_error *err, const char *name, const pv_interval *p, size_t n) {
    if (!array_ok(err, name, p, n, PV_MAX_PERIODS, "holds more than 256 periods")) return false;
    for (size_t i = 0; i < n; i++) {
        if (!interval_ok(err, name, i, ".from", ".until", p[i].from, p[i].until)) return false;
    }
    return true;
}

/* H1, X1: the periods of the citizen's login lock, each with its requester and case number
   (named "citizen.login_locked", the JSON name of the fact). */
static bool lock_periods_ok(const pv_citizen *c, pv_error *err) {
    const char *a = "citizen.login_locked";
    const pv_lock_period *p = c->login_lock_periods;
    if (!array_ok(err, a, p, c->login_lock_period_count, PV_MAX_PERIODS,
                  "holds more than 256 periods")) {
        return false;
    }
    for (size_t i = 0; i < c->login_lock_period_count; i++) {
        if (!element_version_ok(err, a, i, p[i].version, p[0].version, PV_LOCK_PERIOD_VERSION) ||
            !interval_ok(err, a, i, ".from", ".until", p[i].when.from, p[i].when.until)) {
            return false;
        }
        if (!enum_ok((int)p[i].requested_by, PV_REQUESTER_COUNT)) {
            fail_at(err, a, i, ".requested_by", "is not a requester");
            return false;
        }
        const char *problem =
            p[i].case_number == NULL ? NULL : case_number_problem(p[i].case_number);
        if (problem != NULL) {
            fail_at(err, a, i, ".case_number", problem);
            return false;
        }
    }
    return true;
}

/* periods_ok() without naming what is wrong: for the usual case, where nothing is, so that the
   name of the field is formatted only for an error. */
static bool periods_valid(const pv_interval *p, size_t n) {
    if (n > PV_MAX_PERIODS || (n > 0 && p == NULL)) return false;
    for (size_t i = 0; i < n; i++) {
        const pv_date from = p[i].from;
        const pv_date until = p[i].until;
        if (!date_ok_or_none(from) || !date_ok_or_none(until)) return false;
        if (!date_is_none(from) && !date_is_none(until) && date_key(from) > date_key(until)) {
            return false;
        }
    }
    return true;
}

/* H1: a guardian's block and protected identity periods ("citizen.guardians[1].blocked"). */
static bool guardian_periods_ok(const pv_guardian *g, size_t i, pv_error *err) {
    if (periods_valid(g->blocked_periods, g->blocked_period_count) &&
        periods_valid(g->protected_identity_periods, g->protected_identity_period_count)) {
        return true;
    }
    char name[PV_FIELD_PATH_SIZE];
    field_path_at(name, "citizen.guardians", i, ".blocked");
    if (!periods_ok(err, name, g->blocked_periods, g->blocked_period_count)) return false;
    field_path_at(name, "citizen.guardians", i, ".protected_identity");
    return periods_ok(err, name, g->protected_identity_periods, g->protected_identity_period_count);
}

static bool guardians_ok(const pv_citizen *c, pv_error *err) {
    const char *a = "citizen.guardians";
    if (!array_ok(err, a, c->guardians, c->guardian_count, PV_MAX_GUARDIANS,
                  "holds more than 16 guardians")) {
        return false;
    }
    for (size_t i = 0; i < c->guardian_count; i++) {
        const pv_guardian *g = &c->guardians[i];
        if (!element_version_ok(err, a, i, g->version, c->guardians[0].version,
                                PV_GUARDIAN_VERSION)) {
            return false;
        }
        const char *problem = id_problem(g->id);
        if (problem != NULL) {
            fail_at(err, a, i, ".id", problem);
            return false;
        }
        if (strcmp(g->id, PV_GRANT_HOLDER_SELF) == 0) {
            fail_at(err, a, i, ".id", "\"self\" is reserved for grants");
            return false;
        }
        /* At most PV_MAX_GUARDIANS (checked above): this is at most 120 comparisons. */
        for (size_t j = 0; j < i; j++) {
            if (strcmp(c->guardians[j].id, g->id) == 0) {
                fail_at(err, a, i, ".id", "is the id of an earlier guardian");
                return false;
            }
        }
        if (!guardian_periods_ok(g, i, err)) return false;
    }
    return true;
}

static bool is_guardian_id(const pv_citizen *c, const char *id) {
    for (size_t j = 0; j < c->guardian_count; j++) {
        if (strcmp(c->guardians[j].id, id) == 0) return true;
    }
    return false;
}

static bool grants_ok(const pv_citizen *c, pv_error *err) {
    const char *a = "citizen.grants";
    if (!array_ok(err, a, c->grants, c->grant_count, PV_MAX_GRANTS,
                  "holds more than 1024 grants")) {
        return false;
    }
    for (size_t i = 0; i < c->grant_count; i++) {
        const pv_grant *g = &c->grants[i];
        if (!element_version_ok(err, a, i, g->version, c->grants[0].version, PV_GRANT_VERSION)) {
            return false;
        }
        const char *problem = id_problem(g->holder);
        if (problem != NULL) {
            fail_at(err, a, i, ".holder", problem);
            return false;
        }
        /* Linear in the grants: at most PV_MAX_GUARDIANS comparisons each. */
        if (strcmp(g->holder, PV_GRANT_HOLDER_SELF) != 0 && !is_guardian_id(c, g->holder)) {
            fail_at(err, a, i, ".holder", "is neither \"self\" nor one of the citizen's guardians");
            return false;
        }
        problem = id_problem(g->unit);
        if (problem != NULL) {
            fail_at(err, a, i, ".unit", problem);
            return false;
        }
        if (!interval_ok(err, a, i, ".from", ".until", g->from, g->until)) return false;
    }
    return true;
}

static bool representatives_ok(const pv_citizen *c, pv_error *err) {
    const char *a = "citizen.representatives";
    if (!array_ok(err, a, c->representatives, c->representative_count, PV_MAX_REPRESENTATIVES,
                  "holds more than 16 representatives")) {
        return false;
    }
    for (size_t i = 0; i < c->representative_count; i++) {
        const pv_representative *r = &c->representatives[i];
        if (!element_version_ok(err, a, i, r->version, c->representatives[0].version,
                                PV_REPRESENTATIVE_VERSION)) {
            return false;
        }
        const char *problem = id_problem(r->id);
        if (problem != NULL) {
            fail_at(err, a, i, ".id", problem);
            return false;
        }
        /* At most PV_MAX_REPRESENTATIVES (checked above): at most 120 comparisons. */
        for (size_t j = 0; j < i; j++) {
            if (strcmp(c->representatives[j].id, r->id) == 0) {
                fail_at(err, a, i, ".id", "is the id of an earlier representative");
                return false;
            }
        }
        /* Section 8: the kind is required; it has no default. */
        if (!enum_ok((int)r->kind, PV_REPRESENTATIVE_KIND_COUNT) ||
            r->kind == PV_REPRESENTATIVE_KIND_UNSET) {
            fail_at(err, a, i, ".kind", "is required: god_man or forvaltare");
            return false;
        }
        if (!interval_ok(err, a, i, ".from", ".until", r->from, r->until)) return false;
    }
    return true;
}

static bool citizen_ok(const pv_citizen *c, const pv_date *on, pv_request *rq, pnr_text *t,
                       pv_error *err) {
    if (c == NULL) {
        fail(err, "citizen", "is required");
        return false;
    }
    if (!version_known(c->version, PV_CITIZEN_VERSION)) {
        fail(err, "citizen.version", unknown_version);
        return false;
    }
    if (!birth_ok(c, on, rq, t, err)) return false;
    if (!enum_ok((int)c->login_lock_requested_by, PV_REQUESTER_COUNT)) {
        fail(err, "citizen.login_lock_requested_by", "is not a requester");
        return false;
    }
    if (c->login_lock_case_number != NULL) {
        const char *problem = case_number_problem(c->login_lock_case_number);
        if (problem != NULL) {
            fail(err, "citizen.login_lock_case_number", problem);
            return false;
        }
    }
    return seals_ok(c, err) && guardians_ok(c, err) && grants_ok(c, err) &&
           representatives_ok(c, err) && lock_periods_ok(c, err) &&
           periods_ok(err, "citizen.protected_identity", c->protected_identity_periods,
                      c->protected_identity_period_count);
}

static bool actor_ok(const pv_actor *a, bool id_known, pv_error *err) {
    if (a == NULL) {
        fail(err, "actor", "is required");
        return false;
    }
    if (!version_known(a->version, PV_ACTOR_VERSION)) {
        fail(err, "actor.version", unknown_version);
        return false;
    }
    if (!enum_ok((int)a->kind, PV_ACTOR_KIND_COUNT) || a->kind == PV_ACTOR_KIND_UNSET) {
        fail(err, "actor.kind", "is required: self, guardian, representative or other");
        return false;
    }
    bool id_required = a->kind == PV_ACTOR_GUARDIAN || a->kind == PV_ACTOR_REPRESENTATIVE;
    if ((id_required || a->id != NULL) && !id_known) {
        const char *problem = id_problem(a->id);
        if (problem != NULL) {
            fail(err, "actor.id", problem);
            return false;
        }
    }
    if (!enum_ok((int)a->eid, PV_EID_COUNT) || a->eid == PV_EID_UNSET) {
        fail(err, "actor.eid", "is required: bankid, freja_plus, freja, password, other or none");
        return false;
    }
    if (a->kind == PV_ACTOR_SELF && a->login_locked) {
        fail(err, "actor.login_locked", "must be false for self: use citizen.login_locked");
        return false;
    }
    if (a->kind == PV_ACTOR_SELF && a->journal_sealed) {
        fail(err, "actor.journal_sealed",
             "must be false for self: seal the citizen's journal instead");
        return false;
    }
    return true;
}

static bool service_ok(const pv_service *s, bool unit_known, pv_error *err) {
    if (s == NULL) {
        fail(err, "service", "is required");
        return false;
    }
    if (!version_known(s->version, PV_SERVICE_VERSION)) {
        fail(err, "service.version", unknown_version);
        return false;
    }
    if (!enum_ok((int)s->kind, PV_SERVICE_KIND_COUNT) || s->kind == PV_SERVICE_KIND_UNSET) {
        fail(err, "service.kind", "is required: e_services or journal");
        return false;
    }
    if (!enum_ok((int)s->channel, PV_CHANNEL_COUNT)) {
        fail(err, "service.channel", "is not a channel");
        return false;
    }
    if (s->unit != NULL && !unit_known) {
        const char *problem = id_problem(s->unit);
        if (problem != NULL) {
            fail(err, "service.unit", problem);
            return false;
        }
    }
    if (!date_ok_or_none(s->entry_date)) {
        fail(err, "service.entry_date", "is not a date that exists");
        return false;
    }
    if (s->kind == PV_SERVICE_E_SERVICES) {
        /* E-services are reached only through the portal and have no units or entries. */
        if (s->channel != PV_CHANNEL_PORTAL) {
            fail(err, "service.channel", "e-services are reached only through the portal");
            return false;
        }
        if (s->unit != NULL) {
            fail(err, "service.unit", "e-services take no unit");
            return false;
        }
        if (!date_is_none(s->entry_date)) {
            fail(err, "service.entry_date", "e-services take no entry date");
            return false;
        }
    }
    if (!date_is_none(s->entry_date) && s->unit == NULL) {
        fail(err, "service.entry_date", "an entry query needs service.unit");
        return false;
    }
    return true;
}

pv_status validate_citizen(const pv_citizen *citizen, pv_date on, pv_request *rq, pv_error *err) {
    rq->citizen = citizen;
    if (!date_exists(on)) {
        fail(err, "on", "is not a date that exists");
        return PV_ERR_INVALID_INPUT;
    }
    pnr_text t;
    return citizen_ok(citizen, &on, rq, &t, err) ? PV_OK : PV_ERR_INVALID_INPUT;
}

pv_status validate_record(const pv_citizen *citizen, pnr_text *t, pv_error *err) {
    pv_request rq;
    return citizen_ok(citizen, NULL, &rq, t, err) ? PV_OK : PV_ERR_INVALID_INPUT;
}

pv_status validate_query(const pv_actor *actor, const pv_service *service, pv_error *err) {
    return validate_query_known(actor, service, false, false, err);
}

pv_status validate_query_known(const pv_actor *actor, const pv_service *service, bool id_known,
                               bool unit_known, pv_error *err) {
    return actor_ok(actor, id_known, err) && service_ok(service, unit_known, err)
               ? PV_OK
               : PV_ERR_INVALID_INPUT;
}

pv_status validate_request(const pv_citizen *citizen, const pv_actor *actor,
                           const pv_service *service, pv_date on, pv_request *rq, pv_error *err) {
    /* Section 8: on, then the citizen, then the actor, then the service. */
    if (validate_citizen(citizen, on, rq, err) != PV_OK ||
        validate_query(actor, service, err) != PV_OK) {
        return PV_ERR_INVALID_INPUT;
    }
    rq->actor = actor;
    rq->service = service;
    rq->guardian = NULL;
    rq->representative = NULL;
    return PV_OK;
}
