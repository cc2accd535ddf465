"""Many requests in one call into C: evaluate_many and Citizen.evaluate_all (pv_evaluate_many).

The answers come back as an :class:`Outcomes` sequence backed by one bytes buffer of one C
``pv_outcome`` per request (``Outcomes.RECORD_SIZE`` bytes, the size the C library gives).
Indexing decodes a :class:`Decision` (equal to what :func:`portvakt.evaluate` returns for the
same request); ``effect(i)``, ``reason(i)`` and ``permitted(i)`` read the buffer without
building one.
"""

from __future__ import annotations

import struct
from datetime import date
from typing import Any, Callable, Dict, Iterator, List, Optional, Sequence, Tuple, Union, overload

from . import _cportvakt as _ext
from . import cportvakt as _c
from ._decision import _RULE_NAMES, Decision, _reason_set, evaluate
from ._enums import ACTOR_KINDS_FROM_C, EFFECTS_FROM_C, REASONS_FROM_C, Effect, Reason
from ._errors import InvalidInput, InvalidType
from ._model import Actor, Citizen, Service, check_on, mirrors

__all__ = ["Outcomes", "evaluate_many", "evaluate_all"]

#: One request: the citizen, the actor and the service.
RequestTuple = Tuple[Citizen, Actor, Service]

_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
_INVALID_INPUT = _c.REASON_INVALID_INPUT
_PERMIT = _c.EFFECT_PERMIT

# The layout of pv_outcome: version, reasons, changes_on (year, month, day), effect, reason, rule,
# filtered, then PV_REASON_MAX bytes of reason_rules, native byte order. The sizes and offsets
# come from C (portvakt_batch.i); the struct format must agree with them.
_RECORD_FORMAT = f"=IIhBBBBB?{_c.REASON_MAX}s"
_HEAD = struct.Struct("=IIhBBBBB?")
_EFFECT_AT = _c.OUTCOME_EFFECT_OFFSET
_REASON_AT = _c.OUTCOME_REASON_OFFSET
_RULES_AT = _c.OUTCOME_REASON_RULES_OFFSET
_LAYOUT = (struct.calcsize("=IIhBB"), struct.calcsize("=IIhBBB"), _HEAD.size)
if struct.calcsize(_RECORD_FORMAT) != _c.OUTCOME_SIZE or (_EFFECT_AT, _REASON_AT, _RULES_AT) != _LAYOUT:
    raise ImportError("portvakt: the layout of pv_outcome does not match the package")  # pragma: no cover

# Decisions are values: equal records for the same kind of asker share one Decision (one cache
# per actor kind, emptied when it grows past _CACHE_LIMIT entries).
_CACHE_LIMIT = 4096
_CACHES: Tuple[Dict[bytes, Decision], ...] = tuple({} for _ in ACTOR_KINDS_FROM_C)


