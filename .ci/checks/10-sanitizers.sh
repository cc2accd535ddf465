#!/usr/bin/env bash
# Sanitizers: the test suite built with AddressSanitizer and UndefinedBehaviorSanitizer (gcc);
# recovery is off, so any finding aborts the test that meets it and fails this check.
set -euo pipefail
source .ci/lib.sh
dir=build-rel-asan
echo "10-sanitizers: the tests under ASan + UBSan in $dir"

setup_build "$dir" -Db_sanitize=address,undefined \
  -Dc_args=-fno-sanitize-recover=all -Dc_link_args=-fno-sanitize-recover=all \
  -Dcpp_args=-fno-sanitize-recover=all -Dcpp_link_args=-fno-sanitize-recover=all
meson compile -C "$dir"

export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:abort_on_error=1
asan=detect_stack_use_after_return=1:strict_string_checks=1:halt_on_error=1:abort_on_error=1

echo "::: the C tests, leak detection on"
ASAN_OPTIONS=$asan:detect_leaks=1 meson test -C "$dir" --print-errorlogs --no-suite python

# The Python tests load the sanitized extension into the uninstrumented python3, which works
# only with the sanitizer runtimes preloaded. Leak detection is off: CPython does not free its
# own memory at exit. pytest leaves fd 2 alone (--capture=sys) so that a report is seen. Suite
# 'slow' (the wheel check) builds and tests an unsanitized copy of the project: left out.
echo "::: the Python tests, runtimes preloaded"
LD_PRELOAD="$(gcc -print-file-name=libasan.so):$(gcc -print-file-name=libubsan.so)" \
  ASAN_OPTIONS=$asan:detect_leaks=0 PYTEST_ADDOPTS=--capture=sys \
  meson test -C "$dir" --print-errorlogs --suite python --no-suite slow

echo "10-sanitizers: OK: every test passed under ASan + UBSan, no finding"
