"""Types of portvakt.cportvakt, the SWIG module of the C library (bindings/python/cportvakt.i
over bindings/portvakt.i): its structs, constants and functions as the package calls them.
test_thin_bindings.py checks that this stub names exactly what the module exports."""

import datetime as _dt
from typing import Any, List, Optional, Sequence, Tuple, Union

_Date = Union[_dt.date, int, None]
_Answer = Tuple[bytes, bytes, int, int, Optional[str], Optional[str]]

class InvalidInput(ValueError):
    field: str
    detail: str
    decision: Any
    index: Optional[int]
    def __init__(self, field: str, detail: str) -> None: ...

class InvalidType(InvalidInput, TypeError): ...

class Prepared:
    @property
    def citizen(self) -> Optional[citizen]: ...
    def evaluate(self, actor: Optional[actor], service: Optional[service], on: _Date) -> bytes: ...
    def evaluate_many(self, actors: Sequence[actor], services: Sequence[service], on: _Date) -> _Answer: ...

class actor:
    thisown: bool
    def __init__(self) -> None: ...
    eid: int
    id: Optional[str]
    journal_sealed: bool
    kind: int
    login_locked: bool
    version: int

class citizen:
    thisown: bool
    def __init__(self) -> None: ...
    birth_date: Optional[_dt.date]
    grant_count: int
    grants: Sequence[Any]
    guardian_count: int
    guardians: Sequence[Any]
    login_lock_case_number: Optional[str]
    login_lock_period_count: int
    login_lock_periods: Sequence[Any]
    login_lock_requested_by: int
    login_locked: bool
    personnummer: Optional[str]
    protected_identity: bool
    protected_identity_period_count: int
    protected_identity_periods: Sequence[Any]
    representative_count: int
    representatives: Sequence[Any]
    seal_count: int
    seals: Sequence[Any]
    def set_grants(self, items: Optional[Sequence[Any]]) -> None: ...
    def set_guardians(self, items: Optional[Sequence[Any]]) -> None: ...
    def set_login_lock_periods(self, items: Optional[Sequence[Any]]) -> None: ...
    def set_protected_identity_periods(self, items: Optional[Sequence[Any]]) -> None: ...
    def set_representatives(self, items: Optional[Sequence[Any]]) -> None: ...
    def set_seals(self, items: Optional[Sequence[Any]]) -> None: ...
    version: int

class date:
    thisown: bool
    def __init__(self) -> None: ...
    day: int
    month: int
    year: int

class goal:
    thisown: bool
    def __init__(self) -> None: ...
    from_: Optional[_dt.date]
    guardian: Optional[str]
    horizon: Optional[_dt.date]
    kind: int
    unit: Optional[str]
    until: Optional[_dt.date]
    version: int

class grant:
    thisown: bool
    def __init__(self) -> None: ...
    from_: Optional[_dt.date]
    holder: Optional[str]
    unit: Optional[str]
    until: Optional[_dt.date]
    version: int

class guardian:
    thisown: bool
    def __init__(self) -> None: ...
    blocked: bool
    blocked_period_count: int
    blocked_periods: Sequence[Any]
    id: Optional[str]
    protected_identity: bool
    protected_identity_period_count: int
    protected_identity_periods: Sequence[Any]
    def set_blocked_periods(self, items: Optional[Sequence[Any]]) -> None: ...
    def set_protected_identity_periods(self, items: Optional[Sequence[Any]]) -> None: ...
    version: int

class interval:
    thisown: bool
    def __init__(self) -> None: ...
    from_: Optional[_dt.date]
    until: Optional[_dt.date]

class lock_period:
    thisown: bool
    def __init__(self) -> None: ...
    case_number: Optional[str]
    requested_by: int
    version: int
    when: interval

class pnr:
    thisown: bool
    def __init__(self) -> None: ...
    birth_date: Optional[_dt.date]
    kind: int
    normalized: Optional[str]
    reading_changes_on: Optional[_dt.date]
    version: int

class representative:
    thisown: bool
    def __init__(self) -> None: ...
    cares_for_person: bool
    consent: bool
    court_order: bool
    from_: Optional[_dt.date]
    id: Optional[str]
    kind: int
    until: Optional[_dt.date]
    version: int

