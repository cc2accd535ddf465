/*
 * validate.c — step 0 of RULES.md section 3: malformed input (V1, section 8).
 *
 * Nothing is guessed: the first malformed field ends the evaluation with a fail-closed deny that
 * names the field in the form of the JSON format ("citizen.seals[2].active.from"). Fields are
 * checked in the order on, citizen (in struct order, arrays in index order), actor, service.
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"

void decision_set_invalid(pv_decision *out, const char *field, const char *detail) {
    /* V1: malformed input is a deny with reason INVALID_INPUT (fail closed). */
    out->effect = PV_EFFECT_DENY;
    out->reason = PV_REASON_INVALID_INPUT;
    out->reasons = 1u << PV_REASON_INVALID_INPUT;
    out->rule = PV_RULE_V1;
    memset(out->reason_rules, 0, sizeof out->reason_rules);
    out->reason_rules[PV_REASON_INVALID_INPUT] = (unsigned char)PV_RULE_V1;
    out->filtered = false;
    out->changes_on = PV_DATE_NONE;
    /* Cannot truncate: PV_FIELD_PATH_SIZE holds the longest field path. */
    (void)snprintf(out->field, sizeof out->field, "%s", field);
    out->detail = detail;
}

/* A field path with an array index: "citizen.seals[2]" + ".active.from". */
static void fail_at(pv_decision *out, const char *array, size_t index, const char *member,
                    const char *detail) {
    char path[PV_FIELD_PATH_SIZE];
    (void)snprintf(path, sizeof path, "%s[%zu]%s", array, index, member); /* cannot truncate */
    decision_set_invalid(out, path, detail);
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
static const char *id_problem(const char *text) {
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

/* A case number is free text for people: printable ASCII, spaces allowed, may be empty. */
static const char *case_number_problem(const char *text) {
    size_t n = 0;
    for (; text[n] != '\0'; n++) {
        if (n >= PV_CASE_NUMBER_MAX) return "is longer than 64 bytes";
        unsigned char c = (unsigned char)text[n];
        if (c < 0x20 || c > 0x7E) return "must be printable ASCII";
    }
    return NULL;
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
static bool interval_ok(pv_decision *out, const char *array, size_t i, const char *from_name,
                        const char *until_name, pv_date from, pv_date until) {
    if (!date_ok_or_none(from)) {
        fail_at(out, array, i, from_name, "is not a date that exists");
        return false;
    }
    if (!date_ok_or_none(until)) {
        fail_at(out, array, i, until_name, "is not a date that exists");
        return false;
    }
    if (!date_is_none(from) && !date_is_none(until) && date_key(from) > date_key(until)) {
        fail_at(out, array, i, from_name, "is after the end of the interval");
        return false;
    }
    return true;
}

/* A: the birth date, given or from the personnummer (A3), exists and is not after 'on'. */
static bool birth_ok(const pv_citizen *c, pv_date on, pv_date *birth, pv_decision *out) {
    bool has_date = !date_is_none(c->birth_date);
    if (has_date && !date_exists(c->birth_date)) {
        decision_set_invalid(out, "citizen.birth_date", "is not a date that exists");
        return false;
    }
    *birth = c->birth_date;
    if (c->personnummer != NULL) {
        /* A3: the birth date may come from a personnummer, with 'on' as the reference date. */
        pv_pnr pnr;
        if (pv_pnr_parse(c->personnummer, on, 0, &pnr) != PV_OK) {
            decision_set_invalid(out, "citizen.personnummer", pnr.error);
            return false;
        }
        if (has_date && date_key(pnr.birth_date) != date_key(c->birth_date)) {
            decision_set_invalid(out, "citizen.personnummer", "disagrees with citizen.birth_date");
            return false;
        }
        if (!has_date && date_key(pnr.birth_date) > date_key(on)) {
            decision_set_invalid(out, "citizen.personnummer", "gives a birth date after on");
            return false;
        }
        *birth = pnr.birth_date;
    } else if (!has_date) {
        decision_set_invalid(out, "citizen.birth_date", "is required (or citizen.personnummer)");
        return false;
    }
    if (date_key(*birth) > date_key(on)) {
        decision_set_invalid(out, "citizen.birth_date", "is after on");
        return false;
    }
    return true;
}

static bool seals_ok(const pv_citizen *c, pv_decision *out) {
    if (c->seal_count > 0 && c->seals == NULL) {
        decision_set_invalid(out, "citizen.seals", "is NULL with a non-zero count");
        return false;
    }
    for (size_t i = 0; i < c->seal_count; i++) {
        const pv_seal *s = &c->seals[i];
        const char *a = "citizen.seals";
        if (!enum_ok((int)s->scope, PV_SEAL_SCOPE_COUNT)) {
            fail_at(out, a, i, ".scope", "is not a seal scope");
            return false;
        }
        if (s->scope == PV_SEAL_UNIT) {
            const char *problem = id_problem(s->unit);
            if (problem != NULL) {
                fail_at(out, a, i, ".unit", problem);
                return false;
            }
        } else if (s->unit != NULL) {
            fail_at(out, a, i, ".unit", "must be absent for a seal of the whole journal");
            return false;
        }
        if (!interval_ok(out, a, i, ".active.from", ".active.until", s->active.from,
                         s->active.until)) {
            return false;
        }
        if (s->has_content && !interval_ok(out, a, i, ".content.from", ".content.until",
                                           s->content.from, s->content.until)) {
            return false;
        }
        if (!enum_ok((int)s->requested_by, PV_REQUESTER_COUNT)) {
            fail_at(out, a, i, ".requested_by", "is not a requester");
            return false;
        }
    }
    return true;
}

static bool guardians_ok(const pv_citizen *c, pv_decision *out) {
    if (c->guardian_count > 0 && c->guardians == NULL) {
        decision_set_invalid(out, "citizen.guardians", "is NULL with a non-zero count");
        return false;
    }
    for (size_t i = 0; i < c->guardian_count; i++) {
        const char *id = c->guardians[i].id;
        const char *problem = id_problem(id);
        if (problem != NULL) {
            fail_at(out, "citizen.guardians", i, ".id", problem);
            return false;
        }
        if (strcmp(id, PV_GRANT_HOLDER_SELF) == 0) {
            fail_at(out, "citizen.guardians", i, ".id", "\"self\" is reserved for grants");
            return false;
        }
        for (size_t j = 0; j < i; j++) {
            if (strcmp(c->guardians[j].id, id) == 0) {
                fail_at(out, "citizen.guardians", i, ".id", "is the id of an earlier guardian");
                return false;
            }
        }
    }
    return true;
}

static bool is_guardian_id(const pv_citizen *c, const char *id) {
    for (size_t j = 0; j < c->guardian_count; j++) {
        if (strcmp(c->guardians[j].id, id) == 0) return true;
    }
    return false;
}

static bool grants_ok(const pv_citizen *c, pv_decision *out) {
    if (c->grant_count > 0 && c->grants == NULL) {
        decision_set_invalid(out, "citizen.grants", "is NULL with a non-zero count");
        return false;
    }
    for (size_t i = 0; i < c->grant_count; i++) {
        const pv_grant *g = &c->grants[i];
        const char *a = "citizen.grants";
        const char *problem = id_problem(g->holder);
        if (problem != NULL) {
            fail_at(out, a, i, ".holder", problem);
            return false;
        }
        if (strcmp(g->holder, PV_GRANT_HOLDER_SELF) != 0 && !is_guardian_id(c, g->holder)) {
            fail_at(out, a, i, ".holder", "is neither \"self\" nor one of the citizen's guardians");
            return false;
        }
        problem = id_problem(g->unit);
        if (problem != NULL) {
            fail_at(out, a, i, ".unit", problem);
            return false;
        }
        if (!interval_ok(out, a, i, ".from", ".until", g->from, g->until)) return false;
    }
    return true;
}

static bool representatives_ok(const pv_citizen *c, pv_decision *out) {
    if (c->representative_count > 0 && c->representatives == NULL) {
        decision_set_invalid(out, "citizen.representatives", "is NULL with a non-zero count");
        return false;
    }
    for (size_t i = 0; i < c->representative_count; i++) {
        const pv_representative *r = &c->representatives[i];
        const char *a = "citizen.representatives";
        const char *problem = id_problem(r->id);
        if (problem != NULL) {
            fail_at(out, a, i, ".id", problem);
            return false;
        }
        for (size_t j = 0; j < i; j++) {
            if (strcmp(c->representatives[j].id, r->id) == 0) {
                fail_at(out, a, i, ".id", "is the id of an earlier representative");
                return false;
            }
        }
        if (!enum_ok((int)r->kind, PV_REPRESENTATIVE_KIND_COUNT)) {
            fail_at(out, a, i, ".kind", "is not god man or förvaltare");
            return false;
        }
        if (!interval_ok(out, a, i, ".from", ".until", r->from, r->until)) return false;
    }
    return true;
}

static bool citizen_ok(const pv_citizen *c, pv_date on, pv_date *birth, pv_decision *out) {
    if (c == NULL) {
        decision_set_invalid(out, "citizen", "is required");
        return false;
    }
    if (!birth_ok(c, on, birth, out)) return false;
    if (!enum_ok((int)c->login_lock_requested_by, PV_REQUESTER_COUNT)) {
        decision_set_invalid(out, "citizen.login_lock_requested_by", "is not a requester");
        return false;
    }
    if (c->login_lock_case_number != NULL) {
        const char *problem = case_number_problem(c->login_lock_case_number);
        if (problem != NULL) {
            decision_set_invalid(out, "citizen.login_lock_case_number", problem);
            return false;
        }
    }
    return seals_ok(c, out) && guardians_ok(c, out) && grants_ok(c, out) &&
           representatives_ok(c, out);
}

static bool actor_ok(const pv_actor *a, pv_decision *out) {
    if (a == NULL) {
        decision_set_invalid(out, "actor", "is required");
        return false;
    }
    if (!enum_ok((int)a->kind, PV_ACTOR_KIND_COUNT)) {
        decision_set_invalid(out, "actor.kind", "is not an actor kind");
        return false;
    }
    bool id_required = a->kind == PV_ACTOR_GUARDIAN || a->kind == PV_ACTOR_REPRESENTATIVE;
    if (id_required || a->id != NULL) {
        const char *problem = id_problem(a->id);
        if (problem != NULL) {
            decision_set_invalid(out, "actor.id", problem);
            return false;
        }
    }
    if (!enum_ok((int)a->eid, PV_EID_COUNT)) {
        decision_set_invalid(out, "actor.eid", "is not an e-ID kind");
        return false;
    }
    if (a->kind == PV_ACTOR_SELF && a->login_locked) {
        decision_set_invalid(out, "actor.login_locked",
                             "must be false for self: use citizen.login_locked");
        return false;
    }
    if (a->kind == PV_ACTOR_SELF && a->journal_sealed) {
        decision_set_invalid(out, "actor.journal_sealed",
                             "must be false for self: seal the citizen's journal instead");
        return false;
    }
    return true;
}

static bool service_ok(const pv_service *s, pv_decision *out) {
    if (s == NULL) {
        decision_set_invalid(out, "service", "is required");
        return false;
    }
    if (!enum_ok((int)s->kind, PV_SERVICE_KIND_COUNT)) {
        decision_set_invalid(out, "service.kind", "is not a service");
        return false;
    }
    if (!enum_ok((int)s->channel, PV_CHANNEL_COUNT)) {
        decision_set_invalid(out, "service.channel", "is not a channel");
        return false;
    }
    if (s->unit != NULL) {
        const char *problem = id_problem(s->unit);
        if (problem != NULL) {
            decision_set_invalid(out, "service.unit", problem);
            return false;
        }
    }
    if (!date_ok_or_none(s->entry_date)) {
        decision_set_invalid(out, "service.entry_date", "is not a date that exists");
        return false;
    }
    if (s->kind == PV_SERVICE_E_SERVICES) {
        /* E-services are reached only through the portal and have no units or entries. */
        if (s->channel != PV_CHANNEL_PORTAL) {
            decision_set_invalid(out, "service.channel",
                                 "e-services are reached only through the portal");
            return false;
        }
        if (s->unit != NULL) {
            decision_set_invalid(out, "service.unit", "e-services take no unit");
            return false;
        }
        if (!date_is_none(s->entry_date)) {
            decision_set_invalid(out, "service.entry_date", "e-services take no entry date");
            return false;
        }
    }
    if (!date_is_none(s->entry_date) && s->unit == NULL) {
        decision_set_invalid(out, "service.entry_date", "an entry query needs service.unit");
        return false;
    }
    return true;
}

pv_status validate_citizen(const pv_citizen *citizen, pv_date on, pv_date *birth,
                           pv_decision *out) {
    if (!date_exists(on)) {
        decision_set_invalid(out, "on", "is not a date that exists");
        return PV_ERR_INVALID_INPUT;
    }
    return citizen_ok(citizen, on, birth, out) ? PV_OK : PV_ERR_INVALID_INPUT;
}

pv_status validate_query(const pv_actor *actor, const pv_service *service, pv_decision *out) {
    return actor_ok(actor, out) && service_ok(service, out) ? PV_OK : PV_ERR_INVALID_INPUT;
}

pv_status validate_request(const pv_citizen *citizen, const pv_actor *actor,
                           const pv_service *service, pv_date on, pv_request *rq,
                           pv_decision *out) {
    /* Section 8: on, then the citizen, then the actor, then the service. */
    if (validate_citizen(citizen, on, &rq->birth, out) != PV_OK ||
        validate_query(actor, service, out) != PV_OK) {
        return PV_ERR_INVALID_INPUT;
    }
    rq->citizen = citizen;
    rq->actor = actor;
    rq->service = service;
    rq->guardian = NULL;
    rq->representative = NULL;
    return PV_OK;
}
