"""The conformance vectors of tests/conformance/beyond/ (format: its README.md), each run through
the Python package (portvakt.beyond.who_can_see, timeline, advise, plan, may_change) and through the
command line (portvakt who|timeline|advise|plan|may FILE --json, the vector itself as FILE)."""

import io
import json
import re
from datetime import date

import pytest
from conftest import CONFORMANCE_DIR, SOURCE_ROOT, run_cli

import portvakt as pv
from portvakt._cli import main
from portvakt._json import citizen_from_json
from portvakt.conformance import BeyondVector

BEYOND_DIR = CONFORMANCE_DIR / "beyond"
QUESTIONS = ("who", "timeline", "advise", "plan", "may")
FILES = {"who": "who.json", "timeline": "timeline.json", "advise": "advise.json",
         "plan": "plan.json", "may": "may.json"}
# The routines of RULES.md section 5 are ids too, though no decision names them.
ROUTINES = ("M-ALL", "M-GUARD", "M-PROT", "M-13")


def _load():
    vectors = []
    for question, name in FILES.items():
        with open(BEYOND_DIR / name, encoding="utf-8") as f:
            for index, vector in enumerate(json.load(f)):
                vectors.append(pytest.param(vector, id=f"{name}[{index}] {vector['name']}"))
    return vectors


VECTORS = _load()


def _d(text):
    return None if text is None else date.fromisoformat(text)


# ---- comparing an answer (as JSON) with 'expect' ------------------------------------------------


def _subset(expected, actual, path):
    """Every key of 'expected' has the same value in 'actual' (dicts compared the same way);
    returns a list of differences."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{path}: expected {expected!r}, got {actual!r}"]
        out = []
        for key, value in expected.items():
            if key == "conditional":
                got = actual.get("condition") is not None
                if got != value:
                    out.append(f"{path}.conditional: expected {value}, got {got}")
            elif key not in actual:
                out.append(f"{path}.{key}: missing")
            else:
                out += _subset(value, actual[key], f"{path}.{key}")
        return out
    if expected != actual:
        return [f"{path}: expected {expected!r}, got {actual!r}"]
    return []


def _in_order(expected, actual, path):
    if len(expected) != len(actual):
        return [f"{path}: {len(actual)} items, expected {len(expected)}: {actual!r}"]
    out = []
    for i, (e, a) in enumerate(zip(expected, actual)):
        out += _subset(e, a, f"{path}[{i}]")
    return out


def _any_order(expected, actual, path):
    if len(expected) != len(actual):
        return [f"{path}: {len(actual)} items, expected {len(expected)}: {actual!r}"]
    left = list(actual)
    out = []
    for i, e in enumerate(expected):
        match = next((a for a in left if not _subset(e, a, "")), None)
        if match is None:
            out.append(f"{path}[{i}]: no item matches {e!r} among {left!r}")
        else:
            left.remove(match)
    return out


def differences(vector, answer):
    """The differences between the JSON 'answer' of the question and the vector's 'expect'."""
    expect = vector["expect"]
    question = vector["question"]
    if question in ("who", "timeline"):
        return _in_order(expect, answer, "expect")
    if question == "advise":
        return _any_order(expect, answer, "expect")
    if question == "plan":
        out = _any_order(expect["measures"], answer["measures"], "expect.measures")
        return out + _subset(expect["proof"], answer["proof"], "expect.proof")
    return _subset(expect, answer, "expect")


# ---- running a vector ---------------------------------------------------------------------------


def run_python(vector):
    """The answer of the Python package as JSON; raises InvalidInput for invalid input."""
    citizen = citizen_from_json(vector["citizen"])
    question = vector["question"]
    on = _d(vector.get("on"))
    if question == "who":
        return [row.to_json() for row in pv.beyond.who_can_see(citizen, on)]
    if question == "timeline":
        steps = pv.beyond.timeline(citizen, vector["actor"], vector["service"], _d(vector["from"]),
                            _d(vector["to"]), unit=vector.get("unit"),
                            channel=vector.get("channel", "direct"))
        return [step.to_json() for step in steps]
    if question == "advise":
        return [item.to_json() for item in pv.beyond.advise(citizen, on)]
    if question == "plan":
        return pv.beyond.plan(citizen, vector["goal"], on, _d(vector.get("horizon"))).to_json()
    return pv.beyond.may_change(vector["requester"], vector["action"], citizen, on,
                         measure=vector.get("measure")).to_json()


