/*
 * pnr.c — personnummer, samordningsnummer and interim numbers (RULES.md section 9, N1 to N7),
 * the second source of a birth date (A3).
 *
 * The checks run in this order, and the first that fails names the error: the form (N1), an
 * interim letter (N7), the check digit (N2), the century (N4) and the date (N3, N5), the birth
 * number (N6). Parsing never reads a clock: the reference date is an argument.
 */
#include <string.h>

#include "../internal.h"

/* The longest form, "YYYYMMDD-NNNC", is 13 characters. */
enum {
    PNR_TEXT_MAX = 13
};

/* Where the ten characters YYMMDDNNNC of a form start, and its separator (0 if none). */
typedef struct pnr_form {
    const char *ten;
    bool has_century;
    char separator;
} pnr_form;

static bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

/* N7: the letters that stand in place of the first digit of an interim birth number (upper case
   only). */
static bool is_interim_letter(char c) {
    return c != '\0' && strchr("TRSUWXJKLMN", c) != NULL;
}

/* The character at index 'pos' (0 to 9) of YYMMDDNNNC, skipping the separator if any (it
   always stands before the birth number). */
static char ten_at(const pnr_form *form, int pos) {
    return form->ten[pos + (form->separator != '\0' && pos >= 6)];
}

/* The number written by the two digits at index 'pos' of YYMMDDNNNC. */
static int two_at(const pnr_form *form, int pos) {
    return (ten_at(form, pos) - '0') * 10 + (ten_at(form, pos + 1) - '0');
}

/* N1: recognises one of the six forms, with no other character anywhere (no whitespace).
   The birth number's first digit may be a letter; N7 decides on it later. */
static bool read_form(const char *text, pnr_form *form) {
    size_t len = 0;
    while (len <= PNR_TEXT_MAX && text[len] != '\0') len++;
    size_t sep_at;
    switch (len) {
    case 13:
        form->has_century = true;
        sep_at = 8;
        break; /* YYYYMMDD-NNNC, YYYYMMDD+NNNC */
    case 12:
        form->has_century = true;
        sep_at = 0;
        break; /* YYYYMMDDNNNC */
    case 11:
        form->has_century = false;
        sep_at = 6;
        break; /* YYMMDD-NNNC, YYMMDD+NNNC */
    case 10:
        form->has_century = false;
        sep_at = 0;
        break; /* YYMMDDNNNC */
    default: return false;
    }
    form->separator = '\0';
    if (sep_at != 0) {
        /* N1: only '-' and '+' are separators. */
        if (text[sep_at] != '-' && text[sep_at] != '+') return false;
        form->separator = text[sep_at];
    }
    if (form->has_century && !(is_digit(text[0]) && is_digit(text[1]))) return false;
    form->ten = form->has_century ? text + 2 : text;
    for (int pos = 0; pos < 10; pos++) {
        const char c = ten_at(form, pos);
        if (!is_digit(c) && !(pos == 6 && is_interim_letter(c))) return false;
    }
    return true;
}

/* N2: the Luhn digit over YYMMDDNNN, weights 2, 1, 2, ... from the left; N7: an interim letter
   counts as 1. */
static int luhn_digit(const pnr_form *form) {
    int sum = 0;
    for (int i = 0; i < 9; i++) {
        const char c = ten_at(form, i);
        int value = is_digit(c) ? c - '0' : 1;
        if (i % 2 == 0) value *= 2;
        sum += value / 10 + value % 10;
    }
    /* N2: a sum ending in 0 gives 0. */
    return (10 - sum % 10) % 10;
}

/* N4: the birth year of a ten-digit form: with '-' or no separator the year ending in 'yy'
   within [reference year - 99, reference year]; with '+' 100 years earlier. */
static int short_form_year(int yy, char separator, int reference_year) {
    const int latest = separator == '+' ? reference_year - 100 : reference_year;
    const int back = ((latest - yy) % 100 + 100) % 100;
    return latest - back;
}

/* N4: 1 January of the year from which a ten-digit form read against a later reference date
   gives a birth year a century later: the reading moves when the window of short_form_year()
   passes 'year' (year + 100 with '-' or no separator, year + 200 with '+'). */
static pv_date reading_changes_on(int year, char separator) {
    const int moves = year + (separator == '+' ? 200 : 100);
    if (moves > 9999) return PV_DATE_NONE;
    return (pv_date){(int16_t)moves, 1, 1};
}

static pv_status fail_at(pv_pnr *out, pv_error *error, const char *field, const char *message) {
    if (out != NULL && out->version == PV_PNR_VERSION) {
        out->birth_date = PV_DATE_NONE;
        out->kind = PV_PNR_PERSONNUMMER;
        out->normalized[0] = '\0';
        out->reading_changes_on = PV_DATE_NONE;
    }
    return error_invalid(error, field, message);
}

