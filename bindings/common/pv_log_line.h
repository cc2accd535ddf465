/*
 * pv_log_line.h — the fast reader of one line of an access log (RULES.md H5), over bytes, for
 * every binding: it picks out the members the audit needs from a line of the plain common shape,
 * and hands every other line back to the binding's full (strict) reader.
 *
 * A line of the plain common shape is one JSON object (RFC 8259) of printable ASCII in which
 *   - "citizen" is a string, "on" a date "YYYY-MM-DD", "at" a timestamp
 *     "YYYY-MM-DDTHH:MM:SS[.fff](Z|+HH:MM|-HH:MM)" (upper-case T and Z, every field in range,
 *     second 60 excluded), exactly one of "on" and "at";
 *   - "actor" and "service" are objects holding only the members section 10 defines for them
 *     (actor: kind, id, eid, login_locked, journal_sealed; service: kind, channel, unit,
 *     entry_date), the flags true, false or null, the others strings or null;
 *   - no object anywhere in the line holds a member twice, no member name holds an escape, no
 *     object has more than PV_LOG_MAX_MEMBERS members and nothing is nested deeper than
 *     PV_LOG_MAX_DEPTH (past these bounds the full reader decides: the cost stays linear);
 *   - the strings the audit reads ("citizen", "on", "at") hold no escape.
 * Other top-level members are skipped (real logs carry more), after being read as JSON.
 *
 * The reader never decides a line: for a line of the plain shape it gives the text of the
 * members, which the binding reads as its full reader would; for any other line it says no, and
 * the full reader (which applies section 10's strict reading) reports what is wrong, if anything.
 * So it never accepts a line that the strict reading calls malformed.
 */
#ifndef PV_LOG_LINE_H
#define PV_LOG_LINE_H

#include <stdbool.h>
#include <stddef.h>

/** Members of one object read before the line is handed to the full reader. */
#define PV_LOG_MAX_MEMBERS 32
/** Nesting read before the line is handed to the full reader. */
#define PV_LOG_MAX_DEPTH 16

/** The members the audit reads, in the order of pv_log_line.member. */
typedef enum pv_log_member {
    PV_LOG_CITIZEN = 0,
    PV_LOG_ON = 1,
    PV_LOG_AT = 2,
    PV_LOG_ACTOR = 3,
    PV_LOG_SERVICE = 4,
    PV_LOG_MEMBER_COUNT = 5
} pv_log_member;

/** A part of the line: 'size' bytes from 'text' (NULL when the member is absent). */
typedef struct pv_log_span {
    const char *text;
    size_t size;
} pv_log_span;

/** Room for the longest day key: a timestamp's hour with its offset, "YYYY-MM-DDTHH+hh:mm". */
#define PV_LOG_HOUR_KEY_SIZE 20

/** What pv_log_line_read() finds in a line of the plain common shape. */
typedef struct pv_log_line {
    /** "citizen", "on", "at": the text inside the quotes; "actor", "service": the object. */
    pv_log_span member[PV_LOG_MEMBER_COUNT];
    /** For "at": the text of its hour and offset ("2026-03-14T23Z", "2026-03-14T23+01:00")
        when every instant of that hour has one date in Sweden, else empty (hour_size 0). */
    char hour[PV_LOG_HOUR_KEY_SIZE];
    size_t hour_size;
} pv_log_line;

/**
 * Reads the line of 'size' bytes at 'text' (without its newline; a final CR is white space).
 * Returns true and fills '*out' when the line is of the plain common shape; false otherwise
 * ('*out' is then unspecified). Reads no byte outside the line; linear in 'size'.
 */
bool pv_log_line_read(const char *text, size_t size, pv_log_line *out);

#endif /* PV_LOG_LINE_H */
