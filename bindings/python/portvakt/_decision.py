"""Decisions: evaluate, decide, validate and what_can_see."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, Dict, List, Optional, Tuple, Union

from . import _cportvakt as _ext
from . import cportvakt as _c
from ._enums import (
    ACTOR_KIND_TO_C,
    ACTOR_KINDS_FROM_C,
    EFFECTS_FROM_C,
    LANGUAGE_TO_C,
    REASON_TO_C,
    REASONS_FROM_C,
    ActorKind,
    Channel,
    Effect,
    Language,
    Reason,
    ServiceKind,
)
from ._errors import InvalidInput, InvalidType
from ._model import Actor, Citizen, Service, check_on, mirrors

__all__ = [
    "Decision",
    "Access",
    "evaluate",
    "decide",
    "validate",
    "what_can_see",
    "message",
    "generic_message",
    "rule_source",
    "rule_summary",
    "RULES",
]

# The rule ids by C value; index 0 (PV_RULE_NONE) is "".
_RULE_NAMES: Tuple[str, ...] = tuple(_c.rule_name(i) or "" for i in range(_c.RULE_COUNT))
#: Every rule id of RULES.md that the library knows, in its order ("A1" ... "N7").
RULES: Tuple[str, ...] = _RULE_NAMES[1:]
_RULE_TO_C: Dict[str, int] = {name: i for i, name in enumerate(_RULE_NAMES) if name}
_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()


def _language(language: Union[Language, str]) -> int:
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
        return _c.message(REASON_TO_C[self.reason], ACTOR_KIND_TO_C[self.asker], _language(language))

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
        return cls(
            Effect.DENY,
            Reason.INVALID_INPUT,
            (Reason.INVALID_INPUT,),
            "V1",
            False,
            None,
            field,
            detail,
            ("V1",),
            asker,
        )


# Decisions are values: equal C answers for the same kind of asker share one Decision. The C
# answer comes packed into one int (see evaluate_packed in portvakt.i), the key of one cache per
# actor kind; a cache is emptied when it grows past _CACHE_LIMIT entries.
_CACHE_LIMIT = 4096
_CACHES: Tuple[Dict[int, Decision], ...] = tuple({} for _ in ACTOR_KINDS_FROM_C)
_REASON_SETS: Dict[int, Tuple[Tuple[Reason, ...], Tuple[int, ...]]] = {}
_DAYS_TO_1970 = _EPOCH_ORDINAL


def _reason_set(bits: int) -> Tuple[Tuple[Reason, ...], Tuple[int, ...]]:
    found = _REASON_SETS.get(bits)
    if found is None:
        indices = tuple(i for i in range(len(REASONS_FROM_C)) if bits & (1 << i))
        found = (tuple(REASONS_FROM_C[i] for i in indices), indices)
        _REASON_SETS[bits] = found
    return found


def _unpack(key: int, kind: int) -> Decision:
    """The Decision of a packed C answer (bytes 0-7 the head, 8-11 the ordinal of changes_on,
    12 on one byte per reason: its rule)."""
    reasons, indices = _reason_set((key >> 15) & 0xFFFFFFFF)
    ordinal = (key >> 64) & 0xFFFFFFFF
    return Decision(
        EFFECTS_FROM_C[key & 1],
        REASONS_FROM_C[(key >> 1) & 31],
        reasons,
        _RULE_NAMES[(key >> 6) & 0xFF],
        bool((key >> 14) & 1),
        date.fromordinal(ordinal) if ordinal else None,
        None,
        None,
        tuple(_RULE_NAMES[(key >> (96 + 8 * i)) & 0xFF] for i in indices),
        ACTOR_KINDS_FROM_C[kind],
    )


def _new_decision(key: int, kind: int) -> Decision:
    decision = _unpack(key, kind)
    cache = _CACHES[kind]
    if len(cache) >= _CACHE_LIMIT:
        cache.clear()
    cache[key] = decision
    return decision


def _invalid(error: InvalidInput, actor: object, raise_on_invalid: bool) -> Decision:
    asker = actor.kind if isinstance(actor, Actor) and isinstance(actor.kind, ActorKind) else ActorKind.OTHER
    error.decision = Decision.invalid(error.field, error.detail, asker)
    if raise_on_invalid:
        raise error
    return error.decision


def _make(c_function: Callable[..., int], name: str, doc: str) -> Callable[..., Decision]:
    caches = _CACHES
    date_class = date
    days_to_1970 = _DAYS_TO_1970
    new_decision = _new_decision

    def run(
        citizen: Citizen, actor: Actor, service: Service, on: date, *, raise_on_invalid: bool = True
    ) -> Decision:
        try:
            if on.__class__ is not date_class:
                check_on(on)
            cm = citizen._pv_mirror
            am = actor._pv_mirror
            sm = service._pv_mirror
            if cm is None or am is None or sm is None:
                cm, am, sm = mirrors(citizen, actor, service)
            key = c_function(cm.ptr, am.ptr, sm.ptr, on.toordinal() - days_to_1970)
        except AttributeError:
            mirrors(citizen, actor, service)  # raises InvalidType naming the input
            raise
        except InvalidInput as error:
            return _invalid(error, actor, raise_on_invalid)
        decision = caches[am.kind].get(key)
        if decision is None:
            decision = new_decision(key, am.kind)
        return decision

    run.__name__ = run.__qualname__ = name
    run.__doc__ = doc
    return run


evaluate = _make(
    _ext.evaluate_packed,
    "evaluate",
    """Decides whether 'actor' may reach 'service' of 'citizen' on the date 'on' (RULES.md
    section 3, steps 0 to 7, and T1). Crosses into C once; the C form of each input is built on
    first use and kept.

    Invalid input (section 8) raises InvalidInput naming the field, with the fail-closed decision
    in its ``decision`` attribute; with ``raise_on_invalid=False`` that decision is returned
    instead. A value of the wrong Python type raises InvalidType (also a TypeError).
    """,
)

decide = _make(
    _ext.decide_packed,
    "decide",
    """As :func:`evaluate`, without ``changes_on`` (always None): the answer for one day at the
    lowest cost.""",
)


def validate(citizen: Citizen, actor: Actor, service: Service, on: date) -> None:
    """Checks the inputs without deciding (section 8, V1): returns None, or raises InvalidInput
    naming the field."""
    check_on(on)
    cm, am, sm = mirrors(citizen, actor, service)
    _ext.validate(cm.ptr, am.ptr, sm.ptr, on)


@dataclass(frozen=True)
class Access:
    """One thing an actor may or may not reach, and the decision about it."""

    service: Service
    decision: Decision

    @property
    def channel(self) -> Channel:
        """The channel it was asked through (the e-services always through the portal)."""
        return self.service.channel

    @property
    def label(self) -> str:
        """"e-services", "journal", or "journal, unit <unit>"."""
        if self.service.kind is ServiceKind.E_SERVICES:
            return "e-services"
        if self.service.unit is None:
            return "journal"
        return f"journal, unit {self.service.unit}"


def what_can_see(
    citizen: Citizen,
    actor: Actor,
    on: date,
    *,
    channel: Union[Channel, str] = Channel.PORTAL,
) -> List[Access]:
    """What 'actor' can reach of 'citizen' on 'on': the e-services, the journal as a whole and
    each unit named anywhere in the record (seals, grants; Citizen.units()), each with its
    decision. The journal is asked through 'channel' (the portal by default). Raises
    InvalidInput as evaluate does."""
    check_on(on)
    mirrors(citizen, actor, Service.e_services())
    services = [Service.e_services(), Service.journal(channel=channel)]
    services += [Service.journal(unit, channel=channel) for unit in citizen.units()]
    return [Access(s, evaluate(citizen, actor, s, on)) for s in services]


def message(
    reason: Union[Reason, str],
    asker: Union[ActorKind, str],
    language: Union[Language, str] = "sv",
) -> str:
    """The message a person of kind 'asker' denied for 'reason' may be shown (section 4, M1)."""
    try:
        r = REASON_TO_C[Reason(reason)]
    except ValueError:
        raise InvalidInput("reason", "is not a reason") from None
    try:
        a = ACTOR_KIND_TO_C[ActorKind(asker)]
    except ValueError:
        raise InvalidInput("asker", "is not an actor kind") from None
    return _c.message(r, a, _language(language))


def generic_message(language: Union[Language, str] = "sv") -> str:
    """The generic message ("Uppgifterna kan inte visas via 1177 ...")."""
    return _c.message_generic(_language(language))


def _rule(rule: str) -> int:
    if not isinstance(rule, str):
        raise InvalidType("rule", f"must be a str, not {type(rule).__name__}")
    try:
        return _RULE_TO_C[rule]
    except KeyError:
        raise InvalidInput("rule", f"{rule!r} is not a rule id of RULES.md") from None


def rule_source(rule: str) -> str:
    """The source of a rule as RULES.md gives it ("seed 001", "choice", "derived")."""
    return _c.rule_source(_rule(rule)) or ""


def rule_summary(rule: str) -> str:
    """A one-line English summary of a rule."""
    return _c.rule_summary(_rule(rule)) or ""
