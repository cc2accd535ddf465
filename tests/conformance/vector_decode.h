/*
 * vector_decode.h — reads conformance vectors (RULES.md section 10; the format and vocabulary are
 * documented in tests/conformance/README.md) into the pv_* structs of portvakt.h.
 *
 * Used by the conformance runner (run_vectors.c) and by any tool that wants realistic requests
 * (benchmarks, fuzz seeds). JSON decoding lives here, in the tests, never in the library.
 *
 * Decoding is strict. What the JSON says that the structs can express is passed on as it is, so
 * that pv_evaluate() is the one that judges it:
 *   - an omitted member, or one given as null (RULES.md section 10: the same as omitted), takes
 *     its default, mapped explicitly onto the C enums (their zero values mean "unset" and are
 *     invalid): eid bankid, channel portal, requested_by care, grants[].holder "self", false,
 *     empty lists, open interval ends;
 *   - a required enum that is omitted or null (actor.kind, service.kind, seals[].scope,
 *     representatives[].kind: none has a default) becomes the enum's UNSET value (0), which
 *     the library must reject naming the member;
 *   - an unknown enum string becomes the enum's *_COUNT value (out of range);
 *   - a date string of the form YYYY-MM-DD is passed digit for digit, even if the date does not
 *     exist (2023-02-29, month 13); any other date string becomes VD_DATE_MALFORMED;
 *   - a missing or null required string becomes NULL; a missing or null 'on' PV_DATE_NONE; a
 *     missing or null citizen, actor or service a NULL pointer.
 * The input state is then VD_INPUT_REJECTABLE when one of the last three happened. What the
 * structs cannot express (an unknown key, a JSON value of the wrong type) makes the input
 * VD_INPUT_UNDECODABLE: such a request is invalid input by definition and is not passed on.
 *
 * Facts over time (RULES.md section 11): the citizen's login_locked and protected_identity and
 * a guardian's blocked and protected_identity may be lists of periods. They are passed on as the
 * structs' period arrays (pv_lock_period, with its requested_by and case_number, for the login
 * lock; pv_interval for the others), dates digit for digit and every period, so that the library
 * judges them (H4, section 8) and decides on them (H2) with changes_on (H3).
 *
 * A vector whose own frame is broken (no name, no expect, a malformed expect, an unknown
 * top-level key, 'rules' not an array) is not a vector: vd_vector_decode() fails and says why.
 * The ids 'rules' names are never judged: a vector may name any id RULES.md defines (A1 ... N7,
 * M1, M-ALL, M-GUARD, M-PROT, M-13, X1 ... X7, H1 ... H5), and a runner never refuses a vector
 * for them (section 10).
 */
#ifndef PV_VECTOR_DECODE_H
#define PV_VECTOR_DECODE_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#include "portvakt.h"

/* A date value that exists in no calendar and is not PV_DATE_NONE: what a malformed date string
   ("2026-3-4", "") decodes to, so that the library has to reject it. */
#define VD_DATE_MALFORMED ((pv_date){0, 13, 32})

/* Room for the description of the first input problem, e.g.
   "citizen.seals[0].activ: unknown key". */
#define VD_PROBLEM_SIZE 192

/* The reasons a decision can carry (PV_REASON_MAX bits), room enough for any expect.reasons. */
#define VD_MAX_REASONS PV_REASON_MAX

/* What the decoder made of the request part of a vector (on, citizen, actor, service). */
typedef enum vd_input {
    VD_INPUT_OK = 0,         /* decoded exactly */
    VD_INPUT_REJECTABLE = 1, /* decoded, holding out-of-range values the library must reject */
    VD_INPUT_UNDECODABLE = 2 /* an unknown key or a wrong JSON type: invalid input as such */
} vd_input;

