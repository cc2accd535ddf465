"""The package's surface: a small __all__ without aliases, the namespaces, and the names of
0.1.0 that moved, each still working for one release with a DeprecationWarning."""

import importlib
import warnings
from datetime import date

import pytest

import portvakt as pv

ON = date(2026, 11, 22)

#: Every name of 0.1.0's __all__ that left it, and where it lives now (written out here, not read
#: from the package, so that a name that is lost fails).
MOVED = {
    "RULES": "rules.RULES",
    "Language": "rules.Language",
    "message": "rules.message",
    "generic_message": "rules.generic_message",
    "rule_source": "rules.rule_source",
    "rule_summary": "rules.rule_summary",
    "Personnummer": "pnr.Personnummer",
    "PnrKind": "pnr.PnrKind",
    "parse_personnummer": "pnr.parse_personnummer",
    "age_on": "pnr.age_on",
    "birthday": "pnr.birthday",
    "Audit": "audit.Audit",
    "Finding": "audit.Finding",
    "LogAccess": "audit.LogAccess",
    "RecordsError": "audit.RecordsError",
    "Summary": "audit.Summary",
    "read_records": "audit.read_records",
    "stockholm_date": "audit.stockholm_date",
    "Access": "beyond.AccessRow",
    "AccessRow": "beyond.AccessRow",
    "what_can_see": "beyond.what_can_see",
    "who_can_see": "beyond.who_can_see",
    "Action": "beyond.Action",
    "Advice": "beyond.Advice",
    "AdviceKind": "beyond.AdviceKind",
    "Goal": "beyond.Goal",
    "GoalKind": "beyond.GoalKind",
    "Measure": "beyond.Measure",
    "Part": "beyond.Part",
    "Permission": "beyond.Permission",
    "Plan": "beyond.Plan",
    "Role": "beyond.Role",
    "TimelineStep": "beyond.TimelineStep",
    "advise": "beyond.advise",
    "may_change": "beyond.may_change",
    "plan": "beyond.plan",
    "prove": "beyond.prove",
    "timeline": "beyond.timeline",
    "timeline_svg": "picture.timeline_svg",
}


def test_all_is_small_and_every_name_in_it_exists():
    assert len(pv.__all__) <= 30
    assert len(set(pv.__all__)) == len(pv.__all__)
    for name in pv.__all__:
        assert getattr(pv, name) is not None, name
    for name in ("evaluate", "evaluate_many", "Decision", "Effect", "Reason", "Citizen", "InvalidInput"):
        assert name in pv.__all__


def test_no_name_of_all_is_a_second_name_of_another():
    objects = [id(getattr(pv, name)) for name in pv.__all__ if name != "GRANT_HOLDER_SELF"]
    assert len(set(objects)) == len(objects)
    for module in ("beyond", "audit", "picture", "rules", "pnr"):
        namespace = importlib.import_module(f"portvakt.{module}")
        ids = [id(getattr(namespace, n)) for n in namespace.__all__ if callable(getattr(namespace, n))]
        assert len(set(ids)) == len(ids), module


def test_the_namespaces_are_modules_of_the_package():
    for name in ("beyond", "audit", "conformance", "picture", "rules", "pnr"):
        assert getattr(pv, name).__name__ == f"portvakt.{name}"


@pytest.mark.parametrize("old", sorted(MOVED))
def test_a_moved_name_works_with_a_deprecation_warning(old):
    namespace, new = MOVED[old].split(".")
    assert old not in pv.__all__
    with pytest.warns(DeprecationWarning, match=rf"portvakt\.{old} .*portvakt\.{namespace}\.{new}"):
        value = getattr(pv, old)
    assert value is getattr(importlib.import_module(f"portvakt.{namespace}"), new)


def test_the_namespaces_themselves_give_no_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert pv.beyond.who_can_see and pv.audit.run and pv.picture.timeline_svg
        assert pv.rules.rule_source("G1") and pv.pnr.age_on(date(2000, 1, 1), ON) == 26  # A1


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError):
        pv.no_such_name  # noqa: B018
    with pytest.raises(AttributeError):
        pv.beyond.no_such_name  # noqa: B018


def test_beyond_timeline_svg_moved_to_picture_with_a_warning():
    assert "timeline_svg" not in pv.beyond.__all__
    with pytest.warns(DeprecationWarning, match=r"portvakt\.picture\.timeline_svg"):
        assert pv.beyond.timeline_svg is pv.picture.timeline_svg


def test_calling_the_audit_namespace_runs_the_audit_with_a_warning():
    # H5 and G1: a guardian of a child who turned 13 on 2027-03-15 (Swedish date of the
    # timestamp) is denied the e-services: one finding, the same as portvakt.audit.run gives.
    records = {"c1": pv.Citizen(birth_date=date(2014, 3, 15), guardians=[pv.Guardian("g1")])}
    line = ('{"citizen": "c1", "at": "2027-03-14T23:30:00Z", '
            '"actor": {"kind": "guardian", "id": "g1"}, "service": {"kind": "e_services"}}')
    with pytest.warns(DeprecationWarning, match=r"portvakt\.audit\.run"):
        old = pv.audit(records, [line])
    findings = [f.to_json()["reason"] for f in old]
    assert findings == ["PROXY_ENDED"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert [f.to_json()["reason"] for f in pv.audit.run(records, [line])] == findings
