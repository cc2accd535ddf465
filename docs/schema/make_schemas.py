#!/usr/bin/env python3
"""make_schemas.py — writes the JSON Schemas (2020-12) of portvakt's file formats into this
directory, from one description of their parts (RULES.md section 10, its "Strict reading", and
H5). Each schema is self-contained (its parts under $defs), so that a validator needs no
registry. The files are committed; tests/python/test_schemas.py checks they are what this
script writes.

Usage: make_schemas.py [DIRECTORY]   (default: the directory of this script)
"""

import copy
import json
import os
import sys

DRAFT = "https://json-schema.org/draft/2020-12/schema"
BASE = "urn:portvakt:schema:"

DATE_PATTERN = r"^(?!0000)[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
AT_PATTERN = (r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[Tt]([01][0-9]|2[0-3]):[0-5][0-9]:"
              r"([0-5][0-9]|60)(\.[0-9]+)?([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$")
ID_PATTERN = r"^[!-~]{1,64}$"

ACTOR_KINDS = ["self", "guardian", "representative", "other"]
EIDS = ["bankid", "freja_plus", "freja", "password", "other", "none"]
PERMIT_REASONS = ["SELF", "GUARDIAN_PROXY", "DIRECT_ACCESS", "REPRESENTATIVE"]
DENY_REASONS = ["NOT_RELATED", "NO_EID", "LOGIN_LOCKED", "OWN_JOURNAL_SEALED", "UNDER_13", "UNDER_16",
                "PROXY_ENDED", "REPRESENTATIVE_JOURNAL_ONLY", "REPRESENTATIVE_INCOMPLETE",
                "GUARDIAN_BLOCKED", "PROTECTED_IDENTITY", "CHILD_LOGIN_LOCKED", "JOURNAL_SEALED",
                "UNIT_SEALED", "ENTRY_SEALED"]
REASONS = PERMIT_REASONS + ["INVALID_INPUT"] + DENY_REASONS

# What section 8 (and the strict reading) checks that a schema cannot: said in each description.
CANNOT = [
    "a member that appears twice in one object is malformed (a schema sees the object after a "
    "parser kept one copy; portvakt's readers name the member)",
    "a date must exist (2023-02-29 is malformed; the pattern checks the shape and the ranges of "
    "month and day only)",
    "a personnummer must be valid (section 9) and agree with birth_date; the birth date must not "
    "be after on",
    "an interval's start must not be after its end",
    "a seal of scope unit needs a unit, one of scope whole must have none",
    "a grant's holder must be self or the id of one of the citizen's guardians",
    "two guardians or two representatives must not share an id",
    "a case number is at most 128 bytes of UTF-8 without control characters",
]
ACTOR_CANNOT = [
    "an actor of kind self must not set its own login_locked or journal_sealed",
]
SERVICE_CANNOT = [
    "e-services take no unit, no entry date and only the portal channel; an entry date needs a unit",
]


def nullable(schema):
    out = copy.deepcopy(schema)
    t = out.get("type")
    out["type"] = [t, "null"] if isinstance(t, str) else list(t) + ["null"]
    return out


DATE = {"type": "string", "pattern": DATE_PATTERN,
        "description": "a calendar date YYYY-MM-DD, years 0001 to 9999 (RULES.md section 10)"}
ID = {"type": "string", "pattern": ID_PATTERN,
      "description": "1 to 64 bytes of printable ASCII without spaces, compared exactly"}
FLAG = {"type": ["boolean", "null"], "description": "JSON true or false (null: false); 0, 1 and "
        "\"false\" are malformed"}
REQUESTER = {"type": ["string", "null"], "enum": ["care", "citizen", None]}
CASE_NUMBER = {"type": ["string", "null"], "maxLength": 128}


def obj(properties, required=(), description=None, title=None):
    out = {"type": "object", "properties": properties, "additionalProperties": False}
    if required:
        out["required"] = list(required)
    if title:
        out["title"] = title
    if description:
        out["description"] = description
    return out


