"""Decisions: evaluate, decide, validate and what_can_see, and the messages and rules."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Dict, List, Optional, Union

from . import cportvakt as _c
from ._check import check_on
from ._codec import RULE_NAMES, RULES, Decision, decode, language_to_c
from ._enums import ACTOR_KIND_TO_C, REASON_TO_C, ActorKind, Channel, Language, Reason, ServiceKind
from ._errors import InvalidInput, InvalidType
from ._model import Actor, Citizen, Service, proxies

__all__ = [
    "Decision",
    "AccessRow",
    "evaluate",
    "prepare",
    "Prepared",
    "decide",
    "validate",
    "what_can_see",
    "message",
    "generic_message",
    "rule_source",
    "rule_summary",
    "RULES",
]

_RULE_TO_C: Dict[str, int] = {name: i for i, name in enumerate(RULE_NAMES) if name}


def _failed(error: InvalidInput, citizen: object, actor: object, service: object, raise_on_invalid: bool) -> Decision:
    """The fail-closed decision of invalid input (raised with it unless 'raise_on_invalid' is
    False). A struct of the wrong type refused by C is named again in the package's terms."""
    if isinstance(error, TypeError):
        try:
            proxies(citizen, actor, service)
        except InvalidInput as named:
            error = named
    asker = actor.kind if isinstance(actor, Actor) and isinstance(actor.kind, ActorKind) else ActorKind.OTHER
    error.decision = Decision.invalid(error.field, error.detail, asker)
    if raise_on_invalid:
        raise error
    return error.decision


def _answer(
    function: Any, citizen: Citizen, actor: Actor, service: Service, on: date, raise_on_invalid: bool
) -> Decision:
    """One crossing into C ('function' is cportvakt.evaluate or cportvakt.decide) and the one
    decoder of its answer; invalid input as evaluate() documents it."""
    try:
        if on.__class__ is not date:
            check_on(on)
        record = function(
            citizen._pv_mirror or citizen._compile(),
            actor._pv_mirror or actor._compile(),
            service._pv_mirror or service._compile(),
            on,
        )
    except AttributeError:
        return _failed(InvalidType("input", "is not a portvakt input"), citizen, actor, service, raise_on_invalid)
    except InvalidInput as error:
        return _failed(error, citizen, actor, service, raise_on_invalid)
    return decode(record, actor.kind)


def evaluate(
    citizen: Citizen, actor: Actor, service: Service, on: date, raise_on_invalid: bool = True
) -> Decision:
    """Decides whether 'actor' may reach 'service' of 'citizen' on the date 'on' (RULES.md
    section 3, steps 0 to 7, and T1). Crosses into C once; the C form of each input is built on
    first use and kept.

    Invalid input (section 8) raises InvalidInput naming the field, with the fail-closed decision
    in its ``decision`` attribute; with ``raise_on_invalid=False`` that decision is returned
    instead (``raise_on_invalid`` may also be given by position). A value of the wrong Python
    type raises InvalidType (also a TypeError).
    """
    # _answer, written out: the one call a request makes, at the lowest cost (id() of the
    # actor's kind costs as much as the rest of this body: the actor keeps its dict of decoded
    # Decisions; 'raise_on_invalid' positional too, as a keyword-only parameter keeps CPython
    # 3.11 from specialising the call).
    try:
        if type(on) is not date:
            check_on(on)
        record = _evaluate(
            citizen._pv_mirror or citizen._compile(),
            actor._pv_mirror or actor._compile(),
            service._pv_mirror or service._compile(),
            on,
        )
        decision = actor._pv_decoded.get(record)  # decode(), its cache read here
    except AttributeError:
        return _failed(InvalidType("input", "is not a portvakt input"), citizen, actor, service, raise_on_invalid)
    except InvalidInput as error:
        return _failed(error, citizen, actor, service, raise_on_invalid)
    return decision if decision is not None else decode(record, actor.kind)


_evaluate = _c.evaluate


