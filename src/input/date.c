/*
 * date.c — the calendar and age (RULES.md section 2, rules A1 and A2).
 *
 * Dates are proleptic Gregorian, years 1 to 9999. Every function here is a closed formula: no
 * loop over years or days, because age and anniversaries are on the decision path. Day numbers
 * are counted from 1970-01-01 with Howard Hinnant's days_from_civil / civil_from_days.
 */
#include "../internal.h"

enum {
    YEAR_MIN = 1,
    YEAR_MAX = 9999,
    /* pv_date_to_days of 0001-01-01 and of 9999-12-31. */
    DAYS_MIN = -719162,
    DAYS_MAX = 2932896
};

bool pv_date_is_none(pv_date date) {
    return date_is_none(date);
}

bool pv_date_is_leap_year(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int pv_date_days_in_month(int year, int month) {
    static const unsigned char lengths[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    if (month == 2 && pv_date_is_leap_year(year)) return 29;
    return lengths[month - 1];
}

bool pv_date_is_valid(pv_date date) {
    return date_exists(date);
}

static bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

/* The value of the 'count' decimal digits at 'text' (already checked to be digits). */
static int digits_value(const char *text, int count) {
    int value = 0;
    for (int i = 0; i < count; i++) value = value * 10 + (text[i] - '0');
    return value;
}

pv_status pv_date_parse(const char *text, pv_date *out, pv_error *error) {
    if (out != NULL) *out = PV_DATE_NONE;
    if (error_unknown(error)) return PV_ERR_INVALID_INPUT;
    if (out == NULL) return error_invalid(error, "out", "is required");
    if (text == NULL) return error_invalid(error, "text", "is required");
    /* Exactly "YYYY-MM-DD": the scan stops at the first character out of place, so it never
       reads past a shorter string's terminating NUL. */
    for (int i = 0; i < 10; i++) {
        bool ok = (i == 4 || i == 7) ? text[i] == '-' : is_digit(text[i]);
        if (!ok) return error_invalid(error, "text", "is not of the form YYYY-MM-DD");
    }
    if (text[10] != '\0') return error_invalid(error, "text", "is not of the form YYYY-MM-DD");
    pv_date d = {(int16_t)digits_value(text, 4), (uint8_t)digits_value(text + 5, 2),
                 (uint8_t)digits_value(text + 8, 2)};
    if (!pv_date_is_valid(d)) return error_invalid(error, "text", "is not a date that exists");
    *out = d;
    error_clear(error);
    return PV_OK;
}

/* Writes 'value' as 'count' decimal digits, zero-padded. */
static void put_digits(char *buf, int value, int count) {
    for (int i = count - 1; i >= 0; i--) {
        buf[i] = (char)('0' + value % 10);
        value /= 10;
    }
}

pv_status pv_date_format(pv_date date, char *buf, size_t size, pv_error *error) {
    if (buf != NULL && size > 0) buf[0] = '\0';
    if (error_unknown(error)) return PV_ERR_INVALID_INPUT;
    if (buf == NULL) return error_invalid(error, "buf", "is required");
    if (!pv_date_is_valid(date)) return error_invalid(error, "date", "is not a date that exists");
    if (size < PV_DATE_STRING_SIZE) {
        pv_error err;
        error_set(&err, PV_ERR_BUFFER_TOO_SMALL, PV_RULE_NONE, "size",
                  "is less than PV_DATE_STRING_SIZE (11)");
        return error_report(error, &err);
    }
    put_digits(buf, date.year, 4);
    buf[4] = '-';
    put_digits(buf + 5, date.month, 2);
    buf[7] = '-';
    put_digits(buf + 8, date.day, 2);
    buf[10] = '\0';
    error_clear(error);
    return PV_OK;
}

int pv_date_compare(pv_date a, pv_date b) {
    uint32_t ka = date_key(a);
    uint32_t kb = date_key(b);
    return (ka > kb) - (ka < kb);
}

/* Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms": days_from_civil. Years are
   counted from 1 March so that the leap day is the last day of the year; an era is 400 years. */
int32_t pv_date_to_days(pv_date date) {
    const int32_t m = date.month;
    const int32_t d = date.day;
    const int32_t y = (int32_t)date.year - (m <= 2);
    const int32_t era = (y >= 0 ? y : y - 399) / 400;
    const int32_t yoe = y - era * 400;                                   /* [0, 399] */
    const int32_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1; /* [0, 365] */
    const int32_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;           /* [0, 146096] */
    return era * 146097 + doe - 719468;
}

/* Howard Hinnant's civil_from_days, the inverse of the above. */
pv_date pv_date_from_days(int32_t days) {
    if (days < DAYS_MIN || days > DAYS_MAX) return PV_DATE_NONE;
    const int32_t z = days + 719468; /* positive for every day from 0001-01-01 on */
    const int32_t era = z / 146097;
    const int32_t doe = z - era * 146097;                                      /* [0, 146096] */
    const int32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365; /* [0, 399] */
    const int32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);               /* [0, 365] */
    const int32_t mp = (5 * doy + 2) / 153;                                    /* [0, 11] */
    const int32_t d = doy - (153 * mp + 2) / 5 + 1;                            /* [1, 31] */
    const int32_t m = mp < 10 ? mp + 3 : mp - 9;                               /* [1, 12] */
    const int32_t y = yoe + era * 400 + (m <= 2);
    pv_date out = {(int16_t)y, (uint8_t)m, (uint8_t)d};
    return out;
}

pv_date date_next_day(pv_date d) {
    if (d.day < pv_date_days_in_month(d.year, d.month)) {
        d.day++;
    } else if (d.month < 12) {
        d.month++;
        d.day = 1;
    } else if (d.year < YEAR_MAX) {
        d.year++;
        d.month = 1;
        d.day = 1;
    } else {
        return PV_DATE_NONE;
    }
    return d;
}

pv_status pv_date_birthday(pv_date birth, int years, pv_date *out, pv_error *error) {
    if (out != NULL) *out = PV_DATE_NONE;
    if (error_unknown(error)) return PV_ERR_INVALID_INPUT;
    if (out == NULL) return error_invalid(error, "out", "is required");
    if (!pv_date_is_valid(birth)) return error_invalid(error, "birth", "is not a date that exists");
    if (years < 0) return error_invalid(error, "years", "is negative");
    pv_date day = date_anniversary(birth, years);
    if (date_is_none(day)) return error_invalid(error, "years", "gives a date after 9999");
    *out = day;
    error_clear(error);
    return PV_OK;
}

pv_status pv_age_on(pv_date birth, pv_date on, int *out, pv_error *error) {
    if (out != NULL) *out = 0;
    if (error_unknown(error)) return PV_ERR_INVALID_INPUT;
    if (out == NULL) return error_invalid(error, "out", "is required");
    if (!pv_date_is_valid(birth)) return error_invalid(error, "birth", "is not a date that exists");
    if (!pv_date_is_valid(on)) return error_invalid(error, "on", "is not a date that exists");
    if (date_key(birth) > date_key(on)) return error_invalid(error, "birth", "is after on");
    *out = date_age(birth, on);
    error_clear(error);
    return PV_OK;
}
