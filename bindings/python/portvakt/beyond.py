"""Questions beyond a yes/no: who can see what, when that changes, whether a record follows the
routines, which measures reach a goal, and who may change a measure.

    who_can_see(citizen, on)                         -> [AccessRow, ...]      pv_who_can_see
    timeline(citizen, actor, service, start, end)    -> [TimelineStep, ...]   pv_timeline (T1)
    advise(citizen, on)                              -> [Advice, ...]         pv_advise (section 5)
    plan(citizen, goal, on, horizon=None)            -> Plan                  pv_plan_measures
    prove(citizen, goal, on, measures, horizon=None) -> Plan                  pv_prove_plan
    may_change(requester, action, citizen, on, measure=None)
                                                     -> Permission            pv_may_change (X1-X7)
    what_can_see(citizen, actor, on, channel=...)    -> [AccessRow, ...]      one actor's rows

The picture of the timelines is :func:`portvakt.picture.timeline_svg`.

Every answer is a frozen dataclass with ``to_json()``; the JSON shapes are those of the command
line (``portvakt who|timeline|advise|plan|may --json``) and of the vectors in
``tests/conformance/beyond/``. Invalid input raises :class:`portvakt.InvalidInput` naming the
field, as :func:`portvakt.evaluate` does.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

from . import cportvakt as _c
from ._check import check_instance, check_on, is_date
from ._check import type_name as _type_name
from ._codec import RULE_NAMES, Decision, decode
from ._decision import AccessRow, rule_source, rule_summary, what_can_see
from ._enums import (
    ACTOR_KINDS_FROM_C,
    CHANNELS_FROM_C,
    REQUESTERS_FROM_C,
    SEAL_SCOPES_FROM_C,
    SERVICE_KINDS_FROM_C,
    ActorKind,
    Channel,
    ServiceKind,
    _from_c,
    _Named,
    _to_c,
)
from ._errors import InvalidInput, InvalidType, given
from ._model import Actor, Citizen, Interval, Seal, Service, proxies

__all__ = [
    "AccessRow",
    "Action",
    "Advice",
    "AdviceKind",
    "Goal",
    "GoalKind",
    "Measure",
    "Part",
    "Permission",
    "Plan",
    "Role",
    "TimelineStep",
    "advise",
    "may_change",
    "plan",
    "prove",
    "timeline",
    "what_can_see",
    "who_can_see",
]


def __getattr__(name: str) -> Any:
    """A name that moved: portvakt.beyond.timeline_svg is portvakt.picture.timeline_svg (with a
    DeprecationWarning, for one release)."""
    if name == "timeline_svg":
        import importlib
        import warnings

        warnings.warn("portvakt.beyond.timeline_svg is deprecated and goes in the next release: "
                      "use portvakt.picture.timeline_svg", DeprecationWarning, stacklevel=2)
        # By name, when asked: portvakt.picture is built on this module, not the other way.
        return importlib.import_module("portvakt.picture").timeline_svg
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

def _iso(d: Optional[date]) -> Optional[str]:
    return None if d is None else d.isoformat()


# ---- Enums --------------------------------------------------------------------------------------


class GoalKind(_Named):
    """What a measures plan should achieve (pv_goal_kind); the values are the goal words of the
    command line."""

    NOTHING = "nothing"
    NO_JOURNAL = "no-journal"
    GUARDIAN = "guardian"
    HIDE_UNIT = "hide-unit"
    HIDE_ENTRIES = "hide-entries"


class Action(_Named):
    """A change to a measure (pv_action). The values are the names pv_action_name() returns,
    the C enum names without the prefix (PV_ACTION_BLOCK_GUARDIAN is "block_guardian")."""

    LOCK_LOGIN = "lock_login"
    UNLOCK_LOGIN = "unlock_login"
    SEAL = "seal"
    UNSEAL = "unseal"
    BLOCK_GUARDIAN = "block_guardian"
    UNBLOCK_GUARDIAN = "unblock_guardian"
    GRANT_DIRECT_ACCESS = "grant_direct_access"
    REMOVE_DIRECT_ACCESS = "remove_direct_access"
    REGISTER_REPRESENTATIVE = "register_representative"


class Role(_Named):
    """Who asks to change a measure (pv_role, RULES.md section 7)."""

    CITIZEN = "citizen"
    GUARDIAN = "guardian"
    RELATIVE = "relative"
    REPRESENTATIVE = "representative"
    CARE = "care"
    SUPPORT = "support"
    CENTRAL_SUPPORT = "central_support"


class Part(_Named):
    """What part of a change a role plays (pv_part)."""

    NONE = "none"
    ASK = "ask"
    DECIDE = "decide"
    EXECUTE = "execute"


class AdviceKind(_Named):
    """The kinds of consistency advice (pv_advice_kind, RULES.md section 5)."""

    BLOCK_WITHOUT_LOCK = "block_without_lock"
    PROTECTED_WITHOUT_MEASURES = "protected_without_measures"
    CHILD_LOCK_CUTS_ALL_GUARDIANS = "child_lock_cuts_all_guardians"
    LOCK_WITHOUT_CASE_NUMBER = "lock_without_case_number"


GOAL_KINDS_FROM_C = _from_c(GoalKind, _c.GOAL_KIND_COUNT, _c.goal_kind_name)
ROLES_FROM_C = _from_c(Role, _c.ROLE_COUNT, _c.role_name)
PARTS_FROM_C = _from_c(Part, _c.PART_COUNT, _c.part_name)
ACTIONS_FROM_C = sorted(Action, key=lambda a: int(getattr(_c, "ACTION_" + a.name)))
if [int(getattr(_c, "ACTION_" + a.name)) for a in ACTIONS_FROM_C] != list(range(_c.ACTION_COUNT)):
    raise ImportError("portvakt.Action does not match the C library")  # pragma: no cover
ADVICE_KINDS_FROM_C = sorted(AdviceKind, key=lambda k: int(getattr(_c, "ADVICE_" + k.name)))
if len(ADVICE_KINDS_FROM_C) != _c.ADVICE_KIND_COUNT:
    raise ImportError("portvakt.AdviceKind does not match the C library")  # pragma: no cover

GOAL_KIND_TO_C = _to_c(GOAL_KINDS_FROM_C)
ROLE_TO_C = _to_c(ROLES_FROM_C)
ACTION_TO_C = _to_c(ACTIONS_FROM_C)

# The action names are the library's own (pv_action_name); a mismatch is a build error.
_ACTION_NAMES: Dict[str, Action] = {a.value: a for a in Action}
if any(_c.action_name(ACTION_TO_C[a]) != a.value for a in Action):
    raise ImportError("portvakt.Action does not match the C library")  # pragma: no cover


def _enum(cls: Any, value: object, path: str, names: Optional[Dict[str, Any]] = None) -> Any:
    if isinstance(value, cls):
        return value
    if not isinstance(value, str):
        raise InvalidType(path, f"must be a str, not {_type_name(value)}")
    table = names if names is not None else {m.value: m for m in cls}
    found = table.get(value)
    if found is None:
        raise InvalidInput(path, f"{value!r} is not one of {', '.join(sorted(table))}")
    return found


# ---- The record ----------------------------------------------------------------------------------


def _citizen(citizen: object) -> Any:
    """The C form of 'citizen'; InvalidType if it is not a Citizen."""
    return check_instance(citizen, Citizen, "citizen")._mirror()


def _decision_json(d: Decision) -> Dict[str, Any]:
    return {
        "effect": d.effect.value,
        "reason": d.reason.value,
        "reasons": [r.value for r in d.reasons],
        "rule": d.rule,
        "filtered": d.filtered,
        "changes_on": _iso(d.changes_on),
    }


# ---- Who can see what ---------------------------------------------------------------------------


def who_can_see(citizen: Citizen, on: date) -> List[AccessRow]:
    """Who can see what of 'citizen' on 'on': for the citizen, each guardian and each
    representative (in that order), the e-services, the whole journal and each unit named in
    the record (seals, then grants), each with its decision. Every actor is taken as logged in
    with BankID and without an own lock or seal; the journal is asked through the direct
    channel, which the citizen's login lock does not close (E2). Raises InvalidInput for a
    malformed record."""
    check_on(on)
    out: List[AccessRow] = []
    # A record at the caps gives 8,514 rows of 33 actors and 258 services: each actor and each
    # service is built once and shared by its rows (they are frozen).
    actors: Dict[Tuple[int, Optional[str]], Actor] = {}
    services: Dict[Tuple[int, int, Optional[str]], Service] = {}
    for kind, actor_id, service, unit, channel, record in _c.beyond_who_can_see(_citizen(citizen), on):
        actor = actors.get((kind, actor_id))
        if actor is None:
            actor = actors[kind, actor_id] = Actor(given(ACTOR_KINDS_FROM_C[kind]), actor_id)
        svc = services.get((service, channel, unit))
        if svc is None:
            svc = services[service, channel, unit] = Service(
                given(SERVICE_KINDS_FROM_C[service]), given(CHANNELS_FROM_C[channel]), unit
            )
        out.append(AccessRow(actor, svc, decode(record, actor.kind)))
    return out


# ---- Timelines ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class TimelineStep:
    """From ``from_`` on (until the next step), the decision is ``decision``."""

    from_: date
    decision: Decision

    def to_json(self) -> Dict[str, Any]:
        """``{"from", "effect", "reason", "reasons", "rule", "filtered", "changes_on"}``."""
        out: Dict[str, Any] = {"from": self.from_.isoformat()}
        out.update(_decision_json(self.decision))
        return out


def actor_named(citizen: Citizen, name: Union[Actor, str]) -> Actor:
    """The actor 'name' stands for in 'citizen': ``"self"``, the id of a guardian or of a
    representative, or ``"guardian:ID"`` / ``"representative:ID"`` when an id is both. An Actor
    is returned as it is. Raises InvalidInput("actor", ...) for a name the record does not
    hold."""
    if isinstance(name, Actor):
        return name
    if not isinstance(name, str):
        raise InvalidType("actor", f"must be a portvakt.Actor or a str, not {_type_name(name)}")
    if not isinstance(citizen, Citizen):
        raise InvalidType("citizen", f"must be a portvakt.Citizen, not {_type_name(citizen)}")
    if name == "self":
        return Actor.self()
    kind, _, rest = name.partition(":")
    # Up to the first past each cap (section 8): a longer record is refused when it is decided.
    guardians = [g.id for g in itertools.islice(citizen.guardians, _c.MAX_GUARDIANS + 1)]
    representatives = [r.id for r in itertools.islice(citizen.representatives, _c.MAX_REPRESENTATIVES + 1)]
    if rest and kind == "guardian" and rest in guardians:
        return Actor.guardian(rest)
    if rest and kind == "representative" and rest in representatives:
        return Actor.representative(rest)
    if name in guardians:
        return Actor.guardian(name)
    if name in representatives:
        return Actor.representative(name)
    raise InvalidInput("actor", f"{name!r} is not self, a guardian or a representative of the record")


def service_named(
    name: Union[Service, str],
    unit: Optional[str] = None,
    channel: Union[Channel, str] = Channel.DIRECT,
) -> Service:
    """The service ``"e_services"`` (through the portal) or ``"journal"`` (whole, or 'unit',
    through 'channel': the direct channel by default, as :func:`who_can_see` asks). A Service is
    returned as it is."""
    if isinstance(name, Service):
        return name
    kind = _enum(ServiceKind, name, "service")
    if kind is ServiceKind.E_SERVICES:
        if unit is not None:
            raise InvalidInput("unit", "e-services are asked without a unit")
        return Service.e_services()
    return Service.journal(unit, channel=_enum(Channel, channel, "channel"))


def timeline(
    citizen: Citizen,
    actor: Union[Actor, str],
    service: Union[Service, str],
    start: date,
    end: date,
    *,
    unit: Optional[str] = None,
    channel: Union[Channel, str] = Channel.DIRECT,
) -> List[TimelineStep]:
    """The decisions of 'actor' for 'service' from 'start' to 'end' (both inclusive): the first
    step is the decision on 'start', each further step the date on which it changes (T1) and
    the new decision. 'actor' and 'service' may be given by name (see :func:`actor_named`,
    :func:`service_named`; 'unit' and 'channel' then complete the service). Raises InvalidInput
    for bad dates, 'end' before 'start', or a record that is malformed on 'start'."""
    for value, path in ((start, "from"), (end, "until")):
        check_on(value, path)
    who = actor_named(citizen, actor)
    what = service_named(service, unit, channel)
    steps = _c.beyond_timeline(*proxies(citizen, who, what), start, end)
    return [TimelineStep(given(start_of), decode(record, who.kind)) for start_of, record in steps]


# ---- Advice -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Advice:
    """One consistency advice: the record does not follow routine ``routine`` (section 5)."""

    kind: AdviceKind
    routine: str
    source: str
    guardian: Optional[str]
    message: str

    def to_json(self) -> Dict[str, Any]:
        """``{"id": routine, "kind", "guardian", "source", "message"}``."""
        return {
            "id": self.routine,
            "kind": self.kind.value,
            "guardian": self.guardian,
            "source": self.source,
            "message": self.message,
        }


def advise(citizen: Citizen, on: date) -> List[Advice]:
    """Checks the record against the routines of RULES.md section 5 on 'on': M-GUARD (a blocked
    guardian while the child's login is open), M-PROT (protected identity without the child's
    lock and a whole seal), M-13 (a locked child under 13 with guardians who are not blocked)
    and X1 (a lock without a case number). An empty list: the record follows the routines."""
    check_on(on)
    items = _c.beyond_advise(_citizen(citizen), on)
    return [
        Advice(ADVICE_KINDS_FROM_C[kind], given(routine), given(source), guardian, given(message))
        for kind, routine, source, guardian, message in items
    ]


# ---- Plans --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Goal:
    """What a plan should achieve: the citizen reaches nothing; no journal; guardian 'guardian'
    reaches nothing; unit 'unit' is hidden from 'from_' (or from the plan's date); the entries
    of 'unit' registered in ['from_', 'until'] are hidden."""

    kind: GoalKind
    guardian: Optional[str] = None
    unit: Optional[str] = None
    from_: Optional[date] = None
    until: Optional[date] = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", _enum(GoalKind, self.kind, "goal.kind"))

    @classmethod
    def parse(cls, text: str) -> "Goal":
        """A goal from its command-line form: ``nothing``, ``no-journal``, ``guardian:ID``,
        ``hide-unit:U``, ``hide-unit:U:FROM``, ``hide-entries:U:FROM:UNTIL`` (dates
        YYYY-MM-DD). Raises InvalidInput("goal", ...)."""
        from ._json import parse_date

        if not isinstance(text, str):
            raise InvalidType("goal", f"must be a str, not {_type_name(text)}")
        word, _, rest = text.partition(":")
        kind = _enum(GoalKind, word, "goal")
        parts = rest.split(":") if rest else []
        shapes = {
            GoalKind.NOTHING: (0, 0),
            GoalKind.NO_JOURNAL: (0, 0),
            GoalKind.GUARDIAN: (1, 1),
            GoalKind.HIDE_UNIT: (1, 2),
            GoalKind.HIDE_ENTRIES: (3, 3),
        }
        low, high = shapes[kind]
        if not low <= len(parts) <= high:
            forms = {
                GoalKind.NOTHING: "nothing",
                GoalKind.NO_JOURNAL: "no-journal",
                GoalKind.GUARDIAN: "guardian:ID",
                GoalKind.HIDE_UNIT: "hide-unit:UNIT or hide-unit:UNIT:FROM",
                GoalKind.HIDE_ENTRIES: "hide-entries:UNIT:FROM:UNTIL",
            }
            raise InvalidInput("goal", f"{text!r} is not of the form {forms[kind]}")
        if kind is GoalKind.GUARDIAN:
            return cls(kind, guardian=parts[0])
        if kind is GoalKind.HIDE_UNIT:
            start = parse_date(parts[1], "goal.from") if len(parts) > 1 else None
            return cls(kind, unit=parts[0], from_=start)
        if kind is GoalKind.HIDE_ENTRIES:
            return cls(kind, unit=parts[0], from_=parse_date(parts[1], "goal.from"),
                       until=parse_date(parts[2], "goal.until"))
        return cls(kind)

    def __str__(self) -> str:
        if self.kind is GoalKind.GUARDIAN:
            return f"guardian:{self.guardian}"
        if self.kind is GoalKind.HIDE_UNIT:
            return f"hide-unit:{self.unit}" + (f":{self.from_.isoformat()}" if self.from_ else "")
        if self.kind is GoalKind.HIDE_ENTRIES:
            return f"hide-entries:{self.unit}:{_iso(self.from_)}:{_iso(self.until)}"
        return str(self.kind.value)


def _seal_json(seal: Seal) -> Dict[str, Any]:
    return {
        "scope": seal.scope.value,
        "unit": seal.unit,
        "active": {"from": _iso(seal.active.from_), "until": _iso(seal.active.until)},
        "content": None
        if seal.content is None
        else {"from": _iso(seal.content.from_), "until": _iso(seal.content.until)},
        "requested_by": seal.requested_by.value,
    }


@dataclass(frozen=True)
class Measure:
    """One measure of a plan: the action, what it applies to (a guardian, or the seal to set)
    and the routine or rule that calls for it. A measure with a ``condition`` is taken only
    when the condition holds, and is not applied in the proof."""

    action: Action
    routine: str
    guardian: Optional[str] = None
    seal: Optional[Seal] = None
    condition: Optional[str] = None

    @property
    def conditional(self) -> bool:
        return self.condition is not None

    def to_json(self) -> Dict[str, Any]:
        """``{"id": routine, "action", "guardian", "seal": {...}|null, "condition"}``."""
        return {
            "id": self.routine,
            "action": self.action.value,
            "guardian": self.guardian,
            "seal": None if self.seal is None else _seal_json(self.seal),
            "condition": self.condition,
        }


@dataclass(frozen=True)
class Plan:
    """The measures for a goal and their proof over time: ``holds`` is true when the goal holds
    on the record with the unconditional measures applied, for every affected actor, service,
    channel and query, on ``proven_on`` and on every later date up to ``horizon`` on which one
    of those decisions changes (T1, H2); ``fails_on`` is the first date on which it does not
    (None when it holds). ``checked`` is the number of decisions the proof evaluated."""

    goal: Goal
    measures: Tuple[Measure, ...]
    holds: bool
    checked: int
    proven_on: date
    horizon: Optional[date] = None
    fails_on: Optional[date] = None

    def without(self, routine: str) -> Tuple[Measure, ...]:
        """The measures of the plan but those that 'routine' calls for (``"M-PROT"`` ...), for
        :func:`prove`."""
        return tuple(m for m in self.measures if m.routine != routine)

    def to_json(self) -> Dict[str, Any]:
        """``{"goal", "measures": [...], "proof": {"holds", "checked", "proven_on", "horizon",
        "fails_on"}}``."""
        return {
            "goal": str(self.goal),
            "measures": [m.to_json() for m in self.measures],
            "proof": {
                "holds": self.holds,
                "checked": self.checked,
                "proven_on": _iso(self.proven_on),
                "horizon": _iso(self.horizon),
                "fails_on": _iso(self.fails_on),
            },
        }


def _goal_args(goal: object, horizon: object) -> Tuple[Goal, Tuple[Any, Any, Any, Any, Any, Any]]:
    """The Goal of 'goal' (a Goal or its command-line form) and the goal's arguments of the C
    glue: kind, guardian, unit, from, until, horizon."""
    g = Goal.parse(goal) if isinstance(goal, str) else goal
    if not isinstance(g, Goal):
        raise InvalidType("goal", f"must be a portvakt.Goal or a str, not {_type_name(goal)}")
    for value, path in ((g.guardian, "goal.guardian"), (g.unit, "goal.unit")):
        if value is not None and not isinstance(value, str):
            raise InvalidType(path, f"must be a str, not {_type_name(value)}")
    for when, path in ((g.from_, "goal.from"), (g.until, "goal.until"), (horizon, "goal.horizon")):
        if when is not None and not is_date(when):
            raise InvalidType(path, f"must be a datetime.date, not {_type_name(when)}")
    return g, (GOAL_KIND_TO_C[g.kind], g.guardian, g.unit, g.from_, g.until, horizon)


def plan(citizen: Citizen, goal: Union[Goal, str], on: date, horizon: Optional[date] = None) -> Plan:
    """Plans the measures the routines of RULES.md section 5 call for to reach 'goal' (a Goal or
    its command-line form, see :meth:`Goal.parse`) and proves the plan by evaluation, on 'on'
    and on every date up to 'horizon' on which a decision it depends on changes (by default the
    citizen's 18th birthday, or five years for an adult). Raises InvalidInput for a malformed
    record or goal (``goal.guardian``, ``goal.unit``, ``goal.from`` ..., ``goal.horizon`` for a
    horizon before the proof's first day)."""
    check_on(on)
    g, args = _goal_args(goal, horizon)
    measures, proof = _c.beyond_plan(_citizen(citizen), *args, on)
    out = []
    for action, routine, guardian, seal, condition in measures:
        s = None
        if seal is not None:
            scope, unit, a_from, a_until, has_content, c_from, c_until, requested_by = seal
            s = Seal(
                SEAL_SCOPES_FROM_C[scope],
                unit,
                Interval(a_from, a_until),
                Interval(c_from, c_until) if has_content else None,
                REQUESTERS_FROM_C[requested_by],
            )
        out.append(Measure(ACTIONS_FROM_C[action], routine, guardian, s, condition))
    holds, checked, proven_on, last, fails_on = proof
    return Plan(g, tuple(out), bool(holds), int(checked), proven_on, last, fails_on)


def prove(
    citizen: Citizen,
    goal: Union[Goal, str],
    on: date,
    measures: Sequence[Measure],
    horizon: Optional[date] = None,
) -> Plan:
    """Proves a plan of the caller's, as :func:`plan` proves its own: the measures (a lock of the
    citizen's login, seals and guardian blocks; one with a condition is not applied) hold from
    the proof's first day on. For instance the plan without the measures of one routine::

        p = plan(child, "guardian:g1", on)
        prove(child, "guardian:g2", on, p.without("M-PROT")).fails_on

    Raises InvalidInput as :func:`plan` does, and for a measure that cannot be applied
    (``plan.measures[0].guardian`` ...)."""
    check_on(on)
    g, args = _goal_args(goal, horizon)
    if isinstance(measures, (str, bytes)) or not isinstance(measures, Sequence):
        raise InvalidType("measures", f"must be a sequence of portvakt.Measure, not {_type_name(measures)}")
    given: List[Measure] = []
    items = []
    for i, m in enumerate(measures):
        if not isinstance(m, Measure):
            raise InvalidType(f"measures[{i}]", f"must be a portvakt.Measure, not {_type_name(m)}")
        action = _enum(Action, m.action, f"measures[{i}].action", _ACTION_NAMES)
        seal = None
        if m.seal is not None:
            if not isinstance(m.seal, Seal):
                raise InvalidType(f"measures[{i}].seal", f"must be a portvakt.Seal or None, not {_type_name(m.seal)}")
            seal = m.seal._to_c(f"measures[{i}].seal")
        items.append((ACTION_TO_C[action], m.guardian, seal, m.condition))
        given.append(m)
    holds, checked, proven_on, last, fails_on = _c.beyond_prove(_citizen(citizen), *args, on, items)
    return Plan(g, tuple(given), bool(holds), int(checked), proven_on, last, fails_on)


# ---- Who may change a measure -------------------------------------------------------------------


@dataclass(frozen=True)
class Permission:
    """May a role take part in a change (RULES.md section 7)? ``part`` is the strongest part it
    plays, ``rule`` the rule that answers (X1 ... X7), ``conditions`` English sentences."""

    allowed: bool
    part: Part
    rule: str
    conditions: Tuple[str, ...] = field(default=())

    def to_json(self) -> Dict[str, Any]:
        """``{"allowed", "part", "rule", "conditions": [...]}``."""
        return {
            "allowed": self.allowed,
            "part": self.part.value,
            "rule": self.rule,
            "conditions": list(self.conditions),
        }


def may_change(
    requester: Union[Role, str],
    action: Union[Action, str],
    citizen: Citizen,
    on: date,
    measure: Optional[int] = None,
) -> Permission:
    """May 'requester' (a Role or its name) take part in 'action' (an Action or its name) on
    'citizen'? 'measure' is the index of the seal (``unseal``: who set it matters, X4) or of the
    guardian (``block_guardian``, ``unblock_guardian``) concerned. Raises InvalidInput for an
    unknown role or action, a malformed record, or a measure that names nothing."""
    check_on(on)
    role = _enum(Role, requester, "requester")
    act = _enum(Action, action, "action", _ACTION_NAMES)
    if measure is None:
        index = -1
    elif isinstance(measure, bool) or not isinstance(measure, int):
        raise InvalidType("measure", f"must be an int or None, not {_type_name(measure)}")
    elif measure < 0:
        raise InvalidInput("measure", "must not be negative")
    elif measure >= 2**31:
        # No record holds that many seals or guardians (RULES.md section 8 caps them).
        raise InvalidInput("measure", "names no seal or guardian of the citizen")
    else:
        index = measure
    allowed, part, rule, conditions = _c.beyond_may_change(
        ROLE_TO_C[role], ACTION_TO_C[act], _citizen(citizen), index, on
    )
    return Permission(bool(allowed), PARTS_FROM_C[part], RULE_NAMES[rule], tuple(conditions))


def _lane_label(actor: Actor, service: Service) -> str:
    who = "self" if actor.kind is ActorKind.SELF else f"{actor.kind.value} {actor.id}"
    if service.kind is ServiceKind.E_SERVICES:
        what = "e-services"
    elif service.unit is None:
        what = "journal"
    else:
        what = f"journal {service.unit}"
    if service.kind is ServiceKind.JOURNAL and service.channel is Channel.PORTAL:
        what += " (portal)"
    return f"{who} · {what}"




def rule_text(rule: str) -> str:
    """"X4 (seed 001, 004): summary" for a rule id, for a person to read."""
    if not rule:
        return "-"
    try:
        return f"{rule} ({rule_source(rule)}): {rule_summary(rule)}"
    except InvalidInput:
        return rule
