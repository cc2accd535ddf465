/*
 * alloc_counter.c — counts heap allocations and frees, for the test no-allocation (see
 * no_allocation.c for what it proves).
 *
 * How allocations are seen:
 *  - Ordinary and UBSan-only builds: this file defines malloc, calloc, realloc, reallocarray,
 *    free, aligned_alloc, posix_memalign, memalign, valloc and pvalloc, counts the calls and
 *    forwards them to glibc's __libc_* entry points. glibc supports replacing malloc this way and
 *    its own internal allocations (stdio, strdup) go through the replacement too, so an allocation
 *    libc makes on the library's behalf is counted as well. In addition the test is linked with
 *    -Wl,--wrap for the same functions, so that every reference the library's objects (and
 *    no_allocation.c) make to them passes through a counting __wrap_ function, even when a tool
 *    replaces malloc in the executable: under valgrind, which does, the library's own calls are
 *    still counted and only allocations made inside libc are out of sight (the test
 *    no-allocation-symbols covers the library's references to strdup and the like statically).
 *    The replacement lives in this file, apart from the code it watches, because --wrap only
 *    redirects references to symbols that the referring object does not define itself.
 *  - Builds with a sanitizer that owns the allocator (address, leak, memory, thread): the
 *    sanitizer's malloc/free hooks (__sanitizer_install_malloc_and_free_hooks) count instead.
 */
#define _GNU_SOURCE /* the full malloc family in <stdlib.h> and <malloc.h> */

#include "alloc_counter.h"

#include <stddef.h>
#include <stdlib.h>

#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer) || \
    __has_feature(thread_sanitizer) || __has_feature(leak_sanitizer)
#define PV_SANITIZER_ALLOCATOR 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#undef PV_SANITIZER_ALLOCATOR
#define PV_SANITIZER_ALLOCATOR 1
#endif

#if defined(PV_HAVE_VALGRIND_H)
#include <valgrind/valgrind.h>
#define UNDER_VALGRIND (RUNNING_ON_VALGRIND != 0)
#else
#define UNDER_VALGRIND false
#endif

static volatile int counting;
static volatile unsigned long allocations;
static volatile unsigned long frees;

static void count_allocation(void) {
    if (counting) allocations = allocations + 1;
}

static void count_free(void) {
    if (counting) frees = frees + 1;
}

#if defined(PV_SANITIZER_ALLOCATOR)

/* The sanitizer runtimes (ASan, LSan, MSan, TSan) call these on every allocation and free. */
int __sanitizer_install_malloc_and_free_hooks(void (*malloc_hook)(const volatile void *, size_t),
                                              void (*free_hook)(const volatile void *));

static void on_malloc(const volatile void *ptr, size_t size) {
    (void)ptr;
    (void)size;
    count_allocation();
}

static void on_free(const volatile void *ptr) {
    (void)ptr;
    count_free();
}

int alloc_counter_install(void) {
    return __sanitizer_install_malloc_and_free_hooks(on_malloc, on_free) != 0 ? 0
                                                                            : ALLOC_COUNTER_REFUSED;
}

const char *alloc_counter_method(void) {
    return "sanitizer malloc/free hooks";
}

#elif defined(__GLIBC__)

#include <malloc.h>

/* Set while a __wrap_ function is inside the real allocator, which is then the replacement below:
   the call is counted once. */
static int in_wrapper;

void *__libc_malloc(size_t size);
void *__libc_calloc(size_t n, size_t size);
void *__libc_realloc(void *ptr, size_t size);
void __libc_free(void *ptr);
void *__libc_memalign(size_t alignment, size_t size);
void *__libc_valloc(size_t size);
void *__libc_pvalloc(size_t size);

static void replaced_allocation(void) {
    if (!in_wrapper) count_allocation();
}

void *malloc(size_t size) {
    replaced_allocation();
    return __libc_malloc(size);
}

void *calloc(size_t n, size_t size) {
    replaced_allocation();
    return __libc_calloc(n, size);
}

