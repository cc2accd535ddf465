"""The conformance vectors of RULES.md section 10 and of tests/conformance/beyond/, and one runner
for both (``python3 -m portvakt check``).

    Request, Vector, Expect, Difference, load_vectors   a decision: the format of section 10
    BeyondVector                                        a question beyond a yes/no (who,
                                                        timeline, advise, plan, may): the format
                                                        of tests/conformance/beyond/README.md
    AuditCase                                           an audit of an access log (H5): the
                                                        format of tests/conformance/audit/README.md
    load(path)        -> [Vector | BeyondVector | AuditCase, ...]
                                                        any vector file (a vector with
                                                        ``question`` is a BeyondVector; a file
                                                        holding an object with ``log`` is an
                                                        AuditCase)
    vector_files(paths) -> [path, ...]                  the *.json files, directories recursed

A vector's ``rules`` may name any id RULES.md defines (``portvakt.RULES``: A1 ... N7, M1, M-ALL,
M-GUARD, M-PROT, M-13, X1 ... X7, H1 ... H5). ``differences()`` of either kind of vector is empty
when it passes.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Dict, List, Mapping, Optional, Tuple, Union

from . import beyond
from ._errors import InvalidInput, InvalidType
from ._json import (
    Difference,
    Expect,
    Request,
    Vector,
    _join,
    _json_type,
    _Object,
    check_text,
    citizen_from_json,
    load_vectors,
    parse_date,
    read_json,
    read_rules,
    repeated,
)
from ._reading import Repeated, loads_strict

__all__ = [
    "AuditCase",
    "BeyondVector",
    "Difference",
    "Expect",
    "QUESTIONS",
    "Request",
    "Vector",
    "load",
    "load_vectors",
    "vector_files",
]

JSON = Any

#: The questions of tests/conformance/beyond/ and the arguments each takes besides ``on`` and
#: ``citizen``.
QUESTIONS: Dict[str, Tuple[str, ...]] = {
    "who": (),
    "timeline": ("actor", "service", "unit", "channel", "from", "to"),
    "advise": (),
    "plan": ("goal", "horizon"),
    "may": ("requester", "action", "measure"),
}
_ERROR = "PV_ERR_INVALID_INPUT"
#: The largest measure index read (an index into at most 1,024 seals, RULES.md section 8).
MAX_MEASURE = 2**31 - 1


def measure_index(value: JSON, path: str) -> Optional[int]:
    """The measure index of 'may' (None for null); InvalidInput naming 'path' unless it is an
    integer 0 to MAX_MEASURE."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidType(path, f"must be an index (a whole number), not {_json_type(value)}")
    if not 0 <= value <= MAX_MEASURE:
        raise InvalidInput(path, f"must be an index from 0 to {MAX_MEASURE}")
    return value


def ask(question: str, citizen: JSON, on: JSON, args: Mapping[str, JSON]) -> JSON:
    """The answer, as JSON, to 'question' about the JSON 'citizen' on the date string 'on' with
    the question's arguments 'args' (by the names of tests/conformance/beyond/README.md: actor,
    service, unit, channel, from, to, goal, horizon, requester, action, measure). Raises InvalidInput
    naming the field for input that cannot be used."""
    if question not in QUESTIONS:
        raise InvalidInput("question", f"is not one of {', '.join(QUESTIONS)}")
    for key, value in args.items():
        if isinstance(value, str):
            check_text(value, key)
    person = citizen_from_json(citizen)
    if question == "timeline":
        start = parse_date(args.get("from"), "from")
        end = parse_date(args.get("to"), "to")
        for key in ("actor", "service"):
            if args.get(key) is None:
                raise InvalidInput(key, "is required")
        steps = beyond.timeline(person, args["actor"], args["service"], start, end,
                                unit=args.get("unit"), channel=args.get("channel") or "direct")
        return [step.to_json() for step in steps]
    day: date = parse_date(on, "on")
    if question == "who":
        return [row.to_json() for row in beyond.who_can_see(person, day)]
    if question == "advise":
        return [item.to_json() for item in beyond.advise(person, day)]
    if question == "plan":
        if args.get("goal") is None:
            raise InvalidInput("goal", "is required")
        horizon = args.get("horizon")
        last = None if horizon is None else parse_date(horizon, "horizon")
        return beyond.plan(person, args["goal"], day, last).to_json()
    for key in ("requester", "action"):
        if args.get(key) is None:
            raise InvalidInput(key, "is required")
    return beyond.may_change(args["requester"], args["action"], person, day,
                             measure_index(args.get("measure"), "measure")).to_json()


# ---- comparing an answer with 'expect' (tests/conformance/beyond/README.md) ---------------------


