/*
 * test_pnr.c — personnummer, samordningsnummer and interim numbers (RULES.md section 9, N1 to
 * N7, and A3), by rule with hand-written examples, then against the peer data in
 * tests/data/personnummer/ (read at run time; LICENSE-NOTE.md there says what the fields
 * mean).
 *
 * The check digits of the hand-written examples were worked out by N2: for 811218-987C the
 * products of 8 1 1 2 1 8 9 8 7 with weights 2 1 2 1 2 1 2 1 2 are 16 1 2 2 2 8 18 8 14, whose
 * digit sum is 7+1+2+2+2+8+9+8+5 = 44, so C = 6.
 */
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "suites.h"
#include "test_util.h"

/* The reference date for every ten-digit form here (N4). A constant, never a clock: the
   expected centuries below are written for it. */
#define REFERENCE D(2026, 11, 22)

static bool same_date(pv_date a, pv_date b) {
    return a.year == b.year && a.month == b.month && a.day == b.day;
}

/* True if 'text' is one of the ten-digit forms of N1 (YYMMDD-NNNC, YYMMDD+NNNC, YYMMDDNNNC). */
static bool ten_digit_form(const char *text) {
    size_t n = strlen(text);
    return n == 10 || (n == 11 && (text[6] == '-' || text[6] == '+'));
}

/* N4, T1: the reading of a ten-digit form parsed against REFERENCE changes on 1 January of the
   year in which the window of N4 ([ref - 99, ref] for '-', [ref - 199, ref - 100] for '+') no
   longer holds the birth year: 100 years after it with '-', 200 with '+'. Both are the first
   year after the reference year that ends in the same two digits YY. */
static pv_date reading_changes_on(const char *text, pv_date birth) {
    if (!ten_digit_form(text)) return PV_DATE_NONE;
    int year = REFERENCE.year + 1;
    while (year % 100 != birth.year % 100) year++;
    return D(year, 1, 1);
}

/* Parses 'text' with REFERENCE and 'flags', expecting success with 'birth', 'kind' and
   'normalized', a cleared pv_error, and the reading_changes_on of N4. */
static void expect_ok(const char *text, unsigned flags, pv_date birth, pv_pnr_kind kind,
                      const char *normalized) {
    pv_pnr p = PV_PNR_INIT;
    pv_error err;
    memset(&err, 'x', sizeof err);
    err.version = PV_ERROR_VERSION;
    CU_ASSERT_EQUAL_FATAL(pv_pnr_parse(text, REFERENCE, flags, &p, &err), PV_OK);
    CU_ASSERT_TRUE(same_date(p.birth_date, birth));
    CU_ASSERT_EQUAL(p.kind, kind);
    CU_ASSERT_STRING_EQUAL(p.normalized, normalized);
    CU_ASSERT_EQUAL(p.version, PV_PNR_VERSION);
    CU_ASSERT_TRUE(same_date(p.reading_changes_on, reading_changes_on(text, birth)));
    CU_ASSERT_EQUAL(err.status, PV_OK);
    CU_ASSERT_STRING_EQUAL(err.field, "");
    CU_ASSERT_PTR_NULL(err.message);
}

/* Parses 'text' with 'reference' and 'flags', expecting failure with the fail-closed output and
   an error naming 'field' with the message 'message' (or any message if 'message' is NULL). */
