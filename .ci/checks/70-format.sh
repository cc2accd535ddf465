#!/usr/bin/env bash
# Format: src/, the public header and the examples as the committed .clang-format lays them out.
# To fix: clang-format -i src/*.h src/*/*.c src/*/*.h include/*.h examples/*.c
set -euo pipefail
files=(src/*.h src/*/*.c src/*/*.h include/*.h examples/*.c)
echo "70-format: $(clang-format --version | grep -o 'version [0-9.]*') --dry-run --Werror on ${#files[@]} files"
clang-format --dry-run --Werror "${files[@]}"
echo "70-format: OK: ${#files[@]} files match .clang-format"
