#!/usr/bin/env bash
# Fuzzing: the libFuzzer targets of tests/fuzz (clang, ASan + UBSan), each for 60 seconds
# (PV_FUZZ_SECONDS) on a copy of its committed seed corpus with its dictionary
# (tests/fuzz/<target>.dict: 64-byte ids, the bytes that grow a record to the caps of RULES.md
# section 8, versions; fuzz_log_line: the members of an access-log line; fuzz_citizen_json: the
# members of a stored citizen record), one after the other:
# about six minutes with the build. A crash, a sanitizer finding, a broken invariant, a leak or an input
# slower than 10 s fails the check; the input is kept in $dir/fuzz-artifacts/.
set -euo pipefail
source .ci/lib.sh
dir=build-rel-fuzz
seconds=${PV_FUZZ_SECONDS:-60}
targets=(fuzz_date fuzz_pnr fuzz_evaluate fuzz_beyond fuzz_log_line fuzz_citizen_json)
echo "30-fuzz: ${targets[*]} for ${seconds} s each in $dir"

CC=clang CXX=clang++ setup_build "$dir" -Dfuzzing=true
meson compile -C "$dir"
# The committed corpus first, as a regression test.
meson test -C "$dir" --suite fuzz --print-errorlogs

artifacts="$dir/fuzz-artifacts"
rm -rf "$artifacts" && mkdir -p "$artifacts"
for target in "${targets[@]}"; do
  corpus=$(mktemp -d)
  cp tests/fuzz/corpus/$target/* "$corpus/"
  log="$dir/$target.log"
  dict=()
  [ -f "tests/fuzz/$target.dict" ] && dict=(-dict="tests/fuzz/$target.dict")
  if ! "$dir/tests/fuzz/$target" -max_total_time="$seconds" -timeout=10 -print_final_stats=1 \
      "${dict[@]}" -artifact_prefix="$artifacts/$target-" "$corpus" > "$log" 2>&1; then
    tail -n 60 "$log" >&2
    echo "30-fuzz: FAIL: $target found a problem; input in $artifacts" >&2
    exit 1
  fi
  rm -rf "$corpus"
  echo "$target: $(sed -n 's/^stat::number_of_executed_units: *//p' "$log") executions, no finding"
done

echo "30-fuzz: OK: ${#targets[@]} targets fuzzed for ${seconds} s each, no crash"
