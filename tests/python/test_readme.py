"""The README's commands and Python examples run as written (issue: a newcomer must never be
stuck). Every `python3 -m portvakt ...` line of a ```sh block runs on the files that ship in
examples/ and exits 0 (1 for `audit`, which finds what the example log holds); every ```python block runs, in order, in one namespace. The C example at
the top is built and run by tests/header and examples/; the quick start by .ci/run."""

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SOURCE_ROOT

README = (SOURCE_ROOT / "README.md").read_text(encoding="utf-8")


def _blocks(language: str):
    return re.findall(r"^```" + language + r"\n(.*?)^```", README, flags=re.S | re.M)


def _cli_commands():
    commands = []
    for block in _blocks("sh"):
        for line in block.replace("\\\n", " ").splitlines():  # continuation lines joined
            words = shlex.split(line, comments=True)  # as the shell reads it
            if words[:3] == ["python3", "-m", "portvakt"]:
                commands.append(shlex.join(words))
    return commands


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    """A scratch directory in which examples/ and tests/ are those of the source tree, so that
    files a command writes (timeline.svg) land in the scratch directory."""
    for name in ("examples", "tests", "docs"):
        (tmp_path / name).symlink_to(SOURCE_ROOT / name)
    return tmp_path


def test_readme_has_commands_on_shipped_files():
    commands = _cli_commands()
    assert len(commands) >= 10
    for command in commands:
        for word in shlex.split(command):  # noqa: B007
            if word.endswith((".json", ".jsonl")):
                assert (SOURCE_ROOT / word).is_file(), f"README names {word}, which does not ship"


@pytest.mark.parametrize("command", _cli_commands())
def test_readme_command_runs(command: str, workdir: Path):
    args = shlex.split(command)[3:]  # after "python3 -m portvakt"
    proc = subprocess.run([sys.executable, "-m", "portvakt", *args], cwd=workdir,
                          capture_output=True, text=True, timeout=120, env=os.environ.copy())
    # `audit` exits 1 when it finds anything, as the README says, and the example log has findings.
    expected = 1 if args[0] == "audit" else 0
    assert proc.returncode == expected, f"{command}\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}"
    assert proc.stdout.strip(), f"{command} printed nothing"
    assert "Traceback" not in proc.stderr


def test_readme_python_examples_run(workdir: Path, monkeypatch, capsys):
    monkeypatch.chdir(workdir)
    namespace: dict = {}
    blocks = _blocks("python")
    assert blocks
    for block in blocks:
        exec(compile(block, "README.md", "exec"), namespace)  # noqa: S102 - the README's own code
    out = capsys.readouterr().out
    # The first example's expected line, written in the README from RULES.md (G3).
    assert "deny GUARDIAN_BLOCKED G3" in out
    assert (workdir / "timeline.svg").is_file()
