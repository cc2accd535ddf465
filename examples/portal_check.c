/*
 * portal_check.c — what each person in a household can reach today, and why.
 *
 * A child of twelve and a half with two guardians, one of whom care has blocked (G3), and a seal
 * on one care unit that hides the entries registered in the first half of 2024 (J4). For the
 * child and each guardian the program asks portvakt about the e-services, the whole journal, the
 * sealed unit and one entry in the sealed period, and prints the answer, the rule, the message
 * the person would be shown and the date on which the answer changes.
 *
 * Usage: portal_check [YYYY-MM-DD]   (the date defaults to today; portvakt itself never reads a
 *                                      clock — the caller passes the date)
 */
#define _POSIX_C_SOURCE 200809L /* localtime_r */

#include <stdio.h>
#include <time.h>

#include "portvakt.h"

static pv_date today(void) {
    time_t now = time(NULL);
    struct tm local;
    pv_date d = PV_DATE_NONE;
    if (localtime_r(&now, &local) == NULL) return d;
    d.year = (int16_t)(local.tm_year + 1900);
    d.month = (uint8_t)(local.tm_mon + 1);
    d.day = (uint8_t)local.tm_mday;
    return d;
}

static const char *date_text(pv_date d, char buf[PV_DATE_STRING_SIZE]) {
    if (pv_date_is_none(d) || pv_date_format(d, buf, PV_DATE_STRING_SIZE, NULL) != PV_OK) {
        return "never";
    }
    return buf;
}

static void ask(const char *who, const pv_citizen *child, const pv_actor *actor, const char *what,
                const pv_service *service, pv_date on) {
    pv_decision d = PV_DECISION_INIT;
    pv_error error = PV_ERROR_INIT;
    char when[PV_DATE_STRING_SIZE];
    if (pv_evaluate(child, actor, service, on, &d, &error) != PV_OK) {
        /* V1: the decision is a deny (fail closed); the error says which field and why */
        printf("  %-8s %-22s invalid input at %s: %s\n", who, what, error.field, error.message);
        return;
    }
    printf("  %-8s %-22s %-6s %-22s %-3s%s  changes %s\n", who, what, pv_effect_name(d.effect),
           pv_reason_name(d.reason), pv_rule_name(d.rule), d.filtered ? " (filtered)" : "",
           date_text(d.changes_on, when));
    if (d.effect == PV_EFFECT_DENY) {
        printf("  %-8s %-22s shown: \"%s\"\n", "", "",
               pv_message(d.reason, actor->kind, PV_LANGUAGE_SV));
    }
}

int main(int argc, char **argv) {
    pv_date on = today();
    if (argc > 1 && pv_date_parse(argv[1], &on, NULL) != PV_OK) {
        fprintf(stderr, "portal_check: not a date (YYYY-MM-DD): %s\n", argv[1]);
        return 2;
    }

    /* The child turns 13 in about seven months. */
    pv_date birth = pv_date_from_days(pv_date_to_days(on) - 12 * 365 - 3 - 150);
    const char *unit = "SE2321000016-1ABC";

    /* Every struct carries the version of the header it was compiled with: start each from its
       PV_*_INIT, or set .version as here. A struct left at zero is invalid input, never a
       permit. */
    const pv_guardian guardians[] = {
        {.version = PV_GUARDIAN_VERSION, .id = "anna"},
        {.version = PV_GUARDIAN_VERSION, .id = "bertil", .blocked = true}, /* G3: blocked */
    };
    const pv_seal seals[] = {{
        .version = PV_SEAL_VERSION,
        .scope = PV_SEAL_UNIT,
        .unit = unit,
        .active = {.from = {2025, 1, 1}}, /* in force from 2025, open-ended (J3) */
        .has_content = true,              /* J4: hides only these entries */
        .content = {.from = {2024, 1, 1}, .until = {2024, 6, 30}},
    }};
    const pv_citizen child = {
        .version = PV_CITIZEN_VERSION,
        .birth_date = birth,
        .guardians = guardians,
        .guardian_count = 2,
        .seals = seals,
        .seal_count = 1,
    };

    const pv_actor people[] = {
        {.version = PV_ACTOR_VERSION, .kind = PV_ACTOR_SELF, .eid = PV_EID_BANKID},
        {.version = PV_ACTOR_VERSION,
         .kind = PV_ACTOR_GUARDIAN,
         .id = "anna",
         .eid = PV_EID_BANKID},
        {.version = PV_ACTOR_VERSION,
         .kind = PV_ACTOR_GUARDIAN,
         .id = "bertil",
         .eid = PV_EID_FREJA_PLUS},
    };
    const char *names[] = {"child", "anna", "bertil"};

    const pv_service e_services = {.version = PV_SERVICE_VERSION, .kind = PV_SERVICE_E_SERVICES};
    const pv_service journal = {.version = PV_SERVICE_VERSION, .kind = PV_SERVICE_JOURNAL};
    const pv_service unit_records = {
        .version = PV_SERVICE_VERSION, .kind = PV_SERVICE_JOURNAL, .unit = unit};
    const pv_service sealed_entry = {.version = PV_SERVICE_VERSION,
                                     .kind = PV_SERVICE_JOURNAL,
                                     .unit = unit,
                                     .entry_date = {2024, 3, 12}};

    char b[PV_DATE_STRING_SIZE], o[PV_DATE_STRING_SIZE];
    printf("portvakt %s — household on %s (child born %s)\n\n", pv_version(), date_text(on, o),
           date_text(birth, b));
    for (size_t i = 0; i < sizeof people / sizeof people[0]; i++) {
        ask(names[i], &child, &people[i], "e-services", &e_services, on);
        ask(names[i], &child, &people[i], "journal", &journal, on);
        ask(names[i], &child, &people[i], "journal, sealed unit", &unit_records, on);
        ask(names[i], &child, &people[i], "entry of 2024-03-12", &sealed_entry, on);
        printf("\n");
    }
    return 0;
}