def _subset(expected: JSON, actual: JSON, path: str) -> List[Difference]:
    """Every key of 'expected' has the same value in 'actual' (objects compared the same way);
    ``conditional`` stands for "the measure carries a condition"."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [Difference(path, expected, actual)]
        out: List[Difference] = []
        for key, value in expected.items():
            at = _join(path, key)
            if key == "conditional":
                got = actual.get("condition") is not None
                if got != value:
                    out.append(Difference(at, value, got))
            elif key not in actual:
                out.append(Difference(at, value, None))
            else:
                out += _subset(value, actual[key], at)
        return out
    if expected != actual:
        return [Difference(path, expected, actual)]
    return []


def _length(expected: JSON, actual: JSON, path: str) -> List[Difference]:
    if not isinstance(expected, list) or not isinstance(actual, list):
        return [Difference(path, expected, actual)]
    if len(expected) != len(actual):
        return [Difference(f"{path} (the number of items)", len(expected), len(actual))]
    return []


def _in_order(expected: JSON, actual: JSON, path: str) -> List[Difference]:
    found = _length(expected, actual, path)
    if found:
        return found
    out: List[Difference] = []
    for i, (e, a) in enumerate(zip(expected, actual)):
        out += _subset(e, a, _join(path, i))
    return out


def _any_order(expected: JSON, actual: JSON, path: str) -> List[Difference]:
    found = _length(expected, actual, path)
    if found:
        return found
    left = list(actual)
    out: List[Difference] = []
    for i, e in enumerate(expected):
        match = next((a for a in left if not _subset(e, a, "")), None)
        if match is None:
            out.append(Difference(_join(path, i), e, left))
        else:
            left.remove(match)
    return out


@dataclass(frozen=True)
class BeyondVector:
    """A vector of tests/conformance/beyond/: a question (``who``, ``timeline``, ``advise``,
    ``plan``, ``may``) about a citizen and its expected answer (JSON), or the expected error
    ``{"error": "PV_ERR_INVALID_INPUT", "field": ...}`` (``field`` optional)."""

    name: str
    question: str
    expect: JSON
    rules: Tuple[str, ...] = ()
    on: JSON = None
    citizen: JSON = None
    arguments: Dict[str, JSON] = field(default_factory=dict)

    @classmethod
    def from_json(cls, obj: Union[Mapping[str, JSON], str, bytes], path: str = "") -> "BeyondVector":
        """A vector from its JSON object (or text). Raises InvalidInput naming the field for a
        vector whose shape cannot be read (the question's own input is read by :meth:`run`, so
        that a vector may expect it to be invalid)."""
        if isinstance(obj, (str, bytes)):
            obj = loads_strict(obj)
        if not isinstance(obj, dict):
            raise InvalidType(path, f"must be an object, not {_json_type(obj)}")
        question = obj.get("question")
        if not isinstance(question, str) or question not in QUESTIONS:
            raise InvalidInput(_join(path, "question"), f"is not one of {', '.join(QUESTIONS)}")
        defined = ("name", "rules", "question", "on", "citizen", "expect") + QUESTIONS[question]
        # Section 10: a vector may carry top-level members of its own ("comment"), which runners
        # ignore; a repeated member the vector defines is malformed.
        if type(obj) is Repeated:
            repeated(obj, path, defined)
        o = _Object({k: v for k, v in obj.items() if k in defined}, path, defined)
        name = o.string("name", required=True)
        expect = o.get("expect")
        if isinstance(expect, dict) and "error" in expect:
            e = _Object(expect, o.at("expect"), ("error", "field"))
            if e.get("error") != _ERROR:
                raise InvalidInput(e.at("error"), f"must be {_ERROR!r}")
            e.string("field")
        elif question in ("who", "timeline", "advise"):
            if not isinstance(expect, list):
                raise InvalidType(o.at("expect"), f"must be an array, not {_json_type(expect)}")
        elif question == "plan":
            _Object(expect, o.at("expect"), ("measures", "proof"))
            if not isinstance(expect.get("measures"), list) or not isinstance(expect.get("proof"), dict):
                raise InvalidInput(o.at("expect"), "must hold 'measures' (an array) and 'proof' (an object)")
        elif not isinstance(expect, dict):
            raise InvalidType(o.at("expect"), f"must be an object, not {_json_type(expect)}")
        return cls(
            name,  # type: ignore[arg-type]
            question,
            expect,
            read_rules(o),
            obj.get("on"),
            obj.get("citizen"),
            {k: obj[k] for k in QUESTIONS[question] if k in obj},
        )

    @property
    def expects_error(self) -> bool:
        return isinstance(self.expect, dict) and "error" in self.expect

    def run(self) -> JSON:
        """The answer to the question as JSON; raises InvalidInput for invalid input."""
        return ask(self.question, self.citizen, self.on, self.arguments)

    def differences(self) -> List[Difference]:
        """Where the answer differs from ``expect``; empty when the vector passes."""
        try:
            answer = self.run()
        except InvalidInput as error:
            if not self.expects_error:
                return [Difference("expect", "an answer",
                                   {"error": _ERROR, "field": error.field, "detail": error.detail})]
            expected = self.expect.get("field")
            if expected is not None and expected != error.field:
                return [Difference("field", expected, error.field)]
            return []
        if self.expects_error:
            return [Difference("error", _ERROR, answer)]
        if self.question in ("who", "timeline"):
            return _in_order(self.expect, answer, "expect")
        if self.question == "advise":
            return _any_order(self.expect, answer, "expect")
        if self.question == "plan":
            return (_any_order(self.expect["measures"], answer["measures"], "expect.measures")
                    + _subset(self.expect["proof"], answer["proof"], "expect.proof"))
        return _subset(self.expect, answer, "expect")

    def to_json(self) -> Dict[str, JSON]:
        out: Dict[str, JSON] = {"name": self.name, "rules": list(self.rules), "question": self.question}
        if self.on is not None:
            out["on"] = self.on
        out["citizen"] = self.citizen
        out.update(self.arguments)
        out["expect"] = self.expect
        return out


@dataclass(frozen=True)
class AuditCase:
    """A case of tests/conformance/audit/ (H5): a record file, an access log and the expected
    findings, each a JSON Lines file named by the case (relative to the case file): ``{"name",
    "rules", "records", "log", "expect"}``. The expected file holds exactly the lines of
    ``portvakt audit RECORDS LOG --json``: one object a finding, in log order, then the summary."""

    name: str
    rules: Tuple[str, ...]
    records: str
    log: str
    expect: str

    @classmethod
    def from_json(cls, obj: JSON, base: str = "", path: str = "") -> "AuditCase":
        """A case from its JSON object; the file names are taken relative to 'base'."""
        o = _Object(obj, path, ("name", "rules", "records", "log", "expect"))
        files = []
        for key in ("records", "log", "expect"):
            name = o.string(key, required=True) or ""  # (required: never None)
            if os.path.isabs(name) or ".." in name.replace("\\", "/").split("/"):
                raise InvalidInput(o.at(key), "must name a file beside the case")
            files.append(os.path.join(base, name))
        return cls(o.string("name", required=True), read_rules(o), *files)  # type: ignore[arg-type]

    def run(self) -> List[JSON]:
        """The lines ``portvakt audit --json`` prints for the case, as JSON values."""
        from ._audit import audit, read_log

        with open(self.log, "rb") as log:
            run = audit(self.records, read_log(log))
            answer: List[JSON] = [finding.to_json() for finding in run]
        answer.append(run.summary.to_json())
        return answer

    def differences(self) -> List[Difference]:
        """Where the findings differ from the expected ones, line by line; empty when it passes."""
        with open(self.expect, "rb") as f:
            expected = [json.loads(line) for line in f.read().decode("utf-8").splitlines() if line.strip()]
        try:
            answer = self.run()
        except InvalidInput as error:
            return [Difference(error.field, "records that can be read", error.detail)]
        except OSError as error:
            return [Difference("log", "a file that can be read", str(error))]
        # A malformed line's message is the implementation's own: only the members the expected
        # line gives are compared (the expected files give none for it).
        out = [Difference(f"expect[{i}]", e, a) for i, (e, a) in enumerate(zip(expected, answer))
               if not isinstance(e, dict) or not isinstance(a, dict)
               or any(a.get(k, _ABSENT) != v for k, v in e.items()) or set(a) - set(e) - {"message"}]
        if len(expected) != len(answer):
            out.append(Difference("expect", f"{len(expected)} lines", f"{len(answer)} lines"))
        return out


_ABSENT = object()

AnyVector = Union[Vector, BeyondVector, AuditCase]


def parse(data: JSON, base: str = "") -> List[AnyVector]:
    """The vectors of the JSON array 'data' (a vector with ``question`` is a BeyondVector).
    Raises InvalidInput (field ``[3].expect.reason``) for a vector that cannot be read."""
    if isinstance(data, dict) and "log" in data:
        return [AuditCase.from_json(data, base)]
    if not isinstance(data, list):
        raise InvalidType("", f"a vector file must hold an array, not {_json_type(data)}")
    out: List[AnyVector] = []
    for i, v in enumerate(data):
        if not isinstance(v, dict):  # (a JSON string would be read as JSON text again)
            raise InvalidType(f"[{i}]", f"a vector must be an object, not {_json_type(v)}")
        if "question" in v:
            out.append(BeyondVector.from_json(v, f"[{i}]"))
        else:
            out.append(Vector.from_json(v, f"[{i}]"))
    return out


def load(path: Union[str, "os.PathLike[str]"]) -> List[AnyVector]:
    """The vectors of a file (either format). Raises OSError, ValueError for text that is not
    JSON (or too large or deep, see portvakt._json.read_json) and InvalidInput for a vector
    that cannot be read."""
    return parse(read_json(path), os.path.dirname(os.fspath(path)))


def vector_files(paths: List[str]) -> List[str]:
    """The vector files of 'paths': a file stands for itself, a directory for every *.json file
    in it and in its subdirectories (sorted, each directory's files before its subdirectories).
    Raises ValueError for a directory without one."""
    files: List[str] = []
    for path in paths:
        if not os.path.isdir(path):
            files.append(path)
            continue
        found: List[str] = []
        for top, dirs, names in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            found += sorted(os.path.join(top, n) for n in names if n.endswith(".json"))
        if not found:
            raise ValueError(f"{path}: no .json files")
        files += found
    return files
