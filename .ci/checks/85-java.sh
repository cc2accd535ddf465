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
# meson install puts the jars under share/java/.
stage=$(mktemp -d /tmp/portvakt-java-install.XXXXXX)
trap 'rm -rf "$stage"' EXIT
DESTDIR="$stage" meson install -C "$dir" --quiet
installed=$(find "$stage" -path '*/share/java/portvakt-*.jar' | sort)
echo "85-java: installed: $installed"
echo "$installed" | grep -q -- '-sources\.jar$' || { echo "85-java: FAIL: no -sources.jar installed" >&2; exit 1; }
echo "$installed" | grep -q '/portvakt-[0-9.]*\.jar$' || { echo "85-java: FAIL: no jar installed" >&2; exit 1; }
# The installed jar keeps its manifest (Class-Path to jackson-core): its check runs.
java -jar "$(echo "$installed" | grep '/portvakt-[0-9.]*\.jar$')" check tests/conformance/age.json |
  grep -q ' passed, 0 failed$' || { echo "85-java: FAIL: the installed jar's check" >&2; exit 1; }
# The pom inside the jar: `mvn install:install-file -Dfile=JAR` needs nothing else. Run when
# Maven and Debian's install plugin are here (maven, libmaven-install-plugin-java), offline:
# Debian's local repository is the only mirror.
plugin=/usr/share/maven-repo/org/apache/maven/plugins/maven-install-plugin
if command -v mvn >/dev/null && [ -d "$plugin" ]; then
  printf '%s\n' '<settings><mirrors><mirror><id>debian</id><mirrorOf>*</mirrorOf>' \
    '<url>file:///usr/share/maven-repo</url></mirror></mirrors></settings>' > "$stage/settings.xml"
  mvn -B -q -s "$stage/settings.xml" -Dmaven.repo.local="$stage/m2" install:install-file -Dfile="$jar"
  version=$(basename "$jar" .jar); version=${version#portvakt-}
  [ -f "$stage/m2/org/portvakt/portvakt/$version/portvakt-$version.pom" ] ||
    { echo "85-java: FAIL: mvn install:install-file did not install org.portvakt:portvakt:$version" >&2; exit 1; }
  echo "85-java: mvn install:install-file -Dfile=$jar: org.portvakt:portvakt:$version"
else
  echo "85-java: mvn install:install-file not tried (no mvn or no $plugin)"
fi
echo "85-java: OK"