DEFS = {
    "date": DATE,
    "id": ID,
    "flag": FLAG,
    "interval": obj({"from": nullable(DATE), "until": nullable(DATE)},
                    description="both ends inclusive; null or left out is open"),
}
DEFS["lock_period"] = obj({"from": nullable(DATE), "until": nullable(DATE), "requested_by": REQUESTER,
                           "case_number": CASE_NUMBER},
                          description="a period of the citizen's login lock (H1, X1)")
PERIODS = {"type": ["boolean", "null", "array"], "items": {"$ref": "#/$defs/interval"}, "maxItems": 256,
           "description": "a flag, or a list of at most 256 periods (H1)"}
LOCK_PERIODS = {"type": ["boolean", "null", "array"], "items": {"$ref": "#/$defs/lock_period"},
                "maxItems": 256, "description": "a flag, or a list of at most 256 lock periods (H1)"}
DEFS["seal"] = obj({
    "scope": {"type": "string", "enum": ["whole", "unit"]},
    "unit": nullable(ID),
    "active": {"oneOf": [{"$ref": "#/$defs/interval"}, {"type": "null"}]},
    "content": {"oneOf": [{"$ref": "#/$defs/interval"}, {"type": "null"}]},
    "requested_by": REQUESTER,
}, required=["scope"])
DEFS["guardian"] = obj({"id": {"allOf": [ID, {"not": {"const": "self"}}]}, "blocked": PERIODS,
                        "protected_identity": PERIODS}, required=["id"])
DEFS["grant"] = obj({"holder": nullable(ID), "unit": ID, "from": nullable(DATE), "until": nullable(DATE)},
                    required=["unit"])
DEFS["representative"] = obj({
    "id": ID, "kind": {"type": "string", "enum": ["god_man", "forvaltare"]},
    "cares_for_person": FLAG, "consent": FLAG, "court_order": FLAG,
    "from": nullable(DATE), "until": nullable(DATE),
}, required=["id", "kind"])


def array_of(ref, cap):
    return {"type": ["array", "null"], "items": {"$ref": ref}, "maxItems": cap}


DEFS["citizen"] = obj({
    "birth_date": nullable(DATE),
    "personnummer": {"type": ["string", "null"]},
    "protected_identity": PERIODS,
    "login_locked": LOCK_PERIODS,
    "login_lock_requested_by": REQUESTER,
    "login_lock_case_number": CASE_NUMBER,
    "seals": array_of("#/$defs/seal", 1024),
    "guardians": array_of("#/$defs/guardian", 16),
    "grants": array_of("#/$defs/grant", 1024),
    "representatives": array_of("#/$defs/representative", 16),
}, title="A citizen (RULES.md section 10)")
DEFS["citizen"]["anyOf"] = [
    {"required": ["birth_date"], "properties": {"birth_date": {"type": "string"}}},
    {"required": ["personnummer"], "properties": {"personnummer": {"type": "string"}}},
]
DEFS["actor"] = obj({
    "kind": {"type": "string", "enum": ACTOR_KINDS},
    "id": nullable(ID),
    "eid": {"type": ["string", "null"], "enum": EIDS + [None]},
    "login_locked": FLAG,
    "journal_sealed": FLAG,
}, required=["kind"], title="An actor (RULES.md section 10)")
DEFS["actor"]["allOf"] = [{
    "if": {"properties": {"kind": {"enum": ["guardian", "representative"]}}, "required": ["kind"]},
    "then": {"required": ["id"], "properties": {"id": {"type": "string"}}},
}]
DEFS["service"] = obj({
    "kind": {"type": "string", "enum": ["e_services", "journal"]},
    "channel": {"type": ["string", "null"], "enum": ["portal", "direct", None]},
    "unit": nullable(ID),
    "entry_date": nullable(DATE),
}, required=["kind"], title="A service (RULES.md section 10)")
DEFS["rules"] = {"type": ["array", "null"], "items": {"type": "string", "pattern": "^[A-Z][A-Z0-9-]*$"},
                 "description": "the RULES.md rule ids the vector checks"}
DEFS["expect"] = obj({
    "effect": {"type": "string", "enum": ["permit", "deny"]},
    "reason": {"type": "string", "enum": REASONS},
    "reasons": {"type": ["array", "null"], "items": {"type": "string", "enum": REASONS}},
    "filtered": {"type": ["boolean", "null"]},
    "changes_on": nullable(DATE),
    "rule": {"type": ["string", "null"]},
    "field": {"type": ["string", "null"]},
}, required=["effect", "reason"])


