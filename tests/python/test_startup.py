"""Commands start fast: deciding one request never imports what only a picture or the audit
needs. Held structurally (which modules a fresh interpreter has loaded), not by a timing."""

import json
import os
import subprocess
import sys

from conftest import SOURCE_ROOT

#: Modules only a picture (xml.sax.saxutils pulls in urllib.request and http.client) or the audit
#: (the time zone, its readers) needs.
PICTURE_OR_AUDIT = ("xml.sax.saxutils", "urllib.request", "http.client", "email.message", "zoneinfo",
                    "portvakt._svg", "portvakt.picture", "portvakt._audit", "portvakt.audit")


def loaded_after(code):
    probe = code + "\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))\n"
    out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True,
                         env=os.environ, cwd=SOURCE_ROOT).stdout
    return set(json.loads(out.splitlines()[-1]))


def test_importing_portvakt_loads_neither_pictures_nor_the_audit():
    loaded = loaded_after("import portvakt")
    assert not loaded & set(PICTURE_OR_AUDIT), sorted(loaded & set(PICTURE_OR_AUDIT))


def test_the_eval_command_loads_neither_pictures_nor_the_audit():
    code = ("import sys, portvakt._cli as cli\n"
            "status = cli.main(['eval', 'examples/request.json'], out=open('/dev/null', 'w'))\n"
            "assert status == 0, status")
    loaded = loaded_after(code)
    assert "portvakt._json" in loaded  # the request was read
    assert not loaded & set(PICTURE_OR_AUDIT), sorted(loaded & set(PICTURE_OR_AUDIT))


def test_a_picture_and_the_audit_load_what_they_need_when_asked():
    assert "xml.sax.saxutils" in loaded_after("import portvakt\nportvakt.picture")
    assert "portvakt._audit" in loaded_after("import portvakt\nportvakt.audit.run")


def test_the_audit_help_states_the_audit_line_limit():
    from portvakt import _audit, _cli_audit

    assert _cli_audit.MAX_LINE_BYTES == _audit.MAX_LINE_BYTES
