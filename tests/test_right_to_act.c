/* test_right_to_act.c — step 4 of RULES.md section 3: the right to act. S1, S2 (self), D1, D2,
   D3 (direct access for ages 13 to 15), G1, G2 (guardian proxy), P1, P2 (representatives), with
   ages (A1, A2) on the day before, on and after the 13th and 16th birthdays and grants and
   appointments at the ends of their intervals. */
#include "suites.h"
#include "test_eval_util.h"

/* The child of these tests: born 2010-06-15, 13 on 2023-06-15, 16 on 2026-06-15. */
#define BIRTH D(2010, 6, 15)
#define DAY_BEFORE_13 D(2023, 6, 14)
#define BIRTHDAY_13 D(2023, 6, 15)
#define DAY_AFTER_13 D(2023, 6, 16)
#define DAY_BEFORE_16 D(2026, 6, 14)
#define BIRTHDAY_16 D(2026, 6, 15)
#define DAY_AFTER_16 D(2026, 6, 16)
/* A day when the child is 14. */
#define AGE_14 D(2024, 9, 1)

static void child_on(fixture *f, pv_date on) {
    fx_init(f, BIRTH, on);
}

/* -- S1 ------------------------------------------------------------------------------------ */

static void test_s1_self_e_services_at_13th_birthday(void) {
    fixture f;
    child_on(&f, DAY_BEFORE_13);
    EXPECT_DENY(&f, BIT(UNDER_13), S1);
    child_on(&f, BIRTHDAY_13);
    EXPECT_PERMIT(&f, SELF, S1, false);
    child_on(&f, DAY_AFTER_13);
    EXPECT_PERMIT(&f, SELF, S1, false);
    /* and stays so at 16 and as an adult */
    child_on(&f, BIRTHDAY_16);
    EXPECT_PERMIT(&f, SELF, S1, false);
    child_on(&f, D(2060, 1, 1));
    EXPECT_PERMIT(&f, SELF, S1, false);
}

static void test_s1_newborn_and_young_child(void) {
    fixture f;
    fx_init(&f, D(2026, 3, 4), D(2026, 3, 4)); /* born today */
    EXPECT_DENY(&f, BIT(UNDER_13), S1);
    fx_init(&f, D(2014, 3, 5), D(2026, 3, 4)); /* 11 */
    EXPECT_DENY(&f, BIT(UNDER_13), S1);
}

static void test_a1_s1_leap_day_birth(void) {
    /* A1: born 29 February, 13 on 28 February of a common year. */
    fixture f;
    fx_init(&f, D(2012, 2, 29), D(2025, 2, 27));
    EXPECT_DENY(&f, BIT(UNDER_13), S1);
    fx_init(&f, D(2012, 2, 29), D(2025, 2, 28));
    EXPECT_PERMIT(&f, SELF, S1, false);
    fx_init(&f, D(2012, 2, 29), D(2025, 3, 1));
    EXPECT_PERMIT(&f, SELF, S1, false);
}

static void test_a3_s1_birth_date_from_personnummer(void) {
    /* A3: the birth date 2010-03-15 comes from the personnummer (twelve and ten digits, and a
       samordningsnummer, day + 60). */
    static const char *const numbers[] = {"20100315-1238", "201003151238", "100315-1238",
                                          "1003151238", "20100375-1235"};
    fixture f;
    for (size_t i = 0; i < sizeof numbers / sizeof numbers[0]; i++) {
        fx_init(&f, PV_DATE_NONE, D(2023, 3, 14));
        f.citizen.personnummer = numbers[i];
        EXPECT_DENY(&f, BIT(UNDER_13), S1);
        fx_init(&f, PV_DATE_NONE, D(2023, 3, 15));
        f.citizen.personnummer = numbers[i];
        EXPECT_PERMIT(&f, SELF, S1, false);
        fx_journal(&f);
        EXPECT_DENY(&f, BIT(UNDER_16), D1);
    }
    /* N4: with '+' the ten-digit form is a century earlier: 113 years old. */
    fx_init(&f, PV_DATE_NONE, D(2023, 3, 15));
    f.citizen.personnummer = "100315+1238";
    fx_journal(&f);
    EXPECT_PERMIT(&f, SELF, S2, false);
}

