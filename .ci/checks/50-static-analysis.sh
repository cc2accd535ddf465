#!/usr/bin/env bash
# Static analysis of src/: clang-tidy with the committed .clang-tidy (bugprone, cert,
# clang-analyzer, readability; every finding an error) over the compile commands of build/,
# and cppcheck (warning, style, performance, portability). Any finding fails the check.
set -euo pipefail
build=${PV_CI_BUILD_DIR:-build}  # the quick start's build; it holds compile_commands.json
echo "50-static-analysis: clang-tidy and cppcheck on src/ (compile commands of $build)"

echo "::: $(clang-tidy --version | grep -m1 version)"
# Two files at a time (two cores); --quiet leaves only findings, which .clang-tidy makes errors.
printf '%s\n' src/*/*.c | xargs -P 2 -n 1 clang-tidy -p "$build" --quiet
echo "clang-tidy: no finding in $(ls src/*/*.c | wc -l) files"

echo "::: $(cppcheck --version)"
cppcheck --error-exitcode=1 --enable=warning,style,performance,portability --inline-suppr \
  --std=c11 --quiet -I include -I "$build/include" src/
echo "cppcheck: no finding"

echo "50-static-analysis: OK: clang-tidy and cppcheck found nothing in src/"
