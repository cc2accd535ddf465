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

The library never reads a clock: every date is an argument.
"""

from . import cportvakt
from ._batch import Outcomes, evaluate_many
from ._decision import (
    RULES,
    Access,
    AccessRow,
    Decision,
    decide,
    evaluate,
    generic_message,
    message,
    rule_source,
    rule_summary,
    validate,
    what_can_see,
)
from ._enums import (
    ActorKind,
    Channel,
    Effect,
    Eid,
    Language,
    PnrKind,
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
from ._pnr import Personnummer, age_on, birthday, parse_personnummer
from ._audit import Audit, Finding, LogAccess, RecordsError, Summary, audit, read_records, stockholm_date
from . import beyond
from .beyond import (
    Action,
    Advice,
    AdviceKind,
    Goal,
    GoalKind,
    Measure,
    Part,
    Permission,
    Plan,
    Role,
    TimelineStep,
    advise,
    may_change,
    plan,
    prove,
    timeline,
    timeline_svg,
    who_can_see,
)

#: The version of the C library the package runs on ("MAJOR.MINOR.PATCH").
__version__: str = cportvakt.version()

__all__ = [
    "Access",
    "Audit",
    "Finding",
    "LogAccess",
    "RecordsError",
    "Summary",
    "audit",
    "read_records",
    "stockholm_date",
    "Actor",
    "ActorKind",
    "Channel",
    "Citizen",
    "Decision",
    "Effect",
    "Eid",
    "GRANT_HOLDER_SELF",
    "Grant",
    "Guardian",
    "Interval",
    "InvalidInput",
    "InvalidType",
    "Language",
    "LockPeriod",
    "Outcomes",
    "Personnummer",
    "PnrKind",
    "RULES",
    "Reason",
    "RepresentativeKind",
    "Representative",
    "Requester",
    "Seal",
    "SealScope",
    "Service",
    "ServiceKind",
    "age_on",
    "birthday",
    "decide",
    "evaluate",
    "evaluate_many",
    "generic_message",
    "message",
    "parse_personnummer",
    "rule_source",
    "rule_summary",
    "validate",
    "what_can_see",
]

# The questions beyond a yes/no: the names portvakt.beyond exports, imported above.
__all__ += beyond.__all__
