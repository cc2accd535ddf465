"""The enums of portvakt. Each mirrors a C enum; the values are the names of the JSON format
(RULES.md section 10) and of the C name functions, and the members are in C order.

Where 0 is not a value of the C enum but "unset" (actor kind, e-ID, service kind, seal scope,
representative kind: a struct left at 0 is invalid input), the C name function gives no name
for it and the Python enum has no member for it: the tables ``*_FROM_C`` hold None there."""

from __future__ import annotations

import enum
from typing import Callable, Dict, List, Optional, Sequence, Type, TypeVar

from . import cportvakt as _c

__all__ = [
    "ActorKind",
    "Eid",
    "ServiceKind",
    "Channel",
    "SealScope",
    "Requester",
    "RepresentativeKind",
    "Effect",
    "Reason",
    "PnrKind",
    "Language",
]


class _Named(str, enum.Enum):
    """An enum whose value is its JSON name; it compares equal to that str."""

    def __str__(self) -> str:
        return str(self.value)


class ActorKind(_Named):
    """Who is trying to reach the citizen (pv_actor_kind)."""

    SELF = "self"
    GUARDIAN = "guardian"
    REPRESENTATIVE = "representative"
    OTHER = "other"


class Eid(_Named):
    """How the actor authenticated (pv_eid); only BankID and Freja+ let anyone in (E1)."""

    BANKID = "bankid"
    FREJA_PLUS = "freja_plus"
    FREJA = "freja"
    PASSWORD = "password"
    OTHER = "other"
    NONE = "none"


class ServiceKind(_Named):
    """What is being reached (pv_service_kind)."""

    E_SERVICES = "e_services"
    JOURNAL = "journal"


class Channel(_Named):
    """How the journal is reached (pv_channel, E2)."""

    PORTAL = "portal"
    DIRECT = "direct"


class SealScope(_Named):
    """The scope of a journal seal (pv_seal_scope, J1, J2)."""

    WHOLE = "whole"
    UNIT = "unit"


class Requester(_Named):
    """Who asked for a lock or a seal (pv_requester, J6)."""

    CARE = "care"
    CITIZEN = "citizen"


class RepresentativeKind(_Named):
    """The kind of a legal representative's appointment (pv_representative_kind)."""

    GOD_MAN = "god_man"
    FORVALTARE = "forvaltare"


class Effect(_Named):
    """Permit or deny (pv_effect)."""

    DENY = "deny"
    PERMIT = "permit"


class Reason(_Named):
    """Why (pv_reason): the permit bases, INVALID_INPUT, then the deny reasons in RULES.md order."""

    SELF = "SELF"
    GUARDIAN_PROXY = "GUARDIAN_PROXY"
    DIRECT_ACCESS = "DIRECT_ACCESS"
    REPRESENTATIVE = "REPRESENTATIVE"
    INVALID_INPUT = "INVALID_INPUT"
    NOT_RELATED = "NOT_RELATED"
    NO_EID = "NO_EID"
    LOGIN_LOCKED = "LOGIN_LOCKED"
    OWN_JOURNAL_SEALED = "OWN_JOURNAL_SEALED"
    UNDER_13 = "UNDER_13"
    UNDER_16 = "UNDER_16"
    PROXY_ENDED = "PROXY_ENDED"
    REPRESENTATIVE_JOURNAL_ONLY = "REPRESENTATIVE_JOURNAL_ONLY"
    REPRESENTATIVE_INCOMPLETE = "REPRESENTATIVE_INCOMPLETE"
    GUARDIAN_BLOCKED = "GUARDIAN_BLOCKED"
    PROTECTED_IDENTITY = "PROTECTED_IDENTITY"
    CHILD_LOGIN_LOCKED = "CHILD_LOGIN_LOCKED"
    JOURNAL_SEALED = "JOURNAL_SEALED"
    UNIT_SEALED = "UNIT_SEALED"
    ENTRY_SEALED = "ENTRY_SEALED"

    @property
    def effect(self) -> "Effect":
        """The effect this reason stands for: permit for the four permit bases."""
        effect: Effect = EFFECTS_FROM_C[_c.reason_effect(REASON_TO_C[self])]
        return effect


