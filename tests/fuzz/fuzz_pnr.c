/*
 * fuzz_pnr.c — personnummer, samordningsnummer and interim numbers (rules N1 to N7) on
 * arbitrary bytes.
 *
 * Input: one byte of mode and flags, a reference date (two bytes of year, month, day; used raw
 * or folded into 1900-2099 by the mode), then the text. Each text is parsed without flags, with
 * PV_PNR_ALLOW_INTERIM and with arbitrary flag bits. A success must be a real date with a correct
 * Luhn digit whose normalised form parses back to the same result; a failure must leave the
 * documented empty result. Any broken invariant aborts.
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

static void check_failure(const pv_pnr *p) {
    FUZZ_CHECK(pv_date_is_none(p->birth_date));
    FUZZ_CHECK(p->normalized[0] == '\0');
    FUZZ_CHECK(p->error != NULL);
}

static void check_success(const char *text, pv_date reference, unsigned flags, const pv_pnr *p) {
    FUZZ_CHECK(p->error == NULL);
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
    }

    /* The normalised form is itself a twelve-digit form that gives the same result. */
    pv_pnr again;
    FUZZ_CHECK(pv_pnr_parse(n, reference, flags, &again) == PV_OK);
    FUZZ_CHECK(same_result(&again, p));
}

static void parse_and_check(const char *text, pv_date reference, unsigned flags, pv_pnr *out) {
    memset(out, 0xA5, sizeof *out);
    pv_status status = pv_pnr_parse(text, reference, flags, out);
    if (status == PV_OK) {
        check_success(text, reference, flags, out);
    } else {
        FUZZ_CHECK(status == PV_ERR_INVALID_INPUT);
        check_failure(out);
    }
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
    parse_and_check(text, reference, 0, &plain);
    parse_and_check(text, reference, PV_PNR_ALLOW_INTERIM, &interim);
    parse_and_check(text, reference, extra_flags, &extra);
    /* N7: the flag only widens what is accepted. */
    if (plain.error == NULL) FUZZ_CHECK(interim.error == NULL && same_result(&plain, &interim));
    if (interim.error == NULL && interim.kind != PV_PNR_INTERIM) {
        FUZZ_CHECK(plain.error == NULL && same_result(&plain, &interim));
    }

    pv_pnr none;
    FUZZ_CHECK(pv_pnr_parse(NULL, reference, 0, &none) == PV_ERR_INVALID_INPUT);
    check_failure(&none);
    free(text);
    return 0;
}
