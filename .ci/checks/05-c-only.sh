#!/usr/bin/env bash
# A C-only packager's build: -Dpython=disabled -Djava=disabled needs neither SWIG nor Python
# headers nor a JDK, and every C test still runs. (python3 itself stays: meson and the conformance count script use it.)
set -euo pipefail
source .ci/lib.sh
dir=build-c-only
echo "05-c-only: the C library and its tests without the Python bindings, in $dir"

setup_build "$dir" -Dpython=disabled -Djava=disabled
meson compile -C "$dir"
if [ -e "$dir/bindings/python/portvakt/cportvakt.py" ] || ls "$dir"/bindings/java/*.jar >/dev/null 2>&1; then
  echo "05-c-only: FAIL: the bindings were built with -Dpython=disabled -Djava=disabled" >&2
  exit 1
fi
meson test -C "$dir" --print-errorlogs
echo "05-c-only: OK: built and tested without SWIG, the Python bindings and Java"
