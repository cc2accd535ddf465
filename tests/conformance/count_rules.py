#!/usr/bin/python3
"""count_rules.py — checks the shape of the conformance vectors and their coverage of RULES.md.

Usage: count_rules.py [DIRECTORY]   (default: the directory of this script)

Loads every *.json file in DIRECTORY (each a JSON array of vectors, RULES.md section 10), checks
that every vector is well-formed (required keys, unique names, known rule ids and reason names,
an `expect` consistent with RULES.md section 3), counts the vectors per rule id, and fails when a
rule id of sections 2-4, 8 and 11 (H1-H5) has fewer than three vectors or a reason of section 4 never appears
as a primary reason. The audit cases of audit/*/case.json (H5: records, log, expected findings)
are checked for their shape and counted by the rules they name. Prints a per-rule table and a "N passed, M failed" summary; exits 1 on any
failure. Uses the Python standard library only.
"""
import json
import os
import re
import sys

# Rule ids that must each be named by at least MIN_PER_RULE vectors (sections 2-4, 8 and the
# facts over time of section 11, H1-H5; M1 is about messages and is checked elsewhere; H5, the
# audit of access logs, is counted from the cases of audit/, which a decision vector cannot express).
REQUIRED_RULES = ["A1", "A2", "A3", "V1", "R0", "E1", "E2", "E3", "S1", "S2", "D1", "D2", "D3",
                  "G1", "G2", "G3", "G4", "G5", "G6", "P1", "P2", "L1", "L2", "J1", "J2", "J3",
                  "J4", "J5", "J6", "T1", "H1", "H2", "H3", "H4", "H5"]
# Every rule id of RULES.md that a vector may name (section 10: A1 ... N7, M1, M-ALL, M-GUARD,
# M-PROT, M-13, X1 ... X7, H1 ... H5); a vector is never refused for the ids it names.
KNOWN_RULES = set(REQUIRED_RULES) | {"M1", "N1", "N2", "N3", "N4", "N5", "N6", "N7",
                                     "M-ALL", "M-GUARD", "M-PROT", "M-13",
                                     "X1", "X2", "X3", "X4", "X5", "X6", "X7"}
MIN_PER_RULE = 3

PERMIT_REASONS = ["SELF", "GUARDIAN_PROXY", "DIRECT_ACCESS", "REPRESENTATIVE"]
# Deny reasons in step order (RULES.md section 3); INVALID_INPUT stands alone.
DENY_ORDER = ["NOT_RELATED", "NO_EID", "LOGIN_LOCKED", "OWN_JOURNAL_SEALED", "UNDER_13",
              "UNDER_16", "PROXY_ENDED", "REPRESENTATIVE_JOURNAL_ONLY",
              "REPRESENTATIVE_INCOMPLETE", "GUARDIAN_BLOCKED", "PROTECTED_IDENTITY",
              "CHILD_LOGIN_LOCKED", "JOURNAL_SEALED", "UNIT_SEALED", "ENTRY_SEALED"]
ALL_REASONS = PERMIT_REASONS + ["INVALID_INPUT"] + DENY_ORDER

EXPECTED_FILES = ["age.json", "self.json", "guardian.json", "direct_access.json",
                  "block_and_protected.json", "lock.json", "seals.json", "representatives.json",
                  "relation_and_eid.json", "changes_on.json", "malformed.json",
                  "facts_over_time.json"]

