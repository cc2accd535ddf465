"""The JSON request and conformance-vector format of RULES.md section 10.

Reading is strict: an unknown field, a value of the wrong JSON type, an unknown enum name or a
date that is not an existing "YYYY-MM-DD" raises InvalidInput naming the field in the form
``citizen.seals[2].active.from`` (InvalidType, also a TypeError, for a wrong JSON type). Omitted
fields take the defaults of section 10: false, empty lists, open interval ends, channel
``portal``, eid ``bankid``, grant holder ``self``, requested_by ``care``. A member given as
``null`` means the same as the member left out (section 10): it takes the default, or is
"is required" where there is none (``on``, ``citizen``, ``actor``, ``service``, a kind, a
scope, a guardian's id). A representative's ``kind`` has no default. In ``expect``,
``changes_on: null`` is the expectation "no change" (T1), not an absent member.

Writing gives every field explicitly, so that ``Request.from_json(r.to_json()) == r``.

Limits: a JSON text is refused (ValueError) when it is larger than MAX_INPUT_BYTES (64 MiB) or
nests arrays and objects deeper than MAX_DEPTH (64); both are checked before the text is parsed,
and ``read_json`` reads a file in chunks, so that neither is ever read or parsed whole. A string
that is not Unicode text (a lone surrogate such as ``"\ud800"``, which JSON can spell) is
invalid input naming the field.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple, Type, TypeVar, Union

from ._decision import RULES, Decision, evaluate
from . import cportvakt as _c
from ._enums import (
    CHANNEL_TO_C,
    EID_TO_C,
    REQUESTER_TO_C,
    ActorKind,
    Channel,
    Effect,
    Eid,
    Reason,
    RepresentativeKind,
    Requester,
    SealScope,
    ServiceKind,
    _Named,
)
from ._errors import InvalidInput, InvalidType
from ._reading import BOM, CITIZEN_CAPS, GUARDIAN_CAPS, MAX_DEPTH, InputRefused, Repeated, Scan, loads_strict
from ._model import Actor, Citizen, Grant, Guardian, Interval, LockPeriod, Representative, Seal, Service

__all__ = ["Request", "Expect", "Vector", "load_vectors", "loads", "read_json", "Difference",
           "MAX_INPUT_BYTES", "MAX_DEPTH", "InputRefused"]

E = TypeVar("E", bound=_Named)
JSON = Any
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

#: The largest JSON text read (a request, a vector file): 64 MiB.
MAX_INPUT_BYTES = 64 * 1024 * 1024
_CHUNK = 1024 * 1024
_MISSING = object()

# The defaults of section 10 for members left out (or null). The C library has no default for
# the e-ID (0 is unset, invalid input): the reader applies it, so each default is mapped here
# explicitly to its C value and checked against the C library on import.
DEFAULT_EID = Eid.BANKID
DEFAULT_CHANNEL = Channel.PORTAL
DEFAULT_REQUESTER = Requester.CARE
DEFAULT_GRANT_HOLDER = "self"
if (EID_TO_C[DEFAULT_EID], CHANNEL_TO_C[DEFAULT_CHANNEL], REQUESTER_TO_C[DEFAULT_REQUESTER]) != (
    _c.EID_BANKID,
    _c.CHANNEL_PORTAL,
    _c.REQUESTER_CARE,
) or DEFAULT_GRANT_HOLDER != _c.GRANT_HOLDER_SELF:  # pragma: no cover
    raise ImportError("portvakt: the JSON defaults do not match the C library")


# ---- Reading ---------------------------------------------------------------------------------


def _join(path: str, key: Union[str, int]) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def check_text(value: str, path: str) -> str:
    """'value' if it is Unicode text that UTF-8 can carry; InvalidInput naming 'path' for a lone
    surrogate (JSON can spell one, ``"\ud800"``; a command line gets one for a byte that is
    not UTF-8)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidInput(path, "is not Unicode text (a lone surrogate or a byte that is not "
                                 "UTF-8)") from None
    return value


def _json_type(value: JSON) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


