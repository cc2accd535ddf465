"""The audit of access logs (RULES.md section 11, H5).

A log is a sequence of accesses, each naming a citizen (a record), the actor, the service and when
it happened: a date ``on``, or a timestamp ``at`` in ISO 8601 with a UTC offset, which becomes the
calendar date in Swedish local time (Europe/Stockholm, summer time included) before the rules
apply. The audit evaluates every access on its own date against its record and reports, in log
order, every access the rules deny (an access that should not have been possible that day) and
every line that cannot be audited (malformed), then the counts::

    >>> records = {"c1": Citizen(birth_date=date(2014, 3, 15), guardians=[Guardian("g1")])}
    >>> run = audit(records, ['{"citizen": "c1", "at": "2027-03-14T23:30:00Z", '
    ...                        '"actor": {"kind": "guardian", "id": "g1"}, '
    ...                        '"service": {"kind": "e_services"}}'])
    >>> [f.to_json()["reason"] for f in run]       # 15 March in Sweden: the 13th birthday (G1)
    ['PROXY_ENDED']
    >>> run.summary.to_json()
    {'summary': {'lines': 1, 'allowed': 0, 'denied': 1, 'malformed': 0}}

The accesses may be lines of JSON Lines (``str`` or ``bytes``; other members of a line are
ignored, as real logs carry more), JSON objects already parsed (``dict``), or :class:`LogAccess`
values. The audit streams: it holds a chunk of accesses at a time and caches the actors,
services and dates it has read, so its memory does not grow with the length of the log. The
decisions are made by the batch path (``pv_evaluate_many``), one call per date of a chunk.

The findings carry the reasons and rules of a denial: they are meant for the region's log
review, not for the person who asked (RULES.md M1 governs the messages shown to that person).
"""

from __future__ import annotations

import gc
import io
import itertools
import json
from dataclasses import dataclass
from dataclasses import field as _member
from datetime import date, datetime, timedelta, timezone
import re
from typing import Any, Dict, Iterable, Iterator, List, Mapping, Optional, Tuple, Union

from . import cportvakt as _c
from ._codec import EFFECT_AT, Decision, Outcomes
from ._decision import validate
from ._errors import InvalidInput, InvalidType
from ._json import actor_from_json, citizen_from_json, parse_date, _json_type
from ._reading import BOM, InputRefused, Repeated, loads_strict
from ._model import Actor, Citizen, Service
from . import _audit_records as _records_cache

__all__ = [
    "LogAccess",
    "Audit",
    "Finding",
    "RecordsError",
    "Summary",
    "TimeZoneMissing",
    "audit",
    "read_log",
    "read_records",
    "stockholm_date",
    "MAX_LINE_BYTES",
    "MAX_RECORD_BYTES",
    "TIME_ZONE",
]

#: The time zone in which a timestamp becomes the date of an access (H5).
TIME_ZONE = "Europe/Stockholm"
#: The longest line of a log (or of a record file) read: 1 MiB; a longer log line is reported
#: as malformed and skipped without being held in memory.
MAX_LINE_BYTES = 1024 * 1024
#: The longest line of a record file read: 64 MiB (a record at the caps of section 8 is far less).
MAX_RECORD_BYTES = 64 * 1024 * 1024
_BLOCK = 1024 * 1024
#: Accesses decided per round (the memory the audit holds does not grow beyond it).
CHUNK = 8192
# Caches of the actors, services and dates read: cleared when they reach this size, so that
# their memory is bounded whatever the log.
_CACHE_MAX = 1 << 16
_TOO_LONG = Ellipsis  # the marker of a line too long to read (the C reader's too)
_RECORD_SIZE = Outcomes.RECORD_SIZE
_PERMIT = _c.EFFECT_PERMIT


class RecordsError(InvalidInput):
    """A record file that cannot be used: ``line`` (from 1) names its line, ``field`` the field
    of that line (``citizen.seals[0].active.from``)."""

    def __init__(self, line: int, field: str, detail: str, value: Any = None) -> None:
        super().__init__(field, detail)
        self.line = line
        #: The JSON value of the line when it is JSON (so that a caller can say which part of
        #: the schema records-line it fails), else None.
        self.value = value

    def __str__(self) -> str:
        return f"line {self.line}: {self.field}: {self.detail}"


