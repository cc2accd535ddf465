"""Checks of Python types, shared by the inputs and the functions: a value of the wrong type
raises :class:`portvakt.InvalidType` naming the field."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Dict, Optional, Tuple, Type

from ._errors import InvalidInput, InvalidType


def type_name(value: object) -> str:
    return type(value).__name__


def is_date(value: object) -> bool:
    return isinstance(value, date) and not isinstance(value, datetime)


def check_date(value: object, path: str) -> Optional[date]:
    """'value' if it is None or a datetime.date (not a datetime)."""
    if value is None or is_date(value):
        return value  # type: ignore[return-value]
    raise InvalidType(path, f"must be a datetime.date or None, not {type_name(value)}")


def check_on(on: object, path: str = "on") -> date:
    """'on' if it is a datetime.date (not a datetime)."""
    if is_date(on):
        return on  # type: ignore[return-value]
    raise InvalidType(path, f"must be a datetime.date, not {type_name(on)}")


def check_str(value: object, path: str) -> Optional[str]:
    """'value' if it is None or a str without a NUL character that UTF-8 can carry (a lone
    surrogate, "\\ud800", cannot be passed to the library: InvalidInput naming 'path')."""
    if value is None:
        return None
    if type(value) is not str:
        raise InvalidType(path, f"must be a str or None, not {type_name(value)}")
    if "\0" in value:
        raise InvalidInput(path, "must not contain a NUL character")
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise InvalidInput(path, "is not Unicode text (a lone surrogate)") from None
    return value


def check_bool(value: object, path: str) -> bool:
    if type(value) is not bool:
        raise InvalidType(path, f"must be a bool, not {type_name(value)}")
    return value


def check_enum(cls: Type[Any], table: Dict[Any, int], value: object, path: str) -> int:
    """The C value of the member 'value' of 'cls'."""
    if isinstance(value, cls):
        return table[value]
    if isinstance(value, str):
        names = ", ".join(m.value for m in cls)
        raise InvalidInput(path, f"is not one of {names}")
    raise InvalidType(path, f"must be a portvakt.{cls.__name__}, not {type_name(value)}")


def check_items(value: object, cls: type, path: str) -> Tuple[Any, ...]:
    if not isinstance(value, tuple):
        raise InvalidType(path, f"must be a list of portvakt.{cls.__name__}, not {type_name(value)}")
    for i, item in enumerate(value):
        if not isinstance(item, cls):
            raise InvalidType(f"{path}[{i}]", f"must be a portvakt.{cls.__name__}, not {type_name(item)}")
    return value


def check_instance(value: object, cls: type, path: str) -> Any:
    if not isinstance(value, cls):
        raise InvalidType(path, f"must be a portvakt.{cls.__name__}, not {type_name(value)}")
    return value