def schema(name, title, description, body, defs, cannot):
    """One schema document: 'body' at the top, the parts it uses under $defs."""
    text = description
    if cannot:
        text += " Not expressed by this schema, checked by portvakt's readers (RULES.md sections 8 " \
                "and 10): " + "; ".join(cannot) + "."
    out = {"$schema": DRAFT, "$id": BASE + name, "title": title, "description": text}
    out.update(body)
    out["$defs"] = {k: DEFS[k] for k in defs}
    return out


CITIZEN_DEFS = ["date", "id", "flag", "interval", "lock_period", "seal", "guardian", "grant",
                "representative", "citizen"]
REQUEST_DEFS = CITIZEN_DEFS + ["actor", "service"]
ALL_CANNOT = CANNOT + ACTOR_CANNOT + SERVICE_CANNOT


def vector_body():
    request_part = {"properties": {"on": {"$ref": "#/$defs/date"}, "citizen": {"$ref": "#/$defs/citizen"},
                                   "actor": {"$ref": "#/$defs/actor"}, "service": {"$ref": "#/$defs/service"}}}
    return {
        "type": "object",
        "required": ["name", "expect"],
        "properties": {"name": {"type": "string", "minLength": 1}, "rules": {"$ref": "#/$defs/rules"},
                       "expect": {"$ref": "#/$defs/expect"}},
        # A vector may carry top-level members of its own ("comment"): runners ignore them.
        "additionalProperties": True,
        # A vector about malformed input may hold anything in its request part: that is its point.
        "if": {"properties": {"expect": {"properties": {"reason": {"const": "INVALID_INPUT"}}}}},
        "else": dict(request_part, required=["on", "citizen", "actor", "service"]),
    }


BEYOND_ERROR = obj({"error": {"const": "PV_ERR_INVALID_INPUT"}, "field": {"type": "string"}}, required=["error"])
STEP = {"type": "object", "required": ["effect"], "properties": {
    "effect": {"enum": ["permit", "deny"]}, "reason": {"enum": REASONS},
    "reasons": {"type": "array", "items": {"enum": REASONS}}, "filtered": {"type": "boolean"},
    "changes_on": nullable(DATE)}}
BEYOND = {
    "who": ({}, [], {"type": "array", "items": dict(copy.deepcopy(STEP), required=["actor", "kind", "service", "effect", "reason"],
                                                     properties=dict(STEP["properties"], actor={"type": "string"},
                                                                     kind={"enum": ["self", "guardian", "representative"]},
                                                                     service={"enum": ["e_services", "journal"]},
                                                                     unit=nullable(ID)))}),
    "timeline": ({"actor": {"type": "string"}, "service": {"enum": ["e_services", "journal"]},
                  "unit": nullable(ID), "channel": {"enum": ["portal", "direct", None]},
                  "from": {"$ref": "#/$defs/date"}, "to": {"$ref": "#/$defs/date"}},
                 ["actor", "service", "from", "to"],
                 {"type": "array", "items": dict(copy.deepcopy(STEP), required=["from", "effect", "reason"],
                                                 properties=dict(STEP["properties"], **{"from": {"$ref": "#/$defs/date"}}))}),
    "advise": ({}, [], {"type": "array", "items": {"type": "object", "required": ["id"],
                                                    "properties": {"id": {"type": "string"}, "guardian": {"type": "string"}}}}),
    "plan": ({"goal": {"type": "string"}, "horizon": {"$ref": "#/$defs/date"}}, ["goal"],
             {"type": "object", "required": ["measures", "proof"],
              "properties": {"measures": {"type": "array", "items": {"type": "object"}},
                             "proof": {"type": "object", "required": ["holds"], "properties": {"holds": {"type": "boolean"}}}}}),
    "may": ({"requester": {"enum": ["citizen", "guardian", "relative", "representative", "care", "support", "central_support"]},
             "action": {"enum": ["lock_login", "unlock_login", "seal", "unseal", "block_guardian", "unblock_guardian",
                                 "grant_direct_access", "remove_direct_access", "register_representative"]},
             "measure": {"type": "integer", "minimum": 0}}, ["requester", "action"],
            {"type": "object", "required": ["allowed", "rule"],
             "properties": {"allowed": {"type": "boolean"}, "rule": {"type": "string"},
                            "part": {"enum": ["none", "ask", "decide", "execute"]}}}),
}