static void expect_error_on(const char *text, pv_date reference, unsigned flags,
                            const char *field, const char *message) {
    pv_pnr p;
    pv_error err;
    memset(&p, 'x', sizeof p);
    p.version = PV_PNR_VERSION;
    memset(&err, 'x', sizeof err);
    err.version = PV_ERROR_VERSION;
    CU_ASSERT_EQUAL(pv_pnr_parse(text, reference, flags, &p, &err), PV_ERR_INVALID_INPUT);
    CU_ASSERT_TRUE(pv_date_is_none(p.birth_date));
    CU_ASSERT_STRING_EQUAL(p.normalized, "");
    CU_ASSERT_EQUAL(err.status, PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(err.rule, PV_RULE_V1);
    CU_ASSERT_STRING_EQUAL(err.field, field);
    CU_ASSERT_PTR_NOT_NULL_FATAL(err.message);
    CU_ASSERT_TRUE(strlen(err.message) > 0);
    if (message != NULL) CU_ASSERT_STRING_EQUAL(err.message, message);
}

static void expect_error(const char *text, unsigned flags, const char *message) {
    expect_error_on(text, REFERENCE, flags, "text", message);
}

/* ---- N1: the forms -------------------------------------------------------------------------- */

static void test_n1_all_six_forms(void) {
    const pv_date born = D(1981, 12, 18);
    expect_ok("19811218-9876", 0, born, PV_PNR_PERSONNUMMER, "198112189876");
    expect_ok("19811218+9876", 0, born, PV_PNR_PERSONNUMMER, "198112189876");
    expect_ok("198112189876", 0, born, PV_PNR_PERSONNUMMER, "198112189876");
    expect_ok("811218-9876", 0, born, PV_PNR_PERSONNUMMER, "198112189876");
    expect_ok("8112189876", 0, born, PV_PNR_PERSONNUMMER, "198112189876");
    /* N4: '+' puts the birth 100 years earlier. */
    expect_ok("811218+9876", 0, D(1881, 12, 18), PV_PNR_PERSONNUMMER, "188112189876");
}

static void test_n1_rejects_other_forms_and_whitespace(void) {
    static const char *const bad[] = {
        "",
        " 811218-9876",     /* leading space */
        "811218-9876 ",     /* trailing space */
        "811218-9876\n",    /* trailing newline */
        "\t8112189876",     /* leading tab */
        "811218 9876",      /* a space is not a separator */
        "19811218 9876",
        "811218/9876",      /* only '-' and '+' are separators */
        "811218_9876",
        "811218--9876",
        "19811218-+9876",
        "81121-89876",      /* separator in the wrong place */
        "1981121-89876",
        "8112189876-",
        "-8112189876",
        "81121898",         /* too short */
        "81121898766",      /* eleven digits */
        "1981121898766",    /* thirteen digits */
        "19811218-98766",   /* too long */
        "119811218-9876",
        "1981-12-18-9876",  /* a date with dashes */
        "811218-98a6",      /* a letter elsewhere than the birth number's first digit */
        "A11218-9876",
        "19A11218-9876",
        "811218-987X",
        "\357\274\23011218-9876", /* a full-width 8 (three bytes in UTF-8) */
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) expect_error(bad[i], 0, NULL);
    /* Also with interim numbers allowed. */
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        expect_error(bad[i], PV_PNR_ALLOW_INTERIM, NULL);
    }
}

static void test_n1_null_and_bad_arguments(void) {
    expect_error_on(NULL, REFERENCE, 0, "text", NULL);
    /* A NULL out is reported, not written. */
    pv_error err = PV_ERROR_INIT;
    CU_ASSERT_EQUAL(pv_pnr_parse("811218-9876", REFERENCE, 0, NULL, &err), PV_ERR_INVALID_INPUT);
    CU_ASSERT_EQUAL(err.status, PV_ERR_INVALID_INPUT);
    CU_ASSERT_PTR_NOT_NULL(err.message);
    CU_ASSERT_EQUAL(pv_pnr_parse(NULL, REFERENCE, 0, NULL, NULL), PV_ERR_INVALID_INPUT);
    /* An out that was not initialised (version 0) is named, never guessed at. */
    pv_pnr zero;
    memset(&zero, 0, sizeof zero);
    err = (pv_error)PV_ERROR_INIT;
    CU_ASSERT_EQUAL(pv_pnr_parse("811218-9876", REFERENCE, 0, &zero, &err), PV_ERR_INVALID_INPUT);
    CU_ASSERT_STRING_EQUAL(err.field, "out.version");
    CU_ASSERT_EQUAL(err.rule, PV_RULE_V1);
    /* The reference date must be valid, whatever the form. */
    expect_error_on("811218-9876", PV_DATE_NONE, 0, "reference", NULL);
    expect_error_on("19811218-9876", D(2023, 2, 29), 0, "reference", NULL);
    expect_error_on("198112189876", D(2026, 13, 1), 0, "reference", NULL);
}

/* ---- N2: the check digit -------------------------------------------------------------------- */

static void test_n2_check_digit(void) {
    for (char c = '0'; c <= '9'; c++) {
        char text[] = "811218-9876";
        text[10] = c;
        if (c == '6') {
            expect_ok(text, 0, D(1981, 12, 18), PV_PNR_PERSONNUMMER, "198112189876");
        } else {
            expect_error(text, 0, "check digit does not match");
        }
    }
    /* The check digit covers the ten digits YYMMDDNNN, not the century. */
    expect_ok("18811218-9876", 0, D(1881, 12, 18), PV_PNR_PERSONNUMMER, "188112189876");
    /* Two digits swapped. */
    expect_error("811218-9786", 0, "check digit does not match");
    expect_error("812118-9876", 0, "check digit does not match");
}

