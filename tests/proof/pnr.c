/*
 * pnr.c — the proof harness of pv_pnr_parse() and pv_pnr_kind_name(): any text of up to 65
 * bytes (any bytes, any length) and NULL, any reference date, any flags, an output of any
 * version (the right one among them) or NULL, any error argument.
 */
#include "nondet.h"

int main(void) {
    pv_error error_storage;
    char text_buf[ANY_ID_SIZE];
    const char *text = any_string_or_null(text_buf, sizeof text_buf);

    /* The output as a caller passes it: only its version set (PV_PNR_INIT or not), the rest
       left uninitialised, so that reading a member before writing it is an alarm. */
    pv_pnr out;
    out.version = any_version();
    pv_error *error = any_error(&error_storage);
    (void)pv_pnr_parse(text, any_date(), Frama_C_unsigned_int_interval(0, UINT_MAX),
                       Frama_C_nondet(0, 1) ? &out : NULL, error);

    (void)pv_pnr_kind_name((pv_pnr_kind)any_int());
    return 0;
}