QUESTION_ARGUMENTS = sorted({k for arguments, _, _ in BEYOND.values() for k in arguments})


def beyond_body(question):
    arguments, required, answer = BEYOND[question]
    properties = {"name": {"type": "string", "minLength": 1}, "rules": {"$ref": "#/$defs/rules"},
                  "question": {"const": question}, "on": {"$ref": "#/$defs/date"}, "citizen": {}}
    properties.update(arguments)
    properties["expect"] = {"oneOf": [answer, BEYOND_ERROR]}
    vector = {"type": "object", "required": ["name", "rules", "question", "citizen", "expect"] + required,
              "properties": properties, "additionalProperties": False,
              # The citizen is a record of section 10, unless the vector expects an error (then
              # it may be anything: that is its point).
              "if": {"properties": {"expect": BEYOND_ERROR}},
              "else": {"properties": {"citizen": {"$ref": "#/$defs/citizen"}}}}
    return {"type": "array", "items": vector}


FINDING_DENIED = obj({"line": {"type": "integer", "minimum": 1}, "kind": {"const": "denied"},
                      "citizen": {"type": "string"}, "on": {"$ref": "#/$defs/date"},
                      "reason": {"enum": DENY_REASONS},
                      "reasons": {"type": "array", "minItems": 1, "items": {"enum": DENY_REASONS}},
                      "rules": {"type": "array", "items": {"type": "string"}}},
                     required=["line", "kind", "citizen", "on", "reason", "reasons", "rules"])
FINDING_MALFORMED = obj({"line": {"type": "integer", "minimum": 1}, "kind": {"const": "malformed"},
                         "field": {"type": "string"}, "message": {"type": "string"},
                         "citizen": {"type": ["string", "null"]}},
                        required=["line", "kind", "field"])

