#!/bin/sh
# callgrind.sh [BUILD_DIR] [--annotate] — instructions per decision, counted by callgrind.
#
# Runs build-bench/bench/portvakt-bench (or BUILD_DIR/bench/portvakt-bench) under
# `valgrind --tool=callgrind` once per mode — pv_evaluate, pv_decide, and pv_evaluate with the birth
# date as a personnummer over the seeded mix, pv_evaluate_prepared over the mix (each record
# prepared before the loop); then the pages of the mix (every actor of each
# record asking for every service of it) through pv_evaluate once per request and through
# pv_evaluate_many once per page — and prints the average number of instructions per decision. The benchmark switches callgrind's instrumentation on only around the loop
# (CALLGRIND_START/STOP_INSTRUMENTATION); a benchmark built without valgrind/callgrind.h is measured
# by subtracting a run that only generates the mix. Instruction counts do not depend on the load of
# the machine, so the figure is stable where timings are not.
#
# The callgrind output files stay in BUILD_DIR/bench/callgrind.<mode>.out; with --annotate the
# script also prints the functions that cost the most (callgrind_annotate, exclusive counts).
#
# Environment: PASSES (default 1), COUNT (default 10000), SEED (default: the benchmark's).
set -eu

build=build-bench
annotate=no
for arg in "$@"; do
  case $arg in
    --annotate) annotate=yes ;;
    -*) echo "usage: bench/callgrind.sh [BUILD_DIR] [--annotate]" >&2; exit 2 ;;
    *) build=$arg ;;
  esac
done
bench=$build/bench/portvakt-bench
if [ ! -x "$bench" ]; then
  echo "callgrind.sh: $bench not found; build first: meson compile -C $build" >&2
  exit 1
fi
command -v valgrind >/dev/null || { echo "callgrind.sh: valgrind is not installed" >&2; exit 1; }

passes=${PASSES:-1}
count=${COUNT:-10000}
seed_args=
[ -n "${SEED:-}" ] && seed_args="--seed $SEED"
out=$build/bench

# The total instruction count of a callgrind output file.
total_ir() {
  awk '/^totals:/ { total = $2 } END { print total + 0 }' "$1"
}

# callgrind MODE PASSES INSTR_AT_START -> the total instruction count
run_callgrind() {
  file=$out/callgrind.$1.out
  [ "$2" = 0 ] && file=$out/callgrind.$1.base.out
  # shellcheck disable=SC2086
  valgrind --tool=callgrind --instr-atstart="$3" --callgrind-out-file="$file" \
    "$bench" --callgrind "$1" --passes "$2" --count "$count" $seed_args >"$file.stdout" 2>"$file.log" || {
    echo "callgrind.sh: valgrind failed, see $file.log" >&2; exit 1; }
  total_ir "$file"
}

# Does the benchmark toggle the instrumentation itself?
"$bench" --callgrind decide --passes 0 --count 1 | grep -q '^callgrind_client_requests=yes$' &&
  toggled=yes || toggled=no

echo "portvakt instructions per decision: $count requests x $passes pass(es), callgrind"
for mode in evaluate decide evaluate-pnr prepared page many; do
  if [ "$toggled" = yes ]; then
    ir=$(run_callgrind "$mode" "$passes" no)
  else
    full=$(run_callgrind "$mode" "$passes" yes)
    base=$(run_callgrind "$mode" 0 yes)
    ir=$((full - base))
  fi
  # The decisions the benchmark made (the pages hold more requests than the mix).
  decisions=$(sed -n 's/^mode=.* decisions=\([0-9]*\) .*/\1/p' "$out/callgrind.$mode.out.stdout")
  case $mode in
    evaluate) label="pv_evaluate (with changes_on)" ;;
    decide) label="pv_decide (no changes_on)" ;;
    evaluate-pnr) label="pv_evaluate, personnummer" ;;
    prepared) label="pv_evaluate_prepared" ;;
    page) label="pages, pv_evaluate" ;;
    *) label="pages, pv_evaluate_many" ;;
  esac
  awk -v l="$label" -v ir="$ir" -v n="$decisions" \
    'BEGIN { printf "%-30s %8.1f instructions/decision  (%d in all)\n", l, ir / n, ir }'
  if [ "$annotate" = yes ]; then
    callgrind_annotate --threshold=99 "$out/callgrind.$mode.out" 2>/dev/null |
      sed -n '/^Ir/,$p' | head -25
  fi
done
