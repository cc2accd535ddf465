"""A property test of the command line (hypothesis): random bytes, random JSON and random argv,
run in this process through portvakt._cli.main with captured streams. Whatever the input, the exit
status is 0, 1 or 2, there is no traceback (nor the "internal error" line of the last-resort
handler), and status 2 comes with exactly one line on standard error."""

import copy
import io
import json

from conftest import SOURCE_ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_json import EXAMPLE, request_part

from portvakt._cli import main

HOUSEHOLD = json.loads((SOURCE_ROOT / "examples" / "household.json").read_text("utf-8"))
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
COMMANDS = ["eval", "explain", "who", "advise", "plan", "may", "timeline"]


def run(argv, data=b""):
    out, err = io.StringIO(), io.StringIO()
    stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    status = main(argv, out=out, err=err, stdin=stdin)
    return status, out.getvalue(), err.getvalue()


def contract(status, err):
    assert status in (0, 1, 2), (status, err)
    assert "Traceback" not in err and "internal error" not in err, err
    if status == 2:
        assert err.startswith("portvakt: ") and err.count("\n") == 1 and err.endswith("\n"), err
    else:
        assert err == "", err


# ---- strategies ---------------------------------------------------------------------------------

TEXT = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["", "self", "g1", "anna", "bertil", "SE2321000016-7PSY", "2026-03-04",
                     "2023-02-29", "19121212-1212", "\ud800", "\udcff", "a\x00b", "x" * 70,
                     "journal", "e_services", "guardian", "unit", "whole", "care"]),
)
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(min_value=-(2**70), max_value=2**70),
                    st.floats(allow_nan=True), TEXT)
JSON = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(TEXT, inner, max_size=4)), max_leaves=12)


def _paths(value, path=()):
    """Every path into a JSON value."""
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, path + (index,))


@st.composite
def mutated(draw, base):
    """'base' with one member replaced by random JSON (or removed, or a field added)."""
    value = copy.deepcopy(base)
    paths = [p for p in _paths(value) if p]
    path = draw(st.sampled_from(paths))
    parent = value
    for key in path[:-1]:
        parent = parent[key]
    action = draw(st.sampled_from(["replace", "remove", "add"]))
    if action == "remove":
        del parent[path[-1]]
    elif action == "add" and isinstance(parent, dict):
        parent[draw(TEXT)] = draw(JSON)
    else:
        parent[path[-1]] = draw(JSON)
    return value


QUESTION_FILE = dict(HOUSEHOLD, actor="anna", service="journal", unit="SE2321000016-7PSY",
                     goal="guardian:bertil", requester="central_support", action="unseal", measure=0)
QUESTION_FILE["from"], QUESTION_FILE["to"] = "2020-01-01", "2030-01-01"


def _keys(command, obj):
    allowed = {"who": (), "advise": (), "plan": ("goal",), "may": ("requester", "action", "measure"),
               "timeline": ("actor", "service", "unit", "from", "to")}.get(command, ())
    if not isinstance(obj, dict):
        return obj
    return {k: v for k, v in obj.items()
            if k not in QUESTION_FILE or k in ("on", "citizen") or k in allowed}


# ---- the properties -----------------------------------------------------------------------------


@SETTINGS
@given(st.sampled_from(COMMANDS + ["check"]), st.binary(max_size=300))
def test_random_bytes_on_standard_input(command, data):
    status, _, err = run([command, "-"], data)
    contract(status, err)


@SETTINGS
@given(st.sampled_from(COMMANDS + ["check"]), JSON)
def test_random_json_on_standard_input(command, value):
    data = json.dumps(value).encode("utf-8", "surrogatepass")
    status, _, err = run([command, "-"], data)
    contract(status, err)


@SETTINGS
@given(st.sampled_from(["eval", "explain"]), mutated(request_part(EXAMPLE)))
def test_a_request_with_one_member_changed(command, obj):
    status, out, err = run([command, "-"], json.dumps(obj).encode("utf-8", "surrogatepass"))
    contract(status, err)
    if command == "eval" and status == 0:
        assert json.loads(out)["effect"] in ("permit", "deny")


@SETTINGS
@given(st.sampled_from(["who", "advise", "plan", "may", "timeline"]), mutated(QUESTION_FILE))
def test_a_question_with_one_member_changed(command, obj):
    data = json.dumps(_keys(command, obj)).encode("utf-8", "surrogatepass")
    status, _, err = run([command, "-"], data)
    contract(status, err)


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.sampled_from([[EXAMPLE], [dict(EXAMPLE, rules=["M-ALL"])]]).flatmap(
    lambda vectors: st.lists(mutated(vectors[0]), min_size=1, max_size=3)))
def test_check_with_mutated_vectors(vectors):
    status, _, err = run(["check", "-"], json.dumps(vectors).encode("utf-8", "surrogatepass"))
    contract(status, err)


WORDS = st.sampled_from(COMMANDS + ["pnr", "-", "--on", "--json", "--actor", "--service", "--unit",
                                    "--channel", "--from", "--to", "--goal", "--requester", "--action",
                                    "--measure", "--language", "--interim", "-v", "--help",
                                    "self", "journal", "e_services", "portal", "direct", "care",
                                    "unseal", "block_guardian", "0", "-1", "99999999999999999999999",
                                    "2026-03-04", "2026-02-30", "guardian:anna", "hide-unit:U:2026-01-01",
                                    "19121212-1212", "\udcff", "sv", "en"])


@SETTINGS
@given(st.lists(st.one_of(WORDS, st.text(max_size=8)), max_size=8), st.sampled_from([b"", b"{}"]),
       st.booleans())
def test_random_argv(argv, data, with_file):
    if with_file and argv and argv[0] in ("who", "advise", "plan", "may", "timeline"):
        argv = [argv[0], "-"] + argv[1:]
        data = json.dumps(QUESTION_FILE).encode("utf-8")
    status, _, err = run(argv, data)
    contract(status, err)