VECTOR_KEYS = {"name", "rules", "on", "citizen", "actor", "service", "expect"}
EXPECT_KEYS = {"effect", "reason", "reasons", "filtered", "changes_on", "field"}
# expect.field: the path of section 8 ("citizen.seals[2].active.from"), INVALID_INPUT only.
FIELD_RE = re.compile(r"^[a-z_]+(\[[0-9]+\])?(\.[a-z_]+(\[[0-9]+\])?)*$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def vector_problems(v):
    """Returns a list of what is wrong with one vector's shape (empty if well-formed)."""
    if not isinstance(v, dict):
        return ["not a JSON object"]
    problems = []
    missing = VECTOR_KEYS - set(v)
    if missing:
        problems.append("missing keys: " + ", ".join(sorted(missing)))
    # RULES.md section 10: a vector may carry top-level members of its own ("comment"), which
    # runners ignore.
    name = v.get("name")
    if not isinstance(name, str) or not name.strip():
        problems.append("name must be a non-empty string")
    rules = v.get("rules")
    if not isinstance(rules, list) or not rules:
        problems.append("rules must be a non-empty list")
    else:
        for r in rules:
            if r not in KNOWN_RULES:
                problems.append("unknown rule id %r" % (r,))
        if len(set(map(str, rules))) != len(rules):
            problems.append("a rule id is listed twice")
    expect = v.get("expect")
    if not isinstance(expect, dict):
        problems.append("expect must be an object")
        return problems
    for k in set(expect) - EXPECT_KEYS:
        problems.append("unknown key in expect: %r" % (k,))
    effect, reason = expect.get("effect"), expect.get("reason")
    if effect not in ("permit", "deny"):
        problems.append("expect.effect must be \"permit\" or \"deny\"")
    if reason not in ALL_REASONS:
        problems.append("expect.reason %r is not a reason of RULES.md section 4" % (reason,))
    elif effect in ("permit", "deny") and (reason in PERMIT_REASONS) != (effect == "permit"):
        problems.append("expect.effect %s does not match reason %s" % (effect, reason))
    if "reasons" in expect:
        reasons = expect["reasons"]
        if not isinstance(reasons, list) or not all(isinstance(r, str) for r in reasons):
            problems.append("expect.reasons must be a list of names")
        elif effect == "permit":
            if reasons:
                problems.append("expect.reasons must be empty for a permit")
        elif reason == "INVALID_INPUT":
            if reasons != ["INVALID_INPUT"]:
                problems.append("expect.reasons must be [\"INVALID_INPUT\"] for invalid input")
        elif reason == "NOT_RELATED":
            if reasons != ["NOT_RELATED"]:
                problems.append("NOT_RELATED ends evaluation: expect.reasons must be "
                                "[\"NOT_RELATED\"]")
        else:
            unknown = [r for r in reasons if r not in DENY_ORDER or r == "NOT_RELATED"]
            if unknown:
                problems.append("expect.reasons holds unknown or impossible names %r" % unknown)
            elif not reasons or reasons[0] != reason:
                problems.append("expect.reasons must start with the primary reason")
            elif reasons != sorted(set(reasons), key=DENY_ORDER.index):
                problems.append("expect.reasons must be in step order without repeats")
    if "filtered" in expect:
        if not isinstance(expect["filtered"], bool):
            problems.append("expect.filtered must be true or false")
        elif expect["filtered"] and effect == "deny":
            problems.append("expect.filtered is true for a deny (only a permitted view hides)")
    if "changes_on" in expect:
        ch = expect["changes_on"]
        if ch is not None and (not isinstance(ch, str) or not DATE_RE.match(ch)):
            problems.append("expect.changes_on must be null or a YYYY-MM-DD string")
        elif ch is not None and isinstance(v.get("on"), str) and DATE_RE.match(v["on"]) \
                and ch <= v["on"]:
            problems.append("expect.changes_on must be after on")
    if "field" in expect:
        field = expect["field"]
        if reason != "INVALID_INPUT":
            problems.append("expect.field is given only with INVALID_INPUT")
        elif not isinstance(field, str) or not FIELD_RE.match(field):
            problems.append("expect.field must be a field path such as citizen.seals[2].active.from")
    return problems


AUDIT_KEYS = {"name", "rules", "records", "log", "expect"}


def audit_case_problems(c, directory):
    """What is wrong with the shape of one audit case (empty if well-formed): its keys, rules,
    the three files beside it, and expected lines that are findings in log order and a summary
    whose counts add up (RULES.md H5)."""
    if not isinstance(c, dict):
        return ["not a JSON object"]
    problems = []
    if set(c) != AUDIT_KEYS:
        return ["keys must be " + ", ".join(sorted(AUDIT_KEYS))]
    if not isinstance(c["rules"], list) or "H5" not in c["rules"]:
        problems.append("rules must be an array naming H5")
    elif any(r not in KNOWN_RULES for r in c["rules"]):
        problems.append("unknown rule id in rules")
    for key in ("records", "log", "expect"):
        if not isinstance(c[key], str) or not os.path.isfile(os.path.join(directory, c[key])):
            problems.append("%s must name a file beside the case" % key)
    if problems:
        return problems
    with open(os.path.join(directory, c["expect"]), encoding="utf-8") as fh:
        lines = [json.loads(line) for line in fh if line.strip()]
    with open(os.path.join(directory, c["log"]), "rb") as fh:
        log_lines = len(fh.read().split(b"\n")) - 1
    if not lines or set(lines[-1]) != {"summary"}:
        return ["the expected file must end with the summary"]
    summary, findings = lines[-1]["summary"], lines[:-1]
    numbers = [f.get("line") for f in findings]
    if numbers != sorted(set(numbers)):
        problems.append("findings must be in log order, one a line")
    if any(f.get("kind") not in ("denied", "malformed") for f in findings):
        problems.append("a finding's kind is denied or malformed")
    denied = sum(1 for f in findings if f.get("kind") == "denied")
    if summary.get("lines") != log_lines:
        problems.append("summary.lines is %r, the log has %d lines" % (summary.get("lines"), log_lines))
    if (summary.get("denied"), summary.get("malformed")) != (denied, len(findings) - denied):
        problems.append("summary's denied and malformed do not count the findings")
    if summary.get("allowed", -1) + len(findings) != log_lines:
        problems.append("allowed + denied + malformed is not the number of lines")
    return problems


def main(argv):
    directory = argv[1] if len(argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    passed, failed = 0, 0

    def check(ok, message):
        nonlocal passed, failed
        if ok:
            passed += 1
        else:
            failed += 1
            print("FAIL: " + message)

    files = sorted(f for f in os.listdir(directory) if f.endswith(".json"))
    for f in EXPECTED_FILES:
        check(f in files, "vector file %s is missing" % f)

    per_rule = {r: 0 for r in sorted(KNOWN_RULES)}
    per_file = {}
    primary = {r: 0 for r in ALL_REASONS}
    names = {}
    total = 0
    for f in files:
        path = os.path.join(directory, f)
        try:
            # utf-8-sig: a byte order mark at the very start of a file is ignored (H5).
            with open(path, encoding="utf-8-sig") as fh:
                vectors = json.load(fh)
        except (OSError, ValueError) as e:
            check(False, "%s: cannot be read as JSON: %s" % (f, e))
            continue
        if not isinstance(vectors, list):
            check(False, "%s: must hold a JSON array of vectors" % f)
            continue
        check(len(vectors) > 0, "%s: holds no vectors" % f)
        per_file[f] = len(vectors)
        for i, v in enumerate(vectors):
            total += 1
            label = "%s[%d]" % (f, i)
            if isinstance(v, dict) and isinstance(v.get("name"), str):
                label += " \"%s\"" % v["name"]
                if v["name"] in names:
                    check(False, "%s: name also used by %s" % (label, names[v["name"]]))
                else:
                    names[v["name"]] = label
            problems = vector_problems(v)
            check(not problems, "%s: %s" % (label, "; ".join(problems)))
            if problems:
                continue
            for r in v["rules"]:
                per_rule[r] += 1
            primary[v["expect"]["reason"]] += 1

    # The audit cases (H5): audit/<case>/case.json names its records, log and expected findings.
    audit_dir = os.path.join(directory, "audit")
    cases = sorted(os.listdir(audit_dir)) if os.path.isdir(audit_dir) else []
    check(len(cases) >= MIN_PER_RULE, "audit/ holds %d cases, fewer than %d" % (len(cases), MIN_PER_RULE))
    for case in cases:
        label = "audit/%s/case.json" % case
        try:
            with open(os.path.join(audit_dir, case, "case.json"), encoding="utf-8") as fh:
                c = json.load(fh)
        except (OSError, ValueError) as e:
            check(False, "%s: cannot be read as JSON: %s" % (label, e))
            continue
        problems = audit_case_problems(c, os.path.join(audit_dir, case))
        check(not problems, "%s: %s" % (label, "; ".join(problems)))
        if problems:
            continue
        total += 1
        per_file["audit/"] = per_file.get("audit/", 0) + 1
        for r in c["rules"]:
            per_rule[r] += 1

    print("%-6s %8s" % ("rule", "vectors"))
    for r in REQUIRED_RULES + sorted(KNOWN_RULES - set(REQUIRED_RULES)):
        mark = ""
        if r in REQUIRED_RULES and per_rule[r] < MIN_PER_RULE:
            mark = "  < %d" % MIN_PER_RULE
        print("%-6s %8d%s" % (r, per_rule[r], mark))
    print()
    print("%-28s %8s" % ("primary reason", "vectors"))
    for reason in ALL_REASONS:
        print("%-28s %8d%s" % (reason, primary[reason], "" if primary[reason] else "  never"))
    print()
    for f in sorted(per_file):
        print("%-28s %8d" % (f, per_file[f]))
    print("%-28s %8d" % ("total", total))
    print()

    for r in REQUIRED_RULES:
        check(per_rule[r] >= MIN_PER_RULE,
              "rule %s is named by %d vectors, fewer than %d" % (r, per_rule[r], MIN_PER_RULE))
    for reason in ALL_REASONS:
        check(primary[reason] > 0, "reason %s never appears as a primary reason" % reason)

    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
