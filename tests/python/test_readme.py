"""The README's commands and Python examples run as written (issue: a newcomer must never be
stuck). Every `python3 -m portvakt ...` line of a ```sh block runs on the files that ship in
examples/ and exits 0 (1 for `audit`, which finds what the example log holds); every ```python block runs, in order, in one namespace. The C example at
the top is built and run by tests/header and examples/; the quick start by .ci/run."""

import json
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


def test_readme_c_fragment_builds_and_prints_what_it_says(tmp_path: Path):
    """The C fragment at the top of the README, put in a main() as written (its #include lines
    first), builds with the project's warnings as errors and prints the line its last comment
    shows: G3 denies the blocked guardian, with the generic message (M1)."""
    import shutil

    from portvakt import cportvakt

    compiler = shutil.which("cc") or shutil.which("gcc")
    build_root = Path(cportvakt.__file__).resolve().parents[3]
    library = build_root / "src" / "libportvakt.a"
    if compiler is None or not library.exists():
        pytest.skip("needs a C compiler and the build tree's static library")
    fragment = _blocks("c")[0]
    includes = [line for line in fragment.splitlines() if line.startswith("#include")]
    body = [line for line in fragment.splitlines() if not line.startswith("#include")]
    expected = re.search(r"/\* (deny [^*]*?) \*/\s*$", fragment).group(1)
    source = tmp_path / "fragment.c"
    source.write_text("\n".join(includes + ["int main(void) {"] + body + ["return 0;", "}"]) + "\n",
                      encoding="utf-8")
    program = tmp_path / "fragment"
    # A library built with a sanitizer or for coverage (the CI checks) needs the same at the link.
    options = {o["name"]: o["value"] for o in
               json.loads((build_root / "meson-info" / "intro-buildoptions.json").read_text())}
    link = [] if options.get("b_sanitize", "none") == "none" else [f"-fsanitize={options['b_sanitize']}"]
    link += ["--coverage"] if options.get("b_coverage") else []
    subprocess.run([compiler, "-std=c11", "-Wall", "-Wextra", "-Werror",
                    f"-I{SOURCE_ROOT / 'include'}", f"-I{build_root / 'include'}",
                    str(source), str(library), *link, "-o", str(program)], check=True)
    out = subprocess.run([str(program)], check=True, capture_output=True, text=True).stdout
    assert out == expected + "\n"


def test_gitignore_covers_what_the_readme_steps_leave():
    """The files the README's steps write in the source tree are ignored by git: the build
    directories, the wheel and meson-python's files, the venv, the C example and the picture."""
    import shutil

    if shutil.which("git") is None or not (SOURCE_ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    left = ["build/build.ninja", "build-install/build.ninja", "dist/portvakt-0.2.0-cp311.whl",
            ".mesonpy-native-file.ini", ".mesonpy-x1y2z3/build.ninja", "venv/bin/python",
            "portal_check", "timeline.svg", "examples/__pycache__/x.pyc", ".hypothesis/x"]
    proc = subprocess.run(["git", "-C", str(SOURCE_ROOT), "check-ignore", "--no-index", *left],
                          capture_output=True, text=True)
    assert sorted(proc.stdout.split()) == sorted(left)
