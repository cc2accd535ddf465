/*
 * date.c — the proof harness of the date functions (portvakt_core.h, "Dates"): each called with
 * every value of its arguments; for pv_date_parse() any string of up to 65 bytes, and NULL.
 * frama-c -eva proves that no call reads or writes out of bounds, reads an uninitialised value,
 * overflows a signed integer or divides by zero (.ci/checks/90-proof.sh).
 */
#include "nondet.h"

int main(void) {
    pv_error error_storage;
    char text_buf[ANY_ID_SIZE];
    char out_buf[PV_DATE_STRING_SIZE + 4];
    pv_date parsed;

    (void)pv_date_is_none(any_date());
    (void)pv_date_is_valid(any_date());
    (void)pv_date_is_leap_year(any_int());
    (void)pv_date_days_in_month(any_int(), any_int());
    (void)pv_date_compare(any_date(), any_date());
    (void)pv_date_to_days(any_date());
    (void)pv_date_from_days(any_int());

    (void)pv_date_parse(any_string_or_null(text_buf, sizeof text_buf),
                        Frama_C_nondet(0, 1) ? &parsed : NULL, any_error(&error_storage));

    /* The buffer is NULL, or of any size up to its own (0, too small and large enough). */
    size_t size = Frama_C_size_t_interval(0, sizeof out_buf);
    (void)pv_date_format(any_date(), Frama_C_nondet(0, 1) ? out_buf : NULL, size,
                         any_error(&error_storage));

    pv_date birthday;
    (void)pv_date_birthday(any_date(), any_int(), Frama_C_nondet(0, 1) ? &birthday : NULL,
                           any_error(&error_storage));
    int age;
    (void)pv_age_on(any_date(), any_date(), Frama_C_nondet(0, 1) ? &age : NULL,
                    any_error(&error_storage));
    return 0;
}
