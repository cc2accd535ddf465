"""The exceptions of portvakt."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:  # pragma: no cover
    from ._decision import Decision

__all__ = ["InvalidInput", "InvalidType"]


class InvalidInput(ValueError):
    """Malformed input (RULES.md section 8, rule V1): nothing is guessed.

    ``field`` is the path of the offending field in the form of the JSON format
    (``citizen.seals[2].active.from``), ``detail`` says what is wrong with it. When the error
    comes from an evaluation, ``decision`` is the fail-closed decision (deny, ``INVALID_INPUT``,
    rule V1); otherwise it is None. When the error is that of one request of a batch
    (``evaluate_many``, ``Citizen.evaluate_all``), ``index`` is the index of that request;
    otherwise it is None.
    """

    field: str
    detail: str
    decision: Optional["Decision"]
    index: Optional[int]

    def __init__(self, field: str, detail: str) -> None:
        super().__init__(field, detail)
        self.field = field
        self.detail = detail
        self.decision = None
        self.index = None

    def __str__(self) -> str:
        return f"{self.field}: {self.detail}"


class InvalidType(InvalidInput, TypeError):
    """A value of the wrong Python type (a str where a date is expected, an int for a bool).

    It is an :class:`InvalidInput` naming the field and also a :class:`TypeError`, so either
    ``except`` catches it.
    """