class _Object:
    """A JSON object at 'path' with only the 'allowed' fields."""

    def __init__(self, value: JSON, path: str, allowed: Optional[Sequence[str]]) -> None:
        if not isinstance(value, dict):
            raise InvalidType(path, f"must be an object, not {_json_type(value)}")
        if allowed is not None:
            for key in value:
                if key not in allowed:
                    raise InvalidInput(_join(path, key), "is not a known field")
        if type(value) is Repeated:
            repeated(value, path, allowed)
        self.value = value
        self.path = path

    def at(self, key: str) -> str:
        return _join(self.path, key)

    def has(self, key: str) -> bool:
        """True if 'key' is given and not null (null is the same as left out)."""
        return self.value.get(key) is not None

    def get(self, key: str, default: JSON = _MISSING) -> JSON:
        value = self.value.get(key)
        if value is not None:
            return value
        if default is _MISSING:
            raise InvalidInput(self.at(key), "is required")
        return default

    def boolean(self, key: str, default: bool = False) -> bool:
        value = self.get(key, default)
        if not isinstance(value, bool):
            raise InvalidType(self.at(key), f"must be true or false, not {_json_type(value)}")
        return value

    def string(self, key: str, required: bool = False) -> Optional[str]:
        value = self.get(key) if required else self.get(key, None)
        if value is None and not required:
            return None
        if not isinstance(value, str):
            raise InvalidType(self.at(key), f"must be a string, not {_json_type(value)}")
        return check_text(value, self.at(key))

    def date(self, key: str, required: bool = False) -> Optional[date]:
        value = self.get(key) if required else self.get(key, None)
        if value is None and not required:
            return None
        return parse_date(value, self.at(key))

    def enum(self, cls: Type[E], key: str, default: Optional[E] = None) -> E:
        value = self.get(key) if default is None else self.get(key, default.value)
        if not isinstance(value, str):
            raise InvalidType(self.at(key), f"must be a string, not {_json_type(value)}")
        try:
            return cls(value)
        except ValueError:
            names = ", ".join(m.value for m in cls)
            raise InvalidInput(self.at(key), f"is not one of {names}") from None

    def array(self, key: str, cap: Optional[Tuple[int, str]] = None) -> List[JSON]:
        """The array 'key' (empty when left out); InvalidInput naming it when it holds more
        elements than 'cap' allows (section 8), before any element is read."""
        value = self.get(key, [])
        if not isinstance(value, list):
            raise InvalidType(self.at(key), f"must be an array, not {_json_type(value)}")
        if cap is not None and len(value) > cap[0]:
            raise InvalidInput(self.at(key), cap[1])
        return value


def repeated(value: "Repeated", path: str, defined: Optional[Sequence[str]]) -> None:
    """InvalidInput naming the repeated member of 'value' (RULES.md section 10: a member that
    appears twice in one object is malformed, whichever value either copy holds), when it is one
    of the members 'defined' (None: all) - a member outside them is ignored where it is allowed."""
    if defined is None or value.repeated in defined:
        raise InvalidInput(_join(path, value.repeated), "is given twice in one object (a repeated "
                                                        "member is malformed)")


def parse_date(value: JSON, path: str) -> date:
    """A date from an ISO 8601 "YYYY-MM-DD" string that exists; InvalidInput otherwise."""
    if not isinstance(value, str):
        raise InvalidType(path, f"must be a date string YYYY-MM-DD, not {_json_type(value)}")
    if not _DATE.fullmatch(value):
        raise InvalidInput(path, "is not of the form YYYY-MM-DD")
    try:
        return date(int(value[0:4]), int(value[5:7]), int(value[8:10]))
    except ValueError:
        raise InvalidInput(path, "is not a date that exists") from None


def _interval(value: JSON, path: str) -> Interval:
    o = _Object(value, path, ("from", "until"))
    return Interval(o.date("from"), o.date("until"))


def _seal(value: JSON, path: str) -> Seal:
    o = _Object(value, path, ("scope", "unit", "active", "content", "requested_by"))
    active = o.get("active", None)
    content = o.get("content", None)
    return Seal(
        o.enum(SealScope, "scope"),
        o.string("unit"),
        Interval() if active is None else _interval(active, o.at("active")),
        None if content is None else _interval(content, o.at("content")),
        o.enum(Requester, "requested_by", DEFAULT_REQUESTER),
    )


def _fact(o: "_Object", key: str, lock: bool = False) -> Tuple[bool, List[Any]]:
    """A fact of section 11 (H1): a flag, or a list of periods (with requested_by and
    case_number for the login lock). Returns the flag and the periods."""
    value = o.get(key, None)
    if not isinstance(value, list):
        return o.boolean(key), []
    value = o.array(key, GUARDIAN_CAPS["blocked"])
    periods: List[Any] = []
    for i, item in enumerate(value):
        at = _join(o.at(key), i)
        if not lock:
            periods.append(_interval(item, at))
            continue
        p = _Object(item, at, ("from", "until", "requested_by", "case_number"))
        periods.append(
            LockPeriod(
                p.date("from"),
                p.date("until"),
                p.enum(Requester, "requested_by", DEFAULT_REQUESTER),
                p.string("case_number"),
            )
        )
    return False, periods