/* -- S2, D1 -------------------------------------------------------------------------------- */

static void test_s2_self_journal_at_birthdays_without_grant(void) {
    fixture f;
    child_on(&f, DAY_BEFORE_13);
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(UNDER_13), S2);
    child_on(&f, BIRTHDAY_13);
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(UNDER_16), D1);
    child_on(&f, DAY_AFTER_13);
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(UNDER_16), D1);
    child_on(&f, DAY_BEFORE_16);
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(UNDER_16), D1);
    child_on(&f, BIRTHDAY_16);
    fx_journal(&f);
    EXPECT_PERMIT(&f, SELF, S2, false);
    child_on(&f, DAY_AFTER_16);
    fx_journal(&f);
    EXPECT_PERMIT(&f, SELF, S2, false);
}

static void test_s2_all_query_kinds(void) {
    fixture f;
    child_on(&f, BIRTHDAY_16);
    fx_journal_unit(&f, U1);
    EXPECT_PERMIT(&f, SELF, S2, false);
    fx_journal_entry(&f, U1, D(2015, 1, 1));
    EXPECT_PERMIT(&f, SELF, S2, false);
    fx_journal_entry(&f, U1, D(2015, 1, 1));
    fx_channel(&f, PV_CHANNEL_DIRECT);
    EXPECT_PERMIT(&f, SELF, S2, false);
    child_on(&f, DAY_BEFORE_16);
    fx_journal_unit(&f, U1);
    EXPECT_DENY(&f, BIT(UNDER_16), D1);
    fx_journal_entry(&f, U1, D(2015, 1, 1));
    EXPECT_DENY(&f, BIT(UNDER_16), D1);
    child_on(&f, DAY_BEFORE_13);
    fx_journal_entry(&f, U1, D(2015, 1, 1));
    fx_channel(&f, PV_CHANNEL_DIRECT);
    EXPECT_DENY(&f, BIT(UNDER_13), S2);
}

static void test_a1_s2_leap_day_births(void) {
    /* A1: born 2012-02-29, 16 on 2028-02-29 (a leap year). */
    fixture f;
    fx_init(&f, D(2012, 2, 29), D(2028, 2, 28));
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(UNDER_16), D1);
    fx_init(&f, D(2012, 2, 29), D(2028, 2, 29));
    fx_journal(&f);
    EXPECT_PERMIT(&f, SELF, S2, false);
    /* Born 2084-02-29: 2100 is not a leap year, so 16 on 2100-02-28. */
    fx_init(&f, D(2084, 2, 29), D(2100, 2, 27));
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(UNDER_16), D1);
    fx_init(&f, D(2084, 2, 29), D(2100, 2, 28));
    fx_journal(&f);
    EXPECT_PERMIT(&f, SELF, S2, false);
    /* 13 on 2025-02-28 for a 2012-02-29 birth: UNDER_13 turns into UNDER_16. */
    fx_init(&f, D(2012, 2, 29), D(2025, 2, 27));
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(UNDER_13), S2);
    fx_init(&f, D(2012, 2, 29), D(2025, 2, 28));
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(UNDER_16), D1);
}

static void test_d1_grant_for_the_asked_unit(void) {
    fixture f;
    child_on(&f, AGE_14);
    fx_grant(&f, PV_GRANT_HOLDER_SELF, U1, D(2024, 1, 1), D(2024, 12, 31));
    fx_journal_unit(&f, U1);
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D1, false);
    fx_journal_entry(&f, U1, D(2020, 1, 1));
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D1, false);
    fx_journal_unit(&f, U1);
    fx_channel(&f, PV_CHANNEL_DIRECT);
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D1, false);
    /* another unit: no grant */
    fx_journal_unit(&f, U2);
    EXPECT_DENY(&f, BIT(UNDER_16), D1);
    fx_journal_entry(&f, U2, D(2020, 1, 1));
    EXPECT_DENY(&f, BIT(UNDER_16), D1);
    /* e-services: S1 only */
    fx_eservices(&f);
    EXPECT_PERMIT(&f, SELF, S1, false);
}

