"""The inputs of an evaluation: the citizen's record, the actor and the service.

Every input is a dataclass with slots: it has its own fields and nothing else, so that a misspelt
fact (``citizen.login_lock = True`` for ``login_locked``) is an AttributeError, never a fact the
decision silently ignores. ``Interval``, ``Seal``, ``Guardian``, ``Grant``, ``Representative``,
``Actor`` and ``Service`` are frozen; ``Citizen`` is mutable, and its lists are stored as tuples so
that the only way to change it is to assign a field. Each input keeps its C form (its *mirror*)
once built: ``evaluate`` builds it on first use, assigning any field of a ``Citizen`` drops it,
and ``compile()`` builds it ahead of time (and checks the Python types).

Python types are checked when the C form is built: a value of the wrong type raises
:class:`portvakt.InvalidType` (an ``InvalidInput`` and a ``TypeError``) naming the field in the
form of the JSON format, ``citizen.seals[2].active.from``. Everything else (an empty id, an
interval that ends before it starts, a birth date after the evaluation date ...) is checked by
the C library on every evaluation and raises :class:`portvakt.InvalidInput`.

A list longer than its cap (RULES.md section 8: 16 guardians, 16 representatives, 1,024 seals,
1,024 grants, 256 periods of one fact) is read only up to the first element past the cap, which
is enough for the C library to refuse it naming the list (``citizen.guardians: holds more than 16
guardians``): the cost of a call is bounded by the caps, not by the input.
"""

from __future__ import annotations

from dataclasses import FrozenInstanceError, dataclass, fields
from datetime import date
from typing import Any, Dict, Optional, Sequence, Tuple, Type, TypeVar, Union

from . import cportvakt as _c
from ._check import check_bool as _check_bool
from ._check import check_date as _check_date
from ._check import check_enum as _check_enum
from ._check import check_instance, check_on
from ._check import check_items as _check_items
from ._check import check_str as _check_str
from ._check import type_name as _type_name
from ._codec import Decision, Outcomes, decoded_for
from ._enums import (
    ACTOR_KIND_TO_C,
    CHANNEL_TO_C,
    EID_TO_C,
    REPRESENTATIVE_KIND_TO_C,
    REQUESTER_TO_C,
    SEAL_SCOPE_TO_C,
    SERVICE_KIND_TO_C,
    ActorKind,
    Channel,
    Eid,
    PnrKind,
    RepresentativeKind,
    Requester,
    SealScope,
    ServiceKind,
    _Named,
)
from ._errors import InvalidInput, InvalidType, given
from ._pnr import parse_personnummer

__all__ = [
    "Interval",
    "LockPeriod",
    "Seal",
    "Guardian",
    "Grant",
    "Representative",
    "Citizen",
    "Actor",
    "Service",
    "GRANT_HOLDER_SELF",
]

#: The holder of a grant that means the citizen (D1); any other holder is a guardian id (D2).
GRANT_HOLDER_SELF = "self"

#: The date the record helpers of C are asked on when no date is given (the units of a record
#: do not depend on the date; any valid birth date is before it).
_LAST_DAY = date(9999, 12, 31)

E = TypeVar("E", bound=_Named)
C = TypeVar("C", bound=type)