class PnrKind(_Named):
    """What kind of identity number was parsed (pv_pnr_kind, section 9)."""

    PERSONNUMMER = "personnummer"
    SAMORDNINGSNUMMER = "samordningsnummer"
    INTERIM = "interim"


class Language(_Named):
    """The language of a message (pv_language)."""

    SV = "sv"
    EN = "en"


E = TypeVar("E", bound=_Named)


def _from_c(cls: Type[E], count: int, name_of: Callable[[int], Optional[str]]) -> List[Optional[E]]:
    """The members of 'cls' indexed by their C value, checked against the C names: every C value
    from 0 to count - 1 that has a name is a member, in C order, and every member is one; a
    value without a name (the unset 0 of some enums) is None in the table."""
    try:
        members = [None if name_of(i) is None else cls(name_of(i)) for i in range(count)]
    except ValueError:
        raise ImportError(f"portvakt.{cls.__name__} does not match the C library") from None
    if [m for m in members if m is not None] != list(cls):
        raise ImportError(f"portvakt.{cls.__name__} does not match the C library")
    return members


def _to_c(members: Sequence[Optional[E]]) -> Dict[E, int]:
    """The C value of each member of a table of _from_c."""
    return {m: i for i, m in enumerate(members) if m is not None}


ACTOR_KINDS_FROM_C = _from_c(ActorKind, _c.ACTOR_KIND_COUNT, _c.actor_kind_name)
EIDS_FROM_C = _from_c(Eid, _c.EID_COUNT, _c.eid_name)
SERVICE_KINDS_FROM_C = _from_c(ServiceKind, _c.SERVICE_KIND_COUNT, _c.service_kind_name)
CHANNELS_FROM_C = _from_c(Channel, _c.CHANNEL_COUNT, _c.channel_name)
SEAL_SCOPES_FROM_C = _from_c(SealScope, _c.SEAL_SCOPE_COUNT, _c.seal_scope_name)
REQUESTERS_FROM_C = _from_c(Requester, _c.REQUESTER_COUNT, _c.requester_name)
REPRESENTATIVE_KINDS_FROM_C = _from_c(
    RepresentativeKind, _c.REPRESENTATIVE_KIND_COUNT, _c.representative_kind_name
)
EFFECTS_FROM_C = _from_c(Effect, _c.EFFECT_COUNT, _c.effect_name)
REASONS_FROM_C = _from_c(Reason, _c.REASON_COUNT, _c.reason_name)
PNR_KINDS_FROM_C = _from_c(PnrKind, _c.PNR_KIND_COUNT, _c.pnr_kind_name)
LANGUAGES_FROM_C = [Language.SV, Language.EN]
if len(LANGUAGES_FROM_C) != _c.LANGUAGE_COUNT:  # pragma: no cover
    raise ImportError("portvakt.Language does not match the C library")

ACTOR_KIND_TO_C = _to_c(ACTOR_KINDS_FROM_C)
EID_TO_C = _to_c(EIDS_FROM_C)
SERVICE_KIND_TO_C = _to_c(SERVICE_KINDS_FROM_C)
CHANNEL_TO_C = _to_c(CHANNELS_FROM_C)
SEAL_SCOPE_TO_C = _to_c(SEAL_SCOPES_FROM_C)
REQUESTER_TO_C = _to_c(REQUESTERS_FROM_C)
REPRESENTATIVE_KIND_TO_C = _to_c(REPRESENTATIVE_KINDS_FROM_C)
REASON_TO_C = _to_c(REASONS_FROM_C)
LANGUAGE_TO_C = _to_c(LANGUAGES_FROM_C)
