/* repeated_member.h — the first repeated member of each vector of a JSON array (RULES.md
   section 10: a member that appears twice in one object is malformed, naming its path), and the
   arrays past a cap of section 8, found on the text before jansson parses it. */
#ifndef PV_REPEATED_MEMBER_H
#define PV_REPEATED_MEMBER_H

#include <stdbool.h>
#include <stddef.h>

#include "portvakt.h"

/* The path of a vector's first repeated member, relative to the vector ("citizen.guardians[0].id",
   "on"), or "" when it has none. Names are compared as written (an escaped spelling of the same
   name is not seen as the same). */
typedef struct rm_found {
    char path[PV_FIELD_PATH_SIZE];
} rm_found;

/* A part of the text to leave out: bytes [from, to). */
typedef struct rm_cut {
    size_t from, to;
} rm_cut;

/* The cuts of a scan, in text order (items is malloc'ed: free it). */
typedef struct rm_cuts {
    rm_cut *items;
    size_t count, capacity;
} rm_cuts;

/* Scans the JSON text 'text' (an array of vectors) and fills found[i] for vector i < capacity.
   It also finds the arrays of a vector's citizen past a cap of RULES.md section 8 (16
   guardians or representatives, 1,024 seals or grants, 256 periods of one fact) and adds to
   'cuts' the part of each from its second element past the cap to its end: with them left out,
   the array keeps one element too many (the library names the cap) and jansson never builds the
   rest. Returns 0, or -1 when the text nests deeper than the scan follows or memory runs out.
   The text is not judged otherwise: jansson reads it after. */
int rm_scan(const char *text, size_t size, rm_found *found, size_t capacity, rm_cuts *cuts);

/* An upper bound of the number of elements of the top-level array of 'text'. */
size_t rm_count_elements(const char *text, size_t size);

#endif