SCHEMAS = {
    "citizen": ("A citizen record (RULES.md section 10)",
                "The citizen object of a request, a vector, a record line or a question: who the "
                "decision is about. Unknown members inside it, and inside everything it holds, are "
                "malformed (section 10, strict reading); flags are JSON booleans; the arrays hold at "
                "most the caps of section 8.",
                {"$ref": "#/$defs/citizen"}, CITIZEN_DEFS, CANNOT),
    "request": ("A request: the input of portvakt eval and explain (RULES.md section 10)",
                "One decision to make: on, citizen, actor and service, each required, nothing else.",
                obj({"on": {"$ref": "#/$defs/date"}, "citizen": {"$ref": "#/$defs/citizen"},
                     "actor": {"$ref": "#/$defs/actor"}, "service": {"$ref": "#/$defs/service"}},
                    required=["on", "citizen", "actor", "service"]), REQUEST_DEFS, ALL_CANNOT),
    "question": ("The input of portvakt who, timeline, advise, plan and may",
                 "A citizen and the date the question is asked; a vector of tests/conformance/beyond "
                 "is accepted too (its name, rules, question, expect and the arguments of the "
                 "questions; each command takes only its own arguments).",
                 {"type": "object", "required": ["citizen"],
                  "properties": dict({"on": {"$ref": "#/$defs/date"}, "citizen": {"$ref": "#/$defs/citizen"},
                                      "name": {"type": "string"}, "rules": {"type": "array"},
                                      "question": {"enum": list(BEYOND)}, "expect": {}},
                                     **{k: {} for k in QUESTION_ARGUMENTS}),
                  "additionalProperties": False},
                 CITIZEN_DEFS, CANNOT),
    "vectors": ("A file of conformance vectors (RULES.md section 10)",
                "A JSON array of vectors: each a named request and its expected decision. A vector may "
                "carry top-level members of its own (comment), which runners ignore. A vector that "
                "expects INVALID_INPUT may hold anything in on, citizen, actor and service.",
                {"type": "array", "items": {"$ref": "#/$defs/vector"}},
                REQUEST_DEFS + ["rules", "expect", "vector"], ALL_CANNOT),
    "audit-case": ("A conformance case of the audit (tests/conformance/audit/*/case.json, H5)",
                   "Names a record file, an access log and the expected findings, each beside it.",
                   obj({"name": {"type": "string", "minLength": 1}, "rules": {"$ref": "#/$defs/rules"},
                        "records": {"type": "string"}, "log": {"type": "string"}, "expect": {"type": "string"}},
                       required=["name", "rules", "records", "log", "expect"]), ["rules"], []),
    "records-line": ("A line of an audit record file (RECORDS, H5)",
                     "One record a line of JSON Lines: its id and the citizen. A UTF-8 byte order mark "
                     "at the very start of the file is ignored and a line may end in CR LF.",
                     obj({"id": {"type": "string", "minLength": 1}, "citizen": {"$ref": "#/$defs/citizen"}},
                         required=["id", "citizen"]), CITIZEN_DEFS, CANNOT + ["an id must not be the id of an earlier record"]),
    "log-line": ("A line of an access log (LOG, H5)",
                 "One access a line of JSON Lines: the record id of the citizen, on (a date) or at (an "
                 "RFC 3339 timestamp: lower-case t and z accepted, second 60 read as 59), the actor "
                 "and the service. The line's own other members are ignored (real logs carry more); "
                 "actor and service are strict. A UTF-8 byte order mark at the very start of the file "
                 "is ignored and a line may end in CR LF.",
                 {"type": "object", "required": ["citizen", "actor", "service"],
                  "properties": {"citizen": {"type": "string"}, "on": nullable(DATE),
                                 "at": {"type": ["string", "null"], "pattern": AT_PATTERN},
                                 "actor": {"$ref": "#/$defs/actor"}, "service": {"$ref": "#/$defs/service"}},
                  "oneOf": [{"required": ["on"], "properties": {"on": {"type": "string"}}},
                            {"required": ["at"], "properties": {"at": {"type": "string"}}}]},
                 ["date", "id", "flag", "actor", "service"],
                 ["a member that appears twice in one object is malformed (a schema sees the object after "
                  "a parser kept one copy)", "the citizen must name a record of the record file",
                  "a date must exist, and at's instant must fall on a UTC and a Swedish date within "
                  "0001-01-01 ... 9999-12-31"] + ACTOR_CANNOT + SERVICE_CANNOT),
    "audit-finding": ("A finding line of portvakt audit --json (H5)",
                      "An access the rules deny on its date (kind denied: its reasons and the rule "
                      "behind each), or a line that cannot be audited (kind malformed: the field; the "
                      "message is the implementation's own).",
                      {"oneOf": [{"$ref": "#/$defs/denied"}, {"$ref": "#/$defs/malformed"}]},
                      ["date", "denied", "malformed"], []),
    "audit-summary": ("The last line of portvakt audit --json (H5)",
                      "The counts: lines read, accesses allowed, denied, and malformed lines.",
                      obj({"summary": obj({k: {"type": "integer", "minimum": 0} for k in
                                           ("lines", "allowed", "denied", "malformed")},
                                          required=["lines", "allowed", "denied", "malformed"])},
                          required=["summary"]), [], []),
}
DEFS["vector"] = vector_body()
DEFS["denied"] = FINDING_DENIED
DEFS["malformed"] = FINDING_MALFORMED
for q in BEYOND:
    SCHEMAS["beyond-" + q] = (
        f"A file of conformance vectors of the question {q} (tests/conformance/beyond/{q}.json)",
        f"A JSON array of vectors asking {q} about a citizen, with the question's own arguments "
        "and the expected answer or error. A vector that expects an error may hold anything as "
        "its citizen.",
        beyond_body(q), CITIZEN_DEFS + ["rules"], CANNOT)


def documents():
    return {name: schema(name, *spec) for name, spec in SCHEMAS.items()}


def main(argv):
    directory = argv[1] if len(argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    for name, document in documents().items():
        with open(os.path.join(directory, name + ".schema.json"), "w", encoding="utf-8") as f:
            f.write(json.dumps(document, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