def _guardian(value: JSON, path: str) -> Guardian:
    o = _Object(value, path, ("id", "blocked", "protected_identity"))
    blocked, blocked_periods = _fact(o, "blocked")
    protected, protected_periods = _fact(o, "protected_identity")
    return Guardian(o.string("id", required=True), blocked, protected, blocked_periods, protected_periods)  # type: ignore[arg-type]


def _grant(value: JSON, path: str) -> Grant:
    o = _Object(value, path, ("holder", "unit", "from", "until"))
    holder = o.get("holder", DEFAULT_GRANT_HOLDER)
    if not isinstance(holder, str):
        raise InvalidType(o.at("holder"), f"must be a string, not {_json_type(holder)}")
    check_text(holder, o.at("holder"))
    return Grant(o.string("unit", required=True), holder, o.date("from"), o.date("until"))  # type: ignore[arg-type]


def _representative(value: JSON, path: str) -> Representative:
    o = _Object(
        value, path, ("id", "kind", "cares_for_person", "consent", "court_order", "from", "until")
    )
    return Representative(
        o.string("id", required=True),  # type: ignore[arg-type]
        o.enum(RepresentativeKind, "kind"),
        o.boolean("cares_for_person"),
        o.boolean("consent"),
        o.boolean("court_order"),
        o.date("from"),
        o.date("until"),
    )


def citizen_from_json(value: JSON, path: str = "citizen") -> Citizen:
    """A Citizen from its JSON object (section 10)."""
    o = _Object(
        value,
        path,
        (
            "birth_date",
            "personnummer",
            "protected_identity",
            "login_locked",
            "login_lock_requested_by",
            "login_lock_case_number",
            "seals",
            "guardians",
            "grants",
            "representatives",
        ),
    )
    protected, protected_periods = _fact(o, "protected_identity")
    locked, lock_periods = _fact(o, "login_locked", lock=True)
    return Citizen(
        birth_date=o.date("birth_date"),
        personnummer=o.string("personnummer"),
        protected_identity=protected,
        login_locked=locked,
        login_lock_periods=lock_periods,
        protected_identity_periods=protected_periods,
        login_lock_requested_by=o.enum(Requester, "login_lock_requested_by", DEFAULT_REQUESTER),
        login_lock_case_number=o.string("login_lock_case_number"),
        seals=[_seal(v, _join(o.at("seals"), i)) for i, v in enumerate(o.array("seals", CITIZEN_CAPS["seals"]))],
        guardians=[_guardian(v, _join(o.at("guardians"), i))
                   for i, v in enumerate(o.array("guardians", CITIZEN_CAPS["guardians"]))],
        grants=[_grant(v, _join(o.at("grants"), i)) for i, v in enumerate(o.array("grants", CITIZEN_CAPS["grants"]))],
        representatives=[
            _representative(v, _join(o.at("representatives"), i))
            for i, v in enumerate(o.array("representatives", CITIZEN_CAPS["representatives"]))
        ],
    )


def actor_from_json(value: JSON, path: str = "actor") -> Actor:
    """An Actor from its JSON object (section 10)."""
    o = _Object(value, path, ("kind", "id", "eid", "login_locked", "journal_sealed"))
    return Actor(
        o.enum(ActorKind, "kind"),
        o.string("id"),
        o.enum(Eid, "eid", DEFAULT_EID),
        o.boolean("login_locked"),
        o.boolean("journal_sealed"),
    )


def service_from_json(value: JSON, path: str = "service") -> Service:
    """A Service from its JSON object (section 10)."""
    o = _Object(value, path, ("kind", "channel", "unit", "entry_date"))
    return Service(
        o.enum(ServiceKind, "kind"),
        o.enum(Channel, "channel", DEFAULT_CHANNEL),
        o.string("unit"),
        o.date("entry_date"),
    )


# ---- Writing ---------------------------------------------------------------------------------


def _iso(d: Optional[date]) -> Optional[str]:
    return None if d is None else d.isoformat()


def _interval_json(i: Interval) -> Dict[str, JSON]:
    return {"from": _iso(i.from_), "until": _iso(i.until)}


