/*
 * advice.c — consistency advice: a citizen's record checked against the routines of RULES.md
 * section 5 (M-GUARD, M-PROT, M-13) and the case number of X1.
 */
#include "../internal.h"

typedef struct collector {
    pv_advice *items;
    size_t capacity;
    size_t count;
} collector;

static void add(collector *col, pv_advice_kind kind, const char *routine, const char *source,
                const char *guardian, const char *message) {
    if (col->count < col->capacity) {
        pv_advice a = {PV_ADVICE_VERSION, kind, routine, source, guardian, message};
        col->items[col->count] = a;
    }
    col->count++;
}

/* X1, H1: a lock in force on 'on' (the flag, or one of its periods) has no case number. */
static bool lock_without_case_number(const pv_citizen *c, pv_date on) {
    const char *flag_case = c->login_lock_case_number;
    bool missing = c->login_locked && (flag_case == NULL || flag_case[0] == '\0');
    for (size_t i = 0; i < c->login_lock_period_count; i++) {
        const pv_lock_period *p = &c->login_lock_periods[i];
        missing |= interval_contains(p->when.from, p->when.until, on) &&
                   (p->case_number == NULL || p->case_number[0] == '\0');
    }
    return missing;
}

/* M-PROT: the measures that keep access closed when the protection ends. */
static bool login_locked_and_sealed(const pv_citizen *c, pv_date on) {
    if (citizen_locked_on(c, on) == 0) return false; /* H2: the lock on 'on' */
    for (size_t i = 0; i < c->seal_count; i++) {
        const pv_seal *s = &c->seals[i];
        if (s->scope == PV_SEAL_WHOLE && !s->has_content &&
            interval_contains(s->active.from, s->active.until, on)) {
            return true;
        }
    }
    return false;
}

pv_status pv_advise(const pv_citizen *citizen, pv_date on, pv_advice *items, size_t capacity,
                    size_t *count, pv_error *error) {
    if (count != NULL) *count = 0;
    if (error_unknown(error)) return PV_ERR_INVALID_INPUT;
    if (count == NULL) return error_invalid(error, "count", "is required");
    if (items == NULL && capacity > 0)
        return error_invalid(error, "items", "is NULL with a capacity");
    if (capacity > 0 && items[0].version != PV_ADVICE_VERSION) {
        return error_invalid(error, "items[0].version",
                             "is not a version this library knows (initialise it with "
                             "PV_ADVICE_INIT)");
    }
    pv_request rq;
    pv_error err = PV_ERROR_INIT;
    if (validate_citizen(citizen, on, &rq, &err) != PV_OK) return error_report(error, &err);
    const pv_date birth = rq.birth;

    collector col = {items, capacity, 0};
    const pv_citizen *c = citizen;
    int age = date_age(birth, on);
    bool child = age < 18;
    /* H2: the advice reads the facts of section 11 on 'on'. */
    const bool locked = citizen_locked_on(c, on) > 0;
    bool any_protected = citizen_protected_on(c, on) > 0;
    bool keeps_guardians = false;
    for (size_t i = 0; i < c->guardian_count; i++) {
        const pv_guardian *g = &c->guardians[i];
        const bool blocked = guardian_blocked_on(g, on) > 0;
        any_protected |= guardian_protected_on(g, on) > 0;
        keeps_guardians |= !blocked;
        /* M-GUARD (001, 000): blocking a guardian goes with locking the child's login, so the
           guardian cannot log in with the child's own e-ID. */
        if (child && blocked && !locked) {
            add(&col, PV_ADVICE_BLOCK_WITHOUT_LOCK, "M-GUARD", "seed 001, 000", g->id,
                "A guardian is blocked but the child's login is not locked: if the guardian has "
                "access to the child's e-ID, lock the child's login too.");
        }
    }
    /* M-PROT (001): with protected identity, lock the child's login and seal the journal, so
       that access does not reopen when the protection ends. */
    if (child && any_protected && !login_locked_and_sealed(c, on)) {
        add(&col, PV_ADVICE_PROTECTED_WITHOUT_MEASURES, "M-PROT", "seed 001", NULL,
            "The child or a guardian has protected identity: lock the child's login and seal "
            "the whole journal, so that access does not reopen when the protection ends.");
    }
    /* M-GUARD, M-13 (002, 000): a locked login on a child under 13 cuts off every guardian;
       to stop one guardian, block that guardian instead. */
    if (age < AGE_OWN_LOGIN && locked && keeps_guardians) {
        add(&col, PV_ADVICE_CHILD_LOCK_CUTS_ALL_GUARDIANS, "M-13", "seed 002, 000", NULL,
            "The login of a child under 13 is locked while guardians keep their proxy: the lock "
            "cuts every guardian off. To stop one guardian, block that guardian instead.");
    }
    /* X1 (000): a case number is recorded for every lock, after an acute lock afterwards. */
    if (lock_without_case_number(c, on)) {
        add(&col, PV_ADVICE_LOCK_WITHOUT_CASE_NUMBER, "X1", "seed 000", NULL,
            "The login is locked without a case number (diarienummer): add it, also after an "
            "acute lock.");
    }
    *count = col.count;
    if (col.count > capacity) {
        error_set(&err, PV_ERR_BUFFER_TOO_SMALL, PV_RULE_NONE, "capacity",
                  "is less than the number of items (see count)");
        return error_report(error, &err);
    }
    error_clear(error);
    return PV_OK;
}