static void test_n2_sum_ending_in_zero_gives_zero(void) {
    /* 0 0 0 1 0 1 1 2 2: products 0 0 0 1 0 1 2 2 4, sum 10, so C = 0. */
    expect_ok("000101-1220", 0, D(2000, 1, 1), PV_PNR_PERSONNUMMER, "200001011220");
    /* Not 10. */
    expect_error("000101-122", 0, NULL);
    expect_error("000101-1221", 0, "check digit does not match");
}

/* ---- N3: samordningsnummer ------------------------------------------------------------------ */

static void test_n3_samordningsnummer(void) {
    /* Day 78 = 18 + 60; 8 1 1 2 7 8 9 8 7 gives C = 3. */
    expect_ok("811278-9873", 0, D(1981, 12, 18), PV_PNR_SAMORDNINGSNUMMER, "198112789873");
    expect_ok("198112789873", 0, D(1981, 12, 18), PV_PNR_SAMORDNINGSNUMMER, "198112789873");
    /* Day 91 = 31 + 60. */
    expect_ok("811291-9876", 0, D(1981, 12, 31), PV_PNR_SAMORDNINGSNUMMER, "198112919876");
    /* Day 61 = 1 + 60. */
    expect_ok("000161-1235", 0, D(2000, 1, 1), PV_PNR_SAMORDNINGSNUMMER, "200001611235");
    /* Day 60 and day 92 are neither a birth day nor a samordningsnummer day. */
    expect_error("811260-9873", 0, "date does not exist");
    expect_error("811292-9875", 0, "date does not exist");
    /* N3 with N5: 89 = 29 + 60 in February exists in 2000, not in 1981. */
    expect_ok("000289-1232", 0, D(2000, 2, 29), PV_PNR_SAMORDNINGSNUMMER, "200002891232");
    expect_error("810289-1232", 0, NULL);
    /* Day 31 + 60 in a month of 30 days. */
    expect_error("811191-9873", 0, NULL);
}

/* ---- N4: the century -------------------------------------------------------------------------- */

static void test_n4_century_of_ten_digit_forms(void) {
    /* Reference year 2026: with '-' or no separator the year lies in [1927, 2026]. */
    expect_ok("261122-1231", 0, D(2026, 11, 22), PV_PNR_PERSONNUMMER, "202611221231");
    expect_ok("2611221231", 0, D(2026, 11, 22), PV_PNR_PERSONNUMMER, "202611221231");
    expect_ok("270101-1237", 0, D(1927, 1, 1), PV_PNR_PERSONNUMMER, "192701011237");
    expect_ok("2701011237", 0, D(1927, 1, 1), PV_PNR_PERSONNUMMER, "192701011237");
    expect_ok("010101-1237", 0, D(2001, 1, 1), PV_PNR_PERSONNUMMER, "200101011237");
    expect_ok("991231-1231", 0, D(1999, 12, 31), PV_PNR_PERSONNUMMER, "199912311231");
    /* The year decides, not the day: later in the reference year is still that year. */
    expect_ok("261231-1239", 0, D(2026, 12, 31), PV_PNR_PERSONNUMMER, "202612311239");
    /* With '+' 100 years earlier: [1827, 1926]. */
    expect_ok("261122+1231", 0, D(1926, 11, 22), PV_PNR_PERSONNUMMER, "192611221231");
    expect_ok("270101+1237", 0, D(1827, 1, 1), PV_PNR_PERSONNUMMER, "182701011237");
    expect_ok("190101+1237", 0, D(1919, 1, 1), PV_PNR_PERSONNUMMER, "191901011237");
}

