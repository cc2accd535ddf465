"""The audit's bounded cache of the records it has read from a records database (RULES.md H5).

The cache is the audit's dict of prepared records (record id -> (Citizen, C proxy, prepared
record), or (None, None, prepared record) for a record read in C), the very dict the C line reader looks records up in, so that a record read once is
decided at the speed of a region held in memory. It is kept in least-recently-used order: a
record the log names again moves to the end (``touch``, once the cache is nearly full), and when
the cache is full the least recently used quarter is dropped at once (dropping the oldest entry
one at a time from a dict costs more and more as its front fills with holes). Memory is bounded
by CAPACITY records (shared by the worker processes of --jobs), whatever the size of the region.
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List

from . import cportvakt as _c
from ._errors import InvalidInput

#: The most records kept prepared, by all the processes of an audit together (each of the SHARES
#: worker processes of --jobs keeps CAPACITY // SHARES, at least 4,096). A record read in C
#: (record_read) holds about 1.2 KiB, one read by the full reader (Python objects and the C
#: mirror) about 5 KiB (bench/README.md): 131,072 records are about 160 MiB, or 700 MiB if no
#: row of the region were of the plain shape, whatever the size of the region.
CAPACITY = 1 << 17
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
    that the database is asked once).

    A row of the plain common shape is read and prepared in C (record_read): the cache then keeps
    (None, None, prepared), the record in C memory and no Python object of it. Any other row, or
    one that cannot be prepared, is read by the full reader (citizen_from_json), which the C
    reader never contradicts (it accepts a subset of what the full reader accepts and builds the
    same record): (Citizen, proxy, prepared)."""
    bad = unusable.get(record)
    if bad is None:
        text = store.raw(record)
        fast = None if text is None else _c.record_read(text)
        if fast is not None:
            return _keep(cache, record, (None, None, fast))
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
    return _keep(cache, record, (citizen, proxy, prepare(proxy)))


def _keep(cache: Dict[str, Any], record: str, known: Any) -> Any:
    """'known' kept in 'cache' as 'record', the least recently used quarter dropped when full."""
    most = capacity()
    if len(cache) >= most:
        keep = list(cache.items())[len(cache) - most * 3 // 4:]  # the least recently used quarter goes
        cache.clear()
        cache.update(keep)
    cache[record] = known
    return known


def proxy(store: Any, request: Any) -> Any:
    """The citizen proxy of a request (line, record id, (citizen, proxy, prepared), ...): the one
    kept, or for a record kept only in C (record_read) one built again by the full reader, which
    builds the same record (only a request the library calls invalid on its date needs it: C
    validates it once more to name the field)."""
    known = request[2][1]
    if known is None:
        known = store.citizen(request[1])._mirror()
    return known
