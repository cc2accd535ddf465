"""The inputs of an evaluation: the citizen's record, the actor and the service.

Every input is a dataclass. ``Interval``, ``Seal``, ``Guardian``, ``Grant``, ``Representative``,
``Actor`` and ``Service`` are frozen; ``Citizen`` is mutable, and its lists are stored as tuples so
that the only way to change it is to assign a field. Each input keeps its C form (its *mirror*)
once built: ``evaluate`` builds it on first use, assigning any field of a ``Citizen`` drops it,
and ``compile()`` builds it ahead of time (and checks the Python types).

Python types are checked when the C form is built: a value of the wrong type raises
:class:`portvakt.InvalidType` (an ``InvalidInput`` and a ``TypeError``) naming the field in the
form of the JSON format, ``citizen.seals[2].active.from``. Everything else (an empty id, an
interval that ends before it starts, a birth date after the evaluation date ...) is checked by
the C library on every evaluation and raises :class:`portvakt.InvalidInput`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Sequence, Tuple, Type, TypeVar, Union

from . import cportvakt as _c
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
from ._errors import InvalidInput, InvalidType

if TYPE_CHECKING:  # pragma: no cover
    from ._batch import Outcomes

__all__ = [
    "Interval",
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

E = TypeVar("E", bound=_Named)


# ---- Checking Python types ---------------------------------------------------------------------


def _type_name(value: object) -> str:
    return type(value).__name__


def _coerce(cls: Type[E], value: Any) -> Any:
    """The member of 'cls' named 'value' if it is one; otherwise 'value' unchanged (reported,
    with its field path, when the C form is built)."""
    if type(value) is str:
        try:
            return cls(value)
        except ValueError:
            return value
    return value


def _check_enum(cls: Type[E], table: Dict[E, int], value: object, path: str) -> int:
    if isinstance(value, cls):
        return table[value]
    if isinstance(value, str):
        names = ", ".join(m.value for m in cls)
        raise InvalidInput(path, f"is not one of {names}")
    raise InvalidType(path, f"must be a portvakt.{cls.__name__}, not {_type_name(value)}")


def _check_bool(value: object, path: str) -> bool:
    if type(value) is not bool:
        raise InvalidType(path, f"must be a bool, not {_type_name(value)}")
    return value


def _is_date(value: object) -> bool:
    return isinstance(value, date) and not isinstance(value, datetime)


def _check_date(value: object, path: str) -> Optional[date]:
    if value is None or _is_date(value):
        return value  # type: ignore[return-value]
    raise InvalidType(path, f"must be a datetime.date or None, not {_type_name(value)}")


def _check_str(value: object, path: str) -> Optional[str]:
    if value is None:
        return None
    if type(value) is not str:
        raise InvalidType(path, f"must be a str or None, not {_type_name(value)}")
    if "\0" in value:
        raise InvalidInput(path, "must not contain a NUL character")
    return value


def _check_items(value: object, cls: type, path: str) -> Tuple[Any, ...]:
    if not isinstance(value, tuple):
        raise InvalidType(path, f"must be a list of portvakt.{cls.__name__}, not {_type_name(value)}")
    for i, item in enumerate(value):
        if not isinstance(item, cls):
            raise InvalidType(f"{path}[{i}]", f"must be a portvakt.{cls.__name__}, not {_type_name(item)}")
    return value


class _Mirror:
    """The C form of an input: the SWIG proxy (which keeps alive every str and array it points
    into), its raw pointer for the fast path, and the actor kind for actors."""

    __slots__ = ("proxy", "ptr", "kind")

    def __init__(self, proxy: Any, kind: int = 0) -> None:
        self.proxy = proxy
        self.ptr = proxy.this
        self.kind = kind


class _Cached:
    """Keeps the mirror out of equality, repr and pickles."""

    _pv_mirror: Optional[_Mirror] = None

    def __getstate__(self) -> Dict[str, Any]:
        state = dict(self.__dict__)
        state.pop("_pv_mirror", None)
        return state

    def __setstate__(self, state: Dict[str, Any]) -> None:
        self.__dict__.update(state)


def _set_frozen(obj: object, name: str, value: object) -> None:
    object.__setattr__(obj, name, value)


# ---- Intervals and the parts of the record -----------------------------------------------------


@dataclass(frozen=True)
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


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class Guardian:
    """A guardian (vårdnadshavare) of the citizen; ``id`` is unique and not ``"self"``."""

    id: str
    blocked: bool = False
    protected_identity: bool = False

    def _to_c(self, path: str) -> Any:
        proxy = _c.guardian()
        proxy.id = _check_str(self.id, f"{path}.id")
        proxy.blocked = _check_bool(self.blocked, f"{path}.blocked")
        proxy.protected_identity = _check_bool(self.protected_identity, f"{path}.protected_identity")
        return proxy


@dataclass(frozen=True)
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


@dataclass(frozen=True)
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

_SEQUENCES = frozenset(("seals", "guardians", "grants", "representatives"))
_ARRAYS = (
    ("seals", "seal_count", Seal, _c.seal_array),
    ("guardians", "guardian_count", Guardian, _c.guardian_array),
    ("grants", "grant_count", Grant, _c.grant_array),
    ("representatives", "representative_count", Representative, _c.representative_array),
)


@dataclass
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

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _SEQUENCES:
            if isinstance(value, list):
                value = tuple(value)
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
        from ._pnr import parse_personnummer

        number = parse_personnummer(text, on=on, interim=interim)
        pnr = None if number.kind is PnrKind.INTERIM else number.normalized
        return cls(birth_date=number.birth_date, personnummer=pnr, **fields)

    def units(self) -> Tuple[str, ...]:
        """Every unit named in the record (seals, then grants), once each, in order."""
        seen: Dict[str, None] = {}
        for seal in self.seals:
            if isinstance(seal, Seal) and isinstance(seal.unit, str):
                seen.setdefault(seal.unit, None)
        for grant in self.grants:
            if isinstance(grant, Grant) and isinstance(grant.unit, str):
                seen.setdefault(grant.unit, None)
        return tuple(seen)

    def evaluate_all(
        self,
        actors: Sequence["Actor"],
        services: Sequence["Service"],
        on: date,
        *,
        raise_on_invalid: bool = False,
    ) -> "Outcomes":
        """Every actor of 'actors' asking for every service of 'services' of this citizen on
        'on', decided in one call into C: answer ``a * len(services) + s`` is for
        ``actors[a]`` and ``services[s]``, and equals ``evaluate(self, actors[a], services[s],
        on)``. See :func:`portvakt.evaluate_many` for invalid input."""
        from ._batch import evaluate_all

        return evaluate_all(self, actors, services, on, raise_on_invalid=raise_on_invalid)

    def compile(self) -> "Citizen":
        """Builds and caches the C form now, checking the Python types; returns self.

        Raises InvalidType naming the field if a value has the wrong type.
        """
        self._compile()
        return self

    def _compile(self) -> _Mirror:
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
        for name, count_name, cls, array_cls in _ARRAYS:
            path = f"citizen.{name}"
            items = _check_items(getattr(self, name), cls, path)
            if items:
                array = array_cls(len(items))
                for i, item in enumerate(items):
                    array[i] = item._to_c(f"{path}[{i}]")
                setattr(proxy, name, array)
                setattr(proxy, count_name, len(items))
        mirror = _Mirror(proxy)
        object.__setattr__(self, "_pv_mirror", mirror)
        return mirror


# ---- The actor and the service -----------------------------------------------------------------


@dataclass(frozen=True)
class Actor(_Cached):
    """Who is trying to reach the citizen. ``id`` is required for a guardian or a representative
    and matched exactly against the record; ``login_locked`` and ``journal_sealed`` are the
    actor's own (E2, E3) and must be False for ``self``."""

    kind: ActorKind
    id: Optional[str] = None
    eid: Eid = Eid.BANKID
    login_locked: bool = False
    journal_sealed: bool = False

    def __post_init__(self) -> None:
        _set_frozen(self, "kind", _coerce(ActorKind, self.kind))
        _set_frozen(self, "eid", _coerce(Eid, self.eid))

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

    def _compile(self) -> _Mirror:
        proxy = _c.actor()
        kind = _check_enum(ActorKind, ACTOR_KIND_TO_C, self.kind, "actor.kind")
        proxy.kind = kind
        proxy.id = _check_str(self.id, "actor.id")
        proxy.eid = _check_enum(Eid, EID_TO_C, self.eid, "actor.eid")
        proxy.login_locked = _check_bool(self.login_locked, "actor.login_locked")
        proxy.journal_sealed = _check_bool(self.journal_sealed, "actor.journal_sealed")
        mirror = _Mirror(proxy, kind)
        _set_frozen(self, "_pv_mirror", mirror)
        return mirror


