"""Personnummer, samordningsnummer and ages (RULES.md sections 2 and 9)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from . import cportvakt as _c
from ._enums import PNR_KINDS_FROM_C, PnrKind
from ._check import check_str, is_date
from ._errors import InvalidInput, InvalidType, given

__all__ = ["Personnummer", "parse_personnummer", "age_on", "birthday"]


def _date(value: object, field: str) -> date:
    if not is_date(value):
        raise InvalidType(field, f"must be a datetime.date, not {type(value).__name__}")
    return value  # type: ignore[return-value]


@dataclass(frozen=True)
class Personnummer:
    """A parsed personnummer, samordningsnummer or interim number.

    ``birth_date`` is the day less 60 for a samordningsnummer (N3); ``normalized`` is the
    twelve-character form "YYYYMMDDNNNC" as written (day 61-91 kept, an interim letter kept).
    """

    birth_date: date
    kind: PnrKind
    normalized: str

    def age_on(self, on: date) -> int:
        """The age in whole years on 'on' (A1, A2)."""
        return age_on(self.birth_date, on)


def parse_personnummer(text: str, *, on: date, interim: bool = False) -> Personnummer:
    """Parses 'text' in one of the forms of N1 ("YYYYMMDD-NNNC", "YYMMDD+NNNC" ...), with 'on'
    deciding the century of a ten-digit form (N4). Interim numbers are accepted only with
    ``interim=True`` (N7). No whitespace is accepted (trim it first if you must).

    Raises InvalidInput("personnummer", what is wrong) if 'text' is not a valid number.
    """
    if not isinstance(text, str):
        raise InvalidType("personnummer", f"must be a str, not {type(text).__name__}")
    check_str(text, "personnummer")  # no NUL, no lone surrogate
    if type(interim) is not bool:
        raise InvalidType("interim", f"must be a bool, not {type(interim).__name__}")
    _date(on, "on")
    flags = _c.PNR_ALLOW_INTERIM if interim else 0
    try:
        parsed = _c.pnr_parse(text, on, flags)
    except InvalidInput as error:
        raise InvalidInput("personnummer", error.detail) from None
    return Personnummer(given(parsed.birth_date), given(PNR_KINDS_FROM_C[parsed.kind]), given(parsed.normalized))


def age_on(birth: date, on: date) -> int:
    """The age in whole years on 'on' of a person born on 'birth' (A1: a 29 February birth
    attains a new age on 28 February in common years). Raises InvalidInput if 'birth' is after
    'on'."""
    _date(birth, "birth")
    _date(on, "on")
    if birth > on:
        raise InvalidInput("birth", "is after on")
    return int(_c.age_on(birth, on))


def birthday(birth: date, years: int) -> date:
    """The date on which a person born on 'birth' attains age 'years' (A1). Raises InvalidInput
    if 'years' is negative or the date would fall after 9999."""
    _date(birth, "birth")
    if type(years) is not int:
        raise InvalidType("years", f"must be an int, not {type(years).__name__}")
    if not 0 <= years <= 9999:
        raise InvalidInput("years", "is out of range")
    try:
        return _c.date_birthday(birth, years)  # type: ignore[no-any-return]
    except InvalidInput:
        raise InvalidInput("years", "gives a date after 9999-12-31") from None
