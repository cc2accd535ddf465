/*
 * actors.h — the classes of an actor for the harnesses that decide (evaluate.c, prepared.c,
 * timeline.c): the kinds that name an id (section 8: required for a guardian or a
 * representative) with the id NULL or not, and the other values of the kind, each a class of its
 * own. A harness analyses each class apart (a split or a partition on the class): validation
 * tells them apart, a join of them would pair a guardian with no id. Every other field of the
 * actor stays any.
 */
#ifndef PV_PROOF_ACTORS_H
#define PV_PROOF_ACTORS_H

#include "record.h"

/* The number of classes: a harness takes its class from Frama_C_interval(0, PROOF_ACTOR_CLASSES
   - 1). */
#define PROOF_ACTOR_CLASSES 7

/* The kind and id of 'a' by class: 0 and 1 a guardian with an id or none, 2 and 3 a
   representative with an id or none, 4 the unset kind or the citizen, 5 anyone else and every
   value past the last, 6 a negative value (apart from the rest: an enum of x86_64 is an unsigned
   int, where a negative value lies past INT_MAX, so a range from INT_MIN to 1 would hold every
   kind). */
static void proof_actor_of_class(pv_actor *a, int class) {
    switch (class) {
    case 0:
        a->kind = PV_ACTOR_GUARDIAN;
        a->id = any_id();
        break;
    case 1:
        a->kind = PV_ACTOR_GUARDIAN;
        a->id = NULL;
        break;
    case 2:
        a->kind = PV_ACTOR_REPRESENTATIVE;
        a->id = any_id();
        break;
    case 3:
        a->kind = PV_ACTOR_REPRESENTATIVE;
        a->id = NULL;
        break;
    case 4: a->kind = (pv_actor_kind)Frama_C_interval(PV_ACTOR_KIND_UNSET, PV_ACTOR_SELF); break;
    case 5: a->kind = (pv_actor_kind)Frama_C_interval(PV_ACTOR_OTHER, INT_MAX); break;
    default: a->kind = (pv_actor_kind)Frama_C_interval(INT_MIN, -1);
    }
}

#endif
