/*
 * fuzz_date.c — the calendar (rules A1, A2) on arbitrary bytes.
 *
 * The whole input, NUL-terminated, is parsed with pv_date_parse and a parsed date must format
 * back to the same ten characters. The same bytes are also read as raw numbers: a date of any
 * year, month and day, a buffer size, a day number and an age, for pv_date_format,
 * pv_date_from_days / pv_date_to_days, pv_date_birthday and pv_age_on. Any broken invariant
 * aborts.
 */
#include "fuzz_input.h"

static bool date_equal(pv_date a, pv_date b) {
    return a.year == b.year && a.month == b.month && a.day == b.day;
}

static bool in_calendar(pv_date d) {
    return d.year >= 1 && d.year <= 9999 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
           d.day <= pv_date_days_in_month(d.year, d.month);
}

/* pv_date_parse: success only for a date that exists, written as exactly "YYYY-MM-DD"; the
   date formats back to the same text. */
static void check_parse(const char *text) {
    pv_date d = {7, 7, 7};
    pv_error err;
    memset(&err, 0xA5, sizeof err);
    err.version = PV_ERROR_VERSION;
    pv_status status = pv_date_parse(text, &d, &err);
    FUZZ_CHECK(err.status == status && memchr(err.field, '\0', sizeof err.field) != NULL);
    FUZZ_CHECK((err.message != NULL) == (status != PV_OK));
    if (status != PV_OK) {
        FUZZ_CHECK(status == PV_ERR_INVALID_INPUT);
        FUZZ_CHECK(pv_date_is_none(d));
        FUZZ_CHECK(err.field[0] != '\0' && err.rule == PV_RULE_V1);
        return;
    }
    FUZZ_CHECK(err.field[0] == '\0');
    FUZZ_CHECK(pv_date_is_valid(d) && in_calendar(d));
    FUZZ_CHECK(strlen(text) == 10);
    char buf[PV_DATE_STRING_SIZE];
    FUZZ_CHECK(pv_date_format(d, buf, sizeof buf, NULL) == PV_OK);
    FUZZ_CHECK(strcmp(buf, text) == 0);
    FUZZ_CHECK(pv_date_parse(text, NULL, NULL) == PV_ERR_INVALID_INPUT);
}

/* pv_date_format into a heap buffer of exactly 'size' bytes. */
static void check_format(pv_date date, size_t size) {
    char *buf = malloc(size); /* under ASan, malloc(0) gives a zero-byte block */
    if (buf == NULL) return;
    pv_error err = PV_ERROR_INIT;
    pv_status status = pv_date_format(date, buf, size, &err);
    FUZZ_CHECK(err.status == status);
    if (!in_calendar(date)) {
        FUZZ_CHECK(status == PV_ERR_INVALID_INPUT);
    } else if (size < PV_DATE_STRING_SIZE) {
        FUZZ_CHECK(status == PV_ERR_BUFFER_TOO_SMALL);
    } else {
        FUZZ_CHECK(status == PV_OK);
        pv_date back;
        FUZZ_CHECK(pv_date_parse(buf, &back, NULL) == PV_OK && date_equal(back, date));
    }
    if (status != PV_OK && size > 0) FUZZ_CHECK(buf[0] == '\0');
    /* A buffer too small is no malformed input: no rule (PV_RULE_NONE); bad input is V1. */
    if (status == PV_ERR_BUFFER_TOO_SMALL) FUZZ_CHECK(err.rule == PV_RULE_NONE);
    if (status == PV_ERR_INVALID_INPUT) FUZZ_CHECK(err.rule == PV_RULE_V1 && err.field[0] != '\0');
    free(buf);
    FUZZ_CHECK(pv_date_format(date, NULL, size, NULL) == PV_ERR_INVALID_INPUT);
}

static void check_day_numbers(pv_date date, int32_t days) {
    FUZZ_CHECK(pv_date_is_valid(date) == in_calendar(date));
    if (in_calendar(date)) {
        FUZZ_CHECK(date_equal(pv_date_from_days(pv_date_to_days(date)), date));
        FUZZ_CHECK(pv_date_compare(date, date) == 0);
    }
    pv_date from = pv_date_from_days(days);
    if (!pv_date_is_none(from)) {
        FUZZ_CHECK(in_calendar(from));
        FUZZ_CHECK(pv_date_to_days(from) == days);
    }
}

/* The day before 'd' (valid, not 0001-01-01). */
static pv_date day_before(pv_date d) {
    return pv_date_from_days(pv_date_to_days(d) - 1);
}

/* A1, A2: the N-th anniversary is the first day of age N, and age is monotone with it. */
static void check_age(pv_date birth, int years, pv_date on) {
    pv_date anniversary = {7, 7, 7};
    pv_status status = pv_date_birthday(birth, years, &anniversary, NULL);
    if (status == PV_OK) {
        FUZZ_CHECK(in_calendar(birth) && years >= 0);
        FUZZ_CHECK(in_calendar(anniversary) && pv_date_compare(anniversary, birth) >= 0);
        FUZZ_CHECK(anniversary.year == birth.year + years);
        int age = -1;
        FUZZ_CHECK(pv_age_on(birth, anniversary, &age, NULL) == PV_OK && age == years);
        if (years > 0) {
            FUZZ_CHECK(pv_age_on(birth, day_before(anniversary), &age, NULL) == PV_OK);
            FUZZ_CHECK(age == years - 1);
        }
    } else {
        FUZZ_CHECK(status == PV_ERR_INVALID_INPUT && pv_date_is_none(anniversary));
        FUZZ_CHECK(!in_calendar(birth) || years < 0 || birth.year + years > 9999);
    }
    FUZZ_CHECK(pv_date_birthday(birth, years, NULL, NULL) == PV_ERR_INVALID_INPUT);

    int age = -1;
    pv_error err = PV_ERROR_INIT;
    status = pv_age_on(birth, on, &age, &err);
    FUZZ_CHECK(err.status == status && (err.field[0] != '\0') == (status != PV_OK));
    if (status != PV_OK) {
        FUZZ_CHECK(status == PV_ERR_INVALID_INPUT);
        FUZZ_CHECK(!in_calendar(birth) || !in_calendar(on) || pv_date_compare(birth, on) > 0);
        return;
    }
    FUZZ_CHECK(age >= 0 && age <= on.year - birth.year);
    pv_date reached;
    FUZZ_CHECK(pv_date_birthday(birth, age, &reached, NULL) == PV_OK);
    FUZZ_CHECK(pv_date_compare(reached, on) <= 0);
    pv_date next;
    if (pv_date_birthday(birth, age + 1, &next, NULL) == PV_OK) {
        FUZZ_CHECK(pv_date_compare(next, on) > 0);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fuzz_input whole = {data, size};
    char *text = take_bytes_as_string(&whole, size);
    if (text == NULL) return 0;
    check_parse(text);
    free(text);

    fuzz_input in = {data, size};
    pv_date date = take_raw_date(&in);
    size_t buf_size = take_u8(&in) % 16u;
    int32_t days = (int32_t)take_u32(&in);
    int years = (int16_t)take_u16(&in);
    pv_date on = take_raw_date(&in);
    check_format(date, buf_size);
    check_day_numbers(date, days);
    check_age(date, years, on);
    (void)pv_date_is_leap_year(days);
    FUZZ_CHECK(pv_date_days_in_month(days, years) == 0 || (years >= 1 && years <= 12));
    return 0;
}