void *realloc(void *ptr, size_t size) {
    replaced_allocation();
    return __libc_realloc(ptr, size);
}

void *reallocarray(void *ptr, size_t n, size_t size) {
    replaced_allocation();
    if (size != 0 && n > (size_t)-1 / size) return NULL;
    return __libc_realloc(ptr, n * size);
}

void free(void *ptr) {
    if (ptr != NULL && !in_wrapper) count_free();
    __libc_free(ptr);
}

void *aligned_alloc(size_t alignment, size_t size) {
    replaced_allocation();
    return __libc_memalign(alignment, size);
}

void *memalign(size_t alignment, size_t size) {
    replaced_allocation();
    return __libc_memalign(alignment, size);
}

int posix_memalign(void **out, size_t alignment, size_t size) {
    replaced_allocation();
    if (alignment < sizeof(void *) || (alignment & (alignment - 1)) != 0) return 22; /* EINVAL */
    void *p = __libc_memalign(alignment, size);
    if (p == NULL) return 12; /* ENOMEM */
    *out = p;
    return 0;
}

void *valloc(size_t size) {
    replaced_allocation();
    return __libc_valloc(size);
}

void *pvalloc(size_t size) {
    replaced_allocation();
    return __libc_pvalloc(size);
}

#if defined(PV_WRAP_ALLOCATOR)
/* -Wl,--wrap=NAME sends every reference to NAME in the linked objects (the library's and this
   file's) to __wrap_NAME; __real_NAME is the original. */
#define WRAP_ALLOCATOR(ret, name, params, args)  \
    ret __real_##name params;                    \
    ret __wrap_##name params;                    \
    ret __wrap_##name params {                   \
        count_allocation();                      \
        in_wrapper++;                            \
        ret result = __real_##name args;         \
        in_wrapper--;                            \
        return result;                           \
    }
WRAP_ALLOCATOR(void *, malloc, (size_t size), (size))
WRAP_ALLOCATOR(void *, calloc, (size_t n, size_t size), (n, size))
WRAP_ALLOCATOR(void *, realloc, (void *ptr, size_t size), (ptr, size))
WRAP_ALLOCATOR(void *, reallocarray, (void *ptr, size_t n, size_t size), (ptr, n, size))
WRAP_ALLOCATOR(void *, aligned_alloc, (size_t alignment, size_t size), (alignment, size))
WRAP_ALLOCATOR(void *, memalign, (size_t alignment, size_t size), (alignment, size))
WRAP_ALLOCATOR(int, posix_memalign, (void **out, size_t alignment, size_t size), (out, alignment, size))
WRAP_ALLOCATOR(void *, valloc, (size_t size), (size))
WRAP_ALLOCATOR(void *, pvalloc, (size_t size), (size))

void __real_free(void *ptr);
void __wrap_free(void *ptr);
void __wrap_free(void *ptr) {
    if (ptr != NULL) count_free();
    in_wrapper++;
    __real_free(ptr);
    in_wrapper--;
}
#define WRAPPED " and -Wl,--wrap"
#else
#define WRAPPED ""
#endif

int alloc_counter_install(void) {
    return 0;
}

const char *alloc_counter_method(void) {
    return "malloc family replaced in the executable" WRAPPED;
}

#else

int alloc_counter_install(void) {
    (void)count_allocation;
    (void)count_free;
    return -1;
}

const char *alloc_counter_method(void) {
    return "none on this C library";
}

#endif


void alloc_counter_start(void) {
    counting = 1;
}

void alloc_counter_stop(void) {
    counting = 0;
}

unsigned long alloc_counter_allocations(void) {
    return allocations;
}

unsigned long alloc_counter_frees(void) {
    return frees;
}

void alloc_counter_reset(void) {
    allocations = 0;
    frees = 0;
}

bool alloc_counter_sees_libc(void) {
    return !UNDER_VALGRIND;
}
