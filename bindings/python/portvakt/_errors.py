"""The exceptions of portvakt, defined by the extension (portvakt.cportvakt) and re-exported.

``InvalidInput(field, detail)`` is malformed input (RULES.md section 8, rule V1): ``field`` is the
path of the offending field in the form of the JSON format (``citizen.seals[2].active.from``),
``detail`` says what is wrong with it; ``decision`` is the fail-closed decision when the error
comes from an evaluation, ``index`` the request of a batch it concerns (else None).
``InvalidType`` is a value of the wrong Python type: an InvalidInput and a TypeError.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional, TypeVar

__all__ = ["InvalidInput", "InvalidType"]

if TYPE_CHECKING:  # pragma: no cover - what type checkers see of the classes of the extension

    class InvalidInput(ValueError):
        field: str
        detail: str
        decision: Optional[Any]
        index: Optional[int]

        def __init__(self, field: str, detail: str) -> None: ...

    class InvalidType(InvalidInput, TypeError): ...

else:
    from .cportvakt import InvalidInput, InvalidType


_T = TypeVar("_T")


def given(value: Optional[_T]) -> _T:
    """A value the C library always sets where it is read (a member of an answer it wrote):
    None there would be a defect of the library, never of the input."""
    if value is None:  # pragma: no cover - the library's contract
        raise AssertionError("the C library left a member of its answer unset")
    return value
