#!/usr/bin/env bash
# Format: src/, the public header and the examples as the committed .clang-format lays them out.
# To fix: clang-format -i src/*.h src/*/*.c src/*/*.h include/*.h examples/*.c bindings/java/native/*.[ch]
set -euo pipefail
files=(src/*.h src/*/*.c src/*/*.h include/*.h examples/*.c bindings/java/native/*.[ch])
echo "70-format: $(clang-format --version | grep -o 'version [0-9.]*') --dry-run --Werror on ${#files[@]} files"
clang-format --dry-run --Werror "${files[@]}"
echo "70-format: OK: ${#files[@]} files match .clang-format"
