#!/usr/bin/env bash
# valgrind: the C tests under memcheck through the 'valgrind' test setup of meson.build
# (--error-exitcode=1 --leak-check=full): any invalid access, use of uninitialised memory or
# definite leak fails the test.
set -euo pipefail
source .ci/lib.sh
dir=build-rel-valgrind
echo "20-valgrind: the C tests under valgrind memcheck in $dir"

setup_build "$dir"
meson compile -C "$dir"

# The C tests are the tests whose program is built in $dir. So left out are the Python tests
# and scripts (valgrind would check python3 and bash, not portvakt), and by name:
#   exhaustive       half a minute natively, some ten minutes under valgrind;
#   exhaustive-plan  seconds natively, two to four minutes under valgrind.
# Both run under ASan + UBSan in 10-sanitizers.sh; the unit suite runs the same code here.
long_running='exhaustive exhaustive-plan'
mapfile -t tests < <(meson introspect --tests "$dir" | LONG="$long_running" DIR="$PWD/$dir" \
  /usr/bin/python3 -c '
import json, os, sys
long_running = os.environ["LONG"].split()
for t in json.load(sys.stdin):
    if t["cmd"][0].startswith(os.environ["DIR"] + "/") and t["name"] not in long_running:
        print(t["name"])')
echo "tests: ${tests[*]}"

meson test -C "$dir" --setup valgrind --print-errorlogs "${tests[@]}"

echo "20-valgrind: OK: ${#tests[@]} C tests passed under valgrind, no error and no leak"
