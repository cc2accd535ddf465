/*
 * pv_citizen_json.h — the fast reader of a citizen's record as a records database stores it
 * (RULES.md section 10, H5: the JSON object of the citizen), over bytes, for every binding: it
 * builds the pv_citizen of a record of the plain common shape in memory of its own, and hands
 * every other record back to the binding's full (strict) reader.
 *
 * A record of the plain common shape is one JSON object (RFC 8259) of printable ASCII in which
 *   - the members are those section 10 defines for a citizen (birth_date, personnummer,
 *     protected_identity, login_locked, login_lock_requested_by, login_lock_case_number, seals,
 *     guardians, grants, representatives), each at most once, and the same holds for the objects
 *     of the arrays (a seal: scope, unit, active, content, requested_by; an interval: from,
 *     until; a guardian: id, blocked, protected_identity; a grant: holder, unit, from, until; a
 *     representative: id, kind, cares_for_person, consent, court_order, from, until);
 *   - the facts (protected_identity, login_locked, blocked) are true, false or null (a list of
 *     periods, H1, goes to the full reader), the other flags true, false or null, the dates
 *     "YYYY-MM-DD" dates that exist (years 1 to 9999) or null, the names of an enumeration one of
 *     its values or null, the other strings strings or null, every required member (a seal's
 *     scope, a guardian's id, a grant's unit, a representative's id and kind) a value;
 *   - no string holds an escape or a byte outside printable ASCII, and no array holds more
 *     elements than the caps of section 8 (the reader stops at the first one past a cap).
 * null is the same as a member left out, as section 10 reads it.
 *
 * The reader never decides a record: it builds the pv_citizen the full reader would build for the
 * same text (section 8 is left to the library: pv_prepare), and says no to any other text, which
 * the full reader then reads, and reports, as it always has. So it never accepts a record that the
 * strict reading calls malformed.
 */
#ifndef PV_CITIZEN_JSON_H
#define PV_CITIZEN_JSON_H

#include <stddef.h>

#include "portvakt.h"

/** A record read by pv_citizen_json_read(): the citizen and the memory it points into. */
typedef struct pv_citizen_json pv_citizen_json;

/**
 * Reads the 'size' bytes at 'text'. Returns 1 and a new record in '*out' (free it with
 * pv_citizen_json_free()) when the text is of the plain common shape; 0 and NULL when it is not
 * (the full reader decides); -1 and NULL when memory ran out.
 */
int pv_citizen_json_read(const char *text, size_t size, pv_citizen_json **out);

/** The citizen of 'record': valid, unchanged, as long as 'record' is. */
const pv_citizen *pv_citizen_json_citizen(const pv_citizen_json *record);

/** The bytes 'record' holds (its own memory), for a cache that counts what it keeps. */
size_t pv_citizen_json_bytes(const pv_citizen_json *record);

/** Frees 'record' (NULL is allowed). */
void pv_citizen_json_free(pv_citizen_json *record);

#endif /* PV_CITIZEN_JSON_H */
