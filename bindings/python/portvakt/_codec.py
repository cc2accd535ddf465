"""Decisions, and the one decoder of the record C encodes a decision in.

C gives every decision (of evaluate, decide, evaluate_many, who_can_see and timeline) as the
bytes of one ``pv_outcome``. Its layout is read from the library (``pv_layout()``), not written
here: the sizes and offsets become one ``struct.Struct``, and :func:`decode` is the only place a
record becomes a :class:`Decision`.
"""

from __future__ import annotations

import dataclasses
import struct
from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, Dict, Iterator, List, Optional, Sequence, Tuple, Union, overload

from . import cportvakt as _c
from ._enums import ACTOR_KIND_TO_C, ACTOR_KINDS_FROM_C, EFFECTS_FROM_C, LANGUAGE_TO_C, REASON_TO_C, REASONS_FROM_C
from ._enums import ActorKind, Effect, Language, Reason
from ._errors import InvalidInput

__all__ = ["Decision", "Outcomes", "RULES", "decode"]

# The rule ids by C value; index 0 (PV_RULE_NONE) is "".
RULE_NAMES: Tuple[str, ...] = tuple(_c.rule_name(i) or "" for i in range(_c.RULE_COUNT))
#: Every rule id of RULES.md that the library knows, in its order ("A1" ... "N7").
RULES: Tuple[str, ...] = RULE_NAMES[1:]


def language_to_c(language: Union[Language, str]) -> int:
    try:
        return LANGUAGE_TO_C[Language(language)]
    except ValueError:
        raise InvalidInput("language", "is not one of sv, en") from None


@dataclass(frozen=True)
class Decision:
    """The answer of an evaluation.

    ``reason`` is the permit basis or the primary deny reason; ``reasons`` every reason that
    stands in the way, in RULES.md order (empty when permitted), and ``reason_rules`` the rule
    id behind each of them; ``rule`` the rule that decided ``reason``; ``filtered`` whether the
    permitted view hides something (step 7); ``changes_on`` the first later date on which the
    same inputs give another (effect, reason, filtered), or None (T1). ``field`` and ``detail``
    are set only for invalid input (reason INVALID_INPUT, rule V1). ``asker`` is the kind of
    actor who asked, for :meth:`message`; it does not take part in comparisons.
    """

    effect: Effect
    reason: Reason
    reasons: Tuple[Reason, ...]
    rule: str
    filtered: bool = False
    changes_on: Optional[date] = None
    field: Optional[str] = None
    detail: Optional[str] = None
    reason_rules: Tuple[str, ...] = ()
    asker: ActorKind = dataclasses.field(default=ActorKind.OTHER, compare=False, repr=False)

    @property
    def permitted(self) -> bool:
        """True for a permit."""
        return self.effect is Effect.PERMIT

    def message(self, language: Union[Language, str] = "sv") -> str:
        """The message the asking person may be shown (RULES.md section 4, M1): "" for a permit;
        a reason that reveals a protective measure about the citizen gives anyone but the
        citizen only the generic message."""
        text: str = _c.message(REASON_TO_C[self.reason], ACTOR_KIND_TO_C[self.asker], language_to_c(language))
        return text

    def to_json(self) -> Dict[str, Any]:
        """The decision as a JSON object (the fields of ``expect`` in RULES.md section 10, the
        rule, and for invalid input the field and the detail)."""
        out: Dict[str, Any] = {
            "effect": self.effect.value,
            "reason": self.reason.value,
            "reasons": [r.value for r in self.reasons],
            "rule": self.rule,
            "filtered": self.filtered,
            "changes_on": self.changes_on.isoformat() if self.changes_on else None,
        }
        if self.field is not None:
            out["field"] = self.field
            out["detail"] = self.detail
        return out

    @classmethod
    def invalid(cls, field: str, detail: str, asker: ActorKind = ActorKind.OTHER) -> "Decision":
        """The fail-closed decision for invalid input at 'field' (V1)."""
        return cls(Effect.DENY, Reason.INVALID_INPUT, (Reason.INVALID_INPUT,), "V1", False, None,
                   field, detail, ("V1",), asker)