static void test_n4_reference_year_moves_the_century(void) {
    pv_pnr p = PV_PNR_INIT;
    CU_ASSERT_EQUAL_FATAL(pv_pnr_parse("270101-1237", D(2027, 1, 1), 0, &p, NULL), PV_OK);
    CU_ASSERT_TRUE(same_date(p.birth_date, D(2027, 1, 1)));
    CU_ASSERT_TRUE(same_date(p.reading_changes_on, D(2127, 1, 1)));
    CU_ASSERT_EQUAL_FATAL(pv_pnr_parse("270101-1237", D(2026, 12, 31), 0, &p, NULL), PV_OK);
    CU_ASSERT_TRUE(same_date(p.birth_date, D(1927, 1, 1)));
    /* read against 2026-12-31 the text gives 1927; from 2027-01-01 on, 2027 */
    CU_ASSERT_TRUE(same_date(p.reading_changes_on, D(2027, 1, 1)));
    CU_ASSERT_EQUAL_FATAL(pv_pnr_parse("270101+1237", D(2027, 1, 1), 0, &p, NULL), PV_OK);
    CU_ASSERT_TRUE(same_date(p.birth_date, D(1927, 1, 1)));
    CU_ASSERT_STRING_EQUAL(p.normalized, "192701011237");
    /* '+' against 2027: [1828, 1927] holds 1927 until 2127, whose window is [1928, 2027] */
    CU_ASSERT_TRUE(same_date(p.reading_changes_on, D(2127, 1, 1)));
    /* twelve digits: the century is written, the reading never changes */
    CU_ASSERT_EQUAL_FATAL(pv_pnr_parse("19270101-1237", D(2027, 1, 1), 0, &p, NULL), PV_OK);
    CU_ASSERT_TRUE(pv_date_is_none(p.reading_changes_on));
}

static void test_n4_twelve_digit_separator_has_no_meaning(void) {
    expect_ok("19270101+1237", 0, D(1927, 1, 1), PV_PNR_PERSONNUMMER, "192701011237");
    expect_ok("19270101-1237", 0, D(1927, 1, 1), PV_PNR_PERSONNUMMER, "192701011237");
    expect_ok("18270101-1237", 0, D(1827, 1, 1), PV_PNR_PERSONNUMMER, "182701011237");
    expect_ok("18811218+9876", 0, D(1881, 12, 18), PV_PNR_PERSONNUMMER, "188112189876");
}

/* ---- N5: the date must exist ---------------------------------------------------------------- */

static void test_n5_date_must_exist(void) {
    /* 29 February: 2000 is a leap year, 1981 and 1900 are not. */
    expect_ok("000229-1235", 0, D(2000, 2, 29), PV_PNR_PERSONNUMMER, "200002291235");
    expect_error("810229-1237", 0, "date does not exist");
    expect_error("19000229-1235", 0, "date does not exist");
    /* N4 with N5: '+' puts 000229 in 1900, not a leap year. */
    expect_error("000229+1235", 0, "date does not exist");
    /* Month 13 (8 1 1 3 1 8 9 8 7 gives 5), month 00, day 00, day 32, 31 April. */
    expect_error("811318-9875", 0, "date does not exist");
    expect_error("000001-1239", 0, "date does not exist");
    expect_error("811200-9876", 0, "date does not exist");
    expect_error("811232-9878", 0, "date does not exist");
    expect_error("19810431-1234", 0, NULL);
    /* Year 0000 does not exist (0 0 0 1 0 1 1 2 3 gives C = 8, a correct check digit). */
    expect_error("00000101-1238", 0, "date does not exist");
    /* The last day of a month is fine. */
    expect_ok("811231-9879", 0, D(1981, 12, 31), PV_PNR_PERSONNUMMER, "198112319879");
}

static void test_n5_never_reads_a_clock(void) {
    /* The same text, two reference dates, two answers: only the argument decides. */
    pv_pnr a = PV_PNR_INIT;
    pv_pnr b = PV_PNR_INIT;
    CU_ASSERT_EQUAL_FATAL(pv_pnr_parse("261122-1231", D(2026, 11, 22), 0, &a, NULL), PV_OK);
    CU_ASSERT_EQUAL_FATAL(pv_pnr_parse("261122-1231", D(2125, 1, 1), 0, &b, NULL), PV_OK);
    CU_ASSERT_EQUAL(a.birth_date.year, 2026);
    CU_ASSERT_EQUAL(b.birth_date.year, 2026);
    CU_ASSERT_EQUAL_FATAL(pv_pnr_parse("261122-1231", D(2126, 1, 1), 0, &b, NULL), PV_OK);
    CU_ASSERT_EQUAL(b.birth_date.year, 2126);
}

/* ---- N6: birth number 000 ----------------------------------------------------------------- */

