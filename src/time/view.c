/*
 * view.c — the facts of one request over time as sorted unions of spans (view.h): merged, and
 * probed on a date. Which facts a request has is decision/facts.c's to say.
 */
#include "view.h"

/*@ ghost uint64_t view_layout; */

/* Insertion sort by start, for the few spans of a usual record. */
static void spans_insertion_sort(span *s, uint32_t n) {
    for (uint32_t i = 1; i < n; i++) {
        const span x = s[i];
        uint32_t j = i;
        for (; j > 0 && s[j - 1].from > x.from; j--) s[j] = s[j - 1];
        s[j] = x;
    }
}

static void spans_sift(span *s, uint32_t i, uint32_t n) {
    for (;;) {
        uint32_t big = i;
        const uint32_t l = 2 * i + 1;
        const uint32_t r = l + 1;
        if (l < n && s[l].from > s[big].from) big = l;
        if (r < n && s[r].from > s[big].from) big = r;
        if (big == i) return;
        const span t = s[i];
        s[i] = s[big];
        s[big] = t;
        i = big;
    }
}

/* Heap sort by start: O(n log n) at the caps, no allocation. */
static void spans_heap_sort(span *s, uint32_t n) {
    for (uint32_t i = n / 2; i-- > 0;) spans_sift(s, i, n);
    for (uint32_t end = n; end > 1; end--) {
        const span t = s[0];
        s[0] = s[end - 1];
        s[end - 1] = t;
        spans_sift(s, 0, end - 1);
    }
}

uint32_t spans_merge(span *s, uint32_t n) {
    if (n == 0) return 0;
    if (n <= 16) {
        spans_insertion_sort(s, n);
    } else {
        spans_heap_sort(s, n);
    }
    uint32_t out = 0;
    for (uint32_t i = 1; i < n; i++) {
        /* Overlapping or touching: the fact holds throughout, and does not turn in between. */
        if (s[i].from <= s[out].end) {
            if (s[i].end > s[out].end) s[out].end = s[i].end;
        } else {
            s[++out] = s[i];
        }
    }
    return out + 1;
}

/* Whether the union 's' holds on 'k'; '*next' the first key after 'k' on which it turns. */
static bool spans_probe(const span *s, uint32_t n, uint32_t k, uint32_t *next) {
    uint32_t lo = 0;
    uint32_t hi = n;
    while (lo < hi) { /* lo: the number of spans that start on or before 'k' */
        const uint32_t mid = (lo + hi) / 2;
        if (s[mid].from <= k) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if (lo > 0 && s[lo - 1].end > k) {
        *next = s[lo - 1].end; /* inside: it turns off the day after the span */
        return true;
    }
    *next = lo < n ? s[lo].from : SPAN_OPEN;
    return false;
}

uint32_t view_probe(const view *v, uint32_t k, uint32_t *next) {
    uint32_t bits = 0;
    uint32_t first = SPAN_OPEN;
    /* For the proof (docs/PROOF.md): each source analysed on its own round, its spans and count
       never mixed with another's (a compiler reads the annotation as a comment). */
    /*@ loop unroll VIEW_MAX_SOURCES; */
    for (unsigned i = 0; i < v->sources; i++) {
        const view_source *src = &v->source[i];
        uint32_t turn;
        if (spans_probe(src->spans, src->count, k, &turn)) bits |= src->fact;
        if (turn < first) first = turn;
    }
    *next = first;
    return bits;
}