static void test_d1_whole_journal_filtered(void) {
    /* D1: whole-journal query with a grant in force: permitted, restricted to the granted
       units (filtered). */
    fixture f;
    child_on(&f, AGE_14);
    fx_grant(&f, PV_GRANT_HOLDER_SELF, U1, PV_DATE_NONE, PV_DATE_NONE);
    fx_journal(&f);
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D1, true);
    fx_channel(&f, PV_CHANNEL_DIRECT);
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D1, true);
    /* Two grants, one out of force: still permitted. */
    child_on(&f, AGE_14);
    fx_grant(&f, PV_GRANT_HOLDER_SELF, U2, D(2023, 1, 1), D(2023, 12, 31));
    fx_grant(&f, PV_GRANT_HOLDER_SELF, U1, D(2024, 8, 1), PV_DATE_NONE);
    fx_journal(&f);
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D1, true);
    /* and the unit of the out-of-force grant is not reachable */
    fx_journal_unit(&f, U2);
    EXPECT_DENY(&f, BIT(UNDER_16), D1);
}

static void test_d1_whole_journal_without_grant_in_force(void) {
    fixture f;
    child_on(&f, AGE_14);
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(UNDER_16), D1);
    fx_grant(&f, PV_GRANT_HOLDER_SELF, U1, D(2023, 1, 1), D(2024, 8, 31));
    fx_grant(&f, PV_GRANT_HOLDER_SELF, U2, D(2024, 9, 2), PV_DATE_NONE);
    EXPECT_DENY(&f, BIT(UNDER_16), D1);
}

static void test_d1_grant_interval_ends(void) {
    /* D1, D3: a grant is in force from its first to its last day, both inclusive. */
    fixture f;
    child_on(&f, D(2024, 2, 29));
    fx_grant(&f, PV_GRANT_HOLDER_SELF, U1, D(2024, 3, 1), D(2024, 10, 31));
    fx_journal_unit(&f, U1);
    EXPECT_DENY(&f, BIT(UNDER_16), D1);
    f.on = D(2024, 3, 1);
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D1, false);
    f.on = D(2024, 3, 2);
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D1, false);
    f.on = D(2024, 10, 31);
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D1, false);
    f.on = D(2024, 11, 1);
    EXPECT_DENY(&f, BIT(UNDER_16), D1);
    /* whole journal follows the same ends */
    fx_journal(&f);
    f.on = D(2024, 2, 29);
    EXPECT_DENY(&f, BIT(UNDER_16), D1);
    f.on = D(2024, 3, 1);
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D1, true);
    f.on = D(2024, 10, 31);
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D1, true);
    f.on = D(2024, 11, 1);
    EXPECT_DENY(&f, BIT(UNDER_16), D1);
    /* a one-day grant */
    child_on(&f, D(2024, 5, 5));
    fx_grant(&f, PV_GRANT_HOLDER_SELF, U1, D(2024, 5, 5), D(2024, 5, 5));
    fx_journal_unit(&f, U1);
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D1, false);
    f.on = D(2024, 5, 4);
    EXPECT_DENY(&f, BIT(UNDER_16), D1);
    f.on = D(2024, 5, 6);
    EXPECT_DENY(&f, BIT(UNDER_16), D1);
}

static void test_d1_open_grant_ends(void) {
    fixture f;
    child_on(&f, AGE_14);
    fx_grant(&f, PV_GRANT_HOLDER_SELF, U1, PV_DATE_NONE, D(2024, 9, 1));
    fx_journal_unit(&f, U1);
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D1, false);
    f.grants[0].until = D(2024, 8, 31);
    EXPECT_DENY(&f, BIT(UNDER_16), D1);
    f.grants[0].from = D(2024, 9, 1);
    f.grants[0].until = PV_DATE_NONE;
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D1, false);
    f.grants[0].from = D(2024, 9, 2);
    EXPECT_DENY(&f, BIT(UNDER_16), D1);
}

static void test_d1_grant_held_by_guardian_is_not_the_childs(void) {
    fixture f;
    child_on(&f, AGE_14);
    fx_grant(&f, "g1", U1, PV_DATE_NONE, PV_DATE_NONE);
    fx_journal_unit(&f, U1);
    EXPECT_DENY(&f, BIT(UNDER_16), D1);
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(UNDER_16), D1);
}

