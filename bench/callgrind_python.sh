#!/bin/sh
# callgrind_python.sh [BUILD_DIR] — instructions per decision from Python, counted by callgrind on
# bench_python.py's own workloads: portvakt.evaluate per call (the per-call list of 1,000
# requests), Prepared.evaluate per call (the same list, each child prepared once) and
# portvakt.evaluate_many per decision (the region audit in one call).
#
# Each mode runs twice under `valgrind --tool=callgrind` (python3 bench/bench_python.py
# --callgrind MODE --passes N), with PASSES_LOW and PASSES_HIGH passes of its loop after the same
# set-up and warm-up; the difference of the two totals over the decisions of the extra passes is
# the cost of one decision, set-up and interpreter start-up cancelled out. Instruction counts do
# not depend on the load of the machine.
#
# Environment: CHILDREN (default 500), PASSES_LOW (1), PASSES_HIGH (3), PYTHON (/usr/bin/python3),
# PYTHONHASHSEED (default 0: with a random seed per run, the set-up of the two runs lays out its
# dicts differently and the difference carries hundreds of instructions per decision of noise).
set -eu
PYTHONHASHSEED=${PYTHONHASHSEED:-0}
export PYTHONHASHSEED
build=${1:-build-bench}
python=${PYTHON:-/usr/bin/python3}
children=${CHILDREN:-500}
low=${PASSES_LOW:-1}
high=${PASSES_HIGH:-3}
command -v valgrind >/dev/null || { echo "callgrind_python.sh: valgrind is not installed" >&2; exit 1; }
out=$(mktemp -d /tmp/portvakt-callgrind.XXXXXX)
trap 'rm -rf "$out"' EXIT
here=$(dirname "$0")

total() {
  PYTHONPATH=$build/bindings/python valgrind --tool=callgrind --callgrind-out-file="$out/$1.$2.out" \
    "$python" "$here/bench_python.py" --callgrind "$1" --passes "$2" --children "$children" \
    >"$out/$1.$2.stdout" 2>"$out/$1.$2.log" || { cat "$out/$1.$2.log" >&2; exit 1; }
  awk '/^totals:/ { total = $2 } END { print total + 0 }' "$out/$1.$2.out"
}

echo "portvakt from Python: instructions per decision, callgrind ($children children, passes $low vs $high)"
for mode in evaluate prepared many; do
  a=$(total "$mode" "$low")
  b=$(total "$mode" "$high")
  n=$(sed -n 's/^mode=.* decisions_per_pass=\([0-9]*\)$/\1/p' "$out/$mode.$high.stdout")
  awk -v m="$mode" -v a="$a" -v b="$b" -v n="${n:-0}" -v p=$((high - low)) \
    'BEGIN { if (n == 0) printf "%-10s       n/a (the package has no such path)\n", m;
             else printf "%-10s %9.1f instructions/decision  (%d decisions a pass)\n", m, (b - a) / (p * n), n }'
done