def _fact_json(flag: bool, periods: Sequence[Any]) -> JSON:
    """A fact of section 11: the flag, or the list of its periods (H1; a flag that is true is
    one period open at both ends)."""
    if not periods:
        return flag
    out: List[JSON] = [{"from": None, "until": None}] if flag else []
    for p in periods:
        item: Dict[str, JSON] = {"from": _iso(p.from_), "until": _iso(p.until)}
        if isinstance(p, LockPeriod):
            item["requested_by"] = str(p.requested_by)
            item["case_number"] = p.case_number
        out.append(item)
    return out


def citizen_to_json(c: Citizen) -> Dict[str, JSON]:
    """The JSON object of a Citizen, every field explicit."""
    out: Dict[str, JSON] = {"birth_date": _iso(c.birth_date)}
    if c.personnummer is not None:
        out["personnummer"] = c.personnummer
    out.update(
        {
            "protected_identity": _fact_json(c.protected_identity, c.protected_identity_periods),
            "login_locked": _fact_json(c.login_locked, c.login_lock_periods),
            "login_lock_requested_by": str(c.login_lock_requested_by),
            "login_lock_case_number": c.login_lock_case_number,
            "seals": [
                {
                    "scope": str(s.scope),
                    "unit": s.unit,
                    "active": _interval_json(s.active),
                    "content": None if s.content is None else _interval_json(s.content),
                    "requested_by": str(s.requested_by),
                }
                for s in c.seals
            ],
            "guardians": [
                {
                    "id": g.id,
                    "blocked": _fact_json(g.blocked, g.blocked_periods),
                    "protected_identity": _fact_json(g.protected_identity, g.protected_identity_periods),
                }
                for g in c.guardians
            ],
            "grants": [
                {"holder": g.holder, "unit": g.unit, "from": _iso(g.from_), "until": _iso(g.until)}
                for g in c.grants
            ],
            "representatives": [
                {
                    "id": r.id,
                    "kind": str(r.kind),
                    "cares_for_person": r.cares_for_person,
                    "consent": r.consent,
                    "court_order": r.court_order,
                    "from": _iso(r.from_),
                    "until": _iso(r.until),
                }
                for r in c.representatives
            ],
        }
    )
    return out


def actor_to_json(a: Actor) -> Dict[str, JSON]:
    """The JSON object of an Actor, every field explicit."""
    return {
        "kind": str(a.kind),
        "id": a.id,
        "eid": str(a.eid),
        "login_locked": a.login_locked,
        "journal_sealed": a.journal_sealed,
    }


def service_to_json(s: Service) -> Dict[str, JSON]:
    """The JSON object of a Service, every field explicit."""
    return {"kind": str(s.kind), "channel": str(s.channel), "unit": s.unit, "entry_date": _iso(s.entry_date)}


# ---- Requests and vectors ----------------------------------------------------------------------


def loads(text: Union[str, bytes]) -> JSON:
    """Parses JSON text as every reader of the package does (portvakt._reading): an object that
    names a member twice comes back marked, and the reader of that object refuses it naming the
    member; the caps of section 8 are checked while the text is scanned. Refuses a text larger
    than MAX_INPUT_BYTES and nesting deeper than MAX_DEPTH (InputRefused, a ValueError);
    ValueError for text that is not JSON."""
    if len(text) > MAX_INPUT_BYTES:
        raise InputRefused(f"is larger than {MAX_INPUT_BYTES // (1024 * 1024)} MiB (the limit)")
    return loads_strict(text)


def check_depth(text: Union[str, bytes], limit: int = MAX_DEPTH) -> None:
    """InputRefused if the JSON 'text' nests arrays and objects deeper than MAX_DEPTH (brackets
    inside strings do not count): the scan of :func:`loads`, without the parse."""
    if limit != MAX_DEPTH:  # pragma: no cover - one limit
        raise ValueError(f"the depth limit is {MAX_DEPTH}")
    Scan().feed(text.encode("utf-8", "surrogatepass") if isinstance(text, str) else bytes(text))


def read_json(source: Any, name: str = "") -> JSON:
    """The JSON of a file name or a binary or text stream 'source', read in chunks of at most
    MAX_INPUT_BYTES in all, each chunk scanned as it comes (portvakt._reading): a request or a
    record past a cap of section 8 is refused before the rest of the file is read. A UTF-8 byte
    order mark at the very start is ignored (H5). Raises OSError, ValueError (too large, not
    UTF-8, too deep, not JSON) and InvalidInput (a cap) as :func:`loads` does."""
    if isinstance(source, (str, bytes, os.PathLike)):
        with open(source, "rb") as f:
            return read_json(f, name)
    binary = getattr(source, "buffer", source)
    scan = Scan()
    size = 0
    while True:
        chunk = binary.read(_CHUNK)
        if not chunk:
            break
        if isinstance(chunk, str):
            chunk = chunk.encode("utf-8", "surrogatepass")
        size += len(chunk)
        if size > MAX_INPUT_BYTES:
            raise InputRefused(f"is larger than {MAX_INPUT_BYTES // (1024 * 1024)} MiB (the limit)")
        scan.feed(chunk)
    return loads_strict(b"", scan)