static void test_n6_birth_number_000(void) {
    /* 8 1 1 2 1 8 0 0 0 gives C = 8: a correct check digit, still invalid. */
    expect_error("811218-0008", 0, "birth number 000 is not used");
    expect_error("198112180008", 0, "birth number 000 is not used");
    /* 001 is fine: 2 0 0 1 0 1 0 0 1 gives C = 2. */
    expect_ok("200101-0012", 0, D(2020, 1, 1), PV_PNR_PERSONNUMMER, "202001010012");
}

/* ---- N7: interim numbers -------------------------------------------------------------------- */

static void test_n7_interim_only_when_allowed(void) {
    /* T counts as 1: 0 0 0 1 0 1 T=1 2 2 gives C = 0, as for 000101-1220. */
    expect_ok("000101-T220", PV_PNR_ALLOW_INTERIM, D(2000, 1, 1), PV_PNR_INTERIM, "20000101T220");
    expect_ok("20000101T220", PV_PNR_ALLOW_INTERIM, D(2000, 1, 1), PV_PNR_INTERIM, "20000101T220");
    expect_ok("000101T220", PV_PNR_ALLOW_INTERIM, D(2000, 1, 1), PV_PNR_INTERIM, "20000101T220");
    expect_ok("20000101+T220", PV_PNR_ALLOW_INTERIM, D(2000, 1, 1), PV_PNR_INTERIM,
              "20000101T220");
    /* Without the flag, never (and never as a personnummer). */
    expect_error("000101-T220", 0, "interim numbers are not allowed");
    expect_error("20000101T220", 0, "interim numbers are not allowed");
    /* Every letter of N7 is accepted; the same check digit 0 holds for all of them. */
    const char *letters = "TRSUWXJKLMN";
    for (const char *l = letters; *l != '\0'; l++) {
        char text[] = "000101-T220";
        text[7] = *l;
        char normalized[] = "20000101T220";
        normalized[8] = *l;
        expect_ok(text, PV_PNR_ALLOW_INTERIM, D(2000, 1, 1), PV_PNR_INTERIM, normalized);
        expect_error(text, 0, NULL);
    }
}

static void test_n7_interim_letters_and_positions(void) {
    /* Other letters, lower case, and a letter elsewhere are not interim numbers. */
    static const char *const bad[] = {
        "000101-E220", "000101-A220", "000101-Z220", "000101-t220", "000101-n220",
        "000101-1T20", "000101-12T0", "00010T-1220", "0001011T20",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        expect_error(bad[i], PV_PNR_ALLOW_INTERIM, NULL);
    }
    /* The letter stands in the Luhn sum as 1: any other check digit fails. */
    expect_error("000101-T221", PV_PNR_ALLOW_INTERIM, "check digit does not match");
    expect_error("000101-T229", PV_PNR_ALLOW_INTERIM, "check digit does not match");
    /* N3 with N7: an interim number on a samordningsnummer day is still an interim number. */
    expect_ok("000161-T235", PV_PNR_ALLOW_INTERIM, D(2000, 1, 1), PV_PNR_INTERIM, "20000161T235");
    /* N5 still applies. */
    expect_error("000230-T221", PV_PNR_ALLOW_INTERIM, NULL);
}

static void test_n7_flag_does_not_change_ordinary_numbers(void) {
    expect_ok("811218-9876", PV_PNR_ALLOW_INTERIM, D(1981, 12, 18), PV_PNR_PERSONNUMMER,
              "198112189876");
    expect_ok("811278-9873", PV_PNR_ALLOW_INTERIM, D(1981, 12, 18), PV_PNR_SAMORDNINGSNUMMER,
              "198112789873");
}

static void test_kind_names(void) {
    CU_ASSERT_STRING_EQUAL(pv_pnr_kind_name(PV_PNR_PERSONNUMMER), "personnummer");
    CU_ASSERT_STRING_EQUAL(pv_pnr_kind_name(PV_PNR_SAMORDNINGSNUMMER), "samordningsnummer");
    CU_ASSERT_STRING_EQUAL(pv_pnr_kind_name(PV_PNR_INTERIM), "interim");
    CU_ASSERT_PTR_NULL(pv_pnr_kind_name(PV_PNR_KIND_COUNT));
    CU_ASSERT_PTR_NULL(pv_pnr_kind_name((pv_pnr_kind)-1));
}

