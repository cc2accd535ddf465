"""The command-line questions beyond a yes/no (see portvakt.beyond).

    portvakt who FILE [--on DATE] [--json]
    portvakt timeline FILE --actor self|ID --service e_services|journal [--unit U]
                           [--channel direct|portal] --from DATE --to DATE [--svg OUT] [--json]
    portvakt advise FILE [--on DATE] [--json]
    portvakt plan FILE --goal GOAL [--on DATE] [--json]
    portvakt may FILE --requester ROLE --action ACTION [--measure INDEX] [--on DATE] [--json]

FILE ('-' for standard input) is a JSON object with ``citizen`` (RULES.md section 10) and ``on``
where a date matters; it may also give the question's arguments (``actor``, ``service``,
``unit``, ``channel``, ``from``, ``to``, ``goal``, ``requester``, ``action``, ``measure``), which
the options override, and the keys of a conformance vector (``name``, ``rules``, ``question``,
``expect``), which are ignored. So a vector of tests/conformance/beyond/ is itself a FILE.
"""

from __future__ import annotations

import argparse
import json
from datetime import date, timedelta
from typing import Any, Dict, List, Optional, TextIO

from . import beyond
from ._cli import UsageError, _read
from ._errors import InvalidInput
from ._json import citizen_from_json, parse_date
from ._model import Citizen

__all__ = ["add_commands"]

_VECTOR_KEYS = ("name", "rules", "question", "expect")
_ARGUMENT_KEYS = {
    "who": (),
    "timeline": ("actor", "service", "unit", "channel", "from", "to"),
    "advise": (),
    "plan": ("goal",),
    "may": ("requester", "action", "measure"),
}


class _Input:
    """The FILE of a command: the citizen, 'on' and the question's arguments."""

    def __init__(self, source: str, command: str, stdin: TextIO) -> None:
        obj = _read(source, stdin)
        self.source = source
        if not isinstance(obj, dict):
            raise UsageError(f"{source}: must be a JSON object with 'citizen'")
        allowed = ("citizen", "on") + _VECTOR_KEYS + _ARGUMENT_KEYS[command]
        for key in obj:
            if key not in allowed:
                raise UsageError(f"{source}: {key}: is not a field of '{command}' "
                                 f"(expected {', '.join(allowed)})")
        if obj.get("citizen") is None:  # null is the same as left out (section 10)
            raise UsageError(f"{source}: citizen: is required")
        self.obj: Dict[str, Any] = obj
        try:
            self.citizen: Citizen = citizen_from_json(obj["citizen"])
        except InvalidInput as error:
            raise UsageError(f"{source}: {error.field}: {error.detail}") from None

    def date(self, option: Optional[str], key: str, flag: str, required: bool = True) -> Optional[date]:
        """The date of 'flag' if given, else of the file's 'key'."""
        if option is not None:
            try:
                return parse_date(option, flag)
            except InvalidInput as error:
                raise UsageError(f"{flag}: {error.detail}") from None
        if key in self.obj and self.obj[key] is not None:
            try:
                return parse_date(self.obj[key], key)
            except InvalidInput as error:
                raise UsageError(f"{self.source}: {error.field}: {error.detail}") from None
        if required:
            raise UsageError(f"{flag} DATE or '{key}' in {self.source} is required")
        return None

    def value(self, option: Any, key: str, flag: str, required: bool = True) -> Any:
        """The value of 'flag' if given, else of the file's 'key'."""
        if option is not None:
            return option
        if self.obj.get(key) is not None:
            return self.obj[key]
        if required:
            raise UsageError(f"{flag} or '{key}' in {self.source} is required")
        return None

    def fail(self, error: InvalidInput) -> UsageError:
        return UsageError(f"{self.source}: {error.field}: {error.detail}")


