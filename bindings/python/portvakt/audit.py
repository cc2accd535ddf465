"""The audit of access logs (RULES.md section 11, H5): every access a log records, decided on its
own date against its record; the accesses the rules deny, and the lines that cannot be audited.

    run(records, log) -> Audit        an iterator of Finding values in log order; .summary the counts
    read_records(source) -> {id: Citizen}
    read_log(stream)                  the lines of a log, read in blocks
    stockholm_date(at) -> date        the Swedish date of a timestamp (H5)
    Audit, Finding, LogAccess, Summary, RecordsError
    TimeZoneMissing                   raised by the audit when Europe/Stockholm's tzdata is missing
    TIME_ZONE, MAX_LINE_BYTES, MAX_RECORD_BYTES

This module is imported when first used (``portvakt.audit`` or ``import portvakt.audit``): a
program that only decides requests never loads the audit, its time zone or its readers.

Until 0.2.0 ``portvakt.audit`` was a function, ``portvakt.audit(records, log)``. That call still
works for one release, with a DeprecationWarning: the module's class makes it callable and hands
the call to :func:`run`.
"""

from __future__ import annotations

import sys
import types
import warnings
from typing import Any, Iterable, Mapping, Union

from ._audit import (
    MAX_LINE_BYTES,
    MAX_RECORD_BYTES,
    TIME_ZONE,
    Audit,
    Finding,
    LogAccess,
    RecordsError,
    Summary,
    TimeZoneMissing,
    read_log,
    read_records,
    stockholm_date,
)
from ._audit import audit as _audit
from ._model import Citizen

__all__ = [
    "Audit",
    "Finding",
    "LogAccess",
    "MAX_LINE_BYTES",
    "MAX_RECORD_BYTES",
    "RecordsError",
    "Summary",
    "TIME_ZONE",
    "TimeZoneMissing",
    "read_log",
    "read_records",
    "run",
    "stockholm_date",
]


def run(records: Union[Mapping[str, Citizen], Iterable[Any]], accesses: Iterable[Any]) -> Audit:
    """Audits 'accesses' against 'records' (H5): returns an :class:`Audit`, an iterator of the
    :class:`Finding` values in log order, whose ``summary`` gives the counts.

    'records' maps record ids to :class:`portvakt.Citizen` values, or is a record file (a path, a
    stream or lines of JSON Lines, see :func:`read_records`; RecordsError names its line and
    field), or a records database. 'accesses' is an iterable of JSON Lines lines (str or bytes), parsed JSON objects
    (dict) or :class:`LogAccess` values; each item counts as one line. A path to a records
    database (``portvakt records import``, told by SQLite's header) is read record by record."""
    from ._records_db import RecordsDatabase, is_database

    if is_database(records):
        records = RecordsDatabase(records)  # type: ignore[assignment]
    return _audit(records, accesses)


class _CallableModule(types.ModuleType):
    """The class of this module: ``portvakt.audit(records, log)``, the function of 0.1.0, still
    runs the audit, with a DeprecationWarning (for one release)."""

    def __call__(
        self, records: Union[Mapping[str, Citizen], Iterable[Any]], accesses: Iterable[Any]
    ) -> Audit:
        warnings.warn(
            "calling portvakt.audit(records, log) is deprecated and goes in the next release: "
            "use portvakt.audit.run(records, log)",
            DeprecationWarning,
            stacklevel=2,
        )
        return run(records, accesses)


sys.modules[__name__].__class__ = _CallableModule