def _sealed(cls: C) -> C:
    """A frozen dataclass with slots whose every assignment is a FrozenInstanceError (an
    AttributeError). Python 3.10 and 3.11 generate a __setattr__ that names the class as it was
    before its slots were added, so that assigning a name that is not a field raises TypeError."""

    def __setattr__(self: object, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self: object, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    cls.__setattr__ = __setattr__  # type: ignore[assignment]
    cls.__delattr__ = __delattr__  # type: ignore[assignment]
    return cls


def _coerce(cls: Type[E], value: Any) -> Any:
    """The member of 'cls' named 'value' if it is one; otherwise 'value' unchanged (reported,
    with its field path, when the C form is built)."""
    if type(value) is str:
        try:
            return cls(value)
        except ValueError:
            return value
    return value


class _Cached:
    """Keeps the C form (the proxy of the extension: ``_pv_mirror``, None until built) out of
    equality, repr and pickles: a copy is built again from its fields."""

    __slots__ = ("_pv_mirror",)
    _pv_mirror: Any

    def __reduce__(self) -> Tuple[Any, Tuple[Any, ...]]:
        return type(self), tuple(getattr(self, f.name) for f in fields(self))


def _set_frozen(obj: object, name: str, value: object) -> None:
    object.__setattr__(obj, name, value)


def _stored(value: Any, cap: int) -> Any:
    """A list as the inputs store it: a tuple, unless it is longer than its cap (then it is kept
    as given, not copied: it is refused when the C form is built, section 8)."""
    if isinstance(value, list) and len(value) <= cap:
        return tuple(value)
    return value


def _capped(value: object, cls: type, cap: int, path: str) -> Tuple[Any, ...]:
    """The items of the list 'value' up to the first one past 'cap' (section 8): enough for the
    C library to refuse an over-long list naming 'path', at a cost bounded by the cap."""
    if isinstance(value, list):
        value = tuple(value[: cap + 1])
    elif isinstance(value, tuple) and len(value) > cap + 1:
        value = value[: cap + 1]
    return _check_items(value, cls, path)


# ---- Intervals and the parts of the record -----------------------------------------------------


@_sealed
@dataclass(frozen=True, slots=True)
class Interval:
    """A closed interval of dates; None is an open end. Both ends are inclusive (J3)."""

    from_: Optional[date] = None
    until: Optional[date] = None

    def _to_c(self, path: str) -> Any:
        proxy = _c.interval()
        proxy.from_ = _check_date(self.from_, f"{path}.from")
        proxy.until = _check_date(self.until, f"{path}.until")
        return proxy


_ALWAYS = Interval()


def _periods_to_c(periods: Any, path: str) -> Any:
    """The periods of a fact of section 11 (H1) as proxies of the extension's interval."""
    items = _capped(periods, Interval, _c.MAX_PERIODS, path)
    return [item._to_c(f"{path}[{i}]") for i, item in enumerate(items)]


@_sealed
@dataclass(frozen=True, slots=True)
class LockPeriod:
    """A period of the citizen's login lock (H1, E2, L1), both ends inclusive (None is open),
    with who asked for it and its case number (X1)."""

    from_: Optional[date] = None
    until: Optional[date] = None
    requested_by: Requester = Requester.CARE
    case_number: Optional[str] = None

    def __post_init__(self) -> None:
        _set_frozen(self, "requested_by", _coerce(Requester, self.requested_by))

    def _to_c(self, path: str) -> Any:
        proxy = _c.lock_period()
        proxy.when = Interval(self.from_, self.until)._to_c(path)
        proxy.requested_by = _check_enum(Requester, REQUESTER_TO_C, self.requested_by, f"{path}.requested_by")
        proxy.case_number = _check_str(self.case_number, f"{path}.case_number")
        return proxy


@_sealed
@dataclass(frozen=True, slots=True)
class Seal:
    """A journal seal (J1 to J6). ``unit`` is required for scope ``unit`` and must be None for
    ``whole``; ``active`` is when it is in force (always, by default); ``content``, if given,
    makes it hide only the entries registered inside that period (J4)."""

    scope: SealScope
    unit: Optional[str] = None
    active: Interval = _ALWAYS
    content: Optional[Interval] = None
    requested_by: Requester = Requester.CARE

    def __post_init__(self) -> None:
        _set_frozen(self, "scope", _coerce(SealScope, self.scope))
        _set_frozen(self, "requested_by", _coerce(Requester, self.requested_by))

    @classmethod
    def whole(cls, **kwargs: Any) -> "Seal":
        """A seal of the whole journal (J1)."""
        return cls(SealScope.WHOLE, **kwargs)

    @classmethod
    def for_unit(cls, unit: str, **kwargs: Any) -> "Seal":
        """A seal of one care unit (J2)."""
        return cls(SealScope.UNIT, unit, **kwargs)

    def _to_c(self, path: str) -> Any:
        proxy = _c.seal()
        proxy.scope = _check_enum(SealScope, SEAL_SCOPE_TO_C, self.scope, f"{path}.scope")
        proxy.unit = _check_str(self.unit, f"{path}.unit")
        if not isinstance(self.active, Interval):
            raise InvalidType(f"{path}.active", f"must be a portvakt.Interval, not {_type_name(self.active)}")
        proxy.active = self.active._to_c(f"{path}.active")
        if self.content is not None:
            if not isinstance(self.content, Interval):
                raise InvalidType(
                    f"{path}.content", f"must be a portvakt.Interval or None, not {_type_name(self.content)}"
                )
            proxy.has_content = True
            proxy.content = self.content._to_c(f"{path}.content")
        proxy.requested_by = _check_enum(Requester, REQUESTER_TO_C, self.requested_by, f"{path}.requested_by")
        return proxy


@_sealed
@dataclass(frozen=True, slots=True)
class Guardian:
    """A guardian (vårdnadshavare) of the citizen; ``id`` is unique and not ``"self"``."""

    id: str
    blocked: bool = False
    protected_identity: bool = False
    #: H1: the periods of the block and of the protected identity, besides the flags.
    blocked_periods: Sequence[Interval] = ()
    protected_identity_periods: Sequence[Interval] = ()

    def __post_init__(self) -> None:
        # Lists are stored as tuples, as the citizen's lists are.
        for name in ("blocked_periods", "protected_identity_periods"):
            _set_frozen(self, name, _stored(getattr(self, name), _c.MAX_PERIODS))

    def _to_c(self, path: str) -> Any:
        proxy = _c.guardian()
        proxy.id = _check_str(self.id, f"{path}.id")
        proxy.blocked = _check_bool(self.blocked, f"{path}.blocked")
        proxy.protected_identity = _check_bool(self.protected_identity, f"{path}.protected_identity")
        proxy.blocked_periods = _periods_to_c(self.blocked_periods, f"{path}.blocked")
        proxy.protected_identity_periods = _periods_to_c(
            self.protected_identity_periods, f"{path}.protected_identity"
        )
        return proxy


@_sealed
@dataclass(frozen=True, slots=True)
class Grant:
    """A direct-access grant to one unit's journal for ages 13 to 15 (D1, D2, D3), held by the
    citizen (``holder="self"``) or by one of the guardians (their id); valid from ``from_`` to
    ``until`` (None is open)."""

    unit: str
    holder: str = GRANT_HOLDER_SELF
    from_: Optional[date] = None
    until: Optional[date] = None

    def _to_c(self, path: str) -> Any:
        proxy = _c.grant()
        proxy.holder = _check_str(self.holder, f"{path}.holder")
        proxy.unit = _check_str(self.unit, f"{path}.unit")
        proxy.from_ = _check_date(self.from_, f"{path}.from")
        proxy.until = _check_date(self.until, f"{path}.until")
        return proxy


@_sealed
@dataclass(frozen=True, slots=True)
class Representative:
    """A legal representative for the journal (P2): god man or förvaltare, with the duty to care
    for the person, the principal's consent and the court order, in force from ``from_`` to
    ``until`` (None is open)."""

    id: str
    kind: RepresentativeKind
    cares_for_person: bool = False
    consent: bool = False
    court_order: bool = False
    from_: Optional[date] = None
    until: Optional[date] = None

    def __post_init__(self) -> None:
        _set_frozen(self, "kind", _coerce(RepresentativeKind, self.kind))

    def _to_c(self, path: str) -> Any:
        proxy = _c.representative()
        proxy.id = _check_str(self.id, f"{path}.id")
        proxy.kind = _check_enum(RepresentativeKind, REPRESENTATIVE_KIND_TO_C, self.kind, f"{path}.kind")
        proxy.cares_for_person = _check_bool(self.cares_for_person, f"{path}.cares_for_person")
        proxy.consent = _check_bool(self.consent, f"{path}.consent")
        proxy.court_order = _check_bool(self.court_order, f"{path}.court_order")
        proxy.from_ = _check_date(self.from_, f"{path}.from")
        proxy.until = _check_date(self.until, f"{path}.until")
        return proxy


# ---- The citizen ---------------------------------------------------------------------------------

#: The lists of the record, their classes and caps (section 8).
_ARRAYS = (
    ("seals", Seal, _c.MAX_SEALS),
    ("guardians", Guardian, _c.MAX_GUARDIANS),
    ("grants", Grant, _c.MAX_GRANTS),
    ("representatives", Representative, _c.MAX_REPRESENTATIVES),
)
#: H1: the periods of the login lock and of the protected identity, with the JSON names their
#: errors carry.
_PERIODS = (
    ("login_lock_periods", LockPeriod, "citizen.login_locked"),
    ("protected_identity_periods", Interval, "citizen.protected_identity"),
)
_CAPS: Dict[str, int] = {name: cap for name, _, cap in _ARRAYS}
_CAPS.update((name, _c.MAX_PERIODS) for name, _, _ in _PERIODS)


@dataclass(slots=True)
class Citizen(_Cached):
    """The citizen whose account and journal are being reached (the subject).

    Give ``birth_date`` or ``personnummer`` (or both, and then they must agree; a ten-digit
    personnummer takes its century from the evaluation date, N4). Lists may be given as lists;
    they are stored as tuples. Assigning any field drops the cached C form.
    """

    birth_date: Optional[date] = None
    personnummer: Optional[str] = None
    protected_identity: bool = False
    login_locked: bool = False
    login_lock_requested_by: Requester = Requester.CARE
    login_lock_case_number: Optional[str] = None
    seals: Sequence[Seal] = ()
    guardians: Sequence[Guardian] = ()
    grants: Sequence[Grant] = ()
    representatives: Sequence[Representative] = ()
    #: H1: the periods of the login lock and of the protected identity, besides the flags.
    login_lock_periods: Sequence[LockPeriod] = ()
    protected_identity_periods: Sequence[Interval] = ()

    def __setattr__(self, name: str, value: Any) -> None:
        cap = _CAPS.get(name)
        if cap is not None:
            value = _stored(value, cap)
        elif name == "login_lock_requested_by":
            value = _coerce(Requester, value)
        object.__setattr__(self, name, value)
        object.__setattr__(self, "_pv_mirror", None)

    @classmethod
    def from_personnummer(
        cls, text: str, *, on: date, interim: bool = False, **fields: Any
    ) -> "Citizen":
        """A citizen born on the date that the personnummer or samordningsnummer 'text' gives,
        with 'on' deciding the century of a ten-digit form (N4). The record keeps the
        normalised twelve-digit form (so its century no longer depends on a date), except for
        an interim number (allowed only with ``interim=True``, N7), which the record cannot
        hold: it keeps the birth date only. Other fields are passed on to ``Citizen``.

        Raises InvalidInput("personnummer", ...) if 'text' is not a valid number.
        """
        number = parse_personnummer(text, on=on, interim=interim)
        pnr = None if number.kind is PnrKind.INTERIM else number.normalized
        return cls(birth_date=number.birth_date, personnummer=pnr, **fields)

    def units(self, on: Optional[date] = None) -> Tuple[str, ...]:
        """Every unit named in the record (its unit seals, then its grants), once each, first
        mention first, as the C library finds them (pv_citizen_units). The record is checked on
        'on' (by default the last day of year 9999: the units do not depend on the date);
        raises InvalidInput for a malformed record."""
        units: Tuple[str, ...] = _c.citizen_units(self._mirror(), _LAST_DAY if on is None else check_on(on))
        return units

    def birth_date_on(self, on: date) -> date:
        """The citizen's birth date on 'on' (A3): ``birth_date``, or the personnummer read
        against 'on' (N4), as the C library reads it (pv_citizen_birth_date)."""
        birth: date = given(_c.citizen_birth_date(self._mirror(), check_on(on)))
        return birth

    def evaluate_all(
        self,
        actors: Sequence["Actor"],
        services: Sequence["Service"],
        on: date,
        *,
        raise_on_invalid: bool = False,
    ) -> Outcomes:
        """Every actor of 'actors' asking for every service of 'services' of this citizen on
        'on', decided in one call into C: answer ``a * len(services) + s`` is for
        ``actors[a]`` and ``services[s]``, and equals ``evaluate(self, actors[a], services[s],
        on)``. Invalid input as :func:`portvakt.evaluate_many`; a value of the wrong Python
        type raises InvalidType naming it: ``actors[1]``, ``services[0].unit``."""
        check_on(on)
        actors = tuple(actors)
        services = tuple(services)
        citizen = self._mirror()
        c_actors = [_input(a, Actor, "actors", i) for i, a in enumerate(actors)]
        c_services = [_input(s, Service, "services", i) for i, s in enumerate(services)]
        answer = _c.batch_evaluate_grid(citizen, c_actors, c_services, on)
        width = len(services)

        def request(i: int) -> Tuple[Any, Any, Any]:
            return citizen, c_actors[i // width], c_services[i % width]

        outcomes = Outcomes(answer, request, on)
        if raise_on_invalid and outcomes.error is not None:
            raise outcomes.error
        return outcomes

    def _mirror(self) -> Any:
        return self._pv_mirror or self._compile()

    def compile(self) -> "Citizen":
        """Builds and caches the C form now, checking the Python types; returns self.

        Raises InvalidType naming the field if a value has the wrong type.
        """
        self._compile()
        return self

    def _compile(self) -> Any:
        proxy = _c.citizen()
        proxy.birth_date = _check_date(self.birth_date, "citizen.birth_date")
        proxy.personnummer = _check_str(self.personnummer, "citizen.personnummer")
        proxy.protected_identity = _check_bool(self.protected_identity, "citizen.protected_identity")
        proxy.login_locked = _check_bool(self.login_locked, "citizen.login_locked")
        proxy.login_lock_requested_by = _check_enum(
            Requester, REQUESTER_TO_C, self.login_lock_requested_by, "citizen.login_lock_requested_by"
        )
        proxy.login_lock_case_number = _check_str(
            self.login_lock_case_number, "citizen.login_lock_case_number"
        )
        for name, cls, cap in _ARRAYS:
            path = f"citizen.{name}"
            items = _capped(getattr(self, name), cls, cap, path)
            setattr(proxy, name, [item._to_c(f"{path}[{i}]") for i, item in enumerate(items)])
        for name, cls, path in _PERIODS:
            items = _capped(getattr(self, name), cls, _c.MAX_PERIODS, path)
            setattr(proxy, name, [item._to_c(f"{path}[{i}]") for i, item in enumerate(items)])
        object.__setattr__(self, "_pv_mirror", proxy)
        return proxy


# ---- The actor and the service -----------------------------------------------------------------


class _CachedActor(_Cached):
    """As _Cached, and the Decisions already decoded for an asker of the actor's kind
    (``_pv_decoded``, fixed with the kind): evaluate() finds its answer there with one read."""

    __slots__ = ("_pv_decoded",)
    _pv_decoded: Dict[bytes, Decision]


@_sealed
@dataclass(frozen=True, slots=True)
class Actor(_CachedActor):
    """Who is trying to reach the citizen. ``id`` is required for a guardian or a representative
    and matched exactly against the record; ``login_locked`` and ``journal_sealed`` are the
    actor's own (E2, E3) and must be False for ``self``."""

    kind: ActorKind
    id: Optional[str] = None
    eid: Eid = Eid.BANKID
    login_locked: bool = False
    journal_sealed: bool = False

    def __post_init__(self) -> None:
        _set_frozen(self, "_pv_mirror", None)
        _set_frozen(self, "kind", _coerce(ActorKind, self.kind))
        _set_frozen(self, "eid", _coerce(Eid, self.eid))
        _set_frozen(self, "_pv_decoded", decoded_for(self.kind))

    @classmethod
    def self(cls, eid: Union[Eid, str] = Eid.BANKID) -> "Actor":
        """The citizen."""
        return cls(ActorKind.SELF, None, eid)  # type: ignore[arg-type]

    @classmethod
    def guardian(cls, id: str, **fields: Any) -> "Actor":
        """A guardian named by id."""
        return cls(ActorKind.GUARDIAN, id, **fields)

    @classmethod
    def representative(cls, id: str, **fields: Any) -> "Actor":
        """A legal representative named by id."""
        return cls(ActorKind.REPRESENTATIVE, id, **fields)

    @classmethod
    def other(cls, **fields: Any) -> "Actor":
        """Anyone else (R0: always NOT_RELATED)."""
        return cls(ActorKind.OTHER, **fields)

    def compile(self) -> "Actor":
        """Builds and caches the C form now, checking the Python types; returns self."""
        self._compile()
        return self

    def _mirror(self) -> Any:
        return self._pv_mirror or self._compile()

    def _compile(self) -> Any:
        proxy = _c.actor()
        kind = _check_enum(ActorKind, ACTOR_KIND_TO_C, self.kind, "actor.kind")
        proxy.kind = kind
        proxy.id = _check_str(self.id, "actor.id")
        proxy.eid = _check_enum(Eid, EID_TO_C, self.eid, "actor.eid")
        proxy.login_locked = _check_bool(self.login_locked, "actor.login_locked")
        proxy.journal_sealed = _check_bool(self.journal_sealed, "actor.journal_sealed")
        _set_frozen(self, "_pv_mirror", proxy)
        return proxy


@_sealed
@dataclass(frozen=True, slots=True)
class Service(_Cached):
    """What is being reached. For the journal: no unit is the whole journal, a unit is that
    unit's records, a unit and an entry date is one entry. E-services take neither, and only the
    portal channel."""

    kind: ServiceKind
    channel: Channel = Channel.PORTAL
    unit: Optional[str] = None
    entry_date: Optional[date] = None

    def __post_init__(self) -> None:
        _set_frozen(self, "_pv_mirror", None)
        _set_frozen(self, "kind", _coerce(ServiceKind, self.kind))
        _set_frozen(self, "channel", _coerce(Channel, self.channel))

    @classmethod
    def e_services(cls) -> "Service":
        """1177 e-tjänster."""
        return cls(ServiceKind.E_SERVICES)

    @classmethod
    def journal(
        cls,
        unit: Optional[str] = None,
        entry_date: Optional[date] = None,
        channel: Union[Channel, str] = Channel.PORTAL,
    ) -> "Service":
        """1177 journal: the whole journal, one unit's records, or one entry."""
        return cls(ServiceKind.JOURNAL, channel, unit, entry_date)  # type: ignore[arg-type]

    def compile(self) -> "Service":
        """Builds and caches the C form now, checking the Python types; returns self."""
        self._compile()
        return self

    def _mirror(self) -> Any:
        return self._pv_mirror or self._compile()

    def _compile(self) -> Any:
        proxy = _c.service()
        proxy.kind = _check_enum(ServiceKind, SERVICE_KIND_TO_C, self.kind, "service.kind")
        proxy.channel = _check_enum(Channel, CHANNEL_TO_C, self.channel, "service.channel")
        proxy.unit = _check_str(self.unit, "service.unit")
        proxy.entry_date = _check_date(self.entry_date, "service.entry_date")
        _set_frozen(self, "_pv_mirror", proxy)
        return proxy


def _input(value: object, cls: type, name: str, index: int) -> Any:
    """The C form of item 'index' of the list 'name' of inputs of class 'cls'."""
    if not isinstance(value, cls):
        raise InvalidType(f"{name}[{index}]", f"must be a portvakt.{cls.__name__}, not {_type_name(value)}")
    try:
        return value._pv_mirror or value._compile()  # type: ignore[attr-defined]
    except InvalidInput as error:
        member = error.field.partition(".")[2]
        raise InvalidType(f"{name}[{index}].{member}", error.detail) from None


def proxies(citizen: object, actor: object, service: object) -> Tuple[Any, Any, Any]:
    """The C forms of the three inputs, built if needed; InvalidType naming the input if one is
    of the wrong class or holds a value of the wrong type."""
    return (
        check_instance(citizen, Citizen, "citizen")._mirror(),
        check_instance(actor, Actor, "actor")._mirror(),
        check_instance(service, Service, "service")._mirror(),
    )