class Outcomes(Sequence[Decision]):
    """The answers to a batch of requests, in the order of the requests.

    ``outcomes[i]`` is the :class:`Decision` for request i, decoded on first access; for an
    invalid request it is the fail-closed decision naming the field, exactly as
    ``evaluate(..., raise_on_invalid=False)`` gives it. ``effect(i)``, ``reason(i)`` and
    ``permitted(i)`` answer from the buffer without decoding. ``invalid_count`` counts the
    requests with invalid input (V1), ``first_invalid`` is the index of the first of them (None
    when all are valid) and ``error`` its :class:`InvalidInput`.

    ``records`` is the raw buffer: ``RECORD_SIZE`` bytes per request (the C library's
    ``sizeof(pv_outcome)``) in the layout ``RECORD_FORMAT`` (native byte order): the struct
    version, reasons (bit r for reason r), the year, month and day of changes_on (0 for none),
    effect, reason, rule and filtered as C values, then ``PV_REASON_MAX`` bytes, one per reason:
    the rule behind it.
    """

    RECORD_SIZE: int = _c.OUTCOME_SIZE
    RECORD_FORMAT: str = _RECORD_FORMAT

    __slots__ = ("_records", "_kinds", "_request", "_on", "invalid_count", "first_invalid", "error")

    def __init__(
        self,
        answer: Tuple[bytes, bytes, int, int, Optional[str], Optional[str]],
        request: Callable[[int], Tuple[Any, Any, Any]],
        on: date,
    ) -> None:
        records, kinds, invalid_count, first_invalid, field, detail = answer
        self._records = records
        self._kinds = kinds
        self._request = request
        self._on = on
        #: The number of requests with invalid input (V1).
        self.invalid_count: int = invalid_count
        #: The index of the first request with invalid input, or None.
        self.first_invalid: Optional[int] = first_invalid if invalid_count else None
        #: The error of the first request with invalid input (with ``index`` and ``decision``),
        #: or None.
        self.error: Optional[InvalidInput] = None
        if invalid_count:
            error = InvalidInput(field or "input", detail or "is not valid")
            error.index = first_invalid
            error.decision = Decision.invalid(error.field, error.detail, ACTOR_KINDS_FROM_C[kinds[first_invalid]])
            self.error = error

    def __len__(self) -> int:
        return len(self._kinds)

    @overload
    def __getitem__(self, index: int) -> Decision: ...

    @overload
    def __getitem__(self, index: slice) -> List[Decision]: ...

    def __getitem__(self, index: Union[int, slice]) -> Union[Decision, List[Decision]]:
        if isinstance(index, slice):
            return [self._decision(i) for i in range(*index.indices(len(self)))]
        return self._decision(self._index(index))

    def __iter__(self) -> Iterator[Decision]:
        for i in range(len(self)):
            yield self._decision(i)

    def __repr__(self) -> str:
        return f"<portvakt.Outcomes of {len(self)} requests, {self.invalid_count} invalid>"

    def _index(self, index: int) -> int:
        n = len(self._kinds)
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError("Outcomes index out of range")
        return index

    def _decision(self, i: int) -> Decision:
        size = self.RECORD_SIZE
        record = self._records[i * size : i * size + size]
        kind = self._kinds[i]
        if record[_REASON_AT] == _INVALID_INPUT:
            # V1: the field path is not in the buffer; the request is validated again to name it.
            citizen, actor, service = self._request(i)
            return evaluate(citizen, actor, service, self._on, raise_on_invalid=False)
        cache = _CACHES[kind]
        decision = cache.get(record)
        if decision is None:
            decision = _decode(record, kind)
            if len(cache) >= _CACHE_LIMIT:
                cache.clear()
            cache[record] = decision
        return decision

    def effect(self, index: int) -> Effect:
        """The effect of request 'index', read from the buffer."""
        return EFFECTS_FROM_C[self._records[self._index(index) * self.RECORD_SIZE + _EFFECT_AT]]

    def reason(self, index: int) -> Reason:
        """The primary reason of request 'index', read from the buffer."""
        return REASONS_FROM_C[self._records[self._index(index) * self.RECORD_SIZE + _REASON_AT]]

    def permitted(self, index: int) -> bool:
        """True if request 'index' is permitted, read from the buffer."""
        return self._records[self._index(index) * self.RECORD_SIZE + _EFFECT_AT] == _PERMIT

    def permitted_count(self) -> int:
        """The number of permitted requests."""
        return self._records[_EFFECT_AT :: self.RECORD_SIZE].count(_PERMIT)

    @property
    def records(self) -> bytes:
        """The raw buffer (see the class documentation)."""
        return self._records


def _decode(record: bytes, kind: int) -> Decision:
    _version, bits, year, month, day, effect, reason, rule, filtered = _HEAD.unpack_from(record)
    reasons, indices = _reason_set(bits)
    return Decision(
        EFFECTS_FROM_C[effect],
        REASONS_FROM_C[reason],
        reasons,
        _RULE_NAMES[rule],
        filtered,
        date(year, month, day) if year else None,
        None,
        None,
        tuple(_RULE_NAMES[record[_RULES_AT + i]] for i in indices),
        ACTOR_KINDS_FROM_C[kind],
    )


