"""The bindings are thin: one SWIG layer that never calls into the package, a package without
import circles, real module-level functions, no shared caches, and what C knows asked of C."""

import ast
import inspect
import os
import re
import subprocess
import sys
import typing
from datetime import date
from pathlib import Path

import pytest
from conftest import ON, PSYCHIATRY, SOURCE_ROOT

import portvakt as pv
from portvakt import cportvakt as c

PACKAGE = SOURCE_ROOT / "bindings" / "python" / "portvakt"


def imports_of(path: Path):
    """The package modules a module imports, anywhere in it (TYPE_CHECKING and functions too)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                found.add(node.module.split(".")[0])
            else:
                found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("portvakt."):
            found.add(node.module.split(".")[1])
    return found


def test_no_import_circle_in_the_package():
    modules = {p.stem: p for p in PACKAGE.glob("*.py") if p.stem not in ("__init__", "__main__")}
    graph = {name: imports_of(path) & set(modules) for name, path in modules.items()}
    state = {}
    cycles = []

    def visit(name, trail):
        state[name] = "open"
        for other in sorted(graph[name]):
            if state.get(other) == "open":
                cycles.append(trail[trail.index(other):] + [other])
            elif other not in state:
                visit(other, trail + [other])
        state[name] = "done"

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []
    # The layers: errors at the bottom, the model below the decisions.
    assert graph["_errors"] <= {"cportvakt"}
    assert "_decision" not in graph["_model"] and "_batch" not in graph["_model"]


def test_the_extension_stands_alone_and_never_calls_into_the_package(tmp_path):
    # The extension module, loaded alone from its file in a process where the package cannot be
    # imported (sys.modules["portvakt"] is None, the working directory empty), answers every
    # function it exports: a decision as the rules give it (G1), the audit's reader with plain
    # values, and each of the others called with arguments of every kind, None included.
    extension = Path(c._cportvakt.__file__)
    script = Path(__file__).with_name("extension_alone.py")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONSTARTUP")}
    run = subprocess.run([sys.executable, "-I", str(script), str(extension)], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "memory leak" not in run.stderr, run.stderr[-2000:]
    called = run.stdout.split()
    assert called[-1] == "ok"
    exported = {n for n in dir(c._cportvakt) if callable(getattr(c._cportvakt, n))
                and not isinstance(getattr(c._cportvakt, n), type) and not n.startswith("_")}
    assert exported <= set(called[:-1]), exported - set(called[:-1])
    assert {"evaluate", "prepare", "audit_read", "audit_lines", "batch_evaluate_many"} <= exported


def test_the_package_uses_the_proxy_not_the_raw_extension():
    for path in PACKAGE.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "_cportvakt" not in text and ".this" not in text, path.name


@pytest.mark.parametrize("function", [pv.evaluate, pv.decide, pv.validate])
def test_wrong_python_types_are_invalid_type_everywhere(function):
    # An Actor where the Citizen goes: InvalidType naming the field, from all three alike.
    with pytest.raises(pv.InvalidType) as e:
        function(pv.Actor.self(), pv.Actor.self(), pv.Service.journal(), ON)
    assert e.value.field == "citizen" and isinstance(e.value, TypeError)
    with pytest.raises(pv.InvalidType) as e:
        function(pv.Citizen(birth_date=date(2000, 1, 1)), pv.Service.journal(), pv.Service.journal(), ON)
    assert e.value.field == "actor"
    with pytest.raises(pv.InvalidType) as e:
        function(pv.Citizen(birth_date=date(2000, 1, 1)), pv.Actor.self(), "journal", ON)
    assert e.value.field == "service"


@pytest.mark.parametrize("function", [pv.evaluate, pv.decide, pv.validate])
def test_real_functions_with_full_signatures(function):
    assert inspect.isfunction(function) and function.__module__ == "portvakt._decision"
    parameters = list(inspect.signature(function).parameters)
    assert parameters[:4] == ["citizen", "actor", "service", "on"]
    hints = typing.get_type_hints(function)
    assert (hints["citizen"], hints["actor"], hints["service"], hints["on"]) == (
        pv.Citizen, pv.Actor, pv.Service, date)
    assert hints["return"] is (type(None) if function is pv.validate else pv.Decision)


def _mutable_globals():
    import sys

    sizes = {}
    for name, module in list(sys.modules.items()):
        if name == "portvakt" or name.startswith("portvakt."):
            for key, value in vars(module).items():
                if isinstance(value, (dict, list, set)) and not key.startswith("__"):
                    sizes[(name, key)] = len(value)
    return sizes


def test_no_shared_mutable_caches():
    before = _mutable_globals()
    citizen = pv.Citizen(birth_date=date(2010, 1, 1), guardians=[pv.Guardian("g")])
    for day in range(1, 400):
        for actor in (pv.Actor.self(), pv.Actor.guardian("g"), pv.Actor.other()):
            pv.evaluate(citizen, actor, pv.Service.journal(), date.fromordinal(740000 + day))
    pv.evaluate_many([(citizen, pv.Actor.self(), pv.Service.journal())] * 10, ON)[3]
    assert _mutable_globals() == before


def test_timeline_lanes_and_birthdays_come_from_c():
    # A citizen known only by personnummer (A3): the 13th and 16th birthdays (A2) come from the
    # birth date C reads; the lanes are the rows of who_can_see (actors, units, channel).
    child = pv.Citizen(personnummer="201212121212", guardians=[pv.Guardian("anna")],
                       seals=[pv.Seal.for_unit(PSYCHIATRY)])
    svg = pv.picture.timeline_svg(child, date(2024, 1, 1), date(2030, 1, 1))
    assert "13 years · 2025-12-12" in svg and "16 years · 2028-12-12" in svg
    for row in pv.beyond.who_can_see(child, date(2024, 1, 1)):
        who = "self" if row.actor.kind is pv.ActorKind.SELF else f"guardian {row.actor.id}"
        what = "e-services" if row.unit is None and row.service.kind is pv.ServiceKind.E_SERVICES else (
            "journal" if row.unit is None else f"journal {row.unit}")
        assert f"{who} · {what}<" in svg


def test_the_stub_of_the_extension_names_what_it_exports():
    # cportvakt.pyi (for mypy --strict over the package) names every public function, struct,
    # exception and constant of portvakt.cportvakt, and nothing else.
    tree = ast.parse((PACKAGE / "cportvakt.pyi").read_text(encoding="utf-8"))
    stubbed = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            stubbed.add(node.name)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            stubbed.add(node.target.id)
    exported = {n for n, v in vars(c).items() if not n.startswith("_") and not inspect.ismodule(v)}
    assert stubbed == exported, (sorted(exported - stubbed), sorted(stubbed - exported))
    # The calls the package makes once a request are typed precisely.
    functions = {n.name: ast.unparse(n.returns) for n in tree.body if isinstance(n, ast.FunctionDef)}
    assert functions["evaluate"] == "bytes" and functions["prepare"] == "Prepared"