/* ---- the peer data ---------------------------------------------------------------------------- */

#define PEER_DIR PV_TESTDATA_DIR "/personnummer/"

static json_t *load_peer_array(const char *name) {
    char path[1024];
    snprintf(path, sizeof path, "%s%s", PEER_DIR, name);
    json_error_t error;
    json_t *root = json_load_file(path, 0, &error);
    if (root == NULL) {
        fprintf(stderr, "\n  cannot read %s: %s (line %d)\n", path, error.text, error.line);
        return NULL;
    }
    if (!json_is_array(root)) {
        fprintf(stderr, "\n  %s is not a JSON array\n", path);
        json_decref(root);
        return NULL;
    }
    return root;
}

static int digits(const char *s, int count) {
    int value = 0;
    for (int i = 0; i < count; i++) value = value * 10 + (s[i] - '0');
    return value;
}

/* The birth date written in a twelve-digit "YYYYMMDD..." (N3: a day over 60 less 60). */
static pv_date date_of_long(const char *s) {
    int day = digits(s + 6, 2);
    return D(digits(s, 4), digits(s + 4, 2), day > 60 ? day - 60 : day);
}

/* The peer data's own word for the kind, as RULES.md names it. */
static pv_pnr_kind kind_of_type(const char *type) {
    if (strcmp(type, "con") == 0) return PV_PNR_SAMORDNINGSNUMMER;
    if (strcmp(type, "interim") == 0) return PV_PNR_INTERIM;
    return PV_PNR_PERSONNUMMER;
}

static const char *const peer_formats[] = {"long_format", "short_format", "separated_format",
                                           "separated_long"};

/* Checks every format field of every entry of 'name' with 'flags'. With 'expect_valid' NULL the
   entry's own `valid` is expected, otherwise *expect_valid. A valid entry must also give the
   birth date, kind and normalised form of its long_format, except the short_format (no
   separator) of someone born 100 or more years before the reference year, which reads as the
   later century (RULES.md section 9, caution; N4): only its validity is checked. Returns the
   number of strings checked, or -1 if the file cannot be read. */
static int check_peer_file(const char *name, unsigned flags, const bool *expect_valid) {
    json_t *root = load_peer_array(name);
    if (root == NULL) return -1;
    int checked = 0;
    int failures = 0;
    size_t index;
    json_t *entry;
    json_array_foreach(root, index, entry) {
        const bool valid = expect_valid ? *expect_valid : json_is_true(json_object_get(entry, "valid"));
        const char *long_format = json_string_value(json_object_get(entry, "long_format"));
        const char *type = json_string_value(json_object_get(entry, "type"));
        for (size_t f = 0; f < sizeof peer_formats / sizeof peer_formats[0]; f++) {
            const char *text = json_string_value(json_object_get(entry, peer_formats[f]));
            if (text == NULL) continue;
            checked++;
            pv_pnr p = PV_PNR_INIT;
            pv_error err = PV_ERROR_INIT;
            pv_status status = pv_pnr_parse(text, REFERENCE, flags, &p, &err);
            bool ok = (status == PV_OK) == valid;
            if (ok && valid) {
                if (long_format == NULL || type == NULL) {
                    ok = false;
                } else {
                    pv_date born = date_of_long(long_format);
                    bool century_unknown = strcmp(peer_formats[f], "short_format") == 0 &&
                                           born.year <= REFERENCE.year - 100;
                    if (!century_unknown) {
                        ok = same_date(p.birth_date, born) && p.kind == kind_of_type(type) &&
                             strcmp(p.normalized, long_format) == 0;
                    }
                }
            }
            if (!ok) {
                failures++;
                fprintf(stderr, "\n  %s entry %zu %s \"%s\": expected %s, got %s (%s)\n", name,
                        index, peer_formats[f], text, valid ? "valid" : "invalid",
                        status == PV_OK ? "valid" : "invalid", err.message ? err.message : "");
            }
        }
    }
    json_decref(root);
    CU_ASSERT_EQUAL(failures, 0);
    return checked;
}

/* list.json with default options (flags 0): 14 entries, all four formats each. */
static void test_peer_list(void) {
    CU_ASSERT_EQUAL(check_peer_file("list.json", 0, NULL), 14 * 4);
}

/* orgnumber.json with default options: 6 organisation numbers, short and separated forms, none
   a personnummer. */
