"""Personnummer and ages from Python (RULES.md sections 2 and 9), and the peer data (tests/data)."""

import json
from datetime import date

import pytest
from conftest import SOURCE_ROOT

import portvakt as pv

PEER = SOURCE_ROOT / "tests" / "data" / "personnummer"


def test_parse_forms_and_kinds():
    # N1: every form of the same number gives the same person.
    on = date(2026, 1, 1)
    forms = ["19121212-1212", "19121212+1212", "191212121212", "121212+1212"]
    parsed = {pv.pnr.parse_personnummer(f, on=on) for f in forms}
    assert parsed == {pv.pnr.Personnummer(date(1912, 12, 12), pv.pnr.PnrKind.PERSONNUMMER, "191212121212")}
    # N4: '-' in a ten-digit form is the latest century not after 'on'.
    assert pv.pnr.parse_personnummer("121212-1212", on=on).birth_date == date(2012, 12, 12)
    # N3: samordningsnummer.
    s = pv.pnr.parse_personnummer("701063-2391", on=on)
    assert (s.kind, s.birth_date, s.normalized) == (pv.pnr.PnrKind.SAMORDNINGSNUMMER, date(1970, 10, 3), "197010632391")
    assert s.age_on(date(2026, 10, 3)) == 56


@pytest.mark.parametrize("text", [
    "19121212-1213",   # N2
    " 19121212-1212",  # N1: no whitespace
    "19121212 1212",   # N1: only - and +
    "19230229-0000",   # N5 (and N6)
    "20000101-T220",   # N7 without interim
])
def test_invalid_numbers(text):
    with pytest.raises(pv.InvalidInput) as e:
        pv.pnr.parse_personnummer(text, on=date(2026, 1, 1))
    assert e.value.field == "personnummer" and e.value.detail


def test_interim_only_when_asked():
    p = pv.pnr.parse_personnummer("20000101-T220", on=date(2026, 1, 1), interim=True)
    assert p.kind is pv.pnr.PnrKind.INTERIM and p.normalized == "20000101T220"
    c = pv.Citizen.from_personnummer("20000101-T220", on=date(2026, 1, 1), interim=True)
    assert c.personnummer is None and c.birth_date == date(2000, 1, 1)


def test_types():
    with pytest.raises(pv.InvalidType):
        pv.pnr.parse_personnummer(191212121212, on=date(2026, 1, 1))  # type: ignore[arg-type]
    with pytest.raises(pv.InvalidType) as e:
        pv.pnr.parse_personnummer("191212121212", on="2026-01-01")  # type: ignore[arg-type]
    assert e.value.field == "on"


def test_age_and_birthday():
    # A1: 29 February attains a new age on 28 February in common years; A2.
    assert pv.pnr.birthday(date(2012, 2, 29), 13) == date(2025, 2, 28)
    assert pv.pnr.birthday(date(2012, 2, 29), 12) == date(2024, 2, 29)
    assert pv.pnr.age_on(date(2012, 2, 29), date(2025, 2, 27)) == 12
    assert pv.pnr.age_on(date(2012, 2, 29), date(2025, 2, 28)) == 13
    with pytest.raises(pv.InvalidInput):
        pv.pnr.age_on(date(2020, 1, 2), date(2020, 1, 1))
    with pytest.raises(pv.InvalidInput):
        pv.pnr.birthday(date(9990, 1, 1), 20)
    with pytest.raises(pv.InvalidInput):
        pv.pnr.birthday(date(2000, 1, 1), -1)


def load(name):
    # The peer data is part of the tree: a missing file is a failure, not a skip.
    return json.loads((PEER / name).read_text(encoding="utf-8"))


FORMS = ("long_format", "separated_long", "short_format", "separated_format")


def valid(text, interim=False):
    try:
        pv.pnr.parse_personnummer(text, on=date(2026, 11, 22), interim=interim)
        return True
    except pv.InvalidInput:
        return False


def test_peer_lists_with_default_options():
    # Section 9: list.json and orgnumber.json with interim off; every form the entry gives.
    for name in ("list.json", "orgnumber.json"):
        for item in load(name):
            for form in FORMS:
                if form in item:
                    assert valid(item[form]) == item["valid"], (name, item[form])


def test_peer_interim_only_with_interim_allowed():
    for item in load("interim.json"):
        for form in FORMS:
            assert not valid(item[form]), item[form]  # N7: never without the flag
            assert valid(item[form], interim=True) == item["valid"], item[form]


def test_peer_all_pins_are_valid():
    pins = load("allPins.json")
    assert len(pins) > 40000
    assert [p for p in pins if not valid(p)] == []