static void test_d3_grant_has_no_effect_before_13_or_from_16(void) {
    fixture f;
    child_on(&f, DAY_BEFORE_13);
    fx_grant(&f, PV_GRANT_HOLDER_SELF, U1, PV_DATE_NONE, PV_DATE_NONE);
    fx_journal_unit(&f, U1);
    EXPECT_DENY(&f, BIT(UNDER_13), S2);
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(UNDER_13), S2);
    f.on = BIRTHDAY_13;
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D1, true);
    fx_journal_unit(&f, U1);
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D1, false);
    f.on = DAY_BEFORE_16;
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D1, false);
    fx_journal(&f);
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D1, true);
    /* From 16 the basis is SELF (S2) and the whole journal is not filtered. */
    f.on = BIRTHDAY_16;
    EXPECT_PERMIT(&f, SELF, S2, false);
    fx_journal_unit(&f, U1);
    EXPECT_PERMIT(&f, SELF, S2, false);
    fx_journal_unit(&f, U2);
    EXPECT_PERMIT(&f, SELF, S2, false);
}

/* -- G1, G2, D2 ---------------------------------------------------------------------------- */

static void test_g1_guardian_e_services_until_13th_birthday(void) {
    fixture f;
    child_on(&f, D(2010, 6, 15)); /* the day of birth */
    fx_guardian(&f, "g1");
    EXPECT_PERMIT(&f, GUARDIAN_PROXY, G1, false);
    child_on(&f, DAY_BEFORE_13);
    fx_guardian(&f, "g1");
    EXPECT_PERMIT(&f, GUARDIAN_PROXY, G1, false);
    fx_guardian(&f, "g2");
    EXPECT_PERMIT(&f, GUARDIAN_PROXY, G1, false);
    child_on(&f, BIRTHDAY_13);
    fx_guardian(&f, "g1");
    EXPECT_DENY(&f, BIT(PROXY_ENDED), G1);
    child_on(&f, DAY_AFTER_13);
    fx_guardian(&f, "g1");
    EXPECT_DENY(&f, BIT(PROXY_ENDED), G1);
    child_on(&f, BIRTHDAY_16);
    fx_guardian(&f, "g2");
    EXPECT_DENY(&f, BIT(PROXY_ENDED), G1);
}

static void test_g1_grant_does_not_extend_e_services(void) {
    /* D2 is for the journal; a guardian's grant gives nothing for e-services. */
    fixture f;
    child_on(&f, AGE_14);
    fx_grant(&f, "g1", U1, PV_DATE_NONE, PV_DATE_NONE);
    fx_guardian(&f, "g1");
    EXPECT_DENY(&f, BIT(PROXY_ENDED), G1);
}

static void test_g2_guardian_journal_at_birthdays_without_grant(void) {
    fixture f;
    child_on(&f, DAY_BEFORE_13);
    fx_guardian(&f, "g1");
    fx_journal(&f);
    EXPECT_PERMIT(&f, GUARDIAN_PROXY, G2, false);
    fx_journal_unit(&f, U1);
    EXPECT_PERMIT(&f, GUARDIAN_PROXY, G2, false);
    fx_journal_entry(&f, U1, D(2015, 1, 1));
    EXPECT_PERMIT(&f, GUARDIAN_PROXY, G2, false);
    fx_channel(&f, PV_CHANNEL_DIRECT);
    EXPECT_PERMIT(&f, GUARDIAN_PROXY, G2, false);
    /* 13 to 15 without a grant: D2 */
    f.on = BIRTHDAY_13;
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(PROXY_ENDED), D2);
    f.on = DAY_AFTER_13;
    EXPECT_DENY(&f, BIT(PROXY_ENDED), D2);
    fx_journal_unit(&f, U1);
    EXPECT_DENY(&f, BIT(PROXY_ENDED), D2);
    f.on = DAY_BEFORE_16;
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(PROXY_ENDED), D2);
    /* 16 and older: G2 */
    f.on = BIRTHDAY_16;
    EXPECT_DENY(&f, BIT(PROXY_ENDED), G2);
    f.on = DAY_AFTER_16;
    EXPECT_DENY(&f, BIT(PROXY_ENDED), G2);
    fx_journal_entry(&f, U1, D(2015, 1, 1));
    EXPECT_DENY(&f, BIT(PROXY_ENDED), G2);
}