static void test_peer_orgnumber(void) {
    CU_ASSERT_EQUAL(check_peer_file("orgnumber.json", 0, NULL), 6 * 2);
}

/* N7: interim.json with interim numbers allowed: `valid` as given. */
static void test_peer_interim_allowed(void) {
    CU_ASSERT_EQUAL(check_peer_file("interim.json", PV_PNR_ALLOW_INTERIM, NULL), 12 * 4);
}

/* N7: interim.json without the flag: every entry invalid. */
static void test_peer_interim_not_allowed(void) {
    const bool invalid = false;
    CU_ASSERT_EQUAL(check_peer_file("interim.json", 0, &invalid), 12 * 4);
}

/* allPins.json: Skatteverket's 41,129 test personnummer, twelve digits each, all valid with
   default options, each giving the date written in it. Each is also written in the ten-digit
   separated form that N4 prescribes for REFERENCE ('+' from the year of the 100th birthday on)
   and must give the same date. */
static void test_peer_all_pins(void) {
    json_t *root = load_peer_array("allPins.json");
    CU_ASSERT_PTR_NOT_NULL_FATAL(root);
    long checked = 0;
    long failures = 0;
    size_t index;
    json_t *value;
    json_array_foreach(root, index, value) {
        const char *text = json_string_value(value);
        if (text == NULL || strlen(text) != 12) {
            failures++;
            continue;
        }
        checked++;
        pv_date born = date_of_long(text);
        pv_pnr p = PV_PNR_INIT;
        bool ok = pv_pnr_parse(text, REFERENCE, 0, &p, NULL) == PV_OK &&
                  same_date(p.birth_date, born) && p.kind == PV_PNR_PERSONNUMMER &&
                  strcmp(p.normalized, text) == 0;
        char ten[12];
        memcpy(ten, text + 2, 6);
        ten[6] = born.year <= REFERENCE.year - 100 ? '+' : '-';
        memcpy(ten + 7, text + 8, 4);
        ten[11] = '\0';
        ok = ok && pv_pnr_parse(ten, REFERENCE, 0, &p, NULL) == PV_OK &&
             same_date(p.birth_date, born) && strcmp(p.normalized, text) == 0;
        if (!ok) {
            failures++;
            if (failures <= 10) fprintf(stderr, "\n  allPins.json: %s / %s rejected\n", text, ten);
        }
    }
    json_decref(root);
    CU_ASSERT_EQUAL(failures, 0);
    CU_ASSERT_EQUAL(checked, 41129L);
}

int register_pnr_suite(void) {
    static const pv_test_case cases[] = {
        {"N1: all six forms", test_n1_all_six_forms},
        {"N1: other forms and whitespace are rejected", test_n1_rejects_other_forms_and_whitespace},
        {"N1: NULL text, NULL out, invalid reference", test_n1_null_and_bad_arguments},
        {"N2: check digit", test_n2_check_digit},
        {"N2: a sum ending in 0 gives 0", test_n2_sum_ending_in_zero_gives_zero},
        {"N3: samordningsnummer, day 61 to 91", test_n3_samordningsnummer},
        {"N4: century of ten-digit forms", test_n4_century_of_ten_digit_forms},
        {"N4: the reference year moves the century", test_n4_reference_year_moves_the_century},
        {"N4: twelve digits, separator has no meaning", test_n4_twelve_digit_separator_has_no_meaning},
        {"N5: the date must exist", test_n5_date_must_exist},
        {"N5: the reference date is an argument", test_n5_never_reads_a_clock},
        {"N6: birth number 000", test_n6_birth_number_000},
        {"N7: interim numbers only when allowed", test_n7_interim_only_when_allowed},
        {"N7: interim letters and positions", test_n7_interim_letters_and_positions},
        {"N7: the flag does not change other numbers", test_n7_flag_does_not_change_ordinary_numbers},
        {"kind names", test_kind_names},
        {"peer data: list.json (default options)", test_peer_list},
        {"peer data: orgnumber.json (default options)", test_peer_orgnumber},
        {"peer data N7: interim.json, interim allowed", test_peer_interim_allowed},
        {"peer data N7: interim.json, interim not allowed", test_peer_interim_not_allowed},
        {"peer data: allPins.json, 41,129 numbers", test_peer_all_pins},
        {NULL, NULL},
    };
    return pv_add_suite("personnummer (N1-N7, A3)", cases);
}
