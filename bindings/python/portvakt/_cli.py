"""The portvakt command line: every command in one place.

    portvakt eval [FILE|-]                one request (RULES.md section 10) -> the decision as JSON
    portvakt explain [--language sv|en] [FILE|-]
                                          the decision of one request, for a person to read
    portvakt check [-v] FILE|DIR|-...     run conformance vectors (tests/conformance/ and its
                                          beyond/); exit 1 on any failure
    portvakt pnr NUMBER [--on DATE] [--interim] [--json]
                                          a personnummer: birth date, kind, normalised form, age
    portvakt who FILE [--on DATE] [--json]
    portvakt timeline FILE --actor self|ID --service e_services|journal [--unit U]
                           [--channel direct|portal] --from DATE --to DATE [--svg OUT] [--json]
    portvakt advise FILE [--on DATE] [--json]
    portvakt plan FILE --goal GOAL [--on DATE] [--horizon DATE] [--without ID]... [--json]
    portvakt may FILE --requester ROLE --action ACTION [--measure INDEX] [--on DATE] [--json]
    portvakt audit RECORDS LOG [--json] [--jobs N] [--progress|--no-progress]
    portvakt records import RECORDS.jsonl DATABASE
                                          the accesses of a log the rules denied on their date
                                          (H5); exit 1 when anything was found

FILE is a path, or ``-`` for standard input. The FILE of who, timeline, advise, plan and may is
a JSON object with ``citizen`` (RULES.md section 10) and ``on`` where a date matters; it may also
give the question's arguments (``actor``, ``service``, ``unit``, ``channel``, ``from``, ``to``,
``goal``, ``horizon``, ``requester``, ``action``, ``measure``), which the options override, and the keys of a
conformance vector (``name``, ``rules``, ``question``, ``expect``), which are ignored. So a
vector of tests/conformance/beyond/ is itself a FILE.

Exit status: 0 done (and every vector passed), 1 a vector failed, 2 the input or an argument
could not be used: not JSON, an unknown field, a wrong type, malformed input of RULES.md section
8, a file larger than 64 MiB (MAX_INPUT_BYTES) or nested deeper than 64 arrays and objects
(MAX_DEPTH), text that is not UTF-8. Then one line on standard error names the field or the
problem; there is never a traceback. Ctrl-C ends the command quietly with status 130, a closed
standard output (``| head``) quietly with status 0. Output that the terminal's encoding cannot
show is escaped (``\\u2014``); JSON output is then pure ASCII. The library never reads a clock;
this command does, for ``pnr`` without ``--on`` (today's date).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from datetime import date, timedelta
from typing import Any, Callable, Dict, List, NoReturn, Optional, Sequence, TextIO, cast

from . import _schema, beyond
from ._decision import Decision, rule_source, rule_summary
from ._enums import ActorKind, Language, ServiceKind
from ._errors import InvalidInput
from ._json import MAX_DEPTH, MAX_INPUT_BYTES, InputRefused, Request, Vector, _json_type, check_text, citizen_from_json, parse_date, read_json
from ._model import Citizen, Service
from ._reading import Repeated
from ._pnr import age_on, parse_personnummer
from .conformance import MAX_MEASURE, load, measure_index, parse, vector_files

__all__ = ["main", "MAX_INPUT_BYTES", "MAX_DEPTH"]

PROG = "portvakt"


class UsageError(Exception):
    """Input that cannot be used: reported on one line, exit status 2."""


def _one_line(text: str) -> str:
    """'text' on one line: control characters and lone surrogates escaped."""
    out = []
    for ch in text:
        if ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\x{ord(ch):02x}")
        elif 0xD800 <= ord(ch) <= 0xDFFF:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "".join(out)


def _name(source: str) -> str:
    return "standard input" if source == "-" else source


def _read(source: str, stdin: TextIO) -> Any:
    """The JSON of the file 'source' ('-': standard input), at most MAX_INPUT_BYTES, read in
    chunks; UsageError for anything that cannot be read."""
    try:
        return read_json(stdin if source == "-" else source)
    except OSError as error:
        raise UsageError(f"{_name(source)}: {error.strerror or error}") from None
    except InvalidInput as error:
        raise UsageError(f"{_name(source)}: {error.field or 'input'}: {error.detail}") from None
    except InputRefused as error:
        raise UsageError(f"{_name(source)}: {error}") from None
    except ValueError as error:
        raise UsageError(f"{_name(source)}: not valid JSON: {error}") from None


def _request(source: str, stdin: TextIO) -> Request:
    obj = _read(source, stdin)
    if not isinstance(obj, dict):  # (a JSON string would be read as JSON text again)
        raise UsageError(f"{_name(source)}: must be a JSON object (a request), not {_json_type(obj)}")
    try:
        return Request.from_json(obj)
    except InvalidInput as error:
        raise UsageError(f"{_name(source)}: {error.field or 'request'}: {error.detail}"
                         + _schema_note("request", obj)) from None


def _decide(request: Request, source: str) -> Decision:
    try:
        return request.evaluate()
    except InvalidInput as error:
        raise UsageError(f"{_name(source)}: {error.field}: {error.detail}") from None


def _dump(value: Any, out: TextIO) -> None:
    """JSON on 'out': UTF-8 as it is, pure ASCII (\\u escapes) on any other encoding."""
    encoding = (getattr(out, "encoding", None) or "utf-8").lower().replace("-", "").replace("_", "")
    out.write(json.dumps(value, indent=2, ensure_ascii=encoding not in ("utf8", "utf8sig")) + "\n")


# ---- eval ---------------------------------------------------------------------------------------


def cmd_eval(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    decision = _decide(_request(args.file, stdin), args.file)
    _dump(decision.to_json(), out)
    return 0


# ---- check --------------------------------------------------------------------------------------


def cmd_check(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    passed = failed = 0
    try:
        files = vector_files(args.files)
    except ValueError as error:
        raise UsageError(str(error)) from None
    for path in files:
        try:
            vectors = parse(_read(path, stdin)) if path == "-" else load(path)
        except OSError as error:
            raise UsageError(f"{path}: {error.strerror or error}") from None
        except InvalidInput as error:
            raise UsageError(f"{_name(path)}: {error.field or 'file'}: {error.detail}"
                             + _file_schema_note(path)) from None
        except InputRefused as error:
            raise UsageError(f"{path}: {error}") from None
        except ValueError as error:
            raise UsageError(f"{path}: not valid JSON: {error}") from None
        for index, vector in enumerate(vectors):
            differences = vector.differences()
            where = f"({_name(path)} [{index}])"
            if differences:
                failed += 1
                out.write(f"FAIL {vector.name} {where}\n")
                problem = vector.error if isinstance(vector, Vector) else None
                if problem is not None:
                    out.write(f"  input: {problem}\n")
                for difference in differences:
                    out.write(f"  {difference}\n")
            else:
                passed += 1
                if args.verbose:
                    out.write(f"ok   {vector.name} {where}\n")
    out.write(f"{passed} passed, {failed} failed\n")
    return 1 if failed else 0


# ---- schema -------------------------------------------------------------------------------------


def cmd_schema(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    """The schema NAME as it ships (docs/schema), or the list of names with their titles."""
    if args.name is None:
        for name in _schema.names():
            out.write(f"{name:16} {_schema.load(name).get('title', '')}\n")
        return 0
    try:
        out.write(_schema.text(args.name))
    except _schema.SchemaNotFound as error:
        raise UsageError(str(error)) from None
    return 0


def _file_schema_note(path: str) -> str:
    """Where the vector file 'path' fails its schema (vectors, beyond-QUESTION or audit-case), or
    "" (standard input is not read twice)."""
    if path == "-":
        return ""
    try:
        data = read_json(path)
    except (OSError, ValueError):
        return ""
    if isinstance(data, dict):
        return _schema_note("audit-case", data)
    first = data[0] if isinstance(data, list) and data and isinstance(data[0], dict) else {}
    question = first.get("question")
    schema = f"beyond-{question}" if isinstance(question, str) and question in beyond_questions() else "vectors"
    return _schema_note(schema, data)


def beyond_questions() -> List[str]:
    return [name[len("beyond-"):] for name in _schema.names() if name.startswith("beyond-")]


def _schema_note(schema: str, value: Any) -> str:
    """" (fails schema ...: at ...: ...)" when 'value' fails the schema, else ""."""
    where = _schema.failure(schema, value)
    return f" ({where})" if where else ""


# ---- explain ------------------------------------------------------------------------------------


_ASKERS = {
    ActorKind.SELF: "the citizen",
    ActorKind.GUARDIAN: "the guardian",
    ActorKind.REPRESENTATIVE: "the representative",
    ActorKind.OTHER: "the person asking",
}


def _describe_service(service: Service) -> str:
    if service.kind is ServiceKind.E_SERVICES:
        return "the e-services (1177 e-tjänster)"
    if service.unit is None:
        what = "the whole journal"
    elif service.entry_date is None:
        what = f"the journal of unit {service.unit}"
    else:
        what = f"the journal entry of {service.entry_date.isoformat()} at unit {service.unit}"
    return f"{what} through the {service.channel.value} channel"


def _rule_line(reason: str, rule: str) -> str:
    if not rule:
        return f"  {reason}"
    return f"  {reason} — rule {rule} ({rule_source(rule)}): {rule_summary(rule)}"


def cmd_explain(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    request = _request(args.file, stdin)
    decision = _decide(request, args.file)
    asker = _ASKERS[request.actor.kind]
    who = asker if request.actor.id is None else f"{asker} {request.actor.id!r}"
    verb = "may reach" if decision.permitted else "may not reach"
    lines = [f"{decision.effect.value.upper()}: {who} {verb} {_describe_service(request.service)} "
             f"on {request.on.isoformat()}."]
    if decision.permitted:
        lines.append("Permitted on the basis of:")
        lines.append(_rule_line(decision.reason.value, decision.rule))
        if decision.filtered:
            lines.append("The view is filtered: some of it is hidden (a seal or direct access to "
                         "granted units only).")
    else:
        lines.append(f"Primary reason: {decision.reason.value} (rule {decision.rule}).")
        lines.append("Every reason that stands in the way, in rule order:")
        for reason, rule in zip(decision.reasons, decision.reason_rules):
            lines.append(_rule_line(reason.value, rule))
        shown = decision.message(args.language)
        lines.append(f"Message shown to {asker} ({args.language}): {shown}")
    if decision.changes_on is None:
        lines.append("Changes on: never, with the same record.")
    else:
        lines.append(f"Changes on: {decision.changes_on.isoformat()} (the outcome is different "
                     "from that day, with the same record).")
    out.write("\n".join(lines) + "\n")
    return 0


# ---- pnr ----------------------------------------------------------------------------------------


def cmd_pnr(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    if args.on is None:
        on = date.today()
    else:
        try:
            on = parse_date(args.on, "--on")
        except InvalidInput as error:
            raise UsageError(f"--on: {error.detail}") from None
    text = args.number.strip()
    try:
        check_text(text, "NUMBER")
        number = parse_personnummer(text, on=on, interim=args.interim)
    except InvalidInput as error:
        raise UsageError(f"NUMBER {text!r}: {error.detail}") from None
    age: Optional[int] = age_on(number.birth_date, on) if number.birth_date <= on else None
    if args.json:
        _dump({
            "number": text,
            "birth_date": number.birth_date.isoformat(),
            "kind": number.kind.value,
            "normalized": number.normalized,
            "on": on.isoformat(),
            "age": age,
        }, out)
        return 0
    out.write(f"number:     {text}\n")
    out.write(f"kind:       {number.kind.value}\n")
    out.write(f"birth date: {number.birth_date.isoformat()}\n")
    out.write(f"normalised: {number.normalized}\n")
    if age is None:
        out.write(f"age on {on.isoformat()}: not born yet\n")
    else:
        out.write(f"age on {on.isoformat()}: {age}\n")
    return 0


# ---- the questions beyond a yes/no: who, timeline, advise, plan, may ---------------------------

_VECTOR_KEYS = ("name", "rules", "question", "expect")
#: The members of a FILE that are dates; the other arguments are strings ('measure' an index).
_DATE_KEYS = ("on", "from", "to", "horizon")
_ARGUMENT_KEYS = {
    "who": (),
    "timeline": ("actor", "service", "unit", "channel", "from", "to"),
    "advise": (),
    "plan": ("goal", "horizon"),
    "may": ("requester", "action", "measure"),
}


class _Input:
    """The FILE of a command: the citizen, 'on' and the question's arguments."""

    def __init__(self, source: str, command: str, stdin: TextIO) -> None:
        obj = _read(source, stdin)
        self.source = _name(source)
        if not isinstance(obj, dict):
            raise UsageError(f"{self.source}: must be a JSON object with 'citizen'")
        allowed = ("citizen", "on") + _VECTOR_KEYS + _ARGUMENT_KEYS[command]
        for key in obj:
            if key not in allowed:
                raise UsageError(f"{self.source}: {key}: is not a field of '{command}' "
                                 f"(expected {', '.join(allowed)})")
        if type(obj) is Repeated:  # section 10: a repeated member is malformed
            raise UsageError(f"{self.source}: {obj.repeated}: is given twice in one object (a repeated "
                             "member is malformed)")
        if obj.get("citizen") is None:  # null is the same as left out (section 10)
            raise UsageError(f"{self.source}: citizen: is required")
        self.obj: Dict[str, Any] = obj
        try:
            self.citizen: Citizen = citizen_from_json(obj["citizen"])
        except InvalidInput as error:
            raise self.fail(error) from None
        # Every member the file gives is read, and a malformed one is an error, even when an
        # option stands in for it (a date of 'on' that does not exist is never silently unused).
        self.dates: Dict[str, date] = {}
        self.values: Dict[str, Any] = {}
        for key, value in obj.items():
            if value is None or key == "citizen" or key in _VECTOR_KEYS:
                continue
            try:
                if key in _DATE_KEYS:
                    self.dates[key] = parse_date(value, key)
                elif key == "measure":
                    self.values[key] = measure_index(value, key)
                elif not isinstance(value, str):
                    raise UsageError(f"{self.source}: {key}: must be a string, not {type(value).__name__}")
                else:
                    self.values[key] = check_text(value, key)
            except InvalidInput as error:
                raise self.fail(error) from None

    def required_date(self, option: Optional[str], key: str, flag: str) -> date:
        """The date of 'flag' if given, else of the file's 'key'."""
        found = self.optional_date(option, key, flag)
        if found is None:
            raise UsageError(f"{flag} DATE or '{key}' in {self.source} is required")
        return found

    def optional_date(self, option: Optional[str], key: str, flag: str) -> Optional[date]:
        """The date of 'flag' if given, else of the file's 'key', else None."""
        if option is not None:
            try:
                return parse_date(option, flag)
            except InvalidInput as error:
                raise UsageError(f"{flag}: {error.detail}") from None
        return self.dates.get(key)

    def value(self, option: Any, key: str, flag: str, required: bool = True) -> Any:
        """The value of 'flag' if given, else of the file's 'key' (a string, or None)."""
        if option is not None:
            return option  # checked by the parser (_text, _index)
        value = self.values.get(key)
        if value is not None:
            return value
        if required:
            raise UsageError(f"{flag} or '{key}' in {self.source} is required")
        return None

    def fail(self, error: InvalidInput) -> UsageError:
        return UsageError(f"{self.source}: {error.field}: {error.detail}")