class seal:
    thisown: bool
    def __init__(self) -> None: ...
    active: interval
    content: interval
    has_content: bool
    requested_by: int
    scope: int
    unit: Optional[str]
    version: int

class service:
    thisown: bool
    def __init__(self) -> None: ...
    channel: int
    entry_date: Optional[_dt.date]
    kind: int
    unit: Optional[str]
    version: int

ACCESS_ROW_VERSION: int
ACTION_BLOCK_GUARDIAN: int
ACTION_COUNT: int
ACTION_GRANT_DIRECT_ACCESS: int
ACTION_LOCK_LOGIN: int
ACTION_REGISTER_REPRESENTATIVE: int
ACTION_REMOVE_DIRECT_ACCESS: int
ACTION_SEAL: int
ACTION_UNBLOCK_GUARDIAN: int
ACTION_UNLOCK_LOGIN: int
ACTION_UNSEAL: int
ACTOR_GUARDIAN: int
ACTOR_KIND_COUNT: int
ACTOR_KIND_UNSET: int
ACTOR_OTHER: int
ACTOR_REPRESENTATIVE: int
ACTOR_SELF: int
ACTOR_VERSION: int
ADVICE_BLOCK_WITHOUT_LOCK: int
ADVICE_CHILD_LOCK_CUTS_ALL_GUARDIANS: int
ADVICE_KIND_COUNT: int
ADVICE_LOCK_WITHOUT_CASE_NUMBER: int
ADVICE_PROTECTED_WITHOUT_MEASURES: int
ADVICE_VERSION: int
CASE_NUMBER_MAX: int
CHANNEL_COUNT: int
CHANNEL_DIRECT: int
CHANNEL_PORTAL: int
CITIZEN_VERSION: int
DATE_STRING_SIZE: int
DECISION_VERSION: int
EFFECT_COUNT: int
EFFECT_DENY: int
EFFECT_PERMIT: int
EID_BANKID: int
EID_COUNT: int
EID_FREJA: int
EID_FREJA_PLUS: int
EID_NONE: int
EID_OTHER: int
EID_PASSWORD: int
EID_UNSET: int
ERROR_VERSION: int
ERR_BUFFER_TOO_SMALL: int
ERR_INVALID_INPUT: int
FIELD_PATH_SIZE: int
GOAL_GUARDIAN: int
GOAL_HIDE_ENTRIES: int
GOAL_HIDE_UNIT: int
GOAL_KIND_COUNT: int
GOAL_NOTHING: int
GOAL_NO_JOURNAL: int
GOAL_VERSION: int
GOAL_VERSION_1: int
GRANT_HOLDER_SELF: str
GRANT_VERSION: int
GUARDIAN_VERSION: int
ID_MAX: int
LANGUAGE_COUNT: int
LANGUAGE_EN: int
LANGUAGE_SV: int
LAYOUT_DATE_DAY: int
LAYOUT_DATE_MONTH: int
LAYOUT_DATE_YEAR: int
LAYOUT_ITEM_COUNT: int
LAYOUT_OUTCOME_CHANGES_ON: int
LAYOUT_OUTCOME_EFFECT: int
LAYOUT_OUTCOME_FILTERED: int
LAYOUT_OUTCOME_REASON: int
LAYOUT_OUTCOME_REASONS: int
LAYOUT_OUTCOME_REASON_RULES: int
LAYOUT_OUTCOME_RULE: int
LAYOUT_OUTCOME_SIZE: int
LAYOUT_REASON_MAX: int
LOCK_PERIOD_VERSION: int
MAX_GRANTS: int
MAX_GUARDIANS: int
MAX_PERIODS: int
MAX_REPRESENTATIVES: int
MAX_SEALS: int
MAY_MAX_CONDITIONS: int
OK: int
OUTCOME_VERSION: int
PART_ASK: int
PART_COUNT: int
PART_DECIDE: int
PART_EXECUTE: int
PART_NONE: int
PERMISSION_VERSION: int
PLAN_MAX_MEASURES: int
PLAN_MAX_RECORD: int
PLAN_VERSION: int
PLAN_VERSION_1: int
PNR_ALLOW_INTERIM: int
PNR_INTERIM: int
PNR_KIND_COUNT: int
PNR_NORMALIZED_SIZE: int
PNR_PERSONNUMMER: int
PNR_SAMORDNINGSNUMMER: int
PNR_VERSION: int
QUERY_VERSION: int
REASON_CHILD_LOGIN_LOCKED: int
REASON_COUNT: int
REASON_DIRECT_ACCESS: int
REASON_ENTRY_SEALED: int
REASON_FIRST_DENY: int
REASON_FIRST_PERMIT: int
REASON_GUARDIAN_BLOCKED: int
REASON_GUARDIAN_PROXY: int
REASON_INVALID_INPUT: int
REASON_JOURNAL_SEALED: int
REASON_LAST_DENY: int
REASON_LAST_PERMIT: int
REASON_LOGIN_LOCKED: int
REASON_MAX: int
REASON_NOT_RELATED: int
REASON_NO_EID: int
REASON_OWN_JOURNAL_SEALED: int
REASON_PROTECTED_IDENTITY: int
REASON_PROXY_ENDED: int
REASON_REPRESENTATIVE: int
REASON_REPRESENTATIVE_INCOMPLETE: int
REASON_REPRESENTATIVE_JOURNAL_ONLY: int
REASON_SELF: int
REASON_UNDER_13: int
REASON_UNDER_16: int
REASON_UNIT_SEALED: int
REPRESENTATIVE_FORVALTARE: int
REPRESENTATIVE_GOD_MAN: int
REPRESENTATIVE_KIND_COUNT: int
REPRESENTATIVE_KIND_UNSET: int
REPRESENTATIVE_VERSION: int
REQUESTER_CARE: int
REQUESTER_CITIZEN: int
REQUESTER_COUNT: int
ROLE_CARE: int
ROLE_CENTRAL_SUPPORT: int
ROLE_CITIZEN: int
ROLE_COUNT: int
ROLE_GUARDIAN: int
ROLE_RELATIVE: int
ROLE_REPRESENTATIVE: int
ROLE_SUPPORT: int
RULE_A1: int
RULE_A2: int
RULE_A3: int
RULE_COUNT: int
RULE_D1: int
RULE_D2: int
RULE_D3: int
RULE_E1: int
RULE_E2: int
RULE_E3: int
RULE_G1: int
RULE_G2: int
RULE_G3: int
RULE_G4: int
RULE_G5: int
RULE_G6: int
RULE_H1: int
RULE_H2: int
RULE_H3: int
RULE_H4: int
RULE_H5: int
RULE_J1: int
RULE_J2: int
RULE_J3: int
RULE_J4: int
RULE_J5: int
RULE_J6: int
RULE_L1: int
RULE_L2: int
RULE_M1: int
RULE_M_13: int
RULE_M_ALL: int
RULE_M_GUARD: int
RULE_M_PROT: int
RULE_N1: int
RULE_N2: int
RULE_N3: int
RULE_N4: int
RULE_N5: int
RULE_N6: int
RULE_N7: int
RULE_NONE: int
RULE_P1: int
RULE_P2: int
RULE_R0: int
RULE_S1: int
RULE_S2: int
RULE_T1: int
RULE_V1: int
RULE_X1: int
RULE_X2: int
RULE_X3: int
RULE_X4: int
RULE_X5: int
RULE_X6: int
RULE_X7: int
SEAL_SCOPE_COUNT: int
SEAL_SCOPE_UNSET: int
SEAL_UNIT: int
SEAL_VERSION: int
SEAL_WHOLE: int
SERVICE_E_SERVICES: int
SERVICE_JOURNAL: int
SERVICE_KIND_COUNT: int
SERVICE_KIND_UNSET: int
SERVICE_VERSION: int
TIMELINE_STEP_VERSION: int

