"""The audit's bounded cache of the records it has read from a records database (RULES.md H5).

The cache is the audit's dict of prepared records (record id -> (Citizen, C proxy, prepared
record)), the very dict the C line reader looks records up in, so that a record read once is
decided at the speed of a region held in memory. It is kept in least-recently-used order: a
record the log names again moves to the end (``touch``, once the cache is nearly full), and when
the cache is full the least recently used quarter is dropped at once (dropping the oldest entry
one at a time from a dict costs more and more as its front fills with holes). Memory is bounded
by CAPACITY records (shared by the worker processes of --jobs), whatever the size of the region.
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List

from ._errors import InvalidInput

#: The most records kept prepared, by all the processes of an audit together (each of the SHARES
#: worker processes of --jobs keeps CAPACITY // SHARES, at least 4,096). A prepared record of the
#: benchmark's region holds about 5 KiB (bench/README.md): 65,536 of them are about 350 MiB.
CAPACITY = 1 << 16
#: The number of processes that share CAPACITY (set by _audit_jobs before its workers start).
SHARES = 1
#: The records of unusable rows (or ids with no row) kept, so that each is read once.
UNUSABLE_CAPACITY = 1 << 14


def capacity() -> int:
    """The most records this process keeps."""
    return max(CAPACITY // SHARES, min(CAPACITY, 4096))


def refresh_from() -> int:
    """The size of the cache from which the order of use is kept up (below it nothing is dropped
    soon, and the order costs nothing)."""
    return capacity() * 3 // 4


def touch(cache: Dict[str, Any], pending: List[Any]) -> None:
    """Moves the records the requests of a round name to the end of the cache (most recent)."""
    pop = cache.pop
    for item in pending:
        if type(item) is tuple:
            record = item[1]
            known = pop(record, None)
            if known is not None:
                cache[record] = known


def load(store: Any, cache: Dict[str, Any], unusable: Dict[str, Any], record: str, malformed: Any,
         prepare: Callable[[Any], Any]) -> Any:
    """The prepared record 'record', read from 'store' and kept in 'cache'; raises 'malformed'
    (field, message) for an id with no row or a row that cannot be used (kept in 'unusable', so
    that the database is asked once)."""
    bad = unusable.get(record)
    if bad is None:
        try:
            citizen = store.citizen(record)
            if citizen is None:
                bad = malformed("citizen", "names no known record")
        except InvalidInput as error:
            # The row does not follow section 10, or is malformed on every date: every access
            # naming it is malformed (V1: fail closed), and says why.
            bad = malformed("citizen", f"names a record the records database holds in a form that "
                                       f"cannot be used: {error.field}: {error.detail}")
        if bad is not None:
            if len(unusable) >= UNUSABLE_CAPACITY:
                unusable.clear()
            unusable[record] = bad
    if bad is not None:
        raise bad
    proxy = citizen._mirror()
    known = (citizen, proxy, prepare(proxy))
    most = capacity()
    if len(cache) >= most:
        keep = list(cache.items())[len(cache) - most * 3 // 4:]  # the least recently used quarter goes
        cache.clear()
        cache.update(keep)
    cache[record] = known
    return known
