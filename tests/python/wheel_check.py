"""Builds the portvakt wheel offline with meson-python, installs it into a fresh virtual
environment and uses it: import, evaluate, and the `portvakt pnr` console script.

Usage: python3 wheel_check.py SOURCE_ROOT   (run by `meson test --suite slow`)

The build runs on a copy of the source tree (without build directories and .git): meson-python
0.12 writes its native file and working directory into the source directory it builds.
"""

import glob
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile


def run(argv, **kwargs):
    print("+", " ".join(argv), flush=True)
    return subprocess.run(argv, check=True, **kwargs)


def ignore(directory, names):
    return [n for n in names
            if n in (".git", "dist", "__pycache__", ".hypothesis") or n.startswith(("build", ".mesonpy"))]


def main() -> int:
    root = os.path.abspath(sys.argv[1])
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "MESON_SOURCE_ROOT", "MESON_BUILD_ROOT", "PORTVAKT_SOURCE_ROOT")}
    with tempfile.TemporaryDirectory(prefix="portvakt-wheel-") as tmp:
        source = os.path.join(tmp, "portvakt")
        shutil.copytree(root, source, ignore=ignore, symlinks=True)
        dist = os.path.join(tmp, "dist")
        run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", dist,
             "-C", "builddir=" + os.path.join(tmp, "build"), source], env=env, cwd=tmp)
        wheels = glob.glob(os.path.join(dist, "portvakt-*.whl"))
        assert len(wheels) == 1, wheels
        names = zipfile.ZipFile(wheels[0]).namelist()
        print("\n".join(names))
        for required in ("portvakt/__init__.py", "portvakt/cportvakt.py", "portvakt/py.typed",
                         "portvakt/_cli.py", "portvakt/RULES.md"):
            assert required in names, required
        assert any(n.endswith(".dist-info/LICENSE") for n in names), names
        assert any(n.startswith("portvakt/_cportvakt.") and n.endswith(".so") for n in names), names
        assert any(n.endswith("entry_points.txt") for n in names), names
        # Nothing but the package and its metadata: no C library, portvakt.pc, C headers or a
        # second bin/portvakt (the console script of entry_points.txt is the command).
        strays = [n for n in names if not n.startswith(("portvakt/", "portvakt-"))
                  or (n.startswith("portvakt-") and ".dist-info/" not in n)]
        assert strays == [], strays
        assert not any(n.endswith((".h", ".pc")) or "libportvakt" in n for n in names), names

        venv = os.path.join(tmp, "venv")
        run([sys.executable, "-m", "venv", "--system-site-packages", venv], env=env)
        vpython = os.path.join(venv, "bin", "python")
        run([vpython, "-m", "pip", "install", "--no-index", "--no-deps", "--quiet", wheels[0]],
            env=env, cwd=tmp)
        code = (
            "import datetime, portvakt as pv\n"
            "assert pv.__file__.startswith(%r), pv.__file__\n"
            "c = pv.Citizen(birth_date=datetime.date(2013, 3, 4), guardians=[pv.Guardian('g1')])\n"
            "d = pv.evaluate(c, pv.Actor.guardian('g1'), pv.Service.e_services(), datetime.date(2026, 3, 4))\n"
            "assert (d.effect, d.reason, d.rule) == (pv.Effect.DENY, pv.Reason.PROXY_ENDED, 'G1'), d\n"
            "import importlib.resources\n"
            "assert (importlib.resources.files('portvakt') / 'RULES.md').read_text(encoding='utf-8')"
            ".startswith('# The portvakt rule catalogue')\n"
            "print('wheel import ok', pv.__version__)\n" % venv
        )
        run([vpython, "-c", code], env=env, cwd=tmp)
        script = os.path.join(venv, "bin", "portvakt")
        out = run([script, "pnr", "19121212-1212", "--on", "2026-11-22"], env=env, cwd=tmp,
                  capture_output=True, text=True).stdout
        print(out)
        # N1, N2, A1: a valid personnummer born 1912-12-12 is 113 on 2026-11-22.
        assert "birth date: 1912-12-12" in out, out
        assert "age on 2026-11-22: 113" in out, out
    print("wheel check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