# ---- Values ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class LogAccess:
    """One access of a log: the record id of the citizen, the actor, the service, and the date
    ``on`` or the timestamp ``at`` (an aware datetime) at which it happened."""

    citizen: str
    actor: Actor
    service: Service
    on: Optional[date] = None
    at: Optional[datetime] = None


@dataclass(frozen=True)
class Finding:
    """An access the rules denied on its date (``kind == "denied"``, with ``citizen``, ``on``
    and ``decision``), or a line that could not be audited (``kind == "malformed"``, with
    ``field`` and ``message``). ``line`` counts from 1 and includes every line of the log."""

    line: int
    kind: str
    citizen: Optional[str] = None
    on: Optional[date] = None
    decision: Optional[Decision] = None
    field: Optional[str] = None
    message: Optional[str] = None
    actor: Optional[Actor] = _member(default=None, compare=False, repr=False)
    service: Optional[Service] = _member(default=None, compare=False, repr=False)

    def to_json(self) -> Dict[str, Any]:
        """``{"line", "kind": "denied", "citizen", "on", "reason", "reasons", "rules"}`` or
        ``{"line", "kind": "malformed", "field", "message"}`` (H5)."""
        if self.kind == "malformed" or self.decision is None:
            return {"line": self.line, "kind": "malformed", "field": self.field, "message": self.message}
        d = self.decision
        return {
            "line": self.line,
            "kind": "denied",
            "citizen": self.citizen,
            "on": self.on.isoformat() if self.on else None,
            "reason": d.reason.value,
            "reasons": [r.value for r in d.reasons],
            "rules": list(d.reason_rules),
        }


@dataclass(frozen=True)
class Summary:
    """The counts of an audit: lines read, accesses allowed, denied, and malformed lines."""

    lines: int = 0
    allowed: int = 0
    denied: int = 0
    malformed: int = 0

    def to_json(self) -> Dict[str, Any]:
        """``{"summary": {"lines", "allowed", "denied", "malformed"}}``."""
        return {"summary": {"lines": self.lines, "allowed": self.allowed, "denied": self.denied,
                            "malformed": self.malformed}}


# ---- Dates ----------------------------------------------------------------------------------

_zone: Any = None


class TimeZoneMissing(LookupError):
    """The time zone data of Europe/Stockholm cannot be found (no tzdata): no timestamp can be
    dated, so the audit stops with this one error instead of a malformed finding a line."""


def _stockholm() -> Any:
    """The zone Europe/Stockholm from the system's tzdata (zoneinfo), loaded once;
    TimeZoneMissing when it is not installed."""
    global _zone
    if _zone is None:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            _zone = ZoneInfo(TIME_ZONE)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            raise TimeZoneMissing(f"the time zone data of {TIME_ZONE} is not installed: a timestamp "
                                  "'at' cannot be dated in Swedish time (install the system's tzdata "
                                  "package, or Python's tzdata)") from None
    return _zone


# H5 (settled 2026-12-06): RFC 3339 date-time. Seconds 00-60 (60, a leap second, reads as 59),
# an optional fraction of one or more digits, then Z or an offset +HH:MM (hours 00-23, minutes
# 00-59); T and Z may be lower case. Anything else (a space for T, an offset with seconds or
# without its colon, no seconds, a '.' without digits, the basic format) is malformed.
_RFC3339 = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt]([01][0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9]|60)"
    r"(?:\.([0-9]+))?(?:[Zz]|([+-])(0[0-9]|1[0-9]|2[0-3]):([0-5][0-9]))",
    re.ASCII,
)


def parse_timestamp(at: str) -> datetime:
    """The aware datetime of the RFC 3339 date-time 'at' (H5); InvalidInput naming ``at`` for
    any other text. A leap second (second 60) reads as second 59; the fraction is dropped below a
    microsecond (it cannot move the date)."""
    m = _RFC3339.fullmatch(at)
    if m is None:
        raise InvalidInput("at", "is not an RFC 3339 timestamp YYYY-MM-DDTHH:MM:SS[.fraction] with Z "
                                 "or an offset +HH:MM (H5)")
    year, month, day, hour, minute, second = (int(g) for g in m.group(1, 2, 3, 4, 5, 6))
    fraction = m.group(7) or ""
    offset = timezone.utc
    if m.group(8) is not None:
        minutes = int(m.group(9)) * 60 + int(m.group(10))
        offset = timezone(timedelta(minutes=-minutes if m.group(8) == "-" else minutes))
    try:
        return datetime(year, month, day, hour, minute, min(second, 59),
                        int((fraction + "000000")[:6]), tzinfo=offset)
    except ValueError:
        raise InvalidInput("at", "is not a date that exists (years 0001 to 9999)") from None


