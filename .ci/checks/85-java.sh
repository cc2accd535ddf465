#!/usr/bin/env bash
# The Java binding: a build with -Djava=enabled in its own directory, the JUnit suite 'java'
# (typemaps, every conformance vector, threads, native memory over 10 M calls, the loader both
# ways), the jar's own `check` on tests/conformance (0 failed), and the example run with nothing
# but the jar on the class path. The C-only and Python builds are the other checks' business.
set -euo pipefail
source .ci/lib.sh
dir=build-java
echo "85-java: the Java binding in $dir"

setup_build "$dir" -Djava=enabled
meson compile -C "$dir"
meson test -C "$dir" --suite java --print-errorlogs
jar=$(ls "$dir"/bindings/java/portvakt-*[0-9].jar)
out=$(java -jar "$jar" check tests/conformance | tail -n 1)
echo "85-java: java -jar $jar check tests/conformance: $out"
case "$out" in
  *" passed, 0 failed") ;;
  *) echo "85-java: FAIL: $out" >&2; exit 1 ;;
esac
java -cp "$jar" examples/java/PortalCheck.java >/dev/null
echo "85-java: OK"
