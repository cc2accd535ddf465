#!/usr/bin/env bash
# The concurrency promise: the eight-thread test (tests/threads) built with ThreadSanitizer
# (clang), so that a data race anywhere in the library, on any public function, fails CI.
set -euo pipefail
source .ci/lib.sh
dir=build-tsan
echo "15-threads: tests/threads under ThreadSanitizer in $dir"

CC=clang setup_build "$dir" -Db_sanitize=thread -Db_lundef=false -Dpython=disabled
meson compile -C "$dir" tests/threads/threads
TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 \
  meson test -C "$dir" --print-errorlogs threads

echo "15-threads: OK: 8 threads through every public function, no data race"