def stockholm_date(at: Union[str, datetime]) -> date:
    """The calendar date in Sweden of the instant 'at': the date the tz database gives for
    Europe/Stockholm (summer time, and before 1900 its offsets that are not whole hours), for an
    aware datetime or an RFC 3339 timestamp (``2026-03-14T23:30:00Z`` is 15 March). InvalidInput
    naming ``at`` for text that is not such a timestamp, for a datetime without an offset, and for
    an instant whose UTC or Swedish date is outside 0001-01-01 ... 9999-12-31 (H5)."""
    if isinstance(at, str):
        moment = parse_timestamp(at)
    elif isinstance(at, datetime):
        moment = at
    else:
        raise InvalidInput("at", f"must be an RFC 3339 timestamp, not {_json_type(at)}")
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise InvalidInput("at", "has no UTC offset (H5: write it as 2026-03-14T23:30:00Z or +01:00)")
    zone = _stockholm()  # outside the try: missing tzdata is not a date out of range
    try:
        moment.astimezone(timezone.utc)
        return moment.astimezone(zone).date()
    except (OverflowError, ValueError):
        raise InvalidInput("at", "is outside the years 1 to 9999 in UTC or in Swedish time") from None


# ---- Reading --------------------------------------------------------------------------------


def read_log(stream: Any, limit: int = MAX_LINE_BYTES) -> Iterator[Any]:
    """The lines of a binary stream, one at a time (bytes, without the newline); a line longer
    than 'limit' bytes is skipped without being held whole and stands as a marker the audit
    reports as malformed. The stream is read in blocks of 1 MiB (a line a call would cost more
    than the rest of the audit)."""
    read = getattr(stream, "read1", None) or stream.read
    carry = b""
    skipping = False  # inside a line longer than the limit
    first = True
    while True:
        block = read(_BLOCK)
        if not block:
            break
        if first:
            # H5: a byte order mark at the very start is ignored (the first block is at least
            # three bytes long, or the whole stream).
            while len(block) < 3:
                more = read(_BLOCK)
                if not more:
                    break
                block += more
            block, first = _no_bom(block), False
        lines = (carry + block).split(b"\n") if carry else block.split(b"\n")
        carry = lines.pop()
        if skipping and lines:
            lines[0] = None  # the end of the long line
            skipping = False
        for one in lines:
            if one is None:
                yield _TOO_LONG
            elif len(one) > limit:
                yield _TOO_LONG
            else:
                yield one
        if len(carry) > limit:
            carry, skipping = b"", True
    if skipping:
        yield _TOO_LONG
    elif carry:
        yield carry


def _line_text(item: Union[str, bytes], what: str = "access") -> str:
    if isinstance(item, (bytes, bytearray)):
        try:
            item = bytes(item).decode("utf-8")
        except UnicodeDecodeError as error:
            raise InvalidInput(what, f"is not UTF-8 text (byte {error.start + 1})") from None
    return item.rstrip("\r\n")


def _json_object(text: str, what: str) -> Dict[str, Any]:
    if not text.strip():
        raise InvalidInput(what, "is an empty line")
    try:
        value = loads_strict(text)
    except InvalidInput:
        raise
    except InputRefused as error:
        raise InvalidInput(what, str(error)) from None
    except ValueError as error:
        raise InvalidInput(what, f"is not JSON: {error}") from None
    if not isinstance(value, dict):
        raise InvalidInput(what, f"must be a JSON object, not {_json_type(value)}")
    return value


def _no_bom(item: Any) -> Any:
    """The first line of a file without a UTF-8 byte order mark (H5: ignored at the very start)."""
    if isinstance(item, (bytes, bytearray)) and item[:3] == BOM:
        return item[3:]
    if isinstance(item, str) and item[:1] == "\ufeff":
        return item[1:]
    return item


