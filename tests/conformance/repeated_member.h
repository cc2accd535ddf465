/* repeated_member.h — the first repeated member of each vector of a JSON array (RULES.md
   section 10: a member that appears twice in one object is malformed, naming its path). */
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

/* Scans the JSON text 'text' (an array of vectors) and fills found[i] for vector i < capacity.
   Returns 0, or -1 when the text nests deeper than the scan follows. The text is not judged
   otherwise: jansson reads it after. */
int rm_scan(const char *text, size_t size, rm_found *found, size_t capacity);

/* An upper bound of the number of elements of the top-level array of 'text'. */
size_t rm_count_elements(const char *text, size_t size);

#endif