_REQUEST_FIELDS = ("on", "citizen", "actor", "service")


@dataclass(frozen=True)
class Request:
    """One evaluation: the citizen, the actor, the service and the date."""

    citizen: Citizen
    actor: Actor
    service: Service
    on: date

    def evaluate(self, *, raise_on_invalid: bool = True) -> Decision:
        """portvakt.evaluate on this request."""
        return evaluate(self.citizen, self.actor, self.service, self.on, raise_on_invalid=raise_on_invalid)

    @classmethod
    def from_json(cls, obj: Union[Mapping[str, JSON], str, bytes]) -> "Request":
        """A request from its JSON object (or JSON text) of RULES.md section 10 without
        ``name``, ``rules`` and ``expect``. Raises InvalidInput naming the field."""
        if isinstance(obj, (str, bytes)):
            obj = loads(obj)
        return cls._from_object(_Object(obj, "", _REQUEST_FIELDS))

    @classmethod
    def _from_object(cls, o: _Object) -> "Request":
        return cls(
            citizen_from_json(o.get("citizen"), o.at("citizen")),
            actor_from_json(o.get("actor"), o.at("actor")),
            service_from_json(o.get("service"), o.at("service")),
            parse_date(o.get("on"), o.at("on")),
        )

    def to_json(self) -> Dict[str, JSON]:
        """The JSON object of this request, every field explicit."""
        return {
            "on": self.on.isoformat(),
            "citizen": citizen_to_json(self.citizen),
            "actor": actor_to_json(self.actor),
            "service": service_to_json(self.service),
        }


@dataclass(frozen=True)
class Difference:
    """A field of ``expect`` that the decision does not match (values in JSON form)."""

    field: str
    expected: JSON
    actual: JSON

    def __str__(self) -> str:
        return f"{self.field}: expected {json.dumps(self.expected)}, got {json.dumps(self.actual)}"


@dataclass(frozen=True)
class Expect:
    """The expected decision of a vector. ``effect`` and ``reason`` are always checked;
    ``reasons``, ``filtered`` and ``changes_on`` only when present (``has_changes_on`` says
    whether ``changes_on``, which may be null, is present). ``rule`` and ``field`` are checked
    when present too (an extension of section 10)."""

    effect: Effect
    reason: Reason
    reasons: Optional[Tuple[Reason, ...]] = None
    filtered: Optional[bool] = None
    changes_on: Optional[date] = None
    has_changes_on: bool = False
    rule: Optional[str] = None
    field: Optional[str] = None

    @classmethod
    def from_json(cls, value: JSON, path: str = "expect") -> "Expect":
        o = _Object(value, path, ("effect", "reason", "reasons", "filtered", "changes_on", "rule", "field"))
        reasons = None
        if o.has("reasons"):
            reasons = tuple(_reason(v, _join(o.at("reasons"), i)) for i, v in enumerate(o.array("reasons")))
        filtered = o.boolean("filtered") if o.has("filtered") else None
        rule = o.string("rule")
        if rule is not None and rule not in RULES:
            raise InvalidInput(o.at("rule"), "is not a rule id of RULES.md")
        return cls(
            o.enum(Effect, "effect"),
            o.enum(Reason, "reason"),
            reasons,
            filtered,
            o.date("changes_on"),
            "changes_on" in o.value,
            rule,
            o.string("field"),
        )

    def to_json(self) -> Dict[str, JSON]:
        out: Dict[str, JSON] = {"effect": str(self.effect), "reason": str(self.reason)}
        if self.reasons is not None:
            out["reasons"] = [str(r) for r in self.reasons]
        if self.filtered is not None:
            out["filtered"] = self.filtered
        if self.has_changes_on:
            out["changes_on"] = _iso(self.changes_on)
        if self.rule is not None:
            out["rule"] = self.rule
        if self.field is not None:
            out["field"] = self.field
        return out

    def differences(self, decision: Decision) -> List[Difference]:
        """The fields of this expectation that 'decision' does not match, in JSON form."""
        actual = decision.to_json()
        found: List[Difference] = []
        for key, expected in self.to_json().items():
            if actual.get(key) != expected:
                found.append(Difference(key, expected, actual.get(key)))
        return found