def read_records(source: Any) -> Dict[str, Citizen]:
    """The records of a record file (JSON Lines, one ``{"id": "<record id>", "citizen": {...}}``
    a line, RULES.md section 10): 'source' is a path, a binary or text stream, or an iterable of
    lines. Blank lines are skipped. RecordsError names the line and the field of the first line
    that cannot be used: not JSON, an unknown member, a citizen that does not follow section 10
    or is malformed on every date (section 8: an empty id, two guardians with one id ...), an id
    given twice. What depends on the date (a ten-digit personnummer's century, N4) is reported
    with the accesses it concerns."""
    if isinstance(source, (str, bytes)) or hasattr(source, "__fspath__"):
        with open(source, "rb") as stream:
            return read_records(stream)
    text_stream = source  # held until the end: a text stream closes its buffer when collected
    if isinstance(source, io.TextIOBase):  # a text stream: its bytes when it has them, else its lines
        source = getattr(text_stream, "buffer", None) or iter(text_stream)
    if hasattr(source, "readline"):
        lines: Iterable[Any] = read_log(source, MAX_RECORD_BYTES)
    else:
        try:
            lines = iter(source)
        except TypeError:
            raise InvalidType("records", f"must be a path, a stream or lines of JSON Lines, not {type(source).__name__}") from None
    records: Dict[str, Citizen] = {}
    first: Dict[str, int] = {}
    for number, item in enumerate(lines, 1):
        value: Any = None
        try:
            if item is _TOO_LONG:
                raise InvalidInput("record", f"is longer than {MAX_RECORD_BYTES} bytes")
            text = _line_text(_no_bom(item) if number == 1 else item, "record")
            if not text.strip():
                continue
            value = _json_object(text, "record")
            unknown = sorted(set(value) - {"id", "citizen"})
            if unknown:
                raise InvalidInput(unknown[0], "is not a member of a record (id, citizen)")
            if type(value) is Repeated:
                raise InvalidInput(value.repeated, "is given twice in one object (a repeated member is malformed)")
            ident = value.get("id")
            if not isinstance(ident, str) or not ident:
                raise InvalidInput("id", "is required: the record's id, a non-empty string")
            if ident in first:
                raise InvalidInput("id", f"{ident!r} is the id of the record of line {first[ident]} too")
            records[ident] = _checked(citizen_from_json(value.get("citizen"), "citizen"))
            first[ident] = number
        except InvalidInput as error:
            raise RecordsError(number, error.field, error.detail, value) from None
    del text_stream
    return records


# The date a record is checked on when it is read: the last there is, so that no birth date is
# after it. What section 8 says of a record on that date holds on every date, but for a
# ten-digit personnummer, whose century is read from the date (N4): its faults are reported
# with the accesses, on their dates.
_LAST_DAY = date(9999, 12, 31)


def _checked(citizen: Citizen) -> Citizen:
    """The citizen, if section 8 finds nothing wrong with it on any date; InvalidInput if not."""
    try:
        validate(citizen, Actor.self(), Service.e_services(), _LAST_DAY)
    except InvalidInput as error:
        if not error.field.startswith("citizen.personnummer"):
            raise
        # A ten-digit number's century comes from the date (N4), and with it whether 29 February
        # exists. One date in each of four centuries in a row covers every century a date can
        # give it, leap rules included: a number read on none of them (a bad check digit, a
        # 31 April) is malformed on every date, and refused with the record, once.
        for last in _CENTURIES:
            try:
                validate(citizen, Actor.self(), Service.e_services(), last)
                return citizen
            except InvalidInput:
                pass
        raise
    return citizen


_CENTURIES = (date(9999, 12, 31), date(9899, 12, 31), date(9799, 12, 31), date(9699, 12, 31))


# ---- The audit ------------------------------------------------------------------------------


# The members of a log line the audit reads (H5); its other members are ignored.
_LINE_MEMBERS = ("citizen", "on", "at", "actor", "service")


class _Malformed(Exception):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(field)
        self.field = field
        self.message = message


