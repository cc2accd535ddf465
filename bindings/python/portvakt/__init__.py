"""portvakt — the access rules of the 1177 patient portal, from Python.

May this person, on this date, reach this citizen's e-services or journal, and if not, why not?
The rules are those of RULES.md (rule ids such as G1, J4 are named in decisions); the work is done
by the C library through the SWIG module :mod:`portvakt.cportvakt`.

    >>> from datetime import date
    >>> import portvakt as pv
    >>> child = pv.Citizen(birth_date=date(2014, 6, 15),
    ...                    guardians=[pv.Guardian("anna"), pv.Guardian("bertil", blocked=True)])
    >>> d = pv.evaluate(child, pv.Actor.guardian("bertil"), pv.Service.journal(), date(2026, 11, 22))
    >>> d.effect, d.reason, d.rule
    (<Effect.DENY: 'deny'>, <Reason.GUARDIAN_BLOCKED: 'GUARDIAN_BLOCKED'>, 'G3')

The names here are the model, the decision and its types, and the errors. The rest lives in
namespaces, each imported when first used:

- :mod:`portvakt.beyond`: the questions beyond a yes/no (who_can_see, what_can_see, timeline,
  advise, plan, prove, may_change);
- :mod:`portvakt.audit`: the audit of access logs (H5): ``portvakt.audit.run(records, log)``;
- :mod:`portvakt.conformance`: the conformance vectors;
- :mod:`portvakt.picture`: the SVG picture of the timelines;
- :mod:`portvakt.rules`: the rule catalogue and the messages (M1);
- :mod:`portvakt.pnr`: personnummer and ages (N1 to N7, A1 to A3).

A name that moved into a namespace still works from here for one release, with a
DeprecationWarning that names its new place.

The library never reads a clock: every date is an argument.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Dict, Tuple

from . import cportvakt as cportvakt  # the SWIG module, a name of the package (not in __all__)
from ._batch import evaluate_many
from ._codec import Decision, Outcomes
from ._decision import Prepared, decide, evaluate, prepare, validate
from ._enums import (
    ActorKind,
    Channel,
    Effect,
    Eid,
    Reason,
    RepresentativeKind,
    Requester,
    SealScope,
    ServiceKind,
)
from ._errors import InvalidInput, InvalidType
from ._model import (
    GRANT_HOLDER_SELF,
    Actor,
    Citizen,
    Grant,
    Guardian,
    Interval,
    LockPeriod,
    Representative,
    Seal,
    Service,
)

if TYPE_CHECKING:  # pragma: no cover - the namespaces, as type checkers see them
    from . import audit, beyond, conformance, picture, pnr, rules

#: The version of the C library the package runs on ("MAJOR.MINOR.PATCH").
__version__: str = cportvakt.version()

__all__ = [
    # the model (RULES.md section 10)
    "Actor",
    "Citizen",
    "GRANT_HOLDER_SELF",
    "Grant",
    "Guardian",
    "Interval",
    "LockPeriod",
    "Representative",
    "Seal",
    "Service",
    # the kinds the model is written with
    "ActorKind",
    "Channel",
    "Eid",
    "RepresentativeKind",
    "Requester",
    "SealScope",
    "ServiceKind",
    # the decision
    "evaluate",
    "evaluate_many",
    "prepare",
    "Prepared",
    "decide",
    "validate",
    "Decision",
    "Effect",
    "Outcomes",
    "Reason",
    # the errors
    "InvalidInput",
    "InvalidType",
]

#: The namespaces, imported on first use (a command that decides one request never loads the
#: audit or the pictures).
_NAMESPACES = frozenset(("audit", "beyond", "conformance", "picture", "pnr", "rules"))

#: The names that moved (deprecated here for one release): old name -> (namespace, new name).
_MOVED: Dict[str, Tuple[str, str]] = {
    # the decision's texts and the rule catalogue
    "RULES": ("rules", "RULES"),
    "Language": ("rules", "Language"),
    "message": ("rules", "message"),
    "generic_message": ("rules", "generic_message"),
    "rule_source": ("rules", "rule_source"),
    "rule_summary": ("rules", "rule_summary"),
    # personnummer and ages
    "Personnummer": ("pnr", "Personnummer"),
    "PnrKind": ("pnr", "PnrKind"),
    "parse_personnummer": ("pnr", "parse_personnummer"),
    "age_on": ("pnr", "age_on"),
    "birthday": ("pnr", "birthday"),
    # the audit (portvakt.audit(records, log) itself: see portvakt.audit)
    "Audit": ("audit", "Audit"),
    "Finding": ("audit", "Finding"),
    "LogAccess": ("audit", "LogAccess"),
    "RecordsError": ("audit", "RecordsError"),
    "Summary": ("audit", "Summary"),
    "read_records": ("audit", "read_records"),
    "stockholm_date": ("audit", "stockholm_date"),
    # the questions beyond a yes/no ("Access" was a second name of AccessRow)
    "Access": ("beyond", "AccessRow"),
    "AccessRow": ("beyond", "AccessRow"),
    "what_can_see": ("beyond", "what_can_see"),
    "who_can_see": ("beyond", "who_can_see"),
    "Action": ("beyond", "Action"),
    "Advice": ("beyond", "Advice"),
    "AdviceKind": ("beyond", "AdviceKind"),
    "Goal": ("beyond", "Goal"),
    "GoalKind": ("beyond", "GoalKind"),
    "Measure": ("beyond", "Measure"),
    "Part": ("beyond", "Part"),
    "Permission": ("beyond", "Permission"),
    "Plan": ("beyond", "Plan"),
    "Role": ("beyond", "Role"),
    "TimelineStep": ("beyond", "TimelineStep"),
    "advise": ("beyond", "advise"),
    "may_change": ("beyond", "may_change"),
    "plan": ("beyond", "plan"),
    "prove": ("beyond", "prove"),
    "timeline": ("beyond", "timeline"),
    # the picture
    "timeline_svg": ("picture", "timeline_svg"),
}


def __getattr__(name: str) -> Any:
    """A namespace, imported on first use; or a name that moved, with a DeprecationWarning."""
    if name in _NAMESPACES:
        return importlib.import_module(f"{__name__}.{name}")
    moved = _MOVED.get(name)
    if moved is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import warnings

    namespace, new = moved
    warnings.warn(
        f"portvakt.{name} is deprecated and goes in the next release: use portvakt.{namespace}.{new}",
        DeprecationWarning,
        stacklevel=2,
    )
    return getattr(importlib.import_module(f"{__name__}.{namespace}"), new)


def __dir__() -> Any:
    return sorted(set(globals()) | _NAMESPACES)
