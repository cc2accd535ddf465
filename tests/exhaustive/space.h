/*
 * space.h — the abstract state space of the exhaustive checks (exhaustive.c, plan_check.c).
 *
 * A point of the space picks one value on every dimension: the citizen's age around the 13th
 * and 16th birthdays (a 29 February birth included, A1), the citizen's login lock and protected
 * identity, one seal (none, or whole / unit, with or without a content period, in force or not,
 * J1 to J4), guardian g1 blocked or protected (G3, G4), direct-access grants held by the citizen
 * and by g1 (D1 to D3), the representative's appointment (P2), the actor (self, g1, g2, an
 * unknown guardian, r1, an unknown representative, other), its e-ID and own lock and seal (E1
 * to E3; the e-IDs of section 8, bankid to none, never the unset value 0), the service,
 * channel and query, and the facts over time of RULES.md section 11 (H1-H4): a period of the
 * citizen's login lock or protected identity, or of g1's block or protected identity, in force
 * on the date or beginning after it (block periods as two touching periods, H1). Every struct is built from its PV_*_INIT, so it carries the version of
 * this header. world_build() turns a point into the inputs of
 * pv_evaluate(). Dates are computed here without the library, so the checks do not lean on
 * the code they check.
 */
#ifndef PV_EXHAUSTIVE_SPACE_H
#define PV_EXHAUSTIVE_SPACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "portvakt.h"

/* The units of the space: U1 carries the seals and most grants, U2 is another unit. */
#define SPACE_UNIT_1 "SE2321000016-U1"
#define SPACE_UNIT_2 "SE2321000016-U2"

/* The dimensions, in the order of a point's digits. */
typedef enum dim {
    DIM_SERVICE,           /* e-services, or the journal by channel and query */
    DIM_ACTOR,             /* self, g1, g2, unknown guardian, r1, unknown representative, other */
    DIM_AGE,               /* birth date and evaluation date */
    DIM_SEAL,              /* none, or a seal kind and activity */
    DIM_CITIZEN_LOCK,      /* the citizen's login lock (E2, L1) */
    DIM_CITIZEN_PROTECTED, /* the citizen's protected identity (G4, G5) */
    DIM_GUARDIAN,          /* g1 blocked (bit 0), g1 protected identity (bit 1) */
    DIM_GRANT_SELF,        /* a grant held by the citizen (D1) */
    DIM_GRANT_G1,          /* a grant held by g1 (D2) */
    DIM_REPRESENTATIVE,    /* r1's appointment (P2) */
    DIM_EID,               /* the actor's e-ID (E1) */
    DIM_ACTOR_LOCK,        /* the actor's own login lock (E2) */
    DIM_ACTOR_SEAL,        /* the actor's own journal seal (E3) */
    DIM_PERIODS,           /* a fact of section 11 given as periods (H1-H4) */
    DIM_COUNT
} dim;

/* The number of values of each dimension. */
extern const int space_radix[DIM_COUNT];
/* The dimensions that make up the citizen's record (the rest is actor and service). */
extern const bool space_record_dim[DIM_COUNT];

typedef struct point {
    int v[DIM_COUNT];
} point;

/* A block of the enumeration: the full product of the dimensions in 'dims' (bit 1 << dim),
   every other dimension at its first value. */
typedef struct space_block {
    const char *name;
    unsigned dims;
} space_block;

/* The blocks, in order; a point already in an earlier block is not enumerated again. */
extern const space_block space_blocks[];
extern const size_t space_block_count;

/* True if 'p' lies in a block with dimensions 'dims' (every other dimension at 0). */
bool space_in_dims(const point *p, unsigned dims);
/* True if 'p' lies in one of the blocks before 'index'. */
bool space_seen_before(size_t index, const point *p);
/* Steps 'p' to the next point of the product of 'dims'; false after the last one. Start from
   the all-zero point. */
bool space_next(point *p, unsigned dims);

/* Journal queries per channel; the service dimension is 1 + PV_CHANNEL_COUNT * this. */
enum { SPACE_QUERIES = 6 };

/* The concrete inputs of one point (arrays inside, linked by world_link). */
typedef struct world {
    pv_date on;
    pv_citizen citizen;
    pv_seal seals[4];
    pv_guardian guardians[2];
    pv_grant grants[4];
    pv_representative representatives[1];
    /* H1: the periods of the facts of section 11 (room for one more: the flag as a period) */
    pv_lock_period lock_periods[3];
    pv_interval protected_periods[3];
    pv_interval blocked_periods[2][3];
    pv_interval guardian_protected_periods[2][3];
    pv_actor actor;
    pv_service service;
} world;

/* Builds the inputs of point 'p'. */
void world_build(const point *p, world *w);
/* Points the citizen's arrays at the world's own storage (after a copy of the struct). */
void world_link(world *w);
/* Copies 'src' into 'dst' and links it. */
void world_copy(world *dst, const world *src);
/* The content period every content seal of the space uses, relative to 'on'. */
pv_interval space_content_period(pv_date on);

/* Prints the inputs as a conformance vector of RULES.md section 10 (without "expect"). */
void world_print(FILE *f, const world *w);
/* Prints a decision with every field, and the error of the call when 'err' is not NULL. */
void decision_print(FILE *f, const pv_decision *d, const pv_error *err);
/* Prints the digits of a point. */
void point_print(FILE *f, const point *p);

/* ---- Dates, without the library ----------------------------------------------------------- */

bool cal_none(pv_date d);
bool cal_leap(int year);
/* Days from 1970-01-01 (valid dates). */
int32_t cal_days(pv_date d);
pv_date cal_from_days(int32_t days);
pv_date cal_add(pv_date d, int32_t days);
/* <0, 0, >0 as a is before, equal to or after b. */
int cal_cmp(pv_date a, pv_date b);
/* A1: the date someone born on 'birth' attains 'years'; 29 February gives 28 February in a
   common year. */
pv_date cal_birthday(pv_date birth, int years);
/* A1, A2: age in whole years on 'on'. */
int cal_age(pv_date birth, pv_date on);
/* J3: 'on' in [from, until], both ends inclusive, a none end open. */
bool cal_in(pv_date from, pv_date until, pv_date on);
pv_date cal_make(int year, int month, int day);

/* ---- A small seeded generator (splitmix64), for the random part of the space -------------- */

typedef struct rng {
    uint64_t state;
} rng;

uint64_t rng_next(rng *r);
/* A number in [0, n). */
int rng_below(rng *r, int n);

#endif