@dataclass(frozen=True)
class Service(_Cached):
    """What is being reached. For the journal: no unit is the whole journal, a unit is that
    unit's records, a unit and an entry date is one entry. E-services take neither, and only the
    portal channel."""

    kind: ServiceKind
    channel: Channel = Channel.PORTAL
    unit: Optional[str] = None
    entry_date: Optional[date] = None

    def __post_init__(self) -> None:
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

    def _compile(self) -> _Mirror:
        proxy = _c.service()
        proxy.kind = _check_enum(ServiceKind, SERVICE_KIND_TO_C, self.kind, "service.kind")
        proxy.channel = _check_enum(Channel, CHANNEL_TO_C, self.channel, "service.channel")
        proxy.unit = _check_str(self.unit, "service.unit")
        proxy.entry_date = _check_date(self.entry_date, "service.entry_date")
        mirror = _Mirror(proxy)
        _set_frozen(self, "_pv_mirror", mirror)
        return mirror


def check_on(on: object) -> date:
    """Returns 'on' if it is a datetime.date (not a datetime); raises InvalidType otherwise."""
    if _is_date(on):
        return on  # type: ignore[return-value]
    raise InvalidType("on", f"must be a datetime.date, not {_type_name(on)}")


def mirrors(citizen: object, actor: object, service: object) -> Tuple[_Mirror, _Mirror, _Mirror]:
    """The C forms of the three inputs, built if needed; InvalidType if one is of the wrong
    class."""
    if not isinstance(citizen, Citizen):
        raise InvalidType("citizen", f"must be a portvakt.Citizen, not {_type_name(citizen)}")
    if not isinstance(actor, Actor):
        raise InvalidType("actor", f"must be a portvakt.Actor, not {_type_name(actor)}")
    if not isinstance(service, Service):
        raise InvalidType("service", f"must be a portvakt.Service, not {_type_name(service)}")
    return (
        citizen._pv_mirror or citizen._compile(),
        actor._pv_mirror or actor._compile(),
        service._pv_mirror or service._compile(),
    )


# Keep the dataclass field list importable for the JSON layer.
def field_names(cls: type) -> List[str]:
    return [f.name for f in dataclasses.fields(cls)]