class Audit:
    """The findings of an audit, in log order, as an iterator; ``summary`` holds the counts so
    far, and all of them once the iterator is exhausted. See :func:`audit`."""

    def __init__(self, records: Mapping[str, Citizen], accesses: Iterable[Any], chunk: int = CHUNK) -> None:
        self._records: Dict[str, Tuple[Citizen, Any, Any]] = {}
        # A records database (_records_db): records read when a line names them, kept in a
        # bounded cache (_audit_records); else every record, prepared now.
        self._store: Any = None if isinstance(records, Mapping) else records
        self._unusable: Dict[str, _Malformed] = {}
        for ident, citizen in (records.items() if self._store is None else ()):
            if not isinstance(ident, str) or not isinstance(citizen, Citizen):
                raise InvalidType(f"records[{ident!r}]", "must map a record id (str) to a portvakt.Citizen, "
                                                         f"not {type(citizen).__name__}")
            proxy = citizen._mirror()
            self._records[ident] = (citizen, proxy, _prepared(proxy))
        # A binary stream (an open log file) is read in blocks by the C reader; anything else
        # is an iterable of lines or values.
        self._read: Any = None
        self._carry = b""
        self._skipping = False
        self._first_block = True  # a byte order mark is dropped at the very start only
        self._base = 0  # the number of the line before the first (a block of a log: _audit_jobs)
        self._stream: Any = accesses  # kept: a text stream closes its buffer when it is collected
        if isinstance(accesses, io.TextIOBase):  # a text stream: its bytes, or its lines
            accesses = getattr(accesses, "buffer", None) or iter(accesses)
        read = getattr(accesses, "read1", None) or getattr(accesses, "read", None)
        if read is not None and not isinstance(accesses, (str, bytes, bytearray)):
            self._read = read
            self._accesses: Iterator[Any] = iter(())
        else:
            try:
                self._accesses = iter(accesses)
            except TypeError:
                raise InvalidType("accesses", "must be a binary stream or an iterable of log lines, "
                                              f"not {type(accesses).__name__}") from None
        self._chunk = max(1, int(chunk))
        self._ready: List[Finding] = []
        self._ready_at = 0
        self._done = False
        self._lines = self._allowed = self._denied = self._malformed = 0
        self._actors: Dict[Any, Any] = {}
        self._services: Dict[Any, Any] = {}
        self._dates: Dict[Any, Any] = {}
        self._stamps: Dict[Any, Any] = {}
        # What the C reader looks up (audit_read, audit_lines): the days of the day keys it
        # gives, and the actors and services read (value, proxy) by the text of their JSON
        # objects; filled by _fast, holding only what was read without fault (the faults are
        # kept apart, in _bad_text).
        self._days: Dict[str, date] = {}
        self._actors_by_text: Dict[bytes, Any] = {}
        self._services_by_text: Dict[bytes, Any] = {}
        self._bad_text: Dict[Any, Any] = {}

    def _restart(self, block: bytes, base: int) -> None:
        """Reads 'block' (whole lines of a log whose line 'base' came before it) next, from no
        counts, keeping the records and the caches read so far (a worker of _audit_jobs)."""
        self._read = io.BytesIO(block).read1
        self._accesses = iter(())
        self._stream = None
        self._carry, self._skipping, self._done = b"", False, False
        self._ready, self._ready_at = [], 0
        self._lines = self._allowed = self._denied = self._malformed = 0
        self._base = base
        # Not the start of the file: a byte order mark here is the line's own (malformed); the
        # one at the very start is dropped by the cutting of the log (_audit_jobs.blocks).
        self._first_block = False

    @property
    def summary(self) -> Summary:
        """Lines read, accesses allowed, denied, malformed lines: so far, or in all once the
        findings have been read to the end."""
        return Summary(self._lines, self._allowed, self._denied, self._malformed)

    def __iter__(self) -> "Audit":
        return self

    def __next__(self) -> Finding:
        while self._ready_at >= len(self._ready):
            if self._done:
                raise StopIteration
            self._round()
        finding = self._ready[self._ready_at]
        self._ready_at += 1
        return finding

    # -- one round: read a chunk, decide it, keep its findings in log order ------------------

    def _round(self) -> None:
        # A round makes hundreds of thousands of short-lived tuples and no reference cycle: the
        # cyclic collector, run again and again over every object alive, would cost more than
        # the audit itself. It is paused for the round and resumed as it was.
        paused = gc.isenabled()
        gc.disable()
        try:
            self._round_unpaused()
        finally:
            if paused:
                gc.enable()

    def _round_unpaused(self) -> None:
        if self._read is not None:
            first = self._base + self._lines + 1
            results = self._block()
            items: List[Any] = []
        else:
            # A line longer than MAX_LINE_BYTES is malformed whichever way it comes (H5).
            items = [_TOO_LONG if _too_long(item) else item
                     for item in itertools.islice(self._accesses, self._chunk)]
            if len(items) < self._chunk:
                self._done = True
            first = self._base + self._lines + 1
            if first == 1 and items:
                items[0] = _no_bom(items[0])
            # The fast path (C) reads the lines of the common shape and, when the caches hold
            # all they name, makes their requests; the others come back as their members (a
            # list), or None for a line the json module must read.
            results = _c.audit_read([item if type(item) is bytes else _as_bytes(item) for item in items],
                                    first, self._records, self._days, self._actors_by_text,
                                    self._services_by_text)
        self._lines += len(results)
        pending: List[Any] = []  # a Finding (malformed) or a request tuple, in log order
        take = pending.append
        fast, parse = self._fast, self._parse
        line = first - 1
        for one in results:
            line += 1
            if type(one) is tuple:
                take(one)
                continue
            try:
                if type(one) is list:
                    take(fast(tuple(one), line))
                else:
                    take(parse(items[line - first] if one is None else one, line))
            except _Malformed as bad:
                take(Finding(line, "malformed", field=bad.field, message=bad.message))
        if self._store is not None and len(self._records) >= _records_cache.refresh_from():
            _records_cache.touch(self._records, pending)
        self._ready = self._decide(pending)
        self._ready_at = 0

    def _block(self) -> List[Any]:
        """The lines of the next block of the stream, read by the C reader (audit_lines): a
        request, a list of members, the bytes of a line to parse, or Ellipsis for a line longer
        than MAX_LINE_BYTES (skipped without being held)."""
        block = self._read(_BLOCK)
        if self._first_block:
            # H5: a byte order mark at the very start of the log is ignored.
            while block and len(block) < 3:
                more = self._read(_BLOCK)
                if not more:
                    break
                block += more
            block, self._first_block = _no_bom(block), False
        first = self._base + self._lines + 1
        if not block:
            self._done = True
            if self._skipping or not self._carry:
                return []
            block, self._carry = self._carry + b"\n", b""
        elif self._skipping:
            end = block.find(b"\n")
            if end < 0:
                return []  # still inside the long line (reported when it passed the limit)
            block, self._skipping = block[end + 1:], False
        data = self._carry + block if self._carry else block
        results, used = _c.audit_lines(data, first, MAX_LINE_BYTES, self._records, self._days,
                                       self._actors_by_text, self._services_by_text)
        self._carry = data[used:]
        if len(self._carry) > MAX_LINE_BYTES:
            # Reported now, as soon as it is known to be too long: a log that never ends its
            # line (/dev/zero) still gets its finding, and the rest is skipped unread.
            self._carry, self._skipping = b"", True
            results.append(Ellipsis)
        return results

    def _fast(self, shape: Tuple[Any, ...], line: int) -> Tuple[Any, ...]:
        """A line the C reader read (its members, and the key of its day: 'on', the hour of
        'at' with its offset, or 'at'), looked up in the caches and added to them."""
        record, on, at, actor_json, service_json, key = shape
        known = self._records.get(record)
        if known is None:
            known = self._load(record)
        day = self._days.get(key)
        if day is None:
            day = self._date(on, at)
            if len(self._days) >= _CACHE_MAX:
                self._days.clear()
            self._days[key] = day
        actor = self._actors_by_text.get(actor_json)
        if actor is None:
            actor = self._by_text(self._actors_by_text, actor_json, "actor", actor_from_json)
        service = self._services_by_text.get(service_json)
        if service is None:
            service = self._by_text(self._services_by_text, service_json, "service", _service)
        return (line, record, known, actor, service, day)

    def _by_text(self, cache: Dict[bytes, Any], text: bytes, path: str, read: Any) -> Any:
        """The value of the JSON object 'text' (its C form) and its proxy, kept; raises the
        _Malformed it is (kept apart)."""
        bad = self._bad_text.get((path, text))
        if bad is not None:
            raise bad
        try:
            obj = read(loads_strict(text), path)
            value: Any = (obj, obj._mirror())
        except InvalidInput as error:
            if len(self._bad_text) >= _CACHE_MAX:
                self._bad_text.clear()
            bad = self._bad_text[(path, text)] = _Malformed(error.field, error.detail)
            raise bad from None
        except ValueError as error:
            if len(self._bad_text) >= _CACHE_MAX:
                self._bad_text.clear()
            bad = self._bad_text[(path, text)] = _Malformed(path, f"is not JSON: {error}")
            raise bad from None
        if len(cache) >= _CACHE_MAX:
            cache.clear()
        cache[text] = value
        return value

    def _decide(self, pending: List[Any]) -> List[Finding]:
        """Decides the requests (line, record id, record, (actor, proxy), (service, proxy), day)
        of 'pending', one call a date; the findings, in log order."""
        by_date: Dict[date, List[int]] = {}
        for i, item in enumerate(pending):
            if type(item) is tuple:
                by_date.setdefault(item[5], []).append(i)
        for on, indices in by_date.items():
            items = [pending[i] for i in indices]
            if all(item[2][2] is not None for item in items):
                # every record prepared: the fast path
                answer = _c.audit_decide([(item[2][2], item[3][1], item[4][1]) for item in items], on)
            else:
                answer = _c.audit_evaluate([(self._proxy(item), item[3][1], item[4][1]) for item in items], on)
            effects = answer[0][EFFECT_AT::_RECORD_SIZE]
            permitted = effects.count(_PERMIT)
            self._allowed += permitted
            if permitted == len(indices):
                for i in indices:
                    pending[i] = None
                continue
            outcomes = Outcomes(answer, lambda k: (self._proxy(items[k]), items[k][3][1], items[k][4][1]), on)
            for k, i in enumerate(indices):
                pending[i] = None if effects[k] == _PERMIT else self._finding(pending[i], outcomes[k])
        findings = [item for item in pending if item is not None]
        for f in findings:
            if f.kind == "denied":
                self._denied += 1
            else:
                self._malformed += 1
        return findings

    @staticmethod
    def _finding(request: Tuple[Any, ...], decision: Decision) -> Finding:
        line, record, _, actor, service, on = request
        if decision.field is not None:
            # Section 8 on the access's date (a birth after it, a bad id): the line is malformed.
            return Finding(line, "malformed", citizen=record, field=decision.field, message=decision.detail)
        return Finding(line, "denied", record, on, decision, actor=actor[0], service=service[0])

    # -- one line --------------------------------------------------------------------------------

    def _parse(self, item: Any, line: int) -> Tuple[Any, ...]:
        """(line, record id, record, (actor, proxy), (service, proxy), date)."""
        if isinstance(item, LogAccess):
            return self._access(item, line)
        try:
            if item is _TOO_LONG:
                raise InvalidInput("access", f"is longer than {MAX_LINE_BYTES} bytes")
            value = item if isinstance(item, dict) else _json_object(_line_text(item), "access")
        except InvalidInput as error:
            raise _Malformed(error.field, error.detail) from None
        except (TypeError, AttributeError):
            raise _Malformed("access", f"must be a line of JSON (str or bytes), a JSON object (dict) or a "
                                       f"LogAccess, not {type(item).__name__}") from None
        if type(value) is Repeated and value.repeated in _LINE_MEMBERS:
            # Section 10 / H5: a repeated member is malformed, whichever copy either reader
            # would take; the line's own other members are ignored, repeated or not.
            raise _Malformed(value.repeated, "is given twice in one object (a repeated member is malformed)")
        record = value.get("citizen")
        citizen = self._record(record)
        on = self._date(value.get("on"), value.get("at"))
        actor = self._cached(self._actors, value.get("actor"), "actor", actor_from_json)
        service = self._cached(self._services, value.get("service"), "service", _service)
        return (line, record, citizen, actor, service, on)

    def _access(self, access: LogAccess, line: int) -> Tuple[Any, ...]:
        citizen = self._record(access.citizen)
        try:
            if access.on is not None and access.at is not None:
                raise InvalidInput("at", "is given with on: an access has one or the other")
            on = stockholm_date(access.at) if access.at is not None else access.on
            if not isinstance(on, date) or isinstance(on, datetime):
                raise InvalidInput("on", "is required (or at)")
            actor_c, service_c = access.actor._mirror(), access.service._mirror()
        except InvalidInput as error:
            raise _Malformed(error.field, error.detail) from None
        except AttributeError:
            raise _Malformed("access", "must hold a portvakt.Actor and a portvakt.Service") from None
        return (line, access.citizen, citizen, (access.actor, actor_c), (access.service, service_c), on)

    def _record(self, record: Any) -> Any:
        if record is None:
            raise _Malformed("citizen", "is required: the id of a record")
        if not isinstance(record, str):
            raise _Malformed("citizen", f"must be a record id (a string), not {_json_type(record)}")
        known = self._records.get(record)
        if known is None:
            known = self._load(record)
        return known

    def _proxy(self, request: Tuple[Any, ...]) -> Any:
        """The citizen proxy of 'request' (a record kept only in C has none kept: _audit_records)."""
        return request[2][1] if request[2][1] is not None else _records_cache.proxy(self._store, request)

    def _load(self, record: str) -> Any:
        """A record of the database not in the cache: read, checked, prepared and kept."""
        if self._store is None:
            raise _Malformed("citizen", "names no known record")
        return _records_cache.load(self._store, self._records, self._unusable, record, _Malformed,
                                   lambda proxy: _prepared(proxy))

    def _date(self, on: Any, at: Any) -> date:
        if on is not None and at is not None:
            raise _Malformed("at", "is given with on: an access has one or the other")
        # Only text that was read successfully is kept; dates and timestamps apart ("2026-01-10"
        # is a date, and no timestamp).
        cache = self._dates if at is None else self._stamps
        key = on if at is None else at
        if type(key) is not str:
            key = None
        elif key in cache:
            return cache[key]  # type: ignore[no-any-return]
        try:
            if at is not None:
                value = stockholm_date(at) if isinstance(at, str) else _not_text(at)
            elif on is None:
                raise InvalidInput("on", "is required (or at, a timestamp with a UTC offset)")
            else:
                value = parse_date(on, "on")
        except InvalidInput as error:
            raise _Malformed(error.field, error.detail) from None
        if key is not None:
            if len(cache) >= _CACHE_MAX:
                cache.clear()
            cache[key] = value
        return value  # type: ignore[no-any-return]

    @staticmethod
    def _cached(cache: Dict[Any, Any], value: Any, path: str, read: Any) -> Tuple[Any, Any]:
        """The value read from JSON and its C form, from the cache when the same JSON was read
        before (an error too is kept: the same JSON gives the same error)."""
        if value is None:
            raise _Malformed(path, "is required")
        try:
            if type(value) is dict:
                # The types are part of the key: JSON true and 1 are equal in Python.
                members = tuple(value.values())
                key: Any = (tuple(value), members, tuple(map(type, members)))
            else:
                key = (type(value), value)
            hit = cache.get(key)
        except TypeError:  # an unhashable member (a list): read, and not kept
            key, hit = None, None
        if hit is None:
            try:
                obj = read(value, path)
                hit = (obj, obj._mirror())
            except InvalidInput as error:
                hit = _Malformed(error.field, error.detail)
            if key is not None:
                if len(cache) >= _CACHE_MAX:
                    cache.clear()
                cache[key] = hit
        if isinstance(hit, _Malformed):
            raise hit
        return hit