class Prepared:
    """A citizen's record prepared once for many questions (RULES.md section 3 decided by
    ``pv_evaluate_prepared``): :meth:`evaluate` answers as :func:`evaluate` does for this
    citizen, without checking the whole record again on every call.

    Lifetime: the prepared record belongs to this object, with the C form of the citizen it was
    prepared from, and lives as long as the object. It answers for the citizen as it was when it
    was prepared: a change made to the Citizen afterwards is not followed (prepare it again).
    Made by :func:`prepare`; InvalidInput naming the field when the record is malformed on every
    date (section 8)."""

    __slots__ = ("citizen", "_record", "_evaluate")

    def __init__(self, citizen: Citizen) -> None:
        if not isinstance(citizen, Citizen):
            raise InvalidType("citizen", f"must be a portvakt.Citizen, not {type(citizen).__name__}")
        self.citizen = citizen
        self._record = _c.prepare(citizen._mirror())
        self._evaluate = self._record.evaluate

    def evaluate(self, actor: Actor, service: Service, on: date, raise_on_invalid: bool = True) -> Decision:
        """As ``evaluate(self.citizen, actor, service, on)`` (``raise_on_invalid`` may also be
        given by position here)."""
        try:
            if on.__class__ is not date:
                check_on(on)
            record = self._evaluate(actor._pv_mirror or actor._compile(), service._pv_mirror or service._compile(), on)
            decision = actor._pv_decoded.get(record)  # decode(), its cache read here
        except AttributeError:
            return _failed(InvalidType("input", "is not a portvakt input"), self.citizen, actor, service, raise_on_invalid)
        except InvalidInput as error:
            return _failed(error, self.citizen, actor, service, raise_on_invalid)
        return decision if decision is not None else decode(record, actor.kind)


def prepare(citizen: Citizen) -> Prepared:
    """The record of 'citizen' prepared once for many questions: see :class:`Prepared`."""
    return Prepared(citizen)


def decide(
    citizen: Citizen, actor: Actor, service: Service, on: date, *, raise_on_invalid: bool = True
) -> Decision:
    """As :func:`evaluate`, without ``changes_on`` (always None): the answer for one day at the
    lowest cost."""
    return _answer(_c.decide, citizen, actor, service, on, raise_on_invalid)


def validate(citizen: Citizen, actor: Actor, service: Service, on: date) -> None:
    """Checks the inputs without deciding (section 8, V1): returns None, or raises InvalidInput
    naming the field (InvalidType for a value of the wrong Python type)."""
    check_on(on)
    _c.validate(*proxies(citizen, actor, service), on)


# ---- What an actor can see ------------------------------------------------------------------------


@dataclass(frozen=True)
class AccessRow:
    """One thing an actor may or may not reach, and the decision about it: the rows of
    :func:`what_can_see` and :func:`portvakt.who_can_see`. The service says the channel it was
    asked through (the e-services always through the portal)."""

    actor: Actor
    service: Service
    decision: Decision

    @property
    def unit(self) -> Optional[str]:
        return self.service.unit

    @property
    def channel(self) -> Channel:
        """The channel the row was asked through."""
        return self.service.channel

    @property
    def label(self) -> str:
        """"e-services (portal)", "journal (direct)" or "journal, unit <unit> (direct)"."""
        if self.service.kind is ServiceKind.E_SERVICES:
            what = "e-services"
        elif self.service.unit is None:
            what = "journal"
        else:
            what = f"journal, unit {self.service.unit}"
        return f"{what} ({self.channel.value})"

    def to_json(self) -> Dict[str, Any]:
        """``{"actor": "self"|id, "kind", "service", "unit", "effect", "reason", "reasons",
        "rule", "filtered", "changes_on"}``."""
        out: Dict[str, Any] = {
            "actor": "self" if self.actor.kind is ActorKind.SELF else self.actor.id,
            "kind": self.actor.kind.value,
            "service": self.service.kind.value,
            "unit": self.service.unit,
        }
        decision = self.decision.to_json()
        decision.pop("field", None)
        decision.pop("detail", None)
        out.update(decision)
        return out


def what_can_see(
    citizen: Citizen,
    actor: Actor,
    on: date,
    *,
    channel: Union[Channel, str] = Channel.DIRECT,
) -> List[AccessRow]:
    """What 'actor' can reach of 'citizen' on 'on': the e-services (through the portal), the
    journal as a whole and each unit named in the record (its unit seals, then its grants), the
    journal through 'channel' — the direct channel by default, as :func:`portvakt.who_can_see`
    asks, so that for an actor of the record with BankID the rows are those of who_can_see.
    Raises InvalidInput as evaluate does."""
    check_on(on)
    proxies(citizen, actor, Service.e_services())
    services = [Service.e_services(), Service.journal(channel=channel)]
    services += [Service.journal(unit, channel=channel) for unit in citizen.units(on)]
    return [AccessRow(actor, s, evaluate(citizen, actor, s, on)) for s in services]


# ---- Messages and rules -----------------------------------------------------------------------------


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
    return _c.message(r, a, language_to_c(language))


def generic_message(language: Union[Language, str] = "sv") -> str:
    """The generic message ("Uppgifterna kan inte visas via 1177 ...")."""
    return _c.message_generic(language_to_c(language))


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
