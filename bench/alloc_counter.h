/* alloc_counter.h — counts heap allocations and frees, for the test no-allocation. */
#ifndef PV_BENCH_ALLOC_COUNTER_H
#define PV_BENCH_ALLOC_COUNTER_H

#include <stdbool.h>

/* alloc_counter_install() could not install the sanitizer's hooks (a sanitizer build only). */
#define ALLOC_COUNTER_REFUSED (-2)

/* Starts watching the allocator. Returns 0; -1 if this build has no way to count;
   ALLOC_COUNTER_REFUSED if the sanitizer runtime refused the hooks. */
int alloc_counter_install(void);

/* How allocations are counted in this build, for the log. */
const char *alloc_counter_method(void);

/* Counting is on only between alloc_counter_start() and alloc_counter_stop(), so that the C
   runtime's own allocations at start-up and exit are not counted. */
void alloc_counter_start(void);
void alloc_counter_stop(void);

/* The allocations and frees counted since the last reset. */
unsigned long alloc_counter_allocations(void);
unsigned long alloc_counter_frees(void);
void alloc_counter_reset(void);

/* Whether allocations made inside libc (strdup, stdio) are counted: not under valgrind, which
   replaces the allocator there. */
bool alloc_counter_sees_libc(void);

#endif