def run_command_line(vector, tmp_path):
    """(status, stdout, stderr) of `portvakt QUESTION FILE --json`, run in this process."""
    path = tmp_path / "vector.json"
    # A vector's own members ("comment", RULES.md section 10) belong to the vector file, not to
    # the question's input, which is read strictly.
    path.write_text(json.dumps({k: v for k, v in vector.items() if k != "comment"}), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    status = main([vector["question"], str(path), "--json"], out=out, err=err)
    return status, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("vector", VECTORS)
def test_vector_through_python(vector):
    expect = vector["expect"]
    if isinstance(expect, dict) and "error" in expect:
        assert expect["error"] == "PV_ERR_INVALID_INPUT"
        with pytest.raises(pv.InvalidInput) as info:
            run_python(vector)
        if "field" in expect:
            assert info.value.field == expect["field"]
        return
    answer = run_python(vector)
    assert differences(vector, answer) == []


@pytest.mark.parametrize("vector", VECTORS)
def test_vector_through_the_command_line(vector, tmp_path):
    expect = vector["expect"]
    status, out, err = run_command_line(vector, tmp_path)
    if isinstance(expect, dict) and "error" in expect:
        assert status == 2 and out == ""
        if "field" in expect:
            assert f": {expect['field']}: " in err
        return
    assert status == 0, err
    assert differences(vector, json.loads(out)) == []


# ---- the vectors themselves ---------------------------------------------------------------------


def _rule_ids():
    ids = set(pv.rules.RULES) | set(ROUTINES)
    rules_md = SOURCE_ROOT / "docs" / "RULES.md"
    ids |= set(re.findall(r"\*\*([A-Z]+(?:-[A-Z0-9]+|[0-9]+))\*\*", rules_md.read_text("utf-8")))
    return ids


@pytest.mark.parametrize("question", QUESTIONS)
def test_each_question_has_at_least_three_vectors(question):
    with open(BEYOND_DIR / FILES[question], encoding="utf-8") as f:
        vectors = json.load(f)
    assert len(vectors) >= 3
    assert {v["question"] for v in vectors} == {question}


@pytest.mark.parametrize("vector", VECTORS)
def test_vector_shape_and_rule_ids(vector):
    allowed = {"name", "rules", "question", "on", "citizen", "expect", "comment"}
    allowed |= {"timeline": {"actor", "service", "unit", "channel", "from", "to"},
                "plan": {"goal", "horizon"}, "may": {"requester", "action", "measure"}}.get(vector["question"], set())
    assert set(vector) <= allowed, set(vector) - allowed
    assert {"name", "rules", "question", "citizen", "expect"} <= set(vector)
    assert vector["question"] == "timeline" or "on" in vector
    assert vector["rules"] and set(vector["rules"]) <= _rule_ids(), vector["rules"]


def test_names_are_unique():
    names = [v.values[0]["name"] for v in VECTORS]
    assert len(names) == len(set(names))


def test_a_vector_may_carry_members_of_its_own():
    """Section 10 (strict reading): a vector's own top-level members are ignored by the runner,
    and a repeated member the vector defines still makes it unreadable."""
    vector = next(v.values[0] for v in VECTORS if v.values[0]["question"] == "who")
    own = dict(vector, comment="ignored", trace={"any": ["thing"]})
    assert BeyondVector.from_json(json.dumps(own)).differences() == []
    twice = json.dumps(vector)[:-1] + ', "on": "2026-03-04"}'
    with pytest.raises(pv.InvalidInput) as info:
        BeyondVector.from_json(twice)
    assert info.value.field == "on"


def test_the_runner_sees_a_wrong_expectation(tmp_path):
    """A runner that cannot fail proves nothing: a vector with one expectation changed fails
    through both paths (G1: the guardian's e-services proxy ends on the 13th birthday)."""
    vector = next(v.values[0] for v in VECTORS if v.values[0]["question"] == "timeline")
    wrong = json.loads(json.dumps(vector))
    wrong["expect"][-1]["reason"] = "GUARDIAN_PROXY"
    assert differences(wrong, run_python(wrong)) != []
    status, out, _ = run_command_line(wrong, tmp_path)
    assert status == 0 and differences(wrong, json.loads(out)) != []


def test_one_vector_through_a_real_subprocess(tmp_path):
    """The same command line as a separate process (`python3 -m portvakt`)."""
    vector = next(v.values[0] for v in VECTORS if v.values[0]["question"] == "plan")
    path = tmp_path / "vector.json"
    # A vector's own members ("comment", RULES.md section 10) belong to the vector file, not to
    # the question's input, which is read strictly.
    path.write_text(json.dumps({k: v for k, v in vector.items() if k != "comment"}), encoding="utf-8")
    status, out, err = run_cli("plan", path, "--json")
    assert status == 0, err
    assert differences(vector, json.loads(out)) == []
