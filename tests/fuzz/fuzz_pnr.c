/*
 * fuzz_pnr.c — personnummer, samordningsnummer and interim numbers (rules N1 to N7) on
 * arbitrary bytes.
 *
 * Input: one byte of mode and flags, a reference date (two bytes of year, month, day; used raw
 * or folded into 1900-2099 by the mode), then the text. Each text is parsed without flags, with
 * PV_PNR_ALLOW_INTERIM and with arbitrary flag bits. A success must be a real date with a correct
 * Luhn digit whose normalised form parses back to the same result, and a ten-digit form must
 * say when its reading moves a century (reading_changes_on, N4); a failure must leave the
 * documented empty result and a pv_error naming the field ("text", "reference"). A pv_pnr left
 * uninitialised is refused ("out.version"). Any broken invariant aborts.
 */
#include "fuzz_input.h"

static bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

static int digits_value(const char *s, int count) {
    int value = 0;
    for (int i = 0; i < count; i++) value = value * 10 + (s[i] - '0');
    return value;
}

/* N2, N7: the Luhn sum over the ten characters YYMMDDNNNC of the normalised form, an interim
   letter counting as 1, ends in 0. */
static bool luhn_ok(const char *normalized) {
    int sum = 0;
    for (int i = 0; i < 10; i++) {
        char c = normalized[2 + i];
        int digit = is_digit(c) ? c - '0' : 1;
        int term = i % 2 == 0 ? digit * 2 : digit;
        sum += term > 9 ? term - 9 : term;
    }
    return sum % 10 == 0;
}

static bool same_result(const pv_pnr *a, const pv_pnr *b) {
    return pv_date_compare(a->birth_date, b->birth_date) == 0 && a->kind == b->kind &&
           strcmp(a->normalized, b->normalized) == 0;
}

static void check_failure(const pv_pnr *p, const pv_error *err, pv_date reference) {
    FUZZ_CHECK(p->version == PV_PNR_VERSION);
    FUZZ_CHECK(pv_date_is_none(p->birth_date));
    FUZZ_CHECK(p->normalized[0] == '\0');
    FUZZ_CHECK(err->status == PV_ERR_INVALID_INPUT && err->message != NULL);
    FUZZ_CHECK(err->rule == PV_RULE_V1);
    FUZZ_CHECK(strcmp(err->field, "text") == 0 ||
               (strcmp(err->field, "reference") == 0 && !pv_date_is_valid(reference)));
}

static void check_success(const char *text, pv_date reference, unsigned flags, const pv_pnr *p,
                          const pv_error *err) {
    FUZZ_CHECK(p->version == PV_PNR_VERSION);
    FUZZ_CHECK(err->status == PV_OK && err->field[0] == '\0' && err->message == NULL);
    FUZZ_CHECK(pv_date_is_valid(reference));
    FUZZ_CHECK(pv_date_is_valid(p->birth_date));
    FUZZ_CHECK((unsigned)p->kind < PV_PNR_KIND_COUNT && pv_pnr_kind_name(p->kind) != NULL);
    FUZZ_CHECK(p->kind != PV_PNR_INTERIM || (flags & PV_PNR_ALLOW_INTERIM) != 0);

    /* The normalised form: YYYYMMDD, the birth number (a letter first for interim), C. */
    const char *n = p->normalized;
    FUZZ_CHECK(memchr(n, '\0', PV_PNR_NORMALIZED_SIZE) != NULL && strlen(n) == 12);
    for (int i = 0; i < 12; i++) {
        FUZZ_CHECK(is_digit(n[i]) || (i == 8 && p->kind == PV_PNR_INTERIM));
    }
    FUZZ_CHECK(luhn_ok(n));                                    /* N2 */
    FUZZ_CHECK(!(n[8] == '0' && n[9] == '0' && n[10] == '0')); /* N6 */
    /* N3: a day of 61 to 91 is the birth day + 60: a samordningsnummer, or an interim number
       (N7 makes the letter decide the kind). */
    int day = digits_value(n + 6, 2);
    int added = day - p->birth_date.day;
    FUZZ_CHECK(added == 0 || added == 60);
    FUZZ_CHECK((p->kind == PV_PNR_SAMORDNINGSNUMMER) == (added == 60 && p->kind != PV_PNR_INTERIM));
    FUZZ_CHECK(digits_value(n, 4) == p->birth_date.year);
    FUZZ_CHECK(digits_value(n + 4, 2) == p->birth_date.month);

    /* N1: the only lengths; N4: a ten-digit form's century follows the reference year. */
    size_t length = strlen(text);
    FUZZ_CHECK(length >= 10 && length <= 13);
    if (length <= 11) {
        int back = length == 11 && text[6] == '+' ? 100 : 0;
        FUZZ_CHECK(p->birth_date.year <= reference.year - back);
        FUZZ_CHECK(p->birth_date.year >= reference.year - back - 99);
        /* N4, T1: read against a later reference, the same text gives a birth year a century
           later from 1 January of the year birth + 100 ('-' or none) or + 200 ('+'). */
        int moves = p->birth_date.year + 100 + back;
        if (moves <= 9999) {
            FUZZ_CHECK(p->reading_changes_on.year == moves && p->reading_changes_on.month == 1 &&
                       p->reading_changes_on.day == 1);
            pv_date later = p->reading_changes_on;
            pv_date before = pv_date_from_days(pv_date_to_days(later) - 1);
            pv_pnr at = PV_PNR_INIT, day_before = PV_PNR_INIT;
            /* A 29 February read a century later may be a day that does not exist (N5). */
            bool exists = !(p->birth_date.month == 2 && p->birth_date.day == 29 &&
                            !pv_date_is_leap_year(p->birth_date.year + 100));
            pv_status later_status = pv_pnr_parse(text, later, flags, &at, NULL);
            FUZZ_CHECK((later_status == PV_OK) == exists);
            if (exists) FUZZ_CHECK(at.birth_date.year == p->birth_date.year + 100);
            if (pv_date_compare(before, reference) >= 0) {
                FUZZ_CHECK(pv_pnr_parse(text, before, flags, &day_before, NULL) == PV_OK);
                FUZZ_CHECK(same_result(&day_before, p));
            }
        } else {
            FUZZ_CHECK(pv_date_is_none(p->reading_changes_on));
        }
    } else {
        FUZZ_CHECK(pv_date_is_none(p->reading_changes_on));
    }

    /* The normalised form is itself a twelve-digit form that gives the same result. */
    pv_pnr again = PV_PNR_INIT;
    FUZZ_CHECK(pv_pnr_parse(n, reference, flags, &again, NULL) == PV_OK);
    FUZZ_CHECK(same_result(&again, p));
}