def _table(rows: List[List[str]], out: TextIO) -> None:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for n, row in enumerate(rows):
        out.write("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() + "\n")
        if n == 0:
            out.write("  ".join("-" * w for w in widths) + "\n")


def _outcome(d: Any) -> str:
    text = f"{d.effect.value} {d.reason.value}"
    if d.filtered:
        text += " (filtered)"
    return text


def _others(d: Any) -> str:
    return ", ".join(r.value for r in d.reasons[1:]) or "-"


# ---- who ----------------------------------------------------------------------------------------


def cmd_who(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    given = _Input(args.file, "who", stdin)
    on = given.required_date(args.on, "on", "--on")
    try:
        rows = beyond.who_can_see(given.citizen, on)
    except InvalidInput as error:
        raise given.fail(error) from None
    if args.json:
        _dump([r.to_json() for r in rows], out)
        return 0
    out.write(f"Who can see what on {on.isoformat()} (the journal through the direct channel, "
              "which a login lock does not close):\n\n")
    table = [["actor", "service", "unit", "decision", "rule", "also", "changes on"]]
    for r in rows:
        actor = "self" if r.actor.id is None else f"{r.actor.kind.value} {r.actor.id}"
        d = r.decision
        unit = "-" if r.service.kind.value == "e_services" else (r.unit or "(whole)")
        service = f"{r.service.kind.value} ({r.channel.value})"  # "journal (direct)"
        table.append([actor, service, unit,
                      _outcome(d), d.rule, _others(d), d.changes_on.isoformat() if d.changes_on else "never"])
    _table(table, out)
    return 0


# ---- timeline -----------------------------------------------------------------------------------


def cmd_timeline(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    given = _Input(args.file, "timeline", stdin)
    start = given.required_date(args.start, "from", "--from")
    end = given.required_date(args.end, "to", "--to")
    actor_name = given.value(args.actor, "actor", "--actor")
    service_name = given.value(args.service, "service", "--service")
    unit = given.value(args.unit, "unit", "--unit", required=False)
    channel = given.value(args.channel, "channel", "--channel", required=False) or "direct"
    try:
        actor = beyond.actor_named(given.citizen, actor_name)
        service = beyond.service_named(service_name, unit, channel)
        steps = beyond.timeline(given.citizen, actor, service, start, end)
        if args.svg:
            from . import picture  # imported only when a picture is drawn

            picture.timeline_svg(given.citizen, start, end, [(actor, service)],
                                title=f"portvakt timeline: {actor_name}, {service_name}"
                                      + (f" {unit}" if unit else ""),
                                path=args.svg)
    except InvalidInput as error:
        raise given.fail(error) from None
    except OSError as error:
        raise UsageError(f"--svg {args.svg}: {error.strerror or error}") from None
    if args.json:
        _dump([s.to_json() for s in steps], out)
        return 0
    label = beyond._lane_label(actor, service)
    out.write(f"Timeline of {label} from {start.isoformat()} to {end.isoformat()}:\n\n")
    table = [["from", "until", "decision", "rule", "also"]]
    for i, s in enumerate(steps):
        last = steps[i + 1].from_ - timedelta(days=1) if i + 1 < len(steps) else end
        table.append([s.from_.isoformat(), last.isoformat(), _outcome(s.decision), s.decision.rule,
                      _others(s.decision)])
    _table(table, out)
    if args.svg:
        out.write(f"\nSVG written to {args.svg}\n")
    return 0


# ---- advise -------------------------------------------------------------------------------------


def cmd_advise(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    given = _Input(args.file, "advise", stdin)
    on = given.required_date(args.on, "on", "--on")
    try:
        items = beyond.advise(given.citizen, on)
    except InvalidInput as error:
        raise given.fail(error) from None
    if args.json:
        _dump([a.to_json() for a in items], out)
        return 0
    if not items:
        out.write(f"The record follows the routines of RULES.md section 5 on {on.isoformat()}.\n")
        return 0
    out.write(f"{len(items)} advice on {on.isoformat()}:\n")
    for a in items:
        about = f" (guardian {a.guardian})" if a.guardian else ""
        out.write(f"- {a.routine}{about}, {a.source}: {a.message}\n")
    return 0


# ---- plan ---------------------------------------------------------------------------------------


def _measure_text(m: beyond.Measure) -> str:
    if m.action is beyond.Action.BLOCK_GUARDIAN or m.action is beyond.Action.UNBLOCK_GUARDIAN:
        what = f"{m.action.value} {m.guardian}"
    elif m.seal is not None:
        s = m.seal
        what = "seal the whole journal" if s.unit is None else f"seal unit {s.unit}"
        if s.active.from_ or s.active.until:
            what += f", in force {beyond._iso(s.active.from_) or '…'} to {beyond._iso(s.active.until) or '…'}"
        if s.content is not None:
            what += (f", hiding entries registered {beyond._iso(s.content.from_) or '…'} to "
                     f"{beyond._iso(s.content.until) or '…'}")
    elif m.action is beyond.Action.LOCK_LOGIN:
        what = "lock the citizen's login"
    else:
        what = m.action.value
    return what


def cmd_plan(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    given = _Input(args.file, "plan", stdin)
    on = given.required_date(args.on, "on", "--on")
    goal = given.value(args.goal, "goal", "--goal")
    horizon = given.optional_date(args.horizon, "horizon", "--horizon")
    try:
        result = beyond.plan(given.citizen, goal, on, horizon)
        left_out = args.without or []
        if left_out:
            # The plan without the measures of the routines named: proven again (pv_prove_plan).
            kept = tuple(m for m in result.measures if m.routine not in left_out)
            result = beyond.prove(given.citizen, result.goal, on, kept, horizon)
    except InvalidInput as error:
        raise given.fail(error) from None
    if args.json:
        _dump(result.to_json(), out)
        return 0
    without = f" without {', '.join(left_out)}" if left_out else ""
    out.write(f"Plan for the goal '{result.goal}' on {on.isoformat()}{without}:\n")
    for i, m in enumerate(result.measures, 1):
        out.write(f"  {i}. {_measure_text(m)}  [{m.routine}]\n")
        if m.condition:
            out.write(f"     only {m.condition}\n")
    if not result.measures:
        out.write("  (no measures)\n")
    span = (f"from {result.proven_on.isoformat()} to the horizon {beyond._iso(result.horizon)} "
            f"with the unconditional measures applied")
    checked = f"{result.checked} decisions checked on the dates a decision changes"
    if result.fails_on is None:
        out.write(f"Proof: the goal holds {span} ({checked}).\n")
    else:
        out.write(f"Proof: the goal DOES NOT HOLD {span}: it fails on "
                  f"{result.fails_on.isoformat()} ({checked}).\n")
    return 0


# ---- may ----------------------------------------------------------------------------------------


def cmd_may(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    given = _Input(args.file, "may", stdin)
    on = given.required_date(args.on, "on", "--on")
    requester = given.value(args.requester, "requester", "--requester")
    action = given.value(args.action, "action", "--action")
    measure = given.value(args.measure, "measure", "--measure", required=False)
    try:
        answer = beyond.may_change(requester, action, given.citizen, on, measure)
    except InvalidInput as error:
        raise given.fail(error) from None
    if args.json:
        _dump(answer.to_json(), out)
        return 0
    verdict = "yes" if answer.allowed else "no"
    out.write(f"May {requester} take part in '{action}'? {verdict} — part: {answer.part.value}\n")
    out.write(f"Rule {beyond.rule_text(answer.rule)}\n")
    for c in answer.conditions:
        out.write(f"- {c}\n")
    return 0


# ---- audit --------------------------------------------------------------------------------------


def cmd_audit(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    from . import _cli_audit

    return _cli_audit.cmd_audit(args, out, stdin, getattr(args, "err", None), UsageError)


def cmd_records_import(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    from . import _cli_records

    return _cli_records.cmd_records_import(args, out, stdin, getattr(args, "err", None), UsageError)


# ---- the parser ---------------------------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    """An argparse parser whose errors are one line (UsageError), not a usage text."""

    def error(self, message: str) -> NoReturn:
        command = self.prog[len(PROG):].strip()
        raise UsageError(f"{command + ': ' if command else ''}{message} (see {self.prog} --help)")


def _text(flag: str) -> Callable[[str], str]:
    """An argument type: the argument if it is text (no byte that is not UTF-8)."""

    def check(value: str) -> str:
        try:
            return check_text(value, flag)
        except InvalidInput:
            raise argparse.ArgumentTypeError(f"{value!r} is not UTF-8 text") from None

    return check


def _index(value: str) -> int:
    """The argument type of --measure: an index 0 to MAX_MEASURE."""
    try:
        number = int(value.strip(), 10) if value.strip().isascii() else None
    except ValueError:
        number = None
    if number is None or not 0 <= number <= MAX_MEASURE:
        raise argparse.ArgumentTypeError(f"{value!r} is not an index from 0 to {MAX_MEASURE}")
    return number


_FILE_HELP = "the JSON input; - for standard input"
_QUESTION_FILE_HELP = ("JSON with 'citizen' (RULES.md section 10) and 'on' (a vector of "
                       "tests/conformance/beyond/ will do); - for standard input")
_LIMITS = (f"FILE may be - (standard input). A FILE larger than {MAX_INPUT_BYTES // 2**20} MiB or "
           f"nested deeper than {MAX_DEPTH} is refused. Exit status 0 done, 2 input that cannot be "
           "used (one line on standard error names the field).")


def _command(sub: Any, name: str, help: str, example: str, run: Callable[..., int]) -> argparse.ArgumentParser:
    p = sub.add_parser(name, help=help, description=help[0].upper() + help[1:] + ".",
                       epilog=f"example:\n  {example}\n\n{_LIMITS}",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.set_defaults(run=run)
    return cast(argparse.ArgumentParser, p)


def _parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = _Parser(
        prog=PROG,
        description="The access rules of the 1177 patient portal (RULES.md).",
        epilog=f"FILE may be - (standard input) wherever a command reads one. "
               f"`{PROG} COMMAND --help` shows an example of each command.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = _command(sub, "eval", "decide one request (JSON of RULES.md section 10) as JSON",
                 f"{PROG} eval examples/request.json     (or: ... | {PROG} eval -)", cmd_eval)
    p.add_argument("file", nargs="?", default="-", metavar="FILE", help=_FILE_HELP + " (default)")

    p = _command(sub, "explain", "decide one request and explain it in words",
                 f"{PROG} explain --language en examples/request.json", cmd_explain)
    p.add_argument("file", nargs="?", default="-", metavar="FILE", help=_FILE_HELP + " (default)")
    p.add_argument("--language", choices=[lang.value for lang in Language], default="sv",
                   help="the language of the message shown (default sv)")

    p = _command(sub, "check", "run conformance vectors (decisions, and the questions of beyond/)",
                 f"{PROG} check tests/conformance        (prints \"N passed, 0 failed\")", cmd_check)
    p.add_argument("files", nargs="+", metavar="FILE",
                   help="vector files; a directory stands for its *.json files and those of its "
                        "subdirectories; - for standard input")
    p.add_argument("-v", "--verbose", action="store_true", help="list passing vectors too")

    p = _command(sub, "pnr", "read a personnummer or samordningsnummer",
                 f"{PROG} pnr 19121212-1212 --on 2026-11-22 --json", cmd_pnr)
    p.add_argument("number", metavar="NUMBER", type=_text("NUMBER"),
                   help="the number (surrounding spaces are ignored)")
    p.add_argument("--on", metavar="DATE",
                   help="the date for the century of a ten-digit form and the age (default today)")
    p.add_argument("--interim", action="store_true", help="accept interim numbers (N7)")
    p.add_argument("--json", action="store_true", help="print JSON")

    def question(name: str, help: str, example: str, run: Callable[..., int]) -> argparse.ArgumentParser:
        p = _command(sub, name, help, example, run)
        p.add_argument("file", metavar="FILE", help=_QUESTION_FILE_HELP)
        return p

    p = question("who", "who can see what of a citizen on a date",
                 f"{PROG} who examples/household.json --on 2028-03-14", cmd_who)
    p.add_argument("--on", metavar="DATE", help="the date (default: 'on' of FILE)")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = question("timeline", "when the decisions of one actor for one service change",
                 f"{PROG} timeline examples/household.json --actor anna --service journal "
                 "--from 2012-03-14 --to 2030-03-14", cmd_timeline)
    p.add_argument("--actor", metavar="self|ID", type=_text("--actor"),
                   help="self, or a guardian's or representative's id")
    p.add_argument("--service", choices=["e_services", "journal"])
    p.add_argument("--unit", metavar="U", type=_text("--unit"),
                   help="one unit of the journal (default: the whole)")
    p.add_argument("--channel", choices=["direct", "portal"],
                   help="how the journal is reached (default direct)")
    p.add_argument("--from", dest="start", metavar="DATE", help="the first day")
    p.add_argument("--to", dest="end", metavar="DATE", help="the last day")
    p.add_argument("--svg", metavar="OUT", help="also write the timeline as an SVG picture")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = question("advise", "check a record against the routines (RULES.md section 5)",
                 f"{PROG} advise examples/household.json", cmd_advise)
    p.add_argument("--on", metavar="DATE", help="the date (default: 'on' of FILE)")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = question("plan", "the measures for a goal, and their proof",
                 f"{PROG} plan examples/household.json --goal guardian:bertil", cmd_plan)
    p.add_argument("--goal", metavar="GOAL", type=_text("--goal"),
                   help="nothing | no-journal | guardian:ID | hide-unit:U[:FROM] | "
                        "hide-entries:U:FROM:UNTIL")
    p.add_argument("--on", metavar="DATE", help="the date (default: 'on' of FILE)")
    p.add_argument("--horizon", metavar="DATE",
                   help="the last day the proof covers (default: 'horizon' of FILE, else the "
                        "18th birthday, or five years for an adult)")
    p.add_argument("--without", metavar="ID", action="append", type=_text("--without"),
                   help="leave out the measures of this routine or rule (M-PROT, M-GUARD ...) "
                        "and prove the rest; may be repeated")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = question("may", "may a role take part in a change (RULES.md section 7)",
                 f"{PROG} may examples/household.json --requester central_support --action unseal "
                 "--measure 0", cmd_may)
    p.add_argument("--requester", metavar="ROLE", choices=[r.value for r in beyond.Role],
                   help="|".join(r.value for r in beyond.Role))
    p.add_argument("--action", metavar="ACTION", type=_text("--action"),
                   help="|".join(a.value for a in beyond.Action))
    p.add_argument("--measure", metavar="INDEX", type=_index,
                   help="the index of the seal (unseal) or guardian (block, unblock) concerned; "
                        "required for unseal, block_guardian and unblock_guardian")
    p.add_argument("--on", metavar="DATE", help="the date (default: 'on' of FILE)")
    p.add_argument("--json", action="store_true", help="print JSON")

    from . import _cli_audit  # its parser only: the audit itself is imported when it runs

    p = _command(sub, "schema", "print the JSON Schema of a file format (without NAME: list them)",
                 f"{PROG} schema request > request.schema.json", cmd_schema)
    p.add_argument("name", nargs="?", metavar="NAME", help="the schema: " + ", ".join(_schema.names()))

    p = _cli_audit.add_parser(sub, PROG, _command)
    p.set_defaults(run=cmd_audit)
    p.epilog = (f"example:\n  {PROG} audit examples/audit/records.jsonl examples/audit/log.jsonl --json\n\n"
                f"RECORDS or LOG may be - (standard input), not both. A line of LOG longer than "
                f"{_cli_audit.MAX_LINE_BYTES // 2**20} MiB is reported as malformed. Exit status 0 nothing "
                "found, 1 a denied access or a malformed line, 2 RECORDS, LOG or the command line "
                "cannot be used (one line on standard error names the line and the field).")

    from . import _cli_records  # its parser only, as the audit's

    p = _cli_records.add_parser(sub, PROG, _command)
    p.set_defaults(run=cmd_records_import)
    return parser


# ---- main ---------------------------------------------------------------------------------------


def _escaping(stream: Any) -> None:
    """Output the stream's encoding cannot carry is escaped, not an error."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        try:
            reconfigure(errors="backslashreplace")
        except (ValueError, OSError):  # pragma: no cover - a stream that cannot be changed
            pass


def _silence_stdout() -> None:
    """After a closed pipe: the rest of the output (and Python's flush at exit) goes nowhere."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # pragma: no cover
        pass


class _OutputFailed(Exception):
    """Standard output could not be written (full, or closed): one line, exit status 2."""


class _StandardOutput:
    """Standard output as the commands write it: a write or flush that fails (a full disk,
    /dev/full, a closed descriptor) becomes _OutputFailed naming standard output. A closed pipe
    (BrokenPipeError, ``| head``) stays what it is: the quiet end of main."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise
        except (OSError, ValueError) as error:
            raise _OutputFailed(_why(error)) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except (OSError, ValueError) as error:
            raise _OutputFailed(_why(error)) from None

    def __getattr__(self, name: str) -> Any:  # encoding, isatty ...: those of the stream
        return getattr(self._stream, name)


def _why(error: Exception) -> str:
    if isinstance(error, OSError) and error.strerror:
        return f"standard output: {error.strerror}"
    return "standard output is closed"


def _report(err: Optional[TextIO], message: str) -> int:
    """One line on standard error (if it can be written); the exit status 2."""
    try:
        if err is not None:
            err.write(f"{PROG}: {_one_line(message)}\n")
            err.flush()
    except (OSError, ValueError):  # pragma: no cover - standard error is closed or full too
        pass
    return 2


def main(
    argv: Optional[Sequence[str]] = None,
    out: Optional[TextIO] = None,
    stdin: Optional[TextIO] = None,
    err: Optional[TextIO] = None,
) -> int:
    """Runs the command line with 'argv' (default sys.argv[1:]); returns the exit status: 0, 1
    (a vector failed), 2 (one line on 'err' says why), 130 (Ctrl-C)."""
    real_out = out is None
    if err is None:
        err = sys.stderr
        if err is not None:
            _escaping(err)
    if out is None:
        if sys.stdout is None:  # started with standard output closed (>&-)
            return _report(err, "standard output is closed")
        _escaping(sys.stdout)
        out = cast(TextIO, _StandardOutput(sys.stdout))
    stdin = sys.stdin if stdin is None else stdin
    try:
        try:
            with contextlib.redirect_stdout(out):  # --help and --version
                args = _parser().parse_args(argv)
        except SystemExit as done:  # --help, --version
            return done.code if isinstance(done.code, int) else 0
        args.err = err
        status = int(args.run(args, out, stdin))
        out.flush()
        return status
    except UsageError as error:
        message = str(error)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        if real_out:
            _silence_stdout()
        return 0
    except _OutputFailed as error:
        if real_out:
            _silence_stdout()  # what is left in its buffer is not flushed again at exit
        return _report(err, str(error))
    except RecursionError:  # pragma: no cover - the depth of the input is checked first
        message = f"the input is nested too deeply (at most {MAX_DEPTH})"
    except MemoryError:  # pragma: no cover - the size of the input is checked first
        message = "out of memory"
    except Exception as error:  # pragma: no cover - a fault of portvakt, still one line
        message = f"internal error: {type(error).__name__}: {error}"
    return _report(err, message)