# ---- The record, laid out as the library says -----------------------------------------------------


def _record_struct() -> struct.Struct:
    """The struct format of pv_outcome from pv_layout(): each member at its offset, padding
    between, the record as long as the library's."""
    at = _c.layout
    dated = at(_c.LAYOUT_OUTCOME_CHANGES_ON)
    members = sorted([
        (at(_c.LAYOUT_OUTCOME_REASONS), "I"),
        (dated + at(_c.LAYOUT_DATE_YEAR), "h"),
        (dated + at(_c.LAYOUT_DATE_MONTH), "B"),
        (dated + at(_c.LAYOUT_DATE_DAY), "B"),
        (at(_c.LAYOUT_OUTCOME_EFFECT), "B"),
        (at(_c.LAYOUT_OUTCOME_REASON), "B"),
        (at(_c.LAYOUT_OUTCOME_RULE), "B"),
        (at(_c.LAYOUT_OUTCOME_FILTERED), "?"),
        (at(_c.LAYOUT_OUTCOME_REASON_RULES), f"{at(_c.LAYOUT_REASON_MAX)}s"),
    ])
    fmt, end = "=", 0
    for offset, code in members:
        fmt += (f"{offset - end}x" if offset > end else "") + code
        end = offset + struct.calcsize("=" + code)
    size = at(_c.LAYOUT_OUTCOME_SIZE)
    fmt += f"{size - end}x" if size > end else ""
    if struct.calcsize(fmt) != size:  # pragma: no cover - members overlap: a broken layout
        raise ImportError("portvakt: the layout of pv_outcome from pv_layout() is not consistent")
    return struct.Struct(fmt)


RECORD = _record_struct()
#: The offsets of the effect and the reason in a record (for answers read without decoding).
EFFECT_AT: int = _c.layout(_c.LAYOUT_OUTCOME_EFFECT)
REASON_AT: int = _c.layout(_c.LAYOUT_OUTCOME_REASON)
_PERMIT = _c.EFFECT_PERMIT
_BITS = tuple(1 << i for i in range(len(REASONS_FROM_C)))
_unpack = RECORD.unpack_from
_new = object.__new__
_set_dict = object.__setattr__


# Whole records already decoded, by asker (keyed by id(asker): an enum member's own hash is a
# Python call) and by record. Decisions are values, so a record decoded again gives the same
# (frozen) Decision; each dict is cleared when it is full, so its memory stays bounded. A dict
# read and written under the GIL (or one lock of a free-threaded build) is safe for threads.
_DECODED: Dict[int, Dict[bytes, Decision]] = {id(kind): {} for kind in ActorKind}
_DECODED_MAX = 4096
_NOT_KEPT: Dict[bytes, Decision] = {}


def decoded_for(asker: object) -> Dict[bytes, Decision]:
    """The dict of Decisions already decoded for an asker of kind 'asker', for an Actor to keep
    (its kind never changes) so that a call reads it without id(); an empty dict that is never
    filled when 'asker' is not an ActorKind (decode() then decodes every time)."""
    return _DECODED.get(id(asker), _NOT_KEPT) if isinstance(asker, ActorKind) else _NOT_KEPT
_RECORD_SIZE = RECORD.size


def decode(record: bytes, asker: ActorKind, offset: int = 0) -> Decision:
    """The Decision that the record at 'offset' of 'record' encodes, asked by an actor of kind
    'asker'."""
    if offset == 0 and record.__class__ is bytes and len(record) == _RECORD_SIZE:
        cache = _DECODED.get(id(asker))
        if cache is not None:
            decision = cache.get(record)
            if decision is None:
                if len(cache) >= _DECODED_MAX:
                    cache.clear()
                decision = cache[record] = _decode(record, asker, 0)
            return decision
    return _decode(record, asker, offset)