def _reason(value: JSON, path: str) -> Reason:
    if not isinstance(value, str):
        raise InvalidType(path, f"must be a string, not {_json_type(value)}")
    try:
        return Reason(value)
    except ValueError:
        raise InvalidInput(path, "is not a reason of RULES.md section 4") from None


def read_rules(o: "_Object") -> Tuple[str, ...]:
    """The ``rules`` of a vector or case: rule ids RULES.md defines (section 10: a runner never
    refuses a vector for the ids it names, but an id that is not one is a broken vector)."""
    rules: List[str] = []
    for i, rule in enumerate(o.array("rules")):
        if not isinstance(rule, str):
            raise InvalidType(_join(o.at("rules"), i), f"must be a string, not {_json_type(rule)}")
        if rule not in RULES:
            raise InvalidInput(_join(o.at("rules"), i), f"{rule!r} is not a rule id of RULES.md")
        rules.append(rule)
    return tuple(rules)


@dataclass(frozen=True)
class Vector:
    """A conformance vector: a named request and its expected decision.

    A vector may be about malformed input: if its request part cannot be read, ``request`` is
    None and ``error`` says why; running it gives the fail-closed decision for that field.
    ``source`` is the request part as read, so that ``to_json`` gives it back unchanged then.
    """

    name: str
    expect: Expect
    request: Optional[Request]
    rules: Tuple[str, ...] = ()
    error: Optional[InvalidInput] = field(default=None, compare=False, repr=False)
    source: Dict[str, JSON] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_json(cls, obj: Union[Mapping[str, JSON], str, bytes], path: str = "") -> "Vector":
        """A vector from its JSON object (or text). Errors in the name, rules or expect raise
        InvalidInput; errors in the request part are kept in ``error``."""
        if isinstance(obj, (str, bytes)):
            obj = loads(obj)
        # Section 10: a vector may carry top-level members of its own ("comment"), which are
        # ignored; a repeated member of the frame breaks the vector, one of the request part
        # makes the request malformed (the vector is still decided).
        twice = obj.repeated if isinstance(obj, Repeated) else None
        if twice in ("name", "rules", "expect"):
            raise InvalidInput(_join(path, str(twice)), "is given twice in one object (a repeated member is malformed)")
        o = _Object(obj, path, None) if not isinstance(obj, Repeated) else _Object(dict(obj), path, None)
        name = o.string("name", required=True)
        rules = read_rules(o)
        expect = Expect.from_json(o.get("expect"), o.at("expect"))
        source = {k: o.value[k] for k in _REQUEST_FIELDS if k in o.value}
        request: Optional[Request] = None
        error: Optional[InvalidInput] = None
        try:
            if twice in _REQUEST_FIELDS:
                raise InvalidInput(twice, "is given twice in one object (a repeated member is malformed)")
            request = Request._from_object(_Object(source, "", _REQUEST_FIELDS))
        except InvalidInput as e:
            error = e
        return cls(name, expect, request, rules, error, source)  # type: ignore[arg-type]

    def run(self) -> Decision:
        """The decision for this vector's request (the fail-closed one for invalid input)."""
        if self.request is None:
            assert self.error is not None
            return Decision.invalid(self.error.field, self.error.detail)
        return self.request.evaluate(raise_on_invalid=False)

    def differences(self) -> List[Difference]:
        """Where the decision differs from ``expect``; empty when the vector passes."""
        return self.expect.differences(self.run())

    def to_json(self) -> Dict[str, JSON]:
        out: Dict[str, JSON] = {"name": self.name}
        if self.rules:
            out["rules"] = list(self.rules)
        out.update(self.request.to_json() if self.request is not None else self.source)
        out["expect"] = self.expect.to_json()
        return out


def load_vectors(path: Union[str, "os.PathLike[str]"]) -> List[Vector]:
    """The vectors of a JSON file holding an array of them (RULES.md section 10).

    Raises ValueError for text that is not JSON and InvalidInput (field ``[3].expect.reason``)
    for a vector whose name, rules or expect cannot be read."""
    data = read_json(path)
    if not isinstance(data, list):
        raise InvalidType("", f"a vector file must hold an array, not {_json_type(data)}")
    return [Vector.from_json(v, f"[{i}]") for i, v in enumerate(data)]