def _finish(outcomes: Outcomes, raise_on_invalid: bool) -> Outcomes:
    if raise_on_invalid and outcomes.error is not None:
        raise outcomes.error
    return outcomes


def _explain(requests: Sequence[Any], cause: Exception) -> InvalidType:
    """The InvalidType naming the request that the C function refused with 'cause'."""
    for i, request in enumerate(requests):
        if not isinstance(request, (tuple, list)) or len(request) != 3:
            return InvalidType(f"requests[{i}]", "must be a (citizen, actor, service) tuple")
        try:
            mirrors(*request)
        except InvalidInput as error:
            return InvalidType(f"requests[{i}].{error.field}", error.detail)
    return InvalidType("requests", str(cause))  # pragma: no cover - the C function names a reason


def _explain_grid(citizen: Any, actors: Sequence[Any], services: Sequence[Any], cause: Exception) -> InvalidType:
    """The InvalidType naming the input of evaluate_all that the C function refused."""
    mirrors(citizen, Actor.self(), Service.e_services())  # raises for the citizen
    for name, items, cls in (("actors", actors, Actor), ("services", services, Service)):
        for i, item in enumerate(items):
            if not isinstance(item, cls):
                return InvalidType(f"{name}[{i}]", f"must be a portvakt.{cls.__name__}, not {type(item).__name__}")
            try:
                item._pv_mirror or item._compile()
            except InvalidInput as error:
                member = error.field.partition(".")[2]
                return InvalidType(f"{name}[{i}].{member}", error.detail)
    return InvalidType("input", str(cause))  # pragma: no cover - the C function names a reason


def evaluate_many(
    requests: Sequence[RequestTuple], on: date, *, raise_on_invalid: bool = False
) -> Outcomes:
    """Evaluates every (citizen, actor, service) request of 'requests' on the date 'on' in one
    call into C (pv_evaluate_many), and returns their answers as :class:`Outcomes` in the same
    order; each equals ``evaluate(citizen, actor, service, on)``. Requests that share a citizen
    should follow one another: the record is validated once per run of the same citizen.

    Invalid input (section 8, V1) denies only the requests it concerns (see
    ``Outcomes.invalid_count`` and ``Outcomes.error``); with ``raise_on_invalid=True`` the first
    one raises InvalidInput instead (its ``index`` names the request). A value of the wrong
    Python type raises InvalidType naming the request and the field: ``requests[3].actor``.
    """
    check_on(on)
    if not isinstance(requests, (tuple, list)):
        try:
            requests = tuple(requests)
        except TypeError:
            raise InvalidType("requests", f"must be a sequence, not {type(requests).__name__}") from None
    try:
        answer = _ext.batch_evaluate_many(requests, on.toordinal() - _EPOCH_ORDINAL)
    except (TypeError, AttributeError) as error:
        raise _explain(requests, error) from None
    return _finish(Outcomes(answer, requests.__getitem__, on), raise_on_invalid)


def evaluate_all(
    citizen: Citizen,
    actors: Sequence[Actor],
    services: Sequence[Service],
    on: date,
    *,
    raise_on_invalid: bool = False,
) -> Outcomes:
    """Evaluates every actor of 'actors' asking for every service of 'services' of 'citizen' on
    'on' in one call into C; answer ``a * len(services) + s`` is for ``actors[a]`` and
    ``services[s]``. Otherwise as :func:`evaluate_many`; a value of the wrong Python type raises
    InvalidType naming it: ``actors[1]``, ``services[0].unit``."""
    check_on(on)
    actors = tuple(actors)
    services = tuple(services)
    try:
        answer = _ext.batch_evaluate_grid(citizen, actors, services, on.toordinal() - _EPOCH_ORDINAL)
    except (TypeError, AttributeError) as error:
        raise _explain_grid(citizen, actors, services, error) from None
    width = len(services)

    def request(i: int) -> Tuple[Any, Any, Any]:
        return citizen, actors[i // width], services[i % width]

    return _finish(Outcomes(answer, request, on), raise_on_invalid)
