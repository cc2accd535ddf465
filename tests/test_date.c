/*
 * test_date.c — the calendar and age (RULES.md section 2: A1, A2), and the date helpers the
 * decision path uses (date_next_day, date_anniversary, date_age).
 *
 * Expected values come from the Gregorian calendar and from RULES.md, worked out by hand; the
 * day-number walk compares the library with a plain day-by-day count kept by the test itself.
 */
#include <limits.h>
#include <string.h>

#include "../src/internal.h"
#include "suites.h"
#include "test_util.h"

static bool same_date(pv_date a, pv_date b) {
    return a.year == b.year && a.month == b.month && a.day == b.day;
}

/* ---- leap years and month lengths --------------------------------------------------------- */

static void test_leap_years(void) {
    /* Divisible by 4, except centuries, except every fourth century. */
    CU_ASSERT_FALSE(pv_date_is_leap_year(1900));
    CU_ASSERT_TRUE(pv_date_is_leap_year(2000));
    CU_ASSERT_TRUE(pv_date_is_leap_year(2024));
    CU_ASSERT_FALSE(pv_date_is_leap_year(2100));
    CU_ASSERT_FALSE(pv_date_is_leap_year(2023));
    CU_ASSERT_TRUE(pv_date_is_leap_year(1600));
    CU_ASSERT_TRUE(pv_date_is_leap_year(4));
    CU_ASSERT_FALSE(pv_date_is_leap_year(1));
}

static void test_days_in_month(void) {
    CU_ASSERT_EQUAL(pv_date_days_in_month(2023, 1), 31);
    CU_ASSERT_EQUAL(pv_date_days_in_month(2023, 2), 28);
    CU_ASSERT_EQUAL(pv_date_days_in_month(2024, 2), 29);
    CU_ASSERT_EQUAL(pv_date_days_in_month(1900, 2), 28);
    CU_ASSERT_EQUAL(pv_date_days_in_month(2000, 2), 29);
    CU_ASSERT_EQUAL(pv_date_days_in_month(2023, 4), 30);
    CU_ASSERT_EQUAL(pv_date_days_in_month(2023, 6), 30);
    CU_ASSERT_EQUAL(pv_date_days_in_month(2023, 9), 30);
    CU_ASSERT_EQUAL(pv_date_days_in_month(2023, 11), 30);
    CU_ASSERT_EQUAL(pv_date_days_in_month(2023, 12), 31);
    CU_ASSERT_EQUAL(pv_date_days_in_month(2023, 0), 0);
    CU_ASSERT_EQUAL(pv_date_days_in_month(2023, 13), 0);
    CU_ASSERT_EQUAL(pv_date_days_in_month(2023, -1), 0);
}

static void test_valid_dates(void) {
    CU_ASSERT_TRUE(pv_date_is_valid(D(2024, 2, 29)));
    CU_ASSERT_TRUE(pv_date_is_valid(D(1, 1, 1)));
    CU_ASSERT_TRUE(pv_date_is_valid(D(9999, 12, 31)));
    CU_ASSERT_FALSE(pv_date_is_valid(D(2023, 2, 29)));
    CU_ASSERT_FALSE(pv_date_is_valid(D(1900, 2, 29)));
    CU_ASSERT_FALSE(pv_date_is_valid(D(2023, 13, 1)));
    CU_ASSERT_FALSE(pv_date_is_valid(D(2023, 0, 1)));
    CU_ASSERT_FALSE(pv_date_is_valid(D(2023, 1, 0)));
    CU_ASSERT_FALSE(pv_date_is_valid(D(2023, 4, 31)));
    CU_ASSERT_FALSE(pv_date_is_valid(D(0, 1, 1)));
    CU_ASSERT_FALSE(pv_date_is_valid(D(10000, 1, 1)));
    CU_ASSERT_FALSE(pv_date_is_valid(D(-1, 1, 1)));
    CU_ASSERT_FALSE(pv_date_is_valid(PV_DATE_NONE));
}

static void test_none(void) {
    CU_ASSERT_TRUE(pv_date_is_none(PV_DATE_NONE));
    CU_ASSERT_TRUE(pv_date_is_none(D(0, 0, 0)));
    CU_ASSERT_FALSE(pv_date_is_none(D(1, 1, 1)));
    CU_ASSERT_FALSE(pv_date_is_none(D(0, 0, 1)));
}

/* ---- parse and format --------------------------------------------------------------------- */