/* The expected decision of a vector. The has_* flags say which optional fields were present. */
typedef struct vd_expect {
    pv_effect effect;
    pv_reason reason;
    bool has_reasons;
    int reason_count;
    pv_reason reasons[VD_MAX_REASONS];
    bool has_filtered;
    bool filtered;
    bool has_changes_on;
    pv_date changes_on; /* PV_DATE_NONE for null */
    /* expect.field (RULES.md section 10: optional, only with INVALID_INPUT; checked when
       present): the path of the offending field as section 8 names it. */
    bool has_field;
    char field[PV_FIELD_PATH_SIZE];
} vd_expect;

/* One decoded vector. Strings point into the JSON document the vector was decoded from, which
   must outlive it; the arrays are owned by the vector (vd_vector_free). */
typedef struct vd_vector {
    const char *name;
    pv_date on;
    bool has_citizen; /* false when the JSON citizen is null: pass NULL */
    bool has_actor;
    bool has_service;
    pv_citizen citizen;
    pv_actor actor;
    pv_service service;
    vd_input input;
    char problem[VD_PROBLEM_SIZE]; /* the first input problem, or "" */
    /* The path of the field of that problem ("citizen.seals[0].activ"), or "": what the
       library would name, for a request the decoder judges itself. */
    char problem_field[PV_FIELD_PATH_SIZE];
    /* True when a fact is given as a list of periods (section 11). */
    bool has_periods;
    vd_expect expect;
    /* owned arrays behind citizen.seals, .guardians, .grants, .representatives */
    pv_seal *seals;
    pv_guardian *guardians;
    pv_grant *grants;
    pv_representative *representatives;
    /* owned arrays of periods (pv_lock_period, pv_interval) behind the facts of section 11 */
    void **owned;
    size_t owned_count;
    size_t owned_capacity;
} vd_vector;

/* The request pointers to hand to pv_evaluate(): NULL where the vector holds null. */
const pv_citizen *vd_citizen(const vd_vector *vector);
const pv_actor *vd_actor(const vd_vector *vector);
const pv_service *vd_service(const vd_vector *vector);

/* Decodes the vector 'object' into '*out'. Returns 0, or -1 when the vector's frame is broken
   (then 'err' says why and '*out' holds nothing to free). */
int vd_vector_decode(const json_t *object, vd_vector *out, char *err, size_t err_size);

/* Frees the arrays of a decoded vector. */
void vd_vector_free(vd_vector *vector);

/* A file of vectors: the JSON document and its decoded vectors. */
typedef struct vd_file {
    json_t *root;
    size_t count;
    vd_vector *vectors;
} vd_file;

/* Reads the JSON array at 'path' and decodes every vector. A UTF-8 byte order mark at its very
   start is ignored (H5); a member repeated in the request part of a vector makes that vector
   malformed, naming its path (section 10), and one repeated in its name, rules or expect breaks
   its frame. Returns 0, or -1 with 'err' set when the file cannot be read or any vector's frame
   is broken. */
int vd_file_load(const char *path, vd_file *out, char *err, size_t err_size);

/* Frees everything vd_file_load() allocated. */
void vd_file_free(vd_file *file);

/* The enums of the request whose JSON names the decoder knows. */
typedef enum vd_vocabulary {
    VD_ACTOR_KIND,
    VD_EID,
    VD_SERVICE_KIND,
    VD_CHANNEL,
    VD_SEAL_SCOPE,
    VD_REQUESTER,
    VD_REPRESENTATIVE_KIND
} vd_vocabulary;

/* Returns the JSON name (RULES.md section 10) the decoder maps onto 'value' of 'vocabulary', or
   NULL for an unset value (0 where 0 is not a value) and out of range: what the library's
   pv_*_name() functions must return too. */
const char *vd_name_of(vd_vocabulary vocabulary, int value);

/* Returns the JSON name of 'reason' as RULES.md section 4 spells it, or "?" out of range. */
const char *vd_reason_name(pv_reason reason);

/* Writes 'date' as "YYYY-MM-DD" (or "null" for PV_DATE_NONE) into 'buf'. Returns 'buf'. */
const char *vd_date_text(pv_date date, char *buf, size_t size);

#endif
