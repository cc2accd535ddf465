#!/usr/bin/env bash
# Coverage: the test suite on a -Db_coverage=true build (gcc, -O0), then gcovr over src/
# only. Fails below 100 % of lines or 95 % of branches (branches the compiler proves
# unreachable are left out).
set -euo pipefail
source .ci/lib.sh
dir=build-rel-cov
echo "40-coverage: line and branch coverage of src/ by the test suite in $dir"

# Atomic counters: the threads test runs the library on eight threads at once.
setup_build "$dir" -Db_coverage=true -Dbuildtype=debug -Dc_args=-fprofile-update=atomic
meson compile -C "$dir"
find "$dir" -name '*.gcda' -delete  # count this run only
# -O0 with counters is several times slower (the exhaustive check above all): timeouts x 3.
# Suite 'slow' (the wheel check) builds and tests a copy of the project elsewhere, which adds
# nothing to the counts of $dir.
meson test -C "$dir" --print-errorlogs --no-suite slow --timeout-multiplier 3

gcovr --root . --object-directory "$dir" --filter 'src/' --exclude-unreachable-branches \
  --exclude-throw-branches --json "$dir/coverage.json"
report() { gcovr --root . --add-tracefile "$dir/coverage.json" "$@"; }
echo "::: files with lines not run (the missing lines listed):"
report --sort-percentage | awk '!/ 100%$/ && !/^-+$/'
echo "::: branches per file:"
report --branches --sort-percentage | awk '!/^-+$/'
echo "::: summary:"
if ! report --print-summary --fail-under-line 100 --fail-under-branch 95 --txt /dev/null; then
  echo "40-coverage: FAIL: src/ is below 100 % of lines or 95 % of branches" >&2
  exit 1
fi

# The C of the bindings (bindings/common/, bindings/python/ext/, bindings/java/native/), run by
# the Python and Java suites: measured and reported on its own (the thresholds above are src/'s).
gcovr --root . --object-directory "$dir" --filter 'bindings/common/' --filter 'bindings/python/ext/' \
  --filter 'bindings/java/native/' \
  --exclude-unreachable-branches --json "$dir/coverage-bindings.json"
echo "::: the C of the bindings, lines per file:"
gcovr --root . --add-tracefile "$dir/coverage-bindings.json" --sort-percentage | awk '!/^-+$/'
echo "::: the C of the bindings, summary:"
gcovr --root . --add-tracefile "$dir/coverage-bindings.json" --print-summary --txt /dev/null

echo "40-coverage: OK: src/ at 100 % of lines and at least 95 % of branches"