static void test_parse_valid(void) {
    pv_date d;
    CU_ASSERT_EQUAL(pv_date_parse("2026-03-04", &d, NULL), PV_OK);
    CU_ASSERT_TRUE(same_date(d, D(2026, 3, 4)));
    CU_ASSERT_EQUAL(pv_date_parse("2024-02-29", &d, NULL), PV_OK);
    CU_ASSERT_TRUE(same_date(d, D(2024, 2, 29)));
    CU_ASSERT_EQUAL(pv_date_parse("0001-01-01", &d, NULL), PV_OK);
    CU_ASSERT_TRUE(same_date(d, D(1, 1, 1)));
    CU_ASSERT_EQUAL(pv_date_parse("9999-12-31", &d, NULL), PV_OK);
    CU_ASSERT_TRUE(same_date(d, D(9999, 12, 31)));
}

/* Every malformed or non-existent date is rejected and leaves PV_DATE_NONE (section 8). */
static void test_parse_invalid(void) {
    static const char *const bad[] = {
        "2023-02-29",  /* not a leap year */
        "1900-02-29",  /* a century that is not a leap year */
        "2023-13-01",  /* month 13 */
        "2023-00-10",  /* month 0 */
        "2023-01-00",  /* day 0 */
        "2023-04-31",  /* April has 30 days */
        "2023-01-32",  /* day 32 */
        "0000-01-01",  /* year 0 */
        "2023-1-01",   /* one-digit month */
        "2023-01-1",   /* one-digit day */
        "23-01-01",    /* two-digit year */
        " 2023-01-01", /* leading space */
        "2023-01-01 ", /* trailing space */
        "2023-01-01\n",
        "2023-01-01T00:00",
        "2023/01/01",
        "20230101",
        "2023-01-0a",
        "+023-01-01",
        "2023-+1-01",
        "2023--01-01",
        "",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        pv_date d = D(2000, 1, 1);
        pv_error err = PV_ERROR_INIT;
        CU_ASSERT_EQUAL(pv_date_parse(bad[i], &d, &err), PV_ERR_INVALID_INPUT);
        CU_ASSERT_TRUE(pv_date_is_none(d));
        CU_ASSERT_EQUAL(err.status, PV_ERR_INVALID_INPUT);
        CU_ASSERT_EQUAL(err.rule, PV_RULE_V1);
        CU_ASSERT_STRING_EQUAL(err.field, "text");
        CU_ASSERT_PTR_NOT_NULL(err.message);
    }
    pv_date d = D(2000, 1, 1);
    CU_ASSERT_EQUAL(pv_date_parse(NULL, &d, NULL), PV_ERR_INVALID_INPUT);
    CU_ASSERT_TRUE(pv_date_is_none(d));
    CU_ASSERT_EQUAL(pv_date_parse("2023-01-01", NULL, NULL), PV_ERR_INVALID_INPUT);
}