/* Parses into a pv_pnr and an error full of garbage but for their versions. Returns the status. */
static pv_status parse_and_check(const char *text, pv_date reference, unsigned flags, pv_pnr *out) {
    memset(out, 0xA5, sizeof *out);
    out->version = PV_PNR_VERSION;
    pv_error err;
    memset(&err, 0x5A, sizeof err);
    err.version = PV_ERROR_VERSION;
    pv_status status = pv_pnr_parse(text, reference, flags, out, &err);
    FUZZ_CHECK(memchr(err.field, '\0', sizeof err.field) != NULL);
    if (status == PV_OK) {
        check_success(text, reference, flags, out, &err);
    } else {
        FUZZ_CHECK(status == PV_ERR_INVALID_INPUT);
        check_failure(out, &err, reference);
    }
    return status;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fuzz_input in = {data, size};
    uint8_t mode = take_u8(&in);
    pv_date reference = take_raw_date(&in);
    if ((mode & 1u) == 0) {
        /* Mostly a plausible reference date, so that the text decides. */
        reference.year = (int16_t)(1900 + (uint16_t)reference.year % 200u);
        reference.month = (uint8_t)(1 + reference.month % 12);
        reference.day = (uint8_t)(1 + reference.day % 28);
    }
    unsigned extra_flags = (unsigned)mode << 23 | (mode >> 1);
    char *text = take_bytes_as_string(&in, in.size);
    if (text == NULL) return 0;

    pv_pnr plain;
    pv_pnr interim;
    pv_pnr extra;
    bool plain_ok = parse_and_check(text, reference, 0, &plain) == PV_OK;
    bool interim_ok = parse_and_check(text, reference, PV_PNR_ALLOW_INTERIM, &interim) == PV_OK;
    (void)parse_and_check(text, reference, extra_flags, &extra);
    /* N7: the flag only widens what is accepted. */
    if (plain_ok) FUZZ_CHECK(interim_ok && same_result(&plain, &interim));
    if (interim_ok && interim.kind != PV_PNR_INTERIM) {
        FUZZ_CHECK(plain_ok && same_result(&plain, &interim));
    }

    pv_pnr none = PV_PNR_INIT;
    pv_error err = PV_ERROR_INIT;
    FUZZ_CHECK(pv_pnr_parse(NULL, reference, 0, &none, &err) == PV_ERR_INVALID_INPUT);
    check_failure(&none, &err, reference);

    /* A pv_pnr left uninitialised is refused, naming it. */
    pv_pnr zero;
    memset(&zero, 0, sizeof zero);
    err = (pv_error)PV_ERROR_INIT;
    FUZZ_CHECK(pv_pnr_parse(text, reference, 0, &zero, &err) == PV_ERR_INVALID_INPUT);
    FUZZ_CHECK(strcmp(err.field, "out.version") == 0);
    free(text);
    return 0;
}