static void test_d2_grant_held_by_this_guardian(void) {
    fixture f;
    child_on(&f, AGE_14);
    fx_grant(&f, "g1", U1, D(2024, 1, 1), D(2025, 12, 31));
    fx_guardian(&f, "g1");
    fx_journal_unit(&f, U1);
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D2, false);
    fx_journal_entry(&f, U1, D(2021, 4, 4));
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D2, false);
    fx_channel(&f, PV_CHANNEL_DIRECT);
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D2, false);
    fx_journal(&f);
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D2, true);
    /* another unit */
    fx_journal_unit(&f, U2);
    EXPECT_DENY(&f, BIT(PROXY_ENDED), D2);
    fx_journal_entry(&f, U2, D(2021, 4, 4));
    EXPECT_DENY(&f, BIT(PROXY_ENDED), D2);
}

static void test_d2_grant_held_by_another_guardian_or_the_child(void) {
    fixture f;
    child_on(&f, AGE_14);
    fx_grant(&f, "g2", U1, PV_DATE_NONE, PV_DATE_NONE);
    fx_grant(&f, PV_GRANT_HOLDER_SELF, U1, PV_DATE_NONE, PV_DATE_NONE);
    fx_guardian(&f, "g1");
    fx_journal_unit(&f, U1);
    EXPECT_DENY(&f, BIT(PROXY_ENDED), D2);
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(PROXY_ENDED), D2);
    /* g2 holds the grant */
    fx_guardian(&f, "g2");
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D2, true);
    fx_journal_unit(&f, U1);
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D2, false);
    /* and the child holds one too */
    fx_self(&f);
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D1, false);
}

static void test_d2_grant_interval_ends(void) {
    fixture f;
    child_on(&f, D(2024, 12, 31));
    fx_grant(&f, "g1", U1, D(2025, 1, 1), D(2025, 6, 30));
    fx_guardian(&f, "g1");
    fx_journal_unit(&f, U1);
    EXPECT_DENY(&f, BIT(PROXY_ENDED), D2);
    f.on = D(2025, 1, 1);
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D2, false);
    f.on = D(2025, 6, 30);
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D2, false);
    f.on = D(2025, 7, 1);
    EXPECT_DENY(&f, BIT(PROXY_ENDED), D2);
    fx_journal(&f);
    f.on = D(2024, 12, 31);
    EXPECT_DENY(&f, BIT(PROXY_ENDED), D2);
    f.on = D(2025, 1, 1);
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D2, true);
    f.on = D(2025, 6, 30);
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D2, true);
    f.on = D(2025, 7, 1);
    EXPECT_DENY(&f, BIT(PROXY_ENDED), D2);
}

static void test_d3_guardian_grant_at_birthdays(void) {
    fixture f;
    child_on(&f, DAY_BEFORE_13);
    fx_grant(&f, "g1", U1, PV_DATE_NONE, PV_DATE_NONE);
    fx_guardian(&f, "g1");
    /* Under 13 the proxy reaches every unit, unfiltered; the grant adds nothing. */
    fx_journal(&f);
    EXPECT_PERMIT(&f, GUARDIAN_PROXY, G2, false);
    fx_journal_unit(&f, U2);
    EXPECT_PERMIT(&f, GUARDIAN_PROXY, G2, false);
    fx_journal_unit(&f, U1);
    EXPECT_PERMIT(&f, GUARDIAN_PROXY, G2, false);
    f.on = BIRTHDAY_13;
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D2, false);
    fx_journal(&f);
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D2, true);
    f.on = DAY_BEFORE_16;
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D2, true);
    fx_journal_unit(&f, U1);
    EXPECT_PERMIT(&f, DIRECT_ACCESS, D2, false);
    f.on = BIRTHDAY_16;
    EXPECT_DENY(&f, BIT(PROXY_ENDED), G2);
    fx_journal(&f);
    EXPECT_DENY(&f, BIT(PROXY_ENDED), G2);
    f.on = DAY_AFTER_16;
    EXPECT_DENY(&f, BIT(PROXY_ENDED), G2);
}