static void test_format(void) {
    char buf[PV_DATE_STRING_SIZE];
    CU_ASSERT_EQUAL(pv_date_format(D(2026, 3, 4), buf, sizeof buf, NULL), PV_OK);
    CU_ASSERT_STRING_EQUAL(buf, "2026-03-04");
    CU_ASSERT_EQUAL(pv_date_format(D(1, 1, 1), buf, sizeof buf, NULL), PV_OK);
    CU_ASSERT_STRING_EQUAL(buf, "0001-01-01");
    CU_ASSERT_EQUAL(pv_date_format(D(9999, 12, 31), buf, sizeof buf, NULL), PV_OK);
    CU_ASSERT_STRING_EQUAL(buf, "9999-12-31");

    strcpy(buf, "xxxxxxxxxx");
    CU_ASSERT_EQUAL(pv_date_format(D(2023, 2, 29), buf, sizeof buf, NULL),
                    PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(buf, "");
    strcpy(buf, "xxxxxxxxxx");
    CU_ASSERT_EQUAL(pv_date_format(PV_DATE_NONE, buf, sizeof buf, NULL), PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(buf, "");
    strcpy(buf, "xxxxxxxxxx");
    CU_ASSERT_EQUAL(pv_date_format(D(2026, 3, 4), buf, PV_DATE_STRING_SIZE - 1, NULL),
                    PV_ERR_BUFFER_TOO_SMALL);
    CU_ASSERT_STRING_EQUAL(buf, "");
    CU_ASSERT_EQUAL(pv_date_format(D(2026, 3, 4), buf, 0, NULL), PV_ERR_BUFFER_TOO_SMALL);
    CU_ASSERT_EQUAL(pv_date_format(D(2026, 3, 4), NULL, 11, NULL), PV_ERR_INVALID_INPUT);
}

/* Every day of a wide range formats and parses back to itself. */
static void test_format_parse_round_trip(void) {
    int failures = 0;
    for (int32_t n = pv_date_to_days(D(1899, 1, 1)); n <= pv_date_to_days(D(2101, 1, 1)); n++) {
        pv_date d = pv_date_from_days(n);
        pv_date back = PV_DATE_NONE;
        char buf[PV_DATE_STRING_SIZE];
        if (pv_date_format(d, buf, sizeof buf, NULL) != PV_OK ||
            pv_date_parse(buf, &back, NULL) != PV_OK || !same_date(d, back)) {
            failures++;
        }
    }
    CU_ASSERT_EQUAL(failures, 0);
}

static void test_compare(void) {
    CU_ASSERT_EQUAL(pv_date_compare(D(2026, 3, 4), D(2026, 3, 4)), 0);
    CU_ASSERT_TRUE(pv_date_compare(D(2026, 3, 3), D(2026, 3, 4)) < 0);
    CU_ASSERT_TRUE(pv_date_compare(D(2026, 3, 4), D(2026, 3, 3)) > 0);
    CU_ASSERT_TRUE(pv_date_compare(D(2026, 2, 28), D(2026, 3, 1)) < 0);
    CU_ASSERT_TRUE(pv_date_compare(D(2025, 12, 31), D(2026, 1, 1)) < 0);
    CU_ASSERT_TRUE(pv_date_compare(D(2026, 1, 1), D(2025, 12, 31)) > 0);
    CU_ASSERT_TRUE(pv_date_compare(D(1, 1, 1), D(9999, 12, 31)) < 0);
    /* PV_DATE_NONE orders before every date. */
    CU_ASSERT_TRUE(pv_date_compare(PV_DATE_NONE, D(1, 1, 1)) < 0);
}

/* ---- day numbers ---------------------------------------------------------------------------- */

static void test_days_known_values(void) {
    CU_ASSERT_EQUAL(pv_date_to_days(D(1970, 1, 1)), 0);
    CU_ASSERT_EQUAL(pv_date_to_days(D(1970, 1, 2)), 1);
    CU_ASSERT_EQUAL(pv_date_to_days(D(1969, 12, 31)), -1);
    /* 30 years of 365 days and 7 leap days (1972 ... 1996) to 2000-01-01, then 31 + 29. */
    CU_ASSERT_EQUAL(pv_date_to_days(D(2000, 1, 1)), 10957);
    CU_ASSERT_EQUAL(pv_date_to_days(D(2000, 3, 1)), 11017);
    /* 0001-01-01 is day 1 of the proleptic Gregorian count, 1970-01-01 day 719163. */
    CU_ASSERT_EQUAL(pv_date_to_days(D(1, 1, 1)), -719162);
    /* 9999-12-31 is day 3652059 of that count. */
    CU_ASSERT_EQUAL(pv_date_to_days(D(9999, 12, 31)), 2932896);

    CU_ASSERT_TRUE(same_date(pv_date_from_days(0), D(1970, 1, 1)));
    CU_ASSERT_TRUE(same_date(pv_date_from_days(11017), D(2000, 3, 1)));
    CU_ASSERT_TRUE(same_date(pv_date_from_days(11016), D(2000, 2, 29)));
    CU_ASSERT_TRUE(same_date(pv_date_from_days(-719162), D(1, 1, 1)));
    CU_ASSERT_TRUE(same_date(pv_date_from_days(2932896), D(9999, 12, 31)));
    /* Outside years 1 to 9999: none. */
    CU_ASSERT_TRUE(pv_date_is_none(pv_date_from_days(-719163)));
    CU_ASSERT_TRUE(pv_date_is_none(pv_date_from_days(2932897)));
    CU_ASSERT_TRUE(pv_date_is_none(pv_date_from_days(INT32_MIN)));
    CU_ASSERT_TRUE(pv_date_is_none(pv_date_from_days(INT32_MAX)));
}

/* The test's own calendar: the day after 'd', by the Gregorian rules written out. */
static pv_date reference_next_day(pv_date d) {
    static const int lengths[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int y = d.year;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    int length = lengths[d.month - 1] + (d.month == 2 && leap);
    if (d.day < length) return D(y, d.month, d.day + 1);
    if (d.month < 12) return D(y, d.month + 1, 1);
    return D(y + 1, 1, 1);
}

/* Walks every day from 0001-01-01 to 9999-12-31: day numbers are consecutive, from_days and
   to_days are inverse, and date_next_day agrees with the walk. */
static void test_days_round_trip_every_day(void) {
    pv_date d = D(1, 1, 1);
    int32_t n = -719162;
    long checked = 0;
    int failures = 0;
    for (;;) {
        if (!pv_date_is_valid(d) || pv_date_to_days(d) != n ||
            !same_date(pv_date_from_days(n), d)) {
            failures++;
        }
        checked++;
        if (same_date(d, D(9999, 12, 31))) break;
        pv_date next = reference_next_day(d);
        if (!same_date(date_next_day(d), next)) failures++;
        d = next;
        n++;
    }
    CU_ASSERT_EQUAL(failures, 0);
    /* 9999 years: 9999 * 365 days and 2424 leap days (2499 - 99 + 24). */
    CU_ASSERT_EQUAL(checked, 3652059L);
}

static void test_next_day(void) {
    CU_ASSERT_TRUE(same_date(date_next_day(D(2026, 3, 4)), D(2026, 3, 5)));
    CU_ASSERT_TRUE(same_date(date_next_day(D(2024, 2, 28)), D(2024, 2, 29)));
    CU_ASSERT_TRUE(same_date(date_next_day(D(2024, 2, 29)), D(2024, 3, 1)));
    CU_ASSERT_TRUE(same_date(date_next_day(D(2023, 2, 28)), D(2023, 3, 1)));
    CU_ASSERT_TRUE(same_date(date_next_day(D(2026, 4, 30)), D(2026, 5, 1)));
    CU_ASSERT_TRUE(same_date(date_next_day(D(2026, 12, 31)), D(2027, 1, 1)));
    CU_ASSERT_TRUE(pv_date_is_none(date_next_day(D(9999, 12, 31))));
}

/* ---- age (A1, A2) ------------------------------------------------------------------------- */

static int age(pv_date birth, pv_date on) {
    int years = -1;
    CU_ASSERT_EQUAL(pv_age_on(birth, on, &years, NULL), PV_OK);
    return years;
}

/* A2: 13 on the 13th birthday, not the day before. */
static void test_a2_age_around_13th_birthday(void) {
    CU_ASSERT_EQUAL(age(D(2013, 3, 4), D(2026, 3, 3)), 12);
    CU_ASSERT_EQUAL(age(D(2013, 3, 4), D(2026, 3, 4)), 13);
    CU_ASSERT_EQUAL(age(D(2013, 3, 4), D(2026, 3, 5)), 13);
    /* A birthday at the turn of the year. */
    CU_ASSERT_EQUAL(age(D(2012, 12, 31), D(2025, 12, 30)), 12);
    CU_ASSERT_EQUAL(age(D(2012, 12, 31), D(2025, 12, 31)), 13);
    CU_ASSERT_EQUAL(age(D(2013, 1, 1), D(2025, 12, 31)), 12);
    CU_ASSERT_EQUAL(age(D(2013, 1, 1), D(2026, 1, 1)), 13);
}

/* A2: 13 to 15 ends on the day before the 16th birthday. */
static void test_a2_age_around_16th_birthday(void) {
    CU_ASSERT_EQUAL(age(D(2010, 3, 4), D(2026, 3, 3)), 15);
    CU_ASSERT_EQUAL(age(D(2010, 3, 4), D(2026, 3, 4)), 16);
    CU_ASSERT_EQUAL(age(D(2010, 3, 4), D(2026, 3, 5)), 16);
    CU_ASSERT_EQUAL(age(D(2010, 3, 4), D(2026, 2, 28)), 15);
}

static void test_age_basics(void) {
    CU_ASSERT_EQUAL(age(D(2026, 3, 4), D(2026, 3, 4)), 0);
    CU_ASSERT_EQUAL(age(D(2026, 3, 4), D(2027, 3, 3)), 0);
    CU_ASSERT_EQUAL(age(D(2026, 3, 4), D(2027, 3, 4)), 1);
    CU_ASSERT_EQUAL(age(D(1, 1, 1), D(9999, 12, 31)), 9998);
    CU_ASSERT_EQUAL(age(D(1926, 11, 22), D(2026, 11, 22)), 100);
    CU_ASSERT_EQUAL(age(D(1926, 11, 23), D(2026, 11, 22)), 99);
}

/* A1: born 29 February, a new age on 28 February in common years, 29 February in leap years. */
static void test_a1_born_29_february(void) {
    CU_ASSERT_EQUAL(age(D(2012, 2, 29), D(2025, 2, 27)), 12);
    CU_ASSERT_EQUAL(age(D(2012, 2, 29), D(2025, 2, 28)), 13);
    CU_ASSERT_EQUAL(age(D(2012, 2, 29), D(2025, 3, 1)), 13);
    /* 2028 is a leap year: the 16th birthday is 29 February itself. */
    CU_ASSERT_EQUAL(age(D(2012, 2, 29), D(2028, 2, 28)), 15);
    CU_ASSERT_EQUAL(age(D(2012, 2, 29), D(2028, 2, 29)), 16);
    CU_ASSERT_EQUAL(age(D(2012, 2, 29), D(2028, 3, 1)), 16);
    /* 2100 is not a leap year. */
    CU_ASSERT_EQUAL(age(D(2000, 2, 29), D(2100, 2, 27)), 99);
    CU_ASSERT_EQUAL(age(D(2000, 2, 29), D(2100, 2, 28)), 100);
    /* Someone born on 28 February or 1 March is not affected. */
    CU_ASSERT_EQUAL(age(D(2012, 2, 28), D(2025, 2, 27)), 12);
    CU_ASSERT_EQUAL(age(D(2012, 2, 28), D(2025, 2, 28)), 13);
    CU_ASSERT_EQUAL(age(D(2012, 3, 1), D(2025, 2, 28)), 12);
    CU_ASSERT_EQUAL(age(D(2012, 3, 1), D(2025, 3, 1)), 13);
    CU_ASSERT_EQUAL(age(D(2012, 3, 1), D(2024, 2, 29)), 11);
}

static void test_age_invalid(void) {
    int years = 5;
    CU_ASSERT_EQUAL(pv_age_on(D(2026, 3, 5), D(2026, 3, 4), &years, NULL), PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(pv_age_on(D(2023, 2, 29), D(2026, 3, 4), &years, NULL), PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(pv_age_on(D(2013, 3, 4), D(2026, 13, 4), &years, NULL), PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(pv_age_on(PV_DATE_NONE, D(2026, 3, 4), &years, NULL), PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(pv_age_on(D(2013, 3, 4), D(2026, 3, 4), NULL, NULL), PV_ERR_INVALID_INPUT);
}

/* A1: the date of attaining an age. */
static void test_a1_birthday(void) {
    pv_date d = PV_DATE_NONE;
    CU_ASSERT_EQUAL(pv_date_birthday(D(2013, 3, 4), 13, &d, NULL), PV_OK);
    CU_ASSERT_TRUE(same_date(d, D(2026, 3, 4)));
    CU_ASSERT_EQUAL(pv_date_birthday(D(2013, 3, 4), 0, &d, NULL), PV_OK);
    CU_ASSERT_TRUE(same_date(d, D(2013, 3, 4)));
    CU_ASSERT_EQUAL(pv_date_birthday(D(2012, 2, 29), 13, &d, NULL), PV_OK);
    CU_ASSERT_TRUE(same_date(d, D(2025, 2, 28)));
    CU_ASSERT_EQUAL(pv_date_birthday(D(2012, 2, 29), 16, &d, NULL), PV_OK);
    CU_ASSERT_TRUE(same_date(d, D(2028, 2, 29)));
    CU_ASSERT_EQUAL(pv_date_birthday(D(2000, 2, 29), 100, &d, NULL), PV_OK);
    CU_ASSERT_TRUE(same_date(d, D(2100, 2, 28)));
    CU_ASSERT_EQUAL(pv_date_birthday(D(9990, 5, 1), 9, &d, NULL), PV_OK);
    CU_ASSERT_TRUE(same_date(d, D(9999, 5, 1)));

    /* The internal helper agrees. */
    CU_ASSERT_TRUE(same_date(date_anniversary(D(2012, 2, 29), 13), D(2025, 2, 28)));
    CU_ASSERT_TRUE(same_date(date_anniversary(D(2012, 2, 29), 16), D(2028, 2, 29)));
    CU_ASSERT_TRUE(pv_date_is_none(date_anniversary(D(9990, 5, 1), 10)));
    CU_ASSERT_EQUAL(date_age(D(2012, 2, 29), D(2025, 2, 28)), 13);
    CU_ASSERT_EQUAL(date_age(D(2012, 2, 29), D(2025, 2, 27)), 12);
}

static void test_a1_birthday_invalid(void) {
    pv_date d = D(2000, 1, 1);
    CU_ASSERT_EQUAL(pv_date_birthday(D(9990, 5, 1), 10, &d, NULL), PV_ERR_INVALID_INPUT);
    CU_ASSERT_TRUE(pv_date_is_none(d));
    d = D(2000, 1, 1);
    CU_ASSERT_EQUAL(pv_date_birthday(D(2013, 3, 4), -1, &d, NULL), PV_ERR_INVALID_INPUT);
    CU_ASSERT_TRUE(pv_date_is_none(d));
    d = D(2000, 1, 1);
    CU_ASSERT_EQUAL(pv_date_birthday(D(2023, 2, 29), 13, &d, NULL), PV_ERR_INVALID_INPUT);
    CU_ASSERT_TRUE(pv_date_is_none(d));
    d = D(2000, 1, 1);
    CU_ASSERT_EQUAL(pv_date_birthday(D(2013, 3, 4), INT_MAX, &d, NULL), PV_ERR_INVALID_INPUT);
    CU_ASSERT_TRUE(pv_date_is_none(d));
    CU_ASSERT_EQUAL(pv_date_birthday(D(2013, 3, 4), 13, NULL, NULL), PV_ERR_INVALID_INPUT);
}

/* The test's own reading of A1: the k-th anniversary of 'birth', with 28 February for a
   29 February birth in a common year. */
static pv_date reference_anniversary(pv_date birth, int k) {
    int y = birth.year + k;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (birth.month == 2 && birth.day == 29 && !leap) return D(y, 2, 28);
    return D(y, birth.month, birth.day);
}

/* A1, A2: for a birth on every day of a common year and a leap year, the age on every day up to
   the 17th birthday goes up by one exactly on each anniversary, and pv_date_birthday gives those
   anniversaries. */
static void test_a1_a2_age_changes_only_on_anniversaries(void) {
    int failures = 0;
    for (int32_t b = pv_date_to_days(D(2011, 1, 1)); b <= pv_date_to_days(D(2012, 12, 31)); b++) {
        pv_date birth = pv_date_from_days(b);
        int expected = 0;
        for (int32_t n = b; expected < 17; n++) {
            pv_date on = pv_date_from_days(n);
            if (same_date(on, reference_anniversary(birth, expected + 1))) expected++;
            int years = -1;
            if (pv_age_on(birth, on, &years, NULL) != PV_OK || years != expected) failures++;
        }
        for (int k = 0; k <= 17; k++) {
            pv_date day = PV_DATE_NONE;
            if (pv_date_birthday(birth, k, &day, NULL) != PV_OK ||
                !same_date(day, reference_anniversary(birth, k))) {
                failures++;
            }
        }
    }
    CU_ASSERT_EQUAL(failures, 0);
}

int register_date_suite(void) {
    static const pv_test_case cases[] = {
        {"leap years: 1900 no, 2000 yes, 2024 yes, 2100 no", test_leap_years},
        {"days in month", test_days_in_month},
        {"valid and invalid dates", test_valid_dates},
        {"PV_DATE_NONE", test_none},
        {"parse YYYY-MM-DD", test_parse_valid},
        {"parse rejects every malformed or non-existent date", test_parse_invalid},
        {"format, invalid date and small buffer", test_format},
        {"format and parse round trip, 1899 to 2101", test_format_parse_round_trip},
        {"compare", test_compare},
        {"day numbers: known values", test_days_known_values},
        {"day numbers: every day of years 1 to 9999", test_days_round_trip_every_day},
        {"next day", test_next_day},
        {"A2: age around the 13th birthday", test_a2_age_around_13th_birthday},
        {"A2: age around the 16th birthday", test_a2_age_around_16th_birthday},
        {"age basics", test_age_basics},
        {"A1: born 29 February, leap and common years", test_a1_born_29_february},
        {"age: invalid input", test_age_invalid},
        {"A1: date of attaining an age", test_a1_birthday},
        {"A1: date of attaining an age, invalid input", test_a1_birthday_invalid},
        {"A1, A2: age changes only on the anniversaries", test_a1_a2_age_changes_only_on_anniversaries},
        {NULL, NULL},
    };
    return pv_add_suite("dates (A1, A2)", cases);
}
