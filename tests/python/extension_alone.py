"""Loads the extension module _cportvakt alone, from its file (argv[1]), with the package portvakt
made unimportable, and calls every function it exports: the C side stands without the package
and never calls into it. Prints the names it called, one a line, then "ok"; any failure is an
exception (exit status 1). Run by test_thin_bindings.py in a process of its own."""

import importlib.util
import itertools
import sys
from datetime import date

# From here on, `import portvakt` (or any module of it) raises ImportError.
for name in [n for n in sys.modules if n == "portvakt" or n.startswith("portvakt.")]:
    del sys.modules[name]
sys.modules["portvakt"] = None  # type: ignore[assignment]

spec = importlib.util.spec_from_file_location("_cportvakt", sys.argv[1])
assert spec is not None and spec.loader is not None
m = importlib.util.module_from_spec(spec)
spec.loader.exec_module(m)
assert not any(n == "portvakt" or n.startswith("portvakt.") for n in sys.modules if sys.modules[n] is not None)

ON = date(2026, 11, 22)
called = set()


def call(name, *args):
    called.add(name)
    return getattr(m, name)(*args)


# SWIG's registration: a class for each struct, whose __swig_destroy__ frees what new_<struct>
# made (without it SWIG cannot free a struct and says so).
STRUCTS = sorted(n[len("new_"):] for n in dir(m) if n.startswith("new_"))
for struct in STRUCTS:
    call(struct + "_swigregister", type(struct, (), {"__swig_destroy__": getattr(m, "delete_" + struct)}))


# ---- The calls that mean something: one decision end to end, as the rules give it ------------

# G1: a guardian acts for a child under 13 in the e-services (the child is 12 on ON).
child = call("new_citizen")
call("citizen_birth_date_set", child, date(2014, 3, 15))
guardian = call("new_guardian")
call("guardian_id_set", guardian, "g1")
call("citizen_set_guardians", child, [guardian])
actor = call("new_actor")
call("actor_kind_set", actor, m.ACTOR_GUARDIAN)
call("actor_id_set", actor, "g1")
call("actor_eid_set", actor, m.EID_BANKID)
service = call("new_service")
call("service_kind_set", service, m.SERVICE_E_SERVICES)
size = call("layout", m.LAYOUT_OUTCOME_SIZE)
record = call("evaluate", child, actor, service, ON)
assert isinstance(record, bytes) and len(record) == size
assert record[call("layout", m.LAYOUT_OUTCOME_EFFECT)] == m.EFFECT_PERMIT
assert record[call("layout", m.LAYOUT_OUTCOME_REASON)] == m.REASON_GUARDIAN_PROXY
assert call("decide", child, actor, service, ON)[call("layout", m.LAYOUT_OUTCOME_EFFECT)] == m.EFFECT_PERMIT
assert call("validate", child, actor, service, ON) is None
prepared = call("prepare", child)
assert prepared.evaluate(actor, service, ON) == record
many = prepared.evaluate_many([actor, actor], [service, service], ON)
assert many[0] == record * 2 and many[2] == 0
answer = call("batch_evaluate_many", [(child, actor, service)], ON)
assert answer[0] == record and answer[2] == 0
assert call("batch_evaluate_grid", child, [actor], [service], ON)[0] == record
assert call("audit_evaluate", [(child, actor, service)], ON)[0] == record
assert call("audit_decide", [(prepared, actor, service)], ON)[0] == record
# V1: a malformed input is InvalidInput naming the field, the module's own exception.
try:
    call("evaluate", child, actor, service, None)
    raise AssertionError("a missing date was decided")
except m.InvalidInput as error:
    assert error.field == "on", error.field

# The audit's reader: plain values in, plain values out (the dicts' values are not looked into).
line = (b'{"citizen": "r1", "at": "2027-03-14T23:30:00Z", "actor": {"kind": "guardian", "id": "g1"}, '
        b'"service": {"kind": "e_services"}}')
(item,) = call("audit_read", [line], 1, {}, {}, {}, {})
assert item == ["r1", None, "2027-03-14T23:30:00Z", b'{"kind": "guardian", "id": "g1"}',
                b'{"kind": "e_services"}', "2027-03-14T23Z"], item
known = {"r1": object()}
days = {"2027-03-14T23Z": date(2027, 3, 15)}
actors = {item[3]: object()}
services = {item[4]: object()}
(ready,) = call("audit_read", [line], 7, known, days, actors, services)
assert ready == (7, "r1", known["r1"], actors[item[3]], services[item[4]], date(2027, 3, 15))
items, used = call("audit_lines", line + b"\n{not json}\n", 1, 1 << 20, {}, {}, {}, {})
assert used == len(line) + 1 + len(b"{not json}") + 1 and items[1] == b"{not json}"

# ---- Every other function: called with arguments of every kind it may meet ------------------

# Each is called with 0 to 9 arguments drawn from these; the answer or the exception (a
# TypeError, ValueError or the module's InvalidInput) is the extension's own.
values = [None, 0, 1, "x", ON, []]


def fresh():
    return [call("new_citizen"), call("new_actor"), call("new_service"), call("new_seal")]


allowed = (TypeError, ValueError, OverflowError, m.InvalidInput)
names = sorted(n for n in dir(m) if callable(getattr(m, n)) and not isinstance(getattr(m, n), type)
               and not n.startswith("_"))
for name in names:
    if name.endswith("_swigregister"):
        continue  # called above
    if name.endswith("_swiginit"):
        # SWIG's own: it binds a proxy object to the struct made by new_<struct>.
        struct = name[: -len("_swiginit")]
        call(name, type(struct + "_proxy", (), {})(), call("new_" + struct))
        continue
    for n in range(0, 10):
        pools = [values + fresh() for _ in range(n)] if n <= 2 else [values[:2] + fresh()[:1]] * n
        for args in itertools.islice(itertools.product(*pools), 40):
            try:
                call(name, *args)
            except allowed:
                pass
missing = set(names) - called
assert not missing, missing
print("\n".join(sorted(called)))
print("ok")