def _dump(value: Any, out: TextIO) -> None:
    out.write(json.dumps(value, indent=2, ensure_ascii=False) + "\n")


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
    on = given.date(args.on, "on", "--on")
    try:
        rows = beyond.who_can_see(given.citizen, on)  # type: ignore[arg-type]
    except InvalidInput as error:
        raise given.fail(error) from None
    if args.json:
        _dump([r.to_json() for r in rows], out)
        return 0
    out.write(f"Who can see what on {on.isoformat()} (the journal through the direct channel, "  # type: ignore[union-attr]
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
    start = given.date(args.start, "from", "--from")
    end = given.date(args.end, "to", "--to")
    actor_name = given.value(args.actor, "actor", "--actor")
    service_name = given.value(args.service, "service", "--service")
    unit = given.value(args.unit, "unit", "--unit", required=False)
    channel = given.value(args.channel, "channel", "--channel", required=False) or "direct"
    try:
        actor = beyond.actor_named(given.citizen, actor_name)
        service = beyond.service_named(service_name, unit, channel)
        steps = beyond.timeline(given.citizen, actor, service, start, end)  # type: ignore[arg-type]
        if args.svg:
            beyond.timeline_svg(given.citizen, start, end, [(actor, service)],  # type: ignore[arg-type]
                                title=f"portvakt timeline: {actor_name}, {service_name}"
                                      + (f" {unit}" if unit else ""),
                                path=args.svg)
    except InvalidInput as error:
        raise given.fail(error) from None
    except OSError as error:
        raise UsageError(f"{args.svg}: {error.strerror or error}") from None
    if args.json:
        _dump([s.to_json() for s in steps], out)
        return 0
    label = beyond._lane_label(actor, service)
    out.write(f"Timeline of {label} from {start.isoformat()} to {end.isoformat()}:\n\n")  # type: ignore[union-attr]
    table = [["from", "until", "decision", "rule", "also"]]
    for i, s in enumerate(steps):
        last = steps[i + 1].from_ - timedelta(days=1) if i + 1 < len(steps) else end
        table.append([s.from_.isoformat(), last.isoformat(), _outcome(s.decision), s.decision.rule,  # type: ignore[union-attr]
                      _others(s.decision)])
    _table(table, out)
    if args.svg:
        out.write(f"\nSVG written to {args.svg}\n")
    return 0


# ---- advise -------------------------------------------------------------------------------------


def cmd_advise(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    given = _Input(args.file, "advise", stdin)
    on = given.date(args.on, "on", "--on")
    try:
        items = beyond.advise(given.citizen, on)  # type: ignore[arg-type]
    except InvalidInput as error:
        raise given.fail(error) from None
    if args.json:
        _dump([a.to_json() for a in items], out)
        return 0
    if not items:
        out.write(f"The record follows the routines of RULES.md section 5 on {on.isoformat()}.\n")  # type: ignore[union-attr]
        return 0
    out.write(f"{len(items)} advice on {on.isoformat()}:\n")  # type: ignore[union-attr]
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
    on = given.date(args.on, "on", "--on")
    goal = given.value(args.goal, "goal", "--goal")
    try:
        result = beyond.plan(given.citizen, goal, on)  # type: ignore[arg-type]
    except InvalidInput as error:
        raise given.fail(error) from None
    if args.json:
        _dump(result.to_json(), out)
        return 0
    out.write(f"Plan for the goal '{result.goal}' on {on.isoformat()}:\n")  # type: ignore[union-attr]
    for i, m in enumerate(result.measures, 1):
        out.write(f"  {i}. {_measure_text(m)}  [{m.routine}]\n")
        if m.condition:
            out.write(f"     only {m.condition}\n")
    verdict = "holds" if result.holds else "DOES NOT HOLD"
    out.write(f"Proof: the goal {verdict} on {result.proven_on.isoformat()} with the unconditional "
              f"measures applied ({result.checked} decisions checked).\n")
    return 0


# ---- may ----------------------------------------------------------------------------------------


def cmd_may(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    given = _Input(args.file, "may", stdin)
    on = given.date(args.on, "on", "--on")
    requester = given.value(args.requester, "requester", "--requester")
    action = given.value(args.action, "action", "--action")
    measure = given.value(args.measure, "measure", "--measure", required=False)
    try:
        answer = beyond.may_change(requester, action, given.citizen, on, measure)  # type: ignore[arg-type]
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


# ---- the parser ---------------------------------------------------------------------------------


def _file(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE",
                   help="JSON with 'citizen' (RULES.md section 10) and 'on'; - for stdin")


def add_commands(sub: Any) -> None:
    """Adds who, timeline, advise, plan and may to the subcommands 'sub' of the parser."""
    p = sub.add_parser("who", help="who can see what of a citizen on a date")
    _file(p)
    p.add_argument("--on", metavar="DATE", help="the date (default: 'on' of FILE)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=cmd_who)

    p = sub.add_parser("timeline", help="when the decisions of one actor for one service change")
    _file(p)
    p.add_argument("--actor", metavar="self|ID", help="self, or a guardian's or representative's id")
    p.add_argument("--service", choices=["e_services", "journal"])
    p.add_argument("--unit", metavar="U", help="one unit of the journal (default: the whole)")
    p.add_argument("--channel", choices=["direct", "portal"],
                   help="how the journal is reached (default direct)")
    p.add_argument("--from", dest="start", metavar="DATE", help="the first day")
    p.add_argument("--to", dest="end", metavar="DATE", help="the last day")
    p.add_argument("--svg", metavar="OUT", help="also write the timeline as an SVG picture")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=cmd_timeline)

    p = sub.add_parser("advise", help="check a record against the routines (RULES.md section 5)")
    _file(p)
    p.add_argument("--on", metavar="DATE", help="the date (default: 'on' of FILE)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=cmd_advise)

    p = sub.add_parser("plan", help="the measures for a goal, and their proof")
    _file(p)
    p.add_argument("--goal", metavar="GOAL",
                   help="nothing | no-journal | guardian:ID | hide-unit:U[:FROM] | "
                        "hide-entries:U:FROM:UNTIL")
    p.add_argument("--on", metavar="DATE", help="the date (default: 'on' of FILE)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=cmd_plan)

    p = sub.add_parser("may", help="may a role take part in a change (RULES.md section 7)")
    _file(p)
    p.add_argument("--requester", metavar="ROLE", choices=[r.value for r in beyond.Role],
                   help="|".join(r.value for r in beyond.Role))
    p.add_argument("--action", metavar="ACTION",
                   help="|".join(a.value for a in beyond.Action))
    p.add_argument("--measure", metavar="INDEX", type=int,
                   help="the index of the seal (unseal) or guardian (block, unblock) concerned")
    p.add_argument("--on", metavar="DATE", help="the date (default: 'on' of FILE)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=cmd_may)
