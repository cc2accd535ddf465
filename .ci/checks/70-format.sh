#!/usr/bin/env bash
# Format: src/, the public header, the examples, the C of the bindings (bindings/common/,
# bindings/python/ext/, bindings/java/native/) and the fuzzers (tests/fuzz/) as the committed
# .clang-format lays them out.
# To fix: clang-format -i src/*.h src/*/*.c src/*/*.h include/*.h examples/*.c bindings/common/*.[ch] \
#   bindings/python/ext/*.[ch] bindings/java/native/*.[ch] tests/fuzz/*.[ch]
set -euo pipefail
files=(src/*.h src/*/*.c src/*/*.h include/*.h examples/*.c bindings/common/*.[ch] bindings/python/ext/*.[ch]
  bindings/java/native/*.[ch] tests/fuzz/*.[ch])
echo "70-format: $(clang-format --version | grep -o 'version [0-9.]*') --dry-run --Werror on ${#files[@]} files"
clang-format --dry-run --Werror "${files[@]}"
echo "70-format: OK: ${#files[@]} files match .clang-format"
