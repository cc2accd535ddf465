/*
 * prelude.h — included before every file of an EVA analysis (frama-c -cpp-extra-args="-include
 * tests/proof/prelude.h"); never seen by a compiler build.
 *
 * Frama-C 25 rejects C11's _Alignof (which <stdalign.h> spells alignof), its libc has no
 * max_align_t and it does not know GCC's __builtin_ctz. They are given here as GCC and Clang
 * give them on x86_64 (the machine Frama-C analyses for, -machdep x86_64): __alignof__, which
 * Frama-C accepts; the struct that <stddef.h> of GCC declares (alignment 16, size 32); and the
 * loop that __builtin_ctz stands for. <stdalign.h> is included first so that its alignof is
 * the one replaced.
 */
#ifndef PV_PROOF_PRELUDE_H
#define PV_PROOF_PRELUDE_H

#include <stdalign.h>
#include <stddef.h>

#undef alignof
#define alignof(type) __alignof__(type)

typedef struct {
    long long max_align_ll __attribute__((__aligned__(__alignof__(long long))));
    long double max_align_ld __attribute__((__aligned__(__alignof__(long double))));
} max_align_t;

/* GCC's count of trailing zeros, which Frama-C does not know: as the loop its definition
   stands for, with GCC's precondition (0 has no lowest bit set) checked by EVA at every call. */
/*@ requires x_nonzero: x != 0; */
static inline int __builtin_ctz(unsigned int x) {
    int r = 0;
    while ((x & 1u) == 0) {
        x >>= 1;
        r++;
    }
    return r;
}

#endif