/* -- P1, P2 -------------------------------------------------------------------------------- */

static void adult(fixture *f) {
    fx_init(f, D(1950, 8, 8), D(2026, 3, 4));
    fx_rep(f, "r1");
    fx_journal(f);
}

static void test_p1_representative_never_e_services(void) {
    fixture f;
    adult(&f);
    fx_eservices(&f);
    EXPECT_DENY(&f, BIT(REPRESENTATIVE_JOURNAL_ONLY), P1);
    f.reps[0].kind = PV_REPRESENTATIVE_FORVALTARE;
    EXPECT_DENY(&f, BIT(REPRESENTATIVE_JOURNAL_ONLY), P1);
    /* P2 is about the journal: an incomplete appointment adds nothing here. */
    f.reps[0].consent = false;
    f.reps[0].court_order = false;
    EXPECT_DENY(&f, BIT(REPRESENTATIVE_JOURNAL_ONLY), P1);
}

static void test_p2_complete_appointment(void) {
    fixture f;
    adult(&f);
    EXPECT_PERMIT(&f, REPRESENTATIVE, P2, false);
    fx_journal_unit(&f, U1);
    EXPECT_PERMIT(&f, REPRESENTATIVE, P2, false);
    fx_journal_entry(&f, U1, D(1999, 9, 9));
    EXPECT_PERMIT(&f, REPRESENTATIVE, P2, false);
    fx_channel(&f, PV_CHANNEL_DIRECT);
    EXPECT_PERMIT(&f, REPRESENTATIVE, P2, false);
    adult(&f);
    f.reps[0].kind = PV_REPRESENTATIVE_FORVALTARE;
    EXPECT_PERMIT(&f, REPRESENTATIVE, P2, false);
}

static void test_p2_each_condition_missing(void) {
    fixture f;
    adult(&f);
    f.reps[0].cares_for_person = false;
    EXPECT_DENY(&f, BIT(REPRESENTATIVE_INCOMPLETE), P2);
    adult(&f);
    f.reps[0].consent = false;
    EXPECT_DENY(&f, BIT(REPRESENTATIVE_INCOMPLETE), P2);
    adult(&f);
    f.reps[0].court_order = false;
    EXPECT_DENY(&f, BIT(REPRESENTATIVE_INCOMPLETE), P2);
    adult(&f);
    f.reps[0].from = D(2026, 3, 5);
    EXPECT_DENY(&f, BIT(REPRESENTATIVE_INCOMPLETE), P2);
    adult(&f);
    f.reps[0].until = D(2026, 3, 3);
    EXPECT_DENY(&f, BIT(REPRESENTATIVE_INCOMPLETE), P2);
    /* a förvaltare missing the court order */
    adult(&f);
    f.reps[0].kind = PV_REPRESENTATIVE_FORVALTARE;
    f.reps[0].court_order = false;
    fx_journal_entry(&f, U2, D(2001, 1, 1));
    EXPECT_DENY(&f, BIT(REPRESENTATIVE_INCOMPLETE), P2);
    /* all missing: still one reason */
    adult(&f);
    f.reps[0].cares_for_person = false;
    f.reps[0].consent = false;
    f.reps[0].court_order = false;
    f.reps[0].until = D(2020, 1, 1);
    EXPECT_DENY(&f, BIT(REPRESENTATIVE_INCOMPLETE), P2);
}

static void test_p2_appointment_interval_ends(void) {
    fixture f;
    adult(&f);
    f.reps[0].from = D(2026, 3, 4);
    f.reps[0].until = D(2026, 3, 4);
    EXPECT_PERMIT(&f, REPRESENTATIVE, P2, false);
    f.reps[0].from = D(2026, 3, 1);
    f.reps[0].until = D(2026, 12, 31);
    f.on = D(2026, 2, 28);
    EXPECT_DENY(&f, BIT(REPRESENTATIVE_INCOMPLETE), P2);
    f.on = D(2026, 3, 1);
    EXPECT_PERMIT(&f, REPRESENTATIVE, P2, false);
    f.on = D(2026, 12, 31);
    EXPECT_PERMIT(&f, REPRESENTATIVE, P2, false);
    f.on = D(2027, 1, 1);
    EXPECT_DENY(&f, BIT(REPRESENTATIVE_INCOMPLETE), P2);
    /* open ends */
    f.reps[0].from = PV_DATE_NONE;
    f.on = D(1990, 1, 1);
    EXPECT_PERMIT(&f, REPRESENTATIVE, P2, false);
    f.reps[0].until = PV_DATE_NONE;
    f.reps[0].from = D(2026, 3, 1);
    f.on = D(2090, 1, 1);
    EXPECT_PERMIT(&f, REPRESENTATIVE, P2, false);
}

