/*
 * mix.h — a fixed, seeded mix of realistic, valid requests for portvakt.
 *
 * The benchmark (portvakt_bench.c) and the allocation test (no_allocation.c) share it. Every
 * request is valid input (RULES.md section 8): citizens aged 0 to 90 with 1 or 2 guardians, 0 to 4
 * seals (whole and unit scopes, with and without active intervals and content periods), 0 to 3
 * direct-access grants, 0 or 1 representative; every actor kind and e-ID; e-services through the
 * portal, and journal queries for the whole journal, one unit or one entry through either channel.
 * Units come from a small pool so that seals and grants actually hit. Every struct is made from
 * its PV_*_INIT (the version of this header) and every enum is set: the zero values of actor
 * kind, e-ID, service kind, seal scope and representative kind are "unset", never in the mix.
 *
 * The generator uses its own PRNG (splitmix64) and its own calendar arithmetic, so the mix is the
 * same on every machine and does not depend on the library it measures. No expression makes two
 * random draws whose order C leaves unspecified (two in one argument list), so the mix is also the
 * same under every compiler. It never allocates.
 */
#ifndef PV_BENCH_MIX_H
#define PV_BENCH_MIX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "portvakt.h"

#define MIX_DEFAULT_COUNT 10000
#define MIX_DEFAULT_SEED UINT64_C(20261122)

#define MIX_MAX_SEALS 4
#define MIX_MAX_GUARDIANS 2
#define MIX_MAX_GRANTS 3
#define MIX_MAX_REPRESENTATIVES 1

/* An id or a personnummer in the form "YYYYMMDD-NNNC" (13 characters) and a NUL. */
#define MIX_ID_SIZE 16

/*
 * One request and the storage its pointers refer to. The citizen's arrays and the actor's id
 * point into the struct itself, so a mix_request must not be copied or moved after
 * mix_generate() has filled it.
 */
typedef struct mix_request {
    pv_date on;
    pv_citizen citizen;
    pv_actor actor;
    pv_service service;
    pv_seal seals[MIX_MAX_SEALS];
    pv_guardian guardians[MIX_MAX_GUARDIANS];
    pv_grant grants[MIX_MAX_GRANTS];
    pv_representative representatives[MIX_MAX_REPRESENTATIVES];
    char guardian_ids[MIX_MAX_GUARDIANS][MIX_ID_SIZE];
    char representative_ids[MIX_MAX_REPRESENTATIVES][MIX_ID_SIZE];
    char actor_id[MIX_ID_SIZE];
    /* The citizen's personnummer (or samordningsnummer), twelve digits with '-', always valid
       and agreeing with the birth date. Used by the citizen only after mix_use_personnummer(). */
    char personnummer[MIX_ID_SIZE];
    pv_date birth_date; /* the citizen's birth date, kept while the personnummer stands in */
} mix_request;

/* Fills requests[0 .. count) with the mix for 'seed'. The same count and seed give the same mix. */
void mix_generate(mix_request *requests, size_t count, uint64_t seed);

/* Makes every citizen of the mix give the birth date through 'personnummer' (A3) when 'on' is
   true, or through 'birth_date' when false (the default after mix_generate). */
void mix_use_personnummer(mix_request *requests, size_t count, bool on);

/* Writes the requests as a JSON array of conformance-style vectors (RULES.md section 10) with
   'name', 'on', 'citizen', 'actor' and 'service' and no 'expect'. Returns 0, or -1 on a write
   error. */
int mix_write_json(FILE *out, const mix_request *requests, size_t count);

/* The most actors and services of a page (below): the mix's actor, the citizen, every guardian
   and representative; the mix's service, e-services, the whole journal and every unit named by
   a seal or a grant. */
#define MIX_PAGE_MAX_ACTORS (2 + MIX_MAX_GUARDIANS + MIX_MAX_REPRESENTATIVES)
#define MIX_PAGE_MAX_SERVICES (3 + MIX_MAX_SEALS + MIX_MAX_GRANTS)

/*
 * A page of a portal, or one citizen of a region audit: every actor named by one request of the
 * mix (its own actor, the citizen, each guardian with BankID, each representative with BankID)
 * asking for every service of its record (its own service, the e-services, the whole journal
 * through the portal, and each unit named by a seal or grant, once, through the portal). The
 * requests of a page are its actors times its services, actor by actor. A page points into its
 * mix_request and must not outlive it.
 */
typedef struct mix_page {
    pv_actor actors[MIX_PAGE_MAX_ACTORS];
    pv_service services[MIX_PAGE_MAX_SERVICES];
    size_t actor_count;
    size_t service_count;
} mix_page;

/* Fills 'page' for the request 'q'; returns the number of requests of the page. */
size_t mix_page_build(const mix_request *q, mix_page *page);

/* The number of units in the pool that seals, grants and queries draw from. */
size_t mix_unit_pool_size(void);

#endif