def status_name(status: int) -> Optional[str]: ...
def date_is_none(date: Any) -> Any: ...
def date_is_valid(date: Any) -> Any: ...
def date_is_leap_year(year: Any) -> Any: ...
def date_days_in_month(year: Any, month: Any) -> Any: ...
def date_parse(text: Any) -> Any: ...
def date_format(date: Any) -> Any: ...
def date_compare(a: Any, b: Any) -> Any: ...
def date_to_days(date: Any) -> Any: ...
def date_from_days(days: Any) -> Any: ...
def date_birthday(birth: Any, years: Any) -> Any: ...
def age_on(birth: _Date, on: _Date) -> int: ...
def pnr_parse(text: Optional[str], on: _Date, flags: int) -> pnr: ...
def pnr_kind_name(kind: int) -> Optional[str]: ...
def evaluate(citizen: Optional[citizen], actor: Optional[actor], service: Optional[service], on: _Date) -> bytes: ...
def decide(citizen: Optional[citizen], actor: Optional[actor], service: Optional[service], on: _Date) -> bytes: ...
def validate(citizen: Optional[citizen], actor: Optional[actor], service: Optional[service], on: _Date) -> None: ...
def reason_name(reason: int) -> Optional[str]: ...
def reason_from_name(name: int) -> Optional[str]: ...
def reason_effect(reason: Any) -> Any: ...
def effect_name(effect: int) -> Optional[str]: ...
def rule_name(rule: int) -> Optional[str]: ...
def rule_source(rule: int) -> Optional[str]: ...
def rule_summary(rule: int) -> Optional[str]: ...
def rule_from_name(name: int) -> Optional[str]: ...
def message(reason: int, asker: int, language: int) -> str: ...
def message_generic(language: int) -> str: ...
def actor_kind_name(kind: int) -> Optional[str]: ...
def eid_name(eid: int) -> Optional[str]: ...
def service_kind_name(kind: int) -> Optional[str]: ...
def channel_name(channel: int) -> Optional[str]: ...
def seal_scope_name(scope: int) -> Optional[str]: ...
def requester_name(requester: int) -> Optional[str]: ...
def representative_kind_name(kind: int) -> Optional[str]: ...
def version() -> str: ...
def version_number() -> int: ...
def layout(item: int) -> int: ...
def citizen_units(citizen: Optional[citizen], on: _Date) -> Tuple[str, ...]: ...
def citizen_birth_date(citizen: Optional[citizen], on: _Date) -> Optional[_dt.date]: ...
def action_name(action: int) -> Optional[str]: ...
def role_name(role: int) -> Optional[str]: ...
def part_name(part: int) -> Optional[str]: ...
def goal_kind_name(kind: int) -> Optional[str]: ...
def prepared_size(citizen: Any) -> Any: ...
def batch_evaluate_many(requests: Sequence[Tuple[citizen, actor, service]], on: _Date) -> _Answer: ...
def batch_evaluate_compiled(requests: Sequence[Any], on: _Date, attribute: str) -> Optional[_Answer]: ...
def batch_evaluate_grid(citizen: Optional[citizen], actors: Sequence[actor], services: Sequence[service], on: _Date) -> _Answer: ...
def beyond_who_can_see(citizen: Optional[citizen], on: _Date) -> List[Tuple[int, Optional[str], int, Optional[str], int, bytes]]: ...
def beyond_timeline(citizen: Optional[citizen], actor: Optional[actor], service: Optional[service], from_: _Date, until: _Date) -> List[Tuple[Optional[_dt.date], bytes]]: ...
def beyond_advise(citizen: Optional[citizen], on: _Date) -> List[Tuple[int, Optional[str], Optional[str], Optional[str], Optional[str]]]: ...
def beyond_plan(citizen: Any, goal_kind: Any, guardian: Any, unit: Any, from_: Any, until: Any, horizon: Any, on: Any) -> Any: ...
def beyond_prove(citizen: Any, goal_kind: Any, guardian: Any, unit: Any, from_: Any, until: Any, horizon: Any, on: Any, measures: Any) -> Any: ...
def beyond_may_change(role: Any, action: Any, citizen: Any, measure: Any, on: Any) -> Any: ...
def prepare(citizen: citizen) -> Prepared: ...
def record_read(text: bytes) -> Optional[Prepared]: ...
def audit_read(lines: Sequence[Optional[bytes]], first: int, records: dict[Any, Any], days: dict[Any, Any], actors: dict[Any, Any], services: dict[Any, Any]) -> List[Any]: ...
def audit_lines(block: bytes, first: int, limit: int, records: dict[Any, Any], days: dict[Any, Any], actors: dict[Any, Any], services: dict[Any, Any]) -> Tuple[List[Any], int]: ...
def audit_evaluate(requests: Sequence[Tuple[citizen, actor, service]], on: _Date) -> _Answer: ...
def audit_decide(requests: Sequence[Tuple[Prepared, actor, service]], on: _Date) -> _Answer: ...