static void test_p2_each_representative_on_its_own(void) {
    fixture f;
    adult(&f);
    pv_representative *r2 = fx_add_rep(&f, "r2");
    r2->consent = false;
    EXPECT_PERMIT(&f, REPRESENTATIVE, P2, false);
    fx_rep(&f, "r2");
    EXPECT_DENY(&f, BIT(REPRESENTATIVE_INCOMPLETE), P2);
    r2->consent = true;
    r2->kind = PV_REPRESENTATIVE_FORVALTARE;
    EXPECT_PERMIT(&f, REPRESENTATIVE, P2, false);
    f.reps[0].court_order = false;
    EXPECT_PERMIT(&f, REPRESENTATIVE, P2, false);
    fx_rep(&f, "r1");
    EXPECT_DENY(&f, BIT(REPRESENTATIVE_INCOMPLETE), P2);
}

int register_right_to_act_suite(void) {
    static const pv_test_case cases[] = {
        {"S1, A2: self e-services around the 13th birthday",
         test_s1_self_e_services_at_13th_birthday},
        {"S1: newborn and 11-year-old", test_s1_newborn_and_young_child},
        {"S1, A1: born 29 February", test_a1_s1_leap_day_birth},
        {"S1, A3: birth date from a personnummer", test_a3_s1_birth_date_from_personnummer},
        {"S2, D1: self journal around the 13th and 16th birthdays",
         test_s2_self_journal_at_birthdays_without_grant},
        {"S2, D1: unit and entry queries", test_s2_all_query_kinds},
        {"S2, A1: born 29 February", test_a1_s2_leap_day_births},
        {"D1: a grant for the asked unit", test_d1_grant_for_the_asked_unit},
        {"D1: whole journal with a grant in force is filtered", test_d1_whole_journal_filtered},
        {"D1: whole journal without a grant in force",
         test_d1_whole_journal_without_grant_in_force},
        {"D1, D3: grant interval ends", test_d1_grant_interval_ends},
        {"D1, D3: open grant ends", test_d1_open_grant_ends},
        {"D1: a guardian's grant is not the child's",
         test_d1_grant_held_by_guardian_is_not_the_childs},
        {"D3: no effect before 13 or from 16", test_d3_grant_has_no_effect_before_13_or_from_16},
        {"G1: guardian e-services until the 13th birthday",
         test_g1_guardian_e_services_until_13th_birthday},
        {"G1, D2: a grant does not extend e-services", test_g1_grant_does_not_extend_e_services},
        {"G2, D2: guardian journal around the birthdays",
         test_g2_guardian_journal_at_birthdays_without_grant},
        {"D2: a grant held by this guardian", test_d2_grant_held_by_this_guardian},
        {"D2: a grant held by another guardian or the child",
         test_d2_grant_held_by_another_guardian_or_the_child},
        {"D2, D3: grant interval ends", test_d2_grant_interval_ends},
        {"D2, D3: guardian grant around the birthdays", test_d3_guardian_grant_at_birthdays},
        {"P1: a representative never reaches e-services", test_p1_representative_never_e_services},
        {"P2: a complete appointment", test_p2_complete_appointment},
        {"P2: each condition missing", test_p2_each_condition_missing},
        {"P2: appointment interval ends", test_p2_appointment_interval_ends},
        {"P2: each representative on its own", test_p2_each_representative_on_its_own},
        {NULL, NULL},
    };
    return pv_add_suite("right to act (S1, S2, D1-D3, G1, G2, P1, P2)", cases);
}