static pv_status fail(pv_pnr *out, pv_error *error, const char *message) {
    return fail_at(out, error, "text", message);
}

const char *pnr_text_read(const char *text, unsigned flags, pnr_text *out) {
    pnr_form form;
    if (!read_form(text, &form)) {
        /* N1 */
        return "not of the form YYYYMMDD-NNNC, YYMMDD-NNNC or YYMMDDNNNC";
    }
    out->interim = !is_digit(ten_at(&form, 6));
    if (out->interim && !(flags & PV_PNR_ALLOW_INTERIM)) {
        /* N7: interim numbers only when the caller asks for them. */
        return "interim numbers are not allowed";
    }
    if (luhn_digit(&form) != ten_at(&form, 9) - '0') {
        /* N2 */
        return "check digit does not match";
    }
    for (int i = 0; i < 10; i++) out->ten[i] = ten_at(&form, i);
    /* N4: a twelve-digit form carries its century; its separator has no meaning. */
    out->century = form.has_century ? (text[0] - '0') * 10 + (text[1] - '0') : -1;
    out->separator = form.separator;
    out->yy = two_at(&form, 0);
    out->month = two_at(&form, 2);
    out->day = two_at(&form, 4);
    /* N3: day 61 to 91 marks a samordningsnummer; the birth day is day - 60. */
    out->coordination = out->day >= 61 && out->day <= 91;
    if (out->coordination) out->day -= 60;
    /* N6: birth number 000 is invalid even with a correct check digit (checked after N5). */
    out->birth_number_000 =
        !out->interim && out->ten[6] == '0' && out->ten[7] == '0' && out->ten[8] == '0';
    return NULL;
}

const char *pnr_text_birth(const pnr_text *t, int reference_year, pv_date *birth,
                           pv_date *reading) {
    const int year = t->century >= 0 ? t->century * 100 + t->yy
                                     : short_form_year(t->yy, t->separator, reference_year);
    const pv_date date = {(int16_t)year, (uint8_t)t->month, (uint8_t)t->day};
    /* N5: the date must exist (a year before 1, from N4 near year 100, does not). */
    if (year < 1 || !date_exists(date)) return "date does not exist";
    if (t->birth_number_000) return "birth number 000 is not used"; /* N6 */
    *birth = date;
    /* N4, T1: a twelve-digit form carries its century for good. */
    *reading = t->century >= 0 ? PV_DATE_NONE : reading_changes_on(year, t->separator);
    return NULL;
}

pv_status pv_pnr_parse(const char *text, pv_date reference, unsigned flags, pv_pnr *out,
                       pv_error *error) {
    if (error_unknown(error)) return PV_ERR_INVALID_INPUT;
    if (out == NULL) return error_invalid(error, "out", "is required");
    if (out->version != PV_PNR_VERSION) {
        return error_invalid(error, "out.version", "is not a version this library knows");
    }
    if (text == NULL) return fail(out, error, "is required");
    if (!pv_date_is_valid(reference)) {
        return fail_at(out, error, "reference", "is not a date that exists");
    }
    /* N1, N7, N2, then N4 and N5 against the reference date, then N6. */
    pnr_text t;
    const char *problem = pnr_text_read(text, flags, &t);
    pv_date birth = PV_DATE_NONE;
    pv_date reading = PV_DATE_NONE;
    if (problem == NULL) problem = pnr_text_birth(&t, reference.year, &birth, &reading);
    if (problem != NULL) return fail(out, error, problem);

    /* A3: the birth date. */
    out->birth_date = birth;
    /* N7: an interim number is its own kind, never a personnummer. */
    out->kind = t.interim        ? PV_PNR_INTERIM
                : t.coordination ? PV_PNR_SAMORDNINGSNUMMER
                                 : PV_PNR_PERSONNUMMER;
    out->normalized[0] = (char)('0' + birth.year / 1000);
    out->normalized[1] = (char)('0' + birth.year / 100 % 10);
    memcpy(out->normalized + 2, t.ten, sizeof t.ten);
    out->normalized[12] = '\0';
    out->reading_changes_on = reading;
    error_clear(error);
    return PV_OK;
}

const char *pv_pnr_kind_name(pv_pnr_kind kind) {
    static const char *const names[PV_PNR_KIND_COUNT] = {"personnummer", "samordningsnummer",
                                                         "interim"};
    return (unsigned)kind < (unsigned)PV_PNR_KIND_COUNT ? names[kind] : NULL;
}
