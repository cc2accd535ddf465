"""The portvakt command line.

    portvakt eval [FILE|-]                one request (RULES.md section 10) -> the decision as JSON
    portvakt check [-v] FILE|DIR...       run conformance vectors; exit 1 on any failure
    portvakt explain [--language sv|en] [FILE|-]
                                          the decision of one request, for a person to read
    portvakt pnr NUMBER [--on DATE] [--interim] [--json]
                                          a personnummer: birth date, kind, normalised form, age

Exit status: 0 done (and every vector passed), 1 a vector failed, 2 the input could not be used
(not JSON, an unknown field, a wrong type, malformed input of RULES.md section 8): one line on
standard error names the field. The library never reads a clock; this command does, for ``pnr``
without ``--on`` (today's date).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from typing import Any, Iterable, List, Optional, Sequence, TextIO

from ._decision import Decision, rule_source, rule_summary
from ._enums import ActorKind, Language, ServiceKind
from ._errors import InvalidInput
from ._json import Request, load_vectors, loads, parse_date
from ._model import Service
from ._pnr import age_on, parse_personnummer

__all__ = ["main"]

PROG = "portvakt"


class UsageError(Exception):
    """Input that cannot be used: reported on one line, exit status 2."""


def _read(source: str, stdin: TextIO) -> Any:
    try:
        if source == "-":
            text = stdin.read()
        else:
            with open(source, encoding="utf-8") as f:
                text = f.read()
    except OSError as error:
        raise UsageError(f"{source}: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise UsageError(f"{source}: not UTF-8 text") from None
    try:
        return loads(text)
    except ValueError as error:
        raise UsageError(f"{source}: not valid JSON: {error}") from None


def _request(source: str, stdin: TextIO) -> Request:
    obj = _read(source, stdin)
    try:
        return Request.from_json(obj)
    except InvalidInput as error:
        raise UsageError(f"{source}: {error.field or 'request'}: {error.detail}") from None


def _decide(request: Request, source: str) -> Decision:
    try:
        return request.evaluate()
    except InvalidInput as error:
        raise UsageError(f"{source}: {error.field}: {error.detail}") from None


def cmd_eval(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    decision = _decide(_request(args.file, stdin), args.file)
    out.write(json.dumps(decision.to_json(), indent=2, ensure_ascii=False) + "\n")
    return 0


def _vector_files(paths: Iterable[str]) -> List[str]:
    files: List[str] = []
    for path in paths:
        if os.path.isdir(path):
            found = sorted(
                os.path.join(path, name) for name in os.listdir(path) if name.endswith(".json")
            )
            if not found:
                raise UsageError(f"{path}: no .json files")
            files += found
        else:
            files.append(path)
    return files


def cmd_check(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    passed = failed = 0
    for path in _vector_files(args.files):
        try:
            vectors = load_vectors(path)
        except OSError as error:
            raise UsageError(f"{path}: {error.strerror or error}") from None
        except InvalidInput as error:
            raise UsageError(f"{path}: {error.field or 'file'}: {error.detail}") from None
        except ValueError as error:
            raise UsageError(f"{path}: not valid JSON: {error}") from None
        for index, vector in enumerate(vectors):
            differences = vector.differences()
            if differences:
                failed += 1
                out.write(f"FAIL {vector.name} ({path} [{index}])\n")
                if vector.error is not None:
                    out.write(f"  input: {vector.error}\n")
                for difference in differences:
                    out.write(f"  {difference}\n")
            else:
                passed += 1
                if args.verbose:
                    out.write(f"ok   {vector.name} ({path} [{index}])\n")
    out.write(f"{passed} passed, {failed} failed\n")
    return 1 if failed else 0


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
        number = parse_personnummer(text, on=on, interim=args.interim)
    except InvalidInput as error:
        raise UsageError(f"{text!r}: {error.detail}") from None
    age: Optional[int] = age_on(number.birth_date, on) if number.birth_date <= on else None
    if args.json:
        out.write(json.dumps({
            "number": text,
            "birth_date": number.birth_date.isoformat(),
            "kind": number.kind.value,
            "normalized": number.normalized,
            "on": on.isoformat(),
            "age": age,
        }, indent=2) + "\n")
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


def _parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = argparse.ArgumentParser(
        prog=PROG,
        description="The access rules of the 1177 patient portal (RULES.md).",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("eval", help="decide one request (JSON of RULES.md section 10) as JSON")
    p.add_argument("file", nargs="?", default="-", metavar="FILE", help="the request; - for stdin")
    p.set_defaults(run=cmd_eval)

    p = sub.add_parser("check", help="run conformance vectors")
    p.add_argument("files", nargs="+", metavar="FILE",
                   help="vector files (a directory stands for its *.json files)")
    p.add_argument("-v", "--verbose", action="store_true", help="list passing vectors too")
    p.set_defaults(run=cmd_check)

    p = sub.add_parser("explain", help="decide one request and explain it in words")
    p.add_argument("file", nargs="?", default="-", metavar="FILE", help="the request; - for stdin")
    p.add_argument("--language", choices=[lang.value for lang in Language], default="sv",
                   help="the language of the message shown (default sv)")
    p.set_defaults(run=cmd_explain)

    p = sub.add_parser("pnr", help="read a personnummer or samordningsnummer")
    p.add_argument("number", metavar="NUMBER")
    p.add_argument("--on", metavar="DATE",
                   help="the date for the century of a ten-digit form and the age (default today)")
    p.add_argument("--interim", action="store_true", help="accept interim numbers (N7)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=cmd_pnr)
    from ._beyond_cli import add_commands

    add_commands(sub)  # who, timeline, advise, plan, may
    return parser


def main(
    argv: Optional[Sequence[str]] = None,
    out: Optional[TextIO] = None,
    stdin: Optional[TextIO] = None,
    err: Optional[TextIO] = None,
) -> int:
    """Runs the command line with 'argv' (default sys.argv[1:]); returns the exit status."""
    out = sys.stdout if out is None else out
    stdin = sys.stdin if stdin is None else stdin
    err = sys.stderr if err is None else err
    args = _parser().parse_args(argv)
    try:
        return int(args.run(args, out, stdin))
    except UsageError as error:
        err.write(f"{PROG}: {error}\n")
        return 2
    except BrokenPipeError:  # pragma: no cover - output closed early (| head)
        return 0
