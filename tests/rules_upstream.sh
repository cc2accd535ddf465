#!/bin/sh
# rules_upstream.sh — docs/RULES.md, the project's copy of the rule catalogue, must be the same
# bytes as the upstream RULES.md when that is present (../shared/RULES.md beside the project).
#
# Usage: rules_upstream.sh LOCAL UPSTREAM   (run by `meson test` as 'rules-upstream')
# Exits 0 when the two are identical, 1 when they differ or LOCAL is missing, and 77 (meson's
# "skipped") when UPSTREAM does not exist, as in a clone without ../shared.
set -eu

if [ "$#" -ne 2 ]; then
  echo "usage: $0 LOCAL UPSTREAM" >&2
  exit 2
fi
local_copy=$1
upstream=$2

if [ ! -e "$upstream" ]; then
  echo "rules-upstream: skipped: $upstream does not exist (no upstream beside the project)"
  exit 77
fi
if [ ! -f "$local_copy" ]; then
  echo "rules-upstream: FAIL: $local_copy is missing" >&2
  echo "  restore it from upstream:  cp '$upstream' '$local_copy'" >&2
  exit 1
fi

if cmp -s "$local_copy" "$upstream"; then
  echo "rules-upstream: $local_copy is identical to $upstream"
  exit 0
fi

{
  echo "rules-upstream: FAIL: $local_copy differs from $upstream"
  cmp "$local_copy" "$upstream" || true
  if command -v diff >/dev/null 2>&1; then
    echo "first lines of the difference (diff -u LOCAL UPSTREAM):"
    diff -u "$local_copy" "$upstream" | head -n 40 || true
  fi
  echo "The upstream file is the specification. To update the project's copy:"
  echo "  cp '$upstream' '$local_copy'"
  echo "then commit docs/RULES.md (with the code, vectors and CHANGELOG.md it calls for)."
  echo "If the project's copy is the one that is right, the change belongs upstream first."
} >&2
exit 1
