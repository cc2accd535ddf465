#!/usr/bin/env python3
"""The build steps of the Java binding that meson cannot express itself (SWIG writes one Java
file per C type, whose names are not known in advance):

    swig   SWIG OUTDIR WRAP_C STAMP ARGS...    runs SWIG into OUTDIR/jni-src (emptied first)
    jar    see jar()                           compiles the classes and writes the jars
    tests  see tests()                         compiles the JUnit tests against the jar
    install DIR FILE...                        copies the jars to DESTDIR/prefix/DIR (meson's
                                               own install of a .jar drops its Class-Path)
"""

import os
import shutil
import subprocess
import sys
import zipfile


def run(cmd):
    done = subprocess.run(cmd)
    if done.returncode != 0:
        sys.exit(done.returncode)


def java_files(*dirs):
    out = []
    for d in dirs:
        for top, _, names in os.walk(d):
            out += sorted(os.path.join(top, n) for n in names if n.endswith(".java"))
    return sorted(out)


def swig(args):
    swig_prog, outdir, wrap_c, stamp = args[:4]
    src = os.path.join(outdir, "jni-src")
    shutil.rmtree(src, ignore_errors=True)
    os.makedirs(src)
    run([swig_prog, "-java", "-package", "org.portvakt.jni", "-outdir", src, "-o", wrap_c] + args[4:])
    # SWIG 4.1 has no pragma for the comment of the constants interface: it is added here.
    constants = os.path.join(src, "PortvaktCConstants.java")
    if os.path.exists(constants):
        with open(constants, encoding="utf-8") as f:
            text = f.read()
        text = text.replace("public interface PortvaktCConstants",
                            "/** The constants of include/portvakt.h (PV_MAX_SEALS ...), as SWIG wraps them. */\n"
                            "public interface PortvaktCConstants", 1)
        with open(constants, "w", encoding="utf-8") as f:
            f.write(text)
    with open(stamp, "w") as f:
        f.write("\n".join(java_files(src)) + "\n")


def jar(args):
    (javac, jar_prog, workdir, version, jackson, jni_lib, platform, pom, out_jar, out_sources,
     *sources) = args
    classes = os.path.join(workdir, "classes")
    shutil.rmtree(classes, ignore_errors=True)
    os.makedirs(classes)
    generated = java_files(os.path.join(workdir, "jni-src"))
    all_sources = generated + sources
    run([javac, "-encoding", "UTF-8", "--release", "17", "-Xlint:all,-serial", "-Werror",
         "-cp", jackson, "-d", classes] + all_sources)
    native_dir = os.path.join(classes, "org", "portvakt", "native", platform)
    os.makedirs(native_dir)
    shutil.copy(jni_lib, os.path.join(native_dir, "libportvakt_jni.so"))
    maven = os.path.join(classes, "META-INF", "maven", "org.portvakt", "portvakt")
    os.makedirs(maven)
    shutil.copy(pom, os.path.join(maven, "pom.xml"))
    with open(os.path.join(maven, "pom.properties"), "w") as f:
        f.write(f"groupId=org.portvakt\nartifactId=portvakt\nversion={version}\n")
    manifest = os.path.join(workdir, "MANIFEST.MF")
    with open(manifest, "w") as f:
        f.write("Main-Class: org.portvakt.json.Main\n"
                f"Class-Path: file:{jackson}\n"
                "Implementation-Title: portvakt\n"
                f"Implementation-Version: {version}\n"
                "Automatic-Module-Name: org.portvakt\n"
                # JDK 22 and later warn when a library loads native code unless allowed; for
                # java -jar this attribute allows it (older JDKs ignore it).
                "Enable-Native-Access: ALL-UNNAMED\n")
    for path in (out_jar, out_sources):
        if os.path.exists(path):
            os.remove(path)
    run([jar_prog, "--create", "--file", out_jar, "--manifest", manifest, "-C", classes, "."])
    # The sources jar: the hand-written and the generated sources, by package path.
    with zipfile.ZipFile(out_sources, "w", zipfile.ZIP_DEFLATED) as z:
        for s in all_sources:
            with open(s, encoding="utf-8") as f:
                text = f.read()
            package = ""
            for line in text.splitlines():
                if line.startswith("package "):
                    package = line[len("package "):].strip().rstrip(";")
                    break
            z.write(s, os.path.join(*package.split("."), os.path.basename(s)))


def tests(args):
    javac, junit, the_jar, jackson, outdir, stamp, *sources = args
    shutil.rmtree(outdir, ignore_errors=True)
    os.makedirs(outdir)
    run([javac, "-encoding", "UTF-8", "--release", "17", "-cp",
         os.pathsep.join([the_jar, jackson, junit]), "-d", outdir] + sources)
    with open(stamp, "w") as f:
        f.write("ok\n")


def install(args):
    subdir, *files = args
    prefix = os.environ["MESON_INSTALL_DESTDIR_PREFIX"]
    target = os.path.join(prefix, subdir)
    os.makedirs(target, exist_ok=True)
    for f in files:
        out = os.path.join(target, os.path.basename(f))
        shutil.copyfile(f, out)
        os.chmod(out, 0o644)
        if not os.environ.get("MESON_INSTALL_QUIET"):
            print(f"Installing {f} to {target}")


if __name__ == "__main__":
    {"swig": swig, "jar": jar, "tests": tests, "install": install}[sys.argv[1]](sys.argv[2:])