def _prepared(proxy: Any) -> Any:
    """The record prepared once for all its accesses (pv_prepare), or None when it cannot be
    (malformed on every date: each of its accesses is then decided, and reported, on its own)."""
    try:
        return _c.prepare(proxy)
    except InvalidInput:
        return None


def _too_long(item: Any) -> bool:
    """Whether a line given as str or bytes is longer than MAX_LINE_BYTES (in UTF-8)."""
    kind = type(item)
    if kind is bytes or kind is bytearray:
        return len(item) > MAX_LINE_BYTES
    if kind is str and len(item) * 4 > MAX_LINE_BYTES:
        return len(item) > MAX_LINE_BYTES or len(item.encode("utf-8", "surrogatepass")) > MAX_LINE_BYTES
    return False


def _as_bytes(item: Any) -> Optional[bytes]:
    """The line as bytes for the C scanner, or None (a parsed object, a marker, odd text)."""
    if type(item) is bytes:
        return item
    if type(item) is str:
        try:
            return item.encode("utf-8")
        except UnicodeEncodeError:
            return None
    return None


def _service(value: Any, path: str) -> Service:
    from ._json import service_from_json

    return service_from_json(value, path)


def _not_text(at: Any) -> Any:
    raise InvalidInput("at", f"must be an ISO 8601 timestamp (a string), not {_json_type(at)}")


def audit(
    records: Union[Mapping[str, Citizen], Iterable[Any]],
    accesses: Iterable[Any],
) -> Audit:
    """Audits 'accesses' against 'records' (H5): returns an :class:`Audit`, an iterator of the
    :class:`Finding` values in log order, whose ``summary`` gives the counts.

    'records' maps record ids to :class:`Citizen` values, or is a record file (a path, a stream or
    lines of JSON Lines, see :func:`read_records`; RecordsError names its line and field).
    'accesses' is an iterable of JSON Lines lines (str or bytes), parsed JSON objects (dict) or
    :class:`LogAccess` values; each item counts as one line."""
    if not isinstance(records, Mapping) and not callable(getattr(records, "citizen", None)):
        records = read_records(records)  # (a records database, _records_db, has citizen(id))
    return Audit(records, accesses)  # type: ignore[arg-type]