def _decode(record: bytes, asker: ActorKind, offset: int) -> Decision:
    reasons, year, month, day, effect, reason, rule, filtered, rules = _unpack(record, offset)
    if reasons:
        indices = [i for i, bit in enumerate(_BITS) if reasons & bit]
        why = tuple([REASONS_FROM_C[i] for i in indices])
        why_rules = tuple([RULE_NAMES[rules[i]] for i in indices])
    else:
        why = why_rules = ()
    # Decision(...) with every field given, built without the frozen dataclass's __init__ (which
    # sets the fields one by one through object.__setattr__ and costs more than the decision).
    decision = _new(Decision)
    _set_dict(decision, "__dict__", {
        "effect": EFFECTS_FROM_C[effect], "reason": REASONS_FROM_C[reason], "reasons": why,
        "rule": RULE_NAMES[rule], "filtered": filtered,
        "changes_on": date(year, month, day) if year else None, "field": None, "detail": None,
        "reason_rules": why_rules, "asker": asker,
    })
    return decision




# ---- Many answers in one buffer ------------------------------------------------------------------


class Outcomes(Sequence[Decision]):
    """The answers to a batch of requests, in the order of the requests.

    ``outcomes[i]`` is the :class:`Decision` for request i, decoded on access; for an invalid
    request it is the fail-closed decision naming the field, exactly as
    ``evaluate(..., raise_on_invalid=False)`` gives it. ``effect(i)``, ``reason(i)`` and
    ``permitted(i)`` answer from the buffer without decoding. ``invalid_count`` counts the
    requests with invalid input (V1), ``first_invalid`` is the index of the first of them (None
    when all are valid) and ``error`` its :class:`InvalidInput`.

    ``records`` is the raw buffer: ``RECORD_SIZE`` bytes per request (the C library's
    ``sizeof(pv_outcome)``) in the layout ``RECORD_FORMAT`` (native byte order, read from
    ``pv_layout()``): reasons (bit r for reason r), the year, month and day of changes_on (0 for
    none), effect, reason, rule and filtered as C values, then ``PV_REASON_MAX`` bytes, one per
    reason: the rule behind it.
    """

    RECORD_SIZE: int = RECORD.size
    RECORD_FORMAT: str = RECORD.format

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
        self._request = request  # request i as the proxies of the extension, for validate()
        self._on = on
        #: The number of requests with invalid input (V1).
        self.invalid_count: int = invalid_count
        #: The index of the first request with invalid input, or None.
        self.first_invalid: Optional[int] = first_invalid if invalid_count else None
        #: The error of the first request with invalid input (with ``index`` and ``decision``).
        self.error: Optional[InvalidInput] = None
        if invalid_count:
            error = InvalidInput(field or "input", detail or "is not valid")
            error.index = first_invalid
            asker = ACTOR_KINDS_FROM_C[kinds[first_invalid]]
            error.decision = Decision.invalid(error.field, error.detail, asker)  # type: ignore[arg-type]
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
        asker = ACTOR_KINDS_FROM_C[self._kinds[i]]
        if self._records[i * self.RECORD_SIZE + REASON_AT] == _c.REASON_INVALID_INPUT:
            # V1: the field path is not in the buffer; C validates the request again to name it.
            try:
                _c.validate(*self._request(i), self._on)
            except InvalidInput as error:
                return Decision.invalid(error.field, error.detail, asker)  # type: ignore[arg-type]
        return decode(self._records, asker, i * self.RECORD_SIZE)  # type: ignore[arg-type]

    def effect(self, index: int) -> Effect:
        """The effect of request 'index', read from the buffer."""
        return EFFECTS_FROM_C[self._records[self._index(index) * self.RECORD_SIZE + EFFECT_AT]]  # type: ignore[return-value]

    def reason(self, index: int) -> Reason:
        """The primary reason of request 'index', read from the buffer."""
        return REASONS_FROM_C[self._records[self._index(index) * self.RECORD_SIZE + REASON_AT]]  # type: ignore[return-value]

    def permitted(self, index: int) -> bool:
        """True if request 'index' is permitted, read from the buffer."""
        return bool(self._records[self._index(index) * self.RECORD_SIZE + EFFECT_AT] == _PERMIT)

    def permitted_count(self) -> int:
        """The number of permitted requests."""
        return self._records[EFFECT_AT :: self.RECORD_SIZE].count(_PERMIT)

    @property
    def records(self) -> bytes:
        """The raw buffer (see the class documentation)."""
        return self._records
