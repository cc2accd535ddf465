"""Personnummer, samordningsnummer and ages (RULES.md N1 to N7, A1 to A3).

    parse_personnummer(text, on=..., interim=False) -> Personnummer   (N1 to N7)
    age_on(birth_date, on) -> int                                      (A1)
    birthday(birth_date, years) -> date                                (A2, A3: 29 February)
"""

from __future__ import annotations

from ._enums import PnrKind
from ._pnr import Personnummer, age_on, birthday, parse_personnummer

__all__ = ["Personnummer", "PnrKind", "age_on", "birthday", "parse_personnummer"]
