/*
 * caps_record.h — a record at the caps of RULES.md section 8, and the requests asked of it.
 *
 * The caps bound the cost of one call: 16 guardians, 16 representatives, 1,024 seals and 1,024
 * grants (PV_MAX_*). caps_record_build() fills a citizen with exactly that many, every id and
 * unit exactly PV_ID_MAX (64) bytes, the ids of one kind differing only in their last four
 * characters, so that every comparison reads all 64 bytes:
 *
 *   - the citizen is 14 on the evaluation date (2026-03-04), so that direct access (D1, D2) and
 *     so every grant counts;
 *   - 1,024 seals: one in eight whole (half with a content period, half without one but out of
 *     force on the date: an ended or a future interval), the rest unit seals over CAPS_UNITS
 *     units, with active intervals and content periods spread over the years 1995 to 2045, one
 *     in three with a content period, some open at one end or both;
 *   - 1,024 grants held by the citizen (even) and by the guardians (odd), over the same units,
 *     with validity intervals spread over the years, some in force on the date;
 *   - 16 guardians (one blocked, one with protected identity), 16 representatives (god man and
 *     förvaltare, most complete, appointments spread over the years).
 *
 * The requests (CAPS_QUERY_COUNT): the citizen, the last guardian and the last representative
 * (so that finding the actor reads every id), each asking for the e-services, the whole journal
 * (portal), one unit (direct) and one entry of a unit (portal) — every id and unit given as a
 * copy in storage of its own, so that they are compared by content. The unit asked for is the
 * last one that no seal closes on the date and that a content period hides entries of; the
 * entry is the last day of that period. Every request is valid
 * input. Nothing here allocates: the caller provides the storage (a caps_record is large, about
 * 200 KB; make it static or allocate it).
 */
#ifndef PV_BENCH_CAPS_RECORD_H
#define PV_BENCH_CAPS_RECORD_H

#include <stddef.h>

#include "portvakt.h"

/* Distinct units named by the seals and grants. */
#define CAPS_UNITS 256

/* The requests: 3 actors x 4 services. */
#define CAPS_ACTORS 3
#define CAPS_SERVICES 4
#define CAPS_QUERY_COUNT (CAPS_ACTORS * CAPS_SERVICES)

/* The rows pv_who_can_see() gives for the record: every actor named in it (the citizen, 16
   guardians, 16 representatives) times the e-services, the whole journal and each unit. */
#define CAPS_WHO_ROWS ((1 + PV_MAX_GUARDIANS + PV_MAX_REPRESENTATIVES) * (2 + CAPS_UNITS))

/* Room for an id of PV_ID_MAX bytes and its NUL. */
#define CAPS_ID_SIZE (PV_ID_MAX + 1)

typedef struct caps_query {
    const char *label; /* "guardian, one unit" ... (static) */
    pv_actor actor;
    pv_service service;
} caps_query;

/*
 * The record and its requests. The citizen's arrays, the ids and the requests point into the
 * struct itself, so a caps_record must not be copied or moved after caps_record_build().
 */
typedef struct caps_record {
    pv_date on;
    pv_citizen citizen;
    pv_seal seals[PV_MAX_SEALS];
    pv_grant grants[PV_MAX_GRANTS];
    pv_guardian guardians[PV_MAX_GUARDIANS];
    pv_representative representatives[PV_MAX_REPRESENTATIVES];
    char units[CAPS_UNITS][CAPS_ID_SIZE];
    char guardian_ids[PV_MAX_GUARDIANS][CAPS_ID_SIZE];
    char representative_ids[PV_MAX_REPRESENTATIVES][CAPS_ID_SIZE];
    /* Copies for the requests: the actors' ids and the units they ask for. */
    char guardian_actor_id[CAPS_ID_SIZE];
    char representative_actor_id[CAPS_ID_SIZE];
    char query_unit[CAPS_ID_SIZE];
    caps_query queries[CAPS_QUERY_COUNT];
} caps_record;

/* Fills 'r' with the record at the caps and its requests (always the same). */
void caps_record_build(caps_record *r);

/* Writes an id of exactly PV_ID_MAX bytes and a NUL into 'out': 'prefix', then '.' up to the
   last four characters, which hold 'n' (0 to 9999) in decimal. */
void caps_id(char out[CAPS_ID_SIZE], const char *prefix, unsigned n);

#endif
